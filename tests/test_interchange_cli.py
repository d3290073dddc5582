"""``salesdesk import`` / ``salesdesk export`` from a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from salesdesk.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "interchange"


class Cli:
    def __init__(self, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data_dir = data_dir
        self.capsys = capsys
        self.out = self.err = ""

    def __call__(self, *args: str) -> int:
        code = main(["--data-dir", str(self.data_dir), *args])
        self.out, self.err = self.capsys.readouterr()
        return code


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "data", capsys)


def test_import_prints_a_summary_and_reimport_changes_nothing(cli: Cli) -> None:
    path = str(FIXTURES / "excel_cp932.csv")
    assert cli("import", path, "--dry-run") == 0
    assert "dry run (nothing written): imported 3, merged 0" in cli.out
    assert cli("prospect", "list") == 0 and "越後" not in cli.out
    assert cli("import", path) == 0
    assert "imported 3, merged 0, unchanged 0, skipped 0, errors 0 (contacts added 2)" in cli.out
    assert cli("import", path) == 0
    assert "imported 0, merged 0, unchanged 3, skipped 0, errors 0" in cli.out
    assert cli("prospect", "list", "--search", "えちご") == 0 and "越後精工①" in cli.out


def test_invalid_rows_refuse_the_whole_import_unless_skipped(cli: Cli) -> None:
    path = str(FIXTURES / "google_contacts.csv")
    assert cli("import", path, "--mapping", "google") == 2
    assert "line 5 'No Company': company: required" in cli.err  # no company: who it is
    assert "nothing was imported" in cli.out
    assert cli("prospect", "list") == 0 and "山田商事" not in cli.out
    assert cli("import", path, "--mapping", "google", "--skip-invalid") == 0
    assert "imported 2" in cli.out and "errors 1" in cli.out


def test_an_import_into_a_list_keeps_a_backup_to_go_back_to(cli: Cli) -> None:
    excel, google = str(FIXTURES / "excel_cp932.csv"), str(FIXTURES / "google_contacts.csv")
    assert cli("import", excel) == 0
    assert "backup" not in cli.out  # a new, empty list: nothing to go back to
    assert cli("import", google, "--mapping", "google") == 2  # refused: nothing written
    assert cli("backup", "list") == 0 and "pre-import" not in cli.out  # so no backup kept
    assert cli("import", google, "--mapping", "google", "--skip-invalid") == 0
    assert "backup of the data before the import: salesdesk-pre-import-" in cli.out
    assert cli("backup", "list", "--json") == 0
    [row] = json.loads(cli.out)
    assert (row["kind"], row["prospects"]) == ("pre-import", 3)
    assert cli("backup", "restore", row["id"]) == 0  # the way back from the import
    assert cli("prospect", "list", "--json") == 0
    assert len(json.loads(cli.out)) == 3


def test_bad_files_get_a_clear_message(cli: Cli, tmp_path: Path) -> None:
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert cli("import", str(binary)) == 2
    assert "not a text (CSV) file" in cli.err
    empty = tmp_path / "e.csv"
    empty.write_bytes(b"")
    assert cli("import", str(empty)) == 2 and "empty" in cli.err
    assert cli("import", str(FIXTURES / "excel_cp932.csv"), "--mapping", "nope") == 2
    assert "unknown mapping" in cli.err


def test_exports_and_full_restore(
    cli: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli("import", str(FIXTURES / "excel_cp932.csv"))
    out = tmp_path / "out"
    out.mkdir()
    assert cli("export", "--format", "csv", str(out / "a.csv"), "--encoding", "cp932") == 0
    assert "3 prospects, 3 rows" in cli.out
    assert (out / "a.csv").read_bytes().decode("cp932").startswith("id,company")
    assert cli("export", "--format", "xlsx", str(out / "a.xlsx"), "--search", "信州") == 0
    assert "1 prospects" in cli.out
    assert cli("export", "--format", "ics", str(out / "a.ics")) == 0
    assert (out / "a.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert cli("export", "--format", "json", str(out / "a.json")) == 0
    first = json.loads((out / "a.json").read_text(encoding="utf-8"))
    # Restore into another data folder; a second restore there needs --replace.
    other = Cli(tmp_path / "other", capsys)
    assert other("import", str(out / "a.json")) == 0 and "restored prospect 3" in other.out
    assert other("import", str(out / "a.json")) == 2 and "--replace" in other.err
    assert other("import", str(out / "a.json"), "--replace") == 0
    assert "backup of the data before the restore: salesdesk-pre-restore-" in other.out
    assert other("export", "--format", "json", str(out / "b.json")) == 0
    second = json.loads((out / "b.json").read_text(encoding="utf-8"))
    assert first["tables"] == second["tables"]


def test_the_sheet_and_the_rows_above_the_header_can_be_given(cli: Cli, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "今月"
    wb.active.append(["会社名", "電話番号"])
    wb.active.append(["今月の会社", "03-1111-2222"])
    old = wb.create_sheet("先月")
    old.append(["先月分"])
    old.append(["会社名", "電話番号"])
    old.append(["先月の会社", "03-3333-4444"])
    path = tmp_path / "list.xlsx"
    wb.save(path)
    assert cli("import", str(path), "--sheet", "先月", "--dry-run") == 0
    assert "imported 1" in cli.out
    assert cli("import", str(path), "--sheet", "先月") == 0
    assert cli("prospect", "list") == 0
    assert "先月の会社" in cli.out and "今月の会社" not in cli.out
    assert cli("import", str(path), "--sheet", "先月", "--skip-rows", "0", "--dry-run") == 2
    assert "no column is mapped to the company" in cli.err  # "先月分" read as the header
    assert cli("import", str(path), "--sheet", "ない") == 2
