"""``salesdesk due`` and ``salesdesk item ...``, run in-process through ``main``."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from salesdesk.cli import main
from salesdesk.config import Paths, Settings
from salesdesk.profile import Profile


class Cli:
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

    def ok(self, *args: str) -> str:
        assert self(*args) == 0, self.err
        return self.out.strip()


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "data", capsys)


@pytest.fixture
def tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's clock in Japan time, so local and UTC differ."""
    monkeypatch.setenv("TZ", "JST-9")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def prospect(cli: Cli) -> tuple[str, str]:
    pid = cli.ok("prospect", "add", "--company", "株式会社越後精工")
    cid = cli.ok(
        "contact", "add", "--prospect", pid[:8], "--name", "佐藤 花子",
        "--email", "hanako.sato@echigo.example.jp",
    )  # fmt: skip
    return pid, cid


def _in(delta: timedelta) -> str:
    """A local wall-clock time ``delta`` from now, as the rep types it."""
    return (datetime.now() + delta).strftime("%Y-%m-%d %H:%M")


def test_add_and_list_items_with_local_time_and_id_prefixes(
    cli: Cli, prospect: tuple[str, str], tokyo: None
) -> None:
    pid, cid = prospect
    iid = cli.ok(
        "item", "add", "--prospect", pid[:8], "--title", "見積書の社内承認",
        "--due", "2030-12-04 17:00", "--contact", cid[:6],
        "--consequence", "4月の搬入が遅れる", "--lead-days", "5",
    )  # fmt: skip
    assert len(iid) == 36
    [row] = cli.json("item", "list")
    assert row["id"] == iid and row["prospect_id"] == pid and row["contact_id"] == cid
    assert datetime.fromisoformat(row["due_at"]) == datetime(2030, 12, 4, 8, 0, tzinfo=UTC)
    assert datetime.fromisoformat(row["check_at"]) == datetime(2030, 11, 29, 8, 0, tzinfo=UTC)
    assert (row["contact_email"], row["consequence"], row["status"]) == (
        "hanako.sato@echigo.example.jp",
        "4月の搬入が遅れる",
        "open",
    )
    cli.ok("item", "list", "--prospect", pid[:8])
    line = cli.out.splitlines()[1]
    assert line.split()[:4] == [iid[:8], "2030-12-04", "17:00", "open"]
    assert "佐藤 花子" in line and "4月の搬入が遅れる" in line

    # A date alone is the end of that working day.
    cli.ok("item", "add", "--prospect", pid[:8], "--title", "仕様の決定", "--due", "2030-12-10")
    due = [r["due_at"] for r in cli.json("item", "list") if r["title"] == "仕様の決定"]
    assert [datetime.fromisoformat(d) for d in due] == [datetime(2030, 12, 10, 8, tzinfo=UTC)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--title", " ", "--due", "2030-01-01 10:00"), "title: this field is required"),
        (("--title", "x", "--due", "next friday"), "due: not a date and time"),
        (("--title", "x", "--due", "2030-01-01", "--lead-days", "99"), "lead-days: out of range"),
        (("--title", "x", "--due", "2030-01-01", "--contact", "zzzz"), "no contact with id zzzz"),
    ],
)
def test_a_refused_item_says_why_and_writes_nothing(
    cli: Cli, prospect: tuple[str, str], args: tuple[str, ...], message: str
) -> None:
    pid, _cid = prospect
    assert cli("item", "add", "--prospect", pid[:8], *args) == 2
    assert message in cli.err and cli.out == ""
    assert cli.json("item", "list", "--all") == []


def test_an_unknown_prospect_or_item_is_refused(cli: Cli, prospect: tuple[str, str]) -> None:
    assert cli("item", "add", "--prospect", "ffff", "--title", "x", "--due", "2030-01-01") == 2
    assert "no prospect with id ffff" in cli.err
    assert cli("item", "done", "ab") == 2
    assert "at least 4 characters" in cli.err
    assert cli("item", "draft", "abcdef", "--moment", "check") == 2
    assert "no customer item with id abcdef" in cli.err and cli.out == ""


def test_done_and_cancel_take_an_item_off_the_open_list_and_the_day(
    cli: Cli, prospect: tuple[str, str]
) -> None:
    pid, _cid = prospect
    late = cli.ok("item", "add", "--prospect", pid[:8], "--title", "資料の送付",
                  "--due", _in(-timedelta(hours=2)))  # fmt: skip
    other = cli.ok("item", "add", "--prospect", pid[:8], "--title", "稟議",
                   "--due", _in(timedelta(days=3)))  # fmt: skip
    assert {e["id"] for e in cli.json("due")} == {late, other}

    assert cli.ok("item", "done", late[:8]).split()[:2] == [late[:8], "done"]
    assert cli.ok("item", "cancel", other[:8]).split()[:2] == [other[:8], "cancelled"]
    assert cli.json("item", "list") == []
    assert {(r["id"], r["status"]) for r in cli.json("item", "list", "--all")} == {
        (late, "done"),
        (other, "cancelled"),
    }
    assert cli.json("due") == []
    cli.ok("due")
    assert "nothing overdue" in cli.out


def test_due_lists_overdue_first_then_the_week_with_follow_ups_and_items(
    cli: Cli, prospect: tuple[str, str]
) -> None:
    pid, _cid = prospect
    cli.ok("call", "log", "--prospect", pid[:8], "--kind", "information", "--summary", "資料送付",
           "--next-at", _in(timedelta(days=4)), "--next-what", "検討状況を伺う")  # fmt: skip
    week = cli.ok("item", "add", "--prospect", pid[:8], "--title", "仕様の決定",
                  "--due", _in(timedelta(days=3)), "--lead-days", "3")  # fmt: skip
    late = cli.ok("item", "add", "--prospect", pid[:8], "--title", "社内承認",
                  "--due", _in(-timedelta(minutes=5)))  # fmt: skip
    cli.ok("item", "add", "--prospect", pid[:8], "--title", "来月の件",
           "--due", _in(timedelta(days=30)))  # fmt: skip

    entries = cli.json("due")
    assert [(e["bucket"], e["source"], e["title"]) for e in entries] == [
        ("overdue", "action_item", "社内承認"),
        ("week", "action_item", "仕様の決定"),
        ("week", "follow_up", "検討状況を伺う"),
    ]
    assert [e["id"] for e in entries[:2]] == [late, week]
    assert entries[1]["check_due"] is True  # inside its lead time: a friendly check is due

    cli.ok("due")
    lines = cli.out.splitlines()
    assert lines[0].split() == ["WHEN", "DUE", "WHAT", "COMPANY", "TITLE", "ID"]
    assert lines[1].startswith("overdue") and late[:8] in lines[1]
    assert "customer item (check due)" in lines[2]
    assert "follow-up (other)" in lines[3]


def test_draft_prints_the_email_in_the_chosen_language_with_the_reps_signature(
    cli: Cli, prospect: tuple[str, str]
) -> None:
    pid, cid = prospect
    paths = Paths(cli.data_dir)
    iid = cli.ok("item", "add", "--prospect", pid[:8], "--title", "見積書の社内承認",
                 "--due", "2030-12-04 17:00", "--contact", cid[:8],
                 "--consequence", "4月の搬入が遅れる")  # fmt: skip
    Profile(name="鈴木 一郎", company="株式会社サンプル商事", phone="03-1234-5678").save(paths)

    out = cli.ok("item", "draft", iid[:8], "--moment", "overdue", "--lang", "ja")
    head, body = out.split("\n\n", 1)
    assert head == (
        "To: hanako.sato@echigo.example.jp\nSubject: 【ご確認のお願い】「見積書の社内承認」の件"
    )
    assert body.startswith("株式会社越後精工\n佐藤 花子様\n\nいつも大変お世話になっております。")
    assert "株式会社サンプル商事の鈴木 一郎でございます。" in body
    assert "2030年12月4日（水）17:00" in body and "・4月の搬入が遅れる" in body
    assert body.endswith("鈴木 一郎\n株式会社サンプル商事\n03-1234-5678")

    # The language: --lang of the command, else the global --lang, else the settings.
    assert cli.ok("--lang", "en", "item", "draft", iid[:8], "--moment", "check").startswith(
        "To: hanako.sato@echigo.example.jp\nSubject: Checking in: 見積書の社内承認"
    )
    Settings(language="ja").save(paths)
    assert "いつも大変お世話に" in cli.ok("item", "draft", iid[:8], "--moment", "check")
    Settings(language="en").save(paths)
    assert "Dear 佐藤 花子," in cli.ok("item", "draft", iid[:8], "--moment", "check")


def test_draft_from_a_broken_edited_template_is_refused_with_the_reason(
    cli: Cli, prospect: tuple[str, str]
) -> None:
    pid, _cid = prospect
    iid = cli.ok("item", "add", "--prospect", pid[:8], "--title", "x", "--due", "2030-01-01")
    paths = Paths(cli.data_dir)
    paths.email_templates.write_text(
        json.dumps({"check": {"en": {"subject": "Hi {nmae}"}}}), encoding="utf-8"
    )
    assert cli("item", "draft", iid[:8], "--moment", "check", "--lang", "en") == 2
    assert "check/en subject uses {nmae}, which is not a placeholder" in cli.err
    assert cli.out == ""
    assert cli("item", "draft", iid[:8], "--moment", "overdue", "--lang", "en") == 0
