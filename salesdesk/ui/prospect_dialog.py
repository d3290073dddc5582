"""Dialogs to create or edit a prospect and a contact."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from salesdesk.core.enums import Stage
from salesdesk.core.records import ContactInput, ProspectInput
from salesdesk.ui.forms import FORM_STYLE, FieldErrors, confirm_discard, save_or_explain
from salesdesk.ui.labels import stage_label


def _notes_edit() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(70)
    return edit


class _RecordDialog(QDialog):
    """Save/Cancel around a form: bad input is refused at the field and the dialog stays
    open; Cancel/Esc with unsaved changes asks first. Subclasses provide the fields,
    ``set_input`` and ``current_input``."""

    def __init__(self, on_save: Callable[[Any], object] | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._on_save = on_save
        self._initial: Any = None
        self.result_input: Any = None
        self.errors = FieldErrors()
        self.setStyleSheet(FORM_STYLE)

    def set_input(self, data: Any) -> None:
        raise NotImplementedError

    def current_input(self) -> Any:
        raise NotImplementedError

    def _finish(self, form: QFormLayout, initial: object | None, first: QWidget) -> None:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if initial is not None:
            self.set_input(initial)
        self._initial = self.current_input()
        first.setFocus()

    def accept(self) -> None:
        data = self.current_input()
        if save_or_explain(self, self.errors, data, self._on_save):
            self.result_input = data
            super().accept()

    def reject(self) -> None:
        # translate() with an explicit context: self.tr() in a base class would look the
        # text up under the subclass's name, where lupdate never put it.
        question = QCoreApplication.translate(
            "RecordDialog", "Your changes have not been saved. Discard them?"
        )
        if self.current_input() != self._initial and not confirm_discard(self, question):
            return
        super().reject()


class ProspectDialog(_RecordDialog):
    """Company fields. Bad input is refused at the field and the dialog stays open."""

    def __init__(
        self,
        initial: ProspectInput | None = None,
        on_save: Callable[[ProspectInput], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_save, parent)
        self.setWindowTitle(
            self.tr("New prospect") if initial is None else self.tr("Edit prospect")
        )
        self.setMinimumWidth(460)

        self.company = QLineEdit()
        self.company.setPlaceholderText(self.tr("e.g. Sample Trading Co., Ltd."))
        self.kana = QLineEdit()
        self.kana.setPlaceholderText(self.tr("Reading in katakana, e.g. サンプル"))
        self.stage = QComboBox()
        for stage in Stage:
            self.stage.addItem(stage_label(stage), stage)
        self.is_customer = QCheckBox(self.tr("Existing customer (we already do business)"))
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = QLineEdit()
        self.website = QLineEdit()
        self.notes = _notes_edit()

        form = QFormLayout()
        self.errors.add_row(form, self.tr("Company*"), "company", self.company)
        form.addRow(self.tr("Reading (kana)"), self.kana)
        form.addRow(self.tr("Stage"), self.stage)
        form.addRow("", self.is_customer)
        self.errors.add_row(form, self.tr("Phone"), "phone", self.phone)
        self.errors.add_row(form, self.tr("E-mail"), "email", self.email)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Website"), self.website)
        form.addRow(self.tr("Notes"), self.notes)

        self._finish(form, initial, self.company)

    def set_input(self, data: ProspectInput) -> None:
        self.company.setText(data.company)
        self.kana.setText(data.company_kana)
        self.stage.setCurrentIndex(max(0, self.stage.findData(data.stage)))
        self.is_customer.setChecked(data.is_customer)
        self.phone.setText(data.phone)
        self.email.setText(data.email)
        self.address.setText(data.address)
        self.website.setText(data.website)
        self.notes.setPlainText(data.notes)

    def current_input(self) -> ProspectInput:
        return ProspectInput(
            company=self.company.text(),
            company_kana=self.kana.text(),
            stage=Stage(self.stage.currentData()),
            is_customer=self.is_customer.isChecked(),
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.text(),
            website=self.website.text(),
            notes=self.notes.toPlainText(),
        )


class ContactDialog(_RecordDialog):
    def __init__(
        self,
        company: str,
        initial: ContactInput | None = None,
        on_save: Callable[[ContactInput], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_save, parent)
        title = self.tr("New contact") if initial is None else self.tr("Edit contact")
        self.setWindowTitle(f"{title} — {company}")
        self.setMinimumWidth(440)

        self.name = QLineEdit()
        self.kana = QLineEdit()
        self.kana.setPlaceholderText(self.tr("Reading in katakana"))
        self.title_edit = QLineEdit()
        self.department = QLineEdit()
        self.decision_maker = QCheckBox(self.tr("Decision maker / has authority"))
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.notes = _notes_edit()

        form = QFormLayout()
        self.errors.add_row(form, self.tr("Name*"), "name", self.name)
        form.addRow(self.tr("Reading (kana)"), self.kana)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Department"), self.department)
        form.addRow("", self.decision_maker)
        self.errors.add_row(form, self.tr("Phone"), "phone", self.phone)
        self.errors.add_row(form, self.tr("E-mail"), "email", self.email)
        form.addRow(self.tr("Notes"), self.notes)

        self._finish(form, initial, self.name)

    def set_input(self, data: ContactInput) -> None:
        self.name.setText(data.name)
        self.kana.setText(data.name_kana)
        self.title_edit.setText(data.title)
        self.department.setText(data.department)
        self.decision_maker.setChecked(data.is_decision_maker)
        self.phone.setText(data.phone)
        self.email.setText(data.email)
        self.notes.setPlainText(data.notes)

    def current_input(self) -> ContactInput:
        return ContactInput(
            name=self.name.text(),
            name_kana=self.kana.text(),
            title=self.title_edit.text(),
            department=self.department.text(),
            is_decision_maker=self.decision_maker.isChecked(),
            phone=self.phone.text(),
            email=self.email.text(),
            notes=self.notes.toPlainText(),
        )
