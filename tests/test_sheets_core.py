"""What the call sheet and the day's call list gather (Qt-free core)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from salesdesk.core.db import Database
from salesdesk.core.records import CallInput, ContactInput, NextStep, ProspectInput
from salesdesk.core.services import Services
from salesdesk.core.sheets import SheetService, day_bounds

JST = timezone(timedelta(hours=9))
DAY = date(2026, 11, 27)


def at(hour: int, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=JST)


def add(services: Services, company: str, due: datetime, what: str, contact: str = "") -> str:
    pid = services.prospects.create(ProspectInput(company, phone="03-1111-0000"))
    cid = None
    if contact:
        cid = services.prospects.add_contact(pid, ContactInput(contact, phone="090-0000-0000"))
    services.calls.log_call(
        CallInput(
            pid,
            "前回",
            contact_id=cid,
            occurred_at=at(9, DAY - timedelta(days=30)),
            next_step=NextStep(due, what),
        )
    )
    return pid


def test_day_bounds_are_local_midnights() -> None:
    b = day_bounds(DAY, JST)
    assert b.start == at(0) and b.end == at(0, DAY + timedelta(days=1))


def test_call_list_overdue_first_then_by_due_time(db: Database) -> None:
    s = Services(db)
    add(s, "午後", at(15), "見積の説明")
    add(s, "朝", at(9), "資料送付の確認", contact="田中")
    add(s, "先週", at(10, DAY - timedelta(days=5)), "宿題の催促")
    add(s, "昨日", at(17, DAY - timedelta(days=1)), "電話")
    add(s, "明日", at(9, DAY + timedelta(days=1)), "来週の件")  # not on the list
    entries = SheetService(db).call_list(DAY, JST)
    assert [e.company for e in entries] == ["先週", "昨日", "朝", "午後"]
    assert [e.overdue for e in entries] == [True, True, False, False]
    morning = entries[2]
    assert (morning.purpose, morning.contact, morning.phone) == (
        "資料送付の確認",
        "田中",
        "090-0000-0000",
    )
    assert entries[3].phone == "03-1111-0000"  # no contact: the company's number
    without = SheetService(db).call_list(DAY, JST, include_overdue=False)
    assert [e.company for e in without] == ["朝", "午後"]
    assert len(SheetService(db).call_list(DAY, JST, limit=1)) == 1
    assert SheetService(db).count_calls(DAY, JST) == 4
    assert SheetService(db).count_calls(DAY, JST, include_overdue=False) == 2


def test_sheet_has_the_last_five_calls_and_decision_makers_first(db: Database) -> None:
    s = Services(db)
    pid = s.prospects.create(ProspectInput("山田精機", "ヤマダセイキ"))
    s.prospects.add_contact(pid, ContactInput("鈴木"))
    s.prospects.add_contact(pid, ContactInput("山田", is_decision_maker=True))
    for k in range(7):
        s.calls.log_call(
            CallInput(
                pid,
                f"call {k}",
                occurred_at=datetime(2026, 11, 1 + k, tzinfo=UTC),
                no_next_step=True,
            )
        )
    sheet = SheetService(db).sheet(pid)
    assert [c.name for c in sheet.contacts] == ["山田", "鈴木"]
    assert sheet.contacts[0].is_decision_maker
    assert [i.summary for i in sheet.interactions] == [f"call {k}" for k in (6, 5, 4, 3, 2)]
    assert sheet.interaction_count == 7
    assert sheet.relationship.scores is None
    assert sheet.relationship.next_action.code == "assess_first"


def test_sections_for_missing_tables_are_left_out(db: Database) -> None:
    s = Services(db)
    pid = s.prospects.create(ProspectInput("x"))
    service = SheetService(db)
    assert service.has_action_items() is False
    assert service.sheet(pid).action_items is None  # no such table: no section, no fake
    if service.has_deals():
        assert service.sheet(pid).deals == ()  # the table exists; this prospect has none
    with db.raw_write() as conn:
        for table in ("deal_outcome", "deal_signal", "deal_question", "deal_check", "deal"):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
    assert SheetService(db).sheet(pid).deals is None
