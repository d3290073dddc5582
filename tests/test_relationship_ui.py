"""The relationship panel, radar, timeline, analytics and decision warning, as a rep uses them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from salesdesk.config import Settings
from salesdesk.core.db import Database
from salesdesk.core.enums import InteractionKind, Outcome, Stage
from salesdesk.core.records import CallInput, ContactInput, ProspectInput
from salesdesk.core.relationship import (
    DIMENSIONS,
    NOT_ASSESSED,
    SCORE_KEYS,
    BandRate,
    RelationshipService,
    Scores,
)
from salesdesk.core.services import Services
from salesdesk.ui.call_dialog import CallDialog
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.prospect_model import ProspectTableModel
from salesdesk.ui.radar import CURRENT_FILL, RadarWidget
from salesdesk.ui.relationship_panel import RelationshipPanel
from salesdesk.ui.strength_analytics import StrengthAnalyticsDialog
from salesdesk.ui.strength_timeline import StrengthTimeline

NOW = datetime.now(UTC)


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    shown: list[str] = []
    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda *a, k=kind: shown.append(k) or QMessageBox.StandardButton.Ok
        )
    yield shown
    assert shown == []


@pytest.fixture
def services(db: Database) -> Services:
    return Services.create(db)


@pytest.fixture
def rel(services: Services) -> RelationshipService:
    return RelationshipService(services.db, services.clock, services.listing)


@pytest.fixture
def pid(services: Services) -> str:
    pid = services.prospects.create(ProspectInput("山田製作所", "ヤマダ", stage=Stage.APPROACH))
    services.prospects.add_contact(pid, ContactInput("山田 太郎", title="代表取締役"))
    return pid


@pytest.fixture
def panel(qtbot: QtBot, rel: RelationshipService, pid: str) -> RelationshipPanel:
    widget = RelationshipPanel(rel)
    qtbot.addWidget(widget)
    widget.resize(520, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_prospect(pid)
    return widget


# -- radar -------------------------------------------------------------------------------
def render(widget: RadarWidget) -> QImage:
    image = QImage(widget.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    widget.render(image)
    return image


def is_fill(color: QColor) -> bool:
    """Blue-ish fill blended over white (the current polygon)."""
    return color.blue() > color.red() + 40 and color.blue() > 150


def test_radar_fills_inside_the_current_polygon_and_nothing_outside(qtbot: QtBot) -> None:
    radar = RadarWidget()
    qtbot.addWidget(radar)
    radar.resize(480, 320)
    scores = Scores(
        business=5, empathy=5, contribution=1, multi_contact=1, key_contact=1, voluntary=1
    )
    radar.set_scores(scores)
    image = render(radar)

    def at(index: int, value: float) -> QColor:
        p = radar.vertex(index, value)
        return image.pixelColor(QPoint(round(p.x()), round(p.y())))

    # Inside: towards business (5) and empathy (5), well within the polygon.
    assert is_fill(at(0, 3.5)), at(0, 3.5).name()
    assert is_fill(at(1, 3.5))
    # Outside: beyond the score of contribution (1), between grid lines.
    assert not is_fill(at(2, 3.5)), at(2, 3.5).name()
    assert not is_fill(at(4, 4.5))
    # The fill is the current colour, not just any blue.
    assert CURRENT_FILL.alpha() < 255


def test_radar_without_scores_draws_no_polygon(qtbot: QtBot) -> None:
    radar = RadarWidget()
    qtbot.addWidget(radar)
    radar.resize(480, 320)
    image = render(radar)
    for i in range(len(DIMENSIONS)):
        p = radar.vertex(i, 2.5)
        assert not is_fill(image.pixelColor(QPoint(round(p.x()), round(p.y()))))


def test_radar_polygon_follows_the_scores(qtbot: QtBot) -> None:
    radar = RadarWidget()
    qtbot.addWidget(radar)
    radar.resize(480, 320)
    centre, radius = radar.centre_and_radius()
    top = radar.polygon(Scores(business=5)).at(0)
    assert top.x() == pytest.approx(centre.x())
    assert centre.y() - top.y() == pytest.approx(radius)
    assert radar.polygon(Scores()).at(3) == centre


def test_radar_labels_fit_inside_the_widget_in_both_sizes(qtbot: QtBot) -> None:
    radar = RadarWidget()
    qtbot.addWidget(radar)
    for size in ((400, 280), (700, 500)):
        radar.resize(*size)
        _centre, radius = radar.centre_and_radius()
        assert radius > 60
        left = radar.vertex(4, 5.35).x() - radar.fontMetrics().horizontalAdvance("Key contact 5")
        assert left >= 0
        right = radar.vertex(2, 5.35).x() + radar.fontMetrics().horizontalAdvance("Contribution 5")
        assert right <= radar.gauge_rect().left()
        assert radar.gauge_rect().right() <= radar.width()


# -- panel ----------------------------------------------------------------------------------
def test_keyboard_tab_between_scores_and_digits_or_arrows_set_them(
    qtbot: QtBot, panel: RelationshipPanel, rel: RelationshipService, pid: str
) -> None:
    first = panel.inputs["business"]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_2)
    assert first.value() == 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.inputs["empathy"]
    qtbot.keyClick(panel.inputs["empathy"], Qt.Key.Key_Right)
    qtbot.keyClick(panel.inputs["empathy"], Qt.Key.Key_Right)
    qtbot.keyClick(panel.inputs["empathy"], Qt.Key.Key_Left)
    assert panel.inputs["empathy"].value() == 1
    qtbot.keyClick(panel.inputs["empathy"], Qt.Key.Key_9)  # not a score: ignored
    assert panel.inputs["empathy"].value() == 1
    assert panel.unsaved.text() == "Not saved yet"
    qtbot.keyClick(panel.inputs["empathy"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    latest = rel.latest(pid)
    assert latest is not None
    assert (latest.scores.business, latest.scores.empathy) == (2, 1)
    assert panel.unsaved.text() == ""


def test_every_row_explains_its_dimension_on_hover(panel: RelationshipPanel) -> None:
    for key in SCORE_KEYS:
        assert len(panel.inputs[key].toolTip()) > 30
        assert panel.row_labels[key].toolTip()
    assert "decision maker" in panel.inputs["key_contact"].toolTip()


def test_saving_twice_keeps_both_in_the_history(
    panel: RelationshipPanel, rel: RelationshipService, pid: str
) -> None:
    panel.inputs["empathy"].setValue(2)
    panel.note.setText("話が合った")
    assert panel.save()
    panel.inputs["empathy"].setValue(4)
    assert panel.save()
    assert [a.scores.empathy for a in rel.history(pid)] == [2, 4]
    assert rel.history(pid)[0].note == "話が合った"
    assert panel.timeline is not None and set(panel.timeline.series) >= {"total", *SCORE_KEYS}
    assert panel.timeline.series["empathy"].count() == 2


def test_a_suggestion_is_used_with_one_click_and_never_saved_by_itself(
    qtbot: QtBot, panel: RelationshipPanel, rel: RelationshipService, pid: str
) -> None:
    button = panel.suggestion_buttons["key_contact"]
    assert panel.inputs["key_contact"].value() == 0
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert panel.inputs["key_contact"].value() == 3  # 代表取締役
    assert rel.history(pid) == []  # nothing stored until Save
    assert panel.save()
    latest = rel.latest(pid)
    assert latest is not None and latest.scores.key_contact == 3
    assert "key_contact" not in panel.suggestion_buttons


def test_next_best_action_is_shown_in_plain_words(
    panel: RelationshipPanel, rel: RelationshipService, pid: str
) -> None:
    assert "Score the relationship first" in panel.action.text()
    rel.save(pid, Scores(empathy=3, contribution=1))
    panel.reload()
    assert "Contribute" in panel.action.text()


# -- call dialog warning --------------------------------------------------------------------
def closing_dialog(qtbot: QtBot, pid: str, check: Any) -> CallDialog:
    dlg = CallDialog(pid, "山田製作所", (), None, [], on_save=lambda d: None, decision_check=check)
    qtbot.addWidget(dlg, before_close_func=lambda d: d.done(0))
    dlg.summary.setText("クロージング")
    dlg.kind.setCurrentIndex(dlg.kind.findData(InteractionKind.CLOSING))
    dlg.no_next_step.setChecked(True)
    return dlg


def test_asking_for_a_decision_too_early_warns_then_saves_anyway(qtbot: QtBot, pid: str) -> None:
    asked: list[CallInput] = []

    def check(data: CallInput) -> list[str]:
        asked.append(data)
        return ["Empathy", "Need awareness"]

    dlg = closing_dialog(qtbot, pid, check)
    dlg.accept()
    assert dlg.result() != QDialog.DialogCode.Accepted and dlg.saved_input is None
    assert dlg.decision_warning.isVisibleTo(dlg)
    assert "Empathy, Need awareness" in dlg.decision_warning.text()
    save = dlg.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.text() == "Save anyway"
    dlg.accept()  # the rep decides: never blocked
    assert dlg.saved_input is not None and len(asked) == 1


def test_no_warning_when_the_relationship_is_strong(qtbot: QtBot, pid: str) -> None:
    dlg = closing_dialog(qtbot, pid, lambda d: [])
    dlg.accept()
    assert dlg.saved_input is not None
    assert not dlg.decision_warning.isVisibleTo(dlg)


# -- the real window --------------------------------------------------------------------------
@pytest.fixture
def window(qtbot: QtBot, services: Services, pid: str) -> MainWindow:
    win = MainWindow(services, Settings(decision_min_need_awareness=3))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_window_warns_with_the_weak_dimensions_of_the_prospect(
    window: MainWindow, rel: RelationshipService, pid: str
) -> None:
    rel.save(pid, Scores(0, 4, 4, 4, 4, 4, need_awareness=1))
    data = CallInput(pid, "x", kind=InteractionKind.OTHER, appointment_requested=True)
    assert window._decision_check(data) == ["Business", "Need awareness"]
    calm = CallInput(pid, "x", kind=InteractionKind.INFORMATION, outcome=Outcome.REACHED)
    assert window._decision_check(calm) == []


def test_saving_in_the_relationship_tab_updates_the_list(
    qtbot: QtBot, window: MainWindow, pid: str
) -> None:
    window.select_prospect(pid)
    window.detail.tabs.setCurrentWidget(window.detail.relationship)
    panel = window.detail.relationship
    qtbot.waitUntil(lambda: panel.prospect_id == pid and panel.isVisible())
    panel.inputs["empathy"].setValue(3)
    panel.inputs["contribution"].setValue(2)
    assert panel.save()

    def strength_cell() -> object:
        return window.model.index(window.model.row_of(pid), ProspectTableModel.COL_STRENGTH)

    qtbot.waitUntil(lambda: strength_cell().data() == "5")  # type: ignore[attr-defined]
    assert "5 / 30" in strength_cell().data(Qt.ItemDataRole.ToolTipRole)  # type: ignore[attr-defined]


def test_relationship_filters_in_the_window(
    qtbot: QtBot, window: MainWindow, services: Services, rel: RelationshipService, pid: str
) -> None:
    other = services.prospects.create(ProspectInput("田中物産", "タナカ"))
    rel.save(pid, Scores(3, 3, 0, 3, 3, 3))
    rel.save(other, Scores(3, 3, 3, 3, 0, 3), assessed_at=NOW - timedelta(days=40))
    window.weakest_filter.setCurrentIndex(window.weakest_filter.findData("contribution"))
    assert [window.model.id_at(r) for r in range(window.model.rowCount())] == [pid]
    window.weakest_filter.setCurrentIndex(0)
    window.stale_filter.setChecked(True)
    assert [window.model.id_at(r) for r in range(window.model.rowCount())] == [other]


# -- analytics -----------------------------------------------------------------------------------
def test_analytics_shows_rates_with_the_counts_behind_them(qtbot: QtBot) -> None:
    rates = [
        BandRate(NOT_ASSESSED, None, None, 4, 0),
        BandRate("cold", 0, 5, 50, 1),
        BandRate("weak", 6, 11, 0, 0),
        BandRate("building", 12, 17, 10, 3),
        BandRate("strong", 18, 23, 8, 3),
        BandRate("very_strong", 24, 30, 4, 2),
    ]
    dlg = StrengthAnalyticsDialog(rates)
    qtbot.addWidget(dlg, before_close_func=lambda d: d.done(0))
    table = dlg.table
    cold = [table.item(1, c).text() for c in range(4)]
    assert cold == ["Cold (0–5)", "50", "1", "2%"]
    assert table.item(2, 3).text() == "—"  # no requests: no rate, not 0%
    bars = dlg.chart.chart().series()[0].barSets()[0]
    assert [round(bars.at(i)) for i in range(6)] == [0, 2, 0, 30, 38, 50]
    labels = dlg.chart.chart().axes(Qt.Orientation.Horizontal)[0].categories()
    assert labels[1] == "<center>0–5<br>1/50</center>"  # the band, then set / asked
    assert labels[0] == "<center>Not assessed<br>0/4</center>"
    assert dlg.chart.bar_tip(1) == "Cold (0–5)\n1 of 50 requests got the appointment (2%)"


def test_analytics_axis_labels_are_not_cut_off_at_the_smallest_size(qtbot: QtBot) -> None:
    rates = [
        BandRate(NOT_ASSESSED, None, None, 184, 146),
        BandRate("cold", 0, 5, 13, 8),
        BandRate("weak", 6, 11, 17, 11),
        BandRate("building", 12, 17, 20, 17),
        BandRate("strong", 18, 23, 33, 31),
        BandRate("very_strong", 24, 30, 1100, 800),
    ]
    dlg = StrengthAnalyticsDialog(rates)
    qtbot.addWidget(dlg, before_close_func=lambda d: d.done(0))
    dlg.resize(dlg.minimumSizeHint())
    dlg.show()
    qtbot.waitExposed(dlg)
    chart = dlg.chart.chart()
    qtbot.waitUntil(lambda: chart.plotArea().width() > 0)
    axis = chart.axes(Qt.Orientation.Horizontal)[0]
    # Qt gives each bar category label 1/(bars + 1) of the axis, less 4 px each side, and
    # puts "..." in place of what does not fit.
    room = chart.plotArea().width() / (len(rates) + 1) - 8
    metrics = QFontMetrics(axis.labelsFont())
    for band, counts in dlg.chart.label_lines:
        assert metrics.horizontalAdvance(band) <= room, band
        assert metrics.horizontalAdvance(counts) <= room, counts


def test_timeline_empty_then_filled(qtbot: QtBot, rel: RelationshipService, pid: str) -> None:
    chart = StrengthTimeline()
    qtbot.addWidget(chart)
    assert chart.series == {}
    rel.save(pid, Scores(empathy=1), assessed_at=NOW - timedelta(days=10))
    rel.save(pid, Scores(empathy=3, contribution=2))
    chart.set_history(rel.history(pid))
    total = chart.series["total"]
    assert [total.at(i).y() for i in range(total.count())] == [1, 5]


def test_scores_sit_beside_the_radar_in_a_wide_panel_and_under_it_in_a_narrow_one(
    qtbot: QtBot, panel: RelationshipPanel
) -> None:
    def box(widget: QWidget) -> QRect:  # where the rep sees it, in the panel
        return QRect(widget.mapTo(panel, QPoint(0, 0)), widget.size())

    panel.resize(1100, 700)
    panel.show()
    qtbot.waitUntil(lambda: panel.side_by_side)
    # Beside: the scores right of the radar, their tops level; both in view at once.
    qtbot.waitUntil(lambda: box(panel.editor).left() > box(panel.radar).right())
    assert box(panel.editor).top() == box(panel.radar).top()
    panel.resize(480, 700)
    qtbot.waitUntil(lambda: not panel.side_by_side)
    qtbot.waitUntil(lambda: box(panel.editor).top() > box(panel.radar).bottom())
    # Right under the radar and its date, before the advice below.
    assert box(panel.editor).top() - box(panel.radar).bottom() < 80
