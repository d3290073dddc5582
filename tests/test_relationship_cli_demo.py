"""``salesdesk strength show|set`` and the demo's assessment histories."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from salesdesk.cli import main
from salesdesk.core.db import Database
from salesdesk.core.demo import generate_demo
from salesdesk.core.relationship import RelationshipService

NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)


def run(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def prospect(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    data = tmp_path / "data"
    code, out, err = run(data, capsys, "prospect", "add", "--company", "山田製作所")
    assert code == 0, err
    return data, out.strip()


def test_set_then_show_as_json(
    prospect: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    data, pid = prospect
    code, _out, err = run(
        data, capsys, "strength", "set", "--prospect", pid[:8], "--score", "empathy=3",
        "--score", "contribution=2", "--note", "資料を送った",
    )  # fmt: skip
    assert code == 0, err
    code, _out, err = run(
        data, capsys, "strength", "set", "--prospect", pid, "--score", "voluntary=1"
    )
    assert code == 0, err
    code, out, _err = run(data, capsys, "strength", "show", "--prospect", pid, "--json")
    shown = json.loads(out)
    # Dimensions not given keep their latest score; both assessments are in the history.
    assert shown["latest"]["scores"]["empathy"] == 3
    assert shown["latest"]["scores"]["voluntary"] == 1
    assert shown["latest"]["total"] == 6
    assert [a["total"] for a in shown["history"]] == [5, 6]
    assert shown["history"][0]["note"] == "資料を送った"
    assert shown["next_action"]["code"]


def test_show_in_plain_text(prospect: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    data, pid = prospect
    code, out, _ = run(data, capsys, "strength", "show", "--prospect", pid)
    assert code == 0 and "Not assessed yet." in out and "assess_first" in out


@pytest.mark.parametrize(
    ("score", "message"),
    [
        ("charm=3", "unknown dimension 'charm'"),
        ("empathy=6", "empathy: a score is a whole number from 0 to 5"),
        ("empathy=-1", "a score is a whole number from 0 to 5"),
        ("empathy", "write it as DIMENSION=N"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(
    prospect: tuple[Path, str], capsys: pytest.CaptureFixture[str], score: str, message: str
) -> None:
    data, pid = prospect
    code, _out, err = run(data, capsys, "strength", "set", "--prospect", pid, "--score", score)
    assert code == 2 and message in err
    _code, out, _ = run(data, capsys, "strength", "show", "--prospect", pid, "--json")
    assert json.loads(out)["history"] == []


def test_demo_has_assessment_histories_and_appointment_requests(db: Database) -> None:
    generate_demo(db, 120, seed=5, now=NOW)
    conn = db.reader()
    assessed = conn.execute(
        "SELECT count(*) FROM prospect WHERE assessed_at IS NOT NULL"
    ).fetchone()
    rows = conn.execute("SELECT count(*) FROM relationship_assessment").fetchone()
    assert 20 <= assessed[0] <= 80 and rows[0] > assessed[0]
    # The list columns follow each prospect's latest assessment.
    rel = RelationshipService(db, clock=lambda: NOW)
    pid, strength = conn.execute(
        "SELECT id, strength FROM prospect WHERE assessed_at IS NOT NULL LIMIT 1"
    ).fetchone()
    latest = rel.latest(pid)
    assert latest is not None and latest.scores.total == strength
    rates = rel.appointment_rates()
    assert sum(r.requests for r in rates) > 0


def test_demo_assessments_are_deterministic(tmp_path: Path) -> None:
    dumps = []
    for name in ("a", "b"):
        db = Database.open(tmp_path / f"{name}.sqlite3")
        from salesdesk.core.schema import run_migrations

        run_migrations(db)
        generate_demo(db, 60, seed=9, now=NOW)
        dumps.append(
            db.reader().execute("SELECT * FROM relationship_assessment ORDER BY id").fetchall()
        )
        db.close()
    assert dumps[0] == dumps[1] and dumps[0]
