"""Start-up loads only what it shows: the window's first paint and a read command load none of
the heavy libraries (printing, spreadsheets, calendars, document readers, the sync stack).

Measured in fresh processes with `-X importtime`, which names every module a process imports,
so a module-level import that creeps back in fails here rather than in a clerk's start-up time.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

# Modules that cost tens to hundreds of milliseconds and are needed only by some commands.
HEAVY = (
    "reportlab",
    "openpyxl",
    "icalendar",
    "holidays",
    "cryptography",
    "docx",
    "pdfplumber",
    "pdfminer",
    "pypdfium2",
    "cchc_desktop.reports.report_service",
    "cchc_desktop.reports.document",
    "cchc_desktop.importer.plan_text",
    "cchc_desktop.sync.importer",
    "cchc_desktop.sync.bundle",
    "cchc_desktop.sync.export",
    "cchc_desktop.services.par_service",
    "cchc_desktop.services.par_evidence",
    "cchc_desktop.importer.par_criteria",
)

_IMPORT_LINE = re.compile(r"^import time:\s+\d+\s+\|\s+\d+\s+\|\s*(\S+)\s*$")


def _imported(args: list[str], tmp_path: Path, **extra_env: str) -> set[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CCHC_DATA_DIR=str(tmp_path / "data"))
    env.update(extra_env)
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cchc_desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return {m.group(1) for line in result.stderr.splitlines() if (m := _IMPORT_LINE.match(line))}


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.fixture
def seeded_db(tmp_path: Path) -> Path:
    db = tmp_path / "cchc.db"
    env = dict(os.environ, CCHC_DATA_DIR=str(tmp_path / "data"))
    subprocess.run(
        [sys.executable, "-m", "cchc_desktop", "--db", str(db), "plan", "list"],
        capture_output=True,
        env=env,
        timeout=120,
        check=True,
    )
    return db


def test_a_read_command_loads_no_heavy_module(seeded_db: Path, tmp_path: Path) -> None:
    modules = _imported(["--db", str(seeded_db), "plan", "list"], tmp_path)
    assert "cchc_desktop.services.plan_service" in modules  # the command did run
    assert _heavy(modules) == []


@pytest.mark.gui
def test_the_window_paints_without_heavy_modules(seeded_db: Path, tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    modules = _imported(["--db", str(seeded_db), "gui", "--screenshot", str(shot)], tmp_path)
    assert shot.stat().st_size > 0
    assert "PySide6.QtWidgets" in modules
    assert _heavy(modules) == []


@pytest.mark.gui
def test_an_office_already_set_up_starts_without_the_set_up_wizard(
    seeded_db: Path, tmp_path: Path
) -> None:
    subprocess.run(
        [sys.executable, "-m", "cchc_desktop", "--db", str(seeded_db), "office", "setup", "sample"],
        capture_output=True,
        env=dict(os.environ, CCHC_DATA_DIR=str(tmp_path / "data")),
        timeout=120,
        check=True,
    )
    modules = _imported(["--db", str(seeded_db)], tmp_path, CCHC_QUIT_AFTER_FIRST_PAINT="1")
    assert "cchc_desktop.ui.main_window" in modules  # the window did start
    assert "cchc_desktop.ui.setup_wizard" not in modules
    assert "cchc_desktop.services.office_setup" not in modules
    assert not any(m.startswith("vietnam_provinces") for m in modules)
    # a plain start reads `--db PATH` itself: no parser of every command
    assert "cchc_desktop.cli_commands" not in modules


def test_the_report_command_still_loads_the_report_engine(seeded_db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    modules = _imported(
        ["--db", str(seeded_db), "report", "plan", "--year", "2020", "-o", str(pdf)], tmp_path
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "reportlab.platypus" in modules
