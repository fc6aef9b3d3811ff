"""Run a core mutation and tell every view what changed (Anki's CollectionOp/OpChanges idea)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

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

    def run(self, mutation: Callable[[], Changes]) -> Changes:
        """Call `mutation` (a service call using the single write path) and broadcast it."""
        changes = mutation()
        if changes:
            self.changed.emit(changes)
        return changes
