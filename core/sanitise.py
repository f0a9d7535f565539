"""The one rule for HTML and links that reach a reader: what rich text may contain and which
addresses may be followed. Applied on output (site templates, feed representations), whatever
wrote the value (the admin, a loader, an import, a raw database write), and checked on input by
the loaders and the import, which refuse what the rule would have to remove. See
docs/decisions/0009-sanitising-with-nh3.md."""

from urllib.parse import urlsplit

import nh3
from bs4 import BeautifulSoup
from wagtail.rich_text import RichText, expand_db_html

# The rich-text features the models allow (bold, italic, link, ul, ol) as HTML, with the
# paragraphs and line breaks the editor writes.
RICH_TEXT_TAGS = frozenset({"p", "br", "b", "i", "ul", "ol", "li", "a"})
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
WEB_SCHEMES = frozenset({"http", "https"})
# Links leak no referrer, as the site's templates promise (docs/public-site.md).
LINK_REL = "noreferrer noopener"
# Elements removed with what they hold (the others lose their tags and keep their text).
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "noscript", "template", "textarea", "title"}
)
# Wagtail's stored rich text: internal links (<a linktype="page" id="3">) and block keys.
STORED_ATTRIBUTES = {"a": {"href", "linktype", "id"}, "*": {"data-block-key"}}
WRITTEN_ATTRIBUTES = {"a": {"href"}}


def safe_url(url, schemes=WEB_SCHEMES) -> str | None:
    """`url` if it is an absolute address in one of `schemes` (a web address by default),
    else None: a javascript:, data: or relative value is never output as a link."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or any(ord(ch) <= 0x20 or ord(ch) == 0x7F for ch in url):
        return None  # browsers skip control characters and spaces: "java\tscript:"
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in schemes:
        return None
    if parts.scheme.lower() in WEB_SCHEMES and not parts.netloc:
        return None
    return url


def clean_html(html: str) -> str:
    """Rendered rich text reduced to the allowed tags: links keep only an http(s), mailto: or
    tel: address (or a path on this site) and get `rel="noreferrer noopener"`; scripts, event
    handlers, styles, frames and images are removed."""
    return nh3.clean(
        html or "",
        tags=set(RICH_TEXT_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={"a": {"href"}},
        url_schemes=set(LINK_SCHEMES),
        link_rel=LINK_REL,
    )


def rich_text_html(value) -> str:
    """Stored rich text (Wagtail's format, a RichText or a string) as HTML a reader may get:
    links resolved, then cleaned."""
    source = value.source if isinstance(value, RichText) else (value or "")
    return clean_html(expand_db_html(str(source)))


def html_problems(html: str, attributes=WRITTEN_ATTRIBUTES) -> list[str]:
    """What in `html` the rule does not allow, in words (empty when it is all allowed):
    `attributes` per tag ("*": on every tag), written (content files) or stored (Wagtail)."""
    problems = []
    for tag in BeautifulSoup(html or "", "html.parser").find_all(True):
        if tag.name not in RICH_TEXT_TAGS:
            problems.append(
                f"HTML tag <{tag.name}> is not allowed (allowed: {sorted(RICH_TEXT_TAGS)})"
            )
            continue
        allowed = attributes.get(tag.name, set()) | attributes.get("*", set())
        if extra := sorted(set(tag.attrs) - allowed):
            problems.append(f"attributes {extra} on <{tag.name}> are not allowed")
        if tag.name == "a" and "linktype" not in tag.attrs:
            href = tag.get("href", "")
            if not safe_url(href, LINK_SCHEMES):
                problems.append(
                    f"link {href!r} must start with one of {sorted(f'{s}:' for s in LINK_SCHEMES)}"
                )
    return problems
