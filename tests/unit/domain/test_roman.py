"""Roman numerals, one rule for plan parts and report appendices."""

from __future__ import annotations

import pytest

from cchc_desktop.domain.text import roman


@pytest.mark.parametrize(
    ("n", "expected"), [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (2026, "MMXXVI")]
)
def test_roman(n: int, expected: str) -> None:
    assert roman(n) == expected
