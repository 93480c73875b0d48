"""``python manage.py export_committee ACRONYM --format html|pdf|akn|json --output FILE``"""

import sys

from django.core.management.base import BaseCommand, CommandError

from outcome import backup, documents
from sessions.models import Committee

FORMATS = ["html", "pdf", "akn", "json"]


def write(stdout, content, output):
    data = content.encode() if isinstance(content, str) else content
    if output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        with open(output, "wb") as fh:
            fh.write(data)


def render(docs, committees, fmt):
    if fmt == "html":
        return documents.html(docs)
    if fmt == "pdf":
        return documents.pdf(docs)
    if fmt == "akn":
        return documents.akn(docs)
    return backup.dumps(backup.export_committees(committees))


class Command(BaseCommand):
    help = "Write a committee's documentation (HTML, PDF, Akoma Ntoso) or its JSON backup."

    def add_arguments(self, parser):
        parser.add_argument("committee", help="The committee's acronym (or slug).")
        parser.add_argument("--conference", type=int, help="The conference's id, if ambiguous.")
        parser.add_argument("--format", choices=FORMATS, default="html")
        parser.add_argument("--output", "-o", help="The file to write (default: standard output).")

    def handle(self, *args, committee, conference, format, output, **options):
        committees = Committee.objects.select_related("conference").filter(
            acronym__iexact=committee
        ) | Committee.objects.select_related("conference").filter(slug=committee)
        if conference:
            committees = committees.filter(conference_id=conference)
        committees = list(committees.distinct())
        if not committees:
            raise CommandError(f"No committee {committee!r}.")
        if len(committees) > 1:
            raise CommandError(
                f"{len(committees)} committees are called {committee!r}: add --conference ID."
            )
        docs = documents.committee_docs(committees[0])
        write(self.stdout, render(docs, committees, format), output)
        if output not in (None, "-"):
            self.stderr.write(f"Wrote {output}")
