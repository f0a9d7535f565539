"""Reminders that keep content true: exactly the overdue items, per organisation and language,
on the dashboard and in the daily e-mail."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from editorial.reminders import due_for
from knowledge.models import SectionPage
from services.models import Service

TODAY = timezone.localdate()


@pytest.fixture
def dates(db, section, service):
    """Everything reviewed recently, except: A.2 past its date, A.3 never dated, the CPVCF
    record verified 200 days ago and CAW's victim support never verified."""
    english = Locale.get_default()
    SectionPage.objects.filter(locale=english).update(next_review_due=TODAY + timedelta(30))
    SectionPage.objects.filter(pk=section("A.2").pk).update(next_review_due=TODAY - timedelta(1))
    SectionPage.objects.filter(pk=section("A.3").pk).update(next_review_due=None)
    Service.objects.update(last_verified_on=TODAY - timedelta(10))
    Service.objects.filter(pk=service("cpvcf").pk).update(last_verified_on=TODAY - timedelta(200))
    Service.objects.filter(pk=service("caw-victim-support-brussels").pk).update(
        last_verified_on=None
    )


@pytest.fixture
def person(django_user_model):
    def make(name, role):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "x" * 14)
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def outdated_a1(section, django_user_model):
    """The English A.1 changed after its translations were made."""
    page = section("A.1")
    page.summary = "A new English summary, not yet translated."
    page.save_revision().publish()
    return page


def test_each_organisation_gets_its_own_records_and_the_sections(dates, person):
    cpvcf = due_for(person("claire", "CPVCF editors"), TODAY)
    caw = due_for(person("koen", "CAW editors"), TODAY)
    assert [s.slug for s in cpvcf.services] == ["cpvcf"]
    assert [s.slug for s in caw.services] == ["caw-victim-support-brussels"]
    for due in (cpvcf, caw):
        assert [s.number for s in due.sections] == ["A.2", "A.3"]
        assert due.translations == []


def test_translators_get_their_languages_translations(dates, person, outdated_a1):
    french = due_for(person("fanny", "French translators"), TODAY)
    assert [(t.source_object.pk, t.locale.language_code) for t in french.translations] == [
        (outdated_a1.pk, "fr")
    ]
    assert not french.sections and not french.services
    dutch = due_for(person("daan", "Dutch translators"), TODAY)
    assert [t.locale.language_code for t in dutch.translations] == ["nl"]


def test_the_daily_email_lists_exactly_each_persons_items(dates, person, outdated_a1, service):
    person("claire", "CPVCF editors")
    person("koen", "CAW editors")
    person("fanny", "French translators")
    person("rita", "Reviewers")  # reviewers use the dashboard; they get no e-mail
    call_command("send_review_reminders", verbosity=0)
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {"claire@example.org", "koen@example.org", "fanny@example.org"}
    claire, koen, fanny = (sent[f"{n}@example.org"].body for n in ("claire", "koen", "fanny"))
    assert f"- {service('cpvcf').name} (verified" in claire
    koen_records = koen.split("Sections due for review")[0]
    assert service("caw-victim-support-brussels").name in koen_records
    assert service("cpvcf").name not in koen_records
    for body in (claire, koen):
        assert "A.2 " in body and "A.3 " in body and "(no review date)" in body
        assert "A.4 " not in body
    assert "Definition" in fanny and "(fr)" in fanny and "A.2 " not in fanny
    assert "http://" in claire and "/admin/" in claire
    assert sent["koen@example.org"].subject == "[ipv-kb] 3 item(s) due for review"


def test_nothing_due_means_no_email(db, section, service, person):
    SectionPage.objects.update(next_review_due=TODAY + timedelta(30))
    Service.objects.update(last_verified_on=TODAY)
    person("claire", "CPVCF editors")
    call_command("send_review_reminders", verbosity=0)
    assert mail.outbox == []


def test_the_dashboard_shows_what_is_due(dates, person, client):
    client.force_login(person("claire", "CPVCF editors"))
    page = client.get("/admin/").content.decode()
    assert "Due for review (3)" in page
    assert "(verified" in page and "A.2 " in page and "(no review date)" in page
    client.force_login(person("koen", "CAW editors"))
    assert "(never verified)" in client.get("/admin/").content.decode()


def test_a_reviewer_sees_what_awaits_review_before_the_reminders(dates, person, client, section):
    editor = person("claire", "CPVCF editors")
    page = section("A.2")
    page.summary = "A corrected summary."
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    client.force_login(person("rita", "Reviewers"))
    dashboard = client.get("/admin/").content.decode()
    awaiting, reminders = dashboard.find("Awaiting your review"), dashboard.find("Due for review (")
    assert 0 <= awaiting < reminders, (awaiting, reminders)
    assert page.title in dashboard[awaiting:reminders]
