"""Reading the plan's numeric targets from its text, numbers as clerks type them, attainment."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cchc_desktop.domain.indicators import (
    attainment,
    extract_targets,
    number_text,
    parse_number,
    validate_value,
)
from cchc_desktop.errors import ValidationError

SEED = Path(__file__).resolve().parents[3] / "resources" / "ke-hoach-cchc-2020-ngoc-lac.txt"


def test_the_seed_plan_states_the_seven_targets_of_design_2() -> None:
    found = extract_targets(SEED.read_text(encoding="utf-8").splitlines())
    assert [(t.key, t.target, t.unit) for t in found] == [
        ("on_time", Decimal(100), "%"),
        ("online_with_files", Decimal(75), "%"),
        ("level_3", Decimal(30), "%"),
        ("level_4", Decimal(20), "%"),
        ("postal", Decimal(70), "%"),
        ("e_office_communes", Decimal(21), "xã"),
        ("bulletin", Decimal(2), "kỳ/tháng"),
    ]
    assert found[0].source == (
        "đảm bảo 100% hồ sơ thủ tục hành chính được giải quyết đúng hạn và trước hạn"
    )


def test_other_numbers_and_spellings_of_a_later_plan() -> None:
    texts = [
        "Số hồ sơ được xử lý ở mức độ 4 đạt từ 25,5% trở lên.",
        "Duy trì bản tin CCHC trên sóng Đài TT-TH tối thiểu 04 kỳ/tháng.",
        "Tại 18/18 xã, phường.",
    ]
    found = {t.key: t.target for t in extract_targets(texts)}
    assert found == {
        "level_4": Decimal("25.5"),
        "e_office_communes": Decimal(18),
        "bulletin": Decimal(4),
    }


def test_first_statement_wins() -> None:
    found = extract_targets(["Mức độ 3 đạt từ 30%", "hồ sơ được xử lý mức độ 3 đạt từ 40%"])
    assert [t.target for t in found] == [Decimal(40)]


@pytest.mark.parametrize(
    ("text", "value"),
    [("75", "75"), ("75,5", "75.5"), ("75.5", "75.5"), ("1.234,5", "1234.5"), (" 80 % ", "80")],
)
def test_parse_number(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


def test_bad_numbers_and_values_are_refused_in_vietnamese() -> None:
    with pytest.raises(ValidationError, match="không phải là một số"):
        parse_number("bảy mươi")
    with pytest.raises(ValidationError, match="lớn hơn 100"):
        validate_value(Decimal(120), "%")
    with pytest.raises(ValidationError, match="âm"):
        validate_value(Decimal(-1), "xã")
    assert validate_value(Decimal(21), "xã") == Decimal(21)


def test_attainment() -> None:
    assert attainment(Decimal(75), ">=", None).text == "Chưa có số liệu"
    assert attainment(Decimal(75), ">=", Decimal(80)).text == "Đạt"
    assert attainment(Decimal(75), ">=", Decimal(60)).text == "Chưa đạt (80 % mục tiêu)"
    assert attainment(Decimal(21), "=", Decimal(21)).met
    assert not attainment(Decimal(5), "<=", Decimal(6)).met
    assert attainment(Decimal(0), ">=", Decimal(0)).ratio is None
    with pytest.raises(ValidationError):
        attainment(Decimal(1), ">", Decimal(1))
    assert number_text(Decimal("75.50")) == "75,5"
    assert number_text(Decimal("100")) == "100"
