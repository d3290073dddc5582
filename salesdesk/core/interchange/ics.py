"""Open follow-ups (and customer action items, where that table exists) as an .ics file.

RFC 5545 through the icalendar library: one VEVENT per item with a stable UID (the
row id), so a calendar that re-imports or subscribes updates events instead of
duplicating them, a SEQUENCE from the row's version, and alarms.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from salesdesk.core.clock import utc_now
from salesdesk.core.db import Database
from salesdesk.core.listing import from_db_time

#: A follow-up's alarm: this long before it is due.
FOLLOW_UP_ALARM = timedelta(minutes=15)
#: A customer action item's friendly pre-deadline check (DOMAIN.md §4), unless the row
#: carries its own lead time.
ACTION_ITEM_LEAD = timedelta(days=3)
EVENT_LENGTH = timedelta(minutes=30)
PRODID = "-//SalesDesk//SalesDesk//EN"


@dataclass(frozen=True)
class CalendarItem:
    uid: str
    start: datetime
    summary: str
    description: str
    version: int
    modified: datetime | None
    alarms: tuple[timedelta, ...]  # offsets from the start (negative: before)


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}


def follow_up_items(conn: sqlite3.Connection) -> list[CalendarItem]:
    """Open follow-ups of live prospects, soonest first."""
    rows = conn.execute(
        "SELECT f.id, f.due_at, f.what, p.company, p.phone, f.version, f.updated_at"
        " FROM follow_up f JOIN prospect p ON p.id = f.prospect_id"
        " WHERE f.status = 'open' AND f.deleted_at IS NULL AND p.deleted_at IS NULL"
        " ORDER BY f.due_at"
    ).fetchall()
    items = []
    for fid, due, what, company, phone, version, updated in rows:
        start = from_db_time(due)
        assert start is not None
        items.append(
            CalendarItem(
                uid=f"follow-up-{fid}@salesdesk",
                start=start,
                summary=f"{company} — {what}" if what else company,
                description="\n".join(x for x in (what, company, phone) if x),
                version=version,
                modified=from_db_time(updated),
                alarms=(-FOLLOW_UP_ALARM,),
            )
        )
    return items


def action_items(conn: sqlite3.Connection) -> list[CalendarItem]:
    """Open customer action items, when a table of them exists (added by a later feature).

    Found by name (``*action_item*``) and read through the columns it has: a due moment
    (``due_at``/``deadline_at``), a title, a done marker, an optional lead time in days.
    Two alarms: the friendly check before the deadline, and the deadline itself.
    """
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%action_item%'"
            " AND name NOT LIKE '%fts%'"
        )
    ]
    items: list[CalendarItem] = []
    for table in tables:
        cols = _columns(conn, table)
        due = next((c for c in ("due_at", "deadline_at", "due") if c in cols), None)
        title = next((c for c in ("title", "what", "item", "description") if c in cols), None)
        if due is None or title is None:
            continue
        where = ["deleted_at IS NULL"] if "deleted_at" in cols else []
        for done in ("done_at", "completed_at", "resolved_at"):
            if done in cols:
                where.append(f"{done} IS NULL")
        if "status" in cols:
            where.append("status NOT IN ('done', 'completed', 'cancelled', 'closed')")
        lead = next((c for c in ("lead_days", "check_days_before") if c in cols), None)
        company = "prospect_id" in cols
        lead_sql = "a." + lead if lead else "NULL"
        company_sql = "p.company" if company else "''"
        select = (
            f"SELECT a.id, a.{due}, a.{title}, {lead_sql}, {company_sql}, a.version,"
            f' a.updated_at FROM "{table}" a'
            + (" LEFT JOIN prospect p ON p.id = a.prospect_id" if company else "")
            + (" WHERE " + " AND ".join("a." + w for w in where) if where else "")
        )
        for aid, due_at, what, lead_days, company_name, version, updated in conn.execute(select):
            start = from_db_time(due_at) if isinstance(due_at, str) and len(due_at) > 10 else None
            if start is None:
                continue
            before = timedelta(days=lead_days) if lead_days else ACTION_ITEM_LEAD
            items.append(
                CalendarItem(
                    uid=f"{table}-{aid}@salesdesk",
                    start=start,
                    summary=f"{company_name} — {what}" if company_name else str(what),
                    description=str(what),
                    version=version or 1,
                    modified=from_db_time(updated),
                    alarms=(-before, timedelta(0)),
                )
            )
    return items


def export_ics(db: Database, out: Path, now: datetime | None = None) -> int:
    """Write open follow-ups and action items to ``out``; return the number of events."""
    from icalendar import Alarm, Calendar, Event

    stamp = now or utc_now()
    conn = db.reader()
    items = follow_up_items(conn) + action_items(conn)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "SalesDesk")
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start)
        event.add("dtend", item.start + EVENT_LENGTH)
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("sequence", max(0, item.version - 1))
        if item.modified is not None:
            event.add("last-modified", item.modified)
        for offset in item.alarms:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.summary)
            alarm.add("trigger", offset)
            event.add_component(alarm)
        cal.add_component(event)
    out = Path(out)
    tmp = out.with_name(f".{out.name}.partial")
    try:
        tmp.write_bytes(cal.to_ical())
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return len(items)
