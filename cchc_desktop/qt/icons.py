"""Icons by file name: from the compiled resources (":/icons/…") when the forms registered them,
else from resources/icons on disk, so item models do not depend on the ui layer."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QFile
from PySide6.QtGui import QIcon

from cchc_desktop import paths


@cache
def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>` (e.g. "warning.svg")."""
    compiled = f":/icons/{name}"
    if QFile.exists(compiled):
        return QIcon(compiled)
    return QIcon(str(paths.resource_path("icons", name)))
