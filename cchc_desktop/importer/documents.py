"""Reading the files clerks have (.docx, .pdf, .doc, .rtf, .txt, .html) into one Document.

The one entry point is :func:`read_document`; what it gives back is format-free: the document's
blocks in reading order, each a :class:`Paragraph` (one line of text; Word's automatic list
numbering is written out, "1.", "a)", "-") or a :class:`Table` (rows of cells laid on the table's
grid: a cell merged across columns keeps its text in its first column and leaves the others
empty, a cell merged down several rows gives its text to each of them, a header row repeated on
later pages is dropped). Nothing here knows what a plan is; the plan, criteria and round-trip
importers build on it.

Limits (each refused with a Vietnamese message, nothing read further): :data:`MAX_FILE_BYTES`
per file, :data:`MAX_LINE_CHARS` per paragraph or cell, :data:`MAX_TABLE_ROWS` rows in all
tables together, :data:`MAX_UNPACKED_BYTES` unpacked inside a .docx (a zip bomb), and
:data:`MAX_PDF_PAGES` pages of a PDF.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cchc_desktop.domain.text import clean
from cchc_desktop.errors import DocumentError, os_reason

__all__ = [
    "FORMATS",
    "MAX_FILE_BYTES",
    "MAX_LINE_CHARS",
    "MAX_PDF_PAGES",
    "MAX_TABLE_ROWS",
    "MAX_UNPACKED_BYTES",
    "Block",
    "Document",
    "DocumentError",
    "Paragraph",
    "Table",
    "read_document",
]

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_LINE_CHARS = 20_000
MAX_TABLE_ROWS = 25_000
MAX_PDF_PAGES = 400

#: Extensions read, with the words the file dialog shows.
FORMATS: dict[str, str] = {
    ".docx": "Word",
    ".doc": "Word 97–2003",
    ".rtf": "RTF",
    ".pdf": "PDF",
    ".txt": "văn bản thuần",
    ".html": "trang web đã lưu",
    ".htm": "trang web đã lưu",
}


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (or one line of a PDF), whitespace folded, numbering written out."""

    text: str


@dataclass(frozen=True)
class Table:
    """Rows of cells on the table's grid (see the module docstring); every row is as wide."""

    rows: tuple[tuple[str, ...], ...]


Block = Paragraph | Table


@dataclass(frozen=True)
class Document:
    """What a file says, in reading order."""

    name: str  # the file's name, for messages
    kind: str  # the extension read: ".docx", ".pdf", ".txt", ".html" …
    blocks: tuple[Block, ...]

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))

    def lines(self) -> Iterator[str]:
        """The document as text lines: a paragraph per line, a table row per line with its
        cells separated by tabs (a tab or line break inside a cell becomes a space)."""
        for block in self.blocks:
            if isinstance(block, Paragraph):
                yield block.text
            else:
                for row in block.rows:
                    yield "\t".join(clean(c.replace("\n", " ")) for c in row)

    def to_text(self) -> str:
        """:meth:`lines` joined with line breaks."""
        return "\n".join(self.lines())


def read_document(path: Path) -> Document:
    """Read the file at `path` by its extension (:data:`FORMATS`).

    Raises:
        DocumentError: the file is missing, unreadable, too large, damaged, of another kind
            than its name says, a scan without text, or in a format not read here; the message
            says which, in Vietnamese, and what to do.
    """
    path = Path(path)
    name = path.name or str(path)
    extension = path.suffix.lower()
    if not path.exists():
        raise DocumentError(f"Không tìm thấy tệp: {path}")
    if path.is_dir():
        raise DocumentError(f"Không đọc được tệp: {path} là một thư mục, không phải tệp.")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentError(
                f"Tệp «{name}» quá lớn ({size / 1048576:.1f} MB); chương trình chỉ nhận tệp đến "
                f"{MAX_FILE_BYTES // 1048576} MB. Văn bản kế hoạch thường chỉ vài trăm KB: hãy "
                "kiểm tra lại tệp, hoặc bỏ hình ảnh rồi lưu lại."
            )
        data = path.read_bytes()
    except PermissionError as exc:
        raise DocumentError(f"Không đọc được tệp {path}: không có quyền đọc tệp.") from exc
    except OSError as exc:
        raise DocumentError(f"Không đọc được tệp {path}: lỗi hệ thống ({os_reason(exc)}).") from exc
    if not data.strip():
        raise DocumentError(f"Tệp «{name}» trống: không có nội dung nào để nhập.")
    kind = sniff_kind(data, extension)
    blocks = _read(path, kind, name, data)
    check_limits(name, blocks)
    return Document(name=name, kind=kind, blocks=blocks)


_SIGNATURES = ((b"PK\x03\x04", ".docx"), (b"%PDF", ".pdf"), (b"\xd0\xcf\x11\xe0", ".doc"),
               (b"{\\rtf", ".rtf"))  # fmt: skip


def sniff_kind(data: bytes, extension: str) -> str:
    """The format by the file's first bytes (a PDF named .txt is read as a PDF), else by its
    extension; a file of another extension that starts like a web page is a web page, any other
    is read as text."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    if extension in (".html", ".htm", ".txt"):
        return extension
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return ".html"
    return ".txt"


def _read(path: Path, kind: str, name: str, data: bytes) -> tuple[Block, ...]:
    if kind == ".docx":
        from cchc_desktop.importer.docx_reader import read_docx

        return read_docx(data, name)
    if kind == ".pdf":
        from cchc_desktop.importer.pdf_reader import read_pdf

        return read_pdf(data, name)
    if kind in (".doc", ".rtf"):
        from cchc_desktop.importer.docx_reader import read_docx
        from cchc_desktop.importer.word_convert import convert_to_docx

        return read_docx(convert_to_docx(path, data), name)
    from cchc_desktop.importer.text_reader import read_html, read_text

    if kind in (".html", ".htm"):
        return read_html(data, name)
    return read_text(data, name)


def check_limits(name: str, blocks: tuple[Block, ...]) -> None:
    """Refuse a document past :data:`MAX_LINE_CHARS` or :data:`MAX_TABLE_ROWS`."""
    rows = 0
    for number, block in enumerate(blocks, start=1):
        texts = [block.text] if isinstance(block, Paragraph) else [c for r in block.rows for c in r]
        if isinstance(block, Table):
            rows += len(block.rows)
        longest = max((len(t) for t in texts), default=0)
        if longest > MAX_LINE_CHARS:
            raise DocumentError(
                f"Tệp «{name}» có một đoạn dài {longest:,} ký tự (đoạn thứ {number}); chương "
                f"trình chỉ nhận đoạn văn hoặc ô bảng đến {MAX_LINE_CHARS:,} ký tự. Tệp có thể "
                "bị hỏng hoặc không phải văn bản kế hoạch.".replace(",", ".")
            )
    if rows > MAX_TABLE_ROWS:
        raise DocumentError(
            f"Tệp «{name}» có {rows:,} dòng bảng; chương trình chỉ nhận đến "
            f"{MAX_TABLE_ROWS:,} dòng. Hãy chia kế hoạch thành nhiều tệp.".replace(",", ".")
        )


def drop_repeated_headers(rows: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """A table's rows without later copies of its first row (a header repeated on each printed
    page, or pasted again)."""
    if not rows:
        return ()
    first = rows[0]
    key = tuple(clean(c).casefold() for c in first)
    kept = [first]
    kept.extend(r for r in rows[1:] if tuple(clean(c).casefold() for c in r) != key)
    return tuple(kept)


def merge_continued_tables(blocks: list[Block]) -> tuple[Block, ...]:
    """Adjacent tables of one width as one table (a table broken across pages, or split in two
    by an empty paragraph), without the second's copy of the header row."""
    merged: list[Block] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if (
            isinstance(block, Table)
            and isinstance(previous, Table)
            and block.rows
            and previous.rows
            and len(block.rows[0]) == len(previous.rows[0])
        ):
            merged[-1] = Table(drop_repeated_headers([*previous.rows, *block.rows]))
        else:
            merged.append(block)
    return tuple(merged)
