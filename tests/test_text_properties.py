"""Property tests: rendered text parses back to the same structure; the parser never
raises anything but ParseError on arbitrary text."""

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions.text import Clause, ParseError, Resolution, parse, render_text
from resolutions.text.parser import HEADER_RE
from resolutions.text.phrases import OPERATIVE, PREAMBULAR, phrase_list
from tests.text_helpers import output_words, words

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)
INNER = st.one_of(
    WORD,
    WORD.map(str.capitalize),
    st.sampled_from(
        ["55/25", "3%", "(UNODC)", "2.1", "Article", "1.1", "$2.6", "Member-States", "e.g.", "—"]
    ),
)


def sentence(first):
    return st.tuples(first, st.lists(INNER, min_size=0, max_size=8)).map(
        lambda t: " ".join([t[0], *t[1]])
    )


PRE_TEXT = sentence(st.sampled_from(phrase_list(PREAMBULAR)))
OP_TEXT = sentence(st.sampled_from(phrase_list(OPERATIVE)))
SUB_TEXT = sentence(WORD.map(str.capitalize))


def sub_clauses(depth):
    if depth > 4:
        return st.just([])
    return st.lists(
        st.builds(Clause, text=SUB_TEXT, children=st.deferred(lambda: sub_clauses(depth + 1))),
        max_size=3 if depth < 4 else 2,
    )


RESOLUTIONS = st.builds(
    Resolution,
    heading=st.one_of(
        st.none(),
        st.sampled_from(
            ["The General Assembly", "The Commission on Crime Prevention and Criminal Justice"]
        ),
    ),
    preamble=st.lists(st.builds(Clause, text=PRE_TEXT), max_size=4),
    operative=st.lists(
        st.builds(Clause, text=OP_TEXT, children=sub_clauses(2)), min_size=1, max_size=4
    ),
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(RESOLUTIONS)
def test_rendered_text_parses_back_to_the_same_structure(resolution):
    result = parse(render_text(resolution))
    assert result.resolution == resolution
    assert result.warnings == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_parser_never_raises_on_arbitrary_text(text):
    try:
        result = parse(text)
    except ParseError as error:
        assert str(error)
    else:
        assert result.resolution.operative or result.resolution.preamble


LINEISH = st.lists(
    st.one_of(
        st.sampled_from(
            ["", "  ", "- ", "• ", "1.", "a)", "(ii)", "IV.", "Code: x", "Topic:", "\f"]
        ),
        st.text(alphabet="abcXYZ iv.,;:()-1234", max_size=30),
        PRE_TEXT,
        OP_TEXT,
    ),
    max_size=20,
).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(LINEISH)
def test_parser_never_raises_on_resolution_like_noise(text):
    try:
        result = parse(text)
    except ParseError as error:
        assert "No resolution found" in str(error)
    else:
        # No word of five letters or more is lost: each is in a clause or set aside (the
        # seed format's field lines, "Topic: …" and "Code: …", describe the text).
        body = "\n".join(line for line in text.split("\n") if not HEADER_RE.match(line.strip()))
        given = Counter(w for w in words(body) if len(w) >= 5 and w.isalpha())
        got = Counter(output_words(result.resolution)) + Counter(
            words(" ".join(a.text for a in result.set_aside))
        )
        assert not given - got


def test_a_first_line_opening_like_a_code_is_not_taken_for_a_title():
    """ "Drawing attention to" starts with "Dr" (as "DR 1/1" does): it is text, not a title."""
    result = parse("Drawing attention to the report,\nAccepting the offer,\n1. Urges action.")
    assert [c.text for c in result.resolution.preamble] == [
        "Drawing attention to the report",
        "Accepting the offer",
    ]
