"""Template filters for what a reader gets from stored values (core/sanitise.py's rule):
`{{ value|rich_text }}` instead of Wagtail's `richtext`, `{{ url|web_url }}` before an href."""

from django import template
from django.utils.safestring import mark_safe

from core import sanitise

register = template.Library()


@register.filter
def rich_text(value):
    """Stored rich text, links resolved and cleaned, ready to output."""
    return mark_safe(sanitise.rich_text_html(value))  # safe: cleaned by nh3


@register.filter
def web_url(value):
    """The address if it is a web address (http, https), else "" (render no link)."""
    return sanitise.safe_url(value) or ""
