"""Whether the geoparser compiled at install (``setup.py``, mypyc) may run, or its source must.

The build writes ``geoparse.compiled-from`` beside the two extension files it
makes: a digest of every ``mapper/*.py`` (the compiled parser depends on the
types of what it imports, not only on ``geoparse.py``). When the sources have
changed since, or ``CORRIDOR_MAPPER_PURE`` is set, ``import mapper`` makes
``mapper.geoparse`` load from ``geoparse.py``. Standard library only: ``setup.py``
loads this file by path before the package is installed.
"""

from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = "geoparse.compiled-from"
EXTENSION_SUFFIXES = (".so", ".pyd")


def sources_digest(folder: str = HERE) -> str:
    """SHA-256 over the names and contents of the ``*.py`` files of *folder*."""
    import hashlib

    digest = hashlib.sha256()
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".py")):
        with open(os.path.join(folder, name), "rb") as fh:
            digest.update(name.encode() + b"\0" + fh.read() + b"\0")
    return digest.hexdigest()


def is_extension(path: str) -> bool:
    """Whether the module file *path* is a compiled extension (the parser built by ``setup.py``)."""
    return path.endswith(EXTENSION_SUFFIXES)


def pure_wanted() -> bool:
    """``CORRIDOR_MAPPER_PURE`` set to anything but "" or "0"."""
    return os.environ.get("CORRIDOR_MAPPER_PURE", "") not in ("", "0")


def state(folder: str = HERE) -> str:
    """"current" (the compiled parser matches the sources), "stale" (it does not, or is half there), or
    "absent" (nothing compiled)."""
    names = os.listdir(folder)
    shim = any(n.startswith("geoparse.") and is_extension(n) for n in names)
    native = any(n.startswith("geoparse__mypyc.") and is_extension(n) for n in names)
    if not shim and not native:
        return "absent"
    try:
        with open(os.path.join(folder, STAMP), encoding="ascii") as fh:
            built_from = fh.read().strip()
    except OSError:
        return "stale"
    return "current" if shim and native and built_from == sources_digest(folder) else "stale"


class _SourceFinder:
    """Finds ``mapper.geoparse`` as its source file, ahead of the compiled extension."""

    def find_spec(self, name, path=None, target=None):
        if name != "mapper.geoparse":
            return None
        import importlib.util

        return importlib.util.spec_from_file_location(name, os.path.join(HERE, "geoparse.py"))


def use_source_unless_current() -> None:
    """Run ``geoparse.py`` itself wherever a compiled parser is present but may not run."""
    found = state()
    if found == "stale" or (found == "current" and pure_wanted()):
        sys.meta_path.insert(0, _SourceFinder())
