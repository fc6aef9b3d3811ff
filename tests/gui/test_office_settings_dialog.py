"""The office settings dialog: loads, validates in Vietnamese, saves through the write path."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from cchc_desktop.domain.office import OfficeSettings
from cchc_desktop.qt.operations import Operations
from cchc_desktop.services.settings_service import load_office_settings
from cchc_desktop.ui.office_settings_dialog import OfficeSettingsDialog
from tests.gui.conftest_dialogs import make_ctx


def _dialog(qtbot, make_db):
    ctx = make_ctx(make_db)
    ops = Operations()
    dialog = OfficeSettingsDialog(ctx, ops)
    qtbot.addWidget(dialog)
    return ctx, ops, dialog


def test_opens_with_defaults_and_signature_preview(qtbot, make_db):
    _ctx, _ops, dialog = _dialog(qtbot, make_db)
    ui = dialog.ui
    assert ui.place_edit.text() == "Ngọc Lặc"
    assert ui.issuing_edit.toPlainText() == "UBND HUYỆN NGỌC LẶC"
    assert ui.symbol_qd_edit.text() == "QĐ-UBND"
    assert ui.prefix_combo.currentData() == "TM."
    assert "TM. ỦY BAN NHÂN DÂN" in ui.signature_preview.text()
    assert not ui.error_label.isVisibleTo(dialog)
    assert dialog.settings() == OfficeSettings()


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
    emitted = []
    ops.changed.connect(emitted.append)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved == OfficeSettings()
    assert emitted == []
    assert ctx.db.execute("SELECT count(*) FROM change_log").fetchone()[0] == 0


def test_defaults_button_refills_the_form(qtbot, make_db):
    _ctx, _ops, dialog = _dialog(qtbot, make_db)
    dialog.ui.place_edit.setText("Khác")
    dialog.ui.defaults_button.click()
    assert dialog.ui.place_edit.text() == "Ngọc Lặc"


def test_read_only_database_cannot_be_saved(qtbot, make_db):
    ctx = make_ctx(make_db)
    ctx.read_only = True
    dialog = OfficeSettingsDialog(ctx, Operations())
    qtbot.addWidget(dialog)
    assert not dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert "chỉ để đọc" in dialog.error_text()


def test_ask_returns_the_saved_settings_or_none(qtbot, make_db, monkeypatch):
    ctx = make_ctx(make_db)
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
