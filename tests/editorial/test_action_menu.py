"""Whoever cannot publish gets "Submit for review" as the primary button of the page and record
editors; a reviewer keeps Wagtail's menu, with "Publish" in it. (Synchronised translations open
wagtail-localize's own editor instead, which this does not change.)"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from wagtail.models import Locale


@pytest.fixture
def login(client, django_user_model):
    def as_role(role):
        user = django_user_model.objects.create_user(role[:5], f"{role[:5]}@example.org", "x" * 14)
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return client

    return as_role


def actions(client, url) -> list[str]:
    """The editor's submit buttons in menu order: the primary first (its `name`, or its text)."""
    html = BeautifulSoup(client.get(url).content, "html.parser")
    footer = html.select_one("footer")
    assert footer is not None, url
    return [b.get("name") or b.get_text(strip=True) for b in footer.select("button[type=submit]")]


@pytest.mark.parametrize(
    "role, what, language",
    [
        ("CPVCF editors", "page", "en"),
        ("CPVCF editors", "record", "en"),
        ("CAW editors", "page", "en"),
    ],
)
def test_submit_for_review_is_the_primary_button_of_those_who_cannot_publish(
    login, section, service, role, what, language
):
    locale = Locale.objects.get(language_code=language)
    item = section("A.2") if what == "page" else service("cpvcf")
    item = item.get_translation(locale)
    url = {
        "page": f"/admin/pages/{item.pk}/edit/",
        "record": f"/admin/snippets/services/service/edit/{item.pk}/",
    }[what]
    buttons = actions(login(role), url)
    assert buttons[0] == "action-submit", buttons
    assert "action-publish" not in buttons


def test_a_reviewer_keeps_save_draft_first_and_can_publish(login, section):
    buttons = actions(login("Reviewers"), f"/admin/pages/{section('A.2').pk}/edit/")
    assert buttons[0] != "action-submit" and "action-publish" in buttons, buttons
