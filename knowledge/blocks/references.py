"""Blocks that point elsewhere: further reading, sister fact sheets, and live service records."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class FurtherInformationBlock(blocks.StructBlock):
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
        service = value["service"]
        service = service.localized if service else None
        context["service"] = service if service and service.is_public else None
        return context
