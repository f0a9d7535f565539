"""/api/hsds/taxonomies, /api/hsds/taxonomy_terms and their items: the kinds of service."""

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound

from feed.base import LOCALE
from feed.hsds import params as p
from feed.hsds.documents.taxonomy import (
    TAXONOMY_ID,
    TERM_LANGUAGE,
    TERMS,
    taxonomy_document,
    term_document,
)
from feed.hsds.openapi import (
    HsdsTaxonomyPageSerializer,
    HsdsTaxonomySerializer,
    HsdsTaxonomyTermPageSerializer,
    HsdsTaxonomyTermSerializer,
)
from feed.hsds.records import matches
from feed.hsds.views.base import FORMAT, HsdsListView, HsdsView, hsds_id_param, responses
from feed.params import locales
from services.models import Service


class TaxonomyView(HsdsView):
    """The taxonomy of service kinds: its labels are English whatever the language asked."""

    def item_locale(self, **kwargs):
        return locales()[TERM_LANGUAGE]


class HsdsTaxonomyListView(TaxonomyView, HsdsListView):
    params = p.TaxonomyListParams

    @extend_schema(
        operation_id="hsds_list_taxonomies",
        summary="HSDS: taxonomies",
        parameters=[p.TaxonomyListParams, LOCALE, FORMAT],
        responses=responses(HsdsTaxonomyPageSerializer),
    )
    def get(self, request, *args, **kwargs):
        """The one taxonomy: the kinds of service (getPaginatedListOfTaxonomies)."""
        return super().get(request, *args, **kwargs)

    def records(self, options):
        taxonomy = taxonomy_document()
        search = options.get("search")
        found = search is None or matches(
            search, TERM_LANGUAGE, taxonomy["name"], taxonomy["description"]
        )
        return [taxonomy] if found else []

    def render(self, record, options):
        return record


class HsdsTaxonomyDetailView(TaxonomyView):
    @extend_schema(
        operation_id="hsds_get_taxonomy",
        summary="HSDS: one taxonomy",
        parameters=[hsds_id_param("a taxonomy"), LOCALE],
        responses=responses(HsdsTaxonomySerializer, 404),
    )
    def get(self, request, *args, **kwargs):
        """The taxonomy of service kinds (getTaxonomyById)."""
        return super().get(request, *args, **kwargs)

    def build(self, request, id):
        if str(id) != TAXONOMY_ID:
            raise NotFound("No taxonomy has this HSDS id.")
        return {"hsds": taxonomy_document()}


class HsdsTaxonomyTermListView(TaxonomyView, HsdsListView):
    params = p.TaxonomyTermListParams

    @extend_schema(
        operation_id="hsds_list_taxonomy_terms",
        summary="HSDS: taxonomy terms",
        parameters=[p.TaxonomyTermListParams, LOCALE, FORMAT],
        responses=responses(HsdsTaxonomyTermPageSerializer),
    )
    def get(self, request, *args, **kwargs):
        """The service kinds, in the admin's order; a flat list (no term has a parent). The
        standard names this operation getTaxonomyTermById (its two term operation ids are
        swapped)."""
        return super().get(request, *args, **kwargs)

    def records(self, options):
        if "taxonomy_id" in options and str(options["taxonomy_id"]) != TAXONOMY_ID:
            return []
        if "parent_id" in options:
            return []
        terms = [term_document(kind) for kind in Service.Kind.values]
        search = options.get("search")
        if search is not None:
            terms = [
                t for t in terms if matches(search, TERM_LANGUAGE, t["name"], t["description"])
            ]
        return terms

    def render(self, record, options):
        return record


class HsdsTaxonomyTermDetailView(TaxonomyView):
    @extend_schema(
        operation_id="hsds_get_taxonomy_term",
        summary="HSDS: one taxonomy term",
        parameters=[hsds_id_param("a taxonomy term"), LOCALE],
        responses=responses(HsdsTaxonomyTermSerializer, 404),
    )
    def get(self, request, *args, **kwargs):
        """A service kind with its taxonomy. The standard names this operation
        getPaginatedListOfTaxonomyTerms (its two term operation ids are swapped)."""
        return super().get(request, *args, **kwargs)

    def build(self, request, id):
        kind = TERMS.get(str(id))
        if kind is None:
            raise NotFound("No taxonomy term has this HSDS id.")
        return {"hsds": term_document(kind)}
