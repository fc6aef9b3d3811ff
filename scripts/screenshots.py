"""Render the README's window screenshots offscreen: docs/images/window-*.png.

python scripts/screenshots.py [--out docs/images]

A fresh seeded database is filled the way a clerk would (the communes added, Q1 progress of a
commune with an evidence file, indicator values), with "today" pinned to 15/03/2020 so the
2020 plan shows tasks overdue, due soon and done.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = dt.date(2020, 3, 15)
SIZE = (1366, 728)  # a 1366×768 screen less its taskbar
COMMUNES = ["Xã Minh Sơn", "Xã Cao Thịnh", "Xã Ngọc Liên", "Thị trấn Ngọc Lặc"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="cchc-shots-"))
    os.environ["CCHC_DATA_DIR"] = str(work)

    from PySide6.QtWidgets import QApplication  # noqa: TID251 - a GUI tool

    app = QApplication([sys.argv[0]])
    from cchc_desktop.context import AppContext
    from cchc_desktop.domain.model import AgencyKind, WorkState
    from cchc_desktop.domain.periods import ReportingPeriod
    from cchc_desktop.qt.i18n import install_qt_translator, set_default_locale
    from cchc_desktop.qt.operations import Operations
    from cchc_desktop.qt.settings import Settings
    from cchc_desktop.services import indicator_service, organisation, plan_service
    from cchc_desktop.services.startup import open_or_create
    from cchc_desktop.services.tree_service import TASK, NodeRef
    from cchc_desktop.ui.main_window import TAB_CALENDAR, TAB_INDICATORS, MainWindow
    from cchc_desktop.ui.task_editor import TAB_PROGRESS

    set_default_locale()
    install_qt_translator(app)
    db_path = work / "cchc.db"
    db = open_or_create(db_path)
    organisation.add_agencies(db, COMMUNES, AgencyKind.COMMUNE, author="Văn thư")
    ctx = AppContext(db=db, db_path=db_path, author="Nguyễn Thị Lan")
    ctx.today = lambda: TODAY  # type: ignore[method-assign]
    window = MainWindow(ctx, Operations(), Settings())
    window.resize(*SIZE)
    window.show()
    app.processEvents()

    task_id = db.execute(
        "SELECT t.id FROM task t JOIN appendix a ON a.id = t.appendix_id"
        " WHERE a.number = 2 AND t.no = '5'"
    ).fetchone()[0]
    commune = db.execute("SELECT id FROM agency WHERE name = ?", [COMMUNES[0]]).fetchone()[0]
    window.expand_appendices()
    window.select_ref(NodeRef(TASK, task_id))
    editor = window.editor
    editor.select_report(commune, ReportingPeriod.Q1)
    ui = editor.ui
    ui.state_combo.setCurrentIndex(ui.state_combo.findData(str(WorkState.IN_PROGRESS)))
    ui.percent_spin.setValue(80)
    ui.result_edit.setPlainText(
        "Tiếp nhận 126 hồ sơ, đã trả kết quả đúng hạn 121 hồ sơ, trước hạn 3 hồ sơ; "
        "2 hồ sơ đang giải quyết trong hạn."
    )
    editor.save()
    scan = work / "Bien-ban-kiem-tra-mot-cua-quy-I.pdf"
    scan.write_bytes(b"%PDF-1.4\n% bien ban kiem tra\n")
    editor.add_evidence_files([scan])
    editor.wait_for_worker()
    app.processEvents()
    app.processEvents()

    # The tree, with the task's content.
    ui.tabs.setCurrentIndex(0)
    _grab(app, window, out / "window-tree.png")
    # The editor on the progress tab.
    ui.tabs.setCurrentIndex(TAB_PROGRESS)
    _grab(app, window, out / "window-editor.png")
    # The deadline calendar in March 2020.
    window.ui.left_tabs.setCurrentIndex(TAB_CALENDAR)
    window.calendar.select_date(dt.date(2020, 3, 20))
    _grab(app, window, out / "window-calendar.png")
    # Indicators with a few values.
    plan = plan_service.list_plans(db)[0].id
    indicator_service.extract_indicators(db, plan, author="Văn thư")
    window.ui.left_tabs.setCurrentIndex(TAB_INDICATORS)
    panel = window.indicators
    district = db.execute("SELECT id FROM agency WHERE kind = 'district' LIMIT 1").fetchone()
    if district is not None:
        panel.ui.unit_combo.setCurrentIndex(panel.ui.unit_combo.findData(district[0]))
    panel.ui.period_combo.setCurrentIndex(panel.ui.period_combo.findData("Q1"))
    values = ("98,5", "76", "31", "12")  # the first four indicators; the rest stay empty
    for ind, value in zip(indicator_service.list_indicators(db, plan), values, strict=False):
        indicator_service.set_value(
            db,
            indicator_id=ind.id,
            unit_id=panel.unit_id() or "",
            year=2020,
            period="Q1",
            value=value,
        )
    panel.reload()
    _grab(app, window, out / "window-indicators.png")
    window.hide()
    db.conn.close()
    for name in ("tree", "editor", "calendar", "indicators"):
        print(out / f"window-{name}.png")
    return 0


def _grab(app: object, window: object, target: Path) -> None:
    from PySide6.QtWidgets import QApplication, QWidget  # noqa: TID251 - a GUI tool

    assert isinstance(app, QApplication)
    assert isinstance(window, QWidget)
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(target), "PNG")


if __name__ == "__main__":
    sys.exit(main())
