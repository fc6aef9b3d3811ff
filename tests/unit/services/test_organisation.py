"""The agency register: adding communes, renaming with an alias, confirming re-checks tasks."""

from __future__ import annotations

import pytest

from cchc_desktop.domain.model import AgencyKind
from cchc_desktop.errors import ConflictError, ValidationError
from cchc_desktop.services import organisation


def test_add_many_communes_at_once_and_refuse_duplicates(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    names = [f"Xã Thử {i}" for i in range(1, 22)]
    changes = organisation.add_agencies(db, [*names, "", "  "], AgencyKind.COMMUNE)
    assert len(changes.rows("agency")) == 21
    communes = organisation.list_agencies(db, [AgencyKind.COMMUNE])
    assert {a.name for a in communes} >= set(names)
    assert not any(a.needs_review for a in communes)
    with pytest.raises(ConflictError, match="Xã Thử 1"):
        organisation.add_agencies(db, ["xa thu 1"], AgencyKind.COMMUNE)
    with pytest.raises(ValidationError):
        organisation.add_agencies(db, [" "], AgencyKind.COMMUNE)


def test_rename_keeps_the_old_name_as_an_alias(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    agency = organisation.find_agency(db, "Phòng Tư pháp")
    assert agency is not None
    organisation.update_agency(
        db, agency.id, name="Phòng Tư pháp huyện Ngọc Lặc", kind=AgencyKind.DEPARTMENT
    )
    renamed = organisation.find_agency(db, "Phòng Tư pháp")
    assert renamed is not None
    assert renamed.id == agency.id
    assert renamed.name == "Phòng Tư pháp huyện Ngọc Lặc"
    spellings = [a for _i, a in organisation.aliases(db, agency.id)]
    assert "Phòng Tư pháp huyện Ngọc Lặc" in spellings


def test_confirming_clears_the_agency_flag_only(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    flagged = [a.id for a in organisation.list_agencies(db) if a.needs_review]
    assert flagged
    before = db.execute("SELECT count(*) FROM task WHERE needs_review = 1").fetchone()[0]
    changes = organisation.confirm_agencies(db, flagged)
    assert changes.tables == frozenset({"agency"})
    after = db.execute("SELECT count(*) FROM task WHERE needs_review = 1").fetchone()[0]
    assert after == before  # tasks are flagged for their deadlines, not their agencies
    assert not any(a.needs_review for a in organisation.list_agencies(db))
