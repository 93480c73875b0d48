"""``python manage.py demo``: create the database if needed and load the demo committee.

Each app adds its part, in the order the apps depend on each other. Safe to run again.
"""

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from resolutions import demo as resolutions_demo
from voting import demo as voting_demo


class Command(BaseCommand):
    help = "Create the database if needed and load the demo committee (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print log-ins.")

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        sessions = voting_demo.VotingDemo()
        with transaction.atomic():
            committee = sessions.build()
            resolutions_demo.build(committee, voting_procedure=voting_demo.topic_1)
            voting_demo.topic_2(committee)
            # Apps after this one add their part with a ``demo(committee)`` method on their
            # AppConfig (the documentation's summary report).
            for config in apps.get_app_configs():
                if callable(getattr(config, "demo", None)):
                    config.demo(committee)
        if not options["quiet_logins"]:
            sessions.print_logins(committee, self.stdout, self.style)
