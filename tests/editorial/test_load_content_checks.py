"""load_content runs the admin's own checks: a content file never publishes what an editor
could not save, and a refused file writes nothing at all."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import edit_yaml

SHEET_FILE = "fact-sheets/violence-between-ex-partners.en.yaml"


def service_entry(data, slug):
    return next(entry for entry in data["services"] if entry["slug"] == slug)


def unknown_phone_number(data):
    service_entry(data, "cpvcf")["channels"][0]["value"] = "02 999 99 99"


def overlapping_monday(data):
    service_entry(data, "cpvcf")["hours"]["periods"] = [
        {"days": ["mon"], "opens": "09:00", "closes": "12:30"},
        {"days": ["mon", "tue"], "opens": "12:00", "closes": "17:00"},
    ]


def website_that_is_no_address(data):
    data["organisations"][0]["website"] = "www.cpvcf.org"


def writes(queries) -> list[str]:
    verbs = ("INSERT", "UPDATE", "DELETE")
    return [
        q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(verbs)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, where, message",
    [
        (
            unknown_phone_number,
            "services[0] (slug 'cpvcf').channels[0].value",
            "“02 999 99 99” is not a valid Belgian phone number",
        ),
        (
            overlapping_monday,
            "services[0] (slug 'cpvcf').hours",
            "opening periods overlap: Monday 09:00-12:30 and 12:00-17:00",
        ),
        (
            website_that_is_no_address,
            "organisations[0] (slug 'cpvcf').website",
            "Enter a valid URL.",
        ),
    ],
    ids=["phone", "overlapping-hours", "website"],
)
def test_what_the_admin_refuses_is_refused_before_anything_is_written(
    content_copy, change, where, message
):
    edit_yaml(content_copy / "services.en.yaml", change)
    with CaptureQueriesContext(connection) as queries, pytest.raises(CommandError) as error:
        call_command("load_content", content_dir=content_copy, verbosity=0)
    assert f"{content_copy / 'services.en.yaml'}: {where}: {message}" in str(error.value)
    assert "Nothing was loaded" in str(error.value)
    assert writes(queries) == []


@pytest.mark.django_db
def test_block_data_is_checked_by_the_block_itself(content_copy):
    """A link the file schema lets through (it starts with https://) but the page editor's
    URL field refuses (no underscore in a host name) is refused, naming the section, the block
    and its field."""
    added = {}

    def bad_link(data):
        body = data["sections"][0]["sections"][2]["body"]  # section A.3
        added["position"] = len(body)
        body.append({"type": "further_information", "url": "https://exa_mple.org/", "title": "X"})

    edit_yaml(content_copy / SHEET_FILE, bad_link)
    with pytest.raises(CommandError) as error:
        call_command("load_content", content_dir=content_copy, verbosity=0)
    expected = f"section A.3: body[{added['position']}].url: Enter a valid URL."
    assert expected in str(error.value)
    assert "Nothing was loaded" in str(error.value)
