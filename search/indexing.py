"""Keeping the index true: every change the change log records (publish, update, unpublish,
delete, move, translation, privacy) reindexes exactly that item once it is committed.
An item that may not be shown (draft, private, closed, deleted) is removed, so the index never
holds what the public site would not show. A write that fails is queued in the database
(IndexRetry) and retried with the next write and by `retry_search_index`, until it succeeds;
with no index at all, only `rebuild_search_index` helps, and it indexes everything."""

import logging
import threading
from functools import reduce
from operator import or_

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from changes.reconcile import documents_changed
from search.documents import all_documents, document_for
from search.engines import get_engine
from search.engines.base import IndexUnavailable
from search.models import IndexRetry

logger = logging.getLogger(__name__)
_pending = threading.local()
_warned: set[str] = set()  # what this process said already about a missing index

Item = tuple[str, int]


def pending() -> set[Item]:
    if not hasattr(_pending, "items"):
        _pending.items = set()
    return _pending.items


def schedule(kind: str, object_id: int) -> None:
    """Reindex this item after the commit; many changes to one item cost one reindex."""
    pending().add((kind, object_id))
    transaction.on_commit(flush)


def flush() -> None:
    """Reindex what is pending, with what earlier writes failed to index."""
    items = set(pending())
    pending().clear()
    if items:
        write(items)


def retry() -> int:
    """Write what earlier writes failed to index; the number still waiting."""
    write(set())
    return IndexRetry.objects.count()


def write(items: set[Item]) -> None:
    """Index these items as they stand now, then the queued ones. A failing engine never turns
    into an error for the editor whose change is already saved: the items are queued."""
    started = timezone.now()
    if items and not attempt(items, started):
        return
    queued = set(IndexRetry.objects.values_list("kind", "object_id")) - items
    if queued:
        attempt(queued, started)


def attempt(items: set[Item], started) -> bool:
    documents, gone = [], []
    for kind, object_id in sorted(items):
        document = document_for(kind, object_id)
        if document:
            documents.append(document)
        else:
            gone.append(f"{kind}:{object_id}")
    try:
        engine = get_engine()
        engine.upsert(documents)
        engine.remove(gone)
    except IndexUnavailable as error:
        # No index to write to (never built, deleted, corrupt): only a rebuild makes one, and
        # it indexes everything, so there is nothing to queue. /healthz is red meanwhile.
        if str(error) not in _warned:
            _warned.add(str(error))
            logger.warning("Search index not updated: %s", error)
        return False
    except Exception as error:
        logger.exception("Search index not updated for %d items; queued to retry.", len(items))
        queue(items, f"{type(error).__name__}: {error}"[:500])
        return False
    # What failed again elsewhere after this write began stays queued.
    written = reduce(or_, (Q(kind=kind, object_id=object_id) for kind, object_id in items))
    IndexRetry.objects.filter(written, last_failed_at__lt=started).delete()
    return True


def queue(items: set[Item], error: str) -> None:
    for kind, object_id in items:
        updated = IndexRetry.objects.filter(kind=kind, object_id=object_id).update(
            attempts=F("attempts") + 1, error=error, last_failed_at=timezone.now()
        )
        if not updated:
            IndexRetry.objects.get_or_create(
                kind=kind, object_id=object_id, defaults={"error": error}
            )


def rebuild() -> dict[str, int]:
    """Index everything findable from scratch; return the count per locale. What was queued
    is in it, so the queue is emptied."""
    started = timezone.now()
    counts = get_engine().rebuild(all_documents())
    IndexRetry.objects.filter(last_failed_at__lt=started).delete()
    return counts


INDEXED = ("section", "service")


def on_documents_changed(sender, events, **kwargs):
    for event in events:
        if event.object_type in INDEXED:
            schedule(event.object_type, event.object_id)


def connect_signals():
    documents_changed.connect(on_documents_changed, dispatch_uid="search.index")
