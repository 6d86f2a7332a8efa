"""Read and validate the hand-edited TOML data in ``geodata/`` and ``corridors/``.

Every problem is raised as :class:`~mapper.errors.DataError` with one line
naming the file, the line (where it can be found) or id, and what is wrong.
The schema is documented in ``docs/DATA.md``.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import stat
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from mapper.errors import DataError, InputError
from mapper.geo import on_earth

T = TypeVar("T")

ISO2 = re.compile(r"^[A-Z]{2}$")
#: The most bytes a data file may hold (the largest shipped, geodata/countries.geojson, has about 2 MB): a
#: bigger one is no hand-edited or generated data file, and reading it whole could exhaust the memory.
MAX_DATA_BYTES = 64 * 1024 * 1024
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CLDR_ID = re.compile(r"^(?:country:[A-Z]{2}|place:[a-z0-9][a-z0-9-]*)$")  # an entry of geodata/cldr-names.tsv
FEATURE_CLASSES = set("APSHLTRVU")
CROSSING_MODES = {"rail", "road", "rail,road"}
TERM = re.compile(r"[a-z][a-z_]{0,39}")  # "logistics_centre", "under_construction"
TERM_FIELDS = {"hub": ("kind", "status")}
CROSSING_STATUSES = {"operational", "under_construction", "planned", "reconstruction"}
CROSSING_POSITIONS = {"sourced", "estimated"}
NULLABLE_INTEGERS = ("status_year", "year")  # record fields that are a whole number or absent
LEG_MODES = {"rail", "road", "sea", "river", "pipeline"}
LEG_STATUSES = {"operational", "under_construction", "planned", "reconstruction", "proposed"}
CONFIDENCE = {"high", "medium", "low"}
#: the years a record may give (when a status began, a hub opened, a figure is for): what transport of
#: this age can be dated by; a year beyond is a typo (and one beyond 64 bits breaks the layers)
YEARS = (1800, 2100)
#: whole numbers the records hold, with the range each may take (inclusive)
RANGES = {"status_year": YEARS, "year": YEARS, "population": (0, 2_000_000_000), "mm": (300, 2000)}
#: lists the records hold, with what each item must be: text (non-empty) or a table
ITEMS: dict[str, type] = {"alt_names": str, "posts": str, "countries": str, "estimated_from": str,
                          "post_names": list, "names": str, "not_names": str, "abbreviations": str, "nodes": str,
                          "sources": dict, "leg": dict}
#: fields that are ISO 3166-1 alpha-2 codes (``country`` may be "": none; ``countries`` is a list of them)
ISO_FIELDS = ("country", "iso", "countries")
#: a date in a document manifest: YYYY-MM-DD, YYYY-MM or YYYY (or "": unknown)

_SOURCE_KEYS = {"doc", "quote", "url", "title", "accessed", "note"}
_PAGE_KEYS = {"url", "title", "accessed"}  # (a web page's, which a document's citation does not take)
_NON_EMPTY = {"corridor": ("leg",), "division": ("names",)}  # lists a record of the kind may not leave empty

# field -> (types, required)
_COMMON = {
    "id": (str, True), "name": (str, True), "lat": ((int, float), True),
    "lon": ((int, float), True), "confidence": (str, False), "note": (str, False),
    "sources": (list, True), "alt_names": (list, False),
}
SCHEMAS: dict[str, dict[str, tuple[Any, bool]]] = {
    "place": {**_COMMON, "country": (str, True), "feature_class": (str, True),
              "feature_code": (str, False), "population": (int, False), "names_in": (dict, False),
              "abbreviations": (list, False)},
    "crossing": {**_COMMON, "posts": (list, True), "countries": (list, True), "mode": (str, True),
                 "status": (str, True), "status_year": (int, False), "estimated_from": (list, False),
                 "position": (str, False), "post_names": (list, False)},
    "hub": {**_COMMON, "kind": (str, True), "status": (str, True), "country": (str, True),
            "year": (int, False), "local_name": (str, False)},
    "corridor": {"id": (str, True), "name": (str, True), "status": (str, True),
                 "sources": (list, True), "leg": (list, True), "description": (str, False),
                 "confidence": (str, False), "note": (str, False), "modes": (str, False)},
    "leg": {"mode": (str, True), "status": (str, True), "nodes": (list, True),
            "sources": (list, False), "note": (str, False), "confidence": (str, False),
            "name": (str, False)},
    "figure": {"id": (str, True), "metric": (str, True), "year": (int, True),
               "value": ((int, float), True), "unit": (str, True), "sources": (list, True),
               "period": (str, False), "note": (str, False), "label": (str, False)},
    "country": {"iso": (str, True), "name": (str, True), "alt_names": (list, False),
                "abbreviations": (list, False), "sources": (list, False), "note": (str, False)},
    "alias": {"geonameid": (int, True), "name": (str, True), "names": (list, True), "shown": (str, False),
              "not_names": (list, False), "sources": (list, True), "note": (str, False)},
    "division": {"admin1": (str, True), "name": (str, True), "names": (list, True), "sources": (list, True),
                 "note": (str, False)},
    "gauge": {"mm": (int, True), "countries": (list, True), "sources": (list, True), "note": (str, False)},
    "document": {"file": (str, True), "title": (str, False), "outlet": (str, False), "date": (str, False),
                 "url": (str, False), "author": (str, False), "note": (str, False)},
}


def data_root(path: Path | str | None = None) -> Path:
    """The project folder holding ``geodata/`` and ``corridors/``.

    Order: the argument, ``CORRIDOR_MAPPER_HOME``, the current directory if it
    has both folders, else the checkout this package was installed from.
    """
    if path is not None:
        return _a_project(Path(path), "--data")
    env = os.environ.get("CORRIDOR_MAPPER_HOME")
    if env:
        return _a_project(Path(env), "CORRIDOR_MAPPER_HOME")
    try:
        cwd = Path.cwd()
    except FileNotFoundError:
        raise InputError("the current directory no longer exists (cd to another, or set CORRIDOR_MAPPER_HOME)") \
            from None
    if (cwd / "geodata").is_dir() and (cwd / "corridors").is_dir():
        return cwd
    return Path(__file__).resolve().parent.parent


def _a_project(root: Path, given_by: str) -> Path:
    """*root*, named by *given_by*, if it is a project folder (holding geodata/ or corridors/); else one line
    that says so (not "run scripts/build_country_outlines.py" of a folder that is no project at all)."""
    if not root.exists():  # (check had said "countries.geojson missing", exit 1)
        raise InputError(f"no such folder ({given_by} names the project folder, with geodata/ and corridors/)",
                         path=root)
    if root.is_dir() and not (root / "geodata").is_dir() and not (root / "corridors").is_dir():
        raise InputError(f"is no project folder (it holds no geodata/ or corridors/), as {given_by} must be",
                         path=root)
    return root


def _refuse(st: os.stat_result, path: Path) -> None:
    """Raise DataError unless *st* is that of a regular file of at most MAX_DATA_BYTES: reading a pipe would
    wait for a writer forever, a device such as /dev/zero would never end."""
    if stat.S_ISDIR(st.st_mode):
        raise DataError("is a directory, not a data file", path=path)
    if not stat.S_ISREG(st.st_mode):
        raise DataError("not a regular file (a device, pipe or socket)", path=path)
    if st.st_size > MAX_DATA_BYTES:
        raise DataError(f"too large for a data file ({st.st_size:,} bytes; at most {MAX_DATA_BYTES:,})", path=path)


def data_stat(path: Path) -> os.stat_result:
    """The status of the data file *path* (links followed), which must be a regular file of a sane size."""
    try:
        st = path.stat()
    except OSError as exc:  # missing, a broken link, a link loop, no permission
        raise DataError(f"cannot read ({exc.strerror or exc})", path=path) from None
    _refuse(st, path)
    return st


def read_data(path: Path) -> bytes:
    """The bytes of the data file *path*: every data file is read through here. A directory, a pipe, a
    device or socket, or a file over MAX_DATA_BYTES raises DataError naming it (see :func:`_refuse`): the
    file is opened without waiting for a pipe's writer, and what is opened is what is checked."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    data_stat(path)  # a clear message before opening (opening a socket fails with "no such device")
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise DataError(f"cannot read ({exc.strerror or exc})", path=path) from None
    with os.fdopen(fd, "rb") as fh:
        try:
            _refuse(os.fstat(fd), path)  # replaced since the check above: refused all the same
            data = fh.read(MAX_DATA_BYTES + 1)
        except OSError as exc:
            raise DataError(f"cannot read ({exc.strerror or exc})", path=path) from None
    if len(data) > MAX_DATA_BYTES:  # grew while read
        raise DataError(f"too large for a data file (more than {MAX_DATA_BYTES:,} bytes)", path=path)
    return data


def read_data_text(path: Path, hint: str = "") -> str:
    """The text of the data file *path* (UTF-8, a byte-order mark before it dropped, as Windows editors write
    one; *hint* says how to fix a file that is not)."""
    return _utf8_text(path, read_data(path), hint)


def _utf8_text(path: Path, data: bytes, hint: str = "") -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(f"not UTF-8 text{hint}", path=path) from None


def load_toml(path: Path) -> dict:
    """Parse one TOML file; a syntax error names the file and line.

    Parsed once per content (:func:`_parsed_once`): a build reads the same files for the gazetteer, the network
    and the checks, and a copy of a project reads as its original. Treat the result as read-only.
    """
    return _parsed_once(path, _parse_toml)


_PARSED: dict[tuple[object, bytes], Any] = {}  # what _parsed_once parsed, by parser and content
_PARSED_KEPT = 512


def _parsed_once(path: Path, parse: Callable[[Path, bytes], T]) -> T:
    """*parse* (path, bytes) of the data file *path*, parsed once per content in this process (an error, which
    names *path*, is raised again for each file that holds it)."""
    data = read_data(path)
    key = (parse, hashlib.blake2b(data, digest_size=16).digest())
    if key not in _PARSED:
        if len(_PARSED) >= _PARSED_KEPT:
            del _PARSED[next(iter(_PARSED))]
        _PARSED[key] = parse(path, data)
    return _PARSED[key]


def _composed(value: Any) -> Any:
    """*value* with its strings, in tables and lists, in Unicode's composed form (NFC), as documents are read: a
    name typed in decomposed letters ("Küçük" as macOS writes it) reads, shows and is searched as typed."""
    if isinstance(value, str):
        return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_composed(k): _composed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_composed(v) for v in value]
    return value


def _number_refused(exc: ValueError) -> str:
    """What a parser's ValueError says, shortly: Python refuses integers of more than 4,300 digits."""
    return "a number too long to read (more than 4,300 digits)" if "digits" in str(exc) else str(exc)[:200]


def _parse_toml(path: Path, data: bytes) -> dict:
    try:
        return _composed(tomllib.loads(_utf8_text(path, data)))
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"invalid TOML: {exc}", path=path) from None
    except RecursionError:
        raise DataError("invalid TOML: nested too deeply", path=path) from None
    except ValueError as exc:  # (an integer of thousands of digits, which Python refuses to convert)
        raise DataError(f"invalid TOML: {_number_refused(exc)}", path=path) from None


#: the keys a record is known by in messages (``id``; a country's ``iso``, an alias's ``geonameid``, a gauge's
#: ``mm``, a document's ``file``), quoted or not
_ID_LINE = re.compile(r'^[ \t]*(?:id|iso|geonameid|mm|file)[ \t]*=[ \t]*(?:"([^"\n]*)"|\'([^\'\n]*)\'|([^\s#,]+))',
                      re.MULTILINE)


def line_of(path: Path, ident: str, nth: int = 0) -> int | None:
    """The line where ``id = "<ident>"`` (or ``iso``, ``geonameid``, ``mm``, ``file``) is written (the
    *nth* such line, counting from 0, where it is written more than once), for messages."""
    try:
        st = path.stat()
    except OSError:
        return None
    lines = _id_lines(str(path), st.st_mtime_ns, st.st_size).get(ident, [])
    return lines[min(nth, len(lines) - 1)] if lines else None


@lru_cache(maxsize=256)
def _id_lines(name: str, mtime_ns: int, size: int) -> dict[str, list[int]]:
    """The lines of each ``id``/``iso``/... value in one file version (read once)."""
    try:
        text = read_data_text(Path(name))
    except DataError:
        return {}
    out: dict[str, list[int]] = {}
    for m in _ID_LINE.finditer(text):
        value = next(g for g in m.groups() if g is not None)
        out.setdefault(value, []).append(text.count("\n", 0, m.start()) + 1)
    return out


def where(path: Path, ident: str | None, nth: int = 0) -> str:
    """``file:line: id`` for messages (the line where the id is written; its *nth* where it is repeated)."""
    line = line_of(path, ident, nth) if ident else None
    loc = f"{path}:{line}" if line else str(path)
    return f"{loc}: {ident}" if ident else loc


class Where:
    """:func:`where` computed only when a message is formatted (finding the line reads the file)."""

    def __init__(self, path: Path, ident: str | None, suffix: str = "") -> None:
        self.path, self.ident, self.suffix = path, ident, suffix

    def __str__(self) -> str:
        return where(self.path, self.ident) + self.suffix


# control characters but tab and line break, and Unicode's line separators and direction overrides
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _control_in(value: Any) -> str | None:
    """The first control character in a data value's text (of a list's or table's too), escaped, or None."""
    if isinstance(value, str):
        m = _CONTROL.search(value)
        return None if m is None else f"U+{ord(m.group()):04X}"
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return next((c for c in map(_control_in, items) if c is not None), None)


NAME_FIELDS = ("name", "alt_names", "names", "post_names", "posts", "shown", "not_names",
               "abbreviations")  # the names a text is read by


def on_disk(folder: Path, name: str) -> Path:
    """*folder* / *name*, or the same name in Unicode's other form where only that file exists: data files are read
    composed (NFC), and a file macOS named in decomposed letters (NFD) is cited by the name as it was copied."""
    path = folder / name
    if not os.path.lexists(path):
        for form in ("NFD", "NFC"):
            other = folder / unicodedata.normalize(form, name)
            if os.path.lexists(other):
                return other
    return path


def _a_country(code: str) -> bool:
    """Whether *code* is a country's ISO 3166-1 alpha-2 code (GeoNames' countries, as the command line checks)."""
    from mapper.gazetteer import country_codes  # (gazetteer reads this module's data files: imported when asked)

    return code in country_codes()


def invisible_in(name: str) -> bool:
    """Whether *name* holds an invisible character that documents are read without (a soft hyphen, a zero-width
    space, a direction mark, a Hangul filler, a variation selector); not Persian's zero-width non-joiner, which a
    name is read with as a space."""
    return any(unicodedata.category(ch) == "Cf" and ch != "\u200c" or ch in _BLANK_LETTERS for ch in name)


# letters and marks that show nothing: Hangul fillers, the combining grapheme joiner, variation selectors
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u034f\u2800" + "".join(map(chr, range(0xFE00, 0xFE10))))
# (and the blank Braille pattern, U+2800, which shows nothing either)


def _strings(value: Any) -> Iterator[str]:
    """The strings in *value*, a list (of lists) of them, in order."""
    for item in value if isinstance(value, list) else ():
        if isinstance(item, str):
            yield item
        else:
            yield from _strings(item)


def web_address(url: object) -> bool:
    """Whether *url* is a web address: http or https (in any case) and a host, with no space or control
    character."""
    from urllib.parse import urlsplit

    if not isinstance(url, str) or _CONTROL.search(url) or any(c.isspace() or unicodedata.category(c) == "Cf"
                                                               for c in url):
        return False  # (nor an invisible character: a byte-order mark, a zero-width space)
    try:
        parts = urlsplit(url)
        parts.port  # (a port out of range: "example.com:99999")
    except ValueError:  # ("http://[x": an unclosed IPv6 host)
        return False
    host = (parts.hostname or "").removesuffix(".")  # (a name written whole, "vb.kg.", ends with a dot)
    labels = host.split(".")
    if parts.scheme.lower() not in ("http", "https") or "@" in parts.netloc or parts.port == 0 or not host:
        return False
    if ":" in host:  # an IPv6 address (not with a zone: "fe80::1%eth0")
        return "%" not in host
    if all(label.isdigit() for label in labels):  # an IPv4 address
        return len(labels) == 4 and all(label.isascii() and int(label) <= 255 for label in labels)
    try:  # a label in punycode is checked as a browser shows it ("xn--80ak6aa92e": аррӏе); one that is no punycode
        # is no host name
        labels = [label[4:].encode("ascii").decode("punycode") if label[:4].lower() == "xn--" else label
                  for label in labels]
    except UnicodeError:
        return False
    return all(_HOST_LABEL.fullmatch(label) for label in labels) and not _mixed_script(".".join(labels))


# a host name's label: letters (an internationalised name's too) and digits, hyphens inside ("a..b", "-", "%zz" are
# no host)
_HOST_LABEL = re.compile(r"[^\W_](?:[\w-]{0,61}[^\W_])?")


def _mixed_script(host: str) -> bool:
    """Whether a label of *host* mixes Latin and Cyrillic letters ("exam\u0440le.com", a homograph of example.com)
    or is written in Cyrillic letters that all look like Latin ones ("аррӏе.com": apple.com); "пример.рф" and
    "википедия.su" are names in Cyrillic."""
    for label in host.lower().split("."):
        cyrillic = re.search("[\u0400-\u04ff]", label) is not None
        if cyrillic and (re.search("[a-z]", label) or all(c in _LATIN_LOOKALIKES for c in label if c.isalpha())):
            return True
    return False


_LATIN_LOOKALIKES = frozenset("аеорсухіјѕԁԛԝӏһъьвтмнк")  # Cyrillic letters a Latin one's look-alike (а, е, о, р …)


def check_record(kind: str, rec: Any, path: Path, ident: str | None = None) -> None:
    """Check keys, types and value ranges of one record against its schema: every number finite, whole
    numbers in their :data:`RANGES`, the items of lists (:data:`ITEMS`), ISO codes (:data:`ISO_FIELDS`),
    coordinates, sources."""
    ident = ident or (rec.get("id") if isinstance(rec, dict) else None)
    loc = Where(path, ident if isinstance(ident, str) else None)
    if not isinstance(rec, dict):
        raise DataError(f"{loc}: a [[{kind}]] entry must be a table")
    schema = SCHEMAS[kind]
    for key in rec:
        if key not in schema:
            near = [k for k in schema if _similar(k, key)]
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            raise DataError(f"{loc}: unknown key {key!r} in {kind}{hint}")
    for key, (types, required) in schema.items():
        if key not in rec:
            if required:
                raise DataError(f"{loc}: {kind} is missing {key!r}")
            continue
        if not isinstance(rec[key], types) or isinstance(rec[key], bool):
            raise DataError(f"{loc}: {key!r} has the wrong type ({type(rec[key]).__name__})")
    for key, value in rec.items():
        control = _control_in(value)
        if control is not None:  # (a name that retitles or clears the terminal it is printed on)
            raise DataError(f"{loc}: {key} holds the control character {control} (text only)")
        bad = _non_finite(value)
        if bad is not None:  # TOML has nan and inf, JSON 1e999: no coordinate, value or year
            raise DataError(f"{loc}: {key} must be a finite number, not {bad}")
        if key in RANGES and not RANGES[key][0] <= value <= RANGES[key][1]:
            raise DataError(f"{loc}: {key} out of range ({value}; {RANGES[key][0]} to {RANGES[key][1]})")
        if key in ITEMS and not all(isinstance(item, ITEMS[key]) and (ITEMS[key] is not str or item.strip())
                                    for item in value):
            what = {str: "non-empty text", dict: "tables", list: "lists"}[ITEMS[key]]
            raise DataError(f"{loc}: {key} must be a list of {what}")
    for key in ("name", "shown"):
        if isinstance(rec.get(key), str) and not rec[key].strip():
            raise DataError(f"{loc}: {key} must be non-empty text")
    for key in TERM_FIELDS.get(kind, ()):  # (a hub's kind and status: a word the map shows as it is)
        if key in rec and not TERM.fullmatch(rec[key]):
            raise DataError(f"{loc}: {key} must be a term of lower-case letters and '_' ({rec[key]!r})")
    for key in ("name", "alt_names", "names"):  # (a record's own name too: "-", "🚂🚂", U+FFFD)
        value = rec.get(key, [])
        for name in [value] if isinstance(value, str) else value if isinstance(value, list) else []:
            if isinstance(name, str) and not any(ch.isalnum() for ch in name):
                raise DataError(f"{loc}: {key} holds {name!r}, which has no letter (no name)")
    for key in NAME_FIELDS:
        names = rec.get(key)
        for name in [names] if isinstance(names, str) else _strings(names):
            if invisible_in(name):
                raise DataError(f"{loc}: {key} holds {name!r}, with an invisible character (a soft hyphen, a "
                                "zero-width space, a direction mark) that no text is read with")
    if "id" in schema and not ID.match(rec["id"]):
        raise DataError(f"{loc}: id must be lower-case letters, digits and '-'")
    if "lat" in rec:
        lat, lon = rec["lat"], rec["lon"]
        if not on_earth(lat, lon):
            raise DataError(f"{loc}: coordinate out of range (lat={lat}, lon={lon})")
    if rec.get("confidence", "high") not in CONFIDENCE:
        raise DataError(f"{loc}: confidence must be one of {sorted(CONFIDENCE)}")
    for key in ISO_FIELDS:
        codes = rec.get(key, [])
        for code in codes if isinstance(codes, list) else [codes]:
            if not ISO2.match(code) and not (key == "country" and code == ""):
                raise DataError(f"{loc}: {key} must be {'' if key == 'countries' else 'an '}ISO-2 "
                                f"code{'s' if key == 'countries' else ''} (two capital letters), not {code!r}")
            if code and key != "iso" and not _a_country(code):  # ("XX" had passed, and a hub's point was then
                # never checked; countries.toml's own codes are checked against GeoNames' countries with their file)
                raise DataError(f"{loc}: {key} {code!r} is no country's ISO 3166-1 alpha-2 code")
    for key in _NON_EMPTY.get(kind, ()):
        if not rec.get(key):  # (a route of no leg stopped every command with an IndexError)
            raise DataError(f"{loc}: {key} must not be empty")
    if kind == "crossing" and (len(rec["countries"]) != 2 or len(rec["posts"]) != 2 or not all(
            isinstance(x, str) and x for x in rec["posts"])):  # (three had stopped every command: an IndexError)
        raise DataError(f"{loc}: a crossing needs two countries and two post names")
    other = rec.get("post_names")
    if other is not None and (len(other) != 2 or not all(
            isinstance(names, list) and all(isinstance(n, str) and n for n in names) for names in other)):
        raise DataError(f"{loc}: post_names must be two lists of names, the other names of each post")
    for src in rec.get("sources", []):
        check_source(src, loc)
    if "sources" in schema and schema["sources"][1] and not rec.get("sources"):
        raise DataError(f"{loc}: no sources: every fact needs a citation")


def _non_finite(value: Any) -> float | None:
    """The first number in *value* (a list's or table's, at any depth) that is NaN or infinite, if any."""
    if isinstance(value, float):
        return None if math.isfinite(value) else value
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return next((bad for bad in map(_non_finite, items) if bad is not None), None)


def check_source(src: Any, loc: str) -> None:
    """Refuse a source that is neither a document's quote nor a web page (one line naming the record)."""
    if not isinstance(src, dict) or not (set(src) <= _SOURCE_KEYS) or "doc" in src and set(src) & _PAGE_KEYS:
        raise DataError(f"{loc}: a source must be {{doc, quote}} or {{url, title, accessed}} (not both)")
    if "doc" in src:
        if not isinstance(src.get("quote"), str) or not src["quote"].strip():
            raise DataError(f"{loc}: a doc citation needs a non-empty quote")
        if not _a_phrase(src["quote"]):
            raise DataError(f"{loc}: a doc citation's quote must be a phrase, three words or more (or twenty "
                            f"characters; eight of Chinese), not {src['quote'][:40]!r}: a word or a mark is found in "
                            "any document")
        doc = src["doc"]
        from mapper.documents import DOCUMENT_SUFFIXES

        if not (isinstance(doc, str) and _relative_inside(doc) and doc.lower().endswith(DOCUMENT_SUFFIXES)):
            raise DataError(f"{loc}: doc must name a document of the seeds (a path relative to seeds/, without "
                            f"'..' or a hidden folder, of a document's suffix: {', '.join(DOCUMENT_SUFFIXES)}), not "
                            f"{doc!r}")
    elif "url" in src:
        if not web_address(src["url"]):
            raise DataError(f"{loc}: source url must be a web address (http:// or https:// and a host)")
        if "accessed" in src and not _past_date(src["accessed"], parts=(3,)):
            accessed = src["accessed"]
            raise DataError(f"{loc}: accessed must be the date the page was read (\"YYYY-MM-DD\", a day of the "
                            f"calendar, not to come), not {str(accessed)[:40]!r}"
                            + ("" if isinstance(accessed, str) else " (a TOML date: write it in quotes)"))
    else:
        raise DataError(f"{loc}: a source needs either doc+quote or url")


def _a_phrase(quote: str) -> bool:
    """Whether *quote* is long enough to cite where it stands: three words, twenty characters (an address the
    document gives), or eight characters of Chinese."""
    words = quote.split()
    text = " ".join(words)  # (spaces padded in count for nothing: "of          the")
    return len(words) >= 3 or len(text) >= 20 or len(text) >= 8 and any(c >= "\u2e80" for c in text)


def _similar(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio() >= 0.75


def _files(folder: Path) -> list[Path]:
    """The TOML files of *folder*, not hidden ones: an editor's lock (".#hubs.toml", a link while hubs.toml is
    edited) or a hidden copy (".old.toml") is no data (hostile pass 27, S8). A file where a data folder goes is
    refused (``check`` had said "ok: 0 corridors": hostile pass 28, E6); a missing folder holds nothing (the
    corridors the contract requires are missing then: ``check`` says so)."""
    if not folder.is_dir():
        if os.path.lexists(folder):
            raise DataError("is not a folder (a data folder of .toml files goes here)", path=folder)
        return []
    return sorted(p for p in folder.glob("*.toml") if not p.name.startswith("."))


def records(root: Path, folder: str, kind: str) -> Iterator[tuple[dict, Path]]:
    """Every ``[[kind]]`` record of every TOML file in *folder*, validated, ids unique."""
    return _unique_records(_files(root / folder), kind)


def _unique_records(paths: list[Path], kind: str) -> Iterator[tuple[dict, Path]]:
    """Every ``[[kind]]`` record of the files *paths*, validated, ids unique."""
    seen: dict[str, Path] = {}
    for path in paths:
        for rec in _table_records(path, kind, "id"):
            if rec["id"] in seen:
                raise DataError(f"{where(path, rec['id'])}: duplicate id (also in {seen[rec['id']]})")
            seen[rec["id"]] = path
            yield rec, path


def curated_places(root: Path) -> Iterator[tuple[dict, Path]]:
    """Curated gazetteer entries from ``geodata/places/*.toml``; ``names_in``, if given, maps a language's code
    to names read only in a text of that language (Turkish "Hazar", the Caspian; an English "Hazar" is the Turkmen
    town)."""
    for rec, path in records(root, "geodata/places", "place"):
        if rec["feature_class"] not in FEATURE_CLASSES:
            raise DataError(f"{where(path, rec['id'])}: feature_class must be one of A P S H L T R V U")
        for lang, names in rec.get("names_in", {}).items():
            if not (re.fullmatch(r"[a-z]{2}", lang) and isinstance(names, list) and names
                    and all(isinstance(n, str) and any(c.isalpha() for c in n) for n in names)):
                raise DataError(f"{where(path, rec['id'])}: names_in must map language codes (\"tr\") to lists "
                                f"of names, not {lang!r} = {str(names)[:40]}")
        yield rec, path


def _table_records(path: Path, kind: str, key: str) -> Iterator[dict]:
    """The ``[[kind]]`` records of the one-table file *path*, each checked against its schema and known in
    messages by its *key* (``iso`` = "KZ" as KZ)."""
    data = load_toml(path)
    extra = set(data) - {kind}
    if extra:
        raise DataError(f"unknown top-level table {sorted(extra)[0]!r} (expected [[{kind}]])", path=path)
    items = data.get(kind, [])
    if not isinstance(items, list):
        raise DataError(f"{kind} must be an array of tables ([[{kind}]])", path=path)
    for rec in items:
        ident = rec.get(key) if isinstance(rec, dict) else None
        check_record(kind, rec, path, None if ident is None else str(ident))
        yield rec


@lru_cache(maxsize=4)
def aliases(root: Path) -> dict[int, list[str]]:
    """Extra names for GeoNames places from ``geodata/aliases.toml``, by geonameid (that the geonameid is
    a GeoNames place's is checked with the gazetteer: :class:`mapper.gazetteer.Overlay`)."""
    out: dict[int, list[str]] = {}
    for rec in _alias_records(root):
        out.setdefault(rec["geonameid"], []).extend(rec["names"])
    return out


@lru_cache(maxsize=4)
def not_names(root: Path) -> dict[int, list[str]]:
    """Names GeoNames gives places that no text of the field means them by, from ``geodata/aliases.toml``'s
    ``not_names``, by geonameid: a medieval name that is another town's today ("Talas", Taraz's, is the
    Kyrgyz town)."""
    out: dict[int, list[str]] = {}
    for rec in _alias_records(root):
        out.setdefault(rec["geonameid"], []).extend(rec.get("not_names", ()))
    return {gid: names for gid, names in out.items() if names}


@lru_cache(maxsize=4)
def shown_names(root: Path) -> dict[int, str]:
    """The names ``geodata/aliases.toml`` shows GeoNames places by, where GeoNames' own misleads on a map
    (Jalal-Abad's record is named "Manas", Horgos's "Qarasu"), by geonameid."""
    return {rec["geonameid"]: rec["shown"] for rec in _alias_records(root) if "shown" in rec}


@lru_cache(maxsize=4)
def _alias_records(root: Path) -> tuple[dict, ...]:
    """The ``[[alias]]`` records of ``geodata/aliases.toml``, read once for :func:`aliases` and
    :func:`shown_names`."""
    path = root / "geodata" / "aliases.toml"
    return tuple(_table_records(path, "alias", "geonameid")) if path.exists() else ()


@lru_cache(maxsize=4)
def division_names(root: Path) -> dict[str, list[str]]:
    """Extra names of first-level divisions (``geodata/admin1.tsv``, GeoNames' admin1, which gives most only in
    English) from ``geodata/divisions.toml``, by admin1 code ("TM.04": «Лебапский велаят»); that the code is a
    division's is checked with the gazetteer (:class:`mapper.gazetteer.Overlay`)."""
    path = root / "geodata" / "divisions.toml"
    out: dict[str, list[str]] = {}
    for rec in _table_records(path, "division", "admin1") if path.exists() else ():
        out.setdefault(rec["admin1"], []).extend(rec["names"])
    return out


def country_names(root: Path) -> dict[str, dict]:
    """Alternate country names from ``geodata/countries.toml`` keyed by ISO-2, one record per code (that
    the code is a GeoNames country's is checked with the gazetteer: :class:`mapper.gazetteer.Overlay`)."""
    path = root / "geodata" / "countries.toml"
    if not path.exists():
        return {}
    out: dict[str, dict] = {}
    for rec in _table_records(path, "country", "iso"):
        if rec["iso"] in out:
            raise DataError(f"{where(path, rec['iso'], 1)}: iso given twice, to {out[rec['iso']]['name']!r} and "
                            f"{rec['name']!r}")
        out[rec["iso"]] = rec
    return out


def _tsv_rows(path: Path, columns: tuple[str, ...], script: str) -> list[tuple[int, dict]]:
    """The rows of a tab-separated file written by *script*, each with its line number (a header line
    naming at least *columns*; lines starting with # are comments)."""
    text = read_data_text(path, f": rerun {script}")
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line and not line.startswith("#")]
    records = iter([line.split("\t") for _, line in numbered])  # (no quoting: a field of any length)
    header = next(records, [])
    missing = [c for c in columns if c not in header]
    if missing:
        raise DataError(f"no header line naming {', '.join(missing)}: rerun {script}", path=path)
    for n, line in numbered:
        if _CONTROL.search(line.replace("\t", " ")):  # (a name that retitles or clears the terminal)
            raise DataError(f"line {n}: a control character (data files hold none)", path=path)
    rows = []
    for (n, _), values in zip(numbered[1:], records):
        if len(values) != len(header):
            raise DataError(f"line {n}: {len(values)} fields where the header names {len(header)}", path=path)
        rows.append((n, dict(zip(header, values))))
    return rows


def admin1_divisions(root: Path) -> list[dict]:
    """The first-level divisions in ``geodata/admin1.tsv`` (none if the file is absent), with ``lat``,
    ``lon`` and ``population`` as numbers and ``names`` as a list."""
    path = root / "geodata" / "admin1.tsv"
    if not path.exists():
        return []
    rows = []
    for n, rec in _tsv_rows(path, ("country", "code", "names", "lat", "lon", "population"), "scripts/build_admin1.py"):
        try:
            rec["lat"], rec["lon"], rec["population"] = float(rec["lat"]), float(rec["lon"]), int(rec["population"])
        except ValueError:
            rec["lat"] = rec["lon"] = float("nan")
        rec["names"] = [name for name in rec["names"].split("|") if name]
        if not rec["names"] or not (-90 <= rec["lat"] <= 90 and -180 <= rec["lon"] <= 180):
            raise DataError(f"line {n}: names, a population and lat, lon in range are required", path=path)
        rows.append(rec)
    return rows


@lru_cache(maxsize=4)
def neighbours(root: Path) -> dict[str, frozenset[str]]:
    """The countries near each country's outline, from ``geodata/neighbours.tsv`` (scripts/build_neighbours.py;
    none if the file is absent)."""
    path = root / "geodata" / "neighbours.tsv"
    if not path.exists():
        return {}
    out = {}
    for n, rec in _tsv_rows(path, ("country", "neighbours"), "scripts/build_neighbours.py"):
        if not ISO2.fullmatch(rec["country"]) or not all(map(ISO2.fullmatch, rec["neighbours"].split())):
            raise DataError(f"line {n}: a country and its neighbours (maybe none) as ISO-2 codes are required",
                            path=path)
        out[rec["country"]] = frozenset(rec["neighbours"].split())
    return out


CLDR_ENGLISH_ZIPF_MAX = 3.5  # a CLDR name this common as an English word is read in a text of its language only


#: the languages whose CLDR names of countries and regions geodata/cldr-names.tsv holds
CLDR_LANGUAGES = ("fr", "de", "pl", "it", "es", "ro", "nl", "cs", "hu", "tr", "az", "uz", "kk", "ky", "tk", "tg",
                  "ru", "uk", "be", "mn", "zh", "uz_Cyrl",  # (Uzbek in Cyrillic: "Қозоғистон", as state media write it)
                  "fa", "ar",  # (Persian and Arabic: "روسیه", "قزاقستان")
                  "ka", "hy",  # (Georgian: "საქართველო", "თურქეთი"; Armenian: "Վրաստան", "Թուրքիա")
                  "lv", "lt")  # (Latvian and Lithuanian, of the Baltic ports' news: "Krievija", "Kazachstanas")


@lru_cache(maxsize=4)
def cldr_rows(root: Path) -> tuple[dict, ...]:
    """The rows of ``geodata/cldr-names.tsv`` (scripts/build_cldr_names.py; none if the file is absent)."""
    path = root / "geodata" / "cldr-names.tsv"
    if not path.exists():
        return ()
    rows, seen = [], set()
    for n, rec in _tsv_rows(path, ("id", "lang", "name", "read"), "scripts/build_cldr_names.py"):
        if not CLDR_ID.fullmatch(rec["id"]) or not any(ch.isalpha() for ch in rec["name"]) \
                or rec["read"] not in ("all", "language") or rec["lang"] not in CLDR_LANGUAGES:
            raise DataError(f"line {n}: an id (country:XX or place:slug), a language's code (one of "
                            f"{', '.join(CLDR_LANGUAGES)}), a name with a letter and read (all or language) are "
                            "required", path=path)
        if invisible_in(rec["name"]):  # (documents are read without them)
            raise DataError(f"line {n}: {rec['name']!r} holds an invisible formatting character (a zero-width "
                            "space, soft hyphen or byte-order mark): no text would match it", path=path)
        row = (rec["id"], rec["lang"], rec["name"])
        if row in seen:
            raise DataError(f"line {n}: {rec['id']} {rec['lang']} {rec['name']!r} is listed twice", path=path)
        seen.add(row)
        rows.append(rec)
    return tuple(rows)


def cldr_names(root: Path) -> dict[str, tuple[str, ...]]:
    """Other names of countries and world regions in the field's languages, read in any text, by entry id
    ("country:CN": "Chine", "Chiny"…), from ``geodata/cldr-names.tsv``."""
    out: dict[str, list[str]] = {}
    for rec in cldr_rows(root):
        if rec["read"] == "all":
            out.setdefault(rec["id"], []).append(rec["name"])
    return {k: tuple(v) for k, v in out.items()}


def cldr_names_in(root: Path, lang: str) -> dict[str, list[str]]:
    """The names ``geodata/cldr-names.tsv`` gives in the language *lang*, by entry id ("kk": {"country:RU": ["Ресей"]})."""
    out: dict[str, list[str]] = {}
    for rec in cldr_rows(root):
        if rec["lang"] == lang:
            out.setdefault(rec["id"], []).append(rec["name"])
    return out


def cldr_language_names(root: Path) -> dict[str, dict[str, str]]:
    """The names of ``geodata/cldr-names.tsv`` read only in a text of their language, as the entry id each
    names, by language ("es": {"Europa": "place:europe"})."""
    out: dict[str, dict[str, str]] = {}
    for rec in cldr_rows(root):
        if rec["read"] == "language":
            out.setdefault(rec["lang"], {})[rec["name"]] = rec["id"]
    return out


def curated_admin1_codes(root: Path) -> dict[str, str]:
    """The GeoNames admin1 code of each curated first-level division, by place id, from
    ``geodata/admin1-curated.tsv`` (none if the file is absent)."""
    path = root / "geodata" / "admin1-curated.tsv"
    if not path.exists():
        return {}
    out = {}
    for n, rec in _tsv_rows(path, ("place", "code"), "scripts/build_admin1.py"):
        if not (rec["place"] and rec["code"]):
            raise DataError(f"line {n}: every row needs a place and a code", path=path)
        out[rec["place"]] = rec["code"]
    return out


def _rings_of_positions(coordinates: Any, depth: int) -> bool:
    """Whether *coordinates* nest lists *depth* deep down to rings (2: a Polygon's, 3: a MultiPolygon's), none
    empty, around positions of two numbers."""
    if not isinstance(coordinates, list) or not coordinates:
        return False
    if depth == 1:
        return all(isinstance(p, list) and len(p) == 2 and all(_number(x) for x in p) for p in coordinates)
    return all(_rings_of_positions(c, depth - 1) for c in coordinates)


def country_outlines(root: Path) -> dict:
    """The Natural Earth country outlines shipped in ``geodata/countries.geojson`` (read once per content)."""
    path = root / "geodata" / "countries.geojson"
    if not path.exists():
        raise DataError("missing: run scripts/build_country_outlines.py", path=path)
    return _parsed_once(path, _outlines)


def _outlines(path: Path, text: bytes) -> dict:
    try:
        data = json.loads(_utf8_text(path, text, ": rerun scripts/build_country_outlines.py"))
    except json.JSONDecodeError as exc:
        raise DataError(f"invalid JSON: {exc}", path=path) from None
    except RecursionError:
        raise DataError("invalid JSON: nested too deeply", path=path) from None
    except ValueError as exc:
        raise DataError(f"invalid JSON: {_number_refused(exc)}", path=path) from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list) or not features:
        raise DataError("not a GeoJSON FeatureCollection: rerun scripts/build_country_outlines.py", path=path)
    seen: dict[str, int] = {}
    for i, f in enumerate(features):
        props = f.get("properties") if isinstance(f, dict) else None
        geometry = f.get("geometry") if isinstance(f, dict) else None
        if not (isinstance(props, dict) and isinstance(props.get("iso"), str) and ISO2.match(props["iso"])
                and isinstance(props.get("name"), str)
                and all(_number(props.get(k)) for k in ("label_lat", "label_lon"))
                and isinstance(geometry, dict) and geometry.get("type") in ("Polygon", "MultiPolygon")
                and isinstance(geometry.get("coordinates"), list)):
            raise DataError(f"feature {i}: an ISO-2 iso, a name, label_lat, label_lon and a (Multi)Polygon "
                            "are required", path=path)
        if not _rings_of_positions(geometry["coordinates"], 2 if geometry["type"] == "Polygon" else 3):
            raise DataError(f"feature {i} ({props['iso']}): an outline must hold rings of [lon, lat] positions "
                            "(two numbers each), and at least one", path=path)
        iso = props["iso"]
        if iso in seen:
            raise DataError(f"feature {i} ({iso}): iso {iso} is feature {seen[iso]}'s too", path=path)
        seen[iso] = i
        problem = _outline_problem(geometry, (props["label_lon"], props["label_lat"]))
        if problem:
            raise DataError(f"feature {i} ({iso}): {problem}", path=path)
    return data


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _position_problem(pos: Any) -> str | None:
    """What is wrong with a GeoJSON position (lon, lat), if anything."""
    if not (isinstance(pos, list) and len(pos) in (2, 3) and all(map(_number, pos))):
        return f"a position must be [lon, lat], not {json.dumps(pos)[:40]}"
    lon, lat = pos[0], pos[1]
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return f"coordinate not a finite number ({lon}, {lat})"
    if not on_earth(lat, lon):
        return f"coordinate out of range ({lon}, {lat})"
    return None


def _outline_problem(geometry: dict, label: tuple[Any, Any]) -> str | None:
    """What is wrong with a country's (Multi)Polygon or its label point (lon, lat), if anything: every
    position finite and in range, every ring closed and of four positions or more."""
    bad = _position_problem(list(label))
    if bad:
        return f"label_lon, label_lat: {bad}"
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return f"a {geometry['type']} must hold lists of rings"
        for ring in polygon:
            if not isinstance(ring, list) or len(ring) < 4:
                return "a ring must be a list of four positions or more"
            for pos in ring:
                bad = _position_problem(pos)
                if bad:
                    return bad
            if ring[0] != ring[-1]:
                return f"a ring is not closed (it starts at {ring[0]} and ends at {ring[-1]})"
    return None


def country_points(root: Path) -> dict[str, tuple[float, float]]:
    """A representative (lat, lon) inside each country's outline."""
    return {f["properties"]["iso"]: (f["properties"]["label_lat"], f["properties"]["label_lon"])
            for f in country_outlines(root)["features"]}


def gauges(root: Path) -> dict[str, int]:
    """Main-line track gauge (mm) per country, from ``geodata/gauges.toml`` (one gauge per country)."""
    path = root / "geodata" / "gauges.toml"
    out: dict[str, int] = {}
    if not path.exists():
        return out
    for rec in _table_records(path, "gauge", "mm"):
        for iso in rec["countries"]:
            if iso in out:
                raise DataError(f"{where(path, str(rec['mm']))}: {iso} has a gauge already ({out[iso]} mm)")
            out[iso] = rec["mm"]
    return out


def _past_date(text: object, parts: tuple[int, ...] = (1, 2, 3)) -> bool:
    """Whether *text* is a date written YYYY-MM-DD, YYYY-MM or YYYY (as many parts as *parts* allows) that the
    calendar has and that has begun somewhere on Earth (UTC+14, whatever the local time zone: hostile pass 30
    S6): not 30 February, not a page read in 2999."""
    import datetime as dt

    if not (isinstance(text, str) and _DATE.fullmatch(text) and text.count("-") + 1 in parts):
        return False
    parts = tuple(int(part) for part in text.split("-"))
    try:
        day = dt.date(*parts, *(1,) * (3 - len(parts)))
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= day <= (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=14)).date()


_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")  # (ASCII digits: not "２０２５")
# a figure's period: the first and last month it covers, in order ("2022-01/2022-10")
_PERIOD = re.compile(r"(\d{4}-(?:0[1-9]|1[0-2]))/(\d{4}-(?:0[1-9]|1[0-2]))")


FIGURE_MAX = 1e15  # a figure's value this large or larger (in any unit) is a typo: no chart or table scales to it


def figures(root: Path) -> list[dict]:
    """Figures from ``corridors/figures.toml``; ``conflict`` is True when sources disagree.

    Two figures conflict when they have the same metric, year and unit (and
    period) but different values.
    """
    path = root / "corridors" / "figures.toml"
    if not path.exists():
        return []
    out = [dict(rec) for rec, _ in _unique_records([path], "figure")]
    for f in out:
        if "period" in f and not ((m := _PERIOD.fullmatch(f["period"])) and m.group(1) <= m.group(2)):
            raise DataError(f"{Where(path, f['id'])}: period must be YYYY-MM/YYYY-MM, its first month first, not "
                            f"{f['period'][:40]!r}")
        if abs(f["value"]) >= FIGURE_MAX:
            raise DataError(f"{Where(path, f['id'])}: value {f['value']!r} is beyond any figure of the field "
                            f"(over {FIGURE_MAX:.0e} in size): a typo?")
    groups: dict[tuple, set] = {}
    for f in out:
        groups.setdefault((f["metric"], f["year"], f["unit"], f.get("period", "")), set()).add(f["value"])
    for f in out:
        f["conflict"] = len(groups[(f["metric"], f["year"], f["unit"], f.get("period", ""))]) > 1
    return out


def crossing_position(rec: dict) -> str:
    """Whether a crossing's point is published ("sourced") or not ("estimated"; always so with ``estimated_from``)."""
    return "estimated" if rec.get("estimated_from") else rec.get("position", "sourced")


#: the tables of the word lists (:func:`word_lists`) that map words to text, with the pattern each text must
#: match (a demonym's country: an ISO-2 code, or "" for none), or None for any non-empty text
WORD_TEXT_TABLES: dict[str, re.Pattern | None] = {
    "demonyms": re.compile(r"^(?:[A-Z]{2})?$"), "russian_demonyms": re.compile(r"^[A-Z]{2}$"), "waters.russian": None,
    "waters.after_the": None}


def word_lists(path: Path) -> dict:
    """The parser's word lists in *path* (``geodata/stopnames.toml``, ``geodata/person_names.toml``), their
    shape checked: tables of lists of words (non-empty text) or of tables, but for the tables of
    :data:`WORD_TEXT_TABLES`, which map words to text."""
    data = load_toml(path)
    _check_words(path, data, "")
    return data


def _check_words(path: Path, table: dict, name: str) -> None:
    for key, value in table.items():
        full = f"{name}.{key}" if name else key
        if name in WORD_TEXT_TABLES:
            pattern = WORD_TEXT_TABLES[name]
            if not isinstance(value, str) or not (pattern.match(value) if pattern else value.strip()):
                what = "an ISO-2 code or \"\"" if pattern else "non-empty text"
                raise DataError(f"{_word_where(path, name, key)}: {full}: must be {what}, not {value!r}")
        elif isinstance(value, dict):
            _check_words(path, value, full)
        elif not name:
            raise DataError(f"{_word_where(path, name, key)}: {full}: must be a table ([{full}]) of word lists")
        elif not (isinstance(value, list) and all(isinstance(w, str) and w.strip() for w in value)):
            raise DataError(f"{_word_where(path, name, key)}: {full}: must be a list of words (non-empty text), "
                            f"not {str(value)[:60]}")
        elif (letterless := next((w for w in value if not any(c.isalpha() for c in w)), None)) is not None:
            raise DataError(f"{_word_where(path, name, key)}: {full}: {letterless!r} holds no word (no letter)")


def _word_where(path: Path, table: str, key: str) -> str:
    """``file:line`` of *key* in *table* of a word list (the first ``key =`` after ``[table]``)."""
    try:
        lines = read_data_text(path).splitlines()
    except DataError:
        return str(path)
    start = 0
    if table:
        header = re.compile(rf"^\s*\[\s*{re.escape(table)}\s*\]")
        start = next((n for n, line in enumerate(lines) if header.match(line)), 0)
    assign = re.compile(rf"^\s*(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')\s*=")
    found = next((n for n in range(start, len(lines)) if assign.match(lines[n])), None)
    return f"{path}:{found + 1}" if found is not None else str(path)


def _relative_inside(name: str) -> bool:
    """Whether *name* is a path relative to a folder that stays inside it (not absolute, no '..', no '\\') and
    that a build reads (no hidden folder or file: ".hid/a.txt" had been cited, though never read; hostile pass 29,
    S2): how a manifest's ``file`` and a citation's ``doc`` name a document of the seeds."""
    rel = Path(name)
    return bool(name.strip()) and not rel.is_absolute() and ".." not in rel.parts and "\\" not in name \
        and not any(part.startswith(".") for part in rel.parts)


def manifest_path(docs_dir: Path) -> Path:
    """Where the manifest of the documents in *docs_dir* is."""
    return Path(docs_dir) / "manifest.toml"


def manifest(docs_dir: Path) -> dict[str, dict]:
    """The records of ``manifest.toml`` beside the documents in *docs_dir* (none if it has none), by file
    name, checked (``docs/DATA.md``): the fields of a ``[[document]]``, each ``file`` a document in
    *docs_dir* (a relative path inside it, no '..') named once, ``date`` YYYY-MM-DD, YYYY-MM or YYYY and
    ``url`` http(s) (or "" when unknown)."""
    path = manifest_path(docs_dir)
    if not os.path.lexists(path):
        return {}
    out: dict[str, dict] = {}
    for rec in _table_records(path, "document", "file"):
        name, loc = rec["file"], Where(path, rec["file"])
        if not _relative_inside(name):
            raise DataError(f"{loc}: file must name a document inside {docs_dir}/ (a path relative to it, "
                            "without '..' or a hidden folder: builds do not read those)")
        rel = on_disk(Path(docs_dir), name).relative_to(Path(docs_dir))  # (as the file is named: see on_disk)
        if not (Path(docs_dir) / rel).is_file():
            raise DataError(f"{loc}: no such document in {docs_dir}/")
        name = rel.as_posix()  # ("./a.txt" is "a.txt")
        if name in out:
            raise DataError(f"{loc}: file listed twice")
        if rec.get("date", "") != "" and not _past_date(rec["date"]):
            raise DataError(f"{loc}: date must be YYYY-MM-DD, YYYY-MM or YYYY (\"\" if unknown), a day of the "
                            f"calendar not to come, not {rec['date']!r}")
        if rec.get("url") and not web_address(rec["url"]):
            raise DataError(f"{loc}: url must be a web address, http:// or https:// and a host (\"\" if unknown)")
        out[name] = rec
    return out
