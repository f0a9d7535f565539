"""The admin dashboard's "Due for review" panel, and the same list for the reminder e-mails."""

from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component

from editorial.reminders import Due, due_for

SHOWN = 10  # per kind on the dashboard; the panel says how many more there are


def section_label(section) -> str:
    when = section.next_review_due
    return f"{section.number} {section.title} " + (
        f"(review due {when:%d/%m/%Y})" if when else "(no review date)"
    )


def service_label(service) -> str:
    when = service.last_verified_on
    return f"{service.name} " + (f"(verified {when:%d/%m/%Y})" if when else "(never verified)")


def translation_label(status) -> str:
    missing = "" if status.translated_object else ", not translated yet"
    return f"{status.source_object} ({status.locale.language_code}{missing})"


def due_groups(due: Due, user, base_url: str = "", limit: int | None = None) -> list:
    """(heading, {items: [{label, url}], more, total}) per kind of item, linking to the editor."""
    finder = AdminURLFinder(user)

    def group(items, label, target=lambda item: item):
        shown = items if limit is None else items[:limit]
        return {
            "items": [
                {"label": label(i), "url": base_url + (finder.get_edit_url(target(i)) or "")}
                for i in shown
            ],
            "more": len(items) - len(shown),
            "total": len(items),
        }

    return [
        ("Service records to verify", group(due.services, service_label)),
        ("Sections due for review", group(due.sections, section_label)),
        (
            "Out-of-date translations",
            group(
                due.translations,
                translation_label,
                lambda status: status.translated_object or status.source_object,
            ),
        ),
    ]


class DueForReviewPanel(Component):
    name = "due_for_review"
    order = 230  # below "Awaiting your review" (Wagtail: 220), the next action for a reviewer
    template_name = "editorial/due_for_review_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        due = due_for(self.request.user, timezone.localdate())
        return {"count": due.count, "groups": due_groups(due, self.request.user, limit=SHOWN)}
