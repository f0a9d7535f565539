"""What an HSDS client that copies our directory relies on: `modified_after`, ids that resolve
whatever the language asked, only public records (and what belongs to them), 410 for a removed
service, conditional requests, search and the filters."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import Locale

from feed.hsds import service_id
from feed.hsds.documents.taxonomy import TAXONOMY_ID, term_id
from tests.factories import ServiceFactory
from tests.feed.hsds_helpers import every_text, hsds

LANGUAGES = ["en", "fr", "nl"]
LISTS = ["services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms"]
ZERO = "00000000-0000-0000-0000-000000000000"
# Every list in every shape: what a client can see without knowing an id.
EVERYTHING = [
    *LISTS,
    "services?full=true",
    "services?minimal=true",
    "service_at_locations?full=true",
    "organizations?full=true",
    "organizations?full_service=true",
]


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "x" * 12)


def ids(contents, key="id"):
    return [item[key] for item in contents]


def test_modified_after_keeps_the_records_changed_since_and_leaves_out_the_others(
    client, service, editor
):
    everything = hsds(client, "services", minimal="true")["contents"]
    moment = timezone.now()
    record = service("caw-victim-support-brussels")
    record.description += " Appointments also by e-mail."
    record.save_revision(user=editor).publish()

    for stamp in (moment, moment.astimezone(ZoneInfo("Europe/Brussels"))):  # any time zone
        changed = hsds(client, "services", minimal="true", modified_after=stamp.isoformat())
        assert ids(changed["contents"]) == [service_id(record)]
        assert parse_datetime(changed["contents"][0]["last_modified"]) >= moment
    at_locations = hsds(client, "service_at_locations", modified_after=moment.isoformat())
    assert ids(at_locations["contents"], "service_id") == [service_id(record)]
    # Its facts were copied to its translations and published: changed in their lists too.
    french = record.get_translation(Locale.objects.get(language_code="fr"))
    in_french = hsds(client, "services", locale="fr", modified_after=moment.isoformat())
    assert ids(in_french["contents"]) == [service_id(french)]
    # "On or after": the earliest last_modified keeps every service.
    earliest = min(s["last_modified"] for s in everything)
    assert len(hsds(client, "services", modified_after=earliest)["contents"]) == 6
    later = (timezone.now() + timedelta(seconds=1)).isoformat()
    assert hsds(client, "services", modified_after=later, full="true")["contents"] == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_id_resolves_whatever_the_language_asked_and_answers_in_its_own(client, db, code):
    asked = [{"locale": other} for other in LANGUAGES]
    asked += [{"HTTP_ACCEPT_LANGUAGE": other} for other in LANGUAGES]
    for path in LISTS:
        for item in hsds(client, path, locale=code)["contents"]:
            for request in asked:
                query = {"locale": request["locale"]} if "locale" in request else {}
                headers = {k: v for k, v in request.items() if k != "locale"}
                response = client.get(f"/api/hsds/{path}/{item['id']}", query, **headers)
                assert response.status_code == 200, (path, item["id"], request)
                assert response.json()["id"] == item["id"]
                taxonomy = path.startswith("taxonom")
                assert response["Content-Language"] == ("en" if taxonomy else code)


def test_the_ids_documents_give_lead_to_their_records(client, db):
    """A client follows organization_id, service_id and taxonomy_term_id to other operations."""
    for code in LANGUAGES:
        for sal in hsds(client, "service_at_locations", locale=code, full="true")["contents"]:
            service = hsds(client, f"services/{sal['service_id']}")
            assert service["name"] == sal["service"]["name"]
            organisation = hsds(client, f"organizations/{service['organization_id']}")
            assert sal["location"]["id"] in ids(organisation["locations"])
            term = hsds(client, f"taxonomy_terms/{service['attributes'][0]['taxonomy_term_id']}")
            assert hsds(client, f"taxonomies/{term['taxonomy_id']}")["id"] == TAXONOMY_ID


def test_only_public_services_appear_and_organisations_and_locations_only_with_them(
    client, service, editor
):
    texts_before = every_text(client, ["organizations?full_service=true"])
    assert "Centre for the Prevention" in texts_before
    removed = {}
    cpvcf = service("cpvcf")  # unpublished
    removed["cpvcf"] = service_id(cpvcf)
    cpvcf.unpublish()
    reception = service("caw-brussels-reception")  # closed for good
    removed["reception"] = service_id(reception)
    reception.status = "closed"
    reception.save_revision(user=editor).publish()
    victims = service("caw-victim-support-brussels")  # expired
    removed["victims"] = service_id(victims)
    victims.expire_at = timezone.now() - timedelta(minutes=1)
    victims.save_revision(user=editor).publish()
    call_command("publish_scheduled", verbosity=0)
    draft = ServiceFactory(name="A service never published", publish=False, live=False)
    draft.save_revision(user=editor)
    helpline = service("helpline-1712")  # a draft change to a public service
    helpline.name = "Unreviewed new name"
    helpline.save_revision(user=editor)

    names = [s["name"] for s in hsds(client, "services", per_page=100)["contents"]]
    assert names == [
        "Domestic violence helpline",
        "European emergency number 112",
        "1712: helpline on violence, abuse and child abuse",
    ]
    assert hsds(client, "service_at_locations")["contents"] == []
    assert hsds(client, "organizations")["contents"] == []  # neither runs a public service
    for sid in removed.values():
        response = client.get(f"/api/hsds/services/{sid}")
        assert response.status_code == 410, response.content
        assert response["Content-Type"] == "application/problem+json"
    text = every_text(client, EVERYTHING)
    for absent in ("A service never published", "Unreviewed new name", "Boulevard d'Anvers"):
        assert absent not in text
    # Closed in every language (the status is copied to the translations); unpublished and
    # expired only in English (each record is published on its own).
    french = hsds(client, "service_at_locations", locale="fr")["contents"]
    assert [s["service"]["alternate_name"] for s in french] == ["Slachtofferhulp", "CPVCF"]
    assert len(hsds(client, "organizations", locale="fr")["contents"]) == 2


def test_a_confidential_address_never_appears(client, service, editor):
    record = service("cpvcf")
    sal = hsds(client, "services/" + service_id(record))["service_at_locations"][0]
    organisation_id = hsds(client, f"services/{service_id(record)}")["organization_id"]
    record.address_is_confidential = True
    record.save_revision(user=editor).publish()

    for code in LANGUAGES:
        text = every_text(client, EVERYTHING, locale=code)
        assert "Rue des Colonies" not in text and "Colonies" not in text
        assert len(hsds(client, "service_at_locations", locale=code)["contents"]) == 2
    document = hsds(client, f"services/{service_id(record)}")
    assert document["service_at_locations"] == []
    assert hsds(client, f"organizations/{organisation_id}")["locations"] == []
    assert client.get(f"/api/hsds/service_at_locations/{sal['id']}").status_code == 404


def test_an_address_outside_brussels_gets_no_invented_province(client, db):
    """HSDS requires a state_province; the record holds none, and only Brussels postal codes
    say it for certain. Such a location comes without an address rather than a wrong one."""
    record = ServiceFactory(
        name="Leuven welfare office", street="Grote Markt", street_number="1", postal_code="3000",
        locality="Leuven",
    )  # fmt: skip
    [located] = hsds(client, f"services/{service_id(record)}")["service_at_locations"]
    assert located["location"]["addresses"] == []
    assert "Brussels" not in every_text(client, [f"service_at_locations/{located['id']}"])


def test_a_deleted_service_answers_410_with_its_tombstone(client, db):
    record = ServiceFactory(name="Short-lived service")
    sid = service_id(record)
    assert hsds(client, f"services/{sid}")["name"] == "Short-lived service"
    record.delete()
    response = client.get(f"/api/hsds/services/{sid}")
    assert response.status_code == 410 and "deleted" in response.json()["detail"]
    assert client.get(f"/api/hsds/services/{ZERO}").status_code == 404


def test_conditional_requests_are_answered_304_on_every_operation(client, db):
    paths = [*LISTS, "", "services?minimal=true"]
    for path in LISTS:
        paths.append(f"{path}/{hsds(client, path)['contents'][0]['id']}")
    for path in paths:
        first = client.get(f"/api/hsds/{path}")
        assert first.status_code == 200 and first["ETag"], path
        again = client.get(f"/api/hsds/{path}", HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, path


def test_filters_are_cumulative(client, db):
    french = hsds(client, "organizations", locale="fr")["contents"]
    caw_in_french = next(o for o in french if o["alternate_name"] == "CAW")
    caw = hsds(client, "services", organization_id=caw_in_french["id"])["contents"]
    assert len(caw) == 2 and {s["organization_id"] for s in caw} != {caw_in_french["id"]}
    helplines = hsds(client, "services", taxonomy_term_id=term_id("helpline"))["contents"]
    assert len(helplines) == 2
    both = {"organization_id": caw_in_french["id"], "taxonomy_term_id": term_id("helpline")}
    assert hsds(client, "services", **both)["contents"] == []
    assert len(hsds(client, "services", taxonomy_id=TAXONOMY_ID)["contents"]) == 6
    assert hsds(client, "services", taxonomy_id=ZERO, full="true")["contents"] == []
    victims = hsds(client, "service_at_locations", taxonomy_term_id=term_id("victim_support"))
    assert [s["service"]["name"] for s in victims["contents"]] == [
        "CAW Victim Support Brussels (Slachtofferhulp)"
    ]
    assert hsds(client, "services", organization_id=ZERO)["total_items"] == 0
    assert (
        len(hsds(client, "taxonomy_terms", top_only="true", taxonomy_id=TAXONOMY_ID)["contents"])
        == 5
    )
    assert hsds(client, "taxonomy_terms", parent_id=term_id("helpline"))["contents"] == []
    assert hsds(client, "taxonomy_terms", taxonomy_id=ZERO)["contents"] == []


def test_search_uses_the_sites_search_for_services_and_stays_out_of_caches(client, engine):
    response = client.get("/api/hsds/services", {"search": "helpline"})
    assert response["Cache-Control"] == "no-store"
    names = [s["name"] for s in response.json()["contents"]]
    assert (
        "Domestic violence helpline" in names
        and "CAW Victim Support Brussels (Slachtofferhulp)" not in names
    )
    dutch = hsds(client, "services", locale="nl", search="slachtofferhulp")["contents"]
    assert dutch and all(s["name"].startswith("CAW") for s in dutch)
    at_locations = hsds(client, "service_at_locations", search="helpline")["contents"]
    assert at_locations == []  # the helplines have no address
    assert ids(hsds(client, "organizations", search="welfare")["contents"]) == ids(
        [o for o in hsds(client, "organizations")["contents"] if o["alternate_name"] == "CAW"]
    )
    assert [t["code"] for t in hsds(client, "taxonomy_terms", search="helplines")["contents"]] == [
        "helpline"
    ]
    assert len(hsds(client, "taxonomies", search="kind")["contents"]) == 1
    assert hsds(client, "taxonomies", search="shelters")["contents"] == []
