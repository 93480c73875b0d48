"""Pages run a fixed number of queries whatever the committee's size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sessions import services
from sessions.models import Attendance, MemberState

from .factories import DelegateFactory, DelegationFactory

pytestmark = pytest.mark.django_db


def fill(committee, chair, size):
    states = list(MemberState.objects.filter(is_un_member=True).order_by("iso3")[:size])
    meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    for i, state in enumerate(states):
        delegation = DelegationFactory(committee=committee, member_state=state)
        DelegateFactory(delegation=delegation)
        services.roll_call_mark(
            meeting=meeting, delegation=delegation, status=Attendance.values[i % 3], actor=chair
        )
    services.topic_propose(committee=committee, title="Organized crime", actor=chair)
    services.agenda_adopt(committee=committee, order=[1], actor=chair)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("page", "budget"),
    [
        ("committee:dashboard", 13),
        ("committee:roll_call", 11),
        ("committee:timeline", 8),
        ("committee:agenda", 6),
    ],
)
def test_committee_pages_have_bounded_queries(
    client, committee, chair, page, budget, django_assert_max_num_queries
):
    client.force_login(chair)
    url = reverse(page, kwargs={"committee": committee.slug})
    fill(committee, chair, 10)
    small = count_queries(client, url)
    fill_more = list(MemberState.objects.filter(is_un_member=True).order_by("iso3")[10:193])
    meeting = committee.meetings.get()
    for i, state in enumerate(fill_more):
        delegation = DelegationFactory(committee=committee, member_state=state)
        services.roll_call_mark(
            meeting=meeting, delegation=delegation, status=Attendance.values[i % 3], actor=chair
        )
    assert committee.delegations.count() == 193
    with django_assert_max_num_queries(budget):
        large = count_queries(client, url)
    assert large == small, (small, large)


def test_conference_overview_has_bounded_queries(
    client, committee, other_committee, chair, secretariat, django_assert_max_num_queries
):
    fill(committee, chair, 10)
    client.force_login(secretariat)
    url = reverse("conference_overview")
    small = count_queries(client, url)
    fill(other_committee, chair, 193)
    with django_assert_max_num_queries(10):
        assert count_queries(client, url) == small


@pytest.mark.parametrize(
    ("page", "budget"), [("committee:delegate_home", 13), ("committee:live_state", 11)]
)
def test_what_every_delegate_keeps_open_has_bounded_queries(
    client, committee, chair, page, budget, django_assert_max_num_queries
):
    fill(committee, chair, 10)
    delegate = committee.delegations.first()
    user = DelegateFactory(delegation=delegate).user
    client.force_login(user)
    url = reverse(page, kwargs={"committee": committee.slug})
    small = count_queries(client, url)
    meeting = committee.meetings.get()
    more = MemberState.objects.filter(is_un_member=True).order_by("iso3")[10:193]
    for i, state in enumerate(more):
        delegation = DelegationFactory(committee=committee, member_state=state)
        services.roll_call_mark(
            meeting=meeting, delegation=delegation, status=Attendance.values[i % 3], actor=chair
        )
    with django_assert_max_num_queries(budget):
        assert count_queries(client, url) == small
