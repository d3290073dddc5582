"""``salesdesk backup list|create|restore ID`` from a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from salesdesk.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_create_list_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    assert _run(capsys, "--data-dir", data, "backup", "list")[1].startswith("no backups")
    code, _out, err = _run(capsys, "--data-dir", data, "backup", "create")
    assert code == 1 and "no data file" in err
    assert _run(capsys, "--data-dir", data, "prospect", "add", "--company", "山田工業")[0] == 0
    code, out, _ = _run(capsys, "--data-dir", data, "backup", "create")
    assert code == 0
    backup_id = out.splitlines()[0]
    assert "backed up 1 prospect, 0 calls" in out  # singular and plural, as in English
    assert _run(capsys, "--data-dir", data, "prospect", "add", "--company", "後の会社")[0] == 0

    code, out, _ = _run(capsys, "--data-dir", data, "backup", "list")
    assert code == 0 and backup_id in out and "manual" in out
    code, out, _ = _run(capsys, "--data-dir", data, "backup", "list", "--json")
    [row] = json.loads(out)
    assert (row["id"], row["prospects"], row["calls"], row["kind"]) == (backup_id, 1, 0, "manual")

    code, out, _ = _run(capsys, "--data-dir", data, "backup", "restore", backup_id[:13])
    assert code == 0 and "restored the backup" in out and "pre-restore" in out
    code, out, _ = _run(capsys, "--data-dir", data, "prospect", "list", "--json")
    assert [p["company"] for p in json.loads(out)] == ["山田工業"]
    # The file from before the restore is one more backup, with both prospects in it.
    code, out, _ = _run(capsys, "--data-dir", data, "backup", "list", "--json")
    rows = json.loads(out)
    assert [(r["kind"], r["prospects"]) for r in rows] == [("pre-restore", 2), ("manual", 1)]


def test_restore_of_an_unknown_id_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _run(capsys, "--data-dir", str(tmp_path), "backup", "restore", "1999")
    assert code == 2 and "no backup" in err
