"""Benchmarks of importing plan files: a 300-task .docx and PDF, and a 20,000-row plan.

    python bench/bench_import.py              # all three
    python bench/bench_import.py --rows 20000 # only the large plan, with another row count
    python bench/bench_import.py --only pdf --runs 5  # one kind, the median of five processes

Targets: a 300-task .docx and a 300-task PDF are each read and parsed in ≤ 1 s; a 20,000-row
plan (text) is read, parsed and stored in a new database in ≤ 5 s using ≤ 300 MB. Each case runs
in its own process, so the peak memory (the process's maximum resident set) is its own.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEAD = """KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025

(Ban hành kèm theo Quyết định số 99/QĐ-UBND ngày 20 tháng 12 năm 2024 của UBND xã Minh Sơn)

I. MỤC TIÊU
1. Mục tiêu chung
- Nâng cao chất lượng phục vụ người dân.
"""
HEADER = "STT\tNhiệm vụ cụ thể\tSản phẩm\tCơ quan thực hiện\tThời gian thực hiện\tGhi chú"


def plan_text(tasks: int, per_appendix: int) -> str:
    """A plan of `tasks` rows in appendices of `per_appendix` rows, every row different."""
    lines = [HEAD]
    appendix = 0
    for k in range(tasks):
        if k % per_appendix == 0:
            appendix += 1
            lines.append(
                f"\nPhụ lục số {appendix:02d}: Lĩnh vực {appendix} - Phòng Nội vụ chủ trì\n"
            )
            lines.append(HEADER)
        no = k % per_appendix + 1
        lines.append(
            f"{no}\tRà soát, hoàn thiện quy trình số {k + 1} trong giải quyết thủ tục hành chính"
            f"\tBáo cáo kết quả; Kế hoạch số {k + 1}\tPhòng Nội vụ chủ trì; UBND các thôn phối hợp"
            f"\tQuý {k % 4 + 1}/2025\t"
        )
    return "\n".join(lines) + "\n"


def _case(kind: str, rows: int) -> dict[str, float]:
    """Runs in a child process: make the file, then time reading (and for text, storing) it."""
    import resource

    from cchc_desktop.importer.plan_text import read_plan_file
    from cchc_desktop.services import plan_service
    from cchc_desktop.store.db import open_database
    from tests.document_files import make_docx, make_pdf

    folder = Path(tempfile.mkdtemp())
    text = plan_text(rows, 50 if kind != "text" else 2000)
    path = folder / f"ke-hoach.{'txt' if kind == 'text' else kind}"
    if kind == "docx":
        path.write_bytes(make_docx(text, bullets=False))
    elif kind == "pdf":
        path.write_bytes(make_pdf(text))
    else:
        path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    parsed = read_plan_file(path)
    read_s = time.perf_counter() - started
    assert parsed.task_count == rows, parsed.task_count
    result: dict[str, float] = {"read_s": read_s, "tasks": parsed.task_count}
    if kind == "text":
        db = open_database(folder / "cchc.db")
        started = time.perf_counter()
        plan_service.import_plan(db, parsed)
        result["store_s"] = time.perf_counter() - started
        result["total_s"] = read_s + result["store_s"]
        stored = db.execute("SELECT count(*) FROM task WHERE deleted = 0").fetchone()[0]
        assert stored == rows, stored
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["file_kb"] = path.stat().st_size / 1024
    return result


def run_case(kind: str, rows: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--case", kind, "--rows", str(rows)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--case", choices=["docx", "pdf", "text"])
    parser.add_argument("--rows", type=int, default=0)
    parser.add_argument("--only", choices=["docx", "pdf", "text"], help="run only this kind")
    parser.add_argument("--runs", type=int, default=1, help="fresh processes per case; median")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(_case(args.case, args.rows)))
        return
    cases = [("docx", 300), ("pdf", 300), ("text", 20_000)]
    if args.rows:
        cases = [("text", args.rows)]
    if args.only:
        cases = [(kind, rows) for kind, rows in cases if kind == args.only]
    for kind, rows in cases:
        runs = [run_case(kind, rows) for _ in range(max(1, args.runs))]
        r = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        if kind == "text":
            print(
                f"{rows} dòng (văn bản, {r['file_kb']:.0f} KB): đọc {r['read_s']:.2f} s, ghi "
                f"{r['store_s']:.2f} s, tổng {r['total_s']:.2f} s (≤ 5 s); bộ nhớ cao nhất "
                f"{r['peak_mb']:.0f} MB (≤ 300 MB)"
            )
        else:
            print(
                f"{rows} nhiệm vụ ({kind}, {r['file_kb']:.0f} KB): đọc và phân tích "
                f"{r['read_s']:.2f} s (≤ 1 s); bộ nhớ cao nhất {r['peak_mb']:.0f} MB"
            )


if __name__ == "__main__":
    main()
