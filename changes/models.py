"""The change log that partners sync from: one row per publish, update, unpublish or delete."""

from django.db import models


class ChangeEvent(models.Model):
    """Something the feed serves changed; the row id is the sync cursor (strictly increasing)."""

    class Action(models.TextChoices):
        PUBLISHED = "published"
        UPDATED = "updated"
        UNPUBLISHED = "unpublished"
        DELETED = "deleted"

    class ObjectType(models.TextChoices):
        SECTION = "section"
        SERVICE = "service"

    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)
    action = models.CharField(max_length=12, choices=Action.choices)
    object_type = models.CharField(max_length=10, choices=ObjectType.choices)
    object_id = models.PositiveBigIntegerField()
    locale = models.CharField(max_length=10)
    translation_key = models.UUIDField()
    identifier = models.CharField(max_length=80, help_text="Section number or service slug.")

    class Meta:
        db_table = "cms_changeevent"  # created by the cms app before the log had an app of its own
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id", "-id"])]

    def __str__(self):
        return f"{self.id} {self.action} {self.object_type} {self.object_id}"

    @property
    def removed(self) -> bool:
        return self.action in (self.Action.UNPUBLISHED, self.Action.DELETED)
