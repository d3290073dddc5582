"""The tray icon: the day's counts in its tooltip, a small menu, and closing to the tray.

SalesDesk can run in the tray all day so reminders still fire with the window closed.
Closing the window hides it when a tray exists (the first time, a message says where it
went); Quit in the tray menu really quits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

if TYPE_CHECKING:
    from salesdesk.core.today import TodayCounts

#: The tooltip's counts are read again this often (and whenever a reminder fires).
COUNTS_REFRESH_MS = 5 * 60 * 1000


def counts_text(counts: TodayCounts) -> str:
    """ "Overdue 2 · Today 5 · This week 9" in the installed language."""
    return QCoreApplication.translate("Tray", "Overdue {0} · Today {1} · This week {2}").format(
        counts.overdue, counts.today, counts.week
    )


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class TrayIcon(QObject):
    """The icon, its menu and tooltip. ``counts`` reads the day's counts (TodayService)."""

    openRequested = Signal()
    todayRequested = Signal()
    quitRequested = Signal()

    def __init__(
        self,
        icon: QIcon,
        counts: Callable[[], TodayCounts],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._counts = counts
        self.icon = QSystemTrayIcon(icon, self)
        self.menu = QMenu()
        self.open_action = QAction(self.tr("Open SalesDesk"), self.menu)
        self.open_action.triggered.connect(self.openRequested)
        self.today_action = QAction(self.tr("Today"), self.menu)
        self.today_action.triggered.connect(self.todayRequested)
        self.quit_action = QAction(self.tr("Quit"), self.menu)
        self.quit_action.triggered.connect(self.quitRequested)
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.today_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self.tooltip = "SalesDesk"

    def show(self) -> None:
        self.refresh()
        self.icon.show()
        self._timer.start(COUNTS_REFRESH_MS)

    def hide(self) -> None:
        self._timer.stop()
        self.icon.hide()

    def is_shown(self) -> bool:
        return self.icon.isVisible()

    def show_message(self, title: str, body: str) -> None:
        self.icon.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 10000)

    def refresh(self, *_: object) -> None:
        """Read the counts again into the tooltip."""
        try:
            line = counts_text(self._counts())
        except Exception:  # a locked file: keep the last counts, try again later
            return
        self.tooltip = f"SalesDesk\n{line}"
        self.icon.setToolTip(self.tooltip)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.openRequested.emit()

    def retranslate(self) -> None:
        self.open_action.setText(self.tr("Open SalesDesk"))
        self.today_action.setText(self.tr("Today"))
        self.quit_action.setText(self.tr("Quit"))
        self.refresh()


class TrayLike(Protocol):
    def is_shown(self) -> bool: ...

    def show_message(self, title: str, body: str) -> None: ...


class CloseToTray(QObject):
    """Watches the main window: closing it hides it to the tray instead of quitting.

    ``enabled`` is asked at each close (the setting may change); ``hint_shown`` /
    ``hint_done`` keep the one-time message from showing twice.
    """

    def __init__(
        self,
        tray: TrayLike,
        enabled: Callable[[], bool],
        hint_shown: Callable[[], bool],
        hint_done: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tray = tray
        self._enabled = enabled
        self._hint_shown = hint_shown
        self._hint_done = hint_done
        self._window: QWidget | None = None
        self.quitting = False

    def watch(self, window: QWidget) -> None:
        if self._window is not None:
            self._window.removeEventFilter(self)
        self._window = window
        window.installEventFilter(self)

    def unwatch(self, window: QWidget) -> None:
        if self._window is window:
            window.removeEventFilter(self)
            self._window = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._window:
            return False
        app = QApplication.instance()
        if event.type() == QEvent.Type.Show and isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(True)
        elif (
            event.type() == QEvent.Type.Close
            and not self.quitting
            and self._enabled()
            and self._tray.is_shown()
            and isinstance(watched, QWidget)
        ):
            event.ignore()
            if isinstance(app, QApplication):
                # A message box closed while the window is away must not end the app.
                app.setQuitOnLastWindowClosed(False)
            watched.hide()
            if not self._hint_shown():
                self._tray.show_message(
                    "SalesDesk",
                    self.tr(
                        "SalesDesk keeps running in the tray so reminders still reach you. "
                        "Quit it from the tray icon's menu."
                    ),
                )
                self._hint_done()
            return True
        return False
