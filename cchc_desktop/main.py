"""The program's entry point: the command line, with the window available to it.

Only this module connects the Qt-free command line to the Qt window, so that no core module
imports Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path


def launch_gui(*, db_path: Path, screenshot: Path | None = None) -> int:
    if screenshot is None:
        from cchc_desktop.qt.display import display_problem

        problem = display_problem(os.environ)
        if problem is not None:
            sys.stderr.write(f"Lỗi: {problem}\n")
            return 1
    from cchc_desktop.app import run_gui

    return run_gui(db_path=db_path, screenshot=screenshot, extra_args=[])


def main(argv: Sequence[str] | None = None) -> int:
    from cchc_desktop.cli import main as cli_main

    return cli_main(argv, launch_gui=launch_gui)
