"""The prospect list: search, filters and order over 100k prospects, fast enough per keystroke.

Plain ``sqlite3`` only (no SQLAlchemy), so the window can show its first page early.

How a keystroke is answered:

- the *base order* — rowids of live prospects passing the stage/due filters, in the
  chosen sort — is computed once and cached until the data changes
  (``PRAGMA data_version`` tells when another connection committed);
- the search term, normalised (:mod:`salesdesk.core.text`), selects a set of rowids:
  terms of three or more characters through the FTS5 trigram index over everything
  searchable (names, readings, phones, e-mails); shorter terms (山田, 田中), which
  trigrams cannot match, as a phrase in the per-character index of names and readings;
- the base order filtered by that set is the list, in order.
"""

from __future__ import annotations

import sqlite3
from array import array
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta

from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.db import Database
from salesdesk.core.enums import Stage
from salesdesk.core.text import normalise, spaced

#: Terms at least this long use the trigram index.
TRIGRAM_MIN = 3
#: "Not assessed for 30+ days": the relationship filter's age.
STALE_ASSESSMENT_DAYS = 30


class SortKey:
    COMPANY = "company"
    KANA = "kana"
    STAGE = "stage"
    STRENGTH = "strength"
    LAST_CONTACT = "last_contact"
    NEXT_FOLLOW_UP = "next_follow_up"


_STAGE_ORDER = "CASE stage " + " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(Stage))
_STAGE_ORDER += " END"
# Company and reading both sort by the folded reading (ix_prospect_live_order covers it).
_ORDER_SQL = {
    SortKey.COMPANY: "sort_key {d}, company {d}",
    SortKey.KANA: "sort_key {d}, company {d}",
    SortKey.STAGE: _STAGE_ORDER + " {d}, sort_key",
    SortKey.STRENGTH: "strength IS NULL, strength {d}, sort_key",
    SortKey.LAST_CONTACT: "last_contact_at IS NULL, last_contact_at {d}, sort_key",
    SortKey.NEXT_FOLLOW_UP: "next_follow_up_at IS NULL, next_follow_up_at {d}, sort_key",
}


@dataclass(frozen=True)
class ProspectQuery:
    """What the list shows: search text, filters and order."""

    search: str = ""
    stage: Stage | None = None
    follow_up_due: bool = False  # next follow-up due today (local) or overdue
    weakest: str | None = None  # the latest assessment's weakest dimension is this one
    stale_assessment: bool = False  # never assessed, or not for STALE_ASSESSMENT_DAYS+
    sort: str = SortKey.COMPANY
    descending: bool = False

    def with_search(self, search: str) -> ProspectQuery:
        return replace(self, search=search)


@dataclass(frozen=True)
class ProspectRow:
    """One line of the prospect list."""

    id: str
    company: str
    company_kana: str
    stage: Stage
    strength: int | None
    last_contact_at: datetime | None
    next_follow_up_at: datetime | None
    pending_streak: int = 0  # longest △ streak of the prospect's open deals (core/deals.py)


def to_db_time(value: datetime) -> str:
    """The text SQLite holds for an aware datetime (naive UTC, as the models store it)."""
    if value.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def from_db_time(value: str | None) -> datetime | None:
    if value is None:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def end_of_local_day(now: datetime) -> datetime:
    """The last instant of ``now``'s local calendar day, as an aware datetime."""
    local = now.astimezone()
    tomorrow = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=local.tzinfo)
    return tomorrow - timedelta(microseconds=1)


def fts_phrase(term: str) -> str:
    """An FTS5 query matching ``term`` (already normalised) as a plain substring."""
    return '"' + term.replace('"', '""') + '"'


class ProspectList:
    """Ordered, filtered prospect rowids and the rows to show for them."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock
        self._base: dict[tuple[object, ...], array[int]] = {}
        self._data_version: int | None = None
        self._count: int | None = None

    @property
    def _conn(self) -> sqlite3.Connection:
        return self.db.reader()

    def invalidate(self) -> None:
        """Forget cached orders (called after this process changed prospects)."""
        self._base.clear()
        self._count = None

    def _check_version(self) -> None:
        version = self.db.data_version()
        if version != self._data_version:
            self._data_version = version
            self._base.clear()
            self._count = None

    def _base_order(self, query: ProspectQuery) -> array[int]:
        key, sql, params = self._base_query(query)
        cached = self._base.get(key)
        if cached is not None:
            return cached
        rowids = array("q", (r[0] for r in self._conn.execute(sql, params)))
        self._base[key] = rowids
        return rowids

    def first_rowids(self, query: ProspectQuery, limit: int) -> tuple[array[int], int]:
        """The first ``limit`` rowids of an unsearched ``query`` and how many there are in
        all: a screenful to show at once, before :meth:`rowids` reads the whole order."""
        self._check_version()
        if normalise(query.search):
            rowids = self.rowids(query)
            return rowids, len(rowids)
        key, sql, params = self._base_query(query)
        cached = self._base.get(key)
        if cached is not None:
            return cached[:limit], len(cached)
        first = array("q", (r[0] for r in self._conn.execute(f"{sql} LIMIT ?", [*params, limit])))
        if len(first) < limit:
            return first, len(first)
        where = sql.split(" WHERE ", 1)[1].split(" ORDER BY ", 1)[0]
        total = self._conn.execute(f"SELECT count(*) FROM prospect WHERE {where}", params)
        return first, int(total.fetchone()[0])

    def _base_query(self, query: ProspectQuery) -> tuple[tuple[object, ...], str, list[object]]:
        """The cache key, SQL and parameters of ``query``'s order before any search."""
        due_limit = to_db_time(end_of_local_day(self.clock())) if query.follow_up_due else None
        stale_limit = (
            to_db_time(self.clock() - timedelta(days=STALE_ASSESSMENT_DAYS))
            if query.stale_assessment
            else None
        )
        key = (
            query.stage,
            due_limit,
            query.weakest,
            stale_limit,
            query.sort,
            query.descending,
        )
        clauses = ["deleted_at IS NULL"]
        params: list[object] = []
        if query.stage is not None:
            clauses.append("stage = ?")
            params.append(Stage(query.stage).value)
        if due_limit is not None:
            clauses.append("next_follow_up_at <= ?")
            params.append(due_limit)
        # prospect.weakest / assessed_at are kept by core/relationship.py on each save.
        if query.weakest is not None:
            clauses.append("weakest = ?")
            params.append(query.weakest)
        if stale_limit is not None:
            clauses.append("(assessed_at IS NULL OR assessed_at < ?)")
            params.append(stale_limit)
        direction = "DESC" if query.descending else "ASC"
        order = _ORDER_SQL.get(query.sort, _ORDER_SQL[SortKey.COMPANY]).format(d=direction)
        sql = f"SELECT rowid FROM prospect WHERE {' AND '.join(clauses)} ORDER BY {order}"
        return key, sql, params

    def _matches(self, term: str) -> set[int]:
        if len(term) >= TRIGRAM_MIN:
            cur = self._conn.execute(
                "SELECT rowid FROM prospect_fts WHERE prospect_fts MATCH ?", (fts_phrase(term),)
            )
        elif term.isalnum():
            cur = self._conn.execute(
                "SELECT rowid FROM prospect_names_fts WHERE prospect_names_fts MATCH ?",
                (fts_phrase(spaced(term)),),
            )
        else:  # symbols the word index does not keep: scan the names
            cur = self._conn.execute(
                "SELECT rowid FROM prospect WHERE instr(search_names, ?) > 0", (spaced(term),)
            )
        return {r[0] for r in cur}

    def rowids(self, query: ProspectQuery) -> array[int]:
        """Rowids of the live prospects matching ``query``, in display order."""
        self._check_version()
        base = self._base_order(query)
        term = normalise(query.search)
        if not term:
            return base
        matches = self._matches(term)
        return array("q", (r for r in base if r in matches))

    def ids(self, query: ProspectQuery) -> list[str]:
        """Prospect ids (UUID text) matching ``query``, in display order."""
        order = self.rowids(query)
        found = self._id_map(list(order))
        return [found[r] for r in order if r in found]

    def _id_map(self, rowids: list[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for start in range(0, len(rowids), 500):
            chunk = rowids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            out.update(
                self._conn.execute(
                    f"SELECT rowid, id FROM prospect WHERE rowid IN ({marks})", chunk
                ).fetchall()
            )
        return out

    def rows(self, rowids: list[int]) -> dict[int, ProspectRow]:
        """Plain rows for the given rowids (a screenful at a time)."""
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        cur = self._conn.execute(
            "SELECT rowid, id, company, company_kana, stage, strength, last_contact_at, "
            f"next_follow_up_at, pending_streak FROM prospect WHERE rowid IN ({marks})",
            rowids,
        )
        return {
            r[0]: ProspectRow(
                id=r[1],
                company=r[2],
                company_kana=r[3],
                stage=Stage(r[4]),
                strength=r[5],
                last_contact_at=from_db_time(r[6]),
                next_follow_up_at=from_db_time(r[7]),
                pending_streak=r[8],
            )
            for r in cur
        }

    def rowid_of(self, prospect_id: str) -> int | None:
        row = self._conn.execute(
            "SELECT rowid FROM prospect WHERE id = ?", (prospect_id,)
        ).fetchone()
        return None if row is None else int(row[0])

    def count(self) -> int:
        """Live prospects in all (cached like the orders, until the data changes)."""
        self._check_version()
        if self._count is None:
            row = self._conn.execute(
                "SELECT count(*) FROM prospect WHERE deleted_at IS NULL"
            ).fetchone()
            self._count = int(row[0])
        return self._count
