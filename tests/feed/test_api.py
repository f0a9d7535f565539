"""The partner feed: shapes, sync with tombstones, HTTP caching, bad input, nothing unpublished."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from knowledge.models import SectionPage
from tests.api_helpers import assert_matches_expected, assert_matches_schema
from tests.partner import differences, full_state, incremental_sync, latest_cursor

API = "/api/v1"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "x" * 12)


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, (path, response.content[:500])
    return response.json()


def test_section_detail_shape(client, section):
    data = get(client, f"{API}/sections/{section('A.3').pk}/")
    assert_matches_schema(data, "SectionDetail")
    assert_matches_expected(data["data"], "section-A.3-en")
    cycle = next(b for b in data["data"]["body"] if b["type"] == "cycle")
    assert [s["victim_stage"] for s in cycle["value"]["stages"]][0] == "Anxiety"


def test_section_with_services_expands_the_current_record(client, section, locale_fr):
    french = section("B.2.1").get_translation(locale_fr)
    data = get(client, f"{API}/sections/{french.pk}/")
    assert_matches_schema(data, "SectionDetail")
    assert_matches_expected(data["data"], "section-B.2.1-fr")
    service_block = next(b for b in data["data"]["body"] if b["type"] == "service")
    service = service_block["value"]["service"]
    assert service["slug"] == "cpvcf" and service["locale"] == "fr"
    assert "02 539 27 44" in [c["value"] for c in service["channels"]]
    paragraph = next(b for b in data["data"]["body"] if b["type"] == "paragraph")
    assert (
        paragraph["value"]["html"].startswith("<p>")
        and "<p data-block" not in paragraph["value"]["html"]
    )


def test_service_detail_shape(client, service):
    data = get(client, f"{API}/services/{service('caw-brussels-reception').pk}/")
    assert_matches_schema(data, "ServiceDetail")
    assert_matches_expected(data["data"], "service-caw-brussels-reception-en")


@pytest.mark.parametrize(
    ("code", "street", "street_address"),
    [
        ("fr", "Rue du Poinçon", "Rue du Poinçon 19a"),
        ("nl", "Priemstraat", "Priemstraat 19a"),
        ("en", "Rue du Poinçon / Priemstraat", "Rue du Poinçon / Priemstraat 19a"),
    ],
)
def test_addresses_give_the_street_in_the_records_language_and_the_old_line(
    client, service, code, street, street_address
):
    english = service("caw-victim-support-brussels")
    record = (
        english if code == "en" else english.get_translation(Locale.objects.get(language_code=code))
    )
    data = get(client, f"{API}/services/{record.pk}/")
    assert_matches_schema(data, "ServiceDetail")
    address = data["data"]["address"]
    assert (address["street"], address["street_number"]) == (street, "19a")
    assert address["street_address"] == street_address


@pytest.fixture
def locale_fr(db):
    return Locale.objects.get(language_code="fr")


@pytest.mark.parametrize("code", ["en", "fr", "nl"])
def test_lists_cover_every_published_item_in_the_language(client, db, code):
    sections = get(client, f"{API}/sections/", locale=code, page_size=100)
    assert_matches_schema(sections, "SectionList")
    assert sections["count"] == 31 and len(sections["results"]) == 31
    assert {s["locale"] for s in sections["results"]} == {code}
    numbers = [s["number"] for s in sections["results"]]
    assert numbers[:3] == ["A", "A.1", "A.2"] and numbers[-1] == "B.3"
    services = get(client, f"{API}/services/", locale=code)
    assert_matches_schema(services, "ServiceList")
    assert services["count"] == 6
    assert {link["locale"] for link in services["results"][0]["translations"]} == (
        {"en", "fr", "nl"} - {code}
    )


def test_language_from_accept_language_when_no_locale_parameter(client, db):
    response = client.get(f"{API}/sections/", HTTP_ACCEPT_LANGUAGE="nl-BE,nl;q=0.9")
    assert response.json()["meta"]["locale"] == "nl"
    assert response["Content-Language"] == "nl"
    assert "Accept-Language" in response["Vary"]


def test_filters(client, db):
    part_b = get(client, f"{API}/sections/", part="B", page_size=100)
    assert {s["number"][0] for s in part_b["results"]} == {"B"}
    children = get(client, f"{API}/sections/", parent="A.5.3")
    assert [s["number"] for s in children["results"]] == ["A.5.3.1", "A.5.3.2", "A.5.3.3"]
    migration = get(client, f"{API}/sections/", locale="fr", topic="migration")
    assert [s["number"] for s in migration["results"]] == ["A.5.3", "A.5.3.1", "A.5.3.2", "A.5.3.3"]
    dutch = get(client, f"{API}/services/", language="nl")
    assert {s["slug"] for s in dutch["results"]} == {
        "caw-brussels-reception",
        "caw-victim-support-brussels",
    }
    helplines = get(client, f"{API}/services/", kind="helpline")
    assert {s["slug"] for s in helplines["results"]} == {
        "domestic-violence-helpline",
        "helpline-1712",
    }
    open_now = get(client, f"{API}/services/", open_now="true")
    assert {"emergency-112", "domestic-violence-helpline"} <= {
        s["slug"] for s in open_now["results"]
    }


def test_pagination_is_stable_and_complete(client, db):
    seen, url = [], f"{API}/sections/?locale=en&page_size=7"
    while url:
        data = client.get(url).json()
        seen += [s["number"] for s in data["results"]]
        url = data["next"]
    assert len(seen) == 31 == len(set(seen))


def test_every_response_carries_licence_attribution_and_safety(client, db, settings):
    settings.FEED_ATTRIBUTION = "Source: CPVCF and CAW Brussel"
    meta = get(client, f"{API}/services/", locale="fr")["meta"]
    assert meta["attribution"] == "Source: CPVCF and CAW Brussel"
    lines = {line["number"]: line for line in meta["safety"]["emergency_lines"]}
    assert lines["112"]["purpose"] == "emergency" and lines["112"]["available_24_7"]
    assert lines["0800 30 030"]["purpose"] == "helpline"
    assert meta["safety"]["quick_exit"]["required"] is True


def test_attribution_and_licence_are_empty_until_configured(client, db):
    meta = get(client, f"{API}/sections/")["meta"]
    assert meta["attribution"] == "" and meta["licence"] == {"name": "", "url": ""}


def test_conditional_requests_are_answered_304(client, section, editor):
    url = f"{API}/sections/{section('A.1').pk}/"
    first = client.get(url)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.content == b"" and not_modified["ETag"] == etag
    page = section("A.1")
    page.summary = "Changed."
    page.save_revision(user=editor).publish()
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert changed.json()["data"]["summary"] == "Changed."


def test_cache_max_age_stops_at_the_next_scheduled_publish(client, section, editor):
    assert "max-age=300" in client.get(f"{API}/sections/")["Cache-Control"]
    page = section("A.2")
    page.summary = "Scheduled text."
    page.go_live_at = timezone.now() + timedelta(seconds=90)
    page.save_revision(user=editor).publish()  # a future go-live time schedules it
    max_age = int(client.get(f"{API}/sections/")["Cache-Control"].split("max-age=")[1])
    assert 0 < max_age <= 90
    assert "Scheduled text." not in client.get(f"{API}/sections/{page.pk}/").content.decode()


def test_cors_is_open_for_reading(client, db):
    response = client.get(f"{API}/services/", HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.post(f"{API}/services/", HTTP_ORIGIN="https://partner.example").status_code == 405


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("locale=de", "locale"),
        ("bogus=1", "bogus"),
        ("page=0", "page"),
        ("page_size=100000", "page_size"),
        ("page=abc", "page"),
        ("part=%00", "part"),
        ("number=" + "A" * 300, "number"),
        ("locale=en&locale=fr", "locale"),
        ("parent=A..1", "parent"),
    ],
)
def test_bad_input_is_a_400_problem_naming_the_parameter(client, db, query, parameter):
    response = client.get(f"{API}/sections/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400
    assert parameter in [p["name"] for p in problem["invalid_params"]]


@pytest.mark.parametrize(
    "since",
    [
        "abc", "-1", "2026-13-45", "2026-11-28T08:00:00", "1" * 30,
        "²", "١٢", "2026-13-45T99:99:99Z", "2026-11-28T08:00:00+25:00",
    ],
)  # fmt: skip
def test_malformed_cursors_are_refused(client, db, since):
    response = client.get(f"{API}/changes/", {"since": since})
    assert response.status_code == 400
    assert response.json()["invalid_params"][0]["name"] == "since"


def test_unknown_items_are_404_problems(client, db):
    response = client.get(f"{API}/sections/999999/")
    assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"


def test_a_partner_syncs_incrementally_to_exactly_the_published_state(
    client, section, service, editor
):
    get = client.get
    state = full_state(get)
    cursor = latest_cursor(get)
    assert len(state) == 3 * (1 + 31 + 6)

    edited = section("A.1")
    edited.summary = "An edited summary."
    edited.save_revision(user=editor).publish()
    section("A.5.8").unpublish()
    deleted = section("B.3")
    deleted_id = deleted.pk
    deleted.delete()
    cpvcf = service("cpvcf")
    channels = list(cpvcf.channels.all())
    channels[0].value = "02 999 99 99"
    cpvcf.channels = channels
    cpvcf.save_revision(user=editor).publish()
    service("helpline-1712").get_translation(Locale.objects.get(language_code="nl")).unpublish()
    PageViewRestriction.objects.create(page=section("A.4"), restriction_type="login")

    cursor = incremental_sync(get, state, cursor)
    assert differences(state, full_state(get)) == {"missing": [], "extra": [], "stale": {}}
    assert ("section", deleted_id) not in state
    assert client.get(f"{API}/sections/{deleted_id}/").status_code == 410
    # nothing new since the last sync
    assert client.get(f"{API}/changes/", {"since": cursor}).json()["results"] == []


def test_removed_items_answer_410_with_a_problem(client, section):
    page = section("A.5.7")
    page.unpublish()
    response = client.get(f"{API}/sections/{page.pk}/")
    assert response.status_code == 410
    assert "unpublished" in response.json()["detail"]


def test_a_service_closed_for_good_leaves_the_feed_with_a_tombstone(client, service, editor):
    helpline = service("helpline-1712")
    cursor = client.get(f"{API}/changes/", {"limit": 1000}).json()["next_cursor"]
    helpline.status = "closed"
    helpline.save_revision(user=editor).publish()
    changes = client.get(f"{API}/changes/", {"since": cursor}).json()["results"]
    assert {"action": "unpublished", "id": helpline.pk} in [
        {"action": c["action"], "id": c["id"]} for c in changes if c["type"] == "service"
    ]
    assert client.get(f"{API}/services/{helpline.pk}/").status_code == 410
    listed = get(client, f"{API}/services/")["results"]
    assert "helpline-1712" not in [s["slug"] for s in listed]


def test_drafts_and_private_pages_never_appear(client, section, editor):
    draft = section("A.1")
    draft.title = "Unreviewed draft title"
    draft.save_revision(user=editor)
    new = SectionPage(title="Never published", number="A.5.9", slug="a-5-9-never", live=False)
    section("A.5").add_child(instance=new)
    new.save_revision(user=editor)
    PageViewRestriction.objects.create(page=section("B.1"), restriction_type="login")
    listing = client.get(f"{API}/sections/", {"page_size": 100}).content.decode()
    changes = client.get(f"{API}/changes/", {"limit": 1000}).content.decode()
    for text in ("Unreviewed draft title", "Never published"):
        assert text not in listing and text not in changes
    numbers = [
        s["number"] for s in client.get(f"{API}/sections/", {"page_size": 100}).json()["results"]
    ]
    assert "B.1" not in numbers and "B.1.1" not in numbers
    assert client.get(f"{API}/sections/{section('B.1').pk}/").status_code == 410


def test_openapi_schema_and_self_hosted_docs(client, db):
    schema = client.get(f"{API}/schema/")
    assert schema.status_code == 200
    docs = client.get(f"{API}/docs/").content.decode()
    assert "swagger" in docs.lower()
    assert "cdn" not in docs.lower() and "https://" not in docs


def test_schema_generation_has_no_warnings():
    call_command("spectacular", "--fail-on-warn", "--file", "/dev/null")
