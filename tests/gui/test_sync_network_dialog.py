"""The sync network dialog: creating the network, enrolling a commune PC, revoking, the root key."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from cchc_desktop.context import AppContext
from cchc_desktop.qt.operations import Operations
from cchc_desktop.store.db import open_database
from cchc_desktop.sync import network
from cchc_desktop.sync.sites import REVOKED
from cchc_desktop.ui import sync_network_dialog as module
from cchc_desktop.ui.sync_network_dialog import (
    COL_FINGERPRINT,
    COL_STATE,
    COL_UNIT,
    SyncNetworkDialog,
    check_new_password,
    file_slug,
)
from tests.unit.sync.netkit import Office, new_district, small_plan, snapshot

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

FINGERPRINT = re.compile(r"^[A-Z2-7]{5}(-[A-Z2-7]{5}){4}$")
PASSWORD = "mat-khau-goc-2020"


@pytest.fixture
def district(tmp_path: Path) -> Iterator[Office]:
    (tmp_path / "huyen").mkdir()
    office = new_district(tmp_path / "huyen")
    yield office
    office.close()


@pytest.fixture
def fresh_district(tmp_path: Path) -> Iterator[Office]:
    """A district PC with a plan but no network yet."""
    (tmp_path / "moi").mkdir()
    path = tmp_path / "moi" / "cchc.db"
    db = open_database(path)
    small_plan(db)
    office = Office("moi", path, db)
    yield office
    office.close()


@pytest.fixture
def commune(tmp_path: Path) -> Iterator[Office]:
    (tmp_path / "xa").mkdir()
    path = tmp_path / "xa" / "cchc.db"
    office = Office("xa", path, open_database(path, role="commune"))
    yield office
    office.close()


def ctx_of(office: Office, *, read_only: bool = False) -> AppContext:
    return AppContext(db=office.db, db_path=office.path, author="Văn thư", read_only=read_only)


def open_dialog(qtbot: QtBot, office: Office, ops: Operations | None = None) -> SyncNetworkDialog:
    dialog = SyncNetworkDialog(ctx_of(office), ops or Operations())
    qtbot.addWidget(dialog)
    return dialog


def answer(monkeypatch: pytest.MonkeyPatch, name: str, value: Any) -> list[tuple[Any, ...]]:
    """Make the module's `ask_<name>` return `value`; the list records how it was asked."""
    calls: list[tuple[Any, ...]] = []

    def fake(*args: Any) -> Any:
        calls.append(args)
        return value

    monkeypatch.setattr(module, f"ask_{name}", fake)
    return calls


def refuse_question(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: Any) -> Any:
        raise AssertionError("no question may be asked")

    monkeypatch.setattr(module, "ask_confirm", fail)


def shown(dialog: SyncNetworkDialog) -> dict[str, bool]:
    ui = dialog.ui
    buttons = {
        "create": ui.create_network_button,
        "request": ui.request_button,
        "enrol": ui.enrol_button,
        "revoke": ui.revoke_button,
        "backup": ui.backup_button,
        "restore": ui.restore_button,
    }
    return {name: button.isVisibleTo(dialog) for name, button in buttons.items()}


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def write_request(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, commune: Office, file: Path
) -> SyncNetworkDialog:
    dialog = open_dialog(qtbot, commune)
    answer(monkeypatch, "text", "Xã An")
    answer(monkeypatch, "save_file", file)
    dialog.ui.request_button.click()
    return dialog


# ---------------------------------------------------------------- opening


def test_opens_on_a_fresh_district_database(qtbot: QtBot, fresh_district: Office) -> None:
    dialog = open_dialog(qtbot, fresh_district)
    ui = dialog.ui
    assert ui.role_label.text() == "Máy của huyện"
    assert ui.site_label.text() == fresh_district.site_id
    assert FINGERPRINT.match(ui.fingerprint_label.text())
    assert ui.fingerprint_label.font().pointSizeF() > dialog.font().pointSizeF()
    assert ui.network_label.text() == "Máy này chưa tham gia mạng đồng bộ."
    assert ui.unit_label.text() == "UBND huyện Thử"
    assert "bấm “Tạo mạng đồng bộ…”" in ui.status_label.text()
    assert shown(dialog) == {
        "create": True,
        "request": False,  # the database holds the district's plan
        "enrol": False,
        "revoke": False,
        "backup": False,
        "restore": True,
    }
    assert ui.create_network_button.isEnabled()
    assert ui.sites_table.rowCount() == 0


def test_opens_on_a_commune_database(qtbot: QtBot, commune: Office) -> None:
    dialog = open_dialog(qtbot, commune)
    assert (
        dialog.ui.role_label.text() == "Máy của xã, phường"
    )  # an office not set up: a commune of a province
    assert dialog.ui.unit_label.text() == "Chưa xác định"
    assert "bấm “Tạo tệp yêu cầu đăng ký…”" in dialog.ui.status_label.text()
    assert FINGERPRINT.match(dialog.ui.fingerprint_label.text())
    assert shown(dialog) == {
        "create": False,
        "request": True,
        "enrol": False,
        "revoke": False,
        "backup": False,
        "restore": False,
    }


def test_the_enrolled_district_offers_its_steps(qtbot: QtBot, district: Office) -> None:
    dialog = open_dialog(qtbot, district)
    info = network.network_info(district.db)
    assert info is not None
    assert dialog.ui.network_label.text() == "Huyện Thử"
    assert dialog.ui.root_label.text() == info.root_fp
    assert shown(dialog) == {
        "create": False,
        "request": False,
        "enrol": True,
        "revoke": True,
        "backup": True,
        "restore": True,
    }
    assert dialog.ui.sites_table.rowCount() == 1
    assert "(máy này)" in cell(dialog.ui.sites_table, 0, 0)
    dialog.select_site(district.site_id)
    assert not dialog.ui.revoke_button.isEnabled()  # never this PC itself


# ---------------------------------------------------------------- the district


def test_creating_the_network_stores_it_and_shows_the_root_fingerprint(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, fresh_district: Office
) -> None:
    ops = Operations()
    dialog = open_dialog(qtbot, fresh_district, ops)
    calls = answer(monkeypatch, "text", "Huyện Thử")
    with qtbot.waitSignal(ops.reset, timeout=1000):
        dialog.ui.create_network_button.click()
    [(_parent, _title, _label, suggested)] = calls
    assert suggested == "huyện Thử"  # from "UBND huyện Thử"
    info = network.network_info(fresh_district.db)
    assert info is not None
    assert info.name == "Huyện Thử"
    assert dialog.ui.root_label.text() == info.root_fp
    assert info.root_fp in dialog.ui.status_label.text()
    assert "sao lưu khoá gốc" in dialog.ui.status_label.text().lower()
    assert dialog.changed
    assert shown(dialog)["enrol"]
    assert not shown(dialog)["create"]


def test_an_empty_network_name_is_refused_in_the_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, fresh_district: Office
) -> None:
    dialog = open_dialog(qtbot, fresh_district)
    answer(monkeypatch, "text", "   ")
    dialog.ui.create_network_button.click()
    assert "không được để trống" in dialog.ui.status_label.text()
    assert "c62828" in dialog.ui.status_label.styleSheet()
    assert network.network_info(fresh_district.db) is None
    assert not dialog.changed


def test_a_commune_request_enrolled_at_the_district_shows_the_same_fingerprint(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, district: Office, commune: Office, tmp_path: Path
) -> None:
    file = tmp_path / "usb" / "yeu-cau.json"
    xa = write_request(qtbot, monkeypatch, commune, file)
    assert file.is_file()
    commune_fp = xa.ui.fingerprint_label.text()
    assert commune_fp in xa.ui.status_label.text()
    assert xa.ui.unit_label.text().startswith("Xã An (đã gửi yêu cầu đăng ký")

    ops = Operations()
    huyen = open_dialog(qtbot, district, ops)
    answer(monkeypatch, "open_file", file)
    questions = answer(monkeypatch, "confirm", True)
    with qtbot.waitSignal(ops.reset, timeout=1000):
        huyen.ui.enrol_button.click()
    [(_parent, _title, question)] = questions
    assert "Xã An" in question
    assert commune_fp in question
    assert commune.site_id in question
    rows = {r.site_id: r for r in huyen.rows}
    assert rows[commune.site_id].unit_name == "Xã An"
    assert rows[commune.site_id].fingerprint == commune_fp
    table = huyen.ui.sites_table
    [selected] = {i.row() for i in table.selectedItems()}
    assert cell(table, selected, COL_UNIT) == "Xã An"
    assert cell(table, selected, COL_FINGERPRINT) == commune_fp
    assert commune_fp in huyen.ui.status_label.text()
    assert "Đã thêm “Xã An”" in huyen.ui.status_label.text()
    assert huyen.ui.revoke_button.isEnabled()

    # The same file again: already registered, nothing written.
    before = snapshot(district.db)
    huyen.ui.enrol_button.click()
    assert "đã được đăng ký trước đây" in huyen.ui.status_label.text()
    assert snapshot(district.db) == before


def test_enrolment_waits_for_the_clerks_yes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, district: Office, commune: Office, tmp_path: Path
) -> None:
    file = tmp_path / "yeu-cau.json"
    write_request(qtbot, monkeypatch, commune, file)
    huyen = open_dialog(qtbot, district)
    answer(monkeypatch, "open_file", file)
    answer(monkeypatch, "confirm", False)
    before = snapshot(district.db)
    huyen.ui.enrol_button.click()
    assert snapshot(district.db) == before
    assert "Chưa đăng ký" in huyen.ui.status_label.text()
    assert not huyen.changed


@pytest.mark.parametrize("kind", ["garbage", "tampered", "backup"])
def test_a_foreign_or_garbage_request_is_refused(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    district: Office,
    commune: Office,
    tmp_path: Path,
    kind: str,
) -> None:
    bad = tmp_path / f"{kind}.json"
    if kind == "garbage":
        bad.write_bytes(b"\x00\xffkhong phai yeu cau")
    elif kind == "tampered":
        write_request(qtbot, monkeypatch, commune, bad)
        record = json.loads(bad.read_text(encoding="utf-8"))
        record["unit_name"] = "Xã Giả Mạo"  # signed by the PC's key: the signature breaks
        bad.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    else:
        network.backup_root_key(district.db, bad, PASSWORD)
    huyen = open_dialog(qtbot, district)
    answer(monkeypatch, "open_file", bad)
    refuse_question(monkeypatch)
    before = snapshot(district.db)
    huyen.ui.enrol_button.click()
    text = huyen.ui.status_label.text()
    assert f"Tệp {bad.name} không phải yêu cầu đăng ký hợp lệ" in text
    assert "Không có gì thay đổi" in text
    assert snapshot(district.db) == before
    assert len(huyen.rows) == 1
    assert not huyen.changed


def test_revoking_the_selected_pc(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, district: Office, commune: Office, tmp_path: Path
) -> None:
    file = tmp_path / "yeu-cau.json"
    write_request(qtbot, monkeypatch, commune, file)
    network.enrol(district.db, file)
    huyen = open_dialog(qtbot, district)
    huyen.select_site(commune.site_id)
    answer(monkeypatch, "confirm", False)
    huyen.ui.revoke_button.click()
    assert not huyen.changed
    answer(monkeypatch, "confirm", True)
    huyen.ui.revoke_button.click()
    revoked = district.db.execute(
        "SELECT revoked_after_seq FROM site WHERE site_id = ?", [commune.site_id]
    ).fetchone()
    assert revoked == (0,)
    row = next(i for i, r in enumerate(huyen.rows) if r.site_id == commune.site_id)
    assert cell(huyen.ui.sites_table, row, COL_STATE) == REVOKED
    assert "Đã thu hồi máy" in huyen.ui.status_label.text()
    assert not huyen.ui.revoke_button.isEnabled()  # already revoked


# ---------------------------------------------------------------- the root key


def test_root_key_backup_refuses_mismatched_passwords(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, district: Office, tmp_path: Path
) -> None:
    file = tmp_path / "usb" / "khoa-goc.hckey"
    dialog = open_dialog(qtbot, district)
    answer(monkeypatch, "save_file", file)
    answer(monkeypatch, "new_password", (PASSWORD, PASSWORD + "x"))
    dialog.ui.backup_button.click()
    assert "Hai lần nhập mật khẩu không giống nhau" in dialog.ui.status_label.text()
    assert not file.exists()
    answer(monkeypatch, "new_password", ("", ""))
    dialog.ui.backup_button.click()
    assert "Chưa nhập mật khẩu" in dialog.ui.status_label.text()
    assert not file.exists()
    answer(monkeypatch, "new_password", (PASSWORD, PASSWORD))
    dialog.ui.backup_button.click()
    assert file.is_file()
    assert "Đã sao lưu khoá gốc" in dialog.ui.status_label.text()


def test_root_key_restored_on_a_replacement_district_pc(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    district: Office,
    fresh_district: Office,
    tmp_path: Path,
) -> None:
    file = tmp_path / "khoa-goc.hckey"
    network.backup_root_key(district.db, file, PASSWORD)
    ops = Operations()
    dialog = open_dialog(qtbot, fresh_district, ops)
    answer(monkeypatch, "open_file", file)
    answer(monkeypatch, "password", "sai-mat-khau")
    dialog.ui.restore_button.click()
    assert "Mật khẩu không đúng" in dialog.ui.status_label.text()
    assert network.network_info(fresh_district.db) is None
    answer(monkeypatch, "password", PASSWORD)
    with qtbot.waitSignal(ops.reset, timeout=1000):
        dialog.ui.restore_button.click()
    info = network.network_info(district.db)
    restored = network.network_info(fresh_district.db)
    assert info is not None
    assert restored is not None
    assert (restored.network_id, restored.root_fp) == (info.network_id, info.root_fp)
    assert restored.district_site == fresh_district.site_id
    assert dialog.ui.root_label.text() == info.root_fp
    assert info.root_fp in dialog.ui.status_label.text()
    assert shown(dialog)["enrol"]


def test_check_new_password() -> None:
    assert check_new_password(PASSWORD, PASSWORD) == PASSWORD
    with pytest.raises(Exception, match="ít nhất 8 ký tự"):
        check_new_password("ngan", "ngan")


def test_password_dialog_hides_what_is_typed(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit

    dialog = module.PasswordDialog(repeat=True)
    qtbot.addWidget(dialog)
    assert dialog.first_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.second_edit.echoMode() == QLineEdit.EchoMode.Password
    dialog.first_edit.setText("a")
    dialog.second_edit.setText("b")
    assert dialog.values() == ("a", "b")


# ---------------------------------------------------------------- read-only, entry points


def test_read_only_disables_every_step(qtbot: QtBot, district: Office) -> None:
    dialog = SyncNetworkDialog(ctx_of(district, read_only=True), Operations())
    qtbot.addWidget(dialog)
    ui = dialog.ui
    for button in (
        ui.create_network_button,
        ui.request_button,
        ui.enrol_button,
        ui.revoke_button,
        ui.backup_button,
        ui.restore_button,
    ):
        assert not button.isEnabled()
    assert "chỉ để đọc" in ui.status_label.text()
    assert FINGERPRINT.match(ui.fingerprint_label.text())


def test_ask_returns_whether_anything_was_written(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, district: Office
) -> None:
    monkeypatch.setattr(SyncNetworkDialog, "exec", lambda self: 0)
    assert SyncNetworkDialog.ask(ctx_of(district), Operations()) is False


def test_file_slug() -> None:
    assert file_slug("Xã Minh Sơn") == "xa-minh-son"
    assert file_slug("Đồng Thịnh") == "dong-thinh"


def test_the_window_lists_it_first_in_the_sync_menu(
    qtbot: QtBot, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc_desktop.qt.settings import Settings
    from cchc_desktop.ui.main_window import MainWindow

    window = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    first = window.ui.menu_sync.actions()[0]
    assert first is window.action_sync_network
    assert first.text() == "&Mạng đồng bộ và đăng ký máy…"
    opened: list[bool] = []

    def asked(*_args: Any) -> bool:
        opened.append(True)
        return False

    monkeypatch.setattr(SyncNetworkDialog, "ask", asked)
    first.trigger()
    assert opened == [True]
