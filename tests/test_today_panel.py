"""The day's list as a rep starts the day with it: order, colours, texts, and the keys."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from salesdesk.config import Settings
from salesdesk.core.action_items import ActionItemInput
from salesdesk.core.complaints import ComplaintInput
from salesdesk.core.db import Database
from salesdesk.core.enums import FollowUpStatus, InteractionKind
from salesdesk.core.followups import SnoozeChoice
from salesdesk.core.records import ProspectInput
from salesdesk.core.services import Services
from salesdesk.ui import today_panel
from salesdesk.ui.item_actions import ItemActions
from salesdesk.ui.item_dialogs import MomentDialog
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.prospect_model import OVERDUE_COLOR
from salesdesk.ui.today_panel import CHECK_COLOR, TodayModel, TodayPanel, late_text

T0 = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)  # noon in Tokyo, 03:00 in UTC: same day in both


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Day:
    echigo: str
    aoba: str
    late_call: str  # follow-ups
    today_call: str
    week_call: str
    late_item: str  # customer items
    week_item: str
    complaint: str


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    shown: list[str] = []
    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, k=kind, **kw: shown.append(k))
    yield shown


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def services(db: Database, clock: FakeClock) -> Services:
    return Services.create(db, clock)


@pytest.fixture
def day(services: Services) -> Day:
    echigo = services.prospects.create(ProspectInput("株式会社越後精工", "エチゴセイコウ"))
    aoba = services.prospects.create(ProspectInput("青葉商事", "アオバショウジ", is_customer=True))
    fu = services.follow_ups
    late_call = fu.schedule(echigo, T0 - timedelta(days=2, hours=1), "見積もりの回答を伺う")
    today_call = fu.schedule(
        aoba, T0 + timedelta(hours=2), "使い勝手を伺う", InteractionKind.GOODWILL
    )
    week_call = fu.schedule(echigo, T0 + timedelta(days=4), "新製品のご案内")
    items = services.action_items
    late_item = items.add(ActionItemInput(echigo, "仕様の決定", T0 - timedelta(minutes=40)))
    week_item = items.add(ActionItemInput(aoba, "社内稟議の結果", T0 + timedelta(days=2)))
    complaint = services.complaints.open(
        ComplaintInput(aoba, "色違い\n校正刷りと違う", opened_at=T0 - timedelta(days=5))
    )
    return Day(echigo, aoba, late_call, today_call, week_call, late_item, week_item, complaint)


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def panel(qtbot: QtBot, services: Services, day: Day, stack: QUndoStack) -> TodayPanel:
    widget = TodayPanel(services, ItemActions(services, stack))
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    return show_active(qtbot, widget)


def rows(model: TodayModel) -> list[tuple[str, list[str]]]:
    """(bucket header, [what of each entry]) in display order."""
    out = []
    for g in range(model.rowCount()):
        parent = model.index(g, 0)
        texts = []
        for r in range(model.rowCount(parent)):
            entry = model.entry(model.index(r, 0, parent)) is not None
            col = TodayModel.COL_WHAT if entry else 0  # "… and N more" spans the row
            texts.append(model.index(r, col, parent).data())
        out.append((parent.data(), texts))
    return out


def cell(model: TodayModel, entry_id: str, col: int, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    for source_index in _entry_indexes(model):
        if model.entry(source_index).id == entry_id:  # type: ignore[union-attr]
            return model.index(source_index.row(), col, source_index.parent()).data(role)
    raise AssertionError(f"{entry_id} not listed")


def _entry_indexes(model: TodayModel) -> list[QModelIndex]:
    found = []
    for g in range(model.rowCount()):
        parent = model.index(g, 0)
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            if model.entry(index) is not None:
                found.append(index)
    return found


def select(panel: TodayPanel, entry_id: str) -> None:
    index = next(i for i in _entry_indexes(panel.model) if panel.model.entry(i).id == entry_id)  # type: ignore[union-attr]
    panel.view.setCurrentIndex(index)


def test_overdue_first_in_red_then_today_then_the_week(panel: TodayPanel, day: Day) -> None:
    model = panel.model
    assert rows(model) == [
        (
            "Overdue (3)",
            [
                "見積もりの回答を伺う",
                "No contact for 5 days: 色違い 校正刷りと違う",
                "仕様の決定",
            ],
        ),
        ("Due today (1)", ["使い勝手を伺う"]),
        ("This week (2)", ["社内稟議の結果", "新製品のご案内"]),
    ]
    assert panel.summary.text() == "3 overdue · 1 due today · 2 later this week"
    # How late, at a glance.
    assert cell(model, day.late_call, TodayModel.COL_WHEN).endswith("· 2 days late")
    assert cell(model, day.late_item, TodayModel.COL_WHEN).endswith("· 40 min late")
    red = Qt.ItemDataRole.ForegroundRole
    for entry_id in (day.late_call, day.late_item, day.complaint):
        for col in range(4):
            assert cell(model, entry_id, col, red).color() == OVERDUE_COLOR
    assert cell(model, day.today_call, TodayModel.COL_WHAT, red) is None
    # The company and what the contact brings them.
    assert cell(model, day.today_call, TodayModel.COL_COMPANY) == "青葉商事"
    assert cell(model, day.today_call, TodayModel.COL_TYPE) == "Goodwill"
    # Two days before the deadline, inside the three days' lead: time for a friendly check.
    assert cell(model, day.week_item, TodayModel.COL_TYPE) == "Friendly check due"
    assert cell(model, day.week_item, TodayModel.COL_TYPE, red).color() == CHECK_COLOR
    assert cell(model, day.late_item, TodayModel.COL_TYPE) == "Customer's deadline"
    # The first entry is ready for the keys.
    assert panel.current_entry() is not None and panel.current_entry().id == day.late_call


def test_late_text_in_minutes_hours_and_days() -> None:
    assert late_text(T0, T0 + timedelta(seconds=20)) == "1 min late"
    assert late_text(T0, T0 + timedelta(hours=3, minutes=5)) == "3 h late"
    assert late_text(T0, T0 + timedelta(days=9, hours=23)) == "9 days late"


def test_done_completes_the_follow_up_and_undo_reopens_it(
    qtbot: QtBot, panel: TodayPanel, services: Services, day: Day, stack: QUndoStack
) -> None:
    select(panel, day.late_call)
    panel.view.setFocus()
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert services.follow_ups.get(day.late_call).status is FollowUpStatus.DONE
    assert rows(panel.model)[0][0] == "Overdue (2)"
    assert day.late_call not in [e.id for e in panel.model.entries()]
    # The cursor stays where the done entry was: on the next one.
    assert panel.current_entry().id == day.complaint  # type: ignore[union-attr]
    with qtbot.waitSignal(panel.changed):
        stack.undo()
    assert services.follow_ups.get(day.late_call).status is FollowUpStatus.OPEN
    assert rows(panel.model)[0][0] == "Overdue (3)"


def test_done_on_a_customer_item_and_undo(
    qtbot: QtBot, panel: TodayPanel, services: Services, day: Day, stack: QUndoStack
) -> None:
    select(panel, day.week_item)
    panel.done_action.trigger()
    assert not services.action_items.get(day.week_item).is_open()
    assert rows(panel.model)[2] == ("This week (1)", ["新製品のご案内"])
    stack.undo()
    assert services.action_items.get(day.week_item).is_open()
    assert len(rows(panel.model)[2][1]) == 2


def test_snooze_an_hour_shows_until_when_and_undo_takes_it_back(
    qtbot: QtBot, panel: TodayPanel, services: Services, day: Day, stack: QUndoStack
) -> None:
    select(panel, day.today_call)
    with qtbot.waitSignal(panel.changed):
        panel.snooze_actions[SnoozeChoice.ONE_HOUR].trigger()
    assert services.follow_ups.get(day.today_call).snoozed_until == T0 + timedelta(hours=1)
    assert services.follow_ups.get(day.today_call).due_at == T0 + timedelta(hours=2)
    assert "snoozed until" in cell(panel.model, day.today_call, TodayModel.COL_TYPE)
    stack.undo()
    assert services.follow_ups.get(day.today_call).snoozed_until is None
    assert cell(panel.model, day.today_call, TodayModel.COL_TYPE) == "Goodwill"


def test_snooze_until_tomorrow_morning_for_a_complaint(
    panel: TodayPanel, services: Services, day: Day
) -> None:
    select(panel, day.complaint)
    assert panel.done_action.text() == "Resol&ve…"  # a complaint is resolved, not ticked
    assert not panel.reschedule_action.isEnabled()
    panel.snooze_actions[SnoozeChoice.TOMORROW_MORNING].trigger()
    until = services.complaints.get(day.complaint).snoozed_until
    assert until is not None
    local = until.astimezone()
    assert (local.hour, local.minute) == (9, 0) and local.date() > T0.astimezone().date()


def test_reschedule_moves_the_entry_to_its_new_bucket(
    qtbot: QtBot,
    panel: TodayPanel,
    services: Services,
    day: Day,
    stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    new_due = T0 + timedelta(days=3)
    asked: list[datetime] = []

    def ask(
        _cls: object, _title: str, _prompt: str, initial: datetime, _parent: object
    ) -> datetime:
        asked.append(initial)
        return new_due

    monkeypatch.setattr(MomentDialog, "ask", classmethod(ask))
    select(panel, day.late_call)
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    # Overdue: the picker starts on the next working day, not in the past.
    assert asked and asked[0] > T0
    assert services.follow_ups.get(day.late_call).due_at == new_due
    assert rows(panel.model)[0][0] == "Overdue (2)"
    assert "見積もりの回答を伺う" in rows(panel.model)[2][1]
    assert panel.current_entry().id == day.late_call  # type: ignore[union-attr]
    stack.undo()
    assert services.follow_ups.get(day.late_call).due_at == T0 - timedelta(days=2, hours=1)


def test_enter_opens_the_prospect_and_moving_selects_it(
    qtbot: QtBot, panel: TodayPanel, day: Day, services: Services
) -> None:
    select(panel, day.late_call)
    panel.view.setFocus()
    with qtbot.waitSignal(panel.prospectSelected) as moved:
        qtbot.keyClick(panel.view, Qt.Key.Key_Down)  # 越後精工 → 青葉商事 (the complaint)
    assert moved.args == [day.aoba]
    with qtbot.waitSignal(panel.openProspect) as opened:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert opened.args == [day.aoba]
    with qtbot.waitSignal(panel.logCallRequested) as log:
        panel.log_call_action.trigger()
    assert log.args == [day.aoba]
    # Del does nothing here (it never reaches the window's "delete prospect").
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert services.prospects.get(day.aoba).company == "青葉商事"


def test_e_mail_draft_fits_the_moment(qtbot: QtBot, panel: TodayPanel, day: Day) -> None:
    select(panel, day.late_call)
    assert not panel.draft_action.isEnabled()  # only customer items have drafts
    select(panel, day.week_item)
    with qtbot.waitSignal(panel.actions.draftRequested) as before:
        panel.draft_action.trigger()
    assert before.args == [day.week_item, "check"]
    select(panel, day.late_item)
    with qtbot.waitSignal(panel.actions.draftRequested) as after:
        panel.draft_action.trigger()
    assert after.args == [day.late_item, "overdue"]


def test_a_long_list_is_capped_with_the_rest_counted_and_skipped_by_the_arrows(
    qtbot: QtBot, services: Services, day: Day, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(today_panel, "LIMIT", 2)
    for n in range(3):
        services.follow_ups.schedule(day.echigo, T0 - timedelta(days=9 - n), f"古い電話{n}")
    panel = TodayPanel(services, ItemActions(services))
    qtbot.addWidget(panel)
    show_active(qtbot, panel)
    overdue = rows(panel.model)[0]
    assert overdue[0] == "Overdue (6)"  # counted in full
    assert overdue[1][-1] == (
        "… and 2 more follow-ups: the list's “Follow-up due or overdue” filter shows them all"
    )
    assert panel.model.more(today_panel.Bucket.OVERDUE) == 2
    last_overdue = _entry_indexes(panel.model)[3]
    panel.view.setCurrentIndex(last_overdue)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert panel.current_entry().id == day.today_call  # type: ignore[union-attr]


def test_nothing_due_says_so(qtbot: QtBot, services: Services) -> None:
    panel = TodayPanel(services, ItemActions(services))
    qtbot.addWidget(panel)
    show_active(qtbot, panel)
    assert panel.empty.isVisible() and not panel.view.isVisible()
    assert not panel.done_action.isEnabled()


# -- in the main window ------------------------------------------------------------------------
@pytest.fixture
def window(qtbot: QtBot, services: Services, day: Day) -> MainWindow:
    win = MainWindow(services, Settings())
    qtbot.addWidget(win)
    return show_active(qtbot, win)


def test_ctrl_t_opens_the_day_and_enter_goes_to_the_prospect(
    qtbot: QtBot, window: MainWindow, day: Day
) -> None:
    assert window._today is None  # built when first needed, not with the window
    window.search.setText("青葉")  # the list shows only 青葉商事
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    panel = window.today_panel
    assert window.left_tabs.currentWidget() is panel
    qtbot.waitUntil(panel.view.hasFocus)
    # The first entry (越後精工) is the window's current prospect: the search gave way.
    assert window.current_id() == day.echigo and window.search.text() == ""
    assert window.detail.title.text() == "株式会社越後精工"
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert window.current_id() == day.aoba
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.left_tabs.currentIndex() == 0
    qtbot.waitUntil(window.table.hasFocus)
    assert window.current_id() == day.aoba


def test_done_in_the_window_is_undone_with_ctrl_z_and_reminders_rearm(
    qtbot: QtBot, window: MainWindow, day: Day, services: Services
) -> None:
    window.show_today()
    panel = window.today_panel
    select(panel, day.late_call)
    with qtbot.waitSignal(window.remindersChanged):
        qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert services.follow_ups.get(day.late_call).status is FollowUpStatus.DONE
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.follow_ups.get(day.late_call).status is FollowUpStatus.OPEN
    qtbot.waitUntil(lambda: rows(panel.model)[0][0] == "Overdue (3)")
    # Del in the day's list never deletes the prospect behind the row.
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert window.model.row_of(day.echigo) >= 0


def test_the_day_opens_at_start_only_when_something_is_due(
    qtbot: QtBot, window: MainWindow, services: Services, day: Day
) -> None:
    window.search.setText("越後")  # the rep is already busy: leave them be
    window.show_today_if_due()
    assert window.left_tabs.currentIndex() == 0
    window.search.clear()
    window.show_today_if_due()
    assert window.left_tabs.currentWidget() is window.today_panel


def test_the_type_column_is_as_wide_as_its_words_and_what_to_do_gets_the_rest(
    panel: TodayPanel,
) -> None:
    view = panel.view
    longest = view.sizeHintForColumn(TodayModel.COL_TYPE)
    assert view.columnWidth(TodayModel.COL_TYPE) <= max(90, longest + 12)
    assert view.columnWidth(TodayModel.COL_WHAT) > view.columnWidth(TodayModel.COL_TYPE)
