"""Build tests/fixtures/schema/<revision>.sqlite3: a small data file at the current schema head.

Run it once whenever a new Alembic revision lands (before the next one does), and commit the
file: tests/test_core_schema.py opens every fixture with the running SalesDesk and checks that
the rep's data survives the upgrade. Past fixtures are history; this script never rewrites one
unless asked to with --force.

The rows are written with plain SQL against the schema as it is at this revision, so the
script does not depend on the ORM models (which move on with later revisions).

    python scripts/make_schema_fixture.py [--force]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from salesdesk.core.db import Database
from salesdesk.core.schema import SCHEMA_HEAD, run_migrations
from salesdesk.core.text import search_blob, spaced

FIXTURE_DIR = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "schema"

# Fixed ids and times so every regenerated file holds the same facts.
PROSPECT_ID = "3f0c1a52-7d4e-4c1b-9a36-0b5d6f1e2a01"
CONTACT_ID = "8b2d4e61-1c3a-4f7b-8e29-5a6c7d8e9f02"
INTERACTION_ID = "c4e5f6a7-2b3c-4d5e-9f60-718293a4b503"
FOLLOW_UP_ID = "d5f6a7b8-3c4d-4e5f-8a71-8293a4b5c604"
ASSESSMENT_ID = "e6a7b8c9-4d5e-4f60-9b82-93a4b5c6d705"
DEAL_ID = "f7b8c9d0-5e6f-4a71-8c93-a4b5c6d7e806"
ACTION_ITEM_ID = "a8c9d0e1-6f7a-4b82-9da4-b5c6d7e8f907"
COMPLAINT_ID = "b9d0e1f2-7a8b-4c93-8eb5-c6d7e8f9a008"
CREATED = "2026-04-01 00:30:00.000000"
CALLED = "2026-04-02 05:15:00.000000"
DUE = "2026-04-09 01:00:00.000000"
#: The app version that writes files at this revision.
APP_VERSION = "0.1.0"

COMPANY = "株式会社 山田製作所"
COMPANY_KANA = "ヤマダセイサクショ"
PROSPECT_PHONE = "0561-12-3456"
PROSPECT_EMAIL = "info@yamada-ss.example.jp"
CONTACT_NAME = "山田 花子"
CONTACT_KANA = "ヤマダ ハナコ"
CONTACT_PHONE = "090-1234-5678"
CONTACT_EMAIL = "hanako@yamada-ss.example.jp"
NOTES = "社長は朝が早い。\n駐車場は裏手 🚗"
SUMMARY = "展示会の案内を渡した"
FOLLOW_UP_WHAT = "導入事例の資料を送る"


def fill(conn: sqlite3.Connection) -> None:
    """Insert one prospect with a contact, a logged call and an open follow-up."""
    search = search_blob(
        [
            COMPANY,
            COMPANY_KANA,
            PROSPECT_PHONE,
            PROSPECT_EMAIL,
            CONTACT_NAME,
            CONTACT_KANA,
            CONTACT_PHONE,
            CONTACT_EMAIL,
        ]
    )
    sync = ("created_at", "updated_at", "deleted_at", "version")
    conn.execute(
        "INSERT INTO prospect (id, company, company_kana, stage, is_customer, phone, email, "
        "address, website, notes, strength, last_contact_at, next_follow_up_at, search_text, "
        f"{', '.join(sync)}) VALUES (?, ?, ?, 'hearing', 0, ?, ?, ?, '', ?, 2, ?, ?, ?, "
        "?, ?, NULL, 3)",
        (
            PROSPECT_ID,
            COMPANY,
            COMPANY_KANA,
            PROSPECT_PHONE,
            PROSPECT_EMAIL,
            "愛知県瀬戸市1-2-3",
            NOTES,
            CALLED,
            DUE,
            search,
            CREATED,
            CALLED,
        ),
    )
    conn.execute(
        "INSERT INTO contact (id, prospect_id, name, name_kana, title, department, "
        "is_decision_maker, phone, email, notes, "
        f"{', '.join(sync)}) VALUES (?, ?, ?, ?, '専務', '営業部', 1, ?, ?, '', ?, ?, NULL, 1)",
        (
            CONTACT_ID,
            PROSPECT_ID,
            CONTACT_NAME,
            CONTACT_KANA,
            CONTACT_PHONE,
            CONTACT_EMAIL,
            CREATED,
            CREATED,
        ),
    )
    conn.execute(
        "INSERT INTO interaction (id, prospect_id, contact_id, occurred_at, channel, kind, "
        "outcome, summary, notes, duration_min, small_yes, customer_initiated, no_next_step, "
        f"{', '.join(sync)}) VALUES (?, ?, ?, ?, 'visit', 'information', 'reached', ?, '', 25, "
        "1, 0, 0, ?, ?, NULL, 1)",
        (INTERACTION_ID, PROSPECT_ID, CONTACT_ID, CALLED, SUMMARY, CALLED, CALLED),
    )
    conn.execute(
        "INSERT INTO follow_up (id, prospect_id, interaction_id, due_at, what, kind, status, "
        f"completed_at, notified_at, {', '.join(sync)}) VALUES (?, ?, ?, ?, ?, 'labour', "
        "'open', NULL, NULL, ?, ?, NULL, 1)",
        (FOLLOW_UP_ID, PROSPECT_ID, INTERACTION_ID, DUE, FOLLOW_UP_WHAT, CALLED, CALLED),
    )
    # Columns added by later revisions, filled the way the app fills them there.
    columns = {row[1] for row in conn.execute("PRAGMA table_info(prospect)")}
    if "search_names" in columns:  # 0002: names and readings only, for short search terms
        names = spaced(search_blob([COMPANY, COMPANY_KANA, CONTACT_NAME, CONTACT_KANA]))
        conn.execute("UPDATE prospect SET search_names = ? WHERE id = ?", (names, PROSPECT_ID))
    if "sort_key" in columns:  # 0002: the folded reading the list sorts by
        key = search_blob([COMPANY_KANA])
        conn.execute("UPDATE prospect SET sort_key = ? WHERE id = ?", (key, PROSPECT_ID))
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "relationship_assessment" in tables:  # 0003: a dated assessment, denormalised
        conn.execute(
            "INSERT INTO relationship_assessment (id, prospect_id, assessed_at, business, "
            "empathy, contribution, multi_contact, key_contact, voluntary, need_awareness, "
            f"note, {', '.join(sync)}) VALUES (?, ?, ?, 0, 1, 1, 0, 0, 0, 2, ?, ?, ?, NULL, 1)",
            (ASSESSMENT_ID, PROSPECT_ID, CALLED, "専務と話せた", CALLED, CALLED),
        )
        conn.execute(
            # strength stays 2: the total of the scores above, as the app keeps it.
            "UPDATE prospect SET strength = 2, assessed_at = ?, weakest = 'business' WHERE id = ?",
            (CALLED, PROSPECT_ID),
        )
    if "deal" in tables:  # 0004: a deal answered △ once, one checklist tick, one question
        conn.execute(
            "INSERT INTO deal (id, prospect_id, title, amount, currency, stage, result, "
            "result_on, pending_streak, opened_at, reached_closing_at, forecast_on, "
            "decision_deadline, goal_on, last_useful_on, decision_maker, decision_steps, "
            "collect_first, competitors, second_arrow, third_arrow, loss_category, loss_words, "
            f"loss_said_by, loss_said_on, {', '.join(sync)}) VALUES (?, ?, '展示会出展パック', "
            "1200000, 'JPY', 'closing', 'pending', '2026-04-02', 1, ?, ?, '2026-05-31', "
            "'2026-04-20', '2026-09-30', '2026-08-15', '山田専務', '専務→社長決裁', "
            "'他社見積もり', 'A社', '小規模プラン', '分割払い', NULL, '', '', NULL, ?, ?, NULL, 1)",
            (DEAL_ID, PROSPECT_ID, CREATED, CALLED, CREATED, CALLED),
        )
        conn.execute(
            "INSERT INTO deal_check (id, deal_id, item, done, note, done_on, "
            f"{', '.join(sync)}) VALUES ('a1b2c3d4-0000-4000-8000-000000000001', ?, "
            "'material_provided', 1, '事例集', '2026-04-02', ?, ?, NULL, 1)",
            (DEAL_ID, CALLED, CALLED),
        )
        conn.execute(
            "INSERT INTO deal_question (id, deal_id, question, asked_by, asked_on, answer, "
            f"resolved_on, {', '.join(sync)}) VALUES ('a1b2c3d4-0000-4000-8000-000000000002', "
            "?, '設営は誰がやる？', '山田 花子', '2026-04-02', '', NULL, ?, ?, NULL, 1)",
            (DEAL_ID, CALLED, CALLED),
        )
        conn.execute(
            "INSERT INTO deal_outcome (id, deal_id, result, decided_on, note, loss_category, "
            "loss_words, loss_said_by, loss_said_on, follow_up_id, "
            f"{', '.join(sync)}) VALUES ('a1b2c3d4-0000-4000-8000-000000000003', ?, 'pending', "
            "'2026-04-02', '社内で検討', NULL, '', '', NULL, NULL, ?, ?, NULL, 1)",
            (DEAL_ID, CALLED, CALLED),
        )
        conn.execute("UPDATE prospect SET pending_streak = 1 WHERE id = ?", (PROSPECT_ID,))
    if "customer_action_item" in tables:  # 0005: an item the customer owes, a complaint
        conn.execute(
            "INSERT INTO customer_action_item (id, prospect_id, contact_id, deal_id, title, "
            "consequence, due_at, lead_days, status, done_at, snoozed_until, notes, "
            f"{', '.join(sync)}) VALUES (?, ?, ?, ?, '社内稟議の結果', '4月の搬入に間に合わない', "
            "'2026-04-17 08:00:00.000000', 3, 'open', NULL, NULL, '', ?, ?, NULL, 1)",
            (ACTION_ITEM_ID, PROSPECT_ID, CONTACT_ID, DEAL_ID, CALLED, CALLED),
        )
        conn.execute(
            "INSERT INTO complaint (id, prospect_id, contact_id, deal_id, opened_at, "
            "description, severity, status, resolution, resolved_at, snoozed_until, "
            f"{', '.join(sync)}) VALUES (?, ?, ?, NULL, ?, '納品物の色違い', 'high', 'open', "
            "'', NULL, NULL, ?, ?, NULL, 1)",
            (COMPLAINT_ID, PROSPECT_ID, CONTACT_ID, CALLED, CALLED, CALLED),
        )
        conn.execute(
            "INSERT INTO reminder_log (key, source, source_id, moment, at, shown_at) VALUES "
            "(?, 'follow_up', ?, 'due', ?, ?)",
            (f"follow_up:{FOLLOW_UP_ID}:due:{DUE}", FOLLOW_UP_ID, DUE, DUE),
        )
    conn.execute(
        "INSERT INTO app_meta (key, value) VALUES ('app_version', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (APP_VERSION,),
    )


def build(dest: Path) -> None:
    """Create ``dest`` at the schema head with the sample rows, as one self-contained file."""
    db = Database.open(dest)
    try:
        run_migrations(db)
    finally:
        db.close()
    conn = sqlite3.connect(dest, isolation_level=None)
    try:
        conn.execute("BEGIN")
        fill(conn)
        conn.execute("COMMIT")
        # One file, no -wal/-shm beside it: fold the log in and leave WAL mode.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA page_size = 1024")  # small pages: a small file to commit
        conn.execute("VACUUM")
        problems = conn.execute("PRAGMA integrity_check").fetchall()
        if problems != [("ok",)]:
            raise SystemExit(f"{dest}: integrity_check failed: {problems}")
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="replace an existing fixture")
    args = parser.parse_args(argv)
    dest = FIXTURE_DIR / f"{SCHEMA_HEAD}.sqlite3"
    if dest.exists():
        if not args.force:
            print(f"{dest} exists; past fixtures are kept as they are (--force to rebuild)")
            return 1
        dest.unlink()
    FIXTURE_DIR.mkdir(parents=True, exist_ok=True)
    build(dest)
    for side in ("-wal", "-shm", "-journal"):
        if dest.with_name(dest.name + side).exists():
            raise SystemExit(f"{dest.name}{side} was left behind")
    print(f"wrote {dest} ({dest.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
