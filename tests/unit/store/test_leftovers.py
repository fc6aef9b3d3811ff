"""Temporary files of killed runs are removed at the next start, and only those."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from cchc_desktop.services.startup import open_or_create
from cchc_desktop.store.leftovers import partial_path, remove_leftovers


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_partial_names_carry_the_writing_process(tmp_path: Path) -> None:
    target = tmp_path / "backups" / "cchc-20261205-101010-manual.db"
    assert partial_path(target).name == f".cchc-20261205-101010-manual.db.{os.getpid()}.part"
    assert partial_path(target).parent == target.parent


def test_a_killed_runs_files_go_and_a_running_ones_stay(tmp_path: Path) -> None:
    pid = dead_pid()
    (tmp_path / "backups").mkdir()
    (tmp_path / "inbox").mkdir()
    dead = [
        tmp_path / f".cchc.db.{pid}.part",  # a restore's checked copy
        tmp_path / f".cchc-restore-{pid}.tmp",  # the same, named by an earlier version
        tmp_path / "backups" / f".cchc-20261205-101010-daily.db.{pid}.part",
        tmp_path / "inbox" / f".xa-a.hcb.{pid}.part",
    ]
    alive = [
        tmp_path / f".cchc.db.{os.getppid()}.part",  # its writer still runs
        tmp_path / "backups" / "cchc-20261205-101010-daily.db",  # a real backup
        tmp_path / "backups" / ".cchc-20261205-101010-daily.db.part",  # pid-less but fresh
        tmp_path / "cchc.db",
    ]
    for path in dead + alive:
        path.write_bytes(b"x" * 10)
    old = tmp_path / "backups" / ".cchc-20200101-101010-daily.db.part"
    old.write_bytes(b"x")
    day_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (day_ago, day_ago))

    removed = remove_leftovers(tmp_path)
    assert sorted(removed) == sorted([*dead, old])
    assert all(p.exists() for p in alive)
    assert not any(p.exists() for p in dead)


KILLED_RESTORE = """
import os, sys
from pathlib import Path
from cchc_desktop.services import backup_service
real_check = backup_service.check_backup
def check_then_die(path):
    real_check(path)
    os._exit(9)  # killed after the restore wrote its checked copy
backup_service.check_backup = check_then_die
backup_service.restore_backup(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def test_a_restore_killed_midway_leaves_nothing_after_the_next_start(tmp_path: Path) -> None:
    from cchc_desktop.services import backup_service

    db_path = tmp_path / "cchc.db"
    db = open_or_create(db_path)
    info = backup_service.create_backup(db, db_path, "manual")
    db.conn.close()
    root = Path(__file__).resolve().parents[3]
    run = subprocess.run(
        [sys.executable, "-c", KILLED_RESTORE, str(db_path), str(info.path)],
        env={**os.environ, "PYTHONPATH": str(root)},
        timeout=60,
        check=False,
    )
    assert run.returncode == 9
    assert [p.name for p in tmp_path.glob(".*.part")], "the killed restore left its copy"
    assert (tmp_path / "cchc.db.job").exists(), "and its job marker"

    open_or_create(db_path).conn.close()  # the next start
    assert list(tmp_path.glob(".*.part")) == []
