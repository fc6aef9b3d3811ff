"""Can Qt open a window here? Said in Vietnamese before Qt aborts without a word.

On Linux, Qt's xcb platform plugin aborts the process (exit 134, nothing on the console) when
there is no display or when one of the xcb libraries it loads is missing (`libxcb-cursor0`,
`libxcb-icccm4`, …). Both are checked before the QApplication is made; the message names the
missing packages.
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
    missing = [] if wayland else [p for lib, p in _XCB_LIBRARIES if find_library(lib) is None]
    if missing:
        fedora = " ".join(dict.fromkeys(_FEDORA[p] for p in missing))
        return (
            f"Không mở được cửa sổ chương trình: thiếu thư viện hệ thống {', '.join(missing)} mà "
            f"Qt cần để vẽ cửa sổ. Hãy cài (Ubuntu/Debian: sudo apt install {' '.join(missing)}; "
            f"Fedora: sudo dnf install {fedora}) rồi mở lại; {LINUX_PACKAGES_HINT}."
        )
    return None


# What Qt's xcb plugin loads beyond a desktop's usual libraries: (library, Debian package).
# Without any of them the plugin aborts the process, and Qt's own hint names only the first.
_XCB_LIBRARIES = (
    ("xcb-cursor", "libxcb-cursor0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xcb-image", "libxcb-image0"),
    ("xcb-render-util", "libxcb-render-util0"),
    ("xcb-shape", "libxcb-shape0"),
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
)
_FEDORA = {
    "libxcb-cursor0": "xcb-util-cursor",
    "libxcb-icccm4": "xcb-util-wm",
    "libxcb-keysyms1": "xcb-util-keysyms",
    "libxcb-image0": "xcb-util-image",
    "libxcb-render-util0": "xcb-util-renderutil",
    "libxcb-shape0": "libxcb",
    "libxkbcommon-x11-0": "libxkbcommon-x11",
}
