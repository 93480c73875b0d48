"""The demo's second part: how the CCPCJ's drafts came to be, after the seed's summary report.

"By Tuesday, the Dais received a total of 5 proposals ... delegates received three rounds of
feedback and revision on their working papers. The dais approved 4 draft resolutions" and, on
topic 2, "1 proposal, which was approved as a draft resolution". Here: five working papers on
topic 1 (one merged into another), each approved paper reviewed three times (returned twice
with feedback, approved the third time), then one paper on topic 2. Every draft carries the
seed's text. Safe to run again: nothing is done once the committee has papers.
"""

import datetime as dt
from pathlib import Path

from django.contrib.auth import get_user_model

from sessions import clock
from sessions import services as session_services
from sessions.demo import at
from sessions.models import Delegation, Topic

from . import amendment_demo, services
from .models import Supporter, WorkingPaper
from .text import Resolution, parse

# The seed's texts (the Documentation of NMUN New York 2025, Conference B), package data.
SEED = Path(__file__).resolve().parent / "data" / "seed"

# (seed text, title, main sponsor first, co-sponsors, signatories)
TOPIC_1 = [
    (
        "ccpcj-1-1",
        "International crime database",
        ["USA", "MEX", "COL", "PER"],
        ["CAN", "CHL", "AUS", "GBR"],
    ),
    (
        "ccpcj-1-2",
        "Digital governance against corruption",
        ["QAT", "FRA", "ITA", "DEU"],
        ["AUT", "MAR", "EGY", "SAU"],
    ),
    (
        "ccpcj-1-3",
        "Border management and wildlife crime",
        ["KEN", "GHA", "NGA", "ZAF"],
        ["BRA", "ARG", "THA", "JPN"],
    ),
    (
        "ccpcj-1-4",
        "Victims, education and cybercrime",
        ["ARG", "BRA", "CHL", "TUR"],
        ["IDN", "IND", "PAK", "CUB"],
    ),
]
MERGED = ("ccpcj-1-3", "Wildlife trafficking", ["IND", "IDN"], ["THA", "VNM", "JPN", "EGY", "AUT"])
TOPIC_2 = (
    "ccpcj-2-1",
    "Coordinating efforts against trafficking in persons",
    ["DEU", "FRA", "MEX", "COL"],
    ["CAN", "AUS", "ITA", "GHA", "KEN"],
)

FEEDBACK = [
    ("op 1", "Say who runs this and who pays for it; “encourages” alone commits no one."),
    ("pre 2", "Cite the document you rely on, with its symbol or year."),
]


def _user(name):
    return get_user_model().objects.get(username=name)


def _delegate(delegations, iso3):
    return _user(f"delegate-{iso3.lower()}"), delegations[iso3]


def _seed(code):
    return parse((SEED / f"{code}.txt").read_text(encoding="utf-8")).resolution


def _first_draft(full):
    """An earlier state of a text: its last operative clause and last preambular clause were
    added during the rounds of feedback."""
    return Resolution(
        heading=full.heading, preamble=full.preamble[:-1], operative=full.operative[:-1]
    )


def _second_draft(full):
    return Resolution(heading=full.heading, preamble=full.preamble, operative=full.operative[:-1])


def _gather(paper, delegations, sponsors, signatories):
    main_user, main = _delegate(delegations, sponsors[0])
    for iso3, role in [(s, Supporter.Role.SPONSOR) for s in sponsors[1:]] + [
        (s, Supporter.Role.SIGNATORY) for s in signatories
    ]:
        user, delegation = _delegate(delegations, iso3)
        services.supporter_invite(
            paper=paper, delegation=main, actor=main_user, invitee=delegation, role=role
        )
        services.supporter_answer(paper=paper, delegation=delegation, actor=user, accept=True)
    return main_user, main


def _write(committee, delegations, code, title, sponsors, signatories, *, text=None):
    main_user, main = _delegate(delegations, sponsors[0])
    full = text or amendment_demo.approved_text(code, _seed(code))
    paper = services.paper_create(
        committee=committee,
        delegation=main,
        actor=main_user,
        title=title,
        resolution=_first_draft(full),
    )
    _gather(paper, delegations, sponsors, signatories)
    return paper, main_user, main, full


def _submit(paper, user, main):
    services.paper_submit(paper=paper, delegation=main, actor=user)


def _return_round_1(paper, director):
    for clause, comment in FEEDBACK[:1]:
        services.comment_add(paper=paper, actor=director, clause=clause, text=comment)
    services.paper_return(
        paper=paper,
        actor=director,
        general_comment="A solid base. Sharpen the operative clauses and say who does what.",
    )


def _return_round_2(paper, ad):
    for clause, comment in FEEDBACK[1:]:
        services.comment_add(paper=paper, actor=ad, clause=clause, text=comment)
    services.paper_return(
        paper=paper,
        actor=ad,
        general_comment="Nearly there: complete the last operative clause and check the citations.",
    )


def _revise(paper, user, main, resolution, note):
    services.paper_save_text(
        paper=paper, delegation=main, actor=user, resolution=resolution, note=note
    )


def close_without_votes(topic, chair):
    with clock.travel_to(at(3, 10, 55)):
        session_services.topic_close(topic=topic, actor=chair)


def build(committee, *, voting_procedure=close_without_votes):
    """Replay the week, at the conference's dates (New York time). ``voting_procedure(topic,
    chair)`` takes topic 1 to its close on Wednesday morning (the voting app's demo votes)."""
    if WorkingPaper.objects.filter(committee=committee).exists():
        return
    delegations = {
        d.member_state.iso3: d
        for d in Delegation.objects.filter(committee=committee).select_related("member_state")
    }
    director, ad, chair = _user("director"), _user("ad"), _user("chair")
    tick = dt.timedelta(seconds=40)

    with clock.travel_to(at(1, 10, 0), tick=tick):  # Monday: five proposals are written
        papers = [_write(committee, delegations, *spec) for spec in TOPIC_1]
        wildlife = _seed(MERGED[0])
        fifth, fifth_user, fifth_main, _ = _write(
            committee,
            delegations,
            *MERGED,
            text=Resolution(
                heading=wildlife.heading,
                preamble=wildlife.preamble[5:],
                operative=wildlife.operative[7:10],
            ),
        )
    third, third_user, third_main, third_full = papers[2]
    others = [p for i, p in enumerate(papers) if i != 2]

    with clock.travel_to(at(1, 15, 0), tick=tick):  # first submissions
        for paper, user, main, _ in papers:
            _submit(paper, user, main)
        _submit(fifth, fifth_user, fifth_main)
    with clock.travel_to(at(1, 17, 30), tick=tick):  # round 1: feedback, and a merge
        services.paper_merge(
            paper=fifth,
            into=third,
            actor=director,
            comment="Your paper and Working paper 1.5 cover the same ground: "
            "combine them into one text and resubmit.",
        )
        for paper, *_ in others:
            _return_round_1(paper, director)

    with clock.travel_to(at(2, 9, 30), tick=tick):  # Tuesday: revised and resubmitted
        for paper, user, main, full in papers:
            _revise(
                paper,
                user,
                main,
                _second_draft(full),
                "merged text revised" if paper == third else "after round 1",
            )
            _submit(paper, user, main)
    with clock.travel_to(at(2, 12, 0), tick=tick):  # round 2
        for paper, *_ in others:
            _return_round_2(paper, ad)
        services.comment_add(
            paper=third,
            actor=ad,
            clause="op 9.a.ii",
            text="Four levels deep below: could part of this be its own clause?",
        )
        services.paper_return(
            paper=third,
            actor=ad,
            general_comment="The merged text reads well; finish the last clause.",
        )
    with clock.travel_to(at(2, 14, 0), tick=tick):  # the seed's texts are submitted
        for paper, user, main, full in papers:
            _revise(paper, user, main, full, "after round 2")
            _submit(paper, user, main)
    with clock.travel_to(at(2, 16, 0), tick=tick):  # round 3: DR 1/1 to DR 1/4
        for paper, *_ in papers:
            services.paper_approve(paper=paper, actor=director)
    with clock.travel_to(at(2, 17, 30), tick=tick):  # amendments: DR 1/3 unfriendly, 1/4 friendly
        amendment_demo.propose(committee, "ccpcj-1-3", _seed("ccpcj-1-3"), director=director)
        amendment_demo.propose(committee, "ccpcj-1-4", _seed("ccpcj-1-4"), director=director)

    # Wednesday: voting procedure on topic 1 (recorded by the voting part: DR 1/3's unfriendly
    # amendment is put to the vote before its draft, adopted and applied), then topic 2.
    voting_procedure(committee.topics.get(status=Topic.Status.OPEN), chair)
    with clock.travel_to(at(3, 11, 0), tick=tick):
        session_services.topic_open_next(committee=committee, actor=chair)
    with clock.travel_to(at(3, 11, 15), tick=tick):
        paper, user, main, full = _write(committee, delegations, *TOPIC_2)
        _submit(paper, user, main)
    with clock.travel_to(at(3, 12, 0), tick=tick):
        _return_round_1(paper, director)
        _revise(paper, user, main, _second_draft(full), "after round 1")
        _submit(paper, user, main)
    with clock.travel_to(at(3, 13, 0), tick=tick):
        _return_round_2(paper, ad)
        _revise(paper, user, main, full, "after round 2")
        _submit(paper, user, main)
    with clock.travel_to(at(3, 14, 30), tick=tick):  # "approved ... by Wednesday afternoon"
        services.paper_approve(paper=paper, actor=director)
    with clock.travel_to(at(3, 15, 30), tick=tick):  # "with one amendment", a friendly one
        amendment_demo.propose(committee, "ccpcj-2-1", _seed("ccpcj-2-1"), director=director)
