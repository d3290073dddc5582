"""The calendar feed a calendar app on the rep's computer subscribes to."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import timedelta

import pytest
from icalendar import Calendar
from pytestqt.qtbot import QtBot

from salesdesk.config import Paths
from salesdesk.core.clock import utc_now
from salesdesk.core.db import Database
from salesdesk.core.followups import FollowUpService
from salesdesk.core.interchange.feed import CalendarFeed, free_port, new_token
from salesdesk.core.prospects import ProspectService
from salesdesk.core.records import ProspectInput


@pytest.fixture
def feed(db: Database) -> Iterator[CalendarFeed]:
    running = CalendarFeed(lambda: Database(db.uri, db.path), free_port(0), new_token())
    running.start()
    yield running
    running.stop()


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.headers["Content-Type"], answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, "", b""


def _summaries(body: bytes) -> list[str]:
    return [str(e["SUMMARY"]) for e in Calendar.from_ical(body).walk("VEVENT")]


def test_the_feed_serves_the_calendar_and_follows_changes(
    feed: CalendarFeed, db: Database, prospects: ProspectService
) -> None:
    follow_ups = FollowUpService(db)
    pid = prospects.create(ProspectInput(company="越後精工"))
    follow_ups.schedule(pid, utc_now() + timedelta(days=2), "見積の確認")
    status, kind, body = _get(feed.url)
    assert (status, kind) == (200, "text/calendar; charset=utf-8")
    assert _summaries(body) == ["越後精工 — 見積の確認"]
    calendar = Calendar.from_ical(body)
    assert str(calendar["REFRESH-INTERVAL"].to_ical(), "ascii") == "PT15M"  # look often
    # A follow-up added in the window shows at the calendar's next look.
    follow_ups.schedule(pid, utc_now() + timedelta(days=3), "デモの日程")
    assert _summaries(_get(feed.url)[2]) == ["越後精工 — 見積の確認", "越後精工 — デモの日程"]


def test_the_feed_answers_only_its_own_address_on_this_computer(feed: CalendarFeed) -> None:
    assert feed.url.startswith(f"http://127.0.0.1:{feed.port}/")
    assert feed._server.server_address[0] == "127.0.0.1"  # never the network
    wrong = feed.url.replace(feed.token, new_token())
    assert _get(wrong)[0] == 404  # the token is the key
    assert _get(f"http://127.0.0.1:{feed.port}/")[0] == 404


def test_a_stopped_feed_frees_its_port_and_a_taken_port_is_refused(db: Database) -> None:
    port = free_port(0)
    first = CalendarFeed(lambda: Database(db.uri, db.path), port, new_token())
    first.start()
    with pytest.raises(OSError):
        CalendarFeed(lambda: Database(db.uri, db.path), port, new_token())
    assert free_port(port) != port  # the preferred port is taken: another one
    first.stop()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(first.url, timeout=5)
    again = CalendarFeed(lambda: Database(db.uri, db.path), port, new_token())  # free again
    again.stop()


def test_a_failing_calendar_answers_503_and_the_feed_goes_on(db: Database) -> None:
    calls: list[int] = []

    def flaky(_db: Database) -> bytes:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("data file busy")
        return b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"

    running = CalendarFeed(lambda: Database(db.uri, db.path), 0, new_token(), flaky)
    running.start()
    try:
        assert _get(running.url)[0] == 503
        assert _get(running.url)[:2] == (200, "text/calendar; charset=utf-8")
    finally:
        running.stop()


# -- in the window: Settings and the reminder desk --------------------------------------------
def test_settings_give_a_lasting_address_to_copy(qtbot: QtBot, paths: Paths) -> None:
    from PySide6.QtGui import QGuiApplication

    from salesdesk.config import Settings
    from salesdesk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(), paths)
    qtbot.addWidget(dialog)
    assert not dialog.calendar_feed.isChecked() and dialog.feed_address.text() == ""
    assert not dialog.feed_copy.isEnabled()
    dialog.calendar_feed.setChecked(True)
    address = dialog.feed_address.text()
    assert address.startswith("http://127.0.0.1:") and address.endswith("/salesdesk.ics")
    dialog.feed_copy.click()
    assert QGuiApplication.clipboard().text() == address
    dialog.calendar_feed.setChecked(False)
    dialog.calendar_feed.setChecked(True)
    assert dialog.feed_address.text() == address  # the same: a subscription keeps working
    dialog.feed_renew.click()  # the rep asks for another one (port in use, shared...)
    renewed = dialog.feed_address.text()
    assert renewed != address and renewed.startswith("http://127.0.0.1:")
    dialog.feed_renew.click()
    dialog.feed_renew.click()
    assert dialog.feed_address.text() not in (address, renewed)
    address = dialog.feed_address.text()
    chosen = dialog.updated(Settings())
    assert chosen.calendar_feed
    assert (
        address
        == f"http://127.0.0.1:{chosen.calendar_feed_port}/{chosen.calendar_feed_token}/salesdesk.ics"
    )
    chosen.save(paths)
    again = SettingsDialog(Settings.load(paths), paths)  # next time: the same address
    qtbot.addWidget(again)
    assert again.calendar_feed.isChecked() and again.feed_address.text() == address


def test_the_reminder_desk_serves_the_feed_as_the_settings_say(
    qtbot: QtBot, db: Database, paths: Paths, prospects: ProspectService
) -> None:
    from dataclasses import replace

    from salesdesk.config import Settings
    from salesdesk.core.services import Services
    from salesdesk.ui.main_window import MainWindow
    from salesdesk.ui.reminder_desk import ReminderDesk

    services = Services(db)
    pid = services.prospects.create(ProspectInput(company="越後精工"))
    services.follow_ups.schedule(pid, utc_now() + timedelta(days=1), "見積の確認")
    window = MainWindow(services, Settings())
    qtbot.addWidget(window)
    on = Settings(
        notifications=False,
        calendar_feed=True,
        calendar_feed_port=free_port(0),
        calendar_feed_token=new_token(),
    )
    desk = ReminderDesk(services, on, paths, lambda: window, lambda _s: None)
    try:
        desk.start()
        assert desk.feed is not None
        url = desk.feed.url
        assert _summaries(_get(url)[2]) == ["越後精工 — 見積の確認"]
        desk.apply_settings(replace(on, calendar_feed=False))
        assert desk.feed is None
        with pytest.raises(urllib.error.URLError):
            urllib.request.urlopen(url, timeout=5)
        # Its port taken by another program: the rep is told, nothing breaks.
        blocker = CalendarFeed(lambda: Database(db.uri, db.path), on.calendar_feed_port, "x")
        try:
            assert desk.apply_calendar_feed() is True  # still off: nothing to do
            desk.apply_settings(on)
            assert desk.feed is None
            # Told on the window there is after the settings are applied (it is rebuilt).
            qtbot.waitUntil(lambda: "New address" in window.statusBar().currentMessage())
            assert str(on.calendar_feed_port) in desk.feed_problem
        finally:
            blocker.stop()
        assert desk.apply_calendar_feed() is True and desk.feed is not None
    finally:
        desk.stop()
    assert desk.feed is None


def test_a_silent_client_does_not_hold_the_feed_or_its_stop(db: Database) -> None:
    import socket
    import time

    running = CalendarFeed(lambda: Database(db.uri, db.path), 0, new_token())
    running.start()
    silent = socket.create_connection(("127.0.0.1", running.port))  # connects, says nothing
    try:
        assert _get(running.url)[0] == 200  # answered once the silent one timed out
        started = time.monotonic()
        running.stop()
        assert time.monotonic() - started < 5
    finally:
        silent.close()


def test_the_feed_drops_closed_and_long_past_items_instead_of_cancelling_them(
    feed: CalendarFeed, db: Database, prospects: ProspectService
) -> None:
    follow_ups = FollowUpService(db)
    pid = prospects.create(ProspectInput(company="越後精工"))
    done = follow_ups.schedule(pid, utc_now() + timedelta(days=2), "見積の確認")
    follow_ups.schedule(pid, utc_now() + timedelta(days=3), "デモの日程")
    follow_ups.schedule(pid, utc_now() - timedelta(days=40), "昔の宿題")  # still open, old
    follow_ups.complete(done)
    # A subscribed calendar replaces its events with each read: what is closed just goes.
    body = _get(feed.url)[2]
    events = Calendar.from_ical(body).walk("VEVENT")
    assert [(str(e["SUMMARY"]), str(e["STATUS"])) for e in events] == [
        ("越後精工 — デモの日程", "CONFIRMED")
    ]


def test_a_trickling_client_does_not_hold_up_stopping(db: Database) -> None:
    import socket
    import time

    running = CalendarFeed(lambda: Database(db.uri, db.path), 0, new_token())
    running.start()
    slow = socket.create_connection(("127.0.0.1", running.port))
    slow.sendall(b"GET /")  # and then nothing more, as if trickling
    try:
        started = time.monotonic()
        running.stop()
        assert time.monotonic() - started < 1.5  # the window does not wait on it
        with pytest.raises(OSError):  # and the port is free of the feed at once
            socket.create_connection(("127.0.0.1", running.port), timeout=1).close()
    finally:
        slow.close()


def test_a_new_feed_takes_a_port_below_the_systems_own_range() -> None:
    assert 1024 < free_port() < 49152
