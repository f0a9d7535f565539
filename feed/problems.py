"""Errors as RFC 9457 problem details (application/problem+json), never a 500 for bad input."""

from http import HTTPStatus

from django.http import JsonResponse
from rest_framework.views import exception_handler

# A shared cache (a partner's proxy, a CDN) may keep a problem this many seconds, no longer: an
# item that answers 404 or 410 now may be back soon, and a 400 says nothing lasting.
PROBLEM_MAX_AGE = 5


def problem_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    detail = response.data
    problem = {
        "type": "about:blank",
        "title": HTTPStatus(response.status_code).phrase,
        "status": response.status_code,
        "detail": detail.get("detail") if isinstance(detail, dict) and "detail" in detail else None,
    }
    if isinstance(detail, dict) and "detail" not in detail:
        problem["detail"] = "Some parameters are not valid."
        problem["invalid_params"] = [
            {"name": name, "reason": " ".join(str(m) for m in messages)}
            for name, messages in detail.items()
        ]
    elif isinstance(detail, list):
        problem["detail"] = " ".join(str(m) for m in detail)
    response.data = problem
    response.content_type = "application/problem+json"
    response["Cache-Control"] = f"public, max-age={PROBLEM_MAX_AGE}"
    return response


def problem_not_found() -> JsonResponse:
    """The problem for a path under /api/ that no endpoint serves."""
    problem = {
        "type": "about:blank",
        "title": HTTPStatus.NOT_FOUND.phrase,
        "status": 404,
        "detail": "No feed endpoint has this path; /api/v1/ lists them.",
    }
    response = JsonResponse(problem, status=404, content_type="application/problem+json")
    response["Cache-Control"] = f"public, max-age={PROBLEM_MAX_AGE}"
    return response
