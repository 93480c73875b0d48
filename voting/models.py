"""Votes (procedural and substantive), roll-call ballots, voting procedure on a topic with its
items, and the resolutions adopted drafts become."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from resolutions.models import DraftResolution
from resolutions.text import Resolution as ResolutionText
from sessions import clock
from sessions.models import Committee, Delegation, Meeting, Topic

from . import rules


class Method(models.TextChoices):
    WITHOUT_VOTE = "without_vote", "Without a vote"
    PLACARD = "placard", "Placard vote"
    ROLL_CALL = "roll_call", "Roll-call vote"


class VotingProcedure(models.Model):
    """Voting procedure on one topic: opened by a successful closure of debate, closed when
    every item is decided."""

    class Status(models.TextChoices):
        OPEN = "open", "In voting procedure"
        FINISHED = "finished", "Finished"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="procedures")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="procedures")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    opened_at = models.DateTimeField(default=clock.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["committee_id", "-opened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["topic"], condition=Q(status="open"), name="procedure_one_open_per_topic"
            ),
        ]

    def __str__(self):
        return f"Voting procedure on topic {self.topic.number}"

    def get_absolute_url(self):
        return reverse("voting:procedure", kwargs={"committee": self.committee.slug, "pk": self.pk})


class Item(models.Model):
    """One question put to the vote in voting procedure: an unfriendly amendment (before its
    draft, in order of submission), a separated operative part of a draft (division of the
    question), or a draft as a whole."""

    class Kind(models.TextChoices):
        AMENDMENT = "amendment", "Amendment"
        PART = "part", "Divided part"
        DRAFT = "draft", "Draft resolution as a whole"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        VOTING = "voting", "Being voted on"
        ADOPTED = "adopted", "Adopted"
        FAILED = "failed", "Failed"
        # An amendment that no longer applies to the text when its turn comes (an amendment
        # adopted before it changed the clauses it relies on): not put to the vote.
        LAPSED = "lapsed", "Not put to the vote"

    DECIDED = {Status.ADOPTED, Status.FAILED, Status.LAPSED}

    procedure = models.ForeignKey(VotingProcedure, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    draft = models.ForeignKey(DraftResolution, on_delete=models.PROTECT, related_name="items")
    amendment = models.ForeignKey(
        "resolutions.Amendment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="items",
        help_text="An amendment item: the unfriendly amendment put to the vote.",
    )
    clauses = models.JSONField(
        default=list, blank=True, help_text="A divided part: its operative clause numbers."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    result = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["procedure_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "position"],
                name="item_unique_position",
                deferrable=models.Deferrable.DEFERRED,
            ),
            models.CheckConstraint(
                condition=Q(kind="amendment", amendment__isnull=False)
                | (~Q(kind="amendment") & Q(amendment__isnull=True)),
                name="item_amendment_only_for_amendments",
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        if self.kind == self.Kind.PART:
            numbers = ", ".join(str(n) for n in self.clauses)
            word = "clause" if len(self.clauses) == 1 else "clauses"
            return f"{self.draft.code}, operative {word} {numbers}"
        if self.kind == self.Kind.AMENDMENT:
            return f"Amendment {self.amendment.number} to {self.draft.code}"
        return f"{self.draft.code} as a whole"

    @property
    def is_decided(self):
        return self.status in self.DECIDED


class Vote(models.Model):
    """One question the committee decides: a procedural motion or an item of voting
    procedure. ``sequence`` numbers every change, for the screens that follow it live."""

    class Kind(models.TextChoices):
        PROCEDURAL = "procedural", "Procedural"
        SUBSTANTIVE = "substantive", "Substantive"

    class Motion(models.TextChoices):
        AGENDA = "agenda", "Adoption of the agenda"
        CLOSURE = "closure", "Closure of debate"
        REORDER = "reorder", "Reorder draft resolutions"
        DIVISION = "division", "Division of the question"
        OTHER = "other", "Other motion"
        ITEM = "item", "Item of voting procedure"

    class Status(models.TextChoices):
        OPEN = "open", "Being taken"
        VERIFIED = "verified", "Count verified"
        ANNOUNCED = "announced", "Result announced"

    S = Status
    TRANSITIONS = {
        S.OPEN: {S.VERIFIED, S.ANNOUNCED},
        S.VERIFIED: {S.ANNOUNCED, S.OPEN},
        S.ANNOUNCED: set(),
    }

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="votes")
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, null=True, blank=True, related_name="votes"
    )
    item = models.OneToOneField(
        Item, on_delete=models.CASCADE, null=True, blank=True, related_name="vote"
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        related_name="votes",
        help_text="The meeting whose roll call says who may vote.",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    motion = models.CharField(max_length=20, choices=Motion.choices)
    subject = models.CharField(max_length=300)
    details = models.JSONField(default=dict, blank=True, help_text="What the motion proposes.")
    majority = models.CharField(
        max_length=20,
        choices=[(rules.SIMPLE, "Simple majority"), (rules.TWO_THIRDS, "Two-thirds majority")],
        default=rules.SIMPLE,
    )
    method = models.CharField(max_length=20, choices=Method.choices)
    objection = models.BooleanField(
        default=False, help_text="Someone objected to adopting it without a vote."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    yes = models.PositiveSmallIntegerField(default=0)
    no = models.PositiveSmallIntegerField(default=0)
    abstain = models.PositiveSmallIntegerField(default=0)
    passed = models.PositiveSmallIntegerField(default=0, help_text="Roll call: passes pending.")
    permanent_no = models.PositiveSmallIntegerField(default=0)
    call_order = models.JSONField(
        default=list, blank=True, help_text="Roll call: delegation ids in calling order."
    )
    call_names = models.JSONField(
        default=list,
        blank=True,
        help_text="Roll call: the delegations' names in calling order, as they were called.",
    )
    drawn = models.ForeignKey(
        Delegation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Roll call: the delegation drawn at random to be called first.",
    )
    entitled = models.PositiveSmallIntegerField(
        default=0, help_text="Delegations present at the roll call and entitled to vote."
    )
    may_abstain = models.PositiveSmallIntegerField(
        default=0, help_text="Of those, the ones that did not answer present and voting."
    )
    sequence = models.PositiveIntegerField(default=0)
    adopted = models.BooleanField(null=True, blank=True)
    reason = models.CharField(max_length=300, blank=True)
    result = models.CharField(max_length=200, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    opened_at = models.DateTimeField(default=clock.now)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    announced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["committee_id", "-opened_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee"],
                condition=~Q(status="announced"),
                name="vote_one_open_per_committee",
            ),
            models.CheckConstraint(
                condition=Q(permanent_no__lte=models.F("no")), name="vote_veto_within_no"
            ),
            models.CheckConstraint(
                condition=Q(abstain__lte=models.F("may_abstain")),
                name="vote_abstentions_within_present",
            ),
            models.CheckConstraint(
                condition=Q(
                    entitled__gte=models.F("yes")
                    + models.F("no")
                    + models.F("abstain")
                    + models.F("passed")
                ),
                name="vote_counts_within_entitled",
            ),
            models.CheckConstraint(
                condition=Q(status="announced") | Q(adopted__isnull=True),
                name="vote_adopted_only_when_announced",
            ),
            models.CheckConstraint(
                condition=~Q(kind="procedural") | Q(abstain=0),
                name="vote_no_abstention_on_procedure",
            ),
        ]

    def __str__(self):
        return self.subject

    def can_move_to(self, status):
        return status in self.TRANSITIONS[self.Status(self.status)]

    @property
    def substantive(self):
        return self.kind == self.Kind.SUBSTANTIVE

    @property
    def is_open(self):
        return self.status != self.Status.ANNOUNCED

    @property
    def answered(self):
        return self.yes + self.no + self.abstain + self.passed

    @property
    def outcome(self):
        """ "Adopted without a vote", "21 in favor, 7 against, 5 abstentions", or ''."""
        return self.result


class Ballot(models.Model):
    """One delegation's answer in a roll-call vote. A delegation that passed answers again
    at the end: the same row then holds its yes or no, with ``passed`` set."""

    class Answer(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"
        ABSTAIN = "abstain", "Abstain"
        PASS = "pass", "Pass"

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="ballots")
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(max_length=10, choices=Answer.choices)
    with_rights = models.BooleanField(default=False)
    passed = models.BooleanField(default=False, help_text="Passed when first called.")
    step = models.PositiveIntegerField(help_text="The vote's sequence number when recorded.")
    first_step = models.PositiveIntegerField(help_text="The step of its first answer.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["vote_id", "step"]
        constraints = [
            models.UniqueConstraint(
                fields=["vote", "delegation"], name="ballot_one_per_delegation"
            ),
            models.CheckConstraint(
                condition=~Q(passed=True, answer__in=["abstain"]),
                name="ballot_pass_answers_yes_or_no",
            ),
            models.CheckConstraint(
                condition=Q(with_rights=False) | Q(answer__in=["yes", "no"]),
                name="ballot_rights_only_with_yes_or_no",
            ),
        ]

    def __str__(self):
        return f"{self.delegation}: {self.get_answer_display()}"

    @property
    def display(self):
        text = self.get_answer_display()
        if self.with_rights:
            text += " with rights"
        return text


class Resolution(models.Model):
    """An adopted draft: its code (CCPCJ/1/1) and its final text, frozen."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="resolutions")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="resolutions")
    draft = models.OneToOneField(
        DraftResolution, on_delete=models.PROTECT, related_name="resolution_adopted"
    )
    vote = models.OneToOneField(Vote, on_delete=models.PROTECT, related_name="resolution")
    number = models.PositiveSmallIntegerField(help_text="Order of adoption within the topic.")
    code = models.CharField(max_length=60)
    text = models.JSONField(help_text="The final text, as docs/resolution-json.md describes.")
    adopted_at = models.DateTimeField()

    class Meta:
        ordering = ["topic__agenda_position", "number"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "number"], name="resolution_unique_number"),
            models.UniqueConstraint(fields=["committee", "code"], name="resolution_unique_code"),
            models.CheckConstraint(condition=Q(number__gte=1), name="resolution_number_positive"),
        ]

    def __str__(self):
        return self.code

    @property
    def resolution(self):
        return ResolutionText.from_dict(self.text)
