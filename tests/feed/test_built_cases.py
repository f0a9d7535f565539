"""Cases the real content does not hold, built with the factories (tests/factories.py)."""

import pytest

from tests.factories import SectionPageFactory, ServiceFactory


@pytest.mark.django_db
def test_a_service_without_an_organisation_is_served_everywhere(client):
    service = ServiceFactory(name="Neighbourhood legal advice", organisation=None)

    detail = client.get(f"/api/v1/services/{service.pk}/")
    assert detail.status_code == 200
    data = detail.json()["data"]
    assert data["organisation"] is None
    assert data["channels"][0]["value"] == "02 539 27 44"

    hsds = client.get("/api/hsds/services", {"locale": "en", "per_page": 100})
    assert hsds.status_code == 200
    contents = hsds.json()["contents"]
    record = next(s for s in contents if s["name"] == "Neighbourhood legal advice")
    assert "organization_id" not in record  # HSDS leaves out what is unknown

    directory = client.get("/en/services/", follow=True)
    assert directory.status_code == 200
    assert "Neighbourhood legal advice" in directory.content.decode()


@pytest.mark.django_db
def test_three_nested_sections_link_up_and_down(client):
    part = SectionPageFactory(number="Z", title="A part")
    chapter = SectionPageFactory(parent=part, number="Z.1", title="A chapter")
    leaf = SectionPageFactory(parent=chapter, number="Z.1.1", title="A subsection")

    data = client.get(f"/api/v1/sections/{leaf.pk}/").json()["data"]
    assert [crumb["number"] for crumb in data["breadcrumb"]] == ["Z", "Z.1"]
    assert data["parent"]["number"] == "Z.1"
    assert data["part"] == "Z"
    assert data["fact_sheet"]["slug"] == part.get_parent().slug

    middle = client.get(f"/api/v1/sections/{chapter.pk}/").json()["data"]
    assert [child["number"] for child in middle["children"]] == ["Z.1.1"]
    children = client.get("/api/v1/sections/", {"parent": "Z", "locale": "en"}).json()
    assert [item["number"] for item in children["results"]] == ["Z.1"]

    page = client.get(leaf.url)
    assert page.status_code == 200
    assert "A chapter" in page.content.decode()  # the breadcrumb
