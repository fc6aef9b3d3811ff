"""The office settings dialog: what official documents print about the office and its signer."""

from __future__ import annotations

import dataclasses
import html
import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPlainTextEdit, QWidget

from cchc_desktop.context import AppContext
from cchc_desktop.domain.office import AUTHORITY_PREFIXES, OfficeSettings, derived_office
from cchc_desktop.errors import CchcError, ValidationError
from cchc_desktop.qt.operations import Operations
from cchc_desktop.services import settings_service
from cchc_desktop.ui.forms.ui_office_settings_dialog import Ui_OfficeSettingsDialog
from cchc_desktop.ui.office_picker import OfficePicker
from cchc_desktop.ui.unsaved_dialog import UnsavedChoice, UnsavedDialog

log = logging.getLogger(__name__)

PREFIX_LABELS: dict[str, str] = {
    "": "Ký theo thẩm quyền của mình",
    "TM.": "TM. – thay mặt tập thể",
    "KT.": "KT. – ký thay người đứng đầu",
    "Q.": "Q. – quyền",
    "TL.": "TL. – thừa lệnh",
    "TUQ.": "TUQ. – thừa ủy quyền",
}
# Which prefixes print the collective body / the head's position (domain.office.authority_lines).
_USES_BODY = frozenset({"TM.", "KT.", "Q."})
_USES_HEAD = frozenset({"KT.", "TL.", "TUQ."})


class OfficeSettingsDialog(QDialog):
    """Edit the OfficeSettings stored in the database (level and unit, agency names, place,
    signer, symbols …). Danh mục → Thông tin cơ quan.

    Picking a level, province or unit fills the lines derived from them (issuing body, place,
    signature block, recipients, reporting body); the clerk may then type over any of them.
    Huỷ, Escape or closing with edits asks Lưu / Không lưu / Huỷ.
    "Lưu" resolves the names against the 2025 list, validates with OfficeSettings.validate()
    and saves through settings_service.save_office_settings via `ops.run`, so views and the
    change log follow; a refused value keeps the dialog open with the Vietnamese message shown
    under the form.

    Signals:
        settings_saved(object): the OfficeSettings just stored (emitted before the dialog closes).
    """

    settings_saved = Signal(object)

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self.ui = Ui_OfficeSettingsDialog()
        self.ui.setupUi(self)
        self._symbol_edits: dict[str, QLineEdit] = {
            "BC": self.ui.symbol_bc_edit,
            "KH": self.ui.symbol_kh_edit,
            "QĐ": self.ui.symbol_qd_edit,
            "TB": self.ui.symbol_tb_edit,
        }
        for prefix in AUTHORITY_PREFIXES:
            self.ui.prefix_combo.addItem(PREFIX_LABELS.get(prefix, prefix), prefix)
        self.picker = OfficePicker(self.ui.level_combo, self.ui.province_combo, self.ui.unit_combo)
        self.saved: OfficeSettings | None = None
        self._extra_symbols: dict[str, str] = {}

        problem = ""
        try:
            loaded = settings_service.load_office_settings(ctx.db)
        except ValidationError as exc:
            try:  # show what is stored, so that the clerk fixes it rather than retypes it all
                loaded = settings_service.load_office_settings(ctx.db, check=False)
                problem = f"Thông tin đã lưu cần sửa lại: {exc}"
            except ValidationError:
                loaded = OfficeSettings()
                problem = f"Thông tin đã lưu bị hỏng, đang hiện giá trị mặc định: {exc}"
        self._original = loaded
        self.set_settings(loaded)
        self._show_error(problem)
        self._shown = self.settings()  # what the form showed at first, to see edits

        self.ui.prefix_combo.currentIndexChanged.connect(self._update_signature)
        for edit in (
            self.ui.body_edit,
            self.ui.head_edit,
            self.ui.position_edit,
            self.ui.signer_edit,
        ):
            edit.textChanged.connect(self._update_signature)
        self.ui.derive_button.clicked.connect(lambda: self.derive(quiet=False))
        self.picker.picked.connect(lambda: self.derive(quiet=True))
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        save = self.ui.button_box.button(QDialogButtonBox.StandardButton.Save)
        save.setText("&Lưu")
        cancel = self.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("&Huỷ")
        if ctx.read_only:
            save.setEnabled(False)
            self._show_error("Cơ sở dữ liệu đang mở chỉ để đọc; không lưu được thay đổi.")
        self._update_signature()

    # ------------------------------------------------------------------ public API

    @classmethod
    def ask(
        cls, ctx: AppContext, ops: Operations, parent: QWidget | None = None
    ) -> OfficeSettings | None:
        """Show the dialog modally; return the settings saved, or None when cancelled."""
        dialog = cls(ctx, ops, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.saved
            return None
        finally:
            dialog.deleteLater()

    def set_settings(self, settings: OfficeSettings) -> None:
        """Fill the form from `settings` (nothing is saved)."""
        ui = self.ui
        self.picker.set_values(settings.level, settings.province, settings.unit)
        ui.superior_edit.setText(settings.superior_agency)
        ui.issuing_edit.setPlainText(settings.issuing_agency)
        ui.issuer_short_edit.setText(settings.issuer_short)
        ui.place_edit.setText(settings.place)
        index = ui.prefix_combo.findData(settings.authority_prefix)
        ui.prefix_combo.setCurrentIndex(max(index, 0))
        ui.body_edit.setText(settings.authority_body)
        ui.head_edit.setText(settings.superior_signer_position)
        ui.position_edit.setText(settings.signer_position)
        ui.signer_edit.setText(settings.signer_name)
        for doc_type, edit in self._symbol_edits.items():
            edit.setText(settings.symbol_for(doc_type))
        self._extra_symbols = {
            k: v for k, v in settings.document_symbols.items() if k not in self._symbol_edits
        }
        ui.recipients_edit.setPlainText("\n".join(settings.recipients))
        ui.due_day_spin.setValue(settings.report_due_day)
        ui.reporting_edit.setText(settings.reporting_body)
        self._show_error("")

    def settings(self) -> OfficeSettings:
        """The settings as typed (normalised by OfficeSettings, not yet validated); the level,
        province and unit as typed, not yet resolved to their full names."""
        ui = self.ui
        symbols = dict(self._extra_symbols)
        symbols.update({k: e.text() for k, e in self._symbol_edits.items()})
        return OfficeSettings(
            level=self.picker.level(),
            province=self.picker.province_text(),
            unit=self.picker.unit_text(),
            reporting_body=ui.reporting_edit.text(),
            superior_agency=ui.superior_edit.text(),
            issuing_agency=ui.issuing_edit.toPlainText(),
            issuer_short=ui.issuer_short_edit.text(),
            place=ui.place_edit.text(),
            signer_name=ui.signer_edit.text(),
            signer_position=ui.position_edit.text(),
            authority_prefix=str(ui.prefix_combo.currentData() or ""),
            authority_body=ui.body_edit.text(),
            superior_signer_position=ui.head_edit.text(),
            document_symbols=symbols,
            recipients=tuple(ui.recipients_edit.toPlainText().splitlines()),
            report_due_day=ui.due_day_spin.value(),
        )

    def error_text(self) -> str:
        return self.ui.error_label.text()

    def derive(self, *, quiet: bool) -> bool:
        """Fill the lines derived from the level, province and unit; the signer's name and the
        report day stay. `quiet`: names still being typed are not an error yet."""
        try:
            level, province, unit = self.picker.resolved()
        except ValidationError as exc:
            if not quiet:
                self._refuse(str(exc))
            return False
        self.set_settings(derived_office(level, province, unit, base=self.settings()))
        return True

    def is_modified(self) -> bool:
        return self.settings() != self._shown

    # ------------------------------------------------------------------ QDialog

    def accept(self) -> None:
        try:
            level, province, unit = self.picker.resolved()
            settings = dataclasses.replace(
                self.settings(), level=level, province=province, unit=unit
            )
            settings.validate()
        except ValidationError as exc:
            self._refuse(str(exc))
            return
        if settings == self._original:
            self.saved = settings
            super().accept()
            return
        try:
            self._ops.run(
                lambda: settings_service.save_office_settings(
                    self._ctx.db, settings, author=self._ctx.author
                )
            )
        except CchcError as exc:
            log.info("Office settings refused: %s", exc)
            self._refuse(str(exc))
            return
        self.saved = settings
        self._original = settings
        self.settings_saved.emit(settings)
        super().accept()

    def reject(self) -> None:
        """Huỷ, Escape or the close box: typed edits are not dropped without asking."""
        if (
            self.is_modified()
            and self.ui.button_box.button(QDialogButtonBox.StandardButton.Save).isEnabled()
        ):
            choice = UnsavedDialog.ask(self, "Thông tin cơ quan đã sửa nhưng chưa lưu.")
            if choice is UnsavedChoice.SAVE:
                self.accept()
                return
            if choice is UnsavedChoice.CANCEL:
                return
        super().reject()

    # ------------------------------------------------------------------ helpers

    def _refuse(self, message: str) -> None:
        self._show_error(message)
        widget = self._field_for(message)
        if widget is not None:
            widget.setFocus()

    def _show_error(self, message: str) -> None:
        self.ui.error_label.setText(message)
        self.ui.error_label.setVisible(bool(message))

    def _field_for(self, message: str) -> QWidget | None:
        """The field a validation message is about, to put the cursor there."""
        lowered = message.lower()
        pairs: list[tuple[str, QLineEdit | QPlainTextEdit | QWidget]] = [
            ("tỉnh, thành phố", self.ui.province_combo),
            ("xã, phường", self.ui.unit_combo),
            ("tên huyện", self.ui.unit_combo),
            ("sở, ban", self.ui.unit_combo),
            ("cấp cơ quan", self.ui.level_combo),
            ("tiền tố", self.ui.prefix_combo),
            ("“kt.”", self.ui.position_edit),
            ("là cấp phó", self.ui.prefix_combo),
            ("tổng hợp báo cáo", self.ui.reporting_edit),
            ("địa danh", self.ui.place_edit),
            ("cơ quan ban hành", self.ui.issuing_edit),
            ("họ tên", self.ui.signer_edit),
            ("tên tập thể", self.ui.body_edit),
            ("người đứng đầu", self.ui.head_edit),
            ("chức vụ người ký", self.ui.position_edit),
            ("ngày hạn", self.ui.due_day_spin),
        ]
        for needle, widget in pairs:
            if needle in lowered:
                return widget
        if "ký hiệu" in lowered:
            for edit in self._symbol_edits.values():
                text = edit.text().strip()
                if not text or " " in text or "/" in text:
                    return edit
        return None

    def _update_signature(self) -> None:
        prefix = str(self.ui.prefix_combo.currentData() or "")
        self.ui.body_edit.setEnabled(prefix in _USES_BODY)
        self.ui.head_edit.setEnabled(prefix in _USES_HEAD)
        settings = self.settings()
        lines = [f"<b>{html.escape(line)}</b>" for line in settings.signature_lines()]
        lines.append("<i>(Chữ ký, dấu)</i>")
        lines.append(f"<b>{html.escape(settings.signer_name)}</b>")
        self.ui.signature_preview.setText("<br>".join(lines))
