"""Plain text and saved web pages: decoding (UTF-8, UTF-16, Windows-1258) and HTML to blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cchc_desktop.domain.text import clean, nfc
from cchc_desktop.errors import DocumentError
from cchc_desktop.importer.documents import Block, Paragraph, Table, drop_repeated_headers

__all__ = ["decode_text", "html_blocks", "read_html", "read_text", "text_blocks"]

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "tệp nén hoặc tệp Word (.docx)"),
    (b"%PDF", "tệp PDF"),
    (b"\xd0\xcf\x11\xe0", "tệp Word cũ (.doc)"),
    (b"{\\rtf", "tệp RTF"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
# What Windows-1258 Vietnamese is made of: the letters ă â đ ê ô ơ ư and combining tone marks —
# a Windows-1258 reading of Vietnamese text has them, a reading of other bytes rarely does.
_VIETNAMESE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]")


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when
    every other byte is zero), a charset a web page declares, else Windows-1258 when the text
    reads as Vietnamese. The result is NFC.

    Raises:
        DocumentError: empty, binary (a Word or PDF file renamed), or none of these encodings.
    """
    subject = f"Tệp «{name}»"
    if not data.strip():
        raise DocumentError(f"{subject} trống: không có nội dung nào để nhập.")
    for magic, kind in _BINARY_SIGNATURES:
        if data.startswith(magic):
            raise DocumentError(
                f"{subject} không phải văn bản thuần: đây là {kind}. Hãy đổi đuôi tệp cho đúng "
                "(.docx, .pdf, .doc, .rtf) rồi nhập lại."
            )
    text = _decode(data)
    if text is None:
        raise DocumentError(
            f"{subject} không đọc được: nội dung không phải chữ Việt mã UTF-8, UTF-16 hay "
            "Windows-1258. Hãy mở tệp bằng Word hoặc Notepad, chọn Lưu thành… với mã UTF-8 "
            "rồi nhập lại."
        )
    if "\x00" in text:
        raise DocumentError(f"{subject} không phải văn bản: nội dung chứa dữ liệu nhị phân.")
    text = nfc(text).lstrip("\ufeff")
    if not text.strip():
        raise DocumentError(f"{subject} trống: không có nội dung nào để nhập.")
    return text


def _decode(data: bytes) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        return _try(data[3:], "utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _try(data, "utf-16")
    sample = data[:4000]
    if len(sample) >= 4 and sample.count(0) * 3 > len(sample):
        # UTF-16 without a BOM: zero bytes on the odd (little-endian) or even positions
        odd_zeros = sample[1::2].count(0)
        return _try(data, "utf-16-le" if odd_zeros > sample[0::2].count(0) else "utf-16-be")
    text = _try(data, "utf-8")
    if text is not None:
        return text
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        text = _try(data, declared.group(1).decode("ascii", "replace").lower())
        if text is not None:
            return text
    text = _try(data, "cp1258")
    if text is not None and _VIETNAMESE.search(text):
        return text
    return None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def text_blocks(text: str) -> tuple[Block, ...]:
    """Lines of text as blocks: a run of lines with tabs is a table (rows padded to one width,
    blank lines inside it skipped), every other non-blank line a paragraph."""
    blocks: list[Block] = []
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            width = max(len(r) for r in rows)
            blocks.append(Table(tuple(tuple(r + [""] * (width - len(r))) for r in rows)))
            rows.clear()

    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "\t" in line:
            rows.append([clean(c) for c in line.split("\t")])
        elif line.strip():
            flush()
            blocks.append(Paragraph(clean(line)))
    flush()
    return tuple(blocks)


def read_text(data: bytes, name: str) -> tuple[Block, ...]:
    return text_blocks(decode_text(data, name))


# ---------------------------------------------------------------- web pages

_SKIP = {"script", "style", "noscript", "head", "title", "nav", "header", "footer", "form",
         "button", "select", "svg", "iframe", "template"}  # fmt: skip
_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "section", "article",
          "blockquote", "pre", "dd", "dt", "tr", "ul", "ol", "center", "main", "aside"}  # fmt: skip
_LIST_MARKERS = {"ul": "-", "ol": ""}
# A portal's own menu, footer and side bars, marked by their class or id: not the document.
_CHROME = {"footer", "site-footer", "menu", "main-menu", "nav", "navbar", "breadcrumb",
           "breadcrumbs", "sidebar"}  # fmt: skip


def read_html(data: bytes, name: str) -> tuple[Block, ...]:
    return html_blocks(decode_text(data, name), name)


def html_blocks(text: str, name: str = "") -> tuple[Block, ...]:
    """A saved web page as blocks: its tables as tables (rowspan/colspan resolved), every other
    block element's text as a paragraph; scripts, styles, the page's head and the portal's menu,
    footer and side bars (by their tag, class or id) are skipped."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=_html_parser())
    except (lxml.etree.ParserError, ValueError) as exc:
        raise DocumentError(f"Tệp «{name}» không đọc được như một trang web: {exc}") from exc
    body = root.find("body")
    out: list[Block] = []
    _walk(body if body is not None else root, out, [])
    return tuple(out)


def _html_parser() -> object:
    import lxml.html

    return lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, huge_tree=False)


def _walk(element: object, out: list[Block], line: list[str]) -> None:
    from lxml.html import HtmlElement

    assert isinstance(element, HtmlElement)
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP or _is_chrome(element):
        _tail(element, line)
        return
    if tag == "table":
        _flush(out, line)
        table = _html_table(element)
        if table.rows:
            out.append(table)
        _tail(element, line)
        return
    block = tag in _BLOCK
    if block:
        _flush(out, line)
        if tag == "li":
            parent = element.getparent()
            marker = "-" if parent is None or parent.tag != "ol" else ""
            if marker:
                line.append(marker + " ")
    if element.text:
        line.append(element.text)
    for child in element:
        _walk(child, out, line)
    if block:
        _flush(out, line)
    _tail(element, line)


def _is_chrome(element: object) -> bool:
    get = getattr(element, "get", None)
    if get is None:
        return False
    names = f"{get('class') or ''} {get('id') or ''}".casefold().split()
    return any(name in _CHROME for name in names)


def _tail(element: object, line: list[str]) -> None:
    tail = getattr(element, "tail", None)
    if tail:
        line.append(tail)


def _flush(out: list[Block], line: list[str]) -> None:
    text = clean(" ".join("".join(line).split()))
    line.clear()
    if text:
        out.append(Paragraph(text))


def _cell_text(cell: object) -> str:
    from lxml.html import HtmlElement

    assert isinstance(cell, HtmlElement)
    parts: list[str] = []
    for piece in _cell_lines(cell):
        if piece:
            parts.append(piece)
    return "\n".join(parts)


def _cell_lines(cell: object) -> Iterator[str]:
    out: list[Block] = []
    line: list[str] = []
    _walk(cell, out, line)
    _flush(out, line)
    for block in out:
        if isinstance(block, Paragraph):
            yield block.text
        else:  # a table nested in a cell: its rows, cells joined
            yield from (" ".join(c for c in row if c) for row in block.rows)


def _html_table(table: object) -> Table:
    from lxml.html import HtmlElement

    assert isinstance(table, HtmlElement)
    grid: list[list[str | None]] = []
    pending: dict[tuple[int, int], str] = {}
    rows = [tr for tr in table.iter("tr") if _owner_table(tr) is table]
    for r, tr in enumerate(rows):
        row: list[str | None] = []
        col = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            while (r, col) in pending:
                row.append(pending.pop((r, col)))
                col += 1
            text = _cell_text(cell)
            span = _span(cell.get("colspan"))
            down = _span(cell.get("rowspan"))
            for k in range(span):
                row.append(text if k == 0 else "")
                for d in range(1, down):
                    pending[(r + d, col + k)] = text if k == 0 else ""
            col += span
        while (r, col) in pending:
            row.append(pending.pop((r, col)))
            col += 1
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    return Table(drop_repeated_headers([tuple((c or "") for c in r) + ("",) * (width - len(r))
                                         for r in grid if any(r)]))  # fmt: skip


def _owner_table(tr: object) -> object:
    node = getattr(tr, "getparent", lambda: None)()
    while node is not None and node.tag != "table":
        node = node.getparent()
    return node


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1
