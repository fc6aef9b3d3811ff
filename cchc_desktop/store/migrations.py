"""Schema migrations: the numbered SQL files of db/migrations, applied with sqlite-utils."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database, Migrations

from cchc_desktop import paths

MIGRATION_SET = "cchc"


def split_statements(script: str) -> list[str]:
    """Split an SQL script into statements, keeping trigger bodies whole.

    `executescript` would commit the surrounding transaction, so each statement runs on its own
    inside the migration's `db.atomic()` instead.
    """
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statement = pending.strip()
            if statement and not all(
                part.strip().startswith("--") or not part.strip() for part in statement.splitlines()
            ):
                statements.append(statement)
            pending = ""
    if pending.strip() and not all(
        not part.strip() or part.strip().startswith("--") for part in pending.splitlines()
    ):
        statements.append(pending.strip())
    return statements


def _sql_migration(path: Path) -> Callable[[Database], None]:
    def run(db: Database) -> None:
        for statement in split_statements(path.read_text(encoding="utf-8")):
            db.execute(statement)

    run.__name__ = path.stem
    return run


def migration_files(folder: Path | None = None) -> list[Path]:
    """The migration files in the order they apply (by their number)."""
    return sorted((folder or paths.migrations_dir()).glob("[0-9][0-9][0-9][0-9]_*.sql"))


def build_migrations(folder: Path | None = None) -> Migrations:
    migrations = Migrations(MIGRATION_SET)
    for path in migration_files(folder):
        migrations(name=path.stem)(_sql_migration(path))
    return migrations


def latest_version(folder: Path | None = None) -> str:
    files = migration_files(folder)
    return files[-1].stem if files else ""
