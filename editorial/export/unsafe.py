"""Rich text and addresses of an export that the site's rule (core/sanitise.py) does not allow:
such a file is refused, as the content loaders refuse such a content file, so that what is
imported is what the admin would have accepted. (The site and the feed clean what they output
anyway; this keeps the stored content honest.)"""

import json
from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Revision

from core.sanitise import STORED_ATTRIBUTES, html_problems, safe_url
from services.models import ContactChannel

WEB_KINDS = {ContactChannel.Kind.WEB, ContactChannel.Kind.CHAT}


def unsafe_content(entries) -> list[str]:
    """One line per disallowed value: the object, its field (and block), what is wrong."""
    problems = []
    # A page type's row holds only its own fields: its title is on the wagtailcore.page row.
    titles = {e.instance.pk: e.instance.title for e in entries if e.part.key == "wagtailcore.page"}
    for entry in entries:
        instance = entry.instance
        if isinstance(instance, Revision):
            content_type = ContentType.objects.get_for_id(instance.content_type_id)
            model, values = content_type.model_class(), instance.content or {}
            name = f"revision of {instance.object_str}"
        else:
            model, name = type(instance), str(instance) or titles.get(instance.pk, "")
            values = {f.name: f.value_from_object(instance) for f in model._meta.concrete_fields}
        where = f"{entry} {name!r}" if name else str(entry)
        problems += [f"{where}: {path}: {what}" for path, what in field_problems(model, values)]
    return problems


def field_problems(model, values: dict) -> Iterator[tuple[str, str]]:
    """(field path, problem) for the rich text, stream blocks and web addresses in `values`
    (a row's fields, or a revision's content with its child records)."""
    if model is None:
        return
    for field in model._meta.get_fields():
        if field.name not in values or not values[field.name]:
            continue
        value = values[field.name]
        if isinstance(field, RichTextField):
            yield from ((field.name, p) for p in html_problems(value, STORED_ATTRIBUTES))
        elif isinstance(field, StreamField):
            yield from block_problems(field.stream_block, stream_data(value), field.name)
        elif isinstance(field, models.URLField) and not safe_url(value):
            yield field.name, f"{value!r} is not a web address (http, https)"
        elif field.one_to_many and isinstance(value, list):  # a revision's child records
            for index, child in enumerate(value):
                for path, problem in field_problems(field.related_model, child):
                    yield f"{field.name}[{index}].{path}", problem
    if (
        model is ContactChannel
        and values.get("kind") in WEB_KINDS
        and not safe_url(values.get("value"))
    ):
        yield "value", f"{values.get('value')!r} is not a web address (http, https)"


def stream_data(value) -> list:
    """A StreamField's raw data, from a row (StreamValue) or a revision (JSON text or list)."""
    if isinstance(value, str):
        return json.loads(value)
    if hasattr(value, "raw_data"):
        return list(value.raw_data)
    return value


def block_problems(block, raw, path: str) -> Iterator[tuple[str, str]]:
    """Walk raw block data with its definition, as "body[2].text"."""
    if raw in (None, ""):
        return
    if isinstance(block, blocks.RichTextBlock):
        yield from ((path, p) for p in html_problems(raw, STORED_ATTRIBUTES))
    elif isinstance(block, blocks.URLBlock):
        if not safe_url(raw):
            yield path, f"{raw!r} is not a web address (http, https)"
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            yield from block_problems(child, raw.get(name), f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        for index, item in enumerate(raw):
            item = item.get("value") if isinstance(item, dict) and "value" in item else item
            yield from block_problems(block.child_block, item, f"{path}[{index}]")
    elif isinstance(block, blocks.StreamBlock) and isinstance(raw, list):
        for index, item in enumerate(raw):
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                yield from block_problems(child, item.get("value"), f"{path}[{index}]")
