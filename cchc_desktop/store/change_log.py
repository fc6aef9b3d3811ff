"""The records of the change log (sync.md §5.3) and the helpers every writer and reader shares:
`Edit` (what a service asks to write), `Changes` (what a write did), `LoggedChange` (one entry),
the canonical JSON that is hashed and exchanged, and the version-vector rule "A saw B".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Any, NamedTuple

from sqlite_utils import Database

from cchc_desktop.domain.text import nfc

# Tables written through this path; the rest (log, merge state, identity) belong to the store.
BUSINESS_TABLES = frozenset(
    {
        "agency",
        "agency_alias",
        "plan",
        "amendment",
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
# A commune's own writes of the network-wide settings from before it joined (its first-run
# office set-up): its history, not an attempt on the hub's settings, so not listed for review.
OWN_SETTING = "own_setting"
EXCLUDED_REASONS = ("unauthorised", "revoked", "invalid", OWN_SETTING)
EXCLUDED_MARKS = ", ".join("?" for _ in EXCLUDED_REASONS)
MAX_TEXT_CHARS = 1_000_000

Value = str | int | None


@dataclass(frozen=True, slots=True)
class Edit:
    """New values for some columns of one row (the row is created if it does not exist)."""

    table: str
    row_id: str
    values: Mapping[str, Any]


class FieldChange(NamedTuple):
    """One field a write changed (a tuple: a plan import makes half a million of them)."""

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
    # The tasks whose own row, agencies, milestones, progress or evidence this write touched,
    # so the tree, the editor and the window refresh them without looking them up.
    task_ids: frozenset[str] = field(default=frozenset())

    def touches(self, table: str) -> bool:
        return table in self.tables

    def rows(self, table: str) -> set[str]:
        return {c.row_id for c in self.fields if c.table == table}

    def __bool__(self) -> bool:
        return bool(self.fields)

    def __add__(self, other: Changes) -> Changes:
        """Two writes seen as one (a clerk action made of several service calls)."""
        return Changes(
            self.fields + other.fields, self.tables | other.tables, self.task_ids | other.task_ids
        )


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
    return _hash_quoted(
        q(origin),
        seq,
        tx_seq,
        hlc,
        q(table),
        q(row_id),
        q(field_name),
        "null" if value is None else q(value),
    )


def _hash_quoted(
    origin: str,
    seq: int,
    tx_seq: int,
    hlc: tuple[int, int],
    table: str,
    row_id: str,
    field_name: str,
    value: str,
) -> bytes:
    """change_hash with its text parts already JSON-quoted (a write quotes each once)."""
    payload = (
        f"[{origin},{int(seq)},{int(tx_seq)},[{int(hlc[0])},{int(hlc[1])}],{table},"
        f"{row_id},{field_name},{value}]"
    )
    return hashlib.sha256(payload.encode("utf-8")).digest()


def insert_local_log(
    db: Database,
    origin: str,
    first_seq: int,
    tx_seq: int,
    stamp: tuple[int, int],
    author: str,
    edited_wall: int,
    entries: Iterable[tuple[str, str, Mapping[str, Value]]],
) -> None:
    """Append one local write to change_log: for each (table, row, fields) a change per field,
    numbered from `first_seq`, stamped `stamp` then its counter + 1, + 2…, the same entries
    `insert_log` would write for those LoggedChanges without making one object per field."""
    q = encode_basestring
    quoted_origin = q(origin)
    wall, counter = stamp

    def rows() -> Iterator[tuple[object, ...]]:
        seq, ctr = first_seq, counter
        for table, row_id, fields in entries:
            quoted_table, quoted_row = q(table), q(row_id)
            for name, value in fields.items():
                text = canonical_json(value)
                digest = _hash_quoted(
                    quoted_origin,
                    seq,
                    tx_seq,
                    (wall, ctr),
                    quoted_table,
                    quoted_row,
                    q(name),
                    q(text),
                )
                yield (
                    origin,
                    seq,
                    tx_seq,
                    wall,
                    ctr,
                    table,
                    row_id,
                    name,
                    text,
                    author,
                    edited_wall,
                    digest,
                    None,
                    None,
                )
                seq += 1
                ctr += 1

    db.conn.executemany(
        "INSERT INTO change_log (origin, seq, tx_seq, hlc_wall, hlc_ctr, tbl, row_id, field,"
        " value, author, edited_wall, content_hash, received_bundle, received_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows(),
    )


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


_DEFAULTS: dict[tuple[int, str], dict[str, Value]] = {}


def column_defaults(db: Database, table: str) -> dict[str, Value]:
    """The value a new row takes for each column not given: NULL for a nullable column without
    a default, else its literal default (an integer or a quoted text). Columns whose default is
    an expression are not listed."""
    key = (id(db.conn), table)
    defaults = _DEFAULTS.get(key)
    if defaults is None:
        defaults = {}
        for _cid, name, _type, notnull, default, _pk in db.execute(
            f"PRAGMA table_info({table})"
        ).fetchall():
            if default is None:
                if not notnull and name != "id":
                    defaults[name] = None
            elif re.fullmatch(r"-?\d+", default):
                defaults[name] = int(default)
            elif re.fullmatch(r"'(?:[^']|'')*'", default):
                defaults[name] = nfc(default[1:-1].replace("''", "'"))
        _DEFAULTS[key] = defaults
    return defaults


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


def insert_log(
    db: Database,
    changes: Iterable[LoggedChange],
    *,
    bundle: bytes | None = None,
    received_at: int | None = None,
) -> None:
    """Append entries to change_log (the caller holds the transaction)."""
    db.conn.executemany(
        "INSERT INTO change_log (origin, seq, tx_seq, hlc_wall, hlc_ctr, tbl, row_id, field,"
        " value, author, edited_wall, content_hash, received_bundle, received_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
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
        ),
    )
