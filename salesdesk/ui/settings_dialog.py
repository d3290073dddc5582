"""Preferences: language, the next follow-up's timing, warnings, reminders, calendar apps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.config import Paths, Settings


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        paths: Paths,
        parent: QWidget | None = None,
        notifier_name: str | None = None,
        tray_available: bool = True,
    ) -> None:
        """``notifier_name``: how notifications are shown on this machine (chosen at start)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.addItem(self.tr("System default"), "system")
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.follow_up_days = QSpinBox()
        self.follow_up_days.setRange(1, 60)
        _counted(self.follow_up_days, lambda n: self.tr("%n working day(s)", "", n))
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
        _counted(self.progress_check_run, lambda n: self.tr("%n contact(s) in a row", "", n))
        self.progress_check_run.setToolTip(
            self.tr("Warn on an open deal when this many latest contacts were only progress checks")
        )
        reminders = self._reminder_group(settings, notifier_name, tray_available)
        calendar = self._calendar_group(settings)
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
        layout.addWidget(reminders)
        layout.addWidget(calendar)
        layout.addWidget(buttons)

    def _calendar_group(self, settings: Settings) -> QGroupBox:
        self.feed_port = settings.calendar_feed_port
        self.feed_token = settings.calendar_feed_token
        self.calendar_feed = QCheckBox(
            self.tr("Share my follow-ups and deadlines with calendar apps on this computer")
        )
        self.calendar_feed.setObjectName("calendarFeed")
        self.feed_address = QLineEdit()
        self.feed_address.setObjectName("calendarFeedAddress")
        self.feed_address.setReadOnly(True)
        self.feed_address.setMinimumWidth(  # the host, the port and the path's start show
            self.feed_address.fontMetrics().horizontalAdvance("http://127.0.0.1:38463/AbCdEfGh")
        )
        copy = QPushButton(self.tr("&Copy"))
        copy.setObjectName("calendarFeedCopy")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.feed_address.text()))
        self.feed_copy = copy
        renew = QPushButton(self.tr("&New address"))
        renew.setObjectName("calendarFeedRenew")
        renew.setToolTip(
            self.tr(
                "Another port and path, for when the address stopped working or was shared "
                "by mistake. Calendars subscribed to the old one must be added again."
            )
        )
        renew.clicked.connect(self._new_feed_address)
        self.feed_renew = renew
        row = QHBoxLayout()
        row.addWidget(self.feed_address, 1)
        row.addWidget(copy)
        row.addWidget(renew)
        hint = QLabel(self.tr("Add it in your calendar app as a calendar from the Internet."))
        hint.setEnabled(False)  # greyed: a hint (one line: the dialog keeps its size)
        hint.setToolTip(
            self.tr(
                "Outlook: Add calendar → From Internet. Apple Calendar: File → New Calendar "
                "Subscription. Thunderbird: New Calendar → On the Network. The calendar "
                "follows your changes while SalesDesk runs."
            )
        )
        self.feed_address.setToolTip(hint.toolTip())
        group = QGroupBox(self.tr("Calendar apps"))
        form = QFormLayout(group)
        form.addRow(self.calendar_feed)
        form.addRow(self.tr("Address"), row)
        form.addRow(hint)
        self.calendar_feed.toggled.connect(self._feed_toggled)
        self.calendar_feed.setChecked(settings.calendar_feed)
        self._feed_toggled(settings.calendar_feed)
        return group

    def _feed_toggled(self, on: bool) -> None:
        """On for the first time: the feed's port and token are chosen, for good."""
        if on and not (self.feed_port and self.feed_token):
            from salesdesk.core.interchange.feed import free_port, new_token

            self.feed_port, self.feed_token = free_port(), new_token()
        if on:
            from salesdesk.core.interchange.feed import feed_url

            self.feed_address.setText(feed_url(self.feed_port, self.feed_token))
            self.feed_address.setCursorPosition(0)  # its start shows: http://127.0.0.1:…
        else:
            self.feed_address.clear()
        self.feed_address.setEnabled(on)
        self.feed_copy.setEnabled(on)
        self.feed_renew.setEnabled(on)

    def _new_feed_address(self) -> None:
        from salesdesk.core.interchange.feed import free_port, new_token

        taken = self.feed_port
        self.feed_port, self.feed_token = free_port(taken + 1 if taken else 0), new_token()
        self._feed_toggled(True)

    def _reminder_group(
        self, settings: Settings, notifier_name: str | None, tray_available: bool
    ) -> QGroupBox:
        self.notifications = QCheckBox(self.tr("Show desktop notifications"))
        self.notifications.setChecked(settings.notifications)
        self.notifier_name = QLabel(notifier_name or self.tr("Not started yet"))
        self.notifier_name.setToolTip(
            self.tr("How this computer shows SalesDesk's reminders (chosen when it starts).")
        )
        self.close_to_tray = QCheckBox(
            self.tr("Keep running in the tray when the window is closed")
        )
        self.close_to_tray.setChecked(settings.close_to_tray)
        if not tray_available:
            self.close_to_tray.setEnabled(False)
            self.close_to_tray.setToolTip(self.tr("This desktop has no system tray."))
        self.start_at_login = QCheckBox(self.tr("Start SalesDesk when I log in"))
        self.start_at_login.setChecked(settings.start_at_login)
        self.complaint_days = QSpinBox()
        self.complaint_days.setRange(1, 60)
        _counted(self.complaint_days, lambda n: self.tr("%n day(s) without contact", "", n))
        self.complaint_days.setValue(settings.complaint_silence_days)
        group = QGroupBox(self.tr("Reminders"))
        form = QFormLayout(group)
        form.addRow(self.notifications)
        form.addRow(self.tr("Notifications shown by"), self.notifier_name)
        form.addRow(self.close_to_tray)
        form.addRow(self.start_at_login)
        form.addRow(self.tr("Flag an open problem after"), self.complaint_days)
        return group

    def updated(self, settings: Settings) -> Settings:
        """A copy of ``settings`` with the dialog's values."""
        return replace(
            settings,
            language=self.language.currentData(),
            default_follow_up_days=self.follow_up_days.value(),
            default_follow_up_hour=self.follow_up_hour.value(),
            decision_min_total=self.min_total.value(),
            decision_min_dimension=self.min_dimension.value(),
            decision_min_need_awareness=self.min_need.value(),
            progress_check_run=self.progress_check_run.value(),
            notifications=self.notifications.isChecked(),
            close_to_tray=self.close_to_tray.isChecked(),
            start_at_login=self.start_at_login.isChecked(),
            complaint_silence_days=self.complaint_days.value(),
            calendar_feed=self.calendar_feed.isChecked(),
            calendar_feed_port=self.feed_port,
            calendar_feed_token=self.feed_token,
            extra=dict(settings.extra),
        )


def _counted(spin: QSpinBox, text: Callable[[int], str]) -> None:
    """A suffix that agrees with the number ("1 working day", "3 working days"): the
    translated "%n …" text around the spin box's own number."""

    def update(n: int) -> None:
        spin.setSuffix(text(n).replace(str(n), "", 1))

    spin.valueChanged.connect(update)
    update(spin.value())
