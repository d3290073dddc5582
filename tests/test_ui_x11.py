"""The real window on a real X server: it paints, and Japanese comes out as glyphs, not boxes.

Run with: QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" pytest -m x11
Set SALESDESK_SCREENSHOT_DIR to keep the screenshots for a look by eye.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontDatabase, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from salesdesk.config import Settings
from salesdesk.core.db import Database
from salesdesk.core.records import ContactInput, ProspectInput
from salesdesk.core.services import Services
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.prospect_model import ProspectTableModel

M = ProspectTableModel

pytestmark = [
    pytest.mark.x11,
    pytest.mark.skipif(
        os.environ.get("QT_QPA_PLATFORM") != "xcb" or not os.environ.get("DISPLAY"),
        reason="needs a real X server: QT_QPA_PLATFORM=xcb xvfb-run -a pytest -m x11",
    ),
]

# Sorted by reading: rows 0 and 2 share a background (alternating colours) and have
# names of the same length, so only the glyphs can tell their cells apart.
PROSPECTS = [
    ("佐藤工業", "サトウコウギョウ"),
    ("鈴木商事", "スズキショウジ"),
    ("高橋物産", "タカハシブッサン"),
    ("山田電機", "ヤマダデンキ"),
]


def as_rgb32(image: QImage) -> QImage:
    return image.convertToFormat(QImage.Format.Format_RGB32)


def pixels(image: QImage) -> list[int]:
    img = as_rgb32(image)
    width, height = img.width(), img.height()
    raw = memoryview(img.constBits()).cast("B")
    row_bytes = img.bytesPerLine()
    out: list[int] = []
    for y in range(height):
        line = raw[y * row_bytes : y * row_bytes + width * 4].cast("I")
        out.extend(line)
    return out


def ink(image: QImage) -> int:
    """How many pixels differ from the image's most common colour (its background)."""
    px = pixels(image)
    background, _count = Counter(px).most_common(1)[0]
    return sum(1 for p in px if p != background)


def differing(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    return sum(1 for p, q in zip(pixels(a), pixels(b), strict=True) if p != q)


def cell_image(window: MainWindow, row: int, col: int) -> QImage:
    """What the table shows in one cell, gridlines left out."""
    rect = window.table.visualRect(window.model.index(row, col)).adjusted(2, 2, -2, -2)
    return window.table.viewport().grab(rect).toImage()


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> MainWindow:
    services = Services.create(db)
    ids = [services.prospects.create(ProspectInput(c, k)) for c, k in PROSPECTS]
    services.prospects.add_contact(ids[0], ContactInput("佐藤花子", "サトウハナコ", title="部長"))
    win = MainWindow(services, Settings())
    qtbot.addWidget(win)
    show_active(qtbot, win)
    return win


def test_runs_on_the_real_x_platform(qapp: QApplication) -> None:
    assert QGuiApplication.platformName() == "xcb"


def test_a_font_for_japanese_is_installed(qapp: QApplication) -> None:
    families = QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
    assert families, "no Japanese font: install fonts-ipafont-gothic"


def test_screenshot_of_the_main_window_is_not_blank(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.select_prospect(window.model.id_at(0))
    title = window.detail.title
    assert title.text() == "佐藤工業"
    screen = window.screen()

    def screenshot() -> QImage:
        # From the X server itself, not Qt's own backing store.
        return screen.grabWindow(window.winId()).toImage()

    def title_on_screen() -> bool:
        # The X server shows the selected prospect once Qt has painted and flushed.
        top_left = title.mapTo(window, QPoint(0, 0))
        width = title.fontMetrics().horizontalAdvance(title.text()) + 8
        region = screen.grabWindow(
            window.winId(), top_left.x(), top_left.y(), width, title.height()
        )
        return ink(region.toImage()) > 150

    qtbot.waitUntil(title_on_screen, timeout=5000)
    shot = screenshot()
    assert len(set(pixels(shot))) > 64  # text, icons and frames: many colours
    assert shot.width() >= 800 and shot.height() >= 500
    path = tmp_path / "main_window.png"
    assert shot.save(str(path))
    assert path.stat().st_size > 10_000
    assert QImage(str(path)).size() == shot.size()
    keep = os.environ.get("SALESDESK_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)


def test_japanese_company_names_are_drawn_as_distinct_glyphs(window: MainWindow) -> None:
    model = window.model
    assert [model.index(r, M.COL_COMPANY).data() for r in range(4)] == [c for c, _ in PROSPECTS]

    name_a = cell_image(window, 0, M.COL_COMPANY)
    empty = cell_image(window, 0, M.COL_LAST)  # same row, nothing in it
    name_b = cell_image(window, 2, M.COL_COMPANY)

    assert model.index(0, M.COL_LAST).data() == ""
    assert ink(empty) == 0, "the empty cell should be plain background"
    # Four kanji at the default size leave well over a hundred pixels of ink.
    assert ink(name_a) > 150
    assert ink(name_b) > 150
    # Missing glyphs would be drawn as identical boxes: 佐藤工業 and 高橋物産 would match.
    assert differing(name_a, name_b) > 100


def test_detail_panel_draws_the_japanese_title(window: MainWindow) -> None:
    window.select_prospect(window.model.id_at(0))
    title = window.detail.title
    assert title.text() == "佐藤工業"
    text_width = title.fontMetrics().horizontalAdvance(title.text())
    drawn = title.grab(QRect(0, 0, min(title.width(), text_width + 8), title.height()))
    assert ink(drawn.toImage()) > 150
