"""Old Word (.doc) and RTF files, converted to .docx by a program the PC already has.

On Windows with Microsoft Word installed, Word itself converts the file (through its COM
automation, when the pywin32 package is present); elsewhere LibreOffice's ``soffice --headless
--convert-to docx`` does, when it is installed. Without either, the clerk is told how to save the
file as .docx from Word.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from cchc_desktop.errors import DocumentError

__all__ = ["convert_to_docx", "find_soffice"]

TIMEOUT_SECONDS = 120
_WD_FORMAT_DOCX = 16  # Word's wdFormatXMLDocument


def convert_to_docx(path: Path, data: bytes) -> bytes:
    """The .docx bytes of the .doc/.rtf file at `path` (whose bytes are `data`).

    Raises:
        DocumentError: no converter on this PC, or the conversion failed.
    """
    name = path.name
    with tempfile.TemporaryDirectory(prefix="cchc-convert-") as work:
        source = Path(work) / f"vanban{path.suffix.lower()}"
        source.write_bytes(data)
        target = Path(work) / "vanban.docx"
        if sys.platform == "win32" and _convert_with_word(source, target):
            return target.read_bytes()
        soffice = find_soffice()
        if soffice is not None:
            return _convert_with_soffice(soffice, source, target, name)
    raise DocumentError(
        f"Tệp «{name}» là định dạng {path.suffix.lower()} cũ; máy này không có Microsoft Word hay "
        "LibreOffice để chuyển đổi. Hãy mở tệp bằng Word, chọn Tệp → Lưu thành… (File → Save "
        "As…), chọn kiểu «Tài liệu Word (*.docx)», lưu lại rồi nhập tệp .docx đó."
    )


def find_soffice() -> str | None:
    """The LibreOffice program, on the PATH or in its usual Windows folders."""
    for candidate in ("soffice", "libreoffice"):
        found = shutil.which(candidate)
        if found:
            return found
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES", ""), os.environ.get("PROGRAMFILES(X86)", "")):
            exe = Path(base) / "LibreOffice" / "program" / "soffice.exe"
            if base and exe.exists():
                return str(exe)
    return None


def _convert_with_soffice(soffice: str, source: Path, target: Path, name: str) -> bytes:
    profile = source.parent / "profile"
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "docx",
        "--outdir",
        str(source.parent),
        str(source),
    ]
    try:
        subprocess.run(  # a fixed program and arguments, no shell
            command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DocumentError(
            f"Không chuyển được tệp «{name}» sang .docx bằng LibreOffice ({type(exc).__name__}). "
            "Hãy mở tệp bằng Word hoặc LibreOffice, Lưu thành… .docx rồi nhập lại."
        ) from exc
    if not target.exists():
        raise DocumentError(
            f"Không chuyển được tệp «{name}» sang .docx bằng LibreOffice: tệp có thể bị hỏng. "
            "Hãy mở tệp bằng Word, Lưu thành… .docx rồi nhập lại."
        )
    return target.read_bytes()


def _convert_with_word(source: Path, target: Path) -> bool:  # pragma: no cover - Windows only
    """Convert through Word's COM automation; False when Word or pywin32 is not there."""
    try:
        import win32com.client
    except ImportError:
        return False
    try:
        word = win32com.client.DispatchEx("Word.Application")
    except Exception:  # noqa: BLE001 — COM raises its own error kinds when Word is absent
        return False
    try:
        word.Visible = False
        word.DisplayAlerts = 0
        doc = word.Documents.Open(str(source), ReadOnly=True, ConfirmConversions=False)
        try:
            doc.SaveAs2(str(target), FileFormat=_WD_FORMAT_DOCX)
        finally:
            doc.Close(False)
    except Exception:  # noqa: BLE001 — any Word failure falls back to LibreOffice or the advice
        return False
    finally:
        word.Quit()
    return target.exists()
