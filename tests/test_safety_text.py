"""A logged call's text reads back byte-identical, whatever the rep typed."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from salesdesk.core.calls import CallService
from salesdesk.core.db import Database
from salesdesk.core.prospects import ProspectService
from salesdesk.core.records import CallInput, NextStep, ProspectInput
from salesdesk.core.schema import open_database

SPECIMENS = [
    "👨‍👩‍👧‍👦",
    unicodedata.normalize("NFD", "ガギグ"),
    "ｶﾞｷﾞｸﾞ",
    "שלום",
    "\u202eRTL\u202c",
    "<b>x</b>",
    "<img src=x>",
    "\r\n",
    "\x00",
]
call_text = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(SPECIMENS), st.text(max_size=4)), max_size=6).map("".join),
)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, str]]:
    folder = tmp_path_factory.mktemp("calltext")
    db = open_database(folder / "c.sqlite3", folder / "backups", "0.1.0")
    pid = ProspectService(db).create(ProspectInput("テキスト試験"))
    yield db, pid
    db.close()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(summary=call_text, notes=call_text, what=call_text)
def test_call_text_reads_back_exactly(
    shared: tuple[Database, str], summary: str, notes: str, what: str
) -> None:
    assume(summary.strip() and what.strip())
    db, pid = shared
    calls = CallService(db)
    due = datetime(2027, 1, 1, tzinfo=UTC)
    call_id = calls.log_call(
        CallInput(pid, summary=summary, notes=notes, next_step=NextStep(due, what))
    )
    [entry] = [e for e in calls.timeline(pid, limit=1000) if e.id == call_id]
    # The one-line fields lose surrounding whitespace by design; notes are kept exactly.
    assert entry.summary.encode() == summary.strip().encode()
    assert (entry.notes or "").encode() == notes.encode()
    follow_ups = [f for f in calls.open_follow_ups(pid) if f.what == what.strip()]
    assert follow_ups
