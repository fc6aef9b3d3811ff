"""Run a core mutation and tell every view what changed (Anki's CollectionOp/OpChanges idea)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from cchc_desktop.store import integrity
from cchc_desktop.store.changes import Changes


class Operations(QObject):
    """The window's single channel for writes.

    Signals:
        changed(Changes): emitted after every write that changed something; views refresh
            only when the Changes concern them.
        reset(): the whole database changed under the views (sync import, restore, new plan).
    """

    changed = Signal(object)
    reset = Signal()

    def __init__(self, db_path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_path = db_path

    def run(self, mutation: Callable[[], Changes]) -> Changes:
        """Call `mutation` (a service call using the single write path) and broadcast it.

        A full disk, a deleted or read-only database file raise a StoreError with the clerk's
        message; the write was one transaction, so nothing half-written is left.
        """
        if self._db_path is None:
            changes = mutation()
        else:
            with integrity.write_guard(self._db_path):
                integrity.ensure_still_present(self._db_path)
                changes = mutation()
        if changes:
            self.changed.emit(changes)
        return changes
