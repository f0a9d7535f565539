"""Operational endpoints."""

from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def health(request):
    """200 when the application can reach its database; used by container healthchecks."""
    connection.ensure_connection()
    return HttpResponse("ok", content_type="text/plain")
