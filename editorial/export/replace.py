"""Replacing the content with a checked file's, inside the caller's transaction.

The replacement: rows the file does not have are deleted the ordinary way (Django's collector),
so what hangs on them outside the content (permissions on a page, workflow states, comments)
goes with them; every other content row is deleted raw and written again with the file's
values, primary keys included (`save_base(raw=True)`'s insert, without its signals), so the
rows outside the content that point to them (group permissions on the home pages, for
example) stay valid. No signal fires for the rows written: nothing is recorded in the change
log (it comes from the file) and nothing is reindexed one item at a time; the reference index
and both search indexes are rebuilt once instead."""

import io
from collections import defaultdict
from itertools import groupby

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, models, transaction
from django.db.models.fields import AutoFieldMixin

from core.content_files import ContentFileError
from editorial.export.check import Entry
from editorial.export.spec import (
    PARTS,
    PARTS_BY_KEY,
    Part,
)


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
