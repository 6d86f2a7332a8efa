"""Build hook: compile the geoparser (``mapper/geoparse.py``) to a C extension with mypyc.

The parser is plain, type-annotated Python; mypyc (part of mypy) turns it into a
C extension that gives the same mentions about 1.5× faster. Where that cannot be
done (no C compiler, a type error, ``CORRIDOR_MAPPER_PURE=1`` at install time) the
package installs as pure Python and works the same, only slower.

mypyc makes two extensions (the parser and a small shim); both are built or
neither is kept. Beside them the build writes ``geoparse.compiled-from``, a digest
of the sources (``mapper/_compiled.py``): ``import mapper`` runs the source
instead when the sources have changed since.
"""

import importlib.util
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

SOURCE = "mapper/geoparse.py"
BUILD_COMMANDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "install", "develop"}


def _load_compiled_module():
    """``mapper/_compiled.py``, loaded by path (the package is not installed yet)."""
    spec = importlib.util.spec_from_file_location("_corridor_mapper_compiled", "mapper/_compiled.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COMPILED = _load_compiled_module()


def compiled_parser() -> list:
    """mypyc's extensions for the parser, or none (with a warning) where it cannot compile. Type-checking
    takes a while, so it is done only for a command that builds (not for metadata or an sdist)."""
    if COMPILED.pure_wanted() or not BUILD_COMMANDS.intersection(sys.argv[1:]):
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
    """``build_ext`` that builds the parser's extensions all or none and stamps what they were built from."""

    def run(self) -> None:
        built = [Path(self.get_ext_fullpath(ext.name)) for ext in self.extensions]
        stamps = {path.with_name(COMPILED.STAMP) for path in built}
        for old in [*built, *stamps]:  # a failed compile must not leave an older build behind
            old.unlink(missing_ok=True)
        super().run()
        if built and all(path.is_file() for path in built):
            digest = COMPILED.sources_digest(os.path.abspath("mapper"))
            for stamp in stamps:
                stamp.write_text(digest + "\n", encoding="ascii")
        else:
            for path in built:  # half a parser is no parser
                path.unlink(missing_ok=True)


setup(ext_modules=compiled_parser(), cmdclass={"build_ext": StampedBuildExt})
