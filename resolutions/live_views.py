"""Small parts of pages that follow the live signals."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from sessions.permissions import committee_permission_required


@require_GET
@committee_permission_required("papers.view")
def menu_badges(request):
    """The menu's counts of papers and amendments waiting for the delegation's answer
    (``resolutions.context_processors.invitations``)."""
    return render(
        request,
        "resolutions/partials/menu_badges.html",
        {"committee": request.committee, "access": request.access},
    )
