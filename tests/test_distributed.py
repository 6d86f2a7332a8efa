"""The Dask engine on a LocalCluster of several worker processes equals the single-process run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, run_cli

distributed = pytest.importorskip("distributed")


def test_local_cluster_equals_single_process(tmp_path, gazetteer):
    from dask.distributed import LocalCluster

    from mapper.distributed import read_parts
    from mapper import distributed as engine
    from mapper.pipeline import make_parser

    docs = sorted(SEEDS.glob("*.txt")) + sorted((ROOT / "tests/data/heldout/docs").glob("*.txt"))
    (tmp_path / "bad.txt").write_bytes(b"")
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        parts = engine.run([*docs, tmp_path / "bad.txt"], tmp_path / "parts", scheduler=cluster.scheduler_address,
                           partitions=4)
    finally:
        cluster.close()
    assert len(parts) == 4
    records = list(read_parts(tmp_path / "parts"))
    errors = [r for r in records if isinstance(r, dict)]
    got = [m.as_dict() for m in records if not isinstance(m, dict)]
    assert len(errors) == 1 and "bad.txt" in errors[0]["error"]
    parser = make_parser(progress=False)
    want = [m.as_dict() for d in docs for m in parser.parse(d.read_text(encoding="utf-8"), d.name)]
    assert got == want


def test_build_consumes_partitions(tmp_path, built):
    """Parts end with a line break (``cat part-*`` is JSON lines) and replace the previous run's only once all
    are written (no stale part, no staging folder left)."""
    from mapper.outputs import write_stamp

    parts = tmp_path / "parts"
    parts.mkdir()
    (parts / "part-00099.jsonl").write_text("{}\n")  # a previous run's, with more partitions
    write_stamp(parts, "mentions --engine dask", [parts / "part-00099.jsonl"], [])
    proc = run_cli("mentions", "--engine", "dask", "--out", str(parts), *map(str, sorted(SEEDS.glob("*.txt"))))
    assert proc.returncode == 0, proc.stderr
    names = [f"part-{i:05d}.jsonl" for i in range(5)]
    assert sorted(p.name for p in parts.iterdir() if not p.name.startswith(".")) == [*names, "parts.json"]
    assert sorted(json.loads((parts / ".stamp.json").read_text(encoding="utf-8"))["outputs"]) == [
        *names, "parts.json"]  # (the next run's to replace)
    listed = json.loads((parts / "parts.json").read_text(encoding="utf-8"))
    assert listed == {"parts": names, "sizes": {n: (parts / n).stat().st_size for n in names}}
    assert all((parts / n).read_text(encoding="utf-8").endswith("}\n") for n in names)
    out = tmp_path / "out"
    proc = run_cli("build", "--mentions-from", str(parts), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert (out / "layers" / "mentions.geojson").read_bytes() == (built / "layers" / "mentions.geojson").read_bytes()


def test_an_unreachable_scheduler_is_one_line(tmp_path):
    proc = run_cli("mentions", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--out", str(tmp_path / "p"),
                   str(next(SEEDS.glob("*.txt"))), timeout=120)
    assert proc.returncode == 2 and proc.stderr.strip().splitlines() == [
        proc.stderr.strip()] and "cannot reach the Dask scheduler" in proc.stderr


def test_the_dask_engine_names_documents_as_the_local_one(tmp_path):
    """Two documents of one file name in two folders are "s1/b.txt" and "s2/b.txt" on Dask too (both were
    "b.txt", and their ids clashed in build --mentions-from)."""
    for folder, town in (("s1", "Almaty"), ("s2", "Bishkek")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "b.txt").write_text(f"Trains leave {town}.\n", encoding="utf-8")
    files = [str(tmp_path / "s1" / "b.txt"), str(tmp_path / "s2" / "b.txt")]
    proc = run_cli("mentions", "--engine", "dask", "--out", str(tmp_path / "parts"), *files)
    assert proc.returncode == 0, proc.stderr
    docs = sorted(json.loads(line)["doc"] for part in (tmp_path / "parts").glob("part-*.jsonl")
                  for line in part.read_text(encoding="utf-8").splitlines())
    local = run_cli("mentions", "--format", "jsonl", *files)
    assert docs == sorted(json.loads(line)["doc"] for line in local.stdout.splitlines()) == ["s1/b.txt", "s2/b.txt"]


def test_a_run_killed_while_publishing_is_completed_and_a_partial_set_is_never_read(tmp_path):
    """A run's parts are published as a build's outputs are: a run killed while moving them in (its journal
    and staging folder left) is completed by the next reader, so that a build reads the new run whole, never a
    mix of two runs (fifth hostile pass, E1); parts no run listed are not read, and a folder of parts without
    the list (an interrupted run of an older version, or hand-made) is one line."""
    from mapper.distributed import MANIFEST, read_parts
    from mapper.errors import InputError
    from mapper.outputs import JOURNAL, write_journal

    def record(doc):
        return json.dumps({"doc": doc, "start": 0, "end": 6, "text": "Almaty", "place_id": "geonames:1526384",
                           "name": "Almaty", "country": "KZ", "feature_class": "P", "score": 0.9, "lat": 43.25249,
                           "lon": 76.9115, "context": "Almaty."}) + "\n"

    parts = tmp_path / "parts"
    parts.mkdir()
    for i in range(3):  # the old run's three parts
        (parts / f"part-{i:05d}.jsonl").write_text(record(f"old{i}.txt"), encoding="utf-8")
    (parts / MANIFEST).write_text(json.dumps({"parts": [f"part-{i:05d}.jsonl" for i in range(3)]}))
    stage = parts / ".build-killed"  # the new run's two parts and list, one part moved in before the kill
    stage.mkdir()
    (parts / "part-00000.jsonl").write_text(record("new0.txt"), encoding="utf-8")
    (stage / "part-00001.jsonl").write_text(record("new1.txt"), encoding="utf-8")
    (stage / MANIFEST).write_text(json.dumps({"parts": ["part-00000.jsonl", "part-00001.jsonl"]}))
    write_journal(parts, stage, [Path("part-00000.jsonl"), Path("part-00001.jsonl"), Path(MANIFEST)])
    assert sorted(m.doc for m in read_parts(parts) if not isinstance(m, dict)) == ["new0.txt", "new1.txt"]  # (not
    # old2.txt; the list gives no sizes, and says so)
    assert not stage.exists() and not (parts / JOURNAL).exists()
    (parts / MANIFEST).unlink()
    with pytest.raises(InputError, match="no parts.json: not the output of a complete run"):
        list(read_parts(parts))


def test_standard_input_is_refused_by_the_dask_engine(tmp_path):
    """A worker process cannot read the parent's standard input: one line, not an empty document (fifth hostile
    pass, E6)."""
    proc = run_cli("mentions", "--engine", "dask", "--out", str(tmp_path / "p"), "-", input="Almaty.")
    assert proc.returncode == 2 and "standard input cannot go to Dask workers" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_the_dask_engine_replaces_no_files_of_the_users(tmp_path, gazetteer):
    """A folder of the user's own "part-0.jsonl", "part-00001.jsonl" and "parts.json", which no run of the tool
    wrote (no stamp lists them), is refused in one line and left whole; the Dask engine had deleted the parts and
    replaced the list (seventeenth hostile pass, E1)."""
    survey = tmp_path / "survey"
    survey.mkdir()
    mine = {"part-0.jsonl": "my survey, part 0\n", "part-00001.jsonl": "my survey, part 1\n",
            "parts.json": "my own index\n", "notes.txt": "my notes\n"}
    for name, text in mine.items():
        (survey / name).write_text(text, encoding="utf-8")
    proc = run_cli("mentions", "--engine", "dask", "--out", str(survey), str(next(SEEDS.glob("*.txt"))))
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "was not written here by this tool" in proc.stderr
    assert {p.name: p.read_text(encoding="utf-8") for p in survey.iterdir() if p.name != ".lock"} == mine


def test_parts_and_a_build_keep_to_folders_of_their_own(tmp_path, built):
    """Eighteenth hostile pass: `build --mentions-from DIR --out DIR` waited for itself for ever (E2), and the Dask
    engine wrote its parts into a build's folder, the two stamps merged (S4): both are one line, exit 2, and the
    build's folder is left as it was."""
    import shutil

    parts = tmp_path / "parts"
    parts.mkdir()
    proc = run_cli("build", "--mentions-from", str(parts), "--out", str(parts), timeout=60)
    assert proc.returncode == 2 and "is the --mentions-from folder too" in proc.stderr, proc.stderr
    out = tmp_path / "output"
    shutil.copytree(built, out)
    before = sorted(p.name for p in out.iterdir())
    proc = run_cli("mentions", "--engine", "dask", "--out", str(out), str(next(SEEDS.glob("*.txt"))))
    assert proc.returncode == 2 and "holds the outputs of a build or an export" in proc.stderr, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == before


def test_the_dask_engine_without_dask_installed_is_one_line(tmp_path):
    """Dask is an optional extra: without it, --engine dask says how to install it, exit 2 (it had been "internal
    error: ModuleNotFoundError", exit 1; hostile pass 28, E3)."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    blocked = ("import sys\n"
               "class NoDask:\n"
               "    def find_spec(self, name, path=None, target=None):\n"
               "        if name.partition('.')[0] in ('dask', 'distributed'):\n"
               "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
               "sys.meta_path.insert(0, NoDask())\n"
               "from mapper.__main__ import run\n"
               "sys.argv = ['corridor-mapper', *sys.argv[1:]]\n"
               "run()\n")
    proc = subprocess.run([sys.executable, "-c", blocked, "mentions", "--engine", "dask", "--out",
                           str(tmp_path / "parts"), str(SEEDS / "000_dda4d801d8b380c5.txt")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert "corridor-mapper[dask]" in proc.stderr and "internal error" not in proc.stderr
