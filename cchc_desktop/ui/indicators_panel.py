"""The indicators tab: the plan's numeric targets, a unit's values per period, attainment."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from cchc_desktop.context import AppContext
from cchc_desktop.domain.model import AgencyKind
from cchc_desktop.domain.periods import (
    PERIOD_LABELS,
    ReportingPeriod,
    period_for_date,
    period_phrase,
)
from cchc_desktop.errors import CchcError
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.undo import run_undoable
from cchc_desktop.qtmodels.indicator_model import IndicatorTableModel
from cchc_desktop.services import indicator_service, organisation, tree_service
from cchc_desktop.store.changes import Changes
from cchc_desktop.ui.forms.ui_indicators_panel import Ui_IndicatorsPanel

_UNIT_ORDER = {
    AgencyKind.DISTRICT: 0,
    AgencyKind.PROVINCE: 1,
    AgencyKind.COMMUNE: 2,
    AgencyKind.OFFICE: 3,
    AgencyKind.DEPARTMENT: 4,
    AgencyKind.EXTERNAL: 5,
}


class IndicatorsPanel(QWidget):
    """Shows and edits indicator values; every edit is one undo step (consecutive edits of the
    same cell merge into one).

    Signals: none; it listens to `ops.changed` and is told the plan with `set_plan`.
    """

    def __init__(
        self,
        ctx: AppContext,
        ops: Operations,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ops = ops
        self.undo_stack = undo_stack
        self.ui = Ui_IndicatorsPanel()
        self.ui.setupUi(self)
        self.plan_id: str | None = None
        self.year: int | None = None
        self.model = IndicatorTableModel(self)
        self.model.read_only = ctx.read_only
        view = self.ui.indicator_view
        view.setModel(self.model)
        view.verticalHeader().setVisible(False)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(IndicatorTableModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for period in ReportingPeriod:
            self.ui.period_combo.addItem(PERIOD_LABELS[period], str(period))
        self._fill_units()
        self.ui.period_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.ui.unit_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.ui.extract_button.clicked.connect(self.extract)
        self.model.cell_edited.connect(self._on_cell_edited)
        ops.changed.connect(self._on_changed)
        ops.reset.connect(self.reload)

    # ------------------------------------------------------------------ choices

    def _fill_units(self) -> None:
        combo = self.ui.unit_combo
        current = combo.currentData()
        agencies = organisation.list_agencies(self.ctx.db)
        agencies.sort(key=lambda a: _UNIT_ORDER.get(a.kind, 9))  # stable: names stay sorted
        combo.blockSignals(True)
        combo.clear()
        for agency in agencies:
            combo.addItem(agency.name, agency.id)
        index = combo.findData(current) if current else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def set_plan(self, plan_id: str | None) -> None:
        self.plan_id = plan_id
        self.year = None
        if plan_id is not None:
            self.year = tree_service.plan_year(self.ctx.db, plan_id)
        if self.year is not None:
            period, year = period_for_date(self.ctx.today())
            chosen = period if year == self.year else ReportingPeriod.Y
            combo = self.ui.period_combo
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(str(chosen)))
            combo.blockSignals(False)
        self.reload()

    def unit_id(self) -> str | None:
        data = self.ui.unit_combo.currentData()
        return str(data) if data else None

    def period(self) -> ReportingPeriod:
        return ReportingPeriod(self.ui.period_combo.currentData())

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        self.ui.error_label.clear()
        self.model.read_only = self.ctx.read_only
        unit = self.unit_id()
        if self.plan_id is None or self.year is None or unit is None:
            self.model.set_rows([])
            self.ui.summary_label.setText("Chưa chọn kế hoạch hoặc đơn vị.")
            return
        rows = indicator_service.values_for(
            self.ctx.db, self.plan_id, unit_id=unit, year=self.year, period=self.period()
        )
        self.model.set_rows(rows)
        self.ui.extract_button.setEnabled(not self.ctx.read_only)
        if not rows:
            self.ui.summary_label.setText(
                "Kế hoạch này chưa có chỉ tiêu nào được lưu. "
                "Bấm “Lấy chỉ tiêu từ kế hoạch” để đọc chúng từ văn bản."
            )
            return
        met, judged = self.model.met_count()
        period_text = period_phrase(self.period(), self.year)
        self.ui.summary_label.setText(
            f"{self.ui.unit_combo.currentText()}, {period_text}: đạt {met}/{len(rows)} chỉ tiêu"
            + (f" ({len(rows) - judged} chỉ tiêu chưa có số liệu)." if judged < len(rows) else ".")
        )

    def extract(self) -> int:
        """Store the targets the plan's text states (the ones missing); returns how many."""
        if self.plan_id is None:
            return 0
        db, author, plan_id = self.ctx.db, self.ctx.author, self.plan_id
        try:
            changes = run_undoable(
                self.undo_stack,
                self.ctx,
                self.ops,
                "lấy chỉ tiêu từ kế hoạch",
                lambda: indicator_service.extract_indicators(db, plan_id, author=author),
            )
        except CchcError as exc:
            self.ui.error_label.setText(str(exc))
            return 0
        added = len(changes.rows("indicator"))
        self.reload()
        if not added:
            self.ui.error_label.setText(
                "Không tìm thấy chỉ tiêu mới nào trong văn bản kế hoạch."
                if not self.model.rowCount()
                else "Các chỉ tiêu trong văn bản kế hoạch đã được lưu từ trước."
            )
        return added

    def _on_cell_edited(self, indicator_id: str, column: int, text: str) -> None:
        unit = self.unit_id()
        if self.year is None or unit is None:
            return
        db, author, year, period = self.ctx.db, self.ctx.author, self.year, self.period()
        if column == IndicatorTableModel.COL_TARGET:
            what = "sửa mục tiêu chỉ tiêu"

            def mutation() -> Changes:
                return indicator_service.update_target(db, indicator_id, target=text, author=author)
        else:
            is_note = column == IndicatorTableModel.COL_NOTE
            what = "ghi chú chỉ tiêu" if is_note else "nhập giá trị chỉ tiêu"
            current = next((r for r in self.model.rows() if r.indicator.id == indicator_id), None)
            value_text = None if current is None or current.value is None else str(current.value)

            def mutation() -> Changes:
                return indicator_service.set_value(
                    db,
                    indicator_id=indicator_id,
                    unit_id=unit,
                    year=year,
                    period=period,
                    value=value_text if is_note else text,
                    note=text if is_note else None,
                    author=author,
                )

        try:
            run_undoable(
                self.undo_stack,
                self.ctx,
                self.ops,
                what,
                mutation,
                merge_key=f"indicator:{indicator_id}:{unit}:{year}:{period}:{column}",
            )
        except CchcError as exc:
            self.ui.error_label.setText(str(exc))
            return
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("agency"):
            self._fill_units()
        if changes.touches("indicator") or changes.touches("indicator_value"):
            self.reload()
