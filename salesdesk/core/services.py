"""The bundle of services the window and the CLI work through.

The list and call logging need only ``sqlite3``; the ORM-backed prospect editing
service (and with it SQLAlchemy) is built on first use, or ahead of time by
:meth:`Services.warm_up` once the window is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.db import Database

if TYPE_CHECKING:
    from salesdesk.core.action_items import ActionItemService
    from salesdesk.core.calls import CallService
    from salesdesk.core.complaints import ComplaintService
    from salesdesk.core.followups import FollowUpService
    from salesdesk.core.listing import ProspectList
    from salesdesk.core.prospects import ProspectService
    from salesdesk.core.reminders import ReminderService
    from salesdesk.core.today import TodayService


class Services:
    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock
        self._listing: ProspectList | None = None
        self._calls: CallService | None = None
        self._prospects: ProspectService | None = None
        self._follow_ups: FollowUpService | None = None
        self._action_items: ActionItemService | None = None
        self._complaints: ComplaintService | None = None
        self._reminders: ReminderService | None = None
        self._today: TodayService | None = None

    @classmethod
    def create(cls, db: Database, clock: Clock = utc_now) -> Services:
        return cls(db, clock)

    # The list and call logging (plain sqlite3): built when the window first needs them,
    # after its frame has painted.
    @property
    def listing(self) -> ProspectList:
        if self._listing is None:
            from salesdesk.core.listing import ProspectList

            self._listing = ProspectList(self.db, self.clock)
        return self._listing

    @property
    def calls(self) -> CallService:
        if self._calls is None:
            from salesdesk.core.calls import CallService

            self._calls = CallService(self.db, self.clock)
        return self._calls

    @property
    def prospects(self) -> ProspectService:
        if self._prospects is None:
            from salesdesk.core.prospects import ProspectService

            self._prospects = ProspectService(self.db, self.clock, self.listing)
        return self._prospects

    # Reminders and the day's list (issue 5): plain sqlite3, built on first use.
    @property
    def follow_ups(self) -> FollowUpService:
        if self._follow_ups is None:
            from salesdesk.core.followups import FollowUpService

            # A follow-up moves the prospect's next follow-up date, which the list sorts by.
            self._follow_ups = FollowUpService(self.db, self.clock, self.listing.invalidate)
        return self._follow_ups

    @property
    def action_items(self) -> ActionItemService:
        if self._action_items is None:
            from salesdesk.core.action_items import ActionItemService

            self._action_items = ActionItemService(self.db, self.clock)
        return self._action_items

    @property
    def complaints(self) -> ComplaintService:
        if self._complaints is None:
            from salesdesk.core.complaints import ComplaintService

            self._complaints = ComplaintService(self.db, self.clock)
        return self._complaints

    @property
    def reminders(self) -> ReminderService:
        if self._reminders is None:
            from salesdesk.core.reminders import ReminderService

            self._reminders = ReminderService(self.db, self.clock)
        return self._reminders

    @property
    def today(self) -> TodayService:
        if self._today is None:
            from salesdesk.core.today import TodayService

            self._today = TodayService(self.db, self.clock)
        return self._today

    def set_complaint_silence_days(self, days: int) -> None:
        """The rep's setting: an open complaint with no contact this long is flagged."""
        self.reminders.complaint_silence_days = days
        self.today.complaint_silence_days = days

    def warm_up(self) -> None:
        """Import and build the ORM side now, so the first edit does not wait for it."""
        _ = self.prospects
        self.db.engine.connect().close()
