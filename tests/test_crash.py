"""Crash safety: a writer killed with SIGKILL mid-transaction loses nothing it promised.

The child (tests/crash_writer.py) logs calls in a loop and prints each id after its
commit. The parent kills it at a random moment, many times over, and checks what a rep
relies on: the file passes integrity_check, every acknowledged call is there, and no
record is half-saved (a call with a next step always has its follow-up; the prospect's
dates moved with the call).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from salesdesk.config import Paths
from salesdesk.core.prospects import ProspectService
from salesdesk.core.records import ProspectInput
from salesdesk.core.schema import open_database

LOOPS = 24
WRITER = Path(__file__).with_name("crash_writer.py")

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")


def _check_file(path: Path, acknowledged: set[str]) -> int:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = {r[0] for r in conn.execute("SELECT id FROM interaction")}
        missing = acknowledged - stored
        assert not missing, f"acknowledged calls lost: {sorted(missing)[:3]}"
        # No half-saved call: a next step promised means its follow-up exists, and a call
        # without one says so.
        orphans = conn.execute(
            "SELECT count(*) FROM interaction i WHERE i.no_next_step = 0 AND NOT EXISTS"
            " (SELECT 1 FROM follow_up f WHERE f.interaction_id = i.id)"
        ).fetchone()[0]
        assert orphans == 0
        stray = conn.execute(
            "SELECT count(*) FROM follow_up f WHERE NOT EXISTS"
            " (SELECT 1 FROM interaction i WHERE i.id = f.interaction_id)"
        ).fetchone()[0]
        assert stray == 0
        # The prospect's dates were updated in the same transaction as the last call.
        last, latest_call = conn.execute(
            "SELECT last_contact_at, (SELECT max(occurred_at) FROM interaction) FROM prospect"
        ).fetchone()
        assert last == latest_call
        return len(stored)
    finally:
        conn.close()


def test_sigkill_mid_transaction_never_loses_an_acknowledged_call(paths: Paths) -> None:
    db = open_database(paths.database, paths.backups, "0.1.0")
    pid = ProspectService(db).create(ProspectInput(company="クラッシュ試験株式会社"))
    db.close()
    rng = random.Random(20261127)
    acknowledged: set[str] = set()
    killed_while_writing = 0
    for _loop in range(LOOPS):
        child = subprocess.Popen(
            [sys.executable, str(WRITER), str(paths.database), pid],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "READY"
        for _ in range(rng.randint(0, 6)):
            line = child.stdout.readline()
            acknowledged.add(line.split()[1])
        # The random kill point, not a wait for anything: somewhere inside the next
        # transaction(s).
        threading.Event().wait(rng.uniform(0, 0.03))
        child.send_signal(signal.SIGKILL)
        # Everything printed before the kill was acknowledged to the "rep".
        rest = child.stdout.read()
        child.wait()
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL  # it was still writing when killed
        killed_while_writing += 1
        acknowledged.update(line.split()[1] for line in rest.splitlines() if line.startswith("ACK"))
        _check_file(paths.database, acknowledged)
    assert killed_while_writing == LOOPS >= 20
    stored = _check_file(paths.database, acknowledged)
    # At most one call per kill was committed but not yet acknowledged.
    assert len(acknowledged) <= stored <= len(acknowledged) + LOOPS
    assert len(acknowledged) > LOOPS  # the loop really wrote
    # And the file still opens normally and takes new work.
    open_database(paths.database, paths.backups, "0.1.0").close()
