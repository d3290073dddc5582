"""``salesdesk --smoke``: does this installation start? (installers and CI run it)

Starts the app for real (on a fresh temporary data folder unless one is given), applies
the migrations, waits until the main window has painted and filled its list, renders
it once more, prints what it saw and quits: 0 when all of that worked. Works under
``QT_QPA_PLATFORM=offscreen``, so a frozen bundle can be checked without a display.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from salesdesk.config import ENV_DATA_DIR, Paths, resolve_paths

SMOKE_TIMEOUT_S = 20.0


def run_smoke(data_dir: str | None, lang: str | None = None) -> int:
    """Start, migrate, paint, quit; returns the exit code (0 = works)."""
    started = time.perf_counter()
    if data_dir or os.environ.get(ENV_DATA_DIR):
        return _smoke(resolve_paths(data_dir), lang, started)
    with tempfile.TemporaryDirectory(prefix="salesdesk-smoke-") as tmp:
        return _smoke(Paths(Path(tmp) / "data"), lang, started)


def _notification_library() -> str:
    """Whether this installation carries the desktop-notification library it uses on Linux
    (a bundle that left it out would fall back to the in-window banner without a word)."""
    if sys.platform != "linux":
        return "tray messages"
    try:
        from desktop_notifier.backends.dbus import DBusDesktopNotifier  # noqa: F401
    except ImportError as exc:
        return f"desktop-notifier missing ({exc})"
    return "desktop-notifier (D-Bus)"


def _calendar_feed(db_uri: str, db_path: Path | None) -> str:
    """Whether the calendar feed serves here (its web server and calendar library are in
    the installation): one request on a free loopback port."""
    import urllib.request

    from salesdesk.core.db import Database
    from salesdesk.core.interchange.feed import CalendarFeed, new_token

    try:
        feed = CalendarFeed(lambda: Database(db_uri, db_path), 0, new_token())
        feed.start()
        try:
            with urllib.request.urlopen(feed.url, timeout=10) as answer:
                body = answer.read()
        finally:
            feed.stop()
    except Exception as exc:  # reported, not raised: the line says what is wrong
        return f"failed ({exc})"
    return "ok" if body.startswith(b"BEGIN:VCALENDAR") else "failed (not a calendar)"


def _smoke(paths: Paths, lang: str | None, started: float) -> int:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from salesdesk import APP_NAME, app_version
    from salesdesk.core.schema import read_file_schema
    from salesdesk.profile import Profile, first_start
    from salesdesk.ui.app import start_gui

    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")  # the rep's name, whatever the locale says
    first_start(paths)
    controller = start_gui(paths, lang)
    if isinstance(controller, int):
        print(f"smoke: the app refused to start (exit code {controller})", file=sys.stderr)
        return controller
    window = controller.window
    try:
        deadline = time.perf_counter() + SMOKE_TIMEOUT_S
        # The window is built and its list filled right after the first paint (ui.app).
        while not window.list_loaded():
            if time.perf_counter() > deadline:
                print("smoke: the main window never painted", file=sys.stderr)
                return 1
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        painted_ms = (time.perf_counter() - started) * 1000
        image = window.grab()
        if image.isNull() or image.width() < 100:
            print("smoke: the main window rendered empty", file=sys.stderr)
            return 1
        schema = read_file_schema(paths.database)
        profile = Profile.load(paths)
        print(f"smoke: {APP_NAME} {app_version()} ok")
        print(f"data dir: {paths.data_dir}")
        print(f"schema: {schema.revision}")
        print(f"prospects: {controller.services.listing.count()}")
        print(f"profile: {profile.name or '(none)'}")
        print(f"window title: {window.windowTitle()}")
        print(f"window painted after: {painted_ms:.0f} ms")
        print(f"notifications: {_notification_library()}")
        db = controller.services.db
        print(f"calendar feed: {_calendar_feed(db.uri, db.path)}")
        return 0
    finally:
        window.close()
        QCoreApplication.processEvents()
        controller.services.db.close()
