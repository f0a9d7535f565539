"""Services at locations: a public service whose address may be published, at that address
(one per such service; helplines and services at a confidential address have none).

The list gives one-to-one fields (service_at_location_list.json: the location without its
address, the service's list fields); the full document (service_at_location.json) nests the
location with its address and the full service (its phones, schedules and languages)."""

from feed.hsds.documents.locations import location_document
from feed.hsds.documents.services import service_document, service_summary
from feed.hsds.ids import service_at_location_id, service_id
from services.models import Service


def service_at_location_summary(service: Service) -> dict:
    sid = service_id(service)
    location = location_document(service, sid, full=False)
    return {
        "id": service_at_location_id(sid),
        "service_id": sid,
        "location_id": location["id"],
        "location": location,
        "service": service_summary(service),
    }


def service_at_location_document(service: Service) -> dict:
    sid = service_id(service)
    location = location_document(service, sid)
    return {
        "id": service_at_location_id(sid),
        "service_id": sid,
        "location_id": location["id"],
        "location": location,
        "service": service_document(service, with_locations=False),
    }
