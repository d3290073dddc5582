"""The tray icon's counts and menu, and closing the window to the tray."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from salesdesk.config import Paths, Settings, resource_path
from salesdesk.core.action_items import ActionItemInput
from salesdesk.core.calls import CallInput, NextStep
from salesdesk.core.db import Database
from salesdesk.core.records import ProspectInput
from salesdesk.core.services import Services
from salesdesk.core.today import TodayCounts
from salesdesk.ui.tray import CloseToTray, TrayIcon, counts_text


def test_counts_read_as_a_rep_says_them() -> None:
    assert counts_text(TodayCounts(2, 5, 9)) == "Overdue 2 · Today 5 · This week 9"


def test_the_tooltip_shows_the_days_counts_and_follows_changes(qtbot: QtBot, db: Database) -> None:
    services = Services.create(db)
    now = datetime.now().astimezone()
    pid = services.prospects.create(ProspectInput("山田工業", "ヤマダコウギョウ"))
    services.calls.log_call(
        CallInput(pid, "見積の件", next_step=NextStep(now - timedelta(days=2), "見積を送る"))
    )
    tray = TrayIcon(QIcon(str(resource_path("icons", "salesdesk.png"))), services.today.counts)
    tray.refresh()
    assert tray.icon.toolTip() == "SalesDesk\nOverdue 1 · Today 0 · This week 0"
    services.action_items.add(ActionItemInput(pid, "資料の確認", now + timedelta(days=3)))
    tray.refresh()
    assert tray.icon.toolTip() == "SalesDesk\nOverdue 1 · Today 0 · This week 1"


def test_the_menu_opens_shows_today_and_quits(qtbot: QtBot) -> None:
    tray = TrayIcon(QIcon(), lambda: TodayCounts(0, 0, 0))
    assert [a.text() for a in tray.menu.actions()] == ["Open SalesDesk", "Today", "", "Quit"]
    for action, signal in (
        (tray.open_action, tray.openRequested),
        (tray.today_action, tray.todayRequested),
        (tray.quit_action, tray.quitRequested),
    ):
        with qtbot.waitSignal(signal, timeout=500):
            action.trigger()


def test_a_broken_count_keeps_the_last_tooltip(qtbot: QtBot) -> None:
    counts = [TodayCounts(1, 2, 3)]

    def read() -> TodayCounts:
        if not counts:
            raise OSError("database is locked")
        return counts.pop()

    tray = TrayIcon(QIcon(), read)
    tray.refresh()
    tray.refresh()
    assert tray.icon.toolTip() == "SalesDesk\nOverdue 1 · Today 2 · This week 3"


class FakeTray:
    def __init__(self, shown: bool = True) -> None:
        self.shown = shown
        self.messages: list[str] = []

    def is_shown(self) -> bool:
        return self.shown

    def show_message(self, title: str, body: str) -> None:
        self.messages.append(body)


@pytest.fixture
def restore_quit_setting() -> object:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.quitOnLastWindowClosed()
    yield app
    app.setQuitOnLastWindowClosed(before)


def test_closing_hides_to_the_tray_with_a_hint_the_first_time_only(
    qtbot: QtBot, restore_quit_setting: QApplication
) -> None:
    app = restore_quit_setting
    window = QMainWindow()
    qtbot.addWidget(window)
    tray = FakeTray()
    hint = {"shown": False}
    watcher = CloseToTray(
        tray, lambda: True, lambda: hint["shown"], lambda: hint.update(shown=True)
    )
    watcher.watch(window)
    window.show()
    assert window.close() is False  # the close was taken over
    assert not window.isVisible()
    assert not app.quitOnLastWindowClosed()  # a message box closing now must not quit
    assert len(tray.messages) == 1 and "keeps running in the tray" in tray.messages[0]
    window.show()
    assert app.quitOnLastWindowClosed()
    window.close()
    assert len(tray.messages) == 1  # once is enough
    watcher.quitting = True  # Quit in the tray menu
    window.show()
    assert window.close() is True


@pytest.mark.parametrize(("enabled", "tray_shown"), [(False, True), (True, False)])
def test_the_window_really_closes_without_a_tray_or_with_the_setting_off(
    qtbot: QtBot, enabled: bool, tray_shown: bool
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    watcher = CloseToTray(FakeTray(tray_shown), lambda: enabled, lambda: True, lambda: None)
    watcher.watch(window)
    window.show()
    assert window.close() is True
    watcher.unwatch(window)


def test_settings_show_how_notifications_appear_and_keep_the_reminder_choices(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from salesdesk.ui.settings_dialog import SettingsDialog

    paths = Paths(tmp_path / "data")
    before = Settings(language="en", tray_hint_shown=True, extra={"k": 1})
    dialog = SettingsDialog(before, paths, None, "Desktop notifications", tray_available=False)
    qtbot.addWidget(dialog)
    assert dialog.notifier_name.text() == "Desktop notifications"
    assert dialog.notifications.isChecked() and not dialog.start_at_login.isChecked()
    assert not dialog.close_to_tray.isEnabled()  # no tray on this desktop
    assert dialog.complaint_days.value() == 3
    dialog.notifications.setChecked(False)
    dialog.start_at_login.setChecked(True)
    dialog.complaint_days.setValue(5)
    after = dialog.updated(before)
    assert (after.notifications, after.start_at_login, after.complaint_silence_days) == (
        False,
        True,
        5,
    )
    assert after.tray_hint_shown and after.extra == {"k": 1}  # the rest is kept
    after.save(paths)
    assert Settings.load(paths) == after
