"""The bundle of services the window and the CLI work through."""

from __future__ import annotations

from dataclasses import dataclass

from salesdesk.core.calls import CallService
from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.db import Database
from salesdesk.core.prospects import ProspectService


@dataclass(frozen=True)
class Services:
    db: Database
    prospects: ProspectService
    calls: CallService

    @classmethod
    def create(cls, db: Database, clock: Clock = utc_now) -> Services:
        return cls(db=db, prospects=ProspectService(db, clock), calls=CallService(db, clock))
