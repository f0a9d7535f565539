"""Reading an export back: the whole file is checked (check.py) before anything is written;
then the content is replaced in one transaction (replace.py), so an import that fails at any
point changes nothing."""

from dataclasses import dataclass, field
from pathlib import Path

from django.core.cache import cache
from django.db import transaction

from changes.models import ChangeEvent
from core.content_files import ContentFileError
from editorial.export.check import deserialize, read_document, schema_warnings
from editorial.export.replace import replace_content


@dataclass
class ImportReport:
    counts: dict[str, int]
    warnings: list[str] = field(default_factory=list)
    search_counts: dict[str, int] | None = None


def import_content(path: Path) -> ImportReport:
    """Replace the content of the database with the file's. Raises ContentFileError, with the
    file, the object and the problem, and then nothing has changed."""
    document = read_document(path)
    warnings = schema_warnings(document)
    entries, mapping_warnings = deserialize(document, path)
    warnings += mapping_warnings
    last_cursor = ChangeEvent.objects.order_by("-id").values_list("id", flat=True).first()
    try:
        with transaction.atomic():
            replace_content(entries, document["counts"])
    except ContentFileError as exc:
        raise ContentFileError(f"{path}: {exc}") from exc
    except Exception as exc:  # an unforeseen database error: still nothing changed
        raise ContentFileError(f"{path}: the import failed and was undone: {exc}") from exc
    cache.clear()  # feed representations, site root paths, locale names
    report = ImportReport(counts=document["counts"], warnings=warnings)
    file_cursor = max(
        (e.instance.pk for e in entries if e.part.key == "changes.changeevent"), default=0
    )
    if last_cursor and last_cursor > file_cursor:
        report.warnings.append(
            f"the change log went up to {last_cursor}, the file's ends at {file_cursor}: "
            f"partners that synced past cursor {file_cursor} must sync again from the start"
        )
    report.search_counts = rebuild_search_index(report)
    return report


def rebuild_search_index(report: ImportReport) -> dict[str, int] | None:
    """After the commit: the public search index from scratch. The content is imported either
    way; an engine that fails is reported, and `rebuild_search_index` repairs it later."""
    from search.indexing import rebuild

    try:
        return rebuild()
    except Exception as exc:
        report.warnings.append(
            f"the search index was not rebuilt ({exc}); run manage.py rebuild_search_index"
        )
        return None
