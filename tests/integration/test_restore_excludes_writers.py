"""A restore while other programs write: no write reported as saved is lost.

Real processes: a save loop through the product's own write path keeps writing while
`backup restore` runs on the command line. Every save the loop was told succeeded must be in
the restored database (made after the restore) or in the "trước phục hồi" safety copy (made
before it).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cchc_desktop.errors import StoreError
from cchc_desktop.services import backup_service
from cchc_desktop.store import maintenance
from cchc_desktop.store.changes import Edit, apply_local_edits
from cchc_desktop.store.db import open_database

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

# Saves setting rows one after another on one connection, as the window does; when a save is
# refused it opens the database again and retries, as a clerk would. Prints each saved number.
SAVE_LOOP = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from cchc_desktop.errors import StoreError
    from cchc_desktop.store.changes import Edit, apply_local_edits
    from cchc_desktop.store.db import open_database
    path, seconds = Path(sys.argv[1]), float(sys.argv[2])
    db = open_database(path)
    i, end = 0, time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            apply_local_edits(db, [Edit("setting", f"w.{i}", {"value": json.dumps(i)})])
        except StoreError as exc:
            print("refused", exc, flush=True)
            db.conn.close()
            db = open_database(path)
            continue
        print("saved", i, flush=True)
        i += 1
    """
)


def saved_rows(path: Path) -> set[int]:
    with sqlite3.connect(path) as conn:
        return {
            int(row[0][2:]) for row in conn.execute("SELECT id FROM setting WHERE id LIKE 'w.%'")
        }


def test_no_save_is_lost_while_a_restore_runs(tmp_path: Path) -> None:
    db_path = tmp_path / "cchc.db"
    db = open_database(db_path)
    info = backup_service.create_backup(db, db_path, "manual")
    db.conn.close()

    with subprocess.Popen(
        [sys.executable, "-c", SAVE_LOOP, str(db_path), "6"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=ENV,
    ) as writer:
        time.sleep(2.0)  # the loop is running and saving
        restore = subprocess.run(
            [
                sys.executable,
                "-m",
                "cchc_desktop",
                "--db",
                str(db_path),
                "backup",
                "restore",
                info.path.name,
                "--yes",
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            env=ENV,
        )
        out, err = writer.communicate(timeout=120)
    assert restore.returncode == 0, restore.stderr
    assert writer.returncode == 0, err
    reported = {int(line.split()[1]) for line in out.splitlines() if line.startswith("saved")}
    assert len(reported) > 10

    safety = [b for b in backup_service.list_backups(db_path) if b.path != info.path]
    assert len(safety) == 1, "the restore kept one copy of the data it replaced"
    kept = saved_rows(db_path) | saved_rows(safety[0].path)
    assert reported - kept == set(), "saves reported as done are in neither file"


def test_a_connection_opened_before_a_restore_refuses_to_write(tmp_path: Path) -> None:
    """The window of a sync import or a save opened before the restore: told, not lost."""
    db_path = tmp_path / "cchc.db"
    db = open_database(db_path)
    info = backup_service.create_backup(db, db_path, "manual")
    old = open_database(db_path)  # opened before the restore, written after it
    db.conn.close()

    subprocess.run(
        [
            sys.executable,
            "-m",
            "cchc_desktop",
            "--db",
            str(db_path),
            "backup",
            "restore",
            info.path.name,
            "--yes",
        ],
        check=True,
        capture_output=True,
        timeout=120,
        env=ENV,
    )
    with pytest.raises(StoreError, match="vừa được thay"):
        apply_local_edits(old, [Edit("setting", "w.1", {"value": json.dumps(1)})])
    old.conn.close()
    assert saved_rows(db_path) == set()


def test_a_write_waits_for_a_running_job_then_names_it(tmp_path: Path) -> None:
    db_path = tmp_path / "cchc.db"
    db = open_database(db_path)
    holder = textwrap.dedent(
        """
        import sys, time
        from pathlib import Path
        from cchc_desktop.store import maintenance
        with maintenance.exclusive_job(Path(sys.argv[1]), maintenance.RESTORE):
            print("holding", flush=True)
            time.sleep(float(sys.argv[2]))
        """
    )
    with subprocess.Popen(
        [sys.executable, "-c", holder, str(db_path), "30"],
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
    ) as job:
        assert job.stdout is not None
        assert job.stdout.readline().strip() == "holding"
        running = maintenance.running_job(db_path)
        assert running is not None
        assert running.pid == job.pid
        started = time.monotonic()
        with pytest.raises(StoreError, match="phục hồi bản sao lưu trên máy"):
            apply_local_edits(db, [Edit("setting", "w.1", {"value": json.dumps(1)})])
        assert time.monotonic() - started >= maintenance.WAIT_SECONDS - 0.5
        job.kill()
    assert saved_rows(db_path) == set()
    # The job's process died with its marker left behind: the next write goes ahead.
    assert maintenance.marker_path(db_path).exists()
    apply_local_edits(db, [Edit("setting", "w.2", {"value": json.dumps(2)})])
    assert saved_rows(db_path) == {2}
    db.conn.close()
