"""The change history of a record for the clerk: who, when, which field, old and new value."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from cchc_desktop import formatting
from cchc_desktop.domain.model import (
    ROLE_LABELS,
    WORK_STATE_LABELS,
    AgencyKind,
    AgencyRole,
    MilestoneKind,
    WorkState,
)
from cchc_desktop.domain.periods import PERIOD_LABELS, ReportingPeriod
from cchc_desktop.qtmodels.roles import ITEM_ROLE, SORT_ROLE, Index
from cchc_desktop.qtmodels.table_model import HeaderedTableModel
from cchc_desktop.qtmodels.task_parts_models import MILESTONE_KIND_LABELS
from cchc_desktop.services.task_service import RecordChange

FIELD_LABELS: dict[str, str] = {
    "title": "Tên",
    "text": "Nội dung",
    "number": "Số thứ tự",
    "products": "Sản phẩm",
    "agencies_text": "Cơ quan thực hiện (văn bản)",
    "timeline": "Thời gian thực hiện",
    "note": "Ghi chú",
    "needs_review": "Cần kiểm tra",
    "deleted": "Đã xoá",
    "role": "Vai trò",
    "agency_id": "Cơ quan",
    "written_name": "Tên trong kế hoạch",
    "ord": "Thứ tự",
    "label": "Mốc",
    "kind": "Loại",
    "due": "Hạn",
    "period": "Kỳ",
    "source": "Cụm từ",
    "warning": "Cảnh báo",
    "confirmed": "Đã xác nhận",
    "overridden": "Sửa tay",
    "state": "Trạng thái",
    "percent": "Tỷ lệ hoàn thành",
    "result": "Kết quả",
    "completed_on": "Ngày hoàn thành",
    "district_review": "Ý kiến của huyện",
    "unit_id": "Đơn vị",
    "year": "Năm",
    "file_name": "Tệp",
    "size": "Kích thước",
    "sha256": "Mã tệp",
    "caption": "Chú thích",
    "progress_id": "Báo cáo tiến độ",
    "task_id": "Nhiệm vụ",
    "plan_id": "Kế hoạch",
    "appendix_id": "Phụ lục",
    "parent_id": "Mục cha",
    "lead_agency": "Cơ quan chủ trì",
    "heading": "Tiêu đề",
    "name": "Tên",
    "short_name": "Tên viết tắt",
    "value": "Giá trị",
    "approved": "Đã duyệt",
    "target": "Mục tiêu",
    "no": "STT",
    "amendment_id": "Theo quyết định điều chỉnh",
    "added_by": "Bổ sung theo quyết định",
    "cancelled_by": "Bãi bỏ theo quyết định",
    "decision_number": "Số quyết định",
    "decision_date": "Ngày ban hành",
    "summary": "Nội dung điều chỉnh",
    "current_amendment": "Quyết định điều chỉnh đang áp dụng",
}

_BOOLEAN_FIELDS = frozenset({"needs_review", "deleted", "confirmed", "overridden", "approved"})


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def value_text(field: str, value: object) -> str:
    """A logged value as the clerk reads it: labels for codes, dd/MM/yyyy dates, lists joined."""
    if value is None or value == "":
        return "(trống)"
    if field in _BOOLEAN_FIELDS:
        return "Có" if value else "Không"
    if isinstance(value, str):
        converted = _coded(field, value)
        if converted is not None:
            return converted
        if field == "products" and value.startswith("["):
            try:
                items = json.loads(value)
            except ValueError:
                return value
            return "; ".join(str(i) for i in items) if items else "(trống)"
        return value
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) if value else "(trống)"
    if field == "percent" and isinstance(value, int):
        return f"{value} %"
    return str(value)


def _coded(field: str, value: str) -> str | None:
    try:
        if field == "state":
            return WORK_STATE_LABELS[WorkState(value)]
        if field == "role":
            return ROLE_LABELS[AgencyRole(value)]
        if field == "period" and value in ReportingPeriod.__members__:
            return PERIOD_LABELS[ReportingPeriod(value)]
        if field == "kind":
            if value in MilestoneKind._value2member_map_:
                return MILESTONE_KIND_LABELS[MilestoneKind(value)]
            if value in AgencyKind._value2member_map_:
                return value
        if field in {"due", "completed_on", "decision_date"}:
            return formatting.date_short(dt.date.fromisoformat(value))
    except ValueError:
        return None
    return None


class HistoryModel(HeaderedTableModel):
    """Rows of `task_service.record_changes`, newest first."""

    COL_WHEN, COL_AUTHOR, COL_SITE, COL_RECORD, COL_FIELD, COL_OLD, COL_NEW = range(7)
    HEADERS = ("Thời gian", "Người sửa", "Máy", "Mục", "Trường", "Giá trị cũ", "Giá trị mới")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RecordChange] = []

    def set_rows(self, rows: Sequence[RecordChange]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        change = self._rows[index.row()]
        entry = change.entry
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_WHEN:
                return f"{formatting.date_short(entry.when.date())} {entry.when:%H:%M}"
            if column == self.COL_AUTHOR:
                return entry.author or "(không rõ)"
            if column == self.COL_SITE:
                return entry.site
            if column == self.COL_RECORD:
                return change.record
            if column == self.COL_FIELD:
                return field_label(entry.field)
            if column == self.COL_OLD:
                return value_text(entry.field, entry.old)
            if column == self.COL_NEW:
                return value_text(entry.field, entry.new)
        if role == SORT_ROLE and column == self.COL_WHEN:
            return entry.when.timestamp()
        if role == ITEM_ROLE:
            return change
        return None
