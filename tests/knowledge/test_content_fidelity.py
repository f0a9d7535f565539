"""The loaded knowledge base says what the source fact sheet says: structure, facts and lists."""

import re

import pytest

from knowledge.models import SectionPage
from tests.conftest import page_text
from tests.source_sheet import SHARED_SOURCE, SOURCE, squash


def test_every_section_of_the_table_of_contents_exists_in_order(sheet, source):
    loaded = [(s.number, squash(s.title)) for s in sheet.sections()]
    expected = [(e.number, squash(e.title)) for e in source.table_of_contents]
    assert len(expected) == 31
    assert loaded == expected


def test_sections_nest_as_their_numbers_say(sheet):
    for page in SectionPage.objects.descendant_of(sheet):
        parent = page.get_parent().specific
        if "." in page.number:
            assert parent.number == page.number.rpartition(".")[0]
        else:
            assert parent.pk == sheet.pk


def test_every_section_has_a_summary_and_leaf_sections_have_a_body(sheet):
    for page in sheet.sections():
        assert page.summary.strip(), page.number
        if not page.get_children().exists():
            assert len(page.body) > 0, page.number


def site_text(client, public_pages) -> str:
    """All text and link targets of every published page, for looking up facts."""
    chunks = []
    for page in public_pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        hrefs = re.findall(r'href="([^"]+)"', response.content.decode())
        chunks.append(page_text(response) + " " + " ".join(hrefs))
    return " ".join(chunks)


def test_every_phone_number_email_and_web_address_of_the_source_is_published(
    client, public_pages, source
):
    text = site_text(client, public_pages)
    assert len(source.phone_numbers) >= 7 and len(source.emails) >= 3
    for number in source.phone_numbers:
        assert number in text, number
        assert "tel:" + number.replace(" ", "") in text, number
    for email in source.emails:
        assert f"mailto:{email}" in text, email
    for address in source.web_addresses:
        assert address.rstrip("/") in text, address


@pytest.mark.parametrize(
    ("number", "listing"), [("A.2", "types_of_violence"), ("A.3", "cycle_stages")]
)
def test_every_named_item_appears_with_its_full_description(read, section, source, number, listing):
    """The types of violence with their examples; the cycle's stages with their descriptions."""
    _, text = read(section(number))
    items = getattr(source, listing)
    assert len(items) == 8
    for name, description in items:
        assert name in text
        assert squash(description) in squash(text), name


def test_cycle_stages_pair_perpetrator_and_victim_in_order(section):
    cycle = next(b for b in section("A.3").body if b.block_type == "cycle")
    pairs = [(s["perpetrator_stage"], s["victim_stage"]) for s in cycle.value["stages"]]
    assert pairs == [
        ("Tension", "Anxiety"),
        ("Aggression", "Anger and shame"),
        ("Justification", "Responsibility"),
        ("Reconciliation", "Hope"),
    ]


def test_do_not_and_instead_lists_are_complete(read, section, source):
    block = next(b for b in section("B.1.3").body if b.block_type == "do_dont")
    assert [squash(i) for i in block.value["do_not"]] == [squash(i) for i in source.do_not]
    assert [squash(i) for i in block.value["instead"]] == [squash(i) for i in source.instead]
    _, text = read(section("B.1.3"))
    for item in [*source.do_not, *source.instead]:
        assert squash(item) in squash(text)


def test_referral_sections_reference_the_service_library(section):
    def referenced(number):
        return [b.value["service"].slug for b in section(number).body if b.block_type == "service"]

    assert referenced("B.2.1") == ["cpvcf"]
    assert referenced("B.2.2") == ["caw-brussels-reception", "caw-victim-support-brussels"]
    assert referenced("B.2.3") == ["domestic-violence-helpline", "helpline-1712"]
    assert referenced("B.2.4") == ["emergency-112"]
    assert set(referenced("B.3")) == {"cpvcf", "caw-victim-support-brussels"}


def test_no_extraction_noise_reaches_the_pages(client, public_pages):
    text = site_text(client, public_pages)
    for noise in ("(9", "✗", "✓", "**", "Cycle of violence violence"):
        assert noise not in text, noise


@pytest.mark.skipif(not SHARED_SOURCE.exists(), reason="../shared/ is not beside this checkout")
def test_the_repository_copy_of_the_source_is_the_shared_original():
    assert SOURCE.read_bytes() == SHARED_SOURCE.read_bytes()
