"""Conference, committee, delegations, dais, meetings, roll call, agenda and the audit log."""

import datetime
import functools
import math
import string
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property

from . import clock


class BodyKind(models.TextChoices):
    GENERAL = "general", "General (GA, ECOSOC and its commissions)"
    SECURITY_COUNCIL = "security_council", "Security Council"


class Majority(models.TextChoices):
    SIMPLE = "simple", "Simple majority"
    TWO_THIRDS = "two_thirds", "Two-thirds majority"


class QuorumRule(models.TextChoices):
    ONE_QUARTER = "one_quarter", "One quarter of the members"
    ONE_THIRD = "one_third", "One third of the members"
    MAJORITY = "majority", "A majority of the members"

    def required(self, members):
        """How many members must be present to meet this rule."""
        if members <= 0:
            return 0
        if self == QuorumRule.MAJORITY:
            return members // 2 + 1
        fraction = 4 if self == QuorumRule.ONE_QUARTER else 3
        return math.ceil(members / fraction)


@deconstructible
class CodeFormatValidator:
    """A code format may use only its placeholders, and must name the topic and the number."""

    def __init__(self, allowed):
        self.allowed = frozenset(allowed)

    def __call__(self, value):
        names = []
        try:
            for _, name, spec, conversion in string.Formatter().parse(value):
                if name is not None:
                    if spec or conversion:
                        raise ValidationError(f"Write placeholders plainly, like {{{name}}}.")
                    names.append(name)
        except ValueError:
            raise ValidationError("Braces must pair up, like {number}.") from None
        allowed = ", ".join(f"{{{n}}}" for n in sorted(self.allowed))
        unknown = [n for n in names if n not in self.allowed]
        if unknown:
            raise ValidationError(
                f"Unknown placeholder {{{unknown[0]}}}; the allowed placeholders are {allowed}."
            )
        # Drafts and resolutions are numbered within their topic (DR 1/1, DR 2/1): a format
        # without the topic would give the first of topic 2 the code of the first of topic 1.
        missing = [n for n in ("topic", "number") if n not in names]
        if missing:
            raise ValidationError(
                f"The format must contain {{topic}} and {{number}}: codes are numbered within "
                f"each topic (allowed: {allowed})."
            )

    def __eq__(self, other):
        return isinstance(other, CodeFormatValidator) and self.allowed == other.allowed


class Conference(models.Model):
    name = models.CharField(max_length=200, help_text='e.g. "NMUN New York 2025"')
    session_label = models.CharField(max_length=100, blank=True, help_text='e.g. "Conference B"')
    start_date = models.DateField()
    end_date = models.DateField()
    disclaimer = models.TextField(
        blank=True, help_text="Footnote printed on the title page of the documentation."
    )

    class Meta:
        ordering = ["-start_date", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "session_label"], name="conference_unique_name"
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="conference_dates_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.name}, {self.session_label}" if self.session_label else self.name

    @property
    def dates_display(self):
        start, end = self.start_date, self.end_date
        if start.year == end.year and start.month == end.month:
            return f"{start.day} - {end.day} {end:%B %Y}"
        return f"{start.day} {start:%B} - {end.day} {end:%B %Y}"


class Committee(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="committees")
    full_name = models.CharField(max_length=200)
    acronym = models.CharField(max_length=20)
    slug = models.SlugField(max_length=60, unique=True)
    body_kind = models.CharField(max_length=20, choices=BodyKind.choices, default=BodyKind.GENERAL)

    # Settings from DOMAIN.md, defaults following NMUN practice.
    signatory_threshold_percent = models.PositiveSmallIntegerField(
        default=20,
        help_text="Sponsors plus signatories needed to submit, as a percentage of the "
        "delegations present at the latest roll call (rounded up).",
    )
    closure_majority = models.CharField(
        max_length=20, choices=Majority.choices, default=Majority.TWO_THIRDS
    )
    draft_code_format = models.CharField(
        max_length=60,
        default="DR {topic}/{number}",
        help_text="Placeholders: {topic}, {number}.",
        validators=[CodeFormatValidator({"topic", "number"})],
    )
    resolution_code_format = models.CharField(
        max_length=60,
        default="{acronym}/{topic}/{number}",
        help_text="Placeholders: {acronym}, {topic}, {number}.",
        validators=[CodeFormatValidator({"acronym", "topic", "number"})],
    )
    debate_quorum = models.CharField(
        max_length=20,
        choices=QuorumRule.choices,
        default=QuorumRule.ONE_THIRD,
        help_text="Members present needed to open debate.",
    )
    vote_quorum = models.CharField(
        max_length=20,
        choices=QuorumRule.choices,
        default=QuorumRule.MAJORITY,
        help_text="Members present needed for any vote.",
    )
    roll_call_with_rights = models.BooleanField(
        default=False, help_text='Allow "yes/no with rights" answers in roll-call votes.'
    )
    speaking_time = models.PositiveIntegerField(
        "speaking time",
        default=90,
        validators=[MinValueValidator(5), MaxValueValidator(3600)],
        help_text="Seconds per speaker when a speakers list starts (5 to 3,600); a motion to "
        "set the speaking time changes it for that list.",
    )
    agenda_adopted_at = models.DateTimeField(null=True, blank=True)
    # The number of the last message in the committee's live stream (sessions.live): pages
    # carry it, so they know which message comes next and notice one they missed.
    live_seq = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["conference", "acronym"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "acronym"], name="committee_unique_acronym"
            ),
            models.CheckConstraint(
                condition=Q(signatory_threshold_percent__lte=100),
                name="committee_threshold_percent_max_100",
            ),
            models.CheckConstraint(
                condition=Q(speaking_time__gte=5) & Q(speaking_time__lte=3600),
                name="committee_speaking_time_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.acronym})"

    def save(self, *args, **kwargs):
        # live_seq only ever moves forward, in the database (sessions.live): saving a
        # committee loaded earlier must not write back an older number.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name != "live_seq"
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("committee:dashboard", kwargs={"committee": self.slug})

    @property
    def heading(self):
        """The phrase that opens every resolution text."""
        return f"The {self.full_name},"

    @property
    def is_security_council(self):
        return self.body_kind == BodyKind.SECURITY_COUNCIL

    def draft_code(self, *, topic_number, number):
        return self.draft_code_format.format(topic=topic_number, number=number)

    def resolution_code(self, *, topic_number, number):
        return self.resolution_code_format.format(
            acronym=self.acronym, topic=topic_number, number=number
        )


class MemberState(models.Model):
    """A UN Member State or a non-member observer State; loaded by a data migration."""

    iso3 = models.CharField("ISO 3166 alpha-3", max_length=3, unique=True)
    name = models.CharField(max_length=120, unique=True)
    is_un_member = models.BooleanField(default=True)
    is_permanent_member = models.BooleanField(
        default=False, help_text="Permanent member of the Security Council."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


@functools.lru_cache(maxsize=4096)
def english_order(name):
    """The key that puts names in English alphabetical order, accents folded ("Côte
    d'Ivoire" after "Costa Rica")."""
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if not unicodedata.combining(c)).casefold()


class Delegation(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="delegations")
    member_state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, null=True, blank=True, related_name="delegations"
    )
    organization_name = models.CharField(
        max_length=200, blank=True, help_text="For an observer organization (no member state)."
    )
    is_observer = models.BooleanField(
        default=False, help_text="Observers take part in debate but do not vote on substance."
    )
    added_at = models.DateTimeField(
        default=clock.now,
        editable=False,
        help_text="When the delegation joined the committee: meetings closed before it "
        "do not count it.",
    )
    withdrawn_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the delegation left the committee; its record (answers, "
        "signatures) stays, and meetings opened after it do not count it.",
    )

    class Meta:
        ordering = ["member_state__name", "organization_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "member_state"], name="delegation_unique_state"
            ),
            models.UniqueConstraint(
                fields=["committee", "organization_name"],
                condition=Q(member_state__isnull=True),
                name="delegation_unique_organization",
            ),
            models.CheckConstraint(
                condition=(Q(member_state__isnull=False) & Q(organization_name=""))
                | (Q(member_state__isnull=True) & ~Q(organization_name="") & Q(is_observer=True)),
                name="delegation_state_xor_observer_organization",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.member_state.name if self.member_state_id else self.organization_name

    @property
    def sort_key(self):
        return english_order(self.name)

    @property
    def is_permanent_member(self):
        return bool(self.member_state_id and self.member_state.is_permanent_member)

    @property
    def votes_on_substance(self):
        return not self.is_observer


class DaisRole(models.Model):
    class Role(models.TextChoices):
        DIRECTOR = "director", "Director"
        ASSISTANT_DIRECTOR = "assistant_director", "Assistant Director"
        CHAIR = "chair", "Chair"
        RAPPORTEUR = "rapporteur", "Rapporteur"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="dais_roles")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dais_roles"
    )
    role = models.CharField(max_length=30, choices=Role.choices)

    ROLE_ORDER = [Role.DIRECTOR, Role.ASSISTANT_DIRECTOR, Role.CHAIR, Role.RAPPORTEUR]

    class Meta:
        ordering = ["committee_id", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "user", "role"], name="dais_role_unique_per_user"
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()} of {self.committee.acronym}: {self.user}"


class Delegate(models.Model):
    """A user account representing one delegation."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="delegate"
    )
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="delegates")

    class Meta:
        ordering = ["delegation_id", "user__last_name"]

    def __str__(self):
        return f"{self.user} ({self.delegation})"


class Meeting(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="meetings")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=100, help_text='e.g. "Sunday evening"')
    starts_at = models.DateTimeField()
    opened_at = models.DateTimeField(default=clock.now, editable=False)
    closed_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="Set when the next meeting opens; the membership of this meeting is the "
        "delegations added before then.",
    )

    class Meta:
        ordering = ["committee_id", "number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(fields=["committee", "number"], name="meeting_unique_number"),
        ]

    def __str__(self):
        return f"Meeting {self.number}: {self.name}"

    @property
    def label(self):
        return f"{self.number}. {self.name}"


class Attendance(models.TextChoices):
    PRESENT = "present", "Present"
    PRESENT_AND_VOTING = "present_voting", "Present and voting"
    ABSENT = "absent", "Absent"

    @property
    def badge_class(self):
        return {
            "present": "text-bg-primary",
            "present_voting": "text-bg-success",
            "absent": "text-bg-secondary",
        }[self.value]


class RollCallEntry(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="roll_call")
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=Attendance.choices)
    marked_at = models.DateTimeField(default=clock.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "delegation"], name="roll_call_one_answer_per_delegation"
            ),
        ]

    def __str__(self):
        return f"{self.delegation}: {self.get_status_display()}"

    @property
    def is_present(self):
        return self.status != Attendance.ABSENT


class Topic(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        ADOPTED = "adopted", "On the agenda"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(max_length=300)
    proposed_number = models.PositiveSmallIntegerField()
    agenda_position = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    TRANSITIONS = {
        Status.PROPOSED: {Status.ADOPTED},
        Status.ADOPTED: {Status.OPEN},
        Status.OPEN: {Status.CLOSED},
        # A topic closed by mistake can be reopened by the dais (audited).
        Status.CLOSED: {Status.OPEN},
    }

    class Meta:
        ordering = ["committee_id", "agenda_position", "proposed_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "proposed_number"], name="topic_unique_proposed_number"
            ),
            models.UniqueConstraint(
                fields=["committee", "agenda_position"], name="topic_unique_agenda_position"
            ),
            models.UniqueConstraint(
                fields=["committee"],
                condition=Q(status="open"),
                name="topic_one_open_per_committee",
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def number(self):
        """The topic's number on the adopted agenda (its proposed number until then)."""
        return self.agenda_position or self.proposed_number

    BADGES = {
        Status.PROPOSED: "text-bg-warning",
        Status.ADOPTED: "text-bg-light border",
        Status.OPEN: "text-bg-success",
        Status.CLOSED: "text-bg-secondary",
    }

    def can_move_to(self, status):
        return status in self.TRANSITIONS[self.Status(self.status)]

    @property
    def badge_class(self):
        return self.BADGES[self.Status(self.status)]


class AuditEntry(models.Model):
    """One entry per action; written only by ``sessions.audit.log_action``."""

    created_at = models.DateTimeField(default=clock.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, null=True, blank=True, related_name="audit_entries"
    )
    action = models.CharField(max_length=80, db_index=True)
    target_type = models.CharField(max_length=80, blank=True)
    target_id = models.CharField(max_length=40, blank=True)
    target_repr = models.CharField(max_length=300, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["committee", "-created_at"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_repr}"


class RollCallSummary:
    """Counts and quorum of one meeting's roll call."""

    def __init__(self, *, committee, members, observers, counts, meeting=None):
        self.committee = committee
        self.meeting = meeting
        self.members = members
        self.observers = observers
        self.present = counts.get(Attendance.PRESENT, 0)
        self.present_and_voting = counts.get(Attendance.PRESENT_AND_VOTING, 0)
        self.absent = counts.get(Attendance.ABSENT, 0)
        self.members_present = counts.get("members_present", 0)

    @property
    def answered(self):
        return self.present + self.present_and_voting + self.absent

    @property
    def expected(self):
        return self.members + self.observers

    @property
    def in_progress(self):
        """The roll call of the current meeting is still being taken."""
        return (
            self.meeting is not None
            and self.meeting.closed_at is None
            and self.answered < self.expected
        )

    @property
    def total_present(self):
        return self.present + self.present_and_voting

    @cached_property
    def debate_quorum_required(self):
        return QuorumRule(self.committee.debate_quorum).required(self.members)

    @cached_property
    def vote_quorum_required(self):
        return QuorumRule(self.committee.vote_quorum).required(self.members)

    @property
    def has_debate_quorum(self):
        return self.members > 0 and self.members_present >= self.debate_quorum_required

    @property
    def has_vote_quorum(self):
        return self.members > 0 and self.members_present >= self.vote_quorum_required


# The live floor (formal debate) ---------------------------------------------------------


class Floor(models.Model):
    """A committee's floor: numbers every change for the screens that follow it live, and
    holds the suspension under way. Timers are stored as a start and a duration; every screen
    computes what remains, so a reload never resets one."""

    committee = models.OneToOneField(Committee, on_delete=models.CASCADE, related_name="floor")
    sequence = models.PositiveIntegerField(default=0)
    suspended_at = models.DateTimeField(null=True, blank=True)
    suspension_seconds = models.PositiveIntegerField(default=0)
    suspension_ended_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when the chair resumes the meeting early."
    )
    adjourned_at = models.DateTimeField(
        null=True, blank=True, help_text="The meeting was adjourned: the list waits."
    )

    def __str__(self):
        return f"Floor of {self.committee}"

    @property
    def suspension_ends_at(self):
        if self.suspended_at is None:
            return None
        end = self.suspended_at + datetime.timedelta(seconds=self.suspension_seconds)
        if self.suspension_ended_at is not None:
            end = min(end, self.suspension_ended_at)
        return end

    def is_suspended(self, now):
        end = self.suspension_ends_at
        return end is not None and now < end


class SpeakersList(models.Model):
    """The speakers list on one topic, with its speaking time: the committee's when the list
    starts, then as set by motion."""

    DEFAULT_SPEAKING_TIME = 90  # the committee setting's default

    topic = models.OneToOneField(Topic, on_delete=models.CASCADE, related_name="speakers_list")
    speaking_time = models.PositiveIntegerField(
        default=DEFAULT_SPEAKING_TIME, help_text="Seconds; applies from the next speaker."
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(speaking_time__gte=5) & Q(speaking_time__lte=3600),
                name="speakers_list_time_in_range",
            ),
        ]

    def __str__(self):
        return f"Speakers list on topic {self.topic.number}"


class Speech(models.Model):
    """A delegation on a speakers list: waiting, then speaking (start + duration stored),
    then done (with the time spoken and how it yielded)."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting"
        SPEAKING = "speaking", "Speaking"
        DONE = "done", "Done"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Yield(models.TextChoices):
        NONE = "", "Time ran out or ended"
        DAIS = "dais", "Yielded to the dais"
        QUESTIONS = "questions", "Yielded to questions"
        DELEGATION = "delegation", "Yielded to another delegation"

    S = Status
    TRANSITIONS = {
        S.WAITING: {S.SPEAKING, S.WITHDRAWN},
        S.SPEAKING: {S.DONE},
        S.DONE: set(),
        S.WITHDRAWN: set(),
    }

    speakers_list = models.ForeignKey(
        SpeakersList, on_delete=models.CASCADE, related_name="speeches"
    )
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)
    added_at = models.DateTimeField(default=clock.now)
    started_at = models.DateTimeField(null=True, blank=True)
    duration = models.PositiveIntegerField(
        default=0, help_text="Seconds given when called (the list's speaking time then)."
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    yielded = models.CharField(max_length=20, choices=Yield.choices, blank=True, default="")
    yielded_to = models.ForeignKey(
        Delegation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    yielded_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    questions = models.BooleanField(
        default=False,
        help_text="Questions to the delegation after its speech yielded to questions: the "
        "timer runs like a speech's, but it is not a speech of its own.",
    )

    class Meta:
        ordering = ["speakers_list_id", "added_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["speakers_list", "delegation"],
                condition=Q(status="waiting"),
                name="speech_once_waiting_per_list",
            ),
            models.UniqueConstraint(
                fields=["speakers_list"],
                condition=Q(status="speaking"),
                name="speech_one_speaking_per_list",
            ),
        ]

    def __str__(self):
        return f"{self.delegation} ({self.get_status_display()})"

    def can_move_to(self, status):
        return status in self.TRANSITIONS[self.Status(self.status)]

    @property
    def ends_at(self):
        if self.started_at is None:
            return None
        return self.started_at + datetime.timedelta(seconds=self.duration)

    @property
    def spoken(self):
        """Seconds spoken (so far, for the speech under way)."""
        if self.started_at is None:
            return 0
        end = self.ended_at or clock.now()
        return max(0, int((end - self.started_at).total_seconds()))


class FloorMotion(models.Model):
    """A motion raised by a delegation (or entered by the chair), waiting to be put to a
    procedural vote. ``PRECEDENCE``: lower first (DOMAIN.md, "Live floor")."""

    class Kind(models.TextChoices):
        SUSPEND = "suspend", "Suspend the meeting"
        ADJOURN_MEETING = "adjourn_meeting", "Adjourn the meeting"
        ADJOURN_DEBATE = "adjourn_debate", "Adjourn debate"
        CLOSURE = "closure", "Close debate"
        REORDER = "reorder", "Reorder draft resolutions"
        DIVISION = "division", "Divide the question"
        SPEAKING_TIME = "speaking_time", "Set the speaking time"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ADOPTED = "adopted", "Adopted"
        FAILED = "failed", "Failed"
        LAPSED = "lapsed", "Lapsed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    K = Kind
    PRECEDENCE = {
        K.SUSPEND: 1,
        K.ADJOURN_MEETING: 2,
        K.ADJOURN_DEBATE: 3,
        K.CLOSURE: 4,
        K.REORDER: 5,
        K.DIVISION: 5,
        K.SPEAKING_TIME: 5,
    }

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="floor_motions")
    topic = models.ForeignKey(
        Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Suspension: for how long."
    )
    seconds = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Speaking time: the new time per speaker."
    )
    order = models.CharField(max_length=100, blank=True, help_text="Reorder: draft numbers.")
    draft = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Division: draft.")
    parts = models.CharField(max_length=100, blank=True, help_text="Division: clauses.")
    delegation = models.ForeignKey(
        Delegation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The delegation that moved it (none: entered by the chair).",
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    raised_at = models.DateTimeField(default=clock.now)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    vote_id = models.PositiveIntegerField(
        null=True, blank=True, help_text="The procedural vote (voting app) that decided it."
    )
    result = models.CharField(max_length=200, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["committee_id", "raised_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="suspend") | Q(minutes__gte=1, minutes__lte=240),
                name="floor_motion_suspension_minutes",
            ),
            models.CheckConstraint(
                condition=~Q(kind="speaking_time") | Q(seconds__gte=5, seconds__lte=3600),
                name="floor_motion_speaking_time_seconds",
            ),
        ]

    def __str__(self):
        return self.subject

    @property
    def precedence_key(self):
        """Precedence first; among equals the most disruptive first (the longest
        suspension), then the order raised."""
        return (
            self.PRECEDENCE[self.Kind(self.kind)],
            -(self.minutes or 0),
            self.raised_at,
            self.pk,
        )

    @property
    def subject(self):
        K = self.Kind
        if self.kind == K.SUSPEND:
            return f"Suspend the meeting for {self.minutes} minutes"
        if self.kind == K.SPEAKING_TIME:
            return f"Set the speaking time to {format_seconds(self.seconds)}"
        if self.kind == K.REORDER:
            return f"Reorder the draft resolutions: {self.order}"
        if self.kind == K.DIVISION:
            return f"Divide the question on draft {self.draft}: operative clauses {self.parts}"
        if self.kind in (K.ADJOURN_DEBATE, K.CLOSURE) and self.topic_id:
            return f"{self.get_kind_display()} on topic {self.topic.number}"
        return self.get_kind_display()


def format_seconds(seconds):
    """90 → "1:30"."""
    seconds = int(seconds or 0)
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"
