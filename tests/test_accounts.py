"""Log-in lock-out, password changes, imported passwords, the health check and the logs."""

import json
import logging

import pytest
from axes.models import AccessAttempt
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from sessions.imports import ImportFailed, import_delegations, import_users

from .factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def attempt(client, username, password, url=LOGIN):
    return client.post(url, {"username": username, "password": password})


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client):
    user = UserFactory(username="delegate-mex")
    for _ in range(4):
        assert attempt(client, user.username, "guess").status_code == 200
    assert attempt(client, user.username, "guess").status_code == 429  # the fifth locks
    response = attempt(client, user.username, "pw")
    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_admin_log_in_is_locked_too(client):
    UserFactory(username="sec", is_staff=True)
    for _ in range(5):
        attempt(client, "sec", "guess", url="/admin/login/")
    response = attempt(client, "sec", "pw", url="/admin/login/")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_right_password_before_the_limit_logs_in_and_resets_the_count(client):
    user = UserFactory(username="delegate-fra")
    for _ in range(4):
        attempt(client, user.username, "guess")
    assert attempt(client, user.username, "pw").status_code == 302
    client.logout()
    for _ in range(4):
        attempt(client, user.username, "guess")
    assert attempt(client, user.username, "pw").status_code == 302


def test_the_secretariat_unlocks_an_account(client, admin_client):
    user = UserFactory(username="delegate-ken")
    for _ in range(5):
        attempt(client, user.username, "guess")
    assert attempt(client, user.username, "pw").status_code == 429
    attempt_row = AccessAttempt.objects.get(username=user.username)
    changelist = admin_client.get(reverse("admin:axes_accessattempt_changelist"))
    assert "delegate-ken" in changelist.content.decode()
    admin_client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": [attempt_row.pk], "post": "yes"},
    )
    assert not AccessAttempt.objects.exists()
    assert attempt(client, user.username, "pw").status_code == 302


def test_a_delegate_changes_their_password(client):
    user = UserFactory(username="delegate-jpn")
    client.force_login(user)
    page = client.get(reverse("password_change"))
    assert page.status_code == 200
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "pw",
            "new_password1": "Placard-raised-42",
            "new_password2": "Placard-raised-42",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("password_change_done")
    user.refresh_from_db()
    assert user.check_password("Placard-raised-42")


def test_a_weak_new_password_is_refused_in_the_page(client):
    user = UserFactory(username="delegate-bra")
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {"old_password": "pw", "new_password1": "1", "new_password2": "1"},
    )
    assert response.status_code == 200
    assert "This password is too short" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("pw")


def test_the_menu_links_to_the_password_change(client, chair, committee):
    client.force_login(chair)
    page = client.get(reverse("committee:dashboard", kwargs={"committee": committee.slug}))
    assert f'href="{reverse("password_change")}"' in page.content.decode()


def test_an_imported_password_must_pass_the_password_rules(committee):
    import_delegations(committee=committee, text="delegation\nMexico\n")
    with pytest.raises(ImportFailed) as failure:
        import_users(
            committee=committee,
            text="name,email,role,delegation,password\n"
            "Ana López,ana@example.org,delegate,Mexico,x\n",
        )
    (error,) = failure.value.errors
    assert error.startswith("line 2: the password is refused: This password is too short.")


def test_health_check_reports_database_and_live_updates(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "live": "ok"}


def test_health_check_answers_503_when_redis_is_unreachable(client, settings):
    from sessions import hub

    settings.LIVE_REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    hub._publisher = None
    try:
        response = client.get("/healthz")
    finally:
        hub._publisher = None
    assert response.status_code == 503
    assert json.loads(response.content)["live"].startswith("error: ")


def test_health_check_answers_503_when_the_database_fails(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(self, sql, params=None):
        if sql == "SELECT 1":
            raise RuntimeError("down")
        return original(self, sql, params)

    original = CursorWrapper.execute
    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "error: RuntimeError"


def test_a_refused_action_is_logged_without_a_traceback():
    from ccpcj.logs import NoTracebackForPermissionDenied

    try:
        raise PermissionDenied("Your role in this committee does not allow this.")
    except PermissionDenied:
        import sys

        record = logging.LogRecord(
            "django.request",
            logging.WARNING,
            __file__,
            1,
            "Forbidden: %s",
            ("/x/",),
            sys.exc_info(),
        )
    handler = logging.StreamHandler()
    handler.addFilter(NoTracebackForPermissionDenied())
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    assert handler.filter(record)
    assert handler.format(record) == "WARNING django.request: Forbidden: /x/"


def test_the_console_log_names_time_level_and_logger():
    from django.conf import settings

    assert settings.LOGGING["formatters"]["plain"]["format"] == (
        "%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    assert "no_traceback_for_403" in settings.LOGGING["handlers"]["console"]["filters"]
