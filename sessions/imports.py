"""CSV import for the secretariat: delegations of a committee, and user accounts.

Every row is checked before anything is written. A file with any bad row raises
``ImportFailed`` listing each problem with its line number, and nothing is imported.
Running the same file twice changes nothing the second time.

Delegations (header row required):
    delegation,observer
    Mexico,
    VAT,yes
    International Criminal Police Organization,yes
``delegation`` is a Member State's name or ISO 3166 alpha-3 code, or an observer
organization's name (then ``observer`` must be yes).

User accounts:
    name,email,role,delegation[,password]
``role`` is director, assistant_director, chair, rapporteur or delegate; ``delegation``
(a delegation of the committee, by name or code) is required for delegates only. New
accounts without a password get a generated one, returned so it can be handed out.
"""

import csv
import io
import secrets
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from .audit import log_action
from .models import Committee, DaisRole, Delegate, MemberState
from .services import delegation_add

YES = {"yes", "y", "true", "1", "x", "observer"}
NO = {"", "no", "n", "false", "0"}
ROLES = {r.value for r in DaisRole.Role} | {"delegate"}


class ImportFailed(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class NewAccount:
    name: str
    username: str
    role: str
    delegation: str
    password: str
    generated: bool


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    unchanged: int = 0
    accounts: list = field(default_factory=list)  # NewAccount, for the hand-out sheet

    def __str__(self):
        return f"{len(self.created)} created, {self.unchanged} unchanged"

    @property
    def passwords(self):
        return {a.username: a.password for a in self.accounts}

    def accounts_csv(self):
        """The new accounts as CSV (name, log-in, role, delegation, password)."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["name", "login", "role", "delegation", "password"])
        for a in self.accounts:
            writer.writerow([a.name, a.username, a.role, a.delegation, a.password])
        return out.getvalue()


# Longest value each column may hold (the fields they go into).
MAX_LENGTHS = {"delegation": 200, "name": 150, "email": 150, "role": 40, "password": 128}

# Generated passwords: no look-alike characters (l/1/I, O/0/o), in groups of four.
PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def generate_password(groups=3):
    return "-".join(
        "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(4)) for _ in range(groups)
    )


def _dialect(text):
    """Comma, semicolon (Excel in many European locales) or tab, read off the header."""
    header = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _read(text, required):
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise ImportFailed(
            [
                "the file contains NUL characters: it looks like a spreadsheet, not CSV text; "
                "save it as “CSV UTF-8”"
            ]
        )
    reader = csv.DictReader(io.StringIO(text), dialect=_dialect(text))
    headers = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [h for h in required if h not in headers]
    if missing:
        raise ImportFailed(
            [
                f"line 1: missing column(s) {', '.join(missing)}; "
                f"the header must name {', '.join(required)}"
            ]
        )
    reader.fieldnames = headers
    rows, errors = [], []
    for row in reader:
        cleaned = {k: (v or "").strip() for k, v in row.items() if k is not None}
        if not any(cleaned.values()):
            continue
        for column, value in cleaned.items():
            limit = MAX_LENGTHS.get(column)
            if limit and len(value) > limit:
                errors.append(
                    f"line {reader.line_num}: the {column} has {len(value):,} characters; "
                    f"at most {limit} are allowed"
                )
        rows.append((reader.line_num, cleaned))
    if errors:
        raise ImportFailed(errors)
    if not rows:
        raise ImportFailed(["the file has no rows after the header"])
    return rows


def _state_index():
    index = {}
    for state in MemberState.objects.all():
        index[state.iso3.lower()] = state
        index[state.name.lower()] = state
    return index


def import_delegations(*, committee, text, actor=None):
    rows = _read(text, ["delegation"])
    states = _state_index()
    plan, errors, seen = [], [], set()
    for line, row in rows:
        name, observer = row["delegation"], row.get("observer", "").lower()
        if not name:
            errors.append(f"line {line}: the delegation is empty")
            continue
        if observer not in YES | NO:
            errors.append(f"line {line}: observer must be yes or empty, not “{row['observer']}”")
            continue
        state = states.get(name.lower())
        if state is None and observer not in YES:
            errors.append(
                f"line {line}: “{name}” is not a Member State name or ISO code; "
                "for an observer organization write yes in the observer column"
            )
            continue
        key = state.pk if state else name.lower()
        if key in seen:
            errors.append(f"line {line}: “{name}” appears twice in the file")
            continue
        seen.add(key)
        plan.append((state, name, observer in YES))
    if errors:
        raise ImportFailed(errors)
    result = ImportResult()
    with transaction.atomic():
        for state, name, observer in plan:
            delegation, created = delegation_add(
                committee=committee,
                member_state=state,
                organization_name="" if state else name,
                is_observer=observer,
                actor=actor,
            )
            if created:
                result.created.append(delegation)
            else:
                result.unchanged += 1
    return result


def _delegation_index(committee):
    index = {}
    for delegation in committee.delegations.select_related("member_state"):
        index[delegation.name.lower()] = delegation
        if delegation.member_state_id:
            index[delegation.member_state.iso3.lower()] = delegation
    return index


def import_users(*, committee, text, actor=None):
    User = get_user_model()
    rows = _read(text, ["name", "email", "role", "delegation"])
    delegations = _delegation_index(committee)
    plan, errors, seen = [], [], set()
    for line, row in rows:
        name, email, role = row["name"], row["email"].lower(), row["role"].lower()
        role = role.replace(" ", "_").replace("-", "_")
        problems = []
        if not name:
            problems.append("the name is empty")
        try:
            validate_email(email)
        except ValidationError:
            problems.append(f"“{row['email']}” is not an email address")
        if role not in ROLES:
            problems.append(f"unknown role “{row['role']}” (use one of {', '.join(sorted(ROLES))})")
        delegation = None
        if role == "delegate":
            delegation = delegations.get(row["delegation"].lower())
            if delegation is None:
                problems.append(
                    f"“{row['delegation']}” is not a delegation of {committee.acronym}"
                    if row["delegation"]
                    else "a delegate needs a delegation"
                )
        elif row["delegation"]:
            problems.append("only delegates belong to a delegation; leave it empty for dais roles")
        if row.get("password"):
            first, _, last = name.partition(" ")
            try:
                validate_password(
                    row["password"],
                    user=User(username=email, email=email, first_name=first, last_name=last),
                )
            except ValidationError as error:
                problems.append("the password is refused: " + " ".join(error.messages))
        if (email, role) in seen:
            problems.append(f"{email} appears twice with role {role}")
        if not problems and role == "delegate":
            existing = (
                Delegate.objects.filter(user__username=email)
                .select_related("delegation__committee")
                .first()
            )
            if existing and existing.delegation_id != delegation.pk:
                problems.append(
                    f"{email} is already a delegate of {existing.delegation} in "
                    f"{existing.delegation.committee.acronym}"
                )
        if problems:
            errors.extend(f"line {line}: {p}" for p in problems)
            continue
        seen.add((email, role))
        plan.append((name, email, role, delegation, row.get("password", "")))
    if errors:
        raise ImportFailed(errors)

    result = ImportResult()
    with transaction.atomic():
        committee = Committee.objects.select_for_update(no_key=True).get(pk=committee.pk)
        for name, email, role, delegation, password in plan:
            first, _, last = name.partition(" ")
            user = User.objects.filter(username=email).first()
            changed = False
            if user is None:
                user = User(username=email, email=email, first_name=first, last_name=last)
                generated = not password
                password = password or generate_password()
                user.set_password(password)
                user.save()
                result.accounts.append(
                    NewAccount(
                        name=name,
                        username=email,
                        role=role,
                        delegation=delegation.name if delegation else "",
                        password=password,
                        generated=generated,
                    )
                )
                changed = True
            if role == "delegate":
                _, made = Delegate.objects.get_or_create(
                    user=user, defaults={"delegation": delegation}
                )
            else:
                _, made = DaisRole.objects.get_or_create(committee=committee, user=user, role=role)
            changed = changed or made
            if changed:
                result.created.append(user)
                log_action(
                    actor=actor,
                    committee=committee,
                    action="user.imported",
                    target=user,
                    data={
                        "username": email,
                        "role": role,
                        "delegation": delegation.name if delegation else None,
                    },
                )
            else:
                result.unchanged += 1
    return result
