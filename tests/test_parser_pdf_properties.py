"""Property test: a generated resolution, laid out the way pdftotext copies an official UN
PDF (document header, paragraph numbers alone on their lines, wrapped lines, footnote marks
at paragraph ends, page breaks with running headers, job numbers, barcodes, footnote blocks
and page numbers, the closing plenary-meeting lines), parses back to the same structure."""

import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions.text import Clause, Resolution, parse
from resolutions.text.phrases import OPERATIVE, PREAMBULAR, phrase_list

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)
INNER = st.one_of(
    WORD,
    WORD.map(str.capitalize),
    st.sampled_from(["3%", "(UNODC)", "2.1", "Member-States", "—", "“Agenda”"]),
)


def sentence(first):
    return st.tuples(first, st.lists(INNER, min_size=1, max_size=14)).map(
        lambda t: " ".join([t[0], *t[1]])
    )


PRE_TEXT = sentence(st.sampled_from(phrase_list(PREAMBULAR)))
OP_TEXT = sentence(st.sampled_from(phrase_list(OPERATIVE)))
SUB_TEXT = sentence(WORD.map(str.capitalize))


def sub_clauses(depth):
    if depth > 3:
        return st.just([])
    return st.lists(
        st.builds(Clause, text=SUB_TEXT, children=st.deferred(lambda: sub_clauses(depth + 1))),
        max_size=3,
    )


RESOLUTIONS = st.builds(
    Resolution,
    heading=st.just("The General Assembly"),
    preamble=st.lists(st.builds(Clause, text=PRE_TEXT), min_size=1, max_size=5),
    operative=st.lists(
        st.builds(Clause, text=OP_TEXT, children=sub_clauses(2)), min_size=2, max_size=5
    ),
)

SYMBOL = "A/RES/99/7"
TITLE = ["Xanadu quux zed of the", "Yonder committee"]
HEADER = [
    SYMBOL,
    "",
    "United Nations",
    "",
    "General Assembly",
    "",
    "Distr.: General",
    "3 January 2031",
    "",
    "Ninety-ninth session",
    "Agenda item 7",
    *TITLE,
    "",
    "Resolution adopted by the General Assembly on",
    "20 December 2030",
    "[on the report of the Third Committee (A/99/400, para. 12)]",
    "",
    "99/7.",
    "",
    *TITLE,
]


def _label(depth, index):
    if depth == 2:
        return f"({chr(ord('a') + index - 1)})"
    return "(" + ["i", "ii", "iii", "iv"][index - 1] + ")"


def pdf_copy(resolution, *, width, page_lines, marked, feeds=True, layout=False):
    """The text as pdftotext gives an official PDF of it; ``marked`` says which paragraphs
    carry a footnote mark at their end. ``layout``: as ``pdftotext -layout`` (indented first
    lines, numbers beside their text, running header and page foot on one line each);
    ``feeds``: with the form feeds between pages (a viewer's copy has none)."""
    body, notes_at = ["The General Assembly,"], {}
    mark = 0
    paragraphs = []
    for i, clause in enumerate(resolution.preamble):
        paragraphs.append((None, clause.text + ",", marked[i % len(marked)]))
    last = resolution.last_clause()

    def operative(clauses, depth):
        for i, clause in enumerate(clauses, start=1):
            end = ":" if clause.children else ("." if clause is last else ";")
            label = f"{i}." if depth == 1 else _label(depth, i)
            paragraphs.append((label, clause.text + end, False))
            operative(clause.children, depth + 1)

    operative(resolution.operative, 1)
    for label, text, has_mark in paragraphs:
        lines = textwrap.wrap(text, width=width)
        if layout:
            lines = [" " * 17 + line for line in lines]
            lead = f"{label}   " if label else ""
            lines[0] = " " * 22 + lead + lines[0].lstrip()
        elif label and label.endswith("."):
            body.append(label)  # the number alone on its line
        elif label:
            lines[0] = f"{label} {lines[0]}"
        if has_mark:
            mark += 1
            lines[-1] += f" {mark}"
            notes_at[len(body) + len(lines) - 1] = mark
        body.extend(lines)
    body += ["12th plenary meeting", "20 December 2030"]
    pages = [body[i : i + page_lines] for i in range(0, len(body), page_lines)]
    out = list(HEADER)
    start = 0
    feed = "\f" if feeds else ""
    for number, page in enumerate(pages, start=1):
        if number > 1 and layout:
            out += [f"{feed}{' '.join(TITLE)}        {SYMBOL}", ""]
        elif number > 1:
            out += [feed + SYMBOL, "", TITLE[0], TITLE[1], ""]
        out += page
        marks = [m for line, m in notes_at.items() if start <= line < start + len(page)]
        start += len(page)
        if marks:
            out += ["__________________", *[str(m) for m in marks], ""]
        out += ["30-12345 (E)" if number == 1 else "30-12345", ""]
        out += [f"A/99/{m}." for m in marks]
        if number == 1:
            out += ["", "040131", "", "*3012345*"]
        if layout:
            out[-2:] = [f"{number}/{len(pages)}          30-12345", ""]
        else:
            out += ["", f"{number}/{len(pages)}", ""]
    return "\n".join(out)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    RESOLUTIONS,
    st.integers(min_value=45, max_value=90),
    st.integers(min_value=4, max_value=30),
    st.lists(st.booleans(), min_size=1, max_size=5),
    st.booleans(),
    st.booleans(),
)
def test_a_pdf_copy_parses_back_to_the_same_structure(
    resolution, width, page_lines, marked, feeds, layout
):
    text = pdf_copy(
        resolution,
        width=width,
        page_lines=page_lines,
        marked=marked,
        feeds=feeds,
        layout=layout,
    )
    result = parse(text)
    got = result.resolution
    assert got.heading == resolution.heading
    assert got.preamble == resolution.preamble
    assert got.operative == resolution.operative
    assert got.document == {"symbol": SYMBOL, "title": " ".join(TITLE)}
    assert len(result.warnings) == 1, [w.message for w in result.warnings]
