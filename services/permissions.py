"""Admin views on one service record ask the registered permission policy about that record
(editorial/permissions.py says whose record it is)."""

from django.core.exceptions import PermissionDenied


class RecordPermissionMixin:
    """For views on one record: refuse the action when the policy says it is not this user's
    record to change (Wagtail's generic views only check the model-level permission)."""

    record_action = "change"

    def get_object(self, *args, **kwargs):
        record = super().get_object(*args, **kwargs)
        user = self.request.user
        if not self.permission_policy.user_has_permission_for_instance(
            user, self.record_action, record
        ):
            raise PermissionDenied
        return record


def record_checked(view_class, action: str = "change"):
    """`view_class` refusing users whose record it is not."""
    return type(view_class.__name__, (RecordPermissionMixin, view_class), {"record_action": action})
