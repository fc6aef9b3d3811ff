"""Reading a province's PAR index criteria table into areas → criteria → sub-criteria.

The table arrives as rows of cells: from a text file (Word's "convert table to text" with tabs,
or cells separated by "|"), or from a document reader's tables. A header row names the columns
("STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", the scoring rule, "Tài liệu
kiểm chứng"); the STT of each row (Roman numerals, 1 / 1.1 / 1.1.1, letters) tells its level,
in the order the kinds first appear. Rows without an STT continue the row above. Rows below the
third level (scoring options) join their parent's rule. A "Tổng" row states the total.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from cchc_desktop.domain import par
from cchc_desktop.domain.par import Criterion
from cchc_desktop.domain.text import fold, nfc
from cchc_desktop.errors import PlanImportError, os_reason
from cchc_desktop.importer import documents

_ROMAN = re.compile(r"^(?=[IVXLC]+$)M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_DOTTED = re.compile(r"^\d{1,3}(?:\.\d{1,3})*$")
_LETTER = re.compile(r"^[a-zđ]$")
_BULLET = re.compile(r"^[-+*•–]$")
_MD_RULE = re.compile(r"^\|?\s*:?-{2,}")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")

_COLUMNS = {
    "stt": ("stt", "so thu tu", "tt"),
    "max": ("diem toi da", "thang diem", "diem chuan", "diem so toi da"),
    "rule": ("cach cham", "huong dan cham", "phuong phap", "cach tinh", "cach thuc", "ghi chu"),
    "evidence": ("tai lieu kiem chung", "kiem chung", "minh chung"),
    "title": ("linh vuc", "tieu chi", "noi dung", "chi so"),
}


@dataclass
class CriteriaImport:
    """What a criteria table gave: the tree, the stated total and what does not add up."""

    areas: list[Criterion]
    total: Decimal
    title: str = ""
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> tuple[int, int, int]:
        """How many areas, criteria and sub-criteria."""
        nodes = list(par.walk(self.areas))
        return tuple(sum(1 for n in nodes if n.depth == d) for d in range(3))  # type: ignore[return-value]


def split_text(text: str) -> list[list[str]]:
    """Rows of cells from a text table: tab-separated, or cells between "|"."""
    rows: list[list[str]] = []
    for raw in nfc(text).splitlines():
        line = raw.rstrip()
        if not line.strip() or _MD_RULE.match(line.strip()):
            continue
        if "\t" in line:
            cells = line.split("\t")
        elif "|" in line:
            stripped = line.strip()
            cells = stripped.strip("|").split("|")
        else:
            cells = [line]
        rows.append([c.strip() for c in cells])
    return rows


def _column_map(header: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    folded = [fold(c) for c in header]
    for key in ("stt", "max", "evidence", "rule", "title"):
        for index, cell in enumerate(folded):
            if index in found.values():
                continue
            words = _COLUMNS[key]
            hit = cell in words if key == "stt" else any(w in cell for w in words)
            if hit:
                found[key] = index
                break
    return found


def _find_header(rows: Sequence[Sequence[str]]) -> tuple[int, dict[str, int]]:
    for index, row in enumerate(rows):
        columns = _column_map(row)
        if {"stt", "max", "title"} <= set(columns):
            return index, columns
    raise PlanImportError(
        "Không tìm thấy dòng tiêu đề của bảng tiêu chí (cần các cột STT, Lĩnh vực/Tiêu chí và "
        "Điểm tối đa)."
    )


def _spread_group_header(
    rows: Sequence[Sequence[str]], header_at: int, columns: dict[str, int]
) -> dict[str, int]:
    """The columns of a two-row header copied from a web page or Word as text.

    A group cell such as "Điểm đánh giá" over "Điều tra XHH | Tự đánh giá | SNV đánh giá"
    comes out as one cell in the header and the sub-cells alone on the next line, so every
    column right of the group would be read one or more places too far left. The first header
    cell that names no known column is taken as the group and widened over the sub-cells.
    """
    header = list(rows[header_at])
    sub = [c for c in rows[header_at + 1] if c.strip()] if header_at + 1 < len(rows) else []
    # Sub-labels are words under part of the header: not a data row, not "(1) (2) (3)".
    if not 2 <= len(sub) < len(header) or _kind(sub[0]) is not None:
        return columns
    if any(_COLUMN_NUMBER.match(c) or par.parse_points(c) is not None for c in sub):
        return columns
    # Text copies drop a row's empty trailing cells, so only a longer row can contradict.
    width = max((len(r) for r in rows[header_at + 2 :]), default=0)
    if width > len(header) + len(sub) - 1:
        return columns
    known = set(columns.values())
    group = next((i for i, c in enumerate(header) if i not in known and c.strip()), None)
    if group is None:
        return columns
    spread = header[:group] + [f"{header[group]} {s}" for s in sub] + header[group + 1 :]
    return _column_map(spread)


def _kind(stt: str) -> str | None:
    token = stt.strip().rstrip(".)").strip()
    if not token:
        return None
    if _BULLET.match(token):
        return "bullet"
    if _ROMAN.match(token):
        return "roman"
    if _DOTTED.match(token):
        return f"num{token.count('.') + 1}"
    if _LETTER.match(token.lower()):
        return "letter"
    return None


def _cell(row: Sequence[str], columns: dict[str, int], key: str) -> str:
    index = columns.get(key)
    return row[index].strip() if index is not None and index < len(row) else ""


def _wraps(node: Criterion, under_title: bool, text: str, rule: str, evidence: str) -> bool:
    """Whether a row without STT or maximum holds the next lines of the cells above, as a PDF
    table gives cells that wrap. A wrapped line goes on in lower case (a title in capitals, in
    capitals; a rule or evidence, also with a number); an option or a note starts with a
    capital, or with a number alone in the title column, and stays a line of the rule."""

    def goes_on(line: str, above: str) -> bool:
        if not line:
            return True
        if not above:
            return False
        first = line[0]
        return not first.isupper() or (line.isupper() and above.splitlines()[-1].isupper())

    if not under_title:  # under an option line only the title column can go on
        return bool(text) and not (rule or evidence) and text[0].islower()
    if not (text or rule or evidence):
        return False
    if text and not (text[0].islower() or text.isupper()) and not (rule or evidence):
        return False  # alone, a number or a capital in the title column starts an option
    return (
        goes_on(text, node.title)
        and goes_on(rule, node.rule)
        and goes_on(evidence, node.evidence_required)
    )


def _go_on(above: str, line: str) -> str:
    return f"{above} {line}" if above and line else above or line


def _join(a: str, b: str) -> str:
    return f"{a}\n{b}" if a and b else a or b


def parse_rows(rows: Iterable[Sequence[str]], *, total: Decimal | None = None) -> CriteriaImport:
    """The criteria tree of a table given as rows of cells."""
    rows = [[nfc(c) for c in row] for row in rows]
    header_at, columns = _find_header(rows)
    columns = _spread_group_header(rows, header_at, columns)
    title = next((r[0] for r in rows[:header_at] if r and r[0].strip()), "").strip()
    kinds: list[str] = []
    stack: list[Criterion] = []
    areas: list[Criterion] = []
    warnings: list[str] = []
    stated_total: Decimal | None = None
    last: Criterion | None = None
    in_title = False  # the row above was the node's own row (or its title's wrapped line)
    for row in rows[header_at + 1 :]:
        under_title, in_title = in_title, False
        if len(row) == 1 and last is not None:
            last.rule = _join(last.rule, row[0])
            continue
        stt = _cell(row, columns, "stt")
        text = _cell(row, columns, "title")
        max_text = _cell(row, columns, "max")
        rule = _cell(row, columns, "rule")
        evidence = _cell(row, columns, "evidence")
        # "Tổng cộng" in the title column, or in the STT cell when Word merges it across both.
        if fold("" if stt and text else text or stt).startswith("tong"):
            stated_total = par.parse_points(max_text)
            continue
        kind = _kind(stt)
        if stt and kind is None and not text:
            continue  # a column-number row ("(1) (2) (3)") under the header
        if kind is None or kind == "bullet":
            if last is None:
                continue
            if not stt and not max_text and _wraps(last, under_title, text, rule, evidence):
                if under_title:
                    last.title = _go_on(last.title, text)
                    last.rule = _go_on(last.rule, rule)
                    last.evidence_required = _go_on(last.evidence_required, evidence)
                    in_title = True
                else:
                    last.rule = _go_on(last.rule, text)
                continue
            if kind == "bullet" or not stt:
                line = " ".join(p for p in (stt if kind == "bullet" else "", text) if p)
                extra = f"{line}: {max_text}" if line and max_text else line or max_text
                if last.max_score is None and max_text and not line:
                    last.max_score = par.parse_points(max_text)
                else:
                    last.rule = _join(last.rule, extra)
                last.rule = _join(last.rule, rule)
                last.evidence_required = _join(last.evidence_required, evidence)
                continue
            warnings.append(f"Dòng có STT không đọc được «{stt}»: {text[:60]}")
            continue
        if kind not in kinds:
            kinds.append(kind)
        depth = kinds.index(kind)
        max_score = par.parse_points(max_text)
        if max_text and max_score is None:
            warnings.append(f"Điểm tối đa không đọc được «{max_text}» ở mục {stt} {text[:60]}")
        if depth >= par.MAX_DEPTH:
            parent = stack[par.MAX_DEPTH - 1] if len(stack) >= par.MAX_DEPTH else last
            if parent is not None:
                option = f"{stt} {text}".strip()
                parent.rule = _join(parent.rule, f"{option}: {max_text}" if max_text else option)
                parent.rule = _join(parent.rule, rule)
            continue
        if depth > len(stack):
            warnings.append(f"Mục {stt} {text[:60]} không có mục cha; đặt vào cấp trên.")
            depth = len(stack)
        node = Criterion(
            code="",
            title=text,
            max_score=max_score,
            stt=stt,
            rule=rule,
            evidence_required=evidence,
        )
        del stack[depth:]
        if depth == 0:
            areas.append(node)
        else:
            stack[-1].children.append(node)
        stack.append(node)
        last = node
        in_title = True
    if not areas:
        raise PlanImportError("Bảng tiêu chí không có lĩnh vực nào.")
    par.renumber(areas)
    for area in areas:
        survey = par.is_survey(area.title)
        for node in area.walk():
            node.self_assessed = not (survey or par.is_survey(node.title))
            node.step = par.step_for(node.max_score, node.rule)
    wanted = total if total is not None else stated_total if stated_total is not None else None
    if wanted is None:
        wanted = Decimal(100)
    problems = par.maxima_problems(areas, wanted)
    return CriteriaImport(areas, wanted, title, problems, warnings)


def parse_text(text: str, *, total: Decimal | None = None) -> CriteriaImport:
    return parse_rows(split_text(text), total=total)


def document_rows(path: Path) -> list[list[str]]:
    """Rows of cells from a Word, PDF, RTF or web document: its paragraphs before the first
    table as one-cell rows (the set's title), then the rows of its tables in order."""
    document = documents.read_document(path)
    rows: list[list[str]] = []
    seen_table = False
    for block in document.blocks:
        if isinstance(block, documents.Table):
            seen_table = True
            rows.extend(
                [c.strip() for c in row] for row in block.rows if any(c.strip() for c in row)
            )
        elif not seen_table and block.text.strip():
            rows.append([block.text.strip()])
    return rows


def read_file(path: Path, *, total: Decimal | None = None) -> CriteriaImport:
    """Read a criteria table from a file: a text table (tabs or "|"), or the table of a
    .docx/.pdf/.doc/.rtf/.html document."""
    path = Path(path)
    if path.suffix.lower() in documents.FORMATS and path.suffix.lower() != ".txt":
        return parse_rows(document_rows(path), total=total)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PlanImportError(f"Không đọc được tệp {path.name}: {os_reason(exc)}") from exc
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise PlanImportError(f"Tệp {path.name} không phải văn bản UTF-8.")
    return parse_text(text, total=total)
