"""Shared fixtures: every test runs on its own temporary data directory."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must not look for a display unless a test is marked x11 (run under xvfb-run).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from salesdesk.config import Paths
from salesdesk.core.calls import CallService
from salesdesk.core.db import Database
from salesdesk.core.prospects import ProspectService
from salesdesk.core.schema import open_database


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep platformdirs and the env override away from the real home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("SALESDESK_DATA_DIR", raising=False)
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")


@pytest.fixture(scope="session", autouse=True)
def _english_as_the_rep_sees_it(qapp: object) -> None:
    """English as the app installs it, plural forms included ("1 prospect", "3 prospects"),
    so every test reads what the rep reads; tests that switch language come back to it."""
    import subprocess
    import sys

    from salesdesk.config import resource_path
    from salesdesk.ui.i18n import Translations

    if not resource_path("translations", "salesdesk_en.qm").exists():
        script = Path(__file__).resolve().parent.parent / "scripts" / "build_translations.py"
        subprocess.run([sys.executable, str(script)], check=True)
    Translations(qapp).install("en")  # type: ignore[arg-type]


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data").ensure()


@pytest.fixture
def db(paths: Paths) -> Iterator[Database]:
    database = open_database(paths.database, paths.backups, "0.1.0")
    yield database
    database.close()


@pytest.fixture
def prospects(db: Database) -> ProspectService:
    return ProspectService(db)


@pytest.fixture
def calls(db: Database) -> CallService:
    return CallService(db)


@pytest.fixture
def japan_time() -> Iterator[None]:
    """The machine's local time zone is Japan's (UTC+9, no daylight saving)."""
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset to switch the local zone")
    before = os.environ.get("TZ")
    os.environ["TZ"] = "JST-9"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()
