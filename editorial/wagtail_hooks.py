"""Admin additions that are not tied to one content app: the translation report, the
dashboard's review reminders and "Submit for review" as the editors' primary button."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial.dashboard import DueForReviewPanel
from editorial.translations.report import OutdatedTranslationsView


@hooks.register("construct_homepage_panels")
def add_due_for_review_panel(request, panels):
    panels.append(DueForReviewPanel(request))


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
