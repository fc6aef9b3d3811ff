"""The adversarial run (bench/adversarial.py) in its quick form: mutated plans, fuzzed bundles,
killed writers and two writers at once, through the real command line. Nothing may be lost,
miscounted or said in English; the full run is `python bench/adversarial.py`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_quick_adversarial_run_loses_nothing() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "adversarial.py"), "--quick", "--seed", "20261205"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    table = result.stdout
    for part in ("mutated plans", "bundles", "kill -9", "two writers"):
        assert part in table
