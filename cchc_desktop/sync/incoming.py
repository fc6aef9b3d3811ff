"""The streaming pass of an import: parse and check each change line, append new changes to
the log, and merge them by the shared rule (store.merger.Merger).

Plan-side changes (their origin's role decides) are checked and merged as they stream in;
unit-owned rows need the whole bundle's units first, so they wait in the `_incoming` temp table
and are decided and merged afterwards (`decide`, `merge_unit_rows`).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from cchc_desktop.errors import SyncError
from cchc_desktop.store import evidence_files as blob_store
from cchc_desktop.store.change_log import OWN_SETTING
from cchc_desktop.store.changes import LoggedChange, canonical_json, insert_log
from cchc_desktop.store.merger import Merger
from cchc_desktop.store.ownership import UNIT_OWNED_TABLES, is_office_identity, writer_allowed
from cchc_desktop.store.value_checker import ValueChecker
from cchc_desktop.sync.bundle import (
    BAD_FORMAT,
    BundleReader,
    SegmentEntry,
    change_line,
    parse_vv,
    tx_line,
)
from cchc_desktop.sync.trust import Trust

BATCH = 5000
FORK_REASON = "fork"


@dataclass(slots=True)
class Counts:
    """What the streaming pass saw: new, duplicate and set-aside changes, ranges per origin."""

    n_changes: int = 0
    n_new: int = 0
    n_dup: int = 0
    n_quarantined: int = 0
    by_table: dict[str, int] = field(default_factory=dict)
    ranges: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    forked_own: bool = False
    revoked: dict[str, int] = field(default_factory=dict)


def _parse_line(line: str, segment: SegmentEntry, expected_seq: int) -> LoggedChange:
    try:
        obj = json.loads(line)
        if type(obj) is not dict or len(obj) != 10:
            raise ValueError("fields")
        seq, tx_seq, hlc, edited = obj["seq"], obj["tx_seq"], obj["hlc"], obj["edited_wall"]
        if type(hlc) is not list or len(hlc) != 2:
            raise ValueError("hlc")
        wall, ctr = hlc
        if not (
            type(seq) is int and type(tx_seq) is int and type(wall) is int and type(ctr) is int
        ):
            raise ValueError("numbers")
        if edited is not None and type(edited) is not int:
            raise ValueError("edited_wall")
        origin, table, row_id = obj["origin"], obj["tbl"], obj["row_id"]
        field_name, author = obj["field"], obj["author"]
        if (
            not (
                type(origin) is str
                and type(table) is str
                and type(row_id) is str
                and type(field_name) is str
                and type(author) is str
            )
            or len(row_id) > 200
        ):
            raise ValueError("texts")
        value = canonical_json(obj["value"])
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise SyncError(BAD_FORMAT.format(detail=f"một dòng của {segment.path}")) from exc
    if origin != segment.origin or seq != expected_seq or tx_seq < 1:
        raise SyncError(BAD_FORMAT.format(detail=f"số thứ tự trong {segment.path}"))
    rebuilt = change_line(
        origin, seq, tx_seq, wall, ctr, table, row_id, field_name, value, author, edited
    )
    if rebuilt != line:
        raise SyncError(BAD_FORMAT.format(detail=f"dòng không chuẩn trong {segment.path}"))
    return LoggedChange(
        origin, seq, tx_seq, wall, ctr, table, row_id, field_name, value, author, edited
    )


def _tx_lines(reader: BundleReader, segment: SegmentEntry) -> Iterator[tuple[int, str]]:
    previous = 0
    for line in reader.lines(segment.tx_path):
        try:
            obj = json.loads(line)
            tx_seq = obj["tx_seq"]
            vv = parse_vv(obj["vv"])
            if obj["origin"] != segment.origin or len(obj) != 3:
                raise ValueError("origin")
            if not isinstance(tx_seq, int) or isinstance(tx_seq, bool) or tx_seq <= previous:
                raise ValueError("order")
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            raise SyncError(BAD_FORMAT.format(detail=f"một dòng của {segment.tx_path}")) from exc
        vv_text = canonical_json(vv)
        if tx_line(segment.origin, tx_seq, vv_text) != line:
            raise SyncError(BAD_FORMAT.format(detail=f"dòng không chuẩn trong {segment.tx_path}"))
        previous = tx_seq
        yield tx_seq, vv_text


class Run:
    """State of one import's streaming pass: checks and merges plan-side changes inline."""

    def __init__(
        self,
        db: Database,
        db_path: Path,
        trust: Trust,
        checker: ValueChecker,
        merger: Merger,
        sha_bytes: bytes,
        now: int,
        counts: Counts,
    ) -> None:
        self.db = db
        self.db_path = db_path
        self.trust = trust
        self.checker = checker
        self.merger = merger
        self.sha_bytes = sha_bytes
        self.now = now
        self.counts = counts
        self.top: tuple[int, int] = (0, 0)
        self.added = 0

    def append(
        self, batch: list[tuple[LoggedChange, dict[str, int]]], tx_rows: list[tuple[str, int, str]]
    ) -> None:
        """Append new changes to the log; check and merge the plan-side ones now."""
        conn = self.db.conn
        if tx_rows:
            conn.executemany(
                "INSERT OR IGNORE INTO change_tx (origin, tx_seq, vv) VALUES (?, ?, ?)", tx_rows
            )
        if not batch:
            return
        insert_log(self.db, [c for c, _vv in batch], bundle=self.sha_bytes, received_at=self.now)
        later: list[tuple[str, int, int]] = []
        rejected: list[tuple[str, int, str, str, bytes, int]] = []
        missing: list[tuple[str, int, str]] = []
        accepted: list[tuple[LoggedChange, dict[str, int]]] = []
        for change, vv in batch:
            if (change.table, change.field) in blob_store.BLOB_FIELDS:
                sha = _blob_reference(change.value)
                if sha is not None and not blob_store.has_blob(self.db_path, sha):
                    missing.append((change.origin, change.seq, sha))
            if change.table in UNIT_OWNED_TABLES:
                later.append((change.origin, change.seq, 1))
                continue
            reason = _refusal(
                self.trust, None, self.checker, change.origin, change.seq, change.table,
                change.row_id, change.field, change.value,
            )  # fmt: skip
            if reason is None:
                accepted.append((change, vv))
                continue
            rejected.append(_quarantine_row(change, reason[0], self.sha_bytes, self.now))
            if reason[0] == "revoked":
                self.counts.revoked[change.origin] = self.counts.revoked.get(change.origin, 0) + 1
        if rejected:
            # Set aside before anything merges: the merge must never count them as seen.
            conn.executemany(
                "INSERT OR IGNORE INTO quarantine (origin, seq, reason, raw, bundle_sha256, at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                rejected,
            )
            self.counts.n_quarantined += sum(1 for r in rejected if r[2] != OWN_SETTING)
        for change, vv in accepted:
            self.merger.add(change, vv)
            self.top = max(self.top, (change.hlc_wall, change.hlc_ctr))
            self.added += 1
            if self.added % BATCH == 0:
                self.merger.flush()
        if later:
            conn.executemany("INSERT INTO _incoming (origin, seq, phase) VALUES (?, ?, ?)", later)
        if missing:
            conn.executemany(
                "INSERT OR IGNORE INTO missing_blob (origin, seq, sha256) VALUES (?, ?, ?)",
                missing,
            )

    def finish(self) -> None:
        self.merger.flush()


def _blob_reference(value: str | None) -> str | None:
    try:
        sha = json.loads(value) if value is not None else None
    except ValueError:
        return None
    return sha if isinstance(sha, str) and blob_store.is_sha256(sha) else None


def _quarantine_row(
    change: LoggedChange, reason: str, sha_bytes: bytes, now: int
) -> tuple[str, int, str, str, bytes, int]:
    line = change_line(
        change.origin, change.seq, change.tx_seq, change.hlc_wall, change.hlc_ctr, change.table,
        change.row_id, change.field, change.value, change.author, change.edited_wall,
    )  # fmt: skip
    return (change.origin, change.seq, reason, line, sha_bytes, now)


def append_segment(
    run: Run,
    reader: BundleReader,
    segment: SegmentEntry,
    pre_units: dict[tuple[str, str], str | None],
    own_site: str,
    tick: Callable[[int], None],
) -> None:
    """Append a segment's new changes to the log (duplicates skipped, forks quarantined)."""
    conn = run.db.conn
    counts = run.counts
    origin = segment.origin
    txs = _tx_lines(reader, segment)
    current_tx: tuple[int, str] | None = None
    current_vv: dict[str, int] = {}
    used_txs = 0
    forked = False
    batch: list[tuple[LoggedChange, dict[str, int]]] = []
    tx_rows: list[tuple[str, int, str]] = []
    existing: dict[int, bytes] = {}
    existing_to = segment.lo - 1
    seq = segment.lo
    for line in reader.lines(segment.path):
        if seq > segment.hi:
            raise SyncError(BAD_FORMAT.format(detail=f"{segment.path} có quá nhiều dòng"))
        change = _parse_line(line, segment, seq)
        while current_tx is None or current_tx[0] < change.tx_seq:
            current_tx = next(txs, None)
            if current_tx is None:
                raise SyncError(
                    BAD_FORMAT.format(detail=f"thiếu giao dịch trong {segment.tx_path}")
                )
            used_txs += 1
            if current_tx[0] < change.tx_seq:
                raise SyncError(BAD_FORMAT.format(detail=f"giao dịch thừa trong {segment.tx_path}"))
            tx_rows.append((origin, current_tx[0], current_tx[1]))
            current_vv = json.loads(current_tx[1])
        if current_tx[0] != change.tx_seq:
            raise SyncError(BAD_FORMAT.format(detail=f"thứ tự giao dịch trong {segment.path}"))
        if seq > existing_to:
            existing_to = min(segment.hi, seq + BATCH)
            existing = dict(
                conn.execute(
                    "SELECT seq, content_hash FROM change_log WHERE origin = ?"
                    " AND seq BETWEEN ? AND ?",
                    [origin, seq, existing_to],
                ).fetchall()
            )
        counts.n_changes += 1
        known = existing.get(seq)
        if known is not None:
            if bytes(known) == change.content_hash():
                counts.n_dup += 1
            else:
                forked = True
                counts.n_quarantined += 1
                counts.forked_own = counts.forked_own or origin == own_site
                conn.execute(
                    "INSERT OR IGNORE INTO quarantine (origin, seq, reason, raw, bundle_sha256, at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [origin, seq, FORK_REASON, line, run.sha_bytes, run.now],
                )
        else:
            batch.append((change, current_vv))
            counts.n_new += 1
            counts.by_table[change.table] = counts.by_table.get(change.table, 0) + 1
            if change.table in UNIT_OWNED_TABLES and change.field == "unit_id":
                with contextlib.suppress(ValueError):
                    value = json.loads(change.value) if change.value is not None else None
                    pre_units.setdefault(
                        (change.table, change.row_id), value if isinstance(value, str) else None
                    )
        seq += 1
        if len(batch) >= BATCH:
            run.append(batch, tx_rows)
            tick(len(batch))
            batch, tx_rows = [], []
    if seq != segment.hi + 1:
        raise SyncError(BAD_FORMAT.format(detail=f"{segment.path} thiếu dòng"))
    if next(txs, None) is not None or used_txs != segment.n_tx:
        raise SyncError(BAD_FORMAT.format(detail=f"giao dịch thừa trong {segment.tx_path}"))
    run.append(batch, tx_rows)
    tick(len(batch))
    counts.ranges.setdefault(origin, []).append((segment.lo, segment.hi))
    if not forked:
        conn.execute(
            "INSERT OR IGNORE INTO segment (origin, lo, hi, n_changes, n_tx, jsonl_sha256,"
            " tx_sha256, sig, sealed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [origin, segment.lo, segment.hi, segment.n_changes, segment.n_tx, segment.sha256,
             segment.tx_sha256, reader.read(segment.sig_path), run.now],
        )  # fmt: skip


class Units:
    """The unit a unit-owned row belongs to, and the kind of an agency, during one import."""

    def __init__(self, db: Database, pre_units: dict[tuple[str, str], str | None]) -> None:
        self.db = db
        self.pre = pre_units
        self.rows: dict[tuple[str, str], str | None] = {}
        self.kinds: dict[str | None, str | None] = {}
        self.verdicts: dict[tuple[str, str, str | None, str, str | None], str | None] = {}

    def row_unit(self, table: str, row_id: str) -> str | None:
        key = (table, row_id)
        if key not in self.rows:
            found = self.db.execute(
                f"SELECT unit_id FROM {table} WHERE id = ?",  # noqa: S608 - table is checked
                [row_id],
            ).fetchone()
            if found is not None:
                self.rows[key] = found[0]
            else:
                winner = self.db.execute(
                    "SELECT c.value FROM field_head h JOIN change_log c ON c.origin = h.origin"
                    " AND c.seq = h.seq WHERE h.tbl = ? AND h.row_id = ? AND h.field = 'unit_id'"
                    " ORDER BY c.hlc_wall DESC, c.hlc_ctr DESC, h.origin DESC LIMIT 1",
                    [table, row_id],
                ).fetchone()
                value = json.loads(winner[0]) if winner and winner[0] is not None else None
                self.rows[key] = value if isinstance(value, str) else self.pre.get(key)
        return self.rows[key]

    def preload(self, table: str) -> None:
        """Look up, in two queries, the units of every row of `table` this import touches."""
        rows = (
            "SELECT DISTINCT c.row_id AS row_id FROM _incoming i CROSS JOIN change_log c"
            " ON c.origin = i.origin AND c.seq = i.seq WHERE i.phase = 1 AND c.tbl = ?"
        )
        missing = []
        for row_id, unit in self.db.execute(
            f"SELECT r.row_id, t.unit_id FROM ({rows}) r LEFT JOIN {table} t"  # noqa: S608
            " ON t.id = r.row_id",
            [table],
        ).fetchall():
            if unit is None:
                missing.append(row_id)
            else:
                self.rows[(table, row_id)] = unit
        if not missing:
            return
        best: dict[str, tuple[tuple[int, int, str], str | None]] = {}
        for row_id, value, wall, ctr, origin in self.db.execute(
            f"SELECT r.row_id, c.value, c.hlc_wall, c.hlc_ctr, h.origin FROM ({rows}) r"  # noqa: S608
            " CROSS JOIN field_head h ON h.tbl = ? AND h.row_id = r.row_id AND h.field = 'unit_id'"
            " CROSS JOIN change_log c ON c.origin = h.origin AND c.seq = h.seq",
            [table, table],
        ).fetchall():
            if row_id not in best or (wall, ctr, origin) > best[row_id][0]:
                best[row_id] = ((wall, ctr, origin), value)
        for row_id in missing:
            found = best.get(row_id)
            value = json.loads(found[1]) if found and found[1] is not None else None
            key = (table, row_id)
            self.rows[key] = value if isinstance(value, str) else self.pre.get(key)

    def kind(self, unit_id: str | None) -> str | None:
        if unit_id not in self.kinds:
            row = self.db.execute("SELECT kind FROM agency WHERE id = ?", [unit_id]).fetchone()
            self.kinds[unit_id] = row[0] if row else None
        return self.kinds[unit_id]


def decide(
    db: Database,
    trust: Trust,
    units: Units,
    checker: ValueChecker,
    counts: Counts,
    sha_bytes: bytes,
    now: int,
) -> None:
    """Quarantine, before any unit-owned change merges, those that may not be applied."""
    refused: list[tuple[str, int, str]] = []
    cursor = db.conn.execute(
        "SELECT c.origin, c.seq, c.tbl, c.row_id, c.field, c.value FROM _incoming i"
        " CROSS JOIN change_log c ON c.origin = i.origin AND c.seq = i.seq WHERE i.phase = 1",
    )
    while rows := cursor.fetchmany(BATCH):
        for origin, seq, tbl, row_id, fld, value in rows:
            reason = _refusal(trust, units, checker, origin, seq, tbl, row_id, fld, value)
            if reason is not None:
                refused.append((origin, seq, reason[0]))
                if reason[0] == "revoked":
                    counts.revoked[origin] = counts.revoked.get(origin, 0) + 1
    rejected: list[tuple[str, int, str, str, bytes, int]] = []
    for origin, seq, code in refused:
        row = db.conn.execute(
            "SELECT tx_seq, hlc_wall, hlc_ctr, tbl, row_id, field, value, author, edited_wall"
            " FROM change_log WHERE origin = ? AND seq = ?",
            [origin, seq],
        ).fetchone()
        rejected.append((origin, seq, code, change_line(origin, seq, *row), sha_bytes, now))
    if rejected:
        db.conn.executemany(
            "INSERT OR IGNORE INTO quarantine (origin, seq, reason, raw, bundle_sha256, at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            rejected,
        )
        db.conn.executemany(
            "UPDATE _incoming SET ok = 0 WHERE origin = ? AND seq = ?",
            [(r[0], r[1]) for r in rejected],
        )
        counts.n_quarantined += len(rejected)


def _refusal(
    trust: Trust,
    units: Units | None,
    checker: ValueChecker,
    origin: str,
    seq: int,
    table: str,
    row_id: str,
    field_name: str,
    value: str | None,
) -> tuple[str, str] | None:
    revoked_after = trust.revoked_after(origin)
    if revoked_after is not None and seq > revoked_after:
        return "revoked", "máy đã bị thu hồi"
    problem = checker.problem(table, field_name, value)
    if problem is not None:
        return "invalid", problem
    if table in UNIT_OWNED_TABLES and units is not None:
        row_unit = units.row_unit(table, row_id)
        new_unit = value if field_name == "unit_id" else None
        # The verdict depends only on who writes what in whose row: remember it.
        key = (origin, table, row_unit, field_name, new_unit)
        if key not in units.verdicts:
            units.verdicts[key] = _unit_verdict(
                trust, units, origin, table, row_unit, field_name, value
            )
        reason = units.verdicts[key]
    else:
        role, unit = trust.role_unit(origin)
        reason = writer_allowed(role, unit, table, {"id": row_id}, [field_name], None)
        if reason and role == "commune" and table == "setting" and is_office_identity(row_id):
            return OWN_SETTING, reason
    return ("unauthorised", reason) if reason else None


def _unit_verdict(
    trust: Trust,
    units: Units,
    origin: str,
    table: str,
    row_unit: str | None,
    field_name: str,
    value: str | None,
) -> str | None:
    role, unit = trust.role_unit(origin)
    reason = writer_allowed(
        role, unit, table, {"unit_id": row_unit}, [field_name], units.kind(row_unit)
    )
    if reason is None and field_name == "unit_id":
        new_unit = json.loads(value) if value is not None else None
        if new_unit != row_unit and isinstance(new_unit, str):
            reason = writer_allowed(
                role, unit, table, {"unit_id": new_unit}, [field_name], units.kind(new_unit)
            )
    return reason


def merge_unit_rows(
    db: Database,
    trust: Trust,
    units: Units,
    checker: ValueChecker,
    merger: Merger,
    run: Run,
    *,
    decide: bool,
) -> bool:
    """Merge the accepted unit-owned changes; with `decide`, stop (False) at a refused one."""
    changes = _accepted(db, 1)
    try:
        for merged, (change, vv) in enumerate(changes, start=1):
            if decide:
                reason = _refusal(
                    trust, units, checker, change.origin, change.seq, change.table,
                    change.row_id, change.field, change.value,
                )  # fmt: skip
                if reason is not None:
                    return False
            merger.add(change, vv)
            run.top = max(run.top, (change.hlc_wall, change.hlc_ctr))
            if merged % BATCH == 0:
                merger.flush()
    finally:
        changes.close()  # no statement may stay open across a rollback
    merger.flush()
    return True


def _accepted(db: Database, phase: int) -> Generator[tuple[LoggedChange, dict[str, int]]]:
    cursor = db.conn.execute(
        "SELECT c.origin, c.seq, c.tx_seq, c.hlc_wall, c.hlc_ctr, c.tbl, c.row_id, c.field,"
        " c.value, t.vv FROM _incoming i CROSS JOIN change_log c ON c.origin = i.origin"
        " AND c.seq = i.seq CROSS JOIN change_tx t ON t.origin = c.origin AND t.tx_seq = c.tx_seq"
        " WHERE i.phase = ? AND i.ok = 1 ORDER BY i.origin, i.seq",
        [phase],
    )
    vv_cache: dict[tuple[str, int], dict[str, int]] = {}
    try:
        yield from _accepted_rows(cursor, vv_cache)
    finally:
        cursor.close()


def _accepted_rows(
    cursor: sqlite3.Cursor, vv_cache: dict[tuple[str, int], dict[str, int]]
) -> Iterator[tuple[LoggedChange, dict[str, int]]]:
    while rows := cursor.fetchmany(BATCH):
        for origin, seq, tx_seq, wall, ctr, tbl, row_id, fld, value, vv_text in rows:
            key = (origin, tx_seq)
            vv = vv_cache.get(key)
            if vv is None:
                if len(vv_cache) > BATCH:
                    vv_cache.clear()
                vv = vv_cache[key] = json.loads(vv_text)
            yield LoggedChange(origin, seq, tx_seq, wall, ctr, tbl, row_id, fld, value), vv
