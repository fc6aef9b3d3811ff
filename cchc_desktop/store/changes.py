"""The single write path (DESIGN.md §4, sync.md §5.3): every business change goes through here.

`apply_local_edits` checks who may write each field, writes the rows and, in the same
transaction, appends one change-log entry per changed field (origin site, sequence, HLC stamp,
table, row, field, value), records the version vector the author had seen, and moves the field's
merge heads. Sync, history and undo all read what this writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from cchc_desktop.domain.text import nfc
from cchc_desktop.errors import OwnershipError
from cchc_desktop.store import ownership
from cchc_desktop.store.site import hlc_tick, local_site, now_ms

# Tables written through this path; the rest (log, merge state, identity) belong to the store.
BUSINESS_TABLES = frozenset(
    {
        "agency",
        "agency_alias",
        "plan",
        "plan_node",
        "appendix",
        "task",
        "task_agency",
        "milestone",
        "progress",
        "evidence",
        "indicator",
        "indicator_value",
        "setting",
        "day_off",
        "document_register",
    }
)

Value = str | int | None


@dataclass(frozen=True, slots=True)
class Edit:
    """New values for some columns of one row (the row is created if it does not exist)."""

    table: str
    row_id: str
    values: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class FieldChange:
    table: str
    row_id: str
    field: str
    old: Value
    new: Value
    created: bool  # the row did not exist before this edit


@dataclass(frozen=True, slots=True)
class Changes:
    """What one write did, for views to refresh selectively (Anki's OpChanges)."""

    fields: tuple[FieldChange, ...] = ()
    tables: frozenset[str] = field(default=frozenset())

    def touches(self, table: str) -> bool:
        return table in self.tables

    def rows(self, table: str) -> set[str]:
        return {c.row_id for c in self.fields if c.table == table}

    def __bool__(self) -> bool:
        return bool(self.fields)


def canonical_json(value: object) -> str:
    """The one JSON form hashed and exchanged: sorted keys, no spaces, UTF-8 text kept."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def change_hash(
    origin: str,
    seq: int,
    tx_seq: int,
    hlc: tuple[int, int],
    table: str,
    row_id: str,
    field_name: str,
    value: str | None,
) -> bytes:
    """sha256 of the canonical change; equal ids with different hashes are a fork."""
    payload = canonical_json([origin, seq, tx_seq, list(hlc), table, row_id, field_name, value])
    return hashlib.sha256(payload.encode("utf-8")).digest()


def normalise_value(value: object) -> Value:
    """Column value as stored: NFC text, ints, None; lists as JSON text, dates as ISO text."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return canonical_json([nfc(v) if isinstance(v, str) else v for v in value])
    raise TypeError(f"cannot store {type(value).__name__} in the change log: {value!r}")


_COLUMNS: dict[tuple[int, str], tuple[str, ...]] = {}


def table_columns(db: Database, table: str) -> tuple[str, ...]:
    key = (id(db.conn), table)
    cols = _COLUMNS.get(key)
    if cols is None:
        if table not in BUSINESS_TABLES:
            raise ValueError(f"{table} is not written through the change log")
        cols = tuple(r[1] for r in db.execute(f"PRAGMA table_info({table})").fetchall())
        _COLUMNS[key] = cols
    return cols


def version_vector(db: Database) -> dict[str, int]:
    """What this database holds: per origin, the highest seq of its contiguous prefix."""
    return dict(db.execute("SELECT origin, contiguous_max FROM origin_progress"))


def apply_local_edits(
    db: Database,
    edits: Iterable[Edit],
    *,
    author: str = "",
    check_ownership: bool = True,
) -> Changes:
    """Write `edits` as one transaction through the change log; return what changed.

    Fields whose value does not change are not logged. Raises OwnershipError (and writes
    nothing) when this site may not write one of the fields.
    """
    with db.atomic():
        site = local_site(db)
        planned: list[tuple[Edit, dict[str, Any] | None, dict[str, Value]]] = []
        for edit in _merge_same_row(edits):
            cols = table_columns(db, edit.table)
            values = {name: normalise_value(v) for name, v in edit.values.items()}
            unknown = set(values) - set(cols) | ({"id"} & set(values))
            if unknown:
                raise ValueError(f"unknown columns for {edit.table}: {sorted(unknown)}")
            old = _fetch_row(db, edit.table, edit.row_id, cols)
            changed = {k: v for k, v in values.items() if old is None or old.get(k) != v}
            if not changed:
                continue
            if check_ownership:
                merged = {**(old or {}), **values}
                reason = ownership.refusal(db, site, edit.table, merged, changed)
                if reason:
                    raise OwnershipError(reason)
            planned.append((edit, old, changed))
        count = sum(len(changed) for _, _, changed in planned)
        if count == 0:
            return Changes()
        return _write(db, site.site_id, planned, count, author)


def _merge_same_row(edits: Iterable[Edit]) -> list[Edit]:
    """One edit per row, at the place of its first edit; later values win."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for edit in edits:
        merged.setdefault((edit.table, edit.row_id), {}).update(edit.values)
    return [Edit(table, row_id, values) for (table, row_id), values in merged.items()]


def _fetch_row(db: Database, table: str, row_id: str, cols: Sequence[str]) -> dict[str, Any] | None:
    row = db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id]).fetchone()  # noqa: S608
    return dict(zip(cols, row, strict=True)) if row is not None else None


def _write(
    db: Database,
    origin: str,
    planned: list[tuple[Edit, dict[str, Any] | None, dict[str, Value]]],
    count: int,
    author: str,
) -> Changes:
    first_seq, tx_seq = db.execute("SELECT next_seq, next_tx FROM local_site").fetchone()
    last_seq = first_seq + count - 1
    db.execute("UPDATE local_site SET next_seq = ?, next_tx = ?", [last_seq + 1, tx_seq + 1])
    stamps = hlc_tick(db, count)
    vv = version_vector(db)
    vv[origin] = last_seq
    db.execute(
        "INSERT INTO change_tx (origin, tx_seq, vv) VALUES (?, ?, ?)",
        [origin, tx_seq, canonical_json(vv)],
    )
    wall = now_ms()
    log_rows: list[tuple[Any, ...]] = []
    head_rows: list[tuple[str, str, str, str, int]] = []
    results: list[FieldChange] = []
    seq = first_seq
    for edit, old, changed in planned:
        if old is None:
            columns = ["id", *changed]
            marks = ", ".join("?" for _ in columns)
            db.execute(
                f"INSERT INTO {edit.table} ({', '.join(columns)}) VALUES ({marks})",  # noqa: S608
                [edit.row_id, *changed.values()],
            )
        else:
            assignments = ", ".join(f"{name} = ?" for name in changed)
            db.execute(
                f"UPDATE {edit.table} SET {assignments} WHERE id = ?",  # noqa: S608
                [*changed.values(), edit.row_id],
            )
            # A local edit has seen every head this PC holds up to its version vector.
            for name in changed:
                _retire_seen_heads(db, edit.table, edit.row_id, name, vv)
        for name, value in changed.items():
            stamp = stamps[seq - first_seq]
            logged = canonical_json(value)
            log_rows.append(
                (
                    origin,
                    seq,
                    tx_seq,
                    stamp[0],
                    stamp[1],
                    edit.table,
                    edit.row_id,
                    name,
                    logged,
                    author,
                    wall,
                    change_hash(origin, seq, tx_seq, stamp, edit.table, edit.row_id, name, logged),
                )
            )
            head_rows.append((edit.table, edit.row_id, name, origin, seq))
            results.append(
                FieldChange(
                    edit.table,
                    edit.row_id,
                    name,
                    None if old is None else old.get(name),
                    value,
                    old is None,
                )
            )
            seq += 1
    db.conn.executemany(
        "INSERT INTO change_log (origin, seq, tx_seq, hlc_wall, hlc_ctr, tbl, row_id, field,"
        " value, author, edited_wall, content_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        log_rows,
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO field_head (tbl, row_id, field, origin, seq) VALUES (?,?,?,?,?)",
        head_rows,
    )
    db.execute(
        "INSERT INTO origin_progress (origin, contiguous_max) VALUES (?, ?)"
        " ON CONFLICT (origin) DO UPDATE SET contiguous_max = excluded.contiguous_max",
        [origin, last_seq],
    )
    return Changes(tuple(results), frozenset(c.table for c in results))


def _retire_seen_heads(
    db: Database, table: str, row_id: str, field_name: str, vv: Mapping[str, int]
) -> None:
    heads = db.execute(
        "SELECT origin, seq FROM field_head WHERE tbl = ? AND row_id = ? AND field = ?",
        [table, row_id, field_name],
    ).fetchall()
    seen = [(o, s) for o, s in heads if s <= vv.get(o, 0)]
    if seen:
        db.conn.executemany(
            "DELETE FROM field_head WHERE tbl = ? AND row_id = ? AND field = ? AND origin = ?"
            " AND seq = ?",
            [(table, row_id, field_name, o, s) for o, s in seen],
        )
