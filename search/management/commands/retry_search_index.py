"""Retry the index writes that failed; run every minute by the scheduler."""

from django.core.management.base import BaseCommand, CommandError

from search.indexing import retry


class Command(BaseCommand):
    help = "Write to the search index what earlier writes failed to (see /healthz)."

    def handle(self, *args, **options):
        waiting = retry()
        if waiting:
            raise CommandError(f"{waiting} items still wait for the search index; see the log.")
        self.stdout.write("Nothing waits for the search index.")
