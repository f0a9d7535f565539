"""Admin report: translations that are out of date with their English source."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale

from core.translations.changes import segment_changes
from core.translations.status import TranslationStatus, translation_status
from editorial.translations.objects import translatable_objects


def outdated_translations(locales=None) -> list[TranslationStatus]:
    """Every translation (existing or missing) that does not match its English source."""
    source_locale = Locale.get_default()
    locales = locales or Locale.objects.exclude(pk=source_locale.pk).order_by("language_code")
    statuses = []
    for _key, instance in translatable_objects(source_locale):
        for locale in locales:
            status = translation_status(instance, locale)
            if not status.up_to_date:
                statuses.append(status)
    return statuses


class OutdatedTranslationsView(TemplateView):
    """Lists, per language, each page or record whose translation lags behind the English."""

    template_name = "editorial/outdated_translations.html"
    page_title = _("Out-of-date translations")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        targets = Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")
        chosen = self.request.GET.get("locale")
        locales = [locale for locale in targets if chosen in (None, "", locale.language_code)]
        finder = AdminURLFinder(self.request.user)
        rows = [
            {
                "status": status,
                "changes": segment_changes(status),
                "source_url": finder.get_edit_url(status.source_object),
                "translation_url": status.translated_object
                and finder.get_edit_url(status.translated_object),
            }
            for status in outdated_translations(locales)
        ]
        context.update(
            page_title=self.page_title,
            header_title=self.page_title,
            rows=rows,
            locales=targets,
            chosen=chosen or "",
            report_url=reverse("outdated_translations"),
        )
        return context
