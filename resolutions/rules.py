"""Who may read and act on a working paper: each rule once, as a ``rules`` predicate, with
its queryset twin where lists need it. Views, selectors, services and templates use these.

- The dais and the secretariat read a paper once it was submitted (it has a round).
- A delegation reads its own papers and those it was asked to support (any supporter row
  it has not declined), and every paper once submitted.
- Nobody else reads a paper.
- A sponsor is a delegation that accepted the sponsor role; the main sponsor is the one
  that started the paper (position 0).
"""

import rules
from django.db.models import Exists, OuterRef, Q

from sessions.errors import DomainError
from sessions.permissions import is_dais_or_secretariat, represents

from .models import Supporter

SPONSOR = Supporter.Role.SPONSOR
ACCEPTED = Supporter.State.ACCEPTED
DECLINED = Supporter.State.DECLINED


def _submitted(paper):
    return paper.rounds.exists()


def _can_read_paper(access, paper):
    """May this person (a ``CommitteeAccess``) read ``paper``?"""
    if is_dais_or_secretariat.test(access):
        return _submitted(paper)
    if access.delegation is None:
        return False
    if _submitted(paper):
        return True
    return paper.supporters.filter(delegation=access.delegation).exclude(state=DECLINED).exists()


can_read_paper = rules.predicate(_can_read_paper, name="can_read_paper")


def readable_papers(access, papers):
    """``can_read_paper`` as a filter on a queryset of papers (the same rule)."""
    submitted = Q(rounds__isnull=False)
    if is_dais_or_secretariat.test(access):
        return papers.filter(submitted).distinct()
    if access.delegation is None:
        return papers.none()
    involved = Supporter.objects.filter(paper=OuterRef("pk"), delegation=access.delegation).exclude(
        state=DECLINED
    )
    return papers.filter(Exists(involved) | submitted).distinct()


def private_audience(paper):
    """Who may follow a paper's events: None once it was submitted (the whole committee
    reads it), else the ids of the delegations that read it (``can_read_paper``'s rule)."""
    if _submitted(paper):
        return None
    return list(paper.supporters.exclude(state=DECLINED).values_list("delegation_id", flat=True))


def is_sponsoring(supporter):
    """A supporter row (or None) that makes its delegation a sponsor."""
    return supporter is not None and supporter.role == SPONSOR and supporter.state == ACCEPTED


def is_main_sponsoring(supporter):
    return is_sponsoring(supporter) and supporter.position == 0


def _is_sponsor(delegation, paper):
    """Does ``delegation`` sponsor ``paper``?"""
    return (
        delegation is not None
        and paper.supporters.filter(delegation=delegation, role=SPONSOR, state=ACCEPTED).exists()
    )


is_sponsor = rules.predicate(_is_sponsor, name="is_sponsor")


def _is_main_sponsor(delegation, paper):
    """Is ``delegation`` the paper's main sponsor (the delegation that started it)?"""
    return (
        delegation is not None
        and paper.supporters.filter(
            delegation=delegation, role=SPONSOR, state=ACCEPTED, position=0
        ).exists()
    )


is_main_sponsor = rules.predicate(_is_main_sponsor, name="is_main_sponsor")


def require_represents(actor, delegation):
    """Refuse unless ``actor`` is a delegate of ``delegation`` (the delegation acted for)."""
    if not represents(actor, delegation):
        raise DomainError(
            f"You do not represent {delegation or 'a delegation'}: only its delegates can act "
            "for it."
        )
