"""Prospects and their contacts: create, edit, tombstone-delete, search and list.

The list side is built for 100k prospects: :meth:`ProspectService.list_ids` returns
only ids in display order, and :meth:`ProspectService.rows` fetches plain rows for the
few ids on screen, both through the DB-API connection without ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.db import Database
from salesdesk.core.models import Contact, Prospect, Stage, UTCDateTime
from salesdesk.core.text import like_pattern, search_blob
from salesdesk.core.validation import (
    NotFoundError,
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


@dataclass(frozen=True)
class ProspectRow:
    """One line of the prospect list."""

    id: str
    company: str
    company_kana: str
    stage: Stage
    strength: int | None
    last_contact_at: datetime | None
    next_follow_up_at: datetime | None


class SortKey:
    COMPANY = "company"
    KANA = "kana"
    STAGE = "stage"
    STRENGTH = "strength"
    LAST_CONTACT = "last_contact"
    NEXT_FOLLOW_UP = "next_follow_up"


_STAGE_ORDER = "CASE stage " + " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(Stage))
_STAGE_ORDER += " END"
_ORDER_SQL = {
    SortKey.COMPANY: "company_kana {d}, company {d}",
    SortKey.KANA: "company_kana {d}, company {d}",
    SortKey.STAGE: _STAGE_ORDER + " {d}, company_kana",
    SortKey.STRENGTH: "strength IS NULL, strength {d}, company_kana",
    SortKey.LAST_CONTACT: "last_contact_at IS NULL, last_contact_at {d}, company_kana",
    SortKey.NEXT_FOLLOW_UP: "next_follow_up_at IS NULL, next_follow_up_at {d}, company_kana",
}


@dataclass(frozen=True)
class ProspectQuery:
    """What the list shows: search text, filters and order."""

    search: str = ""
    stage: Stage | None = None
    follow_up_due: bool = False  # next follow-up due today (local) or overdue
    sort: str = SortKey.COMPANY
    descending: bool = False


_DT = UTCDateTime()


def _to_db_time(value: datetime) -> str:
    """The text SQLite stores for an aware datetime (to compare in raw SQL)."""
    naive = _DT.process_bind_param(value, None)  # type: ignore[arg-type]
    assert naive is not None
    return naive.isoformat(sep=" ")


def _from_db_time(value: str | None) -> datetime | None:
    if value is None:
        return None
    return _DT.process_result_value(datetime.fromisoformat(value), None)  # type: ignore[arg-type]


def end_of_local_day(now: datetime) -> datetime:
    """The last instant of ``now``'s local calendar day, as an aware datetime."""
    local = now.astimezone()
    tomorrow = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=local.tzinfo)
    return tomorrow - timedelta(microseconds=1)


def _contact_record(c: Contact) -> ContactRecord:
    return ContactRecord(
        id=c.id,
        prospect_id=c.prospect_id,
        name=c.name,
        name_kana=c.name_kana,
        title=c.title,
        department=c.department,
        is_decision_maker=c.is_decision_maker,
        phone=c.phone,
        email=c.email,
        notes=c.notes,
    )


def refresh_search_text(session: Session, prospect: Prospect) -> None:
    """Recompute the prospect's normalised search text from it and its live contacts."""
    contacts = session.scalars(
        select(Contact).where(Contact.prospect_id == prospect.id, Contact.deleted_at.is_(None))
    ).all()
    parts: list[str] = [prospect.company, prospect.company_kana, prospect.phone, prospect.email]
    for c in contacts:
        parts += [c.name, c.name_kana, c.phone, c.email]
    prospect.search_text = search_blob(parts)


class ProspectService:
    """Everything the window and CLI do with prospects and contacts."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock

    # -- prospects ---------------------------------------------------------------
    def create(self, data: ProspectInput) -> str:
        data.validate()
        with self.db.write() as s:
            p = Prospect(**_clean(data))
            s.add(p)
            s.flush()
            refresh_search_text(s, p)
            return p.id

    def update(self, prospect_id: str, data: ProspectInput) -> None:
        data.validate()
        with self.db.write() as s:
            p = _live(s, Prospect, prospect_id)
            for key, value in _clean(data).items():
                setattr(p, key, value)
            refresh_search_text(s, p)

    def delete(self, prospect_id: str) -> None:
        """Tombstone the prospect (undoable with :meth:`restore`)."""
        with self.db.write() as s:
            _live(s, Prospect, prospect_id).deleted_at = self.clock()

    def restore(self, prospect_id: str) -> None:
        with self.db.write() as s:
            p = s.get(Prospect, prospect_id)
            if p is None:
                raise NotFoundError(prospect_id)
            p.deleted_at = None

    def get(self, prospect_id: str) -> ProspectRecord:
        with self.db.read() as s:
            p = _live(s, Prospect, prospect_id)
            contacts = s.scalars(
                select(Contact)
                .where(Contact.prospect_id == p.id, Contact.deleted_at.is_(None))
                .order_by(Contact.created_at)
            ).all()
            return ProspectRecord(
                id=p.id,
                company=p.company,
                company_kana=p.company_kana,
                stage=p.stage,
                is_customer=p.is_customer,
                phone=p.phone,
                email=p.email,
                address=p.address,
                website=p.website,
                notes=p.notes,
                strength=p.strength,
                last_contact_at=p.last_contact_at,
                next_follow_up_at=p.next_follow_up_at,
                contacts=tuple(_contact_record(c) for c in contacts),
            )

    def resolve_id(self, id_or_prefix: str) -> str:
        """The full id of the one live prospect whose id starts with ``id_or_prefix``."""
        prefix = id_or_prefix.strip().lower()
        if len(prefix) < 4:
            raise NotFoundError(id_or_prefix)
        with self.db.raw_read() as conn:
            rows = conn.execute(
                "SELECT id FROM prospect WHERE id LIKE ? AND deleted_at IS NULL LIMIT 2",
                (prefix.replace("%", "").replace("_", "") + "%",),
            ).fetchall()
        if len(rows) != 1:
            raise NotFoundError(id_or_prefix)
        return str(rows[0][0])

    # -- contacts ----------------------------------------------------------------
    def add_contact(self, prospect_id: str, data: ContactInput) -> str:
        data.validate()
        with self.db.write() as s:
            p = _live(s, Prospect, prospect_id)
            c = Contact(prospect_id=p.id, **_clean(data))
            s.add(c)
            s.flush()
            refresh_search_text(s, p)
            return c.id

    def update_contact(self, contact_id: str, data: ContactInput) -> None:
        data.validate()
        with self.db.write() as s:
            c = _live(s, Contact, contact_id)
            for key, value in _clean(data).items():
                setattr(c, key, value)
            s.flush()
            refresh_search_text(s, c.prospect)

    def delete_contact(self, contact_id: str) -> None:
        with self.db.write() as s:
            c = _live(s, Contact, contact_id)
            c.deleted_at = self.clock()
            s.flush()
            refresh_search_text(s, c.prospect)

    def restore_contact(self, contact_id: str) -> None:
        with self.db.write() as s:
            c = s.get(Contact, contact_id)
            if c is None:
                raise NotFoundError(contact_id)
            c.deleted_at = None
            s.flush()
            refresh_search_text(s, c.prospect)

    # -- the list ----------------------------------------------------------------
    def list_ids(self, query: ProspectQuery) -> list[str]:
        """Ids of live prospects matching ``query``, in display order."""
        sql, params = self._where(query)
        direction = "DESC" if query.descending else "ASC"
        order = _ORDER_SQL.get(query.sort, _ORDER_SQL[SortKey.COMPANY]).format(d=direction)
        with self.db.raw_read() as conn:
            cur = conn.execute(f"SELECT id FROM prospect WHERE {sql} ORDER BY {order}", params)
            return [r[0] for r in cur]

    def _where(self, query: ProspectQuery) -> tuple[str, list[Any]]:
        clauses = ["deleted_at IS NULL"]
        params: list[Any] = []
        pattern = like_pattern(query.search)
        if pattern:
            clauses.append("search_text LIKE ? ESCAPE '\\'")
            params.append(pattern)
        if query.stage is not None:
            clauses.append("stage = ?")
            params.append(query.stage.value)
        if query.follow_up_due:
            clauses.append("next_follow_up_at <= ?")
            params.append(_to_db_time(end_of_local_day(self.clock())))
        return " AND ".join(clauses), params

    def rows(self, ids: list[str]) -> dict[str, ProspectRow]:
        """Plain rows for the given ids (at most a screenful at a time)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        with self.db.raw_read() as conn:
            cur = conn.execute(
                "SELECT id, company, company_kana, stage, strength, last_contact_at, "
                f"next_follow_up_at FROM prospect WHERE id IN ({marks})",
                ids,
            )
            return {
                r[0]: ProspectRow(
                    id=r[0],
                    company=r[1],
                    company_kana=r[2],
                    stage=Stage(r[3]),
                    strength=r[4],
                    last_contact_at=_from_db_time(r[5]),
                    next_follow_up_at=_from_db_time(r[6]),
                )
                for r in cur
            }

    def count(self) -> int:
        with self.db.raw_read() as conn:
            row = conn.execute("SELECT count(*) FROM prospect WHERE deleted_at IS NULL").fetchone()
            return int(row[0])


def _clean(data: ProspectInput | ContactInput) -> dict[str, Any]:
    """Field values with surrounding whitespace trimmed (inner text kept exactly)."""
    out: dict[str, Any] = {}
    for f in fields(data):
        value = getattr(data, f.name)
        if isinstance(value, str) and f.name != "notes":
            value = value.strip()
        out[f.name] = value
    return out


def _live(session: Session, model: type[Prospect] | type[Contact], row_id: str) -> Any:
    obj = session.get(model, row_id)
    if obj is None or obj.deleted_at is not None:
        raise NotFoundError(row_id)
    return obj
