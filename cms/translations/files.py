"""PO files per locale and object (content/locale/<lang>/<key>.po), exported from and imported
into wagtail-localize, so a translation agency works on the format wagtail-localize uses."""

import re
from collections import Counter
from pathlib import Path

import polib
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cms.content_files import ContentFileError, edited_by_someone
from cms.translations.objects import translatable_objects

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


def check_po(path: Path, po: polib.POFile, source: TranslationSource) -> None:
    """Every current segment translated, nothing unknown, inline tags kept: or a clear error."""
    segments = {
        (s.context.path, s.string.data)
        for s in StringSegment.objects.filter(source=source).select_related("context", "string")
    }
    entries = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
    problems = []
    for position, entry in enumerate(po, start=1):
        if entry.obsolete:
            continue
        where = f"{path}: entry {position} (msgctxt {entry.msgctxt!r})"
        if (entry.msgctxt, entry.msgid) not in segments:
            problems.append(f"{where}: not in the current English text; re-run export_translations")
        elif entry.msgstr and Counter(TAG.findall(entry.msgid)) != Counter(
            TAG.findall(entry.msgstr)
        ):
            problems.append(f"{where}: the translation must keep the tags of the original")
    for context, text in sorted(segments - set(entries)):
        problems.append(f"{path}: no entry for msgctxt {context!r} ({text[:60]!r})")
    for (context, _), entry in entries.items():
        if not entry.msgstr.strip():
            problems.append(f"{path}: msgctxt {context!r} is not translated")
    if problems:
        raise ContentFileError("\n".join(problems))


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
            check_po(path, po, source)
            plan.append((key, instance, locale, source, translation, po))

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
        if target is None or changed or source_is_newer(source, target):
            translation.save_target(publish=True)
            report("translated", label)
        else:
            report("unchanged", f"translation {label}")


def source_is_newer(source: TranslationSource, target) -> bool:
    """The English source changed after the translation was last saved."""
    synced = getattr(target, "latest_revision", None)
    return synced is None or source.last_updated_at > synced.created_at
