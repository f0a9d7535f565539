"""A service in the library: the single place where its contact details are kept."""

from datetime import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.fields import search_terms_field
from core.translations.panels import TranslationStatusPanel
from services.forms import ServiceForm
from services.hours import group_days, open_at
from services.models.channels import OpeningPeriod
from services.models.names import NAME_LANGUAGE_FIELD, NamedInLanguage
from services.open_state import OpenState, open_state


class Service(
    TranslatableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    NamedInLanguage,
    index.Indexed,
    ClusterableModel,
):
    """A support service; guidance sections reference it instead of copying its details."""

    class Kind(models.TextChoices):
        SPECIALIST = "specialist", "Specialist support for partner violence"
        GENERAL_WELFARE = "general_welfare", "General welfare service"
        VICTIM_SUPPORT = "victim_support", "Victim support"
        HELPLINE = "helpline", "Helpline"
        EMERGENCY = "emergency", "Emergency number"

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        TEMPORARILY_CLOSED = "temporarily_closed", _("Temporarily closed")
        CLOSED = "closed", _("Closed")

    class HoursMode(models.TextChoices):
        WEEKLY = "weekly", "Weekly opening hours"
        ALWAYS = "always", "Open 24/7"
        APPOINTMENT = "appointment", "By appointment only"
        UNKNOWN = "unknown", "Not specified"

    class FileLanguage(models.TextChoices):
        ANY = "", "Any"
        FRENCH = "fr", "French"
        DUTCH = "nl", "Dutch"

    slug = models.SlugField(
        max_length=80, help_text="Stable identifier, the same in every language."
    )
    name = models.CharField(max_length=255)
    name_language = NAME_LANGUAGE_FIELD()
    short_name = models.CharField(max_length=80, blank=True)
    organisation = models.ForeignKey(
        "services.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(blank=True)
    offers = RichTextField(features=["bold", "italic", "ul"], blank=True)
    audience = models.TextField(blank=True, help_text="Who the service is for.")
    file_language = models.CharField(
        "administrative file language",
        max_length=2,
        choices=FileLanguage.choices,
        blank=True,
        help_text="Language of the person's administrative file that this service requires.",
    )
    referral_rule = models.TextField(blank=True, help_text="Who to refer elsewhere, and where.")
    search_terms = search_terms_field()
    street = models.CharField(
        max_length=255,
        blank=True,
        help_text="The street's name in this language (Brussels streets have a French and a "
        "Dutch name).",
    )
    street_number = models.CharField(max_length=20, blank=True, help_text="E.g. 19a.")
    postal_code = models.CharField(max_length=10, blank=True)
    locality = models.CharField(max_length=100, blank=True)
    address_is_confidential = models.BooleanField(
        default=False, help_text="Never publish the address (e.g. a shelter)."
    )
    hours_mode = models.CharField(max_length=12, choices=HoursMode.choices, default="unknown")
    hours_note = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    last_verified_on = models.DateField(null=True, blank=True)
    last_verified_by = models.CharField(max_length=255, blank=True)

    base_form_class = ServiceForm
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("name_language"),
                FieldPanel("short_name"),
                FieldPanel("slug"),
                FieldPanel("organisation"),
                FieldPanel("kind"),
                FieldPanel("status"),
            ],
            heading="Service",
        ),
        MultiFieldPanel(
            [
                FieldPanel("description"),
                FieldPanel("offers"),
                FieldPanel("audience"),
                FieldPanel("search_terms"),
            ],
            heading="What it offers, and to whom",
        ),
        MultiFieldPanel(
            [
                InlinePanel("languages", label="Language"),
                FieldPanel("file_language"),
                FieldPanel("referral_rule"),
            ],
            heading="Languages and referral",
        ),
        InlinePanel("channels", heading="Contact channels", label="Channel"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldPanel("street_number"),
                FieldPanel("postal_code"),
                FieldPanel("locality"),
                FieldPanel("address_is_confidential"),
            ],
            heading="Address",
        ),
        MultiFieldPanel(
            [
                FieldPanel("hours_mode"),
                InlinePanel("hours", label="Opening period"),
                FieldPanel("hours_note"),
            ],
            heading="Opening hours (Brussels time)",
        ),
        MultiFieldPanel(
            [FieldPanel("last_verified_on"), FieldPanel("last_verified_by")],
            heading="Verification",
        ),
        TranslationStatusPanel(heading="Translations"),
    ]

    translatable_fields = [
        *(
            TranslatableField(name)
            for name in (
                "name", "short_name", "organisation", "description", "offers", "audience",
                "referral_rule", "search_terms", "street", "locality", "hours_note", "channels",
                "languages",
            )
        ),
        *(
            SynchronizedField(name, overridable=False)
            for name in (
                "slug", "name_language", "kind", "file_language", "street_number", "postal_code",
                "address_is_confidential", "hours_mode", "hours", "status",
                "last_verified_on", "last_verified_by",
            )
        ),
    ]  # fmt: skip

    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("short_name", boost=3),
        index.SearchField("description"),
        index.SearchField("audience"),
        index.SearchField("search_terms"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
        index.FilterField("slug"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_service_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def public_organisation(self):
        """Who runs the service, as the public may see it (services/visibility.py decides)."""
        from services.visibility import is_visible_organisation  # the rule imports the models

        organisation = self.organisation
        return organisation if is_visible_organisation(organisation) else None

    @property
    def street_address(self) -> str:
        """The street and number on one line, as partners' feeds have always had it."""
        return f"{self.street} {self.street_number}".strip()

    @property
    def has_address(self):
        return bool(self.street) and not self.address_is_confidential

    def open_at(self, at: datetime) -> bool | None:
        """Open at that instant, closed, or None when the hours do not say (appointment)."""
        periods = [p.as_period() for p in self.hours.all()]
        return open_at(self.hours_mode, self.status == self.Status.ACTIVE, periods, at)

    def contact_rows(self) -> list[tuple[str, list]]:
        """The channels as a card lists them, [(heading, [channel, ...])]: channels in a row of
        the same kind, purpose and label share one ("Telephone: 0800 13 500 or 02 486 45 00"),
        since the record gives nothing that tells them apart."""
        rows: list[tuple[tuple, str, list]] = []
        for channel in self.channels.all():
            same = (channel.kind, channel.purpose, channel.heading)
            if rows and rows[-1][0] == same:
                rows[-1][2].append(channel)
            else:
                rows.append((same, channel.heading, [channel]))
        return [(heading, channels) for same, heading, channels in rows]

    def weekly_hours(self):
        """Opening hours as ranges of days, for display: [(first, last, [(opens, closes)])]."""
        names = dict(OpeningPeriod.Weekday.choices)
        return [
            (names[r.first], names[r.last] if r.last != r.first else None, r.spans)
            for r in group_days(p.as_period() for p in self.hours.all())
        ]

    def open_state(self, at: datetime | None = None) -> OpenState | None:
        """What the card says about opening at `at` (now by default), in the active language:
        "Open now · closes at 17:00", "Closed now · opens Monday at 09:00", "Open 24/7", ..."""
        periods = [p.as_period() for p in self.hours.all()]
        return open_state(
            self.hours_mode, self.status, self.get_status_display(), periods, at or timezone.now()
        )
