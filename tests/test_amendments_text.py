"""Amendment operations on a text, without the database: apply, describe, conflicts, re-base,
and the editor actions that build them."""

import pytest

from resolutions.text import amend, parse

from .amendment_helpers import TEXT

BASE = parse(TEXT).resolution


def ops(*steps, base=BASE):
    operations = []
    for op, key, *text in steps:
        operations = amend.edit(base, operations, op, key, *(text or [""]))
    return operations


def operative(resolution):
    def walk(clauses):
        return [(c.text, walk(c.children)) if c.children else c.text for c in clauses]

    return walk(resolution.operative)


def test_each_operation_and_labels_re_derive():
    operations = ops(
        ("delete", "op.2.1"),
        ("set", "op.3", "Decides to review the matter next year"),
        ("add_after", "op.1", "Invites INTERPOL to help"),
        ("add_child", "op.3", "on the environment"),  # op 3 is now 2 b's parent (was op 2)
    )
    amended, origins = amend.apply(BASE, operations)
    assert operative(amended) == [
        "Encourages Member States to share data",
        "Invites INTERPOL to help",
        ("Requests a report", ["on corruption", "on the environment"]),
        "Decides to review the matter next year",
    ]
    assert origins["op.3.1"] == ("base", "op.2.2", False)
    assert origins["op.4"] == ("base", "op.3", True)
    assert [amend.describe(o) for o in operations] == [
        "Delete op 2.a",
        "Change op 3 to read: “Decides to review the matter next year”",
        "Add after op 1: “Invites INTERPOL to help”",
        "Add after op 2.b: “on the environment”",
    ]
    assert parse(TEXT).resolution == BASE  # the base is never changed


def test_append_and_new_clause_with_sub_clauses_edited_in_place():
    operations = amend.edit(BASE, [], "append_op", "", "Calls upon Member States to act")
    operations = amend.edit(BASE, operations, "add_child", "op.4", "by sharing data")
    operations = amend.edit(BASE, operations, "add_after", "op.4.1", "by training")
    operations = amend.edit(BASE, operations, "set", "op.4.2", "by training police")
    amended, _ = amend.apply(BASE, operations)
    assert operative(amended)[-1] == (
        "Calls upon Member States to act",
        ["by sharing data", "by training police"],
    )
    assert len(operations) == 1
    assert amend.describe(operations[0]).endswith("(with 2 sub-clauses)")
    operations = amend.edit(BASE, operations, "delete", "op.4")
    assert operations == []


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (("set", "pre.1", "Noting x"), "Only operative clauses may be amended"),
        (("delete", "pre.1"), "Only operative clauses may be amended"),
        (("append_pre", "", "Noting x"), "Only operative clauses may be amended"),
        (("up", "op.2"), "does not move them"),
        (("indent", "op.2"), "does not move them"),
        (("delete", "op.9"), "No clause “op 9”"),
    ],
)
def test_refusals_are_readable(step, message):
    with pytest.raises(amend.AmendError, match=message):
        ops(step)


def test_validate_refuses_preamble_and_missing_clauses():
    with pytest.raises(amend.AmendError, match="pre 1 is a preambular clause"):
        amend.validate(BASE, [{"op": "delete", "key": "pre.1", "old": {}}])
    with pytest.raises(amend.AmendError, match="no clause op 7"):
        amend.validate(BASE, [{"op": "replace", "key": "op.7", "old": "", "text": "x"}])
    with pytest.raises(amend.AmendError, match="already deleted"):
        amend.validate(
            BASE,
            [
                {"op": "delete", "key": "op.2", "old": {}},
                {"op": "replace", "key": "op.2.1", "old": "", "text": "x"},
            ],
        )


@pytest.mark.parametrize(
    "operation, message",
    [
        ({"op": "replace", "text": "x"}, "No clause “”"),
        ({"op": "delete"}, "No clause “”"),
        ({"op": "replace", "key": "op.1"}, "Write the new text of op 1 first"),
        ({"op": "add", "parent": "", "after": ""}, "Write the new clause's text first"),
        ({"op": "add", "parent": "", "after": "", "clause": {}}, "Write the new clause's text"),
        ({"op": "add", "parent": "", "after": "", "clause": {"children": []}}, "new clause's"),
    ],
)
def test_validate_refuses_an_operation_missing_a_part_in_words(operation, message):
    # Operations are checked before anything reads them: one missing its clause, text or
    # new clause is refused with a message, not a crash.
    with pytest.raises(amend.AmendError, match=message):
        amend.validate(BASE, [operation])


@pytest.mark.parametrize(
    "children",
    [
        [{"children": []}],
        [{"text": "  ", "children": []}],
        [{"text": "on cybercrime", "children": [{"text": "in ports"}, {"children": []}]}],
    ],
)
def test_validate_refuses_a_new_sub_clause_without_text(children):
    clause = {"text": "Requests reports", "children": children}
    with pytest.raises(amend.AmendError, match="Write the text of every new sub-clause first"):
        amend.validate(BASE, [{"op": "add", "parent": "", "after": "", "clause": clause}])


def test_an_add_without_parent_or_after_is_placed_first_and_keeps_that_place():
    # "parent" and "after" may be left out of an add: the clause then goes first among the
    # operative clauses (or first among its parent's sub-clauses), as with "".
    def new(text, **place):
        return {"op": "add", **place, "clause": {"text": text, "children": []}}

    first, first_too = new("Invites reports"), new("Invites more", parent="", after="")
    assert amend.conflicts([first], [first_too]) == ["the operative part"]
    assert amend.conflicts(
        [new("on a", parent="op.2")], [new("on b", parent="op.2", after="")]
    ) == ["op 2"]
    assert amend.conflicts([new("A", after="op.1")], [new("B", parent="", after="op.1")]) == [
        "op 1"
    ]
    # Deleting a base clause keeps an add placed without a parent.
    after_1 = new("Invites reports", after="op.1")
    operations = amend.edit(BASE, [after_1], "delete", "op.3")  # base op 2, after the new one
    assert operations == [after_1, {"op": "delete", "key": "op.2", "old": ops_old(2)}]
    amended, _ = amend.apply(BASE, operations)
    assert operative(amended) == [
        "Encourages Member States to share data",
        "Invites reports",
        "Decides to remain seized",
    ]


def ops_old(number):
    return BASE.operative[number - 1].to_dict()


def test_setting_a_clause_back_to_its_text_drops_the_change():
    operations = ops(("set", "op.1", "Urges Member States to share data"))
    assert len(operations) == 1
    assert (
        ops(
            ("set", "op.1", "Urges Member States to share data"),
            ("set", "op.1", "Encourages Member States to share data"),
        )
        == []
    )


def test_deleting_a_clause_drops_changes_inside_it():
    operations = ops(("set", "op.2.1", "on trafficking in persons"), ("delete", "op.2"))
    assert [o["op"] for o in operations] == ["delete"]


def test_conflicts_name_the_shared_clause():
    a = ops(("delete", "op.2"))
    b = ops(("set", "op.2.2", "on bribery"))
    c = ops(("set", "op.1", "Urges states"))
    assert amend.conflicts(a, b) == ["op 2"]
    assert amend.conflicts(b, a)
    assert amend.conflicts(a, c) == []
    assert amend.conflicts(ops(("set", "op.1", "x y")), c) == ["op 1"]


def test_rebase_moves_operations_to_the_new_labels():
    applied = ops(("delete", "op.1"))
    other = ops(("delete", "op.2.2"), ("add_after", "op.3", "Requests more"))
    kept, problems = amend.rebase(other, BASE, applied)
    assert problems == []
    assert [o.get("key") or o.get("after") for o in kept] == ["op.1.2", "op.2"]
    new_base, _ = amend.apply(BASE, applied)
    assert operative(amend.apply(new_base, kept)[0]) == [
        ("Requests a report", ["on trafficking"]),
        "Decides to remain seized",
        "Requests more",
    ]


def test_rebase_never_applies_to_the_wrong_clause():
    applied = ops(("delete", "op.2.1"), ("set", "op.3", "Decides to close the matter"))
    other = ops(
        ("set", "op.2.1", "on trafficking in persons"),
        ("delete", "op.3"),
        ("set", "op.2.2", "on bribery"),
    )
    kept, problems = amend.rebase(other, BASE, applied)
    assert problems == [
        "op 2.a no longer exists: the change to it was dropped",
        "op 3 was changed (it is now op 3): its deletion was dropped",
    ]
    # Only the change whose clause survived unchanged remains, moved to its new label.
    assert kept == [
        {"op": "replace", "key": "op.2.1", "old": "on corruption", "text": "on bribery"}
    ]


def test_paste_adds_or_replaces_clauses():
    pasted = parse("1. Calls upon Member States to act:\na. by sharing data;\nb. by training.")
    operations = amend.add_pasted(BASE, [], pasted.resolution, where="replace", key="op.1")
    amended, _ = amend.apply(BASE, operations)
    assert operative(amended)[0] == (
        "Calls upon Member States to act",
        ["by sharing data", "by training"],
    )
    assert len(amended.operative) == 3
    with pytest.raises(amend.AmendError, match="preambular clause"):
        amend.add_pasted(BASE, [], parse("Recalling x,\n1. Urges y.").resolution, where="end")


def test_diff_is_exact_and_keeps_deleted_clauses_where_they_stood():
    operations = ops(
        ("delete", "op.2.1"),
        ("set", "op.3", "Decides to review the matter next year"),
        ("add_after", "op.1", "Invites INTERPOL to help"),
    )
    entries = [
        (e.op, e.old_path, e.new_path)
        for e in amend.diff_entries(BASE, operations)
        if e.op != "same"
    ]
    assert entries == [
        ("added", None, "op 2"),
        ("removed", "op 2.a", None),
        ("changed", "op 3", "op 4"),
    ]
    changed = [e for e in amend.diff_entries(BASE, operations) if e.op == "changed"][0]
    assert ("delete", "remain seized") in changed.words
    assert ("insert", "review the matter next year") in changed.words


def test_conflicts_for_new_clauses():
    sub = ops(("add_child", "op.2", "on cybercrime"))
    after = ops(("add_after", "op.2", "Invites reports"))
    assert amend.conflicts(ops(("set", "op.2", "Requests two reports")), sub) == ["op 2"]
    assert amend.conflicts(ops(("delete", "op.2")), after) == ["op 2"]  # its anchor goes
    assert amend.conflicts(ops(("set", "op.2", "Requests two reports")), after) == []
    assert amend.conflicts(after, ops(("add_after", "op.2", "Invites more"))) == ["op 2"]


def test_what_the_text_carries_besides_its_operative_clauses_is_kept():
    base = parse(TEXT).resolution
    base.footnotes = ["See A/RES/55/25."]
    base.document = {"symbol": "E/CN.15/2025/L.1", "title": "Crime"}
    amended, _ = amend.apply(base, ops(("delete", "op.1"), base=base))
    assert amended.footnotes == ["See A/RES/55/25."]
    assert amended.document == {"symbol": "E/CN.15/2025/L.1", "title": "Crime"}
    assert amended.preamble == base.preamble and len(amended.operative) == 2
