"""Mutation testing of the official copies' reader (issue 8): what ``prepare`` sets aside from
a copy of an official UN document (header, running header, page furniture, footnotes and
their marks, closing lines, sections, annexes) and what it leaves to the parser. The inputs
are the shared corpus's documents (tests/data/un-official) or pieces written in their layout;
the expected values are read in the documents themselves."""

from pathlib import Path

import pytest

from resolutions.text.official import prepare

CORPUS = Path(__file__).resolve().parent / "data" / "un-official"


def corpus(name):
    return (CORPUS / name).read_text(encoding="utf-8")


def aside(prepared, kind):
    return [a.text for a in prepared.set_aside if a.kind == kind]


def body(prepared):
    return [t.strip() for _n, t in prepared.lines]


# A copy that does not begin with the document's first page ----------------------------------

# file: (symbol, title) as the running header of every page after the first gives them.
RUNNING = {
    "01_A_RES_79_235.txt": (
        "A/RES/79/235",
        "Promotion of inclusive and effective international tax cooperation at the United Nations",
    ),
    "02_A_RES_78_205.txt": (
        "A/RES/78/205",
        "Protection of and assistance to internally displaced persons",
    ),
    "09_A_RES_79_169.txt": (
        "A/RES/79/169",
        "Promotion of peace as a vital requirement for the full enjoyment of all human rights "
        "by all",
    ),
    "12_A_RES_80_95_layout.txt": ("A/RES/80/95", "Question of French Polynesia"),
    "06_A_RES_78_111_layout.txt": (
        "A/RES/78/111",
        "Report of the Special Committee on the Charter of the United Nations and on the "
        "Strengthening of the Role of the Organization",
    ),
}


@pytest.mark.parametrize("feeds", [True, False])
@pytest.mark.parametrize("name", sorted(RUNNING))
def test_a_copy_from_the_heading_on_reads_symbol_and_title_in_the_running_header(name, feeds):
    source = corpus(name)
    text = source[source.index("The General Assembly,") :]
    prepared = prepare(text if feeds else text.replace("\f", ""))
    symbol, title = RUNNING[name]
    assert prepared.official
    assert (prepared.symbol, prepared.title) == (symbol, title)
    lines = body(prepared)
    assert symbol not in lines
    assert not any(line and line in title and len(line.split()) > 2 for line in lines)


def test_a_two_page_draft_from_the_heading_on_finds_its_symbol_at_the_top_of_page_two():
    # A/C.5/80/L.11 repeats only its symbol at the top of page 2 (no running title).
    source = corpus("19_A_C.5_80_L.11.txt")
    prepared = prepare(source[source.index("The General Assembly,") :])
    assert prepared.symbol == "A/C.5/80/L.11"
    assert prepared.title is None
    assert "A/C.5/80/L.11" not in body(prepared)
    assert "A/C.5/80/L.11" in aside(prepared, "furniture")


@pytest.mark.parametrize(("name", "page"), [("01_A_RES_79_235.txt", 1), ("09_A_RES_79_169.txt", 2)])
def test_a_copy_from_a_later_page_on_sets_the_running_title_aside_on_every_page(name, page):
    # The copy begins with that page's running header (title, symbol) and the next page
    # repeats it: the title is the running header's, and it never runs into a clause
    # (A/RES/79/235's last paragraph used to read "… tax cooperation at the United Nations
    # the framework convention, …").
    symbol, title = RUNNING[name]
    pieces = corpus(name).split("\f")
    prepared = prepare("\f" + "\f".join(pieces[page:]))
    assert (prepared.symbol, prepared.title) == (symbol, title)
    lines = body(prepared)
    assert not any(line and line in title for line in lines)
    assert any(a.startswith(title.split(" at ")[0][:40]) for a in aside(prepared, "furniture"))


# Lines, form feeds and flattened copies -----------------------------------------------------


def test_line_numbers_are_an_editors_whatever_the_line_ends_and_form_feeds():
    from resolutions.text.official import _split_lines

    # A form feed opens a page but no line: "b" and "c" keep the numbers of their lines.
    assert _split_lines("a\fb\n\fc\r\nd\re") == [
        (1, "a", False),
        (1, "b", True),
        (2, "c", True),
        (3, "d", False),
        (4, "e", False),
    ]


def test_a_text_that_is_not_an_official_copy_passes_through_with_its_line_numbers():
    prepared = prepare("Recalling its work,\r\n1. Decides to act;\r2. Requests a report.")
    assert not prepared.official
    assert prepared.lines == [
        (1, "Recalling its work,"),
        (2, "1. Decides to act;"),
        (3, "2. Requests a report."),
    ]
    assert prepared.set_aside == [] and prepared.symbol is None and prepared.title is None


def _flat(words, pieces=4):
    # One line of ``pieces`` pieces joined by double spaces, each ``words`` words long.
    piece = " ".join(["word"] * words)
    return "  ".join([piece] * pieces)


def test_a_flattened_line_gets_its_line_breaks_back_each_piece_on_its_line():
    from resolutions.text.official import _unflatten

    line = _flat(20)  # 4 pieces of 99 characters: 402 characters, 3 double spaces
    assert len(line) == 402
    lines = [(1, line, True), (2, "short", False), (3, "also short", False), (4, "end", False)]
    # One long line for four lines of text: a flattened copy.
    assert _unflatten(lines) == [
        (1, "word " * 19 + "word", True),
        (1, "word " * 19 + "word", False),
        (1, "word " * 19 + "word", False),
        (1, "word " * 19 + "word", False),
        (2, "short", False),
        (3, "also short", False),
        (4, "end", False),
    ]
    # One long line among five lines of text is a long paragraph, not a flattened copy.
    five = [*lines, (5, "more", False)]
    assert _unflatten(five) == five


def test_a_line_of_400_characters_or_with_two_double_spaces_is_not_flattened():
    from resolutions.text.official import _unflatten

    exactly = "a" * 394 + "  b  c"  # 400 characters
    assert len(exactly) == 400
    assert _unflatten([(1, exactly, False)]) == [(1, exactly, False)]
    two = "a" * 396 + "  b  c"  # 402 characters, two double spaces
    assert _unflatten([(1, two, False)]) == [(1, two, False)]
    three = "a" * 393 + "  b  c  d"  # 402 characters, three
    assert _unflatten([(1, three, False)]) == [
        (1, "a" * 393, False),
        (1, "b", False),
        (1, "c", False),
        (1, "d", False),
    ]


def test_every_long_line_of_a_flattened_copy_is_split_even_with_one_double_space():
    from resolutions.text.official import _unflatten

    first = _flat(20)
    second = "x" * 400 + "  y"
    lines = [(1, first, False), (2, second, False)]
    assert _unflatten(lines)[-2:] == [(2, "x" * 400, False), (2, "y", False)]


# What marks a text as an official copy ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Recalling its work,\fDecides to act.",
        "A/C.3/80/L.24\nDistr.: General\n",
        "Eightieth session\nDistr.: Limited\n",
        "Distr.:  Restricted\n",
        "  Resolution adopted by the General Assembly on 3 May 2024\n",
        "Adopted by the Security Council at its 5945th meeting, on 29 July 2008\n",
        "One\nTwo\nThree\nFour\nFive\nA/RES/80/1\n",
        "Draft resolution      A/C.3/80/L.24\n",
        "S/RES/1826 (2008)\n",
        "Text\n__________\n2/3\n25-12345 (E)\n",
        "Text\n*2512345*\n__________\n  12/31\n",
    ],
)
def test_the_marks_of_an_official_copy_are_recognised(text):
    from resolutions.text.official import looks_official

    assert looks_official(text)


@pytest.mark.parametrize(
    "text",
    [
        "x" * 3000 + "\nDistr.: General\n",  # past the first page's head
        "Distr.: Public\n",
        "The Committee adopted by the Security Council its resolution\n",
        "Adopted by the Security Council at its meeting\n",
        "One\nTwo\nThree\nFour\nFive\nSix\nA/RES/80/1\n",  # the symbol is in the head
        "Recalling resolution A/RES/80/1 of the Assembly,\n",
        "Text\n__________\n2/3\n",  # two marks
        "Recalling its resolution 12/31 of 2024,\nDecides 25-12345 to act\n",
    ],
)
def test_a_delegates_text_is_not_taken_for_an_official_copy(text):
    from resolutions.text.official import looks_official

    assert not looks_official(text)


# Page furniture -----------------------------------------------------------------------------


def _doc(symbol, title):
    from resolutions.text.official import _Doc

    doc = _Doc([])
    doc.symbol, doc.title = symbol, title
    # As the header reader keeps it: lower-case words, hyphens dropped, a space either side.
    doc.title_words = " " + " ".join(title.lower().replace("-", "").split()) + " "
    return doc


IDP = "Protection of and assistance to internally displaced persons"


@pytest.mark.parametrize(
    "line",
    [
        "A/RES/78/205",
        "2/13",
        "13/13",
        "23-26026",
        "23-26026 (E)",
        "23-26026 (E)    261223",
        "261223",
        "*2326026*",
        "Please recycle",
        "please recycle ♲",
        "♲",
        "   2/13       23-26026   ",
        "2/13 23-26026",  # a copy that squeezed the columns' spaces
        "23-26026 (E) 261223 *2326026*",
    ],
)
def test_what_only_page_furniture_can_be(line):
    doc = _doc("A/RES/78/205", IDP)
    assert doc.is_furniture(line)
    assert doc.is_furniture(line, title_ok=True)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "Decides to continue its consideration of the question.",
        "Recalling its resolution 2/13,",
        "Notes the 23-26026 report",
        "A/RES/78/206",  # another resolution's symbol
        "A/RES/78/205 and its annex",
        "resolutions 77/1 and 78/205,",
        "1234567",
        "*23*",
        "100/1000",
        "23-2602",
        IDP,  # the running title, away from the page's top
        "Please recycle this paper",
    ],
)
def test_what_page_furniture_is_not(line):
    assert not _doc("A/RES/78/205", IDP).is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        IDP,
        "Protection of and assistance to",
        "internally displaced persons",
        "A/RES/78/205      Protection of and assistance to internally displaced persons",
        "Protection of and assistance to internally displaced persons A/RES/78/205",
        "2/13    Protection of and assistance to internally displaced persons",
    ],
)
def test_the_running_title_is_furniture_at_the_top_of_a_page(line):
    doc = _doc("A/RES/78/205", IDP)
    assert doc.is_furniture(line, title_ok=True)
    assert not doc.is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "persons;",  # a clause's end that happens to be the title's last word
        "displaced persons,",
        "Protection of refugees",
        "displaced internally",
        "A/RES/78/205 Protection of refugees",
    ],
)
def test_words_that_are_not_the_running_title_stay(line):
    doc = _doc("A/RES/78/205", IDP)
    assert not doc.is_furniture(line, title_ok=True)


def test_a_document_without_title_has_no_title_line():
    doc = _doc("A/C.5/80/L.11", "")
    doc.title, doc.title_words = None, ""
    assert not doc.is_furniture("Capital master plan", title_ok=True)
    assert not doc.is_title_part("Capital master plan")
    assert doc.is_furniture("A/C.5/80/L.11", title_ok=True)


def test_a_hyphen_lost_at_a_line_end_still_reads_as_the_title():
    # pdftotext joins "Secretary-" and "General" across a line end into "SecretaryGeneral".
    doc = _doc("A/RES/79/1", "Report of the Secretary-General on peace")
    assert doc.is_furniture("Report of the SecretaryGeneral on peace", title_ok=True)
    assert doc.is_furniture("REPORT OF THE SECRETARY-GENERAL", title_ok=True)


def test_a_security_council_symbol_is_furniture_with_or_without_its_year():
    doc = _doc("S/RES/2719 (2023)", "")
    doc.title, doc.title_words = None, ""
    assert doc.is_furniture("S/RES/2719 (2023)")
    assert doc.is_furniture("S/RES/2719")
    assert doc.is_furniture("2/4     S/RES/2719 (2023)")
    assert doc.is_furniture("S/RES/2719 (2023) 2/4 23-26026 (E)")  # squeezed
    assert not doc.is_furniture("S/RES/2720 (2023)")
    assert not doc.is_furniture("S/RES/2719 (2024) 2/4")  # not this symbol's year
    assert not doc.is_furniture("resolution 2719 (2023)")


def test_without_a_symbol_no_symbol_is_furniture():
    from resolutions.text.official import _Doc

    doc = _Doc([])
    assert not doc.is_furniture("A/RES/78/205")
    assert not doc.has_symbol("A/RES/78/205")
    assert doc.is_furniture("2/13 23-26026")
    assert not doc.is_furniture("A/RES/78/205 2/13")


# The corpus: every document's symbol, title and page furniture --------------------------------

# file: (symbol, title) as each document's first page gives them.
DOCUMENTS = {
    "01_A_RES_79_235.txt": RUNNING["01_A_RES_79_235.txt"],
    "02_A_RES_78_205.txt": RUNNING["02_A_RES_78_205.txt"],
    "03_A_RES_80_191.txt": ("A/RES/80/191", "Rights of Indigenous Peoples"),
    "04_A_RES_80_234.txt": ("A/RES/80/234", "Pattern of conferences"),
    "05_A_RES_78_188.txt": ("A/RES/78/188", "The girl child"),
    "06_A_RES_78_111_layout.txt": RUNNING["06_A_RES_78_111_layout.txt"],
    "07_A_RES_80_104.txt": ("A/RES/80/104", "Dissemination of information on decolonization"),
    "08_A_RES_79_172.txt": ("A/RES/79/172", "Human rights in the administration of justice"),
    "09_A_RES_79_169.txt": RUNNING["09_A_RES_79_169.txt"],
    "10_A_RES_79_140.txt": (
        "A/RES/79/140",
        "Strengthening of the coordination of emergency humanitarian assistance of the United "
        "Nations",
    ),
    "11_A_RES_79_32.txt": (
        "A/RES/79/32",
        "Follow-up to the advisory opinion of the International Court of Justice on the legality "
        "of the threat or use of nuclear weapons",
    ),
    "12_A_RES_80_95_layout.txt": RUNNING["12_A_RES_80_95_layout.txt"],
    "13_A_RES_80_157.txt": ("A/RES/80/157", "Agriculture development, food security and nutrition"),
    "14_A_RES_78_151.txt": (
        "A/RES/78/151",
        "Promoting sustainable consumption and production patterns for the implementation of the "
        "2030 Agenda for Sustainable Development, building on Agenda 21",
    ),
    "15_A_RES_78_32.txt": ("A/RES/78/32", "Implementation of the Convention on Cluster Munitions"),
    "16_A_RES_80_200.txt": (
        "A/RES/80/200",
        "Combating intolerance, negative stereotyping, stigmatization, discrimination, incitement "
        "to violence and violence against persons, based on religion or belief",
    ),
    "17_A_RES_79_14.txt": (
        "A/RES/79/14",
        "Cooperation between the United Nations and the Preparatory Commission for the "
        "Comprehensive Nuclear-Test-Ban Treaty Organization",
    ),
    "18_A_RES_78_189_layout.txt": ("A/RES/78/189", "Rights of Indigenous Peoples"),
    "19_A_C.5_80_L.11.txt": ("A/C.5/80/L.11", "Capital master plan"),
    "20_A_C.1_80_L.6.txt": (
        "A/C.1/80/L.6",
        "Confidence-building measures in the regional and subregional context",
    ),
    "21_A_C.4_80_L.6.txt": ("A/C.4/80/L.6", "Effects of atomic radiation"),
    "22_A_C.2_80_L.39.txt": ("A/C.2/80/L.39", "Combating sand and dust storms"),
    "23_A_C.3_80_L.24.txt": ("A/C.3/80/L.24", "Report of the Human Rights Council"),
    "24_A_80_L.30_layout.txt": (
        "A/80/L.30",
        "Strengthening of the coordination of emergency humanitarian assistance of the United "
        "Nations",
    ),
}

ONLY_FURNITURE = r"^(?:\d{1,3}/\d{1,3}|\d{2}-\d{5}(?: \([A-Z]\))?|\*\d{7}\*)$"


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_document_gives_its_symbol_and_title_and_loses_its_page_furniture(name):
    import re

    source = corpus(name)
    prepared = prepare(source)
    assert prepared.official
    assert (prepared.symbol, prepared.title) == DOCUMENTS[name]
    assert prepared.amendment == (name == "24_A_80_L.30_layout.txt")
    lines = body(prepared)
    # No page number, job number or barcode is left among the clauses, and each is kept.
    furniture = [
        cell
        for line in source.replace("\f", "\n").split("\n")
        for cell in re.split(r"\s{3,}", line.strip())
        if re.match(ONLY_FURNITURE, cell)
    ]
    assert furniture
    assert not [line for line in lines if re.match(ONLY_FURNITURE, line)]
    kept = " ".join(a.text for a in prepared.set_aside if a.kind in ("furniture", "header"))
    assert all(cell in kept for cell in furniture)
    # Nor the symbol of a running header.
    assert DOCUMENTS[name][0] not in lines
    # The header is the first thing set aside, at the document's first line.
    header = prepared.set_aside[0]
    assert (header.kind, header.line) == ("header", 1)
    assert DOCUMENTS[name][0] in header.text
