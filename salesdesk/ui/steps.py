"""Small pieces the window and its panels share: undoable service steps, after-paint calls,
the Del key kept by lists."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QWidget

from salesdesk.core.db import StorageError
from salesdesk.core.validation import NotFoundError
from salesdesk.ui.lazy_qt import Qt


class ServiceStep(QUndoCommand):
    """An undoable step made of two service calls.

    The step itself has already been done when the command is pushed, so the first
    ``redo()`` (which Qt calls on push) does nothing. Errors from later undo/redo go to
    ``on_error``: Qt calls these methods from C++, where an exception would be lost.
    """

    def __init__(
        self,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        on_error: Callable[[Exception], None],
    ) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._on_error = on_error
        self._done = True

    def redo(self) -> None:
        if self._done:
            return
        self._run(self._do)
        self._done = True

    def undo(self) -> None:
        self._run(self._undo)
        self._done = False

    def _run(self, step: Callable[[], object]) -> None:
        try:
            step()
        except (StorageError, NotFoundError) as exc:
            self._on_error(exc)


class AfterPaint(QObject):
    """Runs ``then`` once, on the next event-loop turn after ``widget`` next paints."""

    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        self._then()
        self.deleteLater()


def keeps_delete_key(event: QEvent) -> bool:
    """For a list's ``event()``: claim a plain Del before the window's "delete prospect"
    shortcut sees it (the list then handles the key itself, or ignores it)."""
    if (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and event.key() == Qt.Key.Key_Delete
        and not event.modifiers()
    ):
        event.accept()
        return True
    return False


def panel_action(
    owner: QWidget, text: str, shortcut: str | None, slot: Callable[[], object]
) -> QAction:
    """An action of a panel (the day's list, a prospect's follow-ups): its shortcut works
    while the focus is in that panel, so two panels can both answer Ctrl+D."""
    act = QAction(text, owner)
    if shortcut:
        act.setShortcut(QKeySequence(shortcut))
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    act.triggered.connect(lambda _checked=False: slot())
    owner.addAction(act)
    return act
