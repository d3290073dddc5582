"""Importing the files a Japanese field rep really has.

vCards from Japanese phones (2.1, Shift_JIS, quoted-printable), iPhone/iCloud (3.0) and
4.0; Google Contacts CSV (current and older headers); Outlook CSV in English and in
Japanese (CP932 or UTF-8); workbooks from Japanese Excel (a title above the header,
phones typed as numbers, several sheets, a used range of thousands of empty rows); and
CSV as Excel saves it (BOM, CP932, tab or semicolon, a title line).

The fixture files are written byte for byte as those programs write them (folds inside
a character, soft line breaks, CRLF); workbooks are built here from their XML parts, so
that cached formula values, a recorded sheet size and the active sheet are those Excel
writes.
"""

from __future__ import annotations

import datetime as dt
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from salesdesk.cli import main
from salesdesk.core.db import Database
from salesdesk.core.interchange import mapping as m
from salesdesk.core.interchange import source
from salesdesk.core.interchange.importer import ImportOptions, ImportSummary, run_import
from salesdesk.core.listing import ProspectQuery
from salesdesk.core.models import Prospect
from salesdesk.core.prospects import ProspectService

FIXTURES = Path(__file__).parent / "fixtures" / "interchange"
NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)


def _import(
    db: Database, path: Path, mapping: m.Mapping | None = None, skip_invalid: bool = True
) -> ImportSummary:
    """As the wizard and the CLI do: detect, read the header, guess the mapping, import."""
    fmt = source.detect(path)
    headers, _rows = source.preview(path, fmt, 1)
    options = ImportOptions(mapping=mapping or m.guess_mapping(headers), skip_invalid=skip_invalid)
    return run_import(db, path, fmt, options, lambda: NOW)


def _find(prospects: ProspectService, text: str) -> Prospect:
    [pid] = prospects.list_ids(ProspectQuery(search=text))
    return prospects.get(pid)


def _begin_lines(path: Path) -> list[int]:
    lines = path.read_bytes().splitlines()
    return [n for n, line in enumerate(lines, start=1) if line == b"BEGIN:VCARD"]


# -- vCard ------------------------------------------------------------------------------------
def test_a_japanese_phone_vcard_21_in_shift_jis_quoted_printable(
    db: Database, prospects: ProspectService
) -> None:
    """Soft line breaks, CP932's 髙 and ① under a SHIFT_JIS label, SOUND;X-IRMC-N, and
    8-bit Shift_JIS whose ソ and 表 end in a backslash byte."""
    path = FIXTURES / "phone_v21_sjis.vcf"
    fmt = source.detect(path)
    assert fmt.kind == source.VCF
    summary = _import(db, path)
    assert (summary.imported, summary.contacts_added, summary.errors) == (2, 2, 1)
    p = _find(prospects, "髙橋製作所")
    assert p.company == "株式会社髙橋製作所①"
    assert p.address == "105-0011 東京都 港区 芝公園1-2-3 髙橋ビル5F"
    [c] = p.contacts
    assert (c.name, c.name_kana, c.department, c.title) == (
        "髙橋 一郎",
        "ﾀｶﾊｼ ｲﾁﾛｳ",
        "第二営業部",
        "課長",
    )
    # The work phone and e-mail, not the mobile, the fax or the private address.
    assert (c.phone, c.email) == ("03-3333-4444", "ichiro@takahashi-ss.example.jp")
    assert c.notes == "展示会で名刺交換。\n次回は見積を持参～来期予算あり。"
    soft = _find(prospects, "ソフト表示工業")
    assert [(x.name, x.name_kana, x.phone) for x in soft.contacts] == [
        ("佐藤 花子", "サトウ ハナコ", "080-2222-3333")
    ]
    # The card without a company is a problem of its own, on the line its card starts.
    [problem] = summary.problems
    assert problem.errors == {"company": "required"}
    assert problem.line == _begin_lines(path)[2]


def test_an_iphone_vcard_30_with_folded_lines_readings_and_several_phones(
    db: Database, prospects: ProspectService
) -> None:
    path = FIXTURES / "iphone_v30.vcf"
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # a fold falls inside a character
    fmt = source.detect(path)
    assert (fmt.kind, fmt.encoding) == (source.VCF, "utf-8")
    summary = _import(db, path)
    assert (summary.imported, summary.errors) == (4, 1)
    yamada = _find(prospects, "山田商事")
    assert yamada.company_kana == "ヤマダショウジ"
    assert yamada.address == "100-0005 東京都 千代田区 丸の内1-1-1 丸の内ビル5F"
    [c] = yamada.contacts
    assert (c.name, c.name_kana, c.department, c.title) == (
        "山田 太郎", "ヤマダ タロウ", "営業本部 第一営業部", "部長",
    )  # fmt: skip
    # Work before the preferred mobile and the preferred private e-mail; never the fax.
    assert (c.phone, c.email) == ("03-1111-2222", "taro@yamada-shoji.example.jp")
    assert c.notes == (
        "展示会で名刺交換, 来月訪問; 予算は来期\n次回は見積を持参する。担当は山田さんの部下の方。"
    )
    # A company's own card: its number and address are the company's, no nameless contact.
    shinshu = _find(prospects, "信州物産")
    assert (shinshu.company_kana, shinshu.phone, shinshu.email) == (
        "シンシュウブッサン", "026-111-2222", "info@shinshu.example.jp",
    )  # fmt: skip
    assert not shinshu.contacts
    acme = _find(prospects, "Acme")
    assert acme.company == "Acme Trading Co., Ltd."  # an escaped comma is a comma
    assert [(x.name, x.department) for x in acme.contacts] == [
        ("Anna Schmidt", "Purchasing; Overseas")
    ]
    assert _find(prospects, "越後精工").contacts[0].name_kana == "ササキ ケン"  # SORT-STRING
    [problem] = summary.problems
    assert (problem.line, problem.errors) == (_begin_lines(path)[4], {"company": "required"})


def test_a_vcard_40_with_sort_as_readings_and_tel_uris(
    db: Database, prospects: ProspectService
) -> None:
    summary = _import(db, FIXTURES / "contacts_v40.vcf")
    assert (summary.imported, summary.errors) == (1, 0)
    p = _find(prospects, "南電機")
    assert p.company_kana == "ミナミデンキ"
    [c] = p.contacts
    assert (c.name, c.name_kana, c.department, c.title, c.phone) == (
        "渡辺 由紀", "ワタナベ ユキ", "技術部", "主任", "+81-6-1234-5678",
    )  # fmt: skip


def test_a_damaged_vcard_file_imports_what_it_can(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "cut.vcf"
    path.write_bytes(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:山田;太郎\r\nORG:山田商事\r\nこの行は壊れている\r\n"
        "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nN:鈴木;一郎\r\nORG:鈴木工業\r\n".encode()
    )  # a stray line, and the last card cut off before its END
    summary = _import(db, path)
    assert (summary.imported, summary.errors) == (2, 0)


# -- Google Contacts -----------------------------------------------------------------------------
def test_google_contacts_current_export(db: Database, prospects: ProspectService) -> None:
    path = FIXTURES / "google_current.csv"
    headers, _rows = source.preview(path, source.detect(path))
    assert m.guess_preset(headers) == m.GOOGLE
    summary = _import(db, path)
    assert (summary.imported, summary.errors) == (2, 0)
    p = _find(prospects, "山田商事")
    assert p.address == "〒100-0005 東京都千代田区丸の内1-1-1"
    [c] = p.contacts
    assert (c.name, c.name_kana, c.title, c.department, c.phone, c.email) == (
        "山田 太郎", "ヤマダ タロウ", "課長", "営業部", "03-1111-2222",
        "taro@yamada-shoji.example.jp",
    )  # fmt: skip
    assert _find(prospects, "Acme").company == "Acme Trading Co., Ltd."


def test_google_contacts_older_export(db: Database, prospects: ProspectService) -> None:
    path = FIXTURES / "google_legacy.csv"
    headers, _rows = source.preview(path, source.detect(path))
    assert m.guess_preset(headers) == m.GOOGLE
    assert ("Organization 1 - Yomi Name", "company_kana") in m.guess_mapping(headers)
    summary = _import(db, path)
    assert (summary.imported, summary.errors) == (1, 0)
    p = _find(prospects, "髙橋製作所")
    assert (p.company, p.company_kana, p.website) == (
        "株式会社髙橋製作所", "タカハシセイサクショ", "https://takahashi-ss.example.jp/",
    )  # fmt: skip
    [c] = p.contacts
    assert (c.name, c.name_kana, c.title, c.department, c.phone, c.email) == (
        "髙橋 一郎", "タカハシ イチロウ", "部長", "資材部", "079-222-3333",
        "ichiro@takahashi-ss.example.jp",
    )  # fmt: skip


# -- Outlook -----------------------------------------------------------------------------------
def _outlook_ja_checks(prospects: ProspectService, summary: ImportSummary) -> None:
    assert (summary.imported, summary.errors) == (1, 1)
    p = _find(prospects, "髙橋製作所")
    assert (p.company, p.company_kana, p.phone) == (
        "株式会社髙橋製作所①", "タカハシセイサクショ", "079-222-0000",
    )  # fmt: skip
    assert p.address == "670-0000 兵庫県 姫路市 南町1-2 髙橋ビル3F"
    assert p.website == "https://takahashi-ss.example.jp/"
    [c] = p.contacts
    assert (c.name, c.name_kana, c.department, c.title, c.phone, c.email) == (
        "髙橋 一郎", "タカハシ イチロウ", "資材部", "部長", "079-222-3333",
        "ichiro@takahashi-ss.example.jp",
    )  # fmt: skip
    assert "9時～17時" in c.notes  # FULLWIDTH TILDE, as CP932 has it
    # The private contact (no company) is listed on its line: the note above spans two.
    [problem] = summary.problems
    assert (problem.line, problem.errors) == (4, {"company": "required"})


def test_japanese_outlook_export_in_cp932(db: Database, prospects: ProspectService) -> None:
    path = FIXTURES / "outlook_ja.csv"
    fmt = source.detect(path)
    assert fmt.encoding == "cp932"
    headers, _rows = source.preview(path, fmt)
    assert m.guess_preset(headers) == m.OUTLOOK
    _outlook_ja_checks(prospects, _import(db, path))


def test_japanese_outlook_export_in_utf8(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text((FIXTURES / "outlook_ja.csv").read_bytes().decode("cp932"), "utf-8-sig")
    assert source.detect(path).encoding == "utf-8-sig"
    _outlook_ja_checks(prospects, _import(db, path))


def test_japanese_outlook_export_with_the_outlook_mapping_from_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(FIXTURES / "outlook_ja.csv")
    code = main(["--data-dir", str(tmp_path / "data"), "import", path, "--mapping", "outlook",
                 "--skip-invalid"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0
    assert "imported 1, merged 0, unchanged 0, skipped 1, errors 1 (contacts added 1)" in out
    assert "line 4 '佐藤 花子': company: required" in err  # the contact, as no company


def test_english_outlook_export(db: Database, prospects: ProspectService, tmp_path: Path) -> None:
    header = (
        "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,"
        "Business Street,Business Street 2,Business Street 3,Business City,Business State,"
        "Business Postal Code,Business Country/Region,Business Fax,Business Phone,"
        "Business Phone 2,Company Main Phone,Mobile Phone,E-mail Address,E-mail Type,"
        "E-mail Display Name,Notes,Web Page"
    )
    row = (
        ",Ichiro,,Tanaka,,Harima Works Ltd.,Purchasing,Manager,1-2 Minami-machi,Harima Bldg 3F,,"
        "Himeji,Hyogo,670-0000,Japan,079-222-3334,079-222-3333,,079-222-0000,080-1234-5678,"
        "tanaka@harima.example.jp,SMTP,Ichiro Tanaka (tanaka@harima.example.jp),,"
        "https://harima.example.jp/"
    )
    path = tmp_path / "contacts.csv"
    path.write_text(header + "\r\n" + row + "\r\n", encoding="utf-8")
    summary = _import(db, path)
    assert (summary.imported, summary.errors) == (1, 0)
    p = _find(prospects, "Harima")
    assert p.phone == "079-222-0000"
    assert p.address == "670-0000 Hyogo Himeji 1-2 Minami-machi Harima Bldg 3F"
    [c] = p.contacts
    assert (c.department, c.title, c.phone, c.email) == (
        "Purchasing", "Manager", "079-222-3333", "tanaka@harima.example.jp",
    )  # fmt: skip


def test_a_reps_own_headers_are_not_taken_for_outlooks() -> None:
    # Columns Outlook's Japanese export has too: the rep's list is still read as theirs.
    headers = ["会社名", "部署", "役職", "名", "姓", "メイ", "セイ", "携帯電話", "電話番号", "住所"]
    assert m.guess_preset(headers) is None
    mapping = m.guess_mapping(headers)
    assert [h for h, f in mapping if f == "contact_name"] == ["姓", "名"]  # family name first
    assert [h for h, f in mapping if f == "contact_kana"] == ["セイ", "メイ"]
    assert ("電話番号", "phone") in mapping and ("住所", "address") in mapping


# -- XLSX from Japanese Excel --------------------------------------------------------------------
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d"/>
</numFmts><fonts count="1"><font><sz val="11"/><name val="游ゴシック"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs><cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""
DATE, TEXT, DATETIME = 1, 2, 3  # the styles above


def _serial(value: dt.date | dt.datetime) -> str:
    base = dt.datetime(1899, 12, 30)
    moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
    return repr((moment - base) / dt.timedelta(days=1))


def _cell(ref: str, value: object, style: int = 0, formula: str = "") -> str:
    s = f' s="{style}"' if style else ""
    f = f"<f>{escape(formula)}</f>" if formula else ""
    if value is None:
        return f'<c r="{ref}"{s}/>'
    if isinstance(value, str):
        if formula:
            return f'<c r="{ref}"{s} t="str">{f}<v>{escape(value)}</v></c>'
        return f'<c r="{ref}"{s} t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    if isinstance(value, dt.date):
        value = _serial(value)
    return f'<c r="{ref}"{s}>{f}<v>{value}</v></c>'


def _sheet_xml(rows: list[str], dimension: str, merged: str = "") -> str:
    merge = f'<mergeCells count="1"><mergeCell ref="{merged}"/></mergeCells>' if merged else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{_MAIN}" '
        f'xmlns:r="{_REL}"><dimension ref="{dimension}"/><sheetData>{"".join(rows)}</sheetData>'
        f"{merge}</worksheet>"
    )


def _row(number: int, *cells: str) -> str:
    return f'<row r="{number}">{"".join(cells)}</row>'


def _workbook(path: Path, sheets: list[tuple[str, str]], active: int) -> Path:
    """An .xlsx with these (name, worksheet XML), the ``active`` one shown when saved."""
    entries = "".join(
        f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, (name, _xml) in enumerate(sheets, start=1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    styles_id = len(sheets) + 1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.'
            'org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
            f'officedocument.spreadsheetml.styles+xml"/>{overrides}</Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}"><Relationship '
            f'Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
            f'<bookViews><workbookView activeTab="{active}"/></bookViews><sheets>{entries}'
            "</sheets></workbook>",
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">{rels}'
            f'<Relationship Id="rId{styles_id}" Type="{_REL}/styles" Target="styles.xml"/>'
            "</Relationships>",
        )
        z.writestr("xl/styles.xml", _STYLES)
        for i, (_name, xml) in enumerate(sheets, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", xml)
    return path


def _customer_list(empty_rows: int = 3000, dimension: str = "") -> str:
    """顧客リスト as a rep keeps it: a merged title, a blank row, the header on row 3."""
    header = ["会社名", "電話番号", "担当者", "携帯", "次回訪問", "見込額"]
    rows = [
        _row(1, _cell("A1", "顧客リスト 2026年")),
        _row(3, *(_cell(f"{c}3", h) for c, h in zip("ABCDEF", header, strict=True))),
        _row(
            4,
            _cell("A4", "株式会社越後精工"),
            _cell("B4", 312345678),  # a phone typed as a number: its 0 is gone
            _cell("C4", "佐藤 健一"),
            _cell("D4", "09012345678", TEXT),  # typed in a column formatted as text
            _cell("E4", dt.date(2026, 4, 1), DATE),
            _cell("F4", 1200000),
        ),
        _row(
            5,
            _cell("A5", "信州物産"),
            _cell("B5", "0263-11-2222"),
            _cell("C5", "鈴木"),
            _cell("E5", dt.datetime(2026, 5, 2, 10, 30), DATETIME),
            _cell("F5", 1.5),
        ),
        _row(
            6,
            _cell("A6", "駿河電機"),
            _cell("B6", "5412345678", formula='TEXT(5412345678,"0")'),
            _cell("F6", 2400000, formula="F4*2"),
        ),
    ]
    # Excel's used range: rows formatted once and left empty.
    rows += [
        _row(n, _cell(f"A{n}", None, TEXT), _cell(f"AD{n}", None, TEXT))
        for n in range(7, 7 + empty_rows)
    ]
    return _sheet_xml(rows, dimension or f"A1:AD{6 + empty_rows}", merged="A1:F1")


_HOWTO = _sheet_xml(
    [_row(1, _cell("A1", "このブックの使い方")), _row(2, _cell("A2", "2枚目に入力"))], "A1:A2"
)


def test_a_japanese_excel_workbook(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    path = _workbook(
        tmp_path / "list.xlsx", [("使い方", _HOWTO), ("顧客リスト", _customer_list())], 1
    )
    fmt = source.detect(path)
    assert (fmt.kind, fmt.sheet, fmt.skip_rows) == (source.XLSX, "顧客リスト", 2)
    headers, rows = source.preview(path, fmt)
    assert headers == ["会社名", "電話番号", "担当者", "携帯", "次回訪問", "見込額"]
    assert rows == [
        # A number keeps its digits (no invented 0, no ".0"); a text cell keeps its 0.
        ["株式会社越後精工", "312345678", "佐藤 健一", "09012345678", "2026-04-01", "1200000"],
        ["信州物産", "0263-11-2222", "鈴木", "", "2026-05-02 10:30", "1.5"],
        ["駿河電機", "5412345678", "", "", "", "2400000"],  # formulas: their cached values
    ]
    summary = _import(db, path, skip_invalid=False)
    # The used range's empty rows are neither rows nor problems.
    assert (summary.rows, summary.imported, summary.errors) == (3, 3, 0)
    echigo = _find(prospects, "越後精工")
    assert echigo.phone == "312345678"
    assert [(c.name, c.phone) for c in echigo.contacts] == [("佐藤 健一", "09012345678")]


def test_a_workbook_is_read_from_the_sheet_with_the_list(tmp_path: Path) -> None:
    # Saved while the how-to sheet was shown: the list on the other sheet is read.
    path = _workbook(
        tmp_path / "a.xlsx", [("使い方", _HOWTO), ("顧客リスト", _customer_list(0))], 0
    )
    assert source.detect(path).sheet == "顧客リスト"
    # Two lists: the one shown when the file was saved.
    other = _customer_list(0).replace("越後精工", "長岡精工")
    path = _workbook(tmp_path / "b.xlsx", [("今期", _customer_list(0)), ("前期", other)], 1)
    fmt = source.detect(path)
    assert fmt.sheet == "前期"
    assert source.preview(path, fmt)[1][0][0] == "株式会社長岡精工"


def test_a_workbook_recorded_as_the_whole_sheet_reads_quickly(db: Database, tmp_path: Path) -> None:
    # Some programs record the size of a sheet as all of it: 16,384 columns by 1,048,576 rows.
    xml = _customer_list(10_000, dimension="A1:XFD1048576")
    path = _workbook(tmp_path / "big.xlsx", [("顧客リスト", xml)], 0)
    started = time.perf_counter()
    summary = _import(db, path, skip_invalid=False)
    # Well under a second; rows as wide as the recorded size took over ten.
    assert time.perf_counter() - started < 3
    assert (summary.rows, summary.imported) == (3, 3)


# -- CSV as Excel saves it ------------------------------------------------------------------------
_LIST = (
    "会社名,電話番号,担当者,備考\r\n株式会社髙橋製作所①,03-1234-5678,髙橋 一郎,受付9時～17時\r\n"
)


def test_excel_csv_utf8_with_bom(db: Database, prospects: ProspectService, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(_LIST, encoding="utf-8-sig")
    fmt = source.detect(path)
    assert (fmt.encoding, fmt.has_header) == ("utf-8-sig", True)
    assert source.preview(path, fmt)[0][0] == "会社名"  # no BOM in the first header
    assert _import(db, path).imported == 1
    p = _find(prospects, "髙橋")
    assert (p.company, p.notes) == ("株式会社髙橋製作所①", "受付9時～17時")


def test_excel_csv_in_cp932_keeps_wave_dash_circled_digits_and_itaiji(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(_LIST.encode("cp932"))
    assert source.detect(path).encoding == "cp932"
    assert _import(db, path).imported == 1
    p = _find(prospects, "髙橋")
    assert (p.company, p.notes, p.contacts[0].name) == (
        "株式会社髙橋製作所①", "受付9時～17時", "髙橋 一郎",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter"),
    [("list.txt", "cp932", "\t"), ("list.txt", "utf-16", "\t"), ("list.csv", "utf-8", ";")],
    ids=["excel-tab-text", "excel-unicode-text", "semicolon"],
)
def test_tab_and_semicolon_delimited_lists(
    db: Database, tmp_path: Path, name: str, encoding: str, delimiter: str
) -> None:
    path = tmp_path / name
    path.write_bytes(_LIST.replace(",", delimiter).encode(encoding))
    fmt = source.detect(path)
    assert (fmt.delimiter, fmt.has_header) == (delimiter, True)
    assert _import(db, path).imported == 1


def test_a_csv_with_a_title_line_above_the_header(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(
        "顧客リスト 2026年,,,\r\n,,,\r\n会社名,電話番号,担当者,備考\r\n"
        "越後精工,025-111-2222,佐藤,\r\n信州物産,電話なし,鈴木,\r\n".encode("cp932")
    )
    fmt = source.detect(path)
    assert (fmt.skip_rows, fmt.has_header) == (2, True)
    assert source.preview(path, fmt)[0] == ["会社名", "電話番号", "担当者", "備考"]
    summary = _import(db, path)
    assert (summary.imported, summary.errors) == (1, 1)
    assert [(p.line, p.errors) for p in summary.problems] == [(5, {"phone": "invalid_phone"})]
    assert _find(prospects, "越後").contacts[0].name == "佐藤"


def test_a_title_line_does_not_hide_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Kundenliste 2026\nFirma;Telefon;Kontakt\nEchigo;025-111-2222;Sato\n"
                    "Shinshu;026-111-2222;Suzuki\n", encoding="utf-8")  # fmt: skip
    fmt = source.detect(path)
    assert (fmt.delimiter, fmt.skip_rows) == (";", 1)
    assert source.preview(path, fmt)[0] == ["Firma", "Telefon", "Kontakt"]


def test_excels_sep_line(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("sep=;\r\n会社名;住所\r\n越後精工;新潟県長岡市1-2, 3F\r\n", encoding="utf-8")
    fmt = source.detect(path)
    assert (fmt.delimiter, fmt.skip_rows) == (";", 1)
    assert source.preview(path, fmt)[1] == [["越後精工", "新潟県長岡市1-2, 3F"]]


def test_a_headerless_list_is_not_mistaken_for_a_title(tmp_path: Path) -> None:
    # The first company has no phone: its row is narrower, but it is data, not a title.
    path = tmp_path / "list.csv"
    path.write_text("越後精工,,\n信州物産,026-111-2222,鈴木\n駿河電機,054-111-2222,\n", "utf-8")
    fmt = source.detect(path)
    assert (fmt.skip_rows, fmt.has_header) == (0, False)
    assert source.preview(path, fmt)[1][0] == ["越後精工", "", ""]
