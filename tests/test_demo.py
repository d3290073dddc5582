"""The demo generator: reproducible, realistic, and shaped exactly like service-written data."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from salesdesk.core import demo
from salesdesk.core.calls import CallInput, CallService
from salesdesk.core.db import Database
from salesdesk.core.demo import DemoSummary, generate_demo
from salesdesk.core.enums import InteractionKind, Stage
from salesdesk.core.listing import end_of_local_day, from_db_time, to_db_time
from salesdesk.core.models import Prospect
from salesdesk.core.prospects import ProspectQuery, ProspectService, refresh_search_text
from salesdesk.core.schema import open_database

NOW = datetime(2026, 6, 10, 3, 0, tzinfo=UTC)
TABLES = ("prospect", "contact", "interaction", "follow_up")
DB_TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")


def _dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    conn = db.reader()
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}


def _count(db: Database, table: str) -> int:
    return int(db.reader().execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _indexes(db: Database) -> set[tuple[str, str]]:
    rows = db.reader().execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
    return {(name, sql or "") for name, sql in rows}


def _other_db(tmp_path: Path, name: str) -> Database:
    folder = tmp_path / name
    return open_database(folder / "salesdesk.sqlite3", folder / "backups", "0.1.0")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    """One generated database of 400 prospects, shared by the read-only checks."""
    folder = tmp_path_factory.mktemp("demo")
    db = open_database(folder / "salesdesk.sqlite3", folder / "backups", "0.1.0")
    summary = generate_demo(db, 400, seed=7, now=NOW)
    yield db, summary
    db.close()


def test_same_seed_gives_the_same_rows_ids_included(db: Database, tmp_path: Path) -> None:
    generate_demo(db, 40, seed=3, now=NOW)
    other = _other_db(tmp_path, "again")
    try:
        generate_demo(other, 40, seed=3, now=NOW)
        assert _dump(other) == _dump(db)
    finally:
        other.close()


def test_another_seed_gives_other_companies_and_ids(db: Database, tmp_path: Path) -> None:
    generate_demo(db, 40, seed=3, now=NOW)
    other = _other_db(tmp_path, "other")
    try:
        generate_demo(other, 40, seed=4, now=NOW)
        first, second = _dump(db)["prospect"], _dump(other)["prospect"]
        assert {r[0] for r in first}.isdisjoint(r[0] for r in second)
        assert [r[5] for r in first] != [r[5] for r in second]  # company names
    finally:
        other.close()


def test_counts_follow_the_brief(demo_db: tuple[Database, DemoSummary]) -> None:
    db, summary = demo_db
    assert summary.prospects == _count(db, "prospect") == 400
    assert summary.contacts == _count(db, "contact")
    assert summary.interactions == _count(db, "interaction")
    assert summary.follow_ups == _count(db, "follow_up")
    assert 2.5 <= summary.contacts / 400 <= 3.5
    assert 8.5 <= summary.interactions / 400 <= 11.5
    assert 0.75 <= summary.follow_ups / 400 <= 0.95  # "one open follow-up for most"
    conn = db.reader()
    stages = Counter(r[0] for r in conn.execute("SELECT stage FROM prospect"))
    assert set(stages) == {s.value for s in Stage}
    customers = conn.execute("SELECT count(*) FROM prospect WHERE is_customer").fetchone()[0]
    assert customers == summary.customers > 0
    share = conn.execute("SELECT avg(is_decision_maker) FROM contact").fetchone()[0]
    assert 0.12 <= share <= 0.3
    flags = conn.execute("SELECT sum(small_yes), sum(customer_initiated) FROM interaction")
    small_yes, initiated = flags.fetchone()
    assert small_yes > 0 and initiated > 0
    kinds = {r[0] for r in conn.execute("SELECT DISTINCT kind FROM interaction")}
    assert kinds == {k.value for k in InteractionKind}


def test_every_row_has_sync_keys_and_model_shaped_times(
    demo_db: tuple[Database, DemoSummary],
) -> None:
    db, _ = demo_db
    conn = db.reader()
    for table in TABLES:
        assert conn.execute(
            f"SELECT count(*) FROM {table} WHERE version != 1 OR deleted_at IS NOT NULL"
            " OR length(id) != 36 OR created_at IS NULL OR updated_at IS NULL"
        ).fetchone() == (0,)
    times = [r[0] for r in conn.execute("SELECT occurred_at FROM interaction LIMIT 500")]
    times += [r[0] for r in conn.execute("SELECT due_at FROM follow_up LIMIT 100")]
    for text in times:
        # Exactly the text the services and the models write for that moment.
        assert DB_TIME.match(text), text
        moment = from_db_time(text)
        assert moment is not None
        assert to_db_time(moment) == text
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # Calls name contacts of their own prospect; follow-ups hang off their own calls.
    assert conn.execute(
        "SELECT count(*) FROM interaction i JOIN contact c ON c.id = i.contact_id"
        " WHERE c.prospect_id != i.prospect_id"
    ).fetchone() == (0,)
    assert conn.execute(
        "SELECT count(*) FROM follow_up f JOIN interaction i ON i.id = f.interaction_id"
        " WHERE i.prospect_id != f.prospect_id OR i.no_next_step"
    ).fetchone() == (0,)


def test_calls_are_in_the_past_and_follow_ups_spread_around_today(
    demo_db: tuple[Database, DemoSummary],
) -> None:
    db, _ = demo_db
    conn = db.reader()
    now_text = to_db_time(NOW)
    oldest = to_db_time(NOW - timedelta(days=demo.HISTORY_DAYS + 30))
    assert conn.execute(
        "SELECT count(*) FROM interaction WHERE occurred_at > ? OR occurred_at < ?",
        (now_text, oldest),
    ).fetchone() == (0,)
    day_end = to_db_time(end_of_local_day(NOW))
    day_start = to_db_time(end_of_local_day(NOW - timedelta(days=1)))
    dues = [r[0] for r in conn.execute("SELECT due_at FROM follow_up WHERE status = 'open'")]
    overdue = [d for d in dues if d < day_start]
    today = [d for d in dues if day_start <= d <= day_end]
    later = [d for d in dues if d > day_end]
    assert overdue and today and later
    # A prospect is added before its first call; a follow-up comes after the call that set it.
    assert conn.execute(
        "SELECT count(*) FROM interaction i JOIN prospect p ON p.id = i.prospect_id"
        " WHERE i.occurred_at < p.created_at"
    ).fetchone() == (0,)
    assert conn.execute(
        "SELECT count(*) FROM contact c JOIN prospect p ON p.id = c.prospect_id"
        " WHERE c.created_at < p.created_at"
    ).fetchone() == (0,)
    assert conn.execute(
        "SELECT count(*) FROM follow_up f JOIN interaction i ON i.id = f.interaction_id"
        " WHERE f.due_at <= i.occurred_at"
    ).fetchone() == (0,)


def test_denormalised_columns_match_what_the_services_compute(
    demo_db: tuple[Database, DemoSummary],
) -> None:
    db, _ = demo_db
    conn = db.reader()
    assert conn.execute(
        "SELECT count(*) FROM prospect p WHERE"
        " p.last_contact_at IS NOT (SELECT max(occurred_at) FROM interaction i"
        "   WHERE i.prospect_id = p.id AND i.deleted_at IS NULL)"
        " OR p.next_follow_up_at IS NOT (SELECT min(due_at) FROM follow_up f"
        "   WHERE f.prospect_id = p.id AND f.status = 'open' AND f.deleted_at IS NULL)"
    ).fetchone() == (0,)
    ids = [r[0] for r in conn.execute("SELECT id FROM prospect ORDER BY rowid LIMIT 60")]
    with db.read() as session:
        columns = [c.key for c in Prospect.__table__.columns]
        for prospect_id in ids:
            prospect = session.get(Prospect, prospect_id)
            assert prospect is not None
            stored = {key: getattr(prospect, key) for key in columns}
            refresh_search_text(session, prospect)  # what the service does after an edit
            assert {key: getattr(prospect, key) for key in columns} == stored
            session.expunge(prospect)


def test_a_call_logged_by_the_service_keeps_the_demo_dates(
    db: Database, calls: CallService
) -> None:
    """The service recomputes the list's dates from all rows; they must stay as they were."""
    generate_demo(db, 30, seed=5, now=NOW)
    rows = db.reader().execute(
        "SELECT id, last_contact_at, next_follow_up_at FROM prospect"
        " WHERE last_contact_at IS NOT NULL"
    )
    for prospect_id, last_contact, next_follow_up in rows.fetchall():
        calls.log_call(
            CallInput(
                prospect_id=prospect_id,
                summary="古い記録の追加",
                occurred_at=NOW - timedelta(days=900),
                no_next_step=True,
            )
        )
        after = (
            db.reader()
            .execute(
                "SELECT last_contact_at, next_follow_up_at FROM prospect WHERE id = ?",
                (prospect_id,),
            )
            .fetchone()
        )
        assert after == (last_contact, next_follow_up)


def test_readings_are_katakana(demo_db: tuple[Database, DemoSummary]) -> None:
    db, _ = demo_db
    conn = db.reader()
    katakana = re.compile(r"^[\u30a1-\u30fc]+$")
    for (kana,) in conn.execute("SELECT company_kana FROM prospect"):
        assert katakana.match(kana), kana
    name = re.compile(r"^[\u30a1-\u30fc]+\u3000[\u30a1-\u30fc]+$")
    for (kana,) in conn.execute("SELECT name_kana FROM contact"):
        assert name.match(kana), kana


def test_company_names_look_japanese_with_some_latin_ones(
    demo_db: tuple[Database, DemoSummary],
) -> None:
    db, _ = demo_db
    conn = db.reader()
    companies = [r[0] for r in conn.execute("SELECT company FROM prospect")]
    forms = ("株式会社", "有限会社", "合同会社", "Co., Ltd.", "Inc.")
    assert all(any(f in c for f in forms) for c in companies)
    assert any(c.startswith("株式会社") for c in companies)
    assert any(c.endswith("株式会社") for c in companies)
    assert any(re.search(r"[A-Z][a-z]+ [A-Z][a-z]+", c) for c in companies)
    phone = re.compile(r"^0\d{1,4}-\d{1,4}-\d{4}$")
    for tel, address in conn.execute("SELECT phone, address FROM prospect"):
        assert phone.match(tel) and len(tel.replace("-", "")) == 10, tel
        assert re.search(r"[都道府県].+\d丁目\d+番\d+号$", address), address
    mobiles = [r[0] for r in conn.execute("SELECT phone FROM contact WHERE phone LIKE '0_0-%'")]
    assert mobiles and all(re.match(r"^0[789]0-\d{4}-\d{4}$", m) for m in mobiles)


def test_search_finds_a_generated_contact_by_reading_and_name(
    demo_db: tuple[Database, DemoSummary],
) -> None:
    db, _ = demo_db
    service = ProspectService(db, clock=lambda: NOW)
    rows = db.reader().execute(
        "SELECT prospect_id, name, name_kana FROM contact ORDER BY rowid LIMIT 5"
    )
    for prospect_id, name, kana in rows.fetchall():
        hiragana = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in kana)
        assert prospect_id in service.list_ids(ProspectQuery(search=hiragana))
        surname = name.split("\u3000")[0]  # often two characters: the short-term path
        assert prospect_id in service.list_ids(ProspectQuery(search=surname))


def test_due_filter_of_the_list_sees_the_demo_follow_ups(
    demo_db: tuple[Database, DemoSummary],
) -> None:
    db, _ = demo_db
    service = ProspectService(db, clock=lambda: NOW)
    due = set(service.list_ids(ProspectQuery(follow_up_due=True)))
    limit = to_db_time(end_of_local_day(NOW))
    expected = {
        r[0]
        for r in db.reader().execute(
            "SELECT id FROM prospect WHERE next_follow_up_at <= ?", (limit,)
        )
    }
    assert due == expected and 0 < len(due) < 400


def test_progress_is_reported_per_batch(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "BATCH_PROSPECTS", 10)
    seen: list[tuple[int, int]] = []
    summary = generate_demo(db, 25, seed=1, now=NOW, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(10, 25), (20, 25), (25, 25)]
    assert summary.prospects == _count(db, "prospect") == 25


def test_indexes_come_back_and_a_failed_run_adds_nothing(db: Database) -> None:
    before = _indexes(db)
    generate_demo(db, 20, seed=2, now=NOW)
    assert _indexes(db) == before
    counts = {t: _count(db, t) for t in TABLES}
    with pytest.raises(sqlite3.IntegrityError):
        generate_demo(db, 20, seed=2, now=NOW)  # the same ids again
    assert {t: _count(db, t) for t in TABLES} == counts
    assert _indexes(db) == before
    with db.raw_write() as conn:  # the shared writer got its page cache size back
        assert conn.execute("PRAGMA cache_size").fetchone()[0] != demo.DEMO_CACHE_KIB


def test_zero_prospects_writes_nothing_and_negative_is_refused(db: Database) -> None:
    assert generate_demo(db, 0, now=NOW) == DemoSummary(0, 0, 0, 0, 0)
    assert _count(db, "prospect") == 0
    with pytest.raises(ValueError):
        generate_demo(db, -1)


def test_uuid_text_is_a_version_4_uuid() -> None:
    import random
    import uuid

    a, b = random.Random(9), random.Random(9)
    for _ in range(50):
        assert demo._uuid4(a) == str(uuid.UUID(int=b.getrandbits(128), version=4))


def test_demo_has_customer_items_and_complaints_for_the_days_list(
    demo_db: tuple[Database, DemoSummary],
) -> None:
    from salesdesk.core.action_items import ActionItemService
    from salesdesk.core.complaints import ComplaintService
    from salesdesk.core.today import Bucket, TodayService

    db, _summary = demo_db
    items = ActionItemService(db, lambda: NOW).open_items()
    assert 10 <= len(items) <= 240  # a few hundred at most, whatever the demo's size
    assert any(i.is_overdue(NOW) for i in items)
    assert any(i.check_is_due(NOW) for i in items)
    complaints = ComplaintService(db, lambda: NOW)
    silent = complaints.silent(NOW, 3)
    assert silent and all(c.is_customer for c in silent)
    assert any(complaints.contacts_made(c.id) for c in complaints.open_complaints())
    entries = TodayService(db, lambda: NOW).entries()
    overdue_items = [e for e in entries if e.bucket is Bucket.OVERDUE and e.check_due is False]
    assert overdue_items
    assert _count(db, "complaint") <= 30
