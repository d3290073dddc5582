"""Editors for what the rep keeps beside the calls: follow-ups, the customer's action
items (DOMAIN.md §4) and complaints after the sale (§5), plus a moment picker for
"reschedule" and a custom snooze.

Like the prospect dialogs: bad input is shown at its field and the dialog stays open
with everything typed; Ctrl+Enter saves; Esc asks before throwing typed text away.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.core.action_items import DEFAULT_LEAD_DAYS, MAX_LEAD_DAYS, ActionItemInput
from salesdesk.core.clock import utc_now
from salesdesk.core.complaints import ComplaintInput
from salesdesk.core.enums import ComplaintSeverity, ComplaintStatus, InteractionKind
from salesdesk.core.records import ContactRecord
from salesdesk.core.validation import REQUIRED, ValidationError
from salesdesk.ui.labels import complaint_status_label, kind_label, severity_label
from salesdesk.ui.prospect_dialog import _RecordDialog
from salesdesk.ui.prospect_model import format_datetime

__all__ = [
    "ActionItemDialog",
    "ComplaintDialog",
    "FollowUpDialog",
    "FollowUpInput",
    "MomentDialog",
    "from_qdatetime",
    "to_qdatetime",
]


def to_qdatetime(value: datetime) -> QDateTime:
    """An aware moment as the local wall-clock time Qt's editors show."""
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def from_qdatetime(value: QDateTime) -> datetime:
    """What a date-time editor shows, as an aware datetime in the machine's zone."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch()).astimezone()


def _moment_edit(value: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDateTime(to_qdatetime(value))
    return edit


def _text_edit(min_height: int = 60) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(min_height)
    return edit


def _contact_combo(contacts: Sequence[ContactRecord], current: str | None) -> QComboBox:
    combo = QComboBox()
    combo.addItem(QCoreApplication.translate("ItemDialogs", "(no one in particular)"), None)
    for c in contacts:
        combo.addItem(c.name if not c.title else f"{c.name}（{c.title}）", c.id)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    elif contacts:
        combo.setCurrentIndex(1)  # usually it is about the first person on file
    return combo


class _ItemDialog(_RecordDialog):
    """The prospect dialogs' Save/Cancel and field errors, plus Ctrl+Enter to save."""

    def _finish(self, form: QFormLayout, initial: object | None, first: QWidget) -> None:
        super()._finish(form, initial, first)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.accept)
        save = self.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        save.setToolTip(QCoreApplication.translate("ItemDialogs", "Save (Ctrl+Enter)"))


# -- follow-ups --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FollowUpInput:
    """A follow-up as typed: when, what, and what it brings the customer."""

    due_at: datetime
    what: str
    kind: InteractionKind = InteractionKind.INFORMATION

    def validate(self) -> None:
        if not self.what.strip():
            raise ValidationError({"what": REQUIRED})


class FollowUpDialog(_ItemDialog):
    """Schedule a follow-up, or change when and what (``initial`` given: its kind stays)."""

    def __init__(
        self,
        company: str,
        default_due: datetime,
        initial: FollowUpInput | None = None,
        on_save: Callable[[FollowUpInput], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_save, parent)
        title = self.tr("Schedule follow-up") if initial is None else self.tr("Edit follow-up")
        self.setWindowTitle(f"{title} — {company}")
        self.setMinimumWidth(460)
        self.when = _moment_edit(default_due)
        self.what = QLineEdit()
        self.what.setPlaceholderText(self.tr("e.g. bring the case study they asked about"))
        self.kind = QComboBox()
        for k in InteractionKind:
            self.kind.addItem(kind_label(k), k)
        self.kind.setCurrentIndex(self.kind.findData(InteractionKind.INFORMATION))
        self.kind.setToolTip(self.tr("What this contact brings the customer"))
        form = QFormLayout()
        self.errors.add_row(form, self.tr("What*"), "what", self.what)
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("Kind"), self.kind)
        self.kind.setEnabled(initial is None)
        self._finish(form, initial, self.what)

    def set_input(self, data: FollowUpInput) -> None:
        self.when.setDateTime(to_qdatetime(data.due_at))
        self.what.setText(data.what)
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))

    def current_input(self) -> FollowUpInput:
        return FollowUpInput(
            due_at=from_qdatetime(self.when.dateTime()),
            what=self.what.text(),
            kind=InteractionKind(self.kind.currentData()),
        )


# -- customer action items ------------------------------------------------------------------
class ActionItemDialog(_ItemDialog):
    """What the customer owes by when (documents checked, approval, data, a decision)."""

    def __init__(
        self,
        prospect_id: str,
        company: str,
        contacts: Sequence[ContactRecord],
        default_due: datetime,
        initial: ActionItemInput | None = None,
        on_save: Callable[[ActionItemInput], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_save, parent)
        self._prospect_id = prospect_id
        self._deal_id = None if initial is None else initial.deal_id
        title = (
            self.tr("New customer action item")
            if initial is None
            else self.tr("Edit customer action item")
        )
        self.setWindowTitle(f"{title} — {company}")
        self.setMinimumWidth(520)

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("e.g. internal approval of the quotation"))
        self.contact = _contact_combo(contacts, None if initial is None else initial.contact_id)
        self.due = _moment_edit(default_due)
        self.consequence = QLineEdit()
        self.consequence.setPlaceholderText(
            self.tr("e.g. the April installation slot is given to another customer")
        )
        self.lead_days = QSpinBox()
        self.lead_days.setRange(0, MAX_LEAD_DAYS)
        self.lead_days.setValue(DEFAULT_LEAD_DAYS)
        self.lead_days.setSpecialValueText(self.tr("no friendly check"))
        self.lead_days.setSuffix(self.tr(" days before"))
        self.check_hint = QLabel()
        self.check_hint.setObjectName("checkHint")
        self.check_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.check_hint.setStyleSheet("#checkHint { color: palette(mid); }")
        self.notes = _text_edit()

        form = QFormLayout()
        self.errors.add_row(form, self.tr("The customer owes*"), "title", self.title_edit)
        self.errors.add_row(form, self.tr("Contact"), "contact_id", self.contact)
        form.addRow(self.tr("Deadline"), self.due)
        form.addRow(self.tr("If it is late"), self.consequence)
        self.errors.add_row(form, self.tr("Friendly check"), "lead_days", self.lead_days)
        form.addRow("", self.check_hint)
        form.addRow(self.tr("Notes"), self.notes)
        self.due.dateTimeChanged.connect(self._update_hint)
        self.lead_days.valueChanged.connect(self._update_hint)
        self._finish(form, initial, self.title_edit)
        self._update_hint()

    def _update_hint(self) -> None:
        data = self.current_input()
        if data.lead_days <= 0:
            self.check_hint.setText(
                self.tr("No reminder before the deadline, only when it passes.")
            )
            return
        check = data.due_at - timedelta(days=data.lead_days)
        self.check_hint.setText(
            self.tr("Reminder for a friendly progress check: {0}").format(format_datetime(check))
        )

    def set_input(self, data: ActionItemInput) -> None:
        self.title_edit.setText(data.title)
        self.contact.setCurrentIndex(max(0, self.contact.findData(data.contact_id)))
        self.due.setDateTime(to_qdatetime(data.due_at))
        self.consequence.setText(data.consequence)
        self.lead_days.setValue(data.lead_days)
        self.notes.setPlainText(data.notes)

    def current_input(self) -> ActionItemInput:
        return ActionItemInput(
            prospect_id=self._prospect_id,
            title=self.title_edit.text(),
            due_at=from_qdatetime(self.due.dateTime()),
            consequence=self.consequence.text(),
            lead_days=self.lead_days.value(),
            contact_id=self.contact.currentData(),
            deal_id=self._deal_id,
            notes=self.notes.toPlainText(),
        )


# -- complaints ------------------------------------------------------------------------------
class ComplaintDialog(_ItemDialog):
    """A complaint or problem after the sale: what, how bad, where it stands, how solved."""

    def __init__(
        self,
        prospect_id: str,
        company: str,
        contacts: Sequence[ContactRecord],
        initial: ComplaintInput | None = None,
        on_save: Callable[[ComplaintInput], object] | None = None,
        parent: QWidget | None = None,
        now: datetime | None = None,
    ) -> None:
        super().__init__(on_save, parent)
        self._prospect_id = prospect_id
        self._deal_id = None if initial is None else initial.deal_id
        title = self.tr("New complaint") if initial is None else self.tr("Edit complaint")
        self.setWindowTitle(f"{title} — {company}")
        self.setMinimumWidth(520)

        self.description = _text_edit(70)
        self.description.setPlaceholderText(self.tr("What went wrong, in the customer's words"))
        self.contact = _contact_combo(contacts, None if initial is None else initial.contact_id)
        self.opened = _moment_edit(now or utc_now())
        self.severity = QComboBox()
        for sev in ComplaintSeverity:
            self.severity.addItem(severity_label(sev), sev)
        self.severity.setCurrentIndex(self.severity.findData(ComplaintSeverity.MEDIUM))
        self.status = QComboBox()
        for st in ComplaintStatus:
            self.status.addItem(complaint_status_label(st), st)
        self.resolution = _text_edit(60)
        self.resolution.setPlaceholderText(self.tr("How it was put right (needed to resolve it)"))

        form = QFormLayout()
        self.errors.add_row(form, self.tr("Problem*"), "description", self.description)
        self.errors.add_row(form, self.tr("Contact"), "contact_id", self.contact)
        form.addRow(self.tr("Opened"), self.opened)
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow(self.tr("Status"), self.status)
        self.resolution_error = self.errors.add_row(
            form, self.tr("Resolution"), "resolution", self.resolution
        )
        self._resolution_label = form.labelForField(self.resolution.parentWidget())
        self.status.currentIndexChanged.connect(self._status_changed)
        self._finish(form, initial, self.description)
        self._status_changed()

    def resolve(self) -> None:
        """Preset the status to resolved with the cursor in the resolution (Done on it)."""
        self.status.setCurrentIndex(self.status.findData(ComplaintStatus.RESOLVED))
        self.resolution.setFocus()

    def _status_changed(self) -> None:
        resolved = self.status.currentData() == ComplaintStatus.RESOLVED
        if isinstance(self._resolution_label, QLabel):
            self._resolution_label.setText(
                self.tr("Resolution*") if resolved else self.tr("Resolution")
            )

    def set_input(self, data: ComplaintInput) -> None:
        self.description.setPlainText(data.description)
        self.contact.setCurrentIndex(max(0, self.contact.findData(data.contact_id)))
        if data.opened_at is not None:
            self.opened.setDateTime(to_qdatetime(data.opened_at))
        self.severity.setCurrentIndex(max(0, self.severity.findData(data.severity)))
        self.status.setCurrentIndex(max(0, self.status.findData(data.status)))
        self.resolution.setPlainText(data.resolution)

    def current_input(self) -> ComplaintInput:
        return ComplaintInput(
            prospect_id=self._prospect_id,
            description=self.description.toPlainText(),
            severity=ComplaintSeverity(self.severity.currentData()),
            status=ComplaintStatus(self.status.currentData()),
            resolution=self.resolution.toPlainText(),
            contact_id=self.contact.currentData(),
            deal_id=self._deal_id,
            opened_at=from_qdatetime(self.opened.dateTime()),
        )


# -- a moment ----------------------------------------------------------------------------------
class MomentDialog(QDialog):
    """Pick a date and time (reschedule to, snooze until); ``chosen`` once accepted."""

    def __init__(
        self, title: str, prompt: str, initial: datetime, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)  # a Japanese title and its prompt on one line
        self.chosen: datetime | None = None
        label = QLabel(prompt)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.when = _moment_edit(initial)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.when)
        layout.addWidget(buttons)
        self.when.setFocus()

    def accept(self) -> None:
        self.chosen = from_qdatetime(self.when.dateTime())
        super().accept()

    @classmethod
    def ask(
        cls, title: str, prompt: str, initial: datetime, parent: QWidget | None
    ) -> datetime | None:
        """The chosen moment, or None when cancelled."""
        dialog = cls(title, prompt, initial, parent)
        return dialog.chosen if dialog.exec() else None
