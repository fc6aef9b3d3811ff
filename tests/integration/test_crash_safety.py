"""Crash safety: kill -9 during a save, a plan import and a migration; disk full; restore.

Each crash test runs the real code in a subprocess, kills it (SIGKILL on Linux, TerminateProcess
on Windows) after a random delay inside the operation, then checks that `PRAGMA integrity_check`
is ok and that the data is exactly the state before or the state after, never a mix. The seed
of the random delays is printed so a failure can be replayed with CCHC_CRASH_SEED.

A kill of the process does not lose what the OS has cached, so this checks atomicity of each
transaction, not durability against a power cut (synchronous=FULL covers that, per SQLite).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop import cli
from cchc_desktop.errors import StoreError
from cchc_desktop.services import backup_service as bs
from cchc_desktop.services.plan_service import load_plan, plan_for_year, plan_to_json
from cchc_desktop.store import integrity
from cchc_desktop.store.changes import Edit, apply_local_edits
from cchc_desktop.store.db import connect, open_database
from cchc_desktop.store.evidence_files import file_in_folder

ROOT = Path(__file__).resolve().parents[2]
SEED_PLAN = ROOT / "resources" / "ke-hoach-cchc-2020-ngoc-lac.txt"
SEED = int(os.environ.get("CCHC_CRASH_SEED", random.randrange(1 << 30)))
KEYS = 12  # settings written together by one save

SAVE_LOOP = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from cchc_desktop.store.changes import Edit, apply_local_edits
    from cchc_desktop.store.db import open_database
    db = open_database(Path(sys.argv[1]))
    keys = int(sys.argv[2])
    row = db.execute("SELECT value FROM setting WHERE id = 'crash.k00'").fetchone()
    generation = json.loads(row[0]) if row else 0
    print("ready", flush=True)
    while True:
        generation += 1
        value = json.dumps(generation)
        apply_local_edits(
            db,
            [Edit("setting", f"crash.k{j:02d}", {"value": value}) for j in range(keys)],
            author="crash test",
        )
    """
)

MIGRATE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from cchc_desktop import paths
    from cchc_desktop.store.db import open_database
    paths.migrations_dir = lambda: Path(sys.argv[2])
    print("ready", flush=True)
    open_database(Path(sys.argv[1])).conn.close()
    print("done", flush=True)
    """
)

CRASH_MIGRATION = """\
CREATE TABLE crash_test (n INTEGER PRIMARY KEY, payload TEXT NOT NULL);
WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 200000)
INSERT INTO crash_test SELECT n, hex(randomblob(24)) FROM c;
CREATE INDEX crash_test_payload ON crash_test (payload);
"""
CRASH_ROWS = 200000


@pytest.fixture(scope="module")
def rng() -> random.Random:
    print(f"crash test seed: CCHC_CRASH_SEED={SEED}")
    return random.Random(SEED)


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def has_open(pid: int, path: Path) -> bool:
    """Whether process `pid` has `path` open (Linux /proc)."""
    folder = Path(f"/proc/{pid}/fd")
    try:
        for fd in folder.iterdir():
            with contextlib.suppress(OSError):
                if fd.readlink() == path:
                    return True
    except OSError:
        return False
    return False


CAN_SEE_OPEN_FILES = Path(f"/proc/{os.getpid()}/fd").is_dir()


def run_and_kill(
    command: list[str],
    delay: float,
    *,
    wait_for_ready: bool = False,
    opens: Path | None = None,
    timeout: float = 60,
) -> tuple[bool, float]:
    """Run `command` and kill it `delay` seconds after its work starts.

    The work starts when the child prints "ready" (`wait_for_ready`), or, for the real command
    line which prints nothing first, when it opens the database file `opens` (seen in /proc on
    Linux; elsewhere the clock starts with the process). Returns whether it was killed (False:
    it had finished) and the seconds from that start until it was killed or finished.
    """
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
        text=True,
        encoding="utf-8",
    )
    started = time.perf_counter()
    try:
        if wait_for_ready:
            assert proc.stdout is not None
            # A child stuck before "ready" must fail the test, not hang the suite.
            watchdog = threading.Timer(timeout, proc.kill)
            watchdog.start()
            try:
                line = proc.stdout.readline()
            finally:
                watchdog.cancel()
            assert line.strip() == "ready", line + (proc.stderr.read() if proc.stderr else "")
            started = time.perf_counter()
        elif opens is not None and CAN_SEE_OPEN_FILES:
            target = opens.resolve()
            deadline = started + timeout
            while proc.poll() is None and not has_open(proc.pid, target):
                assert time.perf_counter() < deadline, f"{command} never opened {target}"
                time.sleep(0.002)
            started = time.perf_counter()
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()
            elapsed = time.perf_counter() - started
            proc.wait(timeout=timeout)
            return True, elapsed
        elapsed = time.perf_counter() - started
        _, err = proc.communicate(timeout=timeout)
        assert proc.returncode == 0, err
        return False, elapsed
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def assert_sound(db_path: Path) -> None:
    db = connect(db_path)
    try:
        assert integrity.integrity_check(db) == []
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.conn.close()


@contextlib.contextmanager
def opened(db_path: Path) -> Iterator[Any]:
    db = connect(db_path)
    try:
        yield db
    finally:
        db.conn.close()


# ---------------------------------------------------------------- a save


def test_kill_during_saves(tmp_path: Path, rng: random.Random) -> None:
    db_path = tmp_path / "cchc.db"
    open_database(db_path).conn.close()
    kills = 0
    for _ in range(6):
        killed, _ = run_and_kill(
            [sys.executable, "-c", SAVE_LOOP, str(db_path), str(KEYS)],
            rng.uniform(0.05, 0.6),
            wait_for_ready=True,
        )
        kills += killed
        assert_sound(db_path)
        with opened(db_path) as db:
            values = dict(
                db.execute("SELECT id, value FROM setting WHERE id LIKE 'crash.%'").fetchall()
            )
            assert len(values) in (0, KEYS)
            assert len(set(values.values())) <= 1, f"a save was half-written: {values}"
            # The row and its change-log entry are written in one transaction.
            logged = {
                row_id: json.loads(value)
                for row_id, value in db.execute(
                    "SELECT row_id, value FROM change_log AS c WHERE tbl = 'setting'"
                    " AND row_id LIKE 'crash.%' AND seq = (SELECT max(seq) FROM change_log AS d"
                    "   WHERE d.tbl = c.tbl AND d.row_id = c.row_id)"
                ).fetchall()
            }
            assert logged == values
    assert kills == 6, "the save loop never ends by itself"


# ---------------------------------------------------------------- a plan import


def plan_json(db_path: Path) -> Any:
    with opened(db_path) as db:
        return plan_to_json(load_plan(db, plan_for_year(db, 2020).id))


def test_kill_during_plan_import(tmp_path: Path, rng: random.Random) -> None:
    modified = tmp_path / "ke-hoach-sua.txt"
    modified.write_text(
        SEED_PLAN.read_text(encoding="utf-8").replace(
            "Báo cáo kết quả", "Báo cáo kết quả (bản sửa)"
        ),
        encoding="utf-8",
    )
    pristine = tmp_path / "pristine.db"
    cli = [sys.executable, "-m", "cchc_desktop"]
    subprocess.run(
        [*cli, "--db", str(pristine), "plan", "list"],
        env=child_env(),
        check=True,
        capture_output=True,
    )
    before = plan_json(pristine)
    reference = tmp_path / "after.db"
    shutil.copyfile(pristine, reference)
    import_command = [*cli, "--db", str(reference), "import-plan", str(modified), "--replace"]
    # From opening the database to exit: the window in which the import writes (the fastest of
    # two runs, so a cold first start does not stretch it).
    window = min(run_and_kill(import_command, 120, opens=reference)[1] for _ in range(2))
    after = plan_json(reference)
    assert before != after

    outcomes = []
    for i in range(6):
        db_path = tmp_path / f"run{i}.db"
        shutil.copyfile(pristine, db_path)
        killed, _ = run_and_kill(
            [*cli, "--db", str(db_path), "import-plan", str(modified), "--replace"],
            rng.uniform(0.0, 1.1) * window,
            opens=db_path,
        )
        assert_sound(db_path)
        state = plan_json(db_path)
        assert state in (before, after), "the import was half-applied"
        outcomes.append(
            ("killed" if killed else "finished", "after" if state == after else "before")
        )
        if state == before:  # importing again after the crash finishes the job
            run_and_kill(
                [*cli, "--db", str(db_path), "import-plan", str(modified), "--replace"], 120
            )
            assert plan_json(db_path) == after
    print("plan import outcomes:", outcomes)


# ---------------------------------------------------------------- a migration


def test_kill_during_migration(tmp_path: Path, rng: random.Random) -> None:
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    for sql in (ROOT / "db" / "migrations").glob("*.sql"):
        shutil.copy(sql, migrations / sql.name)
    (migrations / "9000_crash_test.sql").write_text(CRASH_MIGRATION, encoding="utf-8")
    pristine = tmp_path / "pristine.db"
    open_database(pristine).conn.close()
    timing = tmp_path / "timing"
    timing.mkdir()
    shutil.copyfile(pristine, timing / "cchc.db")
    killed, migration_time = run_and_kill(
        [sys.executable, "-c", MIGRATE, str(timing / "cchc.db"), str(migrations)],
        120,
        wait_for_ready=True,
    )
    assert not killed

    outcomes = []
    for i in range(5):
        folder = tmp_path / f"run{i}"
        folder.mkdir()
        db_path = folder / "cchc.db"
        shutil.copyfile(pristine, db_path)
        killed, _ = run_and_kill(
            [sys.executable, "-c", MIGRATE, str(db_path), str(migrations)],
            rng.uniform(0.05, 1.1) * migration_time,
            wait_for_ready=True,
        )
        assert_sound(db_path)
        with opened(db_path) as db:
            applied = db.execute(
                "SELECT count(*) FROM _sqlite_migrations WHERE name = '9000_crash_test'"
            ).fetchone()[0]
            has_table = db["crash_test"].exists()
            if applied:
                assert db.execute("SELECT count(*) FROM crash_test").fetchone()[0] == CRASH_ROWS
                assert "crash_test_payload" in {i.name for i in db["crash_test"].indexes}
            else:
                assert not has_table, "the migration left a table without its record"
        outcomes.append(("killed" if killed else "finished", "after" if applied else "before"))
    print("migration outcomes:", outcomes)


# ---------------------------------------------------------------- disk full


@contextlib.contextmanager
def tiny_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """A small tmpfs mounted at `folder` (root on Linux only), so writes really hit ENOSPC."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux; PRAGMA max_page_count covers the rest")
    folder.mkdir()
    mount = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mount.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mount.stderr!r}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True, capture_output=True)


def test_disk_full_on_a_real_file_system(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk", 1024) as disk:
        db_path = disk / "cchc.db"
        db = open_database(db_path)
        saved: list[int] = []

        def fill_the_disk() -> None:
            for generation in range(1, 100000):
                edits = [
                    Edit("setting", f"fill.{generation}.{j}", {"value": json.dumps("x" * 900)})
                    for j in range(8)
                ]
                with integrity.write_guard(db_path):
                    apply_local_edits(db, edits)
                saved.append(generation)

        with pytest.raises(StoreError, match=r"^Ổ đĩa đầy") as caught:
            fill_the_disk()
        assert saved
        assert isinstance(caught.value.__cause__, sqlite3.OperationalError | OSError)
        count = db.execute("SELECT count(*) FROM setting WHERE id LIKE 'fill.%'").fetchone()[0]
        assert count == len(saved) * 8, "the failed save left nothing behind"

        with pytest.raises(StoreError, match=r"^Ổ đĩa đầy"):
            bs.create_backup(db, db_path)
        assert [p.name for p in bs.backup_dir(db_path).iterdir()] == [], "no half backup"
        db.conn.close()
        assert_sound(db_path)


def fill_to(folder: Path, left_kb: int) -> None:
    """Fill the disk holding `folder` until only about `left_kb` KB are free."""
    free = shutil.disk_usage(folder).free
    with (folder / "filler.bin").open("wb") as out:
        out.write(b"\0" * max(0, free - left_kb * 1024))
        out.flush()
        os.fsync(out.fileno())


ENGLISH = ("No space", "disk I/O", "error", "Errno", "device")


@pytest.mark.parametrize("left_kb", [8, 48])
def test_a_nearly_full_disk_says_so_in_vietnamese_whatever_is_left(
    tmp_path: Path, left_kb: int
) -> None:
    with tiny_disk(tmp_path / "disk", 4096) as disk:
        db_path = disk / "cchc.db"
        cmd = [sys.executable, "-m", "cchc_desktop", "--db", str(db_path)]
        where = ["--task", "2.5", "--unit", "Phòng Nội vụ", "--period", "Q1", "--year", "2020"]
        ok = subprocess.run([*cmd, "plan", "list"], capture_output=True, env=child_env())
        assert ok.returncode == 0, ok.stderr.decode()
        fill_to(disk, left_kb)
        outputs = []
        for args in (
            ["progress", "set", *where, "--status", "in_progress", "--note", "x" * 60000],
            ["report", "plan", "--year", "2020", "--out", str(disk / "kehoach.pdf")],
            ["backup", "create"],
        ):
            run = subprocess.run(
                [*cmd, *args], capture_output=True, text=True, encoding="utf-8", env=child_env()
            )
            assert run.returncode == 1, (args, run.stdout, run.stderr)
            outputs.append(run.stderr)
            assert "ổ đĩa đầy" in run.stderr.lower(), (args, run.stderr)
            assert not [w for w in ENGLISH if w in run.stderr], (args, run.stderr)
        (disk / "filler.bin").unlink()
        assert_sound(db_path)
        progress = subprocess.run(
            [*cmd, "progress", "list", "--year", "2020", "--json"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=child_env(),
        )
        assert "x" * 60000 not in progress.stdout, "the refused save changed nothing"


# ---------------------------------------------------------------- read-only media


def test_a_data_folder_on_read_only_media_can_be_read_and_shown(tmp_path: Path) -> None:
    """A portable install on a CD or a write-protected stick: reading, printing and the window
    work; a write is refused in Vietnamese; logs go to a writable folder."""
    with tiny_disk(tmp_path / "cd", 8192) as cd:
        env = {**child_env(), "CCHC_DATA_DIR": str(cd), "QT_QPA_PLATFORM": "offscreen"}
        cmd = [sys.executable, "-m", "cchc_desktop"]

        def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [*cmd, *args],
                capture_output=True,
                text=True,
                encoding="utf-8",
                env={**env, **extra},
                timeout=120,
            )

        assert run("plan", "list").returncode == 0  # the office's data, written once
        shutil.rmtree(cd / "logs", ignore_errors=True)
        subprocess.run(["mount", "-o", "remount,ro", str(cd)], check=True)
        before = hashlib.sha256((cd / "cchc.db").read_bytes()).hexdigest()

        assert "37 nhiệm vụ" in run("plan", "list").stdout
        shown = run("plan", "show", "--year", "2020", "--json")
        assert shown.returncode == 0, shown.stderr
        out = tmp_path / "kehoach.pdf"
        printed = run("report", "plan", "--year", "2020", "--out", str(out))
        assert printed.returncode == 0, printed.stderr
        assert out.read_bytes().startswith(b"%PDF")
        exported = run("export", "xlsx", "--year", "2020", "--out", str(tmp_path / "kh.xlsx"))
        assert exported.returncode == 0, exported.stderr

        where = ["--task", "2.5", "--unit", "Phòng Nội vụ", "--period", "Q1", "--year", "2020"]
        refused = run("progress", "set", *where, "--status", "in_progress")
        assert refused.returncode == 1
        assert "chỉ cho đọc" in refused.stderr
        assert not [w for w in ENGLISH if w in refused.stderr], refused.stderr

        window = run(**{"CCHC_QUIT_AFTER_FIRST_PAINT": "1", "TMPDIR": str(tmp_path)})
        assert window.returncode == 0, window.stderr
        assert (tmp_path / "CCHC Desktop" / "logs" / "cchc-desktop.log").exists()
        assert hashlib.sha256((cd / "cchc.db").read_bytes()).hexdigest() == before


# ---------------------------------------------------------------- restore via the command line


def test_backup_and_restore_round_trip_through_the_command_line(tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "cchc.db"
    cli = [sys.executable, "-m", "cchc_desktop", "--db", str(db_path)]
    env = child_env()

    def run(*args: str) -> str:
        proc = subprocess.run(
            [*cli, *args], env=env, capture_output=True, text=True, encoding="utf-8", check=False
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    run("plan", "list")
    evidence = b"%PDF-1.4 bien ban kiem tra"
    with opened(db_path) as db:
        sha = hashlib.sha256(evidence).hexdigest()
        path = file_in_folder(db_path.parent, sha)
        path.parent.mkdir(parents=True)
        path.write_bytes(evidence)
        db.execute("INSERT INTO blob (sha256, size) VALUES (?, ?)", [sha, len(evidence)])
        db.conn.commit()
    run("backup", "create")
    before = plan_json(db_path)
    run(
        "progress",
        "set",
        "--task",
        "1.1",
        "--unit",
        "Phòng Tư pháp",
        "--period",
        "Q1",
        "--year",
        "2020",
        "--percent",
        "50",
    )
    listed = json.loads(run("backup", "list", "--json"))
    assert [e["reason"] for e in listed] == ["thu-cong"]

    path.write_bytes(b"tampered")
    out = run("backup", "restore", Path(listed[0]["file"]).name, "--yes")
    assert f"1 tệp minh chứng bị hỏng (nội dung không khớp mã băm):\n  {sha}" in out
    assert plan_json(db_path) == before
    with opened(db_path) as db:
        assert db.execute("SELECT count(*) FROM progress").fetchone()[0] == 0
    assert_sound(db_path)
    reasons = sorted(b.reason for b in bs.list_backups(db_path))
    assert reasons == ["thu-cong", "truoc-phuc-hoi"]


# ---------------------------------------------------------------- a sync import


def cli_ok(*argv: str) -> str:
    """Run the command line in-process (setup steps); fail the test on a non-zero status."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(list(argv))
    assert status == 0, f"{argv}: {err.getvalue()}"
    return out.getvalue()


def synced_state(db_path: Path) -> dict[str, Any]:
    """What a sync import changes, without its wall-clock stamps: the business rows, the
    change log, the bundles processed and whether this PC has joined the network."""
    queries = {
        "log": "SELECT origin, seq, content_hash FROM change_log ORDER BY 1, 2",
        "bundles": "SELECT sha256, status, n_new FROM bundle_log ORDER BY 1",
        "joined": "SELECT network_id, unit_id FROM local_site",
    }
    for table in ("agency", "plan", "plan_node", "appendix", "task", "task_agency", "milestone"):
        queries[table] = f"SELECT * FROM {table} ORDER BY id"  # noqa: S608 - constant names
    with opened(db_path) as db:
        return {name: db.execute(sql).fetchall() for name, sql in queries.items()}


def test_kill_during_sync_import(tmp_path: Path, rng: random.Random) -> None:
    district = tmp_path / "huyen" / "cchc.db"
    commune = tmp_path / "xa" / "cchc.db"
    usb = tmp_path / "usb"
    request = tmp_path / "request.json"
    cli_ok("--db", str(district), "sync", "init-network", "--name", "Huyện Ngọc Lặc")
    cli_ok("--db", str(commune), "sync", "enrol-request", "--unit", "Xã Minh Sơn",
           "-o", str(request), "--pc-name", "PC-XA")  # fmt: skip
    cli_ok("--db", str(district), "sync", "enrol", str(request), "--yes")
    [bundle] = cli_ok("--db", str(district), "sync", "export", "--to", str(usb)).split()
    # The PC's signing key lives in the data folder beside the database: copy the whole folder.
    pristine = commune.parent
    before = synced_state(commune)

    reference = tmp_path / "reference" / "cchc.db"
    shutil.copytree(pristine, reference.parent)
    command = [sys.executable, "-m", "cchc_desktop", "sync", "import", bundle, "--yes", "--db"]
    _, window = run_and_kill([*command, str(reference)], 120, opens=reference)
    after = synced_state(reference)
    assert before != after

    outcomes = []
    for i in range(5):
        db_path = tmp_path / f"run{i}" / "cchc.db"
        shutil.copytree(pristine, db_path.parent)
        killed, _ = run_and_kill(
            [*command, str(db_path)], rng.uniform(0.0, 1.1) * window, opens=db_path
        )
        assert_sound(db_path)
        state = synced_state(db_path)
        assert state in (before, after), "the sync import was half-applied"
        outcomes.append(
            ("killed" if killed else "finished", "after" if state == after else "before")
        )
    print("sync import outcomes:", outcomes)
