"""What the content is: the models an export holds, in dependency order (a row comes after the
rows it points to), and why the others are left out."""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models

FORMAT = "ipv-kb-content"
VERSION = 1


@dataclass(frozen=True)
class Part:
    """One model of the content. `of_content_field`: the model also holds rows about things that
    are not content (revisions and log entries of users, groups, ...); only the rows whose
    content type (in that field) is one of the content models belong to the content."""

    label: str
    of_content_field: str | None = None

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.label)

    @property
    def key(self) -> str:
        """The label as Django's serializers write it (lower case)."""
        return self.model._meta.label_lower

    def rows(self) -> models.QuerySet:
        """Every row of this part in the database (the base manager: nothing filtered out)."""
        rows = self.model._base_manager.all()
        if self.of_content_field:
            rows = rows.filter(**{f"{self.of_content_field}__in": content_type_ids()})
        return rows

    def holds(self, instance) -> bool:
        """Whether this row belongs to the content (the same test as `rows`, in Python)."""
        if not self.of_content_field:
            return True
        return getattr(instance, f"{self.of_content_field}_id") in content_type_ids()


PARTS = [
    # Languages, and wagtail-localize's "synchronise from" setting of a language.
    Part("wagtailcore.Locale"),
    Part("wagtail_localize.LocaleSynchronization"),
    # Revisions (the history of pages and services) before the rows whose latest and live
    # revision they are: history survives an export and an import.
    Part("wagtailcore.Revision", of_content_field="base_content_type"),
    # The page tree: every wagtailcore.Page row with its treebeard path, depth and numchild,
    # then each page type's own row (same primary key), then what hangs on pages.
    Part("wagtailcore.Page"),
    Part("knowledge.HomePage"),
    Part("knowledge.FactSheetPage"),
    Part("knowledge.SectionPage"),
    Part("knowledge.ServiceDirectoryPage"),
    Part("knowledge.SectionTopic"),
    Part("wagtailcore.PageViewRestriction"),
    # The site points to the root of the tree; redirects keep old URLs (moved pages) working.
    Part("wagtailcore.Site"),
    Part("wagtailredirects.Redirect"),
    # The service library.
    Part("services.Organisation"),
    Part("services.Service"),
    Part("services.ContactChannel"),
    Part("services.OpeningPeriod"),
    Part("services.ServiceLanguage"),
    # How editors steer search.
    Part("search.SynonymSet"),
    Part("search.BestBet"),
    Part("search.DangerSignal"),
    # wagtail-localize: what was extracted from each source and every translation of it.
    Part("wagtail_localize.TranslatableObject"),
    Part("wagtail_localize.TranslationSource"),
    Part("wagtail_localize.Translation"),
    Part("wagtail_localize.TranslationLog"),
    Part("wagtail_localize.String"),
    Part("wagtail_localize.TranslationContext"),
    Part("wagtail_localize.StringTranslation"),
    Part("wagtail_localize.Template"),
    Part("wagtail_localize.StringSegment"),
    Part("wagtail_localize.TemplateSegment"),
    Part("wagtail_localize.RelatedObjectSegment"),
    Part("wagtail_localize.OverridableSegment"),
    Part("wagtail_localize.SegmentOverride"),
    # Who did what, when (the History of pages and snippets in the admin).
    Part("wagtailcore.PageLogEntry"),
    Part("wagtailcore.ModelLogEntry", of_content_field="content_type"),
    # The partners' change log, last: its row ids are their sync cursors.
    Part("changes.ChangeEvent"),
]

PARTS_BY_KEY = {part.key: part for part in PARTS}

# Models that moved to another app since format version 1 was written: old label, new label.
MOVED = {"cms.changeevent": "changes.changeevent"}


def current_labels(document: dict) -> None:
    """Give every object and count of a file the labels its models have now."""
    for obj in document.get("objects") or []:
        if isinstance(obj, dict) and isinstance(obj.get("model"), str):
            obj["model"] = MOVED.get(obj["model"].lower(), obj["model"])
    counts = document.get("counts")
    if isinstance(counts, dict):
        document["counts"] = {MOVED.get(key, key): value for key, value in counts.items()}


# Models of the project's own apps that are deliberately not in an export, with the reason. A
# test checks that every model of these apps is either in PARTS or here.
PROJECT_APPS = ("core", "changes", "knowledge", "services", "search", "editorial")
NOT_CONTENT: dict[str, str] = {
    "changes.PublicDocument": "Built from the content after every write; an import rebuilds it.",
    "changes.Counter": "Says whether the public documents are current; an import is a write.",
    "search.IndexRetry": "Index writes waiting to be retried; an import rebuilds the index.",
}

# Rows outside the content that content rows point to: written as natural keys (content type
# "app.model", user name, group name) so a file can be imported into another database.
NATURAL_KEY_MODELS = ("contenttypes.ContentType", "auth.Group")


@cache
def natural_key_models() -> frozenset[type[models.Model]]:
    return frozenset({get_user_model(), *(apps.get_model(label) for label in NATURAL_KEY_MODELS)})


def content_models() -> list[type[models.Model]]:
    return [part.model for part in PARTS]


def content_type_ids() -> frozenset[int]:
    models_ = [part.model for part in PARTS if not part.of_content_field]
    types = ContentType.objects.get_for_models(*models_, for_concrete_models=False)
    return frozenset(ct.pk for ct in types.values())
