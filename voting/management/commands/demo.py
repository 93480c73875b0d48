"""``python manage.py demo``: create the database if needed and load the demo committee.

Each app adds its part, in the order the apps depend on each other. Safe to run again.
"""

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
        if not options["quiet_logins"]:
            sessions.print_logins(committee, self.stdout, self.style)
