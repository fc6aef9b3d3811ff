"""Benchmarks of the core: seed import, loading the plan, generating the stress database.

    python bench/bench_store.py                # seed import + plan load (fast)
    python bench/bench_store.py --stress       # also the full stress database (~100,000 tasks)

Targets (DESIGN.md §6): seed import ≤ 0.3 s.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stress_db import make_stress_db  # noqa: E402
from cchc_desktop.services.plan_service import load_plan, plan_for_year  # noqa: E402
from cchc_desktop.services.startup import import_seed_plan  # noqa: E402
from cchc_desktop.store.db import open_database  # noqa: E402


def timed(fn: object, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return times


def bench_seed(repeat: int) -> None:
    folder = Path(tempfile.mkdtemp())
    counter = iter(range(10_000))

    def import_once() -> None:
        db = open_database(folder / f"seed-{next(counter)}.db")
        import_seed_plan(db)
        db.conn.close()

    imports = timed(import_once, repeat)
    db = open_database(folder / "seed-0.db")
    plan_id = plan_for_year(db, 2020).id
    loads = timed(lambda: load_plan(db, plan_id), repeat)
    print(
        f"seed import (new database, parse, milestones, change log): median "
        f"{statistics.median(imports) * 1000:.0f} ms, best {min(imports) * 1000:.0f} ms "
        f"(target ≤ 300 ms)"
    )
    print(
        f"load the whole seed plan from the database: median "
        f"{statistics.median(loads) * 1000:.1f} ms"
    )


def bench_stress(path: Path) -> None:
    figures = make_stress_db(path)
    print(
        f"stress database: {figures['tasks']:,.0f} tasks, {figures['changes']:,.0f} change-log "
        f"entries, {figures['megabytes']:.0f} MB, generated in {figures['seconds']:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--stress", action="store_true")
    parser.add_argument(
        "--stress-path", type=Path, default=Path(tempfile.gettempdir()) / "cchc-stress.db"
    )
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
        f"Python {platform.python_version()}, {platform.system()}"
    )
    bench_seed(args.repeat)
    if args.stress:
        bench_stress(args.stress_path)


if __name__ == "__main__":
    main()
