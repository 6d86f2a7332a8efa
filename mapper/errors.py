"""Errors the command line reports as one readable line (exit code 2), and the signals that stop a run."""

from __future__ import annotations

import errno
import signal

#: the errnos of a file or folder the system refuses to write (permissions, a read-only mount)
WRITE_REFUSED = frozenset((errno.EACCES, errno.EPERM, errno.EROFS))

#: the signals that stop a run as Ctrl-C does (SIGHUP is POSIX only); worker processes set them back
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))

# control characters (C0, DEL, C1) as escapes: no line break, and no terminal sequence ("\x1b]0;…\x07")
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7f, 0xa0))} | {0x0a: "\\n", 0x0d: "\\r"} | {
    c: f"\\u{c:04x}" for c in (0x200e, 0x200f, 0x2028, 0x2029, *range(0x202a, 0x202f), *range(0x2066, 0x206a))}
# (and Unicode's line and paragraph separators and direction marks, which split or reorder a line)


def shown(text: object) -> str:
    """*text* as one printable line: a file name's undecodable bytes, line breaks and other control characters
    written as escapes ("bad\\xffname.txt", "x\\x1b]0;"), so a message stays one line, any stream or JSON file
    can take it, and no terminal acts on it."""
    return str(text).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace").translate(_CONTROLS)


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


class NoAnswer(InputError):
    """A sound question the data has no answer to ("no route avoiding CN"): one line and exit code 1, as a
    ``geocode`` with no match, not 2 (bad input)."""


class DataError(InputError):
    """A data file in ``corridors/`` or ``geodata/`` is malformed."""
