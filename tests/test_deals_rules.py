"""The closing and follow-up rules, read as the method (DOMAIN.md §2–§3)."""

from __future__ import annotations

from datetime import date

import pytest

from salesdesk.core import closing_rules as rules
from salesdesk.core.closing_rules import (
    CheckItem,
    ChecklistFacts,
    DealFacts,
    DealResult,
    DealStage,
    Tick,
)
from salesdesk.core.enums import InteractionKind

TODAY = date(2026, 11, 27)
PC = InteractionKind.PROGRESS_CHECK


def everything_done() -> ChecklistFacts:
    return ChecklistFacts(
        ticks={item: Tick(True, "理由: 来月の展示会の相談", TODAY) for item in rules.TICKED_ITEMS},
        decision_deadline=date(2026, 12, 10),
        open_questions=0,
        small_yeses=2,
        second_arrow="小規模プランを出す",
        third_arrow="分割払いを提案",
        buying_signals=1,
    )


def with_(facts: ChecklistFacts, **changes: object) -> ChecklistFacts:
    from dataclasses import replace

    return replace(facts, **changes)  # type: ignore[arg-type]


def without_tick(facts: ChecklistFacts, item: CheckItem) -> ChecklistFacts:
    return with_(facts, ticks={**facts.ticks, item: Tick()})


# -- the closing checklist --------------------------------------------------------------------
def test_a_deal_with_every_item_done_is_ready_and_misses_nothing() -> None:
    r = rules.readiness(everything_done())
    assert (r.score, r.level, r.missing) == (100, "ready", ())
    assert len(r.done) == r.total == 10


def test_an_untouched_deal_says_everything_is_missing_in_checklist_order() -> None:
    r = rules.readiness(ChecklistFacts())
    assert r.score == 10  # no open questions: the one item that is true by default
    assert r.level == "not_ready"
    assert r.missing == (
        rules.NO_DECISION_MATERIAL,
        rules.NO_DECISION_DEADLINE,
        rules.DECISION_PROCESS_UNKNOWN,
        rules.NO_SMALL_YES,
        rules.NO_TRIAL_CLOSE,
        rules.SECOND_ARROW_MISSING,
        rules.THIRD_ARROW_MISSING,
        rules.NO_BUYING_SIGNALS,
        rules.CLOSING_QUESTION_NOT_ASKED,
        rules.NO_NEXT_MEETING_REASON,
    )


def test_second_and_third_arrows_must_be_written_not_only_thought_of() -> None:
    facts = with_(everything_done(), third_arrow="   ")
    r = rules.readiness(facts)
    assert r.missing == (rules.THIRD_ARROW_MISSING,)
    assert CheckItem.ARROWS not in r.done
    assert r.score == 90


def test_a_ticked_decision_deadline_without_the_date_is_not_fixed() -> None:
    facts = with_(everything_done(), decision_deadline=None)
    assert rules.missing_items(facts) == [rules.DEADLINE_WITHOUT_DATE]
    assert not rules.item_done(CheckItem.DEADLINE_FIXED, facts)


def test_unresolved_questions_and_worries_keep_the_checklist_open() -> None:
    facts = with_(everything_done(), open_questions=2)
    assert rules.missing_items(facts) == [rules.OPEN_QUESTIONS]


def test_small_yeses_come_from_logged_calls() -> None:
    assert rules.missing_items(with_(everything_done(), small_yeses=0)) == [rules.NO_SMALL_YES]


def test_the_next_meeting_needs_its_reason_written() -> None:
    facts = with_(
        everything_done(), ticks={**everything_done().ticks, CheckItem.NEXT_MEETING: Tick(True)}
    )
    assert rules.missing_items(facts) == [rules.NO_NEXT_MEETING_REASON]


def test_the_closing_question_not_asked_is_named() -> None:
    facts = without_tick(everything_done(), CheckItem.CLOSING_QUESTION)
    assert rules.missing_items(facts) == [rules.CLOSING_QUESTION_NOT_ASKED]
    assert rules.readiness(facts).level == "ready"  # 90%: ready to ask it


def test_readiness_levels() -> None:
    facts = everything_done()
    for item in (CheckItem.MATERIAL_PROVIDED, CheckItem.PROCESS_KNOWN, CheckItem.TRIAL_CLOSE):
        facts = without_tick(facts, item)
    assert rules.readiness(facts).score == 70
    assert rules.readiness(facts).level == "getting_there"


# -- pending streaks ---------------------------------------------------------------------------
def test_three_pendings_in_a_row_flag_the_deal() -> None:
    assert rules.pending_streak(["pending", "pending"]) == 2
    assert not rules.streak_flagged(2)
    assert rules.pending_streak(["pending", "pending", "pending"]) == 3
    assert rules.streak_flagged(3)


@pytest.mark.parametrize("event", ["won", "lost", "reopened", "stage"])
def test_anything_that_moves_the_deal_on_resets_the_streak(event: str) -> None:
    assert rules.pending_streak(["pending", "pending", "pending", event]) == 0
    assert rules.pending_streak(["pending", "pending", event, "pending"]) == 1


def test_no_answer_yet_is_not_a_streak_event() -> None:
    with pytest.raises(ValueError):
        rules.streak_after(2, "no_answer")


# -- progress-check lint -------------------------------------------------------------------------
def test_three_progress_checks_in_a_row_warn_and_propose_a_value_kind() -> None:
    history = [PC, PC, PC, InteractionKind.INFORMATION, InteractionKind.LABOUR]
    warning = rules.progress_check_lint(history)
    assert warning is not None
    assert warning.run == 3
    # Never-used kinds come first, in the method's order: proposal before goodwill.
    assert warning.proposed is InteractionKind.PROPOSAL


def test_a_value_contact_among_the_last_three_means_no_warning() -> None:
    assert rules.progress_check_lint([PC, InteractionKind.GOODWILL, PC, PC]) is None


def test_fewer_contacts_than_the_run_give_no_warning_yet() -> None:
    assert rules.progress_check_lint([PC, PC]) is None


def test_the_run_is_settable() -> None:
    assert rules.progress_check_lint([PC, PC], run=2) is not None
    assert rules.progress_check_lint([PC, PC, PC], run=4) is None


def test_when_every_value_kind_was_used_the_one_used_longest_ago_is_proposed() -> None:
    history = [
        PC,
        PC,
        PC,
        InteractionKind.GOODWILL,
        InteractionKind.PROPOSAL,
        InteractionKind.ANOTHER_MATTER,
        InteractionKind.INFORMATION,
        InteractionKind.LABOUR,
    ]
    assert rules.propose_value_kind(history) is InteractionKind.LABOUR


# -- a loss only on the customer's word ------------------------------------------------------------
def test_a_loss_without_the_customers_word_is_refused_field_by_field() -> None:
    assert rules.loss_reason_errors("", "", "", None, TODAY) == {
        "loss_category": rules.LOSS_CATEGORY_REQUIRED,
        "loss_words": rules.CUSTOMER_WORDS_REQUIRED,
        "loss_said_by": rules.SAID_BY_REQUIRED,
        "loss_said_on": rules.SAID_ON_REQUIRED,
    }


def test_a_loss_with_the_customers_stated_reason_is_accepted() -> None:
    assert rules.loss_reason_errors("price", "予算が半分しかない", "山田部長", TODAY, TODAY) == {}


def test_a_reason_dated_tomorrow_was_not_said_yet() -> None:
    errors = rules.loss_reason_errors("timing", "来期に", "山田", date(2026, 11, 28), TODAY)
    assert errors == {"loss_said_on": rules.DATE_IN_FUTURE}


def test_an_unknown_category_is_not_a_category() -> None:
    errors = rules.loss_reason_errors("mood", "なんとなく", "山田", TODAY, TODAY)
    assert errors == {"loss_category": rules.LOSS_CATEGORY_REQUIRED}


# -- the dashboard --------------------------------------------------------------------------------
def deal(n: int, **kw: object) -> DealFacts:
    base: dict[str, object] = {
        "id": f"d{n}",
        "prospect_id": f"p{n}",
        "company": f"会社{n}",
        "title": f"案件{n}",
        "stage": DealStage.PROPOSAL,
        "result": None,
    }
    base.update(kw)
    return DealFacts(**base)  # type: ignore[arg-type]


def test_closing_asked_rate_counts_only_deals_that_reached_closing() -> None:
    deals = [
        deal(1, reached_closing_on=date(2026, 10, 3), closing_asked=True),
        deal(2, reached_closing_on=date(2026, 10, 20), closing_asked=False),
        deal(3, reached_closing_on=date(2026, 11, 5), closing_asked=True),
        deal(4),  # never reached closing: not in the rate at all
    ]
    board = rules.dashboard(deals, TODAY)
    assert (board.closing_reached, board.closing_asked) == (3, 2)
    assert board.closing_asked_rate == pytest.approx(2 / 3)
    assert [(m.month, m.reached, m.asked) for m in board.by_month] == [
        ("2026-10", 2, 1),
        ("2026-11", 1, 1),
    ]


def test_no_deal_at_closing_yet_has_no_rate_rather_than_zero() -> None:
    assert rules.dashboard([deal(1)], TODAY).closing_asked_rate is None


def test_outcomes_losses_streaks_and_overdue_deadlines() -> None:
    deals = [
        deal(1, result=DealResult.WON),
        deal(2, result=DealResult.PENDING, pending_streak=3),
        deal(3, result=None, pending_streak=4, decision_deadline=date(2026, 11, 20)),
        deal(4, result=DealResult.LOST, loss_category="price", loss_words="高い",
             loss_said_by="部長", loss_said_on=TODAY),
        deal(5, result=DealResult.LOST, loss_category="price", loss_words="予算外",
             loss_said_by="社長", loss_said_on=TODAY, decision_deadline=date(2026, 1, 1)),
        deal(6, decision_deadline=TODAY),  # due today: not overdue yet
    ]  # fmt: skip
    board = rules.dashboard(deals, TODAY)
    assert board.outcomes == {"open": 2, "won": 1, "pending": 1, "lost": 2}
    assert board.loss_reasons["price"] == 2
    assert sum(board.loss_reasons.values()) == 2
    assert set(board.loss_reasons) == {c.value for c in rules.LossCategory}
    assert [d.id for d in board.streaks] == ["d3", "d2"]  # longest first
    assert [d.id for d in board.overdue] == ["d3"]  # a lost deal's deadline is history
    assert board.lost_without_word == 0


def test_a_loss_without_the_customers_word_would_show_on_the_dashboard() -> None:
    # The app refuses such a loss; were one imported from elsewhere, it would be counted.
    board = rules.dashboard([deal(1, result=DealResult.LOST, loss_category="other")], TODAY)
    assert board.lost_without_word == 1
