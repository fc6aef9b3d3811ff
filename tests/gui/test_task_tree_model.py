"""The lazy plan tree and its filter proxy over the seed plan (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from cchc_desktop.context import AppContext
from cchc_desktop.domain.model import NodeKind, StatusCategory
from cchc_desktop.domain.periods import ReportingPeriod
from cchc_desktop.domain.text import sort_key
from cchc_desktop.qtmodels.roles import ITEM_ROLE, collation_text, number_key
from cchc_desktop.qtmodels.task_filter_proxy import Deadline, TaskFilter, TaskFilterProxy
from cchc_desktop.qtmodels.task_tree_model import COL_TITLE, TaskTreeModel
from cchc_desktop.services import plan_service, task_service, tree_service
from cchc_desktop.services.tree_service import APPENDIX, TASK, TreeRow

pytestmark = pytest.mark.usefixtures("qapp")


def _model(ctx: AppContext) -> TaskTreeModel:
    model = TaskTreeModel(ctx.db, ctx.today)
    model.set_plan(plan_service.list_plans(ctx.db)[0].id)
    return model


def _visible_tasks(proxy: TaskFilterProxy) -> list[TreeRow]:
    rows: list[TreeRow] = []
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        for r in range(proxy.rowCount(parent)):
            index = proxy.index(r, 0, parent)
            row = index.data(ITEM_ROLE)
            if row.kind is NodeKind.TASK:
                rows.append(row)
            stack.append(index)
    return rows


def test_tree_model_passes_the_model_tester_lazily_and_whole(
    seed_ctx: AppContext, qtmodeltester: ModelTester
) -> None:
    model = _model(seed_ctx)
    qtmodeltester.check(model)
    model.load_all()
    qtmodeltester.check(model)


def test_top_level_is_the_plan_text_then_appendices_and_tasks_load_on_demand(
    seed_ctx: AppContext,
) -> None:
    model = _model(seed_ctx)
    kinds = [model.index(r, 0).data(ITEM_ROLE).kind for r in range(model.rowCount())]
    assert kinds[0] is NodeKind.DECISION
    assert kinds[1:5] == [NodeKind.PART] * 4
    assert kinds[5:] == [NodeKind.APPENDIX] * 7
    appendix = model.index(5, 0)
    assert model.hasChildren(appendix)
    assert model.rowCount(appendix) == 0  # nothing read before the view asks
    assert model.canFetchMore(appendix)
    model.fetchMore(appendix)
    assert model.rowCount(appendix) == 6
    assert not model.canFetchMore(appendix)
    first = model.index(0, COL_TITLE, appendix).data()
    assert first.startswith("Ban hành Kế hoạch xây dựng VB QPPL")


def test_columns_show_stt_title_lead_due_status_progress(seed_ctx: AppContext) -> None:
    model = _model(seed_ctx)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["STT", "Nhiệm vụ", "Chủ trì", "Hạn gần nhất", "Trạng thái", "Tiến độ"]
    appendix = model.index(5, 0)
    model.fetchMore(appendix)
    cells = [model.index(0, c, appendix).data() for c in range(6)]
    assert cells[0] == "1"
    assert cells[2] == "Phòng Tư pháp"
    assert cells[3] == "31/12/2019"
    assert cells[4] == "Quá hạn 75 ngày"
    assert model.index(0, 4, appendix).data(Qt.ItemDataRole.DecorationRole) is not None


def test_accent_free_search_finds_accented_text(
    seed_ctx: AppContext, qtmodeltester: ModelTester
) -> None:
    model = _model(seed_ctx)
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(TaskFilter(text="cai cach thu tuc"))
    qtmodeltester.check(proxy)
    found = _visible_tasks(proxy)
    assert found
    assert all(all(w in r.search_key for w in ("cai", "cach", "thu", "tuc")) for r in found)
    titles = " ".join(r.search_key for r in found)
    assert "cai cach" in titles
    # "d" finds "đ": "dao tao" is "đào tạo" in the seed (appendix 04).
    proxy.set_filter(TaskFilter(text="DAO TAO"))
    assert any("đào tạo" in r.title.lower() for r in _visible_tasks(proxy))
    # Accented input folds too.
    proxy.set_filter(TaskFilter(text="Đào Tạo"))
    assert any("đào tạo" in r.title.lower() for r in _visible_tasks(proxy))
    proxy.set_filter(TaskFilter(text="khong co chu nay"))
    assert _visible_tasks(proxy) == []
    assert proxy.match_count == 0


def test_every_word_must_match(seed_ctx: AppContext) -> None:
    proxy = TaskFilterProxy()
    proxy.setSourceModel(_model(seed_ctx))
    proxy.set_filter(TaskFilter(text="tu phap"))
    both = {r.ref for r in _visible_tasks(proxy)}
    proxy.set_filter(TaskFilter(text="tu phap QPPL"))
    narrower = {r.ref for r in _visible_tasks(proxy)}
    assert narrower
    assert narrower <= both


def test_deadline_filters_match_the_start_up_summary(seed_ctx: AppContext) -> None:
    model = _model(seed_ctx)
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    counts = tree_service.summary_counts(seed_ctx.db, model.plan_id or "", seed_ctx.today())
    from cchc_desktop.services.deadline_service import summary

    theirs = summary(seed_ctx.db, model.plan_id or "", seed_ctx.today())
    assert (counts.overdue, counts.due_soon) == (theirs.overdue_tasks, theirs.due_soon_tasks)
    proxy.set_filter(TaskFilter(deadline=Deadline.OVERDUE))
    assert proxy.match_count == counts.overdue == len(_visible_tasks(proxy))
    proxy.set_filter(TaskFilter(deadline=Deadline.DUE_SOON))
    assert proxy.match_count == counts.due_soon == len(_visible_tasks(proxy))
    assert (counts.overdue, counts.due_soon) == (9, 12)  # the seed plan on 15/3/2020


def test_agency_status_and_period_filters(seed_ctx: AppContext) -> None:
    model = _model(seed_ctx)
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    justice = seed_ctx.db.execute("SELECT id FROM agency WHERE name = 'Phòng Tư pháp'").fetchone()[
        0
    ]
    proxy.set_filter(TaskFilter(agency_id=justice))
    rows = _visible_tasks(proxy)
    assert rows
    assert all(justice in r.agency_ids for r in rows)
    proxy.set_filter(TaskFilter(status=StatusCategory.NOT_STARTED))
    rows = _visible_tasks(proxy)
    assert rows
    assert all(r.status and r.status.category is StatusCategory.NOT_STARTED for r in rows)
    proxy.set_filter(TaskFilter(period=ReportingPeriod.Q1))
    rows = _visible_tasks(proxy)
    assert rows
    assert all(ReportingPeriod.Q1 in r.periods for r in rows)
    proxy.set_filter(TaskFilter())
    assert not proxy.current_filter.active
    assert proxy.match_count == 37


def test_sorting_by_title_uses_vietnamese_collation(seed_ctx: AppContext) -> None:
    model = _model(seed_ctx)
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    model.load_all()
    proxy.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    appendix = next(
        proxy.index(r, 0)
        for r in range(proxy.rowCount())
        if proxy.index(r, 0).data(ITEM_ROLE).ref.table == APPENDIX
    )
    titles = [proxy.index(r, COL_TITLE, appendix).data() for r in range(proxy.rowCount(appendix))]
    assert titles == sorted(titles, key=sort_key)


def test_collation_and_number_keys() -> None:
    words = ["Đông", "Dương", "An", "Ánh", "Ba", "Ơn", "Ô", "O"]
    assert sorted(words, key=collation_text) == ["An", "Ánh", "Ba", "Dương", "Đông", "O", "Ô", "Ơn"]
    assert sorted(["10", "2", "1"], key=number_key) == ["1", "2", "10"]
    assert sorted(["IV", "II", "III", "I"], key=number_key) == ["I", "II", "III", "IV"]
    assert sorted(["5.10", "5.2", "5.1"], key=number_key) == ["5.1", "5.2", "5.10"]


def test_a_saved_edit_refreshes_the_row_in_place(seed_ctx: AppContext) -> None:
    model = _model(seed_ctx)
    model.load_all()
    appendix = model.index(5, 0)
    row: TreeRow = model.index(0, 0, appendix).data(ITEM_ROLE)
    detail = task_service.load_task(seed_ctx.db, row.ref.id)
    edit = task_service.TaskEdit(
        title="Tiêu đề mới của nhiệm vụ",
        products=detail.products,
        agencies=tuple(task_service.AgencyChoice(a.agency_id, a.role) for a in detail.agencies),
        timeline=detail.timeline,
        note=detail.note,
    )
    changes = task_service.save_task(seed_ctx.db, row.ref.id, edit)
    model.apply_changes(changes)
    assert model.index(0, COL_TITLE, appendix).data() == "Tiêu đề mới của nhiệm vụ"
    assert model.index_of_ref(row.ref).row() == 0
    assert row.ref.table == TASK
