"""The language a name is written in, for `lang` on pages in another language: a translation
may keep the official name (the CPVCF's French name on Dutch pages)."""

from functools import cached_property, partial

from django.conf import settings
from django.db import models

NAME_LANGUAGE_FIELD = partial(
    models.CharField,
    "language of the official name",
    max_length=7,
    blank=True,
    choices=settings.WAGTAIL_CONTENT_LANGUAGES,
    help_text="The language the official name is in (e.g. French for the CPVCF), the same in "
    "every translation; a translation that keeps that name is marked as in that language.",
)


class NamedInLanguage(models.Model):
    """A translatable record with a `name` and a `name_language` (NAME_LANGUAGE_FIELD)."""

    class Meta:
        abstract = True

    @cached_property
    def name_lang(self) -> str:
        """The language of this record's name: the official name's when this record keeps
        that name (the translation in that language has the same), otherwise the record's."""
        own = self.locale.language_code
        if not self.name_language or self.name_language == own:
            return own
        official = (
            type(self)
            .objects.filter(
                translation_key=self.translation_key, locale__language_code=self.name_language
            )
            .values_list("name", flat=True)
            .first()
        )
        return self.name_language if official == self.name else own
