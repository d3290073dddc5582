"""Helpers shared by the call-sheet tests."""

from __future__ import annotations

from datetime import UTC, datetime

from salesdesk.core.db import Database
from salesdesk.core.ids import new_id
from salesdesk.core.listing import to_db_time


def add_action_item(
    db: Database,
    prospect_id: str,
    title: str,
    due: datetime,
    consequence: str = "",
    contact_id: str | None = None,
    status: str = "open",
    deleted: bool = False,
) -> None:
    """A row of issue 5's ``customer_action_item`` (schema 0005), written as SQL so the
    sheet's reading is checked against the table itself."""
    now = to_db_time(datetime.now(UTC))
    with db.raw_write() as conn:
        conn.execute(
            "INSERT INTO customer_action_item (id, prospect_id, contact_id, deal_id, title,"
            " consequence, due_at, lead_days, status, done_at, notes, created_at, updated_at,"
            " deleted_at, version) VALUES (?, ?, ?, NULL, ?, ?, ?, 3, ?, NULL, '', ?, ?, ?, 1)",
            (
                new_id(),
                prospect_id,
                contact_id,
                title,
                consequence,
                to_db_time(due),
                status,
                now,
                now,
                now if deleted else None,
            ),
        )
