"""The results page's filters: one link per facet value that adds it to the search or takes it
off, in the groups that can change the results."""

from django.utils.translation import gettext as _

from knowledge.models import SectionPage, Topic
from knowledge.numbers import PART_NUMBER
from knowledge.visibility import visible_pages


def facet_links(request, name: str, counts: dict, labels: dict) -> list[dict]:
    """One link per facet value that adds it to the search, or removes it when it is on."""
    links = []
    for value, count in counts.items():
        query = request.GET.copy()
        query.pop("page", None)
        active = query.get(name) == value
        if active:
            query.pop(name)
        else:
            query[name] = value
        label = labels.get(value, value)
        links.append(
            {"label": label, "count": count, "active": active, "url": "?" + query.urlencode()}
        )
    return links


def part_titles(language: str) -> dict[str, str]:
    parts = visible_pages(
        SectionPage.objects.filter(locale__language_code=language, number__regex=PART_NUMBER)
    )
    return {p.number: p.title for p in parts}


def narrows(links: list[dict], total: int) -> bool:
    """Whether a group can change the results: two values or more, a value that leaves some
    results out, or a value that is on (to take it off)."""
    return len(links) > 1 or any(link["count"] < total or link["active"] for link in links)


def facet_groups(request, facets: dict, total: int, type_labels: dict, language: str):
    """(heading, links) for each group that narrows the results, in the page's order."""
    groups = [
        (_("Show"), facet_links(request, "type", facets.get("type", {}), type_labels)),
        (
            _("Part of the sheet"),
            facet_links(request, "part", facets.get("part", {}), part_titles(language)),
        ),
        (_("Topic"), facet_links(request, "topic", facets.get("topic", {}), dict(Topic.choices))),
    ]
    return [(heading, links) for heading, links in groups if narrows(links, total)]
