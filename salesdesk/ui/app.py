"""Starting the window: application object, language, data file, main window."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from salesdesk import APP_NAME, app_version
from salesdesk.config import Paths, Settings, resource_path
from salesdesk.core.schema import MigrationError, NewerDataFileError, open_database
from salesdesk.core.services import Services
from salesdesk.ui.i18n import Translations, pick_language
from salesdesk.ui.main_window import MainWindow

WARM_UP_DELAY_MS = 150


class _FirstPaint(QObject):
    """Calls ``then`` once, right after ``widget`` is first painted."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


class Controller:
    """Owns the services and the main window; rebuilds the window on a language switch."""

    def __init__(
        self,
        app: QApplication,
        paths: Paths,
        services: Services,
        settings: Settings,
        translations: Translations,
    ) -> None:
        self.app = app
        self.paths = paths
        self.services = services
        self.settings = settings
        self.translations = translations
        self.window = self._new_window(load_now=False)
        self._first_paint = _FirstPaint(self.window, self._after_first_paint)

    def _after_first_paint(self) -> None:
        # The window is on screen: fill the list, then load the editing side (SQLAlchemy).
        self.window.load_list()
        QTimer.singleShot(WARM_UP_DELAY_MS, self.services.warm_up)

    def _new_window(self, load_now: bool = True) -> MainWindow:
        window = MainWindow(self.services, self.settings, load_now=load_now)
        window.settingsRequested.connect(self.open_settings)
        return window

    def open_settings(self) -> None:
        from salesdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.paths, self.window)
        if not dialog.exec():
            return
        new = dialog.updated(self.settings)
        new.save(self.paths)
        language_changed = pick_language(new.language) != self.translations.language
        self.settings = new
        if language_changed:
            self.translations.install(pick_language(new.language))
        # The window reads settings and labels when built: rebuild it in place.
        old = self.window
        selected = old.current_id()
        self.window = self._new_window()
        self.window.setGeometry(old.geometry())
        self.window.select_prospect(selected)
        self.window.show()
        old.close()
        old.deleteLater()


def start_gui(paths: Paths, lang: str | None = None) -> Controller | int:
    """Create the application and show the main window; an exit code if it cannot start.

    The caller runs the event loop (``run_gui``) or drives it (benchmarks, smoke runs).
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(app_version())
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_path("icons", "salesdesk.png"))))
    paths.ensure()
    settings = Settings.load(paths)
    translations = Translations(app)
    translations.install(pick_language(lang or settings.language))
    try:
        db = open_database(paths.database, paths.backups, app_version())
    except NewerDataFileError as exc:
        QMessageBox.critical(
            None,
            APP_NAME,
            QCoreApplication.translate(
                "Startup",
                "This data file was written by a newer SalesDesk ({0}); this is SalesDesk {1}. "
                "It has not been changed. Install the newer SalesDesk to open it.\n\n{2}",
            ).format(exc.found.app_version or "?", exc.app_version, str(exc.path)),
        )
        return 3
    except (sqlite3.DatabaseError, MigrationError) as exc:
        QMessageBox.critical(
            None,
            APP_NAME,
            QCoreApplication.translate(
                "Startup", "SalesDesk could not open its data file.\n\n{0}\n\n{1}"
            ).format(str(paths.database), exc),
        )
        return 1
    services = Services.create(db)
    controller = Controller(app, paths, services, settings, translations)
    controller.window.show()
    return controller


def run_gui(paths: Paths, lang: str | None = None) -> int:
    """Open the main window on the data in ``paths``; returns the process exit code."""
    started = start_gui(paths, lang)
    if isinstance(started, int):
        return started
    try:
        return started.app.exec()
    finally:
        started.services.db.close()
