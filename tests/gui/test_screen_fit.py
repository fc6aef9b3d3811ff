"""Every window and dialog fits a 1366×768 screen and 1920×1080 at 125 % and 150 % scaling.

The work areas are the logical screen sizes with a 40-pixel taskbar. Each window is fitted the
way `ScreenFit` fits it when shown; then its frame must lie inside the area (its layout must
allow the size) and every button it shows must lie inside it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from cchc_desktop.context import AppContext
from cchc_desktop.qt.geometry import (
    ScreenFit,
    first_geometry,
    fit_into,
    frame_extra,
)
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

AREAS = {
    "1366x768": QRect(0, 0, 1366, 728),
    "1920x1080@125%": QRect(0, 0, 1536, 832),
    "1920x1080@150%": QRect(0, 0, 1280, 680),
}


def _factories() -> dict[str, Callable[[AppContext], QWidget]]:
    from cchc_desktop.ui.about_dialog import AboutDialog
    from cchc_desktop.ui.agency_dialogs import (
        AgenciesDialog,
        AgencyEditDialog,
        AgencyPickerDialog,
    )
    from cchc_desktop.ui.backup_dialog import BackupDialog, IntegrityDialog
    from cchc_desktop.ui.conflict_review_dialog import ConflictReviewDialog
    from cchc_desktop.ui.crash_dialog import CrashDialog
    from cchc_desktop.ui.days_off_dialog import DaysOffDialog
    from cchc_desktop.ui.main_window import MainWindow
    from cchc_desktop.ui.office_settings_dialog import OfficeSettingsDialog
    from cchc_desktop.ui.quarantine_dialog import QuarantineDialog
    from cchc_desktop.ui.report_dialog import ReportDialog
    from cchc_desktop.ui.sync_export_dialog import SyncExportDialog
    from cchc_desktop.ui.sync_import_dialog import SyncImportDialog
    from cchc_desktop.ui.sync_network_dialog import PasswordDialog, SyncNetworkDialog
    from cchc_desktop.ui.unsaved_dialog import UnsavedDialog

    ops = Operations()
    return {
        "main": lambda c: MainWindow(c, ops, Settings()),
        "report": lambda c: ReportDialog(c, ops),
        "about": lambda c: AboutDialog(c.db_path, c.data_dir),
        "crash": lambda c: CrashDialog("ValueError: x", "Traceback …\n" * 80, c.data_dir),
        "agencies": lambda c: AgenciesDialog(c, ops),
        "agency_edit": lambda c: AgencyEditDialog(None),
        "agency_picker": lambda c: AgencyPickerDialog(c, ops, None),
        "backup": lambda c: BackupDialog(c, ops),
        "integrity": lambda c: IntegrityDialog(c.db_path, ["lỗi trang 12"] * 40),
        "conflicts": lambda c: ConflictReviewDialog(c, ops),
        "days_off": lambda c: DaysOffDialog(c, ops),
        "office_settings": lambda c: OfficeSettingsDialog(c, ops),
        "quarantine": lambda c: QuarantineDialog(c, ops),
        "sync_export": lambda c: SyncExportDialog(c, ops),
        "sync_import": lambda c: SyncImportDialog(c, ops, file=Path(c.data_dir) / "khong-co.hcb"),
        "sync_network": lambda c: SyncNetworkDialog(c, ops),
        "password": lambda c: PasswordDialog(None, repeat=True),
        "unsaved": lambda c: UnsavedDialog(None, what="Đang sửa: Nhiệm vụ 1.1"),
    }


WINDOWS = list(_factories())


def _check_fits(window: QWidget, area: QRect) -> None:
    frame = window.size() + frame_extra(window)
    why = (
        f"{type(window).__name__} is {window.width()}×{window.height()} "
        f"(needs at least {window.minimumSizeHint().width()}×"
        f"{window.minimumSizeHint().height()}) on a {area.width()}×{area.height()} work area"
    )
    assert frame.width() <= area.width(), why
    assert frame.height() <= area.height(), why
    assert area.contains(QRect(window.pos(), frame))
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    assert buttons, "every window offers at least one button"
    for button in buttons:
        if button.objectName().startswith("qt_") or not button.text():
            continue  # Qt's own scroll arrows and tool-bar extensions
        top_left = button.mapTo(window, button.rect().topLeft())
        assert window.rect().contains(QRect(top_left, button.size())), (
            f"“{button.text()}” of {type(window).__name__} lies outside the window"
        )


@pytest.mark.parametrize("area_name", list(AREAS))
@pytest.mark.parametrize("which", WINDOWS)
def test_window_fits_the_screen_with_its_buttons_visible(
    qtbot: QtBot, seed_ctx: AppContext, which: str, area_name: str
) -> None:
    area = AREAS[area_name]
    window = _factories()[which](seed_ctx)
    qtbot.addWidget(window)
    if isinstance(window, QMainWindow):
        first_geometry(window, QSize(1600, 1000), area)
    window.show()
    fit_into(window, area)
    QApplication.processEvents()
    _check_fits(window, area)


def test_the_event_filter_fits_each_window_on_show(qtbot: QtBot, seed_ctx: AppContext) -> None:
    from cchc_desktop.ui.report_dialog import ReportDialog

    app = QApplication.instance()
    assert app is not None
    fit = ScreenFit()
    app.installEventFilter(fit)
    try:
        dialog = ReportDialog(seed_ctx, Operations())
        qtbot.addWidget(dialog)
        dialog.resize(4000, 3000)
        dialog.show()
        screen = dialog.screen().availableGeometry()
        extra = frame_extra(dialog)
        assert dialog.width() + extra.width() <= max(
            screen.width(), dialog.minimumSizeHint().width() + extra.width()
        )
        assert dialog.width() < 4000
        assert dialog.height() < 3000
    finally:
        app.removeEventFilter(fit)


def test_first_start_takes_its_size_from_the_work_area(
    qtbot: QtBot, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc_desktop.ui import main_window, window_state

    area = AREAS["1366x768"]
    monkeypatch.setattr(window_state, "available_area", lambda widget=None: area)
    window = main_window.MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    extra = frame_extra(window)
    assert window.width() + extra.width() <= area.width()
    assert window.height() + extra.height() <= area.height()
    assert window.width() >= area.width() - 100, "it uses the room the screen has"
    assert window.height() >= area.height() - 100


def test_the_tree_favours_the_task_name_and_remembers_the_clerks_widths(
    qtbot: QtBot, seed_ctx: AppContext
) -> None:
    from cchc_desktop.qtmodels.task_tree_model import COL_STATUS, COL_TITLE
    from cchc_desktop.ui.main_window import MainWindow

    settings = Settings()
    window = MainWindow(seed_ctx, Operations(), settings)
    qtbot.addWidget(window)
    window.resize(1350, 688)
    window.show()
    QApplication.processEvents()
    header = window.ui.tree_view.header()
    widths = [header.sectionSize(c) for c in range(header.count())]
    assert widths[COL_TITLE] == max(widths)
    assert widths[COL_TITLE] >= 0.35 * header.width()
    title = window.proxy.index(6, COL_TITLE).data(0x3)  # ToolTipRole: the full text
    assert title is not None
    assert title.startswith("Phụ lục 0")
    header.resizeSection(COL_STATUS, 101)
    window.save_window_state()
    again = MainWindow(seed_ctx, Operations(), settings)
    qtbot.addWidget(again)
    again.resize(1350, 688)
    again.show()
    assert again.ui.tree_view.header().sectionSize(COL_STATUS) == 101
