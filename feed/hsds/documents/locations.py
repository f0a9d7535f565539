"""A service's location: the one address of its record, when that address may be published.

A location belongs to the service's organisation, when it has one. Only addresses in the
Brussels-Capital Region (postal codes 1000 to 1299) carry the region HSDS asks for as
`state_province`; another address would need its province, which the record does not hold, so
its location is given without an address rather than with an invented region."""

from feed.hsds.ids import hsds_id, location_id, organisation_id
from services.models import Service

BRUSSELS_POSTAL_CODES = range(1000, 1300)
BRUSSELS_REGION = {
    "en": "Brussels-Capital Region",
    "fr": "Région de Bruxelles-Capitale",
    "nl": "Brussels Hoofdstedelijk Gewest",
}


def region(service: Service) -> str | None:
    code = service.postal_code.strip()
    if code.isascii() and code.isdigit() and int(code) in BRUSSELS_POSTAL_CODES:
        language = service.locale.language_code
        return BRUSSELS_REGION.get(language, BRUSSELS_REGION["en"])
    return None


def location_document(service: Service, sid: str, full: bool = True) -> dict:
    """The location of `service` (whose HSDS id is `sid`); `full` adds its address, the one
    part that is not one-to-one (lists leave it out, as HSDS lists do)."""
    if not service.has_address:  # never a confidential address, whatever the caller
        raise ValueError(f"Service {service.pk} has no address that may be published.")
    lid = location_id(sid)
    document = {
        "id": lid,
        "location_type": "physical",
        "organization_id": service.public_organisation
        and organisation_id(service.public_organisation),
        "name": service.name,
    }
    state_province = region(service)
    if full:
        document["addresses"] = (
            [
                {
                    "id": hsds_id(lid, "address"),
                    "location_id": lid,
                    "address_1": service.street_address,
                    "city": service.locality,
                    "state_province": state_province,
                    "postal_code": service.postal_code,
                    "country": "BE",
                    "address_type": "physical",
                }
            ]
            if state_province
            else []
        )
    return document
