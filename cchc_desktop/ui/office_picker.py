"""Level, province and unit picked from the 2025 administrative-unit list (wizard and settings)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QCompleter, QWidget

from cchc_desktop.domain import admin_units
from cchc_desktop.domain.office import LEVEL_LABELS, LEVELS
from cchc_desktop.domain.text import clean, fold
from cchc_desktop.errors import ValidationError
from cchc_desktop.services import office_setup

_UNIT_HINTS = {
    "province": "",
    "department": "Tên sở, ban, ngành, ví dụ: Sở Tư pháp",
    "commune": "Chọn hoặc gõ tên xã, phường, đặc khu",
    "district": "Tên huyện trước năm 2025, ví dụ: Ngọc Lặc",
}


# Each list item also carries its name folded ("tinh quang ngai"), which the completer matches.
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1


class FoldedCompleter(QCompleter):
    """Offers the names that contain what was typed, with or without accents and in any case
    ("long phu" → "Xã Long Phụng"): clerks often type without Vietnamese input switched on."""

    def __init__(self, model: QAbstractItemModel, parent: QWidget) -> None:
        super().__init__(model, parent)
        self.setCompletionRole(FOLDED_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def splitPath(self, path: str) -> list[str]:
        return [fold(clean(path))]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def add_name(combo: QComboBox, name: str, code: object) -> None:
    combo.addItem(name, code)
    combo.setItemData(combo.count() - 1, fold(name), FOLDED_ROLE)


class OfficePicker(QObject):
    """Binds three combo boxes: the level, the province (from the list) and the unit.

    A commune's unit is chosen from the province's communes, wards and special zones; a
    district's (before 2025) or a department's is typed. Names typed without accents resolve
    through services.office_setup.resolve_names, like the command line's.

    Signals:
        picked(): the clerk chose a level, province or unit (from a list or with Enter).
    """

    picked = Signal()

    def __init__(self, level: QComboBox, province: QComboBox, unit: QComboBox) -> None:
        super().__init__(level)
        self.level_combo = level
        self.province_combo = province
        self.unit_combo = unit
        for key in LEVELS:
            level.addItem(LEVEL_LABELS[key], key)
        for p in admin_units.provinces():
            add_name(province, p.full_name, p.code)
        completers: list[tuple[QComboBox, FoldedCompleter]] = []
        for combo in (province, unit):
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = FoldedCompleter(combo.model(), combo)
            combo.setCompleter(completer)
            completers.append((combo, completer))
        province.setCurrentIndex(-1)
        level.setCurrentIndex(level.findData("commune"))  # most offices today
        level.currentIndexChanged.connect(self._level_changed)
        province.currentIndexChanged.connect(self._fill_units)
        level.activated.connect(lambda _i: self.picked.emit())
        province.activated.connect(lambda _i: self.picked.emit())
        unit.activated.connect(lambda _i: self.picked.emit())
        self._lines: dict[QObject, QComboBox] = {}
        self._popups: dict[QObject, QComboBox] = {}
        for combo, completer in completers:
            popup = completer.popup()
            if popup is not None:  # filtered after the completer's own filter: runs first
                popup.installEventFilter(self)
                self._popups[popup] = combo
            line = combo.lineEdit()
            if line is not None:
                self._lines[line] = combo
                line.installEventFilter(self)
                # Leaving the box (Tab, a click elsewhere) picks a typed name as Enter does,
                # so the unit list and the preview follow "quang ngai" at once.
                line.editingFinished.connect(lambda c=combo: self._left(c))
        self._level_changed()

    # ------------------------------------------------------------------ values

    def level(self) -> str:
        return str(self.level_combo.currentData() or "commune")

    def province_text(self) -> str:
        return clean(self.province_combo.currentText())

    def unit_text(self) -> str:
        return clean(self.unit_combo.currentText()) if self.unit_combo.isEnabled() else ""

    def set_values(self, level: str, province: str, unit: str) -> None:
        """Show stored values (full names); names not in the list are shown as written."""
        index = self.level_combo.findData(level)
        self.level_combo.setCurrentIndex(max(index, 0))
        self._select(self.province_combo, province)
        self._fill_units()
        self._select(self.unit_combo, unit)

    def resolved(self) -> tuple[str, str, str]:
        """(level, full province name, full unit name).

        Raises:
            ValidationError: unknown or ambiguous names, in Vietnamese with the closest names.
        """
        level = self.level()
        province, unit = office_setup.resolve_names(level, self.province_text(), self.unit_text())
        return level, province, unit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the province or unit box, or in its list of offered names, picks the name;
        it does not press the dialog's default button (Lưu, Hoàn tất)."""
        combo = self._lines.get(watched) or self._popups.get(watched)
        if (
            combo is not None
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if isinstance(watched, QAbstractItemView):
                offered = watched.currentIndex()
                watched.hide()
                if offered.isValid():  # a name chosen with the arrow keys
                    self._select(combo, str(offered.data(Qt.ItemDataRole.DisplayRole)))
            self._typed(combo)
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ helpers

    def _left(self, combo: QComboBox) -> None:
        if not clean(combo.currentText()):
            return
        if combo.currentIndex() < 0 or combo.currentText() != combo.itemText(combo.currentIndex()):
            self._typed(combo)

    def _typed(self, combo: QComboBox) -> None:
        """Enter after a name typed as a clerk types it ("quang ngai"): pick it from the list."""
        text = clean(combo.currentText())
        try:
            if combo is self.province_combo:
                name = admin_units.find_province(text).full_name
            elif self.level() == "commune":
                province = admin_units.find_province(self.province_text())
                name = admin_units.find_unit(province, text).full_name
            else:
                name = text
        except ValidationError:
            name = text
        self._select(combo, name)
        if combo is self.province_combo:
            self._fill_units()
        self.picked.emit()

    @staticmethod
    def _select(combo: QComboBox, text: str) -> None:
        index = combo.findText(text) if text else -1
        if index >= 0:
            combo.setCurrentIndex(index)
        else:
            combo.setCurrentIndex(-1)
            combo.setEditText(text)

    def _level_changed(self) -> None:
        level = self.level()
        self.unit_combo.setEnabled(level != "province")
        line = self.unit_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(_UNIT_HINTS[level])
        self._fill_units()

    def _fill_units(self) -> None:
        """A commune's list follows the province; other levels type the unit's name."""
        typed = self.unit_combo.currentText()
        self.unit_combo.blockSignals(True)
        try:
            self.unit_combo.clear()
            if self.level() == "commune":
                try:
                    province = admin_units.find_province(self.province_text())
                except ValidationError:
                    province = None
                if province is not None:
                    for u in admin_units.units_of(province.code):
                        add_name(self.unit_combo, u.full_name, u.code)
            self._select(self.unit_combo, typed)
        finally:
            self.unit_combo.blockSignals(False)
