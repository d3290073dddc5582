"""Child process for tests/test_crash.py: logs calls in a loop until it is killed.

Each call is printed ("ACK <id>") and flushed only AFTER ``log_call`` returned, i.e.
after its transaction committed; the parent counts those as promised to the rep.

    python tests/crash_writer.py DATABASE PROSPECT_ID
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from salesdesk.core.calls import CallService
from salesdesk.core.records import CallInput, NextStep
from salesdesk.core.schema import open_database


def main(database: str, prospect_id: str) -> None:
    path = Path(database)
    db = open_database(path, path.parent / "backups", "0.1.0")
    calls = CallService(db)
    # A long note makes each transaction span many pages, so kills land inside one.
    notes = "議事録 " * 4000
    print("READY", flush=True)
    i = 0
    while True:
        with_next = i % 2 == 0
        call_id = calls.log_call(
            CallInput(
                prospect_id=prospect_id,
                summary=f"crash-loop call {i}",
                notes=notes,
                next_step=NextStep(
                    due_at=datetime(2027, 1, 1, tzinfo=UTC) + timedelta(minutes=i),
                    what=f"follow-up of call {i}",
                )
                if with_next
                else None,
                no_next_step=not with_next,
            )
        )
        print(f"ACK {call_id}", flush=True)
        i += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
