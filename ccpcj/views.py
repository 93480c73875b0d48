"""Site-wide views: the page for a bad request, the favicon."""

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import RequestDataTooBig
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


def bad_request(request, exception=None):
    """400: name the size limit when a paste or upload was too large to read."""
    context = {
        "too_big": isinstance(exception, RequestDataTooBig),
        "limit_mb": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024),
    }
    return render(request, "400.html", context, status=400)


@require_GET
@cache_control(max_age=60 * 60 * 24 * 7, public=True)
def favicon(request):
    return redirect(staticfiles_storage.url("favicon.svg"), permanent=True)
