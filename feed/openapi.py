"""The feed's OpenAPI document, completed where drf-spectacular cannot see: no security
requirement (the feed is anonymous), the HTTP caching headers and conditional requests of every
operation, HEAD beside every GET, the Atom feeds (a Django syndication view, not a DRF one), the
servers, licence and contact from settings, and tags with their descriptions.

drf-spectacular inspects each operation with `feed.schema.FeedSchema`, then calls
`complete_the_document` once (`SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]`)."""

import copy
import re

from django.conf import settings

from core.languages import content_languages
from feed.base import FeedView
from feed.problems import PROBLEM, PROBLEM_MAX_AGE
from feed.search import SearchBaseView

TAGS = [  # alphabetical, as Swagger UI lists them
    ("changes", "What changed, for incremental sync (JSON) and feed readers (Atom)."),
    ("fact-sheets", "The fact sheets themselves: their preface and contents, per language."),
    ("feed", "The feed's root: its endpoints, Atom feeds, schema and version."),
    ("hsds", "The services as Open Referral HSDS 3.0 documents."),
    ("search", "Search for partners' sites and apps; never cached."),
    ("sections", "The fact sheets' sections, with structured bodies, per language."),
    ("services", "The support services of the library, per language."),
]


# Components: what a client sends to revalidate, and the headers that come back.
REQUEST_HEADERS = {
    "IfNoneMatch": {
        "name": "If-None-Match",
        "in": "header",
        "required": False,
        "schema": {"type": "string"},
        "description": "The `ETag` of your copy: the answer is a 304 without a body while it "
        "is current.",
    },
    "IfModifiedSince": {
        "name": "If-Modified-Since",
        "in": "header",
        "required": False,
        "schema": {"type": "string"},
        "description": "The `Last-Modified` of your copy (an HTTP date): a 304 while nothing "
        "changed since. Ignored when If-None-Match is sent.",
    },
    "AcceptLanguage": {
        "name": "Accept-Language",
        "in": "header",
        "required": False,
        "schema": {"type": "string"},
        "description": "Used when `locale` is not given: the best of en, fr, nl, else en.",
    },
}
PARAMETER = re.compile(r"\{[^}]*\}")
HTTP_DATE = r"^[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$"


def header(description: str, schema: dict) -> dict:
    return {"description": description, "required": True, "schema": schema}


RESPONSE_HEADERS = {
    "ETag": header(
        "Validator of this answer: send it as If-None-Match to revalidate.",
        {"type": "string", "pattern": '^"[0-9a-f]{32}"$'},
    ),
    "LastModified": header(
        "When what this answer shows last changed: send it as If-Modified-Since to "
        "revalidate (If-None-Match is exact to the byte, prefer it).",
        {"type": "string", "pattern": HTTP_DATE},
    ),
    "CacheControl": header(
        "`public, max-age=N`: N is at most FEED_MAX_AGE (300 s by default) and never runs past "
        "the next scheduled publish or expiry, nor past the next opening-hours change.",
        {"type": "string", "pattern": "^public, max-age=[0-9]+$"},
    ),
    "CacheControlRevalidate": header(
        "Caches must ask every time (they get a 304 while nothing changed), so a poller sees a "
        "change as soon as it is made.",
        {"type": "string", "const": "public, no-cache"},
    ),
    "CacheControlNoStore": header(
        "Never stored: a shared cache or its logs must not keep what a person searched for.",
        {"type": "string", "const": "no-store"},
    ),
    "CacheControlUnlessSearched": header(
        "As CacheControl, but `no-store` when `search` is given (a shared cache or its logs "
        "must not keep what a person searched for).",
        {"type": "string", "pattern": "^(public, max-age=[0-9]+|no-store)$"},
    ),
    "CacheControlProblem": header(
        "A shared cache may keep a problem a few seconds only: an item missing now may soon "
        "be back.",
        {"type": "string", "const": f"public, max-age={PROBLEM_MAX_AGE}"},
    ),
    "ContentLanguage": header(
        "The language of the answer: `locale` if given, else the best match of Accept-Language "
        "(else en); a detail answers in its item's language.",
        {"type": "string", "enum": list(content_languages())},
    ),
    "Vary": header(
        "The answer depends on Accept-Language (and, for CORS, Origin).",
        {"type": "string", "pattern": "Accept-Language"},
    ),
}

# The header each component describes (several describe Cache-Control, one per policy).
HEADER_NAMES = {
    "ETag": "ETag",
    "LastModified": "Last-Modified",
    "CacheControl": "Cache-Control",
    "CacheControlRevalidate": "Cache-Control",
    "CacheControlNoStore": "Cache-Control",
    "CacheControlUnlessSearched": "Cache-Control",
    "CacheControlProblem": "Cache-Control",
    "ContentLanguage": "Content-Language",
    "Vary": "Vary",
}
CACHED = ("ETag", "LastModified", "CacheControl", "Vary", "ContentLanguage")
REVALIDATED = ("ETag", "LastModified", "CacheControlRevalidate", "Vary", "ContentLanguage")
UNCACHED = ("CacheControlNoStore", "Vary", "ContentLanguage")
SEARCHABLE = ("ETag", "LastModified", "CacheControlUnlessSearched", "Vary", "ContentLanguage")

RESPONSE_DESCRIPTIONS = {
    "200": "OK.",
    "304": "Not modified since the validators you sent: your copy is current. No body.",
    "400": "A parameter is not valid: `invalid_params` names each one and why.",
    "404": "Nothing has this id or path.",
    "410": "Removed (unpublished or deleted): remove it from your copy.",
}


def headers(*components: str) -> dict:
    """A response's `headers`, referring to the components."""
    return {HEADER_NAMES[c]: {"$ref": f"#/components/headers/{c}"} for c in components}


def caching(view) -> tuple[tuple[str, ...], bool] | None:
    """The headers of a view's answers, and whether it takes conditional requests."""
    if issubclass(view, SearchBaseView):
        return UNCACHED, False
    if issubclass(view, FeedView):
        if view.always_revalidate:
            return REVALIDATED, True
        return (SEARCHABLE if "search" in view.allowed_params else CACHED), True
    return None


# Parameters that feed/base.py declares for every endpoint.
SHARED_PARAMETERS = {
    ("locale", "query"): "The language of the answer (en, fr, nl); else Accept-Language decides.",
    ("id", "path"): "The item's id: `id` of a list's item, or the end of its `api_url`. The "
    "answer is in the item's language, whatever `locale` asks.",
}


def describe_http(operation: dict, names_of_headers: tuple[str, ...], conditional: bool) -> None:
    """Request headers, response headers and descriptions of one operation."""
    for parameter in operation.get("parameters", []):
        key = (parameter.get("name"), parameter.get("in"))
        if key in SHARED_PARAMETERS and not parameter.get("description"):
            parameter["description"] = SHARED_PARAMETERS[key]
    names = ["AcceptLanguage", *(["IfNoneMatch", "IfModifiedSince"] if conditional else [])]
    operation.setdefault("parameters", []).extend(
        {"$ref": f"#/components/parameters/{name}"} for name in names
    )
    for status, response in operation["responses"].items():
        if status == "304" or not response.get("description"):  # 304: not "No response body"
            response["description"] = RESPONSE_DESCRIPTIONS.get(status, "")
        if status in ("200", "304"):
            response["headers"] = headers(*names_of_headers)
        elif status.startswith("4"):
            response["headers"] = headers("CacheControlProblem")


def problem(description: str) -> dict:
    return {
        "description": description,
        "headers": headers("CacheControlProblem"),
        "content": {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def atom_path() -> dict:
    """/api/v1/changes/{locale}.atom, served by feed/atom.py."""
    return {
        "get": {
            "operationId": "get_changes_atom",
            "summary": "Latest changes of one language, as Atom",
            "description": "The latest 50 changes of one language as an Atom 1.0 feed, for "
            "partners without developers (feed readers). Each entry links to the public page "
            "(or, once removed, to the item's API URL) and shows only what the public site "
            "shows.",
            "tags": ["changes"],
            "parameters": [
                {
                    "name": "locale",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "enum": list(content_languages())},
                    "description": "The language of the feed.",
                }
            ],
            "responses": {
                "200": {
                    "description": "An Atom feed.",
                    "headers": {
                        "Last-Modified": {
                            **RESPONSE_HEADERS["LastModified"],
                            "description": "When the latest entry changed.",
                        }
                    },
                    "content": {"application/atom+xml": {"schema": {"type": "string"}}},
                },
                "404": problem("No feed for this language."),
            },
        }
    }


def head_of(get: dict) -> dict:
    """The HEAD twin of a GET: the same answers' status and headers, no body."""
    head = copy.deepcopy(get)
    head["operationId"] = f"head_{get['operationId']}"
    head["summary"] = f"{get['summary']} (headers only)"
    head["description"] = "The GET's answer without its body: its status and headers."
    if "ETag" in get["responses"]["200"].get("headers", {}):
        head["description"] += " A cheap way to revalidate (If-None-Match, If-Modified-Since)."
    for response in head["responses"].values():
        response.pop("content", None)
    return head


def info_from_settings() -> dict:
    """Licence and contact as the operator set them; absent until then, never invented."""
    info = {}
    if settings.FEED_LICENCE_NAME:
        licence = {"name": settings.FEED_LICENCE_NAME}
        if settings.FEED_LICENCE_URL:
            licence["url"] = settings.FEED_LICENCE_URL
        info["license"] = licence
    contact = {
        key: value
        for key, value in (
            ("name", settings.FEED_CONTACT_NAME),
            ("url", settings.FEED_CONTACT_URL),
            ("email", settings.FEED_CONTACT_EMAIL),
        )
        if value
    }
    if contact:
        info["contact"] = contact
    return info


def servers() -> list[dict]:
    if settings.FEED_PUBLIC_URL:
        return [{"url": settings.FEED_PUBLIC_URL.rstrip("/"), "description": "This deployment."}]
    return [{"url": "/", "description": "The site that serves this document."}]


def complete_the_document(result, generator, request, public):
    """drf-spectacular postprocessing hook (after its enum hook): see the module's docstring."""
    # The document names path parameters its own way ({pk} is {id}): match paths without them.
    views = {
        (PARAMETER.sub("{}", path), method.lower()): callback.cls
        for path, _, method, callback in generator.endpoints
    }
    paths = result["paths"]
    for path, item in paths.items():
        for method, operation in item.items():
            described = caching(views[(PARAMETER.sub("{}", path), method)])
            if described:
                describe_http(operation, *described)
    paths["/api/v1/changes/{locale}.atom"] = atom_path()
    for item in paths.values():
        if "get" in item:
            item["head"] = head_of(item["get"])
    result["paths"] = dict(sorted(paths.items()))

    used = {tag for item in paths.values() for op in item.values() for tag in op["tags"]}
    result["tags"] = [{"name": n, "description": d} for n, d in TAGS if n in used]
    result["servers"] = servers()
    # Explicitly none, for the whole document: anonymous, as FeedSchema.get_auth says for each.
    result["security"] = []
    result["info"].update(info_from_settings())
    components = result.setdefault("components", {})
    components["parameters"] = REQUEST_HEADERS
    components["headers"] = RESPONSE_HEADERS
    return result
