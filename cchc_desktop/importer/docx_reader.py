"""Word .docx files: paragraphs with their automatic numbering written out, tables on their grid.

python-docx opens the package; the body is then read straight from its XML, in order, so that
list numbering (numbering.xml: per-list counters, levels restarting under their parent, the
level's format and text such as "%1.%2.") and merged cells (w:gridSpan across, w:vMerge down)
come out as a clerk sees them in Word. Text boxes, deleted revisions and field codes are not read.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from cchc_desktop.domain.text import clean
from cchc_desktop.errors import DocumentError
from cchc_desktop.importer.documents import (
    MAX_UNPACKED_BYTES,
    Block,
    Paragraph,
    Table,
    drop_repeated_headers,
    merge_continued_tables,
)

__all__ = ["read_docx"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (
    _q(t) for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent")
)
_VAL = _q("val")


def read_docx(data: bytes, name: str) -> tuple[Block, ...]:
    """The blocks of a .docx file (see the module docstring).

    Raises:
        DocumentError: not a zip/Word package, damaged, or unpacking to more than
            :data:`MAX_UNPACKED_BYTES` (a zip bomb).
    """
    _check_package(data, name)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise DocumentError(
            f"Tệp «{name}» không mở được như tệp Word (.docx): tệp bị hỏng hoặc không phải "
            "tệp Word. Hãy mở tệp bằng Word, chọn Lưu thành… định dạng .docx rồi nhập lại."
        ) from exc
    except Exception as exc:  # lxml's XMLSyntaxError and kin from a damaged part
        raise DocumentError(
            f"Tệp «{name}» bị hỏng, không đọc được nội dung Word ({type(exc).__name__})."
        ) from exc
    numbering = _Numbering(document)
    reader = _BodyReader(numbering)
    blocks = list(reader.blocks(document.element.body))
    return merge_continued_tables(blocks)


def _check_package(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError) as exc:
        # NotImplementedError: a damaged directory entry asking for an unknown zip version
        raise DocumentError(
            f"Tệp «{name}» không phải tệp Word (.docx) hợp lệ (không mở được gói nén). Nếu đây là "
            "tệp Word cũ, hãy đổi đuôi thành .doc; hoặc mở bằng Word và Lưu thành… .docx."
        ) from exc
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNPACKED_BYTES or len(infos) > 5000:
        raise DocumentError(
            f"Tệp «{name}» bị từ chối: khi giải nén nó chiếm {unpacked / 1048576:,.0f} MB "
            f"(giới hạn {MAX_UNPACKED_BYTES // 1048576} MB). Tệp có thể là tệp độc hại "
            "(«bom nén») hoặc chứa quá nhiều hình ảnh."
        )
    if not any(i.filename == "word/document.xml" for i in infos):
        raise DocumentError(
            f"Tệp «{name}» không phải tệp Word: gói nén không có phần nội dung văn bản "
            "(word/document.xml)."
        )


# ---------------------------------------------------------------- numbering


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    """numbering.xml's lists, and the counters as the document is read."""

    document: Any
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → ilvl → level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    style_numbers: dict[str, tuple[str, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        try:
            root = self.document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        if root is not None:
            abstract: dict[str, dict[int, _Level]] = {}
            for node in root.findall(_q("abstractNum")):
                abstract[node.get(_q("abstractNumId"), "")] = {
                    int(lvl.get(_q("ilvl"), "0")): _level(lvl) for lvl in node.findall(_q("lvl"))
                }
            for num in root.findall(_q("num")):
                ref = num.find(_q("abstractNumId"))
                levels = dict(abstract.get(ref.get(_VAL, "") if ref is not None else "", {}))
                for override in num.findall(_q("lvlOverride")):
                    ilvl = int(override.get(_q("ilvl"), "0"))
                    lvl = override.find(_q("lvl"))
                    start = override.find(_q("startOverride"))
                    if lvl is not None:
                        levels[ilvl] = _level(lvl)
                    if start is not None and ilvl in levels:
                        base = levels[ilvl]
                        levels[ilvl] = _Level(base.fmt, base.text, _int(start.get(_VAL), 1))
                self.levels[num.get(_q("numId"), "")] = levels
        try:
            styles = self.document.styles.element
        except (NotImplementedError, KeyError, AttributeError):
            styles = None
        if styles is not None:
            for style in styles.findall(_q("style")):
                found = _num_pr(style.find(_q("pPr")))
                if found is not None:
                    self.style_numbers[style.get(_q("styleId"), "")] = found

    def label(self, p: Any) -> str:
        """The number Word shows before paragraph `p` ("2.", "a)", "-"), counting it; "" if none."""
        ppr = p.find(_q("pPr"))
        found = _num_pr(ppr)
        if found is None and ppr is not None:
            style = ppr.find(_q("pStyle"))
            if style is not None:
                found = self.style_numbers.get(style.get(_VAL, ""))
        if found is None:
            return ""
        num_id, ilvl = found
        levels = self.levels.get(num_id)
        if not levels or num_id == "0" or ilvl not in levels:
            return ""
        level = levels[ilvl]
        if level.fmt == "bullet":
            return level.text if level.text in ("-", "+", "–", "•", "*") else "-"
        if level.fmt == "none":
            return clean(level.text.replace("%", ""))
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token in text:
                lvl = levels.get(k, _Level())
                value = counters.get(k, lvl.start)
                text = text.replace(token, _format(value, lvl.fmt))
        return text.strip()


def _level(lvl: Any) -> _Level:
    fmt = lvl.find(_q("numFmt"))
    text = lvl.find(_q("lvlText"))
    start = lvl.find(_q("start"))
    return _Level(
        fmt=fmt.get(_VAL, "decimal") if fmt is not None else "decimal",
        text=text.get(_VAL, "") if text is not None else "",
        start=_int(start.get(_VAL) if start is not None else None, 1),
    )


def _num_pr(ppr: Any) -> tuple[str, int] | None:
    if ppr is None:
        return None
    num_pr = ppr.find(_q("numPr"))
    if num_pr is None:
        return None
    num_id = num_pr.find(_q("numId"))
    ilvl = num_pr.find(_q("ilvl"))
    if num_id is None:
        return None
    return num_id.get(_VAL, "0"), _int(ilvl.get(_VAL) if ilvl is not None else None, 0)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        n = max(value, 1) - 1
        text = letters[n % 26] * (n // 26 + 1)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        out, n = "", max(value, 1)
        for size, digits in _ROMAN:
            while n >= size:
                out, n = out + digits, n - size
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


# ---------------------------------------------------------------- the body


@dataclass
class _BodyReader:
    numbering: _Numbering

    def blocks(self, container: Any) -> Iterator[Block]:
        for child in container:
            if child.tag == _P:
                yield from (Paragraph(t) for t in self.paragraph_lines(child))
            elif child.tag == _TBL:
                table = self.table(child)
                if table.rows:
                    yield table
            elif child.tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    yield from self.blocks(content)

    def paragraph_lines(self, p: Any) -> list[str]:
        """A paragraph's text, one entry per line (a manual line break starts a new one), the
        first led by its list number."""
        pieces: list[str] = []
        for node in p.iter(_q("t"), _q("tab"), _q("br"), _q("cr"), _q("noBreakHyphen")):
            tag = node.tag
            if tag == _q("t"):
                pieces.append(node.text or "")
            elif tag == _q("tab"):
                if node.getparent() is not None and node.getparent().tag == _q("r"):
                    pieces.append(" ")
            elif tag == _q("noBreakHyphen"):
                pieces.append("-")
            elif node.get(_q("type"), "textWrapping") == "textWrapping":
                pieces.append("\n")
        label = self.numbering.label(p)
        lines = [clean(line) for line in "".join(pieces).split("\n")]
        lines = [line for line in lines if line]
        if label and lines:
            lines[0] = f"{label} {lines[0]}"
        return lines

    def cell_text(self, tc: Any) -> str:
        lines: list[str] = []
        for block in self.blocks(tc):
            if isinstance(block, Paragraph):
                lines.append(block.text)
            else:
                lines.extend(" ".join(c for c in row if c) for row in block.rows)
        return "\n".join(lines)

    def table(self, tbl: Any) -> Table:
        grid: list[list[str]] = []
        for tr in tbl.iter(_TR):
            if _owner(tr, _TBL) is not tbl:
                continue
            row: list[str] = []
            trpr = tr.find(_q("trPr"))
            before = trpr.find(_q("gridBefore")) if trpr is not None else None
            row.extend([""] * _int(before.get(_VAL) if before is not None else None, 0))
            for tc in _cells(tr):
                tcpr = tc.find(_q("tcPr"))
                span_node = tcpr.find(_q("gridSpan")) if tcpr is not None else None
                span = max(
                    1, min(_int(span_node.get(_VAL) if span_node is not None else None, 1), 64)
                )
                merge = tcpr.find(_q("vMerge")) if tcpr is not None else None
                col = len(row)
                if merge is not None and merge.get(_VAL, "continue") == "continue":
                    above = grid[-1] if grid else []
                    text = above[col] if col < len(above) else ""
                else:
                    text = self.cell_text(tc)
                row.append(text)
                row.extend([""] * (span - 1))
            grid.append(row)
        width = max((len(r) for r in grid), default=0)
        rows = [tuple(r + [""] * (width - len(r))) for r in grid if any(c.strip() for c in r)]
        return Table(drop_repeated_headers(rows))


def _cells(tr: Any) -> Iterator[Any]:
    """The row's cells, including those wrapped in content controls or custom XML."""
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag in (_SDT, _q("customXml")):
            content = child.find(_SDT_CONTENT)
            yield from _cells(content if content is not None else child)


def _owner(node: Any, tag: str) -> Any:
    parent = node.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent
