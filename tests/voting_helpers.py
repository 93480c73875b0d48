"""Building blocks for the voting tests: drafts approved through the services, a roll call
with chosen answers, voting procedure opened by a closure vote."""

from resolutions import services as paper_services
from resolutions.models import Supporter
from resolutions.text import parse
from sessions import services as session_services
from voting import services

from .factories import delegate_of

TEXT = """Recalling resolution 55/25,
1. Encourages Member States to share data;
2. Requests a report;
3. Invites the Secretariat to assist;
4. Decides to remain seized of the matter."""


def agenda_and_roll_call(committee, chair, *, statuses=None):
    """Topics 1 and 2 adopted (1 open) and a meeting whose roll call gives each delegation
    ``statuses.get(name, "present_voting")``."""
    session_services.topic_propose(committee=committee, title="Organized crime", actor=chair)
    session_services.topic_propose(committee=committee, title="Trafficking", actor=chair)
    session_services.agenda_adopt(committee=committee, order=[1, 2], actor=chair)
    meeting = session_services.meeting_open(committee=committee, name="Wednesday", actor=chair)
    statuses = statuses or {}
    for delegation in committee.delegations.select_related("member_state"):
        session_services.roll_call_mark(
            meeting=meeting,
            delegation=delegation,
            status=statuses.get(delegation.name, "present_voting"),
            actor=chair,
        )
    return meeting


def approve_draft(committee, *, sponsor, signatory, user, director, text=TEXT):
    paper = paper_services.paper_create(
        committee=committee, delegation=sponsor, actor=user, resolution=parse(text).resolution
    )
    paper_services.supporter_invite(
        paper=paper,
        delegation=sponsor,
        actor=user,
        invitee=signatory,
        role=Supporter.Role.SIGNATORY,
    )
    paper_services.supporter_answer(
        paper=paper, delegation=signatory, actor=delegate_of(signatory), accept=True
    )
    paper_services.paper_submit(paper=paper, delegation=sponsor, actor=user)
    return paper_services.paper_approve(paper=paper, actor=director)


def close_debate(committee, chair, *, yes=5, no=0):
    vote = services.motion_vote(committee=committee, motion="closure", yes=yes, no=no, actor=chair)
    return vote, committee.procedures.filter(status="open").first()
