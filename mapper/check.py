"""Validate data against the documents and the map: citations, positions, borders, the curated divisions'
admin1 codes, and that the parser's word lists load.

``problems()`` returns one line per problem (file, line or id, what is wrong).
``corridor-mapper check`` prints them, and :func:`word_list_problems` too; ``build`` and ``route`` refuse to
run on the first of ``problems()`` (:func:`refuse_problems`), and ``build`` loads the word lists anyway when
it makes its parser.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from shapely.geometry import Point

from mapper import datafiles
from mapper.documents import composed, fold_whitespace, read_document
from mapper.errors import DataError, InputError
from mapper.network import Network, km_to

BORDER_TOLERANCE_KM = 5.0
COUNTRY_TOLERANCE_KM = 30.0  # a point may sit this far outside its country's 1:50m outline


def _cited(net: Network) -> Iterator[tuple[datafiles.Where | str, list[dict]]]:
    for table in (net.hubs, net.crossings):
        for rec, path in table.values():
            yield datafiles.Where(path, rec["id"]), rec["sources"]
    for rec, path in net.routes:
        yield datafiles.Where(path, rec["id"]), rec["sources"]
        for i, leg in enumerate(rec["leg"], 1):
            yield datafiles.Where(path, rec["id"], f" leg {i}"), leg.get("sources", [])
    for rec, path in net.places:
        yield datafiles.Where(path, rec["id"]), rec["sources"]
    for rec in datafiles.figures(net.root):
        yield f"corridors/figures.toml: {rec['id']}", rec["sources"]


def citation_problems(net: Network, docs_dir: Path) -> Iterator[str]:
    """Every ``{doc, quote}`` must name a file in *docs_dir* that contains the quote verbatim."""
    texts: dict[str, str | InputError | None] = {}
    for loc, sources in _cited(net):
        for src in sources:
            if "doc" not in src:
                continue
            name = src["doc"]
            if name not in texts:
                p = datafiles.on_disk(Path(docs_dir), name)
                try:  # the text a build reads: decoded, and a web page's article only
                    texts[name] = fold_whitespace(read_document(p).text) if p.is_file() else None
                except InputError as exc:
                    texts[name] = exc
            text = texts[name]
            if text is None:
                yield f"{loc}: cites {name}, which is not in {docs_dir}"
            elif isinstance(text, InputError):
                yield f"{loc}: cites {name}, which cannot be read: {text.message}"
            elif fold_whitespace(composed(src["quote"])) not in text:  # (read as the document is: a quote cut
                # from a file in decomposed letters, or with a soft hyphen, is found)
                yield f"{loc}: quote not found verbatim in {name}: “{src['quote'][:60]}…”"


def position_problems(net: Network) -> Iterator[str]:
    """Crossings near their border, estimated from places the gazetteer has; hubs, places and countries' label
    points inside their country; swapped lat/lon."""
    countries = net.countries
    for iso, (lat, lon) in datafiles.country_points(net.root).items():
        shape = countries.by_iso(iso)
        d = _km_outside(shape, lon, lat) if shape is not None else 0.0
        if d > 0:  # (the map puts the country's mentions there: not even a neighbour's town near the border,
            # Tashkent for Kazakhstan; every point Natural Earth gives lies inside its outline)
            yield (f"geodata/countries.geojson: {iso}: the label point ({lat}, {lon}) lies {max(d, 0.1):.1f} km "
                   "outside its outline (it must lie inside)")
    for rec, path in net.crossings.values():
        loc = datafiles.Where(path, rec["id"])
        for ident in rec.get("estimated_from", []):  # (the places the estimate started from: the gazetteer's)
            if net.gazetteer.get(ident) is None:
                yield f"{loc}: estimated_from {ident!r} is no place of the gazetteer"
        if any(countries.by_iso(c) is None for c in rec["countries"]):
            yield f"{loc}: unknown country in {rec['countries']}"
            continue
        border = countries.border(*rec["countries"])
        d = km_to(border, rec["lon"], rec["lat"])
        if d > BORDER_TOLERANCE_KM:
            swapped = km_to(border, rec["lat"], rec["lon"]) if -90 <= rec["lon"] <= 90 else 1e9
            hint = " — latitude and longitude look swapped" if swapped <= BORDER_TOLERANCE_KM else ""
            yield (f"{loc}: {d:.1f} km from the {'–'.join(rec['countries'])} border "
                   f"(must be within {BORDER_TOLERANCE_KM:.0f} km){hint}")
    located = [(rec, path, rec.get("country", "")) for rec, path in net.hubs.values()]
    located += [(rec, path, rec.get("country", "")) for rec, path in net.places
                if rec.get("feature_class") in ("P", "S")]
    for rec, path, iso in located:
        shape = countries.by_iso(iso) if iso else None
        if shape is None:
            continue
        d = _km_outside(shape, rec["lon"], rec["lat"])
        if d > COUNTRY_TOLERANCE_KM:
            swapped = (-90 <= rec["lon"] <= 90) and shape.contains(Point(rec["lat"], rec["lon"]))
            hint = " — latitude and longitude look swapped" if swapped else ""
            yield f"{datafiles.where(path, rec['id'])}: {d:.0f} km outside {iso}{hint}"


def _km_outside(shape, lon: float, lat: float) -> float:
    """How far the point (*lon*, *lat*) lies outside *shape*, in km (0 inside)."""
    return 0.0 if shape.contains(Point(lon, lat)) else km_to(shape, lon, lat)


def admin1_code_problems(net: Network) -> Iterator[str]:
    """Each code in ``geodata/admin1-curated.tsv`` belongs to a curated first-level division (a renamed or
    removed place leaves a stale row: rerun scripts/build_admin1.py)."""
    divisions = {rec["id"] for rec, _ in net.places if rec.get("feature_code") == "ADM1"}
    for place in sorted(datafiles.curated_admin1_codes(net.root).keys() - divisions):
        yield f"geodata/admin1-curated.tsv: {place} is no curated first-level division (rerun scripts/build_admin1.py)"


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
SHOWN_RIVAL_POPULATION = 100_000  # an alias's shown name may not be the own name of another place this big


def shown_name_problems(net: Network) -> Iterator[str]:
    """An alias's ``shown`` name that is the own name of another city of some size (``shown = "Almaty"`` on
    Bishkek's record would show two places as Almaty)."""
    from mapper.gazetteer import CYRILLIC, normalize

    gazetteer = net.gazetteer
    for gid, shown in sorted(datafiles.shown_names(net.root).items()):
        where = f"geodata/aliases.toml: geonameid {gid}: shown = {shown!r}"
        plain = composed(shown)  # (no zero-width space nor soft hyphen)
        if _LATIN.search(plain) and CYRILLIC.search(plain):
            yield f"{where} mixes Latin and Cyrillic letters (a look-alike of another name?)"
            continue
        for name in {plain, re.split(r"\s*[,(]", plain)[0]}:  # (and "Almaty" of "Almaty, KZ")
            rival = next((e for e in gazetteer.by_key(normalize(name)) if e.id != f"geonames:{gid}"
                          and e.population >= SHOWN_RIVAL_POPULATION), None)
            if rival is not None:
                yield (f"{where} is a name of another place ({rival.name}, {rival.country}, {rival.id}): the "
                       "map would show both by it")
                break


def word_list_problems(root: Path) -> Iterator[str]:
    """The parser's word lists (``geodata/stopnames.toml``, ``geodata/person_names.toml``) and its table of
    neighbouring countries (``geodata/neighbours.tsv``) that do not load
    (for ``check``; ``build`` loads them anyway when it makes its parser)."""
    from mapper.geoparse import Lexicon

    try:
        Lexicon(root)
    except DataError as exc:
        yield str(exc)


def not_name_problems(net: Network) -> Iterator[str]:
    """A ``not_names`` name of an alias record that GeoNames does not give the place (nothing to leave out: a
    misspelling, or the wrong geonameid), that the file gives it too, that is the place's own name (the place would
    be found by no name), or that is written with spaces around it or twice."""
    from mapper.gazetteer import normalize

    given = datafiles.aliases(net.root)
    for gid, names in sorted(datafiles.not_names(net.root).items()):
        entry, seen = net.gazetteer.get(f"geonames:{gid}"), set()
        for name in names:
            where = f"geodata/aliases.toml: geonameid {gid}: not_names {name!r}"
            if name != name.strip() or normalize(name) in seen:
                yield f"{where} is written with spaces around it, or twice"
            elif name in given.get(gid, ()):
                yield f"{where} is among its names too"
            elif entry is not None and normalize(name) == normalize(entry.name):
                yield f"{where} is the place's own name: it would be found by none"
            elif not net.gazetteer.geonames_gives(name, f"geonames:{gid}"):
                yield f"{where}: GeoNames gives this place no such name (nothing to leave out)"
            seen.add(normalize(name))


#: the corridors the outside contract (CONTRACT.md) requires in the corridors layer
REQUIRED_CORRIDORS = ("north-south-eastern", "east-west", "middle-corridor", "xian-selyatino")


def required_problems(net: Network) -> Iterator[str]:
    """The corridors the contract requires that no file of ``corridors/routes`` holds."""
    held = {rec["id"] for rec, _ in net.routes}
    for ident in REQUIRED_CORRIDORS:
        if ident not in held:
            yield f"corridors/routes: no corridor {ident!r} (the layer must hold {', '.join(REQUIRED_CORRIDORS)})"


def manifest_problems(docs_dir: Path) -> Iterator[str]:
    """What is wrong with ``manifest.toml`` beside the documents (syntax, fields, a ``file`` that is no
    document there: see :func:`mapper.datafiles.manifest`)."""
    try:
        datafiles.manifest(Path(docs_dir))
    except DataError as exc:
        yield str(exc)


def problems(net: Network, docs_dir: Path) -> list[str]:
    """Every problem with the data, as one line each."""
    return [*citation_problems(net, docs_dir), *position_problems(net), *admin1_code_problems(net),
            *shown_name_problems(net), *not_name_problems(net), *required_problems(net), *manifest_problems(docs_dir)]


def refuse_problems(net: Network, docs_dir: Path) -> None:
    """Raise :class:`DataError` on the first of :func:`problems` (what ``build`` and ``route`` do; ``check``
    lists them all)."""
    found = problems(net, docs_dir)
    if found:
        more = len(found) - 1
        raise DataError(found[0] + (f" (and {more} more problem{'s' * (more > 1)}: run corridor-mapper check)"
                                    if len(found) > 1 else ""))
