"""Demo relationship assessments, so the radar, timeline and analytics have data.

Called by :func:`salesdesk.core.demo.generate_demo` inside its transaction, after the
calls are written. Deterministic for a seed. The demo's calls that set an appointment
or were declined are marked as appointment requests, and a share of the prospects get
an assessment history: before each request an assessment whose level leans towards
the outcome (strong before a set appointment, weak before a refusal, with one in five
the other way round: the method is a tendency, not a law), or, with no request, a
slowly growing history over the last months.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta

from salesdesk.core.listing import from_db_time, to_db_time
from salesdesk.core.relationship import MAX_SCORE, SCORE_KEYS, Scores, weakest_dimension

#: Share of the new demo prospects that get assessments, and a cap for huge demos.
ASSESSED_SHARE = 0.4
ASSESSED_MAX = 3000
_CHUNK = 500


def _score(rng: random.Random, level: float) -> int:
    return max(0, min(MAX_SCORE, round(rng.gauss(level, 0.9))))


def _scores(rng: random.Random, level: float, is_customer: bool) -> Scores:
    values = {k: _score(rng, level) for k in SCORE_KEYS}
    if not is_customer:
        values["business"] = 0  # no trade yet: zero for a prospect, as the method says
    return Scores(**values)


def generate_assessments(
    conn: sqlite3.Connection, prospect_ids: Sequence[str], seed: int, now: datetime
) -> int:
    """Mark appointment requests and add assessment histories; return assessments added."""
    rng = random.Random(f"assessments-{seed}")
    ids = list(prospect_ids)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        conn.execute(
            "UPDATE interaction SET appointment_requested = 1"
            " WHERE outcome IN ('appointment_set', 'declined')"
            f" AND prospect_id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
    chosen = [pid for pid in ids if rng.random() < ASSESSED_SHARE][:ASSESSED_MAX]
    rows: list[tuple[object, ...]] = []
    latest: list[tuple[object, ...]] = []
    for pid in chosen:
        created_text, is_customer = conn.execute(
            "SELECT created_at, is_customer FROM prospect WHERE id = ?", (pid,)
        ).fetchone()
        created = from_db_time(created_text) or now
        requests = conn.execute(
            "SELECT occurred_at, outcome FROM interaction WHERE prospect_id = ?"
            " AND appointment_requested = 1 ORDER BY occurred_at LIMIT 3",
            (pid,),
        ).fetchall()
        moments: list[tuple[datetime, float]] = []
        for at_text, outcome in requests:
            success = (outcome == "appointment_set") != (rng.random() < 0.2)
            level = rng.uniform(3.0, 4.6) if success else rng.uniform(0.3, 2.0)
            at = (from_db_time(at_text) or now) - timedelta(days=rng.randint(1, 10))
            moments.append((at, level))
        if not moments:
            level = rng.uniform(0.5, 2.0)
            for days in sorted(rng.sample(range(5, 150), rng.randint(1, 4)), reverse=True):
                moments.append((now - timedelta(days=days, hours=rng.randint(0, 8)), level))
                level += rng.uniform(0.0, 0.8)
        moments = sorted((max(at, created), level) for at, level in moments)
        for at, level in moments:
            scores = _scores(rng, level, bool(is_customer))
            at_text = to_db_time(at)
            h = f"{rng.getrandbits(128):032x}"
            row_id = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"
            rows.append((row_id, pid, at_text, *(scores.get(k) for k in SCORE_KEYS), "",
                         at_text, at_text))  # fmt: skip
        last_scores = Scores(*(int(str(v)) for v in rows[-1][3 : 3 + len(SCORE_KEYS)]))
        latest.append((last_scores.total, rows[-1][2], weakest_dimension(last_scores), pid))
    conn.executemany(
        "INSERT INTO relationship_assessment (id, prospect_id, assessed_at,"
        f" {', '.join(SCORE_KEYS)}, note, created_at, updated_at, deleted_at, version)"
        f" VALUES (?,?,?,{','.join('?' * len(SCORE_KEYS))},?,?,?,NULL,1)",
        rows,
    )
    conn.executemany(
        "UPDATE prospect SET strength = ?, assessed_at = ?, weakest = ? WHERE id = ?", latest
    )
    return len(rows)
