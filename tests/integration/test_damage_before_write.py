"""Damage anywhere in the file is noticed before a write, and the clerk is told what to restore.

And the rule for when that full check runs: after an unclean exit, after a foreign bundle came
in, otherwise weekly — not at every start.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cchc_desktop.services import backup_service, health_service
from cchc_desktop.services.health_service import Health, check_due
from cchc_desktop.services.startup import open_or_create

ROOT = Path(__file__).resolve().parents[2]
WHERE = ["--task", "2.5", "--unit", "Phòng Nội vụ", "--period", "Q1", "--year", "2020"]


def cli(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cchc_desktop", "--db", str(db_path), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


NOW = 1_800_000_000.0


@pytest.mark.parametrize(
    ("health", "expected"),
    [
        (Health(), health_service.NEVER_CHECKED),
        (Health(last_ok=NOW - 3600), None),
        (Health(last_ok=NOW - 6 * 24 * 3600), None),
        (Health(last_ok=NOW - 8 * 24 * 3600), health_service.WEEK_OLD),
        (Health(last_ok=NOW - 60, pending=health_service.FOREIGN_FILE), "vừa nhập dữ liệu"),
        (Health(last_ok=NOW - 60, window_pid=os.getpid()), None),  # that window is running
    ],
)
def test_when_a_check_is_due(health: Health, expected: str | None) -> None:
    reason = check_due(health, NOW, own_pid=-1)
    assert (reason is None) if expected is None else (reason is not None and expected in reason)


def test_a_window_that_died_makes_a_check_due() -> None:
    assert check_due(Health(last_ok=NOW - 60, window_pid=dead_pid()), NOW, own_pid=os.getpid()) == (
        health_service.UNCLEAN_EXIT
    )


def test_a_clean_exit_and_a_fresh_check_mean_no_check_at_the_next_start(tmp_path: Path) -> None:
    db_path = tmp_path / "cchc.db"
    open_or_create(db_path).conn.close()
    assert health_service.window_opened(db_path) == health_service.NEVER_CHECKED
    assert health_service.run_check(db_path) == []
    health_service.window_closed(db_path)
    assert health_service.window_opened(db_path) is None  # the next start: nothing to check
    health_service.foreign_file_came_in(db_path)
    assert health_service.due_reason(db_path) == health_service.FOREIGN_FILE


def test_a_check_cancelled_at_exit_stops_and_stays_due(tmp_path: Path) -> None:
    db_path = tmp_path / "cchc.db"
    open_or_create(db_path).conn.close()
    started = time.monotonic()
    assert health_service.run_check(db_path, cancelled=lambda: True) is None
    assert time.monotonic() - started < 0.5
    assert health_service.due_reason(db_path) == health_service.NEVER_CHECKED


def damage(path: Path, page: int) -> None:
    with path.open("r+b") as f:
        f.seek(4096 * page)
        f.write(os.urandom(4096))


def page_count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA page_count").fetchone()[0])


@pytest.mark.parametrize("where", ["middle", "last"])
def test_damage_in_the_middle_or_at_the_end_stops_a_write_and_names_the_backup(
    tmp_path: Path, where: str
) -> None:
    db_path = tmp_path / "cchc.db"
    db = open_or_create(db_path)
    good = backup_service.create_backup(db, db_path, "manual")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    assert health_service.run_check(db_path) == []
    health_service.foreign_file_came_in(db_path)  # e.g. a bundle came in since

    pages = page_count(db_path)
    damage(db_path, pages // 2 if where == "middle" else pages - 1)
    before = db_path.read_bytes()

    refused = cli(db_path, "progress", "set", *WHERE, "--status", "in_progress", "--percent", "5")
    assert refused.returncode == 1, refused.stdout
    assert "bị hỏng" in refused.stderr
    assert good.path.name in refused.stderr, "the message names the backup to restore"
    assert f"backup restore {good.path.name}" in refused.stderr
    assert db_path.read_bytes() == before, "nothing was written into the damaged file"


def test_after_a_window_died_one_check_is_enough(tmp_path: Path) -> None:
    db_path = tmp_path / "cchc.db"
    open_or_create(db_path).conn.close()
    record = health_service.Health(last_ok=time.time(), window_pid=dead_pid())
    health_service._save(db_path, record)
    assert health_service.due_reason(db_path) == health_service.UNCLEAN_EXIT
    assert health_service.run_check(db_path) == []
    assert health_service.due_reason(db_path) is None


def test_a_damaged_record_makes_a_check_due_instead_of_failing(tmp_path: Path) -> None:
    db_path = tmp_path / "cchc.db"
    open_or_create(db_path).conn.close()
    health_service.record_path(db_path).write_text("[1, 2]", encoding="utf-8")
    assert health_service.due_reason(db_path) == health_service.NEVER_CHECKED
