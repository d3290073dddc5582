"""Demo deals, so the deal panel, the closing checklist and the dashboard have data.

Called by :func:`salesdesk.core.demo.generate_demo` inside its transaction, after the
calls and assessments are written. Deterministic for a seed and a ``now``. Prospects past
the approach get a deal at their stage (customers a won one); deals at closing are won,
pending (some three or more times in a row), lost — always with the customer's stated
reason — or still open; checklists are partly ticked (the closing question asked on about
seven in ten deals that reached closing), with questions and worries, buying signals and
a few decision deadlines already passed.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta

from salesdesk.core.closing_rules import TICKED_ITEMS, CheckItem, LossCategory
from salesdesk.core.listing import from_db_time, to_db_time

#: Share of the eligible demo prospects that get a deal, and a cap for huge demos.
DEAL_SHARE = 0.6
DEALS_MAX = 1500

_TITLES = (
    "展示会出展パック",
    "採用イベント参加",
    "業務システム更新",
    "保守契約の更新",
    "販促パンフレット制作",
    "Web広告運用",
    "社員研修プログラム",
    "倉庫の省人化提案",
    "複合機の入替",
    "会計ソフト導入",
)
_LOSS_WORDS = {
    LossCategory.PRICE: ("予算の倍なので今回は見送ります", "他社の方が3割安かった"),
    LossCategory.TIMING: ("今期は設備投資を止めています", "来年度にもう一度相談させてください"),
    LossCategory.COMPETITOR: ("付き合いの長いA社にお願いしました", "本社指定の業者に決まりました"),
    LossCategory.NO_NEED: ("社内で対応できることになりました", "今のやり方で困っていないので"),
    LossCategory.INTERNAL_DECISION: ("役員会で否決されました", "社長の判断で見送りです"),
    LossCategory.OTHER: ("担当部署がなくなりました",),
}
_QUESTIONS = (
    ("導入後のサポート体制は？", "専任担当が月1回訪問します"),
    ("途中で解約できる？", "3か月前の通知で解約できます"),
    ("設営は誰がやる？", "当社スタッフが設営します"),
    ("社内の説明資料はもらえる？", "稟議用の資料を作成してお渡しします"),
    ("他社事例はある？", "同業3社の事例をお送りします"),
)
_SIGNALS = (
    "導入時期を具体的に聞かれた",
    "支払条件を質問された",
    "上司を同席させたいと言われた",
    "納期を確認された",
    "見積もりの内訳を求められた",
)
_ARROWS = (
    ("小規模プランで始める案", "分割払いの提案"),
    ("試用期間1か月", "来期開始での予約"),
)
_NEXT_MEETING = ("来月の展示会の相談", "新製品の説明会", "補助金の情報提供")
_NOTES = ("社内で検討中", "部長の出張明けに回答", "予算の確認待ち")
_STAGE_OF_PROSPECT = {
    "appointment": "appointment",
    "hearing": "hearing",
    "proposal": "proposal",
    "closing": "closing",
    "customer": "closing",
}


class _Rows:
    def __init__(self, rng: random.Random, now: datetime) -> None:
        self.rng = rng
        self.now = now
        self.today = now.astimezone().date()
        self.deal: list[tuple[object, ...]] = []
        self.check: list[tuple[object, ...]] = []
        self.question: list[tuple[object, ...]] = []
        self.signal: list[tuple[object, ...]] = []
        self.outcome: list[tuple[object, ...]] = []
        self.streaks: dict[str, int] = {}

    def uuid(self) -> str:
        h = f"{self.rng.getrandbits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    def day(self, days_from_today: int) -> str:
        return (self.today + timedelta(days=days_from_today)).isoformat()


_NO_LOSS: tuple[str | None, str, str, str | None] = (None, "", "", None)


def _outcome(
    rows: _Rows,
    deal_id: str,
    result: str,
    on: str,
    note: str = "",
    loss: tuple[object, ...] = _NO_LOSS,
) -> None:
    at = to_db_time(datetime.fromisoformat(on).replace(tzinfo=rows.now.tzinfo) + timedelta(hours=9))
    rows.outcome.append(
        (rows.uuid(), deal_id, result, on, note, *loss, None, at, at)
    )  # fmt: skip


def _deal(
    rows: _Rows,
    prospect_id: str,
    stage_of_prospect: str,
    created: datetime,
    contact: str,
    lost: bool = False,
) -> None:
    rng = rows.rng
    deal_id = rows.uuid()
    stage = _STAGE_OF_PROSPECT[stage_of_prospect]
    opened = max(created, rows.now - timedelta(days=rng.randint(20, 240)))
    span = max(1, (rows.now - opened).days)
    reached_closing = None
    if stage == "closing":
        reached_closing = opened + timedelta(days=rng.randint(0, span))
    result = result_on = None
    streak = 0
    loss: tuple[str | None, str, str, str | None] = (None, "", "", None)
    if lost:  # an earlier deal the customer turned down, with their reason
        result = "lost"
    elif stage_of_prospect == "customer":
        result = "won"
    elif stage == "closing":
        result = rng.choices(["won", "lost", "pending", None], [25, 30, 25, 20])[0]
    elif stage == "proposal":
        result = rng.choices(["lost", "pending", None], [25, 30, 45])[0]
    if result is not None:
        earliest = (reached_closing or opened).astimezone().date()
        result_day = min(rows.today, earliest + timedelta(days=rng.randint(0, 30)))
        result_on = result_day.isoformat()
        if result == "pending":
            streak = rng.choices([1, 2, 3, 4], [40, 30, 20, 10])[0]
            for k in range(streak):
                on = (result_day - timedelta(days=14 * (streak - 1 - k))).isoformat()
                _outcome(rows, deal_id, "pending", on, rng.choice(_NOTES))
        elif result == "lost":
            category = rng.choice(tuple(LossCategory))
            words = rng.choice(_LOSS_WORDS[category])
            loss = (category.value, words, contact or "ご担当者", result_on)
            _outcome(rows, deal_id, "lost", result_on, "", loss)
        else:
            if rng.random() < 0.4:
                _outcome(rows, deal_id, "pending", (result_day - timedelta(days=10)).isoformat())
            _outcome(rows, deal_id, "won", result_on)
    is_open = result in (None, "pending")
    if is_open:
        rows.streaks[prospect_id] = max(rows.streaks.get(prospect_id, 0), streak)
    late = stage in ("proposal", "closing")
    deadline = rows.day(rng.randint(-20, 40)) if late and rng.random() < 0.8 else None
    second, third = rng.choice(_ARROWS) if late and rng.random() < 0.5 else ("", "")
    if second and rng.random() < 0.3:
        third = ""  # an arrow thought of but not written down yet
    amount = rng.randint(3, 500) * 10_000
    opened_text = to_db_time(opened)
    rows.deal.append(
        (deal_id, prospect_id, rng.choice(_TITLES), amount, "JPY", stage, result, result_on,
         streak, opened_text, None if reached_closing is None else to_db_time(reached_closing),
         rows.day(rng.randint(5, 90)) if is_open else None, deadline,
         rows.day(rng.randint(60, 300)) if late else None,
         rows.day(rng.randint(30, 200)) if late else None,
         contact if late else "", "担当者が比較表を作り、部長が決裁" if late else "",
         "他社の見積もり" if late and rng.random() < 0.5 else "",
         "A社" if late and rng.random() < 0.4 else "", second, third, *loss,
         opened_text, opened_text)
    )  # fmt: skip
    # The checklist: further along, more is ticked; the closing question on ~70% at closing.
    chance = {"appointment": 0.1, "hearing": 0.25, "proposal": 0.5, "closing": 0.75}[stage]
    for item in TICKED_ITEMS:
        if item is CheckItem.CLOSING_QUESTION:
            done = reached_closing is not None and rng.random() < 0.7
        elif item is CheckItem.DEADLINE_FIXED:
            done = deadline is not None and rng.random() < 0.8
        else:
            done = rng.random() < chance
        if not done:
            continue
        note = rng.choice(_NEXT_MEETING) if item is CheckItem.NEXT_MEETING else ""
        on = rows.day(-rng.randint(0, min(60, span)))
        rows.check.append((rows.uuid(), deal_id, item.value, 1, note, on, opened_text, opened_text))
    for question, answer in rng.sample(_QUESTIONS, rng.randint(0, 3 if late else 1)):
        resolved = rng.random() < 0.6
        rows.question.append(
            (rows.uuid(), deal_id, question, contact, rows.day(-rng.randint(5, 40)),
             answer if resolved else "", rows.day(-rng.randint(0, 4)) if resolved else None,
             opened_text, opened_text)
        )  # fmt: skip
    for text in rng.sample(_SIGNALS, rng.randint(0, 2) if late else 0):
        rows.signal.append(
            (rows.uuid(), deal_id, text, rows.day(-rng.randint(0, 30)), opened_text, opened_text)
        )


def generate_deals(
    conn: sqlite3.Connection, prospect_ids: Sequence[str], seed: int, now: datetime
) -> int:
    """Add demo deals with checklists, questions, signals and answers; return deals added."""
    rng = random.Random(f"deals-{seed}")
    rows = _Rows(rng, now)
    ids = list(prospect_ids)
    for pid in ids:
        if len(rows.deal) >= DEALS_MAX:
            break
        stage, created_text = conn.execute(
            "SELECT stage, created_at FROM prospect WHERE id = ?", (pid,)
        ).fetchone()
        if stage not in _STAGE_OF_PROSPECT or rng.random() >= DEAL_SHARE:
            continue
        contact = conn.execute(
            "SELECT name FROM contact WHERE prospect_id = ? ORDER BY is_decision_maker DESC,"
            " created_at LIMIT 1",
            (pid,),
        ).fetchone()
        created = from_db_time(created_text) or now
        _deal(rows, pid, stage, created, contact[0] if contact else "")
        if stage == "customer" and rng.random() < 0.4:
            _deal(rows, pid, "closing", created, contact[0] if contact else "", lost=True)
    sync = "created_at, updated_at, deleted_at, version"
    conn.executemany(
        "INSERT INTO deal (id, prospect_id, title, amount, currency, stage, result, result_on,"
        " pending_streak, opened_at, reached_closing_at, forecast_on, decision_deadline,"
        " goal_on, last_useful_on, decision_maker, decision_steps, collect_first, competitors,"
        " second_arrow, third_arrow, loss_category, loss_words, loss_said_by, loss_said_on,"
        f" {sync}) VALUES ({','.join('?' * 27)},NULL,1)",
        rows.deal,
    )
    conn.executemany(
        f"INSERT INTO deal_check (id, deal_id, item, done, note, done_on, {sync})"
        " VALUES (?,?,?,?,?,?,?,?,NULL,1)",
        rows.check,
    )
    conn.executemany(
        "INSERT INTO deal_question (id, deal_id, question, asked_by, asked_on, answer,"
        f" resolved_on, {sync}) VALUES (?,?,?,?,?,?,?,?,?,NULL,1)",
        rows.question,
    )
    conn.executemany(
        f"INSERT INTO deal_signal (id, deal_id, text, observed_on, {sync})"
        " VALUES (?,?,?,?,?,?,NULL,1)",
        rows.signal,
    )
    conn.executemany(
        "INSERT INTO deal_outcome (id, deal_id, result, decided_on, note, loss_category,"
        f" loss_words, loss_said_by, loss_said_on, follow_up_id, {sync})"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,NULL,1)",
        rows.outcome,
    )
    # The list's flag; the demo's prospects stay at version 1 (nothing was edited).
    conn.executemany(
        "UPDATE prospect SET pending_streak = ? WHERE id = ?",
        [(streak, pid) for pid, streak in rows.streaks.items() if streak],
    )
    return len(rows.deal)
