"""Each office keeps its own header, place and signer in a network: a commune sets and edits its
own, before and after joining, and neither side's settings overwrite the other's over USB."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from cchc_desktop.domain.office import derived_office
from cchc_desktop.services import settings_service
from cchc_desktop.services.office_setup import OfficeChoice, set_office
from cchc_desktop.store.db import open_database
from cchc_desktop.sync import network, review
from tests.unit.sync.netkit import Net, Office, deliver, new_district


def test_a_commune_keeps_its_own_office_through_joining_and_exchanges(tmp_path: Path) -> None:
    district = new_district(tmp_path / "huyen")
    hub_office = replace(
        derived_office("district", "Tỉnh Thanh Hóa", "Huyện Ngọc Lặc"), signer_name="Lê Văn Tuấn"
    )
    settings_service.save_office_settings(district.db, hub_office)

    # The commune sets itself up before it joins.
    folder = tmp_path / "an"
    db = open_database(folder / "cchc.db", role="commune")
    set_office(
        db,
        OfficeChoice(
            level="commune",
            province="Quảng Ngãi",
            unit="Long Phụng",
            explicit={"signer_name": "Trần Thị Hoa"},
        ),
    )
    network.enrol_request(db, "Xã An", folder / "request.json", pc_name="May-An")
    network.enrol(district.db, folder / "request.json")
    commune = Office("May-An", folder / "cchc.db", db)
    usb = tmp_path / "usb"
    deliver(district, commune, usb)  # joins: the hub's settings arrive

    own = settings_service.load_office_settings(commune.db)
    assert own.signer_name == "Trần Thị Hoa"
    assert "LONG PHỤNG" in own.issuing_agency.upper()

    # After joining the commune edits its own settings; the hub's stay the hub's.
    settings_service.save_office_settings(commune.db, replace(own, signer_name="Phạm Văn Nam"))
    arrived = deliver(commune, district, usb)
    assert arrived.n_quarantined == 0
    assert settings_service.load_office_settings(district.db).signer_name == "Lê Văn Tuấn"

    settings_service.save_office_settings(
        district.db, replace(hub_office, signer_name="Nguyễn Văn Bình")
    )
    deliver(district, commune, usb)
    assert settings_service.load_office_settings(commune.db).signer_name == "Phạm Văn Nam"
    assert settings_service.load_office_settings(district.db).signer_name == "Nguyễn Văn Bình"
    assert commune.db.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 0
    # The commune's writes from before it joined set what was then its `office.`; the district
    # keeps them aside without listing them for review, and its own rows all arrived.
    set_aside = district.db.execute("SELECT reason, raw FROM quarantine").fetchall()
    assert set_aside
    assert {reason for reason, _raw in set_aside} == {"own_setting"}
    rows = [json.loads(raw)["row_id"] for _reason, raw in set_aside]
    assert [row for row in rows if row.startswith("office@")] == []
    assert review.list_quarantine(district.db) == []


def test_a_commune_that_joined_without_settings_starts_from_its_unit(net: Net) -> None:
    office = settings_service.load_office_settings(net.b1.db)
    assert "Bình" in office.unit
    settings_service.save_office_settings(net.b1.db, replace(office, signer_name="Đỗ Thị Lan"))
    assert settings_service.load_office_settings(net.b1.db).signer_name == "Đỗ Thị Lan"
    # Another commune may not write it, and the district's own settings are untouched.
    assert settings_service.load_office_settings(net.a1.db).signer_name != "Đỗ Thị Lan"
    assert settings_service.load_office_settings(net.district.db).signer_name != "Đỗ Thị Lan"
