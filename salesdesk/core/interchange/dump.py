"""A full, versioned JSON dump of the data file, and its exact restore.

Table-driven: every table in ``sqlite_master`` is dumped except SQLite's own, Alembic's
bookkeeping, file metadata (``app_meta``) and the full-text index (built again after
the rows on restore). Tables added by later features (deals, action items...) are
included without a change here; :data:`DUMPED_TABLES` lists the ones known today, and a
test fails when a migration adds a table that is in neither list, so someone decides.
Values are written exactly as stored (timestamps as their text, tombstones, versions),
so dump → restore → dump gives the same file apart from ``exported_at``.

``reminder_log`` (which reminders this laptop has shown) is included on purpose: a dump
is how a rep moves to a new laptop or restores after a loss, and without it every moment
already shown — each overdue follow-up, item and complaint — would pop up again at once.

Layout (valid JSON, one row per line, so it can be read back row by row)::

    {"format": "salesdesk-dump", "version": 1, "schema": "0004", ..., "tables": {
    "prospect": {"columns": ["id", ...], "rows": [
    ["…", …],
    ["…", …]
    ]},
    ...
    }}
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from salesdesk.core.clock import utc_now
from salesdesk.core.db import Database
from salesdesk.core.interchange import bulk
from salesdesk.core.interchange import errors as E
from salesdesk.core.interchange.errors import InterchangeError

DUMP_FORMAT = "salesdesk-dump"
DUMP_VERSION = 1
_SKIPPED = frozenset({"alembic_version", "app_meta"})
#: The user-data tables of the current schema (documentation and a test's checklist; the
#: dump itself takes whatever tables the file has).
DUMPED_TABLES = frozenset({
    "prospect", "contact", "interaction", "follow_up", "relationship_assessment",
    "deal", "deal_check", "deal_question", "deal_signal", "deal_outcome",
    "customer_action_item", "complaint", "reminder_log",
})  # fmt: skip
#: Left out: Alembic's revision (the restoring file has its own) and facts about the file
#: itself (which app version wrote it), plus the full-text indexes (virtual tables).
NOT_DUMPED_TABLES = _SKIPPED


@dataclass
class DumpSummary:
    tables: dict[str, int] = field(default_factory=dict)  # rows per table


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def data_tables(conn: sqlite3.Connection) -> list[str]:
    """User-data tables, parents before children (by their foreign keys)."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    virtual = [n for n, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    names = [
        n
        for n, _sql in rows
        if not n.startswith("sqlite_")
        and n not in _SKIPPED
        and n not in virtual
        and not any(n.startswith(v + "_") for v in virtual)
    ]
    parents = {
        n: {r[2] for r in conn.execute(f"PRAGMA foreign_key_list({_quote(n)})")} - {n}
        for n in names
    }
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [n for n in names if n not in ordered and parents[n] <= set(ordered)]
        if not ready:  # a cycle: keep the rest in name order (foreign keys are deferred)
            ready = [n for n in names if n not in ordered]
        ordered.extend(ready)
    return ordered


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({_quote(table)})")]


def _json_value(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"$base64": base64.b64encode(value).decode("ascii")}
    return value


def _db_value(value: Any) -> Any:
    if isinstance(value, dict) and "$base64" in value:
        return base64.b64decode(value["$base64"])
    return value


def _schema(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return None if row is None else str(row[0])


def export_dump(
    db: Database,
    out: Path,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DumpSummary:
    """Write every user-data table of ``db`` to ``out`` (appears only when complete).

    ``progress(rows written, rows in all)`` is called every few thousand rows; it may
    raise (a cancel) to stop the export, and the partial file is then removed.
    """
    summary = DumpSummary()
    out = Path(out)
    tmp = out.with_name(f".{out.name}.partial")
    conn = db.reader()
    # One read transaction: a consistent snapshot even while the window writes.
    conn.execute("BEGIN")
    try:
        head = {
            "format": DUMP_FORMAT,
            "version": DUMP_VERSION,
            "schema": _schema(conn),
            "exported_at": (now or utc_now()).isoformat(),
        }
        with tmp.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "tables": {\n')
            tables = data_tables(conn)
            total = done = 0
            if progress is not None:
                for table in tables:
                    total += conn.execute(f"SELECT count(*) FROM {_quote(table)}").fetchone()[0]
            for t_index, table in enumerate(tables):
                cols = _columns(conn, table)
                fh.write(json.dumps(table) + ": " + json.dumps({"columns": cols})[:-1])
                fh.write(', "rows": [\n')
                count = 0
                order = "rowid" if _has_rowid(conn, table) else "1"
                select = ", ".join(_quote(c) for c in cols)
                cursor = conn.execute(f"SELECT {select} FROM {_quote(table)} ORDER BY {order}")
                while chunk := cursor.fetchmany(1000):
                    for row in chunk:
                        if count:
                            fh.write(",\n")
                        fh.write(json.dumps([_json_value(v) for v in row], ensure_ascii=False))
                        count += 1
                    done += len(chunk)
                    if progress is not None:
                        progress(done, total)
                summary.tables[table] = count
                fh.write(
                    ("\n" if count else "")
                    + "]}"
                    + ("," if t_index < len(tables) - 1 else "")
                    + "\n"
                )
            fh.write("}}\n")
        if progress is not None:
            progress(done, total)  # a last chance to cancel before the file appears
        os.replace(tmp, out)
    finally:
        conn.execute("COMMIT")
        tmp.unlink(missing_ok=True)
    return summary


def _has_rowid(conn: sqlite3.Connection, table: str) -> bool:
    try:
        conn.execute(f"SELECT rowid FROM {_quote(table)} LIMIT 0")
    except sqlite3.OperationalError:
        return False
    return True


# -- reading -------------------------------------------------------------------------------
Section = tuple[str, list[str], Iterator[list[Any]]]


def _read_streaming(fh: Any) -> tuple[dict[str, Any], Iterator[Section]]:
    """Parse the one-row-per-line layout written by :func:`export_dump`."""
    first = fh.readline()
    if not first.rstrip().endswith('"tables": {'):
        raise ValueError("not the streaming layout")
    head = json.loads(first.rstrip()[: -len(', "tables": {')] + "}")

    def sections() -> Iterator[Section]:
        while True:
            line = fh.readline()
            if not line or line.startswith("}}"):
                return
            name_part, _sep, rest = line.partition(": ")
            table = json.loads(name_part)
            columns = json.loads(rest.rstrip()[: -len(', "rows": [')] + "}")["columns"]

            def rows() -> Iterator[list[Any]]:
                while True:
                    row_line = fh.readline()
                    if not row_line:
                        raise ValueError("truncated dump")
                    if row_line.startswith("]}"):
                        return
                    if not row_line.strip():
                        continue  # an empty table
                    yield json.loads(row_line.rstrip().removesuffix(","))

            yield table, columns, rows()

    return head, sections()


def read_dump(fh: Any) -> tuple[dict[str, Any], Iterator[Section]]:
    """The dump's header and its tables (name, columns, rows), read lazily when possible."""
    try:
        return _read_streaming(fh)
    except ValueError:
        fh.seek(0)
    # Reformatted by hand or another tool: fall back to reading it whole.
    data = json.load(fh)
    if not isinstance(data, dict) or "tables" not in data:
        raise ValueError("no tables")
    tables = data.pop("tables")
    return data, ((n, t["columns"], iter(t["rows"])) for n, t in tables.items())


def _insert_rows(
    conn: sqlite3.Connection,
    table: str,
    columns: list[str],
    rows: Iterator[list[Any]],
    tell: Callable[[], None],
) -> int:
    """Insert a dumped table's rows a thousand at a time; ``tell()`` after each thousand."""
    sql = (
        f"INSERT INTO {_quote(table)} ({', '.join(_quote(c) for c in columns)})"
        f" VALUES ({','.join('?' * len(columns))})"
    )
    count = 0
    batch: list[list[Any]] = []
    for row in rows:
        batch.append([_db_value(v) for v in row])
        if len(batch) >= 1000:
            conn.executemany(sql, batch)
            count += len(batch)
            batch = []
            tell()
    conn.executemany(sql, batch)
    return count + len(batch)


def _told(progress: Callable[[int, int], None] | None, fh: Any, size: int) -> None:
    if progress is not None:
        read = os.lseek(fh.fileno(), 0, os.SEEK_CUR)
        progress(min(read, size), size + _finishing(size))


def _finishing(size: int) -> int:
    """The share of the progress bar kept for building the indexes after the rows (about
    a fifth of a big restore's time), in the units of the file's size."""
    return size // 4


class _DryRunDone(Exception):
    """Raised at the end of a dry run: the transaction rolls back."""


def import_dump(
    db: Database,
    path: Path,
    replace: bool = False,
    progress: Callable[[int, int], None] | None = None,
    dry_run: bool = False,
) -> DumpSummary:
    """Restore a dump in one transaction; returns the rows written per table.

    With ``dry_run`` everything is read, written and checked, then rolled back.

    Without ``replace`` the data file must hold no rows in the dumped tables
    (``not_empty``); with it, those tables are emptied first. Any failure rolls the whole
    restore back. The full-text index is built after the rows, in bulk.
    ``progress(done, total)`` is called every thousand rows (bytes read, then the
    building of the indexes after the last row as a last stretch); it may raise (a
    cancel), which rolls the restore back like any failure.
    """
    summary = DumpSummary()
    try:
        fh = Path(path).open(encoding="utf-8")  # noqa: SIM115 (closed by the with below)
    except OSError as exc:
        raise InterchangeError(E.UNREADABLE_FILE, str(exc)) from exc
    with fh:
        size = os.fstat(fh.fileno()).st_size
        try:
            head, sections = read_dump(fh)
        except (ValueError, KeyError, TypeError) as exc:
            raise InterchangeError(E.NOT_A_DUMP, str(exc)) from exc
        if head.get("format") != DUMP_FORMAT:
            raise InterchangeError(E.NOT_A_DUMP, str(head.get("format")))
        if not isinstance(head.get("version"), int) or head["version"] > DUMP_VERSION:
            raise InterchangeError(E.NEWER_DUMP, f"dump version {head.get('version')}")
        with contextlib.suppress(_DryRunDone), db.raw_write() as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            tables = data_tables(conn)
            if replace:
                for table in reversed(tables):
                    conn.execute(f"DELETE FROM {_quote(table)}")
            elif any(conn.execute(f"SELECT 1 FROM {_quote(t)} LIMIT 1").fetchone() for t in tables):
                raise InterchangeError(E.NOT_EMPTY)
            try:
                # The search index is built once, after the rows (row by row it took most
                # of a restore's time), and the random ids of a million calls need a
                # page cache larger than the default.
                with (
                    bulk.bigger_cache(conn),
                    bulk.search_index_as_you_go(conn, 1 << 62),
                    bulk.indexes_built_after(conn, tables),
                ):
                    for table, columns, rows in sections:
                        if table not in tables:
                            raise InterchangeError(E.NEWER_DUMP, f"table {table}")
                        unknown = set(columns) - set(_columns(conn, table))
                        if unknown:
                            raise InterchangeError(E.NEWER_DUMP, f"{table}: {sorted(unknown)}")
                        summary.tables[table] = _insert_rows(
                            conn, table, columns, rows, lambda: _told(progress, fh, size)
                        )
                if progress is not None:
                    progress(size + _finishing(size), size + _finishing(size))
                # Checked here rather than by COMMIT, to say which rows lack their parent.
                orphans = conn.execute("PRAGMA foreign_key_check").fetchmany(5)
                if orphans:
                    where = ", ".join(f"{t} row {r} → {parent}" for t, r, parent, _fk in orphans)
                    raise InterchangeError(E.NOT_A_DUMP, f"missing parent rows: {where}")
                if dry_run:
                    raise _DryRunDone
            except (ValueError, KeyError, TypeError) as exc:
                raise InterchangeError(E.NOT_A_DUMP, str(exc)) from exc
            except sqlite3.IntegrityError as exc:
                raise InterchangeError(E.NOT_A_DUMP, str(exc)) from exc
    return summary
