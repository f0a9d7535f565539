"""Open Referral HSDS 3.0 view of the service library (/api/hsds/): the standard that service
directories exchange, so partners can load our records into their own directory software.

HSDS is one language per document: `?locale=` chooses it (default English). Identifiers are
UUIDs derived from each record's translation key and language, stable across databases."""

import math
import uuid

from rest_framework import serializers
from rest_framework.exceptions import NotFound

from feed.base import FeedView
from services.models import ContactChannel, OpeningPeriod, Organisation, Service
from services.representation import public_services

NAMESPACE = uuid.UUID("5d0b4f5e-5a3c-4b8e-9f3a-2c1d7e6b9a40")
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
STATUS = {"active": "active", "temporarily_closed": "temporarily closed", "closed": "defunct"}
PHONE_KIND = ContactChannel.Kind.PHONE
HSDS_OPENAPI = (
    "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
)


def drop_nulls(document):
    """HSDS leaves out what is unknown rather than sending null (at every level)."""
    if isinstance(document, dict):
        return {k: drop_nulls(v) for k, v in document.items() if v is not None}
    if isinstance(document, list):
        return [drop_nulls(item) for item in document]
    return document


def hsds_id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def service_id(service: Service) -> str:
    return hsds_id("service", service.translation_key, service.locale.language_code)


def organisation_id(organisation: Organisation) -> str:
    return hsds_id("organization", organisation.translation_key, organisation.locale.language_code)


def organisation_document(org: Organisation) -> dict:
    return {
        "id": organisation_id(org),
        "name": org.name,
        "alternate_name": org.short_name or None,
        "description": org.name,
        "website": org.website or None,
    }


def service_summary(service: Service) -> dict:
    """The one-to-one fields (service_list.json)."""
    channels = list(service.channels.all())
    web = next((c.value for c in channels if c.kind == "web"), None)
    email = next((c.value for c in channels if c.kind == "email"), None)
    notes = [lang.note for lang in service.languages.all() if lang.note]
    return {
        "id": service_id(service),
        "organization_id": service.organisation and organisation_id(service.organisation),
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
        "last_modified": service.last_published_at and service.last_published_at.isoformat(),
    }


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


def service_document(service: Service) -> dict:
    """The full service (service.json) with its phones, schedules, languages and location."""
    sid = service_id(service)
    document = service_summary(service)
    document["phones"] = [
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
    document["schedules"] = schedules(service, sid)
    document["languages"] = [
        {
            "id": hsds_id("language", lang.translation_key, lang.locale_id),
            "service_id": sid,
            "name": lang.get_language_display(),
            "code": lang.language,
            "note": lang.note or None,
        }
        for lang in service.languages.all()
    ]
    document["service_at_locations"] = []
    if service.has_address:
        lid = hsds_id(sid, "location")
        document["service_at_locations"].append(
            {
                "id": hsds_id(sid, "service_at_location"),
                "service_id": sid,
                "location_id": lid,
                "location": {
                    "id": lid,
                    "location_type": "physical",
                    "name": service.name,
                    "addresses": [
                        {
                            "id": hsds_id(lid, "address"),
                            "location_id": lid,
                            "address_1": service.street_address,
                            "city": service.locality,
                            "state_province": "Brussels-Capital Region",
                            "postal_code": service.postal_code,
                            "country": "BE",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        )
    if service.organisation:
        document["organization"] = organisation_document(service.organisation)
    return drop_nulls(document)


class HsdsPage(serializers.Serializer):
    page = serializers.IntegerField(min_value=1, max_value=100_000, default=1)
    per_page = serializers.IntegerField(min_value=1, max_value=100, default=50)


def hsds_page(items: list, page: int, per_page: int, render) -> dict:
    total_pages = max(1, math.ceil(len(items) / per_page))
    window = items[(page - 1) * per_page : page * per_page]
    return {
        "total_items": len(items),
        "total_pages": total_pages,
        "page_number": page,
        "size": len(window),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not window,
        "contents": [render(item) for item in window],
    }


class HsdsView(FeedView):
    """HSDS responses are bare HSDS documents: no envelope, same caching and errors."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if response.status_code == 200:
            response.data = response.data["hsds"]
        return response


class HsdsRootView(HsdsView):
    def build(self, request):
        return {
            "hsds": {
                "version": "3.0",
                "profile": "https://docs.openreferral.org/en/3.0/",
                "openapi_url": HSDS_OPENAPI,
            }
        }


class HsdsListView(HsdsView):
    """A paginated HSDS list: subclasses give the records and how to render one."""

    allowed_params = {"locale", "page", "per_page"}

    def records(self) -> list:
        raise NotImplementedError

    def render(self, record) -> dict:
        raise NotImplementedError

    def build(self, request):
        page = hsds_page(self.records(), **self.valid_params(request, HsdsPage), render=self.render)
        page["contents"] = [drop_nulls(item) for item in page["contents"]]
        return {"hsds": page}


class HsdsServiceListView(HsdsListView):
    def records(self):
        return list(public_services().filter(locale=self.locale).order_by("slug"))

    def render(self, record):
        return service_summary(record)


class HsdsServiceDetailView(HsdsView):
    """One service by its HSDS id. An id names one language's record, so it resolves whatever
    the request's language, and answers in the record's (as the feed's details do)."""

    @staticmethod
    def find(hsds_uuid) -> Service | None:
        return next((s for s in public_services() if service_id(s) == str(hsds_uuid)), None)

    def item_locale(self, hsds_uuid):
        service = self.find(hsds_uuid)
        return service.locale if service else None

    def build(self, request, hsds_uuid):
        service = self.find(hsds_uuid)
        if service is None:
            raise NotFound("No published service has this HSDS id.")
        return {"hsds": service_document(service)}


class HsdsOrganisationListView(HsdsListView):
    def records(self):
        return list(Organisation.objects.filter(locale=self.locale).order_by("slug"))

    def render(self, record):
        return organisation_document(record)
