"""The merge rule shared by local edits and imports (sync.md §5.6).

1. a change that *saw* another (its transaction's version vector covers it, or it is a later
   change of the same origin) supersedes it; the changes nobody saw are the field's *heads*;
2. the winning head is the one with the largest (hlc_wall, hlc_ctr, origin);
3. several heads with different values are a conflict, kept until someone resolves it by an
   ordinary edit that saw them all;
4. `deleted` is an ordinary field; a deleted row with a concurrent edit is flagged for review.

The business tables are a view of the log: `Merger` writes each touched field's winner.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from cchc_desktop.store.change_log import (
    EXCLUDED_MARKS,
    EXCLUDED_REASONS,
    LoggedChange,
    canonical_json,
    required_columns,
    saw,
)
from cchc_desktop.store.site import new_id, wall_ms


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


def rows_without_heads(
    conn: sqlite3.Connection, candidates: Iterable[tuple[str, str]]
) -> set[tuple[str, str]]:
    """The (table, row) pairs no field of which has a head yet: rows no change ever touched."""
    by_table: dict[str, list[str]] = {}
    for table, row_id in candidates:
        by_table.setdefault(table, []).append(row_id)
    fresh: set[tuple[str, str]] = set()
    for table, row_ids in by_table.items():
        unique = list(dict.fromkeys(row_ids))
        for i in range(0, len(unique), 500):
            chunk = unique[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            known = {
                r[0]
                for r in conn.execute(
                    f"SELECT DISTINCT row_id FROM field_head WHERE tbl = ?"  # noqa: S608
                    f" AND row_id IN ({marks})",
                    [table, *chunk],
                ).fetchall()
            }
            fresh.update((table, r) for r in chunk if r not in known)
    return fresh


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
            "SELECT c.origin, c.seq, c.tx_seq, t.vv FROM change_log c"  # noqa: S608 - constants
            " JOIN change_tx t ON t.origin = c.origin AND t.tx_seq = c.tx_seq"
            " WHERE c.tbl = ? AND c.row_id = ? AND c.field = ?"
            " AND NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.origin = c.origin"
            f" AND q.seq = c.seq AND q.reason IN ({EXCLUDED_MARKS}))",
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
        new_rows = rows_without_heads(
            self.conn, [k for k, fresh in untouched_before.items() if fresh]
        )
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
