"""Majorities, as plain Python (no ORM): does a vote adopt the question?

``decide("general", yes=21, no=7, abstain=5)`` → ``Decision(adopted=True, reason=...)``.
The rules follow DOMAIN.md, "Voting procedure":

- *General* bodies (GA, ECOSOC and its commissions): a substantive decision needs more yes
  than no among those present and voting; abstentions do not count and a tie fails. A
  two-thirds majority means yes ≥ 2/3 of (yes + no). Procedural decisions: more yes than no,
  and nobody abstains.
- *Security Council*: every decision needs nine affirmative votes; on substance, a "no" from
  any permanent member defeats it (an abstention does not).
"""

from dataclasses import dataclass

GENERAL = "general"
SECURITY_COUNCIL = "security_council"
SIMPLE = "simple"
TWO_THIRDS = "two_thirds"
SECURITY_COUNCIL_AFFIRMATIVE = 9


@dataclass(frozen=True)
class Decision:
    adopted: bool
    reason: str

    def __bool__(self):
        return self.adopted


def _plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def decide(
    body,
    *,
    yes,
    no,
    abstain=0,
    majority=SIMPLE,
    substantive=True,
    permanent_members_no=0,
):
    """Whether a vote of ``yes`` / ``no`` / ``abstain`` adopts the question.

    Raises ``ValueError`` for counts that cannot happen (negative, abstentions on a
    procedural question, more permanent "no" votes than "no" votes)."""
    if body not in (GENERAL, SECURITY_COUNCIL):
        raise ValueError(f"Unknown body {body!r}.")
    if majority not in (SIMPLE, TWO_THIRDS):
        raise ValueError(f"Unknown majority {majority!r}.")
    if min(yes, no, abstain, permanent_members_no) < 0:
        raise ValueError("Counts cannot be negative.")
    if not substantive and abstain:
        raise ValueError("Nobody abstains on a procedural question.")
    if permanent_members_no > no:
        raise ValueError("More permanent members voted no than there are votes against.")

    if body == SECURITY_COUNCIL:
        if yes < SECURITY_COUNCIL_AFFIRMATIVE:
            return Decision(
                False,
                f"Fails: {_plural(yes, 'affirmative vote')}; the Security Council needs "
                f"{SECURITY_COUNCIL_AFFIRMATIVE}.",
            )
        if substantive and permanent_members_no:
            return Decision(
                False,
                f"Fails: {_plural(permanent_members_no, 'permanent member')} voted against (veto).",
            )
        return Decision(
            True,
            f"Adopted: {yes} affirmative votes"
            + (", no permanent member against." if substantive else "."),
        )

    voting = yes + no
    counted = (
        "of those present and voting (abstentions do not count)"
        if substantive
        else "of those present"
    )
    if majority == TWO_THIRDS:
        needed = -(-2 * voting // 3)  # ceil(2/3 of yes + no)
        if yes > 0 and 3 * yes >= 2 * voting:
            return Decision(True, f"Adopted: {yes} of {voting} is at least two thirds {counted}.")
        return Decision(
            False, f"Fails: {yes} of {voting}; two thirds {counted} needs {max(needed, 1)}."
        )
    if yes > no:
        return Decision(True, f"Adopted: {yes} in favor to {no} against, a majority {counted}.")
    if yes == no:
        return Decision(False, f"Fails: a tie ({yes} to {no}) is not a majority.")
    return Decision(False, f"Fails: {yes} in favor to {no} against, no majority {counted}.")


def counts_text(*, yes, no, abstain=None):
    """The seed's way of giving a result: "21 in favor, 7 against, 5 abstentions"."""
    text = f"{yes} in favor, {no} against"
    if abstain is not None:
        text += f", {_plural(abstain, 'abstention')}"
    return text


WITHOUT_A_VOTE = "Adopted without a vote"
