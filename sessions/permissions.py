"""Committee roles, the permissions they grant and the menu, each app declaring its own.

A permission is a ``rules`` predicate over a ``CommitteeAccess`` (who the user is in one
committee). This module declares the roles, the predicates built from them, and the
committee's own permissions (``committee.*``, ``floor.*``); every other app declares its
permissions and menu entries in its own ``permissions`` module and registers them from its
``AppConfig.ready`` with ``register``. Nothing here names another app.

Views use ``committee_permission_required(<permission>)``. It loads the committee from the
URL, works out the user's roles in it and refuses: anonymous users go to the login page,
people with no role in the committee get 404 (they cannot learn it exists), people with a
role but not this permission get 403.
"""

from dataclasses import dataclass
from functools import lru_cache, wraps

import rules
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.urls import get_script_prefix, reverse

from .models import Committee, Conference, DaisRole, Delegate, Delegation, MemberState
from .sql import Columns

DIRECTOR = DaisRole.Role.DIRECTOR.value
ASSISTANT_DIRECTOR = DaisRole.Role.ASSISTANT_DIRECTOR.value
CHAIR = DaisRole.Role.CHAIR.value
RAPPORTEUR = DaisRole.Role.RAPPORTEUR.value
DELEGATE = "delegate"
SECRETARIAT = "secretariat"

DAIS = frozenset({DIRECTOR, ASSISTANT_DIRECTOR, CHAIR, RAPPORTEUR})
SUBSTANCE = frozenset({DIRECTOR, ASSISTANT_DIRECTOR})
EVERYONE = DAIS | {DELEGATE, SECRETARIAT}


def has_role(*roles):
    """A predicate true for a ``CommitteeAccess`` holding any of ``roles``."""
    wanted = frozenset().union(*(r if isinstance(r, frozenset) else {r} for r in roles))

    @rules.predicate(name="has_role(" + ", ".join(sorted(wanted)) + ")")
    def predicate(access):
        return bool(access.roles & wanted)

    return predicate


# The predicates every app builds its permissions from.
is_member = has_role(EVERYONE)
is_dais = has_role(DAIS)
is_substance = has_role(SUBSTANCE)
is_chair = has_role(CHAIR)
is_chair_or_rapporteur = has_role(CHAIR, RAPPORTEUR)
is_delegate = has_role(DELEGATE)
is_secretariat = has_role(SECRETARIAT)
is_dais_or_secretariat = is_dais | is_secretariat


def _represents(user, delegation):
    """Is ``user`` a delegate of ``delegation``? Services that act for a delegation check it."""
    return (
        delegation is not None
        and user is not None
        and Delegate.objects.filter(user=user, delegation=delegation).exists()
    )


represents = rules.predicate(_represents, name="represents")


# Every registered permission, by name ("<app>.<verb>").
COMMITTEE_RULES = rules.RuleSet()

PERMISSIONS = {
    "committee.view_dashboard": is_dais_or_secretariat,
    "committee.view_timeline": is_dais_or_secretariat,
    "committee.view_roll_call": is_dais_or_secretariat,
    "committee.take_roll_call": is_chair_or_rapporteur,
    "committee.view_agenda": is_member,
    "committee.manage_agenda": is_chair,
    "committee.view_delegate_home": is_delegate,
    "committee.follow_live": is_member,
    # The live floor: everyone follows it; delegates join the speakers list and raise
    # motions for their own delegation only (the chair and rapporteur for any); the chair
    # and rapporteur run it (call speakers, end speeches, put motions to the vote).
    "floor.view": is_member,
    "floor.take_part": is_delegate | is_chair_or_rapporteur,
    "floor.run": is_chair_or_rapporteur,
}


@dataclass(frozen=True)
class MenuEntry:
    """One link of the committee's menu: shown when ``rule`` holds for the reader's access;
    ``nav`` marks it active; ``badge_template`` is included beside the label, with ``badge``
    as its ``kind`` (counts of what waits for the reader)."""

    order: int
    nav: str
    label: str
    url: str
    rule: object
    badge: str = ""
    badge_template: str = ""


@dataclass(frozen=True)
class MenuLink:
    """A menu entry as a page draws it: its address in the committee of the page."""

    entry: MenuEntry
    href: str

    def __getattr__(self, name):
        return getattr(self.entry, name)


@lru_cache(maxsize=4096)
def _committee_url(url_name, slug, prefix):
    return reverse(url_name, kwargs={"committee": slug})


def menu_links(access, committee):
    """The reader's menu with each entry's address (the same few addresses on every page
    of a committee: reversed once per server process)."""
    prefix = get_script_prefix()
    return [MenuLink(e, _committee_url(e.url, committee.slug, prefix)) for e in access.menu]


MENU = []
# url_name -> the menu entry (its ``nav``) that is active on that page.
NAV = {}
# Buttons under the open topic on a delegate's home page (MenuEntry, ``nav`` unused).
TOPIC_LINKS = []


def register(permissions=(), *, menu=(), nav=None, topic_links=()):
    """Add an app's permissions (name -> predicate), menu entries, active-page names and
    links under the open topic. Called from each app's ``AppConfig.ready``; a permission
    registered twice is an error."""
    for name, predicate in dict(permissions).items():
        if COMMITTEE_RULES.rule_exists(name):
            raise ValueError(f"Permission {name!r} is declared twice.")
        COMMITTEE_RULES.add_rule(name, predicate)
    MENU.extend(menu)
    MENU.sort(key=lambda entry: entry.order)
    NAV.update(nav or {})
    TOPIC_LINKS.extend(topic_links)
    TOPIC_LINKS.sort(key=lambda entry: entry.order)


CORE_MENU = [
    MenuEntry(10, "dashboard", "Dashboard", "committee:dashboard", is_dais_or_secretariat),
    MenuEntry(20, "roll_call", "Roll call", "committee:roll_call", is_dais_or_secretariat),
    MenuEntry(30, "delegate", "My delegation", "committee:delegate_home", is_delegate),
    MenuEntry(40, "agenda", "Agenda", "committee:agenda", is_member),
    MenuEntry(50, "floor", "Floor", "committee:floor", is_member),
    MenuEntry(900, "timeline", "Timeline", "committee:timeline", is_dais_or_secretariat),
]

CORE_NAV = {
    "dashboard": "dashboard",
    "timeline": "timeline",
    "roll_call": "roll_call",
    "roll_call_meeting": "roll_call",
    "meeting_create": "roll_call",
    "agenda": "agenda",
    "topic_propose": "agenda",
    "agenda_adopt": "agenda",
    "delegate_home": "delegate",
    "conference_overview": "conference",
    "floor": "floor",
}


class CommitteeAccess:
    """Who the user is in one committee."""

    def __init__(self, *, committee, roles, delegation=None):
        self.committee = committee
        self.roles = frozenset(roles)
        self.delegation = delegation

    def __bool__(self):
        return bool(self.roles)

    def has(self, permission):
        return COMMITTEE_RULES.test_rule(permission, self)

    @property
    def is_dais(self):
        return is_dais.test(self)

    @property
    def can(self):
        """For templates: ``{% if access.can.committee__take_roll_call %}``."""
        return {name.replace(".", "__"): self.has(name) for name in COMMITTEE_RULES}

    @property
    def menu(self):
        """The menu entries this person sees, in order."""
        return [entry for entry in MENU if entry.rule.test(self)]

    @property
    def topic_links(self):
        """The links under the open topic this person sees, in order."""
        return [entry for entry in TOPIC_LINKS if entry.rule.test(self)]


# Every committee page asks who the reader is: their dais roles and the delegation they
# represent, in one statement written out (the query builder would take longer to compose
# the two queries than the database to answer them).
_ROLES = """
SELECT r.role, NULL FROM {dais} r WHERE r.committee_id = %s AND r.user_id = %s
UNION ALL
SELECT %s, d.delegation_id FROM {delegate} d
JOIN {delegation} g ON g.id = d.delegation_id
WHERE d.user_id = %s AND g.committee_id = %s
"""


def committee_access(user, committee):
    if not user.is_authenticated:
        return CommitteeAccess(committee=committee, roles=())
    sql = _ROLES.format(
        dais=DaisRole._meta.db_table,
        delegate=Delegate._meta.db_table,
        delegation=Delegation._meta.db_table,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [committee.pk, user.pk, DELEGATE, user.pk, committee.pk])
        found = cursor.fetchall()
    roles = {role for role, _ in found}
    delegation_id = next((pk for role, pk in found if role == DELEGATE), None)
    delegation = None
    if delegation_id is not None:
        delegation = Delegation.objects.select_related("member_state").get(pk=delegation_id)
    if user.is_staff:
        roles.add(SECRETARIAT)
    return CommitteeAccess(committee=committee, roles=roles, delegation=delegation)


@lru_cache(maxsize=1)
def _reader_query():
    """The statement of ``reader``, and the columns of the four models it reads."""
    columns = {
        "committee": Columns(Committee, "c"),
        "conference": Columns(Conference, "f"),
        "delegation": Columns(Delegation, "g"),
        "member_state": Columns(MemberState, "s"),
    }
    sql = {key: value.sql for key, value in columns.items()}
    statement = f"""
SELECT {sql["committee"]}, {sql["conference"]}, r.role, {sql["delegation"]}, {sql["member_state"]}
FROM {Committee._meta.db_table} c
JOIN {Conference._meta.db_table} f ON f.id = c.conference_id
LEFT JOIN {DaisRole._meta.db_table} r ON r.committee_id = c.id AND r.user_id = %s
LEFT JOIN {Delegation._meta.db_table} g ON g.committee_id = c.id
    AND g.id IN (SELECT d.delegation_id FROM {Delegate._meta.db_table} d WHERE d.user_id = %s)
LEFT JOIN {MemberState._meta.db_table} s ON s.id = g.member_state_id
WHERE c.slug = %s
"""
    return statement, columns


def reader(user, slug):
    """``(committee, access)`` for the committee at ``slug`` and a logged-in ``user``, in one
    statement: the committee with its conference, the user's dais roles in it and the
    delegation they represent with its member state (what ``committee_access`` works out, in
    one trip instead of three). ``None`` if there is no such committee."""
    statement, columns = _reader_query()
    with connection.cursor() as cursor:
        cursor.execute(statement, [user.pk, user.pk, slug])
        found = cursor.fetchall()
    if not found:
        return None
    at_conference = len(columns["committee"])
    at_role = at_conference + len(columns["conference"])
    at_state = at_role + 1 + len(columns["delegation"])
    committee = columns["committee"].instance(found[0][:at_conference])
    committee.conference = columns["conference"].instance(found[0][at_conference:at_role])
    roles, delegation = set(), None
    for row in found:
        if row[at_role] is not None:
            roles.add(row[at_role])
        if delegation is None and row[at_role + 1] is not None:
            delegation = columns["delegation"].instance(row[at_role + 1 : at_state])
            delegation.committee = committee
            delegation.member_state = columns["member_state"].instance(row[at_state:])
            roles.add(DELEGATE)
    if user.is_staff:
        roles.add(SECRETARIAT)
    return committee, CommitteeAccess(committee=committee, roles=roles, delegation=delegation)


def committee_permission_required(permission):
    def decorator(view):
        # Views are imported with the URLs, after every app registered its permissions.
        if not COMMITTEE_RULES.rule_exists(permission):
            raise ValueError(f"Unknown permission {permission!r}")

        @wraps(view)
        def wrapped(request, *args, committee, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            found = reader(request.user, committee)
            if found is None or not found[1]:
                raise Http404("No such committee.")
            committee_obj, access = found
            if not access.has(permission):
                raise PermissionDenied("Your role in this committee does not allow this.")
            request.committee = committee_obj
            request.access = access
            return view(request, *args, **kwargs)

        wrapped.permission = permission
        return wrapped

    return decorator


def secretariat_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_staff:
            raise PermissionDenied("Only the secretariat can see this page.")
        return view(request, *args, **kwargs)

    wrapped.permission = "secretariat"
    return wrapped
