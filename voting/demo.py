"""The demo's third part: the seed's votes, recorded through the services.

Sunday evening the agenda is adopted by a procedural vote. On Wednesday morning, after a new
roll call, debate on topic 1 is closed and its four drafts are voted on in order: CCPCJ/1/1 and
CCPCJ/1/2 adopted without a vote; China's unfriendly amendment to DR 1/3 adopted by placard
(18–10–5) and applied; CCPCJ/1/3 by roll call 21–7–5 (Qatar passes and is called again);
CCPCJ/1/4 by placard 25–2–6. In the afternoon, once its draft is approved, topic 2:
CCPCJ/2/1 by placard 24–2–7. Safe to run again: nothing is done once the committee has votes.
"""

import datetime as dt

from django.contrib.auth import get_user_model

from sessions import clock, floor_demo
from sessions import services as session_services
from sessions.demo import SessionsDemo, at
from sessions.models import Delegation, Meeting, Topic

from . import services
from .models import Vote

TICK = dt.timedelta(seconds=10)

# CCPCJ/1/3, 21 in favor, 7 against, 5 abstentions. Those who abstain answered "present" at
# Wednesday's roll call; everyone else votes yes.
AGAINST_1_3 = ["AUS", "CAN", "GBR", "ITA", "PER", "TUR", "USA"]
ABSTAIN_1_3 = ["CHN", "CUB", "IRN", "RUS", "SAU"]
PASSES_1_3 = {"QAT": "yes"}
# China's amendment to DR 1/3, by placard (the seed gives no count; at most the five that
# answered "present" may abstain).
AMENDMENT_1_3 = {"yes": 18, "no": 10, "abstain": 5}


class VotingDemo(SessionsDemo):
    """The sessions demo, with the agenda adopted by a recorded procedural vote."""

    def adopt_agenda(self, committee, chair):
        # 32 delegations present on Sunday evening (Viet Nam arrives on Monday).
        services.motion_vote(
            committee=committee, motion="agenda", order=[1, 2], yes=30, no=2, actor=chair
        )


def _delegations(committee):
    return {
        d.member_state.iso3: d
        for d in Delegation.objects.filter(committee=committee).select_related("member_state")
    }


def _chair():
    return get_user_model().objects.get(username="chair")


def _take(item, method, chair):
    return services.item_vote_open(item=item, method=method, actor=chair)


def topic_1(topic, chair):
    """Wednesday morning: roll call, closure of debate and the four drafts."""
    committee = topic.committee
    if Vote.objects.filter(committee=committee, motion=Vote.Motion.ITEM).exists():
        return
    delegations = _delegations(committee)
    demo = VotingDemo()
    with clock.travel_to(at(3, 9, 0), tick=TICK):
        meeting = Meeting.objects.filter(committee=committee, number=3).first()
        if meeting is None:
            meeting = session_services.meeting_open(
                committee=committee, name="Wednesday morning", starts_at=at(3, 9, 0), actor=chair
            )
        demo.call_roll(meeting, delegations, chair, absent=set())
    # Closure of debate (30-3), moved from the floor after the last speeches.
    floor_demo.wednesday_topic_1(committee, at, yes=30, no=3)
    procedure = committee.procedures.get(topic=topic, status="open")
    items = list(procedure.items.order_by("position"))
    with clock.travel_to(at(3, 9, 45), tick=TICK):
        for item in items[:2]:
            services.vote_no_objection(vote=_take(item, "without_vote", chair), actor=chair)
    with clock.travel_to(at(3, 9, 50), tick=TICK):
        # Amendment 1 to DR 1/3 (China's, unfriendly) before its draft: adopted by placard
        # and applied, so DR 1/3 is voted on with the seed's text.
        amendment, items = items[2], items[3:]
        vote = _take(amendment, "placard", chair)
        services.vote_counts(vote=vote, actor=chair, **AMENDMENT_1_3)
    with clock.travel_to(at(3, 9, 55), tick=TICK):
        vote = _take(items[0], "without_vote", chair)
        services.vote_objection(vote=vote, method="roll_call", actor=chair)
        vote.refresh_from_db()
        answers = {}
        for iso3 in delegations:
            answers[iso3] = (
                "no" if iso3 in AGAINST_1_3 else "abstain" if iso3 in ABSTAIN_1_3 else "yes"
            )
        by_pk = {d.pk: iso3 for iso3, d in delegations.items()}
        for pk in vote.call_order:
            iso3 = by_pk[pk]
            answer = "pass" if iso3 in PASSES_1_3 else answers[iso3]
            services.ballot_record(
                vote=vote, delegation=delegations[iso3], answer=answer, actor=chair
            )
        for pk in vote.call_order:  # those who passed, called again in the same order
            iso3 = by_pk[pk]
            if iso3 in PASSES_1_3:
                services.ballot_record(
                    vote=vote, delegation=delegations[iso3], answer=PASSES_1_3[iso3], actor=chair
                )
        rapporteur = get_user_model().objects.get(username="rapporteur")
        services.vote_verify(vote=vote, actor=rapporteur)
        services.vote_announce(vote=vote, actor=chair)
    with clock.travel_to(at(3, 10, 30), tick=TICK):
        vote = _take(items[1], "placard", chair)
        services.vote_counts(vote=vote, yes=25, no=2, abstain=6, actor=chair)


def topic_2(committee):
    """Wednesday afternoon: closure of debate on topic 2 and CCPCJ/2/1."""
    topic = committee.topics.filter(status=Topic.Status.OPEN).first()
    if topic is None or committee.procedures.filter(topic=topic).exists():
        return
    chair = _chair()
    # Closure of debate (31-2), moved from the floor after topic 2's speeches.
    floor_demo.wednesday_topic_2(committee, at, yes=31, no=2)
    with clock.travel_to(at(3, 16, 1), tick=TICK):
        item = committee.procedures.get(topic=topic).items.get()
        vote = _take(item, "placard", chair)
        services.vote_counts(vote=vote, yes=24, no=2, abstain=7, actor=chair)
