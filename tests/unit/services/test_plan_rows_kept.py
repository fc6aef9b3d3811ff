"""Importing never merges two source rows into one task, and replacing a plan matches tasks by
content: recorded progress never moves onto another task."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from cchc_desktop.importer.plan_text import parse_plan_text
from cchc_desktop.services import plan_service, progress_service
from cchc_desktop.services.plan_matching import match_plan
from cchc_desktop.services.startup import open_or_create, seed_plan_path
from cchc_desktop.store.db import open_database

SEED_TEXT = seed_plan_path().read_text(encoding="utf-8")
TITLE_1_1 = (
    "Ban hành Kế hoạch xây dựng VB QPPL năm 2020; triển khai Kế hoạch xây dựng VB QPPL năm 2020."
)


@pytest.fixture
def seeded(tmp_path: Path) -> Database:
    return open_or_create(tmp_path / "cchc.db")


def live_tasks(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM task WHERE deleted = 0").fetchone()[0])


def record_progress(db: Database, ref: str) -> str:
    plan = plan_service.plan_for_year(db, 2020).id
    task = progress_service.find_task(db, plan, ref)
    unit = db.execute("SELECT id FROM agency ORDER BY name LIMIT 1").fetchone()[0]
    progress_service.set_progress(
        db, task_id=task, unit_id=unit, year=2020, period="Q1", percent=40, result="Đã ban hành"
    )
    return task


def title_with_progress(db: Database) -> list[str]:
    return [
        row[0]
        for row in db.execute(
            "SELECT t.title FROM progress p JOIN task t ON t.id = p.task_id WHERE t.deleted = 0"
        )
    ]


def without_line(start: str) -> str:
    return "\n".join(line for line in SEED_TEXT.split("\n") if not line.startswith(start))


def test_a_lost_appendix_heading_keeps_both_tables_and_the_progress(seeded: Database) -> None:
    task = record_progress(seeded, "1.1")
    parsed = parse_plan_text(without_line("Phụ lục số 2:"))
    assert [len(a.tasks) for a in parsed.appendices] == [6, 8, 3, 6, 4, 6, 4]
    second = parsed.appendices[1]
    assert (second.number, second.title) == (2, "Cải cách TTHC")  # named by part III's list
    assert any("không có tiêu đề «Phụ lục …»" in w.message for w in parsed.warnings)

    result = plan_service.import_plan(seeded, parsed, replace_existing=True)
    assert (result.tasks, live_tasks(seeded)) == (37, 37)
    assert title_with_progress(seeded) == [TITLE_1_1]
    assert seeded.execute("SELECT title FROM task WHERE id = ?", [task]).fetchone()[0] == TITLE_1_1


def test_a_row_pasted_twice_is_kept_twice_with_a_warning(tmp_path: Path) -> None:
    row = next(line for line in SEED_TEXT.split("\n") if line.startswith("3\tRà soát đơn giản"))
    parsed = parse_plan_text(SEED_TEXT.replace(row, f"{row}\n{row}"))
    assert parsed.task_count == 38
    assert any("STT 3 lặp lại" in w.message for w in parsed.warnings)
    db = open_database(tmp_path / "a.db")
    result = plan_service.import_plan(db, parsed)
    assert (result.tasks, live_tasks(db)) == (38, 38)


def test_a_document_repeated_three_times_stores_every_row(tmp_path: Path) -> None:
    parsed = parse_plan_text("\n".join([SEED_TEXT] * 3))
    assert parsed.task_count == 111
    assert any(
        w.message.startswith("Phụ lục số 01 xuất hiện 3 lần (dòng ") for w in parsed.warnings
    )
    db = open_database(tmp_path / "a.db")
    plan_service.import_plan(db, parsed)
    assert live_tasks(db) == 111
    assert db.execute("SELECT count(*) FROM appendix WHERE deleted = 0").fetchone()[0] == 21


def test_a_task_inserted_in_the_middle_keeps_progress_with_its_content(seeded: Database) -> None:
    record_progress(seeded, "1.2")
    second = next(
        line for line in SEED_TEXT.split("\n") if line.startswith("2\tBan hành Kế hoạch theo dõi")
    )
    title_1_2 = second.split("\t")[1].strip()
    inserted = "2\tViệc mới chèn vào\tBáo cáo\tPhòng Tư pháp\tQuý II/2020\t"
    renumbered = "3\t" + second.split("\t", 1)[1]
    parsed = parse_plan_text(SEED_TEXT.replace(second, f"{inserted}\n{renumbered}"))
    plan = plan_service.plan_for_year(seeded, 2020).id
    matched = match_plan(seeded, plan, parsed)
    assert matched.retired == ()
    assert matched.kept == 37
    plan_service.import_plan(seeded, parsed, replace_existing=True)
    assert title_with_progress(seeded) == [title_1_2]
    assert live_tasks(seeded) == 38


def test_replacing_lists_the_tasks_it_retires_with_their_progress(seeded: Database) -> None:
    record_progress(seeded, "7.4")
    lines = SEED_TEXT.split("\n")
    fourth = next(k for k, line in enumerate(lines) if line.startswith("4\tĐa dạng hoá công tác"))
    parsed = parse_plan_text("\n".join(lines[:fourth] + lines[fourth + 1 :]))
    plan = plan_service.plan_for_year(seeded, 2020).id
    retired = match_plan(seeded, plan, parsed).retired
    assert [(r.appendix, r.no, r.progress_records) for r in retired] == [(7, "4", 1)]
    assert retired[0].title.startswith("Đa dạng hoá công tác tuyên truyền CCHC")
    result = plan_service.import_plan(seeded, parsed, replace_existing=True)
    assert result.retired == retired
    assert live_tasks(seeded) == 36
    assert title_with_progress(seeded) == []  # the progress stays on the retired task


def test_a_repeated_stt_is_never_guessed_on_the_command_line(tmp_path: Path) -> None:
    from cchc_desktop.errors import ValidationError

    row = next(line for line in SEED_TEXT.split("\n") if line.startswith("3\tRà soát đơn giản"))
    db = open_database(tmp_path / "a.db")
    plan_service.import_plan(db, parse_plan_text(SEED_TEXT.replace(row, f"{row}\n{row}")))
    plan = plan_service.plan_for_year(db, 2020).id
    with pytest.raises(ValidationError, match="có 2 nhiệm vụ cùng STT 3"):
        progress_service.find_task(db, plan, "2.3")
    assert progress_service.find_task(db, plan, "2.4")
