"""Admin viewsets for the service library (registered in wagtail_hooks)."""

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from services.models import Organisation, Service


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "help"
    menu_label = "Services"
    list_display = ["name", "slug", "kind", "status", "last_verified_on", "locale"]
    list_filter = ["kind", "status", "locale"]
    search_fields = ["name", "short_name", "description"]
    ordering = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "short_name", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "short_name"]


class ServiceLibraryGroup(SnippetViewSetGroup):
    items = (ServiceViewSet, OrganisationViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Service library"
    menu_name = "service-library"
