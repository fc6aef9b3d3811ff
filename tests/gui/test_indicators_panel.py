"""The indicators tab: targets from the plan, value entry per unit and period, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cchc_desktop.context import AppContext
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.qtmodels.indicator_model import IndicatorTableModel
from cchc_desktop.ui.main_window import MainWindow


def test_extract_enter_values_see_attainment_and_undo(
    qtbot: QtBot, seed_ctx: AppContext, qtmodeltester: ModelTester
) -> None:
    window = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    panel = window.indicators
    assert panel.model.rowCount() == 0
    assert "chưa có chỉ tiêu" in panel.ui.summary_label.text()
    assert panel.extract() == 7
    model = panel.model
    qtmodeltester.check(model)
    titles = [model.index(r, model.COL_TITLE).data() for r in range(7)]
    assert titles[5] == "Xã, thị trấn sử dụng phần mềm quản lý văn bản và một cửa điện tử"
    assert model.index(5, model.COL_TARGET).data() == "≥ 21 xã"
    assert model.setData(model.index(1, model.COL_VALUE), "60", Qt.ItemDataRole.EditRole)
    assert model.index(1, model.COL_VALUE).data() == "60%"
    assert model.index(1, model.COL_RESULT).data() == "Chưa đạt (80 % mục tiêu)"
    assert model.setData(model.index(1, model.COL_VALUE), "78,5", Qt.ItemDataRole.EditRole)
    assert model.index(1, model.COL_RESULT).data() == "Đạt"
    assert "đạt 1/7 chỉ tiêu" in panel.ui.summary_label.text()
    model.setData(model.index(0, model.COL_VALUE), "120", Qt.ItemDataRole.EditRole)
    assert panel.ui.error_label.text() == "Tỷ lệ phần trăm không được lớn hơn 100."
    window.action_undo.trigger()  # both edits of the cell are one step
    assert model.index(1, model.COL_VALUE).data() == ""
    assert model.index(1, model.COL_RESULT).data() == "Chưa có số liệu"


def test_values_are_per_period(qtbot: QtBot, seed_ctx: AppContext) -> None:
    window = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    panel = window.indicators
    panel.extract()
    panel.ui.period_combo.setCurrentIndex(panel.ui.period_combo.findData("Q1"))
    panel.model.setData(panel.model.index(6, IndicatorTableModel.COL_VALUE), "2")
    panel.ui.period_combo.setCurrentIndex(panel.ui.period_combo.findData("H1"))
    assert panel.model.index(6, IndicatorTableModel.COL_VALUE).data() == ""
    panel.ui.period_combo.setCurrentIndex(panel.ui.period_combo.findData("Q1"))
    assert panel.model.index(6, IndicatorTableModel.COL_VALUE).data() == "2 kỳ/tháng"
