"""Printing from the window and the command line: the dialog, the pack runner, `salesdesk sheet`."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from salesdesk.cli import main
from salesdesk.config import Paths
from salesdesk.core.db import Database
from salesdesk.core.records import CallInput, ContactInput, NextStep, ProspectInput
from salesdesk.core.services import Services
from salesdesk.ui.i18n import Translations
from salesdesk.ui.sheet_dialog import SheetDialog

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


def test_dialog_saves_a_day_pack_in_the_background(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    services = Services(db)
    due_prospects(services, 3)
    dialog = SheetDialog(services)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    assert "3" in dialog.count_label.text()
    dialog.layout_combo.setCurrentIndex(1)  # one sheet per prospect
    out = tmp_path / "pack.pdf"
    dialog.save_pdf(str(out))
    assert dialog.worker is not None
    with qtbot.waitSignal(dialog.worker.finished, timeout=20000):
        pass
    assert dialog.last_pages == 3 == pages(out)
    assert dialog.pdf_button.isEnabled()


def test_cancelling_a_long_pack_leaves_no_half_file(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    services = Services(db)
    due_prospects(services, 40)
    dialog = SheetDialog(services)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.layout_combo.setCurrentIndex(1)
    out = tmp_path / "pack.pdf"
    dialog.save_pdf(str(out))
    worker = dialog.worker
    assert worker is not None
    worker.progressed.connect(lambda done, total: worker.requestInterruption())
    with qtbot.waitSignal(worker.finished, timeout=30000):
        pass
    assert worker.was_cancelled
    assert not out.exists()


def test_single_sheet_dialog_names_the_prospect(qtbot: QtBot, db: Database) -> None:
    services = Services(db)
    pid = services.prospects.create(ProspectInput("<b>x</b> 工業"))
    dialog = SheetDialog(services, pid, "<b>x</b> 工業")
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    assert dialog.job().prospect_ids == [pid]
    dialog.paper_combo.setCurrentIndex(1)
    assert dialog.job().setup.letter
