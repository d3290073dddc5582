"""The right-hand panel: the selected prospect, its contacts and its timeline."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesk.core.clock import utc_now
from salesdesk.core.records import ContactRecord, ProspectRecord, TimelineEntry
from salesdesk.ui.forms import plain_tooltip
from salesdesk.ui.labels import channel_label, kind_label, outcome_label, stage_label
from salesdesk.ui.prospect_model import OVERDUE_COLOR, format_datetime

if TYPE_CHECKING:
    from salesdesk.ui.deal_panel import DealPanel
    from salesdesk.ui.followup_panel import FollowUpPanel
    from salesdesk.ui.relationship_panel import RelationshipPanel


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # what the rep typed is never HTML
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


#: The timeline's type column, at its narrowest and widest.
TYPE_COLUMN_WIDTH = 140
TYPE_COLUMN_MAX = 160
#: The contacts' e-mail column, at its narrowest (a long address is shortened to it).
EMAIL_MIN_WIDTH = 150


class DetailPanel(QWidget):
    addContactRequested = Signal()
    editContactRequested = Signal(str)
    deleteContactRequested = Signal(str)
    logCallRequested = Signal()
    editProspectRequested = Signal()
    #: The rep folded (True) or unfolded the company details and contacts.
    foldedChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._record: ProspectRecord | None = None

        self.title = _plain_label()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.kana = _plain_label()
        self.stage = _plain_label()
        self.phone = _plain_label()
        self.email = _plain_label()
        self.address = _plain_label()
        self.notes = _plain_label()
        info = QFormLayout()
        info.addRow(self.tr("Stage"), self.stage)
        info.addRow(self.tr("Phone"), self.phone)
        info.addRow(self.tr("E-mail"), self.email)
        info.addRow(self.tr("Address"), self.address)
        info.addRow(self.tr("Notes"), self.notes)
        self.info = info

        self.log_call_button = QPushButton(self.tr("Log call (Ctrl+L)"))
        self.log_call_button.clicked.connect(self.logCallRequested)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.editProspectRequested)
        top_buttons = QHBoxLayout()
        top_buttons.addWidget(self.log_call_button)
        top_buttons.addWidget(self.edit_button)
        top_buttons.addStretch(1)
        # Folding the details and contacts gives the tabs below the panel's height: on a
        # laptop screen the relationship and deal tabs otherwise need scrolling.
        self.fold_button = QToolButton()
        self.fold_button.setCheckable(True)
        self.fold_button.setAutoRaise(True)
        self.fold_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.fold_button.toggled.connect(self._fold_toggled)
        top_buttons.addWidget(self.fold_button)

        self.contacts = QTableWidget(0, 6)
        self.contacts.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Reading"),
                self.tr("Title"),
                self.tr("Department"),
                self.tr("Phone"),
                self.tr("E-mail"),
            ]
        )
        self.contacts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.contacts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # One line per contact: a long address is shortened in the middle (whole on hover)
        # rather than wrapped into two clipped lines.
        self.contacts.setWordWrap(False)
        self.contacts.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.contacts.verticalHeader().hide()
        self.contacts.horizontalHeader().setStretchLastSection(True)
        self.contacts.setMaximumHeight(170)
        self.contacts.doubleClicked.connect(self._edit_selected_contact)
        self.add_contact_button = QPushButton(self.tr("Add contact…"))
        self.add_contact_button.clicked.connect(self.addContactRequested)
        self.edit_contact_button = QPushButton(self.tr("Edit contact…"))
        self.edit_contact_button.clicked.connect(self._edit_selected_contact)
        self.delete_contact_button = QPushButton(self.tr("Delete contact"))
        self.delete_contact_button.clicked.connect(self._delete_selected_contact)
        contact_buttons = QHBoxLayout()
        contact_buttons.addWidget(self.add_contact_button)
        contact_buttons.addWidget(self.edit_contact_button)
        contact_buttons.addWidget(self.delete_contact_button)
        contact_buttons.addStretch(1)

        self.timeline = QTreeWidget()
        self.timeline.setRootIsDecorated(False)
        self.timeline.setHeaderLabels(
            [self.tr("When"), self.tr("Type"), self.tr("Summary"), self.tr("Contact")]
        )
        header = self.timeline.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.timeline.setColumnWidth(1, TYPE_COLUMN_WIDTH)
        self.timeline.setColumnWidth(3, 90)

        self.empty = QLabel(self.tr("Select a prospect, or press Ctrl+N to add one."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.title)
        # Folded, one line keeps what a call needs: the stage and the number to dial.
        self.folded_summary = _plain_label()
        body.addWidget(self.folded_summary)
        self.card = QWidget()  # what folding hides: the details, then the contacts
        card = QVBoxLayout(self.card)
        card.setContentsMargins(0, 0, 0, 0)
        card.addWidget(self.kana)
        card.addLayout(info)
        self.contacts_box = QWidget()
        contacts_box = QVBoxLayout(self.contacts_box)
        contacts_box.setContentsMargins(0, 0, 0, 0)
        contacts_box.addWidget(QLabel(self.tr("<b>Contacts</b>")))
        contacts_box.addWidget(self.contacts)
        contacts_box.addLayout(contact_buttons)
        body.addWidget(self.card)
        body.addLayout(top_buttons)
        body.addWidget(self.contacts_box)
        # The timeline and the relationship (関係強度) share the lower half as tabs.
        self.tabs = QTabWidget()
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        # The relationship and deal tabs are built the first time they are shown (keeps
        # them off the window's first paint). The panels themselves load a prospect only
        # while shown, so moving through the list stays quick.
        self._panels: dict[str, QWidget] = {}
        self._placeholders = {
            "reminders": QWidget(),
            "relationship": QWidget(),
            "deals": QWidget(),
        }
        self.tabs.addTab(self._placeholders["reminders"], self._tab_title("reminders"))
        self.tabs.addTab(self._placeholders["relationship"], self.tr("Relationship"))
        self.tabs.addTab(self._placeholders["deals"], self.tr("Deals"))
        #: Called with each panel right after it is built (the window wires its services).
        self.configure_relationship: Callable[[RelationshipPanel], None] | None = None
        self.configure_deals: Callable[[DealPanel], None] | None = None
        self.configure_reminders: Callable[[FollowUpPanel], None] | None = None
        body.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._build_shown_tab)

        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.body)
        self._fold_toggled(False)
        self.show_prospect(None, [])

    @property
    def folded(self) -> bool:
        """Whether the company details and contacts are folded away."""
        return self.fold_button.isChecked()

    def set_folded(self, folded: bool) -> None:
        self.fold_button.setChecked(folded)

    def _fold_toggled(self, folded: bool) -> None:
        self.card.setVisible(not folded)
        self.contacts_box.setVisible(not folded)
        self.folded_summary.setVisible(folded)
        button = self.fold_button
        if folded:
            button.setArrowType(Qt.ArrowType.DownArrow)
            button.setText(self.tr("Show details"))
            button.setToolTip(self.tr("Show the company's details and contacts (Ctrl+Shift+D)"))
        else:
            button.setArrowType(Qt.ArrowType.UpArrow)
            button.setText(self.tr("Hide details"))
            button.setToolTip(
                self.tr(
                    "Fold the company's details and contacts away, so the tabs below"
                    " get the room (Ctrl+Shift+D)"
                )
            )
        self.foldedChanged.emit(folded)

    @property
    def record(self) -> ProspectRecord | None:
        return self._record

    def show_prospect(self, record: ProspectRecord | None, timeline: list[TimelineEntry]) -> None:
        self._record = record
        self.empty.setVisible(record is None)
        self.body.setVisible(record is not None)
        if record is None:
            self._show_in_panels()
            return
        self.title.setText(record.company)
        self.kana.setText(record.company_kana)
        customer = self.tr(" (existing customer)") if record.is_customer else ""
        self.stage.setText(stage_label(record.stage) + customer)
        self.folded_summary.setText(
            self.tr("{0} · {1}", "stage and phone").format(self.stage.text(), record.phone)
            if record.phone
            else self.stage.text()
        )
        self.phone.setText(record.phone)
        self.email.setText(record.email)
        self.address.setText(record.address)
        self.notes.setText(record.notes)
        # Rows with nothing in them take no room (the tabs below get it).
        for label in (self.phone, self.email, self.address, self.notes):
            self.info.setRowVisible(label, bool(label.text()))
        self.kana.setVisible(bool(record.company_kana))
        self._fill_contacts(record.contacts)
        self._fill_timeline(timeline)
        self._show_in_panels()

    def _show_in_panels(self) -> None:
        """Hand the current prospect to the built panels (each loads it when shown)."""
        record = self._record
        if "reminders" in self._panels:
            self.reminders.show_prospect(record)
        if "relationship" in self._panels:
            self.relationship.show_prospect(None if record is None else record.id)
        if "deals" in self._panels:
            if record is None:
                self.deals.show_prospect(None)
            else:
                names = [c.name for c in record.contacts]
                self.deals.show_prospect(record.id, record.company, names)

    @property
    def relationship(self) -> RelationshipPanel:
        """The relationship (関係強度) tab's panel, built on first use."""
        return cast("RelationshipPanel", self._panel("relationship"))

    @property
    def reminders(self) -> FollowUpPanel:
        """The "Follow-ups & items" tab's panel, built on first use."""
        return cast("FollowUpPanel", self._panel("reminders"))

    @property
    def deals(self) -> DealPanel:
        """The deals tab's panel (deals and the closing checklist), built on first use."""
        return cast("DealPanel", self._panel("deals"))

    def _panel(self, name: str) -> QWidget:
        panel = self._panels.get(name)
        if panel is not None:
            return panel
        # Imported here, not at the top: the modules stay off the start-up path.
        from salesdesk.ui import deal_panel, relationship_panel

        if name == "reminders":
            from salesdesk.ui.followup_panel import FollowUpPanel

            reminders = FollowUpPanel()
            if self.configure_reminders is not None:
                self.configure_reminders(reminders)
            panel = reminders
        elif name == "relationship":
            relationship = relationship_panel.RelationshipPanel()
            if self.configure_relationship is not None:
                self.configure_relationship(relationship)
            panel = relationship
        else:
            deals = deal_panel.DealPanel()
            if self.configure_deals is not None:
                self.configure_deals(deals)
            panel = deals
        # Put the real panel where its placeholder tab was, keeping the current tab.
        placeholder = self._placeholders[name]
        index = self.tabs.indexOf(placeholder)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, panel, self._tab_title(name))
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()
        self._panels[name] = panel
        self._show_in_panels()
        return panel

    def _tab_title(self, name: str) -> str:
        if name == "reminders":
            return self.tr("Follow-ups && items")  # && shows one &
        return self.tr("Relationship") if name == "relationship" else self.tr("Deals")

    def _build_shown_tab(self) -> None:
        tab = self.tabs.currentWidget()
        name = next((n for n, w in self._placeholders.items() if w is tab), None)
        if name is not None and name not in self._panels:
            self._panel(name)

    def _fill_contacts(self, contacts: tuple[ContactRecord, ...]) -> None:
        self.contacts.setRowCount(len(contacts))
        for row, c in enumerate(contacts):
            name = f"★ {c.name}" if c.is_decision_maker else c.name
            values = [name, c.name_kana, c.title, c.department, c.phone, c.email]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                if col == 0 and c.is_decision_maker:
                    item.setToolTip(self.tr("Decision maker"))
                self.contacts.setItem(row, col, item)
        self._fit_contacts_width()
        self._fit_contacts_height(len(contacts))
        self.edit_contact_button.setEnabled(bool(contacts))
        self.delete_contact_button.setEnabled(bool(contacts))

    def _fit_contacts_width(self) -> None:
        """Columns as wide as their contents; the e-mail takes what is left of the table's
        width, shortened in the middle, but never less than a readable address."""
        table = self.contacts
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(5))
        room = table.viewport().width() - others
        header.resizeSection(5, max(EMAIL_MIN_WIDTH, min(table.sizeHintForColumn(5), room)))

    def _fit_contacts_height(self, rows: int) -> None:
        """As tall as its contacts (two rows at least, then it scrolls): the tabs below
        get the room a company with one contact does not need."""
        table = self.contacts
        shown = min(max(rows, 2), 5)
        height = (
            table.horizontalHeader().sizeHint().height()
            + shown * table.verticalHeader().defaultSectionSize()
            + table.horizontalScrollBar().sizeHint().height()
            + 2 * table.frameWidth()
        )
        # As tall as that when there is room; two rows when the window is short (the
        # tabs below keep their room, and the window never grows past the screen).
        two_rows = height - (shown - 2) * table.verticalHeader().defaultSectionSize()
        table.setMinimumHeight(min(two_rows, 170))
        table.setMaximumHeight(min(height, 170))

    def _fill_timeline(self, entries: list[TimelineEntry]) -> None:
        self.timeline.clear()
        if not entries:
            # A new prospect: say what fills this tab rather than show an empty table.
            empty = QTreeWidgetItem([self.tr("No calls logged yet. Ctrl+L logs the first.")])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.timeline.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)
            return
        now = utc_now()
        for e in entries:
            if e.entry == "follow_up":
                kind = self.tr("Next: {0}").format(kind_label(e.kind))
                item = QTreeWidgetItem([format_datetime(e.at), kind, e.summary, ""])
                font = item.font(0)
                font.setBold(True)
                for col in range(4):
                    item.setFont(col, font)
                    if e.at < now:
                        item.setForeground(col, QBrush(OVERDUE_COLOR))
                if e.at < now:
                    item.setToolTip(0, self.tr("Overdue"))
            else:
                assert e.channel is not None and e.outcome is not None
                # "Visit · Information"; Japanese joins them with ・ (訪問・情報提供).
                kind = self.tr("{0} · {1}").format(channel_label(e.channel), kind_label(e.kind))
                summary = e.summary
                marks = []
                if e.small_yes:
                    marks.append(self.tr("small yes"))
                if e.customer_initiated:
                    marks.append(self.tr("customer initiated"))
                if marks:
                    summary += f"  [{', '.join(marks)}]"
                item = QTreeWidgetItem([format_datetime(e.at), kind, summary, e.contact_name])
                details = f"{summary}\n{outcome_label(e.outcome)}\n{e.notes}".strip()
                item.setToolTip(2, plain_tooltip(details))
            item.setToolTip(1, plain_tooltip(item.text(1)))
            if not item.toolTip(2):
                item.setToolTip(2, plain_tooltip(item.text(2)))
            item.setData(0, Qt.ItemDataRole.UserRole, e.id)
            self.timeline.addTopLevelItem(item)
        # The type a little wider for the long ones (訪問・提案・新しいアイデア), but the
        # summary keeps the most room; the whole type is on hover.
        wanted = self.timeline.sizeHintForColumn(1) + 12
        self.timeline.setColumnWidth(1, max(TYPE_COLUMN_WIDTH, min(wanted, TYPE_COLUMN_MAX)))

    def selected_contact_id(self) -> str | None:
        items = self.contacts.selectedItems()
        if not items:
            return None
        value = items[0].data(Qt.ItemDataRole.UserRole)
        return str(value) if value else None

    def _edit_selected_contact(self) -> None:
        cid = self.selected_contact_id()
        if cid:
            self.editContactRequested.emit(cid)

    def _delete_selected_contact(self) -> None:
        cid = self.selected_contact_id()
        if cid:
            self.deleteContactRequested.emit(cid)
