"""The first-run set-up: use the sample plan, or set up one's own office.

Shown on the window's first start of a database (services.settings_service.setup_choice is None);
the command line's analogue is `cchc-desktop office setup sample|own …`.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from cchc_desktop.context import AppContext
from cchc_desktop.domain.office import AUTHORITY_PREFIXES, derived_office
from cchc_desktop.errors import CchcError, ValidationError
from cchc_desktop.qt.operations import Operations
from cchc_desktop.services import office_setup, settings_service
from cchc_desktop.store.changes import Changes
from cchc_desktop.ui.forms.ui_setup_wizard import Ui_SetupWizard
from cchc_desktop.ui.office_picker import OfficePicker
from cchc_desktop.ui.office_settings_dialog import PREFIX_LABELS

log = logging.getLogger(__name__)


class SetupWizard(QDialog):
    """Two choices, then (for one's own office) level, province, unit and signer.

    "Dùng kế hoạch mẫu" stores the sample's office (read from its decision) and confirms its
    agencies; "Hoàn tất" stores one's own office, sets the sample plan aside and pre-fills the
    units under the office — each in one transaction through `ops.run`. Closing the wizard
    changes nothing: it comes back on the next start.
    """

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self.ui = Ui_SetupWizard()
        self.ui.setupUi(self)
        self.picker = OfficePicker(self.ui.level_combo, self.ui.province_combo, self.ui.unit_combo)
        for prefix in AUTHORITY_PREFIXES:
            self.ui.prefix_combo.addItem(PREFIX_LABELS.get(prefix, prefix), prefix)
        self.ui.prefix_combo.setCurrentIndex(self.ui.prefix_combo.findData("TM."))
        self.ui.position_edit.setText("CHỦ TỊCH")
        self.ui.error_label.setVisible(False)
        self.note = ""  # what the set-up did beyond the settings, for the clerk

        has_sample = office_setup.sample_office(ctx.db) is not None
        self.ui.sample_button.setEnabled(has_sample)
        if not has_sample:
            self.ui.sample_label.setText("Cơ sở dữ liệu này không có kế hoạch mẫu.")
        self.ui.sample_button.clicked.connect(self.use_sample)
        self.ui.own_button.clicked.connect(lambda: self.ui.pages.setCurrentWidget(self.ui.own_page))
        self.ui.back_button.clicked.connect(
            lambda: self.ui.pages.setCurrentWidget(self.ui.choice_page)
        )
        self.ui.finish_button.clicked.connect(self.finish)
        self.picker.picked.connect(self._preview)
        self.ui.level_combo.currentIndexChanged.connect(self._level_changed)
        self.ui.pages.setCurrentWidget(self.ui.choice_page)

    # ------------------------------------------------------------------ public API

    @classmethod
    def run_if_needed(cls, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> bool:
        """Show the wizard when the first-run choice has not been made; True if it was shown."""
        if ctx.read_only or settings_service.setup_choice(ctx.db) is not None:
            return False
        dialog = cls(ctx, ops, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.note:
                QMessageBox.information(parent, "Thiết lập ban đầu", dialog.note)
        finally:
            dialog.deleteLater()
        return True

    def use_sample(self) -> None:
        db, author = self._ctx.db, self._ctx.author
        if self._run(lambda: office_setup.use_sample(db, author=author).changes):
            self.note = ""
            self.accept()

    def finish(self) -> None:
        """ "Hoàn tất": resolve the names, store the office, set the sample aside."""
        choice = office_setup.OfficeChoice(
            level=self.picker.level(),
            province=self.picker.province_text(),
            unit=self.picker.unit_text(),
            explicit={
                "signer_name": self.ui.signer_edit.text(),
                "signer_position": self.ui.position_edit.text(),
                "authority_prefix": str(self.ui.prefix_combo.currentData() or ""),
            },
        )
        db, author = self._ctx.db, self._ctx.author
        results: list[office_setup.SetupResult] = []

        def mutation() -> Changes:
            results.append(office_setup.use_own_office(db, choice, author=author))
            return results[-1].changes

        if self._run(mutation):
            result = results[0]
            lines = [f"Đã thiết lập {result.office.issuer_short}."]
            if result.sample_removed:
                lines.append(
                    "Kế hoạch mẫu đã được bỏ đi: hãy nhập kế hoạch của cơ quan ở Tệp → Nhập kế"
                    " hoạch…"
                )
            if result.note:
                lines.append(result.note)
            self.note = "\n".join(lines)
            self.accept()

    def error_text(self) -> str:
        return self.ui.error_label.text()

    # ------------------------------------------------------------------ helpers

    def _run(self, mutation: Callable[[], Changes]) -> bool:
        try:
            self._ops.run(mutation)
        except CchcError as exc:
            log.info("Set-up refused: %s", exc)
            self.ui.error_label.setText(str(exc))
            self.ui.error_label.setVisible(True)
            if self.ui.pages.currentWidget() is self.ui.choice_page:
                QMessageBox.warning(self, "Thiết lập ban đầu", str(exc))
            return False
        return True

    def _level_changed(self) -> None:
        level = self.picker.level()
        if level == "department" and self.ui.position_edit.text() == "CHỦ TỊCH":
            self.ui.position_edit.setText("GIÁM ĐỐC")
            self.ui.prefix_combo.setCurrentIndex(self.ui.prefix_combo.findData(""))
        elif level != "department" and self.ui.position_edit.text() == "GIÁM ĐỐC":
            self.ui.position_edit.setText("CHỦ TỊCH")
            self.ui.prefix_combo.setCurrentIndex(self.ui.prefix_combo.findData("TM."))
        self._preview()

    def _preview(self) -> None:
        """Show what documents will print, or why the names are not found yet."""
        try:
            level, province, unit = self.picker.resolved()
        except ValidationError as exc:
            self.ui.preview_label.setText(html.escape(str(exc)))
            return
        office = derived_office(level, province, unit)
        lines = [html.escape(line) for line in office.superior_agency.splitlines()]
        lines += [f"<b>{html.escape(line)}</b>" for line in office.issuing_agency.splitlines()]
        lines.append(f"<i>{html.escape(office.place)}, ngày … tháng … năm …</i>")
        lines.append(f"Báo cáo gửi: {html.escape(office.reporting_body)}")
        self.ui.preview_label.setText("<br>".join(lines))
