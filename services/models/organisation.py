"""Organisations that run one or more services (CPVCF, CAW Brussel, ...)."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """An organisation as the public knows it; its services carry the contact details."""

    name = models.CharField(max_length=255)
    short_name = models.CharField(max_length=50, blank=True, help_text="Acronym, e.g. CPVCF.")
    website = models.URLField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("website")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]

    def __str__(self):
        return self.name
