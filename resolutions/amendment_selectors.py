"""Reads for the amendment pages, each a fixed number of queries."""

from django.db.models import CharField, Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Cast

from sessions.permissions import is_dais_or_secretariat

from .amendment_models import Amendment, AmendmentSupport
from .models import DraftResolution, Round, Supporter
from .text import amend as text_amend
from .text import render_diff_html


def _is_dais(access):
    return is_dais_or_secretariat.test(access)


def visible_amendments(queryset, access):
    """Amendments this person may read: once submitted to the dais, everyone in the committee;
    before that, the proposer and the delegations asked to sign or consent."""
    if _is_dais(access):
        return queryset.filter(submitted_at__isnull=False)
    if access.delegation is None:
        return queryset.none()
    asked = AmendmentSupport.objects.filter(
        amendment=OuterRef("pk"), delegation=access.delegation
    ).exclude(state=AmendmentSupport.State.DECLINED)
    return queryset.filter(
        Q(submitted_at__isnull=False) | Q(proposer=access.delegation) | Exists(asked)
    )


def timeline_hidden_amendments(committee, access):
    """Timeline entries about amendments this reader may not open (not yet submitted and not
    theirs), as a Q to exclude; the rule is ``visible_amendments``'s."""
    readable = (
        visible_amendments(Amendment.objects.filter(committee=committee), access)
        .order_by()
        .annotate(key=Cast("pk", output_field=CharField()))
        .values("key")
    )
    return Q(target_type=Amendment._meta.label_lower) & ~Q(target_id__in=readable)


def can_read(amendment, access):
    return visible_amendments(Amendment.objects.filter(pk=amendment.pk), access).exists()


def _with_everything(queryset):
    return queryset.select_related(
        "proposer__member_state", "base_revision", "applied_revision", "draft", "committee"
    ).prefetch_related(
        Prefetch(
            "supports",
            queryset=AmendmentSupport.objects.select_related("delegation__member_state").order_by(
                "role", "id"
            ),
        )
    )


def annotate(amendment, current):
    """What the pages show of an amendment: its operations described, the amended text and the
    diff against the draft's current text (or, once decided, against the text it was for)."""
    base = current if current.pk == amendment.base_revision_id else amendment.base_revision
    try:
        entries = text_amend.diff_entries(base.resolution, amendment.operations)
    except text_amend.AmendError as error:
        amendment.problem = str(error)
        amendment.diff_html = ""
        return amendment
    amendment.problem = ""
    changed = [e for e in entries if e.op != "same"]
    amendment.diff_html = render_diff_html(changed) if changed else ""
    return amendment


def flag_conflicts(amendments):
    """Pending amendments on the same text that touch the same clause: each gets
    ``conflicts`` = [(other amendment, [clause labels])]."""
    pending = [
        a for a in amendments if a.is_pending and a.status != Amendment.Status.NEEDS_REVISION
    ]
    for a in amendments:
        a.conflicts = []
    for i, a in enumerate(pending):
        for b in pending[i + 1 :]:
            if a.base_revision_id != b.base_revision_id:
                continue
            labels = text_amend.conflicts(a.operations, b.operations)
            if labels:
                a.conflicts.append((b, labels))
                b.conflicts.append((a, labels))
    return amendments


def draft_amendments(draft, access):
    amendments = list(
        _with_everything(visible_amendments(draft.amendments.all(), access)).order_by("number")
    )
    for amendment in amendments:
        amendment.draft = draft
        annotate(amendment, draft.revision)
    return flag_conflicts(amendments)


def draft_history(draft):
    """The draft's revisions since approval, newest first, with the amendment each applied."""
    approved = draft.paper.rounds.filter(outcome=Round.Outcome.APPROVED).values("revision__number")[
        :1
    ]
    return (
        draft.paper.revisions.filter(number__gte=approved)
        .select_related("author")
        .prefetch_related(
            Prefetch(
                "applied_amendments",
                queryset=Amendment.objects.select_related("proposer__member_state"),
            )
        )
        .order_by("-number")
    )


def load_draft(committee, pk):
    return (
        DraftResolution.objects.select_related("topic", "paper", "revision", "committee")
        .prefetch_related(
            Prefetch(
                "paper__supporters",
                queryset=Supporter.objects.filter(
                    role=Supporter.Role.SPONSOR, state=Supporter.State.ACCEPTED
                )
                .select_related("delegation__member_state")
                .order_by("position", "id"),
                to_attr="sponsors",
            )
        )
        .filter(committee=committee, pk=pk)
        .first()
    )


def for_the_vote(draft):
    """The unfriendly amendments voting procedure takes before ``draft``, in order of
    submission; each is then adopted (``amendment_apply_adopted``) or fails
    (``amendment_mark_failed``)."""
    return draft.amendments.filter(
        kind=Amendment.Kind.UNFRIENDLY, status=Amendment.Status.APPROVED
    ).order_by("submitted_at", "number")


def for_the_vote_of(drafts):
    """``for_the_vote`` for several drafts in one query: {draft id: [amendments]}."""
    by_draft = {draft.pk: [] for draft in drafts}
    for amendment in Amendment.objects.filter(
        draft__in=list(by_draft),
        kind=Amendment.Kind.UNFRIENDLY,
        status=Amendment.Status.APPROVED,
    ).order_by("submitted_at", "number"):
        by_draft[amendment.draft_id].append(amendment)
    return by_draft


def not_put_to_the_vote(drafts):
    """Amendments to ``drafts`` still on their way (proposed, waiting for consents or for the
    dais, needing revision) when voting procedure opens: they are not put to the vote, since
    nothing is approved once it has begun."""
    return list(
        Amendment.objects.filter(draft__in=drafts, status__in=Amendment.PENDING)
        .exclude(status=Amendment.Status.APPROVED)
        .select_related("draft", "proposer__member_state")
        .order_by("draft__number", "number")
    )


def dais_queue(committee):
    """Amendments waiting for the dais (oldest first), then those waiting for the vote."""
    amendments = list(
        _with_everything(
            Amendment.objects.filter(
                committee=committee,
                status__in=[Amendment.Status.AWAITING_DAIS, Amendment.Status.APPROVED],
            ).select_related("draft__topic", "draft__revision")
        ).order_by("submitted_at", "pk")
    )
    for amendment in amendments:
        annotate(amendment, amendment.draft.revision)
    by_draft = {}
    for amendment in amendments:
        by_draft.setdefault(amendment.draft_id, []).append(amendment)
    for group in by_draft.values():
        flag_conflicts(group)
    waiting = [a for a in amendments if a.status == Amendment.Status.AWAITING_DAIS]
    voting = [a for a in amendments if a.status == Amendment.Status.APPROVED]
    return waiting, voting


def for_delegation(committee, access):
    """The amendments page: requests to this delegation, its own amendments, the others."""
    amendments = list(
        _with_everything(visible_amendments(Amendment.objects.filter(committee=committee), access))
        .select_related("draft__topic")
        .order_by("draft__topic__agenda_position", "draft__number", "number")
    )
    delegation_id = getattr(access.delegation, "pk", None)
    asked, mine, others = [], [], []
    for amendment in amendments:
        own = next((s for s in amendment.supports.all() if s.delegation_id == delegation_id), None)
        amendment.own_support = own
        if own and own.state == AmendmentSupport.State.INVITED and _request_open(amendment, own):
            asked.append(amendment)
        elif amendment.proposer_id == delegation_id:
            mine.append(amendment)
        else:
            others.append(amendment)
    return asked, mine, others


def _request_open(amendment, support):
    if support.role == AmendmentSupport.Role.CONSENT:
        return amendment.status == Amendment.Status.AWAITING_CONSENTS
    return amendment.status in Amendment.EDITABLE


def open_request_supports():
    """Requests still waiting for an answer: consents to friendly amendments awaiting them,
    signatures of unfriendly ones still being written."""
    return AmendmentSupport.objects.filter(state=AmendmentSupport.State.INVITED).filter(
        Q(role=AmendmentSupport.Role.CONSENT, amendment__status=Amendment.Status.AWAITING_CONSENTS)
        | Q(role="signatory", amendment__status__in=Amendment.EDITABLE)
    )
