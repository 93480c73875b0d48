from .models import Supporter, WorkingPaper


def invitations(request):
    """How many papers ask the user's delegation to co-sponsor or sign (for the menu)."""
    access = getattr(request, "access", None)
    if access is None or access.delegation is None:
        return {}
    count = Supporter.objects.filter(
        delegation=access.delegation,
        state=Supporter.State.INVITED,
        paper__status__in=WorkingPaper.EDITABLE,
    ).count()
    return {"open_invitations": count}


def amendment_requests(request):
    """How many amendments ask the user's delegation to consent or sign (for the menu)."""
    access = getattr(request, "access", None)
    if access is None or access.delegation is None:
        return {}
    from .amendment_selectors import open_requests

    return {"open_amendment_requests": open_requests(access.delegation)}
