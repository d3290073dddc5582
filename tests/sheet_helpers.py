"""Helpers shared by the call-sheet tests."""

from __future__ import annotations

from datetime import datetime

from salesdesk.core.action_items import ActionItemInput, ActionItemService
from salesdesk.core.db import Database
from salesdesk.core.enums import ActionItemStatus


def add_action_item(
    db: Database,
    prospect_id: str,
    title: str,
    due: datetime,
    consequence: str = "",
    contact_id: str | None = None,
    status: str = "open",
    deleted: bool = False,
) -> str:
    """A customer action item (issue 5) as the rep records it, in the state asked for."""
    items = ActionItemService(db)
    item = items.add(ActionItemInput(prospect_id, title, due, consequence, contact_id=contact_id))
    if status != "open":
        items.set_status(item, ActionItemStatus(status))
    if deleted:
        items.delete(item)
    return item
