"""What every page a visitor can reach carries, error pages included: a way out first, the 112
number, and no cookie."""

import json

from bs4 import BeautifulSoup
from django.conf import settings


def assert_way_out_and_112(html: str | bytes, quick_exit_url: str) -> None:
    """The first link leaves for the neutral site (a plain link: it works without JavaScript),
    sending no referrer, and a tel:112 link is on the page."""
    soup = BeautifulSoup(html, "html.parser")
    first_link = soup.body.find("a")
    assert first_link is not None, html[:500]
    assert first_link["href"] == quick_exit_url
    assert "noreferrer" in first_link["rel"]
    assert soup.select("a[href='tel:112']"), "no tel:112 link"


def assert_visitor_page(response) -> None:
    """A Django test response: a way out, 112, no cookie."""
    assert_way_out_and_112(response.content, settings.QUICK_EXIT_URL)
    assert_no_cookie(response)


def assert_no_cookie(response) -> None:
    assert not response.cookies, response.cookies
    assert "Set-Cookie" not in response.headers


def assert_problem(response, status: int) -> dict:
    """A test response under /api/: an RFC 9457 problem, no cookie."""
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert_no_cookie(response)
    body = json.loads(response.content)
    assert body["status"] == status
    return body
