"""Notification texts, the in-app banner, the adapter choice and how reminders are grouped."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from salesdesk.config import Paths, Settings
from salesdesk.core.action_items import ActionItemInput
from salesdesk.core.db import Database
from salesdesk.core.records import ProspectInput
from salesdesk.core.reminders import Reminder, ReminderMoment, ReminderSource, reminder_key
from salesdesk.core.services import Services
from salesdesk.ui import reminder_desk
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.notifier import (
    BannerNotifier,
    Notifier,
    OnClick,
    choose_kind,
    grouped_message,
    reminder_message,
)
from salesdesk.ui.prospect_model import format_datetime
from salesdesk.ui.reminder_desk import ReminderDesk

DUE = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)


def make(
    source: ReminderSource,
    moment: ReminderMoment,
    title: str = "稟議の結果",
    company: str = "山田工業",
    at: datetime = DUE,
    due_at: datetime | None = DUE,
    prospect_id: str = "p1",
    source_id: str = "s1",
) -> Reminder:
    key = reminder_key(source, source_id, moment, at)
    return Reminder(key, source, moment, source_id, prospect_id, company, title, at, due_at)


def test_texts_for_each_moment() -> None:
    deadline = format_datetime(DUE)
    follow_up = make(ReminderSource.FOLLOW_UP, ReminderMoment.DUE, "見積の回答を確認")
    assert reminder_message(follow_up, 3) == ("Follow-up due: 山田工業", "見積の回答を確認")
    check = make(ReminderSource.ACTION_ITEM, ReminderMoment.CHECK, at=DUE - timedelta(days=3))
    assert reminder_message(check, 3) == (
        "3 days left — a friendly check?",
        f"稟議の結果 (山田工業), due {deadline}",
    )
    overdue = make(ReminderSource.ACTION_ITEM, ReminderMoment.OVERDUE)
    assert reminder_message(overdue, 3) == (
        "Overdue now: 稟議の結果",
        f"山田工業: the deadline {deadline} has passed. Chase it within the hour.",
    )
    silent = make(ReminderSource.COMPLAINT, ReminderMoment.SILENT, "納品物の不具合", due_at=None)
    assert reminder_message(silent, 5) == (
        "Open problem at 山田工業: no contact for 5 days",
        "納品物の不具合",
    )
    snoozed = make(ReminderSource.FOLLOW_UP, ReminderMoment.SNOOZED, "電話")
    assert reminder_message(snoozed, 3)[0] == "Snoozed follow-up due: 山田工業"


def test_a_grouped_notification_names_the_first_three_and_counts_the_rest() -> None:
    reminders = [
        make(ReminderSource.FOLLOW_UP, ReminderMoment.DUE, company=f"会社{i}", source_id=f"f{i}")
        for i in range(5)
    ]
    title, body = grouped_message(reminders, True, 3)
    assert title == "5 reminders while SalesDesk was closed or asleep"
    assert body.splitlines() == [
        "Follow-up due: 会社0",
        "Follow-up due: 会社1",
        "Follow-up due: 会社2",
        "…and 2 more",
    ]
    assert grouped_message(reminders[:4], False, 3)[0] == "4 reminders due now"


@pytest.mark.parametrize(
    ("system", "enabled", "service", "tray", "kind"),
    [
        ("Linux", True, True, True, "desktop"),
        ("Linux", True, False, True, "tray"),
        ("Linux", True, False, False, "banner"),
        ("Linux", False, True, True, "banner"),
        ("Windows", True, False, True, "tray"),
        ("Darwin", True, False, True, "tray"),
        ("Windows", True, False, False, "banner"),
    ],
)
def test_the_adapter_choice(
    system: str, enabled: bool, service: bool, tray: bool, kind: str
) -> None:
    asked: list[bool] = []

    def has_service() -> bool:
        asked.append(True)
        return service

    assert choose_kind(system, enabled, has_service, tray) == kind
    if system != "Linux" or not enabled:
        assert asked == []  # no D-Bus probe where it cannot matter


class Recorder(Notifier):
    kind = "recorder"

    def __init__(self, fail: bool = False) -> None:
        super().__init__()
        self.sent: list[tuple[str, str, OnClick]] = []
        self.fail = fail

    def notify(self, title: str, body: str, on_click: OnClick = None) -> None:
        if self.fail:
            self.failed.emit(title, body, on_click)
        else:
            self.sent.append((title, body, on_click))


@pytest.fixture
def services(db: Database) -> Services:
    return Services.create(db)


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> MainWindow:
    services.prospects.create(ProspectInput("佐藤商事", "サトウショウジ"))
    win = MainWindow(services, Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def desk(
    services: Services, window: MainWindow, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[ReminderDesk, Recorder]]:
    recorder = Recorder()
    monkeypatch.setattr(reminder_desk, "choose_notifier", lambda *a, **k: recorder)
    d = ReminderDesk(services, Settings(), paths, lambda: window, lambda _s: None)
    yield d, recorder
    d.stop()


def test_a_few_on_time_are_shown_one_by_one_and_a_click_opens_the_prospect(
    qtbot: QtBot,
    services: Services,
    window: MainWindow,
    desk: tuple[ReminderDesk, Recorder],
) -> None:
    d, recorder = desk
    yamada = services.prospects.create(ProspectInput("山田工業", "ヤマダコウギョウ"))
    window.search.setText("佐藤")  # the list is filtered: 山田 is not in it
    window.hide()
    three = [
        make(ReminderSource.FOLLOW_UP, ReminderMoment.DUE, prospect_id=yamada, source_id=f"f{i}")
        for i in range(3)
    ]
    d.show(three, missed=False)
    assert [t for t, _, _ in recorder.sent] == ["Follow-up due: 山田工業"] * 3
    on_click = recorder.sent[0][2]
    assert on_click is not None
    on_click()
    assert window.isVisible()
    assert window.current_id() == yamada  # the filter was cleared to show it


def test_many_at_once_or_missed_ones_come_as_one_notification(
    desk: tuple[ReminderDesk, Recorder],
) -> None:
    d, recorder = desk
    four = [
        make(ReminderSource.FOLLOW_UP, ReminderMoment.DUE, source_id=f"f{i}", prospect_id=f"p{i}")
        for i in range(4)
    ]
    d.show(four, missed=False)
    d.show(four[:2], missed=True)
    d.show(four[:1], missed=True)  # a single missed one is shown as itself
    assert [t for t, _, _ in recorder.sent] == [
        "4 reminders due now",
        "2 reminders while SalesDesk was closed or asleep",
        "Follow-up due: 山田工業",
    ]


def test_a_notification_the_system_refused_shows_in_the_window_banner(
    qtbot: QtBot,
    services: Services,
    window: MainWindow,
    paths: Paths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    failing = Recorder(fail=True)
    monkeypatch.setattr(reminder_desk, "choose_notifier", lambda *a, **k: failing)
    d = ReminderDesk(services, Settings(), paths, lambda: window, lambda _s: None)
    try:
        overdue = make(ReminderSource.ACTION_ITEM, ReminderMoment.OVERDUE)
        d.show([overdue], missed=False)
        banner = d.banner.banner
        assert banner is not None and banner.isVisible()
        assert banner.title.text() == "Overdue now: 稟議の結果"
        assert "Chase it within the hour." in banner.body.text()
    finally:
        d.stop()


def test_the_banner_queues_opens_and_dismisses(qtbot: QtBot, window: MainWindow) -> None:
    notifier = BannerNotifier()
    notifier.notify("before the window", "", None)  # kept until there is a window
    banner = notifier.attach(window)
    opened: list[str] = []
    notifier.notify("Follow-up due: 山田工業", "見積の回答を確認", lambda: opened.append("y"))
    assert banner.isVisible()
    assert banner.title.text() == "before the window"
    assert banner.more.text() == "1 more notice"  # other notices, not lines of this one
    assert not banner.open_button.isVisible()  # nothing to open for that one
    banner.dismiss_button.click()
    assert banner.title.text() == "Follow-up due: 山田工業"
    assert banner.more.text() == ""
    banner.open_button.click()
    assert opened == ["y"]
    assert not banner.isVisible()
    # A rebuilt window (language switch) gets the banner with what was not dismissed.
    notifier.notify("still waiting", "", None)
    window2 = MainWindow(window.services, Settings())
    qtbot.addWidget(window2)
    window2.show()
    again = notifier.attach(window2)
    assert again.messages() == [("still waiting", "")]


def test_a_change_from_another_process_is_picked_up_without_a_refresh_call(
    qtbot: QtBot,
    services: Services,
    desk: tuple[ReminderDesk, Recorder],
    paths: Paths,
) -> None:
    """`salesdesk item add` in a terminal while the app runs: on time all the same."""
    d, recorder = desk
    pid = services.prospects.create(ProspectInput("山田工業", "ヤマダコウギョウ"))
    d.start()
    other = Services.create(Database.open(paths.database))  # another connection, like the CLI
    try:
        due = datetime.now(UTC) + timedelta(milliseconds=1500)
        other.action_items.add(ActionItemInput(pid, "仕様の決定", due))
        qtbot.waitUntil(lambda: bool(recorder.sent), timeout=4000)
        late = datetime.now(UTC) - due
        assert late <= timedelta(seconds=1)
        assert recorder.sent[0][0] == "Overdue now: 仕様の決定"
    finally:
        other.db.close()


def test_settings_changes_reach_the_reminders(
    desk: tuple[ReminderDesk, Recorder], services: Services, tmp_path: Path
) -> None:
    d, _ = desk
    d.apply_settings(Settings(complaint_silence_days=7, start_at_login=True))
    assert services.reminders.complaint_silence_days == 7
    assert services.today.complaint_silence_days == 7
    autostart = Path.home()  # not touched: XDG_CONFIG_HOME points at a temp folder
    from salesdesk.ui.autostart import entry_for, is_set

    entry = entry_for(d.paths)
    assert is_set(entry) and not entry.location.startswith(str(autostart / ".config"))
    d.apply_settings(Settings(complaint_silence_days=7, start_at_login=False))
    assert not is_set(entry)


def test_the_days_list_follows_as_soon_as_reminders_fire(
    services: Services, window: MainWindow, desk: tuple[ReminderDesk, Recorder]
) -> None:
    d, _recorder = desk
    window.show_today()
    panel = window.today_panel
    assert panel.model.entries() == []
    pid = window.model.id_at(0) or ""
    # Written behind the window's back (another process, or simply time passing).
    services.follow_ups.schedule(pid, datetime.now(UTC) - timedelta(seconds=1), "電話する")
    reminders = services.reminders.pending()
    d.scheduler.remindersDue.emit(reminders, False)
    assert [e.title for e in panel.model.entries()] == ["電話する"]


def test_a_long_banner_and_a_company_with_many_contacts_keep_the_window_on_screen(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from salesdesk.core.records import ContactInput

    pid = services.prospects.create(ProspectInput("南国技研株式会社"))
    for i in range(6):
        services.prospects.add_contact(pid, ContactInput(f"担当 {i}", phone=f"090-0000-000{i}"))
    window.load_list()
    notifier = BannerNotifier()
    banner = notifier.attach(window)
    missed = [f"Follow-up due: 会社{i}" for i in range(3)] + ["…and 108 more"]
    notifier.notify("111 reminders while SalesDesk was closed", "\n".join(missed), None)
    notifier.notify("Overdue: 見積の回答", "", None)
    # Two lines of the list, the rest on hover; the other notice counted beside.
    assert banner.body.text() == "Follow-up due: 会社0\nFollow-up due: 会社1 …"
    assert banner.body.toolTip() == "\n".join(missed)
    window.resize(1280, 720)  # what the window opens at on a 1366×768 laptop
    window.select_prospect(window.model.id_at(0))
    window.delete_action.trigger()  # the undo bar too
    qtbot.waitUntil(window.undo_bar.isVisible)
    window.open_prospect(pid)
    window.detail.tabs.setCurrentIndex(1)  # follow-ups & items
    assert window.detail.contacts.rowCount() == 6
    # All of it fits the window: nothing pushes the window (and the Undo bar) past the
    # screen's bottom.
    QApplication.processEvents()  # the layouts' requests
    central = window.centralWidget()
    assert window.height() == 720
    assert central.minimumSizeHint().height() <= central.height()
