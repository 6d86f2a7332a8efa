"""Assemble the layers of the contract as GeoDataFrames (EPSG:4326).

``build_layers`` is the library entry point: documents and data files in,
``{layer name: GeoDataFrame}`` out, rows sorted by id so that two builds of
the same inputs are identical.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
from shapely.geometry import MultiLineString, Point

from mapper import datafiles
from mapper.geoparse import Mention
from mapper.network import Network, sources_json

CRS = "EPSG:4326"


@dataclass
class Layers:
    """The layers plus what the map shows beside them."""

    frames: dict[str, gpd.GeoDataFrame]
    figures: list[dict]
    documents: dict[str, dict]


#: the columns that are numbers, typed so in an empty layer too (a corpus that names no place had written its
#: mentions' start, end and score as text: hostile pass 29, E3)
NUMBER_TYPES = {"start": "int64", "end": "int64", "score": "float64", "mentions": "int64", "length_km": "float64"}


def _frame(rows: list[dict], geoms: list, columns: list[str]) -> gpd.GeoDataFrame:
    order = sorted(range(len(rows)), key=lambda i: rows[i]["id"])
    gdf = gpd.GeoDataFrame([rows[i] for i in order], columns=columns,
                           geometry=[geoms[i] for i in order], crs=CRS)
    if not rows:  # (an empty frame's columns are objects: text to GDAL)
        gdf = gdf.astype({c: t for c, t in NUMBER_TYPES.items() if c in columns})
    return gdf.reset_index(drop=True)


def corridor_layers(net: Network) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Corridors (one multi-line each) and segments (one line per leg)."""
    crow, cgeom, srow, sgeom = [], [], [], []
    for c in net.corridors:
        crow.append({"id": c.id, "name": c.name, "modes": ",".join(c.modes),
                     "countries": ",".join(c.countries), "length_km": round(c.length_km, 1),
                     "status": c.status, "km_by_country": json.dumps(
                         {k: round(v, 1) for k, v in c.km_by_country.items()}, separators=(",", ":")),
                     "description": c.description, "confidence": c.confidence,
                     "sources": sources_json(c.sources)})
        cgeom.append(MultiLineString([leg.line for leg in c.legs]))
        for leg in c.legs:
            srow.append({"id": leg.id, "corridor_id": c.id, "from": leg.nodes[0].name,
                         "to": leg.nodes[-1].name, "mode": leg.mode, "status": leg.status,
                         "length_km": round(leg.length_km, 1), "countries": ",".join(leg.countries),
                         "nodes": " – ".join(n.name for n in leg.nodes),
                         "sources": sources_json(leg.sources or c.sources)})
            sgeom.append(leg.line)
    return _frame(crow, cgeom, CORRIDOR_COLUMNS), _frame(srow, sgeom, SEGMENT_COLUMNS)


CORRIDOR_COLUMNS = ["id", "name", "modes", "countries", "length_km", "status", "km_by_country",
                    "description", "confidence", "sources"]
SEGMENT_COLUMNS = ["id", "corridor_id", "from", "to", "mode", "status", "length_km", "countries",
                   "nodes", "sources"]
CROSSING_COLUMNS = ["id", "name", "posts", "countries", "mode", "status", "status_year",
                    "confidence", "position", "note", "sources"]
HUB_COLUMNS = ["id", "name", "kind", "status", "country", "year", "local_name", "confidence", "note", "sources"]


def point_layer(records: dict[str, tuple[dict, Path]], columns: list[str],
                derived: dict[str, Callable[[dict], object]] | None = None) -> gpd.GeoDataFrame:
    """Crossings or hubs: one point per record, lists joined with commas; *derived* columns computed from it."""
    rows, geoms = [], []
    for rec, _ in records.values():
        row = {}
        for col in columns:
            v = derived[col](rec) if derived and col in derived else rec.get(col)
            if col == "sources":
                v = sources_json(rec["sources"])
            elif isinstance(v, list):
                v = ",".join(v)
            row[col] = "" if v is None and col not in datafiles.NULLABLE_INTEGERS else v
        rows.append(row)
        geoms.append(Point(rec["lon"], rec["lat"]))
    return _frame(rows, geoms, columns)


def mention_layers(mentions: list[Mention], gazetteer) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Mentions (one point each) and places (one per distinct place, with counts)."""
    mrows, mgeoms = [], []
    per_place: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        mrows.append({"id": m.id, "doc": m.doc, "start": m.start, "end": m.end, "text": m.text,
                      "place_id": m.place_id, "name": m.name, "country": m.country,
                      "feature_class": m.feature_class, "score": m.score, "context": m.context})
        mgeoms.append(Point(m.lon, m.lat))
        per_place[m.place_id].append(m)
    prows, pgeoms = [], []
    for pid, ms in per_place.items():
        entry = gazetteer.get(pid)
        prows.append({"id": pid, "name": ms[0].name, "country": ms[0].country,
                      "feature_class": ms[0].feature_class, "mentions": len(ms),
                      "docs": ",".join(sorted({m.doc for m in ms})),
                      "local_names": entry.local_names if entry else "",
                      "spellings": ",".join(sorted({m.text for m in ms}))})
        pgeoms.append(Point(ms[0].lon, ms[0].lat))
    mcols = ["id", "doc", "start", "end", "text", "place_id", "name", "country", "feature_class",
             "score", "context"]
    pcols = ["id", "name", "country", "feature_class", "mentions", "docs", "local_names", "spellings"]
    return _frame(mrows, mgeoms, mcols), _frame(prows, pgeoms, pcols)


def build_layers(net: Network, mentions: list[Mention], figures: list[dict] | None = None,
                 documents: dict[str, dict] | None = None) -> Layers:
    """Every layer of the contract, from the network and the geoparsed mentions."""
    corridors, segments = corridor_layers(net)
    mentions_gdf, places_gdf = mention_layers(mentions, net.gazetteer)
    frames = {
        "corridors": corridors,
        "segments": segments,
        "crossings": point_layer(net.crossings, CROSSING_COLUMNS, {"position": datafiles.crossing_position}),
        "hubs": point_layer(net.hubs, HUB_COLUMNS),
        "places": places_gdf,
        "mentions": mentions_gdf,
    }
    return Layers(frames, figures or [], documents or {})
