"""Translations go through review like every other change.

A translator's segments become a draft revision of the translated page or record, submitted to
the review workflow; approving it publishes it. The live row is left alone until then
(wagtail-localize's own draft writes the translation into the live row, so a page's draft would
be on the site at once, and a record's draft would take it offline). Replacing a translation with
its source, by stopping the synced translation or converting the page into an alias, is for those
who may publish it."""

from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, WorkflowState
from wagtail.permissions import policy_registry
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments


class NoReviewWorkflow(Exception):
    """Nothing reviews this kind of content: `manage.py setup_roles` has not been run."""


def synced_translation(instance) -> Translation | None:
    """The enabled wagtail-localize translation whose target is `instance`, if any."""
    return Translation.objects.filter(
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=True,
    ).first()


def may_publish(user, instance) -> bool:
    """Whether `user` may publish `instance`, and so replace its translation with the source."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "publish", instance)


def save_draft(translation: Translation, user):
    """A new revision of the target holding the translated segments; the live row unchanged."""
    source = translation.source
    original = source.as_instance()
    target = translation.get_target_instance()
    copy_synchronised_fields(original, target)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, target, source.locale, translation.target_locale, segments)
    if isinstance(target, Page):
        target.slug = find_available_slug(
            target.get_parent(), slugify(target.slug), ignore_page_id=target.pk
        )
    return target, target.save_revision(user=user, log_action=True)


def submit_for_review(translation: Translation, user):
    """Save the translation as a draft and put it in front of the reviewers: a new review, a
    review that asked for changes resumed, or the review under way shown the new draft
    (approval publishes the latest revision). Returns the target."""
    target, revision = save_draft(translation, user)
    state = target.current_workflow_state
    if state is None:
        workflow = target.get_workflow()
        if workflow is None or not workflow.active:
            raise NoReviewWorkflow(str(target))
        workflow.start(target, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        task_state = state.current_task_state
        task_state.revision = revision
        task_state.save(update_fields=["revision"])
    return target
