#!/usr/bin/env python3
"""Build ``geodata/cldr-names.tsv``: the names of the countries in ``geodata/countries.toml``
and of a few world regions (Asia, Central Asia, Europe…) in the languages articles of the
field are written in (French, German, Polish, Turkish, Uzbek, Kazakh…), from the Unicode
Common Locale Data Repository (CLDR, Unicode License v3) as the Babel package ships it.

The geoparser reads them as other names of those countries and regions ("la Chine", "do
Kazachstanu" after its case ending, "l'Asie centrale"). A name is left out, and said so in
the file's header, where it is another country's name; one that is a single English word at
least as common as ENGLISH_ZIPF_MAX is read only in a text of its language (Polish "Indie"
would make "Indie games" India; "Europa" is Europe in a Spanish text).

    pip install -e ".[data]" && python scripts/build_cldr_names.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_global
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mapper import datafiles  # noqa: E402
from mapper.gazetteer import normalize  # noqa: E402

TARGET = ROOT / "geodata" / "cldr-names.tsv"
LANGUAGES = datafiles.CLDR_LANGUAGES
# CLDR's world regions (UN M49 codes) that curated places of geodata/places stand for
REGIONS = {"142": "place:asia", "143": "place:central-asia", "150": "place:europe", "151": "place:eastern-europe",
           "155": "place:western-europe", "154": "place:northern-europe", "039": "place:southern-europe",
           "030": "place:east-asia", "035": "place:southeast-asia", "145": "place:western-asia"}
ENGLISH_ZIPF_MAX = datafiles.CLDR_ENGLISH_ZIPF_MAX


def main() -> None:
    countries = datafiles.country_names(ROOT)
    taken = {normalize(n): f"country:{iso}" for iso, rec in countries.items()
             for n in [rec["name"], *rec.get("alt_names", [])]}
    taken |= {normalize(n): f"place:{place['id']}" for place, _ in datafiles.curated_places(ROOT)
              if f"place:{place['id']}" in REGIONS.values() for n in [place["name"], *place.get("alt_names", [])]}
    targets = {**{iso: f"country:{iso}" for iso in countries}, **REGIONS}
    rows, dropped = [], []
    for lang in LANGUAGES:
        territories = Locale.parse(lang).territories
        for code, target in targets.items():
            name = territories.get(code)
            key = normalize(name or "")
            if not key or taken.get(key) == target:
                continue
            if key in taken:
                dropped.append(f"{lang} {name} ({taken[key]}'s name)")
            elif " " not in key and zipf_frequency(key, "en") >= ENGLISH_ZIPF_MAX:  # (a phrase has no frequency)
                rows.append((target, lang, name, "language"))  # ("Europa": read in a Spanish text only)
            else:
                rows.append((target, lang, name, "all"))
                taken[key] = target
    header = [
        f"# Built by scripts/build_cldr_names.py from Unicode CLDR {get_global('cldr')['version']} (Babel "
        f"{babel.__version__}; Unicode License v3, https://www.unicode.org/license.txt): the names of the",
        "# countries of geodata/countries.toml and of CLDR's world regions that curated places stand for, in",
        f"# {', '.join(LANGUAGES)}; names the data files give already are not repeated. Do not edit: rerun it.",
        "# read: 'all' in any text; 'language' only in a text of the name's language, as the name is a common",
        "# English word (Polish 'Indie'; 'Europa' in a Spanish text is Europe, in an English one a moon or a",
        f"# league). Left out: {'; '.join(dropped) or 'none'}.",
        "id\tlang\tname\tread",
    ]
    TARGET.write_text("\n".join(header + ["\t".join(r) for r in sorted(rows)]) + "\n", encoding="utf-8")
    bound = sum(r[3] == "language" for r in rows)
    print(f"{TARGET.relative_to(ROOT)}: {len(rows)} names ({bound} read in their language only), {len(dropped)} "
          "left out")


if __name__ == "__main__":
    main()
