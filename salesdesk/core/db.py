"""Engine and session factory with the durability settings SalesDesk relies on.

Each connection runs with WAL, ``synchronous=FULL`` (a committed call survives a
power cut), foreign keys on and a busy timeout. Write transactions start with
``BEGIN IMMEDIATE`` so they take the write lock up front instead of failing midway;
read-only work uses :meth:`Database.read`, which begins a deferred transaction.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

BUSY_TIMEOUT_MS = 5000
_READ_OPTION = "salesdesk_read"


class StorageError(Exception):
    """The database could not take a write (locked, disk full, read-only...).

    The transaction was rolled back whole; the caller keeps the rep's input.
    """


def _prepare_file(path: Path) -> None:
    """Create the database file private to the user (0600) before SQLite opens it."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)
    elif os.name == "posix":
        path.chmod(0o600)


def apply_pragmas(dbapi_connection: sqlite3.Connection) -> None:
    """The per-connection settings every SalesDesk connection uses (also used by bench/)."""
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def make_engine(path: Path | str) -> Engine:
    """An engine on ``path`` (a file) or ``":memory:"`` with SalesDesk's pragmas."""
    if str(path) == ":memory:":
        engine = create_engine(
            "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
    else:
        file = Path(path)
        _prepare_file(file)
        engine = create_engine(
            f"sqlite:///{file}",
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event decide how transactions start.
        dbapi_connection.isolation_level = None
        apply_pragmas(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get(_READ_OPTION):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class Database:
    """One open SalesDesk database: hands out short-lived sessions."""

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self._write = sessionmaker(engine, expire_on_commit=False)
        self._read = sessionmaker(
            engine.execution_options(**{_READ_OPTION: True}), expire_on_commit=False
        )

    @classmethod
    def open(cls, path: Path | str) -> Database:
        """Open (creating if needed) the file at ``path``; does not migrate."""
        real = None if str(path) == ":memory:" else Path(path)
        return cls(make_engine(path), real)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction holds the write lock and commits on success."""
        try:
            with self._write() as session, session.begin():
                yield session
        except (OperationalError, sqlite3.OperationalError) as exc:
            raise StorageError(str(getattr(exc, "orig", None) or exc)) from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only; it never takes the write lock."""
        with self._read() as session:
            yield session

    @contextmanager
    def raw_read(self) -> Iterator[sqlite3.Connection]:
        """The DB-API connection, for hot read paths (the prospect list) that skip the ORM."""
        conn = self.engine.raw_connection()
        try:
            yield conn.driver_connection  # type: ignore[misc]
        finally:
            conn.close()

    def close(self) -> None:
        self.engine.dispose()
