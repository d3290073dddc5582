"""Which reminders are due, and which were already shown (so each is shown once).

A reminder is a *moment* of a row:

- a follow-up: ``due`` at its due time, and ``snoozed`` at the time the rep snoozed it to;
- a customer action item: ``check`` at the friendly pre-deadline check (deadline minus
  its lead days; only when the item existed before that moment), ``overdue`` at the
  deadline itself — the minute it passes — and ``snoozed``;
- an open complaint: ``silent`` when nobody has been in touch for the silence period
  (a new contact moves the moment), and ``snoozed``.

Each moment has a key naming the row, the moment and its UTC time; ``reminder_log`` holds
the keys shown. A moved time is a new moment, so rescheduling or snoozing reminds again,
while a restart, a clock jump back or a second check never does.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from salesdesk.core.listing import from_db_time, to_db_time
from salesdesk.core.open_work import OpenWorkReader

__all__ = ["Reminder", "ReminderMoment", "ReminderService", "ReminderSource", "reminder_key"]


class ReminderSource(enum.StrEnum):
    FOLLOW_UP = "follow_up"
    ACTION_ITEM = "action_item"
    COMPLAINT = "complaint"


class ReminderMoment(enum.StrEnum):
    DUE = "due"  # a follow-up falls due
    CHECK = "check"  # the friendly progress check before a customer's deadline
    OVERDUE = "overdue"  # a customer's deadline has passed
    SNOOZED = "snoozed"  # the time a reminder was snoozed to
    SILENT = "silent"  # an open complaint without contact for too long


def reminder_key(
    source: ReminderSource, source_id: str, moment: ReminderMoment, at: datetime
) -> str:
    return f"{source.value}:{source_id}:{moment.value}:{to_db_time(at)}"


@dataclass(frozen=True, slots=True)
class Reminder:
    key: str
    source: ReminderSource
    moment: ReminderMoment
    source_id: str
    prospect_id: str
    company: str
    title: str  # the follow-up's "what", the item's title, the complaint's description
    at: datetime  # when it is due to be shown (aware UTC)
    due_at: datetime | None  # the deadline (items), due time (follow-ups)


def _make(
    source: ReminderSource,
    moment: ReminderMoment,
    source_id: str,
    prospect_id: str,
    company: str,
    title: str,
    at: datetime,
    due_at: datetime | None,
) -> Reminder:
    key = reminder_key(source, source_id, moment, at)
    return Reminder(key, source, moment, source_id, prospect_id, company, title, at, due_at)


# Follow-ups can number in the tens of thousands: their moments are found in SQL, through
# the (status, due_at) index, with the shown check as a key lookup per candidate. The key
# text is built exactly as reminder_key() builds it (times are stored in to_db_time form).
_FOLLOW_UP_MOMENT = (
    "SELECT f.id, f.prospect_id, p.company, f.what, f.{col}, f.due_at"
    " FROM follow_up f JOIN prospect p ON p.id = f.prospect_id"
    " WHERE f.status = 'open' AND f.deleted_at IS NULL AND p.deleted_at IS NULL"
    " AND f.{col} {cmp} ? AND NOT EXISTS (SELECT 1 FROM reminder_log r"
    "   WHERE r.key = 'follow_up:' || f.id || ':{moment}:' || f.{col})"
)


class ReminderService(OpenWorkReader):
    def pending(self, now: datetime | None = None) -> list[Reminder]:
        """Moments at or before ``now`` not shown yet, oldest first."""
        now = now or self.clock()
        found = list(self._follow_up_moments(now, before=True))
        shown = self._shown({ReminderSource.ACTION_ITEM, ReminderSource.COMPLAINT})
        found += [r for r in self._other_moments() if r.at <= now and r.key not in shown]
        return sorted(found, key=lambda r: (r.at, r.key))

    def next_at(self, after: datetime) -> datetime | None:
        """The earliest moment after ``after`` not shown yet (None when nothing is ahead)."""
        times = [r.at for r in self._follow_up_moments(after, before=False)]
        shown = self._shown({ReminderSource.ACTION_ITEM, ReminderSource.COMPLAINT})
        times += [r.at for r in self._other_moments() if r.at > after and r.key not in shown]
        return min(times, default=None)

    def mark_shown(self, keys: Iterable[str], shown_at: datetime) -> None:
        """Record that these reminders were shown (durable; a key shown twice stays once)."""
        rows = []
        for key in keys:
            source, source_id, moment, at = key.split(":", 3)
            rows.append((key, source, source_id, moment, at, to_db_time(shown_at)))
        if not rows:
            return
        with self.db.raw_write() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO reminder_log (key, source, source_id, moment, at, shown_at)"
                " VALUES (?,?,?,?,?,?)",
                rows,
            )

    def shown_at(self, key: str) -> datetime | None:
        """When the reminder with ``key`` was shown, if it was."""
        row = (
            self.db.reader()
            .execute("SELECT shown_at FROM reminder_log WHERE key=?", (key,))
            .fetchone()
        )
        return None if row is None else from_db_time(row[0])

    # -- the moments ------------------------------------------------------------------------
    def _follow_up_moments(self, now: datetime, before: bool) -> Iterator[Reminder]:
        """Unshown follow-up moments at/before ``now`` (all), or the first one after it."""
        conn = self.db.reader()
        for col, moment in (
            ("due_at", ReminderMoment.DUE),
            ("snoozed_until", ReminderMoment.SNOOZED),
        ):
            sql = _FOLLOW_UP_MOMENT.format(col=col, cmp="<=" if before else ">", moment=moment)
            if not before:
                sql += f" ORDER BY f.{col} LIMIT 1"
            for fid, pid, company, what, at, due in conn.execute(sql, (to_db_time(now),)):
                when, due_at = from_db_time(at), from_db_time(due)
                assert when is not None
                yield _make(ReminderSource.FOLLOW_UP, moment, fid, pid, company, what, when, due_at)

    def _other_moments(self) -> Iterator[Reminder]:
        """Every moment of open action items and open complaints (a few hundred at most)."""
        item = ReminderSource.ACTION_ITEM
        for a in self._items.open_items():
            args = (a.id, a.prospect_id, a.company, a.title)
            check = a.check_at
            if check is not None and a.created_at < check < a.due_at:
                yield _make(item, ReminderMoment.CHECK, *args, check, a.due_at)
            yield _make(item, ReminderMoment.OVERDUE, *args, a.due_at, a.due_at)
            if a.snoozed_until is not None:
                yield _make(item, ReminderMoment.SNOOZED, *args, a.snoozed_until, a.due_at)
        source = ReminderSource.COMPLAINT
        for c in self._complaints.open_complaints():
            args = (c.id, c.prospect_id, c.company, c.description)
            silent = c.silent_at(self.complaint_silence_days)
            yield _make(source, ReminderMoment.SILENT, *args, silent, None)
            if c.snoozed_until is not None:
                yield _make(source, ReminderMoment.SNOOZED, *args, c.snoozed_until, None)

    def _shown(self, sources: set[ReminderSource]) -> set[str]:
        marks = ",".join("?" * len(sources))
        rows = self.db.reader().execute(
            f"SELECT key FROM reminder_log WHERE source IN ({marks})", [s.value for s in sources]
        )
        return {r[0] for r in rows}
