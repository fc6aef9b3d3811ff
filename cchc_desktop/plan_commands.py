"""Commands that build and amend a plan: `plan new|set|amend`, `appendix add`, `task add|move|
remove|cancel`, each a thin handler over the services the window uses.

Dates are read here rather than by argparse, so a date that is not a date is a user error
(exit 1, a Vietnamese message) like every other bad input, and nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import replace

from cchc_desktop.cli_support import CliContext, CommandFactory, add_db_option, out
from cchc_desktop.errors import NotFoundError, ValidationError


def parse_date(text: str, what: str = "Ngày") -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            f"{what} “{text}” không phải là ngày hợp lệ (dạng YYYY-MM-DD, ví dụ 2020-05-15)."
        ) from None


def register_plan(plan_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`plan new`, `plan set`, `plan amend` under the existing `plan` command."""
    new = plan_sub.add_parser("new", help="tạo kế hoạch trống cho một năm")
    new.add_argument("--year", type=int, required=True)
    new.add_argument("--title", default="", help="tên kế hoạch")
    new.set_defaults(handler=_plan_new)
    pset = plan_sub.add_parser("set", help="sửa phần quyết định ban hành kế hoạch")
    pset.add_argument("--year", type=int, required=True)
    pset.add_argument("--number", default=None, help="số, ký hiệu quyết định (6320/QĐ-UBND)")
    pset.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="ngày ban hành")
    pset.add_argument("--signer-name", default=None, help="người ký")
    pset.add_argument("--signer-position", default=None, help="chức vụ người ký")
    pset.add_argument("--title", default=None, help="tên kế hoạch (như “plan new --title”)")
    pset.add_argument("--decision-title", default=None, help="trích yếu của quyết định")
    pset.set_defaults(handler=_plan_set)
    amend = plan_sub.add_parser("amend", help="ghi quyết định điều chỉnh, bổ sung kế hoạch")
    amend.add_argument("--year", type=int, required=True)
    amend.add_argument("--number", required=True, help="số, ký hiệu quyết định điều chỉnh")
    amend.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="ngày ban hành")
    amend.add_argument("--signer-name", default="")
    amend.add_argument("--signer-position", default="")
    amend.add_argument("--summary", default="", help="nội dung điều chỉnh, bổ sung")
    amend.set_defaults(handler=_plan_amend)
    for p in (new, pset, amend):
        add_db_option(p, top=False)


def register(command: CommandFactory) -> None:
    appendix = command("appendix", "thêm phụ lục vào kế hoạch", None)
    asub = appendix.add_subparsers(
        dest="appendix_command", metavar="LỆNH", parser_class=type(appendix)
    )
    aadd = asub.add_parser("add", help="thêm một phụ lục (in ra số của phụ lục mới)")
    aadd.add_argument("--year", type=int, required=True)
    aadd.add_argument("--title", required=True)
    aadd.add_argument("--lead", default="", metavar="CƠ_QUAN", help="cơ quan chủ trì")
    aadd.set_defaults(handler=_appendix_add)
    add_db_option(aadd, top=False)

    task = command("task", "thêm, chuyển, xoá, bãi bỏ nhiệm vụ", None)
    tsub = task.add_subparsers(dest="task_command", metavar="LỆNH", parser_class=type(task))
    tadd = tsub.add_parser("add", help="thêm nhiệm vụ (in ra mã PHỤ_LỤC.STT)")
    tadd.add_argument("--year", type=int, required=True)
    tadd.add_argument("--appendix", type=int, required=True, metavar="K")
    tadd.add_argument("--title", required=True)
    tadd.add_argument("--lead", default="", metavar="CƠ_QUAN")
    tadd.add_argument("--support", nargs="*", default=[], metavar="CƠ_QUAN")
    tadd.add_argument("--products", nargs="*", default=[], metavar="SẢN_PHẨM")
    tadd.add_argument("--timeline", default="", help="thời gian hoàn thành, như trong kế hoạch")
    tadd.add_argument("--note", default="")
    tadd.add_argument("--after", default=None, metavar="STT", help="đặt sau nhiệm vụ này (0: đầu)")
    tadd.set_defaults(handler=_task_add)
    tmove = tsub.add_parser("move", help="chuyển nhiệm vụ sang phụ lục khác hoặc vị trí khác")
    tmove.add_argument("--year", type=int, required=True)
    tmove.add_argument("--task", required=True, metavar="K.STT")
    tmove.add_argument("--to-appendix", type=int, required=True, metavar="K2")
    tmove.add_argument("--after", default=None, metavar="STT")
    tmove.set_defaults(handler=_task_move)
    tremove = tsub.add_parser("remove", help="xoá nhiệm vụ nhập nhầm (lịch sử vẫn giữ)")
    tremove.add_argument("--year", type=int, required=True)
    tremove.add_argument("--task", required=True, metavar="K.STT")
    tremove.set_defaults(handler=_task_remove)
    tcancel = tsub.add_parser(
        "cancel", help="bãi bỏ nhiệm vụ theo quyết định điều chỉnh đang áp dụng"
    )
    tcancel.add_argument(
        "--year", type=int, default=None, help="mặc định: kế hoạch đang điều chỉnh"
    )
    tcancel.add_argument("--task", required=True, metavar="K.STT")
    tcancel.set_defaults(handler=_task_cancel)
    for p in (tmove, tremove, tcancel, tadd):
        add_db_option(p, top=False)


def _plan_id(ctx: CliContext, year: int) -> str:
    from cchc_desktop.services.plan_service import plan_for_year

    return plan_for_year(ctx.open_db(), year).id


def _plan_new(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services import structure_service

    structure_service.new_plan(ctx.open_db(), args.year, title=args.title)
    out(
        f"Đã tạo kế hoạch năm {args.year}. Điền số, ngày quyết định và người ký bằng "
        f"“plan set --year {args.year}”."
    )
    return 0


def _plan_set(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services import plan_header

    plan_id = _plan_id(ctx, args.year)
    db = ctx.open_db()
    header = plan_header.load_header(db, plan_id)
    changed = {
        "number": args.number,
        "date": parse_date(args.date, "Ngày ban hành") if args.date is not None else None,
        "signer_name": args.signer_name,
        "signer_position": args.signer_position,
        "title": args.title,
        "decision_title": args.decision_title,
    }
    given = {k: v for k, v in changed.items() if v is not None}
    if not given:
        raise ValidationError(
            "Không có gì để sửa: hãy cho --number, --date, --signer-name, "
            "--signer-position, --title hoặc --decision-title."
        )
    header = replace(header, **given)
    changes = plan_header.save_header(db, plan_id, header)
    missing = plan_header.missing_for_issue(plan_header.load_header(db, plan_id))
    out(f"Đã sửa quyết định ban hành kế hoạch năm {args.year} ({len(changes.fields)} trường).")
    if missing:
        out(f"Còn thiếu: {', '.join(missing)}.")
    return 0


def _plan_amend(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services import amendment_service

    date = parse_date(args.date, "Ngày quyết định điều chỉnh")
    plan_id = _plan_id(ctx, args.year)
    amendment, _ = amendment_service.record_amendment(
        ctx.open_db(),
        plan_id,
        number=args.number,
        date=date,
        signer_name=args.signer_name,
        signer_position=args.signer_position,
        summary=args.summary,
    )
    out(
        f"Đã ghi quyết định điều chỉnh {amendment.label}. Các nhiệm vụ thêm, sửa, bãi bỏ từ nay "
        "được ghi theo quyết định này."
    )
    return 0


def _appendix_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services import structure_service

    db = ctx.open_db()
    created = structure_service.add_appendix(
        db, _plan_id(ctx, args.year), args.title, lead_agency=args.lead
    )
    number = db.execute("SELECT number FROM appendix WHERE id = ?", [created.id]).fetchone()[0]
    out(str(number))
    return 0


def _appendix(ctx: CliContext, plan_id: str, number: int) -> str:
    from cchc_desktop.services import structure_service

    return structure_service.find_appendix(ctx.open_db(), plan_id, number)


def _task_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services import structure_service

    db = ctx.open_db()
    plan_id = _plan_id(ctx, args.year)
    appendix = _appendix(ctx, plan_id, args.appendix)
    index = structure_service.task_position(db, appendix, args.after)
    created = structure_service.add_task(
        db,
        appendix,
        structure_service.NewTask(
            title=args.title,
            lead=args.lead,
            support=tuple(args.support),
            products=tuple(args.products),
            timeline=args.timeline,
            note=args.note,
        ),
        index=index,
    )
    out(_ref(ctx, created.id))
    return 0


def _ref(ctx: CliContext, task_id: str) -> str:
    number, no = (
        ctx.open_db()
        .execute(
            "SELECT a.number, t.no FROM task t JOIN appendix a ON a.id = t.appendix_id"
            " WHERE t.id = ?",
            [task_id],
        )
        .fetchone()
    )
    return f"{number}.{no}"


def _task_move(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services import progress_service, structure_service

    db = ctx.open_db()
    plan_id = _plan_id(ctx, args.year)
    task = progress_service.find_task(db, plan_id, args.task)
    target = _appendix(ctx, plan_id, args.to_appendix)
    index = structure_service.task_position(db, target, args.after)
    if index is not None and target == structure_service.task_appendix(db, task):
        # "after NO" counts the task itself while it is still in place.
        current = db.execute("SELECT ord FROM task WHERE id = ?", [task]).fetchone()[0]
        index = index - 1 if index > current else index
    structure_service.move_task(db, task, target, index)
    out(f"Đã chuyển nhiệm vụ {args.task} thành {_ref(ctx, task)}.")
    return 0


def _task_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services import progress_service, structure_service

    db = ctx.open_db()
    task = progress_service.find_task(db, _plan_id(ctx, args.year), args.task)
    summary = structure_service.removal_summary(db, "task", task)
    structure_service.remove_task(db, task)
    out(f"Đã xoá nhiệm vụ {args.task}. {summary}")
    return 0


def _task_cancel(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services import amendment_service, progress_service

    db = ctx.open_db()
    if args.year is not None:
        plan_id = _plan_id(ctx, args.year)
    else:
        rows = db.execute(
            "SELECT p.id FROM plan p JOIN amendment a ON a.id = p.current_amendment"
            " WHERE p.deleted = 0 AND a.deleted = 0"
        ).fetchall()
        if not rows:
            raise NotFoundError(
                "Chưa có kế hoạch nào đang được điều chỉnh: ghi quyết định điều chỉnh bằng "
                "“plan amend” trước."
            )
        if len(rows) > 1:
            raise ValidationError("Nhiều kế hoạch đang được điều chỉnh: hãy cho --year.")
        plan_id = rows[0][0]
    task = progress_service.find_task(db, plan_id, args.task)
    amendment_service.cancel_task(db, task)
    out(f"Đã bãi bỏ nhiệm vụ {args.task}: {amendment_service.cancelled_note(db, task)}.")
    return 0
