import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "member_states.csv"


def load(apps, schema_editor):
    MemberState = apps.get_model("committee", "MemberState")
    with DATA.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            MemberState.objects.update_or_create(
                iso3=row["iso3"],
                defaults={
                    "name": row["name"],
                    "is_un_member": row["status"] == "member",
                    "is_permanent_member": row["permanent"] == "1",
                },
            )


def unload(apps, schema_editor):
    apps.get_model("committee", "MemberState").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("committee", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
