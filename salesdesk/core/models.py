"""Typed SQLAlchemy models for the whole SalesDesk domain.

Every table that holds user data carries the same sync-ready keys: a client-made
UUID primary key, ``created_at``/``updated_at`` in UTC, a ``deleted_at`` tombstone
and a per-row ``version`` counter, so a later team-sync feature needs no key change.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    Date,
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
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Mapper,
    mapped_column,
    object_session,
    relationship,
)
from sqlalchemy.types import TypeDecorator

from salesdesk.core.clock import utc_now
from salesdesk.core.enums import (
    VALUE_KINDS,
    ActionItemStatus,
    Channel,
    ComplaintSeverity,
    ComplaintStatus,
    FollowUpStatus,
    InteractionKind,
    Outcome,
    Stage,
)
from salesdesk.core.ids import new_id

__all__ = [
    "VALUE_KINDS",
    "ActionItemStatus",
    "AppMeta",
    "Base",
    "Channel",
    "Complaint",
    "ComplaintSeverity",
    "ComplaintStatus",
    "Contact",
    "CustomerActionItem",
    "Deal",
    "DealCheck",
    "DealOutcome",
    "DealQuestion",
    "DealSignal",
    "FollowUp",
    "FollowUpStatus",
    "Interaction",
    "InteractionKind",
    "Outcome",
    "Prospect",
    "RelationshipAssessment",
    "ReminderLog",
    "Stage",
    "UTCDateTime",
    "new_id",
]


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
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        str: String(),
        Stage: _enum_type(Stage),
        Channel: _enum_type(Channel),
        InteractionKind: _enum_type(InteractionKind),
        Outcome: _enum_type(Outcome),
        FollowUpStatus: _enum_type(FollowUpStatus),
        ActionItemStatus: _enum_type(ActionItemStatus),
        ComplaintSeverity: _enum_type(ComplaintSeverity),
        ComplaintStatus: _enum_type(ComplaintStatus),
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
    # From the latest relationship assessment (core/relationship.py keeps them current).
    assessed_at: Mapped[datetime | None] = mapped_column(default=None)
    weakest: Mapped[str | None] = mapped_column(String(32), default=None)
    last_contact_at: Mapped[datetime | None] = mapped_column(default=None)
    next_follow_up_at: Mapped[datetime | None] = mapped_column(default=None)
    # Normalised text for width/kana-blind search (see core/listing.py): everything
    # searchable (names, readings, phones, e-mails; indexed by prospect_fts), and the
    # names and readings alone (scanned for terms too short for trigrams).
    search_text: Mapped[str] = mapped_column(Text, default="")
    search_names: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The list's default order: the reading, width- and script-folded (text.sort_key).
    sort_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The longest △ streak among the prospect's open deals (core/deals.py keeps it).
    pending_streak: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="prospect", order_by="Contact.created_at"
    )

    __table_args__ = (
        Index("ix_prospect_live_order", "deleted_at", "sort_key", "company"),
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
    # The rep asked for an appointment in this contact (its outcome says if it was set).
    appointment_requested: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

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
    # A snoozed reminder: shown again then; the due time itself is kept (migration 0005).
    snoozed_until: Mapped[datetime | None] = mapped_column(default=None)

    __table_args__ = (
        Index("ix_follow_up_prospect_status", "prospect_id", "status"),
        Index("ix_follow_up_status_due", "status", "due_at"),
    )


class RelationshipAssessment(SyncMixin, Base):
    """One dated scoring of a prospect's relationship (DOMAIN.md §1); never overwritten."""

    __tablename__ = "relationship_assessment"

    prospect_id: Mapped[str] = mapped_column(ForeignKey("prospect.id"))
    assessed_at: Mapped[datetime] = mapped_column(default=utc_now)
    business: Mapped[int] = mapped_column(Integer, default=0)
    empathy: Mapped[int] = mapped_column(Integer, default=0)
    contribution: Mapped[int] = mapped_column(Integer, default=0)
    multi_contact: Mapped[int] = mapped_column(Integer, default=0)
    key_contact: Mapped[int] = mapped_column(Integer, default=0)
    voluntary: Mapped[int] = mapped_column(Integer, default=0)
    need_awareness: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_relationship_assessment_prospect_time", "prospect_id", "assessed_at"),
    )


class Deal(SyncMixin, Base):
    """Something being sold to a prospect, from approach to ○ / △ / × (DOMAIN.md §2–§3).

    Kept by core/deals.py with plain sqlite3; see migration 0004 for the columns' meaning.
    """

    __tablename__ = "deal"

    prospect_id: Mapped[str] = mapped_column(ForeignKey("prospect.id"))
    title: Mapped[str] = mapped_column(String(200))
    amount: Mapped[int | None] = mapped_column(Integer, default=None)  # minor units
    currency: Mapped[str] = mapped_column(String(3), default="JPY")
    stage: Mapped[str] = mapped_column(String(32), default="approach")
    result: Mapped[str | None] = mapped_column(String(16), default=None)
    result_on: Mapped[date | None] = mapped_column(Date, default=None)
    pending_streak: Mapped[int] = mapped_column(Integer, default=0)
    opened_at: Mapped[datetime] = mapped_column(default=utc_now)
    reached_closing_at: Mapped[datetime | None] = mapped_column(default=None)
    forecast_on: Mapped[date | None] = mapped_column(Date, default=None)
    decision_deadline: Mapped[date | None] = mapped_column(Date, default=None)
    goal_on: Mapped[date | None] = mapped_column(Date, default=None)
    last_useful_on: Mapped[date | None] = mapped_column(Date, default=None)
    decision_maker: Mapped[str] = mapped_column(String(200), default="")
    decision_steps: Mapped[str] = mapped_column(Text, default="")
    collect_first: Mapped[str] = mapped_column(Text, default="")
    competitors: Mapped[str] = mapped_column(Text, default="")
    second_arrow: Mapped[str] = mapped_column(Text, default="")
    third_arrow: Mapped[str] = mapped_column(Text, default="")
    loss_category: Mapped[str | None] = mapped_column(String(32), default=None)
    loss_words: Mapped[str] = mapped_column(Text, default="")
    loss_said_by: Mapped[str] = mapped_column(String(200), default="")
    loss_said_on: Mapped[date | None] = mapped_column(Date, default=None)

    __table_args__ = (Index("ix_deal_prospect", "prospect_id", "deleted_at"),)


class DealCheck(SyncMixin, Base):
    """One hand-ticked item of a deal's closing checklist: tick, note, date."""

    __tablename__ = "deal_check"

    deal_id: Mapped[str] = mapped_column(ForeignKey("deal.id"))
    item: Mapped[str] = mapped_column(String(32))
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[date | None] = mapped_column(Date, default=None)

    __table_args__ = (Index("ix_deal_check_deal_item", "deal_id", "item"),)


class DealQuestion(SyncMixin, Base):
    """An open question or worry (疑問・不安) of the customer about a deal."""

    __tablename__ = "deal_question"

    deal_id: Mapped[str] = mapped_column(ForeignKey("deal.id"))
    question: Mapped[str] = mapped_column(Text, default="")
    asked_by: Mapped[str] = mapped_column(String(200), default="")
    asked_on: Mapped[date | None] = mapped_column(Date, default=None)
    answer: Mapped[str] = mapped_column(Text, default="")
    resolved_on: Mapped[date | None] = mapped_column(Date, default=None)

    __table_args__ = (Index("ix_deal_question_deal", "deal_id"),)


class DealSignal(SyncMixin, Base):
    """A buying signal (買いシグナル) observed on a deal."""

    __tablename__ = "deal_signal"

    deal_id: Mapped[str] = mapped_column(ForeignKey("deal.id"))
    text: Mapped[str] = mapped_column(Text, default="")
    observed_on: Mapped[date | None] = mapped_column(Date, default=None)

    __table_args__ = (Index("ix_deal_signal_deal", "deal_id"),)


class DealOutcome(SyncMixin, Base):
    """One recorded answer on a deal (won, pending, lost, no answer yet, reopened)."""

    __tablename__ = "deal_outcome"

    deal_id: Mapped[str] = mapped_column(ForeignKey("deal.id"))
    result: Mapped[str] = mapped_column(String(16))
    decided_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    loss_category: Mapped[str | None] = mapped_column(String(32), default=None)
    loss_words: Mapped[str] = mapped_column(Text, default="")
    loss_said_by: Mapped[str] = mapped_column(String(200), default="")
    loss_said_on: Mapped[date | None] = mapped_column(Date, default=None)
    follow_up_id: Mapped[str | None] = mapped_column(String(36), default=None)

    __table_args__ = (Index("ix_deal_outcome_deal_time", "deal_id", "created_at"),)


class CustomerActionItem(SyncMixin, Base):
    """Something the customer owes by a deadline (DOMAIN.md §4); kept by core/action_items.py."""

    __tablename__ = "customer_action_item"

    prospect_id: Mapped[str] = mapped_column(ForeignKey("prospect.id"))
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None)
    deal_id: Mapped[str | None] = mapped_column(ForeignKey("deal.id"), default=None)
    title: Mapped[str] = mapped_column(String(300))
    consequence: Mapped[str] = mapped_column(Text, default="")
    due_at: Mapped[datetime] = mapped_column()
    lead_days: Mapped[int] = mapped_column(Integer, default=3)
    status: Mapped[ActionItemStatus] = mapped_column(default=ActionItemStatus.OPEN)
    done_at: Mapped[datetime | None] = mapped_column(default=None)
    snoozed_until: Mapped[datetime | None] = mapped_column(default=None)
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_customer_action_item_prospect", "prospect_id", "deleted_at"),
        Index("ix_customer_action_item_status_due", "status", "due_at"),
    )


class Complaint(SyncMixin, Base):
    """A complaint or problem after the sale (DOMAIN.md §5); kept by core/complaints.py."""

    __tablename__ = "complaint"

    prospect_id: Mapped[str] = mapped_column(ForeignKey("prospect.id"))
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None)
    deal_id: Mapped[str | None] = mapped_column(ForeignKey("deal.id"), default=None)
    opened_at: Mapped[datetime] = mapped_column(default=utc_now)
    description: Mapped[str] = mapped_column(Text, default="")
    severity: Mapped[ComplaintSeverity] = mapped_column(default=ComplaintSeverity.MEDIUM)
    status: Mapped[ComplaintStatus] = mapped_column(default=ComplaintStatus.OPEN)
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    snoozed_until: Mapped[datetime | None] = mapped_column(default=None)

    __table_args__ = (
        Index("ix_complaint_prospect", "prospect_id", "deleted_at"),
        Index("ix_complaint_status", "status"),
    )


class ReminderLog(Base):
    """One reminder moment shown on this laptop, so that it is never shown twice.

    ``key`` names the source row, the moment and its time (core/reminders.py); this is the
    laptop's notification state rather than the rep's data, hence no sync columns.
    """

    __tablename__ = "reminder_log"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    source: Mapped[str] = mapped_column(String(32))
    source_id: Mapped[str] = mapped_column(String(36))
    moment: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column()
    shown_at: Mapped[datetime] = mapped_column()

    __table_args__ = (Index("ix_reminder_log_source", "source_id"),)


class AppMeta(Base):
    """Key/value facts about the data file itself (e.g. which app version wrote it)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


@event.listens_for(SyncMixin, "before_update", propagate=True)
def _bump_version(mapper: Mapper[Any], connection: Any, target: SyncMixin) -> None:
    # before_update also fires for rows that were only touched (a value set to itself);
    # only a real change is a new version for a sync peer.
    session = object_session(target)
    if session is not None and not session.is_modified(target, include_collections=False):
        return
    target.version = (target.version or 0) + 1
    target.updated_at = utc_now()
