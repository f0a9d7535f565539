"""/api/v1/: the partner feed, its OpenAPI schema and self-hosted documentation."""

from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from feed.atom import ChangesAtomFeed
from feed.changes import ChangesView
from feed.fact_sheets import FactSheetDetailView, FactSheetListView
from feed.root import FeedRootView
from feed.search import SearchView, SuggestView
from feed.sections import SectionDetailView, SectionListView
from feed.services import ServiceDetailView, ServiceListView

app_name = "api"

urlpatterns = [
    path("", FeedRootView.as_view(), name="root"),
    path("fact-sheets/", FactSheetListView.as_view(), name="fact-sheet-list"),
    path("fact-sheets/<int:pk>/", FactSheetDetailView.as_view(), name="fact-sheet-detail"),
    path("sections/", SectionListView.as_view(), name="section-list"),
    path("sections/<int:pk>/", SectionDetailView.as_view(), name="section-detail"),
    path("services/", ServiceListView.as_view(), name="service-list"),
    path("services/<int:pk>/", ServiceDetailView.as_view(), name="service-detail"),
    path("search/", SearchView.as_view(), name="search"),
    path("search/suggest/", SuggestView.as_view(), name="search-suggest"),
    path("changes/", ChangesView.as_view(), name="changes"),
    # Exempt from CSRF like every DRF view: a write must be the feed's 405, not the 403 that
    # the CSRF middleware answers first (the test client skips CSRF checks: it never showed).
    path("changes/<str:locale>.atom", csrf_exempt(ChangesAtomFeed()), name="changes-atom"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
