"""The backup dialog (list, create, restore) and the start-up integrity question."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from cchc_desktop.context import AppContext
from cchc_desktop.qt.operations import Operations
from cchc_desktop.services import backup_service as bs
from cchc_desktop.store.db import connect
from cchc_desktop.ui import backup_dialog
from cchc_desktop.ui.backup_dialog import (
    BackupDialog,
    IntegrityAction,
    IntegrityDialog,
)

MakeDb = Callable[..., Database]


@pytest.fixture
def ctx(make_db: MakeDb) -> AppContext:
    db = make_db(seed=False)
    path = Path(db.execute("PRAGMA database_list").fetchone()[2])
    return AppContext(db=db, db_path=path, author="Kiểm thử")


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, bool]]:
    shown: list[tuple[str, str, bool]] = []

    def inform(_parent: object, title: str, text: str, *, warning: bool = False) -> None:
        shown.append((title, text, warning))

    monkeypatch.setattr(backup_dialog, "inform", inform)
    return shown


def set_name(db: Database, value: str) -> None:
    db.execute(
        "INSERT OR REPLACE INTO setting (id, value) VALUES ('office.name', ?)", [json.dumps(value)]
    )
    db.conn.commit()


def name_in(db: Database) -> str | None:
    row = db.execute("SELECT value FROM setting WHERE id = 'office.name'").fetchone()
    return None if row is None else str(json.loads(row[0]))


def cell(dialog: BackupDialog, row: int, column: int) -> str:
    item = dialog.ui.backup_table.item(row, column)
    assert item is not None
    return item.text()


def test_lists_backups_newest_first(qtbot: QtBot, ctx: AppContext) -> None:
    now = dt.datetime.now().astimezone()
    old = bs.create_backup(ctx.db, ctx.db_path, bs.REASON_DAILY, now=now - dt.timedelta(hours=1))
    new = bs.create_backup(ctx.db, ctx.db_path, bs.REASON_SYNC_IMPORT, now=now)
    dialog = BackupDialog(ctx, Operations())
    qtbot.addWidget(dialog)
    table = dialog.ui.backup_table
    assert table.rowCount() == 2
    assert cell(dialog, 0, 1) == "Trước khi nhập gói đồng bộ"
    assert cell(dialog, 0, 3) == new.path.name
    assert cell(dialog, 1, 1) == "Sao lưu hằng ngày"
    assert cell(dialog, 1, 3) == old.path.name
    assert dialog.selected_backup() == bs.list_backups(ctx.db_path)[0]
    assert "giữ 14 bản gần nhất" in dialog.ui.folder_label.text()
    assert dialog.ui.restore_button.isEnabled()


def test_create_now(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = BackupDialog(ctx, Operations())
    qtbot.addWidget(dialog)
    assert dialog.ui.backup_table.rowCount() == 0
    assert not dialog.ui.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.backup_created) as created:
        dialog.ui.create_button.click()
    info = created.args[0]
    assert info.reason == "thu-cong"
    assert dialog.ui.backup_table.rowCount() == 1
    assert dialog.ui.status_label.text().startswith("Đã tạo bản sao lưu cchc-")


def test_restore_after_confirmation(
    qtbot: QtBot,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str, bool]],
) -> None:
    set_name(ctx.db, "trước")
    made = bs.create_backup(ctx.db, ctx.db_path)
    set_name(ctx.db, "sau")
    old_db = ctx.db
    ops = Operations()
    dialog = BackupDialog(ctx, ops)
    qtbot.addWidget(dialog)
    questions: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        questions.append(text)
        return True

    monkeypatch.setattr(backup_dialog, "confirm", confirm)
    with (
        qtbot.waitSignal(ops.reset),
        qtbot.waitSignal(dialog.database_restored, timeout=10000) as restored,
    ):
        dialog.ui.restore_button.click()
    result = restored.args[0]
    assert result.restored_from == made.path
    assert "Thay toàn bộ dữ liệu hiện tại" in questions[0]
    assert ctx.db is not old_db, "the context holds the reopened database"
    assert name_in(ctx.db) == "trước"
    assert messages[-1][0] == "Đã phục hồi"
    assert not messages[-1][2]
    labels = [cell(dialog, r, 1) for r in range(2)]
    assert "Trước khi phục hồi" in labels


def test_restore_declined_changes_nothing(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_name(ctx.db, "trước")
    bs.create_backup(ctx.db, ctx.db_path)
    set_name(ctx.db, "sau")
    dialog = BackupDialog(ctx, Operations())
    qtbot.addWidget(dialog)
    monkeypatch.setattr(backup_dialog, "confirm", lambda *_a: False)
    dialog.ui.restore_button.click()
    assert name_in(ctx.db) == "sau"
    assert len(bs.list_backups(ctx.db_path)) == 1


def test_failed_restore_reopens_and_explains(
    qtbot: QtBot,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str, bool]],
) -> None:
    made = bs.create_backup(ctx.db, ctx.db_path)
    made.path.write_bytes(b"not a database any more" * 100)
    ops = Operations()
    dialog = BackupDialog(ctx, ops)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(backup_dialog, "confirm", lambda *_a: True)
    with qtbot.waitSignal(ops.reset, timeout=10000):
        dialog.ui.restore_button.click()
    qtbot.waitUntil(lambda: bool(messages))
    assert messages[-1][0] == "Không phục hồi được"
    assert messages[-1][2]
    assert ctx.db.execute("SELECT count(*) FROM local_site").fetchone()[0] == 1


def test_read_only_database_cannot_back_up_or_restore(qtbot: QtBot, ctx: AppContext) -> None:
    bs.create_backup(ctx.db, ctx.db_path)
    ctx.read_only = True
    dialog = BackupDialog(ctx, Operations())
    qtbot.addWidget(dialog)
    assert not dialog.ui.create_button.isEnabled()
    assert not dialog.ui.restore_button.isEnabled()
    assert "chỉ đọc" in dialog.ui.status_label.text()


def _damage(path: Path) -> None:
    with path.open("r+b") as f:
        f.seek(4096 * 4)
        f.write(b"\x00\xff" * 4096)


def test_integrity_dialog_restores_the_latest_good_backup(
    qtbot: QtBot, ctx: AppContext, messages: list[tuple[str, str, bool]]
) -> None:
    for i in range(300):
        ctx.db.execute(
            "INSERT INTO setting (id, value) VALUES (?, ?)", [f"k{i}", '"' + "x" * 300 + '"']
        )
    ctx.db.conn.commit()
    good = bs.create_backup(ctx.db, ctx.db_path)
    ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.db.conn.close()
    _damage(ctx.db_path)

    dialog = IntegrityDialog(ctx.db_path, ["*** in database main ***", "Page 5: btreeInitPage"])
    qtbot.addWidget(dialog)
    assert dialog.backup == good
    assert "Page 5" in dialog.details.toPlainText()
    assert dialog.restore_button.isVisibleTo(dialog)
    dialog.restore_button.click()
    assert dialog.decision.action is IntegrityAction.RESTORED
    assert dialog.decision.result is not None
    assert messages[-1][0] == "Đã phục hồi"
    db = connect(ctx.db_path)
    assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    db.conn.close()


def test_integrity_dialog_without_backups(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = IntegrityDialog(tmp_path / "cchc.db", [f"lỗi {i}" for i in range(30)])
    qtbot.addWidget(dialog)
    assert dialog.backup is None
    assert not dialog.restore_button.isVisibleTo(dialog)
    assert "Không có bản sao lưu tốt nào" in dialog.offer_label.text()
    assert dialog.details.toPlainText().endswith("… và 10 lỗi khác")
    dialog.read_only_button.click()
    assert dialog.decision.action is IntegrityAction.READ_ONLY
    other = IntegrityDialog(tmp_path / "cchc.db", ["x"])
    qtbot.addWidget(other)
    other.quit_button.click()
    assert other.decision.action is IntegrityAction.QUIT
