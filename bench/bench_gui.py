"""Benchmark the window: start-up to an interactive window, and one filtering keystroke.

Each case runs in a fresh Python process (offscreen Qt) so its time and peak memory are its
own. "startup" counts from the first line of the child process (imports included) until the
main window is shown with the plan's top level and its start-up summary; "wall" adds the
interpreter's own start. "filter" is the time of one search keystroke on the plan shown
(the window reads the whole plan on a worker once it is shown; the first search is typed
after that has arrived, as a clerk's would be, and "settled" says when that was).

Usage: python bench/bench_gui.py [--cases seed,10k,100k,bigplan] [--keep DIR]
Targets (DESIGN.md §6): seed ≤ 0.4 s; 10,000 tasks ≤ 0.6 s and ≤ 150 MB; 100,000 tasks
≤ 1.0 s and ≤ 300 MB with a lazy tree; search/filter keystroke ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = r"""
import time
T0 = time.perf_counter()
import json, os, resource, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from PySide6.QtWidgets import QApplication
app = QApplication([])
from cchc_desktop.app import build_window
from cchc_desktop.qt.i18n import install_qt_translator, set_default_locale
set_default_locale()
install_qt_translator(app)
window, ctx = build_window(Path(sys.argv[1]))
window.resize(1366, 820)
window.show()
app.processEvents()
startup = time.perf_counter() - T0
rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
# The window reads the rest of the plan on a worker once it is shown; a clerk's first
# keystroke comes after that. "settled" is when it has arrived (or 5 s, whichever is first).
deadline = time.perf_counter() + 5
while not window.model.all_loaded and time.perf_counter() < deadline:
    app.processEvents()
    time.sleep(0.005)
settled = time.perf_counter() - T0

from cchc_desktop.qtmodels.task_filter_proxy import TaskFilter
words = ["c", "ca", "cai", "cai c", "cai cach", "cai cach h", "cai cach hanh"]
times = []
for w in words:
    t = time.perf_counter()
    window.proxy.set_filter(TaskFilter(text=w))
    app.processEvents()
    times.append(time.perf_counter() - t)
t = time.perf_counter()
window.proxy.set_filter(TaskFilter(text="thu tuc", deadline=window.current_filter().deadline))
app.processEvents()
times.append(time.perf_counter() - t)
t = time.perf_counter()
window.clear_filters()
app.processEvents()
clear = time.perf_counter() - t
tasks = window._plan_task_count()
total = ctx.db.execute("SELECT count(*) FROM task WHERE deleted = 0").fetchone()[0]
print(json.dumps({
    "startup": startup,
    "settled": settled,
    "rss_mb_at_startup": rss_start,
    "rss_mb_peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "first_filter": times[0],
    "filter_max_after_first": max(times[1:]),
    "filter_median": sorted(times[1:])[len(times[1:]) // 2],
    "clear_filter": clear,
    "plan_tasks": tasks,
    "db_tasks": total,
    "matches": window.proxy.match_count,
}))
window.close()
"""


def _run_case(db: Path, data_dir: Path) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CCHC_DATA_DIR": str(data_dir)}
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(db), str(ROOT)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - started
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    return result


def _seed_db(directory: Path) -> Path:
    from cchc_desktop.services.startup import open_or_create

    path = directory / "seed.db"
    if not path.exists():
        open_or_create(path).conn.close()
    return path


def _stress_db(directory: Path, name: str, **kwargs: int) -> Path:
    from bench.stress_db import make_stress_db

    path = directory / f"{name}.db"
    if not path.exists():
        started = time.perf_counter()
        figures = make_stress_db(path, **kwargs)
        print(
            f"  made {path.name}: {figures['tasks']:,.0f} tasks in "
            f"{time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
    return path


CASES = {
    "seed": lambda d: _seed_db(d),
    "10k": lambda d: _stress_db(d, "stress-10k", years=1, units=22, tasks_per_plan=450),
    "100k": lambda d: _stress_db(d, "stress-100k", years=10, units=22, tasks_per_plan=450),
    "bigplan": lambda d: _stress_db(d, "bigplan-10k", years=1, units=1, tasks_per_plan=10_000),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default="seed,10k,100k,bigplan")
    parser.add_argument("--keep", type=Path, default=None, help="folder to keep the databases")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (best is shown)")
    args = parser.parse_args()
    directory = args.keep or Path(tempfile.mkdtemp(prefix="cchc-bench-gui-"))
    directory.mkdir(parents=True, exist_ok=True)
    print(
        f"machine: {platform.platform()}, {platform.processor() or 'cpu?'}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )
    for name in args.cases.split(","):
        db = CASES[name](directory)
        runs = [_run_case(db, directory / f"data-{name}") for _ in range(args.repeat)]
        best = min(runs, key=lambda r: r["startup"])
        print(
            f"{name:8s} tasks {best['db_tasks']:>7,.0f} (plan {best['plan_tasks']:,.0f}): "
            f"start-up {best['startup']:.3f} s (wall {best['wall']:.3f} s), "
            f"{best['rss_mb_at_startup']:.0f} MB; whole plan read by {best['settled']:.2f} s; "
            f"first search {best['first_filter'] * 1000:.0f} ms, "
            f"keystroke max {best['filter_max_after_first'] * 1000:.0f} ms / median "
            f"{best['filter_median'] * 1000:.0f} ms; peak {best['rss_mb_peak']:.0f} MB"
        )


if __name__ == "__main__":
    main()
