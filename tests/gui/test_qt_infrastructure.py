"""Qt glue: the Vietnamese translator, the crash handler, logging of Qt messages, settings."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QtMsgType
from pytestqt.qtbot import QtBot

from cchc_desktop.qt.crash import CrashHandler, crash_details
from cchc_desktop.qt.i18n import install_qt_translator, set_default_locale


def test_qt_strings_are_vietnamese(qapp: QCoreApplication) -> None:
    translator = install_qt_translator(qapp)
    assert translator is not None
    try:
        tr = QCoreApplication.translate
        assert tr("QPlatformTheme", "Cancel") == "Huỷ"
        assert tr("QPlatformTheme", "Discard") == "Không lưu"
        assert tr("QLineEdit", "&Copy") == "&Sao chép"
        assert tr("QLineEdit", "Select All") == "Chọn tất cả"
        assert tr("QWidgetTextControl", "&Paste") == "&Dán"
        assert tr("QMessageBox", "Show Details...") == "Xem chi tiết..."
        assert tr("QFileDialog", "File &name:") == "&Tên tệp:"
    finally:
        qapp.removeTranslator(translator)


def test_default_locale_is_vietnamese() -> None:
    from PySide6.QtCore import QLocale

    set_default_locale()
    assert QLocale().name() == "vi_VN"
    assert QLocale().toString(1234.5, "f", 1) == "1.234,5"


def test_crash_handler_logs_and_signals_once_per_traceback(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    handler = CrashHandler()
    seen: list[tuple[str, str]] = []
    handler.crashed.connect(lambda s, d: seen.append((s, d)))

    def boom() -> None:
        raise ValueError("hỏng")

    for _ in range(2):
        try:
            boom()
        except ValueError:
            with caplog.at_level(logging.CRITICAL):
                handler.handle(*sys.exc_info())  # type: ignore[arg-type]
    assert len(seen) == 1
    summary, details = seen[0]
    assert summary == "ValueError: hỏng"
    assert "CCHC Desktop" in details
    assert "raise ValueError" in details
    assert "Unhandled exception" in caplog.text
    details2 = crash_details(ValueError, ValueError("x"), None)
    assert details2.endswith("ValueError: x\n")


def test_crash_handler_installs_and_restores_the_hooks() -> None:
    before = sys.excepthook
    handler = CrashHandler()
    handler.install()
    assert sys.excepthook == handler.handle
    handler.uninstall()
    assert sys.excepthook is before


def test_qt_messages_go_to_the_qt_logger(caplog: pytest.LogCaptureFixture) -> None:
    from PySide6.QtCore import QMessageLogContext

    from cchc_desktop.qt.logging_qt import qt_message_handler

    with caplog.at_level(logging.DEBUG, logger="qt"):
        qt_message_handler(QtMsgType.QtWarningMsg, QMessageLogContext(), "một cảnh báo")
    assert caplog.records[-1].name == "qt"
    assert caplog.records[-1].levelno == logging.WARNING
    assert caplog.records[-1].getMessage() == "một cảnh báo"


def test_rotating_log_file_in_the_log_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc_desktop.qt import logging_qt

    monkeypatch.setenv("CCHC_DATA_DIR", str(tmp_path))
    path = logging_qt.setup_logging()
    try:
        assert path == tmp_path / "logs" / "cchc-desktop.log"
        logging.getLogger("cchc_desktop.test").info("Xin chào")
        for handler in logging.getLogger().handlers:
            handler.flush()
        assert "Xin chào" in path.read_text(encoding="utf-8")
        handlers = [h for h in logging.getLogger().handlers if getattr(h, "_cchc", False)]
        assert handlers[0].maxBytes == logging_qt.MAX_BYTES  # type: ignore[attr-defined]
    finally:
        logging_qt.shutdown_logging()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_print_dialog_speaks_vietnamese(qtbot: QtBot) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel

    from cchc_desktop.qt.i18n import install_qt_translator

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = install_qt_translator(app)
    try:
        printer = QPrinter()  # outlives the dialog that prints on it
        dialog = QPrintDialog(printer)
        qtbot.addWidget(dialog)
        dialog.show()
        shown = {w.text() for w in dialog.findChildren(QLabel)}
        shown |= {w.text() for w in dialog.findChildren(QAbstractButton)}
        shown |= {w.title() for w in dialog.findChildren(QGroupBox)}
        english = {"Printer", "P&roperties", "Options", "Copies", "Copies:", "Collate", "&Print"}
        assert not shown & english, shown & english
        assert {"Máy in", "&Thuộc tính", "Số bản:", "Sắp theo bộ", "&In"} <= shown
    finally:
        if translator is not None:
            app.removeTranslator(translator)
