"""The tree's read model: levels, batches, whole plan, statuses like the calendar's summary."""

from __future__ import annotations

import datetime as dt

from cchc_desktop.domain.model import NodeKind
from cchc_desktop.services import deadline_service, plan_service, tree_service
from cchc_desktop.services.tree_service import APPENDIX, TASK

TODAY = dt.date(2020, 3, 15)


def test_levels_batches_and_whole_plan_agree(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    plan = plan_service.list_plans(db)[0]
    top = tree_service.top_level(db, plan.id)
    assert [r.kind for r in top].count(NodeKind.APPENDIX) == 7
    appendix = next(r for r in top if r.ref.table == APPENDIX)
    first = tree_service.children(db, appendix.ref, TODAY, offset=0, limit=4)
    rest = tree_service.children(db, appendix.ref, TODAY, offset=4, limit=4)
    assert [r.number for r in first + rest] == ["1", "2", "3", "4", "5", "6"]
    whole = tree_service.whole_plan(db, plan.id, TODAY)
    assert [r.ref for r in whole.children[appendix.ref]] == [r.ref for r in first + rest]
    assert sum(1 for _ in whole.tasks()) == 37
    part = top[1]
    assert [r.ref for r in tree_service.children(db, part.ref, TODAY)] == [
        r.ref for r in whole.children[part.ref]
    ]


def test_task_rows_carry_lead_due_status_and_search_key(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    plan = plan_service.list_plans(db)[0]
    appendix = tree_service.top_level(db, plan.id)[5]
    row = tree_service.children(db, appendix.ref, TODAY)[0]
    assert row.ref.table == TASK
    assert row.lead == "Phòng Tư pháp"
    assert row.next_due == dt.date(2019, 12, 31)
    assert row.overdue
    assert row.search_key.startswith("1 ban hanh ke hoach")
    again = tree_service.task_rows(db, [row.ref.id], TODAY)
    assert again == [row]


def test_summary_counts_match_the_deadline_service(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    plan = plan_service.list_plans(db)[0]
    for today in (TODAY, dt.date(2020, 6, 16), dt.date(2020, 12, 28), dt.date(2026, 12, 4)):
        mine = tree_service.summary_counts(db, plan.id, today)
        theirs = deadline_service.summary(db, plan.id, today)
        assert (mine.overdue, mine.due_soon) == (theirs.overdue_tasks, theirs.due_soon_tasks)
        assert mine.text() == theirs.text()


def test_search_text_is_fold() -> None:
    import unicodedata
    from pathlib import Path

    from cchc_desktop.domain.text import fold
    from cchc_desktop.services.tree_service import search_text

    seed = Path(__file__).resolve().parents[3] / "resources" / "ke-hoach-cchc-2020-ngoc-lac.txt"
    for line in seed.read_text(encoding="utf-8").splitlines():
        for text in (line, unicodedata.normalize("NFD", line), line.upper()):
            assert search_text(text) == fold(text)
    assert search_text("ĐẠT ĐƯỢC Ǆ ǅ ﬁ 𝔘") == fold("ĐẠT ĐƯỢC Ǆ ǅ ﬁ 𝔘")


def test_a_task_reported_done_is_no_longer_overdue_in_the_tree(make_db) -> None:  # type: ignore[no-untyped-def]
    from cchc_desktop.domain.model import StatusCategory, WorkState
    from cchc_desktop.services import organisation, progress_service

    db = make_db()
    plan = plan_service.list_plans(db)[0]
    task = progress_service.find_task(db, plan.id, "1.2")  # Ban hành KH 12/2019, báo cáo 11/2020
    justice = organisation.find_agency(db, "Phòng Tư pháp")
    assert justice is not None
    [before] = tree_service.task_rows(db, [task], TODAY)
    assert before.overdue
    progress_service.set_progress(
        db,
        task_id=task,
        unit_id=justice.id,
        year=2020,
        period="Q1",
        state=WorkState.DONE,
        completed_on=dt.date(2019, 12, 30),
    )
    [after] = tree_service.task_rows(db, [task], TODAY)
    assert not after.overdue
    assert after.status is not None
    assert after.status.category is StatusCategory.DONE_ON_TIME


def test_the_window_finds_plans_and_tasks_through_reads(make_db) -> None:  # type: ignore[no-untyped-def]
    from cchc_desktop.domain.model import WorkState
    from cchc_desktop.services import organisation, progress_service

    db = make_db()
    plan = plan_service.list_plans(db)[0]
    assert tree_service.plan_year(db, plan.id) == 2020
    assert tree_service.plan_year(db, "no-such-plan") is None
    assert tree_service.task_count(db, plan.id) == 37
    task = progress_service.find_task(db, plan.id, "2.5")
    appendices = [r for r in tree_service.top_level(db, plan.id) if r.ref.table == APPENDIX]
    assert tree_service.task_place(db, task) == (plan.id, appendices[1].ref.id)  # Phụ lục 02
    unit = organisation.ensure_agency(db, "Xã Minh Sơn").agency_id
    progress_service.set_progress(
        db, task_id=task, unit_id=unit, year=2020, period="Q1", state=WorkState.IN_PROGRESS
    )
    row = progress_service.progress_row_id(task, unit, 2020, "Q1")
    assert tree_service.task_of_record(db, "progress", row) == task
    assert tree_service.task_of_record(db, TASK, task) == task
    assert tree_service.task_of_record(db, "progress", "missing") is None
    assert tree_service.task_of_record(db, "agency", unit) is None


def test_a_plan_without_a_decision_of_its_own_names_its_issuing_node(make_db) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from cchc_desktop.importer.plan_text import read_plan_file

    db = make_db(seed=False)
    plans = Path(__file__).resolve().parents[2] / "fixtures" / "plans"
    plan_service.import_plan(db, read_plan_file(plans / "xa-2025-web-khong-bang.txt"))
    plan = plan_service.list_plans(db)[0]
    first = tree_service.top_level(db, plan.id)[0]
    assert first.kind == NodeKind.DECISION
    assert first.title == "Văn bản ban hành kế hoạch"
    seed = make_db("seed.db")
    seed_plan = plan_service.list_plans(seed)[0]
    assert tree_service.top_level(seed, seed_plan.id)[0].title.startswith("Quyết định: Ban hành")
