"""The document register (sổ đăng ký văn bản): the next number per document type and year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from cchc_desktop.errors import ConflictError, ValidationError
from cchc_desktop.store import ids
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits
from cchc_desktop.store.site import local_site


@dataclass(frozen=True, slots=True)
class RegisteredDocument:
    id: str
    doc_type: str
    year: int
    number: int
    symbol: str
    issued_on: dt.date
    title: str
    pdf_sha256: str


def next_number(db: Database, doc_type: str, year: int) -> int:
    """One more than the highest number issued for `doc_type` in `year` (numbers restart yearly)."""
    row = db.execute(
        "SELECT max(number) FROM document_register WHERE doc_type = ? AND year = ? AND deleted = 0",
        [doc_type, year],
    ).fetchone()
    return int(row[0] or 0) + 1


def register_document(
    db: Database,
    *,
    doc_type: str,
    number: int,
    symbol: str,
    issued_on: dt.date,
    title: str,
    pdf_sha256: str,
    author: str = "",
) -> Changes:
    """Record an issued document; a number already used for the type and year is refused."""
    if number < 1:
        raise ValidationError("Số văn bản phải là số nguyên dương.")
    year = issued_on.year
    taken = db.execute(
        "SELECT title FROM document_register WHERE doc_type = ? AND year = ? AND number = ?"
        " AND deleted = 0",
        [doc_type, year, number],
    ).fetchone()
    if taken is not None:
        raise ConflictError(
            f"Số {number:02d}/{symbol} năm {year} đã cấp cho văn bản “{taken[0]}”. "
            f"Số tiếp theo còn trống là {next_number(db, doc_type, year):02d}."
        )
    site = local_site(db)
    row = ids.natural_id("document", site.site_id, doc_type, year, number)
    values = {
        "unit_id": site.unit_id,
        "doc_type": doc_type,
        "year": year,
        "number": number,
        "symbol": symbol,
        "issued_on": issued_on,
        "title": title,
        "pdf_sha256": pdf_sha256,
    }
    return apply_local_edits(db, [Edit("document_register", row, values)], author=author)


def list_documents(db: Database, year: int | None = None) -> list[RegisteredDocument]:
    sql = (
        "SELECT id, doc_type, year, number, symbol, issued_on, title, pdf_sha256"
        " FROM document_register WHERE deleted = 0"
    )
    params: list[object] = []
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    sql += " ORDER BY year DESC, doc_type, number DESC"
    return [
        RegisteredDocument(r[0], r[1], r[2], r[3], r[4], dt.date.fromisoformat(r[5]), r[6], r[7])
        for r in db.execute(sql, params).fetchall()
    ]
