"""Facts are edited once: publishing the English record copies its facts to every translation.

Phone numbers, addresses, hours, status and the other synchronised fields are not translated,
so a translation must never keep a stale number while it waits for a translator. Texts stay as
translated; a new channel arrives with its English label, which the translation status then
flags as out of date."""

from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

from services.models import Service

TRANSLATED_CHILDREN = ("channels", "languages")


def facts_of(model) -> list[str]:
    """The model's synchronised (never translated) fields, as declared for wagtail-localize."""
    return [
        f.field_name for f in get_translatable_fields(model) if isinstance(f, SynchronizedField)
    ]


def child_copies(original, translation, relation: str) -> list:
    """The translation's child records, matched by translation key, with the original's facts."""
    facts = facts_of(getattr(original, relation).model)
    existing = {child.translation_key: child for child in getattr(translation, relation).all()}
    copies = []
    for child in getattr(original, relation).all():
        copy = existing.get(child.translation_key)
        if copy is None:
            copy = child.__class__(translation_key=child.translation_key, locale=translation.locale)
            for field in child._meta.concrete_fields:
                if field.name not in ("id", "locale", "translation_key", "service"):
                    setattr(copy, field.attname, getattr(child, field.attname))
        for name in (*facts, "sort_order"):
            setattr(copy, name, getattr(child, name))
        copies.append(copy)
    return copies


def copy_facts(original: Service, target: Service) -> None:
    """Give `target` (a translation, or a draft of one) the original's facts, in memory."""
    for name in facts_of(Service):
        field = Service._meta.get_field(name)
        if field.one_to_many:  # opening hours: copied whole
            original.copy_child_relation(name, target)
        else:
            setattr(target, field.attname, getattr(original, field.attname))
    for relation in TRANSLATED_CHILDREN:
        setattr(target, relation, child_copies(original, target, relation))


def propagate_facts(sender, instance, **kwargs):
    """`published` signal receiver: push an English service's facts to its translations.

    A published translation is republished with the new facts (its texts as published). What
    is not published stays so: an unpublished translation and a translator's pending draft get
    the facts in a new draft revision, which keeps their text and waits for review."""
    if not isinstance(instance, Service) or instance.locale_id != Locale.get_default().pk:
        return
    for translation in instance.get_translations():
        pending = translation.latest_revision if translation.has_unpublished_changes else None
        if translation.live:
            copy_facts(instance, translation)
            translation.save_revision().publish()
        if pending is not None or not translation.live:
            draft = pending.as_object() if pending is not None else translation
            copy_facts(instance, draft)
            draft.save_revision()
