"""PO files per locale and object (content/locale/<lang>/<key>.po), exported from and imported
into wagtail-localize, so a translation agency works on the format wagtail-localize uses."""

import re
from collections import Counter
from pathlib import Path

import polib
from django.db import transaction
from wagtail.models import DraftStateMixin, Locale, Revision
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from core.content_files import ContentFileError, edited_by_someone
from editorial.translations.objects import translatable_objects

TRANSLATION_ID = "X-WagtailLocalize-TranslationID"
TAG = re.compile(r"</?([a-z][a-z0-9]*)\b[^>]*>")


def po_path(root: Path, language: str, key: str) -> Path:
    return root / language / f"{key}.po"


def source_and_translation(instance, locale: Locale) -> tuple[TranslationSource, Translation]:
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return source, translation


def export_po(translation: Translation, key: str, previous: polib.POFile | None) -> polib.POFile:
    """The translation's PO file, keeping translations already in the previous file."""
    po = translation.export_po()
    # The file is tied to the object key, not to one database, and carries no export date.
    del po.metadata[TRANSLATION_ID]
    po.metadata.pop("POT-Creation-Date", None)
    po.metadata["Language"] = translation.target_locale.language_code
    po.metadata["X-Ipvkb-Object"] = key
    known = {(e.msgctxt, e.msgid): e.msgstr for e in previous or [] if e.msgstr}
    for entry in po:
        if not entry.msgstr:
            entry.msgstr = known.get((entry.msgctxt, entry.msgid), "")
    return po


def export_all(root: Path, languages: list[str]) -> Counter:
    """Write (or refresh) a PO file for every translatable object and target language."""
    counts = Counter()
    source_locale = Locale.get_default()
    for language in languages:
        locale = Locale.objects.get(language_code=language)
        for key, instance in translatable_objects(source_locale):
            _, translation = source_and_translation(instance, locale)
            path = po_path(root, language, key)
            previous = polib.pofile(str(path)) if path.exists() else None
            po = export_po(translation, key, previous)
            path.parent.mkdir(parents=True, exist_ok=True)
            po.save(str(path))
            counts["untranslated" if po.untranslated_entries() else "complete"] += 1
    return counts


def read_po(path: Path) -> polib.POFile:
    try:
        return polib.pofile(str(path))
    except (OSError, ValueError) as exc:
        raise ContentFileError(f"{path}: not a valid PO file: {exc}") from exc


def check_po(path: Path, po: polib.POFile, source: TranslationSource) -> bool:
    """Raise on a malformed file; return False when it no longer matches the English source.

    Malformed: an empty or duplicate entry, or a translation that drops the inline tags of its
    original. Out of date: the English text changed since the file was exported (a segment
    missing from the file, or an entry for text that is no longer there)."""
    segments = {
        (s.context.path, s.string.data)
        for s in StringSegment.objects.filter(source=source).select_related("context", "string")
    }
    entries = [e for e in po if not e.obsolete]
    problems = []
    seen = set()
    for position, entry in enumerate(entries, start=1):
        where = f"{path}: entry {position} (msgctxt {entry.msgctxt!r})"
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            problems.append(f"{where}: duplicate entry")
        seen.add(key)
        if not entry.msgstr.strip():
            problems.append(f"{where}: not translated")
        elif Counter(TAG.findall(entry.msgid)) != Counter(TAG.findall(entry.msgstr)):
            problems.append(f"{where}: the translation must keep the tags of the original")
    if problems:
        raise ContentFileError("\n".join(problems))
    return seen == segments


def translations_of(source: TranslationSource, locale: Locale) -> set:
    rows = StringTranslation.objects.filter(context__object_id=source.object_id, locale=locale)
    return set(rows.values_list("context_id", "data", "last_translated_by_id"))


def import_all(root: Path, report, force: bool = False) -> None:
    """Import every PO file under `root` and publish the translations that changed.

    Checks everything first, then writes, inside the caller's transaction: a bad file changes
    nothing. Translations a person has edited in the admin are kept unless `force`."""
    source_locale = Locale.get_default()
    plan = []
    for language_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        locale = Locale.objects.filter(language_code=language_dir.name).first()
        if locale is None or locale == source_locale:
            raise ContentFileError(f"{language_dir}: not a target language of this site")
        for key, instance in translatable_objects(source_locale):
            path = po_path(root, language_dir.name, key)
            if not path.exists():
                report("untranslated", f"{language_dir.name} {key} (no {path.name})")
                continue
            po = read_po(path)
            source, translation = source_and_translation(instance, locale)
            if check_po(path, po, source):
                plan.append((key, instance, locale, source, translation, po))
            else:
                report("outdated", f"{language_dir.name} {key}: English changed since {path.name}")

    for key, instance, locale, source, translation, po in plan:
        label = f"{locale.language_code} {key}"
        target = instance.get_translation_or_none(locale)
        before = translations_of(source, locale)
        if target and not force and (edited_by_someone(target) or any(user for *_, user in before)):
            report("kept", f"translation {label} (edited in the admin; use --force to overwrite)")
            continue
        with transaction.atomic():
            translation.import_po(po, delete=True, tool_name="content/locale")
        changed = translations_of(source, locale) != before
        if target is None or changed or source_is_newer(source, locale):
            save_and_publish(translation, instance, locale)
            report("translated", label)
        else:
            report("unchanged", f"translation {label}")


def save_and_publish(translation: Translation, instance, locale: Locale) -> None:
    """Save the translated object and publish it now.

    wagtail-localize defers publishing to the end of the outermost transaction, where it would
    publish revisions holding stale tree data (numchild) for pages translated before their
    children; publishing a freshly read revision inside the transaction avoids that."""
    if not isinstance(instance, DraftStateMixin):
        translation.save_target(publish=True)
        return
    translation.save_target(publish=False)
    target = instance.get_translation(locale)
    Revision.objects.get(pk=target.latest_revision_id).publish()


def source_is_newer(source: TranslationSource, locale: Locale) -> bool:
    """The English source changed after the translation was last saved."""
    last = (
        TranslationLog.objects.filter(source=source, locale=locale).order_by("-created_at").first()
    )
    return last is None or source.last_updated_at > last.created_at
