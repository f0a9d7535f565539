"""`{{ time|clock }}`: a time of day as the language writes it (17:00, 17 h 00, 17.00 uur)."""

from django import template

from services.open_state import clock as clock_text

register = template.Library()


@register.filter
def clock(value):
    return clock_text(value)
