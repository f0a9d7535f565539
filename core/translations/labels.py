"""Labels editors understand for wagtail-localize content paths: "Summary", "Body › Paragraph 3",
"Body › Callout › Text", "Contact channel 2 › Label".

A path names a field, then (in a StreamField) block ids and StructBlock child names, or (in a
child relation) the child's translation key, as wagtail-localize's `get_segment_location_info`
reads them; the blocks are found by id in the instance's value, so that each can say which one
of its kind it is. Labels are the fields' verbose names and the blocks' `meta.label`, through
gettext."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.fields import StreamField

SEPARATOR = " › "


def segment_label(instance, path: str) -> str:
    """The label of the field or block at `path` of `instance`; the path itself when it names
    no field of the instance."""
    return SEPARATOR.join(field_labels(instance, path.split("."))) or path


def text(label) -> str:
    return capfirst(gettext(str(label)))


def numbered(label, index: int, count: int) -> str:
    """ "Paragraph 3" for the third of several paragraphs, "Callout" for the only one."""
    return f"{text(label)} {index + 1}" if count > 1 else text(label)


def field_labels(instance, parts: list[str]) -> list[str]:
    if not parts:
        return []
    try:
        field = instance._meta.get_field(parts[0])
    except FieldDoesNotExist:
        return []
    if isinstance(field, StreamField):
        value = field.value_from_object(instance)
        return [text(field.verbose_name), *block_labels(field.stream_block, value, parts[1:])]
    if isinstance(field, models.ManyToOneRel) and isinstance(field.remote_field, ParentalKey):
        children = list(getattr(instance, parts[0]).all())
        keys = [str(getattr(child, "translation_key", "")) for child in children]
        name = field.related_model._meta.verbose_name
        if len(parts) < 2 or parts[1] not in keys:
            return [text(name)]
        index = keys.index(parts[1])
        return [numbered(name, index, len(children)), *field_labels(children[index], parts[2:])]
    return [text(getattr(field, "verbose_name", field.name))]


def block_labels(block, value, parts: list[str]) -> list[str]:
    """Labels of the blocks that `parts` (ids and child names) lead to inside `value`."""
    if not parts or value is None:
        return []
    key, rest = parts[0], parts[1:]
    if isinstance(block, blocks.StructBlock):
        child = block.child_blocks.get(key)
        if child is None:
            return []
        return [text(child.label), *block_labels(child, value.get(key), rest)]
    if isinstance(block, blocks.StreamBlock):
        children = list(value)
        found = next((child for child in children if child.id == key), None)
        if found is None:
            return []
        same = [child for child in children if child.block_type == found.block_type]
        label = numbered(found.block.label, same.index(found), len(same))
        return [label, *block_labels(found.block, found.value, rest)]
    if isinstance(block, blocks.ListBlock):
        items = getattr(value, "bound_blocks", [])
        ids = [item.id for item in items]
        if key not in ids:
            return []
        index = ids.index(key)
        label = numbered(block.child_block.label or gettext("Item"), index, len(items))
        return [label, *block_labels(block.child_block, items[index].value, rest)]
    return []
