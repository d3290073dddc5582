"""The method's vocabulary as plain enums (no SQLAlchemy, so the UI can import them cheaply)."""

from __future__ import annotations

import enum


class Stage(enum.StrEnum):
    """Where a prospect stands in the sales process."""

    LEAD = "lead"
    APPROACH = "approach"
    APPOINTMENT = "appointment"
    HEARING = "hearing"
    PROPOSAL = "proposal"
    CLOSING = "closing"
    CUSTOMER = "customer"
    DORMANT = "dormant"


class Channel(enum.StrEnum):
    """How a contact with the customer took place."""

    PHONE = "phone"
    VISIT = "visit"
    ONLINE = "online"
    EMAIL = "email"


class InteractionKind(enum.StrEnum):
    """What a contact brought the customer (DOMAIN.md §3)."""

    LABOUR = "labour"
    GOODWILL = "goodwill"
    INFORMATION = "information"
    PROPOSAL = "proposal"
    ANOTHER_MATTER = "another_matter"
    PROGRESS_CHECK = "progress_check"
    CLOSING = "closing"
    COMPLAINT = "complaint"
    OTHER = "other"


#: Kinds that bring the customer value, as opposed to a bare progress check.
VALUE_KINDS = frozenset(
    {
        InteractionKind.LABOUR,
        InteractionKind.GOODWILL,
        InteractionKind.INFORMATION,
        InteractionKind.PROPOSAL,
        InteractionKind.ANOTHER_MATTER,
    }
)


class Outcome(enum.StrEnum):
    """What came of a contact."""

    REACHED = "reached"
    NOT_REACHED = "not_reached"
    LEFT_MESSAGE = "left_message"
    APPOINTMENT_SET = "appointment_set"
    DECLINED = "declined"
    OTHER = "other"


class FollowUpStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class ActionItemStatus(enum.StrEnum):
    """Where a customer action item (what the customer owes, DOMAIN.md §4) stands."""

    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class ComplaintSeverity(enum.StrEnum):
    """How badly a problem after the sale hurts the customer (DOMAIN.md §5)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ComplaintStatus(enum.StrEnum):
    """Where a complaint or problem after the sale stands."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
