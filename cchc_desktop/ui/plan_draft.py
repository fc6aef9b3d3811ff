"""“Lập kế hoạch năm sau…”: a draft of the selected plan for a later year, deadlines moved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from cchc_desktop.context import AppContext
from cchc_desktop.errors import CchcError, ConflictError
from cchc_desktop.qt.operations import Operations
from cchc_desktop.services import plan_service
from cchc_desktop.services.plan_service import ImportResult
from cchc_desktop.store.changes import Changes
from cchc_desktop.ui.choice_dialog import next_year_dialog

TITLE = "Lập kế hoạch năm sau"


def ask_year(parent: QWidget | None, source_year: int) -> int | None:
    """The year of the new plan (the one after `source_year` by default); None if cancelled."""
    dialog = next_year_dialog(parent, source_year)
    try:
        return dialog.year() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def draft_next_year(
    ctx: AppContext, ops: Operations, parent: QWidget | None, plan_id: str
) -> ImportResult | None:
    """Ask the year, store the draft plan, tell the views; None when cancelled or refused.

    The copy takes about 0.2 s, so it runs here rather than on a worker; it is one write
    through `ops.run`, which broadcasts the import's Changes. Refusals are shown as
    Vietnamese message boxes.
    """
    try:
        source = plan_service.load_plan(ctx.db, plan_id)
    except CchcError as exc:
        QMessageBox.warning(parent, TITLE, str(exc))
        return None
    year = ask_year(parent, source.year)
    if year is None:
        return None
    found: list[ImportResult] = []

    def write() -> Changes:
        draft = plan_service.next_year_draft(source, year)
        result = plan_service.import_plan(
            ctx.db,
            draft,
            source_name=f"Dự thảo từ kế hoạch năm {source.year}",
            author=ctx.author,
        )
        found.append(result)
        return result.changes

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        ops.run(write)
    except ConflictError:
        message = (
            # A draft has no decision number yet, so the plan in the way is an earlier draft.
            f"Đã có dự thảo kế hoạch năm {year} (chưa có số quyết định) trong cơ sở dữ liệu. "
            "Hãy chọn kế hoạch đó trong ô “Kế hoạch” để sửa tiếp."
        )
    except CchcError as exc:
        message = str(exc)
    else:
        return found[0]
    finally:
        QApplication.restoreOverrideCursor()
    QMessageBox.warning(parent, TITLE, message)
    return None
