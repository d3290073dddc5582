"""Big imports read the file in a worker process: the same rows, and nothing left behind.

The worker reads, checks and folds batches while the rep's process matches and writes;
a rep must not be able to tell which way a file went, and a cancel, a bad file or a
worker that dies must leave the data file untouched and no process running.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from multiprocessing import Pipe
from pathlib import Path
from typing import Any

import pytest

from salesdesk.core.db import Database
from salesdesk.core.interchange import errors as E
from salesdesk.core.interchange import prepare, source
from salesdesk.core.interchange.errors import InterchangeError
from salesdesk.core.interchange.importer import (
    OVERWRITE,
    SKIP,
    Decision,
    ImportOptions,
    ImportSummary,
    run_import,
    uses_worker,
)
from salesdesk.core.prospects import ProspectService
from salesdesk.core.records import ContactInput, ProspectInput
from salesdesk.core.schema import open_database

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
HEADER = "会社名,フリガナ,電話番号,メール,ステージ,住所,担当者,担当者メール\n"
MAPPING = [
    ("会社名", "company"),
    ("フリガナ", "company_kana"),
    ("電話番号", "phone"),
    ("メール", "email"),
    ("ステージ", "stage"),
    ("住所", "address"),
    ("担当者", "contact_name"),
    ("担当者メール", "contact_email"),
]
linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="child processes are listed from /proc"
)


def _children() -> dict[int, bytes]:
    """This process's children (zombies too), with their command lines."""
    out = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid():
            out[int(entry.name)] = cmdline
    return out


@pytest.fixture
def no_workers_left() -> Iterator[dict[int, bytes]]:
    """Fails the test if an import worker (or any new child) is left behind."""
    before = _children()
    yield before
    left = {pid: cmd for pid, cmd in _children().items() if pid not in before}
    # The multiprocessing resource tracker lives as long as this process, by design.
    assert [cmd for cmd in left.values() if b"resource_tracker" not in cmd] == []


def _workers(before: dict[int, bytes]) -> list[int]:
    return [p for p, cmd in _children().items() if p not in before and b"spawn_main" in cmd]


def _file(tmp_path: Path) -> tuple[Path, dict[int, Decision]]:
    """Rows that exercise every path: new, repeated, merged, decided, invalid."""
    rows = [
        "(株)ｻﾄｳ,ｻﾄｳ,,,,東京都,佐藤 二郎,jiro@sato.example.jp",  # existing, by company
        "鈴木商事,,0312345678,,customer,大阪府,,",  # existing by phone: overwrite
        "山田工業,,,yamada@example.jp,,,,",  # existing by e-mail: skipped
        "会社A,ｶｲｼｬｴｰ,025-000-0001,,,,田中 一郎,",
        "会社A,,,a@example.jp,,新潟県,田中 一郎,tanaka@example.jp",  # fills, same contact
        "会社A,,,,,,高橋 花子,",  # a second contact, same batch
        "bad@,,,not-an-email,,,,",  # invalid e-mail
        ",,,,,,,",  # blank line: not a row
        "会社B,,,,unknown-stage,,,",  # invalid stage
        "会社B,,,,,,,,extra",  # ragged
    ]
    rows += [f"会社{i},ｶｲｼｬ{i},03-{i:04d}-0000,,,,担当 {i},\n" for i in range(30)]
    rows += [
        "会社A,,,,,,伊藤 三郎,",  # a contact for a company of an earlier batch
        "会社7,,,,,港区,担当 7,t7@example.jp",  # fills a prospect and a contact, later batch
        "㈱サトウ,,,,,,佐藤 二郎,",  # the contact added above, again: nothing new
        "株式会社 会社3,,,,,,,",  # legal form and space: the same company as 会社3
    ]
    path = tmp_path / "list.csv"
    path.write_text(HEADER + "\n".join(r.rstrip("\n") for r in rows) + "\n", encoding="cp932")
    decisions = {3: Decision(OVERWRITE, frozenset({"stage", "address"})), 4: Decision(SKIP)}
    return path, decisions


def _existing(db: Database) -> None:
    prospects = ProspectService(db)
    pid = prospects.create(ProspectInput(company="株式会社サトウ", phone="03-9999-0000"))
    prospects.add_contact(pid, ContactInput(name="佐藤 一郎", email="ichiro@sato.example.jp"))
    prospects.create(ProspectInput(company="鈴木商事", phone="03-1234-5678", address="京都"))
    prospects.create(ProspectInput(company="山田工業", email="yamada@example.jp"))


def _dump(path: Path, before: set[str]) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables an import writes; new ids named by their order."""
    conn = sqlite3.connect(path)
    try:
        ids = {r[0] for r in conn.execute("SELECT id FROM prospect UNION SELECT id FROM contact")}
        name = {new: f"new-{n}" for n, new in enumerate(sorted(ids - before))}
        tables = ("prospect", "contact", "prospect_fts", "prospect_names_fts")
        return {
            t: [
                tuple(name.get(v, v) if isinstance(v, str) else v for v in row)
                for row in conn.execute(f"SELECT rowid, * FROM {t} ORDER BY rowid")
            ]
            for t in tables
        }
    finally:
        conn.close()


def _import(
    db: Database, path: Path, worker: bool, **options: Any
) -> tuple[ImportSummary, list[tuple[int, float]]]:
    progress: list[tuple[int, float]] = []
    summary = run_import(
        db, path, source.detect(path),
        ImportOptions(MAPPING, worker=worker, **options), lambda: NOW,
        progress=lambda rows, fraction: progress.append((rows, fraction)),
    )  # fmt: skip
    return summary, progress


@linux_only
def test_the_worker_writes_exactly_the_rows_of_the_in_process_import(
    tmp_path: Path, no_workers_left: dict[int, bytes]
) -> None:
    first = tmp_path / "a" / "salesdesk.sqlite3"
    db = open_database(first, tmp_path / "a" / "backups", "0.1.0")
    _existing(db)
    db.close()
    second = tmp_path / "b" / "salesdesk.sqlite3"
    second.parent.mkdir()
    shutil.copy(first, second)
    before = {r[0] for r in sqlite3.connect(first).execute("SELECT id FROM prospect")}
    before |= {r[0] for r in sqlite3.connect(first).execute("SELECT id FROM contact")}
    path, decisions = _file(tmp_path)

    results = []
    for data, worker in ((first, False), (second, True)):
        db = open_database(data, data.parent / "backups", "0.1.0")
        try:
            results.append(
                _import(db, path, worker, batch_rows=5, skip_invalid=True, decisions=decisions)
            )
        finally:
            db.close()
    (in_process, progress), (pipelined, worker_progress) = results
    assert pipelined == in_process
    assert worker_progress == progress
    assert progress[-1] == (in_process.rows, 1.0)
    # What the file says happened, happened.
    assert (in_process.imported, in_process.merged, in_process.skipped) == (31, 2, 4)
    assert (in_process.errors, in_process.match_count) == (3, 4)
    assert _dump(second, before) == _dump(first, before)
    conn = sqlite3.connect(second)
    a = conn.execute(
        "SELECT id, email, address, company_kana FROM prospect WHERE company = '会社A'"
    ).fetchall()
    assert [row[1:] for row in a] == [("a@example.jp", "新潟県", "ｶｲｼｬｴｰ")]
    contacts = conn.execute(
        "SELECT name, email FROM contact WHERE prospect_id = ? ORDER BY created_at", (a[0][0],)
    ).fetchall()
    assert contacts == [("田中 一郎", "tanaka@example.jp"), ("高橋 花子", ""), ("伊藤 三郎", "")]
    suzuki = conn.execute("SELECT stage, address FROM prospect WHERE company = '鈴木商事'")
    assert suzuki.fetchall() == [("customer", "大阪府")]
    # The full-text tables' in-memory buffer, raised for the import, is back to SQLite's.
    for table in ("prospect_fts", "prospect_names_fts"):
        setting = f"SELECT v FROM {table}_config WHERE k = 'hashsize'"
        assert conn.execute(setting).fetchall() == [(1 << 20,)]
    conn.close()


@linux_only
def test_a_bad_line_found_by_the_worker_writes_nothing(
    db: Database, tmp_path: Path, no_workers_left: dict[int, bytes]
) -> None:
    _existing(db)
    before = _dump(Path(db.path), set())  # type: ignore[arg-type]
    path = tmp_path / "list.csv"
    lines = [f"会社{i},,03-{i:04d}-0000,,,,,\n" for i in range(300)]
    path.write_text(HEADER + "".join(lines) + '"never closed,,,\n', encoding="cp932")
    with pytest.raises(InterchangeError) as exc:
        _import(db, path, worker=True, batch_rows=20)
    assert exc.value.code == E.MALFORMED_CSV
    assert exc.value.line == 302
    assert _dump(Path(db.path), set()) == before  # type: ignore[arg-type]


@linux_only
def test_cancel_stops_the_worker_and_writes_nothing(
    db: Database, tmp_path: Path, no_workers_left: dict[int, bytes]
) -> None:
    _existing(db)
    before = _dump(Path(db.path), set())  # type: ignore[arg-type]
    path = tmp_path / "list.csv"
    lines = [f"会社{i},,03-{i:04d}-0000,,,,担当 {i},\n" for i in range(20_000)]
    path.write_text(HEADER + "".join(lines), encoding="cp932")
    seen: list[int] = []
    running: list[list[int]] = []

    def progress(rows: int, fraction: float) -> None:
        seen.append(rows)
        running.append(_workers(no_workers_left))

    with pytest.raises(InterchangeError) as exc:
        run_import(
            db, path, source.detect(path), ImportOptions(MAPPING, batch_rows=200, worker=True),
            progress=progress, cancelled=lambda: len(seen) >= 2,
        )  # fmt: skip
    assert exc.value.code == E.CANCELLED
    assert seen == [200, 400]  # stopped at the next batch, not at the end of the file
    assert len(running[0]) == 1  # the worker was reading while the batches were written
    assert _workers(no_workers_left) == []
    assert _dump(Path(db.path), set()) == before  # type: ignore[arg-type]


@linux_only
def test_a_worker_that_dies_is_reported_and_nothing_is_written(
    db: Database, tmp_path: Path, no_workers_left: dict[int, bytes]
) -> None:
    _existing(db)
    before = _dump(Path(db.path), set())  # type: ignore[arg-type]
    path = tmp_path / "list.csv"
    lines = [f"会社{i},,03-{i:04d}-0000,,,,,\n" for i in range(20_000)]
    path.write_text(HEADER + "".join(lines), encoding="cp932")

    def kill_the_worker(rows: int, fraction: float) -> None:
        for pid in _workers(no_workers_left):
            os.kill(pid, signal.SIGKILL)

    with pytest.raises(InterchangeError) as exc:
        run_import(
            db, path, source.detect(path), ImportOptions(MAPPING, batch_rows=100, worker=True),
            progress=kill_the_worker,
        )  # fmt: skip
    assert exc.value.code == E.UNREADABLE_FILE
    assert "stopped" in exc.value.detail
    assert _dump(Path(db.path), set()) == before  # type: ignore[arg-type]


def test_small_files_stay_in_process_and_big_ones_use_the_worker(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(HEADER + "会社1,,,,,,,\n", encoding="cp932")
    fmt = source.detect(path)
    assert not uses_worker(path, fmt, ImportOptions(MAPPING))
    assert uses_worker(path, fmt, ImportOptions(MAPPING, worker=True))
    with path.open("a", encoding="cp932") as fh:
        fh.write("".join(f"会社{i},,03-{i:04d}-0000,,,東京都千代田区,,\n" for i in range(20_000)))
    assert uses_worker(path, fmt, ImportOptions(MAPPING))
    assert not uses_worker(path, fmt, ImportOptions(MAPPING, worker=False))


def _served(path: Path, mapping: Any) -> list[tuple[Any, ...]]:
    """The messages serve_batches sends, run on a thread of this process."""
    import marshal

    receiver, sender = Pipe(duplex=False)
    fmt = source.SourceFormat(encoding="cp932")
    thread = threading.Thread(
        target=prepare.serve_batches, args=(sender, path, fmt, mapping, 2, NOW)
    )
    thread.start()
    messages = []
    try:
        while True:
            messages.append(marshal.loads(receiver.recv_bytes()))
    except EOFError:
        pass
    thread.join()
    return messages


def test_the_worker_sends_batches_then_the_end_or_what_went_wrong(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(HEADER + "会社1,,,,,,,\n会社2,,,,,,,\n会社3,,,,,,,\n", encoding="cp932")
    messages = _served(path, MAPPING)
    assert [m[0] for m in messages] == [prepare.BATCH, prepare.BATCH, prepare.END]
    batches = [prepare.decode(m) for m in messages[:-1]]
    assert [b.lines for b in batches] == [[2, 3], [4]]
    assert [p[5] for b in batches for p in b.prospects] == ["会社1", "会社2", "会社3"]
    assert batches[-1].fraction == 1.0

    missing = _served(tmp_path / "gone.csv", MAPPING)
    assert missing[-1][:2] == (prepare.ERROR, E.UNREADABLE_FILE)
    broken = _served(path, [("会社名", "company"), ("フリガナ", None)])  # a bug, not the file
    assert broken[-1][0] == prepare.FAILED
    assert "Traceback" in broken[-1][1]
