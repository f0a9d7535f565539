"""What may leave the system, for pages: the one rule that the site, the feed's documents,
Atom, HSDS, the change log and search all go through.

A page may be shown when it is *published* — live and not expired, and so is every one of its
ancestors — and *public*: no view restriction on it or on any ancestor.

Expiry is checked against the clock, not left to `live`: Wagtail sets `live=False` on an
expired page only when `publish_scheduled` runs (every minute in production), so between
`expire_at` and that run an expired page is still `live=True`. The rule says it is gone from
the moment it expires. Services have their own rule beside their models
(`services/visibility.py`), built the same way."""

from datetime import datetime

from django.db.models import Min, Q
from django.utils import timezone
from wagtail.models import Page


def _unpublished_q(now: datetime) -> Q:
    return Q(live=False) | Q(expire_at__lte=now)


def _hidden_subtrees_q(now: datetime) -> Q:
    """Pages under (or at) a page that is not live or has expired."""
    paths = sorted(Page.objects.filter(_unpublished_q(now)).values_list("path", flat=True))
    tops: list[str] = []
    for path in paths:  # sorted: an ancestor comes before its descendants
        if not tops or not path.startswith(tops[-1]):
            tops.append(path)
    q = Q()
    for path in tops:
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


def published_pages(queryset, now: datetime | None = None):
    """`queryset` narrowed to pages that are live and not expired, with every ancestor live
    and not expired too (view restrictions aside: see `visible_pages`)."""
    return queryset.exclude(_hidden_subtrees_q(now or timezone.now()))


def visible_pages(queryset, now: datetime | None = None):
    """`queryset` narrowed to the pages that may be shown to anyone: published (above) and
    public (no view restriction on them or an ancestor)."""
    return published_pages(queryset, now).public()


def is_published(page: Page, now: datetime | None = None) -> bool:
    return published_pages(Page.objects.filter(pk=page.pk), now).exists()


def is_visible(page: Page | None, now: datetime | None = None) -> bool:
    """The rule for one page (None, e.g. an empty chooser, is not visible)."""
    return page is not None and visible_pages(Page.objects.filter(pk=page.pk), now).exists()


def next_page_expiry(now: datetime | None = None) -> datetime | None:
    """When the next live page expires: the next moment the rule's answer changes by itself."""
    now = now or timezone.now()
    return Page.objects.filter(live=True, expire_at__gt=now).aggregate(m=Min("expire_at"))["m"]
