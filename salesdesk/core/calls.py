"""Logging calls (interactions) with their next step, and the prospect's timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.db import Database
from salesdesk.core.models import (
    Channel,
    Contact,
    FollowUp,
    FollowUpStatus,
    Interaction,
    InteractionKind,
    Outcome,
    Prospect,
)
from salesdesk.core.validation import (
    NEXT_STEP_MISSING,
    NOT_FOUND,
    OUT_OF_RANGE,
    REQUIRED,
    NotFoundError,
    ValidationError,
)


@dataclass
class NextStep:
    """The follow-up the rep sets before closing the call dialog."""

    due_at: datetime
    what: str
    kind: InteractionKind = InteractionKind.OTHER


@dataclass
class CallInput:
    """One logged contact. Exactly one of ``next_step`` / ``no_next_step`` must be given."""

    prospect_id: str
    summary: str
    kind: InteractionKind = InteractionKind.OTHER
    channel: Channel = Channel.PHONE
    outcome: Outcome = Outcome.REACHED
    contact_id: str | None = None
    notes: str = ""
    duration_min: int | None = None
    small_yes: bool = False
    customer_initiated: bool = False
    occurred_at: datetime | None = None
    next_step: NextStep | None = None
    no_next_step: bool = False
    #: Open follow-ups this call fulfils; they are marked done.
    completes: list[str] = field(default_factory=list)

    def validate(self) -> None:
        errors: dict[str, str] = {}
        if not self.summary.strip():
            errors["summary"] = REQUIRED
        if self.duration_min is not None and not 0 <= self.duration_min <= 24 * 60:
            errors["duration_min"] = OUT_OF_RANGE
        if self.next_step is None and not self.no_next_step:
            errors["next_step"] = NEXT_STEP_MISSING
        elif self.next_step is not None and not self.next_step.what.strip():
            errors["next_step_what"] = REQUIRED
        if errors:
            raise ValidationError(errors)


@dataclass(frozen=True)
class TimelineEntry:
    """A line of the prospect timeline: a logged call or a follow-up."""

    id: str
    entry: str  # "call" or "follow_up"
    at: datetime
    kind: InteractionKind
    summary: str
    channel: Channel | None = None
    outcome: Outcome | None = None
    contact_name: str = ""
    notes: str = ""
    small_yes: bool = False
    customer_initiated: bool = False
    no_next_step: bool = False
    status: FollowUpStatus | None = None


@dataclass(frozen=True)
class OpenFollowUp:
    id: str
    due_at: datetime
    what: str
    kind: InteractionKind


class CallService:
    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock

    def log_call(self, data: CallInput) -> str:
        """Store the call and its next step in one durable transaction; return its id."""
        data.validate()
        now = self.clock()
        with self.db.write() as s:
            prospect = s.get(Prospect, data.prospect_id)
            if prospect is None or prospect.deleted_at is not None:
                raise NotFoundError(data.prospect_id)
            if data.contact_id is not None:
                contact = s.get(Contact, data.contact_id)
                if contact is None or contact.prospect_id != prospect.id:
                    raise ValidationError({"contact_id": NOT_FOUND})
            call = Interaction(
                prospect_id=prospect.id,
                contact_id=data.contact_id,
                occurred_at=data.occurred_at or now,
                channel=data.channel,
                kind=data.kind,
                outcome=data.outcome,
                summary=data.summary.strip(),
                notes=data.notes,
                duration_min=data.duration_min,
                small_yes=data.small_yes,
                customer_initiated=data.customer_initiated,
                no_next_step=data.next_step is None,
            )
            s.add(call)
            s.flush()
            for fid in data.completes:
                fu = s.get(FollowUp, fid)
                if fu is not None and fu.prospect_id == prospect.id:
                    fu.status = FollowUpStatus.DONE
                    fu.completed_at = now
            if data.next_step is not None:
                s.add(
                    FollowUp(
                        prospect_id=prospect.id,
                        interaction_id=call.id,
                        due_at=data.next_step.due_at,
                        what=data.next_step.what.strip(),
                        kind=data.next_step.kind,
                    )
                )
            s.flush()
            refresh_contact_dates(s, prospect)
            return call.id

    def last_contact_id(self, prospect_id: str) -> str | None:
        """The contact of the most recent call that named one (the dialog's default)."""
        with self.db.read() as s:
            return s.scalar(
                select(Interaction.contact_id)
                .join(Contact, Contact.id == Interaction.contact_id)
                .where(
                    Interaction.prospect_id == prospect_id,
                    Interaction.deleted_at.is_(None),
                    Contact.deleted_at.is_(None),
                )
                .order_by(Interaction.occurred_at.desc())
                .limit(1)
            )

    def open_follow_ups(self, prospect_id: str) -> list[OpenFollowUp]:
        with self.db.read() as s:
            rows = s.scalars(
                select(FollowUp)
                .where(
                    FollowUp.prospect_id == prospect_id,
                    FollowUp.status == FollowUpStatus.OPEN,
                    FollowUp.deleted_at.is_(None),
                )
                .order_by(FollowUp.due_at)
            ).all()
            return [OpenFollowUp(f.id, f.due_at, f.what, f.kind) for f in rows]

    def timeline(self, prospect_id: str, limit: int = 200) -> list[TimelineEntry]:
        """Open follow-ups first (soonest first), then calls newest first."""
        entries: list[TimelineEntry] = [
            TimelineEntry(
                id=f.id,
                entry="follow_up",
                at=f.due_at,
                kind=f.kind,
                summary=f.what,
                status=FollowUpStatus.OPEN,
            )
            for f in self.open_follow_ups(prospect_id)
        ]
        with self.db.read() as s:
            rows = s.execute(
                select(Interaction, Contact.name)
                .outerjoin(Contact, Contact.id == Interaction.contact_id)
                .where(Interaction.prospect_id == prospect_id, Interaction.deleted_at.is_(None))
                .order_by(Interaction.occurred_at.desc())
                .limit(limit)
            ).all()
            for call, contact_name in rows:
                entries.append(
                    TimelineEntry(
                        id=call.id,
                        entry="call",
                        at=call.occurred_at,
                        kind=call.kind,
                        summary=call.summary,
                        channel=call.channel,
                        outcome=call.outcome,
                        contact_name=contact_name or "",
                        notes=call.notes,
                        small_yes=call.small_yes,
                        customer_initiated=call.customer_initiated,
                        no_next_step=call.no_next_step,
                    )
                )
        return entries

    def count_calls(self, prospect_id: str) -> int:
        with self.db.read() as s:
            return int(
                s.scalar(
                    select(func.count())
                    .select_from(Interaction)
                    .where(Interaction.prospect_id == prospect_id, Interaction.deleted_at.is_(None))
                )
                or 0
            )


def refresh_contact_dates(session: Session, prospect: Prospect) -> None:
    """Keep the list's denormalised last-contact and next-follow-up columns current."""
    prospect.last_contact_at = session.scalar(
        select(func.max(Interaction.occurred_at)).where(
            Interaction.prospect_id == prospect.id, Interaction.deleted_at.is_(None)
        )
    )
    prospect.next_follow_up_at = session.scalar(
        select(func.min(FollowUp.due_at)).where(
            FollowUp.prospect_id == prospect.id,
            FollowUp.status == FollowUpStatus.OPEN,
            FollowUp.deleted_at.is_(None),
        )
    )
