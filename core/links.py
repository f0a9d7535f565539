"""Absolute links to the public site and the feed, on the host the caller used."""

from django.urls import reverse


def absolute(request, path: str) -> str:
    """`path` on the caller's scheme and host; the path alone without a request."""
    return request.build_absolute_uri(path) if request else path


def public_url(page, request) -> str:
    """A page's URL on the public site (the site and the feed share a host)."""
    return absolute(request, page.get_url(request))


def api_url(request, name: str, pk: int) -> str:
    """The feed URL of one item, by route name (e.g. "api:section-detail")."""
    return absolute(request, reverse(name, args=[pk]))
