"""The on-disk cache shared by the stages: where it is, and pickles written atomically.

``CORRIDOR_MAPPER_CACHE`` overrides the user cache directory. Everything here
is derived data (gazetteer index with its word frequencies, curated overlay,
simplified outlines, Nominatim answers): deleting the folder only costs a rebuild.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
MEMO_KEEP = 4  # entries kept per memo name (other data versions, other checkouts, test copies)


def cache_dir() -> Path:
    """Where derived data lives (``CORRIDOR_MAPPER_CACHE``, "~" as the home folder as a shell would read it, or
    the user cache dir)."""
    env = os.environ.get("CORRIDOR_MAPPER_CACHE")
    if env:
        return Path(env).expanduser()  # (not a folder named "~" in the working folder)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("corridor-mapper"))


def write_pickle(path: Path, obj) -> None:
    """Write *obj* to *path* atomically (temp file, then rename)."""
    from mapper.outputs import atomic_path

    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)


def read_pickle(path: Path):
    """The object pickled at *path*, or None if it is missing, unreadable or not to be trusted: a pickle runs
    code as it loads, so only a regular file of this user that no one else may write is read (a shared or
    world-writable cache folder could hold another user's)."""
    try:
        with open(path, "rb", opener=_no_link) as fh:
            st = os.fstat(fh.fileno())
            if st.st_uid != os.geteuid() or st.st_mode & 0o022 or not stat.S_ISREG(st.st_mode):
                return None
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None


def _no_link(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))


def file_key(path: Path, code: str, *extra: object) -> str:
    """A cache key for what the module *code* (its ``__file__``) derives from the file *path* (and *extra*,
    such as the version of the library whose output is cached): digests of both files' bytes, so every
    checkout or copy of the same data and code shares one entry."""
    from mapper.outputs import file_digest

    digests = [file_digest(p) if p.exists() else "missing" for p in (path, Path(code))]
    return "|".join(map(str, (*digests, *extra)))


def memo(name: str, key: str, compute: Callable[[], T], kind: type = object,
         shaped: Callable[[T], bool] | None = None) -> T:
    """*compute()*, cached on disk under *name* and a digest of *key*; the :data:`MEMO_KEEP` entries of
    *name* used last are kept, older ones removed when a new one is written. A cached value that is no *kind*
    or not *shaped* so (a pickle of another shape under the name) is computed again, as is one that cannot be
    read; a cache that cannot be written (a full or read-only disk) is done without: the value is computed
    again next time."""
    path = cache_dir() / f"{name}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.pickle"
    value = read_pickle(path)
    if isinstance(value, kind) and (shaped is None or _shaped(shaped, value)):
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: the entries used last are those kept
        return value
    value = compute()
    try:
        write_pickle(path, value)
    except OSError:
        return value
    prune(f"{name}-*.pickle", keep=path, count=MEMO_KEEP)
    return value


def _shaped(shaped: Callable[[T], bool], value: T) -> bool:
    """Whether *shaped* says yes of *value*, a cached value of the right type (an error saying no)."""
    try:
        return bool(shaped(value))
    except Exception:  # noqa: BLE001 - any value of another shape is recomputed
        return False


def prune(pattern: str, keep: Path, count: int, grace: float = 0.0) -> None:
    """Remove the files of the cache folder matching *pattern* beyond the *count* used last (by modification
    time, which a use renews), never *keep* nor one used in the last *grace* seconds (another process may
    have it open)."""
    import time

    def used(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0

    now = time.time()
    others = sorted(((used(p), p) for p in keep.parent.glob(pattern) if p != keep), reverse=True)
    for when, old in others[count - 1:]:
        if now - when >= grace:
            with contextlib.suppress(OSError):
                old.unlink()
