#!/usr/bin/env python3
"""Generate a realistic English news corpus about the region, for benchmarks.

The text is generated (no copyrighted articles are copied): sentence templates
in the style of trade and transport news, filled with real place names from
the project's corridor data and the GeoNames gazetteer, plus filler sentences
without places. Deterministic for a given seed.

    python bench/make_corpus.py OUT_DIR --mb 50 [--docs N] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEMPLATES = [
    "A container train from {a} arrived in {b} on {day}, carrying {n} TEU of electronics and auto parts.",
    "Officials in {a} said the {c1}–{c2} route would cut transit times to {b} by {n} percent.",
    "The reconstruction of the checkpoint near {a} on the border between {c1} and {c2} is due by {year}.",
    "Freight volumes through {a} rose {n} percent in {year}, according to the national railway company.",
    "Ferries link {a} with {b} across the Caspian Sea, and a new terminal is planned at {c}.",
    "Trucks queued for {n} hours at the crossing between {a} and {b}, drivers told reporters.",
    "The minister visited {a}, {c1}, where a dry port will handle cargo bound for {b} and {c}.",
    "Traders in {a} expect the corridor through {c1} and {c2} to attract investment from {c3}.",
    "A forum in {a} discussed logistics hubs in {b}, {c} and the wider {region}.",
    "Rail links between {c1} and {c2} were discussed at the summit, the press service said.",
]
# sentences without places, in the same register: people, organisations, months and figures
# (capitalised words that are not places are what a geoparser must reject)
FILLER = [
    "Analysts said tariffs and insurance costs remained the main obstacles for shippers.",
    "The company reported higher revenue and said it would add rolling stock next year.",
    "Negotiations on a new agreement are expected to continue in the coming months.",
    "Experts warned that congestion could return if capacity does not keep pace with demand.",
    "The statement did not give details of the financing or the timetable.",
    "{title} {person} and {title2} {person2} attended the ceremony, officials said.",
    "{person}, an analyst at {org}, said volumes could grow by {n} percent by {year}.",
    "According to {org}, the average transit time fell to {n} days in {month}.",
    "The {org} report, published on {day}, puts investment needs at ${n} billion.",
    "{person} told reporters that the tariff review would be completed by {month}.",
    "Shares of {org} rose {n} percent after the announcement on {day}.",
    "The board of {org} approved a budget of {n} million dollars for new wagons.",
    "Speaking at the {org} conference, {person} called for common digital standards.",
    "Freight rates have risen by {n} percent since {month}, brokers said.",
    "A spokesperson for {org} declined to comment on the timetable.",
    "The {year} programme includes {n} projects worth about ${n2} million.",
    "{title} {person} said the figures for {month} would be published next week.",
    "Insurers and banks remain cautious, {person} of {org} wrote in a note to clients.",
    "Most of the cargo is grain, fertiliser, metals and consumer goods, the operator said.",
    "The working group will meet again in {month}, the ministry's press service said.",
]
PEOPLE = ["Tokayev", "Bektenov", "Mirziyoyev", "Aliyev", "Kobakhidze", "Erdogan", "Mishustin", "Overchuk",
          "Daniyar Akhmetov", "Aigerim Sultanova", "Maria Petrova", "John Miller", "Chen Wei", "Li Na",
          "Ruslan Ibraimov", "Anna Schmidt", "Mehmet Yilmaz", "Elena Ivanova", "Timur Kassymov", "Sara Novak"]
TITLES = ["President", "Prime Minister", "Deputy Prime Minister", "Minister", "Ambassador", "Chairman", "Mr", "Ms"]
ORGS = ["Kazakhstan Temir Zholy", "Russian Railways", "the Eurasian Development Bank", "the World Bank",
        "the Asian Development Bank", "Maersk", "DP World", "PortKazakhstan", "the Eurasian Economic Commission",
        "Rabobank", "Fitch Ratings", "Moody's", "the International Road Transport Union", "Trans-Caspian Logistics",
        "the Middle Corridor Association", "Freightos", "Drewry", "the Ministry of Transport"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
#: the share of sentences without a place, set so that mentions per KB match the seed articles (about 8);
#: ``--filler 0.35`` gives the denser text of the first benchmark (about 20 per KB)
FILLER_SHARE = 0.72
REGIONS = ["Central Asia", "South Caucasus", "Caspian region", "Eurasia", "Middle East", "Europe"]
COUNTRIES = ["Kazakhstan", "Russia", "China", "Uzbekistan", "Turkmenistan", "Azerbaijan", "Georgia", "Türkiye",
             "Iran", "Kyrgyzstan", "Belarus", "Poland", "Germany", "Afghanistan", "Mongolia"]


def place_names() -> list[str]:
    from mapper import datafiles

    names = set()
    for folder, kind in (("corridors/crossings", "crossing"), ("corridors/hubs", "hub")):
        for rec, _ in datafiles.records(ROOT, folder, kind):
            names.update(rec.get("posts", []))
    for rec, _ in datafiles.records(ROOT, "corridors/routes", "corridor"):
        for leg in rec["leg"]:
            names.update(n.split("|")[0] for n in leg["nodes"] if "|" in n)
    return sorted(n for n in names if n.isascii() or n.isalpha())


def generate(out: Path, mb: float, docs: int | None, seed: int = 1, filler: float = FILLER_SHARE) -> list[Path]:
    """Write documents totalling about *mb* MB into *out* (*docs* of them, or about 6 KB each)."""
    rnd = random.Random(seed)
    places = place_names()
    target = int(mb * 1024 * 1024)
    per_doc = max(800, target // docs) if docs else 6000
    out.mkdir(parents=True, exist_ok=True)
    paths, total, i = [], 0, 0
    while total < target:
        parts, size = [], 0
        while size < per_doc:
            if rnd.random() < filler:
                s = rnd.choice(FILLER).format(
                    person=rnd.choice(PEOPLE), person2=rnd.choice(PEOPLE), title=rnd.choice(TITLES),
                    title2=rnd.choice(TITLES), org=rnd.choice(ORGS), n=rnd.randint(2, 90), n2=rnd.randint(10, 900),
                    year=rnd.randint(2015, 2030), month=rnd.choice(MONTHS),
                    day=rnd.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]))
                s = s[0].upper() + s[1:]
            else:
                s = rnd.choice(TEMPLATES).format(
                    a=rnd.choice(places), b=rnd.choice(places), c=rnd.choice(places),
                    c1=rnd.choice(COUNTRIES), c2=rnd.choice(COUNTRIES), c3=rnd.choice(COUNTRIES),
                    region=rnd.choice(REGIONS), n=rnd.randint(2, 400), year=rnd.randint(2015, 2030),
                    day=rnd.choice(["Monday", "Tuesday", "Friday"]))
            parts.append(s)
            size += len(s) + 1
        text = " ".join(parts) + "\n"
        p = out / f"doc{i:06d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
        total += len(text.encode())
        i += 1
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--docs", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--filler", type=float, default=FILLER_SHARE, help="share of sentences without a place")
    a = ap.parse_args()
    paths = generate(a.out, a.mb, a.docs, a.seed, a.filler)
    print(f"wrote {len(paths)} documents to {a.out}")


if __name__ == "__main__":
    main()
