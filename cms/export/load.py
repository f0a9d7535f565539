"""Reading an export back. The whole file is checked before anything is written (JSON, format,
version, known models, every object deserialised, primary keys unique, every reference
resolved); then the content is replaced in one transaction, so an import that fails at any
point changes nothing.

The replacement: rows the file does not have are deleted the ordinary way (Django's collector),
so what hangs on them outside the content (permissions on a page, workflow states, comments)
goes with them; every other content row is deleted raw and written again with the file's
values, primary keys included (`save_base(raw=True)`'s insert, without its signals), so the
rows outside the content that point to them (group permissions on the home pages, for
example) stay valid. No signal fires for the rows written: nothing is recorded in the change
log (it comes from the file) and nothing is reindexed one item at a time; the reference index
and both search indexes are rebuilt once instead."""

import io
import json
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.python import Deserializer
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, models, transaction
from django.db.models.fields import AutoFieldMixin

from cms.export.dump import applied_migrations
from cms.export.spec import FORMAT, PARTS, PARTS_BY_KEY, VERSION, Part, content_type_ids
from cms.models import ChangeEvent

MAX_PROBLEMS = 10
# Without these the public site and the admin have nothing to stand on: such a file is refused.
REQUIRED = {
    "wagtailcore.locale": "language",
    "wagtailcore.page": "page tree",
    "wagtailcore.site": "site",
}


class ContentFileError(Exception):
    """The file cannot be imported; the database was not changed."""


@dataclass
class Entry:
    """One object of the file, deserialised."""

    index: int  # position in the file's "objects", from 1
    part: Part
    instance: models.Model
    m2m: dict[str, list]

    def __str__(self):
        return f"object #{self.index} ({self.part.key} pk={self.instance.pk!r})"


@dataclass
class ImportReport:
    counts: dict[str, int]
    warnings: list[str] = field(default_factory=list)
    search_counts: dict[str, int] | None = None


def import_content(path: Path) -> ImportReport:
    """Replace the content of the database with the file's. Raises ContentFileError, with the
    file, the object and the problem, and then nothing has changed."""
    document = read_document(path)
    warnings = schema_warnings(document)
    entries, mapping_warnings = deserialize(document, path)
    warnings += mapping_warnings
    last_cursor = ChangeEvent.objects.order_by("-id").values_list("id", flat=True).first()
    try:
        with transaction.atomic():
            replace_content(entries, document["counts"])
    except ContentFileError as exc:
        raise ContentFileError(f"{path}: {exc}") from exc
    except Exception as exc:  # an unforeseen database error: still nothing changed
        raise ContentFileError(f"{path}: the import failed and was undone: {exc}") from exc
    cache.clear()  # feed representations, site root paths, locale names
    report = ImportReport(counts=document["counts"], warnings=warnings)
    file_cursor = max(
        (e.instance.pk for e in entries if e.part.key == "cms.changeevent"), default=0
    )
    if last_cursor and last_cursor > file_cursor:
        report.warnings.append(
            f"the change log went up to {last_cursor}, the file's ends at {file_cursor}: "
            f"partners that synced past cursor {file_cursor} must sync again from the start"
        )
    report.search_counts = rebuild_search_index(report)
    return report


def read_document(path: Path) -> dict:
    """The parsed file, its header and the shape of every object checked."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentFileError(f"{path}: cannot be read: {exc}") from exc
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentFileError(
            f"{path}: not JSON ({exc.msg}, line {exc.lineno}, column {exc.colno})"
        ) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        found = document.get("format") if isinstance(document, dict) else type(document).__name__
        raise ContentFileError(
            f"{path}: not a content export (format {found!r}, expected {FORMAT!r})"
        )
    version = document.get("version")
    if version != VERSION or isinstance(version, bool):
        raise ContentFileError(
            f"{path}: version {version!r} cannot be imported (this version reads {VERSION})"
        )
    objects = document.get("objects")
    if not isinstance(objects, list):
        raise ContentFileError(f'{path}: "objects" must be a list')
    problems, found = [], defaultdict(int)
    for index, obj in enumerate(objects, start=1):
        if not (isinstance(obj, dict) and isinstance(obj.get("fields"), dict) and "pk" in obj):
            problems.append(f'object #{index}: not an object with "model", "pk" and "fields"')
            continue
        label = obj.get("model")
        if not isinstance(label, str) or label.lower() not in PARTS_BY_KEY:
            problems.append(f"object #{index}: model {label!r} is not part of the content")
            continue
        if obj["pk"] is None:
            problems.append(f"object #{index} ({label}): no primary key")
        found[label.lower()] += 1
    counts = document.get("counts")
    if isinstance(counts, dict):
        for key in sorted(set(counts) | set(found)):
            if counts.get(key, 0) != found.get(key, 0):
                problems.append(
                    f"counts say {counts.get(key, 0)} {key}, the file holds {found.get(key, 0)}"
                    " (truncated or edited?)"
                )
    else:
        problems.append('"counts" must be an object (written by export_content)')
    for key in REQUIRED:
        if not found.get(key):
            problems.append(f"no {key}: the site would have no {REQUIRED[key]}")
    raise_problems(path, problems)
    document["counts"] = {part.key: found.get(part.key, 0) for part in PARTS}
    return document


def raise_problems(path, problems: list[str]) -> None:
    if problems:
        shown = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown)
        if more:
            shown.append(f"... and {more} more")
        raise ContentFileError(f"{path}:\n" + "\n".join(f"  {p}" for p in shown))


def schema_warnings(document: dict) -> list[str]:
    written_with = document.get("migrations")
    if not isinstance(written_with, dict):
        return []
    current = applied_migrations()
    return [
        f"{app}: the file was written at migration {written_with.get(app)!r}, "
        f"this database is at {current[app]!r}"
        for app in current
        if written_with.get(app) != current[app]
    ]


def deserialize(document: dict, path: Path) -> tuple[list[Entry], list[str]]:
    """Every object as a model instance, checked: users and groups of another database that do
    not exist here are dropped (with a warning), everything else must resolve."""
    objects, warnings = map_users_and_groups(document["objects"])
    problems, entries, seen = [], [], {}
    for index, obj in enumerate(objects, start=1):
        part = PARTS_BY_KEY[obj["model"].lower()]
        try:
            (deserialized,) = Deserializer([obj], using=DEFAULT_DB_ALIAS)
        except Exception as exc:
            problems.append(f"object #{index} ({part.key} pk={obj['pk']!r}): {exc}")
            continue
        entry = Entry(index, part, deserialized.object, deserialized.m2m_data)
        if (part.key, entry.instance.pk) in seen:
            problems.append(
                f"{entry}: the same primary key as object #{seen[part.key, entry.instance.pk]}"
            )
        elif not part.holds(entry.instance):
            problems.append(f"{entry}: it is not about one of the content models")
        seen[part.key, entry.instance.pk] = index
        entries.append(entry)
    raise_problems(path, problems)
    raise_problems(path, reference_problems(entries) + clashes(entries))
    return entries, warnings


def map_users_and_groups(objects: list[dict]) -> tuple[list[dict], list[str]]:
    """Users and groups are not content: the file names them. A name unknown here becomes null
    (a user) or is left out (a group), as deleting that user or group would have done."""
    User = get_user_model()
    user_fields, group_fields = {}, {}
    for part in PARTS:
        meta = part.model._meta
        user_fields[part.key] = [f.name for f in meta.local_fields if f.related_model is User]
        group_fields[part.key] = [
            f.name for f in meta.local_many_to_many if f.related_model is Group
        ]
    names = {"users": set(), "groups": set()}
    for obj in objects:
        key = obj["model"].lower()
        for name in user_fields[key]:
            value = obj["fields"].get(name)
            if isinstance(value, list) and value and isinstance(value[0], str):
                names["users"].add(value[0])
        for name in group_fields[key]:
            values = obj["fields"].get(name)
            for value in values if isinstance(values, list) else []:
                if isinstance(value, list) and value and isinstance(value[0], str):
                    names["groups"].add(value[0])
    username = User.USERNAME_FIELD
    known_users = set(
        User._default_manager.filter(**{f"{username}__in": names["users"]}).values_list(
            username, flat=True
        )
    )
    known_groups = set(
        Group.objects.filter(name__in=names["groups"]).values_list("name", flat=True)
    )
    missing_users, missing_groups = names["users"] - known_users, names["groups"] - known_groups
    if not (missing_users or missing_groups):
        return objects, []
    mapped = []
    for obj in objects:
        key = obj["model"].lower()
        fields = dict(obj["fields"])
        for name in user_fields[key]:
            value = fields.get(name)
            if isinstance(value, list) and value and str(value[0]) in missing_users:
                fields[name] = None
        for name in group_fields[key]:
            if isinstance(fields.get(name), list):
                fields[name] = [
                    v
                    for v in fields[name]
                    if not (isinstance(v, list) and v and str(v[0]) in missing_groups)
                ]
        mapped.append({**obj, "fields": fields})
    warnings = []
    if missing_users:
        warnings.append(f"unknown users, left empty: {', '.join(sorted(missing_users))}")
    if missing_groups:
        warnings.append(f"unknown groups, left out: {', '.join(sorted(missing_groups))}")
    return mapped, warnings


def reference_problems(entries: list[Entry]) -> list[str]:
    """Every reference that the database will check resolves: to an object of the file for a
    content model, to an existing row otherwise."""
    pks = defaultdict(set)
    for entry in entries:
        pks[entry.part.key].add(entry.instance.pk)
    problems, outside = [], defaultdict(dict)
    for entry in entries:
        for f in type(entry.instance)._meta.local_concrete_fields:
            if not (f.is_relation and f.db_constraint and f.target_field.primary_key):
                continue
            value = getattr(entry.instance, f.attname)
            if value is None:
                continue
            target = f.related_model._meta.concrete_model
            key = target._meta.label_lower
            if key in PARTS_BY_KEY:
                if value not in pks[key]:
                    problems.append(f"{entry}: {f.name} refers to {key} {value!r}, not in the file")
            else:
                outside[target].setdefault(value, f"{entry}: {f.name} refers to {key} {value!r}")
    for target, refs in outside.items():
        existing = set(target._base_manager.filter(pk__in=list(refs)).values_list("pk", flat=True))
        problems += [
            f"{where}, which does not exist" for v, where in refs.items() if v not in existing
        ]
    return problems


def clashes(entries: list[Entry]) -> list[str]:
    """A part that holds only some rows of its table (revisions of the content, not of other
    models): a row of that table that is not content must not have a primary key of the file."""
    problems = []
    for part in PARTS:
        if not part.of_content_field:
            continue
        others = part.model._base_manager.exclude(
            **{f"{part.of_content_field}__in": content_type_ids()}
        )
        taken = set(others.values_list("pk", flat=True))
        problems += [
            f"{e}: that primary key is used here by a {part.key} that is not content"
            for e in entries
            if e.part is part and e.instance.pk in taken
        ]
    return problems


def replace_content(entries: list[Entry], counts: dict[str, int]) -> None:
    """Inside the caller's transaction: the database's content becomes the file's."""
    lock_content_tables()
    delete_stale(entries)
    clear_content()
    for key, run in groupby(entries, key=lambda e: e.part.key):
        insert(PARTS_BY_KEY[key], list(run))
    insert_many_to_many(entries)
    connection.check_constraints(table_names=tables_to_check())
    for part in PARTS:
        n = part.rows().count()
        if n != counts[part.key]:
            raise ContentFileError(
                f"after loading, {part.key} has {n} rows but the file has {counts[part.key]}"
            )
    reset_sequences()
    quiet = io.StringIO()
    call_command("rebuild_references_index", verbosity=0, stdout=quiet)
    call_command("update_index", verbosity=0, stdout=quiet, stderr=quiet)  # the admin's search
    # Deleting stale rows recorded changes (and queued their reindexing): the change log now
    # is the file's, and the public search index is rebuilt whole after the commit.
    from search.indexing import pending

    pending().clear()


def lock_content_tables() -> None:
    """PostgreSQL: other writers wait until the import is over (readers go on reading the old
    content until the commit), so nothing written meanwhile is lost or half-replaced. SQLite
    has one writer at a time anyway."""
    if connection.vendor != "postgresql":
        return
    tables = sorted({model._meta.db_table for model in content_and_through_models()})
    with connection.cursor() as cursor:
        names = ", ".join(connection.ops.quote_name(t) for t in tables)
        cursor.execute(f"LOCK TABLE {names} IN EXCLUSIVE MODE")


def content_and_through_models() -> list[type[models.Model]]:
    """The content models, and the tables of their many-to-many fields."""
    result = []
    for part in PARTS:
        result.append(part.model)
        result += [
            m2m.remote_field.through
            for m2m in part.model._meta.local_many_to_many
            if m2m.remote_field.through._meta.auto_created
        ]
    return result


def delete_stale(entries: list[Entry]) -> None:
    """Delete, children first, the content rows that the file does not have, with Django's
    collector: whatever points to them is deleted or emptied as their on_delete says."""
    in_file = defaultdict(set)
    for entry in entries:
        in_file[entry.part.key].add(entry.instance.pk)
    for part in reversed(PARTS):
        stale = sorted(set(part.rows().values_list("pk", flat=True)) - in_file[part.key])
        for start in range(0, len(stale), 500):
            part.model._base_manager.filter(pk__in=stale[start : start + 500]).delete()


def clear_content() -> None:
    """Delete every remaining content row without cascading (each comes back from the file with
    the same primary key; the database checks foreign keys at the end)."""
    for part in reversed(PARTS):
        for m2m in part.model._meta.local_many_to_many:
            through = m2m.remote_field.through
            if through._meta.auto_created:
                rows = through._base_manager.filter(**{f"{m2m.m2m_field_name()}__in": part.rows()})
                rows._raw_delete(rows.db)
        rows = part.rows()
        rows._raw_delete(rows.db)


def insert(part: Part, run: list[Entry]) -> None:
    """Write objects of one model as they are (what `save_base(raw=True)` inserts: the model's
    own table, every value as given), in batches; a failing batch is retried one object at a
    time to name the object the database refuses."""
    model = part.model
    fields = [f for f in model._meta.local_concrete_fields if not f.generated]
    size = max(1, min(500, connection.ops.bulk_batch_size(fields, run)))
    for start in range(0, len(run), size):
        batch = run[start : start + size]
        try:
            with transaction.atomic():
                model._base_manager._insert(
                    [e.instance for e in batch], fields=fields, using=DEFAULT_DB_ALIAS, raw=True
                )
        except DatabaseError as exc:
            if len(batch) == 1:
                raise ContentFileError(f"{batch[0]} could not be written: {exc}") from exc
            for entry in batch:
                insert(part, [entry])
            raise ContentFileError(
                f"{batch[0]} and the next ones could not be written: {exc}"
            ) from exc


def insert_many_to_many(entries: list[Entry]) -> None:
    for entry in entries:
        for name, values in entry.m2m.items():
            m2m = entry.instance._meta.get_field(name)
            through = m2m.remote_field.through
            source = through._meta.get_field(m2m.m2m_field_name()).attname
            target = through._meta.get_field(m2m.m2m_reverse_field_name()).attname
            through._base_manager.bulk_create(
                [through(**{source: entry.instance.pk, target: value}) for value in values]
            )


def tables_to_check() -> list[str]:
    """The content tables, and every table with a foreign key to one of them (SQLite checks the
    tables named; PostgreSQL checks every deferred constraint)."""
    content = {part.model for part in PARTS}
    tables = {model._meta.db_table for model in content}
    for model in apps.get_models(include_auto_created=True):
        for f in model._meta.local_fields:
            if f.is_relation and f.db_constraint and f.related_model in content:
                tables.add(model._meta.db_table)
    return sorted(tables)


def reset_sequences() -> None:
    """Make the next automatic ids follow the imported rows. On PostgreSQL a sequence never goes
    back, as SQLite's AUTOINCREMENT never does: an id (a change-log cursor, a page id that
    partners saw deleted) is never given to something else after a restore."""
    sequenced = [m for m in content_and_through_models() if isinstance(m._meta.pk, AutoFieldMixin)]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            for sql in connection.ops.sequence_reset_sql(no_style(), sequenced):
                cursor.execute(sql)
            return
        qn = connection.ops.quote_name
        for model in sequenced:
            table, column = model._meta.db_table, model._meta.pk.column
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [qn(table), column])
            (sequence,) = cursor.fetchone()
            if not sequence:
                continue
            cursor.execute(f"SELECT last_value, is_called FROM {sequence}")
            last_value, is_called = cursor.fetchone()
            cursor.execute(f"SELECT MAX({qn(column)}) FROM {qn(table)}")
            (highest,) = cursor.fetchone()
            following = max(last_value + 1 if is_called else last_value, (highest or 0) + 1)
            cursor.execute("SELECT setval(%s, %s, false)", [sequence, following])


def rebuild_search_index(report: ImportReport) -> dict[str, int] | None:
    """After the commit: the public search index from scratch. The content is imported either
    way; an engine that fails is reported, and `rebuild_search_index` repairs it later."""
    from search.indexing import rebuild

    try:
        return rebuild()
    except Exception as exc:
        report.warnings.append(
            f"the search index was not rebuilt ({exc}); run manage.py rebuild_search_index"
        )
        return None
