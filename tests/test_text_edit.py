"""The editor's operations and the merge of two texts, in plain Python (resolutions/text/):
each returns a new text and leaves the one it was given alone."""

import re

import pytest

from resolutions.text import Clause, Resolution
from resolutions.text import edit as text_edit
from resolutions.text.edit import EditError
from resolutions.text.merge import merge


def exactly(message):
    """A ``match`` pattern for this message and nothing else."""
    return "^" + re.escape(message) + "$"


def sample():
    return Resolution(
        heading="The Commission on Crime Prevention and Criminal Justice",
        preamble=[Clause("Recalling resolution 55/25"), Clause("Noting the report")],
        operative=[
            Clause("Encourages Member States to share data"),
            Clause("Requests a report", [Clause("on trafficking"), Clause("on corruption")]),
            Clause("Decides to remain seized"),
        ],
    )


def shape(resolution):
    """The text as nested (text, [children]) lists, to compare with literals."""

    def one(clause):
        return (clause.text, [one(c) for c in clause.children]) if clause.children else clause.text

    return [one(c) for c in resolution.preamble], [one(c) for c in resolution.operative]


ORIGINAL = shape(sample())
PRE = ["Recalling resolution 55/25", "Noting the report"]


@pytest.mark.parametrize(
    ("op", "key", "text", "expected_pre", "expected_op", "focus"),
    [
        (
            "set",
            "op.1",
            "Urges States to share data;",
            PRE,
            [
                "Urges States to share data",
                ("Requests a report", ["on trafficking", "on corruption"]),
                "Decides to remain seized",
            ],
            "op.1",
        ),
        (
            "add_after",
            "op.2.1",
            "on  cybercrime",
            PRE,
            [
                "Encourages Member States to share data",
                ("Requests a report", ["on trafficking", "on cybercrime", "on corruption"]),
                "Decides to remain seized",
            ],
            "op.2.2",
        ),
        (
            "append_pre",
            "",
            "Bearing in mind the Charter,",
            [*PRE, "Bearing in mind the Charter"],
            ORIGINAL[1],
            "pre.3",
        ),
        (
            "append_op",
            "",
            "Calls upon donors",
            PRE,
            [*ORIGINAL[1], "Calls upon donors"],
            "op.4",
        ),
        (
            "add_child",
            "op.2",
            "on money laundering",
            PRE,
            [
                "Encourages Member States to share data",
                (
                    "Requests a report",
                    ["on trafficking", "on corruption", "on money laundering"],
                ),
                "Decides to remain seized",
            ],
            "op.2.3",
        ),
        ("delete", "pre.1", "", ["Noting the report"], ORIGINAL[1], None),
        (
            "up",
            "op.3",
            "",
            PRE,
            [
                "Encourages Member States to share data",
                "Decides to remain seized",
                ("Requests a report", ["on trafficking", "on corruption"]),
            ],
            "op.2",
        ),
        (
            "down",
            "op.2.1",
            "",
            PRE,
            [
                "Encourages Member States to share data",
                ("Requests a report", ["on corruption", "on trafficking"]),
                "Decides to remain seized",
            ],
            "op.2.2",
        ),
        (
            "indent",
            "op.2",
            "",
            PRE,
            [
                (
                    "Encourages Member States to share data",
                    [("Requests a report", ["on trafficking", "on corruption"])],
                ),
                "Decides to remain seized",
            ],
            "op.1.1",
        ),
        (
            "outdent",
            "op.2.1",
            "",
            PRE,
            [
                "Encourages Member States to share data",
                ("Requests a report", ["on corruption"]),
                "on trafficking",
                "Decides to remain seized",
            ],
            "op.3",
        ),
    ],
)
def test_apply_runs_each_editor_operation(op, key, text, expected_pre, expected_op, focus):
    resolution = sample()
    new, focused = text_edit.apply(resolution, op, key, text)
    assert shape(new) == (expected_pre, expected_op)
    assert focused == focus
    assert shape(resolution) == ORIGINAL


@pytest.mark.parametrize("op", ["set", "add_after", "append_pre", "append_op", "add_child"])
def test_apply_asks_for_text_before_writing_a_clause(op):
    with pytest.raises(EditError, match=exactly("Write the clause's text first.")):
        text_edit.apply(sample(), op, "op.1", "")


@pytest.mark.parametrize("op", ["set", "add_after", "append_op", "add_child"])
def test_apply_refuses_punctuation_alone(op):
    with pytest.raises(EditError, match=exactly("Write the clause's text first.")):
        text_edit.apply(sample(), op, "op.1", " ;: ")


def test_apply_refuses_an_unknown_operation():
    with pytest.raises(EditError, match=exactly("Unknown change 'swap'.")):
        text_edit.apply(sample(), "swap", "op.1", "")


@pytest.mark.parametrize(
    ("op", "key", "message"),
    [
        ("up", "op.1", "The clause cannot move further that way."),
        ("down", "op.3", "The clause cannot move further that way."),
        ("up", "pre.1", "The clause cannot move further that way."),
        ("indent", "op.1", "The first clause at its level has no clause above it to go under."),
        ("indent", "pre.2", "Preambular clauses have no sub-clauses."),
        ("add_child", "pre.1", "Preambular clauses have no sub-clauses."),
        ("outdent", "op.2", "An operative clause is already at the top level."),
        ("delete", "op.4", "No clause “op.4”"),
        ("delete", "op.2.3", "No clause “op.2.3”"),
        ("delete", "op.4.1", "No clause “op.4.1”"),
        ("delete", "op.0", "No clause “op.0”"),
        ("delete", "pre.1.1", "No clause “pre.1.1”"),
        ("delete", "amend.1", "No clause “amend.1”"),
        ("delete", "op", "No clause “op”"),
        ("delete", "op.x", "No clause “op.x”"),
    ],
)
def test_apply_refuses_moves_that_make_no_sense(op, key, message):
    if message.startswith("No clause"):
        message += "."
    with pytest.raises(EditError, match=exactly(message)):
        text_edit.apply(sample(), op, key, "text")


def test_clean_text_keeps_one_space_and_drops_closing_marks():
    assert text_edit.clean_text("  Requests   a report, including:  ") == (
        "Requests a report, including"
    )
    assert text_edit.clean_text("Notes 55/25.") == "Notes 55/25"


def test_keys_name_clauses_by_their_place():
    assert text_edit.parse_key("op.3.2.1") == ("op", [3, 2, 1])
    assert text_edit.make_key("pre", [2]) == "pre.2"
    assert text_edit.clause_at(sample(), "op.2.2").text == "on corruption"


# Merging two papers' texts --------------------------------------------------------------------


def test_merge_puts_the_targets_clauses_first_and_does_not_repeat_clauses():
    target = sample()
    source = Resolution(
        heading="Another heading",
        preamble=[Clause("noting  THE report"), Clause("Guided by the Charter")],
        operative=[
            Clause("Decides to remain  seized"),
            Clause("Invites donors to contribute", [Clause("to the fund")]),
        ],
    )
    merged = merge(target, source)
    assert merged.heading == "The Commission on Crime Prevention and Criminal Justice"
    assert shape(merged) == (
        [*PRE, "Guided by the Charter"],
        [*ORIGINAL[1], ("Invites donors to contribute", ["to the fund"])],
    )
    assert shape(target) == ORIGINAL
    assert [c.text for c in source.preamble] == ["noting  THE report", "Guided by the Charter"]


def test_merge_takes_the_sources_heading_when_the_target_has_none():
    merged = merge(Resolution(), sample())
    assert merged.heading == "The Commission on Crime Prevention and Criminal Justice"
    assert shape(merged) == ORIGINAL


def test_merge_compares_preamble_with_preamble_and_operative_with_operative():
    target = Resolution(preamble=[Clause("Requests a report")], operative=[Clause("Recalling")])
    source = Resolution(preamble=[Clause("Recalling")], operative=[Clause("Requests a report")])
    assert shape(merge(target, source)) == (
        ["Requests a report", "Recalling"],
        ["Recalling", "Requests a report"],
    )


def test_apply_asks_for_text_first_even_for_a_clause_that_is_gone():
    with pytest.raises(EditError, match=exactly("Write the clause's text first.")):
        text_edit.apply(sample(), "set", "op.9", "")


def test_apply_without_text_asks_for_it():
    with pytest.raises(EditError, match=exactly("Write the clause's text first.")):
        text_edit.apply(sample(), "set", "op.1")


@pytest.mark.parametrize(
    ("op", "key", "expected_pre", "expected_op", "focus"),
    [
        ("up", "op.2", PRE, [ORIGINAL[1][1], ORIGINAL[1][0], ORIGINAL[1][2]], "op.1"),
        ("down", "pre.1", list(reversed(PRE)), ORIGINAL[1], "pre.2"),
        (
            "add_after",
            "op.1",
            PRE,
            [ORIGINAL[1][0], "New", ORIGINAL[1][1], ORIGINAL[1][2]],
            "op.2",
        ),
        ("add_after", "pre.1", [PRE[0], "New", PRE[1]], ORIGINAL[1], "pre.2"),
        (
            "indent",
            "op.2.2",
            PRE,
            [
                ORIGINAL[1][0],
                ("Requests a report", [("on trafficking", ["on corruption"])]),
                ORIGINAL[1][2],
            ],
            "op.2.1.1",
        ),
    ],
)
def test_apply_moves_and_adds_at_every_level(op, key, expected_pre, expected_op, focus):
    new, focused = text_edit.apply(sample(), op, key, "New")
    assert shape(new) == (expected_pre, expected_op)
    assert focused == focus


def deep():
    """Three levels under the last operative clause, and a preambular clause with sub-clauses
    (a pasted text can have them)."""
    return Resolution(
        preamble=[Clause("Recalling", [Clause("the Charter", [Clause("Article 1")])])],
        operative=[
            Clause("Notes the report"),
            Clause("Decides", [Clause("to act", [Clause("now"), Clause("later")])]),
        ],
    )


def test_keys_reach_the_last_clause_at_every_level():
    assert text_edit.clause_at(deep(), "op.2.1.2").text == "later"
    assert text_edit.clause_at(deep(), "pre.1.1").text == "the Charter"
    with pytest.raises(EditError, match=exactly("No clause “pre.1.1.1”.")):
        text_edit.clause_at(deep(), "pre.1.1.1")


def test_outdent_from_the_third_level():
    new, focus = text_edit.apply(deep(), "outdent", "op.2.1.2")
    assert shape(new)[1] == ["Notes the report", ("Decides", [("to act", ["now"]), "later"])]
    assert focus == "op.2.2"


def test_outdent_a_preambular_sub_clause():
    new, focus = text_edit.apply(deep(), "outdent", "pre.1.1")
    assert shape(new)[0] == ["Recalling", ("the Charter", ["Article 1"])]
    assert shape(new)[1] == shape(deep())[1]
    assert focus == "pre.2"
