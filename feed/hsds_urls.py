"""/api/hsds/: the Open Referral HSDS 3.0 view of the services, every read operation of the
standard's openapi.json that the records can answer (paths without a trailing slash, as there)."""

from django.urls import path

from feed.hsds.views.organizations import HsdsOrganizationDetailView, HsdsOrganizationListView
from feed.hsds.views.root import HsdsRootView
from feed.hsds.views.service_at_locations import (
    HsdsServiceAtLocationDetailView,
    HsdsServiceAtLocationListView,
)
from feed.hsds.views.services import HsdsServiceDetailView, HsdsServiceListView
from feed.hsds.views.taxonomies import (
    HsdsTaxonomyDetailView,
    HsdsTaxonomyListView,
    HsdsTaxonomyTermDetailView,
    HsdsTaxonomyTermListView,
)

app_name = "hsds"

urlpatterns = [
    path("", HsdsRootView.as_view(), name="root"),
    path("services", HsdsServiceListView.as_view(), name="services"),
    path("services/<uuid:id>", HsdsServiceDetailView.as_view(), name="service"),
    path(
        "service_at_locations",
        HsdsServiceAtLocationListView.as_view(),
        name="service-at-locations",
    ),
    path(
        "service_at_locations/<uuid:id>",
        HsdsServiceAtLocationDetailView.as_view(),
        name="service-at-location",
    ),
    path("organizations", HsdsOrganizationListView.as_view(), name="organizations"),
    path("organizations/<uuid:id>", HsdsOrganizationDetailView.as_view(), name="organization"),
    path("taxonomies", HsdsTaxonomyListView.as_view(), name="taxonomies"),
    path("taxonomies/<uuid:id>", HsdsTaxonomyDetailView.as_view(), name="taxonomy"),
    path("taxonomy_terms", HsdsTaxonomyTermListView.as_view(), name="taxonomy-terms"),
    path("taxonomy_terms/<uuid:id>", HsdsTaxonomyTermDetailView.as_view(), name="taxonomy-term"),
]
