"""Vietnamese for Qt itself: the vi_VN default locale and our qtbase_vi.qm translator.

Qt ships no Vietnamese catalog of its own strings (architecture.md §4.6), so the standard
buttons, context menus and message-box details come from resources/translations/qtbase_vi.qm.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from cchc_desktop import paths

log = logging.getLogger(__name__)

LOCALE_NAME = "vi_VN"
QT_CATALOG = "qtbase_vi.qm"


def set_default_locale() -> QLocale:
    """Make vi_VN the default for number/date widgets and collation; call before any widget."""
    locale = QLocale(LOCALE_NAME)
    QLocale.setDefault(locale)
    return locale


def install_qt_translator(app: QCoreApplication) -> QTranslator | None:
    """Load qtbase_vi.qm and install it on `app`; the caller keeps the returned translator alive.

    A missing or unreadable catalog is logged and tolerated: the window still works, with
    English standard buttons.
    """
    translator = QTranslator(app)
    qm = paths.resource_path("translations", QT_CATALOG)
    if not translator.load(str(qm)):
        log.warning("Qt translation %s could not be loaded", qm)
        return None
    app.installTranslator(translator)
    return translator
