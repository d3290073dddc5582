"""The rep's profile in the window: name in the title, File → My profile… edits it."""

from __future__ import annotations

from unittest.mock import patch

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from salesdesk.config import Paths, Settings
from salesdesk.core.db import Database
from salesdesk.core.services import Services
from salesdesk.profile import Profile
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.profile_dialog import ProfileDialog


def _window(qtbot: QtBot, db: Database) -> MainWindow:
    win = MainWindow(Services(db), Settings())
    qtbot.addWidget(win)
    return win


def test_title_shows_the_reps_name(qtbot: QtBot, paths: Paths, db: Database) -> None:
    Profile(name="山田 太郎", email="taro@example.co.jp").save(paths)
    win = _window(qtbot, db)
    assert win.windowTitle() == "SalesDesk — 山田 太郎"
    assert win.findChild(QLabel, "profileName").text() == "山田 太郎"


def test_without_a_profile_the_title_is_plain(qtbot: QtBot, db: Database) -> None:
    assert _window(qtbot, db).windowTitle() == "SalesDesk"


def test_my_profile_saves_and_retitles(qtbot: QtBot, paths: Paths, db: Database) -> None:
    Profile(name="山田 太郎", email="taro@example.co.jp", language="ja").save(paths)
    win = _window(qtbot, db)
    file_menu = win.menuBar().actions()[0].menu()
    assert win.profile_action in file_menu.actions()

    def fill(dialog: ProfileDialog) -> int:
        assert dialog.name.text() == "山田 太郎"
        dialog.name.setText("山田 太朗")
        dialog.phone.setText("０９０-1111-2222")
        dialog.signature.setPlainText("山田 太朗\n東京営業所")
        dialog.accept()
        return dialog.result()

    with patch.object(ProfileDialog, "exec", fill):
        win.profile_action.trigger()
    saved = Profile.load(paths)
    assert (saved.name, saved.signature, saved.language) == (
        "山田 太朗",
        "山田 太朗\n東京営業所",
        "ja",  # kept: the dialog does not edit it
    )
    assert win.windowTitle() == "SalesDesk — 山田 太朗"
    assert win.findChild(QLabel, "profileName").text() == "山田 太朗"


def test_profile_dialog_explains_a_bad_email_and_keeps_the_text(qtbot: QtBot, paths: Paths) -> None:
    dialog = ProfileDialog(Profile(name="山田 太郎"), paths)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.email.setText("taro@")
    dialog.name.setText("")
    dialog.accept()
    assert dialog.result() == 0 and dialog.saved is None
    assert dialog.errors.message("rep_name")
    assert "e-mail" in dialog.errors.message("email")
    assert dialog.email.text() == "taro@"
    assert not (paths.data_dir / "profile.json").exists()
