#!/usr/bin/env python3
"""Recompute the positions of border crossings that are estimated, not sourced.

A crossing with ``estimated_from = ["geonames:…", …]`` in ``corridors/crossings``
has no published position; its point is derived from the places its posts are
named after (see ``Countries.estimate_crossing``: the nearest border point to
one place, or where the segment between two places crosses the border), on
the Natural Earth border in ``geodata/countries.geojson``.

    python scripts/estimate_crossings.py          # show stored vs recomputed, and each place's distance to the border
    python scripts/estimate_crossings.py --write  # store the recomputed lat/lon in the TOML files
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mapper import datafiles  # noqa: E402
from mapper.gazetteer import Gazetteer  # noqa: E402
from mapper.geo import distance_km  # noqa: E402
from mapper.network import Countries, km_to  # noqa: E402
from mapper.outputs import write_text_atomic  # noqa: E402


def estimates(root: Path = ROOT):
    """(record, path, (lat, lon) recomputed, [(place, km to the border)]) for every estimated crossing."""
    gazetteer, countries = Gazetteer.open(root, progress=False), Countries(root)
    for rec, path in datafiles.records(root, "corridors/crossings", "crossing"):
        if "estimated_from" not in rec:
            continue
        places = [gazetteer.get(pid) for pid in rec["estimated_from"]]
        if None in places:
            raise SystemExit(f"{datafiles.where(path, rec['id'])}: unknown place in estimated_from")
        a, b = rec["countries"]
        at = countries.estimate_crossing(a, b, [(p.lat, p.lon) for p in places])
        border = countries.border(a, b)
        far = [(p, km_to(border, p.lon, p.lat)) for p in places]
        yield rec, path, at, far


def write(path: Path, ident: str, lat: float, lon: float) -> None:
    """Replace the lat/lon lines of the entry *ident* in *path*."""
    text = path.read_text(encoding="utf-8")
    found = re.search(rf'^id = "{re.escape(ident)}"$', text, re.MULTILINE)
    if found is None:
        raise SystemExit(f"{path}: no entry {ident!r}")
    start = found.start()
    end = text.find("\n[[", start)
    end = len(text) if end == -1 else end
    block = re.sub(r"^lat = .*$", f"lat = {lat}", text[start:end], count=1, flags=re.MULTILINE)
    block = re.sub(r"^lon = .*$", f"lon = {lon}", block, count=1, flags=re.MULTILINE)
    write_text_atomic(path, text[:start] + block + text[end:])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="store the recomputed positions")
    args = ap.parse_args()
    for rec, path, (lat, lon), far in estimates():
        moved = distance_km((rec["lat"], rec["lon"]), (lat, lon))
        places = ", ".join(f"{p.name} ({p.id}, {km:.1f} km from the border)" for p, km in far)
        print(f"{rec['id']}: stored {rec['lat']}, {rec['lon']}; recomputed {lat}, {lon} ({moved:.2f} km apart); "
              f"from {places}")
        if args.write and moved > 0:
            write(path, rec["id"], lat, lon)


if __name__ == "__main__":
    main()
