"""Error pages and a private section's password page (`private_section`, B.3) on the production
server (the shared served site of tests/served/conftest.py): a bad Host gets the database-free
400 page (gunicorn, production settings, ALLOWED_HOSTS enforced), and neither sets a cookie
before the visitor enters the right password."""

import json
import urllib.error
import urllib.parse
import urllib.request

from tests.safety_helpers import assert_way_out_and_112


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, data=None, **headers):
    opener = urllib.request.build_opener(NoRedirect)
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        return opener.open(urllib.request.Request(url, data=body, headers=headers), timeout=5)
    except urllib.error.HTTPError as response:
        return response


def test_a_bad_host_gets_the_400_page_with_the_way_out_and_112(site, neutral):
    for path in ("/en/", "/fr/services/", "/admin/login/"):
        response = fetch(site + path, Host="evil.example")
        assert response.status == 400, path
        assert "Set-Cookie" not in response.headers, path
        assert_way_out_and_112(response.read(), neutral.url)
    problem = fetch(f"{site}/api/v1/", Host="evil.example")
    assert problem.status == 400
    assert problem.headers["Content-Type"] == "application/problem+json"
    assert json.load(problem)["status"] == 400


def test_the_password_page_sets_no_cookie_until_the_right_password(site, private_section, neutral):
    path = private_section.paths["en"]
    page = fetch(site + path)
    assert page.status == 200
    assert "Set-Cookie" not in page.headers
    html = page.read().decode()
    assert_way_out_and_112(html, neutral.url)
    action = site + html.split('class="password-form" action="')[1].split('"')[0]
    same_origin = {"Sec-Fetch-Site": "same-origin"}  # as a browser posting this site's form

    wrong = fetch(action, {"return_url": path, "password": "guess"}, **same_origin)
    assert wrong.status == 200
    assert "Set-Cookie" not in wrong.headers
    assert_way_out_and_112(wrong.read(), neutral.url)

    form = {"return_url": path, "password": private_section.password}
    cross_site = fetch(action, form, **{"Sec-Fetch-Site": "cross-site"})
    assert cross_site.status == 403
    assert "Set-Cookie" not in cross_site.headers

    right = fetch(action, form, **same_origin)
    assert right.status == 302
    # Only now, the visitor's choice: Wagtail's session cookie, until the browser closes.
    cookies = right.headers.get_all("Set-Cookie")
    assert len(cookies) == 1 and cookies[0].startswith("sessionid="), cookies
    assert "expires" not in cookies[0].lower()
    opened = fetch(site + path, Cookie=cookies[0].split(";")[0])
    assert opened.status == 200
    assert "B.3" in opened.read().decode()


def test_the_staff_only_page_sets_no_cookie(site, neutral):
    page = fetch(f"{site}/nl/_util/login/?next=/nl/")
    assert page.status == 200
    assert "Set-Cookie" not in page.headers
    assert_way_out_and_112(page.read(), neutral.url)
