"""File > Import…: bring the rep's Excel/CSV list in, step by step.

Pick the file → encoding, delimiter and header (detected, can be changed) → which column
is which field (preview of the first rows, presets, the mapping remembered for this
layout) → rows that fail validation (skip them, or go back) → rows matching existing
prospects (fill, overwrite or skip each) → the import itself on a worker thread, with a
progress bar and Cancel (one transaction: cancel writes nothing) → a summary.

The checks before the import are a dry run of the real import (rolled back), so what
the pages show is exactly what the import will do.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from salesdesk.config import Paths
from salesdesk.core.db import Database

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QMenu

    from salesdesk.core.interchange.importer import ImportOptions, ImportSummary
    from salesdesk.core.interchange.source import SourceFormat
    from salesdesk.ui.main_window import MainWindow

PREVIEW_ROWS = 5
#: Files a drop onto the window or the wizard's first page opens for import.
IMPORTABLE_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".xlsx", ".vcf", ".json"})
LISTED_MATCHES = 500  # rows in the duplicates table; the rest follow the "all" choice


def field_label(name: str) -> str:
    """The rep's name for an import field."""
    labels = {
        "": QCoreApplication.translate("ImportWizard", "(do not import)"),
        "id": QCoreApplication.translate("ImportWizard", "SalesDesk id"),
        "company": QCoreApplication.translate("ImportWizard", "Company"),
        "company_kana": QCoreApplication.translate("ImportWizard", "Company reading (kana)"),
        "stage": QCoreApplication.translate("ImportWizard", "Stage"),
        "is_customer": QCoreApplication.translate("ImportWizard", "Customer (yes/no)"),
        "phone": QCoreApplication.translate("ImportWizard", "Company phone"),
        "email": QCoreApplication.translate("ImportWizard", "Company e-mail"),
        "address": QCoreApplication.translate("ImportWizard", "Address"),
        "website": QCoreApplication.translate("ImportWizard", "Website"),
        "notes": QCoreApplication.translate("ImportWizard", "Company notes"),
        "contact_name": QCoreApplication.translate("ImportWizard", "Contact name"),
        "contact_kana": QCoreApplication.translate("ImportWizard", "Contact reading (kana)"),
        "contact_title": QCoreApplication.translate("ImportWizard", "Contact title"),
        "contact_department": QCoreApplication.translate("ImportWizard", "Contact department"),
        "contact_is_decision_maker": QCoreApplication.translate(
            "ImportWizard", "Decision maker (yes/no)"
        ),
        "contact_phone": QCoreApplication.translate("ImportWizard", "Contact phone"),
        "contact_email": QCoreApplication.translate("ImportWizard", "Contact e-mail"),
        "contact_notes": QCoreApplication.translate("ImportWizard", "Contact notes"),
        "row": QCoreApplication.translate("ImportWizard", "Row"),
    }
    return labels.get(name, name)


def error_text(code: str) -> str:
    """A sentence for an interchange error code or a row's validation code."""
    texts = {
        "empty_file": QCoreApplication.translate("ImportWizard", "The file is empty."),
        "binary_file": QCoreApplication.translate(
            "ImportWizard",
            "This is not a CSV file or an Excel workbook (.xlsx). In Excel, use "
            "“Save as” and choose CSV or Excel Workbook.",
        ),
        "old_or_locked_workbook": QCoreApplication.translate(
            "ImportWizard",
            "This is an older Excel file (.xls) or a workbook protected with a password. "
            "Open it in Excel and use “Save as” to save it as an Excel Workbook (.xlsx) "
            "without a password, or as CSV.",
        ),
        "unknown_encoding": QCoreApplication.translate(
            "ImportWizard",
            "The text encoding could not be recognised. Pick it below (Japanese Excel: "
            "Shift_JIS (CP932)).",
        ),
        "wrong_encoding": QCoreApplication.translate(
            "ImportWizard", "The file cannot be read with this encoding. Pick another one."
        ),
        "malformed_csv": QCoreApplication.translate(
            "ImportWizard", "The CSV file is damaged (a quotation mark is never closed?)."
        ),
        "malformed_vcard": QCoreApplication.translate("ImportWizard", "The vCard file is damaged."),
        "field_too_large": QCoreApplication.translate(
            "ImportWizard", "A cell is too large (over a million characters)."
        ),
        "unreadable_file": QCoreApplication.translate(
            "ImportWizard", "The file cannot be opened or read."
        ),
        "no_company_column": QCoreApplication.translate(
            "ImportWizard", "Choose the column that holds the company name."
        ),
        "not_a_dump": QCoreApplication.translate(
            "ImportWizard", "This is not a SalesDesk export, or it is damaged."
        ),
        "newer_dump": QCoreApplication.translate(
            "ImportWizard", "This export comes from a newer SalesDesk. Update SalesDesk first."
        ),
        "invalid_rows": QCoreApplication.translate(
            "ImportWizard", "Some rows are not valid; nothing was imported."
        ),
        "cancelled": QCoreApplication.translate(
            "ImportWizard", "The import was cancelled. Nothing was imported."
        ),
        "ragged_row": QCoreApplication.translate(
            "ImportWizard", "More cells than the header has columns"
        ),
        "required": QCoreApplication.translate("ImportWizard", "empty"),
        "invalid_email": QCoreApplication.translate("ImportWizard", "not an e-mail address"),
        "invalid_phone": QCoreApplication.translate("ImportWizard", "not a phone number"),
        "unknown_choice": QCoreApplication.translate("ImportWizard", "not a known value"),
    }
    return texts.get(code, code)


def _plain_label(text: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text.replace("\n", " ⏎ "))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    item.setToolTip(text[:500])  # tooltips are plain text (no HTML tags are interpreted)
    return item


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


# -- worker -----------------------------------------------------------------------------------
class ImportWorker(QThread):
    """Runs a (dry or real) import on its own connection, off the UI thread."""

    progressed = Signal(int, float)
    succeeded = Signal(object)  # ImportSummary
    failed = Signal(object)  # the exception

    def __init__(
        self,
        db: Database,
        path: Path,
        fmt: SourceFormat,
        options: ImportOptions,
        parent: Any,
        backups: Path | None = None,
    ) -> None:
        super().__init__(parent)
        # Its own connection: the window's stay on the UI thread.
        self.uri, self.db_path = db.uri, db.path
        self.path, self.fmt, self.options = path, fmt, options
        #: Where the backup taken before a real import goes (None: no backup).
        self.backups = None if options.dry_run or db.path is None else backups
        self.backup: Path | None = None  # the backup taken, kept once the import is done
        self.summary: ImportSummary | None = None  # set when the import committed

    def run(self) -> None:
        from salesdesk.core.backup import PRE_IMPORT, backup_before_change, settle_backup
        from salesdesk.core.interchange.importer import run_import

        if self.backups is not None and self.db_path is not None:
            try:
                self.backup = backup_before_change(self.db_path, self.backups, PRE_IMPORT)
            except Exception as exc:  # BackupError: no import without the way back
                self.failed.emit(exc)
                return
        db = Database(self.uri, self.db_path)
        try:
            summary = run_import(
                db,
                self.path,
                self.fmt,
                self.options,
                progress=lambda rows, fraction: self.progressed.emit(rows, fraction),
                cancelled=self.isInterruptionRequested,
            )
        except Exception as exc:  # reported on the page; the transaction was rolled back
            self.backup = settle_backup(self.backup, changed=False)  # not needed
            self.failed.emit(exc)
        else:
            self.backup = settle_backup(self.backup, summary.changed)
            self.summary = summary  # also for a wizard closed before the signal arrives
            self.succeeded.emit(summary)
        finally:
            db.close()


def is_dump(path: Path) -> bool:
    """Whether ``path`` is a SalesDesk full export (JSON), restored rather than imported."""
    try:
        with path.open("rb") as fh:
            return fh.read(64).lstrip().startswith(b'{"format": "salesdesk-dump"')
    except OSError:
        return False


class StepWorker(QThread):
    """A thread running long interchange work that reports ``progressed(permille, 1000)``
    through :meth:`step`, where a requested interruption stops it (``cancelled``)."""

    progressed = Signal(int, int)

    def step(self, done: int, total: int) -> None:
        from salesdesk.core.interchange import errors as E
        from salesdesk.core.interchange.errors import InterchangeError

        if self.isInterruptionRequested():
            raise InterchangeError(E.CANCELLED)
        # Sent as thousandths: a signal's int is 32 bits, and the bytes of a 2 GB export
        # are more than that.
        self.progressed.emit(min(1000, done * 1000 // max(1, total)), 1000)


class RestoreWorker(StepWorker):
    """Replaces all data with a full export on its own connection, after a backup of the
    data as it was (discarded when the restore does not happen). Progress: bytes read."""

    def __init__(self, db: Database, path: Path, backups: Path | None, parent: Any) -> None:
        super().__init__(parent)
        self.uri, self.db_path = db.uri, db.path
        self.path = path
        self.backups = backups if db.path is not None else None
        self.error: Exception | None = None

    def run(self) -> None:
        from salesdesk.core.backup import PRE_RESTORE, backup_before_change, settle_backup
        from salesdesk.core.interchange.dump import import_dump

        backup = None
        db = Database(self.uri, self.db_path)
        try:
            if self.backups is not None and self.db_path is not None:
                backup = backup_before_change(self.db_path, self.backups, PRE_RESTORE)
            self.step(0, 1)  # a cancel while the backup was made
            import_dump(db, self.path, replace=True, progress=self.step)
        except Exception as exc:  # the data is as it was
            settle_backup(backup, changed=False)
            self.error = exc
        else:
            settle_backup(backup, changed=True)
        finally:
            db.close()


def dropped_file(mime: QMimeData) -> Path | None:
    """The one local list file a drag carries, or None (several files, a web link...)."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in IMPORTABLE_SUFFIXES else None


class DropToImport(QObject):
    """Watches a window for a list file dropped on it and opens it for import."""

    def __init__(self, window: QWidget, open_file: Any) -> None:
        super().__init__(window)
        self.open_file = open_file
        window.setAcceptDrops(True)  # children that take no drops pass them up
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            drag: QDropEvent = event  # type: ignore[assignment]
            path = dropped_file(drag.mimeData())
            if path is None:
                return False
            drag.acceptProposedAction()
            if kind == QEvent.Type.Drop:
                # After the drop returns: the file manager is not held by the wizard.
                QTimer.singleShot(0, lambda: self.open_file(path))
            return True
        return False


# -- pages ------------------------------------------------------------------------------------
class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr(
                "A CSV file (from Excel, Google Contacts, Outlook or SalesDesk), an "
                "Excel workbook (.xlsx) or contacts as vCard (.vcf)."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.textChanged.connect(lambda _t: self.completeChanged.emit())
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.error = _plain_label()
        self.error.setObjectName("importFileError")
        self.error.setStyleSheet("color: #b00020")
        hint = _plain_label(
            self.tr("You can also drop the file here, or onto the SalesDesk window at any time.")
        )
        hint.setEnabled(False)  # greyed: a hint, not an instruction
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.path_edit.setText(str(path))

    def _browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import prospects"),
            self.path_edit.text(),
            self.tr("Lists (*.csv *.tsv *.txt *.xlsx *.vcf);;All files (*)"),
        )
        if name:
            self.path_edit.setText(name)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        from salesdesk.core.interchange.errors import InterchangeError
        from salesdesk.core.interchange.source import detect

        path = Path(self.path_edit.text().strip())
        if self.w.restored:
            return True  # closing after the restore validates this page once more
        if is_dump(path):
            # After this validation returns: closing the wizard from inside it re-validates.
            QTimer.singleShot(0, lambda: self.w.restore_dump(path))
            return False
        try:
            self.w.fmt = detect(path)
        except InterchangeError as exc:
            self.error.setText(error_text(exc.code))
            return False
        self.error.clear()
        self.w.path = path
        return True


ENCODINGS = (
    ("utf-8-sig", "UTF-8 (BOM)"),
    ("utf-8", "UTF-8"),
    ("cp932", "Shift_JIS (CP932)"),
    ("euc_jp", "EUC-JP"),
    ("iso2022_jp", "ISO-2022-JP (JIS)"),
    ("utf-16", "UTF-16"),
    ("latin-1", "Latin-1"),
)


class FormatPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("How the file is written"))
        self.setSubTitle(self.tr("Detected from the file; change it if the preview looks wrong."))
        self.encoding = QComboBox()
        self.encoding.setObjectName("importEncoding")
        for code, name in ENCODINGS:
            self.encoding.addItem(name, code)
        self.delimiter = QComboBox()
        self.delimiter.setObjectName("importDelimiter")
        for text, char in (
            (self.tr("Comma (,)"), ","),
            (self.tr("Tab"), "\t"),
            (self.tr("Semicolon (;)"), ";"),
            (self.tr("Vertical bar (|)"), "|"),
        ):
            self.delimiter.addItem(text, char)
        self.sheet = QComboBox()
        self.sheet.setObjectName("importSheet")
        self.skip = QSpinBox()
        self.skip.setObjectName("importSkipRows")
        self.skip.setRange(0, 30)
        self.skip.setMaximumWidth(self.skip.fontMetrics().horizontalAdvance("0000") + 48)
        self.skip.setToolTip(self.tr("A title or blank rows above the column names"))
        self.header = QCheckBox(self.tr("The first row read holds the column names"))
        self.header.setObjectName("importHeader")
        self.note = _plain_label()
        self.note.setObjectName("importFormatNote")
        self.preview = _table([])
        self.preview.setObjectName("importFormatPreview")
        self.form = form = QFormLayout()
        form.addRow(self.tr("&Sheet:"), self.sheet)
        form.addRow(self.tr("&Encoding:"), self.encoding)
        form.addRow(self.tr("&Delimiter:"), self.delimiter)
        form.addRow(self.tr("Rows to s&kip at the top:"), self.skip)
        form.addRow("", self.header)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.preview, 1)
        self.sheet.currentIndexChanged.connect(lambda _i: self._sheet_changed())
        self.encoding.currentIndexChanged.connect(lambda _i: self._refresh())
        self.delimiter.currentIndexChanged.connect(lambda _i: self._refresh())
        self.skip.valueChanged.connect(lambda _n: self._refresh())
        self.header.toggled.connect(lambda _on: self._refresh())
        self._loading = False

    def initializePage(self) -> None:
        from salesdesk.core.interchange.source import CSV, VCF, XLSX, sheet_names

        fmt = self.w.fmt
        self._loading = True
        csv = fmt.kind in (CSV, VCF)
        workbook = fmt.kind == XLSX
        self.form.setRowVisible(self.sheet, workbook)  # only a workbook has sheets
        self.form.setRowVisible(self.encoding, csv)
        self.form.setRowVisible(self.delimiter, fmt.kind == CSV)
        # A vCard is a list of cards: no rows above a header, no header row to choose.
        self.form.setRowVisible(self.skip, fmt.kind != VCF)
        self.form.setRowVisible(self.header, fmt.kind != VCF)
        self.sheet.clear()
        if workbook:
            names = sheet_names(self.w.path)
            for name in names:
                self.sheet.addItem(name, name)
            self.sheet.setCurrentIndex(max(self.sheet.findData(fmt.sheet), 0))
            self.sheet.setEnabled(len(names) > 1)
        index = self.encoding.findData(fmt.encoding) if fmt.encoding else -1
        self.encoding.setCurrentIndex(max(index, 0))
        self.delimiter.setCurrentIndex(max(self.delimiter.findData(fmt.delimiter), 0))
        self.skip.setValue(fmt.skip_rows)
        self.header.setChecked(fmt.has_header)
        self._loading = False
        self.note.setText("" if fmt.encoding or not csv else error_text("unknown_encoding"))
        self._refresh()

    def _sheet_changed(self) -> None:
        """Another worksheet: where its column names are is found anew."""
        if self._loading or not self.sheet.currentData():
            return
        from salesdesk.core.interchange.errors import InterchangeError
        from salesdesk.core.interchange.source import detect_sheet

        try:
            found = detect_sheet(self.w.path, self.sheet.currentData())
        except InterchangeError as exc:
            self.note.setText(error_text(exc.code))
            return
        self._loading = True
        self.skip.setValue(found.skip_rows)
        self._loading = False
        self._refresh()

    def current_format(self) -> SourceFormat:
        fmt = self.w.fmt
        if fmt.kind in ("csv", "vcf"):
            fmt = fmt.with_(encoding=self.encoding.currentData())
        if fmt.kind == "csv":
            fmt = fmt.with_(delimiter=self.delimiter.currentData())
        if fmt.kind == "xlsx" and self.sheet.currentData():
            fmt = fmt.with_(sheet=self.sheet.currentData())
        if fmt.kind != "vcf":
            fmt = fmt.with_(skip_rows=self.skip.value())
        return fmt.with_(has_header=self.header.isChecked() or fmt.kind == "vcf")

    def _refresh(self) -> None:
        if self._loading:
            return
        from salesdesk.core.interchange.errors import InterchangeError
        from salesdesk.core.interchange.source import preview

        try:
            headers, rows = preview(self.w.path, self.current_format(), PREVIEW_ROWS)
        except InterchangeError as exc:
            self.note.setText(error_text(exc.code))
            self.preview.setRowCount(0)
            self.preview.setColumnCount(0)
            self.ok = False
        else:
            if self.note.text() != error_text("unknown_encoding") or self.w.fmt.encoding:
                self.note.clear()
            self.w.headers, self.w.preview_rows = headers, rows
            _fill_preview(self.preview, [self.w.column_label(h) for h in headers], rows)
            self.ok = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return getattr(self, "ok", False)

    def validatePage(self) -> bool:
        self.w.fmt = self.current_format()
        return True


def _fill_preview(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row[: len(headers)]):
            table.setItem(r, c, _item(value))
    table.resizeColumnsToContents()
    for c in range(len(headers)):
        table.setColumnWidth(c, min(table.columnWidth(c), 220))


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Which column is which"))
        self.setSubTitle(
            self.tr("Choose a field for each column. Several columns may go to one field.")
        )
        self.preset = QComboBox()
        self.preset.setObjectName("importPreset")
        self.preset.addItem(self.tr("Suggested"), "")
        self.preset.addItem(self.tr("Google Contacts"), "google")
        self.preset.addItem(self.tr("Outlook"), "outlook")
        self.preset.addItem(self.tr("SalesDesk export"), "salesdesk")
        self.preset.currentIndexChanged.connect(lambda _i: self._apply_preset())
        self.table = _table([self.tr("Column"), self.tr("First rows"), self.tr("Field")])
        self.table.setObjectName("importMapping")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.error = _plain_label()
        self.error.setStyleSheet("color: #b00020")
        top = QHBoxLayout()
        self.preset_label = preset_label = QLabel(self.tr("&Preset:"))
        preset_label.setBuddy(self.preset)
        top.addWidget(preset_label)
        top.addWidget(self.preset)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        from salesdesk.core.interchange import mapping as m
        from salesdesk.core.interchange.source import VCF

        headers, rows = self.w.headers, self.w.preview_rows
        cards = self.w.fmt.kind == VCF
        # A vCard's fields are read as SalesDesk fields: no preset to choose, and the
        # rep only leaves out what is not wanted.
        self.preset_label.setVisible(not cards)
        self.preset.setVisible(not cards)
        if cards:
            self.setTitle(self.tr("What is imported from the cards"))
            self.setSubTitle(
                self.tr(
                    "The fields of each card are read as they are. Choose “(do not import)” "
                    "for any field you want to leave out."
                )
            )
        else:
            self.setTitle(self.tr("Which column is which"))
            self.setSubTitle(
                self.tr("Choose a field for each column. Several columns may go to one field.")
            )
        self.table.setHorizontalHeaderLabels(
            [self.tr("In the card") if cards else self.tr("Column"),
             self.tr("First cards") if cards else self.tr("First rows"), self.tr("Field")]
        )  # fmt: skip
        self.table.setRowCount(len(headers))
        self.combos = []
        for r, header in enumerate(headers):
            self.table.setItem(r, 0, _item(self.w.column_label(header)))
            samples = " / ".join(row[r] for row in rows[:3] if r < len(row) and row[r].strip())
            self.table.setItem(r, 1, _item(samples))
            combo = QComboBox()
            for name in ("", *m.FIELDS):
                combo.addItem(field_label(name), name)
            combo.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
            self.table.setCellWidget(r, 2, combo)
            self.combos.append(combo)
        recalled = self.w.store.recall(headers) if self.w.store else None
        self._set_mapping(recalled or m.guess_mapping(headers))
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(max(self.preset.findData(m.guess_preset(headers) or ""), 0))
        self.preset.blockSignals(False)

    def _apply_preset(self) -> None:
        from salesdesk.core.interchange import mapping as m

        name = self.preset.currentData()
        headers = self.w.headers
        self._set_mapping(m.preset_mapping(name, headers) if name else m.guess_mapping(headers))

    def _set_mapping(self, mapping: list[tuple[str, str]]) -> None:
        chosen: dict[str, str] = {}
        for header, target in mapping:
            chosen.setdefault(header, target)
        for header, combo in zip(self.w.headers, self.combos, strict=True):
            combo.setCurrentIndex(max(combo.findData(chosen.get(header, "")), 0))
        self.completeChanged.emit()

    def mapping(self) -> list[tuple[str, str]]:
        from salesdesk.core.interchange import mapping as m

        pairs = [(h, c.currentData()) for h, c in zip(self.w.headers, self.combos, strict=True)]
        # Join order within a field: the preset's (family name before given name).
        name = self.preset.currentData()
        order = {h: i for i, (h, _f) in enumerate(m.PRESETS.get(name, []))} if name else {}
        pairs.sort(
            key=lambda p: (
                order.get(p[0], len(order)),
                m.is_given_name(p[0]),  # without a preset too: 姓 before 名
                self.w.headers.index(p[0]),
            )
        )
        return [(h, f) for h, f in pairs if f]

    def isComplete(self) -> bool:
        has_company = any(c.currentData() == "company" for c in self.combos)
        self.error.setText("" if has_company else error_text("no_company_column"))
        return has_company

    def validatePage(self) -> bool:
        self.w.mapping = self.mapping()
        return True


class CheckPage(QWizardPage):
    """Runs the dry run; lists rows that fail validation."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(self.tr("Every row is checked before anything is written to your list."))
        self.status = _plain_label()
        self.status.setObjectName("importCheckStatus")
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.problems = _table(
            [self.tr("Line"), self.tr("Company (or contact)"), self.tr("Problem")]
        )
        self.problems.setObjectName("importProblems")
        for column in (0, 1):  # line and company whole; the reasons take the rest
            self.problems.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.skip = QCheckBox(self.tr("&Skip these rows and import the others"))
        self.skip.setObjectName("importSkipInvalid")
        self.skip.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.skip)
        self.summary: ImportSummary | None = None
        self.worker: ImportWorker | None = None

    def initializePage(self) -> None:
        from salesdesk.core.interchange.importer import ImportOptions

        self.summary = None
        self.problems.setRowCount(0)
        self.problems.hide()
        self.skip.hide()
        self.skip.setChecked(False)
        self.bar.show()
        self.bar.setValue(0)
        self.status.setText(self.tr("Checking the file…"))
        options = ImportOptions(mapping=self.w.mapping, skip_invalid=True, dry_run=True)
        self.worker = ImportWorker(self.w.db, self.w.path, self.w.fmt, options, self)
        self.worker.progressed.connect(lambda _rows, f: self.bar.setValue(int(f * 1000)))
        self.worker.succeeded.connect(self._checked)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def cleanupPage(self) -> None:
        self._stop()

    def _stop(self) -> None:
        if self.worker is not None:
            self.worker.requestInterruption()
            self.worker.wait()
            self.worker = None

    def _failed(self, exc: Exception) -> None:
        self.bar.hide()
        code = getattr(exc, "code", "")
        line = getattr(exc, "line", None)
        text = error_text(code) if code else str(exc)
        if line is not None:
            text = self.tr("Line {0}: {1}").format(line, text)
        self.status.setText(text)
        self.completeChanged.emit()

    def _checked(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.w.check = summary
        self.bar.hide()
        self.status.setText(
            self.tr(
                "Rows read: {0}. New prospects: {1}. Rows matching prospects you already "
                "have: {2}. Rows not valid: {3}."
            ).format(summary.rows, summary.imported, summary.match_count, summary.errors)
        )
        if summary.errors:
            self.problems.show()
            self.skip.show()
            self.problems.setRowCount(len(summary.problems))
            for r, p in enumerate(summary.problems):
                reasons = self.tr("; ").join(
                    f"{field_label(k)}: {error_text(v)}" for k, v in p.errors.items()
                )
                self.problems.setItem(r, 0, _item(str(p.line)))
                self.problems.setItem(r, 1, _item(p.company))
                self.problems.setItem(r, 2, _item(reasons))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.summary is None:
            return False
        return not self.summary.errors or self.skip.isChecked()

    def nextId(self) -> int:
        if self.summary is not None and not self.summary.match_count:
            return ImportWizard.RUN
        return ImportWizard.DUPLICATES


class DuplicatesPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Prospects you already have"))
        self.setSubTitle(
            self.tr(
                "These rows match an existing prospect by company name, phone or e-mail. "
                "Choose what to do with each."
            )
        )
        self.all = QComboBox()
        self.all.setObjectName("importDuplicateAll")
        self._actions(self.all)
        self.all.currentIndexChanged.connect(lambda _i: self._set_all())
        self.table = _table(
            [self.tr("Line"), self.tr("In the file"), self.tr("Existing"), self.tr("Same"),
             self.tr("Action")]
        )  # fmt: skip
        self.table.setObjectName("importDuplicates")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.fields: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, name in enumerate(
            ("company_kana", "phone", "email", "address", "website", "notes", "stage",
             "contact_title", "contact_department", "contact_phone", "contact_email")
        ):  # fmt: skip
            box = QCheckBox(field_label(name))
            self.fields[name] = box
            grid.addWidget(box, i // 4, i % 4)
        top = QHBoxLayout()
        all_label = QLabel(self.tr("For &all:"))
        all_label.setBuddy(self.all)
        top.addWidget(all_label)
        top.addWidget(self.all)
        top.addStretch(1)
        self.more = _plain_label()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.more)
        layout.addWidget(_plain_label(self.tr("“Overwrite” replaces these fields:")))
        layout.addLayout(grid)
        self.combos: list[QComboBox] = []

    def _actions(self, combo: QComboBox) -> None:
        combo.addItem(self.tr("Fill empty fields"), "fill")
        combo.addItem(self.tr("Overwrite"), "overwrite")
        combo.addItem(self.tr("Skip"), "skip")

    def initializePage(self) -> None:
        matches = self.w.check.matches[:LISTED_MATCHES] if self.w.check else []
        by = {
            "id": self.tr("id"),
            "company": self.tr("name"),
            "phone": self.tr("phone"),
            "email": self.tr("e-mail"),
        }
        self.table.setRowCount(len(matches))
        self.combos = []
        for r, match in enumerate(matches):
            self.table.setItem(r, 0, _item(str(match.line)))
            self.table.setItem(r, 1, _item(match.row_company))
            self.table.setItem(r, 2, _item(match.existing_company))
            self.table.setItem(r, 3, _item(by.get(match.matched_by, match.matched_by)))
            combo = QComboBox()
            self._actions(combo)
            combo.setCurrentIndex(self.all.currentIndex())
            self.table.setCellWidget(r, 4, combo)
            self.combos.append(combo)
        hidden = (self.w.check.match_count if self.w.check else 0) - len(matches)
        self.more.setText(
            self.tr("{0} more matching rows follow the choice for all.").format(hidden)
            if hidden > 0
            else ""
        )

    def _set_all(self) -> None:
        for combo in self.combos:
            combo.setCurrentIndex(self.all.currentIndex())

    def validatePage(self) -> bool:
        from salesdesk.core.interchange.importer import Decision

        chosen = frozenset(name for name, box in self.fields.items() if box.isChecked())
        matches = self.w.check.matches if self.w.check else []
        self.w.default_decision = Decision(self.all.currentData(), chosen)
        self.w.decisions = {
            m.line: Decision(c.currentData(), chosen)
            for m, c in zip(matches, self.combos, strict=False)
        }
        return True


class RunPage(QWizardPage):
    """The import itself, then its summary."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Import"))
        self.setSubTitle(
            self.tr("One step: stopped before it is done, it leaves your list as it was.")
        )
        self.status = _plain_label()
        self.status.setObjectName("importRunStatus")
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.cancel = QPushButton(self.tr("&Cancel import"))
        self.cancel.setObjectName("importCancel")
        self.cancel.clicked.connect(self.request_cancel)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.worker: ImportWorker | None = None
        self.done = False
        self.summary: ImportSummary | None = None
        self.backup: Path | None = None  # taken before the import that just finished

    def initializePage(self) -> None:
        from salesdesk.core.interchange.importer import ImportOptions

        self.done = False
        self.summary = None
        self.bar.setValue(0)
        self.bar.show()
        self.cancel.show()
        self.cancel.setEnabled(True)
        if self.w.backups is not None:
            self.status.setText(
                self.tr("Saving a backup of your list first… Nothing changes until the end.")
            )
        else:
            self.status.setText(self.tr("Importing… Nothing is saved until the end."))
        options = ImportOptions(
            mapping=self.w.mapping,
            skip_invalid=True,
            default_decision=self.w.default_decision,
            decisions=self.w.decisions,
        )
        self.worker = ImportWorker(
            self.w.db, self.w.path, self.w.fmt, options, self, backups=self.w.backups
        )
        self.worker.progressed.connect(self._progress)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.start()
        self.w.button(QWizard.WizardButton.BackButton).setEnabled(False)

    def _progress(self, rows: int, fraction: float) -> None:
        self.bar.setValue(int(fraction * 1000))
        self.status.setText(self.tr("Importing… {0} rows read.").format(rows))

    def request_cancel(self) -> None:
        if self.worker is not None and not self.done:
            self.cancel.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))
            self.worker.requestInterruption()

    def _finish(self) -> None:
        self.done = True
        if self.worker is not None:
            self.worker.wait()  # its result came just before its thread ends: let it end
        self.worker = None
        self.cancel.hide()
        self.completeChanged.emit()

    def _succeeded(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.bar.setValue(1000)
        text = self.summary_text(summary)
        self.backup = self.worker.backup if self.worker is not None else None
        if self.backup is not None:
            text += "\n\n" + self.tr(
                "Your list as it was before this import is saved as a backup:"
                " File → Backups… puts it back."
            )
        self.status.setText(text)
        if self.w.store is not None:
            self.w.store.remember(self.w.headers, self.w.mapping)
        self.w.imported = True
        self._finish()

    def summary_text(self, summary: ImportSummary) -> str:
        """What the import did, a line per outcome that happened (invalid rows, which
        the summary also counts as skipped, are told apart from the rep's skips)."""
        chosen_skips = summary.skipped - summary.errors
        lines = [self.tr("New prospects: {0}").format(summary.imported)]
        for count, text in (
            (summary.merged, self.tr("Merged into prospects you already had: {0}")),
            (summary.unchanged, self.tr("Already up to date, left as they were: {0}")),
            (chosen_skips, self.tr("Matching rows skipped as you chose: {0}")),
            (summary.errors, self.tr("Rows not valid, left out: {0}")),
            (summary.contacts_added, self.tr("Contacts added: {0}")),
        ):
            if count:
                lines.append(text.format(count))
        return self.tr("Done.") + "\n\n" + "\n".join(lines)

    def _failed(self, exc: Exception) -> None:
        from salesdesk.core.backup import BackupError

        self.bar.hide()
        code = getattr(exc, "code", "")
        if isinstance(exc, BackupError):
            text = self.tr(
                "Nothing was imported: the backup before the import could not be saved ({0})."
            ).format(exc)
        elif code and code != "cancelled":
            text = self.tr("Nothing was imported: {0}").format(error_text(code))
        elif code:
            text = error_text(code)
        else:
            text = self.tr("Nothing was imported. Details: {0}").format(exc)
        self.status.setText(text)
        self._finish()

    def isComplete(self) -> bool:
        return self.done

    def wait(self) -> None:
        if self.worker is not None:
            self.worker.requestInterruption()
            self.worker.wait()
            if self.worker.summary is not None:  # it committed just before the close
                self.w.imported = True


class ImportWizard(QWizard):
    FILE, FORMAT, MAPPING, CHECK, DUPLICATES, RUN = range(6)
    #: Emitted after an import that wrote something (the window refreshes its list).
    imported_rows = Signal()

    def __init__(self, db: Database, data_dir: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from salesdesk.core.interchange.importer import Decision
        from salesdesk.core.interchange.mapping import MappingStore
        from salesdesk.core.interchange.source import SourceFormat

        self.setWindowTitle(self.tr("Import prospects"))
        self.setObjectName("importWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.db = db
        self.store = MappingStore.in_data_dir(data_dir) if data_dir is not None else None
        #: Backups go here before a real import (none without a data folder).
        self.backups = Paths(data_dir).backups if data_dir is not None else None
        self.restore_worker: RestoreWorker | None = None  # while a full export is restored
        self.restored = False  # a full export replaced all data: the wizard closes
        self.path = Path()
        self.fmt = SourceFormat()
        self.headers: list[str] = []
        self.preview_rows: list[list[str]] = []
        self.mapping: list[tuple[str, str]] = []
        self.check: ImportSummary | None = None
        self.default_decision = Decision()
        self.decisions: dict[int, Decision] = {}
        self.imported = False
        self.file_page = FilePage(self)
        self.format_page = FormatPage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.duplicates_page = DuplicatesPage(self)
        self.run_page = RunPage(self)
        for page_id, page in enumerate(
            (self.file_page, self.format_page, self.mapping_page, self.check_page,
             self.duplicates_page, self.run_page)
        ):  # fmt: skip
            self.setPage(page_id, page)
        self.resize(860, 600)

    def column_label(self, header: str) -> str:
        """A column as the rep sees it named: a file's own column name as written; a
        vCard's columns are SalesDesk fields, named as the field choices name them."""
        from salesdesk.core.interchange.source import VCF

        return field_label(header) if self.fmt.kind == VCF else header

    def restore_dump(self, path: Path) -> None:
        """Replace all data with a SalesDesk full export, after a backup (asks first).

        The restore runs on a worker thread behind a progress dialog whose Cancel rolls
        it back; this returns when it is over.
        """
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QMessageBox, QProgressDialog

        answer = QMessageBox.question(
            self,
            self.tr("Restore a full export"),
            self.tr(
                "This file is a full SalesDesk export. Replace ALL data in SalesDesk with "
                "its contents? A backup of the current data is made first."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        worker = RestoreWorker(self.db, path, self.backups, self)
        waiting = QProgressDialog(
            self.tr("Restoring the full export… Nothing changes until it is done."),
            self.tr("Cancel"),
            0,
            1000,
            self,
        )
        waiting.setObjectName("restoreProgress")
        waiting.setWindowTitle(self.tr("Restore a full export"))
        waiting.setWindowModality(Qt.WindowModality.WindowModal)
        waiting.setMinimumDuration(300)
        waiting.setAutoClose(False)
        waiting.setAutoReset(False)
        waiting.canceled.connect(worker.requestInterruption)  # its button
        waiting.rejected.connect(worker.requestInterruption)  # Escape
        worker.progressed.connect(
            lambda done, total: waiting.setValue(min(999, done * 1000 // max(1, total)))
        )
        self.restore_worker = worker
        loop = QEventLoop()
        worker.finished.connect(loop.quit)
        worker.start()
        loop.exec()
        worker.wait()  # "finished" comes just before the thread ends
        waiting.close()
        waiting.deleteLater()
        self.restore_worker = None
        if worker.error is not None:  # rolled back whole: the data is as it was
            code = getattr(worker.error, "code", "")
            if code == "cancelled":
                return
            QMessageBox.warning(
                self,
                self.tr("Not restored"),
                self.tr("Nothing was changed. Details: {0}").format(
                    error_text(code) if code else worker.error
                ),
            )
            return
        self.imported = self.restored = True
        QMessageBox.information(
            self, self.tr("Restored"), self.tr("All data was replaced by the export.")
        )
        self.done(1)

    def reject(self) -> None:
        # Cancel/Escape during the import cancels it (rolled back) before closing.
        self.check_page.cleanupPage()
        self.run_page.wait()
        super().reject()

    def done(self, result: int) -> None:
        self.check_page.cleanupPage()
        self.run_page.wait()
        if self.imported:
            self.imported_rows.emit()
        super().done(result)


def add_interchange_actions(window: MainWindow, file_menu: QMenu) -> tuple[QAction, QAction]:
    """Put "Import…" and "Export…" into the window's File menu; a list file dropped
    on the window opens the import too."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    def data_dir() -> Path | None:
        path: Path | None = getattr(window.services.db, "path", None)
        return path.parent if path is not None else None

    def run_import(path: Path | None = None) -> None:
        if QApplication.activeModalWidget() is not None:
            return  # a dialog is open (maybe this wizard): a drop does not stack another
        wizard = ImportWizard(window.services.db, data_dir(), window)
        wizard.imported_rows.connect(window._reload)
        if path is not None:  # dropped: on to the file's format, as after "Next"
            wizard.file_page.path_edit.setText(str(path))
            QTimer.singleShot(0, wizard.next)
        wizard.exec()
        wizard.deleteLater()

    def run_export() -> None:
        from salesdesk.ui.export_dialog import ExportDialog

        dialog = ExportDialog(window.services, window.model.query, window)
        dialog.exec()
        if dialog.told:
            window.statusBar().showMessage(dialog.told, 15_000)
        dialog.deleteLater()

    import_action = QAction(QCoreApplication.translate("ImportWizard", "&Import…"), window)
    import_action.setObjectName("importAction")
    import_action.setShortcut("Ctrl+I")
    import_action.triggered.connect(lambda _checked=False: run_import())
    export_action = QAction(QCoreApplication.translate("ImportWizard", "E&xport…"), window)
    export_action.setObjectName("exportAction")
    export_action.setShortcut("Ctrl+E")
    export_action.triggered.connect(lambda _checked=False: run_export())
    window.addActions([import_action, export_action])
    DropToImport(window, run_import)
    file_menu.addSeparator()
    file_menu.addActions([import_action, export_action])
    return import_action, export_action
