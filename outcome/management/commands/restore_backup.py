"""``python manage.py restore_backup FILE``: restore a JSON backup (of committees or a whole
conference) into a database that holds none of it."""

from django.core.management.base import BaseCommand, CommandError

from outcome import backup
from sessions.errors import DomainError


class Command(BaseCommand):
    help = "Restore a JSON backup made by export_committee/export_conference --format json."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        with open(file, encoding="utf-8") as fh:
            text = fh.read()
        try:
            count = backup.restore(backup.loads(text))
        except DomainError as error:
            raise CommandError(error.message) from error
        self.stdout.write(f"Restored {count} rows.")
