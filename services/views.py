"""Admin viewsets for the service library (registered in wagtail_hooks)."""

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from services.models import Organisation, Service
from services.permissions import record_checked


class ServiceViewSet(SnippetViewSet):
    """Everyone with access reads every record; changes are checked per record (an editor
    changes only the records of their own organisation, see services/permissions.py)."""

    model = Service
    edit_view_class = record_checked(SnippetViewSet.edit_view_class)
    delete_view_class = record_checked(SnippetViewSet.delete_view_class, "delete")
    unpublish_view_class = record_checked(SnippetViewSet.unpublish_view_class, "unpublish")
    lock_view_class = record_checked(SnippetViewSet.lock_view_class, "lock")
    unlock_view_class = record_checked(SnippetViewSet.unlock_view_class, "unlock")
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
