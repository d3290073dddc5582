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

New prospects get their derived columns (search texts, sort key) exactly as the services
compute them (property tests hold the bulk paths equal); the full-text tables are filled
a batch at a time (see _search_index_as_you_go).
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
from salesdesk.core.interchange.keys import company_key, company_keys, email_key, phone_key
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
    normalise_many,
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


#: A valid row: line, mapped values, prospect and contact values as stored.
_Parsed = tuple[int, dict[str, str], dict[str, Any], dict[str, Any] | None]
#: Page cache for the import's transaction (KiB, negative for SQLite): random UUID keys
#: put inserts on random index pages, and keeping those pages in memory is the main win.
IMPORT_CACHE_KIB = -65_536
_LOW62 = (1 << 62) - 1


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
        # Targets fed by one column (the usual case, kept fast: this runs for every cell):
        # (target, column, notes kept as written, first of "a ::: b").
        self.single = [
            (target, cols[0], target.endswith("notes"), target in FIRST_NON_EMPTY)
            for target, cols in self.columns.items()
            if len(cols) == 1
        ]
        self.multi = [(t, cols) for t, cols in self.columns.items() if len(cols) > 1]

    def __call__(self, row: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        width = len(row)
        for target, i, notes, first in self.single:
            raw = row[i] if i < width else ""
            value = raw.strip()
            if value:
                if notes:
                    value = raw  # notes are kept exactly as written
                if value[0] == "'":
                    value = uninert(value)
                if first and ":::" in value:
                    value = value.split(":::")[0].strip()
            out[target] = value
        for target, cols in self.multi:
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
    phone, email = _clean(phone), _clean(email)
    if code := check_required(company):
        errors["company"] = code
    if email and (code := check_email(email)):
        errors["email"] = code
    if phone and (code := check_phone(phone)):
        errors["phone"] = code
    prospect: dict[str, Any] = {
        "company": company,
        "company_kana": get("company_kana", ""),
        "stage": (stage or Stage.LEAD).value,
        "is_customer": int(get("is_customer", "").casefold() in _TRUE),
        "phone": phone,
        "email": email,
        "address": get("address", ""),
        "website": get("website", ""),
        "notes": get("notes", ""),
    }
    contact: dict[str, Any] | None = None
    if any([get(f) for f in CONTACT_FIELDS]):
        name = get("contact_name", "")
        c_phone, c_email = _clean(get("contact_phone", "")), _clean(get("contact_email", ""))
        if code := check_required(name):
            errors["contact_name"] = code
        if c_email and (code := check_email(c_email)):
            errors["contact_email"] = code
        if c_phone and (code := check_phone(c_phone)):
            errors["contact_phone"] = code
        contact = {
            "name": name,
            "name_kana": get("contact_kana", ""),
            "title": get("contact_title", ""),
            "department": get("contact_department", ""),
            "is_decision_maker": int(get("contact_is_decision_maker", "").casefold() in _TRUE),
            "phone": c_phone,
            "email": c_email,
            "notes": get("contact_notes", ""),
        }
    return prospect, contact, errors


def _clean(value: str) -> str:
    """clean_contact_value, without its NFKC and dash pass where they change nothing."""
    if value.isascii() and "~" not in value:
        return value.strip()
    return clean_contact_value(value)


def _batch_keys(rows: Sequence[_Parsed]) -> list[list[tuple[str, str]]]:
    """Per row, (kind, key) in matching priority: id, company, phones, e-mails."""
    companies = company_keys([row[2]["company"] for row in rows])
    out = []
    for (_line, values, prospect, contact), ck in zip(rows, companies, strict=True):
        keys: list[tuple[str, str]] = []
        if values.get("id"):
            keys.append(("id", "i:" + values["id"].strip().lower()))
        if ck:
            keys.append(("company", "c:" + ck))
        if pk := phone_key(prospect["phone"]):
            keys.append(("phone", "p:" + pk))
        if contact is not None and (pk := phone_key(contact["phone"])):
            keys.append(("phone", "p:" + pk))
        if ek := email_key(prospect["email"]):
            keys.append(("email", "e:" + ek))
        if contact is not None and (ek := email_key(contact["email"])):
            keys.append(("email", "e:" + ek))
        out.append(keys)
    return out


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


@dataclass
class _Chunk:
    """A batch of rows read, checked and folded, ready to be matched and written."""

    rows: list[_Parsed]
    keys: list[list[tuple[str, str]]]  # per row, see _batch_keys
    texts: list[tuple[str, str, str]]  # per row, its search texts as read (see _texts_many)
    read: int  # rows read, valid or not
    errors: int
    problems: list[RowProblem]  # the first MAX_LISTED of the whole file
    fraction: float  # how far through the file


class _Run:
    def __init__(self, conn: sqlite3.Connection, options: ImportOptions, now: datetime) -> None:
        self.conn = conn
        self.options = options
        self.now = now
        self.now_text = to_db_time(now)
        self.second_text = self.now_text[:-6]  # "YYYY-MM-DD HH:MM:SS."
        self.micros = now.microsecond
        self.id_pool: list[str] = []
        self.id_millis = int(now.timestamp() * 1000)
        self.id_counter = -1
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
            self.id_pool.reverse()  # popped from the end: in increasing order
        return self.id_pool.pop()

    def new_ids(self, count: int) -> list[str]:
        """``count`` increasing version 7 UUIDs (RFC 9562) as text.

        The import time in milliseconds, then a counter that starts at a random value and
        grows by a random step (the RFC's "monotonic random" method): as unique as
        ids.new_id's random ones, but each new key lands next to the previous one in the
        primary-key and contact indexes instead of on a random page, which halves the
        cost of the inserts.
        """
        if self.id_counter < 0:
            self.id_counter = int.from_bytes(os.urandom(9)) >> 1  # 71 bits: never overflows
        high = (self.id_millis & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76 | 0b10 << 62
        n = self.id_counter
        out = []
        for step in memoryview(os.urandom(4 * count)).cast("I"):
            n += step + 1
            h = f"{high | (n >> 62) << 64 | (n & _LOW62):032x}"
            out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
        self.id_counter = n
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

    def batch(self, chunk: _Chunk) -> None:
        s = self.summary
        rows, row_keys = chunk.rows, chunk.keys
        found = self.lookup({k for keys in row_keys for _kind, k in keys})
        new_keys: dict[str, str] = {}
        created: dict[str, _NewProspect] = {}
        existing: dict[str, dict[str, Any]] = {}  # prospect id → current values (changed in place)
        dirty: set[str] = set()
        touched: set[str] = set()  # prospects (not new in this batch) whose search text may change
        contact_cache: dict[str, list[dict[str, Any]]] = {}
        dirty_contacts: dict[str, dict[str, Any]] = {}
        new_contacts: dict[str, dict[str, Any]] = {}

        for (line, _values, prospect, contact), keys, texts in zip(
            rows, row_keys, chunk.texts, strict=True
        ):
            target = None
            for kind, key in keys:
                hit = found.get(key)
                if hit is not None:
                    target = (*hit, kind)
                    break
            if target is None:
                pid = self.next_id()
                # The row's dicts are its own (made by _check): no copies needed.
                created[pid] = _NewProspect(prospect, [] if contact is None else [contact], texts)
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
        changed = [new for new in created.values() if new.texts is None]
        for new, fresh_texts in zip(
            changed, _texts_many([(n.values, n.contacts) for n in changed]), strict=True
        ):
            new.texts = fresh_texts
        for pid, new in created.items():
            v = new.values
            stamp = self.stamp()
            p_rows.append(
                (pid, stamp, stamp, None, 1, *[v[f] for f in PROSPECT_FIELDS], *(new.texts or ()))
            )
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
        _insert_keys(c, list(new_keys.items()), fresh=True)


def _texts(prospect: dict[str, Any], contacts: Iterable[dict[str, Any]]) -> tuple[str, str, str]:
    """(search_text, search_names, sort_key) exactly as the services compute them."""
    return _texts_many([(prospect, list(contacts))])[0]


def _texts_many(
    items: Sequence[tuple[dict[str, Any], Sequence[dict[str, Any]]]],
) -> list[tuple[str, str, str]]:
    """(search_text, search_names, sort_key) per (prospect, contacts), as the services do.

    Same result as :func:`salesdesk.core.text.prospect_search_texts` and
    :func:`~salesdesk.core.text.sort_key` (property tests hold them equal), with each part
    normalised once instead of up to three times, and all parts of a batch in one pass
    (:func:`~salesdesk.core.text.normalise_many`): this runs for every imported row.
    """
    parts: list[str] = []
    for p, contacts in items:
        parts += (p["company"], p["company_kana"], p["phone"], p["email"])
        for c in contacts:
            parts += (c["name"], c["name_kana"], c["phone"], c["email"])
    folded = iter(normalise_many(parts))
    out = []
    sep = FIELD_SEPARATOR
    for _p, contacts in items:
        company, kana, phone, email = next(folded), next(folded), next(folded), next(folded)
        everything = [company, kana, phone, email]
        names = [company, kana]
        for _c in contacts:
            name, name_kana = next(folded), next(folded)
            everything += (name, name_kana, next(folded), next(folded))
            names += (name, name_kana)
        text = sep.join([x for x in everything if x])
        out.append((text, spaced(sep.join([x for x in names if x])), kana or company))
    return out


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
                with _search_index_as_you_go(conn) as index_new:
                    _import_rows(run, source, options, progress, cancelled, index_new)
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
def _search_index_as_you_go(conn: sqlite3.Connection) -> Iterator[Callable[[], None]]:
    """Index new prospects' search texts a batch at a time instead of row by row.

    The insert trigger is dropped inside the import's transaction and recreated after
    (a rollback restores it anyway); the update trigger stays. The callable given to the
    with-block adds the prospects inserted since its last call to both full-text tables,
    with one bulk insert each, which is several times cheaper than the trigger's per-row
    inserts.
    """
    found = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'prospect_search_insert'"
    ).fetchone()
    if found is None:
        yield lambda: None
        return
    last = [conn.execute("SELECT coalesce(max(rowid), 0) FROM prospect").fetchone()[0]]

    def index_new() -> None:
        top = conn.execute("SELECT coalesce(max(rowid), 0) FROM prospect").fetchone()[0]
        if top <= last[0]:
            return
        conn.execute(
            "INSERT INTO prospect_fts(rowid, text) SELECT rowid, search_text FROM prospect"
            " WHERE rowid > ? AND rowid <= ?",
            (last[0], top),
        )
        conn.execute(
            "INSERT INTO prospect_names_fts(rowid, names) SELECT rowid, search_names"
            " FROM prospect WHERE rowid > ? AND rowid <= ?",
            (last[0], top),
        )
        last[0] = top

    conn.execute("DROP TRIGGER prospect_search_insert")
    yield index_new
    index_new()
    conn.execute(found[0])


def _chunks(source: RowSource, extract: _Extractor, batch_rows: int) -> Iterator[_Chunk]:
    """The file's rows, read, checked and folded, a batch at a time (the last may be empty).

    Pure work on the rows, no database.
    """
    listed = 0
    lines = iter(source)
    while True:
        rows: list[_Parsed] = []
        problems: list[RowProblem] = []
        read = errors = 0
        for line, row in lines:
            read += 1
            values = extract(row)
            extra = len(row) > extract.width and any(c.strip() for c in row[extract.width :])
            prospect, contact, codes = _check(values, extra)
            if codes:
                errors += 1
                if listed < MAX_LISTED:
                    listed += 1
                    problems.append(RowProblem(line, codes, values.get("company", "")))
                continue
            rows.append((line, values, prospect, contact))
            if len(rows) >= batch_rows:
                break
        texts = _texts_many([(p, [] if c is None else [c]) for _l, _v, p, c in rows])
        yield _Chunk(rows, _batch_keys(rows), texts, read, errors, problems, source.fraction())
        if len(rows) < batch_rows:
            return


def _import_rows(
    run: _Run,
    source: RowSource,
    options: ImportOptions,
    progress: Callable[[int, float], None] | None,
    cancelled: Callable[[], bool] | None,
    index_new: Callable[[], None],
) -> None:
    run.seed_keys()
    extract = _Extractor(source.headers, options.mapping)
    s = run.summary
    # One thread on purpose: reading the next batch on a second thread while this one
    # writes was measured (2 cores) no faster than this: the reading is Python, and most
    # of the writing holds the GIL too.
    for chunk in _chunks(source, extract, max(1, options.batch_rows)):
        if cancelled is not None and cancelled():
            raise InterchangeError(E.CANCELLED)
        s.rows += chunk.read
        s.errors += chunk.errors
        s.problems += chunk.problems
        if chunk.rows:
            run.batch(chunk)
            index_new()
        if progress is not None:
            progress(s.rows, chunk.fraction)
    if s.errors and not options.skip_invalid:
        raise ImportRefused(s)
    s.skipped += s.errors
