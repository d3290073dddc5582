"""Does the method work for this rep? Appointment success rate by relationship strength.

From the logged appointment requests (calls marked "asked for an appointment", and any
call that set one) and the strength at the time of each, a bar per strength band with
the success rate and, under it, the counts behind it — so "<1% cold vs 30–50% with a
relationship" can be checked on the rep's own data. Each axis label is two short lines
(the band, then appointments set / requests); the chart is never narrower than those
labels need, so none of them is cut off. Hovering a bar tells the same in words.
"""

from __future__ import annotations

import html

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from salesdesk.core.relationship import NOT_ASSESSED, BandRate


def band_label(rate: BandRate) -> str:
    """The band's name with its range of totals, e.g. "Cold (0–5)"."""
    names = {
        NOT_ASSESSED: QCoreApplication.translate("StrengthAnalytics", "Not assessed"),
        "cold": QCoreApplication.translate("StrengthAnalytics", "Cold"),
        "weak": QCoreApplication.translate("StrengthAnalytics", "Weak"),
        "building": QCoreApplication.translate("StrengthAnalytics", "Building"),
        "strong": QCoreApplication.translate("StrengthAnalytics", "Strong"),
        "very_strong": QCoreApplication.translate("StrengthAnalytics", "Very strong"),
    }
    name = names.get(rate.band, rate.band)
    if rate.low is None:
        return name
    return f"{name} ({rate.low}–{rate.high})"


def rate_text(rate: BandRate) -> str:
    if rate.rate is None:
        return "—"
    return f"{rate.rate * 100:.0f}%"


def axis_lines(rate: BandRate) -> tuple[str, str]:
    """The two lines under a bar: the band (its range of totals), then set / asked."""
    band = band_label(rate) if rate.low is None else f"{rate.low}–{rate.high}"
    return band, f"{rate.successes}/{rate.requests}"


#: Room the chart keeps beside its bars (the percent axis and margins), and around a label.
_CHART_SIDE = 110
_LABEL_ROOM = 14


class StrengthAnalyticsChart(QChartView):
    """Bars: success rate (%) per band; under each, the band and the counts behind it."""

    def __init__(self, rates: list[BandRate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.rates = rates
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitle(self.tr("Appointment success rate by relationship strength"))
        chart.legend().hide()
        bars = QBarSet(self.tr("Success rate"))
        bars.setColor(QColor(33, 110, 200))
        self.label_lines = [axis_lines(r) for r in rates]
        for r in rates:
            bars.append(0.0 if r.rate is None else r.rate * 100)
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value%")
        series.setLabelsPrecision(3)
        series.hovered.connect(self._show_bar_tip)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        # Two short lines instead of one long one (the band names are in the table too).
        x_axis.append([f"<center>{html.escape(b)}<br>{c}</center>" for b, c in self.label_lines])
        y_axis = QValueAxis()
        y_axis.setRange(0, 100)
        y_axis.setLabelFormat("%d%%")
        y_axis.setTitleText(self.tr("Appointments set"))
        x_axis.setTitleText(
            self.tr("Relationship strength (total 0–30): appointments set / requests")
        )
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        self.setChart(chart)
        # Qt gives each label 1/(bars + 1) of the axis and cuts a longer one off with "...":
        # never narrower than the widest line needs.
        metrics = QFontMetrics(x_axis.labelsFont())
        widest = max(
            (metrics.horizontalAdvance(line) for pair in self.label_lines for line in pair),
            default=0,
        )
        self.setMinimumSize(max(560, _CHART_SIDE + (len(rates) + 1) * (widest + _LABEL_ROOM)), 320)

    def bar_tip(self, index: int) -> str:
        """What hovering a bar says: the band, and the counts in words."""
        r = self.rates[index]
        counts = self.tr("{0} of {1} requests got the appointment ({2})").format(
            r.successes, r.requests, rate_text(r)
        )
        return f"{band_label(r)}\n{counts}"

    def _show_bar_tip(self, status: bool, index: int, _bars: QBarSet) -> None:
        if status and 0 <= index < len(self.rates):
            QToolTip.showText(QCursor.pos(), self.bar_tip(index), self)
        else:
            QToolTip.hideText()


class StrengthAnalyticsDialog(QDialog):
    """The chart with a table of the same numbers under it."""

    def __init__(self, rates: list[BandRate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Appointment success by strength"))
        self.resize(980, 640)
        self.chart = StrengthAnalyticsChart(rates)
        asked = sum(r.requests for r in rates)
        intro = QLabel(
            self.tr(
                "%n appointment request(s) logged. Strength is the latest assessment made "
                "before each request.",
                "",
                asked,
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(rates), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Strength"), self.tr("Requests"), self.tr("Appointments set"), self.tr("Rate")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, r in enumerate(rates):
            values = [band_label(r), str(r.requests), str(r.successes), rate_text(r)]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Tall enough for every band: the numbers are the point, never behind a scroll bar.
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(i) for i in range(self.table.rowCount()))
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(rows + header + 2 * self.table.frameWidth() + 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
