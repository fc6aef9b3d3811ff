"""The single write path (DESIGN.md §4, sync.md §5.3) and the merge rule it shares with imports.

`apply_local_edits` checks who may write each field, appends one change-log entry per changed
field (origin site, sequence, HLC stamp, table, row, field, value), records the version vector
the author had seen, and hands the new entries to `Merger`, the one implementation of the
per-field rule of sync.md §5.6 that imports use too (store.merger).

The records (`Edit`, `Changes`, `LoggedChange`…) live in store.change_log and the value rules
in store.value_checker; they are re-exported here, where most callers have always found them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from cchc_desktop.errors import OwnershipError
from cchc_desktop.store import ownership
from cchc_desktop.store.change_log import (
    BUSINESS_TABLES,
    EXCLUDED_REASONS,
    MAX_TEXT_CHARS,
    Changes,
    Edit,
    FieldChange,
    LoggedChange,
    Value,
    canonical_json,
    change_hash,
    column_defaults,
    insert_local_log,
    insert_log,
    normalise_value,
    required_columns,
    saw,
    table_columns,
    version_vector,
)
from cchc_desktop.store.merger import Merger, MergeStats, rows_without_heads
from cchc_desktop.store.site import (
    EditBlockedError,
    edit_refusal,
    hlc_tick,
    local_site,
    wall_ms,
)
from cchc_desktop.store.value_checker import ValueChecker

__all__ = [
    "BUSINESS_TABLES",
    "EXCLUDED_REASONS",
    "MAX_TEXT_CHARS",
    "Changes",
    "Edit",
    "FieldChange",
    "LoggedChange",
    "MergeStats",
    "Merger",
    "Value",
    "ValueChecker",
    "apply_local_edits",
    "canonical_json",
    "change_hash",
    "insert_log",
    "normalise_value",
    "required_columns",
    "saw",
    "table_columns",
    "version_vector",
]


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
        edits = list(edits)
        stored = _fetch_rows(db, edits)
        planned: list[tuple[Edit, dict[str, Any] | None, dict[str, Value]]] = []
        for edit in edits:
            cols = table_columns(db, edit.table)
            values = {
                # ints and None are stored as they are: the common case, without a call
                name: v if v is None or type(v) is int else normalise_value(v)
                for name, v in edit.values.items()
            }
            unknown = set(values) - set(cols) | ({"id"} & set(values))
            if unknown:
                raise ValueError(f"unknown columns for {edit.table}: {sorted(unknown)}")
            old = stored.get((edit.table, edit.row_id))
            changed = {k: v for k, v in values.items() if force or old is None or old.get(k) != v}
            if not changed:
                continue
            if check_ownership:
                merged = {**(old or {}), **values}
                reason = ownership.refusal(
                    db, site, edit.table, merged, changed, old_row=old, row_id=edit.row_id
                )
                if reason:
                    raise OwnershipError(reason)
            planned.append((edit, old, changed))
        born = _born_here(db, planned)
        if born:
            planned = _defaults_left_out(db, planned, born)
        if not any(changed for _, _, changed in planned):
            return Changes()
        return _write(db, site.site_id, planned, born, author, seen)


def _fetch_rows(db: Database, edits: Sequence[Edit]) -> dict[tuple[str, str], dict[str, Any]]:
    """The stored rows the edits concern, read a few hundred at a time (an import edits
    100,000 rows; one query each was a second of its time)."""
    by_table: dict[str, dict[str, None]] = {}
    for edit in edits:
        by_table.setdefault(edit.table, {})[edit.row_id] = None
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for table, ids in by_table.items():
        cols = table_columns(db, table)
        wanted = list(ids)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in db.execute(
                f"SELECT * FROM {table} WHERE id IN ({marks})",  # noqa: S608
                chunk,
            ).fetchall():
                values = dict(zip(cols, row, strict=True))
                rows[(table, values["id"])] = values
    return rows


def _defaults_left_out(
    db: Database,
    planned: list[tuple[Edit, dict[str, Any] | None, dict[str, Value]]],
    born: set[tuple[str, str]],
) -> list[tuple[Edit, dict[str, Any] | None, dict[str, Value]]]:
    """A new row's fields that hold their column's default are not logged: every copy of the
    database creates the row with that default (a plan import logs a third fewer changes).

    Only a field's first value in the write is left out, so a later edit back to the default
    in the same write is still recorded.
    """
    edits_of: dict[tuple[str, str], int] = {}
    for edit, _old, _changed in planned:
        key = (edit.table, edit.row_id)
        edits_of[key] = edits_of.get(key, 0) + 1
    written: set[tuple[str, str, str]] = set()
    kept: list[tuple[Edit, dict[str, Any] | None, dict[str, Value]]] = []
    for edit, old, changed in planned:
        key = (edit.table, edit.row_id)
        if key in born:
            defaults = column_defaults(db, edit.table)
            missing = object()
            if edits_of[key] == 1:  # the usual new row: one edit, every value its first
                first = {n: v for n, v in changed.items() if defaults.get(n, missing) != v}
            else:
                first = {
                    n: v
                    for n, v in changed.items()
                    if (*key, n) in written or defaults.get(n, missing) != v
                }
                written.update((*key, n) for n in changed)
            changed = first or changed  # a row is never created without a logged field
        kept.append((edit, old, changed))
    return kept


def _write(
    db: Database,
    origin: str,
    planned: list[tuple[Edit, dict[str, Any] | None, dict[str, Value]]],
    born: set[tuple[str, str]],
    author: str,
    seen: Iterable[tuple[str, int]],
) -> Changes:
    count = sum(len(changed) for _, _, changed in planned)
    first_seq, tx_seq = db.execute("SELECT next_seq, next_tx FROM local_site").fetchone()
    last_seq = first_seq + count - 1
    db.execute("UPDATE local_site SET next_seq = ?, next_tx = ?", [last_seq + 1, tx_seq + 1])
    stamp = hlc_tick(db, count)
    vv = version_vector(db)
    for seen_origin, seen_seq in seen:
        vv[seen_origin] = max(vv.get(seen_origin, 0), seen_seq)
    vv[origin] = last_seq
    db.execute(
        "INSERT INTO change_tx (origin, tx_seq, vv) VALUES (?, ?, ?)",
        [origin, tx_seq, canonical_json(vv)],
    )
    wall = wall_ms(db)
    insert_local_log(
        db,
        origin,
        first_seq,
        tx_seq,
        stamp,
        author,
        wall,
        ((edit.table, edit.row_id, changed) for edit, _old, changed in planned),
    )
    db.execute(
        "INSERT INTO origin_progress (origin, contiguous_max) VALUES (?, ?)"
        " ON CONFLICT (origin) DO UPDATE SET contiguous_max = excluded.contiguous_max",
        [origin, last_seq],
    )
    merger = Merger(db, strict=True)
    # A field written twice in one write has one head: the later change saw the earlier.
    heads: dict[tuple[str, str, str], int] = {}
    seq = first_seq
    for edit, _old, changed in planned:
        if (edit.table, edit.row_id) in born:
            for name in changed:
                heads[(edit.table, edit.row_id, name)] = seq
                seq += 1
        else:
            for name, value in changed.items():
                change = LoggedChange(
                    origin,
                    seq,
                    tx_seq,
                    stamp[0],
                    stamp[1] + seq - first_seq,
                    edit.table,
                    edit.row_id,
                    name,
                    canonical_json(value),
                    author,
                    wall,
                )
                merger.add(change, vv)
                seq += 1
    if born:
        # Rows are grouped by table below, not written in the order they came.
        db.execute("PRAGMA defer_foreign_keys = ON")
    merger.flush()
    _insert_born(db, origin, planned, born, heads)
    del heads  # half a million entries for a large import: gone before the results are made
    results = tuple(
        FieldChange(
            edit.table,
            edit.row_id,
            name,
            None if old is None else old.get(name),
            value,
            old is None,
        )
        for edit, old, changed in planned
        for name, value in changed.items()
    )
    return Changes(results, frozenset(c.table for c in results), _tasks_touched(db, planned))


def _born_here(
    db: Database, planned: list[tuple[Edit, dict[str, Any] | None, dict[str, Value]]]
) -> set[tuple[str, str]]:
    """Rows this write creates that no change ever touched (no field head): nothing can conflict
    with them, so they skip the merge and are inserted in bulk (a plan import of 20,000 rows).

    A row created deleted goes through the merge, which checks edits against deletions.
    """
    born = rows_without_heads(
        db.conn,
        (
            (edit.table, edit.row_id)
            for edit, old, changed in planned
            if old is None and changed.get("deleted") != 1
        ),
    )
    # Two edits of one row in a write where the second would delete it: leave it to the merge.
    for edit, _old, changed in planned:
        if changed.get("deleted") == 1:
            born.discard((edit.table, edit.row_id))
    return born


def _insert_born(
    db: Database,
    origin: str,
    planned: list[tuple[Edit, dict[str, Any] | None, dict[str, Value]]],
    born: set[tuple[str, str]],
    heads: dict[tuple[str, str, str], int],
) -> None:
    """Insert the rows `_born_here` found, and their field heads, one statement per table and
    column set."""
    rows: dict[tuple[str, str], dict[str, Value]] = {}
    for edit, _old, changed in planned:
        key = (edit.table, edit.row_id)
        if key in born:
            rows.setdefault(key, {}).update(changed)
    groups: dict[tuple[str, tuple[str, ...]], list[list[Value]]] = {}
    for (table, row_id), values in rows.items():
        # Rows made by one builder list their columns in one order: group them as they come.
        columns = tuple(values)
        groups.setdefault((table, columns), []).append([row_id, *values.values()])
    del rows
    for (table, columns), params in groups.items():
        names = ", ".join(f'"{c}"' for c in ("id", *columns))
        marks = ", ".join("?" for _ in range(len(columns) + 1))
        db.conn.executemany(
            f'INSERT INTO "{table}" ({names}) VALUES ({marks})',  # noqa: S608
            params,
        )
    # In key order: filling the index page by page is a third faster than at random.
    db.conn.executemany(
        "INSERT INTO field_head (tbl, row_id, field, origin, seq) VALUES (?, ?, ?, ?, ?)",
        ((t, r, f, origin, heads[(t, r, f)]) for t, r, f in sorted(heads)),
    )


_TASK_PARTS = frozenset({"task_agency", "milestone", "progress"})


def _tasks_touched(
    db: Database, planned: list[tuple[Edit, dict[str, Any] | None, dict[str, Value]]]
) -> frozenset[str]:
    """The tasks a write concerns: a task row itself, or the task its agency, milestone,
    progress or evidence row belongs to (before and after the write, if it moved)."""
    touched: set[object] = set()
    progress_ids: set[object] = set()
    for edit, old, _changed in planned:
        new = {**(old or {}), **edit.values}
        if edit.table == "task":
            touched.add(edit.row_id)
        elif edit.table in _TASK_PARTS:
            touched.update({new.get("task_id"), (old or {}).get("task_id")})
        elif edit.table == "evidence":
            progress_ids.update({new.get("progress_id"), (old or {}).get("progress_id")})
    progress_ids.discard(None)
    if progress_ids:
        marks = ", ".join("?" for _ in progress_ids)
        touched.update(
            r[0]
            for r in db.execute(
                f"SELECT task_id FROM progress WHERE id IN ({marks})",  # noqa: S608
                list(progress_ids),
            ).fetchall()
        )
    touched.discard(None)
    return frozenset(str(t) for t in touched)
