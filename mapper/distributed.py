"""Geoparse large corpora on a Dask cluster (``mentions --engine dask``).

The same per-document geoparse as the single-process path runs in Dask
workers. With a distributed scheduler, the gazetteer index, the curated
overlay and the word lists are shipped to every worker once
(``Client.run``); workers then parse partitions of documents and the results
are written as partitioned JSON lines (``part-00000.jsonl`` …) that ``build
--mentions-from`` consumes. A run's parts are published as a build's outputs
are (:func:`mapper.outputs.publish`: a journal, completed by the next reader if
the run is killed halfway), with ``parts.json`` naming them: a reader takes the
parts of the last complete run, never a mix of two.
"""

from __future__ import annotations

import json
import math
import re
import tempfile
from pathlib import Path

from mapper.datafiles import FEATURE_CLASSES
from mapper.documents import LONE_SURROGATE, document_names
from mapper.errors import InputError
from mapper.geo import distance_km, on_earth
from mapper.outputs import (PARTS_FILES, file_kind, publish, read_lock, refuse_foreign_outputs, stamped_outputs,
                            staging, write_stamp, write_text_atomic)

_PARSER = None


def _install(index_bytes: bytes, name: str, overlay, lexicon) -> str:
    """On a worker: write the shipped index into a local folder and make a parser from it."""
    global _PARSER
    from mapper.gazetteer import Gazetteer
    from mapper.geoparse import Geoparser
    from mapper.outputs import atomic_path

    folder = Path(tempfile.gettempdir()) / "corridor-mapper-worker"
    folder.mkdir(parents=True, exist_ok=True)
    index = folder / name
    if not index.exists():  # workers on one host may install at once: each writes its own file, then renames
        with atomic_path(index) as tmp:
            tmp.write_bytes(index_bytes)
    _PARSER = Geoparser(Gazetteer(index, overlay), lexicon)
    return str(index)


def _parse_partition(documents: list[tuple[str, str]], data_dir: str | None, encoding: str | None) -> list[str]:
    """Parse one partition of documents (path, name); one JSON line per mention or per skipped file."""
    global _PARSER
    from mapper.pipeline import make_parser, note_message, parse_path

    if _PARSER is None:  # local schedulers: build the parser once per process
        _PARSER = make_parser(Path(data_dir) if data_dir else None, progress=False)
    out = []
    for p, name in documents:
        try:
            mentions, note = parse_path(_PARSER, Path(p), encoding, name)
        except InputError as exc:
            out.append(json.dumps({"error": str(exc), "doc": name}))
            continue
        if note:
            out.append(json.dumps({"warning": note_message(Path(p), note), "doc": name}))
        out += [json.dumps(m.as_dict(), ensure_ascii=False) for m in mentions]
    return out


SCHEDULER_TIMEOUT_S = 10


def _connect(scheduler: str):
    """A Dask client of *scheduler*, or one line: unreachable, no answer (a service that accepts and is silent:
    Dask's own timeout does not cover its handshake), or no Dask scheduler (an SSH or web server)."""
    import threading

    from dask.distributed import Client

    outcome: list = []

    def connect() -> None:
        try:
            outcome.append(Client(scheduler, timeout=SCHEDULER_TIMEOUT_S))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            outcome.append(exc)

    # (a daemon thread: one that never returns is left behind, and the process still exits)
    thread = threading.Thread(target=connect, name="dask-connect", daemon=True)
    thread.start()
    thread.join(SCHEDULER_TIMEOUT_S + 5)
    if not outcome:
        raise InputError(f"no answer within {SCHEDULER_TIMEOUT_S + 5} s: is it a Dask scheduler?", path=scheduler)
    if not isinstance(outcome[0], BaseException):
        return outcome[0]
    exc = outcome[0]
    if isinstance(exc, (OSError, ValueError)):  # refused, timed out, or no such address
        raise InputError(f"cannot reach the Dask scheduler ({exc})", path=scheduler)
    if isinstance(exc, Exception):  # a service that speaks another protocol (MemoryError, TypeError…)
        raise InputError(f"not a Dask scheduler ({type(exc).__name__}: {exc})", path=scheduler)
    raise exc


def run(paths: list[Path], out_dir: Path, *, data_dir: Path | None = None, scheduler: str | None = None,
        partitions: int | None = None, encoding: str | None = None) -> list[Path]:
    """Geoparse *paths* with Dask and write ``out_dir/part-*.jsonl``; return the part files."""
    try:
        import dask.bag as db
        if scheduler:
            import distributed  # noqa: F401 - (a Client needs it)
    except ImportError as exc:  # (an optional extra: "internal error: ModuleNotFoundError" had said so)
        raise InputError(f"--engine dask needs Dask, which is not installed ({exc.name}): pip install "
                         "'corridor-mapper[dask]'") from None

    from mapper.pipeline import make_parser

    parser = make_parser(data_dir)  # builds the index here once if needed
    client = None
    if scheduler:
        client = _connect(scheduler)
        gaz = parser.gazetteer
        client.run(_install, gaz.path.read_bytes(), gaz.path.name, gaz.overlay, parser.lexicon)
    try:
        n = partitions or max(1, min(len(paths), 64))
        # (the names the local engine gives: "a/same.txt" and "b/same.txt" where two share a file name)
        bag = db.from_sequence([(str(p), name) for p, name in zip(paths, document_names(paths))], npartitions=n)
        lines = bag.map_partitions(_parse_partition, str(data_dir) if data_dir else None, encoding)
        # written beside the old parts first, then published with their list: a failed run leaves the
        # previous run's parts, and one killed while publishing is completed by the next reader
        with staging(out_dir, PARTS_FILES) as stage:
            refuse_foreign_outputs(out_dir, PARTS_FILES, [])  # (a user's own "part-0.jsonl" or "parts.json" stays)
            other = next((rel for rel in stamped_outputs(out_dir) if not PARTS_FILES.fullmatch(rel)), None)
            if other is not None:  # (a build's folder: its stamp and the parts' would be one)
                raise InputError(f"holds the outputs of a build or an export ({other}): parts go into a folder of "
                                 "their own (choose another --out)", path=out_dir)
            written = lines.to_textfiles(str(stage / "part-*.jsonl"), name_function=lambda i: f"{i:05d}",
                                         compute=True, encoding="utf-8", last_endline=True)
            names = sorted(Path(f).name for f in written)
            sizes = {Path(f).name: Path(f).stat().st_size for f in written}  # (a part cut short is told by its size)
            write_text_atomic(stage / MANIFEST, json.dumps({"parts": names, "sizes": sizes}) + "\n")
            publish(stage, out_dir, then=lambda new: _stamped(out_dir, names, new))
        files = [out_dir / name for name in names]
    finally:
        if client is not None:
            client.close()
    return files


def _stamped(folder: Path, names: list[str], published: list[Path]) -> None:
    """Remove the parts of *folder* an earlier run left that *names*, the new run's, do not list, and record the
    new ones in the folder's stamp as the tool's (the next run replaces them; a user's files it refuses to)."""
    for old in part_files(folder):
        if old.name not in names:
            old.unlink()
    write_stamp(folder, "mentions --engine dask", published, [])


def part_files(folder: Path) -> list[Path]:
    """The ``part-N.jsonl`` files in *folder*, in partition order (not a user's "part-notes.jsonl")."""
    return sorted(p for p in Path(folder).glob("part-*.jsonl") if _PART_NAME.fullmatch(p.name))


def listed_parts(folder: Path) -> list[tuple[Path, int | None]]:
    """The parts of the last complete run into *folder*, as its ``parts.json`` lists them, with their sizes in
    bytes where it gives them (a list of earlier versions does not): read under
    :func:`~mapper.outputs.read_lock`, which completes a run killed while publishing."""
    folder = Path(folder)
    if not part_files(folder):
        raise InputError("no part-*.jsonl files (write them with: mentions --engine dask --out DIR)", path=folder)
    manifest = folder / MANIFEST
    kind = file_kind(manifest)
    if kind == "missing":
        raise InputError(f"no {MANIFEST}: not the output of a complete run of mentions --engine dask (run it "
                         "again)", path=folder)
    if kind != "file":  # (a pipe would never end, a link may lead to /dev/zero)
        raise InputError("not a regular file", path=manifest)
    try:
        if manifest.stat().st_size > MANIFEST_MAX_BYTES:
            raise ValueError(f"larger than {MANIFEST_MAX_BYTES:,} bytes")
        listed = json.loads(manifest.read_text(encoding="utf-8"), object_pairs_hook=_unique_keys)
        if not isinstance(listed, dict) or "parts" not in listed:
            raise ValueError('not a JSON object with "parts"')
        sizes = listed.get("sizes")  # (a list of an earlier version gives none)
        listed = listed["parts"]
        if not (isinstance(listed, list) and all(isinstance(n, str) and _PART_NAME.fullmatch(n) for n in listed)):
            raise ValueError("not a list of part names")
        if sizes is not None and not (isinstance(sizes, dict) and set(sizes) == set(listed)
                                      and all(type(v) is int and v >= 0 for v in sizes.values())):
            raise ValueError('"sizes" not a size in bytes for each part listed')
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not a list of parts ({exc})", path=manifest) from None
    except RecursionError:
        raise InputError("not a list of parts (nested too deeply)", path=manifest) from None
    return [(folder / name, sizes[name] if sizes is not None else None) for name in listed]


def read_parts(folder: Path, gazetteer=None):
    """Mentions and problems from the ``part-*.jsonl`` files of the last run into *folder*, in partition order;
    with a *gazetteer*, each record's place is checked against it."""
    with read_lock(folder):  # (held while the parts are read: a writer waits, a killed one's work is completed)
        seen: set[int] = set()  # each mention's (doc, start, end), hashed: a part copied beside itself repeats them
        listed = listed_parts(folder)
        if listed and listed[0][1] is None:  # (a part cut at a record's end would read whole)
            yield {"warning": f"{folder / MANIFEST}: gives no part's size (written by an earlier version, or edited): "
                              "a part cut short cannot be told (run mentions --engine dask again)"}
        for stray in sorted(set(part_files(folder)) - {part for part, _ in listed}):
            yield {"warning": f"{stray}: not listed in {MANIFEST}, so not of the last run into the folder: not read "
                              "(a part copied in by hand? run mentions --engine dask on all the documents again)"}
        for part, size in listed:
            kind = file_kind(part)
            if kind != "file":  # (a named pipe would never end; a link may lead anywhere)
                raise InputError(f"listed in {MANIFEST} but missing (deleted?)" if kind == "missing" else
                                 "not a regular file", path=part)
            if size is not None and part.stat().st_size != size:  # (cut at a record's end, it would read whole)
                raise InputError(f"holds {part.stat().st_size:,} bytes, {MANIFEST} says {size:,}: cut short or "
                                 "changed since its run (run it again)", path=part)
            yield from _records_of(part, gazetteer, seen)


def _records_of(part: Path, gazetteer, seen: set[int]):
    """The mentions and problems of one part file, each record checked; *seen* holds the mentions of the parts
    before it."""
    from mapper.geoparse import Mention

    fields = set(Mention.__dataclass_fields__)
    with open(part, encoding="utf-8", newline="\n") as lines:
        # (lines end at "\n" only: a document's U+2028 inside a record's text is no line break)
        for n, line in enumerate(_lines_of(part, lines), 1):
            if len(line) > PART_LINE_MAX:
                raise InputError(f"line {n}: not a mention record (longer than {PART_LINE_MAX:,} characters)",
                                 path=part)
            if not line.strip():
                continue
            try:
                rec = json.loads(line, object_pairs_hook=_unique_keys)
                if not isinstance(rec, dict):
                    raise ValueError("not a JSON object")
                if "error" in rec or "warning" in rec:
                    yield rec
                    continue
                rec.setdefault("context", "")  # (a record may have no context: the KeyError of hostile pass 27, E5)
                problem = _record_problem(rec) or (gazetteer is not None and _place_problem(rec, gazetteer))
                if problem:
                    raise ValueError(problem)
                key = hash((rec["doc"], rec["start"], rec["end"]))
                if key in seen:
                    raise InputError(f"line {n}: the mention {rec['doc']}:{rec['start']}-{rec['end']} again (a "
                                     "part copied or merged twice?)", path=part)
                seen.add(key)
                yield Mention(**{k: v for k, v in rec.items() if k in fields})
            except (ValueError, TypeError, AttributeError) as exc:
                raise InputError(f"line {n}: not a mention record ({exc})", path=part) from None
            except RecursionError:
                raise InputError(f"line {n}: not a mention record (nested too deeply)", path=part) from None


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object whose keys are each given once (a second "parts" or "name" is refused, not taken)."""
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise ValueError(f"the key {key!r} twice")
        seen.add(key)
    return dict(pairs)


def _lines_of(part: Path, lines):
    """The lines of the open part file *lines*, each at most one past :data:`PART_LINE_MAX` characters long."""
    try:
        yield from iter(lambda: lines.readline(PART_LINE_MAX + 1), "")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason})", path=part) from None


def _place_problem(rec: dict, gazetteer) -> str:
    """What in a mention record disagrees with the gazetteer's place *place_id*, or ""."""
    entry = gazetteer.get(rec["place_id"])
    if entry is None:
        return f"place_id names no place of the gazetteer ({rec['place_id']!r})"
    if rec["country"] != entry.country:
        return f"country {rec['country']!r} is not {rec['place_id']}'s ({entry.country!r})"
    name = gazetteer.overlay.shown.get(entry.id, entry.name)
    if rec["name"] != name or rec["feature_class"] != entry.feature_class:
        return (f"name and feature_class {rec['name']!r}, {rec['feature_class']!r} are not {rec['place_id']}'s "
                f"({name!r}, {entry.feature_class!r})")
    if distance_km((rec["lat"], rec["lon"]), (entry.lat, entry.lon)) > PLACE_POINT_KM:
        return f"lat, lon ({rec['lat']}, {rec['lon']}) are not {rec['place_id']}'s point"
    return ""


_TEXT_FIELDS = ("doc", "text", "place_id", "name", "country", "feature_class")
_COUNTRY_CODE = re.compile("[A-Z]{2}")
_PLACE_ID = re.compile(r"[a-z0-9]+:[A-Za-z0-9][\w.:\-]*")  # "geonames:1526384", "place:emba-river", "post:x-y-road:0"
_PART_NAME = re.compile(r"part-\d+\.jsonl")
_LETTERS_ONLY = re.compile(r"[\s\-‐‑\u00ad]+")  # what a text and its context are compared without
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # (the local engine writes them escaped: "a\\x1b")
MANIFEST = "parts.json"  # the part files of a run, written last
MANIFEST_MAX_BYTES = 1 << 24  # a list of part names: 64 to a run by default, some 20 bytes each
PLACE_POINT_KM = 1.0  # how far a record's point may lie from its place's (rounding)
OFFSET_MAX = 1 << 40  # characters: no document is longer
PART_LINE_MAX = 1 << 20  # characters: a record's context is a sentence of about 300, its document name short


def _record_problem(rec: dict) -> str:
    """What is wrong with a mention record of a part file, or "" (a part may have been edited by hand)."""
    for key in (*_TEXT_FIELDS, "context"):
        value = rec.get(key, "" if key == "context" else None)  # (a record may have no context)
        if not isinstance(value, str):
            return f"{key} is not text"
        if LONE_SURROGATE.search(value):
            return f"{key} holds a lone surrogate (no character)"
    start, end = rec.get("start"), rec.get("end")
    if not (type(start) is int and type(end) is int and 0 <= start <= end):  # (bool is no offset)
        return "start and end are not offsets (0 <= start <= end)"
    lat, lon, score = rec.get("lat"), rec.get("lon"), rec.get("score")
    if not all(type(v) in (int, float) and abs(v) < 1e300 for v in (lat, lon, score)):  # (bool is no number;
        # a 400-digit integer none a float can hold)
        return "lat, lon and score must be numbers in range"
    if not on_earth(lat, lon):
        return f"coordinate out of range (lat={lat}, lon={lon})"
    if not math.isfinite(score) or not 0 <= score <= 1:
        return f"score is not a number from 0 to 1 ({score})"
    if end > OFFSET_MAX:
        return f"end is no offset into a document ({end:,})"
    if not (rec["country"] == "" or _COUNTRY_CODE.fullmatch(rec["country"])):
        return f"country is no ISO-2 code ({rec['country']!r})"
    if not _PLACE_ID.fullmatch(rec["place_id"]):
        return f"place_id is no gazetteer id ({rec['place_id']!r})"
    if rec["feature_class"] not in FEATURE_CLASSES:
        return f"feature_class is no GeoNames class letter ({rec['feature_class']!r})"
    doc = rec["doc"]
    if not doc.strip() or doc.startswith("/") or {".", ".."} & set(doc.split("/")) or _CONTROL.search(doc):
        return f"doc is no document's name ({doc!r})"
    if not rec["text"].strip() or len(rec["text"]) != end - start:
        return f"text {rec['text']!r} is not the span {start}-{end}"
    if rec["context"] and _LETTERS_ONLY.sub("", rec["text"]) not in _LETTERS_ONLY.sub("", rec["context"]):
        return f"text {rec['text']!r} is not in its context"  # (a record's sentence holds its name; a name a
        # line's end broke, "Petro-\npavl", is whole in it: compared without spaces and hyphens)
    return ""
