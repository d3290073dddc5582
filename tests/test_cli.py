"""The headless commands, run in-process through ``main`` (and once as ``python -m``)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import types
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from salesdesk.cli import main
from salesdesk.config import DB_FILE_NAME, Paths


class Cli:
    """Runs ``salesdesk --data-dir DIR ...`` and keeps what it printed."""

    def __init__(self, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data_dir = data_dir
        self.capsys = capsys
        self.out = self.err = ""

    def __call__(self, *args: str) -> int:
        code = main(["--data-dir", str(self.data_dir), *args])
        self.out, self.err = self.capsys.readouterr()
        return code

    def json(self, *args: str) -> Any:
        assert self(*args, "--json") == 0, self.err
        return json.loads(self.out)

    def add_prospect(self, *args: str) -> str:
        assert self("prospect", "add", *args) == 0, self.err
        return self.out.strip()


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "data", capsys)


@pytest.fixture
def tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run with the machine's clock in Japan time, so local and UTC differ."""
    monkeypatch.setenv("TZ", "JST-9")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _local(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """A wall-clock time on this machine, as an aware UTC datetime."""
    return datetime(year, month, day, hour, minute).astimezone().astimezone(UTC)


def test_demo_fills_an_empty_data_file_and_refuses_a_second_time(cli: Cli) -> None:
    assert cli("demo", "--prospects", "30", "--seed", "2") == 0
    assert "demo (seed 2): 30 prospects (" in cli.out
    rows = cli.json("prospect", "list", "--limit", "0")
    assert len(rows) == 30
    assert all(len(r["id"]) == 36 for r in rows)
    # Full rows with ISO datetimes carrying their offset.
    dated = [r for r in rows if r["last_contact_at"]]
    assert dated and all(datetime.fromisoformat(r["last_contact_at"]).tzinfo for r in dated)

    assert cli("demo", "--prospects", "30", "--seed", "3") == 2
    assert "--force" in cli.err
    assert len(cli.json("prospect", "list", "--limit", "0")) == 30

    assert cli("demo", "--prospects", "30", "--seed", "2", "--force") == 2
    assert "seed 2" in cli.err
    assert len(cli.json("prospect", "list", "--limit", "0")) == 30

    assert cli("demo", "--prospects", "10", "--seed", "3", "--force") == 0
    assert len(cli.json("prospect", "list", "--limit", "0")) == 40


def test_prospect_add_prints_the_id_and_the_list_finds_it_width_and_kana_blind(cli: Cli) -> None:
    pid = cli.add_prospect("--company", "株式会社越後精工", "--kana", "エチゴセイコウ")
    assert len(pid) == 36
    other = cli.add_prospect("--company", "Pacific Systems株式会社", "--stage", "proposal")
    assert cli("contact", "add", "--prospect", pid[:8], "--name", "佐藤　花子",
               "--kana", "サトウ　ハナコ", "--title", "部長", "--decision-maker") == 0  # fmt: skip
    contact_id = cli.out.strip()
    assert len(contact_id) == 36

    for term in ("ｻﾄｳ", "さとう", "サトウ", "ｻﾄｳﾊﾅｺ", "えちご", "佐藤"):
        assert [r["id"] for r in cli.json("prospect", "list", "--search", term)] == [pid], term
    assert cli.json("prospect", "list", "--search", "ヤマダ") == []
    assert [r["id"] for r in cli.json("prospect", "list", "--stage", "proposal")] == [other]

    assert cli("prospect", "list", "--search", "ｻﾄｳ") == 0
    lines = cli.out.splitlines()
    assert lines[0].split() == ["ID", "COMPANY", "KANA", "STAGE", "LAST", "CONTACT", "NEXT",
                                "FOLLOW-UP"]  # fmt: skip
    assert lines[1].split()[:4] == [pid[:8], "株式会社越後精工", "エチゴセイコウ", "lead"]
    assert len(lines) == 2

    shown = cli.json("prospect", "show", pid[:6])
    assert shown["company"] == "株式会社越後精工"
    assert [(c["id"], c["is_decision_maker"]) for c in shown["contacts"]] == [(contact_id, True)]


def test_list_limit_and_due_filter(cli: Cli) -> None:
    for n in range(3):
        cli.add_prospect("--company", f"会社{n}")
    assert cli("prospect", "list", "--limit", "2") == 0
    assert "(2 of 3 shown" in cli.out
    assert len(cli.json("prospect", "list", "--limit", "2")) == 2
    assert cli.json("prospect", "list", "--due") == []


def test_call_log_needs_a_next_step_or_an_explicit_none(cli: Cli) -> None:
    pid = cli.add_prospect("--company", "有限会社信州木材")
    base = ("call", "log", "--prospect", pid[:8], "--kind", "information",
            "--summary", "業界の補助金情報をお送りした")  # fmt: skip

    assert cli(*base) == 2
    assert "--no-next-step" in cli.err
    assert cli(*base, "--next-at", "2030-01-02 10:30", "--no-next-step") == 2
    assert "not both" in cli.err
    assert cli(*base, "--next-what", "検討状況を伺う") == 2
    assert "next-at: this field is required" in cli.err
    assert cli(*base, "--next-at", "next tuesday", "--next-what", "x") == 2
    assert "next-at: not a date and time" in cli.err
    assert cli(*base, "--next-at", "2030-01-02 10:30") == 2
    assert "next-what: this field is required" in cli.err
    shown = cli.json("prospect", "show", pid)
    assert shown["calls"] == [] and shown["open_follow_ups"] == []  # nothing half-written
    assert shown["last_contact_at"] is None

    assert cli(*base, "--no-next-step", "--small-yes", "--duration", "12") == 0
    call_id = cli.out.strip()
    shown = cli.json("prospect", "show", pid)
    assert [(c["id"], c["no_next_step"], c["small_yes"]) for c in shown["calls"]] == [
        (call_id, True, True)
    ]
    assert shown["open_follow_ups"] == [] and shown["next_follow_up_at"] is None
    assert shown["last_contact_at"] is not None


@pytest.mark.usefixtures("tokyo")
def test_call_log_with_next_step_in_local_time_and_a_contact_prefix(cli: Cli) -> None:
    pid = cli.add_prospect("--company", "株式会社加賀食品")
    assert cli("contact", "add", "--prospect", pid, "--name", "田中　誠") == 0
    contact_id = cli.out.strip()
    assert cli("call", "log", "--prospect", pid[:5], "--kind", "proposal", "--channel", "visit",
               "--summary", "改善案をご提案した", "--contact", contact_id[:3],
               "--next-at", "2030-01-02 10:30", "--next-what", "ご判断を伺う",
               "--next-kind", "closing") == 0  # fmt: skip
    shown = cli.json("prospect", "show", pid)
    assert shown["calls"][0]["contact_name"] == "田中　誠"
    assert shown["calls"][0]["channel"] == "visit"
    [follow_up] = shown["open_follow_ups"]
    assert (follow_up["what"], follow_up["kind"]) == ("ご判断を伺う", "closing")
    due = datetime.fromisoformat(follow_up["due_at"])
    assert due == _local(2030, 1, 2, 10, 30) == datetime(2030, 1, 2, 1, 30, tzinfo=UTC)
    assert datetime.fromisoformat(shown["next_follow_up_at"]) == due

    assert cli("prospect", "list") == 0
    assert "2030-01-02 10:30" in cli.out  # shown back in local time

    # ISO 8601 with an offset is taken as written; a date alone gets the default hour.
    assert cli("call", "log", "--prospect", pid, "--kind", "goodwill", "--summary", "ご挨拶",
               "--next-at", "2029-03-04T09:00+09:00", "--next-what", "訪問") == 0  # fmt: skip
    assert cli("call", "log", "--prospect", pid, "--kind", "other", "--summary", "電話",
               "--next-at", "2029-05-06", "--next-what", "電話") == 0  # fmt: skip
    dues = {f["what"]: f["due_at"] for f in cli.json("prospect", "show", pid)["open_follow_ups"]}
    assert datetime.fromisoformat(dues["訪問"]) == datetime(2029, 3, 4, 0, 0, tzinfo=UTC)
    assert datetime.fromisoformat(dues["電話"]) == _local(2029, 5, 6, 10, 0)


def test_unknown_ids_are_refused(cli: Cli) -> None:
    pid = cli.add_prospect("--company", "株式会社房総運輸")
    assert cli("prospect", "show", "ffffffff") == 2
    assert "no prospect with id ffffffff" in cli.err
    assert cli("prospect", "show", pid[:2]) == 2
    assert "at least 4 characters" in cli.err
    assert cli("call", "log", "--prospect", pid, "--kind", "other", "--summary", "x",
               "--no-next-step", "--contact", "abc") == 2  # fmt: skip
    assert "no contact with id abc" in cli.err
    assert cli.json("prospect", "show", pid)["calls"] == []


def test_bad_input_is_refused_with_plain_messages_and_not_stored(cli: Cli) -> None:
    assert cli("prospect", "add", "--company", "株式会社テスト", "--email", "not-an-address") == 2
    assert cli.err.strip() == "email: not a valid e-mail address"
    assert cli("prospect", "add", "--company", "  ", "--phone", "abc") == 2
    assert sorted(cli.err.splitlines()) == [
        "company: this field is required",
        "phone: not a valid phone number",
    ]
    assert cli.json("prospect", "list") == []
    pid = cli.add_prospect("--company", "株式会社テスト", "--phone", "０３－１２３４－５６７８")
    assert cli.json("prospect", "show", pid)["phone"] == "03-1234-5678"
    assert cli("contact", "add", "--prospect", pid, "--name", "山田", "--email", "x@y") == 2
    assert cli.err.strip() == "email: not a valid e-mail address"
    assert cli.json("prospect", "show", pid)["contacts"] == []


def test_usage_errors_and_help_return_codes(cli: Cli) -> None:
    assert cli("call", "log") == 2
    assert "required" in cli.err
    assert cli("prospect", "add", "--company", "x", "--stage", "won") == 2
    assert cli("--help") == 0
    assert "prospect" in cli.out


def test_check_reports_ok_on_a_good_data_file(cli: Cli) -> None:
    cli.add_prospect("--company", "株式会社琉球水産")
    assert cli("check") == 0
    assert "integrity: ok" in cli.out
    assert "foreign keys: ok" in cli.out
    assert "schema: ok" in cli.out


def test_check_reports_a_damaged_index_and_fails(cli: Cli) -> None:
    assert cli("demo", "--prospects", "20") == 0
    path = cli.data_dir / DB_FILE_NAME
    conn = sqlite3.connect(path)
    one_column = [
        (name, root)
        for name, root in conn.execute(
            "SELECT name, rootpage FROM sqlite_master"
            " WHERE type = 'index' AND tbl_name = 'prospect' AND sql IS NOT NULL"
        )
        if len(conn.execute(f'PRAGMA index_info("{name}")').fetchall()) == 1
    ]
    (first, first_root), (second, second_root) = one_column[:2]
    # Swap the two indexes' pages: each now holds the other's keys.
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET rootpage = -1 WHERE name = ?", (first,))
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (first_root, second))
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (second_root, first))
    conn.commit()
    conn.close()
    content = path.read_bytes()
    assert cli("check") == 1
    assert "integrity: FAILED" in cli.out
    assert "missing from index" in cli.out
    assert path.read_bytes() == content


def test_check_on_a_garbage_file_fails_and_leaves_it_alone(cli: Cli) -> None:
    cli.data_dir.mkdir()
    garbage = cli.data_dir / DB_FILE_NAME
    content = b"this is not a database, just some bytes " * 200
    garbage.write_bytes(content)
    assert cli("check") == 1
    assert "not a SalesDesk data file or is damaged" in cli.err
    assert cli("prospect", "list") == 1  # the other commands say so too
    assert garbage.read_bytes() == content
    assert sorted(p.name for p in cli.data_dir.iterdir()) == ["backups", DB_FILE_NAME]


def test_check_without_a_data_file_fails(cli: Cli) -> None:
    assert cli("check") == 1
    assert "no data file" in cli.err
    assert not (cli.data_dir / DB_FILE_NAME).exists()


def test_a_file_from_a_newer_salesdesk_is_refused_untouched(cli: Cli) -> None:
    cli.add_prospect("--company", "株式会社未来")
    path = cli.data_dir / DB_FILE_NAME
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    content = path.read_bytes()
    assert cli("check") == 3
    assert "newer" in cli.err.lower() or "Update SalesDesk" in cli.err
    assert cli("prospect", "list") == 3
    assert "Update SalesDesk" in cli.err
    assert path.read_bytes() == content


def test_no_command_opens_the_window(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[Paths, str | None]] = []
    fake = types.ModuleType("salesdesk.ui.app")
    fake.run_gui = lambda paths, lang: seen.append((paths, lang)) or 7  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "salesdesk.ui.app", fake)
    assert cli("--lang", "en") == 7
    assert seen == [(Paths(cli.data_dir.resolve()), "en")]


def test_python_m_salesdesk_lists_as_json(cli: Cli) -> None:
    pid = cli.add_prospect("--company", "株式会社阿蘇観光", "--kana", "アソカンコウ")
    env = {**os.environ, "PYTHONIOENCODING": ""}
    done = subprocess.run(
        [sys.executable, "-m", "salesdesk", "--data-dir", str(cli.data_dir),
         "prospect", "list", "--json"],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    rows = json.loads(done.stdout.decode("utf-8"))
    assert [(r["id"], r["company"], r["company_kana"]) for r in rows] == [
        (pid, "株式会社阿蘇観光", "アソカンコウ")
    ]


def test_a_plain_window_start_is_read_without_the_full_parser() -> None:
    from salesdesk.cli import _window_arguments

    args = _window_arguments(["--data-dir", "/tmp/x", "--lang", "ja"])
    assert args is not None and (args.data_dir, args.lang, args.command) == ("/tmp/x", "ja", None)
    # Anything more (a command, --help, --version, a bad value) goes to the full parser,
    # which prints the usage and the error itself.
    for argv in (["demo"], ["-h"], ["--version"], ["--lang", "xx"], ["--data-dir"], ["--data"]):
        assert _window_arguments(argv) is None, argv


def test_a_bad_option_of_a_window_start_is_explained_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from salesdesk.cli import main

    assert main(["--lang", "xx"]) == 2
    err = capsys.readouterr().err
    assert err.count("invalid choice: 'xx'") == 1 and err.startswith("usage: salesdesk")


def test_a_listing_piped_into_a_reader_that_stops_early_ends_quietly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo", "--prospects", "900"]) == 0
    child = subprocess.Popen(
        [sys.executable, "-m", "salesdesk", "--data-dir", str(data), "--lang", "en",
         "prospect", "list", "--limit", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.readline().startswith(b"ID")  # like `| head -1`
    child.stdout.close()
    with child.stderr:
        err = child.stderr.read().decode()
    assert child.wait(60) == 0 and "Traceback" not in err and "BrokenPipe" not in err
