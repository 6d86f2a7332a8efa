"""Decoding documents: encodings, and bad files reported as one line."""

from __future__ import annotations

import os

import pytest

from mapper.documents import iter_chunks, iter_document_paths, read_document
from mapper.errors import InputError

TEXT = "Грузы из Уральска идут в Оренбург; Zaysan — Tugyl."


@pytest.mark.parametrize("encoding,guessed", [("utf-8", False), ("utf-8-sig", False), ("utf-16", False),
                                              ("cp1251", True)])
def test_decodes_declared_and_detected_encodings(tmp_path, encoding, guessed):
    p = tmp_path / "doc.txt"
    p.write_bytes((TEXT * 20).encode(encoding))
    doc = read_document(p)
    assert doc.text == TEXT * 20
    assert doc.guessed is guessed


def test_latin1_is_detected(tmp_path):
    p = tmp_path / "doc.txt"
    p.write_bytes(("Trains from Türkiye reach Köln and Duisburg via Małaszewicze? " * 5).encode("latin-1", "replace"))
    doc = read_document(p)
    assert "Türkiye" in doc.text and doc.guessed


@pytest.mark.parametrize("text,encoding", [
    ("Züge fahren über Brest nach Duisburg.", "latin-1"),  # (read as Big5 by a general guess)
    ("Грузы идут из Алматы в Москву через Оренбург.", "koi8_r"),  # (read as Thai)
    ("Грузы идут из Алматы в Москву через Оренбург.", "cp1251"),
    ("Tırlar Kapıkule ve İstanbul üzerinden Kars şehrine gidiyor.", "cp1254"),
    ("Les trains vont par la Géorgie et l'Azerbaïdjan à Brest.", "cp1252"),
    ("Vlaky jedou přes Brest do Duisburgu; řeka Odra je široká.", "cp1250")])
def test_the_field_s_single_byte_encodings_are_told_apart(tmp_path, text, encoding):
    """A short text in one of the field's single-byte encodings is read in it: the encoding whose reading has
    words, not case or script mixed inside them nor letters the field's languages rarely write (fourth hostile
    pass, E8)."""
    p = tmp_path / "doc.txt"
    p.write_bytes(text.encode(encoding))
    doc = read_document(p)
    assert doc.text == text and doc.guessed


def test_declared_encoding_wins(tmp_path):
    p = tmp_path / "doc.txt"
    p.write_bytes(TEXT.encode("cp1251"))
    assert read_document(p, "cp1251").text == TEXT


@pytest.mark.parametrize("declared,name", [("utf-16", "Düsseldorf"), ("utf-32-le", "Düsseldorf"),
                                           ("latin-1", "Düsseldorf"), ("cp1251", "Актау")])
def test_a_declared_encoding_the_bytes_belie_is_refused(tmp_path, declared, name):
    """A text declared in an encoding that would read it as other letters (UTF-8 read as UTF-16 is Chinese
    characters, and no place is found) is one line naming the file, whole or streamed; the same declaration on
    text in it, or on ASCII that reads alike in both, is read."""
    p = tmp_path / "doc.txt"
    text = f"Lorries from {name} reach Almaty.\n" * 3
    p.write_bytes(text.encode("utf-8"))
    for read in (lambda: read_document(p, declared), lambda: list(iter_chunks(p, declared))):
        with pytest.raises(InputError, match=f"declared {declared}, but") as err:
            read()
        assert str(p) in str(err.value)
    p.write_bytes(text.encode(declared))
    assert name in read_document(p, declared).text
    p.write_bytes(b"Lorries from Aktau reach Almaty.\n")
    assert read_document(p, "cp1251" if declared.startswith("utf") else declared).text.startswith("Lorries")


@pytest.mark.parametrize("make,message", [
    (lambda p: p.write_bytes(b""), "empty file"),
    (lambda p: p.write_bytes(b"   \n\t "), "empty document"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20), "binary"),
    (lambda p: p.mkdir(), "is a directory"),
    (lambda p: None, "no such file"),
])
def test_bad_documents_raise_one_line(tmp_path, make, message):
    p = tmp_path / "bad.txt"
    make(p)
    with pytest.raises(InputError) as err:
        read_document(p)
    assert message in str(err.value) and str(p) in str(err.value)
    assert "\n" not in str(err.value)


def test_symlink_loop_and_unreadable(tmp_path):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    with pytest.raises(InputError, match="cannot open"):
        read_document(loop)
    d = tmp_path / "dir"
    d.mkdir()
    os.symlink(d, d / "self")  # a directory symlink loop is not followed by the walk
    (d / "a.txt").write_text("Astana")
    assert [p.name for p in iter_document_paths([d])] == ["a.txt"]


def test_a_folder_s_hidden_files_and_folders_are_no_documents(tmp_path):
    """"--docs ." read ``.private/notes.txt`` into the map, and ``.venv``'s and ``.git``'s files (hostile pass 28,
    E4); a hidden file named on the command line is still read, as any file named so."""
    (tmp_path / ".private").mkdir()
    (tmp_path / ".private" / "notes.txt").write_text("My PIN is 4321, Almaty.")
    (tmp_path / ".hidden.txt").write_text("Astana")
    (tmp_path / "._a.txt").write_bytes(b"\x00\x05\x16\x07")  # (macOS's resource fork beside a copied file)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Aktau")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_document_paths([tmp_path])] == ["sub/a.txt"]
    assert list(iter_document_paths([tmp_path / ".hidden.txt"])) == [tmp_path / ".hidden.txt"]


def test_chunks_cover_the_text_exactly(tmp_path, monkeypatch):
    import mapper.documents as documents

    monkeypatch.setattr(documents, "CHUNK_CHARS", 1000)
    text = "".join(f"Line {i}: Aktau — Баку — Xi’an.\n" for i in range(2000))
    p = tmp_path / "big.txt"
    p.write_text(text, encoding="utf-8")
    chunks = list(iter_chunks(p))
    assert len(chunks) > 10
    assert "".join(c.text for c in chunks) == text
    assert all(text[c.offset: c.offset + len(c.text)] == c.text for c in chunks)


def test_decomposed_letters_and_stress_marks_are_read_as_the_letters(tmp_path, monkeypatch):
    """Text in Unicode's decomposed form (macOS, PDF extraction: "u" + a combining diaeresis) and Russian with
    stress marks ("Досты́к") is read composed and unstressed, whole or in chunks; a chunk's offset is into the text
    as decoded."""
    import unicodedata

    import mapper.documents as documents

    plain = "Trains from Türkiye reach Bakü, Şymkent and Qarağandy. Поезда идут через Достык и Семей.\n"
    written = unicodedata.normalize("NFD", plain).replace("Достык", "Досты\u0301к")
    assert written != plain and "Türkiye" not in written
    p = tmp_path / "nfd.txt"
    p.write_text(written * 800, encoding="utf-8")
    assert read_document(p).text == plain * 800
    monkeypatch.setattr(documents, "CHUNK_CHARS", 1000)
    chunks = list(iter_chunks(p))
    assert len(chunks) > 10 and "".join(c.text for c in chunks) == plain * 800
    ends = [c.offset for c in chunks[1:]] + [len(written * 800)]
    assert all(documents.composed((written * 800)[c.offset: end]) == c.text for c, end in zip(chunks, ends))


def test_offsets_are_into_the_text_as_decoded(tmp_path, monkeypatch, parser):
    """A mention's start and end are offsets into the text as decoded (the outside contract), though it is read
    composed: after a soft hyphen, a letter written decomposed, a stress mark or a zero-width space inside a word,
    every later offset had been shifted ("raw[12:18]" was "Alma\\xadt"; hostile pass 28, E9); whole or in chunks."""
    import unicodedata

    import mapper.documents as documents
    from mapper.pipeline import parse_path

    line = ("Trains from Alma\u00adty go to Mos\u00adcow, " + unicodedata.normalize("NFD", "Türkiye and Qarağandy")
            + ", then Досты\u0301к and Ak\u200btau.\n")
    p = tmp_path / "marks.txt"
    p.write_text(line * 40, encoding="utf-8")
    raw = p.read_text(encoding="utf-8")
    for streamed in (False, True):
        if streamed:  # (read in chunks of about 1,000 characters)
            monkeypatch.setattr(documents, "STREAM_THRESHOLD", 100)
            monkeypatch.setattr(documents, "CHUNK_CHARS", 1000)
        got = list(parse_path(parser, p)[0])
        assert [m.text for m in got[:6]] == ["Almaty", "Moscow", "Türkiye", "Qarağandy", "Достык", "Aktau"]
        assert len(got) == 240
        for m in got:
            assert documents.composed(raw[m.start: m.end]) == m.text, (m, raw[m.start: m.end])
        assert raw[got[0].start: got[0].end] == "Alma\u00adty"



def test_every_kind_of_line_end_ends_a_line_and_keeps_the_offsets(tmp_path, monkeypatch, gazetteer):
    """A classic Mac file's lone "\\r", a page break and Unicode's line separator end a line as "\\n" does, so a
    mention's context is its own sentence, not the whole paragraph; "\\r\\n" stays as written, and every offset
    is into the text as decoded (the line ends are swapped one for one)."""
    import json

    import mapper.documents as documents
    from tests.conftest import run_cli

    written = ("Trains from Almaty to Aktau.\rShips from Baku to Aktau.\fTrucks from Astana.\u2028"
               "Ferries reach Kuryk.\r\nBuses leave Shymkent.\r\n") * 300
    p = tmp_path / "mac.txt"
    p.write_text(written, encoding="utf-8", newline="")
    read = read_document(p).text
    assert len(read) == len(written) and "\r\n" in read
    assert read == written.replace("\r\n", "\0").replace("\r", "\n").replace("\f", "\n") \
        .replace("\u2028", "\n").replace("\0", "\r\n")
    monkeypatch.setattr(documents, "CHUNK_CHARS", 1000)
    assert "".join(c.text for c in iter_chunks(p)) == read
    got = [json.loads(line) for line in run_cli("mentions", str(p), "--format", "jsonl").stdout.splitlines()]
    assert [(m["text"], m["context"]) for m in got[:6]] == [
        ("Almaty", "Trains from Almaty to Aktau."), ("Aktau", "Trains from Almaty to Aktau."),
        ("Baku", "Ships from Baku to Aktau."), ("Aktau", "Ships from Baku to Aktau."),
        ("Astana", "Trucks from Astana."), ("Kuryk", "Ferries reach Kuryk.")]
    assert all(written[m["start"]: m["end"]] == m["text"] for m in got)

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ferries link Aktau and Baku</title>
<script>var cities = ["Moscow"]; document.write("London");</script><style>.nav {color: red}</style></head>
<body><nav><ul><li><a href="/europe">Europe</a></li><li><a href="/paris">Paris</a></li><li><a href="/tokyo">Tokyo</a></li></ul></nav>
<article><h1>Ferries link Aktau and Baku</h1>
<p>Cargo from Xi&#39;an reaches Aktau in ten days, officials said on Monday. The port of Kuryk handles trucks for Alat &amp; Poti.</p>
<p>Shippers said the Middle Corridor through Kazakhstan, Azerbaijan and Georgia carries more containers than ever.</p>
</article><footer><p>© 2025 Sydney Morning Herald. Offices in Chicago and Berlin.</p></footer></body></html>"""


def test_a_saved_web_page_is_read_as_its_article(tmp_path):
    p = tmp_path / "caspian.html"
    p.write_text(PAGE, encoding="utf-8")
    assert p in list(iter_document_paths([tmp_path]))
    text = read_document(p).text
    assert "Cargo from Xi'an reaches Aktau" in text and "Alat & Poti" in text  # entities decoded
    for chrome in ("Moscow", "London", "Paris", "Tokyo", "Sydney", "Chicago", "color"):
        assert chrome not in text, chrome


def test_a_very_large_web_page_is_read_the_same_way(tmp_path):
    """Pages over 2 MB are read by a linear extraction (trafilatura took 160 s for 17 MB): still the article,
    without menus, scripts and footers, every paragraph kept."""
    from mapper.documents import LARGE_PAGE_CHARS

    filler = "".join(f"<p>Report {i}: trains ran on time between the two stations.</p>\n" for i in range(40_000))
    page = PAGE.replace("</article>", filler + "</article>")
    assert len(page) > LARGE_PAGE_CHARS
    p = tmp_path / "big.html"
    p.write_text(page, encoding="utf-8")
    text = read_document(p).text
    assert "Cargo from Xi'an reaches Aktau" in text and "Alat & Poti" in text and "Report 39999:" in text
    for chrome in ("Moscow", "London", "Paris", "Tokyo", "Sydney", "Chicago", "color"):
        assert chrome not in text, chrome


@pytest.mark.parametrize("filler", [0, 40_000], ids=["small", "over 2 MB"])
def test_a_deeply_nested_web_page_is_read_whole_or_refused(tmp_path, filler):
    """libxml2 stops at 255 levels and silently drops what follows; pages are read past that, and a page
    nested beyond 2,048 levels is refused in one line instead of read in part."""
    pad = "".join(f"<p>Report {i}: trains ran on time between the two stations.</p>\n" for i in range(filler))

    def page(depth):
        return ("<html><body><article><p>Cargo from Xi'an reaches Aktau by rail and sea.</p>" + pad
                + "<div>" * depth + "<p>Trains leave Almaty for Urumqi every day.</p>" + "</div>" * depth
                + "<p>After the block, ferries sail from Kuryk to Baku.</p></article></body></html>")

    p = tmp_path / "deep.html"
    p.write_text(page(400), encoding="utf-8")
    text = read_document(p).text
    assert "Cargo from Xi'an" in text and "Almaty for Urumqi" in text and "from Kuryk to Baku" in text
    p.write_text(page(2100), encoding="utf-8")
    with pytest.raises(InputError, match="nested more than 2,048 elements deep"):
        read_document(p)


def test_a_web_page_without_an_article_is_reported(tmp_path):
    p = tmp_path / "menu.html"
    p.write_text("<html><head><title></title></head><body><script>var a = 1;</script><img src='a.png'></body></html>",
                 encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        read_document(p)


def test_a_short_article_among_menus_is_read_without_them(tmp_path):
    p = tmp_path / "short.html"
    p.write_text("<html><body><div class='menu'><div><a href='/'>Home</a></div><div><a href='/m'>Moscow bureau</a>"
                 "</div><div><a href='/l'>London desk</a></div><div><a href='/p'>Paris</a></div></div>"
                 "<div class='story'><p>Trains from Aktau reach Baku.</p></div></body></html>", encoding="utf-8")
    text = read_document(p).text
    assert "Trains from Aktau reach Baku." in text and "Moscow" not in text and "Paris" not in text


def test_plain_text_saved_as_a_web_page_is_read_as_text(tmp_path):
    p = tmp_path / "notes.htm"
    p.write_text("Trains from Aktau reach Baku.\n", encoding="utf-8")
    assert read_document(p).text == "Trains from Aktau reach Baku.\n"


def test_a_folder_nested_thousands_deep_is_walked(tmp_path):
    """An unpacked archive may nest folders 1,500 deep: the walk needs no recursion (it had raised
    RecursionError), and still does not follow a link to a folder."""
    levels = [tmp_path / "docs"]
    for _ in range(1500):
        levels.append(levels[-1] / "d")
    for level in levels:  # (one level at a time: pathlib's mkdir(parents=True) recurses, as shutil.rmtree does)
        level.mkdir()
    (levels[-1] / "x.txt").write_text("Trains leave Almaty for Urumqi.", encoding="utf-8")
    (levels[0] / "loop").symlink_to(levels[0])
    try:
        assert list(iter_document_paths([levels[0]])) == [levels[-1] / "x.txt"]
    finally:  # (pytest's clean-up of old temporary folders would recurse 1,500 deep)
        (levels[-1] / "x.txt").unlink()
        (levels[0] / "loop").unlink()
        for level in reversed(levels):
            level.rmdir()


def test_a_folder_nested_past_the_system_s_path_length_is_one_short_line(tmp_path):
    """Folders nested so deep that a path to them is over the system's limit (4 KB) stop the walk with one short
    line naming the folder given (it had been a 4,200-character line holding the whole path: hostile pass 30, S7),
    not silently, as their documents would be left out."""
    top, step = tmp_path / "docs", tmp_path / "step"
    top.mkdir()
    for _ in range(2200):  # (a level added on top at a time: no path made is long, nor a file left open)
        step.mkdir()
        os.rename(top, step / "d")
        os.rename(step, top)
    try:
        with pytest.raises(InputError) as caught:
            list(iter_document_paths([top]))
        said = str(caught.value)
        assert len(said) < 300 and str(top) in said and "nested" in said, said[:400]
    finally:  # (taken apart from the top likewise)
        while (top / "d").exists():
            os.rename(top / "d", step)
            os.rmdir(top)
            os.rename(step, top)


def test_what_a_browser_does_not_show_is_not_read(tmp_path, monkeypatch):
    """Text in a hidden element or a template is no article text (a page can hide place names there), in a
    page read by trafilatura or, past LARGE_PAGE_CHARS, by the linear extraction (fourth hostile pass, E11)."""
    import mapper.documents as documents

    page = ("<html><body><article><p>Trains run from Almaty to Aktau every day, officials said on Monday.</p>"
            "<p hidden>Samarkand is hidden.</p><template><p>Osh is in a template.</p></template>"
            "<p>The line will reach Baku next year, the ministry said in a statement.</p></article></body></html>")
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    for limit in (documents.LARGE_PAGE_CHARS, 100):
        monkeypatch.setattr(documents, "LARGE_PAGE_CHARS", limit)
        text = read_document(p).text
        assert "Baku" in text and "Samarkand" not in text and "Osh" not in text


@pytest.mark.parametrize("charset,honest", [("windows-1251", True), ("utf-16", False), ("latin1", False),
                                            ("koi8-r", False), ("cp037", False), ("unicode_escape", False)])
def test_a_web_page_s_charset_is_taken_where_it_reads_as_well(tmp_path, charset, honest):
    """A page's ``<meta charset>`` is taken where its bytes read in it at least as well as in the detected
    encoding; a lying one, which any bytes decode in (sixth hostile pass, E4: UTF-16, Latin-1, KOI8-R or EBCDIC on
    a cp1251 page lost every Cyrillic name, silently), is passed over for the detected one, which is reported."""
    page = tmp_path / "p.html"
    page.write_bytes(f'<html><head><meta charset="{charset}"></head><body><p>Поезда идут из Алматы в Актау через '
                     'Шымкент. Зерно идёт дальше в Баку паромом из порта Курык.</p></body></html>'.encode("cp1251"))
    doc = read_document(page)
    assert "Алматы" in doc.text and doc.encoding == "cp1251" and doc.guessed is not honest


def test_a_sheet_of_many_sibling_rules_over_many_elements_is_read_without_them(tmp_path, monkeypatch):
    """A "~" rule walks each element's siblings: many of them over a large page had made reading it quadratic (5 MB,
    49 s; hostile pass 26, E6). Past SIBLING_WALKS (rules times elements) those rules are left unread and the others
    read; under it a "~" rule still hides what it hides."""
    from mapper import documents

    page = ("<html><head><style>.gone { display: none } div.a ~ div p.b { display: none }</style></head><body>"
            "<article><div class=a></div><div><p class=b>Trains reach Karaganda.</p></div>"
            "<p class=gone>Trains reach Pavlodar.</p><p>Trains reach Aktobe and more places of the steppe every "
            "day of the week, freight forwarders say.</p></article></body></html>")
    text = documents.article_text(page, tmp_path / "p.html")
    assert "Aktobe" in text and "Karaganda" not in text and "Pavlodar" not in text
    monkeypatch.setattr(documents, "SIBLING_WALKS", 1)
    text = documents.article_text(page, tmp_path / "p.html")
    assert "Aktobe" in text and "Karaganda" in text and "Pavlodar" not in text


def test_a_footnote_number_in_sup_after_a_name_is_read_as_its_mark(tmp_path, parser):
    """A page's footnote number, "Pavlodar<sup>1</sup>", had come out as "Pavlodar1", no name (hostile pass 27, E9):
    it is written as the superscript a text has ("Pavlodar¹"), which the geoparser reads as the name's mark."""
    from mapper import documents

    page = ("<html><body><article><p>Trains run from Pavlodar<sup>1</sup> to Semey<sup>2</sup> every day, and the "
            "freight forwarders of the region say the line carries more each year.</p></article></body></html>")
    text = documents.article_text(page, tmp_path / "p.html")
    assert "Pavlodar¹" in text and "Semey²" in text
    assert [m.name for m in parser.parse(text, "p")] == ["Pavlodar", "Semey"]


def test_a_file_of_another_kind_is_named_so(tmp_path):
    """A PNG image saved as .txt is "a PNG image", not "UTF-16 without a byte-order mark?" (hostile pass 28, S6)."""
    p = tmp_path / "picture.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match="binary file .*: a PNG image, not a text document"):
        read_document(p)


def test_a_file_under_two_names_is_read_once_under_its_own(tmp_path):
    """A link beside a document had hidden the document's own name (the one citations give) and a hard link
    doubled its every mention (hostile pass 28, S2): each file is read once, under its own name."""
    (tmp_path / "report.txt").write_text("Astana", encoding="utf-8")
    (tmp_path / "a_alias.txt").symlink_to("report.txt")
    os.link(tmp_path / "report.txt", tmp_path / "hard.txt")
    (tmp_path / "other.txt").write_text("Aktau", encoding="utf-8")
    assert [p.name for p in iter_document_paths([tmp_path])] == ["hard.txt", "other.txt"]
    os.unlink(tmp_path / "hard.txt")
    assert [p.name for p in iter_document_paths([tmp_path])] == ["other.txt", "report.txt"]
    assert [p.name for p in iter_document_paths([tmp_path / "a_alias.txt", tmp_path])] == ["a_alias.txt",
                                                                                            "other.txt"]


def test_a_build_s_outputs_in_the_documents_folder_are_no_documents(tmp_path):
    """A build written into a folder of documents ("build --docs other --out seeds") had its map.html read as a
    document by the next build of that folder: 17 mentions from the legend (hostile pass 30, E4)."""
    from tests.conftest import run_cli

    seeds, other = tmp_path / "seeds", tmp_path / "other"
    seeds.mkdir()
    other.mkdir()
    (seeds / "a.txt").write_text("Trains run from Aktau to Baku.", encoding="utf-8")
    (other / "b.txt").write_text("Trucks run from Almaty to Bishkek.", encoding="utf-8")
    proc = run_cli("build", "--docs", str(other), "--out", str(seeds))
    assert proc.returncode == 0 and (seeds / "map.html").is_file(), proc.stderr
    assert [p.name for p in iter_document_paths([seeds])] == ["a.txt"]
