"""The prospect list model: correct under Qt's model tester, lazy, sorted, coloured by urgency."""

from __future__ import annotations

from array import array
from datetime import datetime, timedelta
from typing import ClassVar

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from salesdesk.core.calls import CallService
from salesdesk.core.enums import Stage
from salesdesk.core.listing import ProspectQuery, ProspectRow, SortKey
from salesdesk.core.prospects import ProspectService
from salesdesk.core.records import CallInput, ContactInput, NextStep, ProspectInput
from salesdesk.ui.prospect_model import OVERDUE_COLOR, ProspectTableModel, format_datetime

M = ProspectTableModel
DISPLAY = Qt.ItemDataRole.DisplayRole


class SpyListing:
    """Stands in for the core's ProspectList: orders like it and counts row fetches."""

    _SORT_FIELDS: ClassVar[dict[str, str]] = {
        SortKey.COMPANY: "company_kana",
        SortKey.KANA: "company_kana",
        SortKey.STAGE: "stage",
        SortKey.STRENGTH: "strength",
        SortKey.LAST_CONTACT: "last_contact_at",
        SortKey.NEXT_FOLLOW_UP: "next_follow_up_at",
    }

    def __init__(self, rows: list[ProspectRow]) -> None:
        self.table = {rowid: r for rowid, r in enumerate(rows, start=1)}
        self.queries: list[ProspectQuery] = []
        self.fetched: list[list[int]] = []

    def rowids(self, query: ProspectQuery) -> array[int]:
        self.queries.append(query)
        attr = self._SORT_FIELDS[query.sort]
        known = [rid for rid, r in self.table.items() if getattr(r, attr) is not None]
        known.sort(key=lambda rid: getattr(self.table[rid], attr), reverse=query.descending)
        missing = [rid for rid, r in self.table.items() if getattr(r, attr) is None]
        return array("q", known + missing)

    def rows(self, rowids: list[int]) -> dict[int, ProspectRow]:
        self.fetched.append(list(rowids))
        return {rid: self.table[rid] for rid in rowids}

    def rowid_of(self, prospect_id: str) -> int | None:
        return next((rid for rid, r in self.table.items() if r.id == prospect_id), None)

    def count(self) -> int:
        return len(self.table)

    @property
    def fetched_ids(self) -> set[str]:
        return {self.table[rid].id for batch in self.fetched for rid in batch}


def row(n: int, **kw: object) -> ProspectRow:
    values: dict[str, object] = {
        "id": f"p{n:05d}",
        "company": f"会社{n:05d}",
        "company_kana": f"カイシャ{n:05d}",
        "stage": Stage.LEAD,
        "strength": None,
        "last_contact_at": None,
        "next_follow_up_at": None,
    }
    values.update(kw)
    return ProspectRow(**values)  # type: ignore[arg-type]


def column_texts(model: ProspectTableModel, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def attach_tester(model: ProspectTableModel) -> QAbstractItemModelTester:
    return QAbstractItemModelTester(
        model, QAbstractItemModelTester.FailureReportingMode.Fatal, model
    )


@pytest.fixture
def filled(prospects: ProspectService, calls: CallService) -> dict[str, str]:
    """Five prospects; two of them with calls and next steps."""
    now = datetime.now().astimezone()
    ids = {
        "yamada": prospects.create(
            ProspectInput("山田商事", "ヤマダショウジ", stage=Stage.PROPOSAL, phone="03-1111-2222")
        ),
        "sato": prospects.create(ProspectInput("佐藤工業", "サトウコウギョウ")),
        "abe": prospects.create(ProspectInput("阿部物産", "アベブッサン", stage=Stage.HEARING)),
        "tanaka": prospects.create(ProspectInput("田中電機", "タナカデンキ")),
        "wada": prospects.create(ProspectInput("和田製作所", "ワダセイサクショ")),
    }
    prospects.add_contact(
        ids["sato"], ContactInput("佐藤花子", "サトウハナコ", phone="090-1234-5678")
    )
    calls.log_call(
        CallInput(
            ids["tanaka"],
            "資料送付の約束",
            next_step=NextStep(now + timedelta(days=2), "資料を送る"),
        )
    )
    calls.log_call(
        CallInput(
            ids["abe"],
            "課題ヒアリング",
            next_step=NextStep(now + timedelta(days=9), "提案書を持参"),
        )
    )
    return ids


# -- Qt's model tester ------------------------------------------------------------------


def test_model_passes_qt_model_tester_through_queries_and_sorts(
    qtbot: QtBot, prospects: ProspectService, filled: dict[str, str]
) -> None:
    model = ProspectTableModel(prospects.listing)
    tester = attach_tester(model)
    model.refresh()
    assert model.rowCount() == 5
    # Every cell and role can be read.
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            for role in (
                DISPLAY,
                Qt.ItemDataRole.ForegroundRole,
                Qt.ItemDataRole.FontRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.TextAlignmentRole,
                M.IdRole,
            ):
                model.index(r, c).data(role)
    # The tester watches every reset these cause.
    model.set_query(ProspectQuery(search="さとう"))
    assert column_texts(model, M.COL_COMPANY) == ["佐藤工業"]
    model.set_query(ProspectQuery(search="該当なしの検索語"))
    assert model.rowCount() == 0
    model.set_query(ProspectQuery(stage=Stage.PROPOSAL))
    assert column_texts(model, M.COL_COMPANY) == ["山田商事"]
    for col in range(model.columnCount()):
        model.sort(col, Qt.SortOrder.DescendingOrder)
        model.sort(col, Qt.SortOrder.AscendingOrder)
    assert tester is not None


def test_model_has_no_children_and_a_header_per_column(
    qtbot: QtBot, prospects: ProspectService, filled: dict[str, str]
) -> None:
    model = ProspectTableModel(prospects.listing)
    attach_tester(model)
    model.refresh()
    top = model.index(0, 0)
    assert model.rowCount(top) == 0
    assert model.columnCount(top) == 0
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(model.columnCount())
    ]
    assert headers == [
        "Company",
        "Reading",
        "Stage",
        "Strength",
        "Last contact",
        "Next follow-up",
    ]
    assert not model.index(0, 0, top).isValid()
    assert model.data(QModelIndex()) is None


def test_cells_show_what_the_rep_entered(
    qtbot: QtBot, prospects: ProspectService, filled: dict[str, str]
) -> None:
    model = ProspectTableModel(prospects.listing)
    model.refresh()
    r = model.row_of(filled["tanaka"])
    tanaka = prospects.get(filled["tanaka"])
    assert model.index(r, M.COL_COMPANY).data() == "田中電機"
    assert model.index(r, M.COL_KANA).data() == "タナカデンキ"
    assert model.index(r, M.COL_STAGE).data() == "Lead"
    assert model.index(r, M.COL_STRENGTH).data() == "—"
    assert model.index(r, M.COL_STRENGTH).data(Qt.ItemDataRole.ToolTipRole) == "Not assessed yet"
    assert model.index(r, M.COL_LAST).data() == format_datetime(tanaka.last_contact_at)
    assert model.index(r, M.COL_NEXT).data() == format_datetime(tanaka.next_follow_up_at)
    assert model.index(r, M.COL_NEXT).data() != ""
    assert model.index(r, M.COL_COMPANY).data(M.IdRole) == filled["tanaka"]
    untouched = model.row_of(filled["wada"])
    assert model.index(untouched, M.COL_LAST).data() == ""
    assert model.index(untouched, M.COL_NEXT).data() == ""


# -- laziness -----------------------------------------------------------------------------


def test_reading_row_zero_of_1000_fetches_one_page_only(qtbot: QtBot) -> None:
    spy = SpyListing([row(n) for n in range(1000)])
    model = ProspectTableModel(spy)  # type: ignore[arg-type]
    model.refresh()
    assert model.rowCount() == 1000
    assert spy.fetched == []  # knowing the ids is enough to size the list

    assert model.index(0, M.COL_COMPANY).data() == "会社00000"
    assert "p00000" in spy.fetched_ids
    assert len(spy.fetched_ids) <= M.PAGE
    assert "p00999" not in spy.fetched_ids

    before = len(spy.fetched)
    for c in range(model.columnCount()):
        model.index(0, c).data()
    assert len(spy.fetched) == before  # the rest of the row comes from the cache

    assert model.index(999, M.COL_COMPANY).data() == "会社00999"
    assert len(spy.fetched_ids) <= 2 * M.PAGE
    assert "p00500" not in spy.fetched_ids


def test_a_table_view_of_1000_prospects_fetches_only_around_what_is_shown(
    qtbot: QtBot,
) -> None:
    spy = SpyListing([row(n) for n in range(1000)])
    model = ProspectTableModel(spy)  # type: ignore[arg-type]
    model.refresh()
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: bool(spy.fetched))
    assert view.indexAt(QPoint(5, 5)).data() == "会社00000"
    assert len(spy.fetched_ids) <= M.PAGE

    view.scrollToBottom()
    qtbot.waitUntil(lambda: "p00999" in spy.fetched_ids)
    assert len(spy.fetched_ids) <= 2 * M.PAGE


# -- sorting through the header ------------------------------------------------------------


def click_header(qtbot: QtBot, view: QTableView, col: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


@pytest.fixture
def sorted_view(
    qtbot: QtBot, prospects: ProspectService, filled: dict[str, str]
) -> tuple[QTableView, ProspectTableModel]:
    model = ProspectTableModel(prospects.listing)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(M.COL_COMPANY, Qt.SortOrder.AscendingOrder)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    return view, model


def test_clicking_a_header_orders_the_list_as_the_service_does(
    qtbot: QtBot,
    prospects: ProspectService,
    sorted_view: tuple[QTableView, ProspectTableModel],
) -> None:
    view, model = sorted_view
    # Company order follows the reading (五十音順), not the kanji code points.
    assert column_texts(model, M.COL_COMPANY) == [
        "阿部物産",
        "佐藤工業",
        "田中電機",
        "山田商事",
        "和田製作所",
    ]

    click_header(qtbot, view, M.COL_NEXT)
    assert model.query.sort == SortKey.NEXT_FOLLOW_UP
    assert not model.query.descending
    expected = prospects.listing.ids(ProspectQuery(sort=SortKey.NEXT_FOLLOW_UP))
    assert [model.id_at(r) for r in range(model.rowCount())] == expected
    assert column_texts(model, M.COL_COMPANY)[:2] == ["田中電機", "阿部物産"]

    click_header(qtbot, view, M.COL_NEXT)
    assert model.query.descending
    expected = prospects.listing.ids(ProspectQuery(sort=SortKey.NEXT_FOLLOW_UP, descending=True))
    assert [model.id_at(r) for r in range(model.rowCount())] == expected
    assert column_texts(model, M.COL_COMPANY)[:2] == ["阿部物産", "田中電機"]

    click_header(qtbot, view, M.COL_STAGE)
    assert model.query.sort == SortKey.STAGE
    assert column_texts(model, M.COL_STAGE)[-2:] == ["Hearing", "Proposal"]


def test_sorting_keeps_the_search_and_filters(
    qtbot: QtBot, sorted_view: tuple[QTableView, ProspectTableModel]
) -> None:
    view, model = sorted_view
    model.set_query(ProspectQuery(search="だ"))  # 山田 and 和田
    click_header(qtbot, view, M.COL_KANA)
    click_header(qtbot, view, M.COL_KANA)
    assert model.query.search == "だ"
    assert column_texts(model, M.COL_COMPANY) == ["和田製作所", "山田商事"]


def test_sort_asks_the_service_for_the_new_order(qtbot: QtBot) -> None:
    spy = SpyListing(
        [row(1, strength=2), row(2, strength=5), row(3, strength=None), row(4, strength=4)]
    )
    model = ProspectTableModel(spy)  # type: ignore[arg-type]
    attach_tester(model)
    model.refresh()
    model.sort(M.COL_STRENGTH, Qt.SortOrder.DescendingOrder)
    assert spy.queries[-1].sort == SortKey.STRENGTH
    assert spy.queries[-1].descending
    assert column_texts(model, M.COL_STRENGTH) == ["5", "4", "2", "—"]
    model.sort(M.COL_STRENGTH, Qt.SortOrder.AscendingOrder)
    assert column_texts(model, M.COL_STRENGTH) == ["2", "4", "5", "—"]


# -- urgency colours ------------------------------------------------------------------------


def test_overdue_follow_up_is_red_and_due_today_is_bold(qtbot: QtBot) -> None:
    now = datetime(2024, 6, 10, 10, 0).astimezone()  # a Monday morning, local time
    spy = SpyListing(
        [
            row(1, next_follow_up_at=now - timedelta(hours=1)),  # overdue this morning
            row(2, next_follow_up_at=now - timedelta(days=3)),  # overdue since last week
            row(3, next_follow_up_at=now + timedelta(hours=3)),  # later today
            row(4, next_follow_up_at=now + timedelta(days=1)),  # tomorrow
            row(5),  # nothing planned
        ]
    )
    model = ProspectTableModel(spy, clock=lambda: now)  # type: ignore[arg-type]
    attach_tester(model)
    model.refresh()

    def cell(pid: str, role: int) -> object:
        return model.index(model.row_of(pid), M.COL_NEXT).data(role)

    def is_red(pid: str) -> bool:
        brush = cell(pid, Qt.ItemDataRole.ForegroundRole)
        return isinstance(brush, QBrush) and brush.color() == OVERDUE_COLOR

    def is_bold(pid: str) -> bool:
        font = cell(pid, Qt.ItemDataRole.FontRole)
        return isinstance(font, QFont) and font.bold()

    assert is_red("p00001") and is_bold("p00001")
    assert is_red("p00002") and is_bold("p00002")
    assert not is_red("p00003") and is_bold("p00003")
    assert not is_red("p00004") and not is_bold("p00004")
    assert not is_red("p00005") and not is_bold("p00005")
    # Only the follow-up column is highlighted, not the whole row.
    overdue_row = model.row_of("p00001")
    assert model.index(overdue_row, M.COL_COMPANY).data(Qt.ItemDataRole.ForegroundRole) is None


def test_start_up_shows_the_first_page_then_reads_the_whole_order(
    qtbot: QtBot, prospects: ProspectService
) -> None:
    for n in range(50):
        prospects.create(ProspectInput(company=f"会社{n:02d}", company_kana=f"カイシャ{n:02d}"))
    listing = prospects.listing
    model = ProspectTableModel(listing)
    model.PAGE = 20  # type: ignore[misc]
    attach_tester(model)
    full = ProspectTableModel(listing)
    full.refresh()
    expected = [full.id_at(r) for r in range(50)]

    model.load_first_page_first()
    model.refresh()
    # A screenful is read, yet the list already has its full length (scroll bar, count).
    assert model.rowCount() == 50
    assert len(model._rowids) == 20
    assert [model.id_at(r) for r in range(20)] == expected[:20]
    with qtbot.waitSignal(model.dataChanged):
        model.complete_order()
    assert [model.id_at(r) for r in range(50)] == expected

    # Asking for a row beyond the first page reads the rest on the spot.
    model.load_first_page_first()
    model.refresh()
    assert model.row_of(expected[45] or "") == 45
    assert model.id_at(49) == expected[49]
