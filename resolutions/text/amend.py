"""Amendments as operations on the operative part of a text (plain Python, no ORM).

An amendment is a list of operations, each addressed to a clause of the text it was written
against (its *base*) by the editor's key (``op.3.2`` is operative clause 3, sub-clause b):

- ``{"op": "replace", "key": "op.3", "old": <base text>, "text": <new text>}``
- ``{"op": "delete", "key": "op.3.2", "old": <base clause as a dict>}``
- ``{"op": "add", "parent": "op.3" | "", "after": "op.3.2" | "", "clause": <clause dict>}``:
  a new clause (with any sub-clauses) among ``parent``'s sub-clauses (the operative clauses
  when ``parent`` is empty), right after the base clause ``after`` (first when empty).

Operations refer to base clauses only, so they never depend on each other's order, and labels
are derived when the amended text is rendered. ``apply`` builds the amended text and says
where each of its clauses came from; ``rebase`` moves operations onto the text another
amendment produced, or says why it cannot; ``conflicts`` finds two amendments touching the
same clause. Errors are ``AmendError`` with a message a delegate can read.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from .edit import EditError, clean_text, make_key, parse_key
from .structure import Clause, path_label


class AmendError(EditError):
    pass


def label_of(key):
    """ "op.3.2" → "op 3.b" (what the delegate sees); "" → "the operative part"."""
    if not key:
        return "the operative part"
    kind, path = parse_key(key)
    return path_label(kind, tuple(path))


def _operative_path(key):
    try:
        kind, path = parse_key(key)
    except EditError:
        raise AmendError(f"No clause “{key}”.") from None
    if kind != "op":
        raise AmendError(
            f"Only operative clauses may be amended; {path_label(kind, tuple(path))} is a "
            "preambular clause."
        )
    return tuple(path)


def _clause_at(resolution, path):
    clauses = resolution.operative
    clause = None
    for n in path:
        if n < 1 or n > len(clauses):
            return None
        clause = clauses[n - 1]
        clauses = clause.children
    return clause


def _normal(text):
    """A clause's text as stored: single spaces, no closing marks (the renderer adds them)."""
    return clean_text(str(text))


def clause_dict(clause):
    return clause.to_dict()


# Building the amended text --------------------------------------------------------------------


@dataclass
class _Node:
    text: str
    origin: tuple | None = None  # base path, or None for a new clause
    new: tuple | None = None  # (operation index, path inside the new clause)
    anchor: tuple | None = None  # (parent key, after key) of the add that made it
    deleted: bool = False
    changed: bool = False
    children: list[_Node] = field(default_factory=list)


def _base_nodes(clauses, path=()):
    nodes = []
    for i, clause in enumerate(clauses, start=1):
        here = (*path, i)
        nodes.append(_Node(clause.text, origin=here, children=_base_nodes(clause.children, here)))
    return nodes


def _new_nodes(data, index, inner=()):
    return _Node(
        _normal(data["text"]),
        new=(index, inner),
        children=[
            _new_nodes(child, index, (*inner, i))
            for i, child in enumerate(data.get("children", []), start=1)
        ],
    )


def _written(clause):
    """Whether a new clause and every sub-clause under it have text."""
    return bool(_normal(clause.get("text", ""))) and all(
        _written(child) for child in clause.get("children", [])
    )


def validate(base, operations):
    """Check every operation against the base text; raise AmendError on the first problem."""
    replaced, deleted = set(), set()
    for op in operations:
        kind = op.get("op")
        if kind in ("replace", "delete"):
            path = _operative_path(op.get("key", ""))
            if _clause_at(base, path) is None:
                raise AmendError(f"There is no clause {label_of(op['key'])} in the text.")
            if any(path[: len(d)] == d for d in deleted):
                raise AmendError(f"{label_of(op['key'])} is already deleted by this amendment.")
            if kind == "replace":
                if path in replaced:
                    raise AmendError(f"{label_of(op['key'])} is changed twice.")
                if not _normal(op.get("text", "")):
                    raise AmendError(f"Write the new text of {label_of(op['key'])} first.")
                replaced.add(path)
            else:
                if any(r[: len(path)] == path for r in replaced):
                    raise AmendError(
                        f"{label_of(op['key'])} is deleted and changed by the same amendment."
                    )
                deleted.add(path)
        elif kind == "add":
            parent = _operative_path(op["parent"]) if op.get("parent") else ()
            if parent and _clause_at(base, parent) is None:
                raise AmendError(f"There is no clause {label_of(op['parent'])} in the text.")
            if op.get("after"):
                after = _operative_path(op["after"])
                if after[:-1] != parent or _clause_at(base, after) is None:
                    raise AmendError(f"There is no clause {label_of(op['after'])} to add after.")
            if parent and any(parent[: len(d)] == d for d in deleted):
                raise AmendError(f"{label_of(op['parent'])} is deleted by this amendment.")
            clause = op.get("clause", {})
            if not _normal(clause.get("text", "")):
                raise AmendError("Write the new clause's text first.")
            if not all(_written(child) for child in clause.get("children", [])):
                raise AmendError("Write the text of every new sub-clause first.")
        else:
            raise AmendError("An amendment adds, deletes or changes operative clauses.")
    # Deletions checked after all: a sub-clause added under a clause deleted later.
    for op in operations:
        if op["op"] == "add" and op.get("parent"):
            parent = _operative_path(op["parent"])
            if any(parent[: len(d)] == d for d in deleted):
                raise AmendError(f"{label_of(op['parent'])} is deleted by this amendment.")


def build(base, operations):
    """The amended text as a tree of nodes (deleted clauses kept and flagged)."""
    validate(base, operations)
    root = _base_nodes(base.operative)
    by_origin = {}

    def index(nodes):
        for node in nodes:
            by_origin[node.origin] = node
            index(node.children)

    index(root)
    for op in operations:
        if op["op"] == "replace":
            node = by_origin[_operative_path(op["key"])]
            node.text, node.changed = _normal(op["text"]), True
        elif op["op"] == "delete":
            by_origin[_operative_path(op["key"])].deleted = True
    for i, op in enumerate(operations):
        if op["op"] != "add":
            continue
        parent = _operative_path(op["parent"]) if op.get("parent") else ()
        siblings = by_origin[parent].children if parent else root
        anchor = (op.get("parent", ""), op.get("after", ""))
        at = 0
        if op.get("after"):
            after = by_origin[_operative_path(op["after"])]
            at = next(n for n, node in enumerate(siblings) if node is after) + 1
        while at < len(siblings) and siblings[at].origin is None and siblings[at].anchor == anchor:
            at += 1
        node = _new_nodes(op["clause"], i)
        node.anchor = anchor
        siblings.insert(at, node)
    return root


def _to_clauses(nodes):
    return [Clause(n.text, _to_clauses(n.children)) for n in nodes if not n.deleted]


def apply(base, operations):
    """The amended Resolution and, for each of its operative keys, where the clause came from:
    ``("base", base_key, changed)`` or ``("new", operation index, path inside the clause)``."""
    root = build(base, operations)
    origins = {}

    def walk(nodes, path):
        n = 0
        for node in nodes:
            if node.deleted:
                continue
            n += 1
            here = (*path, n)
            key = make_key("op", here)
            if node.origin is not None:
                origins[key] = ("base", make_key("op", node.origin), node.changed)
            else:
                origins[key] = ("new", *node.new)
            walk(node.children, here)

    walk(root, ())
    # Everything but the operative part stays as it was (heading, preamble, and what an
    # official copy carries: document, footnotes, sections, annexes).
    amended = copy.deepcopy(base)
    amended.operative = _to_clauses(root)
    return amended, origins


def mapping(base, operations):
    """{base key: amended key} for the base clauses the operations keep."""
    _, origins = apply(base, operations)
    return {origin[1]: key for key, origin in origins.items() if origin[0] == "base"}


# Describing ------------------------------------------------------------------------------------


def _excerpt(text, words=12):
    parts = _normal(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def describe(op):
    """One line a delegate reads: "Delete op 3.b", "Change op 4: …", "Add after op 2: …"."""
    if op["op"] == "replace":
        return f"Change {label_of(op['key'])} to read: “{_excerpt(op['text'])}”"
    if op["op"] == "delete":
        return f"Delete {label_of(op['key'])}"
    text = _excerpt(op["clause"]["text"])
    subs = len(op["clause"].get("children", []))
    more = f" (with {subs} sub-clause{'s' if subs != 1 else ''})" if subs else ""
    if op.get("after"):
        where = f"after {label_of(op['after'])}"
    elif op.get("parent"):
        where = f"as the first sub-clause of {label_of(op['parent'])}"
    else:
        where = "as the first operative clause"
    return f"Add {where}: “{text}”{more}"


# Conflicts and re-basing -----------------------------------------------------------------------


def _footprint(op):
    """What an operation relies on: ("clause", path) a clause's own text or sub-clauses,
    ("tree", path) a clause and everything under it, ("anchor", path) the clause a new one
    follows, ("place", (parent, after)) where a new clause goes."""
    if op["op"] == "replace":
        return [("clause", _operative_path(op["key"]))]
    if op["op"] == "delete":
        return [("tree", _operative_path(op["key"]))]
    marks = [("place", (op.get("parent", ""), op.get("after", "")))]
    if op.get("parent"):
        marks.append(("clause", _operative_path(op["parent"])))
    if op.get("after"):
        marks.append(("anchor", _operative_path(op["after"])))
    return marks


def _touches(a, b):
    (kind_a, pa), (kind_b, pb) = a, b
    if kind_a == "tree" and kind_b != "place":
        return pb[: len(pa)] == pa
    if kind_b == "tree" and kind_a != "place":
        return pa[: len(pb)] == pb
    return kind_a == kind_b and kind_a in ("clause", "place") and pa == pb


def conflicts(ops_a, ops_b):
    """Labels of the clauses both lists of operations (on the same base) touch."""
    found = []
    for a in ops_a:
        for b in ops_b:
            if any(_touches(x, y) for x in _footprint(a) for y in _footprint(b)):
                key = a.get("key") or a.get("parent") or a.get("after") or ""
                label = label_of(key)
                if label not in found:
                    found.append(label)
    return found


def rebase(operations, base, applied):
    """Move ``operations`` (written against ``base``) onto the text that ``applied`` (other
    operations on the same base) produced. Returns (operations kept, problems): an operation
    whose clause was deleted or changed by ``applied`` is dropped, never moved to another
    clause, and each problem says why."""
    moved_to = mapping(base, applied)
    new_base, _ = apply(base, applied)
    kept, problems = [], []
    for op in operations:
        op = copy.deepcopy(op)
        if op["op"] in ("replace", "delete"):
            key = op["key"]
            target = moved_to.get(key)
            if target is None:
                problems.append(f"{label_of(key)} no longer exists: {_what(op)} was dropped")
                continue
            now = _clause_at(new_base, _operative_path(target))
            before = _clause_at(base, _operative_path(key))
            same = (
                now.text == before.text
                if op["op"] == "replace"
                else now.to_dict() == before.to_dict()
            )
            if not same:
                problems.append(
                    f"{label_of(key)} was changed (it is now {label_of(target)}): "
                    f"{_what(op)} was dropped"
                )
                continue
            op["key"] = target
        else:
            for field_name in ("parent", "after"):
                if not op.get(field_name):
                    continue
                target = moved_to.get(op[field_name])
                if target is None:
                    problems.append(
                        f"{label_of(op[field_name])} no longer exists: {_what(op)} was dropped"
                    )
                    break
                op[field_name] = target
            else:
                kept.append(op)
            continue
        kept.append(op)
    return kept, problems


def _what(op):
    if op["op"] == "replace":
        return "the change to it"
    if op["op"] == "delete":
        return "its deletion"
    return f"the new clause “{_excerpt(op['clause']['text'], 6)}”"


# Editing an amendment with the structured editor -----------------------------------------------


def _find_new(operations, index, inner):
    node = operations[index]["clause"]
    for n in inner:
        node = node["children"][n - 1]
    return node


def _last_child_key(base, path):
    clauses = _clause_at(base, path).children if path else base.operative
    return make_key("op", (*path, len(clauses))) if clauses else ""


def edit(base, operations, op, key, text=""):
    """Apply one editor action (the working-paper editor's ``op`` and ``key``, ``key`` naming
    a clause of the *amended* text) to the list of operations. Returns the new list."""
    operations = copy.deepcopy(operations)
    text = _normal(text)
    if op == "append_op":
        operations.append(
            {
                "op": "add",
                "parent": "",
                "after": _last_child_key(base, ()),
                "clause": {"text": text, "children": []},
            }
        )
        return operations
    if op in ("append_pre",) or (key or "").startswith("pre"):
        raise AmendError("Only operative clauses may be amended; the preamble stays as it is.")
    if op in ("up", "down", "indent", "outdent"):
        raise AmendError(
            "An amendment adds, deletes or changes clauses; it does not move them. "
            "Delete the clause and add it where it belongs."
        )
    _, origins = apply(base, operations)
    if key not in origins:
        raise AmendError(f"No clause “{label_of(key) if key.startswith('op.') else key}”.")
    origin = origins[key]
    if origin[0] == "base":
        base_key = origin[1]
        path = _operative_path(base_key)
        if op == "set":
            operations = [
                o for o in operations if not (o["op"] == "replace" and o["key"] == base_key)
            ]
            if text != _clause_at(base, path).text:
                operations.append(
                    {
                        "op": "replace",
                        "key": base_key,
                        "old": _clause_at(base, path).text,
                        "text": text,
                    }
                )
        elif op == "delete":

            def inside(k):
                return bool(k) and _operative_path(k)[: len(path)] == path

            operations = [
                o
                for o in operations
                if not (o["op"] in ("replace", "delete") and inside(o["key"]))
                and not (o["op"] == "add" and inside(o.get("parent", "")))
            ]
            operations.append(
                {"op": "delete", "key": base_key, "old": _clause_at(base, path).to_dict()}
            )
        elif op == "add_after":
            operations.append(
                {
                    "op": "add",
                    "parent": make_key("op", path[:-1]) if len(path) > 1 else "",
                    "after": base_key,
                    "clause": {"text": text, "children": []},
                }
            )
        elif op == "add_child":
            operations.append(
                {
                    "op": "add",
                    "parent": base_key,
                    "after": _last_child_key(base, path),
                    "clause": {"text": text, "children": []},
                }
            )
        else:
            raise AmendError("That change is not understood.")
    else:
        _, index, inner = origin
        if op == "set":
            _find_new(operations, index, inner)["text"] = text
        elif op == "delete":
            if not inner:
                del operations[index]
            else:
                del _find_new(operations, index, inner[:-1])["children"][inner[-1] - 1]
        elif op == "add_after":
            if not inner:
                new = dict(operations[index], clause={"text": text, "children": []})
                operations.insert(index + 1, new)
            else:
                siblings = _find_new(operations, index, inner[:-1])["children"]
                siblings.insert(inner[-1], {"text": text, "children": []})
        elif op == "add_child":
            _find_new(operations, index, inner)["children"].append({"text": text, "children": []})
        else:
            raise AmendError("That change is not understood.")
    validate(base, operations)
    return operations


def undo(operations, index):
    """Drop the index-th operation (0-based)."""
    if not 0 <= index < len(operations):
        raise AmendError("That change is no longer in the amendment.")
    return operations[:index] + operations[index + 1 :]


def add_pasted(base, operations, resolution, *, where, key=""):
    """Operations for a pasted text's operative clauses: ``where`` is "end", "after" (the
    base clause ``key``), "replace" (delete ``key``, add the pasted clauses in its place) or
    "child" (sub-clauses at the end of ``key``). The pasted text has no preamble."""
    if resolution.preamble:
        n = len(resolution.preamble)
        raise AmendError(
            f"Only operative clauses may be amended: the pasted text was read as {n} "
            f"preambular clause{'s' if n != 1 else ''}. Paste operative clauses only, numbered "
            "(“1. Calls upon …”)."
        )
    if not resolution.operative:
        raise AmendError("The pasted text has no operative clause.")
    operations = copy.deepcopy(operations)
    new = [c.to_dict() for c in resolution.operative]
    if where == "end":
        parent, after = "", _last_child_key(base, ())
    else:
        path = _operative_path(key)
        if _clause_at(base, path) is None:
            raise AmendError(f"There is no clause {label_of(key)} in the text.")
        if where == "child":
            parent, after = key, _last_child_key(base, path)
        else:
            parent = make_key("op", path[:-1]) if len(path) > 1 else ""
            after = key
            if where == "replace":
                operations = edit(base, operations, "delete", _amended_key(base, operations, key))
    for clause in new:
        operations.append({"op": "add", "parent": parent, "after": after, "clause": clause})
    validate(base, operations)
    return operations


def _amended_key(base, operations, base_key):
    for key, origin in apply(base, operations)[1].items():
        if origin[0] == "base" and origin[1] == base_key:
            return key
    raise AmendError(f"{label_of(base_key)} is already deleted by this amendment.")


def diff_entries(base, operations):
    """The amendment as a clause-by-clause diff of the operative part, exact (from the
    operations, not guessed by similarity): deleted clauses where they stood, changed ones
    word by word, new ones where they go; labels before → after."""
    from .diff import DiffEntry, word_diff

    root = build(base, operations)
    entries = []

    def walk(nodes, path, removed=False):
        n = 0
        for node in nodes:
            gone = removed or node.deleted
            if not gone:
                n += 1
            here = None if gone else (*path, n)
            new_label = path_label("op", here) if here else None
            old_label = path_label("op", node.origin) if node.origin else None
            depth = len(node.origin or here or ())
            if gone:
                old = _clause_at(base, node.origin).text if node.origin else node.text
                entries.append(DiffEntry("removed", old_label, None, old, None, depth))
            elif node.origin is None:
                entries.append(DiffEntry("added", None, new_label, None, node.text, depth))
            elif node.changed:
                old = _clause_at(base, node.origin).text
                entries.append(
                    DiffEntry(
                        "changed",
                        old_label,
                        new_label,
                        old,
                        node.text,
                        depth,
                        word_diff(old, node.text),
                    )
                )
            else:
                entries.append(DiffEntry("same", old_label, new_label, node.text, node.text, depth))
            walk(node.children, here or (), removed=gone)

    walk(root, ())
    return entries
