from django.apps import AppConfig


class ChangesConfig(AppConfig):
    name = "changes"
    verbose_name = "Change log"

    def ready(self):
        from changes.recorder import connect_signals

        connect_signals()
