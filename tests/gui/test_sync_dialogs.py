"""The sync dialogs over a real four-PC network: export, import, review cards, quarantine."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from cchc_desktop.context import AppContext
from cchc_desktop.qt.operations import Operations
from cchc_desktop.store.changes import Edit, apply_local_edits
from cchc_desktop.sync.export import export_bundle
from cchc_desktop.ui.conflict_review_dialog import (
    NO_RIGHT,
    ConflictListModel,
    ConflictReviewDialog,
    parse_value,
)
from cchc_desktop.ui.quarantine_dialog import COL_REASON, COL_VALUE, QuarantineDialog
from cchc_desktop.ui.sync_export_dialog import SyncExportDialog, list_peers
from cchc_desktop.ui.sync_import_dialog import SyncImportDialog
from tests.gui.conftest_dialogs import make_ctx
from tests.unit.sync.netkit import (
    TASKS,
    Net,
    Office,
    build_network,
    copy_network,
    deliver,
    edit,
    progress_row,
    snapshot,
)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(scope="module")
def network_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mang")
    build_network(folder).close()
    return folder


@pytest.fixture
def net(network_template, tmp_path):
    network = copy_network(network_template, tmp_path)
    yield network
    network.close()


def ctx_of(office: Office) -> AppContext:
    return AppContext(db=office.db, db_path=office.path, author=f"Văn thư {office.name}")


def concurrent_percent(net: Net) -> str:
    """Two PCs of Xã An set the same progress percent without seeing each other (60 vs 70)."""
    row = progress_row(net.a1, TASKS[1], percent=20)
    deliver(net.a1, net.district, net.usb)
    deliver(net.district, net.a2, net.usb)
    edit(net.a1, "progress", row, percent=60)
    edit(net.a2, "progress", row, percent=70)
    deliver(net.a2, net.district, net.usb)
    deliver(net.a1, net.district, net.usb)
    deliver(net.district, net.a1, net.usb)
    return row


# ---------------------------------------------------------------- export


def test_export_writes_a_bundle_for_the_chosen_peer(net, qtbot, tmp_path):
    ops = Operations()
    dialog = SyncExportDialog(ctx_of(net.district), ops)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert "Huyện Thử" in ui.network_label.text()
    labels = [ui.peer_combo.itemText(i) for i in range(ui.peer_combo.count())]
    assert labels[0] == "Tất cả các máy (3 máy)"
    assert "Xã An – May-An-1" in labels
    assert not ui.export_button.isEnabled()  # no folder yet
    usb = tmp_path / "usb"
    dialog.set_folder(usb)
    ui.peer_combo.setCurrentIndex(labels.index("Xã Bình – May-Binh-1"))
    assert dialog.peer() == net.b1.site_id
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as blocker:
        ui.export_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    [path] = blocker.args[0]
    assert path.parent == usb
    assert path.suffix == ".hcb"
    assert path.is_file()
    assert ui.result_list.count() == 1
    assert "Safely Remove" in ui.result_list.item(0).text()
    assert "Đã ghi 1 gói" in ui.status_label.text()


def test_a_commune_pc_sends_only_to_the_district(net, qtbot):
    peers = list_peers(net.a1.db)
    assert [p.site_id for p in peers] == [net.district.site_id]
    dialog = SyncExportDialog(ctx_of(net.a1), Operations())
    qtbot.addWidget(dialog)
    assert dialog.ui.peer_combo.count() == 1
    assert dialog.peer() == net.district.site_id


def test_export_refusal_is_shown_in_vietnamese(net, qtbot, tmp_path):
    blocker_file = tmp_path / "khong-phai-thu-muc"
    blocker_file.write_text("x")
    dialog = SyncExportDialog(ctx_of(net.district), Operations())
    qtbot.addWidget(dialog)
    dialog.set_folder(blocker_file)
    dialog.ui.export_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20_000)
    assert "Không ghi được gói dữ liệu" in dialog.ui.status_label.text()
    assert "c62828" in dialog.ui.status_label.styleSheet()
    assert dialog.written == []


def test_export_without_a_network_explains_what_to_do(make_db, qtbot):
    dialog = SyncExportDialog(make_ctx(make_db), Operations())
    qtbot.addWidget(dialog)
    dialog.set_folder(Path.home())
    assert "chưa tham gia mạng đồng bộ" in dialog.ui.status_label.text()
    assert not dialog.ui.export_button.isEnabled()


# ---------------------------------------------------------------- import


def test_import_previews_then_imports_once(net, qtbot):
    edit(net.district, "task", TASKS[0], title="Nhiệm vụ số 1 (đã sửa)")
    [bundle] = export_bundle(net.district.db, net.usb, peer=net.a1.site_id)
    ops = Operations()
    dialog = SyncImportDialog(ctx_of(net.a1), ops, file=bundle)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert not ui.import_button.isEnabled()
    before = snapshot(net.a1.db)
    ui.preview_button.click()
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.is_busy(), timeout=20_000)
    text = ui.result_view.toPlainText()
    assert "Sẽ nhận 1 thay đổi mới" in text
    assert "Nhiệm vụ" in text  # the per-table count
    assert "Chưa có gì được ghi" in text
    assert ui.import_button.isEnabled()
    after_preview = snapshot(net.a1.db)
    after_preview.pop("bundles")
    before.pop("bundles")
    assert after_preview == before
    with qtbot.waitSignals([dialog.imported, ops.reset], timeout=20_000):
        ui.import_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert "Đã nhận 1 thay đổi mới" in ui.result_view.toPlainText()
    assert not ui.import_button.isEnabled()
    title = net.a1.db.execute("SELECT title FROM task WHERE id = ?", [TASKS[0]]).fetchone()
    assert title == ("Nhiệm vụ số 1 (đã sửa)",)
    # The same bundle again: recognised, nothing to import.
    ui.preview_button.click()
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.is_busy(), timeout=20_000)
    assert dialog.preview.status == "already"
    assert not ui.import_button.isEnabled()


def test_a_damaged_bundle_is_refused_with_its_own_message(net, qtbot, tmp_path):
    bad = tmp_path / "hong.hcb"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    dialog = SyncImportDialog(ctx_of(net.a1), Operations(), file=bad)
    qtbot.addWidget(dialog)
    before = snapshot(net.a1.db)
    dialog.ui.preview_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20_000)
    text = dialog.ui.result_view.toPlainText()
    assert "Không có gì được ghi" in text
    assert dialog.preview is None
    assert not dialog.ui.import_button.isEnabled()
    after = snapshot(net.a1.db)
    assert after["business"] == before["business"]


def test_a_missing_file_is_named(net, qtbot, tmp_path):
    dialog = SyncImportDialog(ctx_of(net.a1), Operations(), file=tmp_path / "khong-co.hcb")
    qtbot.addWidget(dialog)
    dialog.ui.preview_button.click()
    assert "Không tìm thấy tệp" in dialog.ui.result_view.toPlainText()


# ---------------------------------------------------------------- review


def test_review_card_shows_both_values_and_resolves(net, qtbot, qtmodeltester):
    row = concurrent_percent(net)
    ops = Operations()
    dialog = ConflictReviewDialog(ctx_of(net.a1), ops)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    assert "1 mục cần xem lại" in dialog.ui.count_label.text()
    card = dialog.ui.card_view.toPlainText()
    assert "Tiến độ nhiệm vụ 1.2 – Xã An – Quý I/2020" in card
    assert "Đang dùng" in card
    assert "Giá trị khác" in card
    assert "60 %" in card
    assert "70 %" in card
    assert "May-An-1" in card
    assert "May-An-2" in card
    assert "chưa nhận được thay đổi của nhau" in card
    assert dialog.ui.keep_button.isEnabled()
    view = dialog.current()
    in_use = next(h for h in view.heads if h.in_use)
    with qtbot.waitSignal(ops.changed), qtbot.waitSignal(dialog.conflict_resolved):
        dialog.ui.keep_button.click()
    percent = net.a1.db.execute("SELECT percent FROM progress WHERE id = ?", [row]).fetchone()
    assert percent == (in_use.value,)
    assert dialog.model.rowCount() == 0
    assert "Không có mục nào cần xem lại" in dialog.ui.count_label.text()
    assert "các máy khác" in dialog.ui.status_label.text()
    # Handled cards can be shown again, marked as handled, without actions.
    dialog.ui.closed_check.setChecked(True)
    assert dialog.model.rowCount() == 1
    assert "đã xử lý" in dialog.ui.card_view.toPlainText()
    assert not dialog.ui.keep_button.isEnabled()


def test_use_other_and_new_value(net, qtbot, monkeypatch):
    row = concurrent_percent(net)
    dialog = ConflictReviewDialog(ctx_of(net.a1), Operations())
    qtbot.addWidget(dialog)
    other = next(h for h in dialog.current().heads if not h.in_use)
    assert dialog.ui.other_combo.count() == 1
    dialog.ui.use_other_button.click()
    value = net.a1.db.execute("SELECT percent FROM progress WHERE id = ?", [row]).fetchone()
    assert value == (other.value,)

    row2 = progress_row(net.a1, TASKS[2], percent=10)
    deliver(net.a1, net.district, net.usb)
    deliver(net.district, net.a2, net.usb)
    edit(net.a1, "progress", row2, percent=30)
    edit(net.a2, "progress", row2, percent=40)
    deliver(net.a2, net.district, net.usb)
    deliver(net.district, net.a1, net.usb)
    dialog.reload()
    assert dialog.model.rowCount() == 1
    monkeypatch.setattr(dialog, "_ask_new_value", lambda view: 35)
    dialog.ui.new_value_button.click()
    value = net.a1.db.execute("SELECT percent FROM progress WHERE id = ?", [row2]).fetchone()
    assert value == (35,)


def test_the_district_sees_the_card_but_may_not_choose(net, qtbot):
    concurrent_percent(net)
    dialog = ConflictReviewDialog(ctx_of(net.district), Operations())
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert not dialog.ui.keep_button.isEnabled()
    assert not dialog.ui.use_other_button.isEnabled()
    assert dialog.ui.permission_label.text() == NO_RIGHT


def test_empty_review_list(net, qtbot, qtmodeltester):
    dialog = ConflictReviewDialog(ctx_of(net.b1), Operations())
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.current() is None
    assert "Không có mục nào" in dialog.ui.card_view.toPlainText()
    assert not dialog.ui.keep_button.isVisibleTo(dialog)
    assert ConflictListModel().rowCount() == 0


def test_parse_value_checks_numbers(net):
    concurrent_percent(net)
    from cchc_desktop.sync.review import list_conflicts

    [view] = list_conflicts(net.a1.db)
    assert parse_value(view, " 45 % ") == 45
    with pytest.raises(Exception, match="không phải là số nguyên"):
        parse_value(view, "bốn mươi")
    with pytest.raises(Exception, match="từ 0 đến 100"):
        parse_value(view, "120")


def test_review_reloads_after_an_import(net, qtbot):
    ops = Operations()
    dialog = ConflictReviewDialog(ctx_of(net.a1), ops)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    concurrent_percent(net)
    ops.reset.emit()
    assert dialog.model.rowCount() == 1


# ---------------------------------------------------------------- quarantine


def test_quarantine_lists_what_was_set_aside(net, qtbot, qtmodeltester):
    # A PC running modified software renames a task (only the district may): quarantined.
    apply_local_edits(
        net.a1.db,
        [Edit("task", TASKS[0], {"title": "Xã sửa tên nhiệm vụ"})],
        check_ownership=False,
    )
    deliver(net.a1, net.district, net.usb)
    dialog = QuarantineDialog(ctx_of(net.district), Operations())
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    assert dialog.ui.count_label.text() == "1 thay đổi bị giữ lại."
    model = dialog.proxy
    assert model.index(0, COL_VALUE).data() == "Xã sửa tên nhiệm vụ"
    assert model.index(0, COL_REASON).data() == "Không có quyền sửa"
    text = dialog.copy_details()
    assert text.splitlines()[0].startswith("Nhận lúc\tMáy gửi")
    assert "Nhiệm vụ 1.1: Nhiệm vụ số 1" in text
    assert QApplication.clipboard().text() == text


def test_empty_quarantine(net, qtbot):
    dialog = QuarantineDialog(ctx_of(net.b1), Operations())
    qtbot.addWidget(dialog)
    assert dialog.ui.count_label.text() == "Không có thay đổi nào bị giữ lại."
    assert not dialog.ui.copy_button.isEnabled()


# ---------------------------------------------------------------- entry points


def test_ask_entry_points_return_their_values(net, qtbot, monkeypatch):
    for cls in (SyncExportDialog, SyncImportDialog, ConflictReviewDialog, QuarantineDialog):
        monkeypatch.setattr(cls, "exec", lambda self: 0)
    ctx = ctx_of(net.a1)
    ops = Operations()
    assert SyncExportDialog.ask(ctx, ops) is None
    assert SyncImportDialog.ask(ctx, ops) is None
    assert ConflictReviewDialog.ask(ctx, ops) == 0
    assert QuarantineDialog.ask(ctx, ops) == 0
