"""/api/hsds/: the Open Referral HSDS 3.0 view of the services."""

from django.urls import path

from feed.hsds import (
    HsdsOrganisationListView,
    HsdsRootView,
    HsdsServiceDetailView,
    HsdsServiceListView,
)

app_name = "hsds"

urlpatterns = [
    path("", HsdsRootView.as_view(), name="root"),
    path("services", HsdsServiceListView.as_view(), name="services"),
    path("services/<uuid:hsds_uuid>", HsdsServiceDetailView.as_view(), name="service"),
    path("organizations", HsdsOrganisationListView.as_view(), name="organizations"),
]
