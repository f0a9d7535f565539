from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from search.health import index_health
from search.models import BestBet, DangerSignal, IndexRetry, SynonymSet


class SynonymSetViewSet(SnippetViewSet):
    model = SynonymSet
    icon = "link"
    list_display = ["__str__", "locale", "note"]
    list_filter = ["locale"]
    search_fields = ["terms"]


class BestBetViewSet(SnippetViewSet):
    model = BestBet
    icon = "pick"
    list_display = ["query", "locale", "section", "service", "sort_order"]
    list_filter = ["locale"]
    search_fields = ["query"]


class DangerSignalViewSet(SnippetViewSet):
    model = DangerSignal
    icon = "warning"
    list_display = ["__str__", "locale"]
    list_filter = ["locale"]
    search_fields = ["phrases", "note"]


class SearchSteeringGroup(SnippetViewSetGroup):
    items = (SynonymSetViewSet, BestBetViewSet, DangerSignalViewSet)
    menu_icon = "search"
    menu_label = "Search"
    menu_name = "search-steering"


register_snippet(SearchSteeringGroup)


class IndexHealthPanel(Component):
    """On administrators' dashboards, first, while search is unavailable or index writes wait
    to be retried."""

    name = "search_index_health"
    order = 10
    template_name = "search/index_health_panel.html"

    def __init__(self, health):
        self.health = health

    def get_context_data(self, parent_context=None):
        latest = IndexRetry.objects.order_by("-last_failed_at").first()
        oldest = IndexRetry.objects.order_by("first_failed_at").first()
        return {
            "health": self.health,
            "oldest": oldest and oldest.first_failed_at,
            "error": latest and latest.error,
        }


@hooks.register("construct_homepage_panels")
def add_index_health_panel(request, panels):
    if request.user.is_superuser:
        health = index_health()
        if not health.ok or health.waiting:
            panels.append(IndexHealthPanel(health))
