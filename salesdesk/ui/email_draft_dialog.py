"""The e-mail draft for a customer's action item: the friendly check before the deadline
or the reminder once it has passed (DOMAIN.md §4), in Japanese or English.

The rep reads and edits To, Subject and Body, then copies the draft or opens it in the
mail app (``mailto:``). "Edit templates…" changes the wording of all future drafts.
Others open it through :func:`open_email_draft`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.config import Paths, Settings
from salesdesk.core.action_items import ActionItem
from salesdesk.core.email_drafts import (
    BAD_BRACES,
    LANGUAGES,
    PLACEHOLDERS,
    Draft,
    DraftMoment,
    Sender,
    Template,
    TemplateError,
    TemplateStore,
    compose,
    default_template,
    render,
    values_for,
)
from salesdesk.core.validation import NotFoundError
from salesdesk.ui.forms import ERROR_STYLE

if TYPE_CHECKING:
    from salesdesk.core.services import Services

__all__ = ["EmailDraftDialog", "TemplateEditorDialog", "open_email_draft", "sender_of"]

_LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}


def sender_of(paths: Paths) -> Sender:
    """The rep as the drafts sign, from File → My profile…"""
    from salesdesk.profile import Profile

    return Sender.from_profile(Profile.load(paths))


def open_email_draft(
    parent: QWidget | None,
    services: Services,
    settings: Settings,
    paths: Paths,
    item_id: str,
    moment: DraftMoment | str,
) -> EmailDraftDialog | None:
    """Show the draft for action item ``item_id`` at ``moment`` ("check" or "overdue"), in
    the window's language; returns the (non-modal) dialog, or None when the item is gone."""
    from salesdesk.ui.i18n import current_language

    try:
        item = services.action_items.get(item_id)
    except NotFoundError:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("EmailDraft", "E-mail draft"),
            QCoreApplication.translate("EmailDraft", "This item no longer exists."),
        )
        return None
    dialog = EmailDraftDialog(
        item,
        DraftMoment(moment),
        current_language(),
        TemplateStore(paths.email_templates),
        sender_of(paths),
        parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def moment_name(moment: DraftMoment) -> str:
    if moment is DraftMoment.CHECK:
        return QCoreApplication.translate("EmailDraft", "Friendly check before the deadline")
    return QCoreApplication.translate("EmailDraft", "Reminder: the deadline has passed")


def template_error_text(exc: TemplateError) -> str:
    """What is wrong with a template, in the rep's words."""
    part = {
        "subject": QCoreApplication.translate("EmailDraft", "subject"),
        "body": QCoreApplication.translate("EmailDraft", "body"),
        "consequence": QCoreApplication.translate("EmailDraft", "consequence sentence"),
    }.get(exc.part, exc.part)
    if exc.code == BAD_BRACES:
        return QCoreApplication.translate(
            "EmailDraft",
            "A brace { or } in the %1 has no partner. Placeholders look like {item}; "
            "write {{ or }} for a brace itself.",
        ).replace("%1", part)
    return (
        QCoreApplication.translate(
            "EmailDraft", "The %1 uses {%2}, which is not a placeholder. Use one from the list."
        )
        .replace("%1", part)
        .replace("%2", exc.placeholder)
    )


def _moment_combo(current: DraftMoment) -> QComboBox:
    combo = QComboBox()
    for m in DraftMoment:
        combo.addItem(moment_name(m), m.value)
    combo.setCurrentIndex(combo.findData(current.value))
    return combo


def _language_combo(current: str) -> QComboBox:
    combo = QComboBox()
    for code in LANGUAGES:
        combo.addItem(_LANGUAGE_NAMES[code], code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class EmailDraftDialog(QDialog):
    """To, Subject and Body of one draft, editable before it is copied or sent."""

    def __init__(
        self,
        item: ActionItem,
        moment: DraftMoment,
        language: str,
        store: TemplateStore,
        sender: Sender,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.store = store
        self.rep = sender
        self.setWindowTitle(self.tr("E-mail draft — %1").replace("%1", item.company))
        self._filled: tuple[str, str] = ("", "")
        self._moment = moment
        self._language = language if language in LANGUAGES else "en"

        heading = QLabel(item.title)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        who = item.contact_name or self.tr("no contact chosen")
        facts = QLabel(f"{item.company} · {who}")
        facts.setTextFormat(Qt.TextFormat.PlainText)
        self.moment_box = _moment_combo(moment)
        self.moment_box.setAccessibleName(self.tr("Moment"))
        self.language_box = _language_combo(self._language)
        self.language_box.setAccessibleName(self.tr("Language"))
        self.to = QLineEdit(item.contact_email)
        self.to.setPlaceholderText(self.tr("No e-mail address on file: type one"))
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setMinimumSize(560, 340)
        self.notice = QLabel()
        self.notice.setObjectName("draftNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet(ERROR_STYLE)
        self.notice.hide()

        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setObjectName("copyDraft")
        self._copy_label = self.copy_button.text()
        self.copy_button.setToolTip(self.tr("Copy subject and body (Ctrl+Shift+C)"))
        self.mail_button = QPushButton(self.tr("&Open in mail app"))
        self.mail_button.setObjectName("openInMail")
        self.mail_button.setToolTip(self.tr("Open a new message in your mail app (Ctrl+Return)"))
        self.mail_button.setDefault(True)
        self.templates_button = QPushButton(self.tr("Edit &templates…"))
        close_button = QPushButton(self.tr("Close"))
        self.copy_button.clicked.connect(self.copy)
        self.mail_button.clicked.connect(self.open_in_mail)
        self.templates_button.clicked.connect(self.edit_templates)
        close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Shift+C"), self, self.copy)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, self.open_in_mail)

        choices = QHBoxLayout()
        choices.addWidget(self.moment_box, 1)
        choices.addWidget(self.language_box)
        form = QFormLayout()
        form.addRow(self.tr("To"), self.to)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Body"), self.body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.templates_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.mail_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(facts)
        layout.addLayout(choices)
        layout.addLayout(form, 1)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.resize(700, 660)

        self.fill()
        self.moment_box.currentIndexChanged.connect(self._choice_changed)
        self.language_box.currentIndexChanged.connect(self._choice_changed)
        self.body.setFocus()

    # -- filling ---------------------------------------------------------------------------
    @property
    def moment(self) -> DraftMoment:
        return self._moment

    @property
    def language(self) -> str:
        return self._language

    def draft(self) -> Draft:
        """The draft as the rep has it now (what Copy and Open in mail app send)."""
        return Draft(
            self.to.text().strip(),
            self.subject.text().strip(),
            self.body.toPlainText(),
            self._language,
        )

    def fill(self) -> None:
        """Write the template's draft into the fields (the rep's edits there are replaced)."""
        notes: list[str] = []
        try:
            draft = compose(self.item, self._moment, self._language, self.rep, self.store)
        except TemplateError as exc:
            notes.append(
                self.tr("Your edited template cannot be used, so the default wording is shown: %1")
                .replace("%1", template_error_text(exc))
            )  # fmt: skip
            draft = compose(self.item, self._moment, self._language, self.rep)
        if not self.rep.signature.strip():
            notes.append(self.tr("Add your name and signature in File → My profile…"))
        self.subject.setText(draft.subject)
        self.body.setPlainText(draft.body)
        self._filled = (draft.subject, draft.body)
        self.notice.setText("\n".join(notes))
        self.notice.setVisible(bool(notes))

    def _edited_by_hand(self) -> bool:
        return (self.subject.text(), self.body.toPlainText()) != self._filled

    def _choice_changed(self) -> None:
        moment = DraftMoment(self.moment_box.currentData())
        language = str(self.language_box.currentData())
        if self._edited_by_hand() and not self._may_replace():
            for box, value in ((self.moment_box, self._moment.value), (self.language_box,
                               self._language)):  # fmt: skip
                box.blockSignals(True)
                box.setCurrentIndex(box.findData(value))
                box.blockSignals(False)
            return
        self._moment, self._language = moment, language
        self.fill()

    def _may_replace(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace the draft?"),
            self.tr("You have changed the subject or body. Replace them with the new draft?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- sending -----------------------------------------------------------------------------
    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.draft().as_text())
        self.copy_button.setText(self.tr("Copied"))
        button, label = self.copy_button, self._copy_label
        QTimer.singleShot(1500, button, lambda: button.setText(label))

    def open_in_mail(self) -> None:
        url = QUrl.fromEncoded(self.draft().mailto().encode("ascii"), QUrl.ParsingMode.StrictMode)
        if not QDesktopServices.openUrl(url):
            QMessageBox.warning(
                self,
                self.tr("No mail app"),
                self.tr(
                    "No mail app opened the draft. Use Copy and paste it into your mail instead."
                ),
            )

    def edit_templates(self) -> None:
        editor = TemplateEditorDialog(
            self.store, self.item, self.rep, self._moment, self._language, self
        )
        if editor.exec() == QDialog.DialogCode.Accepted and (
            not self._edited_by_hand() or self._may_replace()
        ):
            self.fill()


class TemplateEditorDialog(QDialog):
    """The wording of the drafts, per moment and language, with a live preview.

    A template with an unknown placeholder or an unmatched brace is shown in red and
    cannot be saved. "Reset to default" brings back the shipped wording (saved with Save).
    """

    def __init__(
        self,
        store: TemplateStore,
        item: ActionItem,
        sender: Sender,
        moment: DraftMoment,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("E-mail templates"))
        self.store = store
        self.item = item
        self.rep = sender
        self._working: dict[tuple[DraftMoment, str], Template] = {
            (m, lang): store.get(m, lang) for m in DraftMoment for lang in LANGUAGES
        }
        self._key = (moment, language if language in LANGUAGES else "en")

        self.moment_box = _moment_combo(moment)
        self.language_box = _language_combo(self._key[1])
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setMinimumSize(420, 260)
        self.consequence = QPlainTextEdit()
        self.consequence.setTabChangesFocus(True)
        self.consequence.setFixedHeight(70)
        self.consequence.setToolTip(
            self.tr("Fills {consequence_sentence}; left out when the item names no consequence.")
        )
        self.placeholders = QListWidget()
        self.placeholders.setToolTip(self.tr("Double-click to insert at the cursor."))
        self.placeholders.setWordWrap(True)
        self.placeholders.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for name in PLACEHOLDERS:
            entry = QListWidgetItem(f"{{{name}}}  {self._describe(name)}")
            entry.setData(Qt.ItemDataRole.UserRole, name)
            self.placeholders.addItem(entry)
        self.placeholders.itemDoubleClicked.connect(self._insert)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setObjectName("templatePreview")
        self.error = QLabel()
        self.error.setObjectName("templateError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        hint = QLabel(
            self.tr("A line whose placeholders all come out empty is left out of the e-mail.")
        )
        hint.setWordWrap(True)

        self.reset_button = QPushButton(self.tr("&Reset to default"))
        self.reset_button.clicked.connect(self.reset_to_default)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)

        choices = QHBoxLayout()
        choices.addWidget(self.moment_box, 1)
        choices.addWidget(self.language_box)
        edit = QFormLayout()
        edit.addRow(self.tr("Subject"), self.subject)
        edit.addRow(self.tr("Body"), self.body)
        edit.addRow(self.tr("Consequence sentence"), self.consequence)
        grid = QGridLayout()
        grid.addLayout(edit, 0, 0, 2, 1)
        grid.addWidget(QLabel(self.tr("Placeholders")), 0, 1)
        side = QVBoxLayout()
        side.addWidget(self.placeholders, 1)
        side.addWidget(QLabel(self.tr("Preview with this item")))
        side.addWidget(self.preview, 2)
        grid.addLayout(side, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addLayout(grid, 1)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(960, 620)

        self._last_editor: QLineEdit | QPlainTextEdit = self.body
        self._load(self._key)
        self.moment_box.currentIndexChanged.connect(self._switch)
        self.language_box.currentIndexChanged.connect(self._switch)
        for field in (self.subject, self.body, self.consequence):
            field.textChanged.connect(self._update)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _describe(self, name: str) -> str:
        return {
            "contact": self.tr("the contact's name (様 added in Japanese)"),
            "company": self.tr("the customer's company"),
            "item": self.tr("what the customer is to do"),
            "deadline": self.tr("the deadline, date and time"),
            "consequence": self.tr("what a delay affects, as typed"),
            "consequence_sentence": self.tr("the consequence sentence, if any"),
            "sender": self.tr("your company and name (from My profile)"),
            "signature": self.tr("your signature (from My profile)"),
        }[name]

    # -- the working copy ----------------------------------------------------------------------
    def current(self) -> Template:
        return Template(
            self.subject.text(), self.body.toPlainText(), self.consequence.toPlainText()
        )

    def _load(self, key: tuple[DraftMoment, str]) -> None:
        self._key = key
        template = self._working[key]
        for field, text in (
            (self.subject, template.subject),
            (self.body, template.body),
            (self.consequence, template.consequence),
        ):
            field.blockSignals(True)
            if isinstance(field, QLineEdit):
                field.setText(text)
            else:
                field.setPlainText(text)
            field.blockSignals(False)
        self._update()

    def _switch(self) -> None:
        self._working[self._key] = self.current()
        self._load(
            (DraftMoment(self.moment_box.currentData()), str(self.language_box.currentData()))
        )

    def _update(self) -> None:
        """Re-check the template and refresh the preview."""
        template = self.current()
        self._working[self._key] = template
        self.reset_button.setEnabled(template != default_template(*self._key))
        try:
            values = values_for(self.item, self.rep, self._key[1])
            subject, body = render(template, values)
        except TemplateError as exc:
            self.error.setText(template_error_text(exc))
            self.error.show()
            self.save_button.setEnabled(False)
            self.preview.setEnabled(False)  # what it shows is the last good version
            return
        self.error.hide()
        self.preview.setEnabled(True)
        self.preview.setPlainText(f"{subject}\n\n{body}")
        self.save_button.setEnabled(self._first_bad() is None)

    def _first_bad(self) -> tuple[tuple[DraftMoment, str], TemplateError] | None:
        for key, template in self._working.items():
            try:
                template.validate()
            except TemplateError as exc:
                return key, exc
        return None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for editor in (self.subject, self.body, self.consequence):
            if new is editor:
                self._last_editor = editor  # where a double-clicked placeholder goes

    def _insert(self, entry: QListWidgetItem) -> None:
        text = "{" + str(entry.data(Qt.ItemDataRole.UserRole)) + "}"
        editor = self._last_editor
        if isinstance(editor, QLineEdit):
            editor.insert(text)
        else:
            editor.insertPlainText(text)
        editor.setFocus()

    def reset_to_default(self) -> None:
        self._working[self._key] = default_template(*self._key)
        self._load(self._key)

    def accept(self) -> None:
        self._working[self._key] = self.current()
        bad = self._first_bad()
        if bad is not None:  # another moment/language is broken: show it, do not save
            key, _exc = bad
            self.moment_box.setCurrentIndex(self.moment_box.findData(key[0].value))
            self.language_box.setCurrentIndex(self.language_box.findData(key[1]))
            return
        try:
            self.store.save(self._working)
        except TemplateError as exc:  # checked above; kept so a save never half-writes
            self.error.setText(template_error_text(exc))
            self.error.show()
            return
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return
        super().accept()
