"""Admin additions that are not tied to one content app: the translation report, the
dashboard's next actions first, "Submit for review" as the editors' and translators' primary
button, and translations kept from being replaced with their source by those who may not."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial.dashboard import DueForReviewPanel
from editorial.translations import views as translation_views
from editorial.translations.report import OutdatedTranslationsView

AWAITING_REVIEW_ORDER = 200  # Wagtail's "Awaiting your review" first (it has 220, below 210)


@hooks.register("construct_homepage_panels")
def next_actions_first(request, panels):
    for panel in panels:
        if panel.name == "workflow_objects_to_moderate":
            panel.order = AWAITING_REVIEW_ORDER
    panels.append(DueForReviewPanel(request))


@hooks.register("register_admin_urls", order=-1)  # before wagtail-localize's own routes
def guard_replacing_translations():
    return [
        path(
            "localize/translate/<int:translation_id>/disable/",
            translation_views.stop_translation,
            name="confirm_stop_translation",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            translation_views.convert_to_alias,
            name="guarded_convert_to_alias",
        ),
    ]


# Before wagtail-localize's hooks, which open its editor for a synced translation.
hooks.register("before_edit_page", translation_views.submit_from_editor, order=-1)
hooks.register("before_edit_snippet", translation_views.submit_from_editor, order=-1)
hooks.register("construct_page_action_menu", translation_views.hide_convert_to_alias)


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [
        path(
            "reports/outdated-translations/",
            OutdatedTranslationsView.as_view(),
            name="outdated_translations",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(
        _("Out-of-date translations"),
        reverse("outdated_translations"),
        icon_name="site",
        order=700,
    )


def submit_for_review_first(menu_items, request, context):
    """For whoever cannot publish (editors, translators), "Submit for review" is the primary
    button, where Wagtail puts "Save draft" and hides the submission under its arrow."""
    names = [item.name for item in menu_items]
    if "action-submit" in names and "action-publish" not in names:
        menu_items.insert(0, menu_items.pop(names.index("action-submit")))


hooks.register("construct_page_action_menu", submit_for_review_first)
hooks.register("construct_snippet_action_menu", submit_for_review_first)
