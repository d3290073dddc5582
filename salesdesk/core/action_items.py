"""Customer action items: what the customer owes by a deadline (DOMAIN.md §4).

Each item has a due moment and a lead time for the friendly progress check before it
("3 days left — a friendly check?"); the minute the deadline passes it is overdue and the
reminder goes out within the hour (core/reminders.py raises both moments).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from salesdesk.core.enums import ActionItemStatus
from salesdesk.core.ids import new_id
from salesdesk.core.listing import from_db_time, to_db_time
from salesdesk.core.row_service import RowService
from salesdesk.core.validation import (
    NOT_FOUND,
    OUT_OF_RANGE,
    REQUIRED,
    NotFoundError,
    ValidationError,
)

__all__ = ["DEFAULT_LEAD_DAYS", "ActionItem", "ActionItemInput", "ActionItemService"]

#: The friendly check goes out this many days before the deadline unless the rep says so.
DEFAULT_LEAD_DAYS = 3
MAX_LEAD_DAYS = 60

_SELECT = (
    "SELECT a.id, a.prospect_id, p.company, a.contact_id, coalesce(c.name, ''),"
    " coalesce(c.email, ''), a.deal_id, a.title, a.consequence, a.due_at, a.lead_days,"
    " a.status, a.done_at, a.snoozed_until, a.notes, a.created_at"
    " FROM customer_action_item a JOIN prospect p ON p.id = a.prospect_id"
    " LEFT JOIN contact c ON c.id = a.contact_id AND c.deleted_at IS NULL"
)


@dataclass(frozen=True, slots=True)
class ActionItemInput:
    """What the rep types for an item; ``validate`` returns nothing or raises."""

    prospect_id: str
    title: str
    due_at: datetime
    consequence: str = ""
    lead_days: int = DEFAULT_LEAD_DAYS
    contact_id: str | None = None
    deal_id: str | None = None
    notes: str = ""

    def validate(self) -> None:
        errors: dict[str, str] = {}
        if not self.title.strip():
            errors["title"] = REQUIRED
        if not 0 <= self.lead_days <= MAX_LEAD_DAYS:
            errors["lead_days"] = OUT_OF_RANGE
        if self.due_at.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
        if errors:
            raise ValidationError(errors)


@dataclass(frozen=True, slots=True)
class ActionItem:
    id: str
    prospect_id: str
    company: str
    contact_id: str | None
    contact_name: str
    contact_email: str
    deal_id: str | None
    title: str
    consequence: str
    due_at: datetime
    lead_days: int
    status: ActionItemStatus
    done_at: datetime | None
    snoozed_until: datetime | None
    notes: str
    created_at: datetime = field(compare=False)

    @property
    def check_at(self) -> datetime | None:
        """When the friendly pre-deadline check is due, if the item has one."""
        if self.lead_days <= 0:
            return None
        return self.due_at - timedelta(days=self.lead_days)

    def is_open(self) -> bool:
        return self.status is ActionItemStatus.OPEN

    def is_overdue(self, now: datetime) -> bool:
        return self.is_open() and self.due_at <= now

    def check_is_due(self, now: datetime) -> bool:
        """Open, not yet overdue, and inside its lead time."""
        check = self.check_at
        return self.is_open() and check is not None and check <= now < self.due_at


class ActionItemService(RowService):
    # -- reading ----------------------------------------------------------------------------
    def get(self, item_id: str) -> ActionItem:
        return self._one(_SELECT + " WHERE a.id=? AND a.deleted_at IS NULL", item_id, _record)

    def for_prospect(self, prospect_id: str, include_closed: bool = False) -> list[ActionItem]:
        """A prospect's items: open ones by deadline, then closed ones newest first."""
        where = " WHERE a.prospect_id=? AND a.deleted_at IS NULL"
        if not include_closed:
            where += " AND a.status='open'"
        rows = self.db.reader().execute(
            _SELECT + where + " ORDER BY a.status != 'open',"
            " CASE WHEN a.status='open' THEN a.due_at END, a.due_at DESC",
            (prospect_id,),
        )
        return [_record(r) for r in rows]

    def open_items(self, due_before: datetime | None = None) -> list[ActionItem]:
        """Open items of live prospects by deadline (all, or due before a moment)."""
        sql = _SELECT + " WHERE a.status='open' AND a.deleted_at IS NULL AND p.deleted_at IS NULL"
        params: tuple[object, ...] = ()
        if due_before is not None:
            sql += " AND a.due_at < ?"
            params = (to_db_time(due_before),)
        rows = self.db.reader().execute(sql + " ORDER BY a.due_at", params)
        return [_record(r) for r in rows]

    # -- changing ---------------------------------------------------------------------------
    def add(self, data: ActionItemInput) -> str:
        data.validate()
        now = to_db_time(self.clock())
        item_id = new_id()
        with self.db.raw_write() as conn:
            self._check_owner(conn, data)
            conn.execute(
                "INSERT INTO customer_action_item (id, prospect_id, contact_id, deal_id, title,"
                " consequence, due_at, lead_days, status, done_at, snoozed_until, notes,"
                " created_at, updated_at, deleted_at, version)"
                " VALUES (?,?,?,?,?,?,?,?,'open',NULL,NULL,?,?,?,NULL,1)",
                (
                    item_id,
                    data.prospect_id,
                    data.contact_id,
                    data.deal_id,
                    data.title.strip(),
                    data.consequence.strip(),
                    to_db_time(data.due_at),
                    data.lead_days,
                    data.notes,
                    now,
                    now,
                ),
            )
        self._changed()
        return item_id

    def update(self, item_id: str, data: ActionItemInput) -> None:
        """Replace what the rep typed; a new deadline drops a snooze."""
        data.validate()
        now = to_db_time(self.clock())
        with self.db.raw_write() as conn:
            self._check_owner(conn, data)
            old = conn.execute(
                "SELECT due_at FROM customer_action_item WHERE id=? AND deleted_at IS NULL",
                (item_id,),
            ).fetchone()
            if old is None:
                raise NotFoundError(item_id)
            due = to_db_time(data.due_at)
            conn.execute(
                "UPDATE customer_action_item SET contact_id=?, deal_id=?, title=?, consequence=?,"
                " due_at=?, lead_days=?, notes=?,"
                " snoozed_until=CASE WHEN ? = due_at THEN snoozed_until END,"
                " updated_at=?, version=version+1 WHERE id=?",
                (
                    data.contact_id,
                    data.deal_id,
                    data.title.strip(),
                    data.consequence.strip(),
                    due,
                    data.lead_days,
                    data.notes,
                    due,
                    now,
                    item_id,
                ),
            )
        self._changed()

    def set_status(self, item_id: str, status: ActionItemStatus) -> None:
        """Done, cancelled, or open again (undo)."""
        now = to_db_time(self.clock())
        done = now if status is ActionItemStatus.DONE else None
        self._update(
            item_id, "status=?, done_at=?, snoozed_until=NULL", (ActionItemStatus(status), done)
        )

    def snooze(self, item_id: str, until: datetime | None) -> None:
        """Remind again at ``until``; the deadline stays as it was (None: no snooze)."""
        self._update(item_id, "snoozed_until=?", (None if until is None else to_db_time(until),))

    def delete(self, item_id: str) -> None:
        """Tombstone the item (undo with :meth:`restore`)."""
        self._update(item_id, "deleted_at=?", (to_db_time(self.clock()),))

    def restore(self, item_id: str) -> None:
        self._update(item_id, "deleted_at=NULL", (), live_only=False)

    def _update(
        self, item_id: str, sets: str, params: tuple[object, ...], live_only: bool = True
    ) -> None:
        now = to_db_time(self.clock())
        where = "id=?" + (" AND deleted_at IS NULL" if live_only else "")
        with self.db.raw_write() as conn:
            changed = conn.execute(
                f"UPDATE customer_action_item SET {sets}, updated_at=?, version=version+1"
                f" WHERE {where}",
                (*params, now, item_id),
            ).rowcount
            if changed != 1:
                raise NotFoundError(item_id)
        self._changed()

    @staticmethod
    def _check_owner(conn: sqlite3.Connection, data: ActionItemInput) -> None:
        if (
            conn.execute(
                "SELECT 1 FROM prospect WHERE id=? AND deleted_at IS NULL", (data.prospect_id,)
            ).fetchone()
            is None
        ):
            raise NotFoundError(data.prospect_id)
        if data.contact_id is not None:
            row = conn.execute(
                "SELECT prospect_id FROM contact WHERE id=? AND deleted_at IS NULL",
                (data.contact_id,),
            ).fetchone()
            if row is None or row[0] != data.prospect_id:
                raise ValidationError({"contact_id": NOT_FOUND})


def _record(row: tuple[object, ...]) -> ActionItem:
    (iid, pid, company, cid, cname, cemail, did, title, consequence, due, lead, status, done,
     snoozed, notes, created) = row  # fmt: skip
    return ActionItem(
        id=str(iid),
        prospect_id=str(pid),
        company=str(company),
        contact_id=None if cid is None else str(cid),
        contact_name=str(cname),
        contact_email=str(cemail),
        deal_id=None if did is None else str(did),
        title=str(title),
        consequence=str(consequence),
        due_at=_time(due),
        lead_days=int(str(lead)),
        status=ActionItemStatus(str(status)),
        done_at=None if done is None else _time(done),
        snoozed_until=None if snoozed is None else _time(snoozed),
        notes=str(notes),
        created_at=_time(created),
    )


def _time(value: object) -> datetime:
    result = from_db_time(str(value))
    assert result is not None
    return result
