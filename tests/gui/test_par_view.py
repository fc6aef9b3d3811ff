"""The “Chỉ số CCHC” window: score with live totals, bounds refused in Vietnamese, evidence
proposed from the year's work linked with one click, the missing-evidence mark, the editor."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cchc_desktop.context import AppContext
from cchc_desktop.importer import par_criteria
from cchc_desktop.qt.operations import Operations
from cchc_desktop.services import par_editor, par_service, progress_service
from cchc_desktop.services.plan_service import plan_for_year
from cchc_desktop.ui.par_view import COL_EVIDENCE, COL_SELF, NO_EVIDENCE, ParDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "par" / "bo_chi_so_xa.txt"


@pytest.fixture
def dialog(qtbot: QtBot, seed_ctx: AppContext) -> ParDialog:
    db = seed_ctx.db
    par_service.import_criteria(db, par_criteria.read_file(FIXTURE), year=2020, level="commune")
    unit = par_service.resolve_unit(db, None, 2020)
    task = progress_service.find_task(db, plan_for_year(db, 2020).id, "7.1")
    progress_service.set_progress(
        db,
        task_id=task,
        unit_id=unit,
        year=2020,
        period="Y",
        percent=100,
        result="Đã ban hành Kế hoạch CCHC năm 2020",
        today=dt.date(2020, 12, 1),
    )
    view = ParDialog(seed_ctx, Operations(), None, year=2020)
    qtbot.addWidget(view)
    view.show()
    return view


def _select(view: ParDialog, code: str) -> None:
    view.ui.criteria_tree.setCurrentItem(view.items[code])


def test_score_live_totals_and_missing_evidence(dialog: ParDialog) -> None:
    ui = dialog.ui
    assert ui.unit_combo.currentText() == "UBND huyện Ngọc Lặc (đơn vị mình)"
    _select(dialog, "1.1.1")
    ui.score_spin.setValue(1)
    # Before saving, the totals already follow the typed score.
    assert dialog.items["1"].text(COL_SELF) == "1"
    assert ui.totals_label.text().startswith("Tổng tự chấm: 1/70 điểm (thang 100)")
    ui.note_edit.setPlainText("Ban hành ngày 25/12/2019")
    ui.save_score_button.click()
    set_ = par_service.load_set(dialog._ctx.db, 2020, "commune")
    unit = dialog.unit
    assert unit is not None
    stored = par_service.scores(dialog._ctx.db, set_, unit)[set_.node("1.1.1").id]
    assert (stored.score, stored.note) == (Decimal(1), "Ban hành ngày 25/12/2019")
    assert dialog.items["1.1.1"].text(COL_EVIDENCE) == NO_EVIDENCE
    assert "1 tiêu chí đã chấm chưa có tài liệu kiểm chứng" in ui.totals_label.text()
    # The year's result on the CCHC plan is proposed; one click links it.
    _select(dialog, "1.1.1")
    assert ui.proposal_list.count() >= 1
    assert "nhiệm vụ 7.1" in ui.proposal_list.item(0).text()
    ui.proposal_list.setCurrentRow(0)
    ui.link_button.click()
    assert dialog.items["1.1.1"].text(COL_EVIDENCE) == "1"
    assert "chưa có tài liệu" not in ui.totals_label.text()


def test_bad_score_is_refused_in_vietnamese(dialog: ParDialog) -> None:
    ui = dialog.ui
    _select(dialog, "3.3.1")  # whole points only
    ui.score_spin.setValue(1.5)
    ui.save_score_button.click()
    assert ui.error_label.isVisibleTo(dialog)
    assert "bội số của 1" in ui.error_label.text()
    set_ = par_service.load_set(dialog._ctx.db, 2020, "commune")
    unit = dialog.unit
    assert unit is not None
    assert par_service.scores(dialog._ctx.db, set_, unit) == {}
    _select(dialog, "8.1")  # the survey part: the unit records the published points
    assert ui.score_group.isEnabled()
    assert "điều tra xã hội học" in ui.score_group.title()
    assert ui.save_score_button.text() == "&Lưu điểm điều tra"
    assert dialog.items["8.1"].text(COL_SELF) == "điều tra"
    ui.score_spin.setValue(5)
    ui.note_edit.setPlainText("QĐ 15/QĐ-UBND công bố kết quả")
    ui.save_score_button.click()
    assert dialog.items["8.1"].text(COL_SELF) == "5"
    assert "điều tra XHH: 5/30" in ui.totals_label.text()
    _select(dialog, "1.1.1")
    assert ui.score_group.title() == "Tự đánh giá"


def test_editor_fixes_a_maximum(dialog: ParDialog) -> None:
    db = dialog._ctx.db
    set_ = par_service.load_set(db, 2020, "commune")
    par_editor.update_criterion(
        db,
        set_,
        "1.1.1",
        title="Ban hành kế hoạch CCHC năm",
        max_score="2",
        rule="",
        evidence_required="",
        self_assessed=True,
    )
    dialog.reload()
    assert dialog.ui.problems_label.isVisibleTo(dialog)
    assert "Tiêu chí 1.1 có điểm tối đa 2 nhưng các mục con cộng lại 3." in (
        dialog.ui.problems_label.text()
    )
    set_ = par_service.load_set(db, 2020, "commune")
    par_editor.remove_criterion(db, set_, "1.1.2")
    dialog.reload()
    assert not dialog.ui.problems_label.isVisibleTo(dialog)
    assert "1.1.2" not in dialog.items
    code, _changes = par_editor.add_criterion(
        db, par_service.load_set(db, 2020, "commune"), "1.1", title="Mục mới", max_score="0"
    )
    assert code == "1.1.2"


def test_a_commune_reads_the_appraisal_but_cannot_write_it(
    qtbot: QtBot, seed_ctx: AppContext
) -> None:
    db = seed_ctx.db
    par_service.import_criteria(db, par_criteria.read_file(FIXTURE), year=2020, level="commune")
    unit = par_service.resolve_unit(db, None, 2020)
    set_ = par_service.load_set(db, 2020, "commune")
    par_service.set_score(db, set_, "1.1.1", "1", unit=unit)
    par_service.appraise(db, set_, "1.1.1", "0,5", unit=unit, note="Ban hành chậm")
    db.execute("UPDATE local_site SET role = 'commune'")
    view = ParDialog(seed_ctx, Operations(), None, year=2020)
    qtbot.addWidget(view)
    view.show()
    _select(view, "1.1.1")
    ui = view.ui
    assert ui.appraisal_group.isEnabled()
    assert ui.appraisal_edit.isReadOnly()
    assert ui.appraisal_edit.toPlainText() == "Ban hành chậm"
    assert not ui.save_appraisal_button.isVisibleTo(view)
    assert not ui.import_button.isVisibleTo(view)
    assert view.items["1.1.1"].text(4) == "0,5"
