"""The first-run wizard: the sample plan or one's own office, clicked as a clerk would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from cchc_desktop.qt.operations import Operations
from cchc_desktop.services import office_setup, organisation, settings_service
from cchc_desktop.services.plan_service import list_plans
from cchc_desktop.services.settings_service import load_office_settings
from cchc_desktop.ui.setup_wizard import SetupWizard
from tests.gui.conftest_dialogs import make_ctx

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support")


def _wizard(qtbot, make_db, *, seed=True):
    ctx = make_ctx(make_db, seed=seed)
    ops = Operations()
    wizard = SetupWizard(ctx, ops)
    qtbot.addWidget(wizard)
    wizard.show()
    return ctx, ops, wizard


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_sample_keeps_the_plan_and_confirms_its_agencies(qtbot, make_db):
    ctx, ops, wizard = _wizard(qtbot, make_db)
    assert organisation.register_counts(ctx.db).waiting == 10
    with qtbot.waitSignal(ops.changed):
        _click(qtbot, wizard.ui.sample_button)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert settings_service.setup_choice(ctx.db) == "sample"
    office = load_office_settings(ctx.db)
    assert (office.level, office.province, office.unit) == (
        "district",
        "Tỉnh Thanh Hóa",
        "Huyện Ngọc Lặc",
    )
    assert (office.signer_name, office.place) == ("Lê Văn Tuấn", "Ngọc Lặc")
    assert organisation.register_counts(ctx.db) == organisation.RegisterCounts(10, 7, 0)
    assert [p.year for p in list_plans(ctx.db)] == [2020]


def test_own_office_as_a_commune_of_a_province(qtbot, make_db):
    ctx, _ops, wizard = _wizard(qtbot, make_db)
    ui = wizard.ui
    _click(qtbot, ui.own_button)
    assert ui.pages.currentWidget() is ui.own_page
    ui.level_combo.setCurrentIndex(ui.level_combo.findData("commune"))
    qtbot.keyClicks(ui.province_combo.lineEdit(), "Quang Ngai")
    qtbot.keyClick(ui.province_combo.lineEdit(), Qt.Key.Key_Return)
    assert ui.province_combo.currentText() == "Tỉnh Quảng Ngãi"
    ui.unit_combo.lineEdit().clear()
    qtbot.keyClicks(ui.unit_combo.lineEdit(), "long phung")
    qtbot.keyClick(ui.unit_combo.lineEdit(), Qt.Key.Key_Return)
    assert ui.unit_combo.currentText() == "Xã Long Phụng"
    # Enter picks the name; it does not press "Hoàn tất" before the signer is typed
    assert wizard.isVisible()
    assert wizard.error_text() == ""
    assert "UBND XÃ LONG PHỤNG" in ui.preview_label.text()
    assert "Long Phụng, ngày" in ui.preview_label.text()
    ui.signer_edit.setText("Nguyễn Văn An")  # QTest types ASCII only
    _click(qtbot, ui.finish_button)
    assert wizard.result() == QDialog.DialogCode.Accepted, wizard.error_text()
    office = load_office_settings(ctx.db)
    assert office.issuing_agency == "UBND XÃ LONG PHỤNG"
    assert office.superior_agency == "UBND TỈNH QUẢNG NGÃI"
    assert office.signer_name == "Nguyễn Văn An"
    assert office.reporting_body == "Sở Nội vụ"
    assert settings_service.setup_choice(ctx.db) == "own"
    assert list_plans(ctx.db) == []  # the sample plan is set aside
    names = [a.name for a in organisation.list_agencies(ctx.db)]
    assert names == ["Xã Long Phụng"]
    assert "Đã thiết lập UBND xã Long Phụng." in wizard.note


def test_a_province_gets_its_communes_and_wards_pre_filled(qtbot, make_db):
    ctx, _ops, wizard = _wizard(qtbot, make_db, seed=False)
    ui = wizard.ui
    assert not ui.sample_button.isEnabled()
    _click(qtbot, ui.own_button)
    ui.level_combo.setCurrentIndex(ui.level_combo.findData("province"))
    ui.province_combo.setCurrentIndex(ui.province_combo.findText("Tỉnh Quảng Ngãi"))
    assert not ui.unit_combo.isEnabled()
    ui.signer_edit.setText("Trần Văn B")
    _click(qtbot, ui.finish_button)
    assert wizard.result() == QDialog.DialogCode.Accepted, wizard.error_text()
    counts = organisation.register_counts(ctx.db)
    assert counts.waiting == 0
    assert counts.agencies == 96  # Quảng Ngãi in the 2025 list: 86 xã, 9 phường, 1 đặc khu
    names = {a.name for a in organisation.list_agencies(ctx.db)}
    assert {"Xã Sơn Hà", "Xã Sơn Hạ", "Đặc khu Lý Sơn"} <= names
    assert load_office_settings(ctx.db).issuing_agency == "UBND TỈNH QUẢNG NGÃI"


def test_missing_signer_and_unknown_unit_keep_the_wizard_open(qtbot, make_db):
    ctx, _ops, wizard = _wizard(qtbot, make_db)
    ui = wizard.ui
    _click(qtbot, ui.own_button)
    ui.province_combo.setEditText("Quảng Ngãi")
    ui.unit_combo.setEditText("Long Phun")
    ui.signer_edit.setText("Nguyễn Văn An")
    _click(qtbot, ui.finish_button)
    assert wizard.isVisible()
    assert "Có phải: Xã Long Phụng" in wizard.error_text()
    ui.unit_combo.setEditText("Long Phụng")
    ui.signer_edit.setText("")
    _click(qtbot, ui.finish_button)
    assert "Chưa nhập họ tên người ký" in wizard.error_text()
    assert settings_service.setup_choice(ctx.db) is None
    assert [p.year for p in list_plans(ctx.db)] == [2020]
    _click(qtbot, ui.back_button)
    assert ui.pages.currentWidget() is ui.choice_page


def test_the_wizard_shows_only_until_a_choice_is_made(qtbot, make_db, monkeypatch):
    ctx = make_ctx(make_db, seed=True)
    shown = []
    monkeypatch.setattr(SetupWizard, "exec", lambda self: shown.append(1) or 0)
    assert SetupWizard.run_if_needed(ctx, Operations()) is True
    office_setup.use_sample(ctx.db)
    assert SetupWizard.run_if_needed(ctx, Operations()) is False
    assert shown == [1]


def test_names_typed_without_accents_complete_and_resolve_on_leaving_the_box(qtbot, make_db):
    """A clerk without Vietnamese input types "quang ngai", presses Tab, types "long phu" and
    sees "Xã Long Phụng" offered; the preview follows without pressing Enter."""
    _ctx, _ops, wizard = _wizard(qtbot, make_db)
    ui = wizard.ui
    _click(qtbot, ui.own_button)
    completer = ui.province_combo.completer()
    completer.setCompletionPrefix("quang ng")
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "Tỉnh Quảng Ngãi"
    wizard.activateWindow()
    ui.province_combo.lineEdit().setFocus()
    qtbot.waitUntil(ui.province_combo.lineEdit().hasFocus)
    qtbot.keyClicks(ui.province_combo.lineEdit(), "quang ngai")
    assert completer.popup().isVisible()
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Tab)  # Tab while the names are offered
    qtbot.waitUntil(lambda: ui.province_combo.currentText() == "Tỉnh Quảng Ngãi")
    assert ui.unit_combo.findText("Xã Long Phụng") >= 0  # the province's units are listed
    units = ui.unit_combo.completer()
    units.setCompletionPrefix("long phu")
    assert units.currentCompletion() == "Xã Long Phụng"
    ui.unit_combo.lineEdit().setFocus()
    qtbot.waitUntil(ui.unit_combo.lineEdit().hasFocus)
    qtbot.keyClicks(ui.unit_combo.lineEdit(), "long phung")
    qtbot.keyClick(units.popup(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ui.unit_combo.currentText() == "Xã Long Phụng")
    assert "UBND XÃ LONG PHỤNG" in ui.preview_label.text()
