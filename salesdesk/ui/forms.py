"""Form helpers: messages shown at the field that caused them."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from salesdesk.core.db import StorageError
from salesdesk.core.validation import ValidationError
from salesdesk.ui.labels import error_message

ERROR_STYLE = "color: #b00020;"
INVALID_PROPERTY = "invalid"
FORM_STYLE = '*[invalid="true"] { border: 1px solid #b00020; }'


class FieldErrors:
    """Places a hidden red message label under each registered field.

    ``show_errors`` takes the core's ``{field: code}`` dict, shows each message under
    its field, marks the field and focuses the first one; nothing the rep typed changes.
    """

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._order: list[str] = []

    def add_row(self, form: QFormLayout, label: str, name: str, widget: QWidget) -> QLabel:
        """Add ``widget`` to ``form`` with an error label under it; return the error label."""
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        err = self.register(name, widget)
        lay.addWidget(err)
        form.addRow(label, box)
        return err

    def register(self, name: str, widget: QWidget, error_label: QLabel | None = None) -> QLabel:
        err = error_label or QLabel()
        err.setObjectName(f"error_{name}")
        err.setStyleSheet(ERROR_STYLE)
        err.setWordWrap(True)
        err.setTextFormat(Qt.TextFormat.PlainText)
        err.hide()
        self._fields[name] = (widget, err)
        self._order.append(name)
        return err

    def clear(self) -> None:
        for widget, err in self._fields.values():
            err.hide()
            err.clear()
            self._mark(widget, False)

    def show_errors(self, errors: dict[str, str]) -> None:
        self.clear()
        first: QWidget | None = None
        for name in self._order:
            if name not in errors:
                continue
            widget, err = self._fields[name]
            err.setText(error_message(name, errors[name]))
            err.show()
            self._mark(widget, True)
            if first is None:
                first = widget
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def message(self, name: str) -> str:
        """The message currently shown for ``name`` ('' when none)."""
        _widget, err = self._fields[name]
        return err.text() if err.isVisibleTo(err.parentWidget()) else ""

    @staticmethod
    def _mark(widget: QWidget, invalid: bool) -> None:
        widget.setProperty(INVALID_PROPERTY, invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def save_or_explain(
    parent: QWidget,
    errors: FieldErrors,
    data: Any,
    save: Callable[[Any], object] | None,
) -> bool:
    """Validate ``data`` and run ``save``; on failure explain and return False.

    The dialog that calls this stays open with everything the rep typed, whether the
    input was refused at a field or the database could not take the write.
    """
    try:
        data.validate()
        if save is not None:
            save(data)
    except ValidationError as exc:
        errors.show_errors(exc.errors)
        return False
    except StorageError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Forms", "Not saved"),
            QCoreApplication.translate(
                "Forms",
                "SalesDesk could not save this right now. Your text is still in the form; "
                "try again in a moment.\n\nDetails: {0}",
            ).format(exc),
        )
        return False
    errors.clear()
    return True


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (Qt would otherwise guess it is HTML)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


def confirm_discard(parent: QWidget, what: str) -> bool:
    """Ask before throwing away typed, unsaved text; True when the rep says discard."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Forms", "Discard changes?"),
        what,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard
