"""Choosing and installing the UI language (Japanese or English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from salesdesk.config import resource_path

SUPPORTED = ("ja", "en")


def pick_language(setting: str, system: QLocale | None = None) -> str:
    """ "ja" or "en": the setting if explicit, else Japanese on a Japanese locale."""
    if setting in SUPPORTED:
        return setting
    locale = system or QLocale.system()
    return "ja" if locale.language() == QLocale.Language.Japanese else "en"


def current_language() -> str:
    """The language the window is showing ("ja" or "en"): Translations.install sets the
    default locale along with the catalogue."""
    return "ja" if QLocale().language() == QLocale.Language.Japanese else "en"


class Translations:
    """Owns the installed translators so the language can be switched while running."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "en"

    def remove(self) -> None:
        """Take out the translators this object installed."""
        for tr in self._translators:
            self._app.removeTranslator(tr)
        self._translators.clear()

    def install(self, language: str) -> bool:
        """Install ``language``; False when SalesDesk's own catalogue could not be loaded."""
        self.remove()
        self.language = language
        locale = QLocale(
            QLocale.Language.Japanese if language == "ja" else QLocale.Language.English,
            QLocale.Country.Japan if language == "ja" else QLocale.Country.UnitedStates,
        )
        QLocale.setDefault(locale)
        if language == "en":
            # Source strings are English; a small catalogue gives "%n" messages their
            # singular and plural ("1 prospect", "300 prospects"). Without it: "(s)".
            plurals = QTranslator(self._app)
            if plurals.load(str(resource_path("translations", "salesdesk_en.qm"))):
                self._app.installTranslator(plurals)
                self._translators.append(plurals)
            return True
        ours = QTranslator(self._app)
        ok = ours.load(str(resource_path("translations", f"salesdesk_{language}.qm")))
        if ok:
            self._app.installTranslator(ours)
            self._translators.append(ours)
        qt_base = QTranslator(self._app)  # standard buttons: Save, Cancel, ...
        if qt_base.load(
            locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            self._app.installTranslator(qt_base)
            self._translators.append(qt_base)
        return ok
