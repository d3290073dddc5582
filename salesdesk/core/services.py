"""The bundle of services the window and the CLI work through.

The list and call logging need only ``sqlite3``; the ORM-backed prospect editing
service (and with it SQLAlchemy) is built on first use, or ahead of time by
:meth:`Services.warm_up` once the window is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from salesdesk.core.calls import CallService
from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.db import Database
from salesdesk.core.listing import ProspectList

if TYPE_CHECKING:
    from salesdesk.core.prospects import ProspectService


class Services:
    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock
        self.listing = ProspectList(db, clock)
        self.calls = CallService(db, clock)
        self._prospects: ProspectService | None = None

    @classmethod
    def create(cls, db: Database, clock: Clock = utc_now) -> Services:
        return cls(db, clock)

    @property
    def prospects(self) -> ProspectService:
        if self._prospects is None:
            from salesdesk.core.prospects import ProspectService

            self._prospects = ProspectService(self.db, self.clock, self.listing)
        return self._prospects

    def warm_up(self) -> None:
        """Import and build the ORM side now, so the first edit does not wait for it."""
        _ = self.prospects
        self.db.engine.connect().close()
