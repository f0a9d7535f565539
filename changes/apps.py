from django.apps import AppConfig


class ChangesConfig(AppConfig):
    name = "changes"
    verbose_name = "Change log"

    def ready(self):
        from changes.triggers import connect_signals

        connect_signals()
