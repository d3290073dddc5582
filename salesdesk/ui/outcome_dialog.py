"""Recording the customer's answer on a deal: ○ won, △ pending, × lost — or no answer yet.

× (lost) is accepted only with the customer's stated reason: its category, their words,
who said it and when (DOMAIN.md §3: never declare a deal dead without their word).
Without it the dialog refuses at the fields and offers "No answer yet" instead, which
keeps the deal open and schedules a follow-up.

Also home of two small widgets the deal panel shares: :class:`OptionalDate` (a date that
may be left unset) and :class:`DealFieldErrors` (field messages in the deals' words).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.core.closing_rules import VALUE_KIND_ORDER, DealResult, LossCategory
from salesdesk.core.db import StorageError
from salesdesk.core.deals import Deal, OutcomeInput
from salesdesk.core.enums import InteractionKind
from salesdesk.core.validation import NotFoundError, ValidationError
from salesdesk.ui.deal_text import category_label, deal_error
from salesdesk.ui.forms import FORM_STYLE, FieldErrors
from salesdesk.ui.labels import kind_label

NO_ANSWER = "no_answer"
DIALOG_WIDTH = 560
BANNER_STYLE = (
    "#refusal { background: #fdecea; border: 1px solid #e0a0a0; padding: 6px; color: #7a1010; }"
)


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class OptionalDate(QWidget):
    """A date that may be left unset: a tick turns the date on (today by default)."""

    changed = Signal()

    def __init__(self, label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        # Unset reads "not set", not a greyed date that looks filled in.
        self.edit.setMinimumDate(_UNSET)
        self.edit.setSpecialValueText(self.tr("not set"))
        self.edit.setDate(_UNSET)
        self.edit.setEnabled(False)
        self._last = QDate.currentDate()  # what a tick brings back (today at first)
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.check)
        lay.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)

    def _toggled(self, on: bool) -> None:
        self.blockSignals(True)  # one "changed" for the tick, not one more for the date
        if on:
            self.edit.setDate(self._last)
        else:
            if self.edit.date() != _UNSET:
                self._last = self.edit.date()
            self.edit.setDate(_UNSET)
        self.blockSignals(False)
        self.edit.setEnabled(on)
        self.changed.emit()

    def value(self) -> date | None:
        return pydate(self.edit.date()) if self.check.isChecked() else None

    def setValue(self, value: date | None) -> None:
        self.blockSignals(True)
        self.check.setChecked(value is not None)
        self.edit.setDate(qdate(value) if value is not None else _UNSET)
        if value is not None:
            self._last = qdate(value)
        self.edit.setEnabled(value is not None)
        self.blockSignals(False)


#: The date an unset :class:`OptionalDate` holds (shown as "not set"): before any deal.
_UNSET = QDate(2000, 1, 1)


class DealFieldErrors(FieldErrors):
    """Field messages in the deals' words (loss reasons, amounts...)."""

    def show_errors(self, errors: dict[str, str]) -> None:
        super().show_errors(errors)
        for name, code in errors.items():
            if name in self._fields:
                self._fields[name][1].setText(deal_error(name, code))


class OutcomeDialog(QDialog):
    """Record ○ / △ / × with a date, or "no answer yet" with a follow-up."""

    def __init__(
        self,
        deal: Deal,
        company: str,
        on_record: Callable[[OutcomeInput], object],
        on_no_answer: Callable[[datetime, str, InteractionKind], object],
        contacts: Sequence[str] = (),
        suggested_kind: InteractionKind = InteractionKind.INFORMATION,
        follow_up_days: int = 3,
        follow_up_hour: int = 10,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Customer's answer"))
        self.setStyleSheet(FORM_STYLE)
        self._on_record = on_record
        self._on_no_answer = on_no_answer
        self.recorded: str | None = None
        self.errors = DealFieldErrors()

        heading = QLabel(f"{company} — {deal.title}")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)

        # The four answers; none is preselected, so the rep chooses deliberately.
        self.won = QRadioButton(self.tr("○ Won"))
        self.pending = QRadioButton(self.tr("△ Pending (they will decide later)"))
        self.lost = QRadioButton(self.tr("× Lost (the customer said no)"))
        self.no_answer = QRadioButton(self.tr("No answer yet (no word from the customer)"))
        self.choice = QButtonGroup(self)
        for button, value in (
            (self.won, DealResult.WON.value),
            (self.pending, DealResult.PENDING.value),
            (self.lost, DealResult.LOST.value),
            (self.no_answer, NO_ANSWER),
        ):
            button.setProperty("result", value)
            self.choice.addButton(button)
        self.choice.buttonToggled.connect(lambda *_a: self._update_sections())
        answers = QVBoxLayout()
        for button in (self.won, self.pending, self.lost, self.no_answer):
            answers.addWidget(button)

        # ○ / △ / ×: the day of the answer and a note.
        self.on = QDateEdit(QDate.currentDate())
        self.on.setCalendarPopup(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What they said, in a few words (optional)"))
        self.answer_box = QGroupBox(self.tr("The answer"))
        answer_form = QFormLayout(self.answer_box)
        self.errors.add_row(answer_form, self.tr("Date"), "on", self.on)
        answer_form.addRow(self.tr("Note"), self.note)

        # ×: the customer's stated reason, all four parts required.
        self.category = QComboBox()
        self.category.addItem(self.tr("Choose…"), "")
        for c in LossCategory:
            self.category.addItem(category_label(c), c.value)
        self.words = QPlainTextEdit()
        self.words.setPlaceholderText(self.tr("Their words, e.g. “The budget is half of this.”"))
        self.words.setTabChangesFocus(True)
        self.words.setFixedHeight(64)
        self.said_by = QComboBox()
        self.said_by.setEditable(True)
        self.said_by.addItem("")
        self.said_by.addItems(list(contacts))
        self.said_by.lineEdit().setPlaceholderText(self.tr("Name on the customer's side"))
        self.said_on = OptionalDate(self.tr("Said on"))
        self.loss_box = QGroupBox(self.tr("The customer's reason (required for a loss)"))
        loss_form = QFormLayout(self.loss_box)
        self.errors.add_row(loss_form, self.tr("Category"), "loss_category", self.category)
        self.errors.add_row(loss_form, self.tr("Their words"), "loss_words", self.words)
        self.errors.add_row(loss_form, self.tr("Who said it"), "loss_said_by", self.said_by)
        self.errors.add_row(loss_form, self.tr("When"), "loss_said_on", self.said_on)

        # Shown when a loss is refused: the honest alternative, one click away.
        self.refusal = QFrame()
        self.refusal.setObjectName("refusal")
        self.refusal.setStyleSheet(BANNER_STYLE)
        self.refusal_text = QLabel(
            self.tr(
                "A deal is lost only on the customer's word. A passed answer date, unanswered "
                "mail or a phone nobody picks up is not a no. Without their reason, choose "
                "“No answer yet”: the deal stays open and a follow-up is scheduled."
            )
        )
        self.refusal_text.setWordWrap(True)
        self.use_no_answer = QPushButton(self.tr("No answer yet instead"))
        self.use_no_answer.clicked.connect(lambda: self.no_answer.setChecked(True))
        refusal_layout = QVBoxLayout(self.refusal)
        refusal_layout.addWidget(self.refusal_text)
        refusal_layout.addWidget(self.use_no_answer, 0, Qt.AlignmentFlag.AlignLeft)
        self.refusal.hide()

        # No answer yet: the follow-up that keeps the deal moving.
        start = QDateTime(
            QDate.currentDate().addDays(follow_up_days), QTime(max(0, min(23, follow_up_hour)), 0)
        )
        self.follow_up_at = QDateTimeEdit(start)
        self.follow_up_at.setCalendarPopup(True)
        self.follow_up_what = QLineEdit(
            self.tr("Ask about the decision on “{0}”").format(deal.title)
        )
        self.follow_up_kind = QComboBox()
        for kind in VALUE_KIND_ORDER:
            self.follow_up_kind.addItem(kind_label(kind), kind.value)
        index = self.follow_up_kind.findData(suggested_kind.value)
        self.follow_up_kind.setCurrentIndex(max(0, index))
        self.follow_up_kind.setToolTip(
            self.tr("Bring them something of value, not only “how is it going?”")
        )
        self.no_answer_box = QGroupBox(self.tr("Follow-up (the deal stays open)"))
        follow_form = QFormLayout(self.no_answer_box)
        self.errors.add_row(follow_form, self.tr("When"), "follow_up_at", self.follow_up_at)
        self.errors.add_row(follow_form, self.tr("What"), "follow_up_what", self.follow_up_what)
        follow_form.addRow(self.tr("Bring them"), self.follow_up_kind)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Record"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(answers)
        layout.addWidget(self.answer_box)
        layout.addWidget(self.loss_box)
        layout.addWidget(self.refusal)
        layout.addWidget(self.no_answer_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(DIALOG_WIDTH)
        self._update_sections()

    # -- state ---------------------------------------------------------------------------
    def selected(self) -> str | None:
        button = self.choice.checkedButton()
        return None if button is None else str(button.property("result"))

    def _update_sections(self) -> None:
        chosen = self.selected()
        self.answer_box.setVisible(chosen in ("won", "pending", "lost"))
        self.loss_box.setVisible(chosen == "lost")
        self.no_answer_box.setVisible(chosen == NO_ANSWER)
        if chosen != "lost":
            self.refusal.hide()
        self.ok_button.setEnabled(chosen is not None)
        self._fit()

    def outcome_input(self) -> OutcomeInput:
        chosen = self.selected()
        assert chosen in ("won", "pending", "lost")
        return OutcomeInput(
            DealResult(chosen),
            on=pydate(self.on.date()),
            note=self.note.text(),
            loss_category=str(self.category.currentData() or ""),
            loss_words=self.words.toPlainText(),
            loss_said_by=self.said_by.currentText(),
            loss_said_on=self.said_on.value(),
        )

    def _fit(self) -> None:
        """Grow (or shrink) to what is shown now, wrapped messages included.

        adjustSize() alone ignores the height of word-wrapped labels, and the messages
        under the fields then overlap the fields.
        """
        layout = self.layout()
        layout.activate()
        width = max(self.width(), DIALOG_WIDTH)
        if layout.hasHeightForWidth():
            height = layout.totalHeightForWidth(width)
        else:
            height = layout.totalSizeHint().height()
        self.resize(width, max(height, layout.totalMinimumSize().height()))

    # -- saving -----------------------------------------------------------------------------
    def accept(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        try:
            if chosen == NO_ANSWER:
                due = self.follow_up_at.dateTime().toPython()
                assert isinstance(due, datetime)
                kind = InteractionKind(self.follow_up_kind.currentData())
                self._on_no_answer(due.astimezone(), self.follow_up_what.text(), kind)
            else:
                self._on_record(self.outcome_input())
        except ValidationError as exc:
            self.errors.show_errors(exc.errors)
            loss_fields = {"loss_category", "loss_words", "loss_said_by", "loss_said_on"}
            self.refusal.setVisible(chosen == "lost" and bool(loss_fields & set(exc.errors)))
            self._fit()
            return
        except (StorageError, NotFoundError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("SalesDesk could not record the answer.\n\nDetails: {0}").format(exc),
            )
            return
        self.errors.clear()
        self.recorded = chosen
        super().accept()
