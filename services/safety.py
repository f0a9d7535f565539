"""The numbers every public page shows: emergency lines and helplines from the service library."""

from wagtail.models import Locale

from services.models import ContactChannel, Service
from services.visibility import visible_services_q

SAFETY_PURPOSES = (ContactChannel.Purpose.EMERGENCY, ContactChannel.Purpose.HELPLINE)


def safety_lines(locale: Locale) -> list[ContactChannel]:
    """Phone lines for emergencies and helplines of published services, emergencies first."""
    lines = (
        ContactChannel.objects.filter(
            visible_services_q("service__"),
            kind=ContactChannel.Kind.PHONE,
            purpose__in=SAFETY_PURPOSES,
            service__status=Service.Status.ACTIVE,
            service__locale=locale,
        )
        .select_related("service", "locale")
        .prefetch_related("service__hours")
    )
    order = {purpose: i for i, purpose in enumerate(SAFETY_PURPOSES)}
    return sorted(lines, key=lambda c: (order[c.purpose], c.service.name, c.sort_order or 0))
