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


def walk(resolution):
    """Every clause of the text in reading order, as the one list all renderers use: a dict
    per clause with its edit key ("op.2.1"), path ("op 2.a"), depth, derived label, escaped
    HTML (opening phrase in <em>), closing punctuation and text. Preambular clauses have
    depth 1 and no label; their sub-clauses depth 2, labels a., b., … and a comma."""
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

    def operative(clauses, path):
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
            operative(clause.children, here)

    operative(resolution.operative, ())
    return rows


def render_text(resolution, *, indent="    "):
    """Plain text, one clause a paragraph; parsing it gives the same structure back."""
    blocks = []
    if resolution.heading:
        blocks.append(f"{resolution.heading},")
    for row in walk(resolution):
        prefix = indent * (row["depth"] - 1) + f"{row['label']} " if row["label"] else ""
        blocks.append(f"{prefix}{row['text']}{row['closing']}")
    return "\n\n".join(blocks) + "\n"


def _html_list(rows, depth):
    """Nested ordered lists from consecutive rows at ``depth`` and deeper."""
    parts = [f'<ol class="clauses level-{depth}">']
    i = 0
    while i < len(rows):
        row = rows[i]
        j = i + 1
        while j < len(rows) and rows[j]["depth"] > depth:
            j += 1
        parts.append(
            f'<li><span class="label">{row["label"]}</span> '
            f'<span class="text">{row["html"]}{row["closing"]}</span>'
        )
        if j > i + 1:
            parts.append(_html_list(rows[i + 1 : j], depth + 1))
        parts.append("</li>")
        i = j
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
    rows = walk(resolution)
    preamble = [r for r in rows if r["kind"] == "pre"]
    operative = [r for r in rows if r["kind"] == "op"]
    if preamble:
        parts.append('<div class="preamble">')
        i = 0
        while i < len(preamble):
            row = preamble[i]
            parts.append(f'<p class="preambular">{row["html"]}{row["closing"]}</p>')
            j = i + 1
            while j < len(preamble) and preamble[j]["depth"] > 1:
                j += 1
            if j > i + 1:
                parts.append(_html_list(preamble[i + 1 : j], 2))
            i = j
        parts.append("</div>")
    if operative:
        parts.append('<div class="operative">')
        parts.append(_html_list(operative, 1))
        parts.append("</div>")
    parts.append("</article>")
    return "".join(parts)


def render_rows(resolution):
    """The text as rows for annotated pages (editor, review): the walker's rows."""
    return walk(resolution)
