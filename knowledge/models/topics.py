"""Topics a section is about, from a fixed vocabulary, so partners can pick what concerns them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class Topic(models.TextChoices):
    RECOGNISING = "recognising", _("Recognising violence")
    CONSEQUENCES = "consequences", _("Consequences and warning signs")
    LGBTQIA = "lgbtqia", _("LGBTQIA+ people")
    SEX_WORK = "sex-work", _("Sex work and exploitation")
    MIGRATION = "migration", _("Migration and residence status")
    LANGUAGE = "language", _("Language barriers")
    MENTAL_HEALTH = "mental-health", _("Mental health")
    ADDICTION = "addiction", _("Addiction")
    HOMELESSNESS = "homelessness", _("Homelessness")
    DISABILITY = "disability", _("Disability")
    INTERVIEWING = "interviewing", _("Talking with a victim")
    REFERRAL = "referral", _("Referral and services")
    EMERGENCY = "emergency", _("Emergency")


class SectionTopic(Orderable):
    """One topic of a section (the same in every language: synchronised, not translated)."""

    page = ParentalKey("knowledge.SectionPage", on_delete=models.CASCADE, related_name="topics")
    topic = models.CharField(max_length=20, choices=Topic.choices)

    panels = [FieldPanel("topic")]

    def __str__(self):
        return self.get_topic_display()
