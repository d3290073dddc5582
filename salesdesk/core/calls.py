"""Logging calls (interactions) with their next step, and the prospect's timeline.

Logging a call is the rep's most frequent write, so it runs as one plain ``sqlite3``
transaction (a handful of prepared statements) rather than through the ORM; the row
keys follow the models exactly (UUID id, UTC times, version 1).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING

from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.db import Database
from salesdesk.core.enums import Channel, FollowUpStatus, InteractionKind, Outcome
from salesdesk.core.ids import new_id
from salesdesk.core.listing import from_db_time, to_db_time
from salesdesk.core.validation import NOT_FOUND, NotFoundError, ValidationError

if TYPE_CHECKING:
    from salesdesk.core.records import CallInput, NextStep, OpenFollowUp, TimelineEntry

__all__ = ["CallInput", "CallService", "NextStep", "OpenFollowUp", "TimelineEntry"]
_RECORDS = frozenset(__all__) - {"CallService"}


def __getattr__(name: str) -> object:
    """The call records, kept here for importers but loaded on first use: the window
    builds its ``CallService`` before its first paint and needs them only after it."""
    if name in _RECORDS:
        from salesdesk.core import records

        return getattr(records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_INSERT_CALL = (
    "INSERT INTO interaction (id, prospect_id, contact_id, occurred_at, channel, kind, outcome,"
    " summary, notes, duration_min, small_yes, customer_initiated, no_next_step,"
    " appointment_requested, created_at, updated_at, deleted_at, version)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,1)"
)
_INSERT_FOLLOW_UP = (
    "INSERT INTO follow_up (id, prospect_id, interaction_id, due_at, what, kind, status,"
    " completed_at, notified_at, created_at, updated_at, deleted_at, version)"
    " VALUES (?,?,?,?,?,?,'open',NULL,NULL,?,?,NULL,1)"
)
_COMPLETE_FOLLOW_UP = (
    "UPDATE follow_up SET status='done', completed_at=?, updated_at=?, version=version+1"
    " WHERE id=? AND prospect_id=? AND status='open'"
)
_REFRESH_DATES = (
    "UPDATE prospect SET"
    " last_contact_at=(SELECT max(occurred_at) FROM interaction"
    "   WHERE prospect_id=prospect.id AND deleted_at IS NULL),"
    # min(+due_at), not min(due_at): a bare column lets SQLite answer min() by walking
    # the (status, due_at) index over every open follow-up (~60 ms at 100k prospects)
    # instead of looking up this prospect's few (~0.05 ms).
    " next_follow_up_at=(SELECT min(+due_at) FROM follow_up"
    "   WHERE prospect_id=prospect.id AND status='open' AND deleted_at IS NULL),"
    " updated_at=?, version=version+1"
    " WHERE id=? AND deleted_at IS NULL"
)
# The usual case (no follow-up completed): move the dates forward from this call alone,
# without querying the prospect's calls and follow-ups again.
_ADVANCE_DATES = (
    "UPDATE prospect SET"
    " last_contact_at=CASE WHEN last_contact_at IS NULL OR last_contact_at < :occurred"
    "   THEN :occurred ELSE last_contact_at END,"
    " next_follow_up_at=CASE WHEN :due IS NULL THEN next_follow_up_at"
    "   WHEN next_follow_up_at IS NULL OR next_follow_up_at > :due THEN :due"
    "   ELSE next_follow_up_at END,"
    " updated_at=:now, version=version+1"
    " WHERE id=:id AND deleted_at IS NULL"
)
# ``+due_at``: sorting the prospect's few rows beats walking every open follow-up in the
# (status, due_at) index, which SQLite otherwise picks to avoid the sort (~150 ms at 100k).
_OPEN_FOLLOW_UPS = (
    "SELECT id, due_at, what, kind FROM follow_up"
    " WHERE prospect_id=? AND status='open' AND deleted_at IS NULL ORDER BY +due_at"
)


class CallService:
    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock

    def log_call(self, data: CallInput) -> str:
        """Store the call and its next step in one durable transaction; return its id.

        The transaction commits with ``synchronous=FULL`` before this returns, so the
        call survives the app being killed the next moment.
        """
        data.validate()
        now = to_db_time(self.clock())
        occurred = to_db_time(data.occurred_at) if data.occurred_at else now
        call_id = new_id()
        with self.db.raw_write() as conn:
            if data.contact_id is not None:
                contact = conn.execute(
                    "SELECT prospect_id, deleted_at FROM contact WHERE id=?", (data.contact_id,)
                ).fetchone()
                if contact is None or contact[1] is not None or contact[0] != data.prospect_id:
                    raise ValidationError({"contact_id": NOT_FOUND})
            try:
                conn.execute(
                    _INSERT_CALL,
                    (
                        call_id,
                        data.prospect_id,
                        data.contact_id,
                        occurred,
                        Channel(data.channel).value,
                        InteractionKind(data.kind).value,
                        Outcome(data.outcome).value,
                        data.summary.strip(),
                        data.notes,
                        data.duration_min,
                        data.small_yes,
                        data.customer_initiated,
                        data.next_step is None,
                        data.appointment_requested,
                        now,
                        now,
                    ),
                )
            except sqlite3.IntegrityError as exc:  # no such prospect (foreign key)
                raise NotFoundError(data.prospect_id) from exc
            for fid in data.completes:
                conn.execute(_COMPLETE_FOLLOW_UP, (now, now, fid, data.prospect_id))
            due = None
            if data.next_step is not None:
                step = data.next_step
                due = to_db_time(step.due_at)
                conn.execute(
                    _INSERT_FOLLOW_UP,
                    (
                        new_id(),
                        data.prospect_id,
                        call_id,
                        due,
                        step.what.strip(),
                        InteractionKind(step.kind).value,
                        now,
                        now,
                    ),
                )
            # Refreshing the prospect's dates also proves it is live: no row updated means
            # an unknown or deleted prospect, and the whole call is rolled back.
            if data.completes:
                updated = conn.execute(_REFRESH_DATES, (now, data.prospect_id)).rowcount
            else:
                params = {"occurred": occurred, "due": due, "now": now, "id": data.prospect_id}
                updated = conn.execute(_ADVANCE_DATES, params).rowcount
            if updated != 1:
                raise NotFoundError(data.prospect_id)
        return call_id

    def last_contact_id(self, prospect_id: str) -> str | None:
        """The contact of the most recent call that named one (the dialog's default)."""
        row = (
            self.db.reader()
            .execute(
                "SELECT i.contact_id FROM interaction i JOIN contact c ON c.id = i.contact_id"
                " WHERE i.prospect_id=? AND i.deleted_at IS NULL AND c.deleted_at IS NULL"
                " ORDER BY i.occurred_at DESC LIMIT 1",
                (prospect_id,),
            )
            .fetchone()
        )
        return None if row is None else str(row[0])

    def open_follow_ups(self, prospect_id: str) -> list[OpenFollowUp]:
        """Open follow-ups of a prospect, soonest first."""
        from salesdesk.core.records import OpenFollowUp

        cur = self.db.reader().execute(_OPEN_FOLLOW_UPS, (prospect_id,))
        return [
            OpenFollowUp(fid, _time(due), what, InteractionKind(kind))
            for fid, due, what, kind in cur
        ]

    def timeline(self, prospect_id: str, limit: int = 200) -> list[TimelineEntry]:
        """Open follow-ups first (soonest first), then calls newest first."""
        from salesdesk.core.records import TimelineEntry

        entries: list[TimelineEntry] = [
            TimelineEntry(
                id=f.id,
                entry="follow_up",
                at=f.due_at,
                kind=f.kind,
                summary=f.what,
                status=FollowUpStatus.OPEN,
            )
            for f in self.open_follow_ups(prospect_id)
        ]
        cur = self.db.reader().execute(
            "SELECT i.id, i.occurred_at, i.kind, i.summary, i.channel, i.outcome,"
            " coalesce(c.name, ''), i.notes, i.small_yes, i.customer_initiated, i.no_next_step"
            " FROM interaction i LEFT JOIN contact c ON c.id = i.contact_id"
            " WHERE i.prospect_id=? AND i.deleted_at IS NULL"
            " ORDER BY i.occurred_at DESC LIMIT ?",
            (prospect_id, limit),
        )
        for cid, at, kind, summary, channel, outcome, name, notes, small, initiated, no_next in cur:
            entries.append(
                TimelineEntry(
                    id=cid,
                    entry="call",
                    at=_time(at),
                    kind=InteractionKind(kind),
                    summary=summary,
                    channel=Channel(channel),
                    outcome=Outcome(outcome),
                    contact_name=name,
                    notes=notes,
                    small_yes=bool(small),
                    customer_initiated=bool(initiated),
                    no_next_step=bool(no_next),
                )
            )
        return entries

    def count_calls(self, prospect_id: str) -> int:
        row = (
            self.db.reader()
            .execute(
                "SELECT count(*) FROM interaction WHERE prospect_id=? AND deleted_at IS NULL",
                (prospect_id,),
            )
            .fetchone()
        )
        return int(row[0])


def _time(value: str) -> datetime:
    found = from_db_time(value)
    assert found is not None
    return found
