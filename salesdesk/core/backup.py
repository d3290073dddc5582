"""Backups through SQLite's online backup API (never a file copy of a live database).

A backup is one self-contained SQLite file (rollback journal mode, no -wal beside it)
in the backups folder, private to the user (0600), named
``salesdesk-<label>-<UTC stamp>.sqlite3``. Every backup is checked with
``integrity_check`` right after it is written; one that fails is deleted and reported.

Rotation thins the automatic backups the way Anki does: the newest of each of the
last 12 days, 10 weeks and 9 months is kept. Backups taken before a migration, a
restore or an import are kept apart (the newest few of each), because they are the way
back from one particular step.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.db import file_uri

AUTO = "auto"
MANUAL = "manual"
PRE_RESTORE = "pre-restore"
PRE_MIGRATION = "pre-migration"  # the label carries the old revision: pre-migration-0001
PRE_IMPORT = "pre-import"

KEEP_DAILY = 12
KEEP_WEEKLY = 10
KEEP_MONTHLY = 9
KEEP_SPECIAL = 3  # newest pre-migration / pre-restore backups kept of each kind

_NAME = re.compile(r"^salesdesk-(?P<label>.+)-(?P<stamp>\d{8}T\d{12}Z)\.sqlite3$")
_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"


class BackupError(Exception):
    """A backup could not be written or did not pass its integrity check."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as the restore dialog and ``salesdesk backup list`` show it."""

    path: Path
    label: str
    taken_at: datetime  # UTC
    prospects: int | None  # None when the file cannot be read
    calls: int | None
    size: int

    @property
    def id(self) -> str:
        """The short id shown to the rep: the UTC stamp to the second (a prefix works)."""
        return self.stamp[:15]

    @property
    def stamp(self) -> str:
        match = _NAME.match(self.path.name)
        assert match is not None
        return match["stamp"]

    @property
    def kind(self) -> str:
        """``auto``, ``manual``, ``pre-restore``, ``pre-import`` or ``pre-migration``."""
        return PRE_MIGRATION if self.label.startswith(PRE_MIGRATION) else self.label


def integrity_ok(path: Path, quick: bool = False) -> bool:
    """True when ``path`` is a SQLite database that passes integrity (or quick) check."""
    try:
        conn = sqlite3.connect(file_uri(path, mode="ro"), uri=True)
    except sqlite3.Error:
        return False
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        return rows == [("ok",)]
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def copy_database(source: Path, dest: Path, journal_mode: str | None = None) -> None:
    """Copy the database ``source`` into ``dest`` page by page with the backup API.

    SQLite writes ``dest`` through its own pager inside one transaction, so ``dest`` is
    never half-written, and a live ``source`` (WAL, other connections writing) is read
    consistently. ``journal_mode`` is set on ``dest`` afterwards when given.
    """
    src = sqlite3.connect(file_uri(source, mode="ro"), uri=True)
    try:
        dst = sqlite3.connect(dest, isolation_level=None)
        try:
            src.backup(dst)
            if journal_mode is not None:
                dst.execute(f"PRAGMA journal_mode = {journal_mode}")
        finally:
            dst.close()
    finally:
        src.close()


def backup_database(
    source: Path, dest_dir: Path, label: str, now: datetime | None = None, quick: bool = False
) -> Path:
    """Copy ``source`` into ``dest_dir`` via the backup API; verify it; return the new file.

    The file is private to the user (0600). A copy failing ``integrity_check`` (with
    ``quick``: ``quick_check``, which skips matching indexes to tables: 0.8 s instead of
    5.5 s for a 770 MB file) is deleted and reported as :class:`BackupError`.
    """
    stamp = (now or utc_now()).astimezone(UTC).strftime(_STAMP_FORMAT)
    dest_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    dest = dest_dir / f"salesdesk-{label}-{stamp}.sqlite3"
    try:
        fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise BackupError(f"cannot create {dest}: {exc}") from exc
    os.close(fd)
    try:
        # A backup is a single file: rollback journal, so no -wal/-shm travel with it.
        copy_database(source, dest, journal_mode="DELETE")
    except sqlite3.Error as exc:
        _remove_with_sidecars(dest)
        raise BackupError(f"backup of {source} failed: {exc}") from exc
    if not integrity_ok(dest, quick=quick):
        _remove_with_sidecars(dest)
        raise BackupError(f"backup {dest.name} failed integrity_check and was discarded")
    return dest


def backup_before_change(
    source: Path, dest_dir: Path, label: str, clock: Clock = utc_now
) -> Path | None:
    """A backup of ``source`` before one big change (an import, a restore).

    None when the data file holds no prospect yet: there is nothing to go back to. The
    caller then either keeps it (:func:`keep_backup`, which rotates: only once the
    change is made may an older backup of the kind go) or discards it
    (:func:`discard_backup`) when nothing changed. The rep waits for this one, so it is
    verified with ``quick_check`` (a 770 MB file of 100k prospects and a million calls:
    ~2.2 s instead of ~7 s).
    """
    try:
        conn = sqlite3.connect(file_uri(source, mode="ro"), uri=True)
        try:
            empty = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM prospect)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError(f"cannot read {source}: {exc}") from exc
    if empty:
        return None
    return backup_database(source, dest_dir, label, clock(), quick=True)


def keep_backup(path: Path, clock: Clock = utc_now) -> None:
    """The change was made: ``path`` stays, and the rotation of its folder runs."""
    rotate_backups(path.parent, clock())


def discard_backup(path: Path) -> None:
    """Delete a backup that turned out not to be needed (the change was not made)."""
    _remove_with_sidecars(path)


def settle_backup(path: Path | None, changed: bool, clock: Clock = utc_now) -> Path | None:
    """After the change: keep the backup (and rotate) when something changed, else
    discard it, so an import that wrote nothing pushes no older backup out. Returns the
    backup that stays, if any."""
    if path is None:
        return None
    if changed:
        keep_backup(path, clock)
        return path
    discard_backup(path)
    return None


def _remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _parse(path: Path) -> tuple[str, datetime] | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    taken = datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(tzinfo=UTC)
    return match["label"], taken


def backup_counts(path: Path) -> tuple[int | None, int | None]:
    """Live prospects and calls in a backup (None, None when it cannot be read)."""
    try:
        conn = sqlite3.connect(file_uri(path, mode="ro"), uri=True)
    except sqlite3.Error:
        return None, None
    try:
        prospects = conn.execute(
            "SELECT count(*) FROM prospect WHERE deleted_at IS NULL"
        ).fetchone()[0]
        calls = conn.execute(
            "SELECT count(*) FROM interaction WHERE deleted_at IS NULL"
        ).fetchone()[0]
        return int(prospects), int(calls)
    except sqlite3.Error:
        return None, None
    finally:
        conn.close()


def backup_files(dest_dir: Path) -> list[tuple[Path, str, datetime]]:
    """Backup files in ``dest_dir`` as (path, label, taken_at), newest first (no reading)."""
    if not dest_dir.is_dir():
        return []
    found = []
    for path in dest_dir.iterdir():
        parsed = _parse(path)
        if parsed is not None and path.is_file():
            found.append((path, parsed[0], parsed[1]))
    found.sort(key=lambda item: item[2], reverse=True)
    return found


def list_backups(dest_dir: Path) -> list[BackupInfo]:
    """Every backup in ``dest_dir`` with its date and counts, newest first."""
    infos = []
    for path, label, taken in backup_files(dest_dir):
        prospects, calls = backup_counts(path)
        infos.append(BackupInfo(path, label, taken, prospects, calls, path.stat().st_size))
    return infos


def find_backup(dest_dir: Path, backup_id: str) -> BackupInfo:
    """The backup whose id (UTC stamp) starts with ``backup_id``, or its file name.

    Raises :class:`LookupError` when none or several match.
    """
    wanted = backup_id.strip().replace("-", "").upper()
    matches = [
        info
        for info in list_backups(dest_dir)
        if info.path.name == backup_id or (wanted and info.stamp.startswith(wanted))
    ]
    if len(matches) != 1:
        raise LookupError(
            f"no backup with id {backup_id!r}"
            if not matches
            else f"{len(matches)} backups match {backup_id!r}; give more of the id"
        )
    return matches[0]


def rotation_keeps(
    taken: list[datetime],
    now: datetime,
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> set[int]:
    """Indexes of ``taken`` (backup times) that rotation keeps.

    The newest backup of each of the last ``daily`` days, ``weekly`` ISO weeks and
    ``monthly`` months (counted back from ``now``, in ``now``'s time zone) is kept;
    anything dated after ``now`` (a clock that jumped back) is kept too.
    """
    tz = now.tzinfo or UTC
    today = now.astimezone(tz).date()
    rules: list[tuple[Callable[[datetime], object], Callable[[datetime], bool]]] = []

    def within(days: int) -> Callable[[datetime], bool]:
        return lambda t: (today - t.astimezone(tz).date()).days < days

    this_week = today - timedelta(days=today.weekday())

    def weeks_back(t: datetime) -> int:
        d = t.astimezone(tz).date()
        return (this_week - (d - timedelta(days=d.weekday()))).days // 7

    def months_back(t: datetime) -> int:
        d = t.astimezone(tz).date()
        return (today.year - d.year) * 12 + today.month - d.month

    rules.append((lambda t: t.astimezone(tz).date(), within(daily)))
    rules.append((weeks_back, lambda t: weeks_back(t) < weekly))
    rules.append((months_back, lambda t: months_back(t) < monthly))

    keep: set[int] = set()
    order = sorted(range(len(taken)), key=lambda i: taken[i], reverse=True)
    for bucket_of, in_range in rules:
        seen: set[object] = set()
        for i in order:
            t = taken[i]
            if t > now:
                keep.add(i)
                continue
            bucket = bucket_of(t)
            if bucket in seen or not in_range(t):
                continue
            seen.add(bucket)
            keep.add(i)
    return keep


def rotate_backups(
    dest_dir: Path,
    now: datetime,
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> list[Path]:
    """Delete the backups rotation no longer keeps; return the deleted files.

    Automatic and manual backups are thinned by :func:`rotation_keeps`; of the
    pre-migration, pre-restore and pre-import backups the newest :data:`KEEP_SPECIAL` of
    each stay.
    """
    files = backup_files(dest_dir)
    regular = [(p, t) for p, label, t in files if label in (AUTO, MANUAL)]
    keep = rotation_keeps([t for _p, t in regular], now, daily, weekly, monthly)
    doomed = [p for i, (p, _t) in enumerate(regular) if i not in keep]
    for kind in (PRE_RESTORE, PRE_MIGRATION, PRE_IMPORT):
        special = [p for p, label, _t in files if label.startswith(kind)]
        doomed.extend(special[KEEP_SPECIAL:])  # files are newest first
    for path in doomed:
        _remove_with_sidecars(path)
    return doomed


def fingerprint(path: Path) -> tuple[object, ...] | None:
    """What changes whenever the rep changes data: per table, row count and newest update.

    Every user-data table carries ``updated_at`` (SyncMixin), so a table added later is
    covered without listing it here. None when the file cannot be read.
    """
    try:
        conn = sqlite3.connect(file_uri(path, mode="ro"), uri=True)
    except sqlite3.Error:
        return None
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " ORDER BY name"
            )
        ]
        out: list[object] = []
        for table in tables:
            columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
            if "updated_at" in columns:
                out.append(
                    (
                        table,
                        *conn.execute(
                            f'SELECT count(*), max(updated_at) FROM "{table}"'
                        ).fetchone(),
                    )
                )
            elif table in ("alembic_version", "app_meta"):
                out.append((table, tuple(conn.execute(f'SELECT * FROM "{table}" ORDER BY 1'))))
        return tuple(out)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


@dataclass(frozen=True)
class AutoBackupResult:
    created: Path | None  # None when nothing changed or the last backup is recent enough
    removed: list[Path]


def auto_backup(
    source: Path,
    dest_dir: Path,
    clock: Clock = utc_now,
    min_age: timedelta = timedelta(0),
) -> AutoBackupResult:
    """Back ``source`` up when the newest backup is at least ``min_age`` old and the data
    changed since it; then rotate. Raises :class:`BackupError` when the backup fails.

    Safe to run on a worker thread: it opens its own connections.
    """
    now = clock()
    files = backup_files(dest_dir)
    if files:
        newest, _label, taken = files[0]
        if now - taken < min_age:
            return AutoBackupResult(None, [])
        if fingerprint(newest) == fingerprint(source):
            return AutoBackupResult(None, [])
    created = backup_database(source, dest_dir, AUTO, now)
    return AutoBackupResult(created, rotate_backups(dest_dir, now))


def restore_backup(
    backup: Path, database: Path, dest_dir: Path, clock: Clock = utc_now
) -> Path | None:
    """Put the contents of ``backup`` into ``database``; return the pre-restore backup.

    The backup must pass ``integrity_check`` first. The current file, when readable, is
    backed up (label ``pre-restore``) before it is replaced, so a restore can itself be
    undone. Every connection to ``database`` must be closed by the caller.
    """
    if not integrity_ok(backup):
        raise BackupError(f"{backup.name} does not pass integrity_check; not restored")
    before: Path | None = None
    if database.exists() and database.stat().st_size > 0:
        before = backup_database(database, dest_dir, PRE_RESTORE, clock())
    if not database.exists():
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT, 0o600))
    try:
        copy_database(backup, database, journal_mode="WAL")
    except sqlite3.Error as exc:
        raise BackupError(f"restoring {backup.name} failed: {exc}") from exc
    if os.name == "posix":
        database.chmod(0o600)
    return before
