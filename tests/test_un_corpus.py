"""Golden tests: official UN texts as a PDF-to-text copy gives them (tests/data/un-official,
the shared corpus; see its SOURCES.md).

The expected structures were decided by reading each document's text (paragraph numbers,
the opening words of each preambular paragraph, the lettered sub-paragraphs), not taken from
the parser's output.
"""

import re
from collections import Counter
from pathlib import Path

import pytest

from resolutions.text import parse, render_html, render_text
from resolutions.text.render import render_rows
from tests.text_helpers import LABEL_WORD, output_words, words

CORPUS = Path(__file__).resolve().parent / "data" / "un-official"

# file: (heading, preambular paragraphs, operative paragraphs, sub-paragraphs, warnings)
# Every text gets one warning that says what was set aside (header, furniture, footnotes);
# A/RES/80/234 a second one for its five section headings (I to V); A/C.2/80/L.39 a true
# one: its operative paragraph 25 ends with a comma in the official text.
EXPECTED = {
    "01_A_RES_79_235.txt": ("The General Assembly", 6, 14, 0, 1),
    "02_A_RES_78_205.txt": ("The General Assembly", 42, 47, 0, 1),
    "03_A_RES_80_191.txt": ("The General Assembly", 47, 63, 0, 1),
    "04_A_RES_80_234.txt": ("The General Assembly", 7, 110, 3, 2),
    "05_A_RES_78_188.txt": ("The General Assembly", 34, 53, 0, 1),
    "06_A_RES_78_111_layout.txt": ("The General Assembly", 17, 20, 8, 1),
    "07_A_RES_80_104.txt": ("The General Assembly", 9, 8, 6, 1),
    "08_A_RES_79_172.txt": ("The General Assembly", 31, 48, 3, 1),
    "09_A_RES_79_169.txt": ("The General Assembly", 20, 12, 0, 1),
    "10_A_RES_79_140.txt": ("The General Assembly", 46, 90, 0, 1),
    "11_A_RES_79_32.txt": ("The General Assembly", 19, 4, 0, 1),
    "12_A_RES_80_95_layout.txt": ("The General Assembly", 21, 13, 0, 1),
    "13_A_RES_80_157.txt": ("The General Assembly", 56, 57, 0, 1),
    "14_A_RES_78_151.txt": ("The General Assembly", 16, 23, 0, 1),
    "15_A_RES_78_32.txt": ("The General Assembly", 16, 11, 0, 1),
    "16_A_RES_80_200.txt": ("The General Assembly", 27, 12, 12, 1),
    "17_A_RES_79_14.txt": ("The General Assembly", 3, 1, 0, 1),
    "18_A_RES_78_189_layout.txt": ("The General Assembly", 39, 54, 0, 1),
    "19_A_C.5_80_L.11.txt": ("The General Assembly", 2, 7, 0, 1),
    "20_A_C.1_80_L.6.txt": ("The General Assembly", 10, 9, 0, 1),
    "21_A_C.4_80_L.6.txt": ("The General Assembly", 16, 32, 0, 1),
    "22_A_C.2_80_L.39.txt": ("The General Assembly", 19, 28, 0, 2),
    "23_A_C.3_80_L.24.txt": ("The General Assembly", 4, 2, 0, 1),
    # An amendment: eleven numbered instructions, no heading, no preamble.
    "24_A_80_L.30_layout.txt": (None, 0, 11, 0, 1),
}

# The opening words of every paragraph, as read in the document.
FIRST_WORDS = {
    "01_A_RES_79_235.txt": (
        [
            "Guided by",
            "Reaffirming its resolution 69/313",
            "Reaffirming also",
            "Recalling its resolutions",
            "Looking forward to",
            "Recognizing the importance",
        ],
        [
            "Takes note of the report",
            "Decides to adopt",
            "Also decides",
            "Further decides",
            "Decides that the intergovernmental",
            "Also decides that the Bureau",
            "Stresses",
            "Invites",
            "Recognizes",
            "Encourages international",
            "Requests the intergovernmental",
            "Requests the Secretary-General",
            "Encourages Member States",
            "Decides to include",
        ],
    ),
    "17_A_RES_79_14.txt": (
        ["Taking note of the report", "Taking note also", "Noting with appreciation"],
        ["Decides to include"],
    ),
    "19_A_C.5_80_L.11.txt": (
        ["Recalling its resolution 54/249", "Having considered"],
        [
            "Takes note",
            "Endorses",
            "Notes with concern",
            "Recalls paragraph 7",
            "Also recalls paragraph 8",
            "Requests",
            "Recalls paragraph 17",
        ],
    ),
    "23_A_C.3_80_L.24.txt": (
        ["Recalling its resolutions 60/251", "Recalling also", "Recalling further", "Having"],
        ["Takes note", "Encourages"],
    ),
}


def _parse(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    return text, parse(text)


def _counts(resolution):
    subs = sum(1 for _kind, path, _c in resolution.clauses() if len(path) > 1)
    return len(resolution.preamble), len(resolution.operative), subs


def test_the_corpus_is_all_here():
    assert sorted(p.name for p in CORPUS.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_paragraph_in_its_place(name):
    heading, pre, op, subs, n_warnings = EXPECTED[name]
    _text, result = _parse(name)
    resolution = result.resolution
    assert resolution.heading == heading
    assert _counts(resolution) == (pre, op, subs)
    assert len(result.warnings) == n_warnings, [w.message for w in result.warnings]
    assert "set aside" in result.warnings[0].message


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_word_of_the_body_is_lost(name):
    """Every word of the copy is in a clause or in what was set aside (and reported)."""
    text, result = _parse(name)
    given = Counter(w for w in words(text) if not re.fullmatch(r"_+", w))
    got = Counter(output_words(result.resolution)) + Counter(
        words(" ".join(a.text for a in result.set_aside))
    )
    lost = {w: n for w, n in (given - got).items() if not LABEL_WORD.fullmatch(w)}
    # A word the copy letter-spaced ("I nv ite s") is put back whole.
    lost = {w: n for w, n in lost.items() if not (w.islower() and len(w) <= 4)}
    assert not lost, lost


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_furniture_or_footnote_inside_a_clause(name):
    _text, result = _parse(name)
    symbol = result.resolution.document["symbol"]
    for kind, path, clause in result.resolution.clauses():
        text = clause.text
        assert not re.search(r"\b\d{2}-\d{5}\b|\*\d{7}\*|\(E\)", text), (
            kind,
            path,
            text,
        )
        assert symbol not in text.split(), (kind, path)
        assert "Ibid." not in text and "Official Records of the" not in text, (kind, path)
        assert not re.search(r"[,;]\s?\d{1,2}$", text), (kind, path, text[-40:])


@pytest.mark.parametrize("name", sorted(FIRST_WORDS))
def test_first_words_of_every_paragraph(name):
    preamble, operative = FIRST_WORDS[name]
    _text, result = _parse(name)
    resolution = result.resolution
    for clause, start in zip(resolution.preamble, preamble, strict=True):
        assert clause.text.startswith(start), (clause.text[:60], start)
    for clause, start in zip(resolution.operative, operative, strict=True):
        assert clause.text.startswith(start), (clause.text[:60], start)


def test_symbol_title_and_footnotes_are_kept():
    _text, result = _parse("02_A_RES_78_205.txt")
    resolution = result.resolution
    assert resolution.document == {
        "symbol": "A/RES/78/205",
        "title": "Protection of and assistance to internally displaced persons",
    }
    notes = " ".join(resolution.footnotes)
    assert "Guiding Principles on Internal Displacement (E/CN.4/1998/53/Add.2, annex)" in notes
    data = result.to_dict()
    assert data["document"]["symbol"] == "A/RES/78/205"
    kinds = {a["kind"] for a in data["set_aside"]}
    assert {"header", "furniture", "footnote", "mark", "closing"} <= kinds


def test_budget_sections_are_kept_apart_with_their_place():
    _text, result = _parse("04_A_RES_80_234.txt")
    sections = result.resolution.sections
    assert [s["text"].split()[0] for s in sections] == ["I", "II", "III", "IV", "V"]
    assert sections[0] == {"text": "I Calendar of conferences and meetings", "before": "op 3"}
    assert [s["before"] for s in sections] == ["op 3", "op 11", "op 36", "op 49", "op 82"]
    # Paragraph 2 ends where it ends: the heading is not merged into it.
    assert result.resolution.operative[1].text.endswith("Budgetary Questions")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_renderer_parses_back(name):
    _text, result = _parse(name)
    resolution = result.resolution
    again = parse(render_text(resolution)).resolution
    assert _counts(again) == _counts(resolution)
    assert [c.text for _k, _p, c in again.clauses()] == [
        c.text for _k, _p, c in resolution.clauses()
    ]
    html = render_html(resolution)
    assert html.count('class="preambular"') == len(resolution.preamble)
    assert len(render_rows(resolution)) == sum(1 for _ in resolution.clauses())


VARIANTS = {
    "without form feeds": lambda text: text.replace("\f", ""),
    "with Windows line ends": lambda text: text.replace("\n", "\r\n"),
    "from the heading on": lambda text: text[text.find("The General Assembly,") :],
    "without blank lines": lambda text: "\n".join(x for x in text.split("\n") if x.strip()),
    "with spaces squeezed and no form feeds": lambda text: "\n".join(
        re.sub(r" {2,}", " ", x).strip() for x in text.split("\n")
    ),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_other_ways_of_copying_give_the_same_structure(name, variant):
    """Copied by a viewer that drops form feeds, blank lines or the columns' spaces, on
    Windows, or without the first page's header: the running header is then recognised from
    its repetition."""
    heading, pre, op, subs, n_warnings = EXPECTED[name]
    if heading is None and variant == "from the heading on":
        pytest.skip("an amendment has no heading")
    text = VARIANTS[variant]((CORPUS / name).read_text(encoding="utf-8"))
    result = parse(text)
    assert result.resolution.heading == heading
    assert _counts(result.resolution) == (pre, op, subs)
    assert len(result.warnings) == n_warnings, [w.message for w in result.warnings]
