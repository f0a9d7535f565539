from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from services.models import Service
from services.permissions import ServicePermissionPolicy
from services.views import ServiceLibraryGroup

register_permission_policy(Service, ServicePermissionPolicy(Service))
register_snippet(ServiceLibraryGroup)
