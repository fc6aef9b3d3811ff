"""Structure edits on the seed plan: numbers follow order, one write each, undo restores, and
amendments take cancelled tasks out of what is due."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlite_utils import Database

from cchc_desktop.domain.model import NodeKind, plan_as_amended
from cchc_desktop.errors import ValidationError
from cchc_desktop.reports import report_service
from cchc_desktop.services import (
    amendment_service,
    deadline_service,
    history_service,
    node_structure,
    plan_header,
    plan_service,
    settings_service,
    structure_service,
    task_service,
    tree_service,
)
from cchc_desktop.services.progress_service import find_task
from tests.conftest import MakeDb


@pytest.fixture
def seeded(make_db: MakeDb) -> Database:
    return make_db()


def plan_id(db: Database) -> str:
    return plan_service.plan_for_year(db, 2020).id


def numbers(db: Database) -> list[tuple[int, int]]:
    return [(a.number, len(a.tasks)) for a in plan_service.load_plan(db, plan_id(db)).appendices]


def txs(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM change_tx").fetchone()[0])


def test_appendices_renumber_and_undo_restores(seeded: Database) -> None:
    pid = plan_id(seeded)
    before = numbers(seeded)
    count = txs(seeded)
    created = structure_service.add_appendix(seeded, pid, "Chuyển đổi số", index=1)
    assert txs(seeded) == count + 1  # one write
    assert numbers(seeded) == [before[0], (2, 0), *[(n + 1, c) for n, c in before[1:]]]
    moved = structure_service.move_appendix(seeded, created.id, 7)
    assert numbers(seeded)[-1] == (8, 0)
    task_service.apply_edits(seeded, task_service.revert_edits(moved))
    task_service.apply_edits(seeded, task_service.revert_edits(created.changes))
    assert numbers(seeded) == before
    third = structure_service.find_appendix(seeded, pid, 3)
    assert structure_service.removal_summary(seeded, "appendix", third).startswith(
        "Đi kèm phụ lục: 3 nhiệm vụ"
    )
    removed = structure_service.remove_appendix(seeded, third)
    assert [c for _, c in numbers(seeded)] == [6, 8, 6, 4, 6, 4]
    task_service.apply_edits(seeded, task_service.revert_edits(removed))
    assert numbers(seeded) == before


def test_tasks_move_between_appendices_and_up_and_down(seeded: Database) -> None:
    pid = plan_id(seeded)
    task = find_task(seeded, pid, "1.2")
    title = seeded.execute("SELECT title FROM task WHERE id = ?", [task]).fetchone()[0]
    target = structure_service.find_appendix(seeded, pid, 3)
    structure_service.move_task(seeded, task, target, 0)
    assert find_task(seeded, pid, "3.1") == task
    assert [c for _, c in numbers(seeded)] == [5, 8, 4, 6, 4, 6, 4]
    structure_service.shift_task(seeded, task, 1)
    assert find_task(seeded, pid, "3.2") == task
    with pytest.raises(ValidationError, match="đầu phụ lục"):
        structure_service.shift_task(seeded, find_task(seeded, pid, "3.1"), -1)
    plan = plan_service.load_plan(seeded, pid)
    assert [t.no for t in plan.appendices[2].tasks] == ["1", "2", "3", "4"]
    assert plan.appendices[2].tasks[1].title == title


def test_parts_and_items_renumber_and_cannot_move_into_themselves(seeded: Database) -> None:
    pid = plan_id(seeded)
    parts = list(plan_service.load_plan(seeded, pid).parts)
    assert [p.number for p in parts] == ["I", "II", "III", "IV"]
    new_part = node_structure.add_node(seeded, pid, None, NodeKind.PART, "PHẦN MỚI", index=1)
    parts = plan_service.load_plan(seeded, pid).parts
    assert [(p.number, p.text) for p in parts][:2] == [
        ("I", "MỤC TIÊU, YÊU CẦU"),
        ("II", "PHẦN MỚI"),
    ]
    assert parts[2].number == "III"
    part_two = seeded.execute(
        "SELECT id FROM plan_node WHERE plan_id = ? AND number = 'III' AND kind = 'part'"
        " AND deleted = 0",
        [pid],
    ).fetchone()[0]
    item = node_structure.add_node(seeded, pid, part_two, NodeKind.ITEM, "Mục đầu", index=0)
    sub = node_structure.add_node(seeded, pid, item.id, NodeKind.ITEM, "Mục con")
    reform = plan_service.load_plan(seeded, pid).parts[2]
    assert [(c.number, c.text) for c in reform.children][:2] == [
        ("1", "Mục đầu"),
        ("2", "Cải cách thể chế"),
    ]
    assert reform.children[0].children[0].number == "1.1"
    # "5.1" under item 5 follows its parent when that moves to 6.
    five = reform.children[5]
    assert (five.number, [c.number for c in five.children]) == ("6", ["6.1", "6.2"])
    with pytest.raises(ValidationError, match="chính nó"):
        node_structure.move_node(seeded, item.id, sub.id, 0)
    with pytest.raises(ValidationError, match="cấp cao nhất"):
        node_structure.move_node(seeded, new_part.id, item.id, 0)
    assert "1 mục" in structure_service.removal_summary(seeded, "plan_node", item.id)
    node_structure.remove_node(seeded, item.id)
    reform = plan_service.load_plan(seeded, pid).parts[2]
    assert reform.children[0].number == "1"
    assert reform.children[4].children[0].number == "5.1"


def test_the_header_finishes_a_draft(seeded: Database) -> None:
    pid = plan_id(seeded)
    plan_service.import_plan(
        seeded, plan_service.next_year_draft(plan_service.load_plan(seeded, pid), 2021)
    )
    draft = plan_service.plan_for_year(seeded, 2021).id
    header = plan_header.load_header(seeded, draft)
    assert plan_header.missing_for_issue(header) == ["số, ký hiệu quyết định", "ngày ban hành"]
    assert header.body[1].startswith("Căn cứ Luật Tổ chức")
    body = (*header.body[:2], "Căn cứ Quyết định số 1/QĐ-UBND ngày 02/01/2021;", *header.body[2:])
    from dataclasses import replace

    plan_header.save_header(
        seeded,
        draft,
        replace(header, number="7/QĐ-UBND", date=dt.date(2020, 12, 30), body=body),
    )
    plan = plan_service.load_plan(seeded, draft)
    assert (plan.decision.number, plan.decision.date) == ("7/QĐ-UBND", dt.date(2020, 12, 30))
    assert plan.decision.body[2].text == "Căn cứ Quyết định số 1/QĐ-UBND ngày 02/01/2021;"
    assert len(plan.decision.body) == len(header.body) + 1
    assert plan.appendix_subtitle.startswith("(Kèm theo Quyết định số 7/QĐ-UBND ngày 30 tháng 12")
    with pytest.raises(ValidationError, match="năm 2020 hoặc 2021"):
        plan_header.save_header(seeded, draft, replace(header, date=dt.date(2023, 1, 1)))


def test_a_cancelled_task_leaves_what_is_due_and_keeps_its_history(seeded: Database) -> None:
    pid = plan_id(seeded)
    today = dt.date(2020, 12, 30)
    before = tree_service.summary_counts(seeded, pid, today)
    overdue = [r for r in tree_service.whole_plan(seeded, pid, today).tasks() if r.overdue]
    victim = overdue[0].ref.id
    amendment, _ = amendment_service.record_amendment(
        seeded, pid, number="300/QĐ-UBND", date=dt.date(2020, 7, 1), summary="Bãi bỏ"
    )
    task_service.save_task(
        seeded,
        victim,
        task_service.TaskEdit(
            title="Tên đã sửa",
            products=(),
            agencies=tuple(
                task_service.AgencyChoice(a.agency_id, a.role)
                for a in task_service.load_task(seeded, victim).agencies
            ),
            timeline=task_service.load_task(seeded, victim).timeline,
            note="",
        ),
    )
    amendment_service.cancel_task(seeded, victim)
    after = tree_service.summary_counts(seeded, pid, today)
    assert after.overdue == before.overdue - 1
    row = tree_service.task_rows(seeded, [victim], today)[0]
    assert row.cancelled == "Đã bãi bỏ theo QĐ 300/QĐ-UBND ngày 01/07/2020"
    assert row.status is None
    assert not row.overdue
    due = deadline_service.occurrences(
        seeded, dt.date(2020, 1, 1), dt.date(2020, 12, 31), today=today
    )
    assert victim not in {o.task_id for o in due}
    history = history_service.node_history(seeded, "task", victim)
    amended = [c for c in history if c.record == "Nhiệm vụ (theo QĐ 300/QĐ-UBND ngày 01/07/2020)"]
    said = " | ".join(c.what() for c in amended)
    assert "→ Tên đã sửa" in said
    assert f"Bãi bỏ theo quyết định: {amendment.label}" in said
    # The plan as it stood before the amendment has the task in force; after, cancelled.
    plan = plan_service.load_plan(seeded, pid)
    ref = {t.title: t for a in plan.appendices for t in a.tasks}["Tên đã sửa"]
    assert ref.cancelled_by == "300/QĐ-UBND"
    old = plan_as_amended(plan, dt.date(2020, 6, 30))
    assert not any(t.cancelled for a in old.appendices for t in a.tasks)
    assert old.amendments == ()
    # Period reports: in those of periods closed before the decision, not in later ones.
    rules = settings_service.reporting_rules(seeded)
    from cchc_desktop.domain.periods import ReportingPeriod

    def titles(period: ReportingPeriod) -> set[str]:
        data = report_service.period_report_data(seeded, pid, period, today, rules)
        return {t.title for a in data.areas for t in a.tasks}

    assert "Tên đã sửa" in titles(ReportingPeriod.H1)
    assert "Tên đã sửa" not in titles(ReportingPeriod.Q3)
    assert "Tên đã sửa" not in titles(ReportingPeriod.Y)


def test_only_the_district_or_a_lone_pc_may_edit_plans(seeded: Database) -> None:
    assert structure_service.may_edit_plans(seeded)  # no network yet: works alone
    seeded.execute("UPDATE local_site SET network_id = 'n1', role = 'commune'")
    assert not structure_service.may_edit_plans(seeded)
    seeded.execute("UPDATE local_site SET role = 'district'")
    assert structure_service.may_edit_plans(seeded)
