"""What keeps a call the rep typed from being lost: the autosaved draft, and a save that
fails (disk full, file locked, read-only) explained in plain words with the text kept.

Kept apart from call_dialog.py so the dialog itself only gains two hooks.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox

from salesdesk.core.db import StorageError
from salesdesk.core.enums import Channel, InteractionKind, Outcome
from salesdesk.core.safety import storage_code
from salesdesk.core.validation import ValidationError
from salesdesk.ui.startup_dialogs import storage_problem_text, when_text

if TYPE_CHECKING:
    from salesdesk.core.drafts import DraftSlot
    from salesdesk.core.records import CallInput
    from salesdesk.ui.call_dialog import CallDialog

#: Typing pauses this long before the draft is written (one small fsync'd file).
DRAFT_DEBOUNCE_MS = 800
STORAGE_STYLE = "color: #b00020; font-weight: bold;"
NOTICE_STYLE = "color: #7a5b00; background: #fff4d6; padding: 4px;"


def guard_storage(
    dialog: CallDialog, save: Callable[[CallInput], object] | None
) -> Callable[[CallInput], object] | None:
    """``save``, but a storage failure is explained by its cause and the dialog stays open.

    The message names the cause (disk full, locked by another program, read-only) in a
    box and stays in the dialog until the next attempt. Raising ValidationError with no
    fields tells save_or_explain "not saved, keep everything" without a second box.
    """
    if save is None:
        return None
    label = dialog.storage_message

    def guarded(data: CallInput) -> object:
        label.hide()
        try:
            return save(data)
        except StorageError as exc:
            text = storage_problem_text(storage_code(exc))
            label.setText(text)
            label.show()
            QMessageBox.warning(
                dialog,
                QCoreApplication.translate("Safety", "Not saved"),
                text + "\n\n" + QCoreApplication.translate("Safety", "Details: {0}").format(exc),
            )
            raise ValidationError({}) from exc

    return guarded


def storage_label() -> QLabel:
    label = QLabel()
    label.setObjectName("storageMessage")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(STORAGE_STYLE)
    label.hide()
    return label


class DraftKeeper:
    """Autosaves the dialog's fields to ``slot`` while the rep types; restores them."""

    def __init__(self, dialog: CallDialog, slot: DraftSlot) -> None:
        self.dialog = dialog
        self.slot = slot
        self.notice = QLabel()
        self.notice.setObjectName("draftNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()
        self.timer = QTimer(dialog)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DRAFT_DEBOUNCE_MS)
        self.timer.timeout.connect(self.save_now)
        self.restored = self._restore()
        d = dialog
        for text_signal in (d.summary.textChanged, d.notes.textChanged, d.next_what.textChanged):
            text_signal.connect(self._changed)
        for combo in (d.contact, d.channel, d.kind, d.outcome, d.next_kind):
            combo.currentIndexChanged.connect(self._changed)
        for box in (d.small_yes, d.customer_initiated, d.no_next_step):
            box.toggled.connect(self._changed)
        d.duration.valueChanged.connect(self._changed)
        d.next_when.dateTimeChanged.connect(self._changed)
        # Saved, or discarded by the rep (reject asks first when text was typed).
        d.finished.connect(self._finished)

    def _changed(self, *_args: object) -> None:
        self.timer.start()

    def fields(self) -> dict[str, Any]:
        d = self.dialog
        return {
            "summary": d.summary.text(),
            "notes": d.notes.toPlainText(),
            "next_what": d.next_what.text(),
            "next_when": d.next_when.dateTime().toSecsSinceEpoch(),
            "next_kind": InteractionKind(d.next_kind.currentData()).value,
            "no_next_step": d.no_next_step.isChecked(),
            "kind": InteractionKind(d.kind.currentData()).value,
            "channel": Channel(d.channel.currentData()).value,
            "outcome": Outcome(d.outcome.currentData()).value,
            "contact_id": d.contact.currentData(),
            "duration_min": d.duration.value(),
            "small_yes": d.small_yes.isChecked(),
            "customer_initiated": d.customer_initiated.isChecked(),
        }

    def save_now(self) -> None:
        """Write the draft (or drop it when nothing is typed). Never raises: a draft that
        cannot be written must not get in the way of the call itself."""
        self.timer.stop()
        with contextlib.suppress(OSError):
            if self.dialog.has_typed_text():
                self.slot.save(self.fields())
            else:
                self.slot.discard()

    def _finished(self, _result: int) -> None:
        self.timer.stop()
        with contextlib.suppress(OSError):
            self.slot.discard()

    def _restore(self) -> bool:
        draft = self.slot.load()
        if draft is None:
            return False
        f, d = draft.fields, self.dialog
        try:
            d.summary.setText(str(f.get("summary", "")))
            d.notes.setPlainText(str(f.get("notes", "")))
            d.next_what.setText(str(f.get("next_what", "")))
            if isinstance(f.get("next_when"), int):
                d.next_when.setDateTime(QDateTime.fromSecsSinceEpoch(f["next_when"]))
            for combo, enum_type, key in (
                (d.kind, InteractionKind, "kind"),
                (d.next_kind, InteractionKind, "next_kind"),
                (d.channel, Channel, "channel"),
                (d.outcome, Outcome, "outcome"),
            ):
                if key in f:
                    index = combo.findData(enum_type(f[key]))
                    if index >= 0:
                        combo.setCurrentIndex(index)
            index = d.contact.findData(f.get("contact_id"))
            if index >= 0:
                d.contact.setCurrentIndex(index)
            d.duration.setValue(int(f.get("duration_min", 0) or 0))
            d.small_yes.setChecked(bool(f.get("small_yes")))
            d.customer_initiated.setChecked(bool(f.get("customer_initiated")))
            d.no_next_step.setChecked(bool(f.get("no_next_step")))
        except (ValueError, TypeError):
            pass  # a field from another version: keep what could be restored
        self.notice.setText(
            QCoreApplication.translate(
                "Safety",
                "Restored what you typed on {0} but had not saved yet. Check it and save, "
                "or Cancel to discard it.",
            ).format(when_text(draft.saved_at))
        )
        self.notice.show()
        return True


def attach(dialog: CallDialog, slot: DraftSlot | None) -> DraftKeeper | None:
    """Put the draft notice and the storage message into ``dialog``; start autosaving."""
    layout = dialog.layout()
    layout.insertWidget(layout.count() - 1, dialog.storage_message)  # above the buttons
    if slot is None:
        return None
    keeper = DraftKeeper(dialog, slot)
    layout.insertWidget(0, keeper.notice)
    return keeper
