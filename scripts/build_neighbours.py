#!/usr/bin/env python3
"""Build ``geodata/neighbours.tsv``: for each country, the countries whose outline
comes within 10 km of its own in ``geodata/countries.geojson`` (Natural Earth
1:50m, public domain), so land neighbours and close neighbours across a strait
(Azerbaijan–Turkmenistan are not: the Caspian is wider).

The geoparser reads it to judge a text that names countries but no place with
a point: a small place of a country that borders one the text names is not
"far from everything" (Termez in a text about Kyrgyzstan).

    python scripts/build_neighbours.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import shapely
from shapely.geometry import shape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mapper import datafiles  # noqa: E402

TARGET = ROOT / "geodata" / "neighbours.tsv"
NEAR_DEGREES = 0.09  # about 10 km of latitude: 1:50m outlines leave gaps along shared borders


def main() -> None:
    features = datafiles.country_outlines(ROOT)["features"]
    isos = [f["properties"]["iso"] for f in features]
    geoms = [shape(f["geometry"]) for f in features]
    tree = shapely.STRtree(geoms)
    pairs = tree.query(geoms, predicate="dwithin", distance=NEAR_DEGREES)
    near: dict[str, set[str]] = {iso: set() for iso in isos}
    for i, j in zip(*pairs.tolist()):
        if i != j:
            near[isos[i]].add(isos[j])
    with TARGET.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Built by scripts/build_neighbours.py from geodata/countries.geojson (Natural Earth 1:50m,\n"
                 "# public domain): countries whose outlines come within about 10 km. Do not edit: rerun the script.\n")
        fh.write("country\tneighbours\n")
        for iso in sorted(near):
            fh.write(f"{iso}\t{' '.join(sorted(near[iso]))}\n")
    print(f"wrote {TARGET} ({len(near)} countries)")


if __name__ == "__main__":
    main()
