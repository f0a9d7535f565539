"""Which records HSDS shows, and the filters of its lists.

Only public services (`services.representation.public_services`, by services/visibility.py);
organisations and locations only as far as they belong to a public service, and a location only
where the service's address may be published (`Service.has_address`: never a confidential one)."""

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from rest_framework.exceptions import ValidationError

from changes.models import ChangeEvent
from feed.hsds.documents.taxonomy import TAXONOMY_ID, TERMS
from feed.hsds.ids import id_rows, resolve
from search.engines.base import Filters
from search.searcher import NothingToSearch, search
from search.text import significant, stem, words
from services.models import Organisation, Service
from services.representation import public_services
from services.visibility import visible_organisations, visible_services

MAX_SEARCH_HITS = 1000


def services():
    """Public services, each with `last_change`: the time of its latest change-log row (which
    also records changes to what its document shows), else its last publication."""
    latest = (
        ChangeEvent.objects.filter(
            object_type=ChangeEvent.ObjectType.SERVICE, object_id=OuterRef("pk")
        )
        .order_by("-id")
        .values("occurred_at")[:1]
    )
    return public_services().annotate(last_change=Coalesce(Subquery(latest), "last_published_at"))


def organisations():
    """Published organisations that run at least one public service."""
    running = visible_services(Service.objects.all()).values("organisation_id")
    return visible_organisations(Organisation.objects.filter(pk__in=running)).select_related(
        "locale"
    )


def with_location(records) -> list[Service]:
    return [service for service in records if service.has_address]


def filter_services(records, options: dict, language_code: str) -> list[Service]:
    """`records` narrowed by every filter given (HSDS filters are cumulative: a boolean AND).
    Ordered by slug, or by relevance when `search` is given."""
    if "modified_after" in options:
        records = records.filter(last_change__gte=options["modified_after"])
    if "organization_id" in options:
        organisation = resolve(
            "organization", options["organization_id"], id_rows(Organisation.objects.all())
        )
        key = Organisation.objects.filter(pk=organisation).values("translation_key")
        records = records.filter(organisation__translation_key__in=key)
    if "taxonomy_id" in options and str(options["taxonomy_id"]) != TAXONOMY_ID:
        records = records.none()
    if "taxonomy_term_id" in options:
        records = records.filter(kind=TERMS.get(str(options["taxonomy_term_id"])))
    records = list(records.order_by("slug"))
    if options.get("search") is not None:
        ranked = matching_services(options["search"], language_code)
        by_pk = {service.pk: service for service in records}
        records = [by_pk[pk] for pk in ranked if pk in by_pk]
    return records


def matching_services(text: str, language_code: str) -> list[int]:
    """Service pks matching `text`, best first, from the site's own search (the same stemming,
    accent folding, synonyms and typo tolerance as /api/v1/search/)."""
    try:
        outcome = search(text, language_code, Filters(type="service"), 0, MAX_SEARCH_HITS)
    except NothingToSearch as exc:
        raise ValidationError({"search": [str(exc)]}) from exc
    return [hit.object_id for hit in outcome.page.hits]


def query_stems(text: str, language_code: str) -> set[str]:
    stems = {stem(w, language_code) for w in significant(words(text), language_code)}
    if not stems:
        raise ValidationError({"search": [NothingToSearch.message]})
    return stems


def matches(text: str, language_code: str, *fields: str) -> bool:
    """Every word of `text` is in `fields`, in the search's analysis of `language_code`. For the
    few records that the search index does not hold (organisations, the taxonomy)."""
    found = {stem(w, language_code) for w in words(" ".join(filter(None, fields)))}
    return query_stems(text, language_code) <= found
