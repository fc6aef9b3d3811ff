"""Who may write which field (sync.md §5.4): the predicate shared by editing and importing."""

from __future__ import annotations

import pytest

from cchc_desktop.store.ownership import writer_allowed


@pytest.mark.parametrize("table", ["plan", "task", "milestone", "agency", "indicator", "setting"])
def test_the_district_owns_the_plan_side(table: str) -> None:
    assert writer_allowed("district", "huyen", table, {}, ["title"], None) is None
    reason = writer_allowed("commune", "xa-a", table, {}, ["title"], None)
    assert reason is not None
    assert "huyện quản lý" in reason


def test_a_commune_owns_its_own_progress_and_nothing_else() -> None:
    row = {"unit_id": "xa-a"}
    assert writer_allowed("commune", "xa-a", "progress", row, ["percent"], "commune") is None
    other = writer_allowed("commune", "xa-b", "progress", row, ["percent"], "commune")
    assert other == "Số liệu của xã do chính đơn vị đó nhập; máy này không được sửa."
    district = writer_allowed("district", "huyen", "progress", row, ["percent"], "commune")
    assert district is not None


def test_review_and_approval_fields_belong_to_the_district() -> None:
    row = {"unit_id": "xa-a"}
    assert writer_allowed("district", "h", "progress", row, ["district_review"], "commune") is None
    assert writer_allowed("district", "h", "indicator_value", row, ["approved"], "commune") is None
    refused = writer_allowed("commune", "xa-a", "progress", row, ["district_review"], "commune")
    assert refused == "Chỉ huyện được ghi ý kiến xem xét, phê duyệt."
    # Mixed: a commune's own field together with the district's is still refused.
    both = writer_allowed(
        "commune", "xa-a", "progress", row, ["percent", "district_review"], "commune"
    )
    assert both is not None


def test_progress_of_offices_and_departments_is_recorded_by_the_district() -> None:
    row = {"unit_id": "phong-noi-vu"}
    assert writer_allowed("district", "h", "progress", row, ["percent"], "department") is None
    refused = writer_allowed("commune", "xa-a", "progress", row, ["percent"], "department")
    assert refused == "Máy của xã chỉ được nhập số liệu của đơn vị mình."
    # An unknown unit (not received yet) is not a commune's own.
    assert writer_allowed("commune", "xa-a", "evidence", row, ["caption"], None) is not None


def test_each_office_keeps_its_own_register_of_issued_documents() -> None:
    own = {"unit_id": "xa-a"}
    assert (
        writer_allowed("commune", "xa-a", "document_register", own, ["number"], "commune") is None
    )
    assert writer_allowed("commune", "xa-b", "document_register", own, ["number"], "commune")
    district = {"unit_id": None}
    assert writer_allowed("district", None, "document_register", district, ["number"], None) is None
    assert writer_allowed("commune", "xa-a", "document_register", district, ["number"], None)


def test_refusals_are_worded_for_the_office_level() -> None:
    from cchc_desktop.domain.office import derived_office, level_words

    commune = level_words(derived_office("commune", "Tỉnh Quảng Ngãi", "Xã Long Phụng"))
    reason = writer_allowed("commune", "u1", "task", {}, ["title"], None, commune)
    assert reason == (
        "Kế hoạch, nhiệm vụ và thời hạn do tỉnh quản lý; máy của xã, phường không được sửa."
    )
    district = level_words(derived_office("district", "Tỉnh Thanh Hóa", "Huyện Ngọc Lặc"))
    reason = writer_allowed("commune", "u1", "task", {}, ["title"], None, district)
    assert reason == "Kế hoạch, nhiệm vụ và thời hạn do huyện quản lý; máy của xã không được sửa."
