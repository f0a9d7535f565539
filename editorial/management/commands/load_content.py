"""Load the site, the service library and the fact sheets from the content files in content/."""

from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from core.content_files import ContentFileError, read_content_file
from editorial.translations.files import import_all
from knowledge.loading.schema import FactSheetFile, SiteEntry
from knowledge.loading.tree import PageLoader
from search.loading import SearchSteeringFile, load_search_steering
from services.loading import ServiceLibraryFile, check_library, load_service_library


class Command(BaseCommand):
    help = (
        "Create or update the knowledge base from content/ (idempotent). Pages and services "
        "edited in the admin are kept unless --force is given; a malformed file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--content-dir", type=Path, default=settings.BASE_DIR / "content")
        parser.add_argument(
            "--force", action="store_true", help="Overwrite pages and services edited in the admin."
        )

    def handle(self, *args, content_dir: Path, force: bool, verbosity: int, **options):
        try:
            site, library, sheets, steering = self.read(content_dir)
        except ContentFileError as exc:
            raise CommandError(f"Nothing was loaded.\n{exc}") from exc

        counts = Counter()

        def report(action, what):
            counts[action] += 1
            if verbosity > 1 or action in ("kept", "moved", "outdated", "untranslated"):
                self.stdout.write(f"{action}: {what}")

        locale = Locale.get_default()
        try:
            self.load(content_dir, site, library, sheets, steering, locale, report, force)
        except ContentFileError as exc:
            raise CommandError(f"Nothing was loaded.\n{exc}") from exc
        summary = ", ".join(f"{n} {action}" for action, n in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Content loaded: {summary}."))

    @transaction.atomic
    def load(self, content_dir, site, library, sheets, steering, locale, report, force):
        """Everything in one transaction: a problem found half-way changes nothing."""
        services = load_service_library(library, locale, report, force=force)
        pages = PageLoader(locale, services, report, force=force)
        home = pages.ensure_home(site)
        pages.ensure_directory(home, site)
        for sheet in sheets:
            pages.load_fact_sheet(home, sheet)
        if (content_dir / "locale").is_dir():
            import_all(content_dir / "locale", report, force=force)
        load_search_steering(steering, report)

    def read(self, content_dir: Path):
        services_path = content_dir / "services.en.yaml"
        site = read_content_file(content_dir / "site.en.yaml", SiteEntry)
        library = read_content_file(services_path, ServiceLibraryFile)
        check_library(library, services_path, Locale.get_default())
        sheet_paths = sorted((content_dir / "fact-sheets").glob("*.en.yaml"))
        if not sheet_paths:
            raise ContentFileError(f"{content_dir / 'fact-sheets'}: no *.en.yaml fact sheet found")
        slugs = {s.slug for s in library.services}
        sheets = []
        for path in sheet_paths:
            sheet = read_content_file(path, FactSheetFile)
            if missing := sorted(sheet.service_slugs() - slugs):
                raise ContentFileError(
                    f"{path}: refers to service(s) {', '.join(missing)} "
                    f"not found in {services_path}"
                )
            sheets.append(sheet)
        steering_path = content_dir / "search.yaml"
        steering = (
            read_content_file(steering_path, SearchSteeringFile)
            if steering_path.exists()
            else SearchSteeringFile()
        )
        return site, library, sheets, steering
