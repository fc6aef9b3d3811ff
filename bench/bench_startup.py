"""Whole-process start-up, as a clerk feels it: from starting the program to the filled tree on
the screen, set against a bare PySide6 window measured the same way in the same run.

Each run is a fresh process of the installed `cchc-desktop` entry point, with everything a real
start does: the single-instance lock, the start-up integrity check and, in the "first open of
the day" case, the daily backup (its backups are removed before each run). The program reports
its first paint of the filled tree on stdout (CCHC_QUIT_AFTER_FIRST_PAINT) and the clock stops
when that line arrives. The floor is a QMainWindow with a QTreeView of one row, started and
timed the same way. Figures are medians of --runs runs (default 5).

Usage: python bench/bench_startup.py [--cases seed,bigplan,stress] [--runs 5] [--keep DIR]
                                     [--stress-db PATH] [--platform offscreen|xcb]
Targets (issue "fast where a clerk feels it"): seed ≤ 2.0× the floor; a 10,000-task plan ≤ 3.0×;
the stress database ≤ 3.0×; the first open of the day no slower to paint than any other.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_gui import CASES  # noqa: E402  (the same databases as the in-process bench)

FLOOR = r"""
import sys
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            self.done = True
            QTimer.singleShot(0, report)
        return False

def report():
    view.viewport().removeEventFilter(probe)
    sys.stdout.write("cchc-first-paint\n")
    sys.stdout.flush()
    QCoreApplication.quit()

app = QApplication([])
window = QMainWindow()
model = QStandardItemModel()
model.appendRow(QStandardItem("Quyết định"))
view = QTreeView()
view.setModel(model)
window.setCentralWidget(view)
probe = Probe()
view.viewport().installEventFilter(probe)
window.resize(1366, 728)
window.show()
app.exec()
"""


def _entry_point() -> list[str]:
    script = Path(sys.executable).with_name("cchc-desktop")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cchc_desktop"]


def _time_to_paint(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() == "cchc-first-paint":
                elapsed = time.perf_counter() - started
                break
        else:
            raise SystemExit(f"no first paint from {command}")
        proc.wait(timeout=120)
    return elapsed


def _idle_after_paint(command: list[str], env: dict[str, str]) -> float:
    """Seconds from the first paint until the window answers at once (qt/first_paint.py)."""
    with subprocess.Popen(
        command, env={**env, "CCHC_MEASURE_IDLE": "1"}, stdout=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None
        painted = None
        for line in proc.stdout:
            if line.strip() == "cchc-first-paint":
                painted = time.perf_counter()
            elif line.strip() == "cchc-idle" and painted is not None:
                idle = time.perf_counter() - painted
                break
        else:
            raise SystemExit(f"no idle window from {command}")
        proc.wait(timeout=120)
    return idle


def _ready(db: Path) -> Path:
    """The database as an office that has finished its set-up opens it (no first-run wizard)."""
    marker = db.with_suffix(".ready")
    if not marker.exists():
        subprocess.run(
            [*_entry_point(), "--db", str(db), "office", "setup", "sample"],
            check=True,
            capture_output=True,
        )
        marker.touch()
    return db


def _median_runs(runs: int, command: list[str], env: dict[str, str], before=None) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        times.append(_time_to_paint(command, env))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default="seed,bigplan")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None, help="keep the databases in DIR")
    parser.add_argument("--stress-db", type=Path, default=None, help="an existing stress database")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="cchc-bench-start-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": args.platform, "CCHC_QUIT_AFTER_FIRST_PAINT": "1"}
    env["CCHC_DATA_DIR"] = str(folder / "data")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"# {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs")
    print(
        f"# {time.strftime('%Y-%m-%d %H:%M')}, Qt platform {args.platform}, median of {args.runs}"
    )
    floor = _median_runs(args.runs, [sys.executable, "-c", FLOOR], env)
    print(f"bare PySide6 window          {floor:6.3f} s   1.00×")
    for case in [c for c in args.cases.split(",") if c]:
        if case == "stress":
            if args.stress_db is None:
                print("stress: give --stress-db PATH (python bench/stress_db.py builds one)")
                continue
            db = _ready(args.stress_db)
        else:
            db = _ready(CASES[case](folder))
        command = [*_entry_point(), "--db", str(db)]
        backups = db.parent / "backups"
        typical = _median_runs(args.runs, command, env)
        first = _median_runs(
            args.runs, command, env, before=lambda b=backups: shutil.rmtree(b, ignore_errors=True)
        )
        idle = statistics.median(_idle_after_paint(command, env) for _ in range(args.runs))
        print(f"{case + ' (any open)':<28} {typical:6.3f} s {typical / floor:5.2f}×")
        print(f"{case + ' (first of the day)':<28} {first:6.3f} s {first / floor:5.2f}×")
        print(f"{case + ' answers at once after':<28} {idle:6.3f} s more")
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
