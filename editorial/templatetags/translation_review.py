"""Template tags for wagtail-localize's translation editor (editorial/translations/review.py)."""

from django import template

from editorial.translations.review import may_publish

register = template.Library()


@register.simple_tag(takes_context=True)
def may_publish_translation(context, instance) -> bool:
    return may_publish(context["request"].user, instance)
