"""The numbers every public page shows: emergency lines and helplines from the service library;
and the offices a person can phone."""

from collections.abc import Iterable

from wagtail.models import Locale

from services.models import ContactChannel, Service
from services.visibility import visible_services_q

SAFETY_PURPOSES = (ContactChannel.Purpose.EMERGENCY, ContactChannel.Purpose.HELPLINE)


def phone_lines(locale: Locale, purposes: tuple[str, ...]) -> list[ContactChannel]:
    """Phone lines of published, active services for these purposes, in their order, then by
    service name."""
    lines = (
        ContactChannel.objects.filter(
            visible_services_q("service__"),
            kind=ContactChannel.Kind.PHONE,
            purpose__in=purposes,
            service__status=Service.Status.ACTIVE,
            service__locale=locale,
        )
        .select_related("service__locale", "locale")
        .prefetch_related("service__hours")
    )
    order = {purpose: i for i, purpose in enumerate(purposes)}
    return sorted(lines, key=lambda c: (order[c.purpose], c.service.name, c.sort_order or 0))


def safety_lines(locale: Locale) -> list[ContactChannel]:
    """Phone lines for emergencies and helplines, emergencies first."""
    return phone_lines(locale, SAFETY_PURPOSES)


def office_lines(locale: Locale) -> list[ContactChannel]:
    """The services' own phone numbers, where a person answers in opening hours."""
    return phone_lines(locale, (ContactChannel.Purpose.OFFICE,))


def around_the_clock(lines: Iterable[ContactChannel]) -> list[ContactChannel]:
    """The lines to call in danger now: those that answer at any hour."""
    return [line for line in lines if line.availability == ContactChannel.Availability.ALWAYS]
