"""The public results page, /<language>/search/?q=: plain HTML that works without JavaScript,
sets no cookie and is never cached or indexed (the query is in its URL). A query that says
someone may be in danger shows the emergency numbers first; one that finds nothing shows who to
call and where else to look."""

import logging

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from core.languages import alternate_paths
from knowledge.models import FactSheetPage, ServiceDirectoryPage, Topic
from knowledge.numbers import PART_NUMBER
from knowledge.visibility import visible_pages
from search.danger import signals_danger
from search.engines.base import Filters, IndexUnavailable
from search.facets import facet_groups
from search.searcher import NothingToSearch, search
from services.safety import office_lines

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


def ways_on() -> dict:
    """Where a search that found nothing leads: the sheets' contents, the service directory and
    the services a person answers at, in the active language."""
    locale = Locale.get_active()
    return {
        "fact_sheets": visible_pages(FactSheetPage.objects.filter(locale=locale)),
        "directory": visible_pages(ServiceDirectoryPage.objects.filter(locale=locale)).first(),
        "office_lines": office_lines(locale),
    }


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
            context.update(unavailable=True, emergency=signals_danger(language, data["q"]))
            status = 503
        else:
            page = outcome.page
            facets = facet_groups(
                request,
                page.facets,
                page.total,
                dict(SearchForm.base_fields["type"].choices),
                language,
            )
            context.update(
                results=page.hits,
                total=page.total,
                did_you_mean=outcome.did_you_mean,
                emergency=outcome.emergency,
                page_obj=Paginator(range(page.total), PAGE_SIZE).get_page(number),
                facets=facets,
                selected=[link for heading, links in facets for link in links if link["active"]],
            )
            if not page.total:
                context.update(ways_on(), related=page.related)
    context["alternate_paths"] = alternate_paths(request)
    response = render(request, "search/results.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    if status == 503:
        response["Retry-After"] = str(settings.RETRY_AFTER)
    return response
