"""Build hook: compile the geoparser (``mapper/geoparse.py``) to a C extension with mypyc.

The parser is plain, type-annotated Python; mypyc (part of mypy) turns it into a
C extension that gives the same mentions about 1.5× faster. Where that cannot be
done (no C compiler, a type error, ``CORRIDOR_MAPPER_PURE=1`` at install time) the
package installs as pure Python and works the same, only slower.

Next to the extension the build writes ``geoparse.compiled-from``, the SHA-256 of
the source it was compiled from: ``mapper/__init__.py`` loads the source instead
of the extension when they differ (an edited checkout not yet rebuilt).
"""

import hashlib
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

SOURCE = "mapper/geoparse.py"
STAMP = "geoparse.compiled-from"


def compiled_parser() -> list:
    """mypyc's extensions for the parser, or none (with a warning) where it cannot compile."""
    if os.environ.get("CORRIDOR_MAPPER_PURE"):
        return []
    try:
        from mypyc.build import mypycify

        extensions = mypycify(["--ignore-missing-imports", "--follow-imports=silent", SOURCE], opt_level="3")
    except (Exception, SystemExit) as exc:  # mypy reports type errors by exiting
        print(f"warning: the geoparser is not compiled ({exc!r}); pure Python is used", file=sys.stderr)
        return []
    for ext in extensions:
        ext.optional = True  # a failing C compiler leaves the pure-Python parser, not a failed install
    return extensions


class StampedBuildExt(build_ext):
    """``build_ext`` that records which source the compiled parser was built from."""

    def run(self) -> None:
        super().run()
        built = [Path(self.get_ext_fullpath(ext.name)) for ext in self.extensions]
        parser = [p for p in built if p.name.startswith("geoparse.") and p.is_file()]
        if parser:
            digest = hashlib.sha256(Path(SOURCE).read_bytes()).hexdigest()
            parser[0].with_name(STAMP).write_text(digest + "\n", encoding="ascii")


setup(ext_modules=compiled_parser(), cmdclass={"build_ext": StampedBuildExt})
