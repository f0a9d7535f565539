"""End to end, in a real browser against a real server: an editor changes a service's phone
number and submits it for review; a reviewer approves it; the public section page and the
partner feed then show the new number. The same flow as tests/editorial/test_roles.py, as
people do it: sign-in forms, the admin's JavaScript (action menu, comment dialog), cookies,
CSRF."""

import re

from playwright.sync_api import Page, expect

from tests.browser import (
    EDITOR,
    REVIEWER,
    RequestLog,
    get_json,
    get_text,
    requires_chromium,
    screenshot_on_failure,
)

pytestmark = requires_chromium

OLD, NEW = "02 539 27 44", "02 539 27 45"
SERVICES = "/admin/snippets/services/service"


def cpvcf_record(base_url: str) -> dict:
    """The English CPVCF record in the partner feed."""
    records = get_json(f"{base_url}/api/v1/services/?locale=en")["results"]
    summary = next(record for record in records if record["slug"] == "cpvcf")
    return get_json(f"{base_url}/api/v1/services/{summary['id']}/")["data"]


def feed_phone(base_url: str) -> str:
    channels = cpvcf_record(base_url)["channels"]
    return next(channel["value"] for channel in channels if channel["kind"] == "phone")


def section_url(base_url: str, number: str) -> str:
    return get_json(f"{base_url}/api/v1/sections/?number={number}&locale=en")["results"][0]["url"]


def sign_in(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base_url}/admin/")


def sign_out(page: Page, base_url: str, username: str) -> None:
    page.get_by_role("button", name=username, exact=True).click()
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(re.escape(f"{base_url}/admin/login/")))


def success_message(page: Page):
    return page.locator(".messages li.success")


def test_a_phone_change_goes_live_after_review(site, browser, tmp_path):
    record = cpvcf_record(site)
    edit_url = f"{site}{SERVICES}/edit/{record['id']}/"
    public_page = section_url(site, "B.2.1")
    assert public_page.startswith(site)
    assert OLD in get_text(public_page) and feed_phone(site) == OLD

    context = browser.new_context()
    requests = RequestLog(context)
    page = context.new_page()
    with screenshot_on_failure(page, tmp_path / "editorial.png"):
        # The editor changes the number and submits the change for review.
        sign_in(page, site, *EDITOR[:2])
        page.goto(edit_url)
        phone = page.locator("input[name^='channels-'][name$='-value']").first
        expect(phone).to_have_value(OLD)
        phone.fill(NEW)
        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name="Submit to Review before publishing").click()
        expect(success_message(page)).to_contain_text("has been submitted for moderation")
        # Submitted is not published: the public page and the feed still say the old number.
        assert OLD in get_text(public_page) and NEW not in get_text(public_page)
        assert feed_phone(site) == OLD
        sign_out(page, site, EDITOR[0])

        # The reviewer finds the change awaiting review on the dashboard and approves it, with a
        # comment (the admin's dialog).
        sign_in(page, site, *REVIEWER[:2])
        awaiting = page.locator("#awaiting-review-section")
        awaiting.get_by_role("link", name=record["name"], exact=True).click()
        expect(page).to_have_url(edit_url)
        expect(page.locator("input[name^='channels-'][name$='-value']").first).to_have_value(NEW)
        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name="Approve with comment").click()
        dialog = page.get_by_role("dialog")
        dialog.get_by_label("Comment").fill("Checked against the CPVCF's own website.")
        dialog.get_by_role("button", name="Approve with comment").click()
        expect(success_message(page)).to_contain_text(f"'{record['name']}' updated")
        sign_out(page, site, REVIEWER[0])

    # A visitor (a new context: no cookie of the editors) sees the new number, and so do partners.
    visitor = browser.new_context()
    requests_of_visitor = RequestLog(visitor)
    page = visitor.new_page()
    with screenshot_on_failure(page, tmp_path / "public.png"):
        page.goto(public_page)
        expect(page.locator("main")).to_contain_text(NEW)
        expect(page.locator("main")).not_to_contain_text(OLD)
    assert feed_phone(site) == NEW

    context.close()
    visitor.close()
    # Nothing the browser asked for left the site (no font, avatar or script from elsewhere).
    assert requests.urls and requests_of_visitor.urls
    assert not requests.elsewhere(site), f"the admin called other sites: {requests.elsewhere(site)}"
    elsewhere = requests_of_visitor.elsewhere(site)
    assert not elsewhere, f"the public page called other sites: {elsewhere}"
