"""The log-call dialog: keyboard first, and it asks for the next step before closing.

Ctrl+L opens it with the cursor in the summary; Tab walks the fields; Ctrl+Enter
saves. The next follow-up is pre-dated, so usually only "what" needs typing. Closing
without a next step needs an explicit "No next step", which is recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.core.clock import utc_now
from salesdesk.core.enums import Channel, InteractionKind, Outcome
from salesdesk.core.records import CallInput, ContactRecord, NextStep, OpenFollowUp
from salesdesk.core.validation import ValidationError
from salesdesk.ui.forms import FORM_STYLE, FieldErrors, confirm_discard, save_or_explain
from salesdesk.ui.labels import channel_label, kind_label, outcome_label
from salesdesk.ui.prospect_model import format_datetime

if TYPE_CHECKING:
    from salesdesk.core.drafts import DraftSlot


def default_next_moment(now: datetime, days: int, hour: int) -> datetime:
    """``days`` working days after ``now`` (local), at ``hour``:00, skipping weekends."""
    local = now.astimezone()
    day = local.date()
    remaining = max(1, days)
    while remaining:
        day += timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    return local.replace(
        year=day.year, month=day.month, day=day.day, hour=hour, minute=0, second=0, microsecond=0
    )


class CallDialog(QDialog):
    def __init__(
        self,
        prospect_id: str,
        company: str,
        contacts: tuple[ContactRecord, ...],
        default_contact_id: str | None,
        open_follow_ups: list[OpenFollowUp],
        on_save: Callable[[CallInput], object] | None = None,
        follow_up_days: int = 3,
        follow_up_hour: int = 10,
        now: datetime | None = None,
        parent: QWidget | None = None,
        draft: DraftSlot | None = None,
        decision_check: Callable[[CallInput], list[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._prospect_id = prospect_id
        self._on_save = on_save
        self.saved_input: CallInput | None = None
        now = now or utc_now()
        self.setWindowTitle(self.tr("Log call — {0}").format(company))
        self.setStyleSheet(FORM_STYLE)
        self.setMinimumWidth(520)
        self.errors = FieldErrors()

        self.contact = QComboBox()
        self.contact.addItem(self.tr("(no one in particular)"), None)
        for c in contacts:
            label = c.name if not c.title else f"{c.name}（{c.title}）"
            self.contact.addItem(label, c.id)
        if default_contact_id is not None:
            self.contact.setCurrentIndex(max(0, self.contact.findData(default_contact_id)))
        elif contacts:
            self.contact.setCurrentIndex(1)
        self.channel = QComboBox()
        for ch in Channel:
            self.channel.addItem(channel_label(ch), ch)
        self.kind = QComboBox()
        for k in InteractionKind:
            self.kind.addItem(kind_label(k), k)
        self.kind.setCurrentIndex(self.kind.findData(InteractionKind.INFORMATION))
        self.outcome = QComboBox()
        for o in Outcome:
            self.outcome.addItem(outcome_label(o), o)
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(self.tr("What happened, in one line"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)
        self.duration = QSpinBox()
        self.duration.setRange(0, 24 * 60)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("not recorded"))
        self.small_yes = QCheckBox(self.tr("Small yes obtained"))
        self.customer_initiated = QCheckBox(self.tr("Customer initiated (they reached out)"))
        self.appointment_requested = QCheckBox(self.tr("Asked for an appointment"))

        form = QFormLayout()
        self.errors.add_row(form, self.tr("Summary*"), "summary", self.summary)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Notes"), self.notes)
        self.errors.add_row(form, self.tr("Duration"), "duration_min", self.duration)
        flags = QHBoxLayout()
        flags.addWidget(self.small_yes)
        flags.addWidget(self.customer_initiated)
        flags.addWidget(self.appointment_requested)
        flags.addStretch(1)
        form.addRow("", flags)

        # Open follow-ups due by now are usually what this call fulfils.
        self.completes: list[tuple[QCheckBox, str]] = []
        for fu in open_follow_ups:
            box = QCheckBox(
                self.tr("Done: {0} (due {1})").format(fu.what, format_datetime(fu.due_at))
            )
            box.setChecked(fu.due_at <= now + timedelta(hours=12))
            self.completes.append((box, fu.id))
            form.addRow("", box)

        # The next step, asked for before the dialog closes.
        self.next_group = QGroupBox(self.tr("Next step"))
        next_form = QFormLayout(self.next_group)
        self.next_what = QLineEdit()
        self.next_what.setPlaceholderText(self.tr("e.g. send the market report they asked about"))
        self.next_when = QDateTimeEdit()
        self.next_when.setCalendarPopup(True)
        self.next_when.setDateTime(
            QDateTime.fromSecsSinceEpoch(
                int(default_next_moment(now, follow_up_days, follow_up_hour).timestamp())
            )
        )
        self.next_kind = QComboBox()
        for k in InteractionKind:
            self.next_kind.addItem(kind_label(k), k)
        self.next_kind.setCurrentIndex(self.next_kind.findData(InteractionKind.INFORMATION))
        self.no_next_step = QCheckBox(self.tr("No next step"))
        self.no_next_step.toggled.connect(self._on_no_next_step)
        self.next_error = QLabel()
        self.errors.add_row(next_form, self.tr("What"), "next_step_what", self.next_what)
        next_form.addRow(self.tr("When"), self.next_when)
        next_form.addRow(self.tr("Kind"), self.next_kind)
        next_form.addRow("", self.no_next_step)
        next_form.addRow(self.next_error)
        self.errors.register("next_step", self.next_what, self.next_error)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.next_group)
        # Asking for a decision while the relationship is weak (DOMAIN.md §1): warn once,
        # never block; the second Save stores the call ("Save anyway").
        self._decision_check = decision_check
        self._decision_warned = False
        self.decision_warning = QLabel()
        self.decision_warning.setObjectName("decisionWarning")
        self.decision_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.decision_warning.setWordWrap(True)
        self.decision_warning.setStyleSheet(
            "#decisionWarning { background: #fff4d6; border: 1px solid #e0c070; padding: 6px; }"
        )
        self.decision_warning.hide()
        layout.addWidget(self.decision_warning)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.summary, self.contact)
        self.summary.setFocus()
        # Data safety: autosaved draft (restored here) and plain-words storage failures.
        from salesdesk.ui import call_safety

        self.storage_message = call_safety.storage_label()
        self.draft_keeper = call_safety.attach(self, draft)
        self._on_save = call_safety.guard_storage(self, self._on_save)

    def _on_no_next_step(self, checked: bool) -> None:
        for w in (self.next_what, self.next_when, self.next_kind):
            w.setEnabled(not checked)

    def current_input(self) -> CallInput:
        next_step = None
        if not self.no_next_step.isChecked() and self.next_what.text().strip():
            when = self.next_when.dateTime().toSecsSinceEpoch()
            next_step = NextStep(
                due_at=datetime.fromtimestamp(when).astimezone(),
                what=self.next_what.text(),
                kind=InteractionKind(self.next_kind.currentData()),
            )
        duration = self.duration.value()
        return CallInput(
            prospect_id=self._prospect_id,
            summary=self.summary.text(),
            kind=InteractionKind(self.kind.currentData()),
            channel=Channel(self.channel.currentData()),
            outcome=Outcome(self.outcome.currentData()),
            contact_id=self.contact.currentData(),
            notes=self.notes.toPlainText(),
            duration_min=duration or None,
            small_yes=self.small_yes.isChecked(),
            customer_initiated=self.customer_initiated.isChecked(),
            appointment_requested=self.appointment_requested.isChecked(),
            next_step=next_step,
            no_next_step=self.no_next_step.isChecked(),
            completes=[fid for box, fid in self.completes if box.isChecked()],
        )

    def has_typed_text(self) -> bool:
        return bool(
            self.summary.text().strip()
            or self.notes.toPlainText().strip()
            or self.next_what.text().strip()
        )

    def _warn_before_decision(self, data: CallInput) -> bool:
        """Show the weak dimensions once if this call asks for a decision; True if shown."""
        if self._decision_check is None or self._decision_warned:
            return False
        try:
            data.validate()  # field messages first; the warning is for a call ready to save
        except ValidationError:
            return False
        weak = self._decision_check(data)
        if not weak:
            return False
        self._decision_warned = True
        self.decision_warning.setText(
            self.tr(
                "This call asks for a decision, but the relationship is still weak: {0}. "
                "Asking now may get a No. Save anyway, or build the relationship first."
            ).format(", ".join(weak))
        )
        self.decision_warning.show()
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save anyway"))
        return True

    def accept(self) -> None:
        data = self.current_input()
        if self._warn_before_decision(data):
            return
        if save_or_explain(self, self.errors, data, self._on_save):
            self.saved_input = data
            super().accept()

    def reject(self) -> None:
        if self.has_typed_text() and not confirm_discard(
            self, self.tr("What you typed for this call has not been saved. Discard it?")
        ):
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter moves on to the next field; only Ctrl+Enter saves, so a stray Enter
        # never closes the dialog before the next step is set.
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.focusNextChild()
            return
        super().keyPressEvent(event)
