"""Sync-ready keys on every user-data table, UTC-only datetimes and enum storage."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from salesdesk.core import models
from salesdesk.core.calls import CallInput, CallService, NextStep
from salesdesk.core.db import Database
from salesdesk.core.models import (
    AppMeta,
    Base,
    Channel,
    Contact,
    FollowUp,
    FollowUpStatus,
    Interaction,
    InteractionKind,
    Outcome,
    Prospect,
    RelationshipAssessment,
    Stage,
)
from salesdesk.core.prospects import ContactInput, ProspectInput, ProspectService

SYNCED_MODELS = (
    Prospect,
    Contact,
    Interaction,
    FollowUp,
    RelationshipAssessment,
    *(models.Deal, models.DealCheck, models.DealQuestion, models.DealSignal, models.DealOutcome),
    models.CustomerActionItem,
    models.Complaint,
)
JST = timezone(timedelta(hours=9))


def _raw(db: Database, sql: str, *params: object) -> list[tuple[object, ...]]:
    """Rows as a separate plain connection sees them (what is really in the file)."""
    assert db.path is not None
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _one_of_each(prospects: ProspectService, calls: CallService) -> dict[type, str]:
    pid = prospects.create(ProspectInput(company="山田製作所", company_kana="ヤマダセイサクショ"))
    cid = prospects.add_contact(pid, ContactInput(name="山田 太郎", name_kana="ヤマダ タロウ"))
    iid = calls.log_call(
        CallInput(
            prospect_id=pid,
            summary="資料送付の約束",
            contact_id=cid,
            next_step=NextStep(due_at=datetime(2026, 5, 1, 1, 0, tzinfo=UTC), what="資料を送る"),
        )
    )
    fid = _raw_follow_up_id(prospects.db, iid)
    return {Prospect: pid, Contact: cid, Interaction: iid, FollowUp: fid}


def _raw_follow_up_id(db: Database, interaction_id: str) -> str:
    rows = _raw(db, "SELECT id FROM follow_up WHERE interaction_id = ?", interaction_id)
    assert len(rows) == 1
    return str(rows[0][0])


def test_every_user_data_table_is_synced() -> None:
    """A new table that holds rep data must carry the sync keys too."""
    # Not rep data: facts about the file, and which reminders this laptop has shown.
    user_tables = set(Base.metadata.tables) - {
        AppMeta.__tablename__,
        models.ReminderLog.__tablename__,
    }
    assert user_tables == {m.__tablename__ for m in SYNCED_MODELS}
    for model in SYNCED_MODELS:
        table = model.__table__
        cols = table.columns
        assert [c.name for c in table.primary_key.columns] == ["id"]
        assert cols["id"].type.length == 36
        # Made by the client (works offline, merges without key clashes), not by SQLite.
        assert cols["id"].default is not None and cols["id"].server_default is None
        for name in ("created_at", "updated_at", "version"):
            assert not cols[name].nullable, (model.__name__, name)
        assert cols["deleted_at"].nullable
        assert isinstance(cols["created_at"].type, models.UTCDateTime)
        assert isinstance(cols["updated_at"].type, models.UTCDateTime)
        assert isinstance(cols["deleted_at"].type, models.UTCDateTime)


def test_new_rows_get_uuid_ids_utc_stamps_and_version_one(
    db: Database, prospects: ProspectService, calls: CallService
) -> None:
    ids = _one_of_each(prospects, calls)
    assert len(set(ids.values())) == 4
    with db.read() as s:
        for model, row_id in ids.items():
            assert len(row_id) == 36
            assert uuid.UUID(row_id).version == 4
            obj = s.get(model, row_id)
            assert obj is not None
            assert obj.created_at.tzinfo is UTC and obj.updated_at.tzinfo is UTC
            assert abs(obj.created_at - datetime.now(UTC)) < timedelta(minutes=5)
            assert obj.deleted_at is None
            # One save, one version: a sync peer must not see a fresh row as edited.
            # The prospect was saved three times: created, contact added, call logged.
            assert obj.version == (3 if model is Prospect else 1), model.__name__


def test_a_new_prospect_is_version_one(db: Database, prospects: ProspectService) -> None:
    pid = prospects.create(ProspectInput(company="新規", company_kana="シンキ"))
    with db.read() as s:
        p = s.get(Prospect, pid)
        assert p is not None
        assert p.version == 1
        assert p.search_text  # the search text went in with the first (only) write


def test_update_bumps_version_once_and_advances_updated_at(
    db: Database, prospects: ProspectService, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = prospects.create(ProspectInput(company="佐藤商事"))
    with db.read() as s:
        before = s.get(Prospect, pid)
    assert before is not None
    later = before.updated_at + timedelta(hours=3)
    monkeypatch.setattr(models, "utc_now", lambda: later)

    prospects.update(pid, ProspectInput(company="佐藤商事株式会社", phone="03-1234-5678"))

    with db.read() as s:
        after = s.get(Prospect, pid)
    assert after is not None
    assert after.version == before.version + 1
    assert after.updated_at == later
    assert after.created_at == before.created_at


def test_saving_without_changes_leaves_version_alone(
    db: Database, prospects: ProspectService
) -> None:
    pid = prospects.create(ProspectInput(company="佐藤商事"))
    cid = prospects.add_contact(pid, ContactInput(name="佐藤"))
    with db.read() as s:
        p_version = s.get(Prospect, pid).version  # type: ignore[union-attr]
    # Changing a contact's title does not change the company row at all.
    prospects.update_contact(cid, ContactInput(name="佐藤", title="部長"))
    prospects.update(pid, ProspectInput(company="佐藤商事"))
    with db.read() as s:
        assert s.get(Prospect, pid).version == p_version  # type: ignore[union-attr]
        assert s.get(Contact, cid).version == 2  # type: ignore[union-attr]


def test_tombstone_is_an_update(db: Database, prospects: ProspectService) -> None:
    pid = prospects.create(ProspectInput(company="削除テスト"))
    prospects.delete(pid)
    with db.read() as s:
        p = s.get(Prospect, pid)
        assert p is not None
        assert p.deleted_at is not None and p.deleted_at.tzinfo is UTC
        assert p.version == 2


def test_naive_datetimes_are_refused(db: Database, prospects: ProspectService) -> None:
    pid = prospects.create(ProspectInput(company="時刻テスト"))
    with pytest.raises(StatementError) as info, db.write() as s:
        s.add(FollowUp(prospect_id=pid, due_at=datetime(2026, 5, 1, 10, 0), what="電話"))
        s.flush()
    assert isinstance(info.value.orig, ValueError)
    assert "naive" in str(info.value.orig)
    assert _raw(db, "SELECT count(*) FROM follow_up") == [(0,)]


def test_naive_next_step_is_refused_and_nothing_is_logged(
    db: Database, prospects: ProspectService, calls: CallService
) -> None:
    pid = prospects.create(ProspectInput(company="時刻テスト"))
    with pytest.raises(ValueError, match="naive"):
        calls.log_call(
            CallInput(
                prospect_id=pid,
                summary="電話",
                next_step=NextStep(due_at=datetime(2026, 5, 1, 10, 0), what="再訪"),
            )
        )
    assert _raw(db, "SELECT count(*) FROM interaction") == [(0,)]
    assert _raw(db, "SELECT count(*) FROM follow_up") == [(0,)]


def test_aware_datetimes_are_stored_as_utc_and_come_back_as_the_same_instant(
    db: Database, prospects: ProspectService, calls: CallService
) -> None:
    pid = prospects.create(ProspectInput(company="時差テスト"))
    due_tokyo = datetime(2026, 5, 1, 10, 0, tzinfo=JST)
    calls.log_call(
        CallInput(
            prospect_id=pid, summary="電話", next_step=NextStep(due_at=due_tokyo, what="訪問")
        )
    )
    [(stored,)] = _raw(db, "SELECT due_at FROM follow_up")
    assert str(stored).startswith("2026-05-01 01:00:00")
    with db.read() as s:
        fu = s.scalars(select(FollowUp)).one()
    assert fu.due_at == due_tokyo
    assert fu.due_at.tzinfo is UTC
    assert fu.due_at.hour == 1


@pytest.mark.parametrize("stage", list(Stage))
def test_stage_round_trips_and_is_stored_by_value(
    db: Database, prospects: ProspectService, stage: Stage
) -> None:
    pid = prospects.create(ProspectInput(company="段階テスト", stage=stage))
    got = prospects.get(pid).stage
    assert got is stage
    assert _raw(db, "SELECT stage FROM prospect WHERE id = ?", pid) == [(stage.value,)]


def test_call_enums_round_trip(
    db: Database, prospects: ProspectService, calls: CallService
) -> None:
    pid = prospects.create(ProspectInput(company="列挙テスト"))
    combos = list(zip(list(InteractionKind), list(Channel) * 3, list(Outcome) * 2, strict=False))
    assert {k for k, _, _ in combos} == set(InteractionKind)
    assert {c for _, c, _ in combos} == set(Channel)
    assert {o for _, _, o in combos} == set(Outcome)
    base = datetime(2026, 4, 1, tzinfo=UTC)
    for i, (kind, channel, outcome) in enumerate(combos):
        calls.log_call(
            CallInput(
                prospect_id=pid,
                summary=f"call {i}",
                kind=kind,
                channel=channel,
                outcome=outcome,
                occurred_at=base + timedelta(hours=i),
                next_step=NextStep(due_at=base + timedelta(days=30 + i), what="x", kind=kind),
            )
        )
    with db.read() as s:
        got = {
            (i.kind, i.channel, i.outcome)
            for i in s.scalars(select(Interaction).where(Interaction.prospect_id == pid))
        }
        statuses = {f.status for f in s.scalars(select(FollowUp))}
        fu_kinds = {f.kind for f in s.scalars(select(FollowUp))}
    assert got == set(combos)
    assert statuses == {FollowUpStatus.OPEN}
    assert fu_kinds == set(InteractionKind)
    raw = set(_raw(db, "SELECT kind, channel, outcome FROM interaction"))
    assert raw == {(k.value, c.value, o.value) for k, c, o in combos}
    assert _raw(db, "SELECT DISTINCT status FROM follow_up") == [("open",)]
