"""Organisation documents: the list's one-to-one fields (organization_list.json) and the full
organisation (organization.json) with its services and their locations.

The record holds a name, a short name and a website; HSDS requires a description, which is
therefore the name again (nothing else is known, and nothing is invented)."""

from feed.hsds.fields import drop_nulls
from feed.hsds.ids import organisation_id
from services.models import Organisation


def organisation_summary(organisation: Organisation) -> dict:
    return drop_nulls(
        {
            "id": organisation_id(organisation),
            "name": organisation.name,
            "alternate_name": organisation.short_name or None,
            "description": organisation.name,
            "website": organisation.web_address,
        }
    )


def organisation_document(
    organisation: Organisation, services: list[dict], locations: list[dict]
) -> dict:
    """The full organisation, given its public services' documents (as `full_service` asks:
    one-to-one fields, or full) and their locations."""
    return {**organisation_summary(organisation), "services": services, "locations": locations}
