"""A battery of bad inputs: each gets one line naming the file, line or id, exit 2,
and the previous output stays exactly as it was."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import cli
from mapper.errors import DataError
from tests.conftest import ROOT, output_digest

CN_KZ = "corridors/crossings/china-kazakhstan.toml"
HUBS = "corridors/hubs/hubs.toml"
EAST_WEST = "corridors/routes/east-west.toml"
FIGURES = "corridors/figures.toml"


def _line_of(rel: str, text: str) -> int:
    """The number of the line of the project's file *rel* that starts with *text*."""
    lines = (ROOT / rel).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(text))


def _sub(rel, old, new, encoding="utf-8"):
    """Replace the first *old* in file *rel* by *new*, written in *encoding* (the rest stays UTF-8)."""
    def mutate(root: Path):
        p = root / rel
        data = p.read_bytes()
        assert old.encode() in data, (rel, old)
        p.write_bytes(data.replace(old.encode(), new.encode(encoding), 1))
    return mutate


def _append(rel, text):
    def mutate(root: Path):
        with open(root / rel, "a", encoding="utf-8") as fh:
            fh.write("\n" + text)
    return mutate


def _file_for_folder(rel):
    def mutate(root: Path):
        shutil.rmtree(root / rel)
        (root / rel).write_text("")
    return mutate


def _remove(rel):
    def mutate(root: Path):
        (root / rel).unlink()
    return mutate


def _truncate(rel):
    def mutate(root: Path):
        data = (root / rel).read_bytes()
        (root / rel).write_bytes(data[: len(data) // 2])
    return mutate


def _write(rel, text, encoding="utf-8"):
    def mutate(root: Path):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(text.encode(encoding))
    return mutate


SRC = '[{ url = "https://example.org/x", title = "t", accessed = "2026-11-21" }]'
ROUTE = '''[[corridor]]
id = "test-route"
name = "Test"
status = "operational"
sources = ''' + SRC + '''
[[corridor.leg]]
mode = "road"
status = "operational"
nodes = [{nodes}]
'''

CASES = {
    "toml syntax": (_sub(HUBS, 'kind = "logistics_centre"', 'kind = "logistics_centre'), ["hubs.toml", "invalid TOML"]),
    "unknown key typo": (_sub(CN_KZ, 'status = "operational"', 'stauts = "operational"'), ["china-kazakhstan.toml", "stauts", "status"]),
    "unknown place in chain": (_sub(EAST_WEST, '"Astana|KZ"', '"Atlantis|KZ"'), ["east-west", "Atlantis"]),
    "swapped lat/lon": (_sub(CN_KZ, "lat = 45.20139\nlon = 82.55306", "lat = 82.55306\nlon = 45.20139"), ["dostyk-alashankou-rail", "swapped"]),
    "latitude out of range": (_sub(CN_KZ, "lat = 45.20139", "lat = 95.20139"), ["dostyk-alashankou-rail", "out of range"]),
    "duplicate id": (_append("corridors/crossings/other.toml", '[[crossing]]\nid = "dostyk-alashankou-rail"\nname = "x"\ncountries = ["CN", "KZ"]\nposts = ["a", "b"]\nmode = "rail"\nstatus = "planned"\nlat = 45.2\nlon = 82.55\nsources = ' + SRC), ["dostyk-alashankou-rail", "duplicate"]),
    "quote not in document": (_sub(HUBS, "began building a new transport and logistics hub in Selyatino", "began building a new spaceport in Selyatino"), ["selyatino-logistics-centre", "quote not found"]),
    "citation of a missing document": (_sub(HUBS, 'doc = "000_dda4d801d8b380c5.txt"', 'doc = "999_missing.txt"'), ["999_missing.txt"]),
    "jump between nodes": (_write("corridors/routes/test.toml", ROUTE.replace("{nodes}", '"Astana|KZ", "Vladivostok|RU"')), ["test-route", "km"]),
    "chain crosses itself": (_write("corridors/routes/test.toml", ROUTE.replace("{nodes}", '"Kokshetau|KZ", "Karaganda|KZ", "Pavlodar|KZ", "Zhezkazgan|KZ"')), ["test-route", "crosses itself"]),
    "bad corridor status": (_write("corridors/routes/test.toml", ROUTE.replace("{nodes}", '"Astana|KZ", "Karaganda|KZ"').replace('status = "operational"', 'status = "maybe"', 1)), ["test-route", "status", "maybe"]),
    "bad leg mode": (_write("corridors/routes/test.toml", ROUTE.replace("{nodes}", '"Astana|KZ", "Karaganda|KZ"').replace('mode = "road"', 'mode = "train"')), ["test-route", "mode"]),
    "countries not alphabetical": (_sub(CN_KZ, 'countries = ["CN", "KZ"]', 'countries = ["KZ", "CN"]'), ["dostyk-alashankou-rail", "alphabetical"]),
    "estimate not marked low": (_sub("corridors/crossings/russia-kazakhstan-road.toml", 'confidence = "low"\nestimated_from = ["geonames:1484943"]', 'confidence = "high"\nestimated_from = ["geonames:1484943"]'), ["ubagan-zverinogolovskoe-road", "estimated"]),
    # (hostile pass 28, E6: check said "ok: 0 corridors", and build made a map of none)
    "a file where the routes' folder goes": (_file_for_folder("corridors/routes"), ["corridors/routes", "is not a folder"]),
    "a required corridor missing": (_remove("corridors/routes/xian-selyatino.toml"), ["no corridor 'xian-selyatino'"]),
    "one post": (_sub(CN_KZ, 'posts = ["Alashankou", "Dostyk"]', 'posts = ["Alashankou"]'), ["dostyk-alashankou-rail", "two post"]),
    # (hostile pass 28, E1: three of each stopped every command with an IndexError, geocode too)
    "three posts of three countries": (_sub(CN_KZ, 'countries = ["CN", "KZ"]\nposts = ["Alashankou", "Dostyk"]\n'
                                            'post_names = [["Алашанькоу"], []]',
                                            'countries = ["CN", "KZ", "RU"]\nposts = ["Alashankou", "Dostyk", "Zz"]\n'
                                            'post_names = [["Алашанькоу"], [], []]'),
                                       ["dostyk-alashankou-rail", "two countries and two post"]),
    "post names shaped wrong": (_sub("corridors/crossings/russia-kazakhstan-road.toml", 'post_names = [["Kayrak", "Кайрак", "Қайрақ"], ["Bugristoye", "Бугристое"]]',
                                     'post_names = ["Kayrak", "Bugristoye"]'), ["kairak-bugristoe-road", "post_names"]),
    "post names of one post": (_sub("corridors/crossings/russia-kazakhstan-road.toml", 'post_names = [["Kayrak", "Кайрак", "Қайрақ"], ["Bugristoye", "Бугристое"]]',
                                    'post_names = [["Kayrak"]]'), ["kairak-bugristoe-road", "post_names"]),
    "figure without year": (_sub(FIGURES, "year = 2024", 'year = "2024"'), ["figures.toml", "year"]),
    "country not ISO-2": (_sub(HUBS, 'country = "RU"', 'country = "Russia"'), ["hubs.toml", "ISO-2"]),
    "bad feature class": (_write("geodata/places/zz.toml", '[[place]]\nid = "zz"\nname = "Zz"\ncountry = "KZ"\nfeature_class = "X"\nlat = 50.0\nlon = 70.0\nsources = ' + SRC), ["zz.toml", "feature_class"]),
    "no sources": (_write("corridors/routes/test.toml", ROUTE.replace("{nodes}", '"Astana|KZ", "Karaganda|KZ"').replace("sources = " + SRC, "sources = []")), ["test-route", "sources"]),
    "crossing far from its border": (_sub(CN_KZ, "lat = 45.20139\nlon = 82.55306", "lat = 43.25\nlon = 76.95"), ["dostyk-alashankou-rail", "border"]),
    "unknown crossing in chain": (_write("corridors/routes/test.toml", ROUTE.replace("{nodes}", '"Astana|KZ", "crossing:nowhere"')), ["test-route", "nowhere"]),
    # (a hub at its city's point after the city: hostile pass 30, S11)
    "leg of 0 km": (_write("corridors/routes/test.toml", ROUTE.replace("{nodes}", '"hub:wildberries-almaty", "Almaty|KZ"')), ["test-route", "a leg of 0.00 km"]),
    "legs not connected": (_write("corridors/routes/test.toml", ROUTE.replace("{nodes}", '"Astana|KZ", "Karaganda|KZ"') + '[[corridor.leg]]\nmode = "road"\nstatus = "operational"\nnodes = ["Pavlodar|KZ", "Semey|KZ"]\n'), ["test-route", "previous leg"]),
    "data file not UTF-8": (_write("corridors/hubs/zz.toml", '# Ürümqi\n[[hub]]\n', encoding="latin-1"), ["zz.toml", "UTF-8"]),
    "unknown table": (_write("corridors/hubs/zz.toml", '[[hubz]]\nid = "x"\n'), ["zz.toml", "hubz"]),
    "country label point outside the country": (_sub("geodata/countries.geojson", '"label_lat":48.1572,"label_lon":67.2932', '"label_lat":10.0,"label_lon":10.0'), ["countries.geojson", "KZ", "label point (10.0, 10.0)", "outside its outline"]),
    # (hostile pass 6, E6: a neighbour's city near the border passed as within 30 km)
    "country label point in a neighbour": (_sub("geodata/countries.geojson", '"label_lat":48.1572,"label_lon":67.2932', '"label_lat":41.2995,"label_lon":69.2401'), ["countries.geojson", "KZ", "label point (41.2995, 69.2401)", "outside its outline (it must lie inside)"]),
    "hub kind that is no term": (_sub(HUBS, 'kind = "dry_port"', 'kind = "x\\" onmouseover=\\"alert(1)"'), ["kind must be a term"]),
    "alternate name with no letter": (_sub(HUBS, 'alt_names = ["Селятино", ', 'alt_names = ["-", '), ["selyatino-logistics-centre", "alt_names holds '-'"]),
    "hub outside its country": (_sub(HUBS, "lat = 55.51514\nlon = 36.97746", "lat = 48.85\nlon = 2.35"), ["selyatino-logistics-centre", "outside RU"]),
    "manifest broken": (_write("seeds/manifest.toml", "[[document]\nfile = 1"), ["manifest.toml", "invalid TOML"]),
    "citation of a file outside the seeds": (_sub(HUBS, 'doc = "000_dda4d801d8b380c5.txt"', 'doc = "/etc/passwd"'),
                                             ["hubs.toml", "selyatino-logistics-centre", "/etc/passwd", "without '..'"]),
    # (hostile pass 29, S2: a hidden folder's document, which builds never read, had been cited)
    "citation of a hidden folder's document": (_sub(HUBS, 'doc = "000_dda4d801d8b380c5.txt"', 'doc = ".hid/a.txt"'),
                                               ["hubs.toml", ".hid/a.txt", "hidden folder"]),
    "citation climbing out of the seeds": (_sub(HUBS, 'doc = "000_dda4d801d8b380c5.txt"', 'doc = "../../etc/passwd"'),
                                           ["hubs.toml", "../../etc/passwd", "relative to seeds/"]),
    "crossing of one country": (_sub(CN_KZ, 'countries = ["CN", "KZ"]', 'countries = ["KZ", "KZ"]'),
                                ["dostyk-alashankou-rail", "two different ISO-2 codes"]),
    "blank name": (_sub(HUBS, 'name = "Selyatino transport and logistics centre"', 'name = "   "'),
                   ["hubs.toml", "selyatino-logistics-centre", "name must be non-empty text"]),
    "unknown place id in chain": (_write("corridors/routes/test.toml", ROUTE.replace("{nodes}", '"place:no-such-place", "Astana|KZ"')), ["test-route", "no-such-place"]),
    "chain node without country": (_write("corridors/routes/test.toml", ROUTE.replace("{nodes}", '"Astana", "Karaganda|KZ"')), ["test-route", "Name|CC"]),
    "word list shaped wrong": (_sub("geodata/stopnames.toml", 'venue_heads = ["arena", "house", "hotel", "stadium", "palace", "bridge",',
                                    "venue_heads = 5\nx = ["), [f"stopnames.toml:{_line_of('geodata/stopnames.toml', 'venue_heads = [')}",
                                                      "organisations.venue_heads", "list of words"]),
    "word list broken": (_append("geodata/stopnames.toml", "x = {a = 1,\n}"), ["stopnames.toml", "invalid TOML"]),
    "stale division code": (_sub("geodata/admin1-curated.tsv", "xinjiang\tCN", "xinjang\tCN"), ["admin1-curated.tsv", "xinjang", "build_admin1"]),
    "division code missing": (_sub("geodata/admin1-curated.tsv", "xinjiang\tCN\t13", "xinjiang\tCN\t"), ["admin1-curated.tsv", "place and a code"]),
    "division out of range": (_sub("geodata/admin1.tsv", "Texas Region\t29.76328", "Texas Region\t129.76328"), ["admin1.tsv", "line ", "lat, lon"]),
    "division table not UTF-8": (_sub("geodata/admin1.tsv", "Texas Region\t", "Texas Région\t", "latin-1"), ["admin1.tsv", "UTF-8", "build_admin1"]),
    "division table without header": (_write("geodata/admin1.tsv", "\x1b\x8f garbage, no header\n"), ["admin1.tsv", "header", "build_admin1"]),
    "division row cut short": (_append("geodata/admin1.tsv", "KZ\t99\tNowhere\tNowhere Region"), ["admin1.tsv", "line ", "fields"]),
    "CLDR name of no place": (_sub("geodata/cldr-names.tsv", "place:central-asia\tde\t", "place:central-asie\tde\t"),
                              ["cldr-names.tsv", "place:central-asie", "no curated place", "build_cldr_names"]),
    "CLDR name of no country": (_sub("geodata/cldr-names.tsv", "country:CN\tfr\t", "country:XZ\tfr\t"),
                                ["cldr-names.tsv", "country:XZ", "build_cldr_names"]),
    "CLDR name without id": (_append("geodata/cldr-names.tsv", "Kasachstan\tde\tKasachstan\tall"),
                             ["cldr-names.tsv", "line ", "an id"]),
    # (hostile pass 16, S2: a row twice, a language none of the 21, an invisible character no text matches)
    "CLDR name twice": (_append("geodata/cldr-names.tsv", "country:KZ\tde\tKasachstan\tall"),
                        ["cldr-names.tsv", "line ", "listed twice"]),
    "CLDR name of no language": (_append("geodata/cldr-names.tsv", "country:KZ\txx\tKazakhstanxx\tall"),
                                 ["cldr-names.tsv", "line ", "a language's code"]),
    "CLDR name with a zero-width space": (_append("geodata/cldr-names.tsv", "country:KZ\tfr\tKaza\u200bkhstan\tall"),
                                          ["cldr-names.tsv", "line ", "invisible"]),
    # (hostile pass 13, S5: a source read on no date, a manifest cited as a document, a node's code in lower case)
    "accessed not a date": (_sub(HUBS, 'transport-hub/", title = "Kazakhstan, Russia and China creating new transport hub '
                                       '(SeaNews, 2024-05-02)", accessed = "2026-11-21"',
                                 'transport-hub/", title = "Kazakhstan, Russia and China creating new transport hub '
                                 '(SeaNews, 2024-05-02)", accessed = "yesterday<b>"'), ["hubs.toml", "accessed must be"]),
    "manifest cited as a document": (_sub(HUBS, 'doc = "000_dda4d801d8b380c5.txt"', 'doc = "manifest.toml"'),
                                     ["hubs.toml", "manifest.toml", "document's suffix"]),
    "node's code in lower case": (_sub("corridors/routes/kalbatau-maikapchagai.toml", '"Zaysan|KZ"', '"Zaysan|kz"'),
                                  ["kalbatau-maikapchagai", "Zaysan|kz", "two capital letters"]),
    "neighbour not ISO-2": (_sub("geodata/neighbours.tsv", "KZ\tCN KG", "KZ\tChina KG"), ["neighbours.tsv", "line ", "ISO-2"]),
    "country outlines cut short": (_truncate("geodata/countries.geojson"), ["countries.geojson", "invalid JSON"]),
    "country outline of no shape": (_sub("geodata/countries.geojson", '"geometry":{"type":"Polygon","coordinates":[[[', '"geometry":{"type":"Polygon","coordinates":[[["x",'), ["countries.geojson", "feature 0 (AD)", "position"]),
    "country outline without iso": (_sub("geodata/countries.geojson", '"properties":{"iso":"KZ",', '"properties":{"iso":null,'), ["countries.geojson", "iso"]),
    "census names shaped wrong": (_sub("geodata/person_names.toml", "[census]", "[censuz]"), ["person_names.toml", "malformed name lists"]),
}

# Data that check once passed and build or route then choked on (or published): each is refused by check
# (exit 1), build and route (exit 2) with one line naming the file, line or record, and the problem.
COUNTRIES = "geodata/countries.geojson"
AD_RING = ("[[[1.70462,42.5032]", "[1.70462,42.5032]]]")  # Andorra's outline: first and last position
CHECKED = {
    # D5: gauges.toml was read by route alone, and unchecked
    "gauge not a number": (_sub("geodata/gauges.toml", "mm = 1520", 'mm = "abc"'), ["gauges.toml:7", "'mm'", "wrong type"]),
    "gauge not ISO-2": (_sub("geodata/gauges.toml", 'countries = ["FI"]', 'countries = ["Finland"]'), ["gauges.toml:14", "1524", "countries", "ISO-2", "Finland"]),
    "gauge given twice": (_sub("geodata/gauges.toml", 'countries = ["FI"]', 'countries = ["FI", "KZ"]'), ["gauges.toml:14", "KZ", "gauge already (1520 mm)"]),
    # hostile pass 26: a name of no letter (S4: "-", a blank Braille pattern), a code of no country (S5: "XX")
    "name with no letter": (_sub(HUBS, 'name = "Selyatino transport and logistics centre"', 'name = "-"'), ["selyatino-logistics-centre", "name", "no letter"]),
    "blank braille name": (_sub(HUBS, 'name = "Selyatino transport and logistics centre"', 'name = "Selyatino\u2800hub"'), ["selyatino-logistics-centre", "invisible"]),
    "rail leg over the sea": (_write("corridors/routes/test.toml", ROUTE.replace("{nodes}", '"Aktau|KZ", "Baku|AZ"').replace('mode = "road"', 'mode = "rail"')), ["test-route", "rail leg", "over the sea"]),  # (S9)
    "sea leg over land": (_write("corridors/routes/test.toml", ROUTE.replace("{nodes}", '"Almaty|KZ", "Bishkek|KG"').replace('mode = "road"', 'mode = "sea"')), ["test-route", "sea leg", "over land"]),
    "country of no country": (_sub(HUBS, 'status = "under_construction"\ncountry = "RU"', 'status = "under_construction"\ncountry = "XX"'), ["selyatino-logistics-centre", "'XX'", "no country"]),
    # D6: the country outlines
    "outline out of range": (lambda root: [_sub(COUNTRIES, a, a.replace("1.70462", "500.70462"))(root) for a in AD_RING],
                             ["countries.geojson", "feature 0 (AD)", "coordinate out of range (500.70462, 42.5032)"]),
    "outline of NaN": (_sub(COUNTRIES, AD_RING[0], "[[[NaN,42.5032]"), ["countries.geojson", "feature 0 (AD)", "not a finite number (nan"]),
    "outline of 1e999": (_sub(COUNTRIES, AD_RING[0], "[[[1e999,42.5032]"), ["countries.geojson", "feature 0 (AD)", "not a finite number (inf"]),
    "outline ring not closed": (_sub(COUNTRIES, AD_RING[1], "[1.70462,42.6]]]"), ["countries.geojson", "feature 0 (AD)", "not closed"]),
    "outline iso twice": (_sub(COUNTRIES, '"id":"AD","properties":{"iso":"AD"', '"id":"AE","properties":{"iso":"AE"'),
                          ["countries.geojson", "feature 1 (AE)", "feature 0"]),
    # D7: years beyond any sense (9223372036854775807 broke the layers), word lists of the wrong type
    "year beyond 64 bits": (_sub(CN_KZ, "status_year = 1991", "status_year = 9223372036854775807"), ["china-kazakhstan.toml:5", "dostyk-alashankou-rail", "status_year out of range"]),
    "year of 10^23": (_sub(CN_KZ, "status_year = 1991", "status_year = 99999999999999999999999"), ["china-kazakhstan.toml:5", "status_year out of range"]),
    # fourth hostile pass, E2: a name that retitles or clears the terminal it is printed on
    "control character in a name": (_sub(CN_KZ, 'name = "Dostyk – Alashankou"', 'name = "Dostyk\\u001b]0;PWNED\\u0007 – Alashankou"'),
                                     ["china-kazakhstan.toml:5", "dostyk-alashankou-rail", "name holds the control character U+001B"]),
    "source url with no host": (_sub(HUBS, 'url = "https://seanews.ru/en/2024/05/02/en-kazakhstan-russia-and-china-creating-new-transport-hub/"', 'url = "http://"'),
                                ["hubs.toml", "selyatino-logistics-centre", "web address"]),
    "source url with a NUL": (_sub(HUBS, 'url = "https://seanews.ru/en', 'url = "https://sea\\u0000news.ru/en'), ["hubs.toml", "U+0000"]),
    "direction override in a name": (_sub(HUBS, 'name = "Selyatino', 'name = "Sel\\u202eyatino'), ["hubs.toml", "control character U+202E"]),
    "figure year out of range": (_sub(FIGURES, "year = 2024", "year = 20240"), ["figures.toml:14", "trade-turnover-kz-ru-2024-doc000", "year out of range"]),
    "demonym not text": (_sub("geodata/stopnames.toml", 'kazakh = "KZ"', "kazakh = 42"), ["stopnames.toml:8", "demonyms.kazakh", "ISO-2"]),
    "word list of numbers": (_sub("geodata/stopnames.toml", 'countries_as_words = ["china",', "countries_as_words = [1,"), ["stopnames.toml", "words.countries_as_words", "list of words"]),
    "water not text": (_sub("geodata/stopnames.toml", "[waters.after_the]\n", "[waters.after_the]\nzz = 1\n"), ["stopnames.toml", "waters.after_the.zz", "text"]),
    # D8: the manifest of the seeds
    "manifest broken": CASES["manifest broken"],
    "manifest escapes the seeds": (_sub("seeds/manifest.toml", 'file = "000_dda4d801d8b380c5.txt"', 'file = "../../etc/passwd"'),
                                   ["manifest.toml:6", "../../etc/passwd", "inside"]),
    "manifest names no document": (_sub("seeds/manifest.toml", 'file = "000_dda4d801d8b380c5.txt"', 'file = "999_missing.txt"'),
                                   ["manifest.toml:6", "999_missing.txt", "no such document"]),
    "manifest of a bad date": (_sub("seeds/manifest.toml", 'date = "2025-10-10"', 'date = "10 Oct 2025"'), ["manifest.toml:15", "001_ff5059f007ea33b0.txt", "date must be"]),
    "manifest field misspelt": (_sub("seeds/manifest.toml", 'outlet = "World', 'outlett = "World'), ["manifest.toml:6", "outlett", "outlet"]),
    # D9: countries.toml and aliases.toml against GeoNames
    "country iso twice": (_sub("geodata/countries.toml", 'iso = "KZ"', 'iso = "RU"'), ["countries.toml:30", "RU", "twice", "Kazakhstan"]),
    "country iso of three letters": (_sub("geodata/countries.toml", 'iso = "RU"', 'iso = "ZZZ"'), ["countries.toml:13", "ZZZ", "ISO-2"]),
    "country iso unknown": (_sub("geodata/countries.toml", 'iso = "RU"', 'iso = "QQ"'), ["countries.toml:13", "QQ", "no country in GeoNames"]),
    "alias of no GeoNames place": (_sub("geodata/aliases.toml", "geonameid = 1522684", "geonameid = 999999999999"),
                                   ["aliases.toml:5", "999999999999", "no GeoNames place"]),
    "alias shown blank": (_sub("geodata/aliases.toml", 'shown = "Horgos"', 'shown = " "'),
                          ["aliases.toml:14", "1529377", "shown must be non-empty text"]),
    # D10: numbers that are not finite, wherever a data file holds one
    "figure value nan": (_sub(FIGURES, "value = 26.34", "value = nan"), ["figures.toml:14", "trade-turnover-kz-ru-2024-doc000", "value must be a finite number"]),
    "figure value inf": (_sub(FIGURES, "value = 26.34", "value = -inf"), ["figures.toml:14", "value must be a finite number, not -inf"]),
    "hub latitude nan": (_sub(HUBS, "lat = 55.51514", "lat = nan"), ["hubs.toml", "selyatino-logistics-centre", "lat must be a finite number"]),
    # (nineteenth hostile pass: E3, E4, E5, E6, E7, S3, S4, S5, S6)
    "alt name with an invisible character": (_sub(HUBS, '"TLC Selyatino"', '"TLC Sel\u00adyatino"'),
                                             ["selyatino-logistics-centre", "invisible character"]),
    "word list entry with no word": (_sub("geodata/stopnames.toml", '"Forbes Kazakhstan", ', '"-", "Forbes Kazakhstan", '),
                                     ["stopnames.toml", "outlets.names", "'-' holds no word"]),
    "chain across the 180th meridian": (_write("corridors/routes/test.toml", ROUTE.replace("{nodes}", '"Anadyr|RU", "Nome|US"')),
                                        ["test-route", "crosses the 180th meridian"]),
    "node only a former name of its likeliest place": (
        _write("corridors/routes/test.toml", ROUTE.replace("{nodes}", '"Aleksandrovka|UA", "Mariupol|UA"')),
        ["test-route", "ambiguous place 'Aleksandrovka' in UA", "Donetsk", "name one by its id"]),
    "figure value beyond the field": (_sub(FIGURES, "value = 45000", "value = 1.7e308"), ["figures.toml", "beyond any figure"]),
    "figure period reversed": (_sub(FIGURES, 'period = "2022-01/2022-10"', 'period = "2022-13/2021-01 <img src=x>"'),
                               ["figures.toml", "period must be YYYY-MM/YYYY-MM"]),
    "page read on no day of the calendar": (_sub(CN_KZ, 'accessed = "2026-11-21"', 'accessed = "2026-02-30"'),
                                            ["china-kazakhstan.toml", "accessed must be the date the page was read"]),
    "page read in years to come": (_sub(CN_KZ, 'accessed = "2026-11-21"', 'accessed = "2999-01-01"'),
                                   ["china-kazakhstan.toml", "not to come"]),
    "overlapping country outlines": (lambda root: _overlap_cn(root), ["countries.geojson", "overlap", "km²"]),
    "estimate from no place": (_sub("corridors/crossings/russia-kazakhstan-road.toml", 'estimated_from = ["geonames:1484943"]',
                                    'estimated_from = ["geonames:1"]'), ["ubagan-zverinogolovskoe-road", "'geonames:1' is no place"]),
    "rail leg through a road crossing": (
        _write("corridors/routes/test.toml", ROUTE.replace("{nodes}", '"Taldykorgan|KZ", "crossing:dostyk-alashankou-road", '
                                                                     '"Bortala|CN"').replace('mode = "road"', 'mode = "rail"')),
        ["test-route", "a rail leg through 'crossing:dostyk-alashankou-road', a crossing of road only"]),
    "manifest lists a document under two names": (
        _append("seeds/manifest.toml", '[[document]]\nfile = "./000_dda4d801d8b380c5.txt"\ntitle = ""\noutlet = ""\n'
                                       'date = ""\nurl = ""\nauthor = ""\nnote = ""\n'), ["manifest.toml", "listed twice"]),
}


def _overlap_cn(root: Path) -> None:
    """China's outline with a square over western Kazakhstan added (hostile pass 19, E7)."""
    path = root / "geodata" / "countries.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    for feature in data["features"]:
        if feature["properties"]["iso"] == "CN":
            geometry = feature["geometry"]
            if geometry["type"] == "Polygon":
                geometry["type"], geometry["coordinates"] = "MultiPolygon", [geometry["coordinates"]]
            geometry["coordinates"].append([[[50, 42], [70, 42], [70, 56], [50, 56], [50, 42]]])
    path.write_text(json.dumps(data), encoding="utf-8")
CASES.update(CHECKED)


@pytest.fixture(scope="module")
def good_output(tmp_path_factory, gazetteer):
    out = tmp_path_factory.mktemp("out") / "output"
    result = CliRunner().invoke(cli, ["build", "--docs", str(ROOT / "seeds"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _mutated_project(tmp_path: Path, case: str, monkeypatch) -> Path:
    """A copy of the project's data and seeds with the mutation of *case* applied, made the data home."""
    root = tmp_path / "project"
    for folder in ("geodata", "corridors", "seeds"):
        shutil.copytree(ROOT / folder, root / folder)
    CASES[case][0](root)
    monkeypatch.setenv("CORRIDOR_MAPPER_HOME", str(root))
    return root


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_data_one_line_exit_2_output_untouched(case, tmp_path, good_output, monkeypatch):
    needles = CASES[case][1]
    root = _mutated_project(tmp_path, case, monkeypatch)
    before = output_digest(good_output)
    result = CliRunner().invoke(cli, ["build", "--docs", str(root / "seeds"), "--out", str(good_output)])
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert "Traceback" not in result.output
    assert output_digest(good_output) == before and not list(good_output.glob(".build-*"))


def test_check_reports_problems_with_exit_1(tmp_path, monkeypatch):
    root = _mutated_project(tmp_path, "quote not in document", monkeypatch)
    result = CliRunner().invoke(cli, ["check", "--docs", str(root / "seeds")])
    assert result.exit_code == 1 and "quote not found" in result.stderr


def test_check_loads_the_parser_s_word_lists(tmp_path, monkeypatch):
    """A broken stopnames.toml failed only the next build; check names it too."""
    root = _mutated_project(tmp_path, "word list broken", monkeypatch)
    result = CliRunner().invoke(cli, ["check", "--docs", str(root / "seeds")])
    assert result.exit_code == 1 and "stopnames.toml" in result.stderr and "invalid TOML" in result.stderr


@pytest.mark.parametrize("case", sorted(CHECKED))
def test_check_and_route_refuse_what_build_refuses(case, tmp_path, monkeypatch):
    """check said ok on these (D6-D10), route used them (D5): each now gives build's line (but for the
    parser's word lists, which route does not read)."""
    needles = CHECKED[case][1]
    root = _mutated_project(tmp_path, case, monkeypatch)
    result = CliRunner().invoke(cli, ["check", "--docs", str(root / "seeds")])
    assert result.exit_code == 1, (result.exit_code, result.output, result.exception)
    assert any(all(needle in line for needle in needles) for line in result.stderr.splitlines()), result.stderr
    if "stopnames.toml" in needles[0]:
        return
    result = CliRunner().invoke(cli, ["route", "Xi'an", "Duisburg"])
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and all(needle in lines[0] for needle in needles), result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("case", ["swapped lat/lon", "crossing far from its border", "quote not in document"])
def test_route_refuses_what_check_refuses(case, tmp_path, monkeypatch):
    """route ran on data check and build refuse (D5: a crossing with swapped lat/lon gave CN→KZ→CN→KZ)."""
    _mutated_project(tmp_path, case, monkeypatch)
    result = CliRunner().invoke(cli, ["route", "Xi'an", "Duisburg"])
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and all(needle in lines[0] for needle in CASES[case][1]), result.stderr
    assert result.stdout == ""


def _pipe(rel):
    def mutate(root: Path):
        os.mkfifo(root / rel)
    return mutate


def _link(rel, target):
    def mutate(root: Path):
        (root / rel).symlink_to(target)
    return mutate


def _sparse(rel, size):
    def mutate(root: Path):
        with open(root / rel, "wb") as fh:
            fh.truncate(size)
    return mutate


def _limit_memory():  # what reading /dev/zero whole ran into (at 23.8 GB, unlimited)
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
@pytest.mark.parametrize("case, commands", [
    ("pipe", ["check", "build", "route"]),
    ("link to /dev/zero", ["check", "build", "route"]),
    ("file too large", ["check", "route"]),
])
def test_data_file_that_is_no_regular_file(case, commands, tmp_path, gazetteer):
    """A pipe among the data files hung check, build and route (D1); a link to /dev/zero was read until the
    memory ran out (D2): a data file must be a regular file of a sane size, else one line names it."""
    from mapper.datafiles import MAX_DATA_BYTES

    mutate, rel, problem = {
        "pipe": (_pipe, "corridors/hubs/fifo.toml", "not a regular file (a device, pipe or socket)"),
        "link to /dev/zero": (lambda rel: _link(rel, "/dev/zero"), "corridors/hubs/zero.toml",
                              "not a regular file (a device, pipe or socket)"),
        "file too large": (lambda rel: _sparse(rel, MAX_DATA_BYTES + 1), "geodata/places/huge.toml",
                           "too large for a data file"),
    }[case]
    root = tmp_path / "project"
    for folder in ("geodata", "corridors", "seeds"):
        shutil.copytree(ROOT / folder, root / folder)
    mutate(rel)(root)
    args = {"check": ["check"], "route": ["route", "Xi'an", "Duisburg"],
            "build": ["build", "--docs", str(root / "seeds"), "--out", str(tmp_path / "output")]}
    for command in commands:
        proc = subprocess.run([sys.executable, "-m", "mapper", *args[command]], cwd=root, capture_output=True,
                              text=True, timeout=120, env={**os.environ, "CORRIDOR_MAPPER_HOME": str(root)},
                              preexec_fn=_limit_memory)
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"corridor-mapper: {root / rel}: {problem}"), (command, proc.stderr)
        assert proc.returncode == (1 if command == "check" else 2), (command, proc.returncode)
    assert not (tmp_path / "output").exists()


def test_out_is_a_file(tmp_path, gazetteer):
    from tests.conftest import run_cli

    target = tmp_path / "output"
    target.write_text("not a folder")
    proc = run_cli("build", "--docs", str(ROOT / "seeds"), "--out", str(target))
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "output" in proc.stderr and target.read_text() == "not a folder"


@pytest.mark.parametrize("args", [["build", "--no-such-option"], ["export"], ["route", "Astana"],
                                  ["mentions", "--format", "xml", "x.txt"], ["nonsense"]])
def test_usage_errors_are_one_line(args):
    from tests.conftest import run_cli

    proc = run_cli(*args)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr


def test_missing_docs_folder(tmp_path, gazetteer):
    result = CliRunner().invoke(cli, ["build", "--docs", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "not a directory" in result.stderr


def test_a_byte_order_mark_before_a_data_file_is_read(tmp_path, gazetteer):
    """Windows editors write a UTF-8 byte-order mark first; TOML's parser took it for "Invalid statement"."""
    root = tmp_path / "project"
    for folder in ("geodata", "corridors", "seeds"):
        shutil.copytree(ROOT / folder, root / folder)
    hubs = root / "corridors" / "hubs" / "hubs.toml"
    hubs.write_bytes(b"\xef\xbb\xbf" + hubs.read_bytes())
    proc = subprocess.run([sys.executable, "-m", "mapper", "check"], cwd=root, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "CORRIDOR_MAPPER_HOME": str(root)})
    assert proc.returncode == 0 and "26 hubs" in proc.stderr, proc.stderr


@pytest.mark.parametrize("case", ["3-D positions", "empty outline", "bow tie", "nested too deeply",
                                  "TOML nested too deeply"])
def test_malformed_outlines_and_nesting_are_one_line(tmp_path, gazetteer, case):
    """From the third hostile pass: each was "internal error" (ValueError, GEOSException, RecursionError)."""
    root = tmp_path / "project"
    for folder in ("geodata", "corridors", "seeds"):
        shutil.copytree(ROOT / folder, root / folder)
    outlines = root / "geodata" / "countries.geojson"
    data = json.loads(outlines.read_text(encoding="utf-8"))
    kz = next(f for f in data["features"] if f["properties"]["iso"] == "KZ")
    bow_tie = [[[60.0, 45.0], [70.0, 50.0], [70.0, 45.0], [60.0, 50.0], [60.0, 45.0]]]
    kz["geometry"] = {"3-D positions": {"type": "Polygon", "coordinates": [[[*p, 0.0] for p in bow_tie[0]]]},
                      "empty outline": {"type": "MultiPolygon", "coordinates": []},
                      "bow tie": {"type": "Polygon", "coordinates": bow_tie}}.get(case, kz["geometry"])
    text = json.dumps(data)
    if case == "nested too deeply":
        text = text[:-1] + ', "deep": ' + "[" * 5000 + "]" * 5000 + "}"
    outlines.write_text(text, encoding="utf-8")
    where = outlines
    if case == "TOML nested too deeply":
        where = root / "corridors" / "hubs" / "deep.toml"
        where.write_text("zzz = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mapper", "check"], cwd=root, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "CORRIDOR_MAPPER_HOME": str(root)})
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1 and str(where) in lines[0], proc.stderr
    assert "internal error" not in proc.stderr


def test_a_web_address_is_http_or_https_in_any_case_with_a_host():
    from mapper.datafiles import web_address

    assert [web_address(u) for u in ("HTTPS://example.org/x", "https://ok.org/p?q=1", "http://", "http://a b",
                                      "javascript:alert(1)", "ftp://x.org", "http://[x")] == [
        True, True, False, False, False, False, False]


def test_an_alias_shown_by_another_citys_name_is_a_problem(tmp_path, gazetteer):
    """Eleventh hostile pass, E4 d: ``shown = "Almaty"`` on Bishkek's record passed ``check``, and two places
    were shown as Almaty; a shown name of the place's own (Horgos for GeoNames' Qarasu) passes."""
    from types import SimpleNamespace

    from mapper.check import shown_name_problems

    aliases = tmp_path / "geodata" / "aliases.toml"
    aliases.parent.mkdir()
    source = '{ url = "https://example.org", title = "t", accessed = "2026-12-06" }'
    aliases.write_text(f'[[alias]]\ngeonameid = 1528675\nname = "Bishkek"\nnames = ["Pishpek"]\nshown = "Almaty"\n'
                       f'sources = [{source}]\n\n[[alias]]\ngeonameid = 1529377\nname = "Horgos"\nnames = ["Khorgos"]\n'
                       f'shown = "Horgos"\nsources = [{source}]\n', encoding="utf-8")
    found = list(shown_name_problems(SimpleNamespace(root=tmp_path, gazetteer=gazetteer)))
    assert len(found) == 1 and "geonameid 1528675: shown = 'Almaty' is a name of another place (Almaty, KZ" \
        in found[0], found
    for i, look_alike in enumerate(("Alma\u200bty", "Al\u00admaty", "\u0410lmaty", "Almaty, KZ", "Алматы")):
        root = tmp_path / f"look-alike-{i}"  # (twelfth pass, E4; a root each: aliases are read once per root)
        (root / "geodata").mkdir(parents=True)
        (root / "geodata" / "aliases.toml").write_text(
            f'[[alias]]\ngeonameid = 1528675\nname = "Bishkek"\nnames = ["Pishpek"]\nshown = "{look_alike}"\n'
            f'sources = [{source}]\n', encoding="utf-8")
        try:  # (an invisible character is refused as the record is read, as in any name)
            found = list(shown_name_problems(SimpleNamespace(root=root, gazetteer=gazetteer)))
        except DataError as exc:
            found = [exc.message]
        assert found, look_alike


def test_a_not_name_geonames_does_not_give_the_place_is_a_problem(tmp_path, gazetteer):
    """``not_names`` leaves out a name GeoNames gives a place (Taraz's medieval "Talas"): one it does not give it
    (a misspelling, the wrong geonameid) or that the record also gives among its names leaves nothing out."""
    from types import SimpleNamespace

    from mapper.check import not_name_problems

    source = '{ url = "https://example.org", title = "t", accessed = "2026-12-06" }'
    (tmp_path / "geodata").mkdir()
    (tmp_path / "geodata" / "aliases.toml").write_text(
        f'[[alias]]\ngeonameid = 1516905\nname = "Taraz"\nnames = ["Aulie-Ata"]\nnot_names = ["Talas", "Tallas", '
        f'"Aulie-Ata", "Talas", " Talas"]\nsources = [{source}]\n\n'  # (and, eighteenth hostile pass, E5: twice,
        f'[[alias]]\ngeonameid = 1527299\nname = "Talas"\nnames = []\nnot_names = ["Talas"]\n'  # padded, or a
        f'sources = [{source}]\n', encoding="utf-8")  # place's own name)
    found = list(not_name_problems(SimpleNamespace(root=tmp_path, gazetteer=gazetteer)))
    where = "geodata/aliases.toml: geonameid"
    assert found == [f"{where} 1516905: not_names 'Tallas': GeoNames gives this place no such name (nothing to "
                     "leave out)",
                     f"{where} 1516905: not_names 'Aulie-Ata' is among its names too",
                     f"{where} 1516905: not_names 'Talas' is written with spaces around it, or twice",
                     f"{where} 1516905: not_names ' Talas' is written with spaces around it, or twice",
                     f"{where} 1527299: not_names 'Talas' is the place's own name: it would be found by none"], found


def test_a_date_that_has_begun_is_judged_alike_in_every_time_zone():
    """A manifest's or source's date is accepted once it has begun somewhere on Earth (UTC+14), whatever the
    machine's time zone: it had passed under TZ=Pacific/Kiritimati and failed under UTC (hostile pass 30, S6)."""
    import datetime as dt

    latest = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=14)).date()
    days = [str(latest), str(latest + dt.timedelta(days=1))]
    script = f"from mapper.datafiles import _past_date; print([_past_date(d) for d in {days!r}])"
    said = {subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "TZ": tz}).stdout.strip()
            for tz in ("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Almaty")}
    assert said == {"[True, False]"}, said
