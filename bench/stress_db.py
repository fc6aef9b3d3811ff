"""Generate the stress database of DESIGN.md §6: ~100,000 tasks (10 years × 22 units × ~450).

Each unit's yearly plan is the real seed plan scaled up: its appendices are repeated with the
seed's real task texts and timelines (years shifted), imported through the same path a clerk's
import takes (milestones parsed, change log written), plus progress rows for a share of tasks.

    python bench/stress_db.py OUT.db [--years 10] [--units 22] [--tasks-per-plan 450]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc_desktop.domain.model import ParsedPlan, WorkState  # noqa: E402
from cchc_desktop.domain.year_shift import shift_text  # noqa: E402
from cchc_desktop.importer.plan_text import parse_plan_text  # noqa: E402
from cchc_desktop.services import organisation  # noqa: E402
from cchc_desktop.services.plan_service import import_plan  # noqa: E402
from cchc_desktop.services.progress_service import set_progress  # noqa: E402
from cchc_desktop.services.startup import import_seed_plan, seed_plan_path  # noqa: E402
from cchc_desktop.store.db import open_database  # noqa: E402

COMMUNE_NAMES = [f"Xã Thử Nghiệm {i:02d}" for i in range(1, 22)]


def scaled_plan(seed: ParsedPlan, year: int, unit: str, number: int, tasks: int) -> ParsedPlan:
    """The seed plan for `year` and `unit`, with about `tasks` tasks spread over its appendices."""
    shift = year - seed.year
    per_appendix = max(1, tasks // len(seed.appendices))
    appendices = []
    for appendix in seed.appendices:
        rows = []
        for i in range(per_appendix):
            source = appendix.tasks[i % len(appendix.tasks)]
            rows.append(
                dataclasses.replace(
                    source,
                    no=str(i + 1),
                    title=f"{source.title} ({unit}, mục {i + 1})",
                    timeline=shift_text(source.timeline, shift),
                    milestones=(),
                )
            )
        appendices.append(dataclasses.replace(appendix, tasks=tuple(rows)))
    decision = dataclasses.replace(
        seed.decision,
        number=f"{number}/QĐ-UBND",
        date=dt.date(year - 1, 12, 26),
        issuing_body=f"Chủ tịch {unit}",
    )
    return dataclasses.replace(
        seed,
        year=year,
        title=f"KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM {year} – {unit.upper()}",
        decision=decision,
        appendices=tuple(appendices),
        warnings=(),
    )


def make_stress_db(
    path: Path, *, years: int = 10, units: int = 22, tasks_per_plan: int = 450, seed_value: int = 7
) -> dict[str, float]:
    """Build the database at `path` (replaced if it exists); return timings and counts."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(seed_value)
    started = time.perf_counter()
    db = open_database(path)
    import_seed_plan(db)
    seed = parse_plan_text(seed_plan_path().read_text(encoding="utf-8"))
    unit_names = ["UBND huyện Ngọc Lặc", *COMMUNE_NAMES][:units]
    unit_ids = [organisation.ensure_agency(db, name).agency_id for name in unit_names]
    total_tasks = 0
    number = 1000
    for year in range(2021, 2021 + years):
        for unit_name, unit_id in zip(unit_names, unit_ids, strict=True):
            number += 1
            plan = scaled_plan(seed, year, unit_name, number, tasks_per_plan)
            result = import_plan(db, plan, author="stress")
            total_tasks += result.tasks
            plan_id = result.plan_id
            task_rows = db.execute(
                "SELECT id FROM task WHERE plan_id = ? ORDER BY ord", [plan_id]
            ).fetchall()
            with db.atomic():
                for (task_id,) in rng.sample(task_rows, k=len(task_rows) // 5):
                    state = rng.choice(list(WorkState))
                    # What the progress rule accepts: done is 100 %, in progress below it.
                    percent = {
                        WorkState.DONE: 100,
                        WorkState.IN_PROGRESS: rng.randrange(10, 100, 10),
                    }.get(state, 0)
                    set_progress(
                        db,
                        task_id=task_id,
                        unit_id=unit_id,
                        year=year,
                        period=rng.choice(["Q1", "H1", "Q3", "Y"]),
                        state=state,
                        percent=percent,
                        result="Đã triển khai theo kế hoạch.",
                        today=dt.date(year, 6, 1),
                        author="stress",
                    )
    elapsed = time.perf_counter() - started
    changes = db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    db.conn.close()
    return {
        "seconds": elapsed,
        "tasks": total_tasks + seed.task_count,
        "changes": changes,
        "megabytes": path.stat().st_size / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--units", type=int, default=22)
    parser.add_argument("--tasks-per-plan", type=int, default=450)
    args = parser.parse_args()
    figures = make_stress_db(
        args.out, years=args.years, units=args.units, tasks_per_plan=args.tasks_per_plan
    )
    print(
        f"{figures['tasks']:,} tasks, {figures['changes']:,} change-log entries, "
        f"{figures['megabytes']:.0f} MB in {figures['seconds']:.1f} s -> {args.out}"
    )


if __name__ == "__main__":
    main()
