"""Motions from the floor to reorder the drafts or divide the question, checked when they are
raised (``sessions.floor.motion_raise`` calls ``floor_motion_check``, registered in ready()).
The vote checks them again against the procedure as it then is (``services.motion_vote``).

In voting procedure, the procedure's own checks apply (only drafts not yet voted on, every
one of them once; a division of a draft still waiting). While debate goes on, the same rules
are applied to the topic's drafts not yet decided."""

from resolutions.models import DraftResolution
from sessions.errors import DomainError

from . import services
from .models import VotingProcedure


def _codes(drafts):
    return ", ".join(d.code for d in drafts)


def floor_motion_check(*, committee, topic, kind, order="", draft=None, parts=""):
    procedure = (
        VotingProcedure.objects.filter(committee=committee, status="open")
        .select_related("topic", "committee")
        .first()
    )
    if kind == "reorder":
        numbers = services.parse_numbers(order, what="draft numbers in the new order")
        if procedure is not None:
            services._check_reorder(procedure, numbers)
        else:
            _check_reorder_in_debate(topic, numbers)
    elif kind == "division":
        clauses = services.parse_parts(parts)
        if procedure is not None:
            services._check_division(procedure, draft, clauses)
        else:
            _check_division_in_debate(topic, draft, clauses)


def _check_reorder_in_debate(topic, numbers):
    drafts = services._drafts_to_vote(topic)
    if len(drafts) < 2:
        have = f"only {drafts[0].code}" if drafts else "no draft resolution"
        raise DomainError(f"Topic {topic.number} has {have}: there is nothing to reorder.")
    by_number = {d.number: d for d in drafts}
    unknown = [n for n in numbers if n not in by_number]
    if unknown:
        raise DomainError(
            f"There is no draft {unknown[0]} to reorder on topic {topic.number}; its drafts "
            f"are {_codes(drafts)}."
        )
    if len(set(numbers)) != len(numbers):
        raise DomainError("Each draft can appear only once in the new order.")
    missing = [d for d in drafts if d.number not in numbers]
    if missing:
        raise DomainError(f"Place every draft in the new order; missing: {_codes(missing)}.")
    if numbers == [d.number for d in drafts]:
        raise DomainError(f"That is the drafts' present order ({_codes(drafts)}).")


def _check_division_in_debate(topic, number, parts):
    drafts = services._drafts_to_vote(topic)
    found = next((d for d in drafts if d.number == number), None)
    if found is None:
        listed = f"its drafts are {_codes(drafts)}" if drafts else "it has no draft resolution"
        raise DomainError(
            f"There is no draft {number} to divide on topic {topic.number}; {listed}."
        )
    found = DraftResolution.objects.select_related("revision").get(pk=found.pk)
    count = len(found.resolution.operative)
    seen = set()
    for part in parts:
        for n in part:
            if not 1 <= n <= count:
                raise DomainError(f"{found.code} has operative clauses 1 to {count}, not {n}.")
            if n in seen:
                raise DomainError(f"Operative clause {n} is named twice.")
            seen.add(n)
