#!/usr/bin/env python3
"""Build ``geodata/places/kz-districts.toml``: the districts (audandar) of Kazakhstan, each at the point of
its administrative centre, from the sourced table ``geodata/sources/kz-districts.tsv`` (one row per district:
region, district, other names, centre, the centre's GeoNames id, the page that states the district and its
centre). The centre's coordinate is the GeoNames (CC BY 4.0) record's, read from the gazetteer index; a row
without a GeoNames id is left out.

The geoparser then reads "Kyzylzhar district" as the district (its centre, Beskol), not as the village of
Kyzylzhar in Karaganda region.

    python scripts/build_kz_districts.py
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mapper.gazetteer import CYRILLIC, Gazetteer  # noqa: E402

SOURCE = ROOT / "geodata" / "sources" / "kz-districts.tsv"
TARGET = ROOT / "geodata" / "places" / "kz-districts.toml"
ACCESSED = "2026-12-05"
HEADER = """# Built by scripts/build_kz_districts.py from geodata/sources/kz-districts.tsv: the districts of Kazakhstan
# whose administrative centre a public page states, each at the centre's GeoNames (CC BY 4.0) point, not a
# centroid. Do not edit: edit the table and rerun the script.
"""


def _slug(text: str) -> str:
    """*text* as the lower-case, hyphened piece of an id."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _names(row: dict) -> list[str]:
    """The district's names: "<name> District" for each Latin spelling (a former one without its "former"), and
    the names already written whole: those in Cyrillic and those that end in "District"."""
    out = []
    for name in [row["district"], *row["other_names"].split("|")]:
        name = re.sub(r"^former ", "", name.strip(), flags=re.IGNORECASE)
        whole = CYRILLIC.search(name) or re.search(r"\bdistrict$", name, re.IGNORECASE)
        full = name if whole else f"{name} District"
        if name and full not in out:
            out.append(full)
    return out


def _string(text: str) -> str:
    """*text* as a TOML basic string."""
    return json.dumps(text, ensure_ascii=False)


def build(gazetteer: Gazetteer) -> tuple[str, list[str]]:
    """The text of the districts file, and the districts left out for want of a GeoNames id."""
    with open(SOURCE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))
    blocks, left_out = [], []
    for row in rows:
        centre = gazetteer.get(row["centre_geonames"]) if row["centre_geonames"] else None
        if centre is None:
            left_out.append(row["district"])
            continue
        names = _names(row)
        gid = row["centre_geonames"].partition(":")[2]
        note = (f"District of {row['region']} Region; the point is its administrative centre {row['centre']} "
                f"(GeoNames {gid}, {centre.name}), not a centroid.")
        if row["note"]:
            note += f" {row['note']}"
        blocks.append("\n".join([
            "[[place]]",
            f"id = {_string('kz-district-' + _slug(row['district']) + '-' + _slug(row['region']))}",
            f"name = {_string(names[0])}",
            f"alt_names = [{', '.join(map(_string, names[1:]))}]",
            'country = "KZ"',
            'feature_class = "A"',
            'feature_code = "ADM2"',
            f"lat = {centre.lat}",
            f"lon = {centre.lon}",
            f"confidence = {_string('low' if row['note'] else 'medium')}",
            f"note = {_string(note)}",
            "sources = [",
            f"  {{ url = {_string(row['source_url'])}, title = {_string(row['source_title'])}, accessed = {_string(ACCESSED)} }},",
            f"  {{ url = {_string('https://www.geonames.org/' + gid)}, title = "
            f"{_string(f'GeoNames {gid}: {centre.name} (the district centre; coordinate of the cities500 record)')}, "
            f"accessed = {_string(ACCESSED)} }},",
            "]",
        ]))
    return HEADER + "\n" + "\n\n".join(blocks) + "\n", left_out


def main() -> None:
    text, left_out = build(Gazetteer.open(ROOT, progress=False))
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {text.count('[[place]]')} districts to {TARGET.relative_to(ROOT)}; left out (no GeoNames id): "
          f"{', '.join(left_out) or 'none'}")


if __name__ == "__main__":
    main()
