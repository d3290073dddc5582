"""The import's per-row work before the database: read, check, fold, key and number rows.

:func:`prepare_batches` turns a file's rows into :class:`Batch` es of rows exactly as
they would be inserted (ids, creation times, search texts and sort key included) plus
the keys that find duplicates. It touches no database, so a big file runs it in a
worker process (:func:`serve_batches`) while the importer, in the rep's process, matches
duplicates and writes the previous batch; small files run it in-process. Both ways run
this same code, so they give the same rows.
"""

from __future__ import annotations

import marshal
import os
import queue
import signal
import threading
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from multiprocessing.connection import Connection
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from salesdesk.core.enums import Stage
from salesdesk.core.interchange import errors as E
from salesdesk.core.interchange.errors import InterchangeError
from salesdesk.core.interchange.export import uninert
from salesdesk.core.interchange.keys import company_keys, email_key, phone_key
from salesdesk.core.interchange.mapping import (
    CONTACT_FIELDS,
    FIRST_NON_EMPTY,
    PROSPECT_FIELDS,
    Mapping,
)
from salesdesk.core.interchange.source import RowSource, SourceFormat
from salesdesk.core.listing import to_db_time
from salesdesk.core.text import FIELD_SEPARATOR, clean_contact_value, normalise_many, spaced
from salesdesk.core.validation import UNKNOWN_CHOICE, check_email, check_phone, check_required

#: Problems kept for display; the counts are always complete.
MAX_LISTED = 1000
_TRUE = frozenset({"1", "true", "yes", "y", "x", "○", "◯", "はい", "有", "済", "✓", "✔"})
#: Prospect columns written for a new prospect, in this order.
P_COLS = (
    "id", "created_at", "updated_at", "deleted_at", "version",
    *PROSPECT_FIELDS, "search_text", "search_names", "sort_key",
)  # fmt: skip
#: Where the import fields sit in a prospect row (``P_COLS``).
P_VALUES = slice(5, 5 + len(PROSPECT_FIELDS))
C_FIELDS = tuple(
    "name_kana" if f == "contact_kana" else f.removeprefix("contact_") for f in CONTACT_FIELDS
)
#: Contact columns written for a new contact, in this order.
C_COLS = ("id", "created_at", "updated_at", "deleted_at", "version", "prospect_id", *C_FIELDS)
C_VALUES = slice(6, None)
_LOW62 = (1 << 62) - 1
_VARIANT = 0b10 << 62  # RFC 9562's variant bits, atop the low 62


@dataclass(frozen=True)
class RowProblem:
    """A row that failed validation: its line, ``{field: code}`` and its company cell (the
    contact's name when the company is empty)."""

    line: int
    errors: dict[str, str]
    company: str


class Batch(NamedTuple):
    """Valid rows of a stretch of the file, ready to be matched and written.

    Every valid row has a new prospect row and, when it has contact cells, a new contact
    row (for that prospect); the importer writes them as they are when the row matches
    nothing, and otherwise merges their values into the matched prospect.
    """

    lines: list[int]
    prospects: list[tuple[Any, ...]]  # per row, in P_COLS order
    contacts: list[tuple[Any, ...] | None]  # per row, in C_COLS order
    keys: list[tuple[str, ...]]  # per row, its duplicate keys in matching priority
    read: int  # rows read, valid or not
    errors: int
    problems: list[RowProblem]  # the first MAX_LISTED of the whole file
    fraction: float  # how far through the file


# -- turning a row into values -------------------------------------------------------------
class Extractor:
    """A row's cells → ``{import field: text}`` per the mapping."""

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
            elif target == "contact_name" and len(parts) > 1 and all(map(_western, parts)):
                # Mappings put the family name first (山田 太郎); a name written in Latin
                # letters reads given name first (Anna Schmidt).
                out[target] = " ".join(reversed(parts))
            else:
                out[target] = " ".join(parts)
        return out


def _western(name: str) -> bool:
    """A name without kanji or kana (those start at U+2E80)."""
    return all(ch < "\u2e80" for ch in name)


def _parse_stage(text: str) -> Stage | None:
    if not text:
        return Stage.LEAD
    try:
        return Stage(text.strip().casefold())
    except ValueError:
        return None


def check(
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
    phone, email = clean(phone), clean(email)
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
        c_phone, c_email = clean(get("contact_phone", "")), clean(get("contact_email", ""))
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


def clean(value: str) -> str:
    """clean_contact_value, without its NFKC and dash pass where they change nothing."""
    if value.isascii() and "~" not in value:
        return value.strip()
    return clean_contact_value(value)


def texts_many(
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


def row_keys(
    ids: Sequence[str],
    prospects: Sequence[dict[str, Any]],
    contacts: Sequence[dict[str, Any] | None],
) -> list[tuple[str, ...]]:
    """Per row, its keys in matching priority: id, company, phones, e-mails.

    The first letter says the kind (see :data:`KEY_KINDS`).
    """
    companies = company_keys([p["company"] for p in prospects])
    out = []
    for exported_id, prospect, contact, ck in zip(ids, prospects, contacts, companies, strict=True):
        keys: list[str] = []
        if exported_id:
            keys.append("i:" + exported_id.strip().lower())
        if ck:
            keys.append("c:" + ck)
        if pk := phone_key(prospect["phone"]):
            keys.append("p:" + pk)
        if contact is not None and (pk := phone_key(contact["phone"])):
            keys.append("p:" + pk)
        if ek := email_key(prospect["email"]):
            keys.append("e:" + ek)
        if contact is not None and (ek := email_key(contact["email"])):
            keys.append("e:" + ek)
        out.append(tuple(keys))
    return out


KEY_KINDS = {"i": "id", "c": "company", "p": "phone", "e": "email"}


# -- numbering -----------------------------------------------------------------------------
class Numbering:
    """New rows' ids and creation times, both increasing in file order."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.micros = now.microsecond
        self.second_text = to_db_time(now)[:-6]  # "YYYY-MM-DD HH:MM:SS."
        self.tick = 0
        self.id_pool: list[str] = []
        self.id_millis = int(now.timestamp() * 1000)
        self.id_counter = -1

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
        high = (self.id_millis & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76
        n = self.id_counter
        out = []
        # The first three groups change only when the counter passes its low 62 bits.
        top, head = -1, ""
        for step in memoryview(os.urandom(4 * count)).cast("I"):
            n += step + 1
            if n >> 62 != top:
                top = n >> 62
                h = f"{(high | top << 64) >> 64:016x}"
                head = f"{h[:8]}-{h[8:12]}-{h[12:16]}-"
            low = f"{_VARIANT | (n & _LOW62):016x}"
            out.append(f"{head}{low[:4]}-{low[4:]}")
        self.id_counter = n
        return out


# -- batches -------------------------------------------------------------------------------
def prepare_batches(
    source: RowSource, mapping: Mapping, batch_rows: int, now: datetime
) -> Iterator[Batch]:
    """The file's rows a batch of ``batch_rows`` valid rows at a time (the last may be empty).

    Invalid rows are counted and listed (the first :data:`MAX_LISTED`), not returned.
    """
    extract = Extractor(source.headers, mapping)
    width = extract.width
    numbering = Numbering(now)
    stamp, next_id = numbering.stamp, numbering.next_id
    p_values, c_values = itemgetter(*PROSPECT_FIELDS), itemgetter(*C_FIELDS)
    listed = 0
    lines = iter(source)
    while True:
        numbers: list[int] = []
        exported: list[str] = []
        prospects: list[dict[str, Any]] = []
        contacts: list[dict[str, Any] | None] = []
        problems: list[RowProblem] = []
        read = errors = 0
        for line, row in lines:
            read += 1
            values = extract(row)
            extra = len(row) > width and any(c.strip() for c in row[width:])
            prospect, contact, codes = check(values, extra)
            if codes:
                errors += 1
                if listed < MAX_LISTED:
                    listed += 1
                    # Without a company, the contact's name tells the rep which row it is.
                    who = values.get("company") or values.get("contact_name", "")
                    problems.append(RowProblem(line, codes, who))
                continue
            numbers.append(line)
            exported.append(values.get("id", ""))
            prospects.append(prospect)
            contacts.append(contact)
            if len(numbers) >= batch_rows:
                break
        pairs = zip(prospects, contacts, strict=True)
        texts = texts_many([(p, () if c is None else (c,)) for p, c in pairs])
        p_rows: list[tuple[Any, ...]] = []
        c_rows: list[tuple[Any, ...] | None] = []
        for prospect, contact, derived in zip(prospects, contacts, texts, strict=True):
            pid, created = next_id(), stamp()
            p_rows.append((pid, created, created, None, 1, *p_values(prospect), *derived))
            if contact is None:
                c_rows.append(None)
            else:
                created = stamp()
                c_rows.append((next_id(), created, created, None, 1, pid, *c_values(contact)))
        keys = row_keys(exported, prospects, contacts)
        yield Batch(numbers, p_rows, c_rows, keys, read, errors, problems, source.fraction())
        if len(numbers) < batch_rows:
            return


# -- the worker process ----------------------------------------------------------------------
#: Messages from the worker, in :mod:`marshal` form (plain tuples, lists and text: about
#: twice as fast as pickle both ways): BATCH ones (see :func:`encode`), then ("end",),
#: or ("error", code, detail, line) for a file problem, or ("failed", traceback text).
BATCH, END, ERROR, FAILED = "batch", "end", "error", "failed"
#: Batches encoded and waiting to be sent, besides the one being sent (memory bound).
QUEUED_BATCHES = 2


def encode(batch: Batch) -> tuple[Any, ...]:
    """A batch as a message of plain values; :func:`decode` gives it back."""
    problems = [(p.line, p.errors, p.company) for p in batch.problems]
    lines, prospects, contacts, keys, read, errors, _problems, fraction = batch
    return (BATCH, lines, prospects, contacts, keys, read, errors, problems, fraction)


def decode(message: tuple[Any, ...]) -> Batch:
    _kind, lines, prospects, contacts, keys, read, errors, problems, fraction = message
    listed = [RowProblem(*p) for p in problems]
    return Batch(lines, prospects, contacts, keys, read, errors, listed, fraction)


def serve_batches(
    conn: Connection, path: Path, fmt: SourceFormat, mapping: Mapping, batch_rows: int,
    now: datetime,
) -> None:  # fmt: skip
    """Worker process: send the file's batches over ``conn``, then END (or ERROR/FAILED).

    A thread sends while this one reads on; at most :data:`QUEUED_BATCHES` wait, so a
    slow reader of ``conn`` holds this process back instead of filling its memory. A
    closed ``conn`` (the importer stopped) ends the process; so does the importer's
    terminate().
    """
    if threading.current_thread() is threading.main_thread():
        # Ctrl+C in a terminal reaches this process too: the importer stops it instead.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    outbox: queue.Queue[bytes | None] = queue.Queue(QUEUED_BATCHES)
    broken = threading.Event()

    def send() -> None:
        try:
            while (data := outbox.get()) is not None:
                conn.send_bytes(data)
        except OSError:  # the importer is gone
            broken.set()

    def post(message: tuple[Any, ...] | None) -> None:
        data = None if message is None else marshal.dumps(message)
        while not broken.is_set():
            try:
                outbox.put(data, timeout=0.5)
                return
            except queue.Full:
                continue
        raise SystemExit(1)

    sender = threading.Thread(target=send, name="import-batch-sender", daemon=True)
    sender.start()
    try:
        try:
            with RowSource(path, fmt) as source:
                for batch in prepare_batches(source, mapping, batch_rows, now):
                    post(encode(batch))
            post((END,))
        except InterchangeError as exc:
            post((ERROR, exc.code, exc.detail, exc.line))
        except Exception:
            post((FAILED, traceback.format_exc()))
        post(None)
        sender.join()
    finally:
        conn.close()
