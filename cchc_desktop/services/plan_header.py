"""The decision that issues a plan: issuing body, number and symbol, date, signer, title, and its
text (the "Căn cứ …" lines, the articles, the recipients), one paragraph per line.

Saving a header is one write: the plan row, the decision's paragraphs (kept, rewritten, added or
removed by position) and the appendices' "(Kèm theo Quyết định số … ngày …)" line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlite_utils import Database

from cchc_desktop.domain.model import NodeKind
from cchc_desktop.domain.office import AUTHORITY_PREFIXES, numbered_document
from cchc_desktop.domain.text import clean
from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.store import ids
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits
from cchc_desktop.store.site import new_id

MAX_LINE = 4000


@dataclass(frozen=True, slots=True)
class PlanHeader:
    year: int
    title: str  # the plan's own title ("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2020")
    issuing_body: str  # "Chủ tịch UBND huyện Ngọc Lặc"
    number: str  # "6320/QĐ-UBND"
    date: dt.date | None
    signer_name: str
    signer_position: str
    signer_prefix: str  # "", "TM.", "KT.", …
    decision_title: str  # "Ban hành Kế hoạch cải cách hành chính năm 2020"
    body: tuple[str, ...]  # the decision's paragraphs, in order


def load_header(db: Database, plan_id: str) -> PlanHeader:
    row = db.execute(
        "SELECT year, title, issuing_body, decision_number, decision_date, signer_name,"
        " signer_position, signer_prefix, decision_title FROM plan WHERE id = ? AND deleted = 0",
        [plan_id],
    ).fetchone()
    if row is None:
        raise NotFoundError("Không tìm thấy kế hoạch.")
    body = tuple(text for _, text in _body_rows(db, plan_id))
    return PlanHeader(
        year=row[0],
        title=row[1],
        issuing_body=row[2],
        number=row[3],
        date=dt.date.fromisoformat(row[4]) if row[4] else None,
        signer_name=row[5],
        signer_position=row[6],
        signer_prefix=row[7],
        decision_title=row[8],
        body=body,
    )


def _body_rows(db: Database, plan_id: str) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in db.execute(
            "SELECT id, text FROM plan_node WHERE plan_id = ? AND parent_id = ? AND deleted = 0"
            " ORDER BY ord, id",
            [plan_id, ids.node_id(plan_id, "decision")],
        ).fetchall()
    ]


def validate_header(header: PlanHeader) -> PlanHeader:
    """The header cleaned (NFC, tidy spaces, empty lines dropped), or ValidationError."""
    cleaned = replace(
        header,
        title=clean(header.title),
        issuing_body=clean(header.issuing_body),
        number=clean(header.number),
        signer_name=clean(header.signer_name),
        signer_position=clean(header.signer_position),
        signer_prefix=clean(header.signer_prefix).upper(),
        decision_title=clean(header.decision_title),
        body=tuple(line for line in (clean(x) for x in header.body) if line),
    )
    if not cleaned.title:
        raise ValidationError("Tên kế hoạch không được để trống.")
    if not cleaned.decision_title:
        raise ValidationError("Trích yếu của quyết định không được để trống.")
    if cleaned.signer_prefix not in AUTHORITY_PREFIXES:
        allowed = ", ".join(p for p in AUTHORITY_PREFIXES if p)
        raise ValidationError(
            f"Thẩm quyền ký “{cleaned.signer_prefix}” không hợp lệ (để trống hoặc {allowed})."
        )
    if cleaned.date is not None and not cleaned.year - 1 <= cleaned.date.year <= cleaned.year:
        raise ValidationError(
            f"Ngày ban hành {cleaned.date:%d/%m/%Y} không hợp lệ cho kế hoạch năm "
            f"{cleaned.year}: phải trong năm {cleaned.year - 1} hoặc {cleaned.year}."
        )
    if cleaned.number and "/" not in cleaned.number:
        raise ValidationError(
            f"Số, ký hiệu “{cleaned.number}” thiếu ký hiệu (ví dụ: 6320/QĐ-UBND)."
        )
    if any(len(line) > MAX_LINE for line in cleaned.body):
        raise ValidationError(f"Một dòng của quyết định quá dài (tối đa {MAX_LINE} ký tự).")
    return cleaned


def attachment_line(header: PlanHeader) -> str:
    """ "(Kèm theo Quyết định số … ngày … của …)" under the appendices' title; "" until issued."""
    if not header.number or header.date is None:
        return ""
    d = header.date
    by = f" của {header.issuing_body}" if header.issuing_body else ""
    return (
        f"(Kèm theo {numbered_document(header.number)} ngày {d.day:02d} tháng {d.month:02d} "
        f"năm {d.year}{by})"
    )


def save_header(db: Database, plan_id: str, header: PlanHeader, *, author: str = "") -> Changes:
    """Store the header as one write; the decision's paragraphs follow the lines by position."""
    header = validate_header(header)
    edits = [
        Edit(
            "plan",
            plan_id,
            {
                "title": header.title,
                "issuing_body": header.issuing_body,
                "decision_number": header.number,
                "decision_date": header.date,
                "signer_name": header.signer_name,
                "signer_position": header.signer_position,
                "signer_prefix": header.signer_prefix,
                "decision_title": header.decision_title,
                "appendix_subtitle": attachment_line(header),
            },
        )
    ]
    root = ids.node_id(plan_id, "decision")
    if db.execute("SELECT 1 FROM plan_node WHERE id = ?", [root]).fetchone() is None:
        edits.append(
            Edit(
                "plan_node",
                root,
                {"plan_id": plan_id, "parent_id": None, "ord": 0, "kind": "decision"},
            )
        )
    edits.append(Edit("plan_node", root, {"text": header.decision_title, "deleted": 0}))
    rows = _body_rows(db, plan_id)
    for i, line in enumerate(header.body):
        if i < len(rows):
            edits.append(Edit("plan_node", rows[i][0], {"text": line, "ord": i}))
        else:
            edits.append(
                Edit(
                    "plan_node",
                    new_id(),
                    {
                        "plan_id": plan_id,
                        "parent_id": root,
                        "ord": i,
                        "kind": str(NodeKind.PARAGRAPH),
                        "number": "",
                        "text": line,
                        "deleted": 0,
                    },
                )
            )
    edits += [Edit("plan_node", row_id, {"deleted": 1}) for row_id, _ in rows[len(header.body) :]]
    return apply_local_edits(db, edits, author=author)


def missing_for_issue(header: PlanHeader) -> list[str]:
    """What a draft still lacks before it can be issued, in words ([] when complete)."""
    missing = []
    if not header.number:
        missing.append("số, ký hiệu quyết định")
    if header.date is None:
        missing.append("ngày ban hành")
    if not header.signer_name:
        missing.append("người ký")
    return missing
