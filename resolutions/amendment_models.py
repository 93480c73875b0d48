"""Amendments to draft resolutions and the delegations that sign or consent to them.

Imported by ``resolutions.models`` so Django finds the models; services live in
``resolutions.amendment_services``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property

from sessions import clock
from sessions.models import Committee, Delegation

from .text import amend as text_amend


class Amendment(models.Model):
    """Operations on the operative part of one draft resolution (``resolutions.text.amend``).

    Friendly: proposed by a sponsor, consented to by every sponsor, approved by the dais and
    applied at once. Unfriendly: signed up to the committee's threshold, approved by the dais,
    then voted on before its draft (``APPROVED`` is "waiting for the vote"); the voting app
    calls ``amendment_apply_adopted`` or ``amendment_mark_failed``.
    """

    class Kind(models.TextChoices):
        FRIENDLY = "friendly", "Friendly"
        UNFRIENDLY = "unfriendly", "Unfriendly"

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        AWAITING_CONSENTS = "awaiting_consents", "Awaiting the sponsors' consent"
        AWAITING_DAIS = "awaiting_dais", "Awaiting the dais"
        APPROVED = "approved", "Approved, waiting for the vote"
        APPLIED = "applied", "Applied"
        REJECTED = "rejected", "Rejected"
        WITHDRAWN = "withdrawn", "Withdrawn"
        FAILED = "failed", "Failed in the vote"
        NEEDS_REVISION = "needs_revision", "Needs revision"

    S = Status
    # Every move an amendment can make, in one place.
    TRANSITIONS = {
        S.PROPOSED: {S.AWAITING_CONSENTS, S.AWAITING_DAIS, S.WITHDRAWN, S.NEEDS_REVISION},
        S.AWAITING_CONSENTS: {S.AWAITING_DAIS, S.PROPOSED, S.WITHDRAWN, S.NEEDS_REVISION},
        S.AWAITING_DAIS: {S.APPROVED, S.APPLIED, S.REJECTED, S.WITHDRAWN, S.NEEDS_REVISION},
        S.APPROVED: {S.APPLIED, S.FAILED, S.WITHDRAWN, S.NEEDS_REVISION},
        S.NEEDS_REVISION: {
            S.PROPOSED,
            S.AWAITING_CONSENTS,
            S.AWAITING_DAIS,
            S.WITHDRAWN,
            S.NEEDS_REVISION,
        },
        S.APPLIED: set(),
        S.REJECTED: set(),
        S.WITHDRAWN: set(),
        S.FAILED: set(),
    }
    # How each status looks on a badge (its words come from the choices above).
    BADGES = {
        S.PROPOSED: "text-bg-light border",
        S.AWAITING_CONSENTS: "text-bg-info",
        S.AWAITING_DAIS: "text-bg-primary",
        S.APPROVED: "text-bg-warning",
        S.APPLIED: "text-bg-success",
        S.REJECTED: "text-bg-danger",
        S.WITHDRAWN: "text-bg-secondary",
        S.FAILED: "text-bg-danger",
        S.NEEDS_REVISION: "text-bg-warning border border-danger",
    }
    EDITABLE = {S.PROPOSED, S.NEEDS_REVISION}
    # Not yet decided: re-based whenever another amendment changes the draft's text.
    PENDING = {S.PROPOSED, S.AWAITING_CONSENTS, S.AWAITING_DAIS, S.APPROVED, S.NEEDS_REVISION}

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="amendments")
    draft = models.ForeignKey(
        "resolutions.DraftResolution", on_delete=models.PROTECT, related_name="amendments"
    )
    number = models.PositiveSmallIntegerField(help_text="Order of proposal within the draft.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    proposer = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)
    status_changed_at = models.DateTimeField(default=clock.now)
    submitted_at = models.DateTimeField(
        null=True, blank=True, help_text="When it reached the dais (voting follows this order)."
    )
    base_revision = models.ForeignKey(
        "resolutions.Revision",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The draft's text the operations refer to.",
    )
    operations = models.JSONField(default=list, blank=True)
    applied_revision = models.ForeignKey(
        "resolutions.Revision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applied_amendments",
        help_text="The draft's revision this amendment produced.",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(
        blank=True, help_text="Why it was rejected or withdrawn, or what needs revision."
    )

    class Meta:
        ordering = ["draft_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "number"], name="amendment_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="amendment_number_positive"),
            models.CheckConstraint(
                condition=~Q(status="applied") | Q(applied_revision__isnull=False),
                name="amendment_applied_has_revision",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(
            "resolutions:amendment", kwargs={"committee": self.committee.slug, "pk": self.pk}
        )

    @property
    def name(self):
        return f"Amendment {self.number} to {self.draft.code}"

    def can_move_to(self, status):
        return status in self.TRANSITIONS[self.Status(self.status)]

    def can_edit(self):
        return self.status in self.EDITABLE

    @property
    def badge_class(self):
        return self.BADGES[self.Status(self.status)]

    @property
    def status_phrase(self):
        """For messages: "is awaiting the dais", "needs revision"."""
        if self.status == self.Status.NEEDS_REVISION:
            return "needs revision"
        return f"is {self.get_status_display().lower()}"

    @property
    def is_friendly(self):
        return self.kind == self.Kind.FRIENDLY

    @property
    def is_pending(self):
        return self.status in self.PENDING

    @cached_property
    def descriptions(self):
        return [text_amend.describe(op) for op in self.operations]


class AmendmentSupport(models.Model):
    """A sponsor of the draft asked to consent to a friendly amendment, or a delegation asked
    to sign an unfriendly one; each answers from its own account."""

    class Role(models.TextChoices):
        CONSENT = "consent", "Sponsor's consent"
        SIGNATORY = "signatory", "Signatory"

    class State(models.TextChoices):
        INVITED = "invited", "Asked"
        ACCEPTED = "accepted", "Given"
        DECLINED = "declined", "Declined"

    amendment = models.ForeignKey(Amendment, on_delete=models.CASCADE, related_name="supports")
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=20, choices=Role.choices)
    state = models.CharField(max_length=20, choices=State.choices, default=State.INVITED)
    invited_at = models.DateTimeField(default=clock.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["amendment_id", "role", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["amendment", "delegation"], name="amendment_support_once"
            ),
        ]

    def __str__(self):
        return f"{self.delegation} ({self.get_role_display()}, {self.get_state_display()})"
