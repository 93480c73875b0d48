"""Every vote goes through here: procedural motions, voting procedure on a topic, each item
decided without a vote, by placard or by roll call, and what a result does.

Each service: a transaction, a row lock (the vote, or the procedure), the check that the move
is allowed (a ``DomainError`` a person can read), the change, one audit entry, and a live
message after commit that carries the vote's new state and its sequence number.
"""

import random
from functools import cache

from django.db import IntegrityError, connection, transaction
from django.db.models import Max

from resolutions import amendment_selectors, amendment_services
from resolutions.amendment_models import Amendment
from resolutions.models import DraftResolution
from resolutions.text import Resolution as ResolutionText
from resolutions.text import amend as text_amend
from sessions import clock, sql
from sessions import services as session_services
from sessions.audit import audit_entry, log_action
from sessions.errors import DomainError
from sessions.live import notify
from sessions.models import Attendance, Committee, Delegation, RollCallEntry, Topic
from sessions.selectors import latest_roll_call, roll_call_summary
from sessions.sql import Columns

from . import rules
from .live import send_after_commit
from .models import Ballot, Item, Method, Resolution, Vote, VotingProcedure
from .selectors import ballot_message, vote_state

A = Ballot.Answer
_draw = random.SystemRandom()


# Internals -------------------------------------------------------------------------------


def _lock_vote(vote, *, related=("committee", "item__draft", "item__procedure__topic", "topic")):
    votes = Vote.objects.select_for_update(no_key=True, of=("self",))
    if related:  # select_related() with no names would follow every relation
        votes = votes.select_related(*related)
    return votes.get(pk=vote.pk)


def _lock_procedure(procedure):
    return (
        VotingProcedure.objects.select_for_update(no_key=True, of=("self",))
        .select_related("committee", "topic")
        .get(pk=procedure.pk)
    )


def _send(vote, *, order=False, answers=None, **extra):
    """Send the vote's new state and sequence number (after commit, without waiting)."""
    # The chair's page gets the same state back.
    vote.state = vote_state(vote, order=order, answers=answers)
    send_after_commit(vote.committee, state=vote.state, **extra)


def _signal(vote, *, order=False, **extra):
    """Number the change and send the vote's new state."""
    vote.sequence += 1
    Vote.objects.filter(pk=vote.pk).update(sequence=vote.sequence)
    _send(vote, order=order, **extra)


def _log(vote, action, actor, **data):
    log_action(
        actor=actor,
        committee=vote.committee,
        action=action,
        target=vote,
        data={"subject": vote.subject, **data},
    )


def _latest_meeting(committee):
    """The latest meeting whose roll call has been taken: it says who may vote."""
    meeting = latest_roll_call(committee)
    if meeting is None:
        raise DomainError("Call the roll first: a vote counts the delegations present.")
    return meeting


def _entitled(meeting, *, substantive):
    """[(delegation, attendance)] present at ``meeting``'s roll call and entitled to vote, in
    English alphabetical order. Observers vote on procedure, not on substance."""
    entries = RollCallEntry.objects.filter(meeting=meeting).exclude(status=Attendance.ABSENT)
    if substantive:
        entries = entries.filter(delegation__is_observer=False)
    rows = [(e.delegation, e.status) for e in entries.select_related("delegation__member_state")]
    return sorted(rows, key=lambda row: row[0].sort_key)


def _require_quorum(committee, meeting):
    summary = roll_call_summary(committee, meeting)
    if not summary.has_vote_quorum:
        raise DomainError(
            f"No quorum to vote: {summary.members_present} members present at "
            f"{meeting.name}'s roll call, {summary.vote_quorum_required} needed."
        )


def _draw_order(vote, entitled):
    """English alphabetical order, starting from a delegation drawn at random."""
    if not entitled:
        raise DomainError("Nobody present may vote: call the roll first.")
    names = [delegation for delegation, _ in entitled]
    start = _draw.randrange(len(names))
    order = names[start:] + names[:start]
    vote.drawn = names[start]
    vote.call_order = [d.pk for d in order]
    vote.call_names = [d.name for d in order]


def _open(
    committee,
    *,
    kind,
    motion,
    subject,
    method,
    actor,
    majority=rules.SIMPLE,
    topic=None,
    item=None,
    details=None,
):
    meeting = _latest_meeting(committee)
    _require_quorum(committee, meeting)
    current = Vote.objects.filter(committee=committee).exclude(status=Vote.Status.ANNOUNCED)
    current = current.first()
    if current is not None:
        raise DomainError(f"Finish the vote on “{current.subject}” first.")
    if majority not in (rules.SIMPLE, rules.TWO_THIRDS):
        raise DomainError("Choose a simple or a two-thirds majority.")
    substantive = kind == Vote.Kind.SUBSTANTIVE
    entitled = _entitled(meeting, substantive=substantive)
    vote = Vote(
        committee=committee,
        topic=topic,
        item=item,
        meeting=meeting,
        kind=kind,
        motion=motion,
        subject=subject,
        details=details or {},
        majority=majority,
        method=method,
        entitled=len(entitled),
        may_abstain=(
            sum(1 for _, status in entitled if status != Attendance.PRESENT_AND_VOTING)
            if substantive
            else 0
        ),
        opened_by=actor,
        opened_at=clock.now(),
    )
    if method == Method.ROLL_CALL:
        _draw_order(vote, entitled)
    try:
        with transaction.atomic():
            vote.save()
    except IntegrityError:
        raise DomainError("Another vote has just been opened; finish it first.") from None
    data = {
        "method": Method(method).label.lower(),
        "majority": majority,
        "entitled": vote.entitled,
    }
    if vote.drawn_id:
        data["drawn"] = vote.drawn.name
    _log(vote, "vote.opened", actor, **data)
    return vote


def _check_counts(vote, *, yes, no, abstain, permanent_no):
    for name, value in [("in favor", yes), ("against", no), ("abstaining", abstain)]:
        if not isinstance(value, int) or value < 0:
            raise DomainError(f"Enter the number {name} as a whole number, 0 or more.")
    if yes + no + abstain > vote.entitled:
        raise DomainError(
            f"{yes + no + abstain} votes, but only {vote.entitled} delegations present at the "
            f"roll call may vote{' on substance' if vote.substantive else ''}."
        )
    if abstain > vote.may_abstain:
        raise DomainError(
            f"{abstain} abstentions, but only {vote.may_abstain} delegations answered “present” "
            "at the roll call; those present and voting cannot abstain."
        )
    if permanent_no and not vote.committee.is_security_council:
        raise DomainError("Only the Security Council has permanent members.")
    if permanent_no > no:
        raise DomainError("More permanent members against than votes against.")


def _announce(vote, *, actor, adopted, reason, result):
    vote.status = Vote.Status.ANNOUNCED
    vote.adopted = adopted
    vote.reason = reason[:300]
    vote.result = result
    vote.announced_at = clock.now()
    vote.save(
        update_fields=[
            "status",
            "adopted",
            "reason",
            "result",
            "announced_at",
            "method",
            "objection",
            "yes",
            "no",
            "abstain",
            "permanent_no",
        ]
    )
    _log(
        vote,
        "vote.announced",
        actor,
        adopted=adopted,
        result=result,
        outcome="adopted" if adopted else "failed",
    )
    if vote.item_id:
        _item_decided(vote.item, vote=vote, actor=actor)
    else:
        _motion_effect(vote, actor=actor)


def _decide(vote):
    return rules.decide(
        vote.committee.body_kind,
        yes=vote.yes,
        no=vote.no,
        abstain=vote.abstain,
        majority=vote.majority,
        substantive=vote.substantive,
        permanent_members_no=vote.permanent_no,
    )


def _count_and_announce(vote, *, actor):
    decision = _decide(vote)
    abstain = vote.abstain if vote.substantive else None
    result = rules.counts_text(yes=vote.yes, no=vote.no, abstain=abstain)
    _announce(vote, actor=actor, adopted=decision.adopted, reason=decision.reason, result=result)


# Procedural motions ----------------------------------------------------------------------


def parse_numbers(text, *, what="numbers"):
    """ "2, 1" (or "2 1", "2-1", "DR 1/2, DR 1/1") → [2, 1]."""
    cleaned = (text or "").replace(",", " ").replace(";", " ").replace("-", " ")
    parts = [p.rsplit("/", 1)[-1] for p in cleaned.split() if p.upper() != "DR"]
    if not parts:
        raise DomainError(f"Enter the {what}, for example “2, 1”.")
    try:
        return [int(p) for p in parts]
    except ValueError:
        raise DomainError(f"“{text}” is not a list of {what}; write it like “2, 1”.") from None


def parse_parts(text):
    """ "3; 5, 6" → [[3], [5, 6]]: operative clauses voted separately, one part per ";"."""
    parts = [p for p in (text or "").split(";") if p.strip()]
    if not parts:
        raise DomainError("Name the operative clauses to vote on separately, e.g. “3; 5, 6”.")
    return [parse_numbers(p, what="operative clause numbers") for p in parts]


def motion_vote(
    *,
    committee,
    motion,
    actor,
    yes=None,
    no=None,
    method=Method.PLACARD,
    subject="",
    order=None,
    draft=None,
    parts=None,
):
    """A procedural vote, and what it does if it passes: adopt the agenda (``order`` of
    proposed topic numbers), close debate on the open topic (voting procedure opens), reorder
    the drafts (``order`` of draft numbers), divide the question (``draft`` number,
    ``parts``: lists of operative clause numbers). By placard, ``yes`` and ``no`` are
    recorded and the result announced at once; by roll call the vote opens (everyone present
    is called, observers too; nobody abstains) and its effect follows its announcement.
    Returns the vote."""
    with transaction.atomic():
        if method not in (Method.PLACARD, Method.ROLL_CALL):
            raise DomainError("A procedural vote is taken by placard or by roll call.")
        committee = Committee.objects.select_for_update(no_key=True).get(pk=committee.pk)
        M = Vote.Motion
        majority, topic, details = rules.SIMPLE, None, {}
        if motion == M.AGENDA:
            if committee.agenda_adopted_at:
                raise DomainError("The agenda has already been adopted.")
            if not order:
                raise DomainError("Enter the proposed order, for example “1, 2”.")
            details = {"order": list(order)}
            subject = "Adoption of the agenda: " + ", ".join(str(n) for n in order)
        elif motion == M.CLOSURE:
            topic = committee.topics.filter(status=Topic.Status.OPEN).first()
            if topic is None:
                raise DomainError("No topic is open, so there is no debate to close.")
            if VotingProcedure.objects.filter(topic=topic, status="open").exists():
                raise DomainError(f"Topic {topic.number} is already in voting procedure.")
            if not _drafts_to_vote(topic):
                raise DomainError(f"Topic {topic.number} has no draft resolution to vote on yet.")
            majority = committee.closure_majority
            subject = f"Closure of debate on topic {topic.number}"
        elif motion in (M.REORDER, M.DIVISION):
            procedure = _open_procedure(committee)
            topic = procedure.topic
            if motion == M.REORDER:
                _check_reorder(procedure, order)
                details = {"order": list(order)}
                codes = ", ".join(_draft_code(procedure, n) for n in order)
                subject = f"Reorder the draft resolutions: {codes}"
            else:
                item = _check_division(procedure, draft, parts)
                details = {"draft": draft, "parts": parts}
                listed = "; ".join(", ".join(str(n) for n in part) for part in parts)
                clauses = "clause" if sum(len(p) for p in parts) == 1 else "clauses"
                subject = (
                    f"Division of the question on {item.draft.code}: operative {clauses} {listed} "
                    "voted separately"
                )
        elif motion == M.OTHER:
            subject = " ".join((subject or "").split())
            if not subject:
                raise DomainError(
                    "Say what the motion is, e.g. “Suspend the meeting for 15 minutes”."
                )
        else:
            raise DomainError("Choose a motion.")
        vote = _open(
            committee,
            kind=Vote.Kind.PROCEDURAL,
            motion=motion,
            subject=subject[:300],
            method=method,
            majority=majority,
            topic=topic,
            details=details,
            actor=actor,
        )
        if method == Method.ROLL_CALL:
            _signal(vote, order=True)
            return vote
        _check_counts(vote, yes=yes, no=no, abstain=0, permanent_no=0)
        vote.yes, vote.no = yes, no
        _count_and_announce(vote, actor=actor)
        _signal(vote)
        return vote


def _motion_effect(vote, *, actor):
    if not vote.adopted:
        return
    M = Vote.Motion
    if vote.motion == M.AGENDA:
        session_services.agenda_adopt(
            committee=vote.committee, order=vote.details["order"], actor=actor
        )
    elif vote.motion == M.CLOSURE:
        procedure_open(topic=vote.topic, actor=actor)
    elif vote.motion == M.REORDER:
        _reorder(_open_procedure(vote.committee), vote.details["order"], actor=actor)
    elif vote.motion == M.DIVISION:
        _divide(
            _open_procedure(vote.committee),
            vote.details["draft"],
            vote.details["parts"],
            actor=actor,
        )


# Voting procedure ------------------------------------------------------------------------


def _drafts_to_vote(topic):
    """The topic's drafts not yet decided in an earlier voting procedure, in code order."""
    decided = Item.objects.filter(
        kind=Item.Kind.DRAFT, status__in=Item.DECIDED, draft__topic=topic
    ).values("draft_id")
    return list(
        DraftResolution.objects.filter(topic=topic).exclude(pk__in=decided).order_by("number")
    )


def _open_procedure(committee):
    procedure = (
        VotingProcedure.objects.filter(committee=committee, status="open")
        .select_related("topic", "committee")
        .first()
    )
    if procedure is None:
        raise DomainError("No topic is in voting procedure: close debate first.")
    return _lock_procedure(procedure)


def procedure_open(*, topic, actor):
    """Voting procedure on ``topic``: every draft on it, in the order of its code."""
    with transaction.atomic():
        topic = (
            Topic.objects.select_for_update(no_key=True)
            .select_related("committee")
            .get(pk=topic.pk)
        )
        if topic.status != Topic.Status.OPEN:
            raise DomainError(f"Topic {topic.number} is not open.")
        drafts = _drafts_to_vote(topic)
        if not drafts:
            raise DomainError(f"Topic {topic.number} has no draft resolution to vote on.")
        try:
            with transaction.atomic():
                procedure = VotingProcedure.objects.create(
                    committee=topic.committee, topic=topic, opened_at=clock.now()
                )
        except IntegrityError:
            raise DomainError(f"Topic {topic.number} is already in voting procedure.") from None
        # For each draft: its approved unfriendly amendments, in order of submission, then the
        # draft as a whole (divided parts are inserted before it if a division passes).
        amendments = amendment_selectors.for_the_vote_of(drafts)
        items = []
        for draft in drafts:
            items += [
                Item(kind=Item.Kind.AMENDMENT, draft=draft, amendment=amendment)
                for amendment in amendments[draft.pk]
            ]
            items.append(Item(kind=Item.Kind.DRAFT, draft=draft))
        for position, item in enumerate(items, start=1):
            item.procedure, item.position = procedure, position
        Item.objects.bulk_create(items)
        data = {
            "topic": topic.number,
            "drafts": [d.code for d in drafts],
            "amendments": [a.name for d in drafts for a in amendments[d.pk]],
        }
        # Amendments still on their way are not put to the vote: nothing is approved now.
        not_voted = amendment_selectors.not_put_to_the_vote(drafts)
        if not_voted:
            data["not_voted"] = [f"{a.name} ({a.get_status_display().lower()})" for a in not_voted]
        log_action(
            actor=actor,
            committee=topic.committee,
            action="procedure.opened",
            target=procedure,
            data=data,
        )
        notify(topic.committee, "procedure", procedure=procedure.pk)
        return procedure


def _draft_code(procedure, number):
    draft = DraftResolution.objects.filter(topic=procedure.topic, number=number).first()
    return draft.code if draft else str(number)


def _check_reorder(procedure, order):
    if not order:
        raise DomainError("Enter the new order of the drafts, for example “2, 1, 3”.")
    pending = [i for i in procedure.items.select_related("draft") if i.kind == Item.Kind.DRAFT]
    started = {i.draft_id for i in procedure.items.exclude(status=Item.Status.PENDING)}
    movable = {
        i.draft.number
        for i in pending
        if i.status == Item.Status.PENDING and i.draft_id not in started
    }
    unknown = [n for n in order if n not in movable]
    if unknown:
        raise DomainError(
            f"Draft {unknown[0]} is not waiting for its vote; only drafts not yet voted on "
            "can be reordered."
        )
    if len(set(order)) != len(order):
        raise DomainError("Each draft can appear only once in the new order.")
    missing = sorted(movable - set(order))
    if missing:
        raise DomainError(
            "Place every draft still to be voted on; missing: "
            + ", ".join(_draft_code(procedure, n) for n in missing)
            + "."
        )


def _reorder(procedure, order, *, actor):
    items = list(procedure.items.select_related("draft").order_by("position"))
    rank = {number: i for i, number in enumerate(order)}
    moving = [i for i in items if i.draft.number in rank]
    slots = sorted(i.position for i in moving)
    moving.sort(key=lambda i: (rank[i.draft.number], i.position))
    for position, item in zip(slots, moving, strict=True):
        item.position = position
    Item.objects.bulk_update(moving, ["position"])
    log_action(
        actor=actor,
        committee=procedure.committee,
        action="procedure.reordered",
        target=procedure,
        data={"order": [_draft_code(procedure, n) for n in order]},
    )
    notify(procedure.committee, "procedure", procedure=procedure.pk)


def _check_division(procedure, number, parts):
    item = (
        procedure.items.select_related("draft__revision")
        .filter(kind=Item.Kind.DRAFT, draft__number=number)
        .first()
    )
    if item is None:
        raise DomainError(f"There is no draft {number} in this voting procedure.")
    if item.status != Item.Status.PENDING:
        raise DomainError(f"{item.draft.code} has already been voted on.")
    if procedure.items.filter(kind=Item.Kind.PART, draft=item.draft).exists():
        raise DomainError(f"The question on {item.draft.code} has already been divided.")
    if procedure.items.filter(
        kind=Item.Kind.AMENDMENT, draft=item.draft, status=Item.Status.PENDING
    ).exists():
        raise DomainError(
            f"Vote on the amendments to {item.draft.code} first: a division names the "
            "operative clauses of the text as amended."
        )
    if not parts:
        raise DomainError("Name the operative clauses to vote on separately, e.g. “3; 5, 6”.")
    count = len(item.draft.resolution.operative)
    seen = set()
    for part in parts:
        for n in part:
            if not 1 <= n <= count:
                raise DomainError(f"{item.draft.code} has operative clauses 1 to {count}, not {n}.")
            if n in seen:
                raise DomainError(f"Operative clause {n} is named twice.")
            seen.add(n)
    return item


def _divide(procedure, number, parts, *, actor):
    item = procedure.items.select_related("draft").get(kind=Item.Kind.DRAFT, draft__number=number)
    later = list(procedure.items.filter(position__gte=item.position).order_by("position"))
    for other in later:
        other.position += len(parts)
    Item.objects.bulk_update(later, ["position"])
    Item.objects.bulk_create(
        Item(
            procedure=procedure,
            position=item.position + i,
            kind=Item.Kind.PART,
            draft=item.draft,
            clauses=sorted(part),
        )
        for i, part in enumerate(parts)
    )
    log_action(
        actor=actor,
        committee=procedure.committee,
        action="procedure.divided",
        target=procedure,
        data={"draft": item.draft.code, "parts": parts},
    )
    notify(procedure.committee, "procedure", procedure=procedure.pk)


def next_item(procedure):
    return procedure.items.exclude(status__in=Item.DECIDED).order_by("position").first()


def item_vote_open(*, item, method, actor, majority=rules.SIMPLE):
    """Put the next item of voting procedure to the committee, by ``method``."""
    with transaction.atomic():
        procedure = _lock_procedure(item.procedure)
        if procedure.status != VotingProcedure.Status.OPEN:
            raise DomainError("Voting procedure on this topic is finished.")
        item = (
            Item.objects.select_for_update(no_key=True, of=("self",))
            .select_related("draft", "amendment")
            .get(pk=item.pk)
        )
        if item.status != Item.Status.PENDING:
            raise DomainError(f"{item.label} is {item.get_status_display().lower()}.")
        upcoming = next_item(procedure)
        if upcoming.pk != item.pk:
            raise DomainError(f"Vote on {upcoming.label} first: items are taken in order.")
        if method not in Method.values:
            raise DomainError("Choose how to vote: without a vote, by placard or by roll call.")
        details = {}
        if item.kind == Item.Kind.AMENDMENT:
            amendment = item.amendment
            if amendment.status != Amendment.Status.APPROVED:
                raise DomainError(
                    f"{amendment.name} {amendment.status_phrase}; only an amendment approved for "
                    "the vote is put to it."
                )
            # What the amendment does travels with the vote, for the projector and the phones.
            details = {
                "amendment": amendment.pk,
                "changes": [text_amend.describe(op) for op in amendment.operations],
            }
        vote = _open(
            procedure.committee,
            kind=Vote.Kind.SUBSTANTIVE,
            motion=Vote.Motion.ITEM,
            subject=item.label,
            method=method,
            majority=majority,
            topic=procedure.topic,
            item=item,
            details=details,
            actor=actor,
        )
        item.status = Item.Status.VOTING
        item.save(update_fields=["status"])
        _signal(vote, order=True)
        return vote


def _final_text(draft):
    """The draft's text without the operative parts voted down separately."""
    failed = set()
    for part in Item.objects.filter(
        kind=Item.Kind.PART, draft=draft, status=Item.Status.FAILED
    ).values_list("clauses", flat=True):
        failed.update(part)
    text = draft.resolution
    operative = [c for i, c in enumerate(text.operative, start=1) if i not in failed]
    return ResolutionText(heading=text.heading, preamble=text.preamble, operative=operative)


def _item_decided(item, *, vote, actor):
    item.status = Item.Status.ADOPTED if vote.adopted else Item.Status.FAILED
    item.result = vote.result
    item.save(update_fields=["status", "result"])
    if item.kind == Item.Kind.AMENDMENT:
        # In the same transaction: adopted, it changes the text the draft is then voted on.
        amendment = Amendment.objects.get(pk=item.amendment_id)
        if vote.adopted:
            amendment_services.amendment_apply_adopted(amendment=amendment, actor=actor)
            _lapse_stale_amendments(item.procedure, after=amendment, actor=actor)
        else:
            amendment_services.amendment_mark_failed(amendment=amendment, actor=actor)
    elif item.kind == Item.Kind.DRAFT and vote.adopted:
        _adopt(item.draft, vote=vote, actor=actor)
    elif item.kind == Item.Kind.PART and not vote.adopted and not _final_text(item.draft).operative:
        whole = Item.objects.get(
            procedure=item.procedure_id, kind=Item.Kind.DRAFT, draft=item.draft
        )
        whole.status = Item.Status.FAILED
        whole.result = "Every operative part was voted down"
        whole.save(update_fields=["status", "result"])
        log_action(
            actor=actor,
            committee=vote.committee,
            action="draft.failed",
            target=whole.draft,
            data={"code": whole.draft.code, "reason": whole.result},
        )
    _finish_if_done(item.procedure, actor=actor)


def _lapse_stale_amendments(procedure, *, after, actor):
    """Amendments still to be voted on that ``after`` (just adopted and applied) sent back
    for revision no longer apply to the text: they are not put to the vote."""
    stale = list(
        Item.objects.filter(
            procedure=procedure, kind=Item.Kind.AMENDMENT, status=Item.Status.PENDING
        )
        .exclude(amendment__status=Amendment.Status.APPROVED)
        .select_related("amendment", "draft")
    )
    if not stale:
        return
    result = f"Not put to the vote: it needs revision after {after.name} was adopted"
    for item in stale:
        item.status, item.result = Item.Status.LAPSED, result
    Item.objects.bulk_update(stale, ["status", "result"])
    log_action(
        actor=actor,
        committee=procedure.committee,
        action="procedure.lapsed",
        target=procedure,
        data={"amendments": [i.amendment.name for i in stale], "after": after.name},
    )


def _adopt(draft, *, vote, actor):
    topic = draft.topic
    number = (Resolution.objects.filter(topic=topic).aggregate(n=Max("number"))["n"] or 0) + 1
    code = vote.committee.resolution_code(topic_number=topic.number, number=number)
    try:
        with transaction.atomic():
            resolution = Resolution.objects.create(
                committee=vote.committee,
                topic=topic,
                draft=draft,
                vote=vote,
                number=number,
                code=code,
                text=_final_text(draft).to_dict(),
                adopted_at=clock.now(),
            )
    except IntegrityError:
        raise DomainError(f"The code {code} is already taken; try again.") from None
    log_action(
        actor=actor,
        committee=vote.committee,
        action="resolution.adopted",
        target=resolution,
        data={"draft": draft.code, "code": code, "result": vote.result},
    )
    return resolution


def _finish_if_done(procedure, *, actor):
    # The committee before the procedure, as motion_vote and topic_close lock them.
    Committee.objects.select_for_update(no_key=True).get(pk=procedure.committee_id)
    procedure = _lock_procedure(procedure)
    if next_item(procedure) is not None:
        return
    procedure.status = VotingProcedure.Status.FINISHED
    procedure.finished_at = clock.now()
    procedure.save(update_fields=["status", "finished_at"])
    log_action(
        actor=actor,
        committee=procedure.committee,
        action="procedure.finished",
        target=procedure,
        data={"topic": procedure.topic.number},
    )
    session_services.topic_close(topic=procedure.topic, actor=actor)
    notify(procedure.committee, "procedure", procedure=procedure.pk)


# Deciding one vote ------------------------------------------------------------------------


def _require_open(vote, method=None):
    if vote.status == Vote.Status.ANNOUNCED:
        raise DomainError(f"The vote on {vote.subject} is over: {vote.result}.")
    if method and vote.method != method:
        raise DomainError(f"This is a {vote.get_method_display().lower()}.")


def vote_no_objection(*, vote, actor):
    """The chair asked for objections and there were none: adopted without a vote."""
    with transaction.atomic():
        vote = _lock_vote(vote)
        _require_open(vote, Method.WITHOUT_VOTE)
        _announce(
            vote,
            actor=actor,
            adopted=True,
            reason="Adopted: no delegation objected.",
            result=rules.WITHOUT_A_VOTE,
        )
        _signal(vote)
        return vote


def vote_objection(*, vote, method, actor):
    """A delegation objected: a recorded vote follows, by placard or by roll call."""
    with transaction.atomic():
        vote = _lock_vote(vote)
        _require_open(vote, Method.WITHOUT_VOTE)
        if method not in (Method.PLACARD, Method.ROLL_CALL):
            raise DomainError("After an objection, take a placard or a roll-call vote.")
        vote.objection = True
        vote.method = method
        fields = ["objection", "method"]
        if method == Method.ROLL_CALL:
            _draw_order(vote, _entitled(vote.meeting, substantive=vote.substantive))
            fields += ["drawn", "call_order", "call_names"]
        vote.save(update_fields=fields)
        data = {"method": Method(method).label.lower()}
        if vote.drawn_id:
            data["drawn"] = vote.drawn.name
        _log(vote, "vote.objection", actor, **data)
        _signal(vote, order=True)
        return vote


def vote_counts(*, vote, yes, no, abstain=0, permanent_no=0, actor):
    """A placard vote: the chair enters the counts; the result is announced at once."""
    with transaction.atomic():
        vote = _lock_vote(vote)
        _require_open(vote, Method.PLACARD)
        _check_counts(vote, yes=yes, no=no, abstain=abstain, permanent_no=permanent_no)
        vote.yes, vote.no, vote.abstain, vote.permanent_no = yes, no, abstain, permanent_no
        _count_and_announce(vote, actor=actor)
        _signal(vote)
        return vote


def _attendance(vote, delegation):
    return (
        RollCallEntry.objects.filter(meeting=vote.meeting_id, delegation=delegation)
        .values_list("status", flat=True)
        .first()
    )


@cache
def _answer_reads(vendor):
    """The two reads of a roll-call answer, written out: the vote's row, locked, and the answers
    recorded so far (``ballot_answers``)."""
    columns = Columns(Vote, "v")
    lock = ""
    if connection.features.has_select_for_update:
        lock = connection.ops.for_update_sql(
            no_key=connection.features.has_select_for_no_key_update
        )
    quote = connection.ops.quote_name
    return (
        columns,
        f"SELECT {columns.sql} FROM {quote(Vote._meta.db_table)} v WHERE v.id = %s {lock}",
        f"SELECT delegation_id, answer, with_rights, passed FROM {quote(Ballot._meta.db_table)}"
        " WHERE vote_id = %s",
    )


def _lock_with_answers(vote):
    """``(vote, answers)``: the vote's row locked and read afresh, and its answers so far as
    ``ballot_answers`` gives them. On PostgreSQL both statements go in one round trip; the
    answers are still read by a statement of its own, once the lock is granted, so they include
    those of a dais member who held it."""
    columns, lock, answers = _answer_reads(connection.vendor)
    with sql.pipeline(), connection.cursor() as locked, connection.cursor() as read:
        locked.execute(lock, [vote.pk])
        read.execute(answers, [vote.pk])
        row = locked.fetchone()
        rows = read.fetchall()
    if row is None:
        raise Vote.DoesNotExist
    return columns.instance(row), {row[0]: row[1:] for row in rows}


def _write_answer(vote, ballot, entry, *, new):
    """The answer's writes: the new ballot (an answer given again was saved by the caller), the
    vote's counts and the audit entry, in one round trip on PostgreSQL."""
    table = connection.ops.quote_name(Vote._meta.db_table)
    with sql.pipeline(), connection.cursor() as written, connection.cursor() as logged:
        if new:
            sql.insert(written, ballot)
        logged.execute(
            f"UPDATE {table} SET yes = %s, no = %s, abstain = %s, passed = %s, sequence = %s"
            " WHERE id = %s",
            [vote.yes, vote.no, vote.abstain, vote.passed, vote.sequence, vote.pk],
        )
        sql.insert(logged, entry)
        if new:
            sql.inserted(written, ballot)
        sql.inserted(logged, entry)


def _calling(vote, answers):
    """The delegation called now: the first in the order of call that has not answered, then
    (once every one has) the first that passed, called again; None when all have answered."""
    calling = next((pk for pk in vote.call_order if pk not in answers), None)
    if calling is None:
        calling = next((pk for pk in vote.call_order if answers[pk][0] == A.PASS), None)
    return calling


def _out_of_turn(vote, delegation, calling):
    if calling is None:
        return "Every delegation has answered: verify the count, or undo the last entry."
    name = dict(zip(vote.call_order, vote.call_names, strict=True))[calling]
    return f"{name} is being called, not {delegation}: answer for {name} first."


def ballot_record(*, vote, delegation, answer, actor, with_rights=False):
    """One delegation's answer in a roll-call vote. Recording the same answer again changes
    nothing (a double click counts once)."""
    with transaction.atomic():
        # The committee as the caller read it: its rules are fixed once its first meeting opened,
        # and a vote needs a roll call, so only the vote's own row is read (and locked).
        committee = vote.committee
        vote, answers = _lock_with_answers(vote)
        vote.committee = committee
        _require_open(vote, Method.ROLL_CALL)
        if vote.status != Vote.Status.OPEN:
            raise DomainError("The count has been verified; undo the last entry to change it.")
        if delegation.pk not in vote.call_order:
            why = (
                "observers do not vote on substance"
                if (vote.substantive and delegation.is_observer)
                else "it was not present at the roll call"
            )
            raise DomainError(f"{delegation} is not called in this vote: {why}.")
        if answer not in A.values:
            raise DomainError("Answer yes, no, abstain or pass.")
        if with_rights and not (vote.committee.roll_call_with_rights and answer in (A.YES, A.NO)):
            raise DomainError(
                "Only “yes” or “no” can be given with rights, where the committee allows it."
            )
        # Every answer so far: this delegation's, the count of those called, and (updated
        # below) the new state's rows.
        previous = answers.get(delegation.pk)
        if previous is not None and previous[:2] == (answer, with_rights):
            ballot = Ballot.objects.get(vote=vote, delegation=delegation)
            ballot.vote = vote
            return ballot  # the same click twice
        # Only the delegation being called answers: a screen behind the others (a second
        # dais member's, an answer undone meanwhile) may name another.
        calling = _calling(vote, answers)
        vote.sequence += 1
        step = vote.sequence
        if previous is not None:
            ballot = Ballot.objects.get(vote=vote, delegation=delegation)
            if ballot.answer != A.PASS:
                raise DomainError(
                    f"{delegation} already answered “{ballot.display}”. Undo the last entry to "
                    "correct it."
                )
            if answer not in (A.YES, A.NO):
                raise DomainError(f"{delegation} passed; called again, it must answer yes or no.")
            if len(answers) < len(vote.call_order):
                raise DomainError(
                    f"{delegation} passed: it is called again once every delegation"
                    " has been called."
                )
            if calling != delegation.pk:
                raise DomainError(_out_of_turn(vote, delegation, calling))
            ballot.answer, ballot.with_rights, ballot.passed, ballot.step = (
                answer,
                with_rights,
                True,
                step,
            )
            ballot.recorded_by, ballot.recorded_at = actor, clock.now()
            ballot.save()
            vote.passed -= 1
        else:
            if answer == A.ABSTAIN:
                if not vote.substantive:
                    raise DomainError("Nobody abstains on a procedural vote.")
                if _attendance(vote, delegation) == Attendance.PRESENT_AND_VOTING:
                    raise DomainError(
                        f"{delegation} answered “present and voting” at the roll call, so it "
                        "cannot abstain."
                    )
            if calling != delegation.pk:
                raise DomainError(_out_of_turn(vote, delegation, calling))
            ballot = Ballot(
                vote=vote,
                delegation=delegation,
                answer=answer,
                with_rights=with_rights,
                step=step,
                first_step=step,
                recorded_by=actor,
            )
            if answer == A.PASS:
                vote.passed += 1
        if answer == A.YES:
            vote.yes += 1
        elif answer == A.NO:
            vote.no += 1
        elif answer == A.ABSTAIN:
            vote.abstain += 1
        entry = audit_entry(
            actor=actor,
            committee=vote.committee,
            action="vote.ballot",
            target=vote,
            data={
                "subject": vote.subject,
                "delegation": delegation.name,
                "answer": ballot.display.lower(),
                "again": ballot.passed,
            },
        )
        _write_answer(vote, ballot, entry, new=previous is None)
        answers[delegation.pk] = (ballot.answer, ballot.with_rights, ballot.passed)
        _send(vote, answers=answers, ballot=ballot_message(ballot, delegation))
        ballot.vote = vote
        return ballot


def ballot_undo(*, vote, actor):
    """Take back the last answer recorded (a pass called again goes back to "pass")."""
    with transaction.atomic():
        vote = _lock_vote(vote, related=("committee",))
        _require_open(vote, Method.ROLL_CALL)
        ballot = (
            Ballot.objects.filter(vote=vote)
            .select_related("delegation__member_state")
            .order_by("-step")
            .first()
        )
        if ballot is None:
            raise DomainError("Nothing to undo: no answer has been recorded.")
        counter = {A.YES: "yes", A.NO: "no", A.ABSTAIN: "abstain", A.PASS: "passed"}[ballot.answer]
        setattr(vote, counter, getattr(vote, counter) - 1)
        undone = ballot.display.lower()
        if ballot.passed:
            ballot.answer, ballot.with_rights, ballot.passed = A.PASS, False, False
            ballot.step = ballot.first_step
            ballot.save(update_fields=["answer", "with_rights", "passed", "step"])
            vote.passed += 1
            message = ballot_message(ballot, ballot.delegation)
        else:
            ballot.delete()
            message = {"delegation": ballot.delegation_id, "answer": "", "display": ""}
        vote.status = Vote.Status.OPEN
        vote.verified_by = None
        vote.sequence += 1
        vote.save(
            update_fields=["yes", "no", "abstain", "passed", "status", "verified_by", "sequence"]
        )
        _log(vote, "vote.undone", actor, delegation=ballot.delegation.name, answer=undone)
        _send(vote, ballot=message)
        vote.undone = message
        return vote


def vote_verify(*, vote, actor):
    """The rapporteur (or chair) checks the count: every delegation answered, no pass left."""
    with transaction.atomic():
        vote = _lock_vote(vote)
        _require_open(vote, Method.ROLL_CALL)
        if vote.status == Vote.Status.VERIFIED:
            return vote
        answered = Ballot.objects.filter(vote=vote).count()
        if answered < len(vote.call_order):
            missing = len(vote.call_order) - answered
            raise DomainError(
                f"{missing} delegation{'s have' if missing != 1 else ' has'} not been called yet."
            )
        if vote.passed:
            raise DomainError(
                f"{vote.passed} delegation{'s' if vote.passed != 1 else ''} passed and must be "
                "called again."
            )
        vote.status = Vote.Status.VERIFIED
        vote.verified_by = actor
        vote.save(update_fields=["status", "verified_by"])
        _log(vote, "vote.verified", actor, yes=vote.yes, no=vote.no, abstain=vote.abstain)
        _signal(vote)
        return vote


def vote_announce(*, vote, actor):
    """Announce a verified roll-call vote's result, and do what it decides."""
    with transaction.atomic():
        vote = _lock_vote(vote)
        _require_open(vote, Method.ROLL_CALL)
        if vote.status != Vote.Status.VERIFIED:
            raise DomainError("Verify the count before announcing the result.")
        vote.permanent_no = Ballot.objects.filter(
            vote=vote, answer=A.NO, delegation__member_state__is_permanent_member=True
        ).count()
        _count_and_announce(vote, actor=actor)
        _signal(vote)
        return vote


def delegation_for(vote, pk):
    """The delegation ``pk`` of the vote's committee, or a DomainError."""
    delegation = (
        Delegation.objects.filter(committee=vote.committee_id, pk=pk)
        .select_related("member_state")
        .first()
    )
    if delegation is None:
        raise DomainError("No such delegation in this committee.")
    return delegation


# Motions from the floor ------------------------------------------------------------------


def floor_motion_vote(*, motion, yes, no, actor):
    """Put a motion from the floor (``sessions.models.FloorMotion``) to a procedural vote by
    placard, then let the floor apply its effect. Closure, reorder and division are this
    app's own motions (closure opens voting procedure); the others are recorded as "other
    motions" with the motion's wording. Registered with ``sessions.floor`` in ready()."""
    with transaction.atomic():
        from sessions import floor

        motion = floor.motion_for_vote(motion)
        K = floor.K
        M = Vote.Motion
        common = {"committee": motion.committee, "yes": yes, "no": no, "actor": actor}
        if motion.kind == K.CLOSURE:
            vote = motion_vote(motion=M.CLOSURE, **common)
        elif motion.kind == K.REORDER:
            vote = motion_vote(motion=M.REORDER, order=parse_numbers(motion.order), **common)
        elif motion.kind == K.DIVISION:
            vote = motion_vote(
                motion=M.DIVISION, draft=motion.draft, parts=parse_parts(motion.parts), **common
            )
        else:
            vote = motion_vote(motion=M.OTHER, subject=motion.subject, **common)
        floor.motion_decided(
            motion=motion, adopted=vote.adopted, result=vote.result, vote_id=vote.pk, actor=actor
        )
        return vote
