"""The Qt binding must not leak references to None.

PySide6 6.12.0 drops one reference to None per call of a Qt method that returns nothing.
On Python 3.11 None is an ordinary object, so a session of ordinary use (painting the
radar, filling the list) would end in "Fatal Python error: none_dealloc". pyproject.toml
excludes that release; this test fails on any binding that brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QLabel


def test_void_qt_calls_keep_none_alive(qapp: QApplication) -> None:
    image = QImage(32, 32, QImage.Format.Format_ARGB32)
    label = QLabel()
    before = sys.getrefcount(None)
    painter = QPainter(image)
    for _ in range(500):
        painter.drawLine(0, 0, 10, 10)
        painter.save()
        painter.restore()
        label.setText("x")
    painter.end()
    # Other code may take or drop a few references meanwhile; the bug drops 2,000 here.
    assert sys.getrefcount(None) > before - 100
