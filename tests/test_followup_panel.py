"""The prospect's "Follow-ups & items" tab: what it lists, and what the rep does there."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from salesdesk.config import Settings
from salesdesk.core.action_items import ActionItemInput
from salesdesk.core.calls import CallInput
from salesdesk.core.complaints import ComplaintInput
from salesdesk.core.db import Database
from salesdesk.core.enums import ComplaintStatus, FollowUpStatus, InteractionKind
from salesdesk.core.records import ContactInput, ProspectInput
from salesdesk.core.services import Services
from salesdesk.ui.followup_panel import FollowUpPanel, TargetRole
from salesdesk.ui.item_actions import ItemActions, Target
from salesdesk.ui.item_dialogs import ActionItemDialog, ComplaintDialog, FollowUpDialog
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.prospect_model import OVERDUE_COLOR

T0 = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: QMessageBox.StandardButton.Ok)
    yield


@pytest.fixture
def services(db: Database) -> Services:
    return Services.create(db, FakeClock())


@pytest.fixture
def pid(services: Services) -> str:
    pid = services.prospects.create(ProspectInput("青葉商事", "アオバショウジ", is_customer=True))
    services.prospects.add_contact(pid, ContactInput("佐藤 一郎", title="部長"))
    return pid


@pytest.fixture
def ids(services: Services, pid: str) -> dict[str, str]:
    contact = services.prospects.get(pid).contacts[0].id
    fu = services.follow_ups
    late = fu.schedule(pid, T0 - timedelta(days=1), "見積もりの回答を伺う")
    later = fu.schedule(pid, T0 + timedelta(days=6), "事例集を届ける", InteractionKind.LABOUR)
    item = services.action_items.add(
        ActionItemInput(
            pid, "社内稟議の結果", T0 + timedelta(days=2), "搬入が遅れる", contact_id=contact
        )
    )
    silent = services.complaints.open(
        ComplaintInput(pid, "色違い", opened_at=T0 - timedelta(days=6))
    )
    return {"late": late, "later": later, "item": item, "silent": silent}


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def panel(
    qtbot: QtBot, services: Services, pid: str, ids: dict[str, str], stack: QUndoStack
) -> FollowUpPanel:
    widget = FollowUpPanel(services, ItemActions(services, stack))
    qtbot.addWidget(widget)
    widget.resize(620, 520)
    widget.show_prospect(services.prospects.get(pid))
    return show_active(qtbot, widget)


def find(panel: FollowUpPanel, entry_id: str) -> QTreeWidgetItem:
    for s in range(panel.tree.topLevelItemCount()):
        section = panel.tree.topLevelItem(s)
        for r in range(section.childCount()):
            target = section.child(r).data(0, TargetRole)
            if isinstance(target, Target) and target.id == entry_id:
                return section.child(r)
    raise AssertionError(f"{entry_id} not listed")


def select(panel: FollowUpPanel, entry_id: str) -> None:
    panel.tree.setCurrentItem(find(panel, entry_id))
    panel.tree.setFocus()


def accept_with(fill: Callable[[object], None]) -> Callable[[object], int]:
    """A dialog ``exec`` that types what ``fill`` says and presses Save."""

    def exec_(self: object) -> int:
        fill(self)
        self.accept()  # type: ignore[attr-defined]
        return int(self.result())  # type: ignore[attr-defined]

    return exec_


def test_lists_follow_ups_items_and_complaints_with_the_contacts_made(
    panel: FollowUpPanel, services: Services, pid: str, ids: dict[str, str]
) -> None:
    sections = [panel.tree.topLevelItem(i).text(0) for i in range(3)]
    assert sections == ["Follow-ups (2)", "Customer action items (1)", "Complaints (1 open)"]
    rows = {what: status for _s, _when, what, status in panel.rows()}
    assert rows["見積もりの回答を伺う"] == "Other"
    assert rows["事例集を届ける"] == "Labour (research, documents)"
    assert rows["社内稟議の結果 — 佐藤 一郎"] == "Friendly check due"
    assert rows["色違い"] == "No contact for 6 days"
    assert find(panel, ids["late"]).foreground(0).color() == OVERDUE_COLOR
    assert find(panel, ids["silent"]).foreground(2).color() == OVERDUE_COLOR
    assert find(panel, ids["later"]).foreground(0).style() == Qt.BrushStyle.NoBrush
    assert find(panel, ids["silent"]).child(0).text(0) == "No contact since it was opened."
    # A visit after the complaint shows under it, and it is no longer silent.
    services.calls.log_call(
        CallInput(
            prospect_id=pid, summary="お詫びに訪問", kind=InteractionKind.COMPLAINT,
            occurred_at=T0 - timedelta(hours=3), no_next_step=True,
        )
    )  # fmt: skip
    panel.reload()
    complaint = find(panel, ids["silent"])
    assert complaint.child(0).text(1) == "お詫びに訪問"
    assert complaint.text(2) == "Medium · Open"


def test_done_and_undo_on_a_follow_up(
    qtbot: QtBot, panel: FollowUpPanel, services: Services, ids: dict[str, str], stack: QUndoStack
) -> None:
    select(panel, ids["late"])
    qtbot.keyClick(panel.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert services.follow_ups.get(ids["late"]).status is FollowUpStatus.DONE
    assert panel.tree.topLevelItem(0).text(0) == "Follow-ups (1)"
    stack.undo()
    assert services.follow_ups.get(ids["late"]).status is FollowUpStatus.OPEN
    assert panel.tree.topLevelItem(0).text(0) == "Follow-ups (2)"


def test_del_deletes_the_item_and_undo_brings_it_back(
    qtbot: QtBot, panel: FollowUpPanel, services: Services, pid: str, ids: dict[str, str],
    stack: QUndoStack,
) -> None:  # fmt: skip
    select(panel, ids["item"])
    assert panel.draft_action.isEnabled() and panel.delete_action.isEnabled()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert services.action_items.for_prospect(pid) == []
    assert panel.tree.topLevelItem(1).text(0) == "Customer action items (0)"
    stack.undo()
    assert [i.id for i in services.action_items.for_prospect(pid)] == [ids["item"]]
    # Del on a complaint does nothing: complaints are resolved, not deleted.
    select(panel, ids["silent"])
    assert not panel.delete_action.isEnabled()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert services.complaints.get(ids["silent"]).is_open()


def test_cancel_and_snooze_a_follow_up(
    panel: FollowUpPanel, services: Services, ids: dict[str, str], stack: QUndoStack
) -> None:
    select(panel, ids["later"])
    panel.cancel_action.trigger()
    assert services.follow_ups.get(ids["later"]).status is FollowUpStatus.CANCELLED
    stack.undo()
    select(panel, ids["later"])
    panel.snooze_menu.actions()[1].trigger()  # 1 hour
    assert services.follow_ups.get(ids["later"]).snoozed_until == T0 + timedelta(hours=1)
    assert "snoozed until" in find(panel, ids["later"]).text(2)


def test_schedule_a_follow_up_from_the_tab(
    panel: FollowUpPanel, services: Services, pid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        FollowUpDialog,
        "exec",
        accept_with(lambda d: d.what.setText("新製品の案内")),  # type: ignore[attr-defined]
    )
    panel.schedule_action.trigger()
    whats = [f.what for f in services.follow_ups.for_prospect(pid)]
    assert "新製品の案内" in whats
    assert panel.tree.topLevelItem(0).text(0) == "Follow-ups (3)"


def test_resolve_a_complaint_asks_how(
    panel: FollowUpPanel, services: Services, ids: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    select(panel, ids["silent"])
    assert panel.done_action.text() == "Resolve…"

    def fill(dialog: object) -> None:
        assert dialog.status.currentData() == ComplaintStatus.RESOLVED  # type: ignore[attr-defined]
        dialog.resolution.setPlainText("刷り直して再納品した")  # type: ignore[attr-defined]

    monkeypatch.setattr(ComplaintDialog, "exec", accept_with(fill))
    panel.done_action.trigger()
    complaint = services.complaints.get(ids["silent"])
    assert complaint.status is ComplaintStatus.RESOLVED
    assert panel.tree.topLevelItem(2).text(0) == "Complaints (0 open)"
    assert find(panel, ids["silent"]).text(2) == "Medium · Resolved"


def test_loads_only_while_shown(
    qtbot: QtBot, services: Services, pid: str, ids: dict[str, str]
) -> None:
    widget = FollowUpPanel(services, ItemActions(services))
    qtbot.addWidget(widget)
    widget.show_prospect(services.prospects.get(pid))
    assert widget.rows() == []  # hidden: nothing read yet
    show_active(qtbot, widget)
    assert len(widget.rows()) > 0


def test_the_window_builds_the_tab_when_shown_and_del_spares_the_prospect(
    qtbot: QtBot, services: Services, pid: str, ids: dict[str, str]
) -> None:
    window = MainWindow(services, Settings())
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.select_prospect(pid)
    assert "reminders" not in window.detail._panels
    tabs = window.detail.tabs
    assert tabs.tabText(1) == "Follow-ups && items"
    tabs.setCurrentIndex(1)
    panel = window.detail.reminders
    assert tabs.currentWidget() is panel and panel.actions is window.item_actions
    qtbot.waitUntil(lambda: len(panel.rows()) > 0)
    select(panel, ids["item"])
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert window.model.row_of(pid) >= 0  # the prospect is still there
    assert services.action_items.for_prospect(pid) == []
    qtbot.keyClick(panel.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [i.id for i in services.action_items.for_prospect(pid)] == [ids["item"]]
    qtbot.waitUntil(lambda: panel.tree.topLevelItem(1).text(0) == "Customer action items (1)")


def test_new_items_and_complaints_are_saved_and_undoable(
    services: Services, pid: str, stack: QUndoStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    actions = ItemActions(services, stack)

    def fill_item(dialog: object) -> None:
        dialog.title_edit.setText("見積もりの社内承認")  # type: ignore[attr-defined]
        dialog.consequence.setText("年内の導入に間に合わない")  # type: ignore[attr-defined]

    monkeypatch.setattr(ActionItemDialog, "exec", accept_with(fill_item))
    item_id = actions.add_item(pid, "青葉商事")
    assert item_id is not None
    item = services.action_items.get(item_id)
    assert (item.title, item.consequence) == ("見積もりの社内承認", "年内の導入に間に合わない")
    assert stack.undoText() == "Add “見積もりの社内承認”"

    def fill_complaint(dialog: object) -> None:
        dialog.description.setPlainText("納期が一日遅れた\n詳細は別紙")  # type: ignore[attr-defined]

    monkeypatch.setattr(ComplaintDialog, "exec", accept_with(fill_complaint))
    complaint_id = actions.add_complaint(pid, "青葉商事")
    assert complaint_id is not None
    assert stack.undoText() == "Record complaint “納期が一日遅れた”"

    stack.undo()
    stack.undo()
    assert services.action_items.for_prospect(pid) == []
    assert services.complaints.for_prospect(pid) == []
    stack.redo()
    assert [i.id for i in services.action_items.for_prospect(pid)] == [item_id]

    # Cancelled: nothing is created and nothing goes on the undo stack.
    monkeypatch.setattr(ActionItemDialog, "exec", lambda self: 0)
    count = stack.count()
    assert actions.add_item(pid, "青葉商事") is None
    assert stack.count() == count


def test_done_items_show_greyed_on_request_without_actions(
    panel: FollowUpPanel, services: Services, ids: dict[str, str]
) -> None:
    from salesdesk.core.enums import ActionItemStatus

    services.action_items.set_status(ids["item"], ActionItemStatus.DONE)
    panel.reload()
    section = panel.tree.topLevelItem(1)
    assert section.childCount() == 1
    assert section.child(0).text(0) == "Nothing the customer owes you right now."
    panel.show_closed.setChecked(True)
    section = panel.tree.topLevelItem(1)
    assert section.childCount() == 2  # the done item, and the note that none is open
    assert section.text(0) == "Customer action items (0)"
    row = section.child(0)
    assert row.text(1).startswith("社内稟議の結果") and row.text(2).startswith("Done ")
    assert row.data(0, TargetRole) is None  # a record, not something to act on
    panel.tree.setCurrentItem(row)
    assert not panel.done_action.isEnabled()


def test_in_a_narrow_tab_the_title_gets_the_room_and_each_section_names_its_column(
    qtbot: QtBot, panel: FollowUpPanel, services: Services, ids: dict[str, str]
) -> None:
    services.follow_ups.snooze(ids["later"], T0 + timedelta(hours=5))
    panel.reload()
    panel.resize(470, 400)  # the detail area beside the prospect list
    tree = panel.tree
    qtbot.waitUntil(lambda: tree.viewport().width() < 470)
    # The dates as wide as they are; the kind or status capped; the title takes the rest.
    assert tree.columnWidth(0) == tree.sizeHintForColumn(0) < 140
    assert tree.columnWidth(2) <= tree.viewport().width() * 0.3
    assert tree.columnWidth(1) > tree.columnWidth(0) and tree.columnWidth(1) > tree.columnWidth(2)
    # What does not fit is whole in the tooltip.
    snoozed = find(panel, ids["later"])
    assert tree.fontMetrics().horizontalAdvance(snoozed.text(2)) > tree.columnWidth(2)
    assert snoozed.text(2) in snoozed.toolTip(2)
    assert "社内稟議の結果 — 佐藤 一郎" in find(panel, ids["item"]).toolTip(1)
    # A follow-up's third column holds its kind: its section says so; items keep a status.
    assert tree.headerItem().text(2) == "Kind / status"
    captions = [tree.topLevelItem(i).text(2) for i in range(3)]
    assert captions == ["Kind", "Status", "Status"]
    # The caption is drawn over the third column, on the section's own row.
    image = tree.viewport().grab().toImage()
    row = tree.visualItemRect(tree.topLevelItem(0))
    left = tree.header().sectionViewportPosition(2)
    inked = [
        image.pixelColor(x, y).lightness() < 128
        for x in range(left, left + tree.columnWidth(2))
        for y in range(row.top(), row.bottom())
    ]
    assert any(inked)


def test_the_status_column_follows_the_tab_width(qtbot: QtBot, panel: FollowUpPanel) -> None:
    tree = panel.tree
    panel.resize(900, 400)
    qtbot.waitUntil(lambda: tree.viewport().width() > 800)
    wide = tree.columnWidth(2)
    panel.resize(470, 400)
    qtbot.waitUntil(lambda: tree.viewport().width() < 470)
    assert tree.columnWidth(2) < wide
    assert tree.columnWidth(2) <= tree.viewport().width() * 0.3
