"""A draft resolution to amend: DR 1/1 sponsored by Mexico and France, signed by Kenya."""

from resolutions import amendment_services as amendments
from resolutions import services
from resolutions.models import Supporter
from resolutions.text import amend, parse

from .factories import DelegateFactory, open_floor

TEXT = """Recalling resolution 55/25,
1. Encourages Member States to share data;
2. Requests a report:
 a. on trafficking;
 b. on corruption;
3. Decides to remain seized."""


def make_draft(committee, delegations, *, chair, director, mexican, french, text=TEXT):
    """DR 1/1: Mexico's paper, co-sponsored by France, signed by Kenya, approved."""
    open_floor(committee, chair)
    mexico, france, kenya = delegations[0], delegations[1], delegations[2]
    paper = services.paper_create(
        committee=committee, delegation=mexico, actor=mexican, resolution=parse(text).resolution
    )
    kenyan = DelegateFactory(delegation=kenya).user
    for invitee, role, user in [
        (france, Supporter.Role.SPONSOR, french),
        (kenya, Supporter.Role.SIGNATORY, kenyan),
    ]:
        services.supporter_invite(
            paper=paper, delegation=mexico, actor=mexican, invitee=invitee, role=role
        )
        services.supporter_answer(paper=paper, delegation=invitee, actor=user, accept=True)
    services.paper_submit(paper=paper, delegation=mexico, actor=mexican)
    return services.paper_approve(paper=paper, actor=director)


def write(amendment, delegation, actor, *steps):
    """Editor actions, as (op, key, text) on the amended text, saved through the service."""
    base = amendment.base_revision.resolution
    operations = list(amendment.operations)
    for op, key, *text in steps:
        operations = amend.edit(base, operations, op, key, *(text or [""]))
    return amendments.amendment_save_operations(
        amendment=amendment, delegation=delegation, actor=actor, operations=operations
    )


def operative(draft):
    draft.refresh_from_db()
    return [c.text for c in draft.revision.resolution.operative]


def unfriendly(draft, delegation, actor, *steps):
    amendment = amendments.amendment_create(
        target=draft, delegation=delegation, actor=actor, kind="unfriendly"
    )
    return write(amendment, delegation, actor, *steps) if steps else amendment


def signed_and_submitted(amendment, delegation, actor, signer, signer_user):
    amendments.amendment_invite(
        amendment=amendment, delegation=delegation, actor=actor, invitee=signer
    )
    amendments.amendment_answer(
        amendment=amendment, delegation=signer, actor=signer_user, accept=True
    )
    return amendments.amendment_submit(amendment=amendment, delegation=delegation, actor=actor)
