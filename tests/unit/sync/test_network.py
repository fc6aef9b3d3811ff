"""The network: root key, enrolment, fingerprints, key storage, root-key backup, revocation."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from cchc_desktop.domain.model import AgencyKind
from cchc_desktop.errors import SyncError, ValidationError
from cchc_desktop.services import organisation
from cchc_desktop.store.db import backup_copy, open_database
from cchc_desktop.store.site import EditBlockedError
from cchc_desktop.sync import keys, network, sites
from cchc_desktop.sync.export import export_bundle
from cchc_desktop.sync.importer import import_bundle
from tests.unit.sync.netkit import TASKS, Net, deliver, edit, new_commune, progress_row, snapshot


def test_fingerprints_are_short_grouped_and_carry_a_check_character() -> None:
    fp = keys.fingerprint(b"\x01" * 32)
    groups = fp.split("-")
    assert [len(g) for g in groups] == [5, 5, 5, 5, 5]
    assert keys.fingerprint_is_well_formed(fp)
    assert keys.fingerprint_is_well_formed(fp.lower().replace("-", " "))
    typo = fp[:3] + ("A" if fp[3] != "A" else "B") + fp[4:]
    assert not keys.fingerprint_is_well_formed(typo)
    assert keys.fingerprint(b"\x02" * 32) != fp


def test_init_network_certifies_the_district_and_refuses_a_second_time(net: Net) -> None:
    info = network.network_info(net.district.db)
    assert info is not None
    assert info.district_code == "THU"
    assert info.network_id.startswith("THU-")
    cert = net.district.db.execute(
        "SELECT role, cert FROM site WHERE site_id = ?", [net.district.site_id]
    ).fetchone()
    assert cert[0] == "district"
    parsed = network.parse_certificate(bytes(cert[1]), info.root_pubkey)
    assert parsed.site_id == net.district.site_id
    with pytest.raises(SyncError, match="đã thuộc mạng đồng bộ"):
        network.init_network(net.district.db, "Huyện Khác")
    with pytest.raises(SyncError, match="Chỉ máy của tỉnh"):
        network.init_network(open_database(net.usb.parent / "x" / "c.db", role="commune"), "X")


def test_keys_live_beside_the_database_readable_by_the_owner_only(net: Net) -> None:
    folder = net.district.path.parent / "keys"
    files = sorted(p.name for p in folder.iterdir())
    assert any(name.startswith("root-") for name in files)
    assert f"site-{net.district.site_id}.key" in files
    if sys.platform != "win32":
        for path in folder.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
    private = keys.load_private_key(folder / f"site-{net.district.site_id}.key")
    raw = private.private_bytes_raw()
    net.district.close()
    assert raw not in net.district.path.read_bytes()  # never in the database
    net.district.reopen()


def test_enrolment_shows_the_same_fingerprint_and_adds_the_commune(
    net: Net, tmp_path: Path
) -> None:
    db = open_database(tmp_path / "c" / "cchc.db", role="commune")
    request = network.enrol_request(db, "Xã Cao Thịnh", tmp_path / "req.json", pc_name="Máy 1")
    assert request.fingerprint == network.site_fingerprint(db)
    seen = network.read_enrol_request(tmp_path / "req.json")
    assert seen.fingerprint == request.fingerprint
    result = network.enrol(net.district.db, tmp_path / "req.json")
    assert result.fingerprint == request.fingerprint
    assert result.new_agency
    # The new commune was written through the one write path; the window is told of it.
    assert result.changes.rows("agency") == {result.unit_id}
    assert net.district.db.execute(
        "SELECT kind FROM agency WHERE id = ?", [result.unit_id]
    ).fetchone() == ("commune",)
    again = network.enrol(net.district.db, tmp_path / "req.json")
    assert again.already_enrolled
    assert not again.changes
    assert again.cert_serial == result.cert_serial
    # The same site id with another key is refused.
    record = json.loads((tmp_path / "req.json").read_text(encoding="utf-8"))
    other = keys.new_key()
    record["pubkey"] = keys.b64(keys.public_bytes(other))
    forged = keys.sign_record(other, keys.ENROL_CONTEXT, record)
    (tmp_path / "forged.json").write_text(json.dumps(forged), encoding="utf-8")
    with pytest.raises(SyncError, match="đã được đăng ký với một khoá khác"):
        network.enrol(net.district.db, tmp_path / "forged.json")


def test_a_tampered_or_foreign_request_is_refused(net: Net, tmp_path: Path) -> None:
    db = open_database(tmp_path / "c" / "cchc.db", role="commune")
    network.enrol_request(db, "Xã Cao Thịnh", tmp_path / "req.json")
    record = json.loads((tmp_path / "req.json").read_text(encoding="utf-8"))
    record["unit_name"] = "Xã Khác"
    (tmp_path / "bad.json").write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(SyncError, match="không phải yêu cầu đăng ký hợp lệ"):
        network.enrol(net.district.db, tmp_path / "bad.json")
    (tmp_path / "junk.json").write_bytes(os.urandom(300))
    with pytest.raises(SyncError, match="không phải yêu cầu đăng ký hợp lệ"):
        network.read_enrol_request(tmp_path / "junk.json")
    # An office that is not a commune cannot be enrolled as one.
    organisation.ensure_agency(net.district.db, "Phòng Nội vụ", kind=AgencyKind.DEPARTMENT)
    network.enrol_request(db, "Phòng Nội vụ", tmp_path / "req2.json")
    with pytest.raises(SyncError, match="không phải là xã"):
        network.enrol(net.district.db, tmp_path / "req2.json")


def test_a_commune_pc_cannot_export_before_it_has_its_certificate(tmp_path: Path) -> None:
    db = open_database(tmp_path / "c" / "cchc.db", role="commune")
    with pytest.raises(SyncError, match="chưa tham gia mạng"):
        export_bundle(db, tmp_path / "usb")


def test_root_key_backup_and_restore_on_a_replacement_district_pc(net: Net, tmp_path: Path) -> None:
    backup = tmp_path / "usb" / "khoa-goc.hcbk"
    with pytest.raises(ValidationError, match="ít nhất 8"):
        network.backup_root_key(net.district.db, backup, "ngắn")
    network.backup_root_key(net.district.db, backup, "mật khẩu dài")
    text = backup.read_text(encoding="utf-8")
    root = keys.load_private_key(
        next((net.district.path.parent / "keys").glob("root-*.key"))
    ).private_bytes_raw()
    assert keys.b64(root) not in text
    replacement = open_database(tmp_path / "new-district" / "cchc.db")
    with pytest.raises(SyncError, match="Mật khẩu không đúng"):
        network.restore_root_key(replacement, backup, "sai mật khẩu")
    fp = network.restore_root_key(replacement, backup, "mật khẩu dài")
    assert fp == network.network_info(net.district.db).root_fp  # type: ignore[union-attr]
    # The communes accept the replacement district (same root), and it gets their data back.
    progress_row(net.a1, TASKS[0], percent=80)
    [bundle] = export_bundle(net.a1.db, net.usb, peer="*")
    result = import_bundle(replacement, bundle)
    assert result.n_new > 0
    assert replacement.execute("SELECT percent FROM progress").fetchone() == (80,)
    assert replacement.execute("SELECT count(*) FROM task").fetchone() == (3,)
    # A backup of another network is refused on a PC already in a network.
    other = open_database(tmp_path / "other" / "cchc.db")
    network.init_network(other, "Huyện Khác")
    with pytest.raises(SyncError, match="không phải của mạng"):
        network.restore_root_key(other, backup, "mật khẩu dài")


def test_a_revoked_pc_keeps_its_earlier_changes_and_later_ones_are_set_aside(net: Net) -> None:
    row = progress_row(net.a2, TASKS[0], percent=10)
    deliver(net.a2, net.district, net.usb)
    kept = network.revoke_site(net.district.db, net.a2.site_id)
    assert kept == 5
    edit(net.a2, "progress", row, percent=90)
    result = deliver(net.a2, net.district, net.usb)
    assert result.n_quarantined == 1
    assert any("đã bị thu hồi" in w for w in result.warnings)
    assert net.district.db.execute("SELECT percent FROM progress").fetchone() == (10,)
    # The revocation travels: the commune's other PC sets the same change aside.
    deliver(net.district, net.a1, net.usb)
    assert net.a1.db.execute("SELECT percent FROM progress").fetchone() == (10,)
    assert net.a1.db.execute("SELECT reason FROM quarantine").fetchall() == [("revoked",)]
    with pytest.raises(SyncError, match="đã bị thu hồi"):
        export_bundle(net.district.db, net.usb, peer=net.a2.site_id)


def test_a_restored_database_is_detected_and_blocked_until_reenrolment(
    net: Net, tmp_path: Path
) -> None:
    backup = tmp_path / "a1-backup.db"
    backup_copy(net.a1.db, backup)
    old_id = net.a1.site_id
    progress_row(net.a1, TASKS[0], percent=10)
    progress_row(net.a1, TASKS[1], percent=20)
    deliver(net.a1, net.district, net.usb)
    # The clerk restores the old backup over the live database.
    net.a1.close()
    net.a1.path.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(net.a1.path) + suffix).unlink(missing_ok=True)
    backup.rename(net.a1.path)
    net.a1.reopen()
    before = snapshot(net.a1.db)["local"]
    progress_row(net.a1, TASKS[1], percent=5)  # not yet detected: edits still possible
    deliver(net.a1, net.district, net.usb)  # the district sees a fork of A1's changes
    assert (
        net.district.db.execute("SELECT count(*) FROM conflict WHERE kind = 'fork'").fetchone()[0]
        > 0
    )
    result = deliver(net.district, net.a1, net.usb)
    assert any("khôi phục từ bản sao lưu" in w for w in result.warnings)
    assert before != snapshot(net.a1.db)["local"]
    with pytest.raises(EditBlockedError, match="đăng ký lại"):
        progress_row(net.a1, TASKS[2], percent=1)
    new_id = network.reenrol(net.a1.db)
    assert new_id == net.a1.site_id != old_id
    network.enrol_request(net.a1.db, "Xã An", tmp_path / "again.json")
    network.enrol(net.district.db, tmp_path / "again.json")
    deliver(net.district, net.a1, net.usb)
    progress_row(net.a1, TASKS[2], percent=1)
    deliver(net.a1, net.district, net.usb)
    assert net.district.db.execute(
        "SELECT count(*) FROM progress WHERE percent = 1"
    ).fetchone() == (1,)


def test_a_second_commune_pc_added_later_gets_the_communes_history(
    net: Net, tmp_path: Path
) -> None:
    progress_row(net.a1, TASKS[0], percent=33)
    deliver(net.a1, net.district, net.usb)
    a3 = new_commune(net.district, tmp_path / "a3", "Xã An", "May-An-3")
    deliver(net.district, a3, net.usb)
    assert a3.db.execute("SELECT percent FROM progress").fetchall() == [(33,)]
    a3.close()


def test_the_dialogs_read_the_network_through_sites(net: Net, tmp_path: Path) -> None:
    db = open_database(tmp_path / "c" / "cchc.db", role="commune")
    network.enrol_request(db, "Xã Cao Thịnh", tmp_path / "req.json", pc_name="Máy 1")
    assert sites.requested_unit(db) == "Xã Cao Thịnh"
    assert sites.unit_name(db) == ""
    assert not sites.has_changes(db)
    result = network.enrol(net.district.db, tmp_path / "req.json")
    rows = sites.site_rows(net.district.db)
    [me] = [r for r in rows if r.is_self]
    assert (me.role, me.role_label, me.state) == ("district", "huyện", sites.ACTIVE)
    [commune] = [r for r in rows if r.site_id == result.site_id]
    assert (commune.unit_name, commune.pc_name, commune.role) == (
        "Xã Cao Thịnh",
        "Máy 1",
        "commune",
    )
    assert commune.fingerprint == result.fingerprint
    assert (result.site_id, "commune", "Xã Cao Thịnh", "Máy 1") in sites.peer_rows(net.district.db)
    assert sites.stored_fingerprint(net.district.db) == network.site_fingerprint(net.district.db)
    assert sites.has_changes(net.district.db)


def test_messages_follow_the_office_level(make_db) -> None:  # type: ignore[no-untyped-def]
    """A district office (a plan before 2025) reads "huyện"; an office not set up is a commune
    of a province and reads "tỉnh"."""
    from cchc_desktop.services import office_setup
    from cchc_desktop.sync.network import require_network

    db = make_db(seed=False)
    with pytest.raises(SyncError, match=r"Máy tỉnh: tạo mạng .* máy xã, phường: gửi"):
        require_network(db)
    office_setup.set_office(
        db,
        office_setup.OfficeChoice(
            "district", "Thanh Hóa", "Ngọc Lặc", explicit={"signer_name": "Lê Văn Tuấn"}
        ),
    )
    with pytest.raises(SyncError, match=r"Máy huyện: tạo mạng .* máy xã: gửi yêu cầu"):
        require_network(db)
