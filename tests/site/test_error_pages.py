"""Error pages: each one a visitor can reach (400, 403 and a failed CSRF check, 404, 500) keeps
the way out and the 112 number and sets no cookie; under /api/ each is a problem document."""

import json
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.middleware.csrf import _get_failure_view
from django.test import Client, RequestFactory, override_settings

from tests.safety_helpers import assert_no_cookie, assert_problem, assert_visitor_page

BAD_HOST = {"HTTP_HOST": "evil.example"}


# No `db` fixture: the 400 for a bad Host must render without touching the database (any query
# would raise), and without the Site, which the bad host cannot name.
@pytest.mark.parametrize("path", ["/en/", "/fr/services/", "/", "/nl/no-such-page/", "/admin/"])
def test_a_bad_host_gets_a_400_page_with_the_way_out_and_112(client, path):
    response = client.get(path, **BAD_HOST)
    assert response.status_code == 400
    assert_visitor_page(response)
    assert "112" in response.content.decode()


@pytest.mark.parametrize("path", ["/api/v1/", "/api/v1/services/", "/api/hsds/services"])
def test_a_bad_host_under_the_api_gets_a_problem(client, path):
    body = assert_problem(client.get(path, **BAD_HOST), 400)
    assert body["title"] == "Bad Request"


@pytest.mark.urls("tests.site.error_urls")
def test_other_bad_requests_get_the_same_400_page_or_problem(client):
    assert_visitor_page(client.get("/en/failing/suspicious/"))
    assert_problem(client.get("/api/v1/failing/suspicious/"), 400)


@pytest.mark.parametrize("path", ["/en/", "/en/search/", "/admin/login/", "/healthz"])
def test_a_failed_csrf_check_gets_a_403_page_with_the_way_out_and_112(db, path):
    response = Client(enforce_csrf_checks=True).post(path, {"q": "x"})
    assert response.status_code == 403
    assert_visitor_page(response)
    assert "The form could not be sent" in response.content.decode()


def test_a_failed_csrf_check_is_translated(db):
    response = Client(enforce_csrf_checks=True).post("/nl/")
    assert response.status_code == 403
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == "nl"
    assert "Het formulier kon niet worden verzonden" in response.content.decode()


def test_a_failed_csrf_check_under_the_api_is_a_problem(db):
    # Every view under /api/ is exempt (DRF's, and the Atom feed's): the failure view is called
    # as the CSRF middleware would call it.
    request = RequestFactory().post("/api/v1/changes/en.atom")
    response = _get_failure_view()(request, reason="CSRF cookie not set.")
    assert_problem(response, 403)


@pytest.mark.urls("tests.site.error_urls")
def test_a_refused_page_gets_a_403_page_or_problem(client, db):
    response = client.get("/en/failing/forbidden/")
    assert response.status_code == 403
    assert_visitor_page(response)
    assert "The form could not be sent" not in response.content.decode()
    assert_problem(client.get("/api/v1/failing/forbidden/"), 403)


def test_a_missing_page_gets_a_404_page_with_the_way_out_and_112(client, db):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert_visitor_page(response)
    assert_problem(client.get("/api/v1/no-such-endpoint/"), 404)


@pytest.mark.urls("tests.site.error_urls")
def test_a_server_error_gets_a_database_free_500_page_or_problem(
    client, db, django_assert_num_queries
):
    client.raise_request_exception = False
    with django_assert_num_queries(0):
        response = client.get("/en/failing/bug/")
    assert response.status_code == 500
    assert_visitor_page(response)
    assert_problem(client.get("/api/v1/failing/bug/"), 500)


def test_error_responses_set_no_cookie_even_for_a_visitor_who_posts(db):
    visitor = Client(enforce_csrf_checks=True)
    for response in (
        visitor.post("/en/"),
        visitor.get("/en/", **BAD_HOST),
        visitor.get("/en/no-such-page/"),
    ):
        assert_no_cookie(response)
    assert not visitor.cookies


READ_DEV_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({name: getattr(s, name) for name in "
    "('DEBUG', 'STORAGES', 'WHITENOISE_USE_FINDERS', 'WHITENOISE_AUTOREFRESH')}))"
)


def dev_settings(**env) -> dict:
    """What `make run` runs with: the development settings as a fresh process reads them."""
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_DEBUG"}
    environment.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", **env)
    result = subprocess.run(
        [sys.executable, "-c", READ_DEV_SETTINGS],
        capture_output=True,
        text=True,
        env=environment,
        cwd=settings.BASE_DIR,
        check=True,
    )
    return json.loads(result.stdout)


def assert_the_sites_own_page_with_its_stylesheet(client, response, status):
    assert response.status_code == status
    assert_visitor_page(response)
    page = BeautifulSoup(response.content, "html.parser")
    assert "112" in page.get_text()
    assert "Traceback" not in page.get_text() and "DEBUG = True" not in page.get_text()
    stylesheet = page.select_one("link[rel=stylesheet]")["href"]
    assert client.get(stylesheet).status_code == 200  # served without DEBUG, as under make run


@pytest.fixture
def under_make_run():
    with override_settings(**dev_settings()):
        yield Client()


def test_make_run_shows_the_sites_404_page_with_the_way_out_and_112(under_make_run, db):
    response = under_make_run.get("/nl/no-such-page/")
    assert_the_sites_own_page_with_its_stylesheet(under_make_run, response, 404)
    assert "Pagina niet gevonden" in response.content.decode()


@pytest.mark.urls("tests.site.error_urls")
def test_make_run_shows_the_sites_500_page_with_the_way_out_and_112(under_make_run, db):
    under_make_run.raise_request_exception = False
    response = under_make_run.get("/en/failing/bug/")
    assert_the_sites_own_page_with_its_stylesheet(under_make_run, response, 500)


def test_developers_get_django_debug_pages_when_they_ask():
    assert dev_settings()["DEBUG"] is False
    assert dev_settings(DJANGO_DEBUG="1")["DEBUG"] is True
