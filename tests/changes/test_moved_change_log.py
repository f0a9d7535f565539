"""The change log moved from the cms app to its own: a database made before the move keeps its
table, its rows (the partners' sync cursors) and the permissions on it."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def manage(database: Path, *command: str) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    subprocess.run(
        [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, timeout=300,
        capture_output=True,
    )  # fmt: skip


def test_a_database_from_before_the_move_keeps_its_change_log(tmp_path):
    database = tmp_path / "db.sqlite3"
    manage(database, "migrate", "--noinput")
    with sqlite3.connect(database) as db:
        # Make it the database the cms app left: its migration applied, not the new app's, the
        # content type (and so the permissions) under cms, and rows in the log.
        db.execute("DELETE FROM django_migrations WHERE app = 'changes'")
        for table in ("changes_publicdocument", "changes_counter"):  # came after the move
            db.execute(f"DROP TABLE {table}")
        db.execute(
            "INSERT INTO django_migrations (app, name, applied) "
            "VALUES ('cms', '0001_change_log', '2026-11-28 07:44:00')"
        )
        db.execute("UPDATE django_content_type SET app_label = 'cms' WHERE model = 'changeevent'")
        db.execute(
            "INSERT INTO cms_changeevent (id, occurred_at, action, object_type, object_id, "
            "locale, translation_key, identifier) VALUES (41, '2026-11-30 10:00:00', "
            "'published', 'section', 7, 'en', '0b7c3a5e6a534c1e9c394f0f2f0a8d21', 'A.3')"
        )
        permissions_before = db.execute(
            "SELECT count(*) FROM auth_permission p JOIN django_content_type t "
            "ON p.content_type_id = t.id WHERE t.model = 'changeevent'"
        ).fetchone()

    manage(database, "migrate", "--noinput")

    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT id, identifier FROM cms_changeevent").fetchall()
        labels = db.execute(
            "SELECT app_label FROM django_content_type WHERE model = 'changeevent'"
        ).fetchall()
        permissions_after = db.execute(
            "SELECT count(*) FROM auth_permission p JOIN django_content_type t "
            "ON p.content_type_id = t.id WHERE t.app_label = 'changes' AND t.model = 'changeevent'"
        ).fetchone()
    assert rows == [(41, "A.3")]
    assert labels == [("changes",)]
    assert permissions_after == permissions_before != (0,)
