"""Call sheet speed: one sheet <= 0.3 s, a 50-sheet day pack <= 5 s.

    python bench/sheets.py [--runs 5]

Uses a copy of bench/run.py's cached 100k-prospect demo database when it exists
(bench/.cache/demo-100000, copied once to bench/.cache/sheets/ so the cache is never
migrated in place), else builds a 2,000-prospect demo. Renders offscreen to PDF files
under bench/out/ and prints the medians.

The window saves a day's pack through a child process (``salesdesk sheet --progress``);
the same pack is also timed that way: until its first progress line (the child's start:
Python, Qt, opening the data file) and to the end, against the in-process pack.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
OUT = HERE / "out"


def data_dir() -> Path:
    target = CACHE / "sheets"
    source = CACHE / "demo-100000"
    if (target / "salesdesk.sqlite3").exists():
        return target
    target.mkdir(parents=True, exist_ok=True)
    if (source / "complete").exists():
        shutil.copy2(source / "salesdesk.sqlite3", target / "salesdesk.sqlite3")
        return target
    from salesdesk.config import Paths
    from salesdesk.core.demo import generate_demo
    from salesdesk.core.schema import open_database

    paths = Paths(target).ensure()
    db = open_database(paths.database, paths.backups, "bench")
    generate_demo(db, 2000, seed=1)
    db.close()
    return target


def export_in_child(data: Path, day: object, out: Path) -> tuple[float, float]:
    """Seconds until the child's first progress line, and until it has exited."""
    command = [sys.executable, "-m", "salesdesk", "--data-dir", str(data), "sheet"]
    command += ["--day", str(day), "--no-overdue", "--limit", "50", "--pdf", str(out)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(HERE.parent)}
    t0 = time.perf_counter()
    with subprocess.Popen(
        [*command, "--progress"], stdout=subprocess.PIPE, text=True, env=env
    ) as child:
        assert child.stdout is not None
        first = None
        for line in child.stdout:
            if first is None and "/" in line:
                first = time.perf_counter() - t0
    if child.returncode != 0:
        raise SystemExit(f"the child failed ({child.returncode})")
    return first or 0.0, time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(HERE.parent))
    from PySide6.QtGui import QGuiApplication

    from salesdesk.config import Paths
    from salesdesk.core.schema import open_database
    from salesdesk.core.sheets import SheetService
    from salesdesk.ui.sheet_render import PageSetup, SheetRenderer, ensure_font, pdf_writer

    app = QGuiApplication([])
    ensure_font()
    paths = Paths(data_dir()).ensure()
    db = open_database(paths.database, paths.backups, "bench")
    service = SheetService(db)
    prospects = db.reader().execute("SELECT count(*) FROM prospect").fetchone()[0]
    # The busiest day of the demo: the one with the most follow-ups due.
    row = (
        db.reader()
        .execute(
            "SELECT substr(due_at, 1, 10) d FROM follow_up WHERE status='open'"
            " GROUP BY d ORDER BY count(*) DESC LIMIT 1"
        )
        .fetchone()
    )
    from datetime import date

    day = date.fromisoformat(row[0]) + timedelta(days=0)
    OUT.mkdir(exist_ok=True)

    one, pack, listing = [], [], []
    for _ in range(args.runs):
        entries = service.call_list(day, include_overdue=False, limit=50)
        pid = entries[0].prospect_id
        t0 = time.perf_counter()
        r = SheetRenderer(pdf_writer(OUT / "sheet-one.pdf", PageSetup(), "bench"))
        r.add_sheet(service.sheet(pid))
        r.finish()
        del r
        one.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        r = SheetRenderer(pdf_writer(OUT / "sheet-pack.pdf", PageSetup(), "bench"))
        for e in service.call_list(day, include_overdue=False, limit=50):
            r.add_sheet(service.sheet(e.prospect_id))
        r.finish()
        pages = r.pages
        del r
        pack.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        r = SheetRenderer(pdf_writer(OUT / "sheet-list.pdf", PageSetup(landscape=True), "b"))
        r.add_call_list(service.call_list(day, include_overdue=False, limit=50), day)
        r.finish()
        del r
        listing.append(time.perf_counter() - t0)
    db.close()
    del app
    started, child = [], []
    for _ in range(args.runs):
        first, total = export_in_child(paths.data_dir, day, OUT / "sheet-child.pdf")
        started.append(first)
        child.append(total)
    m1, m50, ml = (statistics.median(x) for x in (one, pack, listing))
    mstart, mchild = statistics.median(started), statistics.median(child)
    print(f"database: {prospects} prospects; day {day} (50 prospects due)")
    print(f"one sheet (gather + render + write PDF): {m1 * 1000:.0f} ms  (goal <= 300 ms)")
    print(f"50-sheet day pack: {m50:.2f} s, {pages} pages  (goal <= 5 s)")
    print(f"compact list of 50: {ml * 1000:.0f} ms")
    print(
        f"50-sheet pack in a child process (as the window saves it): {mchild:.2f} s;"
        f" first progress line after {mstart * 1000:.0f} ms;"
        f" overhead {(mchild - m50) * 1000:+.0f} ms over in-process"
    )
    ok = m1 <= 0.3 and m50 <= 5
    print("OK" if ok else "GOAL MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
