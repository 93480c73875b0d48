from django.apps import AppConfig


class CommitteeSessionsConfig(AppConfig):
    # Django's own django.contrib.sessions owns the label "sessions".
    name = "sessions"
    label = "committee"
    verbose_name = "Committee sessions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_out

        user_logged_out.connect(_close_sockets_on_logout, dispatch_uid="close_sockets_on_logout")
        from . import live_parts  # noqa: F401  (the state live messages carry)


def _close_sockets_on_logout(sender, request, user, **kwargs):
    from .live import end_session

    session = getattr(request, "session", None)
    end_session(getattr(session, "session_key", None))
