"""Settings for writing many rows in one transaction: the import and the restore.

- :func:`bigger_cache`: a larger page cache while the transaction runs. Rows with
  random keys (ids, duplicate keys) land on random index pages; SQLite's default 2 MB
  cache then reads and writes the same pages again and again.
- :func:`search_index_as_you_go`: new prospects are added to the two full-text tables
  in bulk instead of by the insert trigger, row by row.
- :func:`indexes_built_after`: (the restore) indexes built once over the rows instead
  of kept up to date while they go in.

Each undoes what it changed when the with-block ends, and a rollback restores the
dropped trigger and indexes anyway (all changed inside the transaction).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

#: Page cache while writing in bulk (KiB, negative for SQLite), for the data file and
#: for TEMP tables (the import's duplicate keys, whose random keys go to random pages:
#: the default 2 MB cost 0.1-0.2 s per 100k imported rows). Both bound the memory used.
BULK_CACHE_KIB = {"main": -65_536, "temp": -16_384}
#: (full-text table, its column, the prospect column it indexes)
FTS_TABLES = (
    ("prospect_fts", "text", "search_text"),
    ("prospect_names_fts", "names", "search_names"),
)
#: New full-text entries kept in memory before a segment is written, while writing in
#: bulk (SQLite's default is 1 MB): fewer segments written and merged.
FTS_HASH_BYTES = 16 << 20
FTS_DEFAULT_HASH_BYTES = 1 << 20


@contextmanager
def bigger_cache(conn: sqlite3.Connection) -> Iterator[None]:
    """:data:`BULK_CACHE_KIB` for the with-block; the connection's own sizes after."""
    before = {
        schema: int(conn.execute(f"PRAGMA {schema}.cache_size").fetchone()[0])
        for schema in BULK_CACHE_KIB
    }
    for schema, size in BULK_CACHE_KIB.items():
        conn.execute(f"PRAGMA {schema}.cache_size = {size}")
    try:
        yield
    finally:
        for schema, size in before.items():
            conn.execute(f"PRAGMA {schema}.cache_size = {size}")


@contextmanager
def search_index_as_you_go(conn: sqlite3.Connection, every: int) -> Iterator[Callable[[], None]]:
    """Index new prospects' search texts ``every`` rows or so instead of row by row.

    Call inside a transaction. The insert trigger is dropped and recreated at the end
    (a rollback restores it anyway); the update trigger stays (it leaves a row not yet
    indexed alone: the bulk insert then takes its current texts). The callable given to
    the with-block adds the prospects inserted since it last did, once there are
    ``every`` of them, to both full-text tables with one bulk insert each; the rest are
    added when the with-block ends without an error. For those statements the
    full-text tables keep up to :data:`FTS_HASH_BYTES` of new entries in memory before
    writing a segment.
    """
    found = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'prospect_search_insert'"
    ).fetchone()
    if found is None:
        yield lambda: None
        return
    last = [conn.execute("SELECT coalesce(max(rowid), 0) FROM prospect").fetchone()[0]]

    def index_new(at_least: int = every) -> None:
        top = conn.execute("SELECT coalesce(max(rowid), 0) FROM prospect").fetchone()[0]
        if top - last[0] < max(1, at_least):
            return
        for table, column, source in FTS_TABLES:
            conn.execute(
                f"INSERT INTO {table}(rowid, {column}) SELECT rowid, {source} FROM prospect"
                " WHERE rowid > ? AND rowid <= ?",
                (last[0], top),
            )
        last[0] = top

    hash_sizes = [_fts_setting(conn, table, "hashsize") for table, _c, _s in FTS_TABLES]
    for table, _c, _s in FTS_TABLES:
        _fts_set(conn, table, "hashsize", FTS_HASH_BYTES)
    conn.execute("DROP TRIGGER prospect_search_insert")
    yield index_new
    index_new(1)
    conn.execute(found[0])
    for (table, _c, _s), size in zip(FTS_TABLES, hash_sizes, strict=True):
        _fts_set(conn, table, "hashsize", FTS_DEFAULT_HASH_BYTES if size is None else size)


@contextmanager
def indexes_built_after(conn: sqlite3.Connection, tables: Sequence[str]) -> Iterator[None]:
    """Drop the tables' own indexes for the with-block and build them again after it.

    Call inside a transaction. Building an index over rows already written sorts them
    once; keeping it while rows with random keys go in writes its pages over and over
    (a million calls: most of a restore). Indexes behind constraints (primary keys,
    UNIQUE columns) stay: SQLite made them and they cannot be dropped. A unique index
    built again refuses duplicates as it would have on insert. A rollback brings the
    dropped indexes back; after an error inside the with-block they are not rebuilt,
    as the transaction is rolled back anyway.
    """
    wanted = set(tables)
    dropped = [
        (name, sql)
        for name, table, sql in conn.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'"
            " AND sql IS NOT NULL ORDER BY name"
        ).fetchall()
        if table in wanted
    ]
    for name, _sql in dropped:
        conn.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in dropped:
        conn.execute(sql)


def _fts_setting(conn: sqlite3.Connection, table: str, name: str) -> Any:
    row = conn.execute(f"SELECT v FROM {table}_config WHERE k = ?", (name,)).fetchone()
    return None if row is None else row[0]


def _fts_set(conn: sqlite3.Connection, table: str, name: str, value: Any) -> None:
    conn.execute(f"INSERT INTO {table}({table}, rank) VALUES (?, ?)", (name, value))
