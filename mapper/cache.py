"""The on-disk cache shared by the stages: where it is, and pickles written atomically.

``CORRIDOR_MAPPER_CACHE`` overrides the user cache directory. Everything here
is derived data (gazetteer index with its word frequencies, curated overlay,
simplified outlines, Nominatim answers): deleting the folder only costs a rebuild.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    """Where derived data lives (``CORRIDOR_MAPPER_CACHE`` or the user cache dir)."""
    env = os.environ.get("CORRIDOR_MAPPER_CACHE")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("corridor-mapper"))


def write_pickle(path: Path, obj) -> None:
    """Write *obj* to *path* atomically (temp file, then rename)."""
    from mapper.outputs import atomic_path

    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)


def read_pickle(path: Path):
    """The object pickled at *path*, or None if it is missing or unreadable."""
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None


def file_key(path: Path, *extra: object) -> str:
    """A cache key for what is derived from the file *path* (and *extra*): its place, version and size,
    and the shapely version (geometry caches hold shapely's output)."""
    import shapely

    st = path.stat() if path.exists() else None
    return "|".join(map(str, (path.resolve(), st and st.st_mtime_ns, st and st.st_size, shapely.__version__, *extra)))


def memo(name: str, key: str, compute: Callable[[], T], kind: type = object) -> T:
    """*compute()*, cached on disk under *name* and a digest of *key*."""
    path = cache_dir() / f"{name}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.pickle"
    value = read_pickle(path)
    if not isinstance(value, kind):
        value = compute()
        write_pickle(path, value)
    return value

