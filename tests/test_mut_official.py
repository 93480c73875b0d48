"""Mutation testing of the official copies' reader (issue 8): what ``prepare`` sets aside from
a copy of an official UN document (header, running header, page furniture, footnotes and
their marks, closing lines, sections, annexes) and what it leaves to the parser. The inputs
are the shared corpus's documents (tests/data/un-official) or pieces written in their layout;
the expected values are read in the documents themselves."""

from pathlib import Path

import pytest

from resolutions.text.official import prepare

CORPUS = Path(__file__).resolve().parent / "data" / "un-official"


def corpus(name):
    return (CORPUS / name).read_text(encoding="utf-8")


def aside(prepared, kind):
    return [a.text for a in prepared.set_aside if a.kind == kind]


def body(prepared):
    return [t.strip() for _n, t in prepared.lines]


# A copy that does not begin with the document's first page ----------------------------------

# file: (symbol, title) as the running header of every page after the first gives them.
RUNNING = {
    "01_A_RES_79_235.txt": (
        "A/RES/79/235",
        "Promotion of inclusive and effective international tax cooperation at the United Nations",
    ),
    "02_A_RES_78_205.txt": (
        "A/RES/78/205",
        "Protection of and assistance to internally displaced persons",
    ),
    "09_A_RES_79_169.txt": (
        "A/RES/79/169",
        "Promotion of peace as a vital requirement for the full enjoyment of all human rights "
        "by all",
    ),
    "12_A_RES_80_95_layout.txt": ("A/RES/80/95", "Question of French Polynesia"),
    "06_A_RES_78_111_layout.txt": (
        "A/RES/78/111",
        "Report of the Special Committee on the Charter of the United Nations and on the "
        "Strengthening of the Role of the Organization",
    ),
}


@pytest.mark.parametrize("feeds", [True, False])
@pytest.mark.parametrize("name", sorted(RUNNING))
def test_a_copy_from_the_heading_on_reads_symbol_and_title_in_the_running_header(name, feeds):
    source = corpus(name)
    text = source[source.index("The General Assembly,") :]
    prepared = prepare(text if feeds else text.replace("\f", ""))
    symbol, title = RUNNING[name]
    assert prepared.official
    assert (prepared.symbol, prepared.title) == (symbol, title)
    lines = body(prepared)
    assert symbol not in lines
    assert not any(line and line in title and len(line.split()) > 2 for line in lines)


def test_a_two_page_draft_from_the_heading_on_finds_its_symbol_at_the_top_of_page_two():
    # A/C.5/80/L.11 repeats only its symbol at the top of page 2 (no running title).
    source = corpus("19_A_C.5_80_L.11.txt")
    prepared = prepare(source[source.index("The General Assembly,") :])
    assert prepared.symbol == "A/C.5/80/L.11"
    assert prepared.title is None
    assert "A/C.5/80/L.11" not in body(prepared)
    assert "A/C.5/80/L.11" in aside(prepared, "furniture")


@pytest.mark.parametrize(("name", "page"), [("01_A_RES_79_235.txt", 1), ("09_A_RES_79_169.txt", 2)])
def test_a_copy_from_a_later_page_on_sets_the_running_title_aside_on_every_page(name, page):
    # The copy begins with that page's running header (title, symbol) and the next page
    # repeats it: the title is the running header's, and it never runs into a clause
    # (A/RES/79/235's last paragraph used to read "… tax cooperation at the United Nations
    # the framework convention, …").
    symbol, title = RUNNING[name]
    pieces = corpus(name).split("\f")
    prepared = prepare("\f" + "\f".join(pieces[page:]))
    assert (prepared.symbol, prepared.title) == (symbol, title)
    lines = body(prepared)
    assert not any(line and line in title for line in lines)
    assert any(a.startswith(title.split(" at ")[0][:40]) for a in aside(prepared, "furniture"))
