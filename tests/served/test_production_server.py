"""The production configuration, served by gunicorn over real HTTP, as docker-compose runs it
(the shared served site of tests/served/conftest.py)."""

import json
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, **headers):
    opener = urllib.request.build_opener(NoRedirect)
    try:
        return opener.open(urllib.request.Request(url, headers=headers), timeout=5)
    except urllib.error.HTTPError as response:
        return response


def test_pages_and_static_files_are_served_with_safe_headers(site):
    # As behind the TLS-terminating proxy of a real deployment.
    home = fetch(f"{site}/en/", **{"X-Forwarded-Proto": "https"})
    assert home.status == 200
    html = home.read().decode()
    assert "Violence between (ex-)partners" in html
    assert home.headers["Referrer-Policy"] == "no-referrer"
    assert home.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "Set-Cookie" not in home.headers
    stylesheet = html.split('rel="stylesheet" href="')[1].split('"')[0]
    assert stylesheet.startswith("/static/css/site.") and stylesheet != "/static/css/site.css"
    css = fetch(site + stylesheet)
    assert css.status == 200
    assert "max-age" in css.headers["Cache-Control"]


def test_unknown_pages_are_plain_404s(site):
    assert fetch(f"{site}/en/no-such-page/").status == 404
    assert fetch(f"{site}/").status == 302


def test_unknown_hsds_paths_are_problems_and_its_operations_answer(site):
    for path in ("/api/hsds/locations", "/api/hsds/services/not-a-uuid", "/api/hsds/services/"):
        response = fetch(site + path)
        assert response.status == 404, path
        assert response.headers["Content-Type"] == "application/problem+json", path
    services = json.load(fetch(f"{site}/api/hsds/services?locale=nl&minimal=true"))
    assert services["total_items"] == 6
    service = fetch(f"{site}/api/hsds/services/{services['contents'][0]['id']}")
    assert service.status == 200 and service.headers["Content-Language"] == "nl"


def test_searches_work_and_leave_no_query_and_no_address_in_the_access_log(served):
    base, access_log = served.url, served.access_log
    page = fetch(f"{base}/fr/recherche/?q=il+me+frappe", **{"X-Forwarded-Proto": "https"})
    assert page.status == 200 and "Set-Cookie" not in page.headers
    api = fetch(f"{base}/api/v1/search/?q=noodnummer&locale=nl")
    assert api.status == 200
    assert json.load(api)["results"][0]["slug"] == "emergency-112"
    time.sleep(0.5)  # gunicorn writes its access log line after the response
    log = access_log.read_text()
    assert '"GET /fr/recherche/"' in log and '"GET /api/v1/search/"' in log
    for secret in ("frappe", "noodnummer", "q=", "127.0.0.1"):
        assert secret not in log
