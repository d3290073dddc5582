"""The "Relationship" panel of a prospect: score editor, radar, suggestions, advice, history.

Keyboard: Tab moves between the seven score rows; a digit 0–5 or the arrow keys set the
score of the focused row; Ctrl+S saves. Each row's meaning is in its tooltip.

Suggestions from logged facts never change a score by themselves: "Use" puts the
suggested score into the editor (one click), and only Save stores an assessment.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from salesdesk.core.db import StorageError
from salesdesk.core.relationship import (
    MAX_SCORE,
    SCORE_KEYS,
    Assessment,
    RelationshipService,
    Scores,
    Suggestion,
)
from salesdesk.core.validation import NotFoundError, ValidationError
from salesdesk.ui.forms import plain_tooltip
from salesdesk.ui.labels import error_message
from salesdesk.ui.prospect_model import format_datetime
from salesdesk.ui.radar import RadarWidget
from salesdesk.ui.relationship_text import (
    action_text,
    dimension_meaning,
    dimension_name,
    score_tooltip,
    suggestion_reason,
)
from salesdesk.ui.screen_fit import side_by_side

if TYPE_CHECKING:
    from salesdesk.ui.strength_timeline import StrengthTimeline

CHANGED_COLOR = QColor(255, 236, 179)


class ScoreInput(QWidget):
    """Six boxes 0–5, one focus stop: digits, arrows, Home/End or a click set the score."""

    valueChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = 0
        self.changed = False  # differs from the stored assessment
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        side = max(22, self.fontMetrics().height() + 8)
        return QSize((side + 3) * (MAX_SCORE + 1) + 2, side + 2)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def value(self) -> int:
        return self._value

    def setValue(self, value: int) -> None:
        value = max(0, min(MAX_SCORE, value))
        if value != self._value:
            self._value = value
            self.update()
            self.valueChanged.emit(value)

    def _box(self, score: int) -> QRectF:
        side = self.height() - 2
        return QRectF(1 + score * (side + 3), 1, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        for score in range(MAX_SCORE + 1):
            box = self._box(score)
            selected = score == self._value
            filled = 0 < score <= self._value
            if selected:
                p.setBrush(pal.highlight())
            elif filled:
                p.setBrush(QColor(33, 110, 200, 60))
            else:
                p.setBrush(pal.base())
            p.setPen(QPen(pal.mid().color(), 1))
            p.drawRoundedRect(box, 3, 3)
            p.setPen(pal.highlightedText().color() if selected else pal.text().color())
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, str(score))
        if self.hasFocus():
            p.setPen(QPen(pal.highlight().color(), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        p.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text()
        if text and text in "012345" and len(text) == 1:
            self.setValue(int(text))
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Plus):
            self.setValue(self._value + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Minus):
            self.setValue(self._value - 1)
        elif key == Qt.Key.Key_Home:
            self.setValue(0)
        elif key == Qt.Key.Key_End:
            self.setValue(MAX_SCORE)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        for score in range(MAX_SCORE + 1):
            if self._box(score).contains(event.position()):
                self.setValue(score)
                return

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)


class RelationshipPanel(QWidget):
    """Score editor, radar, suggestions, next-best action and history of one prospect."""

    saved = Signal(str)  # prospect id

    def __init__(
        self, service: RelationshipService | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.prospect_id: str | None = None
        self._stored = Scores()
        self._previous: Scores | None = None
        self._has_latest = False
        self._dirty_load = False

        self.radar = RadarWidget()
        self.last_assessed = QLabel()
        self.last_assessed.setTextFormat(Qt.TextFormat.PlainText)
        self.last_assessed.setWordWrap(True)

        # The seven score rows.
        self.inputs: dict[str, ScoreInput] = {}
        self.row_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        for row, key in enumerate(SCORE_KEYS):
            label = QLabel(dimension_name(key))
            label.setToolTip(plain_tooltip(dimension_meaning(key)))
            box = ScoreInput()
            box.setToolTip(plain_tooltip(score_tooltip(key)))
            box.setAccessibleName(dimension_name(key))
            box.valueChanged.connect(lambda _v, k=key: self._mark_changed(k))
            label.setBuddy(box)
            self.inputs[key] = box
            self.row_labels[key] = label
            if row == len(SCORE_KEYS) - 1:  # need awareness apart from the six
                line = QFrame()
                line.setFrameShape(QFrame.Shape.HLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                grid.addWidget(line, row * 2 - 1, 0, 1, 2)
            grid.addWidget(label, row * 2, 0)
            grid.addWidget(box, row * 2, 1, Qt.AlignmentFlag.AlignLeft)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Why (optional), e.g. met the plant manager"))
        self.save_button = QPushButton(self.tr("Save assessment"))
        self.save_button.setToolTip(
            self.tr("Store these scores as a new dated assessment (Ctrl+S)")
        )
        self.save_button.clicked.connect(self.save)
        self.unsaved = QLabel()
        self.unsaved.setStyleSheet("color: #8a5a00;")
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )

        editor = QGroupBox(self.tr("Scores (0–5)"))
        self.editor = editor
        editor_layout = QVBoxLayout(editor)
        editor_layout.addLayout(grid)
        editor_layout.addWidget(self.note)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.unsaved, 1)
        editor_layout.addLayout(save_row)

        # Advice: the next-best action and the suggestions from logged facts.
        self.action = QLabel()
        self.action.setTextFormat(Qt.TextFormat.PlainText)
        self.action.setWordWrap(True)
        self.action.setObjectName("nextAction")
        self.action.setStyleSheet(
            "#nextAction { background: #eef5ff; border: 1px solid #b8d0f0; padding: 6px; }"
        )
        action_box = QGroupBox(self.tr("Next-best action"))
        QVBoxLayout(action_box).addWidget(self.action)
        self.suggestion_box = QGroupBox(self.tr("Suggested from what was logged"))
        self.suggestion_layout = QGridLayout(self.suggestion_box)
        self.suggestion_layout.setColumnStretch(1, 1)
        self.suggestion_buttons: dict[str, QPushButton] = {}

        # The history chart (QtCharts) is built on first use, off the start-up path.
        self.timeline: StrengthTimeline | None = None

        # The radar with the scores that draw it: side by side when the panel is wide
        # enough for both, else the scores right under the radar (see resizeEvent).
        chart = QWidget()
        chart_layout = QVBoxLayout(chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.radar)
        chart_layout.addWidget(self.last_assessed)
        self._pair = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._pair.addWidget(chart, 1)
        self._pair.addWidget(editor, 0, Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(self._pair)
        layout.addWidget(action_box)
        layout.addWidget(self.suggestion_box)
        layout.addStretch(1)
        self._body_layout = layout
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        # Tab walks the seven scores in order, then the note and Save.
        for earlier, later in pairwise(SCORE_KEYS):
            QWidget.setTabOrder(self.inputs[earlier], self.inputs[later])
        QWidget.setTabOrder(self.inputs[SCORE_KEYS[-1]], self.note)
        QWidget.setTabOrder(self.note, self.save_button)
        self.setEnabled(False)

    # -- loading ------------------------------------------------------------------------
    def show_prospect(self, prospect_id: str | None) -> None:
        """Show ``prospect_id`` (loaded now if visible, else when the tab is shown)."""
        if prospect_id == self.prospect_id and self.has_unsaved_changes():
            return  # the same prospect again (a list refresh): keep the rep's edits
        self.prospect_id = prospect_id
        self.setEnabled(prospect_id is not None and self.service is not None)
        if self.isVisible():
            self.reload()
        else:
            self._dirty_load = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty_load:
            self.reload()

    @property
    def side_by_side(self) -> bool:
        """Whether the scores sit beside the radar (a wide panel) or under it."""
        return self._pair.direction() == QBoxLayout.Direction.LeftToRight

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.radar.minimumWidth() + self.editor.sizeHint().width() + 40
        side_by_side(self._pair, event.size().width() >= needed)

    def reload(self) -> None:
        self._dirty_load = False
        if self.prospect_id is None or self.service is None:
            self._fill(Scores(), None, [], [])
            self.action.clear()
            self.last_assessed.clear()
            if self.timeline is not None:
                self.timeline.set_history([])
            return
        try:
            history = self.service.history(self.prospect_id)
            suggestions = self.service.suggestions(self.prospect_id)
            action = self.service.next_action(self.prospect_id)
        except NotFoundError:
            return
        latest = history[-1] if history else None
        previous = history[-2] if len(history) > 1 else None
        self._fill(
            latest.scores if latest else Scores(),
            previous.scores if previous else None,
            suggestions,
            history,
            has_latest=latest is not None,
        )
        self.action.setText(action_text(action))
        if latest is None:
            self.last_assessed.setText(self.tr("Not assessed yet."))
        else:
            text = self.tr("Last assessed {0}").format(format_datetime(latest.assessed_at))
            if latest.note:
                text += f" — {latest.note}"
            self.last_assessed.setText(text)

    def _fill(
        self,
        stored: Scores,
        previous: Scores | None,
        suggestions: list[Suggestion],
        history: list[Assessment],
        has_latest: bool = False,
    ) -> None:
        self._stored = stored
        self._previous = previous
        self._has_latest = has_latest
        for key, box in self.inputs.items():
            box.blockSignals(True)
            box.setValue(stored.get(key))
            box.blockSignals(False)
            box.changed = False
            box.update()
        self.note.clear()
        self._show_changed()
        self._fill_suggestions(suggestions)
        if self.timeline is None:
            from salesdesk.ui.strength_timeline import StrengthTimeline

            self.timeline = StrengthTimeline()
            self._body_layout.insertWidget(self._body_layout.count() - 1, self.timeline)
        self.timeline.set_history(history)

    def _fill_suggestions(self, suggestions: list[Suggestion]) -> None:
        while self.suggestion_layout.count():
            item = self.suggestion_layout.takeAt(0)
            if item is not None and (w := item.widget()) is not None:
                w.deleteLater()
        self.suggestion_buttons.clear()
        if not suggestions:
            none = QLabel(self.tr("Nothing new: the scores agree with what was logged."))
            none.setWordWrap(True)
            self.suggestion_layout.addWidget(none, 0, 0, 1, 3)
            return
        for row, s in enumerate(suggestions):
            name = QLabel(
                self.tr("{0}: {1} → {2}").format(
                    dimension_name(s.dimension), self._stored.get(s.dimension), s.score
                )
            )
            name.setTextFormat(Qt.TextFormat.PlainText)
            reason = QLabel(suggestion_reason(s))
            reason.setTextFormat(Qt.TextFormat.PlainText)
            reason.setWordWrap(True)
            use = QPushButton(self.tr("Use {0}").format(s.score))
            use.setToolTip(
                self.tr("Put {0} into the {1} score; Save stores it.").format(
                    s.score, dimension_name(s.dimension)
                )
            )
            use.clicked.connect(lambda _c=False, s=s: self.accept_suggestion(s))
            self.suggestion_buttons[s.dimension] = use
            self.suggestion_layout.addWidget(name, row, 0)
            self.suggestion_layout.addWidget(reason, row, 1)
            self.suggestion_layout.addWidget(use, row, 2)

    # -- editing -------------------------------------------------------------------------
    def accept_suggestion(self, s: Suggestion) -> None:
        """One click: the suggested score goes into the editor (the rep still saves)."""
        self.inputs[s.dimension].setValue(s.score)
        button = self.suggestion_buttons.get(s.dimension)
        if button is not None:
            button.setEnabled(False)

    def _mark_changed(self, key: str) -> None:
        box = self.inputs[key]
        box.changed = box.value() != self._stored.get(key)
        self._show_changed()

    def _show_changed(self) -> None:
        changed = [k for k, b in self.inputs.items() if b.changed]
        for key, label in self.row_labels.items():
            font = label.font()
            font.setBold(key in changed)
            label.setFont(font)
        self.unsaved.setText(self.tr("Not saved yet") if changed else "")
        # While editing, the radar shows the edit filled over the stored latest outlined.
        if changed:
            self.radar.set_scores(self.scores(), self._stored if self._has_latest else None)
        else:
            self.radar.set_scores(self._stored if self._has_latest else None, self._previous)

    def scores(self) -> Scores:
        """The scores in the editor now."""
        return Scores(**{k: b.value() for k, b in self.inputs.items()})

    def has_unsaved_changes(self) -> bool:
        return any(b.changed for b in self.inputs.values()) or bool(self.note.text().strip())

    def save(self) -> bool:
        """Store the editor's scores as a new dated assessment."""
        if self.prospect_id is None or self.service is None:
            return False
        try:
            self.service.save(self.prospect_id, self.scores(), self.note.text())
        except ValidationError as exc:
            first = next(iter(exc.errors.items()))
            QMessageBox.warning(self, self.tr("Not saved"), error_message(*first))
            return False
        except (StorageError, NotFoundError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("SalesDesk could not store the assessment.\n\nDetails: {0}").format(exc),
            )
            return False
        pid = self.prospect_id
        self.reload()
        self.saved.emit(pid)
        return True
