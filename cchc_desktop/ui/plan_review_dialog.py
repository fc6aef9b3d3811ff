"""“Xem lại kế hoạch trước khi nhập”: what a plan file holds, before anything is written.

The tree shows the appendices and their tasks as found, each warning under the appendix or task
it is about (the rest under “Toàn văn bản”), and marks unsure tasks (a warning, or no agency or
deadline found) “Cần kiểm tra”. The decision fields the file lacks can be typed in. “Nhập” is
accepted only with valid fields; “Huỷ” writes nothing.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTreeWidgetItem,
    QWidget,
)

from cchc_desktop.domain.model import ImportWarning
from cchc_desktop.services.plan_import_service import DecisionFields, ImportPreview, ImportSource
from cchc_desktop.ui.forms.ui_plan_review_dialog import Ui_PlanReviewDialog

_TASK_WARNING = re.compile(r"^Phụ lục (\d{2}), nhiệm vụ ([^:]+):")
_APPENDIX_WARNING = re.compile(r"^Phụ lục (?:số )?(\d{2})\b")
_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
UNSURE = "Cần kiểm tra"
_WARN_BRUSH = QBrush(QColor("#9a3412"))


def place_warnings(
    warnings: tuple[ImportWarning, ...],
) -> tuple[dict[tuple[int, str], list[str]], dict[int, list[str]], list[str]]:
    """Warnings by task (appendix, STT), by appendix, and about the whole document."""
    by_task: dict[tuple[int, str], list[str]] = {}
    by_appendix: dict[int, list[str]] = {}
    general: list[str] = []
    for warning in warnings:
        task = _TASK_WARNING.match(warning.message)
        appendix = _APPENDIX_WARNING.match(warning.message)
        if task:
            by_task.setdefault((int(task[1]), task[2].strip()), []).append(warning.message)
        elif appendix:
            by_appendix.setdefault(int(appendix[1]), []).append(warning.message)
        else:
            general.append(warning.message)
    return by_task, by_appendix, general


class PlanReviewDialog(QDialog):
    """The review of one plan file; :meth:`fields` gives the decision fields typed in."""

    def __init__(self, source: ImportSource, found: ImportPreview, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ui = Ui_PlanReviewDialog()
        self.ui.setupUi(self)
        self._source = source
        parsed = source.parsed
        d = parsed.decision
        kind = "thay thế kế hoạch đang có" if found.existing is not None else "kế hoạch mới"
        draft = (
            " Tệp chưa có nhiệm vụ nào: kế hoạch sẽ được nhập như bản nháp."
            if parsed.task_count == 0
            else ""
        )
        self.ui.summary_label.setText(
            f"Tệp «{source.name}»: {parsed.title} ({kind}). Tìm thấy {len(parsed.appendices)} "
            f"phụ lục, {parsed.task_count} nhiệm vụ, {len(parsed.warnings)} cảnh báo.{draft} "
            "Chưa có gì được ghi; bấm «Nhập» để ghi, «Huỷ» để bỏ qua."
        )
        for edit, value in (
            (self.ui.number_edit, d.number),
            (self.ui.date_edit, d.date.strftime("%d/%m/%Y") if d.date else ""),
            (self.ui.issuer_edit, d.issuing_body),
            (self.ui.signer_edit, d.signer),
        ):
            edit.setText(value)
            edit.setReadOnly(bool(value))
            if value:
                edit.setToolTip("Lấy từ tệp kế hoạch.")
        self._fill_tree(found)
        self.import_button = self.ui.button_box.addButton(
            "Nhập", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.ui.button_box.addButton(
            "Huỷ", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.import_button.setDefault(True)
        self.ui.button_box.accepted.connect(self._accept)
        self.ui.button_box.rejected.connect(self.reject)
        header = self.ui.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 220)
        header.resizeSection(2, 200)
        header.setStretchLastSection(False)

    # ------------------------------------------------------------ the tree

    def _fill_tree(self, found: ImportPreview) -> None:
        tree = self.ui.tree
        parsed = self._source.parsed
        by_task, by_appendix, general = place_warnings(parsed.warnings)
        if general:
            top = QTreeWidgetItem(tree, [f"Toàn văn bản – {len(general)} cảnh báo", "", ""])
            for message in general:
                self._warning(top, message)
            top.setExpanded(True)
        self.unsure = 0
        for appendix in parsed.appendices:
            label = f"Phụ lục {appendix.number:02d}: {appendix.title or '(không có tiêu đề)'}"
            node = QTreeWidgetItem(
                tree, [f"{label} – {len(appendix.tasks)} nhiệm vụ", appendix.lead_agency, ""]
            )
            node.setExpanded(True)
            for message in by_appendix.get(appendix.number, []):
                self._warning(node, message)
            for task in appendix.tasks:
                notes = by_task.get((appendix.number, task.no or "?"), [])
                missing = [
                    what
                    for what, value in (
                        ("chưa rõ cơ quan", task.agencies_text),
                        ("chưa rõ thời gian", task.timeline),
                    )
                    if not value
                ]
                unsure = bool(notes or missing)
                self.unsure += unsure
                title = f"{task.no}. {task.title}" if task.no else task.title
                if unsure:
                    title = f"[{UNSURE}] {title}"
                item = QTreeWidgetItem(node, [title, task.agencies_text, task.timeline])
                item.setToolTip(0, task.title)
                if unsure:
                    item.setForeground(0, _WARN_BRUSH)
                for message in notes + ([", ".join(missing).capitalize() + "."] if missing else []):
                    self._warning(item, message)
                item.setExpanded(unsure)  # its warnings in view, right under it
        if found.retired:
            node = QTreeWidgetItem(
                tree,
                [f"Sẽ loại bỏ {len(found.retired)} nhiệm vụ không còn trong tệp", "", ""],
            )
            node.setExpanded(True)
            for gone in found.retired:
                carried = (
                    f" (có {gone.progress_records} bản ghi tiến độ)"
                    if gone.progress_records
                    else ""
                )
                self._warning(
                    node, f"Phụ lục {gone.appendix:02d}, nhiệm vụ {gone.no}: {gone.title}{carried}"
                )
        if self.unsure:
            self.ui.status_label.setText(
                f"{self.unsure} nhiệm vụ được đánh dấu «{UNSURE}»: xem cảnh báo ngay dưới mỗi "
                "nhiệm vụ; có thể sửa sau khi nhập."
            )

    @staticmethod
    def _warning(parent: QTreeWidgetItem, message: str) -> None:
        item = QTreeWidgetItem(parent, [f"⚠ {message}", "", ""])
        item.setForeground(0, _WARN_BRUSH)
        item.setToolTip(0, message)
        item.setFirstColumnSpanned(True)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)

    # ------------------------------------------------------------ the fields

    def fields(self) -> DecisionFields:
        """The decision fields typed in (empty where the file had them)."""

        def typed(edit: QLineEdit) -> str:
            return "" if edit.isReadOnly() else edit.text().strip()

        date_text = typed(self.ui.date_edit)
        return DecisionFields(
            number=typed(self.ui.number_edit),
            date=_parse_date(date_text) if date_text else None,
            issuing_body=typed(self.ui.issuer_edit),
            signer=typed(self.ui.signer_edit),
        )

    def _accept(self) -> None:
        date_text = "" if self.ui.date_edit.isReadOnly() else self.ui.date_edit.text().strip()
        if date_text and _parse_date(date_text) is None:
            self.ui.status_label.setText(
                f"Ngày ký «{date_text}» không đúng dạng ngày/tháng/năm (ví dụ 20/12/2024)."
            )
            self.ui.date_edit.setFocus()
            return
        self.accept()


def _parse_date(text: str) -> dt.date | None:
    found = _DATE.match(text)
    if found is None:
        return None
    day, month, year = (int(g) for g in found.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
