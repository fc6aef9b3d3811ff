"""Benchmark USB sync: export and import of 100,000 changes (target ≤ 5 s each, bounded memory).

A district database is filled with N changes (20,000 tasks × 5 fields by default), a commune PC
is enrolled, then the district's bundle for it is written and imported. Export and import each
run in a fresh Python process, so their peak memory (ru_maxrss) is their own; a process that
only opens the database gives the baseline.

    python bench/bench_sync.py                    # 100,000 changes
    python bench/bench_sync.py --changes 200000   # memory must not grow with N
    python bench/bench_sync.py --up               # commune → district: N progress changes
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc_desktop.store import ids  # noqa: E402
from cchc_desktop.store.changes import Edit, apply_local_edits  # noqa: E402
from cchc_desktop.store.db import open_database  # noqa: E402

FIELDS_PER_TASK = 5


def _max_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 if sys.platform != "darwin" else rss / (1024 * 1024)


def build_up(folder: Path, changes: int) -> tuple[Path, Path, str]:
    """A commune PC with `changes` logged progress changes; returns (commune, district, peer)."""
    from cchc_desktop.sync.export import export_bundle
    from cchc_desktop.sync.importer import import_bundle

    district_db, commune_db, _commune_site = build(folder, changes)
    district = open_database(district_db)
    commune = open_database(commune_db)
    [path] = export_bundle(district, folder / "first", _commune_site)
    import_bundle(commune, path)
    unit = commune.execute("SELECT unit_id FROM local_site").fetchone()[0]
    tasks = [r[0] for r in commune.execute("SELECT id FROM task ORDER BY id")]
    per_row = 5  # task_id, unit_id, year, period, percent
    batch: list[Edit] = []
    for n in range(changes // per_row):
        task = tasks[n % len(tasks)]
        period = ["Q1", "H1", "Q3", "Y"][n // len(tasks) % 4]
        batch.append(
            Edit(
                "progress",
                ids.progress_id(task, unit, 2020, period),
                {
                    "task_id": task,
                    "unit_id": unit,
                    "year": 2020,
                    "period": period,
                    "percent": n % 101,
                },
            )
        )
        if len(batch) == 1000:
            apply_local_edits(commune, batch)
            batch = []
    if batch:
        apply_local_edits(commune, batch)
    district_site = district.execute("SELECT site_id FROM local_site").fetchone()[0]
    district.conn.close()
    commune.conn.close()
    print(f"built: {changes // per_row * per_row} progress changes on the commune PC")
    return commune_db, district_db, district_site


def build(folder: Path, changes: int) -> tuple[Path, Path, str]:
    """District with `changes` logged changes and one enrolled commune; returns db paths, peer."""
    from cchc_desktop.sync import network

    district_db = folder / "huyen" / "cchc.db"
    db = open_database(district_db)
    plan = ids.plan_id(2020, "BENCH")
    appendix = ids.appendix_id(plan, 1)
    apply_local_edits(
        db,
        [
            Edit("plan", plan, {"year": 2020, "title": "Kế hoạch thử tải"}),
            Edit("appendix", appendix, {"plan_id": plan, "number": 1, "title": "Phụ lục 01"}),
        ],
    )
    tasks = (changes - 7) // FIELDS_PER_TASK
    batch: list[Edit] = []
    for n in range(tasks):
        batch.append(
            Edit(
                "task",
                ids.task_id(plan, 1, str(n)),
                {
                    "plan_id": plan,
                    "appendix_id": appendix,
                    "no": str(n),
                    "ord": n,
                    "title": f"Nhiệm vụ thử tải số {n}: rà soát, đơn giản hoá thủ tục hành chính",
                },
            )
        )
        if len(batch) == 1000:
            apply_local_edits(db, batch)
            batch = []
    if batch:
        apply_local_edits(db, batch)
    network.init_network(db, "Huyện Thử Tải")
    commune_db = folder / "xa" / "cchc.db"
    commune = open_database(commune_db, role="commune")
    network.enrol_request(commune, "Xã Thử Tải", folder / "request.json")
    result = network.enrol(db, folder / "request.json")
    total = db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    db.conn.close()
    commune.conn.close()
    print(f"built: {total} changes in the district log")
    return district_db, commune_db, result.site_id


def phase_export(db_path: Path, out: Path, peer: str) -> None:
    from cchc_desktop.sync.export import export_bundles

    db = open_database(db_path)
    base = _max_rss_mb()
    start = time.perf_counter()
    [bundle] = export_bundles(db, out, peer)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "seconds": seconds, "rss_mb": _max_rss_mb(), "rss_before_mb": base,
        "path": str(bundle.path), "changes": bundle.n_changes, "bytes": bundle.size,
    }))  # fmt: skip


def phase_import(db_path: Path, bundle: Path) -> None:
    from cchc_desktop.sync.importer import import_bundle

    db = open_database(db_path)
    base = _max_rss_mb()
    start = time.perf_counter()
    result = import_bundle(db, bundle)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "seconds": seconds, "rss_mb": _max_rss_mb(), "rss_before_mb": base, "new": result.n_new,
    }))  # fmt: skip


def _run(*args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--up", action="store_true", help="commune → district progress rows")
    parser.add_argument("--phase", choices=["export", "import"], default=None)
    parser.add_argument("args", nargs="*")
    ns = parser.parse_args()
    if ns.phase == "export":
        phase_export(Path(ns.args[0]), Path(ns.args[1]), ns.args[2])
        return
    if ns.phase == "import":
        phase_import(Path(ns.args[0]), Path(ns.args[1]))
        return
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    try:
        start = time.perf_counter()
        builder = build_up if ns.up else build
        district, commune, peer = builder(folder, ns.changes)
        print(f"build: {time.perf_counter() - start:.1f} s (not measured)")
        exported = _run("--phase", "export", str(district), str(folder / "usb"), peer)
        print(
            f"export: {exported['changes']} changes, {int(exported['bytes']) / 1e6:.1f} MB,"  # type: ignore[call-overload]
            f" {exported['seconds']:.2f} s, peak RSS {exported['rss_mb']:.0f} MB"
            f" (after opening: {exported['rss_before_mb']:.0f} MB)"
        )
        imported = _run("--phase", "import", str(commune), str(exported["path"]))
        print(
            f"import: {imported['new']} new changes, {imported['seconds']:.2f} s,"
            f" peak RSS {imported['rss_mb']:.0f} MB"
            f" (after opening: {imported['rss_before_mb']:.0f} MB)"
        )
        per_100k = 100_000 / ns.changes
        ok = all(float(r["seconds"]) * per_100k <= 5 for r in (exported, imported))  # type: ignore[arg-type]
        print("target (≤ 5 s each per 100,000 changes):", "met" if ok else "NOT met")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
