"""Reads for the voting pages and the live messages, each a fixed number of queries."""

from django.db.models import Prefetch
from django.urls import reverse

from .models import Ballot, Item, Method, Resolution, Vote, VotingProcedure

LABELS = {"yes": "Yes", "no": "No", "abstain": "Abstain", "pass": "Pass"}


def _display(answer, with_rights):
    if not answer:
        return ""
    return LABELS[answer] + (" with rights" if with_rights else "")


def ballot_message(ballot, delegation):
    """The answer just recorded, as the live message carries it."""
    return {
        "delegation": delegation.pk,
        "name": delegation.name,
        "answer": ballot.answer,
        "display": _display(ballot.answer, ballot.with_rights),
        "passed": ballot.passed,
    }


def ballot_answers(vote):
    """{delegation id: (answer, with rights, passed)} of a roll call (one query)."""
    return {
        row[0]: row[1:]
        # No order: the model's ("vote", "step") would join the vote and its committee.
        for row in Ballot.objects.filter(vote=vote)
        .order_by()
        .values_list("delegation_id", "answer", "with_rights", "passed")
    }


def vote_state(vote, *, order=False, answers=None):
    """Everything a screen shows of ``vote``: the tally, who is being called, the result.
    With ``order``, also every delegation called with its answer (the roll call's rows).
    One query for a roll call's answers unless the caller already holds them (as
    ``ballot_answers`` gives them), none otherwise: the names come with the call order."""
    state = {
        "vote": vote.pk,
        "seq": vote.sequence,
        "subject": vote.subject,
        "kind": vote.kind,
        "kind_label": vote.get_kind_display(),
        "majority_label": vote.get_majority_display().lower(),
        "objection": vote.objection,
        "method": vote.method,
        "method_label": vote.get_method_display(),
        "majority": vote.majority,
        "status": vote.status,
        "status_label": vote.get_status_display(),
        "yes": vote.yes,
        "no": vote.no,
        "abstain": vote.abstain,
        "pass": vote.passed,
        "entitled": vote.entitled,
        "expected": len(vote.call_order) if vote.method == Method.ROLL_CALL else vote.entitled,
        "answered": vote.answered,
        "calling": None,
        "adopted": vote.adopted,
        "result": vote.result,
        "reason": vote.reason,
        "drawn": None,
        "resolution": None,
        # An amendment put to the vote: what it does, one line per change.
        "changes": vote.details.get("changes") if vote.item_id else None,
    }
    if vote.adopted and vote.item_id:
        state["resolution"] = (
            Resolution.objects.filter(vote=vote).values_list("code", flat=True).first()
        )
    if vote.method != Method.ROLL_CALL:
        return state
    if answers is None:
        answers = ballot_answers(vote)
    calling = next((pk for pk in vote.call_order if pk not in answers), None)
    again = False
    if calling is None:
        calling = next((pk for pk in vote.call_order if answers[pk][0] == "pass"), None)
        again = calling is not None
    names = dict(zip(vote.call_order, vote.call_names, strict=True))
    state["drawn"] = names.get(vote.drawn_id)
    if calling is not None and vote.status == Vote.Status.OPEN:
        state["calling"] = {"delegation": calling, "name": names[calling], "again": again}
    if order:
        state["order"] = [
            {
                "delegation": pk,
                "name": names[pk],
                "answer": answers.get(pk, ("",))[0],
                "display": _display(*answers.get(pk, ("", False))[:2]),
                "passed": answers.get(pk, (None, None, False))[2],
            }
            for pk in vote.call_order
        ]
    return state


def current_vote(committee):
    """The vote being taken, or else the last one announced (one query)."""
    votes = Vote.objects.filter(committee=committee).select_related("item", "committee")
    return (
        votes.exclude(status=Vote.Status.ANNOUNCED).first()
        or votes.order_by("-announced_at", "-id").first()
    )


def procedures(committee):
    items = Item.objects.select_related("draft", "vote", "amendment").order_by("position")
    return list(
        VotingProcedure.objects.filter(committee=committee)
        .select_related("topic")
        .prefetch_related(Prefetch("items", queryset=items))
        .order_by("-opened_at")
    )


def votes(committee, limit=50):
    return list(Vote.objects.filter(committee=committee).order_by("-opened_at", "-id")[:limit])


def resolutions(committee):
    return list(
        Resolution.objects.filter(committee=committee)
        .select_related("topic", "vote", "draft")
        .order_by("topic__agenda_position", "number")
    )


def floor_vote_state(committee):
    """The vote the floor's projector shows at first (later ones arrive in messages)."""
    vote = current_vote(committee)
    return vote_state(vote) if vote else None


def vote_links(committee):
    """The page that follows the vote under way and its state as JSON (the vote card)."""
    kwargs = {"committee": committee.slug}
    return {
        "page": reverse("voting:current", kwargs=kwargs),
        "state": reverse("voting:current_state", kwargs=kwargs),
    }


def in_voting_procedure(committee):
    """The number of the topic in voting procedure, or None (one query)."""
    return (
        VotingProcedure.objects.filter(committee=committee, status=VotingProcedure.Status.OPEN)
        .values_list("topic__agenda_position", flat=True)
        .first()
    )


def debate_closed(committee):
    """Why the floor takes no speakers: the open topic is in voting procedure (one query)."""
    topic = (
        VotingProcedure.objects.filter(committee=committee, status=VotingProcedure.Status.OPEN)
        .values_list("topic__agenda_position", flat=True)
        .first()
    )
    if topic is None:
        return None
    return f"Debate on topic {topic} is closed: the committee is in voting procedure."
