"""/api/hsds/organizations and /api/hsds/organizations/{id}."""

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound

from feed.base import LOCALE
from feed.hsds import params as p
from feed.hsds.documents.locations import location_document
from feed.hsds.documents.organizations import organisation_document, organisation_summary
from feed.hsds.documents.services import service_document, service_summary
from feed.hsds.ids import id_rows, resolve, service_id
from feed.hsds.openapi import HsdsOrganizationPageSerializer, HsdsOrganizationSerializer
from feed.hsds.records import matches, organisations, services, with_location
from feed.hsds.views.base import FORMAT, HsdsItemView, HsdsListView, hsds_id_param, responses


def full_organisation(organisation, full_service: bool) -> dict:
    """An organisation with its public services (in its language) and their locations."""
    run = list(services().filter(organisation=organisation).order_by("slug"))
    render = service_document if full_service else service_summary
    return organisation_document(
        organisation,
        [render(service) for service in run],
        [location_document(s, service_id(s)) for s in with_location(run)],
    )


class HsdsOrganizationListView(HsdsListView):
    params = p.OrganizationListParams

    @extend_schema(
        operation_id="hsds_list_organizations",
        summary="HSDS: organisations of one language",
        parameters=[p.OrganizationListParams, LOCALE, FORMAT],
        responses=responses(HsdsOrganizationPageSerializer),
    )
    def get(self, request, *args, **kwargs):
        """Organisations that run a public service, by slug: one-to-one fields, or `full`
        (with `full_service`, their services fully nested) (getPaginatedListOfOrganizations)."""
        return super().get(request, *args, **kwargs)

    def records(self, options):
        records = list(organisations().filter(locale=self.locale).order_by("slug"))
        if "search" in options:
            language = self.locale.language_code
            records = [
                o for o in records if matches(options["search"], language, o.name, o.short_name)
            ]
        return records

    def render(self, record, options):
        if options["full"] or options["full_service"]:
            return full_organisation(record, options["full_service"])
        return organisation_summary(record)


class HsdsOrganizationDetailView(HsdsItemView):
    allowed_params = {"locale", "full_service"}

    @extend_schema(
        operation_id="hsds_get_organization",
        summary="HSDS: one organisation, fully nested",
        parameters=[hsds_id_param("an organisation"), p.FullServiceParam, LOCALE],
        responses=responses(HsdsOrganizationSerializer, 404),
    )
    def get(self, request, *args, **kwargs):
        """An organisation with its public services (their one-to-one fields, or fully nested
        with `full_service`) and their locations (getOrganizationById)."""
        return super().get(request, *args, **kwargs)

    def find(self, wanted):
        pk = resolve("organization", wanted, id_rows(organisations()))
        return organisations().filter(pk=pk).first() if pk else None

    def build(self, request, id):
        options = self.valid_params(request, p.FullServiceParam)
        if self.record is None:
            raise NotFound("No organisation with a published service has this HSDS id.")
        return {"hsds": full_organisation(self.record, options["full_service"])}
