"""The live floor (formal debate): the speakers list on the open topic, speeches with
server-authoritative timers, yields, motions in order of precedence, suspensions.

Services follow the house pattern: a transaction, the committee's row lock then the floor's,
the check that the move is allowed (``DomainError``), the change, one audit entry, and a live
message after commit. Unlike other signals, the floor's message carries its whole state
(``floor_state``) and a sequence number, as a vote's does: the projector and every phone
follow without one request per change.

Motions are decided by procedural votes, which belong to the voting app (it depends on this
one, not the other way). The voting app registers its decider with ``register_decider`` in
``AppConfig.ready()``: ``motion_put_to_vote`` calls it; the decider records the vote through
the voting services and then calls ``motion_decided`` here, in the same transaction, which
applies the effect (a suspension starts its countdown and pauses the list, a new speaking
time applies from the next speaker, adjourning debate closes the topic). Closure of debate,
reordering and division are the voting app's own motions: it opens voting procedure or
changes its items itself.
"""

from django.db import IntegrityError, transaction
from django.db.models import F

from . import clock
from .audit import log_action
from .errors import DomainError
from .live import notify
from .models import (
    Committee,
    DaisRole,
    Delegate,
    Delegation,
    Floor,
    FloorMotion,
    Meeting,
    SpeakersList,
    Speech,
    Topic,
    format_seconds,
)

K = FloorMotion.Kind
RUNS_THE_FLOOR = (DaisRole.Role.CHAIR, DaisRole.Role.RAPPORTEUR)


def _require_may_act_for(committee, delegation, actor):
    """Delegates act on the floor only for their own delegation; the chair and the
    rapporteur for any (and for the chair's own entries, ``delegation`` None)."""
    if DaisRole.objects.filter(committee=committee, user=actor, role__in=RUNS_THE_FLOOR).exists():
        return
    if (
        delegation is not None
        and Delegate.objects.filter(user=actor, delegation=delegation).exists()
    ):
        return
    if delegation is None:
        raise DomainError("Only the chair and the rapporteur act for the floor itself.")
    raise DomainError(
        f"You do not represent {delegation}: only its delegates, the chair and the rapporteur "
        "can act for it."
    )


_DECIDERS = []
_VOTE_STATE = []
_VOTE_LINKS = []
_DEBATE_CLOSED = []
_MOTION_CHECKS = []


def register_decider(function):
    """``function(*, motion, yes, no, actor) -> vote``: the voting app's procedural vote."""
    _DECIDERS[:] = [function]
    return function


def register_vote_state(function, *, links=None):
    """``function(committee) -> dict | None``: the vote under way (or the last announced), for
    the projectors and the vote card of the floor page and a delegate's home;
    ``links(committee) -> {"page": url, "state": url}``: the page that follows it (the card
    links to it) and its state as JSON (the card fetches it after a reconnection)."""
    _VOTE_STATE[:] = [function]
    _VOTE_LINKS[:] = [links] if links is not None else []
    return function


def register_debate_closed(function):
    """``function(committee) -> str | None``: why debate is closed (voting procedure under
    way, say), or None. Speakers are neither added nor called while it says so."""
    _DEBATE_CLOSED[:] = [function]
    return function


def register_motion_check(function):
    """``function(*, committee, topic, kind, order, draft, parts)``: the voting app checks a
    motion to reorder the drafts or divide the question against the topic's drafts when it
    is raised, raising ``DomainError`` (the vote checks it again)."""
    _MOTION_CHECKS[:] = [function]
    return function


def debate_closed(committee):
    """Why the floor takes no speakers now (voting procedure under way), or None."""
    return _DEBATE_CLOSED[0](committee) if _DEBATE_CLOSED else None


def _check_debate_open(committee):
    reason = debate_closed(committee)
    if reason:
        raise DomainError(reason)


def vote_state(committee):
    return _VOTE_STATE[0](committee) if _VOTE_STATE else None


def vote_links(committee):
    return _VOTE_LINKS[0](committee) if _VOTE_LINKS else None


# Locks and reads ---------------------------------------------------------------------------


def _lock(committee):
    """The committee's row (as every other service takes it first), then the floor's."""
    committee = Committee.objects.select_for_update(no_key=True).get(pk=committee.pk)
    Floor.objects.get_or_create(committee=committee)
    floor = Floor.objects.select_for_update(no_key=True).get(committee=committee)
    return committee, floor


def open_topic(committee):
    return Topic.objects.filter(committee=committee, status=Topic.Status.OPEN).first()


def _speakers_list(committee):
    topic = open_topic(committee)
    if topic is None:
        raise DomainError("No topic is open, so there is no speakers list.")
    speakers_list = _list_for(committee, topic)
    speakers_list.topic = topic
    return speakers_list


def _list_for(committee, topic):
    """The topic's speakers list; a new one starts with the committee's speaking time."""
    speakers_list, _ = SpeakersList.objects.get_or_create(
        topic=topic, defaults={"speaking_time": committee.speaking_time}
    )
    return speakers_list


def _current(speakers_list):
    return (
        Speech.objects.filter(speakers_list=speakers_list, status=Speech.Status.SPEAKING)
        .select_related("delegation__member_state")
        .first()
    )


def _is_adjourned(committee, floor):
    """Adjourned, and no meeting opened since (a new meeting starts with its roll call)."""
    if floor.adjourned_at is None:
        return False
    return not Meeting.objects.filter(
        committee=committee, opened_at__gt=floor.adjourned_at
    ).exists()


def _check_floor_open(committee, floor, now):
    if floor.is_suspended(now):
        end = clock_label(floor.suspension_ends_at)
        raise DomainError(f"The meeting is suspended until {end}.")
    if _is_adjourned(committee, floor):
        raise DomainError("The meeting is adjourned: open the next meeting first.")


def clock_label(moment):
    from django.utils import timezone

    return timezone.localtime(moment).strftime("%H:%M:%S")


def _changed(committee, floor, action, *, actor, target=None, **data):
    floor.sequence += 1
    floor.save(update_fields=["sequence"])
    log_action(actor=actor, committee=committee, action=action, target=target, data=data)
    notify(committee, "floor", state=floor_state(committee))


# The speakers list -------------------------------------------------------------------------


def _delegation(committee, delegation):
    if delegation is None or delegation.committee_id != committee.pk:
        raise DomainError("Choose a delegation of this committee.")
    if delegation.withdrawn_at is not None:
        raise DomainError(f"{delegation} has left the committee.")
    return delegation


def speaker_add(*, committee, delegation, actor):
    """Put ``delegation`` at the end of the open topic's speakers list."""
    with transaction.atomic():
        committee, floor = _lock(committee)
        delegation = _delegation(committee, delegation)
        _require_may_act_for(committee, delegation, actor)
        speakers_list = _speakers_list(committee)
        _check_debate_open(committee)
        if Speech.objects.filter(
            speakers_list=speakers_list, delegation=delegation, status=Speech.Status.WAITING
        ).exists():
            raise DomainError(f"{delegation} is already on the speakers list.")
        try:
            with transaction.atomic():
                speech = Speech.objects.create(
                    speakers_list=speakers_list, delegation=delegation, added_at=clock.now()
                )
        except IntegrityError:
            raise DomainError(f"{delegation} is already on the speakers list.") from None
        _changed(
            committee,
            floor,
            "floor.speaker_added",
            actor=actor,
            target=speech,
            delegation=delegation.name,
            topic=speakers_list.topic.number,
        )
        return speech


def speaker_withdraw(*, speech, actor):
    with transaction.atomic():
        committee, floor = _lock(speech.speakers_list.topic.committee)
        speech = (
            Speech.objects.select_for_update(of=("self",))
            .select_related("delegation__member_state")
            .get(pk=speech.pk)
        )
        _require_may_act_for(committee, speech.delegation, actor)
        if not speech.can_move_to(Speech.Status.WITHDRAWN):
            raise DomainError(f"{speech.delegation} is not waiting on the list any more.")
        speech.status = Speech.Status.WITHDRAWN
        speech.save(update_fields=["status"])
        _changed(
            committee,
            floor,
            "floor.speaker_withdrawn",
            actor=actor,
            target=speech,
            delegation=speech.delegation.name,
        )
        return speech


def speaker_next(*, committee, actor):
    """Give the floor to the first delegation waiting, with the list's speaking time."""
    with transaction.atomic():
        committee, floor = _lock(committee)
        now = clock.now()
        _check_floor_open(committee, floor, now)
        speakers_list = _speakers_list(committee)
        _check_debate_open(committee)
        current = _current(speakers_list)
        if current is not None:
            raise DomainError(f"{current.delegation} has the floor: end that speech first.")
        speech = (
            Speech.objects.select_for_update(of=("self",))
            .select_related("delegation__member_state")
            .filter(speakers_list=speakers_list, status=Speech.Status.WAITING)
            .order_by("added_at", "id")
            .first()
        )
        if speech is None:
            raise DomainError("The speakers list is empty.")
        speech.status = Speech.Status.SPEAKING
        speech.started_at = now
        speech.duration = speakers_list.speaking_time
        speech.save(update_fields=["status", "started_at", "duration"])
        _changed(
            committee,
            floor,
            "floor.speech_started",
            actor=actor,
            target=speech,
            delegation=speech.delegation.name,
            time=format_seconds(speech.duration),
        )
        return speech


def speech_end(*, committee, actor, yield_to="", to_delegation=None, question_seconds=None):
    """End the speech under way. ``yield_to``: "" (time ran out or the chair ended it),
    "dais", "questions", or "delegation" (``to_delegation`` speaks for the time left).
    Questions run on their own timer: the time left, or ``question_seconds`` when the chair
    sets a question time. Ending the questions ends the speech's turn (no further yield)."""
    with transaction.atomic():
        committee, floor = _lock(committee)
        now = clock.now()
        speakers_list = _speakers_list(committee)
        current = _current(speakers_list)
        if current is None:
            raise DomainError("Nobody has the floor.")
        if yield_to not in Speech.Yield.values:
            raise DomainError("Yield to the dais, to questions or to another delegation.")
        if current.questions and yield_to:
            raise DomainError("Questions are under way: end them; they cannot be yielded.")
        remaining = int((current.ends_at - now).total_seconds())
        if yield_to == Speech.Yield.DELEGATION:
            to_delegation = _delegation(committee, to_delegation)
            if to_delegation.pk == current.delegation_id:
                raise DomainError("A delegation cannot yield to itself.")
            if remaining < 1:
                raise DomainError("No time is left to yield.")
        if yield_to == Speech.Yield.QUESTIONS:
            if question_seconds is not None and not 5 <= question_seconds <= 3600:
                raise DomainError("Give the question time in seconds: 5 to 3,600.")
            if question_seconds is None and remaining < 1:
                raise DomainError("No time is left for questions: set a question time.")
        Speech.objects.filter(pk=current.pk).update(
            status=Speech.Status.DONE,
            ended_at=now,
            yielded=yield_to,
            yielded_to=to_delegation if yield_to == Speech.Yield.DELEGATION else None,
        )
        current.ended_at = now
        data = {"delegation": current.delegation.name, "spoken": format_seconds(current.spoken)}
        if current.questions:
            data["questions"] = True
        if yield_to:
            data["yield"] = Speech.Yield(yield_to).label.lower()
        if yield_to == Speech.Yield.DELEGATION:
            data["yield"] = f"yielded to {to_delegation}"
            Speech.objects.create(
                speakers_list=speakers_list,
                delegation=to_delegation,
                status=Speech.Status.SPEAKING,
                added_at=now,
                started_at=now,
                duration=remaining,
                yielded_from=current,
            )
        if yield_to == Speech.Yield.QUESTIONS:
            seconds = question_seconds if question_seconds is not None else remaining
            data["question_time"] = format_seconds(seconds)
            Speech.objects.create(
                speakers_list=speakers_list,
                delegation=current.delegation,
                status=Speech.Status.SPEAKING,
                added_at=now,
                started_at=now,
                duration=seconds,
                yielded_from=current,
                questions=True,
            )
        action = "floor.questions_ended" if current.questions else "floor.speech_ended"
        _changed(committee, floor, action, actor=actor, target=current, **data)
        return current


# Motions -----------------------------------------------------------------------------------


def _numbers(text, what):
    cleaned = " ".join((text or "").replace(",", " ").replace(";", " ; ").split())
    if not cleaned or not all(p == ";" or p.isdigit() for p in cleaned.split()):
        raise DomainError(f"Write the {what} as numbers, for example “2, 1”.")
    return cleaned


def motion_raise(
    *,
    committee,
    kind,
    actor,
    delegation=None,
    minutes=None,
    seconds=None,
    order="",
    draft=None,
    parts="",
):
    """A motion moved by ``delegation`` (or entered by the chair), pending until it is put
    to the vote."""
    with transaction.atomic():
        committee, floor = _lock(committee)
        if kind not in K.values:
            raise DomainError("Choose a motion.")
        if delegation is not None:
            _delegation(committee, delegation)
        _require_may_act_for(committee, delegation, actor)
        motion = FloorMotion(
            committee=committee,
            kind=kind,
            delegation=delegation,
            raised_by=actor,
            raised_at=clock.now(),
        )
        if kind == K.SUSPEND:
            if not minutes or not 1 <= minutes <= 240:
                raise DomainError("Say for how long to suspend the meeting: 1 to 240 minutes.")
            motion.minutes = minutes
        elif kind == K.SPEAKING_TIME:
            if not seconds or not 5 <= seconds <= 3600:
                raise DomainError("Give the speaking time in seconds: 5 to 3,600.")
            motion.seconds = seconds
        elif kind == K.REORDER:
            motion.order = _numbers(order, "draft numbers in the new order")[:100]
        elif kind == K.DIVISION:
            if not draft:
                raise DomainError("Name the draft resolution to divide (its number, e.g. 1).")
            motion.draft = draft
            motion.parts = _numbers(parts, "operative clauses to vote on separately")[:100]
        if kind in (K.ADJOURN_DEBATE, K.CLOSURE, K.SPEAKING_TIME):
            motion.topic = open_topic(committee)
            if motion.topic is None:
                raise DomainError("No topic is open, so there is no debate to adjourn or close.")
            closed = debate_closed(committee)
            if closed:  # voting procedure under way: there is no debate left to act on
                raise DomainError(f"{closed} “{K(kind).label}” is no longer in order.")
        if kind in (K.REORDER, K.DIVISION):
            motion.topic = open_topic(committee)
            if motion.topic is None:
                raise DomainError("No topic is open, so there are no draft resolutions.")
            if _MOTION_CHECKS:
                _MOTION_CHECKS[0](
                    committee=committee,
                    topic=motion.topic,
                    kind=kind,
                    order=motion.order,
                    draft=motion.draft,
                    parts=motion.parts,
                )
        if _is_adjourned(committee, floor):
            raise DomainError("The meeting is adjourned: open the next meeting first.")
        motion.save()
        data = {"subject": motion.subject}
        if delegation is not None:
            data["delegation"] = delegation.name
        _changed(committee, floor, "motion.raised", actor=actor, target=motion, **data)
        return motion


def pending_motions(committee):
    """Pending motions in order of precedence (one query)."""
    motions = FloorMotion.objects.filter(
        committee=committee, status=FloorMotion.Status.PENDING
    ).select_related("delegation__member_state", "topic")
    return sorted(motions, key=lambda m: m.precedence_key)


def motion_withdraw(*, motion, actor):
    with transaction.atomic():
        committee, floor = _lock(motion.committee)
        motion = FloorMotion.objects.select_for_update(of=("self",)).get(pk=motion.pk)
        _require_may_act_for(committee, motion.delegation, actor)
        if motion.status != FloorMotion.Status.PENDING:
            raise DomainError(f"“{motion.subject}” is no longer pending.")
        motion.status = FloorMotion.Status.WITHDRAWN
        motion.decided_at = clock.now()
        motion.save(update_fields=["status", "decided_at"])
        _changed(
            committee, floor, "motion.withdrawn", actor=actor, target=motion, subject=motion.subject
        )
        return motion


def motion_put_to_vote(*, motion, yes, no, actor):
    """Put ``motion`` to a procedural vote by placard (the voting app records it)."""
    if not _DECIDERS:
        raise DomainError("Procedural votes are not available.")
    return _DECIDERS[0](motion=motion, yes=yes, no=no, actor=actor)


def motion_for_vote(motion):
    """Lock and check ``motion`` before its vote: pending, first in order of precedence, and
    the floor open to motions (nobody speaking, not suspended). Returns the locked motion."""
    committee, floor = _lock(motion.committee)
    motion = (
        FloorMotion.objects.select_for_update(of=("self",))
        .select_related("topic", "committee")
        .get(pk=motion.pk)
    )
    if motion.status != FloorMotion.Status.PENDING:
        raise DomainError(f"“{motion.subject}” is no longer pending.")
    first = pending_motions(committee)[0]
    if first.pk != motion.pk:
        raise DomainError(f"“{first.subject}” takes precedence: put it to the vote first.")
    _check_floor_open(committee, floor, clock.now())
    speaking = Speech.objects.filter(
        speakers_list__topic__committee=committee,
        speakers_list__topic__status=Topic.Status.OPEN,
        status=Speech.Status.SPEAKING,
    )
    if speaking.exists():
        raise DomainError("A delegation has the floor: end the speech before voting on a motion.")
    return motion


def motion_decided(*, motion, adopted, result, vote_id, actor):
    """The vote on ``motion`` is announced: record it and apply the effect. Called by the
    voting app inside the vote's transaction, after ``motion_for_vote``."""
    committee, floor = _lock(motion.committee)
    now = clock.now()
    motion.status = FloorMotion.Status.ADOPTED if adopted else FloorMotion.Status.FAILED
    motion.result = result[:200]
    motion.vote_id = vote_id
    motion.decided_at = now
    motion.save(update_fields=["status", "result", "vote_id", "decided_at"])
    if adopted:
        if motion.kind == K.SUSPEND:
            floor.suspended_at = now
            floor.suspension_seconds = motion.minutes * 60
            floor.suspension_ended_at = None
            floor.save(update_fields=["suspended_at", "suspension_seconds", "suspension_ended_at"])
        elif motion.kind == K.ADJOURN_MEETING:
            floor.adjourned_at = now
            floor.save(update_fields=["adjourned_at"])
        elif motion.kind == K.ADJOURN_DEBATE:
            from .services import topic_close

            topic_close(topic=motion.topic, actor=actor, reason="debate adjourned")
        elif motion.kind == K.SPEAKING_TIME:
            speakers_list = _list_for(committee, motion.topic)
            speakers_list.speaking_time = motion.seconds
            speakers_list.save(update_fields=["speaking_time"])
        if motion.kind in (K.SUSPEND, K.ADJOURN_MEETING, K.ADJOURN_DEBATE, K.CLOSURE):
            FloorMotion.objects.filter(
                committee=committee, status=FloorMotion.Status.PENDING
            ).update(status=FloorMotion.Status.LAPSED, decided_at=now)
    _changed(
        committee,
        floor,
        "motion.decided",
        actor=actor,
        target=motion,
        subject=motion.subject,
        outcome="adopted" if adopted else "failed",
        result=result,
    )
    return motion


def suspension_end(*, committee, actor):
    """The chair resumes the meeting before the suspension's time is up."""
    with transaction.atomic():
        committee, floor = _lock(committee)
        now = clock.now()
        if not floor.is_suspended(now):
            raise DomainError("The meeting is not suspended.")
        floor.suspension_ended_at = now
        floor.save(update_fields=["suspension_ended_at"])
        _changed(committee, floor, "floor.resumed", actor=actor)
        return floor


# The state every screen shows ---------------------------------------------------------------


def _ms(moment):
    return int(moment.timestamp() * 1000) if moment else None


def floor_state(committee, *, now=None):
    """Everything a screen shows of the floor, with the server's clock so each screen
    computes the timers itself. With no topic open, the history is that of the topic closed
    last (its list is closed: nobody waits or speaks). A fixed number of queries (six; seven with a
    topic open)."""
    now = now or clock.now()
    floor = Floor.objects.filter(committee=committee).first() or Floor(committee=committee)
    topic = open_topic(committee)
    past = None
    if topic:
        speakers_list = SpeakersList.objects.filter(topic=topic).first()
    else:
        speakers_list = (
            SpeakersList.objects.filter(topic__committee=committee)
            .select_related("topic")
            .order_by(F("topic__closed_at").desc(nulls_last=True), "-topic__agenda_position")
            .first()
        )
        past = speakers_list.topic if speakers_list else None
    speaking_time = speakers_list.speaking_time if topic and speakers_list else None
    speaking_time = speaking_time or committee.speaking_time
    current, waiting, history = None, [], {}
    if speakers_list is not None:
        speeches = (
            Speech.objects.filter(speakers_list=speakers_list)
            .exclude(status=Speech.Status.WITHDRAWN)
            .select_related("delegation__member_state", "yielded_from__delegation__member_state")
            .order_by("added_at", "id")
        )
        if past is not None:  # a closed topic's list: only what was spoken
            speeches = speeches.filter(status=Speech.Status.DONE)
        for speech in speeches:
            name = speech.delegation.name
            if speech.status == Speech.Status.WAITING:
                waiting.append({"id": speech.pk, "delegation": speech.delegation_id, "name": name})
                continue
            if speech.status == Speech.Status.SPEAKING:
                current = {
                    "id": speech.pk,
                    "delegation": speech.delegation_id,
                    "name": name,
                    "started": _ms(speech.started_at),
                    "duration": speech.duration,
                    "ends": _ms(speech.ends_at),
                    "remaining": format_seconds((speech.ends_at - now).total_seconds()),
                    "yielded_from": (
                        speech.yielded_from.delegation.name if speech.yielded_from_id else None
                    ),
                    "questions": speech.questions,
                }
                continue  # counted in the history once it ends
            if speech.questions:
                continue  # questions to a speaker are not a speech of their own
            row = history.setdefault(
                speech.delegation_id, {"name": name, "speeches": 0, "seconds": 0}
            )
            row["speeches"] += 1
            row["seconds"] += speech.spoken
    suspension = None
    if floor.is_suspended(now):
        suspension = {
            "started": _ms(floor.suspended_at),
            "seconds": floor.suspension_seconds,
            "ends": _ms(floor.suspension_ends_at),
            "minutes": floor.suspension_seconds // 60,
            "remaining": format_seconds((floor.suspension_ends_at - now).total_seconds()),
        }
    motions = [
        {
            "id": m.pk,
            "kind": m.kind,
            "subject": m.subject,
            "delegation": m.delegation.name if m.delegation_id else None,
            "delegation_id": m.delegation_id,
        }
        for m in pending_motions(committee)
    ]
    last = (
        FloorMotion.objects.filter(
            committee=committee,
            status__in=[FloorMotion.Status.ADOPTED, FloorMotion.Status.FAILED],
        )
        .select_related("topic")
        .order_by("-decided_at", "-id")
        .first()
    )
    for row in history.values():
        row["time"] = format_seconds(row["seconds"])
    return {
        "seq": floor.sequence,
        "now": _ms(now),
        "topic": {"number": topic.number, "title": topic.title} if topic else None,
        "speaking_time": speaking_time,
        "speaking_time_label": format_seconds(speaking_time),
        "current": current,
        "waiting": waiting,
        "history": sorted(history.values(), key=lambda r: r["name"]),
        "history_topic": {"number": past.number, "title": past.title} if past else None,
        "suspension": suspension,
        "debate_closed": debate_closed(committee) if topic else None,
        "adjourned": _is_adjourned(committee, floor) if floor.adjourned_at else False,
        "motions": motions,
        "last_motion": (
            {"subject": last.subject, "adopted": last.status == "adopted", "result": last.result}
            if last
            else None
        ),
    }


def delegations_for_floor(committee):
    return sorted(
        Delegation.objects.filter(committee=committee, withdrawn_at__isnull=True).select_related(
            "member_state"
        ),
        key=lambda d: d.sort_key,
    )
