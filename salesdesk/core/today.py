"""The rep's day (DOMAIN.md §6): what is overdue, what is due today, what comes this week.

Follow-ups the rep owes, customer action items (what the customer owes, with the friendly
check inside the lead time) and open complaints left without contact, in one list: overdue
first, then today, then the next seven days.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from salesdesk.core.action_items import ActionItem
from salesdesk.core.complaints import Complaint
from salesdesk.core.enums import InteractionKind
from salesdesk.core.listing import end_of_local_day, from_db_time, to_db_time
from salesdesk.core.open_work import OpenWorkReader
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
    snoozed_until: datetime | None = None  # reminded again then (the due moment stays)


@dataclass(frozen=True, slots=True)
class TodayCounts:
    overdue: int
    today: int
    week: int


_FOLLOW_UPS = (
    "SELECT f.id, f.prospect_id, p.company, f.what, f.due_at, f.kind, f.snoozed_until"
    " FROM follow_up f JOIN prospect p ON p.id = f.prospect_id"
    " WHERE f.status = 'open' AND f.deleted_at IS NULL AND p.deleted_at IS NULL"
    " AND f.due_at > ? AND f.due_at <= ? ORDER BY f.due_at LIMIT ?"
)
# Counted from the (status, due_at) index and the follow-up row alone, minus the few
# follow-ups of deleted prospects (found from the prospect side): joining every counted
# row to its prospect costs several times more with tens of thousands of follow-ups.
_COUNT_FOLLOW_UPS = (
    "SELECT count(*) FROM follow_up f"
    " WHERE f.status = 'open' AND f.deleted_at IS NULL AND f.due_at > ? AND f.due_at <= ?"
)
_COUNT_DELETED_PROSPECTS = (
    # CROSS JOIN and ``+``: from the deleted prospects (by index) to their follow-ups.
    "SELECT count(*) FROM prospect p CROSS JOIN follow_up f ON f.prospect_id = p.id"
    " WHERE p.deleted_at > '' AND f.status = 'open' AND f.deleted_at IS NULL"
    " AND +f.due_at > ? AND +f.due_at <= ?"
)
#: Open customer items with their bucket, and the silent complaints, read once per refresh.
_OpenWork = tuple[list[tuple[ActionItem, Bucket]], list[Complaint]]

#: Before any stored time (the lower bound of "overdue").
_EPOCH = ""


class TodayService(OpenWorkReader):
    def day(
        self, now: datetime | None = None, limit: int = 500
    ) -> tuple[list[TodayEntry], TodayCounts]:
        """The entries and the counts together (open items and complaints read once)."""
        now = now or self.clock()
        work = self._open_work(now)
        return self.entries(now, limit, work), self.counts(now, work)

    def entries(
        self, now: datetime | None = None, limit: int = 500, work: _OpenWork | None = None
    ) -> list[TodayEntry]:
        """Overdue, today and this week, each in due order; follow-ups capped at ``limit``
        per bucket (so today's are listed however many are overdue)."""
        now = now or self.clock()
        items, silent = work or self._open_work(now)
        day_end = self._bounds(now)[0]

        def bucket(at: datetime) -> Bucket:
            if at <= now:
                return Bucket.OVERDUE
            return Bucket.TODAY if at <= day_end else Bucket.WEEK

        found: list[TodayEntry] = []
        conn = self.db.reader()
        for low, high in self._ranges(now):
            for fid, pid, company, what, due, kind, snoozed in conn.execute(
                _FOLLOW_UPS, (low, high, limit)
            ):
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
                        snoozed_until=from_db_time(snoozed),
                    )
                )
        for item, item_bucket in items:
            found.append(
                TodayEntry(
                    ReminderSource.ACTION_ITEM,
                    item.id,
                    item.prospect_id,
                    item.company,
                    item.title,
                    item.due_at,
                    item_bucket,
                    check_due=item.check_is_due(now),
                    snoozed_until=item.snoozed_until,
                )
            )
        for complaint in silent:
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
                    snoozed_until=complaint.snoozed_until,
                )
            )
        return sorted(found, key=lambda e: (e.bucket, e.due_at, e.company))

    def counts(self, now: datetime | None = None, work: _OpenWork | None = None) -> TodayCounts:
        """How many entries each bucket holds (follow-ups counted, not capped)."""
        now = now or self.clock()
        items, silent = work or self._open_work(now)
        conn = self.db.reader()

        def follow_ups(low: str, high: str) -> int:
            total = conn.execute(_COUNT_FOLLOW_UPS, (low, high)).fetchone()[0]
            gone = conn.execute(_COUNT_DELETED_PROSPECTS, (low, high)).fetchone()[0]
            return int(total) - int(gone)

        overdue, today, week = (follow_ups(low, high) for low, high in self._ranges(now))
        for _item, item_bucket in items:
            if item_bucket is Bucket.OVERDUE:
                overdue += 1
            elif item_bucket is Bucket.TODAY:
                today += 1
            else:
                week += 1
        overdue += len(silent)
        return TodayCounts(overdue, today, week)

    def _open_work(self, now: datetime) -> _OpenWork:
        silent = self._complaints.silent(now, self.complaint_silence_days)
        return self._items_by_bucket(now), silent

    def _items_by_bucket(self, now: datetime) -> list[tuple[ActionItem, Bucket]]:
        """Open customer items due within the week, by deadline; and those due later whose
        friendly check is due now, under today (the check is today's work)."""
        day_end, week_end = self._bounds(now)
        found = []
        for item in self._items.open_items():
            if item.due_at <= now:
                found.append((item, Bucket.OVERDUE))
            elif item.due_at <= day_end:
                found.append((item, Bucket.TODAY))
            elif item.due_at < week_end:
                found.append((item, Bucket.WEEK))
            elif item.check_is_due(now):
                found.append((item, Bucket.TODAY))
        return found

    @classmethod
    def _ranges(cls, now: datetime) -> list[tuple[str, str]]:
        """The buckets' due ranges as stored texts, each (after, up to and including)."""
        day_end, week_end = cls._bounds(now)
        last = week_end - timedelta(microseconds=1)  # the week ends before ``week_end``
        return [
            (_EPOCH, to_db_time(now)),
            (to_db_time(now), to_db_time(day_end)),
            (to_db_time(day_end), to_db_time(last)),
        ]

    @staticmethod
    def _bounds(now: datetime) -> tuple[datetime, datetime]:
        day_end = end_of_local_day(now)
        return day_end, day_end + WEEK
