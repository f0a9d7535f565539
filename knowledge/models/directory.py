"""The public directory of the service library."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from services.models import Service
from services.visibility import visible_services


class ServiceDirectoryPage(Page):
    """Lists every published service of the page's language, with its live details."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "knowledge/service_directory_page.html"

    def services(self):
        return (
            visible_services(Service.objects.all())
            .filter(locale_id=self.locale_id)
            .select_related("organisation", "locale")
            .prefetch_related("channels", "hours", "languages")
            .order_by("kind", "name")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = self.services()
        return context
