"""Autosaved drafts of the log-call form, so typed text survives a crash.

One small JSON file per prospect in ``<data dir>/drafts/``, written atomically
(temporary file, fsync, rename; 0600) while the rep types. It is removed when the call
is saved or the rep discards it, and offered back on the next start and the next time
the call dialog opens for that prospect.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from salesdesk.core.clock import Clock, utc_now

DRAFT_DIR_NAME = "drafts"
_FORMAT = 1
_SAFE_ID = re.compile(r"^[0-9A-Za-z_-]{1,64}$")
_PREFIX, _SUFFIX = "call-", ".json"


@dataclass(frozen=True)
class CallDraft:
    """What the rep had typed for a call on ``prospect_id`` at ``saved_at``."""

    prospect_id: str
    fields: dict[str, Any]
    saved_at: datetime


class DraftStore:
    """The drafts folder of one data directory."""

    def __init__(self, data_dir: Path, clock: Clock = utc_now) -> None:
        self.folder = data_dir / DRAFT_DIR_NAME
        self.clock = clock

    def path_for(self, prospect_id: str) -> Path:
        # Ids become file names: refuse anything that could leave the folder.
        if not _SAFE_ID.match(prospect_id):
            raise ValueError(f"not a prospect id: {prospect_id!r}")
        return self.folder / f"{_PREFIX}{prospect_id}{_SUFFIX}"

    def save(self, prospect_id: str, fields: dict[str, Any]) -> None:
        """Write the draft atomically: a crash leaves the old draft or the new, never half."""
        target = self.path_for(prospect_id)
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        payload = {
            "format": _FORMAT,
            "prospect_id": prospect_id,
            "saved_at": self.clock().isoformat(),
            "fields": fields,
        }
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
        _fsync_dir(self.folder)

    def load(self, prospect_id: str) -> CallDraft | None:
        """The draft for ``prospect_id``, or None (also for an unreadable file)."""
        return _read(self.path_for(prospect_id))

    def discard(self, prospect_id: str) -> None:
        self.path_for(prospect_id).unlink(missing_ok=True)

    def pending(self) -> list[CallDraft]:
        """Every readable draft, newest first."""
        if not self.folder.is_dir():
            return []
        drafts = [
            d for p in self.folder.glob(f"{_PREFIX}*{_SUFFIX}") if (d := _read(p)) is not None
        ]
        return sorted(drafts, key=lambda d: d.saved_at, reverse=True)

    def slot(self, prospect_id: str) -> DraftSlot:
        return DraftSlot(self, prospect_id)


@dataclass(frozen=True)
class DraftSlot:
    """The draft of one prospect: what the call dialog is handed."""

    store: DraftStore
    prospect_id: str

    def load(self) -> CallDraft | None:
        return self.store.load(self.prospect_id)

    def save(self, fields: dict[str, Any]) -> None:
        self.store.save(self.prospect_id, fields)

    def discard(self) -> None:
        self.store.discard(self.prospect_id)


def _read(path: Path) -> CallDraft | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        fields = raw["fields"]
        if not isinstance(fields, dict):
            return None
        return CallDraft(str(raw["prospect_id"]), fields, datetime.fromisoformat(raw["saved_at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles for this."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
