from django.apps import AppConfig


class CommitteeSessionsConfig(AppConfig):
    # Django's own django.contrib.sessions owns the label "sessions".
    name = "sessions"
    label = "committee"
    verbose_name = "Committee sessions"
    default_auto_field = "django.db.models.BigAutoField"
