"""What every HSDS operation shares: bare HSDS documents (no envelope) with the feed's strict
parameters, validators, caching and problems (feed/base.py), and their OpenAPI pieces."""

from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation

from feed.base import FeedView
from feed.hsds import params as p
from feed.hsds.fields import drop_nulls
from feed.hsds.paging import hsds_page
from feed.schema import PROBLEM, ProblemSerializer

HSDS_OPENAPI = (
    "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
)
FORMAT = OpenApiParameter(
    "format", str, enum=["json"], description="Only `json` is served (no `ndjson`)."
)


def hsds_id_param(what: str) -> OpenApiParameter:
    return OpenApiParameter(
        "id",
        {"type": "string", "format": "uuid"},
        OpenApiParameter.PATH,
        description=f"The HSDS id of {what}, as any document of this API gives it (in any "
        "language: the document answers in its record's language).",
    )


def responses(document, *problems: int) -> dict:
    return {
        200: document,
        304: None,
        **{(code, PROBLEM): ProblemSerializer for code in (400, *problems)},
    }


class StrictFormat(DefaultContentNegotiation):
    """`format` other than json is a 400 naming it (not Django REST framework's 404)."""

    def filter_renderers(self, renderers, format):
        kept = [renderer for renderer in renderers if renderer.format == format]
        if not kept:
            raise ValidationError({"format": ["Only json is served."]})
        return kept


class HsdsView(FeedView):
    """HSDS responses are bare HSDS documents: no envelope, same caching and errors. What is
    unknown is left out, never null."""

    content_negotiation_class = StrictFormat
    unsupported: dict[str, str] = {}  # parameters of the standard this operation cannot answer

    def envelope(self, body: dict) -> dict:
        """The bare HSDS document (its ETag is the hash of exactly what is served)."""
        return drop_nulls(body["hsds"])

    def get(self, request, *args, **kwargs):
        refused = {n: [why] for n, why in self.unsupported.items() if n in request.query_params}
        if refused:
            raise ValidationError(refused)
        response = super().get(request, *args, **kwargs)
        if "search" in request.query_params:
            # As /api/v1/search/: what a person searched for stays out of caches and their logs.
            response["Cache-Control"] = "no-store"
        return response


class HsdsListView(HsdsView):
    """A paginated HSDS list: subclasses give their parameters, the records and how to render
    one with the options given."""

    params = p.HsdsPage

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.allowed_params = {"locale", *cls.params().fields, *cls.unsupported}

    def records(self, options: dict) -> list:
        raise NotImplementedError

    def render(self, record, options: dict) -> dict:
        raise NotImplementedError

    def build(self, request):
        options = self.valid_params(request, self.params)
        records = self.records(options)
        page = hsds_page(
            records, options["page"], options["per_page"], lambda r: self.render(r, options)
        )
        return {"hsds": page}


class HsdsItemView(HsdsView):
    """One record by its HSDS id. An id names one language's record, so it resolves whatever
    the request's language, and the record answers in its own (as the feed's details do)."""

    def find(self, wanted):
        """The public record whose HSDS id is `wanted`, or None."""
        raise NotImplementedError

    def item_locale(self, id):
        self.record = self.find(id)
        return getattr(self.record, "locale", None)
