"""An editor panel showing, on a page or record, whether each translation is up to date."""

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.panels import Panel
from wagtail.models import Locale

from core.translations.changes import segment_changes
from core.translations.status import translation_status


class TranslationStatusPanel(Panel):
    """For an English original: each language's status and the segments that changed.
    For a translation: its own status against the English original."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/panels/translation_status.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            source_locale = Locale.get_default()
            instance = self.instance
            if instance.locale_id == source_locale.pk:
                original = instance
                locales = Locale.objects.exclude(pk=source_locale.pk).order_by("language_code")
            else:
                original = instance.get_translation_or_none(source_locale)
                locales = [instance.locale]
            finder = AdminURLFinder(self.request.user)
            statuses = []
            if original is not None:
                for locale in locales:
                    status = translation_status(original, locale)
                    url = status.translated_object and finder.get_edit_url(status.translated_object)
                    shown = status.translated_object and not status.up_to_date
                    changes = segment_changes(status) if shown else []
                    statuses.append((status, url, changes))
            context["statuses"] = statuses
            return context
