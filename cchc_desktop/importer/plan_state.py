"""The plan parser's working state: source lines, drafts of nodes, rows and appendices, and the
base every part of the parser shares (lines, used lines, warnings)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from cchc_desktop.domain.model import ImportWarning, NodeKind, PlanNode
from cchc_desktop.domain.text import clean, nfc
from cchc_desktop.errors import PlanImportError
from cchc_desktop.importer.plan_patterns import APPENDIX, strip_markup, subject_of


@dataclass
class Line:
    no: int  # 1-based line number in the source
    raw: str  # markup stripped, tabs kept, not trimmed
    text: str  # cleaned: markup stripped, whitespace folded and trimmed


@dataclass
class Node:
    kind: NodeKind
    number: str
    text: str
    level: int
    children: list[Node] = field(default_factory=list)

    def freeze(self) -> PlanNode:
        return PlanNode(
            kind=self.kind,
            number=self.number,
            text=self.text,
            children=tuple(c.freeze() for c in self.children),
        )


@dataclass
class Signature:
    prefix: str = ""
    position: str = ""
    name: str = ""
    start: int = -1  # index of its first line


@dataclass
class Row:
    line: int
    cells: dict[str, str]
    missing: list[str]


@dataclass
class AppendixDraft:
    number: int
    line: int
    heading_lines: list[str]
    rows: list[Row] = field(default_factory=list)
    columns: tuple[str, ...] | None = None
    extra_headers: dict[int, str] = field(default_factory=dict)
    group_title: str = ""  # a group row of the table ("I. CẢI CÁCH THỂ CHẾ") names the area
    group_no: str = ""  # the group row's number when its rows are numbered under it ("1.1")


@dataclass
class DecisionDraft:
    title: str = ""
    issuer_line: Line | None = None
    header_issuer: str = ""  # the header table's issuer, from a web copy's merged lines
    number: str = ""
    date: dt.date | None = None
    date_line: int | None = None
    body: tuple[PlanNode, ...] = ()


@dataclass(frozen=True)
class HeaderRef:
    """A "(… Quyết định số N ngày D …)" line: what it says and where."""

    line: int
    number: str
    date: dt.date | None
    issuer: str


class ParserBase:
    def __init__(self, text: str, source_name: str) -> None:
        self.subject = subject_of(source_name)
        text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        self.lines: list[Line] = []
        for no, raw in enumerate(text.split("\n"), start=1):
            stripped = strip_markup(raw)
            self.lines.append(Line(no=no, raw=stripped, text=clean(stripped)))
        self.used: set[int] = set()
        self.warnings: list[ImportWarning] = []
        # "…: Phụ lục số NN" lines of the plan text, by number
        self.referenced_titles: dict[int, str] = {}
        self.appendix_lines: list[int] = []  # the source line of each appendix read
        self.whole_rows = False  # rows come whole (Word, web): a row without STT is a task

    # ------------------------------------------------------------ helpers

    def warn(self, message: str, line: int | None = None) -> None:
        self.warnings.append(ImportWarning(message=message, line=line))

    def use(self, *indexes: int) -> None:
        self.used.update(indexes)

    def nonblank(self, start: int, stop: int) -> list[int]:
        return [i for i in range(start, stop) if self.lines[i].text]

    def refuse(self, reason: str) -> PlanImportError:
        return PlanImportError(f"{self.subject} không phải kế hoạch CCHC: {reason}")

    # ------------------------------------------------------------ top level

    def appendix_heading(self, i: int) -> re.Match[str] | None:
        line = self.lines[i]
        if line.raw.startswith("\t"):
            return None
        return APPENDIX.match(line.text)
