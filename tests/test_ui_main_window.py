"""The main window as a rep uses it: search, filters, detail panel, delete/edit with undo."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from salesdesk.config import Settings
from salesdesk.core.db import Database
from salesdesk.core.enums import Stage
from salesdesk.core.listing import ProspectQuery
from salesdesk.core.models import Contact, Prospect
from salesdesk.core.records import CallInput, ContactInput, NextStep, ProspectInput
from salesdesk.core.services import Services
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.prospect_dialog import ProspectDialog
from salesdesk.ui.prospect_model import ProspectTableModel

M = ProspectTableModel


@dataclass
class Book:
    """The prospects every test starts with."""

    sato: str
    yamada: str
    tanaka: str
    suzuki_contact: str


@dataclass
class MessageBoxes:
    shown: list[tuple[str, str]] = field(default_factory=list)


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[MessageBoxes]:
    """A real message box would block the test forever: record them instead.

    None of these flows should put a box in front of the rep, so any box fails the test.
    """
    boxes = MessageBoxes()

    def recorder(kind: str):  # type: ignore[no-untyped-def]
        def show(_parent: QWidget, _title: str, text: str, *_rest: object) -> object:
            boxes.shown.append((kind, text))
            return QMessageBox.StandardButton.Cancel

        return show

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind))
    yield boxes
    assert boxes.shown == [], f"unexpected message box: {boxes.shown}"


@pytest.fixture
def services(db: Database) -> Services:
    return Services.create(db)


@pytest.fixture
def book(services: Services) -> Book:
    now = datetime.now().astimezone()
    p = services.prospects
    sato = p.create(ProspectInput("佐藤商事", "サトウショウジ", phone="03-5555-0101"))
    yamada = p.create(ProspectInput("山田工業", "ヤマダコウギョウ", stage=Stage.PROPOSAL))
    tanaka = p.create(ProspectInput("田中物産", "タナカブッサン", stage=Stage.PROPOSAL))
    suzuki = p.add_contact(
        yamada, ContactInput("鈴木一郎", "スズキイチロウ", title="部長", phone="090-1234-5678")
    )
    # 田中: a follow-up that is two days overdue; 佐藤: one next week.
    services.calls.log_call(
        CallInput(tanaka, "見積の件", next_step=NextStep(now - timedelta(days=2), "見積を送る"))
    )
    services.calls.log_call(
        CallInput(sato, "挨拶", next_step=NextStep(now + timedelta(days=7), "事例紹介"))
    )
    return Book(sato=sato, yamada=yamada, tanaka=tanaka, suzuki_contact=suzuki)


@pytest.fixture
def window(qtbot: QtBot, services: Services, book: Book) -> MainWindow:
    win = MainWindow(services, Settings())
    qtbot.addWidget(win)
    show_active(qtbot, win)
    return win


def listed(win: MainWindow) -> list[str]:
    """Company names in the list, top to bottom, as the rep sees them."""
    return [win.model.index(r, M.COL_COMPANY).data() for r in range(win.model.rowCount())]


def timeline_column(win: MainWindow, title: str) -> list[str]:
    """One column of the detail panel's timeline, found by its header, top to bottom."""
    tree = win.detail.timeline
    header = tree.headerItem()
    col = next(c for c in range(tree.columnCount()) if header.text(c) == title)
    return [tree.topLevelItem(i).text(col) for i in range(tree.topLevelItemCount())]


def click_row(qtbot: QtBot, win: MainWindow, company: str) -> None:
    row = listed(win).index(company)
    rect = win.table.visualRect(win.model.index(row, M.COL_COMPANY))
    qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.detail.title.text() == company


def click_search(qtbot: QtBot, win: MainWindow) -> None:
    """Put the cursor in the search box, as the rep does before typing."""
    qtbot.mouseClick(win.search, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(win.search.hasFocus)


def type_key(widget: QWidget, char: str) -> None:
    """One keystroke producing ``char``; QTest.keyClicks aborts on non-Latin-1 text."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
        )


def ime_commit(widget: QWidget, text: str) -> None:
    """What a Japanese input method sends when the rep confirms a conversion."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def tombstone(db: Database, model: type[Prospect] | type[Contact], row_id: str) -> datetime | None:
    with db.read() as s:
        obj = s.get(model, row_id)
        assert obj is not None, "the row must stay in the database"
        return obj.deleted_at


def fake_exec(fill):  # type: ignore[no-untyped-def]
    """A replacement for QDialog.exec that fills the dialog like the rep would, then saves."""

    def exec_(self: QDialog) -> int:
        fill(self)
        self.accept()
        return self.result()

    return exec_


# -- search and filters -------------------------------------------------------------------


def test_window_lists_every_prospect_in_reading_order(window: MainWindow) -> None:
    assert listed(window) == ["佐藤商事", "田中物産", "山田工業"]
    assert window.count_label.text() == "3 prospects"
    assert not window.detail.body.isVisible()
    assert window.detail.empty.isVisible()


def test_every_list_column_is_visible_at_the_default_window_size(
    qtbot: QtBot, window: MainWindow
) -> None:
    # The rep works from "Next follow-up": it must not start scrolled out of sight. The
    # window opens at 1280×800 where the screen has room (the test screen is smaller).
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.table.viewport().width() > 600)
    header = window.table.horizontalHeader()
    viewport_width = window.table.viewport().width()
    for col in range(window.model.columnCount()):
        right_edge = header.sectionViewportPosition(col) + header.sectionSize(col)
        title = window.model.headerData(col, Qt.Orientation.Horizontal)
        assert right_edge <= viewport_width, f"column {title!r} is cut off"
    qtbot.waitUntil(lambda: not window.table.horizontalScrollBar().isVisible(), timeout=2000)


def test_half_width_katakana_search_narrows_on_each_keystroke(
    qtbot: QtBot, window: MainWindow
) -> None:
    click_search(qtbot, window)
    seen = []
    for key in "ｻﾄｳ":
        type_key(window.search, key)
        seen.append(listed(window))
    assert window.search.text() == "ｻﾄｳ"
    assert seen == [
        ["佐藤商事", "田中物産"],  # さ is in サトウ and in タナカブッサン
        ["佐藤商事"],
        ["佐藤商事"],
    ]
    assert window.count_label.text() == "1 of 3 prospects"


def test_full_width_digits_find_a_contacts_mobile_number(qtbot: QtBot, window: MainWindow) -> None:
    everyone = listed(window)
    click_search(qtbot, window)
    seen = []
    for key in "０９０":
        type_key(window.search, key)
        seen.append(listed(window))
    # One or two characters match names and readings only (by design of the list);
    # from the third, phone numbers count too, typed without the hyphens.
    assert all(set(names) <= set(everyone) for names in seen)
    assert seen[-1] == ["山田工業"]
    assert window.count_label.text() == "1 of 3 prospects"


def test_a_phone_number_typed_without_hyphens_finds_the_prospect(
    qtbot: QtBot, window: MainWindow
) -> None:
    click_search(qtbot, window)
    for key in "５５５５０１０１":  # 佐藤商事's 03-5555-0101
        type_key(window.search, key)
    assert listed(window) == ["佐藤商事"]


def test_text_confirmed_through_the_input_method_searches_too(
    qtbot: QtBot, window: MainWindow
) -> None:
    click_search(qtbot, window)
    ime_commit(window.search, "すずき")  # a contact's reading, typed in hiragana
    assert listed(window) == ["山田工業"]
    ime_commit(window.search, "いちろう")
    assert window.search.text() == "すずきいちろう"
    assert listed(window) == ["山田工業"]


def test_clearing_the_search_shows_everyone_again(qtbot: QtBot, window: MainWindow) -> None:
    click_search(qtbot, window)
    ime_commit(window.search, "やまだ")
    assert listed(window) == ["山田工業"]
    for _ in range(3):
        qtbot.keyClick(window.search, Qt.Key.Key_Backspace)
    assert listed(window) == ["佐藤商事", "田中物産", "山田工業"]


def test_ctrl_f_jumps_to_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search.hasFocus())


def test_due_filter_shows_only_follow_ups_due_today_or_overdue(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.mouseClick(window.due_filter, Qt.MouseButton.LeftButton)
    assert window.due_filter.isChecked()
    assert listed(window) == ["田中物産"]  # overdue; 佐藤's is next week, 山田 has none
    assert window.count_label.text() == "1 of 3 prospects"
    qtbot.mouseClick(window.due_filter, Qt.MouseButton.LeftButton)
    assert listed(window) == ["佐藤商事", "田中物産", "山田工業"]


def test_stage_and_due_filters_narrow_the_list(qtbot: QtBot, window: MainWindow) -> None:
    window.stage_filter.setCurrentIndex(window.stage_filter.findData(Stage.PROPOSAL))
    assert window.stage_filter.currentText() == "Proposal"
    assert listed(window) == ["田中物産", "山田工業"]

    window.due_filter.click()
    assert window.due_filter.isChecked()
    assert listed(window) == ["田中物産"]  # overdue; 山田 has nothing planned

    window.stage_filter.setCurrentIndex(0)  # all stages
    assert listed(window) == ["田中物産"]  # 佐藤's follow-up is next week, not due

    window.due_filter.click()
    assert listed(window) == ["佐藤商事", "田中物産", "山田工業"]


def test_search_and_stage_filter_combine(qtbot: QtBot, window: MainWindow) -> None:
    window.stage_filter.setCurrentIndex(window.stage_filter.findData(Stage.PROPOSAL))
    click_search(qtbot, window)
    type_key(window.search, "ｻ")
    assert listed(window) == ["田中物産"]  # 佐藤 matches the text but is a lead


# -- detail panel ------------------------------------------------------------------------


def test_selecting_a_row_shows_the_prospect_in_the_detail_panel(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    click_row(qtbot, window, "山田工業")
    assert window.current_id() == book.yamada
    assert window.detail.body.isVisible()
    assert window.detail.kana.text() == "ヤマダコウギョウ"
    assert window.detail.stage.text() == "Proposal"
    assert window.detail.contacts.rowCount() == 1
    assert window.detail.contacts.item(0, 0).text() == "鈴木一郎"
    assert window.edit_action.isEnabled()
    assert window.log_call_action.isEnabled()

    click_row(qtbot, window, "田中物産")
    # The open next step first, then the call.
    assert timeline_column(window, "Summary") == ["見積を送る", "見積の件"]
    assert timeline_column(window, "Type")[0] == "Next: Other"


def test_actions_that_need_a_prospect_are_disabled_without_a_selection(
    window: MainWindow,
) -> None:
    assert window.current_id() is None
    for act in (window.edit_action, window.delete_action, window.log_call_action):
        assert not act.isEnabled()
    assert window.new_action.isEnabled()


# -- delete and undo ----------------------------------------------------------------------


def test_delete_removes_the_prospect_and_ctrl_z_brings_it_back(
    qtbot: QtBot, window: MainWindow, book: Book, db: Database
) -> None:
    click_row(qtbot, window, "田中物産")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)

    assert listed(window) == ["佐藤商事", "山田工業"]
    assert window.undo_bar.isVisible()
    assert "田中物産" in window.undo_bar.label.text()
    assert window.count_label.text() == "2 prospects"
    # A tombstone, not a removal: the call history is still there to restore.
    assert tombstone(db, Prospect, book.tanaka) is not None
    assert window.services.calls.count_calls(book.tanaka) == 1

    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert listed(window) == ["佐藤商事", "田中物産", "山田工業"]
    assert tombstone(db, Prospect, book.tanaka) is None
    assert window.count_label.text() == "3 prospects"


def test_undo_bar_button_restores_the_deleted_prospect(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    click_row(qtbot, window, "佐藤商事")
    window.delete_action.trigger()
    assert "佐藤商事" not in listed(window)
    qtbot.mouseClick(window.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert "佐藤商事" in listed(window)


def test_after_delete_the_next_prospect_is_selected(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    click_row(qtbot, window, "佐藤商事")
    window.delete_action.trigger()
    # The rep keeps working down the list: the row below takes the selection.
    assert window.current_id() == book.tanaka
    assert window.detail.title.text() == "田中物産"


def test_undoing_a_delete_selects_the_restored_prospect(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    click_row(qtbot, window, "田中物産")
    window.delete_action.trigger()
    window.undo_stack.undo()
    assert window.current_id() == book.tanaka
    assert window.detail.title.text() == "田中物産"


def test_undo_bar_goes_away_once_the_delete_is_undone(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    click_row(qtbot, window, "田中物産")
    window.delete_action.trigger()
    assert window.undo_bar.isVisible()
    window.undo_stack.undo()
    # Otherwise it still says "Deleted 田中物産" and its Undo button would undo
    # whatever step came before.
    assert not window.undo_bar.isVisible()


def test_redo_deletes_again(qtbot: QtBot, window: MainWindow, book: Book, db: Database) -> None:
    click_row(qtbot, window, "田中物産")
    window.delete_action.trigger()
    window.undo_stack.undo()
    window.undo_stack.redo()
    assert "田中物産" not in listed(window)
    assert tombstone(db, Prospect, book.tanaka) is not None


# -- create and edit through the dialog -----------------------------------------------------


def fill_new(dialog: ProspectDialog) -> None:
    dialog.company.setText("新星システム")
    dialog.kana.setText("シンセイシステム")
    dialog.stage.setCurrentIndex(dialog.stage.findData(Stage.APPROACH))
    dialog.phone.setText("06-1234-5678")


def test_new_prospect_from_the_dialog_appears_in_the_list(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ProspectDialog, "exec", fake_exec(fill_new))
    window.new_action.trigger()
    assert listed(window) == ["佐藤商事", "新星システム", "田中物産", "山田工業"]
    row = listed(window).index("新星システム")
    assert window.model.index(row, M.COL_STAGE).data() == "Approach"
    assert window.count_label.text() == "4 prospects"


def test_new_prospect_is_selected_and_shown(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    click_row(qtbot, window, "佐藤商事")
    monkeypatch.setattr(ProspectDialog, "exec", fake_exec(fill_new))
    window.new_action.trigger()
    assert window.detail.title.text() == "新星システム"
    assert window.current_id() is not None
    assert window.services.prospects.get(window.current_id()).company == "新星システム"


def test_undoing_a_new_prospect_removes_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ProspectDialog, "exec", fake_exec(fill_new))
    window.new_action.trigger()
    window.undo_stack.undo()
    assert "新星システム" not in listed(window)
    window.undo_stack.redo()
    assert "新星システム" in listed(window)


def test_cancelled_new_prospect_dialog_changes_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def discard(_parent: QWidget, _title: str, text: str, *_rest: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Discard

    def cancel(self: QDialog) -> int:
        self.company.setText("取り消し株式会社")  # type: ignore[attr-defined]
        monkeypatch.setattr(QMessageBox, "question", discard)
        self.reject()  # typed text: the rep is asked first, and says discard
        return self.result()

    monkeypatch.setattr(ProspectDialog, "exec", cancel)
    window.new_action.trigger()
    assert listed(window) == ["佐藤商事", "田中物産", "山田工業"]
    assert window.undo_stack.count() == 0
    assert len(asked) == 1


def test_edit_then_undo_restores_the_old_company_name(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    click_row(qtbot, window, "山田工業")
    opened_with: list[str] = []

    def rename(dialog: ProspectDialog) -> None:
        opened_with.append(dialog.company.text())
        dialog.company.setText("山田工業株式会社")

    monkeypatch.setattr(ProspectDialog, "exec", fake_exec(rename))
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    assert opened_with == ["山田工業"]  # the dialog starts from what is stored
    assert listed(window) == ["佐藤商事", "田中物産", "山田工業株式会社"]
    assert window.detail.title.text() == "山田工業株式会社"

    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert listed(window) == ["佐藤商事", "田中物産", "山田工業"]
    assert window.detail.title.text() == "山田工業"
    assert window.services.prospects.get(book.yamada).company == "山田工業"
    # Undoing the edit leaves the rest of the record as it was.
    assert window.services.prospects.get(book.yamada).stage == Stage.PROPOSAL

    window.undo_stack.redo()
    assert window.services.prospects.get(book.yamada).company == "山田工業株式会社"


# -- contacts --------------------------------------------------------------------------------


def test_delete_contact_and_undo(
    qtbot: QtBot, window: MainWindow, book: Book, db: Database
) -> None:
    click_row(qtbot, window, "山田工業")
    contacts = window.detail.contacts
    rect = contacts.visualItemRect(contacts.item(0, 0))
    qtbot.mouseClick(contacts.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(window.detail.delete_contact_button, Qt.MouseButton.LeftButton)

    assert contacts.rowCount() == 0
    assert window.undo_bar.isVisible()
    assert "鈴木一郎" in window.undo_bar.label.text()
    assert tombstone(db, Contact, book.suzuki_contact) is not None
    # The deleted contact's number no longer finds the company.
    assert window.services.listing.ids(ProspectQuery(search="090")) == []

    window.undo_stack.undo()
    assert listed(window) == ["佐藤商事", "田中物産", "山田工業"]
    assert window.current_id() == book.yamada
    assert contacts.rowCount() == 1
    assert contacts.item(0, 0).text() == "鈴木一郎"
    assert tombstone(db, Contact, book.suzuki_contact) is None
    click_search(qtbot, window)
    qtbot.keyClicks(window.search, "090")
    assert listed(window) == ["山田工業"]


# -- search straight into a call ------------------------------------------------------------


def test_the_first_match_is_selected_while_typing_so_ctrl_l_can_follow(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.current_id() is None
    click_search(qtbot, window)
    for key in "ﾔﾏﾀﾞ":
        type_key(window.search, key)
    assert listed(window) == ["山田工業"]
    assert window.detail.title.text() == "山田工業"
    assert window.log_call_action.isEnabled()


def test_enter_in_the_search_box_moves_to_the_list(qtbot: QtBot, window: MainWindow) -> None:
    click_search(qtbot, window)
    for key in "ﾀﾅｶ":
        type_key(window.search, key)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(window.table.hasFocus)
    assert window.detail.title.text() == "田中物産"
    # Down arrow does the same from the search box.
    click_search(qtbot, window)
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    qtbot.waitUntil(window.table.hasFocus)


def test_relationship_and_deal_tabs_are_built_when_first_shown(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    window.select_prospect(book.yamada)
    assert window.detail._panels == {}  # not built for the first paint or a selection
    tabs = window.detail.tabs
    tabs.setCurrentIndex(2)  # Timeline, Follow-ups & items, Relationship, Deals
    panel = window.detail.relationship
    assert tabs.currentWidget() is panel and tabs.tabText(2) == "Relationship"
    assert panel.service is window.relationship  # wired by the window when built
    tabs.setCurrentIndex(3)
    assert tabs.currentWidget() is window.detail.deals
    assert window.detail.deals.service is window.deal_service


def test_unsaved_scores_are_not_dropped_by_moving_to_another_prospect(
    qtbot: QtBot, window: MainWindow, book: Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.select_prospect(book.yamada)
    window.detail.tabs.setCurrentIndex(2)
    panel = window.detail.relationship
    panel.inputs["empathy"].setValue(3)
    assert panel.has_unsaved_changes()
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    asked: list[str] = []

    def question(_parent: QWidget, _title: str, text: str, *_rest: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    window.select_prospect(book.sato)
    # Cancel: still on 山田工業 with the edit intact.
    assert window.current_id() == book.yamada and panel.has_unsaved_changes()
    window.select_prospect(book.sato)
    # Save: stored for 山田工業, then on to 佐藤商事.
    assert window.current_id() == book.sato and len(asked) == 2
    latest = window.relationship.latest(book.yamada)
    assert latest is not None and latest.scores.empathy == 3


def test_windows_open_no_larger_than_the_screen(qtbot: QtBot, db: Database) -> None:
    from salesdesk.ui.screen_fit import fit_to_screen

    window = MainWindow(Services(db), Settings())
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
    probe = QWidget()
    qtbot.addWidget(probe)
    fit_to_screen(probe, 5000, 5000)  # asked for more than any screen has
    assert probe.width() < area.width() and probe.height() < area.height()
    fit_to_screen(probe, 300, 200)  # small enough: as asked
    assert (probe.width(), probe.height()) == (300, 200)


def test_folding_the_company_details_gives_the_tabs_the_room(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    window.select_prospect(book.yamada)
    detail = window.detail
    detail.tabs.setCurrentIndex(2)  # Relationship: the radar, then the scores
    panel = detail.relationship
    qtbot.waitUntil(lambda: detail.contacts.isVisible())
    open_height = detail.tabs.height()
    assert detail.fold_button.text() == "Hide details"

    changed: list[bool] = []
    window.settingsChanged.connect(lambda: changed.append(window.settings.detail_folded))
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    qtbot.waitUntil(lambda: not detail.contacts.isVisible())
    assert not detail.phone.isVisible() and detail.title.isVisible()
    assert detail.log_call_button.isVisible()  # the panel's main action stays
    qtbot.waitUntil(lambda: detail.tabs.height() > open_height + 150)
    assert detail.fold_button.text() == "Show details"
    assert not window.details_action.isChecked()
    assert changed == [True]  # kept in the settings, saved by the app

    # Another prospect stays folded, with its stage and number on one line; the button
    # unfolds.
    window.select_prospect(book.sato)
    assert not detail.contacts.isVisible()
    assert detail.folded_summary.isVisible()
    assert detail.folded_summary.text() == "Lead · 03-5555-0101"
    detail.fold_button.click()
    qtbot.waitUntil(lambda: detail.contacts.isVisible())
    assert detail.phone.isVisible() and window.details_action.isChecked()
    assert not detail.folded_summary.isVisible()  # the details say it all again
    assert changed == [True, False]
    assert panel is detail.relationship


def test_a_window_opens_with_the_details_folded_as_the_rep_left_them(
    qtbot: QtBot, services: Services, book: Book
) -> None:
    win = MainWindow(services, Settings(detail_folded=True))
    qtbot.addWidget(win)
    show_active(qtbot, win)
    qtbot.waitUntil(win.list_loaded)
    win.select_prospect(book.yamada)
    assert win.detail.title.text() == "山田工業"
    assert not win.detail.contacts.isVisible() and not win.details_action.isChecked()


def test_a_prospect_without_calls_says_how_to_log_the_first(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    window.select_prospect(book.yamada)
    tree = window.detail.timeline
    assert tree.topLevelItemCount() == 1
    only = tree.topLevelItem(0)
    assert only.text(0) == "No calls logged yet. Ctrl+L logs the first."
    assert only.isFirstColumnSpanned() and not only.flags() & Qt.ItemFlag.ItemIsSelectable
    window.select_prospect(book.tanaka)  # has a call: no such line
    texts = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert texts and "No calls logged yet. Ctrl+L logs the first." not in texts


def test_a_contacts_long_address_stays_on_one_line_whole_on_hover(
    qtbot: QtBot, window: MainWindow, book: Book, services: Services
) -> None:
    address = "yamashita.hanako@inoue-jidoushabuhin-kougyou.co.jp"
    services.prospects.add_contact(book.tanaka, ContactInput("山下花子", email=address))
    window.select_prospect(book.tanaka)
    table = window.detail.contacts
    assert not table.wordWrap()
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert table.item(0, 5).toolTip() == address
    # Shortened, but still readable: the e-mail column keeps a width of its own.
    columns = table.horizontalHeader()
    assert 150 <= columns.sectionSize(5) < table.fontMetrics().horizontalAdvance(address)


def test_empty_details_take_no_room_in_the_panel(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    detail = window.detail
    window.select_prospect(book.yamada)  # no phone, e-mail, address or notes
    qtbot.waitUntil(detail.stage.isVisible)
    assert not any(w.isVisible() for w in (detail.phone, detail.email, detail.notes))
    assert not detail.info.labelForField(detail.notes).isVisible()  # nor its label
    window.select_prospect(book.sato)  # a phone
    qtbot.waitUntil(detail.phone.isVisible)
    assert detail.phone.text() == "03-5555-0101" and not detail.notes.isVisible()
