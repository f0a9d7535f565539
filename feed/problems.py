"""Errors as RFC 9457 problem details (application/problem+json), never a 500 for bad input."""

from http import HTTPStatus

from django.http import JsonResponse
from rest_framework.exceptions import APIException
from rest_framework.views import exception_handler

PROBLEM = "application/problem+json"
# A shared cache (a partner's proxy, a CDN) may keep a problem this many seconds, no longer: an
# item that answers 404 or 410 now may be back soon, and a 400 says nothing lasting.
PROBLEM_MAX_AGE = 5


def problem(status: int, detail: str | None) -> dict:
    return {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }


def as_problem(response):
    """`response` (holding a problem) with the problem media type and the problems' caching: a
    server-side failure is never stored, so a cache never repeats it once it is over."""
    response["Content-Type"] = PROBLEM
    if response.status_code >= 500:
        response["Cache-Control"] = "no-store"
    else:
        response["Cache-Control"] = f"public, max-age={PROBLEM_MAX_AGE}"
    return response


def problem_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    detail = response.data
    body = problem(
        response.status_code,
        detail.get("detail") if isinstance(detail, dict) and "detail" in detail else None,
    )
    if isinstance(detail, dict) and "detail" not in detail:
        body["detail"] = "Some parameters are not valid."
        body["invalid_params"] = [
            {"name": name, "reason": " ".join(str(m) for m in messages)}
            for name, messages in detail.items()
        ]
    elif isinstance(detail, list):
        body["detail"] = " ".join(str(m) for m in detail)
    response.data = body
    response.content_type = PROBLEM  # the renderer's choice of media type
    return as_problem(response)


def problem_not_found() -> JsonResponse:
    """The problem for a path under /api/ that no endpoint serves."""
    return problem_response(404, "No feed endpoint has this path; /api/v1/ lists them.")


def problem_response(
    status: int, detail: str | None, retry_after: int | None = None
) -> JsonResponse:
    """A problem as a response of its own, outside DRF (the site's error handlers under /api/)."""
    response = as_problem(JsonResponse(problem(status, detail), status=status))
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


class TemporarilyUnavailable(APIException):
    """503 with Retry-After: a part the feed needs (the search index) cannot answer now."""

    status_code = 503
    default_detail = "Search is temporarily unavailable; try again shortly."

    def __init__(self, detail=None, wait: int = 30):
        super().__init__(detail)
        self.wait = wait  # DRF's exception handler sends it as Retry-After
