"""Which translations are out of date with their English source, and which segments changed.

A translation is out of date when the live English object has a text segment that has no
translation in the target language (new or changed text), or when the translation still holds
segments the English no longer has (removed text) until it is synced."""

from dataclasses import dataclass, field

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


@dataclass
class TranslationStatus:
    source_object: object
    locale: Locale
    translated_object: object | None
    changed: list[tuple[str, str]] = field(default_factory=list)  # (field path, English text)
    removed: list[str] = field(default_factory=list)  # field paths gone from the English
    # What it was compared with: the English segments (path, text) and the synced source.
    english: list[tuple[str, str]] = field(default_factory=list)
    source: TranslationSource | None = None

    @property
    def up_to_date(self) -> bool:
        return self.translated_object is not None and not self.changed and not self.removed


def english_segments(instance) -> list[tuple[str, str]]:
    """The text segments of the live object, as wagtail-localize extracts them."""
    return [
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    ]


def translation_status(instance, locale: Locale) -> TranslationStatus:
    translated = instance.get_translation_or_none(locale)
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    current = english_segments(instance)
    status = TranslationStatus(instance, locale, translated, english=current, source=source)
    if source is None:
        status.changed = current
        return status
    translated_texts = set(
        StringTranslation.objects.filter(
            context__object_id=source.object_id, locale=locale, has_error=False
        ).values_list("context__path", "translation_of__data")
    )
    status.changed = [segment for segment in current if segment not in translated_texts]
    synced_paths = set(
        StringSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )
    status.removed = sorted(synced_paths - {path for path, _ in current})
    return status
