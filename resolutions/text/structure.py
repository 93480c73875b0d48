"""The structure of a resolution text.

Labels (1., a., i., 1.) and closing punctuation (",", ";", ":", ".") are derived when
rendering, never stored. The JSON form is documented in docs/resolution-json.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .phrases import OPERATIVE, PREAMBULAR, opening_phrase

MAX_DEPTH = 4
ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def to_roman(n):
    out = []
    for value, letters in ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(text):
    text = text.lower()
    total, i = 0, 0
    for value, letters in ROMAN:
        while text.startswith(letters, i):
            total += value
            i += len(letters)
    return total if i == len(text) and total and to_roman(total) == text else None


def to_letters(n):
    """1 → a, 26 → z, 27 → aa, 28 → bb (the UN's way past z)."""
    letter = chr(ord("a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def label(depth, index):
    """The label of the index-th (1-based) clause at depth 1..n: 1. → a. → i. → 1. → a. …"""
    kind = (depth - 1) % 3
    if kind == 0:
        return f"{index}."
    if kind == 1:
        return f"{to_letters(index)}."
    return f"{to_roman(index)}."


@dataclass
class Clause:
    text: str
    children: list[Clause] = field(default_factory=list)

    def to_dict(self, kind=None):
        data = {}
        if kind is not None:
            data["phrase"] = opening_phrase(self.text, kind)
        data["text"] = self.text
        if kind is None or self.children or kind == OPERATIVE:
            data["children"] = [child.to_dict() for child in self.children]
        return data

    @classmethod
    def from_dict(cls, data):
        return cls(
            text=str(data.get("text", "")),
            children=[cls.from_dict(child) for child in data.get("children", [])],
        )

    def depth(self):
        return 1 + max((child.depth() for child in self.children), default=0)

    def walk(self, path=()):
        """Yield (path, clause) for this clause and every sub-clause, depth first."""
        yield path, self
        for i, child in enumerate(self.children, start=1):
            yield from child.walk(path + (i,))


@dataclass
class Resolution:
    heading: str | None = None
    preamble: list[Clause] = field(default_factory=list)
    operative: list[Clause] = field(default_factory=list)
    # What a copy of an official document carries besides its clauses (kept, not rendered):
    # {"symbol", "title"}, footnote texts, section headings {"text", "before"}, annex texts.
    document: dict | None = None
    footnotes: list[str] = field(default_factory=list)
    sections: list[dict] = field(default_factory=list)
    annexes: list[str] = field(default_factory=list)

    def to_dict(self):
        data = {
            "heading": self.heading,
            "preamble": [c.to_dict(PREAMBULAR) for c in self.preamble],
            "operative": [c.to_dict(OPERATIVE) for c in self.operative],
        }
        for key in ("document", "footnotes", "sections", "annexes"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        return data

    @classmethod
    def from_dict(cls, data):
        return cls(
            heading=data.get("heading"),
            preamble=[Clause.from_dict(c) for c in data.get("preamble", [])],
            operative=[Clause.from_dict(c) for c in data.get("operative", [])],
            document=data.get("document") or None,
            footnotes=list(data.get("footnotes") or []),
            sections=list(data.get("sections") or []),
            annexes=list(data.get("annexes") or []),
        )

    def clauses(self):
        """Yield (kind, path, clause) for every clause: ("pre", (3,), c), ("op", (2, 1), c)."""
        for i, clause in enumerate(self.preamble, start=1):
            for path, c in clause.walk((i,)):
                yield "pre", path, c
        for i, clause in enumerate(self.operative, start=1):
            for path, c in clause.walk((i,)):
                yield "op", path, c

    def last_clause(self):
        """The clause that ends the whole text (and so ends with a period)."""
        if not self.operative:
            return None
        clause = self.operative[-1]
        while clause.children:
            clause = clause.children[-1]
        return clause


def path_label(kind, path):
    """("op", (3, 2, 2)) → "op 3.b.ii"; ("pre", (4,)) → "pre 4"."""
    if kind == "pre":
        head = f"pre {path[0]}"
        rest = [label(depth + 1, i).rstrip(".") for depth, i in enumerate(path[1:], start=1)]
        return ".".join([head, *rest])
    return "op " + ".".join(label(depth, i).rstrip(".") for depth, i in enumerate(path, start=1))
