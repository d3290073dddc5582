"""Exports as the rep and the programs that open them see them.

The JSON dump restores every table exactly; the .ics is what Outlook, Google and Apple
calendars accept and update on a second import; the CSV and XLSX open in Excel without
running anything and come back into SalesDesk as they were stored.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from salesdesk.core.action_items import ActionItemInput, ActionItemService
from salesdesk.core.complaints import ComplaintInput, ComplaintService
from salesdesk.core.db import Database
from salesdesk.core.demo import generate_demo
from salesdesk.core.enums import ActionItemStatus
from salesdesk.core.followups import FollowUpService
from salesdesk.core.interchange import errors as E
from salesdesk.core.interchange import mapping as m
from salesdesk.core.interchange import source
from salesdesk.core.interchange.dump import (
    DUMPED_TABLES,
    NOT_DUMPED_TABLES,
    data_tables,
    export_dump,
    import_dump,
)
from salesdesk.core.interchange.errors import InterchangeError
from salesdesk.core.interchange.export import (
    XLSX_CELL_MAX,
    UnencodableError,
    export_prospects,
    inert,
    uninert,
)
from salesdesk.core.interchange.ics import export_ics
from salesdesk.core.interchange.importer import ImportOptions, run_import
from salesdesk.core.models import Base
from salesdesk.core.prospects import ProspectService
from salesdesk.core.records import ContactInput, ProspectInput
from salesdesk.core.reminders import ReminderService
from salesdesk.core.schema import open_database

NOW = datetime(2026, 11, 27, 0, 0, tzinfo=UTC)


def _other_file(tmp_path: Path, name: str) -> Database:
    return open_database(tmp_path / name / "s.sqlite3", tmp_path / name / "bk", "0.1.0")


# -- JSON dump ------------------------------------------------------------------------------
def test_the_dump_knows_every_table_of_the_schema(db: Database) -> None:
    """A migration that adds a table must decide whether the dump carries it."""
    assert DUMPED_TABLES.isdisjoint(NOT_DUMPED_TABLES)
    assert set(data_tables(db.reader())) == DUMPED_TABLES
    assert set(Base.metadata.tables) | {"alembic_version"} == DUMPED_TABLES | NOT_DUMPED_TABLES
    # Among them what migrations 0004 and 0005 added, and the laptop's reminder log.
    assert {"deal", "deal_outcome", "customer_action_item", "complaint", "reminder_log"} <= (
        DUMPED_TABLES
    )


def _rich_data_file(db: Database) -> None:
    """A demo data file plus what the demo leaves out: snoozes, closed and deleted items,
    a resolved complaint, deleted rows and reminders already shown."""
    clock = lambda: NOW  # noqa: E731
    generate_demo(db, 80, seed=3, now=NOW)
    conn = db.reader()
    follow_ups = FollowUpService(db, clock)
    fids = [r[0] for r in conn.execute("SELECT id FROM follow_up WHERE status='open' LIMIT 3")]
    follow_ups.snooze(fids[0], NOW + timedelta(hours=2))
    follow_ups.complete(fids[1])
    follow_ups.cancel(fids[2])
    items = ActionItemService(db, clock)
    pid, cid = conn.execute("SELECT prospect_id, id FROM contact LIMIT 1").fetchone()
    open_item = items.add(
        ActionItemInput(pid, "仕様のご決定", NOW + timedelta(days=5), "製作開始が遅れます",
                        contact_id=cid, notes="工場長に確認")
    )  # fmt: skip
    items.snooze(open_item, NOW + timedelta(days=1))
    done = items.add(ActionItemInput(pid, "発注書のご送付", NOW + timedelta(days=2), lead_days=0))
    items.set_status(done, ActionItemStatus.DONE)
    items.delete(items.add(ActionItemInput(pid, "消した件", NOW + timedelta(days=9))))
    complaints = ComplaintService(db, clock)
    resolved = complaints.open(ComplaintInput(pid, "請求書の金額に誤り", contact_id=cid))
    complaints.resolve(resolved, "訂正した請求書を再発行した")
    complaints.snooze(complaints.open(ComplaintInput(pid, "納期が2日遅れた")), NOW)
    reminders = ReminderService(db, clock)
    shown = [r.key for r in reminders.pending(NOW + timedelta(days=30))]
    assert shown
    reminders.mark_shown(shown, NOW)
    prospects = ProspectService(db, clock)
    gone = prospects.create(ProspectInput(company="消した会社", notes="=1+1"))
    prospects.delete(gone)


#: Columns that are NULL everywhere in the data above, and why that is fine.
_ALWAYS_NULL_HERE = {
    ("follow_up", "notified_at"),  # no longer written by this version
    ("follow_up", "deleted_at"),  # follow-ups are closed (done, cancelled), not deleted
    ("interaction", "deleted_at"),  # calls are not deleted by any service
    ("relationship_assessment", "deleted_at"),
    ("deal", "deleted_at"),
    ("deal_check", "deleted_at"),
    ("deal_question", "deleted_at"),
    ("deal_signal", "deleted_at"),
    ("deal_outcome", "deleted_at"),
    ("deal_outcome", "follow_up_id"),
    ("complaint", "deleted_at"),
    ("complaint", "deal_id"),
    ("customer_action_item", "deal_id"),
    ("contact", "deleted_at"),
}


def test_a_demo_data_file_survives_dump_restore_dump_byte_for_byte(
    db: Database, tmp_path: Path
) -> None:
    _rich_data_file(db)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    written = export_dump(db, first, now=NOW)
    tables = json.loads(first.read_text(encoding="utf-8"))["tables"]
    assert set(tables) == DUMPED_TABLES
    for table in ("customer_action_item", "complaint", "reminder_log", "deal", "deal_outcome"):
        assert written.tables[table] > 0, table
    # Every column carries data somewhere, so the comparison below means something (a new
    # column without test data fails here until the data above fills it).
    empty = {
        (name, col)
        for name, t in tables.items()
        for i, col in enumerate(t["columns"])
        if t["rows"] and all(row[i] is None for row in t["rows"])
    }
    assert empty <= _ALWAYS_NULL_HERE, empty - _ALWAYS_NULL_HERE
    snoozed = tables["follow_up"]["columns"].index("snoozed_until")
    assert any(row[snoozed] for row in tables["follow_up"]["rows"])

    other = _other_file(tmp_path, "restored")
    try:
        assert import_dump(other, first).tables == written.tables
        export_dump(other, second, now=NOW)
    finally:
        other.close()
    assert second.read_bytes() == first.read_bytes()


def test_a_dump_whose_rows_lack_their_parents_is_refused_with_a_code(
    db: Database, tmp_path: Path
) -> None:
    generate_demo(db, 5, seed=1, now=NOW)
    good = tmp_path / "good.json"
    export_dump(db, good, now=NOW)
    data = json.loads(good.read_text(encoding="utf-8"))
    data["tables"]["prospect"]["rows"] = []  # contacts, calls... point at nothing
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = _other_file(tmp_path, "other")
    try:
        with pytest.raises(InterchangeError) as exc:
            import_dump(other, bad)
        assert exc.value.code == E.NOT_A_DUMP and "missing parent rows" in exc.value.detail
        assert other.reader().execute("SELECT count(*) FROM contact").fetchone() == (0,)
    finally:
        other.close()


# -- calendar -------------------------------------------------------------------------------
def _calendar(path: Path) -> Any:
    from icalendar import Calendar

    return Calendar.from_ical(path.read_bytes())


def _events(path: Path) -> dict[str, Any]:
    return {str(e["UID"]): e for e in _calendar(path).walk("VEVENT")}


def _setup_calendar(db: Database) -> tuple[str, FollowUpService, ActionItemService]:
    clock = lambda: NOW  # noqa: E731
    prospects = ProspectService(db, clock)
    long_name = "株式会社みちのく精密機械製作所 東北第二営業所 😀 髙橋𠮷"
    pid = prospects.create(ProspectInput(company=long_name, phone="022-123-4567"))
    return pid, FollowUpService(db, clock), ActionItemService(db, clock)


def test_ics_is_a_publishable_utc_calendar_that_survives_japanese_text(
    db: Database, tmp_path: Path
) -> None:
    pid, follow_ups, items = _setup_calendar(db)
    what = "見積書の修正版をお持ちして、導入スケジュールと社内稟議の進め方を相談する"
    follow_ups.schedule(pid, NOW + timedelta(days=2), what)
    items.add(ActionItemInput(pid, "仕様のご決定", NOW + timedelta(days=10), "製作開始が遅れます"))
    out = tmp_path / "c.ics"
    assert export_ics(db, out, now=NOW + timedelta(hours=9)) == 2  # an aware non-UTC "now"
    raw = out.read_bytes()
    # Every line ends in CRLF, is at most 75 octets and is whole UTF-8 on its own.
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in b"".join(lines)
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")
    assert any(line.startswith(b" ") for line in lines)  # something was folded
    assert b"TZID" not in raw and b"VTIMEZONE" not in raw  # all UTC: nothing to resolve

    cal = _calendar(out)
    assert (str(cal["VERSION"]), str(cal["METHOD"]), str(cal["X-WR-CALNAME"])) == (
        "2.0",
        "PUBLISH",
        "SalesDesk",
    )
    assert str(cal["PRODID"]).startswith("-//SalesDesk//")
    events = list(cal.walk("VEVENT"))
    for event in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE", "STATUS"):
            assert prop in event, prop
        for prop in ("DTSTAMP", "DTSTART", "DTEND", "LAST-MODIFIED"):
            assert event.decoded(prop).utcoffset() == timedelta(0), prop
        assert event.decoded("DTSTAMP") == NOW + timedelta(hours=9)
        assert event.decoded("DTEND") > event.decoded("DTSTART")
        for alarm in event.walk("VALARM"):
            assert str(alarm["ACTION"]) == "DISPLAY"
            assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
            assert isinstance(alarm.decoded("TRIGGER"), timedelta)
    summaries = {str(e["SUMMARY"]) for e in events}
    company = "株式会社みちのく精密機械製作所 東北第二営業所 😀 髙橋𠮷"
    assert f"{company} — {what}" in summaries and f"{company} — 仕様のご決定" in summaries


def test_ics_uids_stay_and_sequence_rises_when_rescheduled_done_or_deleted(
    db: Database, tmp_path: Path
) -> None:
    pid, follow_ups, items = _setup_calendar(db)
    fid = follow_ups.schedule(pid, NOW + timedelta(days=2), "資料を送る")
    aid = items.add(ActionItemInput(pid, "社内稟議の結果", NOW + timedelta(days=7)))
    past_done = follow_ups.schedule(pid, NOW - timedelta(days=3), "もう済んだ電話")
    follow_ups.complete(past_done)
    first = _events(_export(db, tmp_path / "1.ics"))
    uid_f, uid_a = f"follow-up-{fid}@salesdesk", f"customer_action_item-{aid}@salesdesk"
    assert set(first) == {uid_f, uid_a}  # a closed one already past is not written

    follow_ups.reschedule(fid, NOW + timedelta(days=4))
    second = _events(_export(db, tmp_path / "2.ics"))
    assert set(second) == set(first)  # same UIDs: a re-import updates, it does not duplicate
    assert second[uid_f]["SEQUENCE"] > first[uid_f]["SEQUENCE"]
    assert second[uid_f].decoded("DTSTART") == NOW + timedelta(days=4)
    # (The prospect's next follow-up changed too, so its other events may rise as well.)
    assert second[uid_a]["SEQUENCE"] >= first[uid_a]["SEQUENCE"]

    # Done early / deleted while still ahead: cancelled, with a higher SEQUENCE, silent.
    follow_ups.complete(fid)
    items.delete(aid)
    third = _events(_export(db, tmp_path / "3.ics"))
    for uid in (uid_f, uid_a):
        assert str(third[uid]["STATUS"]) == "CANCELLED"
        assert third[uid]["SEQUENCE"] > second[uid]["SEQUENCE"]
        assert not third[uid].walk("VALARM")

    # A deleted prospect takes its open items off the calendar the same way.
    other = items.add(ActionItemInput(pid, "契約書のご返送", NOW + timedelta(days=8)))
    before = _events(_export(db, tmp_path / "4.ics"))[f"customer_action_item-{other}@salesdesk"]
    ProspectService(db, lambda: NOW).delete(pid)
    after = _events(_export(db, tmp_path / "5.ics"))[f"customer_action_item-{other}@salesdesk"]
    assert str(before["STATUS"]) == "CONFIRMED" and str(after["STATUS"]) == "CANCELLED"
    assert after["SEQUENCE"] > before["SEQUENCE"]


def _export(db: Database, out: Path) -> Path:
    export_ics(db, out, now=NOW)
    return out


def test_ics_alarms_follow_the_items_lead_time_and_skip_moments_already_past(
    db: Database, tmp_path: Path
) -> None:
    pid, follow_ups, items = _setup_calendar(db)
    lead3 = items.add(ActionItemInput(pid, "見積もりのご確認", NOW + timedelta(days=5)))
    lead0 = items.add(ActionItemInput(pid, "発注書のご送付", NOW + timedelta(days=5), lead_days=0))
    inside = items.add(ActionItemInput(pid, "データのご提供", NOW + timedelta(days=1)))
    overdue = follow_ups.schedule(pid, NOW - timedelta(days=2), "折り返し電話")
    events = _events(_export(db, tmp_path / "c.ics"))

    def triggers(uid: str) -> list[timedelta]:
        return [a.decoded("TRIGGER") for a in events[uid].walk("VALARM")]

    assert triggers(f"customer_action_item-{lead3}@salesdesk") == [timedelta(days=-3), timedelta(0)]
    assert triggers(f"customer_action_item-{lead0}@salesdesk") == [timedelta(0)]  # no check
    assert triggers(f"customer_action_item-{inside}@salesdesk") == [timedelta(0)]  # check past
    overdue_event = events[f"follow-up-{overdue}@salesdesk"]
    assert str(overdue_event["STATUS"]) == "CONFIRMED" and triggers(overdue_event["UID"]) == []
    # A customer's deadline does not make the rep look busy.
    assert str(events[f"customer_action_item-{lead3}@salesdesk"]["TRANSP"]) == "TRANSPARENT"
    assert "TRANSP" not in events[f"follow-up-{overdue}@salesdesk"]


# -- CSV / XLSX -----------------------------------------------------------------------------
#: Stored values a spreadsheet would run, or that look like the export's own marking.
TRICKY = {
    "company": '=HYPERLINK("http://example.invalid","開く")',
    "address": "@SUM(1+1)*cmd|' /C calc'!A0",
    "notes": "'=この通り保存した",
    "website": "-",
    "contact_name": "+佐藤 健一",
    "contact_title": "--",
    "contact_department": "''@営業部",
    "contact_notes": "\t先頭にタブ\r\n次の行",
    "contact_phone": "+81 3 1234 5678",
}


def _tricky_prospect(prospects: ProspectService) -> str:
    pid = prospects.create(
        ProspectInput(company=TRICKY["company"], address=TRICKY["address"],
                      notes=TRICKY["notes"], website=TRICKY["website"])
    )  # fmt: skip
    prospects.add_contact(
        pid,
        ContactInput(name=TRICKY["contact_name"], title=TRICKY["contact_title"],
                     department=TRICKY["contact_department"], notes=TRICKY["contact_notes"],
                     phone=TRICKY["contact_phone"]),
    )  # fmt: skip
    return pid


def test_what_excel_gets_from_the_csv(db: Database, tmp_path: Path) -> None:
    _tricky_prospect(ProspectService(db))
    out = tmp_path / "list.csv"
    export_prospects(db, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        header, row = list(csv.reader(fh))
    cell = dict(zip(header, row, strict=True))
    assert cell["company"] == "'" + TRICKY["company"]
    assert cell["address"] == "'" + TRICKY["address"]
    assert cell["contact_phone"] == "'+81 3 1234 5678"  # shown with the apostrophe; not a sum
    assert cell["contact_name"] == "'+佐藤 健一"
    assert cell["website"] == "-" and cell["contact_title"] == "--"  # dashes run nothing
    assert cell["notes"] == "''=この通り保存した"  # one more, so the import keeps one
    assert cell["contact_department"] == "'''@営業部"
    assert cell["contact_notes"] == "'\t先頭にタブ\r\n次の行"
    for value in row:
        assert not value.startswith(("=", "+", "@", "\t", "\r")), value
        assert not value.startswith("-") or set(value) == {"-"}, value


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_salesdesk_reads_its_own_export_back_as_stored(
    db: Database, tmp_path: Path, kind: str
) -> None:
    original = ProspectService(db).get(_tricky_prospect(ProspectService(db)))
    out = tmp_path / f"list.{kind}"
    export_prospects(db, out, kind=kind)
    other = _other_file(tmp_path, "other")
    try:
        fmt = source.detect(out)
        headers, _rows = source.preview(out, fmt, 1)
        options = ImportOptions(mapping=m.preset_mapping("salesdesk", headers))
        summary = run_import(other, out, fmt, options, lambda: NOW)
        assert (summary.imported, summary.errors) == (1, 0)
        again = ProspectService(other)
        [pid] = [r[0] for r in other.reader().execute("SELECT id FROM prospect")]
        back = again.get(pid)
    finally:
        other.close()
    for name in ("company", "address", "notes", "website"):
        assert getattr(back, name) == getattr(original, name), name
    [c0], [c1] = original.contacts, back.contacts
    for name in ("name", "title", "department", "phone"):
        assert getattr(c1, name) == getattr(c0, name), name
    # XML (so XLSX) keeps a line break as LF: CR LF comes back as LF, as Excel shows it.
    assert c1.notes == (c0.notes if kind == "csv" else c0.notes.replace("\r\n", "\n"))


@pytest.mark.parametrize(
    "value",
    ["=1", "+1", "-1", "@a", "\tx", "\rx", "'=1", "''-1", "'", "'a", "-", "---", "", "a=b", "'-"],
)
def test_inert_and_uninert_undo_each_other(value: str) -> None:
    assert uninert(inert(value)) == value
    shown = inert(value)
    assert not shown.startswith(("=", "+", "@", "\t", "\r")) and (
        not shown.startswith("-") or set(shown) == {"-"}
    )


def test_cp932_names_each_character_it_cannot_hold_with_row_and_column(
    db: Database, tmp_path: Path
) -> None:
    prospects = ProspectService(db)
    prospects.create(ProspectInput(company="越後商事①", company_kana="エチゴショウジ"))
    pid = prospects.create(ProspectInput(company="𠮷野家具店", company_kana="ヨシノカグテン"))
    prospects.add_contact(pid, ContactInput(name="髙橋 〜 花子", notes="よろしく😀"))
    out = tmp_path / "sjis.csv"
    with pytest.raises(UnencodableError) as exc:
        export_prospects(db, out, encoding="cp932")
    assert exc.value.code == E.UNENCODABLE
    assert exc.value.detail == "𠮷😀"
    assert exc.value.line == 3  # the spreadsheet's row (1 is the header)
    assert [(u.row, u.column, u.characters) for u in exc.value.cells] == [
        (3, "company", "𠮷"),
        (3, "contact_notes", "😀"),
    ]
    assert not out.exists()
    summary = export_prospects(db, out, encoding="cp932", replace_unencodable=True)
    assert summary.replaced and summary.unencodable_count == 2
    with out.open(encoding="cp932", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][1] == "越後商事①"  # ① and 髙 are in CP932
    assert rows[2][1] == "?野家具店" and rows[2][17] == "よろしく?"
    assert rows[2][10] == "髙橋 ～ 花子"  # the wave dash as Windows writes it


def test_cli_lists_where_the_unencodable_characters_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from salesdesk.cli import main

    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "prospect", "add", "--company", "𠮷野家具店"]) == 0
    out = tmp_path / "a.csv"
    assert main([*data, "export", "--format", "csv", str(out), "--encoding", "cp932"]) == 2
    err = capsys.readouterr().err
    assert "error (line 2)" in err and "row 2 company: '𠮷'" in err
    assert not out.exists()


@pytest.mark.usefixtures("japan_time")
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_times_are_the_reps_local_time_as_text_excel_reads_as_a_date(
    db: Database, tmp_path: Path, kind: str
) -> None:
    clock = lambda: NOW  # noqa: E731
    prospects = ProspectService(db, clock)
    pid = prospects.create(ProspectInput(company="越後商事"))
    FollowUpService(db, clock).schedule(pid, datetime(2026, 12, 1, 1, 30, tzinfo=UTC), "電話")
    out = tmp_path / f"t.{kind}"
    export_prospects(db, out, kind=kind)
    fmt = source.detect(out)
    header, [row] = source.preview(out, fmt)
    cell = dict(zip(header, row, strict=False))
    assert cell["next_follow_up_at"] == "2026-12-01 10:30"  # 01:30 UTC is 10:30 in Japan
    assert cell.get("last_contact_at", "") == ""


def test_a_filtered_export_keeps_the_lists_order_and_skips_deleted(
    db: Database, tmp_path: Path
) -> None:
    prospects = ProspectService(db)
    a, b, c = (prospects.create(ProspectInput(company=n)) for n in ("A社", "B社", "C社"))
    prospects.delete(b)
    out = tmp_path / "f.csv"
    summary = export_prospects(db, out, ids=[c, b, a])
    with out.open(encoding="utf-8-sig", newline="") as fh:
        companies = [r[1] for r in list(csv.reader(fh))[1:]]
    assert companies == ["C社", "A社"] and summary.prospects == 2


def test_the_xlsx_opens_with_a_bold_frozen_header_and_no_formulas(
    db: Database, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    prospects = ProspectService(db)
    _tricky_prospect(prospects)
    prospects.create(
        ProspectInput(company="株式会社みちのく精密機械製作所", notes="=1+1\n" + "長" * 40_000)
    )
    out = tmp_path / "list.xlsx"
    summary = export_prospects(db, out, kind="xlsx")
    assert [(u.row, u.column) for u in summary.truncated] == [(3, "notes")]
    wb = load_workbook(out)
    try:
        ws = wb.active
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:U3"
        header = {c.value: c for c in ws[1]}
        assert all(c.font.b for c in ws[1])
        width = {name: ws.column_dimensions[c.column_letter].width for name, c in header.items()}
        assert all(6 <= w <= 50 for w in width.values())
        assert width["company"] > width["stage"] and width["id"] <= 10
        cells = [c for row in ws.iter_rows(min_row=2) for c in row if c.value is not None]
        assert {c.data_type for c in cells} == {"s"}  # never "f"
        by_value = {c.value: c for c in cells}
        formula = by_value[TRICKY["company"]]
        assert formula.quotePrefix  # stays text when the rep edits it
        assert by_value["+81 3 1234 5678"].quotePrefix
        assert not by_value["-"].quotePrefix
        long_notes = ws.cell(row=3, column=list(header).index("notes") + 1).value
        assert len(long_notes) == XLSX_CELL_MAX
    finally:
        wb.close()
    import zipfile

    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert not re.search(r"<f[ >]", sheet)
