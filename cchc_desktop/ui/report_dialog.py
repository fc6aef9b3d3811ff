"""The report dialog: choose, build on a worker, preview (QtPdf), print, save as, issue."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QDate, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from cchc_desktop import formatting
from cchc_desktop.context import AppContext
from cchc_desktop.domain.model import AgencyKind
from cchc_desktop.domain.office import DOCUMENT_TYPE_TITLES
from cchc_desktop.domain.periods import ReportingPeriod, period_phrase
from cchc_desktop.domain.text import sort_key
from cchc_desktop.errors import CchcError, ReportError, os_reason
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.workers import Worker
from cchc_desktop.reports.document import ReportResult
from cchc_desktop.reports.report_service import DOC_TYPES, ReportKind, ReportRequest, build_report
from cchc_desktop.services import organisation, plan_service, register_service, settings_service
from cchc_desktop.ui.forms.ui_report_dialog import Ui_ReportDialog
from cchc_desktop.ui.job_progress import attach_progress_dialog, failure_text, show_status

log = logging.getLogger(__name__)

# Printing renders each page as an image; 300 dpi is what office laser printers resolve.
PRINT_DPI = 300


PERIOD_CHOICES: tuple[tuple[str, ReportingPeriod], ...] = (
    ("Quý I", ReportingPeriod.Q1),
    ("6 tháng đầu năm", ReportingPeriod.H1),
    ("9 tháng", ReportingPeriod.Q3),
    ("Năm", ReportingPeriod.Y),
)

ZOOM_CHOICES: tuple[tuple[str, float], ...] = (
    ("Vừa chiều rộng", 0.0),
    ("Vừa trang", -1.0),
    ("50%", 0.5),
    ("75%", 0.75),
    ("100%", 1.0),
    ("125%", 1.25),
    ("150%", 1.5),
    ("200%", 2.0),
)


def report_title(request: ReportRequest) -> str:
    """A Vietnamese description for the status line, the register and the file name."""
    if request.kind is ReportKind.PLAN:
        return f"Kế hoạch cải cách hành chính năm {request.year}"
    if request.kind is ReportKind.PERIOD:
        period = ReportingPeriod((request.period or ReportingPeriod.Q1).value)
        return f"Báo cáo kết quả CCHC {period_phrase(period, request.year)}"
    if request.kind is ReportKind.OVERDUE:
        return f"Báo cáo nhiệm vụ CCHC quá hạn và sắp đến hạn năm {request.year}"
    return f"Phiếu giao nhiệm vụ CCHC năm {request.year} – {request.agency}".rstrip(" –")


class ReportBuilder(Protocol):
    """Builds `request` into `out_path` from the database at `db_path` (its own connection).

    Runs on a worker thread; reports progress 0–100 and stops (raising ReportError) when
    `cancelled()` turns true. report_service.build_report is the real one.
    """

    def __call__(
        self,
        db_path: Path,
        request: ReportRequest,
        out_path: Path,
        *,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ReportResult: ...


def document_number_text(number: int, symbol: str) -> str:
    """ "05/BC-UBND"."""
    return f"{formatting.document_number(number)}/{symbol}"


def print_pdf(document: QPdfDocument, printer: QPrinter, pages: Sequence[int] | None = None) -> int:
    """Paint `pages` (0-based; all when None) of `document` onto `printer`; return pages printed.

    Each page is rendered to an image at up to PRINT_DPI and drawn over the full sheet (the PDF
    carries its own margins); the sheet turns landscape for landscape pages (the appendices).

    Raises:
        ReportError: the printer cannot be opened or the document is empty.
    """
    chosen = list(range(document.pageCount())) if pages is None else list(pages)
    if not chosen:
        raise ReportError("Văn bản không có trang nào để in.")
    printer.setFullPage(True)
    printer.setPageOrientation(_orientation(document, chosen[0]))
    painter = QPainter()
    if not painter.begin(printer):
        raise ReportError("Không mở được máy in. Hãy kiểm tra máy in rồi thử lại.")
    try:
        for n, page in enumerate(chosen):
            if n > 0:
                printer.setPageOrientation(_orientation(document, page))
                if not printer.newPage():
                    raise ReportError("Máy in từ chối trang mới; việc in đã dừng.")
            target = QRectF(painter.viewport())
            points = document.pagePointSize(page)
            dpi = min(PRINT_DPI, printer.resolution())
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page, size)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(chosen)


def _orientation(document: QPdfDocument, page: int) -> QPageLayout.Orientation:
    size = document.pagePointSize(page)
    if size.width() > size.height():
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


class ReportDialog(QDialog):
    """Build an official report, preview it in the window, then print, save or issue it.

    Building runs on a Worker (its own database connection) behind a cancellable progress
    dialog. "Ban hành và ghi sổ…" takes the next number of the document type for this year,
    rebuilds with that number and today's date, and records the document in the register
    through `ops.run`.

    Signals:
        report_built(object): a ReportResult shown in the preview (every build).
        document_issued(object): the ReportResult of a document just recorded in the register.
    """

    report_built = Signal(object)
    document_issued = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        builder: ReportBuilder | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self._builder: ReportBuilder = builder or build_report
        self.ui = Ui_ReportDialog()
        self.ui.setupUi(self)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._tmp_dir: Path | None = None
        self._build_count = 0
        self._worker: Worker | None = None
        self._pending: tuple[ReportRequest, bool] | None = None
        self.current: ReportResult | None = None
        self.current_request: ReportRequest | None = None
        self.last_issued: ReportResult | None = None

        self.document = QPdfDocument(self)
        self.view = QPdfView(self.ui.pdf_container)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        # The grey area says what to do until a preview matches the choices on the left.
        self.preview_hint = QLabel(self.ui.pdf_container)
        self.preview_hint.setObjectName("preview_hint")
        self.preview_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_hint.setWordWrap(True)
        self.preview_hint.setStyleSheet("color: #555; font-size: 11pt; margin: 24px;")
        self.ui.pdf_layout.addWidget(self.preview_hint)
        self.ui.pdf_layout.addWidget(self.view)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([340, 840])

        self._kind_radios = {
            ReportKind.PLAN: self.ui.plan_radio,
            ReportKind.PERIOD: self.ui.period_radio,
            ReportKind.OVERDUE: self.ui.overdue_radio,
            ReportKind.AGENCY: self.ui.agency_radio,
        }
        today = ctx.today()
        self.ui.amended_date_edit.setDate(QDate(today.year, today.month, today.day))
        for label, period in PERIOD_CHOICES:
            self.ui.period_combo.addItem(label, period)
        for label, zoom in ZOOM_CHOICES:
            self.ui.zoom_combo.addItem(label, zoom)
        self._fill_years()
        self._fill_agencies()

        close = self.ui.button_box.button(QDialogButtonBox.StandardButton.Close)
        close.setText("Đó&ng")
        self.ui.button_box.rejected.connect(self.reject)
        for radio in self._kind_radios.values():
            radio.toggled.connect(self._update_controls)
            radio.toggled.connect(self._on_choice_changed)
        self.ui.year_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.ui.period_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.ui.agency_combo.currentTextChanged.connect(self._on_choice_changed)
        self.ui.blank_check.toggled.connect(self._on_choice_changed)
        self.ui.plan_radio.toggled.connect(self._on_plan_toggled)
        self.ui.year_combo.currentIndexChanged.connect(self._update_controls)
        self.ui.build_button.clicked.connect(self.build_preview)
        self.ui.issue_button.clicked.connect(self.issue)
        self.ui.print_button.clicked.connect(self.print_preview)
        self.ui.save_button.clicked.connect(self.save_preview)
        self.ui.zoom_combo.currentIndexChanged.connect(self._apply_zoom)
        self.ui.page_spin.valueChanged.connect(self._jump_to_page)
        self.view.pageNavigator().currentPageChanged.connect(self._on_page_changed)
        self._update_controls()
        self._show_document_state()

    # ------------------------------------------------------------------ public API

    @classmethod
    def ask(
        cls,
        ctx: AppContext,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        kind: ReportKind | None = None,
        year: int | None = None,
    ) -> ReportResult | None:
        """Open the dialog modally; return the document issued in it, or None."""
        dialog = cls(ctx, ops, parent)
        try:
            dialog.choose(kind=kind, year=year)
            dialog.exec()
            return dialog.last_issued
        finally:
            dialog.deleteLater()

    def choose(
        self,
        *,
        kind: ReportKind | None = None,
        year: int | None = None,
        period: ReportingPeriod | None = None,
        agency: str | None = None,
        blank_number: bool | None = None,
    ) -> None:
        """Preselect the options (for menu entries such as "Báo cáo quý I")."""
        if kind is not None:
            self._kind_radios[kind].setChecked(True)
        if year is not None:
            index = self.ui.year_combo.findData(year)
            if index >= 0:
                self.ui.year_combo.setCurrentIndex(index)
        if period is not None:
            self.ui.period_combo.setCurrentIndex(self.ui.period_combo.findData(period))
        if agency is not None:
            self.ui.agency_combo.setCurrentText(agency)
        if blank_number is not None:
            self.ui.blank_check.setChecked(blank_number)
        self._update_controls()

    def request(self) -> ReportRequest:
        """The report the options describe.

        Raises:
            CchcError: no plan to report on, or no agency chosen for an assignment sheet.
        """
        kind = next(k for k, r in self._kind_radios.items() if r.isChecked())
        year = self.ui.year_combo.currentData()
        if year is None:
            raise ReportError("Chưa có kế hoạch nào trong cơ sở dữ liệu để in báo cáo.")
        period = self.ui.period_combo.currentData() if kind is ReportKind.PERIOD else None
        agency = ""
        if kind is ReportKind.AGENCY:
            agency = self.ui.agency_combo.currentText().strip()
        request = ReportRequest(
            kind=kind,
            year=int(year),
            period=ReportingPeriod(period) if period is not None else None,
            agency=agency,
            as_of=self._amended_on() if kind is ReportKind.PLAN else self._ctx.today(),
            blank_number_and_date=self.ui.blank_check.isChecked(),
        )
        request.validate()
        return request

    def _amended_on(self) -> dt.date:
        """The day the printed plan shows its amendments up to."""
        day = self.ui.amended_date_edit.date()
        return dt.date(day.year(), day.month(), day.day())

    def is_busy(self) -> bool:
        return self._worker is not None

    def build_preview(self) -> None:
        """Build the chosen report on a worker and show it when done."""
        try:
            request = self.request()
        except CchcError as exc:
            self._fail(str(exc))
            return
        self._start(request, issuing=False)

    def issue(self) -> None:
        """Number and date the document, rebuild it and record it in the register."""
        try:
            request = self.request()
            today = self._ctx.today()
            doc_type = DOC_TYPES[request.kind]
            number = register_service.next_number(self._ctx.db, doc_type, today.year)
        except CchcError as exc:
            self._fail(str(exc))
            return
        symbol = settings_service.load_office_settings(self._ctx.db).symbol_for(doc_type)
        numbered = replace(request, blank_number_and_date=False, number=number, issue_date=today)
        question = (
            f"Ban hành “{report_title(numbered)}” với số {document_number_text(number, symbol)} "
            f"ngày {formatting.date_short(today)}?\n\nSố này được ghi vào sổ văn bản và "
            "không dùng lại được."
        )
        if not self._confirm(question):
            return
        self._start(numbered, issuing=True)

    def load_pdf(self, built: ReportResult) -> None:
        """Show `built` in the preview."""
        self.document.close()
        error = self.document.load(str(built.path))
        if error != QPdfDocument.Error.None_:
            self.current = None
            self._show_document_state()
            raise ReportError(f"Không mở được tệp PDF vừa tạo ({error.name}).")
        self.current = built
        self._show_document_state()
        self._apply_zoom()

    def print_preview(self) -> None:
        """Ask for a printer and print the previewed document."""
        if self.current is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.current.path.stem)
        pages = self._ask_printer(printer)
        if pages is None:
            return
        try:
            count = print_pdf(self.document, printer, pages)
        except CchcError as exc:
            self._fail(str(exc))
            return
        self._status(f"Đã gửi {count} trang tới máy in.")

    def save_preview(self) -> None:
        """Ask for a file name and copy the previewed PDF there."""
        if self.current is None:
            return
        target = self._ask_save_path(self._suggested_name())
        if target is None:
            return
        try:
            saved = self.save_to(target)
        except CchcError as exc:
            self._fail(str(exc))
            return
        self._status(f"Đã lưu {saved}.")

    def save_to(self, target: Path) -> Path:
        """Copy the previewed PDF to `target` (".pdf" added when missing); return the path.

        Raises:
            ReportError: nothing to save, or the file cannot be written.
        """
        if self.current is None:
            raise ReportError("Chưa có văn bản nào để lưu.")
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            shutil.copyfile(self.current.path, target)
        except OSError as exc:
            raise ReportError(
                f"Không lưu được tệp {target}: {os_reason(exc)}. "
                "Hãy chọn thư mục khác hoặc đóng tệp đang mở bằng chương trình khác."
            ) from exc
        return target

    # ------------------------------------------------------------------ seams for tests

    def _ask_printer(self, printer: QPrinter) -> list[int] | None:
        """Show the print dialog; the 0-based pages to print, or None when cancelled."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("In văn bản")
        dialog.setMinMax(1, max(1, self.document.pageCount()))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        count = self.document.pageCount()
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            last = min(printer.toPage() or count, count)
            return list(range(printer.fromPage() - 1, last))
        return list(range(count))

    def _ask_save_path(self, suggested: str) -> Path | None:
        start = Path.home() / "Documents"
        if not start.is_dir():
            start = Path.home()
        name, _filter = QFileDialog.getSaveFileName(
            self, "Lưu văn bản thành tệp PDF", str(start / suggested), "Tệp PDF (*.pdf)"
        )
        return Path(name) if name else None

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Ban hành văn bản",
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # ------------------------------------------------------------------ building

    def _start(self, request: ReportRequest, *, issuing: bool) -> None:
        if self._worker is not None:
            return
        if self._tmp_dir is None:
            self._tmp_dir = Path(tempfile.mkdtemp(prefix="cchc-van-ban-"))
        self._build_count += 1
        # A new name per build: the preview may still hold the previous file open (Windows).
        out_path = self._tmp_dir / f"van-ban-{self._build_count}.pdf"
        worker = Worker(self._builder, self._ctx.db_path, request, out_path)
        attach_progress_dialog(worker, self, title="Tạo văn bản", text="Đang tạo văn bản…")
        # Bound methods, not lambdas: Qt drops the connections if the dialog is deleted first.
        worker.signals.result.connect(self._on_result)
        worker.signals.error.connect(self._on_error)
        worker.signals.finished.connect(self._on_finished)
        self._pending = (request, issuing)
        self._worker = worker
        self._status("Đang tạo văn bản…")
        self._update_controls()
        worker.start()

    def _on_result(self, built: ReportResult) -> None:
        if self._pending is None:
            return
        request, issuing = self._pending
        try:
            self.load_pdf(built)
        except CchcError as exc:
            self._fail(str(exc))
            return
        self.current_request = request
        pages = f"{built.pages} trang" + (f", phông chữ {built.font}" if built.font else "")
        self._status(f"Bản xem trước: {report_title(request)} ({pages}).")
        self.report_built.emit(built)
        if issuing:
            self._record(request, built)

    def _record(self, request: ReportRequest, built: ReportResult) -> None:
        assert request.number is not None
        assert request.issue_date is not None
        number, issued_on = request.number, request.issue_date
        doc_type = DOC_TYPES[request.kind]
        symbol = settings_service.load_office_settings(self._ctx.db).symbol_for(doc_type)
        try:
            self._ops.run(
                lambda: register_service.register_document(
                    self._ctx.db,
                    doc_type=doc_type,
                    number=number,
                    symbol=symbol,
                    issued_on=issued_on,
                    title=report_title(request),
                    pdf_sha256=built.sha256,
                    author=self._ctx.author,
                )
            )
        except CchcError as exc:
            self._fail(f"Văn bản đã tạo nhưng chưa ghi được vào sổ: {exc}")
            return
        self.last_issued = built
        # The document on screen carries its number and date now: the choices say so too.
        self.ui.blank_check.blockSignals(True)
        self.ui.blank_check.setChecked(False)
        self.ui.blank_check.blockSignals(False)
        self.current_request = request
        self._status(
            f"Đã ban hành văn bản số {document_number_text(request.number, symbol)} ngày "
            f"{formatting.date_short(request.issue_date)} và ghi vào sổ. Hãy lưu hoặc in bản này."
        )
        self.document_issued.emit(built)
        self._update_controls()

    def _on_error(self, exc: object) -> None:
        if self._worker is not None and self._worker.is_cancelled():
            self._status("Đã huỷ tạo văn bản.")
            return
        self._fail(failure_text(exc, "Không tạo được văn bản"))

    def _on_finished(self) -> None:
        self._worker = None
        self._pending = None
        self._update_controls()

    # ------------------------------------------------------------------ widgets

    def _fill_years(self) -> None:
        years = sorted({p.year for p in plan_service.list_plans(self._ctx.db)}, reverse=True)
        for year in years:
            self.ui.year_combo.addItem(str(year), year)
        if years:
            today_year = self._ctx.today().year
            index = self.ui.year_combo.findData(today_year)
            self.ui.year_combo.setCurrentIndex(max(index, 0))

    def _fill_agencies(self) -> None:
        kinds = (AgencyKind.DEPARTMENT, AgencyKind.OFFICE, AgencyKind.COMMUNE, AgencyKind.DISTRICT)
        agencies = organisation.list_agencies(self._ctx.db, kinds)
        for agency in sorted(agencies, key=lambda a: sort_key(a.name)):
            self.ui.agency_combo.addItem(agency.name, agency.id)
        self.ui.agency_combo.setCurrentIndex(-1)
        line = self.ui.agency_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText("Chọn hoặc gõ tên cơ quan")

    def _update_controls(self, *_args: Any) -> None:
        busy = self._worker is not None
        kind = next((k for k, r in self._kind_radios.items() if r.isChecked()), None)
        has_plan = self.ui.year_combo.count() > 0
        self.ui.period_combo.setEnabled(kind is ReportKind.PERIOD and not busy)
        self.ui.period_caption.setEnabled(kind is ReportKind.PERIOD)
        self.ui.agency_combo.setEnabled(kind is ReportKind.AGENCY and not busy)
        self.ui.agency_caption.setEnabled(kind is ReportKind.AGENCY)
        self.ui.amended_date_edit.setEnabled(kind is ReportKind.PLAN and not busy)
        self.ui.amended_caption.setEnabled(kind is ReportKind.PLAN)
        self.ui.build_button.setEnabled(has_plan and not busy)
        can_issue = has_plan and not busy and kind is not ReportKind.PLAN
        self.ui.issue_button.setEnabled(can_issue and not self._ctx.read_only)
        if kind is ReportKind.PLAN:
            self.ui.number_label.setText(
                "Kế hoạch đã được ban hành; bản in lại giữ số, ngày của văn bản ban hành "
                "(quyết định, hoặc chính kế hoạch)."
            )
        elif kind is not None and has_plan:
            self.ui.number_label.setText(self._next_number_text(DOC_TYPES[kind]))
        if not has_plan:
            self._status("Chưa có kế hoạch nào trong cơ sở dữ liệu để in báo cáo.")
        has_doc = self.current is not None and not busy
        self.ui.print_button.setEnabled(has_doc)
        self.ui.save_button.setEnabled(has_doc)

    def _on_plan_toggled(self, checked: bool) -> None:
        # The plan reprints its decision's own number and date; new reports leave them blank
        # by default, for the clerk to fill in by hand after signing.
        self.ui.blank_check.setChecked(not checked)

    def _next_number_text(self, doc_type: str) -> str:
        today = self._ctx.today()
        try:
            number = register_service.next_number(self._ctx.db, doc_type, today.year)
            symbol = settings_service.load_office_settings(self._ctx.db).symbol_for(doc_type)
        except CchcError as exc:
            return str(exc)
        type_name = DOCUMENT_TYPE_TITLES.get(doc_type, doc_type).lower()
        return (
            f"Số {type_name} tiếp theo năm {today.year}: "
            f"<b>{document_number_text(number, symbol)}</b>"
        )

    def _choices(self) -> tuple[object, ...]:
        """What the options on the left ask for, as far as it changes the document."""
        kind = next((k for k, r in self._kind_radios.items() if r.isChecked()), None)
        return (
            kind,
            self.ui.year_combo.currentData(),
            self.ui.period_combo.currentData() if kind is ReportKind.PERIOD else None,
            self.ui.agency_combo.currentText().strip() if kind is ReportKind.AGENCY else "",
            self.ui.blank_check.isChecked(),
        )

    @staticmethod
    def _choices_of(request: ReportRequest) -> tuple[object, ...]:
        period = request.period
        return (
            request.kind,
            request.year,
            period if request.kind is ReportKind.PERIOD else None,
            request.agency.strip() if request.kind is ReportKind.AGENCY else "",
            request.blank_number_and_date,
        )

    def _on_choice_changed(self, *_args: Any) -> None:
        """A preview that no longer matches the choices is cleared: "In…" and "Lưu" must never
        produce a document other than the one the options describe."""
        if self.current is None or self.current_request is None:
            return
        if self._choices_of(self.current_request) == self._choices():
            return
        self.document.close()
        self.current = None
        self.current_request = None
        self._show_document_state(changed=True)

    def _show_document_state(self, *, changed: bool = False) -> None:
        shown = self.current is not None
        self.view.setVisible(shown)
        self.preview_hint.setVisible(not shown)
        if changed:
            self.preview_hint.setText(
                "Các lựa chọn đã thay đổi: bấm “Tạo bản xem trước” để tạo lại văn bản "
                "theo lựa chọn mới."
            )
        else:
            self.preview_hint.setText(
                "Chọn loại văn bản, năm và kỳ ở bên trái rồi bấm “Tạo bản xem trước”: văn bản "
                "hiện ở đây để đọc lại trước khi in, lưu thành PDF hoặc ban hành."
            )
        count = self.document.pageCount() if self.current is not None else 0
        self.ui.page_spin.blockSignals(True)
        self.ui.page_spin.setMaximum(max(1, count))
        self.ui.page_spin.setValue(1)
        self.ui.page_spin.blockSignals(False)
        self.ui.page_spin.setEnabled(count > 1)
        self.ui.page_count_label.setText(f"/ {count}")
        self._update_controls()

    def _apply_zoom(self, *_args: Any) -> None:
        zoom = float(self.ui.zoom_combo.currentData() or 0.0)
        if zoom == 0.0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif zoom < 0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(zoom)

    def _jump_to_page(self, page: int) -> None:
        if self.current is not None and 1 <= page <= self.document.pageCount():
            self.view.pageNavigator().jump(page - 1, QPointF(), self.view.zoomFactor())

    def _on_page_changed(self, page: int) -> None:
        self.ui.page_spin.blockSignals(True)
        self.ui.page_spin.setValue(page + 1)
        self.ui.page_spin.blockSignals(False)

    def _suggested_name(self) -> str:
        request = self.current_request
        title = report_title(request) if request is not None else "Văn bản"
        return "".join(ch for ch in title if ch not in '<>:"/\\|?*').strip() + ".pdf"

    def _status(self, text: str) -> None:
        show_status(self.ui.status_label, text)

    def _fail(self, message: str) -> None:
        show_status(self.ui.status_label, message, error=True)

    def done(self, result: int) -> None:
        if self._worker is not None:
            self._worker.cancel()
        self.document.close()
        if self._tmp_dir is not None and self._worker is None:
            shutil.rmtree(self._tmp_dir, ignore_errors=True)
            self._tmp_dir = None
        super().done(result)
