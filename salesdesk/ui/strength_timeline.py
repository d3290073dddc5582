"""Relationship strength over time: the total (0–30) and each dimension (0–5).

QtCharts (pyside6-addons) line chart with a date axis; the total is the thick line on
the left axis, the six dimensions and need awareness are thin lines on the right axis.
Clicking a legend entry hides or shows its line, so one dimension can be followed alone.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QChart,
    QChartView,
    QDateTimeAxis,
    QLegendMarker,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from salesdesk.core.relationship import DIMENSIONS, MAX_SCORE, MAX_TOTAL, NEED_AWARENESS, Assessment
from salesdesk.ui.relationship_text import dimension_name

#: One colour per score key, the total in black.
COLOURS = {
    "business": QColor("#8c564b"),
    "empathy": QColor("#d62728"),
    "contribution": QColor("#2ca02c"),
    "multi_contact": QColor("#9467bd"),
    "key_contact": QColor("#1f77b4"),
    "voluntary": QColor("#17becf"),
    NEED_AWARENESS: QColor("#ff7f0e"),
}


def _msecs(a: Assessment) -> float:
    return float(a.assessed_at.timestamp() * 1000)


class StrengthTimeline(QChartView):
    """Line chart of the assessment history (oldest to newest)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(300)
        self.series: dict[str, QLineSeries] = {}
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        # On the right: at the bottom, seven names do not fit a narrow panel.
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setChart(chart)
        self.set_history([])

    def set_history(self, history: list[Assessment]) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.series.clear()
        if not history:
            chart.setTitle(self.tr("No assessments yet"))
            return
        chart.setTitle(self.tr("Relationship strength over time"))
        x_axis = QDateTimeAxis()
        x_axis.setFormat("yyyy-MM-dd")
        first, last = history[0].assessed_at, history[-1].assessed_at
        start = QDateTime.fromMSecsSinceEpoch(int(first.timestamp() * 1000)).addDays(-3)
        end = QDateTime.fromMSecsSinceEpoch(int(last.timestamp() * 1000)).addDays(3)
        x_axis.setRange(start, end)
        x_axis.setTickCount(min(6, max(2, len(history))))
        total_axis = QValueAxis()
        total_axis.setRange(0, MAX_TOTAL)
        total_axis.setTickCount(7)
        total_axis.setLabelFormat("%d")
        total_axis.setTitleText(self.tr("Total"))
        score_axis = QValueAxis()
        score_axis.setRange(0, MAX_SCORE)
        score_axis.setTickCount(6)
        score_axis.setLabelFormat("%d")
        score_axis.setTitleText(self.tr("Score"))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(total_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(score_axis, Qt.AlignmentFlag.AlignRight)

        total = QLineSeries()
        total.setName(self.tr("Total"))
        total.setPen(QPen(QColor("#202020"), 3))
        total.setPointsVisible(True)
        for a in history:
            total.append(_msecs(a), a.scores.total)
        self._add(chart, "total", total, x_axis, total_axis)
        for key in (*DIMENSIONS, NEED_AWARENESS):
            line = QLineSeries()
            line.setName(dimension_name(key))
            style = Qt.PenStyle.DashLine if key == NEED_AWARENESS else Qt.PenStyle.SolidLine
            line.setPen(QPen(COLOURS[key], 1.5, style))
            for a in history:
                line.append(_msecs(a), a.scores.get(key))
            self._add(chart, key, line, x_axis, score_axis)
        for marker in chart.legend().markers():
            marker.clicked.connect(lambda m=marker: self._toggle(m))

    def _add(
        self, chart: QChart, key: str, line: QLineSeries, x: QDateTimeAxis, y: QValueAxis
    ) -> None:
        chart.addSeries(line)
        line.attachAxis(x)
        line.attachAxis(y)
        self.series[key] = line

    def _toggle(self, marker: QLegendMarker) -> None:
        series = marker.series()
        series.setVisible(not series.isVisible())
        marker.setVisible(True)  # the legend entry stays, greyed out
        marker.setLabelBrush(self.palette().text() if series.isVisible() else QColor(160, 160, 160))
