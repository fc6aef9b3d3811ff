"""The one screen where a clerk reviews the agencies read from a plan and confirms them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cchc_desktop.qt.operations import Operations
from cchc_desktop.services import office_setup, organisation
from cchc_desktop.ui import agency_dialogs
from cchc_desktop.ui.agency_dialogs import AgenciesDialog
from tests.gui.conftest_dialogs import make_ctx

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support")


def _dialog(qtbot, make_db, *, seed=True):
    ctx = make_ctx(make_db, seed=seed)
    ops = Operations()
    dialog = AgenciesDialog(ctx, ops)
    qtbot.addWidget(dialog)
    dialog.show()
    return ctx, dialog


def _row(dialog, name):
    model = dialog.model
    return next(r for r in range(model.rowCount()) if model.agency(r).name == name)


def test_the_register_shows_agencies_groups_and_spellings(qtbot, make_db):
    _ctx, dialog = _dialog(qtbot, make_db)
    assert dialog.model.rowCount() == 17
    assert dialog.ui.info_label.text() == ("10 cơ quan, đơn vị và 7 nhóm cơ quan; 10 cần xác nhận.")
    model = dialog.model
    group = _row(dialog, "UBND các xã, thị trấn")
    assert model.index(group, model.COL_KIND).data() == "Nhóm cơ quan"
    assert model.index(group, model.COL_REVIEW).data() == "Không cần"
    office = _row(dialog, "Văn phòng HĐND-UBND huyện")
    index = dialog.proxy.mapFromSource(model.index(office, 0))
    dialog.ui.agency_view.selectRow(index.row())
    shown = [dialog.ui.aliases_list.item(i).text() for i in range(dialog.ui.aliases_list.count())]
    assert shown == [
        "Văn phòng HĐND-UBND huyện",
        "Văn phòng HĐND&UBND",
        "Văn phòng HĐND&UBND huyện",
    ]
    assert not dialog.ui.remove_alias_button.isEnabled()


def test_confirm_all_clears_every_flag_in_one_click(qtbot, make_db):
    ctx, dialog = _dialog(qtbot, make_db)
    assert dialog.ui.confirm_all_button.isEnabled()
    qtbot.mouseClick(dialog.ui.confirm_all_button, Qt.MouseButton.LeftButton)
    assert organisation.register_counts(ctx.db).waiting == 0
    assert dialog.ui.info_label.text() == (
        "10 cơ quan, đơn vị và 7 nhóm cơ quan; tất cả đã được xác nhận."
    )
    assert not dialog.ui.confirm_all_button.isEnabled()
    model = dialog.model
    assert all(
        model.index(r, model.COL_REVIEW).data() in ("Đã xác nhận", "Không cần")
        for r in range(model.rowCount())
    )


def test_prefill_adds_the_provinces_units(qtbot, make_db, monkeypatch):
    ctx, dialog = _dialog(qtbot, make_db, seed=False)
    office_setup.set_office(
        ctx.db,
        office_setup.OfficeChoice(
            "province", "Thành phố Huế", None, explicit={"signer_name": "Trần Văn Bình"}
        ),
    )
    told = []
    monkeypatch.setattr(
        agency_dialogs.QMessageBox, "information", lambda _p, _t, text: told.append(text)
    )
    qtbot.mouseClick(dialog.ui.prefill_button, Qt.MouseButton.LeftButton)
    assert told == [
        "Đã thêm 40 xã, phường, đặc khu của Thành phố Huế vào danh mục cơ quan, đơn vị."
    ]
    assert dialog.model.rowCount() == 40
