"""Japanese and English ship together: the window speaks the chosen language."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QToolBar
from pytestqt.qtbot import QtBot

from salesdesk.config import Paths, Settings, resource_path
from salesdesk.core.db import Database
from salesdesk.core.records import ProspectInput
from salesdesk.core.services import Services
from salesdesk.ui.app import Controller
from salesdesk.ui.i18n import Translations, pick_language
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.prospect_model import ProspectTableModel

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module", autouse=True)
def _catalogue() -> None:
    """The .qm files are build output; build them if this checkout has not yet."""
    if not resource_path("translations", "salesdesk_en.qm").exists():
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=True
        )


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    tr = Translations(qapp)
    yield tr
    tr.install("en")  # leave English for the other tests


def headers(win: MainWindow) -> list[str]:
    model = win.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_japanese_locale_picks_japanese_and_others_english() -> None:
    assert (
        pick_language("system", QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)) == "ja"
    )
    assert pick_language("system", QLocale(QLocale.Language.German)) == "en"
    assert pick_language("en", QLocale(QLocale.Language.Japanese)) == "en"
    assert pick_language("ja", QLocale(QLocale.Language.English)) == "ja"


def test_the_window_in_japanese(qtbot: QtBot, db: Database, translations: Translations) -> None:
    assert translations.install("ja")
    services = Services.create(db)
    services.prospects.create(ProspectInput("山田工業", "ヤマダコウギョウ"))
    win = MainWindow(services, Settings())
    qtbot.addWidget(win)
    assert headers(win) == ["会社名", "フリガナ", "段階", "関係強度", "最終接触", "次回フォロー"]
    assert win.model.index(0, ProspectTableModel.COL_STAGE).data() == "リード"
    assert win.count_label.text() == "見込み客 1 件"
    assert win.log_call_action.text() == "通話を記録(&L)…"
    # Qt's own buttons follow too.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "キャンセル"


def test_the_japanese_toolbar_shows_no_shortcut_letters(
    qtbot: QtBot, db: Database, translations: Translations
) -> None:
    assert translations.install("ja")
    services = Services.create(db)
    services.prospects.create(ProspectInput("大隅設備合同会社", "オオスミセツビ"))
    win = MainWindow(services, Settings())
    qtbot.addWidget(win)
    toolbar = win.findChild(QToolBar, "mainToolbar")
    shown = {a.iconText() for a in toolbar.actions() if not a.isSeparator()}
    assert "通話を記録" in shown and "見込み客を追加" in shown
    assert not any("(" in text or "&" in text for text in shown), shown
    win.select_prospect(win.model.id_at(0))
    win.delete_action.trigger()
    assert win.undo_action.iconText() == "元に戻す 「大隅設備合同会社」を削除"


def test_the_window_in_english(qtbot: QtBot, db: Database, translations: Translations) -> None:
    assert translations.install("en")
    win = MainWindow(Services.create(db), Settings())
    qtbot.addWidget(win)
    assert headers(win)[0] == "Company"
    assert win.count_label.text() == "0 prospects"  # English plurals, not "(s)"
    win.services.prospects.create(ProspectInput(company="越後精工"))
    win._reload()
    qtbot.waitUntil(lambda: win.count_label.text() == "1 prospect")


def test_english_plural_forms_follow_the_count(translations: Translations) -> None:
    from PySide6.QtCore import QCoreApplication

    assert translations.install("en")

    def tr(context: str, source: str, n: int) -> str:
        return QCoreApplication.translate(context, source, "", n)

    question = "%n question(s) or worry(ies) still unanswered."
    assert tr("DealText", question, 1) == "1 question or worry still unanswered."
    assert tr("DealText", question, 2) == "2 questions or worries still unanswered."
    assert tr("Reminders", "%n reminder(s) due now", 3) == "3 reminders due now"
    assert tr("MainWindow", "%n of %1 prospect(s)", 1) == "1 of %1 prospects"
    translations.install("ja")  # and back: Japanese has its own catalogue
    assert tr("Reminders", "%n reminder(s) due now", 3) != "3 reminders due now"


def test_switching_language_in_settings_rebuilds_the_window(
    qtbot: QtBot,
    db: Database,
    paths: Paths,
    translations: Translations,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    translations.install("en")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    services = Services.create(db)
    pid = services.prospects.create(ProspectInput("佐藤商事", "サトウショウジ"))
    controller = Controller(app, paths, services, Settings(), translations)
    old = controller.window
    qtbot.addWidget(old)
    old.load_list()
    old.select_prospect(pid)

    from salesdesk.ui import settings_dialog

    def choose_japanese(self: settings_dialog.SettingsDialog) -> int:
        self.language.setCurrentIndex(self.language.findData("ja"))
        return 1

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", choose_japanese)
    controller.open_settings()
    new = controller.window
    qtbot.addWidget(new)
    assert new is not old
    assert headers(new)[0] == "会社名"
    assert new.current_id() == pid  # the rep stays on the same prospect
    assert Settings.load(paths).language == "ja"


def test_plural_messages_are_translated_in_every_context(translations: Translations) -> None:
    """Counts read in Japanese wherever they are built (QObject.tr or translate())."""
    assert translations.install("ja")
    from PySide6.QtCore import QCoreApplication

    from salesdesk.core.relationship import Suggestion
    from salesdesk.ui.relationship_text import suggestion_reason

    assert QCoreApplication.translate("Safety", "%n call(s)", "", 12) == "通話 12 件"
    reason = suggestion_reason(Suggestion("multi_contact", 3, "contacts_known", {"count": 3}))
    assert reason == "この会社で把握している担当者: 3 人"


def test_settings_counts_read_as_numbers_do(
    qtbot: QtBot, paths: Paths, translations: Translations
) -> None:
    from salesdesk.ui.settings_dialog import SettingsDialog

    translations.install("en")
    dialog = SettingsDialog(Settings(), paths)
    qtbot.addWidget(dialog)
    dialog.follow_up_days.setValue(1)
    assert dialog.follow_up_days.text() == "1 working day"
    dialog.follow_up_days.setValue(3)
    assert dialog.follow_up_days.text() == "3 working days"
    translations.install("ja")
    japanese = SettingsDialog(Settings(), paths)
    qtbot.addWidget(japanese)
    japanese.complaint_days.setValue(5)
    assert japanese.complaint_days.text() == "5 日間連絡がなければ"
