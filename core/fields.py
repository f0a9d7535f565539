"""Model fields that several content types share."""

from django.db import models


def search_terms_field() -> models.TextField:
    """The words people use for what an item answers: written by editors per language, weighed by
    search, carried by the feed, never shown on the site."""
    return models.TextField(
        "words people use",
        blank=True,
        help_text=(
            "Words and phrases people use for what this answers (victims, relatives, professionals;"
            " colloquial and institutional), separated by commas. Not shown on the site: search"
            " weighs them, and the feed carries them for partners' own search."
        ),
    )
