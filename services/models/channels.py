"""The ordered parts of a service record: contact channels, opening periods, languages served."""

from urllib.parse import urlsplit

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.sanitise import safe_url
from services.hours import Period
from services.validation import check_channel_value

LANGUAGE_CHOICES = sorted(
    (
        (code, info["name"])
        for code, info in LANG_INFO.items()
        if "name" in info and "-" not in code
    ),
    key=lambda choice: choice[1],
)


class ContactChannel(TranslatableMixin, Orderable):
    """One way to reach a service, and what it is for; only its label is translated."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("E-mail")
        WEB = "web", _("Website")
        CHAT = "chat", _("Chat")

    class Purpose(models.TextChoices):
        EMERGENCY = "emergency", "Emergency"
        HELPLINE = "helpline", "Helpline"
        OFFICE = "office", "Office"
        CHAT = "chat", "Chat"
        INFORMATION = "information", "Information"

    class Availability(models.TextChoices):
        ALWAYS = "always", "24/7"
        OPENING_HOURS = "opening_hours", "During opening hours"
        APPOINTMENT = "appointment", "By appointment"
        UNSPECIFIED = "unspecified", "Not specified"

    service = ParentalKey("services.Service", on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    value = models.CharField(
        max_length=255, help_text="The number, address or URL exactly as people should use it."
    )
    label = models.CharField(max_length=255, blank=True, help_text="Shown before the value.")
    purpose = models.CharField(max_length=12, choices=Purpose.choices)
    is_free = models.BooleanField(null=True, blank=True, help_text="Leave empty if unknown.")
    is_anonymous = models.BooleanField(null=True, blank=True, help_text="Leave empty if unknown.")
    availability = models.CharField(
        max_length=16, choices=Availability.choices, default=Availability.UNSPECIFIED
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("purpose"), FieldPanel("availability")]),
        FieldPanel("value"),
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("is_free"), FieldPanel("is_anonymous")]),
    ]
    translatable_fields = [
        TranslatableField("label"),
        *(
            SynchronizedField(name, overridable=False)
            for name in ("kind", "value", "purpose", "is_free", "is_anonymous", "availability")
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    def clean(self):
        if self.kind and self.value:
            try:
                check_channel_value(self.kind, self.value.strip())
            except ValidationError as error:
                raise ValidationError({"value": error.messages}) from error

    @property
    def href(self):
        """The link a browser follows: tel:, mailto: or the web address; None when the stored
        value is no web address (written past the admin's checks): show it as text only."""
        if self.kind == self.Kind.PHONE:
            return "tel:" + "".join(ch for ch in self.value if ch.isdigit() or ch == "+")
        if self.kind == self.Kind.EMAIL:
            return f"mailto:{self.value}"
        return safe_url(self.value)

    @property
    def link_text(self) -> str:
        """What a link to the channel says: the number or e-mail address; for a chat, that it
        is one; for a website, its host name (www.caw.be) rather than the whole address."""
        if self.kind == self.Kind.CHAT and self.href:
            return gettext("Chat online")
        if self.kind == self.Kind.WEB and self.href:
            return urlsplit(self.href).hostname
        return self.value

    @property
    def heading(self) -> str:
        """What the card lists it under: its label, else what kind of channel it is."""
        return self.label or str(self.get_kind_display())


class OpeningPeriod(Orderable):
    """A weekly opening period in Europe/Brussels time; several per day for a lunch break."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, "Monday"
        TUESDAY = 1, "Tuesday"
        WEDNESDAY = 2, "Wednesday"
        THURSDAY = 3, "Thursday"
        FRIDAY = 4, "Friday"
        SATURDAY = 5, "Saturday"
        SUNDAY = 6, "Sunday"

    service = ParentalKey("services.Service", on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField()
    closes = models.TimeField()

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"

    def clean(self):
        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError({"closes": "Closing time must be after opening time."})

    def as_period(self):
        return Period(self.weekday, self.opens, self.closes)


class ServiceLanguage(TranslatableMixin, Orderable):
    """A language in which the service works with people, with an optional condition."""

    service = ParentalKey("services.Service", on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(max_length=7, choices=LANGUAGE_CHOICES)
    note = models.CharField(max_length=255, blank=True, help_text="E.g. 'with interpreters'.")

    panels = [FieldRowPanel([FieldPanel("language"), FieldPanel("note")])]
    translatable_fields = [
        SynchronizedField("language", overridable=False),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    def __str__(self):
        return self.get_language_display()
