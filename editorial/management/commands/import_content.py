"""Replace the whole content with an export's, in one transaction."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from editorial.export import ContentFileError, import_content


class Command(BaseCommand):
    help = (
        "Replace the whole content (languages, pages, revisions, services, translations, "
        "search steering, the change log) with that of a file written by export_content. "
        "The file is checked first and the import is one transaction: a file that cannot be "
        "imported, at any point, changes nothing. The reference index and the search "
        "indexes are rebuilt."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A file written by export_content.")

    def handle(self, *args, file: Path, **options):
        started = time.perf_counter()
        try:
            report = import_content(file)
        except ContentFileError as exc:
            raise CommandError(f"Nothing was imported.\n{exc}") from exc
        for warning in report.warnings:
            self.stderr.write(f"Warning: {warning}")
        total = sum(report.counts.values())
        detail = ", ".join(f"{label} {n}" for label, n in report.counts.items() if n)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {total} objects from {file} in {time.perf_counter() - started:.2f} s: "
                f"{detail}."
            )
        )
        if report.search_counts is not None:
            indexed = ", ".join(f"{code}: {n}" for code, n in report.search_counts.items())
            self.stdout.write(f"Search index rebuilt ({indexed}).")
