from django.apps import AppConfig


class VotingConfig(AppConfig):
    name = "voting"
    verbose_name = "Voting"
    default_auto_field = "django.db.models.BigAutoField"
