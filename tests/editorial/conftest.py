"""Editors for the admin-security tests: superusers with a known password, signing in as
people do."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.roles import ROLES
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


@pytest.fixture
def people(django_user_model):
    """One user per role, logged in by name."""
    users = {}
    for role in ROLES:
        user = django_user_model.objects.create_user(
            role.name.split()[0].lower(), f"{role.name.split()[0].lower()}@example.org", "x" * 14
        )
        user.groups.add(Group.objects.get(name=role.name))
        users[role.name] = user
    return users


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client

    return login
