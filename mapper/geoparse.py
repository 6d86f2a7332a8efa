"""Find place mentions in text and resolve each to a gazetteer entry.

Two steps, as in the geoparsing literature:

* **recognition**: capitalised token n-grams (up to six tokens, across spaces
  and hyphens, so "Dostyk-Alashankou" gives two names and "Ust-Kamenogorsk"
  one) that are gazetteer names, minus what the context says is not a place:
  demonyms, names inside organisation and outlet names, people's names
  (citations such as "Hadano, T. 2023", "Kazushige Kobayashi"), URLs, common
  words at the start of a sentence;
* **resolution**: among the entries that carry the name, the one that best
  fits the document: prominence, the countries the document names, distance
  to the places already resolved unambiguously, "Name, Country" and
  "the Chinese city of ..." cues.

Every mention satisfies ``text == doc[start:end]``.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from functools import lru_cache

from mapper import datafiles
from mapper.gazetteer import Entry, Gazetteer, normalize, prior

MAX_TOKENS = 6
TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))*")
POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|kz|ru|by|uz|info|expert|gov|edu|io|int|eu|uk|cn|kg|tj|tm|az|ge|tr|ir|de|fr|pl)\b(?:/\S*)?")
SENTENCE_END = re.compile(r"[.!?…:;]\s*$|\n\s*$")
# what may stand between two tokens of one multi-word name
JOINER = re.compile(r"^(?: |-|–|—|‐|‑| - | – | — |\. |\.)$")
CONNECTORS = {"of", "de", "la", "le", "el", "al", "the", "on", "upon", "am", "an", "der", "sur",
              "en", "y", "and", "du", "des", "da", "do", "dos", "di", "del", "les"}
ABBREVIATED = {"st", "mt", "ft", "pt"}
COMMON_WORD_ZIPF = 4.0
NAME_ZIPF = 2.0  # rarer than this in English and capitalised: likely part of a person's name


@dataclass
class Mention:
    """One place mention: where it is in the text and what it resolves to."""

    doc: str
    start: int
    end: int
    text: str
    place_id: str
    name: str
    country: str
    feature_class: str
    score: float
    lat: float
    lon: float
    context: str = ""

    @property
    def id(self) -> str:
        return f"{self.doc}:{self.start}-{self.end}"

    def as_dict(self) -> dict:
        return {"id": self.id, **asdict(self)}


@dataclass
class _Token:
    start: int
    end: int
    key: str
    raw: str


@dataclass
class _Candidate:
    start: int
    end: int
    first: int  # token index of the first token
    last: int
    entries: tuple[Entry, ...]
    country_hint: str = ""
    demonym_hint: str = ""


_norm = lru_cache(maxsize=262144)(normalize)


class Lexicon:
    """The parser's word lists from ``geodata/stopnames.toml``."""

    def __init__(self, root=None) -> None:
        data = datafiles.load_toml(datafiles.data_root(root) / "geodata" / "stopnames.toml")
        self.demonyms: dict[str, str] = {k.lower(): v for k, v in data.get("demonyms", {}).items()}
        self.org_heads = {w.lower() for w in data.get("organisations", {}).get("heads", [])}
        self.national_heads = {w.lower() for w in data.get("organisations", {}).get("national_heads", [])}
        self.titles = {w.lower() for w in data.get("persons", {}).get("titles", [])}
        self.never = {normalize(w) for w in data.get("words", {}).get("never", [])}
        names = data.get("outlets", {}).get("names", [])
        self.outlets = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)",
            re.IGNORECASE) if names else None


_FREQ: dict[str, float] | None = None


def _zipf(word: str) -> float:
    """English word frequency on the Zipf scale (wordfreq), from a table cached on disk."""
    global _FREQ
    if _FREQ is None:
        _FREQ = _frequency_table()
    return _FREQ.get(word, 0.0)


def _frequency_table() -> dict[str, float]:
    from importlib.metadata import version

    from mapper.cache import memo

    def compute() -> dict[str, float]:
        from wordfreq import get_frequency_dict

        return {w: round(math.log10(f * 1e9), 2) for w, f in get_frequency_dict("en").items() if f >= 1e-8}

    return memo("wordfreq-en", version("wordfreq"), compute, dict)


class Geoparser:
    """Find and resolve place mentions using a :class:`Gazetteer`."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon | None = None) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon or Lexicon()

    # -- recognition -------------------------------------------------------

    def _tokens(self, text: str) -> list[_Token]:
        tokens = []
        for m in TOKEN.finditer(text):
            raw = m.group()
            end = m.end()
            pm = POSSESSIVE.search(raw)
            if pm and len(raw) > 3:
                raw, end = raw[: pm.start()], m.start() + pm.start()
            tokens.append(_Token(m.start(), end, _norm(raw), raw))
        return tokens

    def _masked(self, text: str) -> list[tuple[int, int]]:
        spans = [m.span() for m in URL.finditer(text)]
        if self.lexicon.outlets is not None:
            spans += [m.span() for m in self.lexicon.outlets.finditer(text)]
        return sorted(spans)

    @staticmethod
    def _is_sentence_start(text: str, tok: _Token) -> bool:
        before = text[max(0, tok.start - 4): tok.start].rstrip(" \t\"“”'‘’«»([")
        return not before or bool(SENTENCE_END.search(before + " ")) or tok.start < 2

    def _recognise(self, text: str) -> list[_Candidate]:
        tokens = self._tokens(text)
        masked = self._masked(text)
        keys = self.gazetteer.keys
        found: list[_Candidate] = []
        i = 0
        mi = 0
        while i < len(tokens):
            tok = tokens[i]
            while mi < len(masked) and masked[mi][1] <= tok.start:
                mi += 1
            if mi < len(masked) and masked[mi][0] <= tok.start < masked[mi][1]:
                i += 1
                continue
            if not tok.raw[0].isupper():
                i += 1
                continue
            longest = min(self.gazetteer.max_words(tok.key), MAX_TOKENS)
            match = None
            for n in range(min(longest, len(tokens) - i), 0, -1):
                span = tokens[i: i + n]
                if not self._joinable(text, span):
                    continue
                key = " ".join(t.key for t in span)
                if key.startswith("saint "):
                    key = "st " + key[6:]
                if key in keys:
                    match = (n, key)
                    break
            if match is None:
                i += 1
                continue
            n, key = match
            span = tokens[i: i + n]
            cand = _Candidate(span[0].start, span[-1].end, i, i + n - 1, self.gazetteer.by_key(key))
            if self._accept(text, tokens, cand):
                found.append(cand)
            i += n
        return found

    @staticmethod
    def _joinable(text: str, span: list[_Token]) -> bool:
        for a, b in zip(span, span[1:]):
            sep = text[a.end: b.start]
            if not JOINER.match(sep):
                return False
            if "." in sep and a.key not in ABBREVIATED:
                return False
            if not (b.raw[0].isupper() or b.key in CONNECTORS):
                return False
        return not span[-1].key in CONNECTORS

    def _accept(self, text: str, tokens: list[_Token], cand: _Candidate) -> bool:
        """Context filters: is this capitalised name a place here?"""
        lex = self.lexicon
        first = tokens[cand.first]
        surface = text[cand.start: cand.end]
        key = normalize(surface)
        single = cand.first == cand.last
        if key in lex.never or key in lex.demonyms:
            return False
        country_name = any(e.feature_code.startswith("PCL") for e in cand.entries)
        if single and first.raw.isupper():
            # upper case: country abbreviations (US, UK, UAE) or a dateline ("ASTANA –")
            dateline = first.start == 0 or text[first.start - 1] == "\n"
            if not (country_name and len(first.raw) <= 3) and not (dateline and len(first.raw) > 3):
                return False
            if text[first.end: first.end + 1] == "$":
                return False  # a currency: US$, NZ$
        elif single and len(first.raw) <= 2:
            return False
        # prefix such as Trans-Caspian, Sino-Russian
        prev = tokens[cand.first - 1] if cand.first > 0 else None
        if prev and text[prev.end: first.start] in ("-", "‐") and prev.key in lex.demonyms:
            return False
        nxt = tokens[cand.last + 1] if cand.last + 1 < len(tokens) else None
        # inside an organisation name: capitalised words up to a head noun
        j = cand.last + 1
        while j < len(tokens) and j <= cand.last + 4 and text[tokens[j - 1].end: tokens[j].start] == " ":
            t = tokens[j]
            if not (t.raw[0].isupper() or t.key in CONNECTORS):
                break
            if t.key in lex.org_heads or (t.key in lex.national_heads and (country_name or j == cand.last + 1 and single)):
                return False
            j += 1
        # a person: "Hadano, T." / "(Hadano, 2023)" / "Kazushige Kobayashi" / "President Tokayev"
        after = text[cand.end: cand.end + 8]
        if re.match(r",\s*[A-Z]\.", after) or (not country_name and re.match(r",\s*(?:19|20)\d\d\b", after)):
            return False
        if prev and text[prev.end: first.start] == " ":
            if prev.key in lex.titles:
                return False
            if single and not country_name and self._name_like(text, prev):
                return False  # a surname after a given name
        if (single and not country_name and nxt and text[cand.end: nxt.start] == " "
                and self._name_like(text, nxt) and not any(prior(e) >= 0.85 for e in cand.entries)):
            return False  # a given name before a surname
        # a common word that starts a sentence, or a common word naming only small places
        if single and not any(prior(e) >= 0.85 or e.curated or e.feature_class in "ALH" for e in cand.entries):
            z = _zipf(first.key)
            if z >= COMMON_WORD_ZIPF and self._is_sentence_start(text, first):
                return False
            if z >= COMMON_WORD_ZIPF + 0.5:
                return False
        cand.country_hint = self._country_after(text, cand.end)
        cand.demonym_hint = self._demonym_before(tokens, cand.first)
        return True

    def _name_like(self, text: str, tok: _Token) -> bool:
        """A capitalised rare word that is not a place, demonym or sentence opener: part of a person's name."""
        return (tok.raw[0].isupper() and not tok.raw.isupper() and tok.key not in self.lexicon.demonyms
                and tok.key not in self.gazetteer.keys and tok.key not in CONNECTORS
                and tok.key not in self.lexicon.org_heads and not self._is_sentence_start(text, tok)
                and _zipf(tok.key) < NAME_ZIPF)

    def _country_after(self, text: str, end: int) -> str:
        m = re.match(r",\s*([A-Z][\w’' -]{1,40})", text[end: end + 45])
        if not m:
            return ""
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            for e in self.gazetteer.by_key(normalize(" ".join(words[:n]))):
                if e.feature_code.startswith("PCL"):
                    return e.country
        return ""

    def _demonym_before(self, tokens: list[_Token], first: int) -> str:
        for t in tokens[max(0, first - 4): first]:
            code = self.lexicon.demonyms.get(t.key)
            if code:
                return code
        return ""

    # -- resolution --------------------------------------------------------

    def parse(self, text: str, doc: str = "", offset: int = 0) -> list[Mention]:
        """All place mentions in *text*, resolved; offsets are shifted by *offset*."""
        cands = self._recognise(text)
        ctx_countries: set[str] = set()
        anchors: dict[str, tuple[float, float]] = {}
        for c in cands:
            if len(c.entries) == 1 or any(e.feature_code.startswith("PCL") for e in c.entries):
                best = max(c.entries, key=prior)
                ctx_countries.add(best.country)
                if not best.feature_code.startswith("PCL") and best.feature_class in "PS":
                    anchors[best.id] = (best.lat, best.lon)
            if c.country_hint:
                ctx_countries.add(c.country_hint)
        near = _Anchors(anchors)
        mentions = []
        for c in cands:
            e, score = self._resolve(c, ctx_countries, near)
            if e is not None:
                mentions.append(Mention(doc, c.start + offset, c.end + offset, text[c.start: c.end], e.id,
                                        e.name, e.country, e.feature_class, round(score, 3),
                                        e.lat, e.lon, sentence_around(text, c.start, c.end)))
        return mentions

    def _resolve(self, c: _Candidate, ctx: set[str], near: "_Anchors") -> tuple[Entry | None, float]:
        best, best_s, best_d = None, -1.0, 1e9
        for e in c.entries:
            areal = e.feature_class in "ALH" or e.feature_code.startswith("PCL")
            d = near.nearest_km(e) if not areal else 1e9
            prox = 1.0 / (1.0 + d / 400.0) if d < 1e9 else 0.0
            s = 0.45 * prior(e) + 0.3 * (e.country in ctx) + 0.25 * prox
            if areal:
                s += 0.2
            if c.country_hint:
                s += 0.5 if e.country == c.country_hint else -0.5
            if c.demonym_hint and e.country == c.demonym_hint:
                s += 0.3
            if e.curated:
                s += 0.05
            if s > best_s or (s == best_s and best is not None and e.id < best.id):
                best, best_s, best_d = e, s, d
        if best is None:
            return None, 0.0
        areal = best.feature_class in "ALH" or best.feature_code.startswith("PCL")
        if not areal and not best.curated and best.country != c.country_hint:
            if (best.country not in ctx and best_d > 2500 and prior(best) < 0.78) or (
                    best_d > 1500 and prior(best) < 0.6):
                return None, 0.0  # an obscure namesake far from everything the text is about
        return best, min(1.0, best_s)


class _Anchors:
    """The unambiguous places of a document, for distance lookups (vectorised haversine)."""

    def __init__(self, points: dict[str, tuple[float, float]]) -> None:
        import numpy as np

        self.ids = list(points)
        arr = np.radians(np.array(list(points.values()), dtype=float).reshape(-1, 2))
        self.lat, self.lon = arr[:, 0], arr[:, 1]
        self.coslat = np.cos(self.lat)
        self._cache: dict[str, float] = {}

    def nearest_km(self, e: Entry) -> float:
        """Distance from *e* to the closest anchor other than *e* itself (1e9 if none)."""
        if e.id in self._cache:
            return self._cache[e.id]
        import numpy as np

        if not self.ids:
            return 1e9
        lat, lon = math.radians(e.lat), math.radians(e.lon)
        h = np.sin((self.lat - lat) / 2) ** 2 + math.cos(lat) * self.coslat * np.sin((self.lon - lon) / 2) ** 2
        d = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
        if e.id in self.ids:
            d[self.ids.index(e.id)] = np.inf
        out = float(d.min()) if np.isfinite(d).any() else 1e9
        self._cache[e.id] = out
        return out


def sentence_around(text: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence containing ``text[start:end]``, cut to about *limit* characters."""
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, start - limit // 2, 0)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min([*right_candidates, end + limit // 2, len(text)])
    if right < len(text) and text[right] == ".":
        right += 1
    return text[left:right].strip()
