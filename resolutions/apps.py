from django.apps import AppConfig


class ResolutionsConfig(AppConfig):
    name = "resolutions"
    verbose_name = "Resolutions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from sessions.audit import describe_actions, hide_from_timeline, timeline_kinds
        from sessions.panels import register_panel

        from .selectors import dashboard_panel, timeline_hidden_papers

        register_panel(dashboard_panel)
        hide_from_timeline(timeline_hidden_papers)
        timeline_kinds({"papers": ("Working papers and drafts", ("paper.",))})

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
