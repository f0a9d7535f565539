"""End to end, in a real browser against a real server, the journeys of the people who keep the
content true: an editor changes a service's phone number with the primary button, a Dutch
translator corrects a sentence in wagtail-localize's editor, and each submits for review; a
reviewer approves from the dashboard; the site in every language and the partner feed then show
the change. The same flows as tests/editorial/test_roles.py and test_translation_review.py, as
people do them: sign-in forms, the admin's JavaScript (action menu, comment dialog, the
translation editor), cookies, CSRF. The clicks are counted, and must be those the README gives."""

import re

from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from tests.browser import (
    EDITOR,
    LANGUAGES,
    REVIEWER,
    ROOT,
    TRANSLATOR,
    RequestLog,
    get_json,
    get_text,
    requires_chromium,
    screenshot_on_failure,
)
from tests.browser import section_url as section_in

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


def readme_clicks(journey: str) -> tuple[int, int]:
    """The clicks the README's table gives for `journey`: (editor or translator, reviewer)."""
    table = (ROOT / "README.md").read_text()
    found = re.search(rf"^\| {re.escape(journey)} \| (\d+) \| (\d+) \|$", table, re.M)
    assert found, f"the README's table of clicks has no row {journey!r}"
    return int(found[1]), int(found[2])


class Clicks:
    """Clicks made after signing in, counted, as the README counts them."""

    def __init__(self):
        self.count = 0

    def on(self, locator) -> None:
        locator.click()
        self.count += 1


def main_text(url: str) -> str:
    """The page's main content as a reader sees it (the help strip's open state changes)."""
    return BeautifulSoup(get_text(url), "html.parser").find("main").get_text(" ", strip=True)


def public_pages(base_url: str) -> list[str]:
    """Every section in every language, and the service directories."""
    urls = [f"{base_url}/{language}/services/" for language in ("en", "fr")]
    for language in LANGUAGES:
        listing = f"{base_url}/api/v1/sections/?locale={language}"
        while listing:
            found = get_json(listing)
            urls += [section["url"] for section in found["results"]]
            listing = found["next"]
    return urls


def test_a_phone_change_goes_live_after_review(site, browser, tmp_path):
    record = cpvcf_record(site)
    edit_url = f"{site}{SERVICES}/edit/{record['id']}/"
    public_page = section_url(site, "B.2.1")
    assert public_page.startswith(site)
    showing = [url for url in public_pages(site) if OLD in get_text(url)]
    assert public_page in showing and feed_phone(site) == OLD
    assert {url.split("/")[3] for url in showing} == set(LANGUAGES), showing
    editor_clicks, reviewer_clicks = Clicks(), Clicks()

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
        editor_clicks.on(page.get_by_role("button", name="Submit to Review before publishing"))
        expect(success_message(page)).to_contain_text("has been submitted for moderation")
        # Submitted is not published: the public page and the feed still say the old number.
        assert OLD in get_text(public_page) and NEW not in get_text(public_page)
        assert feed_phone(site) == OLD
        sign_out(page, site, EDITOR[0])

        # The reviewer finds the change awaiting review on the dashboard and approves it, with a
        # comment (the admin's dialog).
        sign_in(page, site, *REVIEWER[:2])
        awaiting = page.locator("#awaiting-review-section")
        reviewer_clicks.on(awaiting.get_by_role("link", name=record["name"], exact=True))
        expect(page).to_have_url(edit_url)
        expect(page.locator("input[name^='channels-'][name$='-value']").first).to_have_value(NEW)
        reviewer_clicks.on(page.get_by_role("button", name="More actions"))
        reviewer_clicks.on(page.get_by_role("button", name="Approve with comment"))
        dialog = page.get_by_role("dialog")
        dialog.get_by_label("Comment").fill("Checked against the CPVCF's own website.")
        reviewer_clicks.on(dialog.get_by_role("button", name="Approve with comment"))
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
    for url in showing:  # every page that showed the number, in every language
        text = get_text(url)
        assert NEW in text and OLD not in text, url
    assert (editor_clicks.count, reviewer_clicks.count) == readme_clicks(
        "An editor changes a phone number"
    )

    context.close()
    visitor.close()
    # Nothing the browser asked for left the site (no font, avatar or script from elsewhere).
    assert requests.urls and requests_of_visitor.urls
    assert not requests.elsewhere(site), f"the admin called other sites: {requests.elsewhere(site)}"
    elsewhere = requests_of_visitor.elsewhere(site)
    assert not elsewhere, f"the public page called other sites: {elsewhere}"


DUTCH_OLD = "er kunnen verschillende signalen worden opgemerkt"
DUTCH_NEW = "er kunnen uiteenlopende signalen worden opgemerkt"
ENGLISH_OF_IT = "different signals can be identified"  # the source, as the editor shows it


def test_a_dutch_correction_goes_live_after_review(site, browser, tmp_path):
    pages = {language: section_in(site, "A.4", language) for language in LANGUAGES}
    before = {language: main_text(url) for language, url in pages.items()}
    assert DUTCH_OLD in before["nl"] and DUTCH_NEW not in before["nl"]
    found = get_json(f"{site}/api/v1/sections/?number=A.4&locale=nl")["results"][0]
    edit_url = f"{site}/admin/pages/{found['id']}/edit/"
    translator_clicks, reviewer_clicks = Clicks(), Clicks()

    context = browser.new_context()
    requests = RequestLog(context)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with screenshot_on_failure(page, tmp_path / "translation.png"):
        # The translator corrects a sentence in the translation editor, saves it, submits.
        sign_in(page, site, *TRANSLATOR[:2])
        page.goto(edit_url)
        footer = page.locator("footer")
        expect(footer.get_by_role("button", name="Submit for review")).to_be_visible()
        # Nothing that would replace the Dutch page with the English is offered.
        for replacing in ("Convert to alias page", "Stop Synced translation"):
            expect(page.get_by_text(replacing)).to_have_count(0)
        segment = page.locator("li", has_text=ENGLISH_OF_IT).last
        translator_clicks.on(segment.get_by_role("button", name="Edit"))
        text = segment.locator("textarea")
        text.fill(text.input_value().replace(DUTCH_OLD, DUTCH_NEW))
        translator_clicks.on(segment.get_by_role("button", name="Save"))
        expect(segment).to_contain_text(DUTCH_NEW)
        translator_clicks.on(footer.get_by_role("button", name="Submit for review"))
        expect(success_message(page)).to_contain_text("has been submitted for review")
        assert main_text(pages["nl"]) == before["nl"]  # submitted is not published
        sign_out(page, site, TRANSLATOR[0])

        # The reviewer finds it first on the dashboard, compares it with the live page, approves.
        sign_in(page, site, *REVIEWER[:2])
        first = page.locator("main section.w-panel").first
        expect(first).to_have_id("awaiting-review-section")
        row = first.locator("tbody tr", has_text=found["title"])
        expect(row).to_contain_text("Dutch")
        reviewer_clicks.on(row.get_by_role("button", name="Actions"))
        reviewer_clicks.on(row.get_by_role("link", name="Compare with live version"))
        expect(page.locator(".addition").first).to_contain_text("uiteenlopende")
        page.go_back()
        row = page.locator("#awaiting-review-section tbody tr", has_text=found["title"])
        reviewer_clicks.on(row.get_by_role("button", name="Actions"))
        reviewer_clicks.on(row.get_by_role("button", name="Approve", exact=True))
        expect(page.locator("#awaiting-review-section", has_text=found["title"])).to_have_count(0)
        sign_out(page, site, REVIEWER[0])

    after = {language: main_text(url) for language, url in pages.items()}
    assert DUTCH_NEW in after["nl"] and DUTCH_OLD not in after["nl"]
    assert after["en"] == before["en"] and after["fr"] == before["fr"]
    feed = get_json(f"{site}/api/v1/sections/{found['id']}/")
    assert DUTCH_NEW in str(feed) and DUTCH_OLD not in str(feed)
    context.close()
    assert not errors, errors
    assert not requests.elsewhere(site), f"the admin called other sites: {requests.elsewhere(site)}"
    assert (translator_clicks.count, reviewer_clicks.count) == readme_clicks(
        "A translator corrects a Dutch sentence"
    )
