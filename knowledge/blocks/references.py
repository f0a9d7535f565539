"""Blocks that point elsewhere: further reading, sister fact sheets, and live service records."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from knowledge.blocks.text import WebAddressMixin
from knowledge.visibility import is_visible
from services.representation import service_representation
from services.visibility import is_visible_service


class FurtherInformationBlock(WebAddressMixin, blocks.StructBlock):
    """A link for further reading, with who publishes it."""

    url = blocks.URLBlock()
    publisher = blocks.CharBlock(required=False, help_text='E.g. "Ciré".')
    title = blocks.CharBlock(required=False, help_text="Link text; defaults to the address.")

    class Meta:
        icon = "link"
        label = "Further information"
        template = "blocks/further_information.html"


class FactSheetReferenceBlock(blocks.StructBlock):
    """A pointer to another fact sheet of the series, linked once it is in the knowledge base."""

    title = blocks.CharBlock()
    page = blocks.PageChooserBlock(page_type="knowledge.FactSheetPage", required=False)

    class Meta:
        icon = "doc-empty"
        label = "Fact sheet reference"
        template = "blocks/factsheet_reference.html"

    def get_api_representation(self, value, context=None):
        page = linked_fact_sheet(value)
        request = (context or {}).get("request")
        return {"title": value["title"], "url": page.get_full_url(request) if page else None}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["linked_page"] = linked_fact_sheet(value)
        return context


def linked_fact_sheet(value):
    """The referenced fact sheet in the active language, if it may be shown."""
    page = value["page"].localized if value["page"] else None
    return page if is_visible(page) else None


class ServiceReferenceBlock(blocks.StructBlock):
    """Renders the current record of a service from the library, in the page's language."""

    service = SnippetChooserBlock("services.Service")
    display = blocks.ChoiceBlock(
        choices=[
            ("full", "Full record: what it offers, to whom, and how to reach it"),
            ("contact", "Contact details, hours, languages and referral rule"),
            ("compact", "Compact: address and contact channels"),
        ],
        default="contact",
    )

    class Meta:
        icon = "help"
        label = "Service"
        template = "blocks/service_reference.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["service"] = public_service(value)
        return context

    def get_api_representation(self, value, context=None):
        """The current record of the service, expanded, so partners never show a stale number."""
        service = public_service(value)
        request = (context or {}).get("request")
        return {
            "display": value["display"],
            "service": service_representation(service, request) if service else None,
        }


def public_service(value):
    """The referenced service in the active language, if it may be shown."""
    service = value["service"].localized if value["service"] else None
    return service if is_visible_service(service) else None
