"""Every change to amendments goes through here: a transaction, row locks (the draft first,
then its amendments, always in that order), the check that the move is allowed, the change,
one audit entry, a live signal after commit.

The voting app calls ``amendment_apply_adopted`` and ``amendment_mark_failed`` for unfriendly
amendments that are ``APPROVED`` (waiting for the vote), in order of ``submitted_at``.
"""

from django.db import transaction
from django.db.models import Max

from sessions import clock
from sessions.audit import log_action
from sessions.errors import DomainError
from sessions.live import notify
from sessions.models import Topic
from sessions.services import check_no_one_enters_or_leaves

from . import rules
from .amendment_models import Amendment, AmendmentSupport
from .limits import MAX_CLAUSES, count_clauses, overlong_clause, overlong_message
from .models import DraftResolution, Supporter
from .services import _new_revision, threshold_for
from .text import amend as text_amend
from .text import check
from .text.conventions import ERROR

S = Amendment.Status
A = AmendmentSupport


# Reading helpers ------------------------------------------------------------------------------


def draft_sponsors(draft):
    """The delegations sponsoring the draft (the working paper's accepted sponsors)."""
    return [
        s.delegation
        for s in draft.paper.supporters.filter(
            role=Supporter.Role.SPONSOR, state=Supporter.State.ACCEPTED
        )
        .select_related("delegation__member_state")
        .order_by("position", "id")
    ]


def is_draft_sponsor(draft, delegation):
    return (
        delegation is not None
        and draft.paper.supporters.filter(
            delegation=delegation, role=Supporter.Role.SPONSOR, state=Supporter.State.ACCEPTED
        ).exists()
    )


def amended_text(amendment):
    """The draft's text as this amendment would make it (against its base revision)."""
    return text_amend.apply(amendment.base_revision.resolution, amendment.operations)[0]


def private_audience(amendment):
    """Who may follow an amendment's events: None once submitted to the dais (the whole
    committee may read it), else its proposer and the delegations asked about it
    (``amendment_selectors.visible_amendments``'s rule)."""
    if amendment.submitted_at is not None:
        return None
    asked = amendment.supports.exclude(state=A.State.DECLINED).values_list(
        "delegation_id", flat=True
    )
    return [amendment.proposer_id, *asked]


def amendment_threshold(amendment, *, have=None):
    """The proposer plus its signatories, against the working papers' threshold."""
    if have is None:
        have = 1 + amendment.supports.filter(role=A.Role.SIGNATORY, state=A.State.ACCEPTED).count()
    return threshold_for(amendment.draft.paper, have=have)


# Internals ----------------------------------------------------------------------------------


def _lock_draft(draft_id):
    # Lock the draft's row alone, then read it with its relations in a new statement: on
    # PostgreSQL a locking query that joins the revision would miss the row once another
    # transaction has moved it to a revision this statement's snapshot cannot see.
    DraftResolution.objects.select_for_update().filter(pk=draft_id).values_list("pk").get()
    return DraftResolution.objects.select_related("committee", "topic", "paper", "revision").get(
        pk=draft_id
    )


def _lock(amendment):
    """Lock the draft, then the amendment (re-read: another change may have re-based it)."""
    draft = _lock_draft(amendment.draft_id)
    Amendment.objects.select_for_update().filter(pk=amendment.pk).values_list("pk").get()
    locked = Amendment.objects.select_related("proposer__member_state", "base_revision").get(
        pk=amendment.pk
    )
    locked.draft = draft
    locked.committee = draft.committee
    return locked


def _record(amendment, *, actor, action, **data):
    log_action(
        actor=actor,
        committee=amendment.committee,
        action=action,
        target=amendment,
        data={"amendment": amendment.name, "draft": amendment.draft.code, **data},
    )
    # Before it reaches the dais an amendment is private: only its delegations hear of it.
    notify(
        amendment.committee,
        "amendments",
        draft=amendment.draft_id,
        amendment=amendment.pk,
        only_delegations=private_audience(amendment),
    )


def _move(amendment, status, *, actor, action, data=None, fields=()):
    if not amendment.can_move_to(status):
        raise DomainError(
            f"{amendment.name} {amendment.status_phrase}; it cannot be "
            f"{S(status).label.lower()} now."
        )
    previous = amendment.status
    amendment.status = status
    amendment.status_changed_at = clock.now()
    amendment.save(update_fields=["status", "status_changed_at", *fields])
    _record(
        amendment, actor=actor, action=action, **{"from": previous, "to": status, **(data or {})}
    )
    return amendment


def _require_open_topic(draft):
    topic = draft.topic
    if topic.status != Topic.Status.OPEN:
        raise DomainError(
            f"Topic {topic.number} is {topic.get_status_display().lower()}: amendments to its "
            "drafts are proposed and approved only while it is open."
        )


def _require_proposer(amendment, delegation):
    if delegation is None or delegation.pk != amendment.proposer_id:
        raise DomainError(f"Only {amendment.proposer}, which proposed it, can do this.")


def _require_current(amendment):
    if amendment.base_revision_id != amendment.draft.revision_id:
        raise DomainError(
            f"{amendment.name} was written for an earlier text of {amendment.draft.code}; "
            "reload the page."
        )


def _require_complete(amendment):
    if not amendment.operations:
        raise DomainError(f"{amendment.name} changes nothing yet: add, change or delete a clause.")
    try:
        amended = amended_text(amendment)
    except text_amend.AmendError as error:
        raise DomainError(str(error)) from None
    errors = [f for f in check(amended) if f.level == ERROR]
    if errors:
        raise DomainError(f"Fix the text first: {errors[0].path}: {errors[0].message}.")


def _reset_supports(amendment):
    """The text changed: signatures and consents given to the old text no longer count."""
    return amendment.supports.filter(state=A.State.ACCEPTED).update(
        state=A.State.INVITED, answered_at=None
    )


# Delegations ---------------------------------------------------------------------------------


def amendment_create(*, target, delegation, actor, kind):
    """A new amendment to the draft ``target``; its operations are written next."""
    with transaction.atomic():
        rules.require_represents(actor, delegation)
        if isinstance(target, Amendment):
            raise DomainError(
                "Amendments to amendments are out of order: amend the draft resolution itself."
            )
        if not isinstance(target, DraftResolution):
            raise DomainError("Only a draft resolution can be amended.")
        draft = _lock_draft(target.pk)
        if delegation is None or delegation.committee_id != draft.committee_id:
            raise DomainError("Only a delegation of this committee can propose an amendment.")
        _require_open_topic(draft)
        if kind not in Amendment.Kind.values:
            raise DomainError("Choose a friendly or an unfriendly amendment.")
        if kind == Amendment.Kind.FRIENDLY and not is_draft_sponsor(draft, delegation):
            raise DomainError(
                f"Only a sponsor of {draft.code} can propose a friendly amendment; "
                "propose an unfriendly one instead."
            )
        number = (draft.amendments.aggregate(n=Max("number"))["n"] or 0) + 1
        amendment = Amendment.objects.create(
            committee=draft.committee,
            draft=draft,
            number=number,
            kind=kind,
            proposer=delegation,
            created_by=actor,
            base_revision=draft.revision,
        )
        _record(
            amendment,
            actor=actor,
            action="amendment.created",
            delegation=delegation.name,
            kind=kind,
        )
        return amendment


def amendment_save_operations(*, amendment, delegation, actor, operations, note=""):
    """Replace the amendment's operations (from the editor or a paste)."""
    with transaction.atomic():
        rules.require_represents(actor, delegation)
        amendment = _lock(amendment)
        _require_proposer(amendment, delegation)
        if not amendment.can_edit():
            raise DomainError(
                f"{amendment.name} {amendment.status_phrase}; its text cannot be changed now."
            )
        _require_current(amendment)
        try:
            amended, _ = text_amend.apply(amendment.base_revision.resolution, operations)
        except text_amend.AmendError as error:
            raise DomainError(str(error)) from None
        if count_clauses(amended) > MAX_CLAUSES:
            raise DomainError(
                f"The amended text would have more than {MAX_CLAUSES:,} clauses; add fewer."
            )
        if overlong := overlong_clause(amended):
            raise DomainError(overlong_message(overlong))
        if operations == amendment.operations and amendment.status == S.PROPOSED:
            return amendment
        amendment.operations = operations
        amendment.save(update_fields=["operations"])
        withdrawn = _reset_supports(amendment)
        data = {"operations": len(operations), "note": note, "supports_reset": withdrawn}
        if amendment.status == S.NEEDS_REVISION:
            amendment.reason = ""
            return _move(
                amendment,
                S.PROPOSED,
                actor=actor,
                action="amendment.revised",
                data=data,
                fields=["reason"],
            )
        _record(amendment, actor=actor, action="amendment.revised", **data)
        return amendment


def amendment_invite(*, amendment, delegation, actor, invitee):
    """The proposer of an unfriendly amendment asks a delegation to sign it."""
    with transaction.atomic():
        rules.require_represents(actor, delegation)
        amendment = _lock(amendment)
        _require_proposer(amendment, delegation)
        if amendment.is_friendly:
            raise DomainError("A friendly amendment needs the sponsors' consent, not signatures.")
        if not amendment.can_edit():
            raise DomainError("Signatures are gathered before the amendment goes to the dais.")
        if invitee.committee_id != amendment.committee_id:
            raise DomainError(f"{invitee} is not a delegation of this committee.")
        if invitee.pk == amendment.proposer_id:
            raise DomainError(f"{invitee} proposed the amendment; it counts already.")
        existing = AmendmentSupport.objects.filter(amendment=amendment, delegation=invitee).first()
        if existing and existing.state != A.State.DECLINED:
            raise DomainError(
                f"{invitee} was already asked ({existing.get_state_display().lower()})."
            )
        if existing:
            existing.state, existing.answered_at = A.State.INVITED, None
            existing.save(update_fields=["state", "answered_at"])
            support = existing
        else:
            support = AmendmentSupport.objects.create(
                amendment=amendment, delegation=invitee, role=A.Role.SIGNATORY
            )
        _record(amendment, actor=actor, action="amendment.invited", delegation=invitee.name)
        return support


def amendment_signature_withdraw(*, amendment, delegation, actor):
    """A signatory takes its signature back, from its own account, before the amendment goes
    to the dais."""
    with transaction.atomic():
        rules.require_represents(actor, delegation)
        amendment = _lock(amendment)
        support = (
            AmendmentSupport.objects.select_for_update()
            .filter(
                amendment=amendment,
                delegation=delegation,
                role=A.Role.SIGNATORY,
                state=A.State.ACCEPTED,
            )
            .first()
            if delegation is not None
            else None
        )
        if support is None:
            raise DomainError(f"{delegation} has not signed {amendment.name}.")
        if not amendment.can_edit():
            raise DomainError(
                "A signature can only be withdrawn before the amendment goes to the dais."
            )
        support.state = A.State.DECLINED
        support.answered_at = clock.now()
        support.save(update_fields=["state", "answered_at"])
        _record(
            amendment,
            actor=actor,
            action="amendment.signature_withdrawn",
            delegation=delegation.name,
        )
        return support


def amendment_request_consents(*, amendment, delegation, actor):
    """The proposer of a friendly amendment asks every sponsor of the draft to consent; its own
    consent is given. With every consent the amendment goes to the dais."""
    with transaction.atomic():
        rules.require_represents(actor, delegation)
        amendment = _lock(amendment)
        _require_proposer(amendment, delegation)
        if not amendment.is_friendly:
            raise DomainError("An unfriendly amendment is signed, then submitted to the dais.")
        if not amendment.can_edit():
            raise DomainError(
                f"{amendment.name} {amendment.status_phrase}; consents are asked "
                "for a proposed amendment."
            )
        _require_open_topic(amendment.draft)
        _require_complete(amendment)
        now = clock.now()
        sponsors = draft_sponsors(amendment.draft)
        if delegation not in sponsors:
            raise DomainError(f"{delegation} no longer sponsors {amendment.draft.code}.")
        amendment.supports.all().delete()
        amendment.reason = ""
        AmendmentSupport.objects.bulk_create(
            [
                AmendmentSupport(
                    amendment=amendment,
                    delegation=d,
                    role=A.Role.CONSENT,
                    state=A.State.ACCEPTED if d == delegation else A.State.INVITED,
                    invited_at=now,
                    answered_at=now if d == delegation else None,
                )
                for d in sponsors
            ]
        )
        _move(
            amendment,
            S.AWAITING_CONSENTS,
            actor=actor,
            action="amendment.consents_requested",
            data={"sponsors": len(sponsors)},
            fields=["reason"],
        )
        return _to_dais_when_consented(amendment, actor=actor)


def _to_dais_when_consented(amendment, *, actor):
    missing = amendment.supports.filter(role=A.Role.CONSENT).exclude(state=A.State.ACCEPTED)
    if amendment.status == S.AWAITING_CONSENTS and not missing.exists():
        amendment.submitted_at = clock.now()
        _move(
            amendment,
            S.AWAITING_DAIS,
            actor=actor,
            action="amendment.submitted",
            data={"consents": amendment.supports.count()},
            fields=["submitted_at"],
        )
    return amendment


def amendment_answer(*, amendment, delegation, actor, accept):
    """A delegation answers from its own account: a sponsor consents (or not) to a friendly
    amendment, a delegation signs (or not) an unfriendly one."""
    with transaction.atomic():
        rules.require_represents(actor, delegation)
        amendment = _lock(amendment)
        support = (
            AmendmentSupport.objects.select_for_update()
            .filter(amendment=amendment, delegation=delegation, state=A.State.INVITED)
            .first()
            if delegation is not None
            else None
        )
        if support is None:
            raise DomainError(f"{delegation} has no open request about {amendment.name}.")
        wanted = {S.AWAITING_CONSENTS} if support.role == A.Role.CONSENT else Amendment.EDITABLE
        if amendment.status not in wanted:
            raise DomainError(f"{amendment.name} {amendment.status_phrase}; the request is closed.")
        support.state = A.State.ACCEPTED if accept else A.State.DECLINED
        support.answered_at = clock.now()
        support.save(update_fields=["state", "answered_at"])
        if support.role == A.Role.SIGNATORY:
            action = "amendment.signed" if accept else "amendment.declined"
            _record(amendment, actor=actor, action=action, delegation=delegation.name)
            return amendment
        if not accept:
            amendment.reason = f"{delegation} did not consent."
            return _move(
                amendment,
                S.PROPOSED,
                actor=actor,
                action="amendment.consent_refused",
                data={"delegation": delegation.name},
                fields=["reason"],
            )
        _record(amendment, actor=actor, action="amendment.consented", delegation=delegation.name)
        return _to_dais_when_consented(amendment, actor=actor)


def amendment_submit(*, amendment, delegation, actor):
    """The proposer sends an unfriendly amendment with enough signatures to the dais."""
    with transaction.atomic():
        rules.require_represents(actor, delegation)
        amendment = _lock(amendment)
        _require_proposer(amendment, delegation)
        if amendment.is_friendly:
            raise DomainError("A friendly amendment goes to the dais once every sponsor consents.")
        if not amendment.can_edit():
            raise DomainError(
                f"{amendment.name} {amendment.status_phrase}; it cannot be submitted now."
            )
        _require_open_topic(amendment.draft)
        _require_complete(amendment)
        threshold = amendment_threshold(amendment)
        if not threshold.met:
            raise DomainError(
                f"Proposer and signatories: {threshold}. "
                f"{amendment.committee.signatory_threshold_percent} % of the {threshold.present} "
                "delegations present must propose or sign."
            )
        amendment.submitted_at = clock.now()
        amendment.reason = ""
        return _move(
            amendment,
            S.AWAITING_DAIS,
            actor=actor,
            action="amendment.submitted",
            data={"supporters": threshold.have, "needed": threshold.needed},
            fields=["submitted_at", "reason"],
        )


def amendment_withdraw(*, amendment, delegation, actor, reason=""):
    with transaction.atomic():
        rules.require_represents(actor, delegation)
        amendment = _lock(amendment)
        _require_proposer(amendment, delegation)
        if amendment.status == S.APPROVED:
            # Waiting for the vote: it is on the list voting procedure takes.
            check_no_one_enters_or_leaves(amendment.committee, f"withdrawing {amendment.name}")
        amendment.reason = " ".join(reason.split())
        return _move(
            amendment,
            S.WITHDRAWN,
            actor=actor,
            action="amendment.withdrawn",
            data={"reason": amendment.reason},
            fields=["reason"],
        )


# Dais ------------------------------------------------------------------------------------------


def _decide(amendment, actor):
    amendment.decided_by = actor
    amendment.decided_at = clock.now()
    return ["decided_by", "decided_at"]


def amendment_approve(*, amendment, actor):
    """Friendly: applied to the draft's text at once. Unfriendly: waits for the vote."""
    with transaction.atomic():
        amendment = _lock(amendment)
        if amendment.status != S.AWAITING_DAIS:
            raise DomainError(
                f"{amendment.name} {amendment.status_phrase}, not waiting for the dais."
            )
        _require_open_topic(amendment.draft)
        check_no_one_enters_or_leaves(amendment.committee, f"approving {amendment.name}")
        _require_current(amendment)
        _require_complete(amendment)
        fields = _decide(amendment, actor)
        if amendment.is_friendly:
            return _apply(amendment, actor=actor, action="amendment.applied", fields=fields)
        return _move(amendment, S.APPROVED, actor=actor, action="amendment.approved", fields=fields)


def amendment_reject(*, amendment, actor, reason):
    with transaction.atomic():
        amendment = _lock(amendment)
        reason = " ".join(reason.split())
        if amendment.status != S.AWAITING_DAIS:
            raise DomainError(
                f"{amendment.name} {amendment.status_phrase}, not waiting for the dais."
            )
        if not reason:
            raise DomainError("Give the proposer a reason.")
        amendment.reason = reason
        fields = _decide(amendment, actor)
        return _move(
            amendment,
            S.REJECTED,
            actor=actor,
            action="amendment.rejected",
            data={"reason": amendment.reason},
            fields=["reason", *fields],
        )


# Voting procedure (called by the voting app) ------------------------------------------------


def amendment_apply_adopted(*, amendment, actor):
    """The committee adopted this unfriendly amendment: it goes into the draft's text."""
    with transaction.atomic():
        amendment = _lock(amendment)
        if amendment.is_friendly or amendment.status != S.APPROVED:
            raise DomainError(
                f"{amendment.name} {amendment.status_phrase}; only an approved "
                "unfriendly amendment is voted on."
            )
        _require_current(amendment)
        return _apply(amendment, actor=actor, action="amendment.adopted")


def amendment_mark_failed(*, amendment, actor):
    with transaction.atomic():
        amendment = _lock(amendment)
        if amendment.is_friendly or amendment.status != S.APPROVED:
            raise DomainError(
                f"{amendment.name} {amendment.status_phrase}; only an approved "
                "unfriendly amendment is voted on."
            )
        return _move(amendment, S.FAILED, actor=actor, action="amendment.failed")


# Applying and re-basing -------------------------------------------------------------------------


def _apply(amendment, *, actor, action, fields=()):
    """A new revision of the draft's text; every other pending amendment is re-based onto it
    or, where a clause it relies on was deleted or changed, marked as needing revision."""
    draft = amendment.draft
    base = amendment.base_revision.resolution
    amended = text_amend.apply(base, amendment.operations)[0]
    revision = _new_revision(draft.paper, amended, actor=actor, note=f"{amendment.name} applied")
    draft.revision = revision
    draft.save(update_fields=["revision"])
    amendment.applied_revision = revision
    _move(
        amendment,
        S.APPLIED,
        actor=actor,
        action=action,
        data={"revision": revision.number},
        fields=["applied_revision", *fields],
    )
    others = (
        Amendment.objects.select_for_update()
        .filter(draft=draft, status__in=Amendment.PENDING)
        .exclude(pk=amendment.pk)
        .order_by("number")
    )
    for other in others:
        other.draft, other.committee = draft, draft.committee
        _rebase(other, base=base, applied=amendment, revision=revision, actor=actor)
    return amendment


def _rebase(other, *, base, applied, revision, actor):
    kept, problems = text_amend.rebase(other.operations, base, applied.operations)
    other.operations = kept
    other.base_revision = revision
    if not problems:
        other.save(update_fields=["operations", "base_revision"])
        _record(
            other,
            actor=actor,
            action="amendment.rebased",
            revision=revision.number,
            after=applied.name,
        )
        return
    message = (
        f"{applied.name} changed the text: " + "; ".join(problems) + ". Check the amendment "
        "and propose it again."
    )
    other.reason = message
    other.save(update_fields=["operations", "base_revision", "reason"])
    _reset_supports(other)
    if other.status == S.NEEDS_REVISION:
        _record(other, actor=actor, action="amendment.needs_revision", problems=problems)
        return
    _move(
        other,
        S.NEEDS_REVISION,
        actor=actor,
        action="amendment.needs_revision",
        data={"problems": problems, "after": applied.name},
    )
