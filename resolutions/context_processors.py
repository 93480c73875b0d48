from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from sessions.models import Delegation

from .models import Supporter, WorkingPaper


def _count(queryset):
    counted = queryset.order_by().values("delegation").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def invitations(request):
    """How many papers ask the user's delegation to co-sponsor or sign, and how many
    amendments ask it to consent or sign (for the menu; one query for both)."""
    access = getattr(request, "access", None)
    if access is None or access.delegation is None:
        return {}
    from .amendment_selectors import open_request_supports

    papers, amendments = (
        Delegation.objects.filter(pk=access.delegation.pk)
        .annotate(
            papers=_count(
                Supporter.objects.filter(
                    delegation=OuterRef("pk"),
                    state=Supporter.State.INVITED,
                    paper__status__in=WorkingPaper.EDITABLE,
                )
            ),
            amendments=_count(open_request_supports().filter(delegation=OuterRef("pk"))),
        )
        .values_list("papers", "amendments")
        .get()
    )
    return {"open_invitations": papers, "open_amendment_requests": amendments}
