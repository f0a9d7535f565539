"""Write the whole content to one JSON file (standard output by default)."""

import os
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from editorial.export import dumps_document, export_content


class Command(BaseCommand):
    help = (
        "Export the whole content (languages, pages with their revisions, services, "
        "translations, search steering, the change log) as one JSON document that "
        "import_content restores exactly. Counts go to standard error."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", type=Path, help="Write to this file instead of standard output."
        )

    def handle(self, *args, output: Path | None, **options):
        started = time.perf_counter()
        document = export_content()
        text = dumps_document(document)
        if output is None:
            self.stdout.write(text, ending="")
        else:
            partial = output.with_name(f".{output.name}.partial")
            try:
                partial.write_text(text, encoding="utf-8")
                os.replace(partial, output)  # never a half-written file under the real name
            except OSError as exc:
                partial.unlink(missing_ok=True)
                raise CommandError(f"{output}: cannot be written: {exc}") from exc
        counts = document["counts"]
        detail = ", ".join(f"{label} {n}" for label, n in counts.items())
        self.stderr.write(
            f"Exported {sum(counts.values())} objects ({len(text.encode()) / 1024:.0f} KB) "
            f"in {time.perf_counter() - started:.2f} s: {detail}",
            style_func=lambda s: s,
        )
