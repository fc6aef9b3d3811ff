"""The agency register a fresh install starts with: spellings grouped, generic phrases as groups,
one screen's confirmation clearing the flags, and one row per office in the overdue report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cchc_desktop.domain.model import AgencyKind
from cchc_desktop.importer.agency_names import agency_key, is_group_name
from cchc_desktop.importer.plan_text import read_plan_file
from cchc_desktop.reports.report_service import deadline_report_data
from cchc_desktop.services import office_setup, organisation, plan_service
from cchc_desktop.services.plan_service import plan_for_year

PLANS = Path(__file__).resolve().parents[2] / "fixtures" / "plans"


def test_a_fresh_install_has_ten_agencies_and_seven_groups_not_27_to_confirm(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    counts = organisation.register_counts(db)
    assert counts == organisation.RegisterCounts(agencies=10, groups=7, waiting=10)
    groups = {a.name for a in organisation.list_agencies(db) if a.is_group}
    assert groups == {
        "Bộ phận một cửa cấp huyện, cấp xã",
        "Các cơ quan, đơn vị",
        "Các đơn vị sự nghiệp trực thuộc",
        "Các phòng chuyên môn UBND huyện",
        "Các phòng chuyên môn, đơn vị sự nghiệp công lập",
        "UBND các xã, thị trấn",
        "UBND cấp huyện, cấp xã",
    }
    assert not any(a.needs_review for a in organisation.list_agencies(db) if a.is_group)
    office = organisation.find_agency(db, "Văn phòng HĐND&UBND")
    assert office is not None
    assert office.name == "Văn phòng HĐND-UBND huyện"
    assert organisation.spellings(db, office.id) == [
        "Văn phòng HĐND&UBND",
        "Văn phòng HĐND&UBND huyện",
    ]
    assert organisation.find_agency(db, "Cơ quan UBND huyện") == organisation.find_agency(
        db, "UBND huyện"
    )


def test_confirming_all_on_one_screen_clears_every_flag(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    changes = organisation.confirm_all(db, author="Kiểm thử")
    assert len(changes.rows("agency")) == 10
    assert organisation.register_counts(db).waiting == 0
    assert not organisation.confirm_all(db)  # nothing left: nothing written


def test_the_overdue_report_counts_one_office_once(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    plan = plan_for_year(db, 2020)
    data = deadline_report_data(db, plan.id, dt.date(2020, 12, 31), 30)
    leads = {r.lead_agency for r in (*data.overdue, *data.due_soon)}
    assert len(leads) == 12
    assert {lead for lead in leads if "Văn phòng" in lead} == {
        "Văn phòng HĐND-UBND huyện",
        "Văn phòng HĐND-UBND huyện; UBND các xã, thị trấn",
    }
    assert sum(r.lead_agency == "Văn phòng HĐND-UBND huyện" for r in data.overdue) == 14
    assert not any("HĐND&UBND" in lead for lead in leads)


def test_group_phrases_and_identities() -> None:
    for group in (
        "các cơ quan có liên quan",
        "Các xã, thị trấn",
        "UBND cấp xã",
        "các phòng, ban",
        "Các sở, ban, ngành",
        "UBND cấp huyện, cấp xã",
    ):
        assert is_group_name(group), group
    for single in ("Phòng Tư pháp", "UBND xã Minh Sơn", "Xã Long Phụng", "Sở Nội vụ"):
        assert not is_group_name(single), single
    same = {
        agency_key(n)
        for n in ("VP HĐND-UBND huyện", "Văn phòng HĐND & UBND", "văn phòng hđnd và ubnd huyện")
    }
    assert len(same) == 1
    assert agency_key("Xã Sơn Hà") != agency_key("Xã Sơn Hạ")
    assert agency_key("Xã Thanh Hoá") == agency_key("xã Thanh Hóa")
    assert agency_key("UBND xã Long Phụng") == agency_key("Xã Long Phụng")
    assert agency_key("Ủy ban nhân dân phường Ba Đình") == agency_key("Phường Ba Đình")


def test_a_province_office_prefills_its_units_once(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db(seed=False)
    office_setup.set_office(
        db,
        office_setup.OfficeChoice(
            "province", "Quảng Ngãi", None, explicit={"signer_name": "Trần Văn Bình"}
        ),
    )
    _changes, note = office_setup.prefill_units(db)
    assert (
        note == "Đã thêm 96 xã, phường, đặc khu của Tỉnh Quảng Ngãi vào danh mục cơ quan, đơn vị."
    )
    assert len(organisation.list_agencies(db, [AgencyKind.COMMUNE])) == 96
    again, note = office_setup.prefill_units(db)
    assert not again
    assert note == "Các đơn vị trực thuộc đã có đủ trong danh mục."
    # a commune typed without accents still finds its one unit; an ambiguous one finds none
    assert organisation.find_agency(db, "xa long phung") is not None
    assert organisation.find_agency(db, "xa son ha") is None
    # a plan that names "UBND xã …" finds the unit pre-filled from the list
    found = organisation.find_agency(db, "UBND xã Sơn Hạ")
    assert found is not None
    assert found.name == "Xã Sơn Hạ"


def test_a_district_office_is_told_its_communes_are_not_in_the_2025_list(make_db) -> None:  # type: ignore[no-untyped-def]
    db = make_db()
    office_setup.use_sample(db)
    changes, note = office_setup.prefill_units(db)
    assert not changes
    assert "không còn cấp huyện" in note


def test_an_agency_of_the_dropped_sample_comes_back_when_the_new_plan_names_it(make_db) -> None:  # type: ignore[no-untyped-def]
    """Setting up one's own office deletes the sample's agencies; the new plan's "Bộ phận Một
    cửa" has the same identity as the sample's "bộ phận một cửa huyện" and must be live again,
    or its tasks point at a deleted row and drop out of the register and the reports."""
    db = make_db()
    office_setup.use_own_office(
        db, office_setup.OfficeChoice("commune", "Quảng Ngãi", "Long Phụng")
    )
    assert organisation.find_agency(db, "Bộ phận Một cửa") is None  # the sample's is gone
    plan_service.import_plan(db, read_plan_file(PLANS / "xa-2025-web-khong-bang.txt"))
    found = organisation.find_agency(db, "Bộ phận Một cửa")
    assert found is not None
    assert found.name == "Bộ phận Một cửa"
    assert found.id in {a.id for a in organisation.list_agencies(db)}
