from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from sessions.imports import ImportFailed, import_delegations, import_users
from sessions.models import AuditEntry, DaisRole, Delegate, Delegation

pytestmark = pytest.mark.django_db

DELEGATIONS = """delegation,observer
Mexico,
FRA,
Côte d'Ivoire,no
Holy See,
International Criminal Police Organization,yes
"""

USERS = """name,email,role,delegation,password
Theresa McMackin,director@example.org,director,,
Ana López,ana@example.org,delegate,Mexico,secret-1
Jean Dupont,jean@example.org,delegate,FRA,
"""


def test_import_delegations_creates_states_and_observers(committee):
    result = import_delegations(committee=committee, text=DELEGATIONS)
    assert len(result.created) == 5
    names = sorted(d.name for d in Delegation.objects.filter(committee=committee))
    assert names == [
        "Côte d'Ivoire",
        "France",
        "Holy See",
        "International Criminal Police Organization",
        "Mexico",
    ]
    assert Delegation.objects.get(member_state__iso3="VAT").is_observer  # non-member State
    assert not Delegation.objects.get(member_state__iso3="MEX").is_observer
    assert AuditEntry.objects.filter(action="delegation.added").count() == 5


def test_import_delegations_twice_changes_nothing(committee):
    import_delegations(committee=committee, text=DELEGATIONS)
    audit_before = AuditEntry.objects.count()
    result = import_delegations(committee=committee, text=DELEGATIONS)
    assert result.created == [] and result.unchanged == 5
    assert Delegation.objects.filter(committee=committee).count() == 5
    assert AuditEntry.objects.count() == audit_before


def test_bad_delegation_rows_are_reported_by_line_and_nothing_is_imported(committee):
    text = "delegation,observer\nMexico,\nNarnia,\n,\nFrance,maybe\nMEX,\n"
    with pytest.raises(ImportFailed) as failure:
        import_delegations(committee=committee, text=text)
    errors = failure.value.errors
    assert errors[0].startswith("line 3: “Narnia” is not a Member State")
    assert any(e.startswith("line 5: observer must be yes") for e in errors)
    assert any(e.startswith("line 6: “MEX” appears twice") for e in errors)
    assert not Delegation.objects.exists()


def test_missing_column_is_reported(committee):
    with pytest.raises(ImportFailed, match="line 1: missing column"):
        import_delegations(committee=committee, text="country\nMexico\n")


def test_import_users_creates_accounts_roles_and_delegates(committee):
    import_delegations(committee=committee, text=DELEGATIONS)
    result = import_users(committee=committee, text=USERS)
    User = get_user_model()
    assert len(result.created) == 3
    director = User.objects.get(username="director@example.org")
    assert DaisRole.objects.filter(committee=committee, user=director, role="director").exists()
    assert Delegate.objects.get(user__username="ana@example.org").delegation.name == "Mexico"
    assert User.objects.get(username="ana@example.org").check_password("secret-1")
    generated = result.passwords["jean@example.org"]
    assert len(generated) >= 10
    assert User.objects.get(username="jean@example.org").check_password(generated)
    assert User.objects.get(username="ana@example.org").first_name == "Ana"


def test_import_users_twice_changes_nothing(committee):
    import_delegations(committee=committee, text=DELEGATIONS)
    import_users(committee=committee, text=USERS)
    User = get_user_model()
    passwords = dict(User.objects.values_list("username", "password"))
    result = import_users(committee=committee, text=USERS)
    assert result.created == [] and result.unchanged == 3 and result.passwords == {}
    assert dict(User.objects.values_list("username", "password")) == passwords


def test_bad_user_rows_are_reported_and_nothing_is_imported(committee):
    import_delegations(committee=committee, text=DELEGATIONS)
    text = (
        "name,email,role,delegation\n"
        "Good Person,good@example.org,chair,\n"
        ",not-an-email,emperor,\n"
        "No Country,nc@example.org,delegate,\n"
        "Wrong Country,wc@example.org,delegate,Atlantis\n"
        "Chair With Country,cwc@example.org,chair,Mexico\n"
    )
    with pytest.raises(ImportFailed) as failure:
        import_users(committee=committee, text=text)
    errors = failure.value.errors
    assert "line 3: the name is empty" in errors
    assert "line 3: “not-an-email” is not an email address" in errors
    assert any(e.startswith("line 3: unknown role “emperor”") for e in errors)
    assert "line 4: a delegate needs a delegation" in errors
    assert any(e.startswith("line 5: “Atlantis” is not a delegation") for e in errors)
    assert any(e.startswith("line 6: only delegates belong") for e in errors)
    assert not get_user_model().objects.filter(username="good@example.org").exists()


def test_import_command_reports_errors_and_succeeds(committee, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("delegation\nNarnia\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 2"):
        call_command("import_csv", "delegations", committee.slug, str(bad))
    good = tmp_path / "good.csv"
    good.write_text(DELEGATIONS, encoding="utf-8")
    out = StringIO()
    call_command("import_csv", "delegations", committee.slug, str(good), stdout=out)
    assert "5 created, 0 unchanged" in out.getvalue()
    with pytest.raises(CommandError, match="No committee"):
        call_command("import_csv", "delegations", "nope", str(good))


def test_admin_action_imports_an_uploaded_file(client, committee, secretariat):
    from django.core.files.uploadedfile import SimpleUploadedFile

    secretariat.is_superuser = True
    secretariat.save()
    client.force_login(secretariat)
    url = reverse("admin:committee_committee_changelist")
    response = client.post(url, {"action": "import_csv", "_selected_action": [committee.pk]})
    assert response.status_code == 200 and b"Import CSV into" in response.content

    upload = SimpleUploadedFile("d.csv", b"delegation\nNarnia\n", content_type="text/csv")
    response = client.post(
        url,
        {
            "action": "import_csv",
            "_selected_action": [committee.pk],
            "apply": "1",
            "kind": "delegations",
            "file": upload,
        },
    )
    assert "line 2: “Narnia” is not a Member State" in response.content.decode()
    assert not Delegation.objects.exists()

    upload = SimpleUploadedFile("d.csv", DELEGATIONS.encode(), content_type="text/csv")
    response = client.post(
        url,
        {
            "action": "import_csv",
            "_selected_action": [committee.pk],
            "apply": "1",
            "kind": "delegations",
            "file": upload,
        },
    )
    assert b"5 created, 0 unchanged" in response.content
    assert Delegation.objects.filter(committee=committee).count() == 5
