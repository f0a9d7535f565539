"""Fixtures of the search tests: an administrator, changes run with their commit triggers,
and the language dictionaries present or missing."""

import os

import pytest

from search import dictionary


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


@pytest.fixture
def dictionaries():
    """The hunspell dictionaries that tell a typo from a word ("Did you mean"); `make test`
    installs them. Without them these tests are skipped with the reason, and fail in CI."""
    missing = [tag for code, tag in dictionary.TAGS.items() if not dictionary.installed(code)]
    if missing:
        message = (
            f"No hunspell dictionary for {', '.join(missing)}: `make dictionaries` installs"
            f" Debian's {dictionary.PACKAGES} (needs root and apt-get)."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def without_dictionary(monkeypatch):
    """Make a language's dictionary missing, as on a machine that never installed it."""

    def remove(language):
        monkeypatch.setitem(dictionary.TAGS, language, "xx_XX")
        dictionary._dictionaries.pop(language, None)

    yield remove
    monkeypatch.undo()
    dictionary._dictionaries.clear()
