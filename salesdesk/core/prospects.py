"""Prospects and their contacts: create, edit, tombstone-delete, and the list.

Edits go through the ORM; the list (search, filters, order) is
:class:`salesdesk.core.listing.ProspectList`, which this service exposes as ``listing``.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.db import Database
from salesdesk.core.listing import (
    ProspectList,
    ProspectQuery,
    ProspectRow,
    SortKey,
    end_of_local_day,
)
from salesdesk.core.models import Contact, Prospect, new_id
from salesdesk.core.records import ContactInput, ContactRecord, ProspectInput, ProspectRecord
from salesdesk.core.text import clean_contact_value, prospect_search_texts, sort_key
from salesdesk.core.validation import NotFoundError

__all__ = [
    "ContactInput",
    "ContactRecord",
    "ProspectInput",
    "ProspectQuery",
    "ProspectRecord",
    "ProspectRow",
    "ProspectService",
    "SortKey",
    "end_of_local_day",
    "refresh_search_text",
]


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
    """Recompute the prospect's search texts and sort key from it and its live contacts."""
    # No autoflush: the prospect is written once, with its search text, at commit.
    with session.no_autoflush:
        contacts = session.scalars(
            select(Contact).where(Contact.prospect_id == prospect.id, Contact.deleted_at.is_(None))
        ).all()
    prospect.sort_key = sort_key(prospect.company, prospect.company_kana)
    prospect.search_text, prospect.search_names = prospect_search_texts(
        prospect.company,
        prospect.company_kana,
        prospect.phone,
        prospect.email,
        ((c.name, c.name_kana, c.phone, c.email) for c in contacts),
    )


class ProspectService:
    """Everything the window and CLI do with prospects and contacts."""

    def __init__(
        self, db: Database, clock: Clock = utc_now, listing: ProspectList | None = None
    ) -> None:
        self.db = db
        self.clock = clock
        self.listing = listing or ProspectList(db, clock)

    # -- prospects ---------------------------------------------------------------
    def create(self, data: ProspectInput) -> str:
        data.validate()
        with self.db.write() as s:
            # Id up front so the row is inserted once, search text included.
            p = Prospect(id=new_id(), **_clean(data))
            s.add(p)
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
        rows = (
            self.db.reader()
            .execute(
                "SELECT id FROM prospect WHERE id LIKE ? AND deleted_at IS NULL LIMIT 2",
                (prefix.replace("%", "").replace("_", "") + "%",),
            )
            .fetchall()
        )
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
        return self.listing.ids(query)

    def rows(self, ids: list[str]) -> dict[str, ProspectRow]:
        """Plain list rows for the given ids."""
        if not ids:
            return {}
        conn = self.db.reader()
        marks = ",".join("?" * len(ids))
        rowids = [
            r[0] for r in conn.execute(f"SELECT rowid FROM prospect WHERE id IN ({marks})", ids)
        ]
        return {row.id: row for row in self.listing.rows(rowids).values()}

    def count(self) -> int:
        return self.listing.count()


def _clean(data: ProspectInput | ContactInput) -> dict[str, Any]:
    """Field values as stored: trimmed (notes kept exactly), phones and e-mails half-width."""
    out: dict[str, Any] = {}
    for f in fields(data):
        value = getattr(data, f.name)
        if f.name in ("phone", "email"):
            value = clean_contact_value(value)
        elif isinstance(value, str) and f.name != "notes":
            value = value.strip()
        out[f.name] = value
    return out


_Row = TypeVar("_Row", Prospect, Contact)


def _live(session: Session, model: type[_Row], row_id: str) -> _Row:
    obj = session.get(model, row_id)
    if obj is None or obj.deleted_at is not None:
        raise NotFoundError(row_id)
    return obj
