"""Run the geoparser over a corpus: document loading, skipping bad files, streaming.

Small documents are read whole; large ones (over
:data:`mapper.documents.STREAM_THRESHOLD`) are parsed chunk by chunk so
memory stays flat whatever the corpus size. With ``jobs > 1`` documents are
parsed in a process pool and results stream back in input order.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator

from mapper.documents import (DOCUMENT_SUFFIXES, GIVEN, STDIN, Offsets, document_name, document_names, iter_chunks,
                               iter_document_paths, read_document, streamed)
from mapper.errors import STOP_SIGNALS, InputError
from mapper.geoparse import Geoparser, Mention

_WORKER: Geoparser | None = None
SPILL_MENTIONS = 20_000  # a document's mentions kept in memory before they go to a temporary file


def make_parser(data_dir: Path | None = None, progress: bool = True) -> Geoparser:
    """A ready geoparser (opens, or first builds, the gazetteer index)."""
    from mapper.gazetteer import Gazetteer
    from mapper.geoparse import Lexicon

    return Geoparser(Gazetteer.open(data_dir, progress=progress), Lexicon(data_dir))


def parse_path(parser: Geoparser, path: Path, encoding: str | None = None,
               name: str | None = None) -> tuple[Iterable[Mention], str | None]:
    """Mentions of one file (under *name*, by default its file name; a large one or standard input read and
    parsed a chunk at a time, its mentions held in a temporary file until it is read whole: see
    :class:`SpilledMentions`), and what the user should hear of its decoding, if anything (see
    :func:`decoding_note`)."""
    name = name or document_name(path)
    if streamed(path, encoding):
        out = SpilledMentions()
        guessed, codec, replaced = None, encoding or "utf-8", 0
        for chunk in iter_chunks(path, encoding):
            out.extend(as_decoded(parser.parse(chunk.text, name, chunk.offset), chunk.offsets, chunk.offset))
            codec, replaced = chunk.encoding, chunk.replaced
            guessed = guessed or (codec if encoding is None and codec not in GIVEN else None)
        return out, decoding_note(guessed, replaced, codec)
    doc = read_document(path, encoding)
    return as_decoded(parser.parse(doc.text, name), doc.offsets), decoding_note(
        doc.encoding if doc.guessed else None, doc.replaced, doc.encoding)


def as_decoded(mentions: list[Mention], offsets: Offsets | None, base: int = 0) -> list[Mention]:
    """*mentions* of a composed text that starts at *base*, their offsets put into the text as decoded (the
    contract's; a soft hyphen or a decomposed letter before had shifted every one after it)."""
    if not offsets:
        return mentions
    return [replace(m, start=base + offsets(m.start - base), end=base + offsets(m.end - base)) for m in mentions]


def decoding_note(guessed: str | None, replaced: int, encoding: str) -> str | None:
    """What a document's decoding tells the user: the encoding that had to be guessed (not UTF-8, a byte-order
    mark's or declared), and the bytes that were no character of *encoding*, read as U+FFFD; None if neither."""
    notes = [f"not UTF-8; decoded as {guessed} (detected; declare with --encoding)"] if guessed else []
    if replaced:
        notes.append(f"{replaced} byte{'s' * (replaced > 1)} no {encoding} text (a damaged or cut file?), read as "
                     "U+FFFD")
    return "; ".join(notes) or None


class SpilledMentions:
    """A large document's mentions, kept until the whole document is read (a bad byte at its end skips all of
    them): in memory up to :data:`SPILL_MENTIONS`, then in batches in a temporary file, so that memory stays
    flat however many mentions one document has. Iterate once."""

    def __init__(self) -> None:
        self._kept: list[Mention] = []
        self._file = None
        self._batches = 0  # in the file

    def extend(self, mentions: list[Mention]) -> None:
        self._kept += mentions
        if len(self._kept) >= SPILL_MENTIONS:
            import pickle
            import tempfile

            if self._file is None:
                self._file = tempfile.TemporaryFile()  # (unlinked at once: gone with the process)
            pickle.dump(self._kept, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._batches += 1
            self._kept = []

    def __iter__(self) -> Iterator[Mention]:
        if self._file is not None:
            import pickle

            self._file.seek(0)
            with self._file:
                for _ in range(self._batches):
                    yield from pickle.load(self._file)
            self._file = None
        yield from self._kept


def _init_worker(data_dir: Path | None) -> None:
    global _WORKER
    die_with_parent()
    _WORKER = make_parser(data_dir, progress=False)


def _work(args: tuple[Path, str | None, Callable | None, str]) -> tuple[list | None, str | None, InputError | None]:
    path, encoding, encode, name = args
    try:
        mentions, note = parse_path(_WORKER, path, encoding, name)
        return (list(mentions) if encode is None else [encode(m) for m in mentions]), note, None
    except InputError as exc:
        return None, None, exc


def _progress(paths: list[Path]):
    """A progress bar on an interactive stderr for corpora of more than a few documents."""
    import sys

    from tqdm import tqdm

    return tqdm(paths, desc="Geoparsing", unit=" docs", file=sys.stderr, mininterval=0.5,
                disable=len(paths) < 20 or not sys.stderr.isatty())


def iter_mentions(inputs: Iterable[str | os.PathLike[str]], data_dir: Path | None, reporter,
                  *, encoding: str | None = None, jobs: int = 1, expand_dirs: bool = True,
                  encode: Callable[[Mention], str] | None = None,
                  parser: Geoparser | None = None, under: Path | None = None) -> Iterator[Mention | str]:
    """Mentions of every document under *inputs*, in order; bad files go to *reporter*.

    With ``expand_dirs=False`` a directory is reported as bad input instead of
    being read (the ``mentions`` command takes files). With *encode* (a
    module-level function), ``encode(mention)`` is yielded instead, computed
    in the worker processes when ``jobs > 1``. *parser* is used if the caller
    already has one (otherwise one is made for *data_dir*). Documents of the folder
    *under* (a build's) are named by their paths below it, so a document's name and
    its mentions' ids stay whatever other documents come or go (see
    :func:`mapper.documents.document_names`).
    """
    inputs = list(inputs)
    if not expand_dirs:
        for p in [Path(i) for i in inputs if Path(i).is_dir()]:
            reporter.skip(InputError("is a directory, not a document (pass its files, e.g. DIR/*.txt)", path=p))
        inputs = [i for i in inputs if not Path(i).is_dir()]
    paths = list(iter_document_paths(inputs))
    names = document_names(paths, under)
    jobs = min(jobs, len(paths), os.cpu_count() or 1)  # (more workers than documents or cores only cost memory)
    if jobs > 1 and STDIN not in map(str, paths):  # standard input is the parent's
        if parser is None:
            make_parser(data_dir)  # build the index once, before the workers open it
        with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(data_dir,)) as pool:
            for path, (mentions, note, error) in zip(
                    _progress(paths), pool.map(_work, [(p, encoding, encode, n) for p, n in zip(paths, names)],
                                                  chunksize=8)):
                if error:
                    reporter.skip(error)
                    continue
                _report_note(reporter, path, note)
                yield from mentions
        return
    parser = parser or make_parser(data_dir)
    for path, name in zip(_progress(paths), names):
        try:  # (a document's mentions go out once it is read whole: a bad byte at its end skips all of it)
            mentions, note = parse_path(parser, path, encoding, name)
        except InputError as exc:
            reporter.skip(exc)
            continue
        _report_note(reporter, path, note)
        yield from (mentions if encode is None else map(encode, mentions))


def note_message(path: Path, note: str) -> str:
    """The warning for a document whose decoding has a note (:func:`decoding_note`)."""
    return f"{path}: {note}"


def _report_note(reporter, path: Path, note: str | None) -> None:
    if note:
        reporter.warn(note_message(path, note))


def make_layers(docs_dir: Path, data_dir: Path | None, reporter, *, encoding: str | None = None,
                mentions_from: Path | None = None, progress: bool = True, jobs: int = 1,
                documents: list[Path] | None = None):
    """Check the data, geoparse *docs_dir* (or read ``mentions_from``) and assemble every layer.

    *documents* are the document files of *docs_dir* if the caller has listed them already (the build
    stamp did: what is parsed is then exactly what the stamp describes).
    Raises :class:`DataError` on the first data problem, before anything is written.
    """
    from mapper import datafiles
    from mapper.layers import build_layers
    from mapper.network import Network

    root = datafiles.data_root(data_dir)
    if not Path(docs_dir).is_dir() and mentions_from is None:  # (mentions read from parts need no documents)
        raise InputError("not a directory of documents", path=docs_dir)
    parser = make_parser(root, progress=progress)
    network = Network(root, parser.gazetteer)
    network.validate()  # the first problem check finds (citations quote the project's own documents)
    # (checked: a document's path stays inside docs_dir)
    manifest = datafiles.manifest(Path(docs_dir)) if Path(docs_dir).is_dir() else {}
    if mentions_from is not None:
        from mapper.distributed import read_parts

        mentions = []
        for rec in read_parts(mentions_from, parser.gazetteer):
            if isinstance(rec, dict):
                reporter.warn(rec.get("error") or rec["warning"])
            else:
                mentions.append(rec)
        if not mentions:
            reporter.warn(f"{mentions_from}: the parts hold no mentions: the layers hold the corridors, crossings "
                          "and hubs only")
    else:
        if documents is None:
            documents = list(iter_document_paths([docs_dir]))
        if not documents:
            reporter.warn(f"{docs_dir}: no documents ({', '.join(DOCUMENT_SUFFIXES)}) to geoparse: the layers hold "
                          "the corridors, crossings and hubs only")
        mentions = list(iter_mentions(documents, root, reporter, encoding=encoding, jobs=jobs, parser=parser,
                                      under=Path(docs_dir)))
    return build_layers(network, mentions, datafiles.figures(root), manifest)


class _Recorder:
    """Passes problems on to a reporter and keeps their text, for the build stamp."""

    def __init__(self, reporter) -> None:
        self.reporter, self.messages = reporter, []

    def skip(self, exc: Exception) -> None:
        self.messages.append(f"skipped {exc}")
        self.reporter.skip(exc)

    def warn(self, message: str) -> None:
        self.messages.append(message)
        self.reporter.warn(message)


def build(docs_dir: Path, out: Path, data_dir: Path | None, reporter, *, cdn: bool = False,
          encoding: str | None = None, progress: bool = True,
          mentions_from: Path | None = None, force: bool = False, jobs: int = 1) -> dict[str, Path] | None:
    """Build every layer and write exports and ``map.html`` into *out*.

    Everything is written into a staging folder inside *out* first and then
    renamed into place under a lock and a journal (:func:`mapper.outputs.publish`):
    a failed build leaves the previous output as it was, a build killed while
    renaming is completed by the next one, and concurrent builds cannot
    interleave. Returns the written files, or None when *out* already holds
    the build of exactly these inputs (see :mod:`mapper.outputs`; *force*
    rebuilds anyway).
    """
    from mapper import datafiles
    from mapper.outputs import (BUILD_FILES, check_gdal_path, fingerprint, publish, read_lock, refuse_foreign_outputs,
                                replay, settled_or_read, staging, write_stamp)

    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError("exists and is not a directory (choose another --out)", path=out)
    if out.resolve() == Path(docs_dir).resolve():
        raise InputError("is the documents' folder too: the map would be read as a document (choose another --out)",
                         path=out)
    if mentions_from is not None and out.resolve() == Path(mentions_from).resolve():
        raise InputError("is the --mentions-from folder too: the build would wait for itself to finish reading it "
                         "(choose another --out)", path=out)
    check_gdal_path(out.absolute())  # (layers.gpkg is written by GDAL)
    root = datafiles.data_root(data_dir)
    with read_lock(Path(mentions_from)) if mentions_from is not None else contextlib.nullcontext():
        # (the parts are read twice, for the stamp and the mentions: both of one run, as no run publishes meanwhile)
        documents, read = _build_inputs(Path(docs_dir), mentions_from)
        inputs = fingerprint(read, root,
                             {"cdn": cdn, "encoding": encoding, "mentions_from": mentions_from is not None,
                              "docs": str(Path(docs_dir).resolve())})
        if out.is_dir():
            with settled_or_read(out, BUILD_FILES) as settled:  # (a read-only folder: a build with nothing
                # changed only reads it, hostile pass 26, S6; a changed one fails below, saying why)
                refuse_foreign_outputs(out, BUILD_FILES, settled)
                warnings = None if force else replay(out, inputs)
            if warnings is not None:
                for message in warnings:
                    reporter.warn(message)
                return None

        recorder = _Recorder(reporter)
        with _MapRenderer(root, cdn) as renderer:  # Folium is imported on another core meanwhile
            from mapper.export import write_layers

            layers = make_layers(docs_dir, data_dir, recorder, encoding=encoding, mentions_from=mentions_from,
                                 progress=progress, jobs=jobs, documents=documents)
            renderer.render(layers)
            with writes_refused(out):  # read-only, full disk: the old build stays, or the next build completes the new
                out.mkdir(parents=True, exist_ok=True)
                with staging(out, BUILD_FILES) as stage:
                    write_layers(layers.frames, stage / "layers", "geojson", staged=True)
                    write_layers(layers.frames, stage / "layers.gpkg", "gpkg")
                    (stage / "map.html").write_text(renderer.page(), encoding="utf-8")  # the stage is private
                    written = publish(stage, out, then=lambda w: write_stamp(out, inputs, w, recorder.messages))
        return {str(p.relative_to(out)): p for p in written}


@contextlib.contextmanager
def writes_refused(out: Path) -> Iterator[None]:
    """A failed write to *out* (a full or read-only disk, as Python or GDAL reports it) as one line of bad
    output (:class:`InputError`) naming the path in the way if the system names one, else *out*."""
    try:
        yield
    except Exception as exc:
        from pyogrio.errors import DataSourceError, FeatureError  # (imported by then: a skipped build never is)

        from mapper.outputs import STAGE_PREFIX

        if not isinstance(exc, (OSError, DataSourceError, FeatureError)):
            raise
        where = getattr(exc, "filename", None) or out
        if not _of_output(Path(where), out):  # (a module's file when an import failed: no file descriptor left)
            where = out
        if Path(where).name.startswith(f".{out.name}.") or getattr(exc, "errno", None) in (errno.ENOSPC, errno.EDQUOT) \
                or any(part.startswith(STAGE_PREFIX) for part in Path(where).parts):  # (the temporary file an atomic
            # write makes beside it, or one of the staging folder: a full disk is the output folder's, hostile pass
            # 26 S2)
            where = out
        hint = ": move it away" if getattr(exc, "errno", None) in (errno.EEXIST, errno.ENOTDIR) else ""
        raise InputError(f"cannot write the output ({getattr(exc, 'strerror', None) or _gdal_reason(exc)}){hint}",
                         path=where) from None


def _of_output(path: Path, out: Path) -> bool:
    """Whether *path* is the output folder *out*, a file below it or a folder it is in."""
    path, out = Path(os.path.abspath(path)), Path(os.path.abspath(out))
    return path == out or out in path.parents or path in out.parents


_SQL_FAILED = re.compile(r"sqlite3_\w+\(.*\) failed: ", re.S)  # GDAL's: the statement it ran, then the reason


def _gdal_reason(exc: Exception) -> str:
    """GDAL's message for a failed write, without the SQL statement it quotes (the GeoPackage's whole schema, 5.7 KB,
    before "unable to open database file" when file descriptors ran out: hostile pass 28, S3)."""
    reason = _SQL_FAILED.sub("", str(exc))
    return reason if len(reason) <= 300 else f"{reason[:300]}…"


def _build_inputs(docs_dir: Path, mentions_from: Path | None) -> tuple[list[Path] | None,
                                                                      dict[str, tuple[Path, list[Path]]]]:
    """The documents a build parses (None when it reads mention parts instead), and the files it reads
    besides the project's data, for the build stamp: the documents and their manifest, or the manifest
    and the mention parts."""
    from mapper.datafiles import manifest_path

    inputs, docs = {}, None
    if docs_dir.is_dir():
        docs = None if mentions_from is not None else list(iter_document_paths([docs_dir]))
        inputs["docs"] = (docs_dir, (docs or []) + [p for p in [manifest_path(docs_dir)] if p.is_file()])
    if mentions_from is not None and Path(mentions_from).is_dir():
        from mapper.distributed import MANIFEST, part_files

        listed = [p for p in [Path(mentions_from) / MANIFEST] if p.is_file()]
        inputs["parts"] = (Path(mentions_from), part_files(mentions_from) + listed)
    return docs, inputs


class _MapRenderer:
    """Renders ``map.html`` from the layers, in a forked process where that can run on another core.

    Importing geopandas and Folium (which compiles some 90 templates) and
    rendering take about 0.9 s of a seeds build; the child does them while this
    process builds the layers and writes them. Elsewhere (one core, no
    ``fork``) the page is rendered here. Either way the page is the same, and
    an error while rendering is raised by :meth:`page`.
    """

    def __init__(self, root: Path, cdn: bool) -> None:
        import multiprocessing
        import sys

        self.root, self.cdn, self._page, self._conn, self._proc, self._sender = root, cdn, None, None, None, None
        if sys.platform.startswith("linux") and len(os.sched_getaffinity(0)) > 1:
            ctx = multiprocessing.get_context("fork")
            self._conn, child = ctx.Pipe()
            self._proc = ctx.Process(target=_render_in_child, args=(child, self._conn, root, cdn), daemon=True)
            self._proc.start()
            child.close()

    def __enter__(self) -> _MapRenderer:
        return self

    def __exit__(self, *exc) -> None:
        if self._proc is not None:
            if self._page is None:  # the build stopped before the page came back: no need for it
                self._proc.kill()
            if self._sender is not None and self._sender.ident is not None:  # its send fails once the child is
                # gone: let it end before closing (a stop while it was being started left it unstarted: nothing to
                # wait for, hostile pass 26 E1)
                self._sender.join(timeout=5)
            self._conn.close()
            self._proc.join(timeout=5)
            if self._proc.is_alive():
                self._proc.kill()

    def render(self, layers) -> None:
        """Start rendering *layers* (or render them now, without a child)."""
        if self._proc is None:
            from mapper.render import render_map

            self._page = render_map(layers, self.root, cdn=self.cdn)
        else:  # from a thread: the layers outgrow the pipe's buffer while the child is still importing
            import threading

            self._sender = threading.Thread(target=self._send, args=(layers,), daemon=True)
            self._sender.start()

    def _send(self, layers) -> None:
        try:
            self._conn.send(layers)
        except OSError:  # the child is gone; page() says why
            pass

    def page(self) -> str:
        """The rendered page; an error raised while rendering is raised here."""
        if self._page is None:
            self._sender.join()
            try:
                ok, value = self._conn.recv()
            except EOFError:
                self._proc.join(timeout=5)
                # (a process that died, as a --jobs worker may: one line, not "internal error"; hostile pass 28, S1)
                raise BrokenProcessPool(f"the map renderer stopped (exit code {self._proc.exitcode})") from None
            if not ok:
                raise value
            self._page = value
        return self._page


def _render_in_child(conn, parent_end, root: Path, cdn: bool) -> None:
    """The child of :class:`_MapRenderer`: import the renderer, wait for the layers, send back the page or the
    error."""
    import signal

    parent_end.close()  # so that the parent closing its end reads here as the end of the pipe
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to report
    try:
        from mapper.render import render_map

        layers = conn.recv()
        conn.send((True, render_map(layers, root, cdn=cdn)))
    except EOFError:  # the build stopped before its layers were made
        return
    except Exception as exc:  # noqa: BLE001 - handed to the parent, which raises it
        conn.send((False, _portable(exc)))


def _portable(exc: Exception) -> Exception:
    """*exc* if it survives pickling as it is, else a RuntimeError that says what it was."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - any failure to round-trip
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def die_with_parent() -> None:
    """In a worker process: the stop signals back to their defaults (the parent's handler would keep a worker
    alive when its pool stops it), and on Linux the kernel ending it when its parent dies, so that a killed
    build leaves no process behind."""
    import ctypes
    import signal
    import sys

    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_DFL)
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError, TypeError):
        pass

