"""A fact sheet of the series and its numbered sections, one page per section."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.fields import search_terms_field
from core.translations.panels import TranslationStatusPanel
from knowledge.blocks import SectionBodyBlock
from knowledge.numbers import section_number_validator
from knowledge.visibility import visible_pages


class FactSheetPage(RoutablePageMixin, Page):
    """A fact sheet: its preface, then its parts and sections as child pages; `print/` shows the
    whole sheet on one page, for professionals who hand it over on paper."""

    subtitle = models.CharField(max_length=255, blank=True)
    summary = models.TextField(blank=True)
    preface = StreamField(SectionBodyBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("subtitle"),
        FieldPanel("summary"),
        FieldPanel("preface"),
        TranslationStatusPanel(heading="Translations"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.SectionPage"]
    template = "knowledge/fact_sheet_page.html"

    def sections(self):
        """Published sections in reading order (depth-first, as in the sheet)."""
        return visible_pages(SectionPage.objects.descendant_of(self)).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contents"] = [(s, s.depth - self.depth) for s in self.sections()]
        return context

    @path("print/", name="print")
    def print_view(self, request):
        """Every section in reading order, headings one level per level of numbering (and the
        headings inside a section one below its own), when the sheet last changed, and no
        live open/closed state, which would be stale on paper."""
        sections = [
            (s, min(s.depth - self.depth + 1, 6), min(s.depth - self.depth + 2, 6))
            for s in self.sections().specific()
        ]
        published = [p.last_published_at for p in (self, *(s for s, *_ in sections))]
        translations = visible_pages(self.get_translations(inclusive=True)).select_related("locale")
        alternates = {
            sheet.locale.language_code: sheet.get_url(request) + self.reverse_subpage("print")
            for sheet in translations
        }
        return self.render(
            request,
            template="knowledge/fact_sheet_print.html",
            context_overrides={
                "sections": sections,
                "last_changed": max(filter(None, published), default=None),
                "show_open_state": False,
                "alternate_paths": alternates,
            },
        )


class SectionPageForm(WagtailAdminPageForm):
    """Checks a new section's number against the parent it is being created under."""

    def clean(self):
        cleaned_data = super().clean()
        number = cleaned_data.get("number")
        if number and not self.instance.path and self.parent_page:
            problem = section_number_problem(number, self.parent_page, self.parent_page.locale_id)
            if problem:
                self.add_error("number", problem)
        return cleaned_data


def section_number_problem(number, parent, locale_id, exclude_pk=None) -> str | None:
    """Why `number` cannot be used for a section under `parent`, or None if it can."""
    parent = parent.specific
    if isinstance(parent, SectionPage):
        if number.rpartition(".")[0] != parent.number:
            return f"A section under {parent.number} is numbered {parent.number}.1, .2, ..."
        sheet = parent.fact_sheet()
    elif isinstance(parent, FactSheetPage):
        if "." in number:
            return "A part directly under the fact sheet is numbered with a letter: A, B, ..."
        sheet = parent
    else:
        return None
    clash = SectionPage.objects.descendant_of(sheet).filter(number=number, locale_id=locale_id)
    if clash.exclude(pk=exclude_pk).exists():
        return f"Section {number} already exists in this fact sheet."
    return None


class SectionPage(Page):
    """A numbered section (A, A.5, A.5.3.1, ...): a summary and a structured body."""

    number = models.CharField(
        max_length=20,
        validators=[section_number_validator],
        help_text="The sheet's own numbering, identical in every language, e.g. A.5.3.1.",
    )
    summary = models.TextField(blank=True)
    body = StreamField(SectionBodyBlock(), blank=True)
    search_terms = search_terms_field()
    last_reviewed_on = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(
        null=True, blank=True, help_text="When the content must be checked again."
    )

    content_panels = [
        FieldPanel("number"),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("topics", label="Topic", heading="Topics"),
        FieldPanel("search_terms"),
        TranslationStatusPanel(heading="Translations"),
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [FieldPanel("last_reviewed_on"), FieldPanel("next_review_due")], heading="Review"
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("number", boost=2),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("search_terms"),
        index.FilterField("number"),
    ]
    parent_page_types = ["knowledge.FactSheetPage", "knowledge.SectionPage"]
    subpage_types = ["knowledge.SectionPage"]
    template = "knowledge/section_page.html"
    base_form_class = SectionPageForm
    # Numbers are identifiers: the same in every language, never translated.
    override_translatable_fields = [
        SynchronizedField("number", overridable=False),
        SynchronizedField("topics", overridable=False),
        SynchronizedField("last_reviewed_on", overridable=False),
        SynchronizedField("next_review_due", overridable=False),
    ]

    class Meta:
        indexes = [models.Index(fields=["number"])]

    @property
    def heading(self):
        return f"{self.number} {self.title}"

    def fact_sheet(self):
        return FactSheetPage.objects.ancestor_of(self).first()

    def clean(self):
        super().clean()
        if self.path and self.number:  # in the tree: check against its actual parent
            problem = section_number_problem(
                self.number, self.get_parent(), self.locale_id, self.pk
            )
            if problem:
                raise ValidationError({"number": problem})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sheet = self.fact_sheet()
        reading_order = (
            list(sheet.sections().only("id", "title", "number", "url_path")) if sheet else []
        )
        # A draft being previewed, or a private section, is not in the public reading order.
        position = next((i for i, s in enumerate(reading_order) if s.pk == self.pk), None)
        previous_section = next_section = None
        if position is not None:
            previous_section = reading_order[position - 1] if position > 0 else None
            if position + 1 < len(reading_order):
                next_section = reading_order[position + 1]
        context.update(
            fact_sheet=sheet,
            previous_section=previous_section,
            next_section=next_section,
            breadcrumbs=visible_pages(self.get_ancestors().filter(depth__gt=1)).specific(),
            subsections=visible_pages(self.get_children()).specific(),
        )
        return context
