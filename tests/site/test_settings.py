"""Settings: base is production-safe, production refuses to start without its secrets."""

import os
import subprocess
import sys

from django.conf import settings

IMPORT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
)


def start_with(module: str, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    environment.update(DJANGO_SETTINGS_MODULE=module, **env)
    return subprocess.run(
        [sys.executable, "-c", IMPORT_SETTINGS],
        capture_output=True,
        text=True,
        env=environment,
        cwd=settings.BASE_DIR,
        check=False,
    )


def test_base_settings_are_not_in_debug_and_have_no_secret():
    result = start_with("cms.settings.base")
    assert result.stdout.strip() == "False"
    assert "dev-only" not in (settings.BASE_DIR / "cms" / "settings" / "base.py").read_text()


def test_production_refuses_to_start_without_a_secret_key():
    result = start_with("cms.settings.production", ALLOWED_HOSTS="kb.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_its_environment():
    result = start_with(
        "cms.settings.production", SECRET_KEY="s" * 50, ALLOWED_HOSTS="kb.example.org"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_health_endpoint_checks_the_database_and_the_index_without_a_cookie(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    health = response.json()
    assert (health["status"], health["database"], health["search_index_retries"]) == ("ok", "ok", 0)
    assert " documents (en: " in health["search_index"]
    assert not response.cookies
