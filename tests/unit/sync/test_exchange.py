"""Exchanging bundles: routing, idempotence, convergence, conflicts, ownership, gaps."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cchc_desktop.errors import OwnershipError, SyncError
from cchc_desktop.store.changes import Edit, apply_local_edits
from cchc_desktop.store.db import open_database
from cchc_desktop.sync.export import export_bundle, export_bundles
from cchc_desktop.sync.importer import import_bundle
from cchc_desktop.sync.review import list_conflicts, list_quarantine, resolve_conflict
from tests.unit.sync.netkit import (
    TASKS,
    Net,
    business,
    deliver,
    edit,
    open_conflicts,
    progress_row,
    snapshot,
)


def test_the_first_bundle_brings_the_plan_and_the_certificate(net: Net) -> None:
    for commune in (net.a1, net.a2, net.b1):
        assert commune.db.execute("SELECT count(*) FROM task").fetchone() == (3,)
        network_id, role, _unit = commune.db.execute(
            "SELECT network_id, role, unit_id FROM local_site"
        ).fetchone()
        assert network_id == net.district.db.execute("SELECT network_id FROM network").fetchone()[0]
        assert role == "commune"
    assert net.a1.unit_id == net.a2.unit_id != net.b1.unit_id
    kinds = dict(net.district.db.execute("SELECT name, kind FROM agency").fetchall())
    assert kinds["Xã An"] == kinds["Xã Bình"] == "commune"


def test_progress_reaches_the_district_and_the_other_pc_of_the_commune(net: Net) -> None:
    row = progress_row(net.a1, TASKS[0], percent=40, result="Đã ban hành kế hoạch")
    result = deliver(net.a1, net.district, net.usb)
    assert result.n_new == 6
    assert result.n_quarantined == 0
    assert result.new_by_table == {"progress": 6}
    assert net.district.db.execute(
        "SELECT percent FROM progress WHERE id = ?", [row]
    ).fetchone() == (40,)
    deliver(net.district, net.a2, net.usb)
    deliver(net.district, net.b1, net.usb)
    assert net.a2.db.execute("SELECT percent, result FROM progress").fetchall() == [
        (40, "Đã ban hành kế hoạch")
    ]
    # Routing (§8a): commune B receives the district's data, not commune A's progress.
    assert net.b1.db.execute("SELECT count(*) FROM progress").fetchone() == (0,)
    a1_origin = net.a1.site_id
    assert net.b1.db.execute(
        "SELECT count(*) FROM change_log WHERE origin = ?", [a1_origin]
    ).fetchone() == (0,)


def test_importing_a_bundle_twice_changes_nothing(net: Net) -> None:
    progress_row(net.a1, TASKS[0], percent=10)
    [path] = export_bundle(net.a1.db, net.usb, peer=net.district.site_id)
    import_bundle(net.district.db, path)
    before = snapshot(net.district.db)
    again = import_bundle(net.district.db, path)
    assert again.status == "already"
    assert again.message.startswith("Gói dữ liệu này đã được nhập ngày")
    assert snapshot(net.district.db) == before
    # The same changes in a new bundle (the ack never came back) are duplicates by id.
    [path2] = export_bundle(net.a1.db, net.usb, peer=net.district.site_id)
    assert path2 != path
    result = import_bundle(net.district.db, path2)
    assert (result.n_new, result.n_dup) == (0, 5)
    after = snapshot(net.district.db)
    assert after["business"] == before["business"]
    assert after["log"] == before["log"]


def test_a_delta_after_an_acknowledgement_is_smaller_and_cursors_advance(net: Net) -> None:
    for percent in (10, 20, 30):
        progress_row(net.a1, TASKS[0], percent=percent)
    [first] = export_bundles(net.a1.db, net.usb, peer=net.district.site_id)
    import_bundle(net.district.db, first.path)
    deliver(net.district, net.a1, net.usb)  # carries the district's acknowledgement
    progress_row(net.a1, TASKS[0], percent=35)
    [second] = export_bundles(net.a1.db, net.usb, peer=net.district.site_id)
    assert 0 < second.n_changes < first.n_changes
    assert second.n_changes == 1
    ack = json.loads(
        net.a1.db.execute(
            "SELECT their_vv FROM peer WHERE site_id = ?", [net.district.site_id]
        ).fetchone()[0]
    )
    assert ack[net.a1.site_id] == first.n_changes


def test_concurrent_edits_converge_with_the_same_conflict_everywhere(net: Net) -> None:
    row = progress_row(net.a1, TASKS[1], percent=20)
    deliver(net.a1, net.district, net.usb)
    deliver(net.district, net.a2, net.usb)
    edit(net.a1, "progress", row, percent=60)
    edit(net.a2, "progress", row, percent=70)
    # Exchange in different orders; everybody ends with the same data and the same card.
    deliver(net.a2, net.district, net.usb)
    deliver(net.a1, net.district, net.usb)
    deliver(net.district, net.a1, net.usb)
    deliver(net.district, net.a2, net.usb)
    views = [business(o.db)["progress"] for o in (net.district, net.a1, net.a2)]
    assert views[0] == views[1] == views[2]
    conflicts = [open_conflicts(o.db) for o in (net.district, net.a1, net.a2)]
    assert conflicts[0] == conflicts[1] == conflicts[2]
    assert len(conflicts[0]) == 1
    assert conflicts[0][0][3] == "percent"
    [card] = list_conflicts(net.a1.db)
    assert {h.value for h in card.heads} == {60, 70}
    assert sum(h.in_use for h in card.heads) == 1
    assert card.record.startswith("Tiến độ nhiệm vụ 1.2 – Xã An – Quý I/2020")
    assert card.field_label == "Tỷ lệ hoàn thành"
    assert "chưa nhận được thay đổi của nhau" in card.why
    assert card.may_resolve
    # The district may not choose (the commune owns the field).
    [district_card] = list_conflicts(net.district.db)
    assert not district_card.may_resolve
    with pytest.raises(OwnershipError):
        resolve_conflict(net.district.db, district_card.id, 60)
    resolve_conflict(net.a1.db, card.id, 65, author="Văn thư xã")
    deliver(net.a1, net.district, net.usb)
    deliver(net.district, net.a2, net.usb)
    for office in (net.district, net.a1, net.a2):
        assert open_conflicts(office.db) == []
        assert office.db.execute("SELECT percent FROM progress WHERE id = ?", [row]).fetchone() == (
            65,
        )


def test_bundles_give_the_same_result_in_either_order(net: Net, tmp_path: Path) -> None:
    row = progress_row(net.a1, TASKS[0], percent=5)
    deliver(net.a1, net.district, net.usb)
    deliver(net.district, net.a2, net.usb)
    edit(net.a1, "progress", row, percent=15, result="A1")
    edit(net.a2, "progress", row, percent=25, state="in_progress")
    [b1] = export_bundle(net.a1.db, net.usb, peer=net.district.site_id)
    [b2] = export_bundle(net.a2.db, net.usb, peer=net.district.site_id)
    net.district.close()
    states: list[dict[str, object]] = []
    for order in ((b1, b2), (b2, b1)):
        folder = tmp_path / f"order{len(states)}"
        shutil.copytree(net.district.path.parent, folder)
        db = open_database(folder / "cchc.db")
        for path in order:
            import_bundle(db, path)
        state = snapshot(db)
        state.pop("bundles")
        state.pop("peer")
        states.append(state)
        db.conn.close()
    net.district.reopen()
    assert states[0] == states[1]


def test_ownership_is_enforced_at_edit_time_and_at_import(net: Net) -> None:
    with pytest.raises(OwnershipError, match="huyện quản lý"):
        edit(net.a1, "task", TASKS[0], title="Xã sửa tên nhiệm vụ")
    # A PC running modified software writes it anyway: every receiver quarantines it.
    apply_local_edits(
        net.a1.db,
        [Edit("task", TASKS[0], {"title": "Xã sửa tên nhiệm vụ"})],
        check_ownership=False,
    )
    progress_row(net.a1, TASKS[0], percent=50)
    result = deliver(net.a1, net.district, net.usb)
    assert result.n_quarantined == 1
    assert result.n_new == 6
    assert "1 thay đổi bị giữ lại (không có quyền)" in result.message
    title = "SELECT title FROM task WHERE id = ?"
    assert net.district.db.execute(title, [TASKS[0]]).fetchone() == ("Nhiệm vụ số 1",)
    assert net.district.db.execute("SELECT percent FROM progress").fetchone() == (50,)
    [held] = list_quarantine(net.district.db)
    assert held.reason == "unauthorised"
    assert held.value == "Xã sửa tên nhiệm vụ"
    assert held.record == "Nhiệm vụ 1.1: Nhiệm vụ số 1"
    assert held.reason_text == "Không có quyền sửa"
    # Relayed to the commune's other PC, it is quarantined there too.
    deliver(net.district, net.a2, net.usb)
    assert net.a2.db.execute(title, [TASKS[0]]).fetchone() == ("Nhiệm vụ số 1",)
    assert [q.reason for q in list_quarantine(net.a2.db)] == ["unauthorised"]


def test_a_commune_may_not_write_another_communes_progress(net: Net) -> None:
    row_b = progress_row(net.b1, TASKS[0], percent=10)
    deliver(net.b1, net.district, net.usb)
    with pytest.raises(OwnershipError):
        edit(net.district, "progress", row_b, percent=99)
    edit(net.district, "progress", row_b, district_review="Cần bổ sung minh chứng")
    deliver(net.district, net.b1, net.usb)
    assert net.b1.db.execute("SELECT percent, district_review FROM progress").fetchone() == (
        10,
        "Cần bổ sung minh chứng",
    )


def test_a_lost_bundle_leaves_a_gap_that_the_next_exchange_fills(net: Net) -> None:
    progress_row(net.a1, TASKS[0], percent=10)  # seq 1..5 (+1 field per value)
    deliver(net.a1, net.district, net.usb)
    deliver(net.district, net.a1, net.usb)
    progress_row(net.a1, TASKS[0], percent=20)
    export_bundle(net.a1.db, net.usb, peer=net.district.site_id)  # lost on the way
    progress_row(net.a1, TASKS[0], percent=30)
    # Simulate an acknowledgement that ran ahead of reality (the lost bundle's content).
    vv_row = net.a1.db.execute(
        "SELECT their_vv FROM peer WHERE site_id = ?", [net.district.site_id]
    ).fetchone()[0]
    vv = json.loads(vv_row)
    vv[net.a1.site_id] = vv[net.a1.site_id] + 1
    with net.a1.db.atomic():
        net.a1.db.execute(
            "UPDATE peer SET their_vv = ? WHERE site_id = ?", [json.dumps(vv), net.district.site_id]
        )
    result = deliver(net.a1, net.district, net.usb)
    assert result.gaps
    assert "Còn thiếu thay đổi" in result.gaps[0]
    assert net.district.db.execute("SELECT percent FROM progress").fetchone() == (30,)
    deliver(net.district, net.a1, net.usb)  # the true acknowledgement
    result = deliver(net.a1, net.district, net.usb)
    assert result.gaps == ()
    cm = net.district.db.execute(
        "SELECT contiguous_max, gaps FROM origin_progress WHERE origin = ?", [net.a1.site_id]
    ).fetchone()
    assert cm == (net.a1.db.execute("SELECT next_seq - 1 FROM local_site").fetchone()[0], None)


def test_a_tombstone_travels_and_an_edit_concurrent_with_it_is_flagged(net: Net) -> None:
    row = progress_row(net.a1, TASKS[2], percent=10)
    deliver(net.a1, net.district, net.usb)
    deliver(net.district, net.a2, net.usb)
    edit(net.a1, "progress", row, deleted=1)
    edit(net.a2, "progress", row, result="vẫn đang làm")
    deliver(net.a1, net.district, net.usb)
    deliver(net.a2, net.district, net.usb)
    deliver(net.district, net.a1, net.usb)
    deliver(net.district, net.a2, net.usb)
    for office in (net.district, net.a1, net.a2):
        assert office.db.execute("SELECT deleted, result FROM progress").fetchone() == (
            1,
            "vẫn đang làm",
        )
        assert [c[0] for c in open_conflicts(office.db)] == ["edit_vs_delete"]
    [card] = list_conflicts(net.a2.db)
    resolve_conflict(net.a2.db, card.id, 0)  # restore
    deliver(net.a2, net.district, net.usb)
    deliver(net.district, net.a1, net.usb)
    for office in (net.district, net.a1, net.a2):
        assert office.db.execute("SELECT deleted FROM progress").fetchone() == (0,)
        assert open_conflicts(office.db) == []


def test_the_commune_learns_the_district_clock_as_its_reference(net: Net) -> None:
    trusted = net.a1.db.execute("SELECT max_trusted_wall FROM local_site").fetchone()[0]
    assert trusted is not None
    hlc = net.a1.db.execute("SELECT hlc_wall FROM local_site").fetchone()[0]
    assert hlc >= trusted - 1000


def test_progress_is_reported_and_cancelling_changes_nothing(net: Net) -> None:
    for percent in (10, 20):
        progress_row(net.a1, TASKS[0], percent=percent)
    seen: list[tuple[int, int]] = []
    before = snapshot(net.a1.db)
    with pytest.raises(SyncError, match="Đã huỷ xuất dữ liệu"):
        export_bundle(net.a1.db, net.usb, peer=net.district.site_id, cancelled=lambda: True)
    assert not net.usb.exists() or list(net.usb.iterdir()) == []
    assert snapshot(net.a1.db) == before
    [path] = export_bundle(
        net.a1.db, net.usb, peer=net.district.site_id, progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (6, 6)
    before = snapshot(net.district.db)
    with pytest.raises(SyncError, match="Đã huỷ nhập dữ liệu"):
        import_bundle(net.district.db, path, cancelled=lambda: True)
    assert snapshot(net.district.db) == before
    steps: list[int] = []
    preview = import_bundle(net.district.db, path, dry_run=True)
    assert preview.status == "dry_run"
    assert preview.message.startswith("Sẽ nhận 6 thay đổi mới")
    assert snapshot(net.district.db) == before
    result = import_bundle(net.district.db, path, progress=lambda d, _t: steps.append(d))
    assert result.message.startswith("Đã nhận 6 thay đổi mới")
    assert steps[-1] == 6


def test_an_import_is_preceded_by_an_ordinary_backup(net: Net, tmp_path: Path) -> None:
    from cchc_desktop.services.backup_service import REASON_SYNC_IMPORT, list_backups

    before = {b.path for b in list_backups(net.a1.path)}
    progress_row(net.a1, TASKS[0], state="in_progress", percent=30)
    deliver(net.a1, net.district, tmp_path / "usb")
    made = [b for b in list_backups(net.district.path) if b.path not in before]
    assert [b.reason for b in made if b.reason == REASON_SYNC_IMPORT]
