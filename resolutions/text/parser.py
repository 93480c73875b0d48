"""The paste-in parser: plain text, as delegates paste it from a word processor or as it
comes out of a PDF, becomes a ``Resolution``.

It never drops a word: every word of the input except labels, bullets and recognized header
lines appears in the output, in order. Whatever it had to guess or repair is reported as a
warning with the line number and a plain message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .official import prepare
from .phrases import OPERATIVE, PREAMBULAR, opening_phrase
from .structure import Clause, Resolution, from_roman, label, path_label

TERMINAL = ",;:."
BULLET_RE = re.compile(
    r"^(?:[-\u2010-\u2015\u2022\u2023\u2043\u2219\u25aa\u25ab\u25cf\u25cb"
    r"\u25e6\u00b7\u27a2\u2794>]+\s*)+"
)
LABEL_RE = re.compile(r"^(\()?([0-9]{1,3}|[A-Za-z]{1,7})([.)])(?=\s|$)\s*")
HEADER_RE = re.compile(
    r"^(code|committee|topic|sponsors?|signator(?:y|ies)|submitted by|subject|"
    r"main submitters?|agenda item|date)\s*:",
    re.IGNORECASE,
)
# A title line: "DR 1/1", "Working paper 1.3", "Draft resolution", "CCPCJ/1/1". The part
# after the word is a code (it has a digit), so "Drawing attention to" is no title.
TITLE_RE = re.compile(
    r"^((draft resolution|working paper|dr|wp|resolution)\b[\s.:]*"
    r"([A-Z]{0,12}[/ .-]?\d[\dA-Z./ -]*)?|[A-Z]{2,12}(/\d+)+)$",
    re.IGNORECASE,
)
HEADING_RE = re.compile(r"^The\s+\S.*,$")


class ParseError(ValueError):
    """The input holds no recognizable resolution."""


@dataclass
class ParseWarning:
    line: int
    message: str

    def to_dict(self):
        return {"line": self.line, "message": self.message}


@dataclass
class ParseResult:
    resolution: Resolution
    warnings: list[ParseWarning] = field(default_factory=list)
    set_aside: list = field(default_factory=list)

    def to_dict(self):
        data = self.resolution.to_dict()
        data["warnings"] = [w.to_dict() for w in self.warnings]
        if self.set_aside:
            data["set_aside"] = [a.to_dict() for a in self.set_aside]
        return data


# Labels ------------------------------------------------------------------------------------

NUM, ALPHA, UALPHA, ROMAN, UROMAN = "num", "alpha", "Alpha", "roman", "Roman"


def _interpretations(token, *, going_on=False):
    """The ways a label token can be read: [(kind, value)]. A letter written n times is a
    letter past z, as the renderer writes them (``structure.to_letters``: "aa." is the 27th,
    "bb." the 28th). One that is also a roman numeral ("ii.", "cc.", "xx.") is the numeral;
    it is a letter as well only ``going_on``: where it may go on with an open lettered list
    ("hh." then "ii."), so a lone "ii." under "a. …:" stays the numeral."""
    if token.isdigit():
        return [(NUM, int(token))]
    if not (token.islower() or token.isupper()):
        return []
    lower = token.lower()
    upper = token.isupper()
    roman = from_roman(lower)
    readings = [] if roman is None else [(UROMAN if upper else ROMAN, roman)]
    if len(set(lower)) == 1:
        value = (ord(lower[0]) - ord("a") + 1) + 26 * (len(lower) - 1)
        letter = (UALPHA if upper else ALPHA, value)
        if len(lower) == 1 or roman is None:
            readings.insert(0, letter)
        elif going_on:
            readings.append(letter)
    return readings


def _match_label(text):
    match = LABEL_RE.match(text)
    if not match:
        return None
    opened, token, closer = match.groups()
    if opened and closer != ")":
        return None
    readings = _interpretations(token)
    if not readings:
        return None
    return token, readings, text[match.end() :]


# Lines into items ------------------------------------------------------------------------


@dataclass
class _Item:
    line: int
    label: str | None
    readings: list
    bullet: bool
    parts: list[str]
    indent: int = 0

    @property
    def raw(self):
        key = (len(self.parts), self.parts[-1] if self.parts else None)
        cached = self.__dict__.get("_raw")
        if cached is not None and cached[0] == key:
            return cached[1]
        value = self._join()
        self.__dict__["_raw"] = (key, value)
        return value

    def _join(self):
        text = ""
        for part in self.parts:
            if not text:
                text = part
            elif text.endswith("-") and part[:1].isalpha() and text[-2:-1].isalpha():
                text += part
            else:
                text += " " + part
        return " ".join(text.split())

    @property
    def going_on(self):
        """The readings of the label where it may go on with an open level: a doubled letter
        that is also a roman numeral ("ii.") is then a letter too (see _interpretations)."""
        return _interpretations(self.label, going_on=True) if self.label else []

    def end(self):
        for part in reversed(self.parts):
            part = part.rstrip()
            if part:
                return part[-1]
        return ""


def _clean(line):
    line = line.replace("\u00a0", " ").replace("\t", " ").replace("\u200b", "")
    line = re.sub(r"\\([^\w\s])", r"\1", line)  # markdown escapes: \$ -> $
    return line.replace("*", "")  # markdown emphasis around opening phrases


def _starts_lower(text):
    return text[:1].islower()


# A paragraph opening with a participle the lists lack: "Sharing deep concern", "Remaining
# seized" (a capitalized -ing word, then a lowercase word), not a name ("Financing for
# Development", "Kunming-Montreal").
PARTICIPLE_RE = re.compile(r"^[A-Z][a-z]{3,}ing [a-z]")
NOT_OPENERS = {
    "Including",
    "During",
    "Nothing",
    "Something",
    "Anything",
    "Everything",
    "Financing",
    "Trafficking",
    "Peacekeeping",
    "Peacebuilding",
    "Training",
    "Housing",
    "Building",
    "Banking",
    "Funding",
    "Planning",
    "Monitoring",
    "Reporting",
    "Programming",
    "Learning",
    "Meeting",
    "Processing",
    "Manufacturing",
    "Mining",
    "Fishing",
    "Shipping",
    "Marketing",
    "Networking",
    "Wellbeing",
    "Spring",
    "Morning",
    "Evening",
}
SPACED_RE = re.compile(r"^[A-Za-z]{1,4}(?: [A-Za-z]{1,4}){1,6}$")
LABEL_ONLY_RE = re.compile(r"^\(?(?:[0-9]{1,3}|[a-z]{1,4})[.)]$")


def _known_phrase_line(text):
    return opening_phrase(text, OPERATIVE) or opening_phrase(text, PREAMBULAR)


def _restore_order(lines):
    """Undo two ways a PDF copy scrambles a numbered paragraph whose number stands alone:
    its first word sent further down, letter-spaced ("45." … "I nv ite s"), or the end of
    its last line sent up under the number ("82." / "ranges;" / "Reiterates that …")."""
    lines = list(lines)
    texts = [t.strip() for _n, t in lines]
    for i, text in enumerate(texts):
        if not LABEL_ONLY_RE.match(text) or i + 1 >= len(lines):
            continue
        j = next((k for k in range(i + 1, len(lines)) if texts[k]), None)
        if j is None or not _starts_lower(texts[j]):
            continue
        # The first word, letter-spaced, further down (before the next numbered line).
        found = False
        for k in range(j + 1, min(len(lines), j + 40)):
            if LABEL_ONLY_RE.match(texts[k]):
                break
            if SPACED_RE.match(texts[k]):
                word = texts[k].replace(" ", "")
                if _known_phrase_line(word) and word[:1].isupper():
                    n, _t = lines[k]
                    del lines[k], texts[k]
                    lines.insert(j, (n, word))
                    texts.insert(j, word)
                    found = True
                    break
        if not found:
            # The paragraph's last words, moved up under the number.
            following = next((k for k in range(j + 1, len(lines)) if texts[k]), None)
            if (
                following is not None
                and text.strip("(.)").isdigit()
                and texts[j][-1:] in TERMINAL
                and len(texts[j].split()) <= 6
                and _known_phrase_line(texts[following])
            ):
                end = following + 1
                while end < len(lines) and not (
                    LABEL_ONLY_RE.match(texts[end]) or _match_label(texts[end])
                ):
                    end += 1
                for kept in (lines, texts):  # in step: later repairs read ``texts``
                    kept.insert(end - 1, kept.pop(j))
    return lines


def _items(lines, warnings, *, official=False):
    items, blank, saw_any = [], True, False
    previous_indent = 0
    for number, raw_line in lines:
        cleaned = _clean(raw_line.replace("\t", "    "))
        line = cleaned.strip()
        indent = len(cleaned) - len(cleaned.lstrip())
        if line:
            line_before, previous_indent = previous_indent, indent
        if not line:
            # In a copy of an official document blank lines are the PDF's, not paragraphs.
            blank = blank or not official
            continue
        if not saw_any and (HEADER_RE.match(line) or TITLE_RE.match(line)):
            continue
        if HEADER_RE.match(line) and not items:
            continue
        bullet_match = BULLET_RE.match(line)
        bullet = (
            bool(bullet_match)
            and bullet_match.end() < len(line)
            or (bool(bullet_match) and bullet_match.end() == len(line))
        )
        rest = line[bullet_match.end() :].strip() if bullet_match else line
        if (
            bullet
            and official
            and line[:1] in "—–"
            and items
            and items[-1].end()
            and items[-1].end() not in TERMINAL
            and rest
        ):
            # A dash that a PDF's line break put first on a line, in mid-sentence.
            bullet, rest = False, line
        if not rest:
            blank = True
            continue
        saw_any = True
        current = items[-1] if items else None
        if current is not None and current.label and not current.parts and not _match_label(rest):
            # A paragraph number alone on its line ("1." then the text on the next line).
            current.parts.append(rest)
            blank = False
            continue
        ends_clause = current is None or current.end() in TERMINAL or not current.end()
        labelled = _match_label(rest)
        if labelled:
            token, readings, after = labelled
            if ends_clause or bullet or blank:
                items.append(
                    _Item(number, token, readings, bullet, [after] if after else [], indent)
                )
                blank = False
                continue
            if not (official and (_starts_lower(after) or not (after or token.isdigit()))):
                warnings.append(
                    ParseWarning(
                        number, f"“{token}” starts a line in the middle of a sentence; kept as text"
                    )
                )
        new_clause = (
            current is None
            or (bullet and not _starts_lower(rest))
            or (blank and ends_clause and not _starts_lower(rest))
            or (
                ends_clause
                and not _starts_lower(rest)
                and (opening_phrase(rest, PREAMBULAR) or opening_phrase(rest, OPERATIVE))
            )
        )
        participle = (
            not new_clause
            and current.end() in ",;"
            and PARTICIPLE_RE.match(rest)
            and rest.split()[0] not in NOT_OPENERS
        )
        indented = (
            official
            and not new_clause
            and current.end() in ",;"
            and rest[:1].isupper()
            and indent - line_before >= 4
        )
        if (participle or indented) and official:
            # An official paragraph opening with a phrase the lists lack ("Sharing …"), or
            # (a -layout copy) a line indented as the first line of a paragraph.
            new_clause = True  # and reported: it opens with no known phrase
        elif participle:
            warnings.append(
                ParseWarning(
                    number,
                    f"“{rest.split()[0]}” may open a new paragraph, merged here into the one "
                    "above; start it on a new line after a blank line if it is one",
                )
            )
        if new_clause:
            items.append(_Item(number, None, [], bullet, [rest], indent))
        else:
            current.parts.append(rest)
        blank = False
    return items


# Items into a structure ------------------------------------------------------------------


def _split_end(raw):
    raw = raw.rstrip()
    if raw and raw[-1] in TERMINAL:
        return raw[:-1].rstrip(), raw[-1]
    return raw, ""


@dataclass
class _Node:
    clause: Clause
    item: _Item
    end: str
    path: tuple = ()


def _path_text(path):
    return ".".join(label(depth, i).rstrip(".") for depth, i in enumerate(path, start=1))


class _Operative:
    """Places operative items at their level, repairing labels where it must."""

    def __init__(self, warnings):
        self.warnings = warnings
        self.top: list[Clause] = []
        # One entry per open level: [kind, last written value, clauses at that level, indent]
        self.levels: list[list] = []
        self.path: list[int] = []
        self.nodes: list[_Node] = []
        self.indent = 0

    def _siblings(self, depth):
        return self.top if depth == 1 else self.levels[depth - 2][2][-1].children

    def _place(self, depth, clause, kind, written):
        del self.levels[depth:]
        del self.path[depth:]
        siblings = self._siblings(depth)
        siblings.append(clause)
        if len(self.levels) < depth:
            self.levels.append([kind, written, siblings, self.indent])
            self.path.append(len(siblings))
        else:
            self.levels[depth - 1] = [kind, written, siblings, self.indent]
            self.path[depth - 1] = len(siblings)
        return tuple(self.path)

    def add(self, item, text, end, following=None):
        self.indent = item.indent
        clause = Clause(text=text)
        depth_now = len(self.levels)
        current_end = self.nodes[-1].end if self.nodes else ""
        if item.label is None:
            path = self._fill_gap(item, clause, depth_now, current_end, following)
            if path is None:
                path = self._place_unlabelled(item, clause, depth_now, current_end)
        else:
            path = self._place_labelled(item, clause, depth_now, current_end)
        self.nodes.append(_Node(clause, item, end, path))
        return path

    def _choose(self, matches, item, clause):
        """Several open levels expect this label ("2." after "1.a.i.1."): the one written at
        the same indentation wins, then the top level for a clause opening with an operative
        phrase, then the deepest."""
        if len(matches) == 1:
            return matches[0]
        same_indent = [m for m in matches if self.levels[m[0] - 1][3] == item.indent]
        if len(same_indent) == 1:
            return same_indent[0]
        top = [m for m in matches if m[0] == 1]
        if top and opening_phrase(clause.text, OPERATIVE):
            return top[0]
        return matches[0]

    def _fill_gap(self, item, clause, depth, current_end, following):
        """An unlabeled clause followed by a label one step ahead fills that gap
        ("b." / no label / "d." makes the unlabeled clause "c.")."""
        if depth == 0 or following is None or following.label is None:
            return None
        current_kind = self.levels[depth - 1][0]
        options = []
        child = next((r for r in following.readings if r[1] == 2 and r[0] != current_kind), None)
        # Not a deeper level's first item when the label goes on with an open level ("2."
        # after "1." / "a. …;" / no label): the unlabeled clause is then that level's next.
        goes_on = any(
            (kind, written + 1) in following.readings for kind, written, *_ in self.levels
        )
        if child and (current_end == ":" or not goes_on):
            options.append((depth + 1, child[0], 1))
        for level in range(depth, 0, -1):
            kind, written = self.levels[level - 1][:2]
            if (kind, written + 2) in following.readings:
                options.append((level, kind, written + 1))
        if not options:
            return None
        if current_end != ":" and len(options) > 1 and options[0][0] == depth + 1:
            options.pop(0)
        level, kind, written = options[0]
        path = self._place(level, clause, kind, written)
        if level == 1:
            message = f"operative clause without a number after {written - 1}; numbered {path[0]}"
        else:
            message = f"sub-clause without a label; taken as {_path_text(path)}"
        self.warnings.append(ParseWarning(item.line, message))
        return path

    def _place_unlabelled(self, item, clause, depth, current_end):
        if depth == 0:
            path = self._place(1, clause, NUM, 1)
            self.warnings.append(
                ParseWarning(item.line, "first operative clause has no number; numbered 1")
            )
            return path
        if opening_phrase(clause.text, OPERATIVE) and current_end != ":":
            previous = self.levels[0][1]
            path = self._place(1, clause, self.levels[0][0], previous + 1)
            self.warnings.append(
                ParseWarning(
                    item.line,
                    f"operative clause without a number after {previous}; numbered {path[0]}",
                )
            )
            return path
        if current_end == ":":
            new_depth = depth + 1
            kind = (NUM, ALPHA, ROMAN)[(new_depth - 1) % 3]
            path = self._place(new_depth, clause, kind, 1)
        else:
            kind, written = self.levels[depth - 1][:2]
            path = self._place(depth, clause, kind, written + 1)
        if len(path) == 1:
            message = f"operative clause without a number after {path[0] - 1}; numbered {path[0]}"
        else:
            message = f"sub-clause without a label; taken as {_path_text(path)}"
        self.warnings.append(ParseWarning(item.line, message))
        return path

    def _place_labelled(self, item, clause, depth, current_end):
        readings = item.readings
        if depth == 0:
            kind, value = next((r for r in readings if r[1] == 1), readings[0])
            path = self._place(1, clause, kind, value)
            if value != 1:
                self.warnings.append(
                    ParseWarning(
                        item.line,
                        f"first operative clause was numbered {item.label}; renumbered as 1",
                    )
                )
            return path
        current_kind = self.levels[depth - 1][0]
        child = next((r for r in readings if r[1] == 1 and r[0] != current_kind), None)
        if current_end == ":":
            # A list after a colon, even numbered like its parent ("… agenda:" then 1.–7.).
            first = child or next((r for r in readings if r[1] == 1), None)
            if first:
                return self._place(depth + 1, clause, *first)
        matches = [
            (level, reading)
            for level in range(depth, 0, -1)
            for reading in item.going_on
            if reading == (self.levels[level - 1][0], self.levels[level - 1][1] + 1)
        ]
        if matches:
            level, reading = self._choose(matches, item, clause)
            return self._place(level, clause, *reading)
        if child:
            return self._place(depth + 1, clause, *child)
        # Out of sequence: the deepest open level using this kind of label takes it.
        for level in range(depth, 0, -1):
            kind, written = self.levels[level - 1][:2]
            reading = next((r for r in readings if r[0] == kind), None)
            if reading is None:
                continue
            before = _path_text(tuple(self.path[:level]))
            path = self._place(level, clause, kind, reading[1])
            if path[-1] == reading[1]:
                # Out of the author's sequence, yet in its place ("2." after a "0." read as 1).
                return path
            if level == 1:
                message = (
                    f"operative clause after {before} was numbered {item.label}; "
                    f"renumbered as {path[0]}"
                )
            else:
                message = (
                    f"sub-clause after {before} was labeled {item.label}; "
                    f"relabeled {_path_text(path)}"
                )
            self.warnings.append(ParseWarning(item.line, message))
            return path
        kind, value = readings[0]
        path = self._place(depth + 1, clause, kind, value)
        self.warnings.append(
            ParseWarning(item.line, f"unexpected label {item.label}; taken as {_path_text(path)}")
        )
        return path


def _operative_start(items):
    """The first labeled clause not part of a list a preambular clause opens with a colon
    ("… was developed:" then "(a) …," "(b) …,") opens the operative part;
    without labels, the first clause opening with an operative phrase after which no
    clause opens with a preambular one."""
    in_list = None  # (kind, last value) of a lettered list a preambular clause opened
    for i, item in enumerate(items):
        if not item.label:
            in_list = None
            continue
        if in_list and (in_list[0], in_list[1] + 1) in item.going_on:
            in_list = (in_list[0], in_list[1] + 1)
            continue
        opener = items[i - 1] if i else None
        if opener is not None and opener.label is None and opener.end() == ":":
            first = next((r for r in item.readings if r[1] == 1), None)
            if first is not None:
                in_list = first
                continue
        return i
    for i, item in enumerate(items):
        if (
            item.label is None
            and opening_phrase(item.raw, OPERATIVE)
            and not any(
                later.label is None
                and opening_phrase(later.raw, PREAMBULAR)
                and not opening_phrase(later.raw, OPERATIVE)
                for later in items[i + 1 :]
            )
        ):
            return i
    return len(items)


def parse(text):
    """Parse ``text``; return a ParseResult or raise ParseError with a clear message."""
    if not isinstance(text, str):
        raise ParseError("The input is not text.")
    warnings: list[ParseWarning] = []
    prepared = prepare(text)
    lines = _restore_order(prepared.lines) if prepared.official else prepared.lines
    items = _items(lines, warnings, official=prepared.official)

    heading = None
    if items and items[0].label is None:
        first = items[0].raw
        if (
            HEADING_RE.match(first)
            and len(first.split()) <= 20
            and not opening_phrase(first, PREAMBULAR)
        ):
            heading = first[:-1].rstrip()
            items = items[1:]

    start = _operative_start(items)
    resolution = Resolution(heading=heading)
    official = prepared.official and not prepared.amendment
    placed = []  # (line, (kind, path)) of every clause, for the section headings
    endings = []  # preambular clauses that do not end with a comma
    for item in items[:start]:
        body, end = _split_end(item.raw)
        if item.label:
            parent = resolution.preamble[-1]
            parent.children.append(Clause(text=body))
            placed.append((item.line, ("pre", (len(resolution.preamble), len(parent.children)))))
            continue
        resolution.preamble.append(Clause(text=body))
        placed.append((item.line, ("pre", (len(resolution.preamble),))))
        _check_phrase(item, body, PREAMBULAR, official, warnings)
        if end and end != ",":
            endings.append((item, end, resolution.preamble[-1]))

    for item, end, clause in endings:
        if end == ":" and clause.children:
            continue  # it introduces its lettered list
        name = {".": "a period", ";": "a semicolon", ":": "a colon"}[end]
        warnings.append(
            ParseWarning(item.line, f"preambular clause ends with {name} instead of a comma")
        )

    builder = _Operative(warnings)
    operative_items = items[start:]
    for i, item in enumerate(operative_items):
        body, end = _split_end(item.raw)
        following = operative_items[i + 1] if i + 1 < len(operative_items) else None
        path = builder.add(item, body, end, following)
        placed.append((item.line, ("op", path)))
        if len(path) == 1:
            _check_phrase(item, body, OPERATIVE, official, warnings)
    resolution.operative = builder.top
    if (
        len(resolution.operative) == 1
        and not resolution.operative[0].children
        and operative_items
        and operative_items[0].label is None
    ):
        # A resolution with a single operative paragraph leaves it unnumbered.
        warnings[:] = [w for w in warnings if "operative clause has no number" not in w.message]

    last = resolution.last_clause()
    for node in builder.nodes if not prepared.amendment else ():
        if not node.clause.text:
            warnings.append(
                ParseWarning(
                    node.item.line,
                    f"operative clause {_path_text(node.path)} has no text; write it or delete "
                    "the line",
                )
            )
        elif node.end == ":" and not node.clause.children:
            warnings.append(
                ParseWarning(
                    node.item.line, "clause ends with a colon but introduces no sub-clauses"
                )
            )
        elif node.end == "." and node.clause is not last and not _period_list(node, builder):
            warnings.append(
                ParseWarning(node.item.line, "clause ends with a period but is not the last clause")
            )
        elif node.end == ",":
            warnings.append(
                ParseWarning(
                    node.item.line, "operative clause ends with a comma instead of a semicolon"
                )
            )

    if not resolution.operative and not any(
        opening_phrase(c.text, PREAMBULAR) for c in resolution.preamble
    ):
        raise ParseError(
            "No resolution found: expected preambular clauses (“Recalling …,”) and numbered "
            "operative clauses (“1. Encourages …;”)."
        )
    if prepared.official:
        _furniture_in_clauses(items, warnings)
    _set_aside(prepared, resolution, placed, warnings)
    warnings.sort(key=lambda w: w.line)
    return ParseResult(resolution=resolution, warnings=warnings, set_aside=prepared.set_aside)


def _period_list(node, builder):
    """Items of a list that all end with a period (an agenda: "Opening of the session.")."""
    if len(node.path) < 2:
        return False
    siblings = [n for n in builder.nodes if n.path[:-1] == node.path[:-1] and len(n.path) > 1]
    return len(siblings) > 1 and all(n.end == "." for n in siblings)


def _check_phrase(item, body, kind, official, warnings):
    """A paragraph that opens with no known phrase of its kind is reported."""
    if not official or opening_phrase(body, kind):
        return
    other = opening_phrase(body, OPERATIVE if kind == PREAMBULAR else PREAMBULAR)
    words = " ".join(body.split()[:3])
    name = "preambular" if kind == PREAMBULAR else "operative"
    if other:
        message = f"{name} paragraph opens with “{other}”, a phrase of the other part"
    else:
        message = f"{name} paragraph opens with no known phrase (“{words}…”)"
    warnings.append(ParseWarning(item.line, message))


FURNITURE_IN_TEXT_RE = re.compile(r"(?:^|\s)(\d{2}-\d{5}\s*\(E\)|\*\d{7}\*)(?:\s|$)")


def _furniture_in_clauses(items, warnings):
    """Page furniture the parser could not set aside is at least reported."""
    for item in items:
        match = FURNITURE_IN_TEXT_RE.search(item.raw)
        if match:
            warnings.append(
                ParseWarning(
                    item.line,
                    f"“{match.group(1).strip()}” inside a clause looks like page furniture "
                    "(a job number or barcode); check the clause",
                )
            )


def _before(line, placed):
    for clause_line, (kind, path) in placed:
        if clause_line > line:
            return path_label(kind, path)
    return None


def _set_aside(prepared, resolution, placed, warnings):
    """Keep what the copy of an official document carried besides the clauses, and say so
    in a few lines: one for header, furniture and footnotes, one for section headings, one
    for annexes."""
    if not prepared.official:
        return
    aside = prepared.set_aside
    resolution.document = {"symbol": prepared.symbol, "title": prepared.title}
    resolution.footnotes = [a.text for a in aside if a.kind == "footnote"]
    resolution.sections = [
        {"text": a.text, "before": _before(a.line, placed)} for a in aside if a.kind == "section"
    ]
    resolution.annexes = [a.text for a in aside if a.kind in ("annex", "part")]
    counts = {}
    for a in aside:
        counts[a.kind] = counts.get(a.kind, 0) + 1
    parts = []
    if counts.get("header"):
        parts.append(f"the document header ({prepared.symbol or 'no symbol'})")
    if counts.get("furniture"):
        parts.append(
            f"{counts['furniture']} line{'s' if counts['furniture'] != 1 else ''} of page "
            "furniture (running headers, page numbers, job numbers, barcodes)"
        )
    if counts.get("footnote"):
        marks = counts.get("mark", 0)
        notes = f"{counts['footnote']}"
        if marks:
            notes += f", their {marks} mark{'s' if marks != 1 else ''} taken out of the text"
        parts.append(f"the footnotes ({notes})")
    if counts.get("closing"):
        closing = next(a.text for a in aside if a.kind == "closing")
        parts.append(f"the closing lines (“{closing}”)")
    if parts:
        first = min(a.line for a in aside if a.kind not in ("section", "annex"))
        warnings.append(
            ParseWarning(first, "set aside from the official copy, not lost: " + "; ".join(parts))
        )
    if resolution.sections:
        names = ", ".join(f"“{s['text']}”" for s in resolution.sections)
        line = next(a.line for a in aside if a.kind == "section")
        warnings.append(
            ParseWarning(
                line,
                f"section headings kept apart ({names}): a resolution text here has no sections; "
                "the paragraphs keep their order and numbering",
            )
        )
    parts = [a for a in aside if a.kind == "part"]
    if parts:
        warnings.append(
            ParseWarning(
                parts[0].line,
                f"the text is in parts, each with its own preamble; the first part is read, the "
                f"part from line {parts[0].line} (“{parts[0].text.split(chr(10))[0]}”) is kept "
                "apart: a resolution text here has one preamble and one operative part",
            )
        )
    if any(a.kind == "annex" for a in aside):
        line = next(a.line for a in aside if a.kind == "annex")
        warnings.append(
            ParseWarning(
                line,
                "the annex is kept apart, not merged into the last clause: a resolution text "
                "here holds no annex",
            )
        )
