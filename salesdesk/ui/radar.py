"""The hexagonal radar of the six relationship dimensions (関係強度).

QtCharts' polar chart has a circular grid and draws a spoke from the centre for an area
series, so this is a small QPainter widget: a hexagonal grid for scores 1–5, the
previous assessment outlined (dashed), the current one filled, and need awareness as a
separate 0–5 gauge beside the hexagon (it is not a dimension of the relationship).
Everything is laid out from font metrics, so labels fit in Japanese and English and
at any device pixel ratio.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from salesdesk.core.relationship import DIMENSIONS, MAX_SCORE, MAX_TOTAL, NEED_AWARENESS, Scores
from salesdesk.ui.relationship_text import dimension_meaning, dimension_name

CURRENT_FILL = QColor(33, 110, 200, 110)
CURRENT_LINE = QColor(20, 80, 160)
PREVIOUS_LINE = QColor(150, 150, 150)
GRID = QColor(205, 205, 205)
NEED_FILL = QColor(230, 140, 30)


class RadarWidget(QWidget):
    """Six scores on a hexagon: current filled, previous outlined, need awareness beside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current: Scores | None = None
        self._previous: Scores | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(400, 280)
        self.setToolTip(
            "\n".join(f"{dimension_name(d)}: {dimension_meaning(d)}" for d in DIMENSIONS)
        )

    def sizeHint(self) -> QSize:
        return QSize(480, 320)

    def set_scores(self, current: Scores | None, previous: Scores | None = None) -> None:
        self._current = current
        self._previous = previous
        self.update()

    # -- geometry (public so tests can check what is drawn where) ----------------------------
    def _label_box(self) -> tuple[float, float]:
        fm = self.fontMetrics()
        # Only the four side vertices put a label beside the hexagon; top and bottom
        # labels are centred above and below it.
        sides = [d for i, d in enumerate(DIMENSIONS) if i % 3]
        width = max(fm.horizontalAdvance(f"{dimension_name(d)} 5") for d in sides)
        return float(width + 4), float(fm.height())

    def gauge_rect(self) -> QRectF:
        """Where the need-awareness gauge's bar is drawn."""
        fm = self.fontMetrics()
        title = dimension_name(NEED_AWARENESS)
        column = max(fm.horizontalAdvance(title), fm.horizontalAdvance("5 / 5"), 40) + 12
        top = fm.height() * 2.5
        bottom = self.height() - fm.height() * 1.8
        x = self.width() - column / 2 - 11
        return QRectF(x, top, 22, max(20.0, bottom - top))

    def centre_and_radius(self) -> tuple[QPointF, float]:
        label_w, label_h = self._label_box()
        gauge_left = self.gauge_rect().left() - 12
        # The hexagon (a vertex up) is 2·r·cos 30° wide; side labels sit beyond it.
        area_w = (gauge_left - 2 * (label_w + 6)) / math.cos(math.pi / 6)
        area_h = self.height() - label_h * 1.2 - 2 * (label_h + 8)
        radius = max(10.0, min(area_w, area_h) / 2)
        centre = QPointF(gauge_left / 2, label_h * 1.2 + (self.height() - label_h * 1.2) / 2)
        return centre, radius

    def vertex(self, index: int, value: float) -> QPointF:
        """Point of dimension ``index`` at ``value`` (0–5); the first points straight up."""
        centre, radius = self.centre_and_radius()
        angle = -math.pi / 2 + index * 2 * math.pi / len(DIMENSIONS)
        r = radius * value / MAX_SCORE
        return QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle))

    def polygon(self, scores: Scores) -> QPolygonF:
        return QPolygonF([self.vertex(i, scores.get(d)) for i, d in enumerate(DIMENSIONS)])

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        fm = self.fontMetrics()
        text_color = self.palette().text().color()

        # Grid: hexagons for 1..5 and the spokes.
        p.setPen(QPen(GRID, 1))
        for level in range(1, MAX_SCORE + 1):
            ring = QPolygonF([self.vertex(i, level) for i in range(len(DIMENSIONS))])
            p.drawPolygon(ring)
        centre, _radius = self.centre_and_radius()
        for i in range(len(DIMENSIONS)):
            p.drawLine(centre, self.vertex(i, MAX_SCORE))

        if self._previous is not None:
            pen = QPen(PREVIOUS_LINE, 2, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolygon(self.polygon(self._previous))
        if self._current is not None:
            p.setPen(QPen(CURRENT_LINE, 2))
            p.setBrush(CURRENT_FILL)
            p.drawPolygon(self.polygon(self._current))
            p.setBrush(CURRENT_LINE)
            for point in self.polygon(self._current):
                p.drawEllipse(point, 3, 3)

        # Labels just outside each vertex, with the score.
        p.setPen(text_color)
        for i, d in enumerate(DIMENSIONS):
            score = "–" if self._current is None else str(self._current.get(d))
            text = f"{dimension_name(d)} {score}"
            w, h = fm.horizontalAdvance(text) + 4, fm.height()
            tip = self.vertex(i, MAX_SCORE + 0.35)
            dx = tip.x() - centre.x()
            if abs(dx) < 1:
                x = tip.x() - w / 2
            elif dx > 0:
                x = tip.x()
            else:
                x = tip.x() - w
            y = tip.y() - h / 2
            if i == 0:
                y = tip.y() - h
            elif i == len(DIMENSIONS) // 2:
                y = tip.y()
            p.drawText(QRectF(x, y, w, h), Qt.AlignmentFlag.AlignCenter, text)

        # The total, top left.
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        total = "–" if self._current is None else str(self._current.total)
        p.drawText(
            QRectF(4, 2, self.width() - 8, fm.height() + 2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.tr("Relationship strength {0} / {1}").format(total, MAX_TOTAL),
        )
        self._paint_gauge(p, text_color)
        p.end()

    def _paint_gauge(self, p: QPainter, text_color: QColor) -> None:
        fm = self.fontMetrics()
        bar = self.gauge_rect()
        title = dimension_name(NEED_AWARENESS)
        p.setFont(self.font())
        p.setPen(text_color)
        title_w = fm.horizontalAdvance(title) + 4
        p.drawText(
            QRectF(
                bar.center().x() - title_w / 2, bar.top() - fm.height() * 1.3, title_w, fm.height()
            ),
            Qt.AlignmentFlag.AlignCenter,
            title,
        )
        p.setPen(QPen(GRID, 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(bar)
        for level in range(1, MAX_SCORE):
            y = bar.bottom() - bar.height() * level / MAX_SCORE
            p.drawLine(QPointF(bar.left(), y), QPointF(bar.right(), y))
        value = None if self._current is None else self._current.need_awareness
        if value:
            filled = QRectF(bar)
            filled.setTop(bar.bottom() - bar.height() * value / MAX_SCORE)
            p.fillRect(filled, NEED_FILL)
        p.setPen(text_color)
        label = "– / 5" if value is None else f"{value} / {MAX_SCORE}"
        w = fm.horizontalAdvance(label) + 4
        p.drawText(
            QRectF(bar.center().x() - w / 2, bar.bottom() + 4, w, fm.height()),
            Qt.AlignmentFlag.AlignCenter,
            label,
        )
