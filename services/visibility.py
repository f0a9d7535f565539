"""What may leave the system, for the service library: the one rule that the site, the feed's
documents, Atom, HSDS, the change log and search all go through.

A service may be shown when it is published (live), not expired and not closed for good. An
organisation may be named when it is published and not expired. Expiry is checked against the
clock: Wagtail sets `live=False` on an expired record only when `publish_scheduled` runs, so
between `expire_at` and that run an expired record is still `live=True`. Pages have the same
rule in `knowledge/visibility.py`."""

from datetime import datetime

from django.db.models import Min, Q
from django.utils import timezone

from services.models import Organisation, Service

CLOSED = Service.Status.CLOSED


def _published_q(now: datetime, prefix: str = "") -> Q:
    return Q(**{f"{prefix}live": True}) & (
        Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": now})
    )


def _is_published(record, now: datetime | None) -> bool:
    now = now or timezone.now()
    return bool(record.live) and (record.expire_at is None or record.expire_at > now)


def visible_services(queryset, now: datetime | None = None):
    """`queryset` narrowed to services that may be shown: live, not expired, not closed."""
    return queryset.filter(_published_q(now or timezone.now())).exclude(status=CLOSED)


def visible_services_q(prefix: str, now: datetime | None = None) -> Q:
    """The same rule as a condition on a related service (`prefix`, e.g. "service__")."""
    return _published_q(now or timezone.now(), prefix) & ~Q(**{f"{prefix}status": CLOSED})


def is_visible_service(service, now: datetime | None = None) -> bool:
    return service is not None and _is_published(service, now) and service.status != CLOSED


def visible_organisations(queryset, now: datetime | None = None):
    """`queryset` narrowed to organisations that may be named: live and not expired."""
    return queryset.filter(_published_q(now or timezone.now()))


def is_visible_organisation(organisation, now: datetime | None = None) -> bool:
    return organisation is not None and _is_published(organisation, now)


def next_service_expiry(now: datetime | None = None) -> datetime | None:
    """When the next live service or organisation expires (the rule's answer changes then)."""
    now = now or timezone.now()
    moments = [
        model.objects.filter(live=True, expire_at__gt=now).aggregate(m=Min("expire_at"))["m"]
        for model in (Service, Organisation)
    ]
    return min((m for m in moments if m), default=None)
