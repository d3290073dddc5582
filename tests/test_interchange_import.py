"""CSV/XLSX import: detection, presets, validation, duplicates, one transaction."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.core.db import Database
from salesdesk.core.interchange import errors as E
from salesdesk.core.interchange import mapping as m
from salesdesk.core.interchange import source
from salesdesk.core.interchange.errors import InterchangeError
from salesdesk.core.interchange.importer import (
    FILL,
    OVERWRITE,
    SKIP,
    Decision,
    ImportOptions,
    ImportRefused,
    run_import,
)
from salesdesk.core.interchange.keys import company_key, phone_key
from salesdesk.core.listing import ProspectQuery
from salesdesk.core.prospects import ProspectService
from salesdesk.core.records import ContactInput, ProspectInput
from salesdesk.core.text import prospect_search_texts, sort_key

FIXTURES = Path(__file__).parent / "fixtures" / "interchange"
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def _import(db: Database, path: Path, **options: object):  # type: ignore[no-untyped-def]
    fmt = source.detect(path)
    headers, _rows = source.preview(path, fmt, 1)
    mapping = options.pop("mapping", None) or m.guess_mapping(headers)
    return run_import(db, path, fmt, ImportOptions(mapping=mapping, **options), lambda: NOW)  # type: ignore[arg-type]


def _snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    conn = db.reader()
    return {
        t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
        for t in ("prospect", "contact", "prospect_fts", "prospect_names_fts")
    }


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# -- detection ---------------------------------------------------------------------------
def test_excel_cp932_file_is_detected_as_cp932_not_shift_jis() -> None:
    path = FIXTURES / "excel_cp932.csv"
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("shift_jis")  # ① is not in plain Shift_JIS
    fmt = source.detect(path)
    assert (fmt.kind, fmt.encoding, fmt.delimiter, fmt.has_header) == ("csv", "cp932", ",", True)
    headers, rows = source.preview(path, fmt)
    assert headers[0] == "会社名"
    assert rows[0][0] == "株式会社越後精工①"
    assert rows[0][7] == "展示会で名刺交換\n次回は見積"  # quoted newline kept in the cell


def test_bom_tab_and_headerless_files_are_detected(tmp_path: Path) -> None:
    bom = _write(tmp_path / "a.csv", "\ufeffcompany;phone\nA社;03-1111-2222\nB社;03-3333-4444\n")
    fmt = source.detect(bom)
    assert (fmt.encoding, fmt.delimiter, fmt.has_header) == ("utf-8-sig", ";", True)
    tsv = _write(tmp_path / "b.tsv", "越後工業\t025-111-2222\n信州物産\t026-111-2222\n")
    fmt = source.detect(tsv)
    assert fmt.delimiter == "\t"
    assert fmt.has_header is False
    headers, rows = source.preview(tsv, fmt)
    assert headers == ["#1", "#2"] and rows[0] == ["越後工業", "025-111-2222"]


def test_an_unknown_encoding_is_left_to_the_rep(tmp_path: Path) -> None:
    # Bytes that are neither UTF-8 nor CP932 (0x80 alone, 0xFD-0xFF lead bytes).
    path = tmp_path / "x.csv"
    path.write_bytes(b"company\n\xfd\xfe\xff\x80\n")
    assert source.detect(path).encoding is None
    with pytest.raises(InterchangeError) as exc:
        source.preview(path, source.detect(path))
    assert exc.value.code == E.UNKNOWN_ENCODING


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", E.EMPTY_FILE),
        (b"\x00\x01\x02\x03binary\x00" * 50, E.BINARY_FILE),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, E.OLD_OR_LOCKED_WORKBOOK),  # .xls
    ],
)
def test_empty_and_binary_files_get_a_code(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(InterchangeError) as exc:
        source.detect(path)
    assert exc.value.code == code


# -- bad input: a code each, nothing half-imported -------------------------------------------
def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, source.SourceFormat | None]]:
    big = tmp_path / "cell10mb.csv"
    with big.open("w", encoding="utf-8") as fh:
        fh.write("company,notes\n")
        for i in range(500):
            fh.write(f"良い会社{i},ok\n")
        fh.write('巨大,"' + "x" * 10_000_000 + '"\n')
    wrong = tmp_path / "wrong.csv"
    wrong.write_bytes("company\n越後工業\n".encode("cp932"))
    unclosed = _write(tmp_path / "q.csv", 'company,notes\n越後工業,"never closed\n信州,x\n')
    return {
        E.FIELD_TOO_LARGE: (big, None),
        E.WRONG_ENCODING: (wrong, source.SourceFormat(encoding="utf-8")),
        E.MALFORMED_CSV: (unclosed, None),
    }


@pytest.mark.parametrize("code", [E.FIELD_TOO_LARGE, E.WRONG_ENCODING, E.MALFORMED_CSV])
def test_bad_input_is_refused_with_a_code_and_writes_nothing(
    db: Database, tmp_path: Path, code: str
) -> None:
    path, fmt = _bad_inputs(tmp_path)[code]
    before = _snapshot(db)
    fmt = fmt or source.detect(path)
    with pytest.raises(InterchangeError) as exc:
        run_import(db, path, fmt, ImportOptions(mapping=[("company", "company")]))
    assert exc.value.code == code
    assert exc.value.line is not None
    assert _snapshot(db) == before


def test_a_field_over_131072_characters_is_imported(db: Database, tmp_path: Path) -> None:
    notes = "長" * 200_000  # over the csv module's default limit, under SalesDesk's cap
    path = tmp_path / "long.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f'company,notes\n越後工業,"{notes}"\n')
    summary = _import(db, path)
    assert summary.imported == 1
    assert db.reader().execute("SELECT notes FROM prospect").fetchone()[0] == notes


def test_ragged_and_invalid_rows_are_listed_and_refused_unless_skipped(
    db: Database, tmp_path: Path
) -> None:
    path = _write(
        tmp_path / "r.csv",
        "company,phone,email\n"
        "越後工業,025-111-2222,info@echigo.example.jp\n"
        ",026-111-2222,\n"  # no company
        "信州物産,phone?,not-an-email\n"
        "駿河電機,054-111-2222,,extra,cells\n"  # ragged
        "尾張商事,052-111-2222,\n",
    )
    before = _snapshot(db)
    with pytest.raises(ImportRefused) as exc:
        _import(db, path)
    assert _snapshot(db) == before
    problems = {p.line: p.errors for p in exc.value.summary.problems}
    assert problems == {
        3: {"company": "required"},
        4: {"phone": "invalid_phone", "email": "invalid_email"},
        5: {"row": E.RAGGED_ROW},
    }
    summary = _import(db, path, skip_invalid=True)
    assert (summary.imported, summary.errors, summary.skipped) == (2, 3, 3)
    companies = {r[0] for r in db.reader().execute("SELECT company FROM prospect")}
    assert companies == {"越後工業", "尾張商事"}


# -- presets -------------------------------------------------------------------------------
def test_cp932_excel_list_imports_with_guessed_japanese_headers(
    db: Database, prospects: ProspectService
) -> None:
    summary = _import(db, FIXTURES / "excel_cp932.csv")
    assert (summary.imported, summary.contacts_added, summary.errors) == (3, 2, 0)
    pid = prospects.list_ids(ProspectQuery(search="ｴﾁｺﾞ"))[0]
    p = prospects.get(pid)
    assert p.company == "株式会社越後精工①"
    assert p.phone == "0258-12-3456"  # full-width digits stored half-width, like the dialog does
    assert p.notes == "展示会で名刺交換\n次回は見積"
    assert [(c.name, c.title) for c in p.contacts] == [("佐藤 健一", "部長")]
    # A formula-looking cell is stored as typed (exports make it inert).
    suruga = prospects.get(prospects.list_ids(ProspectQuery(search="駿河"))[0])
    assert suruga.notes.startswith("=HYPERLINK")


def test_google_contacts_preset(db: Database, prospects: ProspectService) -> None:
    path = FIXTURES / "google_contacts.csv"
    headers, _rows = source.preview(path, source.detect(path))
    assert m.guess_preset(headers) == m.GOOGLE
    summary = _import(db, path, skip_invalid=True)
    # Two people at 山田商事 become one prospect with two contacts; no company: listed.
    assert (summary.imported, summary.errors, summary.contacts_added) == (2, 1, 3)
    assert summary.problems[0].errors == {"company": "required"}
    yamada = prospects.get(prospects.list_ids(ProspectQuery(search="山田商事"))[0])
    assert [c.name for c in yamada.contacts] == ["山田 太郎", "山田 次郎"]
    assert yamada.contacts[0].name_kana == "ヤマダ タロウ"
    assert yamada.contacts[0].phone == "03-1111-2222"  # the first of "a ::: b"
    assert yamada.address == "東京都千代田区1-1"
    # The list finds the second contact's name: the search text includes all contacts.
    assert prospects.list_ids(ProspectQuery(search="次郎")) == [yamada.id]
    # A name in Latin letters reads given name first, as its owner writes it.
    acme = prospects.get(prospects.list_ids(ProspectQuery(search="Acme"))[0])
    assert [c.name for c in acme.contacts] == ["Anna Schmidt"]


def test_outlook_preset(db: Database, prospects: ProspectService) -> None:
    path = FIXTURES / "outlook_contacts.csv"
    fmt = source.detect(path)
    assert fmt.encoding == "utf-8-sig"
    headers, _rows = source.preview(path, fmt)
    assert m.guess_preset(headers) == m.OUTLOOK
    with pytest.raises(ImportRefused) as exc:
        _import(db, path)
    assert exc.value.summary.problems[0].errors == {"contact_email": "invalid_email"}
    _import(db, path, skip_invalid=True)
    p = prospects.get(prospects.list_ids(ProspectQuery(search="ハリマ"))[0])
    assert (p.company, p.company_kana, p.phone) == (
        "株式会社ハリマ製作所",
        "ハリマセイサクショ",
        "079-222-0000",
    )
    assert p.address == "670-0000 兵庫県 姫路市 南町1-2"
    c = p.contacts[0]
    assert (c.name, c.name_kana, c.department, c.title, c.phone) == (
        "田中 一郎", "タナカ イチロウ", "購買部", "係長", "079-222-3333",
    )  # fmt: skip


def test_remembered_mapping(tmp_path: Path) -> None:
    store = m.MappingStore.in_data_dir(tmp_path)
    headers = ["社名", "TEL", "謎の列"]
    assert store.recall(headers) is None
    store.remember(headers, [("社名", "company"), ("謎の列", "notes")])
    assert store.recall(headers) == [("社名", "company"), ("謎の列", "notes")]
    assert store.recall(["社名"]) is None  # other headers, other file
    assert (tmp_path / "import_mappings.json").exists()


# -- derived columns ------------------------------------------------------------------------
def test_new_prospects_get_derived_columns_exactly_as_the_services(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    path = _write(
        tmp_path / "p.csv",
        "company,company_kana,phone,email,contact_name,contact_kana,contact_phone\n"
        "カブシキガイシャ・テスト,ﾃｽﾄ,０３ー１２３４ー５６７８,"
        "ＴＥＳＴ＠ＥＸ.ＪＰ,田中 一郎,ﾀﾅｶ,090-1\n"
        "カブシキガイシャ・テスト,,,,鈴木 二郎,スズキ,\n",
        "utf-8",
    )
    _import(db, path)
    row = (
        db.reader()
        .execute(
            "SELECT id, company, company_kana, phone, email, search_text, search_names, sort_key"
            " FROM prospect"
        )
        .fetchone()
    )
    pid, company, kana, phone, email, text, names, key = row
    contacts = (
        db.reader()
        .execute(
            "SELECT name, name_kana, phone, email FROM contact WHERE prospect_id = ?"
            " ORDER BY created_at",
            (pid,),
        )
        .fetchall()
    )
    assert (text, names) == prospect_search_texts(company, kana, phone, email, contacts)
    assert key == sort_key(company, kana)
    # The service recomputes the same on an edit that changes nothing.
    prospects.update(pid, prospects.get(pid).as_input())
    assert db.reader().execute(
        "SELECT search_text, search_names, sort_key FROM prospect"
    ).fetchone() == (text, names, key)
    # The FTS triggers indexed it: both a long term (trigram) and a short name (names index).
    assert prospects.list_ids(ProspectQuery(search="test@ex")) == [pid]
    assert prospects.list_ids(ProspectQuery(search="二郎")) == [pid]


# -- duplicates ----------------------------------------------------------------------------
def test_company_keys_fold_legal_forms_width_kana_and_spaces() -> None:
    same = ["株式会社サトウ", "㈱ｻﾄｳ", "(株)さとう", "サトウ 株式会社", "（株）サトウ", "ｻﾄｳ(株)"]
    assert len({company_key(n) for n in same}) == 1
    assert company_key("サトウ") != company_key("サイトウ")
    assert phone_key("+81 3-1234-5678") == phone_key("０３（１２３４）５６７８") == "0312345678"


def _existing(prospects: ProspectService) -> str:
    pid = prospects.create(
        ProspectInput(company="株式会社サトウ", phone="03-1234-5678", email="", address="")
    )
    prospects.add_contact(pid, ContactInput(name="佐藤 一郎", email="ichiro@sato.example.jp"))
    return pid


def test_matches_are_found_by_name_phone_or_email_and_merged_as_chosen(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    pid = _existing(prospects)
    path = _write(
        tmp_path / "d.csv",
        "company,phone,email,address,contact_name,contact_email\n"
        "㈱ｻﾄｳ,,info@sato.example.jp,東京都港区,,\n"  # name match; fills email and address
        "サトウ本店,03(1234)5678,,大阪府,,\n"  # phone match
        "別名,,,,佐藤 一郎,ICHIRO@sato.example.jp\n",  # contact e-mail match
    )
    dry = _import(db, path, dry_run=True)
    assert [(x.line, x.prospect_id, x.matched_by) for x in dry.matches] == [
        (2, pid, "company"), (3, pid, "phone"), (4, pid, "email"),
    ]  # fmt: skip
    assert db.reader().execute("SELECT count(*) FROM prospect").fetchone()[0] == 1
    assert prospects.get(pid).email == ""  # the dry run wrote nothing

    summary = _import(
        db,
        path,
        decisions={3: Decision(OVERWRITE, frozenset({"address"})), 4: Decision(SKIP)},
    )
    assert (summary.imported, summary.merged, summary.skipped) == (0, 2, 1)
    p = prospects.get(pid)
    assert p.email == "info@sato.example.jp"  # filled (was empty)
    assert p.address == "大阪府"  # overwritten on line 3, as chosen
    assert p.company == "株式会社サトウ"  # fill never replaces what is there
    assert [c.name for c in p.contacts] == ["佐藤 一郎"]


def test_reimporting_the_same_file_changes_nothing(
    db: Database, prospects: ProspectService
) -> None:
    _existing(prospects)
    for name in ("excel_cp932.csv", "google_contacts.csv"):
        _import(db, FIXTURES / name, skip_invalid=True)
    before = _snapshot(db)
    for name in ("excel_cp932.csv", "google_contacts.csv"):
        summary = _import(db, FIXTURES / name, skip_invalid=True)
        assert (summary.imported, summary.merged, summary.contacts_added) == (0, 0, 0)
        assert summary.unchanged == summary.match_count > 0
    assert _snapshot(db) == before  # versions, updated_at and search index too


def test_own_export_reimports_as_a_no_op(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    from salesdesk.core.interchange.export import export_prospects

    _import(db, FIXTURES / "excel_cp932.csv")
    out = tmp_path / "export.csv"
    export_prospects(db, out)
    before = _snapshot(db)
    path_fmt = source.detect(out)
    headers, _ = source.preview(out, path_fmt)
    assert m.guess_preset(headers) == m.SALESDESK
    summary = _import(db, out)
    assert summary.imported == 0 and summary.unchanged == 3
    assert _snapshot(db) == before


# -- one transaction -------------------------------------------------------------------------
def _many_rows(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "many.csv"
    with path.open("w", encoding="cp932", newline="") as fh:
        fh.write("会社名,電話番号\n")
        for i in range(n):
            fh.write(f"株式会社テスト{i}①,03-{i:04d}-{i:04d}\n")
    return path


def test_a_cancelled_import_leaves_the_data_file_unchanged(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    _existing(prospects)
    before = _snapshot(db)
    path = _many_rows(tmp_path, 5000)
    batches: list[int] = []

    def progress(rows: int, fraction: float) -> None:
        batches.append(rows)

    fmt = source.detect(path)
    options = ImportOptions(mapping=[("会社名", "company"), ("電話番号", "phone")], batch_rows=500)
    with pytest.raises(InterchangeError) as exc:
        run_import(db, path, fmt, options, progress=progress, cancelled=lambda: len(batches) >= 3)
    assert exc.value.code == E.CANCELLED
    assert batches  # batches had been written inside the transaction before the cancel
    assert _snapshot(db) == before
    # A separate connection sees the same (nothing was committed).
    other = sqlite3.connect(db.path)  # type: ignore[arg-type]
    try:
        assert other.execute("SELECT count(*) FROM prospect").fetchone()[0] == 1
    finally:
        other.close()
    # And the connection is usable: the next import works.
    assert run_import(db, path, fmt, options).imported == 5000


def test_a_failure_mid_import_rolls_everything_back(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from salesdesk.core.interchange import importer

    path = _many_rows(tmp_path, 3000)
    before = _snapshot(db)
    calls = {"n": 0}
    real = importer._Run.write

    def failing(self, *args):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise sqlite3.OperationalError("disk I/O error")
        return real(self, *args)

    monkeypatch.setattr(importer._Run, "write", failing)
    options = ImportOptions(mapping=[("会社名", "company")], batch_rows=500)
    with pytest.raises(Exception, match="disk I/O"):
        run_import(db, path, source.detect(path), options)
    assert _snapshot(db) == before
    # The search index's insert trigger, dropped during the import, is back.
    triggers = {
        r[0] for r in db.reader().execute("SELECT name FROM sqlite_master WHERE type='trigger'")
    }
    assert "prospect_search_insert" in triggers


def test_xlsx_import(db: Database, prospects: ProspectService, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["会社名", "電話番号", "担当者", "決裁者"])
    ws.append(["株式会社越後精工", "025-111-2222", "佐藤", "○"])
    ws.append([None, None, None, None])
    ws.append(["信州物産", 262345678, None, None])  # a phone typed as a number
    path = tmp_path / "list.xlsx"
    wb.save(path)
    fmt = source.detect(path)
    assert fmt.kind == source.XLSX
    summary = _import(db, path)
    assert summary.imported == 2
    p = prospects.get(prospects.list_ids(ProspectQuery(search="越後"))[0])
    assert p.contacts[0].is_decision_maker is True


def test_fill_is_the_default_and_stage_is_only_changed_by_overwrite(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    pid = _existing(prospects)
    path = _write(tmp_path / "s.csv", "company,stage\n株式会社サトウ,proposal\n")
    assert _import(db, path).unchanged == 1
    assert prospects.get(pid).stage.value == "lead"
    _import(db, path, default_decision=Decision(OVERWRITE, frozenset({"stage"})))
    assert prospects.get(pid).stage.value == "proposal"
    assert Decision().action == FILL


_TEXT = st.text(
    alphabet=st.sampled_from(list("株式会社(株)㈱サトウｻﾄｳさとう山田 　-ー０１2@.ＡaB①〜・゙")),
    max_size=12,
)


@given(
    st.tuples(_TEXT, _TEXT, _TEXT, _TEXT),
    st.lists(st.tuples(_TEXT, _TEXT, _TEXT, _TEXT), max_size=3),
)
def test_import_search_texts_equal_the_services(
    prospect: tuple[str, str, str, str], contacts: list[tuple[str, str, str, str]]
) -> None:
    from salesdesk.core.interchange.importer import _texts

    company, kana, phone, email = prospect
    values = {"company": company, "company_kana": kana, "phone": phone, "email": email}
    rows = [{"name": n, "name_kana": k, "phone": p, "email": e} for n, k, p, e in contacts]
    assert _texts(values, rows) == (
        *prospect_search_texts(company, kana, phone, email, contacts),
        sort_key(company, kana),
    )


def test_one_new_contact_on_two_rows_is_added_once(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    pid = _existing(prospects)
    path = _write(
        tmp_path / "c.csv",
        "company,contact_name,contact_phone,contact_title\n"
        "株式会社サトウ,田中 三郎,,課長\n"
        "株式会社サトウ,田中 三郎,090-1234-5678,\n",
    )
    summary = _import(db, path)
    assert summary.contacts_added == 1
    names = [(c.name, c.phone, c.title) for c in prospects.get(pid).contacts]
    assert sorted(names) == [("佐藤 一郎", "", ""), ("田中 三郎", "090-1234-5678", "課長")]
    assert prospects.list_ids(ProspectQuery(search="三郎")) == [pid]


def test_vcard_contacts_import(db: Database, prospects: ProspectService) -> None:
    path = FIXTURES / "contacts.vcf"
    fmt = source.detect(path)
    assert fmt.kind == source.VCF
    headers, _rows = source.preview(path, fmt)
    assert m.guess_preset(headers) == m.SALESDESK
    with pytest.raises(ImportRefused) as exc:
        _import(db, path)  # the third card has no company
    assert exc.value.summary.problems[0].errors == {"company": "required"}
    summary = _import(db, path, skip_invalid=True)
    assert (summary.imported, summary.contacts_added) == (2, 2)
    yamada = prospects.get(prospects.list_ids(ProspectQuery(search="山田商事"))[0])
    c = yamada.contacts[0]
    assert (c.name, c.name_kana, c.department, c.title, c.phone) == (
        "山田 太郎", "ヤマダ タロウ", "営業部", "部長", "03-1111-2222",
    )  # fmt: skip
    assert c.notes == "展示会で名刺交換\n次回は見積"
    assert yamada.address == "100-0001 東京都 千代田区1-1"
    # vCard 2.1 from a Japanese phone: quoted-printable Shift_JIS, reading in SOUND;X-IRMC-N.
    sato = prospects.get(prospects.list_ids(ProspectQuery(search="Sato Trading"))[0])
    assert (sato.contacts[0].name, sato.contacts[0].name_kana) == ("佐藤 花子", "サトウ ハナコ")
    assert _import(db, path, skip_invalid=True).imported == 0  # again: nothing new
