"""What the plain-sqlite3 services of follow-ups, customer items and complaints share."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.db import Database
from salesdesk.core.validation import NotFoundError

T = TypeVar("T")


class RowService:
    """A service over one table: the data file, a clock, and who to tell after a change."""

    def __init__(
        self, db: Database, clock: Clock = utc_now, on_change: Callable[[], None] | None = None
    ) -> None:
        self.db = db
        self.clock = clock
        # Called after each change (e.g. the prospect list drops its cached orders).
        self._on_change = on_change

    def _one(self, sql: str, row_id: str, record: Callable[[tuple[object, ...]], T]) -> T:
        """The record of the live row ``sql`` finds for ``row_id``, or NotFoundError."""
        row = self.db.reader().execute(sql, (row_id,)).fetchone()
        if row is None:
            raise NotFoundError(row_id)
        return record(row)

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change()
