"""Private sections (a Wagtail view restriction): the password page and the page that stands in
for a sign-in form set no cookie and keep the way out and 112; the right password still opens the
section, and only then does the visitor's browser get a (session) cookie."""

from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import PageViewRestriction

from tests.safety_helpers import assert_no_cookie, assert_visitor_page

PASSWORD = "only-for-the-network"


@pytest.fixture
def visitor():
    """A browser that is checked for CSRF as a real one is (the default test client is not)."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def password_section(section):
    page = section("B.3")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password=PASSWORD)
    return page


def password_form(response):
    form = BeautifulSoup(response.content, "html.parser").find("form", method="post")
    assert form is not None, "no password form"
    fields = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}
    return form["action"], fields


def test_the_password_page_sets_no_cookie_and_keeps_the_way_out(visitor, password_section):
    response = visitor.get(password_section.url)
    assert response.status_code == 200
    assert_visitor_page(response)
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    # The private page's own title and description stay private.
    assert password_section.title not in html
    action, fields = password_form(response)
    assert set(fields) == {"password", "return_url"}
    assert fields["return_url"] == password_section.url
    # The form's own page (where a wrong password comes back) is the same.
    assert_visitor_page(visitor.get(action))


def test_a_wrong_password_sets_no_cookie_and_says_so(visitor, password_section):
    action, fields = password_form(visitor.get(password_section.url))
    response = visitor.post(action, {**fields, "password": "guess"})
    assert response.status_code == 200
    assert_visitor_page(response)
    assert "The password you have entered is not correct" in response.content.decode()
    assert not visitor.cookies
    assert visitor.get(password_section.url).status_code == 200  # still the password page
    assert password_section.title not in visitor.get(password_section.url).content.decode()


def test_the_right_password_opens_the_section_without_a_csrf_cookie(visitor, password_section):
    action, fields = password_form(visitor.get(password_section.url))
    response = visitor.post(
        action, {**fields, "password": PASSWORD}, HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert response.status_code == 302
    assert response["Location"] == password_section.url
    # Only now, after the visitor chose to enter the password: Wagtail's session, which keeps
    # the passed restriction until the browser closes. Never a CSRF cookie.
    assert set(response.cookies) == {settings.SESSION_COOKIE_NAME}
    assert response.cookies[settings.SESSION_COOKIE_NAME]["expires"] == ""  # a browser session
    opened = visitor.get(password_section.url)
    assert opened.status_code == 200
    assert password_section.title in opened.content.decode()
    assert settings.CSRF_COOKIE_NAME not in visitor.cookies


@pytest.mark.parametrize("fetch_site", ["cross-site", "same-site"])
def test_a_password_sent_from_another_site_is_refused(visitor, password_section, fetch_site):
    action, fields = password_form(visitor.get(password_section.url))
    response = visitor.post(
        action, {**fields, "password": PASSWORD}, HTTP_SEC_FETCH_SITE=fetch_site
    )
    assert response.status_code == 403
    assert_visitor_page(response)
    assert not visitor.cookies


def test_a_password_sent_with_a_foreign_origin_is_refused(visitor, password_section):
    action, fields = password_form(visitor.get(password_section.url))
    response = visitor.post(
        action, {**fields, "password": PASSWORD}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert not visitor.cookies


@pytest.fixture
def staff_section(section):
    page = section("B.2.1")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    return page


def test_a_staff_only_section_leads_to_a_page_without_a_form_or_cookie(visitor, staff_section):
    response = visitor.get(staff_section.url)
    assert response.status_code == 302
    location = response["Location"]
    assert urlparse(location).path == "/en/_util/login/"
    assert parse_qs(urlparse(location).query)["next"] == [staff_section.url]
    assert_no_cookie(response)

    page = visitor.get(location)
    assert page.status_code == 200
    assert_visitor_page(page)
    soup = BeautifulSoup(page.content, "html.parser")
    assert not soup.find("input", type="password")
    assert not soup.find("form", method="post")
    assert staff_section.title not in page.content.decode()
    sign_in = soup.select_one("main a[href^='/admin/login/']")
    assert parse_qs(urlparse(sign_in["href"]).query)["next"] == [staff_section.url]
    assert not visitor.cookies


def test_the_staff_only_page_is_translated_and_takes_no_post(visitor, db):
    page = visitor.get("/fr/_util/login/?next=/fr/")
    assert page.status_code == 200
    assert_visitor_page(page)
    assert "réservée au personnel" in page.content.decode()
    refused = visitor.post("/en/_util/login/", {"username": "a", "password": "b"})
    assert refused.status_code in (403, 405)
    assert_no_cookie(refused)


def test_the_staff_only_page_never_links_elsewhere(visitor, db):
    page = visitor.get("/en/_util/login/?next=https://evil.example/")
    sign_in = BeautifulSoup(page.content, "html.parser").select_one("main a[href^='/admin/']")
    assert "evil.example" not in sign_in["href"]


def test_signed_in_staff_read_the_staff_only_section(client, staff_section):
    user = get_user_model().objects.create_user("staff", password="x" * 12)
    client.force_login(user)
    response = client.get(staff_section.url)
    assert response.status_code == 200
    assert staff_section.title in response.content.decode()
