"""Print or save call sheets: one prospect's sheet, or the day's call list.

Preview (QPrintPreviewDialog) renders in the GUI thread: it shows what will print. A
print run, and a PDF of a single sheet or a short list, runs as a :class:`PackWorker`:
one sheet at a time from the event loop (a sheet takes ~16 ms), with a progress dialog
that can cancel it.

A pack saved as PDF — a day's sheets, or more than a few sheets — runs as an
:class:`ExportProcess`: a child process running ``salesdesk sheet --progress``, whose
``done/total`` lines feed the progress dialog, so the window does no rendering at all
while it runs. Cancel kills the child and removes its unfinished ``.part`` file; the
PDF appears under its name only when complete.

Why not a thread: the first version laid out the sheets' QTextDocuments in a QThread and
deadlocked now and then (the worker inside text layout, the GUI thread stuck in its event
loop); text layout stays in a GUI thread — the window's, or the child's.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QObject,
    QProcess,
    QProcessEnvironment,
    Qt,
    QTimer,
    Signal,
)
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
from salesdesk.ui.screen_fit import fit_to_screen
from salesdesk.ui.sheet_render import (
    PackJob,
    PageSetup,
    ensure_font,
    font_available,
    partial_path,
    render_job,
)

if TYPE_CHECKING:
    from salesdesk.core.services import Services

__all__ = ["ExportProcess", "PackJob", "PackWorker", "SheetDialog", "render_job", "sheet_command"]

#: A PDF of more sheets than this (or any day's one-sheet-each pack) is made by a child
#: process; fewer are quicker in the window than starting one (~16 ms a sheet).
IN_WINDOW_SHEETS = 3
#: A compact day list of more rows than this is made by a child process too.
IN_WINDOW_LIST_ROWS = 60
#: How much of the child's error output a message shows.
ERROR_CHARS = 600
_PROGRESS = re.compile(r"^(\d+)/(\d+)$")
_PAGES = re.compile(r"^pages (\d+)$")


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
                device = pdf_writer(partial_path(self.pdf_path), self.job.setup, self.job.title)
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
                if self.printer is not None and self.pdf_path is None:
                    self.printer.abort()
            else:
                if self.pdf_path is not None:
                    os.replace(partial_path(self.pdf_path), self.pdf_path)
                self.succeeded.emit(pages)
        except Exception as exc:  # reported to the rep, never swallowed
            self.failed.emit(str(exc))
        finally:
            if self.pdf_path is not None:  # half a pack is no pack
                partial_path(self.pdf_path).unlink(missing_ok=True)
            self._running = False
            self.finished.emit()


def sheet_command(data_dir: Path, job: PackJob, out: Path, language: str) -> list[str]:
    """The command line of the child that writes ``job`` to ``out`` (program first).

    From source that is ``python -m salesdesk``; in a frozen bundle ``sys.executable``
    is SalesDesk itself, whose entry point is the same :func:`salesdesk.cli.main`.
    """
    frozen = getattr(sys, "frozen", False)
    program = [sys.executable] if frozen else [sys.executable, "-m", "salesdesk"]
    args = ["--data-dir", str(data_dir), "sheet"]
    if job.day is not None:
        args += ["--day", job.day.isoformat()]
        if job.compact:
            args.append("--compact")
        if not job.include_overdue:
            args.append("--no-overdue")
        if job.limit:
            args += ["--limit", str(job.limit)]
    else:
        args += ["--prospect", *job.prospect_ids]
    args += ["--pdf", str(out), "--lang", language, "--progress"]
    if job.setup.letter:
        args.append("--letter")
    return program + args


class ExportProcess(QObject):
    """Saves a job as PDF through a child ``salesdesk sheet --progress`` process.

    The same signals and calls as :class:`PackWorker`. Progress comes from the child's
    ``done/total`` lines; its error output and exit code become the failure message.
    """

    progressed = Signal(int, int)
    succeeded = Signal(int)  # pages
    failed = Signal(str)
    finished = Signal()

    def __init__(
        self,
        data_dir: Path,
        job: PackJob,
        pdf_path: Path,
        language: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.job = job
        self.pdf_path = pdf_path
        self.command = sheet_command(data_dir, job, pdf_path, language)
        self.was_cancelled = False
        self.pages = 0
        self._out = b""
        self._err = b""
        self._running = False
        self.process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        if sys.platform != "win32":  # no window, no display connection, no Dock icon
            env.insert("QT_QPA_PLATFORM", "offscreen")
        env.insert("PYTHONIOENCODING", "utf-8")
        env.insert("PYTHONUNBUFFERED", "1")
        self.process.setProcessEnvironment(env)
        self.process.readyReadStandardOutput.connect(self._read_output)
        self.process.readyReadStandardError.connect(self._read_errors)
        self.process.started.connect(self._on_started)
        self.process.finished.connect(self._on_finished)
        self.process.errorOccurred.connect(self._on_error)

    def start(self) -> None:
        self._running = True
        self.process.start(self.command[0], self.command[1:])

    def requestInterruption(self) -> None:
        """Cancel: stop the child at once (its unfinished file is removed when it is gone)."""
        if self._running and not self.was_cancelled:
            self.was_cancelled = True
            self.process.kill()

    def isRunning(self) -> bool:
        return self._running

    def wait(self) -> bool:
        while self._running:
            self.process.waitForFinished(100)
            QCoreApplication.processEvents()
        return True

    def _on_started(self) -> None:
        if self.was_cancelled:  # in case Cancel came before there was a process to kill
            self.process.kill()

    def _read_output(self) -> None:
        self._out += bytes(self.process.readAllStandardOutput().data())
        *lines, self._out = self._out.split(b"\n")
        for raw in lines:
            line = raw.decode("utf-8", "replace").strip()
            if m := _PROGRESS.match(line):
                self.progressed.emit(int(m[1]), int(m[2]))
            elif m := _PAGES.match(line):
                self.pages = int(m[1])

    def _read_errors(self) -> None:
        self._err = (self._err + bytes(self.process.readAllStandardError().data()))[-8192:]

    def _details(self) -> str:
        """The child's own words: its "error:" lines, else the last line it wrote."""
        text = self._err.decode("utf-8", "replace")
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        errors = [ln.removeprefix("error:").strip() for ln in lines if ln.startswith("error:")]
        details = "\n".join(errors) if errors else (lines[-1] if lines else "")
        return details[-ERROR_CHARS:]

    def _on_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read_output()
        self._read_errors()
        if status == QProcess.ExitStatus.NormalExit and code == 0:
            self.was_cancelled = False  # it was complete before Cancel reached it
            self.succeeded.emit(self.pages)
        elif self.was_cancelled:
            pass
        elif status == QProcess.ExitStatus.CrashExit:
            self.failed.emit(
                self._message(self.tr("The PDF export stopped unexpectedly."), self._details())
            )
        elif code == 1:  # salesdesk.cli.EXIT_FAILED: the file could not be written
            self.failed.emit(
                self._message(self.tr("The PDF could not be written."), self._details())
            )
        else:
            self.failed.emit(
                self._message(
                    self.tr("The PDF export ended with error {0}.").format(code), self._details()
                )
            )
        self._done()

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error != QProcess.ProcessError.FailedToStart:
            return  # a crash or a kill also ends in finished()
        self.failed.emit(
            self._message(
                self.tr("The PDF export could not be started."), self.process.errorString()
            )
        )
        self._done()

    @staticmethod
    def _message(what: str, details: str) -> str:
        return what + (f"\n\n{details}" if details else "")

    def _done(self) -> None:
        if not self._running:
            return
        partial_path(self.pdf_path).unlink(missing_ok=True)  # there only if unfinished
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
        self.worker: PackWorker | ExportProcess | None = None
        self.progress: QProgressDialog | None = None
        self.error_box: QMessageBox | None = None
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
        fit_to_screen(dialog, 1180, 900)  # Qt's default is too small to read a sheet
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
        job = self.job()
        target = Path(path)
        if not target.parent.is_dir():  # e.g. a USB stick taken out since it was chosen
            self._show_error(self.tr("The folder {0} does not exist.").format(str(target.parent)))
            return
        db_path = self.services.db.path
        if db_path is not None and self._is_pack(job):
            language = "ja" if QLocale().language() == QLocale.Language.Japanese else "en"
            self._start(ExportProcess(db_path.parent, job, target, language, parent=self))
        else:
            self._start(PackWorker(self.services.db, job, pdf_path=target, parent=self))

    def _is_pack(self, job: PackJob) -> bool:
        """Whether saving ``job`` is long enough to hand to a child process."""
        if job.day is None:
            return len(job.prospect_ids) > IN_WINDOW_SHEETS
        if not job.compact:
            return True  # a day's sheets: as many as are due, each a page or two
        rows = SheetService(self.services.db).count_calls(
            job.day, include_overdue=job.include_overdue
        )
        return rows > IN_WINDOW_LIST_ROWS

    def _file_stem(self) -> str:
        if self.prospect_id is None:
            return f"call-list-{self.day().isoformat()}"
        safe = "".join(c for c in self.company if c.isalnum() or c in " -_").strip()
        return f"call-sheet-{safe or self.prospect_id[:8]}"

    def _start(self, worker: PackWorker | ExportProcess) -> None:
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
            if done:
                self.progress.setLabelText(self.tr("Sheet {0} of {1}…").format(done, total))

    def _on_done(self, pages: int) -> None:
        self.last_pages = pages

    def _on_failed(self, message: str) -> None:
        details = message
        if isinstance(self.worker, ExportProcess):
            details += "\n\n" + self.tr("Nothing was saved to {0}.").format(
                str(self.worker.pdf_path)
            )
        self._show_error(details)

    def _show_error(self, details: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Not printed"),
            self.tr("The sheets could not be printed or saved."),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setInformativeText(details)
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.error_box = box
        box.open()  # window-modal, without a nested event loop

    def _on_finished(self) -> None:
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(True)

    def done(self, result: int) -> None:
        # Closing while a pack renders: stop it and wait, so no child outlives the dialog.
        if self.worker is not None and self.worker.isRunning():
            self.worker.requestInterruption()
            self.worker.wait()
        super().done(result)
