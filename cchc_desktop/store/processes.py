"""This PC and its processes: who holds a lock file or a job marker, and whether it still runs."""

from __future__ import annotations

import os
import platform
import sys


def this_host() -> str:
    return platform.node() or "?"


def pid_alive(pid: int) -> bool:
    """Whether process `pid` on this PC is still running (a lock or job marker is not stale)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        process_query_limited_information = 0x1000
        still_active = 259
        handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return bool(code.value == still_active)
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
