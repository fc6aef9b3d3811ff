"""The commands of `cchc-desktop`, each a thin handler over a service."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from cchc_desktop import cli_par, plan_commands
from cchc_desktop.cli_support import (
    CliContext,
    CommandFactory,
    add_db_option,
    open_window,
    out,
    print_json,
)
from cchc_desktop.domain.office import numbered_document
from cchc_desktop.errors import ConflictError, ValidationError
from cchc_desktop.reports import commands as report_commands
from cchc_desktop.services import backup_commands, office_commands
from cchc_desktop.sync import commands as sync_commands


def register(command: CommandFactory) -> None:
    """Add every command to the parser (the factory adds --db and the handler)."""
    p = command("gui", "mở cửa sổ chương trình", open_window)
    p.add_argument("--screenshot", type=Path, metavar="FILE.png", help="chụp cửa sổ rồi thoát")

    p = command(
        "import-plan",
        "nhập kế hoạch từ tệp Word (.docx, .doc), PDF, RTF, văn bản (.txt) hoặc trang web (.html)",
        _import_plan,
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--replace", action="store_true", help="thay thế kế hoạch đã có")
    p.add_argument(
        "--dry-run", action="store_true", help="chỉ đọc và báo những gì tìm thấy, không ghi gì"
    )
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    plan = command("plan", "xem, lập, sửa và điều chỉnh kế hoạch", None)
    plan_sub = plan.add_subparsers(dest="plan_command", metavar="LỆNH", parser_class=type(plan))
    show = plan_sub.add_parser("show", help="in kế hoạch của một năm")
    show.add_argument("--year", type=int, required=True)
    show.add_argument("--json", action="store_true", help="in dạng JSON")
    show.set_defaults(handler=_plan_show)
    add_db_option(show, top=False)
    clone = plan_sub.add_parser(
        "clone", help="lập dự thảo kế hoạch năm sau từ kế hoạch một năm (dời các thời hạn)"
    )
    clone.add_argument("--year", type=int, required=True, help="năm của kế hoạch nguồn")
    clone.add_argument("--to", type=int, required=True, dest="to_year", help="năm của kế hoạch mới")
    clone.set_defaults(handler=_plan_clone)
    add_db_option(clone, top=False)
    lst = plan_sub.add_parser("list", help="liệt kê các kế hoạch")
    lst.set_defaults(handler=_plan_list)
    add_db_option(lst, top=False)
    plan_commands.register_plan(plan_sub)
    plan_commands.register(command)

    p = command("parse-deadline", "phân tích một cụm từ thời hạn", _parse_deadline)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--decision-date", type=_iso_date, default=None)
    p.add_argument("--json", action="store_true")
    p.add_argument("text", metavar="TEXT")

    p = command("deadlines", "liệt kê các hạn trong một khoảng ngày", _deadlines)
    p.add_argument("--from", dest="date_from", type=_iso_date, required=True)
    p.add_argument("--to", dest="date_to", type=_iso_date, required=True)
    p.add_argument("--today", type=_iso_date, default=None, help="tính trạng thái theo ngày này")
    p.add_argument("--json", action="store_true")

    progress = command("progress", "ghi và xem tiến độ", None)
    progress_sub = progress.add_subparsers(
        dest="progress_command", metavar="LỆNH", parser_class=type(progress)
    )
    setp = progress_sub.add_parser("set", help="ghi tiến độ của một đơn vị cho một kỳ")
    setp.add_argument("--task", required=True, metavar="PHỤ_LỤC.STT")
    setp.add_argument("--unit", required=True, metavar="TÊN_ĐƠN_VỊ")
    setp.add_argument("--period", required=True, metavar="Q1|H1|Q3|Y")
    setp.add_argument("--year", type=int, required=True)
    setp.add_argument("--status", default=None)
    setp.add_argument("--percent", type=int, default=None)
    setp.add_argument("--note", default=None)
    setp.add_argument("--completed-on", type=_iso_date, default=None)
    setp.set_defaults(handler=_progress_set)
    add_db_option(setp, top=False)
    attachp = progress_sub.add_parser(
        "attach", help="đính kèm tệp minh chứng vào tiến độ đã ghi của một đơn vị"
    )
    attachp.add_argument("--task", required=True, metavar="PHỤ_LỤC.STT")
    attachp.add_argument("--unit", required=True, metavar="TÊN_ĐƠN_VỊ")
    attachp.add_argument("--period", required=True, metavar="Q1|H1|Q3|Y")
    attachp.add_argument("--year", type=int, required=True)
    attachp.add_argument("files", nargs="+", type=Path, metavar="TỆP")
    attachp.set_defaults(handler=_progress_attach)
    add_db_option(attachp, top=False)
    listp = progress_sub.add_parser("list", help="liệt kê tiến độ đã ghi")
    listp.add_argument("--year", type=int, required=True)
    listp.add_argument("--period", default=None)
    listp.add_argument("--json", action="store_true")
    listp.set_defaults(handler=_progress_list)
    add_db_option(listp, top=False)

    days = command("days-off", "ngày nghỉ lễ, ngày nghỉ theo thông báo và ngày làm bù", None)
    days_sub = days.add_subparsers(dest="days_command", metavar="LỆNH", parser_class=type(days))
    dlist = days_sub.add_parser("list", help="các ngày nghỉ của một năm")
    dlist.add_argument("--year", type=int, required=True)
    dlist.add_argument("--json", action="store_true")
    dlist.set_defaults(handler=_days_list)
    dadd = days_sub.add_parser("add", help="thêm ngày nghỉ theo thông báo (hoặc ngày làm bù)")
    dadd.add_argument("day", type=_iso_date, metavar="YYYY-MM-DD")
    dadd.add_argument("--name", default="")
    dadd.add_argument("--working", action="store_true", help="ngày cuối tuần làm việc bù")
    dadd.set_defaults(handler=_days_add)
    dremove = days_sub.add_parser("remove", help="bỏ một ngày cơ quan đã thêm")
    dremove.add_argument("day", type=_iso_date, metavar="YYYY-MM-DD")
    dremove.set_defaults(handler=_days_remove)
    dshift = days_sub.add_parser(
        "shift", help="hạn rơi vào ngày nghỉ thì hiển thị sang ngày làm việc kế tiếp (on/off)"
    )
    dshift.add_argument("state", choices=["on", "off"])
    dshift.set_defaults(handler=_days_shift)
    for p in (dlist, dadd, dremove, dshift):
        add_db_option(p, top=False)

    backup_commands.register(command)
    office_commands.register(command)
    report_commands.register(command)
    sync_commands.register(command)
    cli_par.register(command)


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ngày “{text}” không đúng dạng YYYY-MM-DD") from exc


def _import_plan(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.errors import ConflictError
    from cchc_desktop.services import plan_import_service as imports
    from cchc_desktop.store.db import connect

    source = imports.read_source(args.file)
    if args.dry_run:
        # a read-only look at the database (none yet: nothing to replace)
        db = connect(ctx.db_path, read_only=True) if ctx.db_path.exists() else None
        try:
            found = imports.preview(db, source.parsed)
        finally:
            if db is not None:
                db.conn.close()
        _print_findings(args, source, found)
        return 0
    db = ctx.open_db()
    found = imports.preview(db, source.parsed)
    if found.existing is not None and not args.replace:
        raise ConflictError(
            f"Kế hoạch năm {found.existing.year} {_issued_by(found.existing.decision_number)} "
            "đã có trong cơ sở dữ liệu; "
            "không ghi gì. Thêm --replace để thay thế bằng nội dung của tệp (xem trước bằng "
            "--dry-run)."
        )
    result = imports.write(db, source, replace=args.replace)
    if args.json:
        print_json(imports.findings_to_json(source, found, result))
        return 0
    _print_findings(args, source, found, header=False)
    verb = "Đã thay thế" if result.replaced else "Đã nhập"
    number = source.parsed.decision.number
    issued = numbered_document(number) if number else "chưa có số"
    draft = " (bản nháp, chưa có nhiệm vụ)" if result.tasks == 0 else ""
    out(
        f"{verb} kế hoạch năm {source.parsed.year} ({issued}): "
        f"{result.appendices} phụ lục, {result.tasks} nhiệm vụ{draft}."
    )
    for name in result.new_agencies:
        out(f"  Cơ quan mới cần xác nhận: {name}")
    return 0


def _print_findings(
    args: argparse.Namespace, source: Any, found: Any, *, header: bool = True
) -> None:
    """What the file holds, its warnings, and what writing it does (the dry run's output)."""
    from cchc_desktop.services import plan_import_service as imports

    if args.json:
        print_json(imports.findings_to_json(source, found))
        return
    parsed = source.parsed
    if header:
        d = parsed.decision
        out(f"Tệp «{source.name}»: {parsed.title}")
        out(
            f"{numbered_document(d.number) if d.number else 'Số văn bản: (không có)'}, ngày "
            f"{d.date.strftime('%d/%m/%Y') if d.date else '(không có)'}, "
            f"cơ quan ban hành: {d.issuing_body or '(không có)'}, "
            f"người ký: {d.signer or '(không có)'}"
        )
        for appendix in parsed.appendices:
            out(
                f"  Phụ lục {appendix.number:02d}: {appendix.title} – "
                f"{len(appendix.tasks)} nhiệm vụ"
            )
        out(f"Tổng cộng {len(parsed.appendices)} phụ lục, {parsed.task_count} nhiệm vụ.")
        if found.existing is not None:
            out(
                f"Kế hoạch này đã có (năm {found.existing.year}, {found.existing.task_count} "
                "nhiệm vụ): nhập với --replace sẽ thay thế, giữ tiến độ của "
                f"{found.kept} nhiệm vụ khớp nội dung."
            )
    for warning in parsed.warnings:
        where = f" (dòng {warning.line})" if warning.line else ""
        out(f"  Cảnh báo{where}: {warning.message}")
    if found.retired:
        out(f"Sẽ loại bỏ {len(found.retired)} nhiệm vụ không còn trong tệp:")
        for task in found.retired:
            carried = (
                f" – có {task.progress_records} bản ghi tiến độ" if task.progress_records else ""
            )
            out(f"  Phụ lục {task.appendix:02d}, nhiệm vụ {task.no}: {task.title}{carried}")


def _plan_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services.plan_service import (
        load_plan,
        plan_for_year,
        plan_to_json,
    )

    db = ctx.open_db()
    plan = load_plan(db, plan_for_year(db, args.year).id)
    if args.json:
        print_json(plan_to_json(plan))
        return 0
    out(plan.title)
    out(f"{numbered_document(plan.decision.number)}, ký: {plan.decision.signer}")
    for appendix in plan.appendices:
        out(f"Phụ lục {appendix.number:02d}: {appendix.title} – {len(appendix.tasks)} nhiệm vụ")
        for task in appendix.tasks:
            out(f"  {task.no}. {task.title} [{task.timeline}]")
    return 0


def _plan_clone(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services.plan_service import (
        import_plan,
        load_plan,
        next_year_draft,
        plan_for_year,
    )

    db = ctx.open_db()
    draft = next_year_draft(load_plan(db, plan_for_year(db, args.year).id), args.to_year)
    try:
        result = import_plan(db, draft, source_name=f"Dự thảo từ kế hoạch năm {args.year}")
    except ConflictError as exc:
        raise ConflictError(
            f"{exc} Dự thảo đó được giữ nguyên; xem bằng “cchc-desktop plan show --year "
            f"{args.to_year}” hoặc sửa tiếp trong cửa sổ chương trình."
        ) from exc
    out(
        f"Đã lập dự thảo kế hoạch năm {args.to_year}: {result.appendices} phụ lục, "
        f"{result.tasks} nhiệm vụ, thời hạn đã dời {args.to_year - args.year} năm. "
        "Số và ngày quyết định để trống cho đến khi ban hành."
    )
    return 0


def _plan_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services.plan_service import list_plans

    for plan in list_plans(ctx.open_db()):
        out(f"{plan.year}\t{plan.decision_number}\t{plan.task_count} nhiệm vụ\t{plan.title}")
    return 0


def _parse_deadline(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.domain.deadlines import milestones_to_json, parse_timeline

    milestones = parse_timeline(args.text, args.year, args.decision_date)
    if args.json:
        print_json({"milestones": milestones_to_json(milestones)})
        return 0
    for m in milestones:
        due = m.due.strftime("%d/%m/%Y") if m.due else "không có hạn cụ thể"
        label = f"{m.label}: " if m.label else ""
        out(f"{label}{m.kind} – {due} ({m.period or ''}){' – ' + m.warning if m.warning else ''}")
    return 0


def _deadlines(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services.deadline_service import (
        occurrence_to_json,
        occurrences,
    )

    if args.date_to < args.date_from:
        raise ValidationError("Ngày kết thúc phải sau ngày bắt đầu.")
    today = args.today or dt.datetime.now().astimezone().date()
    items = occurrences(ctx.open_db(), args.date_from, args.date_to, today=today)
    if args.json:
        print_json(
            {
                "from": args.date_from.isoformat(),
                "to": args.date_to.isoformat(),
                "occurrences": [occurrence_to_json(o) for o in items],
            }
        )
        return 0
    for o in items:
        out(f"{o.due:%d/%m/%Y}\t{o.task_ref}\t{o.unit_name}\t{o.status.label}\t{o.task_title}")
    return 0


def _progress_set(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.domain.model import WorkState
    from cchc_desktop.services import organisation, progress_service
    from cchc_desktop.services.plan_service import plan_for_year

    db = ctx.open_db()
    plan = plan_for_year(db, args.year)
    task_id = progress_service.find_task(db, plan.id, args.task)
    state = progress_service.parse_state(args.status) if args.status else None
    with db.atomic():  # a refused report leaves no new unit behind
        unit = organisation.ensure_agency(db, args.unit)
        changes = progress_service.set_progress(
            db,
            task_id=task_id,
            unit_id=unit.agency_id,
            year=args.year,
            period=args.period,
            state=state,
            percent=args.percent,
            result=args.note,
            completed_on=args.completed_on,
        )
    if unit.created:
        out(f"Đã thêm đơn vị mới “{args.unit}” (cần xác nhận trong danh sách cơ quan).")
    if state is WorkState.DONE and args.completed_on is None:
        out("Chưa ghi ngày hoàn thành; nếu biết, ghi thêm bằng --completed-on YYYY-MM-DD.")
    out(
        f"Đã ghi tiến độ nhiệm vụ {args.task} của {args.unit}, kỳ {args.period}/{args.year}"
        f" ({len(changes.fields)} trường thay đổi)."
    )
    return 0


def _progress_attach(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.errors import NotFoundError
    from cchc_desktop.services import evidence_service, organisation, progress_service
    from cchc_desktop.services.plan_service import plan_for_year

    db = ctx.open_db()
    task_id = progress_service.find_task(db, plan_for_year(db, args.year).id, args.task)
    unit = organisation.find_agency(db, args.unit)
    if unit is None:
        raise NotFoundError(f"Không có đơn vị “{args.unit}” trong danh sách cơ quan.")
    row = progress_service.progress_row_id(task_id, unit.id, args.year, args.period)
    changes = evidence_service.attach_files(db, ctx.db_path, row, args.files)
    out(
        f"Đã đính kèm {len(changes.rows('evidence'))} tệp minh chứng vào tiến độ nhiệm vụ"
        f" {args.task} của {args.unit}, kỳ {args.period}/{args.year}."
    )
    return 0


def _progress_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.domain.periods import parse_period
    from cchc_desktop.services import progress_service

    period = parse_period(args.period) if args.period else None
    records = progress_service.list_progress(ctx.open_db(), year=args.year, period=period)
    if args.json:
        print_json([progress_service.progress_to_json(r) for r in records])
        return 0
    for r in records:
        pct = f"{r.percent}%" if r.percent is not None else ""
        out(f"{r.task_ref}\t{r.unit_name}\t{r.period}\t{r.state}\t{pct}\t{r.result}")
    return 0


def _days_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services import calendar_service

    db = ctx.open_db()
    holidays = calendar_service.work_calendar(db).holidays_in(args.year)
    own = {d.day: d for d in calendar_service.office_days(db, args.year)}
    rows = [
        {"date": day.isoformat(), "name": name, "kind": "office" if day in own else "holiday"}
        for day, name in holidays
    ]
    rows += [
        {"date": d.day.isoformat(), "name": d.name, "kind": "make_up_working_day"}
        for d in own.values()
        if d.working
    ]
    rows.sort(key=lambda r: r["date"])
    if args.json:
        print_json(
            {"year": args.year, "shift": calendar_service.shifts_due_dates(db), "days": rows}
        )
        return 0
    labels = {"office": "theo thông báo", "holiday": "ngày lễ", "make_up_working_day": "làm bù"}
    for row in rows:
        day = dt.date.fromisoformat(row["date"])
        out(f"{day:%d/%m/%Y}\t{labels[row['kind']]}\t{row['name']}")
    return 0


def _days_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services import calendar_service

    calendar_service.set_office_day(ctx.open_db(), args.day, args.name, working=args.working)
    kind = "ngày làm bù" if args.working else "ngày nghỉ"
    out(f"Đã thêm {kind} {args.day:%d/%m/%Y}.")
    return 0


def _days_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services import calendar_service

    calendar_service.remove_office_day(ctx.open_db(), args.day)
    out(f"Đã bỏ ngày {args.day:%d/%m/%Y}.")
    return 0


def _days_shift(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services import calendar_service

    enabled = args.state == "on"
    calendar_service.set_shift_due_dates(ctx.open_db(), enabled)
    out(
        "Hạn rơi vào ngày nghỉ sẽ hiển thị sang ngày làm việc kế tiếp."
        if enabled
        else "Hạn hiển thị đúng ngày ghi trong kế hoạch."
    )
    return 0


def _issued_by(number: str) -> str:
    return f"theo {numbered_document(number)}" if number else "(chưa có số)"
