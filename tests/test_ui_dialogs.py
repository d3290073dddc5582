"""Prospect, contact and settings dialogs: bad input is explained at the field, nothing is lost."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from salesdesk.config import Paths, Settings
from salesdesk.core.db import StorageError
from salesdesk.core.enums import Stage
from salesdesk.core.prospects import ProspectService
from salesdesk.core.records import ContactInput, ProspectInput
from salesdesk.ui.prospect_dialog import ContactDialog, ProspectDialog
from salesdesk.ui.settings_dialog import SettingsDialog

D = TypeVar("D", bound=QDialog)


def shown(qtbot: QtBot, dialog: D) -> D:
    # Test cleanup closes the dialog without the rep's "discard changes?" question.
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(QDialog.DialogCode.Rejected))
    return show_active(qtbot, dialog)


def ime_commit(widget: QWidget, text: str) -> None:
    """Text as a Japanese input method commits it."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def click_save(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    save = box.button(QDialogButtonBox.StandardButton.Save) or box.button(
        QDialogButtonBox.StandardButton.Ok
    )
    assert save is not None
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def message_at(dialog: QDialog, field: str) -> str:
    """The message shown under ``field`` ('' when there is none on screen)."""
    label = dialog.findChild(QLabel, f"error_{field}")
    assert label is not None, f"no message label for {field}"
    return label.text() if label.isVisible() else ""


@dataclass
class MessageBoxes:
    expected: int = 0
    texts: list[str] = field(default_factory=list)


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[MessageBoxes]:
    """A real message box would block the test forever: record them; unexpected ones fail."""
    boxes = MessageBoxes()

    def show(_parent: QWidget, _title: str, text: str, *_rest: object) -> object:
        boxes.texts.append(text)
        return QMessageBox.StandardButton.Ok

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, show)
    yield boxes
    assert len(boxes.texts) == boxes.expected, f"message boxes shown: {boxes.texts}"


class SaveSpy:
    def __init__(self) -> None:
        self.saved: list[Any] = []

    def __call__(self, data: Any) -> None:
        self.saved.append(data)


@pytest.fixture
def spy() -> SaveSpy:
    return SaveSpy()


@pytest.fixture
def new_prospect(qtbot: QtBot, spy: SaveSpy) -> ProspectDialog:
    return shown(qtbot, ProspectDialog(on_save=spy))


# -- ProspectDialog ----------------------------------------------------------------------------


def test_new_prospect_dialog_starts_in_the_company_field(
    qtbot: QtBot, new_prospect: ProspectDialog
) -> None:
    assert new_prospect.windowTitle() == "New prospect"
    qtbot.waitUntil(lambda: new_prospect.company.hasFocus())
    for name in ("company", "phone", "email"):
        assert message_at(new_prospect, name) == ""


def test_empty_company_is_explained_under_the_company_and_nothing_typed_is_lost(
    qtbot: QtBot, new_prospect: ProspectDialog, spy: SaveSpy
) -> None:
    d = new_prospect
    ime_commit(d.kana, "サンプルショウジ")
    d.stage.setCurrentIndex(d.stage.findData(Stage.HEARING))
    ime_commit(d.phone, "０３-１２３４-５６７８")
    ime_commit(d.address, "東京都千代田区丸の内1-1")
    ime_commit(d.notes, "展示会で名刺交換\n来月再訪")
    d.company.setText("   ")  # only spaces is still empty

    click_save(qtbot, d)

    assert d.isVisible()
    assert d.result() != QDialog.DialogCode.Accepted
    assert spy.saved == []
    assert d.result_input is None
    assert message_at(d, "company") == "Enter the company name."
    assert message_at(d, "phone") == ""  # full-width digits are a fine phone number
    assert message_at(d, "email") == ""
    assert d.company.property("invalid") is True
    qtbot.waitUntil(lambda: d.company.hasFocus())
    assert d.kana.text() == "サンプルショウジ"
    assert d.stage.currentData() == Stage.HEARING
    assert d.phone.text() == "０３-１２３４-５６７８"
    assert d.address.text() == "東京都千代田区丸の内1-1"
    assert d.notes.toPlainText() == "展示会で名刺交換\n来月再訪"


def test_bad_email_and_phone_are_explained_at_those_fields(
    qtbot: QtBot, new_prospect: ProspectDialog, spy: SaveSpy
) -> None:
    d = new_prospect
    ime_commit(d.company, "サンプル商事")
    d.email.setText("info@sample")
    d.phone.setText("03-1234-abcd")
    click_save(qtbot, d)

    assert d.isVisible()
    assert spy.saved == []
    assert message_at(d, "company") == ""
    assert "e-mail" in message_at(d, "email")
    assert "phone" in message_at(d, "phone")
    assert d.email.text() == "info@sample"
    assert d.phone.text() == "03-1234-abcd"
    qtbot.waitUntil(lambda: d.phone.hasFocus())  # the first field in the form with a problem


def test_fixing_the_fields_clears_the_messages_and_saves(
    qtbot: QtBot, new_prospect: ProspectDialog, spy: SaveSpy
) -> None:
    d = new_prospect
    d.email.setText("info@sample")
    click_save(qtbot, d)
    assert message_at(d, "company") and message_at(d, "email")

    ime_commit(d.company, "サンプル商事")
    d.email.setText("info@sample.co.jp")
    click_save(qtbot, d)
    assert not d.isVisible()
    assert d.result() == QDialog.DialogCode.Accepted
    assert message_at(d, "company") == "" and message_at(d, "email") == ""
    assert [p.company for p in spy.saved] == ["サンプル商事"]
    assert d.company.property("invalid") is False


def test_valid_prospect_is_accepted_with_everything_typed(
    qtbot: QtBot, new_prospect: ProspectDialog, spy: SaveSpy
) -> None:
    d = new_prospect
    ime_commit(d.company, "株式会社サンプル")
    ime_commit(d.kana, "サンプル")
    d.stage.setCurrentIndex(d.stage.findData(Stage.PROPOSAL))
    d.is_customer.setChecked(True)
    d.phone.setText("+81 (3) 1234-5678")
    d.email.setText("taro.yamada@sample.co.jp")
    d.website.setText("https://sample.co.jp")
    ime_commit(d.notes, "決裁は部長")
    click_save(qtbot, d)

    assert d.result() == QDialog.DialogCode.Accepted
    [data] = spy.saved
    assert data == d.result_input
    assert data == ProspectInput(
        company="株式会社サンプル",
        company_kana="サンプル",
        stage=Stage.PROPOSAL,
        is_customer=True,
        phone="+81 (3) 1234-5678",
        email="taro.yamada@sample.co.jp",
        address="",
        website="https://sample.co.jp",
        notes="決裁は部長",
    )


def test_edit_dialog_shows_the_stored_prospect(qtbot: QtBot, prospects: ProspectService) -> None:
    pid = prospects.create(
        ProspectInput(
            "山田工業",
            "ヤマダコウギョウ",
            stage=Stage.CLOSING,
            is_customer=True,
            email="info@yamada.co.jp",
            notes="月末締め",
        )
    )
    stored = prospects.get(pid).as_input()
    d = shown(qtbot, ProspectDialog(stored, on_save=lambda data: prospects.update(pid, data)))
    assert d.windowTitle() == "Edit prospect"
    assert d.company.text() == "山田工業"
    assert d.stage.currentText() == "Closing"
    assert d.is_customer.isChecked()
    assert d.notes.toPlainText() == "月末締め"
    # Saving unchanged gives back exactly what was stored.
    click_save(qtbot, d)
    assert d.result_input == stored
    assert prospects.get(pid).stage == Stage.CLOSING


def test_storage_error_keeps_the_prospect_dialog_open(
    qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    message_boxes.expected = 1

    def broken(_data: ProspectInput) -> None:
        raise StorageError("database is locked")

    d = shown(qtbot, ProspectDialog(on_save=broken))
    ime_commit(d.company, "保存できない商事")
    click_save(qtbot, d)
    assert d.isVisible()
    assert d.company.text() == "保存できない商事"
    assert len(message_boxes.texts) == 1
    assert "database is locked" in message_boxes.texts[0]


# -- ContactDialog -----------------------------------------------------------------------------


@pytest.fixture
def new_contact(qtbot: QtBot, spy: SaveSpy) -> ContactDialog:
    return shown(qtbot, ContactDialog("山田工業", on_save=spy))


def test_contact_dialog_names_the_company(new_contact: ContactDialog) -> None:
    assert new_contact.windowTitle() == "New contact — 山田工業"


def test_contact_without_a_name_is_refused_at_the_name(
    qtbot: QtBot, new_contact: ContactDialog, spy: SaveSpy
) -> None:
    d = new_contact
    ime_commit(d.title_edit, "部長")
    ime_commit(d.department, "営業部")
    d.decision_maker.setChecked(True)
    click_save(qtbot, d)
    assert d.isVisible()
    assert spy.saved == []
    assert message_at(d, "name") == "Enter the contact's name."
    assert d.title_edit.text() == "部長"
    assert d.department.text() == "営業部"
    assert d.decision_maker.isChecked()
    qtbot.waitUntil(lambda: d.name.hasFocus())


def test_contact_with_bad_email_and_phone_is_refused_at_those_fields(
    qtbot: QtBot, new_contact: ContactDialog, spy: SaveSpy
) -> None:
    d = new_contact
    ime_commit(d.name, "鈴木一郎")
    d.email.setText("suzuki@@sample.co.jp")
    d.phone.setText("内線12")
    click_save(qtbot, d)
    assert spy.saved == []
    assert message_at(d, "name") == ""
    assert message_at(d, "email")
    assert message_at(d, "phone")


def test_valid_contact_is_accepted(qtbot: QtBot, new_contact: ContactDialog, spy: SaveSpy) -> None:
    d = new_contact
    ime_commit(d.name, "鈴木一郎")
    ime_commit(d.kana, "スズキイチロウ")
    ime_commit(d.title_edit, "部長")
    d.decision_maker.setChecked(True)
    d.phone.setText("090-1234-5678")
    d.email.setText("suzuki@sample.co.jp")
    click_save(qtbot, d)
    assert d.result() == QDialog.DialogCode.Accepted
    assert spy.saved == [
        ContactInput(
            name="鈴木一郎",
            name_kana="スズキイチロウ",
            title="部長",
            is_decision_maker=True,
            phone="090-1234-5678",
            email="suzuki@sample.co.jp",
        )
    ]


def test_edit_contact_dialog_shows_the_stored_contact(qtbot: QtBot) -> None:
    stored = ContactInput("高橋花子", "タカハシハナコ", title="課長", email="hanako@sample.co.jp")
    d = shown(qtbot, ContactDialog("山田工業", stored))
    assert d.windowTitle() == "Edit contact — 山田工業"
    assert d.current_input() == stored


# -- SettingsDialog ----------------------------------------------------------------------------


def test_settings_dialog_starts_from_the_current_settings(qtbot: QtBot, paths: Paths) -> None:
    current = Settings(language="ja", default_follow_up_days=5, default_follow_up_hour=14)
    d = shown(qtbot, SettingsDialog(current, paths))
    assert d.language.currentData() == "ja"
    assert d.follow_up_days.value() == 5
    assert d.follow_up_hour.value() == 14
    labels = [label.text() for label in d.findChildren(QLabel)]
    assert str(paths.data_dir) in labels  # the rep can see where the data lives


def test_settings_dialog_returns_the_updated_settings(qtbot: QtBot, paths: Paths) -> None:
    current = Settings(extra={"window": "kept"})
    d = shown(qtbot, SettingsDialog(current, paths))
    assert d.language.currentData() == "system"
    d.language.setCurrentIndex(d.language.findData("en"))
    d.follow_up_days.setFocus()
    d.follow_up_days.selectAll()
    qtbot.keyClicks(d.follow_up_days, "7")
    d.follow_up_hour.setFocus()
    d.follow_up_hour.selectAll()
    qtbot.keyClicks(d.follow_up_hour, "9")
    click_save(qtbot, d)
    assert d.result() == QDialog.DialogCode.Accepted

    updated = d.updated(current)
    assert updated == Settings(
        language="en",
        default_follow_up_days=7,
        default_follow_up_hour=9,
        extra={"window": "kept"},
    )
    assert current == Settings(extra={"window": "kept"})  # the original is not changed
    updated.save(paths)
    assert Settings.load(paths) == updated


def test_settings_dialog_refuses_out_of_range_values(qtbot: QtBot, paths: Paths) -> None:
    d = shown(qtbot, SettingsDialog(Settings(), paths))
    d.follow_up_hour.setFocus()
    d.follow_up_hour.selectAll()
    qtbot.keyClicks(d.follow_up_hour, "25")
    d.follow_up_days.setFocus()
    assert 0 <= d.updated(Settings()).default_follow_up_hour <= 23
    d.follow_up_days.setValue(0)
    assert d.updated(Settings()).default_follow_up_days >= 1


def test_escape_with_changes_asks_before_discarding(
    qtbot: QtBot, spy: SaveSpy, message_boxes: MessageBoxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = shown(qtbot, ProspectDialog(on_save=spy))
    d.company.setText("入力途中の会社")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(_parent: QWidget, _title: str, text: str, *_rest: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert d.isVisible() and d.company.text() == "入力途中の会社"  # Cancel: nothing lost
    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert not d.isVisible()  # Discard: closed, nothing saved
    assert len(asked) == 2 and spy.saved == []


def test_escape_without_changes_closes_at_once(qtbot: QtBot, spy: SaveSpy) -> None:
    d = shown(qtbot, ContactDialog("山田工業", on_save=spy))
    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert not d.isVisible()
