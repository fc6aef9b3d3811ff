"""Plan importer: a plan document (decision, parts, appendix tables) → ParsedPlan.

Any file the document readers take (.docx, .pdf, .doc, .rtf, .txt, .html) is read as lines: a
paragraph per line, a table row per line with its cells separated by tabs. The document is read
in three sections, found by their anchors:

* **Decision** — everything before the plan title: "QUYẾT ĐỊNH", the decision title, the issuer
  line, "Căn cứ …", "Điều 1.–3.", "Nơi nhận:" and the signature (position lines, then the name).
* **Plan** — from the "KẾ HOẠCH … NĂM 2020" title (upper case first; else a line in any case
  starting "Kế hoạch" that names a reform plan or a year; "KẾ HOẠCH" alone takes the next
  line): its "(Ban hành kèm theo Quyết định số … ngày …)" subtitle, parts "I." … with items
  "1.", "5.1.", "a)" and paragraphs, and the signature again.
* **Appendices** — from the first "Phụ lục …" heading (the upper-case appendix title and its
  "(Kèm theo …)" subtitle just above it belong here): each heading, possibly continued on the
  next lines up to its table, then a tab-separated table whose header row starts with "STT" or
  names its columns (matched by meaning: plan_appendices.column_meaning). Without any "Phụ lục"
  heading, each table among the text is an appendix (plan_appendices); without any table, the
  numbered items of the tasks part are the tasks (plan_items).

Heuristics (each one tested):

* Text is NFC-normalised, CRLF/CR become LF, a BOM is dropped; HTML remnants (``<ul …>``,
  ``<p>``, ``</p>``, ``<br>``), ``**bold**`` markers and a few entities are removed, and
  whitespace is folded.
* A paragraph broken across a page (blank lines may lie between the pieces) is joined when the
  next piece is not a heading or list item and either starts in lower case or follows a piece
  that ends without ".", ";", ":", "!", "?" (a "- …" item ending in a label's ":" goes on too:
  a PDF wrapped it); a heading is only continued by a lower-case line, or by any line that is
  no heading when it ends with "," ("I. MỤC ĐÍCH," / "YÊU CẦU").
* Appendix headings: "Phụ lục số 01", "Phụ lục số 2", "Phụ lục 4", "PHỤ LỤC 01", "Phụ lục I";
  the text after the number is "<title> - <lead> (chịu trách nhiệm) chủ trì". The title ends at
  the first " - " (or " – ", " (", " do ") whose following text starts with an agency head word,
  so "Hiện đại hoá hành chính - Phòng Văn hoá - thông tin chủ trì" gives the lead "Phòng Văn hoá
  - thông tin". Non-blank lines between a heading and its table continue the heading.
* Table rows are tab-separated; the header row maps the columns (so their order may vary); a row
  whose STT cell is empty continues the row above cell by cell (joined with a space); a repeated
  header is skipped; blank lines inside a table are ignored.
* Products: when the cell lists two or more items with "- " markers, each marked item is one
  product (a ";" inside an item stays, "- Kế hoạch rà soát …; KH rà soát …" is one product);
  otherwise the cell is cut on ";". Trailing "." / ";" are dropped.
* A truncated document is parsed as far as it goes, with warnings naming what is missing: a row
  cut short, an appendix without a table, appendices referred to in part III (or missing from
  the sequence 01, 02, 04) — "Thiếu Phụ lục số 03". A plan without any task is kept as a draft
  with a warning; only a document without a plan title or a year is refused (PlanImportError).
* A plan copied from a portal's news page without its "Số:" line takes its number and date
  from the lead sentence ("… đã ban hành Quyết định số 86/QĐ-UBND …"), with a warning; a plan
  of a higher office it merely names ("Thực hiện Kế hoạch số …") is never taken. A plan with no
  number or date at all is imported with a warning asking for them.
* Every source row is its own task: a repeated STT or appendix number, a table whose heading was
  lost, a block pasted twice are kept and reported with their lines.
* Nothing is dropped: every non-blank line lands in a node, a field or a warning; a line the
  importer does not recognise becomes a warning quoting it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

from cchc_desktop.domain.model import (
    Appendix,
    Decision,
    ImportWarning,
    NodeKind,
    ParsedPlan,
    PlanNode,
)
from cchc_desktop.domain.text import fold
from cchc_desktop.errors import DocumentError, PlanImportError, os_reason
from cchc_desktop.importer.documents import read_document
from cchc_desktop.importer.plan_appendices import AppendixReader
from cchc_desktop.importer.plan_items import tasks_from_items
from cchc_desktop.importer.plan_patterns import (
    ARTICLE,
    DATE,
    DECISION_NUMBER,
    ISSUED_AS,
    ISSUER_OF,
    ITEM_LETTER,
    ITEM_MULTI,
    ITEM_SINGLE,
    LIST_MARK,
    NUMBER_LINE,
    PART,
    PLACE,
    PLACE_DATE,
    PLACE_DATE_CUT,
    PLAN_YEAR,
    TERMINAL,
    YEAR,
    committee_name,
    is_upper_line,
    issuer_before_motto,
    split_appendix_heading,
    split_products,
    strip_markup,
)
from cchc_desktop.importer.plan_signature import SignatureReader
from cchc_desktop.importer.plan_state import DecisionDraft, HeaderRef, Line, Node, Signature
from cchc_desktop.importer.text_reader import decode_text

__all__ = [
    "decode_plan_bytes",
    "parse_plan_text",
    "read_plan_file",
    "split_appendix_heading",
    "split_products",
    "strip_markup",
]

# ---------------------------------------------------------------- reading the file


def read_plan_file(path: Path) -> ParsedPlan:
    """Read a plan document in any format :func:`read_document` reads, and parse it.

    Warnings about a text file name its lines; those about any other document name the
    paragraph or table row ("đoạn"), counted as the document reads, and carry no line number.

    Raises:
        PlanImportError: the file is missing, unreadable, too large, damaged, empty, or not a
            plan (the message names the file and says what to do).
    """
    path = Path(path)
    text, kind = _plan_source(path)
    whole_rows = kind in (".docx", ".doc", ".rtf", ".html", ".htm")
    parsed = parse_plan_text(text, source_name=path.name or str(path), whole_rows=whole_rows)
    if kind == ".txt":
        return parsed
    warnings = tuple(
        ImportWarning(_LINE_WORD.sub(r"đoạn \1", w.message), None) for w in parsed.warnings
    )
    return dataclasses.replace(parsed, warnings=warnings)


_LINE_WORD = re.compile(r"\bdòng (\d+)")


def read_plan_source(path: Path) -> str:
    """The text the plan parser reads from the file at `path`: a text file's own text (its line
    numbers are the ones warnings quote), any other document's paragraphs and table rows.

    Raises:
        PlanImportError: as :func:`read_plan_file`.
    """
    return _plan_source(Path(path))[0]


def _plan_source(path: Path) -> tuple[str, str]:
    try:
        document = read_document(path)
        if document.kind == ".txt":
            return decode_text(path.read_bytes(), document.name), document.kind
    except DocumentError as exc:
        raise PlanImportError(str(exc)) from exc
    except OSError as exc:  # the file changed between two reads
        raise PlanImportError(f"Không đọc được tệp {path}: {os_reason(exc)}.") from exc
    return document.to_text(), document.kind


def decode_plan_bytes(data: bytes, source_name: str = "") -> str:
    """Decode a plan saved as text (UTF-8, UTF-16, Windows-1258: see text_reader.decode_text).

    Raises:
        PlanImportError: the bytes are empty, binary, or in none of those encodings.
    """
    try:
        return decode_text(data, source_name or "văn bản")
    except DocumentError as exc:
        raise PlanImportError(str(exc)) from exc


def parse_plan_text(text: str, source_name: str = "", *, whole_rows: bool = False) -> ParsedPlan:
    """Parse the text of a plan document into a ParsedPlan (see the module docstring).

    Args:
        text: the whole document; any line ending, NFC or NFD, with or without a BOM.
        source_name: the file name, used in error messages.
        whole_rows: each table row is a whole row of the source (a Word or web table), so a row
            without STT is a task of its own, never the rest of the row above (as a row a text
            export or a PDF page break cut in two is).

    Raises:
        PlanImportError: the text is empty or is not an administrative-reform plan.
    """
    parser = _Parser(text, source_name)
    parser.whole_rows = whole_rows
    return parser.parse()


class _Parser(SignatureReader, AppendixReader):
    def parse(self) -> ParsedPlan:
        if not any(line.text for line in self.lines):
            raise PlanImportError(f"{self.subject} trống: không có nội dung nào để nhập.")
        title_at = self.find_plan_title()
        appendix_at = self.find_first_appendix(title_at)
        table_at = self.find_first_table(title_at) if appendix_at is None else None
        stop = appendix_at if appendix_at is not None else len(self.lines)

        decision_sig, decision_draft = self.parse_decision_section(0, title_at)
        title, year, subtitle_ref, body_start = self.parse_plan_header(title_at, stop)
        appendix_title: tuple[str, str] = ("", "")
        appendix_ref: HeaderRef | None = None
        block_start = stop
        if appendix_at is not None:
            block_start, appendix_title, appendix_ref = self.parse_appendix_header(
                body_start, appendix_at
            )
        self.note_references(body_start, block_start)
        appendices: list[Appendix] = []
        if appendix_at is not None:
            appendices = self.parse_appendices(appendix_at, year)
        elif table_at is not None:  # tables among the plan's text, no "Phụ lục" headings
            appendices = self.parse_appendices(table_at, year, headless=True)
        plan_sig = self.signature(body_start, block_start)
        if not plan_sig.name:
            plan_sig = self.table_signature(body_start, block_start)
        if not plan_sig.name:
            plan_sig = self.merged_signature(body_start, block_start)
        body_stop = plan_sig.start if plan_sig.start >= 0 else block_start
        parts = self.parse_body(body_start, body_stop)
        if appendix_at is None and table_at is None:
            found = tasks_from_items(parts)
            appendices = list(found.appendices)
            self.warnings.extend(found.warnings)
        if not any(a.tasks for a in appendices):
            self.warn(
                "Văn bản chưa có nhiệm vụ nào (không có bảng phụ lục, cũng không có mục nhiệm vụ "
                "đánh số): kế hoạch được nhập như bản nháp, hãy thêm nhiệm vụ sau."
            )

        refs = [r for r in (subtitle_ref, appendix_ref) if r is not None]
        if not decision_draft.number and not any(r.number for r in refs):
            refs.extend(self.lead_ref(body_start, stop))
        decision = self.build_decision(decision_draft, decision_sig, plan_sig, refs, year)
        if appendix_at is not None:
            self.check_appendix_sequence(appendices, self.appendix_lines, body_start, body_stop)
        self.report_unused()
        return ParsedPlan(
            year=year,
            title=title,
            decision=decision,
            parts=parts,
            appendices=tuple(appendices),
            appendix_title=appendix_title[0],
            appendix_subtitle=appendix_title[1],
            # in document order; warnings about the whole document last
            warnings=tuple(
                sorted(self.warnings, key=lambda w: w.line if w.line is not None else 1 << 30)
            ),
        )

    def find_plan_title(self) -> int:
        """The plan's title: the first upper-case "KẾ HOẠCH …" line, else the first line in any
        case that starts with "Kế hoạch" and names a reform plan or a year."""
        for i, line in enumerate(self.lines):
            if line.text and is_upper_line(line.text) and fold(line.text).startswith("ke hoach"):
                return i
        for i, line in enumerate(self.lines):
            key = fold(line.text)
            if (
                key.startswith("ke hoach")
                and len(key) <= 250
                and not key.endswith((";", ","))
                and "\t" not in line.raw
                and ("cai cach" in key or "cchc" in key or YEAR.search(key))
            ):
                return i
        raise self.refuse("không tìm thấy tiêu đề «KẾ HOẠCH …».")

    def find_first_table(self, after: int) -> int | None:
        """The first header row of a table (STT, Nội dung, …) after the title."""
        for i in range(after + 1, len(self.lines)):
            raw = self.lines[i].raw
            if "\t" in raw and self.is_header(raw.split("\t")):
                return i
        return None

    def find_first_appendix(self, after: int) -> int | None:
        """The first "Phụ lục N" heading with a table below it (or the first at all)."""
        headings = [i for i in range(after + 1, len(self.lines)) if self.appendix_heading(i)]
        if not headings:
            return None
        for i in headings:
            # a body sentence starting "Phụ lục 1 …" has no table under it
            if any("\t" in self.lines[k].raw for k in self.nonblank(i + 1, len(self.lines))[:6]):
                return i
        return headings[0]

    # ------------------------------------------------------------ decision

    def parse_decision_section(self, start: int, stop: int) -> tuple[Signature, DecisionDraft]:
        sig = self.signature(start, stop)
        body_stop = sig.start if sig.start >= 0 else stop
        rows = self.nonblank(start, body_stop)
        heading_at = next(
            (i for i in rows if fold(self.lines[i].text).rstrip(": ") == "quyet dinh"), None
        )
        title_lines: list[int] = []
        issuer_at: int | None = None
        body_rows = rows
        if heading_at is not None:
            self.use(heading_at)
            after = [i for i in rows if i > heading_at]
            for i in after:
                if is_upper_line(self.lines[i].text):
                    issuer_at = i
                    break
                title_lines.append(i)
            if issuer_at is None:  # no issuer line: keep only the first line as the title
                title_lines = title_lines[:1]
            self.use(*title_lines)
            body_rows = [i for i in rows if i < heading_at or i > (title_lines or [heading_at])[-1]]
        draft = DecisionDraft(
            title=" ".join(self.lines[i].text for i in title_lines),
            issuer_line=self.lines[issuer_at] if issuer_at is not None else None,
        )
        # "Số: 6320/QĐ-UBND" and "Ngọc Lặc, ngày 26 tháng 12 năm 2019" above "QUYẾT ĐỊNH"
        # (anywhere in the section when it has no "QUYẾT ĐỊNH", as for a plan issued alone)
        issuer_parts: list[str] = []
        for i in (i for i in body_rows if heading_at is None or i < heading_at):
            text = self.lines[i].text
            if len(issuer_parts) < 2 and (part := issuer_before_motto(text)):
                issuer_parts.append(part)
            if not draft.number and NUMBER_LINE.match(text):
                found = DECISION_NUMBER.search(text)
                draft.number = found.group(1).replace(" ", "") if found else ""
            if draft.date is None and PLACE_DATE_CUT.search(text):  # "Bảo Lam, ngày" / "12 …"
                text = " ".join(self.lines[k].text for k in body_rows if k >= i)[:80]
            if draft.date is None and PLACE_DATE.search(text):
                draft.date = self.parse_date(text, self.lines[i].no)
                draft.date_line = self.lines[i].no
        # "ỦY BAN NHÂN DÂN" / "XÃ ĐÔNG HƯNG" is one name over two lines; under a whole committee's
        # name ("ỦY BAN NHÂN DÂN THÀNH PHỐ …" / "SỞ …") the second line is the issuer itself
        if len(issuer_parts) == 2 and committee_name(issuer_parts[0]):
            issuer_parts = issuer_parts[1:]
        draft.header_issuer = " ".join(issuer_parts)
        # the header block above "QUYẾT ĐỊNH" (all of it when there is none) is laid out line
        # by line: never joined
        header = [i for i in body_rows if heading_at is None or i < heading_at]
        self.use(*header)
        draft.body = tuple(
            PlanNode(kind=NodeKind.PARAGRAPH, number="", text=self.lines[i].text) for i in header
        ) + self.paragraphs([i for i in body_rows if i not in header])
        return sig, draft

    def parse_date(self, text: str, line: int) -> dt.date | None:
        found = DATE.search(text)
        if not found:
            return None
        day, month, year = (int(g) for g in found.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            self.warn(f"Ngày không hợp lệ: «{found.group(0)}».", line)
            return None

    def lead_ref(self, start: int, stop: int) -> list[HeaderRef]:
        """The number and date a portal's lead sentence gives a plan copied without its header
        ("Ngày 21 tháng 7 năm 2025 UBND xã … đã ban hành Quyết định số 86/QĐ-UBND …"): only the
        lines before the first part, only an act the office itself issued; flagged."""
        lines = self.nonblank(start, stop)[:4]
        lines = lines[: next((k for k, i in enumerate(lines) if PART.match(self.lines[i].text)), 4)]
        for k, i in enumerate(lines):
            # a PDF wraps the sentence, even inside the number ("86/QĐ-" / "UBND")
            own = text = self.lines[i].text
            for j in lines[k + 1 :]:
                glue = "" if text.endswith(("-", "/")) else " "
                text = f"{text}{glue}{self.lines[j].text}"
            found = ISSUED_AS.search(text)
            if found is None or found.start() >= len(own):
                continue  # the sentence starts on a later line
            line = self.lines[i].no
            ref = HeaderRef(line, found.group(1).replace(" ", ""), self.parse_date(text, line), "")
            self.warn(
                f"Văn bản không có dòng «Số: …»: số «{ref.number}»"
                + (f" và ngày {ref.date:%d/%m/%Y}" if ref.date else "")
                + f" lấy từ lời dẫn ở dòng {ref.line}, cần kiểm tra.",
                ref.line,
            )
            return [ref]
        return []

    def header_ref(self, indexes: list[int]) -> HeaderRef | None:
        if not indexes:
            return None
        text = " ".join(self.lines[i].text for i in indexes)
        line = self.lines[indexes[0]].no
        number = DECISION_NUMBER.search(text)
        issuer = ISSUER_OF.search(text)
        return HeaderRef(
            line=line,
            number=number.group(1).replace(" ", "") if number else "",
            date=self.parse_date(text, line),
            issuer=issuer.group(1).strip() if issuer else "",
        )

    def build_decision(
        self,
        draft: DecisionDraft,
        decision_sig: Signature,
        plan_sig: Signature,
        refs: list[HeaderRef],
        year: int,
    ) -> Decision:
        number = draft.number or next((r.number for r in refs if r.number), "")
        date, date_line = draft.date, draft.date_line
        if date is None:
            dated = next((r for r in refs if r.date is not None), None)
            if dated is not None:
                date, date_line = dated.date, dated.line
        for ref in refs:
            if ref.date is not None and date is not None and ref.date != date:
                self.warn(
                    "Ngày quyết định ghi khác nhau trong văn bản: "
                    f"{date:%d/%m/%Y} (dòng {date_line}) và {ref.date:%d/%m/%Y} "
                    f"(dòng {ref.line}); ngày quyết định ghi nhận là {date:%d/%m/%Y}. "
                    f"Bản in lại kế hoạch giữ nguyên từng dòng như văn bản đã ban hành "
                    f"(dòng {ref.line} vẫn in ngày {ref.date:%d/%m/%Y}).",
                    ref.line,
                )
            if ref.number and number and ref.number != number:
                self.warn(
                    f"Số quyết định ghi khác nhau trong văn bản: «{number}» và «{ref.number}» "
                    f"(dòng {ref.line}); dùng «{number}».",
                    ref.line,
                )
        # a web copy may lack them: the review asks the user, the import goes on
        if not number:
            self.warn("Văn bản không ghi số (dòng «Số: …»): hãy nhập số khi xem lại.")
        if date is None:
            self.warn("Văn bản không ghi ngày ban hành: hãy nhập ngày khi xem lại.")
        issuing_body = next((r.issuer for r in refs if r.issuer), "")
        if not issuing_body and draft.issuer_line is not None:
            issuing_body = draft.issuer_line.text
        if not issuing_body:  # a plan issued alone, copied from the web: its header's issuer
            issuing_body = committee_name(draft.header_issuer)
        self.check_place(draft.issuer_line, refs)

        sig = decision_sig if decision_sig.name else plan_sig
        if (
            decision_sig.name
            and plan_sig.name
            and (decision_sig.name, decision_sig.position) != (plan_sig.name, plan_sig.position)
        ):
            self.warn(
                "Người ký quyết định và người ký kế hoạch khác nhau: "
                f"«{decision_sig.position} {decision_sig.name}» và "
                f"«{plan_sig.position} {plan_sig.name}»; dùng người ký quyết định."
            )
        title_years = YEAR.findall(draft.title)
        if title_years and int(title_years[-1]) != year:
            self.warn(f"Tên quyết định nêu năm {title_years[-1]}, khác năm của kế hoạch ({year}).")
        return Decision(
            number=number,
            date=date,
            signer=sig.name,
            signer_position=sig.position,
            authority_prefix=sig.prefix,
            issuing_body=issuing_body,
            title=draft.title,
            body=draft.body,
        )

    def check_place(self, issuer_line: Line | None, refs: list[HeaderRef]) -> None:
        """Warn when a place name is spelt differently in two headers ("NGỌC LẠC"/"Ngọc Lặc")."""
        named: list[tuple[str, int]] = []
        sources = [(ref.issuer, ref.line) for ref in refs]
        if issuer_line is not None:
            sources.append((issuer_line.text, issuer_line.no))
        for text, line in sources:
            found = PLACE.search(text)
            if found:
                named.append((found.group(1), line))
        if not named:
            return
        chosen = named[0][0]
        reported: set[str] = set()
        for place, line in named[1:]:
            if place.casefold() != chosen.casefold() and place.casefold() not in reported:
                reported.add(place.casefold())
                self.warn(
                    f"Tên địa danh viết khác nhau: «{place}» (dòng {line}) và «{chosen}» "
                    f"(dòng {named[0][1]}). Bản in lại kế hoạch giữ nguyên từng dòng như văn "
                    f"bản đã ban hành (dòng {line} vẫn in «{place}»).",
                    line,
                )

    # ------------------------------------------------------------ plan header and body

    def parse_plan_header(self, title_at: int, stop: int) -> tuple[str, int, HeaderRef | None, int]:
        rows = self.nonblank(title_at, stop)
        title_rows = [title_at]
        for i in rows[1:3]:
            text = self.lines[i].text
            if PLAN_YEAR.search(self.lines[title_rows[-1]].text):
                break
            if text.startswith("(") or PART.match(text) or "\t" in self.lines[i].raw:
                break
            # "KẾ HOẠCH" alone: its next line ("Cải cách hành chính năm 2025") goes on the title
            bare = len(title_rows) == 1 and fold(self.lines[title_at].text) == "ke hoach"
            if not is_upper_line(text) and not (bare and len(text) <= 200):
                break
            title_rows.append(i)
        self.use(*title_rows)
        title = " ".join(self.lines[i].text for i in title_rows)
        subtitle_rows = self.parenthesised(rows[len(title_rows) :])
        self.use(*subtitle_rows)
        year_match = PLAN_YEAR.search(title) or YEAR.search(title)
        if year_match is None:  # the year in the lines just below ("Năm 2025", the subtitle)
            near = " ".join(self.lines[i].text for i in rows[len(title_rows) : len(title_rows) + 4])
            year_match = PLAN_YEAR.search(near)
        if year_match is None:
            raise self.refuse(f"không xác định được năm của kế hoạch (tiêu đề «{title}»).")
        body_start = (subtitle_rows or title_rows)[-1] + 1
        return title, int(year_match.group(1)), self.header_ref(subtitle_rows), body_start

    def parenthesised(self, rows: list[int]) -> list[int]:
        """The first rows when they form a "(…)" note, at most three lines."""
        if not rows or not self.lines[rows[0]].text.startswith("("):
            return []
        taken: list[int] = []
        for i in rows[:3]:
            taken.append(i)
            if self.lines[i].text.endswith(")"):
                return taken
        return taken[:1]

    def parse_appendix_header(
        self, body_start: int, appendix_at: int
    ) -> tuple[int, tuple[str, str], HeaderRef | None]:
        """The appendix title and "(Kèm theo …)" just above the first appendix heading."""
        rows = self.nonblank(body_start, appendix_at)
        subtitle: list[int] = []
        for k in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            if self.lines[rows[k]].text.startswith("("):
                if "kem theo" in fold(" ".join(self.lines[i].text for i in rows[k:])):
                    subtitle = rows[k:]
                break
        rest = rows[: len(rows) - len(subtitle)]
        title: list[int] = []
        # upper-case lines right above (the signature's name, in mixed case, stops the walk)
        while rest and is_upper_line(self.lines[rest[-1]].text) and len(title) < 3:
            if title and title[0] - rest[-1] > 1:  # one block of adjacent lines
                break
            title.insert(0, rest.pop())
        self.use(*subtitle, *title)
        block_start = (title or subtitle or [appendix_at])[0]
        texts = (
            " ".join(self.lines[i].text for i in title),
            " ".join(self.lines[i].text for i in subtitle),
        )
        return block_start, texts, self.header_ref(subtitle)

    def paragraphs(self, rows: Iterable[int]) -> tuple[PlanNode, ...]:
        """Join broken paragraphs of the decision (no headings there) into paragraph nodes."""
        nodes: list[Node] = []
        for i in rows:
            text = self.lines[i].text
            if nodes and self.continues(nodes[-1], text):
                nodes[-1].text = f"{nodes[-1].text} {text}"
            else:
                nodes.append(Node(NodeKind.PARAGRAPH, "", text, 0))
            self.use(i)
        return tuple(n.freeze() for n in nodes)

    @staticmethod
    def starts_block(text: str) -> bool:
        return bool(
            LIST_MARK.match(text)
            or PART.match(text)
            or ITEM_MULTI.match(text)
            or ITEM_SINGLE.match(text)
            or ITEM_LETTER.match(text)
            or ARTICLE.match(text)
            or fold(text).startswith(("can cu ", "noi nhan"))
            # "IV/2025." is the rest of "Quý IV/2025" a PDF wrapped, not an upper-case heading
            or (is_upper_line(text) and not set(filter(str.isalpha, text)) <= set("IVX"))
        )

    def continues(self, previous: Node, text: str) -> bool:
        if previous.kind is not NodeKind.PARAGRAPH and previous.text.endswith((",", " và", "-")):
            # "I. MỤC ĐÍCH," / "YÊU CẦU": a heading wrapped by a web copy goes on
            return not (PART.match(text) or ITEM_MULTI.match(text) or ITEM_SINGLE.match(text))
        if self.starts_block(text):
            return False
        if text[0].islower():
            return True
        if previous.kind is not NodeKind.PARAGRAPH or is_upper_line(previous.text):
            return False
        # a list item wrapped after its label ("- … Cơ quan chủ trì:" / "Văn phòng …")
        return previous.text[-1] not in TERMINAL or (
            previous.text.endswith(":") and LIST_MARK.match(previous.text) is not None
        )

    def parse_body(self, start: int, stop: int) -> tuple[PlanNode, ...]:
        roots: list[Node] = []
        stack: list[Node] = []
        last: Node | None = None
        for i in self.nonblank(start, stop):
            if i in self.used:  # a table the appendices took (tables among the text)
                last = None
                continue
            text = self.lines[i].text
            self.use(i)
            if last is not None and self.continues(last, text):
                last.text = f"{last.text} {text}"
                continue
            node = self.heading_node(text, stack)
            if node is None:
                node = Node(NodeKind.PARAGRAPH, "", text, 99)
                (stack[-1].children if stack else roots).append(node)
            else:
                while stack and stack[-1].level >= node.level:
                    stack.pop()
                (stack[-1].children if stack else roots).append(node)
                stack.append(node)
            last = node
        return tuple(n.freeze() for n in roots)

    @staticmethod
    def heading_node(text: str, stack: list[Node]) -> Node | None:
        part = PART.match(text)
        if part:
            return Node(NodeKind.PART, part.group(1), part.group(2), 0)
        item = ITEM_MULTI.match(text) or ITEM_SINGLE.match(text)
        # an item heads a part of its own when the plan numbers its parts "1. MỤC ĐÍCH …"
        if item and (stack or is_upper_line(item.group(2))):
            number = item.group(1)
            return Node(NodeKind.ITEM, number, item.group(2), 1 + number.count("."))
        letter = ITEM_LETTER.match(text)
        if letter and stack:
            numeric = [n.level for n in stack if n.kind is NodeKind.ITEM and n.number[0].isdigit()]
            level = (numeric[-1] if numeric else 0) + 1
            return Node(NodeKind.ITEM, letter.group(1), letter.group(2), level)
        return None

    # ------------------------------------------------------------ appendices

    def report_unused(self) -> None:
        for i, line in enumerate(self.lines):
            if line.text and i not in self.used:
                self.warn(
                    f"Dòng {line.no} không nhận dạng được, giữ nguyên văn: «{line.text}».", line.no
                )
