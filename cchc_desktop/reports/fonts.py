"""The report font family: Times New Roman where Windows has it, else bundled Liberation Serif.

ReportLab's built-in (base-14) fonts are never used: they are not embedded and have no Vietnamese
letters. Every face registered here is a TrueType file that ReportLab embeds as a subset.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cchc_desktop.errors import ReportError
from cchc_desktop.paths import resource_path
from cchc_desktop.reports import fast_text

log = logging.getLogger(__name__)

FAMILY = "CCHC-Serif"
REGULAR = "CCHC-Serif"
BOLD = "CCHC-Serif-Bold"
ITALIC = "CCHC-Serif-Italic"
BOLD_ITALIC = "CCHC-Serif-BoldItalic"

_TIMES_FILES = ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")
_LIBERATION_FILES = (
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
)


@dataclass(frozen=True, slots=True)
class FontFiles:
    """The four TrueType files of one family and what the family is called."""

    source: str  # "Times New Roman" or "Liberation Serif"
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


def windows_fonts_dir() -> Path:
    """The Windows fonts folder (``%WINDIR%\\Fonts``, normally ``C:\\Windows\\Fonts``)."""
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def find_font_files(windows_dir: Path | None = None, bundled_dir: Path | None = None) -> FontFiles:
    """Pick the family: all four Times New Roman files if present, else bundled Liberation Serif.

    Raises:
        ReportError: neither family is complete (a damaged installation).
    """
    win = windows_dir if windows_dir is not None else windows_fonts_dir()
    times = [win / name for name in _TIMES_FILES]
    if all(p.is_file() for p in times):
        return FontFiles("Times New Roman", *times)
    bundled = bundled_dir if bundled_dir is not None else resource_path("fonts")
    liberation = [bundled / name for name in _LIBERATION_FILES]
    missing = [p.name for p in liberation if not p.is_file()]
    if missing:
        raise ReportError(
            "Không tìm thấy phông chữ Times New Roman hoặc Liberation Serif để in báo cáo "
            f"(thiếu {', '.join(missing)}). Hãy cài lại chương trình."
        )
    return FontFiles("Liberation Serif", *liberation)


_lock = threading.Lock()
_registered: FontFiles | None = None


def register_fonts() -> FontFiles:
    """Register the family once per process under the names in this module; return its files.

    Raises:
        ReportError: no usable font files.
    """
    global _registered
    with _lock:
        if _registered is not None:
            return _registered
        files = find_font_files()
        try:
            faces = _load(files)
        except Exception as exc:  # a broken or restricted TTF; reported in Vietnamese
            if files.source == "Liberation Serif":
                raise ReportError(f"Không đọc được phông chữ {files.regular.name}: {exc}") from exc
            log.warning("Times New Roman unusable (%s); falling back to Liberation Serif", exc)
            files = find_font_files(windows_dir=Path("/nonexistent"))
            faces = _load(files)
        for face in faces:
            fast_text.speed_up(face)
            pdfmetrics.registerFont(face)
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        log.info("Report font: %s (%s)", files.source, files.regular.parent)
        _registered = files
        return files


def _load(files: FontFiles) -> list[TTFont]:
    return [
        TTFont(REGULAR, str(files.regular)),
        TTFont(BOLD, str(files.bold)),
        TTFont(ITALIC, str(files.italic)),
        TTFont(BOLD_ITALIC, str(files.bold_italic)),
    ]
