"""Without a display Qt aborts silently; the program says why first, in Vietnamese."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_desktop.qt.display import display_problem


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland are Linux's")
def test_window_without_a_display_explains_on_stderr(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["CCHC_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "cchc_desktop"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert "không có màn hình đồ hoạ" in result.stderr
    assert "cchc-desktop --help" in result.stderr


def test_a_missing_xcb_cursor_library_names_the_package() -> None:
    env = {"DISPLAY": ":0"}
    problem = display_problem(env, platform="linux", find_library=lambda name: None)
    assert problem is not None
    assert "sudo apt install libxcb-cursor0" in problem
    found = display_problem(env, platform="linux", find_library=lambda name: f"lib{name}.so")
    assert found is None


def test_every_missing_xcb_library_is_named() -> None:
    """Qt's xcb plugin also aborts without libxcb-icccm4 or libxcb-keysyms1 (seen on a server
    image that had libxcb-cursor0), and its own hint names only libxcb-cursor0."""
    present = {"xcb-cursor", "xcb-image", "xcb-render-util", "xcb-shape", "xkbcommon-x11"}
    problem = display_problem(
        {"DISPLAY": ":0"},
        platform="linux",
        find_library=lambda name: f"lib{name}.so" if name in present else None,
    )
    assert problem is not None
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1;" in problem
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms)" in problem
    assert "libxcb-cursor0" not in problem


def test_offscreen_wayland_and_windows_need_nothing() -> None:
    missing = {"find_library": lambda name: None}
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, platform="linux", **missing) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, platform="linux", **missing) is None
    assert display_problem({}, platform="win32", **missing) is None
