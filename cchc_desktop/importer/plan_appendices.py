"""Appendix tables of a plan: headings, header rows matched by meaning, rows, and the checks
that keep every source row as its own task."""

from __future__ import annotations

import functools
import re

from cchc_desktop.domain.model import Appendix, Task
from cchc_desktop.domain.text import fold
from cchc_desktop.importer.agency_names import split_agencies
from cchc_desktop.importer.plan_patterns import (
    APPENDIX,
    APPENDIX_REFERENCE,
    COLUMN_NAMES,
    DEFAULT_COLUMNS,
    ITEM_MULTI,
    ITEM_SINGLE,
    PART,
    REQUIRED_COLUMNS,
    YEAR,
    appendix_no,
    cell_text,
    split_appendix_heading,
    split_products,
    two_digits,
)
from cchc_desktop.importer.plan_state import AppendixDraft, ParserBase, Row

# the same agencies and products cells recur row after row: each is read once
_agencies = functools.lru_cache(maxsize=4096)(split_agencies)
_products = functools.lru_cache(maxsize=4096)(split_products)
_NO_HEADERS = {"stt", "tt", "so tt", "so thu tu"}
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
_ROMAN_NO = re.compile(r"^[IVX]{1,5}\.?$")
_REFERENCE_TITLE = re.compile(
    r"^[-–•+]?\s*(?P<title>[^:]{3,120}):\s*ph[ụu]\s*l[ụu]c\s*(?:s[ốo]\s*)?(?P<no>\d{1,2})\b",
    re.IGNORECASE,
)


def column_meaning(header: str) -> str:
    """What a header cell names, by meaning: "no", "title", "products", "lead", "partners",
    "agencies", "timeline", "note"; "" for an empty cell, "extra" for any other (budget …)."""
    key = fold(cell_text(header))
    if not key:
        return ""
    if key in _NO_HEADERS:
        return "no"
    if "thoi gian" in key or "thoi han" in key or "tien do" in key or "hoan thanh" in key:
        return "timeline"
    if "phoi hop" in key:
        return "partners"
    if "chu tri" in key:
        return "lead"
    if "san pham" in key or "ket qua" in key:
        return "products"
    if "co quan" in key or "don vi" in key or "thuc hien" in key or "trach nhiem" in key:
        return "agencies"
    if "nhiem vu" in key or "noi dung" in key or "cong viec" in key or "hoat dong" in key:
        return "title"
    if "ghi chu" in key:
        return "note"
    return "extra"


class AppendixReader(ParserBase):
    """The appendices part of the parser (mixed into plan_text's parser).

    Every source row stays its own task: a header row after rows starts a new appendix (its
    heading was lost; the number is the next one, flagged), a group row ("II. CẢI CÁCH THỦ TỤC
    HÀNH CHÍNH" inside a table) starts the next area, a repeated STT or appendix number is kept
    and reported with the lines of both.
    """

    def parse_appendices(self, start: int, year: int, *, headless: bool = False) -> list[Appendix]:
        """Appendices from line `start` on; `headless`: the plan has no "Phụ lục" headings, its
        tables stand among the plan's text (which the body keeps) and each is one appendix."""
        drafts: list[AppendixDraft] = []
        current: AppendixDraft | None = None
        in_heading = False
        previous_text = ""
        for i in range(start, len(self.lines)):
            line = self.lines[i]
            if not line.text:
                continue
            heading = None if headless else self.appendix_heading(i)
            if heading:
                current = AppendixDraft(
                    number=appendix_no(heading.group("no")),
                    line=line.no,
                    heading_lines=[line.text],
                )
                drafts.append(current)
                in_heading = True
                self.use(i)
                continue
            cells = line.raw.split("\t") if "\t" in line.raw else None
            if cells is None:
                previous_text = line.text
                heading_goes_on = not headless and current is not None and in_heading
                if heading_goes_on and current is not None and len(current.heading_lines) < 4:
                    current.heading_lines.append(line.text)
                    self.use(i)
                continue
            in_heading = False
            self.use(i)
            header = self.is_header(cells)
            if current is None or (header and current.rows and self.restarts(i, current)):
                current = self.unheaded(drafts, line.no, previous_text if headless else "")
                drafts.append(current)
            if header and current.columns is not None and current.rows:
                continue  # the header repeated where the table goes on over a page
            if header:
                current.columns = self.columns(cells, current, line.no)
            elif self.special_row(current, cells, drafts, line.no):
                current = drafts[-1]  # a group row may have started the next area
            else:
                self.add_row(current, cells, line.no)
        self.appendix_lines = [d.line for d in drafts]
        return [self.finish_appendix(d, year) for d in drafts]

    def restarts(self, header_at: int, current: AppendixDraft) -> bool:
        """Whether the table below the header row at `header_at` is another table (its numbering
        starts again) rather than the same one going on over a page."""
        columns = self.columns_quiet(self.lines[header_at].raw.split("\t"))
        no_at = columns.index("no") if "no" in columns else 0
        for k in range(header_at + 1, min(header_at + 40, len(self.lines))):
            raw = self.lines[k].raw
            if "\t" not in raw:
                if self.lines[k].text:
                    return True  # text between: another table
                continue
            cells = raw.split("\t")
            filled = [t for t in (cell_text(c) for c in cells) if t]
            if self.is_header(cells) or all(_COLUMN_NUMBER.match(t) for t in filled):
                continue  # a second header row, or the row of column numbers
            first = fold(cell_text(cells[no_at])) if no_at < len(cells) else ""
            if not first:
                continue
            previous = current.rows[-1].cells.get("no", "").rstrip(".")
            return first.rstrip(".") in ("1", "i", "a") and previous not in ("", "0")
        return False

    @staticmethod
    def columns_quiet(cells: list[str]) -> list[str]:
        return [column_meaning(c) for c in cells]

    def unheaded(self, drafts: list[AppendixDraft], line: int, caption: str) -> AppendixDraft:
        """A table without its own "Phụ lục" heading: the next appendix number."""
        number = max((d.number for d in drafts), default=0) + 1
        draft = AppendixDraft(number=number, line=line, heading_lines=[])
        if caption:
            part = PART.match(caption) or ITEM_SINGLE.match(caption) or ITEM_MULTI.match(caption)
            draft.group_title = part.group(2) if part else caption
        elif drafts:
            self.warn(
                f"Bảng ở dòng {line} không có tiêu đề «Phụ lục …» (bảng nối ngay sau bảng của "
                f"Phụ lục {two_digits(drafts[-1].number)}): nhập thành Phụ lục "
                f"{two_digits(number)} riêng, cần kiểm tra tiêu đề.",
                line,
            )
        return draft

    def special_row(
        self, draft: AppendixDraft, cells: list[str], drafts: list[AppendixDraft], line: int
    ) -> bool:
        """Rows that are no task: column numbers "(1) (2) (3)", a second header row ("Chủ trì",
        "Phối hợp" under "Cơ quan thực hiện"), a group row. True when the row was one."""
        texts = [cell_text(c) for c in cells]
        filled = [t for t in texts if t]
        if len(filled) >= 3 and all(_COLUMN_NUMBER.match(t) for t in filled):
            return True
        columns = draft.columns
        if columns is not None and not draft.rows:
            meanings = [column_meaning(t) for t in texts]
            if any(m in ("lead", "partners") for m in meanings) and not texts[0]:
                draft.columns = tuple(
                    m if m in ("lead", "partners") else (columns[k] if k < len(columns) else "")
                    for k, m in enumerate(meanings)
                )
                return True
        no_at = columns.index("no") if columns and "no" in columns else 0
        first = texts[no_at] if no_at < len(texts) else ""
        rest = [t for k, t in enumerate(texts) if t and k != no_at]
        group = None
        group_no = ""
        if _ROMAN_NO.match(first) and len(rest) == 1:
            group = rest[0]
        elif not rest and (PART.match(first)):
            part = PART.match(first)
            group = part.group(2) if part else None
        elif len(rest) == 1 and first.rstrip(".").isdigit():
            # "1 | Cải cách thể chế" over rows "1.1", "1.2": a group row numbered as the rows are
            group_no = first.rstrip(".")
            group = rest[0] if self.heads_subrows(line, no_at, group_no) else None
        if group is None:
            return False
        if draft.rows or draft.group_title:
            new = AppendixDraft(
                number=max(d.number for d in drafts) + 1,
                line=line,
                heading_lines=[],
                columns=draft.columns,
                extra_headers=draft.extra_headers,
            )
            drafts.append(new)
            draft = new
        draft.group_title = group
        draft.group_no = group_no
        return True

    def heads_subrows(self, line: int, no_at: int, number: str) -> bool:
        """Whether the next table row below source line `line` is numbered "`number`.1"."""
        for k in range(line, min(line + 6, len(self.lines))):  # line numbers count from 1
            raw = self.lines[k].raw
            if not self.lines[k].text:
                continue
            if "\t" not in raw:
                return False
            cells = raw.split("\t")
            below = cell_text(cells[no_at]) if no_at < len(cells) else ""
            return below.rstrip(".").startswith(f"{number}.")
        return False

    @staticmethod
    def is_header(cells: list[str]) -> bool:
        first = cell_text(cells[0])
        if first.rstrip(".").isdigit():
            return False  # a task row
        if fold(first) in _NO_HEADERS:
            return True
        texts = [cell_text(c) for c in cells]
        if any(len(t) > 60 or t.rstrip(".").isdigit() for t in texts):
            return False  # header cells are short names, never a row's STT or sentences
        meanings = {column_meaning(t) for t in texts}
        return "title" in meanings and bool(meanings & {"agencies", "lead", "timeline"})

    def columns(self, cells: list[str], draft: AppendixDraft, line: int) -> tuple[str, ...]:
        names: list[str] = []
        for k, cell in enumerate(cells):
            name = column_meaning(cell)
            if name == "extra":
                name = f"extra{k}"
                draft.extra_headers[k] = cell_text(cell)
            names.append(name)
        for required in REQUIRED_COLUMNS:
            has = required in names or (
                required == "agencies" and ("lead" in names or "partners" in names)
            )
            if not has:
                self.warn(
                    f"Phụ lục {two_digits(draft.number)}: bảng không có cột "
                    f"«{COLUMN_NAMES[required]}».",
                    line,
                )
        return tuple(names)

    def add_row(self, draft: AppendixDraft, cells: list[str], line: int) -> None:
        if draft.columns is None:
            self.warn(
                f"Phụ lục {two_digits(draft.number)}: bảng không có dòng tiêu đề "
                "(STT, Nhiệm vụ cụ thể, …); dùng thứ tự cột thông thường.",
                line,
            )
            draft.columns = DEFAULT_COLUMNS
        columns = draft.columns
        values: dict[str, str] = {}
        for k, cell in enumerate(cells):
            text = cell_text(cell)
            name = columns[k] if k < len(columns) else ""
            if name.startswith("extra") and text:
                text = f"{draft.extra_headers.get(k, '')}: {text}"
                name = "note"
            elif not name and text:
                self.warn(
                    f"Phụ lục {two_digits(draft.number)}: ô thừa ngoài bảng, đưa vào ghi chú: "
                    f"«{text}».",
                    line,
                )
                name = "note"
            if name and text:
                values[name] = f"{values[name]} {text}" if values.get(name) else text
        present = {columns[k] for k in range(min(len(cells), len(columns)))}
        if "lead" in present or "partners" in present:
            present.add("agencies")
        missing = [c for c in REQUIRED_COLUMNS if c in columns and c not in present]
        if "no" not in columns and values:  # a table without an STT column: rows in order
            values["no"] = str(len(draft.rows) + 1)
        if not values.get("no") and draft.rows and not self.whole_rows:
            previous = draft.rows[-1]
            for name, text in values.items():
                old = previous.cells.get(name, "")
                previous.cells[name] = f"{old} {text}" if old else text
            previous.missing = [m for m in previous.missing if m not in present]
            return
        if not values.get("no"):
            self.warn(f"Phụ lục {two_digits(draft.number)}: dòng bảng không có STT.", line)
        draft.rows.append(Row(line=line, cells=values, missing=missing))

    def finish_appendix(self, draft: AppendixDraft, year: int) -> Appendix:
        label = f"Phụ lục {two_digits(draft.number)}"
        title, lead = self.appendix_title(draft)
        if not draft.rows:
            self.warn(
                f"{label} không có nhiệm vụ nào (không có bảng, hoặc tệp bị cắt cụt).", draft.line
            )
        tasks: list[Task] = []
        expected = 1
        seen: dict[str, int] = {}
        for row in draft.rows:
            no = row.cells.get("no", "")
            where = f"{label}, nhiệm vụ {no or '?'}"
            key = no.rstrip(".")
            if key and key in seen:
                self.warn(
                    f"{where}: STT {key} lặp lại (dòng {seen[key]} và dòng {row.line}); giữ cả "
                    "hai nhiệm vụ, cần kiểm tra.",
                    row.line,
                )
            seen.setdefault(key, row.line)
            # rows "1.1", "1.2" under the group row "1" count from their last number
            prefix = f"{draft.group_no}." if draft.group_no else ""
            order = key[len(prefix) :] if prefix and key.startswith(prefix) else key
            if order != str(expected):
                self.warn(f"{where}: STT không liền mạch (chờ {expected}).", row.line)
            if order.isdigit():
                expected = int(order) + 1
            if row.missing:
                names = ", ".join(f"«{COLUMN_NAMES[m]}»" for m in row.missing)
                self.warn(
                    f"{where}: dòng bảng bị cắt, thiếu cột {names} (tệp có thể bị cắt cụt).",
                    row.line,
                )
            timeline = row.cells.get("timeline", "")
            other_years = sorted({y for y in YEAR.findall(timeline) if int(y) != year})
            if other_years:
                self.warn(
                    f"{where}: thời gian thực hiện nêu năm {', '.join(other_years)}, khác năm "
                    f"của kế hoạch ({year}): «{timeline}».",
                    row.line,
                )
            agencies_text = agencies_cell(row.cells)
            tasks.append(
                Task(
                    appendix=draft.number,
                    no=no.rstrip("."),
                    title=row.cells.get("title", ""),
                    products=_products(row.cells.get("products", "")),
                    agencies=_agencies(agencies_text),
                    agencies_text=agencies_text,
                    timeline=timeline,
                    note=row.cells.get("note", ""),
                )
            )
        return Appendix(
            number=draft.number,
            title=title,
            lead_agency=lead,
            heading="\n".join(draft.heading_lines),
            tasks=tuple(tasks),
        )

    def appendix_title(self, draft: AppendixDraft) -> tuple[str, str]:
        """(title, lead agency) from the heading lines, a group row, or — for a table whose
        heading was lost — the plan text's "…: Phụ lục số NN" reference."""
        if not draft.heading_lines:
            if draft.group_title:
                return split_appendix_heading(draft.group_title)
            return self.referenced_titles.get(draft.number, ""), ""
        first = draft.heading_lines[0]
        rest = APPENDIX.match(first)
        heading_text = rest.group("rest") if rest else first
        for extra in draft.heading_lines[1:]:
            if extra.startswith("(") and "kem theo" in fold(extra):
                continue  # "(Kèm theo Kế hoạch số …)" under the title: kept in the heading only
            if not heading_text or heading_text.endswith(("-", "–")) or extra[0].islower():
                heading_text = f"{heading_text} {extra}".strip()
            else:
                heading_text = f"{heading_text} - {extra}"
        if draft.group_title and not heading_text:
            heading_text = draft.group_title
        return split_appendix_heading(heading_text)

    def note_references(self, start: int, stop: int) -> None:
        """Remember "- Cải cách TTHC: Phụ lục số 02;" lines of the plan text."""
        for i in self.nonblank(start, stop):
            found = _REFERENCE_TITLE.match(self.lines[i].text)
            if found:
                self.referenced_titles.setdefault(int(found["no"]), found["title"].strip())

    def check_appendix_sequence(
        self, appendices: list[Appendix], lines: list[int], start: int, stop: int
    ) -> None:
        found = [a.number for a in appendices]
        for number in sorted({n for n in found if found.count(n) > 1}):
            at = [str(line) for n, line in zip(found, lines, strict=True) if n == number]
            self.warn(
                f"Phụ lục số {two_digits(number)} xuất hiện {len(at)} lần (dòng "
                f"{', '.join(at[:10])}{'…' if len(at) > 10 else ''}); giữ riêng từng bảng với "
                "mọi nhiệm vụ của nó, cần kiểm tra văn bản có bị dán lặp không."
            )
        referenced: set[int] = set()
        for i in self.nonblank(start, stop):
            referenced.update(int(n) for n in APPENDIX_REFERENCE.findall(self.lines[i].text))
        highest = max([*found, *referenced], default=0)
        for number in range(1, highest + 1):
            if number not in found:
                self.warn(f"Thiếu Phụ lục số {two_digits(number)}")


def agencies_cell(cells: dict[str, str]) -> str:
    """The agencies of a row: its "Cơ quan thực hiện" cell, or the lead and partner columns
    written as one cell ("Chủ trì: …; Phối hợp: …")."""
    parts = [cells["agencies"]] if cells.get("agencies") else []
    if cells.get("lead"):
        parts.append(f"Chủ trì: {cells['lead']}" if cells.get("partners") else cells["lead"])
    if cells.get("partners"):
        parts.append(f"Phối hợp: {cells['partners']}")
    return "; ".join(parts)
