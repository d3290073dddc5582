"""The "Deals" tab of a prospect: its deals, the deal editor and the closing checklist beside it.

- the deal list (title, stage, amount, answer, decision deadline; △ streaks flagged);
- the editor: amount, stage, the rep's forecast and — apart from it — the customer's
  decision deadline (決断期日), their own goal date and the last date our proposal still
  helps them; who decides, what they collect first, competitors;
- the closing checklist (DOMAIN.md §2) beside it: a readiness bar, what is missing in plain
  words, the ticks with a note and a date, the second and third arrows (written, not only
  ticked), buying signals, and the small yeses counted from logged calls;
- open questions and worries (疑問・不安) with who asked, the answer and when resolved;
- warnings: a pending streak (△ three times in a row) and follow-ups that were only
  progress checks, with a kind of contact that brings the customer value.

Ticks, notes, arrows, signals and questions are stored as they are made; the deal's own
fields are stored with "Save deal". The editor and the checklist sit side by side when
the panel is wide enough, one under the other when it is narrow.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesk.core import closing_rules as rules
from salesdesk.core.closing_rules import CheckItem, DealResult, DealStage
from salesdesk.core.db import StorageError
from salesdesk.core.deals import (
    Checklist,
    Deal,
    DealInput,
    DealService,
    QuestionInput,
    format_amount,
    parse_amount,
)
from salesdesk.core.enums import InteractionKind
from salesdesk.core.validation import NotFoundError, ValidationError
from salesdesk.ui.deal_text import (
    amount_text,
    deal_error,
    deal_stage_label,
    format_day,
    history_label,
    item_label,
    lint_text,
    missing_text,
    readiness_text,
    result_label,
    streak_text,
)
from salesdesk.ui.forms import FORM_STYLE, confirm_discard, plain_tooltip
from salesdesk.ui.outcome_dialog import DealFieldErrors, OptionalDate, OutcomeDialog, pydate, qdate
from salesdesk.ui.screen_fit import fit_to_screen, scrolling, side_by_side

#: Wider than this, the editor and the checklist sit side by side.
SIDE_BY_SIDE_WIDTH = 700
WARNING_STYLE = "background: #fff4d6; border: 1px solid #e0c070; padding: 6px; color: #5a3d00;"
CLOSED_STYLE = "background: #f2f2f2; border: 1px solid #cfcfcf; padding: 6px; color: #333;"
LEVEL_COLORS = {"ready": "#2e7d32", "getting_there": "#e0a000", "not_ready": "#c62828"}
DONE_MARK, TODO_MARK = "✔", "✘"
#: On a won or lost deal the checklist is a record: an item not done is only a dash.
NOT_DONE_MARK = "–"
HISTORY_COLOR = "#6a6a6a"
CURRENCIES = ("JPY", "USD", "EUR", "CNY", "KRW", "TWD")


def _plain(text: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # what the rep typed is never HTML
    label.setWordWrap(wrap)
    return label


def _warning(object_name: str) -> QLabel:
    label = _plain()
    label.setObjectName(object_name)
    label.setStyleSheet(f"#{object_name} {{ {WARNING_STYLE} }}")
    label.hide()
    return label


class _LargeDealsDialog(QDialog):
    """The "Larger view" window: closing it with unsaved deal edits asks first."""

    panel: DealPanel | None = None

    def reject(self) -> None:
        panel = self.panel
        if (
            panel is not None
            and panel._editor_dirty
            and not confirm_discard(
                self,
                QCoreApplication.translate(
                    "DealPanel", "The deal has unsaved changes. Discard them?"
                ),
            )
        ):
            return
        super().reject()


class QuestionDialog(QDialog):
    """Add or edit one question or worry (疑問・不安), and its answer once given."""

    def __init__(
        self,
        on_save: Callable[[QuestionInput], object],
        current: QuestionInput | None = None,
        contacts: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Question or worry"))
        self.setStyleSheet(FORM_STYLE)
        self._on_save = on_save
        self.errors = DealFieldErrors()
        data = current or QuestionInput("")
        self.question = QPlainTextEdit(data.question)
        self.question.setTabChangesFocus(True)
        self.question.setFixedHeight(60)
        self.asked_by = QComboBox()
        self.asked_by.setEditable(True)
        self.asked_by.addItems(["", *contacts])
        self.asked_by.setCurrentText(data.asked_by)
        self.asked_on = QDateEdit(qdate(data.asked_on) if data.asked_on else QDate.currentDate())
        self.asked_on.setCalendarPopup(True)
        self.answer = QPlainTextEdit(data.answer)
        self.answer.setTabChangesFocus(True)
        self.answer.setFixedHeight(60)
        self.answer.setPlaceholderText(self.tr("The answer you gave (when you have)"))
        self.resolved = OptionalDate(self.tr("Resolved on"))
        self.resolved.setValue(data.resolved_on)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("Question or worry"), "question", self.question)
        form.addRow(self.tr("Asked by"), self.asked_by)
        form.addRow(self.tr("Asked on"), self.asked_on)
        self.errors.add_row(form, self.tr("Answer"), "answer", self.answer)
        form.addRow("", self.resolved)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def data(self) -> QuestionInput:
        return QuestionInput(
            self.question.toPlainText(),
            self.asked_by.currentText(),
            pydate(self.asked_on.date()),
            self.answer.toPlainText(),
            self.resolved.value(),
        )

    def accept(self) -> None:
        try:
            self._on_save(self.data())
        except ValidationError as exc:
            self.errors.show_errors(exc.errors)
            return
        except (StorageError, NotFoundError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return
        super().accept()


class TickRow:
    """One hand-ticked checklist item: the tick, a note and the date."""

    def __init__(self, item: CheckItem, parent: QWidget) -> None:
        self.item = item
        self.check = QCheckBox(item_label(item), parent)
        self.note = QLineEdit(parent)
        self.placeholder = (
            QCoreApplication.translate("DealPanel", "The reason to meet (required)")
            if item is CheckItem.NEXT_MEETING
            else QCoreApplication.translate("DealPanel", "Note (optional)")
        )
        self.note.setPlaceholderText(self.placeholder)
        self.on = QDateEdit(QDate.currentDate(), parent)
        self.on.setCalendarPopup(True)
        self.on.setToolTip(QCoreApplication.translate("DealPanel", "When it was done"))


class DealPanel(QWidget):
    """A prospect's deals with the editor, the closing checklist and the questions."""

    changed = Signal(str)  # prospect id: the list and timeline need a refresh

    def __init__(self, service: DealService | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.prospect_id: str | None = None
        self.company = ""
        self.contacts: list[str] = []
        self.deal_id: str | None = None
        self.lint_run = rules.PROGRESS_CHECK_RUN
        self.follow_up_days = 3
        self.follow_up_hour = 10
        self._deal: Deal | None = None
        self._checklist: Checklist | None = None
        self._dirty_load = False
        self._filling = False
        self._editor_dirty = False
        self.outcome_dialog: OutcomeDialog | None = None
        self.large_dialog: QDialog | None = None

        # -- the deal list -------------------------------------------------------------
        self.deal_list = QTreeWidget()
        self.deal_list.setRootIsDecorated(False)
        self.deal_list.setHeaderLabels(
            [self.tr("Deal"), self.tr("Stage"), self.tr("Amount"), self.tr("Answer"),
             self.tr("Decision deadline")]
        )  # fmt: skip
        header = self.deal_list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.deal_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.deal_list.currentItemChanged.connect(self._on_deal_selected)
        self.new_button = QPushButton(self.tr("New deal"))
        self.new_button.clicked.connect(self.new_deal)
        self.outcome_button = QPushButton(self.tr("Answer ○ △ ×…"))
        self.outcome_button.setToolTip(
            self.tr("Record the customer's answer, or that there is no answer yet")
        )
        self.outcome_button.clicked.connect(self.record_outcome)
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.setToolTip(self.tr("Reopen a lost deal; the loss stays in its history"))
        self.reopen_button.clicked.connect(self.reopen)
        self.delete_button = QPushButton(self.tr("Delete deal"))
        self.delete_button.clicked.connect(self.delete_deal)
        # The detail area is narrow: the same panel in a window of its own, side by side.
        self.large_button = QPushButton(self.tr("Larger view…"))
        self.large_button.setToolTip(self.tr("Open the deals in a larger window"))
        self.large_button.clicked.connect(self.open_large)
        list_buttons = QHBoxLayout()
        for b in (self.new_button, self.outcome_button, self.reopen_button, self.delete_button):
            list_buttons.addWidget(b)
        list_buttons.addStretch(1)
        # Above the list, at its right: in one row with the four, English labels made the
        # narrow detail area scroll sideways.
        large_row = QHBoxLayout()
        large_row.addStretch(1)
        large_row.addWidget(self.large_button)

        self.streak_warning = _warning("streakWarning")
        self.lint_warning = _warning("lintWarning")

        # -- the editor ----------------------------------------------------------------
        self.errors = DealFieldErrors()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("What you are selling, e.g. trade-fair package"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("1,200,000")
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        amount_row = QWidget()
        amount_layout = QHBoxLayout(amount_row)
        amount_layout.setContentsMargins(0, 0, 0, 0)
        amount_layout.addWidget(self.amount, 1)
        amount_layout.addWidget(self.currency)
        self.stage = QComboBox()
        for s in DealStage:
            self.stage.addItem(deal_stage_label(s), s.value)
        self.forecast = OptionalDate()
        self.forecast.setToolTip(self.tr("Your own forecast of when it closes"))
        self.deadline = OptionalDate()
        self.deadline.setToolTip(self.tr("By when the customer will decide (決断期日)"))
        self.goal = OptionalDate()
        self.goal.setToolTip(self.tr("What the customer must achieve by when"))
        self.last_useful = OptionalDate()
        self.last_useful.setToolTip(
            self.tr("After this date our proposal can no longer help them reach their goal")
        )
        self.decision_maker = QLineEdit()
        self.decision_steps = QPlainTextEdit()
        self.decision_steps.setTabChangesFocus(True)
        self.decision_steps.setFixedHeight(52)
        self.decision_steps.setPlaceholderText(self.tr("e.g. manager compares, president signs"))
        self.collect_first = QLineEdit()
        self.collect_first.setPlaceholderText(self.tr("e.g. two competing quotes"))
        self.competitors = QLineEdit()
        self.save_button = QPushButton(self.tr("Save deal"))
        self.save_button.clicked.connect(self.save_deal)
        self.unsaved = QLabel()
        self.unsaved.setStyleSheet("color: #8a5a00;")
        self.history = _plain()
        self.history.setStyleSheet("color: #555;")

        self.editor = QGroupBox(self.tr("Deal"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.errors.add_row(form, self.tr("Title"), "title", self.title)
        self.errors.add_row(form, self.tr("Amount"), "amount", amount_row)
        self.errors.add_row(form, self.tr("Stage"), "stage", self.stage)
        form.addRow(self.tr("Your forecast"), self.forecast)
        form.addRow(self.tr("Decision deadline"), self.deadline)
        form.addRow(self.tr("Customer's goal date"), self.goal)
        form.addRow(self.tr("Last date we can help"), self.last_useful)
        form.addRow(self.tr("Who decides"), self.decision_maker)
        form.addRow(self.tr("Decision steps"), self.decision_steps)
        form.addRow(self.tr("They collect first"), self.collect_first)
        form.addRow(self.tr("Competitors"), self.competitors)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.unsaved, 1)
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.addLayout(form)
        editor_layout.addLayout(save_row)
        editor_layout.addWidget(self.history)
        editor_layout.addStretch(1)  # beside a taller checklist, rows keep their height
        for w in (
            self.title,
            self.amount,
            self.decision_maker,
            self.collect_first,
            self.competitors,
        ):
            w.textEdited.connect(self._mark_dirty)
        self.decision_steps.textChanged.connect(self._mark_dirty)
        self.currency.currentTextChanged.connect(self._mark_dirty)
        self.stage.currentIndexChanged.connect(self._mark_dirty)
        for d in (self.forecast, self.deadline, self.goal, self.last_useful):
            d.changed.connect(self._mark_dirty)

        # -- the closing checklist -----------------------------------------------------
        self.checklist_box = QGroupBox(self.tr("Closing checklist"))
        self.readiness = QProgressBar()
        self.readiness.setRange(0, 100)
        self.readiness.setTextVisible(True)
        self.missing_title = QLabel(self.tr("<b>What is missing</b>"))
        self.missing = _plain()
        self.missing.setObjectName("missingItems")
        # A won or lost deal: the answer in plain words instead of the bar and the missing list.
        self.closed_note = _plain()
        self.closed_note.setObjectName("closedNote")
        self.closed_note.setStyleSheet(f"#closedNote {{ {CLOSED_STYLE} }}")
        self.closed_note.hide()
        self.tick_rows: dict[CheckItem, TickRow] = {}
        self.derived: dict[CheckItem, QLabel] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        row = 0
        self.second_arrow = QLineEdit()
        self.second_arrow.setPlaceholderText(self.tr("Second arrow: an alternative proposal"))
        self.third_arrow = QLineEdit()
        self.third_arrow.setPlaceholderText(self.tr("Third arrow: one more next step"))
        self.signal_list = QListWidget()
        self.signal_list.setMaximumHeight(70)
        self.signal_input = QLineEdit()
        self.signal_input.setPlaceholderText(self.tr("e.g. asked about delivery dates"))
        self.signal_input.returnPressed.connect(self.add_signal)
        self.add_signal_button = QPushButton(self.tr("Add"))
        self.add_signal_button.clicked.connect(self.add_signal)
        self.remove_signal_button = QPushButton(self.tr("Remove"))
        self.remove_signal_button.clicked.connect(self.remove_signal)
        for item in CheckItem:
            if item in rules.TICKED_ITEMS:
                tick = TickRow(item, self)
                tick.check.toggled.connect(lambda _on, i=item: self._tick_changed(i))
                tick.note.editingFinished.connect(lambda i=item: self._tick_changed(i, True))
                tick.on.dateChanged.connect(lambda _d, i=item: self._tick_changed(i, True))
                self.tick_rows[item] = tick
                grid.addWidget(tick.check, row, 0, 1, 3)
                grid.addWidget(tick.note, row + 1, 1)
                grid.addWidget(tick.on, row + 1, 2)
                row += 2
                continue
            label = _plain()
            self.derived[item] = label
            grid.addWidget(label, row, 0, 1, 3)
            row += 1
            if item is CheckItem.ARROWS:
                grid.addWidget(self.second_arrow, row, 1, 1, 2)
                grid.addWidget(self.third_arrow, row + 1, 1, 1, 2)
                row += 2
            elif item is CheckItem.BUYING_SIGNALS:
                signal_row = QHBoxLayout()
                signal_row.addWidget(self.signal_input, 1)
                signal_row.addWidget(self.add_signal_button)
                signal_row.addWidget(self.remove_signal_button)
                grid.addWidget(self.signal_list, row, 1, 1, 2)
                grid.addLayout(signal_row, row + 1, 1, 1, 2)
                row += 2
        grid.setColumnMinimumWidth(0, 18)
        self.second_arrow.editingFinished.connect(self._arrows_changed)
        self.third_arrow.editingFinished.connect(self._arrows_changed)
        checklist_layout = QVBoxLayout(self.checklist_box)
        checklist_layout.addWidget(self.closed_note)
        checklist_layout.addWidget(self.readiness)
        checklist_layout.addWidget(self.missing_title)
        checklist_layout.addWidget(self.missing)
        checklist_layout.addLayout(grid)

        # -- questions and worries ----------------------------------------------------------
        self.questions_box = QGroupBox(self.tr("Questions and worries"))
        self.question_list = QTreeWidget()
        self.question_list.setRootIsDecorated(False)
        self.question_list.setHeaderLabels(
            [self.tr("Question or worry"), self.tr("Asked by"), self.tr("Answer"),
             self.tr("Resolved")]
        )  # fmt: skip
        qheader = self.question_list.header()
        qheader.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        qheader.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        qheader.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        qheader.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        qheader.setStretchLastSection(False)
        self.question_list.setMaximumHeight(130)
        self.question_list.itemDoubleClicked.connect(lambda *_a: self.edit_question())
        self.add_question_button = QPushButton(self.tr("Add question…"))
        self.add_question_button.clicked.connect(self.add_question)
        self.edit_question_button = QPushButton(self.tr("Answer / edit…"))
        self.edit_question_button.clicked.connect(self.edit_question)
        self.delete_question_button = QPushButton(self.tr("Delete"))
        self.delete_question_button.clicked.connect(self.delete_question)
        question_buttons = QHBoxLayout()
        for b in (self.add_question_button, self.edit_question_button, self.delete_question_button):
            question_buttons.addWidget(b)
        question_buttons.addStretch(1)
        questions_layout = QVBoxLayout(self.questions_box)
        questions_layout.addWidget(self.question_list)
        questions_layout.addLayout(question_buttons)

        # -- layout: list on top; editor and checklist side by side (or stacked) ------------
        self.empty = QLabel(self.tr("No deals yet. “New deal” starts one."))
        self.empty.setWordWrap(True)
        self.pair = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.pair.addWidget(self.editor, 1)
        self.pair.addWidget(self.checklist_box, 1)
        self.deal_body = QWidget()
        body_layout = QVBoxLayout(self.deal_body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.streak_warning)
        body_layout.addWidget(self.lint_warning)
        body_layout.addLayout(self.pair)
        body_layout.addWidget(self.questions_box)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(large_row)
        content_layout.addWidget(self.deal_list)
        content_layout.addLayout(list_buttons)
        content_layout.addWidget(self.empty)
        content_layout.addWidget(self.deal_body)
        content_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._show_deal(None)

    def sizeHint(self) -> QSize:
        return QSize(900, 700)

    # -- layout ---------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        side_by_side(self.pair, event.size().width() >= SIDE_BY_SIDE_WIDTH)

    # -- loading ----------------------------------------------------------------------------
    def show_prospect(
        self, prospect_id: str | None, company: str = "", contacts: Sequence[str] = ()
    ) -> None:
        """Show the prospect's deals (now if visible, else when the tab is shown)."""
        same = prospect_id == self.prospect_id
        self.prospect_id = prospect_id
        self.company = company
        self.contacts = list(contacts)
        if not same:
            self.deal_id = None
            self._editor_dirty = False
        self.setEnabled(prospect_id is not None and self.service is not None)
        if self.isVisible():
            self.reload()
        else:
            self._dirty_load = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty_load:
            self.reload()

    def reload(self) -> None:
        """Refill the list and the selected deal from the data file."""
        self._dirty_load = False
        self._filling = True
        try:
            self.deal_list.clear()
            found: list[Deal] = []
            if self.prospect_id is not None and self.service is not None:
                found = self.service.for_prospect(self.prospect_id)
            select = first = None
            for deal in found:
                item = self._list_item(deal)
                self.deal_list.addTopLevelItem(item)
                first = first or item
                if deal.id == self.deal_id:
                    select = item
            select = select or first
            self.empty.setVisible(not found)
            rows = max(1, min(len(found), 4))
            row_height = self.deal_list.sizeHintForRow(0) if found else 20
            header = self.deal_list.header().sizeHint().height()
            self.deal_list.setFixedHeight(header + rows * max(row_height, 18) + 6)
            if select is not None:
                self.deal_list.setCurrentItem(select)
        finally:
            self._filling = False
        current = self.deal_list.currentItem()
        self._load_deal(None if current is None else str(current.data(0, Qt.ItemDataRole.UserRole)))

    def _list_item(self, deal: Deal) -> QTreeWidgetItem:
        answer = result_label(deal.result)
        if deal.streak_flagged:
            answer += f"  ⚠{deal.pending_streak}"
        item = QTreeWidgetItem(
            [
                deal.title,
                deal_stage_label(deal.stage),
                amount_text(deal.amount, deal.currency),
                answer,
                format_day(deal.decision_deadline),
            ]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, deal.id)
        item.setToolTip(0, plain_tooltip(deal.title))
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if deal.streak_flagged:
            item.setForeground(3, QBrush(QColor("#b35c00")))
            item.setToolTip(3, plain_tooltip(streak_text(deal.pending_streak)))
        if not deal.is_open:
            for col in range(5):
                item.setForeground(col, QBrush(QColor("#777")))
        if deal.is_open and deal.decision_deadline and deal.decision_deadline < self._today():
            item.setForeground(4, QBrush(QColor("#b00020")))
            item.setToolTip(4, self.tr("The decision deadline has passed"))
        return item

    def _today(self) -> date:
        return self.service.today() if self.service is not None else date.today()

    def _on_deal_selected(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if self._filling:
            return
        new_id = None if current is None else str(current.data(0, Qt.ItemDataRole.UserRole))
        if new_id == self.deal_id:
            return
        if self._editor_dirty and not confirm_discard(
            self, self.tr("The deal has unsaved changes. Discard them?")
        ):
            self._select_in_list(self.deal_id)
            return
        self._load_deal(new_id)

    def _select_in_list(self, deal_id: str | None) -> None:
        self._filling = True
        try:
            for i in range(self.deal_list.topLevelItemCount()):
                item = self.deal_list.topLevelItem(i)
                if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == deal_id:
                    self.deal_list.setCurrentItem(item)
        finally:
            self._filling = False

    def _load_deal(self, deal_id: str | None) -> None:
        deal = None
        if deal_id is not None and self.service is not None:
            try:
                deal = self.service.get(deal_id)
            except NotFoundError:
                deal = None
        self._show_deal(deal)

    def _show_deal(self, deal: Deal | None, new: bool = False) -> None:
        # A refresh from elsewhere (a call logged, an answer recorded) keeps what the rep
        # is typing into the same deal.
        keep_edits = self._editor_dirty and deal is not None and deal.id == self.deal_id
        self._deal = deal
        self.deal_id = None if deal is None else deal.id
        has_deal = deal is not None
        self.deal_body.setVisible(has_deal or new)
        self.outcome_button.setEnabled(has_deal and deal is not None and deal.is_open)
        self.reopen_button.setEnabled(deal is not None and deal.result is DealResult.LOST)
        self.delete_button.setEnabled(has_deal)
        self.checklist_box.setEnabled(has_deal)
        self.questions_box.setEnabled(has_deal)
        if not keep_edits:
            self._fill_editor(deal)
        self._fill_checklist()
        self._fill_questions()
        self._fill_warnings()

    def _fill_editor(self, deal: Deal | None) -> None:
        self._filling = True
        try:
            self.errors.clear()
            data = deal.as_input() if deal is not None else DealInput("")
            self.title.setText(data.title)
            self.amount.setText(format_amount(data.amount, data.currency))
            self.currency.setCurrentText(data.currency)
            self.stage.setCurrentIndex(max(0, self.stage.findData(str(data.stage))))
            self.stage.setEnabled(deal is None or deal.is_open)
            self.forecast.setValue(data.forecast_on)
            self.deadline.setValue(data.decision_deadline)
            self.goal.setValue(data.goal_on)
            self.last_useful.setValue(data.last_useful_on)
            self.decision_maker.setText(data.decision_maker)
            self.decision_steps.setPlainText(data.decision_steps)
            self.collect_first.setText(data.collect_first)
            self.competitors.setText(data.competitors)
            self.second_arrow.setText(data.second_arrow)
            self.third_arrow.setText(data.third_arrow)
            self.save_button.setText(self.tr("Save deal") if deal else self.tr("Create deal"))
            self._set_dirty(False)
            lines = []
            if deal is not None and self.service is not None:
                for o in self.service.outcomes(deal.id):
                    line = f"{format_day(o.decided_on)}  {history_label(o.result)}"
                    detail = o.loss_words or o.note
                    if detail:
                        line += f" — {detail}"
                    lines.append(line)
            self.history.setText(
                self.tr("Answers so far:") + "\n" + "\n".join(lines) if lines else ""
            )
            self.history.setVisible(bool(lines))
        finally:
            self._filling = False

    def _fill_checklist(self) -> None:
        self._filling = True
        try:
            checklist = None
            if self._deal is not None and self.service is not None:
                checklist = self.service.checklist(self._deal.id)
            self._checklist = checklist
            deal = self._deal
            closed = deal is not None and not deal.is_open
            ticks = checklist.ticks if checklist else {}
            for item, tick_row in self.tick_rows.items():
                tick = ticks.get(item, rules.Tick())
                tick_row.check.setChecked(tick.done)
                tick_row.note.setText(tick.note)
                tick_row.on.setDate(qdate(tick.on) if tick.on else QDate.currentDate())
                # A won or lost deal's ticks stay in view, greyed: a record, not work to do.
                tick_row.check.setEnabled(not closed)
                tick_row.note.setEnabled(not closed)
                tick_row.note.setPlaceholderText("" if closed else tick_row.placeholder)
                tick_row.on.setEnabled(tick.done and not closed)
                tick_row.on.setVisible(tick.done or not closed)  # no date for what was not done
            for w in (
                self.second_arrow,
                self.third_arrow,
                self.signal_input,
                self.add_signal_button,
                self.remove_signal_button,
            ):
                w.setEnabled(not closed)
            self.readiness.setVisible(not closed)
            self.missing_title.setVisible(not closed)
            self.missing.setVisible(not closed)
            self.closed_note.setVisible(closed)
            if deal is not None and closed:
                self.closed_note.setText(self._closed_text(deal))
            if checklist is None:
                self.readiness.setValue(0)
                self.missing.clear()
                return
            r, f = checklist.readiness, checklist.facts
            self.readiness.setValue(r.score)
            self.readiness.setFormat(readiness_text(r.score, r.level))
            self.readiness.setStyleSheet(
                f"QProgressBar::chunk {{ background: {LEVEL_COLORS[r.level]}; }}"
                " QProgressBar { text-align: center; }"
            )
            if closed:
                self.missing.clear()  # the answer above stands in for the missing list
            elif r.missing:
                lines = [f"• {missing_text(code, f.open_questions)}" for code in r.missing]
                self.missing.setText("\n".join(lines))
                self.missing.setStyleSheet("color: #7a1010;")
            else:
                self.missing.setText(self.tr("Nothing: every item is done."))
                self.missing.setStyleSheet("color: #2e7d32;")
            for item, label in self.derived.items():
                done = item in r.done
                mark = DONE_MARK if done else NOT_DONE_MARK if closed else TODO_MARK
                text = f"{mark}  {item_label(item)}"
                if item is CheckItem.SMALL_YESES:
                    text += "  " + self.tr("(%n logged since the deal opened)", "", f.small_yeses)
                elif item is CheckItem.QUESTIONS_RESOLVED:
                    text += "  " + self.tr("(%n open, below)", "", f.open_questions)
                label.setText(text)
                color = HISTORY_COLOR if closed else "#2e7d32" if done else "#7a1010"
                label.setStyleSheet(f"color: {color};")
            self.signal_list.clear()
            if self.service is not None and self._deal is not None:
                for s in self.service.signals(self._deal.id):
                    entry = QListWidgetItem(f"{format_day(s.observed_on)}  {s.text}")
                    entry.setData(Qt.ItemDataRole.UserRole, s.id)
                    self.signal_list.addItem(entry)
        finally:
            self._filling = False

    def _closed_text(self, deal: Deal) -> str:
        """The answer and its day, and what the checklist now is: a record."""
        answer = f"{result_label(deal.result)}  {format_day(deal.result_on)}".rstrip()
        if deal.result is DealResult.LOST:
            words = self.tr(
                "The deal is lost. The checklist below is kept as it was: “Reopen” "
                "continues the deal from here, with its ticks and notes."
            )
        else:
            words = self.tr(
                "The deal is won. The checklist below is kept as the record of how it closed."
            )
        return f"{answer}\n{words}"

    def _fill_questions(self) -> None:
        self.question_list.clear()
        if self._deal is None or self.service is None:
            return
        for q in self.service.questions(self._deal.id):
            item = QTreeWidgetItem(
                [q.question, q.asked_by, q.answer, format_day(q.resolved_on) or "—"]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, q.id)
            item.setToolTip(0, plain_tooltip(q.question))
            item.setToolTip(2, plain_tooltip(q.answer))
            if not q.resolved:
                item.setForeground(0, QBrush(QColor("#b00020")))
                item.setToolTip(3, self.tr("Not resolved yet"))
            self.question_list.addTopLevelItem(item)

    def _fill_warnings(self) -> None:
        deal = self._deal
        self.streak_warning.setVisible(deal is not None and deal.streak_flagged)
        if deal is not None and deal.streak_flagged:
            self.streak_warning.setText("⚠ " + streak_text(deal.pending_streak))
        warning = None
        if deal is not None and self.service is not None:
            warning = self.service.progress_check_warning(deal.id, self.lint_run)
        self.lint_warning.setVisible(warning is not None)
        if warning is not None:
            self.lint_warning.setText("⚠ " + lint_text(warning.run, warning.proposed))

    # -- the deal itself -------------------------------------------------------------------
    def _mark_dirty(self, *_args: object) -> None:
        if not self._filling:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._editor_dirty = dirty
        self.unsaved.setText(self.tr("Not saved yet") if dirty else "")

    def has_unsaved_changes(self) -> bool:
        return self._editor_dirty

    def new_deal(self) -> None:
        """Start a new deal in the editor (stored with “Create deal”)."""
        if self._editor_dirty and not confirm_discard(
            self, self.tr("The deal has unsaved changes. Discard them?")
        ):
            return
        self._filling = True
        self.deal_list.clearSelection()
        self.deal_list.setCurrentItem(None)  # type: ignore[arg-type]
        self._filling = False
        self._show_deal(None, new=True)
        self.deal_body.show()
        self.empty.hide()
        self.title.setFocus()

    def editor_input(self) -> DealInput:
        """The editor's fields as a :class:`DealInput` (raises for an unreadable amount)."""
        currency = self.currency.currentText().strip().upper()
        return DealInput(
            title=self.title.text(),
            amount=parse_amount(self.amount.text(), currency or "JPY"),
            currency=currency,
            stage=DealStage(self.stage.currentData()),
            forecast_on=self.forecast.value(),
            decision_deadline=self.deadline.value(),
            goal_on=self.goal.value(),
            last_useful_on=self.last_useful.value(),
            decision_maker=self.decision_maker.text(),
            decision_steps=self.decision_steps.toPlainText(),
            collect_first=self.collect_first.text(),
            competitors=self.competitors.text(),
            second_arrow=self.second_arrow.text(),
            third_arrow=self.third_arrow.text(),
        )

    def save_deal(self) -> bool:
        """Create or update the deal from the editor; False (and messages) when refused."""
        if self.prospect_id is None or self.service is None:
            return False
        try:
            data = self.editor_input()
            if self.deal_id is None:
                self.deal_id = self.service.create(self.prospect_id, data)
            else:
                self.service.update(self.deal_id, data)
        except ValidationError as exc:
            errors = dict(exc.errors)
            if "currency" in errors:  # the currency sits beside the amount
                errors.setdefault("amount", errors.pop("currency"))
            self.errors.show_errors(errors)
            return False
        except (StorageError, NotFoundError) as exc:
            self._storage_error(exc)
            return False
        self._set_dirty(False)
        self._after_change()
        return True

    def record_outcome(self) -> None:
        """Open the answer dialog for the selected deal (○ / △ / × / no answer yet)."""
        deal, service = self._deal, self.service
        if deal is None or service is None:
            return
        warning = service.progress_check_warning(deal.id, self.lint_run)
        dialog = OutcomeDialog(
            deal,
            self.company,
            on_record=lambda data: service.record_outcome(deal.id, data),
            on_no_answer=lambda due, what, kind: service.no_answer_yet(deal.id, due, what, kind),
            contacts=self.contacts,
            suggested_kind=warning.proposed if warning else InteractionKind.INFORMATION,
            follow_up_days=self.follow_up_days,
            follow_up_hour=self.follow_up_hour,
            parent=self,
        )
        self.outcome_dialog = dialog
        if dialog.exec():
            self._after_change()
        self.outcome_dialog = None

    def reopen(self) -> None:
        if self._deal is None or self.service is None:
            return
        try:
            self.service.reopen(self._deal.id)
        except (ValidationError, StorageError, NotFoundError) as exc:
            self._storage_error(exc)
            return
        self._after_change()

    def delete_deal(self) -> None:
        if self._deal is None or self.service is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete deal"),
            self.tr("Delete the deal “{0}” with its checklist and questions?").format(
                self._deal.title
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.service.delete(self._deal.id)
        except (StorageError, NotFoundError) as exc:
            self._storage_error(exc)
            return
        self.deal_id = None
        self._after_change()

    # -- the checklist ---------------------------------------------------------------------
    def _tick_changed(self, item: CheckItem, detail: bool = False) -> None:
        if self._filling or self._deal is None or self.service is None:
            return
        row = self.tick_rows[item]
        done = row.check.isChecked()
        if detail and not done and not row.note.text().strip():
            return  # nothing ticked and nothing written: nothing to store
        if done and not detail:
            on: date | None = self._today()  # ticked just now: done today
        else:
            on = pydate(row.on.date()) if done else None
        try:
            self.service.set_tick(self._deal.id, item, done, row.note.text(), on)
        except (ValidationError, StorageError, NotFoundError) as exc:
            self._storage_error(exc)
        self._fill_checklist()

    def _arrows_changed(self) -> None:
        if self._filling or self._deal is None or self.service is None:
            return
        try:
            self.service.set_arrows(
                self._deal.id, self.second_arrow.text(), self.third_arrow.text()
            )
        except (StorageError, NotFoundError) as exc:
            self._storage_error(exc)
        self._deal = self.service.get(self._deal.id)
        self._fill_checklist()

    def add_signal(self) -> None:
        if self._deal is None or self.service is None or not self.signal_input.text().strip():
            return
        try:
            self.service.add_signal(self._deal.id, self.signal_input.text())
        except (ValidationError, StorageError, NotFoundError) as exc:
            self._storage_error(exc)
            return
        self.signal_input.clear()
        self._fill_checklist()

    def remove_signal(self) -> None:
        item = self.signal_list.currentItem()
        if item is None or self.service is None:
            return
        try:
            self.service.delete_signal(str(item.data(Qt.ItemDataRole.UserRole)))
        except (StorageError, NotFoundError) as exc:
            self._storage_error(exc)
        self._fill_checklist()

    # -- questions -------------------------------------------------------------------------
    def add_question(self) -> None:
        deal, service = self._deal, self.service
        if deal is None or service is None:
            return
        dialog = QuestionDialog(
            lambda data: service.add_question(deal.id, data), contacts=self.contacts, parent=self
        )
        if dialog.exec():
            self._fill_questions()
            self._fill_checklist()

    def edit_question(self) -> None:
        item = self.question_list.currentItem()
        if item is None or self._deal is None or self.service is None:
            return
        qid = str(item.data(0, Qt.ItemDataRole.UserRole))
        service = self.service
        current = next((q for q in service.questions(self._deal.id) if q.id == qid), None)
        if current is None:
            return
        data = current.as_input()
        dialog = QuestionDialog(
            lambda d: service.update_question(qid, d), data, self.contacts, parent=self
        )
        if dialog.exec():
            self._fill_questions()
            self._fill_checklist()

    def delete_question(self) -> None:
        item = self.question_list.currentItem()
        if item is None or self.service is None:
            return
        try:
            self.service.delete_question(str(item.data(0, Qt.ItemDataRole.UserRole)))
        except (StorageError, NotFoundError) as exc:
            self._storage_error(exc)
        self._fill_questions()
        self._fill_checklist()

    def open_large(self) -> None:
        """The same deals in a window of their own (editor and checklist side by side)."""
        if self.prospect_id is None or self.service is None:
            return
        dialog = _LargeDealsDialog(self)
        dialog.setWindowTitle(self.tr("Deals — {0}").format(self.company))
        panel = DealPanel(self.service, dialog)
        dialog.panel = panel
        panel.large_button.hide()
        panel.lint_run = self.lint_run
        panel.follow_up_days, panel.follow_up_hour = self.follow_up_days, self.follow_up_hour
        panel.deal_id = self.deal_id
        panel.prospect_id = self.prospect_id  # keeps the selected deal on the first load
        panel.show_prospect(self.prospect_id, self.company, self.contacts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(scrolling(panel), 1)  # a small screen scrolls; Close stays in view
        layout.addWidget(buttons)
        fit_to_screen(dialog, 1180, 760)
        self.large_dialog = dialog
        dialog.exec()
        self.large_dialog = None
        self.deal_id = panel.deal_id
        self._after_change()

    # -- plumbing --------------------------------------------------------------------------
    def _after_change(self) -> None:
        self.reload()
        if self.prospect_id is not None:
            self.changed.emit(self.prospect_id)

    def _storage_error(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            field, code = next(iter(exc.errors.items()))
            message = deal_error(field, code)
        else:
            message = self.tr("SalesDesk could not store this.\n\nDetails: {0}").format(exc)
        QMessageBox.warning(self, self.tr("Not saved"), message)
