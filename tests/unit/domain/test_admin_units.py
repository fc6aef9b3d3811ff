"""The 2025 administrative-unit list, found as a clerk types names, and the office derived."""

from __future__ import annotations

import re

import pytest

from cchc_desktop.domain import admin_units
from cchc_desktop.domain.office import derived_office, level_words
from cchc_desktop.errors import ValidationError


def test_the_list_is_the_two_tier_one_of_2025() -> None:
    provinces = admin_units.provinces()
    assert len(provinces) == 34
    assert sum(len(admin_units.units_of(p.code)) for p in provinces) == 3321
    hanoi = admin_units.find_province("TP Hà Nội".replace("TP", "Thành phố"))
    assert (hanoi.full_name, hanoi.kind) == ("Thành phố Hà Nội", "thành phố")


@pytest.mark.parametrize(
    "typed", ["Quảng Ngãi", "quang ngai", "Tỉnh Quảng Ngãi", "TỈNH QUẢNG NGÃI"]
)
def test_province_names_match_with_or_without_accents_and_type_word(typed: str) -> None:
    assert admin_units.find_province(typed).full_name == "Tỉnh Quảng Ngãi"


def test_units_match_and_accents_tell_apart_names_that_differ_only_by_tone() -> None:
    quang_ngai = admin_units.find_province("Quảng Ngãi")
    assert admin_units.find_unit(quang_ngai, "long phung").full_name == "Xã Long Phụng"
    assert admin_units.find_unit(quang_ngai, "Sơn Hạ").full_name == "Xã Sơn Hạ"
    with pytest.raises(ValidationError, match=re.escape("trùng với nhiều xã, phường")):
        admin_units.find_unit(quang_ngai, "son ha")


def test_unknown_names_get_the_closest_ones() -> None:
    with pytest.raises(ValidationError) as refused:
        admin_units.find_province("Quang Nga")
    assert str(refused.value) == (
        "Không tìm thấy tỉnh, thành phố “Quang Nga”. Có phải: Tỉnh Quảng Ngãi, Tỉnh Quảng Ninh,"
        " Tỉnh Quảng Trị?"
    )


def test_lines_and_words_derived_from_the_level() -> None:
    commune = derived_office("commune", "Tỉnh Quảng Ngãi", "Xã Long Phụng")
    assert (commune.superior_agency, commune.issuing_agency, commune.place) == (
        "UBND TỈNH QUẢNG NGÃI",
        "UBND XÃ LONG PHỤNG",
        "Long Phụng",
    )
    assert commune.reporting_body == "Sở Nội vụ"
    words = level_words(commune)
    assert (words.office, words.hub, words.unit, words.units) == (
        "xã",
        "tỉnh",
        "xã, phường",
        "các xã, phường",
    )
    district = derived_office("district", "Tỉnh Thanh Hóa", "Huyện Ngọc Lặc")
    assert district.reporting_body == "Phòng Nội vụ"
    assert level_words(district).units == "các xã, thị trấn"
    department = derived_office("department", "Thành phố Hà Nội", "Sở Tư pháp")
    assert department.superior_agency == "UBND THÀNH PHỐ HÀ NỘI"
    assert department.symbol_for("BC") == "BC-STP"
    assert department.signature_lines() == ("GIÁM ĐỐC",)
    assert level_words(department).hub == "thành phố"
    assert words.say("Chỉ {hub} quản lý {units}.") == "Chỉ tỉnh quản lý các xã, phường."
