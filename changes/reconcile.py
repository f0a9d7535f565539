"""Bring the public documents up to date with the content, and log each document that changed.

Correct by construction: no rule decides which items an edit touches. Every write to content is
counted (changes/triggers.py); reconciling rebuilds every public document and compares it with
the stored one, so whatever an edit changed, in whichever item (a parent's children, a moved
section's breadcrumb, an organisation's name in every service card), is stored and announced."""

import json

from django.db import transaction
from django.db.models import F, Max
from django.dispatch import Signal
from django.utils import timezone

from changes.models import ChangeEvent, Counter, PublicDocument
from changes.snapshot import (
    KINDS,
    ORIGIN,
    Entry,
    as_counter,
    current_entries,
    from_counter,
    next_expiry,
)

Action = ChangeEvent.Action
# Sent once the documents and the log are committed, with the new events and the public pages
# (paths) of the items they name, e.g. to purge caches.
documents_changed = Signal()

FIELDS = ["locale", "translation_key", "identifier", "position", "facets", "document", "digest"]


def counters() -> dict[str, int]:
    return dict(Counter.objects.values_list("name", "value"))


def is_current() -> bool:
    values = counters()
    return values.get(Counter.WRITTEN, 0) <= values.get(Counter.RECONCILED, 0)


def mark_written() -> None:
    """Count a write to content (inside the writer's transaction, so it cannot be lost)."""
    if not Counter.objects.filter(name=Counter.WRITTEN).update(value=F("value") + 1):
        Counter.objects.get_or_create(name=Counter.WRITTEN, defaults={"value": 1})


def expiry_passed(values: dict[str, int]) -> bool:
    """An item public at the last rebuild has expired since: Wagtail marks it not live only when
    `publish_scheduled` runs, and nothing is written before that, but it is no longer public."""
    moment = from_counter(values.get(Counter.EXPIRY, 0))
    return moment is not None and moment <= timezone.now()


def ensure_current() -> None:
    """Reconcile first if content was written since the documents were last built, or if an
    item has expired since (which counts as a write)."""
    values = counters()
    if expiry_passed(values):
        with transaction.atomic():
            mark_written()
    elif values.get(Counter.WRITTEN, 0) <= values.get(Counter.RECONCILED, 0):
        return
    reconcile()


def reconcile(force: bool = False) -> list[ChangeEvent]:
    """Rebuild the documents if they are behind the content (always with `force`); returns the
    events logged. The rebuild runs outside any lock; storing it is a short transaction that
    first claims the count it was built for, so of two rebuilds side by side only the newer is
    stored, and a write is never kept waiting for a rebuild."""
    written = counters().get(Counter.WRITTEN, 0)  # read before building: the build is newer
    if not force and is_current():
        return []
    expiry = next_expiry()  # before building: an item expiring during the build is caught
    entries = current_entries()
    with transaction.atomic():
        Counter.objects.get_or_create(name=Counter.RECONCILED)
        newer = {"value__lte" if force else "value__lt": written}
        if not Counter.objects.filter(name=Counter.RECONCILED, **newer).update(value=written):
            return []  # another process stored a build at least as new
        Counter.objects.update_or_create(
            name=Counter.EXPIRY, defaults={"value": as_counter(expiry)}
        )
        events, pages = apply(entries)
        if events:
            transaction.on_commit(
                lambda: documents_changed.send(sender=None, events=events, pages=pages)
            )
    return events


def apply(entries: dict[tuple[str, int], Entry]) -> tuple[list[ChangeEvent], set[str]]:
    """Store `entries` as the public documents; log a change for each document that appeared,
    changed or went away. Returns the events and the public pages of their items (before and
    after)."""
    now = timezone.now()
    stored = {(d.object_type, d.object_id): d for d in PublicDocument.objects.all()}
    previous = latest_actions(entries.keys() - stored.keys())
    created, updated, events, pages = [], [], [], set()
    for key, entry in sorted(entries.items(), key=lambda kv: (kv[0][0], kv[1].position)):
        document = stored.get(key)
        if document is None:
            created.append(PublicDocument(**entry_fields(entry), changed_at=now))
            action = Action.UPDATED if previous.get(key) in LISTED else Action.PUBLISHED
            events.append(event(entry, action))
            pages |= page_paths(entry.document)
            continue
        changed = document.digest != entry.digest
        fields = entry_fields(entry)
        if changed or any(getattr(document, f) != fields[f] for f in FIELDS):
            for name, value in fields.items():
                setattr(document, name, value)
            if changed:
                pages |= page_paths(document.document) | page_paths(entry.document)
                document.changed_at = now
                events.append(event(entry, Action.UPDATED))
            updated.append(document)
    gone = [stored[key] for key in stored.keys() - entries.keys()]
    for document in gone:
        events.append(event(document, removal(document)))
        pages |= page_paths(document.document)
    PublicDocument.objects.filter(pk__in=[d.pk for d in gone]).delete()
    PublicDocument.objects.bulk_create(created)
    PublicDocument.objects.bulk_update(updated, [*FIELDS, "changed_at"])
    return ChangeEvent.objects.bulk_create(events), pages


LISTED = (Action.PUBLISHED, Action.UPDATED)


def page_paths(document: str) -> set[str]:
    """The public pages that show the item: its own, and its fact sheet's printable version."""
    data = json.loads(document)
    sheet = data.get("fact_sheet") or {}
    urls = [data.get("url"), sheet.get("url") and sheet["url"] + "print/"]
    return {url.removeprefix(ORIGIN) for url in urls if url and url.startswith(ORIGIN)}


def entry_fields(entry: Entry) -> dict:
    return {
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        **{name: getattr(entry, name) for name in FIELDS},
    }


def event(item, action: str) -> ChangeEvent:
    return ChangeEvent(
        action=action,
        object_type=item.object_type,
        object_id=item.object_id,
        locale=item.locale,
        translation_key=item.translation_key,
        identifier=item.identifier,
    )


def removal(document: PublicDocument) -> str:
    """Unpublished (or private, or closed) if the item still exists, deleted if not."""
    kind = next(k for k in KINDS if k.object_type == document.object_type)
    exists = kind.items().model.objects.filter(pk=document.object_id).exists()
    return Action.UNPUBLISHED if exists else Action.DELETED


def latest_actions(keys) -> dict[tuple[str, int], str]:
    """The last logged action of each item in `keys` (an item may come back after removal)."""
    if not keys:
        return {}
    ids = [
        row["last"]
        for row in ChangeEvent.objects.filter(object_id__in={pk for _, pk in keys})
        .values("object_type", "object_id")
        .annotate(last=Max("id"))
    ]
    return {
        (e.object_type, e.object_id): e.action
        for e in ChangeEvent.objects.filter(id__in=ids)
        if (e.object_type, e.object_id) in keys
    }
