from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from resolutions import demo
from resolutions.models import DraftResolution, Revision, Round, WorkingPaper
from resolutions.text import parse
from sessions.models import (
    AuditEntry,
    Committee,
    DaisRole,
    Delegate,
    Delegation,
    FloorMotion,
    Meeting,
    RollCallEntry,
    SpeakersList,
    Speech,
    Topic,
)
from sessions.selectors import roll_call_summary
from voting.models import Ballot, Resolution, Vote

pytestmark = pytest.mark.django_db(transaction=True)

SEED = demo.SEED
NEW_YORK = ZoneInfo("America/New_York")
MODELS = [
    Committee,
    DaisRole,
    Delegate,
    Delegation,
    Meeting,
    RollCallEntry,
    Topic,
    AuditEntry,
    WorkingPaper,
    Revision,
    Round,
    DraftResolution,
    Vote,
    Ballot,
    Resolution,
    Speech,
    FloorMotion,
]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_demo_loads_the_seed_committee_and_twice_duplicates_nothing(member_states):
    out = StringIO()
    call_command("demo", stdout=out)
    committee = Committee.objects.get(acronym="CCPCJ")
    assert committee.conference.name == "NMUN New York 2025"
    assert committee.conference.session_label == "Conference B"
    assert committee.conference.dates_display == "13 - 17 April 2025"
    staff = {r.get_role_display(): r.user.get_full_name() for r in committee.dais_roles.all()}
    assert staff["Director"] == "Theresa M. McMackin"
    assert staff["Assistant Director"] == "Hat Alzahrani"
    assert staff["Chair"] == "Jacob Laurenzana"
    topics = list(committee.topics.order_by("agenda_position"))
    assert [t.title for t in topics] == [
        "International Cooperation in Combating Transnational Organized Crime and Corruption",
        "Improving the Coordination of Efforts against Trafficking in Persons",
    ]
    # Both topics closed by their voting procedure, with the seed's results.
    assert (topics[0].status, topics[1].status) == ("closed", "closed")
    results = [
        (r.code, r.vote.result, r.vote.method)
        for r in Resolution.objects.select_related("vote").order_by(
            "topic__agenda_position", "number"
        )
    ]
    assert results == [
        ("CCPCJ/1/1", "Adopted without a vote", "without_vote"),
        ("CCPCJ/1/2", "Adopted without a vote", "without_vote"),
        ("CCPCJ/1/3", "21 in favor, 7 against, 5 abstentions", "roll_call"),
        ("CCPCJ/1/4", "25 in favor, 2 against, 6 abstentions", "placard"),
        ("CCPCJ/2/1", "24 in favor, 2 against, 7 abstentions", "placard"),
    ]
    roll_call = Vote.objects.get(method="roll_call")
    assert roll_call.ballots.count() == 33 and roll_call.ballots.filter(passed=True).count() == 1
    agenda = Vote.objects.get(motion="agenda")
    assert agenda.adopted and agenda.kind == "procedural" and agenda.entitled == 32
    assert committee.delegations.count() == 33
    first = committee.meetings.get(number=1)
    assert roll_call_summary(committee, first).members_present == 32
    assert roll_call_summary(committee, committee.meetings.get(number=2)).members_present == 33
    assert "chair" in out.getvalue() and "password" in out.getvalue()

    # The seed's history: 5 proposals on topic 1, one merged; 4 drafts there, 1 on topic 2.
    papers = WorkingPaper.objects.filter(committee=committee)
    assert papers.filter(topic__agenda_position=1).count() == 5
    assert papers.filter(status="merged").count() == 1
    codes = list(
        DraftResolution.objects.order_by("topic__agenda_position", "number").values_list(
            "code", flat=True
        )
    )
    assert codes == ["DR 1/1", "DR 1/2", "DR 1/3", "DR 1/4", "DR 2/1"]
    # Three rounds of feedback and revision: returned twice, approved at the third.
    assert max(p.rounds.count() for p in papers) == 3
    assert Round.objects.filter(outcome="returned").count() >= 8
    for draft in DraftResolution.objects.select_related("topic", "revision"):
        seed = f"ccpcj-{draft.topic.number}-{draft.number}.txt"
        expected = parse((SEED / seed).read_text(encoding="utf-8")).resolution
        assert draft.revision.resolution == expected, draft.code

    # The week is replayed at the conference's dates (New York time).
    def day(moment):
        return timezone.localtime(moment, NEW_YORK).strftime("%A %d")

    assert day(committee.agenda_adopted_at) == "Sunday 13"
    assert {day(d.approved_at) for d in DraftResolution.objects.filter(topic=topics[0])} == {
        "Tuesday 15"
    }
    assert day(DraftResolution.objects.get(topic=topics[1]).approved_at) == "Wednesday 16"
    entries = list(AuditEntry.objects.order_by("id"))  # in the order things were done
    stamps = [e.created_at for e in entries]
    assert stamps == sorted(stamps)
    assert day(entries[-1].created_at) == "Wednesday 16"

    # The floor: speeches on both topics and the motions of the week, each closure once.
    def speakers(topic, weekday):
        return [
            s.delegation.member_state.iso3
            for s in Speech.objects.filter(speakers_list__topic=topic, questions=False)
            .exclude(status="waiting")
            .select_related("delegation__member_state")
            .order_by("started_at")
            if day(s.started_at).startswith(weekday)
        ]

    assert speakers(topics[0], "Sunday") == ["MEX", "FRA", "BRA", "KEN", "NGA", "CHN", "USA"]
    assert speakers(topics[0], "Monday") == ["IND", "VNM", "ZAF"]  # Viet Nam arrived Monday
    assert speakers(topics[0], "Wednesday") == ["JPN", "TUR", "PER"]
    assert speakers(topics[1], "Wednesday") == ["DEU", "THA", "COL"]
    assert not Speech.objects.filter(status__in=["waiting", "speaking"]).exists()
    assert SpeakersList.objects.get(topic=topics[0]).speaking_time == 60  # set by motion
    assert SpeakersList.objects.get(topic=topics[1]).speaking_time == 90  # the committee's
    motions = [
        (day(m.decided_at), m.subject, m.status, m.result)
        for m in FloorMotion.objects.order_by("decided_at")
    ]
    assert motions == [
        ("Sunday 13", "Suspend the meeting for 45 minutes", "failed", "12 in favor, 20 against"),
        ("Sunday 13", "Suspend the meeting for 30 minutes", "adopted", "27 in favor, 5 against"),
        ("Sunday 13", "Adjourn the meeting", "adopted", "29 in favor, 3 against"),
        ("Monday 14", "Set the speaking time to 1:00", "adopted", "24 in favor, 9 against"),
        ("Monday 14", "Suspend the meeting for 90 minutes", "adopted", "31 in favor, 2 against"),
        ("Wednesday 16", "Close debate on topic 1", "adopted", "30 in favor, 3 against"),
        ("Wednesday 16", "Close debate on topic 2", "adopted", "31 in favor, 2 against"),
    ]
    closures = Vote.objects.filter(motion="closure").order_by("id")
    assert [v.result for v in closures] == ["30 in favor, 3 against", "31 in favor, 2 against"]
    assert set(FloorMotion.objects.filter(kind="closure").values_list("vote_id", flat=True)) == {
        v.pk for v in closures
    }

    before = counts()
    call_command("demo", stdout=StringIO())
    assert counts() == before
