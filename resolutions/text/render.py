"""One renderer for every output: semantic HTML and plain text (PDF and XML reuse them).

Labels and closing punctuation are derived here: preambular clauses end with ",", operative
clauses and sub-clauses with ";", a clause that introduces sub-clauses with ":", and the
very last clause of the text with ".". All text is escaped.
"""

from html import escape

from .phrases import OPERATIVE, PREAMBULAR, opening_phrase
from .structure import label


def _closing(clause, *, is_last):
    if clause.children:
        return ":"
    return "." if is_last else ";"


def _preamble_closing(resolution, index):
    if index == len(resolution.preamble) - 1 and not resolution.operative:
        return "."
    return ","


def _phrase_html(text, kind):
    phrase = opening_phrase(text, kind) if kind else None
    if phrase and text.startswith(phrase):
        return f"<em>{escape(phrase)}</em>{escape(text[len(phrase) :])}"
    return escape(text)


def _items(resolution):
    """Yield (kind, depth, label, clause, closing) in reading order."""
    for i, clause in enumerate(resolution.preamble):
        yield "pre", 0, "", clause, (":" if clause.children else _preamble_closing(resolution, i))
        for j, child in enumerate(clause.children, start=1):
            yield "pre-sub", 2, label(2, j), child, ","
    last = resolution.last_clause()

    def walk(clauses, depth):
        for i, clause in enumerate(clauses, start=1):
            yield "op", depth, label(depth, i), clause, _closing(clause, is_last=clause is last)
            yield from walk(clause.children, depth + 1)

    yield from walk(resolution.operative, 1)


def render_text(resolution, *, indent="    "):
    """Plain text, one clause a paragraph; parsing it gives the same structure back."""
    blocks = []
    if resolution.heading:
        blocks.append(f"{resolution.heading},")
    for _kind, depth, lab, clause, closing in _items(resolution):
        prefix = indent * (depth - 1) + f"{lab} " if depth else ""
        blocks.append(f"{prefix}{clause.text}{closing}")
    return "\n\n".join(blocks) + "\n"


def _html_clauses(clauses, depth, last, *, kind=None):
    parts = [f'<ol class="clauses level-{depth}">']
    for i, clause in enumerate(clauses, start=1):
        closing = _closing(clause, is_last=clause is last)
        text = _phrase_html(clause.text, kind if depth == 1 else None)
        parts.append(
            f'<li><span class="label">{label(depth, i)}</span> '
            f'<span class="text">{text}{closing}</span>'
        )
        if clause.children:
            parts.append(_html_clauses(clause.children, depth + 1, last))
        parts.append("</li>")
    parts.append("</ol>")
    return "".join(parts)


def render_html(resolution, *, committee=None, topic=None, code=None):
    """Semantic HTML: opening phrases in <em>, derived labels, nested ordered lists."""
    parts = ['<article class="resolution">']
    if code or committee or topic:
        parts.append('<header class="resolution-meta">')
        if code:
            parts.append(f'<p class="code">{escape(code)}</p>')
        if committee:
            parts.append(
                f'<p class="committee"><strong>Committee:</strong> {escape(committee)}</p>'
            )
        if topic:
            parts.append(f'<p class="topic"><strong>Topic:</strong> {escape(topic)}</p>')
        parts.append("</header>")
    if resolution.heading:
        parts.append(f'<p class="heading">{escape(resolution.heading)},</p>')
    if resolution.preamble:
        parts.append('<div class="preamble">')
        for i, clause in enumerate(resolution.preamble):
            closing = ":" if clause.children else _preamble_closing(resolution, i)
            parts.append(
                f'<p class="preambular">{_phrase_html(clause.text, PREAMBULAR)}{closing}</p>'
            )
            if clause.children:
                parts.append(_html_clauses(clause.children, 2, None))
        parts.append("</div>")
    if resolution.operative:
        parts.append('<div class="operative">')
        parts.append(
            _html_clauses(resolution.operative, 1, resolution.last_clause(), kind=OPERATIVE)
        )
        parts.append("</div>")
    parts.append("</article>")
    return "".join(parts)


def render_rows(resolution):
    """The text as rows for annotated pages (editor, review): one dict per clause with its
    edit key ("op.2.1"), its path ("op 2.a"), depth, derived label, escaped HTML and closing
    punctuation. Same derivation as ``render_html``."""
    from .structure import path_label

    rows = []
    last = resolution.last_clause()
    for i, clause in enumerate(resolution.preamble, start=1):
        closing = ":" if clause.children else _preamble_closing(resolution, i - 1)
        rows.append(
            {
                "kind": "pre",
                "key": f"pre.{i}",
                "path": f"pre {i}",
                "depth": 1,
                "label": "",
                "html": _phrase_html(clause.text, PREAMBULAR),
                "closing": closing,
                "text": clause.text,
            }
        )
        for j, child in enumerate(clause.children, start=1):
            rows.append(
                {
                    "kind": "pre",
                    "key": f"pre.{i}.{j}",
                    "path": path_label("pre", (i, j)),
                    "depth": 2,
                    "label": label(2, j),
                    "html": escape(child.text),
                    "closing": ",",
                    "text": child.text,
                }
            )

    def walk(clauses, path):
        for i, clause in enumerate(clauses, start=1):
            here = (*path, i)
            rows.append(
                {
                    "kind": "op",
                    "key": "op." + ".".join(str(n) for n in here),
                    "path": path_label("op", here),
                    "depth": len(here),
                    "label": label(len(here), i),
                    "html": _phrase_html(clause.text, OPERATIVE if len(here) == 1 else None),
                    "closing": _closing(clause, is_last=clause is last),
                    "text": clause.text,
                }
            )
            walk(clause.children, here)

    walk(resolution.operative, ())
    return rows
