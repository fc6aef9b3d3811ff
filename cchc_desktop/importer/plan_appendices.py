"""Appendix tables of a plan: headings, header rows matched by meaning, rows, and the checks
that keep every source row as its own task."""

from __future__ import annotations

from cchc_desktop.domain.model import Appendix, Task
from cchc_desktop.domain.text import fold
from cchc_desktop.importer.agency_names import split_agencies
from cchc_desktop.importer.plan_patterns import (
    APPENDIX,
    APPENDIX_REFERENCE,
    COLUMN_NAMES,
    DEFAULT_COLUMNS,
    REQUIRED_COLUMNS,
    YEAR,
    appendix_no,
    cell_text,
    split_appendix_heading,
    split_products,
    two_digits,
)
from cchc_desktop.importer.plan_state import AppendixDraft, ParserBase, Row


class AppendixReader(ParserBase):
    """The appendices part of the parser (mixed into plan_text's parser)."""

    def parse_appendices(self, start: int, year: int) -> list[Appendix]:
        drafts: list[AppendixDraft] = []
        current: AppendixDraft | None = None
        in_heading = False
        for i in range(start, len(self.lines)):
            line = self.lines[i]
            if not line.text:
                continue
            heading = self.appendix_heading(i)
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
            assert current is not None  # start is an appendix heading
            cells = line.raw.split("\t") if "\t" in line.raw else None
            if cells is not None and self.is_header(cells):
                current.columns = self.columns(cells, current, line.no)
                in_heading = False
                self.use(i)
            elif cells is not None:
                in_heading = False
                self.add_row(current, cells, line.no)
                self.use(i)
            elif in_heading and len(current.heading_lines) < 4:
                current.heading_lines.append(line.text)
                self.use(i)
        return [self.finish_appendix(d, year) for d in drafts]

    @staticmethod
    def is_header(cells: list[str]) -> bool:
        return fold(cell_text(cells[0])) == "stt"

    def columns(self, cells: list[str], draft: AppendixDraft, line: int) -> tuple[str, ...]:
        names: list[str] = []
        for k, cell in enumerate(cells):
            key = fold(cell_text(cell))
            if key == "stt":
                name = "no"
            elif "nhiem vu" in key or "noi dung" in key:
                name = "title"
            elif "san pham" in key or "ket qua" in key:
                name = "products"
            elif "co quan" in key or "don vi" in key or "chu tri" in key:
                name = "agencies"
            elif "thoi gian" in key or "thoi han" in key or "tien do" in key:
                name = "timeline"
            elif "ghi chu" in key:
                name = "note"
            elif not key:
                name = ""
            else:
                name = f"extra{k}"
                draft.extra_headers[k] = cell_text(cell)
            names.append(name)
        for required in REQUIRED_COLUMNS:
            if required not in names:
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
        missing = [c for c in REQUIRED_COLUMNS if c in columns and c not in present]
        if not values.get("no") and draft.rows:
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
        first = draft.heading_lines[0]
        rest = APPENDIX.match(first)
        heading_text = rest.group("rest") if rest else first
        for extra in draft.heading_lines[1:]:
            if not heading_text or heading_text.endswith(("-", "–")) or extra[0].islower():
                heading_text = f"{heading_text} {extra}".strip()
            else:
                heading_text = f"{heading_text} - {extra}"
        title, lead = split_appendix_heading(heading_text)
        if not draft.rows:
            self.warn(
                f"{label} không có nhiệm vụ nào (không có bảng, hoặc tệp bị cắt cụt).", draft.line
            )
        tasks: list[Task] = []
        expected = 1
        for row in draft.rows:
            no = row.cells.get("no", "")
            where = f"{label}, nhiệm vụ {no or '?'}"
            if no.rstrip(".") != str(expected):
                self.warn(f"{where}: STT không liền mạch (chờ {expected}).", row.line)
            if no.rstrip(".").isdigit():
                expected = int(no.rstrip(".")) + 1
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
            agencies_text = row.cells.get("agencies", "")
            tasks.append(
                Task(
                    appendix=draft.number,
                    no=no.rstrip("."),
                    title=row.cells.get("title", ""),
                    products=split_products(row.cells.get("products", "")),
                    agencies=split_agencies(agencies_text),
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

    def check_appendix_sequence(self, appendices: list[Appendix], start: int, stop: int) -> None:
        found = [a.number for a in appendices]
        for number in sorted({n for n in found if found.count(n) > 1}):
            self.warn(f"Phụ lục số {two_digits(number)} xuất hiện nhiều lần.")
        referenced: set[int] = set()
        for i in self.nonblank(start, stop):
            referenced.update(int(n) for n in APPENDIX_REFERENCE.findall(self.lines[i].text))
        highest = max([*found, *referenced])
        for number in range(1, highest + 1):
            if number not in found:
                self.warn(f"Thiếu Phụ lục số {two_digits(number)}")
