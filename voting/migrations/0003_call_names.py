from django.db import migrations, models


def name_the_called(apps, schema_editor):
    """Votes drawn before the names were kept with their order get them now."""
    Vote = apps.get_model("voting", "Vote")
    Delegation = apps.get_model("committee", "Delegation")
    for vote in Vote.objects.exclude(call_order=[]):
        delegations = Delegation.objects.filter(pk__in=vote.call_order).select_related(
            "member_state"
        )
        names = {
            d.pk: d.member_state.name if d.member_state_id else d.organization_name
            for d in delegations
        }
        vote.call_names = [names[pk] for pk in vote.call_order]
        vote.save(update_fields=["call_names"])


class Migration(migrations.Migration):
    dependencies = [
        ("committee", "0001_initial"),
        ("voting", "0002_amendment_items"),
    ]

    operations = [
        migrations.AddField(
            model_name="vote",
            name="call_names",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Roll call: the delegations' names in calling order, as they were called.",
            ),
        ),
        migrations.RunPython(name_the_called, migrations.RunPython.noop),
    ]
