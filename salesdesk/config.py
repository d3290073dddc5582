"""The one place that knows where SalesDesk keeps its files, and the rep's settings.

The data directory is, in order of precedence: the ``--data-dir`` option, the
``SALESDESK_DATA_DIR`` environment variable, the platform's user data directory.
Nothing here runs at import time; callers build a :class:`Paths` and pass it on.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

APP_DIR_NAME = "SalesDesk"
ENV_DATA_DIR = "SALESDESK_DATA_DIR"
DB_FILE_NAME = "salesdesk.sqlite3"
SETTINGS_FILE_NAME = "settings.json"
BACKUP_DIR_NAME = "backups"
EMAIL_TEMPLATES_FILE_NAME = "email-templates.json"
LOCK_FILE_NAME = "salesdesk.lock"


@dataclass(frozen=True)
class Paths:
    """Every file location SalesDesk uses, derived from one data directory."""

    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DB_FILE_NAME

    @property
    def settings(self) -> Path:
        return self.data_dir / SETTINGS_FILE_NAME

    @property
    def backups(self) -> Path:
        return self.data_dir / BACKUP_DIR_NAME

    @property
    def email_templates(self) -> Path:
        """The rep's edited e-mail draft templates (the defaults ship with the app)."""
        return self.data_dir / EMAIL_TEMPLATES_FILE_NAME

    @property
    def instance_lock(self) -> Path:
        """Held by the running SalesDesk, so a second launch raises it instead."""
        return self.data_dir / LOCK_FILE_NAME

    def ensure(self) -> Paths:
        """Create the private data directories (0700) if missing; return self."""
        for folder in (self.data_dir, self.backups):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if os.name == "posix":
                folder.chmod(0o700)
        return self


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> Paths:
    """Resolve the data directory from the option, the environment, or platformdirs."""
    chosen = data_dir or os.environ.get(ENV_DATA_DIR) or user_data_dir(APP_DIR_NAME, False)
    return Paths(Path(chosen).expanduser().resolve())


def resource_root() -> Path:
    """The folder holding ``resources/``: the bundle folder when frozen, else the source tree."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("translations", "salesdesk_ja.qm")``."""
    return resource_root().joinpath("resources", *parts)


@dataclass
class Settings:
    """Preferences the rep can change; stored as JSON beside the database."""

    language: str = "system"  # "system", "ja" or "en"
    default_follow_up_days: int = 3
    default_follow_up_hour: int = 10
    # Warn before asking for a decision below these (relationship strength, DOMAIN.md §1).
    decision_min_total: int = 15
    decision_min_dimension: int = 2
    decision_min_need_awareness: int = 3
    # Warn when this many latest contacts on an open deal were all progress checks (§3).
    progress_check_run: int = 3
    # Reminders (issue 5): desktop notifications, the tray, start at login.
    notifications: bool = True
    close_to_tray: bool = True
    start_at_login: bool = False
    # An open complaint with no contact for this many days is flagged (DOMAIN.md §5).
    complaint_silence_days: int = 3
    tray_hint_shown: bool = False
    # The calendar feed for calendar apps on this computer (core/interchange/feed.py); the
    # port and token are chosen once, so a subscription keeps working.
    calendar_feed: bool = False
    calendar_feed_port: int = 0
    calendar_feed_token: str = ""
    # The window's company details and contacts folded away (View → Company details).
    detail_folded: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, paths: Paths) -> Settings:
        try:
            raw = json.loads(paths.settings.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        defaults = cls()
        # A value of the wrong type (hand-edited or damaged file) keeps its default.
        settings = cls(
            **{
                f.name: raw[f.name]
                for f in fields(cls)
                if f.name in raw and type(raw[f.name]) is type(getattr(defaults, f.name))
            }
        )
        if settings.language not in ("system", "ja", "en"):
            settings.language = "system"
        return settings

    def save(self, paths: Paths) -> None:
        paths.ensure()
        tmp = paths.settings.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(self), fh, ensure_ascii=False, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, paths.settings)
