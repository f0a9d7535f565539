"""What changed in the English since a translation was made, segment by segment: where (a field
label editors understand) and which words (the earlier English against the current English).

The earlier English of a segment is in wagtail-localize's tables: the English strings translated
into that language for the same content path, and the source's stored segments (the English as
last synced). Of those the current English no longer has, the closest to the new text is taken."""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.safestring import SafeString
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from core.translations.diff import opening, similarity, word_diff
from core.translations.labels import segment_label
from core.translations.status import TranslationStatus


@dataclass(frozen=True)
class SegmentChange:
    label: str
    kind: str  # "changed", "formatting" (same words, other markup), "new" or "removed"
    text: SafeString | str = ""  # the marked words, or the first words of the new text


def earlier_english(source: TranslationSource, locale: Locale) -> dict[str, list[str]]:
    """Per content path, the English texts known from before: as last synced, then those
    translated into `locale`, latest first."""
    texts = defaultdict(list)
    stored = StringSegment.objects.filter(source=source).order_by("order")
    translated = StringTranslation.objects.filter(
        context__object_id=source.object_id, locale=locale
    ).order_by("-updated_at")
    rows = [
        *stored.values_list("context__path", "string__data"),
        *translated.values_list("context__path", "translation_of__data"),
    ]
    for path, text in rows:
        if text not in texts[path]:
            texts[path].append(text)
    return texts


def closest(candidates: list[str], new: str) -> str | None:
    """The candidate most like `new` (the latest of equals), None without candidates."""
    return max(candidates, key=lambda old: similarity(old, new), default=None)


def describe(label: str, old: str | None, new: str) -> SegmentChange:
    if old is None:
        return SegmentChange(label, "new", opening(new))
    diff = word_diff(old, new)
    if diff is None:
        return SegmentChange(label, "formatting", opening(new))
    return SegmentChange(label, "changed", diff)


def removed_part(path: str, current: set[str]) -> str:
    """The outermost field or block on `path` that the current English has no segment in."""
    steps = path.split(".")
    for n in range(1, len(steps) + 1):
        prefix = ".".join(steps[:n])
        if not any(c == prefix or c.startswith(prefix + ".") for c in current):
            return prefix
    return path


def removed_parts(source: TranslationSource, removed: list[str], current: set[str]) -> list[str]:
    """What the English no longer has, in the order of the source: a removed block once rather
    than each of its segments."""
    stored = StringSegment.objects.filter(source=source).order_by("order")
    parts = []
    for path in stored.values_list("context__path", flat=True):
        if path in removed:
            part = removed_part(path, current)
            if part not in parts:
                parts.append(part)
    return parts


def segment_changes(status: TranslationStatus) -> list[SegmentChange]:
    """The changed and removed segments of an out-of-date translation, in the English's order."""
    instance, source = status.source_object, status.source
    earlier = earlier_english(source, status.locale) if source else defaultdict(list)
    current = defaultdict(set)
    for path, text in status.english:
        current[path].add(text)
    changes = []
    for path, text in status.changed:
        candidates = [old for old in earlier[path] if old not in current[path]]
        old = closest(candidates, text)
        if old is not None:
            earlier[path].remove(old)  # two changed segments of one paragraph: one earlier each
        changes.append(describe(segment_label(instance, path), old, text))
    if status.removed:
        stored = source.as_instance()  # the removed blocks are still there
        for part in removed_parts(source, status.removed, set(current)):
            changes.append(SegmentChange(segment_label(stored, part), "removed"))
    return changes
