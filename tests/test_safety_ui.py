"""What the rep sees when storage goes wrong, and the autosaved call draft.

Disk full (max_page_count) and a file locked by another process: a clear message, the
dialog keeps its text, nothing partial is written. The draft survives a crash and comes
back. Start-up: corrupt file, read-only folder, synced folder, failed migration. The
restore dialog. Text the rep typed is never HTML.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from salesdesk.config import Paths, Settings
from salesdesk.core import backup as backup_mod
from salesdesk.core import schema as schema_mod
from salesdesk.core.backup import AUTO, backup_database, list_backups
from salesdesk.core.db import Database
from salesdesk.core.drafts import DraftStore
from salesdesk.core.enums import Channel, InteractionKind
from salesdesk.core.records import CallInput, NextStep, ProspectInput
from salesdesk.core.schema import open_database
from salesdesk.core.services import Services
from salesdesk.ui import app as app_mod
from salesdesk.ui import startup_dialogs
from salesdesk.ui.call_dialog import CallDialog
from salesdesk.ui.detail_panel import DetailPanel
from salesdesk.ui.restore_dialog import RestoreDialog

T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
FIXTURES = Path(__file__).parent / "fixtures" / "schema"


@dataclass
class Boxes:
    """Every QMessageBox.warning/critical/information/question, with canned answers."""

    texts: list[str] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes

    def __call__(self, _parent: QWidget | None, _title: str, text: str, *_rest: Any) -> Any:
        self.texts.append(text)
        return self.answer


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    fake = Boxes()
    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, fake)
    return fake


@pytest.fixture
def services(db: Database) -> Services:
    return Services.create(db)


@pytest.fixture
def yamada(services: Services) -> str:
    return services.prospects.create(ProspectInput("山田工業", "ヤマダコウギョウ"))


def _dialog(qtbot: QtBot, services: Services, pid: str, paths: Paths | None = None) -> CallDialog:
    record = services.prospects.get(pid)
    dlg = CallDialog(
        pid,
        record.company,
        record.contacts,
        None,
        services.calls.open_follow_ups(pid),
        on_save=services.calls.log_call,
        draft=DraftStore(paths.data_dir).slot(pid) if paths is not None else None,
    )
    qtbot.addWidget(dlg, before_close_func=lambda d: d.done(0))
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _type_call(dlg: CallDialog, notes: str = "来月の展示会にも興味あり") -> None:
    dlg.summary.setText("価格表を送付")
    dlg.notes.setPlainText(notes)
    dlg.next_what.setText("展示会の招待状")


def _save(dlg: CallDialog) -> None:
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _rows(db: Database) -> tuple[int, int]:
    with db.raw_read() as conn:
        calls = conn.execute("SELECT count(*) FROM interaction").fetchone()[0]
        follow_ups = conn.execute("SELECT count(*) FROM follow_up").fetchone()[0]
    return calls, follow_ups


# -- disk full / locked: clear message, text kept, nothing partial -------------------------
def test_disk_full_keeps_the_text_says_so_and_writes_nothing(
    qtbot: QtBot, services: Services, yamada: str, db: Database, boxes: Boxes
) -> None:
    with db.raw_write() as conn:  # the writer connection the call will use
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    before = _rows(db)
    dlg = _dialog(qtbot, services, yamada)
    big_note = "議事録：" + "長い商談メモ。" * 20000  # needs far more than two pages
    _type_call(dlg, notes=big_note)
    _save(dlg)

    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    assert (dlg.summary.text(), dlg.notes.toPlainText(), dlg.next_what.text()) == (
        "価格表を送付",
        big_note,
        "展示会の招待状",
    )
    assert len(boxes.texts) == 1 and "The disk is full" in boxes.texts[0]
    assert "Your text is still here" in boxes.texts[0]
    assert dlg.storage_message.isVisible()
    assert dlg.storage_message.text().startswith("The disk is full")
    assert _rows(db) == before  # neither the call nor its follow-up
    assert dlg.saved_input is None

    # Space freed: the same dialog saves on the next press.
    with db.raw_write() as conn:
        conn.execute("PRAGMA max_page_count = 1073741823")
    _save(dlg)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert _rows(db) == (before[0] + 1, before[1] + 1)
    assert not dlg.storage_message.isVisible()


def test_file_locked_by_another_process_keeps_the_text_and_says_so(
    qtbot: QtBot, services: Services, yamada: str, db: Database, boxes: Boxes
) -> None:
    assert db.path is not None
    with db.raw_write() as conn:  # wait 50 ms instead of the usual 5 s before giving up
        conn.execute("PRAGMA busy_timeout = 50")
    dlg = _dialog(qtbot, services, yamada)
    _type_call(dlg)
    other = sqlite3.connect(db.path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        _save(dlg)
        assert dlg.isVisible()
        assert len(boxes.texts) == 1
        assert "Another program is using SalesDesk's data file" in boxes.texts[0]
        assert dlg.summary.text() == "価格表を送付" and dlg.next_what.text() == "展示会の招待状"
        assert "Another program" in dlg.storage_message.text()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _rows(db) == (0, 0)
    _save(dlg)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert _rows(db) == (1, 1)


# -- the autosaved draft ----------------------------------------------------------------
def test_typed_text_is_autosaved_and_offered_back_after_a_crash(
    qtbot: QtBot, services: Services, yamada: str, paths: Paths
) -> None:
    dlg = _dialog(qtbot, services, yamada, paths)
    draft_file = DraftStore(paths.data_dir).path_for(yamada)
    _type_call(dlg)
    dlg.channel.setCurrentIndex(dlg.channel.findData(Channel.VISIT))
    dlg.small_yes.setChecked(True)
    qtbot.waitUntil(draft_file.exists, timeout=3000)  # debounced: written after a pause
    if os.name == "posix":
        assert stat.S_IMODE(draft_file.stat().st_mode) == 0o600
    # "Crash": the dialog never closes, so nothing removes the draft. A new dialog
    # (next start) gets everything back.
    again = _dialog(qtbot, services, yamada, paths)
    assert again.summary.text() == "価格表を送付"
    assert again.notes.toPlainText() == "来月の展示会にも興味あり"
    assert again.next_what.text() == "展示会の招待状"
    assert again.channel.currentData() == Channel.VISIT
    assert again.small_yes.isChecked()
    assert again.draft_keeper is not None and again.draft_keeper.notice.isVisible()
    assert "had not saved" in again.draft_keeper.notice.text()
    # Saving it removes the draft; the call is stored.
    _save(again)
    assert again.result() == QDialog.DialogCode.Accepted
    assert not draft_file.exists()
    assert services.calls.count_calls(yamada) == 1


def test_discarding_the_call_removes_its_draft(
    qtbot: QtBot, services: Services, yamada: str, paths: Paths, boxes: Boxes
) -> None:
    boxes.answer = QMessageBox.StandardButton.Discard  # "Discard changes?" -> Discard
    dlg = _dialog(qtbot, services, yamada, paths)
    _type_call(dlg)
    dlg.draft_keeper.save_now()  # type: ignore[union-attr]
    assert DraftStore(paths.data_dir).load(yamada) is not None
    dlg.reject()
    assert not dlg.isVisible()
    assert DraftStore(paths.data_dir).load(yamada) is None


def test_a_draft_is_not_lost_when_the_save_fails(
    qtbot: QtBot, services: Services, yamada: str, db: Database, paths: Paths
) -> None:
    with db.raw_write() as conn:
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    dlg = _dialog(qtbot, services, yamada, paths)
    _type_call(dlg, notes="x" * 50000)
    dlg.draft_keeper.save_now()  # type: ignore[union-attr]
    _save(dlg)
    assert dlg.isVisible()
    assert DraftStore(paths.data_dir).load(yamada) is not None


def test_drafts_are_offered_at_start(
    qtbot: QtBot, services: Services, yamada: str, paths: Paths, boxes: Boxes
) -> None:
    from salesdesk.ui.main_window import MainWindow

    DraftStore(paths.data_dir, clock=lambda: T0).save(yamada, {"summary": "途中の電話"})
    window = MainWindow(services, Settings())
    qtbot.addWidget(window)
    window.drafts = DraftStore(paths.data_dir)
    opened: list[str | None] = []
    window.log_call = lambda: opened.append(window.current_id())  # type: ignore[method-assign]
    boxes.answer = QMessageBox.StandardButton.Yes
    assert startup_dialogs.offer_drafts(window, DraftStore(paths.data_dir), services)
    assert len(boxes.texts) == 1 and "山田工業" in boxes.texts[0]
    assert opened == [yamada]


# -- start-up ----------------------------------------------------------------------------
def test_corrupt_file_at_start_is_moved_aside_and_the_chosen_backup_restored(
    qtbot: QtBot, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(paths.database, paths.backups, "0.1.0")
    Services.create(db).prospects.create(ProspectInput("バックアップ商事"))
    db.close()
    backup_database(paths.database, paths.backups, AUTO, T0)
    paths.database.write_bytes(os.urandom(30000))
    shown: list[str] = []

    def click_restore(box: QMessageBox) -> Any:
        shown.append(box.text())
        return next(b for b in box.buttons() if b.objectName() == "restore")

    monkeypatch.setattr(startup_dialogs, "choose", click_restore)
    assert startup_dialogs.run_startup_checks(paths, Settings()) is None
    [text] = shown
    assert "damaged" in text and "moved aside, not deleted" in text
    assert "1 prospect(s), 0 call(s)" in text or "1 prospect" in text
    import re

    aside = [p for p in paths.data_dir.iterdir() if re.fullmatch(r".*corrupt-\d{8}T\d{6}Z", p.name)]
    assert len(aside) == 1 and aside[0].stat().st_size == 30000  # moved, not deleted
    db = open_database(paths.database, paths.backups, "0.1.0")
    try:
        assert Services.create(db).listing.count() == 1
    finally:
        db.close()


def test_read_only_data_folder_stops_the_start_with_a_clear_message(
    qtbot: QtBot, tmp_path: Path, boxes: Boxes
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.name != "posix":
        pytest.skip("POSIX")
    if os.geteuid() != 0:
        folder.chmod(0o500)
    elif (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], capture_output=True
        ).returncode
        != 0
    ):
        pytest.skip("cannot make a read-only folder")
    try:
        assert app_mod.start_gui(Paths(folder), "en") == 1
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", str(folder)], check=True)
        else:
            folder.chmod(0o700)
    assert len(boxes.texts) == 1
    assert "cannot write to its data folder" in boxes.texts[0]
    assert str(folder) in boxes.texts[0]


def test_synced_folder_warning_is_shown_once(qtbot: QtBot, tmp_path: Path, boxes: Boxes) -> None:
    paths = Paths(tmp_path / "OneDrive - 山田製作所" / "SalesDesk").ensure()
    settings = Settings()
    assert startup_dialogs.run_startup_checks(paths, settings) is None
    assert len(boxes.texts) == 1 and "inside OneDrive" in boxes.texts[0]
    assert startup_dialogs.run_startup_checks(paths, Settings.load(paths)) is None
    assert len(boxes.texts) == 1  # the rep was told; not at every start


def test_failed_migration_at_start_says_the_backup_was_put_back(
    qtbot: QtBot, paths: Paths, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    shutil.copyfile(FIXTURES / "0001.sqlite3", paths.database)

    def failing(_db: object) -> None:
        raise RuntimeError("revision 0002 failed")

    monkeypatch.setattr(schema_mod, "run_migrations", failing)
    assert app_mod.start_gui(paths, "en") == 1
    assert len(boxes.texts) == 1
    assert "put back exactly as it was before the upgrade" in boxes.texts[0]
    assert "salesdesk-pre-migration-0001-" in boxes.texts[0]
    assert schema_mod.read_file_schema(paths.database).revision == "0001"


# -- backups while running, restore dialog ---------------------------------------------------
@pytest.fixture
def controller(qtbot: QtBot, paths: Paths) -> Iterator[app_mod.Controller]:
    db = open_database(paths.database, paths.backups, "0.1.0")
    services = Services.create(db)
    services.prospects.create(ProspectInput("最初の会社"))
    from PySide6.QtWidgets import QApplication

    from salesdesk.ui.i18n import Translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ctl = app_mod.Controller(app, paths, services, Settings(), Translations(app))
    qtbot.addWidget(ctl.window)
    ctl.window.show()
    qtbot.waitUntil(ctl.window.list_loaded)  # built right after its first paint
    yield ctl
    if getattr(ctl, "_backup_timer", None) is not None:
        ctl._backup_timer.stop()
    if ctl.backup_job is not None:
        ctl.backup_job.wait()
    ctl.services.db.close()


def test_folded_company_details_are_remembered_for_the_next_start(
    controller: app_mod.Controller, paths: Paths
) -> None:
    controller.window.details_action.trigger()  # View → Company details, unticked
    assert Settings.load(paths).detail_folded
    controller.window.details_action.trigger()
    assert not Settings.load(paths).detail_folded


def test_start_backup_runs_on_a_worker_only_when_something_changed(
    qtbot: QtBot, controller: app_mod.Controller, paths: Paths
) -> None:
    controller.start_safety()
    assert controller.backup_job is not None
    qtbot.waitUntil(lambda: not controller.backup_job.running)  # type: ignore[union-attr]
    assert len(list_backups(paths.backups)) == 1
    controller._back_up(timedelta(0))  # nothing changed since
    qtbot.waitUntil(lambda: not controller.backup_job.running)  # type: ignore[union-attr]
    assert len(list_backups(paths.backups)) == 1
    controller.services.prospects.create(ProspectInput("二番目の会社"))
    with qtbot.waitSignal(controller.backup_job.done):
        controller._back_up(timedelta(0))
    # A new backup with the change; rotation keeps the newest of the day.
    assert [i.prospects for i in list_backups(paths.backups)] == [2]
    message = controller.window.statusBar().currentMessage()
    assert message.startswith("Backup saved at ") and "File → Backups…" in message
    assert ".sqlite3" not in message  # the time, not the file's name


def test_a_backup_failing_its_check_is_discarded_and_reported(
    qtbot: QtBot,
    controller: app_mod.Controller,
    paths: Paths,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(backup_mod, "integrity_ok", lambda *_a, **_k: False)
    controller.start_safety()
    assert controller.backup_job is not None
    qtbot.waitUntil(lambda: len(boxes.texts) == 1)
    assert "did not pass its check and was discarded" in boxes.texts[0]
    assert list_backups(paths.backups) == []


def test_restore_dialog_lists_backups_and_the_app_reopens_on_the_restored_data(
    qtbot: QtBot, controller: app_mod.Controller, paths: Paths, boxes: Boxes
) -> None:
    backup_database(paths.database, paths.backups, AUTO, T0)
    controller.services.prospects.create(ProspectInput("後から追加"))
    from salesdesk.ui.restore_dialog import BackupJob

    dialog = RestoreDialog(paths, BackupJob(), parent=controller.window)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert cells[1:4] == ["Automatic", "1", "0"]
    assert "2026" in cells[0]
    boxes.answer = QMessageBox.StandardButton.Yes
    dialog.restore_selected()
    assert dialog.chosen is not None and len(boxes.texts) == 1
    assert "backed up first" in boxes.texts[0]

    old_window = controller.window
    assert controller.restore(dialog.chosen.path)
    assert controller.window is not old_window
    qtbot.addWidget(controller.window)
    assert controller.window.model.rowCount() == 1
    assert controller.services.listing.count() == 1
    kinds = [i.kind for i in list_backups(paths.backups)]
    assert kinds.count("pre-restore") == 1
    [pre] = [i for i in list_backups(paths.backups) if i.kind == "pre-restore"]
    assert pre.prospects == 2  # what was there before the restore is kept


def test_back_up_now_from_the_dialog(qtbot: QtBot, paths: Paths, db: Database) -> None:
    from salesdesk.ui.restore_dialog import BackupJob

    job = BackupJob()
    dialog = RestoreDialog(paths, job)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    assert dialog.table.rowCount() == 0
    with qtbot.waitSignal(job.done):
        dialog.back_up_now()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Made by you"
    # Beside the list it is in: when, without pointing to the dialog the rep is in.
    assert dialog.status.text().startswith("Backup saved at ")
    assert "Backups…" not in dialog.status.text()


# -- text is never HTML; a 10 MB note ----------------------------------------------------------
HTML = ["<b>x</b>", "<img src=x>", "<a href='http://evil'>here</a>"]


@pytest.mark.parametrize("markup", HTML)
def test_typed_text_is_never_interpreted_as_html(
    qtbot: QtBot, services: Services, markup: str
) -> None:
    pid = services.prospects.create(
        ProspectInput(company=markup, company_kana=markup, notes=markup, address=markup)
    )
    due = datetime.now(UTC) + timedelta(days=1)
    services.calls.log_call(
        CallInput(pid, summary=markup, notes=markup, next_step=NextStep(due, markup))
    )
    panel = DetailPanel()
    qtbot.addWidget(panel)
    panel.show_prospect(services.prospects.get(pid), services.calls.timeline(pid))
    shown = [lab for lab in panel.findChildren(QLabel) if markup in lab.text()]
    assert shown, "the text is not on screen at all"
    from PySide6.QtCore import Qt

    for label in shown:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    tips = []
    tree = panel.timeline
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        for col in range(tree.columnCount()):
            if item.toolTip(col):
                tips.append(item.toolTip(col))
    assert tips
    import html

    assert not [tip for tip in tips if markup in tip]  # never raw markup Qt would render
    assert [tip for tip in tips if html.escape(markup) in tip]  # shown literally


def test_a_10_mb_note_is_stored_byte_identical_and_the_list_still_works(
    services: Services, db: Database
) -> None:
    note = ("商談メモ 👨‍👩‍👧 ｶﾀｶﾅ \u202eRTL\u202c\r\n" * 400_000)[:4_400_000]
    assert len(note.encode()) >= 10 * 1024 * 1024
    pid = services.prospects.create(ProspectInput("巨大メモ株式会社", notes=note))
    call = services.calls.log_call(
        CallInput(pid, summary="長い議事録", notes=note, no_next_step=True)
    )
    assert services.prospects.get(pid).notes.encode() == note.encode()
    with db.raw_read() as conn:
        stored = conn.execute("SELECT notes FROM interaction WHERE id=?", (call,)).fetchone()[0]
    assert stored.encode() == note.encode()
    from salesdesk.core.listing import ProspectQuery

    services.prospects.create(ProspectInput("普通の会社"))
    assert services.listing.count() == 2
    assert services.prospects.list_ids(ProspectQuery(search="巨大")) == [pid]
    [entry] = services.calls.timeline(pid)
    assert entry.kind is InteractionKind.OTHER and entry.notes == note


def test_start_up_safety_keeps_sqlalchemy_off_the_first_paint() -> None:
    code = (
        "import sys; import salesdesk.ui.app, salesdesk.ui.startup_dialogs, "
        "salesdesk.core.safety, salesdesk.core.drafts; "
        "sys.exit(1 if 'sqlalchemy' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_file_menu_backups_opens_the_restore_dialog(
    qtbot: QtBot, controller: app_mod.Controller, monkeypatch: pytest.MonkeyPatch
) -> None:
    from salesdesk.ui import restore_dialog

    opened: list[int] = []
    monkeypatch.setattr(
        restore_dialog.RestoreDialog, "exec", lambda self: opened.append(self.table.rowCount()) or 0
    )
    file_menu = controller.window.menuBar().actions()[0].menu()
    [action] = [a for a in file_menu.actions() if a.text() == "&Backups…"]
    action.trigger()
    assert len(opened) == 1


def test_damage_found_by_the_background_backup_is_explained_and_checked_next_start(
    qtbot: QtBot,
    controller: app_mod.Controller,
    paths: Paths,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from salesdesk.core import safety
    from salesdesk.ui import restore_dialog

    monkeypatch.setattr(backup_mod, "integrity_ok", lambda *_a, **_k: False)
    monkeypatch.setattr(restore_dialog, "integrity_ok", lambda *_a, **_k: False)
    controller.start_safety()
    qtbot.waitUntil(lambda: len(boxes.texts) == 1)
    assert "found damage in its data file" in boxes.texts[0]
    assert (paths.data_dir / safety.FULL_CHECK_MARKER).exists()
