"""The five resolutions of the seed (NMUN New York 2025, Conference B, CCPCJ), copied into
resolutions/data/seed, parse to the right clauses and nesting, with warnings exactly where the
seed has mistakes."""

import pytest

from resolutions import demo
from resolutions.text import check, parse, render_text

from .text_helpers import assert_no_word_dropped

SEED = demo.SEED
HEADING = "The Commission on Crime Prevention and Criminal Justice"


def load(code):
    return (SEED / f"{code}.txt").read_text(encoding="utf-8")


def at(resolution, path):
    clause = resolution.operative[path[0] - 1]
    for i in path[1:]:
        clause = clause.children[i - 1]
    return clause


EXPECTED = {
    # code: (preambular clauses, operative clauses, deepest nesting, warnings)
    "ccpcj-1-1": (
        15,
        9,
        3,
        [
            (21, "preambular clause ends with a period instead of a comma"),
            (39, "sub-clause without a label; taken as 1.a.i"),
            (44, "sub-clause without a label; taken as 2.b"),
            (46, "sub-clause without a label; taken as 2.c"),
            (54, "clause ends with a colon but introduces no sub-clauses"),
            (57, "sub-clause without a label; taken as 4.a"),
        ],
    ),
    "ccpcj-1-2": (
        26,
        14,
        3,
        [
            (70, "sub-clause without a label; taken as 4.a"),
            (73, "operative clause without a number after 4; numbered 5"),
            (81, "sub-clause without a label; taken as 7.c"),
            (94, "operative clause after 10 was numbered 10; renumbered as 11"),
            (96, "sub-clause without a label; taken as 11.b"),
            (106, "sub-clause without a label; taken as 13.b"),
            (108, "sub-clause without a label; taken as 13.c.i"),
            (110, "clause ends with a colon but introduces no sub-clauses"),
        ],
    ),
    "ccpcj-1-3": (
        12,
        14,
        4,
        [
            (27, "preambular clause ends with a period instead of a comma"),
            (33, "sub-clause without a label; taken as 1.a"),
            (37, "sub-clause without a label; taken as 2.b"),
            (43, "clause ends with a colon but introduces no sub-clauses"),
            (47, "sub-clause without a label; taken as 4.a"),
            (57, "sub-clause without a label; taken as 5.c"),
            (64, "sub-clause without a label; taken as 8.a"),
            (66, "sub-clause without a label; taken as 8.b.i"),
            (73, "sub-clause without a label; taken as 9.a.i"),
            (75, "sub-clause without a label; taken as 9.a.ii.1"),
            (97, "clause ends with a colon but introduces no sub-clauses"),
        ],
    ),
    "ccpcj-1-4": (
        20,
        26,
        3,
        [
            (7, "preambular clause ends with a period instead of a comma"),
            (56, "sub-clause without a label; taken as 4.a"),
            (90, "clause ends with a colon but introduces no sub-clauses"),
            (98, "clause ends with a colon but introduces no sub-clauses"),
            (99, "sub-clause without a label; taken as 21.c"),
        ],
    ),
    "ccpcj-2-1": (
        40,
        36,
        3,
        [
            (53, "preambular clause ends with a period instead of a comma"),
            (93, "sub-clause without a label; taken as 2.c"),
            (137, "sub-clause without a label; taken as 17.c"),
            (150, "sub-clause without a label; taken as 21.b"),
            (160, "sub-clause without a label; taken as 25.c"),
            (161, "clause ends with a colon but introduces no sub-clauses"),
            (172, "sub-clause without a label; taken as 28.b"),
        ],
    ),
}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_seed_resolution_parses_to_the_right_shape(code):
    preamble, operative, depth, warnings = EXPECTED[code]
    result = parse(load(code))
    resolution = result.resolution
    assert resolution.heading == HEADING
    assert len(resolution.preamble) == preamble
    assert len(resolution.operative) == operative
    assert max(c.depth() for c in resolution.operative) == depth
    assert [(w.line, w.message) for w in result.warnings] == warnings


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_seed_resolution_keeps_every_word(code):
    source = load(code)
    assert_no_word_dropped(source, parse(source).resolution, header_lines=("Committee:", "Topic:"))


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_seed_resolution_round_trips_through_the_renderer(code):
    resolution = parse(load(code)).resolution
    again = parse(render_text(resolution))
    assert again.resolution == resolution
    assert again.warnings == []


def test_ccpcj_1_1_nesting_and_repaired_labels():
    r = parse(load("ccpcj-1-1")).resolution
    assert r.preamble[0].text.startswith("Concerned about the lack of international data")
    assert r.preamble[7].text.endswith("legally binding universal anti-corruption instrument")
    assert at(r, (1, 1, 1)).text.startswith("A digitally accessible real-time alert system")
    assert at(r, (1, 1, 2)).text.startswith("A comprehensive joint training programs")
    # "An encouraged discussion ... voluntary," wraps onto "UN-administered funding mechanism".
    assert at(r, (2, 2)).text.startswith("An encouraged discussion")
    assert "voluntary, UN-administered funding mechanism" in at(r, (2, 2)).text
    # 3.a is broken by a page break and a dash: one clause.
    assert at(r, (3, 1)).text.endswith("disproportionately affected by organized crime")
    assert "criminal justice cooperation along drug trafficking routes" in at(r, (3, 1)).text
    assert at(r, (9,)).text.startswith("Further invites Member States")


def test_ccpcj_1_2_skipped_five_and_doubled_ten():
    r = parse(load("ccpcj-1-2")).resolution
    assert at(r, (5,)).text.startswith("Recommends the expansion of regional Anti-Corruption")
    assert "Training Platform or the UNODC e-learning platform" in at(r, (5,)).text
    assert at(r, (6,)).text.startswith("Further notes the value")
    assert at(r, (10,)).text.startswith("Invites for increased international cooperation")
    assert at(r, (11,)).text.startswith("Proclaims education of potential victims")
    assert at(r, (14,)).text.startswith(
        "Further invites Member States to consider the ratification"
    )
    assert at(r, (13, 3, 4)).text.startswith("Criminal Port Prevention")
    # 9.b continues after a blank line with a lower-case word.
    assert at(r, (9, 2)).text.endswith("yet unknown to law enforcement agencies")


def test_ccpcj_1_3_goes_four_levels_deep():
    r = parse(load("ccpcj-1-3")).resolution
    assert at(r, (9, 1, 2, 1)).text.startswith("Supporting regional peace and security")
    assert at(r, (9, 1, 2, 2)).text.startswith("Strengthening collaboration")
    assert at(r, (9, 2)).text.startswith("Utilizing technology such as the SMART")
    # "Reminds" opens a preambular paragraph here: it stays in the preamble, flagged by checks.
    assert r.preamble[2].text.startswith("Reminds Member States")
    findings = [f for f in check(r) if f.path == "pre 3"]
    assert findings and "opens operative clauses" in findings[0].message


def test_ccpcj_1_4_upper_case_roman_sub_clauses():
    r = parse(load("ccpcj-1-4")).resolution
    sub = [c for _, path, c in r.clauses() if len(path) == 3]
    assert any(c.text.startswith("Frameworks against money laundering") for c in sub)
    assert any(c.text.startswith("Cooperation with international organizations") for c in sub)
    assert at(r, (21, 3)).text.startswith("Gather data regarding TOC victims")
    assert at(r, (21, 4)).text.startswith("Streamline its findings")


def test_ccpcj_2_1_is_the_longest():
    r = parse(load("ccpcj-2-1")).resolution
    assert len(r.operative) == 36
    assert at(r, (36,)).text
    assert r.preamble[-1].text.startswith("Noting with deep concern")
