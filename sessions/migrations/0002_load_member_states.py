from django.db import migrations

from sessions.member_states import load_member_states


def load(apps, schema_editor):
    load_member_states(apps.get_model("committee", "MemberState"))


def unload(apps, schema_editor):
    apps.get_model("committee", "MemberState").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("committee", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
