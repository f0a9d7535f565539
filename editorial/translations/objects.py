"""Every translatable object of the knowledge base, with a stable key that names its PO file."""

from collections.abc import Iterator

from wagtail.models import Locale

from knowledge.models import FactSheetPage, HomePage, SectionPage
from services.models import Organisation, Service


def object_key(obj) -> str:
    """The same key in every language: organisations/cpvcf, fact-sheets/<sheet>/A.5.3.1, ...

    Slugs of pages are translated, so keys are read from the source-language original."""
    source_locale = Locale.get_default()
    if obj.locale_id != source_locale.pk:
        obj = obj.get_translation_or_none(source_locale) or obj
    if isinstance(obj, Organisation):
        return f"organisations/{obj.slug}"
    if isinstance(obj, Service):
        return f"services/{obj.slug}"
    if isinstance(obj, HomePage):
        return "site/home"
    if isinstance(obj, SectionPage):
        return f"fact-sheets/{obj.fact_sheet().slug}/{obj.number}"
    if isinstance(obj, FactSheetPage):
        return f"fact-sheets/{obj.slug}/sheet"
    return f"site/{obj.slug}"


def translatable_objects(locale: Locale) -> Iterator[tuple[str, object]]:
    """Published objects of `locale` in the order translations must be made: organisations before
    the services that point to them, and parent pages before their children."""
    for organisation in Organisation.objects.filter(locale=locale).order_by("slug"):
        yield object_key(organisation), organisation
    for service in Service.objects.filter(locale=locale, live=True).order_by("slug"):
        yield object_key(service), service
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        return
    yield object_key(home), home
    for page in home.get_descendants().live().specific().order_by("path"):
        yield object_key(page), page
