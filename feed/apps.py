from django.apps import AppConfig


class FeedConfig(AppConfig):
    name = "feed"
    verbose_name = "Partner feed"

    def ready(self):
        from feed.purge import connect_signals

        connect_signals()
