"""Exceptions a user can cause, each carrying a Vietnamese message for the clerk.

CchcError
├── ValidationError   bad input: a wrong date, an empty required field, a bad value
├── NotFoundError     a plan, task, agency or file that does not exist
├── ConflictError     the thing exists already, or an edit lost a race
├── OwnershipError    this PC may not write that field (ownership)
├── StoreError        the database cannot be opened, migrated or written
├── PlanImportError   a plan document that cannot be read as a plan
├── DocumentError     a file that cannot be read as a document (any format)
├── ReportError       a report that cannot be built or written
└── SyncError         a bundle refused: wrong network, tampered, damaged, replayed …
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


class CchcError(Exception):
    """Base of every error shown to a user; `str(error)` is the Vietnamese message."""


class ValidationError(CchcError):
    pass


class NotFoundError(CchcError):
    pass


class ConflictError(CchcError):
    pass


class OwnershipError(CchcError):
    """This site may not write the field (sync.md §5.4)."""


class StoreError(CchcError):
    pass


class PlanImportError(CchcError):
    pass


class ReportError(CchcError):
    pass


class SyncError(CchcError):
    pass


class DocumentError(CchcError):
    """A file that cannot be read as a document: missing, too large, damaged, a scan, …"""


# What the operating system or SQLite says, in the clerk's words. Their own texts are English
# ("No space left on device", "disk I/O error") and must never reach the screen.
_ERRNO_REASONS = {
    28: "ổ đĩa đầy",  # ENOSPC
    122: "ổ đĩa đầy (hết hạn mức dung lượng)",  # EDQUOT
    13: "không có quyền ghi hoặc đọc",  # EACCES
    1: "không có quyền ghi hoặc đọc",  # EPERM
    2: "không tìm thấy tệp hoặc thư mục",  # ENOENT
    30: "ổ đĩa chỉ cho đọc",  # EROFS
    5: "lỗi đọc/ghi ổ đĩa",  # EIO
    16: "tệp đang được chương trình khác dùng",  # EBUSY
    17: "tệp đã có",  # EEXIST
    20: "một phần của đường dẫn không phải thư mục",  # ENOTDIR
    21: "đường dẫn là một thư mục",  # EISDIR
    36: "tên tệp quá dài",  # ENAMETOOLONG
    27: "tệp quá lớn",  # EFBIG
    24: "quá nhiều tệp đang mở",  # EMFILE
}
_WINERROR_REASONS = {
    112: "ổ đĩa đầy",  # ERROR_DISK_FULL
    39: "ổ đĩa đầy",  # ERROR_HANDLE_DISK_FULL
    5: "không có quyền ghi hoặc đọc",  # ERROR_ACCESS_DENIED
    32: "tệp đang được chương trình khác mở",  # ERROR_SHARING_VIOLATION
    33: "tệp đang được chương trình khác khoá",  # ERROR_LOCK_VIOLATION
    19: "ổ đĩa chỉ cho đọc (chống ghi)",  # ERROR_WRITE_PROTECT
    21: "ổ đĩa chưa sẵn sàng (USB đã rút?)",  # ERROR_NOT_READY
    53: "không tìm thấy đường dẫn mạng",  # ERROR_BAD_NETPATH
    64: "mất kết nối mạng",  # ERROR_NETNAME_DELETED
}
_SQLITE_REASONS = (
    ("database or disk is full", "ổ đĩa đầy"),
    ("disk i/o error", "lỗi đọc/ghi ổ đĩa"),
    ("readonly database", "tệp hoặc thư mục chỉ cho đọc"),
    ("database is locked", "cơ sở dữ liệu đang bận"),
    ("not a database", "tệp không phải cơ sở dữ liệu"),
    ("malformed", "tệp bị hỏng"),
    ("unable to open database file", "không mở được tệp"),
    ("no space left on device", "ổ đĩa đầy"),
)


LOW_SPACE_BYTES = 4 * 1024 * 1024
_IO_REASONS = ("lỗi đọc/ghi ổ đĩa", "không mở được tệp", "lỗi hệ thống")


def free_bytes(folder: Path) -> int:
    """Free space on the disk holding `folder` (a large number when it cannot be told)."""
    for candidate in (folder, *folder.parents):
        try:
            return shutil.disk_usage(candidate).free
        except OSError:
            continue
    return 1 << 62


def on_read_only_disk(folder: Path) -> bool:
    """Whether `folder` is on a file system mounted read-only (a CD, a locked USB stick)."""
    statvfs = getattr(os, "statvfs", None)
    for candidate in (folder, *folder.parents):
        try:
            if statvfs is not None:
                return bool(statvfs(candidate).f_flag & os.ST_RDONLY)
            return candidate.exists() and not os.access(candidate, os.W_OK)
        except OSError:
            continue
    return False


def is_disk_full(exc: BaseException, folder: Path | None = None) -> bool:
    """Whether `exc` says the disk is full, whichever layer said it."""
    return os_reason(exc, folder).startswith("ổ đĩa đầy")


def os_reason(exc: BaseException, folder: Path | None = None) -> str:
    """Why a file operation failed, in Vietnamese, for an OSError or an SQLite error.

    With a few KB left SQLite reports "disk I/O error", not "disk full"; given the `folder`
    written to, an I/O failure on a disk with little space left is called what it is.
    """
    reason = _plain_reason(exc)
    if folder is not None and reason.startswith(_IO_REASONS):
        if on_read_only_disk(folder):
            return "ổ đĩa chỉ cho đọc"
        free = free_bytes(folder)
        if free < LOW_SPACE_BYTES:
            return f"ổ đĩa đầy (còn {free // 1024} KB trống)"
    return reason


def _plain_reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        winerror = getattr(exc, "winerror", None)
        if isinstance(winerror, int) and winerror in _WINERROR_REASONS:
            return _WINERROR_REASONS[winerror]
        if exc.errno in _ERRNO_REASONS:
            return _ERRNO_REASONS[exc.errno]
        if exc.errno is not None:
            return f"lỗi hệ thống (mã {exc.errno})"
    text = str(exc).lower()
    for needle, reason in _SQLITE_REASONS:
        if needle in text:
            return reason
    return f"lỗi hệ thống ({type(exc).__name__})" if isinstance(exc, OSError) else str(exc)
