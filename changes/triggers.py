"""Count every write to content, and rebuild the public documents once it is committed.

What counts is decided by model, not by which admin button was pressed: pages, view
restrictions, locales and sites, everything in the knowledge and services apps, and
wagtail-localize's records (a translation's status is part of every document). Saves that only
touch draft bookkeeping (a new revision, a lock) change nothing partners see, and are skipped."""

import logging

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from changes.reconcile import mark_written, reconcile

logger = logging.getLogger(__name__)

CONTENT_APPS = {"knowledge", "services", "wagtail_localize"}
CONTENT_MODELS = (Page, PageViewRestriction, Locale, Site)
DRAFT_FIELDS = {
    "latest_revision", "latest_revision_created_at", "has_unpublished_changes", "draft_title",
    "locked", "locked_at", "locked_by",
}  # fmt: skip


def is_content(model) -> bool:
    return model._meta.app_label in CONTENT_APPS or issubclass(model, CONTENT_MODELS)


def reconcile_after_commit() -> None:
    """Rebuild now rather than at the next feed request, so that caches are purged at once. A
    failure leaves the documents marked behind: the next feed request tries again."""
    try:
        reconcile()
    except Exception:
        logger.exception("Rebuilding the public documents failed; the feed will retry.")


def on_write(sender, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return
    mark_written()
    transaction.on_commit(reconcile_after_commit)


def connect_signals():
    """Per content model, so that other models keep Django's fast deletes (no signals)."""
    for model in apps.get_models():
        if is_content(model):
            uid = f"changes.{model._meta.label_lower}"
            post_save.connect(on_write, sender=model, dispatch_uid=f"{uid}.saved")
            post_delete.connect(on_write, sender=model, dispatch_uid=f"{uid}.deleted")
            post_page_move.connect(on_write, sender=model, dispatch_uid=f"{uid}.moved")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if is_content(model) or is_content(through):
                m2m_changed.connect(on_write, sender=through, dispatch_uid=f"changes.{through}")
