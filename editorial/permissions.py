"""Service records belong to an organisation: its editors change them, other editors only read
them. Reviewers change every record; translators every record in their language."""

from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from editorial.roles import roles_of

# Actions that change one record, and so depend on whose record it is.
RECORD_ACTIONS = {"change", "delete", "publish", "unpublish", "lock", "unlock"}


class ServicePermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if user.is_superuser or action not in RECORD_ACTIONS:
            return True
        return any(role.may_edit_service(instance) for role in roles_of(user))

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser or not RECORD_ACTIONS & set(actions):
            return instances
        roles = roles_of(user)
        if any(role.reviews for role in roles):
            return instances
        scope = Q(pk__in=[])
        for role in roles:
            if role.language:
                scope |= Q(locale__language_code=role.language)
            elif role.organisation:
                scope |= Q(organisation__slug=role.organisation)
        return instances.filter(scope)
