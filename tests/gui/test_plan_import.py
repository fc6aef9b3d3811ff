"""Importing a plan document from the window runs on a worker and shows the new plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cchc_desktop.context import AppContext
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.services import plan_service
from cchc_desktop.services.startup import seed_plan_path
from cchc_desktop.ui.main_window import MainWindow
from cchc_desktop.ui.plan_import import PlanImporter


def test_import_a_second_plan_and_replace_it(
    qtbot: QtBot, seed_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    text = seed_plan_path().read_text(encoding="utf-8").replace("6320/QĐ-UBND", "6999/QĐ-UBND")
    document = tmp_path / "ke-hoach-moi.txt"
    document.write_text(text, encoding="utf-8")
    window = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    importer = PlanImporter(seed_ctx, window.ops, window.settings, window)
    importer.imported.connect(window._on_plan_imported)
    with qtbot.waitSignal(importer.imported, timeout=20_000):
        importer.run(document)
    assert len(plan_service.list_plans(seed_ctx.db)) == 2
    assert window.ui.plan_combo.count() == 2
    assert window.ui.plan_combo.currentText() == "Năm 2020 – 6999/QĐ-UBND"
    assert shown[-1].startswith("Đã nhập kế hoạch từ “ke-hoach-moi.txt”: 7 phụ lục, 37 nhiệm vụ.")
    # The same document again: the clerk is asked and chooses to replace it.
    with qtbot.waitSignal(importer.imported, timeout=20_000):
        importer.run(document)
    assert shown[-1].startswith("Đã thay thế kế hoạch")
    assert len(plan_service.list_plans(seed_ctx.db)) == 2


def test_a_file_that_is_not_a_plan_is_refused_in_vietnamese(
    qtbot: QtBot, seed_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    window = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    bad = tmp_path / "ghi-chu.txt"
    bad.write_text("Danh sách mua sắm\n- giấy\n- bút\n", encoding="utf-8")
    importer = PlanImporter(seed_ctx, window.ops, window.settings, window)
    importer.run(bad)
    qtbot.waitUntil(lambda: bool(warnings), timeout=20_000)
    assert "kế hoạch" in warnings[0].lower()
    assert len(plan_service.list_plans(seed_ctx.db)) == 1


@pytest.mark.parametrize(
    ("action", "module", "cls"),
    [
        ("action_report", "report_dialog", "ReportDialog"),
        ("action_office_settings", "office_settings_dialog", "OfficeSettingsDialog"),
        ("action_backup", "backup_dialog", "BackupDialog"),
        ("action_sync_export", "sync_export_dialog", "SyncExportDialog"),
        ("action_sync_import", "sync_import_dialog", "SyncImportDialog"),
        ("action_quarantine", "quarantine_dialog", "QuarantineDialog"),
        ("action_agencies", "agency_dialogs", "AgenciesDialog"),
        ("action_about", "about_dialog", "AboutDialog"),
    ],
)
def test_menu_actions_open_their_dialogs(
    qtbot: QtBot,
    seed_ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    action: str,
    module: str,
    cls: str,
) -> None:
    import importlib

    from PySide6.QtWidgets import QDialog

    opened: list[str] = []
    monkeypatch.setattr(QDialog, "exec", lambda self: opened.append(type(self).__name__) or 0)
    window = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    importlib.import_module(f"cchc_desktop.ui.{module}")
    getattr(window.ui, action).trigger()
    assert opened == [cls]
