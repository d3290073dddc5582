"""Importing prospects and contacts from a CSV/XLSX file: validate, match, write.

The whole import is ONE transaction on the DB-API writer connection: a cancel, a
failure or invalid rows (unless the rep chose to skip them) roll everything back. Rows
are streamed in batches, so memory stays flat whatever the file size: the keys used to
find duplicates live in a TEMP table, not in Python.

A row matching an existing prospect (same id, normalised company name, phone or e-mail)
is merged as the rep decided — fill empty fields, or overwrite chosen fields — or
skipped. Rows for a company created earlier in the same file (one row per contact) are
merged into it silently. Merging never bumps a row's version unless a value changed, so
importing the same file again changes nothing.

The per-row work before the database (reading, checks, folding texts, keys, ids) is in
:mod:`~salesdesk.core.interchange.prepare`. For a big file it runs in a worker process
while this one matches and writes the batch before (see :func:`_batches_from_worker`):
the two halves each take about half the time, and a second thread could not overlap
them (the GIL). New prospects get their derived columns (search texts, sort key) exactly
as the services compute them (property tests hold the bulk paths equal).
"""

from __future__ import annotations

import marshal
import multiprocessing
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.db import Database
from salesdesk.core.interchange import bulk, prepare
from salesdesk.core.interchange import errors as E
from salesdesk.core.interchange.errors import InterchangeError
from salesdesk.core.interchange.keys import company_key, email_key, phone_key
from salesdesk.core.interchange.mapping import (
    CONTACT_FIELDS,
    PROSPECT_FIELDS,
    Mapping,
    validate_mapping,
)
from salesdesk.core.interchange.prepare import (
    C_COLS,
    C_FIELDS,
    C_VALUES,
    KEY_KINDS,
    MAX_LISTED,
    P_COLS,
    P_VALUES,
    Batch,
    RowProblem,
    prepare_batches,
    texts_many,
)
from salesdesk.core.interchange.source import CSV, VCF, RowSource, SourceFormat
from salesdesk.core.listing import to_db_time
from salesdesk.core.text import normalise, prospect_search_texts, sort_key

__all__ = [
    "FILL", "OVERWRITE", "SKIP", "Decision", "ImportOptions", "ImportRefused",
    "ImportSummary", "Match", "RowProblem", "run_import",
]  # fmt: skip

SKIP = "skip"
FILL = "fill"  # fill the existing record's empty fields
OVERWRITE = "overwrite"  # overwrite the chosen fields (and fill the other empty ones)

BATCH_ROWS = 2000
#: Files from this size up are read in a worker process (:func:`_batches_from_worker`):
#: starting it costs ~0.1-0.2 s, won back from a few thousand rows on.
WORKER_MIN_BYTES = {CSV: 512 * 1024, VCF: 512 * 1024}
WORKER_MIN_BYTES_OTHER = 128 * 1024  # XLSX: compressed, and slow to read
#: Import field → contact column.
_C_FIELD_OF = dict(zip(C_FIELDS, CONTACT_FIELDS, strict=True))


@dataclass(frozen=True)
class Decision:
    """What to do with a row that matches an existing prospect."""

    action: str = FILL
    fields: frozenset[str] = frozenset()  # for OVERWRITE: import field names


@dataclass(frozen=True)
class Match:
    """A row that matches an existing prospect."""

    line: int
    prospect_id: str
    existing_company: str
    row_company: str
    matched_by: str  # "id", "company", "phone" or "email"


@dataclass
class ImportOptions:
    mapping: Mapping
    skip_invalid: bool = False
    default_decision: Decision = field(default_factory=Decision)
    decisions: dict[int, Decision] = field(default_factory=dict)  # by line number
    dry_run: bool = False
    batch_rows: int = BATCH_ROWS
    #: Read the file in a worker process: None decides by the file's size.
    worker: bool | None = None


@dataclass
class ImportSummary:
    rows: int = 0
    imported: int = 0  # new prospects
    merged: int = 0  # existing prospects changed by a matching row
    unchanged: int = 0  # matching rows that had nothing new
    skipped: int = 0  # matching rows the rep chose to skip, plus skipped invalid rows
    errors: int = 0  # rows that failed validation
    contacts_added: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    match_count: int = 0
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        """Whether the import wrote anything (a dry run never does)."""
        return not self.dry_run and bool(self.imported or self.merged or self.contacts_added)


class ImportRefused(InterchangeError):
    """Rows failed validation and skipping them was not chosen; nothing was written."""

    def __init__(self, summary: ImportSummary) -> None:
        super().__init__(E.INVALID_ROWS, f"{summary.errors} rows")
        self.summary = summary


class ImportWorkerFailed(RuntimeError):
    """The worker process reading the file failed on something else than the file."""


class _Rollback(Exception):
    pass


def _prospect_keys(pid: str, company: str, phone: str, email: str) -> Iterable[str]:
    yield "i:" + pid
    if ck := company_key(company):
        yield "c:" + ck
    if pk := phone_key(phone):
        yield "p:" + pk
    if ek := email_key(email):
        yield "e:" + ek


# -- the import -----------------------------------------------------------------------------
@dataclass
class _NewProspect:
    """A prospect new in this batch that a later row of the batch added to."""

    values: dict[str, Any]  # PROSPECT_FIELDS
    contacts: list[dict[str, Any]]  # C_COLS


def _incoming_contact(row: tuple[Any, ...] | None) -> dict[str, Any] | None:
    return None if row is None else dict(zip(C_FIELDS, row[C_VALUES], strict=True))


class _Run:
    def __init__(self, conn: sqlite3.Connection, options: ImportOptions, now: datetime) -> None:
        self.conn = conn
        self.options = options
        self.now = now
        self.now_text = to_db_time(now)
        self.summary = ImportSummary(dry_run=options.dry_run)

    # Keys of every live prospect (and its contacts' phones/e-mails), in a TEMP table.
    def seed_keys(self) -> None:
        c = self.conn
        c.execute("DROP TABLE IF EXISTS temp.import_key")
        c.execute(
            "CREATE TEMP TABLE import_key (key TEXT PRIMARY KEY, prospect_id TEXT NOT NULL,"
            " fresh INTEGER NOT NULL) WITHOUT ROWID"
        )
        rows = c.execute("SELECT id, company, phone, email FROM prospect WHERE deleted_at IS NULL")
        while chunk := rows.fetchmany(5000):
            _insert_keys(
                c, [(k, pid) for pid, co, ph, em in chunk for k in _prospect_keys(pid, co, ph, em)]
            )
        rows = c.execute(
            "SELECT c.prospect_id, c.phone, c.email FROM contact c JOIN prospect p"
            " ON p.id = c.prospect_id WHERE c.deleted_at IS NULL AND p.deleted_at IS NULL"
        )
        while chunk := rows.fetchmany(5000):
            pairs = []
            for pid, ph, em in chunk:
                if pk := phone_key(ph):
                    pairs.append(("p:" + pk, pid))
                if ek := email_key(em):
                    pairs.append(("e:" + ek, pid))
            _insert_keys(c, pairs)

    def lookup(self, keys: set[str]) -> dict[str, tuple[str, bool]]:
        found: dict[str, tuple[str, bool]] = {}
        listed = list(keys)
        per = min(2000, self.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
        for start in range(0, len(listed), per):
            part = listed[start : start + per]
            marks = ",".join("?" * len(part))
            for key, pid, fresh in self.conn.execute(
                f"SELECT key, prospect_id, fresh FROM import_key WHERE key IN ({marks})", part
            ):
                found[key] = (pid, bool(fresh))
        return found

    def batch(self, batch: Batch) -> None:
        s = self.summary
        found = self.lookup({k for keys in batch.keys for k in keys})
        new_keys: dict[str, str] = {}
        # New rows of this batch, by id, as they will be inserted.
        p_rows: dict[str, tuple[Any, ...]] = {}
        c_rows: dict[str, tuple[Any, ...]] = {}
        first_contact: dict[str, str] = {}  # new prospect id → its row's contact id
        grown: dict[str, _NewProspect] = {}  # new prospects later rows added to
        existing: dict[str, dict[str, Any]] = {}  # prospect id → current values (changed in place)
        dirty: set[str] = set()
        touched: set[str] = set()  # prospects (not new in this batch) whose search text may change
        contact_cache: dict[str, list[dict[str, Any]]] = {}
        dirty_contacts: dict[str, dict[str, Any]] = {}
        new_contacts: dict[str, dict[str, Any]] = {}

        for line, p_row, c_row, keys in zip(
            batch.lines, batch.prospects, batch.contacts, batch.keys, strict=True
        ):
            for key in keys:
                hit = found.get(key)
                if hit is not None:
                    break
            else:  # no match: the row's prospect (and contact) as prepared
                pid = p_row[0]
                p_rows[pid] = p_row
                if c_row is not None:
                    c_rows[c_row[0]] = c_row
                    first_contact[pid] = c_row[0]
                s.imported += 1
                for key in keys:
                    if key[0] != "i":
                        found.setdefault(key, (pid, True))
                        new_keys.setdefault(key, pid)
                continue
            pid, fresh = hit
            prospect = dict(zip(PROSPECT_FIELDS, p_row[P_VALUES], strict=True))
            contact = _incoming_contact(c_row)
            if pid in p_rows:  # a further row (contact) for a company new in this batch
                new = grown.get(pid)
                if new is None:
                    first = first_contact.get(pid)
                    new = _NewProspect(
                        dict(zip(PROSPECT_FIELDS, p_rows[pid][P_VALUES], strict=True)),
                        [] if first is None else [dict(zip(C_COLS, c_rows[first], strict=True))],
                    )
                grows = bool(_fill(new.values, prospect, Decision()))
                if contact is not None:
                    assert c_row is not None
                    result = _merge_contact(new.contacts, contact, Decision())
                    if result is not None:
                        grows = True
                        if "id" not in result:
                            _adopt(result, c_row, pid)
                if grows:
                    grown[pid] = new
                continue
            decision = (
                Decision()
                if fresh
                else self.options.decisions.get(line, self.options.default_decision)
            )
            if pid not in existing:
                existing[pid] = self.load_prospect(pid)
            current = existing[pid]
            if not fresh:
                s.match_count += 1
                if len(s.matches) < MAX_LISTED:
                    s.matches.append(
                        Match(line, pid, current["company"], prospect["company"],
                              KEY_KINDS[key[0]])
                    )  # fmt: skip
            if decision.action == SKIP:
                s.skipped += 1
                continue
            changed = _fill(current, prospect, decision)
            if changed:
                dirty.add(pid)
                if changed & {"company", "company_kana", "phone", "email"}:
                    touched.add(pid)
            if contact is not None:
                assert c_row is not None
                if pid not in contact_cache:
                    contact_cache[pid] = self.load_contacts(pid)
                result = _merge_contact(contact_cache[pid], contact, decision)
                if result is not None:
                    if "id" not in result:  # new: queued once, later rows change it in place
                        _adopt(result, c_row, pid)
                        new_contacts[result["id"]] = result
                    elif result["id"] not in new_contacts:
                        dirty_contacts[result["id"]] = result
                    touched.add(pid)
                    changed = changed or {"contact"}
            for key in _prospect_keys(pid, current["company"], current["phone"], current["email"]):
                if key not in found:
                    found[key] = (pid, fresh)
                    new_keys[key] = pid
            if not fresh:
                if changed:
                    s.merged += 1
                else:
                    s.unchanged += 1
        self.write(p_rows, c_rows, grown, existing, dirty, dirty_contacts, new_contacts, touched,
                   new_keys)  # fmt: skip

    def load_prospect(self, pid: str) -> dict[str, Any]:
        cols = ", ".join(PROSPECT_FIELDS)
        row = self.conn.execute(f"SELECT {cols} FROM prospect WHERE id = ?", (pid,)).fetchone()
        return dict(zip(PROSPECT_FIELDS, row, strict=True))

    def load_contacts(self, pid: str) -> list[dict[str, Any]]:
        cols = ", ".join(("id", *C_FIELDS))
        return [
            dict(zip(("id", *C_FIELDS), r, strict=True))
            for r in self.conn.execute(
                f"SELECT {cols} FROM contact WHERE prospect_id = ? AND deleted_at IS NULL"
                " ORDER BY created_at, rowid",
                (pid,),
            )
        ]

    def write(
        self,
        p_rows: dict[str, tuple[Any, ...]],
        c_rows: dict[str, tuple[Any, ...]],
        grown: dict[str, _NewProspect],
        existing: dict[str, dict[str, Any]],
        dirty: set[str],
        dirty_contacts: dict[str, dict[str, Any]],
        new_contacts: dict[str, dict[str, Any]],
        touched: set[str],
        new_keys: dict[str, str],
    ) -> None:
        c = self.conn
        if grown:
            items = list(grown.items())
            derived = texts_many([(new.values, new.contacts) for _pid, new in items])
            for (pid, new), texts in zip(items, derived, strict=True):
                values = [new.values[f] for f in PROSPECT_FIELDS]
                p_rows[pid] = (*p_rows[pid][: P_VALUES.start], *values, *texts)
                for contact in new.contacts:
                    c_rows[contact["id"]] = tuple([contact[k] for k in C_COLS])
        for contact in new_contacts.values():
            c_rows[contact["id"]] = tuple([contact[k] for k in C_COLS])
        self.summary.contacts_added += len(c_rows)
        _insert_many(c, "prospect", P_COLS, list(p_rows.values()))
        _insert_many(c, "contact", C_COLS, list(c_rows.values()))
        for pid in dirty:
            v = existing[pid]
            sets = ", ".join(f"{f} = ?" for f in PROSPECT_FIELDS)
            c.execute(
                f"UPDATE prospect SET {sets}, sort_key = ?, version = version + 1,"
                " updated_at = ? WHERE id = ?",
                (*(v[f] for f in PROSPECT_FIELDS), sort_key(v["company"], v["company_kana"]),
                 self.now_text, pid),
            )  # fmt: skip
        for cid, v in dirty_contacts.items():
            sets = ", ".join(f"{f} = ?" for f in C_FIELDS)
            c.execute(
                f"UPDATE contact SET {sets}, version = version + 1, updated_at = ? WHERE id = ?",
                (*(v[f] for f in C_FIELDS), self.now_text, cid),
            )
        for pid in touched:
            refresh_search(c, pid)
        _insert_keys(c, list(new_keys.items()), fresh=True)


def _adopt(contact: dict[str, Any], row: tuple[Any, ...], pid: str) -> None:
    """Give a contact new to ``pid`` the id and creation time its row was prepared with."""
    contact.update(zip(C_COLS[: C_VALUES.start], (*row[:5], pid), strict=True))


def _texts(prospect: dict[str, Any], contacts: Iterable[dict[str, Any]]) -> tuple[str, str, str]:
    """(search_text, search_names, sort_key) exactly as the services compute them."""
    return texts_many([(prospect, list(contacts))])[0]


def refresh_search(conn: sqlite3.Connection, pid: str) -> None:
    """Recompute a prospect's search texts and sort key from it and its live contacts."""
    company, kana, phone, email = conn.execute(
        "SELECT company, company_kana, phone, email FROM prospect WHERE id = ?", (pid,)
    ).fetchone()
    contacts = conn.execute(
        "SELECT name, name_kana, phone, email FROM contact WHERE prospect_id = ?"
        " AND deleted_at IS NULL ORDER BY created_at, rowid",
        (pid,),
    ).fetchall()
    text, names = prospect_search_texts(company, kana, phone, email, contacts)
    conn.execute(
        "UPDATE prospect SET search_text = ?, search_names = ?, sort_key = ? WHERE id = ?"
        " AND (search_text IS NOT ? OR search_names IS NOT ? OR sort_key IS NOT ?)",
        (text, names, sort_key(company, kana), pid, text, names, sort_key(company, kana)),
    )


def _insert_many(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    # Multi-row INSERTs: the full-text triggers then update their index once per
    # statement, not once per row (see core/demo.py).
    if not rows:
        return
    limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(1, min(500, limit // len(columns)))
    marks = "(" + ",".join("?" * len(columns)) + ")"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    for start in range(0, len(rows), per):
        chunk = rows[start : start + per]
        conn.execute(head + ",".join([marks] * len(chunk)), list(chain(*chunk)))


def _insert_keys(
    conn: sqlite3.Connection, pairs: list[tuple[str, str]], fresh: bool = False
) -> None:
    """Add (key, prospect id) pairs to the key table; a key already there keeps its prospect."""
    if not pairs:
        return
    per = max(1, min(500, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // 2))
    marks = "(?,?,1)" if fresh else "(?,?,0)"
    for start in range(0, len(pairs), per):
        chunk = pairs[start : start + per]
        conn.execute(
            "INSERT OR IGNORE INTO import_key VALUES " + ",".join([marks] * len(chunk)),
            list(chain(*chunk)),
        )


def _fill(
    current: dict[str, Any],
    incoming: dict[str, Any],
    decision: Decision,
    names: dict[str, str] | None = None,
) -> set[str]:
    """Apply ``incoming`` to ``current`` per ``decision``; return the keys changed.

    ``names`` maps keys to the import field names ``decision.fields`` uses (contacts).
    """
    changed: set[str] = set()
    overwrite = decision.fields if decision.action == OVERWRITE else frozenset()
    for key, value in incoming.items():
        if key == "id" or value in ("", None):
            continue
        chosen = (names or {}).get(key, key) in overwrite
        if key in ("stage", "is_customer", "is_decision_maker"):
            # Always set to something: only an explicit overwrite changes them.
            if chosen and current.get(key) != value:
                current[key] = value
                changed.add(key)
            continue
        if (chosen or not current.get(key)) and current.get(key) != value:
            current[key] = value
            changed.add(key)
    return changed


def _merge_contact(
    contacts: list[dict[str, Any]], incoming: dict[str, Any], decision: Decision
) -> dict[str, Any] | None:
    """Merge into the contact of the same name (or e-mail/phone); else a new contact.

    Returns the changed or new contact (new ones have no ``id``), or None: nothing to do.
    """
    name = normalise(incoming["name"])
    for existing in contacts:
        same = (name and normalise(existing["name"]) == name) or (
            incoming["email"] and email_key(existing["email"]) == email_key(incoming["email"])
        )
        if same:
            return existing if _fill(existing, incoming, decision, _C_FIELD_OF) else None
    new = dict(incoming)
    contacts.append(new)
    return new


def run_import(
    db: Database,
    path: Path,
    fmt: SourceFormat,
    options: ImportOptions,
    clock: Clock = utc_now,
    progress: Callable[[int, float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import ``path`` in one transaction; return what happened.

    ``progress(rows_read, fraction_of_file)`` is called after every batch; ``cancelled()``
    is asked before every batch (and while waiting for one) and, when true, the
    transaction is rolled back and :class:`InterchangeError` ``cancelled`` raised. With
    ``options.dry_run`` everything is done and then rolled back (the summary is exact).
    Invalid rows roll everything back with :class:`ImportRefused` unless
    ``options.skip_invalid``. A worker process reading the file is stopped before this
    returns or raises.
    """
    run: _Run | None = None
    path = Path(path)
    try:
        with RowSource(path, fmt) as source, db.raw_write() as conn:
            validate_mapping(options.mapping, source.headers)
            now = clock()
            with bulk.bigger_cache(conn):
                run = _Run(conn, options, now)
                with (
                    _batches(source, options, now, cancelled) as batches,
                    bulk.search_index_as_you_go(conn, 5 * options.batch_rows) as index_new,
                ):
                    _import_rows(run, batches, options, progress, cancelled, index_new)
                conn.execute("DROP TABLE temp.import_key")
            if options.dry_run:
                raise _Rollback
    except _Rollback:
        pass
    assert run is not None
    return run.summary


def _import_rows(
    run: _Run,
    batches: Iterable[Batch],
    options: ImportOptions,
    progress: Callable[[int, float], None] | None,
    cancelled: Callable[[], bool] | None,
    index_new: Callable[[], None],
) -> None:
    run.seed_keys()
    s = run.summary
    for batch in batches:
        if cancelled is not None and cancelled():
            raise InterchangeError(E.CANCELLED)
        s.rows += batch.read
        s.errors += batch.errors
        s.problems += batch.problems
        if batch.lines:
            run.batch(batch)
            index_new()
        if progress is not None:
            progress(s.rows, batch.fraction)
    if s.errors and not options.skip_invalid:
        raise ImportRefused(s)
    s.skipped += s.errors


# -- reading in a worker process ------------------------------------------------------------
def uses_worker(path: Path, fmt: SourceFormat, options: ImportOptions) -> bool:
    """Whether the file is read in a worker process (``options.worker``, else its size)."""
    if options.worker is not None:
        return options.worker
    try:
        size = Path(path).stat().st_size
    except OSError:
        return False
    return size >= WORKER_MIN_BYTES.get(fmt.kind, WORKER_MIN_BYTES_OTHER)


@contextmanager
def _batches(
    source: RowSource, options: ImportOptions, now: datetime, cancelled: Callable[[], bool] | None
) -> Iterator[Iterable[Batch]]:
    batch_rows = max(1, options.batch_rows)
    if not uses_worker(source.path, source.fmt, options):
        yield prepare_batches(source, options.mapping, batch_rows, now)
        return
    with _batches_from_worker(source.path, source.fmt, options.mapping, batch_rows, now,
                              cancelled) as batches:  # fmt: skip
        yield batches


class _Received:
    """The batches a worker process sends, in order; its errors raised here."""

    def __init__(self, conn: Connection, worker: Any, cancelled: Callable[[], bool] | None) -> None:
        self.conn = conn
        self.worker = worker
        self.cancelled = cancelled
        self.finished = False

    def __iter__(self) -> Iterator[Batch]:
        conn, cancelled = self.conn, self.cancelled
        while True:
            # Waiting for the worker (a slow file) still answers a cancel within 0.1 s.
            while not conn.poll(0.1):
                if cancelled is not None and cancelled():
                    raise InterchangeError(E.CANCELLED)
            try:
                message = marshal.loads(conn.recv_bytes())
            except (EOFError, OSError):  # gone (mid-message?): killed, out of memory...
                self.worker.join(1)
                detail = f"the reading process stopped (exit code {self.worker.exitcode})"
                raise InterchangeError(E.UNREADABLE_FILE, detail) from None
            kind = message[0]
            if kind == prepare.BATCH:
                yield prepare.decode(message)
            elif kind == prepare.END:
                self.finished = True
                return
            elif kind == prepare.ERROR:
                raise InterchangeError(*message[1:])
            else:
                raise ImportWorkerFailed(message[1])


@contextmanager
def _batches_from_worker(
    path: Path, fmt: SourceFormat, mapping: Mapping, batch_rows: int, now: datetime,
    cancelled: Callable[[], bool] | None,
) -> Iterator[Iterable[Batch]]:  # fmt: skip
    """The file's batches, prepared by a worker process while this one writes.

    'spawn', not 'fork': the window's process has Qt and SQLite state a forked child must
    not share (the frozen app calls ``multiprocessing.freeze_support()`` for it). The
    pipe holds little and the worker queues at most ``prepare.QUEUED_BATCHES``, so
    memory stays flat when writing is the slower half. Whatever ends the with-block
    (the end, an error, a cancel), the worker is stopped and reaped before it returns.
    """
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    worker = ctx.Process(
        target=prepare.serve_batches,
        args=(sender, path, fmt, mapping, batch_rows, now),
        name="salesdesk-import-reader",
        daemon=True,
    )
    received = _Received(receiver, worker, cancelled)
    try:
        try:
            worker.start()
        finally:
            sender.close()  # the worker has its own end: EOF here once it is gone
        yield received
    finally:
        receiver.close()  # a worker still sending gets an error and ends
        if worker.pid is not None:
            _stop(worker, gently=received.finished)
        worker.close()


def _stop(worker: Any, gently: bool) -> None:
    """Reap the worker; one that is not done is terminated (it only reads the file)."""
    if gently:
        worker.join(5)
    if worker.is_alive():
        worker.terminate()
        worker.join(5)
    if worker.is_alive():
        worker.kill()
        worker.join()
