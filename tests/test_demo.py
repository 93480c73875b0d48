from io import StringIO

import pytest
from django.core.management import call_command

from sessions.models import (
    AuditEntry,
    Committee,
    DaisRole,
    Delegate,
    Delegation,
    Meeting,
    RollCallEntry,
    Topic,
)
from sessions.selectors import roll_call_summary

pytestmark = pytest.mark.django_db(transaction=True)


def counts():
    return {
        model.__name__: model.objects.count()
        for model in [
            Committee,
            DaisRole,
            Delegate,
            Delegation,
            Meeting,
            RollCallEntry,
            Topic,
            AuditEntry,
        ]
    }


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
    assert topics[0].status == "open"
    assert committee.delegations.count() == 33
    first = committee.meetings.get(number=1)
    assert roll_call_summary(committee, first).members_present == 32
    assert roll_call_summary(committee, committee.meetings.get(number=2)).members_present == 33
    assert "chair" in out.getvalue() and "password" in out.getvalue()

    before = counts()
    call_command("demo", stdout=StringIO())
    assert counts() == before
