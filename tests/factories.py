import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from sessions.models import (
    Committee,
    Conference,
    DaisRole,
    Delegate,
    Delegation,
    Meeting,
    MemberState,
    Topic,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "pw")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ConferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conference

    name = factory.Sequence(lambda n: f"Test MUN {2000 + n}")
    session_label = "Conference A"
    start_date = dt.date(2025, 4, 13)
    end_date = dt.date(2025, 4, 17)


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee

    conference = factory.SubFactory(ConferenceFactory)
    full_name = "Commission on Crime Prevention and Criminal Justice"
    acronym = factory.Sequence(lambda n: f"C{n}")
    slug = factory.Sequence(lambda n: f"committee-{n}")


def member_state(index):
    """The index-th Member State in alphabetical order (migrations load all 193)."""
    return MemberState.objects.filter(is_un_member=True).order_by("name")[index]


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation

    committee = factory.SubFactory(CommitteeFactory)
    member_state = factory.Sequence(lambda n: member_state(n % 193))


class DaisRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DaisRole

    committee = factory.SubFactory(CommitteeFactory)
    user = factory.SubFactory(UserFactory)
    role = DaisRole.Role.CHAIR


class DelegateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegate

    user = factory.SubFactory(UserFactory)
    delegation = factory.SubFactory(DelegationFactory)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    committee = factory.SubFactory(CommitteeFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = "Sunday evening"
    starts_at = factory.LazyFunction(timezone.now)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    committee = factory.SubFactory(CommitteeFactory)
    title = factory.Sequence(lambda n: f"Topic title {n}")
    proposed_number = factory.Sequence(lambda n: n + 1)


def open_floor(committee, chair, *, present=None):
    """Topics adopted (topic 1 open) and a roll call where ``present`` delegations answered
    present (all when None)."""
    from sessions import services

    services.topic_propose(committee=committee, title="Organized crime", actor=chair)
    services.topic_propose(committee=committee, title="Trafficking in persons", actor=chair)
    services.agenda_adopt(committee=committee, order=[1, 2], actor=chair)
    meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    delegations = sorted(
        committee.delegations.select_related("member_state"), key=lambda d: d.sort_key
    )
    for i, delegation in enumerate(delegations):
        status = "present_voting" if present is None or i < present else "absent"
        services.roll_call_mark(meeting=meeting, delegation=delegation, status=status, actor=chair)
    return meeting


def delegate_of(delegation):
    """A delegate (user) of ``delegation``: its first, or a new one. Services that act for a
    delegation refuse anyone else."""
    found = (
        Delegate.objects.filter(delegation=delegation).select_related("user").order_by("pk").first()
    )
    return found.user if found else DelegateFactory(delegation=delegation).user
