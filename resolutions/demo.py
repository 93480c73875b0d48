"""The demo's second part: how the CCPCJ's drafts came to be, after the seed's summary report.

"By Tuesday, the Dais received a total of 5 proposals ... delegates received three rounds of
feedback and revision on their working papers. The dais approved 4 draft resolutions" and, on
topic 2, "1 proposal, which was approved as a draft resolution". Here: five working papers on
topic 1 (one merged into another), each approved paper reviewed three times (returned twice
with feedback, approved the third time), then one paper on topic 2. Every draft carries the
seed's text. Safe to run again: nothing is done once the committee has papers.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

from sessions import services as session_services
from sessions.models import Delegation, Topic

from . import services
from .models import Supporter, WorkingPaper
from .text import Resolution, parse

SEED = Path(settings.BASE_DIR) / "tests" / "data" / "seed"

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
    full = text or _seed(code)
    paper = services.paper_create(
        committee=committee,
        delegation=main,
        actor=main_user,
        title=title,
        resolution=_first_draft(full),
    )
    _gather(paper, delegations, sponsors, signatories)
    return paper, main_user, main, full


def _review_cycle(paper, main_user, main, full, director, ad):
    """Three rounds: returned with feedback twice, approved the third time."""
    services.paper_submit(paper=paper, delegation=main, actor=main_user)
    for clause, comment in FEEDBACK[:1]:
        services.comment_add(paper=paper, actor=director, clause=clause, text=comment)
    services.paper_return(
        paper=paper,
        actor=director,
        general_comment="A solid base. Sharpen the operative clauses and say who does what.",
    )
    services.paper_save_text(
        paper=paper,
        delegation=main,
        actor=main_user,
        resolution=_second_draft(full),
        note="after round 1",
    )
    services.paper_submit(paper=paper, delegation=main, actor=main_user)
    for clause, comment in FEEDBACK[1:]:
        services.comment_add(paper=paper, actor=ad, clause=clause, text=comment)
    services.paper_return(
        paper=paper,
        actor=ad,
        general_comment="Nearly there: complete the last operative clause and check the citations.",
    )
    services.paper_save_text(
        paper=paper, delegation=main, actor=main_user, resolution=full, note="after round 2"
    )
    services.paper_submit(paper=paper, delegation=main, actor=main_user)
    return services.paper_approve(paper=paper, actor=director)


def build(committee):
    if WorkingPaper.objects.filter(committee=committee).exists():
        return
    delegations = {
        d.member_state.iso3: d
        for d in Delegation.objects.filter(committee=committee).select_related("member_state")
    }
    director, ad, chair = _user("director"), _user("ad"), _user("chair")

    papers = [_write(committee, delegations, *spec) for spec in TOPIC_1]
    # The fifth proposal overlaps the third: the dais merges it in at the first round.
    wildlife = _seed(MERGED[0])
    merged_text = Resolution(
        heading=wildlife.heading, preamble=wildlife.preamble[5:], operative=wildlife.operative[7:10]
    )
    fifth, fifth_user, fifth_main, _ = _write(committee, delegations, *MERGED, text=merged_text)
    third, third_user, third_main, third_full = papers[2]
    services.paper_submit(paper=third, delegation=third_main, actor=third_user)
    services.paper_submit(paper=fifth, delegation=fifth_main, actor=fifth_user)
    services.paper_merge(
        paper=fifth,
        into=third,
        actor=director,
        comment="Your paper and Working paper 1.5 cover the same ground: "
        "combine them into one text and resubmit.",
    )
    services.paper_save_text(
        paper=third,
        delegation=third_main,
        actor=third_user,
        resolution=_second_draft(third_full),
        note="merged text revised",
    )
    services.paper_submit(paper=third, delegation=third_main, actor=third_user)
    services.comment_add(
        paper=third,
        actor=ad,
        clause="op 9.a.ii.1",
        text="Four levels deep: could this be its own clause?",
    )
    services.paper_return(
        paper=third, actor=ad, general_comment="The merged text reads well; finish the last clause."
    )
    services.paper_save_text(
        paper=third,
        delegation=third_main,
        actor=third_user,
        resolution=third_full,
        note="after round 2",
    )

    # Approved in the seed's order: DR 1/1 to DR 1/4.
    for index, (paper, user, main, full) in enumerate(papers):
        if index == 2:
            services.paper_submit(paper=paper, delegation=main, actor=user)
            services.paper_approve(paper=paper, actor=director)
        else:
            _review_cycle(paper, user, main, full, director, ad)

    # Wednesday: voting procedure on topic 1 (recorded by the voting part), then topic 2.
    topic_1 = committee.topics.get(status=Topic.Status.OPEN)
    session_services.topic_close(topic=topic_1, actor=chair)
    session_services.topic_open_next(committee=committee, actor=chair)
    paper, user, main, full = _write(committee, delegations, *TOPIC_2)
    _review_cycle(paper, user, main, full, director, ad)
