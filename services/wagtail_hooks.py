from wagtail.snippets.models import register_snippet

from services.views import ServiceLibraryGroup

register_snippet(ServiceLibraryGroup)
