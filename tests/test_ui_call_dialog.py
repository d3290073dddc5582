"""Logging a call from the keyboard: Ctrl+L, type, Ctrl+Enter; the next step is never skipped."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from salesdesk.config import Settings
from salesdesk.core.db import Database, StorageError
from salesdesk.core.enums import Channel, FollowUpStatus, InteractionKind
from salesdesk.core.models import FollowUp
from salesdesk.core.records import CallInput, ContactInput, NextStep, ProspectInput
from salesdesk.core.services import Services
from salesdesk.ui.call_dialog import CallDialog
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.prospect_model import ProspectTableModel, format_datetime

M = ProspectTableModel
CTRL = Qt.KeyboardModifier.ControlModifier


@dataclass
class Book:
    yamada: str
    tanaka: str
    suzuki: str
    takahashi: str
    tanaka_follow_up: str


@dataclass
class Asked:
    """Records QMessageBox.question calls and answers them as the test says."""

    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Discard
    texts: list[str] = field(default_factory=list)

    def __call__(self, _parent: QWidget, _title: str, text: str, *_rest: Any) -> Any:
        self.texts.append(text)
        return self.answer


@dataclass
class Warned:
    """Records QMessageBox.warning/critical/information; tests say how many they expect."""

    expected: int = 0
    texts: list[str] = field(default_factory=list)

    def __call__(self, _parent: QWidget, _title: str, text: str, *_rest: Any) -> Any:
        self.texts.append(text)
        return QMessageBox.StandardButton.Ok


@pytest.fixture(autouse=True)
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    # Also keeps a real message box from blocking when a dialog with text is closed.
    fake = Asked()
    monkeypatch.setattr(QMessageBox, "question", fake)
    return fake


@pytest.fixture(autouse=True)
def warned(monkeypatch: pytest.MonkeyPatch) -> Iterator[Warned]:
    # A real box would block the test forever; an unexpected one fails it.
    fake = Warned()
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, fake)
    yield fake
    assert len(fake.texts) == fake.expected, f"message boxes shown: {fake.texts}"


@pytest.fixture
def services(db: Database) -> Services:
    return Services.create(db)


@pytest.fixture
def book(services: Services) -> Book:
    p = services.prospects
    yamada = p.create(ProspectInput("山田工業", "ヤマダコウギョウ"))
    suzuki = p.add_contact(yamada, ContactInput("鈴木一郎", "スズキイチロウ", title="部長"))
    takahashi = p.add_contact(yamada, ContactInput("高橋花子", "タカハシハナコ", title="課長"))
    tanaka = p.create(ProspectInput("田中物産", "タナカブッサン"))
    due = datetime.now().astimezone() - timedelta(days=1)
    services.calls.log_call(CallInput(tanaka, "見積の件", next_step=NextStep(due, "見積を送る")))
    fu = services.calls.open_follow_ups(tanaka)[0].id
    return Book(yamada, tanaka, suzuki, takahashi, fu)


@pytest.fixture
def window(qtbot: QtBot, services: Services, book: Book) -> MainWindow:
    win = MainWindow(services, Settings())
    qtbot.addWidget(win)
    show_active(qtbot, win)
    return win


# -- helpers ---------------------------------------------------------------------------------


def ime_commit(widget: QWidget, text: str) -> None:
    """Japanese text as an input method delivers it when the rep confirms a conversion."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key press where the keyboard focus is, as the rep's keyboard would send it."""
    target = focused()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def tab_to(qtbot: QtBot, widget: QWidget, limit: int = 15) -> int:
    """Press Tab until ``widget`` has the focus; return how many presses it took."""
    for presses in range(1, limit + 1):
        press(qtbot, Qt.Key.Key_Tab)
        if focused() is widget:
            return presses
    raise AssertionError(f"{limit} Tabs did not reach {widget!r}")


def select(window: MainWindow, prospect_id: str) -> None:
    window.select_prospect(prospect_id)
    assert window.current_id() == prospect_id
    window.table.setFocus()


def in_call_dialog(
    qtbot: QtBot, open_it: Callable[[], object], steps: Callable[[CallDialog], object]
) -> None:
    """Run ``steps`` inside the modal call dialog that ``open_it`` opens.

    The dialog runs its own event loop (exec), so the steps are queued to run inside it.
    Whatever happens, the dialog is closed afterwards so a failing test cannot hang, and
    any assertion error from the steps is raised here.
    """
    state: dict[str, Any] = {}

    def run() -> None:
        try:
            qtbot.waitUntil(
                lambda: (
                    isinstance(QApplication.activeModalWidget(), CallDialog)
                    and QApplication.activeWindow() is QApplication.activeModalWidget()
                ),
                timeout=3000,
            )
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, CallDialog)
            steps(dialog)
        except BaseException as exc:  # handed back to the test below
            state["error"] = exc
        finally:
            leftover = QApplication.activeModalWidget()
            if isinstance(leftover, CallDialog) and leftover.isVisible():
                QDialog.done(leftover, QDialog.DialogCode.Rejected)  # skip the discard question
            state["done"] = True

    QTimer.singleShot(0, run)
    open_it()
    qtbot.waitUntil(lambda: state.get("done", False), timeout=10000)
    if "error" in state:
        raise state["error"]


def ctrl_l(qtbot: QtBot, window: MainWindow) -> Callable[[], None]:
    return lambda: qtbot.keyClick(window.table, Qt.Key.Key_L, CTRL)


def error_label(dialog: QDialog, name: str) -> QLabel:
    label = dialog.findChild(QLabel, f"error_{name}")
    assert label is not None, f"no error label for {name}"
    return label


def timeline_column(window: MainWindow, title: str) -> list[str]:
    tree = window.detail.timeline
    header = tree.headerItem()
    col = next(c for c in range(tree.columnCount()) if header.text(c) == title)
    return [tree.topLevelItem(i).text(col) for i in range(tree.topLevelItemCount())]


def list_cell(window: MainWindow, prospect_id: str, col: int) -> str:
    return window.model.index(window.model.row_of(prospect_id), col).data()


# -- from the main window --------------------------------------------------------------------


def test_ctrl_l_opens_the_call_dialog_with_the_cursor_in_the_summary(
    qtbot: QtBot, window: MainWindow, book: Book, asked: Asked
) -> None:
    assert window.log_call_action.shortcut() == QKeySequence("Ctrl+L")
    select(window, book.yamada)
    seen: dict[str, Any] = {}

    def look(dialog: CallDialog) -> None:
        qtbot.waitUntil(lambda: focused() is dialog.summary, timeout=2000)
        seen["title"] = dialog.windowTitle()
        press(qtbot, Qt.Key.Key_Escape)  # nothing typed: closes without asking
        seen["closed"] = not dialog.isVisible()

    in_call_dialog(qtbot, ctrl_l(qtbot, window), look)
    assert "山田工業" in seen["title"]
    assert seen["closed"]
    assert asked.texts == []
    assert window.services.calls.count_calls(book.yamada) == 0


def test_ctrl_l_does_nothing_without_a_selected_prospect(qtbot: QtBot, window: MainWindow) -> None:
    assert window.current_id() is None
    assert not window.log_call_action.isEnabled()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_L, CTRL)
    assert QApplication.activeModalWidget() is None


def test_keyboard_only_call_with_next_step_shows_at_once_in_timeline_and_list(
    qtbot: QtBot, window: MainWindow, book: Book, db: Database
) -> None:
    select(window, book.yamada)
    assert list_cell(window, book.yamada, M.COL_LAST) == ""
    assert list_cell(window, book.yamada, M.COL_NEXT) == ""
    seen: dict[str, Any] = {}

    def log(dialog: CallDialog) -> None:
        qtbot.waitUntil(lambda: focused() is dialog.summary, timeout=2000)
        ime_commit(dialog.summary, "新製品の資料を希望")
        seen["tabs"] = tab_to(qtbot, dialog.next_what)
        ime_commit(dialog.next_what, "資料を郵送")
        seen["when"] = dialog.next_when.dateTime().toSecsSinceEpoch()
        press(qtbot, Qt.Key.Key_Return, CTRL)
        seen["closed"] = not dialog.isVisible()

    in_call_dialog(qtbot, ctrl_l(qtbot, window), log)
    assert seen["closed"], "Ctrl+Enter did not save and close the dialog"

    # The timeline shows the call and its next step right away.
    assert window.detail.title.text() == "山田工業"
    assert timeline_column(window, "Summary") == ["資料を郵送", "新製品の資料を希望"]
    # ...and so does the list.
    record = window.services.prospects.get(book.yamada)
    assert record.next_follow_up_at is not None
    assert int(record.next_follow_up_at.timestamp()) == seen["when"]
    assert list_cell(window, book.yamada, M.COL_NEXT) == format_datetime(record.next_follow_up_at)
    assert list_cell(window, book.yamada, M.COL_LAST) == format_datetime(record.last_contact_at)
    assert list_cell(window, book.yamada, M.COL_LAST) != ""
    assert window.statusBar().currentMessage() == "Call saved."
    calls = [e for e in window.services.calls.timeline(book.yamada) if e.entry == "call"]
    assert len(calls) == 1
    assert calls[0].no_next_step is False


def test_ctrl_enter_without_a_next_step_keeps_the_dialog_open_until_no_next_step_is_ticked(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    select(window, book.yamada)
    seen: dict[str, Any] = {}

    def log(dialog: CallDialog) -> None:
        qtbot.waitUntil(lambda: focused() is dialog.summary, timeout=2000)
        ime_commit(dialog.summary, "不在")
        press(qtbot, Qt.Key.Key_Return, CTRL)
        message = error_label(dialog, "next_step")
        seen["open"] = dialog.isVisible()
        seen["message_shown"] = message.isVisible()
        seen["message"] = message.text()
        seen["focus_on_what"] = focused() is dialog.next_what
        seen["saved_meanwhile"] = window.services.calls.count_calls(book.yamada)
        seen["summary"] = dialog.summary.text()

        tab_to(qtbot, dialog.no_next_step)
        press(qtbot, Qt.Key.Key_Space)
        seen["ticked"] = dialog.no_next_step.isChecked()
        press(qtbot, Qt.Key.Key_Return, CTRL)
        seen["closed"] = not dialog.isVisible()

    in_call_dialog(qtbot, ctrl_l(qtbot, window), log)
    assert seen["open"]
    assert seen["message_shown"]
    assert "No next step" in seen["message"]
    assert seen["focus_on_what"]
    assert seen["saved_meanwhile"] == 0
    assert seen["summary"] == "不在"

    assert seen["ticked"]
    assert seen["closed"]
    calls = [e for e in window.services.calls.timeline(book.yamada) if e.entry == "call"]
    assert [(c.summary, c.no_next_step) for c in calls] == [("不在", True)]
    assert window.services.calls.open_follow_ups(book.yamada) == []
    assert timeline_column(window, "Summary") == ["不在"]


def test_contact_defaults_to_the_contact_of_the_last_call(
    qtbot: QtBot, window: MainWindow, services: Services, book: Book
) -> None:
    services.calls.log_call(
        CallInput(book.yamada, "課長と面談", contact_id=book.takahashi, no_next_step=True)
    )
    select(window, book.yamada)
    seen: dict[str, Any] = {}

    def look(dialog: CallDialog) -> None:
        seen["id"] = dialog.contact.currentData()
        seen["text"] = dialog.contact.currentText()

    in_call_dialog(qtbot, ctrl_l(qtbot, window), look)
    assert seen["id"] == book.takahashi
    assert seen["text"].startswith("高橋花子")


def test_contact_defaults_to_the_first_contact_when_nobody_was_called_yet(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    select(window, book.yamada)
    seen: dict[str, Any] = {}
    in_call_dialog(qtbot, ctrl_l(qtbot, window), lambda d: seen.update(id=d.contact.currentData()))
    assert seen["id"] == book.suzuki


def test_an_overdue_follow_up_is_offered_as_done_and_closed_by_the_call(
    qtbot: QtBot, window: MainWindow, book: Book, db: Database
) -> None:
    select(window, book.tanaka)
    assert timeline_column(window, "Summary")[0] == "見積を送る"
    seen: dict[str, Any] = {}

    def log(dialog: CallDialog) -> None:
        boxes = [box for box, _fid in dialog.completes]
        seen["offered"] = [(b.text(), b.isChecked()) for b in boxes]
        ime_commit(dialog.summary, "見積を送付済み、検討中")
        dialog.next_what.setFocus()
        ime_commit(dialog.next_what, "検討状況を伺う")
        press(qtbot, Qt.Key.Key_Return, CTRL)

    in_call_dialog(qtbot, ctrl_l(qtbot, window), log)
    [(text, checked)] = seen["offered"]
    assert "見積を送る" in text and checked
    with db.read() as s:
        old = s.get(FollowUp, book.tanaka_follow_up)
        assert old is not None and old.status == FollowUpStatus.DONE
    assert timeline_column(window, "Summary")[0] == "検討状況を伺う"
    assert "見積を送る" not in timeline_column(window, "Summary")


def test_storage_error_keeps_the_dialog_open_with_the_text_then_retry_saves(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    warned: Warned,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_log_call = window.services.calls.log_call
    attempts: list[CallInput] = []

    def flaky_log_call(data: CallInput) -> str:
        attempts.append(data)
        if len(attempts) == 1:
            raise StorageError("database is locked")
        return real_log_call(data)

    monkeypatch.setattr(window.services.calls, "log_call", flaky_log_call)
    warned.expected = 1
    select(window, book.yamada)
    seen: dict[str, Any] = {}

    def log(dialog: CallDialog) -> None:
        ime_commit(dialog.summary, "価格表を送付")
        dialog.notes.setFocus()
        ime_commit(dialog.notes, "来月の展示会にも興味あり")
        dialog.next_what.setFocus()
        ime_commit(dialog.next_what, "展示会の招待状")
        press(qtbot, Qt.Key.Key_Return, CTRL)
        seen["open"] = dialog.isVisible()
        seen["texts"] = (
            dialog.summary.text(),
            dialog.notes.toPlainText(),
            dialog.next_what.text(),
        )
        seen["warnings"] = list(warned.texts)
        press(qtbot, Qt.Key.Key_Return, CTRL)  # the rep tries again
        seen["closed"] = not dialog.isVisible()

    in_call_dialog(qtbot, ctrl_l(qtbot, window), log)
    assert seen["open"]
    assert seen["texts"] == ("価格表を送付", "来月の展示会にも興味あり", "展示会の招待状")
    assert len(seen["warnings"]) == 1
    assert "database is locked" in seen["warnings"][0]
    assert seen["closed"]
    assert len(attempts) == 2
    assert window.services.calls.count_calls(book.yamada) == 1
    assert timeline_column(window, "Summary") == ["展示会の招待状", "価格表を送付"]


# -- the dialog on its own -------------------------------------------------------------------


@pytest.fixture
def saved() -> list[CallInput]:
    return []


@pytest.fixture
def dialog(qtbot: QtBot, services: Services, book: Book, saved: list[CallInput]) -> CallDialog:
    record = services.prospects.get(book.yamada)
    dlg = CallDialog(
        prospect_id=book.yamada,
        company=record.company,
        contacts=record.contacts,
        default_contact_id=None,
        open_follow_ups=[],
        on_save=saved.append,
    )
    qtbot.addWidget(dlg)
    show_active(qtbot, dlg)
    qtbot.waitUntil(lambda: focused() is dlg.summary)
    return dlg


def test_enter_in_the_summary_moves_on_and_never_saves(
    qtbot: QtBot, dialog: CallDialog, saved: list[CallInput]
) -> None:
    dialog.next_what.setText("資料を送る")  # a complete call: Enter could save it
    dialog.summary.setFocus()
    ime_commit(dialog.summary, "電話で挨拶")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert saved == []
    assert focused() is dialog.contact
    assert dialog.summary.text() == "電話で挨拶"

    dialog.next_what.setFocus()
    press(qtbot, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert dialog.isVisible()
    assert saved == []


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Return, CTRL),
        (Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier),
    ],
    ids=["ctrl+return", "ctrl+keypad-enter"],
)
def test_ctrl_enter_saves_what_was_typed(
    qtbot: QtBot,
    dialog: CallDialog,
    saved: list[CallInput],
    book: Book,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier,
) -> None:
    ime_commit(dialog.summary, "訪問して課題を聞いた")
    dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.VISIT))
    dialog.next_what.setFocus()
    ime_commit(dialog.next_what, "改善案を提案")
    press(qtbot, key, modifiers)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [call] = saved
    assert call.summary == "訪問して課題を聞いた"
    assert call.channel == Channel.VISIT
    assert call.contact_id == book.suzuki
    assert call.next_step is not None and call.next_step.what == "改善案を提案"
    assert call.next_step.kind == InteractionKind.INFORMATION
    assert call.no_next_step is False


def test_empty_summary_is_refused_at_the_summary(
    qtbot: QtBot, dialog: CallDialog, saved: list[CallInput]
) -> None:
    dialog.no_next_step.setChecked(True)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert saved == []
    message = error_label(dialog, "summary")
    assert message.isVisible() and message.text()
    assert focused() is dialog.summary


def test_no_next_step_disables_the_next_step_fields_and_is_recorded(
    qtbot: QtBot, dialog: CallDialog, saved: list[CallInput]
) -> None:
    ime_commit(dialog.summary, "不在、折り返し待ち")
    box = dialog.no_next_step
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator.center())
    assert box.isChecked()
    assert not dialog.next_what.isEnabled()
    assert not dialog.next_when.isEnabled()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible()
    [call] = saved
    assert call.no_next_step is True
    assert call.next_step is None


def test_escape_with_typed_text_asks_and_cancel_keeps_everything(
    qtbot: QtBot, dialog: CallDialog, asked: Asked, saved: list[CallInput]
) -> None:
    ime_commit(dialog.summary, "途中まで入力")
    dialog.notes.setFocus()
    ime_commit(dialog.notes, "メモ")
    asked.answer = QMessageBox.StandardButton.Cancel
    press(qtbot, Qt.Key.Key_Escape)
    assert len(asked.texts) == 1
    assert dialog.isVisible()
    assert dialog.summary.text() == "途中まで入力"
    assert dialog.notes.toPlainText() == "メモ"

    asked.answer = QMessageBox.StandardButton.Discard
    press(qtbot, Qt.Key.Key_Escape)
    assert len(asked.texts) == 2
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert saved == []


def test_escape_with_only_a_next_step_typed_still_asks(
    qtbot: QtBot, dialog: CallDialog, asked: Asked
) -> None:
    dialog.next_what.setFocus()
    ime_commit(dialog.next_what, "見積を送る")
    asked.answer = QMessageBox.StandardButton.Cancel
    press(qtbot, Qt.Key.Key_Escape)
    assert asked.texts
    assert dialog.isVisible()


def test_escape_on_an_untouched_dialog_closes_without_asking(
    qtbot: QtBot, dialog: CallDialog, asked: Asked
) -> None:
    press(qtbot, Qt.Key.Key_Escape)
    assert asked.texts == []
    assert not dialog.isVisible()


def test_storage_error_from_on_save_keeps_the_dialog_and_text(
    qtbot: QtBot, services: Services, book: Book, warned: Warned
) -> None:
    def broken(_data: CallInput) -> None:
        raise StorageError("disk I/O error")

    warned.expected = 1
    record = services.prospects.get(book.yamada)
    dlg = CallDialog(book.yamada, record.company, record.contacts, None, [], on_save=broken)
    qtbot.addWidget(dlg)
    show_active(qtbot, dlg)
    dlg.summary.setFocus()
    ime_commit(dlg.summary, "大事な電話")
    dlg.no_next_step.setChecked(True)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert dlg.isVisible()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.summary.text() == "大事な電話"
    assert dlg.saved_input is None
    assert len(warned.texts) == 1 and "disk I/O error" in warned.texts[0]
