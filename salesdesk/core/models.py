"""Typed SQLAlchemy models for the whole SalesDesk domain.

Every table that holds user data carries the same sync-ready keys: a client-made
UUID primary key, ``created_at``/``updated_at`` in UTC, a ``deleted_at`` tombstone
and a per-row ``version`` counter, so a later team-sync feature needs no key change.
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    DateTime,
    Dialect,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from salesdesk.core.clock import utc_now


def new_id() -> str:
    """A new client-side primary key (canonical UUID4 text)."""
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC in SQLite and always hands back aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


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


def _enum_type(cls: type[enum.StrEnum]) -> Enum:
    return Enum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        validate_strings=True,
        values_callable=lambda e: [m.value for m in e],
    )


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        datetime: UTCDateTime(),
        str: String(),
        Stage: _enum_type(Stage),
        Channel: _enum_type(Channel),
        InteractionKind: _enum_type(InteractionKind),
        Outcome: _enum_type(Outcome),
        FollowUpStatus: _enum_type(FollowUpStatus),
    }


class SyncMixin:
    """Keys every synced table shares."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Prospect(SyncMixin, Base):
    """A company the rep sells to (or already serves)."""

    __tablename__ = "prospect"

    company: Mapped[str] = mapped_column(String(200))
    company_kana: Mapped[str] = mapped_column(String(200), default="")
    stage: Mapped[Stage] = mapped_column(default=Stage.LEAD)
    is_customer: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Denormalised for the list: kept current by the services that change them.
    strength: Mapped[int | None] = mapped_column(Integer, default=None)
    last_contact_at: Mapped[datetime | None] = mapped_column(default=None)
    next_follow_up_at: Mapped[datetime | None] = mapped_column(default=None)
    # Normalised text of the company and its contacts, for width/kana-blind search.
    search_text: Mapped[str] = mapped_column(Text, default="")

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="prospect", order_by="Contact.created_at"
    )

    __table_args__ = (
        Index("ix_prospect_live_kana", "deleted_at", "company_kana"),
        Index("ix_prospect_next_follow_up", "next_follow_up_at"),
        Index("ix_prospect_last_contact", "last_contact_at"),
    )


class Contact(SyncMixin, Base):
    """A person at a prospect."""

    __tablename__ = "contact"

    prospect_id: Mapped[str] = mapped_column(ForeignKey("prospect.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    name_kana: Mapped[str] = mapped_column(String(120), default="")
    title: Mapped[str] = mapped_column(String(120), default="")
    department: Mapped[str] = mapped_column(String(120), default="")
    is_decision_maker: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    prospect: Mapped[Prospect] = relationship(back_populates="contacts")


class Interaction(SyncMixin, Base):
    """One logged contact with a prospect: a call, visit, meeting or e-mail."""

    __tablename__ = "interaction"

    prospect_id: Mapped[str] = mapped_column(ForeignKey("prospect.id"))
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None)
    occurred_at: Mapped[datetime] = mapped_column(default=utc_now)
    channel: Mapped[Channel] = mapped_column(default=Channel.PHONE)
    kind: Mapped[InteractionKind] = mapped_column(default=InteractionKind.OTHER)
    outcome: Mapped[Outcome] = mapped_column(default=Outcome.REACHED)
    summary: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    duration_min: Mapped[int | None] = mapped_column(Integer, default=None)
    small_yes: Mapped[bool] = mapped_column(Boolean, default=False)
    customer_initiated: Mapped[bool] = mapped_column(Boolean, default=False)
    # The rep's explicit "no next step" when closing the call dialog.
    no_next_step: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_interaction_prospect_time", "prospect_id", "occurred_at"),)


class FollowUp(SyncMixin, Base):
    """A next step the rep owes the customer, with a due moment."""

    __tablename__ = "follow_up"

    prospect_id: Mapped[str] = mapped_column(ForeignKey("prospect.id"))
    interaction_id: Mapped[str | None] = mapped_column(ForeignKey("interaction.id"), default=None)
    due_at: Mapped[datetime] = mapped_column()
    what: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[InteractionKind] = mapped_column(default=InteractionKind.OTHER)
    status: Mapped[FollowUpStatus] = mapped_column(default=FollowUpStatus.OPEN)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
    notified_at: Mapped[datetime | None] = mapped_column(default=None)

    __table_args__ = (
        Index("ix_follow_up_prospect_status", "prospect_id", "status"),
        Index("ix_follow_up_status_due", "status", "due_at"),
    )


class AppMeta(Base):
    """Key/value facts about the data file itself (e.g. which app version wrote it)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


@event.listens_for(SyncMixin, "before_update", propagate=True)
def _bump_version(mapper: Mapper[Any], connection: Any, target: SyncMixin) -> None:
    target.version = (target.version or 0) + 1
    target.updated_at = utc_now()
