"""The plan itself, printed from the data: the decision, the plan (parts I–IV), the appendices."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence

from reportlab.platypus import Flowable, Paragraph

from cchc_desktop import formatting
from cchc_desktop.domain.model import Appendix, Decision, NodeKind, ParsedPlan, PlanNode, Task
from cchc_desktop.domain.office import (
    OfficeSettings,
    authority_lines,
    document_kind,
)
from cchc_desktop.domain.text import clean, fold, nfc
from cchc_desktop.reports.data import DocumentOptions
from cchc_desktop.reports.document import (
    NUMBER_COLUMN,
    Cancelled,
    Column,
    Progress,
    ReportResult,
    ReportWriter,
    appendix_heading,
    data_table,
    date_line,
    item_label,
    letterhead,
    markup,
    number_line,
    signature_block,
    title_block,
    with_closing,
)
from cchc_desktop.reports.official import scaled

PLAN_COLUMNS: tuple[Column, ...] = (
    NUMBER_COLUMN,
    Column("Nhiệm vụ cụ thể", 80),
    Column("Sản phẩm", 55),
    Column("Cơ quan thực hiện", 50),
    Column("Thời gian thực hiện", 38),
    Column("Ghi chú", 17),
)

_HEADING_MAX = 160  # longer numbered items are sentences of the body, not headings
_ARTICLE = re.compile(r"^(Điều\s+\d+[a-z]?\s*[.:])\s*(.*)$", re.S)
_APPENDIX_PREFIX = re.compile(r"^phụ\s+lục(\s+số)?\s*\d+\s*[:.\-–]?\s*", re.I)
_LIST_BREAK = re.compile(r"(?<=[.;:])\s+(?=[-–+]\s)")
_RECIPIENT_SPLIT = re.compile(r"(?<=[;.,])\s*[-–]\s+")


def build_plan_report(
    plan: ParsedPlan,
    office: OfficeSettings,
    path: str | os.PathLike[str],
    *,
    options: DocumentOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ReportResult:
    """Print the plan: its decision, the plan text (parts I–IV) and every appendix table.

    The decision's number and date come from `plan.decision`; `options.blank_number_and_date`
    leaves them blank for filling in by hand, and `options.recipients` replaces its "Nơi nhận".

    Raises:
        ReportError: cancelled, or the file cannot be written.
    """
    options = options or DocumentOptions()
    writer = ReportWriter(
        title=nfc(plan.title),
        author=office.issuer_short,
        subject=plan.decision.title,
        margins=options.margins,
        progress=progress,
        cancelled=cancelled,
    )
    if not issued_as_plan(plan):
        _decision(writer, plan, office, options)
    _plan_text(writer, plan, office, options)
    for appendix in plan.appendices:
        writer.check_cancelled()
        _appendix(writer, plan, appendix, options)
    return writer.render(path)


# ---------------------------------------------------------------------------- the decision


MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
_LETTERHEAD_MARKS = tuple(fold(m) for m in MOTTO)


def letterhead_lines(texts: Sequence[str]) -> int:
    """How many of the decision's first paragraphs are its letterhead, which the printed
    letterhead replaces: a document read back (a Word table's rows) or a web copy gives each
    row of the header table as one line with the motto or the number in it."""
    count = 0
    for text in texts[:4]:
        folded = fold(text)
        if not (any(m in folded for m in _LETTERHEAD_MARKS) or folded.startswith("so:")):
            break
        count += 1
    return count


def issued_as_plan(plan: ParsedPlan) -> bool:
    """A plan issued as a document of its own ("Số: 02/KH-UBND", as communes and departments
    issue theirs) has no decision: it carries the number, date and signature itself."""
    return document_kind(plan.decision.number) == "Kế hoạch"


def _decision_symbol(plan: ParsedPlan, office: OfficeSettings) -> str:
    number = plan.decision.number
    return number.split("/", 1)[1] if "/" in number else office.symbol_for("QĐ")


def _signature(plan: ParsedPlan, office: OfficeSettings) -> tuple[tuple[str, ...], str]:
    d = plan.decision
    position = d.signer_position or office.signer_position
    lines = authority_lines(
        d.authority_prefix,
        position,
        authority_body=office.authority_body,
        superior_position=office.superior_signer_position,
    )
    return lines, d.signer or office.signer_name


def _flatten(nodes: Sequence[PlanNode]) -> Iterator[PlanNode]:
    for node in nodes:
        yield node
        yield from _flatten(node.children)


def _decision(
    writer: ReportWriter, plan: ParsedPlan, office: OfficeSettings, options: DocumentOptions
) -> None:
    d = plan.decision
    st = writer.styles
    writer.begin_section()
    _numbered_letterhead(writer, plan, office, options)
    writer.add(*title_block("QUYẾT ĐỊNH", d.title, width=writer.text_width()))

    lines, signer = _signature(plan, office)
    texts, recipients = _body_and_recipients(d, lines, signer)
    body: list[Flowable] = []
    for text in texts:
        if not body and not text.isupper() and d.issuing_body:
            body.append(Paragraph(markup(d.issuing_body.upper()), st.centre_bold))
        body.append(_decision_paragraph(writer, text))
    if not body and d.issuing_body:
        body.append(Paragraph(markup(d.issuing_body.upper()), st.centre_bold))
    _close_with_signature(writer, body, lines, signer, list(options.recipients or recipients))


def _numbered_letterhead(
    writer: ReportWriter, plan: ParsedPlan, office: OfficeSettings, options: DocumentOptions
) -> None:
    """The letterhead of the document that issued the plan: its number and date."""
    d = plan.decision
    blank = options.blank_number_and_date
    writer.add(
        letterhead(
            office,
            writer.text_width(),
            number_text=number_line(d.number or None, _decision_symbol(plan, office), blank=blank),
            date_text=date_line(
                office.place, d.date, blank=blank, year=d.date.year if d.date else None
            ),
        )
    )


def _body_and_recipients(
    d: Decision, lines: Sequence[str], signer: str
) -> tuple[list[str], list[str]]:
    """The decision's paragraphs to print and its "Nơi nhận" lines, without the type and title
    or the signature repeated in the body text."""
    texts: list[str] = []
    recipients: list[str] = []
    head_skip = {clean(d.title).casefold(), "quyết định"}
    signature_skip = {clean(x).casefold() for x in (*lines, signer, d.signer_position) if x}
    in_recipients = False
    lines_of_body = [t for t in (clean(n.text) for n in _flatten(d.body)) if t]
    for text in lines_of_body[letterhead_lines(lines_of_body) :]:
        key = text.casefold()
        if key.startswith("nơi nhận"):
            in_recipients = True
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            recipients.extend(_split_recipients(rest))
            continue
        if in_recipients:
            if text.startswith(("-", "–", "+")):
                recipients.extend(_split_recipients(text))
                continue
            in_recipients = False
        if (not texts and key in head_skip) or key in signature_skip:
            continue
        texts.append(text)
    return texts, recipients


def _split_recipients(text: str) -> list[str]:
    text = text.strip().lstrip("-–+ ").strip()
    if not text:
        return []
    return [p.strip() for p in _RECIPIENT_SPLIT.split(text) if p.strip()]


def _decision_paragraph(writer: ReportWriter, text: str) -> Flowable:
    st = writer.styles
    if text.startswith(("Căn cứ", "Xét ")):
        return Paragraph(markup(text), st.basis)
    if text.isupper() and len(text) <= 150:
        return Paragraph(markup(text), st.centre_bold)
    m = _ARTICLE.match(text)
    if m:
        return Paragraph(f"<b>{markup(m.group(1))}</b> {markup(m.group(2))}", st.body)
    return Paragraph(markup(text), st.body)


def _close_with_signature(
    writer: ReportWriter,
    body: list[Flowable],
    authority: Sequence[str],
    signer: str,
    recipients: Sequence[str],
) -> None:
    """Add `body`, its last paragraph ending "./." and kept with the signature block."""
    if not body:
        writer.add(
            signature_block(authority, signer, recipients, writer.text_width()),
        )
        return
    last = body[-1]
    if isinstance(last, Paragraph):
        closing = with_closing(last.text)
        if closing != last.text:
            last = Paragraph(closing, last.style)
    writer.add(*body[:-1])
    writer.add_signature(
        [last], signature_block(authority, signer, recipients, writer.text_width())
    )


# ---------------------------------------------------------------------------- the plan text


def _plan_subtitle(plan: ParsedPlan, options: DocumentOptions) -> str:
    d = plan.decision
    if not d.number and d.date is None:
        return ""
    if options.blank_number_and_date:
        symbol = d.number.split("/", 1)[1] if "/" in d.number else "QĐ-UBND"
        number = f"{formatting.BLANK}/{symbol}"
        when = formatting.blank_date_long(d.date.year if d.date else None)
    else:
        number = d.number
        when = formatting.date_long(d.date) if d.date else ""
    kind = document_kind(d.number) if d.number else "Quyết định"
    parts = [f"(Ban hành kèm theo {kind} số {number}"]
    if when:
        parts.append(when)
    if d.issuing_body:
        parts.append(f"của {d.issuing_body}")
    return " ".join(parts) + ")"


def _split_title(title: str) -> tuple[str, str]:
    """ "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2020" → ("KẾ HOẠCH", "CẢI CÁCH HÀNH CHÍNH NĂM 2020")."""
    t = clean(title)
    for doc_type in ("KẾ HOẠCH", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "PHƯƠNG ÁN"):
        if t.upper().startswith(doc_type + " ") or t.upper() == doc_type:
            return doc_type, t[len(doc_type) :].strip()
    return "KẾ HOẠCH", t


def _plan_text(
    writer: ReportWriter, plan: ParsedPlan, office: OfficeSettings, options: DocumentOptions
) -> None:
    writer.begin_section()
    width = writer.text_width()
    d = plan.decision
    own = issued_as_plan(plan)
    if own:
        _numbered_letterhead(writer, plan, office, options)
    else:
        writer.add(letterhead(office, width, number_text=None, date_text=None))
    doc_type, summary = _split_title(plan.title)
    subtitle = None if own else _plan_subtitle(plan, options) or None
    writer.add(*title_block(doc_type, summary, subtitle=subtitle, width=width))
    body: list[Flowable] = []
    for node in plan.parts:
        _plan_node(writer, node, 0, body)
    lines, signer = _signature(plan, office)
    # A plan issued as its own document ends with its own Nơi nhận; a decision's plan has none.
    recipients = (options.recipients or _body_and_recipients(d, lines, signer)[1]) if own else ()
    _close_with_signature(writer, body, lines, signer, recipients)


def item_is_heading(text: str) -> bool:
    """A numbered item printed as a heading ("1. Cải cách thể chế"), not a numbered sentence
    of the body ("2. Kinh phí thực hiện … được lấy từ …", "b) Giải quyết hồ sơ … đúng hạn."):
    headings are short and end without a full stop."""
    return len(text) <= _HEADING_MAX and not text.rstrip().endswith((".", ";"))


def _plan_node(writer: ReportWriter, node: PlanNode, depth: int, out: list[Flowable]) -> None:
    st = writer.styles
    text = clean(node.text)
    if node.kind in (NodeKind.PART, NodeKind.ITEM):
        label = item_label(node.number)
        if label and not text.startswith(label) and not text.startswith(node.number + " "):
            text = f"{label} {text}" if text else label
        style = st.part if node.kind == NodeKind.PART else (st.item if depth <= 1 else st.subitem)
        if node.kind == NodeKind.ITEM and not item_is_heading(text):
            style = st.body
        if text:
            out.append(Paragraph(markup(text), style))
    elif text:
        out.append(Paragraph(markup(text), st.body))
    for child in node.children:
        _plan_node(writer, child, depth + 1, out)


# ---------------------------------------------------------------------------- appendices


def _appendix_reference(plan: ParsedPlan, options: DocumentOptions) -> str:
    if plan.appendix_subtitle and not options.blank_number_and_date:
        return clean(plan.appendix_subtitle.replace("**", ""))
    sub = _plan_subtitle(plan, options)
    return sub.replace("(Ban hành kèm theo", "(Kèm theo", 1)


def _appendix_subtitle(appendix: Appendix) -> str:
    heading = clean(appendix.heading)
    rest = _APPENDIX_PREFIX.sub("", heading).strip()
    if rest:
        return rest
    if appendix.lead_agency:
        return f"{appendix.title} - {appendix.lead_agency} chịu trách nhiệm chủ trì"
    return appendix.title


def _list_lines(text: str) -> str:
    """Start each "- …" item of a cell written on one line on its own line."""
    return _LIST_BREAK.sub("\n", clean(text))


def _products(products: Sequence[str]) -> str:
    items = [clean(p) for p in products if clean(p)]
    if len(items) <= 1:
        return _list_lines(items[0]) if items else ""
    return "\n".join(p if p.startswith(("-", "–", "+")) else f"- {p}" for p in items)


def task_cells(task: Task) -> list[str]:
    """The six cells of a task row as printed: STT, task, products, agencies, timeline, note."""
    return [
        clean(task.no),
        clean(task.title),
        _products(task.products),
        _list_lines(task.agencies_text),
        _list_lines(task.timeline),
        clean(task.noted()),
    ]


def _appendix(
    writer: ReportWriter, plan: ParsedPlan, appendix: Appendix, options: DocumentOptions
) -> None:
    writer.begin_section(landscape_pages=True)
    titles = [plan.appendix_title, _appendix_subtitle(appendix)]
    writer.add(
        *appendix_heading(
            f"Phụ lục số {appendix.number:02d}",
            [t for t in titles if t],
            _appendix_reference(plan, options) or None,
        )
    )
    columns = scaled(PLAN_COLUMNS, writer.landscape_width_mm())
    writer.add(
        data_table(
            columns,
            (task_cells(t) for t in appendix.tasks),
            check=writer.check_cancelled,
        )
    )
    writer.add(Paragraph("./.", writer.styles.body_plain))
