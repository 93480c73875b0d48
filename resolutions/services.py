"""Every change to working papers and draft resolutions goes through here: a transaction, a
row lock, the check that the move is allowed, the change, one audit entry, a live signal."""

from django.db import IntegrityError, transaction
from django.db.models import Max

from sessions import clock
from sessions import services as session_services
from sessions.audit import log_action
from sessions.errors import DomainError
from sessions.live import notify
from sessions.models import Topic

from . import rules, selectors
from .limits import MAX_CLAUSES, count_clauses, overlong_clause, overlong_message
from .models import Comment, DraftResolution, Revision, Round, Supporter, WorkingPaper
from .text import Resolution, check
from .text.conventions import ERROR
from .text.merge import merge as merge_texts
from .text.structure import path_label

S = WorkingPaper.Status


# The reading helpers live in ``selectors`` (and who is a sponsor in ``rules``); these names
# stay importable from here for existing callers.
Threshold = selectors.Threshold
threshold_for = selectors.threshold_for
latest_revision = selectors.latest_revision
pending_round = selectors.pending_round


# Internals ----------------------------------------------------------------------------------


def _lock(paper):
    # Lock the paper's row only (not the joined committee and topic rows).
    return (
        WorkingPaper.objects.select_for_update(no_key=True, of=("self",))
        .select_related("committee", "topic")
        .get(pk=paper.pk)
    )


def _move(paper, status, *, actor, action, data=None):
    if not paper.can_move_to(status):
        raise DomainError(
            f"{paper.name} is {paper.get_status_display().lower()}; it cannot be "
            f"{WorkingPaper.Status(status).label.lower()} now."
        )
    previous = paper.status
    paper.status = status
    paper.status_changed_at = clock.now()
    paper.save(update_fields=["status", "status_changed_at", "merged_into", "reason"])
    _record(paper, actor=actor, action=action, **{"from": previous, "to": status, **(data or {})})
    return paper


def _record(paper, *, actor, action, concerns=None, **data):
    """The audit entry and the live signal every change to a paper ends with. ``concerns``:
    the delegation whose request to support the paper changed (invited, answered, withdrawn):
    its screens hear of it even when it may no longer read the paper, and update the count
    of requests waiting in their menu."""
    log_action(
        actor=actor,
        committee=paper.committee,
        action=action,
        target=paper,
        data={"paper": paper.name, **data},
    )
    # A paper still with its sponsors is private: only its delegations hear of it.
    audience = rules.private_audience(paper)
    extra = {}
    if concerns is not None:
        extra["delegation"] = concerns.pk
        if audience is not None:
            audience = {*audience, concerns.pk}
    notify(paper.committee, "papers", paper=paper.pk, only_delegations=audience, **extra)


def _require_open_topic(topic):
    if topic.status != Topic.Status.OPEN:
        raise DomainError(
            f"Topic {topic.number} is {topic.get_status_display().lower()}: papers on it can "
            "only be submitted and approved while it is open."
        )


def _require_sponsor(paper, delegation):
    if not rules.is_sponsor(delegation, paper):
        raise DomainError(f"Only the sponsors of {paper.name} can do this.")


def _new_revision(paper, resolution, *, actor, note=""):
    number = (paper.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    return Revision.objects.create(
        paper=paper, number=number, text=resolution.to_dict(), author=actor, note=note
    )


# Delegates ----------------------------------------------------------------------------------


def paper_create(*, committee, delegation, actor, title="", resolution=None):
    with transaction.atomic():
        if delegation is None or delegation.committee_id != committee.pk:
            raise DomainError("Only a delegation of this committee can write a working paper.")
        rules.require_represents(actor, delegation)
        topic = (
            Topic.objects.select_for_update(no_key=True)
            .filter(committee=committee, status=Topic.Status.OPEN)
            .first()
        )
        if topic is None:
            raise DomainError("No topic is open: working papers are written on the open topic.")
        number = (topic.papers.aggregate(n=Max("number"))["n"] or 0) + 1
        paper = WorkingPaper.objects.create(
            committee=committee,
            topic=topic,
            number=number,
            title=" ".join(title.split())[:200],
            created_by=actor,
        )
        Supporter.objects.create(
            paper=paper,
            delegation=delegation,
            role=Supporter.Role.SPONSOR,
            state=Supporter.State.ACCEPTED,
            position=0,
            answered_at=clock.now(),
        )
        if resolution is None:
            resolution = Resolution(heading=committee.heading.rstrip(","))
        revision = _new_revision(paper, resolution, actor=actor, note="first draft")
        _record(
            paper,
            actor=actor,
            action="paper.created",
            delegation=delegation.name,
            topic=topic.number,
            revision=revision.number,
        )
        return paper


def paper_save_text(*, paper, delegation, actor, resolution, note=""):
    """Keep a new revision when the text changed; earlier revisions are never touched."""
    with transaction.atomic():
        rules.require_represents(actor, delegation)
        paper = _lock(paper)
        _require_sponsor(paper, delegation)
        if not paper.can_edit():
            raise DomainError(
                f"{paper.name} is {paper.get_status_display().lower()};"
                " its text cannot be changed now."
            )
        clauses = count_clauses(resolution)
        if clauses > MAX_CLAUSES:
            raise DomainError(
                f"A working paper can have at most {MAX_CLAUSES:,} clauses and sub-clauses; "
                f"this text has {clauses:,}."
            )
        overlong = overlong_clause(resolution)
        if overlong:
            raise DomainError(overlong_message(overlong))
        current = latest_revision(paper)
        if current is not None and current.text == resolution.to_dict():
            return current
        revision = _new_revision(paper, resolution, actor=actor, note=note)
        _record(paper, actor=actor, action="paper.revised", revision=revision.number, note=note)
        return revision


def supporter_invite(*, paper, delegation, actor, invitee, role):
    with transaction.atomic():
        rules.require_represents(actor, delegation)
        paper = _lock(paper)
        _require_sponsor(paper, delegation)
        if not paper.can_edit():
            raise DomainError("Sponsors and signatures are gathered before the paper is submitted.")
        if invitee.committee_id != paper.committee_id:
            raise DomainError(f"{invitee} is not a delegation of this committee.")
        if role not in Supporter.Role.values:
            raise DomainError("Invite a delegation as a sponsor or as a signatory.")
        existing = Supporter.objects.filter(paper=paper, delegation=invitee).first()
        if existing and existing.state != Supporter.State.DECLINED:
            raise DomainError(
                f"{invitee} is already {existing.get_role_display().lower()} "
                f"({existing.get_state_display().lower()})."
            )
        position = 0
        if role == Supporter.Role.SPONSOR:
            position = (
                paper.supporters.filter(role=Supporter.Role.SPONSOR).aggregate(n=Max("position"))[
                    "n"
                ]
                or 0
            ) + 1
        if existing:
            existing.role, existing.state, existing.position = (
                role,
                Supporter.State.INVITED,
                position,
            )
            existing.answered_at = None
            existing.save(update_fields=["role", "state", "position", "answered_at"])
            supporter = existing
        else:
            supporter = Supporter.objects.create(
                paper=paper, delegation=invitee, role=role, position=position
            )
        _record(
            paper,
            actor=actor,
            action="paper.supporter_invited",
            concerns=invitee,
            delegation=invitee.name,
            role=role,
        )
        return supporter


def supporter_answer(*, paper, delegation, actor, accept):
    """The invited delegation accepts (signs, co-sponsors) or declines, from its own account."""
    with transaction.atomic():
        rules.require_represents(actor, delegation)
        paper = _lock(paper)
        supporter = (
            Supporter.objects.select_for_update(no_key=True)
            .filter(paper=paper, delegation=delegation)
            .first()
        )
        if supporter is None or supporter.state != Supporter.State.INVITED:
            raise DomainError(f"{delegation} has no open invitation to {paper.name}.")
        if not paper.can_edit():
            raise DomainError(
                f"{paper.name} is {paper.get_status_display().lower()}; signatures "
                "can no longer change."
            )
        supporter.state = Supporter.State.ACCEPTED if accept else Supporter.State.DECLINED
        supporter.answered_at = clock.now()
        supporter.save(update_fields=["state", "answered_at"])
        if not accept:
            action = "paper.declined"
        elif supporter.role == Supporter.Role.SIGNATORY:
            action = "paper.signed"
        else:
            action = "paper.cosponsored"
        _record(
            paper,
            actor=actor,
            action=action,
            concerns=delegation,
            delegation=delegation.name,
            role=supporter.role,
        )
        return supporter


def _locked_supporter(paper, delegation, role):
    """The delegation's accepted support of ``paper`` in ``role``, locked; None if none."""
    return (
        Supporter.objects.select_for_update(no_key=True)
        .filter(paper=paper, delegation=delegation, role=role, state=Supporter.State.ACCEPTED)
        .first()
    )


def _step_down(supporter):
    supporter.state = Supporter.State.DECLINED
    supporter.answered_at = clock.now()
    supporter.save(update_fields=["state", "answered_at"])


def signature_withdraw(*, paper, delegation, actor):
    with transaction.atomic():
        rules.require_represents(actor, delegation)
        paper = _lock(paper)
        supporter = _locked_supporter(paper, delegation, Supporter.Role.SIGNATORY)
        if supporter is None:
            raise DomainError(f"{delegation} has not signed {paper.name}.")
        if not paper.can_edit():
            raise DomainError("A signature can only be withdrawn before the paper is submitted.")
        _step_down(supporter)
        _record(
            paper,
            actor=actor,
            action="paper.signature_withdrawn",
            concerns=delegation,
            delegation=delegation.name,
        )
        return supporter


def paper_submit(*, paper, delegation, actor):
    with transaction.atomic():
        rules.require_represents(actor, delegation)
        paper = _lock(paper)
        _require_sponsor(paper, delegation)
        if not paper.can_submit():
            raise DomainError(
                f"{paper.name} is {paper.get_status_display().lower()}; it cannot be submitted now."
            )
        # Lock the topic too, so a close committing meanwhile cannot let a paper in.
        _require_open_topic(Topic.objects.select_for_update(no_key=True).get(pk=paper.topic_id))
        revision = latest_revision(paper)
        resolution = revision.resolution
        if not resolution.operative:
            raise DomainError("A working paper needs at least one operative clause.")
        errors = [f for f in check(resolution) if f.level == ERROR]
        if errors:
            raise DomainError(f"Fix the text first: {errors[0].path}: {errors[0].message}.")
        threshold = threshold_for(paper)
        if not threshold.met:
            raise DomainError(
                f"Sponsors and signatories: {threshold}."
                f" {paper.committee.signatory_threshold_percent}"
                f" % of the {threshold.present} delegations present must sponsor or sign."
            )
        number = (paper.rounds.aggregate(n=Max("number"))["n"] or 0) + 1
        Round.objects.create(
            paper=paper,
            number=number,
            revision=revision,
            submitted_by=actor,
            submitted_at=clock.now(),
        )
        status = S.SUBMITTED if paper.status == S.DRAFTING else S.RESUBMITTED
        return _move(
            paper,
            status,
            actor=actor,
            action=f"paper.{status}",
            data={
                "round": number,
                "revision": revision.number,
                "supporters": threshold.have,
                "needed": threshold.needed,
            },
        )


def paper_withdraw(*, paper, delegation, actor, reason=""):
    """Withdraw the paper for good: the main sponsor's decision alone."""
    with transaction.atomic():
        rules.require_represents(actor, delegation)
        paper = _lock(paper)
        if not rules.is_main_sponsor(delegation, paper):
            raise DomainError(
                f"Only the main sponsor can withdraw {paper.name}; a co-sponsor may leave the "
                "paper instead."
            )
        if not paper.can_withdraw():
            raise DomainError(
                f"{paper.name} is {paper.get_status_display().lower()}; it cannot be withdrawn."
            )
        open_round = pending_round(paper)
        if open_round and paper.can_withdraw():
            open_round.outcome = Round.Outcome.WITHDRAWN
            open_round.answered_at = clock.now()
            open_round.save(update_fields=["outcome", "answered_at"])
        paper.reason = reason.strip()
        return _move(
            paper, S.WITHDRAWN, actor=actor, action="paper.withdrawn", data={"reason": paper.reason}
        )


def sponsor_leave(*, paper, delegation, actor):
    """A co-sponsor leaves the paper; the paper and its other sponsors go on."""
    with transaction.atomic():
        rules.require_represents(actor, delegation)
        paper = _lock(paper)
        supporter = _locked_supporter(paper, delegation, Supporter.Role.SPONSOR)
        if supporter is None:
            raise DomainError(f"{delegation} is not a sponsor of {paper.name}.")
        if supporter.position == 0:
            raise DomainError(
                f"{delegation} is the main sponsor of {paper.name}: it can withdraw the paper, "
                "not leave it."
            )
        if not paper.is_open:
            raise DomainError(
                f"{paper.name} is {paper.get_status_display().lower()};"
                " its sponsors no longer change."
            )
        _step_down(supporter)
        _record(paper, actor=actor, action="paper.sponsor_left", delegation=delegation.name)
        return supporter


# Dais ----------------------------------------------------------------------------------------


def _require_review(paper):
    if not paper.can_review():
        raise DomainError(
            f"{paper.name} is {paper.get_status_display().lower()}, not waiting for the dais."
        )
    return pending_round(paper)


def _answer(round_, outcome, *, actor, comment=""):
    round_.outcome = outcome
    round_.answered_by = actor
    round_.answered_at = clock.now()
    if comment:
        round_.general_comment = comment
    round_.save(update_fields=["outcome", "answered_by", "answered_at", "general_comment"])


def comment_add(*, paper, actor, clause, text):
    with transaction.atomic():
        paper = _lock(paper)
        round_ = _require_review(paper)
        text = text.strip()
        if not text:
            raise DomainError("Write the comment first.")
        keys = {path_label(kind, path) for kind, path, _ in round_.revision.resolution.clauses()}
        if clause not in keys:
            raise DomainError(f"There is no clause “{clause}” in the text under review.")
        comment = round_.comments.create(clause=clause, text=text, author=actor)
        _record(paper, actor=actor, action="paper.commented", round=round_.number, clause=clause)
        return comment


def comment_delete(*, comment, actor):
    with transaction.atomic():
        paper = _lock(comment.round.paper)
        # Read the round again under the paper's lock: a return that committed meanwhile has
        # sent this comment to the sponsors, and it must stay.
        comment = Comment.objects.select_related("round").filter(pk=comment.pk).first()
        if comment is None:
            raise DomainError("That comment has already been deleted.")
        if comment.round.outcome != Round.Outcome.PENDING:
            raise DomainError("Feedback already returned to the sponsors cannot be deleted.")
        round_number, clause = comment.round.number, comment.clause
        comment.delete()
        _record(
            paper, actor=actor, action="paper.comment_deleted", round=round_number, clause=clause
        )


def paper_return(*, paper, actor, general_comment=""):
    with transaction.atomic():
        paper = _lock(paper)
        round_ = _require_review(paper)
        general_comment = general_comment.strip()
        if not general_comment and not round_.comments.exists():
            raise DomainError("Return the paper with a general comment or comments on its clauses.")
        _answer(round_, Round.Outcome.RETURNED, actor=actor, comment=general_comment)
        return _move(
            paper,
            S.RETURNED,
            actor=actor,
            action="paper.returned",
            data={"round": round_.number, "comments": round_.comments.count()},
        )


def paper_approve(*, paper, actor):
    """Freeze the text and give the paper its draft code: DR <topic>/<order of approval>."""
    with transaction.atomic():
        paper = _lock(paper)
        round_ = _require_review(paper)
        topic = Topic.objects.select_for_update(no_key=True).get(pk=paper.topic_id)
        _require_open_topic(topic)
        session_services.check_no_one_enters_or_leaves(
            paper.committee, f"approving {paper.name} as a draft resolution"
        )
        number = (
            DraftResolution.objects.filter(topic=topic).aggregate(n=Max("number"))["n"] or 0
        ) + 1
        committee = paper.committee
        code = committee.draft_code(topic_number=topic.number, number=number)
        try:
            with transaction.atomic():
                draft = DraftResolution.objects.create(
                    paper=paper,
                    committee=committee,
                    topic=topic,
                    number=number,
                    code=code,
                    revision=round_.revision,
                    approved_by=actor,
                    approved_at=clock.now(),
                )
        except IntegrityError:
            raise DomainError(f"The code {code} is already taken; try again.") from None
        _answer(round_, Round.Outcome.APPROVED, actor=actor)
        _move(
            paper,
            S.APPROVED,
            actor=actor,
            action="paper.approved",
            data={"code": code, "round": round_.number, "revision": round_.revision.number},
        )
        return draft


def paper_merge(*, paper, into, actor, comment=""):
    """Merge ``paper`` into ``into``: the sponsors of both sponsor ``into``, whose text gets
    both papers' clauses and goes back to its sponsors to revise."""
    with transaction.atomic():
        if paper.pk == into.pk:
            raise DomainError("A paper cannot be merged into itself.")
        first, second = sorted([paper, into], key=lambda p: p.pk)
        locked = {p.pk: _lock(p) for p in (first, second)}
        paper, into = locked[paper.pk], locked[into.pk]
        if paper.topic_id != into.topic_id:
            raise DomainError("Only papers on the same topic can be merged.")
        for p in (paper, into):
            if not p.can_move_to(S.MERGED):
                raise DomainError(
                    f"{p.name} is {p.get_status_display().lower()}; it cannot be merged now."
                )
        comment = (
            comment.strip()
            or f"{paper.name} was merged into this paper: combine the texts and resubmit."
        )
        for p, note in ((paper, f"merged into {into.name}"), (into, comment)):
            round_ = pending_round(p)
            if round_:
                _answer(
                    round_,
                    Round.Outcome.MERGED if p is paper else Round.Outcome.RETURNED,
                    actor=actor,
                    comment=note,
                )
        # The sponsors of both become sponsors of the merged paper.
        position = (
            into.supporters.filter(role=Supporter.Role.SPONSOR).aggregate(n=Max("position"))["n"]
            or 0
        )
        for sponsor in paper.supporters.filter(
            role=Supporter.Role.SPONSOR, state=Supporter.State.ACCEPTED
        ):
            existing = into.supporters.filter(delegation=sponsor.delegation).first()
            if (
                existing
                and existing.role == Supporter.Role.SPONSOR
                and existing.state == Supporter.State.ACCEPTED
            ):
                continue
            position += 1
            if existing:
                existing.role, existing.state, existing.position = (
                    Supporter.Role.SPONSOR,
                    Supporter.State.ACCEPTED,
                    position,
                )
                existing.answered_at = clock.now()
                existing.save(update_fields=["role", "state", "position", "answered_at"])
            else:
                Supporter.objects.create(
                    paper=into,
                    delegation=sponsor.delegation,
                    role=Supporter.Role.SPONSOR,
                    state=Supporter.State.ACCEPTED,
                    position=position,
                    answered_at=clock.now(),
                )
        merged = merge_texts(latest_revision(into).resolution, latest_revision(paper).resolution)
        revision = _new_revision(into, merged, actor=actor, note=f"merged with {paper.name}")
        paper.merged_into = into
        _move(
            paper,
            S.MERGED,
            actor=actor,
            action="paper.merged",
            data={"into": into.name, "into_id": into.pk},
        )
        if into.status != S.RETURNED:
            _move(
                into,
                S.RETURNED,
                actor=actor,
                action="paper.returned",
                data={"merged_with": paper.name, "revision": revision.number},
            )
        return into


def paper_not_accept(*, paper, actor, reason):
    with transaction.atomic():
        paper = _lock(paper)
        round_ = _require_review(paper)
        reason = reason.strip()
        if not reason:
            raise DomainError("Give the sponsors a reason.")
        _answer(round_, Round.Outcome.NOT_ACCEPTED, actor=actor, comment=reason)
        paper.reason = reason
        return _move(
            paper, S.NOT_ACCEPTED, actor=actor, action="paper.not_accepted", data={"reason": reason}
        )
