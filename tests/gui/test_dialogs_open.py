"""Every window and dialog of the main-window set opens offscreen and shows its Vietnamese text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from cchc_desktop.context import AppContext
from cchc_desktop.domain.model import AgencyKind
from cchc_desktop.qt.operations import Operations
from cchc_desktop.services import organisation
from cchc_desktop.ui.about_dialog import AboutDialog
from cchc_desktop.ui.agency_dialogs import AgenciesDialog, AgencyEditDialog, AgencyPickerDialog
from cchc_desktop.ui.crash_dialog import CrashDialog
from cchc_desktop.ui.days_off_dialog import DaysOffDialog
from cchc_desktop.ui.unsaved_dialog import UnsavedChoice, UnsavedDialog

# The offscreen platform cannot size native windows; harmless, and only there.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_unsaved_dialog_buttons_are_vietnamese(qtbot: QtBot, seed_ctx: AppContext) -> None:
    from cchc_desktop.qt.i18n import install_qt_translator

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = install_qt_translator(app)
    try:
        dialog = UnsavedDialog(None, what="Đang sửa: Nhiệm vụ 1.1")
        qtbot.addWidget(dialog)
        dialog.show()
        box = dialog.ui.button_box
        texts = {
            box.button(b).text()
            for b in (
                QDialogButtonBox.StandardButton.Save,
                QDialogButtonBox.StandardButton.Discard,
                QDialogButtonBox.StandardButton.Cancel,
            )
        }
        assert texts == {"Lưu", "Không lưu", "Huỷ"}
        box.button(QDialogButtonBox.StandardButton.Discard).click()
        assert dialog.choice is UnsavedChoice.DISCARD
    finally:
        if translator is not None:
            app.removeTranslator(translator)


def test_unsaved_dialog_ask_returns_the_choice(qtbot: QtBot) -> None:
    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, UnsavedDialog) and widget.isVisible():
                widget.ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(50, answer)
    assert UnsavedDialog.ask(None, "x") is UnsavedChoice.SAVE


@pytest.mark.parametrize(
    "which", ["about", "crash", "agencies", "picker", "add", "rename", "days_off"]
)
def test_dialog_opens(qtbot: QtBot, seed_ctx: AppContext, which: str) -> None:
    ops = Operations()
    dialog: QDialog
    if which == "about":
        dialog = AboutDialog(seed_ctx.db_path, seed_ctx.data_dir)
        assert "Cơ sở dữ liệu" in dialog.ui.version_label.text()
    elif which == "crash":
        dialog = CrashDialog("ValueError: x", "Traceback …", seed_ctx.data_dir)
        dialog.copy_details()
        assert QApplication.clipboard().text() == "Traceback …"
    elif which == "agencies":
        dialog = AgenciesDialog(seed_ctx, ops)
        assert dialog.model.rowCount() == len(organisation.list_agencies(seed_ctx.db))
        assert "cần xác nhận" in dialog.ui.info_label.text()
    elif which == "picker":
        dialog = AgencyPickerDialog(seed_ctx, ops, None)
        dialog.ui.search_edit.setText("tu phap")
        assert dialog.proxy.rowCount() == 1  # Phòng Tư pháp, found without accents
    elif which == "days_off":
        dialog = DaysOffDialog(seed_ctx, ops, year=2020)
        assert dialog.windowTitle() == "Ngày nghỉ, ngày làm bù"
        assert dialog.ui.days_table.rowCount() == 12  # 2020's public holidays
    elif which == "add":
        dialog = AgencyEditDialog(None)
        assert dialog.windowTitle() == "Thêm cơ quan, đơn vị"
    else:
        agency = organisation.list_agencies(seed_ctx.db)[0]
        dialog = AgencyEditDialog(None, agency=agency)
        assert dialog.ui.name_edit.text() == agency.name
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.isVisible()
    dialog.reject()


def test_agencies_dialog_adds_communes_confirms_and_undoes(
    qtbot: QtBot, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QUndoStack

    from cchc_desktop.ui.agency_dialogs import AgencyForm

    stack = QUndoStack()
    ops = Operations()
    dialog = AgenciesDialog(seed_ctx, ops, undo_stack=stack)
    qtbot.addWidget(dialog)
    before = dialog.model.rowCount()
    monkeypatch.setattr(
        AgencyEditDialog,
        "ask",
        classmethod(
            lambda _c, _p, _a=None: AgencyForm(
                ("Xã Minh Sơn", "Xã Cao Thịnh", "Thị trấn Ngọc Lặc"), "", AgencyKind.COMMUNE
            )
        ),
    )
    dialog.add_agencies()
    assert dialog.model.rowCount() == before + 3
    communes = organisation.list_agencies(seed_ctx.db, [AgencyKind.COMMUNE])
    assert {"Xã Minh Sơn", "Xã Cao Thịnh", "Thị trấn Ngọc Lặc"} <= {a.name for a in communes}
    flagged = [
        dialog.model.agency(r).id
        for r in range(dialog.model.rowCount())
        if dialog.model.agency(r).needs_review
    ]
    dialog.ui.review_only_check.setChecked(True)
    assert dialog.proxy.rowCount() == len(flagged)
    dialog.ui.agency_view.selectAll()
    dialog.confirm_selected()
    assert not any(a.needs_review for a in organisation.list_agencies(seed_ctx.db))
    stack.undo()
    assert sum(a.needs_review for a in organisation.list_agencies(seed_ctx.db)) == len(flagged)


def test_next_year_and_period_dialogs_say_what_they_ask(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel

    from cchc_desktop.domain.periods import ReportingPeriod
    from cchc_desktop.ui.choice_dialog import next_year_dialog, period_dialog

    year = next_year_dialog(None, 2020)
    qtbot.addWidget(year)
    year.show()
    assert year.windowTitle() == "Lập kế hoạch năm sau"
    assert year.ui.year_spin.value() == 2021
    assert year.ui.year_spin.minimum() == 2021
    assert year.ui.year_caption.text() == "&Năm của kế hoạch mới:"
    assert year.ui.year_caption.isVisible()
    assert not year.ui.period_combo.isVisible()
    assert "năm 2020" in year.ui.intro_label.text()
    # The title fits the title bar: the dialog is wider than its title text with room for
    # the window buttons.
    title_width = year.fontMetrics().horizontalAdvance(year.windowTitle())
    assert year.width() >= title_width + 120
    period = period_dialog(None, 2020)
    qtbot.addWidget(period)
    period.show()
    assert period.windowTitle() == "Xuất kết quả kỳ báo cáo"
    assert period.width() >= period.fontMetrics().horizontalAdvance(period.windowTitle()) + 120
    assert isinstance(period.ui.period_caption, QLabel)
    assert period.ui.period_caption.isVisible()
    period.ui.period_combo.setCurrentIndex(1)
    assert period.period() is ReportingPeriod.H1
    assert period.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Huỷ"
