from django.apps import AppConfig


class OutcomeConfig(AppConfig):
    """The committee's outcome: the Documentation of the Simulation (HTML, print, PDF), its
    summary report, Akoma Ntoso XML, and the JSON backup of everything. Comes after voting,
    since it documents voting's results."""

    name = "outcome"
    verbose_name = "Documentation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from sessions import permissions as committee_permissions
        from sessions.audit import describe_actions, timeline_kinds
        from sessions.panels import register_overview_links

        from . import backup, permissions, selectors

        register_overview_links(selectors.overview_links)

        committee_permissions.register(
            permissions.PERMISSIONS, menu=permissions.MENU, nav=permissions.NAV
        )
        timeline_kinds({"documentation": ("Documentation", ("documentation.",))})
        describe_actions(
            {
                "documentation.summary_saved": "summary report edited",
                "documentation.summary_drafted": "summary report drafted from the record",
                "documentation.published": "documentation published",
                "documentation.unpublished": "documentation withdrawn from publication",
            }
        )
        backup.register_core()

    def demo(self, committee):
        from . import demo

        demo.build(committee)
