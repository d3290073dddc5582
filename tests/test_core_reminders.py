"""Follow-ups, customer action items, complaints, reminder moments and the day's list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from salesdesk.core.action_items import ActionItemInput, ActionItemService
from salesdesk.core.calls import CallInput, CallService
from salesdesk.core.complaints import ComplaintInput, ComplaintService
from salesdesk.core.db import Database
from salesdesk.core.enums import ActionItemStatus, ComplaintSeverity, ComplaintStatus
from salesdesk.core.followups import FollowUpService, SnoozeChoice, snooze_until
from salesdesk.core.listing import ProspectList, ProspectQuery, SortKey
from salesdesk.core.prospects import ContactInput, ProspectInput, ProspectService
from salesdesk.core.reminders import ReminderMoment, ReminderService, ReminderSource
from salesdesk.core.today import Bucket, TodayService
from salesdesk.core.validation import NotFoundError, ValidationError

T0 = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)  # 09:00 in Tokyo


class FakeClock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def pid(prospects: ProspectService) -> str:
    return prospects.create(ProspectInput(company="株式会社越後精工"))


@pytest.fixture
def cid(prospects: ProspectService, pid: str) -> str:
    return prospects.add_contact(pid, ContactInput(name="佐藤 一郎", email="sato@echigo.example"))


def _reminders(db: Database, clock: FakeClock, days: int = 3) -> ReminderService:
    return ReminderService(db, clock, complaint_silence_days=days)


# -- follow-ups ------------------------------------------------------------------------------
def test_follow_up_life_keeps_the_list_date_current(
    db: Database, prospects: ProspectService, pid: str, clock: FakeClock
) -> None:
    service = FollowUpService(db, clock)
    first = service.schedule(pid, T0 + timedelta(days=2), "資料を送る")
    second = service.schedule(pid, T0 + timedelta(days=5), "見積もり")
    assert prospects.get(pid).next_follow_up_at == T0 + timedelta(days=2)
    service.reschedule(first, T0 + timedelta(days=9))
    assert prospects.get(pid).next_follow_up_at == T0 + timedelta(days=5)
    service.complete(second)
    assert prospects.get(pid).next_follow_up_at == T0 + timedelta(days=9)
    assert [f.id for f in service.for_prospect(pid)] == [first]
    assert [f.id for f in service.for_prospect(pid, include_closed=True)] == [first, second]
    service.cancel(first)
    assert prospects.get(pid).next_follow_up_at is None
    with pytest.raises(NotFoundError):  # only open follow-ups can be completed
        service.complete(first)
    service.reopen(first)
    assert prospects.get(pid).next_follow_up_at == T0 + timedelta(days=9)
    with pytest.raises(ValidationError):
        service.schedule(pid, T0, "  ")


def test_follow_up_change_refreshes_the_cached_list_order(
    db: Database, pid: str, prospects: ProspectService
) -> None:
    listing = ProspectList(db)
    service = FollowUpService(db, on_change=listing.invalidate)
    other = prospects.create(ProspectInput(company="青葉商事"))
    service.schedule(other, T0 + timedelta(days=1), "電話")
    fid = service.schedule(pid, T0 + timedelta(days=3), "訪問")
    query = ProspectQuery(sort=SortKey.NEXT_FOLLOW_UP)
    assert listing.ids(query)[:2] == [other, pid]
    service.reschedule(fid, T0)
    assert listing.ids(query)[:2] == [pid, other]


def test_snooze_choices_in_the_reps_zone() -> None:
    tokyo = datetime(2026, 12, 1, 22, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert snooze_until(SnoozeChoice.TEN_MINUTES, tokyo) == tokyo + timedelta(minutes=10)
    assert snooze_until(SnoozeChoice.ONE_HOUR, tokyo) == tokyo + timedelta(hours=1)
    assert snooze_until(SnoozeChoice.TOMORROW_MORNING, tokyo) == datetime(
        2026, 12, 2, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo")
    )
    # The night the clocks go back in New York: tomorrow 9:00 is still 9:00 local.
    ny = ZoneInfo("America/New_York")
    late = datetime(2026, 10, 31, 23, 0, tzinfo=ny)
    morning = snooze_until(SnoozeChoice.TOMORROW_MORNING, late)
    assert morning.astimezone(UTC) == datetime(2026, 11, 1, 14, 0, tzinfo=UTC)


# -- action items ----------------------------------------------------------------------------
def test_action_item_round_trip_and_validation(
    db: Database, pid: str, cid: str, clock: FakeClock
) -> None:
    items = ActionItemService(db, clock)
    due = T0 + timedelta(days=5)
    item_id = items.add(
        ActionItemInput(pid, "社内稟議の結果", due, consequence="4月搬入に遅れる", contact_id=cid)
    )
    item = items.get(item_id)
    assert (item.title, item.company, item.contact_name, item.lead_days) == (
        "社内稟議の結果",
        "株式会社越後精工",
        "佐藤 一郎",
        3,
    )
    assert item.contact_email == "sato@echigo.example"
    assert item.check_at == due - timedelta(days=3)
    assert not item.check_is_due(T0) and item.check_is_due(due - timedelta(days=2))
    assert item.is_overdue(due) and not item.is_overdue(due - timedelta(seconds=1))
    with pytest.raises(ValidationError) as exc:
        items.add(ActionItemInput(pid, "", due, lead_days=99))
    assert exc.value.errors == {"title": "required", "lead_days": "out_of_range"}
    items.set_status(item_id, ActionItemStatus.DONE)
    assert items.for_prospect(pid) == []
    assert items.get(item_id).done_at == T0
    items.set_status(item_id, ActionItemStatus.OPEN)
    items.delete(item_id)
    with pytest.raises(NotFoundError):
        items.get(item_id)
    items.restore(item_id)
    assert items.get(item_id).status is ActionItemStatus.OPEN


def test_a_contact_of_another_prospect_is_refused(
    db: Database, prospects: ProspectService, cid: str
) -> None:
    other = prospects.create(ProspectInput(company="青葉商事"))
    with pytest.raises(ValidationError) as exc:
        ActionItemService(db).add(ActionItemInput(other, "資料", T0, contact_id=cid))
    assert exc.value.errors == {"contact_id": "not_found"}


# -- complaints ------------------------------------------------------------------------------
def test_complaint_goes_silent_and_a_contact_resets_it(
    db: Database, pid: str, clock: FakeClock
) -> None:
    complaints = ComplaintService(db, clock)
    kid = complaints.open(ComplaintInput(pid, "納品物の色違い", ComplaintSeverity.HIGH))
    assert complaints.silent(T0 + timedelta(days=2), 3) == []
    assert [c.id for c in complaints.silent(T0 + timedelta(days=3), 3)] == [kid]
    CallService(db, FakeClock(T0 + timedelta(days=2))).log_call(
        CallInput(prospect_id=pid, summary="お詫びに訪問", next_step=None, no_next_step=True)
    )
    complaint = complaints.get(kid)
    assert complaint.silent_at(3) == T0 + timedelta(days=5)
    assert [c.summary for c in complaints.contacts_made(kid)] == ["お詫びに訪問"]
    with pytest.raises(ValidationError):  # resolving needs the resolution
        complaints.resolve(kid, " ")
    clock.now = T0 + timedelta(days=4)
    complaints.resolve(kid, "再納品した")
    resolved = complaints.get(kid)
    assert resolved.status is ComplaintStatus.RESOLVED and resolved.resolved_at == clock.now
    assert complaints.silent(T0 + timedelta(days=30), 3) == []
    complaints.delete(kid)
    assert complaints.for_prospect(pid) == []
    complaints.restore(kid)
    assert [c.id for c in complaints.for_prospect(pid)] == [kid]


# -- reminder moments ------------------------------------------------------------------------
def test_follow_up_reminds_at_due_once_and_again_when_snoozed(
    db: Database, pid: str, clock: FakeClock
) -> None:
    reminders = _reminders(db, clock)
    follow_ups = FollowUpService(db, clock)
    due = T0 + timedelta(hours=2)
    fid = follow_ups.schedule(pid, due, "見積もりの件で電話")
    assert reminders.pending(T0) == []
    assert reminders.next_at(T0) == due
    [r] = reminders.pending(due)
    assert (r.source, r.moment, r.source_id, r.company, r.title) == (
        ReminderSource.FOLLOW_UP,
        ReminderMoment.DUE,
        fid,
        "株式会社越後精工",
        "見積もりの件で電話",
    )
    reminders.mark_shown([r.key], due + timedelta(seconds=1))
    reminders.mark_shown([r.key], due + timedelta(seconds=5))  # idempotent
    assert reminders.shown_at(r.key) == due + timedelta(seconds=1)
    assert reminders.pending(due + timedelta(days=1)) == []
    assert reminders.next_at(due) is None
    # Snoozed for ten minutes: one more reminder then, and only then.
    follow_ups.snooze(fid, due + timedelta(minutes=10))
    assert reminders.next_at(due) == due + timedelta(minutes=10)
    [again] = reminders.pending(due + timedelta(minutes=10))
    assert again.moment is ReminderMoment.SNOOZED and again.key != r.key
    reminders.mark_shown([again.key], due)
    # Completed: nothing more.
    follow_ups.reschedule(fid, due + timedelta(days=1))
    follow_ups.complete(fid)
    assert reminders.pending(due + timedelta(days=2)) == []


def test_a_new_service_over_the_same_file_shows_nothing_twice(
    db: Database, pid: str, clock: FakeClock
) -> None:
    FollowUpService(db, clock).schedule(pid, T0 - timedelta(days=1), "電話")
    first = _reminders(db, clock)
    pending = first.pending(T0)
    first.mark_shown([r.key for r in pending], T0)
    assert len(pending) == 1
    assert _reminders(db, clock).pending(T0 + timedelta(days=1)) == []


def test_action_item_check_and_overdue_moments(db: Database, pid: str, clock: FakeClock) -> None:
    items = ActionItemService(db, clock)
    reminders = _reminders(db, clock)
    due = T0 + timedelta(days=5)
    items.add(ActionItemInput(pid, "仕様の決定", due, consequence="工期が延びる"))
    check = due - timedelta(days=3)
    assert reminders.next_at(T0) == check
    [c] = reminders.pending(check)
    assert (c.moment, c.due_at, c.title) == (ReminderMoment.CHECK, due, "仕様の決定")
    reminders.mark_shown([c.key], check)
    assert reminders.next_at(check) == due
    assert reminders.pending(due - timedelta(seconds=1)) == []
    [o] = reminders.pending(due)  # the minute the deadline passes
    assert o.moment is ReminderMoment.OVERDUE and o.at == due
    # An item entered inside its lead time gets no belated "friendly check".
    late = items.add(ActionItemInput(pid, "データ提供", T0 + timedelta(days=1)))
    moments = {(r.source_id, r.moment) for r in reminders.pending(T0 + timedelta(days=1))}
    assert (late, ReminderMoment.CHECK) not in moments
    assert (late, ReminderMoment.OVERDUE) in moments


def test_moving_a_deadline_reminds_again_done_items_never(
    db: Database, pid: str, clock: FakeClock
) -> None:
    items = ActionItemService(db, clock)
    reminders = _reminders(db, clock)
    item_id = items.add(ActionItemInput(pid, "稟議", T0 + timedelta(hours=1), lead_days=0))
    [o] = reminders.pending(T0 + timedelta(hours=1))
    reminders.mark_shown([o.key], T0)
    items.update(item_id, ActionItemInput(pid, "稟議", T0 + timedelta(hours=3), lead_days=0))
    assert [r.at for r in reminders.pending(T0 + timedelta(hours=3))] == [T0 + timedelta(hours=3)]
    items.set_status(item_id, ActionItemStatus.DONE)
    assert reminders.pending(T0 + timedelta(days=1)) == []
    assert reminders.next_at(T0) is None


def test_complaint_silence_reminder_moves_with_each_contact(
    db: Database, pid: str, clock: FakeClock
) -> None:
    ComplaintService(db, clock).open(ComplaintInput(pid, "請求額の誤り"))
    reminders = _reminders(db, clock, days=3)
    assert reminders.next_at(T0) == T0 + timedelta(days=3)
    [s] = reminders.pending(T0 + timedelta(days=3))
    assert s.moment is ReminderMoment.SILENT
    reminders.mark_shown([s.key], T0)
    CallService(db).log_call(
        CallInput(
            prospect_id=pid,
            summary="状況報告",
            occurred_at=T0 + timedelta(days=4),
            no_next_step=True,
        )
    )
    assert reminders.next_at(T0 + timedelta(days=4)) == T0 + timedelta(days=7)


def test_deleted_prospects_do_not_remind(
    db: Database, prospects: ProspectService, pid: str, clock: FakeClock
) -> None:
    FollowUpService(db, clock).schedule(pid, T0, "電話")
    ActionItemService(db, clock).add(ActionItemInput(pid, "資料", T0 + timedelta(hours=1)))
    prospects.delete(pid)
    assert _reminders(db, clock).pending(T0 + timedelta(days=1)) == []


# -- the day's list --------------------------------------------------------------------------
def test_today_lists_overdue_then_today_then_the_week(
    db: Database, pid: str, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    import time

    time.tzset()
    try:
        follow_ups = FollowUpService(db, clock)
        follow_ups.schedule(pid, T0 + timedelta(days=2), "週内の電話")
        follow_ups.schedule(pid, T0 - timedelta(hours=1), "遅れている電話")
        follow_ups.schedule(pid, T0 + timedelta(hours=5), "今日の電話")  # 14:00 Tokyo
        follow_ups.schedule(pid, T0 + timedelta(days=20), "来月")
        items = ActionItemService(db, clock)
        items.add(ActionItemInput(pid, "稟議", T0 + timedelta(days=2), lead_days=3))
        # Due in three weeks: listed only once its friendly check is due (under today).
        items.add(ActionItemInput(pid, "年度予算の確保", T0 + timedelta(days=20), lead_days=30))
        items.add(ActionItemInput(pid, "まだ先の件", T0 + timedelta(days=20), lead_days=3))
        ComplaintService(db, clock).open(
            ComplaintInput(pid, "色違い", opened_at=T0 - timedelta(days=4))
        )
        today = TodayService(db, clock, complaint_silence_days=3)
        entries = today.entries()
        assert [(e.bucket, e.title) for e in entries] == [
            (Bucket.OVERDUE, "色違い"),
            (Bucket.OVERDUE, "遅れている電話"),
            (Bucket.TODAY, "今日の電話"),
            (Bucket.TODAY, "年度予算の確保"),
            (Bucket.WEEK, "週内の電話"),
            (Bucket.WEEK, "稟議"),
        ]
        assert entries[0].silent_days == 4
        assert entries[3].check_due and entries[-1].check_due  # inside their lead time
        counts = today.counts()
        assert (counts.overdue, counts.today, counts.week) == (2, 2, 2)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_each_bucket_lists_its_own_follow_ups_however_many_are_overdue(
    db: Database, prospects: ProspectService, pid: str, clock: FakeClock
) -> None:
    follow_ups = FollowUpService(db, clock)
    for n in range(4):
        follow_ups.schedule(pid, T0 - timedelta(days=n + 1), f"遅れ{n}")
    follow_ups.schedule(pid, T0 + timedelta(minutes=30), "今日")
    follow_ups.schedule(pid, T0 + timedelta(days=3), "週内")
    gone = prospects.create(ProspectInput(company="削除済み商事"))
    follow_ups.schedule(gone, T0 - timedelta(hours=2), "削除された会社")
    prospects.delete(gone)
    today = TodayService(db, clock)
    entries = today.entries(limit=2)
    assert [e.title for e in entries] == ["遅れ3", "遅れ2", "今日", "週内"]
    counts = today.counts()  # the deleted prospect's follow-up is not counted
    assert (counts.overdue, counts.today, counts.week) == (4, 1, 1)


def test_snoozes_show_in_the_days_list_and_can_be_taken_back(
    db: Database, pid: str, clock: FakeClock
) -> None:
    follow_ups = FollowUpService(db, clock)
    items = ActionItemService(db, clock)
    complaints = ComplaintService(db, clock)
    fid = follow_ups.schedule(pid, T0 - timedelta(hours=1), "電話")
    item_id = items.add(ActionItemInput(pid, "稟議", T0 + timedelta(days=1)))
    kid = complaints.open(
        ComplaintInput(
            pid, "色違い", status=ComplaintStatus.IN_PROGRESS, opened_at=T0 - timedelta(days=5)
        )
    )
    later = T0 + timedelta(hours=1)
    follow_ups.snooze(fid, later)
    items.snooze(item_id, later)
    complaints.snooze(kid, later)
    today = TodayService(db, clock)
    assert {e.id: e.snoozed_until for e in today.entries()} == {
        fid: later,
        item_id: later,
        kid: later,  # in progress is still open: it goes silent like an open one
    }
    follow_ups.snooze(fid, None)
    items.snooze(item_id, None)
    complaints.snooze(kid, None)
    assert {e.snoozed_until for e in today.entries()} == {None}
    assert follow_ups.get(fid).due_at == T0 - timedelta(hours=1)


def test_a_prospects_open_follow_ups_are_read_through_its_own_index(db: Database) -> None:
    """Not by walking every open follow-up in due order (slow with 100k prospects)."""
    from salesdesk.core.calls import _OPEN_FOLLOW_UPS

    plan = " ".join(
        str(r[-1]) for r in db.reader().execute("EXPLAIN QUERY PLAN " + _OPEN_FOLLOW_UPS, ("x",))
    )
    assert "ix_follow_up_prospect_status" in plan
