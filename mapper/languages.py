"""The languages a text may be in, and what reading names in each takes: the words that tell a text is in it,
where it is spoken, whether it capitalises its nouns, the case endings its names take, its commonest words.

A text is English unless it is clearly in another of :data:`LANGUAGES` (:func:`text_language`). In a text in
French or Polish a capitalised common word of the language opens a sentence ("Sur le quai", "Samo"), Polish puts
names in cases ("do Kazachstanu"), and so on: the geoparser reads each text by its language's record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mapper.cache import memo
from mapper.gazetteer import normalize

COMMON_WORDS = 10_000  # a language's commonest words (wordfreq) that name no small place when capitalised
LANGUAGE_SAMPLE = 3000  # characters at a text's start that tell its language
ENGLISH_THE = 5  # a text with this many " the " in its sample is English
LANGUAGE_MIN_WORDS = 8  # a language besides English needs this many of its telling words, and twice English's
_LOWER_WORDS = re.compile(r"(?<![^\W\d_])[^\W\d_A-Z]+(?![^\W\d_])")

CaseEndings = tuple[tuple[str, tuple[str, ...]], ...]
LATIN_CAPITALS = "A-ZĄĆĘŁŃÓŚŹŻƏÇŞÖÜİĞ"  # (Polish, Azerbaijani, Turkish ones too: "Ələtdən", "Çindən")
CYRILLIC_CAPITALS = "А-ЯЁӨҮҶҒҚҲӮӢ"  # (Mongolian's and Tajik's too)
KAZAKH_CAPITALS = "А-ЯЁӘҒҚҢӨҰҮҺІ"  # Kazakh's in Cyrillic
UZBEK_CASE_SUFFIXES = ("gacha", "dagi", "ning", "dan", "ga", "ka", "qa", "da", "ni")  # which join a name as it is


@dataclass(frozen=True)
class Language:
    """What the geoparser knows of one language."""

    code: str  # ISO 639-1, as wordfreq and CLDR have it
    telling: frozenset[str]  # its commonest short words, which tell a text is in it
    # where it is spoken: a common word of it that names a town of 10,000 there is the town ("Kars", "Mersin");
    # none for German, whose nouns are German towns' names too ("Norden", "Wetter")
    countries: frozenset[str] = frozenset()
    # where it is the country's language: a city of 100,000 there that carries a common word of it only as another
    # name is the city, its local name ("Nürnberg", Nuremberg; not "Essen" or "Halle", their own names), with the
    # countries above
    home: frozenset[str] = frozenset()
    # its articles: a common word after one is the word, not a town that bears it ("das Essen", the meal; "die
    # Halle", a hall), though a country or a region may take one ("die Türkei", "das Ruhrgebiet")
    articles: frozenset[str] = frozenset()
    # a capitalised common word of it names no small place anywhere, not only opening a sentence: German nouns,
    # Turkish names of things ("Deniz Ticaret Limanı")
    nouns_capitalised: bool = False
    # endings of a name's last word in other cases, as keys spell them (ą, ę, ś, ć… fold to a, e, s, c; ı to i),
    # each with the endings its nominative may have instead, the longest first
    case_endings: CaseEndings = ()
    # endings of an adjective after its noun in a name of two words, in other cases, with its nominative's
    # (Polish "Morzem Czarnym", "Europy Środkowej": Morze Czarne, Europa Środkowa); the longest first
    adjective_endings: CaseEndings = ()
    # the capitals its names open with, a regular expression's set: its case forms are looked for among the words
    # they open (Latin letters by default; Mongolian's and Tajik's Cyrillic ones, Armenian's)
    capitals: str = LATIN_CAPITALS
    # the ending that links a name to the capitalised name after it (Tajik's izofat: "Кундузи Афғонистон", Kunduz of
    # Afghanistan; not before a lower-case word: "Рӯзи Ваҳдати миллӣ", the Day of National Unity)
    izofat: str = ""
    # lower-case words that end the name of a firm or a body after a place's name and a few lower-case words (Uzbek
    # "Osiyo taraqqiyot banki", the Asian Development Bank; "Navoiy kon-metallurgiya kombinati"), as keys spell them
    organisation_tails: frozenset[str] = frozenset()


def _joined_endings(*endings: str) -> CaseEndings:
    """Suffixes that join a name as it is (Uzbek, Azerbaijani), the longest first."""
    return tuple((ending, ("",)) for ending in sorted(endings, key=lambda e: (-len(e), e)))


LANGUAGES: dict[str, Language] = {language.code: language for language in (
    Language("en", frozenset("the of and to in is that for with on as was by are from this be at has".split())),
    Language("fr", frozenset("le la les des du une est et dans pour sur avec qui au aux sont ces cette pas ont".split()),
             countries=frozenset(("FR", "BE", "CH", "LU"))),
    # "do Kazachstanu", "z Xi'anu", "do Duisburga", "w Rosji", "przez Rosję", "w Warszawie", "Moskwy", "do
    # Brześcia", "z Chin", "w Chinach", "w Polsce", "do Poznania", "do Niemiec", "z Małaszewicz", "w Małaszewiczach"
    Language("pl", frozenset("się jest oraz przez nie na do że od są dla jak ale także który która które po ze w z i"
                             .split()),
             countries=frozenset(("PL",)),
             case_endings=(("czech", ("cy",)), ("ach", ("y", "", "e")), ("ami", ("y", "e")), ("dze", ("ga",)),
                           ("iec", ("cy",)),
                           ("ce", ("ka",)), ("cia", ("c",)), ("ciu", ("c",)), ("iem", ("",)), ("ji", ("ja",)),
                           ("je", ("ja",)), ("ia", ("",)), ("ie", ("a", "")), ("iu", ("",)), ("em", ("", "e")),
                           ("u", ("", "e")), ("a", ("", "e")), ("e", ("a",)), ("y", ("a",)), ("i", ("a", "")),
                           ("", ("y", "e"))),
             adjective_endings=(("iego", ("ie", "i")), ("iemu", ("ie", "i")), ("ego", ("e", "y")), ("emu", ("e", "y")),
                                ("iej", ("ia",)), ("im", ("ie", "i")), ("ym", ("e", "y")), ("ej", ("a",)))),
    # genitives: "Kasachstans", "Georgiens"
    Language("de", frozenset("der die das und ist nicht mit von den dem für auf ein eine sich auch im zu wird".split()),
             nouns_capitalised=True, case_endings=(("es", ("",)), ("s", ("",))), home=frozenset(("DE", "AT", "CH")),
             articles=frozenset("der die das dem den des ein eine einer einem einen eines".split())),
    Language("es", frozenset("el los las del y en que por con para una es se al como más su".split()),
             countries=frozenset(("ES",))),
    Language("it", frozenset("il della di che per con una sono gli delle dei nel alla è non si".split()),
             countries=frozenset(("IT", "CH"))),
    Language("tr", frozenset("ve bir bu ile için olarak daha çok gibi olan ise kadar sonra".split()),
             countries=frozenset(("TR",)), nouns_capitalised=True),
    # "Toshkentdan", "Samarqandga", "Eronga", "Buxoroda"
    Language("uz", frozenset("va bilan uchun ham esa yil yilda hamda orqali tomonidan mumkin qilish yangi shu bu temir"
                             " bir ikki uch ichki tashqi katta asosiy xalqaro davlat umumiy"  # ("Bir kun": no Beed;
                             .split()),  # "Ichki bozor", the home market: no Ichki, Crimea; round 74)
             countries=frozenset(("UZ",)),
             case_endings=_joined_endings(*UZBEK_CASE_SUFFIXES),
             organisation_tails=frozenset(("banki", "jamg'armasi", "kombinati", "universiteti", "instituti", "zavodi",
                                           "fabrikasi", "kompaniyasi", "korporatsiyasi", "agentligi", "qo'mitasi",
                                           "assotsiatsiyasi", "birlashmasi", "jamiyati", "akademiyasi"))),
    # Mongolian (Cyrillic), whose suffixes join a name as it is, by its vowels: "Улаанбаатараас", "Эрээнээс",
    # "Баотоугаар", "Ганцмодын", "Эрээнд", "Улаанбаатарт", "Тяньжинийг", "Оюутолгойн" (as keys spell them: й is и)
    Language("mn", frozenset("ба болон нь юм байна бол энэ тэр гэж гэв гэсэн байгаа бөгөөд мөн оны онд жил хүртэл улсын "
                             "хоорондын төмөр зам бид тэрээр сая дээр".split()),
             countries=frozenset(("MN",)),
             case_endings=_joined_endings("гаас", "гээс", "гоос", "гөөс", "гаар", "гээр", "гоор", "гөөр", "гиин",
                                          "аас", "ээс", "оос", "өөс", "аар", "ээр", "оор", "өөр", "иин", "ииг",
                                          "тай", "тэй", "той", "руу", "рүү", "луу", "лүү",
                                          "ын", "ыг", "ад", "эд", "од", "өд", "н", "д", "т", "г"),
             capitals=CYRILLIC_CAPITALS),
    # Tajik (Cyrillic): the object's -ро and the enclitic -у ("and") join a name ("Душанберо", "Бохтару Кӯлоб"), and
    # the izofat's -и before another ("Кундузи Афғонистон")
    Language("tg", frozenset("ва дар аз ки бо барои мебошад шуд соли кард буд оид байни тавассути роҳи оҳан мегардад "
                             "гуфт мешавад намуда".split()),
             countries=frozenset(("TJ",)), case_endings=_joined_endings("ро", "у"), izofat="и",
             capitals=CYRILLIC_CAPITALS),
    # Turkmen (Latin): its suffixes join a name, a stem's last k or t voiced before a vowel ("Aşgabatdan",
    # "Türkmenbaşa", "Türkmenabada", "Etrege", "Gazagystanyň"), as keys spell them (ş, ň, ý, ä fold to s, n, y, a)
    Language("tk", frozenset("we bilen üçin bu boýunça hem bolup arkaly ýyl ýylyň bolsa bolan edildi bolar ýaly "
                             "görä ýol ýoly demir".split()),
             countries=frozenset(("TM",)), capitals="A-ZÄÇŇÖŞÜÝŽ",
             case_endings=(("ndaky", ("",)), ("daky", ("", "t")), ("ndan", ("",)), ("nden", ("",)),
                           ("nyn", ("",)), ("nin", ("",)), ("dan", ("", "t")), ("den", ("", "t")), ("tan", ("",)),
                           ("ten", ("",)), ("nda", ("",)), ("nde", ("",)), ("yn", ("",)), ("in", ("",)),
                           ("un", ("",)), ("da", ("", "t")), ("de", ("", "t")), ("ta", ("",)), ("te", ("",)),
                           ("na", ("",)), ("ne", ("",)), ("ga", ("", "k")), ("ge", ("", "k")), ("ka", ("",)),
                           ("ke", ("",)), ("ny", ("",)), ("ni", ("",)), ("a", ("", "y", "i")), ("e", ("", "i")),
                           ("y", ("",)), ("i", ("",)))),
    # Armenian: the genitive's -ի (-ու after -ի: "Գյումրու"), the ablative's -ից, the locative's -ում, the
    # instrumental's -ով and the articles -ը, -ն join a name ("Երևանից", "Գյումրիում", "Մեղրին")
    Language("hy", frozenset("և է որ են այդ այն համար մասին նաև կողմից հետ ինչպես էր իր մեջ միջև տարի բայց "
                             "ինչը".split()),
             countries=frozenset(("AM",)), capitals="Ա-Ֆ",
             case_endings=(("ուց", ("ի",)), ("ու", ("ի",)), ("ից", ("",)), ("ում", ("",)), ("ով", ("",)),
                           ("ին", ("", "ի")), ("ի", ("",)), ("ը", ("",)), ("ն", ("",)))),
    # (Kyrgyz and Kazakh case forms are Cyrillic: the gazetteer reads them in any text, see TURKIC_CASE_ENDINGS)
    Language("ky", frozenset("жана менен үчүн боюнча бул деп болуп анын бир ошондой темир чек жол".split())),
    # Kazakh, in Cyrillic (whose case forms the gazetteer reads in any text) or in the Latin alphabet of 2021, whose
    # suffixes join a name as keys spell them (ý, ǵ, ń, ı fold to y, g, n, i): "Aqtaýdan", "Astanada", "Bakýge",
    # "Qytaıdan", "Gruzııanyń"
    Language("kk", frozenset("және үшін бойынша бұл деп болып оның бір сондай темір жол jáne úshin boıynsha bul dep "
                             "bolyp onyń sondaı temir jol men de da ol bıyl".split()),
             case_endings=_joined_endings("ndagy", "ndegi", "dagy", "degi", "tagy", "tegi", "nyn", "nin", "dyn",
                                          "din", "tyn", "tin", "nan", "nen", "dan", "den", "tan", "ten", "nda",
                                          "nde", "da", "de", "ta", "te", "ga", "ge", "qa", "ke", "na", "ne", "a", "e",
                                          "ny", "ni", "dy", "di", "ty", "ti"),
             capitals="A-ZÁǴŃÓÚÝŪŞÇІ"),
    # "Bakıdan", "Qazaxıstana", "Gürcüstanda", "Türkiyəyə", "Çindən", "Azərbaycanın"
    Language("az", frozenset("və ilə üçün olan isə həm görə sonra artıq daha çox bildirib də üzrə edir olunur "
                             "tərəfindən ərzində həmçinin etmək olaraq dəmir yük yüklər ildə".split()),
             countries=frozenset(("AZ",)),
             case_endings=_joined_endings("ndaki", "ndəki", "daki", "dəki", "ndan", "ndən", "dan", "dən", "tan", "tən",
                                          "nda", "ndə", "da", "də", "ta",
                                          "tə", "nin", "nun", "in", "un", "ya", "yə", "na", "nə", "ni", "nu", "a", "ə",
                                          "i", "u")),
    # Latvian: a name's cases by its ending, as keys spell them (ā, ī, ē, ķ… fold to a, i, e, k): "Rīgas", "Rīgu",
    # "Kazahstānai" (-a), "Rēzeknes", "Rēzeknei" (-e), "Ventspilī", "Daugavpilij" (-s, -is), "Krieviju" (-ija)
    Language("lv", frozenset("un ir no uz ar par kas arī lai kā bet tas ka gadā pēc vai tika tiek savukārt jau līdz "
                             "kuru kurš tā šajā".split()),
             countries=frozenset(("LV",)), capitals="A-ZĀČĒĢĪĶĻŅŠŪŽ",
             case_endings=(("ij", ("s", "is")), ("as", ("a",)), ("ai", ("a",)), ("es", ("e",)), ("ei", ("e",)),
                           ("u", ("a", "s")), ("i", ("e", "s", "is")))),
)}
_LANGUAGES_OF = {w: tuple(code for code, language in LANGUAGES.items() if w in language.telling)
                 for w in set().union(*(language.telling for language in LANGUAGES.values()))}


def text_language(text: str) -> str:
    """The code of the language *text* is written in (:data:`LANGUAGES`), told by the share of its words in its
    first LANGUAGE_SAMPLE characters that are each language's telling ones: English where it is not clearly
    another (Russian and Chinese texts too, which are read as ever)."""
    if text.count(" the ", 0, LANGUAGE_SAMPLE) >= ENGLISH_THE:  # (most texts: English, told at once)
        return "en"
    counts = dict.fromkeys(LANGUAGES, 0)
    languages_of = _LANGUAGES_OF
    for word in _LOWER_WORDS.findall(text, 0, LANGUAGE_SAMPLE):
        for code in languages_of.get(word, ()):
            counts[code] += 1
    best = max(counts, key=lambda code: counts[code])
    return best if counts[best] >= max(LANGUAGE_MIN_WORDS, 2 * counts["en"]) else "en"


def case_forms_nominatives(key: str, language: str) -> list[str]:
    """The keys *key*, a name in a text in *language* (:attr:`Language.case_endings`), would have in the
    nominative if its last word were in another case, most likely first (none for a last word under four
    letters)."""
    head, _, last = key.rpartition(" ")
    lead = f"{head} " if head else ""
    if len(last) < 4 or not last.replace("'", "").isalpha():
        return []
    endings = LANGUAGES[language]
    out = [f"{lead}{nominative}" for nominative in _nominatives(last, endings.case_endings)]
    if head and " " not in head and endings.adjective_endings:  # a noun and its adjective: both in the nominative
        adjectives = [last[: len(last) - len(ending)] + n for ending, nominatives in endings.adjective_endings
                      if last.endswith(ending) for n in nominatives]
        out += [f"{noun} {adjective}" for noun in (head, *_nominatives(head, endings.case_endings))
                for adjective in adjectives]
    return list(dict.fromkeys(out))


def _nominatives(word: str, case_endings: CaseEndings) -> list[str]:
    """*word* in the nominative, were it in another case of *case_endings* (:func:`case_forms_nominatives`)."""
    out = []
    for ending, nominative_endings in case_endings:
        stem = word[: len(word) - len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and (ending or stem[-1] not in "aeiouy"):  # ("Chin": Chiny)
            out += [f"{stem}{n}" for n in nominative_endings if f"{stem}{n}" != word
                    and not (n == "" and ending in ("ie", "i") and stem.endswith(("sk", "ck")))]  # (an adjective:
            # "Morze Kaspijskie" is no Kaspiysk)
    return out


@lru_cache(maxsize=16)
def common_words(language: str) -> frozenset[str]:
    """The COMMON_WORDS commonest words of *language* (wordfreq, cached on disk), as keys, and its telling ones
    (wordfreq has no Uzbek: "Shu", "Temir"): a capitalised one in a text of that language opens a sentence ("Sur
    le quai", "Samo"), it names no small place."""
    from importlib.metadata import version

    from wordfreq import available_languages, top_n_list

    def compute() -> frozenset[str]:
        if language not in available_languages():  # (Uzbek: none)
            return frozenset()
        return frozenset(normalize(w) for w in top_n_list(language, COMMON_WORDS)) - {""}

    found = memo("common-words", f"{language}|{version('wordfreq')}|{COMMON_WORDS}|2", compute, frozenset,
                 lambda v: all(isinstance(w, str) for w in v))
    return found | {normalize(w) for w in LANGUAGES[language].telling} if language in LANGUAGES else found


@lru_cache(maxsize=65536)
def language_zipf(word: str, language: str) -> float:
    """How common *word* is in *language* on the Zipf scale (wordfreq; 0 if unknown or for a language it lacks).
    A Chinese word is looked up in wordfreq's list as it is, not cut into words first: wordfreq's own cutting
    would load jieba's cache from the shared temporary folder, where anyone may have planted one."""
    from wordfreq import available_languages, freq_to_zipf, zipf_frequency

    if language == "zh":
        frequency = _chinese_frequencies().get(word, 0.0)
        return round(freq_to_zipf(frequency), 2) if frequency > 0 else 0.0  # (as zipf_frequency rounds)
    return zipf_frequency(word, language) if language in available_languages() else 0.0


@lru_cache(maxsize=1)
def _chinese_frequencies() -> dict[str, float]:
    """wordfreq's Chinese words and their frequencies."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("zh")


@lru_cache(maxsize=1)
def han_segmenter():
    """A jieba tokenizer whose prefix dictionary is built once and kept in this tool's cache (see
    :func:`mapper.cache.memo`), never read from jieba's cache in the shared temporary folder: a file planted there
    by another user had made 西安 vanish, an empty one stopped every run; nor does it log."""
    import jieba

    tokenizer = jieba.Tokenizer()

    def build() -> tuple[dict[str, int], int]:
        with tokenizer.get_dict_file() as dictionary:
            return tokenizer.gen_pfdict(dictionary)

    tokenizer.FREQ, tokenizer.total = memo(
        "jieba-prefix", f"{jieba.__version__}|1", build, tuple,
        lambda v: len(v) == 2 and isinstance(v[0], dict) and len(v[0]) > 100_000 and v[1] > 0)
    tokenizer.initialized = True
    return tokenizer
