"""Reports built from the database: the figures printed agree with the rows stored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlite_utils import Database

from cchc_desktop.domain.model import StatusCategory, WorkState
from cchc_desktop.domain.periods import DEFAULT_RULES, ReportingPeriod
from cchc_desktop.errors import ConflictError, NotFoundError
from cchc_desktop.reports import report_service as rs
from cchc_desktop.reports.data import summary_counts
from cchc_desktop.services import organisation, progress_service, register_service
from cchc_desktop.services.plan_service import plan_for_year
from cchc_desktop.services.startup import open_or_create


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "cchc.db"
    db = open_or_create(path)
    plan = plan_for_year(db, 2020).id
    commune = organisation.ensure_agency(db, "Xã Minh Sơn").agency_id
    office = organisation.find_agency(db, "Văn phòng HĐND-UBND huyện")
    assert office is not None
    entries = [
        ("2.5", commune, WorkState.DONE, dt.date(2020, 3, 10)),  # due 20/3: on time
        ("2.5", office.id, WorkState.IN_PROGRESS, None),
        ("2.6", commune, WorkState.DONE, dt.date(2020, 3, 25)),  # due 20/3: late
        ("1.3", commune, WorkState.NOT_APPLICABLE, None),
    ]
    for ref, unit, state, completed in entries:
        progress_service.set_progress(
            db,
            task_id=progress_service.find_task(db, plan, ref),
            unit_id=unit,
            year=2020,
            period="Q1",
            state=state,
            completed_on=completed,
            result=f"Kết quả {ref}",
        )
    db.conn.close()
    return path


def _db(path: Path) -> Database:
    from cchc_desktop.store.db import connect

    return connect(path)


def test_period_counts_equal_the_database(db_path: Path) -> None:
    db = _db(db_path)
    plan = plan_for_year(db, 2020).id
    data = rs.period_report_data(db, plan, ReportingPeriod.Q1, dt.date(2026, 1, 1), DEFAULT_RULES)
    rows = {(t.appendix, t.no): t for t in data.tasks}
    assert len(rows) == 37
    # task 2.5: the commune finished on time but the district office is still working on it,
    # so the task as a whole is not done; judged on the Q1 due day (20/3) it is still in time
    assert rows[(2, "5")].status is StatusCategory.IN_PROGRESS_ON_TIME
    assert rows[(2, "6")].status is StatusCategory.DONE_LATE
    assert rows[(1, "3")].status is StatusCategory.NOT_APPLICABLE
    counts = summary_counts(data.tasks)
    assert sum(counts.values()) == 37
    assert counts[StatusCategory.DONE_LATE] == 1
    assert counts[StatusCategory.NOT_APPLICABLE] == 1
    units = {u.unit: {(r.appendix, r.no): r.status for r in u.rows} for u in data.units}
    assert units["Xã Minh Sơn"] == {
        (2, "5"): StatusCategory.DONE_ON_TIME,
        (2, "6"): StatusCategory.DONE_LATE,
        (1, "3"): StatusCategory.NOT_APPLICABLE,
    }
    stored = db.execute("SELECT count(*) FROM progress WHERE period = 'Q1'").fetchone()[0]
    assert sum(len(u.rows) for u in data.units) == stored
    assert (data.data_from, data.data_to) == (dt.date(2019, 12, 15), dt.date(2020, 3, 14))


def test_period_report_pdf_prints_the_counts(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "q1.pdf"
    result = rs.build_report(
        db_path,
        rs.ReportRequest(rs.ReportKind.PERIOD, 2020, period=ReportingPeriod.Q1),
        out,
    )
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert result.pages >= 2
    assert "BÁO CÁO" in text
    assert "quý I năm 2020" in text
    assert "Xã Minh Sơn" in text
    assert "Kết quả 2.6" in text
    # A report sent up is addressed to the bodies it reports to (the "(b/c)" recipients),
    # and its Nơi nhận starts with "- Như trên;".
    assert "Kính gửi:" in text
    assert "- Sở Nội vụ;" in text
    assert "Nơi nhận:\n- Như trên;" in text
    assert "Sở Nội vụ (b/c)" not in text


def test_sent_up_moves_the_b_c_recipients_to_kinh_gui() -> None:
    options = rs.sent_up(
        rs.rd.DocumentOptions(), ("Sở Nội vụ (b/c);", "UBND các xã, thị trấn;", "Lưu: VT, NV.")
    )
    assert options.addressees == ("Sở Nội vụ",)
    assert options.recipients == ("Như trên;", "UBND các xã, thị trấn;", "Lưu: VT, NV.")


def test_plan_report_reproduces_every_task(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    rs.build_report(db_path, rs.ReportRequest(rs.ReportKind.PLAN, 2020), out)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    db = _db(db_path)
    for (title,) in db.execute("SELECT title FROM task WHERE deleted = 0"):
        assert " ".join(title.split())[:60] in text


def test_overdue_report_lists_open_milestones(db_path: Path, tmp_path: Path) -> None:
    db = _db(db_path)
    data = rs.deadline_report_data(db, plan_for_year(db, 2020).id, dt.date(2020, 3, 25), 30)
    overdue = {(r.appendix, r.no) for r in data.overdue}
    assert (2, "3") in overdue  # quarterly report due 20/3, nothing recorded
    # 2.5 names "UBND cấp xã" among its implementing agencies: each commune answers for itself,
    # so the commune that finished is no longer pending, while the one-stop desk still is
    [row] = [r for r in data.overdue if (r.appendix, r.no) == (2, "5")]
    assert "Xã Minh Sơn" not in row.units_pending
    assert [u for u in row.units_pending if u.startswith("Bộ phận")], row.units_pending
    assert row.status is StatusCategory.NOT_STARTED  # the least advanced unit speaks for the row
    assert all(r.due <= dt.date(2020, 3, 25) for r in data.overdue)
    assert all(dt.date(2020, 3, 25) <= r.due <= dt.date(2020, 4, 24) for r in data.due_soon)


def test_agency_sheet_lists_the_agency_tasks_with_roles(db_path: Path) -> None:
    db = _db(db_path)
    sheet = rs.agency_sheet_data(
        db, plan_for_year(db, 2020).id, "Phòng Tư pháp", dt.date(2020, 1, 1)
    )
    assert {(r.appendix, r.no) for r in sheet.rows} >= {(1, str(n)) for n in range(1, 7)}
    with pytest.raises(NotFoundError, match="Không tìm thấy cơ quan"):
        rs.agency_sheet_data(db, plan_for_year(db, 2020).id, "Sở Ngoại giao", dt.date(2020, 1, 1))


def test_register_numbers_per_type_and_year(tmp_path: Path) -> None:
    db = open_or_create(tmp_path / "a.db")
    assert register_service.next_number(db, "BC", 2020) == 1
    register_service.register_document(
        db,
        doc_type="BC",
        number=1,
        symbol="BC-UBND",
        issued_on=dt.date(2020, 3, 20),
        title="Báo cáo quý I",
        pdf_sha256="00" * 32,
    )
    assert register_service.next_number(db, "BC", 2020) == 2
    assert register_service.next_number(db, "BC", 2021) == 1
    assert register_service.next_number(db, "KH", 2020) == 1
    with pytest.raises(ConflictError, match="đã cấp"):
        register_service.register_document(
            db,
            doc_type="BC",
            number=1,
            symbol="BC-UBND",
            issued_on=dt.date(2020, 6, 1),
            title="Trùng số",
            pdf_sha256="11" * 32,
        )
    assert [d.number for d in register_service.list_documents(db, 2020)] == [1]


def test_a_blank_date_line_carries_the_year_it_is_printed_in(db_path: Path, tmp_path: Path) -> None:
    """Printed in 2026 for the 2020 plan, to be numbered and dated by hand after signing: the
    date line reads "năm 2026", the year whose register gives the number."""
    out = tmp_path / "q1.pdf"
    rs.build_report(
        db_path,
        rs.ReportRequest(
            rs.ReportKind.PERIOD,
            2020,
            period=ReportingPeriod.Q1,
            as_of=dt.date(2026, 12, 5),
            blank_number_and_date=True,
        ),
        out,
    )
    first = PdfReader(out).pages[0].extract_text()
    assert "tháng" in first
    assert "năm 2026" in first.split("BÁO CÁO")[0]  # the date line, above the title
    # Without a number or date given the line is left blank too, with the same year.
    rs.build_report(
        db_path,
        rs.ReportRequest(
            rs.ReportKind.PERIOD, 2020, period=ReportingPeriod.Q1, as_of=dt.date(2026, 12, 5)
        ),
        out,
    )
    assert "năm 2026" in PdfReader(out).pages[0].extract_text().split("BÁO CÁO")[0]


def test_the_plan_is_named_by_the_kind_of_document_that_issued_it() -> None:
    from cchc_desktop.reports.data import PlanReference, document_kind

    assert rs.running_title("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2020") == (
        "Kế hoạch cải cách hành chính năm 2020"
    )
    assert rs.running_title("KẾ HOẠCH CCHC NĂM 2021 CỦA UBND XÃ") == (
        "Kế hoạch CCHC năm 2021 của UBND xã"
    )
    commune = rs.running_title("KẾ HOẠCH Cải cách hành chính xã Đông Hưng năm 2025")
    assert commune == "Kế hoạch cải cách hành chính xã Đông Hưng năm 2025"
    assert PlanReference(commune, "02/KH-UBND", dt.date(2025, 1, 6)).sentence() == (
        "Kế hoạch số 02/KH-UBND ngày 06 tháng 01 năm 2025 về cải cách hành chính xã Đông Hưng "
        "năm 2025"
    )
    seed = PlanReference(
        "Kế hoạch cải cách hành chính năm 2020",
        "6320/QĐ-UBND",
        dt.date(2019, 12, 26),
        "Chủ tịch UBND huyện Ngọc Lặc",
    )
    assert seed.sentence() == (
        "Quyết định số 6320/QĐ-UBND ngày 26 tháng 12 năm 2019 của Chủ tịch UBND huyện Ngọc Lặc "
        "ban hành Kế hoạch cải cách hành chính năm 2020"
    )
    assert document_kind("118/KH-STP") == "Kế hoạch"
    assert document_kind("12/CT-UBND") == "Chỉ thị"
    assert document_kind("12") == "Văn bản"
