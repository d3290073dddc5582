"""The reminder scheduler with a fake clock and a fake timer: each reminder shows once, on time.

The fake machine below does what a running laptop does: the armed timer fires after its
interval and the wall clock has moved by that much. A sleep is the clock moving on while
the timer does not fire.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from salesdesk.config import Paths
from salesdesk.ui.scheduler import MAX_WAIT_MS, ReminderScheduler, wait_ms

T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class FakeReminder:
    """The shape of salesdesk.core.reminders.Reminder."""

    key: str
    at: datetime
    source: str = "follow_up"
    moment: str = "due"
    source_id: str = "f1"
    prospect_id: str = "p1"
    company: str = "Acme"
    title: str = "Call back"
    due_at: datetime | None = None


class FakeSource:
    """Reminders in memory; ``shown`` is the durable log (it survives a "restart")."""

    def __init__(self, *reminders: FakeReminder) -> None:
        self.items = list(reminders)
        self.shown: dict[str, datetime] = {}
        self.fail_writes = False

    def pending(self, now: datetime | None = None) -> list[FakeReminder]:
        assert now is not None
        due = [r for r in self.items if r.at <= now and r.key not in self.shown]
        return sorted(due, key=lambda r: r.at)

    def next_at(self, after: datetime) -> datetime | None:
        later = [r.at for r in self.items if r.at > after and r.key not in self.shown]
        return min(later, default=None)

    def mark_shown(self, keys: Iterable[str], shown_at: datetime) -> None:
        if self.fail_writes:
            raise OSError("disk full")
        for key in keys:
            self.shown.setdefault(key, shown_at)


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class FakeTimer(QObject):
    timeout = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.interval: int | None = None

    def start(self, msec: int) -> None:
        self.interval = msec

    def stop(self) -> None:
        self.interval = None

    def isActive(self) -> bool:
        return self.interval is not None


class Machine:
    """A scheduler on a fake clock and timer, recording what it showed and when."""

    def __init__(self, source: FakeSource, start: datetime = T0) -> None:
        self.source = source
        self.clock = FakeClock(start)
        self.timer = FakeTimer()
        self.scheduler = ReminderScheduler(source, self.clock, self.timer)
        self.shown: list[tuple[datetime, list[str], bool]] = []
        self.scheduler.remindersDue.connect(
            lambda rs, missed: self.shown.append((self.clock.now, [r.key for r in rs], missed))
        )

    def keys(self) -> list[str]:
        return [k for _, keys, _ in self.shown for k in keys]

    def run_until(self, end: datetime) -> None:
        """Let time pass normally: each armed timer fires after its interval."""
        while self.timer.interval is not None:
            step = timedelta(milliseconds=self.timer.interval)
            if self.clock.now + step > end:
                break
            self.clock.now += step
            self.timer.timeout.emit()
        self.clock.now = end

    def sleep_until(self, end: datetime) -> None:
        """Suspend: the clock moves on, the timer does not fire; then it fires late."""
        self.clock.now = end
        self.timer.timeout.emit()


def test_wait_is_rounded_up_and_capped_at_a_minute() -> None:
    assert wait_ms(T0, T0 + timedelta(microseconds=1_000_400)) == 1001  # never early
    assert wait_ms(T0, T0 + timedelta(hours=3)) == MAX_WAIT_MS
    assert wait_ms(T0, None) == MAX_WAIT_MS
    assert wait_ms(T0, T0 - timedelta(seconds=5)) == 0


def test_a_reminder_fires_at_its_moment_once_and_is_recorded() -> None:
    due = T0 + timedelta(minutes=2, seconds=30, milliseconds=250)
    m = Machine(FakeSource(FakeReminder("a", due)))
    m.scheduler.start()
    assert m.shown == []
    assert m.timer.interval == MAX_WAIT_MS  # far away: the clock is read again in a minute
    m.run_until(T0 + timedelta(hours=1))
    assert len(m.shown) == 1
    fired_at, keys, missed = m.shown[0]
    assert keys == ["a"] and not missed
    assert timedelta(0) <= fired_at - due <= timedelta(seconds=1)
    assert m.source.shown == {"a": fired_at}  # when it was shown is recorded
    # No polling when nothing is left: one check a minute, never a re-show.
    assert m.timer.interval == MAX_WAIT_MS


def test_start_shows_what_fell_due_while_closed_once_together() -> None:
    source = FakeSource(*(FakeReminder(f"r{i}", T0 - timedelta(hours=i + 1)) for i in range(5)))
    source.items.append(FakeReminder("later", T0 + timedelta(minutes=5)))
    m = Machine(source)
    m.scheduler.start()
    assert len(m.shown) == 1
    _, keys, missed = m.shown[0]
    assert missed and sorted(keys) == ["r0", "r1", "r2", "r3", "r4"]
    m.run_until(T0 + timedelta(minutes=10))
    assert m.shown[1][1:] == (["later"], False)
    assert len(m.shown) == 2


def test_restart_shows_nothing_twice() -> None:
    source = FakeSource(
        FakeReminder("past", T0 - timedelta(days=1)),
        FakeReminder("soon", T0 + timedelta(minutes=1)),
        FakeReminder("tomorrow", T0 + timedelta(days=1)),
    )
    first = Machine(source)
    first.scheduler.start()
    first.run_until(T0 + timedelta(minutes=5))
    first.scheduler.stop()
    assert first.keys() == ["past", "soon"]
    # A new process over the same data: the same moment, then later.
    second = Machine(source, start=T0 + timedelta(minutes=6))
    second.scheduler.start()
    second.run_until(T0 + timedelta(days=2))
    assert second.keys() == ["tomorrow"]


def test_snooze_and_reschedule_rearm_the_timer() -> None:
    source = FakeSource(FakeReminder("a", T0 + timedelta(seconds=30)))
    m = Machine(source)
    m.scheduler.start()
    m.run_until(T0 + timedelta(seconds=31))
    assert m.keys() == ["a"]
    # Snoozed 10 minutes: a new moment for the same follow-up.
    source.items.append(FakeReminder("a-snoozed", T0 + timedelta(minutes=10), moment="snoozed"))
    m.scheduler.refresh()
    # Another follow-up moved from next week to 20 s from now: the timer follows it.
    source.items.append(FakeReminder("b", T0 + timedelta(seconds=51)))
    m.scheduler.refresh()
    assert m.timer.interval == 20_000
    m.run_until(T0 + timedelta(minutes=11))
    assert m.keys() == ["a", "b", "a-snoozed"]
    snoozed_at = m.shown[2][0]
    assert timedelta(0) <= snoozed_at - (T0 + timedelta(minutes=10)) <= timedelta(seconds=1)


def test_a_rescheduled_reminder_does_not_fire_at_its_old_time() -> None:
    source = FakeSource(FakeReminder("a@10", T0 + timedelta(minutes=10)))
    m = Machine(source)
    m.scheduler.start()
    m.run_until(T0 + timedelta(minutes=5))
    source.items = [FakeReminder("a@30", T0 + timedelta(minutes=30))]  # moved to later
    m.scheduler.refresh()
    m.run_until(T0 + timedelta(minutes=20))
    assert m.shown == []
    m.run_until(T0 + timedelta(minutes=31))
    assert m.keys() == ["a@30"]


def test_sleep_then_resume_shows_the_missed_ones_together_once() -> None:
    source = FakeSource(
        FakeReminder("before", T0 + timedelta(seconds=20)),
        *(FakeReminder(f"asleep{i}", T0 + timedelta(minutes=10 * (i + 1))) for i in range(4)),
        FakeReminder("after", T0 + timedelta(hours=3)),
    )
    m = Machine(source)
    m.scheduler.start()
    m.run_until(T0 + timedelta(seconds=40))
    assert m.shown[0][1:] == (["before"], False)
    m.sleep_until(T0 + timedelta(hours=2))  # the lid was closed for two hours
    assert len(m.shown) == 2
    _, keys, missed = m.shown[1]
    assert missed and keys == ["asleep0", "asleep1", "asleep2", "asleep3"]
    m.run_until(T0 + timedelta(hours=4))
    assert m.shown[2][1:] == (["after"], False)  # back to normal: on time, on its own
    assert len(m.keys()) == len(set(m.keys())) == 6


def test_waking_up_through_the_application_state_checks_at_once(qtbot: QtBot) -> None:
    source = FakeSource(FakeReminder("a", T0 + timedelta(minutes=30)))
    m = Machine(source)
    m.scheduler.start()
    m.clock.now = T0 + timedelta(hours=1)  # asleep; the timer has not fired yet
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert m.shown == [(T0 + timedelta(hours=1), ["a"], True)]
    m.timer.timeout.emit()  # the late timer fires too: nothing twice
    assert m.keys() == ["a"]
    m.scheduler.stop()
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert m.keys() == ["a"]


def test_clock_set_back_shows_nothing_again() -> None:
    source = FakeSource(
        FakeReminder("a", T0 + timedelta(minutes=1)),
        FakeReminder("b", T0 + timedelta(minutes=90)),
    )
    m = Machine(source)
    m.scheduler.start()
    m.run_until(T0 + timedelta(minutes=2))
    assert m.keys() == ["a"]
    m.clock.now = T0 - timedelta(hours=1)  # the clock is corrected an hour back
    m.timer.timeout.emit()
    m.run_until(T0 + timedelta(hours=3))
    assert m.keys() == ["a", "b"]
    b_at = m.shown[1][0]
    assert timedelta(0) <= b_at - (T0 + timedelta(minutes=90)) <= timedelta(seconds=1)


def test_shown_once_in_the_session_even_when_the_log_cannot_be_written() -> None:
    source = FakeSource(FakeReminder("a", T0 + timedelta(seconds=10)))
    source.fail_writes = True
    m = Machine(source)
    m.scheduler.start()
    m.run_until(T0 + timedelta(minutes=3))
    assert m.keys() == ["a"]
    assert source.shown == {}
    source.fail_writes = False
    m.run_until(T0 + timedelta(minutes=4))  # the next check writes it
    assert list(source.shown) == ["a"]
    assert source.shown["a"] - (T0 + timedelta(seconds=10)) <= timedelta(seconds=1)


def test_a_source_that_fails_keeps_the_timer_alive() -> None:
    source = FakeSource(FakeReminder("a", T0 + timedelta(minutes=3)))
    broken = {"on": True}
    pending = source.pending

    def flaky(now: datetime | None = None) -> list[FakeReminder]:
        if broken["on"]:
            raise OSError("database is locked")
        return pending(now)

    source.pending = flaky  # type: ignore[method-assign]
    m = Machine(source)
    m.scheduler.start()
    assert m.timer.interval == MAX_WAIT_MS  # tries again in a minute
    broken["on"] = False
    m.run_until(T0 + timedelta(minutes=4))
    assert m.keys() == ["a"]


NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("local", "utc"),
    [
        # 2026-11-01 01:30 happens twice in New York: first in EDT, then in EST.
        (datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=0), datetime(2026, 11, 1, 5, 30)),
        (datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=1), datetime(2026, 11, 1, 6, 30)),
        # 2026-03-08 02:30 does not exist in New York; it is read as 03:30 EDT.
        (datetime(2026, 3, 8, 2, 30, tzinfo=NEW_YORK), datetime(2026, 3, 8, 7, 30)),
    ],
)
def test_summer_time_fold_and_gap_fire_once_at_the_utc_instant(
    local: datetime, utc: datetime
) -> None:
    at = local.astimezone(UTC)
    assert at == utc.replace(tzinfo=UTC)
    source = FakeSource(FakeReminder("dst", at))
    # Run through the whole night minute by minute, across the repeated/skipped hour.
    start = at - timedelta(hours=3)
    m = Machine(source, start=start)
    m.scheduler.start()
    m.run_until(at + timedelta(hours=3))
    assert m.keys() == ["dst"]
    fired_at = m.shown[0][0]
    assert timedelta(0) <= fired_at - at <= timedelta(seconds=1)


def test_two_reminders_an_hour_apart_across_the_fold_both_fire_in_order() -> None:
    first = datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=0).astimezone(UTC)
    second = datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=1).astimezone(UTC)
    m = Machine(FakeSource(FakeReminder("edt", first), FakeReminder("est", second)))
    m.clock.now = first - timedelta(minutes=5)
    m.scheduler.start()
    m.run_until(second + timedelta(minutes=5))
    assert [(t, k) for t, k, _ in m.shown] == [(first, ["edt"]), (second, ["est"])]


def test_with_a_real_timer_it_fires_within_a_second(qtbot: QtBot) -> None:
    now = datetime.now(UTC)
    source = FakeSource(FakeReminder("real", now + timedelta(milliseconds=400)))
    scheduler = ReminderScheduler(source)
    fired: list[datetime] = []
    scheduler.remindersDue.connect(lambda rs, _missed: fired.append(datetime.now(UTC)))
    scheduler.start()
    qtbot.waitUntil(lambda: bool(fired), timeout=3000)
    scheduler.stop()
    late = fired[0] - source.items[0].at
    assert timedelta(0) <= late <= timedelta(seconds=1)


def test_restart_over_the_real_data_file_shows_nothing_twice(tmp_path: Path) -> None:
    """The same with the real reminder service: the shown log lives in the data file."""
    from salesdesk.core.action_items import ActionItemInput
    from salesdesk.core.records import ProspectInput
    from salesdesk.core.reminders import ReminderService
    from salesdesk.core.schema import open_database
    from salesdesk.core.services import Services

    paths = Paths(tmp_path / "data").ensure()
    db = open_database(paths.database, paths.backups, "0.1.0")
    clock = FakeClock(T0 - timedelta(days=10))
    services = Services.create(db, clock)
    pid = services.prospects.create(ProspectInput("山田工業", "ヤマダコウギョウ"))
    # Created ten days ahead of time: a friendly check 3 days before, then overdue.
    services.action_items.add(ActionItemInput(pid, "稟議", T0 + timedelta(hours=1)))
    clock.now = T0 - timedelta(days=3, minutes=5)

    def run(until: datetime) -> list[tuple[datetime, list[str], bool]]:
        database = open_database(paths.database, paths.backups, "0.1.0")
        try:
            source = ReminderService(database, clock)
            timer = FakeTimer()
            scheduler = ReminderScheduler(source, clock, timer)
            shown: list[tuple[datetime, list[str], bool]] = []
            scheduler.remindersDue.connect(
                lambda rs, missed: shown.append((clock.now, [str(r.moment) for r in rs], missed))
            )
            scheduler.start()
            while timer.interval is not None:
                step = timedelta(milliseconds=timer.interval)
                if clock.now + step > until:
                    break
                clock.now += step
                timer.timeout.emit()
            clock.now = until
            scheduler.stop()
            return shown
        finally:
            database.close()

    first = run(T0 - timedelta(days=2))
    assert [(m, missed) for _, m, missed in first] == [(["check"], False)]
    assert first[0][0] - (T0 - timedelta(days=2, hours=23)) <= timedelta(seconds=1)
    assert run(T0 - timedelta(days=1)) == []  # restarted: the check is not shown again
    clock.now = T0 + timedelta(hours=5)  # closed over the deadline, started later
    assert [(m, missed) for _, m, missed in run(T0 + timedelta(hours=6))] == [(["overdue"], True)]
    assert run(T0 + timedelta(days=1)) == []
    db.close()
