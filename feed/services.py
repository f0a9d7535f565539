"""Feed endpoints for the service library: /api/v1/services/ and /api/v1/services/{id}/."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from feed.base import ITEM_ID, LOCALE, FeedView, ItemView, paginate
from feed.params import PageParams
from feed.schema import (
    PROBLEM,
    ProblemSerializer,
    ServiceDetailSerializer,
    ServiceListSerializer,
)
from feed.translations import translation_links
from services.models import Service
from services.representation import public_services, service_representation


class ServiceFilters(PageParams):
    language = serializers.RegexField(r"^[a-z]{2,3}$", required=False, max_length=3)
    kind = serializers.ChoiceField(Service.Kind.values, required=False)
    audience = serializers.CharField(required=False, max_length=100, allow_blank=True)
    open_now = serializers.BooleanField(required=False, allow_null=True, default=None)


def with_translations(service, request, now) -> dict:
    others = (
        Service.objects.filter(live=True, translation_key=service.translation_key)
        .exclude(pk=service.pk)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    links = translation_links(service, request, "api:service-detail", others)
    return service_representation(service, request, links, now)


class ServiceListView(FeedView):
    allowed_params = {"locale", "language", "kind", "audience", "open_now", "page", "page_size"}

    @extend_schema(
        operation_id="list_services",
        parameters=[ServiceFilters, LOCALE],
        responses={200: ServiceListSerializer, 304: None, (400, PROBLEM): ProblemSerializer},
    )
    def get(self, request, *args, **kwargs):
        """Published services in one language, with `open_now` in Brussels time."""
        return super().get(request, *args, **kwargs)

    def build(self, request):
        options = self.options(request, ServiceFilters)
        services = public_services().filter(locale=self.locale).order_by("slug")
        if "language" in options:
            services = services.filter(languages__language=options["language"]).distinct()
        if "kind" in options:
            services = services.filter(kind=options["kind"])
        if options.get("audience"):
            services = services.filter(audience__icontains=options["audience"])
        services = list(services)
        if options.get("open_now") is not None:
            services = [s for s in services if bool(s.open_at(self.now)) == options["open_now"]]
        page = paginate(request, services, options["page"], options["page_size"])
        page["results"] = self.represent_all(
            request, "service", page["results"], lambda s: with_translations(s, request, self.now)
        )
        return page


class ServiceDetailView(ItemView):
    kind, model = "service", Service

    @extend_schema(
        operation_id="get_service",
        parameters=[ITEM_ID, LOCALE],
        responses={200: ServiceDetailSerializer, 304: None, (400, PROBLEM): ProblemSerializer,
                   (404, PROBLEM): ProblemSerializer, (410, PROBLEM): ProblemSerializer},
    )  # fmt: skip
    def get(self, request, *args, **kwargs):
        """One service record with every field, its translations and `open_now`."""
        return super().get(request, *args, **kwargs)

    def public_items(self):
        return public_services()

    def represent(self, item, request):
        return with_translations(item, request, self.now)
