"""What the call sheet and the day's call list gather (Qt-free core)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from sheet_helpers import add_action_item

from salesdesk.core.db import Database
from salesdesk.core.deals import (
    CheckItem,
    DealInput,
    DealResult,
    DealService,
    DealStage,
    OutcomeInput,
    QuestionInput,
)
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
    sheet = SheetService(db).sheet(pid)
    assert sheet.deals == () and sheet.action_items == ()  # tables there, nothing for x
    with db.raw_write() as conn:
        for table in (
            "customer_action_item",
            "deal_outcome",
            "deal_signal",
            "deal_question",
            "deal_check",
            "deal",
        ):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
    sheet = SheetService(db).sheet(pid)
    assert sheet.deals is None and sheet.action_items is None  # no such table: no section


def test_open_action_items_with_contact_and_consequence_soonest_first(db: Database) -> None:
    s = Services(db)
    pid = s.prospects.create(ProspectInput("稟議商事"))
    other = s.prospects.create(ProspectInput("他社"))
    kato = s.prospects.add_contact(pid, ContactInput("加藤"))
    add_action_item(db, pid, "見積の社内回覧", at(17), "来期予算に入らない", contact_id=kato)
    add_action_item(db, pid, "仕様書の送付", at(10))
    add_action_item(db, pid, "済んだ件", at(9), status="done")
    add_action_item(db, pid, "取り消した件", at(9), status="cancelled")
    add_action_item(db, pid, "消した件", at(9), deleted=True)
    add_action_item(db, other, "他社の件", at(9))
    items = SheetService(db).sheet(pid).action_items
    assert items is not None
    assert [(a.title, a.contact_name, a.consequence) for a in items] == [
        ("仕様書の送付", "", ""),
        ("見積の社内回覧", "加藤", "来期予算に入らない"),
    ]
    assert items[1].due_at == at(17)  # an aware instant: the renderer shows it in local time
    assert items[1].lead_days == 3


def test_open_deals_come_from_the_deal_service_with_their_checklist(db: Database) -> None:
    s = Services(db)
    pid = s.prospects.create(ProspectInput("案件工業"))
    deals = DealService(db)
    open_id = deals.create(
        pid,
        DealInput(
            "生産管理システム",
            amount=1_200_000,
            stage=DealStage.PROPOSAL,
            decision_deadline=date(2026, 12, 11),
            goal_on=date(2027, 3, 31),
            second_arrow="分割払い",
        ),
    )
    deals.set_tick(open_id, CheckItem.MATERIAL_PROVIDED, True)
    deals.add_question(open_id, QuestionInput("保守費用は？", "山田"))
    deals.add_question(
        open_id, QuestionInput("導入期間は？", answer="3か月", resolved_on=date(2026, 11, 1))
    )
    deals.record_outcome(open_id, OutcomeInput(DealResult.PENDING, on=date(2026, 11, 20)))
    won = deals.create(pid, DealInput("前回の更新", stage=DealStage.CLOSING))
    deals.record_outcome(won, OutcomeInput(DealResult.WON, on=date(2026, 11, 20)))
    found = SheetService(db).sheet(pid).deals
    assert found is not None and len(found) == 1  # the won deal is not open
    (item,) = found
    assert item.deal == deals.get(open_id)  # the service's own record, every field
    assert item.deal.result is DealResult.PENDING
    assert item.readiness == deals.checklist(open_id).readiness
    assert "no_decision_material" not in item.missing  # ticked
    assert item.missing[:2] == ("no_decision_deadline", "decision_process_unknown")
    assert "third_arrow_missing" in item.missing and "second_arrow_missing" not in item.missing
    assert [q.question for q in item.open_questions] == ["保守費用は？"]
