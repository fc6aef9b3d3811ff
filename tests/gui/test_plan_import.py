"""Importing a plan document from the window runs on a worker and shows the new plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from cchc_desktop.context import AppContext
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.services import plan_service
from cchc_desktop.services.startup import seed_plan_path
from cchc_desktop.ui.main_window import MainWindow
from cchc_desktop.ui.plan_import import PlanImporter, dropped_plan_file, file_filter
from cchc_desktop.ui.plan_review_dialog import UNSURE, PlanReviewDialog


def answer_review(
    monkeypatch: pytest.MonkeyPatch, seen: list[PlanReviewDialog], accept: bool
) -> None:
    def exec_(dialog: PlanReviewDialog) -> int:
        seen.append(dialog)
        if accept:
            dialog.ui.button_box.accepted.emit()
            return int(dialog.result())
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(PlanReviewDialog, "exec", exec_)


def answer_replace(monkeypatch: pytest.MonkeyPatch, asked: list[QMessageBox], choice: str) -> None:
    def exec_(box: QMessageBox) -> int:
        asked.append(box)
        next(b for b in box.buttons() if b.text() == choice).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)


def answer_import(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[PlanReviewDialog]]:
    """Accept the review; collect the messages shown after the import and the reviews."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    reviews: list[PlanReviewDialog] = []
    answer_review(monkeypatch, reviews, accept=True)
    return shown, reviews


def window_and_importer(qtbot: QtBot, ctx: AppContext) -> tuple[MainWindow, PlanImporter]:
    window = MainWindow(ctx, Operations(), Settings())
    qtbot.addWidget(window)
    return window, PlanImporter(ctx, window.ops, window.settings, window)


def test_import_reviews_then_writes_and_asks_before_replacing(
    qtbot: QtBot, seed_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown, reviews = answer_import(monkeypatch)
    text = seed_plan_path().read_text(encoding="utf-8").replace("6320/QĐ-UBND", "6999/QĐ-UBND")
    document = tmp_path / "ke-hoach-moi.txt"
    document.write_text(text, encoding="utf-8")
    window, importer = window_and_importer(qtbot, seed_ctx)
    importer.imported.connect(window._on_plan_imported)
    with qtbot.waitSignal(importer.imported, timeout=20_000):
        importer.run(document)
    review = reviews[-1]
    tree = review.ui.tree
    appendices = [
        tree.topLevelItem(k).text(0)
        for k in range(tree.topLevelItemCount())
        if tree.topLevelItem(k).text(0).startswith("Phụ lục")
    ]
    assert appendices[0] == "Phụ lục 01: Cải cách thể chế – 6 nhiệm vụ"
    assert len(appendices) == 7
    assert review.ui.number_edit.text() == "6999/QĐ-UBND"
    assert review.ui.number_edit.isReadOnly()  # the file has it
    assert len(plan_service.list_plans(seed_ctx.db)) == 2
    assert window.ui.plan_combo.currentText() == "Năm 2020 – 6999/QĐ-UBND"
    assert shown[-1].startswith("Đã nhập kế hoạch từ “ke-hoach-moi.txt”: 7 phụ lục, 37 nhiệm vụ.")

    # The same document again: the safe answer is the default and writes nothing.
    asked: list[QMessageBox] = []
    answer_replace(monkeypatch, asked, "Giữ kế hoạch cũ")
    before = seed_ctx.db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    importer.run(document)
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    box = asked[-1]
    assert sorted(b.text() for b in box.buttons()) == ["Giữ kế hoạch cũ", "Thay thế"]
    assert box.defaultButton().text() == "Giữ kế hoạch cũ"
    assert box.escapeButton().text() == "Giữ kế hoạch cũ"
    assert "37 nhiệm vụ khớp nội dung" in box.text()
    qtbot.wait(200)
    assert seed_ctx.db.execute("SELECT count(*) FROM change_log").fetchone()[0] == before

    answer_replace(monkeypatch, asked, "Thay thế")
    with qtbot.waitSignal(importer.imported, timeout=20_000):
        importer.run(document)
    assert shown[-1].startswith("Đã thay thế kế hoạch")
    assert len(plan_service.list_plans(seed_ctx.db)) == 2


def test_a_pdf_plan_is_read_on_the_worker_and_imported(
    qtbot: QtBot, seed_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF reader (PDFium) runs on the import worker, not the window's thread."""
    from tests.document_files import make_pdf

    shown, reviews = answer_import(monkeypatch)
    text = seed_plan_path().read_text(encoding="utf-8").replace("6320/QĐ-UBND", "6888/QĐ-UBND")
    document = tmp_path / "ke-hoach.pdf"
    document.write_bytes(make_pdf(text))
    _window, importer = window_and_importer(qtbot, seed_ctx)
    with qtbot.waitSignal(importer.imported, timeout=20_000):
        importer.run(document)
    assert reviews[-1].ui.number_edit.text() == "6888/QĐ-UBND"
    assert shown[-1].startswith("Đã nhập kế hoạch từ “ke-hoach.pdf”: 7 phụ lục, 37 nhiệm vụ.")


def test_cancelling_the_review_writes_nothing(
    qtbot: QtBot, seed_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reviews: list[PlanReviewDialog] = []
    answer_review(monkeypatch, reviews, accept=False)
    document = tmp_path / "kh.txt"
    document.write_text(
        seed_plan_path().read_text(encoding="utf-8").replace("6320/QĐ-UBND", "1/QĐ-UBND"),
        encoding="utf-8",
    )
    window = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    before = seed_ctx.db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    importer = PlanImporter(seed_ctx, window.ops, window.settings, window)
    importer.run(document)
    qtbot.waitUntil(lambda: bool(reviews), timeout=20_000)
    qtbot.wait(200)
    assert seed_ctx.db.execute("SELECT count(*) FROM change_log").fetchone()[0] == before
    assert len(plan_service.list_plans(seed_ctx.db)) == 1


PLAN_WITHOUT_DECISION = """KẾ HOẠCH
Cải cách hành chính năm 2025

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao chất lượng phục vụ người dân.
II. NHIỆM VỤ TRỌNG TÂM
1. Cải cách thể chế
a) Rà soát văn bản quy phạm pháp luật. Cơ quan chủ trì: Công chức Tư
pháp - Hộ tịch. Thời gian: Quý II/2025.
b) Tuyên truyền pháp luật về cải cách hành chính.
2. Cải cách thủ tục hành chính
a) Niêm yết công khai thủ tục hành chính. Cơ quan chủ trì: Văn phòng - Thống
kê. Thời gian: Thường xuyên.
"""


def test_the_review_marks_unsure_tasks_and_takes_the_missing_decision_fields(
    qtbot: QtBot, seed_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
    reviews: list[PlanReviewDialog] = []

    def exec_(dialog: PlanReviewDialog) -> int:
        reviews.append(dialog)
        dialog.ui.date_edit.setText("31/02/2025")
        dialog.ui.button_box.accepted.emit()  # refused: no such day
        assert "không đúng dạng" in dialog.ui.status_label.text()
        dialog.ui.number_edit.setText("15/KH-UBND")
        dialog.ui.date_edit.setText("10/01/2025")
        dialog.ui.signer_edit.setText("Nguyễn Văn Bình")
        dialog.ui.button_box.accepted.emit()
        return int(dialog.result())

    monkeypatch.setattr(PlanReviewDialog, "exec", exec_)
    document = tmp_path / "ke-hoach-xa.txt"
    document.write_text(PLAN_WITHOUT_DECISION, encoding="utf-8")
    window = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    importer = PlanImporter(seed_ctx, window.ops, window.settings, window)
    with qtbot.waitSignal(importer.imported, timeout=20_000) as signal:
        importer.run(document)
    review = reviews[-1]
    assert not review.ui.number_edit.isReadOnly()
    first_area = next(
        review.ui.tree.topLevelItem(k)
        for k in range(review.ui.tree.topLevelItemCount())
        if review.ui.tree.topLevelItem(k).text(0).startswith("Phụ lục 01")
    )
    tasks = [first_area.child(k) for k in range(first_area.childCount())]
    assert tasks[0].text(0) == "1. Rà soát văn bản quy phạm pháp luật"
    assert (tasks[0].text(1), tasks[0].text(2)) == ("Công chức Tư pháp - Hộ tịch", "Quý II/2025")
    assert tasks[1].text(0) == f"[{UNSURE}] 2. Tuyên truyền pháp luật về cải cách hành chính"
    assert tasks[1].child(0).text(0) == "⚠ Chưa rõ cơ quan, chưa rõ thời gian."
    plan = plan_service.load_plan(seed_ctx.db, signal.args[0])
    assert (plan.year, plan.decision.number, plan.decision.signer) == (
        2025,
        "15/KH-UBND",
        "Nguyễn Văn Bình",
    )
    assert plan.decision.date == dt.date(2025, 1, 10)
    assert [len(a.tasks) for a in plan.appendices] == [2, 1]


def test_a_dropped_plan_file_is_recognised(tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "ke-hoach.docx"))])
    assert dropped_plan_file(mime) == tmp_path / "ke-hoach.docx"
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "anh.png"))])
    assert dropped_plan_file(mime) is None
    assert "*.docx" in file_filter().split(";;")[0]
    assert "*.pdf" in file_filter().split(";;")[0]


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
    assert warnings[0].endswith("Chưa có gì được ghi.")
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


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_review_fits_a_1366_by_768_screen_with_its_buttons_in_view(qtbot: QtBot) -> None:
    from cchc_desktop.services.plan_import_service import ImportPreview, read_source

    source = read_source(seed_plan_path())
    dialog = PlanReviewDialog(source, ImportPreview(None, (), 0), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    frame = dialog.frameGeometry()
    assert frame.width() <= 1366
    assert frame.height() <= 768 - 40  # the taskbar
    for button in (dialog.import_button, dialog.cancel_button):
        assert button.isVisible()
        assert dialog.rect().contains(button.geometry().translated(dialog.ui.button_box.pos()))
    assert dialog.import_button.isDefault()
