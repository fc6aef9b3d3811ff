"""The office settings dialog: loads, validates in Vietnamese, saves through the write path."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from cchc_desktop.qt.operations import Operations
from cchc_desktop.services.settings_service import load_office_settings
from cchc_desktop.ui import office_settings_dialog
from cchc_desktop.ui.office_settings_dialog import OfficeSettingsDialog
from cchc_desktop.ui.unsaved_dialog import UnsavedChoice
from tests.gui.conftest_dialogs import make_ctx
from tests.office_sample import sample_office

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support")


def _dialog(qtbot, make_db, *, seed=True):
    ctx = make_ctx(make_db, seed=seed)
    ops = Operations()
    dialog = OfficeSettingsDialog(ctx, ops)
    qtbot.addWidget(dialog)
    return ctx, ops, dialog


def test_opens_with_the_sample_office_and_signature_preview(qtbot, make_db):
    _ctx, _ops, dialog = _dialog(qtbot, make_db)
    ui = dialog.ui
    assert ui.level_combo.currentData() == "district"
    assert ui.province_combo.currentText() == "Tỉnh Thanh Hóa"
    assert ui.unit_combo.currentText() == "Huyện Ngọc Lặc"
    assert ui.reporting_edit.text() == "Phòng Nội vụ"
    assert ui.place_edit.text() == "Ngọc Lặc"
    assert ui.issuing_edit.toPlainText() == "UBND HUYỆN NGỌC LẶC"
    assert ui.symbol_qd_edit.text() == "QĐ-UBND"
    assert ui.prefix_combo.currentData() == "TM."
    assert "TM. ỦY BAN NHÂN DÂN" in ui.signature_preview.text()
    assert not ui.error_label.isVisibleTo(dialog)
    assert dialog.settings() == sample_office()


def test_kt_prefix_shows_three_signature_lines_and_enables_the_head(qtbot, make_db):
    _ctx, _ops, dialog = _dialog(qtbot, make_db)
    ui = dialog.ui
    ui.prefix_combo.setCurrentIndex(ui.prefix_combo.findData("KT."))
    ui.position_edit.setText("Phó Chủ tịch")
    ui.head_edit.setText("Chủ tịch")
    preview = ui.signature_preview.text()
    assert preview.index("TM. ỦY BAN NHÂN DÂN") < preview.index("KT. CHỦ TỊCH")
    assert preview.index("KT. CHỦ TỊCH") < preview.index("PHÓ CHỦ TỊCH")
    assert ui.head_edit.isEnabled()
    ui.prefix_combo.setCurrentIndex(ui.prefix_combo.findData(""))
    assert not ui.head_edit.isEnabled()
    assert not ui.body_edit.isEnabled()


def test_save_reaches_the_database_and_the_change_log(qtbot, make_db):
    ctx, ops, dialog = _dialog(qtbot, make_db)
    ui = dialog.ui
    ui.place_edit.setText("  Thanh   Hóa ")
    ui.signer_edit.setText("Nguyễn Thị Hoa")
    ui.symbol_bc_edit.setText("BC-VP")
    ui.recipients_edit.setPlainText("- Sở Nội vụ (b/c);\n\nLưu: VT.")
    ui.due_day_spin.setValue(15)
    with (
        qtbot.waitSignal(ops.changed) as changed,
        qtbot.waitSignal(dialog.settings_saved) as saved,
    ):
        ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = load_office_settings(ctx.db)
    assert stored.place == "Thanh Hóa"
    assert stored.signer_name == "Nguyễn Thị Hoa"
    assert stored.symbol_for("BC") == "BC-VP"
    assert stored.recipients == ("Sở Nội vụ (b/c);", "Lưu: VT.")
    assert stored.report_due_day == 15
    assert saved.args[0] == stored == dialog.saved
    assert changed.args[0].touches("setting")
    authors = {r[0] for r in ctx.db.execute("SELECT author FROM change_log WHERE tbl='setting'")}
    assert authors == {"Kiểm thử"}


def test_invalid_values_keep_the_dialog_open_with_a_vietnamese_message(qtbot, make_db):
    ctx, ops, dialog = _dialog(qtbot, make_db)
    ui = dialog.ui
    emitted = []
    ops.changed.connect(emitted.append)
    ui.place_edit.setText("   ")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "địa danh" in dialog.error_text()
    assert ui.error_label.isVisibleTo(dialog)

    ui.place_edit.setText("Ngọc Lặc")
    ui.prefix_combo.setCurrentIndex(ui.prefix_combo.findData("KT."))
    ui.position_edit.setText("CHỦ TỊCH")
    dialog.accept()
    assert "Ký “KT.” là cấp phó" in dialog.error_text()
    assert ui.position_edit.hasFocus() or not dialog.isVisible()
    ui.prefix_combo.setCurrentIndex(ui.prefix_combo.findData("TM."))

    ui.symbol_tb_edit.setText("TB/UBND")
    dialog.accept()
    assert "TB/UBND" in dialog.error_text()

    ui.symbol_tb_edit.setText("TB-UBND")
    ui.prefix_combo.setCurrentIndex(ui.prefix_combo.findData("TM."))
    ui.body_edit.setText("")
    dialog.accept()
    assert "TM." in dialog.error_text()
    assert emitted == []
    assert ctx.db.execute("SELECT count(*) FROM setting").fetchone()[0] == 0


def test_unchanged_settings_write_nothing(qtbot, make_db):
    ctx, ops, dialog = _dialog(qtbot, make_db)
    before = ctx.db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    emitted = []
    ops.changed.connect(emitted.append)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved == sample_office()
    assert emitted == []
    assert ctx.db.execute("SELECT count(*) FROM change_log").fetchone()[0] == before


def test_picking_a_commune_of_a_province_fills_the_lines(qtbot, make_db):
    ctx, _ops, dialog = _dialog(qtbot, make_db, seed=False)
    ui = dialog.ui
    assert ui.place_edit.text() == ""  # a new office is named nowhere
    dialog.show()
    ui.level_combo.setCurrentIndex(ui.level_combo.findData("commune"))
    qtbot.keyClicks(ui.province_combo.lineEdit(), "quang ngai")
    qtbot.keyClick(ui.province_combo.lineEdit(), Qt.Key.Key_Return)
    ui.unit_combo.lineEdit().clear()
    qtbot.keyClicks(ui.unit_combo.lineEdit(), "long phung")
    qtbot.mouseClick(ui.derive_button, Qt.MouseButton.LeftButton)
    assert ui.unit_combo.count() > 50  # the province's communes and wards
    assert ui.issuing_edit.toPlainText() == "UBND XÃ LONG PHỤNG"
    assert ui.superior_edit.text() == "UBND TỈNH QUẢNG NGÃI"
    assert ui.place_edit.text() == "Long Phụng"
    assert ui.reporting_edit.text() == "Sở Nội vụ"
    ui.signer_edit.setText("Nguyễn Văn A")  # QTest types ASCII only
    ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    stored = load_office_settings(ctx.db)
    assert (stored.level, stored.province, stored.unit) == (
        "commune",
        "Tỉnh Quảng Ngãi",
        "Xã Long Phụng",
    )
    assert stored.issuer_short == "UBND xã Long Phụng"


def test_an_unknown_unit_is_refused_with_the_closest_names(qtbot, make_db):
    ctx, _ops, dialog = _dialog(qtbot, make_db, seed=False)
    ui = dialog.ui
    ui.province_combo.setEditText("Quảng Ngãi")
    ui.unit_combo.setEditText("Long Phun")
    ui.derive_button.click()
    assert "Không tìm thấy xã, phường" in dialog.error_text()
    assert "Xã Long Phụng" in dialog.error_text()
    assert ctx.db.execute("SELECT count(*) FROM setting").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("choice", "closed", "place"),
    [
        (UnsavedChoice.CANCEL, False, "Ngọc Lặc"),
        (UnsavedChoice.DISCARD, True, "Ngọc Lặc"),
        (UnsavedChoice.SAVE, True, "Cẩm Thủy"),
    ],
)
def test_escape_with_edits_asks_before_dropping_them(
    qtbot, make_db, monkeypatch, choice, closed, place
):
    ctx, _ops, dialog = _dialog(qtbot, make_db)
    asked = []
    monkeypatch.setattr(
        office_settings_dialog.UnsavedDialog,
        "ask",
        classmethod(lambda cls, parent, what="": asked.append(what) or choice),
    )
    dialog.show()
    dialog.ui.place_edit.setText("Cẩm Thủy")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Thông tin cơ quan đã sửa nhưng chưa lưu."]
    assert dialog.isVisible() is not closed
    assert load_office_settings(ctx.db).place == place


def test_escape_without_edits_closes_without_asking(qtbot, make_db, monkeypatch):
    _ctx, _ops, dialog = _dialog(qtbot, make_db)
    monkeypatch.setattr(
        office_settings_dialog.UnsavedDialog, "ask", classmethod(lambda *a, **k: 1 / 0)
    )
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_read_only_database_cannot_be_saved(qtbot, make_db):
    ctx = make_ctx(make_db, seed=True)
    ctx.read_only = True
    dialog = OfficeSettingsDialog(ctx, Operations())
    qtbot.addWidget(dialog)
    assert not dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert "chỉ để đọc" in dialog.error_text()


def test_ask_returns_the_saved_settings_or_none(qtbot, make_db, monkeypatch):
    ctx = make_ctx(make_db, seed=True)
    ops = Operations()

    def cancel(self):
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(OfficeSettingsDialog, "exec", cancel)
    assert OfficeSettingsDialog.ask(ctx, ops) is None

    def save(self):
        self.ui.place_edit.setText("Cẩm Thủy")
        self.accept()
        return self.result()

    monkeypatch.setattr(OfficeSettingsDialog, "exec", save)
    result = OfficeSettingsDialog.ask(ctx, ops)
    assert result is not None
    assert result.place == "Cẩm Thủy"
    assert load_office_settings(ctx.db).place == "Cẩm Thủy"


def test_stored_values_a_newer_rule_refuses_are_shown_for_fixing(qtbot, make_db):
    import json

    from cchc_desktop.store.changes import Edit, apply_local_edits

    ctx = make_ctx(make_db, seed=True)
    stored = {**sample_office().to_dict(), "authority_prefix": "KT.", "signer_position": "CHỦ TỊCH"}
    apply_local_edits(
        ctx.db,
        [Edit("setting", f"office.{k}", {"value": json.dumps(v)}) for k, v in stored.items()],
    )
    dialog = OfficeSettingsDialog(ctx, Operations())
    qtbot.addWidget(dialog)
    assert dialog.error_text().startswith("Thông tin đã lưu cần sửa lại: Ký “KT.” là cấp phó")
    assert dialog.ui.signer_edit.text() == "Lê Văn Tuấn"
    assert dialog.ui.prefix_combo.currentData() == "KT."
    dialog.ui.position_edit.setText("PHÓ CHỦ TỊCH")
    dialog.accept()
    assert load_office_settings(ctx.db).signature_lines() == (
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    )
