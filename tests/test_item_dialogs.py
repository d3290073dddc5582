"""The editors for customer action items, complaints and follow-ups, as a rep types."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from salesdesk.core.action_items import ActionItemInput
from salesdesk.core.complaints import ComplaintInput
from salesdesk.core.db import Database
from salesdesk.core.enums import ComplaintSeverity, ComplaintStatus, InteractionKind
from salesdesk.core.records import ContactInput, ProspectInput
from salesdesk.core.services import Services
from salesdesk.ui import forms
from salesdesk.ui.call_dialog import default_next_moment
from salesdesk.ui.item_dialogs import (
    ActionItemDialog,
    ComplaintDialog,
    FollowUpDialog,
    from_qdatetime,
    to_qdatetime,
)

T0 = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)


@pytest.fixture
def services(db: Database) -> Services:
    return Services.create(db)


@pytest.fixture
def pid(services: Services) -> str:
    return services.prospects.create(ProspectInput("株式会社越後精工"))


@pytest.fixture
def contacts(services: Services, pid: str):  # type: ignore[no-untyped-def]
    services.prospects.add_contact(pid, ContactInput("佐藤 一郎", title="部長"))
    services.prospects.add_contact(pid, ContactInput("鈴木 花子"))
    return services.prospects.get(pid).contacts


@pytest.fixture(autouse=True)
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Questions the dialogs ask; the rep answers Cancel (keep editing)."""
    questions: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> object:
        questions.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(forms.QMessageBox, "question", question)
    return questions


def test_item_needs_what_the_customer_owes_and_keeps_what_was_typed(
    qtbot: QtBot, services: Services, pid: str, contacts: tuple[object, ...]
) -> None:
    saved: list[ActionItemInput] = []
    due = T0 + timedelta(days=3)
    dialog = ActionItemDialog(pid, "株式会社越後精工", contacts, due, on_save=saved.append)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    dialog.consequence.setText("4月の搬入に間に合わない")
    dialog.accept()
    assert dialog.isVisible() and not saved
    assert dialog.errors.message("title") == "Say what the customer owes you."
    assert dialog.title_edit.hasFocus() or dialog.focusWidget() is dialog.title_edit
    assert dialog.consequence.text() == "4月の搬入に間に合わない"
    dialog.title_edit.setText("社内稟議の結果")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved and saved[0].title == "社内稟議の結果"
    assert saved[0].contact_id == contacts[0].id  # type: ignore[attr-defined]
    assert saved[0].lead_days == 3 and saved[0].due_at == due


def test_lead_days_run_from_none_to_sixty_and_the_hint_says_when(
    qtbot: QtBot, pid: str, contacts: tuple[object, ...]
) -> None:
    due = datetime(2026, 12, 10, 1, 0, tzinfo=UTC)
    dialog = ActionItemDialog(pid, "越後精工", contacts, due)
    qtbot.addWidget(dialog)
    assert dialog.lead_days.value() == 3
    assert "Reminder for a friendly progress check:" in dialog.check_hint.text()
    dialog.lead_days.setValue(99)
    assert dialog.lead_days.value() == 60
    dialog.lead_days.setValue(0)
    assert dialog.lead_days.text() == "no friendly check"
    assert dialog.check_hint.text() == "No reminder before the deadline, only when it passes."
    assert dialog.current_input().lead_days == 0
    dialog.errors.show_errors({"lead_days": "out_of_range"})  # as the core would say it
    assert "0 (none) to 60 days" in dialog.errors.message("lead_days")


def test_item_round_trip_through_the_service(
    qtbot: QtBot, services: Services, pid: str, contacts: tuple[object, ...]
) -> None:
    items = services.action_items
    item_id = items.add(
        ActionItemInput(
            pid,
            "仕様の決定",
            T0 + timedelta(days=5),
            consequence="製作が遅れる",
            lead_days=7,
            contact_id=contacts[1].id,  # type: ignore[attr-defined]
            notes="図面はメールで",
        )
    )
    item = items.get(item_id)
    before = ActionItemInput(
        pid, item.title, item.due_at, item.consequence, item.lead_days, item.contact_id,
        notes=item.notes,
    )  # fmt: skip
    dialog = ActionItemDialog(
        pid, "越後精工", contacts, item.due_at, before, on_save=lambda d: items.update(item_id, d)
    )
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit customer action item — 越後精工"
    assert dialog.contact.currentData() == contacts[1].id  # type: ignore[attr-defined]
    assert (dialog.lead_days.value(), dialog.notes.toPlainText()) == (7, "図面はメールで")
    assert dialog.current_input() == before  # nothing changed by merely opening it
    dialog.due.setDateTime(to_qdatetime(T0 + timedelta(days=8)))
    dialog.accept()
    assert items.get(item_id).due_at == T0 + timedelta(days=8)
    assert items.get(item_id).lead_days == 7


def test_default_deadline_is_three_working_days_at_the_reps_hour(qtbot: QtBot, pid: str) -> None:
    friday = datetime(2026, 11, 27, 1, 0, tzinfo=UTC).astimezone()
    default = default_next_moment(friday, 3, 11)
    dialog = ActionItemDialog(pid, "越後精工", (), default)
    qtbot.addWidget(dialog)
    chosen = from_qdatetime(dialog.due.dateTime())
    assert chosen.weekday() < 5 and chosen.hour == 11 and chosen.minute == 0
    assert (chosen.date() - friday.date()).days >= 3
    assert dialog.contact.currentData() is None  # nobody on file: "no one in particular"


def test_escape_asks_before_dropping_typed_text(qtbot: QtBot, pid: str, asked: list[str]) -> None:
    dialog = ActionItemDialog(pid, "越後精工", (), T0)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # nothing typed: closes without asking
    assert not asked and not dialog.isVisible()
    dialog = ActionItemDialog(pid, "越後精工", (), T0)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("見積もりの確認")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible()
    assert dialog.title_edit.text() == "見積もりの確認"


def test_complaint_needs_a_description_and_a_resolution_to_resolve(
    qtbot: QtBot, services: Services, pid: str, contacts: tuple[object, ...]
) -> None:
    complaints = services.complaints
    dialog = ComplaintDialog(
        pid, "越後精工", contacts, on_save=lambda d: complaints.open(d), now=T0
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.errors.message("description") == "Describe the problem."
    dialog.description.setPlainText("納品物の色が違う")
    dialog.severity.setCurrentIndex(dialog.severity.findData(ComplaintSeverity.HIGH))
    dialog.resolve()
    assert dialog.status.currentData() == ComplaintStatus.RESOLVED
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors.message("resolution").startswith("Say how the problem was resolved")
    assert dialog.errors.message("description") == ""
    assert dialog.description.toPlainText() == "納品物の色が違う"
    dialog.status.setCurrentIndex(dialog.status.findData(ComplaintStatus.IN_PROGRESS))
    dialog.accept()
    assert not dialog.isVisible()
    [complaint] = complaints.for_prospect(pid)
    assert (complaint.description, complaint.severity, complaint.status) == (
        "納品物の色が違う",
        ComplaintSeverity.HIGH,
        ComplaintStatus.IN_PROGRESS,
    )
    assert complaint.opened_at == T0


def test_complaint_round_trip_resolves_it(
    qtbot: QtBot, services: Services, pid: str, contacts: tuple[object, ...]
) -> None:
    complaints = services.complaints
    kid = complaints.open(ComplaintInput(pid, "請求書の誤り", opened_at=T0))
    current = complaints.get(kid)
    initial = ComplaintInput(
        pid, current.description, current.severity, current.status, opened_at=current.opened_at
    )
    dialog = ComplaintDialog(
        pid, "越後精工", contacts, initial, on_save=lambda d: complaints.update(kid, d)
    )
    qtbot.addWidget(dialog)
    assert dialog.description.toPlainText() == "請求書の誤り"
    assert dialog.contact.currentData() is None  # as recorded, not the first contact
    dialog.resolve()
    dialog.resolution.setPlainText("訂正した請求書を再発行した")
    dialog.accept()
    resolved = complaints.get(kid)
    assert resolved.status is ComplaintStatus.RESOLVED and resolved.resolved_at is not None
    assert resolved.resolution == "訂正した請求書を再発行した"


def test_follow_up_dialog_asks_what_and_keeps_the_kind_when_editing(qtbot: QtBot, pid: str) -> None:
    from salesdesk.ui.item_dialogs import FollowUpInput

    saved: list[FollowUpInput] = []
    dialog = FollowUpDialog("越後精工", T0 + timedelta(days=1), on_save=saved.append)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.errors.message("what") == "Say what you will do." and not saved
    dialog.what.setText("事例集を届ける")
    dialog.kind.setCurrentIndex(dialog.kind.findData(InteractionKind.LABOUR))
    dialog.accept()
    assert saved == [
        FollowUpInput(T0 + timedelta(days=1), "事例集を届ける", InteractionKind.LABOUR)
    ]
    edit = FollowUpDialog("越後精工", T0, saved[0])
    qtbot.addWidget(edit)
    assert edit.what.text() == "事例集を届ける" and not edit.kind.isEnabled()
