"""Mutation testing of the text engine's parser, amendments and official copies (issue 8):
the repairs ``parse`` makes to pasted labels, what it sets aside from an official copy, and
the amendment operations, each checked where the text tests left them unchecked. Every
expected structure is the one DOMAIN.md ("Resolution text") describes: operative clauses
numbered 1., 2., …, sub-clauses a., b. → i., ii. → 1., 2., numbering derived, never typed,
and a clause that introduces sub-clauses ending with a colon."""

import pytest

from resolutions.text import Clause, Resolution, amend, parse, render_text

from .amendment_helpers import TEXT


def shape(clauses):
    """The operative part as nested (text, [children]) pairs, leaves as bare text."""
    return [(c.text, shape(c.children)) if c.children else c.text for c in clauses]


def operative(source):
    result = parse(source)
    return shape(result.resolution.operative), [(w.line, w.message) for w in result.warnings]


PRE = "Recalling the Charter,\n"


# Unlabelled clauses: where a clause that lost its label goes -------------------------------


def test_a_bulleted_sub_clause_before_the_next_number_stays_in_its_list():
    # Pasted from a word processor whose list lost its letters: three items after "to:",
    # then the next operative clause. Each item ends with a semicolon; none introduces
    # sub-clauses, so the last one is the list's third item, not a sub-clause of the second.
    structure, warnings = operative(
        PRE + "1. Encourages Member States to:\n- Train judges;\n- Train prosecutors;\n"
        "- Train police;\n2. Requests a report.\n"
    )
    assert structure == [
        ("Encourages Member States to", ["Train judges", "Train prosecutors", "Train police"]),
        "Requests a report",
    ]
    assert warnings == [
        (3, "sub-clause without a label; taken as 1.a"),
        (4, "sub-clause without a label; taken as 1.b"),
        (5, "sub-clause without a label; taken as 1.c"),
    ]


def test_a_lettered_list_whose_last_item_lost_its_letter_keeps_it_in_the_list():
    structure, warnings = operative(
        PRE + "1. Encourages Member States to:\na. Train judges;\n- Train prosecutors;\n"
        "2. Requests a report.\n"
    )
    assert structure == [
        ("Encourages Member States to", ["Train judges", "Train prosecutors"]),
        "Requests a report",
    ]
    assert warnings == [(4, "sub-clause without a label; taken as 1.b")]


def test_unlabelled_items_after_a_colon_open_the_next_level_and_labels_go_on_from_them():
    # Second level: letters. The two items that lost their letters are a. and b., so the
    # "c." that follows is the list's third item, unchanged.
    structure, warnings = operative(
        PRE + "1. Encourages Member States to:\n- Train judges;\n- Train prosecutors;\n"
        "c. Train police;\n2. Requests a report.\n"
    )
    assert structure == [
        ("Encourages Member States to", ["Train judges", "Train prosecutors", "Train police"]),
        "Requests a report",
    ]
    assert warnings == [
        (3, "sub-clause without a label; taken as 1.a"),
        (4, "sub-clause without a label; taken as 1.b"),
    ]


def test_unlabelled_items_at_the_third_level_are_roman_and_iii_goes_on_from_them():
    structure, warnings = operative(
        PRE + "1. Encourages Member States to:\na. Train judges:\n- On money laundering;\n"
        "- On cybercrime;\niii. On corruption;\nb. Train prosecutors;\n2. Requests a report.\n"
    )
    assert structure == [
        (
            "Encourages Member States to",
            [
                ("Train judges", ["On money laundering", "On cybercrime", "On corruption"]),
                "Train prosecutors",
            ],
        ),
        "Requests a report",
    ]
    assert warnings == [
        (4, "sub-clause without a label; taken as 1.a.i"),
        (5, "sub-clause without a label; taken as 1.a.ii"),
    ]


def test_unlabelled_items_at_the_fourth_level_are_numbered_as_the_seeds_9_a_ii_1():
    structure, warnings = operative(
        PRE + "1. Encourages Member States to:\na. Train judges:\ni. On money laundering, by:\n"
        "- Tracing assets;\n- Freezing assets;\n3. Returning assets;\nii. On cybercrime;\n"
        "2. Requests a report.\n"
    )
    assert structure == [
        (
            "Encourages Member States to",
            [
                (
                    "Train judges",
                    [
                        (
                            "On money laundering, by",
                            ["Tracing assets", "Freezing assets", "Returning assets"],
                        ),
                        "On cybercrime",
                    ],
                )
            ],
        ),
        "Requests a report",
    ]
    assert warnings == [
        (5, "sub-clause without a label; taken as 1.a.i.1"),
        (6, "sub-clause without a label; taken as 1.a.i.2"),
    ]


def test_an_unlabelled_first_item_before_ii_is_i_of_a_roman_list():
    # "ii." can only be a second roman item: the item before it is "i." of that list.
    structure, warnings = operative(
        PRE + "1. Encourages Member States to:\n- Train judges;\nii. Train prosecutors;\n"
        "2. Requests a report.\n"
    )
    assert structure == [
        ("Encourages Member States to", ["Train judges", "Train prosecutors"]),
        "Requests a report",
    ]
    assert warnings == [(3, "sub-clause without a label; taken as 1.a")]


def test_a_letter_after_an_unlabelled_sub_sub_clause_goes_on_with_the_letters():
    # No indentation to go by: "b." after "a. …:" and its one unlabelled item is b. of the
    # lettered list, not a second item of the new list.
    structure, warnings = operative(
        PRE + "1. Encourages Member States to:\na. Train judges:\n- On money laundering;\n"
        "b. Train police;\n2. Requests a report.\n"
    )
    assert structure == [
        (
            "Encourages Member States to",
            [("Train judges", ["On money laundering"]), "Train police"],
        ),
        "Requests a report",
    ]
    assert warnings == [(4, "sub-clause without a label; taken as 1.a.i")]


def test_an_unlabelled_clause_before_a_number_one_step_ahead_fills_the_top_level_gap():
    structure, warnings = operative(
        PRE + "1. Encourages Member States to:\na. Train judges;\n"
        "- Something else is to be done;\n3. Urges action.\n"
    )
    assert structure == [
        ("Encourages Member States to", ["Train judges"]),
        "Something else is to be done",
        "Urges action",
    ]
    assert warnings == [(4, "operative clause without a number after 1; numbered 2")]


def test_an_unlabelled_clause_between_a_sub_clause_and_the_next_number_is_operative():
    # The list numbered from 0 is renumbered from 1; "Requests …" after "a. …;" and before
    # "2." is the second operative clause, "2." the third.
    structure, warnings = operative(
        PRE + "0. Encourages Member States to:\na. Train judges;\n- Requests a report;\n"
        "2. Decides to remain seized.\n"
    )
    assert structure == [
        ("Encourages Member States to", ["Train judges"]),
        "Requests a report",
        "Decides to remain seized",
    ]
    assert warnings[0] == (2, "first operative clause was numbered 0; renumbered as 1")
    assert len(warnings) == 2 and warnings[1][1].endswith("; numbered 2")


def test_unlabelled_clauses_opening_with_operative_phrases_are_numbered_in_turn():
    structure, warnings = operative(
        PRE + "1. Encourages Member States to act;\n- Requests a report;\n"
        "- Urges States to act;\n4. Decides to remain seized.\n"
    )
    assert structure == [
        "Encourages Member States to act",
        "Requests a report",
        "Urges States to act",
        "Decides to remain seized",
    ]
    assert warnings == [
        (3, "operative clause without a number after 1; numbered 2"),
        (4, "operative clause without a number after 2; numbered 3"),
    ]


def test_an_operative_phrase_after_a_list_ending_with_a_semicolon_opens_a_clause():
    structure, warnings = operative(
        PRE + "1. Encourages Member States to:\na. Train judges;\nb. Train prosecutors;\n"
        "- Requests a report;\n- Decides to remain seized.\n"
    )
    assert structure == [
        ("Encourages Member States to", ["Train judges", "Train prosecutors"]),
        "Requests a report",
        "Decides to remain seized",
    ]
    assert warnings == [
        (5, "operative clause without a number after 1; numbered 2"),
        (6, "operative clause without a number after 2; numbered 3"),
    ]


def test_an_operative_phrase_after_a_colon_is_a_sub_clause():
    structure, warnings = operative(
        PRE + "1. Decides:\n- Requests the Secretariat to report;\n2. Urges action.\n"
    )
    assert structure == [("Decides", ["Requests the Secretariat to report"]), "Urges action"]
    assert warnings == [(3, "sub-clause without a label; taken as 1.a")]


def test_a_list_numbered_like_its_unnumbered_parent_and_an_operative_phrase_after_it():
    # No numbers on the operative clauses, a numbered list under the first: "2. Requests"
    # opens with an operative phrase at the first clause's indentation, so it is the
    # second operative clause, not the list's second item.
    structure, warnings = operative(
        PRE + "Encourages Member States to:\n1. Train judges;\n2. Requests a report.\n"
    )
    assert structure == [("Encourages Member States to", ["Train judges"]), "Requests a report"]
    assert warnings == [(2, "first operative clause has no number; numbered 1")]


# Clauses ending with a period ----------------------------------------------------------------


def test_an_operative_clause_ending_with_a_period_before_the_last_is_reported():
    _, warnings = operative(PRE + "1. Decides to act.\n2. Requests a report.\n")
    assert warnings == [(2, "clause ends with a period but is not the last clause")]


def test_a_sub_clause_ending_with_a_period_among_semicolons_is_reported():
    _, warnings = operative(PRE + "1. Asks:\na. One.\nb. Two;\n2. Ends.\n")
    assert warnings == [(3, "clause ends with a period but is not the last clause")]


def test_a_single_sub_clause_ending_with_a_period_is_reported():
    _, warnings = operative(PRE + "1. Asks:\na. One.\n2. Ends.\n")
    assert warnings == [(3, "clause ends with a period but is not the last clause")]


def test_an_agenda_of_two_items_ending_with_periods_is_no_mistake():
    structure, warnings = operative(
        PRE + "1. Approves the following provisional agenda:\n1. Opening of the session.\n"
        "2. Adoption of the agenda.\n2. Requests a report.\n"
    )
    assert structure == [
        (
            "Approves the following provisional agenda",
            ["Opening of the session", "Adoption of the agenda"],
        ),
        "Requests a report",
    ]
    assert warnings == []


def test_an_agenda_next_to_a_list_ending_with_semicolons_is_no_mistake():
    structure, warnings = operative(
        PRE + "1. Decides to convene the session:\na. In Vienna;\nb. In May;\n"
        "2. Approves the following provisional agenda:\n1. Opening of the session.\n"
        "2. Election of officers.\n3. Adoption of the agenda.\n3. Requests a report.\n"
    )
    assert structure[1] == (
        "Approves the following provisional agenda",
        ["Opening of the session", "Election of officers", "Adoption of the agenda"],
    )
    assert warnings == []


def test_an_agenda_at_the_third_level_is_no_mistake():
    structure, warnings = operative(
        PRE + "1. Decides:\na. To convene the session in Vienna;\n"
        "b. To approve the following provisional agenda:\ni. Opening of the session.\n"
        "ii. Election of officers.\n2. Requests a report.\n"
    )
    assert structure[0][1][1] == (
        "To approve the following provisional agenda",
        ["Opening of the session", "Election of officers"],
    )
    assert warnings == []


# Copies of official documents: paragraph numbers standing alone ------------------------------

# The first page of an official copy, as pdftotext gives it (written for these tests).
HEADER = (
    "A/RES/99/12\n\nUnited Nations\n\nGeneral Assembly\n\nDistr.: General\n3 January 2031\n\n"
    "Ninety-ninth session\nAgenda item 7\nProtection of lighthouses\n\n"
    "Resolution adopted by the General Assembly on\n20 December 2030\n"
    "[on the report of the Third Committee (A/99/400, para. 12)]\n\n99/12.\n\n"
    "Protection of lighthouses\n"
)
OPENING = "The General Assembly,\nRecalling its resolution 79/248,\n"


def official(body):
    return parse(HEADER + OPENING + body)


def texts(clauses):
    return [c.text for c in clauses]


def test_lone_labels_of_a_preambular_list_keep_their_items():
    result = parse(
        HEADER + "The General Assembly,\nReaffirming that the plan was developed:\n(a)\n"
        "To urge Governments to act,\n(b)\nTo promote an approach,\nNoting the report,\n"
        "1. Welcomes the report;\n2. Decides to continue.\n"
    )
    preamble = result.resolution.preamble
    assert texts(preamble) == ["Reaffirming that the plan was developed", "Noting the report"]
    assert texts(preamble[0].children) == ["To urge Governments to act", "To promote an approach"]


def test_words_moved_up_are_put_back_at_the_end_of_their_paragraph_each_time():
    # Three numbers standing alone: the first as it should be, the next two each with the
    # end of its paragraph sent up under it, one paragraph running over two lines.
    result = official(
        "1.\nWelcomes the report;\n2.\nranges;\nReiterates that language posts\n"
        "are not subject to desirable\n3.\nfor its work;\nThanks the Committee\n"
        "4. Decides to continue.\n"
    )
    assert texts(result.resolution.operative) == [
        "Welcomes the report",
        "Reiterates that language posts are not subject to desirable ranges",
        "Thanks the Committee for its work",
        "Decides to continue",
    ]


def test_words_moved_up_in_the_last_paragraph_are_put_back_at_the_end():
    result = official(
        "1. Welcomes the report;\n2.\nranges.\n"
        "Reiterates that language posts are not subject to desirable\n"
    )
    assert texts(result.resolution.operative) == [
        "Welcomes the report",
        "Reiterates that language posts are not subject to desirable ranges",
    ]


def test_a_letter_spaced_first_word_right_under_the_lost_words_is_put_back():
    result = official(
        "1. Welcomes the report;\n2.\n"
        "relevant special procedure mandate holders to give attention;\nI nv ite s\n"
        "3. Decides to continue.\n"
    )
    assert texts(result.resolution.operative) == [
        "Welcomes the report",
        "Invites relevant special procedure mandate holders to give attention",
        "Decides to continue",
    ]


def test_a_short_line_of_capitalized_words_is_no_letter_spaced_phrase():
    # "Law of the Sea" is short words on a line of its own, not "I nv ite s": it stays
    # where it is, and the paragraph whose first word is lost is reported, not rewritten.
    result = official(
        "1. Welcomes the report;\n2.\n"
        "relevant special procedure mandate holders to give attention to the\n"
        "Law of the Sea\nand its protection;\n3. Decides to continue.\n"
    )
    assert texts(result.resolution.operative)[1] == (
        "relevant special procedure mandate holders to give attention to the Law of the Sea "
        "and its protection"
    )
    assert any(
        "no known phrase (“relevant special procedure…”)" in w.message for w in result.warnings
    )


def test_a_number_standing_alone_at_the_end_of_the_copy_is_read():
    result = official("1. Welcomes the report;\n2. Decides to continue;\n3.\n\n")
    assert texts(result.resolution.operative)[:2] == ["Welcomes the report", "Decides to continue"]
    assert len(result.resolution.operative) == 3


def test_lower_case_words_under_the_last_number_stay_in_its_paragraph():
    result = official("1. Welcomes the report;\n2. Decides to continue;\n3.\nto continue.\n\n")
    assert texts(result.resolution.operative) == [
        "Welcomes the report",
        "Decides to continue",
        "to continue",
    ]


def test_a_section_heading_before_the_preamble_is_placed_before_its_first_paragraph():
    result = parse(
        HEADER + "The General Assembly,\nI\nGeneral matters\nRecalling its resolution 79/248,\n"
        "1. Welcomes the report;\nII\nLanguage services\n2. Requests efforts.\n"
    )
    assert result.resolution.sections == [
        {"text": "I General matters", "before": "pre 1"},
        {"text": "II Language services", "before": "op 2"},
    ]


# Labels: which tokens are labels, and which level takes them --------------------------------


def test_an_abbreviation_opening_a_wrapped_line_is_no_label():
    structure, warnings = operative(
        PRE + "1. Encourages training of judges, prosecutors,\netc. in all regions;\n"
        "2. Requests a report.\n"
    )
    assert structure == [
        "Encourages training of judges, prosecutors, etc. in all regions",
        "Requests a report",
    ]
    assert warnings == []


def test_a_list_past_z_goes_on_with_aa():
    # The UN's way past z: the 27th item is "aa." (structure.to_letters).
    items = "\n".join(f"{chr(ord('a') + i)}. Item {i + 1};" for i in range(26))
    structure, warnings = operative(PRE + f"1. Lists:\n{items}\naa. Item 27;\n2. Ends.\n")
    assert structure[0][1] == [f"Item {i}" for i in range(1, 28)]
    assert structure[1] == "Ends"
    assert warnings == []


def test_capital_and_small_letters_are_two_levels():
    structure, warnings = operative(
        PRE + "1. Encourages Member States to:\nA. Train judges:\na. On money laundering;\n"
        "B. Train prosecutors;\n2. Requests a report.\n"
    )
    assert structure == [
        (
            "Encourages Member States to",
            [("Train judges", ["On money laundering"]), "Train prosecutors"],
        ),
        "Requests a report",
    ]
    assert warnings == []


def test_capital_and_small_roman_numerals_are_two_levels():
    structure, warnings = operative(
        PRE + "I. Encourages Member States to:\ni. Train judges;\n"
        "II. The session shall last a week.\n"
    )
    assert structure == [
        ("Encourages Member States to", ["Train judges"]),
        "The session shall last a week",
    ]
    assert warnings == []


def test_ii_under_a_lettered_clause_without_i_is_its_sub_clause():
    structure, warnings = operative(
        PRE + "1. Encourages Member States to:\na. Train judges:\nii. On money laundering;\n"
        "b. Train police;\n2. Requests a report.\n"
    )
    assert structure == [
        (
            "Encourages Member States to",
            [("Train judges", ["On money laundering"]), "Train police"],
        ),
        "Requests a report",
    ]
    assert warnings == [(4, "unexpected label ii; taken as 1.a.i")]


def test_a_number_at_the_first_clauses_indentation_goes_on_with_the_operative_clauses():
    # "2." could go on with the one-item list or with the operative clauses: written where
    # "1." was, it is the second operative clause.
    structure, warnings = operative(
        PRE + "1. Approves the following provisional agenda:\n    1. Opening of the session;\n"
        "2. The session shall last a week.\n"
    )
    assert structure == [
        ("Approves the following provisional agenda", ["Opening of the session"]),
        "The session shall last a week",
    ]
    assert warnings == []


def test_letters_after_a_clause_ending_with_a_comma_are_its_sub_clauses():
    structure, warnings = operative(
        PRE + "1. Encourages Member States to act by,\na. Training judges;\n"
        "b. Training prosecutors;\n2. Requests a report.\n"
    )
    assert structure == [
        ("Encourages Member States to act by", ["Training judges", "Training prosecutors"]),
        "Requests a report",
    ]
    assert warnings == [(2, "operative clause ends with a comma instead of a semicolon")]


def test_a_doubled_letter_is_relabeled_like_the_seeds_doubled_ten():
    structure, warnings = operative(PRE + "1. Asks:\na. One;\na. Two;\n2. Ends.\n")
    assert structure == [("Asks", ["One", "Two"]), "Ends"]
    assert warnings == [(4, "sub-clause after 1.a was labeled a; relabeled 1.b")]


def test_a_list_past_z_reads_every_doubled_letter_the_renderer_writes():
    # "cc." (29th) was read as roman 200 only and "dd." (30th) as no label at all, so a
    # rendered list of 30 items did not parse back: a doubled letter that goes on with the
    # open lettered list is its next letter.
    letters = [chr(ord("a") + i % 26) * (i // 26 + 1) for i in range(30)]
    items = "\n".join(f"{x}. Item {n};" for n, x in enumerate(letters, start=1))
    structure, warnings = operative(PRE + f"1. Lists:\n{items}\n2. Ends.\n")
    assert structure[0][1] == [f"Item {i}" for i in range(1, 31)]
    assert warnings == []


def test_a_rendered_list_of_79_sub_clauses_parses_back_past_aaa_and_aaaa():
    # The 53rd item is "aaa.", the 79th "aaaa." (a third and a fourth round past z).
    resolution = Resolution(
        preamble=[Clause("Recalling the Charter")],
        operative=[
            Clause(
                "Decides to include the following items",
                [Clause(f"Item {n}") for n in range(1, 80)],
            ),
            Clause("Requests a report"),
        ],
    )
    text = render_text(resolution)
    assert "    aaa. Item 53;" in text
    assert "    aaaa. Item 79." not in text and "    aaaa. Item 79;" in text
    result = parse(text)
    assert result.resolution == resolution
    assert result.warnings == []


def test_ii_after_i_is_a_numeral_and_after_hh_the_next_letter():
    # "hh." (34th) opens a list i., ii.; the "ii." after that list goes on with i. first
    # (the deepest open level), the next "ii." can only go on with hh.: the 35th item.
    letters = [chr(ord("a") + i % 26) * (i // 26 + 1) for i in range(33)]
    items = "\n".join(f"{x}. Item {n};" for n, x in enumerate(letters, start=1))
    structure, warnings = operative(
        PRE + f"1. Lists:\n{items}\nhh. Item 34:\ni. Sub one;\nii. Sub two;\n"
        "ii. Item 35;\n2. Ends.\n"
    )
    assert structure[0][1][33:] == [("Item 34", ["Sub one", "Sub two"]), "Item 35"]
    assert structure[0][1][:33] == [f"Item {n}" for n in range(1, 34)]
    assert structure[1] == "Ends"
    assert warnings == []


def test_a_capital_list_past_z_goes_on_with_aa_bb_cc():
    letters = [chr(ord("A") + i % 26) * (i // 26 + 1) for i in range(29)]
    items = "\n".join(f"{x}. Item {n};" for n, x in enumerate(letters, start=1))
    structure, warnings = operative(PRE + f"1. Lists:\n{items}\n2. Ends.\n")
    assert structure[0][1] == [f"Item {n}" for n in range(1, 30)]
    assert warnings == []


def test_a_preambular_list_past_hh_goes_on_with_ii():
    # A lettered list a preambular clause opens with a colon is not the operative part,
    # also past z: "ii." after "hh." is its 35th item, not the first operative clause.
    letters = [chr(ord("a") + i % 26) * (i // 26 + 1) for i in range(35)]
    items = "\n".join(f"{x}. Item {n}," for n, x in enumerate(letters, start=1))
    result = parse(f"Noting the following:\n{items}\n1. Decides to act.\n")
    assert [texts(c.children) for c in result.resolution.preamble] == [
        [f"Item {n}" for n in range(1, 36)]
    ]
    assert texts(result.resolution.operative) == ["Decides to act"]
    assert result.warnings == []


def test_a_doubled_letter_that_is_no_numeral_is_a_letter_out_of_sequence():
    # "dd." cannot be a roman numeral: it is a letter even where it does not go on with the
    # list, relabeled like any letter out of sequence (it was no label at all).
    structure, warnings = operative(PRE + "1. Asks:\na. One;\ndd. Two;\n2. Ends.\n")
    assert structure == [("Asks", ["One", "Two"]), "Ends"]
    assert warnings == [(4, "sub-clause after 1.a was labeled dd; relabeled 1.b")]


def test_a_lone_doubled_numeral_under_a_letter_stays_a_numeral():
    # "cc." is no next letter of the open list (a.): it stays roman 200, out of sequence.
    structure, warnings = operative(PRE + "1. Asks:\na. One:\ncc. Two;\n2. Ends.\n")
    assert structure == [("Asks", [("One", ["Two"])]), "Ends"]
    assert warnings == [(4, "unexpected label cc; taken as 1.a.i")]


def test_a_line_opening_with_a_small_letter_after_a_blank_line_goes_on_with_the_clause():
    # Like the seed's 9.b, which goes on after a blank line with a lower-case word; a word
    # such as "eGovernment" opens with a small letter too.
    structure, warnings = operative(
        PRE + "1. Urges Member States to act,\n\neGovernment services included;\n"
        "2. Requests a report.\n"
    )
    assert structure == [
        "Urges Member States to act, eGovernment services included",
        "Requests a report",
    ]
    assert warnings == []


def test_six_words_moved_up_under_a_number_are_put_back_at_the_end():
    result = official(
        "1. Welcomes the report;\n2.\nfor consideration at its next session;\n"
        "Requests the Secretary-General to report\n3. Decides to continue.\n"
    )
    assert texts(result.resolution.operative) == [
        "Welcomes the report",
        "Requests the Secretary-General to report for consideration at its next session",
        "Decides to continue",
    ]


def test_a_long_line_under_a_number_is_the_paragraphs_start_not_its_moved_end():
    # Eight words are more than the end of a line sent up: the paragraph whose first word
    # the copy lost stays first and is reported; the next paragraph is not merged into it.
    result = official(
        "1. Welcomes the report;\n2.\n"
        "relevant special procedure mandate holders to give attention;\nDecides to continue.\n"
    )
    assert texts(result.resolution.operative) == [
        "Welcomes the report",
        "relevant special procedure mandate holders to give attention",
        "Decides to continue",
    ]
    assert any(
        "no known phrase (“relevant special procedure…”)" in w.message for w in result.warnings
    )


def test_furniture_left_inside_a_clause_is_reported_in_full():
    result = official("1. Decides to 30-12345 (E) protect lighthouses.\n")
    assert [
        w.message for w in result.warnings if "furniture" in w.message and "“" in w.message
    ] == [
        "“30-12345 (E)” inside a clause looks like page furniture (a job number or barcode); "
        "check the clause"
    ]


def test_the_result_as_data_carries_the_warnings_and_what_was_set_aside():
    data = official("1. Decides to act.\n").to_dict()
    assert data["warnings"] == [
        {
            "line": 1,
            "message": "set aside from the official copy, not lost: the document header "
            "(A/RES/99/12)",
        }
    ]
    [header] = data["set_aside"]
    assert (header["kind"], header["line"]) == ("header", 1)
    assert header["text"].split("\n")[:3] == ["A/RES/99/12", "United Nations", "General Assembly"]
    pasted = parse(PRE + "1. Decides to act;\n2. Requests a report.\n").to_dict()
    assert pasted["warnings"] == [] and "set_aside" not in pasted


def test_ii_after_an_unlabelled_item_makes_it_i_even_under_a_semicolon():
    # "ii." can only be a second roman item, so the item before it is "i.", a sub-clause of
    # "a." although "a." lost its colon.
    structure, warnings = operative(
        PRE + "1. Encourages Member States to:\na. Train judges;\n- On money laundering;\n"
        "ii. On cybercrime;\nb. Train police;\n2. Requests a report.\n"
    )
    assert structure == [
        (
            "Encourages Member States to",
            [("Train judges", ["On money laundering", "On cybercrime"]), "Train police"],
        ),
        "Requests a report",
    ]
    assert warnings == [(4, "sub-clause without a label; taken as 1.a.i")]


def test_a_numbered_list_after_a_colon_whose_first_item_lost_its_number():
    # "2. On cybercrime" after "a. …:" and one unlabelled item is that list's second item;
    # "2. Requests a report", with an operative phrase, goes on with the operative clauses.
    structure, warnings = operative(
        PRE + "1. Encourages Member States to:\na. Train judges:\n- On money laundering;\n"
        "2. On cybercrime;\n2. Requests a report.\n"
    )
    assert structure == [
        (
            "Encourages Member States to",
            [("Train judges", ["On money laundering", "On cybercrime"])],
        ),
        "Requests a report",
    ]
    assert warnings == [(4, "sub-clause without a label; taken as 1.a.i")]


def test_two_items_that_lost_their_letters_in_a_row_are_b_and_c():
    structure, warnings = operative(
        PRE + "1. Encourages Member States to:\na. Train judges;\n- Train prosecutors;\n"
        "- Train police;\nd. Train lawyers;\n2. Requests a report.\n"
    )
    assert structure == [
        (
            "Encourages Member States to",
            ["Train judges", "Train prosecutors", "Train police", "Train lawyers"],
        ),
        "Requests a report",
    ]
    assert warnings == [
        (4, "sub-clause without a label; taken as 1.b"),
        (5, "sub-clause without a label; taken as 1.c"),
    ]


def test_a_number_standing_alone_before_the_closing_lines_is_read():
    result = official(
        "1. Welcomes the report;\n2. Decides to continue;\n3.\n\n71st plenary meeting\n"
        "20 December 2030\n"
    )
    assert texts(result.resolution.operative)[:2] == ["Welcomes the report", "Decides to continue"]
    assert [a.text for a in result.set_aside if a.kind == "closing"] == [
        "71st plenary meeting / 20 December 2030"
    ]


# Amendments: operations for a pasted text (resolutions.text.amend.add_pasted) ----------------

# DR 1/1 of the amendment tests: op 1, op 2 with a. and b., op 3.
BASE = parse(TEXT).resolution


def pasted(text):
    return parse(text).resolution


def amended_shape(operations):
    return shape(amend.apply(BASE, operations)[0].operative)


def test_pasted_clauses_at_the_end_follow_the_last_operative_clause():
    operations = amend.add_pasted(
        BASE,
        [],
        pasted("1. Calls upon Member States to act;\n2. Urges States to report."),
        where="end",
    )
    assert [(o["op"], o["parent"], o["after"]) for o in operations] == [
        ("add", "", "op.3"),
        ("add", "", "op.3"),
    ]
    assert amended_shape(operations)[3:] == [
        "Calls upon Member States to act",
        "Urges States to report",
    ]


def test_pasted_clauses_as_sub_clauses_follow_the_last_sub_clause():
    operations = amend.add_pasted(
        BASE,
        [],
        pasted("1. Calls upon Member States to report on fraud."),
        where="child",
        key="op.2",
    )
    assert [(o["parent"], o["after"]) for o in operations] == [("op.2", "op.2.2")]
    assert amended_shape(operations)[1] == (
        "Requests a report",
        ["on trafficking", "on corruption", "Calls upon Member States to report on fraud"],
    )


def test_pasted_clauses_after_a_sub_clause_stay_under_its_parent():
    operations = amend.add_pasted(
        BASE,
        [],
        pasted("1. Calls upon Member States to report on fraud."),
        where="after",
        key="op.2.1",
    )
    assert [(o["parent"], o["after"]) for o in operations] == [("op.2", "op.2.1")]
    assert amended_shape(operations)[1][1] == [
        "on trafficking",
        "Calls upon Member States to report on fraud",
        "on corruption",
    ]


def test_pasted_clauses_replacing_an_operative_clause_delete_it_and_take_its_place():
    earlier = amend.edit(BASE, [], "set", "op.3", "Decides to review the matter")
    operations = amend.add_pasted(
        BASE, earlier, pasted("1. Calls upon Member States to act."), where="replace", key="op.1"
    )
    assert earlier == [
        {
            "op": "replace",
            "key": "op.3",
            "old": "Decides to remain seized",
            "text": "Decides to review the matter",
        }
    ]  # the operations given are left as they were
    assert [(o["op"], o.get("key") or o.get("after")) for o in operations] == [
        ("replace", "op.3"),
        ("delete", "op.1"),
        ("add", "op.1"),
    ]
    assert operations[2]["parent"] == ""
    assert amended_shape(operations)[0] == "Calls upon Member States to act"


def test_pasted_text_refusals_are_readable():
    def refusal(text, **where):
        with pytest.raises(amend.AmendError) as error:
            amend.add_pasted(BASE, [], pasted(text), **where)
        return str(error.value)

    assert refusal("Recalling x,\n1. Urges y.", where="end") == (
        "Only operative clauses may be amended: the pasted text was read as 1 preambular "
        "clause. Paste operative clauses only, numbered (“1. Calls upon …”)."
    )
    assert refusal("Recalling x,\nNoting y,", where="end").startswith(
        "Only operative clauses may be amended: the pasted text was read as 2 preambular "
        "clauses. Paste"
    )
    empty = parse("Recalling x,\n1. Urges y.").resolution
    empty.preamble, empty.operative = [], []
    with pytest.raises(amend.AmendError) as error:
        amend.add_pasted(BASE, [], empty, where="end")
    assert str(error.value) == "The pasted text has no operative clause."
    assert refusal("1. Urges y.", where="after", key="op.9") == (
        "There is no clause op 9 in the text."
    )


def test_pasted_clauses_replacing_a_later_clause_delete_that_clause():
    operations = amend.add_pasted(
        BASE, [], pasted("1. Calls upon Member States to act."), where="replace", key="op.3"
    )
    assert [(o["op"], o.get("key") or o.get("after")) for o in operations] == [
        ("delete", "op.3"),
        ("add", "op.3"),
    ]
    assert amended_shape(operations)[2] == "Calls upon Member States to act"


def test_pasted_clauses_cannot_replace_a_clause_the_amendment_deletes():
    earlier = amend.edit(BASE, [], "delete", "op.1")
    with pytest.raises(amend.AmendError) as error:
        amend.add_pasted(BASE, earlier, pasted("1. Urges y."), where="replace", key="op.1")
    assert str(error.value) == "op 1 is already deleted by this amendment."


def test_undo_drops_one_change_and_refuses_one_no_longer_there():
    operations = amend.edit(BASE, [], "delete", "op.1")
    # Keys name clauses of the amended text: base op 3 is now op 2.
    operations = amend.edit(BASE, operations, "set", "op.2", "Decides to review the matter")
    assert amend.undo(operations, 0) == [operations[1]]
    assert amend.undo(operations, 1) == [operations[0]]
    for index in (-1, 2):
        with pytest.raises(amend.AmendError) as error:
            amend.undo(operations, index)
        assert str(error.value) == "That change is no longer in the amendment."


def test_new_clauses_at_the_same_place_conflict_and_at_different_places_do_not():
    after_1 = amend.edit(BASE, [], "add_after", "op.1", "Invites INTERPOL to help")
    after_1_too = amend.edit(BASE, [], "add_after", "op.1", "Invites UNODC to help")
    after_2 = amend.edit(BASE, [], "add_after", "op.2", "Invites UNODC to help")
    first_of_2 = amend.edit(BASE, [], "add_child", "op.2", "on fraud")
    first_of_2[0]["after"] = ""  # the first sub-clause of op 2
    first = [{"op": "add", "parent": "", "after": "", "clause": {"text": "Notes", "children": []}}]
    assert amend.conflicts(after_1, after_1_too) == ["op 1"]
    assert amend.conflicts(after_1, after_2) == []
    assert amend.conflicts(first_of_2, first) == []


def test_a_new_clause_whose_anchor_was_deleted_is_dropped_with_its_first_words():
    mine = amend.edit(
        BASE, [], "add_after", "op.1", "Invites INTERPOL to help Member States share their data"
    )
    applied = amend.edit(BASE, [], "delete", "op.1")
    kept, problems = amend.rebase(mine, BASE, applied)
    assert kept == []
    assert problems == [
        "op 1 no longer exists: the new clause “Invites INTERPOL to help Member States …” was "
        "dropped"
    ]


def test_the_diff_of_an_amendment_entry_by_entry():
    operations = amend.edit(BASE, [], "delete", "op.2")
    # Keys name clauses of the amended text: base op 3 is now op 2.
    operations = amend.edit(BASE, operations, "set", "op.2", "Decides to review the matter")
    operations = amend.edit(BASE, operations, "add_after", "op.1", "Invites INTERPOL to help")
    operations = amend.edit(BASE, operations, "add_child", "op.2", "by sharing data")
    entries = [e.to_dict() for e in amend.diff_entries(BASE, operations)]
    for entry in entries:
        del entry["words"]
    assert entries == [
        {
            "op": "same",
            "old_path": "op 1",
            "new_path": "op 1",
            "old_text": "Encourages Member States to share data",
            "new_text": "Encourages Member States to share data",
            "depth": 1,
        },
        {
            "op": "added",
            "old_path": None,
            "new_path": "op 2",
            "old_text": None,
            "new_text": "Invites INTERPOL to help",
            "depth": 1,
        },
        {
            "op": "added",
            "old_path": None,
            "new_path": "op 2.a",
            "old_text": None,
            "new_text": "by sharing data",
            "depth": 2,
        },
        {
            "op": "removed",
            "old_path": "op 2",
            "new_path": None,
            "old_text": "Requests a report",
            "new_text": None,
            "depth": 1,
        },
        {
            "op": "removed",
            "old_path": "op 2.a",
            "new_path": None,
            "old_text": "on trafficking",
            "new_text": None,
            "depth": 2,
        },
        {
            "op": "removed",
            "old_path": "op 2.b",
            "new_path": None,
            "old_text": "on corruption",
            "new_text": None,
            "depth": 2,
        },
        {
            "op": "changed",
            "old_path": "op 3",
            "new_path": "op 3",
            "old_text": "Decides to remain seized",
            "new_text": "Decides to review the matter",
            "depth": 1,
        },
    ]


def refused(operations):
    with pytest.raises(amend.AmendError) as error:
        amend.validate(BASE, operations)
    return str(error.value)


def change(key, text):
    return {"op": "replace", "key": key, "old": "", "text": text}


def test_each_operation_refused_says_which_clause_and_why():
    assert refused([change("op.2", "Requests a study"), change("op.2", "Requests a plan")]) == (
        "op 2 is changed twice."
    )
    assert refused([change("op.2", "   ")]) == "Write the new text of op 2 first."
    assert refused([{"op": "delete", "key": "op.2", "old": {}}, change("op.2.1", "on fraud")]) == (
        "op 2.a is already deleted by this amendment."
    )
    assert refused([{"op": "delete", "key": "op.a", "old": {}}]) == "No clause “op.a”."


def new_clause(parent, after, text, children=()):
    return {
        "op": "add",
        "parent": parent,
        "after": after,
        "clause": {"text": text, "children": [{"text": c, "children": []} for c in children]},
    }


def test_new_clauses_with_the_same_anchor_keep_the_order_they_were_written_in():
    operations = amend.edit(BASE, [], "add_after", "op.1", "Invites INTERPOL to help")
    operations = amend.edit(BASE, operations, "add_after", "op.2", "Invites UNODC to help")
    operations.append(new_clause("op.2", "", "on fraud"))  # the first sub-clause of op 2
    amended, origins = amend.apply(BASE, operations)
    assert shape(amended.operative) == [
        "Encourages Member States to share data",
        "Invites INTERPOL to help",
        "Invites UNODC to help",
        ("Requests a report", ["on fraud", "on trafficking", "on corruption"]),
        "Decides to remain seized",
    ]
    assert origins["op.2"] == ("new", 0, ())
    assert origins["op.3"] == ("new", 1, ())
    assert origins["op.4.1"] == ("new", 2, ())
    assert origins["op.4.2"] == ("base", "op.2.1", False)


def test_the_amended_text_shares_nothing_with_the_base():
    amended, _ = amend.apply(BASE, amend.edit(BASE, [], "delete", "op.1"))
    amended.preamble.append(amended.preamble[0])
    amended.preamble[0].text = "Noting the report"
    assert [c.text for c in BASE.preamble] == ["Recalling resolution 55/25"]


def test_descriptions_of_new_clauses_say_where_they_go_and_what_they_hold():
    twelve = "Invites INTERPOL to help Member States share their data on organized crime"
    assert len(twelve.split()) == 12
    assert amend.describe(new_clause("", "", twelve)) == (
        f"Add as the first operative clause: “{twelve}”"
    )
    assert amend.describe(new_clause("op.2", "", twelve + " groups", ["on fraud"])) == (
        f"Add as the first sub-clause of op 2: “{twelve} …” (with 1 sub-clause)"
    )
    assert amend.describe(new_clause("", "op.3", "Decides", ["to act", "to report"])) == (
        "Add after op 3: “Decides” (with 2 sub-clauses)"
    )


def test_conflicts_of_new_clauses_name_their_parent_or_the_operative_part():
    first_of_2 = [new_clause("op.2", "", "on fraud")]
    first_of_2_too = [new_clause("op.2", "", "on theft")]
    first = [new_clause("", "", "Notes the report")]
    first_too = [new_clause("", "", "Welcomes the report")]
    assert amend.conflicts(first_of_2, first_of_2_too) == ["op 2"]
    assert amend.conflicts(first, first_too) == ["the operative part"]


def edit_refused(operations, op, key, *text):
    with pytest.raises(amend.AmendError) as error:
        amend.edit(BASE, operations, op, key, *text)
    return str(error.value)


def test_the_editor_writes_each_operation_in_full_and_leaves_the_given_list_alone():
    given = []
    operations = amend.edit(BASE, given, "append_op", "", "Calls upon States to act")
    operations = amend.edit(BASE, operations, "add_after", "op.2.1", "on fraud")
    operations = amend.edit(BASE, operations, "delete", "op.1")
    assert given == []
    assert operations == [
        {
            "op": "add",
            "parent": "",
            "after": "op.3",
            "clause": {"text": "Calls upon States to act", "children": []},
        },
        {
            "op": "add",
            "parent": "op.2",
            "after": "op.2.1",
            "clause": {"text": "on fraud", "children": []},
        },
        {
            "op": "delete",
            "key": "op.1",
            "old": {"text": "Encourages Member States to share data", "children": []},
        },
    ]


def test_a_sub_sub_clause_added_after_another_stays_under_the_same_sub_clause():
    base = parse(
        "Recalling the Charter,\n1. Requests a report:\na. on crime:\ni. at sea;\nii. on land;\n"
        "2. Decides to remain seized."
    ).resolution
    operations = amend.edit(base, [], "add_after", "op.1.1.1", "in the air")
    assert (operations[0]["parent"], operations[0]["after"]) == ("op.1.1", "op.1.1.1")
    amended, _ = amend.apply(base, operations)
    assert [c.text for c in amended.operative[0].children[0].children] == [
        "at sea",
        "in the air",
        "on land",
    ]


def test_deleting_a_clause_drops_the_new_sub_clauses_written_under_it():
    operations = amend.edit(BASE, [], "add_child", "op.2", "on fraud")
    operations = amend.edit(BASE, operations, "add_after", "op.1", "Invites INTERPOL to help")
    operations = amend.edit(BASE, operations, "delete", "op.3")  # base op 2, now op 3
    assert [(o["op"], o.get("parent"), o.get("key")) for o in operations] == [
        ("add", "", None),
        ("delete", None, "op.2"),
    ]


def test_the_editor_refuses_readably():
    assert edit_refused([], "set", "pre.1", "Noting x") == (
        "Only operative clauses may be amended; the preamble stays as it is."
    )
    for move in ("up", "down", "indent", "outdent"):
        assert edit_refused([], move, "op.2") == (
            "An amendment adds, deletes or changes clauses; it does not move them. "
            "Delete the clause and add it where it belongs."
        )
    assert edit_refused([], "set", "op.9", "x") == "No clause “op 9”."
    assert edit_refused([], "set", "zz", "x") == "No clause “zz”."
    assert edit_refused([], "add_after", "op.1") == "Write the new clause's text first."
    assert edit_refused([], "merge", "op.1", "x") == "That change is not understood."
    added = amend.edit(BASE, [], "add_after", "op.1", "Invites INTERPOL to help")
    assert edit_refused(added, "merge", "op.2", "x") == "That change is not understood."


def delete(key):
    return {"op": "delete", "key": key, "old": {}}


def test_validate_names_the_clause_of_every_refusal():
    assert refused([change("op.9", "Decides")]) == "There is no clause op 9 in the text."
    assert refused([change("op.2.1", "on fraud"), delete("op.2")]) == (
        "op 2 is deleted and changed by the same amendment."
    )
    assert refused([new_clause("op.9", "", "on fraud")]) == "There is no clause op 9 in the text."
    assert refused([new_clause("op.2", "op.2.3", "on fraud")]) == (
        "There is no clause op 2.c to add after."
    )
    assert refused([new_clause("op.2", "op.1", "on fraud")]) == (
        "There is no clause op 1 to add after."
    )
    assert refused([delete("op.2"), new_clause("op.2", "", "on fraud")]) == (
        "op 2 is deleted by this amendment."
    )
    assert refused([new_clause("op.2", "", "on fraud"), delete("op.2")]) == (
        "op 2 is deleted by this amendment."
    )
    assert refused([new_clause("", "op.1", " ")]) == "Write the new clause's text first."
    assert refused([{"op": "move", "key": "op.1"}]) == (
        "An amendment adds, deletes or changes operative clauses."
    )


def test_a_first_sub_clause_can_be_added_under_a_clause_without_any():
    operations = amend.edit(BASE, [], "add_child", "op.1", "by sharing it in real time")
    assert (operations[0]["parent"], operations[0]["after"]) == ("op.1", "")
    assert amended_shape(operations)[0] == (
        "Encourages Member States to share data",
        ["by sharing it in real time"],
    )


def test_rebase_compares_a_change_by_its_text_and_a_deletion_by_the_whole_clause():
    applied = amend.edit(BASE, [], "add_child", "op.2", "on fraud")  # op 2 keeps its text
    changed = [change("op.2", "Requests a study")]
    kept, problems = amend.rebase(changed, BASE, applied)
    assert (kept, problems) == (changed, [])
    kept, problems = amend.rebase([delete("op.2")], BASE, applied)
    assert kept == []
    assert problems == ["op 2 was changed (it is now op 2): its deletion was dropped"]


def test_rebase_moves_new_clauses_to_their_parents_new_label_and_goes_on_after_a_drop():
    applied = amend.edit(BASE, [], "add_after", "op.1", "Invites INTERPOL to help")
    applied = amend.edit(BASE, applied, "delete", "op.1")
    mine = [
        new_clause("", "op.1", "Urges States to act"),
        new_clause("op.2", "op.2.2", "on fraud"),
    ]
    kept, problems = amend.rebase(mine, BASE, applied)
    assert problems == ["op 1 no longer exists: the new clause “Urges States to act” was dropped"]
    assert [(o["parent"], o["after"]) for o in kept] == [("op.2", "op.2.2")]
    applied = amend.edit(BASE, [], "add_after", "op.1", "Invites INTERPOL to help")
    kept, problems = amend.rebase(mine[1:], BASE, applied)
    assert ([(o["parent"], o["after"]) for o in kept], problems) == ([("op.3", "op.3.2")], [])


def test_pasted_clauses_after_a_sub_sub_clause_stay_under_its_sub_clause():
    base = parse(
        "Recalling the Charter,\n1. Requests a report:\na. on crime:\ni. at sea;\nii. on land;\n"
        "2. Decides to remain seized."
    ).resolution
    operations = amend.add_pasted(base, [], pasted("1. In the air."), where="after", key="op.1.1.1")
    assert (operations[0]["parent"], operations[0]["after"]) == ("op.1.1", "op.1.1.1")


def test_unchanged_sub_clauses_in_the_diff_keep_their_depth():
    operations = amend.edit(BASE, [], "set", "op.3", "Decides to review the matter")
    entries = amend.diff_entries(BASE, operations)
    assert [(e.op, e.old_path, e.depth) for e in entries] == [
        ("same", "op 1", 1),
        ("same", "op 2", 1),
        ("same", "op 2.a", 2),
        ("same", "op 2.b", 2),
        ("changed", "op 3", 1),
    ]


def test_editing_a_new_clause_and_its_sub_clauses_changes_only_the_amendment():
    given = amend.edit(BASE, [], "append_op", "", "Calls upon States to act")
    given = amend.edit(BASE, given, "set", "op.1", "Encourages Member States to share their data")
    operations = amend.edit(BASE, given, "add_child", "op.4", "by sharing data")
    operations = amend.edit(BASE, operations, "add_child", "op.4", "by training")
    operations = amend.edit(BASE, operations, "add_after", "op.4.1", "by funding")
    operations = amend.edit(BASE, operations, "add_child", "op.4.1", "in real time")
    operations = amend.edit(BASE, operations, "add_child", "op.4.1", "in confidence")
    operations = amend.edit(BASE, operations, "delete", "op.4.1.1")
    operations = amend.edit(BASE, operations, "delete", "op.4.3")
    operations = amend.edit(BASE, operations, "set", "op.4.2", "by funding training")
    operations = amend.edit(BASE, operations, "add_after", "op.4", "Urges States to report")
    assert given[0]["clause"] == {"text": "Calls upon States to act", "children": []}
    assert operations == [
        {
            "op": "add",
            "parent": "",
            "after": "op.3",
            "clause": {
                "text": "Calls upon States to act",
                "children": [
                    {
                        "text": "by sharing data",
                        "children": [{"text": "in confidence", "children": []}],
                    },
                    {"text": "by funding training", "children": []},
                ],
            },
        },
        {
            "op": "add",
            "parent": "",
            "after": "op.3",
            "clause": {"text": "Urges States to report", "children": []},
        },
        {
            "op": "replace",
            "key": "op.1",
            "old": "Encourages Member States to share data",
            "text": "Encourages Member States to share their data",
        },
    ]


def test_deleting_a_clause_drops_the_deletions_inside_it():
    operations = amend.edit(BASE, [], "delete", "op.2.1")
    operations = amend.edit(BASE, operations, "delete", "op.2")
    assert [(o["op"], o["key"]) for o in operations] == [("delete", "op.2")]


def test_a_new_sub_clause_of_a_base_clause_can_take_sub_clauses_of_its_own():
    operations = amend.edit(BASE, [], "add_child", "op.1", "by sharing data")
    operations = amend.edit(BASE, operations, "add_child", "op.1.1", "in real time")
    operations = amend.edit(BASE, operations, "add_after", "op.1.1.1", "in confidence")
    assert operations[0]["clause"] == {
        "text": "by sharing data",
        "children": [
            {"text": "in real time", "children": []},
            {"text": "in confidence", "children": []},
        ],
    }


def test_pasted_clauses_with_no_clause_to_go_after_are_refused():
    with pytest.raises(amend.AmendError) as error:
        amend.add_pasted(BASE, [], pasted("1. Urges y."), where="after")
    assert str(error.value) == "No clause “”."


def test_a_clause_added_after_a_new_sub_sub_clause_stays_beside_it():
    operations = amend.edit(BASE, [], "add_child", "op.1", "by sharing data")
    operations = amend.edit(BASE, operations, "add_child", "op.1.1", "in real time:")
    operations = amend.edit(BASE, operations, "add_child", "op.1.1.1", "by phone")
    operations = amend.edit(BASE, operations, "add_after", "op.1.1.1.1", "by mail")
    assert operations[0]["clause"]["children"][0]["children"] == [
        {"text": "by phone", "children": []},
        {"text": "by mail", "children": []},
    ]
