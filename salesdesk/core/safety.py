"""Start-up checks on the data file and folder, and plain codes for storage failures.

Run before the data file is opened for real:

- a data folder that cannot be written (read-only, full) is reported, not worked around;
- a damaged data file (zero bytes, not SQLite, failing ``quick_check``) is moved aside
  as ``<name>.corrupt-<stamp>`` together with its ``-wal``/``-shm`` — never deleted —
  and the newest backup that passes ``integrity_check`` is found to offer the rep;
- a file held locked by another program is reported;
- a data folder inside a synced folder (Dropbox, OneDrive, Google Drive, iCloud) is
  flagged: sync clients copy SQLite files mid-write and tear them.

The core returns codes; the UI turns them into sentences.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from salesdesk.core.backup import (
    BackupInfo,
    backup_counts,
    backup_files,
    integrity_ok,
)
from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.db import file_uri

# Codes for what went wrong with storage (start-up, or a save that did not happen).
READ_ONLY = "read_only"
DISK_FULL = "disk_full"
LOCKED = "locked"
IO_ERROR = "io_error"
OTHER = "other"

SQLITE_HEADER = b"SQLite format 3\x00"
LOCK_PROBE_TIMEOUT_S = 2.0
#: Files up to this size get the full quick_check before the window opens (~1 ms per MB).
QUICK_CHECK_MAX_BYTES = 32 * 1024 * 1024
FULL_CHECK_MARKER = ".salesdesk-check-on-start"
_SIDECARS = ("-wal", "-shm", "-journal")


class FileHealth(enum.Enum):
    MISSING = "missing"  # nothing yet: a fresh start
    OK = "ok"
    EMPTY = "empty"  # zero bytes
    NOT_SQLITE = "not_sqlite"  # some other file, or random bytes
    CORRUPT = "corrupt"  # SQLite, but quick_check fails or it cannot be read

    @property
    def damaged(self) -> bool:
        return self in (FileHealth.EMPTY, FileHealth.NOT_SQLITE, FileHealth.CORRUPT)


def check_data_file(path: Path, full: bool = True) -> FileHealth:
    """How the data file looks, without changing it (read-only ``quick_check``).

    ``full=False`` only proves the file is SQLite with a readable schema: on a big file
    ``quick_check`` costs about 1 ms per MB, too much before the window's first paint, so
    the start-up leaves it to the background backup (see :func:`request_full_check`).
    """
    if not path.exists():
        return FileHealth.MISSING
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError:
        return FileHealth.CORRUPT
    if not header:
        return FileHealth.EMPTY
    if header != SQLITE_HEADER:
        return FileHealth.NOT_SQLITE
    if full:
        return FileHealth.OK if integrity_ok(path, quick=True) else FileHealth.CORRUPT
    try:
        conn = sqlite3.connect(file_uri(path, mode="ro"), uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return FileHealth.CORRUPT
    return FileHealth.OK


def request_full_check(data_dir: Path) -> None:
    """Make the next start run the full ``quick_check`` whatever the file's size.

    Called when damage is found while running (a backup failing its check because the
    live file is damaged); the next start then moves the file aside and offers a backup.
    """
    (data_dir / FULL_CHECK_MARKER).touch(mode=0o600)


def move_aside(path: Path, clock: Clock = utc_now) -> Path:
    """Rename ``path`` to ``<name>.corrupt-<UTC stamp>`` (with its -wal/-shm); return it.

    The side files keep their suffix after the new name, so SQLite still pairs them
    when someone opens the moved file to rescue what is in it. Nothing is deleted.
    """
    stamp = clock().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while aside.exists():
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    for suffix in _SIDECARS:
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{aside}{suffix}"))
    os.replace(path, aside)
    return aside


def newest_good_backup(dest_dir: Path) -> BackupInfo | None:
    """The newest backup that passes ``integrity_check`` (with its counts), or None."""
    for path, label, taken in backup_files(dest_dir):
        if integrity_ok(path):
            prospects, calls = backup_counts(path)
            return BackupInfo(path, label, taken, prospects, calls, path.stat().st_size)
    return None


def folder_problem(folder: Path) -> str | None:
    """READ_ONLY or DISK_FULL when a file cannot be created in ``folder``; else None.

    It really writes a probe file: permission bits say nothing about read-only mounts
    or a full disk.
    """
    probe = folder / f".salesdesk-write-probe-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, b"x" * 4096)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        with contextlib.suppress(OSError):  # on a read-only mount even this fails
            probe.unlink(missing_ok=True)
        return _os_code(exc)
    probe.unlink(missing_ok=True)
    return None


def file_problem(path: Path) -> str | None:
    """READ_ONLY when the data file exists but cannot be opened for writing."""
    if not path.exists():
        return None
    try:
        with path.open("r+b"):
            pass
    except OSError as exc:
        return _os_code(exc)
    return None


def lock_problem(path: Path, timeout: float = LOCK_PROBE_TIMEOUT_S) -> str | None:
    """LOCKED when another program holds the write lock on ``path`` longer than ``timeout``."""
    if not path.exists():
        return None
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.Error as exc:
        return storage_code(exc)
    finally:
        conn.close()
    return None


def _os_code(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", None):
        return DISK_FULL
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return READ_ONLY
    return IO_ERROR


def storage_code(exc: BaseException) -> str:
    """DISK_FULL, LOCKED, READ_ONLY, IO_ERROR or OTHER for an error from a write.

    Follows the ``__cause__`` chain (a StorageError wraps the sqlite3 error).
    """
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError):
            return _os_code(seen)
        if isinstance(seen, sqlite3.Error):
            name = getattr(seen, "sqlite_errorname", "") or ""
            if name.startswith("SQLITE_FULL"):
                return DISK_FULL
            if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                return LOCKED
            if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
                return READ_ONLY
            if name.startswith("SQLITE_IOERR"):
                return IO_ERROR
        seen = seen.__cause__
    text = str(exc).lower()
    for needle, code in (
        ("disk is full", DISK_FULL),
        ("database is locked", LOCKED),
        ("table is locked", LOCKED),
        ("readonly", READ_ONLY),
        ("read-only", READ_ONLY),
        ("unable to open", READ_ONLY),
        ("disk i/o", IO_ERROR),
    ):
        if needle in text:
            return code
    return OTHER


# Folder names sync clients use (Windows, macOS, Linux), compared case-blind.
_SYNCED: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Dropbox", re.compile(r"^dropbox( \(.*\))?$|^dropbox-")),
    ("OneDrive", re.compile(r"^onedrive( - .*)?$|^onedrive-|^skydrive$")),
    (
        "Google Drive",
        re.compile(r"^google ?drive( .*)?$|^googledrive-|^my drive$|^マイドライブ$|^drivefs$"),
    ),
    ("iCloud", re.compile(r"^icloud ?drive.*$|^mobile documents$|^com~apple~clouddocs$")),
)


def synced_folder(path: Path | str) -> str | None:
    """The sync service whose folder contains ``path`` (by its path), or None.

    Works on Windows-style paths too (both separators are split), so the rules can be
    tested anywhere.
    """
    for part in re.split(r"[\\/]+", str(path)):
        name = part.strip().lower()
        for service, pattern in _SYNCED:
            if name and pattern.search(name):
                return service
    return None


@dataclass(frozen=True)
class StartupReport:
    """What the start-up checks found; the UI explains it and decides how to go on."""

    problem: str | None = None  # READ_ONLY / DISK_FULL / LOCKED / IO_ERROR: cannot start
    health: FileHealth = FileHealth.MISSING
    moved_aside: Path | None = None  # where the damaged file went
    good_backup: BackupInfo | None = None  # offered when the file was damaged
    synced: str | None = None  # sync service holding the data folder


def startup_check(
    data_dir: Path,
    database: Path,
    backups: Path,
    clock: Clock = utc_now,
    lock_timeout: float = LOCK_PROBE_TIMEOUT_S,
) -> StartupReport:
    """Check the folder and the data file before opening it; move a damaged file aside."""
    synced = synced_folder(data_dir)
    problem = folder_problem(data_dir) or file_problem(database)
    if problem is not None:
        return StartupReport(problem=problem, synced=synced)
    marker = data_dir / FULL_CHECK_MARKER
    full = (
        marker.exists() or not database.exists() or database.stat().st_size <= QUICK_CHECK_MAX_BYTES
    )
    health = check_data_file(database, full)
    marker.unlink(missing_ok=True)
    if health.damaged:
        aside = move_aside(database, clock)
        return StartupReport(
            health=health, moved_aside=aside, good_backup=newest_good_backup(backups), synced=synced
        )
    if health is FileHealth.MISSING:
        # Deleted, or moved aside on an earlier start the rep quit: offer the backup again.
        return StartupReport(health=health, good_backup=newest_good_backup(backups), synced=synced)
    return StartupReport(problem=lock_problem(database, lock_timeout), health=health, synced=synced)
