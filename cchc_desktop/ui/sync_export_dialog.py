"""The "Xuất dữ liệu ra USB" dialog: choose a drive or folder and a peer; bundles on a worker."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStorageInfo, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from cchc_desktop import formatting
from cchc_desktop.context import AppContext
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.workers import Worker
from cchc_desktop.services.startup import worker_connection
from cchc_desktop.store.wording import level_words_of
from cchc_desktop.sync import sites
from cchc_desktop.sync.export import ExportedBundle, export_bundles
from cchc_desktop.sync.network import ROLE_NAMES, network_info, role_name
from cchc_desktop.ui.forms.ui_sync_export_dialog import Ui_SyncExportDialog
from cchc_desktop.ui.job_progress import attach_progress_dialog, failure_text, show_status

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)

ALL_PEERS = ""  # the peer combo's "every PC this one sends to"


@dataclass(frozen=True, slots=True)
class Peer:
    """A PC this one exchanges bundles with."""

    site_id: str
    role: str
    unit_name: str
    pc_name: str

    def label(self) -> str:
        role = ROLE_NAMES.get(self.role, self.role)
        unit = self.unit_name or f"Máy {role}"
        return f"{unit} – {self.pc_name}" if self.pc_name else unit


def list_peers(db: Database) -> list[Peer]:
    """Enrolled, not revoked PCs other than this one: a commune PC sees only its district."""
    return [Peer(*row) for row in sites.peer_rows(db)]


def export_job(
    db_path: Path,
    to_dir: Path,
    peer: str | None,
    *,
    progress: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> list[ExportedBundle]:
    """Worker body: export on the worker's own connection (sqlite3 connections are per thread)."""
    with worker_connection(db_path) as db:
        return export_bundles(db, to_dir, peer, percent_progress(progress), cancelled)


def percent_progress(progress: Callable[[int], None]) -> Callable[[int, int], None]:
    """Adapt the sync core's (done, total) callback to the Worker's percent signal."""

    def report(done: int, total: int) -> None:
        progress(min(100, done * 100 // total) if total > 0 else 0)

    return report


def _drive_label(volume: QStorageInfo) -> str:
    free = volume.bytesAvailable() / 1_000_000_000
    name = volume.displayName() or volume.rootPath()
    root = volume.rootPath()
    text = name if name == root else f"{name} ({root})"
    return f"{text} – còn trống {formatting.number(free, decimals=1)} GB"


class SyncExportDialog(QDialog):
    """Write sync bundles for one peer (or all) into a USB drive or a shared folder.

    The export runs on a Worker with its own database connection behind a cancellable progress
    dialog; each bundle written is listed with the clerk's message (what it holds, "Safely
    Remove"). Refusals (no network yet, the USB pulled out, disk full) are shown in Vietnamese.

    Signals:
        exported(list): the paths of the bundles just written.
    """

    exported = Signal(list)

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self.ui = Ui_SyncExportDialog()
        self.ui.setupUi(self)
        self._worker: Worker | None = None
        self.written: list[ExportedBundle] = []
        self._peers: list[Peer] = []
        close = self.ui.button_box.button(QDialogButtonBox.StandardButton.Close)
        close.setText("Đó&ng")
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.refresh_button.clicked.connect(self.refresh_drives)
        self.ui.drive_combo.activated.connect(self._on_drive_chosen)
        self.ui.browse_button.clicked.connect(self._browse)
        self.ui.folder_edit.textChanged.connect(self._update_controls)
        self.ui.export_button.clicked.connect(self.export)
        self._has_network = self._describe_network()
        self._fill_peers()
        self.refresh_drives()
        self._update_controls()

    # ------------------------------------------------------------------ public API

    @classmethod
    def ask(
        cls, ctx: AppContext, ops: Operations, parent: QWidget | None = None
    ) -> list[Path] | None:
        """Show the dialog modally; return the bundles written, or None when nothing was."""
        dialog = cls(ctx, ops, parent)
        try:
            dialog.exec()
            return [b.path for b in dialog.written] or None
        finally:
            dialog.deleteLater()

    def set_folder(self, folder: Path) -> None:
        self.ui.folder_edit.setText(str(folder))

    def folder(self) -> Path | None:
        text = self.ui.folder_edit.text().strip()
        return Path(text) if text else None

    def peer(self) -> str | None:
        """The chosen peer's site id, or None for every peer."""
        data = self.ui.peer_combo.currentData()
        return str(data) if data else None

    def is_busy(self) -> bool:
        return self._worker is not None

    def refresh_drives(self) -> None:
        """List the writable drives (USB sticks show up here once plugged in)."""
        combo = self.ui.drive_combo
        combo.clear()
        combo.addItem("– Chọn ổ đĩa –", "")
        for volume in QStorageInfo.mountedVolumes():
            if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
                continue
            if volume.isRoot():
                continue  # the system drive is never the USB stick
            combo.addItem(_drive_label(volume), volume.rootPath())

    def export(self) -> None:
        """Write the bundles on a worker; the result list shows what was written."""
        folder = self.folder()
        if folder is None or self._worker is not None:
            return
        worker = Worker(export_job, self._ctx.db_path, folder, self.peer())
        attach_progress_dialog(worker, self, title="Xuất dữ liệu", text="Đang ghi gói dữ liệu…")
        worker.signals.result.connect(self._on_result)
        worker.signals.error.connect(self._on_error)
        worker.signals.finished.connect(self._on_finished)
        self._worker = worker
        self._status("Đang ghi gói dữ liệu…")
        self._update_controls()
        worker.start()

    # ------------------------------------------------------------------ slots

    def _on_result(self, bundles: list[ExportedBundle]) -> None:
        self.written.extend(bundles)
        for bundle in bundles:
            names = {p.site_id: p.label() for p in self._peers}
            recipient = names.get(bundle.recipient, bundle.recipient)
            self.ui.result_list.addItem(f"Gửi {recipient}: {bundle.message()}")
        if bundles:
            self._status(f"Đã ghi {len(bundles)} gói vào {self.folder()}.")
        else:
            self._status("Không có máy nào để gửi.")
        self.exported.emit([b.path for b in bundles])

    def _on_error(self, exc: object) -> None:
        if self._worker is not None and self._worker.is_cancelled():
            self._status("Đã huỷ xuất dữ liệu; không có gói nào được ghi.")
            return
        self._fail(failure_text(exc, "Không xuất được dữ liệu"))

    def _on_finished(self) -> None:
        self._worker = None
        self._update_controls()

    def _on_drive_chosen(self, index: int) -> None:
        root = self.ui.drive_combo.itemData(index)
        if root:
            self.set_folder(Path(str(root)))

    def _browse(self) -> None:
        start = self.ui.folder_edit.text() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục ghi gói dữ liệu", start)
        if folder:
            self.set_folder(Path(folder))

    # ------------------------------------------------------------------ helpers

    def _describe_network(self) -> bool:
        info = network_info(self._ctx.db)
        site = sites.this_pc(self._ctx.db)
        role = role_name(self._ctx.db, site.role)
        if info is None:
            self._fail(
                level_words_of(self._ctx.db).say(
                    "Máy này chưa tham gia mạng đồng bộ. Máy {hub}: tạo mạng (sync"
                    " init-network); máy {unit}: gửi yêu cầu đăng ký cho {hub} rồi nhập gói đầu"
                    " tiên {hub} gửi về."
                )
            )
            self.ui.network_label.setText("")
            return False
        self.ui.network_label.setText(
            f"Mạng đồng bộ: <b>{info.name}</b> – máy này là máy {role}"
            f"{' (' + site.display_name + ')' if site.display_name else ''}."
        )
        return True

    def _fill_peers(self) -> None:
        combo = self.ui.peer_combo
        peers = list_peers(self._ctx.db) if self._has_network else []
        self._peers = peers
        if len(peers) != 1:
            combo.addItem(f"Tất cả các máy ({len(peers)} máy)", ALL_PEERS)
        for peer in peers:
            combo.addItem(peer.label(), peer.site_id)
        if self._has_network and not peers:
            self._fail("Chưa có máy nào trong mạng để gửi dữ liệu tới.")

    def _update_controls(self, *_args: object) -> None:
        busy = self._worker is not None
        ready = self._has_network and bool(self._peers)
        self.ui.export_button.setEnabled(ready and self.folder() is not None and not busy)
        for widget in (
            self.ui.drive_combo,
            self.ui.folder_edit,
            self.ui.browse_button,
            self.ui.peer_combo,
            self.ui.refresh_button,
        ):
            widget.setEnabled(not busy)

    def _status(self, text: str) -> None:
        show_status(self.ui.status_label, text)

    def _fail(self, message: str) -> None:
        show_status(self.ui.status_label, message, error=True)

    def done(self, result: int) -> None:
        if self._worker is not None:
            self._worker.cancel()
        super().done(result)
