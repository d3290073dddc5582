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

New prospects get their derived columns (search texts, sort key) from the same
functions the services use; the full-text triggers index them on insert.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import chain
from pathlib import Path
from typing import Any

from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.db import Database
from salesdesk.core.enums import Stage
from salesdesk.core.interchange import errors as E
from salesdesk.core.interchange.errors import InterchangeError
from salesdesk.core.interchange.export import uninert
from salesdesk.core.interchange.keys import company_key, email_key, phone_key
from salesdesk.core.interchange.mapping import (
    CONTACT_FIELDS,
    FIRST_NON_EMPTY,
    PROSPECT_FIELDS,
    Mapping,
    validate_mapping,
)
from salesdesk.core.interchange.source import RowSource, SourceFormat
from salesdesk.core.listing import to_db_time
from salesdesk.core.text import (
    FIELD_SEPARATOR,
    clean_contact_value,
    normalise,
    prospect_search_texts,
    sort_key,
    spaced,
)
from salesdesk.core.validation import UNKNOWN_CHOICE, check_email, check_phone, check_required

SKIP = "skip"
FILL = "fill"  # fill the existing record's empty fields
OVERWRITE = "overwrite"  # overwrite the chosen fields (and fill the other empty ones)

#: Problems and matches kept for display; the counts are always complete.
MAX_LISTED = 1000
BATCH_ROWS = 2000
_TRUE = frozenset({"1", "true", "yes", "y", "x", "○", "◯", "はい", "有", "済", "✓", "✔"})
#: Prospect columns written for a new prospect, in this order.
_P_COLS = (
    "id", "created_at", "updated_at", "deleted_at", "version",
    *PROSPECT_FIELDS, "search_text", "search_names", "sort_key",
)  # fmt: skip
_C_FIELDS = tuple(f.removeprefix("contact_") for f in CONTACT_FIELDS)
_C_FIELDS = tuple("name_kana" if f == "kana" else f for f in _C_FIELDS)
_C_COLS = ("id", "created_at", "updated_at", "deleted_at", "version", "prospect_id", *_C_FIELDS)
#: Import field → contact column.
_C_MAP = dict(zip(CONTACT_FIELDS, _C_FIELDS, strict=True))
_C_FIELD_OF = {col: f for f, col in _C_MAP.items()}


@dataclass(frozen=True)
class Decision:
    """What to do with a row that matches an existing prospect."""

    action: str = FILL
    fields: frozenset[str] = frozenset()  # for OVERWRITE: import field names


@dataclass(frozen=True)
class RowProblem:
    """A row that failed validation: its line, ``{field: code}`` and its company cell."""

    line: int
    errors: dict[str, str]
    company: str


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


class ImportRefused(InterchangeError):
    """Rows failed validation and skipping them was not chosen; nothing was written."""

    def __init__(self, summary: ImportSummary) -> None:
        super().__init__(E.INVALID_ROWS, f"{summary.errors} rows")
        self.summary = summary


#: A valid row: line, mapped values, prospect and contact values as stored, match keys.
_Parsed = tuple[
    int, dict[str, str], dict[str, Any], dict[str, Any] | None, list[tuple[str, str]],
    tuple[str, str, str],
]  # fmt: skip
#: Page cache for the import's transaction (KiB, negative for SQLite): random UUID keys
#: put inserts on random index pages, and keeping those pages in memory is the main win.
IMPORT_CACHE_KIB = -65_536


class _Rollback(Exception):
    pass


# -- turning a row into values -------------------------------------------------------------
class _Extractor:
    def __init__(self, headers: Sequence[str], mapping: Mapping) -> None:
        index = {h: i for i, h in reversed(list(enumerate(headers)))}
        self.columns: dict[str, list[int]] = {}
        for header, target in mapping:
            if header in index:
                self.columns.setdefault(target, []).append(index[header])
        self.width = len(headers)

    def __call__(self, row: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        width = len(row)
        for target, cols in self.columns.items():
            if len(cols) == 1:  # the usual case, kept fast: this runs for every cell
                i = cols[0]
                raw = row[i] if i < width else ""
                value = raw.strip()
                if value and target.endswith("notes"):
                    value = raw  # notes are kept exactly as written
                if value and value[0] == "'":
                    value = uninert(value)
                if ":::" in value and target in FIRST_NON_EMPTY:
                    value = value.split(":::")[0].strip()
                out[target] = value
                continue
            parts = [uninert(row[i].strip()) for i in cols if i < width and row[i].strip()]
            if target in FIRST_NON_EMPTY:
                # Google writes several values in one cell as "a ::: b".
                out[target] = parts[0].split(":::")[0].strip() if parts else ""
            elif target.endswith("notes"):
                out[target] = "\n".join(
                    uninert(row[i]) for i in cols if i < width and row[i].strip()
                )
            else:
                out[target] = " ".join(parts)
        return out


def _parse_stage(text: str) -> Stage | None:
    if not text:
        return Stage.LEAD
    try:
        return Stage(text.strip().casefold())
    except ValueError:
        return None


def _check(
    values: dict[str, str], extra_cells: bool
) -> tuple[dict[str, Any], dict[str, Any] | None, dict[str, str]]:
    """Cleaned prospect and contact values (as stored) and the validation errors.

    The checks are those of ``ProspectInput.validate``/``ContactInput.validate``
    (salesdesk.core.validation), called directly: this runs once per row of big files.
    """
    errors: dict[str, str] = {}
    if extra_cells:
        errors["row"] = E.RAGGED_ROW
    get = values.get
    stage = _parse_stage(get("stage", ""))
    if stage is None:
        errors["stage"] = UNKNOWN_CHOICE
    company, phone, email = get("company", ""), get("phone", ""), get("email", "")
    for name, code in (
        ("company", check_required(company)),
        ("email", check_email(email) if email else None),
        ("phone", check_phone(phone) if phone else None),
    ):
        if code:
            errors[name] = code
    prospect: dict[str, Any] = {
        "company": company,
        "company_kana": get("company_kana", ""),
        "stage": (stage or Stage.LEAD).value,
        "is_customer": int(get("is_customer", "").casefold() in _TRUE),
        "phone": clean_contact_value(phone) if phone else "",
        "email": clean_contact_value(email) if email else "",
        "address": get("address", ""),
        "website": get("website", ""),
        "notes": get("notes", ""),
    }
    contact: dict[str, Any] | None = None
    if any(get(f) for f in CONTACT_FIELDS):
        name, c_phone, c_email = (
            get("contact_name", ""),
            get("contact_phone", ""),
            get("contact_email", ""),
        )
        for field_name, code in (
            ("contact_name", check_required(name)),
            ("contact_email", check_email(c_email) if c_email else None),
            ("contact_phone", check_phone(c_phone) if c_phone else None),
        ):
            if code:
                errors[field_name] = code
        contact = {
            "name": name,
            "name_kana": get("contact_kana", ""),
            "title": get("contact_title", ""),
            "department": get("contact_department", ""),
            "is_decision_maker": int(get("contact_is_decision_maker", "").casefold() in _TRUE),
            "phone": clean_contact_value(c_phone) if c_phone else "",
            "email": clean_contact_value(c_email) if c_email else "",
            "notes": get("contact_notes", ""),
        }
    return prospect, contact, errors


def _row_keys(
    values: dict[str, str], prospect: dict[str, Any], contact: dict[str, Any] | None
) -> list[tuple[str, str]]:
    """(kind, key) in matching priority: id, company, phones, e-mails."""
    keys: list[tuple[str, str]] = []
    if values.get("id"):
        keys.append(("id", "i:" + values["id"].strip().lower()))
    if ck := company_key(prospect["company"]):
        keys.append(("company", "c:" + ck))
    phones = [prospect["phone"], contact["phone"] if contact else ""]
    keys += [("phone", "p:" + k) for k in map(phone_key, phones) if k]
    emails = [prospect["email"], contact["email"] if contact else ""]
    keys += [("email", "e:" + k) for k in map(email_key, emails) if k]
    return keys


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
    values: dict[str, Any]
    contacts: list[dict[str, Any]]
    #: (search_text, search_names, sort_key) computed with the row; None once changed.
    texts: tuple[str, str, str] | None


class _Run:
    def __init__(self, conn: sqlite3.Connection, options: ImportOptions, now: datetime) -> None:
        self.conn = conn
        self.options = options
        self.now = now
        self.now_text = to_db_time(now)
        self.second_text = self.now_text[:-6]  # "YYYY-MM-DD HH:MM:SS."
        self.micros = now.microsecond
        self.id_pool: list[str] = []
        self.summary = ImportSummary(dry_run=options.dry_run)
        self.tick = 0

    def stamp(self) -> str:
        # Distinct, increasing creation times keep contacts in file order (lists sort on it).
        self.tick += 1
        micros = self.micros + self.tick
        if micros < 1_000_000:  # the same text to_db_time gives, without a strftime per row
            return f"{self.second_text}{micros:06d}"
        return to_db_time(self.now + timedelta(microseconds=self.tick))

    def next_id(self) -> str:
        if not self.id_pool:
            self.id_pool = self.new_ids(4096)
        return self.id_pool.pop()

    def new_ids(self, count: int) -> list[str]:
        """``count`` random (version 4) UUIDs as text, like ids.new_id, in one go."""
        out = []
        raw = bytearray(os.urandom(16 * count))
        for k in range(0, 16 * count, 16):
            raw[k + 6] = raw[k + 6] & 0x0F | 0x40
            raw[k + 8] = raw[k + 8] & 0x3F | 0x80
            h = raw[k : k + 16].hex()
            out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
        return out

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
            c.executemany(
                "INSERT OR IGNORE INTO import_key VALUES (?, ?, 0)",
                [(k, pid) for pid, co, ph, em in chunk for k in _prospect_keys(pid, co, ph, em)],
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
            c.executemany("INSERT OR IGNORE INTO import_key VALUES (?, ?, 0)", pairs)

    def lookup(self, keys: set[str]) -> dict[str, tuple[str, bool]]:
        found: dict[str, tuple[str, bool]] = {}
        listed = list(keys)
        for start in range(0, len(listed), 500):
            part = listed[start : start + 500]
            marks = ",".join("?" * len(part))
            for key, pid, fresh in self.conn.execute(
                f"SELECT key, prospect_id, fresh FROM import_key WHERE key IN ({marks})", part
            ):
                found[key] = (pid, bool(fresh))
        return found

    def batch(self, rows: list[_Parsed]) -> None:
        s = self.summary
        all_keys = {k for row in rows for _kind, k in row[4]}
        found = self.lookup(all_keys)
        new_keys: dict[str, str] = {}
        created: dict[str, _NewProspect] = {}
        existing: dict[str, dict[str, Any]] = {}  # prospect id → current values (changed in place)
        dirty: set[str] = set()
        touched: set[str] = set()  # prospects (not new in this batch) whose search text may change
        contact_cache: dict[str, list[dict[str, Any]]] = {}
        dirty_contacts: dict[str, dict[str, Any]] = {}
        new_contacts: dict[str, dict[str, Any]] = {}

        for line, _values, prospect, contact, keys, texts in rows:
            target = None
            for kind, key in keys:
                if key in found:
                    target = (*found[key], kind)
                    break
            if target is None:
                pid = self.next_id()
                created[pid] = _NewProspect(dict(prospect), [], texts)
                if contact is not None:
                    created[pid].contacts.append(dict(contact))
                s.imported += 1
                for _kind, key in keys:
                    if not key.startswith("i:"):
                        found.setdefault(key, (pid, True))
                        new_keys.setdefault(key, pid)
                continue
            pid, fresh, kind = target
            if pid in created:  # a further row (contact) for a company new in this batch
                new = created[pid]
                if _fill(new.values, prospect, Decision()):
                    new.texts = None
                if contact is not None and _merge_contact(new.contacts, contact, Decision(), None):
                    new.texts = None
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
                        Match(line, pid, current["company"], prospect["company"], kind)
                    )
            if decision.action == SKIP:
                s.skipped += 1
                continue
            changed = _fill(current, prospect, decision)
            if changed:
                dirty.add(pid)
                if changed & {"company", "company_kana", "phone", "email"}:
                    touched.add(pid)
            if contact is not None:
                if pid not in contact_cache:
                    contact_cache[pid] = self.load_contacts(pid)
                result = _merge_contact(contact_cache[pid], contact, decision, pid)
                if result is not None:
                    if "id" not in result:  # new: queued once, later rows change it in place
                        result["id"] = self.next_id()
                        result["prospect_id"] = pid
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
        self.write(created, existing, dirty, dirty_contacts, new_contacts, touched, new_keys)

    def load_prospect(self, pid: str) -> dict[str, Any]:
        cols = ", ".join(PROSPECT_FIELDS)
        row = self.conn.execute(f"SELECT {cols} FROM prospect WHERE id = ?", (pid,)).fetchone()
        return dict(zip(PROSPECT_FIELDS, row, strict=True))

    def load_contacts(self, pid: str) -> list[dict[str, Any]]:
        cols = ", ".join(("id", *_C_FIELDS))
        return [
            dict(zip(("id", *_C_FIELDS), r, strict=True))
            for r in self.conn.execute(
                f"SELECT {cols} FROM contact WHERE prospect_id = ? AND deleted_at IS NULL"
                " ORDER BY created_at, rowid",
                (pid,),
            )
        ]

    def write(
        self,
        created: dict[str, _NewProspect],
        existing: dict[str, dict[str, Any]],
        dirty: set[str],
        dirty_contacts: dict[str, dict[str, Any]],
        new_contacts: dict[str, dict[str, Any]],
        touched: set[str],
        new_keys: dict[str, str],
    ) -> None:
        c = self.conn
        p_rows = []
        c_rows = []
        for pid, new in created.items():
            v = new.values
            stamp = self.stamp()
            texts = new.texts or _texts(v, new.contacts)
            p_rows.append((pid, stamp, stamp, None, 1, *(v[f] for f in PROSPECT_FIELDS), *texts))
            for contact in new.contacts:
                stamp = self.stamp()
                c_rows.append(
                    (self.next_id(), stamp, stamp, None, 1, pid, *(contact[f] for f in _C_FIELDS))
                )
        for cid, contact in new_contacts.items():
            stamp = self.stamp()
            c_rows.append(
                (cid, stamp, stamp, None, 1, contact["prospect_id"],
                 *(contact[f] for f in _C_FIELDS))
            )  # fmt: skip
        self.summary.contacts_added += len(c_rows)
        _insert_many(c, "prospect", _P_COLS, p_rows)
        _insert_many(c, "contact", _C_COLS, c_rows)
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
            sets = ", ".join(f"{f} = ?" for f in _C_FIELDS)
            c.execute(
                f"UPDATE contact SET {sets}, version = version + 1, updated_at = ? WHERE id = ?",
                (*(v[f] for f in _C_FIELDS), self.now_text, cid),
            )
        for pid in touched:
            refresh_search(c, pid)
        c.executemany("INSERT OR IGNORE INTO import_key VALUES (?, ?, 1)", list(new_keys.items()))


def _texts(prospect: dict[str, Any], contacts: Iterable[dict[str, Any]]) -> tuple[str, str, str]:
    """(search_text, search_names, sort_key) exactly as the services compute them.

    Same result as :func:`salesdesk.core.text.prospect_search_texts` and
    :func:`~salesdesk.core.text.sort_key` (a property test holds them equal), with each
    part normalised once instead of up to three times: this runs for every imported row.
    """
    company, kana = normalise(prospect["company"]), normalise(prospect["company_kana"])
    everything = [company, kana, normalise(prospect["phone"]), normalise(prospect["email"])]
    names = [company, kana]
    for c in contacts:
        name, name_kana = normalise(c["name"]), normalise(c["name_kana"])
        everything += [name, name_kana, normalise(c["phone"]), normalise(c["email"])]
        names += [name, name_kana]
    text = FIELD_SEPARATOR.join(x for x in everything if x)
    return text, spaced(FIELD_SEPARATOR.join(x for x in names if x)), kana or company


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
    contacts: list[dict[str, Any]], incoming: dict[str, Any], decision: Decision, pid: str | None
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
    is asked before every batch and, when true, the transaction is rolled back and
    :class:`InterchangeError` ``cancelled`` raised. With ``options.dry_run`` everything is
    done and then rolled back (the summary is exact). Invalid rows roll everything back
    with :class:`ImportRefused` unless ``options.skip_invalid``.
    """
    run: _Run | None = None
    try:
        with RowSource(Path(path), fmt) as source, db.raw_write() as conn:
            validate_mapping(options.mapping, source.headers)
            previous_cache = int(conn.execute("PRAGMA cache_size").fetchone()[0])
            conn.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
            try:
                run = _Run(conn, options, clock())
                with _search_index_after(conn):
                    _import_rows(run, source, options, progress, cancelled)
                conn.execute("DROP TABLE temp.import_key")
            finally:
                conn.execute(f"PRAGMA cache_size = {previous_cache}")
            if options.dry_run:
                raise _Rollback
    except _Rollback:
        pass
    assert run is not None
    return run.summary


@contextmanager
def _search_index_after(conn: sqlite3.Connection) -> Iterator[None]:
    """Index new prospects' search texts once, at the end, instead of row by row.

    The insert trigger is dropped inside the import's transaction and recreated after
    (a rollback restores it anyway); the update trigger stays, and is a no-op for rows
    not indexed yet. One bulk insert into the FTS tables is several times cheaper.
    """
    found = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'prospect_search_insert'"
    ).fetchone()
    if found is None:
        yield
        return
    before = conn.execute("SELECT coalesce(max(rowid), 0) FROM prospect").fetchone()[0]
    conn.execute("DROP TRIGGER prospect_search_insert")
    yield
    conn.execute(
        "INSERT INTO prospect_fts(rowid, text) SELECT rowid, search_text FROM prospect"
        " WHERE rowid > ?",
        (before,),
    )
    conn.execute(
        "INSERT INTO prospect_names_fts(rowid, names) SELECT rowid, search_names FROM prospect"
        " WHERE rowid > ?",
        (before,),
    )
    conn.execute(found[0])


def _import_rows(
    run: _Run,
    source: RowSource,
    options: ImportOptions,
    progress: Callable[[int, float], None] | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    run.seed_keys()
    extract = _Extractor(source.headers, options.mapping)
    s = run.summary
    batch: list[_Parsed] = []

    def flush() -> None:
        nonlocal batch
        if cancelled is not None and cancelled():
            raise InterchangeError(E.CANCELLED)
        if batch:
            run.batch(batch)
        batch = []
        if progress is not None:
            progress(s.rows, source.fraction())

    # One thread on purpose: writing a batch on a second thread while this one parses the
    # next was measured slower here (the GIL), not faster.
    for line, row in source:
        s.rows += 1
        values = extract(row)
        extra = len(row) > extract.width and any(c.strip() for c in row[extract.width :])
        prospect, contact, errors = _check(values, extra)
        if errors:
            s.errors += 1
            if len(s.problems) < MAX_LISTED:
                s.problems.append(RowProblem(line, errors, values.get("company", "")))
            continue
        keys = _row_keys(values, prospect, contact)
        texts = _texts(prospect, [contact] if contact is not None else [])
        batch.append((line, values, prospect, contact, keys, texts))
        if len(batch) >= options.batch_rows:
            flush()
    flush()
    if s.errors and not options.skip_invalid:
        raise ImportRefused(s)
    s.skipped += s.errors
