"""Review cards, the quarantine list, record history, and clock guard rails at import time."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop.errors import ValidationError
from cchc_desktop.store.changes import Edit, apply_local_edits
from cchc_desktop.store.site import EditBlockedError, now_ms, set_clock
from cchc_desktop.sync.export import export_bundle
from cchc_desktop.sync.importer import import_bundle
from cchc_desktop.sync.review import (
    dismiss_conflict,
    list_conflicts,
    list_quarantine,
    record_history,
)
from tests.unit.sync.netkit import TASKS, Net, deliver, edit, progress_row

DAY = 86_400_000


def test_history_shows_who_when_which_pc_and_old_and_new_values(net: Net) -> None:
    row = progress_row(net.a1, TASKS[0], percent=10)
    edit(net.a1, "progress", row, percent=30)
    deliver(net.a1, net.district, net.usb)
    edit(net.district, "progress", row, district_review="Đạt")
    history = record_history(net.district.db, "progress", row)
    percent = [h for h in history if h.field == "percent"]
    assert [(h.old, h.new, h.status) for h in percent] == [
        (None, 10, "Đã được thay"),
        (10, 30, "Đang dùng"),
    ]
    assert percent[0].author == "May-An-1"
    assert "Xã An" in percent[0].site_name
    assert percent[0].bundle.endswith(".hcb")
    assert percent[0].when is not None
    assert percent[0].field_label == "Tỷ lệ hoàn thành"
    review = [h for h in history if h.field == "district_review"]
    assert review[0].bundle == ""  # written on this PC
    assert review[0].site_name.startswith("UBND huyện Thử")


def test_history_marks_values_set_aside(net: Net) -> None:
    apply_local_edits(
        net.a1.db, [Edit("task", TASKS[1], {"note": "xã tự sửa"})], check_ownership=False
    )
    deliver(net.a1, net.district, net.usb)
    notes = [h for h in record_history(net.district.db, "task", TASKS[1]) if h.field == "note"]
    assert [(h.new, h.status) for h in notes] == [("xã tự sửa", "Không có quyền sửa")]
    [item] = list_quarantine(net.district.db)
    assert item.field_label == "Ghi chú"
    assert item.author == "" or isinstance(item.author, str)
    assert "Xã An" in item.site_name


def test_resolving_needs_an_open_card_with_values(net: Net) -> None:
    row = progress_row(net.a1, TASKS[0], percent=10)
    deliver(net.a1, net.district, net.usb)
    deliver(net.district, net.a2, net.usb)
    edit(net.a1, "progress", row, result="A1")
    edit(net.a2, "progress", row, result="A2")
    deliver(net.a2, net.district, net.usb)
    deliver(net.district, net.a1, net.usb)
    [card] = list_conflicts(net.a1.db)
    assert card.kind == "same_field"
    assert card.field_label == "Kết quả thực hiện"
    assert {h.display for h in card.heads} == {"A1", "A2"}
    assert {h.bundle == "" for h in card.heads} == {True, False}
    with pytest.raises(ValidationError, match="Hãy chọn giá trị"):
        dismiss_conflict(net.a1.db, card.id)
    from cchc_desktop.sync.review import resolve_conflict

    resolve_conflict(net.a1.db, card.id, "A1")  # keep the value in use: still recorded
    assert list_conflicts(net.a1.db) == []
    with pytest.raises(ValidationError, match="đã được xử lý"):
        resolve_conflict(net.a1.db, card.id, "A2")
    assert len(list_conflicts(net.a1.db, include_closed=True)) == 1


def test_a_district_bundle_from_the_future_blocks_editing_on_the_commune(net: Net) -> None:
    set_clock(net.district.db, lambda: now_ms() + 3 * DAY)
    edit(net.district, "task", TASKS[0], note="huyện sửa")
    [path] = export_bundle(net.district.db, net.usb, peer=net.a1.site_id)
    result = import_bundle(net.a1.db, path)
    assert any("đồng hồ máy này có lẽ bị sai" in w for w in result.warnings)
    with pytest.raises(EditBlockedError, match="Ngày giờ máy tính không đúng"):
        progress_row(net.a1, TASKS[0], percent=1)
    # Fixed on the district side: its next bundle carries the true time, editing resumes.
    set_clock(net.district.db, None)
    edit(net.district, "task", TASKS[0], note="huyện sửa lại")
    deliver(net.district, net.a1, net.usb)
    progress_row(net.a1, TASKS[0], percent=1)


def test_a_commune_bundle_from_the_future_is_imported_and_flagged(net: Net, tmp_path: Path) -> None:
    set_clock(net.b1.db, lambda: now_ms() + 400 * DAY)
    progress_row(net.b1, TASKS[0], percent=70)
    result = deliver(net.b1, net.district, net.usb)
    assert result.n_new == 5
    assert any("đang lệch giờ +400 ngày" in w for w in result.warnings)
    [card] = [c for c in list_conflicts(net.district.db) if c.kind == "clock_suspect"]
    assert "lệch giờ" in card.why
    dismiss_conflict(net.district.db, card.id)
    assert [c for c in list_conflicts(net.district.db) if c.kind == "clock_suspect"] == []
    # The district's own clock is pulled at most a day ahead.
    hlc = net.district.db.execute("SELECT hlc_wall FROM local_site").fetchone()[0]
    assert hlc <= now_ms() + DAY + 60_000
