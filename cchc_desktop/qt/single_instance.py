"""One running instance per database: a second start brings the first window forward.

Use in app.py, after the QApplication exists and before the database is opened::

    instance = SingleInstance(db_path)
    status = instance.start()
    if status is InstanceStatus.FORWARDED:
        return 0                                  # the running window came forward
    if status is not InstanceStatus.PRIMARY:
        QMessageBox.warning(None, "CCHC Desktop", instance.message)
        return 1
    instance.activation_requested.connect(lambda: raise_window(window))
    app.aboutToQuit.connect(instance.close)

On one PC, a QLockFile in the temporary folder decides which process is first and a
QLocalServer named after the database receives "activate" from later starts. Across PCs (a
database in a network folder) the lock file beside the database (store.integrity.DatabaseLock)
stops a second PC with the name of the PC that has it open.
"""

from __future__ import annotations

import enum
import hashlib
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from cchc_desktop.store.integrity import (
    LOCK_REFRESH_SECONDS,
    DatabaseLock,
    LockOwner,
    lock_message,
)

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 1000
FORWARD_ATTEMPTS = 5  # the first instance may still be starting: retry for a few seconds


class InstanceStatus(enum.Enum):
    PRIMARY = "primary"  # this process has the database: open the window
    FORWARDED = "forwarded"  # another process on this PC has it and was asked to come forward
    NOT_RESPONDING = "not_responding"  # another process on this PC has it but did not answer
    LOCKED_ELSEWHERE = "locked_elsewhere"  # another PC has it open (a network folder)


def instance_key(db_path: Path) -> str:
    """A name for the local server and lock: the same database and user give the same key.

    The user is part of the key so that two people signed in to one PC (or a terminal server)
    never bring up each other's windows.
    """
    try:
        resolved = db_path.resolve()
    except OSError:
        resolved = db_path.absolute()
    user = os.environ.get("USERNAME") or os.environ.get("USER") or ""
    raw = f"{os.path.normcase(str(resolved))}\0{user}"
    return "cchc-desktop-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def raise_window(window: QWidget) -> None:
    """Bring `window` to the front, restoring it if minimised."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def _allow_foreground_to_others() -> None:
    """Let the running instance take the foreground (Windows blocks background processes)."""
    if sys.platform == "win32":
        import ctypes

        asfw_any = -1
        ctypes.windll.user32.AllowSetForegroundWindow(asfw_any)


class SingleInstance(QObject):
    """Claims one database for this process.

    Signals:
        activation_requested: a later start of the program on the same database asked this
            instance to bring its window forward.
    """

    activation_requested = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.key = instance_key(db_path)
        self._local_lock = QLockFile(QDir(QDir.tempPath()).filePath(self.key + ".lock"))
        self._local_lock.setStaleLockTime(0)  # stale only when its process is gone
        self._db_lock = DatabaseLock(db_path)
        self._server: QLocalServer | None = None
        self._refresh = QTimer(self)
        self._refresh.setInterval(LOCK_REFRESH_SECONDS * 1000)
        self._refresh.timeout.connect(self._db_lock.refresh)
        self._sockets: list[QLocalSocket] = []
        self.owner_elsewhere: LockOwner | None = None
        self.status: InstanceStatus | None = None

    @property
    def message(self) -> str:
        """The clerk's message for a status other than PRIMARY/FORWARDED."""
        if self.status is InstanceStatus.LOCKED_ELSEWHERE and self.owner_elsewhere is not None:
            return lock_message(self.owner_elsewhere)
        if self.status is InstanceStatus.NOT_RESPONDING:
            return (
                "CCHC Desktop đang mở cơ sở dữ liệu này nhưng không phản hồi. Hãy chờ một lát "
                "rồi mở lại; nếu vẫn vậy, đóng chương trình đang chạy (Ctrl+Shift+Esc → Task "
                "Manager) rồi mở lại."
            )
        return ""

    def start(self) -> InstanceStatus:
        """Claim the database, or hand over to the instance that has it."""
        if not self._local_lock.tryLock(0):
            self.status = self._forward()
            return self.status
        elsewhere = self._db_lock.acquire()
        if elsewhere is not None:
            self._local_lock.unlock()
            self.owner_elsewhere = elsewhere
            self.status = InstanceStatus.LOCKED_ELSEWHERE
            return self.status
        self._listen()
        self._refresh.start()
        self.status = InstanceStatus.PRIMARY
        return self.status

    def close(self) -> None:
        """Give the database up (on quit): stop listening, remove both locks."""
        self._refresh.stop()
        if self._server is not None:
            self._server.close()
            self._server = None
        for socket in self._sockets:
            socket.abort()
        self._sockets.clear()
        if self.status is InstanceStatus.PRIMARY:
            self._db_lock.release()
            self._local_lock.unlock()
        self.status = None

    # ------------------------------------------------------------ internals

    def _forward(self) -> InstanceStatus:
        _allow_foreground_to_others()
        for attempt in range(FORWARD_ATTEMPTS):
            socket = QLocalSocket()
            socket.connectToServer(self.key)
            if socket.waitForConnected(CONNECT_TIMEOUT_MS):
                socket.write(ACTIVATE)
                delivered = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
                socket.disconnectFromServer()
                if delivered:
                    return InstanceStatus.FORWARDED
            log.info("Instance %s not answering (attempt %d)", self.key, attempt + 1)
            time.sleep(0.3)
        return InstanceStatus.NOT_RESPONDING

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # A crashed instance can leave its socket file behind on Linux; we hold the local lock,
        # so no live instance owns that name.
        QLocalServer.removeServer(self.key)
        if not server.listen(self.key):
            log.warning("Cannot listen on %s: %s", self.key, server.errorString())
            return
        server.newConnection.connect(self._on_server_new_connection)
        self._server = server

    def _on_server_new_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._sockets.append(socket)
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._on_socket_disconnected(s))
            if socket.bytesAvailable():
                self._on_socket_ready_read(socket)

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            line = bytes(socket.readLine().data())
            if line == ACTIVATE:
                self.activation_requested.emit()

    def _on_socket_disconnected(self, socket: QLocalSocket) -> None:
        self._on_socket_ready_read(socket)  # a short-lived client may be gone before readyRead
        if socket in self._sockets:
            self._sockets.remove(socket)
        socket.deleteLater()
