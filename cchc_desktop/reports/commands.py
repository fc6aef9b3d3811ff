"""`report` and `export` commands: the printed reports, XLSX and iCalendar from the database."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from cchc_desktop.cli_support import CliContext, CommandFactory, add_db_option, out
from cchc_desktop.domain.periods import parse_period
from cchc_desktop.errors import ValidationError
from cchc_desktop.reports import report_service as rs
from cchc_desktop.reports.ical_export import export_milestones_ics
from cchc_desktop.reports.xlsx_export import export_period_xlsx, export_tasks_xlsx, task_standings
from cchc_desktop.services import register_service, settings_service
from cchc_desktop.services.plan_service import load_plan, plan_for_year


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ngày “{text}” không đúng dạng YYYY-MM-DD") from exc


def register(command: CommandFactory) -> None:
    report = command("report", "in báo cáo theo thể thức Nghị định 30 (PDF)", None)
    kinds = report.add_subparsers(dest="report_kind", metavar="LOẠI", parser_class=type(report))
    for kind, help_text in (
        (rs.ReportKind.PLAN, "kế hoạch: quyết định, nội dung phần I–IV, các phụ lục"),
        (rs.ReportKind.PERIOD, "báo cáo kết quả định kỳ (quý I, 6 tháng, 9 tháng, năm)"),
        (rs.ReportKind.OVERDUE, "nhiệm vụ quá hạn và sắp đến hạn"),
        (rs.ReportKind.AGENCY, "phiếu giao nhiệm vụ của một cơ quan"),
    ):
        p = kinds.add_parser(str(kind), help=help_text, description=help_text)
        add_db_option(p, top=False)
        p.add_argument("--year", type=int, required=True)
        p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
        if kind is rs.ReportKind.PERIOD:
            p.add_argument("--period", required=True, metavar="Q1|H1|Q3|Y")
        if kind is rs.ReportKind.AGENCY:
            p.add_argument("--agency", required=True, metavar="TÊN_CƠ_QUAN")
        if kind in (rs.ReportKind.PERIOD, rs.ReportKind.OVERDUE, rs.ReportKind.AGENCY):
            p.add_argument(
                "--as-of", type=_date, default=None, help="tính trạng thái theo ngày này"
            )
        if kind is rs.ReportKind.PLAN:
            p.add_argument(
                "--as-of",
                type=_date,
                default=None,
                help="in kế hoạch đã điều chỉnh, bổ sung đến ngày này",
            )
        p.add_argument("--number", type=int, default=None, help="số văn bản")
        p.add_argument("--date", type=_date, default=None, help="ngày ban hành (YYYY-MM-DD)")
        p.add_argument(
            "--blank-number-and-date",
            action="store_true",
            help="để trống số và ngày để điền tay sau khi ký",
        )
        p.add_argument(
            "--issue",
            action="store_true",
            help="ban hành: lấy số tiếp theo trong sổ đăng ký văn bản và ghi vào sổ",
        )
        p.set_defaults(handler=_report, report_kind=str(kind))

    export = command(
        "export",
        "xuất kế hoạch (Word), danh sách nhiệm vụ (XLSX) hoặc lịch thời hạn (iCalendar)",
        None,
    )
    formats = export.add_subparsers(
        dest="export_format", metavar="ĐỊNH_DẠNG", parser_class=type(export)
    )
    xlsx = formats.add_parser("xlsx", help="bảng tính nhiệm vụ, hoặc kết quả một kỳ (--period)")
    add_db_option(xlsx, top=False)
    xlsx.add_argument("--year", type=int, required=True)
    xlsx.add_argument("--period", default=None, metavar="Q1|H1|Q3|Y")
    xlsx.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    xlsx.set_defaults(handler=_export_xlsx)
    ics = formats.add_parser("ics", help="lịch các mốc thời hạn (.ics)")
    add_db_option(ics, top=False)
    ics.add_argument("--year", type=int, required=True)
    ics.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.ics")
    ics.set_defaults(handler=_export_ics)
    docx = formats.add_parser("docx", help="kế hoạch dạng Word (.docx) theo thể thức Nghị định 30")
    add_db_option(docx, top=False)
    docx.add_argument("--year", type=int, required=True)
    docx.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.docx")
    docx.set_defaults(handler=_export_docx)


def _report(args: argparse.Namespace, ctx: CliContext) -> int:
    kind = rs.ReportKind(args.report_kind)
    db = ctx.open_db()  # creates and seeds a new database before the read-only build opens it
    number, issue_date = args.number, args.date
    doc_type = rs.DOC_TYPES[kind]
    if args.issue:
        if args.blank_number_and_date:
            raise ValidationError("Không thể vừa ban hành vừa để trống số và ngày.")
        issue_date = issue_date or dt.datetime.now().astimezone().date()
        number = number or register_service.next_number(db, doc_type, issue_date.year)
    request = rs.ReportRequest(
        kind=kind,
        year=args.year,
        period=parse_period(args.period) if kind is rs.ReportKind.PERIOD else None,
        agency=getattr(args, "agency", "") or "",
        as_of=getattr(args, "as_of", None),
        number=number,
        issue_date=issue_date,
        blank_number_and_date=args.blank_number_and_date,
    )
    result = rs.build_report(ctx.db_path, request, args.output)
    out(f"Đã ghi {result.path} ({result.pages} trang, phông {result.font}).")
    if args.issue:
        assert number is not None
        assert issue_date is not None
        symbol = settings_service.load_office_settings(db).symbol_for(doc_type)
        register_service.register_document(
            db,
            doc_type=doc_type,
            number=number,
            symbol=symbol,
            issued_on=issue_date,
            title=rs.REPORT_LABELS[kind],
            pdf_sha256=result.sha256,
        )
        out(f"Đã vào sổ văn bản: số {number:02d}/{symbol}, ngày {issue_date:%d/%m/%Y}.")
    return 0


def _export_xlsx(args: argparse.Namespace, ctx: CliContext) -> int:
    db = ctx.open_db()
    summary = plan_for_year(db, args.year)
    if args.period:
        data = rs.period_report_data(
            db,
            summary.id,
            parse_period(args.period),
            dt.datetime.now().astimezone().date(),
            settings_service.reporting_rules(db),
        )
        path = export_period_xlsx(data, args.output)
    else:
        plan = load_plan(db, summary.id)
        today = dt.datetime.now().astimezone().date()
        path = export_tasks_xlsx(
            plan.appendices,
            args.output,
            title=plan.title,
            standings=task_standings(db, summary.id, today),
        )
    out(f"Đã ghi {path}.")
    return 0


def _export_ics(args: argparse.Namespace, ctx: CliContext) -> int:
    db = ctx.open_db()
    plan = load_plan(db, plan_for_year(db, args.year).id)
    written = export_milestones_ics(plan.appendices, args.output, year=plan.year, name=plan.title)
    out(f"Đã ghi {args.output} ({written.summary()}).")
    return 0


def _export_docx(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.reports.docx_export import export_plan_docx

    if args.output.suffix.lower() != ".docx":
        raise ValidationError(f"Tên tệp “{args.output.name}” phải có đuôi .docx.")
    db = ctx.open_db()
    plan = load_plan(db, plan_for_year(db, args.year).id)
    export_plan_docx(plan, settings_service.load_office_settings(db), args.output)
    tasks = sum(len(a.tasks) for a in plan.appendices)
    out(f"Đã ghi {args.output} ({len(plan.appendices)} phụ lục, {tasks} nhiệm vụ).")
    return 0
