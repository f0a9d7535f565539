"""How editors steer search, per language: synonym sets, best bets and danger signals. Read on
every search, so a change applies at once, without a restart or a reindex."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale
from wagtail.search import index

from search.text import words


class SynonymSet(index.Indexed, models.Model):
    """Words and phrases that mean the same to the people searching, such as "CPAS, OCMW,
    PCSW": a search for any of them finds what mentions any other."""

    terms = models.TextField(
        help_text="Words or phrases that mean the same, separated by commas or new lines."
    )
    locale = models.ForeignKey(
        Locale,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text="Leave empty to apply to searches in every language.",
    )
    note = models.CharField(max_length=255, blank=True, help_text="Why these belong together.")

    panels = [FieldPanel("terms"), FieldPanel("locale"), FieldPanel("note")]
    search_fields = [index.SearchField("terms"), index.FilterField("locale")]

    class Meta:
        verbose_name = "synonym set"
        ordering = ["pk"]

    def __str__(self):
        return ", ".join(self.term_list())

    def term_list(self) -> list[str]:
        return [t.strip() for t in self.terms.replace("\n", ",").split(",") if t.strip()]

    def clean(self):
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError({"terms": "Give at least two words or phrases."})
        empty = [t for t in terms if not words(t)]
        if empty:
            raise ValidationError({"terms": f"These have no letters or digits: {', '.join(empty)}"})


class BestBet(index.Indexed, models.Model):
    """A search, in one language, whose first result is chosen by an editor."""

    query = models.CharField(
        max_length=200,
        help_text="What people type. Plurals, accents and capitals do not matter.",
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE)
    section = models.ForeignKey(
        "knowledge.SectionPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    service = models.ForeignKey(
        "services.Service", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="When several best bets share a query, the lowest comes first."
    )

    panels = [
        FieldPanel("query"),
        FieldPanel("locale"),
        FieldPanel("section"),
        FieldPanel("service"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("query"), index.FilterField("locale")]

    class Meta:
        verbose_name = "best bet"
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.query} → {self.section or self.service}"

    @property
    def target_key(self) -> str:
        return f"section:{self.section_id}" if self.section_id else f"service:{self.service_id}"

    def clean(self):
        if bool(self.section_id) == bool(self.service_id):
            raise ValidationError("Choose either a section or a service, not both.")
        target = self.section or self.service
        if self.locale_id and target.locale_id != self.locale_id:
            raise ValidationError(
                f"The chosen item is in {target.locale}; choose its {self.locale} version."
            )
        if not words(self.query):
            raise ValidationError({"query": "Type at least one word."})


class DangerSignal(index.Indexed, models.Model):
    """Phrases, in one language, which say that someone may be in danger now ("he will kill
    me"): a search containing one shows the emergency numbers above everything else."""

    locale = models.ForeignKey(Locale, on_delete=models.CASCADE)
    phrases = models.TextField(
        help_text="One phrase per line. A search matches when it contains a phrase's words in "
        "that order; plurals, accents and capitals do not matter, small words such as "
        '"he" or "me" do.'
    )
    note = models.CharField(max_length=255, blank=True, help_text="What these phrases are about.")

    panels = [FieldPanel("locale"), FieldPanel("phrases"), FieldPanel("note")]
    search_fields = [
        index.SearchField("phrases"),
        index.SearchField("note"),
        index.FilterField("locale"),
    ]

    class Meta:
        verbose_name = "danger signal"
        ordering = ["locale", "pk"]

    def __str__(self):
        return self.note or ", ".join(self.phrase_list())

    def phrase_list(self) -> list[str]:
        return [line.strip() for line in self.phrases.splitlines() if line.strip()]

    def clean(self):
        phrases = self.phrase_list()
        if not phrases:
            raise ValidationError({"phrases": "Give at least one phrase."})
        empty = [p for p in phrases if not words(p)]
        if empty:
            raise ValidationError(
                {"phrases": f"These have no letters or digits: {', '.join(empty)}"}
            )


class IndexRetry(models.Model):
    """An item whose index write failed (the index locked, unwritable or out of reach): kept
    until a later write of it succeeds, retried by `retry_search_index` and on every index
    write. Search results never show a stale item meanwhile (they are checked against what is
    public), but a new or changed one is not findable until its retry succeeds."""

    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    attempts = models.PositiveIntegerField(default=1)
    first_failed_at = models.DateTimeField(auto_now_add=True)
    last_failed_at = models.DateTimeField(auto_now=True)
    error = models.CharField(max_length=500)

    class Meta:
        verbose_name = "search index retry"
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_retry_per_item")
        ]

    def __str__(self):
        return f"{self.kind}:{self.object_id}"
