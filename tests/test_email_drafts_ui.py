"""The e-mail draft dialog and its template editor (pytest-qt)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from salesdesk.config import Paths, Settings
from salesdesk.core.action_items import ActionItemInput
from salesdesk.core.db import Database
from salesdesk.core.email_drafts import DraftMoment, Template, TemplateStore, default_template
from salesdesk.core.prospects import ContactInput, ProspectInput
from salesdesk.core.services import Services
from salesdesk.profile import Profile
from salesdesk.ui.email_draft_dialog import (
    EmailDraftDialog,
    TemplateEditorDialog,
    open_email_draft,
    sender_of,
)

DUE = datetime(2030, 12, 4, 8, 0, tzinfo=UTC)


@pytest.fixture
def services(db: Database) -> Services:
    return Services(db)


@pytest.fixture
def item_id(services: Services, paths: Paths) -> str:
    pid = services.prospects.create(ProspectInput(company="Acme Manufacturing Ltd."))
    cid = services.prospects.add_contact(
        pid, ContactInput(name="Jane Miller", email="jane.miller@acme.example")
    )
    Profile(name="Ichiro Suzuki", company="Sample Trading Co.", phone="+81 3 1234 5678").save(paths)
    return services.action_items.add(
        ActionItemInput(
            pid,
            "Internal approval of the quote",
            DUE,
            consequence="the April delivery slips & more",
            contact_id=cid,
        )
    )


def _open(
    qtbot: QtBot,
    services: Services,
    paths: Paths,
    item_id: str,
    moment: str = "overdue",
    language: str = "en",
) -> EmailDraftDialog:
    # The window's language (set with the catalogue as the default locale), not the
    # setting, which may be "system".
    previous = QLocale()
    window_locale = QLocale.Language.Japanese if language == "ja" else QLocale.Language.English
    QLocale.setDefault(QLocale(window_locale))
    try:
        dialog = open_email_draft(None, services, Settings(), paths, item_id, moment)
    finally:
        QLocale.setDefault(previous)
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_shows_the_filled_draft_in_the_window_language(
    qtbot: QtBot, services: Services, paths: Paths, item_id: str
) -> None:
    dialog = _open(qtbot, services, paths, item_id, "overdue", "en")
    assert dialog.isVisible()
    assert dialog.to.text() == "jane.miller@acme.example"
    assert dialog.subject.text() == "Reminder: Internal approval of the quote"
    body = dialog.body.toPlainText()
    assert body.startswith("Dear Jane Miller,\n")
    assert "Acme Manufacturing Ltd." in body and "the April delivery slips & more" in body
    assert "give you a call" in body
    assert body.rstrip().endswith("Ichiro Suzuki\nSample Trading Co.\n+81 3 1234 5678")
    assert dialog.notice.isHidden()

    ja = _open(qtbot, services, paths, item_id, "check", "ja")
    assert ja.language_box.currentText() == "日本語"
    assert ja.body.toPlainText().startswith("Acme Manufacturing Ltd.\nJane Miller様\n")


def test_switching_language_and_moment_rewrites_the_draft(
    qtbot: QtBot, services: Services, paths: Paths, item_id: str
) -> None:
    dialog = _open(qtbot, services, paths, item_id, "check", "en")
    english = dialog.body.toPlainText()
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ja"))
    japanese = dialog.body.toPlainText()
    assert japanese != english and "いつも大変お世話になっております。" in japanese
    assert "お手伝い" in dialog.subject.text()
    dialog.moment_box.setCurrentIndex(dialog.moment_box.findData("overdue"))
    assert dialog.subject.text() == "【ご確認のお願い】「Internal approval of the quote」の件"
    assert "お電話" in dialog.body.toPlainText()


def test_switching_after_editing_asks_first_and_keeps_the_edit_on_no(
    qtbot: QtBot, services: Services, paths: Paths, item_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _open(qtbot, services, paths, item_id, "check", "en")
    dialog.body.setPlainText("My own words")
    asked: list[str] = []

    def no(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args[1])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ja"))
    assert asked and dialog.body.toPlainText() == "My own words"
    assert dialog.language_box.currentData() == "en" and dialog.language == "en"


def test_copy_puts_subject_and_body_on_the_clipboard(
    qtbot: QtBot, services: Services, paths: Paths, item_id: str
) -> None:
    dialog = _open(qtbot, services, paths, item_id, "check", "en")
    dialog.body.setPlainText("Edited before copying.\n")
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == (
        "Subject: Checking in: Internal approval of the quote\n\nEdited before copying.\n"
    )


def test_ctrl_shift_c_copies_and_escape_closes(
    qtbot: QtBot, services: Services, paths: Paths, item_id: str
) -> None:
    dialog = _open(qtbot, services, paths, item_id, "overdue", "ja")
    show_active(qtbot, dialog)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(dialog.body, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert QGuiApplication.clipboard().text().startswith("件名：【ご確認のお願い】")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_open_in_mail_app_passes_the_encoded_mailto_url(
    qtbot: QtBot, services: Services, paths: Paths, item_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    dialog = _open(qtbot, services, paths, item_id, "overdue", "ja")
    dialog.subject.setText("件名 + A&B")
    qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)
    [url] = opened
    encoded = bytes(url.toEncoded().data()).decode("ascii")
    assert encoded.startswith("mailto:jane.miller@acme.example?subject=")
    query = parse_qs(urlsplit(encoded).query)
    assert query["subject"] == ["件名 + A&B"]
    assert query["body"] == [dialog.body.toPlainText().replace("\n", "\r\n")]
    assert "%0D%0A" in encoded


def test_when_no_mail_app_opens_the_rep_is_told(
    qtbot: QtBot, services: Services, paths: Paths, item_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    dialog = _open(qtbot, services, paths, item_id)
    dialog.open_in_mail()
    assert warned and "Copy" in warned[0]


def test_a_broken_edited_template_falls_back_to_the_default_and_says_why(
    qtbot: QtBot, services: Services, paths: Paths, item_id: str
) -> None:
    paths.email_templates.write_text('{"check": {"en": {"body": "Hi {nmae}"}}}', encoding="utf-8")
    dialog = _open(qtbot, services, paths, item_id, "check", "en")
    assert dialog.subject.text() == "Checking in: Internal approval of the quote"
    assert not dialog.notice.isHidden() and "{nmae}" in dialog.notice.text()


def test_an_unknown_item_is_reported_not_opened(
    qtbot: QtBot, services: Services, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    assert open_email_draft(None, services, Settings(), paths, "gone", "check") is None
    assert told


def _editor(
    qtbot: QtBot, services: Services, paths: Paths, item_id: str
) -> tuple[TemplateEditorDialog, TemplateStore]:
    store = TemplateStore(paths.email_templates)
    item = services.action_items.get(item_id)
    editor = TemplateEditorDialog(store, item, sender_of(paths), DraftMoment.CHECK, "en")
    qtbot.addWidget(editor)
    return editor, store


def test_the_template_editor_refuses_a_bad_placeholder(
    qtbot: QtBot, services: Services, paths: Paths, item_id: str
) -> None:
    editor, _store = _editor(qtbot, services, paths, item_id)
    assert editor.save_button.isEnabled()
    editor.subject.setText("Checking in: {itme}")
    assert not editor.save_button.isEnabled()
    assert not editor.error.isHidden() and "{itme}" in editor.error.text()
    editor.accept()  # e.g. a stray Enter: still not saved
    assert editor.result() != QDialog.DialogCode.Accepted
    assert not paths.email_templates.exists()

    # A broken template in another moment blocks saving too, and is shown.
    editor.subject.setText("Checking in: {item}")
    assert editor.save_button.isEnabled()
    editor.moment_box.setCurrentIndex(editor.moment_box.findData("overdue"))
    editor.body.setPlainText("Dear {contact\n")
    assert "partner" in editor.error.text()
    editor.moment_box.setCurrentIndex(editor.moment_box.findData("check"))
    assert not editor.save_button.isEnabled()
    editor.accept()
    assert editor.moment_box.currentData() == "overdue"  # taken to the broken one
    assert not paths.email_templates.exists()


def test_the_template_editor_previews_saves_and_resets(
    qtbot: QtBot, services: Services, paths: Paths, item_id: str
) -> None:
    editor, store = _editor(qtbot, services, paths, item_id)
    assert not editor.reset_button.isEnabled()  # nothing changed yet
    editor.subject.setText("A quick check on {item} for {company}")
    assert editor.preview.toPlainText().startswith(
        "A quick check on Internal approval of the quote for Acme Manufacturing Ltd.\n"
    )
    assert editor.reset_button.isEnabled()
    # A double-clicked placeholder goes where the rep was typing.
    show_active(qtbot, editor)
    editor.subject.setFocus()
    qtbot.waitUntil(editor.subject.hasFocus)
    editor.subject.end(False)
    editor.placeholders.itemDoubleClicked.emit(editor.placeholders.item(3))
    assert editor.subject.text() == "A quick check on {item} for {company}{deadline}"
    editor.accept()
    assert editor.result() == QDialog.DialogCode.Accepted
    assert store.get("check", "en").subject.startswith("A quick check on {item} for {company}")
    assert store.is_edited("check", "en") and not store.is_edited("check", "ja")

    again, _ = _editor(qtbot, services, paths, item_id)
    assert again.subject.text().startswith("A quick check on")
    again.reset_to_default()
    assert again.subject.text() == default_template("check", "en").subject
    again.accept()
    assert not store.is_edited("check", "en")


def test_saved_templates_refill_the_open_draft(
    qtbot: QtBot, services: Services, paths: Paths, item_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _open(qtbot, services, paths, item_id, "check", "en")
    mine = Template("Hello {contact}", "Hi {contact}!\n{signature}", "")

    def edit_and_save(editor: TemplateEditorDialog) -> int:
        editor.subject.setText(mine.subject)
        editor.body.setPlainText(mine.body)
        editor.accept()
        return int(editor.result())

    monkeypatch.setattr(TemplateEditorDialog, "exec", edit_and_save)
    dialog.templates_button.click()
    assert dialog.subject.text() == "Hello Jane Miller"
    assert dialog.body.toPlainText().startswith("Hi Jane Miller!\nIchiro Suzuki\n")
