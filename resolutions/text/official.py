"""Copies of official UN documents: what a PDF-to-text copy adds around the resolution.

A resolution copied out of an official PDF (General Assembly, Security Council, Human Rights
Council, Main Committee drafts) carries more than its clauses: the document header (symbol,
"Distr.: General", session, agenda item, title, "Resolution adopted by …"), page furniture on
every page (running header with the symbol and title, page number "2/13", job number
"23-26026 (E)", barcode "*2326026*", form feeds), footnotes under a rule of underscores, the
footnote marks they leave in the text ("…border, 1"), the closing "50th plenary meeting" lines,
section headings of budget resolutions ("I" / "Calendar of conferences") and annexes.

``prepare(text)`` sets all of that aside and returns the body lines with their line numbers in
the input as pasted, so the parser sees what a delegate would have typed. Nothing is dropped:
every line set aside is kept (``Prepared.set_aside``) and reported by the parser. Text that is
not an official copy passes through untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SYMBOL_RE = re.compile(
    r"^(?:A|S|E|A/HRC|A/C\.\d|E/CN\.\d+|UNEP|TD|ICCD)(?:/[A-Za-z0-9.()\-]+)+(?:\s+\(\d{4}\))?$"
)
SYMBOL_TOKEN_RE = re.compile(r"^(?:A|S|E)(?:/[A-Za-z0-9.\-]+){2,}(?:\s*\(\d{4}\))?$")
SYMBOL_IN_LINE_RE = re.compile(
    r"(?<!\S)((?:A|S|E)/(?:[A-Za-z0-9.\-]+/)+[A-Za-z0-9.\-]+(?: \(\d{4}\))?)(?!\S)"
)
MAYBE_FURNITURE_RE = re.compile(r"[\d*/♲]")
FURNITURE_HINT_RE = re.compile(r"\d/\d|\d{2}-\d{5}|\*\d|\b\d{6}\b")
PAGE_RE = re.compile(r"^\d{1,3}/\d{1,3}$")
JOB_RE = re.compile(r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?$")
DATECODE_RE = re.compile(r"^\d{6}$")
BARCODE_RE = re.compile(r"^\*\d{5,9}\*$")
RULE_RE = re.compile(r"^_{5,}$")
FOOTNOTE_NUMBER_RE = re.compile(r"^(\d{1,3}|\*{1,3})$")
STAR_NOTE_RE = re.compile(r"^\*{1,3}\s+\S")
CLOSING_RE = re.compile(
    r"^\d{1,4}(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?(?:plenary\s+)?meeting$", re.IGNORECASE
)
DATE_RE = re.compile(
    r"^\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{4}$"
)
HEADING_RE = re.compile(
    r"^(?:The\s+[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|of|on|and|for|the))*|"
    r"[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*\s+Council|[A-Z][\w’'\-]*\s+Assembly),$"
)
HEADER_WORDS_RE = re.compile(
    r"^(?:United Nations|General Assembly|Security Council|Economic and Social Council|"
    r"Human Rights Council|Distr\.:.*|Original:.*|.*\bsession$|.*\bsession,.*|Agenda items? .*|"
    r"Item \d+.*|Resolution adopted by .*|Adopted by the .*|Resolution \d+ \(\d{4}\)|"
    r"\[.*\]?|.*\]|\d+/\d+\s*[A-Z]?\.|.*draft resolution.*|.*: amendment.*|"
    r"(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|Plenary)$",
    re.IGNORECASE,
)
FIRST_PAGE_RE = re.compile(  # a first page's own header lines, as the documents write them
    r"^(?:United Nations|Distr\.:.*|Original:.*|Resolution adopted by .*|"
    r"Adopted by the .* at its \d+\w* meeting.*)$"
)
SECTION_RE = re.compile(r"^(?:Section\s+)?(?:[IVXL]{1,6}|[A-H])\.?$")
SECTION_INLINE_RE = re.compile(r"^(?:Section\s+)?([IVXL]{1,6}|[A-H])\.\s+([A-Z][^,;:]*[^,;:.])$")
ANNEX_RE = re.compile(r"^(?:Annex(?:es)?|ANNEX(?:ES)?)(?:\s+[IVXL]{1,5}|\s+\d{1,2})?$")
CELL_SPLIT_RE = re.compile(r"\s{3,}")
MARKER_RE = re.compile(
    r"(?m)^[ \t]*(?:_{5,}[ \t]*$|\d{2}-\d{5}\b|\*\d{5,9}\*|\d{1,3}/\d{1,3}[ \t]*$)"
)


@dataclass
class Aside:
    """One line (or group of lines) set aside: ``kind`` is header, furniture, footnote,
    mark (a footnote mark taken out of a clause), closing, section, annex or part."""

    kind: str
    line: int
    text: str

    def to_dict(self):
        return {"kind": self.kind, "line": self.line, "text": self.text}


@dataclass
class Prepared:
    lines: list[tuple[int, str]]
    official: bool = False
    symbol: str | None = None
    title: str | None = None
    set_aside: list[Aside] = field(default_factory=list)
    amendment: bool = False


def _norm_words(text):
    return re.findall(r"[a-z0-9]+", text.lower().replace("-", ""))


def _split_lines(text):
    """(line number, text, starts a page) for every line; a form feed is no line of its own,
    so line numbers are those an editor shows."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        if "\f" in line:
            pieces = line.split("\f")
            if pieces[0].strip():
                out.append((number, pieces[0], False))
            for piece in pieces[1:]:
                out.append((number, piece, True))
        else:
            out.append((number, line, False))
    return out


def _unflatten(lines):
    """A text flattened to a few very long lines, with double spaces where the line breaks
    were (a copy out of some web pages), gets its line breaks back; each piece keeps the
    number of the line it came from."""
    long = [t for _n, t, _p in lines if len(t) > 400 and t.count("  ") >= 3]
    if not long or len(long) * 4 < len([t for _n, t, _p in lines if t.strip()]):
        return lines
    out = []
    for number, text, page in lines:
        if len(text) > 400 and "  " in text:
            pieces = re.split(r" {2,}", text)
            out.extend((number, piece, page and k == 0) for k, piece in enumerate(pieces))
        else:
            out.append((number, text, page))
    return out


def looks_official(text):
    """Whether the text carries the marks of an official document's copy."""
    head = text[:3000]
    if re.search(
        r"(?m)(?:\bDistr\.:\s*(?:General|Limited|Restricted)|^\s*Resolution adopted by|"
        r"^\s*Adopted by the .* at its \d+\w* meeting)",
        head,
    ):
        return True
    first = [line.strip() for line in head.split("\n") if line.strip()][:6]
    if any(SYMBOL_RE.match(cell) for line in first for cell in CELL_SPLIT_RE.split(line)):
        return True
    markers = MARKER_RE.finditer(text)
    return sum(1 for _marker, _ in zip(markers, range(3), strict=False)) >= 3


class _Doc:
    def __init__(self, lines):
        self.lines = lines
        self.symbol = None
        self.title = None
        self.title_words = ""

    def cells(self, text):
        return [c for c in CELL_SPLIT_RE.split(text.strip()) if c]

    def is_title_part(self, cell):
        if cell.strip()[-1:] in ",;:." and len(cell.split()) < 3:
            return False  # "Peoples;" ends a clause, even if the title ends with that word
        words = " ".join(_norm_words(cell))
        return bool(words) and bool(self.title_words) and f" {words} " in self.title_words

    def furniture_cell(self, cell, *, title_ok):
        cell = cell.strip()
        return bool(
            (self.symbol and cell == self.symbol)
            or SYMBOL_TOKEN_RE.match(cell)
            and self.symbol
            and cell.split()[0] == self.symbol.split()[0]
            or PAGE_RE.match(cell)
            or JOB_RE.match(cell)
            or DATECODE_RE.match(cell)
            or BARCODE_RE.match(cell)
            or cell.lower() in ("please recycle", "please recycle ♲", "♲")
            or (title_ok and self.is_title_part(cell))
        )

    def is_furniture(self, text, *, title_ok=False):
        if not MAYBE_FURNITURE_RE.search(text):
            # No number, symbol or barcode: furniture only as the running title (and the
            # first page's "Please recycle"), cell by cell.
            if not (title_ok or "recycle" in text.lower()):
                return False  # most lines: no need to split them
            cells = self.cells(text)
            return bool(cells) and all(
                c.lower() == "please recycle" or title_ok and self.is_title_part(c) for c in cells
            )
        cells = self.cells(text)
        if all(self.furniture_cell(c, title_ok=title_ok) for c in cells):
            return True
        # A copy that squeezed the columns' spaces: "2/4 25-20352", "Title words A/RES/80/95".
        if not (FURNITURE_HINT_RE.search(text) or self.has_symbol(text)):
            return False
        tokens = text.split()
        rest = [t for t in tokens if not self._furniture_token(t)]
        if len(rest) == len(tokens):
            return False
        return not rest or (title_ok and self.is_title_part(" ".join(rest)))

    def has_symbol(self, text):
        return bool(self.symbol) and (
            self.symbol in self.cells(text) or self.symbol.split()[0] in text.split()
        )

    def _furniture_token(self, token):
        return bool(
            (self.symbol and token == self.symbol.split()[0])
            or PAGE_RE.match(token)
            or re.match(r"^\d{2}-\d{5}$", token)
            or token == "(E)"
            or (self.symbol and self.symbol.endswith(token) and re.match(r"^\(\d{4}\)$", token))
            or DATECODE_RE.match(token)
            or BARCODE_RE.match(token)
        )


def _find_heading(lines, limit=200):
    for i, (_number, text, _page) in enumerate(lines[:limit]):
        stripped = text.strip()
        if HEADING_RE.match(stripped) and len(stripped.split()) <= 12:
            return i
    return None


def _header_end(lines, doc):
    """Index of the first body line: the heading, or without one the first numbered line or
    the first line opening with a known phrase."""
    from .phrases import OPERATIVE, PREAMBULAR, opening_phrase

    i = _find_heading(lines)
    if i is not None:
        return i
    for i, (_number, text, _page) in enumerate(lines[:120]):
        stripped = text.strip()
        if re.match(r"^(?:\d{1,3}\.|\([a-z]\))(?:\s|$)", stripped):
            return i
        if (
            stripped[:1].isupper()
            and not HEADER_WORDS_RE.match(stripped)
            and (opening_phrase(stripped, PREAMBULAR) or opening_phrase(stripped, OPERATIVE))
        ):
            return i
    return 0


def _begins_on_a_later_page(lines, doc):
    """Whether the copy begins after its first page's header (on a later page, or in the
    middle of a page): none of a first page's header lines ("Distr.: General", "United
    Nations", …) among its first eight lines, and a symbol the pages repeat with a title
    (or, a draft's, alone). If so, ``doc`` has them, and whatever the copy begins with that
    is not a running header is text. (A single page cannot tell its running title from the
    words that end the page before's paragraph: it is read as a first page.)"""
    texts = [t.strip() for _n, t, _p in lines if t.strip()][:8]
    if not texts or any(FIRST_PAGE_RE.match(cell) for t in texts for cell in doc.cells(t)):
        return False
    found = _Doc(lines)
    _infer_running_header(lines, found)
    if not found.symbol:
        return False
    if found.title is None and sum(found.symbol in found.cells(t) for _n, t, _p in lines) < 2:
        # Seen once, with no title repeated beside it (a draft's pages repeat only the
        # symbol): one page, which cannot tell a running header from a document header.
        return False
    doc.symbol, doc.title, doc.title_words = found.symbol, found.title, found.title_words
    return True


def _read_header(lines, end, doc, aside):
    """Symbol and title from the document header, which is set aside."""
    texts = [(n, t.strip()) for n, t, _p in lines[:end] if t.strip()]
    for _n, t in texts[:8]:
        for cell in doc.cells(t):
            if SYMBOL_RE.match(cell) and doc.symbol is None:
                doc.symbol = cell
    for _n, t in texts[:8]:
        # Squeezed columns: "United Nations A/RES/80/95".
        found = SYMBOL_IN_LINE_RE.search(t)
        if found and doc.symbol is None:
            doc.symbol = found.group(1)
    # The title: the lines after the last header-like line (the resolution number "80/4.",
    # "[on the report of …]", "… draft resolution") up to the heading.
    title_lines = []
    previous = None
    for _n, t in reversed(texts):
        if previous is not None and title_lines and previous - _n > 1:
            break  # a blank line above the title's block
        previous = _n
        cells = doc.cells(t)
        last = cells[-1] if cells else t
        first = cells[0] if cells else t
        if HEADER_WORDS_RE.match(last) or HEADER_WORDS_RE.match(first) or DATE_RE.match(last):
            if re.match(r"^\d+/\d+\s*[A-Z]?\.$", first) and len(cells) > 1:
                title_lines.append(" ".join(cells[1:]))
            break
        if doc.furniture_cell(last, title_ok=False):
            break
        title_lines.append(" ".join(cells))
    title = " ".join(reversed(title_lines)).strip()
    doc.title = title or None
    doc.title_words = f" {' '.join(_norm_words(title))} " if title else ""
    if texts:
        aside.append(
            Aside("header", texts[0][0], "\n".join(" ".join(doc.cells(t)) for _n, t in texts))
        )


def _infer_running_header(lines, doc):
    """A copy without its first page's header: the symbol and title are the lines the
    running header repeats on every page (a copy that begins on a later page begins with
    that page's running header: it counts as one of the repeats)."""
    texts = [t.strip() for _n, t, _p in lines]
    counts = {}
    for text in texts:
        for cell in doc.cells(text):
            counts[cell] = counts.get(cell, 0) + 1
    page_tops = set()
    for i, (_n, _t, page) in enumerate(lines):
        if page:
            page_tops.update(c for t in texts[i : i + 4] for c in doc.cells(t))
    if doc.symbol is None:
        symbols = [
            c
            for c, k in counts.items()
            if SYMBOL_RE.match(c) and c.count("/") >= 2 and (k >= 2 or c in page_tops)
        ]
        if symbols:
            doc.symbol = max(symbols, key=lambda c: counts[c])
    if doc.title is None and doc.symbol:
        # The title: cells repeated in the text and near the symbol at more than one of the
        # symbol's places (a clause's line repeated near one page's top is no title).
        near, windows = [], []
        for i, text in enumerate(texts):
            if doc.symbol not in doc.cells(text):
                continue
            window = set()
            for other in texts[max(0, i - 4) : i + 5]:
                for cell in doc.cells(other):
                    if (
                        counts.get(cell, 0) >= 2
                        and cell != doc.symbol
                        and (cell[-1:] not in ",;:." or len(cell.split()) >= 3)
                        and not doc.furniture_cell(cell, title_ok=False)
                    ):
                        window.add(cell)
                        if cell not in near:
                            near.append(cell)
            windows.append(window)
        needed = min(2, len(windows))
        near = [c for c in near if sum(c in w for w in windows) >= needed]
        if near:
            doc.title = " ".join(near)
            doc.title_words = f" {' '.join(_norm_words(doc.title))} "


def _pages(lines, doc):
    """Split body lines into pages: at form feeds, or (a copy without them) at each running
    header, with or without the page's feet before it (a line the symbol makes furniture is
    never a clause's)."""
    pages, current = [], []
    has_feeds = any(page for _n, _t, page in lines)
    for entry in lines:
        _n, text, page = entry
        stripped = text.strip()
        if has_feeds:
            if page and current:
                pages.append(current)
                current = []
        elif (
            doc.symbol
            and current
            and doc.has_symbol(stripped)
            and doc.is_furniture(stripped, title_ok=True)
        ):
            # The running header's title lines just before the symbol open the new page.
            moved = []
            while current and (
                not current[-1][1].strip() or doc.is_furniture(current[-1][1], title_ok=True)
            ):
                last = current[-1][1]
                title_line = last.strip() and not doc.is_furniture(last)
                if not (title_line or moved or not last.strip()):
                    break  # the page's own bottom furniture stays with it
                moved.insert(0, current.pop())
            pages.append(current)
            current = moved
        current.append(entry)
    if current:
        pages.append(current)
    return pages


def _strip_page(page, doc, aside, *, first):
    """The page's body lines; its header, bottom furniture and footnotes go aside."""
    body = list(page)
    # Top: running header lines (symbol, title, page number) until the first body line.
    if not first:
        while body and (not body[0][1].strip() or doc.is_furniture(body[0][1], title_ok=True)):
            n, t, _p = body.pop(0)
            if t.strip():
                aside.append(Aside("furniture", n, " ".join(doc.cells(t))))
    # Footnotes: from the rule to the end of the page.
    rule = next((i for i, (_n, t, _p) in enumerate(body) if RULE_RE.match(t.strip())), None)
    if rule is None:
        # A page with notes but no rule: "* Any changes to the list of sponsors …".
        rule = next(
            (
                i
                for i, (_n, t, _p) in enumerate(body)
                if STAR_NOTE_RE.match(t.strip())
                and all(
                    not s.strip() or doc.is_furniture(s) or STAR_NOTE_RE.match(s.strip())
                    for _m, s, _q in body[i + 1 :]
                )
            ),
            None,
        )
    notes = []
    if rule is not None:
        notes, body = body[rule:], body[:rule]
    note_text = []
    for n, t, _p in notes:
        stripped = t.strip()
        if not stripped or RULE_RE.match(stripped):
            continue
        if doc.is_furniture(stripped, title_ok=True):
            aside.append(Aside("furniture", n, " ".join(doc.cells(stripped))))
            continue
        cells = doc.cells(stripped)
        kept = [c for c in cells if not doc.furniture_cell(c, title_ok=False)]
        for c in cells:
            if c not in kept:
                aside.append(Aside("furniture", n, c))
        note_text.append((n, " ".join(kept)))
    # Bottom: page number, job number, barcode after the last body line (not the title: a
    # paragraph may end with the title's words; the running header is at the page's top).
    while body and (not body[-1][1].strip() or doc.is_furniture(body[-1][1])):
        n, t, _p = body.pop()
        if t.strip():
            aside.append(Aside("furniture", n, " ".join(doc.cells(t))))
    # Anywhere on the page: lines that can only be furniture.
    kept = []
    for entry in body:
        n, t, _p = entry
        if t.strip() and doc.is_furniture(t, title_ok=False):
            aside.append(Aside("furniture", n, " ".join(doc.cells(t))))
        else:
            kept.append(entry)
    return kept, note_text


def _footnotes(note_lines, aside, marks):
    """Footnote blocks as the copy gives them: numbers on their own lines, then the texts
    (or number and text on one line). Each block is kept as one entry."""
    if not note_lines:
        return
    numbers, texts = [], []
    for _n, t in note_lines:
        if FOOTNOTE_NUMBER_RE.match(t):
            numbers.append(t)
            continue
        if STAR_NOTE_RE.match(t):
            numbers.append(t.split()[0])  # "* On behalf of …": its mark is the star
        texts.append(t)
    marks.extend(numbers)
    # One entry per footnote when the texts can be told apart (each ends with a period);
    # otherwise the block as one entry, its numbers first.
    entries, current = [], []
    for n, t in note_lines:
        if FOOTNOTE_NUMBER_RE.match(t):
            continue
        current.append((n, t))
        if t.endswith("."):
            entries.append(current)
            current = []
    if current:
        entries.append(current)
    ordered = sorted(numbers, key=lambda m: (m.isdigit(), int(m) if m.isdigit() else len(m)))
    if numbers and len(entries) == len(numbers):
        for number, entry in zip(ordered, entries, strict=True):
            text = " ".join(t for _n, t in entry)
            if not text.startswith(number):
                text = f"{number} {text}"
            aside.append(Aside("footnote", entry[0][0], text))
        return
    label = ", ".join(ordered)
    text = " ".join(texts)
    aside.append(Aside("footnote", note_lines[0][0], f"[{label}] {text}" if label else text))


def _closing(body, aside):
    """The "50th plenary meeting / 19 December 2023" lines that close a resolution."""
    for i, (n, t, _p) in enumerate(body):
        if CLOSING_RE.match(t.strip()):
            j = i + 1
            while j < len(body) and not body[j][1].strip():
                j += 1
            group = [t.strip()]
            drop = {i}
            if j < len(body) and DATE_RE.match(body[j][1].strip()):
                group.append(body[j][1].strip())
                drop.add(j)
                j += 1
            while j < len(body) and not body[j][1].strip():
                j += 1
            if j < len(body) and body[j][1].strip().startswith("["):
                # "[Adopted without a vote.]", or a recorded vote with its lists of States.
                while j < len(body):
                    line = body[j][1].strip()
                    if line:
                        group.append(line)
                    drop.add(j)
                    j += 1
                    if line.endswith("]"):
                        break
            aside.append(Aside("closing", n, " / ".join(group)))
            return [e for k, e in enumerate(body) if k not in drop]
    return body


def _mark_re(number):
    return re.compile(
        r"(?:(?<=[^\W\d_])|(?<=[,;:.”’\")\]])|(?<=\d{4}))(?:\s|(?<!\d\.))"
        + re.escape(number)
        + r"(?=\s|$|[,;:”’\")]|\.(?!\d))"
    )


NUMBER_WORDS = {
    "paragraph",
    "paragraphs",
    "para.",
    "paras.",
    "resolution",
    "resolutions",
    "rule",
    "rules",
    "article",
    "articles",
    "section",
    "sections",
    "annex",
    "no.",
    "nos.",
    "vol.",
    "chap.",
    "goal",
    "goals",
    "target",
    "targets",
    "principle",
    "principles",
    "decision",
    "decisions",
    "chapter",
    "page",
    "pages",
    "item",
    "items",
    "recommendation",
    "recommendations",
    "and",
    "to",
    "of",
    "or",
    "the",
    "from",
    "in",
    "on",
    "at",
    "by",
    "with",
    "than",
    "about",
    "some",
    "over",
    "least",
    "protocol",
    "sdg",
    "step",
    "phase",
    "level",
    "tier",
    "covid",
    "agenda",
    "annexes",
    "appendix",
    "table",
    "figure",
    "box",
    "between",
}


def _find_mark(text, number, offset):
    """The span of footnote mark ``number`` in ``text`` at or after ``offset``, or None."""
    if text.strip() == number and offset == 0:
        return 0, len(text)
    for match in _mark_re(number).finditer(text, offset):
        before = text[: match.start()].split()
        previous = before[-1].lower() if before else ""
        if previous in NUMBER_WORDS:
            continue  # "resolution 12" (with a comma between, "resolution, 1", a mark)
        if AFTER_NUMBER_RE.match(text[match.end() :].lstrip()):
            continue
        if previous[-1:].isalpha() and text[match.end() : match.end() + 1] in tuple(",;:."):
            continue  # "Agenda 21," is a name, not a mark
        return match.start(), match.end()
    return None


AFTER_NUMBER_RE = re.compile(
    r"^(?:per\s?cent|%|years?|months?|days?|hours?|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|[-–]\d)"
)


def _strip_marks(body, numbers, removed):
    """Remove the marks of a page's footnotes from the page's body: each mark is looked for
    after the one before it, then anywhere on the page. A mark the copy put on a line of its
    own is taken first."""
    out = list(body)
    numbers = [m for m in numbers if m.isdigit()]
    floating = {t.strip() for _n, t, _p in out if t.strip() in numbers}
    for j, (n, t, p) in enumerate(out):
        if t.strip() in floating:
            out[j] = (n, "", p)
            removed.append((n, t.strip()))
    k, offset = 0, 0
    for number in numbers:
        if number in floating:
            continue
        for j in [*range(k, len(out)), *range(0, k)]:
            n, t, p = out[j]
            span = _find_mark(t, number, offset if j == k else 0)
            if span:
                out[j] = (n, t[: span[0]] + t[span[1] :], p)
                removed.append((n, number))
                k, offset = j, span[0]
                break
    return [e for e, (_n, t, _p) in zip(out, body, strict=True) if e[1].strip() or not t.strip()]


def _sections_and_annexes(body, aside):
    """Section headings ("I" / "Calendar of conferences and meetings"), annexes, and the
    parts after the first of a resolution in parts ("B" / title / "The General Assembly,"),
    each part with its own preamble."""
    out = []
    i = 0
    while i < len(body):
        n, t, p = body[i]
        stripped = t.strip()
        if ANNEX_RE.match(stripped) and out:
            rest = [e for e in body[i:] if e[1].strip()]
            aside.append(Aside("annex", n, "\n".join(e[1].strip() for e in rest)))
            break
        inline = SECTION_INLINE_RE.match(stripped)
        if inline and out:
            following = next((e[1].strip() for e in body[i + 1 :] if e[1].strip()), "")
            if re.match(r"^\d{1,3}\.(?:\s|$)", following):
                # "II. Utilization of conference-servicing resources" above a numbered paragraph
                aside.append(Aside("section", n, f"{inline.group(1)} {inline.group(2)}"))
                i += 1
                continue
        if SECTION_RE.match(stripped) and i + 1 < len(body):
            j = i + 1
            title = []
            while j < len(body) and len(title) < 3:
                s = body[j][1].strip()
                if not s:
                    j += 1
                    continue
                if s[-1:] in ",;:." or re.match(r"^(?:\d{1,3}\.|\(?[a-z]{1,4}\))(?:\s|$)", s):
                    break
                title.append(s)
                j += 1
            if title:
                # A resolution in parts (A, B, …) repeats its heading after each part's title.
                k = j
                while k < len(body) and not body[k][1].strip():
                    k += 1
                if k < len(body) and HEADING_RE.match(body[k][1].strip()) and out:
                    # Its preamble cannot follow an operative part: the part is kept whole.
                    rest = [e[1].strip() for e in body[i:] if e[1].strip()]
                    aside.append(Aside("part", n, "\n".join(rest)))
                    break
                aside.append(Aside("section", n, f"{stripped} {' '.join(title)}"))
                i = j
                continue
        out.append(body[i])
        i += 1
    return out


def prepare(text):
    """Split ``text`` into body lines (with their line numbers) and what is set aside."""
    lines = _unflatten(_split_lines(text))
    text = "\n".join(t for _n, t, _p in lines)
    if not looks_official(text):
        return Prepared(lines=[(n, t) for n, t, _p in lines])
    aside: list[Aside] = []
    doc = _Doc(lines)
    # A copy that begins on a later page has no document header: its top is that page's
    # running header, and the lines under it may end a paragraph of the page before.
    later = _begins_on_a_later_page(lines, doc)
    end = 0 if later else _header_end(lines, doc)
    if not later:
        _read_header(lines, end, doc, aside)
        if doc.symbol is None or doc.title is None:
            _infer_running_header(lines, doc)
    body_lines = lines[end:]
    pages = _pages(body_lines, doc)
    body, removed = [], []
    last_mark = 0
    for k, page in enumerate(pages):
        kept, note_text = _strip_page(page, doc, aside, first=k == 0 and not later)
        page_marks = []
        _footnotes(note_text, aside, page_marks)
        listed = [int(m) for m in page_marks if m.isdigit()]
        if listed:
            # The copy may lose a footnote's number: expect every number up to the last.
            page_marks = [str(v) for v in range(min(last_mark + 1, min(listed)), max(listed) + 1)]
            last_mark = max(listed)
        body.extend(_strip_marks(kept, page_marks, removed))
    body = _closing(body, aside)
    aside.extend(Aside("mark", n, value) for n, value in removed)
    body = _sections_and_annexes(body, aside)
    aside.sort(key=lambda a: a.line)
    return Prepared(
        lines=[(n, t) for n, t, _p in body],
        official=True,
        symbol=doc.symbol,
        title=doc.title,
        set_aside=aside,
        amendment=any(
            a.kind == "header"
            and re.search(r"\bamendments? to (?:the )?draft resolution", a.text, re.IGNORECASE)
            for a in aside
        ),
    )
