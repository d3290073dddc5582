"""Does the method work for this rep? Appointment success rate by relationship strength.

From the logged appointment requests (calls marked "asked for an appointment", and any
call that set one) and the strength at the time of each, a bar per strength band with
the success rate and, under it, the counts behind it — so "<1% cold vs 30–50% with a
relationship" can be checked on the rep's own data.
"""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
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


class StrengthAnalyticsChart(QChartView):
    """Bars: success rate (%) per band; the axis labels carry the counts."""

    def __init__(self, rates: list[BandRate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(560, 320)
        self.rates = rates
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitle(self.tr("Appointment success rate by relationship strength"))
        chart.legend().hide()
        bars = QBarSet(self.tr("Success rate"))
        bars.setColor(QColor(33, 110, 200))
        categories = []
        for r in rates:
            bars.append(0.0 if r.rate is None else r.rate * 100)
            # Axis labels are one line: the range of totals and the counts behind the bar
            # (the band names are in the table under the chart).
            band = band_label(r) if r.low is None else f"{r.low}–{r.high}"
            categories.append(self.tr("{0}: {1}/{2}").format(band, r.successes, r.requests))
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value%")
        series.setLabelsPrecision(3)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append(categories)
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
