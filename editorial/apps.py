from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial tools"

    def ready(self):
        # Before any wagtail_hooks module asks for it (Wagtail refuses a policy registered late).
        from wagtail.permissions import register_permission_policy

        from editorial.permissions import ServicePermissionPolicy
        from services.models import Service

        register_permission_policy(Service, ServicePermissionPolicy(Service))
