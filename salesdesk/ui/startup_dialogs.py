"""Plain-words messages about the rep's data: at start-up, and when a save cannot happen.

``run_startup_checks`` runs before the data file is opened: it explains a folder that
cannot be written or a file held by another program (and stops), offers the newest good
backup when the data file was damaged and moved aside, and warns once about a data
folder inside a synced folder. Only sqlite3-level core modules are imported here: this
runs before the window's first paint.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from salesdesk import APP_NAME
from salesdesk.config import Paths, Settings
from salesdesk.core import safety
from salesdesk.core.backup import BackupError, BackupInfo, restore_backup
from salesdesk.core.clock import Clock, utc_now

if TYPE_CHECKING:
    from salesdesk.core.drafts import DraftStore
    from salesdesk.core.services import Services
    from salesdesk.ui.main_window import MainWindow

EXIT_CANNOT_START = 1
#: settings.extra key: the data folder the rep was already warned about (synced folder).
SYNC_WARNED_KEY = "synced_folder_warned"


def when_text(value: datetime) -> str:
    """A moment in local time with the date in full (backups can be years old)."""
    loc = QLocale()
    qdt = QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()
    fmt = loc.dateTimeFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:  # "26" could be any century's; a backup's year must be plain
        fmt = fmt.replace("yy", "yyyy")
    return loc.toString(qdt, fmt)


def counts_text(info: BackupInfo) -> str:
    if info.prospects is None or info.calls is None:
        return QCoreApplication.translate("Safety", "contents unreadable")
    # Plain names as the counts: lupdate skips plural messages whose count is an attribute.
    prospects, calls = info.prospects, info.calls
    return (
        QCoreApplication.translate("Safety", "%n prospect(s)", "", prospects)
        + ", "
        + QCoreApplication.translate("Safety", "%n call(s)", "", calls)
    )


# -- messages -------------------------------------------------------------------------
def storage_problem_text(code: str) -> str:
    """What the rep reads when a save could not happen, by the core's storage code."""
    if code == safety.DISK_FULL:
        return QCoreApplication.translate(
            "Safety",
            "The disk is full, so this was not saved. Your text is still here. "
            "Free some space (empty the trash, delete large downloads), then press Save again.",
        )
    if code == safety.LOCKED:
        return QCoreApplication.translate(
            "Safety",
            "Another program is using SalesDesk's data file right now (a second SalesDesk, "
            "a backup or a sync tool), so this was not saved. Your text is still here. "
            "Close the other program or wait a moment, then press Save again.",
        )
    if code == safety.READ_ONLY:
        return QCoreApplication.translate(
            "Safety",
            "SalesDesk's data folder cannot be written to (it is read-only), so this was "
            "not saved. Your text is still here. Copy it somewhere safe, then ask whoever "
            "looks after your computer.",
        )
    return QCoreApplication.translate(
        "Safety",
        "SalesDesk could not write to its data file, so this was not saved. Your text is "
        "still here; press Save again in a moment.",
    )


def startup_problem_text(code: str, paths: Paths) -> str:
    folder = str(paths.data_dir)
    if code == safety.READ_ONLY:
        text = QCoreApplication.translate(
            "Safety",
            "SalesDesk cannot write to its data folder, so it cannot keep your calls safe "
            "and will not start.\n\nFolder: {0}\n\nThe folder or the drive is read-only. "
            "Ask whoever looks after your computer to make it writable, or start SalesDesk "
            "with another data folder.",
        )
    elif code == safety.DISK_FULL:
        text = QCoreApplication.translate(
            "Safety",
            "The disk holding SalesDesk's data is full, so SalesDesk will not start: nothing "
            "could be saved.\n\nFolder: {0}\n\nFree some space, then start SalesDesk again.",
        )
    elif code == safety.LOCKED:
        text = QCoreApplication.translate(
            "Safety",
            "Another program is holding SalesDesk's data file (perhaps SalesDesk is already "
            "open, or a backup or sync tool is copying it).\n\nFile: {0}\n\nClose the other "
            "program, then start SalesDesk again.",
        )
        folder = str(paths.database)
    else:
        text = QCoreApplication.translate(
            "Safety", "SalesDesk cannot use its data folder.\n\nFolder: {0}"
        )
    return text.format(folder)


def damaged_file_text(report: safety.StartupReport) -> str:
    """The message shown when the data file was damaged (or is missing) at start."""
    if report.moved_aside is not None:
        text = QCoreApplication.translate(
            "Safety",
            "SalesDesk's data file was damaged and could not be opened. It has been moved "
            "aside, not deleted:\n{0}",
        ).format(str(report.moved_aside))
    else:
        text = QCoreApplication.translate("Safety", "SalesDesk's data file is missing.")
    good = report.good_backup
    if good is not None:
        text += "\n\n" + QCoreApplication.translate(
            "Safety",
            "The newest good backup is from {0} ({1}). Restore it? Anything entered after "
            "that backup is not in it.",
        ).format(when_text(good.taken_at), counts_text(good))
    else:
        text += "\n\n" + QCoreApplication.translate(
            "Safety",
            "There is no good backup to restore. SalesDesk will start with an empty data file.",
        )
    return text


def synced_folder_text(service: str, paths: Paths) -> str:
    return QCoreApplication.translate(
        "Safety",
        "SalesDesk's data folder is inside {0}:\n{1}\n\nSync services copy files while "
        "SalesDesk is writing them, which can damage the data file or lose calls. Keep the "
        "data folder outside {0} (start SalesDesk with another data folder). SalesDesk's own "
        "backups are kept in the 'backups' folder beside the data file.",
    ).format(service, str(paths.data_dir))


def migration_failed_text(restored_from: str | None, details: str) -> str:
    if restored_from:
        text = QCoreApplication.translate(
            "Safety",
            "Upgrading your data to this version of SalesDesk failed. Your data file was put "
            "back exactly as it was before the upgrade, from the backup taken just before it "
            "({0}); nothing was lost. SalesDesk will close now; please report this problem.",
        ).format(restored_from)
    else:
        text = QCoreApplication.translate(
            "Safety", "Upgrading your data to this version of SalesDesk failed."
        )
    return text + "\n\n" + QCoreApplication.translate("Safety", "Details: {0}").format(details)


# -- the start-up sequence --------------------------------------------------------------
def damaged_file_box(report: safety.StartupReport, parent: QWidget | None = None) -> QMessageBox:
    """The box offering the newest good backup; buttons ``restore`` and ``empty`` (or OK)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setText(damaged_file_text(report))
    if report.good_backup is not None:
        restore = box.addButton(
            QCoreApplication.translate("Safety", "Restore this backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        restore.setObjectName("restore")
        empty = box.addButton(
            QCoreApplication.translate("Safety", "Start with an empty file"),
            QMessageBox.ButtonRole.RejectRole,
        )
        empty.setObjectName("empty")
        box.setDefaultButton(restore)
    else:
        box.addButton(QMessageBox.StandardButton.Ok).setObjectName("empty")
    return box


def choose(box: QMessageBox) -> QAbstractButton | None:
    """Run ``box`` and return the button clicked (tests replace this)."""
    box.exec()
    return box.clickedButton()


def run_startup_checks(
    paths: Paths,
    settings: Settings,
    clock: Clock = utc_now,
) -> int | None:
    """Check the data folder and file before opening it; None to go on, else an exit code."""
    report = safety.startup_check(paths.data_dir, paths.database, paths.backups, clock)
    if report.problem is not None:
        QMessageBox.critical(None, APP_NAME, startup_problem_text(report.problem, paths))
        return EXIT_CANNOT_START
    if report.health.damaged or report.good_backup is not None:
        box = damaged_file_box(report)  # kept alive while its buttons are looked at
        clicked = choose(box)
        wanted = clicked is not None and clicked.objectName() == "restore"
        if report.good_backup is not None and wanted:
            try:
                restore_backup(report.good_backup.path, paths.database, paths.backups, clock)
            except BackupError as exc:
                QMessageBox.critical(
                    None,
                    APP_NAME,
                    QCoreApplication.translate(
                        "Safety", "The backup could not be restored.\n\nDetails: {0}"
                    ).format(exc),
                )
                return EXIT_CANNOT_START
    if report.synced is not None and settings.extra.get(SYNC_WARNED_KEY) != str(paths.data_dir):
        QMessageBox.warning(None, APP_NAME, synced_folder_text(report.synced, paths))
        settings.extra[SYNC_WARNED_KEY] = str(paths.data_dir)
        with contextlib.suppress(OSError):  # then the rep is warned again next time
            settings.save(paths)
    return None


# -- while running ----------------------------------------------------------------------
def backup_failed_text(details: str) -> str:
    return QCoreApplication.translate(
        "Safety",
        "SalesDesk's automatic backup did not pass its check and was discarded. Your data "
        "file itself is unchanged; SalesDesk will try again later.\n\nDetails: {0}",
    ).format(details)


def damaged_while_running_text(details: str) -> str:
    return QCoreApplication.translate(
        "Safety",
        "While backing up, SalesDesk found damage in its data file. Please close SalesDesk "
        "and start it again: it will move the damaged file aside (nothing is deleted) and "
        "offer the newest good backup.\n\nDetails: {0}",
    ).format(details)


def offer_drafts(window: MainWindow, drafts: DraftStore, services: Services) -> bool:
    """Offer the newest unsaved call (autosaved before a crash); True when it was opened.

    Other drafts stay on disk and come back when the call dialog opens for their prospect.
    """
    from salesdesk.core.validation import NotFoundError

    for draft in drafts.pending():
        try:
            company = services.prospects.get(draft.prospect_id).company
        except NotFoundError:
            continue  # its prospect is gone (deleted); the file is kept all the same
        answer = QMessageBox.question(
            window,
            APP_NAME,
            QCoreApplication.translate(
                "Safety",
                "You were logging a call for {0} on {1} and it was not saved (SalesDesk was "
                "closed before you pressed Save). Open it now to finish it?",
            ).format(company, when_text(draft.saved_at)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            window.select_prospect(draft.prospect_id)
            window.log_call()
            return True
        return False
    return False


def restore_and_reopen(
    parent: QWidget, paths: Paths, backup: Path, current: Services
) -> tuple[Services, bool]:
    """Close the data file, restore ``backup`` over it (after backing it up), reopen it.

    Returns the services on the reopened file and whether the restore happened; when it
    failed, the rep is told and the file is reopened exactly as it was.
    """
    from salesdesk import app_version
    from salesdesk.core.schema import open_database
    from salesdesk.core.services import Services

    current.db.close()
    failure: BackupError | None = None
    try:
        restore_backup(backup, paths.database, paths.backups)
    except BackupError as exc:
        failure = exc
    db = open_database(paths.database, paths.backups, app_version())
    if failure is not None:
        QMessageBox.warning(
            parent,
            APP_NAME,
            QCoreApplication.translate(
                "Safety",
                "The backup could not be restored; your data is unchanged.\n\nDetails: {0}",
            ).format(failure),
        )
    return Services.create(db, current.clock), failure is None
