"""The window's layers (ui/, qtmodels/) hold no SQL: they read and write through services."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import cchc_desktop

GUI_PACKAGES = ("ui", "qtmodels")
SQL = re.compile(
    r"\bSELECT\b.*\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b"
    r"|\bDELETE\s+FROM\b",
    re.IGNORECASE | re.DOTALL,
)


def sql_strings(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string literal (f-string parts included) that reads as SQL."""
    return [
        (node.lineno, node.value)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value)
    ]


def test_the_check_finds_sql_written_in_any_of_the_usual_ways() -> None:
    source = """
db.execute("SELECT year FROM plan WHERE id = ?", [x])
db.execute(f"select task_id from {table} where id = ?")
db.execute("INSERT INTO blob (sha256) VALUES (?)")
db.execute("UPDATE local_site " "SET role = ?")
db.execute("delete from evidence")
label = "Chọn đơn vị báo cáo"  # not SQL
"""
    assert sorted(line for line, _ in sql_strings(source)) == [2, 3, 4, 5, 6]


def test_no_sql_in_the_gui_layers() -> None:
    root = Path(cchc_desktop.__file__).parent
    files = [f for package in GUI_PACKAGES for f in sorted((root / package).rglob("*.py"))]
    assert len(files) > 30  # the packages were found
    offenders = [
        f"{f.relative_to(root)}:{line}: {text[:60]!r}"
        for f in files
        for line, text in sql_strings(f.read_text(encoding="utf-8"))
    ]
    assert offenders == []
