"""Benchmark the official PDFs: the seed plan, and plans with 1,000 and 10,000 task rows.

Each case runs in a fresh Python process so its peak memory (ru_maxrss) is its own. "warm" is
the wall time of one build after a warm-up build (fonts registered, modules imported), "cpu"
its CPU time (steadier on a shared machine), and "cold" the first build including set-up.

Usage: python bench/bench_reports.py [--cases seed,1000,10000,period-1000,period-10000]
Targets (DESIGN.md §6): seed ≤ 0.5 s; 1,000 rows ≤ 1 s; 10,000 rows ≤ 15 s and ≤ 300 MB.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc_desktop.domain.model import (  # noqa: E402
    AgencyRole,
    Appendix,
    Decision,
    NodeKind,
    ParsedPlan,
    PlanNode,
    StatusCategory,
    Task,
    TaskAgency,
)
from cchc_desktop.domain.office import derived_office  # noqa: E402

_TEXT = (
    "rà soát hệ thống hoá văn bản quy phạm pháp luật thủ tục hành chính một cửa liên thông "
    "cán bộ công chức viên chức cải cách tổ chức bộ máy tài chính công hiện đại hoá dịch "
    "vụ công trực tuyến mức độ báo cáo kết quả thực hiện kế hoạch kiểm tra đánh giá đôn "
    "đốc triển khai nâng cao chất lượng hiệu quả hoạt động của bộ phận tiếp nhận và trả "
    "kết quả "
)
WORDS = tuple(_TEXT.split())
AGENCIES = (
    "Phòng Tư pháp",
    "Phòng Nội vụ",
    "Văn phòng HĐND-UBND huyện",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Văn hoá - Thông tin",
    "UBND các xã, thị trấn",
)
AREAS = (
    "Cải cách thể chế",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy hành chính nhà nước",
    "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức",
    "Cải cách tài chính công",
    "Hiện đại hoá hành chính",
    "Công tác chỉ đạo, điều hành, tuyên truyền CCHC",
)


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def synthetic_plan(n_tasks: int, seed: int = 20) -> ParsedPlan:
    """A plan with `n_tasks` tasks over 7 appendices, cells of realistic and varied length."""
    rng = random.Random(seed)
    per = [n_tasks // 7 + (1 if i < n_tasks % 7 else 0) for i in range(7)]
    appendices = []
    for number, (title, count) in enumerate(zip(AREAS, per, strict=True), 1):
        tasks = []
        for no in range(1, count + 1):
            lead, partner = rng.sample(AGENCIES, 2)
            tasks.append(
                Task(
                    appendix=number,
                    no=str(no),
                    title=_sentence(rng, 10, 45),
                    products=tuple(_sentence(rng, 3, 10) for _ in range(rng.randint(1, 3))),
                    agencies=(
                        TaskAgency(lead, AgencyRole.LEAD),
                        TaskAgency(partner, AgencyRole.COORDINATING),
                    ),
                    agencies_text=f"- {lead} chủ trì; - {partner} phối hợp",
                    timeline=rng.choice(
                        (
                            "Thường xuyên trong năm",
                            "- Ban hành KH: tháng 01/2020. - Báo cáo kết quả: tháng 11/2020.",
                            "Định kỳ hằng quý hoặc đột xuất theo yêu cầu",
                        )
                    ),
                    note="",
                )
            )
        appendices.append(
            Appendix(
                number,
                title,
                AGENCIES[number % 6],
                f"Phụ lục số {number:02d}: {title}",
                tuple(tasks),
            )
        )
    decision = Decision(
        "6320/QĐ-UBND",
        dt.date(2019, 12, 26),
        "Lê Văn Tuấn",
        "CHỦ TỊCH",
        "",
        "Chủ tịch UBND huyện Ngọc Lặc",
        "Ban hành Kế hoạch cải cách hành chính năm 2020",
        tuple(PlanNode(NodeKind.PARAGRAPH, "", _sentence(rng, 20, 60)) for _ in range(10)),
    )
    parts = tuple(
        PlanNode(
            NodeKind.PART,
            roman,
            _sentence(rng, 3, 6).upper(),
            tuple(
                PlanNode(NodeKind.PARAGRAPH, "", "- " + _sentence(rng, 30, 90)) for _ in range(6)
            ),
        )
        for roman in ("I", "II", "III", "IV")
    )
    return ParsedPlan(
        2020,
        "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2020",
        decision,
        parts,
        tuple(appendices),
        appendix_title="NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH NĂM 2020",
    )


def synthetic_period(n_tasks: int) -> object:
    """Period report data over the synthetic plan: every task with a status, 3 reporting units."""
    from cchc_desktop.domain.periods import ReportingPeriod
    from cchc_desktop.reports.data import (
        AreaResult,
        PeriodReportData,
        PlanReference,
        TaskResultRow,
        UnitResults,
        UnitTaskRow,
    )

    plan = synthetic_plan(n_tasks)
    cats = list(StatusCategory)
    areas = tuple(
        AreaResult(
            a.number,
            a.title,
            a.lead_agency,
            tuple(
                TaskResultRow(
                    a.number,
                    t.no,
                    t.title,
                    cats[i % len(cats)],
                    result=t.products[0],
                    evidence_count=i % 4,
                )
                for i, t in enumerate(a.tasks)
            ),
        )
        for a in plan.appendices
    )
    rows = [r for a in areas for r in a.tasks]
    units = tuple(
        UnitResults(
            u,
            tuple(
                UnitTaskRow(r.appendix, r.no, r.title, r.status, None, r.result, r.evidence_count)
                for r in rows[k::3]
            ),
        )
        for k, u in enumerate(AGENCIES[:3])
    )
    ref = PlanReference(
        "Kế hoạch cải cách hành chính năm 2020", "6320/QĐ-UBND", dt.date(2019, 12, 26)
    )
    return PeriodReportData(2020, ReportingPeriod.Y, ref, areas, units=units)


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def run_case(case: str) -> dict[str, object]:
    """Build one case twice (cold, then warm) and return the figures."""
    from cchc_desktop.reports.period import build_period_report
    from cchc_desktop.reports.plan import build_plan_report

    office = dataclasses.replace(
        derived_office("district", "Tỉnh Thanh Hóa", "Huyện Ngọc Lặc"), signer_name="Lê Văn Tuấn"
    )
    rows: int
    if case == "seed":
        from cchc_desktop.importer.plan_text import parse_plan_text
        from cchc_desktop.paths import resource_path

        text = resource_path("ke-hoach-cchc-2020-ngoc-lac.txt").read_text(encoding="utf-8")
        plan = parse_plan_text(text)
        rows = plan.task_count

        def build(path: Path) -> object:
            return build_plan_report(plan, office, path)
    elif case.startswith("period-"):
        data = synthetic_period(int(case.split("-")[1]))
        rows = int(case.split("-")[1])

        def build(path: Path) -> object:
            return build_period_report(data, office, path)  # type: ignore[arg-type]
    else:
        plan = synthetic_plan(int(case))
        rows = plan.task_count

        def build(path: Path) -> object:
            return build_plan_report(plan, office, path)

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        build(Path(tmp) / "cold.pdf")
        cold = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), time.process_time()
        result = build(Path(tmp) / "warm.pdf")
        warm, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "case": case,
        "rows": rows,
        "pages": getattr(result, "pages", 0),
        "bytes": getattr(result, "size", 0),
        "cold_s": round(cold, 3),
        "warm_s": round(warm, 3),
        "cpu_s": round(cpu, 3),
        "peak_mb": round(_peak_mb(), 1),
    }


TARGETS = {"seed": (0.5, None), "1000": (1.0, None), "10000": (15.0, 300.0)}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", default="seed,1000,10000,period-1000,period-10000")
    parser.add_argument("--case", help=argparse.SUPPRESS)  # internal: run one case, print JSON
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return 0
    machine = platform.processor() or platform.machine()
    python = platform.python_version()
    print(f"{platform.node()} · {machine} · {os.cpu_count()} CPUs · Python {python}")
    print(
        f"{'case':<14}{'rows':>7}{'pages':>7}{'MB file':>9}{'cold s':>9}{'warm s':>9}"
        f"{'cpu s':>9}{'peak MB':>9}  target"
    )
    failed = False
    for case in args.cases.split(","):
        out = subprocess.run(
            [sys.executable, __file__, "--case", case], capture_output=True, text=True, check=True
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        target = TARGETS.get(case)
        verdict = ""
        if target:
            ok = float(r["warm_s"]) <= target[0] and (
                target[1] is None or float(r["peak_mb"]) <= target[1]
            )
            failed |= not ok
            limit = f"≤ {target[0]} s" + (f", ≤ {target[1]:.0f} MB" if target[1] else "")
            verdict = f"{limit}: {'ok' if ok else 'MISSED'}"
        print(
            f"{r['case']:<14}{r['rows']:>7}{r['pages']:>7}{int(r['bytes']) / 1e6:>9.2f}"
            f"{r['cold_s']:>9}{r['warm_s']:>9}{r['cpu_s']:>9}{r['peak_mb']:>9}  {verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
