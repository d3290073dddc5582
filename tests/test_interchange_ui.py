"""The import wizard and the export dialog, driven as a rep would (offscreen)."""

from __future__ import annotations

import csv
import multiprocessing
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from salesdesk.config import Paths, Settings
from salesdesk.core.backup import backup_counts
from salesdesk.core.db import Database
from salesdesk.core.listing import ProspectQuery
from salesdesk.core.prospects import ProspectService
from salesdesk.core.records import ContactInput, ProspectInput
from salesdesk.core.services import Services
from salesdesk.ui.export_dialog import ExportDialog
from salesdesk.ui.import_wizard import ImportWizard
from salesdesk.ui.main_window import MainWindow

FIXTURES = Path(__file__).parent / "fixtures" / "interchange"


def _counts(db: Database) -> tuple[object, ...]:
    conn = db.reader()
    tables = [
        conn.execute(f"SELECT count(*), max(rowid) FROM {t}").fetchone()
        for t in ("prospect", "contact", "prospect_fts")
    ]
    return (*tables, conn.execute("SELECT max(updated_at), sum(version) FROM prospect").fetchone())


def _wizard(qtbot: QtBot, db: Database, paths: Paths, file: Path) -> ImportWizard:
    wizard = ImportWizard(db, paths.data_dir)
    qtbot.addWidget(wizard, before_close_func=lambda w: w.done(0))
    wizard.show()
    wizard.file_page.path_edit.setText(str(file))
    return wizard


def test_wizard_imports_a_cp932_excel_file_with_a_duplicate_skipped(
    qtbot: QtBot, db: Database, paths: Paths, prospects: ProspectService
) -> None:
    existing = prospects.create(ProspectInput(company="越後精工", phone="0258-12-3456"))
    wizard = _wizard(qtbot, db, paths, FIXTURES / "excel_cp932.csv")
    wizard.next()
    assert wizard.currentId() == ImportWizard.FORMAT
    assert wizard.format_page.encoding.currentData() == "cp932"
    assert wizard.format_page.preview.item(0, 0).text() == "株式会社越後精工①"
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING
    fields = [c.currentData() for c in wizard.mapping_page.combos]
    assert fields[:3] == ["company", "company_kana", "phone"]
    wizard.next()
    check = wizard.check_page
    qtbot.waitUntil(lambda: check.summary is not None, timeout=10_000)
    assert check.isComplete()  # no invalid rows: nothing to tick
    assert _counts(db)[0][0] == 1  # the check was a dry run
    wizard.next()
    assert wizard.currentId() == ImportWizard.DUPLICATES
    dup = wizard.duplicates_page
    assert dup.table.rowCount() == 1
    assert dup.table.item(0, 2).text() == "越後精工"
    dup.combos[0].setCurrentIndex(dup.combos[0].findData("skip"))
    with qtbot.waitSignal(wizard.imported_rows, timeout=10_000):
        wizard.next()
        qtbot.waitUntil(lambda: wizard.run_page.done, timeout=10_000)
        assert wizard.run_page.summary is not None
        assert (wizard.run_page.summary.imported, wizard.run_page.summary.skipped) == (2, 1)
        told = wizard.run_page.status.text()
        assert "New prospects: 2" in told
        assert "Matching rows skipped as you chose: 1" in told
        assert "not valid" not in told  # outcomes that did not happen are not listed
        wizard.accept()
    assert prospects.get(existing).email == ""  # skipped: untouched
    assert prospects.count() == 3
    # The list as it was before is one backup away, and the summary says where.
    [backup] = paths.backups.glob("salesdesk-pre-import-*.sqlite3")
    assert backup_counts(backup) == (1, 0)
    assert "File → Backups…" in wizard.run_page.status.text()
    # The mapping is remembered for the next file with these columns.
    assert (paths.data_dir / "import_mappings.json").exists()


def test_cancelling_the_import_writes_nothing(
    qtbot: QtBot, db: Database, paths: Paths, prospects: ProspectService, tmp_path: Path
) -> None:
    prospects.create(ProspectInput(company="既存の会社"))
    path = tmp_path / "big.csv"
    with path.open("w", encoding="cp932", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["会社名", "電話番号"])
        writer.writerows([f"株式会社テスト{i}①", f"03-{i:04d}-0000"] for i in range(6000))
    before = _counts(db)
    wizard = _wizard(qtbot, db, paths, path)
    for _ in range(3):
        wizard.next()
    qtbot.waitUntil(lambda: wizard.check_page.summary is not None, timeout=20_000)
    wizard.next()
    assert wizard.currentId() == ImportWizard.RUN
    wizard.run_page.request_cancel()  # before the first batch is written
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=20_000)
    assert wizard.run_page.summary is None
    assert "cancelled" in wizard.run_page.status.text()
    assert _counts(db) == before
    # Nothing changed, so the backup taken before the import is not left behind.
    assert not list(paths.backups.glob("salesdesk-pre-import-*"))


def test_wizard_through_the_worker_process_cancels_then_imports(
    qtbot: QtBot,
    db: Database,
    paths: Paths,
    prospects: ProspectService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from salesdesk.core.interchange import importer

    # Big files are read by a worker process; this one is made to go that way too.
    monkeypatch.setattr(importer, "uses_worker", lambda *args: True)
    prospects.create(ProspectInput(company="既存の会社"))
    path = tmp_path / "big.csv"
    with path.open("w", encoding="cp932", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["会社名", "電話番号"])
        writer.writerows([f"株式会社テスト{i}①", f"03-{i:04d}-0000"] for i in range(3000))
    before = _counts(db)
    for cancel in (True, False):
        wizard = _wizard(qtbot, db, paths, path)
        for _ in range(3):
            wizard.next()
        qtbot.waitUntil(lambda w=wizard: w.check_page.summary is not None, timeout=20_000)
        assert wizard.check_page.summary.imported == 3000  # type: ignore[union-attr]
        wizard.next()
        assert wizard.currentId() == ImportWizard.RUN
        if cancel:
            wizard.run_page.request_cancel()
        qtbot.waitUntil(lambda w=wizard: w.run_page.done, timeout=20_000)
        assert multiprocessing.active_children() == []  # the worker is gone either way
        if cancel:
            assert wizard.run_page.summary is None
            assert "cancelled" in wizard.run_page.status.text()
            assert _counts(db) == before
        else:
            assert wizard.run_page.summary is not None
            assert wizard.run_page.summary.imported == 3000
            assert wizard.run_page.bar.value() == 1000
            assert prospects.count() == 3001


def test_wizard_lists_invalid_rows_and_needs_the_skip_box(
    qtbot: QtBot, db: Database, paths: Paths
) -> None:
    wizard = _wizard(qtbot, db, paths, FIXTURES / "outlook_contacts.csv")
    for _ in range(3):
        wizard.next()
    check = wizard.check_page
    qtbot.waitUntil(lambda: check.summary is not None, timeout=10_000)
    assert check.problems.rowCount() == 1
    assert check.problems.item(0, 1).text() == "Lee & Co"
    assert "e-mail" in check.problems.item(0, 2).text()
    assert not check.isComplete()
    check.skip.setChecked(True)
    assert check.isComplete()
    wizard.next()  # no duplicates: straight to the import
    assert wizard.currentId() == ImportWizard.RUN
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=10_000)
    told = wizard.run_page.status.text()
    # The invalid row is told once, as left out, not also as a skip the rep chose.
    assert "Rows not valid, left out: 1" in told
    assert "skipped as you chose" not in told


def test_closing_the_wizard_as_the_import_commits_still_refreshes_the_list(
    qtbot: QtBot, db: Database, paths: Paths, tmp_path: Path
) -> None:
    path = tmp_path / "one.csv"
    path.write_text("会社名\n新しい会社\n", encoding="utf-8")
    wizard = _wizard(qtbot, db, paths, path)
    for _ in range(3):
        wizard.next()
    qtbot.waitUntil(lambda: wizard.check_page.summary is not None, timeout=10_000)
    wizard.next()
    worker = wizard.run_page.worker
    assert wizard.currentId() == ImportWizard.RUN and worker is not None
    worker.wait()  # committed; its "done" signal not yet handled when the rep presses Esc
    with qtbot.waitSignal(wizard.imported_rows, timeout=2000):
        wizard.reject()


def test_binary_file_is_refused_on_the_first_page(
    qtbot: QtBot, db: Database, paths: Paths, tmp_path: Path
) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    wizard = _wizard(qtbot, db, paths, path)
    wizard.next()
    assert wizard.currentId() == ImportWizard.FILE
    assert "not a CSV file" in wizard.file_page.error.text()
    # An Excel 97-2003 file (or a workbook saved with a password) is told how to fix it.
    old = tmp_path / "顧客.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    wizard.file_page.path_edit.setText(str(old))
    wizard.next()
    assert wizard.currentId() == ImportWizard.FILE
    assert "older Excel file (.xls)" in wizard.file_page.error.text()


def test_format_page_lets_the_rep_pick_the_sheet_and_the_rows_above_the_header(
    qtbot: QtBot, db: Database, paths: Paths, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    notes = wb.active
    notes.title = "メモ"
    notes.append(["今月の目標", "10 件"])
    customers = wb.create_sheet("顧客")
    customers.append(["顧客リスト 2026年"])
    customers.append([])
    customers.append(["会社名", "電話番号"])
    customers.append(["越後精工", "0258-12-3456"])
    wb.active = 0  # saved while the rep looked at the notes
    path = tmp_path / "顧客.xlsx"
    wb.save(path)
    wizard = _wizard(qtbot, db, paths, path)
    wizard.next()
    page = wizard.format_page
    assert page.sheet.isVisibleTo(page) and not page.encoding.isVisibleTo(page)
    assert [page.sheet.itemText(i) for i in range(page.sheet.count())] == ["メモ", "顧客"]
    assert page.sheet.currentText() == "顧客"  # the sheet with the list, not the notes
    assert page.skip.value() == 2  # the title and the blank row
    assert page.preview.horizontalHeaderItem(0).text() == "会社名"
    page.skip.setValue(0)  # the rep says otherwise: the title becomes the header
    assert page.preview.horizontalHeaderItem(0).text() == "顧客リスト 2026年"
    page.sheet.setCurrentIndex(page.sheet.findData("メモ"))
    assert page.skip.value() == 0
    assert page.preview.horizontalHeaderItem(0).text() == "今月の目標"
    page.sheet.setCurrentIndex(page.sheet.findData("顧客"))
    assert page.skip.value() == 2  # found anew for that sheet
    wizard.next()
    assert wizard.fmt.sheet == "顧客" and wizard.fmt.skip_rows == 2
    assert wizard.mapping_page.combos[0].currentData() == "company"


def test_a_name_split_in_two_columns_is_joined_family_name_first(
    qtbot: QtBot, db: Database, paths: Paths, tmp_path: Path
) -> None:
    path = tmp_path / "names.csv"
    path.write_text("名,姓,会社名\n太郎,山田,山田商事\n", encoding="utf-8")
    wizard = _wizard(qtbot, db, paths, path)
    wizard.next()
    wizard.next()
    names = [h for h, f in wizard.mapping_page.mapping() if f == "contact_name"]
    assert names == ["姓", "名"]  # whatever the file's column order


def test_format_page_hides_the_sheet_for_a_csv(qtbot: QtBot, db: Database, paths: Paths) -> None:
    wizard = _wizard(qtbot, db, paths, FIXTURES / "excel_cp932.csv")
    wizard.next()
    page = wizard.format_page
    assert not page.sheet.isVisibleTo(page) and page.encoding.isVisibleTo(page)
    assert page.skip.value() == 0 and page.skip.isEnabled()


BUSINESS_CARDS = """BEGIN:VCARD
VERSION:3.0
N:山田;太郎;;;
FN:山田 太郎
ORG:山田商事株式会社;営業部
TITLE:部長
TEL;TYPE=WORK,VOICE:03-1111-2222
EMAIL;TYPE=INTERNET,WORK:taro@yamada.example.jp
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Smith;John;;;
FN:John Smith
ORG:Smith Trading Ltd.
TITLE:Sales Manager
TEL;TYPE=CELL:090-2222-3333
EMAIL:john@smith-trading.example.com
END:VCARD
"""


def _cards(tmp_path: Path) -> Path:
    path = tmp_path / "名刺.vcf"
    path.write_text(BUSINESS_CARDS, encoding="utf-8")
    return path


def _row_shown(page: QWidget, field: QWidget) -> bool:
    """The form row of ``field`` (its label too) is on the page."""
    label = page.form.labelForField(field)  # type: ignore[attr-defined]
    shown = field.isVisibleTo(page)
    assert label is None or label.isVisibleTo(page) == shown
    return shown


def test_a_vcard_shows_field_names_and_no_csv_controls_and_imports(
    qtbot: QtBot, db: Database, paths: Paths, prospects: ProspectService, tmp_path: Path
) -> None:
    wizard = _wizard(qtbot, db, paths, _cards(tmp_path))
    wizard.next()
    page = wizard.format_page
    assert wizard.currentId() == ImportWizard.FORMAT
    # Only the encoding can matter for cards: no delimiter, rows to skip or header row.
    assert _row_shown(page, page.encoding)
    for control in (page.delimiter, page.skip, page.header, page.sheet):
        assert not _row_shown(page, control)
    # The preview names the columns as the rep's fields, not SalesDesk's internal names.
    shown = [page.preview.horizontalHeaderItem(c).text() for c in range(page.preview.columnCount())]
    assert shown[:4] == ["Company", "Company reading (kana)", "Contact department", "Contact name"]
    assert "contact_department" not in shown
    assert page.preview.item(0, 0).text() == "山田商事株式会社"
    wizard.next()
    mapping = wizard.mapping_page
    assert wizard.currentId() == ImportWizard.MAPPING
    assert not mapping.preset.isVisibleTo(mapping)  # no "SalesDesk export" preset for cards
    assert mapping.title() == "What is imported from the cards"
    assert "read as they are" in mapping.subTitle()
    assert mapping.table.horizontalHeaderItem(0).text() == "In the card"
    assert mapping.table.item(2, 0).text() == "Contact department"
    assert mapping.table.item(2, 1).text() == "営業部"
    assert [c.currentData() for c in mapping.combos[:4]] == [
        "company", "company_kana", "contact_department", "contact_name"
    ]  # fmt: skip
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check_page.summary is not None, timeout=10_000)
    assert wizard.check_page.summary.imported == 2  # type: ignore[union-attr]
    with qtbot.waitSignal(wizard.imported_rows, timeout=10_000):
        wizard.next()
        assert wizard.currentId() == ImportWizard.RUN
        qtbot.waitUntil(lambda: wizard.run_page.done, timeout=10_000)
        assert "New prospects: 2" in wizard.run_page.status.text()
        wizard.accept()
    [pid] = prospects.list_ids(ProspectQuery(search="山田商事"))
    record = prospects.get(pid)
    assert record.company == "山田商事株式会社"
    [contact] = record.contacts
    assert (contact.name, contact.title, contact.department) == ("山田 太郎", "部長", "営業部")
    assert (contact.phone, contact.email) == ("03-1111-2222", "taro@yamada.example.jp")


def test_a_csv_after_a_vcard_has_its_controls_and_presets_back(
    qtbot: QtBot, db: Database, paths: Paths, tmp_path: Path
) -> None:
    wizard = _wizard(qtbot, db, paths, _cards(tmp_path))
    wizard.next()
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING
    wizard.back()
    wizard.back()
    wizard.file_page.path_edit.setText(str(FIXTURES / "excel_cp932.csv"))
    wizard.next()
    page = wizard.format_page
    for control in (page.encoding, page.delimiter, page.skip, page.header):
        assert _row_shown(page, control) and control.isEnabled()
    assert page.preview.horizontalHeaderItem(0).text() == "会社名"  # the file's own name
    wizard.next()
    mapping = wizard.mapping_page
    assert mapping.preset.isVisibleTo(mapping)
    assert mapping.title() == "Which column is which"
    assert mapping.table.horizontalHeaderItem(0).text() == "Column"
    assert mapping.table.item(0, 0).text() == "会社名"


def _services_with_data(db: Database) -> Services:
    services = Services(db)
    p = services.prospects
    a = p.create(ProspectInput(company="越後精工", notes="=cmd|' /C calc'!A0"))
    p.add_contact(a, ContactInput(name="佐藤 😀"))
    p.create(ProspectInput(company="信州物産"))
    return services


def test_export_dialog_exports_the_current_filter(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = _services_with_data(db)
    dialog = ExportDialog(services, ProspectQuery(search="越後"))
    qtbot.addWidget(dialog)
    assert dialog.filtered.isChecked() and "(1)" in dialog.filtered.text()
    out = tmp_path / "list.csv"
    asked: list[str] = []

    def question(_parent: QWidget, _title: str, text: str, *_rest: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp932"))
    dialog.start(dialog.job(out))
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=10_000)
    assert asked and "😀" in asked[0]  # reported, then written as "?" on the rep's Yes
    assert "Row 2, Contact name: 😀" in asked[0]  # where, in the rep's words
    with out.open(encoding="cp932", newline="") as fh:
        rows = list(csv.reader(fh))
    assert [r[1] for r in rows[1:]] == ["越後精工"]
    assert rows[1][9].startswith("'=")  # inert formula
    assert rows[1][10] == "佐藤 ?"


def test_export_dialog_shows_progress_and_cancel_stops_it(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    from salesdesk.core.demo import generate_demo

    generate_demo(db, 1500, seed=5)
    dialog = ExportDialog(Services(db), ProspectQuery())
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "exports" / "list.xlsx"
    out.parent.mkdir()
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    dialog.start(dialog.job(out))
    worker = dialog.worker
    assert worker is not None
    # The bar turns from "busy" to how far the export is once the export says so.
    qtbot.waitUntil(lambda: dialog.bar.maximum() == 1000 and dialog.bar.value() > 0)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert worker.isFinished()  # stopped before the dialog went away
    assert dialog.written is None
    assert list(out.parent.iterdir()) == []  # no file, no partial copy


def test_export_dialog_json_and_ics(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    services = _services_with_data(db)
    for kind in ("json", "ics", "xlsx"):
        dialog = ExportDialog(services, ProspectQuery())
        qtbot.addWidget(dialog)
        dialog.format.setCurrentIndex(dialog.format.findData(kind))
        assert dialog.encoding.isEnabled() is False
        out = tmp_path / f"x.{kind}"
        dialog.start(dialog.job(out))
        qtbot.waitUntil(lambda d=dialog: d.written is not None, timeout=10_000)
        assert out.stat().st_size > 0
        assert str(out) in dialog.told
    assert "Exported 0 calendar events" in told_for(services, "ics", tmp_path)
    assert "Exported everything (" in told_for(services, "json", tmp_path)


def told_for(services: Services, kind: str, folder: Path) -> str:
    dialog = ExportDialog(services, ProspectQuery())
    dialog.format.setCurrentIndex(dialog.format.findData(kind))
    dialog.start(dialog.job(folder / f"again.{kind}"))
    dialog.worker.wait()  # type: ignore[union-attr]
    QApplication.processEvents()
    told = dialog.told
    dialog.deleteLater()
    return told


def test_the_window_says_what_an_export_wrote(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    window = MainWindow(_services_with_data(db), Settings())
    qtbot.addWidget(window)
    window.show()
    out = tmp_path / "list.csv"

    def export_when_open() -> None:  # inside the dialog's own event loop (exec)
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ExportDialog):
            dialog.start(dialog.job(out))
        else:
            QTimer.singleShot(10, export_when_open)

    QTimer.singleShot(0, export_when_open)
    window.export_action.trigger()
    assert out.exists()
    told = window.statusBar().currentMessage()
    assert told == f"Exported 2 prospects (2 rows) to {out}"


def test_file_menu_has_import_and_export(qtbot: QtBot, db: Database) -> None:
    window = MainWindow(Services(db), Settings())
    qtbot.addWidget(window)
    assert window.import_action.text() == "&Import…"
    assert window.export_action.text() == "E&xport…"
    shortcuts = [window.import_action.shortcut(), window.export_action.shortcut()]
    assert [k.toString() for k in shortcuts] == ["Ctrl+I", "Ctrl+E"]
    # No other action of the window answers to them.
    others = [a.shortcut().toString() for a in window.findChildren(QAction)]
    assert others.count("Ctrl+I") == 1 and others.count("Ctrl+E") == 1
    file_menu = window.menuBar().actions()[0].menu()
    assert window.import_action in file_menu.actions()  # type: ignore[union-attr]


_KEEP: list[QMimeData] = []  # an event does not own its data: keep it alive


def _drag(kind: QEvent.Type, files: list[Path], at: QWidget) -> QDropEvent:
    mime = QMimeData()
    _KEEP.append(mime)
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    pos = QPointF(at.rect().center())
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    if kind == QEvent.Type.DragEnter:
        return QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, buttons, mods)
    return QDropEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods)


def test_a_list_dropped_on_the_window_opens_the_import_at_its_format(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    window = MainWindow(Services(db), Settings())
    qtbot.addWidget(window)
    window.show()
    target = window.centralWidget()
    other = tmp_path / "photo.png"
    other.write_bytes(b"\x89PNG")
    refused = _drag(QEvent.Type.DragEnter, [other], target)
    QApplication.sendEvent(target, refused)
    assert not refused.isAccepted()  # not a list: the window says no while dragging
    two = _drag(QEvent.Type.DragEnter, [FIXTURES / "excel_cp932.csv"] * 2, target)
    QApplication.sendEvent(target, two)
    assert not two.isAccepted()  # one file at a time

    seen: dict[str, object] = {}

    def look() -> None:  # runs inside the wizard's own event loop (exec)
        wizard = QApplication.activeModalWidget()
        if isinstance(wizard, ImportWizard) and wizard.currentId() == ImportWizard.FORMAT:
            seen["path"] = wizard.path
            seen["encoding"] = wizard.format_page.encoding.currentData()
            wizard.reject()
        else:
            QTimer.singleShot(10, look)

    entering = _drag(QEvent.Type.DragEnter, [FIXTURES / "excel_cp932.csv"], target)
    QApplication.sendEvent(target, entering)
    assert entering.isAccepted()
    QTimer.singleShot(0, look)
    QApplication.sendEvent(target, _drag(QEvent.Type.Drop, [FIXTURES / "excel_cp932.csv"], target))
    qtbot.waitUntil(lambda: "path" in seen, timeout=10_000)
    assert seen == {"path": FIXTURES / "excel_cp932.csv", "encoding": "cp932"}


def test_a_list_dropped_on_the_first_page_fills_the_path(
    qtbot: QtBot, db: Database, paths: Paths
) -> None:
    wizard = ImportWizard(db, paths.data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    entering = _drag(QEvent.Type.DragEnter, [FIXTURES / "contacts.vcf"], page)
    QApplication.sendEvent(page, entering)
    assert entering.isAccepted()
    QApplication.sendEvent(page, _drag(QEvent.Type.Drop, [FIXTURES / "contacts.vcf"], page))
    assert page.path_edit.text() == str(FIXTURES / "contacts.vcf")
    assert page.isComplete()


def test_a_full_export_is_restored_from_the_wizard_after_a_backup(
    qtbot: QtBot, db: Database, paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from salesdesk.core.interchange.dump import export_dump

    services = _services_with_data(db)
    dump = tmp_path / "all.json"
    export_dump(db, dump)
    services.prospects.create(ProspectInput(company="後から足した会社"))
    boxes: list[str] = []

    def answer(kind: str, reply: object):  # type: ignore[no-untyped-def]
        def show(_parent: QWidget, _title: str, text: str, *_rest: object) -> object:
            boxes.append(kind)
            return reply

        return show

    monkeypatch.setattr(QMessageBox, "question", answer("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", answer("information", None))
    monkeypatch.setattr(QMessageBox, "warning", answer("warning", None))
    wizard = _wizard(qtbot, db, paths, dump)
    with qtbot.waitSignal(wizard.imported_rows):
        wizard.next()
    assert boxes == ["question", "information"]
    assert services.listing.count() == 2  # as exported: the later prospect is gone
    assert list(paths.backups.glob("*pre-restore*"))
    assert not wizard.isVisible()  # closed, and not asking to restore a second time
    qtbot.wait(50)
    assert boxes == ["question", "information"]


def test_a_full_restore_shows_progress_and_cancel_changes_nothing(
    qtbot: QtBot, db: Database, paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    from typing import Any

    from PySide6.QtCore import QMetaObject, QThread

    from salesdesk.core.demo import generate_demo
    from salesdesk.core.interchange import dump as dump_module
    from salesdesk.core.interchange.dump import export_dump

    generate_demo(db, 400, seed=2)  # thousands of rows: several progress steps
    dump = tmp_path / "all.json"
    export_dump(db, dump)
    services = Services(db)
    services.prospects.create(ProspectInput(company="後から足した会社"))
    before = _counts(db)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **_k: warned.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **_k: warned.append(a[2]))
    wizard = _wizard(qtbot, db, paths, dump)
    real_import = dump_module.import_dump
    steps: list[int] = []

    def import_then_cancel(*args: Any, progress: Any = None, **kwargs: Any) -> object:
        def step(done: int, total: int) -> None:
            steps.append(done)
            if len(steps) == 1:  # the rep presses the progress dialog's Cancel now
                dialog = wizard.findChild(QProgressDialog, "restoreProgress")
                button = dialog.findChild(QPushButton)
                QMetaObject.invokeMethod(button, "click", Qt.ConnectionType.QueuedConnection)
                worker = QThread.currentThread()
                for _ in range(1000):  # until the window's thread has handled it
                    if worker.isInterruptionRequested():
                        break
                    threading.Event().wait(0.01)
            progress(done, total)

        return real_import(*args, progress=step, **kwargs)

    monkeypatch.setattr(dump_module, "import_dump", import_then_cancel)
    wizard.next()
    qtbot.waitUntil(lambda: bool(steps) and wizard.restore_worker is None, timeout=20_000)
    qtbot.wait(20)
    assert _counts(db) == before  # cancelled: rolled back whole
    assert warned == []  # a cancel is no error, and nothing was "restored"
    assert not list(paths.backups.glob("*pre-restore*"))  # nothing changed: no backup kept
    assert wizard.isVisible() and wizard.currentId() == ImportWizard.FILE


def test_interchange_libraries_stay_off_the_window_start(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from salesdesk.config import Settings\n"
        "from salesdesk.core.schema import open_database\n"
        "from salesdesk.core.services import Services\n"
        "from salesdesk.ui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        f"db = open_database(Path({str(tmp_path / 's.sqlite3')!r}), Path({str(tmp_path / 'b')!r}),"
        " 'x')\n"
        "w = MainWindow(Services(db), Settings())\n"
        "heavy = ('openpyxl', 'icalendar', 'salesdesk.core.interchange.importer',"
        " 'salesdesk.ui.export_dialog')\n"
        "print([m for m in heavy if m in sys.modules])\n"
        "db.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_progress_of_a_file_over_2_gb_reaches_the_bar_as_thousandths(qtbot: QtBot) -> None:
    from salesdesk.ui.import_wizard import StepWorker

    worker = StepWorker()
    told: list[tuple[int, int]] = []
    worker.progressed.connect(lambda done, total: told.append((done, total)))
    worker.step(3_000_000_000, 4_000_000_000)  # bytes of a big export: beyond a 32-bit int
    worker.step(4_000_000_000, 4_000_000_000)
    assert told == [(750, 1000), (1000, 1000)]
