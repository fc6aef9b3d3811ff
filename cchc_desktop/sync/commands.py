"""`cchc-desktop sync …`: the network, enrolment, export and import without the window.

Every refusal raises a CchcError with the clerk's Vietnamese message (exit status 1) and
changes nothing. Confirmation steps of the window (comparing fingerprints, the import preview)
are `--yes` here; without it an interactive terminal is asked, a script is refused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from cchc_desktop.cli_support import CliContext, CommandFactory, Handler, add_db_option
from cchc_desktop.errors import SyncError, ValidationError
from cchc_desktop.store.site import local_site
from cchc_desktop.store.wording import level_words_of

PASSWORD_ENV = "CCHC_ROOT_KEY_PASSWORD"


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def register(command: CommandFactory) -> None:
    """Add the `sync` command and its subcommands to the command line."""
    sync = command(
        "sync",
        "đồng bộ dữ liệu giữa cấp trên (tỉnh; huyện trước 2025) và xã, phường qua USB",
        None,
    )
    sub = sync.add_subparsers(dest="sync_command", metavar="LỆNH", parser_class=type(sync))

    def add(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help_text, description=help_text)
        parser.set_defaults(handler=handler)
        add_db_option(parser, top=False)
        return parser

    p = add("init-network", "tạo mạng đồng bộ và khoá gốc (máy cấp trên, làm một lần)", _init)
    p.add_argument(
        "--name", required=True, help="tên mạng, thường là tên tỉnh (huyện với kế hoạch trước 2025)"
    )
    p.add_argument("--code", default=None, help="mã mạng dùng trong tên gói (tự đặt nếu bỏ trống)")

    p = add("enrol-request", "tạo tệp yêu cầu đăng ký máy xã", _enrol_request)
    p.add_argument("--unit", required=True, metavar="TÊN_XÃ")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.add_argument("--pc-name", default=None, help="tên máy (mặc định: tên máy tính)")

    p = add("enrol", "đăng ký máy xã, phường từ tệp yêu cầu (máy cấp trên)", _enrol)
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--yes", action="store_true", help="đã so vân tay với máy xã")

    p = add("export", "xuất gói dữ liệu ra USB hoặc thư mục", _export)
    p.add_argument("--to", required=True, type=Path, metavar="DIR")
    p.add_argument("--peer", default=None, metavar="SITE", help="mã máy nhận (mặc định: tất cả)")

    p = add("import", "nhập gói dữ liệu", _import)
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    p.add_argument("--yes", action="store_true", help="nhập không hỏi lại")

    p = add("status", "tình trạng đồng bộ của máy này", _status)
    p.add_argument("--json", action="store_true")

    p = add("conflicts", "các mục cần xem lại", _conflicts)
    p.add_argument("--json", action="store_true")

    p = add("revoke", "thu hồi một máy (máy cấp trên)", _revoke)
    p.add_argument("site", metavar="SITE")
    p.add_argument("--after-seq", type=int, default=None)
    p.add_argument("--yes", action="store_true")

    p = add("backup-root-key", "sao lưu khoá gốc ra tệp có mật khẩu", _backup_root)
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")

    p = add("restore-root-key", "khôi phục khoá gốc từ tệp sao lưu", _restore_root)
    p.add_argument("file", type=Path, metavar="FILE")

    p = add("reenrol", "cấp mã máy mới cho máy này (sau khi khôi phục hoặc sao chép)", _reenrol)
    p.add_argument("--yes", action="store_true")


def _confirm(question: str, refusal: str) -> None:
    if not sys.stdin.isatty():
        raise ValidationError(refusal)
    sys.stdout.write(f"{question} [c/K] ")
    sys.stdout.flush()
    if sys.stdin.readline().strip().lower() not in ("c", "co", "có", "y", "yes"):
        raise ValidationError("Đã huỷ; không có gì thay đổi.")


def _password(confirm: bool) -> str:
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise ValidationError(
            f"Cần mật khẩu: nhập trên bàn phím hoặc đặt biến môi trường {PASSWORD_ENV}."
        )
    first = getpass.getpass("Mật khẩu: ")
    if confirm and getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise ValidationError("Hai lần nhập mật khẩu không giống nhau.")
    return first


def _init(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.sync.network import init_network

    db = ctx.open_db()
    fingerprint = init_network(db, args.name, district_code=args.code)
    _out(fingerprint)
    _err(
        f"Đã tạo mạng đồng bộ “{args.name}”. Vân tay khoá gốc: {fingerprint}. Hãy sao lưu khoá"
        " gốc (sync backup-root-key) và cất giữ cẩn thận."
    )
    return 0


def _enrol_request(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.sync.network import enrol_request

    db = ctx.open_db(seed=False, role="commune")
    _refuse_district_database(db)
    request = enrol_request(db, args.unit, args.output, pc_name=args.pc_name)
    _out(request.fingerprint)
    _err(
        f"Đã ghi yêu cầu đăng ký vào {args.output}. "
        + level_words_of(db).say("Mang tệp này lên {hub}; khi {hub} đăng ký,")
        + f" hai bên so vân tay: {request.fingerprint}."
    )
    return 0


def _refuse_district_database(db: Database) -> None:
    site = local_site(db)
    if site.network_id is None and site.role == "district":
        has_data = db.execute("SELECT 1 FROM change_log LIMIT 1").fetchone() is not None
        if has_data:
            raise SyncError(
                level_words_of(db).say(
                    "Cơ sở dữ liệu này đã có dữ liệu (kế hoạch của {hub}); máy {unit} cần một"
                    " cơ sở dữ liệu mới. Hãy chỉ định tệp mới bằng --db."
                )
            )


def _enrol(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.sync.network import enrol, read_enrol_request

    request = read_enrol_request(args.file)
    if not args.yes:
        _out(f"Yêu cầu đăng ký của {request.unit_name} – {request.pc_name}")
        _out(f"Vân tay: {request.fingerprint}")
        _confirm(
            "Vân tay trên màn hình máy xã có giống hệt không?",
            f"Hãy so vân tay {request.fingerprint} với máy xã rồi chạy lại với --yes.",
        )
    result = enrol(ctx.open_db(), args.file)
    if result.already_enrolled:
        _out(f"Máy {result.pc_name} của {result.unit_name} đã được đăng ký trước đây.")
    else:
        _out(f"Đã đăng ký máy {result.pc_name} của {result.unit_name} (mã máy {result.site_id}).")
    if result.new_agency:
        _out(f"Đã thêm “{result.unit_name}” vào danh sách cơ quan, đơn vị.")
    _out(f"Vân tay: {result.fingerprint}")
    _out("Chứng nhận sẽ được gửi kèm gói dữ liệu đầu tiên cho máy này (sync export).")
    return 0


def _export(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.sync.export import export_bundles

    for bundle in export_bundles(ctx.open_db(), args.to, args.peer):
        _out(str(bundle.path))
        _err(bundle.message())
    return 0


def _import(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.sync.importer import import_bundle

    db = ctx.open_db()
    if args.dry_run or not args.yes:
        preview = import_bundle(db, args.file, dry_run=True)
        _print_result(preview)
        if args.dry_run or preview.status == "already":
            return 0
        _confirm("Nhập gói này?", "Chưa xác nhận: chạy lại với --yes để nhập gói này.")
    result = import_bundle(db, args.file)
    _print_result(result)
    return 0


def _print_result(result: Any) -> None:
    _out(result.message)
    if result.status != "already" and result.new_by_table:
        from cchc_desktop.sync.review import TABLE_LABELS

        for table, count in result.new_by_table.items():
            _out(f"  {TABLE_LABELS.get(table, table)}: {count}")


def _status_data(db: Database) -> dict[str, Any]:
    site = local_site(db)
    unit = None
    if site.unit_id:
        row = db.execute("SELECT name FROM agency WHERE id = ?", [site.unit_id]).fetchone()
        unit = row[0] if row else None
    peers = []
    for sid, role, unit_name, name, revoked, last_in, last_out, last_import in db.execute(
        "SELECT s.site_id, s.role, a.name, s.display_name, s.revoked_after_seq,"
        " p.last_bundle_seq_in, p.last_bundle_seq_out, p.last_import_at FROM site s"
        " LEFT JOIN agency a ON a.id = s.unit_id LEFT JOIN peer p ON p.site_id = s.site_id"
        " WHERE s.site_id != ? ORDER BY s.role, a.name, s.display_name",
        [site.site_id],
    ).fetchall():
        peers.append(
            {
                "site": sid,
                "role": role,
                "unit": unit_name,
                "name": name,
                "revoked_after_seq": revoked,
                "last_bundle_in": last_in,
                "last_bundle_out": last_out,
                "last_import_at": _iso(last_import),
            }
        )
    conflicts = db.execute("SELECT count(*) FROM conflict WHERE closed_by_seq IS NULL").fetchone()
    quarantined = db.execute("SELECT count(*) FROM quarantine").fetchone()
    return {
        "site": site.site_id,
        "role": site.role,
        "unit": unit,
        "peers": peers,
        "conflicts": conflicts[0],
        "quarantined": quarantined[0],
    }


def _iso(ms: object) -> str | None:
    if not isinstance(ms, int):
        return None
    return (
        dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC).astimezone().isoformat(timespec="seconds")
    )


def _status(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.sync.network import network_info, site_fingerprint

    db = ctx.open_db()
    data = _status_data(db)
    if args.json:
        _out(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    info = network_info(db)
    _out(f"Máy: {data['site']} ({data['role']}{', ' + data['unit'] if data['unit'] else ''})")
    _out(f"Vân tay máy: {site_fingerprint(db)}")
    if info is None:
        _out("Chưa tham gia mạng đồng bộ.")
    else:
        _out(f"Mạng: {info.name} – vân tay khoá gốc {info.root_fp}")
    for peer in data["peers"]:
        revoked = " (đã thu hồi)" if peer["revoked_after_seq"] is not None else ""
        when = peer["last_import_at"] or "chưa nhận gói nào"
        _out(f"  {peer['unit'] or ''} – {peer['name']} [{peer['site']}]{revoked}: {when}")
    _out(f"Mục cần xem lại: {data['conflicts']}; thay đổi bị giữ lại: {data['quarantined']}")
    return 0


def _conflicts(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.sync.review import list_conflicts

    views = list_conflicts(ctx.open_db())
    if args.json:
        _out(
            json.dumps(
                [
                    {
                        "id": v.id,
                        "kind": v.kind,
                        "table": v.table,
                        "row": v.row_id,
                        "field": v.field,
                        "record": v.record,
                        "why": v.why,
                        "values": [
                            {
                                "value": h.value,
                                "author": h.author,
                                "site": h.site_name,
                                "when": h.when.isoformat(timespec="seconds") if h.when else None,
                                "in_use": h.in_use,
                            }
                            for h in v.heads
                        ],
                    }
                    for v in views
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for v in views:
        _out(f"{v.record} – {v.field_label}: {v.why}")
        for h in v.heads:
            mark = "Đang dùng" if h.in_use else "Giá trị khác"
            _out(f"  {mark}: {h.display} ({h.author}, {h.site_name})")
    return 0


def _revoke(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.sync.network import revoke_site

    if not args.yes:
        _confirm(f"Thu hồi máy {args.site}?", f"Chạy lại với --yes để thu hồi máy {args.site}.")
    kept = revoke_site(ctx.open_db(), args.site, after_seq=args.after_seq)
    _out(f"Đã thu hồi máy {args.site}; giữ các thay đổi đến số {kept}.")
    return 0


def _backup_root(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.sync.network import backup_root_key

    path = backup_root_key(ctx.open_db(), args.output, _password(confirm=True))
    _out(f"Đã sao lưu khoá gốc vào {path}. Cất USB ở nơi an toàn; nhớ mật khẩu.")
    return 0


def _restore_root(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.sync.network import restore_root_key

    fingerprint = restore_root_key(ctx.open_db(), args.file, _password(confirm=False))
    _out(f"Đã khôi phục khoá gốc; vân tay {fingerprint}.")
    return 0


def _reenrol(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.sync.network import reenrol

    if not args.yes:
        _confirm("Cấp mã máy mới cho máy này?", "Chạy lại với --yes để cấp mã máy mới.")
    db = ctx.open_db()
    new_id = reenrol(db)
    _out(f"Mã máy mới: {new_id}.")
    if local_site(db).role != "district":
        _out(
            level_words_of(db).say(
                "Hãy tạo lại yêu cầu đăng ký (sync enrol-request) và gửi cho {hub}."
            )
        )
    return 0
