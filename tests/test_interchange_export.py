"""Exports: CSV/XLSX with inert cells and encoding reports, JSON dump round trip, .ics."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from salesdesk.core.calls import CallService
from salesdesk.core.db import Database
from salesdesk.core.demo import generate_demo
from salesdesk.core.enums import InteractionKind, Stage
from salesdesk.core.interchange import errors as E
from salesdesk.core.interchange.dump import export_dump, import_dump
from salesdesk.core.interchange.errors import InterchangeError
from salesdesk.core.interchange.export import EXPORT_COLUMNS, export_prospects, inert
from salesdesk.core.interchange.ics import export_ics
from salesdesk.core.listing import ProspectQuery
from salesdesk.core.prospects import ProspectService
from salesdesk.core.records import CallInput, ContactInput, NextStep, ProspectInput
from salesdesk.core.schema import open_database

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
EVIL = ["=1+1", "+81 3 1234", "-2+3", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://evil")']


def _data(prospects: ProspectService) -> str:
    pid = prospects.create(
        ProspectInput(company="株式会社越後精工①", company_kana="エチゴセイコウ", notes=EVIL[0],
                      address=EVIL[3], website=EVIL[6], stage=Stage.PROPOSAL)
    )  # fmt: skip
    prospects.add_contact(pid, ContactInput(name="佐藤 健一", title=EVIL[2], notes=EVIL[4]))
    prospects.add_contact(pid, ContactInput(name="髙橋 〜 花子", notes=EVIL[5]))
    prospects.create(ProspectInput(company="信州物産", phone="+81 26 234 5678"))
    return pid


def _read_csv(path: Path, encoding: str) -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.reader(fh))


def test_csv_export_is_utf8_with_bom_and_formula_cells_are_inert(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    pid = _data(prospects)
    out = tmp_path / "list.csv"
    summary = export_prospects(db, out)
    assert (summary.prospects, summary.rows) == (2, 3)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = _read_csv(out, "utf-8-sig")
    assert rows[0] == list(EXPORT_COLUMNS)
    cells = [c for row in rows[1:] for c in row]
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert "'=1+1" in cells and "'@SUM(A1)" in cells and "'-2+3" in cells
    assert "'+81 26 234 5678" in cells
    # The stored data is unchanged.
    assert prospects.get(pid).notes == "=1+1"
    assert [r[10] for r in rows[1:3]] == ["佐藤 健一", "髙橋 〜 花子"]  # one row per contact


def test_cp932_export_reports_what_it_cannot_encode(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    pid = _data(prospects)
    out = tmp_path / "list.csv"
    # 〜 (wave dash) has a CP932 look-alike and is written as Windows does; ① and 髙 exist
    # in CP932. An emoji does not:
    prospects.add_contact(pid, ContactInput(name="絵文字 😀"))
    with pytest.raises(InterchangeError) as exc:
        export_prospects(db, out, encoding="cp932")
    assert exc.value.code == E.UNENCODABLE and "😀" in exc.value.detail
    assert not out.exists()  # nothing half-written
    summary = export_prospects(db, out, encoding="cp932", replace_unencodable=True)
    assert [(u.column, u.characters) for u in summary.unencodable] == [("contact_name", "😀")]
    rows = _read_csv(out, "cp932")
    names = [r[10] for r in rows]
    assert "絵文字 ?" in names and "髙橋 ～ 花子" in names
    assert rows[1][1] == "株式会社越後精工①"


def test_xlsx_export_keeps_formula_cells_as_text(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    _data(prospects)
    prospects.create(ProspectInput(company="#N/A", notes="plain"))  # not an error cell
    prospects.create(ProspectInput(company="普通の会社", notes="ふつう"))  # the plain path
    out = tmp_path / "list.xlsx"
    export_prospects(db, out, kind="xlsx")
    wb = load_workbook(out)
    try:
        cells = [c for row in wb.active.iter_rows(min_row=2) for c in row]
        assert {c.data_type for c in cells if c.value is not None} == {"s"}
        values = {c.value for c in cells}
        assert "=1+1" in values and '=HYPERLINK("http://evil")' in values
        assert {"#N/A", "普通の会社", "ふつう"} <= values
    finally:
        wb.close()


def test_export_of_the_current_filter_only(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    _data(prospects)
    ids = prospects.list_ids(ProspectQuery(search="信州"))
    out = tmp_path / "f.csv"
    assert export_prospects(db, out, ids=ids).prospects == 1
    assert [r[1] for r in _read_csv(out, "utf-8-sig")[1:]] == ["信州物産"]


# -- JSON dump -------------------------------------------------------------------------------
def _tables(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "salesdesk-dump" and data["version"] == 1
    return data["tables"]  # type: ignore[no-any-return]


def test_json_dump_round_trip_is_exact(
    db: Database, prospects: ProspectService, calls: CallService, tmp_path: Path
) -> None:
    pid = _data(prospects)
    calls.log_call(
        CallInput(prospect_id=pid, summary="見積の説明", kind=InteractionKind.PROPOSAL,
                  next_step=NextStep(NOW + timedelta(days=2), "決裁者に電話")))  # fmt: skip
    gone = prospects.create(ProspectInput(company="消した会社"))
    prospects.delete(gone)  # a tombstone
    prospects.update(pid, ProspectInput(company="株式会社越後精工①", notes="版2"))  # version 2
    first = tmp_path / "a.json"
    export_dump(db, first)
    tables = _tables(first)
    assert {"prospect", "contact", "interaction", "follow_up", "relationship_assessment"} <= set(
        tables
    )
    assert not any(t.startswith(("prospect_fts", "prospect_names_fts", "sqlite_")) for t in tables)

    other = open_database(tmp_path / "b" / "s.sqlite3", tmp_path / "b" / "bk", "0.1.0")
    try:
        import_dump(other, first)
        second = tmp_path / "b.json"
        export_dump(other, second)
        assert _tables(second) == tables  # ids, timestamps, tombstones, versions
        restored = ProspectService(other)
        assert restored.list_ids(ProspectQuery(search="越後")) == [pid]  # index rebuilt
        assert restored.get(pid).notes == "版2"
        # Restoring again into a file with data is refused; with replace it is exact again.
        with pytest.raises(InterchangeError) as exc:
            import_dump(other, first)
        assert exc.value.code == E.NOT_EMPTY
        import_dump(other, first, replace=True)
        export_dump(other, second)
        assert _tables(second) == tables
        assert other.reader().execute("SELECT count(*) FROM prospect_fts").fetchone()[0] == 3
    finally:
        other.close()


def _schema_objects(db: Database) -> list[tuple[str, str, str]]:
    return (
        db.reader()
        .execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
            " ORDER BY type, name"
        )
        .fetchall()
    )


def test_a_restore_leaves_indexes_and_search_working_whether_it_succeeds_or_fails(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    # The restore builds indexes and the search index after the rows (speed): what it
    # drops and rebuilds must come back the same, and a failed restore change nothing.
    pid = _data(prospects)
    schema = _schema_objects(db)
    good = tmp_path / "a.json"
    export_dump(db, good)
    broken = tmp_path / "broken.json"
    broken.write_text(good.read_text(encoding="utf-8")[:-200], encoding="utf-8")
    with pytest.raises(InterchangeError):
        import_dump(db, broken, replace=True)
    assert _schema_objects(db) == schema
    import_dump(db, good, replace=True)
    assert _schema_objects(db) == schema
    assert prospects.list_ids(ProspectQuery(search="越後")) == [pid]  # trigram index
    assert prospects.list_ids(ProspectQuery(search="越")) == [pid]  # the names index
    # Prospects added after the restore are indexed by the trigger, as before.
    later = prospects.create(ProspectInput(company="信濃精機"))
    assert prospects.list_ids(ProspectQuery(search="信濃精")) == [later]


def test_a_restore_keeps_the_last_stretch_of_its_bar_for_the_indexes(
    db: Database, tmp_path: Path
) -> None:
    from salesdesk.core.demo import generate_demo

    generate_demo(db, 150, seed=3)  # a few thousand rows: progress every thousand
    path = tmp_path / "all.json"
    export_dump(db, path)
    told: list[tuple[int, int]] = []
    import_dump(db, path, replace=True, progress=lambda done, total: told.append((done, total)))
    reading, (last_done, total) = told[:-1], told[-1]
    assert reading and last_done == total  # full only once the indexes are built
    assert all(t == total for _d, t in told)
    assert [d for d, _t in told] == sorted(d for d, _t in told)
    # All of the file read still leaves the bar a stretch short of full.
    assert max(d for d, _t in reading) <= path.stat().st_size < total * 0.85


def test_dump_includes_tables_added_later(db: Database, tmp_path: Path) -> None:
    with db.raw_write() as conn:
        conn.execute("CREATE TABLE later_feature (id TEXT PRIMARY KEY, title TEXT)")
        conn.execute("INSERT INTO later_feature VALUES ('a1', '資料の確認')")
    out = tmp_path / "d.json"
    export_dump(db, out)
    assert _tables(out)["later_feature"] == {
        "columns": ["id", "title"],
        "rows": [["a1", "資料の確認"]],
    }  # type: ignore[index]


def test_a_dump_with_unknown_tables_or_damage_is_refused_whole(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    _data(prospects)
    good = tmp_path / "a.json"
    export_dump(db, good)
    data = json.loads(good.read_text(encoding="utf-8"))
    data["tables"]["from_the_future"] = {"columns": ["id"], "rows": [["x"]]}
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(data, indent=2), encoding="utf-8")  # reformatted: read whole
    broken = tmp_path / "broken.json"
    broken.write_text(good.read_text(encoding="utf-8")[:-200], encoding="utf-8")
    before = export_dump(db, tmp_path / "before.json").tables
    for path, code in ((newer, E.NEWER_DUMP), (broken, E.NOT_A_DUMP)):
        with pytest.raises(InterchangeError) as exc:
            import_dump(db, path, replace=True)
        assert exc.value.code == code
        assert export_dump(db, tmp_path / "after.json").tables == before


# -- calendar --------------------------------------------------------------------------------
def test_ics_has_open_follow_ups_with_alarms(
    db: Database, prospects: ProspectService, calls: CallService, tmp_path: Path
) -> None:
    from icalendar import Calendar

    pid = _data(prospects)
    due = datetime(2026, 12, 1, 1, 30, tzinfo=UTC)
    calls.log_call(
        CallInput(prospect_id=pid, summary="初回", next_step=NextStep(due, "資料を送る"))
    )
    with db.raw_write() as conn:  # customer action items (migration 0005)
        stamp = "2026-11-27 00:00:00.000000"
        conn.executemany(
            "INSERT INTO customer_action_item (id, prospect_id, title, consequence, due_at,"
            " lead_days, status, done_at, notes, created_at, updated_at, version)"
            " VALUES (?, ?, ?, '', ?, 3, ?, ?, '', ?, ?, 1)",
            [
                ("a1", pid, "社内稟議", "2026-12-05 08:00:00.000000", "open", None, stamp, stamp),
                ("a2", pid, "済んだ件", "2026-12-06 08:00:00.000000", "done", stamp, stamp, stamp),
            ],
        )
    out = tmp_path / "c.ics"
    assert export_ics(db, out, now=NOW) == 3  # the done item still ahead: cancelled
    cal = Calendar.from_ical(out.read_bytes())
    events = list(cal.walk("VEVENT"))
    by_summary = {str(e["SUMMARY"]): e for e in events}
    done = by_summary["株式会社越後精工① — 済んだ件"]
    assert str(done["STATUS"]) == "CANCELLED" and not done.walk("VALARM")
    follow = by_summary["株式会社越後精工① — 資料を送る"]
    assert follow.decoded("DTSTART") == due
    assert [a.decoded("TRIGGER") for a in follow.walk("VALARM")] == [timedelta(minutes=-15)]
    item = by_summary["株式会社越後精工① — 社内稟議"]
    assert [a.decoded("TRIGGER") for a in item.walk("VALARM")] == [timedelta(days=-3), timedelta(0)]
    assert len({str(e["UID"]) for e in events}) == 3


def test_inert_only_touches_formula_starts() -> None:
    assert [inert(x) for x in ("abc", "03-1", "=x", "")] == ["abc", "03-1", "'=x", ""]
    assert io  # keep the import used by readers of the CSV helpers


class _CancelAt:
    """A progress callback that records the steps and cancels at the ``at``-th one."""

    def __init__(self, at: int | None) -> None:
        self.at = at
        self.steps: list[tuple[int, int]] = []

    def __call__(self, done: int, total: int) -> None:
        self.steps.append((done, total))
        if self.at is not None and len(self.steps) >= self.at:
            raise InterchangeError(E.CANCELLED)


@pytest.mark.parametrize("kind", ["csv", "xlsx", "json", "ics"])
def test_exports_report_progress_and_a_cancel_leaves_no_file(
    db: Database, tmp_path: Path, kind: str
) -> None:
    generate_demo(db, 1200, seed=3)  # more than one step of every export
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / f"list.{kind}"

    def run(progress: _CancelAt) -> object:
        if kind == "json":
            return export_dump(db, out, progress=progress)
        if kind == "ics":
            return export_ics(db, out, progress=progress)
        return export_prospects(db, out, kind, progress=progress)

    cancelling = _CancelAt(1)
    with pytest.raises(InterchangeError) as stopped:
        run(cancelling)
    assert stopped.value.code == E.CANCELLED
    assert list(folder.iterdir()) == []  # neither the file nor its partial copy
    watching = _CancelAt(None)
    run(watching)
    assert out.stat().st_size > 0
    done = [d for d, _t in watching.steps]
    assert len(done) >= 2 and done == sorted(done)  # it moves, and only forward
    assert all(0 < d <= t for d, t in watching.steps)
    if kind in ("csv", "xlsx", "json"):
        assert watching.steps[-1][0] == watching.steps[-1][1]  # ends at the whole
    # A cancel at the very last step (the file is written, not yet in place) still counts.
    out.unlink()
    with pytest.raises(InterchangeError):
        run(_CancelAt(len(watching.steps)))
    assert list(folder.iterdir()) == []
