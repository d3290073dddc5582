"""Complaints and problems after the sale: never run away (DOMAIN.md §5).

A complaint stays open until resolved; while it is open, the rep is expected to keep in
touch. "Silent" means no contact with the customer for ``silence_days`` since the later of
the complaint's opening and the last logged contact — shown in red and reminded.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from salesdesk.core.enums import Channel, ComplaintSeverity, ComplaintStatus, InteractionKind
from salesdesk.core.ids import new_id
from salesdesk.core.listing import from_db_time, to_db_time
from salesdesk.core.row_service import RowService
from salesdesk.core.validation import NOT_FOUND, REQUIRED, NotFoundError, ValidationError

__all__ = [
    "DEFAULT_SILENCE_DAYS",
    "Complaint",
    "ComplaintContact",
    "ComplaintInput",
    "ComplaintService",
]

DEFAULT_SILENCE_DAYS = 3

_SELECT = (
    "SELECT k.id, k.prospect_id, p.company, p.is_customer, k.contact_id, coalesce(c.name, ''),"
    " k.deal_id, k.opened_at, k.description, k.severity, k.status, k.resolution,"
    " k.resolved_at, k.snoozed_until, p.last_contact_at"
    " FROM complaint k JOIN prospect p ON p.id = k.prospect_id"
    " LEFT JOIN contact c ON c.id = k.contact_id AND c.deleted_at IS NULL"
)


@dataclass(frozen=True, slots=True)
class ComplaintInput:
    prospect_id: str
    description: str
    severity: ComplaintSeverity = ComplaintSeverity.MEDIUM
    status: ComplaintStatus = ComplaintStatus.OPEN
    resolution: str = ""
    contact_id: str | None = None
    deal_id: str | None = None
    opened_at: datetime | None = None  # now when left out

    def validate(self) -> None:
        errors: dict[str, str] = {}
        if not self.description.strip():
            errors["description"] = REQUIRED
        if self.status is ComplaintStatus.RESOLVED and not self.resolution.strip():
            errors["resolution"] = REQUIRED
        if errors:
            raise ValidationError(errors)


@dataclass(frozen=True, slots=True)
class Complaint:
    id: str
    prospect_id: str
    company: str
    is_customer: bool
    contact_id: str | None
    contact_name: str
    deal_id: str | None
    opened_at: datetime
    description: str
    severity: ComplaintSeverity
    status: ComplaintStatus
    resolution: str
    resolved_at: datetime | None
    snoozed_until: datetime | None
    last_contact_at: datetime | None  # the prospect's, any kind of contact

    def is_open(self) -> bool:
        return self.status is not ComplaintStatus.RESOLVED

    def quiet_since(self) -> datetime:
        """The later of the opening and the last contact with the customer."""
        if self.last_contact_at is None or self.last_contact_at < self.opened_at:
            return self.opened_at
        return self.last_contact_at

    def silent_at(self, silence_days: int) -> datetime:
        """When this complaint counts as silent if nobody gets in touch before."""
        return self.quiet_since() + timedelta(days=silence_days)

    def is_silent(self, now: datetime, silence_days: int) -> bool:
        return self.is_open() and self.silent_at(silence_days) <= now

    def days_without_contact(self, now: datetime) -> int:
        return max(0, (now - self.quiet_since()).days)


@dataclass(frozen=True, slots=True)
class ComplaintContact:
    """A contact logged with the customer since the complaint was opened."""

    id: str
    occurred_at: datetime
    channel: Channel
    kind: InteractionKind
    summary: str


class ComplaintService(RowService):
    # -- reading ----------------------------------------------------------------------------
    def get(self, complaint_id: str) -> Complaint:
        return self._one(_SELECT + " WHERE k.id=? AND k.deleted_at IS NULL", complaint_id, _record)

    def for_prospect(self, prospect_id: str) -> list[Complaint]:
        """Open complaints first (oldest first), then resolved ones (newest first)."""
        rows = self.db.reader().execute(
            _SELECT + " WHERE k.prospect_id=? AND k.deleted_at IS NULL"
            " ORDER BY k.status = 'resolved', CASE WHEN k.status != 'resolved'"
            " THEN k.opened_at END, k.opened_at DESC",
            (prospect_id,),
        )
        return [_record(r) for r in rows]

    def open_complaints(self) -> list[Complaint]:
        """Every open complaint of a live prospect, oldest first."""
        # By the status index; ``+`` keeps SQLite from walking every live prospect instead.
        rows = self.db.reader().execute(
            _SELECT + " WHERE k.status IN ('open', 'in_progress') AND k.deleted_at IS NULL"
            " AND +p.deleted_at IS NULL ORDER BY k.opened_at"
        )
        return [_record(r) for r in rows]

    def silent(self, now: datetime, silence_days: int) -> list[Complaint]:
        """Open complaints with no contact for ``silence_days`` or more, quietest first."""
        found = [c for c in self.open_complaints() if c.is_silent(now, silence_days)]
        return sorted(found, key=lambda c: c.quiet_since())

    def contacts_made(self, complaint_id: str) -> list[ComplaintContact]:
        """Contacts logged with the customer since the complaint was opened, newest first."""
        complaint = self.get(complaint_id)
        end = complaint.resolved_at
        sql = (
            "SELECT id, occurred_at, channel, kind, summary FROM interaction"
            " WHERE prospect_id=? AND deleted_at IS NULL AND occurred_at >= ?"
        )
        params: list[object] = [complaint.prospect_id, to_db_time(complaint.opened_at)]
        if end is not None:
            sql += " AND occurred_at <= ?"
            params.append(to_db_time(end))
        rows = self.db.reader().execute(sql + " ORDER BY occurred_at DESC", params)
        return [
            ComplaintContact(str(i), _time(at), Channel(ch), InteractionKind(kind), summary)
            for i, at, ch, kind, summary in rows
        ]

    # -- changing ---------------------------------------------------------------------------
    def open(self, data: ComplaintInput) -> str:
        data.validate()
        now = self.clock()
        complaint_id = new_id()
        resolved = to_db_time(now) if data.status is ComplaintStatus.RESOLVED else None
        with self.db.raw_write() as conn:
            _check_owner(conn, data)
            conn.execute(
                "INSERT INTO complaint (id, prospect_id, contact_id, deal_id, opened_at,"
                " description, severity, status, resolution, resolved_at, snoozed_until,"
                " created_at, updated_at, deleted_at, version)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,NULL,?,?,NULL,1)",
                (
                    complaint_id,
                    data.prospect_id,
                    data.contact_id,
                    data.deal_id,
                    to_db_time(data.opened_at or now),
                    data.description.strip(),
                    ComplaintSeverity(data.severity).value,
                    ComplaintStatus(data.status).value,
                    data.resolution.strip(),
                    resolved,
                    to_db_time(now),
                    to_db_time(now),
                ),
            )
        self._changed()
        return complaint_id

    def update(self, complaint_id: str, data: ComplaintInput) -> None:
        """Replace what the rep typed; resolving stamps the time, reopening clears it."""
        data.validate()
        now = to_db_time(self.clock())
        resolved = data.status is ComplaintStatus.RESOLVED
        with self.db.raw_write() as conn:
            _check_owner(conn, data)
            changed = conn.execute(
                "UPDATE complaint SET contact_id=?, deal_id=?, opened_at=coalesce(?, opened_at),"
                " description=?, severity=?, status=?, resolution=?,"
                " resolved_at=CASE WHEN ? THEN coalesce(resolved_at, ?) END,"
                " updated_at=?, version=version+1 WHERE id=? AND deleted_at IS NULL",
                (
                    data.contact_id,
                    data.deal_id,
                    None if data.opened_at is None else to_db_time(data.opened_at),
                    data.description.strip(),
                    ComplaintSeverity(data.severity).value,
                    ComplaintStatus(data.status).value,
                    data.resolution.strip(),
                    resolved,
                    now,
                    now,
                    complaint_id,
                ),
            ).rowcount
            if changed != 1:
                raise NotFoundError(complaint_id)
        self._changed()

    def resolve(self, complaint_id: str, resolution: str) -> None:
        current = self.get(complaint_id)
        self.update(
            complaint_id,
            ComplaintInput(
                prospect_id=current.prospect_id,
                description=current.description,
                severity=current.severity,
                status=ComplaintStatus.RESOLVED,
                resolution=resolution,
                contact_id=current.contact_id,
                deal_id=current.deal_id,
            ),
        )

    def snooze(self, complaint_id: str, until: datetime | None) -> None:
        """Remind again at ``until`` (None: no snooze)."""
        self._set(complaint_id, "snoozed_until=?", (None if until is None else to_db_time(until),))

    def delete(self, complaint_id: str) -> None:
        """Tombstone the complaint (undo with :meth:`restore`)."""
        self._set(complaint_id, "deleted_at=?", (to_db_time(self.clock()),))

    def restore(self, complaint_id: str) -> None:
        self._set(complaint_id, "deleted_at=NULL", (), live_only=False)

    def _set(
        self, complaint_id: str, sets: str, params: tuple[object, ...], live_only: bool = True
    ) -> None:
        now = to_db_time(self.clock())
        where = "id=?" + (" AND deleted_at IS NULL" if live_only else "")
        with self.db.raw_write() as conn:
            changed = conn.execute(
                f"UPDATE complaint SET {sets}, updated_at=?, version=version+1 WHERE {where}",
                (*params, now, complaint_id),
            ).rowcount
            if changed != 1:
                raise NotFoundError(complaint_id)
        self._changed()


def _check_owner(conn: sqlite3.Connection, data: ComplaintInput) -> None:
    live = conn.execute(
        "SELECT 1 FROM prospect WHERE id=? AND deleted_at IS NULL", (data.prospect_id,)
    ).fetchone()
    if live is None:
        raise NotFoundError(data.prospect_id)
    if data.contact_id is not None:
        row = conn.execute(
            "SELECT prospect_id FROM contact WHERE id=? AND deleted_at IS NULL", (data.contact_id,)
        ).fetchone()
        if row is None or row[0] != data.prospect_id:
            raise ValidationError({"contact_id": NOT_FOUND})


def _record(row: tuple[object, ...]) -> Complaint:
    (kid, pid, company, is_customer, cid, cname, did, opened, description, severity, status,
     resolution, resolved, snoozed, last_contact) = row  # fmt: skip
    return Complaint(
        id=str(kid),
        prospect_id=str(pid),
        company=str(company),
        is_customer=bool(is_customer),
        contact_id=None if cid is None else str(cid),
        contact_name=str(cname),
        deal_id=None if did is None else str(did),
        opened_at=_time(opened),
        description=str(description),
        severity=ComplaintSeverity(str(severity)),
        status=ComplaintStatus(str(status)),
        resolution=str(resolution),
        resolved_at=None if resolved is None else _time(resolved),
        snoozed_until=None if snoozed is None else _time(snoozed),
        last_contact_at=None if last_contact is None else _time(last_contact),
    )


def _time(value: object) -> datetime:
    result = from_db_time(str(value))
    assert result is not None
    return result
