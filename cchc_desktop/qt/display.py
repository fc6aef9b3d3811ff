"""Can Qt open a window here? Said in Vietnamese before Qt aborts without a word.

On Linux, Qt's xcb platform plugin aborts the process (exit 134, nothing on the console) when
there is no display or when `libxcb-cursor0` is missing. Both are checked before the
QApplication is made; the message names the fix.
"""

from __future__ import annotations

import ctypes.util
import sys
from collections.abc import Callable, Mapping

LINUX_PACKAGES_HINT = "xem mục “Chạy trên Linux” trong README"

# Platforms that need no X or Wayland server.
_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def display_problem(
    env: Mapping[str, str],
    *,
    platform: str = sys.platform,
    find_library: Callable[[str], str | None] = ctypes.util.find_library,
) -> str | None:
    """Why the window cannot open here, with the fix; None when nothing is known to stop it."""
    if not platform.startswith("linux"):
        return None
    wanted = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip()
    if wanted.startswith(_HEADLESS_PLATFORMS):
        return None
    wayland = bool(env.get("WAYLAND_DISPLAY")) and wanted in ("", "wayland")
    if not env.get("DISPLAY") and not wayland:
        return (
            "Không mở được cửa sổ chương trình: máy này không có màn hình đồ hoạ (biến DISPLAY "
            "trống, ví dụ khi đăng nhập qua SSH). Hãy chạy chương trình trong phiên làm việc có "
            "màn hình, hoặc dùng các lệnh dòng lệnh (cchc-desktop --help)."
        )
    if not wayland and find_library("xcb-cursor") is None:
        return (
            "Không mở được cửa sổ chương trình: thiếu thư viện hệ thống libxcb-cursor0 mà Qt cần "
            "để vẽ cửa sổ. Hãy cài nó (Ubuntu/Debian: sudo apt install libxcb-cursor0; "
            f"Fedora: sudo dnf install xcb-util-cursor) rồi mở lại; {LINUX_PACKAGES_HINT}."
        )
    return None
