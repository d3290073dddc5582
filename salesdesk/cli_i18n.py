"""The commands' messages in the rep's language, from the window's catalogues.

A command's messages, tables and help are written as
``translate("Cli", "English text")`` (Qt's ``QCoreApplication.translate``, which
``scripts/build_translations.py`` extracts like the window's strings). The language is
``--lang``, else the one chosen in Settings, else the system's: the same choice as the
window's. What programs read stays as it is in every language: JSON, ids, dates,
the values options take (``--stage proposal``), ``--progress`` lines and the ``error:``
and ``warning:`` prefixes.

Qt looks messages up through the application object, so a command gets a
``QCoreApplication`` (a ``QGuiApplication`` for ``sheet``, which draws) for as long as it
runs; one already running (tests) is used as it is and gets its translators and default
locale back afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from salesdesk.plurals import english

#: The languages the commands speak (as the window's).
LANGUAGES = ("ja", "en")
#: Commands that draw (a QGuiApplication).
_DRAWING = frozenset({"sheet"})


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``, under the name the catalogue tools look for.

    Without a Qt application no catalogue is installed: the text is the English as
    written, a count's message in its singular or plural by the build's rule. That is how
    a command runs in English (Qt is not even loaded: a quicker start) and how
    ``salesdesk --version`` builds the parser.
    """
    if not _application_running():
        return english(text, n) if n >= 0 else text
    from PySide6.QtCore import QCoreApplication

    return str(QCoreApplication.translate(context, text, disambiguation, n))


def _application_running() -> bool:
    """Whether a Qt application object exists (never loads Qt to find out)."""
    qt = sys.modules.get("PySide6.QtCore")
    return qt is not None and qt.QCoreApplication.instance() is not None


def _scan(argv: list[str]) -> argparse.Namespace | None:
    """``--lang``, ``--data-dir`` and the command, read before the full parser is built
    (its help is translated); None when the arguments cannot be read this way.

    Only what comes before the command counts: ``sheet --lang en`` is the sheet's
    language, not the messages'. Abbreviations are read as the full parser reads them
    (``--data DIR``).
    """
    quick = argparse.ArgumentParser(add_help=False)
    quick.add_argument("--data-dir")
    quick.add_argument("--lang")
    for flag in ("--smoke", "--version"):
        quick.add_argument(flag, action="store_true")
    quick.add_argument("command", nargs="?")
    quick.add_argument("rest", nargs=argparse.REMAINDER)
    try:
        args, _unknown = quick.parse_known_args(argv)
    except SystemExit:  # e.g. --lang without its value: the full parser explains
        return None
    return args


def language_for(scan: argparse.Namespace | None) -> str:
    """The language of a command's messages (``scan``: see :func:`_scan`): ``--lang``,
    Settings, the system's (as the window reads it: Qt is loaded only for that last case)."""
    from salesdesk.config import Settings, resolve_paths

    if scan is not None and scan.lang in LANGUAGES:
        return str(scan.lang)
    data_dir = scan.data_dir if scan is not None else None
    chosen = Settings.load(resolve_paths(data_dir)).language
    if chosen in LANGUAGES:
        return chosen
    from salesdesk.ui.i18n import pick_language

    return pick_language(chosen)


def application(drawing: bool) -> Any:
    """A new QCoreApplication, or for a command that draws a QGuiApplication (offscreen
    when there is no display)."""
    from PySide6.QtCore import QCoreApplication

    if drawing:
        if (
            sys.platform.startswith("linux")
            and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication

        return QGuiApplication([sys.argv[0] if sys.argv else "salesdesk"])
    return QCoreApplication([sys.argv[0] if sys.argv else "salesdesk"])


@contextmanager
def messages_in_language(argv: list[str]) -> Iterator[str | None]:
    """Install the commands' language for the with-block; yields it ("ja" or "en"), or
    None when there is no command or help to show (``--version``: no Qt is loaded)."""
    scan = _scan(argv)
    if scan is not None and scan.command is None and not {"-h", "--help"} & set(argv):
        yield None
        return
    language = language_for(scan)
    drawing = scan is not None and scan.command in _DRAWING
    if not _application_running() and language == "en" and not drawing:
        yield language  # the source texts are English: no application, no catalogue
        return
    from PySide6.QtCore import QCoreApplication, QLocale

    from salesdesk.ui.i18n import Translations

    app = QCoreApplication.instance()
    ours = app is None
    if app is None:
        app = application(drawing)
    locale = QLocale()
    translations = Translations(app)
    translations.install(language)
    try:
        yield language
    finally:
        translations.remove()
        QLocale.setDefault(locale)
        if ours:  # the window may follow (``salesdesk --data DIR``): it makes its own
            app.shutdown()
