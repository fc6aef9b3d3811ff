"""Fault injection (sync.md §6): a failure at every statement of an import, kill -9 during an
import, and a USB stick failing during an export. The database is unchanged or complete, and
trying again completes it."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from sqlite_utils import Database

from cchc_desktop.errors import SyncError
from cchc_desktop.store import ids
from cchc_desktop.store.changes import Edit, apply_local_edits
from cchc_desktop.store.db import open_database
from cchc_desktop.sync import bundle as bundle_mod
from cchc_desktop.sync import export as export_mod
from cchc_desktop.sync.export import export_bundle
from cchc_desktop.sync.importer import import_bundle
from tests.unit.sync.netkit import APPENDIX, PLAN, TASKS, Net, progress_row, snapshot

REPO = Path(__file__).resolve().parents[3]


class _Fault:
    """Counts SQL statements and interrupts the k-th one (once)."""

    def __init__(self, k: int) -> None:
        self.k = k
        self.count = 0
        self.fired = False

    def trace(self, _sql: str) -> None:
        self.count += 1

    def progress(self) -> int:
        if self.count >= self.k and not self.fired:
            self.fired = True
            return 1
        return 0


def _open_copy(source: Path, folder: Path) -> Database:
    shutil.copytree(source, folder)
    return open_database(folder / "cchc.db")


def test_an_import_interrupted_at_any_statement_leaves_nothing_or_everything(
    net: Net, tmp_path: Path
) -> None:
    row = progress_row(net.a1, TASKS[0], percent=40, result="ok")
    apply_local_edits(net.a1.db, [Edit("progress", row, {"state": "in_progress"})])
    [bundle] = export_bundle(net.a1.db, net.usb, peer=net.district.site_id)
    pristine = tmp_path / "pristine"
    net.district.close()
    shutil.copytree(net.district.path.parent, pristine)
    net.district.reopen()
    before = snapshot(net.district.db)
    counter = _Fault(10**9)
    reference_db = _open_copy(pristine, tmp_path / "reference")
    reference_db.conn.set_trace_callback(counter.trace)
    import_bundle(reference_db, bundle)
    reference_db.conn.set_trace_callback(None)
    reference = snapshot(reference_db)
    reference_db.conn.close()
    total = counter.count
    assert total > 20
    outcomes = {"unchanged": 0, "complete": 0}
    for k in range(1, total + 1):
        db = _open_copy(pristine, tmp_path / f"k{k}")
        fault = _Fault(k)
        db.conn.set_trace_callback(fault.trace)
        db.conn.set_progress_handler(fault.progress, 1)
        try:
            import_bundle(db, bundle)
        except (sqlite3.Error, SyncError):
            pass
        finally:
            db.conn.set_trace_callback(None)
            db.conn.set_progress_handler(None, 1)
        state = snapshot(db)
        assert state in (before, reference), f"partial import after statement {k}"
        outcomes["complete" if state == reference else "unchanged"] += 1
        if state == before:
            # The "imported" marker exists only together with the data.
            assert state["bundles"] == before["bundles"]
            import_bundle(db, bundle)
            assert snapshot(db) == reference
        db.conn.close()
        shutil.rmtree(tmp_path / f"k{k}")
    assert outcomes["unchanged"] > 0


_IMPORT_SCRIPT = """
import sys
from pathlib import Path
from cchc_desktop.store.db import open_database
from cchc_desktop.sync.importer import import_bundle
db = open_database(Path(sys.argv[1]))
print("ready", flush=True)
import_bundle(db, Path(sys.argv[2]))
print("done", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_9_during_an_import_then_a_complete_reimport(net: Net, tmp_path: Path) -> None:
    edits = [
        Edit(
            "task",
            ids.task_id(PLAN, 1, f"x{n}"),
            {
                "plan_id": PLAN,
                "appendix_id": APPENDIX,
                "no": f"x{n}",
                "ord": 100 + n,
                "title": f"Nhiệm vụ bổ sung {n}",
                "note": "ghi chú " * 5,
            },
        )
        for n in range(2500)
    ]
    apply_local_edits(net.district.db, edits)
    [bundle] = export_bundle(net.district.db, net.usb, peer=net.a1.site_id)
    pristine = tmp_path / "pristine"
    net.a1.close()
    shutil.copytree(net.a1.path.parent, pristine)
    reference_db = _open_copy(pristine, tmp_path / "reference")
    import_bundle(reference_db, bundle)
    reference = snapshot(reference_db)
    reference_db.conn.close()
    seen = set()
    # Early, middle and late kills; the last delay usually lets the import finish.
    for attempt, delay in enumerate((0.02, 0.25, 0.6, 3.0)):
        folder = tmp_path / f"kill{attempt}"
        shutil.copytree(pristine, folder)
        db_path = folder / "cchc.db"
        conn = open_database(db_path)
        before = snapshot(conn)
        conn.conn.close()
        proc = subprocess.Popen(
            [sys.executable, "-c", _IMPORT_SCRIPT, str(db_path), str(bundle)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        db = open_database(db_path)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        state = snapshot(db)
        assert state in (before, reference)
        seen.add("complete" if state == reference else "unchanged")
        import_bundle(db, bundle)
        assert snapshot(db) == reference
        db.conn.close()
    assert seen


@pytest.mark.parametrize("failing", ["write", "fsync", "rename"])
def test_a_failing_usb_stick_during_export_leaves_no_file_and_no_state(
    net: Net, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    progress_row(net.a1, TASKS[0], percent=10)
    before = snapshot(net.a1.db)
    usb = tmp_path / "usb"

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    with monkeypatch.context() as patch:
        if failing == "write":
            patch.setattr(zipfile.ZipFile, "writestr", broken)
        elif failing == "fsync":
            patch.setattr(os, "fsync", broken)
        else:
            patch.setattr(Path, "replace", broken)
        with pytest.raises(SyncError, match="Không ghi được gói dữ liệu"):
            export_bundle(net.a1.db, usb, peer=net.district.site_id)
    assert list(usb.iterdir()) == []
    assert snapshot(net.a1.db) == before
    [path] = export_bundle(net.a1.db, usb, peer=net.district.site_id)
    assert import_bundle(net.district.db, path).n_new == 5


def test_a_bundle_that_reads_back_wrong_is_removed(
    net: Net, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    progress_row(net.a1, TASKS[0], percent=10)
    before = snapshot(net.a1.db)
    real = bundle_mod.BundleReader

    class BadStick(real):  # type: ignore[misc, valid-type]
        def read(self, name: str) -> bytes:
            data: bytes = super().read(name)
            return data[:-1] + b"?" if name == "manifest.json" else data

    monkeypatch.setattr(export_mod, "BundleReader", BadStick)
    with pytest.raises(SyncError, match="đọc lại không khớp"):
        export_bundle(net.a1.db, tmp_path / "usb", peer=net.district.site_id)
    assert list((tmp_path / "usb").iterdir()) == []
    assert snapshot(net.a1.db) == before
