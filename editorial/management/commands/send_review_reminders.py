"""E-mail each editor and translator what is due for review (meant to run daily)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import timezone

from editorial.dashboard import due_groups
from editorial.reminders import due_for
from editorial.roles import ROLES


class Command(BaseCommand):
    help = (
        "E-mail editors what is due (their organisation's service records and the sections) "
        "and translators (their language's translations). Meant to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say who would be e-mailed.")

    def handle(self, *args, dry_run: bool, **options):
        today = timezone.localdate()
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        people = (
            get_user_model()
            .objects.filter(
                is_active=True, groups__name__in=[r.name for r in ROLES if not r.reviews]
            )
            .exclude(email="")
            .distinct()
            .order_by("username")
        )
        sent = 0
        for person in people:
            due = due_for(person, today)
            if not due:
                continue
            if not dry_run:
                body = render_to_string(
                    "editorial/review_reminder.txt",
                    {
                        "person": person,
                        "count": due.count,
                        "groups": due_groups(due, person, base_url),
                    },
                )
                send_mail(
                    f"[ipv-kb] {due.count} item(s) due for review", body, None, [person.email]
                )
            sent += 1
            self.stdout.write(f"{person.email}: {due.count} item(s)")
        self.stdout.write(f"Reminders {'to send' if dry_run else 'sent'}: {sent}.")
