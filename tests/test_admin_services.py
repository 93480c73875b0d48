"""The admin is one more client of the services: every change made there leaves an audit
entry, and whatever a service owns is refused (issue: the record cannot be changed behind
its back)."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from sessions import floor, services
from sessions.models import (
    AuditEntry,
    Committee,
    Conference,
    DaisRole,
    Delegate,
    Delegation,
    Floor,
    FloorMotion,
    Meeting,
    MemberState,
    RollCallEntry,
    SpeakersList,
    Speech,
    Topic,
)

from .conftest import state
from .factories import UserFactory, open_floor

pytestmark = pytest.mark.django_db

# What the admin may do with each model of the project's apps: "service" (changes go through
# a service and are audited) or "read-only" (refused). A new model must be placed here.
EXPECTED = {
    Conference: "service",
    Committee: "service",
    Delegation: "service",
    DaisRole: "service",
    Delegate: "service",
    MemberState: "read-only",
    Meeting: "read-only",
    Topic: "read-only",
    AuditEntry: "read-only",
    Floor: "read-only",
    SpeakersList: "read-only",
    Speech: "read-only",
    FloorMotion: "read-only",
}
PROJECT_APPS = {"committee"}


@pytest.fixture
def sec(client, secretariat):
    secretariat.is_superuser = True
    secretariat.save()
    client.force_login(secretariat)
    return client


def url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def audit(action):
    return AuditEntry.objects.filter(action=action)


def test_every_registered_model_of_the_project_is_placed():
    registered = {m for m in admin.site._registry if m._meta.app_label in PROJECT_APPS}
    project_models = {
        m for label in PROJECT_APPS for m in apps.get_app_config(label).get_models()
    } - {RollCallEntry}  # shown inside its meeting, read-only
    assert registered == set(EXPECTED)
    assert project_models <= registered | {RollCallEntry}


@pytest.mark.parametrize("model", [m for m, how in EXPECTED.items() if how == "read-only"])
def test_read_only_models_refuse_every_change(sec, model, committee, delegations, chair):
    open_floor(committee, chair)
    floor.speaker_add(committee=committee, delegation=delegations[0], actor=chair)
    floor.motion_raise(committee=committee, kind="suspend", minutes=5, actor=chair)
    obj = model.objects.first()
    assert obj is not None
    before = model.objects.count()
    assert sec.get(url(model, "add")).status_code == 403
    assert sec.post(url(model, "change", obj.pk), {}).status_code == 403
    assert sec.post(url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
    assert model.objects.count() == before


def test_conference_changes_are_audited(sec, committee):
    conference = committee.conference
    response = sec.post(
        url(Conference, "change", conference.pk),
        {
            "name": "NMUN New York 2025",
            "session_label": "Conference B",
            "start_date": "2025-04-13",
            "end_date": "2025-04-17",
            "disclaimer": "",
            "committees-TOTAL_FORMS": "1",
            "committees-INITIAL_FORMS": "1",
            "committees-0-id": committee.pk,
            "committees-0-conference": conference.pk,
        },
    )
    assert response.status_code == 302
    entry = audit("conference.changed").get()
    assert entry.data["fields"] == ["name", "session_label"]
    assert sec.post(url(Conference, "delete", conference.pk), {"post": "yes"}).status_code == 403


def committee_form(committee, **changes):
    data = {
        "conference": committee.conference_id,
        "full_name": committee.full_name,
        "acronym": committee.acronym,
        "slug": committee.slug,
        "body_kind": committee.body_kind,
        "signatory_threshold_percent": committee.signatory_threshold_percent,
        "closure_majority": committee.closure_majority,
        "debate_quorum": committee.debate_quorum,
        "vote_quorum": committee.vote_quorum,
        "draft_code_format": committee.draft_code_format,
        "resolution_code_format": committee.resolution_code_format,
        "speaking_time": committee.speaking_time,
    }
    for prefix in ["dais_roles", "topics"]:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(changes)
    return data


def test_committee_rules_can_be_corrected_before_the_session(sec, committee):
    response = sec.post(
        url(Committee, "change", committee.pk),
        committee_form(committee, signatory_threshold_percent=25),
    )
    assert response.status_code == 302
    committee.refresh_from_db()
    assert committee.signatory_threshold_percent == 25
    assert audit("committee.changed").get().data["fields"] == ["signatory_threshold_percent"]


def test_committee_rules_are_refused_once_the_session_started(sec, committee, chair):
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    response = sec.post(
        url(Committee, "change", committee.pk),
        committee_form(committee, signatory_threshold_percent=10),
    )
    assert response.status_code == 200
    assert "its rules (signatory threshold percent) can no longer change" in (
        response.content.decode()
    )
    committee.refresh_from_db()
    assert committee.signatory_threshold_percent == 20
    assert not audit("committee.changed").exists()


def test_a_code_format_with_an_unknown_placeholder_is_refused(sec, committee):
    response = sec.post(
        url(Committee, "change", committee.pk),
        committee_form(committee, draft_code_format="DR {acronym}/{number}"),
    )
    assert response.status_code == 200
    assert "Unknown placeholder {acronym}; the allowed placeholders are {number}, {topic}." in (
        response.content.decode()
    )
    committee.refresh_from_db()
    assert committee.draft_code_format == "DR {topic}/{number}"


@pytest.mark.parametrize(
    "field,value",
    [
        ("resolution_code_format", "{acronym}/{number}"),
        ("draft_code_format", "DR {number}"),
        ("draft_code_format", "DR {topic}"),
    ],
)
def test_a_code_format_must_name_the_topic_and_the_number(sec, committee, field, value):
    """Codes are numbered within each topic: without the topic, the first resolution of topic 2
    would take CCPCJ/1, the code of topic 1's first, and could never be adopted."""
    before = getattr(committee, field)
    response = sec.post(
        url(Committee, "change", committee.pk), committee_form(committee, **{field: value})
    )
    assert response.status_code == 200
    assert "The format must contain {topic} and {number}: codes are numbered within each topic" in (
        response.content.decode()
    )
    committee.refresh_from_db()
    assert getattr(committee, field) == before


def test_committees_cannot_be_deleted(sec, committee):
    assert sec.post(url(Committee, "delete", committee.pk), {"post": "yes"}).status_code == 403
    assert Committee.objects.filter(pk=committee.pk).exists()


def test_a_delegation_added_in_the_admin_is_audited(sec, committee):
    response = sec.post(
        url(Delegation, "add"),
        {
            "committee": committee.pk,
            "member_state": state("VNM").pk,
            "organization_name": "",
            "delegates-TOTAL_FORMS": "0",
            "delegates-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert audit("delegation.added").get().data == {"name": "Viet Nam", "observer": False}


def test_a_delegation_is_withdrawn_never_deleted(sec, committee, delegations, chair):
    open_floor(committee, chair)
    canada_answers = RollCallEntry.objects.filter(delegation=delegations[0]).count()
    assert (
        sec.post(url(Delegation, "delete", delegations[0].pk), {"post": "yes"}).status_code == 403
    )
    sec.post(
        url(Delegation, "changelist"),
        {"action": "withdraw", "_selected_action": [delegations[0].pk]},
    )
    delegations[0].refresh_from_db()
    assert delegations[0].withdrawn_at is not None
    assert RollCallEntry.objects.filter(delegation=delegations[0]).count() == canada_answers
    assert audit("delegation.withdrawn").count() == 1
    # The next meeting does not count it; the first one still does.
    first = Meeting.objects.get(committee=committee)
    from sessions import selectors

    assert selectors.roll_call_summary(committee, first).members == 5
    second = services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    assert selectors.roll_call_summary(committee, second).members == 4


def test_observer_status_cannot_change_after_a_roll_call(sec, committee, delegations, chair):
    open_floor(committee, chair)
    mexico = delegations[0]
    response = sec.post(
        url(Delegation, "change", mexico.pk),
        {
            "is_observer": "on",
            "delegates-TOTAL_FORMS": "0",
            "delegates-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "can no longer change between member and observer" in response.content.decode()
    mexico.refresh_from_db()
    assert not mexico.is_observer


def test_dais_roles_are_assigned_and_removed_through_the_service(sec, committee):
    user = UserFactory(username="rapporteur")
    response = sec.post(
        url(DaisRole, "add"), {"committee": committee.pk, "user": user.pk, "role": "rapporteur"}
    )
    assert response.status_code == 302
    role = DaisRole.objects.get(user=user)
    assert audit("dais.assigned").get().data == {"user": "rapporteur", "role": "rapporteur"}
    assert sec.post(url(DaisRole, "change", role.pk), {"role": "chair"}).status_code == 403
    assert sec.post(url(DaisRole, "delete", role.pk), {"post": "yes"}).status_code == 302
    assert not DaisRole.objects.filter(user=user).exists()
    assert audit("dais.removed").get().data == {"user": "rapporteur", "role": "rapporteur"}


def test_delegates_are_seated_and_unseated_through_the_service(sec, committee, delegations):
    user = UserFactory(username="ana")
    response = sec.post(url(Delegate, "add"), {"user": user.pk, "delegation": delegations[0].pk})
    assert response.status_code == 302
    assert audit("delegate.assigned").get().data == {"user": "ana", "delegation": "Mexico"}
    response = sec.post(url(Delegate, "add"), {"user": user.pk, "delegation": delegations[1].pk})
    assert response.status_code == 200
    assert "ana already represents Mexico." in response.content.decode()
    delegate = Delegate.objects.get(user=user)
    assert sec.post(url(Delegate, "delete", delegate.pk), {"post": "yes"}).status_code == 302
    assert audit("delegate.removed").count() == 1


def test_the_secretariat_sets_the_speaking_time_before_the_session(sec, committee, chair):
    response = sec.post(
        url(Committee, "change", committee.pk), committee_form(committee, speaking_time=120)
    )
    assert response.status_code == 302
    committee.refresh_from_db()
    assert committee.speaking_time == 120
    assert audit("committee.changed").get().data["fields"] == ["speaking_time"]
    response = sec.post(
        url(Committee, "change", committee.pk), committee_form(committee, speaking_time=4)
    )
    assert response.status_code == 200
    assert "Ensure this value is greater than or equal to 5." in response.content.decode()
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    response = sec.post(
        url(Committee, "change", committee.pk), committee_form(committee, speaking_time=60)
    )
    assert response.status_code == 200
    assert "its rules (speaking time) can no longer change" in response.content.decode()
    committee.refresh_from_db()
    assert committee.speaking_time == 120
