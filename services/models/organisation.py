"""Organisations that run one or more services (CPVCF, CAW Brussel, ...)."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.sanitise import safe_url
from services.models.names import NAME_LANGUAGE_FIELD, NamedInLanguage


class Organisation(
    TranslatableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    NamedInLanguage,
    index.Indexed,
    models.Model,
):
    """An organisation as the public knows it; its services carry the contact details. Its
    name and website show on every card of its services, so an edit has revisions and goes
    through review like a service record: the row holds what is published."""

    slug = models.SlugField(
        max_length=80, help_text="Stable identifier, the same in every language."
    )
    name = models.CharField(max_length=255)
    name_language = NAME_LANGUAGE_FIELD()
    short_name = models.CharField(max_length=50, blank=True, help_text="Acronym, e.g. CPVCF.")
    website = models.URLField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_language"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("website"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("name_language", overridable=False),
        SynchronizedField("website"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_organisation_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def web_address(self) -> str | None:
        """The website as it may be linked: None when there is none, or when the stored value
        is no web address (written past the admin's checks)."""
        return safe_url(self.website)
