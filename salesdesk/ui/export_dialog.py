"""File > Export…: the prospect list (CSV/XLSX), everything (JSON) or follow-ups (.ics).

The export runs on a worker thread with a progress bar; Cancel stops it, and the file
appears only when complete. For a CP932
CSV, characters Shift_JIS cannot hold are listed and the rep chooses: write them as
"?" or go back and pick UTF-8.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.core.db import Database
from salesdesk.ui.import_wizard import StepWorker  # loaded with the window's File menu

if TYPE_CHECKING:
    from salesdesk.core.listing import ProspectQuery
    from salesdesk.core.services import Services

FORMATS = ("csv", "xlsx", "json", "ics")
SUFFIX = {"csv": ".csv", "xlsx": ".xlsx", "json": ".json", "ics": ".ics"}


class ExportWorker(StepWorker):
    """One export on its own connection; a cancel stops it at a step (no file is left)."""

    succeeded = Signal(object)  # what was written (a summary, counts or a number)
    failed = Signal(object)

    def __init__(self, db: Database, job: dict[str, Any], parent: QWidget) -> None:
        super().__init__(parent)
        self.uri, self.db_path = db.uri, db.path  # its own connection on this thread
        self.job = job

    def run(self) -> None:
        db = Database(self.uri, self.db_path)
        try:
            self.succeeded.emit(run_export_job(db, self.job, self.step))
        except Exception as exc:  # shown in the dialog; no partial file was left
            self.failed.emit(exc)
        finally:
            db.close()


def run_export_job(
    db: Database, job: dict[str, Any], progress: Callable[[int, int], None] | None = None
) -> object:
    """Do one export described by ``job`` (format, out, ids, encoding, replace)."""
    out = Path(job["out"])
    if job["format"] == "json":
        from salesdesk.core.interchange.dump import export_dump

        return export_dump(db, out, progress=progress)
    if job["format"] == "ics":
        from salesdesk.core.interchange.ics import export_ics

        return export_ics(db, out, progress=progress)
    from salesdesk.core.interchange.export import export_prospects

    return export_prospects(
        db,
        out,
        job["format"],
        job["ids"],
        job["encoding"],
        job.get("replace", False),
        progress=progress,
    )


class ExportDialog(QDialog):
    def __init__(
        self, services: Services, query: ProspectQuery | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.setObjectName("exportDialog")
        self.services = services
        self.query = query
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        self.format.addItem(self.tr("Prospect list with contacts — CSV"), "csv")
        self.format.addItem(self.tr("Prospect list with contacts — Excel (.xlsx)"), "xlsx")
        self.format.addItem(self.tr("Everything, to restore or move — JSON"), "json")
        self.format.addItem(self.tr("Follow-ups and customer deadlines — calendar (.ics)"), "ics")
        self.encoding = QComboBox()
        self.encoding.setObjectName("exportEncoding")
        self.encoding.addItem(self.tr("UTF-8 with BOM (Excel 2016 and later)"), "utf-8-sig")
        self.encoding.addItem(self.tr("Shift_JIS (CP932, older Excel)"), "cp932")
        shown = self.services.listing.ids(query) if query is not None else None
        total = self.services.listing.count()
        self.shown_ids = shown
        self.filtered = QRadioButton(
            self.tr("Prospects in the current list ({0})").format(len(shown or []))
        )
        self.filtered.setObjectName("exportFiltered")
        self.all = QRadioButton(self.tr("All prospects ({0})").format(total))
        self.all.setObjectName("exportAll")
        filtered_differs = shown is not None and len(shown) != total
        self.filtered.setEnabled(filtered_differs)
        (self.filtered if filtered_differs else self.all).setChecked(True)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setObjectName("exportNote")
        self.bar = QProgressBar()
        self.bar.setObjectName("exportProgress")
        self.bar.setRange(0, 0)  # busy until the export says how far it is
        self.bar.hide()
        self.form = form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Encoding:"), self.encoding)
        form.addRow(self.tr("Prospects:"), self.filtered)
        form.addRow("", self.all)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            self.tr("E&xport…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.bar)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(lambda _i: self._format_changed())
        self._format_changed()
        self.worker: ExportWorker | None = None
        self.written: Path | None = None
        self.told = ""  # what was written, once it was
        self.resize(560, self.sizeHint().height())

    def _format_changed(self) -> None:
        kind = self.format.currentData()
        self.encoding.setEnabled(kind == "csv")
        listing = kind in ("csv", "xlsx")
        # Which prospects, and the encoding, mean something for a list only: hidden, not
        # greyed (a greyed "current list" looked like a filtered export of everything).
        if hasattr(self, "form"):
            self.form.setRowVisible(self.encoding, listing)
            self.form.setRowVisible(self.filtered, listing)
            self.form.setRowVisible(self.all, listing)
        self.all.setEnabled(listing)
        self.filtered.setEnabled(
            listing
            and self.shown_ids is not None
            and len(self.shown_ids) != self.services.listing.count()
        )
        self.note.setText(
            {
                "csv": self.tr(
                    "One row per contact. Cells that Excel would run as a formula are "
                    "written with an apostrophe in front."
                ),
                "xlsx": self.tr("One row per contact; every cell is text."),
                "json": self.tr(
                    "Everything: prospects, contacts, calls, follow-ups, assessments, "
                    "deals, customer items, complaints and which reminders were shown, "
                    "deleted ones included. A file SalesDesk can restore exactly."
                ),
                "ics": self.tr(
                    "Open follow-ups and customer deadlines with reminders, for Outlook, "
                    "Google or Apple calendars. Import it again after changes: events are "
                    "updated, and ones done or cancelled meanwhile are cancelled."
                ),
            }[kind]
        )

    def job(self, out: Path, replace: bool = False) -> dict[str, Any]:
        kind = self.format.currentData()
        ids = self.shown_ids if self.filtered.isChecked() and self.filtered.isEnabled() else None
        return {
            "format": kind,
            "out": out,
            "ids": ids,
            "encoding": self.encoding.currentData(),
            "replace": replace,
        }

    def choose_file(self) -> None:
        kind = self.format.currentData()
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to"),
            "salesdesk" + SUFFIX[kind],
            self.tr("{0} files (*{1})").format(kind.upper(), SUFFIX[kind]),
        )
        if name:
            path = Path(name)
            if path.suffix.lower() != SUFFIX[kind]:
                path = path.with_name(path.name + SUFFIX[kind])
            self.start(self.job(path))

    def start(self, job: dict[str, Any]) -> None:
        self.export_button.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.worker = ExportWorker(self.services.db, job, self)
        self.worker.progressed.connect(self._progress)
        self.worker.succeeded.connect(lambda result: self._done(job, result))
        self.worker.failed.connect(lambda exc: self._failed(job, exc))
        self.worker.start()

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(min(1000, done * 1000 // total))

    def _cancel(self) -> None:
        """Cancel: stops an export under way (its partial file is removed) and closes."""
        self.reject()

    def _end_worker(self) -> None:
        """Its result came just before its thread ends: let it end before it goes."""
        if self.worker is not None:
            self.worker.wait()
            self.worker = None

    def _done(self, job: dict[str, Any], result: object) -> None:
        self.bar.hide()
        self._end_worker()
        self.written = Path(job["out"])
        self.told = self.result_text(job["format"], result, self.written)
        truncated = len(getattr(result, "truncated", []))
        if truncated:
            QMessageBox.information(
                self,
                self.tr("Exported"),
                self.tr(
                    "{0}\n\n{1} cells were longer than Excel's limit of 32,767 characters "
                    "and were cut. A CSV export keeps them whole."
                ).format(self.told, truncated),
            )
        self.accept()

    def result_text(self, kind: str, result: object, out: Path) -> str:
        """What was written, for the window's status bar."""
        if kind == "json":
            rows = sum(getattr(result, "tables", {}).values())
            return self.tr("Exported everything ({0} rows) to {1}").format(rows, out)
        if kind == "ics":
            return self.tr("Exported {0} calendar events to {1}").format(result, out)
        return self.tr("Exported {0} prospects ({1} rows) to {2}").format(
            getattr(result, "prospects", 0), getattr(result, "rows", 0), out
        )

    def _failed(self, job: dict[str, Any], exc: Exception) -> None:
        self.bar.hide()
        self._end_worker()
        self.export_button.setEnabled(True)
        code = getattr(exc, "code", "")
        if code == "cancelled":
            return
        if code == "unencodable":
            answer = QMessageBox.question(
                self,
                self.tr("Characters Shift_JIS cannot hold"),
                self.tr(
                    "These characters cannot be written in Shift_JIS (CP932): {0}\n\n{1}\n\n"
                    "Write them as “?” anyway? (Or choose UTF-8 to keep them.)"
                ).format(getattr(exc, "detail", ""), self.where(exc)),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.start({**job, "replace": True})
            return
        QMessageBox.warning(
            self,
            self.tr("Not exported"),
            self.tr("The file could not be written.\n\nDetails: {0}").format(exc),
        )

    def where(self, exc: Exception, listed: int = 8) -> str:
        """The first cells holding such characters, as rows and columns of the file."""
        from salesdesk.ui.import_wizard import field_label

        cells = list(getattr(exc, "cells", []))
        lines = [
            self.tr("Row {0}, {1}: {2}").format(c.row, field_label(c.column), c.characters)
            for c in cells[:listed]
        ]
        more = getattr(exc, "count", len(cells)) - len(lines)
        if more > 0:
            lines.append(self.tr("…and {0} more cells").format(more))
        return "\n".join(lines)

    def done(self, result: int) -> None:
        if self.worker is not None:
            if result != QDialog.DialogCode.Accepted:
                self.worker.requestInterruption()  # stops at its next progress step
            self.worker.wait()  # the partial file is gone when it returns
            self.worker = None
        super().done(result)
