"""Factories for unit-level cases (factory_boy, wagtail-factories): a service without an
organisation, three nested sections, ... built in a few lines, beside the real content that
the session loads. Pages are published, as the loader and editors leave them."""

import factory
import wagtail_factories
from wagtail.models import Locale

from knowledge.models import FactSheetPage, HomePage, SectionPage
from services.models import ContactChannel, OpeningPeriod, Organisation, Service


def english():
    return Locale.objects.get(language_code="en")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    locale = factory.LazyFunction(english)
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    name = factory.Sequence(lambda n: f"Organisation {n}")


class ServiceFactory(factory.django.DjangoModelFactory):
    """A published service record with one office phone line (a real Belgian number format)."""

    class Meta:
        model = Service
        skip_postgeneration_save = True  # publishing saved it

    locale = factory.LazyFunction(english)
    slug = factory.Sequence(lambda n: f"service-{n}")
    name = factory.Sequence(lambda n: f"Service {n}")
    kind = Service.Kind.GENERAL_WELFARE
    organisation = None

    @factory.post_generation
    def publish(service, create, extracted, **kwargs):
        if create and extracted is not False:
            if not service.channels.exists():
                ContactChannelFactory(service=service)
            service.save_revision().publish()


class ContactChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactChannel

    service = factory.SubFactory(ServiceFactory, publish=False)
    locale = factory.SelfAttribute("service.locale")
    kind = ContactChannel.Kind.PHONE
    value = "02 539 27 44"
    purpose = ContactChannel.Purpose.OFFICE


class OpeningPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningPeriod

    service = factory.SubFactory(ServiceFactory, publish=False)
    weekday = OpeningPeriod.Weekday.MONDAY
    opens = "09:00"
    closes = "17:00"


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page saved with a published revision, as Wagtail's admin leaves it."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        page.save_revision().publish()
        return model_class.objects.get(pk=page.pk)


class FactSheetPageFactory(PublishedPageFactory):
    class Meta:
        model = FactSheetPage

    parent = factory.LazyFunction(lambda: HomePage.objects.get(locale__language_code="en"))
    title = factory.Sequence(lambda n: f"Fact sheet {n}")
    slug = factory.Sequence(lambda n: f"fact-sheet-{n}")


class SectionPageFactory(PublishedPageFactory):
    class Meta:
        model = SectionPage

    parent = factory.SubFactory(FactSheetPageFactory)
    number = "A"
    title = factory.LazyAttribute(lambda o: f"Section {o.number}")
    slug = factory.LazyAttribute(lambda o: o.number.lower().replace(".", "-"))
    summary = factory.LazyAttribute(lambda o: f"What section {o.number} says.")
