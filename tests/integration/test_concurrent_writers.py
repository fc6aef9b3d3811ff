"""Two programs writing one database at once: the second waits for the first, nothing is lost.

Real processes: the command line as a clerk runs it while another program holds the write lock,
and two tight loops of saves through the product's own write path.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from cchc_desktop.store.db import open_database

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cchc_desktop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


HOLD_WRITE_LOCK = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE setting SET value = value WHERE 0")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.execute("COMMIT")
    """
)

SAVE_LOOP = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from cchc_desktop.store.changes import Edit, apply_local_edits
    from cchc_desktop.store.db import open_database
    db = open_database(Path(sys.argv[1]))
    name, count = sys.argv[2], int(sys.argv[3])
    for i in range(count):
        # Read first, then write: a deferred transaction cannot wait for the lock here.
        db.execute("SELECT count(*) FROM setting").fetchone()
        apply_local_edits(db, [Edit("setting", f"{name}.{i}", {"value": json.dumps(i)})])
    print("done", flush=True)
    """
)


def test_progress_set_waits_for_another_writer_and_succeeds(tmp_path: Path) -> None:
    db_path = tmp_path / "cchc.db"
    where = ["--task", "2.5", "--unit", "Phòng Nội vụ", "--period", "Q1", "--year", "2020"]
    first = cli("progress", "set", *where, "--status", "in_progress", "--percent", "10", db=db_path)
    assert first.returncode == 0, first.stderr

    with subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE_LOCK, str(db_path), "3"],
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        second = cli(
            "progress", "set", *where, "--status", "in_progress", "--percent", "60", db=db_path
        )
        waited = time.monotonic() - started
    assert second.returncode == 0, second.stderr
    assert waited > 1.5, "the command waited for the other writer instead of giving up"
    with sqlite3.connect(db_path) as conn:
        percents = [r[0] for r in conn.execute("SELECT percent FROM progress")]
    assert percents == [60]


def test_two_write_loops_lose_nothing(tmp_path: Path) -> None:
    db_path = tmp_path / "cchc.db"
    open_database(db_path).conn.close()
    count = 150
    loops = [
        subprocess.Popen(
            [sys.executable, "-c", SAVE_LOOP, str(db_path), name, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for name in ("a", "b")
    ]
    outputs = [loop.communicate(timeout=300) for loop in loops]
    for loop, (out, err) in zip(loops, outputs, strict=True):
        assert loop.returncode == 0, err
        assert out.strip() == "done"
    with sqlite3.connect(db_path) as conn:
        stored = conn.execute(
            "SELECT count(*) FROM setting WHERE id LIKE 'a.%' OR id LIKE 'b.%'"
        ).fetchone()[0]
        logged = conn.execute(
            "SELECT count(DISTINCT row_id) FROM change_log"
            " WHERE row_id LIKE 'a.%' OR row_id LIKE 'b.%'"
        ).fetchone()[0]
    assert stored == 2 * count
    assert logged == 2 * count
