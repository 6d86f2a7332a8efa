"""Measure the geoparser against an annotated gold set.

The usual measures of the field (e.g. Gritta et al., "What's missing in
geographical parsing?", 2018): precision and recall of mentions, and recall
within 161 km (100 miles) and a tighter 25 km of the true point.

* A prediction matches a gold mention when their spans overlap (one-to-one).
* A match is *correct within d km* when the resolved point is within d km of
  the gold point. Areal features (countries, regions, seas: classes A, L, H)
  have no meaningful point, so they are correct when they are the same
  entity: the same country code and an areal class (for multinational areas,
  whose country is empty, the points must be within 1,000 km).
* precision = correct predictions / predictions; recall = correct gold / gold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from mapper.geo import distance_km

AREAL = set("ALH")


@dataclass
class Scores:
    predicted: int
    gold: int
    matched: int
    precision_161: float
    recall_161: float
    recall_25: float
    f1_161: float
    errors: list[dict]

    def summary(self) -> str:
        return (f"gold {self.gold}, predicted {self.predicted}, span matches {self.matched}; "
                f"precision@161km {self.precision_161:.3f}, recall@161km {self.recall_161:.3f}, "
                f"recall@25km {self.recall_25:.3f}, F1@161km {self.f1_161:.3f}")


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def correct(pred: dict, gold: dict, km: float) -> bool:
    if gold["feature_class"] in AREAL and pred["feature_class"] in AREAL:
        if gold["country"]:
            return pred["country"] == gold["country"]
        return distance_km((pred["lat"], pred["lon"]), (gold["lat"], gold["lon"])) <= 1000
    return distance_km((pred["lat"], pred["lon"]), (gold["lat"], gold["lon"])) <= km


def score(predicted: list[dict], gold: list[dict]) -> Scores:
    """Compare predicted mentions (dicts with doc/start/end/lat/lon/...) to gold."""
    by_doc: dict[str, list[dict]] = {}
    for g in gold:
        by_doc.setdefault(g["doc"], []).append(g)
    used: set[int] = set()
    pairs: list[tuple[dict, dict]] = []
    errors: list[dict] = []
    ok161 = 0
    for p in predicted:
        match = None
        for g in by_doc.get(p["doc"], []):
            if id(g) not in used and p["start"] < g["end"] and g["start"] < p["end"]:
                match = g
                break
        if match is None:
            errors.append({"kind": "spurious", "doc": p["doc"], "text": p["text"], "start": p["start"],
                           "got": f"{p['name']}, {p['country']}"})
            continue
        used.add(id(match))
        pairs.append((p, match))
        if correct(p, match, 161):
            ok161 += 1
        else:
            errors.append({"kind": "wrong place", "doc": p["doc"], "text": p["text"], "start": p["start"],
                           "got": f"{p['name']}, {p['country']}", "want": f"{match['name']}, {match['country']}"})
    for g in gold:
        if id(g) not in used:
            errors.append({"kind": "missed", "doc": g["doc"], "text": g["text"], "start": g["start"],
                           "want": f"{g['name']}, {g['country']}"})
    ok25 = sum(correct(p, g, 25) for p, g in pairs)
    prec = ok161 / len(predicted) if predicted else 0.0
    rec = ok161 / len(gold) if gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return Scores(len(predicted), len(gold), len(pairs), prec, rec, ok25 / len(gold) if gold else 0.0, f1, errors)


def evaluate_corpus(parser, docs_dir: Path, gold_path: Path) -> Scores:
    """Run *parser* over every document the gold set names and score it."""
    gold = load_gold(gold_path)
    predicted = []
    for name in sorted({g["doc"] for g in gold}):
        text = (docs_dir / name).read_text(encoding="utf-8")
        predicted += [m.as_dict() for m in parser.parse(text, name)]
    return score(predicted, gold)
