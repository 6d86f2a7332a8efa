#!/usr/bin/env python3
"""Build ``geodata/person_names.toml``: common given names and surnames, so that
"Paris Hilton", "Denver Hughes" or "Daniel Hamilton" read as people, not places.

Source: the US Census Bureau's 1990 name frequency files (public domain), as
shipped in the PyPI package ``names`` 0.3.0 (``dist.male.first``,
``dist.female.first``, ``dist.all.last``). Run from the repository root (needs
pip to reach PyPI):

    python scripts/build_person_names.py

Kept, so that the lists name people and not common words:

* given names: the 1,000 most frequent of each list, less those that are more
  often words than names ("Will", "May", "Grant", "Summer", "German");
* surnames: of the 2,000 most frequent, those rare as English words (Zipf
  below 3.9, from ``wordfreq``), and the 300 most frequent unless very common
  words (Zipf 4.6 or more: "Young", "King", "White");
* surnames after a given name: all of the 2,500 most frequent ("Austin
  Lincoln", "Jordan Washington" are people).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from vendor_assets import fetch_pypi  # scripts/ is on sys.path when a script in it runs
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "geodata" / "person_names.toml"
PACKAGE = "names==0.3.0"
GIVEN_TOP, SURNAME_TOP, COMMON_SURNAME_TOP, ANY_SURNAME_TOP = 1000, 2000, 300, 2500
RARE_ZIPF, COMMON_ZIPF = 3.9, 4.6
# given names that are more often English words (or months, demonyms, titles) than names
NOT_GIVEN_NAMES = {
    "will", "may", "guy", "young", "hope", "son", "art", "major", "chance", "bill", "al", "april", "june",
    "summer", "august", "mark", "miles", "numbers", "german", "christian", "brain", "rich", "gay", "queen",
    "frank", "israel", "van", "royal", "rose", "faith", "ray", "max", "grant", "dick", "forest", "prince",
    "don", "drew", "roman", "jan", "junior", "mac", "joy", "charity", "chase", "buddy", "crystal", "angel",
    "jesus", "january", "march", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "king", "earl", "duke", "baron", "sterling", "page", "lane", "dale", "glen", "cliff", "clay",
    "heath", "ivy", "iris", "lily", "daisy", "ruby", "pearl", "amber", "jewel", "star", "sky", "sandy",
    "dawn", "autumn", "winter", "spring", "honor", "patience", "mercy", "constance", "trinity", "eve",
}


def _ranked(path: Path) -> list[tuple[str, int]]:
    """(name in lower case, rank) of one Census file, most frequent first."""
    rows = [line.split() for line in path.read_text(encoding="ascii").splitlines() if line.strip()]
    return [(r[0].lower(), int(r[3])) for r in rows]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = fetch_pypi(PACKAGE, Path(tmp)) / "names"
        given = {name for f in ("dist.male.first", "dist.female.first")
                 for name, rank in _ranked(data / f) if rank <= GIVEN_TOP} - NOT_GIVEN_NAMES
        ranked = _ranked(data / "dist.all.last")
        any_surnames = {name for name, _ in ranked[:ANY_SURNAME_TOP]}
        surnames = set()
        for name, rank in ranked[:SURNAME_TOP]:
            zipf = zipf_frequency(name, "en")
            if zipf < RARE_ZIPF or (rank <= COMMON_SURNAME_TOP and zipf < COMMON_ZIPF):
                surnames.add(name)

    def listing(words: set[str]) -> str:
        return "[\n" + "".join(f'  "{w}",\n' for w in sorted(words)) + "]\n"

    TARGET.write_text(
        "# Built by scripts/build_person_names.py from the US Census Bureau's 1990 name frequency files\n"
        f"# (public domain; PyPI package {PACKAGE}). Do not edit: rerun the script.\n"
        "[census]\n"
        f"given_names = {listing(given)}"
        f"surnames = {listing(surnames)}"
        "# every one of the 2,500 most frequent surnames, English words among them: read as a surname only\n"
        "# right after a given name (\"Austin Lincoln\", \"Dallas Kent\", \"Jordan Washington\")\n"
        f"surnames_after_given_names = {listing(any_surnames)}", encoding="utf-8")
    print(f"wrote {TARGET} ({len(given)} given names, {len(surnames)} surnames)")


if __name__ == "__main__":
    main()
