"""Editors for the admin-security tests: superusers with a known password, signing in as
people do."""

import pytest
from django.contrib.auth import get_user_model

from tests.admin_helpers import PASSWORD


@pytest.fixture
def make_editor(db):
    def make(username="editor"):
        return get_user_model().objects.create_superuser(
            username, f"{username}@example.org", PASSWORD
        )

    return make


@pytest.fixture
def editor(make_editor):
    return make_editor()


@pytest.fixture
def two_factor(settings):
    settings.ADMIN_REQUIRE_2FA = True
