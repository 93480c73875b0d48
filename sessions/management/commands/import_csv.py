from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sessions.imports import ImportFailed, import_delegations, import_users
from sessions.models import Committee


class Command(BaseCommand):
    help = "Import delegations or user accounts of one committee from a CSV file."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["delegations", "users"])
        parser.add_argument("committee", help="The committee's slug, e.g. ccpcj-b-2025")
        parser.add_argument("file", type=Path)

    def handle(self, *args, kind, committee, file, **options):
        try:
            committee_obj = Committee.objects.get(slug=committee)
        except Committee.DoesNotExist:
            raise CommandError(f"No committee with slug “{committee}”.") from None
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from None
        importer = import_delegations if kind == "delegations" else import_users
        try:
            result = importer(committee=committee_obj, text=text)
        except ImportFailed as failure:
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"  {e}" for e in failure.errors)
            ) from None
        for account in result.accounts:
            where = f", {account.delegation}" if account.delegation else ""
            self.stdout.write(
                f"  {account.name} ({account.role}{where})  log-in: {account.username}  "
                f"password: {account.password}"
            )
        self.stdout.write(self.style.SUCCESS(f"{kind}: {result}"))
