"""Time helpers: everything is stored in UTC; callers may inject a clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time as an aware UTC datetime."""
    return datetime.now(UTC)


def to_utc(value: datetime) -> datetime:
    """Convert an aware datetime to UTC; a naive one is taken as local time."""
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(UTC)
