"""The 193 UN Member States and the two observer States, shipped in data/member_states.csv."""

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "member_states.csv"


def rows():
    with DATA.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            yield {
                "iso3": row["iso3"],
                "name": row["name"],
                "is_un_member": row["status"] == "member",
                "is_permanent_member": row["permanent"] == "1",
            }


def load_member_states(model):
    """Insert or update every state; ``model`` is MemberState (or its historical version)."""
    existing = set(model.objects.values_list("iso3", flat=True))
    if not existing:
        model.objects.bulk_create(model(**row) for row in rows())
        return
    for row in rows():
        iso3 = row.pop("iso3")
        model.objects.update_or_create(iso3=iso3, defaults=row)
