"""Undo/redo of saved edits: QUndoCommands that write before/after values through the services.

An edit runs first (through `Operations.run`, so views refresh); only when it succeeded and
changed something is a `ChangeCommand` pushed, holding the `Changes` it produced. Undo writes
the old values back and redo the new ones, both through `task_service.apply_edits`, i.e. the
single write path: the change log records undo like any edit, and sync carries it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from cchc_desktop.context import AppContext
from cchc_desktop.qt.operations import Operations
from cchc_desktop.services import task_service
from cchc_desktop.store.changes import Changes, Edit

log = logging.getLogger(__name__)

# QUndoStack only asks two commands to merge when their id() is equal and not -1; ChangeCommand
# is this application's only command class, so any fixed value serves. Which steps really merge
# is decided by the merge key in `ChangeCommand.mergeWith` (edits of one cell, typed in a row).
CHANGE_COMMAND_ID = 1
NOT_MERGEABLE = -1  # Qt's id() for a command that never merges


class ChangeCommand(QUndoCommand):
    """One saved edit on the undo stack (its first redo is the save that already happened)."""

    def __init__(
        self,
        ctx: AppContext,
        ops: Operations,
        text: str,
        changes: Changes,
        *,
        merge_key: str | None = None,
    ) -> None:
        super().__init__(text)
        self._ctx = ctx
        self._ops = ops
        self.changes = changes
        self.merge_key = merge_key
        self._pushed = False

    def id(self) -> int:
        return CHANGE_COMMAND_ID if self.merge_key is not None else NOT_MERGEABLE

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Consecutive edits of the same cell (same merge key) become one undo step."""
        if not isinstance(other, ChangeCommand) or other.merge_key != self.merge_key:
            return False
        self.changes = self.changes + other.changes
        return True

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # QUndoStack.push calls redo(); the edit is already saved
            return
        self._write(task_service.reapply_edits(self.changes))

    def undo(self) -> None:
        self._write(task_service.revert_edits(self.changes))

    def _write(self, edits: list[Edit]) -> None:
        db, author = self._ctx.db, self._ctx.author
        self._ops.run(lambda: task_service.apply_edits(db, edits, author=author))


def run_undoable(
    stack: QUndoStack,
    ctx: AppContext,
    ops: Operations,
    text: str,
    mutation: Callable[[], Changes],
    *,
    merge_key: str | None = None,
) -> Changes:
    """Run `mutation` through `ops` and, if it changed anything, push it as one undo step.

    Errors from the mutation propagate (nothing is pushed), so callers show their message.
    """
    changes = ops.run(mutation)
    if changes:
        stack.push(ChangeCommand(ctx, ops, text, changes, merge_key=merge_key))
        log.debug("Undo step %r: %d field(s)", text, len(changes.fields))
    return changes
