"""/api/hsds/service_at_locations and /api/hsds/service_at_locations/{id}."""

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound

from feed.base import LOCALE
from feed.hsds import params as p
from feed.hsds.documents.service_at_locations import (
    service_at_location_document,
    service_at_location_summary,
)
from feed.hsds.ids import service_at_location_id, service_id
from feed.hsds.openapi import HsdsServiceAtLocationPageSerializer, HsdsServiceAtLocationSerializer
from feed.hsds.records import filter_services, services, with_location
from feed.hsds.views.base import FORMAT, HsdsItemView, HsdsListView, hsds_id_param, responses
from services.models import Service


class HsdsServiceAtLocationListView(HsdsListView):
    params = p.ServiceAtLocationListParams
    unsupported = p.UNSUPPORTED

    @extend_schema(
        operation_id="hsds_list_service_at_locations",
        summary="HSDS: services at their locations, in one language",
        parameters=[p.ServiceAtLocationListParams, LOCALE, FORMAT],
        responses=responses(HsdsServiceAtLocationPageSerializer),
    )
    def get(self, request, *args, **kwargs):
        """Each public service whose address may be published, at that address: one-to-one
        fields, or `full` (getPaginatedListOfServiceAtLocation). `postcode` and `proximity`
        are a 400: the records have no service areas and no coordinates."""
        return super().get(request, *args, **kwargs)

    def records(self, options):
        language = self.locale.language_code
        return with_location(
            filter_services(services().filter(locale=self.locale), options, language)
        )

    def render(self, record, options):
        if options["full"]:
            return service_at_location_document(record)
        return service_at_location_summary(record)


class HsdsServiceAtLocationDetailView(HsdsItemView):
    @extend_schema(
        operation_id="hsds_get_service_at_location",
        summary="HSDS: one service at its location, fully nested",
        parameters=[hsds_id_param("a service at a location"), LOCALE],
        responses=responses(HsdsServiceAtLocationSerializer, 404),
    )
    def get(self, request, *args, **kwargs):
        """The location with its address and the full service
        (getServiceAtLocationWithNestedDataById)."""
        return super().get(request, *args, **kwargs)

    def find(self, wanted) -> Service | None:
        wanted = str(wanted)
        located = with_location(services())
        return next((s for s in located if service_at_location_id(service_id(s)) == wanted), None)

    def build(self, request, id):
        if self.record is None:
            raise NotFound("No published service at a location has this HSDS id.")
        return {"hsds": service_at_location_document(self.record)}
