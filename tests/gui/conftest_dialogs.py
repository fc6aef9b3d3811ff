"""Helpers for the calendar, report, settings and sync dialog tests (imported, not a conftest)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from cchc_desktop.context import AppContext
from cchc_desktop.domain.model import STATUS_LABELS, StatusCategory


def make_ctx(
    make_db: Callable[..., Database], *, today: dt.date | None = None, seed: bool = False
) -> AppContext:
    """An AppContext over a database from the shared `make_db` fixture; `today` pins its date."""
    db = make_db(seed=seed)
    path = Path(db.execute("PRAGMA database_list").fetchone()[2])
    ctx = AppContext(db=db, db_path=path, author="Kiểm thử")
    if today is not None:
        pinned = today
        ctx.today = lambda: pinned  # type: ignore[method-assign]
    return ctx


@dataclass(frozen=True)
class FakeStatus:
    category: StatusCategory
    overdue: bool = False
    due_soon: bool = False

    due_text: str = ""

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.category]


@dataclass(frozen=True)
class FakeOccurrence:
    task_id: str
    task_ref: str
    task_title: str
    label: str
    due: dt.date
    unit_name: str
    status: FakeStatus


def make_pdf(
    path: Path, text: str = "Báo cáo kết quả cải cách hành chính", *, pages: int = 2
) -> Path:
    """A small PDF with Vietnamese text: page 1 A4 portrait, the others A4 landscape."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from cchc_desktop.reports import fonts

    fonts.register_fonts()
    canvas = Canvas(str(path), pagesize=A4)
    for page in range(pages):
        size = A4 if page == 0 else landscape(A4)
        canvas.setPageSize(size)
        canvas.setFont(fonts.REGULAR, 16)
        canvas.drawString(72, size[1] - 100, f"{text} – trang {page + 1}")
        canvas.rect(72, 72, size[0] - 144, size[1] - 200)
        canvas.showPage()
    canvas.save()
    return path
