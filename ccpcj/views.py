"""Site-wide views: the page for a bad request, the favicon, the health check."""

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import RequestDataTooBig
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe

from sessions import hub


def bad_request(request, exception=None):
    """400: name the size limit when a paste or upload was too large to read."""
    context = {
        "too_big": isinstance(exception, RequestDataTooBig),
        "limit_mb": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024),
    }
    return render(request, "400.html", context, status=400)


@require_safe
@cache_control(max_age=60 * 60 * 24 * 7, public=True)
def favicon(request):
    return redirect(staticfiles_storage.url("favicon.svg"), permanent=True)


@require_GET
def health(request):
    """For a load balancer: 200 when the database and the live updates' Redis (when set)
    answer, else 503."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as error:  # noqa: BLE001 - reported, not raised
        checks["database"] = f"error: {error.__class__.__name__}"
    try:
        hub.ping()
        checks["live"] = "ok"
    except Exception as error:  # noqa: BLE001 - reported, not raised
        checks["live"] = f"error: {error.__class__.__name__}"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )
