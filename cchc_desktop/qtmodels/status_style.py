"""One palette for task status: colours, drawn icons and a legend, shared by the tree and calendar.

A status is shown by colour *and* by the shape drawn inside the dot (a tick for finished work, an
exclamation mark for overdue work, a hollow ring for work due soon), so it still reads on a
monochrome printout or for a colour-blind clerk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from cchc_desktop.domain.model import STATUS_LABELS, StatusCategory


class StatusLike(Protocol):
    """What the palette needs of a task status (deadline_service's TaskStatus fits)."""

    @property
    def category(self) -> StatusCategory: ...

    @property
    def overdue(self) -> bool: ...

    @property
    def due_soon(self) -> bool: ...

    @property
    def label(self) -> str: ...

    @property
    def due_text(self) -> str: ...


class Mark(StrEnum):
    """The shape drawn inside the status dot."""

    NONE = "none"
    TICK = "tick"
    ALERT = "alert"
    RING = "ring"
    DASH = "dash"


@dataclass(frozen=True, slots=True)
class StatusStyle:
    """How one status looks: its label for the legend, its colour and the mark in its dot."""

    key: str
    label: str
    color: QColor
    mark: Mark


# Material-like tones chosen to stay distinct on the white list background and in grey scale.
_CATEGORY_STYLE: dict[StatusCategory, tuple[str, Mark]] = {
    StatusCategory.DONE_ON_TIME: ("#2e7d32", Mark.TICK),
    StatusCategory.DONE_LATE: ("#7b8d1e", Mark.TICK),
    StatusCategory.IN_PROGRESS_ON_TIME: ("#1565c0", Mark.NONE),
    StatusCategory.IN_PROGRESS_OVERDUE: ("#c62828", Mark.ALERT),
    StatusCategory.NOT_STARTED: ("#757575", Mark.NONE),
    StatusCategory.NOT_APPLICABLE: ("#b0b0b0", Mark.DASH),
}

OVERDUE_COLOR = "#c62828"
DUE_SOON_COLOR = "#e65100"
OVERDUE_LABEL = "Quá hạn"
DUE_SOON_LABEL = "Sắp đến hạn"

_DONE = frozenset({StatusCategory.DONE_ON_TIME, StatusCategory.DONE_LATE})
_CLOSED = _DONE | {StatusCategory.NOT_APPLICABLE}


def style_for(
    category: StatusCategory, *, overdue: bool = False, due_soon: bool = False
) -> StatusStyle:
    """The style of a status; an open task that is overdue or due soon is flagged over its category.

    Finished and not-applicable tasks keep their category colour: a deadline no longer concerns
    them.
    """
    if category not in _CLOSED:
        if overdue or category is StatusCategory.IN_PROGRESS_OVERDUE:
            return StatusStyle("overdue", OVERDUE_LABEL, QColor(OVERDUE_COLOR), Mark.ALERT)
        if due_soon:
            return StatusStyle("due_soon", DUE_SOON_LABEL, QColor(DUE_SOON_COLOR), Mark.RING)
    color, mark = _CATEGORY_STYLE[category]
    return StatusStyle(category.value, STATUS_LABELS[category], QColor(color), mark)


def style_of(status: StatusLike) -> StatusStyle:
    """`style_for` applied to a status object (Occurrence.status, a tree row's status)."""
    return style_for(status.category, overdue=status.overdue, due_soon=status.due_soon)


def status_color(
    category: StatusCategory, *, overdue: bool = False, due_soon: bool = False
) -> QColor:
    return style_for(category, overdue=overdue, due_soon=due_soon).color


def color_of(status: StatusLike) -> QColor:
    return style_of(status).color


def status_text(status: StatusLike) -> str:
    """The status's own label when it has one, else the category with the deadline flag."""
    if status.label:
        return status.label
    label = STATUS_LABELS[status.category]
    if status.category in _CLOSED or status.category is StatusCategory.IN_PROGRESS_OVERDUE:
        return label
    if status.overdue:
        return f"{label} – quá hạn"
    if status.due_soon:
        return f"{label} – sắp đến hạn"
    return label


_ICONS: dict[tuple[str, int, float], QIcon] = {}


def draw_dot(painter: QPainter, rect: QRectF, style: StatusStyle) -> None:
    """Paint the status dot (filled circle plus its mark) into `rect` with `painter`."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    side = min(rect.width(), rect.height())
    circle = QRectF(0, 0, side, side)
    circle.moveCenter(rect.center())
    pen_width = max(1.0, side / 9)
    if style.mark is Mark.RING:
        painter.setPen(QPen(style.color, pen_width * 1.6))
        painter.setBrush(QColor("white"))
        painter.drawEllipse(circle.adjusted(pen_width, pen_width, -pen_width, -pen_width))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.color)
        inner = side * 0.18
        painter.drawEllipse(circle.center(), inner, inner)
        painter.restore()
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.color)
    painter.drawEllipse(circle)
    white = QPen(QColor("white"), pen_width * 1.3)
    white.setCapStyle(Qt.PenCapStyle.RoundCap)
    white.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(white)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    x, y, s = circle.x(), circle.y(), side
    if style.mark is Mark.TICK:
        path = QPainterPath(QPointF(x + s * 0.27, y + s * 0.52))
        path.lineTo(QPointF(x + s * 0.44, y + s * 0.69))
        path.lineTo(QPointF(x + s * 0.74, y + s * 0.34))
        painter.drawPath(path)
    elif style.mark is Mark.ALERT:
        painter.drawLine(QPointF(x + s / 2, y + s * 0.24), QPointF(x + s / 2, y + s * 0.56))
        painter.drawPoint(QPointF(x + s / 2, y + s * 0.76))
    elif style.mark is Mark.DASH:
        painter.drawLine(QPointF(x + s * 0.3, y + s / 2), QPointF(x + s * 0.7, y + s / 2))
    painter.restore()


def style_pixmap(style: StatusStyle, size: int = 16, device_ratio: float = 1.0) -> QPixmap:
    """A transparent square pixmap with the status dot."""
    pixmap = QPixmap(QSize(round(size * device_ratio), round(size * device_ratio)))
    pixmap.setDevicePixelRatio(device_ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        draw_dot(painter, QRectF(1, 1, size - 2, size - 2), style)
    finally:
        painter.end()
    return pixmap


def style_icon(style: StatusStyle, size: int = 16) -> QIcon:
    """The status dot as a (cached) QIcon, with a 2× image for high-DPI screens."""
    key = (style.key, size, 1.0)
    icon = _ICONS.get(key)
    if icon is None:
        icon = QIcon()
        icon.addPixmap(style_pixmap(style, size, 1.0))
        icon.addPixmap(style_pixmap(style, size, 2.0))
        _ICONS[key] = icon
    return icon


def status_icon(
    category: StatusCategory, *, overdue: bool = False, due_soon: bool = False, size: int = 16
) -> QIcon:
    return style_icon(style_for(category, overdue=overdue, due_soon=due_soon), size)


def icon_of(status: StatusLike, size: int = 16) -> QIcon:
    return style_icon(style_of(status), size)


def legend_styles() -> list[StatusStyle]:
    """Every style a view can show, in legend order: the deadline flags, then the categories."""
    return [
        style_for(StatusCategory.NOT_STARTED, overdue=True),
        style_for(StatusCategory.NOT_STARTED, due_soon=True),
        style_for(StatusCategory.IN_PROGRESS_ON_TIME),
        style_for(StatusCategory.NOT_STARTED),
        style_for(StatusCategory.DONE_ON_TIME),
        style_for(StatusCategory.DONE_LATE),
        style_for(StatusCategory.NOT_APPLICABLE),
    ]


class StatusLegend(QWidget):
    """A legend of the status dots in a grid of `columns` columns (all in one row by default).

    Emits no signals.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        columns: int | None = None,
        styles: Sequence[StatusStyle] | None = None,
        icon_size: int = 14,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("status_legend")
        chosen = list(styles) if styles is not None else legend_styles()
        per_row = columns or len(chosen)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(14)
        layout.setVerticalSpacing(3)
        self.labels: list[QLabel] = []
        for n, style in enumerate(chosen):
            item = QWidget(self)
            row = QHBoxLayout(item)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(5)
            dot = QLabel(item)
            dot.setPixmap(style_icon(style, icon_size).pixmap(icon_size, icon_size))
            dot.setFixedSize(icon_size, icon_size)
            text = QLabel(style.label, item)
            text.setObjectName(f"legend_{style.key}")
            row.addWidget(dot)
            row.addWidget(text)
            row.addStretch(1)
            layout.addWidget(item, n // per_row, n % per_row)
            self.labels.append(text)
        layout.setColumnStretch(per_row, 1)
