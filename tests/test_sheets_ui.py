"""Printing from the window and the command line: the dialog, the pack runner, `salesdesk sheet`."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QProcess, QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from salesdesk.cli import build_parser, main
from salesdesk.config import Paths
from salesdesk.core.db import Database
from salesdesk.core.records import CallInput, ContactInput, NextStep, ProspectInput
from salesdesk.core.services import Services
from salesdesk.ui.i18n import Translations
from salesdesk.ui.sheet_dialog import ExportProcess, PackWorker, SheetDialog, sheet_command
from salesdesk.ui.sheet_render import PackJob, PageSetup, partial_path

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
NOW = datetime.now(UTC)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    yield
    Translations(qapp).install("en")  # the CLI installs the language it prints in


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(ln for ln in out.stdout.splitlines() if ln.startswith("Pages:")).split()[1])


def due_prospects(services: Services, n: int) -> list[str]:
    ids = []
    for k in range(n):
        pid = services.prospects.create(ProspectInput(f"得意先{k:02d}"))
        services.prospects.add_contact(pid, ContactInput(f"担当{k:02d}"))
        services.calls.log_call(
            CallInput(
                pid,
                "前回の訪問",
                occurred_at=NOW - timedelta(days=7),
                next_step=NextStep(NOW - timedelta(days=1, minutes=k), f"用件{k:02d}"),
            )
        )
        ids.append(pid)
    return ids


def test_cli_writes_a_sheet_and_a_day_list(
    paths: Paths, db: Database, tmp_path: Path, english: None
) -> None:
    services = Services(db)
    pid = due_prospects(services, 3)[0]
    db.close()
    out = tmp_path / "sheet.pdf"
    base = ["--data-dir", str(paths.data_dir), "sheet"]
    assert main([*base, "--prospect", pid[:8], "--pdf", str(out), "--lang", "ja"]) == 0
    text = pdf_text(out)
    assert "得意先00" in text and "担当00" in text
    assert "共感的関係" in text  # Japanese dimension names
    day = NOW.astimezone().date().isoformat()
    listing = tmp_path / "day.pdf"
    args = [*base, "--day", day, "--pdf", str(listing), "--compact", "--lang", "en"]
    assert main(args) == 0
    text = pdf_text(listing)
    assert all(f"得意先{k:02d}" in text and f"用件{k:02d}" in text for k in range(3))
    assert "Overdue" in text and pages(listing) == 1
    pack = tmp_path / "pack.pdf"
    assert main([*base, "--day", day, "--pdf", str(pack), "--lang", "en"]) == 0
    assert pages(pack) == 3  # one simple sheet each
    assert main([*base, "--prospect", "zzzz", "--pdf", str(out)]) == 2
    assert main([*base, "--day", "27/11/2026", "--pdf", str(out)]) == 2


def test_dialog_saves_a_day_pack_in_a_child_process_while_the_window_keeps_running(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    services = Services(db)
    due_prospects(services, 12)
    dialog = SheetDialog(services)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    assert "12" in dialog.count_label.text()
    dialog.layout_combo.setCurrentIndex(1)  # one sheet per prospect
    out = tmp_path / "pack.pdf"
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    dialog.save_pdf(str(out))
    worker = dialog.worker
    assert isinstance(worker, ExportProcess)  # the rendering happens in the child
    seen: list[tuple[int, int]] = []
    worker.progressed.connect(lambda done, total: seen.append((done, total)))
    assert not dialog.pdf_button.isEnabled()  # no second export on top of this one
    with qtbot.waitSignal(worker.finished, timeout=30000):
        pass
    timer.stop()
    assert seen == [(k, 12) for k in range(13)]  # every sheet reported, in order
    assert dialog.last_pages == 12 == pages(out)
    assert not partial_path(out).exists()
    assert dialog.pdf_button.isEnabled()
    # The event loop ran all along: the timer kept firing with no long gap.
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) >= 10 and max(gaps) < 0.25, (len(ticks), max(gaps))


def test_cancel_kills_the_export_and_leaves_no_half_file(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    services = Services(db)
    due_prospects(services, 40)
    dialog = SheetDialog(services)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.layout_combo.setCurrentIndex(1)
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"%PDF- yesterday's pack")  # an older file of the same name
    dialog.save_pdf(str(out))
    worker = dialog.worker
    assert isinstance(worker, ExportProcess)
    half_written: list[bool] = []

    def cancel_after_first_sheet(done: int, total: int) -> None:
        if done == 1 and not half_written:
            half_written.append(partial_path(out).exists())
            assert dialog.progress is not None
            cancel = dialog.progress.findChild(QPushButton)
            assert cancel is not None and cancel.text() == "Cancel"
            cancel.click()  # the rep presses Cancel

    worker.progressed.connect(cancel_after_first_sheet)
    with qtbot.waitSignal(worker.finished, timeout=30000):
        pass
    assert half_written == [True]  # the child was writing when it was stopped
    assert worker.was_cancelled
    assert worker.process.state() == QProcess.ProcessState.NotRunning
    assert not partial_path(out).exists()
    assert out.read_bytes() == b"%PDF- yesterday's pack"  # untouched
    assert dialog.error_box is None  # cancelling is not an error
    assert dialog.pdf_button.isEnabled()


def test_export_errors_are_shown_and_nothing_is_written(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    services = Services(db)
    due_prospects(services, 4)
    dialog = SheetDialog(services)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.layout_combo.setCurrentIndex(1)
    gone = tmp_path / "removed-folder" / "pack.pdf"  # e.g. a USB stick taken out
    dialog.save_pdf(str(gone))
    assert dialog.worker is None and dialog.error_box is not None  # said before starting
    assert dialog.error_box.text() == "The sheets could not be printed or saved."
    assert f"The folder {gone.parent} does not exist." in dialog.error_box.informativeText()
    dialog.error_box.close()
    taken = tmp_path / "taken.pdf"
    taken.mkdir()  # a folder where the file should go: the child refuses
    dialog.save_pdf(str(taken))
    assert isinstance(dialog.worker, ExportProcess)
    with qtbot.waitSignal(dialog.worker.finished, timeout=30000):
        pass
    box = dialog.error_box
    assert box is not None and box.isVisible()
    details = box.informativeText()
    assert "The PDF export ended with error 2." in details
    assert "is a folder" in details  # the child's own reason
    assert f"Nothing was saved to {taken}." in details
    assert taken.is_dir() and not any(tmp_path.glob("*.part"))
    assert dialog.pdf_button.isEnabled()
    box.close()


def test_an_export_that_cannot_start_says_so(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = Services(db)
    due_prospects(services, 4)
    dialog = SheetDialog(services)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.layout_combo.setCurrentIndex(1)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-such-python"))
    out = tmp_path / "pack.pdf"
    dialog.save_pdf(str(out))
    assert isinstance(dialog.worker, ExportProcess)
    with qtbot.waitSignal(dialog.worker.finished, timeout=30000):
        pass
    assert dialog.error_box is not None
    assert "The PDF export could not be started." in dialog.error_box.informativeText()
    assert not out.exists() and dialog.pdf_button.isEnabled()
    dialog.error_box.close()


def test_a_single_sheet_is_saved_in_the_window(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    services = Services(db)
    pid = due_prospects(services, 1)[0]
    dialog = SheetDialog(services, pid, "得意先00")
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    out = tmp_path / "one.pdf"
    dialog.save_pdf(str(out))
    assert isinstance(dialog.worker, PackWorker)  # quicker than starting a process
    with qtbot.waitSignal(dialog.worker.finished, timeout=20000):
        pass
    assert dialog.last_pages == 1 == pages(out)
    assert not partial_path(out).exists()


@pytest.mark.parametrize("frozen", [False, True])
def test_the_child_command_line_works_from_source_and_frozen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, frozen: bool
) -> None:
    if frozen:  # PyInstaller: sys.executable is SalesDesk itself
        monkeypatch.setattr(sys, "frozen", True, raising=False)
    job = PackJob(
        day=date(2026, 11, 27), include_overdue=False, setup=PageSetup(letter=True), limit=9
    )
    command = sheet_command(tmp_path, job, tmp_path / "out.pdf", "ja")
    program, args = (command[:1], command[1:]) if frozen else (command[:3], command[3:])
    assert program == ([sys.executable] if frozen else [sys.executable, "-m", "salesdesk"])
    parsed = build_parser().parse_args(args)  # what salesdesk.cli.main will see
    assert (parsed.data_dir, parsed.command, parsed.day) == (str(tmp_path), "sheet", "2026-11-27")
    assert (parsed.no_overdue, parsed.letter, parsed.limit, parsed.compact) == (
        True,
        True,
        9,
        False,
    )
    assert (parsed.pdf, parsed.sheet_lang, parsed.progress) == (
        str(tmp_path / "out.pdf"),
        "ja",
        True,
    )
    ids = sheet_command(tmp_path, PackJob(["a1", "b2"]), tmp_path / "o.pdf", "en")
    assert build_parser().parse_args(ids[1 if frozen else 3 :]).prospect == ["a1", "b2"]


def test_cli_progress_lines_for_programs(
    paths: Paths, db: Database, tmp_path: Path, english: None, capsys: pytest.CaptureFixture[str]
) -> None:
    services = Services(db)
    ids = due_prospects(services, 3)
    db.close()
    base = ["--data-dir", str(paths.data_dir), "sheet"]
    out = tmp_path / "pack.pdf"
    day = NOW.astimezone().date().isoformat()
    assert main([*base, "--day", day, "--pdf", str(out), "--progress"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:5] == ["0/3", "1/3", "2/3", "3/3", "pages 3"]
    assert main([*base, "--prospect", ids[2][:8], ids[0][:8], "--pdf", str(out)]) == 0
    assert "2 call sheets, 2 pages" in capsys.readouterr().out
    text = pdf_text(out)
    assert text.index("得意先02") < text.index("得意先00")  # in the order asked for


def test_single_sheet_dialog_names_the_prospect(qtbot: QtBot, db: Database) -> None:
    services = Services(db)
    pid = services.prospects.create(ProspectInput("<b>x</b> 工業"))
    dialog = SheetDialog(services, pid, "<b>x</b> 工業")
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    assert dialog.job().prospect_ids == [pid]
    dialog.paper_combo.setCurrentIndex(1)
    assert dialog.job().setup.letter


def test_cancel_while_the_child_is_starting_still_stops_it(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    services = Services(db)
    due_prospects(services, 5)
    dialog = SheetDialog(services)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.layout_combo.setCurrentIndex(1)
    out = tmp_path / "pack.pdf"
    dialog.save_pdf(str(out))
    worker = dialog.worker
    assert isinstance(worker, ExportProcess)
    worker.requestInterruption()  # at once, before the child has even started
    with qtbot.waitSignal(worker.finished, timeout=30000):
        pass
    assert worker.was_cancelled and not out.exists() and not partial_path(out).exists()
