from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Knowledge base platform"

    def ready(self):
        from cms.changes import connect_signals

        connect_signals()
