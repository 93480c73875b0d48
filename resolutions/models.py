"""Working papers, their supporters, revisions and feedback rounds, and the draft resolutions
they become."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property

from sessions import clock
from sessions.models import Committee, Delegation, Topic

from .text import Resolution


class WorkingPaper(models.Model):
    class Status(models.TextChoices):
        DRAFTING = "drafting", "Drafting"
        SUBMITTED = "submitted", "Submitted"
        RETURNED = "returned", "Returned with feedback"
        RESUBMITTED = "resubmitted", "Resubmitted"
        APPROVED = "approved", "Approved as draft resolution"
        MERGED = "merged", "Merged"
        NOT_ACCEPTED = "not_accepted", "Not accepted"
        WITHDRAWN = "withdrawn", "Withdrawn"

    S = Status
    # Every move a paper can make, in one place.
    TRANSITIONS = {
        S.DRAFTING: {S.SUBMITTED, S.WITHDRAWN},
        S.SUBMITTED: {S.RETURNED, S.APPROVED, S.MERGED, S.NOT_ACCEPTED, S.WITHDRAWN},
        S.RETURNED: {S.RESUBMITTED, S.MERGED, S.WITHDRAWN},
        S.RESUBMITTED: {S.RETURNED, S.APPROVED, S.MERGED, S.NOT_ACCEPTED, S.WITHDRAWN},
        S.APPROVED: set(),
        S.MERGED: set(),
        S.NOT_ACCEPTED: set(),
        S.WITHDRAWN: set(),
    }
    # How each status looks on a badge (its words come from the choices above).
    BADGES = {
        S.DRAFTING: "text-bg-light border",
        S.SUBMITTED: "text-bg-primary",
        S.RESUBMITTED: "text-bg-primary",
        S.RETURNED: "text-bg-warning",
        S.APPROVED: "text-bg-success",
        S.MERGED: "text-bg-info",
        S.NOT_ACCEPTED: "text-bg-danger",
        S.WITHDRAWN: "text-bg-secondary",
    }
    EDITABLE = {S.DRAFTING, S.RETURNED}
    UNDER_REVIEW = {S.SUBMITTED, S.RESUBMITTED}

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="papers")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="papers")
    number = models.PositiveSmallIntegerField(help_text="Order of creation within the topic.")
    title = models.CharField(max_length=200, blank=True, help_text="A short name for the paper.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFTING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)
    status_changed_at = models.DateTimeField(default=clock.now)
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_papers"
    )
    reason = models.TextField(blank=True, help_text="Why it was not accepted or withdrawn.")

    class Meta:
        ordering = ["topic__agenda_position", "number"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "number"], name="paper_unique_number"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(
            "resolutions:paper", kwargs={"committee": self.committee.slug, "pk": self.pk}
        )

    @property
    def name(self):
        return f"Working paper {self.topic.number}.{self.number}"

    def can_move_to(self, status):
        return status in self.TRANSITIONS[self.Status(self.status)]

    @property
    def badge_class(self):
        return self.BADGES[self.Status(self.status)]

    def supporter_names(self, role):
        """Accepted sponsors (main sponsor first) or signatories, from prefetched rows."""
        rows = [
            s
            for s in self.supporters.all()
            if s.role == role and s.state == Supporter.State.ACCEPTED
        ]
        return [s.delegation.name for s in sorted(rows, key=lambda s: (s.position, s.pk))]

    @property
    def sponsor_names(self):
        return self.supporter_names(Supporter.Role.SPONSOR)

    @property
    def signatory_names(self):
        return self.supporter_names(Supporter.Role.SIGNATORY)

    def can_submit(self):
        return self.status in self.EDITABLE

    def can_edit(self):
        return self.status in self.EDITABLE

    def can_review(self):
        return self.status in self.UNDER_REVIEW

    def can_withdraw(self):
        return self.can_move_to(self.Status.WITHDRAWN)

    @property
    def is_open(self):
        return bool(self.TRANSITIONS[self.Status(self.status)])


class Supporter(models.Model):
    """A delegation that sponsors or signs a paper (or has been asked to)."""

    class Role(models.TextChoices):
        SPONSOR = "sponsor", "Sponsor"
        SIGNATORY = "signatory", "Signatory"

    class State(models.TextChoices):
        INVITED = "invited", "Invited"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined or withdrawn"

    paper = models.ForeignKey(WorkingPaper, on_delete=models.CASCADE, related_name="supporters")
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=20, choices=Role.choices)
    state = models.CharField(max_length=20, choices=State.choices, default=State.INVITED)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order among sponsors; the main sponsor is 0."
    )
    invited_at = models.DateTimeField(default=clock.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["paper_id", "role", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["paper", "delegation"], name="supporter_once_per_paper"
            ),
            models.UniqueConstraint(
                fields=["paper"],
                condition=Q(role="sponsor", position=0),
                name="paper_one_main_sponsor",
            ),
        ]

    def __str__(self):
        return f"{self.delegation} ({self.get_role_display()}, {self.get_state_display()})"


class Revision(models.Model):
    """One version of a paper's text; never overwritten."""

    paper = models.ForeignKey(WorkingPaper, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    text = models.JSONField(help_text="The structure documented in docs/resolution-json.md.")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["paper_id", "number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(fields=["paper", "number"], name="revision_unique_number"),
        ]

    def __str__(self):
        return f"{self.paper} revision {self.number}"

    @cached_property
    def resolution(self):
        return Resolution.from_dict(self.text)


class Round(models.Model):
    """One submission to the dais and the dais's answer to it."""

    class Outcome(models.TextChoices):
        PENDING = "pending", "Waiting for the dais"
        RETURNED = "returned", "Returned with feedback"
        APPROVED = "approved", "Approved"
        MERGED = "merged", "Merged"
        NOT_ACCEPTED = "not_accepted", "Not accepted"
        WITHDRAWN = "withdrawn", "Withdrawn"

    paper = models.ForeignKey(WorkingPaper, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField()
    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="rounds")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField()
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.PENDING)
    general_comment = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["paper_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "number"], name="round_unique_number"),
        ]

    def __str__(self):
        return f"{self.paper}, round {self.number}"


class Comment(models.Model):
    """The dais's comment on one clause of the revision a round reviewed."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="comments")
    clause = models.CharField(
        max_length=40, help_text='The clause in the round\'s revision, e.g. "op 3.b" or "pre 2".'
    )
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["round_id", "id"]

    def __str__(self):
        return f"{self.clause}: {self.text[:40]}"


class DraftResolution(models.Model):
    """An approved working paper: its text is frozen and it has a code such as DR 1/1."""

    paper = models.OneToOneField(WorkingPaper, on_delete=models.PROTECT, related_name="draft")
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="drafts")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="drafts")
    number = models.PositiveSmallIntegerField(help_text="Order of approval within the topic.")
    code = models.CharField(max_length=60)
    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="+")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_at = models.DateTimeField()

    class Meta:
        ordering = ["topic__agenda_position", "number"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "number"], name="draft_unique_number"),
            models.UniqueConstraint(fields=["committee", "code"], name="draft_unique_code"),
            models.CheckConstraint(condition=Q(number__gte=1), name="draft_number_positive"),
        ]

    def __str__(self):
        return self.code

    @cached_property
    def resolution(self):
        return self.revision.resolution


# Amendments live in their own module; imported here so Django finds them.
from .amendment_models import Amendment, AmendmentSupport  # noqa: E402, F401
