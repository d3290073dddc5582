"""Plain records passed between the window, the CLI and the services.

No SQLAlchemy here: the UI imports these cheaply, and they carry no session.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime

from salesdesk.core.enums import Channel, FollowUpStatus, InteractionKind, Outcome, Stage
from salesdesk.core.validation import (
    NEXT_STEP_CONFLICT,
    NEXT_STEP_MISSING,
    OUT_OF_RANGE,
    REQUIRED,
    ValidationError,
    check_email,
    check_phone,
    check_required,
    collect,
)


@dataclass
class ProspectInput:
    """What the rep fills in for a prospect."""

    company: str
    company_kana: str = ""
    stage: Stage = Stage.LEAD
    is_customer: bool = False
    phone: str = ""
    email: str = ""
    address: str = ""
    website: str = ""
    notes: str = ""

    def validate(self) -> None:
        collect(
            {
                "company": check_required(self.company),
                "email": check_email(self.email),
                "phone": check_phone(self.phone),
            }
        )


@dataclass
class ContactInput:
    """What the rep fills in for a person at a prospect."""

    name: str
    name_kana: str = ""
    title: str = ""
    department: str = ""
    is_decision_maker: bool = False
    phone: str = ""
    email: str = ""
    notes: str = ""

    def validate(self) -> None:
        collect(
            {
                "name": check_required(self.name),
                "email": check_email(self.email),
                "phone": check_phone(self.phone),
            }
        )


@dataclass(frozen=True)
class ContactRecord:
    id: str
    prospect_id: str
    name: str
    name_kana: str
    title: str
    department: str
    is_decision_maker: bool
    phone: str
    email: str
    notes: str

    def as_input(self) -> ContactInput:
        return ContactInput(**{f.name: getattr(self, f.name) for f in fields(ContactInput)})


@dataclass(frozen=True)
class ProspectRecord:
    id: str
    company: str
    company_kana: str
    stage: Stage
    is_customer: bool
    phone: str
    email: str
    address: str
    website: str
    notes: str
    strength: int | None
    last_contact_at: datetime | None
    next_follow_up_at: datetime | None
    contacts: tuple[ContactRecord, ...] = field(default=())

    def as_input(self) -> ProspectInput:
        return ProspectInput(**{f.name: getattr(self, f.name) for f in fields(ProspectInput)})


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
    #: The rep asked for an appointment (its outcome says whether one was set).
    appointment_requested: bool = False
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
        elif self.next_step is not None and self.no_next_step:
            errors["next_step"] = NEXT_STEP_CONFLICT
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
