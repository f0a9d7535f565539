"""`{{ safety_lines|around_the_clock }}`: the lines to call in danger now."""

from django import template

from services.safety import around_the_clock as lines_around_the_clock

register = template.Library()


@register.filter
def around_the_clock(lines):
    return lines_around_the_clock(lines)
