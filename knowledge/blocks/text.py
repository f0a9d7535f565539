"""Prose blocks: paragraphs, subheadings, callouts and source citations."""

from wagtail import blocks

from core.sanitise import rich_text_html, safe_url

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
        """Rendered HTML with resolved links, cleaned, never Wagtail's internal format."""
        return {"html": rich_text_html(value)}


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
        return {"title": value["title"], "html": rich_text_html(value["text"])}


class WebAddressMixin:
    """For a struct block with a `url`: the feed gets that address only when it is a web
    address, null otherwise (a javascript: or data: value written past the admin). The
    templates apply the same rule with the `web_url` filter."""

    def get_api_representation(self, value, context=None):
        return {**super().get_api_representation(value, context), "url": safe_url(value["url"])}


class CitationBlock(WebAddressMixin, blocks.StructBlock):
    """Where the preceding material comes from ("Source: www.cpvcf.org")."""

    url = blocks.URLBlock()
    title = blocks.CharBlock(required=False, help_text="Defaults to the address.")

    class Meta:
        icon = "openquote"
        label = "Source"
        template = "blocks/citation.html"
