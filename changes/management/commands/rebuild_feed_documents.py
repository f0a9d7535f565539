"""Rebuild the public documents now and announce whatever differs (after a restore, say)."""

from django.core.management.base import BaseCommand

from changes.reconcile import reconcile


class Command(BaseCommand):
    help = "Rebuild every public item's feed document; log and purge what changed."

    def handle(self, *args, **options):
        events = reconcile(force=True)
        self.stdout.write(f"Feed documents rebuilt: {len(events)} changes announced.")
