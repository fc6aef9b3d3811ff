"""The start-up benchmark's probe: the real program says when its filled tree is first painted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_desktop.qt import first_paint


@pytest.mark.gui
def test_the_program_reports_its_first_paint_and_quits(tmp_path: Path) -> None:
    db = tmp_path / "cchc.db"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CCHC_DATA_DIR=str(tmp_path / "data"))
    command = [sys.executable, "-m", "cchc_desktop", "--db", str(db)]
    subprocess.run([*command, "office", "setup", "sample"], env=env, check=True, timeout=120)
    env[first_paint.ENV_VAR] = "1"
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [first_paint.LINE]
    # A real start: the daily backup was made (on its worker) before the program exited.
    assert [p.name.endswith("-hang-ngay.db") for p in (tmp_path / "backups").glob("*.db")] == [True]
