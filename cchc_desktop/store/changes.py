"""The single write path (DESIGN.md §4, sync.md §5.3) and the merge rule it shares with imports.

`apply_local_edits` checks who may write each field, appends one change-log entry per changed
field (origin site, sequence, HLC stamp, table, row, field, value), records the version vector
the author had seen, and hands the new entries to `Merger`, the one implementation of the
per-field rule of sync.md §5.6 that imports use too:

1. a change that *saw* another (its transaction's version vector covers it, or it is a later
   change of the same origin) supersedes it; the changes nobody saw are the field's *heads*;
2. the winning head is the one with the largest (hlc_wall, hlc_ctr, origin);
3. several heads with different values are a conflict, kept until someone resolves it by an
   ordinary edit that saw them all;
4. `deleted` is an ordinary field; a deleted row with a concurrent edit is flagged for review.

The business tables are a view of the log: `Merger` writes each touched field's winner.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Any

from sqlite_utils import Database

from cchc_desktop.domain.text import nfc
from cchc_desktop.errors import OwnershipError
from cchc_desktop.store import ownership
from cchc_desktop.store.site import (
    EditBlockedError,
    edit_refusal,
    hlc_tick,
    local_site,
    new_id,
    wall_ms,
)

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
        "par_set",
        "par_criterion",
        "par_score",
        "par_evidence",
    }
)

# Quarantined changes with these reasons never take part in the merge (fork copies are not in
# change_log at all: the log keeps the first copy received).
EXCLUDED_REASONS = ("unauthorised", "revoked", "invalid")
MAX_TEXT_CHARS = 1_000_000
_INTEGER = re.compile(r"-?(0|[1-9][0-9]{0,18})")

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


_CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def canonical_json(value: object) -> str:
    """The one JSON form hashed and exchanged: sorted keys, no spaces, UTF-8 text kept."""
    if isinstance(value, str):
        return encode_basestring(value)
    return _CANONICAL.encode(value)


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
    """sha256 of the canonical change; equal ids with different hashes are a fork.

    The payload is canonical_json([origin, seq, tx_seq, [wall, ctr], table, row_id, field,
    value]), built directly (this runs once per change on every import).
    """
    q = encode_basestring
    payload = (
        f"[{q(origin)},{int(seq)},{int(tx_seq)},[{int(hlc[0])},{int(hlc[1])}],{q(table)},"
        f"{q(row_id)},{q(field_name)},{'null' if value is None else q(value)}]"
    )
    return hashlib.sha256(payload.encode("utf-8")).digest()


@dataclass(frozen=True, slots=True)
class LoggedChange:
    """One change_log entry. `value` is the canonical JSON text of the new value."""

    origin: str
    seq: int
    tx_seq: int
    hlc_wall: int
    hlc_ctr: int
    table: str
    row_id: str
    field: str
    value: str | None
    author: str = ""
    edited_wall: int | None = None

    def content_hash(self) -> bytes:
        return change_hash(
            self.origin,
            self.seq,
            self.tx_seq,
            (self.hlc_wall, self.hlc_ctr),
            self.table,
            self.row_id,
            self.field,
            self.value,
        )


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


def required_columns(db: Database, table: str) -> frozenset[str]:
    """Columns a row cannot exist without (NOT NULL, no default), `id` excepted."""
    rows = db.execute(f"PRAGMA table_info({table})").fetchall()
    return frozenset(r[1] for r in rows if r[3] and r[4] is None and r[1] != "id")


def version_vector(db: Database) -> dict[str, int]:
    """What this database holds: per origin, the highest seq of its contiguous prefix."""
    return dict(db.execute("SELECT origin, contiguous_max FROM origin_progress"))


def saw(a_origin: str, a_seq: int, a_vv: Mapping[str, int], b_origin: str, b_seq: int) -> bool:
    """Whether change A had seen change B when it was made (sync.md §5.6 rule 2)."""
    if a_origin == b_origin:
        return a_seq > b_seq
    return a_vv.get(b_origin, 0) >= b_seq


# ---------------------------------------------------------------------------- value checks


def _split_top_level(text: str, sep: str = ",") -> list[str]:
    parts: list[str] = []
    depth = 0
    quote = ""
    current: list[str] = []
    for ch in text:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def _check_expression(column_def: str) -> str | None:
    """The expression of a column's CHECK constraint, read from its definition."""
    upper = column_def.upper()
    at = upper.find("CHECK")
    if at < 0:
        return None
    start = column_def.index("(", at)
    depth = 0
    quote = ""
    for i in range(start, len(column_def)):
        ch = column_def[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return column_def[start + 1 : i]
    return None


def _strip_comments(sql: str) -> str:
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


class ValueChecker:
    """Whether a logged value may stand in its column: JSON type, NOT NULL and CHECK rules.

    The rules are read from the schema itself, so a change that the author's PC could not have
    written (a damaged or hostile bundle) is recognised the same way on every PC.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._rules: dict[str, dict[str, tuple[bool, str | None]]] = {}
        self._cache: dict[tuple[str, str, str | None], str | None] = {}

    def _table_rules(self, table: str) -> dict[str, tuple[bool, str | None]]:
        rules = self._rules.get(table)
        if rules is None:
            info = self._db.execute(f"PRAGMA table_info({table})").fetchall()
            notnull = {r[1]: bool(r[3]) for r in info}
            sql = self._db.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
            ).fetchone()[0]
            sql = _strip_comments(sql)
            body = sql[sql.index("(") + 1 : sql.rindex(")")]
            checks: dict[str, str] = {}
            for part in _split_top_level(body):
                words = part.strip().split(None, 1)
                if words and words[0].strip('"') in notnull:
                    expression = _check_expression(part)
                    if expression:
                        checks[words[0].strip('"')] = expression
            rules = {name: (notnull[name], checks.get(name)) for name in notnull if name != "id"}
            self._rules[table] = rules
        return rules

    def problem(self, table: str, field_name: str, value: str | None) -> str | None:
        """None when the value is acceptable, else a short Vietnamese reason."""
        rules = self._table_rules(table) if table in BUSINESS_TABLES else {}
        if rules.get(field_name, (False, None))[1] is None:
            return self._problem(table, field_name, value)
        # Columns with a CHECK hold few distinct values: remember the verdicts.
        key = (table, field_name, value)
        if key not in self._cache:
            if len(self._cache) >= 10_000:
                self._cache.clear()
            self._cache[key] = self._problem(table, field_name, value)
        return self._cache[key]

    def _problem(self, table: str, field_name: str, value: str | None) -> str | None:
        if table not in BUSINESS_TABLES:
            return f"bảng “{table}” không được đồng bộ"
        rules = self._table_rules(table)
        if field_name not in rules:
            return f"bảng “{table}” không có trường “{field_name}”"
        decoded: Any
        if value is None or value == "null":
            decoded = None
        elif value[:1] == '"':
            # Canonical JSON text of a string (the importer re-encodes every line it reads).
            if len(value) > MAX_TEXT_CHARS:
                return f"giá trị của trường “{field_name}” quá dài"
            decoded = json.loads(value) if rules[field_name][1] is not None else value
        elif _INTEGER.fullmatch(value):
            decoded = int(value)
        else:
            return f"giá trị của trường “{field_name}” không đúng kiểu"
        notnull, check = rules[field_name]
        if notnull and decoded is None:
            return f"trường “{field_name}” không được để trống"
        if check is not None:
            ok = self._db.execute(
                f'SELECT ({check}) IS NOT 0 FROM (SELECT ? AS "{field_name}")',  # noqa: S608
                [decoded],
            ).fetchone()[0]
            if not ok:
                return f"giá trị “{decoded}” không hợp lệ cho trường “{field_name}”"
        return None


# ---------------------------------------------------------------------------- merge


@dataclass(slots=True)
class _Version:
    origin: str
    seq: int
    wall: int
    ctr: int
    value: str | None
    vv: Mapping[str, int]

    def order(self) -> tuple[int, int, str]:
        return (self.wall, self.ctr, self.origin)

    def saw(self, other: _Version) -> bool:
        return saw(self.origin, self.seq, self.vv, other.origin, other.seq)


@dataclass(slots=True)
class _FieldState:
    heads: list[_Version]
    initial: frozenset[tuple[str, int]]


@dataclass(slots=True)
class MergeStats:
    """What merging did: changes taken into account, conflicts opened and closed, tables."""

    merged: int = 0
    conflicts_opened: int = 0
    conflicts_closed: int = 0
    rows_waiting: int = 0  # rows still missing a required field (their creation not received)
    tables: set[str] = field(default_factory=set)


def _winner(heads: Sequence[_Version]) -> _Version:
    return max(heads, key=_Version.order)


class Merger:
    """Integrates new change_log entries into field heads, the business rows and conflicts.

    Call `add` for each change already appended to change_log (with its transaction's version
    vector), then `flush` (also every few thousand changes to bound memory). `strict` (local
    edits) lets constraint errors propagate; otherwise a row missing a required field waits for
    its creation to arrive. Changes are merged in the order added; heads are loaded in batches.
    """

    def __init__(self, db: Database, *, strict: bool = False, batch: int = 2000) -> None:
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.strict = strict
        self.batch = batch
        self.stats = MergeStats()
        self._pending: list[tuple[LoggedChange, Mapping[str, int]]] = []
        self._fields: dict[tuple[str, str, str], _FieldState] = {}
        self._vv_cache: dict[tuple[str, int], Mapping[str, int]] = {}
        self._required: dict[str, frozenset[str]] = {}

    # -- loading ---------------------------------------------------------------------------

    def _vv(self, origin: str, tx_seq: int, text: str) -> Mapping[str, int]:
        key = (origin, tx_seq)
        vv = self._vv_cache.get(key)
        if vv is None:
            vv = json.loads(text)
            if len(self._vv_cache) > 50_000:
                self._vv_cache.clear()
            self._vv_cache[key] = vv
        return vv

    _HEADS = (
        "SELECT h.tbl, h.row_id, h.field, h.origin, h.seq, c.hlc_wall, c.hlc_ctr, c.value,"
        " c.tx_seq, t.vv FROM {source} CROSS JOIN change_log c ON c.origin = h.origin"
        " AND c.seq = h.seq CROSS JOIN change_tx t ON t.origin = c.origin AND t.tx_seq = c.tx_seq"
    )

    def _load_many(self, keys: list[tuple[str, str, str]]) -> None:
        """Load the current heads of fields not loaded yet (one query for a large batch)."""
        found: dict[tuple[str, str, str], list[_Version]] = {key: [] for key in keys}
        if len(keys) <= 16:
            sql = self._HEADS.format(source="field_head h") + (
                " WHERE h.tbl = ? AND h.row_id = ? AND h.field = ?"
            )
            rows: list[Any] = []
            for key in keys:
                rows.extend(self.conn.execute(sql, key).fetchall())
        else:
            self.conn.execute(
                "CREATE TEMP TABLE IF NOT EXISTS _merge_keys (tbl TEXT NOT NULL, row_id TEXT"
                " NOT NULL, field TEXT NOT NULL, PRIMARY KEY (tbl, row_id, field)) WITHOUT ROWID"
            )
            self.conn.execute("DELETE FROM _merge_keys")
            self.conn.executemany("INSERT INTO _merge_keys VALUES (?, ?, ?)", keys)
            # CROSS JOIN fixes the loop order: the temp table has no statistics.
            source = (
                "_merge_keys k CROSS JOIN field_head h ON h.tbl = k.tbl AND h.row_id = k.row_id"
                " AND h.field = k.field"
            )
            rows = self.conn.execute(self._HEADS.format(source=source)).fetchall()
        for tbl, row_id, fld, o, s, w, c, v, tx, vv in rows:
            found[(tbl, row_id, fld)].append(_Version(o, s, w, c, v, self._vv(o, tx, vv)))
        for key, heads in found.items():
            self._fields[key] = _FieldState(heads, frozenset((h.origin, h.seq) for h in heads))

    def _seen_by_any(self, key: tuple[str, str, str], version: _Version) -> bool:
        """Whether any merged-or-pending change of the field saw `version` (full scan)."""
        rows = self.conn.execute(
            "SELECT c.origin, c.seq, c.tx_seq, t.vv FROM change_log c"
            " JOIN change_tx t ON t.origin = c.origin AND t.tx_seq = c.tx_seq"
            " WHERE c.tbl = ? AND c.row_id = ? AND c.field = ?"
            " AND NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.origin = c.origin"
            " AND q.seq = c.seq AND q.reason IN (?, ?, ?))",
            [*key, *EXCLUDED_REASONS],
        ).fetchall()
        for origin, seq, tx_seq, vv_text in rows:
            if origin == version.origin and seq == version.seq:
                continue
            if saw(origin, seq, self._vv(origin, tx_seq, vv_text), version.origin, version.seq):
                return True
        return False

    # -- merging ---------------------------------------------------------------------------

    def add(self, change: LoggedChange, vv: Mapping[str, int]) -> None:
        """Take one new change into account (it must already be in change_log)."""
        self._pending.append((change, vv))
        if len(self._pending) >= self.batch:
            self._process()

    def _process(self) -> None:
        pending, self._pending = self._pending, []
        # An ordered set: rows are later written in the order their changes came.
        missing = [
            key
            for key in dict.fromkeys((c.table, c.row_id, c.field) for c, _vv in pending)
            if key not in self._fields
        ]
        if missing:
            self._load_many(missing)
        for change, vv in pending:
            self._merge(change, vv)

    def _merge(self, change: LoggedChange, vv: Mapping[str, int]) -> None:
        key = (change.table, change.row_id, change.field)
        state = self._fields[key]
        version = _Version(
            change.origin, change.seq, change.hlc_wall, change.hlc_ctr, change.value, vv
        )
        self.stats.merged += 1
        self.stats.tables.add(change.table)
        if any(h.origin == version.origin and h.seq == version.seq for h in state.heads):
            return
        seen_heads = [h for h in state.heads if version.saw(h)]
        if len(seen_heads) == len(state.heads):
            # It saw every head: nothing can have seen it (that would be a causal cycle).
            state.heads = [version]
            return
        kept = [h for h in state.heads if not version.saw(h)]
        is_head = not any(h.saw(version) for h in kept) and not self._seen_by_any(key, version)
        state.heads = [*kept, version] if is_head else kept

    def flush(self) -> None:
        """Write heads, business rows and conflicts for everything added since the last flush."""
        self._process()
        if not self._fields:
            return
        fields = self._fields
        self._fields = {}
        removed: list[tuple[str, str, str, str, int]] = []
        added: list[tuple[str, str, str, str, int]] = []
        rows: dict[tuple[str, str], dict[str, str | None]] = {}
        untouched_before: dict[tuple[str, str], bool] = {}
        for key, state in fields.items():
            current = {(h.origin, h.seq) for h in state.heads}
            removed.extend((*key, o, s) for o, s in state.initial - current)
            added.extend((*key, o, s) for o, s in current - state.initial)
            row_key = (key[0], key[1])
            untouched_before[row_key] = untouched_before.get(row_key, True) and not state.initial
            if state.heads:
                rows.setdefault(row_key, {})[key[2]] = _winner(state.heads).value
        new_rows = self._brand_new_rows([k for k, fresh in untouched_before.items() if fresh])
        self.conn.executemany(
            "DELETE FROM field_head WHERE tbl = ? AND row_id = ? AND field = ? AND origin = ?"
            " AND seq = ?",
            removed,
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO field_head (tbl, row_id, field, origin, seq)"
            " VALUES (?, ?, ?, ?, ?)",
            added,
        )
        deleted_rows: list[tuple[str, str]] = []
        run: dict[tuple[str, str], dict[str, str | None]] = {}
        for row_key, values in rows.items():
            # Rows are written in the order their changes came (foreign keys are checked).
            if row_key in new_rows:
                run[row_key] = values
                continue
            deleted_rows.extend(self._insert_new_rows(run))
            run = {}
            if self._materialise(row_key[0], row_key[1], values):
                deleted_rows.append(row_key)
        deleted_rows.extend(self._insert_new_rows(run))
        for key, state in fields.items():
            if len(state.heads) > 1 or len(state.initial) > 1:
                self._refresh_conflict(key, "same_field", _conflict_heads(state.heads))
        restored = {
            (t, r)
            for (t, r, f), state in fields.items()
            if f == "deleted" and state.heads and _winner(state.heads).value != "1"
        }
        for table, row_id in restored:
            self._refresh_conflict((table, row_id, "deleted"), "edit_vs_delete", None)
        for table, row_id in deleted_rows:
            self._check_edit_vs_delete(table, row_id)

    def _brand_new_rows(self, candidates: list[tuple[str, str]]) -> set[tuple[str, str]]:
        """Rows no field of which had a head before this flush (call before writing heads)."""
        by_table: dict[str, list[str]] = {}
        for table, row_id in candidates:
            by_table.setdefault(table, []).append(row_id)
        fresh: set[tuple[str, str]] = set()
        for table, row_ids in by_table.items():
            for i in range(0, len(row_ids), 500):
                chunk = row_ids[i : i + 500]
                marks = ", ".join("?" for _ in chunk)
                known = {
                    r[0]
                    for r in self.conn.execute(
                        f"SELECT DISTINCT row_id FROM field_head WHERE tbl = ?"  # noqa: S608
                        f" AND row_id IN ({marks})",
                        [table, *chunk],
                    ).fetchall()
                }
                fresh.update((table, r) for r in chunk if r not in known)
        return fresh

    def _insert_new_rows(
        self, rows: Mapping[tuple[str, str], Mapping[str, str | None]]
    ) -> list[tuple[str, str]]:
        """Insert rows born in this flush, in order, batching runs of one table and column set.

        Returns the rows born deleted.
        """
        deleted: list[tuple[str, str]] = []
        group: tuple[str, tuple[str, ...]] | None = None
        params: list[list[Any]] = []
        for (table, row_id), values in rows.items():
            required = self._required.get(table)
            if required is None:
                required = self._required[table] = required_columns(self.db, table)
            if not self.strict and not required <= values.keys():
                self.stats.rows_waiting += 1
                continue
            columns = tuple(sorted(values))
            if (table, columns) != group:
                self._insert_group(group, params)
                group, params = (table, columns), []
            params.append([row_id, *(_decode(values[c]) for c in columns)])
            if values.get("deleted") == "1":
                deleted.append((table, row_id))
        self._insert_group(group, params)
        return deleted

    def _insert_group(
        self, group: tuple[str, tuple[str, ...]] | None, params: list[list[Any]]
    ) -> None:
        if group is None or not params:
            return
        table, columns = group
        names = ", ".join(f'"{c}"' for c in ("id", *columns))
        marks = ", ".join("?" for _ in range(len(columns) + 1))
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns)
        self.conn.executemany(
            f'INSERT INTO "{table}" ({names}) VALUES ({marks})'  # noqa: S608
            f" ON CONFLICT (id) DO UPDATE SET {updates}",
            params,
        )

    # -- business rows ---------------------------------------------------------------------

    def _materialise(self, table: str, row_id: str, values: Mapping[str, str | None]) -> bool:
        """Write the winning values into the row; return whether the row is now deleted."""
        decoded = {name: json.loads(v) if v is not None else None for name, v in values.items()}
        assignments = ", ".join(f'"{name}" = ?' for name in decoded)
        row = self.conn.execute(
            f'UPDATE "{table}" SET {assignments} WHERE id = ? RETURNING deleted',  # noqa: S608
            [*decoded.values(), row_id],
        ).fetchall()
        if row:
            return bool(row[0][0])
        winners = self._row_winners(table, row_id)
        required = self._required.get(table)
        if required is None:
            required = self._required[table] = required_columns(self.db, table)
        if not self.strict and not required <= set(winners):
            self.stats.rows_waiting += 1
            return False
        columns = ["id", *winners]
        marks = ", ".join("?" for _ in columns)
        names = ", ".join(f'"{c}"' for c in columns)
        self.conn.execute(
            f'INSERT INTO "{table}" ({names}) VALUES ({marks})',  # noqa: S608
            [row_id, *winners.values()],
        )
        return bool(winners.get("deleted"))

    def _row_winners(self, table: str, row_id: str) -> dict[str, Any]:
        rows = self.conn.execute(
            "SELECT h.field, c.hlc_wall, c.hlc_ctr, h.origin, c.value FROM field_head h"
            " JOIN change_log c ON c.origin = h.origin AND c.seq = h.seq"
            " WHERE h.tbl = ? AND h.row_id = ?",
            [table, row_id],
        ).fetchall()
        best: dict[str, tuple[tuple[int, int, str], str | None]] = {}
        for name, wall, ctr, origin, value in rows:
            order = (wall, ctr, origin)
            if name not in best or order > best[name][0]:
                best[name] = (order, value)
        return {
            name: json.loads(value) if value is not None else None
            for name, (_order, value) in best.items()
        }

    # -- conflicts -------------------------------------------------------------------------

    def _refresh_conflict(
        self, key: tuple[str, str, str], kind: str, heads: list[list[Any]] | None
    ) -> None:
        """Open, refresh or close the open conflict of `kind` on a field to match `heads`."""
        open_row = self.conn.execute(
            "SELECT id, heads FROM conflict WHERE tbl = ? AND row_id = ? AND field = ?"
            " AND kind = ? AND closed_by_seq IS NULL",
            [*key, kind],
        ).fetchone()
        if heads is None:
            if open_row is not None:
                closer = self._closer(key)
                self.conn.execute(
                    "UPDATE conflict SET closed_by_origin = ?, closed_by_seq = ? WHERE id = ?",
                    [closer[0], closer[1], open_row[0]],
                )
                self.stats.conflicts_closed += 1
            return
        text = canonical_json(heads)
        if open_row is None:
            self.conn.execute(
                "INSERT INTO conflict (id, tbl, row_id, field, kind, heads, opened_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [new_id(), *key, kind, text, wall_ms(self.db)],
            )
            self.stats.conflicts_opened += 1
        elif open_row[1] != text:
            self.conn.execute("UPDATE conflict SET heads = ? WHERE id = ?", [text, open_row[0]])

    def _closer(self, key: tuple[str, str, str]) -> tuple[str, int]:
        row = self.conn.execute(
            "SELECT h.origin, h.seq FROM field_head h JOIN change_log c ON c.origin = h.origin"
            " AND c.seq = h.seq WHERE h.tbl = ? AND h.row_id = ? AND h.field = ?"
            " ORDER BY c.hlc_wall DESC, c.hlc_ctr DESC, h.origin DESC LIMIT 1",
            key,
        ).fetchone()
        return (str(row[0]), int(row[1])) if row is not None else ("", 0)

    def _check_edit_vs_delete(self, table: str, row_id: str) -> None:
        """A deleted row with a field edit nobody saw together with the delete (§5.6 rule 5)."""
        rows = self.conn.execute(
            "SELECT h.field, h.origin, h.seq, c.hlc_wall, c.hlc_ctr, c.value, c.tx_seq, t.vv"
            " FROM field_head h JOIN change_log c ON c.origin = h.origin AND c.seq = h.seq"
            " JOIN change_tx t ON t.origin = c.origin AND t.tx_seq = c.tx_seq"
            " WHERE h.tbl = ? AND h.row_id = ?",
            [table, row_id],
        ).fetchall()
        by_field: dict[str, list[_Version]] = {}
        for name, origin, seq, wall, ctr, value, tx_seq, vv in rows:
            by_field.setdefault(name, []).append(
                _Version(origin, seq, wall, ctr, value, self._vv(origin, tx_seq, vv))
            )
        deletes = by_field.pop("deleted", [])
        heads: list[list[Any]] | None = None
        if deletes and _winner(deletes).value == "1":
            delete = _winner(deletes)
            concurrent = sorted(
                {
                    (v.origin, v.seq)
                    for versions in by_field.values()
                    for v in versions
                    if not delete.saw(v) and not v.saw(delete)
                }
            )
            if concurrent:
                heads = [[delete.origin, delete.seq], *[list(c) for c in concurrent]]
        self._refresh_conflict((table, row_id, "deleted"), "edit_vs_delete", heads)


def _decode(text: str | None) -> Any:
    return json.loads(text) if text is not None else None


def _conflict_heads(heads: Sequence[_Version]) -> list[list[Any]] | None:
    if len(heads) < 2 or len({h.value for h in heads}) < 2:
        return None
    return [[h.origin, h.seq] for h in sorted(heads, key=lambda h: (h.origin, h.seq))]


# ---------------------------------------------------------------------------- local edits


def apply_local_edits(
    db: Database,
    edits: Iterable[Edit],
    *,
    author: str = "",
    check_ownership: bool = True,
    guard: bool = True,
    force: bool = False,
    seen: Iterable[tuple[str, int]] = (),
) -> Changes:
    """Write `edits` as one transaction through the change log; return what changed.

    Fields whose value does not change are not logged, unless `force` (a conflict resolution
    that keeps the value in use must still be recorded). `seen` adds changes the author saw to
    the transaction's version vector (the heads a resolution covers). Raises OwnershipError (and
    writes nothing) when this site may not write one of the fields, and EditBlockedError when
    this PC may not edit at all (`guard` False skips that check: tests, simulations).
    """
    with db.atomic():
        if guard:
            blocked = edit_refusal(db)
            if blocked:
                raise EditBlockedError(blocked)
        site = local_site(db)
        planned: list[tuple[Edit, dict[str, Any] | None, dict[str, Value]]] = []
        for edit in edits:
            cols = table_columns(db, edit.table)
            values = {name: normalise_value(v) for name, v in edit.values.items()}
            unknown = set(values) - set(cols) | ({"id"} & set(values))
            if unknown:
                raise ValueError(f"unknown columns for {edit.table}: {sorted(unknown)}")
            old = _fetch_row(db, edit.table, edit.row_id, cols)
            changed = {k: v for k, v in values.items() if force or old is None or old.get(k) != v}
            if not changed:
                continue
            if check_ownership:
                merged = {**(old or {}), **values}
                reason = ownership.refusal(db, site, edit.table, merged, changed, old_row=old)
                if reason:
                    raise OwnershipError(reason)
            planned.append((edit, old, changed))
        count = sum(len(changed) for _, _, changed in planned)
        if count == 0:
            return Changes()
        return _write(db, site.site_id, planned, count, author, seen)


def _fetch_row(db: Database, table: str, row_id: str, cols: Sequence[str]) -> dict[str, Any] | None:
    row = db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id]).fetchone()  # noqa: S608
    return dict(zip(cols, row, strict=True)) if row is not None else None


def _write(
    db: Database,
    origin: str,
    planned: list[tuple[Edit, dict[str, Any] | None, dict[str, Value]]],
    count: int,
    author: str,
    seen: Iterable[tuple[str, int]],
) -> Changes:
    first_seq, tx_seq = db.execute("SELECT next_seq, next_tx FROM local_site").fetchone()
    last_seq = first_seq + count - 1
    db.execute("UPDATE local_site SET next_seq = ?, next_tx = ?", [last_seq + 1, tx_seq + 1])
    stamps = hlc_tick(db, count)
    vv = version_vector(db)
    for seen_origin, seen_seq in seen:
        vv[seen_origin] = max(vv.get(seen_origin, 0), seen_seq)
    vv[origin] = last_seq
    db.execute(
        "INSERT INTO change_tx (origin, tx_seq, vv) VALUES (?, ?, ?)",
        [origin, tx_seq, canonical_json(vv)],
    )
    wall = wall_ms(db)
    logged: list[LoggedChange] = []
    results: list[FieldChange] = []
    seq = first_seq
    for edit, old, changed in planned:
        for name, value in changed.items():
            stamp = stamps[seq - first_seq]
            logged.append(
                LoggedChange(
                    origin,
                    seq,
                    tx_seq,
                    stamp[0],
                    stamp[1],
                    edit.table,
                    edit.row_id,
                    name,
                    canonical_json(value),
                    author,
                    wall,
                )
            )
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
    insert_log(db, logged)
    db.execute(
        "INSERT INTO origin_progress (origin, contiguous_max) VALUES (?, ?)"
        " ON CONFLICT (origin) DO UPDATE SET contiguous_max = excluded.contiguous_max",
        [origin, last_seq],
    )
    merger = Merger(db, strict=True)
    for change in logged:
        merger.add(change, vv)
    merger.flush()
    return Changes(tuple(results), frozenset(c.table for c in results))


def insert_log(
    db: Database,
    changes: Sequence[LoggedChange],
    *,
    bundle: bytes | None = None,
    received_at: int | None = None,
) -> None:
    """Append entries to change_log (the caller holds the transaction)."""
    db.conn.executemany(
        "INSERT INTO change_log (origin, seq, tx_seq, hlc_wall, hlc_ctr, tbl, row_id, field,"
        " value, author, edited_wall, content_hash, received_bundle, received_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                c.origin,
                c.seq,
                c.tx_seq,
                c.hlc_wall,
                c.hlc_ctr,
                c.table,
                c.row_id,
                c.field,
                c.value,
                c.author,
                c.edited_wall,
                c.content_hash(),
                bundle,
                received_at,
            )
            for c in changes
        ],
    )
