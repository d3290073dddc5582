"""Backups: made through SQLite's backup API, private, verified, rotated, restorable."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from salesdesk.config import Paths
from salesdesk.core import backup as backup_mod
from salesdesk.core.backup import (
    AUTO,
    PRE_IMPORT,
    BackupError,
    auto_backup,
    backup_before_change,
    backup_counts,
    backup_database,
    find_backup,
    integrity_ok,
    list_backups,
    restore_backup,
    rotate_backups,
    rotation_keeps,
    settle_backup,
)
from salesdesk.core.calls import CallService
from salesdesk.core.db import Database
from salesdesk.core.prospects import ProspectService
from salesdesk.core.records import CallInput, ProspectInput

T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def _fill(db: Database, prospects: int = 3, calls: int = 2) -> list[str]:
    svc, cs = ProspectService(db), CallService(db)
    ids = [svc.create(ProspectInput(company=f"会社{i}")) for i in range(prospects)]
    for i in range(calls):
        cs.log_call(CallInput(prospect_id=ids[0], summary=f"電話{i}", no_next_step=True))
    return ids


def test_backup_goes_through_the_backup_api_never_a_file_copy(
    db: Database, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file copy of a live WAL database can be torn; the backup API reads it consistently."""
    _fill(db)
    used: list[str] = []
    real_backup = sqlite3.Connection.backup

    class Spy(sqlite3.Connection):
        def backup(self, target: sqlite3.Connection, **kw: object) -> None:  # type: ignore[override]
            used.append("backup-api")
            real_backup(self, target, **kw)  # type: ignore[arg-type]

    real_connect = sqlite3.connect
    monkeypatch.setattr(
        backup_mod.sqlite3, "connect", lambda *a, **k: real_connect(*a, factory=Spy, **k)
    )
    import shutil

    def no_copies(*_a: object, **_k: object) -> None:
        raise AssertionError("a backup must not be a file copy")

    for name in ("copyfile", "copy", "copy2"):
        monkeypatch.setattr(shutil, name, no_copies)
    assert db.path is not None
    made = backup_database(db.path, paths.backups, AUTO, T0)
    assert used == ["backup-api"]
    assert integrity_ok(made)
    [info] = list_backups(paths.backups)
    assert (info.prospects, info.calls) == (3, 2)


def test_a_backup_is_private_and_one_self_contained_file(db: Database, paths: Paths) -> None:
    _fill(db)
    old = os.umask(0)
    try:
        assert db.path is not None
        made = backup_database(db.path, paths.backups, AUTO, T0)
    finally:
        os.umask(old)
    if os.name == "posix":
        assert stat.S_IMODE(made.stat().st_mode) == 0o600
    # Includes what is still only in the live file's WAL, and needs no -wal beside it.
    assert [p.name for p in paths.backups.iterdir()] == [made.name]
    conn = sqlite3.connect(f"file:{made}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert conn.execute("SELECT count(*) FROM interaction").fetchone() == (2,)
    finally:
        conn.close()


def test_a_backup_failing_integrity_check_is_discarded_and_reported(
    db: Database, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_mod, "integrity_ok", lambda *_a, **_k: False)
    assert db.path is not None
    with pytest.raises(BackupError, match="integrity_check"):
        backup_database(db.path, paths.backups, AUTO, T0)
    assert list(paths.backups.iterdir()) == []


def test_list_shows_date_and_counts_newest_first_and_ids_find_them(
    db: Database, paths: Paths
) -> None:
    assert db.path is not None
    ids = _fill(db, prospects=1, calls=0)
    first = backup_database(db.path, paths.backups, AUTO, T0)
    CallService(db).log_call(CallInput(prospect_id=ids[0], summary="後", no_next_step=True))
    second = backup_database(db.path, paths.backups, "manual", T0 + timedelta(hours=1))
    infos = list_backups(paths.backups)
    assert [i.path for i in infos] == [second, first]
    assert [(i.prospects, i.calls) for i in infos] == [(1, 1), (1, 0)]
    assert infos[0].taken_at == T0 + timedelta(hours=1)
    assert infos[0].id == "20261127T100000"
    assert find_backup(paths.backups, "20261127T09").path == first
    assert find_backup(paths.backups, second.name).path == second
    with pytest.raises(LookupError, match="2 backups match"):
        find_backup(paths.backups, "20261127")
    with pytest.raises(LookupError, match="no backup"):
        find_backup(paths.backups, "1999")


# -- rotation with an injectable clock -------------------------------------------------
def test_rotation_keeps_the_newest_of_each_day_week_and_month() -> None:
    now = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)  # a Friday
    # Two backups a day for 400 days.
    taken = [now - timedelta(hours=12 * i) for i in range(800)]
    kept = sorted((taken[i] for i in rotation_keeps(taken, now)), reverse=True)
    days = {t.date() for t in kept}
    # 12 newest days each keep exactly their newest backup.
    for d in range(12):
        day = (now - timedelta(days=d)).date()
        assert day in days
        assert max(t for t in taken if t.date() == day) in kept
    # Every kept backup is the newest of some day; no day keeps two.
    assert len(days) == len(kept)
    # Older than 12 days: one per week for 10 weeks, one per month for 9 months.
    assert len(kept) <= 12 + 10 + 9
    oldest = min(kept)
    assert oldest.year == 2026 and oldest.month == 3  # 9 months: Mar..Nov
    # Nothing from a year ago survives.
    assert all(now - t < timedelta(days=300) for t in kept)


def test_rotation_on_disk_deletes_only_what_thinning_drops(db: Database, paths: Paths) -> None:
    assert db.path is not None
    _fill(db, prospects=1, calls=0)
    made = [
        backup_database(db.path, paths.backups, AUTO, T0 - timedelta(days=d, hours=h))
        for d in range(40)
        for h in (0, 6)
    ]
    special = [
        backup_database(
            db.path, paths.backups, f"pre-migration-000{i}", T0 - timedelta(days=90 + i)
        )
        for i in range(5)
    ]
    removed = rotate_backups(paths.backups, T0)
    left = {p.name for p in paths.backups.iterdir()}
    assert set(made[::2][:12]) <= {p for p in made if p.name in left}  # newest per day
    assert not {p.name for p in removed} & left
    assert all(p not in removed for p in made[:24:2])
    assert all(p in removed for p in made[1:24:2])  # the older one of each day
    # Pre-migration backups are not thinned by date: the newest three stay.
    assert [p.name in left for p in special] == [True, True, True, False, False]
    # Thinning is reproducible with the same clock: a second pass removes nothing.
    assert rotate_backups(paths.backups, T0) == []
    # And a later clock thins further.
    assert rotate_backups(paths.backups, T0 + timedelta(days=200)) != []


def test_auto_backup_only_when_something_changed_and_old_enough(db: Database, paths: Paths) -> None:
    assert db.path is not None
    ids = _fill(db, prospects=1, calls=0)
    now = [T0]
    first = auto_backup(db.path, paths.backups, clock=lambda: now[0])
    assert first.created is not None
    now[0] = T0 + timedelta(hours=1)
    assert auto_backup(db.path, paths.backups, clock=lambda: now[0]).created is None  # unchanged
    CallService(db).log_call(CallInput(prospect_id=ids[0], summary="新しい", no_next_step=True))
    daily = timedelta(days=1)
    assert auto_backup(db.path, paths.backups, lambda: now[0], min_age=daily).created is None
    now[0] = T0 + timedelta(days=1, minutes=1)
    second = auto_backup(db.path, paths.backups, lambda: now[0], min_age=daily)
    assert second.created is not None
    assert [(i.prospects, i.calls) for i in list_backups(paths.backups)] == [(1, 1), (1, 0)]


# -- restore -----------------------------------------------------------------------
def test_restore_backs_up_the_current_file_first_then_puts_the_backup_in_place(
    paths: Paths,
) -> None:
    from salesdesk.core.schema import open_database

    db = open_database(paths.database, paths.backups, "0.1.0")
    ids = _fill(db, prospects=2, calls=1)
    good = backup_database(paths.database, paths.backups, AUTO, T0)
    ProspectService(db).delete(ids[1])  # the mistake the rep wants to undo
    CallService(db).log_call(CallInput(prospect_id=ids[0], summary="後で", no_next_step=True))
    db.close()

    before = restore_backup(good, paths.database, paths.backups, clock=lambda: T0 + timedelta(1))
    assert before is not None and before.name.startswith("salesdesk-pre-restore-")
    assert (list_backups(paths.backups)[0].prospects, list_backups(paths.backups)[0].calls) == (
        1,
        2,
    )
    db = open_database(paths.database, paths.backups, "0.1.0")
    try:
        assert ProspectService(db).count() == 2
        assert CallService(db).count_calls(ids[0]) == 1
        with db.raw_read() as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()
    if os.name == "posix":
        assert stat.S_IMODE(paths.database.stat().st_mode) == 0o600


def test_restore_refuses_a_damaged_backup_and_leaves_the_file_alone(
    db: Database, paths: Paths
) -> None:
    assert db.path is not None
    _fill(db)
    bad = paths.backups / "salesdesk-auto-20261127T090000000000Z.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    db.close()
    size = paths.database.stat().st_size
    with pytest.raises(BackupError, match="integrity_check"):
        restore_backup(bad, paths.database, paths.backups)
    assert paths.database.stat().st_size == size
    assert [p.name for p in paths.backups.iterdir()] == [bad.name]  # no pre-restore copy


def test_backup_runs_from_another_thread_while_the_app_writes(db: Database, paths: Paths) -> None:
    """The window backs up on a worker thread; its own connection sees a consistent file."""
    import threading

    assert db.path is not None
    ids = _fill(db, prospects=1, calls=0)
    results: list[Path] = []
    worker = threading.Thread(
        target=lambda: results.append(backup_database(db.path, paths.backups, AUTO, T0))  # type: ignore[arg-type]
    )
    worker.start()
    for i in range(20):
        CallService(db).log_call(CallInput(prospect_id=ids[0], summary=f"{i}", no_next_step=True))
    worker.join()
    [made] = results
    assert integrity_ok(made)


def test_backup_before_an_import_only_when_there_is_a_list_and_newest_three_kept(
    db: Database, paths: Paths
) -> None:
    assert db.path is not None
    assert backup_before_change(db.path, paths.backups, PRE_IMPORT) is None  # empty list
    _fill(db, prospects=2, calls=0)
    made = []
    for d in (4, 3, 2, 1):  # four imports that changed something
        backup = backup_before_change(
            db.path, paths.backups, PRE_IMPORT, lambda d=d: T0 - timedelta(days=d)
        )
        made.append(settle_backup(backup, changed=True, clock=lambda: T0))
    assert made[-1] is not None and backup_counts(made[-1]) == (2, 0)
    # Each kept one rotates: the three newest backups from before an import stay.
    left = sorted(paths.backups.glob("salesdesk-pre-import-*"))
    assert left == sorted(p for p in made[1:] if p is not None)
    assert [b.kind for b in list_backups(paths.backups)] == [PRE_IMPORT] * 3
    # An import that did not happen (or changed nothing) pushes none of them out.
    extra = backup_before_change(db.path, paths.backups, PRE_IMPORT, lambda: T0)
    assert len(list(paths.backups.glob("salesdesk-pre-import-*"))) == 4  # not rotated yet
    assert settle_backup(extra, changed=False) is None
    assert sorted(paths.backups.glob("salesdesk-pre-import-*")) == left
