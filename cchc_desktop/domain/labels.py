"""The clerk's names for stored fields and codes (history, conflicts, quarantine)."""

from __future__ import annotations

from cchc_desktop.domain.model import MilestoneKind, NodeKind

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
    "label": "Tên mốc",
    "kind": "Loại",
    "due": "Hạn",
    "period": "Kỳ báo cáo",
    "source": "Cụm từ",
    "warning": "Cảnh báo",
    "confirmed": "Đã xác nhận",
    "overridden": "Sửa tay",
    "state": "Trạng thái",
    "percent": "Tỷ lệ hoàn thành",
    "result": "Kết quả thực hiện",
    "completed_on": "Ngày hoàn thành",
    "district_review": "Ý kiến của huyện",
    "score": "Điểm tự đánh giá",
    "appraised_score": "Điểm thẩm định",
    "appraisal_note": "Ý kiến thẩm định",
    "unit_id": "Đơn vị",
    "year": "Năm",
    "file_name": "Tên tệp",
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
    "approved": "Huyện phê duyệt",
    "target": "Chỉ tiêu",
    "no": "STT",
    "clock": "Đồng hồ",
    "fork": "Mã máy",
    "amendment_id": "Theo quyết định điều chỉnh",
    "added_by": "Bổ sung theo quyết định",
    "cancelled_by": "Bãi bỏ theo quyết định",
    "decision_number": "Số quyết định",
    "decision_date": "Ngày ban hành",
    "summary": "Nội dung điều chỉnh",
    "current_amendment": "Quyết định điều chỉnh đang áp dụng",
}

BOOLEAN_FIELDS = frozenset({"needs_review", "deleted", "confirmed", "overridden", "approved"})

MILESTONE_KIND_LABELS: dict[MilestoneKind, str] = {
    MilestoneKind.DATE: "Ngày",
    MilestoneKind.MONTH: "Tháng",
    MilestoneKind.QUARTER: "Quý",
    MilestoneKind.HALF_YEAR: "6 tháng",
    MilestoneKind.NINE_MONTHS: "9 tháng",
    MilestoneKind.YEAR: "Năm",
    MilestoneKind.SPAN: "Giai đoạn",
    MilestoneKind.CONTINUOUS: "Thường xuyên",
    MilestoneKind.RECURRING: "Định kỳ",
    MilestoneKind.ON_REQUEST: "Khi có yêu cầu",
    MilestoneKind.EXTERNAL: "Theo cấp trên",
    MilestoneKind.UNSCHEDULED: "Chưa đọc được",
}

NODE_KIND_LABELS: dict[NodeKind, str] = {
    NodeKind.DECISION: "Quyết định",
    NodeKind.PART: "Phần",
    NodeKind.ITEM: "Mục",
    NodeKind.PARAGRAPH: "Đoạn",
    NodeKind.APPENDIX: "Phụ lục",
    NodeKind.TASK: "Nhiệm vụ",
}


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field)
