"""Find place mentions in text and resolve each to a gazetteer entry.

Two steps, as in the geoparsing literature:

* **recognition**: one compiled pattern finds the runs of capitalised words
  (joined by spaces, hyphens and connectors such as "of"); inside a run, the
  longest token n-grams (up to six) that are gazetteer names are read, so
  "Dostyk-Alashankou" gives two names and "Ust-Kamenogorsk" one, minus what
  the context says is not a place: demonyms, names inside organisation and
  outlet names, people's names (citations such as "Hadano, T. 2023",
  "Kazushige Kobayashi", "Minister Elena Ivanova"), URLs, common words at the
  start of a sentence. What a run's own words decide is computed once per
  distinct run and cached, so a name met again costs a dictionary look-up;
  what depends on the text around the run (the word before it, a comma and
  a country after a name, a sentence start) is checked each time;
* **resolution**: among the entries that carry the name, the one that best
  fits the document: prominence, the countries the document names, distance
  to the places already resolved unambiguously, "Name, Country" and
  "the Chinese city of ..." cues.

Every mention satisfies ``text == doc[start:end]``.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import accumulate, chain, islice
from pathlib import Path
from typing import Final  # (module constants: mypyc keeps them as C statics, not looked up in a dict at each use)

import numpy as np

from mapper import datafiles
from mapper.errors import DataError
from mapper.gazetteer import (ARABIC_WORD, CURATED_BONUS, GEORGIAN_WORD, FIELD_COUNTRIES, HAN, TURKIC_CASE_ENDINGS, SAME_PLACE_KM, Entry,
                              Gazetteer, apostrophe_stem, case_nominatives, fold_saint, han_simplified, is_area, normalize, prior)
from mapper.geo import EARTH_RADIUS_KM, distance_km
from mapper.languages import (KAZAKH_CAPITALS, LANGUAGES, UZBEK_CASE_SUFFIXES, case_forms_nominatives, common_words,
                              language_zipf, text_language)

MAX_TOKENS: Final = 6
# a word: letters, with an apostrophe between two ("Xi'an"); written so that the regular expression engine keeps no
# state per letter (as "(?:letter|apostrophe)*" did: 700 MB for a hostile page's six-megabyte word)
TOKEN: Final = re.compile(r"[^\W\d_]+(?:['’‘][^\W\d_]+)*")  # (Uzbek writes o‘ and g‘ with U+2018)
POSSESSIVE: Final = re.compile(r"['’]s$", re.IGNORECASE)
_DOMAINS: Final = "com|org|net|kz|ru|by|uz|info|expert|gov|edu|io|int|eu|uk|cn|kg|tj|tm|az|ge|tr|ir|de|fr|pl"
# URLs, e-mail addresses and social-media handles ("@Oksana_Pavlodar")
_TLD: Final = rf"(?:{_DOMAINS}|{_DOMAINS.upper()})"  # a top-level domain, in one case ("KAZAVTOZHOL.KZ"; not "Aktau.By")
URL: Final = re.compile(rf"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+(?:\.[\w-]+)*\.{_TLD}\b(?:/\S*)?"
                 r"|(?<![\w@])@\w+|(?<!#)\b[^\W\d_]+_\w+")  # (and a nickname's "Marina_Saratov"; not "#Kostanay_region")
SENTENCE_END: Final = re.compile(r"[.!?…:;]\s*$|\n\s*$")
_RUSSIAN_SURNAME_ENDINGS: Final = ("ova", "eva", "ina", "ov", "ev", "in", "sky", "skiy", "skaya")
_CYRILLIC_SURNAME_ENDINGS: Final = ("ова", "ева", "ина", "ов", "ев", "ин", "скии", "ская")  # (as keys spell them: й is и)
# what Geoparser._accept says of a name in a run; _WEAK, _WEAK_CAPS, _WEAK_ABBREVIATION: a place only if the text
# says so (_Match.weak)
_REJECT, _ACCEPT, _WEAK, _WEAK_CAPS, _WEAK_ABBREVIATION = -1, 0, 2, 3, 4
_HEADLINE_AFTER: Final = re.compile(r" (?:(?!and )[a-z]{1,3} )?[A-Z]")  # more Title Case in the run ("Bets on New")
_SHIPS: Final = ("tanker", "vessel", "ship", "ferry", "freighter", "icebreaker", "barge", "steamer", "tug", "bulker",
          "containership", "feeder", "boat")
_SHIP_PLURALS: Final = tuple("ferries" if w == "ferry" else f"{w}s" for w in _SHIPS)
# before a ship's name: "the tanker Atyrau", "Tanker Atyrau", "the feeders *Turkistan* and …"
_SHIP_WORDS: Final = (*(f"{w} " for word in (*_SHIPS, *_SHIP_PLURALS) for w in (word, word.capitalize())),
               # a ship's type before its name: 'MV "AKTOBE"', 'RO-PAX "BARDA"', "M/V Shusha" (not "MT": a mountain
               # in capitals)
               "MV ", "M/V ", "m/v ", "M.V. ", "MS ", "M/S ", "SS ", "RO-PAX ", "Ro-Pax ", "ro-pax ", "RoPax ",
               "Ro-Ro ",
               "RO-RO ", "ro-ro ")
_SHIP_PLURAL_WORDS: Final = tuple(f"{w} " for word in _SHIP_PLURALS for w in (word, word.capitalize()))  # ("Tankers
# Mangystau and Kazbek must present")
# before a train's name in quotes: 'the sleeper "Zhetysu"', 'train "Tulpar"' (not "the train Almaty – Moscow")
_TRAIN_WORDS: Final = tuple(f"{w} " for word in ("train", "sleeper", "express") for w in (word, word.capitalize()))
_ROUTE_DASH_NAME: Final = re.compile(r"\s?[-–—]\s?[A-Z]")  # a route's dash and the next stop: "Aktau–Baku"
_ROUTE_DASH_SPACED: Final = re.compile(r"\s?[–—]\s?[A-Z]| - [A-Z]")  # not a hyphen's: "Xi'an–Urumqi", not "Volga-Balt"
_FEATURE_BEFORE_OF: Final = frozenset({"sea", "gulf", "bay", "strait", "straits"})  # "Sea of Okhotsk"
_FEATURE_BEFORE_NAME: Final = frozenset({"lake", "cape", "mount"})  # "Lake Peipus", "Cape Manorsky"
_HYPHENS: Final = ("-", "‐", "‑")
# between two names of one place: "Ridder, the former Leninogorsk", "Semipalatinsk (now Semey)", "Kazaly (Kazalinsk)",
# "Aktau, called Shevchenko", "Ridder, which Soviet maps called Leninogorsk", "Petropavl, which the Russians call
# Petropavlovsk", "Shevchenko became Aktau"
_OTHER_NAME_WORDS: Final = (r"(?:(?:former|formerly|once|previously|now|today|renamed|later|since renamed|also)"
                     r"(?: (?:known as|called|named))?|called|known as)")
_NEAR: Final = frozenset((" near ", ", near ", " outside ", ", outside ", " close to ", ", close to "))
_NEAR_LENGTHS: Final = frozenset(map(len, _NEAR))
_SLASHES: Final = frozenset(("/", " / "))  # ... "Leninogorsk / Ridder" (two places stay two: "Dostyk/Alashankou")
_OTHER_NAME_OPENERS: Final = frozenset((" (", " –", " —", " ="))  # ... "Leninsk = Baikonur"
# the glues that are a verb: "Guryev became Atyrau" (with their lengths, a quick test first)
_OTHER_NAME_VERBS: Final = (" became ", " was renamed ", " was renamed as ", " was renamed to ", " is now ", " is today ",
                     " was called ", " was once called ", " was then called ", " was named ", " was known as ",
                     " was once known as ", " was then known as ")
_OTHER_NAME_VERB_GAPS: Final = frozenset(map(len, _OTHER_NAME_VERBS))
_OTHER_NAME_GLUE: Final = re.compile(rf"(?:,| –| —) (?:(?:the|its|then) )?{_OTHER_NAME_WORDS} $"
                              r"|, (?:which|that) (?:[^\W\d_]+ ){0,3}?(?:calls?|called|named|renamed|knew as|know as) $"
                              rf"|{'|'.join(map(re.escape, _OTHER_NAME_VERBS))}$"
                              rf"| \((?:(?:the|its|then) )?(?:{_OTHER_NAME_WORDS} )?$| = $")
# a border crossing's words after a post's name (and maybe its partner's, and a bracket), or before it: "the Taskala
# – Ozinki crossing", "the Zhaisan road checkpoint", "the Syrym post", "the checkpoint «Isilkul»", "BCP Kairak"
_CROSSING_MODE: Final = (r"(?i:border|road|rail|railway|automobile|motor|highway|international|multilateral|bilateral|customs"
                  r"|land|vehicle)[ -]")
_CROSSING_HEAD: Final = r"(?:(?i:crossing|checkpoint|check-point|border point)s?|BCPs?|MAPP)"
# (a bare "post" names a crossing after the name, "the Syrym post", or before "at" or "of"; not "post office", nor
# "a post in Dostyk")
# (and the last of a list's before a plural: "the Taskala, Shagan and Aksai checkpoints"; Kazakh's after a name,
# "«Сырым» өткізу бекеті", Russian's before one: "МАПП «Орск»", "пункт пропуска «Маштаково»", "пункт «Озинки»")
_NAMES_LISTED: Final = r"(?:(?:, | and | or | & )[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)+"
_POST_AFTER: Final = re.compile(rf"(?:\s?[-–—/‐‑]\s?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)?(?: \([^()\n]{{1,30}}\))? "
                         rf"(?:{_CROSSING_MODE})*(?:{_CROSSING_HEAD}|posts?(?! office))\b"
                         rf"|{_NAMES_LISTED} (?:{_CROSSING_MODE})*(?i:crossings|checkpoints|check-points|border points)\b"
                         r"|[»\"”]? (?:шекара(?:лық)? |кедендік )?(?:бақылау |өткізу )?бекет")
_POST_BEFORE: Final = re.compile(rf"\b(?:(?:(?:{_CROSSING_MODE})*{_CROSSING_HEAD}|(?:{_CROSSING_MODE})+posts?) "
                          rf"(?:(?:of|at|in|near) )?|posts? (?:of|at) )[«\"“‘']?$"  # ("the Russian post at X")
                          r"|(?:\b(?:МАПП|ДАПП|КПП|(?i:пункт\w{0,2} пропуска|погранпереход\w{0,2})) [«\"“]?"
                          r"|(?i:\bпункт\w{0,2}) [«\"“])$")
_STOP_WORDS: Final = ("station", "junction", "town", "village", "city", "settlement")  # after a stop's name: "Emba station"
_STOP_WORD_AFTER: Final = re.compile(rf" (?:{'|'.join(_STOP_WORDS)})\b")
_ROUTE_DASH: Final = re.compile(r"\s?[-–—‐‑]\s?")  # between the stops of a route: "Kurgan - Petukhovo - Petropavl - …"
_POST_PAIR_GLUE: Final = re.compile(r"[»\"”]?\s?[-–—/|‐‑]\s?[«\"“]?")  # between the two posts of a crossing: "Taskala – Ozinki", a table's
_ROAD_WORDS: Final = re.compile(r"\b(?:road|highway|trucks?|lorr(?:y|ies)|automobiles?|cars|bus(?:es)?|vehicles?|drivers?)\b",
                         re.IGNORECASE)
_RAIL_WORDS: Final = re.compile(r"\b(?:rail(?:way)?s?|trains?|wagons?|locomotives?)\b", re.IGNORECASE)
_CALLED: Final = tuple(f" {verb} {quote}" for verb in ("called", "named") for quote in ("", '"', "«", "“", "'", "‘"))
# ('called "Chapaev"', "called 'Leningrad'")
_OPENING_QUOTES: Final = frozenset('"«“\'‘')
_CLOSING_QUOTES: Final = frozenset('"»”')
# before a water's adjective read alone: "the Caspian", "our Caspian and Black Sea feeder network"
_WATER_DETERMINER: Final = re.compile(r"(?<![\w'’])(?:[Tt][Hh][Ee]|[Oo]ur|[Ii]ts|[Tt]heir) $")
_QUOTED_WORDS_OPENED: Final = re.compile(r"[\"«“](?:[A-Z][\w'’-]* )+$")  # capitalised words after a quote: 'MV "Meridian '
# after a quoted name (or two: '"Tobol" and "Ishim" trains'), what makes it a thing's: '"Chang'an" trains', 'the
# "Volga-Balt" type', '"Nomad" express'
_QUOTED_THING: Final = re.compile(r"[\"»”](?:(?:,| and| или| и| және| мен) [\"«“][^\"«»“”\n]{1,40}[\"»”])* ?-?"
                           r"(?:type|class|trains?|express(?:es)?|sleepers?|brand|models?|beers?|vodka"
                           r"|wines?"
                           r"|cigarettes|cars?|tractors?|combines?|harvesters?|carpets?|rugs?|patterns?"
                           r"|(?:mineral )?water"
                           r"|(?:dark |milk |white )?chocolates?|sweets|cand(?:y|ies)|cognac|brand(?:y|ies)|lager"
                           r"|liqueur|white|red|restaurant|caf[eé]|bar|hotel|resort|is a trademark"
                           r"|LLP|LLC|Ltd|GmbH"
                           r"|атты|деп аталатын)\b")  # (Kazakh "named": «Тобыл» атты кеме, the ship named Tobol)
# a firm's form after its name: '"Kazakhstan Border
# Infrastructure" LLP' (not a joint-stock company's: '"Aktau Port" JSC' is often the port's own)
_TO_BE: Final = frozenset({"is", "was", "are", "were", "be", "been"})
# an article just before a name that ends a clause: a thing of that make ("rented a Lada and drove", 'drove a
# "Volga".'), not a place ("a Moscow court": a noun follows)
_A_THING_BEFORE: Final = re.compile(r"(?<![^\W\d_])[Aa]n? [\"«“]?$")
_A_THING_TAILS: Final = frozenset({"a ", "n ", ' "', " «", " “"})  # the last two characters _A_THING_BEFORE may end in
_A_THING_AFTER: Final = re.compile(r"[\"»”]?(?:[.,;:!?)]|$| and | or | but )")
_PORT_OF: Final = (" port of ", " Port of ")
_PORT_TERMS: Final = ("FOB ", "CIF ", "CFR ", "FAS ")  # trade terms before a port's name: "FOB Vostochny" (Vostochny Port)
_PORT_BEFORE: Final = (*_PORT_OF, *_PORT_TERMS)
_NAME_OPENERS: Final = _OPENING_QUOTES | {"*", "_"}  # before a name: 'café "Aral"', "the tanker **Atyrau**"
_CAFE_WORDS: Final = (" cafe ", " café ", " kafe ", " Cafe ", " Café ", " Kafe ")  # named after a city of note: "kafe Paris"
# ... and a cuisine's restaurant: "the Georgian restaurant Tbilisi" (not "the best restaurant Almaty has")
_CUISINE_RESTAURANT: Final = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|ic|i) restaurant $")
_POSSESSIVE_AFTER: Final = ("'s", "’s")
_EMPHASIS_CLOSERS: Final = frozenset("*_")  # Markdown's emphasis closed after a name ("**Akmola** region")
_EMPHASIS: Final = '"«»“”*_'  # quotes and emphasis around a list's names
# a street's word or its abbreviation before a street's name, which is often a place's ("ul. Malysheva", "pr.
# Lenina", «на улицу Ленина»: no village Lenina; «проспект Абая»), in Russian in any case: the quick test's
# endings, then the pattern with its word boundary
_STREET_WORDS: Final = ("ul. ", "Ul. ", "pr. ", "Pr. ", "prosp. ", "Prosp. ", "per. ", "pl. ", "ул. ", "Ул. ",
                        *(w + e + " " for w in ("улиц", "Улиц") for e in ("а", "ы", "е", "у", "ей")),
                        *(w + e + " " for w in ("проспект", "Проспект", "бульвар", "Бульвар") for e in ("", "а", "е")),
                        "переулок ", "переулка ", "Переулок ")
_STREET_WORD_BEFORE: Final = re.compile(r"(?<![^\W\d_])(?:(?:[Uu]l|[Pp]r|[Pp]rosp|per|pl|[Уу]л)\.|[Уу]лиц(?:[аыеу]|ей)"
                                        r"|[Пп]роспект[ае]?|[Пп]ереул(?:ок|ка)|[Бб]ульвар[ае]?) $")
_THE_QUOTED: Final = ('the "', "the «", "the “", 'The "', "The «", "The “")  # 'the "Yenisei" to Moscow': a train's name
# "the river Ayat", "by river Ural", "the bridge over the Tobol"; a list after a plural names rivers all ("its
# tributaries Ilek, Sakmara and Or")
# "the lakes Kolsai and Kaindy", "на озёрах Алаколь и Сасыкколь": a list of lakes (not the Kyrgyz village Kaindy)
_LAKES_BEFORE: Final = (" lakes ", "Lakes ", " озёра ", " озера ", " озёрах ", " озерах ", " озёр ", " озер ")
# "the lake Sasykkol", "на озере Балхаш": the lake, not the town
_LAKE_BEFORE: Final = (" lake ", *_LAKES_BEFORE, " озеро ", " озеру ", " озером ", " озере ", "Озеро ", "Озера ", "Озере ")
_RIVERS_BEFORE: Final = ("s ", " реках ", " реки ", " рек ", " рекам ", " реками ", "Реки ",  # before a list of rivers
                  " междуречье ", " междуречья ", " междуречьи ")  # ("в междуречье Волги и Урала")
_RIVER_BEFORE: Final = (" river ", " rivers ", " tributary ", " tributaries ", "bridges over the ", "bridge over the ",
                 *_RIVERS_BEFORE[1:], " река ", " реке ", " реку ", " рекой ", "Река ",  # ("в реках Илек, Тобол
                 # и Урал", "между реками Урал и Волга"); a Russian water's nouns before its name in the genitive
                 # ("обмеление Урала", "приток Урала", "мост через Урал", "в бассейне Тобола")
                 " обмеление ", " обмеления ", " обмелением ", " приток ", " притока ", " притоком ", " притоки ",
                 " бассейн ", " бассейна ", " бассейне ", " русло ", " русла ", " руслу ", " устье ", " устья ",
                 " верховья ", " верховьях ", " низовья ", " низовьях ", " мост через ", " моста через ",
                 " мосту через ", " мостом через ", "Мост через ", "Моста через ", " переправа через ",
                 " переправы через ", " паводок на ",
                 " паводка на ")
# what says the name before it is a ship's ("Barda is a ship", "… are ferries"), and a quick test of a text for it
_TO_BE_AFTER: Final = (" is ", " are ", " was ", " were ")  # (a quick test first: where a name may be said a ship)
# (a ship's noun that ends the phrase, not a modifier: "Kuryk is a ferry, rail and road hub"; nor "a tug of war")
_SHIP_PREDICATE: Final = re.compile(rf" (?:is|are|was|were) (?:a |an |the |our |two )?(?:[a-z]+ )?(?!tugs? of war)"
                             rf"(?:{'|'.join((*_SHIPS, *_SHIP_PLURALS))})"
                             r"(?:[.;:!?)]|,(?! [a-z]+(?:,| and| or))"
                             r"| (?:of|named|called|that|which|owned|operated|built|registered|under)\b)")
# a text without a ship's noun says of no name that it is a ship (" ferr": ferry, ferries; most texts of the
# field have one, "shipping": this spares the rest a pass over their names)
_SHIP_NOUNS: Final = tuple(f" {w[:-1] if w == 'ferry' else w}" for w in _SHIPS)
# what may make the name after it a thing's, a street's, a port's or a river's (and Lexicon.venues_before)
_WORDS_BEFORE_NAME: Final = (*_SHIP_WORDS, *_CALLED, *_STREET_WORDS, *_PORT_BEFORE, *_RIVER_BEFORE,
                      *_LAKE_BEFORE, *_THE_QUOTED)
# a road's number before its name ("the R-254 Irtysh highway"; not "the M-32 Samara–Shymkent highway", whose
# names are its ends)
# (or in quotes, or with the road's word before the number: 'the highway R-254 "Irtysh"')
_ROAD_NAMED: Final = re.compile(r"(?:\b(highway|road|motorway|route|трасс[аеыу]|автодорог[аиеу]) )?\b[A-ZА-Я]{1,2}(?:-\d{1,4}"
                         r"|\d{2,4}) [\"«“]?$")  # ("трасса Р-254 «Иртыш»": Cyrillic Р)
_ROAD_AFTER: Final = (" highway", " road", " motorway", " route")
_PIPELINE_AFTER: Final = (" pipeline", " oil pipeline", " gas pipeline", " Pipeline")
_DASH_BEFORE: Final = re.compile(r"[-‐‑–—] ?$")  # a route's dash before its end ("the Baku–Novorossiysk pipeline")
_PLACE_NOUNS: Final = "station|checkpoint|crossing|port|seaport|terminal|border|post|airport|region|district"
_QUOTED_PLACE: Final = re.compile(rf"[\"»”] (?:[a-z]+ ){{0,2}}(?:{_PLACE_NOUNS})"
                           r"|\s?[-–—‐‑]\s?[A-Z]")  # ('the "Kazakhstan – China" pipeline')
# ... or inside the quotes: 'the "Aktau Seaport" zone', 'the "Petropavl customs post"'
_QUOTED_PLACE_NAME: Final = re.compile(rf"(?: [A-Za-z]+){{0,2}} (?i:{_PLACE_NOUNS})[\"»”]")
# "Esil station", "… district", "Esil elevator"
_SETTLEMENT_AFTER: Final = re.compile(rf" (?:{'|'.join((*_STOP_WORDS, 'district', 'elevator'))})\b")
_VILLAGE_BEFORE: Final = ("village of ", "the village ", "Village of ", "village ")  # a village's name after it, no city's
_SETTLEMENT_OF_IN_CAPITALS: Final = ("CITY OF ", "TOWN OF ", "PORT OF ", "VILLAGE OF ")  # a heading's: "PLAN OF THE CITY OF FRUNZE"
_SETTLEMENT_BEFORE: Final = (" village of ", " town of ", " city of ", " settlement of ", " the village ", " the town ")
# ... and in Russian ("в городе Урал", "у поселка Кайрат", "Станция Тобол"), in any case
_RUSSIAN_SETTLEMENT_BEFORE: Final = tuple(f" {w} " for w in (
    "город", "города", "городе", "посёлок", "поселок", "посёлка", "поселка", "посёлке", "поселке", "село", "села",
    "селе", "станция", "станции", "аул", "аула", "ауле"))
_SETTLEMENT_TAILS: Final = frozenset(w[-3:-1] for w in (*_SETTLEMENT_BEFORE, *_RUSSIAN_SETTLEMENT_BEFORE))  # ("of", "од")
# a city of an area, not of a name: "the largest city of Xinjiang", "the second city of Kazakhstan"
_CITY_IN_BEFORE: Final = re.compile(r"(?:est|second|third|fourth|fifth|capital|main|only|chief|principal|major) "
                             r"(?:city|town|port|village) of $", re.IGNORECASE)
# "Altai city", "Ishim town" (not "the Xinjiang city of Aral", a division's)
_SETTLEMENT_WORD_AFTER: Final = re.compile(r" (?:town|city|village|settlement)\b(?! of\b)")


def _after_settlement_word(text: str, start: int) -> bool:
    """Whether the name at *start* follows a settlement's word ("the village of", "the town"; 15 characters at
    most, looked at in any case)."""
    if start < 3 or text[start - 1] not in " \n" or text[start - 3: start - 1].lower() not in _SETTLEMENT_TAILS:
        return False  # (a quick test first)
    lead = max(0, start - 16)
    window = text[lead: start].lower().replace("\n", " ")
    if lead == 0 or text[lead - 1].isspace():  # (a word opening the text or a line: "Станция Тобол")
        window = " " + window
    return window.endswith(_SETTLEMENT_BEFORE) or window.endswith(_RUSSIAN_SETTLEMENT_BEFORE)
_MODE_WINDOW: Final = 160  # characters on each side of a post's name where its crossing's mode may be named
# between a town and the division or country it lies in ("Aksu in Xinjiang", "Altay city in Xinjiang")
_IN_PLACE: Final = (", ", " in ", " in the ", " city in ", " town in ", " village in ", " (",
             " station (")  # ... "Fyodorovka station
# (Kostanay region)", "KARASU (Zhambyl obl.)"
_IN_PLACE_LENGTHS: Final = frozenset(map(len, _IN_PLACE))
# between a division's name and its town's: "the Xinjiang city of Aral", "the Pavlodar region town of Aksu"
_DIVISION_S_TOWN: Final = frozenset((" city of ", " town of ", " village of ", " port of "))
_A_TOWN_IN: Final = re.compile(r", an? (?:(?:small|large|big|little|border|former|mining|port|railway|industrial) )?"
                        r"(?:town|city|village|settlement|port|station|district centre|district center) in (?:the )?")
# what may stand between two tokens of one multi-word name
JOINER: Final = re.compile(r"^(?: |-|–|—|‐|‑| - | – | — |\. |\.)$")
CONNECTORS: Final = {"of", "de", "la", "le", "el", "al", "the", "on", "upon", "am", "an", "der", "sur",
              "en", "y", "and", "du", "des", "da", "do", "dos", "di", "del", "les", "na", "на",  # Kalach-na-Donu,
              # Ростов-на-Дону
              "nad",  # Polish "on": Frankfurt nad Odrą
              "e", "i"}  # Persian ezafe: Bandar-e Anzali, Mazar-i-Sharif
ABBREVIATED: Final = {"st", "mt", "ft", "pt"}
# words before which a given name that places carry is the place ("in Paris Macron said"); not "to", "from"
# or "for", which come before people as often ("according to Victoria Nuland")
_LOCATIVES: Final = {"in", "near", "outside", "inside", "across", "via"}
OWN_NAME_BONUS: Final = 0.05  # "Kars" is the city of Kars before Kadirli, which GeoNames also calls Kars
STRAY_NEAR_KM: Final = 300.0  # a small place outside the field read by another name only if this near the text's places
NOTED_PRIOR: Final = 0.8  # prior() of a city of note (about 400,000 people)
# a smaller namesake of a city of note is meant only when the text says so ("Name, Country", a demonym) or
# when it lies this close to the places the text names while the city of note lies far from them all, and is
# more than a hamlet
NAMESAKE_NEAR_KM, NOTED_FAR_KM = 150.0, 1000.0
NEAR_KM: Final = 150.0  # "X near Y" means a place X this near Y ("the other Troitsk near Moscow") ...
NEAR_FAR_KM: Final = 300.0  # ... where the X read lies farther than this from Y (Dubna, 110 km off, stays)
LIST_PRIOR_GAP, LIST_NEAR_KM = 0.15, 1000.0  # a list's odd place in its others' country: see _places_of_a_list
STOP_PRIOR_GAP: Final = 0.05  # a route's stop near the stops beside it is read so if about as prominent (_stops_beside)
DISTRICT_TOWN_KM: Final = 100.0  # "Town in X district" means a town of the name this near the district's centre
BESIDE_CITY_KM: Final = 60.0  # "Town, City" means a town of the name this near the city ("Aksu, Antalya")
CYRILLIC_CAPITALS_POPULATION: Final = 50_000  # a Cyrillic word in capitals names a place this big by any of its names
SHORT_NAME_PRIOR: Final = 0.75  # prior() of a city big enough to go by the leading words of its name (about 180,000)
CONTEXT_CHARS: Final = 300  # a mention's context: its sentence, cut to about this many characters
COMMON_WORD_ZIPF: Final = 4.0
OPENING_WORD_ZIPF: Final = 3.5  # this common in English, a word opening a sentence names no small place outside the field
LEADING_WORD_ZIPF: Final = 4.5  # this common in English, a big city's leading word is no name of it ("Gold"; "Newcastle" is)
CITY_OF_TWO_LETTERS: Final = 100_000  # a name of two letters is a place only where it names a city this big ("Ош")
ANCHOR_WORD_ZIPF: Final = 3.0  # this common in English, a name of towns under 100,000 anchors no other ("Barley", "Grain")
OTHER_NAME_WORD_ZIPF: Final = 3.5  # this common in English, a word that is only another name of a place is the word
SURNAME_PLACE_PRIOR: Final = 0.55  # prior() of a town of about 7,000: a bigger place's name after a given name is no surname
FAR_PAIR_KM: Final = 1500.0  # two small places hyphened together this far apart are one name the gazetteer lacks
SOLE_TOWN_PRIOR: Final = 0.71  # prior() of a city of about 100,000 people
OCR_TOWN_PRIOR: Final = 0.65  # prior() of a town of about 35,000: its name misread by OCR is read ("Alrnaty")
_DISTRICT_AFTER: Final = (" district", " District")  # ("Almaty, Zhetysu district": a name the district's is not)
CITY_DISTRICT_KM = 30.0  # a city's district lies this near its point at most
WATER_TOWN_KM: Final = 1500.0  # a town this near a water's point (often its mouth) may be the town on it ("Chu": Shu)
NEAR_TOWN_KM: Final = 1000.0  # a city this near the text's places is meant when the best-scoring namesake is dropped
# a place this near the text's places, of about a fourth of the people or more, is meant before a namesake this far
# from them all that only its country's naming puts first ("Kurgan to Petropavlovsk" is Petropavl, not Kamchatka)
RIVAL_NEAR_KM, RIVAL_FAR_KM, RIVAL_PRIOR_GAP = 500.0, 2000.0, 0.1
TWIN_DEGREES: Final = 0.15  # twin towns across a border lie this close in latitude and longitude ("Khorgos": KZ and CN)
SPELLING_RATIO: Final = 0.8  # difflib likeness of two spellings of one name ("sirvan", "shirvan": 0.92)
EXONYM_ZIPF: Final = 2.5  # this common in English, a name may be an English exonym ("Hanover", "Munich")
RENAMED_PRIOR_GAP: Final = 0.15  # about ten times fewer people than the biggest place that has the name as its own
VILLAGE_PRIOR: Final = 0.5  # prior() of a place of about 3,000: smaller ones are often a piece of a longer name
SURNAME_ZIPF: Final = 3.0  # an unlisted surname after a given name is rarer than this in English ("Nuland", not "Hilton")
NAME_ZIPF: Final = 2.0  # rarer than this in English and capitalised: likely part of a person's name
FOREIGN_WORD_ZIPF: Final = 1.5  # rarer than this, a word is one English never writes (a foreign place's: "Olechow")


class _Endings:
    """Words a text may end with before a name ("the tanker ", " LLC "), grouped by their last three
    characters: a test compares only the few words that end as the text does, not each of hundreds."""

    def __init__(self, words: Iterable[str] = ()) -> None:  # (no words: as pickle makes one, compiled, to fill)
        self.words = tuple(words)
        groups: dict[str, list[str]] = {}
        for w in self.words:
            groups.setdefault(w[-3:], []).append(w)
        self._by_tail = {tail: tuple(ws) for tail, ws in groups.items() if len(tail) == 3}
        self._short = tuple(w for w in self.words if len(w) < 3)

    def before(self, text: str, end: int) -> bool:
        """Whether ``text[:end]`` ends with one of the words."""
        words = self._by_tail.get(text[max(0, end - 3): end])
        return words is not None and text.endswith(words, 0, end) \
            or bool(self._short) and text.endswith(self._short, 0, end)

    def before_line(self, text: str, end: int) -> bool:
        """Whether ``text[:end]`` ends with one of the words, the text's start read as a line's ('Vodka "Kazan"'
        opening a paragraph)."""
        return self.before(text, end) or end < 40 and self.before("\n" + text[:end], end + 1)


@dataclass(slots=True)
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
        """The mention as a plain dict, its ``id`` first (every field is a str or a number)."""
        return {"id": self.id, **{name: getattr(self, name) for name in _MENTION_FIELDS}}


_MENTION_FIELDS: Final = tuple(f.name for f in fields(Mention))  # as_dict's keys, in order


@dataclass
class _Token:
    start: int
    end: int
    key: str
    raw: str


@dataclass(frozen=True, eq=False)
class _Name:
    """A gazetteer name and what it says whatever the text around it (one per key, shared by its matches)."""

    key: str
    entries: tuple[Entry, ...]
    country_name: bool
    anchor: Entry | None  # the entry when the name is unambiguous (or a country)
    priors: tuple[float, ...]  # prior() of each entry
    areal: tuple[bool, ...]  # is_area() of each entry
    own: tuple[bool, ...]  # whether the name is the entry's own (main) name, not one of its other names
    contenders: tuple[tuple[Entry, float, bool, bool], ...]  # (entry, prior, areal, own) of those that can win
    points: dict[str, tuple[float, float, float]]  # the unit vector of each contender with a point, by id
    countries: tuple[str, ...]  # each contender's country
    # for a name only areas carry ("Kazakhstan"), whom it resolves to depends on the cues alone: by the cues
    resolved_by_cues: dict[tuple, tuple[Entry | None, float]] | None
    prominent: bool  # some entry is a big place
    obscure: bool  # only small populated places carry it as their own name, if any does (no country, region,
    # curated place or city: "Valley", whose city of note, The Valley, carries it only without its article)
    noted: bool  # it is the own name of a city of note
    noted_entry: Entry | None  # the most prominent place whose own name it is, if noted
    # ids of the places (not areas nor curated) that carry the name only as another (often former) name and
    # are not meant but on a "Name, Country" cue: the name's own bearers are far bigger ("Brest" is no
    # Ukrainian village once called so), or bigger at all when the name is rare in English, so no English
    # exonym ("Constanta" is Constanța, not Konstanz, which Romanian calls so); not those whose own name is
    # another spelling of it ("Şirvan", "Shirvan")
    renamed_only: frozenset[str]
    holds_area: bool  # some entry is an area, a water or a curated place, or it names a border post
    holds_village: bool  # holds_area, or some entry is a place of about 3,000 people or more
    other_name_word: bool  # a common English word that only other names of places are ("Rim": Rome)
    distinctive: bool  # many words, none of them common, that only one place has ("Ust-Luga", "Bandar-e Gaz")
    # only small places carry it, and it is a common English word the text may not mean as a place: no anchor
    # of distances or countries ("Export-Import Bank" is no Export, Pennsylvania, making the text's places far)
    common_word: bool
    # the biggest place of about 100,000 people or more that has the name as its own, if any: a common word
    # ("Mary") is that city where the text names its country (see Geoparser.parse); the only place of a name,
    # such a city, is kept however far the text's other places lie ("Batumi")
    city: Entry | None
    # the border posts of the name's crossings: what it means where the text speaks of the crossing ("the
    # Taskala – Ozinki crossing"), though elsewhere it means the town the posts are named after
    posts: tuple[Entry, ...]
    top_prior: float  # prior() of noted_entry and of city (the same place), where either is set
    water_word: bool = False  # a water's name read alone after "the" ("Ural"): a far hamlet of it is not meant
    twins: bool = False  # two of its places lie side by side in two countries ("Khorgos"): see _twin_of_the_text
    given: bool = False  # a data file gives it (a curated place's or an alias's spelling: "Turkmenbaschi")


@dataclass(frozen=True)
class _Match:
    """A gazetteer name inside a run of capitalised words."""

    start: int  # offsets relative to the run
    end: int
    name: _Name
    upper: bool  # one all-capital word (US, UAE, a dateline "ASTANA –")
    # _WEAK: a common English word that is also a city's name, a place where the text names its country;
    # _WEAK_CAPS: a name in capitals ("KARS"), a place where the text also has it in lower case as a place;
    # _WEAK_ABBREVIATION: a country's abbreviation ("RK"), the country where the text names it otherwise
    weak: int = 0


@dataclass(frozen=True)
class _RunInfo:
    """What one run of capitalised words holds, whatever its place in a text."""

    matches: tuple[_Match, ...]  # the place names it allows
    at_sentence_start: tuple[_Match, ...] | None  # the same at a sentence start, None if no different
    demonyms: tuple[tuple[int, int, str], ...]  # (start, end, country)
    outlets: tuple[tuple[int, int], ...]  # outlet names the run holds ("The Astana Times"): (start, end)
    open_outlets: tuple[_OpenOutlet, ...]  # outlet names that may go on past the run
    after_locative: tuple[_Match, ...] | None = None  # the place names after "in", "near" …, None if no different
    surnames: frozenset[str] = frozenset()  # keys of place names it shows as a person's surname ("Jordan Henderson")
    # its last word names nothing alone, but may with a lower-case noun after it ("Mendykara districts"; see
    # Geoparser._features_after)
    ends_feature_head: bool = False

    @property
    def idle(self) -> bool:
        """Nothing here for the recogniser (most runs: "The", "President", "Monday")."""
        return not (self.matches or self.at_sentence_start or self.after_locative or self.demonyms or self.outlets
                    or self.open_outlets or self.surnames)

    @staticmethod
    def joined(first: _RunInfo, rest: list[tuple[int, _RunInfo]]) -> _RunInfo:
        """The run whose pieces are *first* and then each of *rest*, which starts *k* characters in (a run
        cut at "and"); linear in the number of pieces."""
        matches, demonyms, outlets, open_outlets = [], [], [], []
        for k, info in rest:
            matches += [_Match(m.start + k, m.end + k, m.name, m.upper, m.weak) for m in info.matches]
            demonyms += [(a + k, b + k, c) for a, b, c in info.demonyms]
            outlets += [(a + k, b + k) for a, b in info.outlets]
            open_outlets += [_OpenOutlet(o.start + k, o.names, o.after + k, o.probes) for o in info.open_outlets]
        more = tuple(matches)
        return _RunInfo(first.matches + more,
                        None if first.at_sentence_start is None else first.at_sentence_start + more,
                        first.demonyms + tuple(demonyms), first.outlets + tuple(outlets),
                        first.open_outlets + tuple(open_outlets),
                        None if first.after_locative is None else first.after_locative + more,
                        first.surnames.union(*(info.surnames for _, info in rest)), rest[-1][1].ends_feature_head)


_IDLE: Final = _RunInfo((), None, (), (), ())
_FEATURE_HEAD: Final = _RunInfo((), None, (), (), (), ends_feature_head=True)  # idle too, but a lower-case noun after it
# may make a name (see Geoparser._features_after): "the Bukhtarma reservoir"


@dataclass(frozen=True)
class _OpenOutlet:
    """Outlet names that start in a run and may go on past its end: only the text after the run tells."""

    start: int  # where they start in the run
    names: tuple[str, ...]  # lower case, longest first
    after: int  # where the run (or the piece of it they start in) ends
    probes: frozenset[str] | None  # each name's two characters after the run, if every name has them

    @staticmethod
    def at(run: str, start: int, names: tuple[str, ...]) -> _OpenOutlet:
        """The outlet names *names* starting at ``run[start:]``; the probes are a quick test of the two
        characters after the run, before :meth:`_Page.outlet_at` reads the names whole."""
        shown = len(run) - start
        probes = None
        if run.isascii() and all(len(n) >= shown + 2 for n in names):
            probes = frozenset(n[shown: shown + 2] for n in names)
        return _OpenOutlet(start, names, len(run), probes)


_Candidate = tuple[int, int, _Match, str]  # start, end, the name's match, the country of "Name, Country"


_norm = lru_cache(maxsize=262144)(normalize)


def _scripts_held(text: str) -> tuple[bool, bool, bool]:
    """Whether *text* may hold a Chinese character, a letter of the Arabic script, and a Georgian one (a quick test
    first, before :data:`HAN`'s, :data:`ARABIC_WORD`'s and :data:`GEORGIAN_WORD`'s searches: their UTF-8 lead bytes
    looked for in the text encoded once, several times faster than a regex's set tried at each character)."""
    if text.isascii():
        return False, False, False
    raw = text.encode("utf-8", "surrogatepass")
    return any(b in raw for b in _HAN_LEAD_BYTES), any(b in raw for b in _ARABIC_LEAD_BYTES) or (
        b"\xef" in raw and _ARABIC_PRESENTATION.search(text) is not None), b"\xe1\x83" in raw or b"\xe1\xb2" in raw


_ARABIC_LEAD_BYTES: Final = (b"\xd8", b"\xd9", b"\xda", b"\xdb")
# two Cyrillic initials before or after a surname ("А.В. Семенов", "Орлова Е.Н."; in Latin letters they are as often
# a country's: "the U.S. Astana")
_TWO_INITIALS_BEFORE: Final = re.compile(r"(?<![^\W\d_])[А-ЯЁ]\.[ \u00a0]?[А-ЯЁ]\.[ \u00a0]$")
_TWO_INITIALS_AFTER: Final = re.compile(r"[ \u00a0][А-ЯЁ]\.[ \u00a0]?[А-ЯЁ]\.(?![^\W\d_])")
# spaces that are no ASCII space: no-break (Russian and French typography, web pages, Word), thin, narrow, figure,
# ideographic ones; between a name's words each is read as a space (a tab stays: it separates a table's cells); and
# superscript digits after a letter, a footnote's marks glued to a word ("Шевченко¹"), are read as a space too
_ODD_SPACE: Final = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]|(?<=[^\\W\\d_])[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]")
_ODD_SPACES: Final = ("\u00a0", "\u202f", "\u2009", "\u2007", "\u2002", "\u2003", "\u3000", "\u00b9", "\u00b2",
               "\u00b3")  # (the common ones, looked for first)
_ARABIC_PRESENTATION: Final = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")  # (whose UTF-8 starts as other forms' do)


def _lower_key(word: str) -> str:
    """The index key of a lower-case word (:data:`_LOWER_WORD`): itself if plain ASCII letters, as _norm would
    give it (a quick way first: a text may hold thousands)."""
    return word if word.isascii() and "'" not in word else _norm(word)


# a run: capitalised words joined as the words of one name may be (space, hyphen, dash, dot),
# with lower-case connectors inside ("Bay of Bengal"); each word starts where a token starts
_UPPER: Final = "".join(chr(c) for c in range(0x10000) if chr(c).isupper())
_WORD: Final = r"[^\W\d_]*(?:['’‘][^\W\d_]+)*"
# a dot joins words only after an abbreviation ("St. Petersburg"); elsewhere it ends the run (the dot is
# matched before the look back, which every word's end would otherwise pay for)
_ABBREVIATION_DOT: Final = (r"\.(?<=(?<![^\W\d_])(?:"
                     + "|".join("".join(f"[{c.upper()}{c}]" for c in a) for a in sorted(ABBREVIATED)) + r")\.) ?")
_CONNECTOR: Final = "(?:" + "|".join(sorted(CONNECTORS, key=lambda w: (-len(w), w))) + r")(?![^\W\d_]|['’][^\W\d_])"
_INITIALS_DOT: Final = r"\.(?=[A-Z]\.)(?<=(?<![^\W\d_])[A-Z]\.)"  # inside "U.S.", "U.K."
# (a capital after a letter, an underscore or "@" starts no run: "@Oksana_Pavlodar" is a handle; nor one after a
# digit, or a digit and a foot's sign: "2x40HC Xi'an", "4x40'HC Xi'an" are a container's type, then a name, not "HC
# Xi'an", a hockey club; nor one after a letter
# and an apostrophe, but for French and Italian elided articles and prepositions: "d'Aktaou", "l'Iran",
# "L'Europe", "jusqu'Almaty", "dell'Asia centrale", "dall'Azerbaigian", whose name is the run)
# (checked after the capital, so that the engine still skips to capitals: "L'Europe", "Dall'Azerbaigian" open no run,
# the name does)
_ELIDED: Final = (r"(?!(?<=[DL])['’][A-Z]|(?<=[DNS])ell['’][A-Z]|(?<=D)all['’][A-Z]|(?<=A)ll['’][A-Z]"
           r"|(?<=S)ull['’][A-Z])")
_AFTER_APOSTROPHE: Final = (r"(?:(?<![^\W\d_]['’].)|(?<=(?<![^\W\d_])[dlDL]['’].)|(?<=[Qq]u['’].)"
                     r"|(?<=[DdNnSs]ell['’].)|(?<=[Dd]all['’].)|(?<=(?<![^\W\d_])[Aa]ll['’].)|(?<=[Ss]ull['’].))")  # (Italian: "dell'Asia")
WORD_MAX_CHARS: Final = 100  # no name has a longer word (Llanfairpwllgwyngyll's full name has 58 letters)
RUN_MAX_WORDS: Final = 40  # a run goes on in the next (no name is this long; "A.B.C.D.…" of a hostile file stays cheap)
RUN: Final = re.compile(rf"[{re.escape(_UPPER)}]{_ELIDED}(?<![^\W_].)(?<![^\W\d]_.)(?<!@.)(?<!\d['’′].){_AFTER_APOSTROPHE}{_WORD}"
                 rf"(?:(?: [-–—] |[ \-–—‐‑]|{_ABBREVIATION_DOT}|{_INITIALS_DOT})"
                 rf"(?:[{re.escape(_UPPER)}]{_WORD}|{_CONNECTOR})){{0,{RUN_MAX_WORDS - 1}}}")
# a capitalised word before a hyphen and a name, the name's first part ("Katon-"), and what makes a pair a route
_WORD_BEFORE_HYPHEN: Final = re.compile(r"(?<![^\W\d_])[A-Z][^\W\d_]*[a-z][^\W\d_]*[-‐‑]$")
# a list's item of people, given name first: "16. Marat Altai – Partner, …"
_PERSON_DASHES: Final = (" – ", " — ", " - ")
_ITEM_PREFIX: Final = r"(?:^|\n)[ \t]*(?:\d{1,3}[.)][ \t]+|[-*•][ \t]+)?"  # a line's start, maybe its number or bullet
_ITEM_START: Final = re.compile(rf"{_ITEM_PREFIX}$")
_ITEM_GIVEN_BEFORE: Final = re.compile(rf"{_ITEM_PREFIX}([A-Z][^\W\d_]+) $")
_ITEM_SURNAME_AFTER: Final = re.compile(r" [A-Z][^\W\d_'’-]+(?:-[A-Z][^\W\d_]+)? [–—-] ")
_THE_BEFORE: Final = re.compile(r"(?<![^\W\d_])[Tt]he (?:[a-z]+ )?$")  # "the ", maybe an adjective: "the old "
_CORNER_BEFORE: Final = re.compile(r"\b(?:corner|crossing|intersection) of $")  # streets: "the corner of Abai and Dostyk"
# a brand's words after a place's name inside quotes: '"Isfahan Gold"', '"Samarkand Black"', '"Vostok-Transit"'
# (not a block's, a park's or a station's: '"Ridder-North"', '"Orenburg-South"', '"Novosibirsk-Glavny"')
_BRAND_TAIL: Final = re.compile(r"[ -](?:Gold|Golden|Black|White|Red|Premium|Kids|Lux|Luxe|Classic|Original|Light|Special"
                         r"|Extra|Royal|Plus|Transit|Trans|Trade|Invest|Group|Export|Agro|Food|Foods|Pack|Fresh"
                         r"|Quarter|Towers|Tower|Residence|Residences|Family|Catering|Minerals|Mining|Development)")
_HYPHENED_TAIL: Final = re.compile(r"[-‐‑]([A-Z][^\W\d_]+)\b(?![-‐‑])")  # "-Istek" of "Kos-Istek"
# Russian and German words for a station's part of town after a hyphen ("Brest-Severny", "Almaty-Tsentralny")
_STATION_SUFFIXES: Final = frozenset({"severny", "severnyy", "yuzhny", "yuzhnyy", "vostochny", "vostochnyy", "zapadny",
                               "zapadnyy", "tsentralny", "tsentralnyy", "glavny", "tovarny", "passazhirsky",
                               # German: "Brest-Nordbahnhof" (Brest-Severny), "Berlin-Hauptbahnhof"
                               "hauptbahnhof", "hbf", "bahnhof", "nordbahnhof", "sudbahnhof", "ostbahnhof",
                               "westbahnhof", "gbf", "rbf", "sortirovochny", "passazhirskiy",
                               # Russian, in the cases a station's name takes ("на станцию Брест-Северный", "из
                               # Брест-Северного", "на Челябинске-Главном")
                               *(normalize(stem + ending)
                                 for stem in ("северн", "южн", "восточн", "западн", "центральн", "главн", "товарн",
                                              "пассажирск", "сортировочн")
                                 for ending in ("ый", "ий", "ого", "ому", "ым", "ом", "ая", "ой", "ую"))})
_ROUTE_AFTER_PAIR: Final = re.compile(r"(?:[-‐‑–—][A-Z]| (?:line|railway|rail|road|highway|motorway|section|stage|route"
                               r"|corridor|stretch|pipeline|border|link|branch)\b)")
# after "X district": a city it is a district of ("of Astana", "of the capital"; not "of Pavlodar region")
_CITY_DISTRICT_OF: Final = re.compile(r" of (the (?:capital|city)\b|[A-Z][^\W\d_]+(?:[- ][A-Z][^\W\d_]+)?\b)"
                               r"(?! (?:[Rr]egion|[Oo]blast|[Pp]rovince|[Kk]rai|[Cc]ounty|[Dd]istrict))")
CITY_DISTRICT_KM = 40  # how far a place of a city's district's name may lie from the city to be that district's
_SPEAKER_BEFORE: Final = frozenset((", ", '" ', "” ", ". ", "' ", "’ "))  # where a sentence's speaker goes
_DOLLAR_AFTER: Final = re.compile(r"\$|\.?[ -]dollar(s)?\b|-Dollar\b")  # after a country's name: its currency
_DOLLAR_STARTS: Final = ("$", " dollar", "-dollar", ". dollar", ".-dollar", "-Dollar")  # (a quick test first; German
# "US-Dollar")
_MODEL_NUMBER: Final = re.compile(r"-\d{3,}")  # after a name: a vehicle's model ("Ural-4320"); a station's is shorter
_QUALIFIER: Final = re.compile(r" \([A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)?\)")  # "(Oder)", "(Mansfelder Land)" after a name
_PAIR_GLUE: Final = frozenset({" and ", " (", ", ", " or "})  # between a common word that names a city and another name
_MIXED_ACRONYM: Final = re.compile(r"[A-Z]{2,}[a-z]+[A-Z]")  # "ALZhIR", "KTZhD"
# lower-case words after a name that make it the name of a first-level division ("Atyrau region"), or of a
# feature the gazetteer knows ("the Altai mountains", "the Ural river"); a plural makes each name of a list
# that ("the Aktobe and Kostanay regions", "the Suez and Panama canals")
_DIVISION_WORDS: Final = ("region", "oblast", "province", "krai", "kray", "oblysy", "district", "obl", "raion", "rayon",
                   "r-n", "kr", "prefecture", "county")  # (China's: "the Altay prefecture", "Yumin county")
_DIVISION_SYNONYMS: Final = {"region": ("oblast", "krai", "kray", "province"), "oblast": ("region",),  # "Stavropol region"
                      "obl": ("oblast", "region"), "oblysy": ("region", "oblast"), "raion": ("district",),
                      "rayon": ("district",), "r-n": ("district",), "province": ("oblast", "region"),
                      "kr": ("krai", "kray"), "ridge": ("range", "mountains")}  # tried where the name and the
# word itself make no name ("the Karatau ridge": the Karatau Mountains, not the town 240 km off):
# "Orenburg obl.", "Kyzylzhar r-n", "Chelyabinsk province", "Krasnodar kr."
_TOWN_ADJECTIVE: Final = re.compile(r"(?<=sk)(?:iy|ii|y|ogo|oy|aya|oye)$")  # "Sol-Iletskiy": of Sol-Iletsk
_RUSSIAN_ADJECTIVE: Final = re.compile(r"(?<=[a-z]{3})(?:skiy|skii|sky|skogo|skoy)$")  # "Martukskiy r-n"
_PLURAL_NAME_WORDS: Final = ("regions", "oblasts", "provinces", "districts", "rivers", "canals", "lakes", "seas", "reservoirs",
                      "basins", "valleys", "stations", "prefectures", "counties")
_WATER_PARTS: Final = frozenset({"basin", "valley", "delta"})  # of a river: "the Tobol and Ishim basins" are the rivers'
_WATER_PART: Final = re.compile(rf" ({'|'.join(sorted(_WATER_PARTS))})\b")
_WATER_PART_AFTER: Final = tuple(f" {part}" for part in sorted(_WATER_PARTS))  # after a dashed pair: "the Chu–Talas basin"
# "the" and a word for a part of a sea or river before its name read alone ("the northern Caspian")
_THE_PART: Final = re.compile(r"(?<![^\W\d_])[Tt]he (?:[a-z]+ )?(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?"
                       r"|(?:east|west)(?:ern)?|central|middle|upper|lower) $")  # "the (shallow) northern Caspian"
_FEATURE_WORDS: Final = ("river", "lake", "sea", "mountains", "range", "valley", "basin", "reservoir", "desert", "steppe",
                  "plateau", "hills", "canal", "pass", "gorge", "depression", "lowland", "plain", "sands", "peninsula",
                  "delta", "canyon", "ridge", "glacier", "peak", "cosmodrome", "spaceport")
# features that lie apart from the town of their name (not "the Ekibastuz basin", "the Kulunda steppe"), with
# the feature class an entry must have to be the feature: H (waters), T (ranges, passes, gorges)
_FEATURE_CLASS: Final = {"river": "H", "lake": "H", "reservoir": "H", "canal": "H",
                  "mountains": "T", "range": "T", "hills": "T", "pass": "T", "gorge": "T", "depression": "T",
                  "lowland": "T", "plain": "T", "sands": "T", "canyon": "T", "ridge": "T", "glacier": "H",
                  "peak": "T", "cosmodrome": "S", "spaceport": "S"}  # (not a town of the name: "the Semenov glacier",
# "Chapaev peak" are a scientist's; "the Baikonur cosmodrome" lies 39 km from the town)
# a wire story's credits: the word before " by ", what they name, and in that each person's name (not the place
# after "in")
_CREDIT_HEAD: Final = re.compile(r"(?<![^\W\d_])(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|[Pp]hotos?|[Gg]raphics?)$")
_CREDIT_ENDS: Final = frozenset(("ing", "led", "oto", "tos", "hic", "ics"))  # (a quick test of the word before " by " first)
_CREDIT_BODY: Final = re.compile(r"[^;)\n.!?]{1,240}")  # (up to the credit's or the sentence's end)
_CREDITED: Final = re.compile(r"(?:^|(?<=, )|(?<= and ))([A-Z][^\W\d_'’.-]*(?:[ '’-]+[A-Z][^\W\d_'’-]*){0,3})")
_PRODUCT_WORDS: Final = ("crude", "blend", "grade", "futures")  # after which an oil grade's name is the grade
_GRADE_BEFORE: Final = re.compile(r"(?<![^\W\d_])(?:Dated|Dtd\.?|ICE|NYMEX|CME) $")  # before which it is too ("Dated Brent")
_OIL_TEXT: Final = re.compile(r"\b(?:crude|oil|barrels?|bpd)\b|нефт|баррел", re.IGNORECASE)  # a text of oil
# after which a place's name (not a country's) is a product's, a style's or a party's: "Naftalan mineral water",
# "Shymkent beer", "the Damas van", "a Bukhara carpet", "the Auyl party"
_THING_NOUNS: Final = ("mineral water", "beer", "vodka", "cognac", "tea", "van", "vans", "pick-up", "pickup", "carpet",
                "carpets", "rug", "rugs", "party", "chocolate", "chocolates", "sweets", "candy", "candies", "honey",
                "cheese", "cutlet", "cutlets", "salad", "brandy", "lager", "scholarship", "scholarships", "fellowship",
                "fellowships",  # ("the Bolashak scholarship": the programme, not the station)
                # birds named after places ("Turkestan tit", "Barabinsk gull", "Terek sandpiper", "Caspian tern")
                "tit", "tits", "gull", "gulls", "tern", "terns", "sandpiper", "sandpipers", "pelican", "pelicans",
                "lark", "larks", "sandgrouse", "warbler", "warblers", "shrike", "shrikes", "bunting", "buntings",
                "wheatear", "wheatears", "finch", "finches", "rosefinch", "snowcock", "snowcocks", "redstart",
                "accentor", "woodpecker", "plover", "plovers", "vulture", "vultures", "rubythroat", "nuthatch",
                # and other species and produce ("Aral barbel", "Karatau argali", "Torgai melons")
                "barbel", "argali", "trout", "tulip", "tulips", "melon", "melons")
# after "X street" or "X avenue", a house number: an address's street ("Tbilisi avenue 12", "Baku street, 7b"; not
# "Almaty street 10 km away")
_HOUSE_NUMBER: Final = re.compile(r",? (?:[Nn]o\.? ?)?\d{1,4}[a-zA-Z]?(?:/\d{1,4})?\b(?![.,]\d| ?(?:km|m|kilometres|miles|%|t)\b)")
_ADDRESS_NOUNS: Final = frozenset(("street", "avenue", "ave", "caddesi", "yolu", "sokak", "prospekt", "prospekti", "ulitsa",
                            "köçəsi", "küçəsi"))
# after "X street": a noun the name qualifies (not a verb's or a preposition's word: "street is", "street in")
_NOUN_QUALIFIED: Final = re.compile(r" (?!(?:is|was|are|were|has|had|in|on|at|to|and|or|of|from|near|where|which|that|with|by"
                             r"|for|the|a|an|as|until|since|after|before|between)\b)[a-z]+\b")
# a heading's word in capitals before "US" that makes it the pronoun ("ABOUT US", "HOW TO FIND US")
# (not a preposition's: "EXPORTS TO US MARKETS" may be the country's)
_PRONOUN_US_BEFORE: Final = re.compile(r"\b(?:ABOUT|FIND|CONTACT|JOIN|CALL|LET|VISIT|EMAIL|FOLLOW|HELP|WRITE|MEET|TELL|GIVE"
                                r"|SHOW|ASK|PHONE|TEXT) $")
# after a name and a comma, what makes it a person's: "Shevchenko, the Little Russian poet"
_PERSON_APPOSITIVE: Final = re.compile(r", the (?:(?!of )[A-Za-z-]+ ){0,3}?(?:poet|writer|novelist|painter|composer|"
                                r"playwright|"
                                r"philosopher|explorer|traveller|traveler|scholar|statesman|khan|sultan|tsar"
                                r"|czar|emperor|ruler|hero|singer|actor|actress|footballer|boxer|wrestler|cyclist)\b")
_CLOCK: Final = re.compile(r"\d[:.]\d\d")  # a time of day near "Moscow time": the name is the time zone's
_ONE_FARM: Final = re.compile(r" [Ff]arm\b")  # (not " farms")
_FARM_WORDS: Final = ("collective", "kolkhoz", "sovkhoz")  # after which a name is a Soviet farm's ("the Kirov collective farm")
# the lower-case words after a name that may make it something else's (and Lexicon.venue_nouns)
# (and "station": "Emba station" is Embi, whose station has the name, where the gazetteer has "Emba station")
# Uzbek's region, one or several, in its cases ("Sirdaryo viloyatidagi", "Andijon va Namangan viloyatlaridan"): read
# as "region" and "regions" are (round 74: the towns had been read)
_UZBEK_REGION_WORDS: Final = {f"viloyat{number}{case}": english for number, english in (("i", "region"),
                                                                                      ("lari", "regions"))
                              for case in ("", *UZBEK_CASE_SUFFIXES)}
_NAME_WORDS: Final = (*_PLURAL_NAME_WORDS, *_DIVISION_WORDS, *_FEATURE_WORDS, *_PRODUCT_WORDS, *_THING_NOUNS, *_FARM_WORDS,
               *_UZBEK_REGION_WORDS, "time", "station")
_HEAD_NOUNS: Final = frozenset((*_DIVISION_WORDS, *_FEATURE_WORDS))  # lower-case nouns that end a name: see _features_after
_SINGULAR: Final = {plural: plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
             for plural in _PLURAL_NAME_WORDS}  # "districts": district; "counties": county
_PLURAL_ENDED: Final = tuple(f" {singular}" for singular in _SINGULAR.values())  # a name read from a capitalised plural
_LIST_GLUE: Final = (", ", " and ", ", and ", " or ", ", or ", " и ", " или ", " va ")  # between the names of a list
_LIST_GLUE_MAX: Final = max(map(len, _LIST_GLUE))
_NUMBERLESS_DIVISION_WORDS: Final = frozenset(("obl", "r-n"))  # abbreviations a list's plural writes too
_PLURAL_LIST_GLUE: Final = (*_LIST_GLUE, "-", "–", "—")  # ... before a plural noun: "the Tobol-Ishim basins"
_POSSESSIVE_BEFORE: Final = ("'s ", "’s ")
_BEFORE_BRACKET: Final = re.compile(r"(?:-\d{1,2}|-I{1,3})? \(")  # "Esil (", a station's "Kokshetau-1 ("
_PLURAL_OR_NAME_WORD: Final = re.compile(r" (?:[a-z]+s|[A-Z])\b")  # "… regions", "… checkpoints", "… Region"
_LIST_GLUE_IN_RUN: Final = re.compile(r" and ")  # (a run holds no comma)
# a word in lower case, alone or between hyphens, not inside a handle, address or number ("ekb-almaty")
_LOWER_WORD: Final = re.compile(r"[a-zа-яёәғқңөұүһі](?<![\w@#/.:'’].)[a-zа-яёәғқңөұүһі'’]*(?![\w@/'’]|\.\w)")  # (the
# look-behind after the first letter: one that opens a pattern is tried at every character)
# a chat line's time, in brackets or as WhatsApp writes it ("12/03/2024, 05:12 - "), and the first letter of its
# message, after the sender if any: "[14.02 05:12] Aidos: me, but …"
_CHAT_TIME: Final = r"(?:\[[^\]\n]{0,30}\d[:.]\d[^\]\n]{0,30}\]|\d{1,2}[./]\d{1,2}[./]\d{2,4},? \d{1,2}:\d\d(?:\s?[AaPp][Mm])? -)"
_MESSAGE_START: Final = re.compile(rf"(?m)^{_CHAT_TIME}[ \t]*(?:[^:\n]{{1,40}}:\s+)?([^\W\d_])")
# the first letter of a paragraph of three words or more, after a quote's "> " ("yeah thats normal, most …")
_PARAGRAPH_START: Final = re.compile(r"(?:\A|\n[ \t]*\n)[ \t]*(?:>[ \t]*)?([^\W\d_])(?=[^\W\d_])(?=[^\n]*? [^\n]*? )")
_CAMEL_HASHTAG: Final = re.compile(r"#([A-Z][a-z]+(?:[A-Z][a-z]+)+)\b")  # "#ZhanaZhol"
_CAMEL_BREAK: Final = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SENDER: Final = re.compile(rf"(?m)^{_CHAT_TIME}[ \t]*([^:\n\[\]]{{1,40}}):[ \t]")  # a chat line's sender (after its time)
# this share of at least so many lines' messages (of the first ones) starting in lower case: a chat in lower case
INFORMAL_SHARE, INFORMAL_LINES, INFORMAL_SAMPLE = 0.4, 3, 40
# reading a text not in English (see mapper.languages)
_ELIDED_ARTICLES: Final = ("l'", "d'", "l’", "d’")  # French and Italian articles and prepositions elided before a name
LANGUAGE_WORD_ZIPF: Final = 1.0  # a word this common in a text's language is one of its words (a German compound noun)
LANGUAGE_TOWN_POPULATION: Final = 10_000  # a common word of a language that names a town this big of its country is it
LANGUAGE_CITY_POPULATION: Final = 100_000  # ... or a city this big there as another name of it ("Nürnberg")
CASE_MIN_POPULATION: Final = 10_000  # a case form (Polish, Uzbek…) is read as a town this big, a country, a region or a
# curated place
INFORMAL_SPAN: Final = 6000  # characters at the start of a text that tell a chat (its first lines)
# a text naming fewer places in capitals than one in this many characters is informal where it writes LOWER_NAMES
# places' names in lower case (see Geoparser._writes_names_lower)
SPARSE_NAMES_CHARS, LOWER_NAMES = 250, 3
LOWER_CASE_ZIPF: Final = 3.5  # this common in English, a lower-case word is the word ("hull"), not a city
LOWER_CASE_CITY_ZIPF: Final = 4.5  # ... but for a city of about a million ("moscow"), unless this common ("sale")
# a name of a list just before a later name of it ("Aiyrtau, " before "Timiryazev and Mamlyut districts")
_LIST_PIECE_BEFORE: Final = re.compile(r"(?<![^\W\d_])([A-Z][^\W\d_'’-]*(?:-[A-Z][^\W\d_'’-]*)?)"
                                r"(?:, and |, or |, | and | or )$")
_LIST_MAX: Final = 12  # names of a list read before a plural noun
_DIVISIONS_OF: Final = re.compile(r"\b(region|province|oblast)s of (?:the )?$", re.IGNORECASE)  # ... and after one
# the noun after a division's, a sea's, a gulf's, a strait's, a canal's, a valley's, a range's, a pass's or a
# reservoir's adjective or name in Russian or Kazakh, in its cases ("Костанайской области", "Алтайского края", "в
# Таскалинском районе", "Каспийского моря", "в Чёрном море", "Персидского залива", "Ормузского пролива",
# "Волго-Каспийского канала", "через Ферганскую долину", "Джунгарского хребта";
# Kazakh "Қостанай облысы", "Алакөл ауданындағы", "Балқаш көлінің", "Каспий теңізі", "Алтай өлкесі"; "Курганская обл.";
# Kyrgyz "Нарын облусунда", Mongolian "Сэлэнгэ аймгийн")
_CYRILLIC_DIVISION: Final = re.compile(r"[ \n](област(?:ях|ями|ям|ей|ью|ь|и)|кра(?:й|я|ю|ем|е|ях|ев|ёв)|"
                                r"облыс(?:ындағы|ының|ынан|ында|ына|ымен|ы)|мор(?:е|я|ю|ем)"
                                r"|аудан(?:ындағы|ының|ынан|ында|ына|ы)|көл(?:індегі|інің|інен|інде|іне|і)"
                                r"|облус(?:тарынын|тарына|тары|ундагы|унун|унан|унда|уна|у)|дарыя(?:сынын|сына|сында|сы)"
                                r"|өрөөн(?:үндөгү|үнүн|үнө|үндө|үн|ү)|көл(?:үндөгү|үнүн|үнөн|үндө|үнө|ү)"
                                r"|теңіз(?:індегі|інің|інен|інде|іне|і)"
                                r"|водохранилищ(?:е|а|у|ем)|район(?:ундагы|унун|унда|уна|ах|ами|ам|ов|ом|ы|а|у|е)?"
                                r"|(?:залив|пролив|канал|перевал)(?:ом|а|у|е)?|долин(?:ой|а|ы|е|у)|хреб(?:ет|том|та|ту|те)"
                                r"|өлке(?:сіндегі|сінің|сінен|сінде|сіне|сі)|обл\."
                                r"|айм(?:аг(?:тай|т)?|г(?:ийн|аас|аар|ийг))|хот(?:ын|од|оос|оор|ыг|той)?"
                                r"|велаят(?:ами|ах|ам|ов|ом|а|у|е)?)(?!\w)")  # (Mongolian: "Сэлэнгэ аймагт", "Хөх
# хот", Hohhot; Russian of a Turkmen region: "Лебапского велаята")
_CYRILLIC_DIVISION_STARTS: Final = ("обл", "кра", "мор", "водох", "рай", "ауд", "көл", "тең", "зал", "прол", "кан", "пер",
                             "дол", "хре", "өлк", "дар", "өрө", "айм", "хот", "вел")  # (a quick test first, after a
# space or a line's end: "Қарағанды\nоблысы")
# a Kazakh, Kyrgyz or Mongolian noun's stem and the form the data files give the names with ("Балқаш көлі", "Нарын
# дарыясы", "Сэлэнгэ аймаг")
_DIVISION_HEADS: Final = (("облыс", "облысы"), ("аудан", "ауданы"), ("көлү", "көлү"), ("көл", "көлі"), ("теңіз", "теңізі"),
                 ("өлке", "өлкесі"), ("облус", "облусу"), ("дарыя", "дарыясы"), ("өрөөн", "өрөөнү"), ("айм", "аймаг"))
# a Kazakh, Kyrgyz or Mongolian noun after a town's name, and the English noun of the division or water named after
# the town ("Орынбор облысы": Orenburg Oblast; "Алтай өлкесі": Altai Krai; "Нарын облусу": Naryn Region; "Сүхбаатар
# аймаг": Sükhbaatar Province)
_DIVISION_ENGLISH: Final = {"облыс": ("Oblast", "Region"), "өлке": ("Krai",), "облус": ("Region", "Oblast"),
                            "район": ("District",), "дарыя": ("River",), "өрөөн": ("Valley",), "айм": ("Province",)}
# a division's plural noun after a list of adjectives, by its singular: "Омскую и Новосибирскую области"; and "обл."
_RUSSIAN_PLURAL_HEADS: Final = {"обл.": "область", **{f"област{e}": "область" for e in ("и", "ей", "ям", "ями", "ях")},
                         **{f"кра{e}": "край" for e in ("я", "ев", "ёв", "ям", "ях")},
                         **{f"район{e}": "район" for e in ("ы", "ов", "ам", "ами", "ах")}}
# an adjective of such a list before the next one ("Омскую и ", "Западно-Казахстанской, ")
_RUSSIAN_ADJECTIVE_BEFORE: Final = re.compile(r"(?<![^\W\d_-])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ая|ую|ой|ий|ый|ое))"
                                       r"(?:, и |, | и )$")
_NEXT_WORD: Final = re.compile(r" +([^\W\d_]+)")  # the word after a name, on the same line
# a greeting or thanks before a given name and a comma, and the end of the address after it ("Thanks, Jordan.")
_ADDRESSED: Final = re.compile(r"(?:\b(?:[Tt]hanks|[Tt]hank you|[Hh]i|[Hh]ello|[Cc]heers|[Ww]elcome(?: back)?|[Gg]ood (?:morning|"
                        r"afternoon|evening)|[Yy]es|[Nn]o|[Ss]ure|[Ww]ell|[Oo]kay|OK|[Rr]ight)),? $")
_ADDRESS_END: Final = re.compile(r"[,.!?;:]|\s*$|\s*\n")
# the first words of Turkic names ("Kara-Keche", "Kyzyl-Adyr", "Сары-Таш"), which name other places alone (Kara,
# Togo; Kyzyl, Tuva): before a hyphen and a word no name goes on with, no place
_TURKIC_NAME_HEADS: Final = frozenset(("kara", "kyzyl", "kzyl", "sary", "kok", "ala", "ulu", "uch", "bash", "kum", "jany",
                                "zhana", "кара", "кызыл", "сары", "кок", "көк", "ала", "улу", "уч", "баш", "кум",
                                "жаны", "жана", "қара", "қызыл"))
# a Russian adjective's nominative endings, a lower-case Russian word after a name, and how common in Russian an
# adjective opening a sentence is as a word, not a town's name ("Восточный" 4.3, "Среднее" 4.1, "Мирный" 4.0)
_RUSSIAN_ADJECTIVE_ENDINGS: Final = ("ый", "ий", "ой", "ая", "ое", "ее", "ые", "ие", "яя")
_LOWER_CYRILLIC_AFTER: Final = re.compile(r" [а-яё]")
_UPPER_CYRILLIC_AFTER: Final = re.compile(r"[ :,!-]+[А-ЯЁ]{2,}\b")  # a headline's next word in capitals ("СЕВЕРНЫЙ ЗАВОЗ")
_UPPER_CYRILLIC_BEFORE: Final = re.compile(r"[А-ЯЁ]{2,}[ :,!-]+$")  # ... or its word before ("НОВЫЙ РЕКОРД")
RUSSIAN_ADJECTIVE_ZIPF: Final = 3.5
RUSSIAN_OPENER_ZIPF: Final = 4.0  # ... and a capitalised noun this common opening a sentence ("Ставки", rates)
_LEADING_WORD: Final = re.compile(r"(?<![^\W\d_])([A-Z][a-z]+) $")  # a capitalised word just before a name
_PREVIOUS_WORD: Final = re.compile(r"[^\W\d_]+(?:['’‘][^\W\d_]+)*$")
_AND: Final = re.compile(r" and (?=\S)")
_DOMAIN: Final = re.compile(rf"\.{_TLD}\b")
_URL_HINT: Final = re.compile(rf"https?://|www\.|@|[^\W\d_]_[^\W\d_]|{_DOMAIN.pattern}")  # what only a word with a URL or address holds
_CHUNK: Final = re.compile(r"\S+")

_AUTHOR: Final = re.compile(r",\s*[A-Z]\.")  # "Hadano, T."
_AUTHOR_TITLE: Final = re.compile(r",\s*[*_][A-Z]")  # a reading list's "Morrison, *The Russian Conquest …*"
_ITEM_OPENERS: Final = ("| ", "\n", "- ", "* ", "; ")  # where a list's or table's item starts
_AUTHOR_YEAR: Final = re.compile(r",\s*(?:19|20)\d\d[a-z]?\b")  # "(Hadano, 2023)"
_YEAR_RANGE: Final = re.compile(r",\s*(?:19|20)\d\d\s?(?:[–—-]|to)\s?(?:19|20)?\d\d")  # "Kazalinsk, 2000–2022"
# a place and "and" after a place's preposition, before the last name of a pair ("between Arys and Turkestan, 2023")
_PLACE_PAIR_BEFORE: Final = re.compile(r"(?<![^\W\d_])(?:between|from|in|at|near|via) [A-Z][^\W\d_]+(?:[- ][A-Z][^\W\d_]+)? "
                                r"(?:and|or) $")
_CITING_BEFORE: Final = re.compile(r"(?:cited in|quoted in|adapted from|reproduced from|see|after) $")  # "cited in Orlov, 2021"
# a river gauge at a line's start, as bulletins list them: "Tobol at Zverinogolovskoye: 4.2 m", "- Ishim at Ishim"
# a river gauge's (a figure or a colon follows on the line: "Tom at Reuters said" is no gauge), or a river's entry
# in a reference list ("Karatal. Length 390 km.", "Kura (1,364 km)")
# a reference list's label of waters before a water's bare name, or before a list of them ("Basin: Aral",
# "Inflow: Ili, Karatal, Aksu")
_WATER_LABEL_BEFORE: Final = re.compile(r"\b(?:[Mm]outh|[Bb]asin|[Ii]nflows?|[Oo]utflows?|[Tt]ributar(?:y|ies)|[Rr]ivers|"
                                 r"[Ff]lows into|[Dd]rains into):? (?:the )?(?:[A-Z][\w'-]*(?: [A-Z][\w'-]*)?, )*$")
# a Soviet atlas index's feature marker after a name, and the feature's word in the gazetteer
_ATLAS_MARKERS: Final = {"oz.": "lake", "r.": "river", "vdkhr.": "reservoir", "khr.": "range", "pr.": "strait",
                  "zal.": "gulf"}
_ATLAS_MARKER: Final = re.compile(rf", ({'|'.join(map(re.escape, _ATLAS_MARKERS))})(?!\w)")
_AREA_AFTER: Final = re.compile(r"[.,:] [Aa]rea:? (?:of )?\d")  # an entry's area after its name ("Zaysan. Area 1,810 sq km")
_GAUGE: Final = re.compile(r" at [A-Z][^\n]*?[:\d]|[.,:]? [Ll]ength:? \d| \(\d[\d,.]* km\)")
_NEXT_CAPITAL_WORD: Final = re.compile(r" ([A-Z][^\W\d_]*)\b")
_SEA_NAME_ENDS: Final = (" sea", " ocean", " gulf")  # (keys) a sea's word alone before "and" is the sea ("the Caspian and Turkey")
# see Geoparser._after_water_and: "the Volga and ", "the Ural, Tobol and "
_THE_WATER_AND: Final = re.compile(r"(?<![^\W\d_])[Tt]he ([A-Z][^\W\d_]+)(?:, [A-Z][^\W\d_]+)*(?:,? (?:and|or) |, )$")
_LINE_OPENERS: Final = ("\n", "- ", "* ", "• ", "\t", "| ")
# an author cited in the text, with the book's place and publisher or not: "Orlov (2024)", "Morrison (Cambridge:
# Cambridge University Press, 2020)"
_CITED_YEAR: Final = re.compile(r" \((?:[A-Z][^():\n]{1,39}: [^()\n]{2,80}, )?(?:19|20)\d\d[a-z]?(?:, p+\. ?\d+)?\)")
# a reading list's "Martin, Virginia. *Law and Custom …*": the surname before its given name and a title, and
# the given name after the surname (at an item's start)
_AUTHOR_GIVEN: Final = re.compile(r", [A-Z][^\W\d_]+\. [*_]")
_SURNAME: Final = r"[A-Z][^\W\d_'’-]+(?:[-'’][A-Z][^\W\d_]+){0,3}"  # "Martin", "Semenov-Tyan-Shansky"
_SURNAME_BEFORE: Final = re.compile(rf"(?:^|\n|[-*|;^] ){_SURNAME}, $")  # ("^": a wiki's reference)
_DATED_AFTER: Final = re.compile(r" \((?:\d{1,2} [A-Z][a-z]+ |[A-Z][a-z]+ (?:\d{1,2}, )?)?(?:19|20)\d\d\)")  # " (3 October 2022)"
# an index's or a list's person, surname first: "Shevchenko, Taras, 144", "Semenov-Tyan-Shansky, Pyotr, 19"
_INVERTED_NAME: Final = re.compile(rf"{_SURNAME}, ([A-Z][^\W\d_]+)(?=, \d|,? ?\n|;| \(|$)")
# a name's first words in quotes before it ('the "Caravan Saray" restaurant'), a train's number ('train No. 24 "')
_QUOTED_WORDS_BEFORE: Final = re.compile(r"[\"«“](?:[A-Z][^\W\d_]*[ -]){1,3}$")
_NUMBERED_TRAIN_BEFORE: Final = re.compile(r"\b(?:[Tt]rains?|[Ss]leepers?|[Ee]xpress) (?:[Nn]o\.? ?|№ ?|#)\d+[^\W\d_]? "
                                    r"[\"«“]$")
_SCORE_AFTER: Final = re.compile(r" (?:won|lost|drew|beat [A-Z]\w+) \d{1,2} ?[-–:] ?\d{1,2}\b")  # a team's: "Astana won 2-1"
# a match's score: "2:1", "2–2", not a time ("19:00") nor a span ("2-3 days")
_SCORE: Final = r"\d{1,2} ?[:–-] ?\d(?![\d:.])(?! ?(?:days?|hours?|hrs?|h|weeks?|months?|km|min|m|t)\b)"
# a fixture's or a result's teams, each side of a dash before a score, or of the score in a headline: "Tobol –
# Kairat 2:1", "TOBOL 2–1 KAIRAT" (not a route: "Almaty – Tashkent 08:15", "Almaty – Bishkek 2-3 days")
_HOME_TEAM: Final = re.compile(rf"(?: ?[–—-] ?[A-Z][\w'-]{{0,40}}(?: [A-Z][\w'-]{{0,40}})? | ){_SCORE}(?: [A-Z]|$)", re.M)  # (a word
# of 40 characters at most: a chain of thousands of hyphened names is matched in no time)
_AWAY_TEAM_BEFORE: Final = re.compile(rf"(?:[A-Z][\w'-]* ?[–—-] ?|[A-Z][\w'-]* {_SCORE} )$")
_AWAY_TEAM_AFTER: Final = re.compile(rf" {_SCORE}")
_MONTH_AFTER: Final = (" айы", " айын", " айда", " айна", " айына", " айынан", " айының")  # Kazakh "month" after a month's name
_KAZAKH_REGIONS_PLURAL: Final = re.compile(r" облыстар")  # Kazakh "regions", in any case, after a list of their names
_KAZAKH_LIST_GLUE: Final = (", ", " және ", " мен ", " пен ", " бен ", " және де ")
_LAST_CAPITALISED: Final = re.compile(rf"(?<![^\W\d_])[{KAZAKH_CAPITALS}][^\W\d_]+$")  # a Kazakh name just before
# a settlement's noun before its name: the place, though a person of the text bears the name ("the secret town of
# Kurchatov, named after the physicist Igor Kurchatov")
_SETTLEMENT_OF: Final = ("town of ", "city of ", "village of ", "settlement of ", "port of ", "Town of ", "City of ")
_REGION_ADJECTIVE_ENDINGS: Final = ("скои", "ского", "скому", "ском", "ским", "цкои", "цкого", "цком")  # (as keys write й)
# a Russian district's noun after its adjective in an oblique case (its last two letters one of _ADJECTIVE_TAILS:
# «в Первомайском районе»; the nominative «Первомайский район» is its centre's name, Pervomayskiy)
# a reference list's item: its bullet or number, and its authors, each surname first, before the year in brackets
_REFERENCE_AUTHORS: Final = re.compile(r"(?m)^[ \t]*(?:[#*•^-]+|\d{1,3}[.)])?[ \t]*((?:[A-Z][\w'’-]+, [A-Z][\w'’.-]*"
                                r"(?: [A-Z][\w'’.-]*)?(?:; | and | & |, )?){1,12}) \((?:19|20)\d\d[a-z]?\)")
_DISTRICT_NOUN_AFTER: Final = re.compile(r" (?:городск\w{1,3} |муниципальн\w{1,3} )?(?:район|округ|улус)\w{0,3}\b")
_ADJECTIVE_TAILS: Final = frozenset(("ом", "ой", "го", "му", "им", "ую"))
# a Russian ship's noun before its name in quotes, and maybe another ship's ("два судна, «Алматы» и «Актобе»"), and
# a Russian club's deed after its name in quotes («Каспий» обыграл «Атырау»)
_RUSSIAN_SHIP_BEFORE: Final = re.compile(r"(?i:\b(?:судн|судов|паром|танкер|сухогруз|теплоход|барж|контейнеровоз|ледокол|"
                                  r"буксир)\w{0,3}),? (?:[«\"“][^»\"”\n]{1,30}[»\"”],? (?:и )?)?[«\"“]$")
# the first two letters of _CLUB_AFTER's words (a quick test first)
_CLUB_STARTS: Final = frozenset(("fo", "Fo", "ho", "Ho", "ba", "Ba", "vo", "Vo", "ha", "Ha", "fu", "Fu", "FC", "HC", "BC"))
_RUSSIAN_TEAM_BEFORE: Final = re.compile(r"\b(?:матч\w{0,2}|игр[уаеы]|встреч[уиае]|сыграет|сыграл\w?|играет|играл\w?) "
                                  r"(?:с|со|против) [«\"“]$")  # («товарищеский матч с «Оренбургом»»)
_GAZPROM_UNIT_ENDS: Final = frozenset(("а ", "з ", "a ", "z "))  # (how those words end: a quick test first)
_GAZPROM_UNIT_BEFORE: Final = re.compile(r"\b(?:Газпром|Gazprom) (?:добыча|трансгаз|переработка|Dobycha|Transgaz|Pererabotka) $")
_RUSSIAN_TEAM_ACT_AFTER: Final = re.compile(r"[»\"”] (?:обыграл|победил|проиграл|разгромил|уступил|сыграл вничью)\w{0,2}\b")
_BEATEN_BEFORE: Final = re.compile(r"\b(?:beat|defeated|edged|thrashed|lost to|drew with) $")  # "Tobol beat Kyzylzhar 2-0"
# a club called so after its name or, in Russian, before it: "the Irtysh football club", «Хоккейный «Южный Урал»»,
# «Футбольный клуб «Оренбург»»
_CLUB_AFTER: Final = re.compile(r"[»\"”]? (?:(?i:football|hockey|basketball|volleyball|handball|bandy|futsal) (?:club|team)"
                         r"(?! [A-Z«\"“])|(?:FC|HC|BC)\b)")  # (not the town before its club's name: "The Kostanay
# football club Tobol")
_CLUB_BEFORE: Final = re.compile(r"(?i:\b(?:футбольн|хоккейн|баскетбольн|волейбольн|гандбольн)\w{0,3}(?: (?:клуб|команд)\w{0,3})?"
                          r"|\b(?:ФК|ХК|БК)) [«\"“]$")
# a league table's row: its rank, the club, and on the line played, won, drawn, lost and the goals
_TABLE_ROW_BEFORE: Final = re.compile(r"(?:^|\n) *\d{1,2}\.? +$")
_TABLE_ROW_TAILS: Final = frozenset(f"{c} " for c in " .0123456789")  # (a quick test first: a rank or spaces before)
_TABLE_ROW_AFTER: Final = re.compile(r"[^\n\d]*(?:\d{1,3} +){4}\d{1,3} ?[:–-] ?\d{1,3}\b")
_RESORTS: Final = frozenset({"resort", "resorts"})  # a head after which a feature's name stays it: "Charyn Canyon Eco Resort"
_WORD_THEN_ROUTE_DASH: Final = re.compile(rf"[^\W\d_]+{_ROUTE_DASH_NAME.pattern}")  # a route's first stop: "Almaty - Tashkent"
# after an index's or list's given name: its pages, the line's end, a bracket (not a distance: "Dacha, Talgar, 25 km")
_INVERTED_GIVEN_AFTER: Final = re.compile(r", \d+(?![\d.,]* ?(?:km|m|ha|min|h|kg|t)\b)|,? ?\n|;| \(|$")
_TITLE_AFTER: Final = re.compile(r"\. [*_]")  # (not a quote: 'Almaty, Kazakhstan. "Trade …')
_PUBLISHED_BEFORE: Final = re.compile(r"[A-Z][^\W\d_]+(?:[- ][A-Z][^\W\d_]+)?: $")  # "Alma-Ata: Kazakhstan, 1980"
_INITIAL_BEFORE: Final = re.compile(r"(?<![^\W\d_])[A-Z]\. $")  # a given name's initial before a surname ("Sergei V. Orlov")
# what comes before a person's one initial: a line's start, a signature's dash, a bracket, a list's comma, "by", "and"
_INITIAL_OPENERS: Final = ("\n", "— ", "– ", "- ", "(", ", ", " by ", " and ", "• ", "* ", " after ")  # ("named after I.
# Zhansugurov")
_SURNAME_SUFFIX: Final = re.compile(r"-(?:zade|zadeh|oglu|ogly|oğlu|uly|uulu|kyzy|qizi)\b", re.I)  # "Ganja-zade"
# a patronymic after a given name: Kazakh, Kyrgyz and Russian ("Алматы Ержанұлы", "Arman Serikuly", "Ивановна")
_PATRONYMIC_AFTER: Final = re.compile(rf" [A-Z{KAZAKH_CAPITALS}][^\W\d_]+(?:ұлы|улы|қызы|кызы|уулу|ович|евич|овна|евна|ична|uly|uulu|"
                               r"qyzy|kyzy|ovich|evich|ovna|evna)\b")
_NUMBER_BEFORE: Final = re.compile(r"(?:\d ?|per |/)$")  # a unit's abbreviation: "20 KG", "som per KG"
_UNITS: Final = frozenset(("kg",))  # the country abbreviations that are also units (not RF: "12 RF regions")
_INITIALS_BEFORE: Final = re.compile(r"(?<![\w.])[A-Z]\. ?[A-Z]\. $")  # two initials before a surname ("P. A. Kirov")
_CONTAINER_SIZE: Final = re.compile(r"\d\d ?(?:['’′]|ft\.?) ?$")  # "40' RF", "20ft RF": a container's type after it
# a line's last one or two words (before a carriage return, maybe), and the next line's first word (after an indent)
_LINE_TAIL: Final = re.compile(r"(?<![^\W\d_])((?:[^\W\d_]+ )?[^\W\d_]+)(,?)[ \t]*\r?$")
_LINE_HEAD: Final = re.compile(r"[ \t]*([^\W\d_]+)")
_LETTER: Final = re.compile(r"[^\W\d_]")
_MID_SENTENCE_WORDS: Final = frozenset({"and", "or", "the", "of", "in", "to", "from", "at", "by", "with", "for", "on", "near",
                                 "between", "via", "a", "an", "its", "their", "into", "towards", "through"})
_WRAPPED_LINES_MIN: Final = 5  # a text of fewer lines is no hard-wrapped paragraph
_WRAP_WIDTH: Final = (40, 120)  # the widths a hard-wrapped text has (longer lines are paragraphs, shorter ones a list)
# a word broken at a line's end: "Petro-\\npavl", "Kazakhstan-\\nRussia" (also with a Unicode or soft hyphen)
# (the hyphen first, the letter before it looked behind: a pattern that starts with a look-behind is tried at every
# character, and this runs on every text)
_BROKEN_WORD: Final = re.compile(r"[-‐\u00ad](?<=[^\W\d_][-‐\u00ad])[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
# a publisher and a year after a city's name and a colon: the city of publication of a reference ("Ithaca: Cornell
# University Press, 2018", "Moscow: Nauka, 1985")
_PUBLISHER_AFTER: Final = re.compile(r": [A-Z][^\n():;]{0,60}?\b(?:Press|Publishers|Publishing|Publications|Verlag|Books|"
                              r"Editions|Nauka|Mysl|Progress)\b[^\n():;]{0,40}?,\s*(?:1[5-9]|20)\d\d\b")
_CAPITALISED_WORD: Final = re.compile(r"\b[A-Z][^\W\d_]+")
# a capitalised word (and Uzbek's "O‘zbekistonga", an apostrophe after its capital)
# a person's age after the name (not "Yekaterinburg, 2,400 km", nor an index's pages: "Moscow, 10, 34")
_AGE: Final = re.compile(r", \d\d?, (?!\d)")
# "Name, Country", "Name (Country)", "Name in Country"
_COUNTRY_AFTER: Final = re.compile(r"(,\s*| \(| in (?:the )?)([A-Z][\w’' -]{1,40})")
_STREET_HEADS_ABBREVIATED: Final = frozenset({"st", "str"})  # "Troitskaya St.", "Volodarskogo Str. 20"
# a Soviet republic's abbreviation in brackets after a name, as atlases and gazetteers give it ("Leninogorsk
# (Kaz.)": Ridder, not the Tatarstan town), and its country
_REPUBLICS: Final = {"Kaz.": "KZ", "Kazakh.": "KZ", "Turkm.": "TM", "Uzb.": "UZ", "Kirg.": "KG", "Kyrg.": "KG",
              "Tadzh.": "TJ", "Tajik.": "TJ", "Azerb.": "AZ", "Arm.": "AM", "Gruz.": "GE", "Georg.": "GE",
              "Ukr.": "UA", "Belor.": "BY", "Beloruss.": "BY", "RSFSR": "RU"}
_REPUBLIC_AFTER: Final = re.compile(rf" \(({'|'.join(map(re.escape, _REPUBLICS))})\)")
_CODE_TAIL: Final = re.compile(r"-[A-Z]{1,3}-\d")  # the rest of a reference after a country's code: "KZ-TR-2291"
_CODE_AFTER: Final = re.compile(r",[ \t]?([A-Z]{2})(?![\w’'&-]|\.\w)")  # "ORSHA, BY": a country's ISO code after a name
# a table's country column after a name's cell: "| Orsha-Tsentralnaya   | BY   |", "| Brest-Vostochny (BCP) | BY |"
_CODE_IN_ROW: Final = re.compile(r"[^|\n]{0,40}\|[ \t]*([A-Z]{2})[ \t]*\|")
_RUN_CACHE_SIZE: Final = 50_000  # distinct runs kept per cache (about 40 MB each, two caches); emptied when full
_NAME_CACHE_SIZE: Final = 65_536  # distinct names whose facts are kept
_CUES_PER_NAME: Final = 1024  # resolutions kept per areal name (see _resolve)
_PROBE_CACHE_SIZE: Final = 65_536  # distinct five-character contexts kept for the quick title test
# what stands before a run when it is analysed out of its text: a word, or a sentence's end (same length)
_WORD_LEAD, _SENTENCE_LEAD = "w ", ". "
_DATELINE_LEAD: Final = "\n"  # a line start, where a dateline ("ASTANA –") may stand
# a place word before the run ("in Paris Macron said"), on the same line or the line before
_LOCATIVE_LEAD, _LOCATIVE_LINE_LEAD = "in ", "in\n"
def trie_alternation(words: Iterable[str]) -> str:
    """A regular expression's alternation of *words*, factored by their first letters ("air(?:port|strip)"),
    which the engine tries in a few steps where a flat one of hundreds of words tries each (longest first where
    one word begins another)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) <= 2 or len(branches) == 1 and not ends \
            else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if ends else body

    return pattern(trie)


def _word_before(words: Iterable[str]) -> re.Pattern:
    """A pattern for one of *words* (any case) and a space or line break just before a position."""
    return re.compile(rf"(?<![^\W\d_])(?:{'|'.join(sorted(words))})[ \n]$", re.IGNORECASE)


# a route's words, which put a place after them: a common word that names a city is the city there ("from
# Mary to Serhetabat", "past Mary"), and so is the surname of a person met in the text ("Daniyar Semey ...
# trains in Semey", "from Karaganda")
_ROUTE_WORDS: Final = frozenset({"in", "at", "near", "via", "into", "from", "to", "past", "through", "towards",
                                  "between"})
_ROUTE_PREPOSITION: Final = _word_before(_ROUTE_WORDS)
_LOCATIVE_BEFORE: Final = _word_before(_LOCATIVES)
# a capitalised word (or "Dr.") just before a name, not one in capitals ("POTI AND BATUMI", a heading)
_CAPITAL_WORD_BEFORE: Final = re.compile(r"(?<![^\W\d_])[A-Z](?:[^\W\d_]*[a-z])?\.? $")
_OWNER: Final = r"(?<![^\W\d_])(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|[Yy]our)(?: [a-z]+)? "  # "his (younger) "
_NAMED_OWNER: Final = r"(?<![^\W\d_])[A-Z][^\W\d_]+['’]s (?:[a-z]+ )?"  # "Zhanibekov's (eldest) "
_PLACE_RELATIVES: Final = frozenset({"neighbour", "neighbor"})  # what a place too has ("Aktau's neighbour, Kuryk")
_TO_A_PERSON: Final = ("according to ", "thanks to ", "spoke to ", "talked to ", "wrote to ", "said to ")
_RUN_CACHE_MAX_CHARS: Final = 200  # longer runs (rare, or hostile: pages of capitalised words) are not kept
class Lexicon:
    """The parser's word lists from ``geodata/stopnames.toml`` and ``geodata/person_names.toml``, and which
    countries neighbour which (``geodata/neighbours.tsv``)."""

    def __init__(self, root=None) -> None:
        geodata = datafiles.data_root(root) / "geodata"
        #: the countries near each country's outline
        self.neighbours: dict[str, frozenset[str]] = datafiles.neighbours(geodata.parent)
        census_path = geodata / "person_names.toml"
        try:
            table = datafiles.word_lists(census_path)["census"]
            census = {key: {normalize(w) for w in table[key]}
                      for key in ("given_names", "surnames", "surnames_after_given_names")}
        except (KeyError, TypeError, AttributeError) as exc:
            raise DataError(f"malformed name lists ({type(exc).__name__}: {exc})", path=census_path) from exc
        try:
            self._load(geodata, census)
        except (KeyError, TypeError, AttributeError, ValueError) as exc:  # parsed, but not shaped as they must
            raise DataError(f"malformed word lists ({type(exc).__name__}: {exc})",
                            path=geodata / "stopnames.toml") from exc

    def _load(self, geodata: Path, census: dict[str, set[str]]) -> None:
        data = datafiles.word_lists(geodata / "stopnames.toml")

        def words(section: str, key: str, fold: Callable[[str], str] = str.lower) -> set[str]:
            return {fold(w) for w in data.get(section, {}).get(key, [])}

        self.demonyms: dict[str, str] = {k.lower(): v for k, v in data.get("demonyms", {}).items()}
        #: a Russian adjective of a country just before a name ("китайского Хоргоса"), and the country of each stem
        self.russian_demonyms: dict[str, str] = {k.lower(): v for k, v in data.get("russian_demonyms", {}).items()}
        self.russian_demonym_before = re.compile(
            rf"(?<![^\W\d_])({'|'.join(map(re.escape, sorted(self.russian_demonyms, key=len, reverse=True)))})"
            r"(?:ий|ый|ого|ому|им|ым|ом|ая|ой|ую|ое|ие|ые|их|ых|ими|ыми)\s+$", re.IGNORECASE)
        self.org_heads = words("organisations", "heads", normalize)
        #: heads that make an organisation only as the last capitalised word ("Tian Shan Travel and …"; not a
        #: Title Case headline's "China Investment In Central Asia")
        self.last_heads = words("organisations", "last_heads", normalize)
        self.hotel_brands = words("organisations", "hotel_brands")
        self.org_prefixes = words("organisations", "prefixes") | self.hotel_brands
        self.headline_words = words("organisations", "headline_words")
        self.national_heads = words("organisations", "national_heads", normalize)
        self.venue_heads = words("organisations", "venue_heads")
        #: lower-case nouns after which a small place's name is a venue's or a street's in some town
        self.venue_nouns = words("organisations", "venue_nouns")
        #: of those, the ones that name a street whatever comes before ("Dostyk ave. 201")
        self.street_nouns = words("organisations", "street_nouns")
        #: and those a person's name goes before as often as a town's ("the Pugachev museum")
        self.person_venue_nouns = words("organisations", "person_venue_nouns")
        self.named_venue_nouns = words("organisations", "named_venue_nouns")
        self._name_words: set[str] = {*_NAME_WORDS, *self.venue_nouns, *self.person_venue_nouns,
                                      *self.named_venue_nouns}
        self.add_name_words(())
        #: a hyphen, a capitalised word and a venue's noun after a name: the venue's ("Bukhar-Zhyrau avenue")
        self.hyphened_venue = re.compile(rf"[-‐‑][A-Z][^\W\d_]+ (?i:{'|'.join(sorted(self.venue_nouns))})\b")
        self.street_heads = words("organisations", "street_heads")
        self.crude_grades = words("organisations", "crude_grades", normalize)
        self.oil_text_grades = words("organisations", "oil_text_grades", normalize)
        self.titles = words("persons", "titles")
        self.route_titles = words("persons", "route_titles")
        self.abbreviated_titles = words("persons", "abbreviated_titles")
        #: " sister " and the like, before a name a possessive owns ("his sister Aral", "her sister-in-law
        #: Aral": a person), for a quick test, and the pattern with the possessive
        pets = sorted(words("persons", "pets"))
        relatives = sorted(words("persons", "relatives") | set(pets))
        self.pets_before = tuple(f" {w} " for w in pets)
        self.relatives_before = tuple(chain.from_iterable((f" {w} ", f" {w}, ", f"{w}-in-law ") for w in relatives))
        kin = [w for w in relatives if w not in _PLACE_RELATIVES]  # (a person's: "Zhanibekov's wife, Altai")
        self.owned_relative = re.compile(rf"(?:{_OWNER}(?:{'|'.join(relatives)})|{_NAMED_OWNER}(?:{'|'.join(kin)}))"
                                         rf"(?:-in-law)?,? $")
        #: "call " and the like, before a given name alone ("Call Serik": a person), in either case
        self.contacts_before = tuple(chain.from_iterable(
            (f"{w} ", f"{w.capitalize()} ") for w in sorted(words("persons", "contact_words"))))
        #: "call him " and the like, before a person's nickname ("we call him Buzuluk"; '"My name is Taraz"')
        self.nicknames_before = tuple(chain.from_iterable(
            (f" {w} ", f"{w.capitalize()} ") for w in sorted(words("persons", "nickname_words"))))
        #: " published by " and the like, before a person's or a publisher's name
        self.creators_before = tuple(f" {w} by " for w in sorted(words("persons", "creators")))
        #: all of those
        self.persons_before = _Endings((*self.relatives_before, *self.contacts_before, *self.nicknames_before,
                                        *self.creators_before))
        #: what a person does after the name ("Kurgan said")
        speech = sorted(words("persons", "speech"))
        person_acts = sorted({*words("persons", "acts"), *speech})
        self.acts_after = re.compile(rf",? (?:{'|'.join(map(re.escape, person_acts))})\b")
        #: a verb of speech after the name, a speaker's ('"…," Wang said'), and how it starts, for a quick test first
        self.speech_after = re.compile(rf",? (?:{'|'.join(map(re.escape, speech))})\b")
        self.speech_starts = tuple(f"{lead}{verb}" for lead in (" ", ", ") for verb in speech)
        #: " cafe " and the like, before the name a venue, club, farm or paper bears ("-motel " after a word)
        self.venues_before = _Endings(f"{w} " if w.startswith("-") else f"{lead}{v} "
                                      for w in sorted(words("organisations", "words_before_names"))
                                      for v in sorted({w, w.capitalize(), w.upper() if len(w) <= 3 else w})  # "OOO"
                                      for lead in (" ", "\n"))  # ('at Restaurant "Samarkand"'; a line's 'Vodka
        # "Kazan"')
        #: what a team does after its town's name ("Tobol scored"), and the words of a match before it ("the derby
        #: with Astana")
        acts = sorted(words("organisations", "team_acts"))
        self.team_acts = re.compile(rf" (?:{'|'.join(map(re.escape, acts))})\b")
        self.team_before = _Endings(f" {w} " for w in sorted(words("organisations", "team_before")))
        #: for a quick test first: the first two letters of those acts
        self.team_act_starts = frozenset(w[:2] for w in acts)
        #: words before "called"/"named" that make the name after no place
        self.named_things = words("organisations", "named_things")
        #: every ending before a name that may make it a thing's, a street's, a port's or a river's
        self.words_before_names = _Endings((*_WORDS_BEFORE_NAME, *self.venues_before.words))
        #: and before a name in quotes, also a train's words ('the sleeper "Zhetysu"')
        self.words_before_quoted = _Endings((*self.words_before_names.words, *_TRAIN_WORDS))
        self.surnames = words("persons", "surnames", normalize)
        self.family_first = words("persons", "family_names_first", normalize)
        self.given_names = words("persons", "given_names", normalize)  # those that places also carry
        #: common given names (US Census): "Daniel Hamilton", "Paris Hilton" are people
        self.common_given_names = census["given_names"]
        #: given names of either list
        self.any_given_names = self.given_names | self.common_given_names
        self.feature_words = words("persons", "feature_words", normalize)
        self.never = words("words", "never", normalize)
        self.landform_heads = words("words", "landform_heads", normalize)
        self.countries_as_words = words("words", "countries_as_words")
        #: lower-case words after which a country's abbreviation is a technical term ("RF tags")
        self.not_after_abbreviations = words("words", "not_after_abbreviations")
        waters = data.get("waters", {})
        #: "the Caspian", "the Tobol": sea adjectives and bare river names read alone, with the key of the water
        #: (or range: "the Altai") each names, and the words that may follow them ("the Caspian region" stays
        #: unread)
        self.seas_after_the = {word: normalize(sea) for word, sea in waters.get("after_the", {}).items()}
        self.seas_by_key = {normalize(word): sea for word, sea in self.seas_after_the.items()}
        #: rivers' bare Russian names, the river only in a list after "река" and its forms (see _named_with)
        self.russian_rivers = {normalize(word): normalize(river) for word, river in waters.get("russian", {}).items()}
        self.sea_endings = tuple(chain.from_iterable((w, f"{w}'s", f"{w}’s") for w in self.seas_after_the))
        # a quick test first, on every run's last three characters (" Ob" ends "The Ob", "Ob" the run "Ob")
        self.sea_tails = frozenset(chain.from_iterable((e[-3:], f" {e}"[-3:]) for e in self.sea_endings))
        self.after_sea = frozenset(waters.get("followed_by", []))
        names = data.get("outlets", {}).get("names", [])
        #: outlet names (lower case, longest first) by the key of their first word
        self.outlets: dict[str, tuple[str, ...]] = {}
        for name in sorted({n.lower() for n in names}, key=len, reverse=True):
            first = _norm(TOKEN.findall(name)[0])
            self.outlets[first] = (*self.outlets.get(first, ()), name)
        #: words that are no part of a person's name: organisation heads, demonyms, words never a place
        never_in_names = self.never | self.org_heads | set(self.demonyms)
        self.not_in_names = never_in_names | self.national_heads
        #: words that are no part of a person's or an unknown place's name (see Geoparser._name_like)
        self.no_name_words = never_in_names | self.feature_words | CONNECTORS
        #: words that are no surname after a given name: those, titles, outlets, words places go with
        self.not_surnames = (self.not_in_names | self.titles | self.abbreviated_titles | set(self.outlets)
                             | self.feature_words | CONNECTORS)
        self.surnames |= (census["surnames"] | self.family_first) - self.not_surnames
        #: what reads as a surname right after a given name: those, and any common US one ("Austin Lincoln",
        #: "Jordan Washington"), but no word places go with ("Victoria Lake", "Sydney Park")
        self.surnames_after_given = self.surnames | (
            census["surnames_after_given_names"] - self.not_surnames)

    def add_name_words(self, more: Iterable[str]) -> None:
        """Read the lower-case words *more* after a name as :attr:`name_word` too (the data files' names end
        with some: "Asie centrale", "Toshkent viloyati")."""
        self._name_words |= {variant for word in more for variant in _apostrophe_variants(word)}
        name_words = sorted(self._name_words)
        #: a lower-case word after a name that may make it a division's, a feature's, a venue's, a product's, a
        #: farm's or a time zone's ("Atyrau region", "the Dostyk main canal", "the Pugachev museum"), and the
        #: first two letters of those for a quick test first
        self.name_word = re.compile(rf" (?:main (?=canal))?({trie_alternation(name_words)})\b")
        self.name_word_starts = frozenset((*(w[:2] for w in name_words), "ma"))

    def russian_demonym(self, text: str, start: int) -> str:
        """The country of a Russian adjective of a country just before a name in Cyrillic at *start*
        ("китайского Хоргоса": CN), the cue an English demonym is; "" if none."""
        if not "\u0400" <= text[start] <= "\u04ff":
            return ""
        adjective = self.russian_demonym_before.search(text, max(0, start - 40), start)
        return "" if adjective is None else self.russian_demonyms[adjective.group(1).lower()]


class Geoparser:
    """Find and resolve place mentions using a :class:`Gazetteer`.

    Recognition scans only runs of capitalised words (one compiled regex).
    What a run's own words say (its names, demonyms, outlet names) is computed
    once per distinct run, in two caches (runs at a line start, where a
    dateline may stand, and the rest), and then reused, so repeated names cost
    a dictionary look-up; a run with an "and" that joins two names is analysed
    as its pieces, which repeat.
    """

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon | None = None) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon or Lexicon()
        self._runs: dict[str, _RunInfo] = {}  # by run, anywhere but at a line start
        self._names: dict[str, _Name] = {}
        self._narrowed_names: dict[tuple[str, tuple[Entry, ...]], _Name] = {}  # see _narrowed_name
        # the lower-case words that end the data files' names, but English words ("Asie centrale", "Arabie
        # saoudite"; not "central"): a name before one is read with it, like a division's or a feature's
        tails = frozenset(t for t in gazetteer.overlay.lower_tails if gazetteer.zipf(t) < COMMON_WORD_ZIPF)
        self.lexicon.add_name_words(tails)
        self._head_nouns = _HEAD_NOUNS | tails
        self._feature_heads = gazetteer.words_before(self._head_nouns)  # see _FEATURE_HEAD
        # the lower-case words that open the data files' names, but English words ("mer Caspienne", "lac
        # Balkhach"; not "river Kargaly"): a run after them is read with them where the gazetteer has the whole
        # (all of them in a text not in English: "il mar Nero", "el mar Negro")
        every = sorted(gazetteer.overlay.lower_prefixes, key=len, reverse=True)
        prefixes = [p for p in every if gazetteer.zipf(_norm(p.split(" ")[0])) < COMMON_WORD_ZIPF]
        self._prefix_ends = frozenset(p[-3:] for p in every)  # for a quick test first
        self._prefix_before, self._foreign_prefix_before = (
            re.compile(rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, words))})$") if words else None
            for words in (prefixes, every))
        self._dateline_runs: dict[str, _RunInfo] = {}  # at a line start
        self._asked_opening = False
        self._asked_locative = False
        self._surnames_met: set[str] = set()  # keys a run's analysis showed as people's surnames
        # words before a run that rule out its first name, for a quick test before the exact one: their last
        # three letters, and those shorter
        blockers = self.lexicon.titles | self.lexicon.route_titles | self.lexicon.abbreviated_titles \
            | set(self.lexicon.demonyms)
        self._blocker_tails = {b[-3:] for b in blockers}
        self._short_blockers = tuple(b for b in blockers if len(b) < 3)
        self._may_block: dict[str, bool] = {}  # by the five characters before a run: see _may_block_at
        self._country_named = lru_cache(maxsize=4096)(self._country_in)

    # -- recognition -------------------------------------------------------

    @staticmethod
    def _tokens(text: str) -> list[_Token]:
        """The words of a run, as tokens; a word longer than any name's (a hostile page's megabyte-long word,
        whose look-ups had taken 800 MB) is none, and so is an acronym in mixed case ("ALZhIR", a camp's: not
        Algiers, Алжир)."""
        tokens = []
        for m in TOKEN.finditer(text):
            raw = m.group()
            end = m.end()
            if end - m.start() > WORD_MAX_CHARS or _MIXED_ACRONYM.match(raw):
                continue
            pm = POSSESSIVE.search(raw)
            if pm and len(raw) > 3 and raw[:-2].lower() != "people":  # (a word of names: "People's Republic of China")
                raw, end = raw[: pm.start()], m.start() + pm.start()
            tokens.append(_Token(m.start(), end, _norm(raw), raw))
        return tokens

    @staticmethod
    def _is_sentence_start(text: str, start: int) -> bool:
        before = text[max(0, start - 4): start].rstrip(" \t\"“”'‘’«»([")
        return not before or bool(SENTENCE_END.search(before + " ")) or start < 2

    def _recognise(self, page: _Page) -> list[_Candidate]:
        text, runs, may_block = page.text, self._runs, self._may_block
        found: list[_Candidate] = []
        pipes = "|" in text  # (a table's cells: a row's country column may follow a name, see _country_in_row)
        outlet_end = -1  # where the last outlet name met ends ("The Astana Times": no place there)
        sea_tails, sea_endings = self.lexicon.sea_tails, self.lexicon.sea_endings
        name_word_starts = self.lexicon.name_word_starts
        foreign = page.language != "en"
        prefix_ends = self._prefix_ends
        prefix_before = self._foreign_prefix_before if foreign else self._prefix_before
        spans = [(run.start(), run.group()) for run in RUN.finditer(text)]
        if foreign and LANGUAGES[page.language].nouns_capitalised:
            spans = self._cut_at_language_words(spans, page.language)
        for rs, word in spans:
            if prefix_before is not None and text[rs - 3: rs] in prefix_ends and rs >= 3 \
                    and (prefix := prefix_before.search(text, max(0, rs - 24), rs)) is not None:
                named = self._named_after_prefix(text, prefix.start(), rs, word)
                if named is not None:  # "la mer Caspienne", "le lac Balkhach"
                    found.append(named)
                    continue
            # a name the run's last word makes with the text around it, which the run alone does not show;
            # quick tests first, as this runs for every run
            tail = head = None
            sea_adjective = False  # the run ends in the adjective of a sea the gazetteer lacks ("Белое море")
            if word[-3:] in sea_tails and word.endswith(sea_endings):  # "across the Caspian"
                tail = self._sea_at_end(text, rs, word)
            elif word[-4:] == " and" and word[-7:-4] in sea_tails and word[:-4].endswith(sea_endings):
                tail = self._sea_at_end(text, rs, word[:-4], before_and=True)  # "the Ishim, the Tobol and their …"
            elif word[-8:] == " and the" and word[-11:-8] in sea_tails and word[:-8].endswith(sea_endings):
                tail = self._sea_at_end(text, rs, word[:-8], before_and=True)  # "the Ural and the town of …"
            elif "\u0400" <= word[-1] <= "\u04ff" and text[rs + len(word): rs + len(word) + 1] in (" ", "\n") \
                    and text.startswith(_CYRILLIC_DIVISION_STARTS, rs + len(word) + 1):
                tail = self._cyrillic_division(text, rs, word)  # "Костанайской области", "Алтайского края",
                # "Каспийского моря"
                if tail is not None and (plural := _RUSSIAN_PLURAL_HEADS.get(text[rs + len(word) + 1: tail[1]])):
                    listed = self._russian_divisions_before(text, tail[0], plural)
                    if listed:  # (each in place of what its adjective alone was read as: "Алтайский", a village)
                        found[:] = [c for c in found if c[1] <= listed[0][0]] + listed
                sea_adjective = tail is None and text.startswith((" мор", " водох"), rs + len(word))
            if " and " in word and self._and_joins_waters(text, rs + len(word), word, tail):
                head = self._sea_at_end(text, rs, word[:word.index(" and ")], before_and=True)
                if head is not None:
                    found.append(head)
            if rs and text[rs - 1] != "\n":
                info = runs.get(word) or self._info(word, False)
            else:  # a dateline ("ASTANA –") may start a line
                info = self._info(word, True)
            trimmed = None
            if foreign and " " in word and not (info.matches and info.matches[0].start == 0):
                trimmed = self._without_common_words(word, page.language, info.matches)
                if trimmed is not None:  # "Im Hafen Aktau", "Aktau Limanı'na": the name, not a person's
                    rs, word = rs + trimmed[0], trimmed[1]
                    info = runs.get(word) or self._info(word, False)
            if info is _IDLE or info is _FEATURE_HEAD:
                if tail is not None:
                    found.append(tail)
                elif info is _FEATURE_HEAD:  # "the Bukhtarma reservoir", which "Bukhtarma" alone does not name
                    found += self._features_after(text, rs, word)
                continue
            matches = info.matches
            if tail is None and "\u0400" <= word[0] <= "\u04ff" and self._russian_common_word(text, rs, word, matches):
                continue  # "Восточный обход" (the eastern bypass), "«Средний коридор»", a headline's "РЕКОРД": no
                # town Vostochny, Sredniy or Rekord
            if len(matches) == 1 and matches[0].start == 0 and matches[0].end < len(word) \
                    and "-" in word[matches[0].end:] and text[rs + len(word): rs + len(word) + 1] == " ":
                feature = self._features_after(text, rs, word)  # "Bukhar-Zhyrau district" (not Bukhara, by its
                if feature:  # other name "Bukhar")
                    found += feature
                    continue
            if info.at_sentence_start is not None and self._is_sentence_start(text, rs):
                matches = info.at_sentence_start
            elif info.after_locative is not None and _LOCATIVE_BEFORE.search(text, max(0, rs - 12), rs):
                matches = info.after_locative
            if "-" in word and any(word[m.end: m.end + 1] == "-" and m.name.key in _TURKIC_NAME_HEADS
                                   for m in matches):  # (a quick test first: this runs for every run)
                starts = {m.start for m in matches}
                matches = tuple(m for m in matches if not (  # the head of a Turkic name the gazetteer lacks:
                    word[m.end: m.end + 1] == "-" and m.name.key in _TURKIC_NAME_HEADS  # "Кара-Кече", a coal
                    and m.end + 1 not in starts))  # field, is no Kara, Togo
            if matches and matches[0].start == 0 and (text[rs - 1: rs] == "." or text[rs - 2: rs] == ". "
                                                      or text[rs + matches[0].end + 2: rs + matches[0].end + 3] == ".") \
                    and not matches[0].name.country_name and (  # (the quick tests first: this runs for every name)
                    rs >= 2 and text[rs - 1] == "." and text[rs - 2].isupper() and (rs == 2 or not text[rs - 3].isalnum())
                    or text[rs - 1: rs] == " " and _TWO_INITIALS_BEFORE.search(text, max(0, rs - 8), rs)
                    or _TWO_INITIALS_AFTER.match(text, rs + matches[0].end)):
                matches = matches[1:]  # a person's initials with the surname: "Д.Сүхбаатар", "А.В. Семенов",
                # "Орлова Е.Н." (a reference's author)
            if matches and (trimmed is None or not trimmed[0]):  # (after the language's words no title goes)
                probe = text[max(0, rs - 5): rs]  # a quick test first: can a title or demonym end here?
                may = may_block.get(probe)
                if may is None:
                    may = self._may_block_at(probe)
                if may and matches[0].start == 0:
                    if self._blocked(text, rs):  # "President Tokayev", "Mr. Jordan", "trans-Caspian", and a surname
                        # after the given name ("Mr. Arman Zhambyl": Arman is a town in Magadan Oblast)
                        n = 2 if len(matches) > 1 and word[matches[0].end: matches[1].start] == " " \
                            and matches[0].name.key in self.lexicon.any_given_names else 1
                        if n == 2:  # the person's surname, here and on ("Dir. Ani Sevan. Sevan returns to …")
                            page.surnames.add(matches[1].name.key)
                        matches = matches[n:]
                elif may and word[matches[0].start - 1: matches[0].start] == " " \
                        and (_norm(word[:matches[0].start - 1]) in self.lexicon.any_given_names
                             or " " not in word[:matches[0].start - 1]) \
                        and self._blocked(text, rs):  # a title, a given name no place bears, and a surname: "Dr.
                    # Helen Kazan" (not Kazan), "Mr. Bakyt Osh" (a word no place bears, after a title: this mention
                    # only, "Transfer Bukhara – Alat" after "Mrs. Dilnoza Bukhara" is the city)
                    if _norm(word[:matches[0].start - 1]) in self.lexicon.any_given_names:
                        page.surnames.add(matches[0].name.key)
                    matches = matches[1:]
            if info.demonyms:
                page.add_demonyms(rs, info.demonyms)
            if info.surnames:
                page.surnames |= info.surnames
            outlets: list[tuple[int, int]] = []
            if info.outlets or info.open_outlets:
                outlets = [(rs + a, rs + b) for a, b in info.outlets]
                for o in info.open_outlets:
                    if o.probes is None or text[rs + o.after: rs + o.after + 2].lower() in o.probes:
                        outlets.append((rs + o.start, page.outlet_at(rs + o.start, o.names)))
                outlets.sort()
            oi, reach = 0, outlet_end  # how far the outlet names that start before a match reach
            for m in matches:
                start, end = rs + m.start, rs + m.end
                if tail is not None and end > tail[0] or sea_adjective and end == rs + len(word):
                    break  # a word of the tail's name ("Caspian" is also a village in Michigan; "Белое" a village)
                if head is not None and start < head[1]:
                    continue
                if (text[end: end + 1] in ",;" or text[end: end + 2] == " (") and page.in_reference_authors(start):
                    continue  # a reference's author: "# Kazan, Ahmet; Ural, Emre (2019)." (quick test first)
                if text[end: end + 1] in ", " and _among_authors(text, start, end, m.name, self.lexicon):
                    continue  # "(Laruelle, 2018; Jordan, 2021)", "(Lincoln & Jordan, 2023)", "Sydney and Adelaide
                    # (2020)": authors, a country or a city of note too
                while oi < len(outlets) and outlets[oi][0] <= start:
                    reach = max(reach, outlets[oi][1])
                    oi += 1
                if start < reach:
                    continue
                if m.name.key in self.lexicon.crude_grades and self._an_oil_grade(page, start, m.name.key):
                    continue  # "Dated Brent", "ICE Brent", "the discount of Urals" in an oil market's report
                hint = ""
                follower = text[end: end + 1]
                shut = end  # past the Markdown emphasis closed after the name, if any ("**Akmola** region")
                while shut < end + 3 and text[shut: shut + 1] in _EMPHASIS_CLOSERS:
                    shut += 1
                if text[shut: shut + 1] == " " and text[shut + 1: shut + 3] in name_word_starts:  # "Atyrau region"
                    divided = self._name_word_after(text, m, start, shut, found)
                    if divided is None:
                        continue  # "Urals crude"
                    if shut == end:
                        m, end = divided
                        start = rs + m.start  # ("South Kazakhstan oblast": the word before too)
                        follower = text[end: end + 1]
                    else:  # (emphasised: the span stays the name)
                        m = replace(divided[0], end=m.end)
                if (start == 0 or text.endswith(_ITEM_OPENERS, 0, start) or text[start - 2: start] == ", ") \
                        and self._inverted_person(text, start, end, m.name):
                    continue  # an index's person: "Shevchenko, Taras, 144" (neither Shevchenko nor Taraz)
                if follower == ",":
                    after = text[end: end + 8]
                    if _AUTHOR_YEAR.match(after) and found and found[-1][1] == start - 2 \
                            and _PUBLISHED_BEFORE.search(text, max(0, start - 30), start):
                        continue  # a publisher after its city: "Alma-Ata: Kazakhstan, 1980" (not "Origin: Kazakhstan,
                        # 2023 crop")
                    if text.startswith(", the ", end) and _PERSON_APPOSITIVE.match(text, end) \
                            and not (m.name.country_name or m.name.noted):
                        continue  # a person: "Shevchenko, the Little Russian poet, was kept there"
                    if _AUTHOR.match(after) or (_AUTHOR_TITLE.match(after) or _AUTHOR_GIVEN.match(text, end)) and (
                            start == 0 or text.endswith(_ITEM_OPENERS, 0, start)) or (not m.name.country_name and (
                            _cited_author(text, start, end, m.name, self.lexicon) or _AGE.match(after))):
                        continue  # a person: "Hadano, T." / "(Hadano, 2023)" / "Aral, 41, drives a lorry"; not
                        # a reference's place of publication, a city of note out of brackets ("Asian Development
                        # Bank, Manila, 2024."; but "(Hamilton, 2024)"), nor a place after a preposition ("taken
                        # in Kazalinsk, 2018")
                    hint = self._country_after(text, end, m.name)
                elif follower == " " and text.startswith(_NARRATIVE_STARTS, end) and _narrative_citation(text, start, end):
                    continue  # an author cited: "Jordan (2012) compared", "Paris and Kazan (2019) tested", "as
                    # Washington (2015) argued" (a country, a city of note too)
                elif follower == " " and text[end + 1: end + 2] == "(":
                    if _cited_author(text, start, end, m.name, self.lexicon):
                        continue
                    qualified = self._qualified(text, m, start, end)
                    if qualified is not None:
                        m, end = qualified  # "Frankfurt (Oder)": the name its river or region in brackets makes
                    else:
                        hint = self._country_after(text, end, m.name)  # "Astara (Azerbaijan)"
                elif follower == " " and text.startswith(" in ", end):
                    hint = self._country_after(text, end, m.name)  # "Mary in Turkmenistan"
                elif follower == " " and text.startswith(_PIPELINE_AFTER, end) and m.name.obscure \
                        and not m.name.holds_area and not _DASH_BEFORE.search(text, max(0, start - 3), start):
                    continue  # a pipeline's own name: "the Druzhba pipeline" (Friendship), no village Druzhba; not a
                    # route's end ("the Atasu–Alashankou pipeline") nor a field's ("the Tengiz pipeline")
                elif follower == " " and text.startswith(" et al", end):
                    continue  # an author: "(Washington et al., 2003)"
                elif follower == " " and text.startswith(" No. ", end) and text[end + 5: end + 6].isdigit() \
                        and not m.name.country_name:
                    continue  # a product's number: "Essentuki No. 17", a water
                elif follower == "-" and _SURNAME_SUFFIX.match(text, end):
                    continue  # a surname: "Rashad Ganja-zade"
                elif follower == " " and text[end - 2: end] in _ADJECTIVE_TAILS and _DISTRICT_NOUN_AFTER.match(text, end):
                    continue  # a Russian district's adjective, not a town of its stem: «в Первомайском районе» (no
                    # Pervomaysk 900 km off), «в Соль-Илецком городском округе»
                elif follower == " " and text.startswith(" ай", end) and text.startswith(_MONTH_AFTER, end):
                    continue  # a month: Kazakh «Қазан айына» (by October: no Kazan), «Наурыз айында»
                elif follower == " " and _PATRONYMIC_AFTER.match(text, end):
                    continue  # a given name before a patronymic: "Алматы Ержанұлы", "Arman Serikuly"
                elif follower == ":" and (publisher := _PUBLISHER_AFTER.match(text, end)) is not None:
                    hint = self._city_of_publication(m.name, publisher.group())  # "(Ithaca: Cornell University
                    # Press, 2018)"
                elif (follower == "." and _TITLE_AFTER.match(text, end) or follower == " " and _DATED_AFTER.match(text, end)) \
                        and _SURNAME_BEFORE.search(text, max(0, start - 40), start):
                    continue  # a given name in a reading list: "Martin, Virginia. *Law and Custom …*", a reference's
                    # "^ Lillis, Joanna (3 October 2022)"
                elif text[start - 4: start] == "von " and (given := _LEADING_WORD.search(
                        text, max(0, start - 24), start - 4)) is not None \
                        and _norm(given.group(1)) in self.lexicon.any_given_names:
                    continue  # a person: "Konstantin von Kaufman" (not German "fahren von Hamburg", "die Strecke
                    # von Xi'an")
                elif m.upper and end - start <= 3 and (follower.isdigit() or follower in "- "
                                                       and text[end + 1: end + 2].isdigit()
                                                       and (follower == "-" or text[end + 1: end + 6].isdigit())
                                                       or follower == "-" and _CODE_TAIL.match(text, end)):
                    continue  # a code: "Tour code KZ-14", the "KZ8A" locomotive, a consignment note's "KZ 0481772", a
                    # policy's "KZ-TR-2291"
                elif follower == "-" and _MODEL_NUMBER.match(text, end):
                    continue  # a model: "Ural-4320" trucks, the "Moskvich-412" (not the station "Almaty-1")
                elif text.startswith(_DOLLAR_STARTS, end) and (dollar := _DOLLAR_AFTER.match(text, end)) is not None \
                        and (m.upper or dollar.group(1) or text[start: end].isupper()):
                    continue  # a currency: US$, NZ$, US dollars, "U.S.-dollar terms", Hong Kong dollars (not
                    # "Kazakhstan dollar bonds")
                if not hint and pipes and follower in " -|" and text.find("|", end, end + 41) >= 0:
                    hint = self._country_in_row(text, end, m.name)  # "| Orsha-Tsentralnaya | BY |"
                if text[end - 1] == "s" and m.name.key.endswith(_PLURAL_ENDED) \
                        and text[text.rfind(" ", start, end) + 1].isupper():  # "Kostanay and Akmola Regions", read
                    # as the lower-case plural is: each of the list the division
                    self._list_before_plural(text, found, start, m.name.key.rpartition(" ")[2])
                found.append((start, end, m, hint))
            if outlets:
                outlet_end = max(outlet_end, max(b for _, b in outlets))
            if tail is not None:
                found.append(tail)
            elif info.ends_feature_head:  # "in Fyodorov and Mendykara districts"
                found += self._features_after(text, rs, word, found)
        informal = page.informal or len(found) * SPARSE_NAMES_CHARS < len(text) and self._writes_names_lower(text)
        if informal:
            found = self._lower_case_names(text, found)
        else:  # a part written all in lower case, in a text that is not (a bulletin's region typed so: round 74)
            for a, b in _lower_case_parts(text):
                found = self._lower_case_names(text, found, a, b)
        if "#" in text:  # a channel's posts: hashtags, and readers' words in lower case
            found = self._posts_names(text, found, echo=not informal)
        han, arabic, georgian = _scripts_held(text)
        if han and HAN.search(text):  # Chinese characters: no capitals show a name ("霍尔果斯口岸")
            found = _merged(found, self._han_names(text))
        if arabic and ARABIC_WORD.search(text):  # Persian or Arabic: nor there ("رشت", "بندر عباس")
            found = _merged(found, self._names_by_words(text, self.gazetteer.arabic_names, ARABIC_WORD,
                                                        _an_arabic_word_place, _as_written))
        if georgian and GEORGIAN_WORD.search(text):  # Georgian, which has no capitals ("ფოთი", "თბილისში")
            found = _merged(found, self._names_by_words(text, self.gazetteer.georgian_names, GEORGIAN_WORD,
                                                        _a_georgian_word_place, georgian_nominatives))
        if informal or text.startswith("[") or "\n[" in text:  # a chat line's sender: "[05:12] Sasha Kurgan: …"
            page.mask(m.span(1) for m in _SENDER.finditer(text))
        if "@" in text or "\n>" in text:  # an e-mail's people and mailboxes: "Cc: Ops Warsaw <ops.waw@…>"
            page.mask(_mail_people(text, self.lexicon.any_given_names))
        credited = _credited(text)  # a wire's credits: "(Reporting by Olga Popova in Moscow; Editing by Jan Harvey)"
        if credited:
            page.mask(credited)
        if "|" in text and _SHIP_HEADER.search(text):  # a schedule's ships: "TURKESTAN | 2415W | Aktau", and the
            # same names in capitals elsewhere in it ("the departures of BARDA 117 slipped")
            cells = _ship_cells(text)
            page.mask(cells)
            ships = {_norm(text[a:b].strip()) for a, b in cells}
            found = [c for c in found if not (text[c[0]:c[1]].isupper() and _norm(text[c[0]:c[1]]) in ships)]
        if "egions of " in text or "rovinces of " in text or "blasts of " in text:  # (a quick test first)
            self._list_after_plural(text, found)
        return page.unmasked(found)

    def _han_names(self, text: str) -> list[_Candidate]:
        """The places the gazetteer has by a name in Chinese characters, read in each run of them from the left,
        the longest name first ("霍尔果斯口岸": 霍尔果斯, Horgos; "乌鲁木齐国际陆港区": 乌鲁木齐). A pair of
        characters before a division's or port's character is a place of the field's countries ("乌恰县"; not 雷克,
        Leek, in 库雷克港). Otherwise a name of two or three characters is read only as a word of its own, or with
        such a character, where jieba cuts the run into words (not 雷克 out of 库雷克, Kuryk; three before such a
        character only a town's: not 深水港 in 深水港区, "deep-water port area"), and one of two only for a country
        or region, a data file's world region or sea ("中亚", "里海"), a city of a million people, or a place of
        10,000 people or more whose name is no common Chinese word (:func:`_a_han_pair_place`: not 开通, "to
        open"; 港区, "port area"): "口岸" (a port of entry) and "路口" (a crossroads) are villages' names too."""
        out: list[_Candidate] = []
        names, simplified = self.gazetteer.han_names, han_simplified()
        for run in HAN.finditer(text):
            i, end, at = run.start(), run.end(), run.start()
            folded = run.group().translate(simplified)  # (names are indexed in simplified characters: 奧什, Osh)
            words: frozenset[int] | None = None  # where the run's words start and end, once a pair needs them
            while i < end - 1:
                for j in range(min(end, i + _HAN_NAME_MAX), i + 1, -1):
                    key = folded[i - at: j - at]
                    if key in names and key not in self.lexicon.never:
                        if _HAN_NAMED_AFTER.match(folded, j - at) or _HAN_BYLINE_BEFORE.search(folded, 0, i - at):
                            i = j - 1  # a firm's, a body's or a person's name: "德国铁路公司", "阿斯塔纳耶夫", a
                            # reporter's after the family name ("记者王海林": no Hailin)
                            break
                        name = self._name(key)
                        suffix, pair = folded[j - at: j - at + 1] in _HAN_SUFFIXES, j - i == 2
                        if pair and suffix:  # (or a city of a million: "汉堡港", the port of Hamburg)
                            if not any(e.country in FIELD_COUNTRIES or e.feature_class == "A"
                                       or e.population >= HAN_CITY_POPULATION for e in name.entries):
                                continue
                        elif j - i <= 3:
                            if pair and not _a_han_pair_place(name) or suffix and not _a_han_town(name):
                                continue
                            if words is None:
                                words = _han_word_bounds(folded, run.start())
                            if i not in words or j not in words and not (suffix and j + 1 in words):
                                continue
                        out.append(_loose(i, j, name))
                        i = j
                        break
                else:
                    i += 1
        return out

    def _names_by_words(self, text: str, names: frozenset[str], word: re.Pattern[str],
                        one_word_place: Callable[[_Name], bool],
                        nominatives: Callable[[str], list[str]]) -> list[_Candidate]:
        """The places the gazetteer has by a name in a script that capitals do not mark (Arabic's, Georgian's: the
        keys *names*), read in each run of *word*s from the left, the most words first ("بندر عباس", Bandar Abbas,
        not بندر alone), the last word maybe in a case (its *nominatives*: Georgian "თბილისში", in Tbilisi); a
        name of one word only where *one_word_place* says it may be alone (not "مرکز", centre)."""
        out: list[_Candidate] = []
        words = [(w.start(), w.end()) for w in word.finditer(text)]
        i = 0
        while i < len(words):
            # the words of one run: those only a space apart
            last = i
            while last + 1 < len(words) and last + 1 - i < _SCRIPT_NAME_WORDS \
                    and text[words[last][1]: words[last + 1][0]] in (" ", "-"):  # ("სამეგრელო-ზემო სვანეთი")
                last += 1
            for j in range(last, i - 1, -1):
                written = _norm(text[words[i][0]: words[j][1]])
                key = next((k for k in (written, *nominatives(written)) if k in names and k not in self.lexicon.never
                            and (j > i or one_word_place(self._name(k)))), "")  # (the first form that may be the
                # place: "კონსტანცამდე" is კონსტანცა, Constanța, before კონსტანცი)
                if key:
                    out.append(_loose(words[i][0], words[j][1], self._name(key)))
                    i = j
                    break
            i += 1
        return out

    def _posts_names(self, text: str, found: list[_Candidate], echo: bool) -> list[_Candidate]:
        """*found* and, in text order, the names of a channel's posts that capitals do not show: a hashtag's words
        run together ("#ZhanaZhol": Zhana Zhol), and, if *echo*, the names the text also has in capitals written
        in lower case ("shippers from orenburg" beside "#Orenburg")."""
        extra: list[_Candidate] = []
        for tag in _CAMEL_HASHTAG.finditer(text):
            key = _norm(_CAMEL_BREAK.sub(" ", tag.group(1)))
            if self.gazetteer.has_key(key):
                extra.append(_loose(tag.start(1), tag.end(1), self._name(key)))
        keys = {c[2].name.key for c in found if " " not in c[2].name.key and len(c[2].name.key) > 2
                and c[2].name.key not in self.lexicon.countries_as_words  # (nor "us", as in a chat)
                and self._lower_case_place(c[2].name)} if echo else set()  # (not "delta", "sale" nor "china", words)
        if keys:
            again = re.compile(rf"(?<![^\s(\[\"'«“])(?:{'|'.join(map(re.escape, sorted(keys)))})(?![\w@/'’-])")
            starts = {c[0] for c in found}
            extra += [_loose(word.start(), word.end(), self._name(word.group()))
                      for word in again.finditer(text) if word.start() not in starts]
        return _merged(found, extra)

    def _listed_person(self, text: str, cand: _Candidate) -> bool:
        """Whether *cand* is a person's given name or surname in a list's item of people, given name first and a
        dash after ("5. Madina Kuryk – Commercial Director", "Marat Altai – Partner"): the given name a listed
        one."""
        start, end = cand[0], cand[1]
        given_names = self.lexicon.any_given_names
        if text.startswith(_PERSON_DASHES, end):  # the surname, after the given name at the item's start
            given = _ITEM_GIVEN_BEFORE.search(text, max(0, start - 40), start)
            return given is not None and _norm(given.group(1)) in given_names
        return cand[2].name.key in given_names and _ITEM_SURNAME_AFTER.match(text, end) is not None \
            and _ITEM_START.search(text, max(0, start - 8), start) is not None  # (the given name; the set first)

    def _quoted_brand(self, text: str, cand: _Candidate) -> bool:
        """Whether *cand*, just inside quotes, begins a name in them that ends with a brand's or firm's word
        ('"Isfahan Gold"', '"Samarkand Black" raisins', '"Vostok-Transit"'; not '"Ridder-North"', '"Aktau
        Seaport"'), one the gazetteer does not have whole."""
        closing = _quote_closing(text, cand[1])
        return closing >= 0 and not cand[2].name.country_name \
            and _BRAND_TAIL.fullmatch(text, cand[1], closing) is not None \
            and not self.gazetteer.has_key(_norm(text[cand[0]: closing]))

    def _head_of_unknown_compound(self, text: str, cand: _Candidate) -> bool:
        """Whether *cand*, before a hyphen, heads a hyphened name the gazetteer lacks ("Kos-Istek": a capitalised
        word after the hyphen that names nothing) and no place in the field's countries has its name as its own
        (the Greek island Kos does), so that the text means the other, unknown place."""
        name = cand[2].name
        if name.country_name or name.noted or name.holds_area or _notable(name) \
                or any(e.country in FIELD_COUNTRIES and own for e, own in zip(name.entries, name.own)):
            return False  # (nor a curated place, a range or a water: "Alat-Boyuk Kesik", "the Pamir-Alay"; nor a
            # city of note by another name: Azerbaijani "Bakı-Kurık")
        tail = _HYPHENED_TAIL.match(text, cand[1])
        return tail is not None and not self.gazetteer.has_key(_norm(tail.group(1))) \
            and _norm(tail.group(1)) not in _STATION_SUFFIXES

    def _writes_names_lower(self, text: str) -> bool:
        """Whether *text*, which names few places in capitals, writes :data:`LOWER_NAMES` or more places' names
        in lower case in its first :data:`INFORMAL_SPAN` characters (a pupil's diary: "the train from
        ust-kamenogorsk to almaty … we pass semey"), as an informal text's (see :meth:`_lower_case_names`)."""
        names, seen = self.gazetteer.lower_case_names, set()
        for word in _LOWER_WORD.finditer(text, 0, INFORMAL_SPAN):
            key = _lower_key(word.group())
            if key in names and key not in seen and self._lower_case_place(self._name(key)):
                seen.add(key)
                if len(seen) >= LOWER_NAMES:
                    return True
        return False

    def _lower_case_names(self, text: str, found: list[_Candidate], start: int = 0,
                          end: int | None = None) -> list[_Candidate]:
        """*found* and, in text order, the names an informal text (or its part from *start* to *end*) writes in
        lower case ("loading in ekb tomorrow", "kurgan-petropavl", "queue at kairak"): those of curated places and
        of cities of 100,000 people or more in the field's countries (:attr:`Gazetteer.lower_case_names`), not
        English words (see :meth:`_lower_case_place`)."""
        names, extra, demonyms = self.gazetteer.lower_case_names, [], self.lexicon.demonyms
        for word in _LOWER_WORD.finditer(text, start, len(text) if end is None else end):
            key = _lower_key(word.group())
            if key not in names or key in demonyms:
                continue  # (a country's adjective: "the kazakh side", no Petropavl, which GeoNames also calls so)
            name = self._name(key)
            if self._lower_case_place(name):
                extra.append(self._lower_case_division(text, word.start(), word.end(), key) or
                             _loose(word.start(), word.end(), name))
        return _merged(found, extra)

    def _lower_case_division(self, text: str, start: int, end: int, key: str) -> _Candidate | None:
        """The division a lower-case name and the division's word after it name, with the word before it if that
        makes the name ("aktobe region", "north kazakhstan region": not Kazakhstan), if the gazetteer has it."""
        noun = _LOWER_DIVISION_AFTER.match(text, end)
        if noun is None:
            return None
        lead = _LOWER_LEADING_WORD.search(text, max(0, start - 12), start)
        for first, joined in ((lead.start(1), f"{_norm(lead.group(1))} {key}") if lead else (start, key),
                              (start, key)):
            found = self._key_with_noun(joined, noun.group(1))
            if found is not None:
                return _loose(first, noun.end(), self._name(found))
        return None

    def _lower_case_place(self, name: _Name) -> bool:
        """Whether *name* (of :attr:`Gazetteer.lower_case_names`), written in lower case, may mean its place: no
        English word unless a country's or, if not among the most common words, the own name of a city of about a
        million people ("russia", "moscow"; not "sale", "male", "hang", "chin")."""
        common = self.gazetteer.zipf(name.key)
        return name.country_name or common < LOWER_CASE_ZIPF or common < LOWER_CASE_CITY_ZIPF and any(
            own and p >= 0.85 for p, own in zip(name.priors, name.own))  # ("moscow"; not "chin", Qinzhou's other)

    def _name_word_after(self, text: str, m: _Match, start: int, end: int,
                         found: list[_Candidate]) -> tuple[_Match, int] | None:
        """*m* and its end, or the division or feature that *m*'s name and the lower-case word after it name
        ("Atyrau region", "Sverdlovsk oblast", "the Altai mountains"), when the gazetteer has it, and where
        it ends. Before a plural ("the Aktobe and Kostanay regions") the names of the list, *m* and those
        just *found* before it, are each their division, and the spans stay the names. None for an oil
        grade's name before a word that makes it the grade ("Urals crude", not "Kashagan crude"), and for a
        water, range or pass the gazetteer lacks, whose name no entry of its kind has ("the Tumen river")."""
        word = self.lexicon.name_word.match(text, end)
        if word is None:
            return m, end
        noun = _UZBEK_REGION_WORDS.get(word.group(1), word.group(1))
        if noun in _PRODUCT_WORDS:
            return None if m.name.key in self.lexicon.crude_grades else (m, end)
        if noun in _THING_NOUNS:
            return (m, end) if m.name.country_name else None
        if noun == "time":  # "10:20 (Moscow time 08:20)", "at 14:00 Astana time": a time zone
            return None if _CLOCK.search(text, max(0, start - 12), word.end() + 8) else (m, end)
        if noun in _FARM_WORDS:  # "the Kirov collective farm", "the Leningrad kolkhoz": a farm named after a place
            # or person; not "the Tashkent collective security treaty", "Moscow collective farms" (the farms of a
            # place), nor a country ("Kazakhstan collective …")
            farm = noun != "collective" or _ONE_FARM.match(text, word.end()) is not None
            return None if farm and not m.name.country_name else (m, end)
        if noun in self.lexicon.named_venue_nouns:  # "the Istanbul restaurant" (in Almaty), "the Moskva metro station"
            return None if _THE_BEFORE.search(text, max(0, start - 16), start) else (m, end)  # ("the old Ankara hotel")
        if noun in self.lexicon.venue_nouns or noun in self.lexicon.person_venue_nouns:  # "the Nagorny park",
            # "Lenin avenue", "Dostyk ave.", "the Pugachev museum"; not "Zhanaozen street protests"
            name = m.name
            if _HOUSE_NUMBER.match(text, word.end()) and noun in _ADDRESS_NOUNS:
                kept = False  # an address: "Tbilisi avenue 12" (in Baku), "Baku street, 7"
            elif noun in self.lexicon.street_nouns:
                kept = name.country_name or name.prominent or name.noted
            elif noun == "street":  # a street's name where a noun it qualifies does not follow ("on Sovetskaya
                # street is", "Lenin street in Aktobe"); "Zhanaozen street protests", "Almaty street food": the town's
                kept = name.country_name or name.noted or _NOUN_QUALIFIED.match(text, word.end()) is not None
            elif noun in self.lexicon.person_venue_nouns:  # named after a person, as a surname shows ("the
                # Pugachev museum"), or after its town ("the Aktau museum", "the Pavlodar house market")
                kept = not name.key.endswith(_RUSSIAN_SURNAME_ENDINGS) or name.noted or name.country_name
            else:  # (a water's area is none: "the Zhaiyk stadium" is named after the Ural River)
                kept = (name.country_name or name.prominent or name.noted
                        or name.holds_area and not self._names_water(name)
                        or text[max(0, start - 4): start].lower() != "the ")
            return (m, end) if kept else None
        if noun == "pass" and text[max(0, start - 4): start].lower() != "the " \
                and self._key_with_noun(m.name.key, noun) is None:
            return m, end  # a verb ("trains to Shymkent pass through", "via Kazakhstan pass 1 million TEU"), or a
            # pass the gazetteer lacks, near its town ("Kordai pass"); "4.1 Jvari pass (2,379 m)" is the pass
        if noun not in _PLURAL_NAME_WORDS:
            if noun in _NUMBERLESS_DIVISION_WORDS and len(found) >= 2 and text[found[-1][1]: start] in _LIST_GLUE \
                    and text[found[-2][1]: found[-1][0]] in _LIST_GLUE:  # "Aktobe, Kostanay and Karaganda obl.":
                self._list_before_plural(text, found, start, noun)  # all regions (not "Almaty and Almaty obl.")
            lead = _LEADING_WORD.search(text, max(0, start - 12), start) if m.start else None
            if lead is not None:  # a name of the word before too: "South Kazakhstan oblast" (not Kazakhstan)
                key = self._key_with_noun(f"{_norm(lead.group(1))} {m.name.key}", noun)
                if key is not None:
                    back = start - lead.start(1)
                    return _Match(m.start - back, m.end + word.end() - end, self._name(key), False), word.end()
            key = self._key_with_noun(m.name.key, noun)
            if key is not None:
                return _Match(m.start, m.end + word.end() - end, self._name(key), False), word.end()
            kind = _FEATURE_CLASS.get(noun)
            if kind is not None and noun != "gorge" and not any(e.feature_class == kind for e in m.name.entries):
                return None  # a river, range or pass the gazetteer lacks is not a town or desert of its name
                # ("the Tumen river", "the Jvari pass", "the Karakum canal"); a gorge opens at its town ("the
                # Turgen gorge")
            city = _CITY_DISTRICT_OF.match(text, word.end()) if noun == "district" else None
            if city is not None and not m.name.country_name and not self._lies_in(m.name, city.group(1)):
                return None  # a city's district named after another place: "the Almaty district of Astana", "the
                # Baikonur district of the capital" (not "the Shuimogou district of Urumqi", a place of Urumqi the
                # gazetteer has, nor the Aktogay district of Pavlodar region, named after its village)
            return m, end
        singular = _SINGULAR[noun]
        self._list_before_plural(text, found, start, singular)
        key = self._key_with_noun(m.name.key, singular)
        return (replace(m, name=self._name(key)) if key is not None else m), end

    def _list_before_plural(self, text: str, found: list[_Candidate], start: int, singular: str) -> None:
        """Make each name of the list that ends just before *start* (the last of *found*) the division, feature or
        station it names with *singular* where the gazetteer has it ("the Aktobe and Kostanay regions": the
        Aktobe region), and add those of its names that name nothing alone ("Aiyrtau, Timiryazev and Mamlyut
        districts"); in place."""
        i = len(found)
        for _ in range(_LIST_MAX):
            if i and text[found[i - 1][1]: start] in _PLURAL_LIST_GLUE:
                i -= 1
                f_start, f_end, f_match, f_hint = found[i]
                key = self._key_with_noun(f_match.name.key, singular)
                if key is not None:
                    found[i] = (f_start, f_end, replace(f_match, name=self._name(key)), f_hint)
                start = f_start
                continue
            piece = _LIST_PIECE_BEFORE.search(text, max(0, start - 40), start)
            if piece is None or (i and found[i - 1][1] > piece.start(1)):
                return
            key = self._key_with_noun(_norm(piece.group(1)), singular)
            start = piece.start(1)
            if key is not None:  # (a name of the list the gazetteer lacks either way is passed over: "Emba,
                # Shalkar and Kauyldyr stations")
                found.insert(i, _loose(start, piece.end(1), self._name(key)))

    def _list_after_plural(self, text: str, found: list[_Candidate]) -> None:
        """Make each name of a list after a plural division's noun and "of" the division it names with the noun
        where the gazetteer has it ("the Kyrgyz regions of Naryn and Jalal-Abad": the two regions, not their seats;
        "the provinces of Kars and Ardahan"); in place."""
        i = 0
        while i < len(found):
            plural = _DIVISIONS_OF.search(text, max(0, found[i][0] - 24), found[i][0])
            if plural is None:
                i += 1
                continue
            singular = plural.group(1).lower()
            for j in range(i, min(len(found), i + _LIST_MAX)):
                start, end, match, hint = found[j]
                key = None if match.name.country_name else self._key_with_noun(match.name.key, singular)
                if key is not None:
                    found[j] = (start, end, replace(match, name=self._name(key)), hint)
                i = j + 1
                if i == len(found) or text[end: found[i][0]] not in _LIST_GLUE:
                    break

    def _cyrillic_division(self, text: str, rs: int, run: str) -> _Candidate | None:
        """The region that a run's last word and the lower-case noun after it name in Russian ("Оренбургская
        область", "в Костанайской области"), Kazakh, Kyrgyz or Mongolian ("Нарын облусу", "Сүхбаатар аймагт"), when
        the gazetteer has it in some case."""
        noun = _CYRILLIC_DIVISION.match(text, rs + len(run))
        if noun is None:
            return None
        noun_read = noun.group(1)
        heads = [noun_read, _RUSSIAN_PLURAL_HEADS.get(noun_read)
                 or next((head for stem, head in _DIVISION_HEADS if noun_read.startswith(stem)), "")]
        # (a plural's singular: "Омскую и Новосибирскую области", see below; Kazakh "Абай облысындағы", in the region,
        # "Алакөл ауданындағы", "Балқаш көлінің", "Каспий теңізі арқылы")
        cuts = [0, *(i + 1 for i, ch in enumerate(run) if ch == " ")]
        for cut in cuts[-2:]:  # (the run's last two words, then its last: "Шығыс Қазақстан облысы", "Бүгін Абай
            # облысында")
            for head in filter(None, heads):
                key = _norm(f"{run[cut:]} {head}")
                if self.gazetteer.has_key(key):
                    start = rs + cut
                    return start, noun.end(), _Match(start - rs, noun.end() - rs, self._name(key), False), ""
        english = next((nouns for stem, nouns in _DIVISION_ENGLISH.items() if noun_read.startswith(stem)), ())
        last = _norm(run[cuts[-1]:])
        if english and self.gazetteer.has_key(last):  # a division named after a town the gazetteer has in Kazakh
            shown = self.gazetteer.overlay.shown  # (and by the name it is shown by: "Жалал-Абад", GeoNames' Manas)
            for entry_name in dict.fromkeys(n for e in self._name(last).entries for n in (e.name, shown.get(e.id))
                                            if n):
                for english_noun in english:
                    key = _norm(f"{entry_name} {english_noun}")
                    if self.gazetteer.has_key(key):
                        start = rs + cuts[-1]
                        return start, noun.end(), _Match(start - rs, noun.end() - rs, self._name(key), False), ""
        return None

    def _russian_divisions_before(self, text: str, start: int, head: str) -> list[_Candidate]:
        """The regions of a list of adjectives that ends just before *start* and shares the plural noun after the
        last ("в Омскую и Новосибирскую области", "Западно-Казахстанской, Актюбинской и Костанайской областях"),
        each its region where the gazetteer has it with *head* ("область", "край"); in text order."""
        out: list[_Candidate] = []
        for _ in range(_LIST_MAX):
            adjective = _RUSSIAN_ADJECTIVE_BEFORE.search(text, max(0, start - 60), start)
            if adjective is None:
                break
            key = _norm(f"{adjective.group(1)} {head}")
            if not self.gazetteer.has_key(key):
                break
            a, b = adjective.span(1)
            out.append((a, b, _Match(0, b - a, self._name(key), False), ""))
            start = a
        return out[::-1]

    def _sea_at_end(self, text: str, rs: int, run: str, before_and: bool = False) -> _Candidate | None:
        """The sea or river that a run's last word names alone ("across the Caspian", "the Caspian's ports",
        "The Tobol flows"): a word of :attr:`Lexicon.seas_after_the` with "the" before it (or "the", a water
        and "and": "the Volga and Ural") and, unless possessive, a punctuation mark, a line end or a word of
        :attr:`Lexicon.after_sea` after it (verbs and the nouns of water, "the Ural basin"; not other nouns:
        "the Caspian region"), also after "the" and a demonym ("the Kazakh Altai"); or a river gauge at a
        line's start, with no "the" ("Tobol at Zverinogolovskoye: 612 cm"). *run* may be the first word of a
        longer run, *before_and* a name ("the Caspian and the Black Sea")."""
        cut = run.rfind(" ") + 1
        last = run[cut:]
        possessive = last.endswith(("'s", "’s"))
        sea = self.lexicon.seas_after_the.get(last[:-2] if possessive else last)
        if sea is None:
            return None
        # "the" before the word, or before a demonym before it, which the name then spans ("the Kazakh Altai",
        # "the Persian Gulf")
        start = rs if cut and run[:cut - 1].lower() in self.lexicon.demonyms else rs + cut
        end = rs + len(run)
        if _GAUGE.match(text, end) and (start == 0 or text[max(0, start - 2): start].endswith(_LINE_OPENERS)):
            return start, end, _Match(start - rs, end - rs, self._name(sea), False), ""  # a gauge: "Tobol at Kostanay",
            # or an entry: "Karatal. Length 390 km"
        after_and = self._after_water_and(text, start)
        noun_after = _PLURAL_OR_NAME_WORD.match(text, end) is not None
        if _WATER_DETERMINER.search(text, max(0, start - 7), start) is None \
                and not _THE_PART.search(text, max(0, start - 36), start) and not after_and \
                and not (noun_after and text.endswith(_POSSESSIVE_BEFORE, 0, start)) \
                and not (text[start - 2: start] in (": ", ", ") and _WATER_LABEL_BEFORE.search(text, max(0, start - 60), start)):
            return None  # "the northern Caspian", "the Volga and Ural", "Kazakhstan's Caspian ports"
        if text[end: end + 1] in ("-", "‐", "/"):
            return None  # a station or checkpoint ("the Narva-1 checkpoint"), or a word of a pair ("The Ob/Gyn")
        part = _WATER_PART.match(text, end)
        if part is not None and self.gazetteer.has_key(f"{_norm(last)} {part.group(1)}"):
            return None  # a valley the gazetteer has, read with its noun ("the Chu valley"; "the Tobol basin" is the
            # river's)
        if possessive:
            end -= 2
        elif not before_and and not self._place_word_after(text, end) and not (after_and and not noun_after):
            return None  # (but "The Ural and Ilek do not know borders"; not "the Ishim and Tobol regions")
        elif text.startswith(" sea", end) and sea.endswith(" sea") and not _is_word_char(text[end + 4: end + 5]):
            end += 4  # (a writer's lower-case "the Aral sea": the sea's name whole)
        return start, end, _Match(start - rs, end - rs, self._name(sea), False), ""

    def _and_joins_waters(self, text: str, end: int, run: str, tail: _Candidate | None) -> bool:
        """Whether the name before "and" in *run* (which ends at *end*) may be a water read alone: before "and
        the" ("across the Caspian and the Black Sea"), or a sea's word where the word after the run may follow a
        water ("the Caspian and Turkey."; not "the Baltic and Nordic countries"), or where the name after "and" is
        a water too (*tail*, "The Ural and Ilek"; "the Naryn and Kara Darya"); not "The Tom and Jerry
        cartoons", "the Ishim and Tobol regions"."""
        if run.endswith(" and the"):
            return False  # the tail is the name before it ("the Ural and the town")
        cut = run.index(" and ")
        if tail is not None or run.startswith(" and the ", cut):
            return True
        sea = self.lexicon.seas_after_the.get(run[:cut].rpartition(" ")[2])
        if sea is not None and sea.endswith(_SEA_NAME_ENDS):  # (not "the Baltic and Nordic countries")
            return self._place_word_after(text, end)
        rest = self._name(_norm(run[cut + 5:])).entries
        return bool(rest) and all(e.feature_class == "H" for e in rest)

    def _after_water_and(self, text: str, start: int) -> bool:
        """Whether "the", a water's bare name and "and" or "or" stand just before *start* ("the Volga and
        Ural", "The Ural and Ilek"): the name at *start* is then read as a water too."""
        m = _THE_WATER_AND.search(text, max(0, start - 60), start)
        return m is not None and m.group(1) in self.lexicon.seas_after_the

    def _an_oil_grade(self, page: _Page, start: int, key: str) -> bool:
        """Whether the oil grade's name *key* at *start* is the grade: after a price's or an exchange's word ("Dated
        Brent", "ICE Brent"), or, for the grades that name no place a text of oil would go to without "the"
        (Brent, Urals), anywhere but after "the" in a text of oil ("Urals loadings", "the discount of Urals")."""
        text = page.text
        if _GRADE_BEFORE.search(text, max(0, start - 12), start):
            return True
        return key in self.lexicon.oil_text_grades and not text[max(0, start - 4): start].lower() == "the " \
            and page.about_oil

    def _russian_common_word(self, text: str, rs: int, run: str, matches: tuple[_Match, ...]) -> bool:
        """Whether *run*, one Russian word naming only small places, is a common word there: an adjective before a
        lower-case word ("Восточный обход", "«Средний коридор»", not after a settlement's word: "посёлок Северный
        вырос"), in a headline in capitals before another word in capitals ("СЕВЕРНЫЙ ЗАВОЗ", "РЕКОРД"), or a
        commoner word opening a line or a sentence before a lower-case one ("Ставки выросли": rates, not Stavky)."""
        if len(matches) != 1 or " " in run:
            return False
        end, least = rs + len(run), RUSSIAN_ADJECTIVE_ZIPF
        if run.isupper() and len(run) > 3:  # (the quick tests first)
            if _UPPER_CYRILLIC_BEFORE.search(text, max(0, rs - 24), rs) is None \
                    and _UPPER_CYRILLIC_AFTER.match(text, end) is None:
                return False
        elif not (run.endswith(_RUSSIAN_ADJECTIVE_ENDINGS) and _LOWER_CYRILLIC_AFTER.match(text, end) is not None
                  and not _after_settlement_word(text, rs)):
            if not (_LOWER_CYRILLIC_AFTER.match(text, end) and (rs == 0 or text[rs - 1] == "\n"
                                                                or self._is_sentence_start(text, rs))
                    and not any(e.population >= CASE_MIN_POPULATION for e in matches[0].name.entries)):
                return False  # (a town of some size by any of its names opens a sentence as a town: "Семей мен")
            least = RUSSIAN_OPENER_ZIPF
        name = matches[0].name
        return not (name.noted or name.city is not None or name.country_name
                    or any(entry.curated for entry in name.entries)) \
            and language_zipf(run, "ru") >= least

    def _without_common_words(self, run: str, language: str, matches: tuple[_Match, ...]) -> tuple[int, str] | None:
        """The *run* of a text in *language* without the common words of the language that open or end it, and
        where what is left starts in it ("Im Hafen Aktau": "Aktau", as German capitalises every noun; "Aktau
        Limanı'na"), or None if none does. A name of several words among the run's *matches* stays whole
        ("Wasserstand des Kaspischen Meeres": "Kaspischen Meeres", not "Meeres", Meer in Belgium; "Anaklia am
        Schwarzen Meer"), as do a given name and the word after it ("Thomas Wieland") and a national firm's head
        ("Azerbaycan Demir Yolları")."""
        words = run.split(" ")
        starts = list(accumulate((len(w) + 1 for w in words[:-1]), initial=0))  # each word's offset in the run
        kept = [(bisect.bisect_right(starts, m.start) - 1, bisect.bisect_left(starts, m.end)) for m in matches
                if " " in m.name.key]  # (the words each spans)
        first, last = min((a for a, _ in kept), default=len(words)), max((b for _, b in kept), default=0)
        i, j = 0, len(words)
        given = self.lexicon.any_given_names  # (a person's given name stays, so the surname after it is read as
        # one: "Wenn Thomas Wieland spricht" is no Villány, Wieland in German)
        while i < min(j - 1, first) and self._a_word_between_names(words[i], language):
            i += 1
        heads = self.lexicon.national_heads  # (a national firm's head stays, so does its name: "Azerbaycan Demir
        # Yolları" is the railway company, not the country; "Kars Lojistik Merkezi'nde" is in Kars)
        least = i + 2 if _norm(words[i]) in given else i + 1  # (nor is a given name left alone: "Marco
        # Bellinazzo" is a byline, not Marco)
        while j > max(least, last) and self._a_language_word(words[j - 1], language) \
                and (apostrophe_stem(key := _norm(words[j - 1])) or key) not in heads:
            j -= 1
        if (i, j) == (0, len(words)):
            return None
        return len(" ".join(words[:i])) + (1 if i else 0), " ".join(words[i:j])

    def _a_language_word(self, word: str, language: str) -> bool:
        """Whether *word* is a word of *language*: a common one, or one known to the language that no place bears
        ("Grenzstationen", "Grenzübergang"; not a place the language names often: "Mersin")."""
        key = _norm(word)
        return self._language_word(key, language) or (  # (wordfreq counts a hyphened word by its parts: no word)
            word.isalpha() and not self.gazetteer.has_key(key)
            and language_zipf(word.lower(), language) >= LANGUAGE_WORD_ZIPF)

    def _a_word_between_names(self, word: str, language: str) -> bool:
        """Whether *word*, in a run of capitalised words, is a word of *language* and no given name (a given name
        stays with the surname after it: "Wenn Thomas Wieland spricht" is no Villány, Wieland)."""
        return self._a_language_word(word, language) and _norm(word) not in self.lexicon.any_given_names

    def _cut_at_language_words(self, runs: list[tuple[int, str]], language: str) -> list[tuple[int, str]]:
        """The *runs* (start, run) of a text in *language*, which capitalises its nouns, each cut at the language's
        words inside it into the runs of names between them, where each opens the run or follows a word in a case
        (Turkish "Halkalı Lojistik Merkezi'nden Kapıkule Sınır Kapısı": Halkalı, Kapıkule; "Bakü-Tiflis-Kars
        Demiryolu Hattı'nda"; not "Pasifik Eurasia Genel Müdürü", a firm's manager): not one whose name of
        several words spans such a word ("Dilucu Sınır Kapısı", "Kaspischen Meeres", "Frankfurt am Main"), nor a
        national firm's ("Azerbaycan Demir Yolları"); a given name is no such word ("Thomas Wieland": a person).
        (Words before a name and after it are trimmed as ever: :meth:`_without_common_words`.)"""
        heads = self.lexicon.national_heads
        out: list[tuple[int, str]] = []
        for rs, run in runs:
            words = run.split(" ")
            pieces = self._pieces_between_language_words(words, language) if len(words) >= 3 else []
            if not pieces or any((apostrophe_stem(k := _norm(w)) or k) in heads for w in words) \
                    or any(" " in m.name.key for m in self._info(run, False).matches):
                out.append((rs, run))
                continue
            out += [(rs + k, piece) for k, piece in pieces]
        return out

    def _pieces_between_language_words(self, words: list[str], language: str) -> list[tuple[int, str]]:
        """The pieces (offset, words) of a run of *words* between the words of *language* inside it, if there are
        such words and each piece but the first follows a word in a case (see :meth:`_cut_at_language_words`), else
        none."""
        pieces: list[tuple[int, str]] = []
        offset, cut_before, after_case = 0, False, True
        for word in words:
            if self._a_word_between_names(word, language):
                cut_before, after_case = True, not pieces or bool(apostrophe_stem(_norm(word)))  # (words before
                # the first name are trimmed as ever: "Tren Halkalı …")
            elif pieces and not cut_before:
                pieces[-1] = (pieces[-1][0], f"{pieces[-1][1]} {word}")
            elif not after_case:
                return []
            else:
                pieces.append((offset, word))
                cut_before = False
            offset += len(word) + 1
        return pieces if len(pieces) > 1 or pieces and len(pieces[0][1]) < offset - 1 else []

    def _named_after_prefix(self, text: str, start: int, rs: int, run: str) -> _Candidate | None:
        """The name that the lower-case words from *start* and the longest head of the *run* after them make,
        if the gazetteer has it ("mer Caspienne"; see ``_prefix_before``)."""
        words = run.split(" ")
        for k in range(len(words), 0, -1):
            end = rs + len(" ".join(words[:k]))
            key = _norm(text[start: end])
            if self.gazetteer.has_key(key):
                return _loose(start, end, self._name(key))
        return None

    def _features_after(self, text: str, rs: int, run: str,
                        found: list[_Candidate] | None = None) -> list[_Candidate]:
        """The waters, landforms or divisions that a run's last word and the lower-case word after it name, when
        the gazetteer has them ("along the Bukhtarma reservoir", "through Kurmangazy district": neither first
        word names a place alone); before a plural, those of each name of the list the run is ("the Bukhtarma
        and Shulba reservoirs"; the spans stay the names), or, where the run's other names were *found* as
        places, of its last, and those found are made the division where the gazetteer has it ("the Auliekol
        and Mendykara districts")."""
        end = rs + len(run)
        word = self.lexicon.name_word.match(text, end)
        if word is None:
            return []
        noun = _SINGULAR.get(word.group(1), word.group(1))
        if noun not in self._head_nouns:
            return []
        plural = noun != word.group(1)
        pieces, k = [], 0  # (start, end) in the run of each name of the list
        if plural and found is not None:
            self._list_before_plural(text, found, rs + run.rfind(" ") + 1, noun)
        elif plural:
            for glue in _LIST_GLUE_IN_RUN.finditer(run):
                pieces.append((k, glue.start()))
                k = glue.end()
        pieces.append((k, len(run)))
        out: list[_Candidate] = []
        demonyms = self.lexicon.demonyms if noun in _DIVISION_WORDS else {}
        for a, b in pieces:
            a = run.rfind(" ", a, b) + 1 or a  # the name's last word
            if demonyms.get(run[a:b].lower()):
                continue  # a country's adjective before a division's noun: "Seven Kazakh regions", "the Kazakh
                # region of Aktobe" (not Qazax, Azerbaijan, which GeoNames also calls Kazakh Region; but "the Caspian
                # lowland")
            key = self._key_with_noun(_norm(run[a:b]), noun)
            if key is not None:
                stop = b if plural else word.end() - rs
                out.append((rs + a, rs + stop, _Match(a, stop, self._name(key), False), ""))
        if plural and found is None and out:
            self._list_before_plural(text, out, rs, noun)  # ("Aiyrtau, Timiryazev and Shet districts")
        return out

    def _key_with_noun(self, key: str, noun: str) -> str | None:
        """The gazetteer's key for name *key* with the lower-case *noun* after it, or with the noun's fuller
        synonym ("Orenburg obl.": orenburg oblast; "Zhitikara raion": zhitikara district), if it has one; before
        a district's word, a Russian adjective is its town's name ("Martukskiy r-n": Martuk District)."""
        words = (noun, *_DIVISION_SYNONYMS.get(noun, ()))
        for word in words:
            joined = f"{key} {_norm(word) if _APOSTROPHE_LIKE.search(word) else word}"  # ("koʻprigi" as keys write it)
            if self.gazetteer.has_key(joined):
                return joined
        if noun in _WATER_PARTS and key in self.lexicon.seas_by_key:
            return self.lexicon.seas_by_key[key]  # "the Tobol basin": the river's (the gazetteer has no basin)
        if noun in _REGION_WORDS:
            return self._region_of_seat(key)
        return self._district_of_adjective(key) if "district" in words else None

    def _region_of_seat(self, key: str) -> str | None:
        """The key of the first-level division whose seat, its most populous town, the name *key* is, as the
        gazetteer spells it with "region" ("Samarkand Region": samarqand region, whose point is Samarkand's)."""
        for e in self.gazetteer.by_key(key):
            division = self.gazetteer.get(f"admin1:{e.country}.{e.admin1}") \
                if e.feature_class == "P" and e.admin1 else None
            if division is not None and distance_km((e.lat, e.lon), (division.lat, division.lon)) < 1.0:
                joined = f"{normalize(division.name)} region"
                return joined if self.gazetteer.has_key(joined) else None
        return None

    def _district_of_adjective(self, word: str) -> str | None:
        """The key of the district whose town's Russian adjective *word* is ("martukskiy": martuk district;
        "zhitikarinskiy": zhitikara district), or the district's own name if the gazetteer has it ("limansky":
        limansky district), or None (not "leninsky": no district is Lenin's but Ukraine's town of that name)."""
        adjective = _RUSSIAN_ADJECTIVE.search(word)
        if adjective is None:
            return None
        if self.gazetteer.has_key(f"{word} district"):
            return f"{word} district"  # the district's own name ("Limansky District", whose town is Liman)
        stem = word[:adjective.start()]
        for town in (stem, stem[:-2] + "a" if stem.endswith("in") else ""):
            key = f"{town} district"
            if town and self.gazetteer.has_key(key) and any(e.feature_code == "ADM2"
                                                            for e in self.gazetteer.meant_by(key)):
                return key
        return None

    def _info(self, run: str, dateline: bool) -> _RunInfo:
        """What *run* holds (cached per distinct run): a run with an "and" that joins two names
        ("Omsk and Karagandy", not "Bosnia and Herzegovina") is read as its pieces, so that pieces
        repeat and their analysis is reused."""
        cache = self._dateline_runs if dateline else self._runs
        info = cache.get(run)
        if info is not None:
            return info
        pieces = self._cut_at_and(run) if " and " in run else [(0, run)]
        if len(pieces) == 1:
            info = self._analyse(run, dateline)
        else:
            info = _RunInfo.joined(self._info(pieces[0][1], dateline),
                                   [(k, self._info(piece, False)) for k, piece in pieces[1:]])
        if not info.ends_feature_head:
            last = _norm(run[run.rfind(" ") + 1:])
            # a district's adjective ("s. Martuk of Martukskiy r-n"; a name itself, "Fedorovskiy", is read with
            # its noun by _name_word_after)
            if _RUSSIAN_ADJECTIVE.search(last) is not None and self._district_of_adjective(last) is not None:
                if info.idle:
                    info = _FEATURE_HEAD
                elif not self.gazetteer.has_key(last):
                    info = replace(info, ends_feature_head=True)
            elif info.idle or not info.matches:  # (an adjective no district's: "the Ivanovsky range")
                head = last in self._feature_heads
                if info.idle:
                    info = _FEATURE_HEAD if head else _IDLE
                elif head:  # "the Caspian lowland" (Caspian: a word that names nothing alone but blocks)
                    info = replace(info, ends_feature_head=True)
        if len(cache) > _RUN_CACHE_SIZE:
            cache.clear()
        if len(run) <= _RUN_CACHE_MAX_CHARS:
            cache[run] = info
        return info

    def _cut_at_and(self, run: str) -> list[tuple[int, str]]:
        """*run* cut at each "and" that joins two names: the pieces, each with its start. An "and" after a
        word that names nothing is inside a name ("Magnitogorsk Iron and Steel Works", read whole so that
        its head noun is seen), as is one inside a place's name ("Bosnia and Herzegovina")."""
        heads, start, cuts = self.gazetteer.and_heads, 0, []
        for m in _AND.finditer(run):
            last = _PREVIOUS_WORD.search(run, max(start, m.start() - 40), m.start())  # heads are short words
            word = _norm(last.group()) if last is not None else ""
            if last is None or (word not in heads and self.gazetteer.has_key(word)):
                cuts.append((start, run[start: m.start()]))
                start = m.end()
        cuts.append((start, run[start:]))
        return cuts

    def _analyse(self, run: str, dateline: bool) -> _RunInfo:
        """What a run holds: its place names (anywhere, and at a sentence start if that differs), demonyms,
        and outlet names: those the run's own characters show, and those that may go on past its end."""
        tokens = self._tokens(run)
        demonyms = tuple((t.start, t.end, self.lexicon.demonyms[t.key]) for t in tokens if t.key in self.lexicon.demonyms)
        outlets, open_outlets = [], []
        for t in tokens:
            if t.key in self.lexicon.outlets:
                end, names = _outlet_in(run, t.start, self.lexicon.outlets[t.key])
                if end >= 0:
                    outlets.append((t.start, end))
                elif names:
                    open_outlets.append(_OpenOutlet.at(run, t.start, names))
        rest = demonyms, tuple(outlets), tuple(open_outlets)
        self._asked_opening = self._asked_locative = False
        self._surnames_met = set()
        plain = self._analyse_run(run, tokens, _DATELINE_LEAD if dateline else _WORD_LEAD)
        # the run read at a sentence start, and after a place word, where a filter asked
        asked = [(not dateline and self._asked_opening, _SENTENCE_LEAD),
                 (self._asked_locative, _LOCATIVE_LINE_LEAD if dateline else _LOCATIVE_LEAD)]
        variants = []
        for ask, lead in asked:
            other = self._analyse_run(run, tokens, lead) if ask else plain
            variants.append(None if other == plain else other)
        return _RunInfo(plain, variants[0], *rest, variants[1], frozenset(self._surnames_met))

    def _opens_sentence(self, text: str, start: int) -> bool:
        """:meth:`_is_sentence_start` inside a run's analysis, noting when it asks about the run's first word."""
        if start == len(_WORD_LEAD):  # the run's first word, just after the stand-in context
            self._asked_opening = True
        return self._is_sentence_start(text, start)

    def _blocked(self, text: str, start: int) -> bool:
        """Whether the word before a run rules out its first name: a title ("President Tokayev"), an
        abbreviated title with its dot ("Mr. Jordan"; not a title ending a sentence, "…the akim. Aktau"),
        or a demonym joined by a hyphen ("trans-Caspian"). Asked when :meth:`_may_block_at` says it may."""
        sep = text[start - 1]
        dotted = text[start - 2: start] == ". "
        end = start - 2 if dotted else start - 1
        word = _PREVIOUS_WORD.search(text, max(0, end - 24), end)
        if word is None or (len(word.group()) > 3 and POSSESSIVE.search(word.group())):
            return False
        key = _norm(word.group())
        if dotted:
            return key in self.lexicon.abbreviated_titles
        if sep == " " and key in self.lexicon.route_titles:  # "driver Kapal", not "the coach Almaty - Tashkent"
            return _WORD_THEN_ROUTE_DASH.match(text, start) is None
        return key in (self.lexicon.titles if sep == " " else self.lexicon.demonyms)

    def _may_block_at(self, before: str) -> bool:
        """Whether a title or demonym can end just before a run that *before* (up to five characters)
        precedes: a separator, maybe a dot, and the last three letters of a blocker, or a shorter one
        (remembered by *before*)."""
        may = len(before) >= 2 and before[-1] in (" ", "-", "‐")
        if may:
            end = len(before) - (2 if before.endswith(". ") else 1)
            tail = before[max(0, end - 3): end]
            may = not tail.isascii() or (tail := tail.lower()) in self._blocker_tails \
                or tail.endswith(self._short_blockers)
        if len(self._may_block) > _PROBE_CACHE_SIZE:
            self._may_block.clear()
        self._may_block[before] = may
        return may

    def _analyse_run(self, run: str, run_tokens: list[_Token], lead: str) -> tuple[_Match, ...]:
        """The place names in one run of capitalised words (tokens *run_tokens*), read as if *lead* came
        before it: *lead* stands in for the context, a line start, a sentence start or a word.
        """
        text, k = lead + run, len(lead)
        tokens = [_Token(t.start + k, t.end + k, t.key, t.raw) for t in run_tokens]
        out: list[_Match] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            match = self._longest_name(text, tokens, i) if tok.raw[0].isupper() else None
            if match is None:
                i += 1
                continue
            n, key = match
            name = self._name(key)
            if n > 1 and tok.key == "the" and self._same_without_article(name, key):
                i += 1  # "The Volga", "The United States" at a sentence start: the name begins after "The"
                continue
            if i and self._inside_unknown_feature(tokens, i):
                i += n
                continue
            verdict = self._accept(text, tokens, i, i + n - 1, name)
            if verdict != _REJECT and not self._piece_of_unknown_compound(text, tokens, i, i + n - 1, name) \
                    and not (n == 1 and out and out[-1].end + len(lead) == tok.start - 1 and text[tok.start - 1] == " "
                             and not name.holds_village):
                # (a village's name just after a place's, in one run, qualifies it: "Małaszewicze Duże",
                # "Hamburg Süd")
                out.append(_Match(tokens[i].start - len(lead), tokens[i + n - 1].end - len(lead), name,
                                  n == 1 and tok.raw.isupper(), verdict))
            i += n
        return tuple(out)

    @staticmethod
    def _inside_unknown_feature(tokens: list[_Token], i: int) -> bool:
        """Whether ``tokens[i]`` ends the name of a water, cape or mountain the gazetteer lacks, which a town's
        name would only seem to be: "Sea of Okhotsk" (not Okhotsk), "Gulf of Finland", "Lake Peipus", "Cape
        Manorsky". (A name the gazetteer has, "Sea of Azov", "Lake Baikal", was read whole before.)"""
        before = tokens[i - 1].key
        if before in _FEATURE_BEFORE_NAME:
            return True
        return before == "of" and i > 1 and tokens[i - 2].key in _FEATURE_BEFORE_OF

    def _same_without_article(self, name: _Name, key: str) -> bool:
        """Whether the name *key* ("the volga") means the same places without its leading article (not
        "The Hague", whose article belongs to it)."""
        rest = key.partition(" ")[2]
        return (not any(_norm(e.name).startswith("the ") for e in name.entries) and self.gazetteer.has_key(rest)
                and {e.id for e in name.entries} <= {e.id for e in self.gazetteer.meant_by(rest)})

    def _piece_of_unknown_compound(self, text: str, tokens: list[_Token], i: int, j: int, name: _Name) -> bool:
        """Whether the small place *name* (``tokens[i..j]``) is hyphened to a rare capitalised word that
        names nothing: then it is a piece of a name the gazetteer lacks ("Sary" in "Sary-Agash"), not a
        place of its own. A town of note stays ("Dostyk-Moyinty", "Foo-Aktau"), and so does a piece beside
        a common word or a demonym ("Trans-", "Sino-"), and a border post's name ("Dostyk-Zzyqx")."""
        if name.holds_village:
            return False
        for n, sep in ((i - 1, text[tokens[i - 1].end: tokens[i].start] if i else ""),
                       (j + 1, text[tokens[j].end: tokens[j + 1].start] if j + 1 < len(tokens) else "")):
            if sep in _HYPHENS:
                other = tokens[n]  # (not _name_like: a sentence opener or capitals may be such a piece)
                if (other.raw[0].isupper() and not self.gazetteer.has_key(other.key)
                        and other.key not in self.lexicon.demonyms and other.key not in CONNECTORS
                        and self.gazetteer.zipf(other.key) < COMMON_WORD_ZIPF):
                    return True
        return False

    def _longest_name(self, text: str, tokens: list[_Token], i: int) -> tuple[int, str] | None:
        """The longest gazetteer name that starts at ``tokens[i]``: (its number of tokens, its key), or None."""
        longest = min(self.gazetteer.max_words(tokens[i].key), MAX_TOKENS)
        if longest == 1 and i + 1 < len(tokens) and tokens[i + 1].key in _REGION_WORDS:
            longest = 2  # (a region named after its seat, which the gazetteer may spell otherwise: see below)
        for n in range(min(longest, len(tokens) - i), 0, -1):
            span = tokens[i: i + n]
            if self._joinable(text, span):
                key = fold_saint(" ".join(t.key for t in span))
                if self.gazetteer.has_key(key):
                    return n, key
                misread = self._read_past_ocr(key) if "rn" in key else None  # "Alrnaty": Almaty, scanned
                if misread is not None:
                    return n, misread
                if n > 1 and span[-1].key in _SINGULAR:  # "Akmola Regions": Akmola Region
                    singular = f"{key[: len(key) - len(span[-1].key)]}{_SINGULAR[span[-1].key]}"
                    if self.gazetteer.has_key(singular):
                        return n, singular
                if n == 2 and span[-1].key in _REGION_WORDS and self.gazetteer.has_key(span[0].key):
                    seat = self._region_of_seat(span[0].key)  # "Samarkand Region": the region whose seat it is
                    if seat is not None:
                        return n, seat
                if n > 1 and all(text[a.end: b.start] in _HYPHENS for a, b in zip(span, span[1:])):
                    joined = self.gazetteer.hyphen_joined(text[span[0].start: span[-1].end])  # "Kok-Terek"
                    if joined is not None and self.gazetteer.zipf(joined) < COMMON_WORD_ZIPF - 1:
                        return n, joined  # (not a word: "ROUND-UP" is no Roundup, Montana)
                    stem = _TOWN_ADJECTIVE.sub("", key)  # a Russian adjective of the town: "Sol-Iletskiy (district)"
                    if stem != key and self.gazetteer.has_key(stem):
                        return n, stem
        return None

    def _read_past_ocr(self, key: str) -> str | None:
        """The key *key* is OCR's misreading of, with "m" for the "rn" it misreads most often in a scanned text's
        names, if *key* names nothing (asked after the gazetteer) and is no English word, and the corrected one
        names a town of about 35,000 or more or a place of the data files ("Ternirtau", "Turkrnenbashi"; not
        "Barn" for Bam); else None. (A capital "I" misread as "l", "lrtysh", starts no run of capitals.)"""
        misread = key.replace("rn", "m")
        return misread if self.gazetteer.zipf(key) < 1.0 and any(
            e.curated or prior(e) >= OCR_TOWN_PRIOR for e in self.gazetteer.meant_by(misread)) else None

    def _name(self, key: str) -> _Name:
        """The :class:`_Name` for *key* (cached: a name's facts are worked out once)."""
        name = self._names.get(key)
        if name is None:
            name = self._new_name(key, self.gazetteer.meant_by(key),
                                  tuple(e for e in self.gazetteer.by_key(key) if e.id.startswith("post:")))
            if len(self._names) > _NAME_CACHE_SIZE:
                self._names.clear()
            self._names[key] = name
        return name

    def _narrowed_name(self, key: str, entries: tuple[Entry, ...], posts: tuple[Entry, ...]) -> _Name:
        """The :class:`_Name` for *key* where the text says it names one of *entries* only: the border posts
        of a crossing it speaks of, or the towns of a "village of" (cached), under a key of its own (*key* and
        the entries' ids), as the text's names and their readings are told apart by their keys."""
        name = self._narrowed_names.get((key, entries))
        if name is None:
            own_key = "|".join((key, *(e.id for e in entries)))
            name = self._narrowed_names[(key, entries)] = replace(self._new_name(key, entries, posts), key=own_key)
        return name

    def _new_name(self, key: str, entries: tuple[Entry, ...], posts: tuple[Entry, ...]) -> _Name:
        """What name *key*, meaning one of *entries*, says whatever the text."""
        priors = tuple(prior(e) for e in entries)
        areal = tuple(is_area(e) for e in entries)
        # (the leading word of a city's name, where a common English word, is no name of it: "Gold" of Gold Coast)
        leading = self.gazetteer.zipf(key) < LEADING_WORD_ZIPF
        named = apostrophe_stem(key) or key  # (a Turkish case form is its stem's: "Kars'ta" is Kars's own name)
        own = tuple(_own_name(e, named, leading) or _own_name(e, key, leading) for e in entries)
        country_name = any(e.feature_code.startswith("PCL") for e in entries)
        top = max(((p, e) for e, p, o in zip(entries, priors, own) if o), default=(0.0, None),
                  key=lambda pe: pe[0])
        noted = top[0] >= NOTED_PRIOR
        contenders = _contenders(entries, priors, areal, own, noted)
        holds_area = bool(posts) or any(a or e.curated for e, a in zip(entries, areal))  # (a post: curated)
        # the biggest place that has the name as its own, or of all that carry it if none does
        biggest = top[0] if top[1] is not None else max(priors, default=0.0)
        given = key in self.gazetteer.overlay.by_key
        obscure = bool(entries) and not holds_area and biggest < 0.85 and not given  # (not "Turkmenbaschi")
        floor = -1.0 if top[1] is None else top[0] - (
            RENAMED_PRIOR_GAP if self.gazetteer.zipf(key) >= EXONYM_ZIPF else 0.0)
        # a town of the field's countries whose own name it is: a city outside them that carries the name only as
        # another (often former) one is not meant without a cue ("Poti" is Georgia's port, not Teresina, Brazil,
        # once Vila do Poti)
        field_own = any(o and p >= VILLAGE_PRIOR and e.country in FIELD_COUNTRIES
                        for e, p, o in zip(entries, priors, own))
        # a curated place whose own name it is: a GeoNames place that carries it only as another is not meant
        # without a cue ("Alat", the Azerbaijani port, not Olot, Uzbekistan, which GeoNames also calls Alat)
        curated_own = any(o and e.curated for e, o in zip(entries, own))
        return _Name(
            key, entries, country_name,
            # (one entry, or one that can win whatever the text: "Kashgar" beside a smaller Chinese namesake; not
            # "Karkara", a Greek village's other name, which made Kegen beside it far from the text's places)
            anchor=max(entries, key=prior) if country_name else _anchor(entries, contenders, own),
            priors=priors, areal=areal, own=own, contenders=contenders,
            points={e.id: _unit_vector(e.lat, e.lon) for e, _, a, _ in contenders if not a},
            countries=tuple(e.country for e, _, _, _ in contenders),
            resolved_by_cues={} if all(a for _, _, a, _ in contenders) else None,
            prominent=any(p >= 0.85 for p in priors),
            obscure=obscure,
            noted=noted, noted_entry=top[1] if noted else None,
            renamed_only=frozenset(e.id for e, p, a, o in contenders
                                   if not o and (p < floor or field_own and e.country not in FIELD_COUNTRIES
                                                 or curated_own)
                                   and not a and not e.curated
                                   and not (_spelt_alike(e, key) and p > top[0] - SPELT_ALIKE_GAP)),
            holds_area=holds_area,
            holds_village=bool(posts) or _holds_place(entries, priors, areal, VILLAGE_PRIOR),
            other_name_word=bool(entries) and not any(own) and not country_name
            and self.gazetteer.zipf(key) >= OTHER_NAME_WORD_ZIPF,
            distinctive=len(entries) == 1 and " " in key and all(
                word in CONNECTORS or self.gazetteer.zipf(word) < COMMON_WORD_ZIPF for word in key.split()),
            common_word=obscure and self.gazetteer.zipf(key) >= (
                COMMON_WORD_ZIPF if biggest >= SOLE_TOWN_PRIOR else ANCHOR_WORD_ZIPF),
            city=top[1] if top[0] >= SOLE_TOWN_PRIOR else None,
            posts=posts, top_prior=top[0], water_word=key in self.lexicon.seas_by_key,
            twins=any(_twins(a, b) for i, (a, _, x, _) in enumerate(contenders) if not x
                      for b, _, y, _ in contenders[i + 1:] if not y), given=given)

    @staticmethod
    def _joinable(text: str, span: list[_Token]) -> bool:
        for a, b in zip(span, span[1:]):
            sep = text[a.end: b.start]
            if not JOINER.match(sep):
                return False
            if "." in sep and a.key not in ABBREVIATED and not (sep == "." and len(a.raw) == 1 and len(b.raw) == 1):
                return False  # (but initials: "U.S.")
            if not (b.raw[0].isupper() or b.key in CONNECTORS):
                return False
        last = span[-1]
        return last.key not in CONNECTORS or last.raw[0].isupper()  # "Mari El", not "Bosnia and"

    def _accept(self, text: str, tokens: list[_Token], first_i: int, last_i: int, name: _Name) -> int:
        """Context filters within a run: is this capitalised name a place here?"""
        lex = self.lexicon
        first = tokens[first_i]
        surface = text[first.start: tokens[last_i].end]
        key = _norm(surface)
        single = first_i == last_i
        if key in lex.never or key in lex.demonyms or single and key in lex.org_heads:
            return _REJECT  # (an organisation's head noun is none of the places of its name: "Chamber", Pakistan)
        country_name = name.country_name
        prev = tokens[first_i - 1] if first_i > 0 else None
        nxt = tokens[last_i + 1] if last_i + 1 < len(tokens) else None
        abbreviation = single and key in self.gazetteer.overlay.abbreviations
        if abbreviation:  # "RK", "RF", in capitals and not in a run of acronyms ("KGD MF RK", the State Revenue
            # Committee of its Ministry of Finance); then as a country's name ("the RF Ministry of Transport")
            if not first.raw.isupper() or (
                    prev is not None and prev.raw.isupper() and text[prev.end: first.start] == " "
                    or nxt is not None and nxt.raw.isupper() and text[first.end: nxt.start] == " "):
                return _REJECT
        caps = False
        if single and first.raw.isupper():
            # upper case: country abbreviations (US, UK, UAE), a dateline ("ASTANA –"), or a place of note
            # written in capitals ("Traders in ISTANBUL"), unless the word is common in English ("FOR SALE"); a
            # place's abbreviation as any ("ЗКО")
            dateline = first.start == 0 or text[first.start - 1] == "\n"
            if not (country_name and len(first.raw) <= 3 or abbreviation) and not (dateline and len(first.raw) > 3) \
                    and not (len(first.raw) > 3 and self._noted_in_capitals(name)):
                if len(first.raw) <= 3 or self.gazetteer.zipf(first.key) >= COMMON_WORD_ZIPF:
                    return _REJECT
                caps = True
        elif single and len(first.raw) <= 2 and not (self.gazetteer.zipf(key) < ANCHOR_WORD_ZIPF and any(
                e.population >= CITY_OF_TWO_LETTERS and e.feature_class == "P" for e in name.entries)):
            return _REJECT  # (but a big city's: Kyrgyz and Russian "Ош", Osh)
        elif surface.isupper() and not (country_name or name.holds_area or name.city is not None) and all(
                self.gazetteer.zipf(t.key) >= COMMON_WORD_ZIPF for t in tokens[first_i: last_i + 1]):
            return _REJECT  # common words in capitals, a heading's: "SECTION 1. MINERAL WATERS" (no Mineralnye
            # Vody, which English calls so)
        # prefix such as Trans-Caspian, Sino-Russian
        if prev and text[prev.end: first.start] in ("-", "‐") and prev.key in lex.demonyms:
            return _REJECT
        if prev and prev.key in lex.org_prefixes and prev.raw[0].isupper() and text[prev.end: first.start] == " ":
            return _REJECT  # an airline: Air Astana
        if nxt is not None and text[tokens[last_i].end: nxt.start] == " ":
            if single and key in lex.hotel_brands and nxt.raw[0].isupper():
                return _REJECT  # "the Hilton Astana": a hotel, not Hilton, New York
            if (nxt.key in lex.landform_heads or "'" in nxt.key and apostrophe_stem(nxt.key) in lex.landform_heads) \
                    and not any(name.areal) \
                    and not any(e.feature_class in "HT" for e in name.entries):
                return _REJECT  # "Rasht Valley", "the Khorgos River", "Semenov Peak": a feature named after a town
                # (or a border post, a person), not the town; not "Baikal Ridge", the lake's, nor "Khan Tengri Peak"
            if nxt.key in ("sea", "ocean") and last_i + 2 == len(tokens) and not name.holds_area:
                return _REJECT  # "the Kara Sea" (not Kara, Togo); not "Poti Sea Port", which is at Poti
            if nxt.key in lex.venue_heads and not (name.country_name or name.prominent or name.noted):
                return _REJECT  # "Pushkin House", "Zhaiyk Arena"; not "Astana Arena"
            if (nxt.key in lex.street_heads and not (nxt.raw.isupper() and len(nxt.raw) > 1)  # (a heading in
                    # capitals says "THE SOL-ILETSK ROAD" of the road to the town)
                    or nxt.key in _STREET_HEADS_ABBREVIATED) and nxt.raw[0].isupper() \
                    and (last_i + 2 == len(tokens) or tokens[last_i + 2].key == "no") \
                    and not (prev is not None and text[prev.end: first.start] in ("-", "–", "—")):
                return _REJECT  # "Daşoguz Street" in Baku, "2 Troitskaya St., Kostanay"; not the end of a route ("the
                # Almaty–Bishkek Road"), nor a saint's name ("St Petersburg": "St" ends no run then), nor a place
                # the street's name names in turn ("the Horgos Highway Port", "the Almaty Road Terminal")
            if last_i + 3 == len(tokens) and tokens[-1].key in lex.street_heads and tokens[-1].raw[:1].isupper() \
                    and nxt.raw[0].isupper() and text[nxt.end: tokens[-1].start] == " " \
                    and self.gazetteer.zipf(nxt.key) < ANCHOR_WORD_ZIPF and not country_name \
                    and (key in lex.any_given_names or not self.gazetteer.has_key(nxt.key)):
                return _REJECT  # a person's given name and surname before a street's noun: "7 Taras Shevchenko
                # Street" (not Taraz), "Tole Bi Street"; not "the Moscow Ring Road", a road of Moscow, nor a route
                # ("the Almaty Bishkek Highway")
        # inside an organisation name: capitalised words up to a head noun, but not across a headline's
        # function words ("Georgia Has Chosen A Consortium") nor after a route ("Rasht-Astara Railway")
        route = prev is not None and text[prev.end: first.start] in ("-", "–", "—") and self.gazetteer.has_key(prev.key)
        j = last_i + 1
        # across a hyphen, an organisation's head that ends the name ("Aksu-Zhabagly Nature Reserve"; not "the
        # Black Sea-Caspian Logistics Forum", whose head is "Forum"), but not a national one (the "China-
        # Kyrgyzstan-Uzbekistan Railway" is a route), nor after a country ("the China-Kazakhstan … Center") or a
        # border post ("the Taskala-Ozinki Post")
        hyphened = False
        glues = (" ",) if country_name or name.posts else (" ", "-")
        while j < len(tokens) and j <= last_i + 4 and (gap := text[tokens[j - 1].end: tokens[j].start]) in glues:
            hyphened = hyphened or gap == "-"
            t = tokens[j]
            if not (t.raw[0].isupper() or t.key in CONNECTORS) or t.key in lex.headline_words:
                break
            last = j + 1 == len(tokens) or text[t.end: tokens[j + 1].start] != " " \
                or not tokens[j + 1].raw[0].isupper()
            head = (apostrophe_stem(t.key) or t.key) if "'" in t.key else t.key  # ("Demir Yolları'nın")
            if head in lex.org_heads and (last or not hyphened) and not (head in _RESORTS and name.holds_area) \
                    or head in lex.last_heads and last or (
                    head in lex.national_heads and (country_name or j == last_i + 1 and (single or any(name.areal)))
                    and not route and not hyphened):
                return _REJECT
            j += 1
        # a person: "Kazushige Kobayashi" / "President Tokayev" / "Minister Elena Ivanova"
        prominent = name.prominent
        obscure = single and name.obscure
        if single and not country_name and self._chinese_name(text, first, prev, nxt, name):
            return _REJECT
        before = tokens[first_i - 2] if first_i > 1 else None
        if prev and text[prev.end: first.start] == " ":
            if prev.key in lex.titles or prev.key in lex.route_titles and not _ROUTE_DASH_NAME.match(
                    text, tokens[last_i].end):
                return _REJECT  # ("Taxi Driver Oral"; not "Coach Almaty – Tashkent")
            joined = before if before is not None and text[before.end: prev.start] == " " else None
            # ("Minister Elena Ivanova"; not "AKIM OF NORTH KAZAKHSTAN REGION", where "OF" is in capitals)
            titled = joined is not None and joined.key in lex.titles and prev.raw[0].isupper() \
                and prev.key not in CONNECTORS
            # a surname after a given name: a rare word's, or a listed given name's that is no place's name nor
            # a word, whatever carries it ("Igor Kirov", "Dmitry Chapayev", "Hannah Kingston"), or a Russian
            # surname after a given name some place also bears ("Nikolai Chekhov")
            if (single and not country_name and (self._name_like(text, prev) and not _in_a_case(prev.key)
                                                 or self._given_name(prev) or (
                    prev.key in lex.given_names and key.endswith(_RUSSIAN_SURNAME_ENDINGS) and not any(name.areal)))
                    or obscure and self._pairs_as_name(first, prev) and not (joined and joined.raw[0].isupper())
                    and not self._city_part(prev.key, self._name(prev.key), first)
                    or titled and (not prominent or single and not country_name and prev.key in lex.any_given_names)):
                # two small places side by side; "Minister Elena Ivanova", "GM Ivan Omsk"
                if single and (titled or prev.key in lex.any_given_names):
                    self._surnames_met.add(name.key)  # surely a person's ("Город Костанай" is not)
                return _REJECT
        if single and nxt and (first.key in lex.given_names or first.key in lex.common_given_names
                               and nxt.key in lex.surnames_after_given and not prominent) \
                and (surname := self._surname_after_given_name(text, tokens, last_i + 1)) \
                and not self._after_locative(text, first, prev):  # not "in Paris Macron said"
            if surname == "met" and not name.noted:
                self._surnames_met.add(name.key)  # the person's, on in the text ("Paul Kent … Paul is right")
            return _REJECT  # "Victoria Nuland", "Florence Pugh", "Paul Kent" (not Paul, Cape Verde)
        if single and prev and (prev.key in lex.given_names or prev.key in lex.common_given_names and (
                                first.key in lex.surnames_after_given or obscure and _named_otherwise(name))) \
                and (surname := self._surname_after_given_name(text, tokens, first_i)) \
                and not self._after_locative(text, prev, before):
            if surname == "met":
                self._surnames_met.add(name.key)
            return _REJECT  # the surname: "Nuland" in "Victoria Nuland", "Hamilton" in "Daniel Hamilton", or a
            # name only a small place carries, as another: "Thomas Wieland" (Villány's German name)
        if single and not country_name and nxt and text[tokens[last_i].end: nxt.start] == " " and not prominent \
                and not nxt.key.endswith(_REGION_ADJECTIVE_ENDINGS):  # ("Илецк Оренбургской области": a region's
            # adjective in an oblique case, no surname)
            if nxt.key in lex.surnames or self._name_like(text, nxt, NAME_ZIPF if not obscure else COMMON_WORD_ZIPF) \
                    and not self._headline_verb(text, nxt) and not self._city_part(key, name, nxt):
                return _REJECT  # a given name before a surname (rarer words count as surnames after small places;
                # not a word English never writes after a city no given name's: "Lodz Olechow", "Chengdu
                # Qingbaijiang" name a city's terminal; but "Boston Celtics", "Trabzon Oto" no place)
            after = tokens[last_i + 2] if last_i + 2 < len(tokens) else None
            if obscure and self._pairs_as_name(first, nxt) and not self._city_part(key, name, nxt) and not (
                    after and text[nxt.end: after.start] == " " and after.raw[0].isupper()):
                return _REJECT  # two small places side by side: a given name and a surname
        # a common word that starts a sentence, or a common word naming only small places (not a city of
        # note, whose name is common in English because of the city: Boston); one that a city of 100,000 has
        # as its name is left to the text around it ("from Mary to Serhetabat": see parse)
        common = False
        if single and (not name.entries or name.obscure) and not name.noted:
            z = self.gazetteer.zipf(first.key)
            common = z >= COMMON_WORD_ZIPF + 0.5 or (
                z >= COMMON_WORD_ZIPF or z >= OPENING_WORD_ZIPF and not any(e.country in FIELD_COUNTRIES
                                                                           for e in name.entries)
            ) and self._opens_sentence(text, first.start)  # (a line's "Crane operator": Crane, Texas)
            if common and name.city is None:
                return _REJECT
        # an English word that is only another name of its places ("the Pacific Rim": Rim is Rome in Croatian)
        if single and name.other_name_word:
            return _REJECT
        return _WEAK_ABBREVIATION if abbreviation else _WEAK_CAPS if caps else _WEAK if common else _ACCEPT

    def _inverted_person(self, text: str, start: int, end: int, name: _Name) -> bool:
        """Whether the name at *start*..*end* is a surname or given name of a person written surname first at
        an item's start, as an index or a list of members has them ("Shevchenko, Taras, 144"), the given name a
        listed one."""
        if name.country_name:
            return False
        if text[start - 2: start] == ", ":  # the given name, after the surname
            return name.key in self.lexicon.given_names and _INVERTED_GIVEN_AFTER.match(text, end) is not None \
                and _SURNAME_BEFORE.search(text, max(0, start - 40), start) is not None
        person = _INVERTED_NAME.match(text, start)
        return person is not None and _norm(person.group(1)) in self.lexicon.given_names

    def _headline_verb(self, text: str, tok: _Token) -> bool:
        """Whether *tok*, after a place's name, is a Title Case headline's verb, not a surname: an inflected
        common word ending in -ed or -ing, or one in -s with more Title Case after it in the run ("Orenburg
        Bets on New Crossings", "Vladivostok Crowded"; not "the Denver Nuggets", "Kostanay Minerals plant")."""
        return _inflected(tok.key, self.gazetteer.zipf) and (
            tok.key.endswith(("ed", "ing")) or _HEADLINE_AFTER.match(text, tok.end) is not None)

    def _noted_in_capitals(self, name: _Name) -> bool:
        """Whether a word written in capitals is a place whatever the text around it: a country, a curated
        place or border post, or under its own name a capital, a city of about 180,000 whose name is rare in English, or a
        town of about 7,000 whose name of five letters or more is rarer still (KURYK; not an acronym such
        as OPEC). LONDON is a capital; MOBILE and SALE are words; COSCO, a shipping line, is only another
        name of Cusco."""
        if name.country_name or name.posts or any(e.curated for e in name.entries):
            return True
        if len(name.key) >= 5 and "\u0400" <= name.key[0] <= "\u04ff":  # a Cyrillic postmark's or heading's
            # "ЧИМКЕНТ", "ДЖЕЗКАЗГАН": by any of its names, a town of some size (an acronym has fewer letters)
            return any(e.population >= CYRILLIC_CAPITALS_POPULATION for e in name.entries)
        zipf = self.gazetteer.zipf(name.key)
        least = SHORT_NAME_PRIOR if zipf < COMMON_WORD_ZIPF else 2.0
        if zipf < SURNAME_ZIPF and len(name.key) >= 5:
            least = SURNAME_PLACE_PRIOR
        return any(own and (e.feature_code == "PPLC" or p >= least)
                   for e, p, own in zip(name.entries, name.priors, name.own))

    def _chinese_name(self, text: str, tok: _Token, prev: _Token | None, nxt: _Token | None, name: _Name) -> bool:
        """Whether the one word *tok* is part of a Chinese name written family name first: the given name
        after a family name ("Xi Jinping"), or the family name itself when it is only another name of a
        place ("Wei" for Weifang) or comes before a given name ("Chen Wei"). Never a city of note under its
        own name ("Lin Shanghai Port", "Yao City")."""
        family = self.lexicon.family_first
        if name.noted:
            return False
        if prev and prev.key in family and text[prev.end: tok.start] == " " and prev.raw[0].isupper() \
                and not prev.raw.isupper():
            return True
        if tok.key not in family or tok.raw.isupper():
            return False
        return not any(name.own) or (
            nxt is not None and text[tok.end: nxt.start] == " " and nxt.raw[0].isupper() and nxt.key not in CONNECTORS)

    def _after_locative(self, text: str, tok: _Token, prev: _Token | None) -> bool:
        """Whether a place word ("in", "near" …) comes just before *tok*; for a run's first word, which
        the stand-in context decides, noting that the run must also be read after one."""
        if prev is not None:
            return prev.key in _LOCATIVES and text[prev.end: tok.start] == " "
        lead = text[: tok.start]
        if lead in (_WORD_LEAD, _DATELINE_LEAD):
            self._asked_locative = True
        return lead in (_LOCATIVE_LEAD, _LOCATIVE_LINE_LEAD)

    def _surname_after_given_name(self, text: str, tokens: list[_Token], j: int) -> str:
        """Whether ``tokens[j]``, just after a given name, is a surname ("met": the person's in the whole text;
        "here": only here, a bigger place's name after a given name that is no place's; "" if not): one of
        :attr:`Lexicon.surnames_after_given` ("Nuland", "Lincoln"), or a rare capitalised word that is no
        title, outlet, inflected verb of a title-case headline ("Hosted", "Unveils") or word such places go
        with ("Harbour"), and names no area, no place bigger than a village and no place of several words
        ("Sofia Gotse Delchev")."""
        lex, zipf, nxt = self.lexicon, self.gazetteer.zipf, tokens[j]
        if text[tokens[j - 1].end: nxt.start] != " " or not nxt.raw[0].isupper() or nxt.raw.isupper():
            return ""
        if nxt.key in lex.surnames_after_given:
            return "met"
        if nxt.key in lex.not_surnames or zipf(nxt.key) >= SURNAME_ZIPF or _inflected(nxt.key, zipf):
            return ""
        found = self._longest_name(text, tokens, j)
        if found is None:
            return "met"
        n, key = found
        other = self._name(key)  # not "Paris Aktau": only a village's name may be a surname, or a name that
        # places carry only as another name, in a Russian surname's form ("Olya Ivanova": not Ivanovo), or any
        # after a given name that is no bigger place's ("scored by Vladislav Aktau")
        if n != 1:
            return ""
        if not _holds_place(other.entries, other.priors, other.areal, SURNAME_PLACE_PRIOR) \
                or not any(other.own) and key.endswith(_RUSSIAN_SURNAME_ENDINGS):
            return "met"
        given = self._name(tokens[j - 1].key)  # (the person's here, not in the rest of the text: "Aktau port")
        return "" if _holds_place(given.entries, given.priors, given.areal, SURNAME_PLACE_PRIOR) else "here"

    def _pairs_as_name(self, tok: _Token, other: _Token) -> bool:
        """Whether *other*, beside the small place *tok*, makes the two a person's name ("Elena Ivanova").

        *other* must be a small place's name too, and not a word such as Port or
        Terminal; one of the two must be rare in English.
        """
        lex, gaz = self.lexicon, self.gazetteer
        if not other.raw[0].isupper() or other.raw.isupper() or other.key in lex.not_in_names \
                or _case_ending(tok.key) != _case_ending(other.key):
            return False  # (places in two cases, "Қарағандыдан Павлодарға", "Sivas'tan Malatya'ya": from one to another)
        zipf = gaz.zipf(other.key)
        return zipf < COMMON_WORD_ZIPF + 0.5 and min(zipf, gaz.zipf(tok.key)) < COMMON_WORD_ZIPF \
            and self._name(other.key).obscure

    def _city_part(self, key: str, name: _Name, nxt: _Token) -> bool:
        """Whether *nxt*, a word English never writes (:data:`FOREIGN_WORD_ZIPF`), after the name *key* of a city
        that is no listed given name, names a part of the city ("Duisburg Rheinhausen", "Kahramanmaraş
        Türkoğlu"), not the surname of a person whose given name the city's is."""
        return self.gazetteer.zipf(nxt.key) < FOREIGN_WORD_ZIPF and key not in self.lexicon.any_given_names \
            and _a_city(name)

    def _given_name(self, tok: _Token) -> bool:
        """A listed given name, not a word common in English nor a place's name ("Dmitry", not "May")."""
        return (tok.key in self.lexicon.any_given_names and tok.raw[0].isupper() and not tok.raw.isupper()
                and self.gazetteer.zipf(tok.key) < OTHER_NAME_WORD_ZIPF and not self.gazetteer.has_key(tok.key))

    def _name_like(self, text: str, tok: _Token, rarer_than: float = NAME_ZIPF) -> bool:
        """A capitalised rare word that is not a place, demonym, word places go with ("Baikonur Cosmodrome") or
        sentence opener: part of a person's name."""
        return (tok.raw[0].isupper() and not tok.raw.isupper() and tok.key not in self.lexicon.no_name_words
                and not self.gazetteer.has_key(tok.key) and not self._opens_sentence(text, tok.start)
                and self.gazetteer.zipf(tok.key) < rarer_than)

    def _thing_name_runs_on(self, text: str, end: int) -> bool:
        """Whether the name called or named ending at *end* runs on into a common capitalised word of a thing's
        own name ("a bakery they named Astana Bread"; not "a town called Aktobe I had never seen", "called Aral
        President Tokayev")."""
        nxt = _NEXT_CAPITAL_WORD.match(text, end)
        if nxt is None:
            return False
        key = nxt.group(1).lower()
        return (len(key) > 1 and key not in self.lexicon.titles and not self.gazetteer.has_key(key)
                and self.gazetteer.zipf(key) >= COMMON_WORD_ZIPF)

    def _named_with(self, cand: _Candidate, noun: str) -> _Candidate:
        """*cand*, after "port of" or "river", as the port or river the gazetteer has by the name and *noun*
        ("the port of Vostochny" is Vostochny Port, not a village of the North Caucasus; "the river Ayat" the
        Ayat River), or the river a water's bare name means ("в реках … Тобол": the Tobol River), if any."""
        start, end, m, hint = cand
        for key in (f"{m.name.key} {noun}", f"{noun} {m.name.key}"):
            if self.gazetteer.has_key(key):
                return start, end, replace(m, name=self._name(key)), hint
        lex = self.lexicon
        water = lex.seas_by_key.get(m.name.key) or next(
            (lex.russian_rivers[k] for k in (m.name.key, *case_nominatives(m.name.key)) if k in lex.russian_rivers),
            None) if noun == "river" else None  # (in a case: "обмеление Урала")
        return (start, end, replace(m, name=self._name(water)), hint) if water is not None else cand

    def _posts_meant(self, text: str, cands: list[_Candidate], i: int) -> tuple[Entry, ...]:
        """The border posts ``cands[i]`` names where the text speaks of its crossing, or none: those of the
        crossing whose other post's name stands beside it ("Taskala – Ozinki", a table's "Zhana Zhol |
        Petukhovo"), or all its posts before or after a crossing's word ("the Zhaisan road checkpoint", "the
        checkpoint «Isilkul»"); of those, the posts of road or rail crossings where the text around says
        which ("lorries", "trains")."""
        start, end, m, _ = cands[i]
        posts = m.name.posts
        for j in (i - 1, i + 1):
            if 0 <= j < len(cands) and cands[j][2].name.posts:
                a, b = min(i, j), max(i, j)
                if _glued(text, cands, a, _POST_PAIR_GLUE) and not (
                        a and _glued(text, cands, a - 1, _ROUTE_DASH)
                        or b + 1 < len(cands) and _glued(text, cands, b, _ROUTE_DASH)):  # not a route's stops
                    crossings = {p.id.rpartition(":")[0] for p in cands[j][2].name.posts}
                    pair = tuple(p for p in posts if p.id.rpartition(":")[0] in crossings)
                    if pair:
                        return pair
        cue = _crossing_words_in(text[end: end + 80]) and _POST_AFTER.match(text, end) \
            or _crossing_words_in(text[max(0, start - 40): start]) and _POST_BEFORE.search(text, max(0, start - 40), start)
        if not cue and not _item_of_a_list_of_crossings(text, start):
            return ()
        modes = self.gazetteer.overlay.post_modes
        if len({modes.get(p.id, "") for p in posts}) > 1:
            # the crossing's own words say the mode ("the Nur Zholy road checkpoint at Khorgos"), else the text around
            said = cue.group() if cue else ""
            road, rail = _ROAD_WORDS.search(said) is not None, _RAIL_WORDS.search(said) is not None
            if not (road or rail):
                around = text[max(0, start - _MODE_WINDOW): end + _MODE_WINDOW]
                road, rail = _ROAD_WORDS.search(around) is not None, _RAIL_WORDS.search(around) is not None
            if road != rail:
                mode = "road" if road else "rail"
                posts = tuple(p for p in posts if mode in modes.get(p.id, "")) or posts
        return posts

    def _qualified(self, text: str, m: _Match, start: int, end: int) -> tuple[_Match, int] | None:
        """The name *m* (from *start* to *end* in *text*) makes with the word or two in brackets after it, where
        some place carries it ("Frankfurt (Oder)", not Frankfurt am Main; "Halle (Saale)"), and where it ends."""
        after = _QUALIFIER.match(text, end)
        if after is None:
            return None
        key = _norm(text[start: after.end()])
        if not self.gazetteer.has_key(key):
            return None
        return _Match(m.start, m.end + after.end() - end, self._name(key), False), after.end()

    def _country_after(self, text: str, end: int, name: _Name) -> str:
        """The country of a "Name, Country", "Name (Country)" or "Name (Region, Country)" pair; of a "Name in
        Country" pair if that country has a place of the name ("Mary in Turkmenistan"; not "Urumqi in
        Kazakhstan", said of something else); or of a "Name, CC" pair where CC is the ISO code of a country
        that has a place of the name ("ORSHA, BY", "POTI, GE" in a tracking log), if the name is followed by
        one."""
        m = _COUNTRY_AFTER.match(text, end, end + 50)
        country = self._country_named(m.group(2)) if m is not None else ""
        if country and (m is None or not m.group(1).startswith(" in") or country in name.countries):
            return country
        if text.startswith(" (", end):
            republic = _REPUBLIC_AFTER.match(text, end)  # an atlas's or a gazetteer's "Leninogorsk (Kaz.)"
            if republic is not None:
                country = _REPUBLICS[republic.group(1)]
                return country if country in name.countries else ""
            close = text.find(")", end, end + 45)
            comma = text.rfind(", ", end, close) if close > 0 else -1
            return self._country_named(text[comma + 2: close]) if comma > 0 else ""  # "Khorgos (Xinjiang, China)"
        code = _CODE_AFTER.match(text, end)
        return code.group(1) if code is not None and code.group(1) in name.countries else ""

    @staticmethod
    def _country_in_row(text: str, end: int, name: _Name) -> str:
        """The country of a table row's country column after the cell *name* ends in, if it has a place of the name
        ("| Orsha-Tsentralnaya | BY |": Orsha, Belarus, not Tver Oblast's)."""
        code = _CODE_IN_ROW.match(text, end)
        return code.group(1) if code is not None and code.group(1) in name.countries else ""

    def _city_of_publication(self, name: _Name, publisher: str) -> str:
        """A cue for *name*, a reference's city of publication before *publisher*: the country, and the first-level
        division if the publisher's name has one of a place of the name ("Bloomington: Indiana University Press":
        Indiana's Bloomington), of the most prominent place that has the name as its own ("Ithaca: Cornell
        University Press": not Ithaki, nor dropped as an obscure town far from the text's places)."""
        own = sorted(((p, e) for e, p, _, o in name.contenders if o), key=lambda pe: -pe[0])
        if not own:
            return ""
        for word in _CAPITALISED_WORD.findall(publisher):
            for division in self.gazetteer.meant_by(normalize(word)):
                if division.feature_code == "ADM1":
                    for _, e in own:
                        if (e.country, e.admin1) == (division.country, division.admin1):
                            return f"{e.country}.{e.admin1}"
        return own[0][1].country

    def _side_named(self, text: str, start: int, end: int) -> str:
        """The country whose side of a border the text puts the name at, a cue as a demonym is: "the Khorgos station
        on the Chinese side", "the Khorgos port on the Kazakh side", «Қытай тарапындағы Қорғас» (on China's side),
        «на китайской стороне»; "" if none."""
        if (text.find(" side", end, end + 60) >= 0 or text.find(" сторон", end, end + 60) >= 0) \
                and (after := _SIDE_AFTER.match(text, end)) is not None:
            english, russian = after.groups()  # (quick tests first: this runs for every name)
            return self.lexicon.demonyms.get(english.lower(), "") if english else \
                self.lexicon.russian_demonyms.get(russian[:-2], "")
        if text.endswith(" ", 0, start) and text.find("тарап", max(0, start - 14), start) >= 0 \
                and (before := _SIDE_BEFORE.search(text, max(0, start - 40), start)) is not None:
            return self._country_named(before.group(1))
        return ""

    def _country_in(self, phrase: str) -> str:
        """The country named by the longest leading words of *phrase*, or ""."""
        words = phrase.split()
        longest = self.gazetteer.max_words(_norm(words[0])) if words else 0  # no name has more words
        for n in range(min(len(words), longest), 0, -1):
            for e in self.gazetteer.meant_by(normalize(" ".join(words[:n]))):
                if e.feature_code.startswith("PCL"):
                    return e.country
        return ""

    # -- resolution --------------------------------------------------------

    def _weak_names_read(self, text: str, cands: list[_Candidate], ctx: Counter[str],
                         points: dict[str, tuple[float, float, float]], named: dict[str, _Name]) -> list[_Candidate]:
        """*cands* less the names in capitals the text does not also have as places in lower case ("KARS" is kept
        beside "Kars") nor as a route's stop beside a name read ("KOSTANAY - DENISOVKA"), and less the common words
        that name a city ("Mary"), unless two of the text's other names name the city's country, or a stop of the
        route in it goes just before ("from Ashgabat to Mary"; not "from Mary to John in Ashgabat"), and a route's word
        goes before it or a hyphened place after it ("from Mary to Serhetabat", "via Tejen and Mary", "the
        Mary-Serakhs highway", in a text about Turkmenistan: a route's word before its list, see :class:`_Lists`),
        or a country cue after it names the city's ("Mary in Turkmenistan"), or a settlement's word goes before it
        ("the city of Mary"), or the text reads it so elsewhere and it is no given name ("near Oral … Oral is"; not
        "Mary said"): then the city, by a country cue. The kept ones' points join *points*."""
        read: set[str] = set()  # the common words a route's word or a hyphened place makes a city somewhere
        routed: set[int] = set()  # where
        lists = _Lists(text, cands)
        for i, (start, end, m, _) in enumerate(cands):
            if m.weak == _WEAK and (lists.after_route_word(i)
                                    or text[end: end + 1] in ("-", "–") and text[end + 1: end + 2].isupper()
                                    or any(0 <= j < len(cands) and _glued(text, cands, min(i, j), _ROUTE_DASH)
                                           for j in (i - 1, i + 1))):  # ("Turkmenabat - Mary - Tejen")
                read.add(m.name.key)
                routed.add(start)
        kept = []
        for i, (start, end, m, hint) in enumerate(cands):
            if m.weak == _WEAK_CAPS:
                if m.name.key not in named:
                    if not hint and not any(  # ("POTI, GE": its country's code says it is a place)
                            0 <= j < len(cands) and cands[j][2].weak == _ACCEPT  # (and a route's stop beside one read)
                            and _glued(text, cands, min(i, j), _ROUTE_DASH) for j in (i - 1, i + 1)) \
                            and not text.endswith(_SETTLEMENT_OF_IN_CAPITALS, 0, start):  # ("PLAN OF THE CITY OF FRUNZE")
                        continue
                    points.update(m.name.points)
            elif m.weak == _WEAK_ABBREVIATION:
                country = self.gazetteer.overlay.abbreviations[m.name.key]
                after = _NEXT_WORD.match(text, end)
                if not _among_country_codes(text, cands, i) and (
                        _CONTAINER_SIZE.search(text, max(0, start - 6), start) or m.name.key in _UNITS
                        and _NUMBER_BEFORE.search(text, max(0, start - 4), start) or (
                        after is not None and after.group(1) in self.lexicon.not_after_abbreviations) or not (
                        ctx[country] >= 2 or any(n.country_name and n.anchor is not None
                                                 and n.anchor.country == country for n in named.values()))):
                    continue  # (not a container's type after its size, "40' RF", a reefer; nor "RF tags", "20 KG",
                    # "USD/KG"; but "KZ/RU/KG/CN", a list of codes)
            elif m.weak:
                city = m.name.city
                if city is None:
                    continue
                elsewhere = m.name.key in named or m.name.key in read and ctx[city.country] >= 2
                if not (start in routed and (ctx[city.country] >= 2 or _after_a_stop_in(text, cands, i, city.country))
                        or hint[:2] == city.country  # "Mary in
                        # Turkmenistan"
                        or elsewhere and m.name.key not in self.lexicon.any_given_names  # (not "Mary said")
                        and self._place_word_after(text, end)  # (not "Oral hygiene")
                        or _paired_with(text, cands, i, city)  # "Oral and Uralsk", "Oral (Uralsk)"
                        or _after_settlement_word(text, start)):  # "the Turkmen city of Mary"
                    continue
                points.update(m.name.points)
                hint = hint or city.country
            kept.append((start, end, m, hint))
        return kept

    def _read_again(self, text: str, cands: list[_Candidate], results: list[tuple[Entry | None, float]]) -> None:
        """What a name's neighbours say after resolution, in *results* in place: a table's "Station (Region)"
        bracket is the region ("Esil (Akmola)"); a water's bare name is the water where the place it was read
        as carries the name only as a former one ("Ili": not Konayev), but on a route a town, the one by the
        water ("the Mointy–Chu line": Shu, not the river nor Chuzhou)."""
        lists = _Lists(text, cands)
        for i, (start, end, match, hint) in enumerate(cands):
            name = match.name
            if ", " in (text[end: end + 2], text[start - 2: start]) and (
                    name.key.endswith(" district") or text.startswith(_DISTRICT_AFTER, end)):
                self._district_of_a_city(text, cands, results, i)
                continue
            if (i + 1 < len(cands) and cands[i + 1][0] - end <= 3 or text.startswith(_WATER_PART_AFTER, end)) \
                    and _a_water_s_pair(text, cands, i):
                pair_water = self._water_of(name)  # "the Balkhash–Alakol basin": Lake Balkhash, not the town
                if pair_water is not None:
                    results[i] = (pair_water, results[i][1])
                    continue
            if not (name.water_word or text[start - 1: start] == "("):
                continue  # (the common case: one test)
            entry, score = results[i]
            if i and text.endswith(" (", 0, start) and text.startswith(")", end) \
                    and _BEFORE_BRACKET.fullmatch(text, cands[i - 1][1], start):
                region = self._key_with_noun(name.key, "region")  # "Esil (Akmola)", a station's region in a table;
                # not another name of the place before ("Astana (Akmola)")
                before = results[i - 1][0]  # (a town or station: not "SFG Rail Turkey (Istanbul)")
                if region is not None and before is not None and before.feature_class in "PS" \
                        and before not in name.entries and self._name(region).entries[0].country == before.country:
                    results[i] = (self._name(region).entries[0], score)  # (of the place's country: "Rustavi
                    continue  # (Georgia)" is no US state)
            if name.water_word and entry is not None and not hint and not _own_name(entry, name.key) \
                    and not text.endswith(_SETTLEMENT_BEFORE, 0, start):  # (not "the Chinese city of Aral")
                water = self._water_meant(name.key)  # "Ili" is the river, not Konayev, once called Ili; "Angara"
                # not Ankara; but "Ayaguz", another spelling of the town on the river, stays the town
                if not water:
                    continue
                if _on_a_route(text, cands, i, lists, self._names_water):  # "to Chu", "the Mointy–Chu line",
                    # "Emba station": a town, the one by the water if the one read is far from it (Shu, not Chuzhou)
                    results[i] = (_town_by_water(name, entry, water[0]), score)
                elif not (_spelt_alike(entry, name.key) and entry.country == water[0].country):
                    results[i] = (water[0], score)

    @staticmethod
    def _district_of_a_city(text: str, cands: list[_Candidate], results: list[tuple[Entry | None, float]],
                            i: int) -> None:
        """``cands[i]``, a district's name beside a city of note in an address ("Almaty, Zhetysu district",
        "Yesil district, Astana"), is the city's district: where the district read lies far from the city (the
        Jetisu region, the Esil district of Akmola region), the city, which holds it, in *results*."""
        entry = results[i][0]
        for j in (i - 1, i + 1):
            if 0 <= j < len(cands) and text[cands[min(i, j)][1]: cands[max(i, j)][0]] == ", ":
                city = results[j][0]
                if city is not None and entry is not None and city.feature_class == "P" \
                        and prior(city) >= NOTED_PRIOR and distance_km((city.lat, city.lon),
                                                                       (entry.lat, entry.lon)) > CITY_DISTRICT_KM:
                    results[i] = (city, results[i][1])
                return

    def _water_of(self, name: _Name) -> Entry | None:
        """The water *name* names: a water's bare name's, its own if a water ("Alakol"), or the lake or river
        of the name ("Balkhash": Lake Balkhash; "Talas": the Talas River), if any."""
        water = self._water_meant(name.key)
        if water:
            return water[0]
        own = [e for e in name.entries if e.feature_class == "H"]
        if own:
            return own[0]
        for key in (f"lake {name.key}", f"{name.key} river"):
            if self.gazetteer.has_key(key) and self._name(key).entries:
                return self._name(key).entries[0]
        return None

    def _lies_in(self, name: _Name, city: str) -> bool:
        """Whether a place of *name* lies within :data:`CITY_DISTRICT_KM` of a town named *city* (not "the
        capital")."""
        towns = [e for e in self._name(_norm(city)).entries if e.feature_class == "P"] \
            if not city.startswith("the ") else []
        return any(distance_km((e.lat, e.lon), (t.lat, t.lon)) <= CITY_DISTRICT_KM
                   for e in name.entries for t in towns)

    def _a_person(self, text: str, cand: _Candidate) -> bool:
        """Whether *cand* is a person or a pet: a surname after a given name and an initial ("Sergei V. Orlov") or
        after two initials ("P. A. Kirov"), one a possessive owns ("his sister Aral", "my dog Omsk", "Zhanibekov's
        wife, Altai"; not a region, "our neighbour Xinjiang"), a work's maker ("published by Brill"), a given name
        after a contact's word ("Call Serik"), a nickname ("we call him Buzuluk"; not "calls him Kazakhstan's richest
        man"), or a given name its places carry only as another name
        ("Temirlan": Temirlanovka's; not "the village of Temirlan", "to Temirlan", "Lori, Armenia")."""
        start, end, m, hint = cand
        name, lex = m.name, self.lexicon
        if _INITIAL_BEFORE.match(text, max(0, start - 3), start) and not name.country_name:  # "Sergei V. Orlov"
            initials = _INITIALS_BEFORE.search(text, max(0, start - 7), start)
            if initials is not None and not any(name.areal) \
                    and not self.gazetteer.has_key(normalize(initials.group())):  # (not "the U.S. Astana says")
                return True  # "judge P. A. Kirov", "P.A. Kirov"
            given = _PREVIOUS_WORD.search(text, max(0, start - 30), start - 4)
            if given is not None and _norm(given.group()) in lex.any_given_names:
                return True
            if not any(name.areal) and (start == 3 or text.endswith(_INITIAL_OPENERS, 0, start - 3)):
                return True  # a signature's or a list's: "— N. Ivanova, Ilek village" (not "Zone A. Almaty")
        if text.endswith(lex.relatives_before, 0, start):
            return (not any(name.areal) or text.endswith(lex.pets_before, 0, start)) \
                and lex.owned_relative.search(text, max(0, start - 40), start) is not None  # ("our dog Baikal")
        if text.endswith(lex.contacts_before, 0, start):
            return name.key in lex.any_given_names
        if text.endswith(lex.nicknames_before, 0, start):
            return not name.country_name and not text.startswith(_POSSESSIVE_AFTER, end)
        if text.endswith(lex.creators_before, 0, start):  # "published by Brill"
            return not (name.country_name or any(name.areal))
        return name.key in lex.any_given_names and _named_otherwise(name) and not (
            hint or any(name.areal) or _after_route_word(text, start)
            or _after_settlement_word(text, start))

    def _names_water(self, name: _Name) -> bool:
        """Whether *name* is a water's bare name, a water's ("Zhaiyk"), or a lake's too ("Balkhash")."""
        return name.water_word or any(e.feature_class == "H" for e in name.entries) \
            or self.gazetteer.has_key(f"lake {name.key}")

    def _water_meant(self, key: str) -> tuple[Entry, ...]:
        """The water that the name *key* means read alone after "the" ("esil": the Ishim River), if any."""
        water = self.lexicon.seas_by_key.get(key)
        return self._name(water).entries if water is not None else ()

    def _place_word_after(self, text: str, end: int) -> bool:
        """Whether what follows a name at *end* goes with a place, as after a water's name: a punctuation
        mark, a line's end, or a verb or preposition of :attr:`Lexicon.after_sea` ("Oral is", not "Oral hygiene")."""
        nxt = _NEXT_WORD.match(text, end)
        return nxt is None or nxt.group(1).lower() in self.lexicon.after_sea

    def parse(self, text: str, doc: str = "", offset: int = 0) -> list[Mention]:
        """All place mentions in *text*, resolved; offsets are shifted by *offset*. A word broken at a line's
        end by a hyphen, as print and OCR give it ("Petro-\\npavl"), is read whole, and so is a name a
        hard-wrapped paragraph breaks at a line's end ("North\\nKazakhstan"); a no-break or thin space between a
        name's words is a space ("Nur\\u00a0Sultan", "Костанайской\\u00a0области"), a footnote's superscript mark
        after a name none ("Шевченко¹"), each mention's text the document's own."""
        if not text.isascii() and any(space in text for space in _ODD_SPACES):  # (a quick test first)
            spaced = _ODD_SPACE.sub(" ", text)
            mentions = self._parse_lines(spaced, doc, offset)
            for m in mentions:  # (the text and the context, the document's own, one holding the other still)
                start, end = m.start - offset, m.end - offset
                m.text = text[start: end]
                at = spaced.find(m.context, max(0, end - len(m.context)), start + len(m.context)) if m.context else -1
                if at >= 0:
                    m.context = text[at: at + len(m.context)]
            return mentions
        return self._parse_lines(text, doc, offset)

    def _parse_lines(self, text: str, doc: str, offset: int) -> list[Mention]:
        """:meth:`parse` of a text whose spaces are ASCII spaces: its line edits made first."""
        if "\n" in text:
            edits = self._line_edits(text)
            if edits:
                return _rejoined(text, edits, offset, lambda whole: self._parse(whole, doc, 0))
        return self._parse(text, doc, offset)

    def _read_in_language(self, text: str, cands: list[_Candidate], language: str) -> list[_Candidate]:
        """*cands* of a text in *language* (not English): less a common word of the language that opens a
        sentence or line capitalised, or stands anywhere in German and Turkish (whose nouns and names of things
        are capitalised), and names no place the language means (:meth:`_named_in`: "Sur le quai" is no Sur,
        Oman; Polish "Samo"; "Limanı'ndan" no Lymany; but "Moscou observe", "Kars'ta"); with names in other cases
        read in the nominative, in Polish, Uzbek and German (:meth:`_case_forms`: "do Kazachstanu",
        "Toshkentdan", "Kasachstans")."""
        anywhere = LANGUAGES[language].nouns_capitalised
        # (a common English word that is a city's name is the city in another language: "à Nice", "Tours")
        cands = [(c[0], c[1], replace(c[2], weak=_ACCEPT), c[3]) if c[2].weak == _WEAK else c for c in cands]
        kept = [c for c in cands if " " in c[2].name.key or not self._language_word(c[2].name.key, language)
                or text[c[0]: c[1]].isupper()
                or not (anywhere or self._is_sentence_start(text, c[0])
                        or text[max(0, c[0] - 2): c[0]].endswith(_LINE_OPENERS)
                        or text[c[0] - 2: c[0]].lower() in _ELIDED_ARTICLES)]  # ("l'Institut": no village)
        articles = LANGUAGES[language].articles
        if articles:  # ("das Essen": the meal, not the city)
            common = common_words(language)
            kept = [c for c in kept if not (
                c[2].name.key in common and not (c[2].name.country_name or c[2].name.holds_area)
                and (before := _PREVIOUS_WORD.search(text, max(0, c[0] - 8), max(0, c[0] - 1))) is not None
                and text[c[0] - 1: c[0]] == " " and before.group().lower() in articles)]
        if language == "kk" and " облыстар" in text:
            kept = self._kazakh_regions_listed(text, kept)
        return self._case_forms(text, kept, language) \
            if LANGUAGES[language].case_endings or language in self.gazetteer.overlay.language_names else kept

    def _kazakh_regions_listed(self, text: str, cands: list[_Candidate]) -> list[_Candidate]:
        """*cands* with each name of a Kazakh list before the plural «облыстары» (in any case) read as its region,
        with the word before it where the two name one ("Ақтөбе, Атырау және Батыс Қазақстан облыстарымен": the
        Aktobe, Atyrau and West Kazakhstan regions, not the cities and the country)."""
        cands = list(cands)
        for plural in _KAZAKH_REGIONS_PLURAL.finditer(text):  # (a region's name no place has alone, "Ақмола", is
            # read with the noun: «Қостанай мен Ақмола облыстарының», round 73)
            at, ends = plural.start(), {c[1]: i for i, c in enumerate(cands)}
            while at not in ends and (bare := _LAST_CAPITALISED.search(text, max(0, at - 40), at)) is not None \
                    and self.gazetteer.has_key(key := _norm(f"{bare.group()} облысы")):
                cands = _merged(cands, [_loose(bare.start(), at, self._name(key))])
                glue = next((g for g in _KAZAKH_LIST_GLUE if text.endswith(g, 0, bare.start())), None)
                if glue is None:
                    break
                at = bare.start() - len(glue)
            ends = {c[1]: i for i, c in enumerate(cands)}
            i = ends.get(plural.start())
            while i is not None:
                start, end, m, hint = cands[i]
                word = text.rfind(" ", 0, start - 1) + 1  # (the word before: "Батыс Қазақстан", read as no place)
                before = cands[i - 1][1] if i else 0
                city = m.name.city or m.name.anchor  # (a Russian region by its city's name in Kazakh: "Самара, Саратов және Орынбор
                # облыстарымен", by the city's region: Samara Oblast)
                tried = [(first, _norm(f"{text[first:end]} облысы")) for first in (
                    (word, start) if 0 < start - word < 20 and word >= before and text[word].isupper() else (start,))]
                tried += [(start, _norm(f"{city.name} {noun}")) for noun in ("oblast", "region")] \
                    if city is not None and city.feature_class == "P" else []
                for first, key in tried:
                    if self.gazetteer.has_key(key):
                        cands[i] = (first, end, replace(m, name=self._name(key)), hint)
                        break
                start = cands[i][0]
                i = next((j for j in (i - 1,) if j >= 0 and text[cands[j][1]: start] in _KAZAKH_LIST_GLUE), None)
        return cands

    def _language_word(self, key: str, language: str) -> bool:
        """Whether *key* is one of the commonest words of *language* (:func:`common_words`, a Turkish one before
        its case suffix too: "Limanı'ndan") that names no place a text in the language means (:meth:`_named_in`)."""
        common = common_words(language)
        stem = apostrophe_stem(key)
        if key not in common and not (stem and stem in common):
            return False
        named = stem or key
        return not self.gazetteer.has_key(named) or not self._named_in(self._name(named), language)

    def _named_in(self, name: _Name, language: str) -> bool:
        """Whether *name*, a common word of *language* (wordfreq counts names too), is a place a text in the
        language means: one of note (:func:`_notable`, by its own name), or a town of 10,000 people or more of a
        country that speaks it ("Kars", "Mersin" in Turkish; not "Sur", Oman, in French), or a city of 100,000 there
        by its local name ("Nürnberg" in German)."""
        countries, home = LANGUAGES[language].countries, LANGUAGES[language].home
        return _notable(name, own=True) or any(
            own and e.country in countries and e.population >= LANGUAGE_TOWN_POPULATION
            or not own and (e.country in home or e.country in countries) and e.population >= LANGUAGE_CITY_POPULATION
            for e, own in zip(name.entries, name.own))


    def _case_forms(self, text: str, cands: list[_Candidate], language: str) -> list[_Candidate]:
        """*cands* of a text in *language*, with each capitalised word that names no notable place read as the
        notable place its nominative names, if any (:func:`case_forms_nominatives`; a country, an area or a town of
        :data:`CASE_MIN_POPULATION`, or a smaller place the text names in the nominative too: "Terespol–Brześć",
        then "do Terespola")."""
        case_form_word = _case_form_word(LANGUAGES[language].capitals)
        if LANGUAGES[language].case_endings or language in self.gazetteer.overlay.language_names:
            cands = self._names_of_two_words_in_a_case(text, cands, language, case_form_word)
        at = {c[0]: c for c in cands}
        named = {c[2].name.key for c in cands}
        inside = {i for c in cands for i in range(c[0] + 1, c[1])}  # (a word inside a name read is none)
        common, own_names = common_words(language), self.gazetteer.overlay.language_names.get(language, {})
        never, izofat = self.lexicon.never, LANGUAGES[language].izofat
        extra: list[_Candidate] = []
        for word in case_form_word.finditer(text):
            start, end = word.span()
            c = at.get(start)
            if start in inside or c is not None and c[1] != end:
                continue
            key = _norm(word.group())
            if key in never:
                continue  # ("Limanı", a port's: no Lima)
            stem = apostrophe_stem(key) if "'" in key else ""  # (Turkish "Hazar'ın", the Caspian's)
            if izofat and key.endswith(izofat) and text[end: end + 1] == " " and text[end + 1: end + 2].isupper():
                stem = key[: -len(izofat)]  # (Tajik "Кундузи Афғонистон")
            for nominative in (key, *([stem] if stem else []), *case_forms_nominatives(key, language)):
                if nominative in own_names:  # ("Europa" in a Spanish text, "w Europie" in a Polish one)
                    entry = self.gazetteer.get(own_names[nominative])
                    nominative = _norm(entry.name) if entry is not None else ""
                elif nominative == key or not self.gazetteer.has_key(nominative):
                    continue
                if not nominative:
                    continue
                name = self._name(nominative)
                if (_notable(name, CASE_MIN_POPULATION) or nominative in named) \
                        and (c is None or _bigger(name, c[2].name)) \
                        and ((key not in common or self._named_in(name, language)
                              and not self._is_sentence_start(text, start))
                             and (stem not in common or self._named_in(name, language))
                             and (nominative not in common or self._named_in(name, language))
                             or _notable(name, None) or nominative in common and _notable(name, 1_000_000)):
                    # ("Astanę": not Āstāneh, Iran; a common word only as a big place Polish often names:
                    # "Warszawy", not "Linia" as Linyi, China, nor "Unii" as Ünye, Turkey; a case form wordfreq
                    # counts as a word, a town the language's country has, not opening a sentence: Latvian
                    # "uz Liepājas ostām"; a Turkish word before
                    # its suffix only as a place a Turkish text means: "Mersin'e", not "Hattı'nda", on the line, as
                    # Hatti, India; nor a common word in a case as a far town: Turkmen "Ýoluň", the road's, no Yol)
                    if c is not None:
                        cands = [x for x in cands if x[:2] != c[:2]]  # (not "is": compiled, tuples are values)
                    extra.append(_loose(start, end, name))
                    if text[end: end + 1] == " " and end + 1 not in at:
                        extra += self._names_after_case_form(text, end + 1, language)
                    break
        return _merged(cands, extra) if extra else cands

    def _names_after_case_form(self, text: str, start: int, language: str) -> list[_Candidate]:
        """The names of the run of capitalised words at *start*, just after a name read in a case form: the run
        that word opened was read with it as one name the gazetteer lacks ("Afg'onistonning Hayraton",
        Afghanistan's Hairatan; "Termizdan Amudaryo", from Termez along the Amu Darya); not a noun of a language
        that capitalises its nouns ("Polens Rolle": Poland's role)."""
        run = RUN.match(text, start)
        if run is None:
            return []
        nouns = LANGUAGES[language].nouns_capitalised
        return [(start + m.start, start + m.end, m, "") for m in self._info(run.group(), False).matches
                if not (nouns and " " not in m.name.key and self._language_word(m.name.key, language))]

    def _names_of_two_words_in_a_case(self, text: str, cands: list[_Candidate], language: str,
                                      case_form_word: re.Pattern[str]) -> list[_Candidate]:
        """*cands* with each pair of capitalised words (*case_form_word*) that, in the nominative, name a notable
        place read as it, in place of what either word alone was read as: the last word in a case (Uzbek "Mozori
        Sharifgacha", Mongolian "Замын-Үүдээс"), or both, a noun and its adjective (Polish "nad Morzem Czarnym",
        "do Europy Środkowej": Morze Czarne, Europa Środkowa; not Europe alone); and a name the data give in the
        language, in any case ("Janubiy Osiyo", South Asia in Uzbek)."""
        own_names = self.gazetteer.overlay.language_names.get(language, {})
        extra: list[_Candidate] = []
        for first in case_form_word.finditer(text):
            second = case_form_word.match(text, first.end() + 1) if text[first.end(): first.end() + 1] in (" ", "-") \
                else None
            if second is None:
                continue
            start, end = first.start(), second.end()
            key = _norm(text[start: end])
            for nominative in (key, *case_forms_nominatives(key, language)):
                entry = self.gazetteer.get(own_names[nominative]) if nominative in own_names else None
                if entry is not None and self.gazetteer.has_key(own := _norm(entry.name)):
                    extra.append(_loose(start, end, self._name(own)))
                    break
                if nominative != key and " " in nominative and self.gazetteer.has_key(nominative) \
                        and _notable(name := self._name(nominative), CASE_MIN_POPULATION):
                    extra.append(_loose(start, end, name))
                    break
        if not extra:
            return cands
        return _merged([c for c in cands if not any(c[0] < e[1] and e[0] < c[1] for e in extra)], extra)

    def _line_edits(self, text: str) -> list[tuple[int, int, str]]:
        """The edits that read a name a line's end breaks as one, in text order: a word broken by a hyphen
        rejoined ("Oren-\\nburg"; a hyphen between two names stays: "Kazakhstan-\\nRussia"), and, in a
        hard-wrapped text (its lines' ninth decile 40 to 120 characters long), a break after a line near that
        width made one space where the line ends in a comma or a word no sentence ends in ("Temir,\\nMugalzhar",
        "Khromtau and\\nKargaly"), the
        next goes on in lower case ("Kargaly\\ndistricts") or the words on either side make a name
        ("North\\nKazakhstan", "Chelyabinsk\\r\\nOblast"; not a table's or a list's rows, "Kostanay\\nKokshetau-1",
        nor a bulletin's "rising\\nIshim at Petropavl", nor a dateline); in any other text, a break where the
        words on either side make a name ("Krasnodar\\nKrai" in a paragraph)."""
        edits = []
        for m in _BROKEN_WORD.finditer(text):
            cut_start = m.start() if text[m.end()].islower() or text[m.start()] == "\u00ad" else m.start() + 1
            edits.append((cut_start, m.end(), ""))
        if "\n" not in text:
            return edits
        lines = text.split("\n")
        lengths = sorted(len(line.rstrip("\r")) for line in lines if line.strip())
        width = lengths[len(lengths) * 9 // 10] if len(lengths) >= _WRAPPED_LINES_MIN else 0
        # in a text not hard-wrapped, only a name the break cuts ("Krasnodar\nKrai" in a paragraph)
        wrapped = _WRAP_WIDTH[0] <= width <= _WRAP_WIDTH[1]
        least, soft, line_start = width * 3 // 4, [], 0
        for line, after in zip(lines, lines[1:]):
            end = line_start + len(line)  # where the line's "\n" is
            last = line.rstrip(" \t\r")[-1:]  # (a quick test first: most lines end with a full stop)
            tail = _LINE_TAIL.search(line, max(0, len(line) - 60)) if last == "," or _LETTER.match(last) else None
            head = _LINE_HEAD.match(after) if tail is not None else None
            if tail is not None and head is not None and (wrapped or head.group(1)[0].isupper()):
                words, first = tail.group(1).split(" "), _norm(head.group(1))
                # (a line near the width for a sentence's break; any line for a name the break cuts: a column's
                # short lines, "to Saint\nPetersburg", "from Nur\nSultan")
                if wrapped and len(line.rstrip("\r")) >= least and (
                        head.group(1)[0].islower() or tail.group(2) or words[-1] in _MID_SENTENCE_WORDS) \
                        or head.group(1)[0].isupper() and any(
                            self.gazetteer.has_key(fold_saint(f"{_norm(' '.join(words[k:]))} {first}"))
                            for k in range(len(words))):
                    soft.append((line_start + tail.end(2), end + 1 + head.start(1), " "))
            line_start = end + 1
        return sorted(edits + soft) if soft else edits

    def _parse(self, text: str, doc: str, offset: int) -> list[Mention]:
        page = _Page(text)
        cands = self._recognise(page)
        if page.language != "en":
            cands = self._read_in_language(text, cands, page.language)
        if page.surnames:  # "Jordan Henderson … Henderson said": one person, not Henderson, Nevada, nor a city of
            # note in a Russian surname's form ("Igor Kirov … Kirov drove"); but "Orenburg was called Chkalov, after
            # the pilot Valery Chkalov", and "links Aktobe with Orsk" beside "Driver Yerlan Orsk"
            cands = [c for i, c in enumerate(cands)
                     if not (c[2].name.key in page.surnames and not c[3]
                             and not (c[2].name.noted and not c[2].name.key.endswith(_RUSSIAN_SURNAME_ENDINGS))
                             and not c[2].name.country_name
                             and not _after_route_word(text, c[0])
                             and not text.endswith(_OTHER_NAME_VERBS, max(0, c[0] - 20), c[0])
                             and not text.endswith(_SETTLEMENT_OF, max(0, c[0] - 12), c[0])
                             and not _in_list(text, cands, i, page.surnames)
                             and not _city_of_the_text(text, cands, i, self.lexicon)
                             and not _before_its_division(text, cands, i))]
        # "the tanker Atyrau": a ship, named after a place; "ul. Malysheva": a street; "cafe Baikonur", "club
        # Tobol": a venue or a club
        # (looked for before each name: cheaper than in the text; endswith(…, 0, start) compares the suffixes only)
        kept: list[_Candidate] = []
        posts_named = False  # whether a name of a border post is among them (see _posts_meant)
        rivers_end = lakes_end = -1  # where the last name of a list of rivers, of lakes, ends
        lex = self.lexicon
        ships: set[str] = set()  # the names a ship's word goes before ("the ferry Barda")
        ships_end = -1  # where the last of them ends (a list's: "the feeders *Turkistan* and *Aktobe*")
        things_end = -1  # where the quotes around the last thing's name close (a list's: 'sweets "Kostanay" and …')
        corner_end = -1  # where the first of two streets at a corner ends ("the corner of Abai and Dostyk")
        teams: set[str] = set()  # the names the text has shown as clubs' ("Tobol – Kairat 2:1")
        prev_end = -1  # where the candidate before ends, kept or not
        tails = LANGUAGES[page.language].organisation_tails
        for c in cands:  # (a loop, not generators: this runs for every text)
            start, before_end, prev_end = c[0], prev_end, c[1]
            if text[start - 1: start] in _HYPHENS and start > 1 and (
                    c[2].name.key in _STATION_SUFFIXES if before_end == start - 1  # "Brest-Severny": the station's part
                    else _WORD_BEFORE_HYPHEN.search(text, max(0, start - 30), start) and not (
                        c[2].name.country_name or c[2].name.noted or _ROUTE_AFTER_PAIR.match(text, c[1]))):
                continue  # (not Severny near Rostov); or the end of a name the gazetteer lacks: "Katon-Karagai" (not
                # Karagai in Perm krai), but not a route's ("the Koktuma-Beskol section")
            if text[c[1]: c[1] + 1] in _HYPHENS and (
                    lex.hyphened_venue.match(text, c[1]) or self._head_of_unknown_compound(text, c)):
                continue  # a street's, a venue's name: "Bukhar-Zhyrau avenue" (not Bukhara); the head of a name the
                # gazetteer lacks, where only a far namesake has it: "Kos-Istek" (not Kos, Greece)
            if (text[c[1]: c[1] + 1].isdigit() or text[c[1]: c[1] + 1] in _HYPHENS
                    and text[c[1] + 1: c[1] + 2].isdigit()) and _numbered_thing(text, c):
                continue  # a numbered microdistrict, model or nickname: "Aksay-4" (not Aksay, 1,900 km off),
                # "Tobol-12", "Baikonur777"; but "Almaty-1 station", "the Narva-1 checkpoint"
            if start < things_end:
                continue  # inside a thing's name in quotes: 'OOO "Volga-Dnepr Plast"'
            if text[start - 3: start] == "of " and _CORNER_BEFORE.search(text, max(0, start - 20), start) \
                    and not c[2].name.country_name and text.startswith((" and ", " & "), c[1]):
                corner_end = c[1]
                continue  # a street at a corner: "the corner of Abai and Dostyk", "the crossing of Kabanbai Batyr and
                # Pushkin" (not "the Chinese crossing of Jeminay", a border post)
            if text[c[1]: c[1] + 1] == " " and self._listed_person(text, c):
                continue  # a list's person, given name first, before a dash and a post: "16. Marat Altai – Partner"
            if text[start - 2: start] == ", " and c[2].name.key in lex.any_given_names \
                    and _ADDRESSED.search(text, max(0, start - 24), start) and _ADDRESS_END.match(text, c[1]):
                continue  # a person addressed by the given name: "Thanks, Jordan.", "Good morning, Paul!"
            if corner_end >= 0 and text[corner_end: start] == " and ":
                corner_end = -1
                continue
            if text[start - 1: start] in _OPENING_QUOTES and text[c[1]: c[1] + 1] in " -" \
                    and self._quoted_brand(text, c):
                things_end = _past_quote(text, c[1])
                continue  # a brand's or firm's name in quotes: '"Isfahan Gold"', '"Vostok-Transit"', '"Semey Gold"'
            if text[start - 1: start] == "«" and "\u0400" <= text[start] <= "\u04ff" and _russian_quoted_thing(text, c) \
                    or text[c[1]: c[1] + 1] == "»" and _inside_a_quoted_name(text, start):
                continue  # a club's, firm's or ship's name in Russian quotes: "с «Иртышом»", "судно-паром
                # «Казахстан»", "«Иртыш-Агро»" (not a border post's or station's: "МАПП «Сырым»")
            if tails and text[c[1]: c[1] + 1] == " " and _organisation_tail(text, c[1], tails) \
                    or page.language != "en" and text[start - 1: start] in ('"', "“", "„") \
                    and _QUOTED_LOWER_WORDS.match(text, c[1]) and not _CYRILLIC_DIVISION.match(text, c[1]):
                continue  # a firm's or body's name: Uzbek "Osiyo taraqqiyot banki", '"O'zbekiston temir yo'llari" AJ',
                # Mongolian '"Улаанбаатар төмөр зам" ХНН' (the railway company)
            if things_end >= 0 and text[start - 1: start] in _OPENING_QUOTES \
                    and text[things_end: start - 1] in _LIST_GLUE:
                things_end = _past_quote(text, c[1])
                continue  # the list after a thing's name in quotes: 'sweets "Kostanay" and "Tobol"'
            if ships_end >= 0 and text[ships_end: start].strip(_EMPHASIS) in _LIST_GLUE:
                ships.add(c[2].name.key)
                ships_end = c[1]
                continue
            if text[c[1]: c[1] + 1] in ".,:" and (start == 0 or text[start - 1] == "\n") \
                    and _AREA_AFTER.match(text, c[1]):
                c = self._named_with(c, "lake")  # a lake's entry: "Balkhash. Area 16,400 sq km" (not the town)
            elif text[c[1]: c[1] + 2] == ", " and (marker := _ATLAS_MARKER.match(text, c[1])) is not None:
                c = self._named_with(c, _ATLAS_MARKERS[marker.group(1)])  # an atlas index's "Tengiz, oz.": the lake
                # (not the oil field), "Ili, r.", "Kapchagay, vdkhr."
            elif text.startswith(" airport", c[1]):  # "Manas airport": the airport the gazetteer has by the name
                # (GeoNames' "Manas" is Jalal-Abad, 260 km off)
                c = self._named_with(self._named_with(c, "international airport"), "airport")
            if rivers_end >= 0 and text[rivers_end: start] in _LIST_GLUE:
                c = self._named_with(c, "river")  # "tributaries Ilek, Sakmara and Or": the Sakmara River
                rivers_end = c[1]
            elif lakes_end >= 0 and text[lakes_end: start] in _LIST_GLUE:
                c = self._named_with(self._named_with(c, "озеро"), "lake")  # "the lakes Kolsai and Kaindy"
                lakes_end = c[1]
            elif start > 2 and (text[start - 2].isdigit() or text[start - 3].isdigit()) \
                    and (road := _ROAD_NAMED.search(text, max(0, start - 18), start)) is not None and (
                        (road.group(1) or text[start - 1] in "\"«“") and not _ROUTE_DASH.match(text, c[1])
                        or text.startswith(_ROAD_AFTER, c[1] + (text[c[1]: c[1] + 1] in _CLOSING_QUOTES))):
                continue  # a road's name: "the R-254 Irtysh highway", 'R-254 "Irtysh"' (not a route's end:
                # "highway R-239 Kazan -")
            elif (text[start - 1] in _OPENING_QUOTES or text[c[1]: c[1] + 1] in _CLOSING_QUOTES
                  and _QUOTED_WORDS_BEFORE.search(text, max(0, start - 40), start)) \
                    and (q := _quote_closing(text, c[1])) >= 0 \
                    and (thing := _QUOTED_THING.match(text, q)) and not _ROUTE_DASH_SPACED.match(text, c[1]):
                things_end = thing.end()  # ('"Kazakhstan" dark chocolate, "Medeu"')
                continue  # a train's, a ship type's name: '"Chang'an" trains', 'ships of the "Volga-Balt" type'; a
                # venue's: 'the "Caravan Saray" restaurant'
            elif text[start - 1] in _OPENING_QUOTES and _NUMBERED_TRAIN_BEFORE.search(text, max(0, start - 30), start) \
                    and not _ROUTE_DASH_SPACED.match(text, c[1]):
                continue  # a train's name after its number: 'Sleeper train No. 24 "Zhetysu"' (not its route's: 'train
                # No. 13 "Almaty – Urumqi"')
            elif text[start - 2: start] in _A_THING_TAILS and _A_THING_BEFORE.search(text, max(0, start - 4), start) \
                    and _A_THING_AFTER.match(text, c[1]):  # (quick tests first)
                continue  # a thing of the name's make: "rented a Lada and", 'a "Volga".', '"two Yeniseis and a Belarus"'
            elif c[2].name.key == "us" and text[start: start + 2] == "US" and _PRONOUN_US_BEFORE.search(
                    text, max(0, start - 9), start):
                continue  # "us" in a heading in capitals: "ABOUT US", "HOW TO FIND US", "CONTACT US"
            elif not c[2].name.country_name and (
                    text[c[1] + 1: c[1] + 3] in lex.team_act_starts and (
                        lex.team_acts.match(text, c[1]) or _SCORE_AFTER.match(text, c[1]))
                    or lex.team_before.before(text, start)) \
                    and not (kept and kept[-1][1] + 1 == start):
                teams.add(c[2].name.key)
                continue  # a club: "Tobol scored", "the derby with Astana" (not the city of a club's name: "Irtysh
                # Pavlodar beat Amur Khabarovsk", read below)
            elif kind := _names_a_make_deed_work_or_team(text, c):
                if kind == "team":
                    teams.add(c[2].name.key)
                elif kind == "ship":  # (and in capitals in the notes after the table: "BARDA lost 14 h")
                    ships.add(c[2].name.key)
                continue  # "Ural 4320 timber truck", "Pugachev's revolt", "KARS (Türkiye, 2025, 124 min)", "Tobol –
                # Kairat 2:1"
            elif c[2].name.key in teams and not text.endswith(_TOWN_OF_A_CLUB_BEFORE, 0, start) \
                    and not (kept and _ROUTE_DASH.fullmatch(text, kept[-1][1], start)):
                continue  # the club again: "lifts Tobol to the top", "Tobol, backed by a full house" (not its town:
                # "at Astana Arena", "Central Stadium, Aktobe", a table's town column, a route's "Shymkent – Astana")
            elif (lex.persons_before.before(text, start)
                  or c[2].name.key in lex.any_given_names
                  or text[start - 2: start] == ". " and _INITIAL_BEFORE.match(text, max(0, start - 3), start)) \
                    and self._a_person(text, c):  # (quick tests first)
                continue
            elif text.startswith(lex.speech_starts, c[1]) and c[2].name.obscure and lex.speech_after.match(text, c[1]) \
                    and (start == 0 or text[start - 1] == "\n" or text[start - 2: start] in _SPEAKER_BEFORE) \
                    and " " not in c[2].name.key and not any(e.country in FIELD_COUNTRIES for e in c[2].name.entries):
                continue  # a person by the surname, speaking: '"…," Wang said', "…, Ahmadi said" (not Wang in
                # Bavaria; not "officials in Duisburg said")
            elif text[c[1]: c[1] + 1] in _CLOSING_QUOTES and text[start - 1: start] == " " \
                    and (opened := _QUOTED_WORDS_OPENED.search(text, max(0, start - 40), start)) is not None \
                    and text.endswith(_SHIP_WORDS, 0, opened.start()):
                ships.add(c[2].name.key)
                continue  # the last word of a ship's name in quotes: 'MV "Meridian Rioni"' (not the river)
            elif lex.words_before_names.before_line(text, start) \
                    or text[start - 1: start] in _NAME_OPENERS \
                    and lex.words_before_quoted.before_line(text, _opened(text, start)):
                lead = _opened(text, start)  # ('café "Aral"', "the tanker **Atyrau**")
                if text.endswith(_THE_QUOTED, 0, start):
                    if not (_QUOTED_PLACE.match(text, c[1]) or _QUOTED_PLACE_NAME.match(text, c[1])):
                        continue  # a thing's name in quotes after "the": 'the "Yenisei" to Moscow' (a train), 'the
                        # "Ural exit"'; not 'the "Dostyk" station', 'the "Aktau Seaport" zone'
                elif (text.endswith(_SHIP_WORDS, 0, lead) or lead != start and text.endswith(_TRAIN_WORDS, 0, lead)) \
                        and not _ROUTE_DASH_NAME.match(text, c[1]):
                    ships.add(c[2].name.key)  # (not a route's end: "the ferry Aktau–Baku", "Ferries Aktau–Alat";
                    # and the list after a plural or a name set off: "the tankers Irtysh and Ural", "the feeders
                    # *Turkistan* and *Aktobe*"; not "the tanker Atyrau, Aktau's")
                    ships_end = c[1] if lead != start or text.endswith(_SHIP_PLURAL_WORDS, 0, lead) else -1
                    continue
                elif text.endswith(_CALLED, 0, start) and (
                            _names_a_thing(text, start, lex.named_things) or self._thing_name_runs_on(text, c[1])) \
                        or _STREET_WORD_BEFORE.search(text, max(0, start - 10), start) \
                        or lex.venues_before.before_line(text, lead) and (
                            lead < start and text[c[1]: c[1] + 1] in _CLOSING_QUOTES or not (
                            c[2].name.country_name or c[2].name.noted and not text.endswith(_CAFE_WORDS, 0, lead)
                            and not _CUISINE_RESTAURANT.search(text, max(0, lead - 30), lead))):
                    if lead < start:
                        things_end = _past_quote(text, c[1])
                    continue  # (a venue's name set off: 'Restaurant "Samarkand"', 'the hotel "Kazakhstan"')
                if text.endswith(_PORT_BEFORE, 0, start):
                    c = self._named_with(c, "port")  # "the port of Vostochny", "FOB Vostochny": Vostochny Port
                elif text.endswith(_RIVER_BEFORE, 0, start):
                    c = self._named_with(c, "river")  # "the river Ayat": the Ayat River
                    rivers_end = c[1] if text.endswith(_RIVERS_BEFORE, 0, start) else -1
                elif text.endswith(_LAKE_BEFORE, 0, start):
                    c = self._named_with(self._named_with(c, "озеро"), "lake")  # "на озере Балхаш": Lake Balkhash
                    lakes_end = c[1] if text.endswith(_LAKES_BEFORE, 0, start) else -1
            if text[c[1]: c[1] + 2] == ", " and c[2].name.key.endswith(" river") \
                    and text[c[1] - 6: c[1]].lower() != " river" and (
                        text[start - 4: start] in ("the ", "The ")
                        or _WATER_LABEL_BEFORE.search(text, max(0, start - 60), start)):
                rivers_end = c[1]  # a list after a river's bare name: "the Karatal, Aksu and Lepsy" are rivers, and
                # so are those of a label's ("Inflow: Ili, Karatal, Aksu")
            if _in_a_compound(text, start, c[1], c[2].name.key):
                continue  # "Tash-Rabat", "Kyzyl-Kala", "Rabat-i Malik": a caravanserai's or fort's name, not Rabat
            if kept and kept[-1][1] + 1 == start:
                if text[start - 1] == " " and _club_before_city(text, kept[-1], c):
                    kept.pop()  # "Irtysh Pavlodar", "Amur Khabarovsk": a club named by its river or region and city
                elif text[start - 1] in _HYPHENS and _far_apart(kept[-1], c, self.lexicon.neighbours):
                    kept.pop()  # "Aina-Bulak": one name the gazetteer lacks, not Ayna in Spain and Bulaq in Cairo
                    continue
            kept.append(c)
            if c[2].name.posts:
                posts_named = True
        cands = _ships_named_again(text, kept, ships, self._place_word_after, self._names_water) \
            if ships or any(s in text for s in _SHIP_NOUNS) else kept
        for i, (start, end, m, hint) in enumerate(cands if posts_named else ()):
            if m.name.posts:
                posts = self._posts_meant(text, cands, i)
                if posts:
                    cands[i] = (start, end, replace(m, name=self._narrowed_name(m.name.key, posts, posts)), hint)
        for i, (start, end, m, hint) in enumerate(cands):
            if m.name.holds_area and not m.name.country_name and (
                    _after_settlement_word(text, start) and not _CITY_IN_BEFORE.search(text, max(0, start - 30), start)
                    or _SETTLEMENT_WORD_AFTER.match(text, end)):
                towns = tuple(e for e in m.name.entries if e.feature_class in "PS" and not e.id.startswith("post:"))
                if towns and len(towns) < len(m.name.entries):  # "the village of Voskresenskoe": not its post;
                    # "the town of Emba", "Altai city": not the river, nor the mountains ("the historic city of Ani"
                    # stays the ruins); a country, or an area a city lies in, stays one: "the oldest city of Russia"
                    # (not Russia, Ohio), "the largest city of Xinjiang"
                    cands[i] = (start, end, replace(m, name=self._narrowed_name(m.name.key, towns, ())), hint)
            elif len(m.name.entries) > 1 and text.endswith(_VILLAGE_BEFORE, 0, start):
                cities = [e for e in m.name.entries if prior(e) >= OCR_TOWN_PRIOR]  # (and their curated twins)
                villages = tuple(e for e in m.name.entries if e.feature_class == "P" and prior(e) < OCR_TOWN_PRIOR
                                 and not any(distance_km((e.lat, e.lon), (t.lat, t.lon)) <= SAME_PLACE_KM
                                             for t in cities))
                if villages and len(villages) < len(m.name.entries):  # "the village of Aktau (Temirtau city
                    # administration)": not the port city
                    cands[i] = (start, end, replace(m, name=self._narrowed_name(m.name.key, villages, ())), hint)
        divisions = _town_region_pairs(text, cands)
        if divisions:  # "Paris, Texas": both names are cued by the division (see _best_entry); "Uspenka, Altai
            # Krai", where the gazetteer has no Uspenka, is none of the gazetteer's
            cands = [(start, end, m, divisions.get(start, hint)) for start, end, m, hint in cands
                     if divisions.get(start) != _UNKNOWN_HERE]
        named: dict[str, _Name] = {}
        weak = False
        for _, _, m, _ in cands:  # (a loop, not generators: this runs for every text)
            if m.weak:
                weak = True
            else:
                named[m.name.key] = m.name
        names = named.values()
        # the countries the text names, with how many names of it say so ("Name, Country" and "Town, Region"
        # cues, countries, unambiguous places)
        ctx_countries = Counter(hint[:2] for _, _, _, hint in cands if hint)
        anchors: dict[str, tuple[float, float, float]] = {}
        points: dict[str, tuple[float, float, float]] = {}  # every entry that may be meant, with a point
        for name in names:
            points.update(name.points)
            best = name.anchor
            if best is not None and not name.common_word:
                ctx_countries[best.country] += 1
                if not best.feature_code.startswith("PCL") and best.feature_class in "PS":
                    vector = name.points.get(best.id)
                    anchors[best.id] = vector if vector is not None else _unit_vector(best.lat, best.lon)
        if weak:
            cands = self._weak_names_read(text, cands, ctx_countries, points, named)
        points.update(anchors)
        distance = _nearest_anchor_km(points, list(anchors))
        # with no place of a point to measure from, a place is near what the text names when its country
        # borders a country the text names ("Termez" in a text about Kyrgyzstan)
        bordering: frozenset[str] = frozenset()
        if len(anchors) < 2:  # (with two, every place has another to measure from)
            neighbours = self.lexicon.neighbours
            for country in ctx_countries:
                bordering |= neighbours.get(country, frozenset())
        resolved: dict[tuple[str, str, str], tuple[Entry | None, float]] = {}
        results = []
        demonyms = bool(page.demonyms)
        sides = " side" in text or " сторон" in text or "тарап" in text  # (a quick test first, once a text)
        for start, end, match, hint in cands:
            demonym = (page.demonym_before(start) if demonyms else "") or lex.russian_demonym(text, start) \
                or (self._side_named(text, start, end) if sides else "")
            rkey = (match.name.key, hint, demonym)
            found = resolved.get(rkey)
            if found is None:
                found = resolved[rkey] = _resolve(match.name, hint, demonym, ctx_countries, distance, bordering)
            results.append(found)
        self._read_again(text, cands, results)
        _same_place_by_other_name(text, cands, results, self._water_meant)
        _places_near(text, cands, results)
        _parts_in_brackets(text, cands, results)
        _joined_pairs(text, cands, results)
        _places_of_a_list(text, cands, results)
        _former_names_of_places_named(cands, results)
        _seats_of_divisions_named(cands, results)
        _stations_of_towns(text, cands, results)
        mentions, shown, reach = [], self.gazetteer.overlay.shown, -1
        for (start, end, _, _), (e, score) in zip(cands, results):
            if e is not None and end > reach:  # (never one inside another: "Port of Baku (Alat)", then "Alat")
                if e.feature_class == "P" and text[end: end + 1] in _HYPHENS:
                    end = _station_end(text, end)  # "Almaty-1", "Novosibirsk-Glavny": the town's station, at it,
                    e = self._station_of(text[start:end], e)  # or where the gazetteer has the station's point
                reach = end
                mentions.append(Mention(doc, start + offset, end + offset, text[start:end], e.id,
                                        shown.get(e.id, e.name), e.country,
                                        e.feature_class, score, e.lat, e.lon, page.sentence_around(start, end)))
        return mentions


    def _station_of(self, name: str, town: Entry) -> Entry:
        """The station *name* of *town* ("Almaty-1", 10 km north of the city's point) where the gazetteer has it
        within :data:`NEAR_KM` of the town, else *town*."""
        key = _norm(name)
        if name == town.name or not self.gazetteer.has_key(key):
            return town
        return next((e for e in self._name(key).entries if e.feature_class == "S"
                     and distance_km((e.lat, e.lon), (town.lat, town.lon)) <= NEAR_KM), town)


def _paired_with(text: str, cands: list[_Candidate], i: int, city: Entry) -> bool:
    """Whether ``cands[i]``, a common word that names *city*, goes with the next name, another name of the city or
    a place its country alone has ("Oral and Uralsk", "Oral (Uralsk)", "Oral and Aktobe"; not "Oral and
    written"), or stands in brackets after one ("Merv (Mary)")."""
    for j, glue in ((i + 1, _PAIR_GLUE), (i - 1, frozenset({" ("}))):  # ("Merv (Mary)": its other name before)
        if 0 <= j < len(cands) and text[cands[min(i, j)][1]: cands[max(i, j)][0]] in glue:
            other = cands[j][2].name
            if any(e.id == city.id for e in other.entries) or set(other.countries) == {city.country}:
                return True
    return False


def _rejoined(text: str, edits: list[tuple[int, int, str]], offset: int,
              parse: Callable[[str], list[Mention]]) -> list[Mention]:
    """The mentions *parse* finds in *text* with its *edits* made (each ``(start, end, replacement)``, sorted,
    none longer than what it replaces: see :meth:`Geoparser._line_edits`), with the offsets and spans of
    *text*."""
    pieces, cuts = [], []  # cuts: where the rejoined text lost characters, and how many up to there
    last, lost = 0, 0
    for cut_start, cut_end, replacement in edits:
        pieces += [text[last:cut_start], replacement]
        gone = cut_end - cut_start - len(replacement)
        if gone:
            cuts.append((cut_start + len(replacement) - lost, lost + gone))
            lost += gone
        last = cut_end
    pieces.append(text[last:])
    starts = [c for c, _ in cuts]

    def original(i: int, end: bool) -> int:  # the offset in *text* of rejoined offset *i* (a start or an end)
        k = bisect.bisect_right(starts, i - 1 if end else i)
        return i + (cuts[k - 1][1] if k else 0)

    out = []
    for mention in parse("".join(pieces)):
        start, end = original(mention.start, False), original(mention.end, True)
        out.append(replace(mention, start=start + offset, end=end + offset, text=text[start:end]))
    return out


def _same_place_by_other_name(text: str, cands: list[_Candidate], results: list[tuple[Entry | None, float]],
                              water_meant: Callable[[str], tuple[Entry, ...]]) -> None:
    """A place named twice side by side, by its name and a former or other one ("Ridder, the former Leninogorsk",
    "Shevchenko (now Aktau)", "Kazalinsk (Kazaly)"; a slash: :func:`_joined_pairs`): where one reading is also a
    place the other name may mean (or the water a water's bare name means, *water_meant*: "the Ishim (Esil) river"),
    both are that place; where neither is, the place both names may mean, if any ("Shevchenko — now Aktau —" in a
    text about Karaganda, beside which lies an Aktau village, Shevchenko being also in Ukraine); and so is the other
    name wherever else the text has it without a cue. In *results*, in place."""
    meant: dict[str, tuple[Entry | None, float]] = {}
    for i in range(len(cands) - 1):
        end, start = cands[i][1], cands[i + 1][0]
        gap = start - end  # quick tests first, as this is asked of every pair: ", " and " and " are no such glue
        if not 2 <= gap <= 40 or (text[end] != "," or gap == 2) and text[end: end + 2] not in _OTHER_NAME_OPENERS \
                and not (gap in _OTHER_NAME_VERB_GAPS and text.startswith(_OTHER_NAME_VERBS, end)) \
                or not _OTHER_NAME_GLUE.match(text, end, start):
            continue
        for a, b in ((i, i + 1), (i + 1, i)):
            entry = results[a][0]
            other = cands[b][2].name
            if entry is not None and other.key != cands[a][2].name.key and any(
                    e.id == entry.id for e in (*other.entries, *water_meant(other.key))):
                results[b] = meant[other.key] = results[a]
                break
        else:  # (neither reading is a place of the other name, and no cue read either)
            first, second = cands[i][2].name, cands[i + 1][2].name
            ids = {e.id for e, _, _, _ in second.contenders}
            both = [(p, e) for e, p, _, _ in first.contenders if e.id in ids]
            if first.key != second.key and both and not (cands[i][3] or cands[i + 1][3]):
                entry = max(both, key=lambda pe: pe[0])[1]
                score = max(results[i][1], results[i + 1][1])
                results[i] = results[i + 1] = meant[first.key] = meant[second.key] = (entry, score)
    if meant:
        for i, (_, end, match, hint) in enumerate(cands):
            if not hint and match.name.key in meant and not _SETTLEMENT_AFTER.match(text, end) \
                    and not _after_settlement_word(text, cands[i][0]) \
                    and not _listed_among_towns(text, cands, results, i, meant[match.name.key][0]):
                results[i] = meant[match.name.key]  # (not "Esil station" nor "the town of Emba" where "the Ishim
                # (Esil)" and "the Zhem (Emba) River" are the rivers)


def _listed_among_towns(text: str, cands: list[_Candidate], results: list[tuple[Entry | None, float]], i: int,
                        water: Entry | None) -> bool:
    """Whether ``cands[i]``, which elsewhere names the water *water*, is here an item of a list of populated
    places ("loading stations: Kokshetau-1, Esil, Tobol"), so a settlement."""
    if water is None or water.feature_class != "H":
        return False
    for j in (i - 1, i + 1):
        neighbour = results[j][0] if 0 <= j < len(cands) else None
        if neighbour is not None and neighbour.feature_class == "P":
            first, second = sorted((i, j))
            if text[cands[first][1]: cands[second][0]] in _LIST_GLUE:
                return True
    return False


def _own_place_near(name: _Name, points: list[tuple[float, float]], floor: float, km: float,
                    country: str = "") -> Entry | None:
    """The most prominent town or site that has *name* as its own (not only as another name), is at least *floor*
    prominent, lies within *km* of one of *points* and, if given, in *country*; None if none does."""
    near = [e for e in name.entries if e.feature_class in "PS" and prior(e) >= floor
            and e.id not in name.renamed_only and (not country or e.country == country)
            and min(distance_km((e.lat, e.lon), p) for p in points) <= km]
    return max(near, key=prior) if near else None


def _joined_pairs(text: str, cands: list[_Candidate], results: list[tuple[Entry | None, float]]) -> None:
    """Names a slash or a route's dash joins (:data:`_POST_PAIR_GLUE`, found once) lie together: a slash may join
    a place's two names (:func:`_slashed_pair`), a dash a route's stops (:func:`_stops_beside`), either a
    crossing's two posts (:func:`_pair_together`). In *results*, in place."""
    joined = [i for i in range(len(cands) - 1)
              if 1 <= cands[i + 1][0] - cands[i][1] <= 3  # (quick tests first)
              and _POST_PAIR_GLUE.fullmatch(text, cands[i][1], cands[i + 1][0])]
    if not joined:
        return
    for i in joined:
        if text[cands[i][1]: cands[i + 1][0]] in _SLASHES:
            _slashed_pair(cands, results, i)
    dashed = [i for i in joined if _ROUTE_DASH.fullmatch(text, cands[i][1], cands[i + 1][0])]
    _stops_beside(cands, results, dashed)
    dashes = set(dashed)  # (a set: a text of 40,000 dashed pairs had taken 24 s, each looked for in the list)
    chained = {i for i in dashed if i - 1 in dashes or i + 1 in dashes}  # (a route of three stops or more: its
    # stops lie where _stops_beside put them, not beside one another, "MOSCOW - BREST - DUISBURG")
    for i in joined:
        if i not in chained:
            _pair_together(cands, results, i)


def _slashed_pair(cands: list[_Candidate], results: list[tuple[Entry | None, float]], i: int) -> None:
    """``cands[i]`` and the next, joined by a slash, as one place where they were read far apart and one's reading
    is a place of the other's name ("Leninogorsk / Ridder"), here only; not the two sides of a crossing
    ("Khorgos/Horgos"). In *results*, in place."""
    one, two = results[i][0], results[i + 1][0]
    if one is not None and two is not None and one.id != two.id \
            and distance_km((one.lat, one.lon), (two.lat, two.lon)) > NEAR_KM:
        for a, b, read in ((i, i + 1, one), (i + 1, i, two)):
            if any(e.id == read.id for e in cands[b][2].name.entries):
                results[b] = results[a]
                return


def _stops_beside(cands: list[_Candidate], results: list[tuple[Entry | None, float]],
                  dashed: list[int]) -> None:
    """A stop of a route written as a chain ("Moscow – Smolensk – Krasnoye – Orsha – Minsk") lies near a stop
    beside it: one read farther than :data:`NEAR_FAR_KM` from both is the place of its name within
    :data:`NEAR_KM` of one, the most prominent, if that is about as prominent or more (the Belarusian Orsha, not a
    Russian village; never a village for Moscow), unless its own cue says otherwise. In *results*, in place."""
    beside: dict[int, list[int]] = {}  # the stops a route's dash joins each to (``dashed``: each and the next)
    for i in dashed:
        beside.setdefault(i + 1, []).append(i)
        beside.setdefault(i, []).append(i + 1)
    for i, others in beside.items():
        read = results[i][0]
        if cands[i][3] or read is None or read.feature_class not in "PS":
            continue
        points = [(e.lat, e.lon) for e in (results[j][0] for j in others) if e is not None and e.feature_class in "PS"]
        if not points or min(distance_km((read.lat, read.lon), p) for p in points) <= NEAR_FAR_KM:
            continue
        near = _own_place_near(cands[i][2].name, points, prior(read) - STOP_PRIOR_GAP, NEAR_KM)
        if near is not None:
            results[i] = (near, results[i][1])


def _pair_together(cands: list[_Candidate], results: list[tuple[Entry | None, float]], i: int) -> None:
    """``cands[i]`` and the next, two names a slash or a route's dash joins ("Troitsk / Kayrak", a crossing's two
    posts; "Taldykorgan – Karabulak", a pipeline's stops), lie together: where they were read far apart (farther
    than :data:`NEAR_FAR_KM`), one of them in a country the other is not in (a country the text names elsewhere
    pulled it: Kayrak in Turkey, Karabulak in Ingushetia), or one was dropped as an obscure namesake far from the
    text's places (Troitsk in a text about Turkey's posts), they are the two places of their names within
    :data:`NEAR_FAR_KM` of each other (a road's ends: "R-1 Petropavl – Sergeyevka"), the most prominent pair. A
    reading of its own cue, a city of note, a curated place (unless the pair lies together only without it), and
    a reading in its partner's country are kept. In *results*, in place."""
    one, two = results[i][0], results[i + 1][0]
    if one is not None and two is not None and (
            one.country == two.country or distance_km((one.lat, one.lon), (two.lat, two.lon)) <= NEAR_FAR_KM) \
            or cands[i][2].name.country_name or cands[i + 1][2].name.country_name:
        return  # (a country's point is no place beside which another lies: "the Texas–Mexico border")
    def near_pairs(curated_kept: bool) -> list[tuple[float, Entry, Entry]]:
        fixed = [cands[k][3] != "" or (read is not None and (
                     read.curated and (curated_kept or read.feature_class not in "PS") or prior(read) >= NOTED_PRIOR))
                 for k, read in ((i, one), (i + 1, two))]
        return [] if all(fixed) else [
            (prior(a) + prior(b), a, b)
            for a in _pair_places(cands[i][2].name, one if fixed[0] else None, not curated_kept)
            for b in _pair_places(cands[i + 1][2].name, two if fixed[1] else None, not curated_kept)
            if distance_km((a.lat, a.lon), (b.lat, b.lon)) <= NEAR_FAR_KM]

    # (a curated town or site is kept unless no pair lies together with it, and then a place once called so may
    # be one: "Alat/Farap" is Olot, Uzbekistan, formerly Alat, not the port of Alat, Azerbaijan; a curated water
    # stays: "the Chu–Talas basin")
    pairs = near_pairs(True) or near_pairs(False)
    if pairs:
        _, a, b = max(pairs, key=lambda pab: pab[0])
        score = max(results[i][1], results[i + 1][1])
        results[i], results[i + 1] = (a, results[i][1] or score), (b, results[i + 1][1] or score)


def _pair_places(name: _Name, kept: Entry | None, former: bool = False) -> list[Entry]:
    """The places *name* may mean as one of a pair of places side by side: *kept* alone if given, else its towns
    and sites that carry it as their own or another name (or only as a former one, if *former*)."""
    if kept is not None:
        return [kept]
    return [e for e, _, areal, _ in name.contenders
            if not areal and e.feature_class in "PS" and (former or e.id not in name.renamed_only)]


def _places_of_a_list(text: str, cands: list[_Candidate], results: list[tuple[Entry | None, float]]) -> None:
    """A list of places whose others all lie in one country ("Osh, Talas, Naryn and Karakol") has its odd one
    there too, where that country has a place of the name about as prominent (:data:`LIST_PRIOR_GAP`) within
    :data:`LIST_NEAR_KM` of the others and has it as its own name: Talas, Kyrgyzstan, not Taraz, once called so;
    never a village for a city, nor Temirtau, once Samarkandsky, for Samarkand. Unless its own cue says otherwise.
    In *results*, in place."""
    i = 0
    while i < len(cands):
        j = i  # the list is cands[i..j]
        while j + 1 < len(cands) and 2 <= cands[j + 1][0] - cands[j][1] <= _LIST_GLUE_MAX \
                and text[cands[j][1]: cands[j + 1][0]] in _LIST_GLUE:  # (the length first: no slice of a paragraph)
            j += 1
        if j - i >= 2:  # (the list's places counted by country and by place once: time grows with the list's
            # length, not its square, as a list of thousands on one line showed)
            by_country = Counter(e.country for e, _ in results[i: j + 1] if e is not None)
            times = Counter(id(e) for e, _ in results[i: j + 1] if e is not None)
            placed = sum(times.values())
            for k in range(i, j + 1):
                read = results[k][0]
                if cands[k][3] or read is None or read.feature_class not in "PS" or placed - times[id(read)] < 2:
                    continue
                if by_country[read.country] > times[id(read)] or len(+by_country) != 2:
                    continue  # (the others not all in one country, other than its own)
                country = next(c for c in +by_country if c != read.country)
                others = [e for e, _ in results[i: j + 1] if e is not None and e is not read]
                there = _own_place_near(cands[k][2].name, [(o.lat, o.lon) for o in others],
                                        prior(read) - LIST_PRIOR_GAP, LIST_NEAR_KM, country)
                if there is not None:
                    results[k] = (there, results[k][1])
                    by_country.update({read.country: -1, there.country: 1})
                    times.update({id(read): -1, id(there): 1})
        i = j + 1


def _former_names_of_places_named(cands: list[_Candidate], results: list[tuple[Entry | None, float]]) -> None:
    """A former or other name of a place the text also names by its own name is that place ("Aktau" and, later,
    "Shevchenko", its Soviet name: not the Kyiv district, which carries it as another name, though the text names
    Kiev), without a cue of its own, unless it is read as a city of note ("Samarkand" is no Temirtau, once
    Samarkandsky) or as a place whose own name it is in a country the text names by another place ("Naryn" is no
    Tash-Kumyr; "Krasnoarmeysk", Balzer's today, is no Taiynsha). In *results*, in place."""
    renamed = [i for i, (_, _, m, hint) in enumerate(cands) if m.name.renamed_only and not hint]
    if not renamed:
        return
    named = {e.id: (e, score) for e, score in results if e is not None}
    places_of = Counter(e.country for e, _ in named.values())  # the distinct places the text reads, by country
    for i in renamed:
        read, name = results[i][0], cands[i][2].name
        if read is None or read.curated or prior(read) >= NOTED_PRIOR or places_of[read.country] > 1 and any(
                own and e.id == read.id for e, own in zip(name.entries, name.own)):
            continue
        for pid in name.renamed_only:
            if pid in named and pid != read.id:
                results[i] = named[pid]
                break


_DIVISION_TAILS: Final = tuple(f" {word}" for word in (*_DIVISION_WORDS, "audany", "aimag"))  # "Uspenka district"
SEAT_KM: Final = 30.0  # a division's point is its seat's: a town of the division's name this near it is the seat


def _seats_of_divisions_named(cands: list[_Candidate], results: list[tuple[Entry | None, float]]) -> None:
    """A bare name of a district or region the text also names with its noun is the division's seat, the town of the
    name at the division's point, without a cue of its own ("the Uspenka district … Uspenka": the district's seat,
    not a larger Uspenka in Tyumen oblast that GeoNames knows the population of); not where no town of the name
    lies there ("Almaty region", whose seat is Konayev, and "Almaty"). In *results*, in place."""
    seats: dict[str, Entry] = {}
    for (_, _, m, _), (e, _) in zip(cands, results):
        if e is not None and e.feature_class == "A" and m.name.key.endswith(_DIVISION_TAILS):
            seats.setdefault(m.name.key.rpartition(" ")[0], e)
    if not seats:
        return
    for i, (_, _, m, hint) in enumerate(cands):
        division, read = seats.get(m.name.key), results[i][0]
        if division is None or hint or read is None or read.feature_class != "P" \
                or distance_km((read.lat, read.lon), (division.lat, division.lon)) <= SEAT_KM:
            continue
        there = [e for e in m.name.entries if e.feature_class == "P" and e.country == division.country
                 and distance_km((e.lat, e.lon), (division.lat, division.lon)) <= SEAT_KM]
        if there:
            results[i] = (max(there, key=prior), results[i][1])


def _among_country_codes(text: str, cands: list[_Candidate], i: int) -> bool:
    """Whether ``cands[i]``, a country's code in capitals, stands in a list of countries' codes read as countries:
    after or before one across a slash ("KZ/RU/KG/CN"), or between two across commas ("KZ, KG, CN"; not "3
    USD/KG, RU side")."""
    def code(j: int) -> str:  # the glue to cands[j] if it is a country's code read so, else ""
        if not 0 <= j < len(cands):
            return ""
        other, a, b = cands[j], min(i, j), max(i, j)
        glue = text[cands[a][1]: cands[b][0]]
        return glue if glue in _CODE_GLUE and other[1] - other[0] == 2 and text[other[0]: other[1]].isupper() \
            and other[2].name.country_name and other[2].weak != _WEAK_ABBREVIATION else ""

    before, after = code(i - 1), code(i + 1)
    return "/" in (before, after) or before == after == ", "


_CODE_GLUE: Final = frozenset(("/", ", "))


def _stations_of_towns(text: str, cands: list[_Candidate], results: list[tuple[Entry | None, float]]) -> None:
    """A region's name read before "station" or "junction" ("Mangyshlak station", Mangystau's old name) is the
    town of its country that the name also names, which the station is named after. In *results*, in place."""
    for i, (_, end, m, _) in enumerate(cands):
        read = results[i][0]
        if read is not None and read.feature_class == "A" and text.startswith(_STATION_WORDS, end):
            towns = [e for e in m.name.entries if e.feature_class in "PS" and e.country == read.country]
            if towns:
                results[i] = (max(towns, key=prior), results[i][1])


_STATION_WORDS: Final = (" station", " junction", " railway station")
# a side of a border after the name, in its clause ("the Khorgos station on the Chinese side", "Khorgos, on the
# Kazakh side,", «Хоргос на китайской стороне», «Хоргос с казахстанской стороны»), or before it in Kazakh («Қытай
# тарапындағы Қорғас», the Khorgos on China's side)
_SIDE_AFTER: Final = re.compile(r"(?: [a-z]+){0,3},? on the ([A-Z][a-z]+) side\b"
                                r"|(?: [а-яё]+){0,3},? (?:на|с|со) ([а-яё]+ой) сторон[еыу]\b")
_SIDE_BEFORE: Final = re.compile(rf"(?<![^\W\d_])([{KAZAKH_CAPITALS}][^\W\d_]+) тарап(?:ындағы|ында|тағы) $")


def _in_a_case(key: str) -> bool:
    """Whether *key*, a capitalised word, is a name in a case no given name is in before a surname: Turkish's after
    an apostrophe ("Bölgesi'ndeki Horgos"), or Uzbek's after a word written with o‘ or g‘ ("Qashg‘ardan Torugart",
    from Kashgar by the Torugart pass: round 74)."""
    return bool(apostrophe_stem(key)) or "'" in key and _UZBEK_CASE_FORM.search(key) is not None


_UZBEK_CASE_FORM: Final = re.compile(rf"[og]'[a-z]+(?:{'|'.join(UZBEK_CASE_SUFFIXES)})$")  # (keys write ‘ as ')
_APOSTROPHE_LIKE: Final = re.compile("[ʻʼ‘’']")  # how Uzbek writes o‘ and g‘ ("koʻprigi", "ko‘prigi", "ko'prigi")


def _apostrophe_variants(word: str) -> set[str]:
    """*word*, and with each other apostrophe Uzbek texts write for its own ("koʻprigi": "ko‘prigi", "ko’prigi"…)."""
    if not _APOSTROPHE_LIKE.search(word):
        return {word}
    return {_APOSTROPHE_LIKE.sub(mark, word) for mark in "ʻʼ‘’'"} | {word}


def _lower_case_parts(text: str) -> list[tuple[int, int]]:
    """The spans of *text*'s parts (between blank lines) of :data:`LOWER_PART_MIN` characters or more that open in
    lower case and hold hardly a capital letter: a section typed in lower case in a text that is not ("north
    kazakhstan region\n– r-15 petropavl – kyzylzhar", a stray "Sol-Iletsk" in it), whose names are read as an
    informal text's are."""
    if len(text) < LOWER_PART_MIN:
        return []
    parts, at = [], 0
    for gap in (*_BLANK_LINE.finditer(text), None):
        end = gap.start() if gap is not None else len(text)
        if end - at >= LOWER_PART_MIN and text[at].islower() \
                and len(_CAPITAL.findall(text, at, end)) * LOWER_PART_CAPITALS <= end - at:  # (a quick test first)
            parts.append((at, end))
        at = gap.end() if gap is not None else end
    return parts


_LOWER_DIVISION_AFTER: Final = re.compile(rf" ({'|'.join(map(re.escape, _DIVISION_WORDS))})\b")  # after a lower-case name
_LOWER_LEADING_WORD: Final = re.compile(r"(?<![^\W\d_])([a-z]+) $")  # ... and the word before it
LOWER_PART_MIN: Final = 160  # characters of a part in lower case (a line or two of a bulletin)
LOWER_PART_CAPITALS: Final = 100  # ... which holds a capital letter in this many characters at most
_CAPITAL: Final = re.compile(r"[A-ZА-ЯЁ]")
_BLANK_LINE: Final = re.compile(r"\n[ \t]*\n")


def _parts_in_brackets(text: str, cands: list[_Candidate], results: list[tuple[Entry | None, float]]) -> None:
    """A town's or station's name in brackets after a town's ("Chengdu (Chengxiang)", "Urumqi (Sanping)", a rate
    sheet's terminal) is a part of it: the one of its name within :data:`NEAR_KM` of the town, the most prominent
    if several, or none (not Chengxiang, Taicang's other name 1,650 km off; not a Sanping 270 km off). In
    *results*, in place."""
    for i in range(1, len(cands)):
        start, end = cands[i][0], cands[i][1]
        if start - cands[i - 1][1] != 2 or not text.startswith(" (", start - 2) or not text.startswith(")", end):
            continue  # (quick tests first)
        town, read = results[i - 1][0], results[i][0]
        if town is None or town.feature_class not in "PS" or read is None or read.feature_class not in "PS" \
                or distance_km((read.lat, read.lon), (town.lat, town.lon)) <= NEAR_KM:
            continue
        results[i] = (_most_prominent_near(cands[i][2].name, town), results[i][1])


def _most_prominent_near(name: _Name, there: Entry) -> Entry | None:
    """The most prominent town or station of *name* within :data:`NEAR_KM` of *there*, if any."""
    near = [e for e in name.entries if e.feature_class in "PS" and distance_km((e.lat, e.lon), (there.lat, there.lon))
            <= NEAR_KM]
    return max(near, key=prior) if near else None


def _places_near(text: str, cands: list[_Candidate], results: list[tuple[Entry | None, float]]) -> None:
    """A town or post said to lie near the next ("the other Troitsk near Moscow", "Uzynagash, near Almaty"; not
    "the Aral Sea near Aralsk", nor "Dubna near Moscow", read near it already) is the one of its name within
    :data:`NEAR_KM` of it, the most prominent if several, unless its own cue says otherwise. In *results*, in
    place."""
    for i in range(len(cands) - 1):
        end, start = cands[i][1], cands[i + 1][0]
        if start - end not in _NEAR_LENGTHS or text[end: start] not in _NEAR or cands[i][3]:
            continue  # (quick tests first)
        there, read = results[i + 1][0], results[i][0]
        if there is None or there.feature_class not in "PS" or read is None or read.feature_class not in "PS" \
                or distance_km((read.lat, read.lon), (there.lat, there.lon)) <= NEAR_FAR_KM:
            continue
        near = _most_prominent_near(cands[i][2].name, there)
        if near is not None:
            results[i] = (near, results[i][1])


# a narrative citation: the year in brackets after the author (or two, or "et al."), then a verb of the author's
_NARRATIVE_STARTS: Final = (" (1", " (2", " and ", " et al")  # (a quick test of what follows an author first)
_REPORTING_VERBS: Final = ("argu|compar|conclud|describ|discuss|examin|explor|investigat|not|observ|propos|suggest|test|"
                    "stress|identifi|highlight|demonstrat|document|emphasi[sz]|analy[sz]|measur|review|assess|warn|"
                    "predict|criticis|criticiz|defin|trac|survey|show|claim|find|report|stud|estimat|model|add|mak|"
                    "point|contend|writ|maintain|caution|explain|recall|insist|offer|present|question|challeng|"
                    "conced|acknowledg|reject|interpret|focus|develop|characteri[sz]|recommend|attribut|outlin|"
                    "detail|consider|agre|disagre|doubt")
_NARRATIVE_AFTER: Final = re.compile(rf"(?: and [A-Z][\w'’-]+| et al\.?)? \((?:19|20)\d\d[a-z]?\),? (?:(?:{_REPORTING_VERBS})"
                              r"(?:e[sd]|ed|es|s|d|ied|ies|led|ling|ing|n|e)?|found|wrote|writes|saw|sees)\b")
# before the author: a sentence's start (see _narrative_citation), a citing word, or the first of two authors
_NARRATIVE_BEFORE: Final = re.compile(r"(?:\b(?:[Aa]s|by|[Ss]ee|[Ff]ollowing|[Ll]ike)|(?:^|[.!?] |\n)[A-Z][\w'’-]+ and) $")


# after an author: a second author or "et al.", then the year, in a citation's brackets (", 2021;", ", 2021)") or
# after the names ("Lincoln and Jordan (2023)")
_AUTHORS_YEAR: Final = re.compile(r"( (?:&|and) [A-Z][\w'’-]+| et al\.?)?(?:(, )| \()(?:19|20)\d\d[a-z]?"
                                  r"(, p+\. ?\d+(?:[-–]\d+)?)?([;)])")
_FIRST_AUTHOR_BEFORE: Final = re.compile(r"(?:[(]|(?:19|20)\d\d[a-z]?\)?; )$")  # a citation's bracket, its last year
_SECOND_AUTHOR_BEFORE: Final = re.compile(r"(?:^|[^\w'’-])([A-Z][\w'’-]+) (&|and) $")  # "Lincoln & ", "Sydney and "
_PLACES_PREPOSITION: Final = _word_before(_ROUTE_WORDS | {"of", "across", "toward", "around", "outside", "and", "or"})


def _among_authors(text: str, start: int, end: int, name: _Name, lex: Lexicon) -> bool:
    """Whether the name at *start*..*end* is one of a citation's authors, whatever place it also names (a country
    too: "Jordan"): one of two joined by "&" or with "et al." in brackets ("(Lincoln & Jordan, 2023)"), one of a list
    in brackets if no city of note that is no surname ("(Laruelle, 2018; Jordan, 2021)", but "(Baku, 2023; Astana,
    2024)"), or one of two before the year in brackets and more of the sentence ("Sydney and Adelaide (2020),
    writing", "see also Lincoln and Jordan (2023) on"), not after a place's preposition ("between Aralsk and
    Kazalinsk (2019) grew"); the second of two as the first."""
    after = _AUTHORS_YEAR.match(text, end)
    if after is None:
        return False
    pair, bracketed, pages, closer = after.groups()
    if pages and not bracketed:  # "see Jordan (2022, pp. 88-91)"
        return True
    if not pair and not bracketed and text.endswith(");", 0, start - 1):  # "Kenderdine & Bucsky (2021); Jordan
        return _FIRST_AUTHOR_BEFORE.search(text, max(0, start - 9), start) is not None  # (2022)"
    first = start
    if not pair and (second := _SECOND_AUTHOR_BEFORE.search(text, max(0, start - 42), start)) is not None:
        first, pair = second.start(1), f" {second.group(2)} "  # (the second of two: as the two are)
    if bracketed:
        if _FIRST_AUTHOR_BEFORE.search(text, max(0, first - 8), first) is None:
            return False
        if pair and pair[1] != "a":  # ("&", "et al.")
            return True
        return (closer == ";" or text[first - 2: first] == "; ") and (
            not name.noted or name.key in lex.surnames_after_given)
    return bool(pair) and _SENTENCE_GOES_ON.match(text, after.end()) is not None \
        and not _PLACES_PREPOSITION.search(text, max(0, first - 12), first)


_SENTENCE_GOES_ON: Final = re.compile(r",? [a-z]")  # after a narrative citation's year: "(2020), writing", "(2023) on"


def _narrative_citation(text: str, start: int, end: int) -> bool:
    """Whether the name at *start*..*end* is an author a narrative citation names, opening a sentence or after a
    citing word, before the year and a verb: "Jordan (2012) compared", "Paris and Kazan (2019) tested", "as
    Washington (2015) argued" (not "Trade in Astana (2019) grew")."""
    return _NARRATIVE_AFTER.match(text, end) is not None and (
        Geoparser._is_sentence_start(text, start) or _NARRATIVE_BEFORE.search(text, max(0, start - 40), start) is not None)


def _cited_author(text: str, start: int, end: int, name: _Name, lex: Lexicon) -> bool:
    """Whether *name*, before a year, is an author cited: "(Hadano, 2023)", "see Orlov (2024)", "adapted from
    Orlov, 2021". Not a country, nor a region ("the Republic of Kazakhstan (2023)", an organisation's
    document); in the citation's brackets not a city of note that is no surname ("TransCaspian Forum (Baku,
    2023)"; but "(Hamilton, 2024)", "(Kirov, 2020)"), and out of them not a city of note at all ("Asian
    Development Bank, Manila, 2024.", "Astana (2019)", a big city in its own script: "Москва, 2024", "Улаанбаатар, 2024
    оны 3 сарын 15", a dateline; nor the second of a pair after a place's preposition: "between
    Arys and Turkestan, 2023", nor a town after a word and a comma: "Kartfabrika, Leningrad, 1936"), a place before a
    range of years ("at Aralsk and Kazalinsk, 2000–2022") nor a place after a preposition ("taken in Kazalinsk, 2018", "flood damage in
    Kulsary (2024)")."""
    bracketed = text.startswith(" (", end)
    if name.country_name or name.holds_area or not (_CITED_YEAR if bracketed else _AUTHOR_YEAR).match(text, end):
        return False
    if not bracketed and not _outside_brackets(text, start):
        return not name.noted or name.key in lex.surnames or name.key in lex.surnames_after_given \
            or name.key.endswith(_RUSSIAN_SURNAME_ENDINGS)
    noted = name.noted or not name.key.isascii() and max(name.priors, default=0.0) >= NOTED_PRIOR \
        and not name.key.endswith(_CYRILLIC_SURNAME_ENDINGS)  # (a name in its own script is no city's own in
    # GeoNames: "Москва" is Moscow's other name; but "Иванов, 2020" is an author, not Ivanovo)
    return not (noted or _YEAR_RANGE.match(text, end) is not None or _after_route_word(text, start)
                and not _CITING_BEFORE.search(text, max(0, start - 16), start)
                or _PLACE_PAIR_BEFORE.search(text, max(0, start - 50), start) is not None
                or text[start - 2: start] == ", " and _IMPRINT_BEFORE.match(text, start - 3) is not None
                and not name.key.endswith(_RUSSIAN_SURNAME_ENDINGS))


# a word or a closing quote, then a comma, before a town and its year: an imprint's or a list's city, not an author
# ("Printed by the 1st Kartfabrika, Leningrad, 1936", '"Zhetysu Towers", Taldykorgan, 2021')
_IMPRINT_BEFORE: Final = re.compile(r"[^\W\d_\s]|[\"”»]")


def _outside_brackets(text: str, start: int) -> bool:
    """Whether no bracket opened in the 60 characters before *start* is still open there."""
    lo = max(0, start - 60)
    return text.rfind("(", lo, start) <= text.rfind(")", lo, start)


def _names_a_thing(text: str, start: int, things: set[str]) -> bool:
    """Whether the name at *start* follows "called" or "named" after a word for a thing or a being that is
    named after a place ("the café called Tbilisi", "a cat named Zhaiyk", "their son is named Almaty")."""
    opening = start - 1 if text[start - 1] in _OPENING_QUOTES else start  # 'a farm called "Chapaev"'
    verb = text.rfind(" ", 0, opening - 1)  # the space before "called" or "named"
    word = _PREVIOUS_WORD.search(text, max(0, start - 40), verb) if verb > 0 else None
    if word is not None and word.group().lower() in _TO_BE:  # "their son is named", "the post is called"
        word = _PREVIOUS_WORD.search(text, max(0, word.start() - 30), word.start() - 1)
    return word is not None and word.group().lower() in things


# the first bytes in UTF-8 of U+3000 to U+9FFF, Chinese characters among them; no letter of a Latin or Cyrillic
# alphabet, no dash nor quote opens with one
_HAN_LEAD_BYTES: Final = tuple(bytes([b]) for b in range(0xE3, 0xEA))
_LOOP_PAIRS: Final = 10_000  # point–anchor pairs of a text measured in a loop; more in matrix blocks
_BLOCK_PAIRS: Final = 1 << 22  # pairs per block (32 MB of floats)
MAX_ANCHORS: Final = 4096  # anchors measured from in a text (a list of 200,000 towns has 50,000)
_HAN_NAME_MAX: Final = 8  # characters of the longest Chinese place name read ("新疆维吾尔自治区" has 8)
# what makes a firm's or an official body's name of a place's name before it ("哈萨克斯坦国家铁路公司", KTZ;
# "新疆维吾尔自治区商务厅", the region's department of commerce; "乌鲁木齐局集团公司"), or a Russian surname
# ("阿斯塔纳耶夫", Astanayev)
_HAN_NAMED_AFTER: Final = re.compile(
    r"(?:(?:国家|国际|铁路|航空|石油|天然气|港口|物流|商务|交通|运输|投资|开发|建设|电力|能源|海关|陆港区|港区|开发区|自贸区|"
    r"口岸|有限|股份)*(?:集团|公司|委员会|管委会|银行|大学|协会|商会|海关|(?:局|厅)(?=[^\u3400-\u9fff]|集团|公司|$)))"
    r"|(?:耶夫|耶娃|诺夫|诺娃|洛夫|洛娃|科夫|科娃|维奇|斯基|斯卡娅)")
_HAN_PREPOSITIONS: Final = frozenset("经从往至到在由向自与和及")  # via, from, to, at, by, and
# a reporter's word and the family name before a name (not a preposition: "记者从霍尔果斯铁路口岸获悉", the reporter
# learned at Horgos)
_HAN_BYLINE_BEFORE: Final = re.compile(rf"(?:记者|通讯员|实习生|编辑|摄影)(?![{''.join(sorted(_HAN_PREPOSITIONS))}])"
                                       r"[\u3400-\u9fff]{1,2}$")
_HAN_SUFFIXES: Final = frozenset("县市州区镇乡港站口")  # a division's, port's or station's character after a name
HAN_PAIR_POPULATION: Final = 10_000  # a Chinese name of two characters alone names a place this big
HAN_CITY_POPULATION: Final = 1_000_000  # a Chinese name of two characters names a city this big though a common word (西安)
# a two-character name this common in Chinese is a word (开通, "to open"), unless a big city's; outside the field's
# countries, where the name is also a place's of 100,000 people or more, one less common (港区, "port area", is
# Minato, Tokyo)
HAN_WORD_ZIPF, HAN_FOREIGN_WORD_ZIPF, HAN_FOREIGN_POPULATION = 4.0, 3.5, 100_000


def _a_han_pair_place(name: _Name) -> bool:
    """Whether *name*, two Chinese characters, may name a place alone (see :meth:`Geoparser._han_names`)."""
    zipf = -1.0
    for e in name.entries:
        if e.feature_class == "A" or e.curated and e.feature_class in "LH" or e.population >= HAN_CITY_POPULATION:
            return True
        field = e.country in FIELD_COUNTRIES
        if e.population >= (HAN_PAIR_POPULATION if field else HAN_FOREIGN_POPULATION):
            if zipf < 0:
                zipf = language_zipf(name.key, "zh")
            if zipf < (HAN_WORD_ZIPF if field else HAN_FOREIGN_WORD_ZIPF):
                return True
    return False


def _an_arabic_word_place(name: _Name) -> bool:
    """Whether *name*, one word in Arabic script, may name a place alone (see :meth:`Geoparser._names_by_words`):
    a country's or a region's, a data file's place, a city of 100,000, or a town of 10,000 in a country that writes
    the script (wordfreq's Persian counts name cities as often as words: "رشت" 4.8, "مرکز", centre, 5.5; so the
    common words that are towns' names too are in stopnames.toml's never: "نور", light; "بهار", spring)."""
    return any(e.feature_class == "A" or e.curated or e.population >= ARABIC_CITY_POPULATION
               or e.population >= ARABIC_TOWN_POPULATION and e.country in ARABIC_SCRIPT_COUNTRIES for e in name.entries)


def _a_georgian_word_place(name: _Name) -> bool:
    """Whether *name*, one word in Georgian letters, may name a place alone (see :meth:`Geoparser._names_by_words`):
    a country's or a region's, a data file's place, a city of 100,000, a town of 10,000 of the field ("ყარსი", Kars)
    or a town or village of 1,000 in Georgia ("ფოთი", Poti; "ანაკლია", Anaklia)."""
    return any(e.feature_class == "A" or e.curated or e.population >= ARABIC_CITY_POPULATION
               or e.population >= ARABIC_TOWN_POPULATION and e.country in FIELD_COUNTRIES
               or e.population >= GEORGIAN_VILLAGE_POPULATION and e.country == "GE" for e in name.entries)


def _as_written(key: str) -> list[str]:
    """No other forms of *key* (Arabic and Persian names are read as written)."""
    return []


# Georgian case endings and postpositions, the longest first ("თბილისიდან", "ანაკლიამდე", "ბათუმისკენ", "ფოთში",
# "თბილისის", "ანაკლიას", "ევროპასთან", "ზუგდიდსა და"); a stem takes back its nominative's vowel ("თბილის" + ი,
# "ახალციხ" + ე) or none ("ბაქო" + ში), and the vowel a stem in -ანი loses before some ("გარდაბნის": გარდაბანი)
_GEORGIAN_ENDINGS: Final = ("ისთვის", "ისკენ", "ისგან", "სთვის", "იდან", "ამდე", "ადმი", "სთან", "ისა", "დან", "მდე", "ში",
                     "ზე", "თან", "ით", "ად", "ის", "სა", "ს")
_GEORGIAN_VOWELS_BACK: Final = ("", "ი", "ა", "ე", "ო")


def georgian_nominatives(key: str) -> list[str]:
    """The keys *key*, Georgian words, would have if its last word, in another case, were in the nominative."""
    head, _, last = key.rpartition(" ")
    lead = f"{head} " if head else ""
    out = []
    for ending in _GEORGIAN_ENDINGS:
        stem = last[: -len(ending)]
        if last.endswith(ending) and len(stem) >= 3:
            out += [f"{lead}{stem}{back}" for back in _GEORGIAN_VOWELS_BACK]
            if stem[-1] == "ნ" and stem[-2] not in "აეიოუ":  # ("გარდაბნ": გარდაბანი)
                out.append(f"{lead}{stem[:-1]}ანი")
    return out


_SCRIPT_NAME_WORDS: Final = 4  # the most words of a name in Arabic or Georgian script read ("بندر امام خمینی" has 3)
GEORGIAN_VILLAGE_POPULATION: Final = 1_000
ARABIC_CITY_POPULATION, ARABIC_TOWN_POPULATION = 100_000, 10_000
# the countries whose towns' names a Persian or Arabic text writes in its script (and Pakistan's, in Urdu)
ARABIC_SCRIPT_COUNTRIES: Final = frozenset(("IR", "AF", "TJ", "PK", "IQ", "SY", "LB", "JO", "SA", "YE", "OM", "AE", "QA",
                                     "BH", "KW", "EG", "LY", "TN", "DZ", "MA", "SD"))


def _a_han_town(name: _Name) -> bool:
    """Whether *name*, three Chinese characters before a division's or port's character, names a town of 10,000
    people or more or a division ("阿拉尔市"; not 深水港, a village, in 深水港区, "deep-water port area")."""
    return any(e.population >= HAN_PAIR_POPULATION or e.feature_class == "A" for e in name.entries)


def _han_word_bounds(run: str, offset: int) -> frozenset[int]:
    """Where the words of *run*, a run of Chinese characters at *offset* in its text, start and end (jieba's
    segmentation: :func:`mapper.languages.han_segmenter`), and after a preposition's character that jieba joined
    to the name after it ("经奥什", via Osh; "经莫" of "经莫因特", via Moyynty)."""
    from mapper.languages import han_segmenter

    bounds = {offset}
    for word in han_segmenter().cut(run, HMM=True):
        if len(word) > 1 and word[0] in _HAN_PREPOSITIONS:
            bounds.add(offset + 1)
        offset += len(word)
        bounds.add(offset)
    return frozenset(bounds)




def _notable(name: _Name, population: int | None = 100_000, own: bool = False) -> bool:
    """Whether *name* names a country, a first-level division, a city of note, a curated place (a water, a
    range, a border post…) or a place of *population* or more (none if None; if *own*, by its own name, or by
    another with ten times as many: "Moscou"), which a text means however common the word (not a Turkish
    district, nor Tyre, whose other name "Sur" opens a French sentence)."""
    return name.country_name or name.noted or any(
        e.curated or e.id.startswith("admin1:")
        or population is not None and e.population >= (population if its_own or not own else 10 * population)
        for e, its_own in zip(name.entries, name.own))


def _bigger(name: _Name, other: _Name) -> bool:
    """Whether *name* means a place of more note than *other* does: a country, a first-level division or a
    curated place where *other* names none, or a place ten times bigger than any of *other*'s."""
    if _notable(name, None) != _notable(other, None):
        return _notable(name, None)
    return max((e.population for e in name.entries), default=0) \
        >= 10 * max(1000, max((e.population for e in other.entries), default=0))


# a table's header cell for its ships' names ("Vessel | Voy. | Port"), and a row's cells
_SHIP_HEADER: Final = re.compile(r"(?im)(?:^|\|)[ \t]*(?:vessel|ship|vessel name|ship name|ship's name|m/v|mv|ferry|"
                          r"судно|теплоход|паром|gemi)[ \t]*(?:\||$)")
_CELL: Final = re.compile(r"[^|\n]+")


def _credited(text: str) -> list[tuple[int, int]]:
    """The spans of the people a wire story's credits name ("Reporting by Olga Popova in Moscow; Editing by Jan
    Harvey": Olga Popova, Jan Harvey), found from each " by " (one scan of the text)."""
    out: list[tuple[int, int]] = []
    at = text.find(" by ")
    while at >= 0:
        if text[at - 3: at] in _CREDIT_ENDS and _CREDIT_HEAD.search(text, max(0, at - 10), at) \
                and (body := _CREDIT_BODY.match(text, at + 4)):
            out += [(body.start() + person.start(1), body.start() + person.end(1))
                    for person in _CREDITED.finditer(body.group())]
        at = text.find(" by ", at + 4)
    return out


def _ship_cells(text: str) -> list[tuple[int, int]]:
    """The cells of the ships' column of each table whose header names it (:data:`_SHIP_HEADER`), from the
    header to the table's end (a line without "|"): "LIWA" of "LIWA | 2409W | Kuryk" is a ship, not Liwa, Oman."""
    cells: list[tuple[int, int]] = []
    column = -1
    for line in re.finditer(r"[^\n]+|\n(?=\n)", text):  # (a blank line ends a table too)
        row = line.group()
        if "|" not in row:
            column = -1
            continue
        found = [(m.start() + line.start(), m.end() + line.start(), m.group().strip())
                 for m in _CELL.finditer(row)]
        leading = row.lstrip().startswith("|")  # (cells counted from the first bar's right where a row opens with one)
        header = next((i for i, (_, _, cell) in enumerate(found) if _SHIP_HEADER.fullmatch(cell)
                       or _SHIP_HEADER.fullmatch(f"|{cell}|")), -1)
        if header >= 0:
            column = header
            continue
        if 0 <= column < len(found) and not (leading and not found):
            cells.append(found[column][:2])
    return cells


def _loose(start: int, end: int, name: _Name) -> _Candidate:
    """A candidate read outside a run of capitalised words (a lower-case name, a hashtag, a list's name)."""
    return start, end, _Match(0, end - start, name, False), ""


def _merged(found: list[_Candidate], extra: list[_Candidate]) -> list[_Candidate]:
    """*found* and *extra* in text order."""
    return sorted(found + extra, key=lambda c: c[0]) if extra else found


def _glued(text: str, cands: list[_Candidate], i: int, glue: re.Pattern) -> bool:
    """Whether ``cands[i]`` and the next candidate are joined by *glue* alone (five characters at most)."""
    end, start = cands[i][1], cands[i + 1][0]
    return start - end <= 5 and glue.fullmatch(text, end, start) is not None


def _far_apart(first: _Candidate, second: _Candidate, neighbours: dict[str, frozenset[str]]) -> bool:
    """Whether two small places' names hyphened together name no two places: no place of one lies within
    1,500 km of a place of the other, nor in the same or a bordering country ("Makhalino-Hunchun", a crossing
    whose Russian village only far namesakes carry, stays), and neither names a city, a country, an area or a
    border post (a route's "Chelyabinsk-Petrovsk", "Dostyk-Alashankou", "Kazakhstan-China" stay)."""
    a, b = first[2].name, second[2].name
    if any(n.city is not None or n.country_name or n.holds_area for n in (a, b)):
        return False
    return all(e.country != f.country and f.country not in neighbours.get(e.country, ())
               and distance_km((e.lat, e.lon), (f.lat, f.lon)) > FAR_PAIR_KM
               for e in a.entries[:20] for f in b.entries[:20])


def _club_before_city(text: str, first: _Candidate, city: _Candidate) -> bool:
    """Whether *first*, just before *city* with a space between, names a club of that city ("Irtysh Pavlodar",
    "Ural Yekaterinburg"): *city* is a city of about 100,000 people or more, *first* neither a country nor such
    a city ("Aktobe Orenburg" stays two places) nor another name of it ("renamed Akmola Astana") nor its
    region, and written as its name, not in a case ("Kars'tan Bakü'ye", "Toshkentdan Karachigacha": from one to
    the other)."""
    name, town = first[2].name, city[2].name.city
    return (town is not None and town.feature_class == "P" and not name.country_name and town not in name.entries
            and not apostrophe_stem(name.key) and _norm(text[first[0]: first[1]]) == name.key
            and (name.city is None or name.city.feature_class != "P")
            and not any(e.feature_code == "ADM1" and e.country == town.country and e.admin1 == town.admin1
                        for e in name.entries))  # "In Mangystau Aktau port handles …": the city's own region


_LIST_ITEM_LINE: Final = re.compile(r"[ \t]*(?:\d{1,3}[.)]|[-*•–])[ \t]+")  # "2) ", "- " opening an item's line
_LIST_LEAD_LINES: Final = 30  # items read back to a list's lead line
_ITEM_LEAD_MAX: Final = 8  # characters of an item's number or bullet before its first name, at most


def _item_of_a_list_of_crossings(text: str, start: int) -> bool:
    """Whether the name at *start* opens an item of a list whose lead line speaks of crossings ("Checkpoints to be
    reconstructed:\n1) Syrym, …\n2) Taskala, Taskala district, …": the posts, as a decree lists them)."""
    line_start = text.rfind("\n", max(0, start - _ITEM_LEAD_MAX), start) + 1  # (a quick test first: this runs
    # for many a post's name)
    if not line_start or (lead := _LIST_ITEM_LINE.match(text, line_start, start)) is None or lead.end() != start:
        return False
    for _ in range(_LIST_LEAD_LINES):
        if line_start == 0:
            return False
        previous = text.rfind("\n", 0, line_start - 1) + 1
        line = text[previous: line_start - 1]
        if not _LIST_ITEM_LINE.match(line):  # the lead line, before the first item
            return line.rstrip().endswith(":") and _POST_WORD_IN_LEAD.search(line) is not None
        line_start = previous
    return False


_POST_WORD_IN_LEAD: Final = re.compile(r"(?i)\b(?:checkpoints?|crossings?|border posts?|crossing points?|points? of entry"
                                       r"|пункты пропуска|пунктов пропуска|мапп|кпп|өткізу бекеттері)\b")


def _crossing_words_in(segment: str) -> bool:
    """A quick test before :data:`_POST_AFTER` and :data:`_POST_BEFORE`: whether *segment* may hold a crossing's
    word."""
    segment = segment.lower()  # ("TASKALA CHECKPOINT")
    return "ross" in segment or "heck" in segment or "post" in segment or "oint" in segment or "bcp" in segment \
        or "mapp" in segment or not segment.isascii() and (
            "мапп" in segment or "кпп" in segment or "пункт" in segment or "бекет" in segment or "погран" in segment)


def _after_route_word(text: str, start: int) -> bool:
    """Whether a route's word ("from", "to", "in", ...: :data:`_ROUTE_PREPOSITION`) stands just before *start*,
    not the "to" of a person ("according to Henderson")."""
    return _ROUTE_PREPOSITION.search(text, max(0, start - 9), start) is not None \
        and not text[max(0, start - 14): start].lower().endswith(_TO_A_PERSON)


def _town_by_water(name: _Name, entry: Entry, water: Entry) -> Entry:
    """*entry*, a town a water's bare name was read as, or the most prominent town of the name within
    :data:`WATER_TOWN_KM` of the water's point if *entry* is not."""
    def near(e: Entry) -> bool:
        return distance_km((e.lat, e.lon), (water.lat, water.lon)) <= WATER_TOWN_KM

    if near(entry):
        return entry
    towns = [(p, e) for e, p, areal, _ in name.contenders if not areal and e.feature_class == "P" and near(e)]
    return max(towns, key=lambda t: t[0])[1] if towns else entry


def _quote_closing(text: str, end: int) -> int:
    """Where the quote that a name ending at *end* is in closes, within the line and 40 characters (-1 if not)."""
    for i in range(end, min(len(text), end + 40)):
        if text[i] in _CLOSING_QUOTES:
            return i
        if text[i] == "\n":
            break
    return -1


def _before_its_division(text: str, cands: list[_Candidate], i: int) -> bool:
    """Whether ``cands[i]`` stands before a comma and an area's name, a town's address ("Kuryk, Mangystau
    Region"), so a place even where a person bears its name ("Madina Kuryk")."""
    return i + 1 < len(cands) and cands[i + 1][0] == cands[i][1] + 2 and text[cands[i][1]] == "," \
        and any(cands[i + 1][2].name.areal)


def _past_quote(text: str, end: int) -> int:
    """Just past the quote that a name ending at *end* is in (see :func:`_quote_closing`), -1 if it is in none."""
    closing = _quote_closing(text, end)
    return closing + 1 if closing >= 0 else -1


def _opened(text: str, start: int) -> int:
    """Where the quotes or emphasis before *start* open, up to two characters before it (*start* if none)."""
    lead = start
    while lead > start - 2 and text[lead - 1: lead] in _NAME_OPENERS:
        lead -= 1
    return lead


def _named_otherwise(name: _Name) -> bool:
    """Whether *name* is none of its places' own name, nor a country's or a city of note's."""
    return not (any(name.own) or name.noted or name.country_name)


def _ships_named_again(text: str, cands: list[_Candidate], ships_before: set[str],
                       word_after: Callable[[str, int], bool],
                       names_water: Callable[[_Name], bool]) -> list[_Candidate]:
    """*cands* less the ships' names: those a ship's word went before (*ships_before*) or that the text says
    are ships ("Barda and Zagatala are ferries"), where the text says so ("Barda is a ship?") or "the" goes
    before them and a verb, preposition or punctuation mark after them (*word_after*: "The Barda was stuck";
    not "the Zangezur corridor" beside "the vessel Zangezur", nor a route's stop: "the Aktau – Zhanaozen road"
    beside 'the boat "Aktau"'), unless they name a water (*names_water*: "The
    Irtysh was low" beside "the tug Irtysh"); and wherever the text writes them in capitals in a line that is
    not all capitals, as reports write ships' names ("SHIRVAN left Port Kuryk", "the crews of ALAT and AKTAU"
    beside "the tug ALAT")."""
    ships, said = set(ships_before), set()
    for i, (start, end, m, _) in enumerate(cands):
        if text.startswith(_TO_BE_AFTER, end) and _SHIP_PREDICATE.match(text, end):
            said.add(start)
            ships.add(m.name.key)
            while i and text[cands[i - 1][1]: cands[i][0]] in _LIST_GLUE:
                i -= 1
                said.add(cands[i][0])
                ships.add(cands[i][2].name.key)
    if not ships:
        return cands
    return [c for c in cands if not (c[2].name.key in ships and (
        c[0] in said or text.endswith(("the ", "The "), 0, c[0]) and word_after(text, c[1])
        and not names_water(c[2].name) and not _ROUTE_DASH_NAME.match(text, c[1])
        or _in_capitals_in_prose(text, c[0], c[1])))]


def _in_capitals_in_prose(text: str, start: int, end: int) -> bool:
    """Whether the name at *start*..*end* is written in capitals (four letters or more) in a line that has lower
    case too (not a heading in capitals)."""
    if end - start < 4 or not text[start:end].isupper():
        return False
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    return any(ch.islower() for ch in line)


class _Lists:
    """The lists a text's names make, worked out once, on first use: a name is on the list of the one before
    it when " and ", " or " or ", " joins them, and ", " only if a list's glue follows it too ("via Tejen,
    Mary and Serakhs", "in Gornyak, Aral and the wider region"; "from Ashgabat, Mary said" is no list)."""

    def __init__(self, text: str, cands: list[_Candidate]) -> None:
        self.text = text
        self.cands = cands
        self._heads: list[int] = []

    def head(self, i: int) -> int:
        """The index of the first name of ``cands[i]``'s list."""
        if not self._heads:
            text, cands, heads = self.text, self.cands, self._heads
            for k in range(len(cands)):
                glue = text[cands[k - 1][1]: cands[k][0]] if k else ""
                joined = glue in _LIST_GLUE and (glue != ", " or text.startswith(_LIST_GLUE, cands[k][1]))
                heads.append(heads[k - 1] if joined else k)
        return self._heads[i]

    def after_route_word(self, i: int) -> bool:
        """Whether ``cands[i]`` is on a route's word's list: right after the word, or after names that are
        ("between Kandagach and Emba", "via Tejen and Mary")."""
        return _after_route_word(self.text, self.cands[self.head(i)][0])


def _a_water_s_pair(text: str, cands: list[_Candidate], i: int) -> bool:
    """Whether ``cands[i]`` and a name dashed to it name a water's part together ("the Balkhash–Alakol
    basin", "the Chu–Talas basin")."""
    if i + 1 < len(cands) and _glued(text, cands, i, _ROUTE_DASH):
        return text.startswith(_WATER_PART_AFTER, cands[i + 1][1])
    return i > 0 and _glued(text, cands, i - 1, _ROUTE_DASH) and text.startswith(_WATER_PART_AFTER, cands[i][1])


def _on_a_route(text: str, cands: list[_Candidate], i: int, lists: _Lists,
                names_water: Callable[[_Name], bool]) -> bool:
    """Whether ``cands[i]`` is a stop of a route: on a route's word's list (*lists*), dashed to a name beside
    it that is no water's, the pair no water's part ("the Mointy–Chu line"; not "the Ural–Emba interfluve",
    "the Ili–Balkhash basin", "the Chu–Talas basin"), or before a stop's word ("Emba station"; not "the Emba
    villages")."""
    end = cands[i][1]
    if lists.after_route_word(i) or _STOP_WORD_AFTER.match(text, end):
        return True
    if _a_water_s_pair(text, cands, i):
        return False
    return any(0 <= j < len(cands) and _glued(text, cands, min(i, j), _ROUTE_DASH)
               and not names_water(cands[j][2].name) for j in (i - 1, i + 1))


# a microdistrict's number and word after its name ("Aksay-4 microdistrict", "Orbita-3 mkr")
_MICRODISTRICT_AFTER: Final = re.compile(r"[-‐‑]\d{1,2}\b,? (?:micro-?district|mkr|mikrorayon|md)\b", re.IGNORECASE)


_STATION_AFTER: Final = re.compile(r"[-‐‑](?:[1-9](?![\d.,:/]?\d)|([A-ZА-ЯЁ][a-zа-яё]+))\b")  # "-1", "-Glavny", "-Южный"


def _station_end(text: str, end: int) -> int:
    """Where a town's name at *end* ends with its station's number or part of town, as stations are named
    ("Almaty-1", "Bishkek-2", "Novosibirsk-Glavny", "Brest-Severny"), else *end*."""
    station = _STATION_AFTER.match(text, end)
    if station is None or station.group(1) is not None and _norm(station.group(1)) not in _STATION_SUFFIXES:
        return end
    return station.end()


def _numbered_thing(text: str, c: _Candidate) -> bool:
    """Whether digits right after the candidate *c*, or a hyphen and digits, make it a numbered thing, not the
    place: a nickname ("Baikonur777"), a microdistrict said so ("Aksay-4 microdistrict" of Almaty, not Aksay
    1,900 km off), or a region's name numbered ("Zhetysu-2"); but not a town's numbered station, plant or block,
    which lie at it ("Kokshetau-1", "Iletsk-1", "Koksu-2 HPP"), nor a country's ("Kazakhstan-2050")."""
    name = c[2].name
    if name.country_name or "\u3400" <= text[c[1] - 1] <= "\u9fff" and _HAN_DATE_AFTER.match(text, c[1]):
        return False  # (nor a Chinese dateline's place before the date: "新华社乌鲁木齐10月16日电", Urumqi)
    return text[c[1]].isdigit() or any(name.areal) and not any(e.feature_class == "P" for e in name.entries) \
        or _MICRODISTRICT_AFTER.match(text, c[1]) is not None


_HAN_DATE_AFTER: Final = re.compile(r"\d{1,4}[年月日]")  # a date written after a Chinese name


# a vehicle's model number and its kind after its make's name ("Ural 4320 timber truck", "Kamaz 5511 dump truck")
_MODEL_AFTER: Final = re.compile(r" \d{3,5}(?:-\d{1,4})?\b(?: [a-z]+)? (?:trucks?|lorry|lorries|tractors?|buses|bus|vans?|"
                          r"trailers?|tippers?|motorcycles?|cars?|pick-ups?)\b")
# what a person did or wrote, after the possessive of the name ("Pugachev's revolt"): not a town's
_DEED_AFTER: Final = re.compile(r"['’]s (?:revolt|rebellion|uprising|mutiny|reign|exile|poems?|novels?|diary|diaries|"
                         r"memoirs|letters|verses)\b")
# a film's or a work's credits after its title: "KARS (Türkiye, 2025, 124 min)", "Aral (2024, 95′)"
_CREDITS_AFTER: Final = re.compile(r" ?\((?:[^()\n]{0,80}?, )?(?:19|20)\d\d, \d{1,3}(?: ?min\.?|[′'])\)")

# a thing's kind after its name: a reference work's qualifier ("Aksu (airline)", "Ili (locomotive)", "Kyzylzhar
# (basketball club)"), or an apposition ("Aksu, a brand of mineral water")
_KIND_AFTER: Final = re.compile(r" \((?:[a-z]+ ){0,2}(?:airline|horse|racehorse|locomotive|club|team|film|album|song|band|"
                         r"ship|vessel|newspaper|magazine|company|brand|novel|opera|beer|vodka|series|satellite|"
                         r"rocket|train|car|truck|tractor|cigarettes?|dish|cake|dance)\)"
                         r"|, an? (?:brand|make|variety|breed|model) of ")

# after a surname, or a list of them, the word for their families ("the Keller family", "the Friesen, Schmidt and
# Kazan families"; not "Many Balzer families", families from the village)
_FAMILY_AFTER: Final = re.compile(r"((?:(?:,| and|, and| or) [A-Z][^\W\d_]+){0,6}) famil(y|ies)\b")


# before a club's name, what makes it its town's (the words a place goes after)
_TOWN_OF_A_CLUB_BEFORE: Final = (" in ", " at ", " to ", " from ", " near ", " via ", " into ", ", ", "  ", "(", "of ",
                          "called ", "named ")


_NEXT_STOP: Final = frozenset((" to ", " and ", " or ", " – ", " - ", "–", "-"))  # between a route's stops


def _after_a_stop_in(text: str, cands: list[_Candidate], i: int, country: str) -> bool:
    """Whether the name before ``cands[i]`` is a route's stop in *country* just before it ("from Ashgabat to
    Mary")."""
    if i == 0 or text[cands[i - 1][1]: cands[i][0]] not in _NEXT_STOP:
        return False
    anchor = cands[i - 1][2].name.anchor
    return anchor is not None and anchor.country == country


# the common nouns of Turkic and Persian place names (a caravanserai, a fort, a mound, a spring) that also name
# towns: after a hyphen and a capitalised word, or before "-i"/"-e" (Persian ezafe), part of another name
_COMPOUND_NOUNS: Final = frozenset(("rabat", "kala", "qala", "tepe", "depe", "tobe", "bulak", "kurgan"))
_COMPOUND_BEFORE: Final = re.compile(r"[A-Z][^\W\d_]+[-‐‑]$")
_COMPOUND_AFTER: Final = re.compile(r"[-‐‑](?:[ie] [A-Z]|(?:[Kk]ala|[Qq]ala|[Tt]epe|[Dd]epe|[Tt]obe|[Rr]abat|[Bb]ulak|[Kk]urgan)\b)")


# before a name in Russian quotes, what makes it a thing's: a club, a firm, a ship, a train, a pipeline, or a
# match's other side ("Футбольный клуб «Тобол»", "судно-паром «Казахстан»", "сыграл вничью с «Иртышом»")
_RUSSIAN_THING_BEFORE: Final = re.compile(r"(?:\b(?:клуб[а-я]*|ФК|команд[а-я]+|судн[а-я]*|судно-паром[а-я]*|паром[а-я]*|"
                                   r"танкер[а-я]*|теплоход[а-я]*|компани[а-я]+|ТОО|АО|ООО|ОАО|ЗАО|холдинг[а-я]*|"
                                   r"агрохолдинг[а-я]*|завод[а-я]*|комбинат[а-я]*|поезд[а-я]*|фирм[а-я]+|бренд[а-я]*|"
                                   r"газопровод[а-я]*|нефтепровод[а-я]*|трубопровод[а-я]*|уступил[а-я]*|обыграл[а-я]*|победил[а-я]*)"
                                   r"|сыграл[а-я]* (?:вничью )?с)\s*$", re.IGNORECASE)


def _russian_quoted_thing(text: str, c: _Candidate) -> bool:
    """Whether *c*, a Cyrillic name just after "«", names a thing there: a club's, firm's, ship's or train's word
    goes before it, or a match's verb, or lower-case words that are no division's or water's noun follow it inside
    the quotes ("«Қазақстан темір жолы»", "«Узбекистон темир йуллари»": railways; a border post's name in quotes
    stays: "МАПП «Сырым»", "Russian: «Курмангазы»", as does "«Қостанай облысы»")."""
    start, end = c[0], c[1]
    return _RUSSIAN_THING_BEFORE.search(text, max(0, start - 30), start - 1) is not None \
        or text.startswith("» уступил", end) \
        or _QUOTED_LOWER_TAIL.match(text, end) is not None and _CYRILLIC_DIVISION.match(text, end) is None
    # ("«Кайрат» уступил «Астане»": both sides)


# a quoted name's lower-case words up to the closing quote ("«Қазақстан темір жолы»")
_QUOTED_LOWER_TAIL: Final = re.compile(r"(?:[ -][а-яёәғқңөұүһіў]+){1,4}»")
# ... in a text not in English, in double quotes ('"O'zbekiston temir yo'llari"', '"Улаанбаатар төмөр зам"')
_QUOTED_LOWER_WORDS: Final = re.compile(r"(?:[ -][a-zа-яёәғқңөұүһіўʻ'’‘]+){1,4}[\"”“]")
_LOWER_WORDS_AFTER: Final = re.compile(r"(?: [a-zа-яёʻ'’‘-]+){1,4}")  # up to four lower-case words after a name


# an e-mail's address lines, people named in its quoted replies and after a sign-off, and in its copy ("Cc: Ops Warsaw
# <ops.waw@…>", ">> Marta: the Middle Corridor …", "> Thanks,\n> Jordan", "(Jordan, in cc)")
_MAIL_PEOPLE: Final = re.compile(r"(?m)^[> \t]*(?:From|To|Cc|Bcc|Reply-To):[^\n]*@[^\n]*"
                          r"|^>+[ \t]*([A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+)?):[ \t]"
                          r"|^[> \t]*(?:Thanks|Thank you|Many thanks|Regards|Best regards|Kind regards|Best|Cheers|Sincerely"
                          r"|BR|Rgds),[ \t]*\n[> \t]*([A-Z][^\W\d_]+)[ \t]*$"
                          r"|\(([A-Z][^\W\d_]+), (?:in|on) cc\)")


@lru_cache(maxsize=8)
def _case_form_word(capitals: str) -> re.Pattern[str]:
    """A capitalised word that may be a name in a case, opened by one of *capitals* (a regular expression's set)."""
    return re.compile(rf"(?<![^\W\d_'’‘])[{capitals}](?:[‘'’ʻ](?=[^\W\d_]))?{TOKEN.pattern}")


def _mail_people(text: str, given_names: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """The spans of :data:`_MAIL_PEOPLE` in *text*: a whole address line, or a person's name, one that starts with a
    given name ("Marta"; not a quote's "> Kazakhstan:", nor "Best regards,\nAlmaty")."""
    spans = []
    for m in _MAIL_PEOPLE.finditer(text):
        k = next((k for k in (1, 2, 3) if m.group(k) is not None), 0)
        if k == 0 or _norm(m.group(k).split(" ")[0]) in given_names:
            spans.append(m.span(k))
    return spans


def _organisation_tail(text: str, end: int, tails: frozenset[str]) -> bool:
    """Whether one of the lower-case words after a name that ends at *end* is one of *tails*, the words that end a
    firm's or a body's name in the text's language (Uzbek "Osiyo taraqqiyot banki")."""
    words = _LOWER_WORDS_AFTER.match(text, end)
    return words is not None and any(normalize(w) in tails for w in words.group().split())


def _inside_a_quoted_name(text: str, start: int) -> bool:
    """Whether the Cyrillic name at *start*, just before a closing "»", ends a name in quotes that a capitalised word
    opens, a pipeline's, a firm's or a project's ("«Сила Сибири»", the Power of Siberia)."""
    return _QUOTED_HEAD.search(text, max(0, start - 24), start) is not None


_QUOTED_HEAD: Final = re.compile(r"«[А-ЯЁ][а-яё]+ $")


def _case_ending(key: str) -> str:
    """The Kazakh or Kyrgyz case ending *key* ends with, or its Turkish suffix after an apostrophe, if any
    ("қарағандыдан": "дан", "sivas'tan": "'tan"); a person's given name and surname take the same one."""
    if "'" in key and (stem := apostrophe_stem(key)):
        return key[len(stem):]
    return next((ending for ending in TURKIC_CASE_ENDINGS if key.endswith(ending)), "") if key[-1:] >= "\u0400" else ""


def _in_a_compound(text: str, start: int, end: int, key: str) -> bool:
    """Whether the name at *start*..*end* is part of a compound place name the gazetteer lacks: a generic noun
    after a hyphened word ("Tash-Rabat", "Kyzyl-Kala": not Rabat, Qala), a name before a hyphened generic noun
    ("Kyzyl-Kala": not Kyzyl), or before a Persian ezafe ("Rabat-i Malik")."""
    return (key in _COMPOUND_NOUNS and start > 1 and text[start - 1] in _HYPHENS
            and _COMPOUND_BEFORE.search(text, max(0, start - 24), start) is not None) \
        or text[end: end + 1] in _HYPHENS and _COMPOUND_AFTER.match(text, end) is not None


# a ship's IMO number after its name, in a table's next cell or in brackets ("BARDA | 9542807", "Barda (IMO 9542807)")
_IMO_AFTER: Final = re.compile(r"\s*(?:[|\t]\s*(?:IMO[ :]*)?[1-9]\d{6}\b|\((?:IMO[ :]*)?[1-9]\d{6}\)|[,;]\s*IMO[ :]*[1-9]\d{6}\b)")
_IMO_OPENERS: Final = frozenset((" |", "  ", " (", ", ", "; "))  # (a table's cells padded with spaces: "BARDA      | 95…")


def _names_a_make_deed_work_or_team(text: str, c: _Candidate) -> str:
    """What the candidate *c* names by the words around it, if not the place: a vehicle's make before its model
    ("Ural 4320 timber truck"; not a city of note's), a person's deed ("Pugachev's revolt"; not a country's, an
    area's nor a city of note's), a film's title before its credits ("KARS (Türkiye, 2025, 124 min)"): "thing";
    a ship's, by its IMO number: "ship"; a club called so ("the Irtysh football club"): "thing"; a team's name (see
    :func:`_a_team`): "team"; else "". Quick tests
    first."""
    start, end, m, _ = c
    name, after = m.name, text[end: end + 2]
    if after[1:].isdigit() and after[0] == " " and _MODEL_AFTER.match(text, end):
        return "" if name.noted else "thing"
    if after[1:].isdigit() and after[0] == "-" and name.country_name:
        return "thing"  # a channel or a programme: "Rossiya-24", «Россия-1», "Kazakhstan-2050"
    if (after in _IMO_OPENERS or after[:1] in "|\t(,;") and _IMO_AFTER.match(text, end):
        return "ship"  # by its IMO number: "BARDA | 9542807 | AZ", "Azerbaijan (IMO 9123456)"
    if after in _POSSESSIVE_AFTER and _DEED_AFTER.match(text, end):
        return "" if name.country_name or name.noted or any(name.areal) else "thing"
    if "(" in after and _CREDITS_AFTER.match(text, end) or after in (" (", ", ") and _KIND_AFTER.match(text, end):
        return "thing"
    if after[:1] in (" ", ",") and not name.country_name and (family := _FAMILY_AFTER.match(text, end)) is not None and (
            family.group(2) == "y" or family.group(1) or _LIST_PIECE_BEFORE.search(text, max(0, start - 40), start)):
        return "thing"  # a family's surname: "the Kazan family", "the Friesen, Schmidt and Kazan families" (not
        # "Balzer families", from the village)
    quoted = text[start - 1: start] in _OPENING_QUOTES
    if not name.country_name and (text[end + 1 + (after[:1] in _CLOSING_QUOTES): end + 3] in _CLUB_STARTS
                                  and _CLUB_AFTER.match(text, end)
                                  or quoted and _CLUB_BEFORE.search(text, max(0, start - 40), start)):
        return "thing"  # a club called so, this once: "the Irtysh football club", «Хоккейный «Южный Урал»» (the
        # river later in the text is still the river)
    if quoted and after[:1] in _CLOSING_QUOTES and (
            _RUSSIAN_SHIP_BEFORE.search(text, max(0, start - 60), start) or _RUSSIAN_TEAM_ACT_AFTER.match(text, end)
            or _RUSSIAN_TEAM_BEFORE.search(text, max(0, start - 30), start)
            or any(e.feature_class == "H" for e in name.entries) and not name.country_name
            and not text.endswith(_RIVER_BEFORE, 0, start - 1)):
        return "thing"  # a ship or a club, Russian, in quotes: «судна «Алматы» и «Актобе»», «Каспий» обыграл, «матч с
        # «Оренбургом»»; a river's name in quotes, a car's or a brand's: «ездит на «Волге»», 'nicknamed "Volga"'
    if text[start - 2: start] in _GAZPROM_UNIT_ENDS and _GAZPROM_UNIT_BEFORE.search(text, max(0, start - 40), start):
        return "thing"  # a gas company's unit named by its region: «Газпром добыча Астрахань», "Gazprom Dobycha
        # Orenburg"
    return "team" if not name.country_name and _a_team(text, start, end) else ""


def _a_team(text: str, start: int, end: int) -> bool:
    """Whether the name at *start*..*end* is a team's: a fixture's or a result's, each side of a dash before a
    score or of the score in a headline ("Tobol – Kairat 2:1", "TOBOL 2–1 KAIRAT"), the side beaten ("Tobol beat
    Kyzylzhar 2-0"), or a league table row's club after its rank ("3  Aktobe  Aktobe  19 11 5 3 31:14 38"; the
    second is its town)."""
    if _HOME_TEAM.match(text, end) or _AWAY_TEAM_AFTER.match(text, end) and (
            _AWAY_TEAM_BEFORE.search(text, max(0, start - 40), start) or _BEATEN_BEFORE.search(text, max(0, start - 12),
                                                                                               start)):
        return True
    return text[start - 2: start] in _TABLE_ROW_TAILS and _TABLE_ROW_BEFORE.search(text, max(0, start - 12), start) \
        is not None and _TABLE_ROW_AFTER.match(text, end) is not None


def _city_of_the_text(text: str, cands: list[_Candidate], i: int, lexicon: Lexicon) -> bool:
    """Whether ``cands[i]``, a name a person of the text bears, is still its city: a city of about 100,000
    people or more in a country another name of the text is in or borders, but for a verb of speech after it
    ("links Aktobe with Orsk", "ORSK, May 16 –", "Residents of Kurgan city" beside "Journalist Anna Kurgan";
    not "Kurgan said")."""
    start, end, m, _ = cands[i]
    city = m.name.city
    if city is None or city.feature_class != "P" or lexicon.acts_after.match(text, end) \
            or _CAPITAL_WORD_BEFORE.search(text, max(0, start - 30), start):
        return False  # "Kurgan said", or the person's own mention ("Dr. Daniyar Semey")
    neighbours = lexicon.neighbours
    return any(c[2].name.key != m.name.key and c[2].name.anchor is not None and (
        c[2].name.anchor.country == city.country or city.country in neighbours.get(c[2].name.anchor.country, ()))
        for c in cands)


def _in_list(text: str, cands: list[_Candidate], i: int, surnames: set[str]) -> bool:
    """Whether ``cands[i]`` is a name of a list of towns beside a city of note ("Klaipėda, Riga, Ventspils and
    Tallinn"): a place, not the person of that surname met elsewhere in the text (not beside a smaller town
    or a country's name: "translated Pushkin and Lermontov", "Jordan, Kent and York (2019)")."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(cands) and text[cands[min(i, j)][1]: cands[max(i, j)][0]] in _LIST_GLUE:
            other = cands[j][2].name
            if other.noted and other.key not in surnames and not other.country_name:
                return True
    return False


def _town_region_pairs(text: str, cands: list[_Candidate]) -> dict[int, str]:
    """Where a town's name is followed by ", ", " in ", " (" or ", a town in " and the name of a first-level division
    that holds a town of that name ("Paris, Texas", "Aksu in Xinjiang", "Fyodorovka station (Kostanay region)",
    "Aksu, a town in the Pavlodar region"), or follows the division's name and " city of " ("the Xinjiang city of
    Aral"): the cue both names get, by their mention's start, the division's country and admin1 code ("US.TX").
    After " in ", a country that has a place of the name cues the town alone ("Aksu in China"; after a comma,
    :meth:`_country_after`), as does a country's possessive before it ("China's Aksu"), and a district (an ADM2
    entry: ``kz-districts.toml``) the division of its town near the district's centre."""
    cues: dict[int, str] = {}
    for (start, end, town, _), (r_start, r_end, region, _) in zip(cands, cands[1:]):
        swapped = text[end: r_start] in _DIVISION_S_TOWN  # "the Xinjiang city of Aral": the division first
        if swapped:
            start, r_start, town, region = r_start, start, region, town
        gap = len(" in ") if swapped else r_start - end
        if gap == 3 and text[end + 1: r_start] == "s " and text[end] in "'’":
            if town.name.country_name:
                country = town.name.anchor.country if town.name.anchor is not None else ""
                if any(e.country == country for e in region.name.entries):
                    cues[r_start] = country  # "China's Aksu": the Aksu of China
            else:  # "Xinjiang's Kizilsu": the Kizilsu of Xinjiang (not Kızılsu, Turkey)
                for r in town.name.entries:
                    if r.feature_code == "ADM1" and r.admin1 and any(
                            e.country == r.country and e.admin1 == r.admin1 for e in region.name.entries):
                        cues[r_start] = f"{r.country}.{r.admin1}"
                        break
            continue
        if not swapped and _DISTRICT_OF_CITY.fullmatch(text, end, r_start):
            city = region.name.anchor  # "Mirabad District, Tashkent": a city's district; the gazetteer lacks it
            # where no place of the name lies near the city (not Mīrābād, Afghanistan)
            if city is not None and city.feature_class == "P" and not town.name.country_name \
                    and not town.name.noted and not any(
                        e.id != city.id and distance_km((e.lat, e.lon), (city.lat, city.lon)) <= BESIDE_CITY_KM
                        for e in town.name.entries):
                cues[start] = _UNKNOWN_HERE
            continue
        if not swapped and _DISTRICT_OF.fullmatch(text, end, r_start):
            if _district_elsewhere(town.name, region.name):  # a district the gazetteer lacks: "Tarbagatai district of
                cues[start] = _UNKNOWN_HERE  # Abai region" is not Tacheng, China; "Bayterek district of West
                # Kazakhstan region" not Astana's Baiterek tower
            else:  # its seat, the place of its name in the division ("Первомайский район Оренбургской области":
                # not a village of Tambov oblast)
                seat = next((f"{r.country}.{r.admin1}" for r in region.name.entries if r.feature_code == "ADM1"
                             and any(e.country == r.country and e.admin1 == r.admin1 for e in town.name.entries)), "")
                if seat:
                    cues[start] = seat
            continue
        if gap in _IN_PLACE_LENGTHS:
            glue = " in " if swapped else text[end: r_start]
            if glue not in _IN_PLACE:
                continue
            if glue.endswith("("):
                if not text.startswith((")", ".)"), r_end):
                    continue  # (the division alone in the brackets: not "Khorgos (Xinjiang. Trade …")
                glue = ", "  # (a country in brackets: Name._country_after)
        elif gap >= 12 and text.startswith(", a ", end) and _A_TOWN_IN.fullmatch(text, end, r_start):
            glue = " in "  # "Aksu, a town in the Pavlodar region"
        else:
            continue
        city = region.name.anchor
        if glue == ", " and city is not None and city.feature_class == "P" and region.name.key != town.name.key \
                and not town.name.noted:  # (not "Samara, Pitești": a village Sămara by Pitești)
            near = min(((distance_km((e.lat, e.lon), (city.lat, city.lon)), e) for e in town.name.entries
                        if e.feature_class == "P" and e.admin1 and e.id != city.id), default=None, key=lambda de: de[0])
            if near is not None and near[0] <= BESIDE_CITY_KM:  # "Aksu, Antalya": the Aksu by Antalya
                cues[start] = f"{near[1].country}.{near[1].admin1}"
                continue
        for r in region.name.entries:
            if r.feature_code == "ADM1" and r.admin1 and any(
                    e.feature_class == "P" and e.country == r.country and e.admin1 == r.admin1
                    for e in town.name.entries):
                cues[start] = cues[r_start] = f"{r.country}.{r.admin1}"
                break
            if glue != ", " and r.feature_code.startswith("PCL") and any(
                    e.country == r.country for e in town.name.entries):
                cues[start] = r.country
                break
            if r.feature_code == "ADM2":  # "Karasu in Karasu district": the town near the district's centre
                near = min(((distance_km((e.lat, e.lon), (r.lat, r.lon)), e) for e in town.name.entries
                            if e.feature_class == "P" and e.country == r.country and e.admin1),
                           default=None, key=lambda de: de[0])
                if near is not None and near[0] <= DISTRICT_TOWN_KM:
                    cues[start] = f"{near[1].country}.{near[1].admin1}"
                    break
        else:
            if glue != " in " and _DIVISION_WORD_END.search(text, r_start, r_end) \
                    and text[start - 2: start] not in (", ", "; ") and _elsewhere_only(town.name, region.name):
                # (not a list's "Atyrau, Karaganda, Mangystau region" or "Omsk, Orenburg, Altai Krai")
                cues[start] = _UNKNOWN_HERE
    return cues


_REGION_WORDS: Final = frozenset(("region", "oblast", "province", "viloyati", "oblysy"))  # a division's word after its name
_DISTRICT_OF_CITY: Final = re.compile(r" (?:[Dd]istrict|[Rr]ayon|[Rr]aion), ")  # "Mirabad District, Tashkent"
# "… district of Abai region", "Первомайский район Оренбургской области"
_DISTRICT_OF: Final = re.compile(r" (?:[Dd]istrict|[Rr]ayon|[Rr]aion|[Cc]ounty) of (?:the )?| район(?:а|е|ом)? ")
_DIVISION_WORD_END: Final = re.compile(r"\b(?:[Rr]egion|[Oo]blast|[Pp]rovince|[Kk]rai|[Kk]ray|[Oo]blysy)$")
_UNKNOWN_HERE: Final = "-"  # a town's cue: the division after it holds no place of the name (see _elsewhere_only)
ELSEWHERE_KM: Final = 350.0  # ... and every place of the name lies this far from the division's point


def _district_elsewhere(town: _Name, region: _Name) -> bool:
    """Whether *town*, a district's name before "district of" or "район" and the first-level division *region*,
    names a district the gazetteer lacks: none of its places lies in the division (by its code, where GeoNames'
    is sure: see :func:`_elsewhere_only`) nor within :data:`ELSEWHERE_KM` of its point, or all lie in other
    countries."""
    divisions = [r for r in region.entries if r.feature_code == "ADM1" and r.admin1]
    if not divisions or town.country_name:
        return False
    if not any(e.country == r.country for e in town.entries for r in divisions):
        return True
    return not any(e.country == r.country and e.admin1 == r.admin1 and len(r.admin1) <= 3
                   or distance_km((e.lat, e.lon), (r.lat, r.lon)) <= ELSEWHERE_KM
                   for e in town.entries for r in divisions)


def _elsewhere_only(town: _Name, region: _Name) -> bool:
    """Whether the name *town*, followed by ", " and the first-level division *region* ("Uspenka, Altai Krai",
    "Aksu, Almaty Region"), means a village the gazetteer lacks: no place of the name lies in the division
    (which GeoNames' towns are filed under: not one of 2022, "Abai Region") nor within :data:`ELSEWHERE_KM` of
    its point (not "Almaty, Almaty Region", whose city is a division of its own). It is then read as no place: a
    point 600 km off, in another region, misleads."""
    divisions = [r for r in region.entries if r.feature_code == "ADM1" and r.admin1 and len(r.admin1) <= 3]
    towns = [e for e in town.entries if e.feature_class == "P"]
    if town.country_name or region.country_name or any(e.feature_class not in "PS" for e in town.entries):
        return False  # (a country, region or water too: "Taiwan, Kosovo, Abkhazia"; "Tbilisi, Georgia"; "In
        # Siberia, Altai Krai Governor …")
    return bool(divisions and towns) and not any(
        e.country == r.country and e.admin1 == r.admin1 or distance_km((e.lat, e.lon), (r.lat, r.lon)) <= ELSEWHERE_KM
        for e in town.entries for r in divisions)  # (a border post too: "Lokot (Altai Krai)")


def _best_entry(name: _Name, hint: str, demonym_hint: str, ctx: Counter[str],
                distance: dict[str, float], bordering: frozenset[str]) -> tuple[Entry | None, float]:
    """The entry that best fits the document, and its score rounded to 3 decimals.

    The score weighs prominence, whether the text names the entry's country (*ctx*: how many names
    say so), nearness to the document's unambiguous places (*distance*: each point entry's km to the
    nearest), "Name, Country" (*hint* "CC") and "Town, Region" (*hint* "CC.admin1") cues, demonyms, and
    whether the name is the entry's own. Places that carry the name only as another name are left out
    without a country cue (:attr:`_Name.renamed_only`), and so are small namesakes of a city of note. An
    obscure namesake far from everything the text names is dropped (None), or replaced by a city of the
    name near the text's places; not if its name is distinctive or is the only place's, a city's; where
    the text names no place with a point, one in a country *bordering* a country it names is not far.
    """
    country_hint, _, division_hint = hint.partition(".")
    best, best_s, best_d, best_p, best_areal, best_own = None, -1.0, 1e9, 0.0, False, False
    near_town, near_town_s = None, -1.0  # the best-scoring town of some size near the text's places
    rival, rival_s, rival_p = None, -1.0, 0.0  # the best-scoring place very near the text's places
    city_s = -1.0  # the score of name.city, the biggest city that has the name as its own, if it contends
    # a city of note goes by its own name: places that carry it only as another (often former) name are
    # not meant, unless "Name, Country" says so ("Samarkand" is not Temirtau, once Samarkandsky)
    top = name.noted_entry
    floor, top_far = 0.0, False  # a namesake below floor is meant only on a cue, or near if top is far
    if top is not None:
        floor, top_far = name.top_prior - 0.1, distance.get(top.id, 1e9) >= NOTED_FAR_KM
    for e, p, areal, own in name.contenders if not division_hint else _in_division(name, country_hint, division_hint):
        d = 1e9 if areal else distance.get(e.id, 1e9)
        renamed = e.id in name.renamed_only and e.country != country_hint  # a rival at most, if very near
        if renamed and d > RIVAL_NEAR_KM:
            continue
        if top is not None and e.country != country_hint:
            if not own:
                continue
            if e is not top and not areal and p < floor and demonym_hint != e.country \
                    and not (top_far and d <= NAMESAKE_NEAR_KM and p >= VILLAGE_PRIOR):
                continue  # Rotterdam is not Rotterdam, New York because the text names the US
        prox = 1.0 / (1.0 + d / 400.0) if d < 1e9 else 0.0
        s = 0.45 * p + 0.3 * (e.country in ctx) + 0.25 * prox
        if areal:
            s += 0.2
        if country_hint:
            s += 0.5 if e.country == country_hint else -0.5
            if division_hint and e.admin1 == division_hint and e.country == country_hint:
                s += 0.5  # "Paris, Texas": the Paris of Texas; "Texas" the state
        if demonym_hint and e.country == demonym_hint:
            s += 0.3
        if e.curated:
            s += CURATED_BONUS
        if own:
            s += OWN_NAME_BONUS
        if e is name.city:
            city_s = s
        if d <= RIVAL_NEAR_KM and s > rival_s:
            rival, rival_s, rival_p = e, s, p
        if renamed:
            continue
        if s > best_s or (s == best_s and best is not None and e.id < best.id):
            best, best_s, best_d, best_p, best_areal, best_own = e, s, d, p, areal, own
        if p >= SOLE_TOWN_PRIOR and d <= NEAR_TOWN_KM and s > near_town_s:
            near_town, near_town_s = e, s
    if best is None:
        return None, 0.0
    city = name.city
    if city is not None and city_s >= 0 and best is not city and not best_areal and not best.curated \
            and not country_hint and best_p <= name.top_prior - RENAMED_PRIOR_GAP and (
            city.country == best.country or demonym_hint != best.country
            and (city_d := distance.get(city.id, 1e9)) <= RIVAL_NEAR_KM and 2 * city_d <= best_d):
        # a city of 100,000 or more goes by its name in its own country: a namesake there ten times smaller is
        # meant on a cue ("Aktau, Karaganda region"), not because it lies nearer the text's places ("Karaganda
        # … the port of Aktau" is the Caspian port, not the village near Temirtau); nor does such a namesake win
        # only because the text names its country where the city lies across a border and twice as near the text's
        # places ("Smolensk and Orsha" is Belarus's railway junction, not a Russian village of 2,000 near Tver)
        return city, round(min(1.0, city_s), 3)
    if not best_areal and not best.curated and not name.posts and best.country != country_hint:
        # (a town that names a border post near it is the field's, like the post: "Dostyk", "Saryagash")
        nothing_else = best_d >= 1e9 and not ctx.keys() - {"", best.country}
        # is the country named by something else than this very name? ("Khasan": Hassan, India, is not)
        named = ctx[best.country] > (name.anchor is not None and name.anchor.country == best.country)
        # the only place that has the name, as its own, a city, stays ("Batumi" in a text that also names Logar;
        # not "Года", a Russian word that is also a Japanese town's other name), as does the only place a data
        # file gives the name ("Turkmenbaschi" in a German text about the Black Sea and Suez)
        if not nothing_else and not name.distinctive and not (len(name.entries) == 1 and name.city is not None) \
                and not (name.given and len(name.entries) == 1) \
                and not (best_d >= 1e9 and best.country in bordering) and not _sole_town_of_the_field(name, best) and (
                (not named and best_d > 2500 and best_p < 0.78) or (best_d > 1500 and best_p < 0.6)
                or (name.water_word and best_d > NOTED_FAR_KM and best_p < VILLAGE_PRIOR)):  # ("Ural" 1,300 km away)
            # an obscure namesake far from everything the text is about: then a city of the name near the
            # text's places, if any ("Rudny" beside Magnitogorsk is Rudny, Kazakhstan, not a Russian village)
            if near_town is None or near_town is best:
                return None, 0.0
            return near_town, round(min(1.0, near_town_s), 3)
        # (a text that names no other place or country gives nothing to be far from: kept, unless a small place
        # outside the field carries the name only as another: "Поле", "Года" in a Russian text, the other names
        # of Polle and Gōda, which anchor no text, see _anchor; nor is such a place read where the text's places
        # lie far from it: "the Karkara crossing (Kegen – Karkara)" is no Greek village's other name because a
        # review names Istanbul too)
        if best_d > STRAY_NEAR_KM and (
                _stray(best, best_p, best_own) or _village_by_another_name(best, best_p, best_own)
                and not named and not name.given and demonym_hint != best.country):
            return None, 0.0  # (nor a village of the field that carries the name only as another, in a country the
            # text names by nothing else: "Valeryanovka" in a Kazakh decree is no Ukrainian Valeryanivka 700 km off)
    if name.twins and not country_hint and not demonym_hint and not best_areal:
        best = _twin_of_the_text(name, best, ctx)
    if rival is not None and rival is not best and best_d >= RIVAL_FAR_KM and rival_p >= best_p - RIVAL_PRIOR_GAP \
            and not best_areal and not best.curated and not country_hint and demonym_hint != best.country \
            and (rival.id not in name.renamed_only or best_p < NOTED_PRIOR):  # ("Samarkand" is no Temirtau)
        return rival, round(min(1.0, rival_s), 3)
    return best, round(min(1.0, best_s), 3)


def _in_division(name: _Name, country: str, division: str) -> tuple[tuple[Entry, float, bool, bool], ...]:
    """The contenders of *name* where a "Town, Region" cue names the *division* of *country* its place lies in, and
    the places there the name carries, though more prominent namesakes would otherwise outscore them whatever the
    text ("Aktogay in Pavlodar Region": the village, not the Dostyk line's junction)."""
    there = tuple((e, p, a, o) for e, p, a, o in zip(name.entries, name.priors, name.areal, name.own)
                  if e.admin1 == division and e.country == country and e.feature_class in "PS")
    return name.contenders + tuple(c for c in there if c not in name.contenders)


def _sole_town_of_the_field(name: _Name, best: Entry) -> bool:
    """Whether *best*, a town of some size in the field's countries, is the one place *name* may mean without a
    cue because its other places, which carry it only as another name, were left out: kept however far from the
    text's other places, as the place a name's other bearers would have been ("Xi'an - Poti": Georgia's port, with
    Teresina, Brazil, once Vila do Poti, left out; a village that alone carries its name is not: "Japan …
    Zhympity")."""
    return bool(name.renamed_only) and best.country in FIELD_COUNTRIES and prior(best) >= VILLAGE_PRIOR and all(
        e is best or e.id in name.renamed_only for e, _, _, _ in name.contenders)


def _twin_of_the_text(name: _Name, best: Entry, ctx: Counter[str]) -> Entry:
    """*best*, or its twin across a border (a place of the name beside it, :data:`TWIN_DEGREES`) in a country the
    text names at least twice as often, the most named of those: "Khorgos" in a Kazakh court report is Khorgos,
    Kazakhstan, not Horgos in China 3 km away, even where the text names Russia more (but "Sarakhs" in a text that
    names Turkmenistan and Iran about as often stays); not a place across the border that carries the name only as
    another where *best* has it as its own ("Kyakhta" in a text about Mongolia is the Russian town, not Altanbulag
    beside it)."""
    best_own = any(own for e, _, _, own in name.contenders if e is best)
    twin = max((e for e, _, areal, own in name.contenders if not areal and _twins(e, best)
                and (own or not best_own or _spelt_alike(e, name.key))),  # ("Sarakhs": Turkmen Sarahs, spelt so)
               key=lambda e: ctx[e.country], default=None)
    return twin if twin is not None and ctx[twin.country] >= 2 * max(1, ctx[best.country]) else best


def _twins(a: Entry, b: Entry) -> bool:
    """Whether *a* and *b* lie side by side (:data:`TWIN_DEGREES`) in two countries ("Khorgos", KZ and CN)."""
    return a.country != b.country and abs(a.lat - b.lat) <= TWIN_DEGREES and abs(a.lon - b.lon) <= TWIN_DEGREES


def _resolve(name: _Name, hint: str, demonym_hint: str, ctx: Counter[str],
             distance: dict[str, float], bordering: frozenset[str]) -> tuple[Entry | None, float]:
    """:func:`_best_entry`, remembered by the cues for names only areas carry (their entries have
    no distance to weigh: what the text names and its cues decide)."""
    memo = name.resolved_by_cues
    if memo is None:
        return _best_entry(name, hint, demonym_hint, ctx, distance, bordering)
    cues = (hint, demonym_hint, *map(ctx.__contains__, name.countries))
    found = memo.get(cues)
    if found is None:
        if len(memo) > _CUES_PER_NAME:
            memo.clear()
        found = memo[cues] = _best_entry(name, hint, demonym_hint, ctx, distance, bordering)
    return found


class _Page:
    """Look-ups over one text for one parse: masked spans, demonyms, sentence breaks.

    URL spans are found up front; demonyms, which start with a capital letter,
    are added by the recogniser as it meets them in runs; outlet names are
    checked at a position on request.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.masked = self._urls()
        self.demonyms: list[tuple[int, int, str]] = []  # (start, end, country), in text order
        self.surnames: set[str] = set()  # keys of place names the text shows as people's surnames
        self._demonym_starts: list[int] = []  # their starts, for bisection
        self._last_sentence: tuple[int, int, str] | None = None  # (start, first stop after, sentence)
        self._last_end = 0
        self._language: str | None = None
        self._about_oil: bool | None = None
        self._authors: list[tuple[int, int]] | None = None

    def in_reference_authors(self, pos: int) -> bool:
        """Whether *pos* lies in the authors of a reference list's item, surnames first before the year ("# Kazan,
        Ahmet; Ural, Emre (2019).", "* Orenburg, Ivan (2010)."), found once."""
        if self._authors is None:
            text = self.text
            self._authors = [m.span(1) for m in _REFERENCE_AUTHORS.finditer(text)] \
                if " (19" in text or " (20" in text else []
        return any(a <= pos < b for a, b in self._authors)

    @property
    def about_oil(self) -> bool:
        """Whether the text speaks of oil (:data:`_OIL_TEXT`), looked for once."""
        if self._about_oil is None:
            self._about_oil = _OIL_TEXT.search(self.text) is not None
        return self._about_oil

    @property
    def language(self) -> str:
        """The language the text is written in (:func:`text_language`)."""
        if self._language is None:
            self._language = text_language(self.text)
        return self._language

    @property
    def informal(self) -> bool:
        """Whether the text is a chat or thread that writes in lower case: at least :data:`INFORMAL_SHARE` of its
        lines' messages (after a time and a sender), or of its paragraphs of a few words (after a quote's "> ": a
        forum's thread), start in lower case, of :data:`INFORMAL_LINES` or more."""
        if self.text.count("\n", 0, 2000) < INFORMAL_LINES - 1:
            return False
        for pattern in (_MESSAGE_START, _PARAGRAPH_START):
            starts = [m.group(1) for m in islice(pattern.finditer(self.text, 0, INFORMAL_SPAN), INFORMAL_SAMPLE)]
            if len(starts) >= INFORMAL_LINES and sum(c.islower() for c in starts) >= INFORMAL_SHARE * len(starts):
                return True
        return False

    def _urls(self) -> list[tuple[int, int]]:
        """URLs, e-mail addresses, handles and nicknames ("Marina_Saratov"): the URL pattern tried only on words
        that hint at one."""
        text, word_end = self.text, 0
        spans: list[tuple[int, int]] = []
        if "@" not in text and "://" not in text and "www." not in text and "_" not in text and not _DOMAIN.search(text):
            return spans  # a quick test first: most texts hold no URL
        for hint in _URL_HINT.finditer(text):
            start = hint.start()
            if start < word_end:
                continue  # in the word just read (a long one may hold thousands of hints)
            while start > word_end and not text[start - 1].isspace():  # back to the start of the word
                start -= 1
            word = _CHUNK.match(text, start)
            if word is None:  # never: the hint itself is no space
                continue
            word_end = word.end()
            spans += [(start + u.start(), start + u.end()) for u in URL.finditer(word.group())]
        return sorted(spans)

    def mask(self, spans: Iterable[tuple[int, int]]) -> None:
        """Mask *spans* too (a chat line's sender)."""
        self.masked = sorted((*self.masked, *spans))

    def unmasked(self, found: list[_Candidate]) -> list[_Candidate]:
        """*found* without the candidates that start inside a URL, an address, a handle or a sender."""
        if not self.masked:
            return found
        starts = [a for a, _ in self.masked]
        reach = list(accumulate((b for _, b in self.masked), max))  # spans may overlap
        return [c for c in found if (i := bisect.bisect_right(starts, c[0]) - 1) < 0 or c[0] >= reach[i]]

    def outlet_at(self, start: int, names: tuple[str, ...]) -> int:
        """The end of the outlet name among *names* written at *start* (any case), or -1."""
        text = self.text
        for name in names:
            end = start + len(name)
            if text[start:end].lower() == name and not (end < len(text) and _is_word_char(text[end])):
                return end
        return -1

    def add_demonyms(self, at: int, demonyms: tuple[tuple[int, int, str], ...]) -> None:
        """Note the demonyms a run at *at* holds (runs are met in text order), but not a language ("known in
        Russian as Petropavlovsk" is no cue for a Russian place)."""
        text = self.text
        found = [(at + start, at + end, code) for start, end, code in demonyms
                 if text[max(0, at + start - 3): at + start].lower() != _LOCATIVE_LEAD]
        self.demonyms += found
        self._demonym_starts += [start for start, _, _ in found]

    def demonym_before(self, start: int) -> str:
        """The country of a demonym among the four words before *start* ("the Chinese city of ...")."""
        k = bisect.bisect_left(self._demonym_starts, start - 60)
        while k < len(self.demonyms) and self.demonyms[k][1] <= start:
            d_start, _, code = self.demonyms[k]
            if len(TOKEN.findall(self.text, d_start, start)) <= 4:
                return code
            k += 1
        return ""

    def sentence_around(self, start: int, end: int) -> str:
        """The sentence containing ``text[start:end]`` (ended by ". " or a line break), cut to about
        :data:`CONTEXT_CHARS` characters. Mentions are asked for in text order, and the next mention in the
        same sentence reuses it."""
        text, half, last = self.text, CONTEXT_CHARS // 2, self._last_sentence
        if last is not None:
            left, right, sentence = last  # from stops (or the text's ends), with no stop inside the last mention
            if self._last_end <= start and end <= right and start - half <= left and right <= end + half:
                self._last_end = end
                return sentence
        lo, hi = max(0, start - half), min(len(text), end + half)
        # a mention starts and ends with a letter: no ". " straddles its ends
        stop = text.rfind(". ", max(0, lo - 1), start)
        line = text.rfind("\n", lo, start)
        left = max(lo, stop + 2 if stop >= 0 else lo, line + 1)
        left_is_stop = left == 0 or (stop >= 0 and left == stop + 2) or (line >= 0 and left == line + 1)
        right, stop, line = hi, text.find(". ", end, hi + 1), text.find("\n", end, hi)
        if stop >= 0:
            right = min(right, stop)
        if line >= 0:
            right = min(right, line)
        right_is_stop = right in (stop, line, len(text))
        lead = trail = ""  # a long sentence cut between words, and the cut marked (not "ble volumes of …")
        if not left_is_stop and (space := text.find(" ", left, start)) >= 0:
            left, lead = space + 1, "…"
        if not right_is_stop and (space := text.rfind(" ", end, right)) >= 0:
            right, trail = space, "…"
        cut = right + 1 if right < len(text) and text[right] == "." else right
        sentence = lead + text[left:cut].strip() + trail
        reusable = left_is_stop and right_is_stop and ". " not in text[start:end] and "\n" not in text[start:end]
        self._last_sentence = (left, right, sentence) if reusable else None
        self._last_end = end
        return sentence


def _a_city(name: _Name) -> bool:
    """Whether some place of about 100,000 people or more carries *name*, as its own name or another ("Lodz")."""
    return max(name.priors, default=0.0) >= SOLE_TOWN_PRIOR


def _own_name(entry: Entry, key: str, leading: bool = True) -> bool:
    """Whether the name *key* is *entry*'s own name, apostrophes aside ("Xian" for Xi’an), or, for a big
    city and where *leading*, the leading words of it ("Newcastle" for Newcastle upon Tyne, "Santiago" for
    Santiago de Cuba; not "Minsk" for Mińsk Mazowiecki), or a curated place's name before its qualifier in
    brackets ("Alat" for Alat (Baku International Sea Trade Port)), or with k for the q and g for the gh of a Kazakh place
    ("Shalkar" for Shalqar, "Talgar" for Talghar; not "Aksu" for Aqsu, China), rather than another name of it (a
    former one: "Samarkand" for Temirtau)."""
    own, key = _norm(entry.name).replace("'", ""), key.replace("'", "")  # normalize writes ’ as '
    return (own == key or (leading and own.startswith(key + " ") and prior(entry) >= SHORT_NAME_PRIOR)
            or (entry.curated and own.partition(" (")[0] == key)
            or (entry.country == "KZ" and ("q" in own or "gh" in own)
                and own.replace("q", "k").replace("gh", "g") == key))


def _contenders(entries: tuple[Entry, ...], priors: tuple[float, ...], areal: tuple[bool, ...],
                own: tuple[bool, ...], noted: bool) -> tuple[tuple[Entry, float, bool, bool], ...]:
    """The entries of a name that can win :func:`_best_entry` in some text: not those that another
    entry of the same country outscores whatever the text says (by more than nearness can make up), and
    that is never skipped when they are not (the many small Washingtons behind the big ones); nor a place
    GeoNames lists twice, a point within SAME_PLACE_KM of the country's best (the two Kokpektys)."""
    def fixed(i: int) -> float:  # the part of the score that does not depend on the text
        return 0.45 * priors[i] + 0.2 * areal[i] + CURATED_BONUS * entries[i].curated + OWN_NAME_BONUS * own[i]

    best: dict[str, int] = {}  # by country: the entry with the highest fixed score
    for i, e in enumerate(entries):
        if e.country not in best or fixed(i) > fixed(best[e.country]):
            best[e.country] = i
    out = []
    for i, e in enumerate(entries):
        j = best[e.country]
        beaten = fixed(j) > fixed(i) + 0.25 + 1e-9 and (not noted or own[j] or not own[i])
        twice = j != i and not areal[i] and not areal[j] and \
            distance_km((e.lat, e.lon), (entries[j].lat, entries[j].lon)) <= SAME_PLACE_KM
        if not beaten and not twice:
            out.append((e, priors[i], areal[i], own[i]))
    return tuple(out)


# a place whose own name is spelt like the name but not as it ("Bazel", a Belgian village of 5,700, for "Basel")
# is one only another name of which it is, where a place whose own name it is has a prior this much higher (Basel)
SPELT_ALIKE_GAP: Final = 0.2


def _spelt_alike(entry: Entry, key: str) -> bool:
    """Whether *entry*'s own name and the name *key* are one name spelt two ways ("Şirvan" and "Shirvan",
    "Shalqar" and "Shalkar"), not two names ("Konstanz" and "Constanta", "Aktau" and "Shevchenko")."""
    return SequenceMatcher(None, _norm(entry.name), key).ratio() >= SPELLING_RATIO


def _holds_place(entries: tuple[Entry, ...], priors: tuple[float, ...], areal: tuple[bool, ...],
                 min_prior: float) -> bool:
    """Whether some entry is an area, a curated place or a place of at least *min_prior*."""
    return any(p >= min_prior or e.curated or a for e, p, a in zip(entries, priors, areal))


def _inflected(word: str, zipf: Callable[[str], float]) -> bool:
    """Whether *word* reads as an inflected form of a common English word ("hosted", "welcoming",
    "unveils"): a verb of a title-case headline, or a plural."""
    for suffix in ("s", "es", "ed", "d", "ing"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) > 2 and max(zipf(stem), zipf(stem + "e")) >= NAME_ZIPF + 1.0:
            return True
    return False


def _outlet_in(run: str, start: int, names: tuple[str, ...]) -> tuple[int, tuple[str, ...]]:
    """Which outlet name among *names* (lower case, longest first) is written at ``run[start:]``, in any
    case: ``(end, ())`` when the run's own characters show it, ``(-1, names left)`` when the text after
    the run must be read (see :meth:`_Page.outlet_at`), ``(-1, ())`` when none can be."""
    for i, name in enumerate(names):
        end = start + len(name)
        if end <= len(run):
            if run[start:end].lower() == name:
                if end == len(run):
                    return -1, names[i:]  # the character after the run decides
                if not _is_word_char(run[end]):
                    return end, ()
        elif not run.isascii() or name.startswith(run[start:].lower()):
            return -1, names[i:]  # goes on past the run
    return -1, ()


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _anchor(entries: tuple[Entry, ...], contenders: tuple[tuple[Entry, float, bool, bool], ...],
            own: tuple[bool, ...]) -> Entry | None:
    """The place a name means whatever the text, if any: its one place, or the one that can win; not a place that
    carries it only as another name, a small one outside the field's countries or a village in them (:func:`_stray`,
    :func:`_village_by_another_name`: "Karkara", a Greek village's; "Valeryanovka", the Russian
    name of a Ukrainian village, in a Kazakh decree that means its own village, which GeoNames lacks: it had drawn
    the decree's Uspenka, Komsomolskoye and Podstepnoye to Ukraine)."""
    if len(entries) == 1:
        entry, p, is_own = entries[0], prior(entries[0]), own[0]
    elif len(contenders) == 1 and not contenders[0][2]:
        entry, p, _, is_own = contenders[0]
    else:
        return None
    return None if _stray(entry, p, is_own) or _village_by_another_name(entry, p, is_own) else entry


def _village_by_another_name(entry: Entry, p: float, own: bool) -> bool:
    """Whether *entry* (of prominence *p*), not curated, carries a name only as another one and is smaller than a
    village of about 3,000 (:data:`VILLAGE_PRIOR`): a text may well mean a place of the name GeoNames lacks."""
    return not own and p < VILLAGE_PRIOR and not entry.curated


def _stray(entry: Entry, p: float, own: bool) -> bool:
    """Whether *entry* (of prominence *p*) carries a name only as another one and is a small place outside the
    field's countries ("Karkara", a Greek village's; "Поле", Polle's): it anchors no text, and is not read where
    the text gives nothing to measure it from."""
    return not own and p < SOLE_TOWN_PRIOR and not entry.curated and entry.country not in FIELD_COUNTRIES


def _nearest_anchor_km(points: dict[str, tuple[float, float, float]], anchors: list[str]) -> dict[str, float]:
    """For each point (by id, with its unit vector), the km to the closest of the *anchors* (ids of points,
    the document's unambiguous places) other than itself, 1e9 if none: the greatest dot product of unit
    vectors is the nearest. A text's tens of each are measured in a loop, too few to pay for arrays; a long
    list's thousands in blocks of a matrix product, against :data:`MAX_ANCHORS` of its anchors at most, evenly
    spread over the text's (time grows with the list, not with its square)."""
    if len(anchors) > MAX_ANCHORS:
        anchors = anchors[:: -(-len(anchors) // MAX_ANCHORS)]
    if len(points) * len(anchors) > _LOOP_PAIRS:
        return _nearest_anchor_km_in_blocks(points, anchors)
    at = [(aid, points[aid]) for aid in anchors]
    out: dict[str, float] = {}
    for pid, (x, y, z) in points.items():
        best = -2.0
        for aid, (ax, ay, az) in at:
            dot = x * ax + y * ay + z * az
            if dot > best and aid != pid:
                best = dot
        out[pid] = 1e9 if best < -1.5 else _chord_km(best)
    return out


def _nearest_anchor_km_in_blocks(points: dict[str, tuple[float, float, float]], anchors: list[str],
                                 block_pairs: int = _BLOCK_PAIRS) -> dict[str, float]:
    """:func:`_nearest_anchor_km` by matrix products, *block_pairs* pairs at a time (memory stays bounded
    however long the list)."""
    row = {pid: i for i, pid in enumerate(points)}
    cols = np.array([row[aid] for aid in anchors])
    xyz = np.fromiter(chain.from_iterable(points.values()), float, 3 * len(points)).reshape(-1, 3)
    at = xyz[cols].T
    best, rows = np.empty(len(points)), max(1, block_pairs // len(anchors))
    for first in range(0, len(points), rows):
        dot = xyz[first: first + rows] @ at
        own = np.flatnonzero((cols >= first) & (cols < first + len(dot)))
        dot[cols[own] - first, own] = -np.inf  # not itself
        best[first: first + len(dot)] = dot.max(axis=1)
    return {pid: 1e9 if b < -1.5 else _chord_km(b) for pid, b in zip(points, best.tolist())}


def _chord_km(dot: float) -> float:
    """The km between two points whose unit vectors' dot product is *dot* (half their chord is
    sqrt((1 - dot) / 2))."""
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, max(0.0, (1.0 - dot) / 2))))


@lru_cache(maxsize=65536)
def _unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    """The point (lat, lon) on the unit sphere."""
    la, lo = math.radians(lat), math.radians(lon)
    return math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)
