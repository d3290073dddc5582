"""Base of the services that read all open work at once: the day's list and reminders."""

from __future__ import annotations

from salesdesk.core.action_items import ActionItemService
from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.complaints import DEFAULT_SILENCE_DAYS, ComplaintService
from salesdesk.core.db import Database


class OpenWorkReader:
    """Customer action items and complaints of live prospects, with the rep's setting for
    how long an open complaint may go without contact."""

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
