"""The rep's day (DOMAIN.md §6): what is overdue, what is due today, what comes this week.

Follow-ups the rep owes, customer action items (what the customer owes, with the friendly
check inside the lead time) and open complaints left without contact, in one list: overdue
first, then today, then the next seven days.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from salesdesk.core.action_items import ActionItemService
from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.complaints import DEFAULT_SILENCE_DAYS, ComplaintService
from salesdesk.core.db import Database
from salesdesk.core.enums import InteractionKind
from salesdesk.core.listing import end_of_local_day, from_db_time, to_db_time
from salesdesk.core.reminders import ReminderSource

__all__ = ["WEEK", "Bucket", "TodayCounts", "TodayEntry", "TodayService"]

WEEK = timedelta(days=7)


class Bucket(enum.IntEnum):
    """In the order the panel shows them."""

    OVERDUE = 0
    TODAY = 1
    WEEK = 2


@dataclass(frozen=True, slots=True)
class TodayEntry:
    source: ReminderSource
    id: str
    prospect_id: str
    company: str
    title: str
    due_at: datetime  # follow-up due, item deadline, or when a complaint went silent
    bucket: Bucket
    kind: InteractionKind | None = None  # follow-ups: what to bring the customer
    check_due: bool = False  # items: inside the lead time, a friendly check is due
    silent_days: int = 0  # complaints: days without contact


@dataclass(frozen=True, slots=True)
class TodayCounts:
    overdue: int
    today: int
    week: int


_FOLLOW_UPS = (
    "SELECT f.id, f.prospect_id, p.company, f.what, f.due_at, f.kind"
    " FROM follow_up f JOIN prospect p ON p.id = f.prospect_id"
    " WHERE f.status = 'open' AND f.deleted_at IS NULL AND p.deleted_at IS NULL"
    " AND f.due_at < ? ORDER BY f.due_at LIMIT ?"
)
_COUNT_FOLLOW_UPS = (
    "SELECT count(*) FROM follow_up f JOIN prospect p ON p.id = f.prospect_id"
    " WHERE f.status = 'open' AND f.deleted_at IS NULL AND p.deleted_at IS NULL"
    " AND f.due_at >= ? AND f.due_at < ?"
)


class TodayService:
    def __init__(
        self,
        db: Database,
        clock: Clock = utc_now,
        complaint_silence_days: int = DEFAULT_SILENCE_DAYS,
    ) -> None:
        self.db = db
        self.clock = clock
        self.complaint_silence_days = complaint_silence_days
        self._items = ActionItemService(db, clock)
        self._complaints = ComplaintService(db, clock)

    def entries(self, now: datetime | None = None, limit: int = 500) -> list[TodayEntry]:
        """Overdue, today and this week, each in due order; follow-ups capped at ``limit``."""
        now = now or self.clock()
        day_end, week_end = self._bounds(now)

        def bucket(at: datetime) -> Bucket:
            if at <= now:
                return Bucket.OVERDUE
            return Bucket.TODAY if at <= day_end else Bucket.WEEK

        found: list[TodayEntry] = []
        rows = self.db.reader().execute(_FOLLOW_UPS, (to_db_time(week_end), limit))
        for fid, pid, company, what, due, kind in rows:
            at = from_db_time(due)
            assert at is not None
            found.append(
                TodayEntry(
                    ReminderSource.FOLLOW_UP,
                    fid,
                    pid,
                    company,
                    what,
                    at,
                    bucket(at),
                    kind=InteractionKind(kind),
                )
            )
        for item in self._items.open_items(due_before=week_end):
            found.append(
                TodayEntry(
                    ReminderSource.ACTION_ITEM,
                    item.id,
                    item.prospect_id,
                    item.company,
                    item.title,
                    item.due_at,
                    bucket(item.due_at),
                    check_due=item.check_is_due(now),
                )
            )
        for complaint in self._complaints.silent(now, self.complaint_silence_days):
            found.append(
                TodayEntry(
                    ReminderSource.COMPLAINT,
                    complaint.id,
                    complaint.prospect_id,
                    complaint.company,
                    complaint.description,
                    complaint.silent_at(self.complaint_silence_days),
                    Bucket.OVERDUE,
                    silent_days=complaint.days_without_contact(now),
                )
            )
        return sorted(found, key=lambda e: (e.bucket, e.due_at, e.company))

    def counts(self, now: datetime | None = None) -> TodayCounts:
        """How many entries each bucket holds (follow-ups counted, not capped)."""
        now = now or self.clock()
        day_end, week_end = self._bounds(now)
        conn = self.db.reader()
        epoch = "0000"

        def follow_ups(start: str, end: datetime) -> int:
            return int(conn.execute(_COUNT_FOLLOW_UPS, (start, to_db_time(end))).fetchone()[0])

        # Overdue means due before now; the bounds are half-open like entries()'s buckets.
        just_after = now + timedelta(microseconds=1)
        overdue = follow_ups(epoch, just_after)
        today = follow_ups(to_db_time(just_after), day_end + timedelta(microseconds=1))
        week = follow_ups(to_db_time(day_end + timedelta(microseconds=1)), week_end)
        for item in self._items.open_items(due_before=week_end):
            if item.due_at <= now:
                overdue += 1
            elif item.due_at <= day_end:
                today += 1
            else:
                week += 1
        overdue += len(self._complaints.silent(now, self.complaint_silence_days))
        return TodayCounts(overdue, today, week)

    @staticmethod
    def _bounds(now: datetime) -> tuple[datetime, datetime]:
        day_end = end_of_local_day(now)
        return day_end, day_end + WEEK
