"""Window sizes that fit the rep's screen (a 1366×768 laptop is common)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QScrollArea, QWidget

#: Room left around a window on its screen: the title bar and the window's frame.
FRAME_ALLOWANCE = (16, 48)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width``×``height``, smaller where the screen's free area
    (without panels and task bars) is smaller."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        width = min(width, area.width() - FRAME_ALLOWANCE[0])
        height = min(height, area.height() - FRAME_ALLOWANCE[1])
    window.resize(max(width, 200), max(height, 150))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area: a tall page scrolls on a small screen
    instead of pushing the window's buttons off it."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def side_by_side(pair: QBoxLayout, wide: bool) -> None:
    """Lay ``pair`` out left to right when ``wide``, else top to bottom; a resize that
    keeps the same arrangement leaves the layout alone."""
    direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
    if pair.direction() != direction:
        pair.setDirection(direction)
