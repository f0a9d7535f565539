"""A fact sheet of the series and its numbered sections, one page per section."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from knowledge.blocks import SectionBodyBlock

SECTION_NUMBER = RegexValidator(
    r"^[A-Z](\.[1-9][0-9]*)*$", "A section number is a part letter, then numbers: A, A.5, A.5.3.1."
)


class FactSheetPage(Page):
    """A fact sheet: its preface, then its parts and sections as child pages."""

    subtitle = models.CharField(max_length=255, blank=True)
    summary = models.TextField(blank=True)
    preface = StreamField(SectionBodyBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("subtitle"),
        FieldPanel("summary"),
        FieldPanel("preface"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.SectionPage"]
    template = "knowledge/fact_sheet_page.html"

    def sections(self):
        """Published sections in reading order (depth-first, as in the sheet)."""
        return SectionPage.objects.live().public().descendant_of(self).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contents"] = [(s, s.depth - self.depth) for s in self.sections()]
        return context


class SectionPage(Page):
    """A numbered section (A, A.5, A.5.3.1, ...): a summary and a structured body."""

    number = models.CharField(
        max_length=20,
        validators=[SECTION_NUMBER],
        help_text="The sheet's own numbering, identical in every language, e.g. A.5.3.1.",
    )
    summary = models.TextField(blank=True)
    body = StreamField(SectionBodyBlock(), blank=True)

    content_panels = [
        FieldPanel("number"),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("number", boost=2),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("number"),
    ]
    parent_page_types = ["knowledge.FactSheetPage", "knowledge.SectionPage"]
    subpage_types = ["knowledge.SectionPage"]
    template = "knowledge/section_page.html"

    class Meta:
        indexes = [models.Index(fields=["number"])]

    @property
    def heading(self):
        return f"{self.number} {self.title}"

    def fact_sheet(self):
        return FactSheetPage.objects.ancestor_of(self).filter(locale_id=self.locale_id).first()

    def clean(self):
        super().clean()
        parent = self.get_parent() if self.pk else None
        sheet = (FactSheetPage.objects.ancestor_of(self).first() if self.pk else None) or (
            parent.specific
            if isinstance(getattr(parent, "specific", None), FactSheetPage)
            else None
        )
        if sheet is None or not self.number:
            return
        clash = (
            SectionPage.objects.descendant_of(sheet)
            .filter(number=self.number, locale_id=self.locale_id)
            .exclude(pk=self.pk)
        )
        if clash.exists():
            raise ValidationError(
                {"number": f"Section {self.number} already exists in this sheet."}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sheet = self.fact_sheet()
        reading_order = list(sheet.sections().only("id", "title", "number", "url_path"))
        position = next(i for i, s in enumerate(reading_order) if s.pk == self.pk)
        context.update(
            fact_sheet=sheet,
            previous_section=reading_order[position - 1] if position > 0 else None,
            next_section=reading_order[position + 1] if position + 1 < len(reading_order) else None,
            breadcrumbs=self.get_ancestors().live().public().filter(depth__gt=1).specific(),
            subsections=self.get_children().live().public().specific(),
        )
        return context
