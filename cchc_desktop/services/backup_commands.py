"""The `backup` command: `backup create`, `backup list`, `backup restore FILE [--yes]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc_desktop.cli_support import CliContext, CommandFactory, add_db_option, out, print_json
from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.services import backup_service

CONFIRM_WORD = "co"


def register(command: CommandFactory) -> None:
    """Add `backup` and its subcommands (call from cli_commands.register)."""
    backup = command("backup", "sao lưu và phục hồi cơ sở dữ liệu", None)
    sub = backup.add_subparsers(dest="backup_command", metavar="LỆNH", parser_class=type(backup))

    create = sub.add_parser("create", help="tạo một bản sao lưu ngay")
    create.set_defaults(handler=_create)
    add_db_option(create, top=False)

    lst = sub.add_parser("list", help="liệt kê các bản sao lưu, mới nhất trước")
    lst.add_argument("--json", action="store_true", help="in dạng JSON")
    lst.set_defaults(handler=_list)
    add_db_option(lst, top=False)

    restore = sub.add_parser(
        "restore",
        help="phục hồi từ một bản sao lưu (dữ liệu hiện tại được sao lưu trước)",
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="tệp sao lưu hoặc tên tệp")
    restore.add_argument("--yes", action="store_true", help="không hỏi xác nhận")
    restore.set_defaults(handler=_restore)
    add_db_option(restore, top=False)


def _create(args: argparse.Namespace, ctx: CliContext) -> int:
    if not ctx.db_path.exists():
        raise NotFoundError(f"Không có cơ sở dữ liệu {ctx.db_path} để sao lưu.")
    info = backup_service.create_backup(ctx.open_db(), ctx.db_path, backup_service.REASON_MANUAL)
    out(f"Đã tạo bản sao lưu {info.path} ({backup_service.format_size(info.size)}).")
    return 0


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    backups = backup_service.list_backups(ctx.db_path)
    if args.json:
        print_json(
            [
                {
                    "file": str(b.path),
                    "created": b.created.isoformat(timespec="seconds"),
                    "reason": b.reason,
                    "label": b.label,
                    "size": b.size,
                }
                for b in backups
            ]
        )
        return 0
    if not backups:
        out(f"Chưa có bản sao lưu nào trong {backup_service.backup_dir(ctx.db_path)}.")
        return 0
    for b in backups:
        size = backup_service.format_size(b.size)
        out(f"{b.created:%d/%m/%Y %H:%M:%S}\t{size}\t{b.label}\t{b.path.name}")
    return 0


def _restore(args: argparse.Namespace, ctx: CliContext) -> int:
    source = backup_service.resolve_backup_file(ctx.db_path, args.file)
    if not args.yes:
        if not sys.stdin.isatty():
            raise ValidationError(
                "Phục hồi sẽ thay dữ liệu hiện tại bằng bản sao lưu; thêm --yes để xác nhận."
            )
        sys.stdout.write(
            f"Thay cơ sở dữ liệu {ctx.db_path} bằng bản sao lưu {source.name}?\n"
            f"Dữ liệu hiện tại sẽ được sao lưu trước. Gõ “{CONFIRM_WORD}” để tiếp tục: "
        )
        sys.stdout.flush()
        if sys.stdin.readline().strip().lower() not in {CONFIRM_WORD, "có"}:
            out("Đã huỷ, dữ liệu không thay đổi.")
            return 1
    ctx.close()  # the handler never opened it, but be sure no connection is left on the file
    result = backup_service.restore_backup(ctx.db_path, source)
    for line in backup_service.restore_summary(result):
        out(line)
    return 0
