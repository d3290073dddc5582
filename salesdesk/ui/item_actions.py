"""What the rep does to a follow-up, a customer action item or a complaint.

The day's list and the prospect's "Follow-ups & items" tab share one :class:`ItemActions`:
done, reschedule, snooze, cancel, delete, edit and new — each step put on the window's
undo stack (Ctrl+Z reopens a completed follow-up, restores a deleted item …) and
followed by ``changed``, which refreshes the panels and re-arms the reminders.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from salesdesk.core.action_items import ActionItem, ActionItemInput
from salesdesk.core.complaints import Complaint, ComplaintInput
from salesdesk.core.db import StorageError
from salesdesk.core.enums import ActionItemStatus, ComplaintStatus
from salesdesk.core.followups import SnoozeChoice, snooze_until
from salesdesk.core.reminders import ReminderSource
from salesdesk.core.validation import NotFoundError
from salesdesk.ui.call_dialog import default_next_moment
from salesdesk.ui.steps import ServiceStep

if TYPE_CHECKING:
    from salesdesk.core.records import ContactRecord
    from salesdesk.core.services import Services

__all__ = ["ItemActions", "Target"]


@dataclass(frozen=True, slots=True)
class Target:
    """The row an action is for."""

    source: ReminderSource
    id: str
    prospect_id: str
    company: str
    title: str
    due_at: datetime | None = None


InputT = TypeVar("InputT")
InputT_co = TypeVar("InputT_co", covariant=True)


class _InputDialog(Protocol[InputT_co]):
    """The item dialogs as _create uses them."""

    def exec(self) -> int: ...

    def current_input(self) -> InputT_co: ...


def _item_input(item: ActionItem) -> ActionItemInput:
    return ActionItemInput(
        prospect_id=item.prospect_id,
        title=item.title,
        due_at=item.due_at,
        consequence=item.consequence,
        lead_days=item.lead_days,
        contact_id=item.contact_id,
        deal_id=item.deal_id,
        notes=item.notes,
    )


def _complaint_input(complaint: Complaint) -> ComplaintInput:
    return ComplaintInput(
        prospect_id=complaint.prospect_id,
        description=complaint.description,
        severity=complaint.severity,
        status=complaint.status,
        resolution=complaint.resolution,
        contact_id=complaint.contact_id,
        deal_id=complaint.deal_id,
        opened_at=complaint.opened_at,
    )


class ItemActions(QObject):
    """The steps, with dialogs where the rep has to say something; each returns True
    when it changed the data."""

    changed = Signal()
    #: An e-mail draft for a customer item: (item id, "check" or "overdue").
    draftRequested = Signal(str, str)
    #: A short confirmation for the status bar.
    message = Signal(str)

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack | None = None,
        follow_up_days: int = 3,
        follow_up_hour: int = 10,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.follow_up_days = follow_up_days
        self.follow_up_hour = follow_up_hour

    # -- what applies to a row -------------------------------------------------------------
    @staticmethod
    def can_reschedule(target: Target | None) -> bool:
        return target is not None and target.source is not ReminderSource.COMPLAINT

    @staticmethod
    def can_cancel(target: Target | None) -> bool:
        return target is not None and target.source is not ReminderSource.COMPLAINT

    @staticmethod
    def can_delete(target: Target | None) -> bool:
        return target is not None and target.source is not ReminderSource.FOLLOW_UP

    @staticmethod
    def can_draft(target: Target | None) -> bool:
        return target is not None and target.source is ReminderSource.ACTION_ITEM

    def now(self) -> datetime:
        """The clock's moment in the machine's zone (tomorrow 9:00 means local 9:00)."""
        return self.services.clock().astimezone()

    # -- done, cancel, delete --------------------------------------------------------------------
    def done(self, target: Target, parent: QWidget | None = None) -> bool:
        """Complete a follow-up, tick an item done; a complaint asks how it was resolved."""
        if target.source is ReminderSource.COMPLAINT:
            return self.edit(target, parent, resolve=True)
        follow_ups, items = self.services.follow_ups, self.services.action_items
        if target.source is ReminderSource.FOLLOW_UP:
            return self._do(
                QCoreApplication.translate("ItemActions", "Done: “{0}”").format(target.title),
                lambda: follow_ups.complete(target.id),
                lambda: follow_ups.reopen(target.id),
                QCoreApplication.translate(
                    "ItemActions", "Done: “{0}”. Ctrl+Z takes it back."
                ).format(target.title),
            )
        return self._do(
            QCoreApplication.translate("ItemActions", "Done: “{0}”").format(target.title),
            lambda: items.set_status(target.id, ActionItemStatus.DONE),
            lambda: items.set_status(target.id, ActionItemStatus.OPEN),
            QCoreApplication.translate("ItemActions", "Done: “{0}”. Ctrl+Z takes it back.").format(
                target.title
            ),
        )

    def cancel(self, target: Target) -> bool:
        follow_ups, items = self.services.follow_ups, self.services.action_items
        if target.source is ReminderSource.FOLLOW_UP:
            return self._do(
                QCoreApplication.translate("ItemActions", "Cancel “{0}”").format(target.title),
                lambda: follow_ups.cancel(target.id),
                lambda: follow_ups.reopen(target.id),
                QCoreApplication.translate(
                    "ItemActions", "Cancelled “{0}”. Ctrl+Z takes it back."
                ).format(target.title),
            )
        if target.source is ReminderSource.ACTION_ITEM:
            return self._do(
                QCoreApplication.translate("ItemActions", "Cancel “{0}”").format(target.title),
                lambda: items.set_status(target.id, ActionItemStatus.CANCELLED),
                lambda: items.set_status(target.id, ActionItemStatus.OPEN),
                QCoreApplication.translate(
                    "ItemActions", "Cancelled “{0}”. Ctrl+Z takes it back."
                ).format(target.title),
            )
        return False

    def delete(self, target: Target) -> bool:
        if target.source is ReminderSource.FOLLOW_UP:
            return self.cancel(target)  # follow-ups are cancelled, never deleted
        service = (
            self.services.action_items
            if target.source is ReminderSource.ACTION_ITEM
            else self.services.complaints
        )
        return self._do(
            QCoreApplication.translate("ItemActions", "Delete “{0}”").format(target.title),
            lambda: service.delete(target.id),
            lambda: service.restore(target.id),
            QCoreApplication.translate(
                "ItemActions", "Deleted “{0}”. Ctrl+Z brings it back."
            ).format(target.title),
        )

    # -- when -------------------------------------------------------------------------------------
    def snooze(self, target: Target, until: datetime) -> bool:
        """Remind again at ``until``; the due moment stays."""
        try:
            before = self._snoozed(target)
        except NotFoundError as exc:
            self._gone(exc)
            return False
        service = self._service(target)
        return self._do(
            QCoreApplication.translate("ItemActions", "Snooze “{0}”").format(target.title),
            lambda: service.snooze(target.id, until),
            lambda: service.snooze(target.id, before),
            QCoreApplication.translate("ItemActions", "Snoozed until {0}.").format(_short(until)),
        )

    def snooze_for(self, target: Target, choice: SnoozeChoice) -> bool:
        return self.snooze(target, snooze_until(choice, self.now()))

    def snooze_custom(self, target: Target, parent: QWidget | None = None) -> bool:
        from salesdesk.ui.item_dialogs import MomentDialog

        until = MomentDialog.ask(
            QCoreApplication.translate("ItemActions", "Snooze"),
            QCoreApplication.translate("ItemActions", "Remind me again about “{0}” at:").format(
                target.title
            ),
            snooze_until(SnoozeChoice.ONE_HOUR, self.now()),
            parent,
        )
        return until is not None and self.snooze(target, until)

    def reschedule(self, target: Target, parent: QWidget | None = None) -> bool:
        """Move a follow-up's due moment or an item's deadline to a moment the rep picks."""
        from salesdesk.ui.item_dialogs import MomentDialog

        if not self.can_reschedule(target):
            return False
        try:
            if target.source is ReminderSource.FOLLOW_UP:
                current = self.services.follow_ups.get(target.id).due_at
            else:
                current = self.services.action_items.get(target.id).due_at
        except NotFoundError as exc:
            self._gone(exc)
            return False
        now = self.now()
        initial = current if current > now else default_next_moment(now, 1, self.follow_up_hour)
        prompt = (
            QCoreApplication.translate("ItemActions", "New due time for “{0}”:")
            if target.source is ReminderSource.FOLLOW_UP
            else QCoreApplication.translate(
                "ItemActions", "New deadline the customer agreed to for “{0}”:"
            )
        )
        when = MomentDialog.ask(
            QCoreApplication.translate("ItemActions", "Reschedule"),
            prompt.format(target.title),
            initial,
            parent,
        )
        if when is None:
            return False
        return self._move(target, when)

    def _move(self, target: Target, when: datetime) -> bool:
        if target.source is ReminderSource.FOLLOW_UP:
            follow_ups = self.services.follow_ups
            before = follow_ups.get(target.id)

            def undo() -> None:
                follow_ups.reschedule(target.id, before.due_at)
                if before.snoozed_until is not None:
                    follow_ups.snooze(target.id, before.snoozed_until)

            return self._do(
                QCoreApplication.translate("ItemActions", "Reschedule “{0}”").format(target.title),
                lambda: follow_ups.reschedule(target.id, when),
                undo,
                QCoreApplication.translate("ItemActions", "Moved to {0}.").format(_short(when)),
            )
        items = self.services.action_items
        item = items.get(target.id)
        old, new = _item_input(item), replace(_item_input(item), due_at=when)
        snoozed = item.snoozed_until

        def undo_item() -> None:
            items.update(target.id, old)
            if snoozed is not None:
                items.snooze(target.id, snoozed)

        return self._do(
            QCoreApplication.translate("ItemActions", "Reschedule “{0}”").format(target.title),
            lambda: items.update(target.id, new),
            undo_item,
            QCoreApplication.translate("ItemActions", "Moved to {0}.").format(_short(when)),
        )

    # -- editors ----------------------------------------------------------------------------------
    def edit(self, target: Target, parent: QWidget | None = None, resolve: bool = False) -> bool:
        """Open the row's editor; ``resolve`` presets a complaint to resolved."""
        try:
            if target.source is ReminderSource.FOLLOW_UP:
                return self._edit_follow_up(target, parent)
            if target.source is ReminderSource.ACTION_ITEM:
                return self._edit_item(target, parent)
            return self._edit_complaint(target, parent, resolve)
        except NotFoundError as exc:
            self._gone(exc)
            return False

    def _edit_follow_up(self, target: Target, parent: QWidget | None) -> bool:
        from salesdesk.ui.item_dialogs import FollowUpDialog, FollowUpInput

        follow_ups = self.services.follow_ups
        before = follow_ups.get(target.id)
        initial = FollowUpInput(before.due_at, before.what, before.kind)
        dialog = FollowUpDialog(
            target.company,
            before.due_at,
            initial,
            on_save=lambda d: follow_ups.reschedule(target.id, d.due_at, d.what),
            parent=parent,
        )
        if not (dialog.exec() and dialog.result_input is not None):
            return False
        after: FollowUpInput = dialog.result_input

        def undo() -> None:
            follow_ups.reschedule(target.id, before.due_at, before.what)
            if before.snoozed_until is not None:
                follow_ups.snooze(target.id, before.snoozed_until)

        self._record(
            QCoreApplication.translate("ItemActions", "Edit “{0}”").format(after.what.strip()),
            lambda: follow_ups.reschedule(target.id, after.due_at, after.what),
            undo,
        )
        return True

    def _edit_item(self, target: Target, parent: QWidget | None) -> bool:
        from salesdesk.ui.item_dialogs import ActionItemDialog

        items = self.services.action_items
        item = items.get(target.id)
        before = _item_input(item)
        dialog = ActionItemDialog(
            item.prospect_id,
            item.company,
            self._contacts(item.prospect_id),
            item.due_at,
            before,
            on_save=lambda d: items.update(target.id, d),
            parent=parent,
        )
        if not (dialog.exec() and dialog.result_input is not None):
            return False
        after: ActionItemInput = dialog.result_input
        self._record(
            QCoreApplication.translate("ItemActions", "Edit “{0}”").format(after.title.strip()),
            lambda: items.update(target.id, after),
            lambda: items.update(target.id, before),
        )
        return True

    def _edit_complaint(self, target: Target, parent: QWidget | None, resolve: bool) -> bool:
        from salesdesk.ui.item_dialogs import ComplaintDialog

        complaints = self.services.complaints
        complaint = complaints.get(target.id)
        before = _complaint_input(complaint)
        dialog = ComplaintDialog(
            complaint.prospect_id,
            complaint.company,
            self._contacts(complaint.prospect_id),
            before,
            on_save=lambda d: complaints.update(target.id, d),
            parent=parent,
        )
        if resolve:
            dialog.resolve()
        if not (dialog.exec() and dialog.result_input is not None):
            return False
        after: ComplaintInput = dialog.result_input
        done = after.status is ComplaintStatus.RESOLVED and before.status != after.status
        self._record(
            (
                QCoreApplication.translate("ItemActions", "Resolve “{0}”")
                if done
                else QCoreApplication.translate("ItemActions", "Edit “{0}”")
            ).format(_first_line(after)),
            lambda: complaints.update(target.id, after),
            lambda: complaints.update(target.id, before),
        )
        return True

    # -- new ------------------------------------------------------------------------------------
    def _create(
        self,
        make_dialog: Callable[[Callable[[InputT], None]], _InputDialog[InputT]],
        create: Callable[[InputT], str],
        undo_text: Callable[[InputT], str],
        restore: Callable[[str], object],
        remove: Callable[[str], object],
    ) -> str | None:
        """Open the dialog; what it saves is created and can be undone. The new id, or None
        when the rep cancelled."""
        created: dict[str, str] = {}

        def save(data: InputT) -> None:
            created["id"] = create(data)

        dialog = make_dialog(save)
        if not (dialog.exec() and "id" in created):
            return None
        new_id = created["id"]
        self._record(
            undo_text(dialog.current_input()), lambda: restore(new_id), lambda: remove(new_id)
        )
        return new_id

    def schedule_follow_up(
        self, prospect_id: str, company: str, parent: QWidget | None = None
    ) -> str | None:
        """A new follow-up on the prospect; its id, or None when cancelled."""
        from salesdesk.ui.item_dialogs import FollowUpDialog, FollowUpInput

        follow_ups = self.services.follow_ups
        default = default_next_moment(self.now(), self.follow_up_days, self.follow_up_hour)

        def create(d: FollowUpInput) -> str:
            return follow_ups.schedule(prospect_id, d.due_at, d.what, d.kind)

        return self._create(
            lambda save: FollowUpDialog(company, default, on_save=save, parent=parent),
            create,
            lambda d: QCoreApplication.translate("ItemActions", "Schedule “{0}”").format(
                d.what.strip()
            ),
            follow_ups.reopen,
            follow_ups.cancel,
        )

    def add_item(
        self,
        prospect_id: str,
        company: str,
        contacts: Sequence[ContactRecord] | None = None,
        parent: QWidget | None = None,
    ) -> str | None:
        """A new customer action item; its id, or None when cancelled."""
        from salesdesk.ui.item_dialogs import ActionItemDialog

        items = self.services.action_items
        people = self._contacts(prospect_id) if contacts is None else contacts
        # Customers need a few working days for most things: the rep's usual distance.
        default = default_next_moment(self.now(), 3, self.follow_up_hour)
        return self._create(
            lambda save: ActionItemDialog(
                prospect_id, company, people, default, on_save=save, parent=parent
            ),
            items.add,
            lambda d: QCoreApplication.translate("ItemActions", "Add “{0}”").format(
                d.title.strip()
            ),
            items.restore,
            items.delete,
        )

    def add_complaint(
        self,
        prospect_id: str,
        company: str,
        contacts: Sequence[ContactRecord] | None = None,
        parent: QWidget | None = None,
    ) -> str | None:
        """A new complaint after the sale; its id, or None when cancelled."""
        from salesdesk.ui.item_dialogs import ComplaintDialog

        complaints = self.services.complaints
        people = self._contacts(prospect_id) if contacts is None else contacts
        return self._create(
            lambda save: ComplaintDialog(
                prospect_id, company, people, on_save=save, parent=parent, now=self.now()
            ),
            complaints.open,
            lambda d: QCoreApplication.translate("ItemActions", "Record complaint “{0}”").format(
                _first_line(d)
            ),
            complaints.restore,
            complaints.delete,
        )

    def request_draft(self, target: Target) -> None:
        """Ask for the e-mail draft that fits the item now: the friendly check before its
        deadline, the reminder after it."""
        if not self.can_draft(target):
            return
        overdue = target.due_at is not None and target.due_at <= self.now()
        self.draftRequested.emit(target.id, "overdue" if overdue else "check")

    # -- plumbing ---------------------------------------------------------------------------------
    def _service(self, target: Target):  # type: ignore[no-untyped-def]
        if target.source is ReminderSource.FOLLOW_UP:
            return self.services.follow_ups
        if target.source is ReminderSource.ACTION_ITEM:
            return self.services.action_items
        return self.services.complaints

    def _snoozed(self, target: Target) -> datetime | None:
        found = self._service(target).get(target.id)
        return found.snoozed_until  # type: ignore[no-any-return]

    def _contacts(self, prospect_id: str) -> tuple[ContactRecord, ...]:
        try:
            return self.services.prospects.get(prospect_id).contacts
        except NotFoundError:
            return ()

    def _do(
        self, text: str, do: Callable[[], object], undo: Callable[[], object], done_text: str
    ) -> bool:
        """Do a step now; on success make it undoable and say so."""
        try:
            do()
        except NotFoundError as exc:
            self._gone(exc)
            return False
        except StorageError as exc:
            self._failed(exc)
            return False
        self._record(text, do, undo)
        self.message.emit(done_text)
        return True

    def _record(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        """Put an already-done step on the undo stack and tell the panels."""

        def then(step: Callable[[], object]) -> Callable[[], None]:
            def run() -> None:
                try:
                    step()
                finally:
                    self.changed.emit()

            return run

        if self.undo_stack is not None:
            self.undo_stack.push(ServiceStep(text, then(do), then(undo), self._failed))
        self.changed.emit()

    def _gone(self, exc: Exception) -> None:
        """The row was completed, moved or deleted meanwhile (another window, the CLI)."""
        self.message.emit(
            QCoreApplication.translate(
                "ItemActions", "This entry has changed meanwhile; the list is up to date now."
            )
        )
        self.changed.emit()

    def _failed(self, exc: Exception) -> None:
        parent = self.parent()
        QMessageBox.warning(
            parent if isinstance(parent, QWidget) else None,
            QCoreApplication.translate("ItemActions", "Not saved"),
            QCoreApplication.translate(
                "ItemActions", "SalesDesk could not change this entry.\n\nDetails: {0}"
            ).format(exc),
        )
        self.changed.emit()


def _short(moment: datetime) -> str:
    from salesdesk.ui.prospect_model import format_datetime

    return format_datetime(moment)


def _first_line(data: ComplaintInput) -> str:
    text = data.description.strip().splitlines()
    line = text[0] if text else ""
    return line if len(line) <= 40 else line[:39] + "…"
