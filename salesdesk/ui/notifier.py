"""Telling the rep: the notification texts, and one small adapter per way of showing them.

- :class:`DesktopNotifierBackend`: native notifications through the desktop-notifier
  library (org.freedesktop.Notifications on Linux), driven from an asyncio loop in a
  background thread; clicks come back to the Qt thread through a signal.
- :class:`TrayNotifier`: the tray icon's messages, the platform's way on Windows and macOS.
- :class:`BannerNotifier`: a banner at the top of the main window, when nothing else exists.

:func:`choose_notifier` picks one once, at start; its name is shown in the settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
import platform
import threading
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.ui.prospect_model import format_datetime

if TYPE_CHECKING:
    from salesdesk.core.reminders import Reminder

log = logging.getLogger(__name__)

NOTIFICATIONS_SERVICE = "org.freedesktop.Notifications"
#: More than this many reminders at the same minute are shown as one grouped notification.
MAX_SEPARATE = 3
#: Lines of a grouped notification that name a reminder before "…and N more".
GROUP_LINES = 3

OnClick = Callable[[], None] | None


# -- texts ------------------------------------------------------------------------------
def _days_left(reminder: Reminder) -> int:
    if reminder.due_at is None:
        return 0
    return max(1, round((reminder.due_at - reminder.at) / timedelta(days=1)))


def reminder_message(reminder: Reminder, silence_days: int) -> tuple[str, str]:
    """Title and body of the notification for one reminder (in the installed language)."""
    source, moment = str(reminder.source), str(reminder.moment)
    company, what = reminder.company, reminder.title
    deadline = format_datetime(reminder.due_at) if reminder.due_at else ""
    if source == "complaint":
        if moment == "snoozed":
            title = QCoreApplication.translate(
                "Reminders", "Open problem at {0}: time to get in touch"
            ).format(company)
            return title, what
        title = QCoreApplication.translate(
            "Reminders", "Open problem at {0}: no contact for %n day(s)", "", silence_days
        ).format(company)
        return title, what
    if source == "action_item":
        if moment == "check":
            days = _days_left(reminder)
            title = QCoreApplication.translate(
                "Reminders", "%n day(s) left — a friendly check?", "", days
            )
        elif moment == "snoozed":
            title = QCoreApplication.translate("Reminders", "Snoozed: {0}").format(what)
        else:
            title = QCoreApplication.translate("Reminders", "Overdue now: {0}").format(what)
            body = QCoreApplication.translate(
                "Reminders", "{0}: the deadline {1} has passed. Chase it within the hour."
            ).format(company, deadline)
            return title, body
        body = QCoreApplication.translate("Reminders", "{0} ({1}), due {2}").format(
            what, company, deadline
        )
        return title, body
    if moment == "snoozed":
        title = QCoreApplication.translate("Reminders", "Snoozed follow-up due: {0}")
    elif moment == "overdue":
        title = QCoreApplication.translate("Reminders", "Follow-up overdue: {0}")
    else:
        title = QCoreApplication.translate("Reminders", "Follow-up due: {0}")
    return title.format(company), what


def _group_line(reminder: Reminder, silence_days: int) -> str:
    """One reminder in a grouped notification: its title, or for a check, what and who."""
    if str(reminder.source) == "action_item" and str(reminder.moment) == "check":
        return QCoreApplication.translate("Reminders", "Friendly check: {0} ({1})").format(
            reminder.title, reminder.company
        )
    return reminder_message(reminder, silence_days)[0]


def grouped_message(
    reminders: Sequence[Reminder], missed: bool, silence_days: int
) -> tuple[str, str]:
    """One notification for many reminders: a count, the first few, and how many more."""
    n = len(reminders)
    if missed:
        title = QCoreApplication.translate(
            "Reminders", "%n reminder(s) while SalesDesk was closed or asleep", "", n
        )
    else:
        title = QCoreApplication.translate("Reminders", "%n reminder(s) due now", "", n)
    lines = [_group_line(r, silence_days) for r in reminders[:GROUP_LINES]]
    rest = n - len(lines)
    if rest > 0:
        lines.append(QCoreApplication.translate("Reminders", "…and %n more", "", rest))
    return title, "\n".join(lines)


# -- adapters ---------------------------------------------------------------------------
class Notifier(QObject):
    """One way of showing a notification; ``on_click`` runs on the Qt thread."""

    #: Could not be shown (title, body, on_click): the caller shows it another way.
    failed = Signal(str, str, object)

    kind = "none"

    @property
    def name(self) -> str:
        return QCoreApplication.translate("Notifier", "None")

    @property
    def available(self) -> bool:
        return False

    def notify(self, title: str, body: str, on_click: OnClick = None) -> None:
        self.failed.emit(title, body, on_click)

    def close(self) -> None:
        """Release what the adapter holds (threads, connections)."""


class DesktopNotifierBackend(Notifier):
    """Native notifications through desktop-notifier, from an asyncio loop in a thread."""

    kind = "desktop"
    _clicked = Signal(int)
    _finished = Signal(int, bool)

    def __init__(self, app_name: str, icon_path: str | None = None) -> None:
        super().__init__()
        from desktop_notifier import DesktopNotifier, Icon

        icon = Icon(path=Path(icon_path)) if icon_path else None
        self._notifier = DesktopNotifier(app_name=app_name, app_icon=icon)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[str, str, OnClick]] = {}
        self._on_click: dict[int, OnClick] = {}
        self._clicked.connect(self._run_click)
        self._finished.connect(self._on_finished)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="notifications", daemon=True
        )
        self._thread.start()

    @property
    def name(self) -> str:
        return QCoreApplication.translate("Notifier", "Desktop notifications")

    @property
    def available(self) -> bool:
        return self._thread.is_alive()

    def notify(self, title: str, body: str, on_click: OnClick = None) -> None:
        if not self._thread.is_alive():
            self.failed.emit(title, body, on_click)
            return
        token = next(self._ids)
        self._pending[token] = (title, body, on_click)
        self._on_click[token] = on_click
        asyncio.run_coroutine_threadsafe(self._send(token, title, body), self._loop)

    async def _send(self, token: int, title: str, body: str) -> None:
        # Runs on the notification thread; results go back to the Qt thread as signals.
        sent = False

        def dispatched() -> None:
            nonlocal sent
            sent = True

        try:
            await self._notifier.send(
                title,
                body,
                on_clicked=lambda: self._clicked.emit(token),
                on_dispatched=dispatched,
            )
        except Exception:  # desktop-notifier logs and swallows most failures itself
            log.exception("notification failed")
        self._finished.emit(token, sent)

    def _on_finished(self, token: int, sent: bool) -> None:
        title, body, on_click = self._pending.pop(token, ("", "", None))
        if not sent:
            self._on_click.pop(token, None)
            self.failed.emit(title, body, on_click)

    def _run_click(self, token: int) -> None:
        if (callback := self._on_click.get(token)) is not None:
            callback()

    @staticmethod
    async def _disconnect(bus: Any) -> None:
        bus.disconnect()
        await bus.wait_for_disconnect()

    def close(self) -> None:
        if self._thread.is_alive():
            # The D-Bus backend keeps its connection on the backend object (Linux only).
            bus = getattr(getattr(self._notifier, "_backend", None), "bus", None)
            if bus is not None:
                done = asyncio.run_coroutine_threadsafe(self._disconnect(bus), self._loop)
                with contextlib.suppress(Exception):
                    done.result(2)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(2)
        if not self._thread.is_alive() and not self._loop.is_closed():
            self._loop.close()


class TrayNotifier(Notifier):
    """Messages from the tray icon (native toasts on Windows, Notification Center on macOS)."""

    kind = "tray"

    def __init__(self, tray: QSystemTrayIcon) -> None:
        super().__init__()
        self._tray = tray
        self._on_click: OnClick = None
        tray.messageClicked.connect(self._clicked)

    @property
    def name(self) -> str:
        return QCoreApplication.translate("Notifier", "System tray messages")

    @property
    def available(self) -> bool:
        return self._tray.isVisible()

    def notify(self, title: str, body: str, on_click: OnClick = None) -> None:
        if not self._tray.isVisible():
            self.failed.emit(title, body, on_click)
            return
        self._on_click = on_click  # the tray tells only that "the" message was clicked
        self._tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 15000)

    def _clicked(self) -> None:
        if self._on_click is not None:
            self._on_click()


#: Lines of a reminder's text the banner shows.
BANNER_LINES = 2


class ReminderBanner(QFrame):
    """A strip at the top of the main window: the latest reminder, Open and Dismiss."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#reminderBanner { background: #fff4cc; border: 1px solid #e0b000;"
            " border-radius: 4px; }"
            "#reminderBanner QLabel { color: #222; }"
        )
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.more = QLabel()
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self._open)
        self.dismiss_button = QToolButton()
        self.dismiss_button.setText("×")
        self.dismiss_button.setToolTip(self.tr("Dismiss"))
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.clicked.connect(self.dismiss)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.body)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addLayout(text, 1)
        layout.addWidget(self.more)
        layout.addWidget(self.open_button)
        layout.addWidget(self.dismiss_button)
        self._queue: list[tuple[str, str, OnClick]] = []
        self.hide()

    def add(self, title: str, body: str, on_click: OnClick) -> None:
        self._queue.append((title, body, on_click))
        self._show_first()

    def messages(self) -> list[tuple[str, str]]:
        return [(t, b) for t, b, _ in self._queue]

    def _show_first(self) -> None:
        if not self._queue:
            self.hide()
            return
        title, body, on_click = self._queue[0]
        self.title.setText(title)
        # Two lines at most (the whole text on hover): a long list of what was missed
        # would push the window's bottom off a laptop screen. Open shows them all.
        lines = body.splitlines()
        shown = lines[:BANNER_LINES]
        if len(lines) > BANNER_LINES:
            shown[-1] += " …"
        self.body.setText("\n".join(shown))
        self.body.setToolTip(body if len(lines) > BANNER_LINES else "")
        self.body.setVisible(bool(body))
        self.open_button.setVisible(on_click is not None)
        more = len(self._queue) - 1
        self.more.setText(self.tr("%n more notice(s)", "", more) if more else "")
        self.show()

    def _open(self) -> None:
        on_click = self._queue[0][2] if self._queue else None
        self.dismiss()
        if on_click is not None:
            on_click()

    def dismiss(self) -> None:
        if self._queue:
            self._queue.pop(0)
        self._show_first()


class BannerNotifier(Notifier):
    """The in-app banner: used when the system offers no notification service."""

    kind = "banner"

    def __init__(self) -> None:
        super().__init__()
        self.banner: ReminderBanner | None = None
        self._queue: list[tuple[str, str, OnClick]] = []

    @property
    def name(self) -> str:
        return QCoreApplication.translate("Notifier", "Banner in the SalesDesk window")

    @property
    def available(self) -> bool:
        return True

    def attach(self, window: QWidget) -> ReminderBanner:
        """Put the banner at the top of ``window``'s central area (again after a rebuild)."""
        old = self.banner
        self.banner = ReminderBanner()
        central = window.centralWidget() if hasattr(window, "centralWidget") else window
        layout = central.layout() if central is not None else None
        if layout is not None and hasattr(layout, "insertWidget"):
            layout.insertWidget(0, self.banner)
        else:
            self.banner.setParent(window)
        # Messages not dismissed yet move to the new window's banner.
        waiting = old._queue if old is not None else self._queue
        self._queue = []
        for title, body, on_click in waiting:
            self.banner.add(title, body, on_click)
        return self.banner

    def notify(self, title: str, body: str, on_click: OnClick = None) -> None:
        if self.banner is None:
            self._queue.append((title, body, on_click))
            return
        self.banner.add(title, body, on_click)
        window = self.banner.window()
        if window.isVisible():
            QApplication.alert(window)  # taskbar attention when the window is not in front


# -- choosing ---------------------------------------------------------------------------
def session_bus_address() -> str | None:
    """The session bus desktop-notifier would use (it reads only the environment)."""
    return os.environ.get("DBUS_SESSION_BUS_ADDRESS") or None


def notification_service_on_bus(address: str | None = None) -> bool:
    """Whether something owns (or can be started for) org.freedesktop.Notifications."""
    address = address or session_bus_address()
    if not address:
        return False
    from PySide6.QtDBus import QDBusConnection

    # A named private connection to exactly the address desktop-notifier will use
    # (sessionBus() is cached for the whole process and would miss a changed address).
    name = "salesdesk-notifier-probe"
    bus = QDBusConnection.connectToBus(address, name)
    try:
        if not bus.isConnected():
            return False
        interface = bus.interface()
        if interface is None:
            return False
        registered = interface.isServiceRegistered(NOTIFICATIONS_SERVICE)
        if registered.isValid() and registered.value():
            return True
        activatable = interface.activatableServiceNames()
        return activatable.isValid() and NOTIFICATIONS_SERVICE in (activatable.value() or [])
    finally:
        QDBusConnection.disconnectFromBus(name)


def choose_kind(
    system: str, enabled: bool, has_service: Callable[[], bool], tray_available: bool
) -> str:
    """ "desktop", "tray" or "banner": the way notifications are shown on this machine."""
    if not enabled:
        return "banner"
    if system == "Linux":
        if has_service():
            return "desktop"
        return "tray" if tray_available else "banner"
    if system in ("Windows", "Darwin") and tray_available:
        return "tray"
    return "banner"


def choose_notifier(
    enabled: bool,
    tray: QSystemTrayIcon | None,
    banner: BannerNotifier,
    app_name: str,
    icon_path: str | None,
    system: str | None = None,
) -> Notifier:
    """Pick the adapter once; any failure to set one up falls back to the banner."""
    tray_ok = tray is not None and tray.isVisible()
    kind = choose_kind(system or platform.system(), enabled, notification_service_on_bus, tray_ok)
    if kind == "desktop":
        try:
            return DesktopNotifierBackend(app_name, icon_path)
        except Exception:
            log.exception("desktop notifications unavailable")
            kind = "tray" if tray_ok else "banner"
    if kind == "tray" and tray is not None:
        return TrayNotifier(tray)
    return banner
