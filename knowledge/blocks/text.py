"""Prose blocks: paragraphs, subheadings, callouts and source citations."""

from wagtail import blocks
from wagtail.rich_text import expand_db_html

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class ParagraphBlock(blocks.RichTextBlock):
    """Running text with a small, safe feature set: emphasis, links and lists."""

    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Paragraph"
        template = "blocks/paragraph.html"

    def get_api_representation(self, value, context=None):
        """Rendered HTML with resolved links, never Wagtail's internal format."""
        return {"html": expand_db_html(value.source)}


class HeadingBlock(blocks.CharBlock):
    """A subheading inside a section; the section's own title is the page title."""

    class Meta:
        icon = "title"
        label = "Subheading"
        template = "blocks/heading.html"


class CalloutBlock(blocks.StructBlock):
    """A boxed message that must not be missed, such as the sheet's IMPORTANT preface."""

    title = blocks.CharBlock()
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = "Callout"
        template = "blocks/callout.html"

    def get_api_representation(self, value, context=None):
        return {"title": value["title"], "html": expand_db_html(value["text"].source)}


class CitationBlock(blocks.StructBlock):
    """Where the preceding material comes from ("Source: www.cpvcf.org")."""

    url = blocks.URLBlock()
    title = blocks.CharBlock(required=False, help_text="Defaults to the address.")

    class Meta:
        icon = "openquote"
        label = "Source"
        template = "blocks/citation.html"
