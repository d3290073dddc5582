"""Backups: the list the rep restores from, and the backup runs off the UI thread.

The dialog lists every backup with its date and what is in it (prospects, calls).
Restoring asks once, and the application backs the current file up before putting the
chosen one in place, then reopens the window on it (see ui/app.py).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesk.config import Paths
from salesdesk.core.backup import (
    AUTO,
    MANUAL,
    PRE_IMPORT,
    PRE_MIGRATION,
    PRE_RESTORE,
    AutoBackupResult,
    BackupError,
    BackupInfo,
    auto_backup,
    backup_database,
    integrity_ok,
    list_backups,
    rotate_backups,
)
from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.safety import request_full_check
from salesdesk.ui.startup_dialogs import counts_text, when_text

#: While running, a backup is taken when the newest is at least this old (and data changed).
DAILY = timedelta(days=1)


class BackupJob(QObject):
    """Runs one backup at a time on a worker thread; reports back on the UI thread.

    The backup opens its own connections (the sqlite3 backup API works from any
    connection), so a big file never freezes the window. The thread is not a daemon:
    quitting waits for a backup in progress instead of leaving half a file.
    """

    done = Signal(object)  # what the job returned
    failed = Signal(str)
    damaged = Signal(str)  # the data file itself is damaged (LiveFileDamaged)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, work: Callable[[], object]) -> bool:
        """Start ``work`` unless a backup is already running; False when one is."""
        if self.running:
            return False
        self._thread = threading.Thread(target=self._run, args=(work,), name="salesdesk-backup")
        self._thread.start()
        return True

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()

    def _run(self, work: Callable[[], object]) -> None:
        try:
            result = work()
        except LiveFileDamaged as exc:
            self.damaged.emit(str(exc))
            return
        except (BackupError, sqlite3.Error, OSError) as exc:
            self.failed.emit(str(exc))
            return
        self.done.emit(result)


class LiveFileDamaged(BackupError):
    """The backup failed because the data file itself fails ``quick_check``."""


def automatic_backup(paths: Paths, clock: Clock, min_age: timedelta) -> Callable[[], object]:
    """The work of an automatic backup (start-up: min_age 0; while running: DAILY).

    A big file only gets a light check before the window opens; this is where the full
    check happens: when the backup fails, the live file is checked too, and damage there
    makes the next start run the full check (move aside, offer a backup).
    """

    def work() -> object:
        try:
            return auto_backup(paths.database, paths.backups, clock, min_age)
        except BackupError as exc:
            if not integrity_ok(paths.database, quick=True):
                request_full_check(paths.data_dir)
                raise LiveFileDamaged(str(exc)) from exc
            raise

    return work


def manual_backup(paths: Paths, clock: Clock) -> Callable[[], object]:
    def work() -> Path:
        made = backup_database(paths.database, paths.backups, MANUAL, clock())
        rotate_backups(paths.backups, clock())
        return made

    return work


def backup_result_text(result: object, in_the_list: bool = False) -> str:
    """Status text for a finished backup ('' when none was needed); ``in_the_list``: shown
    in the Backups dialog itself, beside the list it points to."""
    created = result.created if isinstance(result, AutoBackupResult) else result
    if not isinstance(created, Path):
        return ""
    # The time, not the file's name (a UTC stamp no rep reads); the file is in the list.
    when = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
    if in_the_list:
        return QCoreApplication.translate("Backups", "Backup saved at {0}.").format(when)
    return QCoreApplication.translate(
        "Backups", "Backup saved at {0} (File → Backups… lists them all)"
    ).format(when)


def kind_text(info: BackupInfo) -> str:
    return {
        AUTO: QCoreApplication.translate("Backups", "Automatic"),
        MANUAL: QCoreApplication.translate("Backups", "Made by you"),
        PRE_RESTORE: QCoreApplication.translate("Backups", "Before a restore"),
        PRE_MIGRATION: QCoreApplication.translate("Backups", "Before an upgrade"),
        PRE_IMPORT: QCoreApplication.translate("Backups", "Before an import"),
    }.get(info.kind, info.kind)


class RestoreDialog(QDialog):
    """Backups with date and counts; "Restore" sets ``chosen`` and accepts."""

    COLUMNS = 5

    def __init__(
        self,
        paths: Paths,
        job: BackupJob,
        clock: Clock = utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.job = job
        self.clock = clock
        self.chosen: BackupInfo | None = None
        self.backups: list[BackupInfo] = []
        self.setWindowTitle(self.tr("Backups"))
        self.resize(720, 420)

        intro = QLabel(
            self.tr(
                "SalesDesk backs up your data when it starts (if anything changed) and once a "
                "day while it runs, and keeps the newest backup of each of the last 12 days, "
                "10 weeks and 9 months. Backups are kept in:\n{0}"
            ).format(str(paths.backups))
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Prospects"),
                self.tr("Calls"),
                self.tr("Size"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.COLUMNS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.restore_selected())

        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.job.done.connect(self._backup_done)
        self.job.failed.connect(self._backup_failed)
        self._listening = True
        self.refresh()

    def refresh(self) -> None:
        self.backups = list_backups(self.paths.backups)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = [
                when_text(info.taken_at),
                kind_text(info),
                "" if info.prospects is None else str(info.prospects),
                "" if info.calls is None else str(info.calls),
                _size(info.size),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if info.prospects is None:
                    item.setToolTip(self.tr("This backup cannot be read."))
                self.table.setItem(row, col, item)
        if self.backups:
            self.table.selectRow(0)
        else:
            self.status.setText(self.tr("There are no backups yet."))
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.prospects is not None)
        self.backup_button.setEnabled(not self.job.running and self.paths.database.exists())

    def back_up_now(self) -> None:
        if self.job.start(manual_backup(self.paths, self.clock)):
            self.status.setText(self.tr("Backing up…"))
            self.backup_button.setEnabled(False)

    def _backup_done(self, result: object) -> None:
        self.refresh()
        self.status.setText(backup_result_text(result, in_the_list=True))

    def _backup_failed(self, message: str) -> None:
        self._update_buttons()
        self.status.setText(self.tr("The backup failed and was discarded: {0}").format(message))

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None or info.prospects is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup?"),
            self.tr(
                "Replace your current data with the backup from {0} ({1})?\n\nYour current "
                "data is backed up first, so you can come back to it from this list."
            ).format(when_text(info.taken_at), counts_text(info)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.chosen = info
        self.accept()

    def done(self, result: int) -> None:
        # The job outlives the dialog (it belongs to the app): stop listening to it, once.
        if self._listening:
            self._listening = False
            self.job.done.disconnect(self._backup_done)
            self.job.failed.disconnect(self._backup_failed)
        super().done(result)


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, size // 1024)} KB"
