"""Builds that are killed or run concurrently, large and many documents."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyogrio
import pytest

from tests.conftest import ROOT, SEEDS, output_digest, run_cli


# a mention record of a part file, as mentions --engine dask writes it
ALMATY_RECORD = {"doc": "d.txt", "start": 0, "end": 6, "text": "Almaty", "place_id": "geonames:1526384",
                 "name": "Almaty", "country": "KZ", "feature_class": "P", "score": 0.9, "lat": 43.25249,
                 "lon": 76.9115, "context": "Almaty."}


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def test_build_killed_midway_leaves_previous_output(built, tmp_path):
    out = _copy(built, tmp_path / "output")
    before = output_digest(out)
    proc = subprocess.Popen([sys.executable, "-m", "mapper", "build", "--docs", str(SEEDS), "--out", str(out), "--force"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(out.glob(".build-*/layers/*")):
        time.sleep(0.01)
    assert list(out.glob(".build-*")), "the build never started writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert output_digest(out) == before
    for name in ("corridors", "crossings", "mentions"):
        assert pyogrio.read_info(out / "layers" / f"{name}.geojson")["features"] > 0
    assert pyogrio.read_info(out / "layers.gpkg", layer="hubs")["features"] > 0
    again = run_cli("build", "--docs", str(SEEDS), "--out", str(out))  # and the next build cleans up
    assert again.returncode == 0 and not list(out.glob(".build-*")) and output_digest(out) == before
    assert "up to date" in again.stderr  # nothing had changed


def test_a_failure_while_rendering_the_map_leaves_previous_output(built, tmp_path, monkeypatch):
    """The map may be rendered in a forked process: an error there reaches the build as raised, without
    a hang and without touching the output."""
    import pytest

    from mapper import pipeline, render

    class Silent:
        def warn(self, message): pass
        def skip(self, exc): pass

    def broken(*args, **kwargs):
        raise RuntimeError("renderer broke")

    out = _copy(built, tmp_path / "output")
    before = output_digest(out)
    monkeypatch.setattr(render, "render_map", broken)
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="renderer broke"):
        pipeline.build(SEEDS, out, None, Silent(), progress=False, force=True)
    assert time.monotonic() - started < 60
    assert output_digest(out) == before and not list(out.glob(".build-*"))


def test_an_up_to_date_build_in_a_read_only_folder_only_reads_it(built, tmp_path, monkeypatch):
    """A build with nothing changed had failed on a read-only output folder (it took the writers' lock: "…/.lock:
    cannot read or write (Read-only file system)", exit 2) though it writes nothing (hostile pass 26, S6: a tmpfs
    remounted read-only; here the lock's opening fails as it would there)."""
    import errno

    from mapper import outputs, pipeline

    class Silent:
        def warn(self, message): pass
        def skip(self, exc): pass

    out = _copy(built, tmp_path / "output")
    assert pipeline.build(SEEDS, out, None, Silent(), progress=False) is None  # (up to date)
    real = outputs._open_lock

    def read_only(folder, mode):
        if mode & os.O_RDWR:
            raise OSError(errno.EROFS, "Read-only file system", str(folder / outputs.LOCK))
        return real(folder, mode)

    monkeypatch.setattr(outputs, "_open_lock", read_only)
    before = output_digest(out)
    assert pipeline.build(SEEDS, out, None, Silent(), progress=False) is None
    assert output_digest(out) == before


def test_a_full_disk_is_one_line_and_leaves_previous_output(built, tmp_path, monkeypatch, capsys):
    """Writing the layers fails (a full or read-only disk): one line naming the output folder, exit 2, the
    previous output untouched, and no traceback from the thread that feeds the map renderer."""
    import errno

    from click.testing import CliRunner

    from mapper import export
    from mapper.cli import cli

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    out = _copy(built, tmp_path / "output")
    before = output_digest(out)
    monkeypatch.setattr(export, "write_layers", full)
    result = CliRunner().invoke(cli, ["build", "--docs", str(SEEDS), "--out", str(out), "--force"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == f"corridor-mapper: {out}: cannot write the output (No space left on device)"
    assert "Traceback" not in capsys.readouterr().err
    assert output_digest(out) == before and not list(out.glob(".build-*"))


def test_concurrent_builds_do_not_corrupt(built, tmp_path):
    out = tmp_path / "output"
    procs = [subprocess.Popen([sys.executable, "-m", "mapper", "build", "--docs", str(SEEDS), "--out", str(out),
                               "--force"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    assert output_digest(out) == output_digest(built)


def test_unchanged_inputs_skip_the_build_and_any_change_rebuilds(tmp_path):
    import shutil

    docs = Path(shutil.copytree(SEEDS, tmp_path / "docs"))
    out = tmp_path / "out"
    assert run_cli("build", "--docs", str(docs), "--out", str(out)).returncode == 0
    before, stamp_time = output_digest(out), (out / "map.html").stat().st_mtime_ns
    again = run_cli("build", "--docs", str(docs), "--out", str(out))
    assert again.returncode == 0 and "up to date" in again.stderr
    assert output_digest(out) == before and (out / "map.html").stat().st_mtime_ns == stamp_time
    # an edited document is a new input
    doc = sorted(docs.glob("*.txt"))[0]
    doc.write_text(doc.read_text(encoding="utf-8") + "\nA new terminal opened in Kostanay.\n", encoding="utf-8")
    edited = run_cli("build", "--docs", str(docs), "--out", str(out))
    assert edited.returncode == 0 and "wrote" in edited.stderr
    places = json.loads((out / "layers" / "places.geojson").read_text(encoding="utf-8"))
    assert any(f["properties"]["name"] == "Kostanay" for f in places["features"])
    # a damaged output is rebuilt, not trusted
    (out / "layers" / "hubs.geojson").write_text("{", encoding="utf-8")
    repaired = run_cli("build", "--docs", str(docs), "--out", str(out))
    assert repaired.returncode == 0 and "wrote" in repaired.stderr
    assert pyogrio.read_info(out / "layers" / "hubs.geojson")["features"] > 0


def test_a_skipped_build_repeats_the_warnings_and_exit_code(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("Trains from Aktau reach Baku.\n", encoding="utf-8")
    (docs / "bad.txt").write_bytes(b"\x00\x01\x02binary\xff")
    out = tmp_path / "out"
    first = run_cli("build", "--docs", str(docs), "--out", str(out))
    second = run_cli("build", "--docs", str(docs), "--out", str(out))
    assert first.returncode == second.returncode == 2
    warning = [line for line in first.stderr.splitlines() if "bad.txt" in line]
    assert warning and warning == [line for line in second.stderr.splitlines() if "bad.txt" in line]
    assert "up to date" in second.stderr


def test_a_broken_link_or_link_loop_among_the_documents_is_skipped_and_named(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("Trains from Aktau reach Baku.\n", encoding="utf-8")
    (docs / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (docs / "loop.txt").symlink_to(docs / "loop.txt")
    out = tmp_path / "out"
    proc = run_cli("build", "--docs", str(docs), "--out", str(out))
    assert proc.returncode == 2, proc.stderr
    for name in ("gone.txt", "loop.txt"):
        assert len([line for line in proc.stderr.splitlines() if name in line]) == 1, proc.stderr
    assert "internal error" not in proc.stderr
    mentions = json.loads((out / "layers" / "mentions.geojson").read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["text"] for f in mentions} >= {"Aktau", "Baku"}


def test_a_folder_without_documents_is_reported(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.pdf").write_bytes(b"%PDF-1.4")
    proc = run_cli("build", "--docs", str(tmp_path / "docs"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and "no documents" in proc.stderr and str(tmp_path / "docs") in proc.stderr
    assert pyogrio.read_info(tmp_path / "out" / "layers" / "crossings.geojson")["features"] > 0


def _mentions_at_peak(doc: Path) -> tuple[int, int, list[str]]:
    """``mentions --format jsonl`` of *doc* in a process of its own: its peak RSS in MB, exit code, output lines."""
    code = ("import resource,subprocess,sys;r=subprocess.run(sys.argv[1:],stdout=open(sys.argv[-1]+'.out','w'));"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss//1024, r.returncode)")
    out = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "mapper", "mentions", "--format", "jsonl",
                          str(doc)], capture_output=True, text=True, cwd=ROOT, timeout=600).stdout.split()
    return int(out[0]), int(out[1]), Path(str(doc) + ".out").read_text(encoding="utf-8").splitlines()


def test_large_document_streams_in_bounded_memory(tmp_path, gazetteer):  # (the index built first: its build
    # takes more memory than the parse)
    """A 100 MB document is parsed in chunks: memory stays far below its size, offsets stay exact."""
    doc = tmp_path / "big.txt"
    line = "the rail freight market grew steadily while tariffs and insurance costs kept rising again. " * 10 + "\n"
    with open(doc, "w", encoding="utf-8") as fh:
        for i in range(100 * 1024 * 1024 // len(line)):
            fh.write(line if i % 5000 else "Trains left Aktau for Baku via Alat.\n")
    peak_mb, rc, lines = _mentions_at_peak(doc)
    assert rc == 0 and peak_mb < 400, peak_mb
    mentions = [json.loads(x) for x in lines]
    assert len(mentions) >= 3 * (100 * 1024 * 1024 // len(line) // 5000)
    with open(doc, encoding="utf-8") as fh:
        text = fh.read()
    assert all(text[m["start"]: m["end"]] == m["text"] for m in mentions[-20:])


def test_a_document_of_half_a_million_mentions_holds_them_in_a_temporary_file(tmp_path, gazetteer):
    """A large document's mentions wait until it is read whole (a bad byte at its end skips them all), in a
    temporary file past a few thousand: 500,000 mentions in 10 MB took 187 MB at peak, now about 115 MB."""
    doc = tmp_path / "dense.txt"
    line = "Trains leave Almaty for Urumqi every day, and the Moscow freight reaches Kazan.\n"
    doc.write_text(line * (10_000_000 // len(line)), encoding="utf-8")
    peak_mb, rc, lines = _mentions_at_peak(doc)
    assert rc == 0 and peak_mb < 150, peak_mb
    assert len(lines) == 4 * (10_000_000 // len(line))
    starts = [json.loads(x)["start"] for x in lines[::50_000]]
    assert starts == sorted(starts)  # in the text's order, the spilled batches first


def test_ten_thousand_small_documents(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"d{i:05d}.txt").write_text(f"Report {i}: cargo moved from Astana to Almaty.\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02 binary")
    proc = run_cli("mentions", "--format", "jsonl", *sorted(str(p) for p in folder.iterdir()), timeout=600)
    assert proc.returncode == 2 and "bad.txt" in proc.stderr  # reported and skipped
    assert len(proc.stdout.splitlines()) == 20_000


def test_jobs_gives_the_same_mentions(tmp_path):
    files = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    one = run_cli("mentions", "--format", "jsonl", *files)
    two = run_cli("mentions", "--format", "jsonl", "--jobs", "2", *files)
    assert one.returncode == two.returncode == 0 and one.stdout == two.stdout


def test_the_cache_keeps_a_few_entries_of_each_kind(tmp_path, monkeypatch):
    """Derived data is keyed by content, so copies of the data share an entry, and old entries go."""
    from mapper import cache

    monkeypatch.setenv("CORRIDOR_MAPPER_CACHE", str(tmp_path / "cache"))
    (tmp_path / "copy").mkdir()
    first, copy = tmp_path / "outline.geojson", tmp_path / "copy" / "outline.geojson"
    first.write_text('{"a": 1}')
    copy.write_text('{"a": 1}')
    assert cache.file_key(first, cache.__file__) == cache.file_key(copy, cache.__file__)
    assert cache.file_key(first, cache.__file__) != cache.file_key(first, __file__)  # other code, other entry
    copy.write_text('{"a": 2}')
    assert cache.file_key(first, cache.__file__) != cache.file_key(copy, cache.__file__)

    computed, clock = [], iter(range(time.time_ns() // 10**9 - 10_000, 10**12))

    def use(i):
        value = cache.memo("thing", f"key {i}", lambda: computed.append(i) or [i], list)
        # the entry just used has the newest file time; give it a clock of whole seconds in the past, so
        # the order of uses shows whatever the file system's time granularity
        entry = max((tmp_path / "cache").glob("thing-*.pickle"), key=lambda q: q.stat().st_mtime_ns)
        os.utime(entry, (t := next(clock), t))
        return value

    for i in range(cache.MEMO_KEEP):
        assert use(i) == [i]
    assert use(0) == [0] and computed.count(0) == 1  # a hit, which renews entry 0
    for i in range(cache.MEMO_KEEP, 2 * cache.MEMO_KEEP - 1):
        use(i)
    assert use(0) == [0] and computed.count(0) == 1  # renewed, so kept while entry 1 went
    for i in range(2 * cache.MEMO_KEEP - 1, 10):
        use(i)
    assert len(list((tmp_path / "cache").glob("thing-*.pickle"))) == cache.MEMO_KEEP
    assert use(9) == [9] and computed.count(9) == 1  # the newest is kept
    assert use(1) == [1] and computed.count(1) == 2  # an old one was removed, so computed again


def test_pruning_spares_what_was_used_lately(tmp_path):
    """An index another process used in the last hour is not removed, however many versions there are."""
    from mapper import cache

    files = {name: tmp_path / f"idx-{name}.sqlite" for name in ("new", "recent", "old", "older")}
    for age, path in zip((0, 60, 7200, 9000), files.values()):
        path.write_text("x")
        os.utime(path, (time.time() - age, time.time() - age))
    cache.prune("idx-*.sqlite", keep=files["new"], count=1, grace=3600)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["idx-new.sqlite", "idx-recent.sqlite"]


def test_a_folder_of_saved_web_pages_is_mapped_from_their_articles(tmp_path):
    from tests.test_documents import PAGE

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "caspian.html").write_text(PAGE, encoding="utf-8")
    proc = run_cli("build", "--docs", str(docs), "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    mentions = json.loads((tmp_path / "out" / "layers" / "mentions.geojson").read_text(encoding="utf-8"))["features"]
    found = {f["properties"]["text"] for f in mentions}
    assert {"Aktau", "Baku", "Xi'an", "Kuryk", "Alat", "Poti"} <= found
    assert not found & {"Moscow", "London", "Paris", "Tokyo", "Sydney", "Chicago", "Berlin"}


def test_devices_and_pipes_among_the_documents_are_skipped_not_read(tmp_path):
    """A link to /dev/zero and a named pipe in the documents folder: reading either never ends (the build ate
    24 GB, or hung); each is named in one line, the rest builds, exit 2."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Trains run from Almaty to Dostyk.", encoding="utf-8")
    (docs / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(docs / "pipe.txt")
    proc = run_cli("build", "--docs", str(docs), "--out", str(tmp_path / "out"), timeout=120)
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if "not a regular file" in line]
    assert len(lines) == 2 and any("zero.txt" in line for line in lines) and any("pipe.txt" in line for line in lines)
    assert (tmp_path / "out" / "map.html").is_file()


def test_export_refuses_to_replace_a_device_pipe_or_the_wrong_kind_of_target(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    proc = run_cli("export", "--format", "gpkg", "--out", str(pipe))
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and "regular file" in proc.stderr
    assert pipe.is_fifo()
    (tmp_path / "file").write_text("x")
    proc = run_cli("export", "--format", "geojson", "--out", str(tmp_path / "file"))
    assert proc.returncode == 2 and "must be a folder" in proc.stderr and (tmp_path / "file").read_text() == "x"


@pytest.mark.parametrize("fmt", ["kml", "gpkg", "csv", "build"])
def test_a_tab_or_line_break_in_an_output_path_is_refused_before_anything_is_written(tmp_path, fmt):
    """GDAL drops tabs and line breaks from file names: it wrote a hidden temporary file under another name
    and the command failed with 'internal error'."""
    out = tmp_path / f"a\tb.{fmt}"
    args = ["build", "--out", str(out)] if fmt == "build" else ["export", "--format", fmt, "--out", str(out)]
    proc = run_cli(*args)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "tab or line break cannot be written" in proc.stderr and "a\\x09b" in proc.stderr
    assert sorted(os.listdir(tmp_path)) == []  # nothing written, nothing left behind
    # nor bytes that are not UTF-8, which GDAL cannot take ("internal error: UnicodeEncodeError", and build left a
    # folder with its lock: hostile pass 28, E2)
    out = os.fsencode(tmp_path) + b"/a\xffb." + fmt.encode()
    args = ["build", "--out", os.fsdecode(out)] if fmt == "build" else ["export", "--format", fmt, "--out",
                                                                       os.fsdecode(out)]
    proc = subprocess.run([sys.executable, "-m", "mapper", *args], cwd=ROOT, capture_output=True, timeout=300)
    assert proc.returncode == 2 and b"not UTF-8 cannot be written" in proc.stderr, proc.stderr
    assert proc.stderr.count(b"\n") == 1 and sorted(os.listdir(tmp_path)) == []


def test_write_layers_itself_refuses_the_wrong_kind_of_target(tmp_path):
    """Library callers get the same guard as the command line: a folder is never replaced by a GeoPackage."""
    import geopandas as gpd
    from shapely.geometry import Point

    from mapper.errors import InputError
    from mapper.export import write_layers

    layers = {"hubs": gpd.GeoDataFrame({"id": ["a"]}, geometry=[Point(51.2, 51.2)], crs="EPSG:4326")}
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "keep.txt").write_text("x")
    with pytest.raises(InputError, match="regular file"):
        write_layers(layers, tmp_path / "folder", "gpkg")
    assert (tmp_path / "folder" / "keep.txt").read_text() == "x"
    assert write_layers(layers, tmp_path / "out.gpkg", "gpkg") == [tmp_path / "out.gpkg"]


def test_a_damaged_gazetteer_index_is_built_again(tmp_path):
    """A truncated index in the cache (a crash, a full disk) is rebuilt, not reported as an internal error."""
    env = {"CORRIDOR_MAPPER_CACHE": str(tmp_path / "cache"), "CORRIDOR_MAPPER_CITIES": "cities15000"}  # quick to build
    assert run_cli("geocode", "Uralsk", "--limit", "1", env=env).returncode == 0
    index = next((tmp_path / "cache").glob("gazetteer-*.sqlite"))
    with open(index, "r+b") as fh:
        fh.truncate(4096)
    proc = run_cli("geocode", "Uralsk", "--limit", "1", env=env)
    assert proc.returncode == 0 and "Oral" in proc.stdout


def test_an_index_damaged_inside_a_file_that_still_opens_is_built_again_or_said_once(tmp_path, gazetteer):
    """Hostile pass 29, E1: an index whose key filter was emptied had stopped every command ("internal error:
    TypeError"), and one that lost most of its entries had answered "no match for 'Almaty'": neither is usable
    now, so opening it builds it again; an entry whose point is text had been an internal error: it is one line,
    exit 2, and the index removed so that the next run builds it again."""
    from mapper.gazetteer import _index_usable

    index = Path(gazetteer._con.execute("PRAGMA database_list").fetchone()[2])
    assert _index_usable(index)
    for damage in ("DELETE FROM key_filter", "DELETE FROM entries WHERE idx > 1000",
                   "UPDATE entries SET lat = 'north' WHERE name = 'Almaty'"):
        cache = tmp_path / f"cache{len(damage)}"
        cache.mkdir()
        shutil.copy(index, cache / index.name)
        con = sqlite3.connect(cache / index.name)
        con.execute(damage)
        con.commit()
        con.close()
        if not damage.startswith("UPDATE"):
            assert not _index_usable(cache / index.name), damage
            continue
        assert _index_usable(cache / index.name)  # (a cell's damage is found where it is read)
        proc = run_cli("geocode", "Almaty", env={"CORRIDOR_MAPPER_CACHE": str(cache)})
        assert proc.returncode == 2 and "the gazetteer index is damaged" in proc.stderr, proc.stderr
        assert proc.stderr.count("\n") == 1 and not (cache / index.name).exists()


def test_a_folder_in_the_way_of_an_output_stops_the_build_before_anything_is_replaced(built, tmp_path):
    out = _copy(built, tmp_path / "out")
    (out / "map.html").unlink()
    (out / "map.html").mkdir()
    before = output_digest(out)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Trains run from Aktau to Baku.", encoding="utf-8")
    proc = run_cli("build", "--docs", str(docs), "--out", str(out))
    assert proc.returncode == 2 and "map.html" in proc.stderr and "internal error" not in proc.stderr
    assert output_digest(out) == before and not list(out.glob(".build-*"))  # (output_digest leaves staging folders out)


def test_a_publication_killed_halfway_is_completed_by_the_next_build(tmp_path):
    """The files of a build are renamed into place one by one; killed in between, the next build (or a
    skipped one) first finishes the renames from the staging folder the journal names."""
    from mapper.outputs import BUILD_FILES, JOURNAL, new_stage, settle, write_journal

    out = tmp_path / "out"
    (out / "layers").mkdir(parents=True)
    for rel in ("map.html", "layers/a.geojson"):
        (out / rel).write_text("old")
    stage = new_stage(out)
    (stage / "layers").mkdir()
    for rel in ("map.html", "layers/a.geojson"):
        (stage / rel).write_text("new")
    write_journal(out, stage, [Path("map.html"), Path("layers/a.geojson")])
    os.replace(stage / "layers" / "a.geojson", out / "layers" / "a.geojson")  # killed after the first rename
    settle(out, BUILD_FILES)
    assert [(out / rel).read_text() for rel in ("map.html", "layers/a.geojson")] == ["new", "new"]
    assert not (out / JOURNAL).exists() and not list(out.glob(".build-*"))


def test_file_names_that_are_not_utf8_or_hold_a_line_break(tmp_path):
    """A document named with a byte that is not UTF-8 is read, and its name written escaped (it stopped the
    whole build with an internal error); a line break in a name does not split the one-line message."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / os.fsdecode(b"bad\xffname.txt")).write_text("Trains run from Aktau to Baku.", encoding="utf-8")
    (docs / "empty\nname.txt").write_text("")
    out = tmp_path / "out"
    proc = run_cli("build", "--docs", str(docs), "--out", str(out))
    assert proc.returncode == 2 and "internal error" not in proc.stderr
    assert [line for line in proc.stderr.splitlines() if "empty" in line] == \
        [f"corridor-mapper: skipped {docs}/empty\\nname.txt: empty file"]
    mentions = json.loads((out / "layers" / "mentions.geojson").read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["doc"] for f in mentions} == {"bad\\xffname.txt"}
    proc = run_cli("geocode", os.fsdecode(b"Alma\xffty"))
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1 and "internal error" not in proc.stderr


def test_bad_options_and_bad_mention_parts_are_one_line(tmp_path):
    """An unknown --encoding is reported once (it was once per document); a malformed mention part names
    its file and line (it was an internal error); check of a missing folder is one line (it was 136)."""
    proc = run_cli("build", "--encoding", "bogus-enc", "--docs", str(SEEDS), "--out", str(tmp_path / "o"))
    assert proc.returncode == 2 and proc.stderr.strip().splitlines() == [
        "corridor-mapper: unknown encoding 'bogus-enc' (--encoding)"]
    parts = tmp_path / "parts"
    parts.mkdir()
    (parts / "part-0.jsonl").write_text("garbage{\n")
    (parts / "parts.json").write_text('{"parts": ["part-0.jsonl"]}')
    proc = run_cli("build", "--mentions-from", str(parts), "--out", str(tmp_path / "o"))
    assert proc.returncode == 2 and "part-0.jsonl: line 1: not a mention record" in proc.stderr
    assert "internal error" not in proc.stderr
    proc = run_cli("check", "--docs", str(tmp_path / "missing"))
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1


def test_hostile_documents_and_names(tmp_path):
    """A link from the documents' folder to a file outside it is not read (it would be published: /etc/passwd);
    two documents of one name in two folders get ids that differ ("a/same.txt"); a file name's terminal
    sequence is escaped on stderr; an empty folder given to export is reported as build reports it."""
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "b").mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("Trains run from Almaty to Omsk with the root password.\n", encoding="utf-8")
    (docs / "a" / "passwd.txt").symlink_to(outside)
    (docs / "a" / "same.txt").write_text("Trains from Almaty to Moscow.\n", encoding="utf-8")
    (docs / "b" / "same.txt").write_text("Trains from Almaty to Baku today.\n", encoding="utf-8")
    (docs / "b" / "x\x1b]0;PWNED\x07.txt").write_text("", encoding="utf-8")
    proc = run_cli("mentions", "--format", "jsonl", *sorted(str(p) for p in docs.rglob("*.txt")))
    assert proc.returncode == 2, proc.stderr
    assert "passwd.txt: a link to" in proc.stderr and "outside the document's folder" in proc.stderr
    assert "\x1b" not in proc.stderr and "\x07" not in proc.stderr and "x\\x1b]0;PWNED\\x07.txt" in proc.stderr
    ids = [json.loads(line)["id"] for line in proc.stdout.splitlines()]
    assert ids == ["a/same.txt:12-18", "a/same.txt:22-28", "b/same.txt:12-18", "b/same.txt:22-26"]
    (tmp_path / "empty").mkdir()
    proc = run_cli("export", "--format", "csv", "--out", str(tmp_path / "csv"), "--docs", str(tmp_path / "empty"))
    assert proc.returncode == 2 and "no documents" in proc.stderr



def test_a_build_s_document_names_stay_whatever_other_documents_come(tmp_path, gazetteer):
    """A build names its documents by their paths below the documents' folder, so a document's mentions keep their
    ids when another of the same file name is added elsewhere ("one.txt:12-18" had become "sub/one.txt:12-18";
    hostile pass 28, E5)."""
    from click.testing import CliRunner

    from mapper.cli import cli

    docs, out = tmp_path / "docs", tmp_path / "out"
    (docs / "sub").mkdir(parents=True)
    (docs / "sub" / "one.txt").write_text("Trains from Almaty.\n", encoding="utf-8")

    def ids() -> list[str]:
        result = CliRunner().invoke(cli, ["build", "--docs", str(docs), "--out", str(out)])
        assert result.exit_code == 0, result.output
        layer = json.loads((out / "layers" / "mentions.geojson").read_text(encoding="utf-8"))
        return [f["id"] for f in layer["features"]]

    assert ids() == ["sub/one.txt:12-18"]
    (docs / "other").mkdir()
    (docs / "other" / "one.txt").write_text("Trains from Almaty.\n", encoding="utf-8")
    assert ids() == ["other/one.txt:12-18", "sub/one.txt:12-18"]


def test_documents_whose_names_print_alike_keep_distinct_ids(tmp_path):
    """A file name with a line break prints as one with a backslash and "n", and "café" decomposed as
    "café" composed: the second of each pair is "name [2]", so that no feature id is given twice and no
    document's sentences are credited to the other."""
    import unicodedata

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "new\nline.txt").write_text("Trains from Almaty.\n", encoding="utf-8")
    (docs / "new\\nline.txt").write_text("Ships from Aktau.\n", encoding="utf-8")
    (docs / unicodedata.normalize("NFC", "café.txt")).write_text("Trucks from Omsk.\n", encoding="utf-8")
    (docs / unicodedata.normalize("NFD", "café.txt")).write_text("Buses from Baku.\n", encoding="utf-8")
    proc = run_cli("mentions", "--format", "jsonl", *sorted(str(p) for p in docs.iterdir()))
    assert proc.returncode == 0, proc.stderr
    got = sorted((json.loads(line)["doc"], json.loads(line)["text"]) for line in proc.stdout.splitlines())
    assert [(unicodedata.normalize("NFC", doc), place) for doc, place in got] == [
        ("café.txt", "Baku"), ("café.txt [2]", "Omsk"), ("new\\nline.txt", "Almaty"), ("new\\nline.txt [2]", "Aktau")]

def test_hostile_standard_input_and_signals(tmp_path):
    """Standard input is read a chunk at a time, so endless zeros stop at the first block (binary data); a run
    stopped by SIGTERM says so in one line and exits as shells report it (143; 130 on Ctrl-C)."""
    with open("/dev/zero", "rb") as zeros:
        proc = subprocess.run([sys.executable, "-m", "mapper", "mentions", "-"], stdin=zeros, cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "binary" in proc.stderr, proc.stderr
    waiting = subprocess.Popen([sys.executable, "-m", "mapper", "mentions", "-"], stdin=subprocess.PIPE, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(3)  # (it waits for standard input)
    waiting.send_signal(signal.SIGTERM)
    _, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 128 + signal.SIGTERM and err == "corridor-mapper: aborted\n", (  # (one line: no
        waiting.returncode, err)  # blank one before it, hostile pass 29 S4)


def test_hostile_mention_parts(tmp_path, gazetteer):
    """A part file's records are checked (a latitude of 999 or of 400 digits, offsets that are no offsets, a
    country that is no ISO code, an id or document name that is a path out or holds a control character, a text
    that is not the span, a record given twice, a byte that is not UTF-8), and against the gazetteer (a country,
    an id or a point that is not the place's: one record had moved Russia to Antarctica), and a document's U+2028
    inside a record's text is no line break (one such character made a whole Dask run unreadable)."""
    from mapper.distributed import MANIFEST, read_parts
    from mapper.errors import InputError

    record = {"doc": "d.txt", "start": 0, "end": 6, "text": "Almaty", "place_id": "geonames:1526384",
              "name": "Almaty", "country": "KZ", "feature_class": "P", "score": 0.9, "lat": 43.25249, "lon": 76.9115,
              "context": "From Almaty\u2028to Khorgos."}
    parts = tmp_path / "parts"
    parts.mkdir()
    (parts / MANIFEST).write_text(json.dumps({"parts": ["part-00000.jsonl", "part-00001.jsonl"]}))
    (parts / "part-00000.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (parts / "part-00001.jsonl").write_text("")
    (mention,) = [m for m in read_parts(parts, gazetteer) if not isinstance(m, dict)]  # (and a warning: no sizes)
    assert mention.context == "From Almaty\u2028to Khorgos."
    for bad, problem in (({"lat": 999}, "lat"), ({"start": -5}, "offsets"), ({"lat": "61"}, "lat"),
                         ({"lat": 10 ** 400}, "lat"), ({"score": -10 ** 400}, "score"),
                         ({"text": 5}, "text"), ({"country": "<b>"}, "country"), ({"country": "ru"}, "country"),
                         ({"place_id": "hub:../../etc/passwd"}, "place_id"), ({"doc": "/etc/passwd"}, "doc"),
                         ({"doc": "../x.txt"}, "doc"), ({"doc": "."}, "doc"), ({"doc": "a\x1bb"}, "doc"),
                         ({"score": -5}, "score"), ({"end": 10 ** 18}, "end"), ({"feature_class": "Z"}, "feature_class"),
                         ({"text": ""}, "text"), ({"end": 9}, "text"),
                         ({"country": "XX"}, "country 'XX' is not geonames:1526384's"),
                         ({"place_id": "geonames:1"}, "place_id names no place"),
                         ({"lat": -80, "lon": 0}, "not geonames:1526384's point")):
        (parts / "part-00000.jsonl").write_text(json.dumps({**record, **bad}) + "\n", encoding="utf-8")
        with pytest.raises(InputError, match=f"line 1: not a mention record .*{problem}"):
            list(read_parts(parts, gazetteer))
    (parts / "part-00000.jsonl").write_bytes(json.dumps(record).encode().replace(b"From", b"Fr\xf6m"))
    with pytest.raises(InputError, match="part-00000.jsonl: not UTF-8 text"):
        list(read_parts(parts))
    # a record met again (a part copied beside itself) would make two features of one id (fourth pass, E6)
    (parts / "part-00000.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (parts / "part-00001.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="part-00001.jsonl: line 1: the mention d.txt:0-6 again"):
        list(read_parts(parts))
    # a part that is a link is not followed
    (parts / "part-00001.jsonl").unlink()
    (parts / "part-00001.jsonl").symlink_to("/etc/passwd")
    with pytest.raises(InputError, match="part-00001.jsonl: not a regular file"):
        list(read_parts(parts))
    (parts / "part-00001.jsonl").unlink()
    with pytest.raises(InputError, match=f"part-00001.jsonl: listed in {MANIFEST} but missing"):
        list(read_parts(parts))


def test_hostile_parts_lists_and_records(tmp_path, gazetteer):
    """Sixth pass: a part's record may not rename its place nor change its class (E5: Russia named "Kazakhstan", a
    country made a town), nor name what its sentence does not hold, and ``parts.json`` gets a part's checks (E3: as
    a pipe it hung, as a link to /dev/zero it took 24 GB, nested 100,000 deep it was an internal error)."""
    from mapper.distributed import MANIFEST, read_parts
    from mapper.errors import InputError

    record = {"doc": "d.txt", "start": 0, "end": 6, "text": "Russia", "place_id": "country:RU", "name": "Russia",
              "country": "RU", "feature_class": "A", "score": 1.0, "lat": 61.6615, "lon": 99.0625, "context": ""}
    parts = tmp_path / "parts"
    parts.mkdir()
    (parts / MANIFEST).write_text(json.dumps({"parts": ["part-00000.jsonl"]}))
    for bad, problem in (({}, ""), ({"name": "Kazakhstan"}, "are not country:RU's"),
                         ({"feature_class": "P"}, "are not country:RU's"),
                         ({"text": "Moscow", "context": "Trains to Russia."}, "'Moscow' is not in its context")):
        (parts / "part-00000.jsonl").write_text(json.dumps({**record, **bad}) + "\n", encoding="utf-8")
        if not bad:
            assert [m.name for m in read_parts(parts, gazetteer) if not isinstance(m, dict)] == ["Russia"]
            continue
        with pytest.raises(InputError, match=f"line 1: not a mention record .*{problem}"):
            list(read_parts(parts, gazetteer))
    manifest = parts / MANIFEST
    for make, problem in ((lambda: os.mkfifo(manifest), "not a regular file"),
                          (lambda: manifest.symlink_to("/dev/zero"), "not a regular file"),
                          (lambda: manifest.write_text("[" * 100_000), "nested too deeply"),
                          (lambda: manifest.write_text('["part-00000.jsonl"]'), 'not a JSON object with "parts"'),
                          (lambda: manifest.write_bytes(b" " * ((1 << 24) + 1)), "larger than")):
        manifest.unlink()
        make()
        with pytest.raises(InputError, match=problem):
            list(read_parts(parts))


def test_a_planted_staging_link_is_not_followed(tmp_path):
    """Sixth pass, E1: a journal naming a staging folder that is a link (".build-x" to ~/.ssh) moved every file
    of the link's target into the output; it is removed with the journal, and nothing is moved."""
    from mapper.outputs import BUILD_FILES, settle, write_journal

    secret, out = tmp_path / "ssh", tmp_path / "out"
    secret.mkdir()
    out.mkdir()
    (secret / "id_rsa").write_text("key", encoding="utf-8")
    (out / ".build-x").symlink_to(secret)
    write_journal(out, out / ".build-x", [Path("id_rsa")])
    settle(out, BUILD_FILES)
    assert (secret / "id_rsa").read_text(encoding="utf-8") == "key"
    assert sorted(p.name for p in out.iterdir()) == []


def test_parts_are_read_whole_while_a_run_publishes(tmp_path):
    """Sixth pass, E2: a build reading a parts folder holds off a run publishing into it (a shared lock), so that
    every part read is of one run: the reader waits for a writer that holds the folder."""
    import multiprocessing

    from mapper.outputs import output_lock, read_lock

    folder = tmp_path / "parts"
    folder.mkdir()
    ctx = multiprocessing.get_context("fork")
    started = ctx.Event()

    def writer():
        with output_lock(folder):
            started.set()
            time.sleep(1.5)
            (folder / "written").write_text("x", encoding="utf-8")

    proc = ctx.Process(target=writer)
    proc.start()
    assert started.wait(30)
    with read_lock(folder):
        assert (folder / "written").exists()
    proc.join(30)


def test_a_run_of_capitalised_words_is_bounded():
    """"A.B.C.D.…" (a hostile file: 7.8 MB of it took 2.8 GB) is read as runs of a bounded length, and a
    long line of names is still read whole."""
    from mapper.geoparse import RUN, RUN_MAX_WORDS

    runs = [m.group() for m in RUN.finditer("A.B.C.D.E.F.G.H." * 2000)]
    assert len(runs) > 100 and max(len(r) for r in runs) <= 2 * RUN_MAX_WORDS
    names = "Almaty Khorgos Urumqi Moscow " * 30
    assert "".join(m.group() + " " for m in RUN.finditer(names)) == names


def test_the_up_to_date_check_opens_only_regular_files_inside_the_output(tmp_path):
    """The stamp's outputs are hashed only where they are regular files inside the folder: a pipe in place of
    map.html, or a stamp naming "../x", means "not up to date" (the check hung on both), never a read."""
    from mapper.outputs import NAME, file_digest, replay

    out = tmp_path / "out"
    out.mkdir()
    (out / "map.html").write_text("<html></html>", encoding="utf-8")
    stamp = {"inputs": "i", "outputs": {"map.html": file_digest(out / "map.html")}, "warnings": ["w"]}
    (out / NAME).write_text(json.dumps(stamp), encoding="utf-8")
    assert replay(out, "i") == ["w"]
    os.mkfifo(tmp_path / "pipe")
    (out / NAME).write_text(json.dumps({**stamp, "outputs": {"../pipe": "0" * 64}}), encoding="utf-8")
    assert replay(out, "i") is None
    (out / "map.html").unlink()
    os.mkfifo(out / "map.html")
    (out / NAME).write_text(json.dumps(stamp), encoding="utf-8")
    assert replay(out, "i") is None


def test_a_file_in_the_way_of_an_output_folder_is_named(tmp_path):
    """A file where the layers' folder goes is named in the one line, with what to do."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "layers").write_text("x", encoding="utf-8")
    proc = run_cli("build", "--docs", str(SEEDS), "--out", str(out))
    said = [line for line in proc.stderr.splitlines() if line.startswith("corridor-mapper:")]
    assert proc.returncode == 2 and said == [
        f"corridor-mapper: {out / 'layers'}: is in the way of an output folder (not a folder): move it away"], \
        proc.stderr
    assert (out / "layers").read_text(encoding="utf-8") == "x"


def test_hostile_review_cases(tmp_path):
    """A link to a sibling folder of the corpus is read when run from the project's folder; standard input
    gives the mentions the same file gives; a part file's line that is no JSON object is one line, not an
    internal error."""
    corpus = tmp_path / "seeds"
    (corpus / "2023").mkdir(parents=True)
    (corpus / "2024").mkdir()
    text = "Grain went from Kostanay to Aktau and on to Baku.\n"
    (corpus / "2023" / "grain.txt").write_text(text, encoding="utf-8")
    (corpus / "2024" / "latest.txt").symlink_to("../2023/grain.txt")
    proc = run_cli("mentions", "--format", "jsonl", "seeds/2024/latest.txt", cwd=tmp_path)
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 3, proc.stderr
    piped = run_cli("mentions", "--format", "jsonl", "-", input=text, cwd=tmp_path)
    assert [json.loads(x)["text"] for x in piped.stdout.splitlines()] == ["Kostanay", "Aktau", "Baku"]
    parts = tmp_path / "parts"
    parts.mkdir()
    (parts / "parts.json").write_text('{"parts": ["part-00000.jsonl"]}', encoding="utf-8")
    (parts / "part-00000.jsonl").write_text('"no error here"\n', encoding="utf-8")
    proc = run_cli("build", "--mentions-from", str(parts), "--out", str(tmp_path / "o"))
    assert proc.returncode == 2 and "line 1: not a mention record (not a JSON object)" in proc.stderr
    assert "internal error" not in proc.stderr


def test_a_killed_worker_stops_the_run_with_one_line(tmp_path):
    """A worker process killed from outside (the OOM killer) stops `mentions --jobs 2` with one line saying so
    and exit 1, instead of a hang or "internal error: BrokenProcessPool"."""
    import psutil

    for i in range(40):
        (tmp_path / f"d{i:02}.txt").write_text("Trains run from Almaty to Moscow via Kostanay.\n" * 4000,
                                               encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "mapper", "mentions", "--format", "jsonl", "--jobs", "2",
                             *sorted(str(p) for p in tmp_path.glob("*.txt"))], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    workers = []
    while time.monotonic() < deadline and not workers and proc.poll() is None:
        workers = psutil.Process(proc.pid).children()
        time.sleep(0.05)
    assert workers, "no worker process started"
    time.sleep(1)
    workers[0].kill()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1 and len(err.strip().splitlines()) == 1 and "a worker process died" in err, (
        proc.returncode, err)


def test_text_from_documents_is_safe_in_csv_and_kml(tmp_path):
    """A document's sentence or file name that starts with a formula ("=HYPERLINK(…)") is no formula in any CSV
    (an apostrophe before it), and KML stays well-formed XML whatever the text holds ("]]>", a quote in a file
    name, which GDAL writes into an attribute, a vertical tab; "<![CDATA[" with a quote and entities, which
    libkml had left half escaped: hostile pass 16, E1) and GDAL reads it back, each sentence as it was."""
    import csv
    import io
    import xml.etree.ElementTree as ET

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "=cmd|calc!A1.txt").write_text('Trains leave Bishkek for Osh.\n=HYPERLINK("http://x.example") Semey.\n',
                                           encoding="utf-8")
    (docs / 'a" onload="x.txt').write_text("Trains leave Almaty for Urumqi ]]><b>x</b>\x0b every day.\n",
                                           encoding="utf-8")
    cdata = 'Khorgos "a" <![CDATA[ &lt;img src=x onerror=alert(1)&gt; Almaty & Bishkek.'
    (docs / "cdata.txt").write_text(cdata + "\n", encoding="utf-8")
    proc = run_cli("mentions", "--format", "csv", *sorted(str(p) for p in docs.iterdir()))
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    assert proc.returncode == 0 and len(rows) > 4
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row), rows
    assert any(cell == "'=cmd|calc!A1.txt" for row in rows for cell in row)
    out = tmp_path / "csv"
    assert run_cli("export", "--format", "csv", "--docs", str(docs), "--out", str(out)).returncode == 0
    for table in out.glob("*.csv"):
        cells = [c for row in csv.reader(io.StringIO(table.read_text(encoding="utf-8"))) for c in row]
        assert not any(c.startswith(("=", "+", "@")) for c in cells), table
    assert "'=HYPERLINK" in (out / "mentions.csv").read_text(encoding="utf-8")
    kml = tmp_path / "layers.kml"
    assert run_cli("export", "--format", "kml", "--docs", str(docs), "--out", str(kml)).returncode == 0
    root = ET.parse(kml).getroot()  # (raises on a CDATA section closed early or an attribute broken open)
    placemarks = root.iter("{http://www.opengis.net/kml/2.2}Placemark")
    assert all("onload" not in (p.get("id") or "") or '"' not in p.get("id") for p in placemarks)
    contexts = {d.text for d in root.iter("{http://www.opengis.net/kml/2.2}SimpleData") if d.get("name") == "context"}
    assert cdata.replace("<![CDATA[", "<!\u200b[CDATA[") in contexts, contexts  # (the text, not markup)
    assert pyogrio.read_info(kml, layer="mentions")["features"] == 8  # Bishkek, Osh, Semey, Almaty, Urumqi; Khorgos,
    # Almaty, Bishkek


def test_lone_surrogates_and_hostile_mention_parts(tmp_path):
    """A codec that decodes to lone surrogates ("+2AA-" in UTF-7) gives U+FFFD, not a crash that loses every
    document; a part file nested too deeply, holding a lone surrogate or a line of a megabyte is one line."""
    (tmp_path / "a.txt").write_text("Trains leave Almaty +2AA- for Urumqi.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Trains leave Bishkek for Osh.\n", encoding="utf-8")
    proc = run_cli("mentions", "--format", "jsonl", "--encoding", "utf-7", str(tmp_path / "a.txt"),
                   str(tmp_path / "b.txt"))
    assert proc.returncode == 0 and [json.loads(line)["text"] for line in proc.stdout.splitlines()] == [
        "Almaty", "Urumqi", "Bishkek", "Osh"]
    parts = tmp_path / "parts"
    parts.mkdir()
    (parts / "parts.json").write_text('{"parts": ["part-00000.jsonl"]}', encoding="utf-8")
    record = {"doc": "d.txt", "start": 0, "end": 6, "text": "Almaty", "place_id": "geonames:1526384",
              "name": "Almaty", "country": "KZ", "feature_class": "P", "score": 0.9, "lat": 43.25, "lon": 76.9,
              "context": "a\ud800b"}
    for line, problem in (("[" * 100_000 + "]" * 100_000, "nested too deeply"),
                          (json.dumps(record), "lone surrogate"), ('"' + "x" * (1 << 20) + '"', "longer than")):
        (parts / "part-00000.jsonl").write_text(line + "\n", encoding="utf-8")
        size = (parts / "part-00000.jsonl").stat().st_size
        (parts / "parts.json").write_text(json.dumps({"parts": ["part-00000.jsonl"],
                                                      "sizes": {"part-00000.jsonl": size}}), encoding="utf-8")
        proc = run_cli("build", "--mentions-from", str(parts), "--out", str(tmp_path / "out"))
        assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and problem in proc.stderr, (
            proc.stderr)


def test_a_scheduler_that_is_none_and_a_disk_that_is_full(tmp_path):
    """--scheduler at a service that accepts and stays silent, or answers in another protocol, is one line and
    exit 2 (the first hung for ever, the second was "internal error: MemoryError"); a full disk under stdout is
    one line, exit 2; a build waiting for another's lock says so."""
    import fcntl
    import socket
    import threading

    def serve(banner: bytes) -> int:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        sock.listen(5)
        kept = []

        def accept():
            while True:
                conn, _ = sock.accept()
                kept.append(conn)
                if banner:
                    conn.sendall(banner)
        threading.Thread(target=accept, daemon=True).start()
        return sock.getsockname()[1]

    seed = str(next(SEEDS.glob("*.txt")))
    for banner, said in ((b"", "no answer"), (b"SSH-2.0-OpenSSH_9.2p1\r\n", "not a Dask scheduler")):
        proc = run_cli("mentions", "--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{serve(banner)}",
                       "--out", str(tmp_path / "parts"), seed, timeout=120)
        assert proc.returncode == 2 and said in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, (
            proc.stderr)
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "mapper", "mentions", "--format", "csv", seed], cwd=ROOT,
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 2 and "No space left" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        waiting = subprocess.Popen([sys.executable, "-m", "mapper", "build", "--docs", str(SEEDS), "--out", str(out)],
                                   cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        line = waiting.stderr.readline()
        fcntl.flock(held, fcntl.LOCK_UN)
    _, rest = waiting.communicate(timeout=300)
    assert "waiting for another build" in line and waiting.returncode == 0, (line, rest)


def test_an_export_that_fails_halfway_leaves_the_previous_layers(tmp_path, monkeypatch):
    """Folder formats are written into a staging folder and moved into place only when every layer is written:
    a failure at the third layer (a full disk) leaves the previous export whole, and no staging folder."""
    import pyogrio as gdal_io

    from mapper import export

    layers = {name: export.gpd.GeoDataFrame({"name": [name]}, geometry=export.gpd.points_from_xy([1], [2]),
                                            crs="EPSG:4326") for name in ("a", "b", "c")}
    out = tmp_path / "csv"
    export.write_layers(layers, out, "csv")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real, calls = gdal_io.write_dataframe, []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(gdal_io, "write_dataframe", failing)
    changed = {k: v.assign(name=["new"]) for k, v in layers.items()}
    with pytest.raises(OSError):
        export.write_layers(changed, out, "csv")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_closed_or_full_standard_output_is_one_line():
    """Standard output closed (">&-": "internal error: TypeError") or --help written to a full disk (a 33-line
    traceback), or an answer to one, is one line and exit 2."""
    import shlex

    seed = shlex.quote(str(next(SEEDS.glob("*.txt"))))
    py = shlex.quote(sys.executable)
    for command, said in ((f"{py} -m mapper mentions --format csv {seed} >&-", "standard output is closed"),
                          (f"{py} -m mapper --help > /dev/full", "No space left"),
                          # (said of standard output, as mentions says it: hostile pass 29, S1)
                          (f"{py} -m mapper geocode Almaty > /dev/full", "standard output: cannot read or write"),
                          (f"{py} -m mapper route Almaty Moscow > /dev/full", "standard output: cannot read")):
        proc = subprocess.run(command, shell=True, cwd=ROOT, capture_output=False, stderr=subprocess.PIPE,
                              text=True, timeout=120)
        assert proc.returncode == 2 and said in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, (
            command, proc.stderr)


def test_third_hostile_pass(tmp_path, built):
    """From an outside attack: a link to a file under the working folder is not read unless a document there
    (named as one, under no hidden folder: not ~/.ssh/id_rsa run from $HOME); a pickle in the
    cache that another user could have written is not loaded; a stamp nested thousands deep, a link in place
    of OUT/layers, closed standard input, a document that grows while read, invisible characters inside
    names, a full disk under export in a GDAL format."""
    import resource

    from mapper.cache import read_pickle, write_pickle
    from mapper.documents import read_document

    docs = tmp_path / "docs"
    docs.mkdir()
    secret = tmp_path / ".ssh" / "id_rsa"  # (run from $HOME; /etc/passwd from /)
    secret.parent.mkdir()
    secret.write_text("Trains run from Almaty to Omsk with the root password.\n", encoding="utf-8")
    (docs / "pw.txt").symlink_to(secret)
    proc = subprocess.run([sys.executable, "-m", "mapper", "mentions", "--format", "jsonl", str(docs / "pw.txt")],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 2 and "outside the document's folder" in proc.stderr and proc.stdout == ""

    cached = tmp_path / "overlay-x.pickle"
    write_pickle(cached, {"a": 1})
    assert read_pickle(cached) == {"a": 1}
    cached.chmod(0o666)  # (as one planted in a world-writable cache would be)
    assert read_pickle(cached) is None

    out = tmp_path / "out"
    shutil.copytree(built, out)
    (out / ".stamp.json").write_text("[" * 100_000 + "]" * 100_000)
    target = tmp_path / "elsewhere"
    target.mkdir()
    shutil.rmtree(out / "layers")
    (out / "layers").symlink_to(target)
    proc = run_cli("build", "--out", str(out))  # (the damaged stamp lists no output: the build stops there)
    assert proc.returncode == 2 and ".stamp.json: cannot be read" in proc.stderr, proc.stderr
    assert list(target.iterdir()) == [] and "internal error" not in proc.stderr
    (out / ".stamp.json").unlink()
    (out / "map.html").unlink()
    (out / "layers.gpkg").unlink()
    proc = run_cli("build", "--out", str(out))
    assert proc.returncode == 2 and "layers: is in the way of an output folder" in proc.stderr, proc.stderr
    assert list(target.iterdir()) == [] and "internal error" not in proc.stderr

    proc = subprocess.run([sys.executable, "-m", "mapper", "mentions", "-"], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, cwd=ROOT, timeout=120, preexec_fn=lambda: os.close(0))
    assert proc.returncode == 2 and "standard input is closed" in proc.stderr, proc.stderr

    growing = tmp_path / "log.txt"
    growing.write_text("Trains left Aktau for Baku.\n", encoding="utf-8")
    with open(growing, "a", encoding="utf-8") as fh:  # what is appended after the read starts is not read
        import mapper.documents as documents

        real = documents._AsOpened.__init__

        def opened_then_appended(self, f):
            real(self, f)
            fh.write("Trains left Omsk.\n")
            fh.flush()
        documents._AsOpened.__init__ = opened_then_appended
        try:
            assert read_document(growing).text == "Trains left Aktau for Baku.\n"
        finally:
            documents._AsOpened.__init__ = real

    hidden = tmp_path / "hidden.txt"
    hidden.write_text("Trains from Dos\u00adtyk and Alma\u200dty reach \ufeffAstana.\n", encoding="utf-8")
    proc = run_cli("mentions", "--format", "jsonl", str(hidden))
    assert [json.loads(x)["text"] for x in proc.stdout.splitlines()] == ["Dostyk", "Almaty", "Astana"]

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))
    proc = subprocess.run([sys.executable, "-m", "mapper", "export", "--format", "gpkg", "--out",
                           str(tmp_path / "x.gpkg")], capture_output=True, text=True, cwd=ROOT, timeout=300,
                          preexec_fn=small_files)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "cannot write the output" in proc.stderr and not (tmp_path / "x.gpkg").exists()


def test_an_interrupt_waits_for_the_renames_and_an_unreadable_folder_stops_the_run(tmp_path, monkeypatch):
    """A SIGTERM while a build renames its files is taken after the last rename (the output is the old build or
    the new one, not a mix); a folder of documents that cannot be read is one line naming it (its documents
    had been left out without a word)."""
    import signal

    from mapper.documents import iter_document_paths
    from mapper.errors import InputError
    from mapper.outputs import _signals_held

    import threading
    import time

    taken = []
    idle = threading.Event()  # another thread, as a build has (tqdm's monitor): the kernel may give it the signal
    threading.Thread(target=idle.wait, daemon=True).start()
    before = signal.signal(signal.SIGTERM, lambda *_: taken.append("signal"))
    try:
        with _signals_held():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.2)
            taken.append("renamed")
        taken.append("after")
    finally:
        signal.signal(signal.SIGTERM, before)
        idle.set()
    assert taken == ["renamed", "signal", "after"]

    (tmp_path / "docs" / "2024").mkdir(parents=True)
    (tmp_path / "docs" / "a.txt").write_text("Trains left Aktau.\n", encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("2024"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)
    monkeypatch.setattr(os, "scandir", scandir)  # (as root, a folder of mode 000 is readable)
    with pytest.raises(InputError, match="2024: cannot read this folder .Permission denied.: its documents"):
        list(iter_document_paths([tmp_path / "docs"]))


def test_export_replaces_only_its_own_kind_of_file(tmp_path):
    """A mistyped --out does not destroy a file: export refuses a file that is no file of the format
    (README.md, a document, the manifest) and a folder that holds anything but its layers (the seeds), before
    geoparsing; it replaces its own earlier output (fourth hostile pass, E1)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Trains from Almaty to Moscow.\n", encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text("# my notes\n", encoding="utf-8")
    for fmt, out in (("kml", notes), ("gpkg", notes), ("csv", docs)):
        proc = run_cli("export", "--format", fmt, "--out", str(out), "--docs", str(docs))
        assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert str(out) in proc.stderr and "--out" in proc.stderr
    assert notes.read_text(encoding="utf-8") == "# my notes\n" and sorted(p.name for p in docs.iterdir()) == ["a.txt"]
    for fmt, out in (("kml", tmp_path / "l.kml"), ("gpkg", tmp_path / "l.gpkg"), ("csv", tmp_path / "csv")):
        for _ in range(2):  # (the second run replaces the first's output)
            proc = run_cli("export", "--format", fmt, "--out", str(out), "--docs", str(docs))
            assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "l.gpkg").read_bytes()[68:72] == b"GPKG"
    for fmt, out in (("gpkg", tmp_path / "csv" / "l.gpkg"), ("kml", tmp_path / "csv" / "sub" / "l.kml"),
                     ("geojson", tmp_path / "csv" / "sub")):  # (inside a folder of exported layers, which could
        # then no longer be exported again: hostile pass 28, S5)
        proc = run_cli("export", "--format", fmt, "--out", str(out), "--docs", str(docs))
        assert proc.returncode == 2 and "inside a folder of exported layers" in proc.stderr, proc.stderr
    assert run_cli("export", "--format", "csv", "--out", str(tmp_path / "csv"), "--docs", str(docs)).returncode == 0


def test_twenty_sixth_hostile_pass_names_over_short_lines_chunk_cuts_and_cut_contexts(parser):
    """Hostile pass 26: a name of two words broken over any line's end, short lines too, is read whole (E4: "Nur\nSultan"
    had been Nūr, Iran; "Ust\nKamenogorsk" Kamennogorsk by St Petersburg; "to Saint\nPetersburg" "Petersburg"); a large
    text with no blank line nor sentence's end is cut where no name runs on (E5: "Kara-\nganda" lost at each cut); a
    long sentence's context is cut between words, the cut marked (S3: "ble volumes …")."""
    from mapper.documents import _chunk_and_rest

    split = "Cargo trains from Nur\nSultan reached Ust\nKamenogorsk and the Nizhny\nNovgorod said.\n"
    assert [(m.text, m.name) for m in parser.parse(split, "t")] == [
        ("Nur\nSultan", "Astana"), ("Ust\nKamenogorsk", "Ust-Kamenogorsk"), ("Nizhny\nNovgorod", "Nizhniy Novgorod")]
    column = ("RAIL FREIGHT\n\nThe first container train of\nthe season left for Ulan\nUde and will return to Saint\n"
              "Petersburg next month.\n")
    assert [m.text for m in parser.parse(column, "t")] == ["Ulan\nUde", "Saint\nPetersburg"]
    chunk, rest = _chunk_and_rest("coal goes from Kara-\nganda to the west " * 3000)
    assert not chunk.endswith("Kara-\n") and rest.startswith(("ganda", "coal", "to", "the", "west", "from", "goes"))
    assert not rest.startswith("ganda")
    long = ("Considerable volumes of containerised cargo move along the corridor that links the ports of the region "
            "with inland terminals, and the operator said that a new weekly service from Aktau through the Caspian "
            "carries considerable volumes of containerised cargo to the terminals of the region and serves Baku every "
            "week with more to come in the next few years as trade grows steadily.")
    for m in parser.parse(long, "t"):
        assert m.context.startswith(("…", "Considerable")) and m.context.endswith(("…", "steadily."))
        assert m.context.strip("…") in long and long[long.index(m.context.strip("…")) - 1] in " " or \
            m.context.startswith("Considerable"), m.context


def test_a_file_system_out_of_inodes_is_full(tmp_path, monkeypatch):
    """GDAL, out of inodes while writing the GeoPackage, failed with its whole schema script (5.7 KB: "sqlite3_exec(CREATE
    TABLE …) failed: unable to open database file") where a disk out of bytes gave "No space left on device": both
    are a full disk now (hostile pass 26, S1: a tmpfs of 23 inodes)."""
    import os

    from mapper import outputs

    real = os.statvfs(tmp_path)
    fields = {k: getattr(real, k) for k in ("f_bavail", "f_frsize", "f_files", "f_favail")}
    monkeypatch.setattr(outputs.os, "statvfs", lambda _: type("S", (), {**fields, "f_favail": 3})())
    assert outputs._disk_full(tmp_path)
    monkeypatch.setattr(outputs.os, "statvfs", lambda _: type("S", (), {**fields, "f_favail": 10_000})())
    assert outputs._disk_full(tmp_path) == (real.f_bavail * real.f_frsize < 1 << 20)


def test_twenty_seventh_hostile_pass_hidden_data_files_and_a_part_s_record_without_context(tmp_path):
    """Hostile pass 27: a hidden file in a data folder (an editor's lock ".#hubs.toml", a hidden copy) is no data (S8:
    it had stopped check, route and build); a part's record without a context is read, as the record's check says
    it may be (E5: "internal error: KeyError: 'context'", exit 1)."""
    from mapper import datafiles

    hubs = tmp_path / "corridors" / "hubs"
    shutil.copytree(ROOT / "corridors" / "hubs", hubs)
    (hubs / ".#hubs.toml").symlink_to("root@host.1234:1700000000")  # (Emacs's lock: a dangling link)
    (hubs / ".old.toml").write_text((hubs / "hubs.toml").read_text(encoding="utf-8"), encoding="utf-8")
    assert len(list(datafiles.records(tmp_path, "corridors/hubs", "hub"))) == \
        len(list(datafiles.records(ROOT, "corridors/hubs", "hub")))
    parts = tmp_path / "parts"
    proc = run_cli("mentions", "--engine", "dask", "--out", str(parts), *map(str, sorted(SEEDS.glob("*.txt"))))
    assert proc.returncode == 0, proc.stderr
    part = sorted(parts.glob("part-*.jsonl"))[0]
    records = [json.loads(line) for line in part.read_text(encoding="utf-8").splitlines()]
    records[0].pop("context")
    part.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    manifest = json.loads((parts / "parts.json").read_text(encoding="utf-8"))
    manifest["sizes"][part.name] = part.stat().st_size
    (parts / "parts.json").write_text(json.dumps(manifest), encoding="utf-8")
    proc = run_cli("build", "--mentions-from", str(parts), "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr


def test_a_stop_while_the_renderer_thread_was_being_started_is_no_internal_error(tmp_path):
    """A SIGTERM that arrived while the map's sending thread was being created left it unstarted, and leaving the
    renderer joined it: "internal error: RuntimeError: cannot join thread before it is started", exit 1, where a
    stop is exit 143 (hostile pass 26, E1: strace's fault injection at the third clone3)."""
    import threading

    from mapper.pipeline import _MapRenderer

    with _MapRenderer(ROOT, cdn=False) as renderer:
        renderer._sender = threading.Thread(target=lambda: None)  # (assigned, as start() was interrupted)
    # (leaving the block joined it: no RuntimeError)


def test_a_one_file_export_named_as_a_folder_is_refused(tmp_path):
    """"--out layers.kml/" names a folder: a KML or GeoPackage export is one file, and it had been written as
    "layers.kml" (twenty-fifth hostile pass, S5); one line, exit 2, nothing written."""
    for fmt, name in (("kml", "layers.kml/"), ("gpkg", "layers.gpkg/")):
        proc = run_cli("export", "--format", fmt, "--out", f"{tmp_path}/{name}")
        assert proc.returncode == 2 and "a folder's name" in proc.stderr, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and not list(tmp_path.iterdir())


def test_fifth_hostile_pass_exports_pages_and_parts_without_documents(tmp_path):
    """An export named as another format's file is refused before anything is written (a GeoPackage named
    "layers.dbf" had held one layer of six, exit 0); a killed folder export is completed by the next one, and
    staging folders of killed exports do not pile up; a web page that declares its encoding in a ``<meta>`` is
    read in it without a warning; ``build --mentions-from`` needs no documents' folder (fifth hostile pass, E2,
    E3, E11)."""
    from mapper.outputs import write_journal

    for fmt, name in (("gpkg", "layers.dbf"), ("gpkg", "layers.csv"), ("kml", "layers.gpkg")):
        proc = run_cli("export", "--format", fmt, "--out", str(tmp_path / name))
        assert proc.returncode == 2 and f"ends in '{Path(name).suffix}'" in proc.stderr, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and not list(tmp_path.iterdir())
    out = tmp_path / "geojson"
    stage = out / ".build-killed"  # a kill after the first layer was moved in
    stage.mkdir(parents=True)
    (stage / "hubs.geojson").write_text("{}")
    write_journal(out, stage, [Path("hubs.geojson")])
    proc = run_cli("export", "--format", "geojson", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == [".lock", ".stamp.json", "corridors.geojson",
                                                      "crossings.geojson", "hubs.geojson", "mentions.geojson",
                                                      "places.geojson", "segments.geojson"]  # (an export stamps
    # its folder: the files it wrote there)
    assert json.loads((out / "hubs.geojson").read_text(encoding="utf-8"))["features"]
    page = tmp_path / "docs" / "p.html"
    page.parent.mkdir()
    page.write_bytes('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
                     '</head><body><p>Поезда идут из Алматы в Актау через Шымкент. Grain goes on to Baku by '
                     'ferry.</p></body></html>'.encode("cp1251"))
    proc = run_cli("mentions", "--format", "jsonl", str(page))
    assert proc.returncode == 0 and not proc.stderr.strip(), proc.stderr
    assert [json.loads(line)["name"] for line in proc.stdout.splitlines()][:3] == ["Almaty", "Aktau", "Shymkent"]
    parts = tmp_path / "parts"
    assert run_cli("mentions", "--engine", "dask", "--out", str(parts), str(page)).returncode == 0
    proc = run_cli("--data", str(ROOT), "build", "--mentions-from", str(parts), "--out", str(tmp_path / "o"),
                   cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr


def test_a_stop_while_publishing_waits_for_the_output_and_its_stamp(tmp_path):
    """A SIGTERM that comes while a build's files are moved into place waits until they all are and the build
    is stamped, then stops the process, which says the output was written whole (fifth hostile pass, E2: it had
    said "aborted" with the new build in place and its journal left)."""
    import signal

    from mapper import outputs

    out, stage = tmp_path / "out", tmp_path / "out" / ".build-x"
    stage.mkdir(parents=True)
    for name in ("a.txt", "b.txt"):
        (stage / name).write_text(name)
    got, stamped = [], []
    before = signal.signal(signal.SIGTERM, lambda signum, frame: got.append(signum))
    try:
        def then(written):
            os.kill(os.getpid(), signal.SIGTERM)  # (mid-way: noted, not taken)
            assert not got
            stamped.append(sorted(p.name for p in written))
        outputs.publish(stage, out, then=then)
    finally:
        signal.signal(signal.SIGTERM, before)
    assert got == [signal.SIGTERM] and stamped == [["a.txt", "b.txt"]] and outputs.stopped_after_publishing == [True]
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]  # (the journal closed after the stamp)


def test_seventh_hostile_pass_locks_journals_and_encodings(tmp_path):
    """Seventh pass: a ``.lock`` that is a link or a hard link was emptied by every writer (E1: ``~/.bashrc``),
    and a pipe there hung it: each is refused in one line, the target whole; a journal moves only the files it
    names that the staging folder holds as its own (E2: a planted page, a hard link to a file elsewhere and a
    ``.lock`` were published); a text whose first byte beyond ASCII comes after the detection's sample is read
    in its encoding (E3); a declared code page that reads the bytes as other letters is refused (E5: KOI8-R on
    cp1251); an export named as the tool's own files is refused (E6); a key given twice in a parts list (E7)."""
    from mapper.distributed import MANIFEST, read_parts
    from mapper.documents import read_document
    from mapper.errors import InputError
    from mapper.outputs import BUILD_FILES, new_stage, output_lock, settle, write_journal

    secret = tmp_path / "bashrc"
    secret.write_text("keep me", encoding="utf-8")
    for plant in (lambda lock: lock.symlink_to(secret), os.mkfifo, lambda lock: os.link(secret, lock)):
        out = tmp_path / f"out{len(list(tmp_path.iterdir()))}"
        out.mkdir()
        plant(out / ".lock")
        if (out / ".lock").is_file() and not (out / ".lock").is_symlink():  # a hard link (a backup's): locked,
            with output_lock(out):  # never written
                pass
        else:
            with pytest.raises(InputError, match="move it away"):
                with output_lock(out):
                    pass
        assert secret.read_text(encoding="utf-8") == "keep me"
    out = tmp_path / "published"
    out.mkdir()
    stage = new_stage(out)
    (stage / "map.html").write_text("new", encoding="utf-8")
    (stage / "evil.html").write_text("<script>", encoding="utf-8")  # planted: the journal does not name it
    (stage / ".lock").write_text("junk", encoding="utf-8")
    os.link(secret, stage / "id_rsa")  # a hard link to a file elsewhere
    write_journal(out, stage, [Path("map.html"), Path(".lock"), Path("id_rsa")])
    settle(out, BUILD_FILES)
    assert sorted(p.name for p in out.iterdir()) == ["map.html"] and secret.read_text(encoding="utf-8") == "keep me"
    late = tmp_path / "late.txt"
    late.write_bytes(("x = 1;\n" * 10_000 + "Поезда идут из Алматы в Актау.\n").encode("cp1251"))
    assert "Алматы" in read_document(late).text
    russian = tmp_path / "ru.txt"
    russian.write_bytes("Поезда идут из Алматы в Актау через Шымкент и Караганду.".encode("cp1251"))
    with pytest.raises(InputError, match="declared koi8-r, but its bytes read as cp1251 text"):
        read_document(russian, encoding="koi8-r")
    assert "Шымкент" in read_document(russian, encoding="cp1251").text
    proc = run_cli("export", "--format", "gpkg", "--out", str(tmp_path / "o" / ".lock"))
    assert proc.returncode == 2 and "a name the tool keeps for its own files" in proc.stderr, proc.stderr
    parts = tmp_path / "parts"
    parts.mkdir()
    (parts / "part-00000.jsonl").write_text("", encoding="utf-8")
    (parts / MANIFEST).write_text('{"parts": [], "parts": ["part-00000.jsonl"]}', encoding="utf-8")
    with pytest.raises(InputError, match="the key 'parts' twice"):
        list(read_parts(parts))


def test_eighth_hostile_pass_journals_encodings_and_deep_folders(tmp_path):
    """Eighth pass: a journal's file was moved through a link planted on the output's side (E1: "OUT/cfg -> ~"
    and "cfg/.profile" overwrote ~/.profile); a correct Lithuanian code page was refused as cp1254 (E2); a
    cp1251 file with one early dash and its Russian after 64 KB was read as cp1250 (E3); a staging folder nested
    1,000 deep was an internal error for every later run (E4)."""
    from mapper.documents import read_document
    from mapper.outputs import BUILD_FILES, new_stage, output_lock, settle, write_journal

    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    out.mkdir()
    (home / "profile").write_text("mine", encoding="utf-8")
    (out / "cfg").symlink_to(home)
    stage = new_stage(out)
    (stage / "cfg").mkdir()
    (stage / "cfg" / "profile").write_text("theirs", encoding="utf-8")
    (stage / "map.html").write_text("new", encoding="utf-8")
    write_journal(out, stage, [Path("cfg/profile"), Path("map.html")])
    settle(out, BUILD_FILES)
    assert (home / "profile").read_text(encoding="utf-8") == "mine" and (out / "map.html").read_text() == "new"
    lithuanian = tmp_path / "lt.txt"
    lithuanian.write_bytes("Kroviniai iš Klaipėdos uosto į Kauną ir Vilnių per Šiaulius ir Panevėžį.".encode("cp1257"))
    assert "Klaipėdos" in read_document(lithuanian, encoding="cp1257").text
    late = tmp_path / "late.txt"
    late.write_bytes(("Title \u2014 news\n" + "x = 1;\n" * 10_000 + "Поезда идут из Алматы в Актау через Шымкент, "
                      "Караганду, Павлодар, Семей и Костанай.\n").encode("cp1251"))
    assert "Алматы" in read_document(late).text
    with open(late, "rb") as stdin:  # (standard input is decoded as it streams)
        proc = subprocess.run([sys.executable, "-m", "mapper", "mentions", "--format", "jsonl", "-"], cwd=ROOT,
                              stdin=stdin, capture_output=True, timeout=300)
    assert "Алматы" in proc.stdout.decode("utf-8"), proc.stderr
    deep = folder = new_stage(out)
    for _ in range(1_100):  # (os.makedirs recurses too)
        folder = folder / "d"
        folder.mkdir()
    with output_lock(out):
        settle(out, BUILD_FILES)
    assert not deep.exists()



def test_eighth_hostile_pass_small_things(built, tmp_path):
    """Eighth pass, E5: a page's "&amp;lt;" was decoded twice (a); ``route`` named Horgos by GeoNames' "Qarasu"
    (b); Kazakh in KZ-1048 and Russian in Mac Cyrillic were read as cp1251 (e: not Serbian, Macedonian, Ukrainian
    or Bulgarian in cp1251); ``export --out OUT/layers`` replaced a build's layers behind its map (f); a bad data
    file left a CSV header on standard output (g); a user's ``OUT/.build-mine`` was removed by the next build
    (h)."""
    from mapper import outputs
    from mapper.documents import detect_encoding, read_document, sample
    from mapper.outputs import BUILD_FILES, new_stage, settle

    kazakh = "Ақтөбе, Қызылорда және Өскемен қалалары, Шығыс Қазақстан облысы; Түркістан."
    russian = "Поезда идут из Алматы в Актау через Шымкент и Караганду."
    for text, codec, found in ((kazakh, "kz1048", "kz1048"), (russian, "mac_cyrillic", "mac_cyrillic"),
                               (russian, "cp1251", "cp1251"),
                               ("Возови иду из Београда у Ниш. Ђорђе је рекао да ће извоз расти, љубав.", "cp1251",
                                "cp1251"),
                               ("Ќе се гради нова пруга од Скопје кон Битола, ѕвезда, Ѓорѓи, џеб.", "cp1251", "cp1251"),
                               ("Потяги їдуть з Києва до Львова через Житомир, ґрунти, є надія.", "cp1251", "cp1251")):
        data = text.encode(codec)
        assert detect_encoding(sample(data), Path("t.txt")) == found, text
    (tmp_path / "kz.txt").write_bytes(kazakh.encode("kz1048"))
    assert "Ақтөбе" in read_document(tmp_path / "kz.txt").text

    page = tmp_path / "p.html"
    page.write_text("<html><body><article><p>Then Kazan &amp;lt;b&amp;gt; and Bishkek, AT&amp;amp;T. The trains "
                    "run on from Almaty to Urumqi through Dostyk every day of the week.</p></article></body></html>",
                    encoding="utf-8")
    proc = run_cli("mentions", "--format", "jsonl", str(page))
    contexts = {json.loads(line)["context"] for line in proc.stdout.splitlines()}
    assert "Then Kazan &lt;b&gt; and Bishkek, AT&amp;T." in contexts, (contexts, proc.stderr)
    proc = run_cli("route", "Horgos", "Almaty", "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["from"] == "Horgos", proc.stderr
    out = _copy(built, tmp_path / "out")
    before = output_digest(out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.name[0] != "."
                  and not outputs.BUILD_FILES.fullmatch(p.relative_to(out).as_posix())) == []  # (all a build writes)
    proc = run_cli("export", "--format", "geojson", "--out", str(out / "layers"))
    assert proc.returncode == 2 and "is a build's layers folder" in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and output_digest(out) == before
    assert not (out / "layers" / ".lock").exists()
    data = tmp_path / "data"
    for folder in ("geodata", "corridors", "seeds"):
        shutil.copytree(ROOT / folder, data / folder)
    with open(data / "geodata" / "aliases.toml", "a", encoding="utf-8") as fh:
        fh.write('\n[[alias]]\ngeonameid = 1526384\nname = "Almaty"\nnames = ["Almatyy"]\n')  # (no sources)
    proc = run_cli("--data", str(data), "mentions", "--format", "csv", str(SEEDS))
    assert proc.returncode == 2 and proc.stdout == "" and "aliases.toml" in proc.stderr, (proc.stdout, proc.stderr)
    mine, empty, ours = out / ".build-mine", out / ".build-empty", new_stage(out)
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    empty.mkdir()
    (ours / "map.html").write_text("half", encoding="utf-8")
    settle(out, BUILD_FILES)
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep" and not empty.exists() and not ours.exists()


def test_ninth_hostile_pass_journals_mounts_parts_and_encodings(tmp_path, monkeypatch):
    """Ninth pass: a planted journal published any name it listed, a user's "notes.txt" replaced and a
    "www/index.html" added (E1), and one 1,100 folders deep was an internal error (E2); removing a staging folder
    went into a file system mounted inside it (E3); a failed move named the staged file, not the output in the
    way (E4); an honest Greek code page was refused, and English with guillemets before cp1251 Russian was read
    as iso8859-2 and its true declaration refused (E5); a part cut at a record's end read as whole (E6); a killed
    run's temporary files stayed, UTF-32 without a byte-order mark had no hint, and ``geocode`` did not ignore a
    zero-width space (E7)."""
    from mapper import outputs
    from mapper.distributed import MANIFEST, read_parts
    from mapper.documents import read_document
    from mapper.errors import InputError
    from mapper.outputs import BUILD_FILES, new_stage, remove_tree, settle, write_journal

    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    stage = new_stage(out)
    deep = Path(*["d"] * 1_100) / "x.html"
    folder = stage
    for part in deep.parts[:-1]:  # (os.makedirs recurses)
        folder = folder / part
        folder.mkdir()
    (stage / "www").mkdir()
    for rel, text in (("notes.txt", "theirs"), ("www/index.html", "<script>"), ("map.html", "new"),
                      (str(deep), "deep")):
        (stage / rel).write_text(text, encoding="utf-8")
    write_journal(out, stage, [Path("notes.txt"), Path("www/index.html"), Path("map.html"), deep])
    settle(out, BUILD_FILES)
    assert sorted(p.name for p in out.iterdir()) == ["map.html", "notes.txt"]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    mounted = tmp_path / "stale" / "mnt"
    mounted.mkdir(parents=True)
    (mounted / "thesis.txt").write_text("keep", encoding="utf-8")
    real_ismount = os.path.ismount
    monkeypatch.setattr(os.path, "ismount", lambda p: str(p) == str(mounted) or real_ismount(p))
    remove_tree(tmp_path / "stale")
    assert (mounted / "thesis.txt").read_text(encoding="utf-8") == "keep"
    monkeypatch.undo()
    stage = new_stage(out)
    (stage / "map.html").write_text("newer", encoding="utf-8")

    real_replace = os.replace

    def refused(src, dst):  # (an immutable map.html: chattr +i)
        if str(dst) == str(out / "map.html"):
            raise PermissionError(1, "Operation not permitted", src)
        real_replace(src, dst)
    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(OSError) as failed:
        outputs.publish(stage, out)
    assert failed.value.filename == str(out / "map.html")
    monkeypatch.undo()
    settle(out, BUILD_FILES)
    greek = tmp_path / "el.txt"
    greek.write_bytes("Trains leave Almaty for Urumqi.\nΤα φορτία πηγαίνουν στην Αθήνα.\n".encode("cp1253"))
    assert "Αθήνα" in read_document(greek, encoding="cp1253").text
    quoted = tmp_path / "quoted.txt"
    quoted.write_bytes("".join(f"Paragraph {i} \u00ab quoted \u00bb about freight.\n" for i in range(50)).encode("cp1251")
                       + "Поезда из Алматы идут в Ташкент и Москву через Казань.\n".encode("cp1251"))
    assert "Алматы" in read_document(quoted).text and "Алматы" in read_document(quoted, encoding="cp1251").text
    parts = tmp_path / "parts"
    parts.mkdir()
    record = dict(ALMATY_RECORD)
    line = json.dumps(record) + "\n"
    (parts / "part-00000.jsonl").write_text(line, encoding="utf-8")
    (parts / MANIFEST).write_text(json.dumps({"parts": ["part-00000.jsonl"],
                                              "sizes": {"part-00000.jsonl": 2 * len(line)}}))
    with pytest.raises(InputError, match="cut short or changed since its run"):
        list(read_parts(parts))
    for name in ("..stamp.json.abcd1234.tmp.json", "..publishing.wxyz_987.tmp", ".map.html.q1w2e3r4.tmp.html",
                 ".my.notes.tmp", ".stamp.json.mybackup.tmp.json"):  # (the tool's three, and a user's two)
        (out / name).write_text("{", encoding="utf-8")
    settle(out, BUILD_FILES)
    assert sorted(p.name for p in out.iterdir()) == [".my.notes.tmp", ".stamp.json.mybackup.tmp.json", "map.html",
                                                     "notes.txt"]
    wide = tmp_path / "u32.txt"
    wide.write_bytes("Trains run from Almaty to Aktau every week.".encode("utf-32-le"))
    with pytest.raises(InputError, match="UTF-32 without a byte-order mark"):
        read_document(wide)
    proc = run_cli("geocode", "Alma\u200bty")
    assert proc.returncode == 0 and proc.stdout.split()[1] == "Almaty,", proc.stderr


def test_tenth_hostile_pass_mounts_kinds_and_code_pages(tmp_path, monkeypatch):
    """Tenth pass: a folder bind-mounted inside a staging folder, on the same file system, was entered and
    emptied (E1); Mac Cyrillic declared on cp1251 Russian, and KZ-1048 on Ukrainian, were read, places lost
    (E2); the tool's temporary files are named with two dots, and were never removed (E4); a parts list with no
    size for a part let it be cut short (E5); a journal moved any of the tool's names into any kind of folder, a
    page into a parts folder (E6); Belarusian was detected as KZ-1048, and a direction mark ended a name
    ``geocode`` did not find (E7)."""
    from mapper import outputs
    from mapper.distributed import MANIFEST, read_parts
    from mapper.documents import detect_encoding, read_document, sample
    from mapper.errors import InputError
    from mapper.outputs import PARTS_FILES, new_stage, remove_tree, settle, write_journal

    stale = tmp_path / "stale"
    mounted = stale / "deep" / "mnt"
    mounted.mkdir(parents=True)
    (mounted / "thesis.txt").write_text("keep", encoding="utf-8")
    monkeypatch.setattr(outputs, "_mount_points", lambda: frozenset({os.path.realpath(mounted)}))
    remove_tree(stale)
    assert (mounted / "thesis.txt").read_text(encoding="utf-8") == "keep"
    monkeypatch.undo()
    russian = tmp_path / "ru.txt"
    russian.write_bytes("Поезда идут из Алматы в Актау через Шымкент и Караганду. Павлодар и Семей.".encode("cp1251"))
    with pytest.raises(InputError, match="declared mac-cyrillic, but its bytes read as cp1251 text"):
        read_document(russian, encoding="mac-cyrillic")
    ukrainian = tmp_path / "uk.txt"
    ukrainian.write_bytes("Потяги їдуть з Ізмаїла до Львова через Житомир, ґрунти, є надія.".encode("cp1251"))
    with pytest.raises(InputError, match="declared kz1048, but its bytes read as cp1251 text"):
        read_document(ukrainian, encoding="kz1048")
    kazakh = tmp_path / "kz.txt"
    kazakh.write_bytes("Ақтөбе, Қызылорда және Өскемен; Түркістан, Шығыс Қазақстан.".encode("kz1048"))
    assert "Ақтөбе" in read_document(kazakh, encoding="kz1048").text
    belarusian = "Цягнікі ідуць з Мінска ў Брэст праз Баранавічы і Гомель, ўсё добра.".encode("cp1251")
    assert detect_encoding(sample(belarusian), Path("be.txt")) == "cp1251"
    parts = tmp_path / "parts"
    parts.mkdir()
    record = dict(ALMATY_RECORD)
    for i in range(2):
        (parts / f"part-0000{i}.jsonl").write_text(json.dumps(record | {"doc": f"d{i}.txt"}) + "\n", encoding="utf-8")
    (parts / MANIFEST).write_text(json.dumps({"parts": ["part-00000.jsonl", "part-00001.jsonl"],
                                              "sizes": {"part-00000.jsonl": 10}}))
    with pytest.raises(InputError, match="a size in bytes for each part listed"):
        list(read_parts(parts))
    stage = new_stage(parts)
    (stage / "map.html").write_text("<script>", encoding="utf-8")
    write_journal(parts, stage, [Path("map.html")])
    settle(parts, PARTS_FILES)
    assert not (parts / "map.html").exists()
    proc = run_cli("geocode", "Almaty\u200e")
    assert proc.returncode == 0 and proc.stdout.split()[1] == "Almaty,", proc.stderr


def test_a_publish_that_fails_part_way_puts_the_previous_output_back(tmp_path, monkeypatch):
    """Pass 9 E4: a move refused after the layers were in (an immutable map.html) left new layers beside the old
    map; the previous build's files come back, and the next build, the cause gone, publishes whole."""
    from click.testing import CliRunner

    from mapper.cli import cli
    from mapper.distributed import MANIFEST, read_parts

    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    (docs / "a.txt").write_text("Trains run from Almaty to Urumqi through Khorgos.\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["build", "--docs", str(docs), "--out", str(out)]).exit_code == 0
    before = output_digest(out)
    (docs / "b.txt").write_text("Ships sail from Aktau to Baku.\n", encoding="utf-8")
    real_replace = os.replace
    for name in ("map.html", ".stamp.json"):  # (chattr +i on the map; on the stamp, twelfth pass, E2)

        def refused(src, dst, target=out / name):
            if str(dst) == str(target):
                raise PermissionError(1, "Operation not permitted", src)
            real_replace(src, dst)
        monkeypatch.setattr(os, "replace", refused)
        failed = CliRunner().invoke(cli, ["build", "--docs", str(docs), "--out", str(out)])
        monkeypatch.undo()
        assert failed.exit_code == 2 and name in failed.output and ".tmp" not in failed.output, failed.output
        assert output_digest(out) == before  # the layers, the GeoPackage and the stamp of the first build
        assert not list(out.glob(".build-*")) and not (out / ".publishing").exists()
    assert CliRunner().invoke(cli, ["build", "--docs", str(docs), "--out", str(out)]).exit_code == 0
    assert "Aktau" in (out / "layers" / "mentions.geojson").read_text(encoding="utf-8")
    assert "Aktau" in (out / "map.html").read_text(encoding="utf-8")
    parts = tmp_path / "parts"
    parts.mkdir()
    record = dict(ALMATY_RECORD)
    line = json.dumps(record) + "\n"
    (parts / "part-00000.jsonl").write_text(line, encoding="utf-8")
    (parts / "part-00007.jsonl").write_text(line.replace("d.txt", "e.txt"), encoding="utf-8")  # copied in by hand
    (parts / MANIFEST).write_text(json.dumps({"parts": ["part-00000.jsonl"], "sizes": {"part-00000.jsonl": len(line)}}))
    read = list(read_parts(parts))
    assert [r.doc for r in read if not isinstance(r, dict)] == ["d.txt"]
    warnings = [r["warning"] for r in read if isinstance(r, dict)]
    assert len(warnings) == 1 and f"part-00007.jsonl: not listed in {MANIFEST}" in warnings[0], warnings


def test_eleventh_hostile_pass_mounted_stages_empty_elements_and_small_things(tmp_path, monkeypatch, parser):
    """Eleventh pass: a stale staging folder that is itself a mount point was emptied (E1); in a web page, the
    text after an empty inline element ("<span id=…></span>", a wiki's anchor) was lost up to the end of its
    paragraph (E2); a parts list with no sizes was read without a word (E3); UTF-32 in Cyrillic got no
    --encoding hint, an --out name of 250 bytes had no room for its temporary file's, ``export --out -`` wrote a
    file named "-", and GDAL's failure on a full disk was "Unspecified OGR / GDAL error" (E4)."""
    from mapper import outputs
    from mapper.distributed import MANIFEST, read_parts
    from mapper.documents import read_document
    from mapper.errors import InputError
    from mapper.outputs import BUILD_FILES, JOURNAL, STAGE_MARK, settle, write_text_atomic

    out = tmp_path / "out"
    stage = out / ".build-m"
    stage.mkdir(parents=True)
    for name in ("thesis.txt", STAGE_MARK, "map.html"):
        (stage / name).write_text("keep", encoding="utf-8")
    (out / JOURNAL).write_text(json.dumps({"stage": ".build-m", "files": ["map.html"]}), encoding="utf-8")
    monkeypatch.setattr(outputs, "_mount_points", lambda: frozenset({os.path.realpath(stage)}))
    settle(out, BUILD_FILES)
    monkeypatch.undo()
    assert sorted(p.name for p in stage.iterdir()) == sorted(("thesis.txt", STAGE_MARK, "map.html"))
    assert not (out / "map.html").exists()
    plain = ("<p>The Middle Corridor links China to Europe through Kazakhstan, across the Caspian Sea.</p>\n"
             "<h2>Route via Aktau and Baku</h2>\n<p>Trains run from Dostyk to Aktau, then by ferry to Baku and on "
             "to Tbilisi and Kars.</p>\n<p>Freight goes from Almaty to Tashkent, Samarkand and Bishkek.</p>\n")
    anchored = plain.replace("<h2>", '<h2><span id="Route"></span>').replace("<p>Trains", '<p><span id="r1"><b></b>'
                                                                                       "</span>Trains")
    anchored = anchored.replace("Samarkand", "Sam<i></i>arkand").replace("Almaty", "Almaty<sup></sup>")
    anchored = anchored.replace("<p>Freight", '<p><span class="icon"><svg><path d="M0"/></svg></span><em><script>'
                                              "var a = 1;</script></em><span><img src=\"x.png\"></span>Freight")
    # (twelfth pass, E1: an inline element holding only what no article's text is in)
    texts = []
    for name, body in (("plain.html", plain), ("anchored.html", anchored)):
        page = tmp_path / name
        page.write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
        texts.append(read_document(page).text)
    assert texts[0] == texts[1]
    assert {m.text for m in parser.parse(texts[1], "t")} >= {"Aktau", "Baku", "Dostyk", "Tbilisi", "Samarkand"}
    parts = tmp_path / "parts"
    parts.mkdir()
    record = dict(ALMATY_RECORD)
    (parts / "part-00000.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (parts / MANIFEST).write_text(json.dumps({"parts": ["part-00000.jsonl"]}))
    warnings = [r["warning"] for r in read_parts(parts) if isinstance(r, dict)]
    assert len(warnings) == 1 and "gives no part's size" in warnings[0]
    wide = tmp_path / "ru32.txt"
    wide.write_bytes("Поезда идут из Москвы в Алматы через Оренбург.\n".encode("utf-32-le") * 4)
    with pytest.raises(InputError, match="declare --encoding utf-32-le"):
        read_document(wide)
    wide = tmp_path / "zh16.txt"  # (seventeenth hostile pass, S6: Chinese in UTF-16 has NULs only in its spaces
    # and digits, and was told "not a text document")
    wide.write_bytes("中欧班列从西安出发，经过霍尔果斯口岸到达杜伊斯堡。2025年开行了 1,200 列。".encode("utf-16-le"))
    with pytest.raises(InputError, match="declare --encoding utf-16-le"):
        read_document(wide)
    long_name = tmp_path / ("a" * 250 + ".kml")
    write_text_atomic(long_name, "<kml/>")
    assert long_name.read_text(encoding="utf-8") == "<kml/>"
    proc = run_cli("export", "--format", "kml", "--out", "-", cwd=tmp_path)
    assert proc.returncode == 2 and "not to standard output" in proc.stderr and not (tmp_path / "-").exists()
    from types import SimpleNamespace

    from pyogrio.errors import FeatureError

    monkeypatch.setattr(outputs.os, "statvfs", lambda path: SimpleNamespace(f_bavail=1, f_frsize=4096, f_files=10 ** 6,
                                                                           f_favail=10 ** 6))  # (4 KB free)
    with pytest.raises(OSError, match="No space left on device"):  # (GDAL's "Unspecified OGR / GDAL error" on a
        with outputs.gdal_writes(tmp_path / "mentions.csv"):  # full disk)
            raise FeatureError("Could not add feature to layer at index 11: Unspecified OGR / GDAL error")


def test_thirteenth_hostile_pass_foreign_outputs_own_maps_numbers_returns_and_endless_input(tmp_path, monkeypatch,
                                                                                            gazetteer):
    """Thirteenth pass: ``build --out`` replaced a user's own ``map.html`` there, and with ``--out`` the documents'
    folder its page too (E1); an output folder inside the documents' fed the map back in as a document (E2); a
    damaged gazetteer index was an internal error in every run (E3); an integer of 5,000 digits in a manifest
    was one (E4); a leg that ran back over itself passed ``check`` and counted its km twice (E5); endless
    standard input filled memory (E6)."""
    from click.testing import CliRunner

    from mapper import documents, gazetteer as gazetteer_module
    from mapper.cli import cli

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Trains run from Almaty to Astana.\n", encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "map.html").write_text("<html>my own page</html>", encoding="utf-8")
    proc = run_cli("build", "--docs", str(docs), "--out", str(mine))
    assert proc.returncode == 2 and "map.html: was not written here by this tool" in proc.stderr
    assert (mine / "map.html").read_text(encoding="utf-8") == "<html>my own page</html>"
    proc = run_cli("build", "--docs", str(docs), "--out", str(docs))
    assert proc.returncode == 2 and "is the documents' folder too" in proc.stderr and not (docs / "map.html").exists()
    inner = docs / "out"
    counts = []
    for _ in range(2):  # (the second build must not read the first one's map.html)
        proc = run_cli("build", "--force", "--docs", str(docs), "--out", str(inner))
        assert proc.returncode == 0, proc.stderr
        layer = json.loads((inner / "layers" / "mentions.geojson").read_text(encoding="utf-8"))
        counts.append(sorted(f["properties"]["doc"] for f in layer["features"]))
    assert counts[0] == counts[1] == ["a.txt", "a.txt"]
    manifest = tmp_path / "numbers"
    manifest.mkdir()
    (manifest / "a.txt").write_text("Trains run from Almaty to Astana.\n", encoding="utf-8")
    (manifest / "manifest.toml").write_text(f'[[document]]\nfile = "a.txt"\ntitle = "x"\ndate = {"9" * 5000}\n',
                                            encoding="utf-8")
    proc = run_cli("build", "--docs", str(manifest), "--out", str(tmp_path / "n"))
    assert proc.returncode == 2 and "manifest.toml: invalid TOML: a number too long" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    data = tmp_path / "data"
    for part in ("corridors", "geodata", "seeds"):
        shutil.copytree(ROOT / part, data / part)
    route = data / "corridors" / "routes" / "kalbatau-maikapchagai.toml"
    route.write_text(route.read_text(encoding="utf-8") + '\n[[corridor.leg]]\nmode = "road"\nstatus = "operational"\n'
                     'nodes = ["place:maikapchagai", "Zaysan|KZ", "place:maikapchagai"]\n', encoding="utf-8")
    proc = run_cli("--data", str(data), "check")
    assert proc.returncode in (1, 2) and "comes twice" in proc.stderr and "kalbatau-maikapchagai" in proc.stderr
    for args in (["build", "--docs", ""], ["mentions", ""], ["build", "--out", " "]):  # (S3: an unset variable)
        proc = run_cli(*args, cwd=tmp_path)
        assert proc.returncode == 2 and "is empty" in proc.stderr and len(proc.stderr.splitlines()) == 1
    raw = docs / "controls.txt"  # (S4: what a terminal acts on, or what turns text around, as \u escapes)
    raw.write_text("Trains \x9b31m run from Almaty \u202e to Astana\x7f.\n", encoding="utf-8")
    proc = run_cli("mentions", "--format", "jsonl", str(raw))
    assert proc.returncode == 0 and "\\u009b" in proc.stdout and "\\u202e" in proc.stdout
    assert not any(c in proc.stdout for c in "\x9b\u202e\x7f")
    assert json.loads(proc.stdout.splitlines()[0])["context"] == "Trains \x9b31m run from Almaty \u202e to Astana\x7f."
    raw.unlink()
    monkeypatch.setattr(documents, "DOCUMENT_MAX_BYTES", 1 << 20)
    result = CliRunner().invoke(cli, ["mentions", "-"], input="Trains run from Almaty to Astana.\n" * 100_000)
    assert result.exit_code == 2 and "larger than 1 MiB" in result.output
    monkeypatch.undo()
    cache = tmp_path / "cache"  # (a copy of the index, which the run finds damaged: see discard_damaged_index)
    cache.mkdir()
    index = Path(gazetteer._con.execute("PRAGMA database_list").fetchone()[2])
    shutil.copy(index, cache / index.name)
    monkeypatch.setenv("CORRIDOR_MAPPER_CACHE", str(cache))

    def damaged(*args, **kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(gazetteer_module.Gazetteer, "_by_key", damaged)
    result = CliRunner().invoke(cli, ["mentions", str(docs / "a.txt")])
    assert result.exit_code == 2 and "the gazetteer index is damaged" in result.output
    assert index.name in result.output and not (cache / index.name).exists()


def test_fourteenth_hostile_pass_own_layers_long_fields_and_cache_shapes(tmp_path, monkeypatch, built):
    """Fourteenth pass: ``export`` replaced a user's own GeoPackage, KML or ``places.csv`` (E1); a field of
    200,000 characters in a TSV data file was an internal error (E3); check let control characters and a
    common English word read in every text into ``cldr-names.tsv`` (E4); a cached pickle of another shape broke
    every build (E5)."""
    import geopandas as gpd
    from shapely.geometry import Point

    from mapper import cache

    mine = tmp_path / "mine.gpkg"
    gpd.GeoDataFrame({"a": [1]}, geometry=[Point(1, 2)], crs=4326).to_file(mine, layer="survey", driver="GPKG")
    before = mine.read_bytes()
    proc = run_cli("export", "--format", "gpkg", "--out", str(mine))
    assert proc.returncode == 2 and "is not a file export wrote (its layers differ" in proc.stderr
    assert "survey" in proc.stderr
    assert mine.read_bytes() == before
    kml = tmp_path / "mine.kml"
    kml.write_text("<kml><Document><Placemark><name>my pin</name></Placemark></Document></kml>", encoding="utf-8")
    assert run_cli("export", "--format", "kml", "--out", str(kml)).returncode == 2 and "my pin" in kml.read_text()
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "places.csv").write_text("my,own\n", encoding="utf-8")
    proc = run_cli("export", "--format", "csv", "--out", str(folder))
    assert proc.returncode == 2 and "places.csv: was not written here" in proc.stderr
    assert (folder / "places.csv").read_text() == "my,own\n"
    gpkg = (built / "layers.gpkg").read_bytes()  # (S2: a build's GeoPackage, which its map shows)
    proc = run_cli("export", "--format", "gpkg", "--out", str(built / "layers.gpkg"))
    assert proc.returncode == 2 and "is a build's GeoPackage" in proc.stderr
    assert (built / "layers.gpkg").read_bytes() == gpkg
    ours = tmp_path / "ours"
    for _ in range(2):  # (an export's own folder is replaced: its stamp lists its layers)
        proc = run_cli("export", "--format", "csv", "--out", str(ours))
        assert proc.returncode == 0, proc.stderr
    data = tmp_path / "data"
    for part in ("corridors", "geodata", "seeds"):
        shutil.copytree(ROOT / part, data / part)
    names = data / "geodata" / "cldr-names.tsv"
    original = names.read_text(encoding="utf-8")
    names.write_text(original + "country:KZ\tfr\tKazakh" + "x" * 200_000 + "\tall\n", encoding="utf-8")
    proc = run_cli("--data", str(data), "check")  # (a field of any length is read: csv's limit is no data rule)
    assert proc.returncode == 0 and "internal error" not in proc.stderr, proc.stderr
    for row, said in (("country:KZ\tfr\tKaz\x1b]0;x\x07akh\tall", "control character"),
                      ("country:KZ\txx1\tKazakhx\tall", "a language's code"),
                      ("country:KZ\tfr\tThe\tall", "'The' is an English word")):
        names.write_text(original + row + "\n", encoding="utf-8")
        proc = run_cli("--data", str(data), "check")
        assert proc.returncode in (1, 2) and "cldr-names.tsv" in proc.stderr and said in proc.stderr, proc.stderr
        assert "internal error" not in proc.stderr
    monkeypatch.setenv("CORRIDOR_MAPPER_CACHE", str(tmp_path / "cache"))
    assert cache.memo("outlines", "k", lambda: {"x": 1}, dict) == {"x": 1}  # (a pickle of another shape, cached)
    assert cache.memo("outlines", "k", lambda: {"type": "FeatureCollection", "features": []}, dict,
                      lambda v: v["type"] == "FeatureCollection") == {"type": "FeatureCollection", "features": []}


def test_fifteenth_hostile_pass_own_geopackage_deep_pages_and_cldr_conflicts(tmp_path, parser):
    """Fifteenth pass: a GeoPackage of yours with a layer named as one of the tool's was replaced (E1); a page
    of 300 unclosed tables lost its text after them, as trafilatura reads no deeper (E2); a CLDR name that is
    another country's was used by ``mentions`` (E3); a build into an export's folder left its layers unclaimed
    (E4)."""
    import geopandas as gpd
    from shapely.geometry import Point

    from mapper.documents import read_document

    mine = tmp_path / "survey.gpkg"
    gpd.GeoDataFrame({"plot": [7]}, geometry=[Point(1, 2)], crs=4326).to_file(mine, layer="places", driver="GPKG")
    before = mine.read_bytes()
    proc = run_cli("export", "--format", "gpkg", "--out", str(mine))
    assert proc.returncode == 2 and "is not a file export wrote" in proc.stderr and mine.read_bytes() == before
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<table><tr><td>" * 300 + "<p>Trains run from Almaty to Astana.</p>"
                    "</body></html>", encoding="utf-8")
    assert "Trains run from Almaty to Astana." in read_document(page).text
    data = tmp_path / "data"
    for part in ("corridors", "geodata", "seeds"):
        shutil.copytree(ROOT / part, data / part)
    names = data / "geodata" / "cldr-names.tsv"
    names.write_text(names.read_text(encoding="utf-8") + "country:FR\tde\tRussland\tall\n", encoding="utf-8")
    doc = tmp_path / "ru.txt"
    doc.write_text("Züge aus Russland.\n", encoding="utf-8")
    proc = run_cli("--data", str(data), "mentions", str(doc))
    assert proc.returncode == 2 and "cldr-names.tsv" in proc.stderr and "'s name too" in proc.stderr


def test_sixteenth_hostile_pass_stray_bytes_hidden_text_and_damaged_cells(tmp_path, gazetteer):
    """Sixteenth pass: a UTF-8 text with one stray byte was dropped or read in another code page, and one with
    a declared encoding or a byte-order mark skipped (E2: now read, the byte as U+FFFD, with one line); a web
    page with "&#xFFFF;" had no article text (E3); a large or deep page read what a browser hides (E4); a text
    cell of the gazetteer index damaged in place was an internal error in every run (E5). (E1, KML: see
    test_text_from_documents_is_safe_in_csv_and_kml; E6, long lists: test_nearest_anchor_km_…)"""
    russian = "Поезда идут из Алматы в Москву через Петропавловск и Курган. " * 20
    turkish = "Tırlar Kapıkule üzerinden İstanbul’a ve Ankara’ya gidiyor. " * 20
    (tmp_path / "ru.txt").write_bytes(russian.encode()[:801] + b"\xff" + russian.encode()[801:])
    (tmp_path / "tr.txt").write_bytes(turkish.encode()[:500] + b"\xff" + turkish.encode()[500:])
    (tmp_path / "bom16.txt").write_bytes("\ufeffTrains leave Almaty".encode("utf-16-le") + b"\x00\xd8"
                                         + " for Osh.".encode("utf-16-le"))
    for name, declared, places in (("ru.txt", None, {"Алматы", "Москву", "Петропавловск", "Курган"}),
                                   ("tr.txt", None, {"Kapıkule", "İstanbul’a", "Ankara’ya"}),
                                   ("tr.txt", "utf-8", {"Kapıkule", "İstanbul’a", "Ankara’ya"}),
                                   ("bom16.txt", None, {"Almaty", "Osh"})):
        proc = run_cli("mentions", "--format", "jsonl", *(["--encoding", declared] if declared else []),
                       str(tmp_path / name))
        assert proc.returncode == 2, proc.stderr  # (the mentions, and a problem said: exit 2)
        assert {json.loads(line)["text"] for line in proc.stdout.splitlines()} == places, name
        assert proc.stderr.count("\n") == 1 and "read as U+FFFD" in proc.stderr and name in proc.stderr
    cp1251 = tmp_path / "cp1251.txt"  # (a code page's text is no damaged UTF-8)
    cp1251.write_bytes(("Поезда идут из Алматы в Москву. " * 20).encode("cp1251"))
    proc = run_cli("mentions", "--format", "jsonl", str(cp1251))
    assert proc.returncode == 2 and "decoded as cp1251" in proc.stderr and "U+FFFD" not in proc.stderr

    pad = "<p>Padding text for the article here, with a few words and more words about freight trains.</p>" * 5
    (tmp_path / "ffff.html").write_text(f"<html><body><article>{pad}<p>Trains from Almaty&#xFFFF; to Moscow and "
                                        "Khorgos.</p></article></body></html>", encoding="utf-8")
    hidden = ('<p>Visible: trains went from Almaty to Moscow.</p><p style="Display: None">Tbilisi.</p>'
              '<p style="visibility:hidden">Bucharest.</p><dialog>Semey.</dialog>'
              "<details><summary>More</summary>Details name Kyiv.</details>"
              # (seventeenth pass, S1: a CSS comment, "collapse", an attribute in capitals with spaces)
              '<p style="display:/**/none">Tashkent.</p><p style="visibility:collapse">Bishkek.</p>'
              '<p aria-hidden=" TRUE ">Samarkand.</p>')
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 300 + pad + hidden + "</div>" * 300
                                        + "</body></html>", encoding="utf-8")
    (tmp_path / "big.html").write_text(f"<html><body><article>{pad * 4000}{hidden}</article></body></html>",
                                       encoding="utf-8")
    for page, places in (("ffff.html", ["Almaty", "Moscow", "Khorgos"]), ("deep.html", ["Almaty", "Moscow"]),
                         ("big.html", ["Almaty", "Moscow"])):
        proc = run_cli("mentions", "--format", "jsonl", str(tmp_path / page))
        assert proc.returncode == 0, proc.stderr
        assert [json.loads(line)["text"] for line in proc.stdout.splitlines()] == places, page

    cache = tmp_path / "cache"
    cache.mkdir()
    index = Path(gazetteer._con.execute("PRAGMA database_list").fetchone()[2])
    shutil.copy(index, cache / index.name)
    con = sqlite3.connect(cache / index.name)
    con.execute("UPDATE entries SET country = CAST(X'FF2B' AS TEXT) WHERE name = 'Almaty'")  # (bytes gone bad)
    con.commit()
    con.close()
    proc = run_cli("geocode", "Almaty", env={"CORRIDOR_MAPPER_CACHE": str(cache)})
    assert proc.returncode == 2 and "the gazetteer index is damaged" in proc.stderr, proc.stderr
    assert proc.stderr.count("\n") == 1 and not (cache / index.name).exists()


def test_a_page_s_own_style_sheet_hides_what_a_browser_would_not_show(tmp_path, gazetteer):
    """Eighteenth hostile pass, E3: text hidden by the page's own <style> sheet, or by a CSS escape, was read,
    and "display:none;display:block" (shown: the later declaration wins) was dropped. The cascade as a browser
    applies it on a screen: a more specific or !important rule wins, print rules and states hide nothing."""
    sheet = ("<style>.x{display:none} #keep .x{display:block} .y{displ\\61 y : NONE}"
             "@media print{.p{display:none}} @media screen{.s{visibility:hidden}} a:hover{display:none}"
             ".imp{display:none !important}</style><style media=print>.q{display:none}</style>")
    body = ('<p class="x">Tbilisi.</p><div id="keep"><p class="x">Semey.</p></div><p class="y">Bucharest.</p>'
            '<p class="p">Kostanay.</p><p class="s">Tashkent.</p><p class="q">Aktobe.</p>'
            '<p style="display:none;display:block">Pavlodar.</p><p class="imp" style="display:block">Bishkek.</p>'
            '<p>Trains left <a href="#">Atyrau</a> for Aktau.</p>')
    pad = "<p>Padding text for the article here, with a few words and more words about freight trains.</p>" * 5
    shown = ["Semey", "Kostanay", "Aktobe", "Pavlodar", "Atyrau", "Aktau"]
    for name, repeat in (("page.html", 1), ("big.html", 4000)):  # (a large page is read by another reader)
        page = tmp_path / name
        page.write_text(f"<html><head>{sheet}</head><body><article>{pad * repeat}{body}</article></body></html>",
                        encoding="utf-8")
        proc = run_cli("mentions", "--format", "jsonl", str(page))
        assert proc.returncode == 0, proc.stderr
        assert [json.loads(line)["text"] for line in proc.stdout.splitlines()] == shown, name
    # twentieth pass: a rule with a lone surrogate turned every sheet off (E1); an invalid later value undid the
    # hiding (E2); "only screen", "screen, print", "not print", @layer and @supports were not applied (E3, E4);
    # 1,000 nested @media blocks were an internal error (E5)
    sheet = ("<style>.\\D800{display:none} .a{display:none} .b{display:none} .b{display:bogus}"
             "@media only screen{.c{display:none}} @media screen, print{.d{display:none}}"
             "@media not print{.e{display:none}} @layer base{.f{display:none}} @supports (display:grid){.g{display:none}}"
             + "@media screen{" * 1000 + ".h{display:none}" + "}" * 1000 + "</style>")
    body = "".join(f'<p class="{c}">{town}.</p>' for c, town in zip("abcdefgh", ("Tbilisi", "Bucharest", "Tashkent",
                                                                                   "Bishkek", "Osh", "Kyiv", "Minsk",
                                                                                   "Baku")))
    (tmp_path / "hostile.html").write_text(f"<html><head>{sheet}</head><body><article>{pad}{body}"
                                           '<p style="display:none;display:bogus">Tabriz.</p>'
                                           "<p>Trains left Atyrau for Aktau.</p></article></body></html>",
                                           encoding="utf-8")
    proc = run_cli("mentions", "--format", "jsonl", str(tmp_path / "hostile.html"))
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["text"] for line in proc.stdout.splitlines()] in (["Atyrau", "Aktau"],
                                                                               ["Baku", "Atyrau", "Aktau"])
    # (the 1,000-deep block: read where tinycss2 can, left unread, as a whole sheet, where it cannot)


def test_a_cache_path_through_a_file_is_told_as_such(tmp_path):
    """Seventeenth hostile pass, S3: CORRIDOR_MAPPER_CACHE=afile/sub said "free space there" of a disk that was
    not full."""
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    proc = run_cli("geocode", "Almaty", env={"CORRIDOR_MAPPER_CACHE": str(tmp_path / "afile" / "sub")})
    assert proc.returncode == 2 and "a part of that path is a file, not a folder" in proc.stderr, proc.stderr
    assert "free space" not in proc.stderr and proc.stderr.count("corridor-mapper:") == 1


def test_offsets_after_an_emoji_s_zero_width_joiner_are_the_file_s(tmp_path):
    """Probe round 59: a Telegram digest's "🤷‍♂️" (a zero-width joiner between emoji) was removed before offsets were
    counted, so every mention after it was one character early; invisible characters are removed only inside a
    word now ("Alma\u00adty" is still Almaty, at the offsets of the text as read)."""
    text = "Очередь 🤷\u200d♂️ на Жайсане, потом 👨\u200d👩\u200d👧 в Актобе и Alma\u00adty.\n"
    doc = tmp_path / "tg.txt"
    doc.write_text(text, encoding="utf-8")
    proc = run_cli("mentions", "--format", "jsonl", str(doc))
    assert proc.returncode == 0, proc.stderr
    found = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [m["text"] for m in found] == ["Жайсане", "Актобе", "Almaty"]
    assert all(text[m["start"]: m["end"]] == m["text"] for m in found[:2])  # (the file's own offsets)


def test_a_jieba_cache_planted_in_the_temporary_folder_is_not_read(tmp_path, gazetteer):
    """Eighteenth hostile pass, E1: jieba's cache in the shared temporary folder, planted by anyone, was loaded: an
    empty dictionary stopped every run with an internal error, another made 西安 vanish. The tool keeps jieba's
    dictionary in its own cache now, reads nothing of jieba's there, and prints nothing of jieba's."""
    import marshal

    planted = tmp_path / "tmp"
    planted.mkdir()
    (planted / "jieba.cache").write_bytes(marshal.dumps(({}, 0)))
    doc = tmp_path / "zh.txt"
    doc.write_text("中欧班列从西安出发，经过乌鲁木齐和霍尔果斯。\n", encoding="utf-8")
    proc = run_cli("mentions", "--format", "jsonl", str(doc), env={"TMPDIR": str(planted)})
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert [json.loads(line)["text"] for line in proc.stdout.splitlines()] == ["西安", "乌鲁木齐", "霍尔果斯"]
    assert sorted(p.name for p in planted.iterdir()) == ["jieba.cache"]  # (nor writes one there)


def _capped(*args: str, limit: int, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    """``python -m mapper`` with every file it writes capped at *limit* bytes (RLIMIT_FSIZE): the writes past it
    fail as on a full disk, after a short one."""
    import resource

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "mapper", *args], cwd=ROOT, stdout=stdout, stderr=subprocess.PIPE,
                          text=True, preexec_fn=cap, timeout=300)


def test_nineteenth_hostile_pass_cut_writes_races_and_kml_markup(tmp_path, gazetteer, built):
    """Nineteenth pass: on a full disk, mentions in JSON lines or CSV lost their end and exited 0 (E2), and a KML
    export replaced a whole one by a cut one, exit 0 (E1); an export into a build's layers folder while the build
    ran was not refused (E8); a corridor's description went into KML's <description>, which viewers show as HTML
    (S2); "--data /" told to build country outlines (S7); "x.txt" and "a/../x.txt" were read twice (S8)."""
    seeds = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    for fmt in ("jsonl", "csv"):
        with open(tmp_path / f"m.{fmt}", "w") as out:
            proc = _capped("mentions", "--format", fmt, *seeds, limit=40_000, stdout=out)
        assert proc.returncode == 2 and proc.stderr.count("\n") == 1, (fmt, proc.stderr)
        assert "standard output: cannot read or write" in proc.stderr
        assert (tmp_path / f"m.{fmt}").stat().st_size <= 40_000

    kml = tmp_path / "x.kml"
    assert run_cli("export", "--format", "kml", "--out", str(kml)).returncode == 0
    whole = kml.read_bytes()
    proc = _capped("export", "--format", "kml", "--out", str(kml), limit=len(whole) // 2)
    assert proc.returncode == 2 and "reads back cut short" in proc.stderr and str(kml) in proc.stderr, proc.stderr
    assert kml.read_bytes() == whole and pyogrio.read_info(kml, layer="corridors")["features"] >= 12
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # (no temporary file left)

    project = tmp_path / "project"  # a description with markup: escaped in KML, shown as the text it is
    for part in ("geodata", "corridors", "seeds"):
        shutil.copytree(ROOT / part, project / part)
    route = project / "corridors" / "routes" / "east-west.toml"
    route.write_text(route.read_text(encoding="utf-8").replace('description = "', 'description = "<b>Bold</b> ', 1),
                     encoding="utf-8")
    assert run_cli("--data", str(project), "export", "--format", "kml", "--out", str(tmp_path / "m.kml")).returncode == 0
    text = (tmp_path / "m.kml").read_text(encoding="utf-8")
    assert "&lt;b&gt;Bold&lt;/b&gt;" in text and "<b>Bold" not in text

    out = tmp_path / "out"  # a build holds the folder's lock; an export into its layers waits, then is refused
    out.mkdir()
    import fcntl

    fd = os.open(out / ".lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    export = subprocess.Popen([sys.executable, "-m", "mapper", "export", "--format", "geojson", "--out",
                               str(out / "layers")], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out / "layers").exists() and export.poll() is None:
        time.sleep(0.2)
        if export.stderr is not None and "waiting" in export.stderr.readline():
            break
    shutil.copy(built / ".stamp.json", out / ".stamp.json")  # (the build publishes meanwhile)
    os.close(fd)
    assert export.wait(timeout=120) == 2 and not (out / "layers").exists()

    # twentieth pass, E8: route took any namesake that lay by the network ("Aksu" the one by Shymkent's node)
    proc = run_cli("route", "Aksu", "Duisburg")
    assert proc.returncode == 1 and "'Aksu' is Aqsu, CN" in proc.stderr, proc.stderr
    assert run_cli("route", "geonames:1526384", "Almaty|KZ").returncode == 2  # (one node: "the same place")
    assert "Almaty → Duisburg" in run_cli("route", "Almaty|KZ", "Duisburg").stdout
    # (and a crossing's post is its own country's node: Altynkol is Khorgos, KZ, not Horgos, CN, nearer by)
    assert run_cli("route", "Altynkol", "Almaty").stdout.startswith("Khorgos → Almaty")

    proc = run_cli("--data", "/", "check")
    assert proc.returncode == 2 and "is no project folder" in proc.stderr, proc.stderr
    proc = run_cli("--data", str(tmp_path / "nowhere"), "check")  # (pass 28, E7: "countries.geojson missing", 1)
    assert proc.returncode == 2 and "no such folder" in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
    (tmp_path / "a").mkdir()
    shutil.copy(SEEDS / "000_dda4d801d8b380c5.txt", tmp_path / "x.txt")
    proc = run_cli("mentions", "--format", "csv", "x.txt", "a/../x.txt", "./x.txt", cwd=tmp_path)
    assert proc.returncode == 0 and {row.split(",")[1] for row in proc.stdout.splitlines()[1:]} == {"x.txt"}


def test_twenty_first_hostile_pass_invisible_characters_charts_ids_pages_and_addresses(tmp_path, parser):
    """Twenty-first hostile pass: direction marks, isolates and a zero-width non-joiner inside a word are not read
    (E2: "Mos\u200fcow" was Mos, Spain); a quote cut from a document in decomposed letters is found (E1); a century
    of turnover figures draws no bar of negative width and no two year labels on one another (E3); route takes a
    hub's or a crossing's id (S7); macOS's "._" files are no documents (S9); a page saved as .txt is read as a page
    (S5); a source's address has a host, a port and no user (S6); data names are composed (S2); an empty list of
    sea legs is a dash (S11)."""
    from types import SimpleNamespace

    from mapper import datafiles, render
    from mapper.documents import _documents_under, composed, fold_whitespace, read_document

    text = composed("From Tash\u200ekent to Mos\u200fcow, Bish\u200ckek, Alm\u202eaty, Ast\u2066ana and Ak\u180etau.")
    assert [m.name for m in parser.parse(text, "t")] == ["Tashkent", "Moscow", "Bishkek", "Almaty", "Astana", "Aktau"]
    assert composed("\u0645\u06cc\u200c\u0634\u0648\u062f") == "\u0645\u06cc\u200c\u0634\u0648\u062f"  # (Persian keeps it)

    doc = tmp_path / "nfd.txt"
    doc.write_text("Trains from Du\u0308sseldorf reach Al\u00admaty via Досты\u0301к.", encoding="utf-8")
    quote = doc.read_text(encoding="utf-8")[:40]  # (cut from the file itself, as DATA.md asks)
    assert fold_whitespace(composed(quote)) in fold_whitespace(read_document(doc).text)

    figures = [{"metric": "trade_turnover_kz_ru", "unit": "USD bn", "value": 10 + year % 7, "year": year,
                "sources": [{"url": "https://example.org/"}]} for year in range(1925, 2025)]
    panel = render._figures_panel(SimpleNamespace(figures=figures))
    widths = [float(w) for w in re.findall(r'<rect x="[^"]+" y="[^"]+" width="([^"]+)"', panel)]
    assert len(widths) == 100 and min(widths) >= 1
    years_x = [float(x) for x in re.findall(r'<text x="([^"]+)" y="152" font-size="9"', panel)]
    assert len(years_x) > 5 and min(b - a for a, b in zip(years_x, years_x[1:])) >= render.CHART_YEAR_LABEL_PX

    proc = run_cli("route", "hub:selyatino-logistics-centre", "crossing:dostyk-alashankou-rail")
    assert proc.returncode == 0 and proc.stdout.startswith("Selyatino → Dostyk"), proc.stderr
    assert "  sea legs (0): —" in proc.stdout.splitlines()

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Aktau", encoding="utf-8")
    (tmp_path / "docs" / "._a.txt").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    assert [p.name for p in _documents_under(tmp_path / "docs")] == ["a.txt"]
    page = tmp_path / "page.txt"
    page.write_text("<!DOCTYPE html><html><body><p>Trains run from <b>Almaty</b> to <i>Mos</i>cow.</p>"
                    "<script>var Tashkent=1;</script></body></html>", encoding="utf-8")
    assert "Moscow" in read_document(page).text and "Tashkent" not in read_document(page).text

    refused = ["https://example.com:99999/", "https://-/", "https://a..b/", "https://%zz/", "https://u@evil@good.org/",
               "https://example.com/\ufeff", "https://exam\u0440le.com/"]
    assert not any(map(datafiles.web_address, refused))
    assert all(map(datafiles.web_address, ["https://vb.kg./doc/1", "http://[::1]/x", "https://пример.рф/"]))
    toml = tmp_path / "p.toml"
    toml.write_text('[[place]]\nname = "Ku\u0308c\u0327u\u0308k"\n', encoding="utf-8")
    assert datafiles.load_toml(toml)["place"][0]["name"] == "Küçük"


def test_twenty_second_hostile_pass_decomposed_file_names_blank_names_pages_and_addresses(tmp_path):
    """Twenty-second hostile pass: a document macOS named in decomposed letters is listed and cited by the name as
    copied (E1: data files are read composed, and the file was "no such document"); a Hangul filler or a variation
    selector is no name (E2); a page in UTF-16 or after an XML prolog, saved as .txt, is read as a page (E3); an
    address's IPv4 host, port 0 and a host of Cyrillic look-alikes under .com are refused (S1); an unquoted
    TOML date for accessed says to quote it (S2); an output folder's control characters are escaped where it is
    named (S4); "route 'geonames: 1'" is a usage error (S5)."""
    import unicodedata

    from mapper import datafiles
    from mapper.documents import read_document
    from mapper.errors import DataError

    docs = tmp_path / "seeds"
    docs.mkdir()
    decomposed = unicodedata.normalize("NFD", "Düsseldorf-news.txt")
    (docs / decomposed).write_text("Trains from Düsseldorf reach Almaty.", encoding="utf-8")
    (docs / "manifest.toml").write_text(f'[[document]]\nfile = "{decomposed}"\ndate = "2025"\nurl = ""\n',
                                        encoding="utf-8")
    assert list(datafiles.manifest(docs)) == [decomposed]
    assert datafiles.on_disk(docs, unicodedata.normalize("NFC", decomposed)) == docs / decomposed

    assert datafiles.invisible_in("\u3164") and datafiles.invisible_in("Alma\ufe0fty")
    assert not datafiles.invisible_in("ماه\u200cشهر")  # (Persian's non-joiner is read as a space)

    page = tmp_path / "page.txt"
    page.write_text('<?xml version="1.0"?>\n<html><body><p hidden>Tashkent</p><p>Trains to Almaty.</p></body></html>',
                    encoding="utf-16")
    assert read_document(page).text.strip() == "Trains to Almaty."

    assert not any(map(datafiles.web_address, ["https://999.1.1.1/", "https://1.2.3.4.5/", "https://x.org:0/",
                                               "http://[fe80::1%25eth0]/", "https://аррӏе.com/"]))
    assert all(map(datafiles.web_address, ["http://127.0.0.1:8080/", "https://пример.рф/"]))
    import datetime

    with pytest.raises(DataError, match="write it in quotes"):
        datafiles.check_source({"url": "https://example.org/", "title": "t", "accessed": datetime.date(2026, 1, 1)},
                               "hubs.toml: x")
    # S5: an id written with a space is a usage error; S4: a folder's control characters are escaped when named
    assert run_cli("route", "geonames: 1526384", "Almaty").returncode == 2
    proc = run_cli("export", "--format", "csv", "--out", str(tmp_path / "a\x1b]0;x"))
    assert proc.returncode == 0 and "\x1b" not in proc.stdout and "\\x1b" in proc.stdout, proc.stdout


def test_twenty_third_hostile_pass_spaces_arabic_marks_codecs_ids_and_citations(tmp_path, parser):
    """Hostile pass 23: a no-break or thin space between a name's words is a space, and the mention's text is the
    document's own (E1); Arabic vowel marks and presentation forms are read within a word (E2, E3); a Cyrillic
    region noun after a line's end (S1); a host in punycode is checked as shown, and one that is no punycode refused
    (S2); a citation's quote is a phrase (S3), a source not both forms (S4); the escape codecs read no document
    (S5); route's 'Name|XX' of no country is a usage error (S6); geocode takes 'Name|CC' and ids (S7)."""
    from mapper import datafiles
    from mapper.errors import DataError

    text = "Trains from Nur\u00a0Sultan to Saint\u202fPetersburg via Костанайской\u00a0области. Жүк Қарағанды\nоблысы."
    read = [(m.text, m.name) for m in parser.parse(text, "t")]
    assert read == [("Nur\u00a0Sultan", "Astana"), ("Saint\u202fPetersburg", "Saint Petersburg"),
                    ("Костанайской\u00a0области", "Kostanay Region"), ("Қарағанды\nоблысы", "Karaganda Region")]
    assert all(text[m.start: m.end] == m.text for m in parser.parse(text, "t"))
    marked = "من مَشهد الى تَبريز. من عمّان. قطار از \ufe97\ufeec\ufeae\ufe8d\ufee5 رفت."
    assert [m.name for m in parser.parse(marked, "t")] == ["Mashhad", "Tabriz", "‘Ommān", "Tehran"]

    assert not any(map(datafiles.web_address, ["https://xn--80ak6aa92e.com/", "https://xn--zz.com/"]))
    assert all(map(datafiles.web_address, ["https://xn--b1aeclack5b4j.su/wiki/x", "https://википедия.su/"]))
    for source, message in (({"doc": "a.txt", "quote": "the"}, "must be a phrase"),
                            ({"doc": "a.txt", "quote": "Trains from Almaty", "url": "https://x.org/"}, "not both")):
        with pytest.raises(DataError, match=message):
            datafiles.check_source(source, "hubs.toml: x")
    datafiles.check_source({"doc": "a.txt", "quote": "https://primeminister.kz/ru/news/x"}, "hubs.toml: x")

    doc = tmp_path / "esc.txt"
    doc.write_text("Trains to \\u0041stana.", encoding="utf-8")
    proc = run_cli("mentions", "--encoding", "unicode_escape", str(doc))
    assert proc.returncode == 2 and "no text encoding" in proc.stderr
    proc = run_cli("route", "Almaty|XX", "Moscow")
    assert proc.returncode == 2 and "'XX' is no country's" in proc.stderr
    for asked in ("Almaty|KZ", "geonames:1526384"):
        proc = run_cli("geocode", "--json", asked)
        assert proc.returncode == 0 and json.loads(proc.stdout)[0]["id"] == "geonames:1526384", asked


def test_twenty_fourth_hostile_pass_mail_quotes_chunks_routes_quotes_and_ids(tmp_path, parser):
    """Hostile pass 24: a quote's label and a line after a sign-off are people only by a given name (E3: "> Kazakhstan:",
    "Best regards,\\nAlmaty" stay places); a large document is cut between chunks after a blank line or a sentence's
    end, not inside a name broken over a line's end (E4); a route with no leg is one line naming the file (E5); a
    quote padded with spaces is no phrase (E6); geocode and route take a border post's id (E7), and an id with
    --country is a usage error (E8), as is a blank name before "|CC" (S3)."""
    from mapper import datafiles
    from mapper.documents import _chunk_and_rest
    from mapper.errors import DataError

    mail = "> Kazakhstan: trade grew.\n\nBest regards,\nAlmaty\n\n>> Marta: via Aktau.\n> Thanks,\n> Jordan\n"
    assert [m.text for m in parser.parse(mail, "t")] == ["Kazakhstan", "Almaty", "Aktau"]

    filler = "The fox runs far away. " * 2000
    chunk, rest = _chunk_and_rest(filler + "Грузы идут в Қарағанды\nоблысы сейчас" + "x" * 30)
    assert chunk.endswith("far away.") and rest.startswith(" Грузы") and "Қарағанды\nоблысы" in rest
    chunk, rest = _chunk_and_rest("a b\n\nSt. Petersburg and Kara-\nganda " * 3000)
    assert chunk.endswith("\n\n") and not chunk.endswith("St. ")

    project = tmp_path / "project"
    for folder in ("geodata", "corridors", "seeds"):
        shutil.copytree(ROOT / folder, project / folder)
    (project / "corridors" / "routes" / "zz.toml").write_text(
        '[[corridor]]\nid = "zz"\nname = "ZZ"\nstatus = "operational"\nsources = [{ url = "https://example.org/a", '
        'title = "Example", accessed = "2026-12-07" }]\nleg = []\n', encoding="utf-8")
    proc = run_cli("--data", str(project), "route", "Baku", "Tbilisi")
    assert proc.returncode == 2 and "zz.toml" in proc.stderr and "leg must not be empty" in proc.stderr, proc.stderr
    with pytest.raises(DataError, match="must be a phrase"):
        datafiles.check_source({"doc": "a.txt", "quote": "of                    the"}, "hubs.toml: x")

    proc = run_cli("geocode", "--json", "post:altynkol-khorgos-rail:1")
    assert proc.returncode == 0 and json.loads(proc.stdout)[0]["name"] == "Altynkol"
    assert run_cli("route", "post:altynkol-khorgos-rail:1", "Almaty").returncode == 0
    for args in (("geocode", "geonames:612366", "--country", "RU"), ("geocode", "|GE"), ("route", " |GE", "Almaty")):
        proc = run_cli(*args)
        assert proc.returncode == 2 and proc.stderr.count("\n") == 1, (args, proc.stderr)


def test_twenty_fifth_hostile_pass_footnote_marks_georgian_capitals_and_azerbaijani(parser):
    """Hostile pass 25: a footnote's superscript read as a space leaves a mention whose text, the document's own, is
    in its context, the document's own too (E1: the Dask engine refused its own records); Georgian in Mtavruli
    capitals, as headlines write it, is read (S2); an Azerbaijani paragraph is told as one (S3)."""
    text = "The new line reaches Nur\u00b2Sultan and Ust\u00b9Kamenogorsk in 2025. ᲗᲑᲘᲚᲘᲡᲘ და ფოთი."
    mentions = parser.parse(text, "t")
    assert [(m.text, m.name) for m in mentions] == [
        ("Nur\u00b2Sultan", "Astana"), ("Ust\u00b9Kamenogorsk", "Ust-Kamenogorsk"), ("ᲗᲑᲘᲚᲘᲡᲘ", "Tbilisi"), ("ფოთი", "Poti")]
    assert all(m.text in m.context and m.context in text for m in mentions)
    azerbaijani = ("Bakı və Gəncə arasında yük daşınması üzrə dəmir yolu xətti ildə yeni qatarlar ilə işləyir. Yüklər "
                   "Bakıdan Gəncədə və Ələtdən Qazaxıstana göndərilir, bu il də artıq daha çox.")
    assert [m.text for m in parser.parse(azerbaijani, "t")] == ["Bakı", "Gəncə", "Bakıdan", "Gəncədə", "Ələtdən",
                                                                "Qazaxıstana"]


def test_standard_error_that_cannot_be_written_stops_nothing(tmp_path, gazetteer):
    """Messages and progress are advisory: with standard error on a full disk a build writes its outputs and exits
    as it would (2 for a skipped document), and a first index build whose progress bar goes to a reader gone is
    built whole (a warning had stopped the build, exit 1, and the progress bar the index; hostile pass 28, E8)."""
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    shutil.copy(SEEDS / "000_dda4d801d8b380c5.txt", docs)
    (docs / "empty.txt").write_text("")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "mapper", "build", "--docs", str(docs), "--out", str(out)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=full, timeout=600)
    assert proc.returncode == 2 and (out / "map.html").is_file() and (out / "layers.gpkg").is_file()
    read, write = os.pipe()
    os.close(read)  # (no reader: each write to standard error fails)
    try:
        proc = subprocess.run([sys.executable, "-m", "mapper", "geocode", "Almaty", "--limit", "1"], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=write, timeout=600, text=True,
                              env={**os.environ, "CORRIDOR_MAPPER_CACHE": str(tmp_path / "cache")})
    finally:
        os.close(write)
    assert proc.returncode == 0 and proc.stdout.startswith("0.") and "Almaty" in proc.stdout
    assert list((tmp_path / "cache").glob("gazetteer-*.sqlite"))


def test_a_killed_map_renderer_is_one_line(tmp_path, gazetteer, monkeypatch):
    """The forked map renderer killed from outside (here: it dies at once) stops the build as a killed --jobs
    worker does, one line, no output replaced (it had said "internal error: RuntimeError"; hostile pass 28, S1)."""
    import multiprocessing

    from click.testing import CliRunner

    from mapper import pipeline
    from mapper.cli import cli

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the renderer runs in this process where fork is missing")
    monkeypatch.setattr(pipeline, "_render_in_child", lambda *args: os._exit(9))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--docs", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1, result.output
    assert "worker process died" in result.stderr and "internal error" not in result.stderr
    assert not (out / "map.html").exists()


def test_running_out_of_file_descriptors_is_one_short_line(built, tmp_path):
    """A build that runs out of file descriptors, wherever it does, is one short line naming the output folder
    (it had been 5.7 KB, GDAL quoting the GeoPackage's whole schema before "unable to open database file", or had
    named pyogrio's module file: hostile pass 28, S3), exit 2, the previous output kept."""
    import resource

    out = _copy(built, tmp_path / "output")
    before = output_digest(out)
    failed = []
    for limit in range(15, 7, -1):
        def few_files(limit=limit):
            resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

        proc = subprocess.run([sys.executable, "-m", "mapper", "build", "--docs", str(SEEDS), "--out", str(out),
                               "--force"], cwd=ROOT, capture_output=True, text=True, preexec_fn=few_files,
                              timeout=300)
        if proc.returncode == 0:
            continue
        lines = proc.stderr.splitlines()
        assert proc.returncode == 2 and len(lines) == 1 and len(lines[0]) < 300, proc.stderr[-2000:]
        assert "site-packages" not in lines[0] and "CREATE" not in lines[0], lines[0]
        failed.append(lines[0])
        if len(failed) == 3:
            break
    assert len(failed) == 3 and any(str(out) in line for line in failed), failed
    assert output_digest(out) == before
