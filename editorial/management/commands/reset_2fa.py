"""Remove a user's two-factor devices (lost phone): they set up a new app at their next sign-in."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from editorial.security.devices import remove_all_devices


class Command(BaseCommand):
    help = (
        "Remove every two-factor device of a user (authenticator app and backup codes) and end "
        "their sessions; at their next sign-in they set up two-factor authentication again."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f'No user "{username}".')
        removed = remove_all_devices(user)
        ended = self.end_sessions(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"{username}: removed {removed} two-factor device(s), ended {ended} session(s). "
                "They will set up two-factor authentication again at their next sign-in."
            )
        )
        self.stdout.write("If the phone may be in someone else's hands, change their password too.")

    @staticmethod
    def end_sessions(user) -> int:
        """Sign the user out everywhere (database sessions), so no session outlives its device."""
        if settings.SESSION_ENGINE not in (
            "django.contrib.sessions.backends.db",
            "django.contrib.sessions.backends.cached_db",
        ):
            return 0
        store = import_module(settings.SESSION_ENGINE).SessionStore
        ended = 0
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
            if session.get_decoded().get("_auth_user_id") == str(user.pk):
                store(session_key=session.session_key).delete()
                ended += 1
        return ended
