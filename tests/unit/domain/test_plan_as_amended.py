"""The plan as it stood on a day: later amendments undone, earlier ones kept."""

from __future__ import annotations

import datetime as dt

from cchc_desktop.domain.model import (
    AmendmentRef,
    Appendix,
    Decision,
    ParsedPlan,
    Task,
    plan_as_amended,
)


def task(no: str, **refs: str | None) -> Task:
    return Task(1, no, f"Nhiệm vụ {no}", (), (), "", "Quý IV/2020", **refs)


PLAN = ParsedPlan(
    year=2020,
    title="KẾ HOẠCH",
    decision=Decision("1/QĐ-UBND", dt.date(2019, 12, 20), "A", "CHỦ TỊCH", "", "UBND", "X"),
    parts=(),
    appendices=(
        Appendix(
            1,
            "Cải cách thể chế",
            "",
            "",
            (
                task("1"),
                task("2", cancelled_by="10/QĐ", amendment="10/QĐ"),
                task("3", added_by="20/QĐ", amendment="20/QĐ"),
                task("4", cancelled_by="20/QĐ", amendment="20/QĐ"),
            ),
        ),
    ),
    amendments=(
        AmendmentRef("10/QĐ", dt.date(2020, 3, 1)),
        AmendmentRef("20/QĐ", dt.date(2020, 8, 1)),
    ),
)


def test_between_two_amendments() -> None:
    plan = plan_as_amended(PLAN, dt.date(2020, 5, 1))
    tasks = plan.appendices[0].tasks
    assert [(t.no, t.cancelled_by, t.amendment) for t in tasks] == [
        ("1", None, None),
        ("2", "10/QĐ", "10/QĐ"),
        ("4", None, None),
    ]
    assert [a.number for a in plan.amendments] == ["10/QĐ"]


def test_before_any_and_after_all() -> None:
    before = plan_as_amended(PLAN, dt.date(2020, 1, 1))
    assert [t.no for t in before.appendices[0].tasks if not t.cancelled] == ["1", "2", "4"]
    assert before.amendments == ()
    after = plan_as_amended(PLAN, dt.date(2020, 12, 31))
    assert after == PLAN
