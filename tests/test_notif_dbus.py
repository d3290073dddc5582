"""Real notifications over a private D-Bus session with a recording notification server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fake_notifications import private_session_bus
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from salesdesk.config import Paths, Settings
from salesdesk.core.action_items import ActionItemInput
from salesdesk.core.db import Database
from salesdesk.core.records import ProspectInput
from salesdesk.core.services import Services
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.notifier import (
    BannerNotifier,
    DesktopNotifierBackend,
    choose_notifier,
    notification_service_on_bus,
)
from salesdesk.ui.prospect_model import format_datetime
from salesdesk.ui.reminder_desk import ReminderDesk

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="D-Bus notifications: Linux")

FAKE_SERVER = Path(__file__).with_name("fake_notifications.py")


class NotificationServer:
    """The fake org.freedesktop.Notifications server in a subprocess; records Notify calls."""

    def __init__(self, address: str) -> None:
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address)
        self.proc = subprocess.Popen(
            [sys.executable, str(FAKE_SERVER)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.calls: list[dict[str, object]] = []
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        if not self.ready.wait(10):
            self.close()
            raise RuntimeError("the fake notification server did not start")

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.strip() == "ready":
                self.ready.set()
            elif line.strip():
                self.calls.append(json.loads(line))

    def click(self, notification_id: object) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"click {notification_id}\n")
        self.proc.stdin.flush()

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._reader.join(5)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


@pytest.fixture
def session_bus(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    """A private session bus whose address the app sees."""
    with private_session_bus(tmp_path) as address:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address


@pytest.fixture
def notification_server(session_bus: str) -> Iterator[NotificationServer]:
    server = NotificationServer(session_bus)
    yield server
    server.close()


@pytest.fixture
def desktop(notification_server: NotificationServer) -> Iterator[DesktopNotifierBackend]:
    backend = DesktopNotifierBackend("SalesDesk")
    yield backend
    backend.close()


def test_the_service_is_found_only_when_a_server_owns_the_name(
    session_bus: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not notification_service_on_bus()  # a bus, but no notification daemon on it
    server = NotificationServer(session_bus)
    try:
        assert notification_service_on_bus()
        chosen = choose_notifier(True, None, BannerNotifier(), "SalesDesk", None, "Linux")
        assert isinstance(chosen, DesktopNotifierBackend)
        chosen.close()
    finally:
        server.close()
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS")
    assert not notification_service_on_bus()  # no bus at all
    banner = BannerNotifier()
    assert choose_notifier(True, None, banner, "SalesDesk", None, "Linux") is banner


def test_a_notification_reaches_the_server_and_a_click_comes_back_on_the_qt_thread(
    qtbot: QtBot, notification_server: NotificationServer, desktop: DesktopNotifierBackend
) -> None:
    clicked: list[bool] = []
    desktop.notify(
        "Follow-up due: 株式会社サンプル",
        "見積の回答を確認",
        lambda: clicked.append(QThread.currentThread() is qtbot_app_thread()),
    )
    qtbot.waitUntil(lambda: len(notification_server.calls) == 1, timeout=5000)
    call = notification_server.calls[0]
    assert call["title"] == "Follow-up due: 株式会社サンプル"
    assert call["body"] == "見積の回答を確認"
    assert call["app_name"] == "SalesDesk"
    assert "default" in call["actions"]  # clicking the body is offered
    notification_server.click(call["id"])
    qtbot.waitUntil(lambda: clicked == [True], timeout=5000)


def test_a_notification_that_cannot_be_sent_is_handed_back(qtbot: QtBot, session_bus: str) -> None:
    backend = DesktopNotifierBackend("SalesDesk")  # a bus, but nobody serves notifications
    try:
        with qtbot.waitSignal(backend.failed, timeout=5000) as failed:
            backend.notify("Overdue now: 稟議", "body")
        assert failed.args[:2] == ["Overdue now: 稟議", "body"]
    finally:
        backend.close()


def test_an_item_due_two_seconds_after_the_start_pops_a_notification_that_opens_it(
    qtbot: QtBot, notification_server: NotificationServer, db: Database, paths: Paths
) -> None:
    """The issue's round trip: real item, real clock, real scheduler, desktop-notifier,
    D-Bus, a notification server; the click comes back and selects the prospect."""
    services = Services.create(db)
    other = services.prospects.create(ProspectInput("佐藤商事", "サトウショウジ"))
    customer = services.prospects.create(ProspectInput("山田工業", "ヤマダコウギョウ"))
    due = datetime.now(UTC) + timedelta(seconds=2)
    services.action_items.add(
        ActionItemInput(customer, "社内稟議の結果", due, consequence="納期が1週間遅れる")
    )
    window = MainWindow(services, Settings())
    qtbot.addWidget(window)
    window.show()
    window.select_prospect(other)
    desk = ReminderDesk(services, Settings(), paths, lambda: window, lambda _s: None)
    try:
        assert isinstance(desk.notifier, DesktopNotifierBackend)
        desk.start()
        assert notification_server.calls == []  # nothing due yet
        qtbot.waitUntil(lambda: len(notification_server.calls) == 1, timeout=6000)
        call = notification_server.calls[0]
        assert call["title"] == "Overdue now: 社内稟議の結果"
        deadline = format_datetime(due)
        assert call["body"] == (
            f"山田工業: the deadline {deadline} has passed. Chase it within the hour."
        )
        late = float(call["received"]) - due.timestamp()  # type: ignore[arg-type]
        assert 0 <= late <= 1.5  # the minute it passes (1 s, plus the trip over D-Bus)
        window.hide()  # the rep is elsewhere; the click brings SalesDesk back
        notification_server.click(call["id"])
        qtbot.waitUntil(lambda: window.isVisible() and window.current_id() == customer)
        # Shown once: a new scheduler (a restart) over the same data shows nothing.
        desk.stop()
        again = ReminderDesk(services, Settings(), paths, lambda: window, lambda _s: None)
        again.start()
        qtbot.wait(300)
        again.stop()
        assert len(notification_server.calls) == 1
    finally:
        desk.stop()


def qtbot_app_thread() -> QThread:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    return app.thread()
