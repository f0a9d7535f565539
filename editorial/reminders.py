"""What needs checking to keep the content true: sections past their review date, service
records not verified for too long, translations behind their English source; and who is told.

Each organisation's editors get their own organisation's service records and the sections of the
fact sheet (which both organisations maintain); translators get the translations of their
language; reviewers and administrators see everything. Review dates are the editors' to set:
a section or record without one counts as due, since nobody has said it is right."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from wagtail.models import Locale

from core.translations.status import TranslationStatus
from editorial.roles import roles_of
from editorial.translations.report import outdated_translations
from knowledge.models import SectionPage
from services.models import Service


@dataclass
class Due:
    """The items one person should check."""

    sections: list[SectionPage] = field(default_factory=list)
    services: list[Service] = field(default_factory=list)
    translations: list[TranslationStatus] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.sections or self.services or self.translations)

    @property
    def count(self) -> int:
        return len(self.sections) + len(self.services) + len(self.translations)


def sections_due(today: date) -> list[SectionPage]:
    """Sections (in the source language: review dates are the same in every language) whose
    next review date has come, or that have none."""
    sections = SectionPage.objects.filter(locale=Locale.get_default()).order_by("path")
    return [s for s in sections if s.next_review_due is None or s.next_review_due <= today]


def services_due(today: date, organisation: str | None = None) -> list[Service]:
    """Records (source language) not verified within SERVICE_VERIFICATION_DAYS, or never."""
    oldest = today - timedelta(days=settings.SERVICE_VERIFICATION_DAYS)
    services = (
        Service.objects.filter(locale=Locale.get_default())
        .exclude(status=Service.Status.CLOSED)
        .select_related("organisation")
        .order_by("name")
    )
    if organisation:
        services = services.filter(organisation__slug=organisation)
    return [s for s in services if s.last_verified_on is None or s.last_verified_on < oldest]


def due_for(user, today: date) -> Due:
    """What this user should check, according to their roles."""
    if user.is_superuser or any(role.reviews for role in roles_of(user)):
        return Due(sections_due(today), services_due(today), outdated_translations())
    due = Due()
    roles = roles_of(user)
    organisations = sorted({role.organisation for role in roles if role.organisation})
    if organisations:
        due.sections = sections_due(today)
        for organisation in organisations:
            due.services += services_due(today, organisation)
    languages = [role.language for role in roles if role.language]
    if languages:
        due.translations = outdated_translations(
            list(Locale.objects.filter(language_code__in=languages))
        )
    return due
