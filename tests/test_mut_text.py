"""Mutation testing of the text engine's parser, amendments and official copies (issue 8):
the repairs ``parse`` makes to pasted labels, what it sets aside from an official copy, and
the amendment operations, each checked where the text tests left them unchecked. Every
expected structure is the one DOMAIN.md ("Resolution text") describes: operative clauses
numbered 1., 2., …, sub-clauses a., b. → i., ii. → 1., 2., numbering derived, never typed,
and a clause that introduces sub-clauses ending with a colon."""

from resolutions.text import parse


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
