"""Operational endpoints."""

import logging
import sys
from contextlib import suppress

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection, connections
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.defaults import page_not_found
from django.views.generic import RedirectView

from core.languages import alternate_paths, preferred_language
from feed.problems import problem_not_found, problem_response
from search.health import index_health

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def health(request):
    """200 when the database answers a query and the search index can answer searches; else
    503. Container healthchecks and monitoring read it; the body says what is wrong, and how
    many index writes wait to be retried."""
    checks = {"database": "ok", "search_index": "not checked", "search_index_retries": None}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        checks["database"] = f"unavailable: {type(error).__name__}"
    else:
        index = index_health()
        checks["search_index"] = index.detail if index.ok else f"unavailable: {index.detail}"
        checks["search_index_retries"] = index.waiting
    healthy = checks["database"] == "ok" and not checks["search_index"].startswith("unavailable")
    response = JsonResponse({"status": "ok" if healthy else "unavailable", **checks})
    if not healthy:
        response.status_code = 503
        response["Retry-After"] = str(settings.RETRY_AFTER)
    return response


@require_safe
def language_root(request):
    """Send a visitor to the language their browser asks for; French when none matches."""
    preferred = preferred_language(request.headers.get("Accept-Language", ""))
    choice = preferred or settings.VISITOR_DEFAULT_LANGUAGE
    response = redirect(f"/{choice}/")
    patch_vary_headers(response, ["Accept-Language"])
    return response


def not_found(request, exception):
    """A 404: under /api/ a problem document, as every feed error; elsewhere the site's page."""
    if request.path.startswith("/api/"):
        return problem_not_found()
    return page_not_found(request, exception)


def bad_request(request, exception):
    """A 400 (among others for a Host header that is not ours: DisallowedHost): as the 500 page,
    without the database and without the Site, which a bad host cannot name; under /api/ a
    problem document."""
    if request.path.startswith("/api/"):
        return problem_response(400, "The request is not valid.")
    html = loader.render_to_string("400.html", {"QUICK_EXIT_URL": settings.QUICK_EXIT_URL})
    return HttpResponseBadRequest(html)


def permission_denied(request, exception):
    """A 403: the site's page (with the way out and the emergency numbers), or a problem."""
    if request.path.startswith("/api/"):
        return problem_response(403, "Access to this resource is refused.")
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: Django's page has neither the way out nor 112. It sets no cookie."""
    if request.path.startswith("/api/"):
        return problem_response(403, "The request did not pass the cross-site request check.")
    context = {"csrf_failure": True, "for_editors": request.path.startswith("/admin/")}
    return render(request, "403.html", context, status=403)


def server_error(request):
    """The 500 page, and the 503 when the database failed or stalled: no database, no template
    context, but still a way out and the 112 number. Under /api/ a problem document."""
    error = sys.exc_info()[1]
    unavailable = isinstance(error, OperationalError | InterfaceError)
    if unavailable:
        logger.error("Database unavailable: %s", type(error).__name__)
        with suppress(DatabaseError):
            connections.close_all()  # the next request connects afresh
    if request.path.startswith("/api/"):
        if unavailable:
            return problem_response(
                503,
                "The feed is temporarily unavailable; try again shortly.",
                settings.RETRY_AFTER,
            )
        return problem_response(500, "The feed failed to answer; this is not your request.")
    context = {"QUICK_EXIT_URL": settings.QUICK_EXIT_URL}
    if not unavailable:
        return HttpResponseServerError(loader.render_to_string("500.html", context))
    response = HttpResponse(loader.render_to_string("503.html", context), status=503)
    response["Retry-After"] = str(settings.RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def site_page(template_name: str):
    """A fixed page of the public site (its text is in the interface catalogues, per language),
    with links to the same page in the other languages."""

    def view(request):
        return render(request, template_name, {"alternate_paths": alternate_paths(request)})

    return view


def moved_to(url_name: str):
    """A permanent redirect to the named page in the current language, query string kept."""
    return RedirectView.as_view(pattern_name=url_name, permanent=True, query_string=True)
