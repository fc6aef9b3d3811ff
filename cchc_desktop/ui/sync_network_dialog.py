"""“Mạng đồng bộ và đăng ký máy”: this PC's identity, the network, its PCs and enrolment steps."""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.context import AppContext
from cchc_desktop.domain.text import clean, fold
from cchc_desktop.errors import CchcError, ValidationError
from cchc_desktop.qt.operations import Operations
from cchc_desktop.services import settings_service
from cchc_desktop.store.changes import Changes
from cchc_desktop.store.wording import level_words_of
from cchc_desktop.sync import sites
from cchc_desktop.sync.network import (
    MIN_PASSWORD,
    ROLE_NAMES,
    EnrolResult,
    NetworkInfo,
    enrol,
    enrol_request,
    init_network,
    network_info,
    read_enrol_request,
    restore_root_key,
    revoke_site,
    role_name,
    site_fingerprint,
)
from cchc_desktop.sync.network import backup_root_key as write_root_key_backup
from cchc_desktop.ui.forms.ui_sync_network_dialog import Ui_SyncNetworkDialog

REQUEST_FILTER = "Yêu cầu đăng ký (*.json);;Mọi tệp (*)"
BACKUP_FILTER = "Sao lưu khoá gốc (*.hckey);;Mọi tệp (*)"
COL_NAME, COL_UNIT, COL_ROLE, COL_FINGERPRINT, COL_STATE = range(5)
ERROR_STYLE = "color: #c62828;"
_SITE_ROLE = Qt.ItemDataRole.UserRole


def file_slug(name: str) -> str:
    """An ASCII file-name part from a Vietnamese name: "Xã Minh Sơn" → "xa-minh-son"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(clean(name))).strip("-") or "may"


def check_new_password(first: str, second: str) -> str:
    """The password typed twice for a backup, or a ValidationError saying what is wrong."""
    if not first:
        raise ValidationError("Chưa nhập mật khẩu.")
    if first != second:
        raise ValidationError("Hai lần nhập mật khẩu không giống nhau; hãy nhập lại.")
    if len(first) < MIN_PASSWORD:
        raise ValidationError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")
    return first


# ---------------------------------------------------------------------- questions (tests patch)


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """One line of text, or None when the clerk cancels."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None


def ask_open_file(parent: QWidget, title: str, file_filter: str) -> Path | None:
    name, _chosen = QFileDialog.getOpenFileName(parent, title, str(Path.home()), file_filter)
    return Path(name) if name else None


def ask_save_file(parent: QWidget, title: str, suggested: Path, file_filter: str) -> Path | None:
    name, _chosen = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(name) if name else None


def ask_confirm(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question whose default answer is no."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_new_password(parent: QWidget) -> tuple[str, str] | None:
    """The backup password typed twice, or None when the clerk cancels."""
    dialog = PasswordDialog(parent, repeat=True)
    try:
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_password(parent: QWidget) -> str | None:
    """The password of a backup file, or None when the clerk cancels."""
    dialog = PasswordDialog(parent, repeat=False)
    try:
        return dialog.values()[0] if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class PasswordDialog(QDialog):
    """Ask for the root-key backup password (twice when a new backup is written)."""

    def __init__(self, parent: QWidget | None = None, *, repeat: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mật khẩu tệp sao lưu khoá gốc")
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Đặt mật khẩu cho tệp sao lưu (ít nhất {MIN_PASSWORD} ký tự). Ghi mật khẩu ra giấy,"
            " cất riêng với USB: quên mật khẩu thì không khôi phục được khoá gốc."
            if repeat
            else "Nhập mật khẩu đã đặt khi sao lưu khoá gốc."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.first_edit = QLineEdit()
        self.first_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("&Mật khẩu:", self.first_edit)
        self.second_edit = QLineEdit()
        self.second_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if repeat:
            form.addRow("&Nhập lại mật khẩu:", self.second_edit)
        else:
            self.second_edit.hide()
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Đồng ý")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Huỷ")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._repeat = repeat
        self.setMinimumWidth(420)

    def values(self) -> tuple[str, str]:
        first = self.first_edit.text()
        return first, self.second_edit.text() if self._repeat else first


# ---------------------------------------------------------------------- the dialog


class SyncNetworkDialog(QDialog):
    """This PC's role, unit, site id and fingerprint; the network and its PCs; enrolment.

    Which steps are offered depends on the situation: a district PC without a network creates
    one (or restores the root key on a replacement PC); a commune PC not yet certified writes
    its enrolment request; the district PC registers communes from their request files,
    revokes PCs and backs up its root key. None of these return Changes, so after a step that
    wrote to the database `ops.reset` is emitted. A refusal shows the core's Vietnamese message
    in the dialog and changes nothing.

    Attributes:
        changed: something was written while the dialog was open.
    """

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self.changed = False
        self.rows: list[sites.SiteRow] = []
        self.ui = Ui_SyncNetworkDialog()
        self.ui.setupUi(self)
        ui = self.ui
        close = ui.button_box.button(QDialogButtonBox.StandardButton.Close)
        close.setText("Đó&ng")
        ui.button_box.rejected.connect(self.reject)
        for label in (ui.fingerprint_label, ui.root_label):
            font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            font.setPointSizeF(max(font.pointSizeF(), self.font().pointSizeF()) * 1.5)
            font.setWeight(QFont.Weight.Bold)
            label.setFont(font)
        table = ui.sites_table
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_UNIT, QHeaderView.ResizeMode.Stretch)
        metrics = table.fontMetrics()
        widest = {
            COL_ROLE: ("Vai trò", *ROLE_NAMES.values()),
            COL_FINGERPRINT: ("Vân tay", "WWWWW-WWWWW-WWWWW-WWWWW-WWWWW"),
            COL_STATE: ("Tình trạng", sites.ACTIVE, sites.REVOKED, sites.NOT_CERTIFIED),
        }
        for column, texts in widest.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, max(metrics.horizontalAdvance(t) for t in texts) + 24)
        ui.create_network_button.clicked.connect(self.create_network)
        ui.request_button.clicked.connect(self.write_request)
        ui.enrol_button.clicked.connect(self.enrol_from_file)
        ui.revoke_button.clicked.connect(self.revoke_selected)
        ui.backup_button.clicked.connect(self.backup_root_key)
        ui.restore_button.clicked.connect(self.restore_root_key)
        table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()
        self._status(self._hint())
        if ctx.read_only:
            self._fail_plain(
                "Cơ sở dữ liệu đang mở chỉ để đọc: chỉ xem được, không tạo mạng, đăng ký hay thu"
                " hồi máy được."
            )

    # ------------------------------------------------------------------ public API

    @classmethod
    def ask(cls, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> bool:
        """Show the dialog modally; whether anything was written."""
        dialog = cls(ctx, ops, parent)
        try:
            dialog.exec()
            return dialog.changed
        finally:
            dialog.deleteLater()

    @property
    def info(self) -> NetworkInfo | None:
        return network_info(self._ctx.db)

    def reload(self) -> None:
        """Read this PC, the network and its PCs again and offer the steps that fit."""
        db = self._ctx.db
        ui = self.ui
        site = sites.this_pc(db)
        info = network_info(db)
        self.rows = sites.site_rows(db)
        ui.role_label.setText(f"Máy của {role_name(db, site.role)}")
        ui.unit_label.setText(self._unit_text())
        ui.site_label.setText(site.site_id)
        ui.fingerprint_label.setText(self._own_fingerprint())
        if info is None:
            ui.network_label.setText("Máy này chưa tham gia mạng đồng bộ.")
            ui.root_label.setText("–")
        else:
            ui.network_label.setText(info.name)
            ui.root_label.setText(info.root_fp)
        table = ui.sites_table
        selected = self.selected_site()
        table.setRowCount(len(self.rows))
        for row, site_row in enumerate(self.rows):
            name = site_row.pc_name + (" (máy này)" if site_row.is_self else "")
            cells = (
                name,
                site_row.unit_name,
                site_row.role_label,
                site_row.fingerprint,
                site_row.state,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_SITE_ROLE, site_row.site_id)
                item.setToolTip(f"Mã máy {site_row.site_id}")
                table.setItem(row, column, item)
            if site_row.site_id == selected:
                table.selectRow(row)
        self._update_buttons()

    def selected_site(self) -> str | None:
        items = self.ui.sites_table.selectedItems()
        return str(items[0].data(_SITE_ROLE)) if items else None

    def select_site(self, site_id: str) -> None:
        for row, site_row in enumerate(self.rows):
            if site_row.site_id == site_id:
                self.ui.sites_table.selectRow(row)
                return

    # ------------------------------------------------------------------ the district

    def create_network(self) -> None:
        """Ask for the network's name (the district's) and create the network and root key."""
        name = ask_text(
            self,
            "Tạo mạng đồng bộ",
            level_words_of(self._ctx.db).say("Tên mạng đồng bộ (thường là tên {hub}):"),
            self._suggested_network_name(),
        )
        if name is None:
            return
        try:
            root_fp = init_network(self._ctx.db, name)
        except CchcError as exc:
            self._fail(str(exc))
            return
        self._written()
        self._status(
            f"Đã tạo mạng đồng bộ “{html.escape(clean(name))}”. Vân tay khoá gốc:"
            f" <b>{root_fp}</b> (ghi vào công văn gửi các xã). Hãy sao lưu khoá gốc ra USB"
            " ngay (Sao lưu khoá gốc ra USB…) và cất giữ cẩn thận."
        )

    def enrol_from_file(self) -> None:
        """Register a commune PC from its request file after the clerk compares fingerprints."""
        path = ask_open_file(self, "Chọn tệp yêu cầu đăng ký của máy xã", REQUEST_FILTER)
        if path is None:
            return
        try:
            request = read_enrol_request(path)
        except CchcError as exc:
            self._fail(str(exc))
            return
        question = (
            f"Yêu cầu đăng ký của: {request.unit_name}\n"
            f"Tên máy: {request.pc_name or '(không có)'}\n"
            f"Mã máy: {request.site_id}\n\n"
            f"Vân tay: {request.fingerprint}\n\n"
            "Gọi điện cho cán bộ xã và đọc vân tay này. Vân tay trên màn hình máy xã có giống"
            " hệt không? Chỉ đăng ký khi giống hệt từng ký tự."
        )
        if not ask_confirm(self, "So vân tay với máy xã", question):
            self._status("Chưa đăng ký; không có gì thay đổi.")
            return
        done: list[EnrolResult] = []

        def write() -> Changes:
            done.append(enrol(self._ctx.db, path, author=self._ctx.author))
            return done[0].changes

        try:
            self._ops.run(write)  # a new commune joins the organisation: the views hear of it
            result = done[0]
        except CchcError as exc:
            self._fail(str(exc))
            return
        if result.already_enrolled:
            self.reload()
            self.select_site(result.site_id)
            self._status(
                f"Máy {result.pc_name} của {result.unit_name} đã được đăng ký trước đây"
                f" (vân tay {result.fingerprint}); không có gì thay đổi."
            )
            return
        self._written()
        self.select_site(result.site_id)
        added = (
            f" Đã thêm “{result.unit_name}” vào danh sách cơ quan, đơn vị."
            if result.new_agency
            else ""
        )
        self._status(
            f"Đã đăng ký máy {html.escape(result.pc_name)} của {html.escape(result.unit_name)};"
            f" vân tay <b>{result.fingerprint}</b>.{html.escape(added)} Chứng nhận sẽ được gửi"
            " kèm gói dữ liệu đầu tiên cho máy này (Xuất dữ liệu ra USB)."
        )

    def revoke_selected(self) -> None:
        """Revoke the selected PC after a confirmation; its later changes are set aside."""
        site_id = self.selected_site()
        row = next((r for r in self.rows if r.site_id == site_id), None)
        if row is None:
            return
        label = f"{row.pc_name} ({row.unit_name})" if row.unit_name else row.pc_name
        question = f"Thu hồi máy {label}, mã máy {row.site_id}?\n\n" + level_words_of(
            self._ctx.db
        ).say(
            "Những thay đổi máy này làm sau các thay đổi {hub} đã nhận sẽ bị giữ lại, không"
            " được áp dụng. Chỉ thu hồi máy bị mất, hỏng hoặc không còn dùng. Không thể"
            " hoàn tác."
        )
        if not ask_confirm(self, "Thu hồi máy", question):
            return
        try:
            kept = revoke_site(self._ctx.db, row.site_id)
        except CchcError as exc:
            self._fail(str(exc))
            return
        self._written()
        self._status(
            f"Đã thu hồi máy {html.escape(label)}; giữ các thay đổi của máy đến số {kept}."
            " Các máy khác biết việc thu hồi qua gói dữ liệu tiếp theo."
        )

    def backup_root_key(self) -> None:
        """Write the root key, encrypted with a password typed twice, to a file (a USB stick)."""
        info = self.info
        code = info.district_code.lower() if info is not None else "cchc"
        path = ask_save_file(
            self,
            "Sao lưu khoá gốc ra USB",
            Path.home() / f"khoa-goc-{code}.hckey",
            BACKUP_FILTER,
        )
        if path is None:
            return
        passwords = ask_new_password(self)
        if passwords is None:
            return
        try:
            password = check_new_password(*passwords)
            written = write_root_key_backup(self._ctx.db, path, password)
        except CchcError as exc:
            self._fail(str(exc))
            return
        self._status(
            f"Đã sao lưu khoá gốc vào {html.escape(str(written))}. Rút USB an toàn (Safely"
            " Remove), cất USB ở nơi an toàn và ghi nhớ mật khẩu."
        )

    def restore_root_key(self) -> None:
        """Load the root key from its backup (on a replacement district PC)."""
        path = ask_open_file(self, "Chọn tệp sao lưu khoá gốc", BACKUP_FILTER)
        if path is None:
            return
        password = ask_password(self)
        if password is None:
            return
        had_network = self.info is not None
        try:
            root_fp = restore_root_key(self._ctx.db, path, password)
        except CchcError as exc:
            self._fail(str(exc))
            return
        if had_network:
            self.reload()
        else:
            self._written()
        self._status(f"Đã khôi phục khoá gốc; vân tay khoá gốc <b>{root_fp}</b>.")

    # ------------------------------------------------------------------ a commune PC

    def write_request(self) -> None:
        """Ask for the commune's name and a file, write the request, show the fingerprint."""
        unit = ask_text(
            self,
            "Tạo tệp yêu cầu đăng ký",
            "Tên xã, phường, thị trấn của máy này:",
            self._requested_unit(),
        )
        if unit is None:
            return
        if not clean(unit):
            self._fail("Tên xã (đơn vị) không được để trống.")
            return
        path = ask_save_file(
            self,
            "Lưu tệp yêu cầu đăng ký",
            Path.home() / f"yeu-cau-dang-ky-{file_slug(unit)}.json",
            REQUEST_FILTER,
        )
        if path is None:
            return
        try:
            request = enrol_request(self._ctx.db, unit, path)
        except CchcError as exc:
            self._fail(str(exc))
            return
        self._written()
        self._status(
            f"Đã ghi yêu cầu đăng ký vào {html.escape(str(path))}. "
            + level_words_of(self._ctx.db).say(
                "Mang tệp này lên {hub}. Khi {hub} đăng ký, đọc cho cán bộ {hub} vân tay hiện ở"
                " mục “Vân tay máy”:"
            )
            + f" <b>{request.fingerprint}</b>."
        )

    # ------------------------------------------------------------------ helpers

    def _own_fingerprint(self) -> str:
        if self._ctx.read_only:
            # Creating the site key on first use writes a file; a read-only copy only reads it.
            return sites.stored_fingerprint(self._ctx.db) or "–"
        try:
            return site_fingerprint(self._ctx.db)
        except (CchcError, OSError):
            return "–"

    def _unit_text(self) -> str:
        db = self._ctx.db
        site = sites.this_pc(db)
        name = sites.unit_name(db)
        if name:
            return name
        requested = self._requested_unit()
        if requested:
            return level_words_of(self._ctx.db).say(
                f"{requested} (đã gửi yêu cầu đăng ký, chờ {{hub}} đăng ký)"
            )
        if site.role == "district":
            district = self._district_agency()
            if district:
                return district
        return "Chưa xác định"

    def _hint(self) -> str:
        """What to do next on this PC, before anything was done in the dialog."""
        site = sites.this_pc(self._ctx.db)
        if self.info is not None:
            return ""
        if site.role == "district":
            return level_words_of(self._ctx.db).say(
                "Máy của {hub}: bấm “Tạo mạng đồng bộ…” (làm một lần). Máy {hub} thay thế máy"
                " hỏng: bấm “Khôi phục khoá gốc…” và chọn tệp sao lưu khoá gốc."
            )
        if self._requested_unit():
            return level_words_of(self._ctx.db).say(
                "Đã tạo yêu cầu đăng ký. Khi {hub} đã đăng ký máy này, nhập gói dữ liệu đầu"
                " tiên {hub} gửi về (Đồng bộ → Nhập dữ liệu từ USB) để tham gia mạng."
            )
        return level_words_of(self._ctx.db).say(
            "Máy của {unit}: bấm “Tạo tệp yêu cầu đăng ký…” rồi mang tệp lên {hub}."
        )

    def _requested_unit(self) -> str:
        return sites.requested_unit(self._ctx.db)

    def _district_agency(self) -> str:
        return sites.district_name(self._ctx.db)

    def _suggested_network_name(self) -> str:
        """The office's province (its district before 2025): bundle names are made from it."""
        try:
            office = settings_service.load_office_settings(self._ctx.db)
        except CchcError:
            office = None
        if office is not None:
            name = office.unit if office.level == "district" else office.province
            if name:
                return name
        name = self._district_agency()
        return re.sub(r"^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+", "", name, flags=re.I)

    def _certified(self) -> bool:
        site = sites.this_pc(self._ctx.db)
        return any(r.site_id == site.site_id and r.certified for r in self.rows)

    def _has_data(self) -> bool:
        return sites.has_changes(self._ctx.db)

    def _update_buttons(self) -> None:
        ui = self.ui
        site = sites.this_pc(self._ctx.db)
        info = self.info
        district = site.role == "district"
        has_root = info is not None and district
        offers: dict[QWidget, bool] = {
            ui.create_network_button: district and info is None,
            # A new, empty database may still become a commune PC (as on the command line).
            ui.request_button: info is None
            and not self._certified()
            and (site.role == "commune" or not self._has_data()),
            ui.enrol_button: has_root,
            ui.revoke_button: has_root,
            ui.backup_button: has_root,
            ui.restore_button: district,
        }
        writable = not self._ctx.read_only
        for button, shown in offers.items():
            button.setVisible(shown)
            button.setEnabled(shown and writable)
        selected = self.selected_site()
        row = next((r for r in self.rows if r.site_id == selected), None)
        ui.revoke_button.setEnabled(
            has_root and writable and row is not None and not row.is_self and not row.revoked
        )

    def _written(self) -> None:
        self.changed = True
        self.reload()
        self._ops.reset.emit()

    def _status(self, text: str) -> None:
        self.ui.status_label.setStyleSheet("")
        self.ui.status_label.setText(text)

    def _fail_plain(self, message: str) -> None:
        self.ui.status_label.setStyleSheet(ERROR_STYLE)
        self.ui.status_label.setText(html.escape(message))

    def _fail(self, message: str) -> None:
        self.ui.status_label.setStyleSheet(ERROR_STYLE)
        self.ui.status_label.setText(
            f"<b>{html.escape(message)}</b><br>Không có gì thay đổi trong cơ sở dữ liệu."
        )
