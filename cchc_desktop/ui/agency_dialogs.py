"""Agency dialogs: the register (add the communes, rename, kind, alias, confirm), the add/rename
form, and the picker the task editor uses to add agencies with a role."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from cchc_desktop.context import AppContext
from cchc_desktop.domain.model import ROLE_LABELS, Agency, AgencyKind, AgencyRole
from cchc_desktop.errors import CchcError
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.undo import run_undoable
from cchc_desktop.qtmodels.agency_model import AgencyFilterProxy, AgencyTableModel
from cchc_desktop.services import office_setup, organisation
from cchc_desktop.services.organisation import KIND_LABELS
from cchc_desktop.store.changes import Changes
from cchc_desktop.ui.forms.ui_agencies_dialog import Ui_AgenciesDialog
from cchc_desktop.ui.forms.ui_agency_edit_dialog import Ui_AgencyEditDialog
from cchc_desktop.ui.forms.ui_agency_picker_dialog import Ui_AgencyPickerDialog


@dataclass(frozen=True, slots=True)
class AgencyForm:
    """What the add/rename form returns."""

    names: tuple[str, ...]
    short_name: str
    kind: AgencyKind


class AgencyEditDialog(QDialog):
    """Add several agencies (one name per line) or rename/re-kind one."""

    def __init__(self, parent: QWidget | None = None, *, agency: Agency | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AgencyEditDialog()
        self.ui.setupUi(self)
        for kind, label in KIND_LABELS.items():
            self.ui.kind_combo.addItem(label, str(kind))
        adding = agency is None
        self._adding = adding
        self.ui.names_caption.setVisible(adding)
        self.ui.names_edit.setVisible(adding)
        for line in (self.ui.name_edit, self.ui.short_edit):
            line.setVisible(not adding)
        for caption in (self.ui.name_caption, self.ui.short_caption):
            caption.setVisible(not adding)
        self.ui.error_label.setVisible(False)
        if agency is None:
            self.setWindowTitle("Thêm cơ quan, đơn vị")
            self.ui.intro_label.setText(
                "Nhập tên các cơ quan, đơn vị cần thêm, mỗi dòng một tên, rồi chọn loại. "
                "Ví dụ: thêm 21 xã, thị trấn một lần."
            )
            self.ui.kind_combo.setCurrentIndex(self.ui.kind_combo.findData(str(AgencyKind.COMMUNE)))
        else:
            self.setWindowTitle("Đổi tên, loại cơ quan")
            self.ui.intro_label.setText(
                "Tên cũ vẫn được giữ làm tên gọi khác, để các văn bản cũ vẫn nhận ra cơ quan."
            )
            self.ui.name_edit.setText(agency.name)
            self.ui.short_edit.setText(agency.short_name)
            self.ui.kind_combo.setCurrentIndex(self.ui.kind_combo.findData(str(agency.kind)))
        self.ui.button_box.accepted.connect(self._on_accept)
        self.ui.button_box.rejected.connect(self.reject)

    def form(self) -> AgencyForm:
        if self._adding:
            names = tuple(self.ui.names_edit.toPlainText().splitlines())
        else:
            names = (self.ui.name_edit.text(),)
        return AgencyForm(
            names=tuple(n.strip() for n in names if n.strip()),
            short_name=self.ui.short_edit.text().strip(),
            kind=AgencyKind(self.ui.kind_combo.currentData()),
        )

    def _on_accept(self) -> None:
        if not self.form().names:
            self.show_error("Hãy nhập tên cơ quan, đơn vị.")
            return
        self.accept()

    def show_error(self, message: str) -> None:
        self.ui.error_label.setText(message)
        self.ui.error_label.setVisible(True)

    @classmethod
    def ask(cls, parent: QWidget | None, agency: Agency | None = None) -> AgencyForm | None:
        dialog = cls(parent, agency=agency)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.form()


@dataclass(frozen=True, slots=True)
class PickedAgency:
    agency_id: str
    name: str
    role: AgencyRole
    needs_review: bool


class AgencyPickerDialog(QDialog):
    """Choose one or more agencies from the register and the role they play in a task."""

    def __init__(
        self,
        ctx: AppContext,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        role: AgencyRole = AgencyRole.COORDINATING,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self.ui = Ui_AgencyPickerDialog()
        self.ui.setupUi(self)
        self.model = AgencyTableModel(self)
        self.proxy = AgencyFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        view = self.ui.agency_view
        view.setModel(self.proxy)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setVisible(False)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for r in AgencyRole:
            self.ui.role_combo.addItem(ROLE_LABELS[r], str(r))
        self.ui.role_combo.setCurrentIndex(self.ui.role_combo.findData(str(role)))
        self._reload()
        self.ui.search_edit.textChanged.connect(self.proxy.set_search)
        self.ui.new_agency_button.clicked.connect(self._add_new)
        view.doubleClicked.connect(lambda _i: self.accept())
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.search_edit.setFocus()

    def _reload(self) -> None:
        self.model.set_agencies(organisation.list_agencies(self._ctx.db))

    def _add_new(self) -> None:
        form = AgencyEditDialog.ask(self, None)
        if form is None:
            return
        try:
            self._ops.run(
                lambda: organisation.add_agencies(
                    self._ctx.db, form.names, form.kind, author=self._ctx.author
                )
            )
        except CchcError as exc:
            QMessageBox.warning(self, "Không thêm được", str(exc))
            return
        self._reload()
        self.ui.search_edit.setText(form.names[0])

    def picked(self) -> list[PickedAgency]:
        role = AgencyRole(self.ui.role_combo.currentData())
        rows = sorted({i.row() for i in self.ui.agency_view.selectionModel().selectedRows()})
        result = []
        for row in rows:
            agency = self.model.agency(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            result.append(PickedAgency(agency.id, agency.name, role, agency.needs_review))
        return result

    @classmethod
    def ask(
        cls,
        ctx: AppContext,
        ops: Operations,
        parent: QWidget | None,
        *,
        role: AgencyRole = AgencyRole.COORDINATING,
    ) -> list[PickedAgency]:
        dialog = cls(ctx, ops, parent, role=role)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return []
        return dialog.picked()


class AgenciesDialog(QDialog):
    """The agency register: search, add (many at once), rename/kind, aliases, confirm.

    Every change is one undo step on `undo_stack` (the main window's) when one is given.
    """

    def __init__(
        self,
        ctx: AppContext,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self._undo = undo_stack
        self.ui = Ui_AgenciesDialog()
        self.ui.setupUi(self)
        self.model = AgencyTableModel(self)
        self.proxy = AgencyFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        view = self.ui.agency_view
        view.setModel(self.proxy)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setVisible(False)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Close).clicked.connect(
            self.reject
        )
        self.ui.search_edit.textChanged.connect(lambda _t: self._filter())
        self.ui.review_only_check.toggled.connect(lambda _b: self._filter())
        self.ui.add_button.clicked.connect(self.add_agencies)
        self.ui.edit_button.clicked.connect(self.edit_current)
        self.ui.confirm_button.clicked.connect(self.confirm_selected)
        self.ui.confirm_all_button.clicked.connect(self.confirm_all)
        self.ui.prefill_button.clicked.connect(self.prefill_units)
        self.ui.alias_button.clicked.connect(self.add_alias)
        self.ui.remove_alias_button.clicked.connect(self.remove_alias)
        view.selectionModel().selectionChanged.connect(lambda *_a: self._on_selection())
        view.doubleClicked.connect(lambda _i: self.edit_current())
        ops.changed.connect(self._on_changed)
        self.reload()

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        selected = {a.id for a in self.selected()}
        self.model.set_agencies(organisation.list_agencies(self._ctx.db))
        counts = organisation.register_counts(self._ctx.db)
        groups = f" và {counts.groups} nhóm cơ quan" if counts.groups else ""
        self.ui.info_label.setText(
            f"{counts.agencies} cơ quan, đơn vị{groups}; {counts.waiting} cần xác nhận."
            if counts.waiting
            else f"{counts.agencies} cơ quan, đơn vị{groups}; tất cả đã được xác nhận."
        )
        self.ui.confirm_all_button.setEnabled(counts.waiting > 0 and not self._ctx.read_only)
        self._select_ids(selected)
        self._on_selection()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("agency") or changes.touches("agency_alias"):
            self.reload()

    def _filter(self) -> None:
        self.proxy.set_search(
            self.ui.search_edit.text(), review_only=self.ui.review_only_check.isChecked()
        )

    def selected(self) -> list[Agency]:
        rows = self.ui.agency_view.selectionModel().selectedRows()
        return [self.model.agency(self.proxy.mapToSource(i).row()) for i in rows]

    def _select_ids(self, agency_ids: set[str]) -> None:
        selection = self.ui.agency_view.selectionModel()
        for agency_id in agency_ids:
            row = self.model.row_of(agency_id)
            if row < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                selection.select(
                    index,
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _on_selection(self) -> None:
        chosen = self.selected()
        one = len(chosen) == 1
        self.ui.edit_button.setEnabled(one)
        self.ui.alias_button.setEnabled(one)
        self.ui.confirm_button.setEnabled(any(a.needs_review for a in chosen))
        self.ui.aliases_list.clear()
        removable = 0
        if one:
            for alias_id, alias in organisation.aliases(self._ctx.db, chosen[0].id):
                item = QListWidgetItem(alias)
                item.setData(Qt.ItemDataRole.UserRole, alias_id)
                self.ui.aliases_list.addItem(item)
                removable += 1
            for written in organisation.spellings(self._ctx.db, chosen[0].id):
                item = QListWidgetItem(written)
                item.setToolTip("Cách viết trong kế hoạch, đã gộp vào cơ quan này")
                self.ui.aliases_list.addItem(item)
        self.ui.remove_alias_button.setEnabled(one and removable > 1)

    # ------------------------------------------------------------------ actions

    def _run(self, title: str, mutation: Callable[[], Changes], what: str = "") -> bool:
        try:
            if self._undo is not None:
                run_undoable(self._undo, self._ctx, self._ops, what or title, mutation)
            else:
                self._ops.run(mutation)
        except CchcError as exc:
            QMessageBox.warning(self, title, str(exc))
            return False
        return True

    def add_agencies(self) -> None:
        form = AgencyEditDialog.ask(self, None)
        if form is None:
            return
        db, author = self._ctx.db, self._ctx.author
        self._run(
            "Không thêm được",
            lambda: organisation.add_agencies(db, form.names, form.kind, author=author),
            "thêm cơ quan",
        )

    def edit_current(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        agency = chosen[0]
        form = AgencyEditDialog.ask(self, agency)
        if form is None:
            return
        db, author = self._ctx.db, self._ctx.author
        self._run(
            "Không sửa được",
            lambda: organisation.update_agency(
                db,
                agency.id,
                name=form.names[0],
                kind=form.kind,
                short_name=form.short_name,
                author=author,
            ),
            "sửa cơ quan",
        )

    def confirm_selected(self) -> None:
        chosen = [a.id for a in self.selected() if a.needs_review]
        if not chosen:
            return
        db, author = self._ctx.db, self._ctx.author
        self._run(
            "Không xác nhận được",
            lambda: organisation.confirm_agencies(db, chosen, author=author),
            "xác nhận cơ quan",
        )

    def confirm_all(self) -> None:
        """ "Xác nhận tất cả": the clerk has looked through the register."""
        db, author = self._ctx.db, self._ctx.author
        self._run(
            "Không xác nhận được",
            lambda: organisation.confirm_all(db, author=author),
            "xác nhận tất cả cơ quan",
        )

    def prefill_units(self) -> None:
        """Add the units under the office from the 2025 administrative-unit list."""
        db, author = self._ctx.db, self._ctx.author
        notes: list[str] = []

        def mutation() -> Changes:
            changes, note = office_setup.prefill_units(db, author=author)
            notes.append(note)
            return changes

        if self._run("Không thêm được", mutation, "thêm đơn vị trực thuộc") and notes[0]:
            QMessageBox.information(self, "Đơn vị trực thuộc", notes[0])

    def add_alias(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        text, ok = QInputDialog.getText(
            self, "Thêm tên gọi khác", f"Một cách viết khác của “{chosen[0].name}”:"
        )
        if not ok or not text.strip():
            return
        db, author, agency_id = self._ctx.db, self._ctx.author, chosen[0].id
        if self._run(
            "Không thêm được",
            lambda: organisation.add_alias(db, agency_id, text, author=author),
            "thêm tên gọi khác",
        ):
            self._on_selection()

    def remove_alias(self) -> None:
        item: QListWidgetItem | None = self.ui.aliases_list.currentItem()
        if item is None:
            return
        if item.data(Qt.ItemDataRole.UserRole) is None:
            return  # a spelling read from a plan, not a recorded name
        alias_id = str(item.data(Qt.ItemDataRole.UserRole))
        db, author = self._ctx.db, self._ctx.author
        if self._run(
            "Không bỏ được",
            lambda: organisation.remove_alias(db, alias_id, author=author),
            "bỏ tên gọi khác",
        ):
            self._on_selection()
