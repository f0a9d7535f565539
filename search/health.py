"""Whether search can answer as it should, for /healthz and the admin."""

from dataclasses import dataclass

from django.db.models import Count

from changes.models import PublicDocument
from search.engines import get_engine
from search.engines.base import IndexUnavailable
from search.indexing import INDEXED
from search.models import IndexRetry


@dataclass(frozen=True)
class IndexHealth:
    ok: bool
    detail: str
    waiting: int  # index writes queued to be retried


def public_counts() -> dict[str, int]:
    """Public sections and services per locale: what the index should hold."""
    rows = (
        PublicDocument.objects.filter(object_type__in=INDEXED)
        .values("locale")
        .annotate(n=Count("id"))
    )
    return {row["locale"]: row["n"] for row in rows}


def empty_locales(counts: dict[str, int]) -> list[str]:
    """Locales whose index holds nothing although they have public items."""
    return sorted(code for code, n in public_counts().items() if n and not counts.get(code))


def index_health() -> IndexHealth:
    waiting = IndexRetry.objects.count()
    try:
        counts = get_engine().counts()
    except IndexUnavailable as error:
        return IndexHealth(False, str(error), waiting)
    empty = empty_locales(counts)
    if empty:
        return IndexHealth(False, f"The search index holds nothing in {', '.join(empty)}.", waiting)
    held = ", ".join(f"{code}: {n}" for code, n in counts.items())
    return IndexHealth(True, f"{sum(counts.values())} documents ({held})", waiting)
