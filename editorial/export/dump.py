"""Writing the content to one JSON document with Django's serializers, primary keys kept."""

import datetime
import json

from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.python import Serializer as PythonSerializer
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from editorial.export.spec import FORMAT, PARTS, VERSION, natural_key_models


class ContentSerializer(PythonSerializer):
    """Django's Python serializer, with every reference written as the primary key it is, except
    references to rows outside the content (content types, users, groups): those are natural
    keys. A log entry may name a user deleted since (Wagtail keeps no constraint there): that
    user is written as null."""

    def handle_fk_field(self, obj, field):
        if field.related_model not in natural_key_models():
            self._current[field.name] = self._value_from_field(obj, field)
            return
        try:
            related = getattr(obj, field.name)
        except ObjectDoesNotExist:
            related = None
        self._current[field.name] = list(related.natural_key()) if related else None

    def handle_m2m_field(self, obj, field):
        if not field.remote_field.through._meta.auto_created:
            return  # an explicit "through" model is exported as a model of its own
        related = getattr(obj, field.name).all()
        if field.related_model in natural_key_models():
            values = sorted(list(item.natural_key()) for item in related)
        else:
            values = sorted(item.pk for item in related)
        self._current[field.name] = values


class ContentEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder keeps milliseconds only; an import must restore times to the
    microsecond, so that nothing (the change log's timestamps, revision dates) moves."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time) and not timezone.is_aware(o):
            return o.isoformat()
        return super().default(o)


def encode(value) -> str:
    return json.dumps(value, cls=ContentEncoder, ensure_ascii=False)


def serialize_part(part) -> list[dict]:
    model = part.model
    fields = model._meta.local_fields
    natural = [f.name for f in fields if f.is_relation and f.related_model in natural_key_models()]
    many = [f.name for f in model._meta.local_many_to_many]
    rows = part.rows().order_by("pk").select_related(*natural).prefetch_related(*many)
    return ContentSerializer().serialize(rows)


def applied_migrations() -> dict[str, str]:
    """The last migration applied in each app that holds content: tells what schema a file was
    written with."""
    app_labels = sorted({part.model._meta.app_label for part in PARTS})
    applied = MigrationRecorder(connection).applied_migrations()
    return {app: max((n for a, n in applied if a == app), default="") for app in app_labels}


def export_content() -> dict:
    """The whole content as one document: a header, then every object in dependency order and,
    within a model, by primary key. Two exports of an unchanged database differ only in
    `exported_at`. Read in one transaction, so the document is one consistent state."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            # One snapshot for every query, whatever editors save meanwhile.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        objects, counts = [], {}
        for part in PARTS:
            serialized = serialize_part(part)
            counts[part.key] = len(serialized)
            objects.extend(serialized)
        migrations = applied_migrations()
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().replace(microsecond=0),
        "migrations": migrations,
        "counts": counts,
        "objects": objects,
    }


def dumps_document(document: dict) -> str:
    """The header on the first line, then one object per line: readable, and a change shows as
    a change of that line in a diff."""
    header = {key: value for key, value in document.items() if key != "objects"}
    lines = [encode(obj) for obj in document["objects"]]
    return encode(header)[:-1] + ', "objects": [\n' + ",\n".join(lines) + "\n]}\n"
