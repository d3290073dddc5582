"""Backups through SQLite's online backup API (never a file copy of a live database)."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from salesdesk.core.clock import utc_now


class BackupError(Exception):
    """A backup could not be written or did not pass its integrity check."""


def integrity_ok(path: Path, quick: bool = False) -> bool:
    """True when ``path`` is a SQLite database that passes integrity (or quick) check."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
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


def backup_database(source: Path, dest_dir: Path, label: str, now: datetime | None = None) -> Path:
    """Copy ``source`` into ``dest_dir`` via the backup API; verify it; return the new file.

    The file is private to the user (0600). A copy failing ``integrity_check`` is
    deleted and reported as :class:`BackupError`.
    """
    stamp = (now or utc_now()).strftime("%Y%m%dT%H%M%S%fZ")
    dest_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    dest = dest_dir / f"salesdesk-{label}-{stamp}.sqlite3"
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(dest)
    try:
        src.backup(dst)
    except sqlite3.Error as exc:
        dst.close()
        dest.unlink(missing_ok=True)
        raise BackupError(str(exc)) from exc
    finally:
        src.close()
        dst.close()
    if not integrity_ok(dest):
        dest.unlink(missing_ok=True)
        raise BackupError(f"backup {dest.name} failed integrity_check")
    return dest
