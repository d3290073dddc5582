"""One SalesDesk per data folder: a second launch raises the running window and exits.

The running instance holds a lock file in the data folder (QLockFile: a crashed
instance's lock is recognised as stale by its dead process id) and listens on a local
socket whose name is derived from the data folder, so SalesDesks on two different
``--data-dir`` folders run side by side. A second launch on the same folder finds the lock
taken, sends ``raise`` to the socket and exits without opening the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Signal

from salesdesk.config import Paths

if TYPE_CHECKING:
    # QtNetwork is imported when used: a start-up needs only the lock before the window
    # paints, the socket comes right after (a second launch retries until it answers).
    from PySide6.QtNetwork import QLocalServer, QLocalSocket
    from PySide6.QtWidgets import QWidget

RAISE = b"raise\n"
CONNECT_TIMEOUT_MS = 500
#: A just-started first instance may hold the lock a moment before it listens.
CONNECT_ATTEMPTS = 6


def server_name(data_dir: Path) -> str:
    """The local socket's name: per user and per data folder, short enough for any OS."""
    import getpass
    import hashlib

    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name (containers): the home folder will do
        user = str(Path.home())
    digest = hashlib.sha256(f"{user}\0{data_dir.resolve()}".encode()).hexdigest()[:20]
    return f"salesdesk-{digest}"


class SingleInstance(QObject):
    """Holds the lock and the server of the running instance; ``raiseRequested`` per launch."""

    raiseRequested = Signal()

    def __init__(self, lock: QLockFile, data_dir: Path) -> None:
        super().__init__()
        self._lock = lock
        self._data_dir = data_dir
        self.server: QLocalServer | None = None

    def listen(self) -> None:
        """Answer later launches from now on (called once the window has painted)."""
        if self.server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        name = server_name(self._data_dir)
        QLocalServer.removeServer(name)  # a socket file left by a crashed instance
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        # Should listening fail, this is still the only instance (it holds the lock);
        # a second launch then finds no answer and says so.
        server.listen(name)
        self.server = server

    def is_listening(self) -> bool:
        return self.server is not None and self.server.isListening()

    def _accept(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if RAISE.strip() in data:
            socket.write(b"ok\n")
            socket.flush()
            self.raiseRequested.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self._lock.unlock()


def claim(data_dir: Path, lock_file: Path, listen: bool = True) -> SingleInstance | bool | None:
    """Become the running instance for ``data_dir``, or tell the running one to show itself.

    Returns the :class:`SingleInstance` to keep while running; True when another instance
    got the raise request (this launch should exit 0); False when another instance holds
    the folder but did not answer; None when no lock could be taken at all (a read-only
    folder: the start-up checks explain that). With ``listen`` False the caller starts
    answering later launches itself (:meth:`SingleInstance.listen`).
    """
    lock = QLockFile(str(lock_file))
    lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
    if lock.tryLock(0):
        instance = SingleInstance(lock, data_dir)
        if listen:
            instance.listen()
        return instance
    if lock.error() != QLockFile.LockError.LockFailedError:
        return None  # could not even create the lock file
    return ask_running_instance(server_name(data_dir))


def ask_running_instance(name: str) -> bool:
    """Send ``raise`` to the instance listening on ``name``; True when it answered."""
    from PySide6.QtNetwork import QLocalSocket

    for _ in range(CONNECT_ATTEMPTS):
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(CONNECT_TIMEOUT_MS):
            socket.write(RAISE)
            socket.flush()
            socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
            answered = socket.waitForReadyRead(2000) and b"ok" in bytes(socket.readAll().data())
            socket.disconnectFromServer()
            return answered
        socket.abort()
        _sleep_ms(200)  # not listening yet (it is starting up): try again shortly
    return False


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` (from the tray, minimised or behind others) and give it the focus."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def claim_or_exit(paths: Paths) -> SingleInstance | int | None:
    """For ``start_gui``: the running instance's claim, or the exit code of this launch.

    0 when the running SalesDesk was asked to come to the front; 1 (after saying so) when
    it holds the data folder but does not answer. None: no lock possible, carry on.
    """
    result = claim(paths.data_dir, paths.instance_lock, listen=False)
    if result is True:
        return 0
    if result is False:
        from PySide6.QtWidgets import QMessageBox

        from salesdesk import APP_NAME

        QMessageBox.warning(
            None,
            APP_NAME,
            QCoreApplication.translate(
                "Startup",
                "SalesDesk is already running on this data folder but does not respond. "
                "Wait a moment and try again, or end the other SalesDesk first.\n\n{0}",
            ).format(str(paths.data_dir)),
        )
        return 1
    return result


def _sleep_ms(ms: int) -> None:
    from PySide6.QtCore import QThread

    QThread.msleep(ms)
