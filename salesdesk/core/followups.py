"""Follow-ups the rep owes the customer: schedule, complete, reschedule, snooze, cancel.

Logging a call schedules its next step (core/calls.py); this service covers the rest of a
follow-up's life. Every change keeps ``prospect.next_follow_up_at`` current in the same
transaction, and is plain ``sqlite3`` like call logging.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from salesdesk.core.enums import FollowUpStatus, InteractionKind
from salesdesk.core.ids import new_id
from salesdesk.core.listing import from_db_time, to_db_time
from salesdesk.core.row_service import RowService
from salesdesk.core.validation import REQUIRED, NotFoundError, ValidationError

__all__ = ["FollowUp", "FollowUpService", "SnoozeChoice", "snooze_until"]

_REFRESH_NEXT = (
    "UPDATE prospect SET"
    " next_follow_up_at=(SELECT min(+due_at) FROM follow_up"
    "   WHERE prospect_id=prospect.id AND status='open' AND deleted_at IS NULL),"
    " updated_at=?, version=version+1"
    " WHERE id=?"
)
_SELECT = (
    "SELECT f.id, f.prospect_id, p.company, f.due_at, f.what, f.kind, f.status,"
    " f.completed_at, f.snoozed_until FROM follow_up f JOIN prospect p ON p.id = f.prospect_id"
)


class SnoozeChoice(enum.StrEnum):
    """The snooze lengths offered on a reminder (custom is any moment the rep picks)."""

    TEN_MINUTES = "10min"
    ONE_HOUR = "1h"
    TOMORROW_MORNING = "tomorrow"


#: "Tomorrow" means 9:00 local time the next day.
TOMORROW_HOUR = 9


def snooze_until(choice: SnoozeChoice, now: datetime) -> datetime:
    """When a reminder snoozed at ``now`` comes back (aware, in ``now``'s zone)."""
    if choice is SnoozeChoice.TEN_MINUTES:
        return now + timedelta(minutes=10)
    if choice is SnoozeChoice.ONE_HOUR:
        return now + timedelta(hours=1)
    local = now if now.tzinfo is not None and now.utcoffset() is not None else now.astimezone()
    tomorrow = local.date() + timedelta(days=1)
    # Built from the wall-clock date and hour, then resolved in the zone: 9:00 stays 9:00
    # across a DST change overnight.
    return datetime.combine(tomorrow, time(TOMORROW_HOUR), tzinfo=local.tzinfo)


@dataclass(frozen=True, slots=True)
class FollowUp:
    id: str
    prospect_id: str
    company: str
    due_at: datetime
    what: str
    kind: InteractionKind
    status: FollowUpStatus
    completed_at: datetime | None
    snoozed_until: datetime | None

    def is_overdue(self, now: datetime) -> bool:
        return self.status is FollowUpStatus.OPEN and self.due_at < now


class FollowUpService(RowService):
    # -- reading ----------------------------------------------------------------------------
    def get(self, follow_up_id: str) -> FollowUp:
        return self._one(_SELECT + " WHERE f.id=? AND f.deleted_at IS NULL", follow_up_id, _record)

    def for_prospect(self, prospect_id: str, include_closed: bool = False) -> list[FollowUp]:
        """A prospect's follow-ups, open ones soonest first (then closed, newest first)."""
        where = " WHERE f.prospect_id=? AND f.deleted_at IS NULL"
        if not include_closed:
            where += " AND f.status='open'"
        rows = self.db.reader().execute(
            _SELECT + where + " ORDER BY f.status != 'open', "
            "CASE WHEN f.status='open' THEN f.due_at END, f.due_at DESC",
            (prospect_id,),
        )
        return [_record(r) for r in rows]

    # -- changing ---------------------------------------------------------------------------
    def schedule(
        self,
        prospect_id: str,
        due_at: datetime,
        what: str,
        kind: InteractionKind = InteractionKind.OTHER,
    ) -> str:
        """A new open follow-up; returns its id."""
        if not what.strip():
            raise ValidationError({"what": REQUIRED})
        now = to_db_time(self.clock())
        fid = new_id()
        with self.db.raw_write() as conn:
            live = conn.execute(
                "SELECT 1 FROM prospect WHERE id=? AND deleted_at IS NULL", (prospect_id,)
            ).fetchone()
            if live is None:
                raise NotFoundError(prospect_id)
            conn.execute(
                "INSERT INTO follow_up (id, prospect_id, interaction_id, due_at, what, kind,"
                " status, completed_at, notified_at, snoozed_until, created_at, updated_at,"
                " deleted_at, version) VALUES (?,?,NULL,?,?,?,'open',NULL,NULL,NULL,?,?,NULL,1)",
                (
                    fid,
                    prospect_id,
                    to_db_time(due_at),
                    what.strip(),
                    InteractionKind(kind).value,
                    now,
                    now,
                ),
            )
            conn.execute(_REFRESH_NEXT, (now, prospect_id))
        self._changed()
        return fid

    def complete(self, follow_up_id: str) -> None:
        """Mark it done (a call logged against it does this too)."""
        now = to_db_time(self.clock())
        self._update(
            follow_up_id,
            "status='done', completed_at=?, snoozed_until=NULL",
            (now,),
            open_only=True,
        )

    def cancel(self, follow_up_id: str) -> None:
        self._update(follow_up_id, "status='cancelled', snoozed_until=NULL", (), open_only=True)

    def reopen(self, follow_up_id: str) -> None:
        """Undo a completion or cancellation."""
        self._update(follow_up_id, "status='open', completed_at=NULL", ())

    def reschedule(self, follow_up_id: str, due_at: datetime, what: str | None = None) -> None:
        """Move the due moment (a snooze is dropped: the new time is the reminder)."""
        if what is not None and not what.strip():
            raise ValidationError({"what": REQUIRED})
        sets, params = "due_at=?, snoozed_until=NULL", [to_db_time(due_at)]
        if what is not None:
            sets += ", what=?"
            params.append(what.strip())
        self._update(follow_up_id, sets, tuple(params), open_only=True)

    def snooze(self, follow_up_id: str, until: datetime | None) -> None:
        """Remind again at ``until``; the due moment stays as it was (None: no snooze)."""
        self._update(
            follow_up_id,
            "snoozed_until=?",
            (None if until is None else to_db_time(until),),
            open_only=True,
        )

    def _update(
        self, follow_up_id: str, sets: str, params: tuple[object, ...], open_only: bool = False
    ) -> None:
        now = to_db_time(self.clock())
        with self.db.raw_write() as conn:
            row = conn.execute(
                "SELECT prospect_id, status FROM follow_up WHERE id=? AND deleted_at IS NULL",
                (follow_up_id,),
            ).fetchone()
            if row is None or (open_only and row[1] != FollowUpStatus.OPEN.value):
                raise NotFoundError(follow_up_id)
            conn.execute(
                f"UPDATE follow_up SET {sets}, updated_at=?, version=version+1 WHERE id=?",
                (*params, now, follow_up_id),
            )
            conn.execute(_REFRESH_NEXT, (now, row[0]))
        self._changed()


def _record(row: tuple[object, ...]) -> FollowUp:
    fid, pid, company, due, what, kind, status, completed, snoozed = row
    due_at = from_db_time(str(due))
    assert due_at is not None
    return FollowUp(
        id=str(fid),
        prospect_id=str(pid),
        company=str(company),
        due_at=due_at,
        what=str(what),
        kind=InteractionKind(str(kind)),
        status=FollowUpStatus(str(status)),
        completed_at=from_db_time(None if completed is None else str(completed)),
        snoozed_until=from_db_time(None if snoozed is None else str(snoozed)),
    )
