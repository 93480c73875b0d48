"""Mutation testing of the official copies' reader (issue 8): what ``prepare`` sets aside from
a copy of an official UN document (header, running header, page furniture, footnotes and
their marks, closing lines, sections, annexes) and what it leaves to the parser. The inputs
are the shared corpus's documents (tests/data/un-official) or pieces written in their layout;
the expected values are read in the documents themselves."""

import re
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


def test_a_line_of_400_characters_with_three_double_spaces_is_not_flattened():
    from resolutions.text.official import _unflatten

    exactly = "a" * 391 + "  b  c  d"
    assert len(exactly) == 400
    assert _unflatten([(1, exactly, False)]) == [(1, exactly, False)]


def test_in_a_flattened_copy_only_lines_over_400_characters_are_split():
    from resolutions.text.official import _unflatten

    lines = [
        (1, _flat(20), False),
        (1, _flat(20), False),
        (2, "x" * 396 + "  y", False),  # 399 characters
        (3, "x" * 397 + "  y", False),  # 400
        (4, "x" * 398 + "  y", False),  # 401
        (5, "short  line", False),
    ]
    assert _unflatten(lines)[8:] == [
        (2, "x" * 396 + "  y", False),
        (3, "x" * 397 + "  y", False),
        (4, "x" * 398, False),
        (4, "y", False),
        (5, "short  line", False),
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
        "A/C.3/80/L.24\nDistr.: General\n",
        "Eightieth session\nDistr.: Limited\n",
        "Distr.:  Restricted\n",
        "  Resolution adopted by the General Assembly on 3 May 2024\n",
        "Adopted by the Security Council at its 5945th meeting, on 29 July 2008\n",
        "One\nTwo\nThree\nFour\nFive\nA/RES/80/1\n",
        "Draft resolution      A/C.3/80/L.24\n",
        "A/RES/78/111        Nations and on the Strengthening\n",  # a -layout page top
        "S/RES/1826 (2008)\n",
        "Text\n__________\n2/3\n25-12345 (E)\n",
        "Text\n*2512345*\n__________\n  12/31\n",
    ],
)
def test_the_marks_of_an_official_copy_are_recognised(text):
    from resolutions.text.official import looks_official

    assert looks_official(text)


def test_the_head_of_a_copy_is_its_first_3000_characters():
    from resolutions.text.official import looks_official

    line = "\nDistr.: General"
    assert not looks_official("x" * (3001 - len(line)) + line)
    assert looks_official("x" * (3000 - len(line)) + line)


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
        "Recalling its work,\fDecides to act.",  # a word processor's page break
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
    # As the header reader keeps it: lower-case words and numbers, hyphens dropped, a space
    # either side.
    words = re.findall(r"[a-z0-9]+", title.lower().replace("-", ""))
    doc.title_words = " " + " ".join(words) + " "
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


def test_a_security_council_symbol_squeezed_beside_its_running_title():
    doc = _doc("S/RES/2719 (2023)", "Financing of peace support operations")
    assert doc.is_furniture("S/RES/2719 Financing of peace support operations", title_ok=True)
    assert doc.is_furniture(
        "S/RES/2719 (2023) Financing of peace support operations", title_ok=True
    )
    assert not doc.is_furniture("S/RES/2719 Financing of peace support operations")


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


# Closing lines ------------------------------------------------------------------------------


def _lines(*texts, start=1):
    return [(n, t, False) for n, t in enumerate(texts, start=start)]


def test_the_meeting_and_date_that_close_a_resolution_are_set_aside_together():
    from resolutions.text.official import _closing

    found = []
    lines = _lines("Decides to continue.", "50th plenary meeting", "", "19 December 2023", "Annex")
    rest = _closing(lines, found)
    assert [(a.kind, a.line, a.text) for a in found] == [
        ("closing", 2, "50th plenary meeting / 19 December 2023")
    ]
    assert rest == [(1, "Decides to continue.", False), (3, "", False), (5, "Annex", False)]


@pytest.mark.parametrize(
    "meeting",
    ["55th (resumed) plenary meeting", "47th meeting", "1st plenary meeting", "2ND MEETING"],
)
def test_every_form_of_the_closing_meeting_line_is_known(meeting):
    from resolutions.text.official import _closing

    found = []
    rest = _closing(_lines("Decides to continue.", meeting), found)
    assert [a.text for a in found] == [meeting]
    assert rest == _lines("Decides to continue.")


def test_a_recorded_vote_after_the_closing_lines_is_set_aside_to_its_bracket():
    from resolutions.text.official import _closing

    found = []
    lines = _lines(
        "Decides to continue.",
        "47th meeting",
        "3 April 2024",
        "",
        "[Adopted by a recorded vote of 30 to 2. The voting was as follows:",
        "In favour:",
        "",
        "Argentina, Chile]",
        "Annex",
    )
    rest = _closing(lines, found)
    assert [a.text for a in found] == [
        "47th meeting / 3 April 2024 / [Adopted by a recorded vote of 30 to 2. The voting was "
        "as follows: / In favour: / Argentina, Chile]"
    ]
    assert rest == [(1, "Decides to continue.", False), (4, "", False), (9, "Annex", False)]


def test_a_vote_without_a_date_line_and_only_the_first_closing():
    from resolutions.text.official import _closing

    found = []
    lines = _lines("Decides.", "12th meeting", "", "", "[Adopted without a vote.]", "13th meeting")
    rest = _closing(lines, found)
    assert [a.text for a in found] == ["12th meeting / [Adopted without a vote.]"]
    assert rest == [
        (1, "Decides.", False),
        (3, "", False),
        (4, "", False),
        (6, "13th meeting", False),
    ]


def test_a_vote_right_under_the_date_and_a_vote_never_closed():
    from resolutions.text.official import _closing

    found = []
    lines = _lines("50th plenary meeting", "19 December 2023", "[Adopted without a vote.]", "Annex")
    assert _closing(lines, found) == _lines("Annex", start=4)
    assert [a.text for a in found] == [
        "50th plenary meeting / 19 December 2023 / [Adopted without a vote.]"
    ]
    found = []
    lines = _lines("12th meeting", "[Adopted by a recorded vote of 30 to 2:", "In favour: Chile")
    assert _closing(lines, found) == []
    assert [a.text for a in found] == [
        "12th meeting / [Adopted by a recorded vote of 30 to 2: / In favour: Chile"
    ]


@pytest.mark.parametrize(
    "line",
    ["the 50th plenary meeting", "50th plenary meeting,", "50 plenary meeting", "12345th meeting"],
)
def test_a_meeting_named_in_a_clause_is_no_closing(line):
    from resolutions.text.official import _closing

    found = []
    assert _closing(_lines(line, "19 December 2023"), found) == _lines(line, "19 December 2023")
    assert found == []


def test_a_date_that_is_not_the_next_line_stays():
    from resolutions.text.official import _closing

    found = []
    rest = _closing(_lines("50th plenary meeting", "Decides.", "19 December 2023"), found)
    assert [a.text for a in found] == ["50th plenary meeting"]
    assert rest == _lines("Decides.", "19 December 2023", start=2)


# Footnotes ----------------------------------------------------------------------------------


def _notes(*lines):
    from resolutions.text.official import _footnotes

    found, marks = [], []
    _footnotes(list(enumerate(lines, start=10)), found, marks)
    return [(a.kind, a.line, a.text) for a in found], marks


def test_footnote_numbers_above_their_texts_make_one_entry_each():
    assert _notes("1", "2", "A/80/334.", "A/80/396.") == (
        [("footnote", 12, "1 A/80/334."), ("footnote", 13, "2 A/80/396.")],
        ["1", "2"],
    )


def test_a_footnote_running_over_two_lines_is_one_entry():
    assert _notes(
        "3", "4", "Official Records of the General Assembly,", "Supplement No. 33.", "Ibid."
    ) == (
        [
            ("footnote", 12, "3 Official Records of the General Assembly, Supplement No. 33."),
            ("footnote", 14, "4 Ibid."),
        ],
        ["3", "4"],
    )


def test_footnotes_that_cannot_be_told_apart_stay_one_block_numbers_first():
    assert _notes("2", "1", "A/80/334", "A/80/396") == (
        [("footnote", 10, "[1, 2] A/80/334 A/80/396")],
        ["2", "1"],
    )


def test_a_star_note_is_its_own_mark_and_comes_before_the_numbered_ones():
    assert _notes("1", "* Reissued for technical reasons.", "A/80/334.") == (
        [("footnote", 11, "* Reissued for technical reasons."), ("footnote", 12, "1 A/80/334.")],
        ["1", "*"],
    )
    assert _notes("**", "*", "Second note", "First note") == (
        [("footnote", 10, "[*, **] Second note First note")],
        ["**", "*"],
    )


def test_footnotes_are_given_their_numbers_in_numeric_order():
    assert _notes("9", "10", "A/80/334.", "A/80/396.")[0] == [
        ("footnote", 12, "9 A/80/334."),
        ("footnote", 13, "10 A/80/396."),
    ]


def test_the_last_footnote_may_end_without_a_period():
    assert _notes("1", "2", "A/80/334.", "See A/80/396")[0] == [
        ("footnote", 12, "1 A/80/334."),
        ("footnote", 13, "2 See A/80/396"),
    ]


def test_a_footnote_with_its_number_on_its_line_is_kept_as_written():
    assert _notes("5 A/72/74.") == ([("footnote", 10, "5 A/72/74.")], [])
    assert _notes() == ([], [])


# Footnote marks -----------------------------------------------------------------------------


def _unmarked(text, number, offset=0):
    from resolutions.text.official import _find_mark

    span = _find_mark(text, number, offset)
    return None if span is None else text[: span[0]] + text[span[1] :]


@pytest.mark.parametrize(
    ("text", "number", "left"),
    [
        ("lighthouse keepers, 1", "1", "lighthouse keepers,"),
        ("near the border 2 and the", "2", "near the border and the"),
        ("its resolution, 2 and", "2", "its resolution, and"),  # after a comma: a mark
        ("Colonial Countries and Peoples, 3", "3", "Colonial Countries and Peoples,"),
        ("all stakeholders, 2 including", "2", "all stakeholders, including"),
        ("the Member States: 2", "2", "the Member States:"),
        ("the border,2", "2", "the border,"),
        ("the “Peoples” 3", "3", "the “Peoples”"),
        ("(the Peoples) 4", "4", "(the Peoples)"),
        ("(the Peoples 1)", "1", "(the Peoples)"),
        ("adopted in 2015 2 and", "2", "adopted in 2015 and"),
        ("1", "1", ""),
    ],
)
def test_a_footnote_mark_after_a_word_or_punctuation_is_taken_out(text, number, left):
    assert _unmarked(text, number) == left


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("in paragraph 2 of", "2"),
        ("in paragraphs 2 and 3", "2"),
        ("Article 5 of the Charter", "5"),
        ("Goals 3 and 4", "3"),
        ("over 5 and", "5"),
        ("Sustainable Development Goal 3", "3"),
        ("Habitat 3, and", "3"),  # a name, as "Agenda 21,"
        ("rose 2 per cent", "2"),
        ("rose 2 percent", "2"),
        ("rose 2%", "2"),
        ("for 2 years", "2"),
        ("for 3 months", "3"),
        ("on 2 January", "2"),
        ("in the 2-3 weeks", "2"),
        ("rose 2-3 times", "2"),
        ("resolution 79/7 on", "7"),
        ("1.5 degrees", "5"),
        ("States 2.5 million", "2"),
        ("Peoples 12", "1"),
        ("A/80/334 1", "1"),
    ],
)
def test_a_number_that_belongs_to_the_text_is_no_footnote_mark(text, number):
    assert _unmarked(text, number) is None


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("in paragraph 2 of the report, 2", "in paragraph 2 of the report,"),
        ("rose 2 per cent in the region, 2", "rose 2 per cent in the region,"),
        ("Habitat 2, and the Peoples 2", "Habitat 2, and the Peoples"),
    ],
)
def test_the_mark_is_found_after_a_number_of_the_text(text, left):
    assert _unmarked(text, "2") == left


def test_a_hyphenated_name_with_its_number_is_no_mark():
    assert _unmarked("the Habitat-Agenda 3, and", "3") is None


def test_a_mark_is_looked_for_from_the_offset_on():
    assert _unmarked("Peoples 1 and States 1", "1", 10) == "Peoples 1 and States"
    assert _unmarked("Peoples 1 and States", "1", 10) is None
    assert _unmarked("1", "1", 1) is None  # a lone mark counts only from the line's start


def test_a_mark_after_a_word_number_is_taken_when_a_comma_parts_them():
    # "resolution, 2" is a footnote after a comma, "resolution 2" a resolution's number.
    assert _unmarked("in its resolution 2 and", "2") is None
    assert _unmarked("in its resolution; 2 and", "2") == "in its resolution; and"


def _strip(lines, numbers):
    from resolutions.text.official import _strip_marks

    removed = []
    out = _strip_marks(_lines(*lines), numbers, removed)
    return [t for _n, t, _p in out], removed


def test_the_marks_of_a_page_are_taken_out_in_order_each_after_the_last():
    text, removed = _strip(
        [
            "Recalling resolution 79/7 on keepers, 1",
            "Noting the damage near the border, 2 and the coast 3",
            "",
            "Welcomes the 3 reports of the border, 3",
        ],
        ["1", "2", "3"],
    )
    assert text == [
        "Recalling resolution 79/7 on keepers,",
        "Noting the damage near the border, and the coast",
        "",
        "Welcomes the 3 reports of the border, 3",
    ]
    assert removed == [(1, "1"), (2, "2"), (2, "3")]


def test_a_mark_missed_after_the_last_is_looked_for_from_the_pages_top():
    text, removed = _strip(["Recalling keepers, 2", "Noting the coast, 1"], ["1", "2"])
    assert text == ["Recalling keepers,", "Noting the coast,"]
    assert removed == [(2, "1"), (1, "2")]


def test_the_first_mark_is_its_first_place_on_the_page():
    text, removed = _strip(["Recalling keepers, 1", "Noting the border, 1"], ["1"])
    assert text == ["Recalling keepers,", "Noting the border, 1"]
    assert removed == [(1, "1")]


def test_a_mark_alone_on_its_line_is_taken_first_and_its_line_dropped():
    text, removed = _strip(
        ["Recalling the report on keepers,", "1", "", "Noting the report 2 of 1 June"],
        ["1", "2", "*"],
    )
    assert text == ["Recalling the report on keepers,", "", "Noting the report of 1 June"]
    assert removed == [(2, "1"), (4, "2")]


def test_a_mark_that_is_not_in_the_text_is_not_looked_for_forever():
    text, removed = _strip(["Recalling keepers,", "Noting the coast"], ["1"])
    assert (text, removed) == (["Recalling keepers,", "Noting the coast"], [])


# Sections, annexes and parts ----------------------------------------------------------------


def _sections(*texts):
    from resolutions.text.official import _sections_and_annexes

    found = []
    out = _sections_and_annexes(_lines(*texts), found)
    return [t for _n, t, _p in out], [(a.kind, a.line, a.text) for a in found]


def test_a_section_heading_over_two_lines_is_set_aside_before_its_paragraph():
    assert _sections("1. Welcomes the report;", "I", "Calendar of conferences", "2. Approves;") == (
        ["1. Welcomes the report;", "2. Approves;"],
        [("section", 2, "I Calendar of conferences")],
    )


def test_a_section_heading_may_open_the_body():
    assert _sections("I", "Calendar of conferences", "2. Approves;") == (
        ["2. Approves;"],
        [("section", 1, "I Calendar of conferences")],
    )


def test_a_section_heading_with_blank_lines_and_a_lettered_paragraph_after_it():
    assert _sections("1. Welcomes;", "IV", "", "Human resources", "(a) Approves;") == (
        ["1. Welcomes;", "(a) Approves;"],
        [("section", 2, "IV Human resources")],
    )
    assert _sections("1. Welcomes;", "Section IV", "Human resources", "2. Approves;") == (
        ["1. Welcomes;", "2. Approves;"],
        [("section", 2, "Section IV Human resources")],
    )


def test_a_section_title_is_at_most_three_lines():
    assert _sections("1. Welcomes;", "C", "One", "two", "three", "four", "2. Approves;") == (
        ["1. Welcomes;", "four", "2. Approves;"],
        [("section", 2, "C One two three")],
    )


@pytest.mark.parametrize(
    "texts",
    [
        ("1. Welcomes;", "IV.", "Human resources:", "2. Approves;"),  # a clause's end, no title
        ("1. Welcomes;", "IV"),  # nothing after it
        ("1. Welcomes;", "IV", "2. Approves;"),
        ("1. Welcomes;", "II. Utilization of resources", "Recalling its work,"),
        ("1. Welcomes;", "II. Utilization of resources;", "2. Approves;"),
    ],
)
def test_what_is_no_section_heading_stays(texts):
    assert _sections(*texts) == (list(texts), [])


def test_a_section_heading_on_one_line_above_a_numbered_paragraph():
    assert _sections("1. Welcomes;", "II. Utilization of resources", "", "2. Approves;") == (
        ["1. Welcomes;", "", "2. Approves;"],
        [("section", 2, "II Utilization of resources")],
    )
    assert _sections("1. Welcomes;", "B. Utilization of resources", "2.") == (
        ["1. Welcomes;", "2."],
        [("section", 2, "B Utilization of resources")],
    )


def test_an_annex_takes_the_rest_of_the_text_without_its_blank_lines():
    assert _sections("1. Welcomes;", "Annex", "", "Declaration", "1. Shall.") == (
        ["1. Welcomes;"],
        [("annex", 2, "Annex\nDeclaration\n1. Shall.")],
    )
    assert _sections("1. Welcomes;", "Annex II", "Declaration") == (
        ["1. Welcomes;"],
        [("annex", 2, "Annex II\nDeclaration")],
    )
    assert _sections("1. Welcomes;", "ANNEXES", "Declaration")[1] == [
        ("annex", 2, "ANNEXES\nDeclaration")
    ]


def test_a_later_part_with_its_own_preamble_is_kept_whole():
    assert _sections(
        "1. Welcomes;", "B", "Lighthouse ships", "", "The General Assembly,", "Noting,"
    ) == (
        ["1. Welcomes;"],
        [("part", 2, "B\nLighthouse ships\nThe General Assembly,\nNoting,")],
    )


# The running header of a copy without its document header ----------------------------------

# The first page of a copy that begins at the heading, with its foot (job number, barcode).
FIRST_PAGE = (
    "The General Assembly,\nRecalling its resolution 79/7,\n1. Decides to act;\n\n"
    "30-12345 (E)\n\n*3012345*\n"
)
CLAUSES = ["The General Assembly,", "Recalling its resolution 79/7,", "1. Decides to act;"]


def _filled(prepared):
    return [line for line in body(prepared) if line]


def test_a_running_header_gives_a_short_title_and_a_symbol_with_two_slashes():
    prepared = prepare(
        FIRST_PAGE + "\fLighthouses\n\nA/99/L.5\n\n2. Requests a report;\n\n2/3\n30-12345\n"
        "\fA/99/L.5\n\nLighthouses\n\n3. Decides to continue.\n"
    )
    assert (prepared.symbol, prepared.title) == ("A/99/L.5", "Lighthouses")
    assert _filled(prepared) == [*CLAUSES, "2. Requests a report;", "3. Decides to continue."]


def test_the_running_symbol_is_the_symbol_repeated_most():
    # A Security Council document cited in a footnote on two pages is no running header.
    prepared = prepare(
        FIRST_PAGE.replace("act;\n", "act, 1\n__________\n1\nS/2030/100.\n")
        + "\fA/RES/99/12\n\nLighthouses\n\n2. Requests a report, 2\n__________\n2\nS/2030/100.\n"
        "\n2/4\n30-12345\n"
        "\fLighthouses\n\nA/RES/99/12\n\n3. Decides to continue;\n\n3/4\n30-12345\n"
        "\fA/RES/99/12\n\nLighthouses\n\n4. Decides to remain seized.\n"
    )
    assert (prepared.symbol, prepared.title) == ("A/RES/99/12", "Lighthouses")
    assert aside(prepared, "footnote") == ["1 S/2030/100.", "2 S/2030/100."]
    assert _filled(prepared) == [
        *CLAUSES[:2],
        "1. Decides to act,",
        "2. Requests a report,",
        "3. Decides to continue;",
        "4. Decides to remain seized.",
    ]


def test_the_headers_own_title_wins_over_a_shorter_running_title():
    # The copy begins below the symbol: the header gives the title, the pages the symbol.
    prepared = prepare(
        "Resolution adopted by the General Assembly on 20 December 2030\n\n99/12.\n\n"
        "Protection of lighthouses\n\n"
        + FIRST_PAGE
        + "\fA/RES/99/12\n\nLighthouses\n\n2. Requests a report;\n\n2/3\n30-12345\n"
        "\fLighthouses\n\nA/RES/99/12\n\n3. Decides to continue.\n"
    )
    assert (prepared.symbol, prepared.title) == ("A/RES/99/12", "Protection of lighthouses")


def test_a_running_title_over_two_lines_keeps_a_line_that_ends_with_a_colon():
    prepared = prepare(
        FIRST_PAGE
        + "\fSport for peace:\nbuilding a better world\n\nA/RES/99/12\n\n2. Requests a report;\n"
        "\n2/3\n30-12345\n"
        "\fA/RES/99/12\n\nSport for peace:\nbuilding a better world\n\n3. Decides to continue.\n"
    )
    assert prepared.title == "Sport for peace: building a better world"
    assert _filled(prepared) == [*CLAUSES, "2. Requests a report;", "3. Decides to continue."]


def test_a_clauses_short_end_repeated_near_the_running_header_is_no_title():
    prepared = prepare(
        FIRST_PAGE.replace("act;", "act for all")
        + "\fLighthouses\n\nA/RES/99/12\n\nthe Peoples;\n2. Requests a report for all\n"
        "\n2/3\n30-12345\n"
        "\fA/RES/99/12\n\nLighthouses\n\nthe Peoples;\n3. Decides to continue.\n"
    )
    assert prepared.title == "Lighthouses"
    assert _filled(prepared).count("the Peoples;") == 2


@pytest.mark.parametrize(
    "cell",
    [
        "S/RES/2719 (2023)",
        "S/RES/2719",
        "2/4",
        "23-26026",
        "23-26026 (E)",
        "23-26026 (E) 261223",
        "261223",
        "*2326026*",
        "Please recycle",
        "PLEASE RECYCLE ♲",
        "♲",
    ],
)
def test_each_cell_of_a_footnote_line_that_is_furniture_is_told_apart(cell):
    # A layout copy puts furniture beside a footnote's text on one line: each cell is
    # weighed alone.
    doc = _doc("S/RES/2719 (2023)", "Financing of peace support operations")
    assert doc.furniture_cell(cell, title_ok=False)
    assert doc.furniture_cell(f"  {cell} ", title_ok=False)


@pytest.mark.parametrize(
    "cell",
    ["S/RES/2720", "S/PRST/2023/1.", "2/4/6", "23-26026 (EN)", "2612234", "*23*", "Recycle", "1"],
)
def test_a_footnote_cell_that_is_not_furniture_stays(cell):
    doc = _doc("S/RES/2719 (2023)", "Financing of peace support operations")
    assert not doc.furniture_cell(cell, title_ok=False)
    assert not doc.furniture_cell(cell, title_ok=True)


def test_a_title_line_is_furniture_only_where_the_title_may_stand():
    doc = _doc("S/RES/2719 (2023)", "Financing of peace support operations")
    assert doc.furniture_cell("peace support operations", title_ok=True)
    assert not doc.furniture_cell("peace support operations", title_ok=False)


def test_a_title_line_of_two_words_ending_with_a_roman_numeral_is_the_title():
    doc = _doc("A/RES/80/1", "Questions relating to the programme budget: Section IX")
    assert doc.is_furniture("Section IX", title_ok=True)
    assert not doc.is_furniture("Section IX.", title_ok=True)
    assert doc.is_furniture("programme budget: Section IX.", title_ok=True)


# The document header ------------------------------------------------------------------------


def _header(*texts):
    from resolutions.text.official import _Doc, _read_header

    lines = _lines(*texts)
    doc, found = _Doc(lines), []
    _read_header(lines, len(lines), doc, found)
    return doc.symbol, doc.title


def test_a_symbol_squeezed_beside_the_organs_name_is_read():
    assert _header(
        "United Nations A/RES/80/95",
        "Resolution adopted by the General Assembly",
        "80/95.",
        "",
        "Question of French Polynesia",
    ) == ("A/RES/80/95", "Question of French Polynesia")


def test_a_symbol_of_another_series_is_read_from_its_own_cell():
    assert _header(
        "UNEP/EA.6/Res.1",
        "Distr.: General",
        "Resolution adopted by the United Nations Environment Assembly",
        "",
        "Sand and dust storms",
    ) == ("UNEP/EA.6/Res.1", "Sand and dust storms")


def test_the_first_symbol_of_the_header_is_the_documents():
    # An amendment names the draft it amends: that symbol is not the amendment's own.
    assert _header(
        "A/C.3/99/L.5",
        "Distr.: Limited",
        "Ninety-ninth session",
        "Third Committee",
        "Agenda item 7",
        "Sweden: amendment to draft resolution A/C.3/99/L.2",
        "",
        "Lighthouses",
    ) == ("A/C.3/99/L.5", "Lighthouses")


def test_a_symbol_past_the_headers_first_eight_lines_is_not_the_documents():
    assert _header(*["Distr.: General"] * 8, "A/RES/99/12", "", "Lighthouses") == (
        None,
        "Lighthouses",
    )
    assert _header(*["Distr.: General"] * 8, "United Nations A/RES/99/12", "", "Lighthouses") == (
        None,
        "Lighthouses",
    )
    assert _header(*["Distr.: General"] * 7, "United Nations A/RES/99/12", "", "Lighthouses") == (
        "A/RES/99/12",
        "Lighthouses",
    )


def test_a_resolution_in_parts_gives_its_title_beside_its_number_and_letter():
    assert _header(
        "A/RES/68/247 B",
        "Distr.: General",
        "[on the report of the Fifth Committee]",
        "   68/247 B.      Questions relating to the budget",
    ) == ("A/RES/68/247", "Questions relating to the budget")


def test_a_heading_is_at_most_twelve_words():
    from resolutions.text.official import _find_heading

    twelve = "The Meeting of the States Parties of the Convention on the Sea,"
    thirteen = "The Meeting of the States Parties of the Convention on the High Sea,"
    assert _find_heading(_lines("Distr.: General", twelve)) == 1
    assert _find_heading(_lines("Distr.: General", thirteen)) is None


def test_a_heading_is_looked_for_in_the_first_two_hundred_lines():
    from resolutions.text.official import _find_heading

    assert _find_heading(_lines(*["Distr.: General"] * 199, "The General Assembly,")) == 199
    assert _find_heading(_lines(*["Distr.: General"] * 200, "The General Assembly,")) is None


def test_without_a_heading_the_body_begins_at_the_first_numbered_or_lettered_paragraph():
    from resolutions.text.official import _Doc, _header_end

    lines = _lines("Distr.: General", "Original: English", "(a) To urge Governments to act;")
    assert _header_end(lines, _Doc(lines)) == 2
    lines = _lines(*["Distr.: General"] * 119, "1. Decides to act;")
    assert _header_end(lines, _Doc(lines)) == 119
    lines = _lines(*["Distr.: General"] * 120, "1. Decides to act;")
    assert _header_end(lines, _Doc(lines)) == 0
    lines = _lines("Distr.: General", "Original: English")
    assert _header_end(lines, _Doc(lines)) == 0


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


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_a_copy_without_form_feeds_reads_as_the_one_with_them(name):
    # pdftotext without page breaks: the pages are found at their running headers.
    source = corpus(name)
    with_feeds, without = prepare(source), prepare(source.replace("\f", ""))
    assert [line for line in body(without) if line] == [line for line in body(with_feeds) if line]
    assert sorted((a.kind, a.text) for a in without.set_aside) == sorted(
        (a.kind, a.text) for a in with_feeds.set_aside
    )


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_footnote_is_kept_in_order_and_its_mark_taken_out_once(name):
    prepared = prepare(corpus(name))
    notes = aside(prepared, "footnote")
    numbered = [re.match(r"^\d+", note).group() for note in notes if note[:1].isdigit()]
    assert numbered == [str(k) for k in range(1, len(numbered) + 1)]
    assert sorted(aside(prepared, "mark"), key=int) == numbered
    # Three drafts carry a star note (on behalf of a group of States; the list of sponsors).
    stars = [note for note in notes if note.startswith("*")]
    assert len(stars) == (1 if name[:2] in ("22", "23", "24") else 0)


# One page: its running header, footnotes, foot and stray furniture ---------------------------


def _page(lines, *, first):
    from resolutions.text.official import _strip_page

    found = []
    doc = _doc("A/RES/78/205", IDP)
    kept, notes = _strip_page(lines, doc, found, first=first)
    return kept, notes, [(a.kind, a.line, a.text) for a in found]


def test_a_later_pages_header_star_note_and_stray_furniture_are_set_aside():
    kept, notes, found = _page(
        _lines(
            "2/13      A/RES/78/205",
            "",
            IDP,
            "",
            "Decides to act;",
            "13/13      23-26026",
            "Requests a report;",
            "* Any changes to the list of sponsors will be reflected.",
            "",
            "23-26026 (E)      *2326026*",
        ),
        first=False,
    )
    assert kept == [(5, "Decides to act;", False), (7, "Requests a report;", False)]
    assert notes == [(8, "* Any changes to the list of sponsors will be reflected.")]
    assert found == [
        ("furniture", 1, "2/13 A/RES/78/205"),
        ("furniture", 3, IDP),
        ("furniture", 10, "23-26026 (E) *2326026*"),
        ("furniture", 6, "13/13 23-26026"),
    ]


def test_a_first_pages_footnote_line_loses_the_furniture_beside_it():
    kept, notes, found = _page(
        _lines(
            IDP,
            "Decides;",
            "__________",
            "1      A/80/334.      *2326026*",
            "",
            "25-20996",
            start=20,
        ),
        first=True,
    )
    assert kept == [(20, IDP, False), (21, "Decides;", False)]
    assert notes == [(23, "1 A/80/334.")]
    assert found == [("furniture", 23, "*2326026*"), ("furniture", 25, "25-20996")]


def test_a_star_line_followed_by_text_is_no_footnote():
    kept, notes, found = _page(
        _lines("Decides;", "* Reaffirms the plan;", "Requests a report;", "2/13"), first=True
    )
    assert [t for _n, t, _p in kept] == ["Decides;", "* Reaffirms the plan;", "Requests a report;"]
    assert (notes, found) == ([], [("furniture", 4, "2/13")])


def test_the_foot_of_a_page_is_set_aside_up_to_its_last_clause():
    kept, notes, found = _page(
        _lines("Decides;", "", "2/13", "", "23-26026 (E)", "", start=5), first=True
    )
    assert kept == [(5, "Decides;", False)]
    assert found == [("furniture", 9, "23-26026 (E)"), ("furniture", 7, "2/13")]


# Layouts the corpus lacks (issue 8, last round) ---------------------------------------------


def test_a_name_with_a_hyphenated_letter_and_its_number_is_no_mark():
    # As "Agenda 21,": "Plan-B 3," names a plan, it carries no footnote.
    assert _unmarked("the Plan-B 3, and", "3") is None


def test_a_mark_is_looked_for_after_the_line_of_the_one_before_it_first():
    # "Habitat 2" above the first mark is a conference's name; the mark 2 comes after mark 1.
    text, removed = _strip(
        ["Welcomes the Habitat 2 conference", "Noting keepers, 1", "and the coast, 2"], ["1", "2"]
    )
    assert text == ["Welcomes the Habitat 2 conference", "Noting keepers,", "and the coast,"]
    assert removed == [(2, "1"), (3, "2")]


def test_on_one_line_a_mark_is_looked_for_after_the_one_before_it():
    text, removed = _strip(["Welcomes the Habitat 2 conference, 1 and the coast, 2"], ["1", "2"])
    assert text == ["Welcomes the Habitat 2 conference, and the coast,"]
    assert removed == [(1, "1"), (1, "2")]


def test_two_marks_side_by_side_are_both_taken_out():
    text, removed = _strip(["Recalling the Convention, 1 2 and its Protocol,"], ["1", "2"])
    assert text == ["Recalling the Convention, and its Protocol,"]
    assert removed == [(1, "1"), (1, "2")]


def test_the_running_title_among_a_pages_footnotes_is_set_aside_as_furniture():
    kept, notes, found = _page(
        _lines("Decides;", "__________", "1      A/80/334.", IDP, start=20), first=True
    )
    assert kept == [(20, "Decides;", False)]
    assert notes == [(22, "1 A/80/334.")]
    assert found == [("furniture", 23, IDP)]


def test_a_footnote_keeps_the_titles_words_when_wide_spaces_part_them():
    kept, notes, found = _page(
        _lines(
            "Decides;",
            "__________",
            "1      Report on the protection of      internally displaced persons.",
            start=20,
        ),
        first=True,
    )
    assert notes == [(22, "1 Report on the protection of internally displaced persons.")]
    assert found == []


def test_an_inline_section_heading_on_the_last_line_stays():
    texts = ("1. Welcomes;", "II. Utilization of resources")
    assert _sections(*texts) == (list(texts), [])


def test_a_section_heading_on_the_last_lines_is_set_aside():
    assert _sections("1. Welcomes;", "IV", "Human resources") == (
        ["1. Welcomes;"],
        [("section", 2, "IV Human resources")],
    )


def test_a_section_title_may_end_with_a_roman_numeral():
    assert _sections("1. Welcomes;", "I", "Programme budget under section IX", "2. Approves;") == (
        ["1. Welcomes;", "2. Approves;"],
        [("section", 2, "I Programme budget under section IX")],
    )


def test_a_lettered_paragraph_over_two_lines_is_no_section_title():
    assert _sections(
        "1. Welcomes;", "IV", "Human resources", "(a) Approves the budget of", "the Office;"
    ) == (
        ["1. Welcomes;", "(a) Approves the budget of", "the Office;"],
        [("section", 2, "IV Human resources")],
    )


def test_a_later_part_with_a_three_line_title_and_a_blank_line_is_kept_whole():
    assert _sections(
        "1. Welcomes;",
        "B",
        "Strengthening of the coordination of",
        "emergency humanitarian assistance of",
        "the United Nations",
        "",
        "The General Assembly,",
        "Noting,",
    )[1] == [
        (
            "part",
            2,
            "B\nStrengthening of the coordination of\nemergency humanitarian assistance of\n"
            "the United Nations\nThe General Assembly,\nNoting,",
        )
    ]


def test_a_header_line_in_two_columns_right_above_the_title_is_no_title():
    # The columns of the header: the organ's name on the left, "Distr." and the date right.
    assert _header(
        "United Nations      UNEP/EA.6/Res.1",
        "United Nations Environment      Distr.: General",
        "Assembly of the United Nations      8 March 2024",
        "Sand and dust storms",
    ) == ("UNEP/EA.6/Res.1", "Sand and dust storms")


def test_a_title_in_several_columns_is_read_as_one_line():
    assert _header(
        "A/RES/80/95", "Distr.: General", "80/95.", "", "Question of French      Polynesia"
    ) == ("A/RES/80/95", "Question of French Polynesia")
    assert _header(
        "A/RES/68/247 B",
        "Distr.: General",
        "   68/247 B.      Questions relating to the      programme budget",
    ) == ("A/RES/68/247", "Questions relating to the programme budget")


def test_a_title_right_under_the_symbol_is_read():
    assert _header("A/RES/99/12", "Lighthouses") == ("A/RES/99/12", "Lighthouses")


def test_a_running_title_of_two_words_ending_with_a_roman_numeral_is_read():
    prepared = prepare(
        FIRST_PAGE + "\fSection IX\n\nA/99/L.5\n\n2. Requests a report;\n\n2/3\n30-12345\n"
        "\fA/99/L.5\n\nSection IX\n\n3. Decides to continue.\n"
    )
    assert (prepared.symbol, prepared.title) == ("A/99/L.5", "Section IX")
    assert _filled(prepared) == [*CLAUSES, "2. Requests a report;", "3. Decides to continue."]


def test_a_form_feed_opens_a_page_even_without_a_foot_above_it():
    prepared = prepare(
        "The General Assembly,\nRecalling its resolution 79/7,\n1. Decides to act;\n"
        "\fLighthouses\nA/99/L.5\n2. Requests a report;\n"
        "\fA/99/L.5\nLighthouses\n3. Decides to continue.\n"
    )
    assert (prepared.symbol, prepared.title) == ("A/99/L.5", "Lighthouses")
    assert _filled(prepared) == [*CLAUSES, "2. Requests a report;", "3. Decides to continue."]


def test_a_short_page_of_a_copy_without_form_feeds_ends_at_its_foot():
    prepared = prepare(
        "The General Assembly,\nRecalling its resolution 79/7,\n1. Decides to act;\n"
        "30-12345 (E)\n*3012345*\nLighthouses\nA/99/L.5\n2. Requests a report;\n2/3\n30-12345\n"
        "A/99/L.5\nLighthouses\n3. Decides to continue.\n"
    )
    assert (prepared.symbol, prepared.title) == ("A/99/L.5", "Lighthouses")
    assert _filled(prepared) == [*CLAUSES, "2. Requests a report;", "3. Decides to continue."]


# The last round's survivors (issue 8): a lost footnote number, a line of 400 characters -----


def _two_pages(first_notes, second_text, second_notes):
    # test_parser_pdf's two-page copy (marks 1 and 2 on page one) with its footnote numbers
    # as given, and page two's paragraph 3 and notes as given.
    from .test_parser_pdf import HEADER, PAGE_ONE

    one = PAGE_ONE.replace("1\n2\n\n30-12345 (E)", first_notes + "\n\n30-12345 (E)")
    two = (
        "\fA/RES/99/12\n\nProtection of lighthouses\n\nand their keepers;\n3.\n"
        + second_text
        + "4.\nDecides to continue its consideration of the question.\n"
        "12th plenary meeting\n20 December 2030\n__________________\n"
        + second_notes
        + "\n\n30-12345\n\n2/2\n"
    )
    return prepare(HEADER + one + two)


def test_a_footnote_whose_number_the_copy_lost_still_has_its_mark_taken_out():
    # Page one lists only "2": footnote 1's number was lost, yet its mark after "keepers,"
    # is a footnote's as much as 2's after "border,".
    prepared = _two_pages("2", "Reiterates its call upon States to fund lighthouses;\n", "")
    assert "Recalling its resolution 79/7 on lighthouse keepers," in body(prepared)
    assert "border," in body(prepared)
    assert [a.text for a in prepared.set_aside if a.kind == "mark"] == ["1", "2"]


def test_a_lost_number_at_the_top_of_a_later_pages_notes_goes_on_from_the_page_before():
    # Page two lists "4" only: its footnote 3 lost its number. The marks expected there are 3
    # and 4 (the page before ended with 2), not 1 to 4: the conference "Habitat 2" keeps its
    # number, the marks after "site," and "coast," go.
    prepared = _two_pages(
        "1\n2",
        "Welcomes the Habitat 2 conference on lighthouses near the site, 3\nand the coast, 4\n",
        "4\n\nA/99/301.\nA/99/302.",
    )
    assert "Welcomes the Habitat 2 conference on lighthouses near the site," in body(prepared)
    assert "and the coast," in body(prepared)
    assert [a.text for a in prepared.set_aside if a.kind == "mark"] == ["1", "2", "3", "4"]


def test_a_line_of_exactly_400_characters_does_not_make_a_copy_flattened():
    from resolutions.text.official import _unflatten

    # Three double spaces, but 400 characters: not one of a flattened copy's long lines, so
    # the 401-character line beside it, with one double space, is a paragraph and stays.
    exactly = "a" * 391 + "  b  c  d"
    other = "x" * 398 + "  y"
    assert (len(exactly), len(other)) == (400, 401)
    lines = [(1, exactly, False), (2, other, False)]
    assert _unflatten(lines) == lines


def test_a_line_of_401_characters_with_three_double_spaces_is_split():
    from resolutions.text.official import _unflatten

    line = "a" * 392 + "  b  c  d"
    assert len(line) == 401
    assert _unflatten([(1, line, False)]) == [
        (1, "a" * 392, False),
        (1, "b", False),
        (1, "c", False),
        (1, "d", False),
    ]


def _first_body_line(page, symbol, title):
    # The page's first line below its running header (symbol, title, page number).
    words = " ".join(re.findall(r"[a-z0-9]+", title.lower().replace("-", "")))
    for line in page.split("\n"):
        cells = [c for c in re.split(r"\s{3,}", line.strip()) if c]
        if all(
            c == symbol
            or re.match(r"^\d{1,3}/\d{1,3}$", c)
            or f" {' '.join(re.findall(r'[a-z0-9]+', c.lower().replace('-', '')))} " in f" {words} "
            for c in cells
        ):
            continue
        return line.strip()
    return None


LATER_PAGES = [
    (name, page)
    for name in sorted(DOCUMENTS)
    if name < "19" and corpus(name).count("\f") >= 2
    for page in sorted({1, corpus(name).count("\f") // 2})
]


@pytest.mark.parametrize(("name", "page"), LATER_PAGES)
def test_a_copy_from_a_later_page_keeps_the_words_that_end_the_page_befores_paragraph(name, page):
    # A copy from page 2 (or the middle) on begins with that page's running header, then, as
    # often as not, the end of a paragraph the page before began ("violence, including …").
    # Those words are the text's, not the document's title: the title is the running
    # header's, the words stay first in the body, and no document header is set aside.
    symbol, title = RUNNING.get(name, DOCUMENTS[name])
    pieces = corpus(name).split("\f")
    prepared = prepare("\f" + "\f".join(pieces[page:]))
    assert (prepared.symbol, prepared.title) == (symbol, title)
    assert aside(prepared, "header") == []
    top = pieces[page].strip().split("\n")[0]
    assert " ".join(re.split(r"\s{3,}", top.strip())) in aside(prepared, "furniture")
    # (Footnote marks, bare numbers, are taken out of the body.)
    first = [w for w in body(prepared)[0].split() if not w.isdigit()]
    assert first == [
        w for w in _first_body_line(pieces[page], symbol, title).split() if not w.isdigit()
    ]


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Rights of Indigenous Peoples", True),
        ("Rights of   Indigenous Peoples", True),  # a -layout copy's wide spaces
        ("Rights of\t\t\tIndigenous Peoples", True),
        ("Please recycle", True),
        ("Rights of Indigenous Peoples   Please recycle", True),
        # A paragraph's last line, the title's words then its end: "Peoples;" ends a clause.
        ("Rights of   Indigenous Peoples;", False),
        ("Rights of Indigenous Peoples   and their lands", False),
    ],
)
def test_a_line_without_numbers_at_a_page_top_is_furniture_only_if_each_wide_spaced_part_is(
    line, furniture
):
    doc = _doc("A/RES/78/189", "Rights of Indigenous Peoples")
    assert doc.is_furniture(line, title_ok=True) is furniture
    assert doc.is_furniture(line) is (line == "Please recycle")


def _page_top(title_first):
    return (
        "Protection of lighthouses\n\nA/RES/99/12\n\n"
        if title_first
        else "A/RES/99/12\n\nProtection of lighthouses\n\n"
    )


def test_the_running_title_need_not_stand_by_every_one_of_the_symbols_places():
    # From page 2 on, three pages: the last one's top gives the symbol alone. The title is
    # near the symbol at two of its three places: that is the running title.
    prepared = prepare(
        "\f"
        + _page_top(True)
        + "and their keepers;\n3.\nReiterates its call upon States to fund lighthouses;\n\n2/4\n"
        + "\f"
        + _page_top(False)
        + "4.\nEncourages States to share information on lighthouses;\n\n3/4\n"
        + "\fA/RES/99/12\n\n5.\nDecides to continue its consideration of the question.\n\n4/4\n"
    )
    assert (prepared.symbol, prepared.title) == ("A/RES/99/12", "Protection of lighthouses")
    assert body(prepared)[0] == "and their keepers;"
    assert "Protection of lighthouses" not in body(prepared)


def test_a_header_without_its_title_takes_the_running_headers():
    # A first page's header pasted without the title's lines: the title is the one the
    # pages after it repeat beside the symbol.
    from .test_parser_pdf import PAGE_ONE, PAGE_TWO

    header = (
        "A/RES/99/12\n\nUnited Nations\n\nGeneral Assembly\n\nDistr.: General\n3 January 2031\n\n"
        "Ninety-ninth session\nAgenda item 7\n\n"
    )
    three = PAGE_TWO.replace("2/2", "2/3") + "\f" + _page_top(True) + "5.\nDecides to act.\n\n3/3\n"
    prepared = prepare(header + PAGE_ONE + three)
    assert (prepared.symbol, prepared.title) == ("A/RES/99/12", "Protection of lighthouses")


@pytest.mark.parametrize(
    "line",
    ["Amendment to draft resolution A/C.3/99/L.2", "Sweden: Amendments to the draft resolution"],
)
def test_an_amendments_header_is_known_whatever_its_capitals(line):
    prepared = prepare(
        "A/C.3/99/L.5\n\nDistr.: Limited\n\nNinety-ninth session\nThird Committee\n"
        f"Agenda item 7\n\n{line}\n\nLighthouses\n\n"
        "1. In the first preambular paragraph, delete “old”.\n"
    )
    assert prepared.amendment


def test_a_copy_without_form_feeds_or_page_feet_still_sets_the_running_header_aside():
    # The page numbers and job numbers deleted by hand, the form feeds lost: the running
    # header (symbol, then title) still opens page 2, and its title does not run into
    # paragraph 2 ("… report on lighthouses Protection of lighthouses and their keepers").
    from .test_parser_pdf import HEADER

    prepared = prepare(
        HEADER + "The General Assembly,\nRecalling its resolution 79/7 on lighthouse keepers,\n"
        "1.\nDecides to protect lighthouses;\n2.\n"
        "Requests the Secretary-General to report on lighthouses\n"
        "A/RES/99/12\n\nProtection of lighthouses\n\n"
        "and their keepers;\n3.\nDecides to continue its consideration of the question.\n"
    )
    assert [line for line in body(prepared) if line][-4:] == [
        "Requests the Secretary-General to report on lighthouses",
        "and their keepers;",
        "3.",
        "Decides to continue its consideration of the question.",
    ]
    assert "Protection of lighthouses" not in body(prepared)
    assert aside(prepared, "furniture") == ["A/RES/99/12", "Protection of lighthouses"]


def test_a_copy_of_one_later_page_reads_its_running_header_as_its_header():
    # One page alone (A/RES/80/191's last): no page repeats the title, so the copy cannot
    # be told from a first page; its running header is read as the header, title and all.
    pieces = corpus("03_A_RES_80_191.txt").split("\f")
    prepared = prepare("\f" + pieces[15])
    assert (prepared.symbol, prepared.title) == ("A/RES/80/191", "Rights of Indigenous Peoples")
    assert body(prepared)[0].startswith("62. Calls upon the relevant States")


def _later_copy(lines_before, line):
    # From page 2 on, two pages: ``line`` after ``lines_before`` non-blank lines of the
    # copy (the running header's two first).
    filler = "".join(f"the measures numbered {n} and\n" for n in range(lines_before - 2))
    return prepare(
        "\f" + _page_top(False) + filler + line + "\n3.\nDecides to act;\n\n2/3\n"
        "\f" + _page_top(True) + "4.\nDecides to continue.\n\n3/3\n"
    )


def test_a_first_pages_header_line_is_looked_for_in_the_copys_first_eight_lines():
    # "United Nations" alone on a line: a first page's header within the first eight lines,
    # a line of a paragraph ("… the role of the / United Nations / …") further down.
    first = _later_copy(7, "United Nations")
    assert aside(first, "header") != []
    later = _later_copy(8, "United Nations")
    assert aside(later, "header") == []
    assert later.title == "Protection of lighthouses"
    assert "United Nations" in body(later)


def test_the_running_title_is_read_within_four_lines_of_the_symbol():
    # A line repeated at the same distance from the symbol on every page is part of the
    # running title only within four lines above or below it (blank and foot lines count).
    def title(above=None, below=None):
        def page(p):
            filler = [f"the line {n} of page {p}" for n in range(6)]
            lines = ["A/RES/99/12", "Protection of lighthouses"]
            if below is not None:
                lines += filler[:below] + ["Recalls the plan"]
            lines += [f"the body of page {p}, line {n}" for n in range(6)]
            if above is not None:
                lines += ["Recalls the plan"] + filler[:above]
            return "\f" + "\n".join([*lines, "25-12345", f"{p}/4"]) + "\n"

        return prepare(page(2) + page(3) + page(4)).title

    assert "Recalls the plan" in title(above=1)  # four lines above: it, one, two feet
    assert title(above=2) == "Protection of lighthouses"
    assert "Recalls the plan" in title(below=2)  # four lines below: the title, two
    assert title(below=3) == "Protection of lighthouses"


def test_a_symbol_seen_once_is_the_documents_within_a_pages_first_four_lines():
    # A copy from the heading on whose page 2 is its last: the symbol, seen once, is the
    # running header's only on the page's first four lines (blank lines count).
    def copy(title_lines):
        title = "\n".join(["Protection of lighthouses"] * title_lines)
        return prepare(
            "The General Assembly,\nRecalling its resolution 79/7,\n1. Decides to act;\n\n"
            f"25-12345\n1/2\n\f{title}\n\nA/RES/99/12\n\n2. Decides to continue.\n\n2/2\n"
        )

    assert copy(2).symbol == "A/RES/99/12"
    assert copy(3).symbol is None


def test_the_heading_stays_when_the_title_names_the_body():
    # "Revitalization of the work of the General Assembly": the heading "The General
    # Assembly," reads as words of the title, yet on the first page it opens the text.
    from .test_parser_pdf import DOCUMENT

    title = "Revitalization of the work of the General Assembly"
    prepared = prepare(DOCUMENT.replace("Protection of lighthouses", title))
    assert prepared.title == title
    assert body(prepared)[0] == "The General Assembly,"


def test_a_copy_without_its_heading_begins_its_body_at_the_first_paragraph():
    # "The General Assembly," left out of the copy: the header ends above the first line
    # that opens with a known phrase, here a preambular one, and no paragraph is lost to it.
    from .test_parser_pdf import DOCUMENT

    prepared = prepare(DOCUMENT.replace("The General Assembly,\n", ""))
    assert body(prepared)[0] == "Recalling its resolution 79/7 on lighthouse keepers,"
    assert aside(prepared, "header")[0].split("\n")[-1] == "Protection of lighthouses"


def test_a_copy_without_a_symbol_is_still_cut_into_pages_at_its_form_feeds():
    # No symbol anywhere: the form feed alone ends page 1, so its footnotes end there and
    # page 2's paragraphs are not read as more of them.
    prepared = prepare(
        "Distr.: General\n3 January 2031\n\nProtection of lighthouses\n\nThe General Assembly,\n"
        "Recalling its resolution 79/7, 1\n1. Decides to protect lighthouses;\n"
        "__________________\n1 A/79/7.\n\n1/2\n"
        "\f2. Requests a report on lighthouses;\n3. Decides to continue.\n\n2/2\n"
    )
    assert prepared.symbol is None
    assert body(prepared)[-2:] == [
        "2. Requests a report on lighthouses;",
        "3. Decides to continue.",
    ]
    assert aside(prepared, "footnote") == ["1 A/79/7."]


@pytest.mark.parametrize(
    ("name", "page", "first"),
    [
        ("21_A_C.4_80_L.6.txt", 1, "Considering that the high quality of the work and"),
        ("22_A_C.2_80_L.39.txt", 1, "Nations Framework Convention on Climate Change"),
        ("22_A_C.2_80_L.39.txt", 4, "the active participation of all countries, and"),
        # Two pages, the symbol twice.
        ("22_A_C.2_80_L.39.txt", 6, "share information under the technical advisory group"),
    ],
)
def test_a_drafts_copy_from_a_later_page_keeps_its_first_words(name, page, first):
    # A Main Committee draft repeats only its symbol at the top of its pages: a copy from a
    # later page sets the symbol aside and keeps the words under it (no title, no header).
    pieces = corpus(name).split("\f")
    prepared = prepare("\f" + "\f".join(pieces[page:]))
    assert (prepared.symbol, prepared.title) == (DOCUMENTS[name][0], None)
    assert aside(prepared, "header") == []
    assert body(prepared)[0].startswith(first)
    assert DOCUMENTS[name][0] not in " ".join(body(prepared))


@pytest.mark.parametrize("separator", ["\f", "\n"])
def test_a_layout_copy_from_a_page_whose_symbol_stands_left_of_the_title_is_official(separator):
    # A/RES/78/111 -layout, from page 4: "Report of … of the United" on the right, then
    # "A/RES/78/111" on the left of "Nations and on …". The copy is an official one, and
    # its running header is set aside on every page.
    name = "06_A_RES_78_111_layout.txt"
    pieces = corpus(name).split("\f")
    prepared = prepare(separator.join(pieces[3:]))
    assert prepared.official
    assert (prepared.symbol, prepared.title) == RUNNING[name]
    assert body(prepared)[0].startswith("(c) Calls upon the Special Committee")
    assert not any("A/RES/78/111" in line or "4/5" in line for line in body(prepared))


def test_a_copy_from_the_middle_of_the_first_page_keeps_its_first_words():
    # Copied from the middle of A/RES/78/205's paragraph "Recalling that internally displaced
    # persons are …" on: no header above, so its first lines are text, not a header.
    source = corpus("02_A_RES_78_205.txt")
    first_page = source.split("\f")[0].split("\n")
    start = "\n".join(first_page[26:])
    prepared = prepare(start + source[len(source.split("\f")[0]) :])
    assert (prepared.symbol, prepared.title) == RUNNING["02_A_RES_78_205.txt"]
    assert aside(prepared, "header") == []
    assert body(prepared)[0] == first_page[26].strip()
