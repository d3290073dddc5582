"""Preferences: language and the default timing of the next follow-up."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.config import Paths, Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.addItem(self.tr("System default"), "system")
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.follow_up_days = QSpinBox()
        self.follow_up_days.setRange(1, 60)
        self.follow_up_days.setSuffix(self.tr(" working day(s)"))
        self.follow_up_days.setValue(settings.default_follow_up_days)
        self.follow_up_hour = QSpinBox()
        self.follow_up_hour.setRange(0, 23)
        self.follow_up_hour.setSuffix(":00")
        self.follow_up_hour.setValue(settings.default_follow_up_hour)
        # Below these, logging a closing / appointment request / proposal decision warns.
        self.min_total = QSpinBox()
        self.min_total.setRange(0, 30)
        self.min_total.setValue(settings.decision_min_total)
        self.min_total.setToolTip(
            self.tr("Warn when relationship strength (the six scores added up) is below this.")
        )
        self.min_dimension = QSpinBox()
        self.min_dimension.setRange(0, 5)
        self.min_dimension.setValue(settings.decision_min_dimension)
        self.min_dimension.setToolTip(self.tr("Warn about each dimension scored below this."))
        self.min_need = QSpinBox()
        self.min_need.setRange(0, 5)
        self.min_need.setValue(settings.decision_min_need_awareness)
        self.min_need.setToolTip(self.tr("Warn when need awareness is below this."))
        decision = QGroupBox(self.tr("Before asking for a decision, warn below"))
        decision_form = QFormLayout(decision)
        decision_form.addRow(self.tr("Relationship strength (0–30)"), self.min_total)
        decision_form.addRow(self.tr("Any one dimension (0–5)"), self.min_dimension)
        decision_form.addRow(self.tr("Need awareness (0–5)"), self.min_need)
        self.progress_check_run = QSpinBox()
        self.progress_check_run.setRange(1, 20)
        self.progress_check_run.setValue(settings.progress_check_run)
        self.progress_check_run.setSuffix(self.tr(" contact(s) in a row"))
        self.progress_check_run.setToolTip(
            self.tr("Warn on an open deal when this many latest contacts were only progress checks")
        )
        data_dir = QLabel(str(paths.data_dir))
        data_dir.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Next follow-up after"), self.follow_up_days)
        form.addRow(self.tr("Next follow-up at"), self.follow_up_hour)
        form.addRow(self.tr("Progress checks only: warn after"), self.progress_check_run)
        form.addRow(self.tr("Data folder"), data_dir)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(decision)
        layout.addWidget(buttons)

    def updated(self, settings: Settings) -> Settings:
        """A copy of ``settings`` with the dialog's values."""
        return Settings(
            language=self.language.currentData(),
            default_follow_up_days=self.follow_up_days.value(),
            default_follow_up_hour=self.follow_up_hour.value(),
            decision_min_total=self.min_total.value(),
            decision_min_dimension=self.min_dimension.value(),
            decision_min_need_awareness=self.min_need.value(),
            progress_check_run=self.progress_check_run.value(),
            extra=dict(settings.extra),
        )
