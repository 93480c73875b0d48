from django.apps import AppConfig


class ResolutionsConfig(AppConfig):
    name = "resolutions"
    verbose_name = "Resolutions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from sessions import permissions as committee_permissions
        from sessions.audit import describe_actions, hide_from_timeline, timeline_kinds
        from sessions.panels import register_panel

        from . import permissions
        from .selectors import dashboard_panel, timeline_hidden_papers

        committee_permissions.register(
            permissions.PERMISSIONS,
            menu=permissions.MENU,
            nav=permissions.NAV,
            topic_links=permissions.TOPIC_LINKS,
        )

        register_panel(dashboard_panel)
        hide_from_timeline(timeline_hidden_papers)
        timeline_kinds({"papers": ("Working papers and drafts", ("paper.",))})

        from .amendment_selectors import timeline_hidden_amendments

        hide_from_timeline(timeline_hidden_amendments)
        timeline_kinds({"amendments": ("Amendments", ("amendment.",))})

        describe_actions(
            {
                "paper.created": "{delegation} started {paper}",
                "paper.revised": "{paper}: revision {revision} saved",
                "paper.supporter_invited": "{paper}: {delegation} invited as {role}",
                "paper.signed": "{delegation} signed {paper}",
                "paper.cosponsored": "{delegation} co-sponsored {paper}",
                "paper.declined": "{delegation} declined to support {paper}",
                "paper.signature_withdrawn": "{delegation} withdrew its signature from {paper}",
                "paper.submitted": "{paper} submitted to the dais ({supporters} of {needed} "
                "supporters)",
                "paper.resubmitted": "{paper} resubmitted (round {round})",
                "paper.commented": "comment on {clause} of {paper}",
                "paper.comment_deleted": "comment on {clause} of {paper} deleted",
                "paper.returned": "{paper} returned to its sponsors with feedback",
                "paper.approved": "{paper} approved as {code}",
                "paper.merged": "{paper} merged into {into}",
                "paper.not_accepted": "{paper} not accepted: {reason}",
                "paper.withdrawn": "{paper} withdrawn by its main sponsor",
                "paper.sponsor_left": "{delegation} left {paper} as co-sponsor",
            }
        )
        describe_actions(
            {
                "amendment.created": "{delegation} started {amendment} ({kind})",
                "amendment.revised": "{amendment}: text saved",
                "amendment.invited": "{amendment}: {delegation} asked to sign",
                "amendment.signed": "{delegation} signed {amendment}",
                "amendment.declined": "{delegation} declined to sign {amendment}",
                "amendment.signature_withdrawn": "{delegation} withdrew its signature from "
                "{amendment}",
                "amendment.consents_requested": "{amendment}: the sponsors of {draft} asked "
                "to consent",
                "amendment.consented": "{delegation} consented to {amendment}",
                "amendment.consent_refused": "{delegation} did not consent to {amendment}",
                "amendment.submitted": "{amendment} submitted to the dais",
                "amendment.approved": "{amendment} approved; it is voted on before {draft}",
                "amendment.applied": "{amendment} approved and applied: {draft} revision "
                "{revision}",
                "amendment.adopted": "{amendment} adopted and applied: {draft} revision {revision}",
                "amendment.failed": "{amendment} failed in the vote",
                "amendment.rejected": "{amendment} rejected: {reason}",
                "amendment.withdrawn": "{amendment} withdrawn",
                "amendment.rebased": "{amendment} re-based onto {draft} revision {revision}",
                "amendment.needs_revision": "{amendment} needs revision after a change to {draft}",
            }
        )
