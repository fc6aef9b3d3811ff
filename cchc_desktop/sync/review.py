"""What the "Cần xem lại" screen, the quarantine list and the history panel show (§5.9).

Each conflict card names the record and the field in Vietnamese, shows every competing value
with who wrote it, when, on which PC and in which bundle it arrived, and says why it is there.
Resolving is an ordinary edit that saw every competing value, so the card closes on every PC
after the next exchange.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from cchc_desktop.domain.labels import FIELD_LABELS
from cchc_desktop.domain.periods import PERIOD_LABELS, ReportingPeriod
from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.services import progress_service
from cchc_desktop.services.history_service import value_text
from cchc_desktop.store.change_log import EXCLUDED_MARKS, OWN_SETTING
from cchc_desktop.store.changes import EXCLUDED_REASONS, Changes, Edit, apply_local_edits
from cchc_desktop.store.site import local_site

TABLE_LABELS = {
    "agency": "Cơ quan, đơn vị",
    "agency_alias": "Tên gọi khác của cơ quan",
    "plan": "Kế hoạch",
    "plan_node": "Nội dung kế hoạch",
    "appendix": "Phụ lục",
    "amendment": "Quyết định điều chỉnh kế hoạch",
    "task": "Nhiệm vụ",
    "task_agency": "Cơ quan thực hiện nhiệm vụ",
    "milestone": "Mốc thời hạn",
    "progress": "Tiến độ",
    "evidence": "Minh chứng",
    "indicator": "Chỉ tiêu",
    "indicator_value": "Giá trị chỉ tiêu",
    "setting": "Cài đặt",
    "day_off": "Ngày nghỉ",
    "document_register": "Sổ văn bản",
    "par_set": "Bộ chỉ số CCHC",
    "par_criterion": "Tiêu chí Chỉ số CCHC",
    "par_score": "Điểm Chỉ số CCHC",
    "par_evidence": "Tài liệu kiểm chứng Chỉ số CCHC",
    "site": "Máy tính",
}


REASONS = {
    "unauthorised": "Không có quyền sửa",
    "revoked": "Máy đã bị thu hồi",
    "invalid": "Giá trị không hợp lệ",
    "fork": "Trùng mã máy (hai bản khác nhau của cùng một thay đổi)",
    OWN_SETTING: "Cài đặt riêng của máy gửi (trước khi tham gia mạng)",
}

WHY = {
    "same_field": (
        "Hai máy đã sửa ô này khi chưa nhận được thay đổi của nhau. Phần mềm tạm dùng bản sửa"
        " sau (theo giờ của máy sửa) và giữ lại cả hai giá trị."
    ),
    "edit_vs_delete": (
        "Bản ghi này đã bị xoá, trong khi một máy khác vẫn sửa nó mà chưa biết việc xoá."
        " Bản ghi tạm ở trạng thái đã xoá."
    ),
    "fork": "Hai máy đang dùng chung một mã máy – cần đăng ký lại một máy.",
    "clock_suspect": "Máy gửi gói đang lệch giờ {detail}; hãy nhắc chỉnh đồng hồ Windows.",
}


@dataclass(frozen=True, slots=True)
class HeadView:
    """One competing value of a conflict, and who wrote it."""

    origin: str
    seq: int
    value: Any
    display: str
    author: str
    when: dt.datetime | None  # the author's PC time when saving (display only)
    site_name: str  # the PC (its unit and name)
    bundle: str  # the bundle file it arrived in ("" when written on this PC)
    in_use: bool  # the value shown now ("Đang dùng")


@dataclass(frozen=True, slots=True)
class ConflictView:
    id: str
    kind: str  # same_field | edit_vs_delete | fork | clock_suspect
    table: str
    row_id: str
    field: str
    field_label: str
    record: str  # e.g. "Tiến độ nhiệm vụ 2.5 – Xã Minh Sơn – Quý I/2020"
    heads: tuple[HeadView, ...]
    why: str
    opened_at: dt.datetime | None
    may_resolve: bool  # this PC's role may write the field


@dataclass(frozen=True, slots=True)
class QuarantineView:
    origin: str
    seq: int
    reason: str
    reason_text: str
    table: str
    row_id: str
    field: str
    field_label: str
    record: str
    value: Any
    author: str
    when: dt.datetime | None
    site_name: str
    received_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One logged change of a record (the audit trail)."""

    origin: str
    seq: int
    when: dt.datetime | None
    author: str
    site_name: str
    field: str
    field_label: str
    old: Any
    new: Any
    status: str  # "Đang dùng" | "Đã được thay" | "Giá trị khác (cần xem lại)" | a quarantine reason
    bundle: str


def _moment(ms: object) -> dt.datetime | None:
    if not isinstance(ms, int):
        return None
    return dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC).astimezone()


def _decode(text: object) -> Any:
    if not isinstance(text, str):
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


class _Names:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.sites: dict[str, str] = {}
        self.bundles: dict[bytes, str] = {}

    def site(self, site_id: str) -> str:
        if site_id not in self.sites:
            row = self.db.execute(
                "SELECT s.display_name, a.name FROM site s LEFT JOIN agency a ON a.id = s.unit_id"
                " WHERE s.site_id = ?",
                [site_id],
            ).fetchone()
            if row is None:
                me = local_site(self.db)
                name = f"Máy này ({me.display_name})" if site_id == me.site_id else site_id
            else:
                pc, unit = row
                name = f"{unit} – {pc}" if unit and pc else (unit or pc or site_id)
            self.sites[site_id] = name
        return self.sites[site_id]

    def bundle(self, sha: object) -> str:
        if not isinstance(sha, bytes):
            return ""
        if sha not in self.bundles:
            row = self.db.execute("SELECT file_name FROM bundle_log WHERE sha256 = ?", [sha])
            found = row.fetchone()
            self.bundles[sha] = found[0] if found else ""
        return self.bundles[sha]


def describe_record(db: Database, table: str, row_id: str) -> str:
    """A Vietnamese description of a record for cards and history headers."""
    if table == "progress":
        row = db.execute(
            "SELECT a.number, t.no, g.name, p.period, p.year FROM progress p"
            " LEFT JOIN task t ON t.id = p.task_id LEFT JOIN appendix a ON a.id = t.appendix_id"
            " LEFT JOIN agency g ON g.id = p.unit_id WHERE p.id = ?",
            [row_id],
        ).fetchone()
        if row:
            number, no, unit, period, year = row
            try:
                label = PERIOD_LABELS[ReportingPeriod(period)]
            except ValueError:
                label = str(period)
            return f"Tiến độ nhiệm vụ {number}.{no} – {unit or '?'} – {label}/{year}"
    if table == "task":
        row = db.execute(
            "SELECT a.number, t.no, t.title FROM task t LEFT JOIN appendix a"
            " ON a.id = t.appendix_id WHERE t.id = ?",
            [row_id],
        ).fetchone()
        if row:
            title = row[2] if len(row[2]) <= 60 else row[2][:57] + "…"
            return f"Nhiệm vụ {row[0]}.{row[1]}: {title}"
    if table == "evidence":
        row = db.execute(
            "SELECT e.file_name, g.name FROM evidence e LEFT JOIN agency g ON g.id = e.unit_id"
            " WHERE e.id = ?",
            [row_id],
        ).fetchone()
        if row:
            return f"Minh chứng “{row[0]}” – {row[1] or '?'}"
    if table == "indicator_value":
        row = db.execute(
            "SELECT i.title, g.name, v.period, v.year FROM indicator_value v"
            " LEFT JOIN indicator i ON i.id = v.indicator_id"
            " LEFT JOIN agency g ON g.id = v.unit_id WHERE v.id = ?",
            [row_id],
        ).fetchone()
        if row:
            return f"Chỉ tiêu “{row[0]}” – {row[1] or '?'} – {row[2]}/{row[3]}"
    if table == "agency":
        row = db.execute("SELECT name FROM agency WHERE id = ?", [row_id]).fetchone()
        if row:
            return f"Cơ quan “{row[0]}”"
    if table == "plan":
        row = db.execute("SELECT year, title FROM plan WHERE id = ?", [row_id]).fetchone()
        if row:
            return f"Kế hoạch năm {row[0]}"
    if table == "site":
        return f"Máy {_Names(db).site(row_id)}"
    return f"{TABLE_LABELS.get(table, table)} ({row_id[:8]})"


def _may_write(db: Database, table: str, row_id: str, field: str) -> bool:
    from cchc_desktop.store import ownership

    site = local_site(db)
    cols = db.execute(f"PRAGMA table_info({table})").fetchall()
    if not cols:
        return False
    row = db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id]).fetchone()  # noqa: S608
    values = dict(zip([c[1] for c in cols], row, strict=True)) if row else {}
    return ownership.refusal(db, site, table, values, [field], row_id=row_id) is None


def list_conflicts(db: Database, *, include_closed: bool = False) -> list[ConflictView]:
    """The review cards, oldest first; closed ones only on request."""
    names = _Names(db)
    sql = "SELECT id, kind, tbl, row_id, field, heads, opened_at, detail FROM conflict"
    if not include_closed:
        sql += " WHERE closed_by_seq IS NULL"
    views: list[ConflictView] = []
    for cid, kind, table, row_id, field, heads_text, opened, detail in db.execute(
        sql + " ORDER BY opened_at, id"
    ).fetchall():
        heads: list[HeadView] = []
        winner: tuple[int, int, str] | None = None
        raw_heads = []
        for origin, seq in json.loads(heads_text):
            row = db.execute(
                "SELECT value, author, edited_wall, hlc_wall, hlc_ctr, received_bundle, field"
                " FROM change_log WHERE origin = ? AND seq = ?",
                [origin, seq],
            ).fetchone()
            if row is not None:
                raw_heads.append((origin, seq, row))
                if row[6] == field:
                    order = (row[3], row[4], origin)
                    winner = order if winner is None or order > winner else winner
        for origin, seq, row in raw_heads:
            value = _decode(row[0])
            heads.append(
                HeadView(
                    origin=origin,
                    seq=seq,
                    value=value,
                    display=value_text(row[6], value),
                    author=row[1] or "",
                    when=_moment(row[2]),
                    site_name=names.site(origin),
                    bundle=names.bundle(row[5]),
                    in_use=(row[3], row[4], origin) == winner and row[6] == field,
                )
            )
        why = WHY.get(kind, "").format(detail=detail or "")
        views.append(
            ConflictView(
                id=cid,
                kind=kind,
                table=table,
                row_id=row_id,
                field=field,
                field_label=FIELD_LABELS.get(field, field),
                record=describe_record(db, table, row_id),
                heads=tuple(heads),
                why=why,
                opened_at=_moment(opened),
                may_resolve=kind in ("same_field", "edit_vs_delete")
                and _may_write(db, table, row_id, field),
            )
        )
    return views


def resolve_conflict(
    db: Database, conflict_id: str, chosen_value: Any, *, author: str = ""
) -> Changes:
    """Resolve a card by writing `chosen_value` as an edit that saw every competing value.

    For an edit-versus-delete card, 0 restores the record and 1 confirms the delete. Raises
    OwnershipError when this PC may not write the field.
    """
    row = db.execute(
        "SELECT kind, tbl, row_id, field, heads, closed_by_seq FROM conflict WHERE id = ?",
        [conflict_id],
    ).fetchone()
    if row is None:
        raise NotFoundError("Không tìm thấy mục cần xem lại này.")
    kind, table, row_id, field, heads_text, closed = row
    if closed is not None:
        raise ValidationError("Mục này đã được xử lý.")
    if kind not in ("same_field", "edit_vs_delete"):
        raise ValidationError(
            "Mục này không chọn giá trị được; hãy đăng ký lại máy hoặc chỉnh đồng hồ rồi đánh"
            " dấu đã xem."
        )
    if table == "progress":
        progress_service.check_progress_field(db, row_id, field, chosen_value)
    seen = [(str(o), int(s)) for o, s in json.loads(heads_text)]
    return apply_local_edits(
        db, [Edit(table, row_id, {field: chosen_value})], author=author, force=True, seen=seen
    )


def dismiss_conflict(db: Database, conflict_id: str) -> None:
    """Mark a fork or clock card as seen on this PC (they have no value to choose)."""
    row = db.execute("SELECT kind FROM conflict WHERE id = ?", [conflict_id]).fetchone()
    if row is None:
        raise NotFoundError("Không tìm thấy mục cần xem lại này.")
    if row[0] not in ("fork", "clock_suspect"):
        raise ValidationError("Hãy chọn giá trị để xử lý mục này.")
    with db.atomic():
        db.execute(
            "UPDATE conflict SET closed_by_origin = ?, closed_by_seq = 0 WHERE id = ?",
            [local_site(db).site_id, conflict_id],
        )


def list_quarantine(db: Database) -> list[QuarantineView]:
    """Changes set aside (not permitted, revoked PC, invalid value, duplicated machine id)."""
    names = _Names(db)
    views: list[QuarantineView] = []
    for origin, seq, reason, raw, at in db.execute(
        "SELECT origin, seq, reason, raw, at FROM quarantine WHERE reason != ?"
        " ORDER BY at, origin, seq",
        [OWN_SETTING],
    ).fetchall():
        obj: dict[str, Any] = {}
        try:
            parsed = json.loads(raw) if raw else {}
            obj = parsed if isinstance(parsed, dict) else {}
        except ValueError:
            obj = {}
        table, row_id, field = (
            str(obj.get("tbl", "")),
            str(obj.get("row_id", "")),
            str(obj.get("field", "")),
        )
        views.append(
            QuarantineView(
                origin=origin,
                seq=seq,
                reason=reason,
                reason_text=REASONS.get(reason, reason),
                table=table,
                row_id=row_id,
                field=field,
                field_label=FIELD_LABELS.get(field, field),
                record=describe_record(db, table, row_id) if table else "",
                value=obj.get("value"),
                author=str(obj.get("author", "")),
                when=_moment(obj.get("edited_wall")),
                site_name=names.site(origin),
                received_at=_moment(at),
            )
        )
    return views


def record_history(db: Database, table: str, row_id: str) -> list[HistoryEntry]:
    """Every logged change of a record, oldest first: who, when, which PC, old → new value."""
    names = _Names(db)
    heads = {
        (f, o, s)
        for f, o, s in db.execute(
            "SELECT field, origin, seq FROM field_head WHERE tbl = ? AND row_id = ?",
            [table, row_id],
        ).fetchall()
    }
    quarantined = {
        (o, s): r
        for o, s, r in db.execute(
            "SELECT q.origin, q.seq, q.reason FROM quarantine q JOIN change_log c"  # noqa: S608
            " ON c.origin = q.origin AND c.seq = q.seq WHERE c.tbl = ? AND c.row_id = ?"
            f" AND q.reason IN ({EXCLUDED_MARKS})",
            [table, row_id, *EXCLUDED_REASONS],
        ).fetchall()
    }
    rows = db.execute(
        "SELECT origin, seq, field, value, author, edited_wall, hlc_wall, hlc_ctr,"
        " received_bundle FROM change_log WHERE tbl = ? AND row_id = ?"
        " ORDER BY hlc_wall, hlc_ctr, origin, seq",
        [table, row_id],
    ).fetchall()
    winners: dict[str, tuple[int, int, str]] = {}
    for origin, seq, field, _v, _a, _e, wall, ctr, _b in rows:
        if (field, origin, seq) in heads:
            order = (wall, ctr, origin)
            if field not in winners or order > winners[field]:
                winners[field] = order
    previous: dict[str, Any] = {}
    entries: list[HistoryEntry] = []
    for origin, seq, field, value, author, edited, wall, ctr, bundle in rows:
        new = _decode(value)
        reason = quarantined.get((origin, seq))
        if reason is not None:
            status = REASONS.get(reason, reason)
        elif winners.get(field) == (wall, ctr, origin):
            status = "Đang dùng"
        elif (field, origin, seq) in heads:
            status = "Giá trị khác (cần xem lại)"
        else:
            status = "Đã được thay"
        entries.append(
            HistoryEntry(
                origin=origin,
                seq=seq,
                when=_moment(edited),
                author=author or "",
                site_name=names.site(origin),
                field=field,
                field_label=FIELD_LABELS.get(field, field),
                old=previous.get(field),
                new=new,
                status=status,
                bundle=names.bundle(bundle),
            )
        )
        if reason is None:
            previous[field] = new
    return entries
