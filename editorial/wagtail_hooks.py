"""Admin additions that are not tied to one content app: the translation report and the
dashboard's review reminders."""

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
