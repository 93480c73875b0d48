"""The demo's first part: NMUN New York 2025, Conference B, the CCPCJ, its staff,
delegations, agenda and first roll calls. Safe to run again: everything is looked up
before it is created. ``python manage.py demo`` runs every app's part in order."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from sessions import clock, floor_demo, services
from sessions.models import (
    Attendance,
    BodyKind,
    Committee,
    Conference,
    DaisRole,
    Delegate,
    Meeting,
    MemberState,
)

DEMO_PASSWORD = "demo"
NEW_YORK = ZoneInfo("America/New_York")
TICK = dt.timedelta(seconds=20)


def at(day, hour, minute):
    """A moment of the conference week: day 0 is Sunday 13 April 2025, in New York."""
    return dt.datetime(2025, 4, 13 + day, hour, minute, tzinfo=NEW_YORK)


DISCLAIMER = (
    "National Model United Nations (nmun.org) organizes simulations of the United Nations. "
    "The resolutions in this document were the work of dedicated college and university "
    "students attending our conference. They are not official United Nation documents, and "
    "their contents are not the actual work of the United Nations entity simulated."
)

TOPICS = [
    "International Cooperation in Combating Transnational Organized Crime and Corruption",
    "Improving the Coordination of Efforts against Trafficking in Persons",
]

# 33 Member States. 32 answered the first roll call; Viet Nam arrived on Monday morning.
DELEGATIONS = [
    "ARG",
    "AUS",
    "AUT",
    "BRA",
    "CAN",
    "CHL",
    "CHN",
    "COL",
    "CUB",
    "EGY",
    "FRA",
    "DEU",
    "GHA",
    "IND",
    "IDN",
    "IRN",
    "ITA",
    "JPN",
    "KEN",
    "MEX",
    "MAR",
    "NGA",
    "PAK",
    "PER",
    "QAT",
    "RUS",
    "SAU",
    "ZAF",
    "THA",
    "TUR",
    "GBR",
    "USA",
    "VNM",
]
LATE_ARRIVAL = "VNM"
PRESENT_ONLY = {"CHN", "IRN", "RUS", "CUB", "PAK", "EGY", "SAU"}

STAFF = [
    ("director", "Theresa M.", "McMackin", DaisRole.Role.DIRECTOR),
    ("ad", "Hat", "Alzahrani", DaisRole.Role.ASSISTANT_DIRECTOR),
    ("chair", "Jacob", "Laurenzana", DaisRole.Role.CHAIR),
    ("rapporteur", "Riley", "Okafor", DaisRole.Role.RAPPORTEUR),
]


class SessionsDemo:
    def user(self, username, first="", last="", *, staff=False):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "is_staff": staff,
                "is_superuser": staff,
                "email": f"{username}@demo.invalid",
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        return user

    def build(self):
        # The secretariat sets the committee up the day before the conference.
        with clock.travel_to(at(-1, 10, 0), tick=TICK):
            return self._build()

    def _build(self):
        secretariat = self.user("secretariat", "Conference", "Secretariat", staff=True)
        conference, _ = Conference.objects.get_or_create(
            name="NMUN New York 2025",
            session_label="Conference B",
            defaults={
                "start_date": dt.date(2025, 4, 13),
                "end_date": dt.date(2025, 4, 17),
                "disclaimer": DISCLAIMER,
            },
        )
        committee, _ = Committee.objects.get_or_create(
            conference=conference,
            acronym="CCPCJ",
            defaults={
                "full_name": "Commission on Crime Prevention and Criminal Justice",
                "slug": "ccpcj",
                "body_kind": BodyKind.GENERAL,
            },
        )
        for username, first, last, role in STAFF:
            user = self.user(username, first, last)
            DaisRole.objects.get_or_create(committee=committee, user=user, role=role)

        states = {s.iso3: s for s in MemberState.objects.filter(iso3__in=DELEGATIONS)}
        delegations = {}
        for iso3 in DELEGATIONS:
            delegation, _ = services.delegation_add(
                committee=committee, member_state=states[iso3], actor=secretariat
            )
            delegations[iso3] = delegation
            user = self.user(f"delegate-{iso3.lower()}", "Delegate of", states[iso3].name)
            Delegate.objects.get_or_create(user=user, defaults={"delegation": delegation})

        chair = get_user_model().objects.get(username="chair")
        # Sunday evening: roll call, then the agenda ("adopted the agenda of 1, 2").
        with clock.travel_to(at(0, 19, 0), tick=TICK):
            first = Meeting.objects.filter(committee=committee, number=1).first()
            if first is None:
                first = services.meeting_open(
                    committee=committee, name="Sunday evening", starts_at=at(0, 19, 0), actor=chair
                )
            self.call_roll(first, delegations, chair, absent={LATE_ARRIVAL})
        with clock.travel_to(at(0, 19, 25), tick=TICK):
            for title in TOPICS:
                if not committee.topics.filter(title=title).exists():
                    services.topic_propose(committee=committee, title=title, actor=chair)
            committee.refresh_from_db()
            if not committee.agenda_adopted_at:
                self.adopt_agenda(committee, chair)
        # The floor on Sunday evening: speeches, an informal session, adjournment.
        floor_demo.sunday_evening(committee, at)
        # Monday morning: Viet Nam has arrived.
        with clock.travel_to(at(1, 9, 0), tick=TICK):
            second = Meeting.objects.filter(committee=committee, number=2).first()
            if second is None:
                second = services.meeting_open(
                    committee=committee, name="Monday morning", starts_at=at(1, 9, 0), actor=chair
                )
            self.call_roll(second, delegations, chair, absent=set())
        # Monday's speeches, then the informal session in which the papers are written.
        floor_demo.monday_morning(committee, at)
        return committee

    def adopt_agenda(self, committee, chair):
        """ "adopted the agenda of 1, 2" (the voting app's demo records the vote itself)."""
        services.agenda_adopt(committee=committee, order=[1, 2], actor=chair)

    def call_roll(self, meeting, delegations, chair, *, absent):
        answered = set(meeting.roll_call.values_list("delegation_id", flat=True))
        for iso3, delegation in delegations.items():
            if delegation.pk in answered:
                continue
            if iso3 in absent:
                status = Attendance.ABSENT
            elif iso3 in PRESENT_ONLY:
                status = Attendance.PRESENT
            else:
                status = Attendance.PRESENT_AND_VOTING
            services.roll_call_mark(
                meeting=meeting, delegation=delegation, status=status, actor=chair
            )

    def print_logins(self, committee, stdout, style):
        w = stdout.write
        w(style.SUCCESS(f"Demo ready: {committee} at {committee.conference}."))
        w(f"Every demo account's password is “{DEMO_PASSWORD}”.")
        w("  secretariat          Conference secretariat (and Django admin)")
        for username, first, last, role in STAFF:
            w(f"  {username:<20} {role.label}: {first} {last}")
        w(
            "  delegate-mex         Delegate of Mexico (every delegation has delegate-<iso3>, "
            "e.g. delegate-fra, delegate-usa)"
        )
