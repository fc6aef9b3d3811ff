"""A record's history for the clerk, read from the change log.

One entry per edit: the fields one save changed (one transaction of the log) are one entry,
named the way the clerk knows them: "Nguyễn Văn A, 10:42 04/12/2020 trên máy VP-01: Tiến độ
quý I năm 2020 – Xã Minh Sơn: Tỷ lệ hoàn thành 40 % → 60 %; Kết quả …". Ids become names,
an evidence file is its file name, and bookkeeping fields (order, hashes, the row's own keys,
"not deleted") are left out.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from cchc_desktop import formatting
from cchc_desktop.domain.labels import (
    BOOLEAN_FIELDS,
    MILESTONE_KIND_LABELS,
    NODE_KIND_LABELS,
    field_label,
)
from cchc_desktop.domain.model import (
    ROLE_LABELS,
    WORK_STATE_LABELS,
    AgencyRole,
    MilestoneKind,
    NodeKind,
    WorkState,
)
from cchc_desktop.domain.periods import PERIOD_LABELS, ReportingPeriod, period_phrase

# Fields that only keep the books: a row's keys (named by the entry's record), its order,
# a file's hash and size.
HIDDEN_FIELDS = frozenset(
    {
        "ord",
        "sha256",
        "size",
        "task_id",
        "plan_id",
        "appendix_id",
        "progress_id",
        "unit_id",
        "year",
        "period",
        "parent_id",
    }
)
EMPTY = "(trống)"
# Fields that point at the amending decision behind a change of the plan.
AMENDMENT_FIELDS = frozenset({"amendment_id", "added_by", "cancelled_by"})


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    when: dt.datetime  # the author's PC time when saved (display only)
    author: str
    site: str  # the PC's display name, or its site id when unknown
    table: str
    row_id: str
    field: str
    old: object
    new: object
    tx: tuple[str, int] = ("", 0)  # (origin, tx_seq): the fields saved together


@dataclass(frozen=True, slots=True)
class FieldChange:
    label: str
    old: str
    new: str

    def text(self) -> str:
        if self.old == EMPTY:
            return f"{self.label}: {self.new}"
        return f"{self.label}: {self.old} → {self.new}"


@dataclass(frozen=True, slots=True)
class HistoryItem:
    """One edit of one record: who, when, on which PC, and the fields it changed."""

    when: dt.datetime
    author: str
    site: str
    record: str  # "Nhiệm vụ", "Tiến độ quý I năm 2020 – Xã Minh Sơn", "Minh chứng: a.pdf"
    action: str  # "" for a change, "Thêm" when the record was created, "Xoá" when removed
    changes: tuple[FieldChange, ...]

    def who(self) -> str:
        stamp = f"{self.when:%H:%M} {formatting.date_short(self.when.date())}"
        return f"{self.author or '(không rõ)'}, {stamp} trên máy {self.site}"

    def what(self) -> str:
        head = (
            f"{self.action} {self.record[:1].lower()}{self.record[1:]}"
            if self.action
            else (self.record)
        )
        if not self.changes:
            return head
        return f"{head}: " + "; ".join(c.text() for c in self.changes)

    def text(self) -> str:
        return f"{self.who()}: {self.what()}"


def record_history(
    db: Database, table: str, row_ids: list[str] | str, *, limit: int = 500
) -> list[HistoryEntry]:
    """Every logged change of the given rows, newest first, with the value each one replaced.

    The old value is the previous change of the same field in causal (origin, seq) order of
    this PC's log, which is what the clerk saw replaced.
    """
    ids = [row_ids] if isinstance(row_ids, str) else list(row_ids)
    if not ids:
        return []
    marks = ",".join("?" for _ in ids)
    # The f-string below adds only "?" placeholders, one per row id.
    sql = (
        "SELECT c.origin, c.tx_seq, c.row_id, c.field, c.value, c.author, c.edited_wall,"  # noqa: S608
        " coalesce(nullif(s.display_name, ''), nullif(l.display_name, ''), c.origin)"
        " FROM change_log c LEFT JOIN site s ON s.site_id = c.origin"
        " LEFT JOIN local_site l ON l.site_id = c.origin"
        f" WHERE c.tbl = ? AND c.row_id IN ({marks})"
        " ORDER BY c.hlc_wall, c.hlc_ctr, c.origin"
    )
    rows = db.execute(sql, [table, *ids]).fetchall()
    previous: dict[tuple[str, str], object] = {}
    entries: list[HistoryEntry] = []
    for origin, tx_seq, row_id, field, value, author, wall, site in rows:
        new = json.loads(value) if value is not None else None
        key = (row_id, field)
        entries.append(
            HistoryEntry(
                when=dt.datetime.fromtimestamp((wall or 0) / 1000, tz=dt.UTC).astimezone(),
                author=author or "",
                site=site,
                table=table,
                row_id=row_id,
                field=field,
                old=previous.get(key),
                new=new,
                tx=(origin, tx_seq),
            )
        )
        previous[key] = new
    entries.reverse()
    return entries[:limit]


# ---------------------------------------------------------------- values as the clerk reads them


def value_text(field: str, value: object, names: Callable[[str, str], str] | None = None) -> str:
    """A logged value: labels for codes, dd/MM/yyyy dates, names for ids, lists joined."""
    if value is None or value == "":
        return EMPTY
    if field == "deleted":
        return "Đã xoá" if value else "Còn dùng"
    if field == "approved":
        return "Đã phê duyệt" if value else "Chưa phê duyệt"
    if field in BOOLEAN_FIELDS:
        return "Có" if value else "Không"
    if isinstance(value, str):
        if names is not None and (field.endswith("_id") or field in AMENDMENT_FIELDS):
            return names(field, value)
        converted = _coded(field, value)
        if converted is not None:
            return converted
        if field == "products" and value.startswith("["):
            try:
                items = json.loads(value)
            except ValueError:
                return value
            return "; ".join(str(i) for i in items) if items else EMPTY
        return value
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) if value else EMPTY
    if field == "percent" and isinstance(value, int):
        return f"{value} %"
    return str(value)


def _coded(field: str, value: str) -> str | None:
    try:
        if field == "state":
            return WORK_STATE_LABELS[WorkState(value)]
        if field == "role":
            return ROLE_LABELS[AgencyRole(value)]
        if field == "period" and value in ReportingPeriod.__members__:
            return PERIOD_LABELS[ReportingPeriod(value)]
        if field == "kind":
            if value in MilestoneKind._value2member_map_:
                return MILESTONE_KIND_LABELS[MilestoneKind(value)]
            if value in NodeKind._value2member_map_:
                return NODE_KIND_LABELS[NodeKind(value)]
        if field in {"due", "completed_on", "decision_date"}:
            return formatting.date_short(dt.date.fromisoformat(value))
    except ValueError:
        return None
    return None


class _Names:
    """Names for the ids a change log holds (cached for one history)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._cache: dict[tuple[str, str], str] = {}
        self.amendments: dict[str, str] = {}  # amending decision id → "QĐ 125/QĐ-UBND ngày …"

    def __call__(self, field: str, row_id: str) -> str:
        key = (field, row_id)
        if key not in self._cache:
            self._cache[key] = self._lookup(field, row_id) or "(đã xoá)"
        return self._cache[key]

    def _lookup(self, field: str, row_id: str) -> str | None:
        if field in AMENDMENT_FIELDS:
            return self.amendments.get(row_id)
        one = self._db.execute
        if field in {"agency_id", "unit_id"}:
            row = one("SELECT name FROM agency WHERE id = ?", [row_id]).fetchone()
            return str(row[0]) if row else None
        if field == "task_id":
            row = one(
                "SELECT a.number, t.no FROM task t JOIN appendix a ON a.id = t.appendix_id"
                " WHERE t.id = ?",
                [row_id],
            ).fetchone()
            return f"Nhiệm vụ {row[0]}.{row[1]}" if row else None
        if field == "plan_id":
            row = one("SELECT year FROM plan WHERE id = ?", [row_id]).fetchone()
            return f"Kế hoạch năm {row[0]}" if row else None
        if field == "appendix_id":
            row = one("SELECT number FROM appendix WHERE id = ?", [row_id]).fetchone()
            return f"Phụ lục số {int(row[0]):02d}" if row else None
        if field == "parent_id":
            row = one("SELECT number, text FROM plan_node WHERE id = ?", [row_id]).fetchone()
            return (f"{row[0]} {row[1][:40]}".strip() or "(mục)") if row else None
        return None


# ---------------------------------------------------------------- a tree node's history


def node_history(db: Database, table: str, row_id: str, *, limit: int = 500) -> list[HistoryItem]:
    """The history of a tree node, newest first, one item per edit of each record.

    A part or appendix: its own row. A task: its row, agencies, milestones, progress reports and
    evidence files.
    """
    names = _Names(db)
    if table != "task":
        own = "Phụ lục" if table == "appendix" else "Nội dung"
        return _grouped({row_id: own}, record_history(db, table, row_id, limit=limit), names)
    items = _task_own_history(db, row_id, limit, names)
    for sub_table, sql, name in _TASK_PARTS:
        records = {rid: name(rest) for rid, *rest in db.execute(sql, [row_id]).fetchall()}
        items += _grouped(records, record_history(db, sub_table, list(records), limit=limit), names)
    items.sort(key=lambda item: item.when, reverse=True)
    return items[:limit]


_TASK_PARTS: tuple[tuple[str, str, Callable[[list[object]], str]], ...] = (
    (
        "task_agency",
        "SELECT ta.id, g.name FROM task_agency ta JOIN agency g ON g.id = ta.agency_id"
        " WHERE ta.task_id = ?",
        lambda r: f"Cơ quan {r[0]}",
    ),
    (
        "milestone",
        "SELECT id, ord FROM milestone WHERE task_id = ?",
        lambda r: f"Mốc thời hạn {int(str(r[0])) + 1}",
    ),
    (
        "progress",
        "SELECT p.id, p.period, p.year, g.name FROM progress p"
        " JOIN agency g ON g.id = p.unit_id WHERE p.task_id = ?",
        lambda r: f"Tiến độ {period_phrase(ReportingPeriod(str(r[0])), int(str(r[1])))} – {r[2]}",
    ),
    (
        "evidence",
        "SELECT e.id, e.file_name FROM evidence e JOIN progress p ON p.id = e.progress_id"
        " WHERE p.task_id = ?",
        lambda r: f"Minh chứng “{r[0]}”",
    ),
)


def _task_own_history(db: Database, task_id: str, limit: int, names: _Names) -> list[HistoryItem]:
    """The task row's edits; one saved under an amending decision names it."""
    from cchc_desktop.services.amendment_service import list_amendments

    plan = db.execute("SELECT plan_id FROM task WHERE id = ?", [task_id]).fetchone()
    names.amendments = {a.id: a.label for a in list_amendments(db, plan[0])} if plan else {}
    entries = record_history(db, "task", task_id, limit=limit)
    behind = {
        e.tx: names.amendments[str(e.new)]
        for e in entries
        if e.field in AMENDMENT_FIELDS and str(e.new) in names.amendments
    }
    items: list[HistoryItem] = []
    for tx in dict.fromkeys(e.tx for e in entries):
        label = f"Nhiệm vụ (theo {behind[tx]})" if tx in behind else "Nhiệm vụ"
        items += _grouped({task_id: label}, [e for e in entries if e.tx == tx], names)
    return items


def _grouped(
    records: dict[str, str], entries: list[HistoryEntry], names: _Names
) -> list[HistoryItem]:
    """The entries of one save (one transaction) of one record become one item."""
    order: list[tuple[tuple[str, int], str]] = []
    by_edit: dict[tuple[tuple[str, int], str], list[HistoryEntry]] = {}
    for entry in entries:
        key = (entry.tx, entry.row_id)
        if key not in by_edit:
            order.append(key)
            by_edit[key] = []
        by_edit[key].append(entry)
    items = []
    for key in order:
        group = by_edit[key]
        first = group[0]
        fields = {e.field: e for e in group}
        created = all(e.old is None for e in group) and len(group) > 1
        removed = "deleted" in fields and bool(fields["deleted"].new)
        revived = "deleted" in fields and bool(fields["deleted"].old) and not removed
        action = "Xoá" if removed else "Thêm" if created else "Khôi phục" if revived else ""
        record = records.get(first.row_id, field_label(first.table))
        changes = tuple(
            FieldChange(
                field_label(e.field),
                value_text(e.field, e.old, names),
                value_text(e.field, e.new, names),
            )
            for e in reversed(group)
            if e.field not in HIDDEN_FIELDS
            and e.field != "deleted"
            and not (created and _blank(e.field, e.new))
            # A new record's name is already in its heading ("Minh chứng “a.pdf”").
            and not (created and value_text(e.field, e.new, names) in record)
            and not removed
        )
        if not changes and not action:
            continue  # only bookkeeping changed
        items.append(
            HistoryItem(
                when=first.when,
                author=first.author,
                site=first.site,
                record=record,
                action=action,
                changes=changes,
            )
        )
    return items


def _blank(field: str, value: object) -> bool:
    """Nothing to say when a record is created with this value."""
    return value is None or value == "" or (field in BOOLEAN_FIELDS and not value)
