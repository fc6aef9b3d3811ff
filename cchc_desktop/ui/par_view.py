"""“Chỉ số CCHC”: the year's self-assessment against the province's PAR index criteria.

The tree lists areas, criteria and sub-criteria with their maxima, the unit's self scores (the
totals per area and overall follow every change, even before it is saved), the appraised scores
and how much evidence each has; a scored criterion without evidence is marked. The panel beside
it scores the selected sub-criterion, links evidence proposed from the year's recorded work with
one click, attaches new files to the one evidence store, and (at the office above) appraises.
The buttons below print the report, export the table, write the hand-in folder and rank units.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QListWidgetItem,
    QMessageBox,
    QTreeWidgetItem,
    QWidget,
)

from cchc_desktop.context import AppContext
from cchc_desktop.domain import par
from cchc_desktop.domain.par import Criterion, format_points
from cchc_desktop.errors import CchcError, NotFoundError
from cchc_desktop.importer import par_criteria
from cchc_desktop.qt.operations import Operations
from cchc_desktop.reports import par_handin, par_report
from cchc_desktop.services import organisation, par_editor, par_evidence, par_service
from cchc_desktop.services.par_service import ParSet, Score
from cchc_desktop.services.settings_service import load_office_settings
from cchc_desktop.store.changes import Changes
from cchc_desktop.ui.forms.ui_par_dialog import Ui_ParDialog
from cchc_desktop.ui.par_criterion_dialog import ParCriterionDialog

COL_CODE, COL_TITLE, COL_MAX, COL_SELF, COL_APPRAISED, COL_EVIDENCE = range(6)
_CODE_ROLE = Qt.ItemDataRole.UserRole
NO_EVIDENCE = "chưa có"
_MISSING = QBrush(QColor("#b71c1c"))
_SURVEY = QBrush(QColor("#666666"))
LEVEL_CHOICES = (("commune", "Cấp xã"), ("department", "Cấp sở, ban, ngành"))


class ParDialog(QDialog):
    """The PAR index window of one year, level and unit."""

    def __init__(
        self, ctx: AppContext, ops: Operations, parent: QWidget | None = None, *, year: int
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self.set_: ParSet | None = None
        self.scores: dict[str, Score] = {}
        self.counts: dict[str, int] = {}
        self.items: dict[str, QTreeWidgetItem] = {}
        self.ui = Ui_ParDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.year_spin.setValue(year)
        for level, label in LEVEL_CHOICES:
            ui.level_combo.addItem(label, level)
        sets = par_service.list_sets(ctx.db, year)
        level = sets[0][2] if sets else par_service.default_level(ctx.db)
        ui.level_combo.setCurrentIndex(0 if level == "commune" else 1)
        header = ui.criteria_tree.header()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        metrics = ui.criteria_tree.fontMetrics()
        # Fixed widths from the widest texts; the code column also holds the tree's indentation.
        indent = ui.criteria_tree.indentation() * par.MAX_DEPTH
        for column, text, extra in (
            (COL_CODE, "0.00.00", indent + 8),
            (COL_MAX, "Tối đa", 16),
            (COL_SELF, "Tự chấm", 16),
            (COL_APPRAISED, "Thẩm định", 16),
            (COL_EVIDENCE, "Kiểm chứng", 16),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(text) + extra)
        header.setStretchLastSection(False)
        ui.splitter.setSizes([780, 500])
        ui.error_label.setVisible(False)
        self.hub = par_service.is_hub(ctx.db)
        if not self.hub:
            # The commune reads the appraisal that came back; only the office above writes it.
            ui.appraisal_group.setTitle("Kết quả thẩm định của cơ quan cấp trên")
            ui.appraised_spin.setReadOnly(True)
            ui.appraisal_edit.setReadOnly(True)
            ui.save_appraisal_button.setVisible(False)
            ui.clear_appraisal_button.setVisible(False)
        for tree_button in (ui.edit_button, ui.add_button, ui.add_area_button, ui.remove_button):
            tree_button.setVisible(self.hub)
        ui.import_button.setVisible(self.hub)
        ui.rank_button.setVisible(self.hub)
        if ctx.read_only:
            widget: QWidget
            for widget in (
                ui.import_button,
                ui.score_group,
                ui.appraisal_group,
                ui.evidence_group,
                ui.proposal_group,
                ui.edit_button,
                ui.add_button,
                ui.add_area_button,
                ui.remove_button,
            ):
                widget.setEnabled(False)

        ui.year_spin.valueChanged.connect(lambda _v: self.reload())
        ui.level_combo.currentIndexChanged.connect(lambda _i: self.reload())
        ui.unit_combo.currentIndexChanged.connect(lambda _i: self._load_scores())
        ui.criteria_tree.currentItemChanged.connect(lambda *_a: self._show_selected())
        ui.score_spin.valueChanged.connect(lambda _v: self._update_totals())
        ui.save_score_button.clicked.connect(self.save_score)
        ui.clear_score_button.clicked.connect(
            lambda: ui.score_spin.setValue(ui.score_spin.minimum())
        )
        ui.save_appraisal_button.clicked.connect(self.save_appraisal)
        ui.clear_appraisal_button.clicked.connect(
            lambda: ui.appraised_spin.setValue(ui.appraised_spin.minimum())
        )
        ui.link_button.clicked.connect(self.link_selected)
        ui.proposal_list.itemDoubleClicked.connect(lambda _i: self.link_selected())
        ui.unlink_button.clicked.connect(self.unlink_selected)
        ui.attach_button.clicked.connect(self.attach_file)
        ui.open_evidence_button.clicked.connect(self.open_evidence)
        ui.import_button.clicked.connect(self.import_criteria)
        ui.edit_button.clicked.connect(self.edit_selected)
        ui.add_button.clicked.connect(lambda: self.add_node(area=False))
        ui.add_area_button.clicked.connect(lambda: self.add_node(area=True))
        ui.remove_button.clicked.connect(self.remove_selected)
        ui.report_button.clicked.connect(self.print_report)
        ui.xlsx_button.clicked.connect(self.export_xlsx)
        ui.handin_button.clicked.connect(self.write_handin)
        ui.rank_button.clicked.connect(self.export_ranking)
        ui.button_box.rejected.connect(self.reject)
        self.reload()

    # ------------------------------------------------------------------ loading

    @property
    def year(self) -> int:
        return self.ui.year_spin.value()

    @property
    def level(self) -> str:
        return str(self.ui.level_combo.currentData())

    @property
    def unit(self) -> str | None:
        data = self.ui.unit_combo.currentData()
        return str(data) if data else None

    def reload(self) -> None:
        """Load the set of the shown year and level, the units and the scores."""
        try:
            self.set_ = par_service.load_set(self._ctx.db, self.year, self.level)
        except NotFoundError as exc:
            self.set_ = None
            self.ui.problems_label.setText(
                f"{exc} Người quản lý bộ chỉ số nhập từ bảng tiêu chí của tỉnh (nút «Nhập bộ "
                "tiêu chí…») hoặc nhận qua gói dữ liệu từ cấp trên."
            )
        else:
            problems = par_editor.problems(self.set_)
            self.ui.problems_label.setText(
                "Điểm tối đa chưa khớp (sửa trong cây): " + " ".join(problems) if problems else ""
            )
        self.ui.problems_label.setVisible(bool(self.ui.problems_label.text()))
        self._fill_units()
        self._load_scores()

    def _fill_units(self) -> None:
        combo = self.ui.unit_combo
        previous = self.unit
        combo.blockSignals(True)
        combo.clear()
        own = par_service.own_unit(self._ctx.db, self.year, create=False)
        if own is not None:
            combo.addItem(organisation.get_agency(self._ctx.db, own).name + " (đơn vị mình)", own)
        else:
            combo.addItem("Đơn vị của máy này", "")
        others: list[str] = []
        if self.hub and self.set_ is not None:
            others = par_service.units_with_scores(self._ctx.db, self.set_)
            if self.level == "commune":
                others += [a.id for a in organisation.list_agencies(self._ctx.db, ["commune"])]  # type: ignore[list-item]
        seen = {own}
        for unit in others:
            if unit not in seen:
                seen.add(unit)
                combo.addItem(organisation.get_agency(self._ctx.db, unit).name, unit)
        index = combo.findData(previous) if previous else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _load_scores(self) -> None:
        set_, unit = self.set_, self.unit
        self.scores = par_service.scores(self._ctx.db, set_, unit) if set_ and unit else {}
        self.counts = par_service.evidence_counts(self._ctx.db, set_, unit) if set_ and unit else {}
        self._fill_tree()

    def _fill_tree(self) -> None:
        tree = self.ui.criteria_tree
        selected = self.selected_code()
        tree.clear()
        self.items = {}

        def add(node: Criterion, parent: QTreeWidgetItem | None) -> None:
            item = QTreeWidgetItem([node.code, node.title, format_points(node.max_score)])
            item.setData(COL_CODE, _CODE_ROLE, node.code)
            item.setToolTip(COL_TITLE, node.title)
            for column in (COL_MAX, COL_SELF, COL_APPRAISED, COL_EVIDENCE):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
            if node.depth == 0:
                font = item.font(COL_TITLE)
                font.setBold(True)
                for column in range(6):
                    item.setFont(column, font)
            if parent is None:
                tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            self.items[node.code] = item
            for child in node.children:
                add(child, item)

        if self.set_ is not None:
            for area in self.set_.areas:
                add(area, None)
        tree.expandToDepth(0)
        self._update_totals()
        if selected and selected in self.items:
            tree.setCurrentItem(self.items[selected])
        else:
            self._show_selected()

    def _pending(self) -> dict[str, Score]:
        """The stored scores with the one being typed in the panel."""
        node = self.selected_node()
        given = dict(self.scores)
        if node is not None and node.is_leaf and self.ui.score_group.isEnabled():
            old = given.get(node.id, Score())
            given[node.id] = Score(self._spin_value(), old.note, old.appraised)
        return given

    def _update_totals(self) -> None:
        set_ = self.set_
        if set_ is None:
            self.ui.totals_label.setText("")
            return
        given = self._pending()
        own = par_service.totals(set_, given)
        appraised = par_service.totals(set_, given, appraised=True)
        missing = 0
        for node in par.walk(set_.areas):
            item = self.items.get(node.code)
            if item is None:
                continue
            if node.self_assessed:
                item.setText(COL_SELF, format_points(own[node.code]))
            else:  # the published survey points, once the unit has recorded them
                item.setText(COL_SELF, format_points(own[node.code]) or "điều tra")
                for column in range(6):
                    item.setForeground(column, _SURVEY)
            item.setText(COL_APPRAISED, format_points(appraised[node.code]))
            count = self.counts.get(node.code, 0)
            lacking = node.is_leaf and node.self_assessed and own[node.code] and not count
            item.setText(COL_EVIDENCE, NO_EVIDENCE if lacking else str(count or ""))
            item.setForeground(COL_EVIDENCE, _MISSING if lacking else item.foreground(COL_CODE))
            if lacking:
                item.setToolTip(COL_EVIDENCE, "Đã chấm điểm nhưng chưa có tài liệu kiểm chứng")
                missing += 1
        self_max = sum(
            (a.max_score for a in set_.areas if a.self_assessed and a.max_score), par.ZERO
        )
        own_part, survey_part = par_service.part_totals(set_, given)
        text = (
            f"Tổng tự chấm: {format_points(own_part) or '0'}/{format_points(self_max)} điểm "
            f"(thang {format_points(set_.total)})"
        )
        if survey_part is not None:
            text += (
                f" · điều tra XHH: {format_points(survey_part)}/"
                f"{format_points(set_.total - self_max)}"
                f" · cộng: {format_points((own_part or par.ZERO) + survey_part)}"
            )
        if appraised[""] is not None:
            text += f" · thẩm định: {format_points(appraised[''])}"
        if missing:
            text += f" · {missing} tiêu chí đã chấm chưa có tài liệu kiểm chứng"
        self.ui.totals_label.setText(text)

    # ------------------------------------------------------------------ the selected node

    def selected_code(self) -> str | None:
        item = self.ui.criteria_tree.currentItem()
        return str(item.data(COL_CODE, _CODE_ROLE)) if item is not None else None

    def selected_node(self) -> Criterion | None:
        code = self.selected_code()
        if self.set_ is None or code is None:
            return None
        return self.set_.by_code.get(code)

    def _spin_value(self) -> Decimal | None:
        spin = self.ui.score_spin
        if spin.value() < 0:
            return None
        return Decimal(str(round(spin.value(), 2)))

    def _show_selected(self) -> None:
        ui = self.ui
        node = self.selected_node()
        ui.title_label.setText(f"<b>{node.code}. {node.title}</b>" if node else "")
        rule = ""
        if node is not None:
            parts = [f"Điểm tối đa: {format_points(node.max_score)}"]
            if node.rule:
                parts.append("Cách chấm: " + node.rule.replace("\n", "; "))
            if node.evidence_required:
                parts.append("Tài liệu kiểm chứng: " + node.evidence_required)
            rule = "\n".join(parts)
        ui.rule_label.setText(rule)
        leaf = node is not None and node.is_leaf
        scorable = leaf and node is not None and node.self_assessed and self.unit is not None
        writable = not self._ctx.read_only
        survey = node is not None and not node.self_assessed
        ui.score_group.setEnabled(writable and leaf)
        ui.score_group.setTitle(
            "Điểm điều tra xã hội học (theo kết quả tỉnh công bố)" if survey else "Tự đánh giá"
        )
        ui.note_caption.setText("&Nguồn (văn bản công bố):" if survey else "&Giải trình:")
        ui.save_score_button.setText("&Lưu điểm điều tra" if survey else "&Lưu điểm tự đánh giá")
        ui.evidence_group.setEnabled(writable and leaf)
        ui.proposal_group.setEnabled(writable and leaf)
        ui.appraisal_group.setEnabled(leaf and self.unit is not None and (writable or not self.hub))
        ui.remove_button.setEnabled(writable and node is not None)
        ui.edit_button.setEnabled(writable and node is not None)
        ui.add_button.setEnabled(writable and node is not None and node.depth < par.MAX_DEPTH - 1)
        score = self.scores.get(node.id, Score()) if node else Score()
        step_points = (node.step if node.self_assessed else par.SURVEY_STEP) if node else None
        for spin, value in ((ui.score_spin, score.score), (ui.appraised_spin, score.appraised)):
            spin.blockSignals(True)
            step = float(step_points) if step_points is not None else 0.5
            spin.setSingleStep(step)
            spin.setMinimum(-step)
            spin.setSpecialValueText("chưa chấm")
            spin.setMaximum(float(node.max_score or 0) if node else 0)
            spin.setValue(float(value) if value is not None else -step)
            spin.blockSignals(False)
        ui.max_label.setText(
            f"/ {format_points(node.max_score)}, bước {format_points(step_points)}" if node else ""
        )
        if survey and not leaf:
            ui.max_label.setText("do điều tra xã hội học chấm")
        ui.note_edit.setPlainText(score.note)
        ui.appraisal_edit.setPlainText(score.appraisal_note)
        self._fill_evidence(node if scorable or leaf else None)

    def _fill_evidence(self, node: Criterion | None) -> None:
        ui = self.ui
        ui.evidence_list.clear()
        ui.proposal_list.clear()
        set_, unit = self.set_, self.unit
        if node is None or set_ is None:
            return
        if unit is None:
            ui.proposal_list.addItem("Chưa xác định đơn vị của máy này.")
            return
        for item in par_evidence.linked(self._ctx.db, set_, node.code, unit):
            entry = QListWidgetItem(f"{par_evidence.KIND_LABELS[item.kind]}: {item.label}")
            entry.setData(_CODE_ROLE, item)
            ui.evidence_list.addItem(entry)
        if ui.evidence_list.count() == 0:
            ui.evidence_list.addItem("(chưa có tài liệu kiểm chứng)")
        for proposal in par_evidence.proposals(self._ctx.db, set_, node.code, unit):
            entry = QListWidgetItem(proposal.label)
            entry.setData(_CODE_ROLE, proposal)
            ui.proposal_list.addItem(entry)
        if ui.proposal_list.count() == 0:
            ui.proposal_list.addItem("(không có kết quả nào trong năm khớp với tiêu chí này)")

    # ------------------------------------------------------------------ writes

    def _run(self, mutation: Callable[[], Changes]) -> bool:
        try:
            self._ops.run(mutation)
        except CchcError as exc:
            self.show_error(str(exc))
            return False
        self.show_error("")
        return True

    def show_error(self, message: str) -> None:
        self.ui.error_label.setText(message)
        self.ui.error_label.setVisible(bool(message))

    def _unit_for_write(self) -> str | None:
        unit = self.unit
        if unit is not None:
            return unit
        try:
            created = par_service.resolve_unit(self._ctx.db, None, self.year)
        except CchcError as exc:
            self.show_error(str(exc))
            return None
        self._fill_units()
        return created

    def save_score(self) -> None:
        node, set_ = self.selected_node(), self.set_
        if node is None or set_ is None:
            return
        value, note = self._spin_value(), self.ui.note_edit.toPlainText()
        try:
            par_service.check_score(set_, node.code, value)
        except CchcError as exc:
            self.show_error(str(exc))
            return
        unit = self._unit_for_write()
        if unit is None:
            return
        db, author = self._ctx.db, self._ctx.author
        if self._run(
            lambda: par_service.set_score(
                db, set_, node.code, value, unit=unit, note=note, author=author
            )
        ):
            self._load_scores()

    def save_appraisal(self) -> None:
        node, set_, unit = self.selected_node(), self.set_, self.unit
        if node is None or set_ is None or unit is None:
            return
        spin = self.ui.appraised_spin
        value = None if spin.value() < 0 else Decimal(str(round(spin.value(), 2)))
        note = self.ui.appraisal_edit.toPlainText()
        db, author = self._ctx.db, self._ctx.author
        if self._run(
            lambda: par_service.appraise(
                db, set_, node.code, value, unit=unit, note=note, author=author
            )
        ):
            self._load_scores()

    def link_selected(self) -> None:
        node, set_ = self.selected_node(), self.set_
        chosen = self.ui.proposal_list.selectedItems()
        proposal = chosen[0].data(_CODE_ROLE) if chosen else None
        if node is None or set_ is None or not isinstance(proposal, par_evidence.Proposal):
            return
        unit = self._unit_for_write()
        if unit is None:
            return
        db, author = self._ctx.db, self._ctx.author
        if self._run(lambda: par_evidence.link(db, set_, node.code, unit, proposal, author=author)):
            self._load_scores()

    def unlink_selected(self) -> None:
        chosen = self.ui.evidence_list.selectedItems()
        linked = chosen[0].data(_CODE_ROLE) if chosen else None
        if not isinstance(linked, par_evidence.LinkedEvidence):
            return
        db, author = self._ctx.db, self._ctx.author
        if self._run(lambda: par_evidence.remove(db, linked.id, author=author)):
            self._load_scores()

    def attach_file(self) -> None:
        node, set_ = self.selected_node(), self.set_
        if node is None or set_ is None:
            return
        name, _filter = QFileDialog.getOpenFileName(
            self, "Chọn tệp tài liệu kiểm chứng", "", "Mọi tệp (*)"
        )
        if not name:
            return
        unit = self._unit_for_write()
        if unit is None:
            return
        file = Path(name)
        db, author, db_path = self._ctx.db, self._ctx.author, self._ctx.db_path

        def attach() -> Changes:
            sha = par_evidence.store_file(db, db_path, file)
            return par_evidence.attach_file(
                db,
                set_,
                node.code,
                unit,
                sha256=sha,
                file_name=file.name,
                size=file.stat().st_size,
                author=author,
            )

        if self._run(attach):
            self._load_scores()

    def open_evidence(self) -> None:
        chosen = self.ui.evidence_list.selectedItems()
        linked = chosen[0].data(_CODE_ROLE) if chosen else None
        if not isinstance(linked, par_evidence.LinkedEvidence):
            return
        for stored in par_evidence.files_of(self._ctx.db, linked):
            source = par_evidence.stored_path(self._ctx.db_path, stored.sha256)
            if source is not None:
                folder = Path(tempfile.mkdtemp(prefix="cchc-kiem-chung-"))
                target = folder / par_handin.safe_name(stored.name)
                shutil.copyfile(source, target)
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
                return
        self.show_error(
            "Tài liệu này không có tệp trên máy (chỉ là kết quả đã ghi, hoặc tệp chưa về)."
        )

    # ------------------------------------------------------------------ the criteria set

    def import_criteria(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            "Chọn văn bản có bảng tiêu chí",
            "",
            "Văn bản (*.docx *.pdf *.doc *.rtf *.txt *.html *.htm);;Mọi tệp (*)",
        )
        if not name:
            return
        try:
            parsed = par_criteria.read_file(Path(name))
        except CchcError as exc:
            self.show_error(str(exc))
            return
        areas, criteria, subs = parsed.counts()
        summary = (
            f"Bảng có {areas} lĩnh vực, {criteria} tiêu chí, {subs} tiêu chí thành phần; tổng "
            f"{format_points(parsed.total)} điểm. Nhập làm bộ chỉ số năm {self.year} "
            f"({self.ui.level_combo.currentText().lower()})?"
        )
        if parsed.problems:
            summary += "\n\nĐiểm tối đa chưa khớp (sửa trong cây sau khi nhập):\n" + "\n".join(
                f"– {p}" for p in parsed.problems
            )
        answer = QMessageBox.question(self, "Nhập bộ tiêu chí", summary)
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, author, year, level = self._ctx.db, self._ctx.author, self.year, self.level
        if self._run(
            lambda: par_service.import_criteria(
                db,
                parsed,
                year=year,
                level=level,
                source=Path(name).name,
                allow_mismatch=True,
                author=author,
            )
        ):
            self.reload()

    def edit_selected(self) -> None:
        node, set_ = self.selected_node(), self.set_
        if node is None or set_ is None:
            return
        if ParCriterionDialog.edit(self._ctx, self._ops, self, set_, node):
            self.reload()

    def add_node(self, *, area: bool) -> None:
        set_ = self.set_
        node = self.selected_node()
        if set_ is None or (not area and node is None):
            return
        parent = None if area or node is None else node.code
        code = ParCriterionDialog.add(self._ctx, self._ops, self, set_, parent)
        if code:
            self.reload()
            if code in self.items:
                self.ui.criteria_tree.setCurrentItem(self.items[code])

    def remove_selected(self) -> None:
        node, set_ = self.selected_node(), self.set_
        if node is None or set_ is None:
            return
        answer = QMessageBox.question(
            self,
            "Xoá mục",
            f"Xoá {par.node_label(node)} {node.code} «{node.title}» và các mục con của nó?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, author = self._ctx.db, self._ctx.author
        if self._run(lambda: par_editor.remove_criterion(db, set_, node.code, author=author)):
            self.reload()

    # ------------------------------------------------------------------ outputs

    def _ready(self) -> tuple[ParSet, str] | None:
        if self.set_ is None or self.unit is None:
            self.show_error("Chưa có bộ chỉ số hoặc chưa có điểm nào của đơn vị.")
            return None
        return self.set_, self.unit

    def _save_name(self, title: str, name: str, kind: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(self, title, name, kind)
        return Path(chosen) if chosen else None

    def print_report(self) -> None:
        ready = self._ready()
        path = ready and self._save_name(
            "Lưu báo cáo tự đánh giá",
            f"Báo cáo tự đánh giá Chỉ số CCHC năm {self.year}.pdf",
            "PDF (*.pdf)",
        )
        if ready and path:
            self._output(
                lambda: par_report.build_par_report(
                    par_handin.report_data(self._ctx.db, *ready),
                    load_office_settings(self._ctx.db),
                    path,
                ),
                path,
            )

    def export_xlsx(self) -> None:
        ready = self._ready()
        path = ready and self._save_name(
            "Lưu bảng điểm", f"Bảng điểm Chỉ số CCHC năm {self.year}.xlsx", "Excel (*.xlsx)"
        )
        if ready and path:
            self._output(
                lambda: par_report.export_score_xlsx(
                    par_handin.report_data(self._ctx.db, *ready), path
                ),
                path,
            )

    def write_handin(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục để ghi hồ sơ nộp")
        if not folder:
            return
        target = Path(folder) / f"Chỉ số CCHC năm {self.year}"
        db, db_path = self._ctx.db, self._ctx.db_path

        def blob_file(sha: str) -> Path | None:
            return par_evidence.stored_path(db_path, sha)

        try:
            result = par_handin.write_handin(
                db, *ready, target, load_office_settings(db), blob_file, make_zip=True
            )
        except CchcError as exc:
            self.show_error(str(exc))
            return
        message = f"Đã ghi {len(result.files)} tệp vào {target} và tệp nén {result.zip_path}."
        if result.missing:
            message += "\nThiếu tệp trên máy này: " + "; ".join(result.missing)
        QMessageBox.information(self, "Hồ sơ nộp", message)

    def export_ranking(self) -> None:
        set_ = self.set_
        if set_ is None:
            return
        path = self._save_name(
            "Lưu bảng xếp hạng",
            f"Xếp hạng Chỉ số CCHC năm {self.year}.pdf",
            "PDF (*.pdf);;Excel (*.xlsx)",
        )
        if path is None:
            return
        data = par_handin.ranking_data(self._ctx.db, set_)
        if path.suffix.lower() == ".xlsx":
            self._output(lambda: par_report.export_ranking_xlsx(data, path), path)
        else:
            office = load_office_settings(self._ctx.db)
            self._output(
                lambda: par_report.build_ranking_report(data, office, path.with_suffix(".pdf")),
                path,
            )

    def _output(self, write: Callable[[], object], path: Path) -> None:
        try:
            write()
        except CchcError as exc:
            self.show_error(str(exc))
            return
        self.show_error("")
        self.ui.totals_label.setText(f"Đã ghi {path}")

    @classmethod
    def show_for(
        cls, ctx: AppContext, ops: Operations, parent: QWidget | None, *, year: int
    ) -> None:
        dialog = cls(ctx, ops, parent, year=year)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
