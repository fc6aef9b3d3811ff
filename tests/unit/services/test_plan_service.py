"""Storing the seed plan, reading it back whole, and importing it again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlite_utils import Database

from cchc_desktop.domain.model import AgencyRole
from cchc_desktop.errors import ConflictError, ValidationError
from cchc_desktop.importer.plan_text import parse_plan_text
from cchc_desktop.services import plan_service
from cchc_desktop.services.startup import import_seed_plan, open_or_create, seed_plan_path
from cchc_desktop.store.changes import Edit, apply_local_edits
from cchc_desktop.store.db import open_database
from tests.office_sample import sample_office


@pytest.fixture
def seeded(tmp_path: Path) -> Database:
    return open_or_create(tmp_path / "cchc.db")


def test_a_new_database_holds_the_seed_plan(seeded: Database) -> None:
    plans = plan_service.list_plans(seeded)
    assert [(p.year, p.decision_number, p.task_count) for p in plans] == [
        (2020, "6320/QĐ-UBND", 37)
    ]


def test_the_stored_plan_reads_back_with_every_cell(seeded: Database) -> None:
    stored = plan_service.load_plan(seeded, plan_service.plan_for_year(seeded, 2020).id)
    source = parse_plan_text(seed_plan_path().read_text(encoding="utf-8"))
    assert [len(a.tasks) for a in stored.appendices] == [6, 8, 3, 6, 4, 6, 4]
    for stored_appendix, source_appendix in zip(stored.appendices, source.appendices, strict=True):
        assert stored_appendix.title == source_appendix.title
        assert stored_appendix.lead_agency == source_appendix.lead_agency
        for s, o in zip(stored_appendix.tasks, source_appendix.tasks, strict=True):
            assert (s.no, s.title, s.products, s.agencies_text, s.timeline, s.note) == (
                o.no,
                o.title,
                o.products,
                o.agencies_text,
                o.timeline,
                o.note,
            )
            assert s.agencies == o.agencies
    assert stored.parts == source.parts
    assert stored.decision.body == source.decision.body
    assert stored.decision.number == "6320/QĐ-UBND"
    assert stored.decision.signer == "Lê Văn Tuấn"


def test_milestones_are_stored_at_import(seeded: Database) -> None:
    plan = plan_service.load_plan(seeded, plan_service.plan_for_year(seeded, 2020).id)
    first = plan.appendices[0].tasks[0]
    assert [(m.label, m.due.isoformat() if m.due else None) for m in first.milestones] == [
        ("Ban hành KH", "2019-12-31"),
        ("Báo cáo kết quả", "2020-11-30"),
    ]
    assert first.milestones[0].warning == ""  # preparing in December before the plan year
    finance = plan.appendices[4].tasks[1]  # "Trong năm 2019" in a 2020 plan
    assert "2019" in finance.milestones[0].warning


def test_importing_the_same_plan_again_is_refused_without_replace(seeded: Database) -> None:
    before = seeded.execute("SELECT count(*) FROM change_log").fetchone()[0]
    with pytest.raises(ConflictError, match="đã có trong cơ sở dữ liệu"):
        import_seed_plan(seeded)
    assert seeded.execute("SELECT count(*) FROM change_log").fetchone()[0] == before
    assert seeded.execute("SELECT count(*) FROM task").fetchone()[0] == 37


def test_replacing_with_the_same_document_changes_nothing(seeded: Database) -> None:
    parsed = parse_plan_text(seed_plan_path().read_text(encoding="utf-8"))
    before = seeded.execute("SELECT count(*) FROM change_log").fetchone()[0]
    result = plan_service.import_plan(
        seeded,
        parsed,
        replace_existing=True,
        source_name="ke-hoach-cchc-2020-ngoc-lac.txt",
        source_sha256=seeded.execute("SELECT source_sha256 FROM plan").fetchone()[0],
    )
    assert result.replaced
    assert not result.changes
    assert seeded.execute("SELECT count(*) FROM change_log").fetchone()[0] == before


def test_replace_keeps_task_ids_updates_cells_and_keeps_confirmed_milestones(
    seeded: Database,
) -> None:
    parsed = parse_plan_text(seed_plan_path().read_text(encoding="utf-8"))
    plan_id = plan_service.plan_for_year(seeded, 2020).id
    task_id = seeded.execute(
        "SELECT t.id FROM task t JOIN appendix a ON a.id = t.appendix_id"
        " WHERE a.number = 1 AND t.no = '3'"
    ).fetchone()[0]
    milestone_id = seeded.execute(
        "SELECT id FROM milestone WHERE task_id = ? AND ord = 0", [task_id]
    ).fetchone()[0]
    apply_local_edits(
        seeded,
        [Edit("milestone", milestone_id, {"due": "2020-02-15", "confirmed": 1, "overridden": 1})],
    )
    first = parsed.appendices[0]
    changed_task = dataclasses.replace(first.tasks[2], title="Hướng dẫn chuyên môn (bản sửa)")
    shorter = dataclasses.replace(first, tasks=(*first.tasks[:2], changed_task, *first.tasks[3:5]))
    parsed = dataclasses.replace(parsed, appendices=(shorter, *parsed.appendices[1:]))
    plan_service.import_plan(seeded, parsed, replace_existing=True)
    assert seeded.execute("SELECT title FROM task WHERE id = ?", [task_id]).fetchone()[0] == (
        "Hướng dẫn chuyên môn (bản sửa)"
    )
    assert seeded.execute(
        "SELECT due, confirmed FROM milestone WHERE id = ?", [milestone_id]
    ).fetchone() == ("2020-02-15", 1)
    reloaded = plan_service.load_plan(seeded, plan_id)
    assert len(reloaded.appendices[0].tasks) == 5  # task 6 is marked deleted, not erased
    assert seeded.execute("SELECT count(*) FROM task WHERE deleted = 1").fetchone()[0] == 1


def test_plan_json_has_the_documented_keys(seeded: Database) -> None:
    data = plan_service.plan_to_json(
        plan_service.load_plan(seeded, plan_service.plan_for_year(seeded, 2020).id)
    )
    assert {"year", "decision", "parts", "appendices"} <= set(data)
    assert {"number", "date", "signer"} <= set(data["decision"])
    task = data["appendices"][0]["tasks"][0]
    assert set(task) == {
        "no",
        "title",
        "products",
        "agencies",
        "timeline",
        "note",
        "milestones",
        "status",
        "amendment",
    }
    assert (task["status"], task["amendment"]) == ("active", None)
    assert data["amendments"] == []
    assert task["agencies"][0] == {"name": "Phòng Tư pháp", "role": str(AgencyRole.LEAD)}
    assert set(task["milestones"][0]) == {"label", "kind", "due", "period"}
    json.dumps(data)  # serialisable as is


def test_the_import_is_one_transaction_in_the_change_log(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.db")
    import_seed_plan(db)
    txs = db.execute("SELECT DISTINCT tx_seq FROM change_log").fetchall()
    assert len(txs) == 1
    seqs = [r[0] for r in db.execute("SELECT seq FROM change_log ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))
    # one entry per stored field: every task row has its fields logged exactly once
    per_field = db.execute(
        "SELECT count(*) FROM change_log GROUP BY tbl, row_id, field HAVING count(*) > 1"
    ).fetchall()
    assert per_field == []


def test_stored_text_is_nfc(tmp_path: Path) -> None:
    import unicodedata

    db = open_database(tmp_path / "a.db")
    text = unicodedata.normalize("NFD", seed_plan_path().read_text(encoding="utf-8"))
    plan_service.import_plan(db, parse_plan_text(text))
    for (title,) in db.execute("SELECT title FROM task"):
        assert unicodedata.is_normalized("NFC", title)


def test_next_year_draft_moves_deadlines_and_leaves_the_decision_to_issue(
    seeded: Database,
) -> None:
    source = plan_service.load_plan(seeded, plan_service.plan_for_year(seeded, 2020).id)
    draft = plan_service.next_year_draft(source, 2021)
    plan_service.import_plan(seeded, draft)
    stored = plan_service.load_plan(seeded, plan_service.plan_for_year(seeded, 2021).id)
    assert stored.title == "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2021"
    assert (stored.decision.number, stored.decision.date) == ("", None)
    first = stored.appendices[0].tasks[0]
    assert first.timeline == "- Ban hành KH: tháng 12/2020. - Báo cáo kết quả: tháng 11/2021."
    assert [m.due for m in first.milestones if m.due] == [
        dt.date(2020, 12, 31),
        dt.date(2021, 11, 30),
    ]
    assert stored.task_count == 37
    # Legal citations keep their dates.
    assert stored.decision.body == source.decision.body
    with pytest.raises(ValidationError, match="phải sau năm 2020"):
        plan_service.next_year_draft(source, 2020)


def test_recurring_deadlines_follow_the_office_report_day(tmp_path: Path) -> None:
    from cchc_desktop.services.settings_service import save_office_settings

    db = open_database(tmp_path / "a.db")
    save_office_settings(db, dataclasses.replace(sample_office(), report_due_day=15))
    import_seed_plan(db)
    plan = plan_service.load_plan(db, plan_service.plan_for_year(db, 2020).id)
    quarterly = plan.appendices[1].tasks[4]  # "Định kỳ hàng quý hoặc đột xuất theo yêu cầu"
    assert [m.due for m in quarterly.milestones if m.due][:2] == [
        dt.date(2020, 3, 15),
        dt.date(2020, 6, 15),
    ]
