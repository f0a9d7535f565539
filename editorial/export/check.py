"""Checking an export before anything is written: JSON, format, version, known models, every
object deserialised, primary keys unique, every reference resolved, rich text and addresses
within the site's rule (unsafe.py)."""

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.serializers.python import Deserializer
from django.db import DEFAULT_DB_ALIAS, models

from core.content_files import ContentFileError
from editorial.export.dump import applied_migrations
from editorial.export.spec import (
    FORMAT,
    PARTS,
    PARTS_BY_KEY,
    VERSION,
    Part,
    content_type_ids,
    current_labels,
)
from editorial.export.unsafe import unsafe_content

MAX_PROBLEMS = 10
# Without these the public site and the admin have nothing to stand on: such a file is refused.
REQUIRED = {
    "wagtailcore.locale": "language",
    "wagtailcore.page": "page tree",
    "wagtailcore.site": "site",
}


@dataclass
class Entry:
    """One object of the file, deserialised."""

    index: int  # position in the file's "objects", from 1
    part: Part
    instance: models.Model
    m2m: dict[str, list]

    def __str__(self):
        return f"object #{self.index} ({self.part.key} pk={self.instance.pk!r})"


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
    current_labels(document)
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
    raise_problems(path, unsafe_content(entries))
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
