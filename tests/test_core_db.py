"""The durability settings a rep relies on: a logged call is on disk and private."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from salesdesk.config import Paths
from salesdesk.core.calls import CallInput, CallService, NextStep
from salesdesk.core.db import Database
from salesdesk.core.models import Contact, Prospect
from salesdesk.core.prospects import ProspectInput, ProspectService
from salesdesk.core.schema import open_database

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@contextmanager
def other_connection(path: Path, timeout: float = 0.05) -> Iterator[sqlite3.Connection]:
    """A second, independent connection, as another process would open one."""
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _pragmas(conn: sqlite3.Connection) -> dict[str, object]:
    return {
        name: conn.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    }


EXPECTED_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,
    "foreign_keys": 1,
    "busy_timeout": 5000,
}


def test_raw_connections_use_the_durable_pragmas(db: Database) -> None:
    with db.raw_read() as conn:
        assert _pragmas(conn) == EXPECTED_PRAGMAS


def test_session_connections_use_the_durable_pragmas(db: Database) -> None:
    for scope in (db.write, db.read):
        with scope() as s:
            got = {
                name: s.execute(text(f"PRAGMA {name}")).scalar()
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }
        assert got == EXPECTED_PRAGMAS


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), db.write() as s:
        s.add(Contact(prospect_id="00000000-0000-4000-8000-000000000000", name="迷子"))
        s.flush()
    with db.raw_read() as conn:
        assert conn.execute("SELECT count(*) FROM contact").fetchone() == (0,)


@posix_only
def test_database_file_is_private_even_with_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        paths = Paths(tmp_path / "data").ensure()
        db = open_database(paths.database, paths.backups, "0.1.0")
        try:
            ProspectService(db).create(ProspectInput(company="機密"))
            assert _mode(paths.database) == 0o600
            wal = paths.database.with_name(paths.database.name + "-wal")
            if wal.exists():  # SQLite gives its side files the main file's mode
                assert _mode(wal) == 0o600
        finally:
            db.close()
    finally:
        os.umask(old)


@posix_only
def test_existing_database_file_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    path.touch(mode=0o644)
    path.chmod(0o644)
    db = Database.open(path)
    db.close()
    assert _mode(path) == 0o600


@posix_only
def test_paths_ensure_makes_private_folders(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        fresh = Paths(tmp_path / "fresh" / "data").ensure()
    finally:
        os.umask(old)
    assert _mode(fresh.data_dir) == 0o700
    assert _mode(fresh.backups) == 0o700
    # A folder that already exists with loose permissions is tightened.
    loose = tmp_path / "loose"
    loose.mkdir()
    loose.chmod(0o755)
    Paths(loose).ensure()
    assert _mode(loose) == 0o700


def test_write_takes_the_lock_up_front(db: Database) -> None:
    """Even a write block that has only read so far already holds the write lock."""
    assert db.path is not None
    with db.write() as s:
        assert s.scalar(select(func.count()).select_from(Prospect)) == 0
        with (
            other_connection(db.path) as other,
            pytest.raises(sqlite3.OperationalError, match="database is locked"),
        ):
            other.execute("BEGIN IMMEDIATE")
    # Once the block is over the lock is free again.
    with other_connection(db.path) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")


def test_a_read_session_does_not_block_a_writer(db: Database) -> None:
    assert db.path is not None
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Prospect)) == 0
        with other_connection(db.path) as other:
            other.execute("BEGIN IMMEDIATE")
            other.execute("INSERT INTO app_meta(key, value) VALUES ('written_during_read', 'yes')")
            other.execute("COMMIT")
    with db.raw_read() as conn:
        row = conn.execute("SELECT value FROM app_meta WHERE key='written_during_read'")
        assert row.fetchone() == ("yes",)


def test_a_logged_call_is_in_the_file_as_soon_as_log_call_returns(db: Database) -> None:
    assert db.path is not None
    pid = ProspectService(db).create(ProspectInput(company="鈴木工業"))
    due = datetime(2026, 6, 1, 0, 0, tzinfo=UTC)
    call_id = CallService(db).log_call(
        CallInput(
            prospect_id=pid,
            summary="見積の件で電話",
            next_step=NextStep(due_at=due, what="見積を送る"),
        )
    )
    # A brand-new connection (another process, or the app after a crash) sees it.
    with other_connection(db.path) as other:
        assert other.execute(
            "SELECT summary FROM interaction WHERE id = ?", (call_id,)
        ).fetchall() == [("見積の件で電話",)]
        assert other.execute(
            "SELECT what FROM follow_up WHERE interaction_id = ?", (call_id,)
        ).fetchall() == [("見積を送る",)]
        assert (
            other.execute("SELECT next_follow_up_at FROM prospect WHERE id = ?", (pid,))
            .fetchone()[0]
            .startswith("2026-06-01 00:00:00")
        )


def test_an_error_inside_a_write_block_rolls_everything_back(db: Database) -> None:
    assert db.path is not None
    with pytest.raises(RuntimeError, match="power cut"), db.write() as s:
        p = Prospect(company="途中まで")
        s.add(p)
        s.flush()
        s.add(Contact(prospect_id=p.id, name="途中"))
        s.flush()
        raise RuntimeError("power cut")
    with other_connection(db.path) as other:
        assert other.execute("SELECT count(*) FROM prospect").fetchone() == (0,)
        assert other.execute("SELECT count(*) FROM contact").fetchone() == (0,)
    # And the lock was released: the next save works.
    ProspectService(db).create(ProspectInput(company="次の保存"))
    assert ProspectService(db).count() == 1


def test_the_raw_write_path_also_takes_the_lock_up_front(db: Database) -> None:
    """Call logging writes through plain sqlite3; it must lock as early as the ORM path."""
    assert db.path is not None
    with db.raw_write() as conn:
        conn.execute("SELECT count(*) FROM prospect").fetchone()
        with (
            other_connection(db.path) as other,
            pytest.raises(sqlite3.OperationalError, match="database is locked"),
        ):
            other.execute("BEGIN IMMEDIATE")


def test_an_error_inside_a_raw_write_rolls_everything_back(db: Database) -> None:
    assert db.path is not None
    with pytest.raises(RuntimeError, match="power cut"), db.raw_write() as conn:
        conn.execute(
            "INSERT INTO app_meta(key, value) VALUES ('half_done', 'x')",
        )
        raise RuntimeError("power cut")
    with other_connection(db.path) as other:
        assert other.execute("SELECT count(*) FROM app_meta WHERE key='half_done'").fetchone() == (
            0,
        )
    # The connection is usable again (no transaction left open).
    with db.raw_write() as conn:
        conn.execute("INSERT INTO app_meta(key, value) VALUES ('next', 'ok')")
    with other_connection(db.path) as other:
        assert other.execute("SELECT value FROM app_meta WHERE key='next'").fetchone() == ("ok",)


@pytest.mark.parametrize("folder", ["ta#ro", "50%off", "what?now", "with space"])
def test_a_data_folder_with_uri_characters_opens_its_own_file(tmp_path: Path, folder: str) -> None:
    # "file:/…/ta#ro/…" would open "/…/ta" for SQLite: everything after # is a fragment.
    from salesdesk.core.backup import backup_database, integrity_ok, list_backups
    from salesdesk.core.schema import read_file_schema

    paths = Paths(tmp_path / folder).ensure()
    db = open_database(paths.database, paths.backups, "0.1.0")
    try:
        pid = ProspectService(db).create(ProspectInput(company="株式会社テスト"))
        assert db.reader().execute("SELECT id FROM prospect").fetchall() == [(pid,)]
        backup_database(paths.database, paths.backups, "manual")
    finally:
        db.close()
    assert paths.database.exists() and sorted(tmp_path.iterdir()) == [tmp_path / folder]
    assert read_file_schema(paths.database).revision is not None
    assert integrity_ok(paths.database)
    assert [b.prospects for b in list_backups(paths.backups)] == [1]


def test_windows_drive_and_network_paths_reach_sqlite_as_written_but_escaped() -> None:
    from salesdesk.core.db import file_uri

    assert file_uri("C:\\Users\\ta#ro\\SalesDesk\\salesdesk.sqlite3", mode="ro") == (
        "file:C:\\Users\\ta%23ro\\SalesDesk\\salesdesk.sqlite3?mode=ro"
    )
    # A roaming profile on a share: no file:// authority, which SQLite would refuse.
    assert file_uri("\\\\fileserver\\profiles\\50%\\x.db") == (
        "file:\\\\fileserver\\profiles\\50%25\\x.db"
    )
