"""The deadline calendar: a month grid with status dots, the agenda, and the milestones of a day."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import (
    QDate,
    QLocale,
    QModelIndex,
    QRect,
    QRectF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPen, QShortcut, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QHeaderView, QTreeView, QWidget

from cchc_desktop import formatting
from cchc_desktop.context import AppContext
from cchc_desktop.domain.periods import ReportingPeriod, period_phrase
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qtmodels.calendar_models import (
    COL_DUE,
    COL_LABEL,
    COL_REF,
    COL_STATUS,
    COL_TITLE,
    COL_UNIT,
    SORT_ROLE,
    AgendaModel,
    OccurrenceLike,
    OccurrenceListModel,
    agenda_groups,
    is_open,
)
from cchc_desktop.qtmodels.status_style import StatusLegend, StatusStyle, draw_dot, style_of
from cchc_desktop.services import deadline_service
from cchc_desktop.services.calendar_service import SHIFT_SETTING
from cchc_desktop.store.changes import Changes
from cchc_desktop.ui.forms.ui_calendar_panel import Ui_CalendarPanel

if TYPE_CHECKING:
    from sqlite_utils import Database

# (db, first day, last day, today, plan id or None for every plan) → occurrences
OccurrenceSource: TypeAlias = Callable[
    ["Database", dt.date, dt.date, dt.date, str | None], Sequence[OccurrenceLike]
]

# Tables whose changes can move a milestone or change its status.
# Days off (and the shifted-due-date setting, below) move dates on the calendar too.
WATCHED_TABLES = frozenset(
    {
        "milestone",
        "task",
        "task_agency",
        "progress",
        "agency",
        "appendix",
        "plan",
        "day_off",
    }
)
HORIZONS = (7, 30)
MAX_DOTS = 3
TODAY_COLOR = "#1565c0"

_SEVERITY = {"overdue": 0, "due_soon": 1, "in_progress_on_time": 2, "not_started": 3}


def load_occurrences(
    db: Database, date_from: dt.date, date_to: dt.date, today: dt.date, plan_id: str | None
) -> Sequence[OccurrenceLike]:
    """The default source: deadline_service.occurrences over the database."""
    return deadline_service.occurrences(db, date_from, date_to, today=today, plan_id=plan_id)


class Scope(StrEnum):
    """What the milestone list below the agenda shows."""

    DAY = "day"
    MONTH = "month"
    PERIOD = "period"


# The period switcher: (label, period); None is the month on screen.
PERIOD_CHOICES: tuple[tuple[str, ReportingPeriod | None], ...] = (
    ("Tháng đang xem", None),
    ("Quý I", ReportingPeriod.Q1),
    ("6 tháng đầu năm", ReportingPeriod.H1),
    ("9 tháng", ReportingPeriod.Q3),
    ("Cả năm", ReportingPeriod.Y),
)


def period_range(period: ReportingPeriod, year: int) -> tuple[dt.date, dt.date]:
    """Calendar months a periodic report covers: 1/1 to the end of its last month."""
    last = period.last_month
    return dt.date(year, 1, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _severity(style: StatusStyle) -> int:
    return _SEVERITY.get(style.key, 4)


class DeadlineCalendar(QCalendarWidget):
    """A month grid that paints up to three status dots and a milestone count on each day.

    Navigation is the panel's (its own bar is hidden), so month names come from formatting.py.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadline_calendar")
        self.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setNavigationBarVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setGridVisible(True)
        # Weekends in dark grey, not Qt's red: red means "overdue" here.
        weekend = QTextCharFormat()
        weekend.setForeground(QColor("#555555"))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(day, weekend)
        self._styles: dict[dt.date, list[StatusStyle]] = {}
        self._counts: Counter[dt.date] = Counter()
        self._today: dt.date | None = None

    def set_today(self, today: dt.date) -> None:
        self._today = today
        self.updateCells()

    def set_occurrences(self, occurrences: Sequence[OccurrenceLike]) -> None:
        """Mark each day with the distinct statuses of its milestones, most urgent first."""
        styles: dict[dt.date, dict[str, StatusStyle]] = {}
        counts: Counter[dt.date] = Counter()
        for occ in occurrences:
            style = style_of(occ.status)
            styles.setdefault(occ.due, {})[style.key] = style
            counts[occ.due] += 1
        self._styles = {
            day: sorted(by_key.values(), key=_severity) for day, by_key in styles.items()
        }
        self._counts = counts
        self.updateCells()

    def marks(self, day: dt.date) -> list[StatusStyle]:
        """The styles painted on `day` (for tests and tooltips)."""
        return list(self._styles.get(day, ()))

    def count(self, day: dt.date) -> int:
        return self._counts.get(day, 0)

    def selected_day(self) -> dt.date:
        return _to_date(self.selectedDate())

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        super().paintCell(painter, rect, date)
        day = _to_date(date)
        styles = self._styles.get(day)
        if day == self._today:
            painter.save()
            painter.setPen(QPen(QColor(TODAY_COLOR), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5))
            painter.restore()
        if not styles:
            return
        size = max(6.0, min(12.0, rect.height() / 4.5))
        gap = size / 3
        shown = styles[:MAX_DOTS]
        width = len(shown) * size + (len(shown) - 1) * gap
        x = rect.center().x() - width / 2
        y = rect.bottom() - size - max(2.0, rect.height() / 12)
        for style in shown:
            draw_dot(painter, QRectF(x, y, size, size), style)
            x += size + gap
        count = self._counts.get(day, 0)
        if count > 1:
            painter.save()
            font = QFont(painter.font())
            font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
            painter.setFont(font)
            painter.setPen(QColor("#444444"))
            painter.drawText(
                QRectF(rect).adjusted(2, 1, -3, 0),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                str(count),
            )
            painter.restore()


def _to_date(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CalendarPanel(QWidget):
    """The deadline calendar panel (a dock or tab of the main window).

    A month grid marks each day's milestones by status colour; the agenda lists overdue
    milestones and those due in the next 7 or 30 days; the list below shows the milestones of the
    clicked day, of the month on screen, or of a reporting period (Quý I, 6 tháng, 9 tháng, Năm).
    It shows one plan (`plan_id`, `set_plan`; None shows every plan in the database) and reloads
    on `ops.changed` (when milestones, tasks or progress changed) and `ops.reset`.

    Signals:
        task_activated(str): a milestone was double-clicked (or Enter pressed) in the agenda or
            the list; the argument is its task id, for the main window to select in the tree.
    """

    task_activated = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        plan_id: str | None = None,
        source: OccurrenceSource | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self._plan_id = plan_id
        self._source: OccurrenceSource = source or load_occurrences
        self.ui = Ui_CalendarPanel()
        self.ui.setupUi(self)

        self.calendar = DeadlineCalendar(self.ui.calendar_container)
        self.ui.calendar_layout.addWidget(self.calendar)
        self.legend = StatusLegend(self.ui.legend_container, columns=2)
        self.ui.legend_layout.addWidget(self.legend)

        self.agenda_model = AgendaModel(self)
        self.list_model = OccurrenceListModel(self)
        self.list_proxy = QSortFilterProxyModel(self)
        self.list_proxy.setSourceModel(self.list_model)
        self.list_proxy.setSortRole(SORT_ROLE)
        self._setup_view(self.ui.agenda_view, self.agenda_model)
        self._setup_view(self.ui.list_view, self.list_proxy)
        self.ui.list_view.setSortingEnabled(True)
        self.ui.list_view.sortByColumn(COL_DUE, Qt.SortOrder.AscendingOrder)
        self.ui.splitter.setStretchFactor(0, 2)
        self.ui.splitter.setStretchFactor(1, 3)
        self.ui.splitter.setSizes([420, 860])

        for label, _period in PERIOD_CHOICES:
            self.ui.period_combo.addItem(label)
        for days in HORIZONS:
            self.ui.horizon_combo.addItem(f"{days} ngày tới", days)

        self._scope = Scope.DAY
        self._period: ReportingPeriod | None = None
        self._day = ctx.today()
        self._month_items: list[OccurrenceLike] = []

        self.ui.prev_button.clicked.connect(lambda: self._step_month(-1))
        self.ui.next_button.clicked.connect(lambda: self._step_month(1))
        self.ui.today_button.clicked.connect(self.go_today)
        self.ui.year_spin.valueChanged.connect(self._on_year_changed)
        self.ui.period_combo.activated.connect(self._on_period_chosen)
        self.ui.horizon_combo.currentIndexChanged.connect(lambda _i: self._load_agenda())
        self.calendar.clicked.connect(self._on_day_clicked)
        self.calendar.activated.connect(self._on_day_clicked)
        self.calendar.currentPageChanged.connect(self._on_page_changed)
        self.ui.agenda_view.activated.connect(self._on_agenda_activated)
        self.ui.list_view.activated.connect(self._on_list_activated)
        for key, step in (
            (QKeySequence.StandardKey.MoveToPreviousPage, -1),
            (QKeySequence.StandardKey.MoveToNextPage, 1),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self._step_month(step))
        ops.changed.connect(self._on_changed)
        ops.reset.connect(self.reload)

        self.select_date(deadline_service.focus_day(ctx.db, plan_id, self.today))

    # ------------------------------------------------------------------ public API

    @property
    def scope(self) -> Scope:
        return self._scope

    @property
    def today(self) -> dt.date:
        return self._ctx.today()

    def horizon_days(self) -> int:
        days = self.ui.horizon_combo.currentData()
        return int(days) if days is not None else HORIZONS[0]

    def set_horizon(self, days: int) -> None:
        """Show milestones due in the next `days` days (7 or 30) in the agenda."""
        index = self.ui.horizon_combo.findData(days)
        if index < 0:
            raise ValueError(f"horizon must be one of {HORIZONS}")
        self.ui.horizon_combo.setCurrentIndex(index)

    @property
    def plan_id(self) -> str | None:
        return self._plan_id

    def set_plan(self, plan_id: str | None) -> None:
        """Show the milestones of one plan (the main window's plan selector); None: every plan.

        The grid turns to the month that matters for that plan (deadline_service.focus_day):
        this month while the plan's year runs, else its earliest overdue milestone.
        """
        if plan_id != self._plan_id:
            self._plan_id = plan_id
            self.select_date(deadline_service.focus_day(self._ctx.db, plan_id, self.today))

    def reload(self) -> None:
        """Read everything again: the month's marks, the agenda and the list."""
        self.calendar.set_today(self.today)
        self._load_month_marks()
        self._load_agenda()
        self._load_list()

    def go_today(self) -> None:
        """Show the current month and list today's milestones."""
        self.select_date(self.today)

    def show_month(self, year: int, month: int) -> None:
        self.calendar.setCurrentPage(year, month)

    def select_date(self, day: dt.date) -> None:
        """Select `day` in the grid (turning the page if needed) and list its milestones."""
        self._day = day
        self._scope = Scope.DAY
        self.calendar.setSelectedDate(_qdate(day))
        self.calendar.setCurrentPage(day.year, day.month)
        self._show_page_heading(day.year, day.month)  # no page-change signal for the same page
        self.reload()

    def select_period(self, period: ReportingPeriod | None, year: int | None = None) -> None:
        """List the milestones of a reporting period (None: the month on screen)."""
        if year is not None and year != self.calendar.yearShown():
            self.show_month(year, self.calendar.monthShown())
        self._period = period
        self._scope = Scope.MONTH if period is None else Scope.PERIOD
        choice = next(i for i, (_l, p) in enumerate(PERIOD_CHOICES) if p is period)
        self.ui.period_combo.setCurrentIndex(choice)
        self._load_list()

    def list_range(self) -> tuple[dt.date, dt.date]:
        """The first and last day whose milestones the list shows."""
        if self._scope is Scope.DAY:
            return self._day, self._day
        year = self.calendar.yearShown()
        if self._scope is Scope.PERIOD and self._period is not None:
            return period_range(self._period, year)
        return month_range(year, self.calendar.monthShown())

    # ------------------------------------------------------------------ loading

    def _setup_view(self, view: QTreeView, model: AgendaModel | QSortFilterProxyModel) -> None:
        view.setModel(model)
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, so they hold on a 125 % or 150 % Windows display.
        fm = view.fontMetrics()
        indent = view.indentation() if view.rootIsDecorated() else 0
        widths = {
            COL_DUE: fm.horizontalAdvance("30/12/2020") + 16 + 22 + 2 * indent,
            COL_REF: fm.horizontalAdvance("7.10") + 16,
            COL_LABEL: fm.horizontalAdvance("Báo cáo kết quả") + 12,
            COL_UNIT: fm.horizontalAdvance("Văn phòng HĐND-UBND") + 12,
            COL_STATUS: fm.horizontalAdvance("Chưa hoàn thành – trong hạn") + 16,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setMinimumSectionSize(fm.horizontalAdvance("STT") + 16)

    def _fetch(self, date_from: dt.date, date_to: dt.date) -> list[OccurrenceLike]:
        return list(self._source(self._ctx.db, date_from, date_to, self.today, self._plan_id))

    def _load_month_marks(self) -> None:
        first, last = month_range(self.calendar.yearShown(), self.calendar.monthShown())
        # The grid shows up to two weeks of the neighbouring months too.
        items = self._fetch(first - dt.timedelta(days=14), last + dt.timedelta(days=14))
        self.calendar.set_occurrences(items)
        self._month_items = [o for o in items if first <= o.due <= last]

    def _load_agenda(self) -> None:
        today = self.today
        horizon = self.horizon_days()
        # The same milestones, judged by the same rule, as the banner, the tree and the report.
        # (deadline_service.open_window: every milestone of the plan up to the horizon.)
        items = self._fetch(deadline_service.EARLIEST, today + dt.timedelta(days=horizon))
        groups = agenda_groups(items, today, horizon)
        self.agenda_model.set_groups(groups)
        view = self.ui.agenda_view
        for row in range(self.agenda_model.rowCount()):
            view.setFirstColumnSpanned(row, QModelIndex(), True)
        view.expandAll()
        if not groups:
            self.ui.agenda_label.setText(
                "<b>Việc cần theo dõi</b> – không có mốc quá hạn hay sắp đến hạn"
            )
        else:
            self.ui.agenda_label.setText("<b>Việc cần theo dõi</b>")

    def _load_list(self) -> None:
        first, last = self.list_range()
        items = self._fetch(first, last)
        self.list_model.set_occurrences(items)
        self.ui.list_label.setText(f"<b>{self._list_title(first)}</b> – {self._counts_text(items)}")
        self.ui.summary_label.setText(self._month_summary())

    def _list_title(self, first: dt.date) -> str:
        if self._scope is Scope.DAY:
            weekday = formatting.weekday_name(first).lower()
            return f"Các mốc {weekday}, ngày {formatting.date_short(first)}"
        if self._scope is Scope.PERIOD and self._period is not None:
            year = self.calendar.yearShown()
            start, end = period_range(self._period, year)
            return (
                f"Các mốc {period_phrase(self._period, year)} "
                f"({formatting.date_short(start)} – {formatting.date_short(end)})"
            )
        return f"Các mốc {formatting.month_year(first).lower()}"

    @staticmethod
    def _counts_text(items: Sequence[OccurrenceLike]) -> str:
        if not items:
            return "không có mốc nào"
        overdue = sum(1 for o in items if is_open(o) and o.status.overdue)
        soon = sum(1 for o in items if is_open(o) and o.status.due_soon and not o.status.overdue)
        done = sum(1 for o in items if not is_open(o))
        parts = [f"{len(items)} mốc"]
        if overdue:
            parts.append(f"{overdue} quá hạn")
        if soon:
            parts.append(f"{soon} sắp đến hạn")
        if done:
            parts.append(f"{done} đã xong hoặc không thực hiện")
        return ", ".join(parts)

    def _month_summary(self) -> str:
        items = self._month_items
        first, _ = month_range(self.calendar.yearShown(), self.calendar.monthShown())
        return f"{formatting.month_year(first)}: {self._counts_text(items)}."

    # ------------------------------------------------------------------ slots

    def _step_month(self, step: int) -> None:
        if step < 0:
            self.calendar.showPreviousMonth()
        else:
            self.calendar.showNextMonth()

    def _show_page_heading(self, year: int, month: int) -> None:
        self.ui.month_label.setText(f"<b>{formatting.month_year(dt.date(year, month, 1))}</b>")
        if self.ui.year_spin.value() != year:
            self.ui.year_spin.blockSignals(True)
            self.ui.year_spin.setValue(year)
            self.ui.year_spin.blockSignals(False)

    def _on_page_changed(self, year: int, month: int) -> None:
        self._show_page_heading(year, month)
        self._load_month_marks()
        if self._scope is not Scope.DAY:
            self._load_list()
        else:
            self.ui.summary_label.setText(self._month_summary())

    def _on_year_changed(self, year: int) -> None:
        self.show_month(year, self.calendar.monthShown())

    def _on_period_chosen(self, index: int) -> None:
        self.select_period(PERIOD_CHOICES[index][1])

    def _on_day_clicked(self, qdate: QDate) -> None:
        self._day = _to_date(qdate)
        self._scope = Scope.DAY
        self._load_list()

    def _on_changed(self, changes: Changes) -> None:
        if changes.tables & WATCHED_TABLES or SHIFT_SETTING in changes.rows("setting"):
            self.reload()

    def _on_agenda_activated(self, index: QModelIndex) -> None:
        occ = self.agenda_model.occurrence(index)
        if occ is not None:
            self.task_activated.emit(occ.task_id)

    def _on_list_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            occ = self.list_model.occurrence(self.list_proxy.mapToSource(index).row())
            self.task_activated.emit(occ.task_id)
