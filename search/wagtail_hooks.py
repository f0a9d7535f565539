from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from search.models import BestBet, SynonymSet


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


class SearchSteeringGroup(SnippetViewSetGroup):
    items = (SynonymSetViewSet, BestBetViewSet)
    menu_icon = "search"
    menu_label = "Search"
    menu_name = "search-steering"


register_snippet(SearchSteeringGroup)
