"""The editor's operations and the merge of two texts, in plain Python (resolutions/text/):
each returns a new text and leaves the one it was given alone."""

import pytest

from resolutions.text import Clause, Resolution
from resolutions.text import edit as text_edit
from resolutions.text.edit import EditError
from resolutions.text.merge import merge


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
    with pytest.raises(EditError, match="Write the clause's text first"):
        text_edit.apply(sample(), op, "op.1", "")


@pytest.mark.parametrize("op", ["set", "add_after", "append_op", "add_child"])
def test_apply_refuses_punctuation_alone(op):
    with pytest.raises(EditError, match="Write the clause's text first"):
        text_edit.apply(sample(), op, "op.1", " ;: ")


def test_apply_refuses_an_unknown_operation():
    with pytest.raises(EditError, match="Unknown change 'swap'"):
        text_edit.apply(sample(), "swap", "op.1", "")


@pytest.mark.parametrize(
    ("op", "key", "message"),
    [
        ("up", "op.1", "cannot move further"),
        ("down", "op.3", "cannot move further"),
        ("up", "pre.1", "cannot move further"),
        ("indent", "op.1", "no clause above it"),
        ("indent", "pre.2", "Preambular clauses have no sub-clauses"),
        ("add_child", "pre.1", "Preambular clauses have no sub-clauses"),
        ("outdent", "op.2", "already at the top level"),
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
    with pytest.raises(EditError, match=message):
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
    with pytest.raises(EditError, match="Write the clause's text first"):
        text_edit.apply(sample(), "set", "op.9", "")
