"""The home page of one language: the way in to the fact sheets and the service directory."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from knowledge.visibility import visible_pages


class HomePage(Page):
    """Root of a language's tree."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["knowledge.FactSheetPage", "knowledge.ServiceDirectoryPage"]
    template = "knowledge/home_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = visible_pages(self.get_children()).specific()
        return context
