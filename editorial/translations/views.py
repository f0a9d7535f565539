"""The translation editor's actions, as the review workflow wants them: "Submit for review" for
those who cannot publish, and the actions that replace a translation with its source (stopping
the synced translation, converting the page into an alias) refused to those who may not publish
it, and confirmed first by those who may."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation

from editorial.translations.review import (
    NoReviewWorkflow,
    may_publish,
    submit_for_review,
    synced_translation,
)

SUBMIT = "submit-for-review"  # the value of the editor's "Submit for review" button
REPLACING = gettext_lazy("Only reviewers may replace a translation with its source.")


def submit_from_editor(request, instance):
    """The before_edit_page and before_edit_snippet hook: the "Submit for review" POST."""
    if request.method != "POST" or request.POST.get("action") != SUBMIT:
        return None
    translation = synced_translation(instance)
    if translation is None:
        return None
    names = {"language": translation.target_locale.get_display_name(), "title": instance}
    try:
        submit_for_review(translation, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The %(language)s translation cannot be submitted yet: %(errors)s")
            % {**names, "errors": " ".join(error.messages)},
        )
    except NoReviewWorkflow:
        messages.error(
            request,
            _("No review applies to '%(title)s': ask an administrator to run setup_roles.") % names,
        )
    else:
        messages.success(
            request,
            _("The %(language)s translation of '%(title)s' has been submitted for review.") % names,
        )
    return redirect(request.get_full_path())


def stop_translation(request, translation_id):
    """wagtail-localize's "Stop Synced translation", for those who may publish the translation,
    once they have confirmed (its button posts at once)."""
    translation = get_object_or_404(Translation, id=translation_id)
    instance = translation.get_target_instance()
    if not may_publish(request.user, instance):
        raise PermissionDenied(REPLACING)
    if request.method == "POST" and request.POST.get("confirmed") == "yes":
        return edit_translation.stop_translation(request, translation_id)
    return TemplateResponse(
        request,
        "editorial/confirm_stop_translation.html",
        {
            "instance": instance,
            "language": translation.target_locale.get_display_name(),
            "source_language": translation.source.locale.get_display_name(),
            "next": get_valid_next_url_from_request(request),
        },
    )


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page" (which asks for confirmation itself), for
    those who may publish the page: it replaces the translation with the source at once."""
    page = get_object_or_404(Page, id=page_id)
    if not may_publish(request.user, page):
        raise PermissionDenied(REPLACING)
    return convert.convert_to_alias(request, page_id)


def hide_convert_to_alias(menu_items, request, context):
    """The construct_page_action_menu hook: no "Convert to alias page" for whoever may not."""
    page = context.get("page")
    if page is not None and not may_publish(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]
