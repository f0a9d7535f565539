from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = "Service library"

    def ready(self):
        from wagtail.signals import published

        from services.sync import propagate_facts

        published.connect(propagate_facts, dispatch_uid="services.propagate_facts")
