"""voting.rules.decide against a table of cases written from DOMAIN.md, "Voting procedure"."""

import pytest

from voting.rules import counts_text, decide

G, SC = "general", "security_council"

# (body, yes, no, abstain, majority, substantive, permanent "no", adopted, why)
CASES = [
    # General bodies, substance: a majority of members present and voting.
    (G, 21, 7, 5, "simple", True, 0, True, "the seed's CCPCJ/1/3"),
    (G, 25, 2, 6, "simple", True, 0, True, "the seed's CCPCJ/1/4"),
    (G, 24, 2, 7, "simple", True, 0, True, "the seed's CCPCJ/2/1"),
    (G, 10, 10, 0, "simple", True, 0, False, "a tie fails"),
    (G, 10, 10, 13, "simple", True, 0, False, "a tie fails whatever the abstentions"),
    (G, 2, 1, 30, "simple", True, 0, True, "abstentions do not count"),
    (G, 0, 0, 33, "simple", True, 0, False, "everyone abstains: nothing adopted"),
    (G, 11, 12, 0, "simple", True, 0, False, "fewer yes than no"),
    (G, 1, 0, 0, "simple", True, 0, True, "one yes, nothing else"),
    # Two-thirds: yes ≥ 2/3 of yes + no; abstentions are not in the base.
    (G, 20, 10, 0, "two_thirds", True, 0, True, "exactly two thirds"),
    (G, 19, 10, 0, "two_thirds", True, 0, False, "just under two thirds"),
    (G, 14, 7, 12, "two_thirds", True, 0, True, "two thirds once abstentions are left out"),
    (G, 14, 8, 11, "two_thirds", True, 0, False, "14 of 22 is under two thirds"),
    (G, 2, 1, 0, "two_thirds", True, 0, True, "2 of 3"),
    (G, 0, 0, 5, "two_thirds", True, 0, False, "nobody for it"),
    # Procedural: more yes than no; nobody abstains.
    (G, 17, 16, 0, "simple", False, 0, True, "procedural simple majority"),
    (G, 16, 16, 0, "simple", False, 0, False, "procedural tie fails"),
    (G, 22, 11, 0, "two_thirds", False, 0, True, "closure of debate: two thirds"),
    (G, 21, 12, 0, "two_thirds", False, 0, False, "closure of debate: short of two thirds"),
    # Security Council: nine affirmative votes; permanent "no" on substance is a veto.
    (SC, 9, 1, 5, "simple", True, 1, False, "9 yes + 1 permanent no fails"),
    (SC, 9, 0, 6, "simple", True, 0, True, "9 yes with the permanent members abstaining"),
    (SC, 9, 2, 4, "simple", True, 0, True, "elected members' no is no veto"),
    (SC, 8, 0, 0, "simple", True, 0, False, "8 yes and nothing else fails"),
    (SC, 8, 0, 7, "simple", True, 0, False, "8 yes, 7 abstentions fails"),
    (SC, 14, 1, 0, "simple", True, 1, False, "one veto beats fourteen yes"),
    (SC, 9, 6, 0, "simple", False, 2, True, "procedural: no veto"),
    (SC, 8, 7, 0, "simple", False, 0, False, "procedural still needs nine"),
]


@pytest.mark.parametrize(
    "body,yes,no,abstain,majority,substantive,pno,adopted,why",
    CASES,
    ids=[case[-1] for case in CASES],
)
def test_decide_table(body, yes, no, abstain, majority, substantive, pno, adopted, why):
    decision = decide(
        body,
        yes=yes,
        no=no,
        abstain=abstain,
        majority=majority,
        substantive=substantive,
        permanent_members_no=pno,
    )
    assert decision.adopted is adopted, decision.reason
    assert decision.reason.startswith("Adopted" if adopted else "Fails"), decision.reason


def test_decision_reasons_are_sentences_a_chair_can_read():
    assert decide(G, yes=10, no=10).reason == "Fails: a tie (10 to 10) is not a majority."
    assert "veto" in decide(SC, yes=9, no=1, permanent_members_no=1).reason
    assert "needs 9" in decide(SC, yes=8, no=0).reason
    assert "needs 20" in decide(G, yes=19, no=10, majority="two_thirds").reason


@pytest.mark.parametrize(
    "kwargs",
    [
        {"yes": 5, "no": 3, "abstain": 1, "substantive": False},  # abstaining on procedure
        {"yes": -1, "no": 3},
        {"yes": 9, "no": 0, "permanent_members_no": 1},  # a veto needs a no
        {"yes": 1, "no": 0, "majority": "three_quarters"},
    ],
)
def test_decide_refuses_impossible_counts(kwargs):
    with pytest.raises(ValueError):
        decide(G, **kwargs)


def test_decide_refuses_unknown_body():
    with pytest.raises(ValueError):
        decide("assembly", yes=1, no=0)


def test_counts_text_matches_the_seed():
    assert counts_text(yes=21, no=7, abstain=5) == "21 in favor, 7 against, 5 abstentions"
    assert counts_text(yes=25, no=2, abstain=1) == "25 in favor, 2 against, 1 abstention"
    assert counts_text(yes=20, no=13) == "20 in favor, 13 against"


# The reason is what the result panel shows the committee (voting/partials/result.html), so
# each branch's sentence is asserted whole: counts, the rule applied and what it needed.
REASONS = [
    (
        dict(body=G, yes=21, no=7, abstain=5),
        "Adopted: 21 in favor to 7 against, a majority of those present and voting"
        " (abstentions do not count).",
    ),
    (
        dict(body=G, yes=11, no=12),
        "Fails: 11 in favor to 12 against, no majority of those present and voting"
        " (abstentions do not count).",
    ),
    (
        dict(body=G, yes=17, no=16, substantive=False),
        "Adopted: 17 in favor to 16 against, a majority of those present.",
    ),
    (
        dict(body=G, yes=20, no=10, majority="two_thirds"),
        "Adopted: 20 of 30 is at least two thirds of those present and voting"
        " (abstentions do not count).",
    ),
    (
        dict(body=G, yes=21, no=12, majority="two_thirds", substantive=False),
        "Fails: 21 of 33; two thirds of those present needs 22.",
    ),
    (
        dict(body=G, yes=0, no=0, abstain=5, majority="two_thirds"),
        "Fails: 0 of 0; two thirds of those present and voting (abstentions do not count) needs 1.",
    ),
    (dict(body=SC, yes=8, no=0), "Fails: 8 affirmative votes; the Security Council needs 9."),
    (dict(body=SC, yes=1, no=0), "Fails: 1 affirmative vote; the Security Council needs 9."),
    (
        dict(body=SC, yes=9, no=1, permanent_members_no=1),
        "Fails: 1 permanent member voted against (veto).",
    ),
    (
        dict(body=SC, yes=9, no=2, permanent_members_no=2),
        "Fails: 2 permanent members voted against (veto).",
    ),
    (
        dict(body=SC, yes=9, no=0, abstain=6),
        "Adopted: 9 affirmative votes, no permanent member against.",
    ),
    (
        dict(body=SC, yes=9, no=6, substantive=False, permanent_members_no=2),
        "Adopted: 9 affirmative votes.",
    ),
]


@pytest.mark.parametrize("kwargs,reason", REASONS, ids=[r for _, r in REASONS])
def test_decision_reason_names_the_counts_and_the_rule(kwargs, reason):
    kwargs = dict(kwargs)
    assert decide(kwargs.pop("body"), **kwargs).reason == reason


def test_one_yes_alone_is_two_thirds_of_those_voting():
    """1 of 1 present and voting is more than two thirds (abstentions are outside the base)."""
    assert decide(G, yes=1, no=0, abstain=4, majority="two_thirds").adopted is True


def test_decide_defaults_to_a_substantive_simple_majority_without_abstentions_or_vetoes():
    # Called with only yes / no: no abstentions, no permanent "no", so a procedural vote with
    # no "no" at all is possible and a Security Council vote is not vetoed.
    assert decide(G, yes=3, no=0, substantive=False).adopted is True
    assert decide(SC, yes=9, no=0).adopted is True
    assert decide(G, yes=3, no=2).adopted is True  # a simple majority: 3 of 5 is not 2/3


@pytest.mark.parametrize(
    "body,kwargs,message",
    [
        ("assembly", {"yes": 1, "no": 0}, "Unknown body 'assembly'."),
        (
            G,
            {"yes": 1, "no": 0, "majority": "three_quarters"},
            "Unknown majority 'three_quarters'.",
        ),
        (G, {"yes": 1, "no": -1}, "Counts cannot be negative."),
        (G, {"yes": 1, "no": 0, "abstain": -1}, "Counts cannot be negative."),
        (SC, {"yes": 9, "no": 0, "permanent_members_no": -1}, "Counts cannot be negative."),
        (G, {"yes": 5, "no": 3, "abstain": 1, "substantive": False}, "Nobody abstains"),
        (SC, {"yes": 9, "no": 1, "permanent_members_no": 2}, "More permanent members voted no"),
    ],
)
def test_decide_says_which_count_is_impossible(body, kwargs, message):
    with pytest.raises(ValueError) as raised:
        decide(body, **kwargs)
    assert str(raised.value).startswith(message)
