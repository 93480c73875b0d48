"""Copies of official UN documents (issue 9): one small test per way such a copy used to go
wrong. The inputs imitate what pdftotext gives for an official PDF."""

import re
from pathlib import Path

import pytest

from resolutions.text import parse, render_html, render_text
from resolutions.text.phrases import OPERATIVE, PREAMBULAR, opening_phrase
from resolutions.text.render import render_rows

CORPUS = Path(__file__).resolve().parent / "data" / "un-official"
DATA = Path(__file__).resolve().parent / "data" / "pdf-copies"

HEADER = """A/RES/99/12

United Nations

General Assembly

Distr.: General
3 January 2031

Ninety-ninth session
Agenda item 7
Protection of lighthouses

Resolution adopted by the General Assembly on
20 December 2030
[on the report of the Third Committee (A/99/400, para. 12)]

99/12.

Protection of lighthouses
"""

PAGE_ONE = """The General Assembly,
Recalling its resolution 79/7 on lighthouse keepers, 1
Noting with grave concern the damage to lighthouses near the
border, 2
Looking forward to the conference on lighthouses,
1.
Decides to protect lighthouses;
2.
Requests the Secretary-General to report on lighthouses
__________________
1
2

30-12345 (E)

A/79/7, annex.
A/99/300.

040131

*3012345*
"""

PAGE_TWO = """\fA/RES/99/12

Protection of lighthouses

and their keepers;
3.
Reiterates its call upon States to fund lighthouses;
4.
Decides to continue its consideration of the question.
12th plenary meeting
20 December 2030

30-12345

2/2
"""

DOCUMENT = HEADER + PAGE_ONE + PAGE_TWO


def _texts(clauses):
    return [c.text for c in clauses]


# 1. A paragraph number alone on its line --------------------------------------------------


def test_a_number_alone_on_its_line_numbers_the_next_line():
    result = parse(
        "The Commission,\nRecalling its work,\n1.\nDecides to act;\n2.\n"
        "Requests a report;\n3.\nDecides to remain seized.\n"
    )
    assert _texts(result.resolution.operative) == [
        "Decides to act",
        "Requests a report",
        "Decides to remain seized",
    ]
    assert result.warnings == []


# 2. Footnote marks at the end of a paragraph ------------------------------------------------


def test_footnote_marks_do_not_hide_the_end_of_a_paragraph():
    resolution = parse(DOCUMENT).resolution
    assert _texts(resolution.preamble) == [
        "Recalling its resolution 79/7 on lighthouse keepers",
        "Noting with grave concern the damage to lighthouses near the border",
        "Looking forward to the conference on lighthouses",
    ]


def test_footnote_texts_are_kept_apart_from_the_clauses():
    result = parse(DOCUMENT)
    everything = " ".join(c.text for _k, _p, c in result.resolution.clauses())
    assert "A/79/7, annex" not in everything and "A/99/300" not in everything
    assert result.resolution.footnotes == ["1 A/79/7, annex.", "2 A/99/300."]


# 3. Page furniture ------------------------------------------------------------------------


def test_page_furniture_is_set_aside_and_reported_in_one_line():
    result = parse(DOCUMENT)
    resolution = result.resolution
    assert _texts(resolution.operative) == [
        "Decides to protect lighthouses",
        "Requests the Secretary-General to report on lighthouses and their keepers",
        "Reiterates its call upon States to fund lighthouses",
        "Decides to continue its consideration of the question",
    ]
    aside = {a.text for a in result.set_aside if a.kind == "furniture"}
    assert {"30-12345 (E)", "040131", "*3012345*", "A/RES/99/12", "2/2"} <= aside
    assert "Protection of lighthouses" in aside
    closing = [a.text for a in result.set_aside if a.kind == "closing"]
    assert closing == ["12th plenary meeting / 20 December 2030"]
    assert len(result.warnings) == 1
    assert result.warnings[0].message.startswith("set aside from the official copy, not lost")
    assert "plenary meeting" in result.warnings[0].message


def test_a_paragraph_ending_with_the_titles_words_at_a_page_end_keeps_them():
    text = HEADER + (
        "The General Assembly,\nRecalling its resolution 79/7,\nNoting the report on the\n"
        "Protection of lighthouses,\n\n30-12345 (E)\n\n*3012345*\n"
        "\fA/RES/99/12\n\nProtection of lighthouses\n\n1. Decides to act.\n"
    )
    result = parse(text)
    assert _texts(result.resolution.preamble) == [
        "Recalling its resolution 79/7",
        "Noting the report on the Protection of lighthouses",
    ]
    assert _texts(result.resolution.operative) == ["Decides to act"]


# 4. The document header -------------------------------------------------------------------


def test_the_document_header_is_set_aside_and_the_heading_found():
    resolution = parse(DOCUMENT).resolution
    assert resolution.heading == "The General Assembly"
    assert resolution.preamble[0].text.startswith("Recalling")
    assert resolution.document == {"symbol": "A/RES/99/12", "title": "Protection of lighthouses"}


def test_a_security_council_header_is_recognised():
    text = (
        "S/RES/1826 (2008)\n\nSecurity Council\n\nDistr.: General\n29 July 2008\n\n"
        "Resolution 1826 (2008)\n\n"
        "Adopted by the Security Council at its 5945th meeting, on 29 July 2008\n\n"
        "The Security Council,\n"
        "Recalling its previous resolutions on the situation in the region,\n"
        "Determining that the situation constitutes a threat to international peace,\n"
        "Acting under Chapter VII of the Charter of the United Nations,\n"
        "1. Decides to renew the measures;\n"
        "2. Decides to remain seized of the matter.\n"
    )
    result = parse(text)
    assert result.resolution.heading == "The Security Council"
    assert [c.text.split()[0] for c in result.resolution.preamble] == [
        "Recalling",
        "Determining",
        "Acting",
    ]
    assert len(result.resolution.operative) == 2
    assert result.resolution.document["symbol"] == "S/RES/1826 (2008)"
    assert len(result.warnings) == 1


def test_a_human_rights_council_text_with_a_recorded_vote():
    text = (
        "A/HRC/RES/55/1\n\nUnited Nations\n\nGeneral Assembly\n\nDistr.: General\n"
        "10 April 2024\n\nHuman Rights Council\nFifty-fifth session\nAgenda item 3\n\n"
        "Resolution adopted by the Human Rights Council on 3 April 2024\n\n55/1.\n\n"
        "The right to food\nThe Human Rights Council,\nGuided by the Charter,\n"
        "1. Reaffirms that hunger constitutes an outrage;\n"
        "2. Decides to continue its consideration of the question.\n"
        "47th meeting\n3 April 2024\n"
        "[Adopted by a recorded vote of 30 to 2, with 15 abstentions. The voting was as follows:\n"
        "In favour:\nArgentina, Benin, Chile\nAgainst:\nParaguay, Romania\n"
        "Abstaining:\nAlbania, Bulgaria]\n"
    )
    result = parse(text)
    assert result.resolution.heading == "The Human Rights Council"
    assert _texts(result.resolution.operative) == [
        "Reaffirms that hunger constitutes an outrage",
        "Decides to continue its consideration of the question",
    ]
    closing = [a.text for a in result.set_aside if a.kind == "closing"]
    assert closing[0].startswith("47th meeting / 3 April 2024 / [Adopted by a recorded vote")
    assert closing[0].endswith("Albania, Bulgaria]")
    assert len(result.warnings) == 1


@pytest.mark.parametrize("feeds", [True, False])
def test_a_security_council_resolution_copied_in_layout_mode(feeds):
    """Written for this test in the layout of S/RES/2719 (2023) as pdftotext -layout gives it
    (tests/data/pdf-copies): columns, a symbol with its year, a footnote, a page foot."""
    text = (DATA / "security_council_layout.txt").read_text(encoding="utf-8")
    result = parse(text if feeds else text.replace("\f", ""))
    resolution = result.resolution
    assert resolution.heading == "The Security Council"
    assert [c.text.split()[0] for c in resolution.preamble] == [
        "Recalling",
        "Reaffirming",
        "Acting",
    ]
    assert [c.text.split()[0] for c in resolution.operative] == ["Decides", "Requests", "Decides"]
    assert _texts(resolution.operative[1].children) == [
        "On progress made in the joint preparation",
        "On the financing arrangements",
    ]
    assert resolution.preamble[1].text.endswith("international peace and security")
    assert resolution.footnotes == ["1 S/PRST/2023/1."]
    assert resolution.document["symbol"] == "S/RES/2719 (2023)"
    assert len(result.warnings) == 1


# 5. A lettered list inside the preamble ---------------------------------------------------


def test_a_lettered_list_in_the_preamble_stays_in_the_preamble():
    text = (
        "The General Assembly,\n"
        "Recalling its resolution 64/293,\n"
        "Reaffirming that the Global Plan of Action was developed:\n"
        "(a) To urge Governments to take measures,\n"
        "(b) To promote a comprehensive approach,\n"
        "Noting the report of the Secretary-General,\n"
        "1. Welcomes the report;\n"
        "2. Decides to continue.\n"
    )
    result = parse(text)
    resolution = result.resolution
    assert [c.text.split()[0] for c in resolution.preamble] == [
        "Recalling",
        "Reaffirming",
        "Noting",
    ]
    assert _texts(resolution.preamble[1].children) == [
        "To urge Governments to take measures",
        "To promote a comprehensive approach",
    ]
    assert _texts(resolution.operative) == ["Welcomes the report", "Decides to continue"]
    assert result.warnings == []


# 6. Opening phrases -----------------------------------------------------------------------


def test_the_longest_phrase_wins_as_the_official_italics_have_it():
    assert opening_phrase("Recalling also its resolution", PREAMBULAR) == "Recalling also"
    assert opening_phrase("Noting with grave concern the", PREAMBULAR) == (
        "Noting with grave concern"
    )
    assert opening_phrase("Taking note of the report", PREAMBULAR) == "Taking note"
    assert opening_phrase("Taking note also of the report", PREAMBULAR) == "Taking note also"
    assert opening_phrase("Reiterates its call upon States", OPERATIVE) == (
        "Reiterates its call upon"
    )
    assert opening_phrase("Takes note with appreciation of", OPERATIVE) == (
        "Takes note with appreciation"
    )
    assert opening_phrase("Takes note that the", OPERATIVE) == "Takes note"


def test_phrases_found_in_real_texts_are_known():
    for phrase in [
        "Encouraging",
        "Inviting",
        "Condemning",
        "Urging",
        "Praising",
        "Looking forward to",
        "Determining",
        "Acting under",
        "Having taken note",
    ]:
        assert opening_phrase(f"{phrase} the work", PREAMBULAR) == phrase
    for phrase in [
        "Recalls",
        "Also recalls",
        "Further recalls",
        "Underscores",
        "Continues to",
        "Takes note with appreciation",
    ]:
        assert opening_phrase(f"{phrase} the work", OPERATIVE) == phrase


# 7. Structures that are not held ----------------------------------------------------------


def test_a_numbered_list_after_a_colon_is_held_as_sub_clauses():
    text = (
        "The General Assembly,\n"
        "Recalling its rules of procedure,\n"
        "1. Decides to convene the session;\n"
        "2. Approves the following provisional agenda:\n"
        "1. Opening of the session.\n"
        "2. Election of officers.\n"
        "3. Adoption of the agenda.\n"
        "3. Requests the Secretary-General to report;\n"
        "4. Decides to remain seized of the matter.\n"
    )
    result = parse(text)
    operative = result.resolution.operative
    assert [c.text.split()[0] for c in operative] == ["Decides", "Approves", "Requests", "Decides"]
    assert _texts(operative[1].children) == [
        "Opening of the session",
        "Election of officers",
        "Adoption of the agenda",
    ]
    assert result.warnings == []


def test_section_headings_are_kept_apart_with_one_warning():
    text = (
        HEADER
        + "The General Assembly,\nRecalling its resolution 79/248,\n"
        + "1. Welcomes the report;\nI\nCalendar of conferences\n2. Approves the calendar;\n"
        + "3. Authorizes adjustments;\nII\nLanguage services\n4. Requests efforts;\n"
    )
    result = parse(text)
    resolution = result.resolution
    assert _texts(resolution.operative) == [
        "Welcomes the report",
        "Approves the calendar",
        "Authorizes adjustments",
        "Requests efforts",
    ]
    assert resolution.sections == [
        {"text": "I Calendar of conferences", "before": "op 2"},
        {"text": "II Language services", "before": "op 4"},
    ]
    section_warnings = [w for w in result.warnings if "section" in w.message]
    assert len(section_warnings) == 1
    assert section_warnings[0].line == text.split("\n").index("I") + 1


def test_section_headings_on_one_line_are_kept_apart_too():
    text = (
        HEADER
        + "The General Assembly,\nRecalling its resolution 79/248,\n"
        + "1. Welcomes the report;\nI. Calendar of conferences\n2. Approves the calendar;\n"
        + "II. Language services\n3. Requests efforts.\n"
    )
    result = parse(text)
    assert _texts(result.resolution.operative) == [
        "Welcomes the report",
        "Approves the calendar",
        "Requests efforts",
    ]
    assert [s["before"] for s in result.resolution.sections] == ["op 2", "op 3"]
    assert len(result.warnings) == 2


def test_an_annex_is_kept_apart_not_merged_into_the_last_clause():
    text = (
        HEADER
        + "The General Assembly,\nRecalling its resolution 79/248,\n"
        + "1. Welcomes the report;\n2. Adopts the declaration annexed to the present "
        + "resolution.\n71st plenary meeting\n20 December 2030\n\nAnnex\n\n"
        + "Declaration on lighthouses\n1. Lighthouses shall be protected.\n"
    )
    result = parse(text)
    resolution = result.resolution
    assert resolution.operative[-1].text == (
        "Adopts the declaration annexed to the present resolution"
    )
    assert len(resolution.operative) == 2
    assert resolution.annexes == [
        "Annex\nDeclaration on lighthouses\n1. Lighthouses shall be protected."
    ]
    annex_warnings = [w for w in result.warnings if "annex" in w.message]
    assert len(annex_warnings) == 1


def test_a_resolution_in_parts_keeps_the_later_parts_apart():
    text = (
        HEADER.replace("Protection of lighthouses\n", "A\nLighthouse keepers\n", 1)
        + "The General Assembly,\nRecalling its resolution 79/248,\n"
        + "1. Welcomes the report;\n2. Decides to continue.\n"
        + "B\nLighthouse ships\nThe General Assembly,\nNoting the ships,\n"
        + "1. Welcomes the ships.\n"
    )
    result = parse(text)
    resolution = result.resolution
    assert _texts(resolution.operative) == ["Welcomes the report", "Decides to continue"]
    assert len(resolution.preamble) == 1
    assert resolution.annexes == [
        "B\nLighthouse ships\nThe General Assembly,\nNoting the ships,\n1. Welcomes the ships."
    ]
    assert [w.message.split(";")[0] for w in result.warnings[1:]] == [
        "the text is in parts, each with its own preamble"
    ]


def test_a_single_operative_paragraph_stands_unnumbered_without_warning():
    text = HEADER + (
        "The General Assembly,\nTaking note of the report,\n"
        "Decides to include in the provisional agenda of its next session the item.\n"
    )
    result = parse(text)
    assert _texts(result.resolution.operative) == [
        "Decides to include in the provisional agenda of its next session the item"
    ]
    assert len(result.warnings) == 1


def test_words_the_copy_moved_away_from_a_lone_number_are_put_back():
    text = HEADER + (
        "The General Assembly,\nRecalling its resolution 79/248,\n"
        "1.\nranges;\n\nReiterates that language posts are not subject to desirable\n\n"
        "2.\nrelevant special procedure mandate holders to give attention;\n"
        "3. Invites the Office to consider guidance;\nI nv ite s\n\n"
        "4. Decides to continue.\n"
    )
    result = parse(text)
    assert _texts(result.resolution.operative) == [
        "Reiterates that language posts are not subject to desirable ranges",
        "Invites relevant special procedure mandate holders to give attention",
        "Invites the Office to consider guidance",
        "Decides to continue",
    ]
    assert len(result.warnings) == 1


# 8. Warnings ------------------------------------------------------------------------------


def test_warning_lines_point_at_the_input_despite_form_feeds():
    text = (
        "The Commission,\nRecalling its work,\n1. Decides to act;\n\f2. Requests a report;\n"
        "\f3. Notes the following:\n4. Decides to remain seized.\n"
    )
    result = parse(text)
    colon = [w for w in result.warnings if "colon" in w.message]
    assert [w.line for w in colon] == [5]


def test_a_top_level_clause_without_number_is_not_called_a_sub_clause():
    result = parse(
        "The Commission,\nRecalling its work,\n1. Decides to act;\n\nSomething is to be done.\n"
    )
    assert len(result.resolution.operative) == 2
    messages = [w.message for w in result.warnings]
    assert not any("sub-clause" in m for m in messages), messages
    assert any("operative clause without a number after 1; numbered 2" in m for m in messages)


def test_a_paragraph_without_a_known_phrase_is_reported():
    text = DOCUMENT.replace("Looking forward to", "Zigzagging towards")
    result = parse(text)
    assert len(result.resolution.preamble) == 3
    assert any("no known phrase (“Zigzagging towards the…”)" in w.message for w in result.warnings)


def test_a_layout_copy_starts_a_paragraph_at_its_indented_first_line():
    source = (CORPUS / "06_A_RES_78_111_layout.txt").read_text(encoding="utf-8")
    text = source.replace("Concerned about the special", "Zealous about the special")
    result = parse(text)
    assert len(result.resolution.preamble) == 17
    assert result.resolution.preamble[6].text.startswith("Zealous about the special")
    assert any("no known phrase (“Zealous about the…”)" in w.message for w in result.warnings)


def test_furniture_left_inside_a_clause_is_reported():
    text = DOCUMENT.replace("Decides to protect lighthouses;", "Decides to 30-12345 (E) protect;")
    result = parse(text)
    assert any(
        w.message.startswith("“30-12345 (E)” inside a clause looks like page furniture")
        for w in result.warnings
    )


def test_two_paragraphs_merged_are_reported():
    result = parse(
        "The Commission,\nRecalling its work,\nZigzagging between the\n"
        "ports of the region,\n1. Decides to act.\n"
    )
    assert any("may open a new paragraph" in w.message for w in result.warnings)


# 9. A text flattened to one line ----------------------------------------------------------


def test_a_text_flattened_to_one_line_is_read():
    source = (CORPUS / "23_A_C.3_80_L.24.txt").read_text(encoding="utf-8")
    flat = "  ".join(line for line in source.replace("\f", "\n").split("\n") if line.strip())
    result = parse(flat)
    resolution = result.resolution
    assert resolution.heading == "The General Assembly"
    assert (len(resolution.preamble), len(resolution.operative)) == (4, 2)
    # A warning about a clause deep in the text points at the one line there is.
    source = (CORPUS / "22_A_C.2_80_L.39.txt").read_text(encoding="utf-8")
    flat = "  ".join(line for line in source.replace("\f", "\n").split("\n") if line.strip())
    result = parse(flat)
    assert len(result.resolution.operative) == 28
    assert [w.line for w in result.warnings] == [1, 1]


# 10. Renderers ----------------------------------------------------------------------------


def test_every_renderer_closes_preambular_sub_clauses_alike_and_parses_back():
    resolution = parse(
        "The General Assembly,\nReaffirming that the plan was developed:\n"
        "(a) To urge Governments,\n(b) To promote action,\n1. Decides to act.\n"
    ).resolution
    text = render_text(resolution)
    html = render_html(resolution)
    rows = render_rows(resolution)
    assert "a. To urge Governments," in text and "b. To promote action," in text
    assert re.search(r"To urge Governments,</span>", html)
    assert [r["closing"] for r in rows if r["depth"] == 2 and r["kind"] == "pre"] == [",", ","]
    again = parse(text).resolution
    assert again.to_dict() == resolution.to_dict()
