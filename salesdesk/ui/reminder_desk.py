"""Reminders while SalesDesk runs: the scheduler, the chosen notifier, the tray icon.

Built after the window's first paint (see ``ui.app.Controller``). The scheduler hands on
due reminders; one reminder, or a few at the same minute, become one notification each;
more, or what was missed while closed or asleep, become one grouped notification.
Clicking a notification opens the prospect (a grouped one opens the day's list).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

from salesdesk import APP_NAME
from salesdesk.config import Paths, Settings, resource_path
from salesdesk.core.db import Database
from salesdesk.ui.notifier import (
    MAX_SEPARATE,
    BannerNotifier,
    Notifier,
    choose_notifier,
    grouped_message,
    reminder_message,
)
from salesdesk.ui.scheduler import ReminderScheduler
from salesdesk.ui.single_instance import bring_to_front
from salesdesk.ui.tray import CloseToTray, TrayIcon, tray_available

if TYPE_CHECKING:
    from salesdesk.core.interchange.feed import CalendarFeed
    from salesdesk.core.reminders import Reminder
    from salesdesk.core.services import Services
    from salesdesk.ui.main_window import MainWindow

#: How often the data file's change counter is looked at (a pragma, not a query).
DATA_WATCH_MS = 1000


class DataWatch(QObject):
    """Notices any committed change to the data file, from this process or another one
    (``salesdesk item add`` in a terminal), through SQLite's ``data_version``: one cheap
    pragma a second, not a query over the rows."""

    changed = Signal()

    def __init__(self, services: Services, interval_ms: int = DATA_WATCH_MS) -> None:
        super().__init__()
        self._services = services
        self._version = self._read()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.poll)
        self._timer.start(interval_ms)

    def _read(self) -> int | None:
        try:
            return self._services.db.data_version()
        except sqlite3.Error:
            return None

    def poll(self) -> None:
        version = self._read()
        if version is not None and version != self._version:
            self._version = version
            self.changed.emit()

    def stop(self) -> None:
        self._timer.stop()


class ReminderDesk(QObject):
    """Everything that makes a reminder reach the rep; the Controller owns one.

    ``window`` returns the current main window (it is rebuilt on a language change).
    """

    quitRequested = Signal()

    def __init__(
        self,
        services: Services,
        settings: Settings,
        paths: Paths,
        window: Callable[[], MainWindow],
        save_settings: Callable[[Settings], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.paths = paths
        self._window = window
        self._save_settings = save_settings
        icon_path = str(resource_path("icons", "salesdesk.png"))
        services.set_complaint_silence_days(settings.complaint_silence_days)
        self.tray: TrayIcon | None = None
        self.close_to_tray: CloseToTray | None = None
        if tray_available():
            self.tray = TrayIcon(QIcon(icon_path), lambda: services.today.counts(), self)
            self.tray.openRequested.connect(self.show_window)
            self.tray.todayRequested.connect(self.show_today)
            self.tray.quitRequested.connect(self._quit)
            self.tray.show()
            self.close_to_tray = CloseToTray(
                self.tray,
                lambda: self.settings.close_to_tray,
                lambda: self.settings.tray_hint_shown,
                self._hint_done,
                self,
            )
        self._icon_path = icon_path
        self.banner = BannerNotifier()
        self.notifier: Notifier = self._choose_notifier()
        self.scheduler = ReminderScheduler(services.reminders, services.clock, parent=self)
        self.scheduler.remindersDue.connect(self.show)
        # What just fell due moves to "overdue" in the day's list at once, not a minute later.
        self.scheduler.remindersDue.connect(lambda *_: self._window().refresh_today())
        if self.tray is not None:
            self.scheduler.remindersDue.connect(self.tray.refresh)
        self.data_watch: DataWatch | None = None
        self.feed: CalendarFeed | None = None  # serving calendar apps (settings)
        self.feed_problem = ""  # why the feed could not start, as told to the rep
        self.attach(window())

    def _choose_notifier(self) -> Notifier:
        notifier = choose_notifier(
            self.settings.notifications,
            self.tray.icon if self.tray else None,
            self.banner,
            APP_NAME,
            self._icon_path,
        )
        if notifier is not self.banner:
            # A notification that could not be shown still reaches the rep, in the window.
            notifier.failed.connect(self.banner.notify)
        return notifier

    # -- life ------------------------------------------------------------------------------
    def attach(self, window: QWidget) -> None:
        """Follow the (new) main window: banner at its top, closing to the tray."""
        self.banner.attach(window)
        if self.close_to_tray is not None:
            self.close_to_tray.watch(window)

    def detach(self, window: QWidget) -> None:
        """Before the window is closed for good (a rebuild): let it close."""
        if self.close_to_tray is not None:
            self.close_to_tray.unwatch(window)

    def start(self) -> None:
        self.scheduler.start()
        self.data_watch = DataWatch(self.services)
        self.data_watch.changed.connect(self.refresh)
        self.apply_calendar_feed()

    def stop(self) -> None:
        if self.data_watch is not None:
            self.data_watch.stop()
        self._stop_feed()
        self.scheduler.stop()
        if self.tray is not None:
            self.tray.hide()
        self.notifier.close()

    def refresh(self) -> None:
        """Data changed: re-arm the timer for the next moment and update the tray's counts."""
        self.scheduler.refresh()
        if self.tray is not None:
            self.tray.refresh()

    def apply_settings(self, settings: Settings) -> None:
        if settings.notifications != self.settings.notifications:
            self.notifier.close()
            self.settings = settings
            self.notifier = self._choose_notifier()
        login_changed = settings.start_at_login != self.settings.start_at_login
        self.settings = settings
        if self.data_watch is not None:  # started: the feed follows the settings at once
            self.apply_calendar_feed()
        self.services.set_complaint_silence_days(settings.complaint_silence_days)
        if login_changed:
            self.apply_start_at_login()
        if self.tray is not None:
            self.tray.retranslate()
        self.refresh()

    # -- the calendar feed ---------------------------------------------------------------
    def apply_calendar_feed(self) -> bool:
        """Serve (or stop serving) the calendar for calendar apps, as the settings say.

        False, with a word in the status bar, when its port is taken (another program, or
        SalesDesk running for another user of this computer).
        """
        s = self.settings
        wanted = (s.calendar_feed_port, s.calendar_feed_token) if s.calendar_feed else None
        running = self.feed
        if running is not None and (running.port, running.token) == wanted:
            return True
        self._stop_feed()
        if wanted is None or not all(wanted):
            return True
        from salesdesk.core.interchange.feed import CalendarFeed  # its web server: on demand

        db = self.services.db
        try:
            feed = CalendarFeed(lambda: Database(db.uri, db.path), *wanted)
        except OSError:
            text = self.tr(
                "Calendar apps cannot reach SalesDesk: port {0} is in use by another program. "
                "Settings → Calendar apps → New address picks another."
            ).format(wanted[0])
            self.feed_problem = text
            # After the settings are applied the window is rebuilt: say it on the new one.
            QTimer.singleShot(0, lambda: self._window().statusBar().showMessage(text, 60_000))
            return False
        self.feed_problem = ""
        feed.start()
        self.feed = feed
        return True

    def _stop_feed(self) -> None:
        if self.feed is not None:
            self.feed.stop()
            self.feed = None

    def apply_start_at_login(self) -> bool:
        """Write or remove the start-at-login entry; False (with a message) when it failed."""
        from salesdesk.ui.autostart import entry_for, set_start_at_login

        try:
            set_start_at_login(entry_for(self.paths), self.settings.start_at_login)
        except OSError as exc:
            QMessageBox.warning(
                self._window(),
                APP_NAME,
                self.tr("SalesDesk could not change how it starts at login.\n\n{0}").format(exc),
            )
            return False
        return True

    def in_tray(self) -> bool:
        """The window is hidden and SalesDesk runs on in the tray."""
        return self.tray is not None and self.tray.is_shown() and not self._window().isVisible()

    # -- the window --------------------------------------------------------------------------
    def show_window(self) -> None:
        bring_to_front(self._window())

    def show_today(self) -> None:
        window = self._window()
        bring_to_front(window)
        show_today = getattr(window, "show_today", None)  # the day's list, where it exists
        if callable(show_today):
            show_today()

    def open_prospect(self, prospect_id: str) -> None:
        """Show the window with ``prospect_id`` selected (filters cleared if they hide it)."""
        window = self._window()
        bring_to_front(window)
        window.open_prospect(prospect_id)

    # -- showing ---------------------------------------------------------------------------
    def show(self, reminders: Sequence[Reminder], missed: bool) -> None:
        days = self.settings.complaint_silence_days
        if len(reminders) == 1 or (not missed and len(reminders) <= MAX_SEPARATE):
            for reminder in reminders:
                title, body = reminder_message(reminder, days)
                self.notifier.notify(title, body, partial(self.open_prospect, reminder.prospect_id))
            return
        title, body = grouped_message(reminders, missed, days)
        prospects = {r.prospect_id for r in reminders}
        if len(prospects) == 1:
            self.notifier.notify(title, body, partial(self.open_prospect, prospects.pop()))
        else:
            self.notifier.notify(title, body, self.show_today)

    def _hint_done(self) -> None:
        self.settings.tray_hint_shown = True
        self._save_settings(self.settings)

    def _quit(self) -> None:
        if self.close_to_tray is not None:
            self.close_to_tray.quitting = True
        self.quitRequested.emit()
