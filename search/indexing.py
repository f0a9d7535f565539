"""Keeping the index true: every change the change log records (publish, update, unpublish,
delete, move, translation, privacy) reindexes exactly that item once it is committed.
An item that may not be shown (draft, private, closed, deleted) is removed, so the index never
holds what the public site would not show."""

import logging
import threading

from django.db import transaction

from changes.reconcile import documents_changed
from search.documents import all_documents, document_for
from search.engines import get_engine

logger = logging.getLogger(__name__)
_pending = threading.local()


def pending() -> set[tuple[str, int]]:
    if not hasattr(_pending, "items"):
        _pending.items = set()
    return _pending.items


def schedule(kind: str, object_id: int) -> None:
    """Reindex this item after the commit; many changes to one item cost one reindex."""
    pending().add((kind, object_id))
    transaction.on_commit(flush)


def flush() -> None:
    """Reindex what is pending. A failing engine is logged, never turned into an error for the
    editor whose change is already saved; `rebuild_search_index` repairs the index."""
    items = sorted(pending())
    pending().clear()
    if not items:
        return
    documents, gone = [], []
    for kind, object_id in items:
        document = document_for(kind, object_id)
        if document:
            documents.append(document)
        else:
            gone.append(f"{kind}:{object_id}")
    try:
        engine = get_engine()
        engine.upsert(documents)
        engine.remove(gone)
    except Exception:
        logger.exception("Search index not updated for %s; run rebuild_search_index", items)


def rebuild() -> dict[str, int]:
    """Index everything findable from scratch; return the count per locale."""
    return get_engine().rebuild(all_documents())


INDEXED = ("section", "service")


def on_documents_changed(sender, events, **kwargs):
    for event in events:
        if event.object_type in INDEXED:
            schedule(event.object_type, event.object_id)


def connect_signals():
    documents_changed.connect(on_documents_changed, dispatch_uid="search.index")
