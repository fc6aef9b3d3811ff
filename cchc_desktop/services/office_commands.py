"""The `office` command: `office show [--json]`, `office set …`, `office setup sample|own …`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from cchc_desktop.cli_support import CliContext, CommandFactory, add_db_option, out, print_json
from cchc_desktop.domain.office import LEVEL_LABELS, LEVELS, OfficeSettings
from cchc_desktop.errors import ValidationError
from cchc_desktop.services import settings_service

if TYPE_CHECKING:
    from cchc_desktop.services.office_setup import OfficeChoice

# option → OfficeSettings field, for the values typed over the derived ones
_EXPLICIT = {
    "signer_name": "signer_name",
    "signer_position": "signer_position",
    "authority": "authority_prefix",
    "reporting_body": "reporting_body",
    "issuing_agency": "issuing_agency",
    "superior_agency": "superior_agency",
    "place": "place",
    "report_due_day": "report_due_day",
}


def register(command: CommandFactory) -> None:
    """Add `office` and its subcommands (call from cli_commands.register)."""
    office = command("office", "thông tin cơ quan in trên văn bản và báo cáo", _missing)
    sub = office.add_subparsers(dest="office_command", metavar="LỆNH", parser_class=type(office))

    show = sub.add_parser("show", help="in thông tin cơ quan")
    show.add_argument("--json", action="store_true", help="in dạng JSON")
    show.set_defaults(handler=_show)
    add_db_option(show, top=False)

    setp = sub.add_parser(
        "set",
        help="đặt cấp, tỉnh, đơn vị, người ký …; các dòng khác suy ra từ cấp và tên",
    )
    _add_office_options(setp)
    setp.set_defaults(handler=_set)
    add_db_option(setp, top=False)

    setup = sub.add_parser(
        "setup",
        help="thiết lập lần đầu: dùng kế hoạch mẫu (sample) hoặc cơ quan của tôi (own)",
    )
    setup.add_argument("choice", choices=["sample", "own"], metavar="sample|own")
    _add_office_options(setup)
    setup.set_defaults(handler=_setup)
    add_db_option(setup, top=False)


def _add_office_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--level", choices=list(LEVELS), default=None, metavar="|".join(LEVELS))
    p.add_argument("--province", default=None, metavar="TÊN", help="tỉnh, thành phố")
    p.add_argument("--unit", default=None, metavar="TÊN", help="xã, phường; huyện; sở, ban")
    p.add_argument("--signer-name", default=None, metavar="HỌ_TÊN")
    p.add_argument("--signer-position", default=None, metavar="CHỨC_VỤ")
    p.add_argument("--authority", default=None, metavar="TM.|KT.|Q.|TL.|TUQ.|none")
    p.add_argument("--reporting-body", default=None, metavar="TÊN")
    p.add_argument("--issuing-agency", default=None, metavar="TÊN")
    p.add_argument("--superior-agency", default=None, metavar="TÊN")
    p.add_argument("--place", default=None, metavar="ĐỊA_DANH")
    p.add_argument("--report-due-day", type=int, default=None, metavar="NGÀY")


def _missing(args: argparse.Namespace, ctx: CliContext) -> int:
    raise ValidationError("Thiếu lệnh con (show, set, setup); xem --help.")


def office_json(office: OfficeSettings) -> dict[str, Any]:
    """The settings as `office show --json` prints them."""
    return {
        "level": office.level,
        "province": office.province,
        "unit": office.unit,
        "issuing_agency": office.issuing_agency,
        "superior_agency": office.superior_agency,
        "issuer_short": office.issuer_short,
        "place": office.place,
        "signer_name": office.signer_name,
        "signer_position": office.signer_position,
        "authority_prefix": office.authority_prefix,
        "authority_body": office.authority_body,
        "superior_signer_position": office.superior_signer_position,
        "signature_lines": list(office.signature_lines()),
        "reporting_body": office.reporting_body,
        "report_due_day": office.report_due_day,
        "document_symbols": dict(office.document_symbols),
        "recipients": list(office.recipients),
    }


def _show(args: argparse.Namespace, ctx: CliContext) -> int:

    db = ctx.open_db()
    office = settings_service.load_office_settings(db)
    if args.json:
        data = office_json(office)
        data["setup"] = settings_service.setup_choice(db)
        print_json(data)
        return 0
    _print(office)
    return 0


def _print(office: OfficeSettings) -> None:
    out(f"Cấp: {LEVEL_LABELS.get(office.level, office.level)}")
    out(f"Tỉnh, thành phố: {office.province or '(chưa đặt)'}")
    out(f"Đơn vị: {office.unit or '(chưa đặt)'}")
    out(f"Cơ quan chủ quản: {office.superior_agency or '(không có)'}")
    out("Cơ quan ban hành: " + " / ".join(office.issuing_agency.splitlines()))
    out(f"Địa danh: {office.place}")
    out("Người ký: " + " / ".join([*office.signature_lines(), office.signer_name]))
    out(f"Cơ quan tổng hợp báo cáo: {office.reporting_body}")
    out(f"Hạn báo cáo: ngày {office.report_due_day} tháng cuối kỳ")


def _choice(args: argparse.Namespace) -> OfficeChoice:
    explicit: dict[str, Any] = {}
    for option, field_name in _EXPLICIT.items():
        value = getattr(args, option)
        if value is None:
            continue
        if option == "authority" and value.casefold() in ("none", "không", "khong", ""):
            value = ""
        explicit[field_name] = value
    from cchc_desktop.services.office_setup import OfficeChoice

    return OfficeChoice(
        level=args.level, province=args.province, unit=args.unit, explicit=explicit or None
    )


def _set(args: argparse.Namespace, ctx: CliContext) -> int:
    choice = _choice(args)
    names = (choice.level, choice.province, choice.unit)
    if all(n is None for n in names) and not choice.explicit:
        raise ValidationError("Chưa có gì để đặt; xem `cchc-desktop office set --help`.")
    from cchc_desktop.services import office_setup

    db = ctx.open_db()
    office = office_setup.set_office(db, choice, author="Dòng lệnh")
    out("Đã lưu thông tin cơ quan.")
    _print(office)
    return 0


def _setup(args: argparse.Namespace, ctx: CliContext) -> int:
    # Imported here: every command's start-up would otherwise load the set-up code.
    from cchc_desktop.services import office_setup

    db = ctx.open_db()
    if args.choice == "sample":
        office = office_setup.use_sample(db, author="Dòng lệnh").office
        out("Đã chọn dùng kế hoạch mẫu.")
        _print(office)
        return 0
    result = office_setup.use_own_office(db, _choice(args), author="Dòng lệnh")
    out("Đã thiết lập cơ quan.")
    if result.sample_removed:
        out("Đã bỏ kế hoạch mẫu; hãy nhập kế hoạch của cơ quan (import-plan).")
    if result.note:
        out(result.note)
    _print(result.office)
    return 0
