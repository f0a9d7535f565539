"""Rebuild the public search index from scratch and report what it holds."""

from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the public search index (sections and services, every language)."

    def handle(self, *args, **options):
        counts = rebuild()
        total = sum(counts.values())
        detail = ", ".join(f"{code}: {n}" for code, n in counts.items())
        self.stdout.write(f"Search index rebuilt: {total} documents ({detail}).")
