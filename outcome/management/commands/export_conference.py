"""``python manage.py export_conference ID --format html|pdf|akn|json --output FILE``: every
committee of the conference in one document (or one backup)."""

from django.core.management.base import BaseCommand, CommandError

from outcome import documents, selectors
from sessions.models import Conference

from .export_committee import FORMATS, render, write


class Command(BaseCommand):
    help = "Write the documentation of every committee of a conference, or its JSON backup."

    def add_arguments(self, parser):
        parser.add_argument("conference", type=int, help="The conference's id.")
        parser.add_argument("--format", choices=FORMATS, default="html")
        parser.add_argument("--output", "-o", help="The file to write (default: standard output).")

    def handle(self, *args, conference, format, output, **options):
        conf = Conference.objects.filter(pk=conference).first()
        if conf is None:
            raise CommandError(f"No conference {conference}.")
        committees = selectors.conference_committees(conf, published_only=False)
        if not committees:
            raise CommandError("The conference has no committee.")
        docs = documents.conference_docs(conf)
        write(self.stdout, render(docs, committees, format), output)
        if output not in (None, "-"):
            self.stderr.write(f"Wrote {output}")
