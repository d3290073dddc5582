"""Demo customer action items and complaints, so the day's list and the prospect's
"Follow-ups & items" tab have something to show.

Called by :func:`salesdesk.core.demo.generate_demo` inside its transaction, after the
calls and deals are written. Deterministic for a seed and a ``now``, and small whatever
the number of prospects (at most :data:`ITEMS_MAX` items and :data:`COMPLAINTS_MAX`
complaints): prospects late in the process owe something by a deadline — a few already
overdue, several inside their friendly-check lead time —, and some customers have a
problem after the sale, at least one still open with nobody in touch for days.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Sequence
from datetime import datetime, time, timedelta

from salesdesk.core.listing import from_db_time, to_db_time

__all__ = ["COMPLAINTS_MAX", "ITEMS_MAX", "generate_reminders"]

ITEMS_MAX = 240
COMPLAINTS_MAX = 30
ITEM_SHARE = 0.3  # of the prospects at hearing, proposal, closing or customer
COMPLAINT_SHARE = 0.12  # of the customers

_ITEM_STAGES = frozenset({"hearing", "proposal", "closing", "customer"})
_ITEMS = (
    ("社内稟議の結果のご連絡", "4月の搬入枠を他社に回すことになります"),
    ("見積もり内容のご確認", "見積もりの有効期限（今月末）が切れます"),
    ("仕様のご決定", "製作開始が翌月にずれ込みます"),
    ("導入スケジュールのご回答", "初期設定の作業日が確保できません"),
    ("必要データのご提供", "分析レポートの納品が遅れます"),
    ("契約書の押印・ご返送", "サービス開始日が後ろ倒しになります"),
    ("発注書のご送付", "展示会の申込期限に間に合いません"),
    ("ご担当者様のご決定", ""),
)
_COMPLAINTS = (
    ("納品したパンフレットの色が校正刷りと違う", "high", "刷り直して再納品し、お詫びに訪問した"),
    ("請求書の金額に誤りがあった", "medium", "訂正した請求書を再発行した"),
    ("設置後に機器の動作が不安定", "high", "交換機を手配し、動作確認に立ち会った"),
    ("問い合わせへの返答が遅いとのご指摘", "low", "窓口を一本化し、当日中に返答する体制にした"),
    ("納期が2日遅れた", "medium", "次回から週次で進捗を共有することにした"),
)


def _at(now: datetime, days: int, hour: int, minute: int) -> str:
    """``days`` from today at the local wall-clock time, as stored text."""
    local = now.astimezone()
    day = local.date() + timedelta(days=days)
    return to_db_time(datetime.combine(day, time(hour, minute), tzinfo=local.tzinfo))


def generate_reminders(
    conn: sqlite3.Connection, prospect_ids: Sequence[str], seed: int, now: datetime
) -> tuple[int, int]:
    """Add demo action items and complaints; return how many of each."""
    rng = random.Random(f"reminders-{seed}")

    def uuid() -> str:
        h = f"{rng.getrandbits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    now_text = to_db_time(now)
    items: list[tuple[object, ...]] = []
    complaints: list[tuple[object, ...]] = []
    for pid in prospect_ids:
        if len(items) >= ITEMS_MAX and len(complaints) >= COMPLAINTS_MAX:
            break
        stage, is_customer, last_contact = conn.execute(
            "SELECT stage, is_customer, last_contact_at FROM prospect WHERE id = ?", (pid,)
        ).fetchone()
        wants_item = stage in _ITEM_STAGES and rng.random() < ITEM_SHARE
        wants_complaint = bool(is_customer) and rng.random() < COMPLAINT_SHARE
        if not (wants_item and len(items) < ITEMS_MAX) and not (
            wants_complaint and len(complaints) < COMPLAINTS_MAX
        ):
            continue
        contact = conn.execute(
            "SELECT id FROM contact WHERE prospect_id = ? ORDER BY is_decision_maker DESC,"
            " created_at LIMIT 1",
            (pid,),
        ).fetchone()
        contact_id = contact[0] if contact else None
        if wants_item and len(items) < ITEMS_MAX:
            n = len(items)
            # The first few cover each moment: overdue (hours, then days), inside the
            # lead time, the check due today; the rest spread over six weeks.
            days = (0, -2, 1, 2, 3)[n] if n < 5 else rng.randint(-10, 35)
            hour, minute = (rng.randint(10, 17), rng.choice((0, 30)))
            if n == 0:  # overdue by a couple of hours, whatever the time of day
                due = to_db_time(now - timedelta(hours=2, minutes=rng.randint(0, 50)))
            else:
                due = _at(now, days, hour, minute)
            title, consequence = rng.choice(_ITEMS)
            lead = 3 if n < 5 else rng.choice((3, 3, 3, 5, 7, 0))
            status = "open" if days >= -3 or rng.random() < 0.4 else "done"
            done_at = now_text if status == "done" else None
            created = _at(now, min(days, 0) - rng.randint(7, 30), 9, 30)
            items.append(
                (uuid(), pid, contact_id, None, title, consequence, due, lead, status,
                 done_at, None, "", created, created, None, 1)
            )  # fmt: skip
        if wants_complaint and len(complaints) < COMPLAINTS_MAX:
            n = len(complaints)
            description, severity, resolution = rng.choice(_COMPLAINTS)
            last = from_db_time(last_contact)
            if n == 0 or (n % 3 == 1):
                # Open, and nobody in touch since: flagged after the silence period.
                opened = now - timedelta(days=rng.randint(4, 12), hours=rng.randint(0, 6))
                if last is not None and last > opened:
                    opened = last + timedelta(hours=1)
                    opened = min(opened, now - timedelta(days=4))
                status, resolved_at, resolution = "open", None, ""
            elif n % 3 == 2 and last is not None:
                # Opened before the last calls: those show as the contacts made since.
                opened = last - timedelta(days=rng.randint(2, 10))
                status, resolved_at, resolution = "in_progress", None, ""
            else:
                opened = now - timedelta(days=rng.randint(30, 200))
                status = "resolved"
                resolved_at = to_db_time(opened + timedelta(days=rng.randint(2, 14)))
            opened_text = to_db_time(opened)
            complaints.append(
                (uuid(), pid, contact_id, None, opened_text, description, severity, status,
                 resolution, resolved_at, None, opened_text, opened_text, None, 1)
            )  # fmt: skip
    conn.executemany(
        "INSERT INTO customer_action_item (id, prospect_id, contact_id, deal_id, title,"
        " consequence, due_at, lead_days, status, done_at, snoozed_until, notes, created_at,"
        " updated_at, deleted_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        items,
    )
    conn.executemany(
        "INSERT INTO complaint (id, prospect_id, contact_id, deal_id, opened_at, description,"
        " severity, status, resolution, resolved_at, snoozed_until, created_at, updated_at,"
        " deleted_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        complaints,
    )
    return len(items), len(complaints)
