"""Print or save call sheets: one prospect's sheet, or the day's call list.

Preview (QPrintPreviewDialog) renders in the GUI thread: it shows what will print. A
print run or a PDF export runs as a :class:`PackWorker`: one sheet at a time from the
event loop, so the window stays responsive, with a progress dialog that can cancel it.

It was first a QThread laying out the sheets' QTextDocuments; that deadlocked now and
then (the worker inside text layout, the GUI thread stuck in its event loop), so the
rendering stays on the GUI thread and yields between sheets (a sheet takes ~16 ms).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.core.db import Database
from salesdesk.core.sheets import SheetService
from salesdesk.ui.sheet_render import PageSetup, SheetRenderer, ensure_font, font_available

if TYPE_CHECKING:
    from salesdesk.core.services import Services


@dataclass
class PackJob:
    """What to print: one sheet, a day's sheets, or a day's compact list."""

    prospect_ids: list[str] = field(default_factory=list)
    day: date | None = None
    compact: bool = False
    include_overdue: bool = True
    setup: PageSetup = field(default_factory=PageSetup)
    title: str = "SalesDesk"


def render_job(
    db: Database,
    job: PackJob,
    device: QPagedPaintDevice,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Render ``job`` onto ``device`` in the calling thread; returns the page count.

    ``progress(done, total)`` is called after each sheet; ``cancelled()`` returning True
    stops before the next one (the pages drawn so far stay on the device).
    """
    service = SheetService(db)
    renderer = SheetRenderer(device)
    try:
        if job.day is not None and job.compact:
            entries = service.call_list(job.day, include_overdue=job.include_overdue)
            renderer.add_call_list(entries, job.day)
            if progress is not None:
                progress(1, 1)
            return renderer.pages
        ids = list(job.prospect_ids)
        if job.day is not None:
            ids = [
                e.prospect_id
                for e in service.call_list(job.day, include_overdue=job.include_overdue)
            ]
            if not ids:  # nothing due: say so on paper rather than print nothing
                renderer.add_call_list([], job.day)
        for n, pid in enumerate(ids, start=1):
            if cancelled is not None and cancelled():
                break
            renderer.add_sheet(service.sheet(pid))
            if progress is not None:
                progress(n, len(ids))
        return renderer.pages
    finally:
        renderer.finish()


class PackWorker(QObject):
    """Renders a job into a PDF file or onto a printer, yielding to the event loop
    between sheets. Mirrors the QThread API the dialog uses (start, finished,
    requestInterruption, isRunning, wait)."""

    progressed = Signal(int, int)
    succeeded = Signal(int)  # pages
    failed = Signal(str)
    finished = Signal()

    def __init__(
        self,
        db: Database,
        job: PackJob,
        pdf_path: Path | None = None,
        printer: QPrinter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.job = job
        self.pdf_path = pdf_path
        self.printer = printer
        self.was_cancelled = False
        self._interrupted = False
        self._running = False
        ensure_font()

    def start(self) -> None:
        # Begin from the event loop, so callers can connect to the signals first.
        self._running = True
        QTimer.singleShot(0, self.run)

    def requestInterruption(self) -> None:
        self._interrupted = True

    def isInterruptionRequested(self) -> bool:
        return self._interrupted

    def isRunning(self) -> bool:
        return self._running

    def wait(self) -> bool:
        while self._running:
            QCoreApplication.processEvents()
        return True

    def _progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)
        QCoreApplication.processEvents()  # keep the window (and Cancel) responsive

    def run(self) -> None:
        from salesdesk.ui.sheet_render import pdf_writer

        try:
            device: QPagedPaintDevice
            if self.pdf_path is not None:
                device = pdf_writer(self.pdf_path, self.job.setup, self.job.title)
            else:
                assert self.printer is not None
                device = self.printer
            pages = render_job(
                self.db,
                self.job,
                device,
                progress=self._progress,
                cancelled=self.isInterruptionRequested,
            )
            del device  # the PDF is complete once the writer is gone
            if self.isInterruptionRequested():
                self.was_cancelled = True
                if self.pdf_path is not None:
                    self.pdf_path.unlink(missing_ok=True)  # half a pack is no pack
                elif self.printer is not None:
                    self.printer.abort()
            else:
                self.succeeded.emit(pages)
        except Exception as exc:  # reported to the rep, never swallowed
            self.failed.emit(str(exc))
        finally:
            self._running = False
            self.finished.emit()


class SheetDialog(QDialog):
    """Options and the three ways out: preview, print, save as PDF."""

    def __init__(
        self,
        services: Services,
        prospect_id: str | None = None,
        company: str = "",
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.prospect_id = prospect_id
        self.company = company
        self.worker: PackWorker | None = None
        self.progress: QProgressDialog | None = None
        self.last_pages = 0
        daily = prospect_id is None
        self.setWindowTitle(
            self.tr("Print day's call list") if daily else self.tr("Print call sheet")
        )
        form = QFormLayout()
        if not daily:
            name = QLabel(company)
            name.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(self.tr("Prospect:"), name)
        self.day_edit = QDateEdit()
        self.day_edit.setCalendarPopup(True)
        chosen = day or services.clock().astimezone().date()
        self.day_edit.setDate(QDate(chosen.year, chosen.month, chosen.day))
        self.overdue_check = QCheckBox(self.tr("Include overdue follow-ups"))
        self.overdue_check.setChecked(True)
        self.layout_combo = QComboBox()
        self.layout_combo.addItem(self.tr("Compact table"), True)
        self.layout_combo.addItem(self.tr("One sheet per prospect"), False)
        self.count_label = QLabel()
        if daily:
            form.addRow(self.tr("Day:"), self.day_edit)
            form.addRow("", self.overdue_check)
            form.addRow(self.tr("Layout:"), self.layout_combo)
            form.addRow("", self.count_label)
            self.day_edit.dateChanged.connect(self._count)
            self.overdue_check.toggled.connect(self._count)
        self.paper_combo = QComboBox()
        self.paper_combo.addItem(self.tr("A4"), False)
        self.paper_combo.addItem(self.tr("Letter"), True)
        form.addRow(self.tr("Paper:"), self.paper_combo)
        self.font_warning = QLabel(
            self.tr(
                "The Japanese font (IPA P Gothic) was not found: Japanese text may print "
                "as boxes. Install fonts-ipafont-gothic."
            )
        )
        self.font_warning.setWordWrap(True)
        self.font_warning.setVisible(not font_available())

        buttons = QDialogButtonBox()
        self.preview_button = QPushButton(self.tr("Pre&view…"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        for button in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.font_warning)
        lay.addWidget(buttons)
        if daily:
            self._count()

    # -- what to print -------------------------------------------------------------------
    def day(self) -> date:
        d = self.day_edit.date()
        return date(d.year(), d.month(), d.day())

    def job(self) -> PackJob:
        setup = PageSetup(letter=bool(self.paper_combo.currentData()))
        if self.prospect_id is not None:
            return PackJob([self.prospect_id], setup=setup, title=self.company)
        compact = bool(self.layout_combo.currentData())
        setup.landscape = compact  # the table needs the width; sheets are portrait
        return PackJob(
            day=self.day(),
            compact=compact,
            include_overdue=self.overdue_check.isChecked(),
            setup=setup,
            title=self.tr("Call list for {0}").format(self.day().isoformat()),
        )

    def _count(self) -> None:
        n = SheetService(self.services.db).count_calls(
            self.day(), include_overdue=self.overdue_check.isChecked()
        )
        self.count_label.setText(self.tr("%n prospect(s) to call", "", n))

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        job = self.job()
        job.setup.apply(printer)
        printer.setDocName(job.title)
        return printer

    # -- the three ways out -----------------------------------------------------------------
    def preview(self) -> None:
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(lambda p: render_job(self.services.db, self.job(), p))
        dialog.exec()

    def print_(self) -> None:
        printer = self._printer()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self._start(PackWorker(self.services.db, self.job(), printer=printer, parent=self))

    def save_pdf(self, path: str | None = None) -> None:
        if path is None:
            default = Path.home() / (self._file_stem() + ".pdf")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), str(default), self.tr("PDF files (*.pdf)")
            )
            if not path:
                return
        self._start(PackWorker(self.services.db, self.job(), pdf_path=Path(path), parent=self))

    def _file_stem(self) -> str:
        if self.prospect_id is None:
            return f"call-list-{self.day().isoformat()}"
        safe = "".join(c for c in self.company if c.isalnum() or c in " -_").strip()
        return f"call-sheet-{safe or self.prospect_id[:8]}"

    def _start(self, worker: PackWorker) -> None:
        self.worker = worker
        progress = QProgressDialog(self.tr("Preparing the sheets…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowTitle(self.windowTitle())
        progress.setMinimumDuration(300)  # a single sheet finishes before it shows
        progress.canceled.connect(worker.requestInterruption)
        self.progress = progress
        worker.progressed.connect(self._on_progress)
        worker.succeeded.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(progress.reset)
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(False)
        worker.finished.connect(self._on_finished)
        worker.start()

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.setLabelText(self.tr("Sheet {0} of {1}…").format(done, total))

    def _on_done(self, pages: int) -> None:
        self.last_pages = pages

    def _on_failed(self, message: str) -> None:
        QMessageBox.warning(
            self,
            self.tr("Not printed"),
            self.tr("The sheets could not be printed or saved.\n\nDetails: {0}").format(message),
        )

    def _on_finished(self) -> None:
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(True)

    def done(self, result: int) -> None:
        # Closing while a pack renders: stop it and wait, so no thread outlives the dialog.
        if self.worker is not None and self.worker.isRunning():
            self.worker.requestInterruption()
            self.worker.wait()
        super().done(result)
