"""Open follow-ups and customer action items as an .ics file (RFC 5545, via icalendar).

Made to be imported again and again (or subscribed to) by Outlook, Google and Apple
calendars, updating what is there instead of adding copies:

- the calendar says ``METHOD:PUBLISH`` and names itself (``X-WR-CALNAME``);
- every time is UTC (``...Z``), so no ``VTIMEZONE`` is needed and each calendar shows
  the rep's local time;
- ``UID`` is the row's id (stable across exports); ``SEQUENCE`` rises with every change of
  the row (rescheduled, done, cancelled, deleted) and of its prospect (renamed, deleted,
  restored), both of which show in the event; ``DTSTAMP`` is the export moment and
  ``LAST-MODIFIED`` the row's last change;
- a follow-up is a 30-minute event with an alarm 15 minutes before; a customer action
  item is an event at its deadline that does not block the rep's time (``TRANSP``), with
  alarms at the friendly check (its lead days before; none when the lead is 0) and at the
  deadline itself (DOMAIN.md §4). Alarms already past at export time are left out: the
  window has reminded the rep, and a calendar would only pop up a pile of them at once;
- a follow-up or item that is done, cancelled or deleted (or whose prospect was deleted)
  while its time is still ahead is written with ``STATUS:CANCELLED`` and no alarm, so a
  calendar that took an earlier export drops it and nothing rings; closed ones already
  past are left out (whatever an earlier import put there is history by then).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from salesdesk.core.clock import utc_now
from salesdesk.core.db import Database
from salesdesk.core.listing import from_db_time, to_db_time

#: A follow-up's alarm: this long before it is due.
FOLLOW_UP_ALARM = timedelta(minutes=15)
EVENT_LENGTH = timedelta(minutes=30)
PRODID = "-//SalesDesk//SalesDesk//EN"
CALENDAR_NAME = "SalesDesk"
REFRESH_INTERVAL = timedelta(minutes=15)
#: How far back the feed reaches: older open items are the day's list's work, not the
#: calendar's (and a big, old list would make every read slow).
FEED_PAST = timedelta(days=30)


@dataclass(frozen=True)
class CalendarItem:
    uid: str
    start: datetime
    summary: str
    description: str
    sequence: int
    modified: datetime | None
    alarms: tuple[timedelta, ...]  # offsets from the start (negative: before)
    cancelled: bool = False
    transparent: bool = False  # does not block the rep's time (a customer's deadline)


def _sequence(row_version: int | None, prospect_version: int | None) -> int:
    # Both versions only ever grow, so their sum grows whenever either changes.
    return max(0, (row_version or 1) - 1) + max(0, (prospect_version or 1) - 1)


def _closed(status: str, deleted_at: object, prospect_deleted_at: object) -> bool:
    return status != "open" or deleted_at is not None or prospect_deleted_at is not None


def follow_up_items(conn: sqlite3.Connection, now: datetime) -> list[CalendarItem]:
    """Open follow-ups of live prospects, and closed ones still ahead (cancelled)."""
    rows = conn.execute(
        "SELECT f.id, f.due_at, f.what, f.status, f.deleted_at, f.version, f.updated_at,"
        " p.company, p.phone, p.deleted_at, p.version"
        " FROM follow_up f JOIN prospect p ON p.id = f.prospect_id"
        " WHERE (f.status = 'open' AND f.deleted_at IS NULL AND p.deleted_at IS NULL)"
        " OR f.due_at > ? ORDER BY f.due_at, f.id",
        (to_db_time(now),),
    ).fetchall()
    items = []
    for fid, due, what, status, deleted, version, updated, company, phone, p_del, p_ver in rows:
        start = from_db_time(due)
        assert start is not None
        summary = f"{company} — {what}" if what else str(company)
        items.append(
            CalendarItem(
                uid=f"follow-up-{fid}@salesdesk",
                start=start,
                summary=summary,
                description="\n".join(x for x in (what, company, phone) if x),
                sequence=_sequence(version, p_ver),
                modified=from_db_time(updated),
                alarms=(-FOLLOW_UP_ALARM,),
                cancelled=_closed(status, deleted, p_del),
            )
        )
    return items


def action_items(conn: sqlite3.Connection, now: datetime) -> list[CalendarItem]:
    """Open customer action items of live prospects, and closed ones still ahead."""
    rows = conn.execute(
        "SELECT a.id, a.due_at, a.title, a.consequence, a.lead_days, a.status, a.deleted_at,"
        " a.version, a.updated_at, p.company, p.deleted_at, p.version, coalesce(c.name, '')"
        " FROM customer_action_item a JOIN prospect p ON p.id = a.prospect_id"
        " LEFT JOIN contact c ON c.id = a.contact_id AND c.deleted_at IS NULL"
        " WHERE (a.status = 'open' AND a.deleted_at IS NULL AND p.deleted_at IS NULL)"
        " OR a.due_at > ? ORDER BY a.due_at, a.id",
        (to_db_time(now),),
    ).fetchall()
    items = []
    for (
        aid, due, title, consequence, lead_days, status, deleted, version, updated,
        company, p_del, p_ver, contact,
    ) in rows:  # fmt: skip
        start = from_db_time(due)
        assert start is not None
        before = (-timedelta(days=lead_days),) if lead_days and lead_days > 0 else ()
        items.append(
            CalendarItem(
                uid=f"customer_action_item-{aid}@salesdesk",
                start=start,
                summary=f"{company} — {title}",
                description="\n".join(x for x in (title, consequence, company, contact) if x),
                sequence=_sequence(version, p_ver),
                modified=from_db_time(updated),
                alarms=(*before, timedelta(0)),
                cancelled=_closed(status, deleted, p_del),
                transparent=True,
            )
        )
    return items


def calendar_bytes(
    db: Database,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    subscribed: bool = False,
) -> tuple[bytes, int]:
    """The calendar of follow-ups and customer action items, and its number of events.

    ``progress(events made, events in all)`` is called every few hundred events; it may
    raise (a cancel) to stop. ``subscribed``: for a calendar that replaces its events
    with each read (the feed), closed items are left out rather than sent as cancelled,
    and so are items more than :data:`FEED_PAST` old.
    """
    from icalendar import Alarm, Calendar, Event
    from icalendar.prop import vDuration

    stamp = (now or utc_now()).astimezone(UTC)
    conn = db.reader()
    items = follow_up_items(conn, stamp) + action_items(conn, stamp)
    if subscribed:
        items = [i for i in items if not i.cancelled and i.start >= stamp - FEED_PAST]
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", CALENDAR_NAME)
    # How often a subscribed calendar should look again (RFC 7986; Outlook's own name).
    cal.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    for number, item in enumerate(items, start=1):
        if progress is not None and number % 500 == 0:
            progress(number, len(items))
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start.astimezone(UTC))
        event.add("dtend", item.start.astimezone(UTC) + EVENT_LENGTH)
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("sequence", item.sequence)
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        if item.transparent:
            event.add("transp", "TRANSPARENT")
        if item.modified is not None:
            event.add("last-modified", item.modified.astimezone(UTC))
        for offset in () if item.cancelled else item.alarms:
            if item.start + offset <= stamp:
                continue  # already past: the window has reminded the rep
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.summary)
            alarm.add("trigger", offset)
            event.add_component(alarm)
        cal.add_component(event)
    if progress is not None:
        progress(len(items), len(items))  # writing it out takes a while: cancel now counts
    data = cal.to_ical()
    if progress is not None:
        progress(len(items), len(items))
    return data, len(items)


def export_ics(
    db: Database,
    out: Path,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write follow-ups and customer action items to ``out``; return the number of events.

    ``progress`` as for :func:`calendar_bytes`; a cancel writes nothing.
    """
    data, count = calendar_bytes(db, now, progress)
    out = Path(out)
    tmp = out.with_name(f".{out.name}.partial")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return count
