"""`cchc-desktop par …`: the PAR index (Chỉ số CCHC) from the command line.

The services are imported by the handlers: building the parser must stay cheap, since every
start of the program, the window's included, builds it.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_desktop.cli_support import CliContext, CommandFactory, add_db_option, out, print_json
from cchc_desktop.domain.par import LEVELS, format_points
from cchc_desktop.errors import ValidationError

if TYPE_CHECKING:
    from cchc_desktop.services import par_service


def register(command: CommandFactory) -> None:
    group = command("par", "Chỉ số cải cách hành chính: bộ tiêu chí, tự chấm, thẩm định", _missing)
    sub = group.add_subparsers(dest="par_command", metavar="LỆNH", parser_class=type(group))

    def verb(name: str, help_text: str, handler: object) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        add_db_option(p, top=False)
        return p

    p = verb("import", "nhập bộ tiêu chí từ bảng (.docx, .pdf, .txt …)", _import)
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--level", required=True, metavar="commune|department")
    p.add_argument("--total", default=None, help="tổng điểm nếu bảng không ghi (mặc định 100)")

    p = verb("show", "xem bộ tiêu chí và điểm", _show)
    _year_level(p)
    p.add_argument("--unit", default=None, metavar="TÊN_ĐƠN_VỊ")
    p.add_argument("--json", action="store_true")

    p = verb("score", "ghi điểm tự đánh giá một tiêu chí", _score)
    _year_level(p)
    p.add_argument("--criterion", required=True, metavar="MÃ")
    p.add_argument("--score", required=True, help="điểm (ví dụ 1,5); để trống để xoá")
    p.add_argument("--note", default=None, help="giải trình")
    p.add_argument("--unit", default=None, metavar="TÊN_ĐƠN_VỊ")

    p = verb("appraise", "ghi điểm thẩm định một tiêu chí của một đơn vị", _appraise)
    _year_level(p)
    p.add_argument("--unit", required=True, metavar="TÊN_ĐƠN_VỊ")
    p.add_argument("--criterion", required=True, metavar="MÃ")
    p.add_argument("--score", required=True)
    p.add_argument("--note", default=None, help="ý kiến thẩm định")

    p = verb("evidence", "đề xuất, liên kết hoặc đính kèm tài liệu kiểm chứng", _evidence)
    _year_level(p)
    p.add_argument("--criterion", required=True, metavar="MÃ")
    p.add_argument("--unit", default=None, metavar="TÊN_ĐƠN_VỊ")
    p.add_argument("--link", type=int, default=None, metavar="SỐ", help="liên kết đề xuất số …")
    p.add_argument("--attach", type=Path, default=None, metavar="FILE", help="đính kèm tệp")

    p = verb("export", "ghi thư mục nộp: bảng điểm, báo cáo, tài liệu kiểm chứng", _export)
    _year_level(p)
    p.add_argument("--to", type=Path, required=True, metavar="DIR")
    p.add_argument("--unit", default=None, metavar="TÊN_ĐƠN_VỊ")
    p.add_argument("--zip", action="store_true", help="nén thêm thành tệp .zip")

    p = verb("rank", "xếp hạng các đơn vị theo tổng điểm và từng lĩnh vực", _rank)
    _year_level(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("-o", "--output", type=Path, default=None, metavar="FILE.pdf|FILE.xlsx")


def _year_level(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--level", default=None, metavar="commune|department")


def _missing(args: argparse.Namespace, ctx: CliContext) -> int:
    raise ValidationError(
        "Hãy chọn một lệnh: import, show, score, appraise, evidence, export, rank."
    )


def _set(args: argparse.Namespace, ctx: CliContext) -> par_service.ParSet:
    from cchc_desktop.services import par_service

    level = par_service.parse_level(args.level) if args.level else None
    return par_service.load_set(ctx.open_db(), args.year, level)


def _import(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.importer import par_criteria
    from cchc_desktop.services import par_service

    level = par_service.parse_level(args.level)
    total = par_service.parse_score(args.total) if args.total else None
    parsed = par_criteria.read_file(args.file, total=total)
    db = ctx.open_db()
    par_service.import_criteria(db, parsed, year=args.year, level=level, source=args.file.name)
    areas, criteria, subs = parsed.counts()
    out(
        f"Đã nhập bộ chỉ số CCHC năm {args.year} ({LEVELS[level]}): {areas} lĩnh "
        f"vực, {criteria} tiêu chí, {subs} tiêu chí thành phần; tổng {format_points(parsed.total)}"
        " điểm."
    )
    for warning in parsed.warnings:
        out(f"Cảnh báo: {warning}")
    return 0


def _show(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services import par_service

    set_ = _set(args, ctx)
    db = ctx.open_db()
    unit = (
        par_service.resolve_unit(db, args.unit, args.year)
        if args.unit
        else par_service.own_unit(db, args.year, create=False)
    )
    data = par_service.to_json(db, set_, unit or "")
    if args.json:
        print_json(data)
        return 0

    def points(value: object) -> str:
        return "–" if value is None else format_points(Decimal(str(value)))

    def show(nodes: list[dict[str, object]], indent: str) -> None:
        for node in nodes:
            scored = "tự chấm" if node["self_assessed"] else "điểm điều tra XHH"
            out(
                f"{indent}{node['code']}. {node['title']} — tối đa {points(node['max'])}, "
                f"{scored} {points(node['self_score'])}, minh chứng {node['evidence']}"
            )
            show(node["criteria"], indent + "  ")  # type: ignore[arg-type]

    areas: list[dict[str, object]] = data["areas"]  # type: ignore[assignment]
    show(areas, "")
    own_max = sum(Decimal(str(a["max"] or 0)) for a in areas if a["self_assessed"])
    out(f"Tổng điểm tự đánh giá: {points(data['self_total'] or 0)}/{points(own_max)}")
    if data["survey_total"] is not None:
        survey_max = Decimal(str(data["total"])) - own_max
        out(f"Điểm điều tra xã hội học đã ghi: {points(data['survey_total'])}/{points(survey_max)}")
    return 0


def _score(args: argparse.Namespace, ctx: CliContext) -> int:
    code, shown, survey = _write_score(args, ctx, appraisal=False)
    what = "điểm điều tra xã hội học" if survey else "điểm tự đánh giá"
    out(f"Đã ghi {what} tiêu chí {code}: {shown}.")
    return 0


def _appraise(args: argparse.Namespace, ctx: CliContext) -> int:
    code, shown, _survey = _write_score(args, ctx, appraisal=True)
    out(f"Đã ghi điểm thẩm định tiêu chí {code} của {args.unit}: {shown}.")
    return 0


def _write_score(
    args: argparse.Namespace, ctx: CliContext, *, appraisal: bool
) -> tuple[str, str, bool]:
    """Store a self score (survey points on a survey criterion) or an appraisal; return the
    criterion's code, the score as shown and whether the criterion is the survey's."""
    from cchc_desktop.services import par_service

    set_ = _set(args, ctx)
    db = ctx.open_db()
    node, value = par_service.check_score(set_, args.criterion, args.score, appraisal=appraisal)
    unit = par_service.resolve_unit(db, args.unit, args.year)
    write = par_service.appraise if appraisal else par_service.set_score
    write(db, set_, node.code, value, unit=unit, note=args.note)
    shown = format_points(value) if value is not None else "(đã xoá)"
    return node.code, shown, not node.self_assessed


def _evidence(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.services import par_evidence, par_service

    set_ = _set(args, ctx)
    db = ctx.open_db()
    par_evidence.check_leaf(set_.node(args.criterion))
    if args.attach is not None and not args.attach.is_file():
        raise ValidationError(f"Không tìm thấy tệp {args.attach}.")
    unit = par_service.resolve_unit(db, args.unit, args.year)
    if args.attach is not None:
        sha = par_evidence.store_file(db, ctx.db_path, args.attach)
        par_evidence.attach_file(
            db,
            set_,
            args.criterion,
            unit,
            sha256=sha,
            file_name=args.attach.name,
            size=args.attach.stat().st_size,
        )
        out(f"Đã đính kèm {args.attach.name} vào tiêu chí {args.criterion}.")
        return 0
    offered = par_evidence.proposals(db, set_, args.criterion, unit)
    if args.link is not None:
        if not 1 <= args.link <= len(offered):
            raise ValidationError(f"Không có đề xuất số {args.link} (có {len(offered)} đề xuất).")
        chosen = offered[args.link - 1]
        par_evidence.link(db, set_, args.criterion, unit, chosen)
        out(f"Đã liên kết: {chosen.label}")
        return 0
    for item in par_evidence.linked(db, set_, args.criterion, unit):
        out(f"Đã có: {item.label}")
    for n, proposal in enumerate(offered, 1):
        out(f"Đề xuất {n}: {proposal.label}")
    if not offered:
        out("Không có đề xuất nào từ kết quả thực hiện kế hoạch trong năm.")
    return 0


def _export(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.reports.par_handin import write_handin
    from cchc_desktop.services import par_service
    from cchc_desktop.services.settings_service import load_office_settings
    from cchc_desktop.store import evidence_files as blobs

    set_ = _set(args, ctx)
    db = ctx.open_db()
    unit = par_service.resolve_unit(db, args.unit, args.year)

    def blob_file(sha: str) -> Path | None:
        return blobs.blob_path(ctx.db_path, sha) if blobs.has_blob(ctx.db_path, sha) else None

    result = write_handin(
        db, set_, unit, args.to, load_office_settings(db), blob_file, make_zip=args.zip
    )
    for file in result.files:
        out(str(file))
    if result.zip_path is not None:
        out(str(result.zip_path))
    for missing in result.missing:
        out(f"Thiếu tệp trên máy này: {missing}")
    return 0


def _rank(args: argparse.Namespace, ctx: CliContext) -> int:
    from cchc_desktop.reports import par_handin, par_report
    from cchc_desktop.services.settings_service import load_office_settings

    set_ = _set(args, ctx)
    db = ctx.open_db()
    data = par_handin.ranking_data(db, set_)
    if args.output is not None:
        if args.output.suffix.lower() == ".xlsx":
            par_report.export_ranking_xlsx(data, args.output)
        elif args.output.suffix.lower() == ".pdf":
            par_report.build_ranking_report(data, load_office_settings(db), args.output)
        else:
            raise ValidationError("Tệp xếp hạng phải có đuôi .pdf hoặc .xlsx.")
        out(str(args.output))
        return 0
    rows = [
        {
            "rank": rank,
            "unit": unit,
            "total": float(total),
            "areas": [None if v is None else float(v) for v in areas],
            "appraised": done,
        }
        for rank, unit, total, areas, done in data.rows
    ]
    if args.json:
        print_json({"areas": list(data.areas), "units": rows})
    else:
        for rank, unit, total, _areas, done in data.rows:
            state = "" if done else " (chưa thẩm định xong)"
            out(f"{rank}. {unit}: {format_points(total)} điểm{state}")
    return 0
