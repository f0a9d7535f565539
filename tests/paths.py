"""The paths of the site's own pages (search, staying safe, accessibility) per language."""

from django.urls import reverse
from django.utils import translation


def site_path(name: str, language: str) -> str:
    """e.g. site_path("staying-safe", "fr") == "/fr/rester-en-securite/"."""
    with translation.override(language):
        return reverse(name)
