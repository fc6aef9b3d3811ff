"""Recording progress and evidence for a reporting unit and period."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlite_utils import Database

from cchc_desktop.domain.model import WorkState
from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.services import evidence_service, organisation, progress_service
from cchc_desktop.services.plan_service import plan_for_year
from cchc_desktop.services.startup import open_or_create


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return open_or_create(tmp_path / "cchc.db")


@pytest.fixture
def task_and_unit(db: Database) -> tuple[str, str]:
    task = progress_service.find_task(db, plan_for_year(db, 2020).id, "2.5")
    unit = organisation.ensure_agency(db, "Xã Minh Sơn").agency_id
    return task, unit


def test_find_task_by_appendix_and_number(db: Database) -> None:
    plan = plan_for_year(db, 2020).id
    task = progress_service.find_task(db, plan, "02.05")
    assert task == progress_service.find_task(db, plan, "2.5")
    with pytest.raises(ValidationError, match=r"PHỤ_LỤC\.STT"):
        progress_service.find_task(db, plan, "nhiệm vụ năm")
    with pytest.raises(NotFoundError, match="Phụ lục 02"):
        progress_service.find_task(db, plan, "2.99")


def test_set_progress_creates_one_row_and_updates_only_given_fields(
    db: Database, task_and_unit: tuple[str, str]
) -> None:
    task, unit = task_and_unit
    progress_service.set_progress(
        db,
        task_id=task,
        unit_id=unit,
        year=2020,
        period="Q1",
        state=WorkState.IN_PROGRESS,
        percent=40,
        result="Đang niêm yết",
    )
    progress_service.set_progress(
        db, task_id=task, unit_id=unit, year=2020, period="Q1", percent=60
    )
    [record] = progress_service.list_progress(db, year=2020)
    assert (record.state, record.percent, record.result) == (
        WorkState.IN_PROGRESS,
        60,
        "Đang niêm yết",
    )
    assert record.unit_name == "Xã Minh Sơn"
    assert record.task_ref == "2.5"


def test_done_invents_no_completion_day(db: Database, task_and_unit: tuple[str, str]) -> None:
    task, unit = task_and_unit
    common = {"task_id": task, "unit_id": unit, "year": 2020, "period": "H1"}
    # A 2020 result recorded late, in 2026: "today" is not when the work was finished.
    progress_service.set_progress(db, **common, state=WorkState.DONE, today=dt.date(2026, 12, 4))
    [record] = progress_service.list_progress(db, year=2020)
    assert record.completed_on is None
    assert record.percent == 100
    progress_service.set_progress(db, **common, completed_on=dt.date(2020, 6, 3))
    progress_service.set_progress(db, **common, state=WorkState.DONE, today=dt.date(2026, 12, 4))
    [record] = progress_service.list_progress(db, year=2020)
    assert record.completed_on == dt.date(2020, 6, 3), "a recorded day is kept"
    with pytest.raises(ValidationError, match="không được sau ngày hôm nay"):
        progress_service.set_progress(
            db,
            **common,
            state=WorkState.DONE,
            completed_on=dt.date(2027, 1, 1),
            today=dt.date(2026, 12, 4),
        )


def test_bad_values_change_nothing(db: Database, task_and_unit: tuple[str, str]) -> None:
    task, unit = task_and_unit
    before = db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    with pytest.raises(ValidationError, match="từ 0 đến 100"):
        progress_service.set_progress(
            db, task_id=task, unit_id=unit, year=2020, period="Q1", percent=101
        )
    with pytest.raises(ValidationError):
        progress_service.set_progress(
            db, task_id=task, unit_id=unit, year=2020, period="Q5", percent=10
        )
    assert db.execute("SELECT count(*) FROM change_log").fetchone()[0] == before


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("done", WorkState.DONE),
        ("Hoàn thành", WorkState.DONE),
        ("hoan thanh", WorkState.DONE),
        ("đang thực hiện", WorkState.IN_PROGRESS),
        ("chua_trien_khai", WorkState.NOT_STARTED),
        ("không thực hiện", WorkState.NOT_APPLICABLE),
    ],
)
def test_parse_state_accepts_codes_and_vietnamese(text: str, state: WorkState) -> None:
    assert progress_service.parse_state(text) is state


def test_parse_state_refuses_unknown_text() -> None:
    with pytest.raises(ValidationError, match="không hợp lệ"):
        progress_service.parse_state("xong rồi")


def test_evidence_attach_twice_is_one_row_and_removal_is_a_tombstone(
    db: Database, task_and_unit: tuple[str, str]
) -> None:
    task, unit = task_and_unit
    progress_service.set_progress(
        db, task_id=task, unit_id=unit, year=2020, period="Q1", percent=10
    )
    [record] = progress_service.list_progress(db, year=2020)
    for _ in range(2):
        evidence_service.add_evidence(
            db, progress_id=record.id, sha256="ab" * 32, file_name="bien-ban.pdf", size=1234
        )
    [evidence] = evidence_service.list_evidence(db, record.id)
    assert evidence.file_name == "bien-ban.pdf"
    assert progress_service.list_progress(db, year=2020)[0].evidence_count == 1
    evidence_service.remove_evidence(db, evidence.id)
    assert evidence_service.list_evidence(db, record.id) == []
    assert db.execute("SELECT deleted FROM evidence WHERE id = ?", [evidence.id]).fetchone() == (1,)


def test_evidence_needs_a_saved_progress_row(db: Database) -> None:
    with pytest.raises(NotFoundError, match="lưu tiến độ"):
        evidence_service.add_evidence(
            db, progress_id="missing", sha256="ab" * 32, file_name="x.pdf", size=1
        )


def test_a_single_field_choice_is_checked_against_the_whole_report(
    db: Database, task_and_unit: tuple[str, str]
) -> None:
    """A sync review writes one field; the report it leaves must still obey the rule."""
    task, unit = task_and_unit
    common = {"task_id": task, "unit_id": unit, "year": 2020, "period": "Q1"}
    progress_service.set_progress(db, **common, state=WorkState.IN_PROGRESS, percent=40)
    row = progress_service.progress_row_id(task, unit, 2020, "Q1")
    today = dt.date(2020, 6, 1)
    with pytest.raises(ValidationError, match="tỷ lệ phải là 100 %"):
        progress_service.check_progress_field(db, row, "state", "done", today=today)
    with pytest.raises(ValidationError, match="từ 0 đến 100"):
        progress_service.check_progress_field(db, row, "percent", 140, today=today)
    with pytest.raises(ValidationError, match="hãy chọn trạng thái “Đã hoàn thành”"):
        progress_service.check_progress_field(db, row, "percent", 100, today=today)
    progress_service.check_progress_field(db, row, "percent", 60, today=today)
    progress_service.check_progress_field(db, row, "result", "Đã họp", today=today)
    progress_service.set_progress(db, **common, state=WorkState.DONE, today=today)
    with pytest.raises(ValidationError, match="không được sau ngày hôm nay"):
        progress_service.check_progress_field(db, row, "completed_on", "2020-07-01", today=today)
    progress_service.check_progress_field(db, row, "completed_on", "2020-05-01", today=today)


def test_changes_name_the_tasks_they_touch(
    db: Database, task_and_unit: tuple[str, str], tmp_path: Path
) -> None:
    task, unit = task_and_unit
    other = progress_service.find_task(db, plan_for_year(db, 2020).id, "1.1")
    common = {"unit_id": unit, "year": 2020, "period": "Q1"}
    first = progress_service.set_progress(db, task_id=task, **common, percent=20)
    assert first.task_ids == {task}
    second = progress_service.set_progress(db, task_id=other, **common, percent=30)
    assert (first + second).task_ids == {task, other}
    assert (first + second).fields == first.fields + second.fields
    scan = tmp_path / "anh.png"
    scan.write_bytes(b"\x89PNG anh chup")
    row = progress_service.progress_row_id(other, unit, 2020, "Q1")
    attached = evidence_service.attach_files(db, tmp_path / "cchc.db", row, [scan])
    assert attached.task_ids == {other}
    assert attached.tables == {"evidence"}
    assert organisation.add_alias(db, unit, "UBND xã Minh Sơn").task_ids == frozenset()
