"""What partners sync from: the public document of every item, the change log of how those
documents changed, and the counters that say whether the documents are current."""

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
        FACT_SHEET = "fact_sheet"

    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)
    action = models.CharField(max_length=12, choices=Action.choices)
    object_type = models.CharField(max_length=10, choices=ObjectType.choices)
    object_id = models.PositiveBigIntegerField()
    locale = models.CharField(max_length=10)
    translation_key = models.UUIDField()
    identifier = models.CharField(
        max_length=80, help_text="Section number, service slug or fact-sheet slug."
    )

    class Meta:
        db_table = "cms_changeevent"  # created by the cms app before the log had an app of its own
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id", "-id"])]

    def __str__(self):
        return f"{self.id} {self.action} {self.object_type} {self.object_id}"

    @property
    def removed(self) -> bool:
        return self.action in (self.Action.UNPUBLISHED, self.Action.DELETED)


class PublicDocument(models.Model):
    """The feed document of one item that may be shown, as the feed serves it: built once per
    change of the content (see changes/reconcile.py), shared by every server process.

    `document` is JSON with its URLs under `ORIGIN` (changes/snapshot.py) and `open_now` left
    null: both depend on the request, not on the content. `digest` is the hash of `document`:
    when it moves, the change log says so."""

    object_type = models.CharField(max_length=10, choices=ChangeEvent.ObjectType.choices)
    object_id = models.PositiveBigIntegerField()
    locale = models.CharField(max_length=10)
    translation_key = models.UUIDField()
    identifier = models.CharField(max_length=80)
    position = models.CharField(max_length=255, help_text="Sorts the items of a list.")
    facets = models.JSONField(default=dict, help_text="What the lists filter on.")
    document = models.TextField()
    digest = models.CharField(max_length=64)
    changed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["object_type", "object_id"], name="one_document")
        ]
        indexes = [models.Index(fields=["object_type", "locale", "position"])]

    def __str__(self):
        return f"{self.object_type} {self.object_id} {self.digest[:8]}"


class Counter(models.Model):
    """`written` counts the writes to content, `reconciled` the last count the public documents
    were rebuilt for: documents are current when both are equal. `expiry` is when the first
    item public at the last rebuild expires (microseconds since the epoch, 0 for none): time
    passing changes what is public without a write, so once that moment is past it counts as
    one (changes/reconcile.py `ensure_current`)."""

    WRITTEN, RECONCILED, EXPIRY = "written", "reconciled", "expiry"

    name = models.CharField(max_length=20, primary_key=True)
    value = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.name}={self.value}"
