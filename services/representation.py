"""A service record as partners receive it: every field, facts and texts, as plain JSON."""

from django.utils import timezone

from core.links import api_url
from core.sanitise import rich_text_html
from core.translations.links import translation_links
from services.models import OpeningPeriod, Service
from services.visibility import visible_services

WEEKDAYS = [name.lower() for _, name in OpeningPeriod.Weekday.choices]


def public_services():
    """Services that may be shown (services/visibility.py), with what their documents need."""
    return (
        visible_services(Service.objects.all())
        .select_related("locale", "organisation")
        .prefetch_related("channels", "hours", "languages")
    )


def service_representation(service: Service, request, translations=None, now=None) -> dict:
    """The JSON of one published service; `translations` as computed by the caller, if any."""
    now = now or timezone.now()
    organisation = service.public_organisation
    address = (
        {"confidential": True}
        if service.address_is_confidential
        else {
            "confidential": False,
            "street_address": service.street_address,
            "street": service.street,
            "street_number": service.street_number,
            "postal_code": service.postal_code,
            "locality": service.locality,
        }
    )
    data = {
        "id": service.pk,
        "type": "service",
        "slug": service.slug,
        "locale": service.locale.language_code,
        "translation_key": str(service.translation_key),
        "name": service.name,
        "short_name": service.short_name,
        "organisation": organisation
        and {
            "slug": organisation.slug,
            "name": organisation.name,
            "short_name": organisation.short_name,
            "website": organisation.web_address or "",
        },
        "kind": service.kind,
        "status": service.status,
        "description": service.description,
        "offers_html": rich_text_html(service.offers),
        "audience": service.audience,
        "languages": [
            {"code": lang.language, "note": lang.note} for lang in service.languages.all()
        ],
        "file_language": service.file_language or None,
        "referral_rule": service.referral_rule,
        "search_terms": service.search_terms,
        "address": address,
        "channels": [
            {
                "kind": c.kind,
                "value": c.value,
                "href": c.href,
                "label": c.label,
                "purpose": c.purpose,
                "free": c.is_free,
                "anonymous": c.is_anonymous,
                "availability": c.availability,
            }
            for c in service.channels.all()
        ],
        "hours": {
            "mode": service.hours_mode,
            "time_zone": "Europe/Brussels",
            "note": service.hours_note,
            "weekly": [
                {
                    "weekday": WEEKDAYS[p.weekday],
                    "opens": p.opens.strftime("%H:%M"),
                    "closes": p.closes.strftime("%H:%M"),
                }
                for p in service.hours.all()
            ],
        },
        "open_now": service.open_at(now),
        "last_verified": {
            "on": service.last_verified_on.isoformat() if service.last_verified_on else None,
            "by": service.last_verified_by or None,
        },
        "last_published_at": service.last_published_at,
        "api_url": api_url(request, "api:service-detail", service.pk),
    }
    if translations is not None:
        data["translations"] = translations
    return data


def service_document(service: Service, request, now=None) -> dict:
    """A service as the feed serves it: its representation and its public translations."""
    others = (
        public_services().filter(translation_key=service.translation_key).exclude(pk=service.pk)
    )
    links = translation_links(
        service, request, "api:service-detail", others.order_by("locale__language_code")
    )
    return service_representation(service, request, links, now)


def with_open_now(document, open_now: dict):
    """`document` with each service's `open_now` from `open_now` (service id to True, False or
    None), wherever services appear in it: documents are stored without it, since it depends on
    the time of the request."""
    if isinstance(document, list):
        return [with_open_now(item, open_now) for item in document]
    if not isinstance(document, dict):
        return document
    result = {key: with_open_now(value, open_now) for key, value in document.items()}
    if result.get("type") == "service" and "open_now" in result:
        result["open_now"] = open_now.get(result["id"])
    return result
