"""The command line as users run it: formats, exit codes, one-line errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import SEEDS, run_cli


def test_mentions_geojson_jsonl_csv_agree():
    seed = str(SEEDS / "004_3824384fed6630ea.txt")
    gj = run_cli("mentions", seed)
    assert gj.returncode == 0, gj.stderr
    fc = json.loads(gj.stdout)
    assert fc["type"] == "FeatureCollection" and fc["features"]
    first = fc["features"][0]
    assert first["id"] == first["properties"]["id"]
    assert set(first["properties"]) >= {"doc", "start", "end", "text", "place_id", "name", "country",
                                        "feature_class", "score"}
    jl = [json.loads(x) for x in run_cli("mentions", seed, "--format", "jsonl").stdout.splitlines()]
    rows = list(csv.DictReader(io.StringIO(run_cli("mentions", seed, "--format", "csv").stdout)))
    assert len(jl) == len(rows) == len(fc["features"])
    text = (SEEDS / "004_3824384fed6630ea.txt").read_text(encoding="utf-8")
    assert all(text[m["start"]: m["end"]] == m["text"] for m in jl)
    assert any(m["text"] == "Selyatino" for m in jl)


def test_geocode_json():
    proc = run_cli("geocode", "Uralsk", "--json")
    assert proc.returncode == 0, proc.stderr
    best = json.loads(proc.stdout)[0]
    assert best["name"] == "Oral" and best["country"] == "KZ"


def test_geocode_reads_a_utf8_name_in_the_c_locale():
    """In the C locale (ASCII, UTF-8 mode off) a valid UTF-8 argument had been called "not valid text in the
    terminal's encoding (UTF-8)" (hostile pass 28, S4): it is read; bytes that are no UTF-8 are one line, exit 2."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    for name, code, said in (("Алматы".encode(), 0, b"Almaty, KZ"), (b"\xff\xfeAlmaty", 2, b"not valid text")):
        proc = subprocess.run([sys.executable, "-m", "mapper", "geocode", name, "--limit", "1"], cwd=ROOT, env=env,
                              capture_output=True, timeout=120)
        assert proc.returncode == code and said in proc.stdout + proc.stderr, proc.stderr


def test_a_file_named_dash_is_read_when_named_as_a_path(tmp_path):
    """"./-" names the file "-" (it had read standard input: hostile pass 30, E5); "-" alone is standard input."""
    (tmp_path / "-").write_text("Trains from Almaty to Aktau.", encoding="utf-8")
    for arg, places in (("./-", ["Almaty", "Aktau"]), ("-", ["Baku"])):
        proc = run_cli("mentions", "--format", "jsonl", arg, cwd=tmp_path, input="Buses from Baku.")
        assert proc.returncode == 0 and [json.loads(x)["text"] for x in proc.stdout.splitlines()] == places, arg


def test_geocode_country_and_near_filters():
    proc = run_cli("geocode", "Aktau", "--near", "50.2,73.1", "--limit", "1", "--json")
    hit = json.loads(proc.stdout)[0]
    assert abs(hit["lat"] - 50.2) < 0.3
    none = run_cli("geocode", "Aktau", "--country", "CN")
    assert none.returncode == 1 and "no match" in none.stderr
    none = run_cli("geocode", "Aktau", "--country", "CN", "--json")  # the same exit code as without --json
    assert none.returncode == 1 and json.loads(none.stdout) == []


def test_questions_without_an_answer_are_one_line_exit_1(gazetteer):
    """A route between places the network does not join, or of a place it lacks, is a sound question without an
    answer: one line and exit 1, as geocode's "no match" (seventeenth hostile pass, S5: it was exit 2, bad
    input)."""
    for args, needle in ((["route", "Xi'an", "Atlantis"], "Atlantis"),
                         (["route", "Lemuria", "Duisburg"], "unknown place 'Lemuria'"),
                         (["route", "Xi'an", "Duisburg", "--avoid", "CN"], "no route from")):
        proc = run_cli(*args)
        lines = proc.stderr.strip().splitlines()
        assert proc.returncode == 1 and len(lines) == 1 and needle in lines[0], (args, proc.returncode, proc.stderr)


@pytest.mark.parametrize("args,needle", [
    (["geocode", "Oral", "--country", "Kazakhstan"], "--country"),
    (["geocode", "Oral", "--near", "north"], "--near"),
    (["geocode", "Oral", "--near", "95,10"], "out of range"),
    (["geocode", "Oral", "--near", "1_0,2"], "--near"),
    (["route", "Xi'an", "Duisburg", "--avoid", "Russia"], "--avoid"),
    (["route", "Xi'an", "Duisburg", "--avoid", "UK"], "GB"),  # (two letters, but no country's code)
    (["geocode", "Oral", "--country", "XX"], "no country's ISO 3166-1"),
    (["geocode", ""], "empty"),
    (["geocode", "x" * 10_000], "10,000 characters"),
    (["mentions", "--encoding", "rot13", "-"], "no text encoding"),
    (["mentions", "--encoding", "undefined", "-"], "no text encoding"),
    (["mentions", "--encoding", "idna", "-"], "no text encoding"),  # (seventeenth hostile pass, S2: a domain
    (["mentions", "--encoding", "punycode", "-"], "no text encoding"),  # name's codec, which reads no document)
])
def test_bad_values_one_line_exit_2(args, needle):
    proc = run_cli(*args)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in proc.stderr


@pytest.mark.parametrize("make,needle", [
    (lambda d: (d / "latin.txt").write_bytes(b"\xff\xfe\x00\x00\x00\x00\x00garbage\x00\x01\x02" * 50), "latin.txt"),
    (lambda d: (d / "empty.txt").write_bytes(b""), "empty file"),
    (lambda d: (d / "folder").mkdir(), "is a directory"),
    (lambda d: None, "no such file"),
])
def test_bad_documents_exit_2_others_still_parsed(tmp_path, make, needle):
    make(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text("Containers leave Aktau for Baku.", encoding="utf-8")
    target = {"latin.txt": "latin.txt", "empty file": "empty.txt", "is a directory": "folder",
              "no such file": "missing.txt"}[needle]
    proc = run_cli("mentions", str(tmp_path / target), str(good), "--format", "jsonl")
    assert proc.returncode == 2
    assert needle in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert {json.loads(x)["text"] for x in proc.stdout.splitlines()} == {"Aktau", "Baku"}


def test_cp1251_document_is_decoded_and_reported(tmp_path):
    doc = tmp_path / "ru.txt"
    doc.write_bytes("Поезда идут из Уральска в Оренбург и Москву.".encode("cp1251"))
    proc = run_cli("mentions", str(doc), "--format", "jsonl")
    assert proc.returncode == 2 and "cp1251" in proc.stderr
    assert [json.loads(x)["text"] for x in proc.stdout.splitlines()] == ["Уральска", "Оренбург", "Москву"]
    assert [json.loads(x)["name"] for x in proc.stdout.splitlines()] == ["Oral", "Orenburg", "Moscow"]
    declared = run_cli("mentions", str(doc), "--format", "jsonl", "--encoding", "cp1251")
    assert declared.returncode == 0 and declared.stderr == ""


def test_python_dash_m_and_help():
    proc = run_cli("--help")
    assert proc.returncode == 0
    for cmd in ("build", "mentions", "geocode", "export", "route", "check"):
        assert cmd in proc.stdout


def test_mentions_reads_standard_input():
    proc = run_cli("mentions", "--format", "jsonl", "-", "--jobs", "2", input="Trains run from Almaty to Moscow.")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["doc"], r["text"]) for r in rows] == [("stdin", "Almaty"), ("stdin", "Moscow")]


def test_an_option_of_the_other_engine_is_refused_not_ignored():
    """--scheduler and --out go with --engine dask, --jobs and --format with the local engine: one line, exit 2,
    rather than a run that silently does something else (fourth hostile pass, E11)."""
    for args, named in ((("--scheduler", "tcp://127.0.0.1:1", "-"), "--scheduler"), (("--out", "x", "-"), "--out"),
                        (("--engine", "dask", "--jobs", "2", "--format", "csv", "--out", "x", "-"),
                         "--jobs and --format")):
        proc = run_cli("mentions", *args, input="Trains from Almaty.")
        assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and named in proc.stderr, proc.stderr


def test_a_console_that_cannot_encode_a_character_gets_an_escape():
    """A cp1252 or latin-1 console cannot write "→" or "Алматы": the output escapes them rather than stopping with
    an internal error and printing nothing (fourth hostile pass, E3)."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    def run(encoding, *args, given=None):
        proc = subprocess.run([sys.executable, "-m", "mapper", *args], cwd=ROOT, input=given, capture_output=True,
                              env={**os.environ, "PYTHONIOENCODING": encoding}, timeout=300)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.decode(encoding)

    assert run("cp1252", "route", "Almaty", "Moscow").startswith("Almaty \\u2192 Moscow: 4,")
    assert run("latin-1", "geocode", "Алматы", "--limit", "1").startswith("0.")  # (its local names escaped)
    assert "\\u0410" in run("latin-1", "geocode", "Алматы", "--limit", "1")
    # (mentions writes its data formats in UTF-8 whatever the console's encoding: it had stopped too)
    out = run("latin-1", "mentions", "-", "--format", "jsonl", given="Грузы идут из Алматы.".encode("utf-8"))
    assert '"name": "Almaty"' in out and '"text": "Алматы"'.encode("utf-8").decode("latin-1") in out


def test_a_route_to_the_same_place_is_refused_and_a_cache_path_may_start_with_home(tmp_path, monkeypatch,
                                                                                   gazetteer):
    """'route Almaty Alma-Ata' is one line, exit 2, not a route of 0 km; CORRIDOR_MAPPER_CACHE="~/x" is the home
    folder's x, not a folder named "~" in the working folder (fourth hostile pass, E11)."""
    from mapper.cache import cache_dir

    proc = run_cli("route", "Almaty", "Alma-Ata")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "same place" in proc.stderr, proc.stderr
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("CORRIDOR_MAPPER_CACHE", "~/x")
    assert cache_dir() == tmp_path / "x"
