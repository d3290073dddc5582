"""What a printed call sheet and the day's call list show, as plain records.

The sheet is the page a rep takes into a meeting (issue 6): the company and its
contacts, the relationship (DOMAIN.md §1) with the next-best action, the open
follow-ups, the last five contacts, the open deals with their closing checklist, and the
customer's action items. Nothing here is invented: a section whose table is missing
from the data file is ``None`` and the sheet leaves it out.

Deals and action items come from their services (:mod:`salesdesk.core.deals`,
:mod:`salesdesk.core.action_items`) as those services' own records, so the sheet
follows their schema rather than reading their columns. Everything is read with plain
``sqlite3`` (no SQLAlchemy, no Qt).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from salesdesk.core.action_items import ActionItem, ActionItemService
from salesdesk.core.closing_rules import Readiness
from salesdesk.core.db import Database
from salesdesk.core.deals import Deal, DealService, Question
from salesdesk.core.enums import Channel, InteractionKind, Outcome, Stage
from salesdesk.core.listing import from_db_time, to_db_time
from salesdesk.core.relationship import NextAction, RelationshipService, Scores, next_best_action
from salesdesk.core.validation import NotFoundError

#: How many past contacts a sheet lists.
LAST_INTERACTIONS = 5


@dataclass(frozen=True)
class SheetContact:
    name: str
    name_kana: str
    title: str
    department: str
    is_decision_maker: bool
    phone: str
    email: str


@dataclass(frozen=True)
class SheetInteraction:
    occurred_at: datetime
    channel: Channel
    kind: InteractionKind
    outcome: Outcome
    summary: str
    contact_name: str


@dataclass(frozen=True)
class SheetFollowUp:
    due_at: datetime
    what: str
    kind: InteractionKind


@dataclass(frozen=True)
class SheetRelationship:
    """The latest assessment (None when never assessed), the one before, the next action."""

    assessed_at: datetime | None
    scores: Scores | None
    previous: Scores | None
    next_action: NextAction


@dataclass(frozen=True)
class SheetDeal:
    """An open deal as the deals service keeps it, with its checklist and open questions."""

    deal: Deal
    readiness: Readiness
    #: Questions and worries (疑問・不安) not answered yet, oldest first.
    open_questions: tuple[Question, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        """What the closing checklist still misses (codes of closing_rules), in its order."""
        return self.readiness.missing


@dataclass(frozen=True)
class CallSheet:
    """Everything one prospect's call sheet prints."""

    prospect_id: str
    company: str
    company_kana: str
    stage: Stage
    is_customer: bool
    phone: str
    email: str
    address: str
    website: str
    notes: str
    last_contact_at: datetime | None
    contacts: tuple[SheetContact, ...]
    relationship: SheetRelationship
    follow_ups: tuple[SheetFollowUp, ...]
    interactions: tuple[SheetInteraction, ...]
    interaction_count: int
    #: None: this data file has no deal tables (the section is left out).
    deals: tuple[SheetDeal, ...] | None = None
    #: None: this data file has no customer action items (the section is left out).
    action_items: tuple[ActionItem, ...] | None = None


@dataclass(frozen=True)
class CallListEntry:
    """One line of the day's call list."""

    prospect_id: str
    company: str
    contact: str
    phone: str
    purpose: str  # the follow-up's "what"
    more: int  # further follow-ups due by the end of the day
    due_at: datetime
    overdue: bool
    last_contact_at: datetime | None


@dataclass(frozen=True)
class DayBounds:
    start: datetime
    end: datetime


def day_bounds(day: date, tz: tzinfo | None = None) -> DayBounds:
    """The first instant of ``day`` and of the next day in ``tz`` (None: this machine's zone)."""

    def at_midnight(d: date) -> datetime:
        if tz is None:
            return datetime.combine(d, time(0)).astimezone()
        return datetime.combine(d, time(0), tzinfo=tz)

    return DayBounds(at_midnight(day), at_midnight(day + timedelta(days=1)))


def _time(value: str) -> datetime:
    found = from_db_time(value)
    assert found is not None
    return found


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


class SheetService:
    """Gathers call sheets and the day's call list from one data file."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.relationship = RelationshipService(db)
        self._schema: set[str] | None = None

    # -- which optional sections this data file can fill ----------------------------------
    def _table_set(self) -> set[str]:
        if self._schema is None:  # the schema does not change under an open file
            self._schema = _tables(self.db.reader())
        return self._schema

    def has_deals(self) -> bool:
        """Whether this data file has the deal tables (issue 4)."""
        return "deal" in self._table_set()

    def has_action_items(self) -> bool:
        """Whether this data file has customer action items (issue 5)."""
        return "customer_action_item" in self._table_set()

    # -- one sheet ---------------------------------------------------------------------------
    def sheet(self, prospect_id: str) -> CallSheet:
        """The call sheet of one live prospect; :class:`NotFoundError` if there is none."""
        conn = self.db.reader()
        row = conn.execute(
            "SELECT company, company_kana, stage, is_customer, phone, email, address, website,"
            " notes, last_contact_at FROM prospect WHERE id=? AND deleted_at IS NULL",
            (prospect_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(prospect_id)
        contacts = tuple(
            SheetContact(name, kana, title, dept, bool(dm), phone, email)
            for name, kana, title, dept, dm, phone, email in conn.execute(
                "SELECT name, name_kana, title, department, is_decision_maker, phone, email"
                " FROM contact WHERE prospect_id=? AND deleted_at IS NULL"
                # Decision makers first: the rep looks for them before anyone else.
                " ORDER BY is_decision_maker DESC, created_at",
                (prospect_id,),
            )
        )
        follow_ups = tuple(
            SheetFollowUp(_time(due), what, InteractionKind(kind))
            for due, what, kind in conn.execute(
                "SELECT due_at, what, kind FROM follow_up WHERE prospect_id=? AND status='open'"
                # +due_at: sorting by the bare column makes SQLite walk the (status, due_at)
                # index over every open follow-up (~50 ms at 100k prospects) instead of
                # looking up this prospect's few.
                " AND deleted_at IS NULL ORDER BY +due_at",
                (prospect_id,),
            )
        )
        interactions = tuple(
            SheetInteraction(
                _time(at), Channel(channel), InteractionKind(kind), Outcome(outcome), summary, name
            )
            for at, channel, kind, outcome, summary, name in conn.execute(
                "SELECT i.occurred_at, i.channel, i.kind, i.outcome, i.summary,"
                " coalesce(c.name, '') FROM interaction i LEFT JOIN contact c"
                " ON c.id = i.contact_id WHERE i.prospect_id=? AND i.deleted_at IS NULL"
                " ORDER BY i.occurred_at DESC LIMIT ?",
                (prospect_id, LAST_INTERACTIONS),
            )
        )
        count = conn.execute(
            "SELECT count(*) FROM interaction WHERE prospect_id=? AND deleted_at IS NULL",
            (prospect_id,),
        ).fetchone()[0]
        latest, previous = self.relationship.latest_two(prospect_id)
        scores = None if latest is None else latest.scores
        stage = Stage(row[2])
        relationship = SheetRelationship(
            None if latest is None else latest.assessed_at,
            scores,
            None if previous is None else previous.scores,
            next_best_action(stage, scores),
        )
        return CallSheet(
            prospect_id=prospect_id,
            company=row[0],
            company_kana=row[1],
            stage=stage,
            is_customer=bool(row[3]),
            phone=row[4],
            email=row[5],
            address=row[6],
            website=row[7],
            notes=row[8],
            last_contact_at=from_db_time(row[9]),
            contacts=contacts,
            relationship=relationship,
            follow_ups=follow_ups,
            interactions=interactions,
            interaction_count=int(count),
            deals=self._deals(prospect_id) if self.has_deals() else None,
            action_items=self._action_items(prospect_id),
        )

    def sheets(self, prospect_ids: Iterable[str]) -> Iterable[CallSheet]:
        """Sheets for several prospects, one at a time (a pack can be long)."""
        for pid in prospect_ids:
            yield self.sheet(pid)

    # -- optional sections -------------------------------------------------------------------
    def _deals(self, prospect_id: str) -> tuple[SheetDeal, ...]:
        """The prospect's open deals (no answer yet, or △), newest first."""
        service = DealService(self.db)
        return tuple(
            SheetDeal(
                deal,
                service.checklist(deal.id).readiness,
                tuple(q for q in service.questions(deal.id) if not q.resolved),
            )
            for deal in service.for_prospect(prospect_id)
            if deal.is_open
        )

    def _action_items(self, prospect_id: str) -> tuple[ActionItem, ...] | None:
        """Open items the customer owes, soonest deadline first (None: no such table)."""
        if not self.has_action_items():
            return None
        return tuple(ActionItemService(self.db).for_prospect(prospect_id))

    # -- the day's call list ---------------------------------------------------------------
    def call_list(
        self,
        day: date,
        tz: tzinfo | None = None,
        include_overdue: bool = True,
        limit: int | None = None,
    ) -> list[CallListEntry]:
        """Prospects with an open follow-up due on ``day`` — and, unless told otherwise, the
        overdue ones — in order of priority: overdue first (the longest overdue at the top),
        then by the time they are due."""
        bounds = day_bounds(day, tz)
        start, end = to_db_time(bounds.start), to_db_time(bounds.end)
        conn = self.db.reader()
        low = "" if include_overdue else " AND f.due_at >= :start"
        # min(due_at) with its row's "what": SQLite returns the bare columns of the row
        # that holds the min().
        sql = (
            "SELECT f.prospect_id, min(f.due_at), f.what, count(*), p.company, p.phone,"
            " p.last_contact_at FROM follow_up f JOIN prospect p ON p.id = f.prospect_id"
            " WHERE f.status='open' AND f.deleted_at IS NULL AND p.deleted_at IS NULL"
            f" AND f.due_at < :end{low} GROUP BY f.prospect_id ORDER BY min(f.due_at), p.sort_key"
        )
        params: dict[str, object] = {"start": start, "end": end}
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = limit
        out = []
        for pid, due, what, n, company, phone, last in conn.execute(sql, params).fetchall():
            due_at = _time(due)
            name, contact_phone = self._call_contact(conn, pid)
            out.append(
                CallListEntry(
                    prospect_id=pid,
                    company=company,
                    contact=name,
                    phone=contact_phone or phone,
                    purpose=what,
                    more=int(n) - 1,
                    due_at=due_at,
                    overdue=due_at < bounds.start,
                    last_contact_at=from_db_time(last),
                )
            )
        return out

    def count_calls(self, day: date, tz: tzinfo | None = None, include_overdue: bool = True) -> int:
        """How many prospects :meth:`call_list` would list (cheap: no rows are built)."""
        bounds = day_bounds(day, tz)
        low = "" if include_overdue else " AND f.due_at >= :start"
        row = (
            self.db.reader()
            .execute(
                "SELECT count(DISTINCT f.prospect_id) FROM follow_up f JOIN prospect p"
                " ON p.id = f.prospect_id WHERE f.status='open' AND f.deleted_at IS NULL"
                f" AND p.deleted_at IS NULL AND f.due_at < :end{low}",
                {"start": to_db_time(bounds.start), "end": to_db_time(bounds.end)},
            )
            .fetchone()
        )
        return int(row[0])

    @staticmethod
    def _call_contact(conn: sqlite3.Connection, prospect_id: str) -> tuple[str, str]:
        """Whom to ask for: the person of the last call that named one, else the decision
        maker, else the first contact."""
        row = conn.execute(
            "SELECT c.name, c.phone FROM interaction i JOIN contact c ON c.id = i.contact_id"
            " WHERE i.prospect_id=? AND i.deleted_at IS NULL AND c.deleted_at IS NULL"
            " ORDER BY i.occurred_at DESC LIMIT 1",
            (prospect_id,),
        ).fetchone()
        if row is None:
            row = conn.execute(
                "SELECT name, phone FROM contact WHERE prospect_id=? AND deleted_at IS NULL"
                " ORDER BY is_decision_maker DESC, created_at LIMIT 1",
                (prospect_id,),
            ).fetchone()
        return ("", "") if row is None else (str(row[0]), str(row[1]))
