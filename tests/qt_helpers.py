"""Small helpers shared by the Qt tests."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)


def show_active(qtbot: QtBot, widget: W) -> W:
    """Show ``widget`` and wait until it is the active window (so shortcuts reach it)."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget
