"""Starting the window: application object, language, data file, main window."""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from salesdesk import APP_NAME, app_version
from salesdesk.config import Paths, Settings, resource_path
from salesdesk.core.clock import utc_now
from salesdesk.core.drafts import DraftStore
from salesdesk.core.schema import MigrationError, NewerDataFileError, open_database
from salesdesk.core.services import Services
from salesdesk.ui.i18n import Translations, pick_language
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.single_instance import SingleInstance, bring_to_front, claim_or_exit
from salesdesk.ui.startup_dialogs import migration_failed_text, run_startup_checks
from salesdesk.ui.steps import AfterPaint

if TYPE_CHECKING:
    from salesdesk.ui.reminder_desk import ReminderDesk
    from salesdesk.ui.restore_dialog import BackupJob

WARM_UP_DELAY_MS = 150
LISTEN_AT_THE_LATEST_MS = 1000
START_AT_THE_LATEST_MS = 2000
#: Data safety after the list is filled: the start-up backup, then a daily check each hour.
SAFETY_DELAY_MS = 3000
#: Reminders, notifications and the tray icon start this long after the first paint.
REMINDERS_DELAY_MS = 1000
#: The day's list opens by itself when something is overdue or due today.
TODAY_DELAY_MS = 400
BACKUP_CHECK_MS = 60 * 60 * 1000


class Controller:
    """Owns the services and the main window; rebuilds the window on a language switch."""

    def __init__(
        self,
        app: QApplication,
        paths: Paths,
        services: Services,
        settings: Settings,
        translations: Translations,
    ) -> None:
        self.app = app
        self.paths = paths
        self.services = services
        self.settings = settings
        self.translations = translations
        self.backup_job: BackupJob | None = None
        self.reminders: ReminderDesk | None = None  # after the first paint
        self.instance: SingleInstance | None = None  # set by start_gui
        # Only the window's frame until it has painted: the rep sees the window at once.
        self.window = self._new_window(load_now=False, build_now=False)
        self._started = False
        self._first_paint = AfterPaint(self.window, self._after_first_paint)
        # A window that never paints (started minimised by the desktop, say) still gets
        # its list, backups and reminders.
        QTimer.singleShot(START_AT_THE_LATEST_MS, self._after_first_paint)

    def _after_first_paint(self) -> None:
        if self._started or not shiboken6.isValid(self.window) or not self.window.isVisible():
            return  # done already, or the window was closed before it ever painted
        self._started = True
        # The frame is on screen: build the window's contents and fill the list (shown
        # together at the next paint), then load the editing side (SQLAlchemy).
        self.window.load_list()
        if self.instance is not None:  # from now on a second launch raises this window
            QTimer.singleShot(0, self.instance.listen)
        QTimer.singleShot(WARM_UP_DELAY_MS, self.services.warm_up)
        QTimer.singleShot(SAFETY_DELAY_MS, self.start_safety)
        QTimer.singleShot(REMINDERS_DELAY_MS, self.start_reminders)
        QTimer.singleShot(TODAY_DELAY_MS, self._start_the_day)

    # -- reminders: scheduler, notifications, tray (issue 5) -------------------------------
    def start_reminders(self) -> None:
        """Show due reminders (those missed while closed, together) and keep them coming."""
        from salesdesk.ui.reminder_desk import ReminderDesk

        if self.reminders is not None or not self._window_open():
            return
        self.reminders = ReminderDesk(
            self.services, self.settings, self.paths, lambda: self.window, self._save_settings
        )
        self.reminders.quitRequested.connect(self.app.quit)
        self.reminders.start()

    def _start_the_day(self) -> None:
        if self._window_open():
            self.window.show_today_if_due()

    def refresh_reminders(self) -> None:
        """For panels after a change to follow-ups, items or complaints: re-arm at once."""
        if self.reminders is not None:
            self.reminders.refresh()

    def _save_settings(self, settings: Settings) -> None:
        with contextlib.suppress(OSError):
            settings.save(self.paths)

    # -- data safety: backups off the UI thread, restore, unsaved call drafts ---------------
    def start_safety(self) -> None:
        """Back up now if anything changed since the last backup, then daily; offer drafts."""
        from salesdesk.ui.restore_dialog import DAILY, BackupJob

        if not self._window_open():  # closed before the delay ran out
            return

        if self.backup_job is None:
            self.backup_job = BackupJob(self.app)
            self.backup_job.done.connect(self._backup_done)
            self.backup_job.failed.connect(self._backup_failed)
            self.backup_job.damaged.connect(self._data_file_damaged)
            self._backup_timer = QTimer(self.app)
            self._backup_timer.timeout.connect(lambda: self._back_up(DAILY))
            self._backup_timer.start(BACKUP_CHECK_MS)
        self._back_up(timedelta(0))
        self.offer_drafts()

    def _back_up(self, min_age: timedelta) -> None:
        from salesdesk.ui.restore_dialog import automatic_backup

        if self.backup_job is not None and self._window_open():
            self.backup_job.start(automatic_backup(self.paths, utc_now, min_age))

    def _window_open(self) -> bool:
        # Hidden in the tray counts as open: SalesDesk is still running.
        in_tray = self.reminders is not None and self.reminders.in_tray()
        return shiboken6.isValid(self.window) and (self.window.isVisible() or in_tray)

    def _backup_done(self, result: object) -> None:
        from salesdesk.ui.restore_dialog import backup_result_text

        if (text := backup_result_text(result)) and self._window_open():
            self.window.statusBar().showMessage(text, 5000)

    def _backup_failed(self, message: str) -> None:
        from salesdesk.ui.startup_dialogs import backup_failed_text

        parent = self.window if self._window_open() else None
        QMessageBox.warning(parent, APP_NAME, backup_failed_text(message))

    def _data_file_damaged(self, message: str) -> None:
        from salesdesk.ui.startup_dialogs import damaged_while_running_text

        parent = self.window if self._window_open() else None
        QMessageBox.critical(parent, APP_NAME, damaged_while_running_text(message))

    def offer_drafts(self) -> None:
        from salesdesk.ui.startup_dialogs import offer_drafts

        offer_drafts(self.window, DraftStore(self.paths.data_dir), self.services)

    def open_backups(self) -> None:
        from salesdesk.ui.restore_dialog import BackupJob, RestoreDialog

        if self.backup_job is None:
            self.backup_job = BackupJob(self.app)
        dialog = RestoreDialog(self.paths, self.backup_job, parent=self.window)
        if dialog.exec() and dialog.chosen is not None:
            self.restore(dialog.chosen.path)

    def restore(self, backup: Path) -> bool:
        """Put ``backup`` in place (the current file is backed up first) and reopen on it."""
        from salesdesk.ui.startup_dialogs import restore_and_reopen

        if self.backup_job is not None:
            self.backup_job.wait()  # never restore under a running backup
        self.services, restored = restore_and_reopen(self.window, self.paths, backup, self.services)
        self._rebuild_window()
        if not restored:
            return False
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "Safety", "Backup restored. Your data from before the restore was backed up too."
            ),
            10000,
        )
        return True

    def _new_window(self, load_now: bool = True, build_now: bool = True) -> MainWindow:
        window = MainWindow(self.services, self.settings, load_now=load_now, build_now=build_now)
        window.settingsRequested.connect(self.open_settings)
        window.backupsRequested.connect(self.open_backups)
        window.remindersChanged.connect(self.refresh_reminders)
        window.settingsChanged.connect(lambda: self._save_settings(self.settings))
        window.drafts = DraftStore(self.paths.data_dir)
        return window

    def open_settings(self) -> None:
        from salesdesk.ui.settings_dialog import SettingsDialog

        notifier = self.reminders.notifier.name if self.reminders else None
        has_tray = self.reminders.tray is not None if self.reminders else True
        dialog = SettingsDialog(self.settings, self.paths, self.window, notifier, has_tray)
        if not dialog.exec():
            return
        new = dialog.updated(self.settings)
        new.save(self.paths)
        language_changed = pick_language(new.language) != self.translations.language
        self.settings = new
        if language_changed:
            self.translations.install(pick_language(new.language))
        if self.reminders is not None:
            self.reminders.apply_settings(new)
        # The window reads settings and labels when built: rebuild it in place.
        self._rebuild_window()

    def _rebuild_window(self) -> None:
        old = self.window
        selected = old.current_id()
        self.window = self._new_window()
        self.window.setGeometry(old.geometry())
        self.window.select_prospect(selected)
        self.window.show()
        if self.reminders is not None:
            self.reminders.detach(old)
            self.reminders.attach(self.window)
        old.close()
        old.deleteLater()


def start_gui(paths: Paths, lang: str | None = None) -> Controller | int:
    """Create the application and show the main window; an exit code if it cannot start.

    The caller runs the event loop (``run_gui``) or drives it (benchmarks, smoke runs).
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(app_version())
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_path("icons", "salesdesk.png"))))
    with contextlib.suppress(OSError):  # a read-only or full folder: explained just below
        paths.ensure()
    # One SalesDesk per data folder: a second launch raises the first one and ends here,
    # before it opens anything (a failed local-socket connect costs a few ms).
    instance = claim_or_exit(paths)
    if isinstance(instance, int):
        return instance
    settings = Settings.load(paths)
    translations = Translations(app)
    translations.install(pick_language(lang or settings.language))
    # Damaged file moved aside (a good backup offered), read-only/locked, synced folder.
    if (stopped := run_startup_checks(paths, settings)) is not None:
        return stopped
    try:
        db = open_database(paths.database, paths.backups, app_version())
    except NewerDataFileError as exc:
        QMessageBox.critical(
            None,
            APP_NAME,
            QCoreApplication.translate(
                "Startup",
                "This data file was written by a newer SalesDesk ({0}); this is SalesDesk {1}. "
                "It has not been changed. Install the newer SalesDesk to open it.\n\n{2}",
            ).format(exc.found.app_version or "?", exc.app_version, str(exc.path)),
        )
        return 3
    except MigrationError as exc:
        restored = exc.restored_from.name if exc.restored_from else None
        QMessageBox.critical(None, APP_NAME, migration_failed_text(restored, str(exc)))
        return 1
    except sqlite3.DatabaseError as exc:
        QMessageBox.critical(
            None,
            APP_NAME,
            QCoreApplication.translate(
                "Startup", "SalesDesk could not open its data file.\n\n{0}\n\n{1}"
            ).format(str(paths.database), exc),
        )
        return 1
    services = Services.create(db)
    controller = Controller(app, paths, services, settings, translations)
    if instance is not None:
        controller.instance = instance
        instance.raiseRequested.connect(lambda: bring_to_front(controller.window))
        # Listening starts after the first paint; this covers a window that never paints
        # (started hidden). Until then a second launch retries for a few seconds.
        QTimer.singleShot(LISTEN_AT_THE_LATEST_MS, instance.listen)
    controller.window.show()
    return controller


def run_gui(paths: Paths, lang: str | None = None) -> int:
    """Open the main window on the data in ``paths``; returns the process exit code."""
    started = start_gui(paths, lang)
    if isinstance(started, int):
        return started
    try:
        return started.app.exec()
    finally:
        if started.backup_job is not None:
            started.backup_job.wait()  # a backup in progress finishes whole
        if started.reminders is not None:
            started.reminders.stop()
        started.services.db.close()
