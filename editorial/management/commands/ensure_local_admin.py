"""Create a local admin account for development and print how to log in (never in production)."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create (once) a local superuser with a random password, kept in var/, and print it."

    def handle(self, *args, **options):
        if not settings.LOCAL_DEVELOPMENT:
            raise CommandError(
                "ensure_local_admin is for local development only (cms.settings.dev)."
            )
        password_file = settings.BASE_DIR / "var" / "local-admin-password.txt"
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        if user is None or not password_file.exists():
            password = secrets.token_urlsafe(12)
            user = user or User(username=USERNAME, email="admin@localhost")
            user.is_staff = user.is_superuser = user.is_active = True
            user.set_password(password)
            user.save()
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        password = password_file.read_text().strip()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://127.0.0.1:{settings.LOCAL_PORT}/admin/  user: {USERNAME}  "
                f"password: {password}  (stored in {password_file.relative_to(settings.BASE_DIR)})"
            )
        )
