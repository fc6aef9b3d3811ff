"""The official plan PDF against the naive ReportLab recipe, both as whole processes.

For plans of 1,000 and 10,000 task rows, in one run on one machine: the time from starting
`cchc-desktop report plan` to its PDF on disk, and the time of a fresh Python process that
reads the same rows with sqlite3 and lays them out the naive way (SimpleDocTemplate, one Table
per appendix with a Paragraph in every cell, the same fonts). Each is the median of --runs
fresh processes; the ratio product / naive is what to compare between machines.

Usage: python bench/bench_pdf_vs_naive.py [--rows 1000,10000] [--runs 3] [--keep DIR]
Targets (issue "Fast where a clerk feels it"): ≤ 0.5× at 1,000 rows, ≤ 0.25× at 10,000 rows.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAIVE = r"""
import sqlite3, sys
from pathlib import Path
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle, PageBreak
from reportlab.lib import colors
from xml.sax.saxutils import escape

fonts = Path(sys.argv[3])
pdfmetrics.registerFont(TTFont("Serif", str(fonts / "LiberationSerif-Regular.ttf")))
pdfmetrics.registerFont(TTFont("Serif-Bold", str(fonts / "LiberationSerif-Bold.ttf")))
cell = ParagraphStyle("cell", fontName="Serif", fontSize=12, leading=14)
head = ParagraphStyle("head", fontName="Serif-Bold", fontSize=12, leading=14)
conn = sqlite3.connect(sys.argv[1])
story = []
for appendix_id, number, title in conn.execute(
    "SELECT id, number, title FROM appendix WHERE deleted = 0 ORDER BY number"
):
    rows = [[Paragraph(h, head) for h in ("STT", "Nhiệm vụ", "Sản phẩm", "Cơ quan", "Thời gian")]]
    for no, task, products, agencies, timeline in conn.execute(
        "SELECT no, title, products, agencies_text, timeline FROM task"
        " WHERE appendix_id = ? AND deleted = 0 ORDER BY ord",
        [appendix_id],
    ):
        rows.append([Paragraph(escape(str(v or "")), cell)
                     for v in (no, task, products, agencies, timeline)])
    story.append(Paragraph(escape(f"Phụ lục {number}: {title}"), head))
    widths = [12 * mm, 95 * mm, 55 * mm, 60 * mm, 45 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(table)
    story.append(PageBreak())
SimpleDocTemplate(sys.argv[2], pagesize=landscape(A4)).build(story)
"""


def make_database(folder: Path, rows: int) -> Path:
    """A database holding one plan of `rows` tasks (made once; kept with --keep)."""
    from bench.bench_reports import synthetic_plan
    from cchc_desktop.services import plan_service
    from cchc_desktop.store.db import open_database

    path = folder / f"plan-{rows}.db"
    if path.exists():
        return path
    started = time.perf_counter()
    db = open_database(path)
    plan_service.import_plan(db, synthetic_plan(rows))
    db.conn.close()
    print(f"  made {path.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def timed(command: list[str], runs: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled modules are cached
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None, help="folder to keep the databases")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="cchc-bench-pdf-"))
    folder.mkdir(parents=True, exist_ok=True)
    fonts = ROOT / "resources" / "fonts"
    print(f"# {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs")
    print(f"# median of {args.runs} fresh processes each")
    for rows in (int(r) for r in args.rows.split(",")):
        db = make_database(folder, rows)
        out = folder / f"product-{rows}.pdf"
        product = timed(
            [
                sys.executable,
                "-m",
                "cchc_desktop",
                "--db",
                str(db),
                "report",
                "plan",
                "--year",
                "2020",
                "--out",
                str(out),
            ],
            args.runs,
        )
        naive = timed(
            [sys.executable, "-c", NAIVE, str(db), str(folder / f"naive-{rows}.pdf"), str(fonts)],
            args.runs,
        )
        print(
            f"{rows:>6,} task rows: official PDF {product:.2f} s, naive recipe {naive:.2f} s, "
            f"ratio {product / naive:.2f}×"
        )


if __name__ == "__main__":
    main()
