"""The main window: prospect list with search and filters, detail panel, undo."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.config import Paths, Settings
from salesdesk.core.db import StorageError
from salesdesk.core.enums import Stage
from salesdesk.core.validation import NotFoundError
from salesdesk.ui.lazy_qt import Qt
from salesdesk.ui.screen_fit import fit_to_screen
from salesdesk.ui.steps import AfterPaint, ServiceStep

if TYPE_CHECKING:
    from salesdesk.core.deals import DealService
    from salesdesk.core.drafts import DraftStore
    from salesdesk.core.records import CallInput, ContactInput, ProspectInput
    from salesdesk.core.relationship import RelationshipService
    from salesdesk.core.services import Services
    from salesdesk.ui.call_dialog import CallDialog
    from salesdesk.ui.deal_panel import DealPanel
    from salesdesk.ui.detail_panel import DetailPanel
    from salesdesk.ui.followup_panel import FollowUpPanel
    from salesdesk.ui.item_actions import ItemActions
    from salesdesk.ui.relationship_panel import RelationshipPanel
    from salesdesk.ui.today_panel import TodayPanel

# The dialogs are imported where they open, and the window's parts when it is built
# (after its first paint at start-up), to keep them off the path to that paint.

UNDO_BAR_MS = 15000


class UndoBar(QFrame):
    """“Deleted X. [Undo]” shown at the bottom after a destructive step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setStyleSheet("#undoBar { background: #fff4d6; border-top: 1px solid #e0c070; }")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton(self.tr("Undo (Ctrl+Z)"))
        self.close_button = QPushButton("×")
        self.close_button.setFlat(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.hide)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.undo_button)
        lay.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def announce(self, text: str) -> None:
        self.label.setText(text)
        self.show()
        self._timer.start(UNDO_BAR_MS)


def _title(services: Services) -> str:
    """The title the rep's profile gives the window (as ``profile_dialog.window_title``),
    read before the first paint so that the title bar does not change after it."""
    from salesdesk import APP_NAME
    from salesdesk.profile import Profile

    db_path = getattr(services.db, "path", None)
    name = Profile.load(Paths(db_path.parent)).name if db_path is not None else ""
    return f"{APP_NAME} — {name}" if name else APP_NAME


#: A list that shows only its first page (start-up) reads the rest of its order by then.
COMPLETE_LIST_AT_THE_LATEST_MS = 500


def button_text(menu_text: str) -> str:
    """A menu item's text as a toolbar button shows it: without its shortcut letter, written
    "(&N)" in Japanese or "&N" in English, and without a trailing "…"."""
    text = re.sub(r"\(&[^&]\)", "", menu_text)
    text = re.sub(r"&(.)", r"\1", text)  # "&&" is a literal "&"
    return text.replace("…", "").replace("...", "").strip()


def _show_plainly(act: QAction) -> None:
    plain = button_text(act.text())
    if act.iconText() != plain:
        act.setIconText(plain)


class MainWindow(QMainWindow):
    settingsRequested = Signal()
    backupsRequested = Signal()
    #: Follow-ups, customer items or complaints may have changed: re-arm the reminders.
    remindersChanged = Signal()
    #: A preference kept in the settings changed here (the company details folded).
    settingsChanged = Signal()

    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        load_now: bool = True,
        build_now: bool = True,
    ) -> None:
        """``load_now=False`` leaves the list empty until :meth:`load_list`.

        ``build_now=False`` (start-up) makes only the window's frame, its title and size,
        which paints at once; :meth:`load_list` (called right after that first paint)
        builds the contents and fills the list, so the frame is followed by the whole
        window in one step.
        """
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.setWindowTitle(_title(services))
        fit_to_screen(self, 1280, 800)
        self.drafts: DraftStore | None = None  # set by the app: autosaved call drafts
        self._load_now = load_now
        self._built = False
        if build_now:
            self.build()

    def build(self) -> None:
        """Make the window's contents (once); see ``build_now``."""
        if self._built:
            return
        self._built = True
        from salesdesk.ui.labels import stage_label
        from salesdesk.ui.prospect_model import ProspectTableModel

        services = self.services
        self.undo_stack = QUndoStack(self)

        self.model = ProspectTableModel(services.listing, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        # The stage column fits its longest name in the window's language (クロージング),
        # with the "pending N times" mark some rows carry.
        metrics = self.table.fontMetrics()
        stage_width = max(
            90, *(metrics.horizontalAdvance(f"{stage_label(s)}  △×9") + 14 for s in Stage)
        )
        for col, width in enumerate((190, 130, stage_width, 64, 112, 112)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.edit_prospect())

        self.search = QLineEdit()
        self.search.setAcceptDrops(False)  # a dropped list file goes to the import
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search company, reading, contact, phone, e-mail (Ctrl+F)")
        )
        self.search.textChanged.connect(self._apply_filters)
        self.search.installEventFilter(self)
        self.stage_filter = QComboBox()
        self.stage_filter.addItem(self.tr("All stages"), None)
        for stage in Stage:
            self.stage_filter.addItem(stage_label(stage), stage)
        self.stage_filter.currentIndexChanged.connect(self._apply_filters)
        self.due_filter = QCheckBox(self.tr("Follow-up due or overdue"))
        self.due_filter.toggled.connect(self._apply_filters)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(QLabel(self.tr("Stage:")))
        filters.addWidget(self.stage_filter)
        filters.addWidget(self.due_filter)
        relationship_filters = self._build_relationship_filters()

        # The detail panel is built right after the first page of the list has painted (or
        # on first use); until then the same "select a prospect" text stands in for it.
        self._detail: DetailPanel | None = None
        self._detail_stand_in = QLabel(
            QCoreApplication.translate(
                "DetailPanel", "Select a prospect, or press Ctrl+N to add one."
            )
        )
        self._detail_stand_in.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Relationship strength and deals (plain sqlite3): their services on first use.
        self._relationship: RelationshipService | None = None
        self._deal_service: DealService | None = None  # built on first use (deals tab, dashboard)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addLayout(relationship_filters)
        left_layout.addWidget(self.table, 1)
        # The prospect list and the day's list (built when first shown) share the left side.
        self.left_tabs = QTabWidget()
        self.left_tabs.setDocumentMode(True)
        self.left_tabs.addTab(left, self.tr("Prospects"))
        self._today_placeholder = QWidget()
        self.left_tabs.addTab(self._today_placeholder, self.tr("Today"))
        self.left_tabs.currentChanged.connect(self._on_left_tab_changed)
        self._today: TodayPanel | None = None
        self._item_actions: ItemActions | None = None
        splitter = QSplitter()
        splitter.addWidget(self.left_tabs)
        splitter.addWidget(self._detail_stand_in)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([770, 510])
        self._splitter = splitter

        self.undo_bar = UndoBar()
        self.undo_bar.undo_button.clicked.connect(self.undo_stack.undo)
        # Any undo/redo makes the bar's message stale; a new delete announces itself after.
        self.undo_stack.indexChanged.connect(self.undo_bar.hide)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(6, 6, 6, 0)
        central_layout.addWidget(splitter, 1)
        central_layout.addWidget(self.undo_bar)
        self.setCentralWidget(central)
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)

        self._build_actions()
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._selected_id: str | None = None
        self.call_dialog: CallDialog | None = None
        if self._load_now:
            self.load_list()
        else:
            self._update_actions()

    def load_list(self) -> None:
        """Run the list's first query (turning sorting on sorts by the indicator)."""
        self.build()
        if not self.table.isSortingEnabled():
            self.model.load_first_page_first()
            self.table.setSortingEnabled(True)
            self._update_actions()
            # The first page goes on screen first; the rest of the order and the detail
            # panel come right after (or a moment later if the list is not painted).
            AfterPaint(self.table.viewport(), self._after_first_page)
            QTimer.singleShot(COMPLETE_LIST_AT_THE_LATEST_MS, self.model.complete_order)

    def _after_first_page(self) -> None:
        self.model.complete_order()
        _ = self.detail

    @property
    def detail(self) -> DetailPanel:
        """The right-hand panel (built on first use, see ``build``)."""
        if self._detail is None:
            from salesdesk.ui.detail_panel import DetailPanel

            detail = DetailPanel()
            detail.logCallRequested.connect(self.log_call)
            detail.editProspectRequested.connect(self.edit_prospect)
            detail.addContactRequested.connect(self.add_contact)
            detail.editContactRequested.connect(self.edit_contact)
            detail.deleteContactRequested.connect(self.delete_contact)
            # Its tabs are built when first shown; they are wired then.
            detail.configure_relationship = self._configure_relationship_panel
            detail.configure_deals = self._configure_deal_panel
            detail.configure_reminders = self._configure_reminders_panel
            detail.set_folded(self.settings.detail_folded)
            detail.foldedChanged.connect(self._detail_folded)
            self._detail = detail
            self._splitter.replaceWidget(1, detail)
            self._detail_stand_in.deleteLater()
        return self._detail

    def _detail_folded(self, folded: bool) -> None:
        self.details_action.setChecked(not folded)
        if self.settings.detail_folded != folded:
            self.settings.detail_folded = folded
            self.settingsChanged.emit()

    @property
    def relationship(self) -> RelationshipService:
        """Relationship strength (plain sqlite3, no SQLAlchemy), imported on first use."""
        if self._relationship is None:
            from salesdesk.core.relationship import RelationshipService

            services = self.services
            self._relationship = RelationshipService(services.db, services.clock, services.listing)
        return self._relationship

    def list_loaded(self) -> bool:
        """Whether the contents are built and the list filled (at start-up both happen
        right after the first paint)."""
        return self._built and self.table.isSortingEnabled()

    def _configure_relationship_panel(self, panel: RelationshipPanel) -> None:
        panel.service = self.relationship
        # Queued: a save asked for while moving to another prospect must not reset the
        # list in the middle of that move.
        panel.saved.connect(lambda: self._reload(), Qt.ConnectionType.QueuedConnection)

    @property
    def deal_service(self) -> DealService:
        """Deals and the closing checklist (plain sqlite3), imported on first use."""
        if self._deal_service is None:
            from salesdesk.core.deals import DealService

            self._deal_service = DealService(
                self.services.db, self.services.clock, self.services.listing
            )
        return self._deal_service

    def _configure_deal_panel(self, panel: DealPanel) -> None:
        panel.service = self.deal_service
        panel.lint_run = self.settings.progress_check_run
        panel.follow_up_days = self.settings.default_follow_up_days
        panel.follow_up_hour = self.settings.default_follow_up_hour
        panel.changed.connect(self._reload)

    # -- actions -------------------------------------------------------------------
    def _build_actions(self) -> None:
        def action(
            text: str, shortcut: QKeySequence | str | None, slot: Callable[[], object]
        ) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(lambda _checked=False: slot())
            self.addAction(act)
            return act

        self.new_action = action(
            self.tr("&New prospect…"), QKeySequence.StandardKey.New, self.new_prospect
        )
        self.edit_action = action(self.tr("&Edit prospect…"), "F2", self.edit_prospect)
        self.delete_action = action(
            self.tr("&Delete prospect"), QKeySequence.StandardKey.Delete, self.delete_prospect
        )
        self.log_call_action = action(self.tr("&Log call…"), "Ctrl+L", self.log_call)
        self.add_contact_action = action(self.tr("Add &contact…"), "Ctrl+Shift+N", self.add_contact)
        self.print_sheet_action = action(self.tr("Print call &sheet…"), "Ctrl+P", self.print_sheet)
        self.print_day_action = action(self.tr("Print &day's call list…"), None, self.print_day)
        self.find_action = action(
            self.tr("&Find"), QKeySequence.StandardKey.Find, self.focus_search
        )
        self.settings_action = action(self.tr("&Settings…"), "Ctrl+,", self.settingsRequested.emit)
        self.backups_action = action(self.tr("&Backups…"), None, self.backupsRequested.emit)
        self.quit_action = action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([self.undo_action, self.redo_action])

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.settings_action, self.backups_action])
        from salesdesk.ui.profile_dialog import add_profile_action  # + rep's name in the title

        self.profile_action = add_profile_action(self, file_menu)
        from salesdesk.ui.import_wizard import add_interchange_actions

        self.import_action, self.export_action = add_interchange_actions(self, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.edit_action, self.delete_action])
        prospect_menu = menu.addMenu(self.tr("&Prospect"))
        prospect_menu.addActions([self.log_call_action, self.add_contact_action])
        prospect_menu.addActions([self.print_sheet_action, self.print_day_action])
        prospect_menu.addSeparator()
        self.schedule_action = action(
            self.tr("Schedule &follow-up…"), "Ctrl+Shift+F", self.schedule_follow_up
        )
        self.add_item_action = action(
            self.tr("Add customer &action item…"), None, self.add_action_item
        )
        self.add_complaint_action = action(self.tr("Record co&mplaint…"), None, self.add_complaint)
        prospect_menu.addActions(
            [self.schedule_action, self.add_item_action, self.add_complaint_action]
        )
        self.list_action = action(self.tr("&Prospect list"), "Ctrl+1", self.show_list)
        self.today_action = action(self.tr("&Today"), "Ctrl+T", self.show_today)
        self.details_action = QAction(self.tr("Company &details"), self)
        self.details_action.setCheckable(True)
        self.details_action.setChecked(not self.settings.detail_folded)
        self.details_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.details_action.toggled.connect(lambda shown: self.detail.set_folded(not shown))
        self.addAction(self.details_action)
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addActions([self.list_action, self.today_action])
        view_menu.addSeparator()
        view_menu.addAction(self.details_action)
        self.analytics_action = action(
            self.tr("&Appointment success by strength…"), None, self.show_strength_analytics
        )
        self.deals_dashboard_action = action(
            self.tr("&Deals dashboard…"), None, self.show_deals_dashboard
        )
        reports = menu.addMenu(self.tr("&Reports"))
        reports.addActions([self.analytics_action, self.deals_dashboard_action])

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.new_action, self.edit_action, self.delete_action])
        toolbar.addSeparator()
        toolbar.addActions([self.log_call_action, self.add_contact_action])
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        for act in (*toolbar.actions(),):
            _show_plainly(act)
        # The undo text follows the last change ("Undo Delete “佐藤商事”").
        self.undo_action.changed.connect(self._undo_text_changed)

    def _undo_text_changed(self) -> None:
        if shiboken6.isValid(self.undo_action):  # not while the window is taken down
            _show_plainly(self.undo_action)

    def _update_actions(self) -> None:
        has = self.current_id() is not None
        for act in (
            self.edit_action,
            self.delete_action,
            self.log_call_action,
            self.add_contact_action,
            self.print_sheet_action,
            self.schedule_action,
            self.add_item_action,
            self.add_complaint_action,
        ):
            act.setEnabled(has)
        if not self.table.isSortingEnabled():
            return  # the list is not loaded yet (start-up): nothing to count
        from salesdesk.core.listing import ProspectQuery, SortKey

        shown, query = self.model.rowCount(), self.model.query
        # Nothing filtered out: the list itself holds every live prospect.
        unfiltered = replace(query, sort=SortKey.COMPANY, descending=False) == ProspectQuery()
        total = shown if unfiltered else self.services.listing.count()
        if shown == total:
            self.count_label.setText(self.tr("%n prospect(s)", "", total))
        else:
            self.count_label.setText(
                self.tr("%n of %1 prospect(s)", "", shown).replace("%1", str(total))
            )

    # -- list --------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.left_tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def _apply_filters(self) -> None:
        from salesdesk.core.listing import ProspectQuery

        q = self.model.query
        self.model.set_query(
            ProspectQuery(
                search=self.search.text(),
                stage=Stage(stage) if (stage := self.stage_filter.currentData()) else None,
                follow_up_due=self.due_filter.isChecked(),
                weakest=self.weakest_filter.currentData(),
                stale_assessment=self.stale_filter.isChecked(),
                sort=q.sort,
                descending=q.descending,
            )
        )
        # Keyboard flow: type a name, and the best match is ready for Ctrl+L.
        if self.current_id() is None and self.model.rowCount() > 0:
            self.select_prospect(self.model.id_at(0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down or Enter in the search box moves on to the list.
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.model.rowCount() > 0
        ):
            if self.current_id() is None:
                self.select_prospect(self.model.id_at(0))
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().eventFilter(watched, event)

    def current_id(self) -> str | None:
        if not self._built:  # the start-up frame, before its contents are built
            return None
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_prospect(self, prospect_id: str | None) -> None:
        row = self.model.row_of(prospect_id) if prospect_id else -1
        if row < 0:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self._show_current()
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self._show_current()

    def _remember_selection(self) -> None:
        if self._selected_id is None:  # _reload() may already have chosen what to select
            self._selected_id = self.current_id()

    def _restore_selection(self) -> None:
        self.select_prospect(self._selected_id)
        self._selected_id = None
        self._update_actions()

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not self._keep_unsaved_scores(previous):
            return
        self._show_current()
        self._update_actions()

    def _keep_unsaved_scores(self, previous: QModelIndex) -> bool:
        """Scores edited but not saved are not dropped by moving to another prospect:
        the rep saves, discards, or stays. False when the move was taken back."""
        panel = self.detail._panels.get("relationship")
        if panel is None or not panel.has_unsaved_changes():  # type: ignore[attr-defined]
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved scores"),
            self.tr("The relationship scores you changed have not been saved. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save and panel.save():  # type: ignore[attr-defined]
            return True
        if answer == QMessageBox.StandardButton.Discard:
            panel.reload()  # type: ignore[attr-defined]
            return True
        # Cancel (or a save that failed and explained itself): back to where the edits are.
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(
            previous,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(False)
        self.table.viewport().update()
        return False

    def _show_current(self) -> None:
        pid = self.current_id()
        if pid is None:
            if self._detail is not None:  # not built yet: its stand-in says the same
                self._detail.show_prospect(None, [])
            return
        try:
            record = self.services.prospects.get(pid)
        except NotFoundError:
            self.detail.show_prospect(None, [])
            return
        self.detail.show_prospect(record, self.services.calls.timeline(pid))

    def _reload(self, select: str | None = None) -> None:
        self._selected_id = select or self.current_id()
        self.model.refresh()
        # Every change comes through here: the day's list and the reminders follow it.
        if self._today is not None:
            self._today.mark_stale()
        self.remindersChanged.emit()

    # -- prospects -----------------------------------------------------------------------
    def new_prospect(self) -> None:
        created: dict[str, str] = {}

        def save(data: ProspectInput) -> None:
            created["id"] = self.services.prospects.create(data)

        from salesdesk.ui.prospect_dialog import ProspectDialog

        dialog = ProspectDialog(on_save=save, parent=self)
        if not (dialog.exec() and "id" in created and dialog.result_input):
            return
        pid = created["id"]
        self._reload(pid)
        self._record(
            self.tr("Create “{0}”").format(dialog.result_input.company),
            redo=lambda: (self.services.prospects.restore(pid), self._reload(pid)),
            undo=lambda: (self.services.prospects.delete(pid), self._reload()),
        )

    def edit_prospect(self) -> None:
        pid = self.current_id()
        if pid is None:
            return
        from salesdesk.ui.prospect_dialog import ProspectDialog

        before = self.services.prospects.get(pid).as_input()
        dialog = ProspectDialog(
            before, on_save=lambda d: self.services.prospects.update(pid, d), parent=self
        )
        if not (dialog.exec() and dialog.result_input is not None):
            return
        after = dialog.result_input
        self._reload(pid)
        self._record(
            self.tr("Edit “{0}”").format(after.company),
            redo=lambda: (self.services.prospects.update(pid, after), self._reload(pid)),
            undo=lambda: (self.services.prospects.update(pid, before), self._reload(pid)),
        )

    def delete_prospect(self) -> None:
        pid = self.current_id()
        if pid is None:
            return
        name = self.services.prospects.get(pid).company
        row = self.table.currentIndex().row()

        def redo() -> None:
            self.services.prospects.delete(pid)
            nxt = self.model.id_at(row + 1) or self.model.id_at(row - 1)
            self._reload(nxt)

        def undo() -> None:
            self.services.prospects.restore(pid)
            self._reload(pid)

        if self._do_and_record(self.tr("Delete “{0}”").format(name), redo, undo):
            self.undo_bar.announce(self.tr("Deleted “{0}”.").format(name))

    # -- contacts --------------------------------------------------------------------------
    def add_contact(self) -> None:
        record = self.detail.record
        if record is None:
            return
        from salesdesk.ui.prospect_dialog import ContactDialog

        dialog = ContactDialog(
            record.company,
            on_save=lambda d: self.services.prospects.add_contact(record.id, d),
            parent=self,
        )
        if dialog.exec():
            self._reload(record.id)

    def edit_contact(self, contact_id: str) -> None:
        record = self.detail.record
        if record is None:
            return
        current = next((c for c in record.contacts if c.id == contact_id), None)
        if current is None:
            return

        def save(d: ContactInput) -> None:
            self.services.prospects.update_contact(contact_id, d)

        from salesdesk.ui.prospect_dialog import ContactDialog

        dialog = ContactDialog(record.company, current.as_input(), on_save=save, parent=self)
        if dialog.exec():
            self._reload(record.id)

    def delete_contact(self, contact_id: str) -> None:
        record = self.detail.record
        if record is None:
            return
        current = next((c for c in record.contacts if c.id == contact_id), None)
        if current is None:
            return

        def redo() -> None:
            self.services.prospects.delete_contact(contact_id)
            self._reload(record.id)

        def undo() -> None:
            self.services.prospects.restore_contact(contact_id)
            self._reload(record.id)

        if self._do_and_record(self.tr("Delete contact “{0}”").format(current.name), redo, undo):
            self.undo_bar.announce(self.tr("Deleted contact “{0}”.").format(current.name))

    # -- calls ---------------------------------------------------------------------------
    def log_call(self) -> None:
        pid = self.current_id()
        if pid is None:
            return
        record = self.services.prospects.get(pid)
        from salesdesk.ui.call_dialog import CallDialog

        dialog = CallDialog(
            prospect_id=pid,
            company=record.company,
            contacts=record.contacts,
            default_contact_id=self.services.calls.last_contact_id(pid),
            open_follow_ups=self.services.calls.open_follow_ups(pid),
            on_save=self._save_call,
            follow_up_days=self.settings.default_follow_up_days,
            follow_up_hour=self.settings.default_follow_up_hour,
            parent=self,
            draft=self.drafts.slot(pid) if self.drafts is not None else None,
            decision_check=self._decision_check,
        )
        self.call_dialog = dialog
        if dialog.exec():
            self._reload(pid)
            self.statusBar().showMessage(self.tr("Call saved."), 4000)
        self.call_dialog = None

    def _save_call(self, data: CallInput) -> None:
        self.services.calls.log_call(data)

    # -- relationship strength ---------------------------------------------------------------
    def _build_relationship_filters(self) -> QHBoxLayout:
        """A second filter row (the first has no room left for the search box)."""
        from salesdesk.core.relationship import DIMENSIONS
        from salesdesk.ui.relationship_text import dimension_name

        self.weakest_filter = QComboBox()
        self.weakest_filter.addItem(self.tr("Any weakest dimension"), None)
        for key in DIMENSIONS:
            self.weakest_filter.addItem(self.tr("Weakest: {0}").format(dimension_name(key)), key)
        self.weakest_filter.setToolTip(self.tr("Prospects whose weakest dimension is this one"))
        self.weakest_filter.currentIndexChanged.connect(self._apply_filters)
        self.stale_filter = QCheckBox(self.tr("Not assessed for 30+ days"))
        self.stale_filter.toggled.connect(self._apply_filters)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Relationship:")))
        row.addWidget(self.weakest_filter)
        row.addWidget(self.stale_filter)
        row.addStretch(1)
        return row

    def _decision_check(self, data: CallInput) -> list[str]:
        """Names of the weak dimensions if this call asks for a decision too early."""
        from salesdesk.core.relationship import DecisionThresholds
        from salesdesk.ui.relationship_text import weak_list

        s = self.settings
        thresholds = DecisionThresholds(
            s.decision_min_total, s.decision_min_dimension, s.decision_min_need_awareness
        )
        weak = self.relationship.decision_check(
            data.prospect_id, data.kind, data.outcome, data.appointment_requested, thresholds
        )
        return weak_list(weak)

    def print_sheet(self) -> None:
        """The selected prospect's call sheet: preview, print or save as PDF."""
        record = self.detail.record
        if record is None:
            return
        from salesdesk.ui.sheet_dialog import SheetDialog

        SheetDialog(self.services, record.id, record.company, parent=self).exec()

    def print_day(self) -> None:
        from salesdesk.ui.sheet_dialog import SheetDialog

        SheetDialog(self.services, parent=self).exec()

    def show_strength_analytics(self) -> None:
        from salesdesk.ui.strength_analytics import StrengthAnalyticsDialog

        StrengthAnalyticsDialog(self.relationship.appointment_rates(), parent=self).exec()

    def show_deals_dashboard(self) -> None:
        from salesdesk.ui.deals_dashboard import DealsDashboard

        DealsDashboard(self.deal_service.dashboard(), parent=self).exec()

    # -- follow-ups, customer items, complaints and the day's list (issue 5) ------------------
    @property
    def item_actions(self) -> ItemActions:
        """Done, snooze, reschedule… shared by the day's list and the prospect's tab."""
        if self._item_actions is None:
            from salesdesk.ui.item_actions import ItemActions

            actions = ItemActions(
                self.services,
                self.undo_stack,
                self.settings.default_follow_up_days,
                self.settings.default_follow_up_hour,
                parent=self,
            )
            actions.changed.connect(lambda: self._reload())
            actions.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
            actions.draftRequested.connect(self.open_email_draft)
            self._item_actions = actions
        return self._item_actions

    @property
    def today_panel(self) -> TodayPanel:
        """The day's list, built the first time it is needed (off the first paint)."""
        if self._today is None:
            from salesdesk.ui.today_panel import TodayPanel

            panel = TodayPanel(self.services, self.item_actions)
            panel.openProspect.connect(self._open_from_today)
            panel.prospectSelected.connect(lambda pid: self.open_prospect(pid, focus=False))
            panel.logCallRequested.connect(self._log_call_from_today)
            index = self.left_tabs.indexOf(self._today_placeholder)
            self.left_tabs.blockSignals(True)
            current = self.left_tabs.currentIndex()
            self.left_tabs.removeTab(index)
            self.left_tabs.insertTab(index, panel, self.tr("Today"))
            self.left_tabs.setCurrentIndex(current)
            self.left_tabs.blockSignals(False)
            self._today_placeholder.deleteLater()
            self._today = panel
        return self._today

    def _configure_reminders_panel(self, panel: FollowUpPanel) -> None:
        panel.actions = self.item_actions
        panel.services = self.services
        panel.silence_days = self.settings.complaint_silence_days

    def show_today(self) -> None:
        """Ctrl+T, the tray and a grouped notification: the day's list, ready for the keys."""
        self.build()
        panel = self.today_panel
        self.left_tabs.setCurrentWidget(panel)
        panel.focus_list()

    def refresh_today(self) -> None:
        """Something fell due: the day's list (if built) re-reads now or when next shown."""
        if self._built and self._today is not None:
            self._today.mark_stale()

    def show_list(self) -> None:
        self.left_tabs.setCurrentIndex(0)
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_today_if_due(self) -> None:
        """At start: open the day's list when something is overdue or due today, unless
        the rep has already started on something else."""
        if not self._built or self.left_tabs.currentIndex() != 0 or self.search.text():
            return
        from PySide6.QtWidgets import QApplication

        if QApplication.activeModalWidget() is not None:
            return
        panel = self.today_panel
        panel.refresh()
        if panel.counts.overdue or panel.counts.today:
            self.show_today()

    def _on_left_tab_changed(self, index: int) -> None:
        if self.left_tabs.widget(index) is self._today_placeholder:
            self.show_today()

    def open_prospect(self, prospect_id: str, focus: bool = True) -> bool:
        """Select ``prospect_id`` in the list (clearing filters that hide it); ``focus``
        also brings the list to the front. False when it no longer exists."""
        if self.model.row_of(prospect_id) < 0:
            for box in (self.stage_filter, self.weakest_filter):
                box.blockSignals(True)
                box.setCurrentIndex(0)
                box.blockSignals(False)
            for check in (self.due_filter, self.stale_filter):
                check.blockSignals(True)
                check.setChecked(False)
                check.blockSignals(False)
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self._apply_filters()
        self.select_prospect(prospect_id)
        if focus:
            self.show_list()
        return self.current_id() == prospect_id

    def _open_from_today(self, prospect_id: str) -> None:
        self.open_prospect(prospect_id)

    def _log_call_from_today(self, prospect_id: str) -> None:
        if self.open_prospect(prospect_id, focus=False):
            self.log_call()

    def _current_company(self) -> tuple[str, str] | None:
        record = self.detail.record
        return None if record is None else (record.id, record.company)

    def schedule_follow_up(self) -> None:
        if (current := self._current_company()) is not None:
            self.item_actions.schedule_follow_up(*current, parent=self)

    def add_action_item(self) -> None:
        record = self.detail.record
        if record is not None:
            self.item_actions.add_item(record.id, record.company, record.contacts, self)

    def add_complaint(self) -> None:
        record = self.detail.record
        if record is not None:
            self.item_actions.add_complaint(record.id, record.company, record.contacts, self)

    def open_email_draft(self, item_id: str, moment: str) -> None:
        """The e-mail draft for a customer item ("check" before its deadline, "overdue")."""
        from salesdesk.ui.email_draft_dialog import open_email_draft

        db_path = getattr(self.services.db, "path", None)
        if db_path is None:
            return
        open_email_draft(self, self.services, self.settings, Paths(db_path.parent), item_id, moment)

    # -- plumbing ---------------------------------------------------------------------------
    def _do_and_record(
        self, text: str, redo: Callable[[], object], undo: Callable[[], object]
    ) -> bool:
        """Do a step now; on success make it undoable. False (and a message) on failure."""
        try:
            redo()
        except (StorageError, NotFoundError) as exc:
            self._show_error(exc)
            return False
        self._record(text, redo, undo)
        return True

    def _record(self, text: str, redo: Callable[[], object], undo: Callable[[], object]) -> None:
        """Put an already-done step on the undo stack."""
        self.undo_stack.push(ServiceStep(text, redo, undo, self._show_error))

    def _show_error(self, exc: Exception) -> None:
        QMessageBox.warning(
            self,
            self.tr("Not saved"),
            self.tr("SalesDesk could not change this record.\n\nDetails: {0}").format(exc),
        )
        self._reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._built:
            self.undo_bar.hide()
        super().closeEvent(event)
