"""qtmodeltester over every item model of the main window, with real data from the seed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.modeltest import ModelTester

from cchc_desktop.context import AppContext
from cchc_desktop.domain.model import AgencyRole, WorkState
from cchc_desktop.domain.periods import ReportingPeriod
from cchc_desktop.qtmodels.agency_model import AgencyFilterProxy, AgencyTableModel
from cchc_desktop.qtmodels.history_model import HistoryModel
from cchc_desktop.qtmodels.progress_models import EvidenceListModel, ProgressTableModel
from cchc_desktop.qtmodels.task_parts_models import AgencyItem, MilestoneModel, TaskAgencyModel
from cchc_desktop.services import (
    evidence_service,
    history_service,
    organisation,
    progress_service,
    task_service,
)
from cchc_desktop.services.history_service import value_text

pytestmark = pytest.mark.usefixtures("qapp")


def _task(ctx: AppContext) -> task_service.TaskDetail:
    task_id = ctx.db.execute(
        "SELECT t.id FROM task t JOIN appendix a ON a.id = t.appendix_id"
        " WHERE a.number = 1 AND t.no = '1'"
    ).fetchone()[0]
    return task_service.load_task(ctx.db, task_id)


def test_task_agency_model(seed_ctx: AppContext, qtmodeltester: ModelTester) -> None:
    task = _task(seed_ctx)
    model = TaskAgencyModel()
    model.set_items(
        [AgencyItem(a.agency_id, a.name, a.role, a.written_name) for a in task.agencies]
    )
    qtmodeltester.check(model)
    role_cell = model.index(1, model.COL_ROLE)
    assert model.setData(role_cell, str(AgencyRole.SUMMARISING))
    assert role_cell.data() == "Tổng hợp"
    assert not model.add(model.items()[0])  # same agency, same role: refused
    model.remove(0)
    assert model.rowCount() == len(task.agencies) - 1
    qtmodeltester.check(model)


def test_milestone_model(seed_ctx: AppContext, qtmodeltester: ModelTester) -> None:
    task = _task(seed_ctx)
    model = MilestoneModel()
    model.set_milestones([m.milestone for m in task.milestones])
    qtmodeltester.check(model)
    confirm = model.index(0, model.COL_CONFIRMED)
    assert model.setData(confirm, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.overrides()[0].confirmed
    assert model.setData(model.index(1, model.COL_DUE), QDate(2020, 11, 20))
    assert model.milestones()[1].due == dt.date(2020, 11, 20)
    qtmodeltester.check(model)


def test_progress_evidence_and_history_models(
    seed_ctx: AppContext, qtmodeltester: ModelTester
) -> None:
    task = _task(seed_ctx)
    unit = task.agencies[0].agency_id
    edit = progress_service.ProgressEdit(
        task.id, unit, 2020, ReportingPeriod.Q1, WorkState.IN_PROGRESS, 40, "Đang soạn.", None
    )
    progress_service.save_progress(seed_ctx.db, edit, today=dt.date(2020, 3, 15), author="Lan")
    progress_id = progress_service.progress_row_id(task.id, unit, 2020, "Q1")
    evidence_service.add_evidence(
        seed_ctx.db, progress_id=progress_id, sha256="b" * 64, file_name="du-thao.docx", size=2048
    )
    progress = ProgressTableModel()
    progress.set_rows(progress_service.list_task_progress(seed_ctx.db, task.id))
    qtmodeltester.check(progress)
    assert progress.index(0, progress.COL_STATE).data() == "Đang thực hiện"
    assert progress.index(0, progress.COL_FILES).data() == "1 tệp"
    evidence = EvidenceListModel()
    evidence.set_rows(evidence_service.list_evidence(seed_ctx.db, progress_id))
    qtmodeltester.check(evidence)
    assert evidence.index(0, 0).data() == "du-thao.docx (2,0 KB)"
    history = HistoryModel()
    history.set_rows(history_service.node_history(seed_ctx.db, "task", task.id))
    qtmodeltester.check(history)
    what = [history.index(r, history.COL_WHAT).data() for r in range(history.rowCount())]
    # One row per edit: the attachment is one row, not one per stored field.
    assert what[0] == "Thêm minh chứng “du-thao.docx”"
    assert what[1].startswith("Thêm tiến độ quý I năm 2020 – ")
    assert "• Trạng thái: Đang thực hiện" in what[1]
    assert "• Tỷ lệ hoàn thành: 40 %" in what[1]
    assert "Đã xoá" not in "".join(what)
    assert "b" * 64 not in "".join(what)
    assert history.index(1, history.COL_WHO).data().startswith("Lan\nmáy ")


def test_agency_model_and_accent_free_proxy(
    seed_ctx: AppContext, qtmodeltester: ModelTester
) -> None:
    model = AgencyTableModel()
    model.set_agencies(organisation.list_agencies(seed_ctx.db))
    qtmodeltester.check(model)
    proxy = AgencyFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("van phong hdnd")
    qtmodeltester.check(proxy)
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names
    assert all("Văn phòng" in n for n in names)


def test_history_values_read_as_the_clerk_wrote_them() -> None:
    assert value_text("kind", "decision") == "Quyết định"
    assert value_text("deleted", 0) == "Còn dùng"
    assert value_text("state", "done") == "Đã hoàn thành"
    assert value_text("role", "lead") == "Chủ trì"
    assert value_text("due", "2020-03-20") == "20/03/2020"
    assert value_text("products", '["A","B"]') == "A; B"
    assert value_text("confirmed", 1) == "Có"
    assert value_text("note", None) == "(trống)"
    assert value_text("percent", 60) == "60 %"
