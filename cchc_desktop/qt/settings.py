"""Typed window-state settings over QSettings: every key declared once with its type and default.

Only per-user UI state lives here (geometry, splitter sizes, last plan, last folder). Business
settings travel with the data in the database's `setting` table (architecture.md §4.7).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from cchc_desktop import paths

T = TypeVar("T", str, int, bool, QByteArray)

ORGANISATION = "CCHC"
APPLICATION = "CCHC Desktop"
SETTINGS_FILE = "giao-dien.ini"


@dataclass(frozen=True)
class Option(Generic[T]):
    """One declared setting: its key, the Python type it reads back as, and its default."""

    key: str
    kind: type[T]
    default: T
    description: str


OPTIONS: dict[str, Option[str] | Option[int] | Option[bool] | Option[QByteArray]] = {}


def _declare(option: Option[T]) -> Option[T]:
    if option.key in OPTIONS:
        raise ValueError(f"setting {option.key} declared twice")
    OPTIONS[option.key] = option
    return option


WINDOW_GEOMETRY = _declare(
    Option("window/geometry", QByteArray, QByteArray(), "Vị trí và kích thước cửa sổ chính")
)
WINDOW_STATE = _declare(
    Option("window/state", QByteArray, QByteArray(), "Thanh công cụ và khung phụ của cửa sổ chính")
)
MAIN_SPLITTER = _declare(
    Option("window/main_splitter", QByteArray, QByteArray(), "Tỷ lệ giữa cây nhiệm vụ và chi tiết")
)
TREE_HEADER = _declare(
    Option("tree/header", QByteArray, QByteArray(), "Độ rộng và thứ tự cột của cây nhiệm vụ")
)
LAST_PLAN_ID = _declare(Option("plan/last_id", str, "", "Kế hoạch mở lần trước"))
LAST_TAB = _declare(
    Option("window/last_tab", int, 0, "Trang đang xem lần trước (cây, lịch, chỉ tiêu)")
)
LAST_EVIDENCE_DIR = _declare(
    Option("evidence/last_dir", str, "", "Thư mục chọn tệp minh chứng lần trước")
)
LAST_IMPORT_DIR = _declare(
    Option("import/last_dir", str, "", "Thư mục chọn văn bản kế hoạch lần trước")
)
LAST_UNIT_ID = _declare(Option("progress/last_unit", str, "", "Đơn vị báo cáo chọn lần trước"))


def settings_file() -> Path | None:
    """An explicit INI file under the data folder when CCHC_DATA_DIR is set (tests, portable)."""
    if os.environ.get(paths.DATA_DIR_ENV):
        return paths.user_data_dir() / SETTINGS_FILE
    return None


class Settings:
    """Reads and writes declared options; refuses keys that were never declared."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        if qsettings is None:
            explicit = settings_file()
            if explicit is not None:
                qsettings = QSettings(str(explicit), QSettings.Format.IniFormat)
            else:
                qsettings = QSettings(
                    QSettings.Format.IniFormat,
                    QSettings.Scope.UserScope,
                    ORGANISATION,
                    APPLICATION,
                )
        self._q = qsettings

    @property
    def file_name(self) -> str:
        return self._q.fileName()

    def get(self, option: Option[T]) -> T:
        self._check(option)
        raw: object = self._q.value(option.key, option.default)
        return cast(T, _convert(raw, option.kind, option.default))

    def set(self, option: Option[T], value: T) -> None:
        self._check(option)
        if not isinstance(value, option.kind):
            raise TypeError(f"{option.key} expects {option.kind.__name__}")
        self._q.setValue(option.key, value)

    def sync(self) -> None:
        self._q.sync()

    def stored_keys(self) -> list[str]:
        return list(self._q.allKeys())

    @staticmethod
    def _check(option: Option[T]) -> None:
        if OPTIONS.get(option.key) is not option:
            raise KeyError(f"setting {option.key} is not declared in qt/settings.py")


def _convert(raw: object, kind: type, default: object) -> object:
    """A stored value as `kind`; INI files give back strings ("true", "3") for everything."""
    if raw is None:
        return default
    if kind is bool:
        return raw.lower() in {"1", "true", "yes"} if isinstance(raw, str) else bool(raw)
    if kind is int:
        try:
            return int(str(raw))
        except ValueError:
            return default
    if kind is QByteArray:
        return raw if isinstance(raw, QByteArray) else default
    return str(raw)
