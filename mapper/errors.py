"""Errors the command line reports as one readable line (exit code 2)."""

from __future__ import annotations


def shown(text: object) -> str:
    """*text* as one printable line: a file name's undecodable bytes and line breaks written as escapes
    ("bad\\xffname.txt"), so a message stays one line and any stream or JSON file can take it."""
    return (str(text).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            .replace("\r", "\\r").replace("\n", "\\n"))


class InputError(Exception):
    """Bad input or usage: a file, line or value the user has to fix.

    The message names the file (and line or id where known) and the problem.
    """

    def __init__(self, message: str, *, path: object | None = None) -> None:
        self.message, self.path = message, path
        super().__init__(shown(f"{path}: {message}" if path is not None else message))

    def __reduce__(self):  # keep the path when a worker process sends the error back
        return (_rebuild, (type(self), self.message, self.path))


def _rebuild(cls: type, message: str, path: object | None) -> InputError:
    return cls(message, path=path)


class DataError(InputError):
    """A data file in ``corridors/`` or ``geodata/`` is malformed."""
