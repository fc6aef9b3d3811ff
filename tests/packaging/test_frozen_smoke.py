"""The frozen build runs: build.spec → dist/, then the offscreen smoke test (opt-in, slow).

CCHC_FROZEN_SMOKE=1 pytest -m frozen tests/packaging       (about half a minute to a few minutes)

Set CCHC_FROZEN_SKIP_BUILD=1 to smoke-test an existing dist/cchc-desktop instead of rebuilding.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("CCHC_FROZEN_SMOKE") != "1",
        reason="builds the release with PyInstaller; set CCHC_FROZEN_SMOKE=1",
    ),
]


def test_frozen_build_passes_the_smoke_test(tmp_path: Path) -> None:
    figures = tmp_path / "smoke.json"
    command = [
        sys.executable,
        str(ROOT / "scripts" / "build_release.py"),
        "--dist",
        str(ROOT / "dist"),
        "--work",
        str(ROOT / "build"),
        "--json",
        str(figures),
    ]
    if os.environ.get("CCHC_FROZEN_SKIP_BUILD") == "1":
        command.append("--skip-build")
    proc = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=3600, check=False
    )
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-6000:]
    report = json.loads(figures.read_text(encoding="utf-8"))
    assert report["ok"]
    names = [c["name"] for c in report["checks"]]
    assert any("--version" in n for n in names)
    assert any(n.startswith("gui --screenshot") for n in names), report["skipped"]
