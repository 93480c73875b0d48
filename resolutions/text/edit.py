"""Structured editing: operations on a Resolution addressed by clause keys.

A key names a clause by its place: ``pre.2`` is the second preambular clause, ``op.3.2.1``
is operative clause 3, sub-clause b, sub-sub-clause i. Every operation returns a new
Resolution and leaves the old one alone; a move that makes no sense raises EditError.
"""

import copy
import re

from .structure import Clause, Resolution

# The marks a clause closes with: derived when rendering, so never stored.
CLOSING_MARKS = ",;:."
_TRAILING_MARKS = re.compile(r"[\s,;:.]+$")


class EditError(ValueError):
    pass


def clean_text(text):
    """A clause's text as stored: one space between words and no closing punctuation, which
    the renderer adds. A delegate who types the natural ending ("including:") gets it once."""
    return _TRAILING_MARKS.sub("", " ".join(text.split()))


def _clause_text(text):
    cleaned = clean_text(text)
    if not cleaned:
        raise EditError("Write the clause's text first.")
    return cleaned


def parse_key(key):
    try:
        kind, *numbers = key.split(".")
        path = [int(n) for n in numbers]
    except (AttributeError, ValueError):
        raise EditError(f"No clause “{key}”.") from None
    if kind not in ("pre", "op") or not path or min(path) < 1 or (kind == "pre" and len(path) > 2):
        raise EditError(f"No clause “{key}”.")
    return kind, path


def make_key(kind, path):
    return ".".join([kind, *(str(n) for n in path)])


def _siblings(resolution, kind, path):
    """The list holding the clause at ``path`` and its index in it."""
    clauses = resolution.preamble if kind == "pre" else resolution.operative
    for n in path[:-1]:
        if n > len(clauses):
            raise EditError(f"No clause “{make_key(kind, path)}”.")
        clauses = clauses[n - 1].children
    index = path[-1] - 1
    if index >= len(clauses):
        raise EditError(f"No clause “{make_key(kind, path)}”.")
    return clauses, index


def clause_at(resolution, key):
    siblings, index = _siblings(resolution, *parse_key(key))
    return siblings[index]


def _copy(resolution):
    return copy.deepcopy(resolution)


def set_text(resolution, key, text):
    new = _copy(resolution)
    siblings, index = _siblings(new, *parse_key(key))
    siblings[index].text = _clause_text(text)
    return new


def add_after(resolution, key, text):
    """A new clause right after ``key``, at the same level."""
    new = _copy(resolution)
    kind, path = parse_key(key)
    siblings, index = _siblings(new, kind, path)
    siblings.insert(index + 1, Clause(_clause_text(text)))
    return new, make_key(kind, [*path[:-1], index + 2])


def append(resolution, kind, text):
    new = _copy(resolution)
    clauses = new.preamble if kind == "pre" else new.operative
    clauses.append(Clause(_clause_text(text)))
    return new, make_key(kind, [len(clauses)])


def add_child(resolution, key, text):
    new = _copy(resolution)
    kind, path = parse_key(key)
    if kind == "pre":
        raise EditError("Preambular clauses have no sub-clauses.")
    siblings, index = _siblings(new, kind, path)
    siblings[index].children.append(Clause(_clause_text(text)))
    return new, make_key(kind, [*path, len(siblings[index].children)])


def delete(resolution, key):
    new = _copy(resolution)
    siblings, index = _siblings(new, *parse_key(key))
    del siblings[index]
    return new


def move(resolution, key, offset):
    new = _copy(resolution)
    kind, path = parse_key(key)
    siblings, index = _siblings(new, kind, path)
    target = index + offset
    if not 0 <= target < len(siblings):
        raise EditError("The clause cannot move further that way.")
    siblings[index], siblings[target] = siblings[target], siblings[index]
    return new, make_key(kind, [*path[:-1], target + 1])


def indent(resolution, key):
    """Make the clause the last sub-clause of the clause before it."""
    new = _copy(resolution)
    kind, path = parse_key(key)
    if kind == "pre":
        raise EditError("Preambular clauses have no sub-clauses.")
    siblings, index = _siblings(new, kind, path)
    if index == 0:
        raise EditError("The first clause at its level has no clause above it to go under.")
    clause = siblings.pop(index)
    siblings[index - 1].children.append(clause)
    return new, make_key(kind, [*path[:-1], index, len(siblings[index - 1].children)])


def outdent(resolution, key):
    """Move a sub-clause up one level, right after its parent."""
    new = _copy(resolution)
    kind, path = parse_key(key)
    if len(path) < 2:
        raise EditError("An operative clause is already at the top level.")
    siblings, index = _siblings(new, kind, path)
    clause = siblings.pop(index)
    parents, parent_index = _siblings(new, kind, path[:-1])
    parents.insert(parent_index + 1, clause)
    return new, make_key(kind, [*path[:-2], parent_index + 2])


def empty():
    return Resolution()


_NEEDS_TEXT = {"set", "add_after", "append_pre", "append_op", "add_child"}


def apply(resolution, op, key, text=""):
    """Apply one editor operation; returns (new resolution, key of the clause to focus or
    None). The resolution given is not changed."""
    if op in _NEEDS_TEXT and not text:
        raise EditError("Write the clause's text first.")
    if op == "set":
        return set_text(resolution, key, text), key
    if op == "add_after":
        return add_after(resolution, key, text)
    if op == "append_pre":
        return append(resolution, "pre", text)
    if op == "append_op":
        return append(resolution, "op", text)
    if op == "add_child":
        return add_child(resolution, key, text)
    if op == "delete":
        return delete(resolution, key), None
    if op in {"up", "down"}:
        return move(resolution, key, -1 if op == "up" else 1)
    if op == "indent":
        return indent(resolution, key)
    if op == "outdent":
        return outdent(resolution, key)
    raise EditError(f"Unknown change {op!r}.")
