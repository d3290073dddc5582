"""The day's list (DOMAIN.md §6): overdue first (red), then due today, then this week.

Follow-ups the rep owes, customer action items (with "friendly check due" inside their
lead time) and open complaints left without contact, from ``TodayService``. Keyboard
first: the arrows walk the entries (bucket headers are skipped), Enter opens the
prospect, Ctrl+D marks done, Ctrl+R reschedules, Alt+S snoozes, Ctrl+Shift+F schedules
a follow-up; the window's Ctrl+L logs a call and Ctrl+Z undoes.

Built for a 100k-prospect database: the service caps the follow-ups of each bucket
(:data:`LIMIT`) and the bucket says how many more there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.core.followups import SnoozeChoice
from salesdesk.core.reminders import ReminderSource
from salesdesk.core.today import Bucket, TodayCounts, TodayEntry
from salesdesk.ui.forms import plain_tooltip
from salesdesk.ui.item_actions import ItemActions, Target
from salesdesk.ui.labels import kind_label
from salesdesk.ui.prospect_model import OVERDUE_COLOR, STREAK_COLOR, format_datetime
from salesdesk.ui.steps import keeps_delete_key, panel_action

if TYPE_CHECKING:
    from salesdesk.core.services import Services

__all__ = ["LIMIT", "TodayModel", "TodayPanel", "late_text"]

Index = QModelIndex | QPersistentModelIndex

#: Follow-ups listed per bucket; the rest are counted ("and N more").
LIMIT = 300
#: While shown, the list is re-read this often so "late" and the buckets stay true.
REFRESH_MS = 60_000
CHECK_COLOR = STREAK_COLOR  # amber: a friendly check is due
MORE_COLOR = QColor("#6b6b6b")
_NO_ROW = 0xFFFFFFFF  # internal id of a bucket header (its children carry the bucket)


def late_text(due: datetime, now: datetime) -> str:
    """How late something due at ``due`` is at ``now``: minutes, hours or days."""
    minutes = max(0, int((now - due).total_seconds() // 60))
    if minutes < 60:
        n = max(1, minutes)
        return QCoreApplication.translate("TodayPanel", "%n min late", "", n)
    hours = minutes // 60
    if hours < 24:
        return QCoreApplication.translate("TodayPanel", "%n h late", "", hours)
    days = hours // 24
    return QCoreApplication.translate("TodayPanel", "%n day(s) late", "", days)


def _time_only(moment: datetime) -> str:
    qdt = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(qdt.time(), QLocale.FormatType.ShortFormat)


def _with_weekday(moment: datetime) -> str:
    qdt = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    day = QLocale().dayName(qdt.date().dayOfWeek(), QLocale.FormatType.ShortFormat)
    return f"{day} {format_datetime(moment)}"


@dataclass(frozen=True, slots=True)
class _Group:
    bucket: Bucket
    entries: tuple[TodayEntry, ...]
    more: int  # counted but not listed


class TodayModel(QAbstractItemModel):
    """Buckets as top-level rows (not selectable), their entries as children.

    Columns: when, company, what, type. An extra disabled child "… and N more" closes a
    bucket whose follow-ups were capped.
    """

    COL_WHEN, COL_COMPANY, COL_WHAT, COL_TYPE = range(4)
    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []
        self._now = datetime.now().astimezone()
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_entries(self, entries: list[TodayEntry], counts: TodayCounts, now: datetime) -> None:
        totals = {Bucket.OVERDUE: counts.overdue, Bucket.TODAY: counts.today}
        totals[Bucket.WEEK] = counts.week
        groups = []
        for bucket in Bucket:
            mine = tuple(e for e in entries if e.bucket is bucket)
            more = max(0, totals[bucket] - len(mine))
            if mine or more:
                groups.append(_Group(bucket, mine, more))
        self.beginResetModel()
        self._groups = groups
        self._now = now
        self.endResetModel()

    # -- lookups -----------------------------------------------------------------------
    def entry(self, index: Index) -> TodayEntry | None:
        if not index.isValid() or index.internalId() == _NO_ROW:
            return None
        group = self._groups[index.internalId()]
        return group.entries[index.row()] if index.row() < len(group.entries) else None

    def entries(self) -> list[TodayEntry]:
        return [e for g in self._groups for e in g.entries]

    def index_of(self, source: ReminderSource, entry_id: str) -> QModelIndex:
        for g_row, group in enumerate(self._groups):
            for row, e in enumerate(group.entries):
                if e.source is source and e.id == entry_id:
                    return self.index(row, 0, self.index(g_row, 0))
        return QModelIndex()

    def entry_count(self, group_row: int) -> int:
        """Entries under the ``group_row``-th bucket header (the "more" row not counted)."""
        return len(self._groups[group_row].entries)

    def buckets(self) -> list[Bucket]:
        return [g.bucket for g in self._groups]

    def more(self, bucket: Bucket) -> int:
        return next((g.more for g in self._groups if g.bucket is bucket), 0)

    # -- Qt model API --------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not parent.isValid():
            if 0 <= row < len(self._groups) and 0 <= column < 4:
                return self.createIndex(row, column, _NO_ROW)
            return QModelIndex()
        if parent.internalId() != _NO_ROW:
            return QModelIndex()
        group = self._groups[parent.row()]
        if 0 <= row < len(group.entries) + (1 if group.more else 0) and 0 <= column < 4:
            return self.createIndex(row, column, parent.row())
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _NO_ROW:
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, _NO_ROW)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() != _NO_ROW or parent.column() != 0:
            return 0
        group = self._groups[parent.row()]
        return len(group.entries) + (1 if group.more else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 4

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.entry(index) is None:
            return Qt.ItemFlag.NoItemFlags  # headers and "more": skipped by the arrows
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Company"), self.tr("What"), self.tr("Type"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _NO_ROW:
            return self._header_data(self._groups[index.row()], index.column(), role)
        group = self._groups[index.internalId()]
        if index.row() >= len(group.entries):
            return self._more_data(group, index.column(), role)
        entry = group.entries[index.row()]
        col = index.column()
        if role == self.EntryRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._text(entry, col))
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.bucket is Bucket.OVERDUE or entry.source is ReminderSource.COMPLAINT:
                return QBrush(OVERDUE_COLOR)
            if entry.check_due and col == self.COL_TYPE:
                return QBrush(CHECK_COLOR)
        if role == Qt.ItemDataRole.FontRole and (
            (entry.check_due and col == self.COL_TYPE)
            or (entry.source is ReminderSource.COMPLAINT and col == self.COL_WHAT)
        ):
            return self._bold
        return None

    def _header_data(self, group: _Group, col: int, role: int) -> Any:
        if col != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            n = len(group.entries) + group.more
            if group.bucket is Bucket.OVERDUE:
                return self.tr("Overdue (%n)", "", n)
            if group.bucket is Bucket.TODAY:
                return self.tr("Due today (%n)", "", n)
            return self.tr("This week (%n)", "", n)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole:
            # Headers are disabled (the arrows skip them) but read like normal text.
            if group.bucket is Bucket.OVERDUE:
                return QBrush(OVERDUE_COLOR)
            return QApplication.palette().brush(QPalette.ColorRole.WindowText)
        return None

    def _more_data(self, group: _Group, col: int, role: int) -> Any:
        if col != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            more = group.more
            if group.bucket is Bucket.WEEK:
                return self.tr("… and %n more follow-up(s) later this week", "", more)
            return self.tr(
                "… and %n more follow-up(s): the list's “Follow-up due or overdue” filter "
                "shows them all",
                "",
                more,
            )
        if role == Qt.ItemDataRole.FontRole:
            return self._italic
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(MORE_COLOR)
        return None

    def _text(self, entry: TodayEntry, col: int) -> str:
        if col == self.COL_WHEN:
            return self._when(entry)
        if col == self.COL_COMPANY:
            return entry.company
        if col == self.COL_WHAT:
            if entry.source is ReminderSource.COMPLAINT:
                days = entry.silent_days
                return self.tr("No contact for %n day(s): {0}", "", days).format(
                    " ".join(entry.title.split())
                )
            return entry.title
        return self._type(entry)

    def _when(self, entry: TodayEntry) -> str:
        if entry.bucket is Bucket.OVERDUE:
            if entry.source is ReminderSource.COMPLAINT:
                return format_datetime(entry.due_at)
            return f"{format_datetime(entry.due_at)} · {late_text(entry.due_at, self._now)}"
        if entry.bucket is Bucket.TODAY:
            return _time_only(entry.due_at)
        return _with_weekday(entry.due_at)

    def _type(self, entry: TodayEntry) -> str:
        if entry.source is ReminderSource.FOLLOW_UP:
            text = kind_label(entry.kind) if entry.kind is not None else ""
        elif entry.source is ReminderSource.ACTION_ITEM:
            if entry.check_due:
                text = self.tr("Friendly check due")
            else:
                text = self.tr("Customer's deadline")
        else:
            text = self.tr("Complaint after the sale")
        if entry.snoozed_until is not None and entry.snoozed_until > self._now:
            until = entry.snoozed_until
            same_day = until.astimezone().date() == self._now.astimezone().date()
            shown = _time_only(until) if same_day else format_datetime(until)
            text += " · " + self.tr("snoozed until {0}").format(shown)
        return text


class _TodayView(QTreeView):
    """The list; Enter opens, the Menu key opens the actions at the current row, and the
    window's Del (delete prospect) is kept from firing while the list has the focus."""

    activatedByKey = Signal()
    menuRequested = Signal(QPoint)

    def event(self, event: QEvent) -> bool:
        return keeps_delete_key(event) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.activatedByKey.emit()
            return
        if event.key() == Qt.Key.Key_Delete:
            return  # nothing here is deleted with Del
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            rect = self.visualRect(self.currentIndex())
            self.menuRequested.emit(self.viewport().mapToGlobal(rect.bottomLeft()))
        else:
            index = self.indexAt(event.pos())
            if index.isValid():
                self.setCurrentIndex(index)
            self.menuRequested.emit(event.globalPos())


class TodayPanel(QWidget):
    """The day's list with its actions. ``changed`` follows every change made here."""

    changed = Signal()
    #: Enter on a row: show the prospect in the main list.
    openProspect = Signal(str)
    #: The current row moved to this prospect (the window keeps its list in step).
    prospectSelected = Signal(str)
    logCallRequested = Signal(str)

    def __init__(
        self,
        services: Services,
        actions: ItemActions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actions = actions or ItemActions(services, parent=self)
        self.actions.changed.connect(self._on_changed)
        self.counts = TodayCounts(0, 0, 0)
        self._stale = True
        self._fit_when = True

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.empty = QLabel(self.tr("Nothing is overdue or due this week."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.model = TodayModel(self)
        self.view = _TodayView()
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setItemsExpandable(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TodayModel.COL_WHEN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TodayModel.COL_COMPANY, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TodayModel.COL_WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TodayModel.COL_TYPE, QHeaderView.ResizeMode.Interactive)
        self.view.setColumnWidth(TodayModel.COL_WHEN, 170)
        self.view.setColumnWidth(TodayModel.COL_COMPANY, 170)
        self.view.setColumnWidth(TodayModel.COL_TYPE, 210)
        self.view.activatedByKey.connect(self.open_current)
        self.view.doubleClicked.connect(lambda _i: self.open_current())
        self.view.menuRequested.connect(self._show_menu)

        self._build_actions()
        buttons = QHBoxLayout()
        for act in (self.done_action, self.reschedule_action):
            buttons.addWidget(self._button(act))
        self.snooze_button = QPushButton(self.tr("&Snooze"))
        self.snooze_button.setMenu(self.snooze_menu)
        self.snooze_button.setToolTip(self.tr("Remind me again later (Alt+S)"))
        buttons.addWidget(self.snooze_button)
        for act in (self.log_call_action, self.schedule_action, self.draft_action):
            buttons.addWidget(self._button(act))
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._update_actions()

    # -- actions ---------------------------------------------------------------------------
    def _build_actions(self) -> None:
        def action(text: str, shortcut: str | None, slot: Any) -> QAction:
            return panel_action(self, text, shortcut, slot)

        self.open_action = action(self.tr("Open prospect"), None, self.open_current)
        self.done_action = action(self.tr("&Done"), "Ctrl+D", self.done)
        self.reschedule_action = action(self.tr("&Reschedule…"), "Ctrl+R", self.reschedule)
        self.log_call_action = action(self.tr("&Log call…"), None, self.log_call)
        self.schedule_action = action(
            self.tr("Schedule &follow-up…"), "Ctrl+Shift+F", self.schedule_follow_up
        )
        self.draft_action = action(self.tr("&E-mail draft…"), None, self.email_draft)
        self.snooze_menu = QMenu(self.tr("Snooze"), self)
        self.snooze_actions = {
            SnoozeChoice.TEN_MINUTES: self.snooze_menu.addAction(self.tr("10 minutes")),
            SnoozeChoice.ONE_HOUR: self.snooze_menu.addAction(self.tr("1 hour")),
            SnoozeChoice.TOMORROW_MORNING: self.snooze_menu.addAction(self.tr("Tomorrow 9:00")),
        }
        for choice, act in self.snooze_actions.items():
            act.triggered.connect(lambda _checked=False, c=choice: self.snooze(c))
        self.snooze_menu.addSeparator()
        self.snooze_custom_action = self.snooze_menu.addAction(self.tr("Custom…"))
        self.snooze_custom_action.triggered.connect(lambda _checked=False: self.snooze_custom())

    @staticmethod
    def _button(act: QAction) -> QPushButton:
        button = QPushButton(act.text())
        tip = act.text().replace("&", "").rstrip("…")
        if not act.shortcut().isEmpty():
            shortcut = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{tip} ({shortcut})"
        button.setToolTip(tip)
        button.clicked.connect(act.trigger)

        def follow() -> None:
            button.setEnabled(act.isEnabled())
            button.setText(act.text())  # "Done" becomes "Resolve…" on a complaint

        act.changed.connect(follow)
        follow()
        return button

    def _show_menu(self, at: QPoint) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addSeparator()
        menu.addActions([self.done_action, self.reschedule_action])
        menu.addMenu(self.snooze_menu)
        menu.addSeparator()
        menu.addActions([self.log_call_action, self.schedule_action])
        if self.draft_action.isEnabled():
            menu.addAction(self.draft_action)
        menu.exec(at)

    def _update_actions(self) -> None:
        entry = self.current_entry()
        target = self._target(entry)
        has = entry is not None
        for act in (self.open_action, self.done_action, self.log_call_action):
            act.setEnabled(has)
        self.schedule_action.setEnabled(has)
        self.reschedule_action.setEnabled(self.actions.can_reschedule(target))
        self.draft_action.setEnabled(self.actions.can_draft(target))
        self.snooze_button.setEnabled(has)
        self.snooze_menu.setEnabled(has)
        if entry is not None and entry.source is ReminderSource.COMPLAINT:
            self.done_action.setText(self.tr("Resol&ve…"))
        else:
            self.done_action.setText(self.tr("&Done"))

    # -- reading ---------------------------------------------------------------------------
    def current_entry(self) -> TodayEntry | None:
        return self.model.entry(self.view.currentIndex())

    @staticmethod
    def _target(entry: TodayEntry | None) -> Target | None:
        if entry is None:
            return None
        return Target(
            entry.source, entry.id, entry.prospect_id, entry.company, entry.title, entry.due_at
        )

    def mark_stale(self) -> None:
        """The data changed elsewhere: re-read now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Re-read the day's list, keeping the current entry (or its place) selected."""
        self._stale = False
        current = self.current_entry()
        place = self._place(self.view.currentIndex())
        now = self.services.clock().astimezone()
        today = self.services.today
        entries, self.counts = today.day(now, limit=LIMIT)
        self.model.set_entries(entries, self.counts, now)
        self._span_headers()
        self.view.expandAll()
        if self._fit_when:  # once: the rep may widen or narrow them afterwards
            self._fit_when = False
            self.view.resizeColumnToContents(TodayModel.COL_WHEN)
            # The type no wider than its longest (情報提供 needs far less than "Labour
            # (research, documents)"): what is to be done gets the rest.
            wanted = self.view.sizeHintForColumn(TodayModel.COL_TYPE) + 12
            self.view.setColumnWidth(TodayModel.COL_TYPE, max(90, min(wanted, 210)))
        index = QModelIndex()
        if current is not None:
            index = self.model.index_of(current.source, current.id)
        if not index.isValid() and place is not None:
            index = self._at_place(*place)
        if not index.isValid():
            index = self._first_entry()
        if index.isValid():
            self.view.setCurrentIndex(index)
        self._show_summary()
        self._update_actions()

    def _place(self, index: QModelIndex) -> tuple[int, int] | None:
        if self.model.entry(index) is None:
            return None
        return int(index.internalId()), index.row()

    def _at_place(self, group: int, row: int) -> QModelIndex:
        """The entry now at (or just before) where the vanished one was."""
        for g in range(min(group, self.model.rowCount() - 1), -1, -1):
            n = self.model.entry_count(g)
            if n:
                return self.model.index(min(row, n - 1), 0, self.model.index(g, 0))
            row = 1 << 30  # an earlier bucket: its last entry
        return QModelIndex()

    def _first_entry(self) -> QModelIndex:
        for g in range(self.model.rowCount()):
            first = self.model.index(0, 0, self.model.index(g, 0))
            if self.model.entry(first) is not None:
                return first
        return QModelIndex()

    def _span_headers(self) -> None:
        for g in range(self.model.rowCount()):
            parent = self.model.index(g, 0)
            self.view.setFirstColumnSpanned(g, QModelIndex(), True)
            rows = self.model.rowCount(parent)
            if rows and self.model.entry(self.model.index(rows - 1, 0, parent)) is None:
                self.view.setFirstColumnSpanned(rows - 1, parent, True)

    def _show_summary(self) -> None:
        c = self.counts
        empty = c.overdue + c.today + c.week == 0
        self.view.setVisible(not empty)
        self.empty.setVisible(empty)
        overdue = self.tr("%n overdue", "", c.overdue)
        today = self.tr("%n due today", "", c.today)
        week = self.tr("%n later this week", "", c.week)
        self.summary.setText(f"{overdue} · {today} · {week}")
        color = OVERDUE_COLOR.name() if c.overdue else "palette(window-text)"
        self.summary.setStyleSheet(f"color: {color};")

    # -- doing -------------------------------------------------------------------------------
    def open_current(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.openProspect.emit(entry.prospect_id)

    def done(self) -> bool:
        target = self._target(self.current_entry())
        return target is not None and self.actions.done(target, self)

    def reschedule(self) -> bool:
        target = self._target(self.current_entry())
        return target is not None and self.actions.reschedule(target, self)

    def snooze(self, choice: SnoozeChoice) -> bool:
        target = self._target(self.current_entry())
        return target is not None and self.actions.snooze_for(target, choice)

    def snooze_custom(self) -> bool:
        target = self._target(self.current_entry())
        return target is not None and self.actions.snooze_custom(target, self)

    def log_call(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.logCallRequested.emit(entry.prospect_id)

    def schedule_follow_up(self) -> str | None:
        entry = self.current_entry()
        if entry is None:
            return None
        return self.actions.schedule_follow_up(entry.prospect_id, entry.company, self)

    def email_draft(self) -> None:
        target = self._target(self.current_entry())
        if target is not None:
            self.actions.request_draft(target)

    def _on_changed(self) -> None:
        self.mark_stale()
        self.changed.emit()

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._update_actions()
        entry = self.model.entry(current)
        before = self.model.entry(previous)
        if entry is not None and (before is None or before.prospect_id != entry.prospect_id):
            self.prospectSelected.emit(entry.prospect_id)

    # -- showing ---------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
        self._timer.start()

    def hideEvent(self, event: Any) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def focus_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
