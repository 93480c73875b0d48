from django.apps import AppConfig


class VotingConfig(AppConfig):
    name = "voting"
    verbose_name = "Voting"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from sessions import floor
        from sessions import permissions as committee_permissions
        from sessions.audit import describe_actions, timeline_kinds
        from sessions.panels import register_agenda_vote

        register_agenda_vote("voting:index")

        from sessions import services as session_services

        from . import motion_checks, selectors, services

        # Motions from the floor are decided by this app's procedural votes, and the
        # floor's projector shows the vote under way.
        floor.register_decider(services.floor_motion_vote)
        floor.register_vote_state(selectors.floor_vote_state, links=selectors.vote_links)
        floor.register_debate_closed(selectors.debate_closed)
        # No one enters or leaves during voting procedure: the sessions and resolutions
        # services ask before changing who votes or what is voted on.
        session_services.register_voting_procedure(selectors.in_voting_procedure)
        floor.register_motion_check(motion_checks.floor_motion_check)

        from . import permissions

        committee_permissions.register(
            permissions.PERMISSIONS, menu=permissions.MENU, nav=permissions.NAV
        )
        timeline_kinds(
            {
                "voting": (
                    "Votes and resolutions",
                    ("vote.", "procedure.", "resolution.", "draft.failed"),
                )
            }
        )
        describe_actions(
            {
                "vote.opened": "{subject}: {method}",
                "vote.objection": "{subject}: objection to adopting it without a vote; {method}",
                "vote.ballot": "roll call on {subject}: {delegation} {answer}",
                "vote.undone": "roll call on {subject}: {delegation}'s “{answer}” undone",
                "vote.verified": "count verified on {subject}",
                "vote.announced": "{subject}: {outcome} ({result})",
                "procedure.opened": "voting procedure on topic {topic} opened",
                "procedure.reordered": "drafts reordered",
                "procedure.divided": "question divided on {draft}",
                "procedure.finished": "voting procedure on topic {topic} finished",
                "procedure.lapsed": "{after} adopted: amendments it sent back for revision "
                "are not put to the vote",
                "resolution.adopted": "{draft} adopted as resolution {code} ({result})",
                "draft.failed": "{code} failed: {reason}",
            }
        )
