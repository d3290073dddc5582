"""The commands speak the rep's language: Japanese with --lang ja or a Japanese Settings
choice, English otherwise; what programs read (JSON, ids, tokens, error: prefixes) stays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from salesdesk.cli import main
from salesdesk.config import Paths, Settings


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_command_gives_the_running_application_its_language_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    before = QLocale().language()
    assert run(capsys, tmp_path, "--lang", "ja", "prospect", "list")[0] == 0
    # The window's strings (and the locale its dates use) are English again.
    assert QCoreApplication.translate("DetailPanel", "Hide details") == "Hide details"
    assert QLocale().language() == before


def test_with_lang_ja_a_rep_reads_japanese_and_programs_read_the_same_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    listing = tmp_path / "list.csv"
    listing.write_text("会社名,電話番号\n山田商事,03-1111-2222\n,03-2222-3333\n", encoding="utf-8")

    code, out, err = run(capsys, data, "--lang", "ja", "import", str(listing), "--dry-run")
    assert code == 2
    assert "3 行目" in err and "空欄（必須）" in err  # which row, and why, in Japanese
    # The prefix programs (and the window) look for stays as it is.
    assert any(line.startswith("error: ") for line in err.splitlines())
    assert "何も取り込みませんでした" in out + err

    code, out, _err = run(capsys, data, "--lang", "ja", "import", str(listing), "--skip-invalid")
    assert code == 0 and "新規 1 件" in out

    code, out, _err = run(capsys, data, "--lang", "ja", "prospect", "list")
    header = out.splitlines()[0]
    assert "会社名" in header and "フリガナ" in header and "COMPANY" not in header
    assert "lead" in out  # the stage as --stage takes it
    code, ja_json, _err = run(capsys, data, "--lang", "ja", "prospect", "list", "--json")
    code, en_json, _err = run(capsys, data, "--lang", "en", "prospect", "list", "--json")
    assert json.loads(ja_json) == json.loads(en_json)

    code, _out, err = run(capsys, data, "--lang", "ja", "prospect", "show", "zzzz")
    assert code == 2 and err.startswith("error: ") and "見込み客" in err


def test_the_language_chosen_in_settings_is_the_commands_language_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paths = Paths(tmp_path / "data").ensure()
    Settings(language="ja").save(paths)
    code, out, _err = run(capsys, paths.data_dir, "prospect", "list")
    assert code == 0 and "会社名" in out.splitlines()[0]
    Settings(language="en").save(paths)
    assert "COMPANY" in run(capsys, paths.data_dir, "prospect", "list")[1]


def test_help_is_in_japanese_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _err = run(capsys, tmp_path, "--lang", "ja", "import", "--help")
    assert code == 0 and "--dry-run" in out  # options are named as typed
    assert "取り込" in out  # what they do, in Japanese


def test_an_abbreviated_data_dir_finds_the_settings_language_and_a_sheet_can_still_draw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import os
    import subprocess
    import sys

    paths = Paths(tmp_path / "data").ensure()
    Settings(language="ja").save(paths)
    code = main(["--data", str(paths.data_dir), "prospect", "add", "--company", "山田商事"])
    pid = capsys.readouterr().out.strip()
    assert code == 0
    code = main(["--data", str(paths.data_dir), "prospect", "list"])
    assert code == 0 and "会社名" in capsys.readouterr().out
    # The sheet's own --lang is the sheet's language; the messages stay the rep's.
    code = main(["--data-dir", str(paths.data_dir), "sheet", "--prospect", "zzzz",
                 "--pdf", str(tmp_path / "x.pdf"), "--lang", "en"])  # fmt: skip
    assert code == 2 and "見込み客" in capsys.readouterr().err
    # As its own process (no application yet), abbreviated: it draws and writes the PDF.
    pdf = tmp_path / "sheet.pdf"
    run_alone = subprocess.run(
        [sys.executable, "-m", "salesdesk", "--data", str(paths.data_dir), "sheet",
         "--prospect", pid, "--pdf", str(pdf)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert run_alone.returncode == 0, run_alone.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


def test_in_english_a_command_runs_without_qt_and_still_counts_in_good_english(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    run_alone = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "salesdesk", "--data-dir", str(tmp_path),
         "--lang", "en", "demo", "--prospects", "1"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run_alone.returncode == 0, run_alone.stderr
    assert "demo (seed 0): 1 prospect (" in run_alone.stdout  # singular, by the build's rule
    assert "open follow-up" in run_alone.stdout and "(s)" not in run_alone.stdout
    assert "PySide6" not in run_alone.stderr  # a quicker start: no Qt for English
