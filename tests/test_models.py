import pytest
from django.db import IntegrityError, transaction

from sessions.models import Attendance, MemberState, QuorumRule, RollCallEntry, Topic

from .factories import DelegationFactory, MeetingFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_member_states_are_loaded_with_observers_and_permanent_members():
    assert MemberState.objects.filter(is_un_member=True).count() == 193
    observers = set(MemberState.objects.filter(is_un_member=False).values_list("iso3", flat=True))
    assert observers == {"VAT", "PSE"}
    permanent = set(
        MemberState.objects.filter(is_permanent_member=True).values_list("iso3", flat=True)
    )
    assert permanent == {"CHN", "FRA", "RUS", "GBR", "USA"}


def test_one_roll_call_answer_per_delegation_per_meeting(committee, delegations):
    meeting = MeetingFactory(committee=committee)
    RollCallEntry.objects.create(
        meeting=meeting, delegation=delegations[0], status=Attendance.PRESENT
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        RollCallEntry.objects.create(
            meeting=meeting, delegation=delegations[0], status=Attendance.ABSENT
        )


def test_a_member_state_sits_once_in_a_committee(committee, delegations):
    with pytest.raises(IntegrityError), transaction.atomic():
        DelegationFactory(committee=committee, member_state=delegations[0].member_state)


def test_a_delegation_is_a_state_or_a_named_observer_organization(committee):
    with pytest.raises(IntegrityError), transaction.atomic():
        DelegationFactory(committee=committee, member_state=None, organization_name="")
    with pytest.raises(IntegrityError), transaction.atomic():
        DelegationFactory(
            committee=committee, member_state=None, organization_name="UNODC", is_observer=False
        )


def test_only_one_topic_open_per_committee(committee):
    TopicFactory(committee=committee, status=Topic.Status.OPEN)
    with pytest.raises(IntegrityError), transaction.atomic():
        TopicFactory(committee=committee, status=Topic.Status.OPEN)


def test_meeting_numbers_are_unique_in_a_committee(committee):
    MeetingFactory(committee=committee, number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(committee=committee, number=1)


@pytest.mark.parametrize(
    ("rule", "members", "needed"),
    [
        (QuorumRule.ONE_THIRD, 33, 11),
        (QuorumRule.ONE_THIRD, 34, 12),
        (QuorumRule.ONE_THIRD, 1, 1),
        (QuorumRule.MAJORITY, 33, 17),
        (QuorumRule.MAJORITY, 34, 18),
        (QuorumRule.ONE_QUARTER, 10, 3),
        (QuorumRule.MAJORITY, 0, 0),
    ],
)
def test_quorum_rules(rule, members, needed):
    assert rule.required(members) == needed


def test_delegations_sort_in_english_alphabetical_order_with_accents_folded(committee):
    from sessions.selectors import roster

    for code in ["CZE", "CIV", "CRI", "TUR", "TUN"]:
        DelegationFactory(committee=committee, member_state=MemberState.objects.get(iso3=code))
    names = [d.name for d, _ in roster(committee, None)]
    assert names == ["Costa Rica", "Côte d'Ivoire", "Czechia", "Tunisia", "Türkiye"]


def test_codes_follow_the_committee_formats(committee):
    assert committee.draft_code(topic_number=1, number=2) == "DR 1/2"
    assert committee.resolution_code(topic_number=2, number=1) == "CCPCJ/2/1"
    committee.draft_code_format = "Draft {topic}.{number}"
    assert committee.draft_code(topic_number=1, number=3) == "Draft 1.3"
