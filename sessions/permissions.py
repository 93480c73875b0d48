"""Committee roles and the permissions they grant, declared once.

Views use ``committee_permission_required(<permission>)``. It loads the committee from the
URL, works out the user's roles in it and refuses: anonymous users go to the login page,
people with no role in the committee get 404 (they cannot learn it exists), people with a
role but not this permission get 403.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Committee, DaisRole, Delegate

DIRECTOR = DaisRole.Role.DIRECTOR.value
ASSISTANT_DIRECTOR = DaisRole.Role.ASSISTANT_DIRECTOR.value
CHAIR = DaisRole.Role.CHAIR.value
RAPPORTEUR = DaisRole.Role.RAPPORTEUR.value
DELEGATE = "delegate"
SECRETARIAT = "secretariat"

DAIS = frozenset({DIRECTOR, ASSISTANT_DIRECTOR, CHAIR, RAPPORTEUR})
SUBSTANCE = frozenset({DIRECTOR, ASSISTANT_DIRECTOR})
EVERYONE = DAIS | {DELEGATE, SECRETARIAT}

PERMISSIONS = {
    "committee.view_dashboard": DAIS | {SECRETARIAT},
    "committee.view_timeline": DAIS | {SECRETARIAT},
    "committee.view_roll_call": DAIS | {SECRETARIAT},
    "committee.take_roll_call": frozenset({CHAIR, RAPPORTEUR}),
    "committee.view_agenda": EVERYONE,
    "committee.manage_agenda": frozenset({CHAIR}),
    "committee.view_delegate_home": frozenset({DELEGATE}),
    "committee.follow_live": EVERYONE,
    # The live floor: everyone follows it; delegates join the speakers list and raise
    # motions for their own delegation only (the chair and rapporteur for any); the chair
    # and rapporteur run it (call speakers, end speeches, put motions to the vote).
    "floor.view": EVERYONE,
    "floor.take_part": frozenset({DELEGATE, CHAIR, RAPPORTEUR}),
    "floor.run": frozenset({CHAIR, RAPPORTEUR}),
    # Working papers: which paper a person may read or change is decided per paper
    # (resolutions.selectors.can_read, sponsorship); these say who may try at all.
    "papers.view": EVERYONE,
    "papers.write": frozenset({DELEGATE}),
    "papers.view_queue": DAIS | {SECRETARIAT},
    "papers.review": SUBSTANCE,
    # Amendments to draft resolutions: which amendment a person may read or answer is decided
    # per amendment (resolutions.amendment_selectors.can_read, proposer, invitations).
    "amendments.view": EVERYONE,
    "amendments.write": frozenset({DELEGATE}),
    "amendments.view_queue": DAIS | {SECRETARIAT},
    "amendments.review": SUBSTANCE,
    # Voting: everyone in the committee watches (the projector too); the chair and the
    # rapporteur record votes, verify counts and announce results.
    "voting.view": EVERYONE,
    "voting.record": frozenset({CHAIR, RAPPORTEUR}),
    # Documentation: the dais and the secretariat preview it before it is published (then
    # anyone reads it, without log-in); the dais writes the summary report; the Director and
    # Assistant Director publish; the JSON backup (everything, the audit log included) is
    # the secretariat's.
    "outcome.preview": DAIS | {SECRETARIAT},
    "outcome.edit_summary": DAIS,
    "outcome.publish": SUBSTANCE,
    "outcome.backup": frozenset({SECRETARIAT}),
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
        return bool(self.roles & PERMISSIONS[permission])

    @property
    def is_dais(self):
        return bool(self.roles & DAIS)

    @property
    def can(self):
        """For templates: ``{% if access.can.committee__take_roll_call %}``."""
        return {name.replace(".", "__"): self.has(name) for name in PERMISSIONS}


def committee_access(user, committee):
    if not user.is_authenticated:
        return CommitteeAccess(committee=committee, roles=())
    roles = set(
        DaisRole.objects.filter(committee=committee, user=user).values_list("role", flat=True)
    )
    delegation = None
    delegate = (
        Delegate.objects.select_related("delegation__member_state")
        .filter(user=user, delegation__committee=committee)
        .first()
    )
    if delegate is not None:
        roles.add(DELEGATE)
        delegation = delegate.delegation
    if user.is_staff:
        roles.add(SECRETARIAT)
    return CommitteeAccess(committee=committee, roles=roles, delegation=delegation)


def committee_permission_required(permission):
    if permission not in PERMISSIONS:
        raise ValueError(f"Unknown permission {permission!r}")

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, committee, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            committee_obj = get_object_or_404(
                Committee.objects.select_related("conference"), slug=committee
            )
            access = committee_access(request.user, committee_obj)
            if not access:
                raise Http404("No such committee.")
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
