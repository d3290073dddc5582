"""The prospect's "Follow-ups & items" tab: what the rep owes them (open follow-ups), what
they owe the rep (customer action items, DOMAIN.md §4) and problems after the sale
(complaints, §5) with the contacts made since each was opened.

One list with three sections; the buttons, the context menu and the keys act on the
selected row (Ctrl+D done, Ctrl+R reschedule, Enter edit, Del delete or cancel). Every
step goes through :class:`ItemActions` (undoable, refreshes the window).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesk.core.complaints import DEFAULT_SILENCE_DAYS
from salesdesk.core.enums import ActionItemStatus, ComplaintSeverity
from salesdesk.core.followups import SnoozeChoice
from salesdesk.core.reminders import ReminderSource
from salesdesk.core.validation import NotFoundError
from salesdesk.ui.forms import plain_tooltip
from salesdesk.ui.item_actions import ItemActions, Target
from salesdesk.ui.labels import (
    channel_label,
    complaint_status_label,
    kind_label,
    severity_label,
)
from salesdesk.ui.prospect_model import OVERDUE_COLOR, STREAK_COLOR, format_datetime
from salesdesk.ui.steps import keeps_delete_key, panel_action

if TYPE_CHECKING:
    from salesdesk.core.records import ProspectRecord
    from salesdesk.core.services import Services

__all__ = ["FollowUpPanel"]

TargetRole = Qt.ItemDataRole.UserRole + 1
RESOLVED_COLOR = "#6b6b6b"
#: The third column (a follow-up's kind, an item's or complaint's status) takes at most
#: this share of the list's width; the rest of a long text is in its tooltip.
STATUS_SHARE = 0.3


class _Tree(QTreeWidget):
    """Enter edits; Del deletes (or cancels) the row instead of the window's "delete
    prospect"; the Menu key opens the actions at the current row."""

    editRequested = Signal()
    deleteRequested = Signal()
    menuRequested = Signal(QPoint)
    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def event(self, event: QEvent) -> bool:
        return keeps_delete_key(event) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.editRequested.emit()
            return
        if event.key() == Qt.Key.Key_Delete and not event.modifiers():
            self.deleteRequested.emit()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            rect = self.visualItemRect(self.currentItem()) if self.currentItem() else None
            at = rect.bottomLeft() if rect is not None else QPoint(0, 0)
            self.menuRequested.emit(self.viewport().mapToGlobal(at))
            return
        item = self.itemAt(event.pos())
        if item is not None:
            self.setCurrentItem(item)
        self.menuRequested.emit(event.globalPos())


class _SectionDelegate(QStyledItemDelegate):
    """A section's title spans the row; the section's own name for the third column
    ("Kind" for follow-ups, "Status" for items and complaints) is drawn over that column,
    as a header for the rows below it."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        caption = index.siblingAtColumn(2) if index.column() == 0 else QModelIndex()
        at = self.tree.header().sectionViewportPosition(2)
        spanned = not index.parent().isValid() and self.tree.isFirstColumnSpanned(
            index.row(), index.parent()
        )
        if not (spanned and caption.isValid() and caption.data()) or at <= option.rect.left():
            super().paint(painter, option, index)
            return
        title = QStyleOptionViewItem(option)
        title.rect = QRect(option.rect)
        title.rect.setRight(at - 1)
        super().paint(painter, title, index)
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, caption)
        cell.rect = QRect(at, option.rect.top(), self.tree.columnWidth(2), option.rect.height())
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, option.widget)


class FollowUpPanel(QWidget):
    """Built the first time its tab is shown; loads the prospect only while shown."""

    def __init__(
        self,
        services: Services | None = None,
        actions: ItemActions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._actions: ItemActions | None = None
        if actions is not None:
            self.actions = actions
        self.silence_days = DEFAULT_SILENCE_DAYS
        self._record: ProspectRecord | None = None
        self._loaded_for: str | None = None
        self._stale = True
        self._bold = QFont()
        self._bold.setBold(True)

        self.tree = _Tree()
        # Each section names its third column (see _SectionDelegate); the header names both.
        self.tree.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Kind / status")])
        self.tree.setItemDelegate(_SectionDelegate(self.tree))
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(14)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        # The dates as wide as they are, the title gets the room; the kind or status is
        # capped (see fit_columns) so a long one does not squeeze the title.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.tree.resized.connect(self.fit_columns)
        self.tree.currentItemChanged.connect(lambda *_: self._update_actions())
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit())
        self.tree.editRequested.connect(self.edit)
        self.tree.deleteRequested.connect(self.delete)
        self.tree.menuRequested.connect(self._show_menu)

        self._build_actions()
        new_row = QHBoxLayout()
        for act in (self.schedule_action, self.add_item_action, self.add_complaint_action):
            new_row.addWidget(self._button(act))
        new_row.addStretch(1)
        # What the customer already did (or was let off) stays readable, greyed, on request.
        self.show_closed = QCheckBox(self.tr("Show done items"))
        self.show_closed.toggled.connect(lambda _on: self.reload())
        # The actions in two short rows (the daily ones first): one long row made the
        # detail panel so wide that the prospect list lost its last column.
        row = QHBoxLayout()
        for act in (self.done_action, self.edit_action):
            row.addWidget(self._button(act))
        self.snooze_button = QPushButton(self.tr("Snooze"))
        self.snooze_button.setMenu(self.snooze_menu)
        row.addWidget(self.snooze_button)
        row.addStretch(1)
        more = QHBoxLayout()
        for act in (self.cancel_action, self.delete_action, self.draft_action):
            more.addWidget(self._button(act))
        more.addStretch(1)
        more.addWidget(self.show_closed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(new_row)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        layout.addLayout(more)
        self._update_actions()

    @property
    def actions(self) -> ItemActions:
        assert self._actions is not None, "set the panel's actions before using it"
        return self._actions

    @actions.setter
    def actions(self, actions: ItemActions) -> None:
        self._actions = actions
        actions.changed.connect(self._on_changed)

    # -- actions -----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        def action(text: str, shortcut: str | None, slot: Any) -> QAction:
            return panel_action(self, text, shortcut, slot)

        self.schedule_action = action(self.tr("Schedule follow-up…"), None, self.schedule)
        self.add_item_action = action(self.tr("Add customer item…"), None, self.add_item)
        self.add_complaint_action = action(self.tr("Record complaint…"), None, self.add_complaint)
        self.done_action = action(self.tr("Done"), "Ctrl+D", self.done)
        self.edit_action = action(self.tr("Edit…"), None, self.edit)
        self.reschedule_action = action(self.tr("Reschedule…"), "Ctrl+R", self.reschedule)
        self.cancel_action = action(self.tr("Cancel it"), None, self.cancel)
        self.delete_action = action(self.tr("Delete"), None, self.delete)
        self.draft_action = action(self.tr("E-mail draft…"), None, self.email_draft)
        self.snooze_menu = QMenu(self.tr("Snooze"), self)
        for text, choice in (
            (self.tr("10 minutes"), SnoozeChoice.TEN_MINUTES),
            (self.tr("1 hour"), SnoozeChoice.ONE_HOUR),
            (self.tr("Tomorrow 9:00"), SnoozeChoice.TOMORROW_MORNING),
        ):
            act = self.snooze_menu.addAction(text)
            act.triggered.connect(lambda _checked=False, c=choice: self.snooze(c))
        self.snooze_menu.addSeparator()
        custom = self.snooze_menu.addAction(self.tr("Custom…"))
        custom.triggered.connect(lambda _checked=False: self.snooze_custom())

    @staticmethod
    def _button(act: QAction) -> QPushButton:
        button = QPushButton(act.text())
        if not act.shortcut().isEmpty():
            shortcut = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{act.text().rstrip('…')} ({shortcut})")
        button.clicked.connect(act.trigger)

        def follow() -> None:
            button.setEnabled(act.isEnabled())
            button.setText(act.text())

        act.changed.connect(follow)
        follow()
        return button

    def _update_actions(self) -> None:
        target = self.current_target()
        has_prospect = self._record is not None
        for act in (self.schedule_action, self.add_item_action, self.add_complaint_action):
            act.setEnabled(has_prospect)
        self.done_action.setEnabled(target is not None)
        self.edit_action.setEnabled(target is not None)
        self.snooze_button.setEnabled(target is not None)
        self.snooze_menu.setEnabled(target is not None)
        self.reschedule_action.setEnabled(ItemActions.can_reschedule(target))
        self.cancel_action.setEnabled(ItemActions.can_cancel(target))
        self.delete_action.setEnabled(
            target is not None and target.source is ReminderSource.ACTION_ITEM
        )
        self.draft_action.setEnabled(ItemActions.can_draft(target))
        resolve = target is not None and target.source is ReminderSource.COMPLAINT
        self.done_action.setText(self.tr("Resolve…") if resolve else self.tr("Done"))

    def _show_menu(self, at: QPoint) -> None:
        menu = QMenu(self)
        if self.current_target() is not None:
            menu.addActions([self.done_action, self.edit_action, self.reschedule_action])
            menu.addMenu(self.snooze_menu)
            menu.addActions([self.cancel_action, self.delete_action, self.draft_action])
            menu.addSeparator()
        menu.addActions([self.schedule_action, self.add_item_action, self.add_complaint_action])
        menu.exec(at)

    # -- showing -----------------------------------------------------------------------------
    def show_prospect(self, record: ProspectRecord | None) -> None:
        """Remember the prospect; its lists are read now if the tab is shown, else later."""
        self._record = record
        self._stale = True
        if self.isVisible():
            self.reload()
        else:
            self._update_actions()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def current_target(self) -> Target | None:
        item = self.tree.currentItem()
        value = item.data(0, TargetRole) if item is not None else None
        return value if isinstance(value, Target) else None

    def reload(self) -> None:
        """Read the prospect's follow-ups, items and complaints again."""
        self._stale = False
        keep = self.current_target()
        self.tree.clear()
        record = self._record
        if record is None or self.services is None:
            self._update_actions()
            return
        now = self.services.clock()
        try:
            follow_ups = self.services.follow_ups.for_prospect(record.id)
            items = self.services.action_items.for_prospect(
                record.id, include_closed=self.show_closed.isChecked()
            )
            complaints = self.services.complaints.for_prospect(record.id)
        except NotFoundError:
            follow_ups, items, complaints = [], [], []

        section = self._section(self.tr("Follow-ups (%n)", "", len(follow_ups)), self.tr("Kind"))
        for f in follow_ups:
            status = kind_label(f.kind)
            if f.snoozed_until is not None and f.snoozed_until > now:
                status += " · " + self.tr("snoozed until {0}").format(
                    format_datetime(f.snoozed_until)
                )
            row = self._row(section, format_datetime(f.due_at), f.what, status)
            target = Target(
                ReminderSource.FOLLOW_UP, f.id, record.id, record.company, f.what, f.due_at
            )
            row.setData(0, TargetRole, target)
            if f.is_overdue(now):
                self._paint(row, OVERDUE_COLOR.name())
                row.setToolTip(0, self.tr("Overdue"))
        if not follow_ups:
            self._note(section, self.tr("No follow-up planned. Every contact needs a next step."))

        open_items = sum(1 for i in items if i.is_open())
        section = self._section(
            self.tr("Customer action items (%n)", "", open_items), self.tr("Status")
        )
        for item in items:
            what = item.title if not item.contact_name else f"{item.title} — {item.contact_name}"
            if not item.is_open():
                # Shown for the record only: no actions on it (Ctrl+Z undoes a recent one).
                status = (
                    self.tr("Done {0}").format(format_datetime(item.done_at))
                    if item.status is ActionItemStatus.DONE
                    else self.tr("Cancelled")
                )
                self._paint(self._row(section, format_datetime(item.due_at), what, status),
                            RESOLVED_COLOR)  # fmt: skip
                continue
            if item.is_overdue(now):
                status = self.tr("Overdue: chase it now")
            elif item.check_is_due(now):
                status = self.tr("Friendly check due")
            elif item.check_at is not None:
                status = self.tr("Check from {0}").format(format_datetime(item.check_at))
            else:
                status = self.tr("No friendly check")
            row = self._row(section, format_datetime(item.due_at), what, status)
            target = Target(
                ReminderSource.ACTION_ITEM,
                item.id,
                record.id,
                record.company,
                item.title,
                item.due_at,
            )
            row.setData(0, TargetRole, target)
            details = [what]
            if item.consequence:
                details.append(self.tr("If late: {0}").format(item.consequence))
            if item.notes:
                details.append(item.notes)
            row.setToolTip(1, plain_tooltip("\n".join(details)))
            if item.is_overdue(now):
                self._paint(row, OVERDUE_COLOR.name())
            elif item.check_is_due(now):
                row.setForeground(2, QBrush(STREAK_COLOR))
                row.setFont(2, self._bold)
        if not open_items:
            self._note(section, self.tr("Nothing the customer owes you right now."))

        open_count = sum(1 for c in complaints if c.is_open())
        section = self._section(self.tr("Complaints (%n open)", "", open_count), self.tr("Status"))
        for c in complaints:
            first = " ".join(c.description.split())
            status = f"{severity_label(c.severity)} · {complaint_status_label(c.status)}"
            silent = c.is_silent(now, self.silence_days)
            if silent:
                days = c.days_without_contact(now)
                status = self.tr("No contact for %n day(s)", "", days)
            row = self._row(section, format_datetime(c.opened_at), first, status)
            target = Target(ReminderSource.COMPLAINT, c.id, record.id, record.company, first)
            row.setData(0, TargetRole, target)
            tip = [c.description]
            if c.resolution:
                tip.append(self.tr("Resolution: {0}").format(c.resolution))
            row.setToolTip(1, plain_tooltip("\n".join(tip)))
            if silent:
                self._paint(row, OVERDUE_COLOR.name())
                row.setFont(2, self._bold)
            elif not c.is_open():
                self._paint(row, RESOLVED_COLOR)
            elif c.severity is ComplaintSeverity.HIGH:
                row.setFont(1, self._bold)
            contacts = self.services.complaints.contacts_made(c.id)
            if not contacts and c.is_open():
                self._note(row, self.tr("No contact since it was opened."))
            for contact in contacts:
                how = f"{channel_label(contact.channel)} · {kind_label(contact.kind)}"
                self._row(row, format_datetime(contact.occurred_at), contact.summary, how)
            row.setExpanded(c.is_open())
        if not complaints:
            self._note(section, self.tr("No complaints recorded."))

        self._select(keep)
        self._update_actions()
        self.fit_columns()

    def fit_columns(self) -> None:
        """The kind or status column as wide as its longest text, at most a share of the
        list's width (never narrower than its heading); the title takes the rest."""
        tree = self.tree
        heading = tree.header().sectionSizeHint(2)
        cap = max(heading, int(tree.viewport().width() * STATUS_SHARE))
        tree.setColumnWidth(2, min(max(tree.sizeHintForColumn(2), heading), cap))

    # -- tree helpers ------------------------------------------------------------------------
    def _section(self, title: str, caption: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([title, "", caption])
        item.setFont(0, self._bold)
        item.setFont(2, self._bold)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setFirstColumnSpanned(True)
        self.tree.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)
        item.setExpanded(True)
        return item

    @staticmethod
    def _row(parent: QTreeWidgetItem, when: str, what: str, status: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [when, what, status])
        for col in range(3):
            item.setToolTip(col, plain_tooltip(item.text(col)))
        return item

    @staticmethod
    def _note(parent: QTreeWidgetItem, text: str) -> None:
        item = QTreeWidgetItem(parent, [text])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setFirstColumnSpanned(True)  # the whole width, not the "when" column
        font = item.font(0)
        font.setItalic(True)
        item.setFont(0, font)
        item.setForeground(0, QBrush(Qt.GlobalColor.gray))

    @staticmethod
    def _paint(item: QTreeWidgetItem, color: str) -> None:
        for col in range(3):
            item.setForeground(col, QBrush(color))

    def _select(self, keep: Target | None) -> None:
        first: QTreeWidgetItem | None = None
        for s in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(s)
            for r in range(section.childCount()):
                item = section.child(r)
                target = item.data(0, TargetRole)
                if not isinstance(target, Target):
                    continue
                if first is None:
                    first = item
                if keep is not None and (target.source, target.id) == (keep.source, keep.id):
                    self.tree.setCurrentItem(item)
                    return
        if first is not None:
            self.tree.setCurrentItem(first)

    def rows(self) -> list[tuple[str, ...]]:
        """Every row as (section, when, what, status) — for tests and screen readers."""
        out: list[tuple[str, ...]] = []
        for s in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(s)
            for r in range(section.childCount()):
                item = section.child(r)
                out.append((section.text(0), item.text(0), item.text(1), item.text(2)))
        return out

    # -- doing -------------------------------------------------------------------------------
    def schedule(self) -> str | None:
        if self._record is None:
            return None
        return self.actions.schedule_follow_up(self._record.id, self._record.company, self)

    def add_item(self) -> str | None:
        r = self._record
        return None if r is None else self.actions.add_item(r.id, r.company, r.contacts, self)

    def add_complaint(self) -> str | None:
        r = self._record
        if r is None:
            return None
        return self.actions.add_complaint(r.id, r.company, r.contacts, self)

    def done(self) -> bool:
        target = self.current_target()
        return target is not None and self.actions.done(target, self)

    def edit(self) -> bool:
        target = self.current_target()
        return target is not None and self.actions.edit(target, self)

    def reschedule(self) -> bool:
        target = self.current_target()
        return target is not None and self.actions.reschedule(target, self)

    def snooze(self, choice: SnoozeChoice) -> bool:
        target = self.current_target()
        return target is not None and self.actions.snooze_for(target, choice)

    def snooze_custom(self) -> bool:
        target = self.current_target()
        return target is not None and self.actions.snooze_custom(target, self)

    def cancel(self) -> bool:
        target = self.current_target()
        return target is not None and self.actions.cancel(target)

    def delete(self) -> bool:
        """Del: an item is deleted (undoable), a follow-up cancelled; complaints stay."""
        target = self.current_target()
        if target is None or target.source is ReminderSource.COMPLAINT:
            return False
        return self.actions.delete(target)

    def email_draft(self) -> None:
        target = self.current_target()
        if target is not None:
            self.actions.request_draft(target)
