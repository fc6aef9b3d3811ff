"""Indicators stored from the plan on demand, values per unit and period, through the log."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cchc_desktop.errors import ValidationError
from cchc_desktop.services import indicator_service, plan_service


def test_extract_is_idempotent_and_keeps_a_corrected_target(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    plan = plan_service.list_plans(db)[0].id
    changes = indicator_service.extract_indicators(db, plan, author="Văn thư")
    assert len(changes.rows("indicator")) == 7
    first = indicator_service.list_indicators(db, plan)[1]
    indicator_service.update_target(db, first.id, target="80")
    assert not indicator_service.extract_indicators(db, plan)
    assert indicator_service.list_indicators(db, plan)[1].target == Decimal(80)
    logged = db.execute(
        "SELECT count(*) FROM change_log WHERE tbl = 'indicator' AND field = 'target'"
    ).fetchone()[0]
    assert logged == 8


def test_values_per_unit_and_period(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    plan = plan_service.list_plans(db)[0].id
    indicator_service.extract_indicators(db, plan)
    units = [r[0] for r in db.execute("SELECT id FROM agency ORDER BY name LIMIT 2").fetchall()]
    communes = indicator_service.list_indicators(db, plan)[5]
    indicator_service.set_value(
        db, indicator_id=communes.id, unit_id=units[0], year=2020, period="Q1", value="19"
    )
    indicator_service.set_value(
        db, indicator_id=communes.id, unit_id=units[0], year=2020, period="6T", value="21"
    )
    q1 = indicator_service.values_for(db, plan, unit_id=units[0], year=2020, period="Q1")[5]
    h1 = indicator_service.values_for(db, plan, unit_id=units[0], year=2020, period="H1")[5]
    other = indicator_service.values_for(db, plan, unit_id=units[1], year=2020, period="Q1")[5]
    assert (q1.value, q1.attainment.met) == (Decimal(19), False)
    assert (h1.value, h1.attainment.text) == (Decimal(21), "Đạt")
    assert other.value is None
    indicator_service.set_value(
        db, indicator_id=communes.id, unit_id=units[0], year=2020, period="Q1", value=""
    )
    cleared = indicator_service.values_for(db, plan, unit_id=units[0], year=2020, period="Q1")
    assert cleared[5].value is None
    percent = indicator_service.list_indicators(db, plan)[0]
    with pytest.raises(ValidationError, match="lớn hơn 100"):
        indicator_service.set_value(
            db, indicator_id=percent.id, unit_id=units[0], year=2020, period="Q1", value="101"
        )
