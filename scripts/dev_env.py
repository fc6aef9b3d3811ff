"""Create (once) the project's virtual environment and install CCHC Desktop into it.

Used by scripts/run.py and scripts/test.py so that each is one command on a fresh machine
(Windows or Linux, Python 3.11+).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def venv_dir() -> Path:
    return Path(os.environ.get("CCHC_VENV", ROOT / ".venv"))


def venv_python() -> Path:
    folder = venv_dir()
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure(extra: str = "") -> Path:
    """The venv's python, after installing the project (with `extra`, e.g. "dev") if needed."""
    python = venv_python()
    if not python.exists():
        venv.EnvBuilder(with_pip=True).create(venv_dir())
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    marker = venv_dir() / f".installed-{extra or 'app'}"
    pyproject = ROOT / "pyproject.toml"
    if not marker.exists() or marker.stat().st_mtime < pyproject.stat().st_mtime:
        target = f".[{extra}]" if extra else "."
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet", "-e", target], check=True, cwd=ROOT
        )
        marker.touch()
    return python


def run(args: list[str]) -> int:
    """Run a command, passing Ctrl+C to it and returning its exit status."""
    try:
        return subprocess.call(args, cwd=ROOT)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(0 if ensure() else 1)
