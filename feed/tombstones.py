"""Removed items answer 410 Gone with their tombstone; unknown ones 404."""

from rest_framework import status
from rest_framework.exceptions import APIException, NotFound

from changes.models import ChangeEvent


class Gone(APIException):
    status_code = status.HTTP_410_GONE
    default_code = "gone"


def gone_or_not_found(object_type: str, pk: int):
    last = ChangeEvent.objects.filter(object_type=object_type, object_id=pk).order_by("-id").first()
    if last is not None and last.removed:
        raise Gone(
            f"This {object_type} was {last.action} on {last.occurred_at.isoformat()}; "
            "remove it from your copy."
        )
    raise NotFound(f"No published {object_type} has the id {pk}.")
