"""Whether a logged value may stand in its column (JSON type, NOT NULL, CHECK), read from the
schema itself so every PC judges a received change the same way."""

from __future__ import annotations

import json
import re
from typing import Any

from sqlite_utils import Database

from cchc_desktop.store.change_log import BUSINESS_TABLES, MAX_TEXT_CHARS

_INTEGER = re.compile(r"-?(0|[1-9][0-9]{0,18})")


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
