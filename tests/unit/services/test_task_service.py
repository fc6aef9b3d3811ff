"""Task editing through the single write path, and the undo edits derived from Changes."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlite_utils import Database

from cchc_desktop.domain.model import AgencyRole, WorkState
from cchc_desktop.domain.periods import ReportingPeriod, ReportingRules
from cchc_desktop.errors import ValidationError
from cchc_desktop.services import (
    evidence_service,
    history_service,
    progress_service,
    task_service,
)
from cchc_desktop.services.progress_service import ProgressEdit
from cchc_desktop.services.task_service import (
    AgencyChoice,
    MilestoneOverride,
    TaskEdit,
)

TODAY = dt.date(2020, 3, 15)


def _task(db: Database, appendix: int, no: str) -> str:
    return str(
        db.execute(
            "SELECT t.id FROM task t JOIN appendix a ON a.id = t.appendix_id"
            " WHERE a.number = ? AND t.no = ?",
            [appendix, no],
        ).fetchone()[0]
    )


def _edit_of(detail: task_service.TaskDetail, **changes: object) -> TaskEdit:
    base = TaskEdit(
        title=detail.title,
        products=detail.products,
        agencies=tuple(AgencyChoice(a.agency_id, a.role, a.written_name) for a in detail.agencies),
        timeline=detail.timeline,
        note=detail.note,
    )
    return _replace(base, **changes)


def _replace(edit: TaskEdit, **changes: object) -> TaskEdit:
    import dataclasses

    return dataclasses.replace(edit, **changes)  # type: ignore[arg-type]


def test_load_task_reads_every_cell(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    detail = task_service.load_task(db, _task(db, 1, "1"))
    assert detail.ref == "1.1"
    assert detail.plan_year == 2020
    assert detail.products == ("Kế hoạch của UBND huyện", "Báo cáo kết quả thực hiện Kế hoạch")
    assert detail.agencies[0].role is AgencyRole.LEAD
    assert [m.milestone.label for m in detail.milestones] == ["Ban hành KH", "Báo cáo kết quả"]


def test_save_task_is_one_transaction_with_agencies_and_milestones(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    task_id = _task(db, 3, "1")
    detail = task_service.load_task(db, task_id)
    coordinating = detail.agencies[0].agency_id
    justice = db.execute("SELECT id FROM agency WHERE name = 'Phòng Tư pháp'").fetchone()[0]
    edit = _edit_of(
        detail,
        products=("Báo cáo", "  ", "Quyết định"),
        agencies=(
            AgencyChoice(justice, AgencyRole.LEAD),
            AgencyChoice(coordinating, AgencyRole.COORDINATING),
        ),
        timeline="Quý II/2020",
    )
    before = db.execute("SELECT count(DISTINCT tx_seq) FROM change_log").fetchone()[0]
    changes = task_service.save_task(db, task_id, edit, author="Văn thư")
    after = db.execute("SELECT count(DISTINCT tx_seq) FROM change_log").fetchone()[0]
    assert after == before + 1
    assert {"task", "task_agency", "milestone"} <= changes.tables
    saved = task_service.load_task(db, task_id)
    assert saved.products == ("Báo cáo", "Quyết định")
    assert [(a.agency_id, a.role) for a in saved.agencies] == [
        (justice, AgencyRole.LEAD),
        (coordinating, AgencyRole.COORDINATING),
    ]
    assert [m.milestone.due for m in saved.milestones] == [dt.date(2020, 6, 30)]
    text = db.execute("SELECT agencies_text FROM task WHERE id = ?", [task_id]).fetchone()[0]
    assert text.startswith("- Chủ trì: Phòng Tư pháp.")


def test_validation_messages(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    detail = task_service.load_task(db, _task(db, 1, "1"))
    with pytest.raises(ValidationError, match="Tên nhiệm vụ không được để trống"):
        task_service.validate_task_edit(_edit_of(detail, title=" "))
    lead = detail.agencies[0].agency_id
    other = detail.agencies[1].agency_id
    two_leads = (AgencyChoice(lead, AgencyRole.LEAD), AgencyChoice(other, AgencyRole.LEAD))
    with pytest.raises(ValidationError, match="chỉ có một cơ quan chủ trì"):
        task_service.validate_task_edit(_edit_of(detail, agencies=two_leads))
    with pytest.raises(ValidationError, match="phải có ngày hạn"):
        task_service.validate_task_edit(
            _edit_of(detail, overrides=(MilestoneOverride(0, None, True, True),))
        )


def test_override_confirms_and_clears_the_review_flag(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    task_id = _task(db, 1, "5")
    detail = task_service.load_task(db, task_id)
    edit = _edit_of(detail, overrides=(MilestoneOverride(0, dt.date(2020, 12, 15), True, True),))
    task_service.save_task(db, task_id, edit)
    row = db.execute(
        "SELECT due, confirmed, overridden FROM milestone WHERE task_id = ? AND ord = 0", [task_id]
    ).fetchone()
    assert row == ("2020-12-15", 1, 1)


def test_undo_and_redo_edits_come_from_changes(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    task_id = _task(db, 1, "1")
    detail = task_service.load_task(db, task_id)
    changes = task_service.save_task(db, task_id, _edit_of(detail, note="Ghi chú mới"))
    task_service.apply_edits(db, task_service.revert_edits(changes))
    assert db.execute("SELECT note FROM task WHERE id = ?", [task_id]).fetchone()[0] == detail.note
    task_service.apply_edits(db, task_service.reapply_edits(changes))
    assert (
        db.execute("SELECT note FROM task WHERE id = ?", [task_id]).fetchone()[0] == "Ghi chú mới"
    )


def test_progress_save_validates_and_undo_of_a_new_report_deletes_it(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    task_id = _task(db, 2, "5")
    unit = db.execute("SELECT id FROM agency ORDER BY name LIMIT 1").fetchone()[0]
    edit = ProgressEdit(task_id, unit, 2020, ReportingPeriod.Q1, WorkState.DONE, 80, "", None)
    with pytest.raises(ValidationError, match="100 %"):
        progress_service.save_progress(db, edit, today=TODAY)
    done = ProgressEdit(task_id, unit, 2020, ReportingPeriod.Q1, WorkState.DONE, None, "Xong", None)
    changes = progress_service.save_progress(db, done, today=TODAY)
    [record] = progress_service.list_task_progress(db, task_id)
    # No completion date was given: none is invented (today would be a made-up fact).
    assert (record.percent, record.completed_on, record.state) == (100, None, WorkState.DONE)
    task_service.apply_edits(db, task_service.revert_edits(changes))
    assert progress_service.list_task_progress(db, task_id) == []
    task_service.apply_edits(db, task_service.reapply_edits(changes))
    assert len(progress_service.list_task_progress(db, task_id)) == 1
    na = ProgressEdit(
        task_id, unit, 2020, ReportingPeriod.H1, WorkState.NOT_APPLICABLE, None, "", None
    )
    with pytest.raises(ValidationError, match="lý do"):
        progress_service.save_progress(db, na, today=TODAY)


def test_reporting_units_put_the_tasks_own_agencies_first(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    task_id = _task(db, 1, "1")
    own = [a.agency_id for a in task_service.load_task(db, task_id).agencies]
    units = progress_service.reporting_units(db, task_id)
    assert [u for u, _n in units[: len(own)]] == own
    assert len({u for u, _n in units}) == len(units)


def test_history_names_each_record(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    task_id = _task(db, 2, "5")
    unit = db.execute("SELECT id, name FROM agency ORDER BY name LIMIT 1").fetchone()
    edit = ProgressEdit(
        task_id, unit[0], 2020, ReportingPeriod.Q1, WorkState.IN_PROGRESS, 50, "", None
    )
    progress_service.save_progress(db, edit, today=TODAY, author="Văn thư")
    progress_id = progress_service.progress_row_id(task_id, unit[0], 2020, "Q1")
    evidence_service.add_evidence(
        db, progress_id=progress_id, sha256="a" * 64, file_name="bao-cao.pdf", size=3
    )
    history = history_service.node_history(db, "task", task_id)
    labels = {c.record for c in history}
    assert f"Tiến độ quý I năm 2020 – {unit[1]}" in labels
    assert "Minh chứng “bao-cao.pdf”" in labels
    assert "Nhiệm vụ" in labels
    assert history == sorted(history, key=lambda c: c.when, reverse=True)
    [attached] = [c for c in history if c.record == "Minh chứng “bao-cao.pdf”"]
    # One entry for the attachment, without its hash, size, keys or "not deleted".
    assert attached.action == "Thêm"
    assert [c.text() for c in attached.changes] == []
    report = next(c for c in history if c.record.startswith("Tiến độ"))
    assert report.text().startswith("Văn thư, ")
    assert "trên máy " in report.text()
    assert "Tỷ lệ hoàn thành: 50 %" in report.text()
    assert unit[0] not in report.text(), "no raw ids"


def test_the_live_preview_uses_the_office_report_day() -> None:
    parsed = task_service.preview_milestones(
        "Định kỳ hằng quý", 2020, dt.date(2019, 12, 26), ReportingRules(due_day=15)
    )
    assert [m.due for m in parsed][:2] == [dt.date(2020, 3, 15), dt.date(2020, 6, 15)]
