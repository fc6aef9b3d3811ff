"""Opening the office's database: create it on first use and fill it with the embedded plan."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from cchc_desktop import paths
from cchc_desktop.services import health_service
from cchc_desktop.store import integrity
from cchc_desktop.store.db import connect, is_new_database, open_database, refuse_folder
from cchc_desktop.store.leftovers import remove_leftovers

if TYPE_CHECKING:
    from cchc_desktop.services.plan_service import ImportResult

log = logging.getLogger(__name__)

SEED_PLAN_FILE = "ke-hoach-cchc-2020-ngoc-lac.txt"


def seed_plan_path() -> Path:
    return paths.resource_path(SEED_PLAN_FILE)


def import_seed_plan(db: Database) -> ImportResult:
    """Store the embedded default plan (the 2020 Ngọc Lặc district plan shipped in resources/)."""
    # Imported here: only a new database needs the importer, and the window starts faster
    # without it (and the deadline parser it pulls in).
    from cchc_desktop.importer.plan_text import parse_plan_text
    from cchc_desktop.services.plan_service import import_plan

    data = seed_plan_path().read_bytes()
    parsed = parse_plan_text(data.decode("utf-8"), source_name=SEED_PLAN_FILE)
    return import_plan(
        db,
        parsed,
        source_name=SEED_PLAN_FILE,
        source_sha256=hashlib.sha256(data).hexdigest(),
        author="Cài đặt",
    )


def open_or_create(path: Path, *, seed: bool = True, role: str = "district") -> Database:
    """Open the database at `path`; a new one gets the embedded plan unless `seed` is False."""
    new = is_new_database(path)
    remove_leftovers(path.parent)
    db = open_database(path, role=role)
    if new and seed:
        result = import_seed_plan(db)
        log.info("New database %s filled with the embedded plan (%d tasks)", path, result.tasks)
    return db


def open_for_command(path: Path, *, seed: bool = True, role: str = "district") -> Database:
    """The command line's opening: like `open_or_create`, but a database this user cannot write
    (a CD, a read-only share) is opened read-only, as the window does, so that listing and
    printing work; a command that writes then fails with the read-only message and changes
    nothing.
    """
    refuse_folder(path)
    if path.exists() and path.stat().st_size > 0 and not integrity.is_writable(path):
        log.info("Opening %s read-only: the file or its folder cannot be written", path)
        return integrity.open_read_only(path)
    db = open_or_create(path, seed=seed, role=role)
    health_service.guard_writes(db, path)
    return db


@contextmanager
def worker_connection(db_path: Path, *, read_only: bool = False) -> Iterator[Database]:
    """A connection of a worker thread's own (an sqlite3 connection belongs to one thread),
    closed when the block ends."""
    db = connect(db_path, read_only=read_only)
    try:
        yield db
    finally:
        db.conn.close()


def reopen(db_path: Path) -> Database:
    """Open the office's existing database again (after a restore replaced the file)."""
    return open_database(db_path)


def open_read_only(db_path: Path) -> Database:
    """Open a damaged database for reading only (the clerk chose to look, not write)."""
    return integrity.open_read_only(db_path)
