"""What the dialogs that change one plan share: the context, one undoable write with its error
shown on the dialog's status line, and opening them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Self

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from cchc_desktop.context import AppContext
from cchc_desktop.errors import CchcError
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.undo import run_undoable
from cchc_desktop.store.changes import Changes
from cchc_desktop.ui.job_progress import show_status


class PlanDialog(QDialog):
    """A dialog over one plan whose writes are undo steps of the window."""

    def __init__(
        self,
        ctx: AppContext,
        ops: Operations,
        undo_stack: QUndoStack,
        plan_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self._undo = undo_stack
        self._plan_id = plan_id

    def write(self, text: str, mutation: Callable[[], Changes], status: QLabel) -> bool:
        """Run `mutation` as the undo step `text`; a refusal is shown on `status`."""
        try:
            run_undoable(self._undo, self._ctx, self._ops, text, mutation)
        except CchcError as exc:
            show_status(status, str(exc), error=True)
            return False
        return True

    @classmethod
    def run_modal(
        cls,
        ctx: AppContext,
        ops: Operations,
        undo_stack: QUndoStack,
        plan_id: str,
        parent: QWidget | None = None,
    ) -> Self:
        """Show the dialog modally; it is returned (closed) for its result."""
        dialog = cls(ctx, ops, undo_stack, plan_id, parent)
        dialog.exec()
        dialog.deleteLater()
        return dialog
