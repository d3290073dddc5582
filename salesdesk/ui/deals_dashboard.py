"""Reports > Deals dashboard: charts and, beside each, the numbers behind it.

- closing-asked rate (全件同一行動): of the deals that reached the closing stage, the share
  where the closing question was actually asked — overall and per month;
- outcome counts (open, ○, △, ×) and loss reasons by category;
- deals with a pending streak (△ three times in a row) and deals whose customer's
  decision deadline has passed;
- lost without the customer's word: must read zero, because the app refuses such a loss.

QtCharts is imported here, when the dialog opens, not at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesk.core.closing_rules import Dashboard, DealResult, LossCategory
from salesdesk.ui.deal_text import category_label, deal_stage_label, format_day, result_label
from salesdesk.ui.screen_fit import fit_to_screen, scrolling

BLUE, GREEN, RED, GREY = "#216ec8", "#2e7d32", "#c62828", "#6d7f99"


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.0f}%"


def bar_chart(
    title: str,
    categories: Sequence[str],
    values: Sequence[float],
    color: str,
    maximum: float | None = None,
    label_format: str = "@value",
    horizontal: bool = False,
) -> QChartView:
    """A small bar chart, one bar per category, values printed on the bars.

    Horizontal bars leave room for long category names (loss reasons in Japanese).
    """
    chart = QChart()
    chart.setTitle(title)
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.legend().hide()
    if horizontal:  # the first category on top, as the rep reads a list
        categories, values = list(reversed(categories)), list(reversed(values))
    series: QBarSeries | QHorizontalBarSeries = (
        QHorizontalBarSeries() if horizontal else QBarSeries()
    )
    bars = QBarSet(title)
    bars.setColor(QColor(color))
    bars.append(list(values))
    series.append(bars)
    series.setBarWidth(0.6)
    series.setLabelsVisible(True)
    series.setLabelsFormat(label_format)
    series.setLabelsPrecision(4)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideEnd)
    chart.addSeries(series)
    x_axis = QBarCategoryAxis()
    x_axis.append(list(categories))
    y_axis = QValueAxis()
    top = maximum if maximum is not None else max([4.0, *values]) * 1.15
    y_axis.setRange(0, top)
    y_axis.setLabelFormat("%d")
    y_axis.applyNiceNumbers()  # whole, round steps (counts are whole numbers)
    category_side, value_side = (
        (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
        if horizontal
        else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
    )
    chart.addAxis(x_axis, category_side)
    chart.addAxis(y_axis, value_side)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(420, 240)
    return view


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    header = table.horizontalHeader()
    for c in range(len(headers)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(110)
    return table


class DealsDashboard(QDialog):
    """Charts and the numbers behind them, for all deals."""

    def __init__(self, board: Dashboard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board = board
        self.setWindowTitle(self.tr("Deals dashboard"))

        # Closing question asked: overall in words, per month as bars.
        self.closing_summary = QLabel(self._closing_summary())
        self.closing_summary.setWordWrap(True)
        months = list(board.by_month)[-8:]  # the last eight months that had closings
        # Month names on the axis; the counts behind each bar in the table under it.
        short = QLocale.FormatType.ShortFormat
        month_labels = [QLocale().monthName(int(m.month[5:]), short) for m in months]
        self.closing_chart = bar_chart(
            self.tr("Closing question asked (%)"),
            month_labels or [self.tr("No closings yet")],
            [float(round((m.rate or 0.0) * 100)) for m in months] or [0.0],
            BLUE,
            maximum=100,
            label_format="@value%",
        )

        # Outcomes.
        outcomes = board.outcomes
        outcome_keys = ["open", DealResult.WON.value, DealResult.PENDING.value, "lost"]
        outcome_names = [
            result_label(None),
            result_label(DealResult.WON),
            result_label(DealResult.PENDING),
            result_label(DealResult.LOST),
        ]
        self.outcome_chart = bar_chart(
            self.tr("Deals by answer"),
            [
                f"{n}: {outcomes.get(k, 0)}"
                for n, k in zip(outcome_names, outcome_keys, strict=True)
            ],
            [float(outcomes.get(k, 0)) for k in outcome_keys],
            GREY,
        )

        # Loss reasons.
        reasons = board.loss_reasons
        self.loss_chart = bar_chart(
            self.tr("Losses by the customer's reason"),
            [category_label(c) for c in LossCategory],
            [float(reasons.get(c.value, 0)) for c in LossCategory],
            RED,
            horizontal=True,
        )

        # The honesty check: the app refuses a loss without the customer's word.
        self.lost_without_word = QLabel(
            self.tr("Lost without the customer's word: {0}").format(board.lost_without_word)
        )
        self.lost_without_word.setObjectName("lostWithoutWord")
        ok = board.lost_without_word == 0
        self.lost_without_word.setStyleSheet(
            f"#lostWithoutWord {{ font-weight: bold; padding: 6px; color: {GREEN if ok else RED};"
            f" border: 1px solid {GREEN if ok else RED}; }}"
        )
        self.lost_without_word.setToolTip(
            self.tr(
                "A deal is lost only on the customer's stated reason; without it the deal stays "
                "open as “no answer yet”. This number should always be zero."
            )
        )

        self.streak_table = _table(
            [self.tr("Company"), self.tr("Deal"), self.tr("△ in a row"), self.tr("Stage")],
            [
                [d.company, d.title, str(d.pending_streak), deal_stage_label(d.stage)]
                for d in board.streaks
            ],
        )
        self.overdue_table = _table(
            [self.tr("Company"), self.tr("Deal"), self.tr("Decision deadline"), self.tr("Answer")],
            [
                [d.company, d.title, format_day(d.decision_deadline), result_label(d.result)]
                for d in board.overdue
            ],
        )
        streaks = QGroupBox(self.tr("Pending streaks (△ 3 or more in a row): {0}").format(
            len(board.streaks)
        ))  # fmt: skip
        QVBoxLayout(streaks).addWidget(self.streak_table)
        overdue = QGroupBox(self.tr("Decision deadline passed, still open: {0}").format(
            len(board.overdue)
        ))  # fmt: skip
        QVBoxLayout(overdue).addWidget(self.overdue_table)

        closing = QGroupBox(self.tr("Same action for every deal"))
        closing_layout = QVBoxLayout(closing)
        closing_layout.addWidget(self.closing_summary)
        closing_layout.addWidget(self.closing_chart, 1)
        self.month_table = QTableWidget(2, len(months))
        self.month_table.setVerticalHeaderLabels(
            [self.tr("Reached closing"), self.tr("Question asked")]
        )
        self.month_table.setHorizontalHeaderLabels(month_labels)
        self.month_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for col, m in enumerate(months):
            for row, value in enumerate((m.reached, m.asked)):
                cell = QTableWidgetItem(str(value))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.month_table.setItem(row, col, cell)
        self.month_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.month_table.setFixedHeight(
            self.month_table.horizontalHeader().sizeHint().height()
            + 2 * self.month_table.verticalHeader().defaultSectionSize()
            + 4
        )
        self.month_table.setVisible(bool(months))
        closing_layout.addWidget(self.month_table)

        grid = QGridLayout()
        grid.addWidget(closing, 0, 0)
        grid.addWidget(self.outcome_chart, 0, 1)
        grid.addWidget(self.loss_chart, 1, 0)
        right = QVBoxLayout()
        right.addWidget(self.lost_without_word)
        right.addWidget(streaks, 1)
        right.addWidget(overdue, 1)
        grid.addLayout(right, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        page = QWidget()
        page.setLayout(grid)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(page), 1)  # a small screen scrolls; Close stays in view
        layout.addWidget(buttons)
        fit_to_screen(self, 1180, 760)

    def _closing_summary(self) -> str:
        b = self.board
        if b.closing_reached == 0:
            return self.tr("No deal has reached the closing stage yet.")
        return self.tr(
            "The closing question was asked on {0} of the {1} deals that reached closing ({2}). "
            "Ask it on every deal, every time: let the customer be the one who declines."
        ).format(b.closing_asked, b.closing_reached, percent(b.closing_asked_rate))
