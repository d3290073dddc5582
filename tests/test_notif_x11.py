"""On a real X display with a real notification daemon (dunst): the popup appears."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fake_notifications import private_session_bus
from PySide6.QtGui import QGuiApplication, QImage
from pytestqt.qtbot import QtBot

from salesdesk.config import Paths, Settings
from salesdesk.core.action_items import ActionItemInput
from salesdesk.core.db import Database
from salesdesk.core.records import ProspectInput
from salesdesk.core.services import Services
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.notifier import DesktopNotifierBackend
from salesdesk.ui.reminder_desk import ReminderDesk

pytestmark = pytest.mark.x11

#: Where dunst draws its popups: the top right corner (its default geometry).
POPUP_AREA = (980, 0, 300, 160)


@pytest.fixture
def dunst(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    if not os.environ.get("DISPLAY"):
        pytest.fail("run under xvfb-run (DISPLAY is not set)")
    with private_session_bus(tmp_path) as address:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        daemon = subprocess.Popen(
            ["dunst"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy()
        )
        try:
            yield address
        finally:
            daemon.terminate()
            daemon.wait(5)


def _history() -> list[dict[str, object]]:
    out = subprocess.run(["dunstctl", "history"], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return []
    data = json.loads(out.stdout)["data"]
    return [
        {key: value["data"] for key, value in entry.items()} for group in data for entry in group
    ]


def _displayed() -> int:
    out = subprocess.run(["dunstctl", "count", "displayed"], capture_output=True, text=True)
    return int(out.stdout.strip() or 0) if out.returncode == 0 else 0


def _screenshot(path: Path) -> Path:
    """The whole X screen, other programs' windows (dunst's popup) included."""
    screen = QGuiApplication.primaryScreen()
    assert screen.grabWindow(0).save(str(path))
    return path


def _changed_pixels(before: Path, after: Path) -> int:
    """How many sampled pixels of dunst's corner changed between two screenshots."""
    a, b = QImage(str(before)), QImage(str(after))
    x0, y0, w, h = POPUP_AREA
    return sum(
        1
        for x in range(x0, x0 + w, 4)
        for y in range(y0, y0 + h, 4)
        if a.pixelColor(x, y) != b.pixelColor(x, y)
    )


def test_an_item_falling_due_pops_up_on_the_desktop(
    qtbot: QtBot, dunst: str, db: Database, paths: Paths, tmp_path: Path
) -> None:
    qtbot.waitUntil(
        lambda: subprocess.run(["dunstctl", "is-paused"], capture_output=True).returncode == 0,
        timeout=5000,
    )
    services = Services.create(db)
    customer = services.prospects.create(ProspectInput("山田工業", "ヤマダコウギョウ"))
    due = datetime.now(UTC) + timedelta(seconds=2)
    services.action_items.add(ActionItemInput(customer, "社内稟議の結果", due))
    window = MainWindow(services, Settings())
    qtbot.addWidget(window)
    window.show()
    desk = ReminderDesk(services, Settings(), paths, lambda: window, lambda _s: None)
    qtbot.waitExposed(window)
    before = _screenshot(tmp_path / "before.png")
    try:
        assert isinstance(desk.notifier, DesktopNotifierBackend)
        desk.start()
        qtbot.waitUntil(lambda: _displayed() == 1, timeout=6000)
        qtbot.wait(300)  # drawn
        shot = _screenshot(tmp_path / "popup.png")
        keep = os.environ.get("SALESDESK_SHOTS")  # a folder to keep the screenshot in
        if keep:
            shutil.copy(shot, Path(keep) / "notification-popup.png")
        assert _changed_pixels(before, shot) > 500  # the popup is drawn in its corner
        subprocess.run(["dunstctl", "close-all"], check=True)
        qtbot.waitUntil(lambda: len(_history()) == 1, timeout=3000)
        [shown] = _history()
        assert shown["summary"] == "Overdue now: 社内稟議の結果"
        assert "Chase it within the hour." in str(shown["body"])
        assert shown["appname"] == "SalesDesk"
    finally:
        desk.stop()
