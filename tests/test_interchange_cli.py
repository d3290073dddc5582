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


def test_only_an_import_that_changed_something_keeps_a_backup_or_pushes_one_out(
    cli: Cli, tmp_path: Path
) -> None:
    def pre_imports() -> list[str]:
        assert cli("backup", "list", "--json") == 0
        return sorted(r["id"] for r in json.loads(cli.out) if r["kind"] == "pre-import")

    assert cli("import", str(FIXTURES / "excel_cp932.csv")) == 0
    for n in range(3):  # three imports that each add a company: three backups kept
        one = tmp_path / f"new{n}.csv"
        one.write_text(f"会社名\n新しい会社{n}\n", encoding="utf-8")
        assert cli("import", str(one)) == 0 and "backup of the data" in cli.out
    kept = pre_imports()
    assert len(kept) == 3
    # Refused, and then changing nothing: neither keeps a backup nor pushes one out.
    assert cli("import", str(FIXTURES / "google_contacts.csv"), "--mapping", "google") == 2
    assert cli("import", str(FIXTURES / "excel_cp932.csv")) == 0
    assert "unchanged 3" in cli.out and "backup of the data" not in cli.out
    assert pre_imports() == kept


def test_a_dry_run_of_a_full_export_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    assert cli("import", str(FIXTURES / "excel_cp932.csv")) == 0
    dump = tmp_path / "all.json"
    assert cli("export", "--format", "json", str(dump)) == 0
    assert cli("prospect", "add", "--company", "後から足した会社") == 0
    assert cli("import", str(dump), "--replace", "--dry-run") == 0
    assert "dry run (nothing written): would restore prospect 3" in cli.out
    assert cli("prospect", "list") == 0 and "後から足した会社" in cli.out
    assert cli("backup", "list") == 0 and "pre-restore" not in cli.out


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
    assert "1 prospect, 1 row\n" in cli.out  # singular
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
