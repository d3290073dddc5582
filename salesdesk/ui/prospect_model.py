"""The prospect list's item model: holds rowids, fetches visible rows lazily.

Built for 100k prospects: a query returns only rowids in display order (an ``array``);
``data()`` loads a page of plain rows around the requested one into a bounded cache.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.closing_rules import STREAK_FLAG
from salesdesk.core.listing import (
    ProspectList,
    ProspectQuery,
    ProspectRow,
    SortKey,
    end_of_local_day,
)
from salesdesk.ui.labels import stage_label

Index = QModelIndex | QPersistentModelIndex
OVERDUE_COLOR = QColor("#b00020")
STREAK_COLOR = QColor("#b35c00")


_YEAR = re.compile(r"y+[/.\-]?\s*|[/.\-]\s*y+")


def format_datetime(value: datetime | None, locale: QLocale | None = None) -> str:
    """A stored UTC moment in local time, in the locale's short format.

    Within the current year the year is left out (11/27 14:30), as reps read a list.
    """
    if value is None:
        return ""
    loc = locale or QLocale()
    qdt = QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()
    fmt = loc.dateTimeFormat(QLocale.FormatType.ShortFormat)
    if qdt.date().year() == QDateTime.currentDateTime().date().year():
        fmt = _YEAR.sub("", fmt, count=1)
    return loc.toString(qdt, fmt)


class ProspectTableModel(QAbstractTableModel):
    COL_COMPANY, COL_KANA, COL_STAGE, COL_STRENGTH, COL_LAST, COL_NEXT = range(6)
    SORT_KEYS = (
        SortKey.COMPANY,
        SortKey.KANA,
        SortKey.STAGE,
        SortKey.STRENGTH,
        SortKey.LAST_CONTACT,
        SortKey.NEXT_FOLLOW_UP,
    )
    PAGE = 200
    CACHE_LIMIT = 5000
    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, listing: ProspectList, clock: Clock = utc_now, parent: Any = None):
        super().__init__(parent)
        self._listing = listing
        self._clock = clock
        self._query = ProspectQuery()
        self._rowids: array[int] = array("q")
        self._total = 0  # rows in the list; more than len(_rowids) while loading at start
        self._first_page_next = False
        self._cache: dict[int, ProspectRow] = {}
        self._due_limit = end_of_local_day(clock())
        self._bold = QFont()
        self._bold.setBold(True)

    # -- query ---------------------------------------------------------------------
    @property
    def query(self) -> ProspectQuery:
        return self._query

    def set_query(self, query: ProspectQuery) -> None:
        self._query = query
        self.refresh()

    def refresh(self) -> None:
        """Re-run the query; rows are fetched again as they are shown."""
        self.beginResetModel()
        if self._first_page_next:
            # Start-up: a screenful and the count now; the whole order once the first page
            # is on screen (complete_order), or as soon as a row beyond it is asked for.
            self._first_page_next = False
            self._rowids, self._total = self._listing.first_rowids(self._query, self.PAGE)
        else:
            self._rowids = self._listing.rowids(self._query)
            self._total = len(self._rowids)
        self._cache.clear()
        self._due_limit = end_of_local_day(self._clock())
        self.endResetModel()

    def load_first_page_first(self) -> None:
        """Make the next refresh show the first page before reading the whole order."""
        self._first_page_next = True

    def complete_order(self) -> None:
        """Read the whole order of a list that shows only its first page so far."""
        if self._total == len(self._rowids):
            return
        full = self._listing.rowids(self._query)
        if len(full) != self._total or full[: len(self._rowids)] != self._rowids:
            self.refresh()  # the data changed meanwhile: start over
            return
        self._rowids = full
        # Same rows, now all known: the views just redraw.
        self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, self.columnCount() - 1))

    def id_at(self, row: int) -> str | None:
        found = self.prospect_row(row)
        return None if found is None else found.id

    def row_of(self, prospect_id: str) -> int:
        self.complete_order()
        rowid = self._listing.rowid_of(prospect_id)
        if rowid is None:
            return -1
        try:
            return self._rowids.index(rowid)
        except ValueError:
            return -1

    def prospect_row(self, row: int) -> ProspectRow | None:
        if len(self._rowids) <= row < self._total:
            self.complete_order()
        if not 0 <= row < len(self._rowids):
            return None
        rowid = self._rowids[row]
        found = self._cache.get(rowid)
        if found is None:
            self._load_page(row)
            found = self._cache.get(rowid)
        return found

    def _load_page(self, row: int) -> None:
        if len(self._cache) > self.CACHE_LIMIT:
            self._cache.clear()
        start = max(0, row - self.PAGE // 4)
        page = [r for r in self._rowids[start : start + self.PAGE] if r not in self._cache]
        self._cache.update(self._listing.rows(page))

    # -- Qt model API ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.SORT_KEYS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Company"),
            self.tr("Reading"),
            self.tr("Stage"),
            self.tr("Strength"),
            self.tr("Last contact"),
            self.tr("Next follow-up"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.prospect_row(index.row())
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == self.IdRole:
            return row.id
        if col == self.COL_STAGE and row.pending_streak >= STREAK_FLAG:
            # △ three times in a row on an open deal (kept on the row by core/deals.py).
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(STREAK_COLOR)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("A deal is pending (△) {0} times in a row").format(
                    row.pending_streak
                )
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_STRENGTH:
            if row.strength is None:
                return self.tr("Not assessed yet")
            # The total of the six dimensions (0–5 each); the Relationship tab has the detail.
            return self.tr("Relationship strength {0} / 30 (six dimensions, 0–5 each)").format(
                row.strength
            )
        if col == self.COL_NEXT and row.next_follow_up_at is not None:
            due = row.next_follow_up_at <= self._due_limit
            if role == Qt.ItemDataRole.ForegroundRole and row.next_follow_up_at < self._clock():
                return QBrush(OVERDUE_COLOR)
            if role == Qt.ItemDataRole.FontRole and due:
                return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_STRENGTH:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, row: ProspectRow, col: int) -> str:
        if col == self.COL_COMPANY:
            return row.company
        if col == self.COL_KANA:
            return row.company_kana
        if col == self.COL_STAGE:
            if row.pending_streak >= STREAK_FLAG:
                return f"{stage_label(row.stage)}  △×{row.pending_streak}"
            return stage_label(row.stage)
        if col == self.COL_STRENGTH:
            return "—" if row.strength is None else str(row.strength)
        if col == self.COL_LAST:
            return format_datetime(row.last_contact_at)
        return format_datetime(row.next_follow_up_at)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_KEYS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        q = self._query
        self.set_query(replace(q, sort=self.SORT_KEYS[column], descending=descending))
