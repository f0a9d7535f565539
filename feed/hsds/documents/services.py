"""Service documents: the list's one-to-one fields (service_list.json), `minimal` (the id and
when it last changed) and the full service (service.json) with its phones, schedules, languages,
kind, organisation and location."""

from feed.hsds.documents.locations import location_document
from feed.hsds.documents.organizations import organisation_summary
from feed.hsds.documents.taxonomy import kind_attribute
from feed.hsds.fields import drop_nulls, timestamp
from feed.hsds.ids import hsds_id, organisation_id, service_at_location_id, service_id
from services.models import ContactChannel, OpeningPeriod, Service

BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
STATUS = {"active": "active", "temporarily_closed": "temporarily closed", "closed": "defunct"}
PHONE_KIND = ContactChannel.Kind.PHONE


def last_modified(service: Service) -> str | None:
    """When the service or what its document shows last changed (records.services() annotates
    `last_change` from the change log), else when it was last published."""
    return timestamp(getattr(service, "last_change", None) or service.last_published_at)


def service_minimal(service: Service) -> dict:
    """`minimal`: the id and when it last changed, with the name and status that every HSDS
    service carries (service_list.json requires them)."""
    return {
        "id": service_id(service),
        "name": service.name,
        "status": STATUS[service.status],
        "last_modified": last_modified(service),
    }


def service_summary(service: Service) -> dict:
    """The one-to-one fields (service_list.json)."""
    channels = list(service.channels.all())
    web = next((c.href for c in channels if c.kind == ContactChannel.Kind.WEB and c.href), None)
    email = next((c.value for c in channels if c.kind == ContactChannel.Kind.EMAIL), None)
    notes = [lang.note for lang in service.languages.all() if lang.note]
    organisation = service.public_organisation
    return drop_nulls(
        {
            "id": service_id(service),
            "organization_id": organisation and organisation_id(organisation),
            "name": service.name,
            "alternate_name": service.short_name or None,
            "description": service.description,
            "url": web,
            "email": email,
            "status": STATUS[service.status],
            "interpretation_services": " ".join(notes) or None,
            "application_process": service.referral_rule or None,
            "eligibility_description": service.audience or None,
            "assured_date": service.last_verified_on and service.last_verified_on.isoformat(),
            "last_modified": last_modified(service),
        }
    )


def schedules(service: Service, sid: str) -> list[dict]:
    if service.hours_mode == Service.HoursMode.WEEKLY:
        return [
            {
                "id": hsds_id(sid, "schedule", index),
                "service_id": sid,
                "freq": "WEEKLY",
                "wkst": "MO",
                "byday": BYDAY[period.weekday],
                "opens_at": period.opens.strftime("%H:%M"),
                "closes_at": period.closes.strftime("%H:%M"),
                "description": f"{OpeningPeriod.Weekday(period.weekday).label} (Europe/Brussels)",
                "notes": service.hours_note or None,
            }
            for index, period in enumerate(service.hours.all())
        ]
    if service.hours_mode == Service.HoursMode.UNKNOWN:
        return []
    return [
        {
            "id": hsds_id(sid, "schedule", service.hours_mode),
            "service_id": sid,
            "description": service.get_hours_mode_display(),
            "notes": service.hours_note or None,
        }
    ]


def phones(service: Service, sid: str) -> list[dict]:
    return [
        {
            "id": hsds_id("phone", c.translation_key, c.locale_id),
            "service_id": sid,
            "number": c.value,
            "type": "voice",
            "description": " · ".join(filter(None, [c.label, c.get_purpose_display()])),
        }
        for c in service.channels.all()
        if c.kind == PHONE_KIND
    ]


def languages(service: Service, sid: str) -> list[dict]:
    return [
        {
            "id": hsds_id("language", lang.translation_key, lang.locale_id),
            "service_id": sid,
            "name": lang.get_language_display(),
            "code": lang.language,
            "note": lang.note or None,
        }
        for lang in service.languages.all()
    ]


def service_at_locations(service: Service, sid: str) -> list[dict]:
    if not service.has_address:
        return []
    location = location_document(service, sid)
    return [
        {
            "id": service_at_location_id(sid),
            "service_id": sid,
            "location_id": location["id"],
            "location": location,
        }
    ]


def service_document(service: Service, with_locations: bool = True) -> dict:
    """The full service (service.json). `with_locations=False` for the service inside a service
    at a location, which the standard gives without its locations."""
    sid = service_id(service)
    document = service_summary(service)
    document["phones"] = phones(service, sid)
    document["schedules"] = schedules(service, sid)
    document["languages"] = languages(service, sid)
    if with_locations:
        document["service_at_locations"] = service_at_locations(service, sid)
    if service.public_organisation:
        document["organization"] = organisation_summary(service.public_organisation)
    document["attributes"] = [kind_attribute(service, sid)]
    return drop_nulls(document)
