"""/api/hsds/services and /api/hsds/services/{id}."""

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound

from changes.models import ChangeEvent
from feed.base import LOCALE
from feed.hsds import params as p
from feed.hsds.documents.services import service_document, service_minimal, service_summary
from feed.hsds.ids import id_rows, resolve
from feed.hsds.openapi import HsdsServicePageSerializer, HsdsServiceSerializer
from feed.hsds.records import filter_services, services
from feed.hsds.views.base import FORMAT, HsdsItemView, HsdsListView, hsds_id_param, responses
from feed.tombstones import gone_or_not_found
from services.models import Service
from services.visibility import visible_services


class HsdsServiceListView(HsdsListView):
    params = p.ServiceListParams

    @extend_schema(
        operation_id="hsds_list_services",
        summary="HSDS: services of one language",
        parameters=[p.ServiceListParams, LOCALE, FORMAT],
        responses=responses(HsdsServicePageSerializer),
    )
    def get(self, request, *args, **kwargs):
        """Public services in one language, by slug (by relevance with `search`): their
        one-to-one fields, or `minimal`, or `full` (getPaginatedListOfServices)."""
        return super().get(request, *args, **kwargs)

    def records(self, options):
        language = self.locale.language_code
        return filter_services(services().filter(locale=self.locale), options, language)

    def render(self, record, options):
        if options["minimal"]:
            return service_minimal(record)
        return service_document(record) if options["full"] else service_summary(record)


class HsdsServiceDetailView(HsdsItemView):
    @extend_schema(
        operation_id="hsds_get_service",
        summary="HSDS: one service, fully nested",
        parameters=[hsds_id_param("a service"), LOCALE],
        responses=responses(HsdsServiceSerializer, 404, 410),
    )
    def get(self, request, *args, **kwargs):
        """A public service with its phones, schedules, languages, kind, organisation and
        location (getFullyNestedServiceById). A removed one answers 410."""
        return super().get(request, *args, **kwargs)

    def find(self, wanted) -> Service | None:
        pk = resolve("service", wanted, id_rows(visible_services(Service.objects.all())))
        return services().filter(pk=pk).first() if pk else None

    def build(self, request, id):
        if self.record is None:
            # A removed service is in the change log with its translation key and language.
            logged = ChangeEvent.objects.filter(object_type=ChangeEvent.ObjectType.SERVICE)
            rows = logged.values_list("object_id", "translation_key", "locale").order_by()
            pk = resolve("service", id, rows.distinct())
            if pk is not None:
                gone_or_not_found(ChangeEvent.ObjectType.SERVICE, pk)
            raise NotFound("No published service has this HSDS id.")
        return {"hsds": service_document(self.record)}
