"""A record's history for the clerk, read from the change log: who, when, which PC, old → new."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlite_utils import Database


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
    tx: tuple[str, int] = ("", 0)  # (origin, transaction): the changes saved together


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
