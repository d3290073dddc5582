"""Save screenshots of SalesDesk's main screens, to look at them before calling them done.

    xvfb-run -a -s "-screen 0 1280x800x24" python scripts/screenshots.py OUT_DIR [--lang ja|en]

Fills a temporary data dir with demo data, opens the real window and its dialogs and
saves each as a PNG in OUT_DIR (with QT_QPA_PLATFORM=xcb under Xvfb, or offscreen).
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from salesdesk.config import Paths, resolve_paths
from salesdesk.core.demo import generate_demo
from salesdesk.core.records import ProspectInput
from salesdesk.core.schema import open_database
from salesdesk.ui.app import Controller, start_gui
from salesdesk.ui.call_dialog import CallDialog
from salesdesk.ui.prospect_dialog import ContactDialog, ProspectDialog
from salesdesk.ui.settings_dialog import SettingsDialog


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def _save(widget: QWidget, out: Path, name: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    _settle(app)
    widget.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def _with_dialog(widget: QWidget, out: Path, name: str, prepare: Callable[[], None]) -> None:
    widget.show()
    prepare()
    _save(widget, out, name)
    widget.hide()  # not close(): a dialog with typed text would ask before discarding


def _reminder_screens(started: Controller, paths: Paths, out: Path, suffix: str) -> None:
    """The day's list, a prospect's follow-ups & items tab, the item editors, a draft."""
    from salesdesk.ui.email_draft_dialog import open_email_draft
    from salesdesk.ui.item_actions import _item_input
    from salesdesk.ui.item_dialogs import ActionItemDialog, ComplaintDialog

    window, services = started.window, started.services
    window.show_today()
    _save(window, out, f"today-{suffix}")
    window.show_list()
    item = services.action_items.open_items()[0]
    window.open_prospect(item.prospect_id)
    window.detail.tabs.setCurrentIndex(1)
    _save(window, out, f"followups-items-{suffix}")
    record = services.prospects.get(item.prospect_id)
    editor = ActionItemDialog(
        record.id,
        record.company,
        record.contacts,
        item.due_at,
        initial=_item_input(services.action_items.get(item.id)),
        parent=window,
    )
    _with_dialog(editor, out, f"action-item-{suffix}", lambda: None)
    complaint = ComplaintDialog(record.id, record.company, record.contacts, parent=window)
    _with_dialog(complaint, out, f"complaint-{suffix}", lambda: None)
    for moment in ("check", "overdue"):
        draft = open_email_draft(window, services, started.settings, paths, item.id, moment)
        if draft is not None:
            _save(draft, out, f"draft-{moment}-{suffix}")
            draft.hide()
    window.detail.tabs.setCurrentIndex(0)


def _interchange_screens(started: Controller, paths: Paths, out: Path, suffix: str) -> None:
    """The import wizard page by page on a Japanese Excel CSV with a bad row and a
    company the list already has; then the export dialog."""
    import shutil

    from salesdesk.ui.export_dialog import ExportDialog
    from salesdesk.ui.import_wizard import ImportWizard

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    source = Path(__file__).resolve().parent.parent / "tests/fixtures/interchange/excel_cp932.csv"
    file = paths.data_dir / "顧客リスト.csv"
    shutil.copy(source, file)
    with file.open("a", encoding="cp932", newline="") as fh:
        fh.write("株式会社相模運輸,ｻｶﾞﾐｳﾝﾕ,045-12AB-999,sagami@,神奈川県横浜市,,,\r\n")
    services = started.services
    services.prospects.create(ProspectInput(company="越後精工", phone="0258-12-3456"))
    wizard = ImportWizard(services.db, paths.data_dir, started.window)
    wizard.resize(900, 620)
    wizard.show()
    wizard.file_page.path_edit.setText(str(file))
    _save(wizard, out, f"import-1-file-{suffix}")
    wizard.next()
    _save(wizard, out, f"import-2-format-{suffix}")
    wizard.next()
    _save(wizard, out, f"import-3-mapping-{suffix}")
    wizard.next()
    while wizard.check_page.summary is None:
        app.processEvents()
    wizard.check_page.skip.setChecked(True)
    _save(wizard, out, f"import-4-check-{suffix}")
    wizard.next()
    _save(wizard, out, f"import-5-duplicates-{suffix}")
    wizard.next()
    while not wizard.run_page.done:
        app.processEvents()
    _save(wizard, out, f"import-6-done-{suffix}")
    wizard.accept()
    # A workbook saved while the rep looked at another sheet, with a title above the list.
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "メモ"
    book.active.append(["今月の目標", "10 件"])
    sheet = book.create_sheet("顧客")
    for row in (["顧客リスト 2026年"], [], ["会社名", "電話番号", "担当者"]):
        sheet.append(row)
    sheet.append(["越後精工", "0258-12-3456", "佐藤 健一"])
    workbook = paths.data_dir / "顧客.xlsx"
    book.save(workbook)
    wizard = ImportWizard(services.db, paths.data_dir, started.window)
    wizard.resize(900, 620)
    wizard.show()
    wizard.file_page.path_edit.setText(str(workbook))
    wizard.next()
    _save(wizard, out, f"import-2-format-xlsx-{suffix}")
    wizard.reject()
    export = ExportDialog(services, started.window.model.query, started.window)
    _with_dialog(export, out, f"export-{suffix}", lambda: None)


def _deal_screens(started: Controller, out: Path, suffix: str) -> None:
    """A prospect with an open deal: its relationship and deals tabs."""
    window = started.window
    deals = window.deal_service
    deal = next(d for d in deals.all_deals() if d.is_open)
    window.open_prospect(deal.prospect_id)
    for index, name in ((2, "relationship"), (3, "deals")):
        window.detail.tabs.setCurrentIndex(index)
        _save(window, out, f"{name}-{suffix}")
        window.detail.set_folded(True)
        _save(window, out, f"{name}-folded-{suffix}")
        window.detail.set_folded(False)
    window.detail.tabs.setCurrentIndex(0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="ja", choices=["ja", "en"])
    parser.add_argument("--prospects", type=int, default=300)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="salesdesk-shots-"))
    paths = resolve_paths(data_dir).ensure()
    db = open_database(paths.database, paths.backups, "screenshots")
    generate_demo(db, args.prospects, seed=7)
    db.close()

    app = QApplication([])
    started = start_gui(paths, args.lang)
    assert isinstance(started, Controller)
    window = started.window
    _settle(app)
    suffix = args.lang
    _save(window, args.out, f"main-{suffix}")

    window.select_prospect(window.model.id_at(3))
    _save(window, args.out, f"main-selected-{suffix}")
    window.search.setText("さとう")
    _save(window, args.out, f"main-search-{suffix}")
    window.search.clear()
    _deal_screens(started, args.out, suffix)
    window.select_prospect(window.model.id_at(3))

    record = started.services.prospects.get(window.current_id() or "")
    call = CallDialog(
        record.id,
        record.company,
        record.contacts,
        started.services.calls.last_contact_id(record.id),
        started.services.calls.open_follow_ups(record.id),
        parent=window,
    )
    _with_dialog(call, args.out, f"call-{suffix}", lambda: None)
    call = CallDialog(record.id, record.company, record.contacts, None, [], parent=window)

    def refuse() -> None:
        call.summary.setText("資料を送付した" if suffix == "ja" else "Sent the brochure")
        call.accept()  # no next step: refused at the field

    _with_dialog(call, args.out, f"call-refused-{suffix}", refuse)

    prospect = ProspectDialog(parent=window)

    def bad_input() -> None:
        prospect.email.setText("taro@")
        prospect.phone.setText("03-12AB-5678")
        prospect.accept()

    _with_dialog(prospect, args.out, f"prospect-errors-{suffix}", bad_input)
    contact = ContactDialog(record.company, record.contacts[0].as_input(), parent=window)
    _with_dialog(contact, args.out, f"contact-{suffix}", lambda: None)
    settings = SettingsDialog(started.settings, paths, window)
    _with_dialog(settings, args.out, f"settings-{suffix}", lambda: None)

    _reminder_screens(started, paths, args.out, suffix)
    _interchange_screens(started, paths, args.out, suffix)

    window.delete_action.trigger()
    _save(window, args.out, f"main-undo-bar-{suffix}")
    QTimer.singleShot(0, app.quit)
    app.exec()
    started.services.db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
