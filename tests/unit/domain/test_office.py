"""OfficeSettings: defaults, validation messages, signature lines, key/value round trip."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

import pytest

from cchc_desktop.domain.office import AUTHORITY_PREFIXES, OfficeSettings, authority_lines
from cchc_desktop.errors import ValidationError
from tests.office_sample import sample_office


def test_default_names_no_office_and_needs_setting_up() -> None:
    office = OfficeSettings()
    assert (office.issuing_agency, office.place, office.signer_name, office.unit) == (
        "",
        "",
        "",
        "",
    )
    assert office.level == "commune"
    assert office.reporting_body == "Sở Nội vụ"
    with pytest.raises(ValidationError, match="Chưa nhập địa danh"):
        office.validate()


def test_the_sample_office_validates() -> None:
    office = sample_office()
    office.validate()
    assert office.place == "Ngọc Lặc"
    assert office.signer_name == "Lê Văn Tuấn"
    assert office.signer_position == "CHỦ TỊCH"
    assert office.report_due_day == 20
    assert office.symbol_for("BC") == "BC-UBND"
    assert office.symbol_for("QĐ") == "QĐ-UBND"
    assert office.signature_lines() == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")


def test_text_is_nfc_and_recipient_dashes_are_dropped() -> None:
    nfd = unicodedata.normalize("NFD", "Ngọc  Lặc ")
    office = OfficeSettings(place=nfd, recipients=("- Như trên;", "  ", "Lưu: VT."))
    assert office.place == "Ngọc Lặc"
    assert unicodedata.is_normalized("NFC", office.place)
    assert office.recipients == ("Như trên;", "Lưu: VT.")


def test_issuing_agency_keeps_explicit_line_breaks() -> None:
    office = OfficeSettings(issuing_agency="VĂN PHÒNG HĐND VÀ UBND\n  HUYỆN NGỌC LẶC \n")
    assert office.issuing_agency == "VĂN PHÒNG HĐND VÀ UBND\nHUYỆN NGỌC LẶC"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"authority_prefix": "T/M"}, "Tiền tố thẩm quyền ký “T/M” không hợp lệ"),
        ({"place": "  "}, "Chưa nhập địa danh"),
        ({"report_due_day": 0}, "Ngày hạn báo cáo phải từ 1 đến 28 (đang là 0)"),
        ({"report_due_day": 29}, "Ngày hạn báo cáo phải từ 1 đến 28 (đang là 29)"),
        ({"signer_name": ""}, "Chưa nhập họ tên người ký"),
        ({"reporting_body": " "}, "Chưa nhập cơ quan tổng hợp báo cáo"),
        ({"issuing_agency": " \n "}, "Chưa nhập tên cơ quan ban hành"),
        ({"authority_body": ""}, "Ký thay mặt (TM.) cần tên tập thể"),
        ({"authority_prefix": "KT.", "superior_signer_position": ""}, "Ký KT. cần chức vụ"),
        ({"document_symbols": {"BC": "BC UBND"}}, "Ký hiệu “BC UBND” không hợp lệ"),
    ],
)
def test_validate_rejects_bad_values_in_vietnamese(
    changes: dict[str, object], message: str
) -> None:
    office = dataclasses.replace(sample_office(), **changes)
    with pytest.raises(ValidationError, match=re.escape(message)):
        office.validate()


def _accepted(office: OfficeSettings) -> bool:
    try:
        office.validate()
    except ValidationError:
        return False
    return True


def test_due_days_from_1_to_28_are_accepted_and_no_others() -> None:
    accepted = [
        day
        for day in range(-1, 33)
        if _accepted(dataclasses.replace(sample_office(), report_due_day=day))
    ]
    assert accepted == list(range(1, 29))


def test_exactly_the_listed_prefixes_validate() -> None:
    """Each listed prefix (with the signer it needs) validates; a near miss does not."""

    def office(prefix: str) -> OfficeSettings:
        position = "PHÓ CHỦ TỊCH" if prefix == "KT." else "CHỦ TỊCH"
        return dataclasses.replace(
            sample_office(), authority_prefix=prefix, signer_position=position
        )

    tried = [*AUTHORITY_PREFIXES, "T.M", "KT", "Q", "TUQ"]
    assert [p for p in tried if _accepted(office(p))] == list(AUTHORITY_PREFIXES)


@pytest.mark.parametrize(
    ("prefix", "position", "message"),
    [
        ("KT.", "CHỦ TỊCH", "Ký “KT.” là cấp phó ký thay người đứng đầu"),
        ("KT.", "Chủ tịch", "không phải “CHỦ TỊCH”"),
        ("TM.", "PHÓ CHỦ TỊCH", "“PHÓ CHỦ TỊCH” là cấp phó"),
    ],
)
def test_contradictory_signature_blocks_are_refused(
    prefix: str, position: str, message: str
) -> None:
    office = dataclasses.replace(sample_office(), authority_prefix=prefix, signer_position=position)
    with pytest.raises(ValidationError, match=re.escape(message)):
        office.validate()


def test_lower_case_prefix_is_normalised() -> None:
    assert OfficeSettings(authority_prefix="kt.").authority_prefix == "KT."


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        (("", "CHỦ TỊCH"), {}, ("CHỦ TỊCH",)),
        (
            ("TM.", "CHỦ TỊCH"),
            {"authority_body": "ỦY BAN NHÂN DÂN"},
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        ),
        (
            ("KT.", "PHÓ CHỦ TỊCH"),
            {"authority_body": "ỦY BAN NHÂN DÂN", "superior_position": "CHỦ TỊCH"},
            ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        ),
        (
            ("KT.", "PHÓ CHỦ TỊCH"),
            {"superior_position": "chủ tịch"},
            ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        ),
        (
            ("Q.", "CHỦ TỊCH"),
            {"authority_body": "ỦY BAN NHÂN DÂN"},
            ("TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"),
        ),
        (
            ("TL.", "CHÁNH VĂN PHÒNG"),
            {"superior_position": "CHỦ TỊCH"},
            ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"),
        ),
        (
            ("TUQ.", "CHÁNH VĂN PHÒNG"),
            {"superior_position": "CHỦ TỊCH"},
            ("TUQ. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"),
        ),
    ],
)
def test_authority_lines(
    args: tuple[str, str], kwargs: dict[str, str], expected: tuple[str, ...]
) -> None:
    assert authority_lines(*args, **kwargs) == expected


def test_to_dict_from_dict_round_trip() -> None:
    office = OfficeSettings(
        issuing_agency="VĂN PHÒNG HĐND VÀ UBND\nHUYỆN NGỌC LẶC",
        place="Ngọc Lặc",
        authority_prefix="KT.",
        signer_position="PHÓ CHỦ TỊCH",
        signer_name="Nguyễn Thị Hà",
        document_symbols={"BC": "BC-VP", "KH": "KH-VP"},
        recipients=("Như trên;", "Lưu: VT."),
        report_due_day=15,
        reporting_body="Văn phòng HĐND và UBND",
    )
    stored = office.to_dict()
    assert all(isinstance(v, str) for v in stored.values())
    assert stored["report_due_day"] == "15"
    again = OfficeSettings.from_dict(stored)
    assert again == office
    assert hash(again) == hash(office)


def test_from_dict_fills_missing_keys_with_defaults_and_ignores_unknown() -> None:
    stored = {k: v for k, v in sample_office().to_dict().items() if k != "recipients"}
    office = OfficeSettings.from_dict({**stored, "place": "Thọ Xuân", "colour": "blue"})
    assert office.place == "Thọ Xuân"
    assert office.recipients == ()
    assert office.signer_name == sample_office().signer_name


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"report_due_day": "hai mươi"}, "Ngày hạn báo cáo “hai mươi” không phải là số"),
        ({"recipients": "[1, 2]"}, "Dữ liệu nơi nhận bị hỏng"),
        ({"recipients": "{"}, "Dữ liệu nơi nhận bị hỏng, không đọc được"),
        ({"document_symbols": "[]"}, "Dữ liệu ký hiệu văn bản bị hỏng"),
        ({"authority_prefix": "XYZ"}, "Tiền tố thẩm quyền ký “XYZ” không hợp lệ"),
    ],
)
def test_from_dict_rejects_damaged_values(values: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        OfficeSettings.from_dict(values)


def test_settings_are_immutable() -> None:
    office = sample_office()
    with pytest.raises(dataclasses.FrozenInstanceError):
        office.place = "Khác"  # type: ignore[misc]
    with pytest.raises(TypeError):
        office.document_symbols["BC"] = "X"  # type: ignore[index]
