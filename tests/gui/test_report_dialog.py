"""The report dialog: options, worker build, QtPdf preview offscreen, print, save as, issue."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize
from PySide6.QtGui import QPageLayout
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog

from cchc_desktop.domain.periods import ReportingPeriod
from cchc_desktop.errors import ReportError
from cchc_desktop.qt.operations import Operations
from cchc_desktop.reports.document import ReportResult
from cchc_desktop.reports.report_service import ReportKind, ReportRequest
from cchc_desktop.services.register_service import list_documents
from cchc_desktop.ui.report_dialog import ReportDialog, print_pdf
from tests.gui.conftest_dialogs import make_ctx, make_pdf

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TODAY = dt.date(2020, 3, 25)


class FakeBuilder:
    """Writes a small real PDF; records what it was asked for."""

    def __init__(self, *, pages: int = 2, fail: Exception | None = None, wait: bool = False):
        self.pages = pages
        self.fail = fail
        self.wait = wait
        self.started = threading.Event()
        self.requests: list[ReportRequest] = []

    def __call__(self, db_path, request, out_path, *, progress, cancelled):
        self.requests.append(request)
        self.started.set()
        progress(10)
        if self.wait:
            while not cancelled():
                threading.Event().wait(0.01)
            raise ReportError("Đã huỷ.")
        if self.fail is not None:
            raise self.fail
        assert Path(db_path).exists()
        number = "trống" if request.number is None else f"{request.number:02d}"
        make_pdf(out_path, f"{request.kind} số {number}", pages=self.pages)
        progress(100)
        size = out_path.stat().st_size
        return ReportResult(out_path, self.pages, "ab" * 32, size, "Liberation Serif")


@pytest.fixture
def setup(qtbot, make_db):
    ctx = make_ctx(make_db, today=TODAY, seed=True)
    ops = Operations()
    builder = FakeBuilder()
    dialog = ReportDialog(ctx, ops, builder=builder)
    qtbot.addWidget(dialog)
    dialog.resize(1180, 800)
    return dialog, builder, ctx, ops


def build(qtbot, dialog):
    with qtbot.waitSignal(dialog.report_built, timeout=10_000) as blocker:
        dialog.ui.build_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    return blocker.args[0]


def test_opens_with_the_plan_years_and_kind_dependent_options(setup):
    dialog, _builder, _ctx, _ops = setup
    ui = dialog.ui
    assert ui.year_combo.currentData() == 2020
    assert ui.period_radio.isChecked()
    assert ui.period_combo.isEnabled()
    assert not ui.agency_combo.isEnabled()
    assert ui.agency_combo.count() > 10  # the seed's departments and communes
    assert not ui.print_button.isEnabled()
    assert "01/BC-UBND" in ui.number_label.text()
    dialog.choose(kind=ReportKind.AGENCY)
    assert ui.agency_combo.isEnabled()
    assert not ui.period_combo.isEnabled()
    assert "01/TB-UBND" in ui.number_label.text()
    dialog.choose(kind=ReportKind.PLAN)
    assert not ui.issue_button.isEnabled()
    assert "quyết định" in ui.number_label.text()


def test_build_shows_the_pdf_in_the_preview(setup, qtbot):
    dialog, builder, _ctx, _ops = setup
    dialog.choose(kind=ReportKind.PERIOD, period=ReportingPeriod.H1, blank_number=True)
    built = build(qtbot, dialog)
    request = builder.requests[-1]
    assert request == ReportRequest(
        ReportKind.PERIOD, 2020, ReportingPeriod.H1, "", as_of=TODAY, blank_number_and_date=True
    )
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert dialog.document.pageCount() == 2 == built.pages
    assert dialog.view.document() is dialog.document
    assert dialog.ui.page_count_label.text() == "/ 2"
    assert "2 trang" in dialog.ui.status_label.text()
    assert "6 tháng đầu năm" in dialog.ui.status_label.text()
    assert dialog.ui.print_button.isEnabled()
    # QtPdf renders offscreen: the first page has dark text on white.
    image = dialog.document.render(0, QSize(300, 424))
    dark = sum(
        1
        for x in range(0, 300, 3)
        for y in range(0, 424, 3)
        if image.pixelColor(x, y).lightness() < 100
    )
    assert dark > 20
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.view.grab().toImage().isNull()


def test_agency_sheet_needs_an_agency(setup, qtbot):
    dialog, builder, _ctx, _ops = setup
    dialog.choose(kind=ReportKind.AGENCY)
    dialog.ui.agency_combo.setCurrentText("")
    dialog.ui.build_button.click()
    assert "Hãy chọn cơ quan" in dialog.ui.status_label.text()
    assert builder.requests == []
    dialog.choose(agency="Phòng Nội vụ")
    build(qtbot, dialog)
    assert builder.requests[-1].agency == "Phòng Nội vụ"


def test_build_error_is_shown_in_vietnamese(qtbot, make_db):
    ctx = make_ctx(make_db, today=TODAY, seed=True)
    builder = FakeBuilder(fail=ReportError("Không ghi được tệp: ổ đĩa đầy."))
    dialog = ReportDialog(ctx, Operations(), builder=builder)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ui.build_button.clicked):
        dialog.ui.build_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10_000)
    assert dialog.ui.status_label.text() == "Không ghi được tệp: ổ đĩa đầy."
    assert "c62828" in dialog.ui.status_label.styleSheet()
    assert dialog.current is None


def test_cancel_stops_the_worker(qtbot, make_db):
    ctx = make_ctx(make_db, today=TODAY, seed=True)
    builder = FakeBuilder(wait=True)
    dialog = ReportDialog(ctx, Operations(), builder=builder)
    qtbot.addWidget(dialog)
    dialog.ui.build_button.click()
    assert dialog.is_busy()
    assert not dialog.ui.build_button.isEnabled()
    assert builder.started.wait(5)
    [progress] = dialog.findChildren(QProgressDialog)
    progress.canceled.emit()  # what its "Huỷ" button sends
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10_000)
    assert dialog.ui.status_label.text() == "Đã huỷ tạo văn bản."
    assert dialog.ui.build_button.isEnabled()


def test_save_as_copies_the_pdf(setup, qtbot, tmp_path, monkeypatch):
    dialog, _builder, _ctx, _ops = setup
    built = build(qtbot, dialog)
    target = dialog.save_to(tmp_path / "bao-cao")
    assert target == tmp_path / "bao-cao.pdf"
    assert target.read_bytes() == built.path.read_bytes()
    chosen = tmp_path / "Báo cáo quý I.pdf"
    asked = []
    monkeypatch.setattr(dialog, "_ask_save_path", lambda name: asked.append(name) or chosen)
    dialog.ui.save_button.click()
    assert asked == ["Báo cáo kết quả CCHC quý I năm 2020.pdf"]
    assert chosen.read_bytes() == built.path.read_bytes()
    assert "Đã lưu" in dialog.ui.status_label.text()
    with pytest.raises(ReportError, match="Không lưu được"):
        dialog.save_to(tmp_path / "khong-co" / "x.pdf")


def test_print_renders_every_page_with_its_orientation(setup, qtbot, tmp_path, monkeypatch):
    dialog, _builder, _ctx, _ops = setup
    build(qtbot, dialog)
    out = tmp_path / "in.pdf"

    def pdf_printer(printer):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(96)
        return None if out.exists() else [0, 1]

    monkeypatch.setattr(dialog, "_ask_printer", pdf_printer)
    dialog.ui.print_button.click()
    assert "2 trang" in dialog.ui.status_label.text()
    pages = PdfReader(out).pages
    assert len(pages) == 2
    first, second = (p.mediabox for p in pages)
    assert first.width < first.height
    assert second.width > second.height


def test_print_pdf_refuses_an_empty_selection(setup, qtbot):
    dialog, _builder, _ctx, _ops = setup
    build(qtbot, dialog)
    printer = QPrinter()
    with pytest.raises(ReportError, match="không có trang"):
        print_pdf(dialog.document, printer, [])
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Portrait


def test_issue_numbers_dates_rebuilds_and_records(setup, qtbot, monkeypatch):
    dialog, builder, ctx, ops = setup
    questions = []
    monkeypatch.setattr(dialog, "_confirm", lambda q: questions.append(q) or True)
    changed = []
    ops.changed.connect(changed.append)
    dialog.choose(kind=ReportKind.PERIOD, period=ReportingPeriod.Q1)
    with qtbot.waitSignal(dialog.document_issued, timeout=10_000) as blocker:
        dialog.ui.issue_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert "01/BC-UBND" in questions[0]
    assert "25/03/2020" in questions[0]
    request = builder.requests[-1]
    assert (request.number, request.issue_date, request.blank_number_and_date) == (1, TODAY, False)
    [doc] = list_documents(ctx.db)
    assert (doc.doc_type, doc.year, doc.number, doc.symbol) == ("BC", 2020, 1, "BC-UBND")
    assert doc.issued_on == TODAY
    assert doc.pdf_sha256 == blocker.args[0].sha256
    assert doc.title == "Báo cáo kết quả CCHC quý I năm 2020"
    assert dialog.last_issued == blocker.args[0]
    assert changed
    assert changed[0].touches("document_register")
    assert "Đã ban hành văn bản số 01/BC-UBND ngày 25/03/2020" in dialog.ui.status_label.text()
    assert "02/BC-UBND" in dialog.ui.number_label.text()
    # The document on screen has its number: the choices no longer say "leave it blank",
    # and the issued preview stays printable.
    assert not dialog.ui.blank_check.isChecked()
    assert dialog.current == blocker.args[0]
    assert dialog.ui.print_button.isEnabled()


def test_the_preview_always_matches_the_choices(setup, qtbot):
    dialog, _builder, _ctx, _ops = setup
    hint = dialog.preview_hint
    assert not hint.isHidden()
    assert "Tạo bản xem trước" in hint.text()
    assert not dialog.ui.print_button.isEnabled()
    dialog.choose(kind=ReportKind.PERIOD, period=ReportingPeriod.Q1)
    build(qtbot, dialog)
    assert hint.isHidden()
    assert dialog.ui.save_button.isEnabled()
    dialog.choose(kind=ReportKind.OVERDUE)  # another kind: the Q1 report must not be printed
    assert dialog.current is None
    assert not dialog.ui.print_button.isEnabled()
    assert not dialog.ui.save_button.isEnabled()
    assert not hint.isHidden()
    assert "đã thay đổi" in hint.text()
    build(qtbot, dialog)
    dialog.ui.blank_check.toggle()
    assert dialog.current is None


def test_issue_can_be_declined(setup, monkeypatch):
    dialog, builder, ctx, _ops = setup
    monkeypatch.setattr(dialog, "_confirm", lambda q: False)
    dialog.ui.issue_button.click()
    assert builder.requests == []
    assert list_documents(ctx.db) == []
    assert not dialog.is_busy()


def test_ask_returns_the_issued_document_or_none(qtbot, make_db, monkeypatch):
    ctx = make_ctx(make_db, today=TODAY, seed=True)
    chosen = []

    def close(self):
        chosen.append(self.request())
        return 0

    monkeypatch.setattr(ReportDialog, "exec", close)
    assert ReportDialog.ask(ctx, Operations(), kind=ReportKind.OVERDUE, year=2020) is None
    assert chosen[0].kind is ReportKind.OVERDUE


def test_no_plan_disables_building(qtbot, make_db):
    ctx = make_ctx(make_db, today=TODAY, seed=False)
    dialog = ReportDialog(
        ctx,
        Operations(),
        builder=FakeBuilder(),
    )
    qtbot.addWidget(dialog)
    assert not dialog.ui.build_button.isEnabled()
    assert "Chưa có kế hoạch" in dialog.ui.status_label.text()


def test_real_reports_end_to_end(qtbot, make_db, monkeypatch):
    """The default builder is report_service.build_report: a real Decree 30 PDF, then issued."""
    ctx = make_ctx(make_db, today=TODAY, seed=True)
    dialog = ReportDialog(ctx, Operations())
    qtbot.addWidget(dialog)
    dialog.choose(kind=ReportKind.OVERDUE, blank_number=True)
    built = build(qtbot, dialog)
    first = PdfReader(built.path).pages[0].extract_text()
    assert "UBND HUYỆN NGỌC LẶC" in first
    assert "Độc lập - Tự do - Hạnh phúc" in first
    assert dialog.document.pageCount() == built.pages
    monkeypatch.setattr(dialog, "_confirm", lambda q: True)
    with qtbot.waitSignal(dialog.document_issued, timeout=20_000) as blocker:
        dialog.ui.issue_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    issued = PdfReader(blocker.args[0].path).pages[0].extract_text()
    assert "01/BC-UBND" in issued
    assert "ngày 25 tháng 3 năm 2020" in issued
    [doc] = list_documents(ctx.db)
    assert doc.pdf_sha256 == blocker.args[0].sha256


def test_the_plan_prints_as_amended_on_the_chosen_day(setup, qtbot):
    dialog, builder, _ctx, _ops = setup
    ui = dialog.ui
    assert not ui.amended_date_edit.isEnabled()  # the period report is chosen first
    dialog.choose(kind=ReportKind.PLAN)
    assert ui.amended_date_edit.isEnabled()
    assert ui.amended_date_edit.date().toPython() == TODAY
    ui.amended_date_edit.setDate(dt.date(2020, 6, 30))
    build(qtbot, dialog)
    assert builder.requests[-1].kind is ReportKind.PLAN
    assert builder.requests[-1].as_of == dt.date(2020, 6, 30)
