"""Two small questions with words around them: the year of next year's draft, and the
reporting period of a results export. Each says what will happen and labels its field."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from cchc_desktop.domain.periods import PERIOD_LABELS, ReportingPeriod
from cchc_desktop.ui.forms.ui_choice_dialog import Ui_ChoiceDialog


class ChoiceDialog(QDialog):
    """A titled question with one labelled field (a year or a reporting period)."""

    def __init__(self, parent: QWidget | None, *, title: str, intro: str, ok_text: str) -> None:
        super().__init__(parent)
        self.ui = Ui_ChoiceDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.intro_label.setText(intro)
        box = self.ui.button_box
        box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        box.button(QDialogButtonBox.StandardButton.Cancel).setText("Huỷ")
        hidden: tuple[QWidget, ...] = (
            self.ui.year_caption,
            self.ui.year_spin,
            self.ui.period_caption,
            self.ui.period_combo,
        )
        for row_widget in hidden:  # each use shows its own row
            row_widget.hide()

    def use_year(self, first: int, default: int) -> None:
        self.ui.year_caption.show()
        self.ui.year_spin.show()
        self.ui.year_spin.setRange(first, 2100)
        self.ui.year_spin.setValue(default)
        self.ui.year_spin.setFocus()

    def use_period(self) -> None:
        self.ui.period_caption.show()
        self.ui.period_combo.show()
        for period in ReportingPeriod:
            self.ui.period_combo.addItem(PERIOD_LABELS[period], str(period))
        self.ui.period_combo.setFocus()

    def year(self) -> int:
        return self.ui.year_spin.value()

    def period(self) -> ReportingPeriod:
        return ReportingPeriod(self.ui.period_combo.currentData())


def next_year_dialog(parent: QWidget | None, source_year: int) -> ChoiceDialog:
    dialog = ChoiceDialog(
        parent,
        title="Lập kế hoạch năm sau",
        intro=(
            f"Chép các phụ lục và nhiệm vụ của kế hoạch năm {source_year} thành dự thảo cho "
            "năm mới; thời hạn được dời theo số năm. Số và ngày quyết định để trống cho đến "
            "khi ban hành."
        ),
        ok_text="Lập dự thảo",
    )
    dialog.use_year(source_year + 1, source_year + 1)
    return dialog


def period_dialog(parent: QWidget | None, year: int) -> ChoiceDialog:
    dialog = ChoiceDialog(
        parent,
        title="Xuất kết quả kỳ báo cáo",
        intro=(
            f"Xuất ra bảng tính (XLSX) kết quả thực hiện các nhiệm vụ của kế hoạch năm {year} "
            "trong kỳ báo cáo chọn dưới đây."
        ),
        ok_text="Chọn tệp và xuất…",
    )
    dialog.use_period()
    return dialog
