"""Fixtures of the index tests: an administrator, and changes run with their commit triggers."""

import pytest


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "x" * 12)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change and the index updates its commit triggers."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run
