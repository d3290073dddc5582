"""SalesDesk speed goals, as ratios against floors measured in the same run.

    python bench/run.py [--prospects 100000] [--runs 5] [--only startup|search|log-call]

Builds (once, cached under bench/.cache/) a demo database of N prospects with ~3
contacts and ~10 interactions each, then measures:

- start -> main window painted, and -> first page of prospects drawn, against a bare
  PySide6 window (goals <= 1.5x and <= 3x);
- search keystroke -> list updated (ids re-queried and the first screen of rows
  fetched), p50/p95 over 1-5 character terms, against the raw sqlite3 queries of the
  same filter (goal <= 2x, p95 <= 50 ms);
- log-call commit against raw sqlite3 inserts + commit with the same pragmas
  (goal <= 1.5x); also, for reference, against the raw inserts plus the same update of
  the prospect's last-contact and next-follow-up dates that SalesDesk makes (the list
  sorts and flags by them);
- RSS with the list open against the bare window (goal <= +80 MB).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
OUT = HERE / "out"
TERMS = [
    "さ",
    "ト",
    "ｻﾄｳ",
    "さとう",
    "山田",
    "やまだ",
    "ヤマダ",
    "建設",
    "精機",
    "株式会社",
    "090",
    "０９０",
    "0312",
    "1234",
    "5678",
    "tanaka",
    "ito@",
    "co.jp",
    "食品",
    "かなざわ",
]
SCREEN_ROWS = 40


def build_demo(n: int) -> Path:
    data_dir = CACHE / f"demo-{n}"
    marker = data_dir / "complete"
    if marker.exists():
        return data_dir
    from salesdesk.config import Paths
    from salesdesk.core.demo import generate_demo
    from salesdesk.core.schema import open_database

    if data_dir.exists():
        for f in data_dir.rglob("*"):
            if f.is_file():
                f.unlink()
    paths = Paths(data_dir).ensure()
    db = open_database(paths.database, paths.backups, "bench")
    t0 = time.perf_counter()
    summary = generate_demo(db, n, seed=1)
    db.close()
    print(f"built demo database in {time.perf_counter() - t0:.1f} s: {summary}")
    marker.write_text("ok")
    return data_dir


def _probe(args: list[str]) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, str(HERE / "start_probe.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    values = dict(line.split() for line in out.splitlines() if line.strip())
    result = {"rss_mb": int(values["rss_kb"]) / 1024, "painted": float(values["painted"]) - t0}
    for key in ("built", "rows"):
        if key in values:
            result[key] = float(values[key]) - t0
    return result


def bench_startup(data_dir: Path, runs: int) -> dict[str, float]:
    # An installed SalesDesk has its bytecode compiled; so must the source tree measured here.
    import compileall

    compileall.compile_dir(str(HERE.parent / "salesdesk"), quiet=1)
    bare: list[dict[str, float]] = []
    ours: list[dict[str, float]] = []
    for _ in range(runs):  # interleaved, so that a busy moment hits both alike
        bare.append(_probe(["bare"]))
        ours.append(_probe(["salesdesk", str(data_dir)]))
    med = statistics.median
    return {
        "bare_painted_s": med(r["painted"] for r in bare),
        "painted_s": med(r["painted"] for r in ours),
        "built_s": med(r["built"] for r in ours),
        "rows_s": med(r["rows"] for r in ours),
        "bare_rss_mb": med(r["rss_mb"] for r in bare),
        "rss_mb": med(r["rss_mb"] for r in ours),
    }


def _raw_connection(path: Path) -> sqlite3.Connection:
    from salesdesk.core.db import apply_pragmas

    conn = sqlite3.connect(path, isolation_level=None)
    apply_pragmas(conn)
    return conn


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _floor_sql(term: str) -> str:
    """The one SQL statement that yields the same ordered rowids as the list for ``term``."""
    from salesdesk.core.listing import TRIGRAM_MIN
    from salesdesk.core.text import normalise

    index = "prospect_fts" if len(normalise(term)) >= TRIGRAM_MIN else "prospect_names_fts"
    return (
        "SELECT rowid FROM prospect WHERE deleted_at IS NULL AND rowid IN "
        f"(SELECT rowid FROM {index} WHERE {index} MATCH ?) ORDER BY sort_key, company"
    )


def _floor_params(term: str) -> tuple[str]:
    from salesdesk.core.listing import TRIGRAM_MIN, fts_phrase
    from salesdesk.core.text import normalise, spaced

    norm = normalise(term)
    return (fts_phrase(norm if len(norm) >= TRIGRAM_MIN else spaced(norm)),)


def bench_search(data_dir: Path, runs: int) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from salesdesk.core.listing import ProspectList, ProspectQuery
    from salesdesk.core.schema import open_database
    from salesdesk.ui.prospect_model import ProspectTableModel

    app = QApplication.instance() or QApplication([])
    db = open_database(data_dir / "salesdesk.sqlite3", data_dir / "backups", "bench")
    model = ProspectTableModel(ProspectList(db))
    raw = _raw_connection(data_dir / "salesdesk.sqlite3")
    ours: list[float] = []
    floor: list[float] = []
    for _ in range(runs):
        for term in TERMS:
            t0 = time.perf_counter()
            model.set_query(ProspectQuery(search=term))
            for row in range(min(SCREEN_ROWS, model.rowCount())):
                model.data(model.index(row, 0))
            ours.append(time.perf_counter() - t0)

            t0 = time.perf_counter()
            ids = [r[0] for r in raw.execute(_floor_sql(term), _floor_params(term))]
            page = ids[:SCREEN_ROWS]
            raw.execute(
                "SELECT id, company, company_kana, stage, strength, last_contact_at, "
                f"next_follow_up_at FROM prospect WHERE rowid IN ({','.join('?' * len(page))})",
                page,
            ).fetchall()
            floor.append(time.perf_counter() - t0)
    raw.close()
    db.close()
    del app
    return {
        "p50_ms": statistics.median(ours) * 1000,
        "p95_ms": _pct(ours, 0.95) * 1000,
        "floor_p50_ms": statistics.median(floor) * 1000,
        "floor_p95_ms": _pct(floor, 0.95) * 1000,
    }


_RAW_CALL = (
    "INSERT INTO interaction (id, prospect_id, contact_id, occurred_at, channel, kind, "
    "outcome, summary, notes, duration_min, small_yes, customer_initiated, no_next_step, "
    "created_at, updated_at, deleted_at, version) "
    "VALUES (?,?,NULL,?,'phone','information','reached',?,'',NULL,0,0,0,?,?,NULL,1)"
)
_RAW_FOLLOW_UP = (
    "INSERT INTO follow_up (id, prospect_id, interaction_id, due_at, what, kind, status, "
    "completed_at, notified_at, created_at, updated_at, deleted_at, version) "
    "VALUES (?,?,?,?,?,'other','open',NULL,NULL,?,?,NULL,1)"
)


def bench_log_call(data_dir: Path, count: int = 200) -> dict[str, float]:
    import shutil

    from salesdesk.core.calls import CallInput, CallService, NextStep
    from salesdesk.core.clock import utc_now
    from salesdesk.core.models import InteractionKind
    from salesdesk.core.schema import open_database

    work = CACHE / "log-call"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    src = sqlite3.connect(data_dir / "salesdesk.sqlite3")
    dst = sqlite3.connect(work / "salesdesk.sqlite3")
    src.backup(dst)
    src.close()
    dst.close()
    db = open_database(work / "salesdesk.sqlite3", work / "backups", "bench")
    raw = _raw_connection(work / "salesdesk.sqlite3")
    pids = [r[0] for r in raw.execute("SELECT id FROM prospect LIMIT ?", (count,))]
    # Read those prospects' pages once, so that whichever is timed first does not pay
    # for bringing them from disk.
    for pid in pids:
        raw.execute("SELECT * FROM prospect WHERE id=?", (pid,)).fetchall()
    calls = CallService(db)
    from salesdesk.core.calls import _ADVANCE_DATES

    def log_ours(pid: str) -> None:
        calls.log_call(
            CallInput(
                prospect_id=pid,
                summary="ベンチマークの通話",
                kind=InteractionKind.INFORMATION,
                next_step=NextStep(utc_now() + timedelta(days=3), "資料送付"),
            )
        )

    def log_raw(pid: str, dates: bool) -> None:
        now = utc_now().replace(tzinfo=None).isoformat(sep=" ")
        due = (utc_now() + timedelta(days=3)).replace(tzinfo=None).isoformat(sep=" ")
        call_id = str(uuid.uuid4())
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(_RAW_CALL, (call_id, pid, now, "ベンチマークの通話", now, now))
        raw.execute(_RAW_FOLLOW_UP, (str(uuid.uuid4()), pid, call_id, due, "資料送付", now, now))
        if dates:  # the prospect's dates as SalesDesk moves them (for reference)
            raw.execute(_ADVANCE_DATES, {"occurred": now, "due": due, "now": now, "id": pid})
        raw.execute("COMMIT")

    # Interleaved call by call and compared by medians: the commit waits for the disk
    # (synchronous=FULL), and a busy disk must not favour whichever loop ran quieter.
    timed: dict[str, list[float]] = {"ours": [], "floor": [], "floor_dates": []}
    steps = {
        "ours": log_ours,
        "floor": lambda pid: log_raw(pid, False),
        "floor_dates": lambda pid: log_raw(pid, True),
    }
    for pid in pids:
        for name, step in steps.items():
            t0 = time.perf_counter()
            step(pid)
            timed[name].append(time.perf_counter() - t0)
    ours, floor, floor_dates = (statistics.median(timed[k]) for k in steps)
    raw.close()
    db.close()
    return {"ms": ours * 1000, "floor_ms": floor * 1000, "floor_dates_ms": floor_dates * 1000}


def main() -> int:
    parser = argparse.ArgumentParser(description="SalesDesk foundation benchmark")
    parser.add_argument("--prospects", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--only", choices=("startup", "search", "log-call"), help="measure just this part"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(HERE.parent))
    data_dir = build_demo(args.prospects)
    wanted = {args.only} if args.only else {"startup", "search", "log-call"}
    rows: list[tuple[str, str, str, float, str]] = []
    results: dict[str, object] = {"prospects": args.prospects}
    if "startup" in wanted:
        start = results["startup"] = bench_startup(data_dir, args.runs)
        bare = f"{start['bare_painted_s'] * 1000:.0f} ms (bare window)"
        rows += [
            (
                "start -> window painted",
                f"{start['painted_s'] * 1000:.0f} ms",
                bare,
                start["painted_s"] / start["bare_painted_s"],
                "<= 1.5x",
            ),
            (
                "start -> first page of prospects",
                f"{start['rows_s'] * 1000:.0f} ms",
                bare,
                start["rows_s"] / start["bare_painted_s"],
                "<= 3x",
            ),
        ]
    if "search" in wanted:
        search = results["search"] = bench_search(data_dir, args.runs)
        rows += [
            (
                "search keystroke p50",
                f"{search['p50_ms']:.1f} ms",
                f"{search['floor_p50_ms']:.1f} ms (raw sqlite3)",
                search["p50_ms"] / search["floor_p50_ms"],
                "<= 2x",
            ),
            (
                "search keystroke p95",
                f"{search['p95_ms']:.1f} ms",
                f"{search['floor_p95_ms']:.1f} ms (raw sqlite3)",
                search["p95_ms"] / search["floor_p95_ms"],
                "<= 2x, <= 50 ms",
            ),
        ]
    if "log-call" in wanted:
        log = results["log_call"] = bench_log_call(data_dir)
        rows += [
            (
                "log-call commit",
                f"{log['ms']:.2f} ms",
                f"{log['floor_ms']:.2f} ms (raw sqlite3)",
                log["ms"] / log["floor_ms"],
                "<= 1.5x",
            ),
            (
                "(log-call vs raw + the same prospect dates update)",
                f"{log['ms']:.2f} ms",
                f"{log['floor_dates_ms']:.2f} ms (raw sqlite3)",
                log["ms"] / log["floor_dates_ms"],
                "for reference",
            ),
        ]
    if "startup" in wanted:
        rows.append(
            (
                "RSS with the list open",
                f"{start['rss_mb']:.0f} MB",
                f"{start['bare_rss_mb']:.0f} MB (bare window)",
                start["rss_mb"] - start["bare_rss_mb"],
                "<= +80 MB",
            )
        )
    print(f"\nSalesDesk bench: {args.prospects} prospects, median of {args.runs} runs\n")
    print("| measure | SalesDesk | floor | ratio | goal |\n|---|---|---|---|---|")
    for name, ours, floor, ratio, goal in rows:
        shown = f"+{ratio:.0f} MB" if "RSS" in name else f"{ratio:.2f}x"
        print(f"| {name} | {ours} | {floor} | {shown} | {goal} |")
    OUT.mkdir(exist_ok=True)
    name = f"foundation-{args.only}.json" if args.only else "foundation.json"
    (OUT / name).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
