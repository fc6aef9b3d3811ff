"""The plan as a Word file: Decree 30 layout, and reading the file back gives the same plan —
on the seed, and on random plans made by structural edits (hypothesis)."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from cchc_desktop.domain.model import NodeKind, ParsedPlan, Task
from cchc_desktop.reports.docx_export import export_plan_docx, letterhead_rows
from cchc_desktop.reports.plan import letterhead_lines
from cchc_desktop.services import (
    amendment_service,
    node_structure,
    plan_service,
    settings_service,
    structure_service,
)
from cchc_desktop.services.plan_import_service import read_source
from cchc_desktop.services.startup import open_or_create
from cchc_desktop.store.db import open_database


def projection(plan: ParsedPlan) -> dict[str, Any]:
    """What a Word file must give back: decision, texts, appendices and every task cell."""
    d = plan.decision
    return {
        "decision": (d.number, d.date, d.signer, d.signer_position, d.issuing_body, d.title),
        # The letterhead read back opens the decision's text; it was printed from the table.
        "body": [n.text for n in d.body][letterhead_lines([n.text for n in d.body]) :],
        "title": plan.title,
        "parts": plan.parts,
        "appendix_title": plan.appendix_title,
        "appendices": [(a.number, a.title, a.lead_agency) for a in plan.appendices],
        "tasks": [[cells(t) for t in a.tasks] for a in plan.appendices],
    }


def cells(t: Task) -> tuple[object, ...]:
    return (
        t.no,
        t.title,
        t.products,
        t.agencies,
        t.agencies_text,
        t.timeline,
        t.note,
        t.cancelled_by,
    )


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("seed")
    db = open_or_create(folder / "cchc.db", seed=True)
    db.conn.close()
    return folder / "cchc.db"


def round_trip(db: Database, folder: Path) -> tuple[ParsedPlan, ParsedPlan, Path]:
    plan = plan_service.load_plan(db, plan_service.plan_for_year(db, 2020).id)
    out = export_plan_docx(plan, settings_service.load_office_settings(db), folder / "kh.docx")
    return plan, read_source(out).parsed, out


def test_the_seed_reads_back_the_same_and_is_laid_out_per_decree_30(
    seed_file: Path, tmp_path: Path
) -> None:
    db = open_database(seed_file)
    try:
        plan, back, out = round_trip(db, tmp_path)
    finally:
        db.conn.close()
    assert projection(back) == projection(plan)
    assert back.task_count == 37
    # The letterhead comes back as the decision's first lines, and a second round trip keeps
    # them once (the table prints them; they are not repeated under the title).
    db = open_database(seed_file)
    try:
        office = settings_service.load_office_settings(db)
    finally:
        db.conn.close()
    rows = [" ".join(x for x in row if x) for row in letterhead_rows(plan, office)]
    assert [n.text for n in back.decision.body][:3] == rows
    assert rows[2] == "Số: 6320/QĐ-UBND Ngọc Lặc, ngày 26 tháng 12 năm 2019"
    again = read_source(export_plan_docx(back, office, tmp_path / "again.docx")).parsed
    assert [n.text for n in again.decision.body] == [n.text for n in back.decision.body]
    assert projection(again) == projection(back)

    import docx
    from docx.enum.section import WD_ORIENT

    document = docx.Document(str(out))
    orientations = [s.orientation for s in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    assert round(document.sections[0].page_width.mm) == 210
    assert round(document.sections[1].page_width.mm) == 297
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size.pt == 14
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert xml.count("<w:tblHeader") == 7  # one repeated header row per appendix table
    headers = "".join(
        zipfile.ZipFile(out).read(n).decode()
        for n in zipfile.ZipFile(out).namelist()
        if n.startswith("word/header")
    )
    assert "PAGE" in headers
    letterhead = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert letterhead == [
        ["UBND HUYỆN NGỌC LẶC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["", "Độc lập - Tự do - Hạnh phúc"],
        ["Số: 6320/QĐ-UBND", "Ngọc Lặc, ngày 26 tháng 12 năm 2019"],
    ]
    first_row = [c.text for c in document.tables[1].rows[1].cells]
    assert first_row[0] == "1"
    assert first_row[1].startswith("Ban hành Kế hoạch xây dựng VB QPPL năm 2020")
    assert first_row[2].split("\n") == [
        "- Kế hoạch của UBND huyện;",
        "- Báo cáo kết quả thực hiện Kế hoạch.",
    ]


WORDS = (
    *("rà soát", "văn bản", "thủ tục", "hành chính", "kiểm tra", "công tác", "cải cách"),
    *("số hoá", "hồ sơ", "một cửa", "tuyên truyền", "đánh giá", "chất lượng", "dịch vụ công"),
    *("trực tuyến", "cán bộ", "công chức"),
)
AGENCIES = (
    "Phòng Tư pháp",
    "Phòng Nội vụ",
    "Văn phòng HĐND-UBND huyện",
    "Phòng Tài chính - Kế hoạch",
)
TIMELINES = ("Quý II/2020", "Tháng 6/2020", "Trong năm 2020", "Thường xuyên", "Trước 15/11/2020")


def phrase(min_words: int = 2) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=7).map(
        lambda ws: " ".join(ws).capitalize()
    )


new_task = st.builds(
    structure_service.NewTask,
    title=phrase(3),
    lead=st.sampled_from(("", *AGENCIES)),
    support=st.lists(st.sampled_from(AGENCIES), max_size=1).map(tuple),
    products=st.lists(phrase(), max_size=3).map(tuple),
    timeline=st.sampled_from(TIMELINES),
)
edit = st.one_of(
    st.tuples(st.just("add_task"), st.integers(1, 7), new_task, st.integers(0, 9)),
    st.tuples(st.just("move_task"), st.integers(1, 7), st.integers(0, 9), st.integers(1, 7)),
    st.tuples(st.just("remove_task"), st.integers(1, 7), st.integers(0, 9)),
    st.tuples(st.just("add_appendix"), phrase(), st.sampled_from(("", *AGENCIES))),
    st.tuples(st.just("move_appendix"), st.integers(1, 7), st.integers(0, 7)),
    st.tuples(st.just("add_item"), st.integers(0, 3), phrase(3)),
    st.tuples(st.just("cancel_task"), st.integers(1, 7), st.integers(0, 9)),
)


def apply(db: Database, step: tuple[Any, ...]) -> None:
    pid = plan_service.plan_for_year(db, 2020).id
    appendices = [
        r[0]
        for r in db.execute(
            "SELECT id FROM appendix WHERE plan_id = ? AND deleted = 0 ORDER BY number", [pid]
        ).fetchall()
    ]

    def appendix(k: int) -> str:
        return appendices[(k - 1) % len(appendices)]

    def task(k: int, i: int) -> str | None:
        rows = db.execute(
            "SELECT id FROM task WHERE appendix_id = ? AND deleted = 0 ORDER BY ord", [appendix(k)]
        ).fetchall()
        return rows[i % len(rows)][0] if rows else None

    kind = step[0]
    if kind == "add_task":
        structure_service.add_task(db, appendix(step[1]), step[2], index=step[3])
    elif kind == "move_task" and (moving := task(step[1], step[2])) is not None:
        structure_service.move_task(db, moving, appendix(step[3]), step[2])
    elif kind == "remove_task" and (gone := task(step[1], step[2])) is not None:
        structure_service.remove_task(db, gone)
    elif kind == "add_appendix":
        structure_service.add_appendix(db, pid, step[1], lead_agency=step[2])
    elif kind == "move_appendix":
        structure_service.move_appendix(db, appendix(step[1]), step[2])
    elif kind == "cancel_task" and (cancelled := task(step[1], step[2])) is not None:
        if amendment_service.current_id(db, pid) is None:
            amendment_service.record_amendment(
                db, pid, number="99/QĐ-UBND", date=dt.date(2020, 6, 1), summary="Bãi bỏ"
            )
        if not db.execute("SELECT cancelled_by FROM task WHERE id = ?", [cancelled]).fetchone()[0]:
            amendment_service.cancel_task(db, cancelled)
    elif kind == "add_item":
        parts = db.execute(
            "SELECT id FROM plan_node WHERE plan_id = ? AND kind = 'part' AND deleted = 0"
            " ORDER BY ord",
            [pid],
        ).fetchall()
        node_structure.add_node(db, pid, parts[step[1]][0], NodeKind.ITEM, step[2])


def test_a_plan_issued_as_its_own_document_exports_without_a_decision(
    seed_file: Path, tmp_path: Path
) -> None:
    """A commune's "02/KH-UBND" plan: the letterhead with its number, then the plan itself;
    no "QUYẾT ĐỊNH" and no "(Ban hành kèm theo Quyết định …)"; read back, the same tasks."""
    import docx

    from cchc_desktop.importer.plan_text import read_plan_file

    fixtures = Path(__file__).resolve().parents[2] / "fixtures" / "plans"
    plan = read_plan_file(fixtures / "xa-2025-web-khong-bang.txt")
    db = open_database(seed_file)
    try:
        office = settings_service.load_office_settings(db)
    finally:
        db.conn.close()
    out = export_plan_docx(plan, office, tmp_path / "kh.docx")
    document = docx.Document(str(out))
    letterhead = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert letterhead[2][0] == "Số: 02/KH-UBND"
    texts = [p.text for p in document.paragraphs]
    assert "QUYẾT ĐỊNH" not in texts
    assert not any("Ban hành kèm theo" in t for t in texts)
    sentence = next(p for p in document.paragraphs if p.text.startswith("b. Giải quyết hồ sơ"))
    assert not any(run.bold for run in sentence.runs)  # a sentence, not a heading
    back = read_source(out).parsed
    assert back.decision.number == "02/KH-UBND"
    assert [[cells(t)[1] for t in a.tasks] for a in back.appendices] == [
        [cells(t)[1] for t in a.tasks] for a in plan.appendices
    ]


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(edit, min_size=1, max_size=8))
def test_random_structural_edits_survive_the_word_round_trip(
    seed_file: Path, steps: list[tuple[Any, ...]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cchc.db"
        shutil.copy(seed_file, path)
        db = open_database(path)
        try:
            for step in steps:
                apply(db, step)
            plan, back, _ = round_trip(db, Path(folder))
        finally:
            db.conn.close()
    assert projection(back) == projection(plan)
