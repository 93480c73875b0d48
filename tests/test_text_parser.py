"""Every trap of pasted text, each with an input written for its test."""

import pytest

from resolutions.text import ParseError, parse

from .text_helpers import assert_no_word_dropped


def texts(result):
    return [c.text for c in result.resolution.operative]


def test_lines_wrapped_in_the_middle_of_a_clause_are_joined():
    source = """Recalling its earlier work on the
matter of organized crime,

1. Encourages Member States to share
   information with one another
   in real time;
2. Requests the Secretariat to report."""
    result = parse(source)
    assert result.resolution.preamble[0].text == (
        "Recalling its earlier work on the matter of organized crime"
    )
    assert texts(result) == [
        "Encourages Member States to share information with one another in real time",
        "Requests the Secretariat to report",
    ]
    assert result.warnings == []
    assert_no_word_dropped(source, result.resolution)


def test_blank_lines_and_page_breaks_inside_a_clause():
    source = (
        "Noting with concern the growth of\n\nillicit markets,\n\n"
        "1. Urges Member States to act through\n\f\nregional bodies and\n\n"
        "- national agencies;\n\n2. Decides to remain seized of the matter."
    )
    result = parse(source)
    assert result.resolution.preamble[0].text == "Noting with concern the growth of illicit markets"
    assert texts(result) == [
        "Urges Member States to act through regional bodies and national agencies",
        "Decides to remain seized of the matter",
    ]
    assert_no_word_dropped(source, result.resolution)


def test_bullets_and_dashes_before_labels_and_any_indentation():
    source = """Recalling resolution 55/25,
- 1. Encourages Member States to:
      • a. Train judges;
   – b. Train prosecutors:
            ◦ i. On money laundering;
  · ii. On cybercrime;
• 2. Requests a report."""
    result = parse(source)
    op = result.resolution.operative
    assert [c.text for c in op] == ["Encourages Member States to", "Requests a report"]
    assert [c.text for c in op[0].children] == ["Train judges", "Train prosecutors"]
    assert [c.text for c in op[0].children[1].children] == ["On money laundering", "On cybercrime"]
    assert result.warnings == []


@pytest.mark.parametrize(
    ("first", "second", "sub1", "sub2", "subsub1", "subsub2"),
    [
        ("1.", "2.", "a.", "b.", "i.", "ii."),
        ("1)", "2)", "(a)", "(b)", "(i)", "(ii)"),
        ("1.", "2.", "a)", "b)", "I.", "II."),
        ("I.", "II.", "A.", "B.", "1)", "2)"),
    ],
)
def test_label_styles_at_any_level(first, second, sub1, sub2, subsub1, subsub2):
    source = (
        f"Recalling the Charter,\n{first} Encourages cooperation by:\n  {sub1} Training:\n"
        f"    {subsub1} Judges;\n    {subsub2} Prosecutors;\n  {sub2} Funding;\n"
        f"{second} Requests a report."
    )
    result = parse(source)
    op = result.resolution.operative
    assert [c.text for c in op] == ["Encourages cooperation by", "Requests a report"]
    assert [c.text for c in op[0].children] == ["Training", "Funding"]
    assert [c.text for c in op[0].children[0].children] == ["Judges", "Prosecutors"]
    assert result.warnings == []


def test_letter_i_after_h_is_a_letter():
    letters = "abcdefghij"
    subs = "\n".join(f"    {x}. Item {x.upper()};" for x in letters)
    source = f"Recalling the Charter,\n1. Lists:\n{subs}\n2. Ends the list."
    op = parse(source).resolution.operative
    assert len(op[0].children) == 10
    assert op[0].children[8].text == "Item I"
    assert op[0].children[9].text == "Item J"
    assert all(not c.children for c in op[0].children)


def test_i_after_a_clause_ending_with_a_colon_opens_a_deeper_level():
    source = """Recalling the Charter,
1. Lists:
    g. Item G;
    h. Item H, namely:
    i. Its first part;
    ii. Its second part;
2. Ends the list."""
    op = parse(source).resolution.operative
    assert [c.text for c in op[0].children] == ["Item G", "Item H, namely"]
    assert [c.text for c in op[0].children[1].children] == ["Its first part", "Its second part"]


def test_letter_i_after_h_with_its_own_roman_children():
    source = """Recalling the Charter,
1. Lists:
    h. Item H with parts:
        i. Part one;
        ii. Part two;
    i. Item I;
2. Ends."""
    op = parse(source).resolution.operative
    assert [c.text for c in op[0].children] == ["Item H with parts", "Item I"]
    assert [c.text for c in op[0].children[0].children] == ["Part one", "Part two"]


def test_numbers_inside_text_are_not_labels():
    source = """Taking into consideration Article 1.1 of the Charter and resolution 55/25,
Deeply concerned that crime takes between 3% to 7% of GDP, some
2.1 billion dollars, and that
55/25 was adopted in 2000,
1. Notes that
2.1 billion people are affected;
2. Urges action under Article
33. of the Convention."""
    result = parse(source)
    pre = result.resolution.preamble
    assert pre[0].text == (
        "Taking into consideration Article 1.1 of the Charter and resolution 55/25"
    )
    assert pre[1].text == (
        "Deeply concerned that crime takes between 3% to 7% of GDP, some 2.1 "
        "billion dollars, and that 55/25 was adopted in 2000"
    )
    assert texts(result) == [
        "Notes that 2.1 billion people are affected",
        "Urges action under Article 33. of the Convention",
    ]
    assert [w.message for w in result.warnings] == [
        "“33” starts a line in the middle of a sentence; kept as text"
    ]
    assert_no_word_dropped(source, result.resolution)


def test_missing_operative_number_is_numbered_and_reported():
    source = """Recalling the Charter,
1. Encourages a;
2. Requests b;
3. Urges c;
4. Invites d;
6. Decides e;
7. Supports f."""
    result = parse(source)
    assert len(result.resolution.operative) == 6
    assert result.resolution.operative[4].text == "Decides e"
    assert [(w.line, w.message) for w in result.warnings] == [
        (6, "operative clause after 4 was numbered 6; renumbered as 5")
    ]


def test_doubled_operative_number_is_renumbered_once():
    source = """Recalling the Charter,
1. Encourages a;
2. Requests b;
2. Urges c;
3. Invites d."""
    result = parse(source)
    assert texts(result) == ["Encourages a", "Requests b", "Urges c", "Invites d"]
    assert [(w.line, w.message) for w in result.warnings] == [
        (4, "operative clause after 2 was numbered 2; renumbered as 3")
    ]


def test_unlabelled_operative_clause_between_numbers():
    source = "Recalling the Charter,\n1. Encourages a;\n- Requests b;\n3. Urges c."
    result = parse(source)
    assert texts(result) == ["Encourages a", "Requests b", "Urges c"]
    assert [w.message for w in result.warnings] == [
        "operative clause without a number after 1; numbered 2"
    ]


def test_preambular_clause_ending_with_a_period():
    source = "Recalling the Charter.\nNoting the report,\n1. Decides to act."
    result = parse(source)
    assert [c.text for c in result.resolution.preamble] == [
        "Recalling the Charter",
        "Noting the report",
    ]
    assert [(w.line, w.message) for w in result.warnings] == [
        (1, "preambular clause ends with a period instead of a comma")
    ]


def test_header_lines_and_the_opening_line():
    source = """Code: DR 1/2
Committee: Commission on Crime Prevention and Criminal Justice
Topic: Trafficking in persons

The Commission on Crime Prevention and Criminal Justice,

Recalling the Charter,

1. Decides to act."""
    result = parse(source)
    r = result.resolution
    assert r.heading == "The Commission on Crime Prevention and Criminal Justice"
    assert [c.text for c in r.preamble] == ["Recalling the Charter"]
    assert texts(result) == ["Decides to act"]
    assert result.warnings == []


def test_committee_and_topic_on_one_line_with_markdown():
    source = (
        "Committee: CCPCJ **Topic:** Trafficking\n\nThe General Assembly,\n\n"
        "*Recalling* its resolution 55/25,\n\n1. *Further invites* States to act "
        "against \\$2.6 trillion of losses."
    )
    r = parse(source).resolution
    assert r.heading == "The General Assembly"
    assert r.preamble[0].text == "Recalling its resolution 55/25"
    assert r.operative[0].text == "Further invites States to act against $2.6 trillion of losses"
    assert r.to_dict()["operative"][0]["phrase"] == "Further invites"


def test_pasted_from_a_word_processor_without_numbers():
    source = (
        "The Security Council,\nRecalling its resolutions,\nAlarmed by the violence,\n"
        "Demands an immediate ceasefire;\nDecides to remain actively seized of the matter."
    )
    result = parse(source)
    r = result.resolution
    assert [c.text for c in r.preamble] == ["Recalling its resolutions", "Alarmed by the violence"]
    assert texts(result) == [
        "Demands an immediate ceasefire",
        "Decides to remain actively seized of the matter",
    ]
    assert [w.message for w in result.warnings] == [
        "first operative clause has no number; numbered 1",
        "operative clause without a number after 1; numbered 2",
    ]


def test_sub_clause_with_a_skipped_letter_is_relabeled():
    source = "Recalling the Charter,\n1. Asks:\n a. One;\n c. Two;\n d. Three."
    result = parse(source)
    assert [c.text for c in result.resolution.operative[0].children] == ["One", "Two", "Three"]
    assert [w.message for w in result.warnings] == [
        "sub-clause after 1.a was labeled c; relabeled 1.b"
    ]


@pytest.mark.parametrize("source", ["", "   \n\n  ", "hello world", "Lorem ipsum dolor sit amet."])
def test_no_recognizable_resolution_is_a_clear_error(source):
    with pytest.raises(ParseError, match="No resolution found"):
        parse(source)


def test_parse_never_drops_words_on_a_messy_paste():
    source = """Code: WP 1
The   General Assembly,
   Recalling the Charter (1945)
   and its Article 2,
Alarmed by 3% to 7% losses.
 - 1. Encourages:
 • a) the first thing and
   the second;
 b) (i) odd start;
 2) Requests
 - the Secretariat to report;
3. Decides."""
    result = parse(source)
    assert_no_word_dropped(source, result.resolution, header_lines=("Code:",))
