"""Mutation testing of the paste-in parser (issue 8, a later round): the functions every
parser test reaches (``parse``, ``_items``, ``_set_aside``, ``_operative_start``) and the
readings of a label, each checked where the other text tests left them unchecked. Expected
structures are DOMAIN.md's ("Resolution text"): operative clauses numbered 1., 2., …,
sub-clauses a., b. → i., ii. → 1., 2., numbering derived, never typed."""

import pytest

from resolutions.text import ParseError, parse

from .test_mut_text import HEADER, PRE, official, operative, shape, texts
from .test_parser_pdf import DOCUMENT

# Labels -------------------------------------------------------------------------------------


def test_a_list_opening_at_c_is_lettered_so_d_goes_on_with_it():
    # "c." could be a letter or the numeral 100; a list opening with it where a. is expected
    # is taken as letters, so the "d." after it is its next item, not an out-of-order label.
    structure, warnings = operative(PRE + "1. Asks:\nc. Three;\nd. Four;\n2. Ends.\n")
    assert structure == [("Asks", ["Three", "Four"]), "Ends"]
    assert warnings == [(3, "unexpected label c; taken as 1.a")]


# The input and its heading -------------------------------------------------------------------


def test_what_is_not_text_is_refused_with_a_plain_message():
    with pytest.raises(ParseError) as error:
        parse(None)
    assert str(error.value) == "The input is not text."


def test_a_text_with_no_resolution_in_it_is_refused_saying_what_was_expected():
    with pytest.raises(ParseError) as error:
        parse("Hello, world.\n")
    assert str(error.value) == (
        "No resolution found: expected preambular clauses (“Recalling …,”) and numbered "
        "operative clauses (“1. Encourages …;”)."
    )


def test_a_heading_line_has_at_most_twenty_words():
    # "The …," opening a text is the body's name (the heading) when it is short; a longer
    # line of that shape is kept as a clause, never dropped.
    twenty = "The " + " ".join(["Commission"] * 19)
    result = parse(f"{twenty},\n{PRE}1. Decides to act.\n")
    assert result.resolution.heading == twenty
    assert [c.text for c in result.resolution.preamble] == ["Recalling the Charter"]
    twenty_one = twenty + " Commission"
    result = parse(f"{twenty_one},\n{PRE}1. Decides to act.\n")
    assert result.resolution.heading is None
    assert [c.text for c in result.resolution.preamble] == [twenty_one, "Recalling the Charter"]


def test_a_space_before_the_headings_comma_is_not_kept():
    result = parse("The General Assembly ,\n" + PRE + "1. Decides to act.\n")
    assert result.resolution.heading == "The General Assembly"


def test_a_text_opening_with_an_unnumbered_operative_clause_has_no_heading():
    result = parse("Decides to act;\nRequests a report.\n")
    assert result.resolution.heading is None
    assert shape(result.resolution.operative) == ["Decides to act", "Requests a report"]
    assert [(w.line, w.message) for w in result.warnings] == [
        (1, "first operative clause has no number; numbered 1"),
        (2, "operative clause without a number after 1; numbered 2"),
    ]


# Lines into paragraphs ----------------------------------------------------------------------


def test_bullets_of_an_official_copy_are_taken_off_like_a_pasted_texts():
    # Only a dash that a PDF's line break put first on a line in mid-sentence is kept as
    # text; a bullet before an item of a list is dropped, the item kept.
    result = parse(
        HEADER + "The General Assembly,\nRecalling its resolution 79/248,\n"
        "1. Encourages States to:\n• Train judges;\n• Train police;\n2. Decides to continue.\n"
    )
    assert shape(result.resolution.operative) == [
        ("Encourages States to", ["Train judges", "Train police"]),
        "Decides to continue",
    ]


def test_a_dash_first_on_a_line_of_an_official_copy_in_mid_sentence_is_kept_as_text():
    # The PDF broke the line before the dash: the sentence goes on, dash and all.
    result = parse(
        HEADER + "The General Assembly,\nRecalling its resolution 79/248,\n"
        "1. Decides to protect lighthouses\n— the oldest first — in all regions;\n"
        "2. Requests a report.\n"
    )
    assert shape(result.resolution.operative) == [
        "Decides to protect lighthouses — the oldest first — in all regions",
        "Requests a report",
    ]


def test_a_bullet_alone_on_its_line_is_skipped_and_the_list_goes_on():
    structure, warnings = operative(
        PRE + "1. Decides:\n- Train judges;\n-\n- Train police;\n2. Requests a report.\n"
    )
    assert structure == [("Decides", ["Train judges", "Train police"]), "Requests a report"]
    assert warnings == [
        (3, "sub-clause without a label; taken as 1.a"),
        (5, "sub-clause without a label; taken as 1.b"),
    ]


def test_a_number_in_mid_sentence_after_a_lone_paragraph_number_is_kept_as_text():
    # "1." alone, its text on the next line: that line is no blank line, so the "2." that
    # goes on with its sentence is text, not the next paragraph.
    structure, warnings = operative(
        PRE + "1.\nDecides to review paragraph\n2. of resolution 79/1;\n2. Requests a report.\n"
    )
    assert structure == ["Decides to review paragraph 2. of resolution 79/1", "Requests a report"]
    assert warnings == [(4, "“2” starts a line in the middle of a sentence; kept as text")]


def test_a_number_in_mid_sentence_of_an_official_copy_is_reported_before_a_capital():
    # In a copy of an official document a number in mid-sentence followed by a small letter
    # is a reference the PDF broke ("paragraph / 2. of"); before a capital it is reported.
    result = parse(
        HEADER + "The General Assembly,\nRecalling its resolution 79/248,\n"
        "1. Decides to act in line with paragraph\n2. The Council applies;\n"
        "3. Requests a report.\n"
    )
    assert shape(result.resolution.operative) == [
        "Decides to act in line with paragraph 2. The Council applies",
        "Requests a report",
    ]
    assert [w.message for w in result.warnings if w.line == 24] == [
        "“2” starts a line in the middle of a sentence; kept as text"
    ]


def test_a_lone_number_in_mid_sentence_of_an_official_copy_is_reported():
    result = parse(
        HEADER + "The General Assembly,\nRecalling its resolution 79/248,\n"
        "1. Decides to review paragraph\n2.\nof resolution 79/1;\n2. Requests a report.\n"
    )
    assert shape(result.resolution.operative) == [
        "Decides to review paragraph 2. of resolution 79/1",
        "Requests a report",
    ]
    assert [w.message for w in result.warnings if w.line == 24] == [
        "“2” starts a line in the middle of a sentence; kept as text"
    ]


def test_a_participle_after_a_line_without_closing_punctuation_goes_on_silently():
    # "Article X" then "Sharing the burden …": the sentence had not ended, so no new
    # paragraph is suggested (only after a comma or a semicolon).
    structure, warnings = operative(
        PRE + "1. Decides to act under Article X\nSharing the burden among States;\n"
        "2. Requests a report.\n"
    )
    assert structure == [
        "Decides to act under Article X Sharing the burden among States",
        "Requests a report",
    ]
    assert warnings == []


def test_including_after_a_comma_opens_no_paragraph():
    structure, warnings = operative(
        PRE + "1. Decides to act,\nIncluding the poorest States;\n2. Requests a report.\n"
    )
    assert structure == ["Decides to act, Including the poorest States", "Requests a report"]
    assert warnings == []


def test_an_indented_line_of_an_official_copy_goes_on_with_a_sentence_not_ended():
    # A -layout copy indents a paragraph's first line; after "Article X", with no comma or
    # semicolon, the indented line is the same sentence.
    result = parse(
        HEADER + "The General Assembly,\nRecalling its resolution 79/248,\n"
        "1. Decides to act under Article X\n    Of the Convention;\n2. Requests a report.\n"
    )
    assert shape(result.resolution.operative) == [
        "Decides to act under Article X Of the Convention",
        "Requests a report",
    ]


def test_a_line_of_an_official_copy_indented_four_columns_more_opens_a_paragraph():
    # Four columns, the least a -layout copy indents a paragraph's first line by.
    result = parse(
        HEADER + "The General Assembly,\nRecalling its resolution 79/248,\n"
        "1. Decides to act;\n    Lighthouses shall be kept;\n2. Requests a report.\n"
    )
    assert shape(result.resolution.operative) == [
        "Decides to act",
        "Lighthouses shall be kept",
        "Requests a report",
    ]


def test_a_participle_after_a_comma_is_merged_and_reported_at_its_line():
    structure, warnings = operative(
        PRE + "1. Decides to act,\nSharing the burden among States;\n2. Requests a report.\n"
    )
    assert structure == ["Decides to act, Sharing the burden among States", "Requests a report"]
    assert warnings == [
        (
            3,
            "“Sharing” may open a new paragraph, merged here into the one above; start it on "
            "a new line after a blank line if it is one",
        )
    ]


def test_a_number_at_the_indentation_of_an_unlabelled_item_goes_on_with_its_list():
    # "2." could go on with the operative clauses or with the list whose first item lost
    # its label; written where that item was, it is that list's second item, although it
    # opens with an operative phrase.
    structure, warnings = operative(
        PRE + "1. Decides:\n    a. To train:\n        - Judges;\n"
        "        2. Encourages the prosecutors;\n2. Requests a report.\n"
    )
    assert structure == [
        ("Decides", [("To train", ["Judges", "Encourages the prosecutors"])]),
        "Requests a report",
    ]
    assert warnings == [(4, "sub-clause without a label; taken as 1.a.i")]


def test_a_pasted_texts_lines_keep_their_order():
    # Putting back words a PDF moved under a lone number is for official copies only: in a
    # pasted text the lines stand as the delegate typed them.
    structure, warnings = operative(
        PRE + "1. Welcomes the report;\n2.\nfor consideration at its next session;\n"
        "Requests the Secretary-General to report\n3. Decides to continue.\n"
    )
    assert structure == [
        "Welcomes the report",
        "for consideration at its next session",
        "Requests the Secretary-General to report 3. Decides to continue",
    ]
    assert warnings == [
        (5, "operative clause without a number after 2; numbered 3"),
        (6, "“3” starts a line in the middle of a sentence; kept as text"),
    ]


# Where the operative part starts ------------------------------------------------------------


def parts(source):
    result = parse(source)
    resolution = result.resolution
    return (
        [c.text for c in resolution.preamble],
        shape(resolution.operative),
        [(w.line, w.message) for w in result.warnings],
    )


def test_an_operative_part_ending_with_an_unnumbered_clause_and_a_colon_starts_at_1():
    # No preamble: "1." opens the operative part although the text's last clause, which
    # lost its number, ends with a colon (a colon opens a list only for what follows it).
    preamble, structure, warnings = parts("1. Decides to act;\nRequests the following:\n")
    assert (preamble, structure) == ([], ["Decides to act", "Requests the following"])
    assert warnings == [
        (2, "operative clause without a number after 1; numbered 2"),
        (2, "clause ends with a colon but introduces no sub-clauses"),
    ]


def test_a_number_other_than_1_after_a_preambular_colon_opens_the_operative_part():
    # A list a preambular clause opens starts at a., i. or 1.; "2." is the operative part.
    preamble, structure, warnings = parts("Noting the following:\n2. Decides to act.\n")
    assert (preamble, structure) == (["Noting the following"], ["Decides to act"])
    assert warnings == [
        (1, "preambular clause ends with a colon instead of a comma"),
        (2, "first operative clause was numbered 2; renumbered as 1"),
    ]


def test_letters_opening_with_preambular_words_under_an_unnumbered_operative_clause():
    # Without numbers the operative part starts at the first operative phrase after which
    # no unlabelled clause opens with a preambular one; the lettered items do not count.
    preamble, structure, warnings = parts(
        "Recalling the Charter,\nDecides to act:\na. Recognizing the need;\nb. Noting the report.\n"
    )
    assert preamble == ["Recalling the Charter"]
    assert structure == [("Decides to act", ["Recognizing the need", "Noting the report"])]
    assert warnings == [(2, "first operative clause has no number; numbered 1")]


def test_without_numbers_the_operative_part_starts_after_the_last_preambular_clause():
    # "Decides to act," is followed by "Noting the report,": it is still the preamble.
    preamble, structure, warnings = parts(
        "Recalling the Charter,\nDecides to act,\nNoting the report,\nRequests a report.\n"
    )
    assert preamble == ["Recalling the Charter", "Decides to act", "Noting the report"]
    assert structure == ["Requests a report"]
    assert warnings == []


def test_a_preambular_clause_ending_with_a_semicolon_after_a_list_is_reported():
    # The clause introducing its list ends with a colon rightly; the next one's semicolon is
    # still reported.
    preamble, structure, warnings = parts(
        "Noting the following:\na. The report,\nRecalling the Charter;\n1. Decides to act.\n"
    )
    assert preamble == ["Noting the following", "Recalling the Charter"]
    assert structure == ["Decides to act"]
    assert warnings == [(3, "preambular clause ends with a semicolon instead of a comma")]


# What an official copy carries besides its clauses -------------------------------------------


def warned(result):
    return [(w.line, w.message) for w in result.warnings]


def test_an_official_copy_reports_what_it_set_aside_in_one_line_with_every_count():
    # DOCUMENT: the header, seven lines of page furniture (job numbers 30-12345 (E) and
    # 30-12345, 040131, the barcode, the running header's symbol and title, the page number
    # 2/2), two footnotes whose marks 1 and 2 end two preambular paragraphs, and the closing
    # lines.
    result = parse(DOCUMENT)
    assert warned(result) == [
        (
            1,
            "set aside from the official copy, not lost: the document header (A/RES/99/12); "
            "7 lines of page furniture (running headers, page numbers, job numbers, barcodes); "
            "the footnotes (2, their 2 marks taken out of the text); "
            "the closing lines (“12th plenary meeting / 20 December 2030”)",
        )
    ]
    resolution = result.resolution
    assert resolution.document == {"symbol": "A/RES/99/12", "title": "Protection of lighthouses"}
    assert resolution.footnotes == ["1 A/79/7, annex.", "2 A/99/300."]
    assert (resolution.sections, resolution.annexes) == ([], [])


def test_one_line_of_furniture_and_one_footnote_are_counted_in_the_singular():
    result = parse(
        HEADER + "The General Assembly,\nRecalling its resolution 79/7, 1\n1. Decides to act.\n"
        "__________________\n1\n\n30-12345 (E)\n\nA/79/7, annex.\n"
    )
    assert warned(result) == [
        (
            1,
            "set aside from the official copy, not lost: the document header (A/RES/99/12); "
            "1 line of page furniture (running headers, page numbers, job numbers, barcodes); "
            "the footnotes (1, their 1 mark taken out of the text)",
        )
    ]
    assert result.resolution.footnotes == ["1 A/79/7, annex."]
    assert texts(result.resolution.preamble) == ["Recalling its resolution 79/7"]


def test_a_footnote_whose_mark_the_copy_lost_is_counted_without_marks():
    result = parse(
        HEADER + "The General Assembly,\nRecalling its resolution 79/7,\n1. Decides to act.\n"
        "__________________\n\n30-12345 (E)\n\n1 A/79/7, annex.\n"
    )
    assert warned(result)[0][1].endswith("; the footnotes (1)")
    assert result.resolution.footnotes == ["1 A/79/7, annex."]


def test_section_headings_are_named_in_their_warning_at_the_first_headings_line():
    text = (
        HEADER + "The General Assembly,\nRecalling its resolution 79/248,\n"
        "1. Welcomes the report;\nI\nCalendar of conferences\n2. Approves the calendar;\n"
        "3. Authorizes adjustments;\nII\nLanguage services\n4. Requests efforts;\n"
    )
    first_heading = text.split("\n").index("I") + 1
    result = parse(text)
    assert warned(result) == [
        (1, "set aside from the official copy, not lost: the document header (A/RES/99/12)"),
        (
            first_heading,
            "section headings kept apart (“I Calendar of conferences”, “II Language services”): "
            "a resolution text here has no sections; the paragraphs keep their order and "
            "numbering",
        ),
    ]
    assert result.resolution.annexes == []


def test_an_annex_is_reported_at_its_line_and_the_closing_lines_named():
    text = (
        HEADER + "The General Assembly,\nRecalling its resolution 79/248,\n"
        "1. Welcomes the report;\n2. Adopts the declaration annexed to the present "
        "resolution.\n71st plenary meeting\n20 December 2030\n\nAnnex\n\n"
        "Declaration on lighthouses\n1. Lighthouses shall be protected.\n"
    )
    annex_line = text.split("\n").index("Annex") + 1
    result = parse(text)
    assert warned(result) == [
        (
            1,
            "set aside from the official copy, not lost: the document header (A/RES/99/12); "
            "the closing lines (“71st plenary meeting / 20 December 2030”)",
        ),
        (
            annex_line,
            "the annex is kept apart, not merged into the last clause: a resolution text here "
            "holds no annex",
        ),
    ]
    assert result.resolution.sections == []
    assert result.resolution.annexes == [
        "Annex\nDeclaration on lighthouses\n1. Lighthouses shall be protected."
    ]


def test_a_text_in_parts_names_the_second_parts_first_line():
    text = (
        HEADER.replace("Protection of lighthouses\n", "A\nLighthouse keepers\n", 1)
        + "The General Assembly,\nRecalling its resolution 79/248,\n"
        "1. Welcomes the report;\n2. Decides to continue.\n"
        "B\nLighthouse ships\nThe General Assembly,\nNoting the ships,\n1. Welcomes the ships.\n"
    )
    part_line = text.split("\n").index("B") + 1
    result = parse(text)
    assert warned(result) == [
        (1, "set aside from the official copy, not lost: the document header (A/RES/99/12)"),
        (
            part_line,
            "the text is in parts, each with its own preamble; the first part is read, the "
            f"part from line {part_line} (“B”) is kept apart: a resolution text here has one "
            "preamble and one operative part",
        ),
    ]
    assert result.resolution.annexes == [
        "B\nLighthouse ships\nThe General Assembly,\nNoting the ships,\n1. Welcomes the ships."
    ]


def test_a_header_without_its_symbol_is_reported_as_having_none():
    # The copy lost the header's first line, the symbol A/RES/99/12, and the blank after it.
    result = parse(
        HEADER.split("\n", 2)[2] + "The General Assembly,\nRecalling its resolution 79/7,\n"
        "1. Decides to act.\n"
    )
    assert warned(result) == [
        (1, "set aside from the official copy, not lost: the document header (no symbol)")
    ]
    assert result.resolution.document == {"symbol": None, "title": "Protection of lighthouses"}


def test_a_copy_without_its_header_reports_the_set_aside_at_the_first_furniture_line():
    # Official by its page foot (a job number, a barcode, a page number) only; the section
    # heading before it is reported on its own line, not as the first thing set aside.
    text = (
        "The General Assembly,\nRecalling its resolution 79/248,\n1. Welcomes the report;\n"
        "I\nCalendar of conferences\n2. Approves the calendar;\n3. Requests a report.\n\n"
        "30-12345 (E)\n\n*3012345*\n\n2/2\n"
    )
    lines = text.split("\n")
    result = parse(text)
    assert warned(result) == [
        (
            lines.index("I") + 1,
            "section headings kept apart (“I Calendar of conferences”): a resolution text "
            "here has no sections; the paragraphs keep their order and numbering",
        ),
        (
            lines.index("30-12345 (E)") + 1,
            "set aside from the official copy, not lost: 3 lines of page furniture (running "
            "headers, page numbers, job numbers, barcodes)",
        ),
    ]
    assert result.resolution.document == {"symbol": None, "title": None}


def test_a_pasted_text_sets_nothing_aside():
    result = parse(PRE + "1. Decides to act.\n")
    resolution = result.resolution
    assert (resolution.document, resolution.footnotes) == (None, [])
    assert (resolution.sections, resolution.annexes) == ([], [])
    assert result.set_aside == [] and result.warnings == []


def test_a_section_heading_inside_a_preambular_list_is_kept_before_the_item_below_it():
    # The heading "I / Calendar of conferences" stands between the items (a) and (b) of the
    # list the second preambular paragraph opens: it is kept apart, and said to stand before
    # that paragraph's item b., "pre 2.b" (preambular paragraphs are counted, not numbered).
    result = official(
        "Noting the following:\n(a) The report of the Secretary-General,\n"
        "I\nCalendar of conferences\n(b) The calendar,\n1. Decides to act.\n"
    )
    preamble = result.resolution.preamble
    assert texts(preamble) == ["Recalling its resolution 79/248", "Noting the following"]
    assert texts(preamble[1].children) == ["The report of the Secretary-General", "The calendar"]
    assert result.resolution.sections == [
        {"text": "I Calendar of conferences", "before": "pre 2.b"}
    ]


AMENDMENTS_HEADER = (
    "A/C.3/99/L.5\n\nUnited Nations\n\nGeneral Assembly\n\nDistr.: Limited\n3 November 2030\n\n"
    "Ninety-ninth session\nThird Committee\nAgenda item 7\n\n"
    "Sweden: amendment to draft resolution A/C.3/99/L.2\n\nProtection of lighthouses\n\n"
)


def test_the_numbered_changes_of_an_official_copy_of_amendments_end_as_they_are_written():
    # An amendment document lists its changes 1., 2., 3., each a sentence ending with a
    # period (the last introducing the text to insert with a colon): they are no operative
    # clauses, so no clause ending is reported, only what was set aside.
    result = parse(
        AMENDMENTS_HEADER + "1. In operative paragraph 2, delete “and lightships”.\n"
        "2. Delete operative paragraph 3.\n3. Insert a new operative paragraph:\n"
    )
    assert shape(result.resolution.operative) == [
        "In operative paragraph 2, delete “and lightships”",
        "Delete operative paragraph 3",
        "Insert a new operative paragraph",
    ]
    assert warned(result) == [
        (1, "set aside from the official copy, not lost: the document header (A/C.3/99/L.5)")
    ]


# The smaller helpers: phrases, spaces, line ends, repairs ------------------------------------


def test_paragraphs_of_an_official_copy_opening_with_the_other_parts_phrase_or_none_are_reported():
    # A preambular paragraph opens with a participle or adjective, an operative one with a
    # verb in the present tense (DOMAIN.md): each paragraph of the wrong kind is named.
    result = official(
        "Requests the Secretary-General to report,\nTreasuring the lighthouses of the world,\n"
        "1. Recalling its resolution 79/1;\n2. Lighthouses shall be kept.\n"
    )
    assert texts(result.resolution.preamble) == [
        "Recalling its resolution 79/248",
        "Requests the Secretary-General to report",
        "Treasuring the lighthouses of the world",
    ]
    assert warned(result)[1:] == [
        (23, "preambular paragraph opens with “Requests”, a phrase of the other part"),
        (24, "preambular paragraph opens with no known phrase (“Treasuring the lighthouses…”)"),
        (25, "operative paragraph opens with “Recalling”, a phrase of the other part"),
        (26, "operative paragraph opens with no known phrase (“Lighthouses shall be…”)"),
    ]


def test_no_break_and_zero_width_spaces_from_a_word_processor_read_as_plain_spaces():
    # A no-break space is a space (so "Sharing the burden" is still a participle that may
    # open a paragraph); a zero-width space is nothing.
    structure, warnings = operative(
        PRE + "1. Decides to act,\nSharing\u00a0the burden among States;\n"
        "2. Requests\u00a0a\u200b report\u200b.\n"
    )
    assert structure == ["Decides to act, Sharing the burden among States", "Requests a report"]
    assert warnings == [
        (
            3,
            "“Sharing” may open a new paragraph, merged here into the one above; start it on "
            "a new line after a blank line if it is one",
        )
    ]


def test_a_space_before_a_clauses_closing_punctuation_is_not_kept():
    structure, warnings = operative(PRE + "1. Decides to act ;\n2. Requests a report .\n")
    assert structure == ["Decides to act", "Requests a report"]
    assert warnings == []


def test_a_word_broken_after_its_hyphen_is_joined_again_without_a_space():
    # "e-government" and "EU-U.S." broken at the end of a line keep their hyphen and lose
    # the line break: no space is put into the word.
    structure, warnings = operative(
        PRE + "1. Encourages e-\ngovernment and the EU-\nU.S. dialogue;\n2. Requests a report.\n"
    )
    assert structure == ["Encourages e-government and the EU-U.S. dialogue", "Requests a report"]
    assert warnings == []


def test_a_paragraph_after_a_blank_line_with_no_number_and_no_operative_phrase_is_numbered_next():
    structure, warnings = operative(
        PRE + "1. Decides to act;\n\nLighthouses shall be kept;\n\n2. Requests a report.\n"
    )
    assert structure == ["Decides to act", "Lighthouses shall be kept", "Requests a report"]
    assert warnings == [
        (4, "operative clause without a number after 1; numbered 2"),
        (6, "operative clause after 2 was numbered 2; renumbered as 3"),
    ]


def test_a_preambular_paragraph_of_an_official_copy_wrapping_onto_a_short_line_keeps_its_order():
    # Only words under a number standing alone are ever moved: a paragraph's short last
    # line ("lighthouses,") before the next paragraph stays where it is.
    result = parse(
        HEADER + "The General Assembly,\nRecalling its resolution 79/248 on the protection of\n"
        "lighthouses,\nNoting the report,\n1. Decides to act.\n"
    )
    assert texts(result.resolution.preamble) == [
        "Recalling its resolution 79/248 on the protection of lighthouses",
        "Noting the report",
    ]
    assert shape(result.resolution.operative) == ["Decides to act"]


def test_a_paragraphs_last_word_moved_up_under_its_number_goes_back_even_if_it_reads_as_a_label():
    # The PDF sent the last paragraph's end, "mix.", up under its lone "2."; "mix." also
    # reads as a label (the roman numeral 1009), yet it goes back to the end of its
    # paragraph, not before the number.
    result = official("1. Decides to act;\n2.\nmix.\nEncourages States to diversify their energy\n")
    assert shape(result.resolution.operative) == [
        "Decides to act",
        "Encourages States to diversify their energy mix",
    ]
    assert warned(result)[1:] == []


def test_a_section_heading_ending_a_flattened_copys_line_is_kept_before_the_next_lines_clause():
    # A copy flattened onto two long lines (double spaces where the line breaks were): the
    # heading "II / Language services" ends the first line, so it stands before the clause
    # the second line opens with, op 4. ("I", in the middle of the first line, shares its
    # line number with the clauses around it and cannot be placed by it.)
    lines = [
        line
        for line in (
            HEADER + "The General Assembly,\nRecalling its resolution 79/248,\n"
            "1. Welcomes the report of the Committee on Conferences on its work in the year;\n"
            "I\nCalendar of conferences\n2. Approves the calendar;\n3. Authorizes adjustments;\n"
            "II\nLanguage services\n"
        ).split("\n")
        if line
    ]
    flat = "  ".join(lines) + "\n4. Requests efforts to keep the standards of translation high.\n"
    result = parse(flat)
    assert len(result.resolution.operative) == 4
    assert result.resolution.sections[-1] == {"text": "II Language services", "before": "op 4"}


def test_a_short_item_under_a_lone_letter_of_an_official_copy_stays_in_its_list():
    # Items of a lettered list may open with a small letter; under a lone "(b)" the last
    # item, "the plan of action,", is that item's text, not the end of the paragraph below
    # it moved up by the PDF (a repair for numbered paragraphs only).
    result = official(
        "Noting the following:\n(a)\nthe report on lighthouses,\n(b)\nthe plan of action,\n"
        "Recalling its resolution 79/1,\n1. Decides to act.\n"
    )
    preamble = result.resolution.preamble
    assert texts(preamble) == [
        "Recalling its resolution 79/248",
        "Noting the following",
        "Recalling its resolution 79/1",
    ]
    assert texts(preamble[1].children) == ["the report on lighthouses", "the plan of action"]
    assert warned(result)[1:] == []


@pytest.mark.parametrize(
    "text, clauses, warning",
    [
        (
            "Recalling resolution 55/25,\n1.\n2. Requests a report.",
            ["", "Requests a report"],
            (2, "operative clause 1 has no text; write it or delete the line"),
        ),
        (
            "Recalling resolution 55/25,\n1. Encourages States:\n(a)\n(b) on data.",
            [("Encourages States", ["", "on data"])],
            (3, "operative clause 1.a has no text; write it or delete the line"),
        ),
    ],
)
def test_a_number_or_letter_with_no_text_is_kept_as_an_empty_clause_and_reported(
    text, clauses, warning
):
    # A delegate pasting a text whose clause lost its words is told which one, on its line,
    # before the editor refuses the empty clause at submission.
    result = parse(text)
    assert [
        (c.text, [s.text for s in c.children]) if c.children else c.text
        for c in result.resolution.operative
    ] == clauses
    assert warning in [(w.line, w.message) for w in result.warnings]


# The last round's five (issue 8): a copy's scrambled lines, a list numbered from 0 ----------


def test_a_letter_spaced_word_is_put_back_only_under_a_number_standing_alone():
    # The repair of a first word sent further down is for a paragraph whose number stands
    # alone ("45." / … / "I nv ite s"); under "2. Requests …", whose number has its words,
    # a letter-spaced line keeps its place and the paragraph reads in the copy's order.
    result = official(
        "1. Welcomes the report;\n2. Requests the Secretariat to report\n"
        "on the implementation of\nD e c i d e s\n"
    )
    assert texts(result.resolution.operative) == [
        "Welcomes the report",
        "Requests the Secretariat to report on the implementation of D e c i d e s",
    ]


def _lone_number_then_long_paragraph(lines_before_word):
    # "2." alone, its paragraph's first line, then lines_before_word lines more, then the
    # paragraph's first word, letter-spaced.
    filler = "".join(f"the measures numbered {n} and\n" for n in range(lines_before_word - 1))
    return official(
        "1. Welcomes the report;\n2.\nrelevant mandate holders to give attention to\n"
        + filler
        + "I nv ite s\n"
    )


def test_a_letter_spaced_first_word_is_looked_for_in_the_39_lines_under_the_paragraph():
    # Forty lines under the paragraph's first line (a page and more) is too far for the word
    # the copy sent down: the paragraph is reported, not rewritten.
    near = _lone_number_then_long_paragraph(39).resolution.operative[1].text
    assert near.startswith("Invites relevant mandate holders to give attention to the measures")
    far = _lone_number_then_long_paragraph(40)
    assert far.resolution.operative[1].text.startswith("relevant mandate holders")
    assert far.resolution.operative[1].text.endswith("the measures numbered 38 and I nv ite s")
    assert "operative paragraph opens with no known phrase (“relevant mandate holders…”)" in [
        w.message for w in far.warnings
    ]


def test_the_end_of_a_paragraph_sent_up_under_its_number_is_at_most_six_words():
    # Six words under a lone "2." followed by a paragraph's opening are its end, sent up by
    # the copy; seven are read where they stand, as a paragraph that lost its first word.
    six = official(
        "1. Welcomes the report;\n2.\nby the General Assembly desirable ranges.\n"
        "Reiterates that language posts are not subject to the\n"
    )
    assert texts(six.resolution.operative)[1] == (
        "Reiterates that language posts are not subject to the by the General Assembly "
        "desirable ranges"
    )
    seven = official(
        "1. Welcomes the report;\n2.\nset by the General Assembly desirable ranges.\n"
        "Reiterates that language posts are not subject to the\n"
    )
    assert texts(seven.resolution.operative) == [
        "Welcomes the report",
        "set by the General Assembly desirable ranges",
        "Reiterates that language posts are not subject to the",
    ]


def test_a_clause_out_of_the_authors_sequence_but_in_its_place_is_not_reported_renumbered():
    # Numbered from 0: "0." is read as 1 and reported; "2." then stands where it says, so
    # there is nothing to report ("renumbered as 2" it was not).
    structure, warnings = operative(PRE + "0. Decides to act;\n2. Requests a report.\n")
    assert structure == ["Decides to act", "Requests a report"]
    assert warnings == [(2, "first operative clause was numbered 0; renumbered as 1")]
    # "3." after "1." is renumbered, and said so.
    structure, warnings = operative(PRE + "1. Decides to act;\n3. Requests a report.\n")
    assert warnings == [(3, "operative clause after 1 was numbered 3; renumbered as 2")]


def test_a_clause_without_a_label_after_a_colon_opens_that_clauses_list_even_before_a_gap():
    # "a. … following:" announces sub-clauses, so the unlabelled line under it is its first
    # (1.a.i), not the operative clause the list numbered from 0 lacks before "2.".
    structure, warnings = operative(
        PRE + "\n0. Decides:\n\na. to note the following:\n\nAn unlabelled line;\n\n"
        "2. Requests a report.\n"
    )
    assert structure[0][1][0][1][0] == "An unlabelled line"
    assert (7, "sub-clause without a label; taken as 1.a.i") in warnings
    assert not any("colon" in message for _line, message in warnings)
