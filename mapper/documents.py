"""Load documents: decode bytes to text, find the files of a corpus, read their manifest.

The parser reads the text this module returns, composed (:func:`composed`); the offsets corridor-mapper
reports are Python ``str`` offsets into the text as decoded, before composing (:class:`Offsets` maps one to
the other). For a saved web page (``.html``) the text is the article trafilatura extracts from it: menus,
scripts and footers are not the document.
"""

from __future__ import annotations

import bisect
import codecs
import errno
import os
import re
import stat
import sys
import unicodedata
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import BinaryIO, Iterator, NamedTuple

from charset_normalizer import from_bytes

from mapper.errors import InputError, shown
from mapper.outputs import NAME as STAMP, NOT_XML, stamped_outputs

#: Suffixes of saved web pages, whose article text is extracted.
HTML_SUFFIXES = (".html", ".htm")
#: Suffixes read as documents when a directory is given.
DOCUMENT_SUFFIXES = (".txt", ".md", ".text", *HTML_SUFFIXES)

#: Documents larger than this are read and parsed in chunks (streaming).
STREAM_THRESHOLD = 8 * 1024 * 1024
#: The largest document read (a file, or standard input): its mentions are held until it is read whole, and
#: endless input ("yes | corridor-mapper mentions -") must end with one line, not fill memory and disk.
DOCUMENT_MAX_BYTES = 512 * 1024 * 1024
CHUNK_CHARS = 1 << 20

#: Encodings that are known, not guessed: plain UTF-8 and byte-order marks.
GIVEN = {"utf-8", "utf-8-sig", "utf-16", "utf-32"}
_GIVEN_NAMES = {codecs.lookup(c).name for c in GIVEN}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Document:
    """A decoded document: its file name (the id used in layers), text and encoding."""

    name: str
    path: Path
    text: str
    encoding: str
    guessed: bool = False  # True when the encoding was detected, not UTF-8, a BOM or declared
    replaced: int = 0  # bytes no character of the encoding, read as U+FFFD (a damaged or cut file)
    offsets: Offsets | None = None  # where the positions of *text*, composed, were in the text as decoded


class Chunk(NamedTuple):
    """A part of a large document (see :func:`iter_chunks`): where it starts in the text as decoded, its text
    composed, the encoding, the bytes read as U+FFFD so far, and where its positions were before composing."""

    offset: int
    text: str
    encoding: str
    replaced: int
    offsets: Offsets


def _too_large(path: Path) -> InputError:
    return InputError(f"larger than {DOCUMENT_MAX_BYTES >> 20} MiB, the most one document may be: split it into "
                      "smaller ones", path=path)


def _check_readable(path: Path) -> None:
    """Raise :class:`InputError` unless *path* is a regular, readable, non-empty file (or a link to one inside
    its own folder, or to a document of the working folder's project: :func:`_a_document_of`)."""
    if not os.path.lexists(path):
        raise InputError("no such file", path=path)
    try:
        st = path.stat()
    except OSError as exc:  # broken symlink or a symlink loop
        raise InputError(f"cannot open ({exc.strerror or exc})", path=path) from None
    if path.is_dir():
        raise InputError("is a directory, not a document", path=path)
    if not stat.S_ISREG(st.st_mode):  # /dev/zero, a named pipe: reading would never end
        raise InputError("not a regular file (a device, pipe or socket)", path=path)
    if st.st_size == 0:
        raise InputError("empty file", path=path)
    if st.st_size > DOCUMENT_MAX_BYTES:
        raise _too_large(path)
    if not os.access(path, os.R_OK):
        raise InputError("permission denied", path=path)
    if path.is_symlink():
        target = path.resolve()
        if path.parent.resolve() not in target.parents and not _a_document_of(Path.cwd().resolve(), target):
            # (seeds/passwd.txt -> /etc/passwd would be published in the map)
            raise InputError(f"a link to {target}, outside the document's folder: not read (give that file "
                             "itself)", path=path)


def _a_document_of(folder: Path, target: Path) -> bool:
    """Whether *target* is a document of the project in *folder* (a link to a sibling folder of the corpus,
    run from the project's folder): below it, not under a hidden folder, named as a document is. Run from /
    or $HOME, /etc/passwd, ~/.ssh/id_rsa or ~/.aws/credentials are none."""
    return folder in target.parents and target.name.lower().endswith(DOCUMENT_SUFFIXES) and not any(
        part.startswith(".") for part in target.relative_to(folder).parts)


SAMPLE_BYTES = 1 << 16  # what detection reads
SAMPLE_OTHER_BYTES = 64  # bytes beyond ASCII it wants: with fewer, it reads on to where there are more
LOOKAHEAD_BYTES = 1 << 24  # how far a streamed document is read ahead for them
_BEYOND_ASCII = re.compile(rb"[\x80-\xff]")
_HIGH_BYTES = bytes(range(128, 256))


def sample(data: bytes) -> bytes:
    """The bytes an encoding is told from: the first :data:`SAMPLE_BYTES`, and where those hold fewer than
    :data:`SAMPLE_OTHER_BYTES` beyond ASCII, as many from the first such byte after them (a page whose Russian
    text follows 70 KB of script and a title's one dash is no less cp1251)."""
    head = data[:SAMPLE_BYTES]
    if _other_bytes(head) >= SAMPLE_OTHER_BYTES:
        return head
    found = _BEYOND_ASCII.search(data, SAMPLE_BYTES)
    return head + data[found.start(): found.start() + SAMPLE_BYTES] if found is not None else head


def _other_bytes(data: bytes) -> int:
    """How many bytes of *data* lie beyond ASCII."""
    return len(data) - len(data.translate(None, _HIGH_BYTES))


# A text that is UTF-8 but for a few bytes (a copy cut short, two files joined, a stray byte of another code page)
# is read as UTF-8, those bytes as U+FFFD: at least this many of its characters beyond ASCII are whole per one that
# is not (a cp1251 or Latin-1 text read as UTF-8 has almost none whole)
DAMAGED_UTF8_RATIO = 20
_REPLACE = "corridor-mapper-replace"  # the error handler that reads such bytes as U+FFFD, counting them
_replaced = 0  # bytes it has read so (see _replaced_since)


def _replace_counted(exc: UnicodeError) -> tuple[str, int]:
    global _replaced
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _replaced += exc.end - exc.start
    return "\ufffd", exc.end


codecs.register_error(_REPLACE, _replace_counted)


def _replaced_since(start: int) -> int:
    """The bytes read as U+FFFD since the count was *start* (``_replaced``)."""
    return _replaced - start


def _lenient(encoding: str, declared: bool) -> str:
    """The errors mode to decode in: a declared encoding, a byte-order mark's or UTF-8 read a byte that is no
    character of it as U+FFFD (one stray byte loses no document); a guessed one is strict (its guess fails)."""
    return _REPLACE if declared or codecs.lookup(encoding).name in _GIVEN_NAMES else "strict"


def _utf8(head: bytes) -> bool:
    """Whether *head*, the first bytes of a file, are UTF-8 (a character cut by the sample's end is no
    error)."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 4
    return True


def _damaged_utf8(head: bytes) -> bool:
    """Whether *head* is UTF-8 text with a few bytes that are not (see :data:`DAMAGED_UTF8_RATIO`)."""
    text = head.decode("utf-8", "replace")
    bad = text.count("\ufffd") - head.count(b"\xef\xbf\xbd")
    whole = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    return whole >= DAMAGED_UTF8_RATIO * max(bad, 1)


def detect_encoding(head: bytes, path: Path) -> str:
    """Return the codec for a document whose first bytes are *head*.

    A byte-order mark wins; then strict UTF-8; then charset-normalizer's guess
    (cp1251, Latin-1, ...). Binary data (NUL bytes without a UTF-16/32 BOM, or
    no plausible text encoding) raises :class:`InputError`.
    """
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    if b"\x00" in head:
        raise InputError(f"binary file (NUL bytes){_wide_hint(head)}", path=path)
    if _utf8(head) or _damaged_utf8(head):
        return "utf-8"
    fit = _field_codec(head)
    if fit is not None:
        return fit
    best = from_bytes(head).best()
    if best is None or best.encoding is None:
        raise InputError("not text in any known encoding", path=path)
    return best.encoding


# what a file of another kind opens with (its "magic number")
_FILE_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
                    (b"GIF8", "a GIF image"), (b"%PDF-", "a PDF file (extract its text first)"),
                    (b"PK\x03\x04", "a ZIP archive (or a Word or Excel file)"), (b"\x1f\x8b", "a gzip archive"),
                    (b"\xd0\xcf\x11\xe0", "an old Office file"), (b"SQLite format 3\x00", "an SQLite database"),
                    (b"\x7fELF", "a program"))


def _wide_hint(head: bytes) -> str:
    """What bytes with NULs may be, said after "binary file": UTF-32 text without a byte-order mark (in any
    script: a character below U+10000 has two NUL bytes), or UTF-16 text (the other byte of each Latin letter,
    space or digit NUL, in one lane), with the ``--encoding`` to declare; else no text document."""
    kind = next((kind for magic, kind in _FILE_SIGNATURES if head.startswith(magic)), None)
    if kind is not None:  # (a PNG's bytes had been "UTF-16 without a byte-order mark?"; hostile pass 28, S6)
        return f": {kind}, not a text document"
    quarter = len(head) // 4 * 4
    lanes = [head[i:quarter:4].count(0) for i in range(4)]  # (NULs at each of a 4-byte unit's places)
    n = quarter // 4
    if n and lanes[0] < n // 2 and min(lanes[2:]) > n * 3 // 4:
        return ": UTF-32 without a byte-order mark? declare --encoding utf-32-le"
    if n and lanes[3] < n // 2 and min(lanes[:2]) > n * 3 // 4:
        return ": UTF-32 without a byte-order mark? declare --encoding utf-32-be"
    odd, even = head[1::2].count(0), head[::2].count(0)  # (UTF-16 text: every other byte of a Latin letter, of a
    # space or a digit in Chinese text)
    return next((f": UTF-16 without a byte-order mark? declare --encoding utf-16-{end}"
                 for end, nuls, other in (("le", odd, even), ("be", even, odd))
                 if nuls >= 4 and nuls > 4 * other), ", not a text document")


def check_declared(head: bytes, encoding: str, path: Path) -> None:
    """Refuse a declared *encoding* that the first bytes *head* show to be wrong, where reading in it would
    turn the whole text into other letters and find no place: UTF-16 or UTF-32 without a byte-order mark on
    bytes with no NUL (as such text with a space or a line end has), another encoding on bytes that are
    UTF-8 text with letters beyond ASCII ("Düsseldorf" would be "DÃ¼sseldorf"), or one that reads as other
    letters bytes that one of the field's encodings reads as words (KOI8-R on cp1251 Russian: "зПСГШ")."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return  # (reported where it is decoded)
    if name.startswith("utf-8"):
        return
    if name.startswith(("utf-16", "utf-32")):
        if len(head) >= 16 and b"\x00" not in head:
            raise InputError(f"declared {encoding}, but its bytes hold no NUL byte, as {encoding} text does "
                             "(leave --encoding out to detect it)", path=path)
        return
    if not head.isascii() and _utf8(head):
        raise InputError(f"declared {encoding}, but its bytes are UTF-8 text (leave --encoding out, or declare "
                         "utf-8)", path=path)
    fit = None if head.isascii() else _field_codec(head)
    if fit is not None and codecs.lookup(fit).name != name and _belied(head, name, fit):
        raise InputError(f"declared {encoding}, but its bytes read as {fit} text, and in {encoding} as other "
                         f"letters (leave --encoding out, or declare {fit})", path=path)


# the single-byte encodings of the field's texts, tried before a general guess (which read Latin-1 German as Big5
# and KOI8-R Russian as Thai)
FIELD_CODECS = ("cp1251", "koi8_r", "kz1048", "mac_cyrillic", "cp1254", "cp1252", "cp1250", "iso8859_2")
FIELD_CODEC_FIT = 0.9  # the share of words with other than ASCII letters that must read as words
_WORD = re.compile(r"[^\W\d_]+|[^\w\s!-~]")  # a word, or a symbol that is no ASCII
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
# a word in one script of a single-byte code page's: Latin, Cyrillic, Greek, Hebrew or Arabic (a declared Greek
# code page reads whole Greek words, and is no reason to refuse a text)
_ONE_SCRIPT_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+|[\u0400-\u04ff]+|[\u0370-\u03ff]+|[\u05d0-\u05ea]+"
                              r"|[\u0620-\u064a\u066e-\u06d3]+")
# punctuation beyond ASCII that any text may hold, in any of the code pages that have it: not a sign of one
# ("« quoted »" before cp1251 Russian was read as iso8859-2's "Ť" and "ť", and the Russian refused)
_PUNCTUATION = frozenset("«»–—…“”‘’„‚•·№\u00a0°±§©®™")
# the accented letters of the field's Latin-script languages (German, French, Turkish, Polish, Czech, Romanian,
# Kazakh and Azerbaijani Latin; not "ý", which the Turkish "ı" becomes in cp1252)
_COMMON_LETTERS = frozenset("äöüßÄÖÜéèêëàâçîïôûùœÉÈÊÀÂÇÎÏÔÛÙñáíóúÁÍÓÚğıİşŞĞąćęłńśźżĄĆĘŁŃŚŹŻăȘșȚțŞşə"
                            "řěůčšžťďňŘĚŮČŠŽŤĎŇ")
# Cyrillic letters of Serbian and Macedonian, which the field's texts rarely write, and which cp1251 makes of
# KZ-1048's Kazakh letters ("Аќтґбе" for "Ақтөбе") and Mac Cyrillic of cp1251's capitals; Ukrainian's and
# Belarusian's are not among them
_RARE_CYRILLIC = frozenset("ЂђЃѓЉљЊњЋћЌќЈјЅѕЏџ")
_NOT_KAZAKH = "ЉљЊњЏџЂђЃѓ"  # letters KZ-1048 shares with cp1251 that Kazakh does not write


def _field_codec(head: bytes) -> str | None:
    """The field's encoding that reads *head* as text in Latin or Cyrillic script, if one does: the share of its
    words with other than ASCII letters that are words (one script, lower case, capitalised or in capitals; not
    "Zьge", "зПСГШ" or "¤") at least :data:`FIELD_CODEC_FIT`, the best; of those that read it alike, the one with
    the fewest letters the field's languages rarely write ("Kapıkule", not "Kapýkule"), the first if still
    alike."""
    scores = {codec: score for codec in FIELD_CODECS if (score := _reading(head, codec)) is not None}
    best = max(scores, key=scores.__getitem__, default=None)  # (max keeps the first of equals)
    return best if best is not None and scores[best][0] >= FIELD_CODEC_FIT else None


def _belied(data: bytes, declared: str, fit: str) -> bool:
    """Whether *data* belie the *declared* encoding, which another one, *fit*, reads as words: in *declared*
    they are no words (KOI8-R on cp1251 Russian: "зПСГШ"), Cyrillic words read in Latin letters (Latin-1 on
    cp1251: "Àëìàòû") or with Serbian letters (Mac Cyrillic on cp1251: "јлматы"); not another script's code page
    that reads whole words (Lithuanian cp1257, whose letters
    the field's languages rarely write, read as cp1254; Greek cp1253, read as Cyrillic)."""
    ours = _reading(data, declared)
    return ours is None or ours[0] < FIELD_CODEC_FIT \
        or _mostly(data, fit, _CYRILLIC_WORD) and _mostly(data, declared, _LATIN_WORD) \
        or _rare_cyrillic(data, declared) > _rare_cyrillic(data, fit) + 2 \
        or declared == "kz1048" and _not_kazakh(data)  # (Mac Cyrillic on cp1251: "јлматы"; KZ-1048 on Ukrainian)


def _not_kazakh(data: bytes) -> bool:
    """Whether *data*, read as cp1251, is Ukrainian, not Kazakh in KZ-1048: it has Ukrainian's letters, which
    KZ-1048 reads as Kazakh ones ("Ізмаїла" as "Ізмаүла"), and none of those cp1251 makes of the Kazakh letters
    every Kazakh text writes (қ, ң, ә: "ќ", "ѕ", "ј")."""
    text = data.decode("cp1251", errors="replace")
    return any(c in text for c in "ЄєЇїҐґ") and not any(c in text for c in "ЌќЅѕЈј")


def _rare_cyrillic(data: bytes, codec: str) -> int:
    """How many letters the field's texts rarely write (:data:`_RARE_CYRILLIC`) *data* reads as in *codec*."""
    text = data.decode(codec, errors="replace")
    return sum(text.count(c) for c in _RARE_CYRILLIC)


def _mostly(data: bytes, codec: str, script: re.Pattern) -> bool:
    """Whether most of the words of *data* with other than ASCII letters read in *codec* as words of *script*."""
    words = [w for w in _WORD.findall(data.decode(codec, errors="replace")) if not w.isascii()]
    return bool(words) and sum(bool(script.fullmatch(w)) for w in words) * 2 > len(words)


def _reading(data: bytes, codec: str) -> tuple[float, int] | None:
    """How well *data* reads in *codec*: the share of its words with other than ASCII letters that are words,
    and minus the count of letters the field's languages rarely write (see :func:`_field_codec`); None if it
    cannot be decoded so, or holds no such word."""
    try:
        text = data.decode(codec)
    except (UnicodeError, LookupError):
        return None
    if codec == "kz1048" and any(c in text for c in _NOT_KAZAKH):
        return None  # (Serbian or Macedonian in cp1251, whose ћ and ј KZ-1048 reads as Kazakh letters)
    words = [w for w in _WORD.findall(text) if not w.isascii() and w not in _PUNCTUATION]
    if not words:
        return None
    good = sum((w.islower() or w.isupper() or w.istitle()) and bool(_ONE_SCRIPT_WORD.fullmatch(w))
               for w in words) / len(words)
    rare = sum(c not in _COMMON_LETTERS and not c.isascii() and not "\u0400" <= c <= "\u04ff" or c in _RARE_CYRILLIC
               for w in words for c in w)
    return good, -rare


STDIN = "-"  # the file name that stands for standard input (mentions -)


def document_name(path: Path) -> str:
    """The name mentions give their document: the file name, printable (see :func:`mapper.errors.shown`)."""
    return "stdin" if str(path) == STDIN else shown(path.name)


def document_names(paths: list[Path], under: Path | None = None) -> list[str]:
    """The names mentions give these documents: their paths below the folder *under* if given (a build's
    documents: a name that stays whatever other documents come or go, and that a citation's ``doc`` gives; the
    file name of each in a flat folder such as ``seeds/``), else their file names, or where two share one
    ("a/same.txt", "b/same.txt") their paths below the folder all of them are in; and where two still print
    alike (a file name with a line break and one with a backslash and "n"; "café" composed and decomposed) the
    second is "name [2]", so that no two documents' ids clash and none is taken for the other."""
    if under is not None:
        names = [shown(p.relative_to(under).as_posix()) for p in paths]
    else:
        names = [document_name(p) for p in paths]
    if len({unicodedata.normalize("NFC", n) for n in names}) == len(names):
        return names
    full = [Path(os.path.normpath(p.absolute())) for p in paths]  # (no "..": "../x/a.txt")
    folders = [f.parent for f, p in zip(full, paths) if str(p) != STDIN]
    common = Path(os.path.commonpath(folders)) if folders else Path()
    names = [shown(f.relative_to(common).as_posix()) if str(p) != STDIN else n for f, p, n in zip(full, paths, names)]
    taken: set[str] = set()  # names as they print (composed: "café" typed as "e" and an accent prints as "café")
    for i, name in enumerate(names):
        k = 1
        while unicodedata.normalize("NFC", names[i]) in taken:
            k += 1
            names[i] = f"{name} [{k}]"
        taken.add(unicodedata.normalize("NFC", names[i]))
    return names


LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # what some codecs and JSON's "\ud800" decode to: no character


def _whole_characters(text: str) -> str:
    """*text* with the lone surrogates some codecs decode to ("+2AA-" in UTF-7) as U+FFFD: they are no
    characters, and no output can hold them (the offsets stay)."""
    return LONE_SURROGATE.sub("\ufffd", text) if LONE_SURROGATE.search(text) else text


# invisible (soft hyphen, zero-width space and joiner, word joiner, a byte-order mark inside the text, the
# direction marks, embeddings, overrides and isolates of text copied from right-to-left pages, the Mongolian vowel
# separator; a zero-width non-joiner between Latin or Cyrillic letters, not in Persian, whose words it shapes), and
# a stress mark on a Cyrillic vowel ("Досты́к")
_INVISIBLE = "\u00ad\u200b\u200d\u2060\ufeff\u200e\u200f\u180e" + "".join(map(chr, (*range(0x202A, 0x202F),
                                                                                 *range(0x2066, 0x206A))))
_NOT_READ_CHARS = _INVISIBLE + "\u200c\u0300\u0301"  # (for a quick test first: each is looked for in the text)
_NOT_READ = re.compile(f"(?<=[^\\W\\d_])[{_INVISIBLE}]+(?=[^\\W\\d_])"
                       "|(?<=[A-Za-z\u00c0-\u024f\u0400-\u04ff])\u200c+(?=[A-Za-z\u00c0-\u024f\u0400-\u04ff])"
                       "|(?<=[\u0400-\u04ff])[\u0300\u0301]")
# (inside a word only: an emoji's zero-width joiner, "🤷\u200d♂️", stays, and the offsets after it with it)
# a line's end other than "\n" and "\r\n": a classic Mac file's "\r", a page break, Unicode's line separators
_RARE_LINE_ENDS = "\r\f\v\x85\u2028\u2029"
_RARE_LINE_END = re.compile("\r(?!\n)|[\f\v\x85\u2028\u2029]")


def composed(text: str) -> str:
    """*text* in Unicode's composed form (NFC: a "ü" typed as "u" and a combining diaeresis, as macOS and PDF
    extraction write it, is one letter again), without the stress marks of Cyrillic words ("Досты́к") and
    without invisible characters (a soft hyphen or zero-width joiner inside "Alma‍ty"), so names read letter
    by letter; each rarer line end (a lone "\r", a page break) is a "\n", so lines and sentences end there; a
    backtick between letters is the Uzbek apostrophe it stands for ("Qozog`iston")."""
    return _composed(text, None)


class Offsets:
    """Where each position of a :func:`composed` text was in the text it was composed from: the steps that
    changed lengths (composing letters, leaving characters out), each a list of the positions after a change and
    how far the text as given lies ahead there."""

    def __init__(self) -> None:
        self._steps: list[tuple[list[int], list[int]]] = []

    def add(self, at: list[int], ahead: list[int]) -> None:
        """A step, applied after those added before."""
        if at:
            self._steps.append((at, ahead))

    def __bool__(self) -> bool:
        return bool(self._steps)

    def __call__(self, pos: int) -> int:
        """The position in the text as given of *pos* in the composed text (inside a composed letter: its
        start)."""
        for at, ahead in reversed(self._steps):
            i = bisect.bisect_right(at, pos) - 1
            pos += ahead[i] if i >= 0 else 0
        return pos


def composed_with_offsets(text: str) -> tuple[str, Offsets]:
    """:func:`composed` *text*, and where its positions were in *text*: offsets are reported into the text as
    decoded (the outside contract), though the parser reads the composed one. (Each pass runs only if the text
    holds what it changes: a scan for a character is far faster than a regular expression's pass; a rarer line
    end is swapped one for one.)"""
    offsets = Offsets()
    return _composed(text, offsets), offsets


def _composed(text: str, offsets: Offsets | None) -> str:
    """:func:`composed` *text*, its changes of length noted in *offsets* if given (a data file's strings and a
    citation's quote need none: composed in one pass each)."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text) if offsets is None else _nfc_with_offsets(text, offsets)
    if any(c in text for c in _NOT_READ_CHARS):
        text = _NOT_READ.sub("", text) if offsets is None else \
            _replaced_with_offsets(text, _NOT_READ.finditer(text), lambda m: "", offsets)
    if any(c in text for c in _RARE_LINE_ENDS) and _RARE_LINE_END.search(text):
        text = _RARE_LINE_END.sub("\n", text)
    if "`" in text:  # (one character for another: the offsets stay)
        text = _BACKTICK_APOSTROPHE.sub("\u2018", text)
    return text


# a backtick between letters: Uzbek typed on a keyboard without ʻ ("Qozog`iston", "Qizilo`rda"), read as the
# U+2018 it stands for (round 74: sixteen names lost); a backtick opening or closing Markdown's code stays
_BACKTICK_APOSTROPHE = re.compile(r"(?<=[^\W\d_])`(?=[^\W\d_])")


# a run of letters beyond ASCII with the ASCII character before it (a base letter its combining marks follow):
# composition never joins an ASCII character to the one before it, so each run composes alone
_BEYOND_ASCII_RUN = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")


def _nfc_with_offsets(text: str, offsets: Offsets) -> str:
    """*text* in NFC, the runs it changes noted in *offsets*."""
    def nfc(m: re.Match) -> str | None:
        run = m.group()
        composed_run = unicodedata.normalize("NFC", run)
        return composed_run if composed_run != run else None

    return _replaced_with_offsets(text, _BEYOND_ASCII_RUN.finditer(text), nfc, offsets)


def _replaced_with_offsets(text: str, matches: Iterator[re.Match], replacement, offsets: Offsets) -> str:
    """*text* with each match replaced by ``replacement(match)`` (None: left), the changes of length noted in
    *offsets*: after a replacement, the text as given lies as far ahead as the replaced runs were longer."""
    out, at, ahead, last, delta = [], [], [], 0, 0
    for m in matches:
        new = replacement(m)
        if new is None:
            continue
        out += (text[last: m.start()], new)
        last = m.end()
        if len(new) != m.end() - m.start():
            end = m.start() - delta + len(new)  # (where the replacement ends in the new text)
            delta += m.end() - m.start() - len(new)
            at.append(end)
            ahead.append(delta)
    if not out:
        return text
    out.append(text[last:])
    offsets.add(at, ahead)
    return "".join(out)


def read_document(path: str | os.PathLike[str], encoding: str | None = None) -> Document:
    """Read and decode one document, raising :class:`InputError` on bad input.

    *encoding* declares the codec; otherwise it is detected (see
    :func:`detect_encoding`) and ``Document.guessed`` says whether it had to
    be guessed.
    """
    path = Path(path)  # (standard input is read in chunks: iter_chunks)
    _check_readable(path)
    try:
        with open(path, "rb") as fh:
            data = _AsOpened(fh).read()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", path=path) from None
    declared, head = encoding, sample(data)
    if declared is not None:
        check_declared(head, declared, path)
    encoding = encoding or detect_encoding(head, path)
    page = path.suffix.lower() in HTML_SUFFIXES or _PAGE_START.match(head) is not None  # (a page saved as .txt)
    if declared is None and encoding not in GIVEN and page:
        declared = _page_charset(data, head, encoding)  # (only a page whose bytes are not UTF-8: detection said so)
        encoding = declared or encoding
    counted = _replaced
    try:
        text = data.decode(encoding, _lenient(encoding, declared is not None))
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", path=path) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot be decoded as {encoding} (byte {exc.start})", path=path) from None
    except UnicodeError as exc:  # a codec's own errors (punycode)
        raise InputError(f"cannot be decoded as {encoding} ({exc})", path=path) from None
    text = _whole_characters(text)
    if not text.strip():
        raise InputError("empty document (only white space)", path=path)
    if "\x00" in text:
        raise InputError(f"binary content (NUL characters after decoding as {encoding})", path=path)
    if page or _PAGE_TEXT_START.match(text):  # (a page in UTF-16, or after an XML prolog, is told by its text)
        text = article_text(text, path)
    text, offsets = composed_with_offsets(text)
    return Document(document_name(path), path, text, encoding, guessed=declared is None and encoding not in GIVEN,
                    replaced=_replaced_since(counted), offsets=offsets)


# what a web page opens with, whatever its file's name ("<!DOCTYPE html>", "<html lang=…>"), after a byte-order mark
# and white space (in an ASCII-compatible encoding: a UTF-16 page is read by its suffix only)
_PAGE_HEAD = r"\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.{0,200}?-->\s*)?<(?:!doctype\s+html|html)[\s>]"
_PAGE_START = re.compile(rb"(?:\xef\xbb\xbf)?" + _PAGE_HEAD.encode(), re.IGNORECASE | re.DOTALL)  # (its bytes)
_PAGE_TEXT_START = re.compile("\ufeff?" + _PAGE_HEAD, re.IGNORECASE | re.DOTALL)  # (its text)
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)


def _page_charset(data: bytes, head: bytes, detected: str) -> str | None:
    """The encoding a web page that is not UTF-8 declares in a ``<meta>`` (``charset="windows-1251"``), where its
    bytes read as text in it at least as well as in the *detected* one (see :func:`_reading`); None otherwise: a
    page that lies about its encoding is read as detected (a cp1251 page said to be UTF-16, EBCDIC, KOI8-R or
    Latin-1 would lose every Cyrillic name, as one that any bytes decode in)."""
    found = _META_CHARSET.search(data, 0, 8192)
    if found is None:
        return None
    try:
        codec = codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeError, ValueError):
        return None
    if codec == codecs.lookup(detected).name:
        return codec
    return None if _belied(head, codec, detected) else codec  # (*head*: the sample detection read)


def streamed(path: Path, encoding: str | None) -> bool:
    """Whether *path* is read in chunks (:func:`iter_chunks`) rather than whole: standard input, or a large text
    whose encoding is to be detected; a web page is always read whole, since its article is extracted from all
    of it."""
    return str(path) == STDIN or (encoding is None and path.suffix.lower() not in HTML_SUFFIXES and path.is_file()
                                  and path.stat().st_size > STREAM_THRESHOLD)


LARGE_PAGE_CHARS = 2_000_000  # larger pages are read by _large_page_text: trafilatura's time grows faster
# what is never the article of a page, and the elements that end a line of its text
# what a browser does not show, or shows to no reader (trafilatura read the first two, a large page's reader all
# but the first two): a template, a hidden element, a dialog not open, one hidden from screen readers, one styled
# not to be shown (_styled_not_shown); and the body of a closed <details> (see _drop_not_shown)
_NOT_SHOWN = ("//template|//*[@hidden]|//dialog[not(@open)]"
              "|//*[translate(normalize-space(@aria-hidden), 'TRUE', 'true')='true']")
_SHOWING = {"display": {"none"}, "visibility": {"hidden", "collapse"}}  # a property's values that hide
# the values of display and visibility a browser takes (the first keyword of one): any other drops the declaration
_VALID = {"display": {"none", "block", "inline", "inline-block", "flex", "inline-flex", "grid", "inline-grid", "table",
                      "inline-table", "table-row", "table-cell", "table-row-group", "table-header-group",
                      "table-footer-group", "table-column", "table-column-group", "table-caption", "list-item",
                      "contents", "flow-root", "flow", "run-in", "ruby", "ruby-base", "ruby-text", "ruby-base-container",
                      "ruby-text-container", "math", "-webkit-box", "-webkit-inline-box", "-moz-box",
                      "inherit", "initial", "unset", "revert", "revert-layer"},
          "visibility": {"visible", "hidden", "collapse", "inherit", "initial", "unset", "revert", "revert-layer"}}
# inline elements: one with no text (a wiki's heading anchor, "<span id=\"Route\"></span>") made trafilatura drop the
# text after it up to the end of its paragraph, so its tag goes and the text around stays
_INLINE = "//*[{}]".format(" or ".join(
    f"self::{tag}" for tag in ("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i",
                               "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
                               "u", "var")))
# what no article's text is in, which trafilatura drops: gone before an inline element holding only it is
# unwrapped ("<span class=icon><svg>…</svg></span>" made trafilatura drop the rest of the paragraph too)
_NO_TEXT = "//script|//style|//noscript|//svg|//iframe|//img|//input|//button|//select|//textarea|//object|//embed"
_NOT_ARTICLE = "//script|//style|//noscript|//nav|//header|//footer|//aside|//form|//svg|//iframe"
_BLOCKS = ("p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "br", "blockquote", "pre",
           "section", "article", "dd", "dt", "figcaption", "caption", "table", "ul", "ol", "dl", "summary",
           "details", "dialog", "figure", "main", "address", "hr", "fieldset", "legend", "math")


def article_text(html: str, path: Path) -> str:
    """The article in a saved web page (title, paragraphs, tables), without its menus, scripts and footer."""
    if "<" not in html:
        return html  # plain text saved under a web page's name
    if len(html) > LARGE_PAGE_CHARS:
        return _large_page_text(html, path)
    import trafilatura
    from lxml.html import fromstring
    from trafilatura.utils import repair_faulty_html

    # the tree as trafilatura would parse it, but read past 255 levels of nesting (where it stops silently)
    tree = _parsed(fromstring, repair_faulty_html(html, html[:50].lower()), path)
    if tree.xpath(f"boolean(//*[count(ancestor::*) >= {TRAFILATURA_DEPTH}])"):
        return _large_page_text(html, path)  # (trafilatura reads no deeper: 300 unclosed <table> tags lost the
        # rest of the page)
    _drop_not_shown(tree, _NO_TEXT)
    for element in reversed(tree.xpath(_INLINE)):  # (the innermost first: "<span><b></b></span>" is empty too)
        if not element.text and not len(element):
            element.drop_tag()
    _footnote_marks(tree)
    _prepare_text(tree)
    # precision first: on a page with a short article, recall would keep its menus ("Moscow bureau", "Paris")
    text = trafilatura.extract(tree, favor_precision=True, include_comments=False, include_tables=True,
                               deduplicate=False)
    if not text or not text.strip():
        raise InputError("no article text found in this web page", path=path)
    return text


def _drop_not_shown(tree, also: str) -> None:
    """Drop from *tree* what a browser does not show (:data:`_NOT_SHOWN`; a closed <details> but its summary)
    and the elements *also* finds."""
    for element in {**dict.fromkeys(_styled_not_shown(tree)), **dict.fromkeys(tree.xpath(f"{_NOT_SHOWN}|{also}"))}:
        if element.getparent() is not None:
            element.drop_tree()
    for element in tree.xpath("//*[@style]"):  # (read: trafilatura would drop "display:none;display:block")
        del element.attrib["style"]
    for details in tree.xpath("//details[not(@open)]"):
        details.text = None
        for child in list(details):
            child.tail = None
            if child.tag != "summary":
                child.drop_tree()


def _styled_not_shown(tree) -> list:
    """The elements of *tree* that its style hides ("display: none", "visibility: hidden" or "collapse"): its
    style attributes and its <style> sheets' rules for the screen, cascaded by css-inline as a browser does
    (!important, then the attribute, then the more specific selector, then the later rule). Sheets linked from
    elsewhere are not read; a rule for a state (":hover") or a pseudo-element hides nothing."""
    rules = [rule for style in tree.iter("style") if _for_a_screen(style.get("media") or "")
             for rule in _showing_rules(style.text or "")]
    siblings = sum(1 for rule in rules if "~" in rule.partition("{")[0])
    if siblings and siblings * sum(1 for _ in tree.iter()) > SIBLING_WALKS:  # (each such rule walks each element's
        # siblings: 32,000 of them over 32,000 elements had taken 49 s, hostile pass 26 E6; such a sheet's "~" rules
        # are left unread, the others read)
        rules = [rule for rule in rules if "~" not in rule.partition("{")[0]]
    css = "\n".join(rules)
    styled = (_cascaded(tree, css) if css else None) or [(element, element.get("style"))
                                                         for element in tree.xpath("//*[@style]")]
    return [element for element, style in styled if _hides(style)]


SIBLING_WALKS = 20_000_000  # rules with a "~" combinator times a page's elements that css-inline is given


def _showing_rules(sheet: str) -> list[str]:
    """The rules of a style *sheet* that say whether an element is shown (display, visibility) on a screen, in
    their order: those at the top level and those under an "@media" for a screen (:func:`_for_a_screen`), "@layer",
    "@supports" or "@scope", however deep; one rule a string."""
    import tinycss2

    kept: list[str] = []
    try:
        stack = [iter(tinycss2.parse_stylesheet(sheet, True, True))]  # (a stack, not recursion: 1,000 nested
        while stack:  # @media blocks are a page's too)
            rule = next(stack[-1], None)
            if rule is None:
                stack.pop()
            elif rule.type == "qualified-rule":
                showing = [d.serialize() for d in tinycss2.parse_blocks_contents(rule.content, True, True)
                           if d.type == "declaration" and _valid_showing(d)]  # (an invalid value is none)
                text = f"{tinycss2.serialize(rule.prelude)}{{{';'.join(showing)}}}"
                if showing and not LONE_SURROGATE.search(text):  # (no element's class holds one; css-inline
                    kept.append(text)  # would refuse the whole sheet for it)
            elif rule.type == "at-rule" and rule.content is not None and (
                    rule.lower_at_keyword in ("layer", "supports", "scope")
                    or rule.lower_at_keyword == "media" and _for_a_screen(tinycss2.serialize(rule.prelude))):
                stack.append(iter(tinycss2.parse_rule_list(rule.content, True, True)))
    except RecursionError:  # (tinycss2 parses nested blocks recursively: a sheet nested too deep is not read)
        return []
    return kept


def _for_a_screen(media: str) -> bool:
    """Whether a screen applies rules under "@media *media*": one of its queries is for all media or the
    screen, or not for print ("screen", "only screen", "screen, print", "not print"), with no condition on its
    size or features (which are not known here)."""
    for query in media.lower().split(","):
        words = query.split()
        if words and words[0] == "only":
            words = words[1:]
        if words in (["screen"], ["all"], []) or len(words) == 2 and words[0] == "not" and words[1] in (
                "print", "speech"):
            return True
    return False


_NUMBER = "data-corridor-mapper-number"  # numbers a page's elements while css-inline styles them


def _cascaded(tree, css: str) -> list[tuple] | None:
    """(element, style) for each element of *tree* that *css* or its own style attribute styles: the style
    a browser gives it, written as one attribute by css-inline (which parses the page again: the elements are
    numbered to be found in its output); None where css-inline cannot read the sheet."""
    import css_inline
    from lxml.html import HTMLParser, fromstring, tostring

    elements = [element for element in tree.iter() if isinstance(element.tag, str)]
    for number, element in enumerate(elements):
        element.set(_NUMBER, str(number))
    try:
        styled = css_inline.CSSInliner(inline_style_tags=False, keep_style_tags=True, load_remote_stylesheets=False,
                                       extra_css=css).inline(tostring(tree, encoding="unicode"))
    except (css_inline.InlineError, ValueError):
        styled = ""  # (a sheet css-inline cannot read: the style attributes alone)
    finally:
        for element in elements:
            del element.attrib[_NUMBER]
    if not styled:
        return None  # (the style attributes alone, then)
    copy = fromstring(styled.encode("utf-8"), parser=HTMLParser(encoding="utf-8", huge_tree=True))
    return [(elements[int(element.get(_NUMBER))], element.get("style"))
            for element in copy.xpath(f"//*[@style][@{_NUMBER}]")]


def _hides(style: str) -> bool:
    """Whether an element's *style* attribute hides it: its last "display" or "visibility", an !important one
    first, hides."""
    import tinycss2

    shown: dict[str, tuple[bool, str]] = {}
    for declaration in tinycss2.parse_blocks_contents(style, True, True):
        if declaration.type == "declaration" and _valid_showing(declaration) and (
                declaration.important or not shown.get(declaration.lower_name, (False, ""))[0]):
            shown[declaration.lower_name] = (declaration.important, _first_keyword(declaration))
    return any(value in _SHOWING[name] for name, (_, value) in shown.items())


def _first_keyword(declaration) -> str:
    return next((token.lower_value for token in declaration.value if token.type == "ident"), "")


def _valid_showing(declaration) -> bool:
    """Whether a tinycss2 *declaration* is a display or visibility a browser takes: one of another value is
    dropped, as a browser drops it ("display:none;display:bogus" hides)."""
    return declaration.lower_name in _SHOWING and _first_keyword(declaration) in _VALID[declaration.lower_name]


TRAFILATURA_DEPTH = 240  # a page nested this deep is read as a large one is (trafilatura stops at about 255)


def _footnote_marks(tree) -> None:
    """Write a footnote's number in <sup> as the superscript digits a text would have ("Pavlodar<sup>1</sup>" as
    "Pavlodar¹", which the geoparser reads as the name and its mark; "Pavlodar1" was no name: hostile pass 27,
    E9)."""
    for sup in tree.iter("sup"):
        mark = (sup.text or "").strip()
        if mark.isdigit() and len(mark) <= 3 and not len(sup):
            sup.text = mark.translate(_SUPERSCRIPT_DIGITS)


_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _prepare_text(tree) -> None:
    """Write every "&" of *tree*'s text as "&amp;": trafilatura unescapes the text it returns, so the page's
    "&amp;lt;b&amp;gt;", already "&lt;b&gt;" once parsed, would have come out as "<b>" (decoded twice); and
    what XML forbids, as U+FFFD (:data:`NOT_XML`: a page's "&#xFFFF;"; trafilatura, which writes XML, had
    returned nothing for the whole page)."""
    for element in tree.iter():
        for part in ("text", "tail"):
            value = getattr(element, part)
            if value and ("&" in value or NOT_XML.search(value)):  # (most of a page's text is left unset)
                setattr(element, part, NOT_XML.sub("\ufffd", value.replace("&", "&amp;")))


def _parsed(parse, html: str, path: Path):
    """*html* parsed by lxml's *parse* as trafilatura parses pages, with libxml2's limits raised: nesting up
    to 2,048 levels (not 255). A page nested deeper is refused rather than read in part (libxml2 drops
    everything after the limit)."""
    from lxml import etree
    from lxml.html import HTMLParser

    parser = HTMLParser(encoding="utf-8", huge_tree=True, collect_ids=False, default_doctype=False,
                        remove_comments=True, remove_pis=True)
    try:
        tree = parse(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot read this web page ({exc})", path=path) from None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise InputError("this web page is nested more than 2,048 elements deep: its text cannot be read whole",
                         path=path)
    return tree


def _large_page_text(html: str, path: Path) -> str:
    """A large page's text in time linear in its size (trafilatura took 160 s for 17 MB): the ``article``,
    else ``main``, else ``body`` element, without scripts, menus, headers and footers, a line per block."""
    from lxml.html import document_fromstring

    doc = _parsed(document_fromstring, html, path)
    _drop_not_shown(doc, _NOT_ARTICLE)
    root = (doc.xpath("//article") or doc.xpath("//main") or doc.xpath("//body") or [doc])[0]
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    text = "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())
    if not text:
        raise InputError("no article text found in this web page", path=path)
    return text


def iter_chunks(path: str | os.PathLike[str], encoding: str | None = None) -> Iterator[Chunk]:
    """Yield the :class:`Chunk` s of a large document, or of standard input, decoding as it reads (with *encoding*
    if declared, else the detected one; *replaced*: the bytes so far read as U+FFFD, see :func:`_lenient`).

    Chunks end at a line break where possible (else between words) so that no name is cut; a chunk's offset
    is a ``str`` offset into the whole decoded text, its text composed. Memory stays bounded by
    the chunk size whatever the file size; a NUL character stops the reading (binary data).
    """
    path = Path(path)
    if str(path) == STDIN:  # (in chunks of a streamed file's size: up to that, read as a file of it would be)
        if sys.stdin is None:
            raise InputError("standard input is closed", path=path)
        yield from _decoded_chunks(sys.stdin.buffer, path, encoding, STREAM_THRESHOLD)
        return
    _check_readable(path)
    with open(path, "rb") as fh:
        yield from _decoded_chunks(_AsOpened(fh), path, encoding, CHUNK_CHARS)


class _AsOpened:
    """A file read up to the size it had when opened: one that grows meanwhile (a log being written) ends."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh, self._left = fh, os.fstat(fh.fileno()).st_size

    def read(self, n: int = -1) -> bytes:
        """Up to *n* bytes (all that is left if -1)."""
        data = self._fh.read(self._left if n < 0 else min(n, self._left))
        self._left -= len(data)
        return data


def _decoded_chunks(fh: BinaryIO, path: Path, encoding: str | None, chunk_chars: int) -> Iterator[Chunk]:
    read = [fh.read(SAMPLE_BYTES)]  # ... and on, where detection wants more bytes beyond ASCII (see sample)
    other, size = _other_bytes(read[0]), len(read[0])
    while other < SAMPLE_OTHER_BYTES and size < LOOKAHEAD_BYTES and read[-1]:
        read.append(fh.read(SAMPLE_BYTES))
        other, size = other + _other_bytes(read[-1]), size + len(read[-1])
    head = b"".join(read)
    if not head:
        raise InputError("empty document (nothing on standard input)" if str(path) == STDIN else "empty file",
                         path=path)
    if encoding is not None:
        check_declared(sample(head), encoding, path)
    ascii_so_far = encoding is None and head.isascii()  # (then the encoding is told where other bytes begin)
    declared, encoding = encoding is not None, encoding or detect_encoding(sample(head), path)  # (one or the
    # other: a sample is taken once)
    counted = _replaced
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors=_lenient(encoding, declared))
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", path=path) from None
    offset, pending, blank = 0, "", True
    reads = chain((head[i: i + chunk_chars] for i in range(0, len(head), chunk_chars)),  # (what was read ahead, a
                  # chunk at a time), the rest, and the end
                  iter(lambda: fh.read(chunk_chars), b""), (b"",))
    total = 0
    for raw in reads:
        total += len(raw)
        if total > DOCUMENT_MAX_BYTES:
            raise _too_large(path)
        if ascii_so_far and not raw.isascii():  # (the decoder holds no part of a character: all was ASCII)
            ascii_so_far = False
            encoding = detect_encoding(sample(raw), path)
            decoder = codecs.getincrementaldecoder(encoding)(errors=_lenient(encoding, False))
        try:
            pending += _whole_characters(decoder.decode(raw, final=not raw))
        except UnicodeError:  # (and a codec's own errors: punycode)
            raise InputError(f"cannot be decoded as {encoding}", path=path) from None
        if "\x00" in pending:
            raise InputError(f"binary content (NUL characters after decoding as {encoding})", path=path)
        if not raw:
            break
        if len(pending) >= chunk_chars:
            chunk, pending = _chunk_and_rest(pending)
            blank = blank and not chunk.strip()
            yield _chunk(offset, chunk, encoding, counted)
            offset += len(chunk)
    if blank and not pending.strip():
        raise InputError("empty document (only white space)", path=path)
    if pending:
        yield _chunk(offset, pending, encoding, counted)


def _chunk(offset: int, raw: str, encoding: str, counted: int) -> Chunk:
    """The :class:`Chunk` of the decoded text *raw* at *offset*, composed."""
    text, offsets = composed_with_offsets(raw)
    return Chunk(offset, text, encoding, _replaced_since(counted), offsets)


def _chunk_and_rest(pending: str) -> tuple[str, str]:
    """*pending*, a large document's text read so far, cut where no name can run on, in its second half: after a
    blank line, else after a sentence's end (a name may run on over a line's end mid-sentence: "Қарағанды\\nоблысы",
    "Kara-\\nganda"; not after an abbreviation's dot: "St. Petersburg"), else at a line's end, else between words
    (a line longer than a chunk); both as decoded (the chunk is composed by its reader)."""
    end, half = len(pending) - 1, len(pending) // 2  # (not at the very end: a "\r\n" stays whole)
    cut = pending.rfind("\n\n", half, end) + 2
    if cut < 2:
        last = None
        for last in _SENTENCE_END.finditer(pending, max(half, end - _SENTENCE_LOOKBACK), end):
            pass  # (the last one)
        cut = last.end() if last is not None else (_quiet_break(pending, half, end, "\n")
                                                   or _quiet_break(pending, half, end, " ")
                                                   or pending.rfind("\n", 0, end) + 1 or pending.rfind(" ", 0, end) + 1
                                                   or len(pending) - pending.endswith("\r"))
    return pending[:cut], pending[cut:]  # (cut at a space: no letter is split)


def _quiet_break(text: str, low: int, high: int, sep: str) -> int:
    """Just after the last *sep* (a line's end or a space) in *text* between *low* and *high* that no name can run
    over: not after a hyphen ("Kara-\nganda"), nor after a capitalised word or before one ("Nur\nSultan",
    "Frankfurt am\nMain"), looked for among the last :data:`_QUIET_TRIES`; 0 if none."""
    pos = high
    for _ in range(_QUIET_TRIES):
        at = text.rfind(sep, low, pos)
        if at < 0:
            return 0
        before = text[max(0, at - 40): at].rstrip(" \t\r")
        after = text[at + 1: at + 41].lstrip(" \t\r\n")
        word = before.rsplit(None, 1)[-1] if before.strip() else ""
        if word and word[-1] not in "-\u00ad‐‑" and not word[0].isupper() and not after[:1].isupper():
            return at + 1
        pos = at
    return 0


_QUIET_TRIES = 10_000


_SENTENCE_END = re.compile(r"(?<=[a-zа-яё\d)»”\"]{2})[.!?…;](?=[ \n])")  # (after two lower-case letters or digits)
_SENTENCE_LOOKBACK = 200_000  # characters looked back for one before a large document's chunk is cut


def iter_document_paths(inputs: list[str | os.PathLike[str]]) -> Iterator[Path]:
    """Expand files and directories into document paths, sorted, each once.

    Directories are walked (symlinked directories are not followed, so a
    symlink loop cannot trap the walk); only files with a document suffix are
    taken from them. Files named explicitly are always taken. A file under two
    names (a link, a hard link) is read once, under its own name where a link
    beside it names it too. A folder that cannot be read raises
    :class:`InputError` (its documents would be missing).
    """
    seen: set = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            keyed = [(_same_file_key(c), c) for c in sorted(_documents_under(path))]
            named: dict = {}  # one file's name in a folder: its own, not a link's beside it ("a_alias.txt ->
            for key, cand in sorted(keyed, key=lambda kc: kc[1].is_symlink()):  # report.txt" hid report.txt)
                named.setdefault(key, cand)
            keyed = [(k, c) for k, c in keyed if named[k] == c]
        else:
            keyed = [(_same_file_key(path), path)]
        for key, cand in keyed:
            if key not in seen:
                seen.add(key)
                yield cand


def _same_file_key(path: Path) -> tuple | Path:
    """What *path* is, for telling one file under two names: its device and inode (a link to it, "a/../x.txt"
    and a hard link are one file), or its absolute path where that cannot be told (a link loop, a file gone:
    the reading then says so)."""
    if str(path) == STDIN:
        return path
    try:
        st = path.stat()
        return st.st_dev, st.st_ino
    except (OSError, RuntimeError):
        return Path(os.path.normpath(path.absolute()))


def _documents_under(folder: Path) -> list[Path]:
    """The files with a document suffix under *folder*, walked with a stack rather than recursion (a tree nested
    thousands deep, as an unpacked archive may be, is read too), not into linked folders nor into a build's output
    folder below it (one with a build stamp: its ``map.html`` is no document, "--docs . --out output"), nor the
    outputs a build wrote into one of the folders itself ("--out seeds" of another build), and
    neither hidden files nor hidden folders: "--docs ." had published ``.private/notes.txt`` in the map and read
    ``.venv``'s and ``.git``'s files (as a link to a hidden file is not read; macOS's "._" files are hidden too)."""
    found, stack = [], [folder]
    outputs = {str(folder / rel) for rel in stamped_outputs(folder)}  # (a build's into the documents' own folder:
    # its map.html is no document, hostile pass 30 E4; a stamped folder below is not walked at all)
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.name.startswith(".") or entry.path in outputs:
                        continue
                    if _is_folder(entry):
                        if not entry.is_symlink() and not os.path.lexists(os.path.join(entry.path, STAMP)):
                            stack.append(Path(entry.path))
                    elif entry.name.lower().endswith(DOCUMENT_SUFFIXES):
                        found.append(Path(entry.path))  # (a broken link or a loop too: reported when read)
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:  # (named from the folder given: the path itself is 4 KB or more,
                # hostile pass 30 S7)
                raise InputError(f"holds folders nested {len(current.relative_to(folder).parts):,} deep, past the "
                                 "length of path the system opens: their documents would be left out",
                                 path=folder) from None
            raise InputError(f"cannot read this folder ({exc.strerror or exc}): its documents would be left out",
                             path=current) from None
    return found


def _is_folder(entry: os.DirEntry) -> bool:
    """Whether *entry* is a folder or a link to one (a link that loops or points nowhere is neither)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


_WS = re.compile(r"\s+")


def fold_whitespace(text: str) -> str:
    """Collapse runs of white space to one space (how quotes are compared)."""
    return _WS.sub(" ", text).strip()
