"""Agency cells → (name, role) pairs, and the spelling key that unifies agency names."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_desktop.domain.model import AgencyRole
from cchc_desktop.importer.agency_names import (
    agency_key,
    split_agencies,
    split_agency_names,
    starts_with_agency_head,
)

LEAD = AgencyRole.LEAD
COORD = AgencyRole.COORDINATING
SUMM = AgencyRole.SUMMARISING
IMPL = AgencyRole.IMPLEMENTING


def pairs(cell: str) -> list[tuple[str, AgencyRole]]:
    return [(a.name, a.role) for a in split_agencies(cell)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (
            "- Phòng Tư pháp - Cơ quan phối hợp: Các phòng chuyên môn UBND huyện; "
            "UBND các xã, thị trấn",
            [
                ("Phòng Tư pháp", LEAD),
                ("Các phòng chuyên môn UBND huyện", COORD),
                ("UBND các xã, thị trấn", COORD),
            ],
        ),
        (
            "- Phòng Tư pháp chủ trì - Cơ quan phối hợp: Văn phòng HĐND-UBND huyện; "
            "UBND các xã, thị trấn",
            [
                ("Phòng Tư pháp", LEAD),
                ("Văn phòng HĐND-UBND huyện", COORD),
                ("UBND các xã, thị trấn", COORD),
            ],
        ),
        (
            "- Văn phòng HĐND-UBND huyện chủ trì; - UBND các xã, thị trấn phối hợp",
            [("Văn phòng HĐND-UBND huyện", LEAD), ("UBND các xã, thị trấn", COORD)],
        ),
        (
            "- Bộ phận một cửa cấp huyện, cấp xã - Cơ quan tổng hợp: "
            "Tổ đầu mỗi kiểm soát TTHC huyện",
            [
                ("Bộ phận một cửa cấp huyện, cấp xã", IMPL),
                ("Tổ đầu mỗi kiểm soát TTHC huyện", SUMM),
            ],
        ),
        (
            "Cơ quan thực hiện: Phòng Nội vụ, UBND các xã.",
            [("Phòng Nội vụ", IMPL), ("UBND các xã", IMPL)],
        ),
        (
            "Phòng TC-KH chủ trì; Các cơ quan, đơn vị phối hợp, thực hiện",
            [("Phòng TC-KH", LEAD), ("Các cơ quan, đơn vị", COORD)],
        ),
        (
            "Phòng Nội vụ chủ trì phối hợp với các cơ quan có liên quan",
            [("Phòng Nội vụ", LEAD), ("các cơ quan có liên quan", COORD)],
        ),
        (
            "- Cơ quan thực hiện: UBND huyện, UBND cấp xã. - Cơ quan tổng hợp, kiểm tra: "
            "Phòng Nội vụ",
            [("UBND huyện", IMPL), ("UBND cấp xã", IMPL), ("Phòng Nội vụ", SUMM)],
        ),
        (
            "Phòng Nội vụ; các phòng chuyên môn UBND huyện; các xã, thị trấn.",
            [
                ("Phòng Nội vụ", LEAD),
                ("các phòng chuyên môn UBND huyện", COORD),
                ("các xã, thị trấn", COORD),
            ],
        ),
        (
            # appendix 2 task 5 once its split row is joined
            "- Cơ quan thực hiện : Bộ phận tiếp nhận hồ sơ và trả kết quả huyện, UBND cấp xã. "
            "- Cơ quan tổng hợp: Văn phòng HĐND-UBND huyện.",
            [
                ("Bộ phận tiếp nhận hồ sơ và trả kết quả huyện", IMPL),
                ("UBND cấp xã", IMPL),
                ("Văn phòng HĐND-UBND huyện", SUMM),
            ],
        ),
        (
            "- Tổ đầu mỗi KS TTHC chủ trì; - các phòng CM, các xã, thị trấn phối hợp.",
            [("Tổ đầu mỗi KS TTHC", LEAD), ("các phòng CM", COORD), ("các xã, thị trấn", COORD)],
        ),
        (
            "- Thực hiện: UBND cấp huyện, cấp xã - Cơ quan tổng hợp: Văn phòng HĐND-UBND huyện, "
            "bộ phận một cửa huyện",
            [
                ("UBND cấp huyện, cấp xã", IMPL),
                ("Văn phòng HĐND-UBND huyện", SUMM),
                ("bộ phận một cửa huyện", SUMM),
            ],
        ),
        (
            "Văn phòng HĐND&UBND chủ trì phối hợp với phòng VH-TT, phòng Kinh tế - hạ tầng "
            "triển khai; UBND các xã, thị trấn thực hiện.",
            [
                ("Văn phòng HĐND&UBND", LEAD),
                ("phòng VH-TT", COORD),
                ("phòng Kinh tế - hạ tầng", COORD),
                ("UBND các xã, thị trấn", IMPL),
            ],
        ),
        (
            "- Phòng VH-TT chủ trì tham mưu; Văn phòng HĐND&UBND huyện; các đơn vị có liên quan; "
            "UBND các xã, thị trấn phối hợp.",
            [
                ("Phòng VH-TT", LEAD),
                ("Văn phòng HĐND&UBND huyện", COORD),
                ("các đơn vị có liên quan", COORD),
                ("UBND các xã, thị trấn", COORD),
            ],
        ),
        (
            "Văn phòng HĐND&UBND huyện chủ trì; các cơ quan có liên quan phối hợp thực hiện.",
            [("Văn phòng HĐND&UBND huyện", LEAD), ("các cơ quan có liên quan", COORD)],
        ),
        ("Phòng Tư pháp", [("Phòng Tư pháp", LEAD)]),
        ("Phòng TC-KH chủ trì.", [("Phòng TC-KH", LEAD)]),
        (
            "Phòng Văn hoá - thông tin chủ trì; Phòng Tài chính - Kế hoạch phối hợp",
            [("Phòng Văn hoá - thông tin", LEAD), ("Phòng Tài chính - Kế hoạch", COORD)],
        ),
        (
            "Bộ phận tiếp nhận hồ sơ và trả kết quả huyện, UBND cấp xã.",
            [("Bộ phận tiếp nhận hồ sơ và trả kết quả huyện", LEAD), ("UBND cấp xã", COORD)],
        ),
        (
            # one agency in two roles keeps both
            "- Cơ quan thực hiện: Văn phòng HĐND&UBND huyện, UBND cấp xã. "
            "- Cơ quan tổng hợp: Văn phòng HĐND&UBND huyện ",
            [
                ("Văn phòng HĐND&UBND huyện", IMPL),
                ("UBND cấp xã", IMPL),
                ("Văn phòng HĐND&UBND huyện", SUMM),
            ],
        ),
    ],
)
def test_split_agencies(cell: str, expected: list[tuple[str, AgencyRole]]) -> None:
    assert pairs(cell) == expected


def test_a_dangling_label_gives_no_agency() -> None:
    assert pairs("- Cơ quan thực hiện: Phòng Nội vụ. - Cơ quan tổng hợp:") == [
        ("Phòng Nội vụ", IMPL)
    ]


def test_empty_cell_gives_nothing() -> None:
    assert split_agencies("") == ()
    assert split_agencies("  ;  - ") == ()


def test_the_same_agency_in_the_same_role_is_kept_once() -> None:
    assert pairs("Phòng Nội vụ chủ trì; Phòng Nội vụ chủ trì") == [("Phòng Nội vụ", LEAD)]


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        ("UBND huyện, UBND cấp xã", ["UBND huyện", "UBND cấp xã"]),
        ("UBND các xã, thị trấn", ["UBND các xã, thị trấn"]),
        ("Bộ phận một cửa cấp huyện, cấp xã", ["Bộ phận một cửa cấp huyện, cấp xã"]),
        ("Phòng Nội vụ, UBND các xã.", ["Phòng Nội vụ", "UBND các xã"]),
        ("Các cơ quan, đơn vị", ["Các cơ quan, đơn vị"]),
        ("các phòng CM, các xã, thị trấn", ["các phòng CM", "các xã, thị trấn"]),
        (
            "Trung tâm Văn hoá, Văn phòng HĐND&UBND huyện, Tổ công tác",
            ["Trung tâm Văn hoá", "Văn phòng HĐND&UBND huyện", "Tổ công tác"],
        ),
        ("các cá nhân, tổ chức", ["các cá nhân, tổ chức"]),  # "tổ chức" is no agency head
    ],
)
def test_split_agency_names(segment: str, expected: list[str]) -> None:
    assert split_agency_names(segment) == expected


def test_head_words() -> None:
    assert starts_with_agency_head("Phòng Nội vụ")
    assert starts_with_agency_head("ubnd cấp xã")
    assert starts_with_agency_head("Uỷ ban nhân dân huyện")
    assert not starts_with_agency_head("thị trấn")
    assert not starts_with_agency_head("tổ chức")
    assert not starts_with_agency_head("Phòngx")


@pytest.mark.parametrize(
    "spellings",
    [
        (
            "Văn phòng HĐND-UBND huyện",
            "Văn phòng HĐND&UBND huyện",
            "Văn phòng HĐND & UBND huyện",
            "Văn phòng HĐND và UBND huyện",
            "Văn phòng HĐND&UBND",
            "văn phòng hđnd - ubnd huyện.",
        ),
        (
            "Phòng TC-KH",
            "Phòng Tài chính - Kế hoạch",
            "Phòng Tài chính kế hoạch",
            "Phòng Tài chính – Kế hoạch huyện",
        ),
        (
            "Phòng VH-TT",
            "phòng VH-TT",
            "Phòng Văn hoá - thông tin",
            "Phòng Văn hóa và Thông tin",
            "Phòng Văn hoá và Thông tin",
        ),
        (
            "Trung tâm VH-TT-TT và DL huyện",
            "Trung tâm Văn hoá - thông tin - thể thao và du lịch huyện",
        ),
        (
            "Tổ đầu mỗi KS TTHC",
            "Tổ đầu mối kiểm soát TTHC huyện",
            "Tổ đầu mối kiểm soát thủ tục hành chính",
        ),
        (
            "Bộ phận một cửa huyện",
            "Bộ phận tiếp nhận hồ sơ và trả kết quả huyện",
            "Bộ phận tiếp nhận hồ sơ và trả kết quả UBND huyện",
        ),
        ("Các phòng chuyên môn UBND huyện", "các phòng CM", "các phòng chuyên môn"),
        (
            "UBND các xã, thị trấn",
            "Ủy ban nhân dân các xã, thị trấn",
            "Uỷ ban nhân dân các xã, thị trấn",
        ),
        ("Phòng Kinh tế - hạ tầng", "Phòng KT-HT", "Phòng Kinh tế và Hạ tầng"),
    ],
)
def test_agency_key_unifies_spellings(spellings: tuple[str, ...]) -> None:
    keys = {agency_key(s) for s in spellings}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Phòng Nội vụ", "Phòng Tư pháp"),
        ("UBND huyện", "UBND cấp xã"),
        ("Văn phòng HĐND-UBND huyện", "Văn phòng HĐND huyện"),
        ("Văn phòng UBND huyện", "Văn phòng"),
        ("Văn phòng HĐND&UBND huyện", "UBND huyện"),
        ("Sở Nội vụ", "Phòng Nội vụ"),
    ],
)
def test_agency_key_keeps_different_agencies_apart(first: str, second: str) -> None:
    assert agency_key(first) != agency_key(second)


def test_agency_key_is_nfd_safe() -> None:
    name = "Phòng Văn hoá - thông tin"
    assert agency_key(unicodedata.normalize("NFD", name)) == agency_key(name)
    assert agency_key("Phòng TC-KH") == "phong tai chinh ke hoach"


@pytest.mark.parametrize(
    "written",
    ["Xã Minh Sơn", "-Xã Minh Sơn", "(Xã Minh Sơn", "Xã,Minh Sơn", "Xã. Minh Sơn",
     "Xã/Minh Sơn", "...Xã Minh Sơn", "UBND xã,Minh Sơn"],
)  # fmt: skip
def test_a_commune_written_with_stray_punctuation_is_the_same_unit(written: str) -> None:
    """Punctuation around "Xã" (a damaged PDF, a careless table) once stopped the import with
    an unexpected error; it is the same unit as the clean spelling."""
    assert agency_key(written) == agency_key("Xã Minh Sơn") == "xa minh sown"


@given(st.text(max_size=60))
def test_any_text_has_a_key(text: str) -> None:
    assert isinstance(agency_key(text), str)
    assert isinstance(agency_key("Xã" + text), str)
    assert isinstance(agency_key("UBND phường" + text), str)
