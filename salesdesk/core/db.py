"""Connections to the data file, with the durability settings SalesDesk relies on.

Each connection runs with WAL, ``synchronous=FULL`` (a committed call survives a
power cut), foreign keys on and a busy timeout. Write transactions start with
``BEGIN IMMEDIATE`` so they take the write lock up front instead of failing midway.

Two kinds of access share one file:

- the hot paths (the prospect list, logging a call) use plain ``sqlite3`` connections
  (:meth:`Database.reader`, :meth:`Database.raw_write`), so the window can show the first
  page without importing SQLAlchemy;
- everything else uses SQLAlchemy sessions (:meth:`Database.write`, :meth:`Database.read`),
  whose engine is created, and SQLAlchemy imported, on first use.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

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


def file_uri(path: Path | str, **query: str) -> str:
    """The SQLite URI of the file ``path``, e.g. ``file_uri(p, mode="ro")``.

    ``%``, ``?`` and ``#`` in the path are escaped: a data folder named ``ta#ro`` must
    not open the file ``ta`` (SQLite reads ``#`` as the start of a fragment, ``?`` as the
    query). Nothing else changes, so the path reaches SQLite as before: a Windows drive
    or network (UNC) path as written, which a ``file://`` URI would not carry.
    """
    escaped = str(Path(path)).replace("%", "%25").replace("?", "%3F").replace("#", "%23")
    uri = f"file:{escaped}"
    return f"{uri}?{urlencode(query)}" if query else uri


def _uri(path: Path | str) -> str:
    if str(path) == ":memory:":
        raise ValueError("use Database.memory() for an in-memory database")
    return file_uri(path)


def _memory_uri() -> str:
    """A private in-memory database that this process's connections can share."""
    return f"file:salesdesk-{os.urandom(16).hex()}?mode=memory&cache=shared"


def connect(uri: str) -> sqlite3.Connection:
    """A DB-API connection in autocommit mode with SalesDesk's pragmas."""
    conn = sqlite3.connect(
        uri, uri=True, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
    )
    apply_pragmas(conn)
    return conn


def make_engine(path: Path | str) -> Engine:
    """A SQLAlchemy engine on ``path`` (a file) or ``":memory:"`` with SalesDesk's pragmas."""
    if str(path) == ":memory:":
        return _engine_for(_memory_uri(), static=True)
    file = Path(path)
    _prepare_file(file)
    return _engine_for(_uri(file))


def _engine_for(uri: str, static: bool = False) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(
            uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        ),
        **({"poolclass": StaticPool} if static else {}),
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event decide how transactions start.
        dbapi_connection.isolation_level = None
        apply_pragmas(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(_READ_OPTION):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class Database:
    """One open SalesDesk data file."""

    def __init__(self, uri: str, path: Path | None = None) -> None:
        self.uri = uri
        self.path = path
        self._engine: Engine | None = None
        self._sessions: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None
        self._reader: sqlite3.Connection | None = None
        self._writer: sqlite3.Connection | None = None
        self._write_lock = threading.Lock()

    @classmethod
    def open(cls, path: Path | str) -> Database:
        """Open (creating if needed) the file at ``path``; does not migrate."""
        if str(path) == ":memory:":
            return cls(_memory_uri(), None)
        file = Path(path)
        _prepare_file(file)
        return cls(_uri(file), file)

    # -- SQLAlchemy ----------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = _engine_for(self.uri, static=self.path is None)
        return self._engine

    def _session_makers(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            write = sessionmaker(self.engine, expire_on_commit=False)
            read = sessionmaker(
                self.engine.execution_options(**{_READ_OPTION: True}), expire_on_commit=False
            )
            self._sessions = (write, read)
        return self._sessions

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction holds the write lock and commits on success."""
        from sqlalchemy.exc import OperationalError

        try:
            with self._session_makers()[0]() as session, session.begin():
                yield session
        except (OperationalError, sqlite3.OperationalError) as exc:
            raise StorageError(str(getattr(exc, "orig", None) or exc)) from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only; it never takes the write lock."""
        with self._session_makers()[1]() as session:
            yield session

    # -- plain sqlite3 ---------------------------------------------------------------
    def reader(self) -> sqlite3.Connection:
        """The long-lived autocommit connection for list queries (no ORM, no SQLAlchemy)."""
        if self._reader is None:
            self._reader = connect(self.uri)
        return self._reader

    def data_version(self) -> int:
        """SQLite's ``data_version`` on the reader: it changes when another connection (or
        process) commits, so caches and watchers know to read again."""
        return int(self.reader().execute("PRAGMA data_version").fetchone()[0])

    @contextmanager
    def raw_read(self) -> Iterator[sqlite3.Connection]:
        yield self.reader()

    @contextmanager
    def raw_write(self) -> Iterator[sqlite3.Connection]:
        """A DB-API transaction (BEGIN IMMEDIATE ... COMMIT) for hot write paths.

        Rolls back on any error; SQLite errors surface as :class:`StorageError`.
        """
        with self._write_lock:
            if self._writer is None:
                self._writer = connect(self.uri)
            conn = self._writer
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StorageError(str(exc)) from exc
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError):
                    raise StorageError(str(exc)) from exc
                raise

    def close(self) -> None:
        for conn in (self._reader, self._writer):
            if conn is not None:
                conn.close()
        self._reader = self._writer = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._sessions = None
