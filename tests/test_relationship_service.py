"""Storing assessments and answering from logged facts (RelationshipService)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from salesdesk.core.calls import CallService
from salesdesk.core.db import Database
from salesdesk.core.enums import InteractionKind, Outcome, Stage
from salesdesk.core.listing import ProspectList, ProspectQuery, SortKey
from salesdesk.core.prospects import ProspectService
from salesdesk.core.records import CallInput, ContactInput, ProspectInput
from salesdesk.core.relationship import (
    NOT_ASSESSED,
    DecisionThresholds,
    RelationshipService,
    Scores,
)
from salesdesk.core.validation import NotFoundError, ValidationError

NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)


@pytest.fixture
def listing(db: Database) -> ProspectList:
    return ProspectList(db, clock=lambda: NOW)


@pytest.fixture
def rel(db: Database, listing: ProspectList) -> RelationshipService:
    return RelationshipService(db, clock=lambda: NOW, listing=listing)


@pytest.fixture
def pid(prospects: ProspectService) -> str:
    return prospects.create(ProspectInput(company="株式会社 山田製作所", stage=Stage.APPROACH))


def test_saving_keeps_the_history(rel: RelationshipService, pid: str) -> None:
    rel.save(pid, {"empathy": 1}, assessed_at=NOW - timedelta(days=20))
    rel.save(pid, {"empathy": 3, "contribution": 2}, note="資料を喜んでくれた")
    history = rel.history(pid)
    assert [a.scores.empathy for a in history] == [1, 3]
    latest, previous = rel.latest_two(pid)
    assert latest is not None and previous is not None
    assert latest.note == "資料を喜んでくれた" and latest.assessed_at == NOW
    assert previous.scores.empathy == 1


def test_the_list_columns_follow_the_latest_assessment(
    rel: RelationshipService, pid: str, prospects: ProspectService, db: Database
) -> None:
    rel.save(pid, Scores(1, 2, 3, 4, 5, 0, need_awareness=2))
    assert prospects.get(pid).strength == 15
    row = db.reader().execute("SELECT weakest, assessed_at FROM prospect").fetchone()
    assert row[0] == "voluntary" and row[1].startswith("2026-11-27")
    # A back-dated assessment joins the history without changing the list.
    rel.save(pid, Scores(), assessed_at=NOW - timedelta(days=100))
    assert prospects.get(pid).strength == 15
    assert len(rel.history(pid)) == 2


def test_bad_scores_are_refused_and_nothing_is_stored(rel: RelationshipService, pid: str) -> None:
    with pytest.raises(ValidationError):
        rel.save(pid, {"empathy": 6})
    with pytest.raises(ValidationError):
        rel.save(pid, {"charm": 1})
    assert rel.history(pid) == []


def test_an_unknown_prospect_is_refused(rel: RelationshipService) -> None:
    with pytest.raises(NotFoundError):
        rel.save("nope", Scores())


def test_suggestions_come_from_what_was_logged(
    rel: RelationshipService, pid: str, prospects: ProspectService, db: Database
) -> None:
    prospects.add_contact(pid, ContactInput(name="山田 太郎", title="代表取締役"))
    prospects.add_contact(pid, ContactInput(name="佐藤 花子", title="主任"))
    calls = CallService(db, clock=lambda: NOW)
    for days, kind, initiated in (
        (3, InteractionKind.INFORMATION, False),
        (10, InteractionKind.LABOUR, True),
        (200, InteractionKind.PROPOSAL, False),
    ):
        calls.log_call(
            CallInput(
                pid,
                "x",
                kind=kind,
                customer_initiated=initiated,
                occurred_at=NOW - timedelta(days=days),
                no_next_step=True,
            )
        )
    found = {s.dimension: s for s in rel.suggestions(pid)}
    assert found["multi_contact"].score == 2
    assert (found["key_contact"].score, found["key_contact"].params["name"]) == (3, "山田 太郎")
    assert found["contribution"].params["count"] == 2
    assert found["voluntary"].score == 2
    # Accepting one (saving it) makes it disappear from the suggestions.
    rel.save(pid, {"multi_contact": 2})
    assert "multi_contact" not in {s.dimension for s in rel.suggestions(pid)}


def test_next_action_follows_the_stage(rel: RelationshipService, pid: str) -> None:
    assert rel.next_action(pid).code == "assess_first"
    rel.save(pid, {"contribution": 1, "empathy": 1})
    assert rel.next_action(pid).dimension == "contribution"


def test_decision_check_warns_only_when_asking(rel: RelationshipService, pid: str) -> None:
    t = DecisionThresholds()
    assert rel.decision_check(pid, InteractionKind.INFORMATION, Outcome.REACHED, False, t) == []
    assert rel.decision_check(pid, InteractionKind.CLOSING, Outcome.REACHED, False, t) == [
        NOT_ASSESSED
    ]
    rel.save(pid, Scores(0, 4, 4, 4, 4, 4, need_awareness=4))
    assert rel.decision_check(pid, InteractionKind.OTHER, Outcome.REACHED, True, t) == ["business"]


def test_appointment_rates_use_the_strength_at_the_time(
    rel: RelationshipService, pid: str, db: Database
) -> None:
    calls = CallService(db, clock=lambda: NOW)

    def ask(days_ago: int, outcome: Outcome) -> None:
        calls.log_call(
            CallInput(
                pid,
                "appointment?",
                outcome=outcome,
                appointment_requested=True,
                occurred_at=NOW - timedelta(days=days_ago),
                no_next_step=True,
            )
        )

    ask(60, Outcome.DECLINED)  # before any assessment
    rel.save(pid, Scores(1, 1, 1, 0, 0, 0), assessed_at=NOW - timedelta(days=50))
    ask(40, Outcome.DECLINED)  # cold (3)
    rel.save(pid, Scores(4, 4, 4, 4, 4, 4), assessed_at=NOW - timedelta(days=30))
    ask(20, Outcome.APPOINTMENT_SET)  # very strong (24)
    ask(10, Outcome.DECLINED)
    by = {r.band: r for r in rel.appointment_rates()}
    assert (by[NOT_ASSESSED].requests, by[NOT_ASSESSED].successes) == (1, 0)
    assert (by["cold"].requests, by["cold"].successes) == (1, 0)
    assert (by["very_strong"].requests, by["very_strong"].successes) == (2, 1)


def test_list_filters_weakest_and_not_assessed_for_30_days(
    rel: RelationshipService, pid: str, prospects: ProspectService, listing: ProspectList
) -> None:
    fresh = prospects.create(ProspectInput(company="新規"))
    stale = prospects.create(ProspectInput(company="古い"))
    rel.save(pid, Scores(3, 3, 0, 3, 3, 3))
    rel.save(stale, Scores(3, 0, 3, 3, 3, 2), assessed_at=NOW - timedelta(days=45))
    assert listing.ids(ProspectQuery(weakest="contribution")) == [pid]
    assert listing.ids(ProspectQuery(weakest="empathy")) == [stale]
    assert set(listing.ids(ProspectQuery(stale_assessment=True))) == {fresh, stale}
    by_strength = listing.ids(ProspectQuery(sort=SortKey.STRENGTH, descending=True))
    assert by_strength[:2] == [pid, stale] and by_strength[-1] == fresh


def test_a_won_deal_suggests_a_business_relationship(
    db: Database, rel: RelationshipService, listing: ProspectList, pid: str
) -> None:
    from salesdesk.core.closing_rules import DealResult
    from salesdesk.core.deals import DealInput, DealService, OutcomeInput

    deals = DealService(db, listing=listing)
    assert "business" not in {s.dimension for s in rel.suggestions(pid)}
    deal = deals.create(pid, DealInput(title="複合機の入替"))
    deals.record_outcome(deal, OutcomeInput(result=DealResult.WON))
    business = next(s for s in rel.suggestions(pid) if s.dimension == "business")
    assert (business.score, business.reason) == (4, "won_deals")
