"""Read and validate the hand-edited TOML data in ``geodata/`` and ``corridors/``.

Every problem is raised as :class:`~mapper.errors.DataError` with one line
naming the file, the line (where it can be found) or id, and what is wrong.
The schema is documented in ``docs/DATA.md``.
"""

from __future__ import annotations

import csv
import json
import os
import re
import stat
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from mapper.errors import DataError

ISO2 = re.compile(r"^[A-Z]{2}$")
#: The most bytes a data file may hold (the largest shipped, geodata/countries.geojson, has about 2 MB): a
#: bigger one is no hand-edited or generated data file, and reading it whole could exhaust the memory.
MAX_DATA_BYTES = 64 * 1024 * 1024
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FEATURE_CLASSES = set("APSHLTRVU")
CROSSING_MODES = {"rail", "road", "rail,road"}
CROSSING_STATUSES = {"operational", "under_construction", "planned", "reconstruction"}
CROSSING_POSITIONS = {"sourced", "estimated"}
NULLABLE_INTEGERS = ("status_year", "year")  # record fields that are a whole number or absent
LEG_MODES = {"rail", "road", "sea", "river", "pipeline"}
LEG_STATUSES = {"operational", "under_construction", "planned", "reconstruction", "proposed"}
CONFIDENCE = {"high", "medium", "low"}

_SOURCE_KEYS = {"doc", "quote", "url", "title", "accessed", "note"}

# field -> (types, required)
_COMMON = {
    "id": (str, True), "name": (str, True), "lat": ((int, float), True),
    "lon": ((int, float), True), "confidence": (str, False), "note": (str, False),
    "sources": (list, True), "alt_names": (list, False),
}
SCHEMAS: dict[str, dict[str, tuple[Any, bool]]] = {
    "place": {**_COMMON, "country": (str, True), "feature_class": (str, True),
              "feature_code": (str, False), "population": (int, False)},
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
    "alias": {"geonameid": (int, True), "name": (str, True), "names": (list, True),
              "sources": (list, True), "note": (str, False)},
}


def data_root(path: Path | str | None = None) -> Path:
    """The project folder holding ``geodata/`` and ``corridors/``.

    Order: the argument, ``CORRIDOR_MAPPER_HOME``, the current directory if it
    has both folders, else the checkout this package was installed from.
    """
    if path is not None:
        return Path(path)
    env = os.environ.get("CORRIDOR_MAPPER_HOME")
    if env:
        return Path(env)
    cwd = Path.cwd()
    if (cwd / "geodata").is_dir() and (cwd / "corridors").is_dir():
        return cwd
    return Path(__file__).resolve().parent.parent


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
    """The text of the data file *path* (UTF-8; *hint* says how to fix a file that is not)."""
    try:
        return read_data(path).decode("utf-8")
    except UnicodeDecodeError:
        raise DataError(f"not UTF-8 text{hint}", path=path) from None


def load_toml(path: Path) -> dict:
    """Parse one TOML file; a syntax error names the file and line.

    Parsed once per file version (path, modification time, size): a build reads
    the same files for the gazetteer, the network and the checks. Treat the
    result as read-only.
    """
    st = data_stat(path)
    return _parse_toml(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=256)
def _parse_toml(name: str, mtime_ns: int, size: int) -> dict:
    path = Path(name)
    try:
        return tomllib.loads(read_data_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"invalid TOML: {exc}", path=path) from None


_ID_LINE = re.compile(r'^\s*(?:id|iso)\s*=\s*["\']([^"\']*)["\']', re.MULTILINE)


def line_of(path: Path, ident: str) -> int | None:
    """The line where ``id = "<ident>"`` (or ``iso = ...``) is written, for messages."""
    try:
        st = path.stat()
    except OSError:
        return None
    return _id_lines(str(path), st.st_mtime_ns, st.st_size).get(ident)


@lru_cache(maxsize=256)
def _id_lines(name: str, mtime_ns: int, size: int) -> dict[str, int]:
    """The first line of each ``id``/``iso`` value in one file version (read once)."""
    try:
        text = read_data_text(Path(name))
    except DataError:
        return {}
    out: dict[str, int] = {}
    for m in _ID_LINE.finditer(text):
        out.setdefault(m.group(1), text.count("\n", 0, m.start()) + 1)
    return out


def where(path: Path, ident: str | None) -> str:
    """``file:line: id`` for messages (the line where the id is written)."""
    line = line_of(path, ident) if ident else None
    loc = f"{path}:{line}" if line else str(path)
    return f"{loc}: {ident}" if ident else loc


class Where:
    """:func:`where` computed only when a message is formatted (finding the line reads the file)."""

    def __init__(self, path: Path, ident: str | None, suffix: str = "") -> None:
        self.path, self.ident, self.suffix = path, ident, suffix

    def __str__(self) -> str:
        return where(self.path, self.ident) + self.suffix


def check_record(kind: str, rec: Any, path: Path, ident: str | None = None) -> None:
    """Check keys, types and value ranges of one record against its schema."""
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
    if "id" in schema and not ID.match(rec["id"]):
        raise DataError(f"{loc}: id must be lower-case letters, digits and '-'")
    if "lat" in rec:
        lat, lon = rec["lat"], rec["lon"]
        if not (-90 <= lat <= 90) or not (-180 <= lon <= 180):
            raise DataError(f"{loc}: coordinate out of range (lat={lat}, lon={lon})")
    if rec.get("confidence", "high") not in CONFIDENCE:
        raise DataError(f"{loc}: confidence must be one of {sorted(CONFIDENCE)}")
    for key in ("country",):
        if key in rec and rec[key] and not ISO2.match(rec[key]):
            raise DataError(f"{loc}: country must be an ISO-2 code, not {rec[key]!r}")
    other = rec.get("post_names")
    if other is not None and (len(other) != 2 or not all(
            isinstance(names, list) and all(isinstance(n, str) and n for n in names) for names in other)):
        raise DataError(f"{loc}: post_names must be two lists of names, the other names of each post")
    for src in rec.get("sources", []):
        check_source(src, loc)
    if "sources" in schema and schema["sources"][1] and not rec.get("sources"):
        raise DataError(f"{loc}: no sources: every fact needs a citation")


def check_source(src: Any, loc: str) -> None:
    if not isinstance(src, dict) or not (set(src) <= _SOURCE_KEYS):
        raise DataError(f"{loc}: a source must be {{doc, quote}} or {{url, title, accessed}}")
    if "doc" in src:
        if not isinstance(src.get("quote"), str) or not src["quote"].strip():
            raise DataError(f"{loc}: a doc citation needs a non-empty quote")
    elif "url" in src:
        if not re.match(r"^https?://", str(src["url"])):
            raise DataError(f"{loc}: source url must start with http:// or https://")
    else:
        raise DataError(f"{loc}: a source needs either doc+quote or url")


def _similar(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio() >= 0.75


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def records(root: Path, folder: str, kind: str) -> Iterator[tuple[dict, Path]]:
    """Every ``[[kind]]`` record of every TOML file in *folder*, validated, ids unique."""
    seen: dict[str, Path] = {}
    for path in _files(root / folder):
        data = load_toml(path)
        extra = set(data) - {kind}
        if extra:
            raise DataError(f"{path}: unknown top-level table {sorted(extra)[0]!r} (expected [[{kind}]])")
        items = data.get(kind, [])
        if not isinstance(items, list):
            raise DataError(f"{path}: {kind} must be an array of tables ([[{kind}]])")
        for rec in items:
            check_record(kind, rec, path)
            if rec["id"] in seen:
                raise DataError(f"{where(path, rec['id'])}: duplicate id (also in {seen[rec['id']]})")
            seen[rec["id"]] = path
            yield rec, path


def curated_places(root: Path) -> Iterator[tuple[dict, Path]]:
    """Curated gazetteer entries from ``geodata/places/*.toml``."""
    for rec, path in records(root, "geodata/places", "place"):
        if rec["feature_class"] not in FEATURE_CLASSES:
            raise DataError(f"{where(path, rec['id'])}: feature_class must be one of A P S H L T R V U")
        yield rec, path


@lru_cache(maxsize=4)
def aliases(root: Path) -> dict[int, list[str]]:
    """Extra names for GeoNames places from ``geodata/aliases.toml``, by geonameid."""
    path = root / "geodata" / "aliases.toml"
    out: dict[int, list[str]] = {}
    if path.exists():
        for rec in load_toml(path).get("alias", []):
            check_record("alias", rec, path, rec.get("name") if isinstance(rec, dict) else None)
            out.setdefault(rec["geonameid"], []).extend(rec["names"])
    return out


def country_names(root: Path) -> dict[str, dict]:
    """Alternate country names from ``geodata/countries.toml`` keyed by ISO-2."""
    path = root / "geodata" / "countries.toml"
    if not path.exists():
        return {}
    out = {}
    for rec in load_toml(path).get("country", []):
        check_record("country", rec, path, rec.get("iso") if isinstance(rec, dict) else None)
        out[rec["iso"]] = rec
    return out


def _tsv_rows(path: Path, columns: tuple[str, ...], script: str) -> list[tuple[int, dict]]:
    """The rows of a tab-separated file written by *script*, each with its line number (a header line
    naming at least *columns*; lines starting with # are comments)."""
    text = read_data_text(path, f": rerun {script}")
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line and not line.startswith("#")]
    records = csv.reader([line for _, line in numbered], delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(records, [])
    missing = [c for c in columns if c not in header]
    if missing:
        raise DataError(f"no header line naming {', '.join(missing)}: rerun {script}", path=path)
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


@lru_cache(maxsize=4)
def country_outlines(root: Path) -> dict:
    """The Natural Earth country outlines shipped in ``geodata/countries.geojson``."""
    path = root / "geodata" / "countries.geojson"
    if not path.exists():
        raise DataError("missing: run scripts/build_country_outlines.py", path=path)
    try:
        data = json.loads(read_data_text(path, ": rerun scripts/build_country_outlines.py"))
    except json.JSONDecodeError as exc:
        raise DataError(f"invalid JSON: {exc}", path=path) from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list) or not features:
        raise DataError("not a GeoJSON FeatureCollection: rerun scripts/build_country_outlines.py", path=path)
    for i, f in enumerate(features):
        props = f.get("properties") if isinstance(f, dict) else None
        geometry = f.get("geometry") if isinstance(f, dict) else None
        if not (isinstance(props, dict) and isinstance(props.get("iso"), str) and ISO2.match(props["iso"])
                and isinstance(props.get("name"), str)
                and all(isinstance(props.get(k), (int, float)) for k in ("label_lat", "label_lon"))
                and isinstance(geometry, dict) and geometry.get("type") in ("Polygon", "MultiPolygon")
                and isinstance(geometry.get("coordinates"), list)):
            raise DataError(f"feature {i}: an ISO-2 iso, a name, label_lat, label_lon and a (Multi)Polygon "
                            "are required", path=path)
    return data


def country_points(root: Path) -> dict[str, tuple[float, float]]:
    """A representative (lat, lon) inside each country's outline."""
    return {f["properties"]["iso"]: (f["properties"]["label_lat"], f["properties"]["label_lon"])
            for f in country_outlines(root)["features"]}


def gauges(root: Path) -> dict[str, int]:
    """Main-line track gauge (mm) per country, from ``geodata/gauges.toml``."""
    path = root / "geodata" / "gauges.toml"
    data = load_toml(path)
    out: dict[str, int] = {}
    for rec in data.get("gauge", []):
        for iso in rec.get("countries", []):
            out[iso] = int(rec["mm"])
    return out


def figures(root: Path) -> list[dict]:
    """Figures from ``corridors/figures.toml``; ``conflict`` is True when sources disagree.

    Two figures conflict when they have the same metric, year and unit (and
    period) but different values.
    """
    path = root / "corridors" / "figures.toml"
    if not path.exists():
        return []
    data = load_toml(path)
    out, seen = [], set()
    for rec in data.get("figure", []):
        check_record("figure", rec, path)
        if rec["id"] in seen:
            raise DataError(f"{where(path, rec['id'])}: duplicate id")
        seen.add(rec["id"])
        out.append(dict(rec))
    groups: dict[tuple, set] = {}
    for f in out:
        groups.setdefault((f["metric"], f["year"], f["unit"], f.get("period", "")), set()).add(f["value"])
    for f in out:
        f["conflict"] = len(groups[(f["metric"], f["year"], f["unit"], f.get("period", ""))]) > 1
    return out


def crossing_position(rec: dict) -> str:
    """Whether a crossing's point is published ("sourced") or not ("estimated"; always so with ``estimated_from``)."""
    return "estimated" if rec.get("estimated_from") else rec.get("position", "sourced")
