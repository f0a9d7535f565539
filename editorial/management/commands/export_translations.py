"""Write the PO files that translators work on (content/locale/<lang>/<object>.po)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale

from editorial.translations.files import export_all


class Command(BaseCommand):
    help = (
        "Export every translatable page and record to PO files, one per object and language, "
        "keeping the translations already in the files. Run after changing the English content."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale-dir", type=Path, default=settings.BASE_DIR / "content" / "locale"
        )
        parser.add_argument("languages", nargs="*", help="Default: every language but the source.")

    def handle(self, *args, locale_dir: Path, languages: list[str], **options):
        default = Locale.get_default().language_code
        languages = languages or [
            code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES if code != default
        ]
        with transaction.atomic():
            counts = export_all(locale_dir, languages)
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported to {locale_dir}: {counts['complete']} complete, "
                f"{counts['untranslated']} with untranslated entries."
            )
        )
