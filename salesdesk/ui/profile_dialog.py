"""File → My profile…: the rep's name, e-mail, company, phone and signature.

The profile starts as the one IT placed in the per-employee installer (copied into the
data folder on the first start, see ``salesdesk.profile``); here the rep corrects it.
The window title shows the rep's name, so a shared or borrowed laptop shows whose desk
it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from salesdesk import APP_NAME
from salesdesk.config import Paths
from salesdesk.core.db import StorageError
from salesdesk.profile import Profile
from salesdesk.ui.forms import FORM_STYLE, FieldErrors, save_or_explain

if TYPE_CHECKING:
    from salesdesk.ui.main_window import MainWindow


def window_title(profile: Profile) -> str:
    """``SalesDesk — 山田 太郎`` (just ``SalesDesk`` before a profile exists)."""
    return f"{APP_NAME} — {profile.name}" if profile.name else APP_NAME


def paths_of(window: MainWindow) -> Paths | None:
    """The data folder of the window's database (the profile lives beside it); None for an
    in-memory database."""
    db_path: Path | None = getattr(window.services.db, "path", None)
    return Paths(db_path.parent) if db_path is not None else None


def add_profile_action(window: MainWindow, file_menu: QMenu) -> QAction | None:
    """Put "My profile…" into ``file_menu`` and the rep's name into the window title."""
    paths = paths_of(window)
    if paths is None:
        return None
    # Also in the status bar: visible where the title bar is not (full screen, no WM).
    name_label = QLabel()
    name_label.setObjectName("profileName")
    name_label.setTextFormat(Qt.TextFormat.PlainText)
    window.statusBar().insertPermanentWidget(0, name_label)

    def show(profile: Profile) -> None:
        window.setWindowTitle(window_title(profile))
        name_label.setText(profile.name)
        name_label.setVisible(bool(profile.name))

    show(Profile.load(paths))
    action = QAction(QCoreApplication.translate("ProfileDialog", "My &profile…"), window)
    action.setObjectName("profileAction")

    def edit() -> None:
        dialog = ProfileDialog(Profile.load(paths), paths, window)
        if dialog.exec():
            show(dialog.saved or Profile.load(paths))

    action.triggered.connect(lambda _checked=False: edit())
    window.addAction(action)
    file_menu.addAction(action)
    return action


class ProfileDialog(QDialog):
    """Edits the profile; OK saves it to the data folder (nothing is saved on Cancel)."""

    def __init__(self, profile: Profile, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My profile"))
        self.setStyleSheet(FORM_STYLE)
        self.paths = paths
        self.language = profile.language
        self.saved: Profile | None = None
        self.name = QLineEdit(profile.name)
        self.email = QLineEdit(profile.email)
        self.company = QLineEdit(profile.company)
        self.phone = QLineEdit(profile.phone)
        self.signature = QPlainTextEdit(profile.signature or profile.default_signature())
        self.signature.setTabChangesFocus(True)
        self.signature.setMinimumHeight(90)
        intro = QLabel(
            self.tr("Your name and signature appear in e-mail drafts and on call sheets.")
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        self.errors = FieldErrors()
        form = QFormLayout()
        self.errors.add_row(form, self.tr("Name"), "rep_name", self.name)
        self.errors.add_row(form, self.tr("E-mail"), "email", self.email)
        form.addRow(self.tr("Company"), self.company)
        self.errors.add_row(form, self.tr("Phone"), "phone", self.phone)
        form.addRow(self.tr("Signature"), self.signature)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def profile(self) -> Profile:
        """The profile as typed."""
        return Profile(
            name=self.name.text().strip(),
            email=self.email.text().strip(),
            company=self.company.text().strip(),
            phone=self.phone.text().strip(),
            signature=self.signature.toPlainText().strip(),
            language=self.language,
        )

    def _save(self, profile: Profile) -> None:
        try:
            profile.save(self.paths)
        except OSError as exc:  # full disk, read-only folder: explained like a DB write
            raise StorageError(str(exc)) from exc

    def accept(self) -> None:
        profile = self.profile()
        if save_or_explain(self, self.errors, profile, self._save):
            self.saved = profile
            super().accept()
