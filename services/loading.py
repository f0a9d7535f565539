"""Load the service library from its content file (content/services.<locale>.yaml)."""

import uuid
from datetime import time
from typing import Literal

from django.conf import settings
from pydantic import Field, field_validator, model_validator
from wagtail.models import Locale

from core.content_files import ContentFileError, Strict, check_html, edited_by_someone
from services.models import ContactChannel, OpeningPeriod, Organisation, Service, ServiceLanguage
from services.models.channels import LANGUAGE_CHOICES
from services.validation import errors_of, record_problems

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"


NameLanguage = Literal[("", *dict(settings.WAGTAIL_CONTENT_LANGUAGES))]


class OrganisationEntry(Strict):
    slug: str = Field(pattern=SLUG)
    name: str = Field(min_length=1)
    name_language: NameLanguage = ""
    short_name: str = ""
    website: str = ""


class PeriodEntry(Strict):
    days: list[Literal[DAYS]] = Field(min_length=1)
    opens: time
    closes: time

    @model_validator(mode="after")
    def closes_after_opening(self):
        if self.closes <= self.opens:
            raise ValueError(f"closes ({self.closes}) must be after opens ({self.opens})")
        return self


class HoursEntry(Strict):
    mode: Literal["weekly", "always", "appointment", "unknown"] = "unknown"
    note: str = ""
    periods: list[PeriodEntry] = []

    @model_validator(mode="after")
    def periods_only_when_weekly(self):
        if (self.mode == "weekly") != bool(self.periods):
            raise ValueError("periods are required for mode 'weekly' and only for it")
        return self


class AddressEntry(Strict):
    street: str = ""
    street_number: str = ""
    postal_code: str = ""
    locality: str = ""
    confidential: bool = False


class ChannelEntry(Strict):
    kind: Literal[tuple(ContactChannel.Kind.values)]
    value: str = Field(min_length=1)
    label: str = ""
    purpose: Literal[tuple(ContactChannel.Purpose.values)]
    is_free: bool | None = None
    is_anonymous: bool | None = None
    availability: Literal[tuple(ContactChannel.Availability.values)] = "unspecified"


class LanguageEntry(Strict):
    language: str
    note: str = ""

    @field_validator("language")
    @classmethod
    def known_language(cls, value):
        if value not in dict(LANGUAGE_CHOICES):
            raise ValueError(f"unknown language code {value!r}")
        return value


class ServiceEntry(Strict):
    slug: str = Field(pattern=SLUG)
    name: str = Field(min_length=1)
    name_language: NameLanguage = ""
    short_name: str = ""
    organisation: str | None = None
    kind: Literal[tuple(Service.Kind.values)]
    status: Literal[tuple(Service.Status.values)] = "active"
    description: str = ""
    offers: str = ""
    audience: str = ""
    languages: list[LanguageEntry] = []
    file_language: Literal[tuple(Service.FileLanguage.values)] = ""
    referral_rule: str = ""
    search_terms: str = ""
    address: AddressEntry = AddressEntry()
    hours: HoursEntry = HoursEntry()
    channels: list[ChannelEntry] = Field(min_length=1)

    @field_validator("offers")
    @classmethod
    def offers_is_safe_html(cls, value):
        return check_html(value)


class ServiceLibraryFile(Strict):
    organisations: list[OrganisationEntry] = []
    services: list[ServiceEntry]

    @model_validator(mode="after")
    def references_resolve(self):
        keys = [o.slug for o in self.organisations]
        slugs = [s.slug for s in self.services]
        for label, values in (("organisation key", keys), ("service slug", slugs)):
            if duplicates := sorted({v for v in values if values.count(v) > 1}):
                raise ValueError(f"duplicate {label}: {', '.join(duplicates)}")
        for service in self.services:
            if service.organisation and service.organisation not in keys:
                raise ValueError(
                    f"service {service.slug!r} names unknown organisation {service.organisation!r}"
                )
        return self


def snapshot(service: Service) -> dict:
    """What the content file controls on a service, comparable before and after a load."""
    fields = {f: getattr(service, f) for f in SERVICE_FIELDS}
    fields["organisation_id"] = service.organisation_id
    fields["channels"] = [
        (c.sort_order, c.kind, c.value, c.label, c.purpose, c.is_free, c.is_anonymous)
        + (c.availability,)
        for c in service.channels.all()
    ]
    fields["hours"] = [(p.sort_order, p.weekday, p.opens, p.closes) for p in service.hours.all()]
    fields["languages"] = [
        (lang.sort_order, lang.language, lang.note) for lang in service.languages.all()
    ]
    return fields


SERVICE_FIELDS = (
    "name", "name_language", "short_name", "kind", "status", "description", "offers", "audience",
    "file_language", "referral_rule", "search_terms", "street", "street_number", "postal_code",
    "locality", "address_is_confidential", "hours_mode", "hours_note", "live",
)  # fmt: skip


def apply_entry(service: Service, entry: ServiceEntry, organisation: Organisation | None) -> None:
    """Copy a file entry onto an (unsaved) service and its child records."""
    service.name, service.short_name, service.kind = entry.name, entry.short_name, entry.kind
    service.name_language = entry.name_language
    service.status, service.description, service.offers = (
        entry.status,
        entry.description,
        entry.offers,
    )
    service.audience, service.file_language = entry.audience, entry.file_language
    service.referral_rule, service.search_terms = entry.referral_rule, entry.search_terms
    service.street, service.street_number = entry.address.street, entry.address.street_number
    service.postal_code = entry.address.postal_code
    service.locality = entry.address.locality
    service.address_is_confidential = entry.address.confidential
    service.hours_mode, service.hours_note = entry.hours.mode, entry.hours.note
    service.organisation = organisation
    service.live = True
    service.channels = stable_keys(
        entry.slug, "channels", [ContactChannel(**c.model_dump()) for c in entry.channels]
    )
    service.languages = stable_keys(
        entry.slug, "languages", [ServiceLanguage(**lang.model_dump()) for lang in entry.languages]
    )
    service.hours = [
        OpeningPeriod(sort_order=i, weekday=weekday, opens=opens, closes=closes)
        for i, (weekday, opens, closes) in enumerate(
            (DAYS.index(day), p.opens, p.closes) for p in entry.hours.periods for day in p.days
        )
    ]


CHILD_KEY_NAMESPACE = uuid.UUID("0b7c3a5e-6a53-4c1e-9c39-4f0f2f0a8d21")


def stable_keys(service_slug: str, relation: str, children: list) -> list:
    """Positions (the order editors see and change in the admin) and translation keys that
    depend only on the service and the position, so the PO files in content/locale match on
    every database and translations stay attached across reloads."""
    for position, child in enumerate(children):
        name = f"{service_slug}/{relation}/{position}"
        child.translation_key = uuid.uuid5(CHILD_KEY_NAMESPACE, name)
        child.sort_order = position
    return children


def check_library(library: ServiceLibraryFile, path, locale: Locale) -> None:
    """Refuse, before anything is written, what an editor could not save in the admin: the
    same model checks (Belgian phone numbers, e-mail and web addresses, hours) run on every
    organisation and service of the file."""
    problems = []
    for position, entry in enumerate(library.organisations):
        organisation = Organisation(locale=locale, slug=entry.slug, name=entry.name)
        organisation.short_name, organisation.website = entry.short_name, entry.website
        where = f"organisations[{position}] (slug {entry.slug!r})"
        problems += [f"{path}: {where}.{p}" for p in errors_of(organisation, "")]
    for position, entry in enumerate(library.services):
        service = Service(locale=locale, slug=entry.slug)
        apply_entry(service, entry, organisation=None)
        where = f"services[{position}] (slug {entry.slug!r})"
        problems += [f"{path}: {where}.{problem}" for problem in record_problems(service)]
    if problems:
        raise ContentFileError("\n".join(problems))


def load_service_library(library: ServiceLibraryFile, locale: Locale, report, force=False):
    """Create or update organisations and services; returns {slug: Service}."""
    organisations = {}
    for entry in library.organisations:
        org = Organisation.objects.filter(locale=locale, slug=entry.slug).first()
        org = org or Organisation(locale=locale, slug=entry.slug)
        org.name, org.short_name, org.website = entry.name, entry.short_name, entry.website
        org.name_language = entry.name_language
        org.save()
        organisations[entry.slug] = org

    services = {}
    for entry in library.services:
        service = Service.objects.filter(locale=locale, slug=entry.slug).first()
        if service is None:
            service = Service(locale=locale, slug=entry.slug)
            apply_entry(service, entry, organisations.get(entry.organisation))
            service.save()
            service.save_revision().publish()
            report("created", f"service {entry.slug}")
        elif not force and edited_by_someone(service):
            report("kept", f"service {entry.slug} (edited in the admin; use --force to overwrite)")
        else:
            before = snapshot(service)
            apply_entry(service, entry, organisations.get(entry.organisation))
            if snapshot(service) == before:
                report("unchanged", f"service {entry.slug}")
            else:
                service.save_revision().publish()
                report("updated", f"service {entry.slug}")
        services[entry.slug] = Service.objects.get(pk=service.pk)
    return services
