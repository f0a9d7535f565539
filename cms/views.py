"""Operational endpoints."""

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.defaults import page_not_found

from core.languages import preferred_language
from feed.problems import problem_not_found, problem_response


@never_cache
@require_safe
def health(request):
    """200 when the application can reach its database; used by container healthchecks."""
    connection.ensure_connection()
    return HttpResponse("ok", content_type="text/plain")


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
    """The 500 page: no database, no template context, but still a way out and the 112 number;
    under /api/ a problem document."""
    if request.path.startswith("/api/"):
        return problem_response(500, None)
    html = loader.render_to_string("500.html", {"QUICK_EXIT_URL": settings.QUICK_EXIT_URL})
    return HttpResponseServerError(html)


def site_page(template_name: str):
    """A fixed page of the public site (its text is in the interface catalogues, per language),
    with links to the same page in the other languages."""

    def view(request):
        alternates = {code: f"/{code}{request.path[3:]}" for code, _name in settings.LANGUAGES}
        return render(request, template_name, {"alternate_paths": alternates})

    return view
