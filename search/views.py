"""The public results page, /<language>/search/?q=: plain HTML that works without JavaScript,
sets no cookie and is never cached or indexed (the query is in its URL)."""

import logging

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from core.languages import alternate_paths
from knowledge.models import SectionPage, Topic
from knowledge.numbers import PART_NUMBER
from knowledge.visibility import visible_pages
from search.engines.base import Filters, IndexUnavailable
from search.searcher import NothingToSearch, search

logger = logging.getLogger(__name__)
PAGE_SIZE = 10


class SearchForm(forms.Form):
    q = forms.CharField(max_length=200, required=False, strip=True)
    type = forms.ChoiceField(
        choices=[("section", _("Guidance")), ("service", _("Services"))], required=False
    )
    part = forms.RegexField(PART_NUMBER, max_length=1, required=False)
    topic = forms.ChoiceField(choices=Topic.choices, required=False)
    page = forms.IntegerField(min_value=1, max_value=10_000, required=False)


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


@never_cache
def search_page(request):
    language = get_language()
    form = SearchForm(request.GET)
    context = {"form": form, "query": request.GET.get("q", "")[:200], "language": language}
    status = 200
    if not form.is_valid():
        status = 400
    elif form.cleaned_data["q"]:
        data = form.cleaned_data
        filters = Filters(data["type"] or None, data["part"] or None, data["topic"] or None)
        number = data["page"] or 1
        try:
            outcome = search(data["q"], language, filters, (number - 1) * PAGE_SIZE, PAGE_SIZE)
        except NothingToSearch:
            context["no_words"] = True
        except IndexUnavailable as error:
            logger.error("Search unavailable: %s", error)
            context["unavailable"] = True
            status = 503
        else:
            page = outcome.page
            paginator = Paginator(range(page.total), PAGE_SIZE)
            context.update(
                results=page.hits,
                total=page.total,
                did_you_mean=outcome.did_you_mean,
                page_obj=paginator.get_page(number),
                facets=[
                    (
                        _("Show"),
                        facet_links(
                            request,
                            "type",
                            page.facets.get("type", {}),
                            dict(SearchForm.base_fields["type"].choices),
                        ),
                    ),
                    (
                        _("Part of the sheet"),
                        facet_links(
                            request, "part", page.facets.get("part", {}), part_titles(language)
                        ),
                    ),
                    (
                        _("Topic"),
                        facet_links(
                            request, "topic", page.facets.get("topic", {}), dict(Topic.choices)
                        ),
                    ),
                ],
            )
    context["alternate_paths"] = alternate_paths(request)
    response = render(request, "search/results.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    if status == 503:
        response["Retry-After"] = str(settings.RETRY_AFTER)
    return response
