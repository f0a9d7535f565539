"""The user form says what each role may do, and Wagtail's own "Editors" and "Moderators" groups
(which mean nothing here) are gone unless someone is still in them."""

from io import StringIO

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.users.models import UserProfile

from editorial.roles import ROLES


def role_labels(response) -> list[str]:
    html = BeautifulSoup(response.content, "html.parser")
    boxes = html.select("input[name=groups]")
    assert boxes, "the user form has no groups"
    return [html.find("label", attrs={"for": box["id"]}).get_text(" ", strip=True) for box in boxes]


def test_the_user_form_lists_each_role_with_what_it_may_do(admin_client, django_user_model):
    labels = role_labels(admin_client.get("/admin/users/new/"))
    assert labels == sorted(f"{role.name}: {role.description}" for role in ROLES)
    someone = django_user_model.objects.create_user("someone", "someone@example.org", "x" * 14)
    assert role_labels(admin_client.get(f"/admin/users/edit/{someone.pk}/")) == labels


def test_choosing_a_role_in_the_form_gives_it(admin_client, django_user_model):
    reviewers = Group.objects.get(name="Reviewers")
    response = admin_client.post(
        "/admin/users/new/",
        {
            "username": "new-reviewer",
            "email": "new-reviewer@example.org",
            "first_name": "New",
            "last_name": "Reviewer",
            "password1": "a-long-enough-password-1",
            "password2": "a-long-enough-password-1",
            "groups": [reviewers.pk],
        },
    )
    assert response.status_code == 302, response.content[:2000]
    user = django_user_model.objects.get(username="new-reviewer")
    assert list(user.groups.values_list("name", flat=True)) == ["Reviewers"]


def test_setup_roles_removes_wagtails_default_groups_when_empty(db):
    Group.objects.get_or_create(name="Editors")
    Group.objects.get_or_create(name="Moderators")
    call_command("setup_roles", stdout=StringIO(), stderr=StringIO())
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert set(Group.objects.values_list("name", flat=True)) == {role.name for role in ROLES}


def test_setup_roles_keeps_a_default_group_that_has_members_and_says_so(db, django_user_model):
    editors, _ = Group.objects.get_or_create(name="Editors")
    django_user_model.objects.create_user("old", "old@example.org", "x" * 14).groups.add(editors)
    errors = StringIO()
    call_command("setup_roles", stdout=StringIO(), stderr=errors)
    assert Group.objects.filter(name="Editors").exists()
    assert "'Editors' kept: it has 1 member(s)" in errors.getvalue()


def test_the_roles_are_described_in_the_admins_language(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    for language, words in (("fr", "Relire et publier"), ("nl", "Wijzigingen aan elke pagina")):
        profile.preferred_language = language
        profile.save()
        labels = role_labels(admin_client.get("/admin/users/new/"))
        assert any(label.startswith(f"Reviewers: {words}") for label in labels), labels
