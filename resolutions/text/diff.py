"""Clause-by-clause comparison of two versions of a text.

Each clause of either version ends up in one entry: ``same``, ``added``, ``removed``,
``changed`` (with word-level changes) or ``moved`` (same text, another place).
"""

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from html import escape

from .structure import path_label

SIMILAR = 0.5


@dataclass
class DiffEntry:
    op: str
    old_path: str | None = None
    new_path: str | None = None
    old_text: str | None = None
    new_text: str | None = None
    depth: int = 1
    words: list = field(default_factory=list)  # [(tag, text)]: equal, insert, delete

    def to_dict(self):
        return {
            k: getattr(self, k)
            for k in ("op", "old_path", "new_path", "old_text", "new_text", "depth", "words")
        }


@dataclass
class _Flat:
    path: str
    text: str
    depth: int

    @property
    def key(self):
        return " ".join(self.text.split()).casefold()

    @property
    def words(self):
        return self.key.split()


def _flatten(resolution):
    flat = []
    if resolution.heading:
        flat.append(_Flat("heading", resolution.heading, 1))
    for kind, path, clause in resolution.clauses():
        flat.append(_Flat(path_label(kind, path), clause.text, len(path)))
    return flat


# How far ahead among the removed clauses a changed clause is looked for. Keeps the
# comparison linear in the number of clauses: a clause that travelled further is found by
# the move detection (same text) or shown as removed here and added there.
LOOKAHEAD = 12


def _similar(old_words, new_words, threshold):
    """The similarity of two clauses' words, or 0 when it cannot reach ``threshold``."""
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()


def word_diff(old, new):
    a, b = old.split(), new.split()
    # The words both ends share are set aside first: in a clause whose wording repeats, the
    # longest match could otherwise pair words far from the change and mark half the clause.
    shorter = min(len(a), len(b))
    head = 0
    while head < shorter and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < shorter - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    out = [("equal", " ".join(a[:head]))] if head else []
    matcher = SequenceMatcher(None, middle_a, middle_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("equal", " ".join(middle_a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            out.append(("delete", " ".join(middle_a[i1:i2])))
        if tag in ("insert", "replace"):
            out.append(("insert", " ".join(middle_b[j1:j2])))
    if tail:
        out.append(("equal", " ".join(a[len(a) - tail :])))
    return out


def diff(old, new):
    """Compare two Resolutions; return a list of DiffEntry in the new text's reading order."""
    a, b = _flatten(old), _flatten(new)
    entries, removed, added = [], [], []
    matcher = SequenceMatcher(None, [x.key for x in a], [y.key for y in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for x, y in zip(a[i1:i2], b[j1:j2], strict=True):
                entries.append(DiffEntry("same", x.path, y.path, x.text, y.text, y.depth))
            continue
        olds, news = list(a[i1:i2]), list(b[j1:j2])
        old_words = [x.words for x in olds]
        start = 0
        for y in news:
            new_words = y.words
            best, best_ratio = None, SIMILAR
            for index in range(start, min(len(olds), start + LOOKAHEAD)):
                ratio = _similar(old_words[index], new_words, best_ratio)
                if ratio >= best_ratio:
                    best, best_ratio = index, ratio
            if best is None:
                entry = DiffEntry("added", None, y.path, None, y.text, y.depth)
                added.append(entry)
                entries.append(entry)
                continue
            for skipped in olds[start:best]:
                entry = DiffEntry("removed", skipped.path, None, skipped.text, None, skipped.depth)
                removed.append(entry)
                entries.append(entry)
            x = olds[best]
            entries.append(
                DiffEntry(
                    "changed", x.path, y.path, x.text, y.text, y.depth, word_diff(x.text, y.text)
                )
            )
            start = best + 1
        for x in olds[start:]:
            entry = DiffEntry("removed", x.path, None, x.text, None, x.depth)
            removed.append(entry)
            entries.append(entry)

    # A clause removed in one place and added in another is a move (in one pass: the added
    # clauses are looked up by their text).
    waiting = {}
    for entry in added:
        waiting.setdefault(" ".join(entry.new_text.split()).casefold(), []).append(entry)
    dropped = set()
    for gone in removed:
        candidates = waiting.get(" ".join(gone.old_text.split()).casefold())
        if not candidates:
            continue
        match = candidates.pop(0)
        dropped.add(id(gone))
        match.op, match.old_path, match.old_text = "moved", gone.old_path, gone.old_text
    if dropped:
        entries = [e for e in entries if id(e) not in dropped]
    return entries


def render_diff_html(entries):
    """HTML with insertions in <ins> and deletions in <del>, one block per clause."""
    parts = ['<div class="text-diff">']
    for e in entries:
        if e.op == "removed":
            where = f"{e.old_path} (removed)"
        elif e.old_path and e.new_path and e.old_path != e.new_path:
            where = f"{e.old_path} → {e.new_path}"
        else:
            where = e.new_path or e.old_path
        if e.op == "changed":
            body = " ".join(
                f"<del>{escape(t)}</del>"
                if tag == "delete"
                else f"<ins>{escape(t)}</ins>"
                if tag == "insert"
                else escape(t)
                for tag, t in e.words
            )
        elif e.op == "added":
            body = f"<ins>{escape(e.new_text)}</ins>"
        elif e.op == "removed":
            body = f"<del>{escape(e.old_text)}</del>"
        else:
            body = escape(e.new_text)
        parts.append(
            f'<div class="diff-clause diff-{e.op} depth-{e.depth}" data-op="{e.op}">'
            f'<span class="diff-path">{escape(where)}</span> '
            f'<span class="diff-text">{body}</span></div>'
        )
    parts.append("</div>")
    return "".join(parts)
