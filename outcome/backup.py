"""The JSON backup's registry, filled for the apps this one depends on and for itself.
The registry and the export/restore live in ``sessions.backup`` (the lowest app), so any
app can register its models there; amendments will register theirs in their own ready()."""

from sessions.backup import dumps, export_committees, loads, register, restore

__all__ = ["dumps", "export_committees", "loads", "register", "restore", "register_core"]


def register_core():
    from resolutions import models as papers
    from sessions import models as committee
    from voting import models as voting

    from .models import Documentation

    register(committee.Committee, committee="")
    register(
        committee.Delegation,
        committee="committee",
        natural={"member_state": (committee.MemberState, "iso3")},
    )
    register(committee.DaisRole, committee="committee")
    register(committee.Delegate, committee="delegation__committee")
    register(committee.Meeting, committee="committee")
    register(committee.RollCallEntry, committee="meeting__committee")
    register(committee.Topic, committee="committee")
    register(committee.AuditEntry, committee="committee")
    register(committee.Floor, committee="committee")
    register(committee.SpeakersList, committee="topic__committee")
    register(committee.Speech, committee="speakers_list__topic__committee")
    register(committee.FloorMotion, committee="committee")
    register(papers.WorkingPaper, committee="committee")
    register(papers.Supporter, committee="paper__committee")
    register(papers.Revision, committee="paper__committee")
    register(papers.Round, committee="paper__committee")
    register(papers.Comment, committee="round__paper__committee")
    register(papers.DraftResolution, committee="committee")
    register(papers.Amendment, committee="committee")
    register(papers.AmendmentSupport, committee="amendment__committee")
    register(voting.VotingProcedure, committee="committee")
    register(voting.Item, committee="procedure__committee")
    register(voting.Vote, committee="committee")
    register(voting.Ballot, committee="vote__committee")
    register(voting.Resolution, committee="committee")
    register(Documentation, committee="committee")
