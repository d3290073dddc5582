"""``salesdesk deal ...``: the same rules as the window, from the command line."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from salesdesk.cli import main


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
def deal(cli: Cli) -> str:
    pid = cli.ok("prospect", "add", "--company", "山田製作所")
    return cli.ok(
        "deal", "add", "--prospect", pid[:8], "--title", "展示会出展パック",
        "--amount", "1,200,000", "--deadline", "2026-12-10", "--stage", "proposal",
    )  # fmt: skip


def test_add_and_list_a_deal(cli: Cli, deal: str) -> None:
    [row] = cli.json("deal", "list")
    assert row["id"] == deal
    assert (row["title"], row["amount"], row["currency"], row["stage"]) == (
        "展示会出展パック",
        1_200_000,
        "JPY",
        "proposal",
    )
    assert row["decision_deadline"] == "2026-12-10" and row["is_open"]
    cli.ok("deal", "list")
    assert "1,200,000 JPY" in cli.out and deal[:8] in cli.out


def test_a_loss_without_the_customers_reason_is_refused_with_exit_code_2(
    cli: Cli, deal: str
) -> None:
    assert cli("deal", "outcome", deal[:8], "lost", "--note", "電話に出ない") == 2
    assert "only on the customer's word" in cli.err
    assert "no-answer" in cli.err
    assert "--words: write what the customer said" in cli.err
    [row] = cli.json("deal", "list")
    assert row["result"] is None and row["is_open"]


def test_a_loss_with_the_customers_reason_is_recorded(cli: Cli, deal: str) -> None:
    today = date.today().isoformat()
    cli.ok(
        "deal", "outcome", deal[:8], "lost", "--category", "price",
        "--words", "予算が半分しかない", "--said-by", "山田部長", "--said-on", today,
    )  # fmt: skip
    shown = cli.json("deal", "show", deal[:8])
    assert shown["result"] == "lost"
    assert (shown["loss_category"], shown["loss_words"]) == ("price", "予算が半分しかない")
    cli.ok("deal", "reopen", deal[:8])
    assert cli.json("deal", "show", deal[:8])["is_open"]


def test_no_answer_keeps_the_deal_open_and_schedules_a_follow_up(cli: Cli, deal: str) -> None:
    when = (date.today() + timedelta(days=3)).isoformat() + " 10:00"
    out = cli.ok(
        "deal", "outcome", deal[:8], "no-answer", "--follow-up-at", when,
        "--follow-up-what", "事例を持って訪問",
    )  # fmt: skip
    assert "stays open" in out
    shown = cli.json("deal", "show", deal[:8])
    assert shown["is_open"] and shown["outcomes"][-1]["result"] == "no_answer"
    prospect = cli.json("prospect", "show", shown["prospect_id"][:8])
    assert [f["what"] for f in prospect["open_follow_ups"]] == ["事例を持って訪問"]


def test_pending_three_times_flags_and_set_stage_resets(cli: Cli, deal: str) -> None:
    for _ in range(3):
        cli.ok("deal", "outcome", deal[:8], "pending")
    assert "pending streak 3" in cli.out and "change the approach" in cli.out
    cli.ok("deal", "set-stage", deal[:8], "closing")
    assert "pending streak 0" in cli.out


def test_show_names_what_the_checklist_misses(cli: Cli, deal: str) -> None:
    cli.ok("deal", "show", deal[:8])
    assert "Readiness 10%" in cli.out
    assert "missing: closing_question_not_asked" in cli.out


def test_unknown_deal_and_bad_amount_are_refused(cli: Cli, deal: str) -> None:
    assert cli("deal", "show", "zzzz") == 2
    assert "no deal with id zzzz" in cli.err
    pid = cli.json("deal", "list")[0]["prospect_id"]
    assert cli("deal", "add", "--prospect", pid[:8], "--title", "x", "--amount", "abc") == 2
    assert "amount" in cli.err
