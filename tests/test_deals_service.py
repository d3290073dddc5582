"""DealService: deals, the checklist, questions, outcomes and the dashboard, stored for real."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from salesdesk.core import closing_rules as rules
from salesdesk.core.calls import CallService
from salesdesk.core.closing_rules import CheckItem, DealResult, DealStage
from salesdesk.core.db import Database
from salesdesk.core.deals import (
    DEAL_CLOSED,
    INVALID_AMOUNT,
    NOT_LOST,
    DealInput,
    DealService,
    OutcomeInput,
    QuestionInput,
    format_amount,
    parse_amount,
)
from salesdesk.core.enums import InteractionKind
from salesdesk.core.listing import ProspectList, ProspectQuery
from salesdesk.core.prospects import ProspectService
from salesdesk.core.records import CallInput, ProspectInput
from salesdesk.core.validation import NotFoundError, ValidationError

NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def deals(db: Database, clock: FakeClock) -> DealService:
    return DealService(db, clock, ProspectList(db, clock))


@pytest.fixture
def pid(prospects: ProspectService) -> str:
    return prospects.create(ProspectInput("山田製作所", "ヤマダセイサクショ"))


@pytest.fixture
def deal_id(deals: DealService, pid: str) -> str:
    return deals.create(pid, DealInput("展示会出展パック", amount=1_200_000))


def today(deals: DealService) -> date:
    return deals.today()


def lost_with_reason(d: date) -> OutcomeInput:
    return OutcomeInput(
        DealResult.LOST,
        loss_category="price",
        loss_words="予算が半分しかない",
        loss_said_by="山田部長",
        loss_said_on=d,
    )


def prospect_streak(db: Database, pid: str) -> int:
    return int(
        db.reader().execute("SELECT pending_streak FROM prospect WHERE id=?", (pid,)).fetchone()[0]
    )


# -- deals ------------------------------------------------------------------------------------
def test_a_new_deal_starts_at_approach_in_yen_with_no_answer(
    deals: DealService, deal_id: str, pid: str
) -> None:
    d = deals.get(deal_id)
    assert (d.title, d.amount, d.currency, d.stage) == (
        "展示会出展パック",
        1_200_000,
        "JPY",
        DealStage.APPROACH,
    )
    assert d.result is None and d.is_open and d.pending_streak == 0
    assert d.opened_at == NOW
    assert [x.id for x in deals.for_prospect(pid)] == [deal_id]


def test_the_customers_dates_are_kept_apart_from_the_reps_forecast(
    deals: DealService, deal_id: str
) -> None:
    data = deals.get(deal_id).as_input()
    data.forecast_on = date(2026, 12, 20)
    data.decision_deadline = date(2026, 12, 10)
    data.goal_on = date(2027, 9, 30)
    data.last_useful_on = date(2027, 8, 15)
    data.decision_steps = "部長が比較表を作り、社長が決裁"
    data.collect_first = "他社2社の見積もり"
    data.competitors = "A社, B社"
    d = deals.update(deal_id, data)
    assert (d.forecast_on, d.decision_deadline, d.goal_on, d.last_useful_on) == (
        date(2026, 12, 20),
        date(2026, 12, 10),
        date(2027, 9, 30),
        date(2027, 8, 15),
    )
    assert d.collect_first == "他社2社の見積もり"


def test_a_deal_needs_a_title_and_a_sane_amount_and_currency(deals: DealService, pid: str) -> None:
    with pytest.raises(ValidationError) as info:
        deals.create(pid, DealInput("  ", amount=-1, currency="yen"))
    assert info.value.errors == {
        "title": "required",
        "amount": INVALID_AMOUNT,
        "currency": "invalid_currency",
    }
    with pytest.raises(NotFoundError):
        deals.create("no-such-prospect", DealInput("x"))


def test_amounts_are_typed_the_way_reps_type_them() -> None:
    assert parse_amount("１，２００，０００円") == 1_200_000
    assert parse_amount("¥ 980,000") == 980_000
    assert parse_amount("") is None
    assert parse_amount("1,250.50", "USD") == 125_050
    with pytest.raises(ValidationError):
        parse_amount("12.5", "JPY")  # yen has no sen on an invoice
    with pytest.raises(ValidationError):
        parse_amount("abc")
    assert format_amount(1_200_000, "JPY") == "1,200,000"
    assert format_amount(125_050, "USD") == "1,250.50"


def test_reaching_closing_is_remembered_for_the_closing_asked_rate(
    deals: DealService, deal_id: str
) -> None:
    assert deals.get(deal_id).reached_closing_at is None
    deals.set_stage(deal_id, DealStage.CLOSING)
    reached = deals.get(deal_id).reached_closing_at
    assert reached == NOW
    deals.set_stage(deal_id, DealStage.PROPOSAL)
    assert deals.get(deal_id).reached_closing_at == reached  # stays: it did reach closing


# -- outcomes -----------------------------------------------------------------------------------
def test_pending_three_times_in_a_row_flags_the_deal_and_the_prospect_list(
    db: Database, deals: DealService, deal_id: str, pid: str
) -> None:
    for expected in (1, 2, 3):
        d = deals.record_outcome(deal_id, OutcomeInput(DealResult.PENDING, note="社内で検討中"))
        assert d.pending_streak == expected
        assert d.is_open
    assert d.streak_flagged
    assert prospect_streak(db, pid) == 3
    [row] = ProspectList(db).rows([ProspectList(db).rowid_of(pid) or 0]).values()
    assert row.pending_streak == 3


def test_a_new_stage_resets_the_streak(
    db: Database, deals: DealService, deal_id: str, pid: str
) -> None:
    deals.record_outcome(deal_id, OutcomeInput(DealResult.PENDING))
    deals.record_outcome(deal_id, OutcomeInput(DealResult.PENDING))
    assert deals.set_stage(deal_id, DealStage.CLOSING).pending_streak == 0
    assert prospect_streak(db, pid) == 0


def test_won_closes_the_deal_and_resets_the_streak(
    db: Database, deals: DealService, deal_id: str, pid: str
) -> None:
    deals.record_outcome(deal_id, OutcomeInput(DealResult.PENDING))
    d = deals.record_outcome(deal_id, OutcomeInput(DealResult.WON, on=date(2026, 11, 20)))
    assert (d.result, d.result_on, d.pending_streak, d.is_open) == (
        DealResult.WON,
        date(2026, 11, 20),
        0,
        False,
    )
    with pytest.raises(ValidationError) as info:
        deals.record_outcome(deal_id, OutcomeInput(DealResult.PENDING))
    assert info.value.errors == {"result": DEAL_CLOSED}
    assert [o.result for o in deals.outcomes(deal_id)] == ["pending", "won"]


def test_a_loss_without_the_customers_word_is_refused_and_nothing_changes(
    db: Database, deals: DealService, deal_id: str
) -> None:
    with pytest.raises(ValidationError) as info:
        deals.record_outcome(deal_id, OutcomeInput(DealResult.LOST, note="電話に出ない"))
    assert set(info.value.errors) == {"loss_category", "loss_words", "loss_said_by", "loss_said_on"}
    d = deals.get(deal_id)
    assert d.result is None and d.is_open
    assert deals.outcomes(deal_id) == []
    assert deals.dashboard().lost_without_word == 0


def test_no_answer_yet_keeps_the_deal_open_and_schedules_a_follow_up(
    db: Database, deals: DealService, deal_id: str, pid: str, calls: CallService
) -> None:
    deals.record_outcome(deal_id, OutcomeInput(DealResult.PENDING))
    due = NOW + timedelta(days=3)
    fid = deals.no_answer_yet(deal_id, due, "導入事例を持って訪問", InteractionKind.INFORMATION)
    d = deals.get(deal_id)
    assert d.is_open and d.result is DealResult.PENDING
    assert d.pending_streak == 1  # no answer is not another △
    [follow_up] = calls.open_follow_ups(pid)
    assert (follow_up.id, follow_up.due_at, follow_up.what, follow_up.kind) == (
        fid,
        due,
        "導入事例を持って訪問",
        InteractionKind.INFORMATION,
    )
    next_at = (
        db.reader()
        .execute("SELECT next_follow_up_at FROM prospect WHERE id=?", (pid,))
        .fetchone()[0]
    )
    assert next_at.startswith("2026-11-30")
    assert [o.result for o in deals.outcomes(deal_id)] == ["pending", "no_answer"]
    assert deals.outcomes(deal_id)[-1].follow_up_id == fid


def test_no_answer_yet_needs_what_to_do_and_a_time_not_in_the_past(
    deals: DealService, deal_id: str
) -> None:
    with pytest.raises(ValidationError) as info:
        deals.no_answer_yet(deal_id, NOW + timedelta(days=1), "  ")
    assert info.value.errors == {"follow_up_what": "required"}
    with pytest.raises(ValidationError) as info:
        deals.no_answer_yet(deal_id, NOW - timedelta(days=1), "電話する")
    assert info.value.errors == {"follow_up_at": "out_of_range"}


def test_a_loss_with_the_customers_reason_is_recorded_and_can_be_reopened(
    db: Database, deals: DealService, deal_id: str, pid: str
) -> None:
    deals.record_outcome(deal_id, OutcomeInput(DealResult.PENDING))
    d = deals.record_outcome(deal_id, lost_with_reason(today(deals)))
    assert d.result is DealResult.LOST and not d.is_open
    assert (d.loss_category, d.loss_words, d.loss_said_by) == (
        rules.LossCategory.PRICE,
        "予算が半分しかない",
        "山田部長",
    )
    board = deals.dashboard()
    assert board.loss_reasons["price"] == 1 and board.lost_without_word == 0

    again = deals.reopen(deal_id, "予算が付いたと連絡あり")
    assert again.is_open and again.result is None and again.loss_category is None
    history = deals.outcomes(deal_id)
    assert [o.result for o in history] == ["pending", "lost", "reopened"]
    assert history[1].loss_words == "予算が半分しかない"  # the loss stays in the history
    with pytest.raises(ValidationError) as info:
        deals.reopen(deal_id)
    assert info.value.errors == {"result": NOT_LOST}


def test_an_outcome_dated_in_the_future_is_refused(deals: DealService, deal_id: str) -> None:
    with pytest.raises(ValidationError) as info:
        deals.record_outcome(
            deal_id, OutcomeInput(DealResult.WON, on=today(deals) + timedelta(days=2))
        )
    assert info.value.errors == {"on": rules.DATE_IN_FUTURE}


# -- the checklist ---------------------------------------------------------------------------------
def test_the_checklist_reads_ticks_questions_calls_arrows_and_signals(
    deals: DealService, deal_id: str, pid: str, calls: CallService, clock: FakeClock
) -> None:
    before = deals.checklist(deal_id)
    assert before.readiness.score == 10
    assert rules.NO_DECISION_MATERIAL in before.readiness.missing

    deals.set_tick(deal_id, CheckItem.MATERIAL_PROVIDED, True, "導入事例集")
    deals.set_tick(deal_id, CheckItem.DEADLINE_FIXED, True)
    qid = deals.add_question(deal_id, QuestionInput("設営は誰がやる？", asked_by="山田 花子"))
    deals.set_arrows(deal_id, "小規模プラン", "")
    deals.add_signal(deal_id, "導入時期を具体的に聞かれた")
    # A small yes logged before the deal opened does not count; one after it does.
    calls.log_call(
        CallInput(pid, "前の話", small_yes=True, occurred_at=NOW - timedelta(days=9),
                  no_next_step=True)
    )  # fmt: skip
    calls.log_call(CallInput(pid, "資料OK", small_yes=True, no_next_step=True))

    c = deals.checklist(deal_id)
    assert c.facts.small_yeses == 1
    assert c.facts.open_questions == 1
    assert c.ticks[CheckItem.MATERIAL_PROVIDED].note == "導入事例集"
    assert c.ticks[CheckItem.MATERIAL_PROVIDED].on == today(deals)
    assert c.readiness.missing == (
        rules.DEADLINE_WITHOUT_DATE,
        rules.DECISION_PROCESS_UNKNOWN,
        rules.OPEN_QUESTIONS,
        rules.NO_TRIAL_CLOSE,
        rules.THIRD_ARROW_MISSING,
        rules.CLOSING_QUESTION_NOT_ASKED,
        rules.NO_NEXT_MEETING_REASON,
    )

    deals.resolve_question(qid, "当社スタッフが設営します")
    [q] = deals.questions(deal_id)
    assert q.resolved and q.answer == "当社スタッフが設営します"
    assert rules.OPEN_QUESTIONS not in deals.checklist(deal_id).readiness.missing

    deals.set_tick(deal_id, CheckItem.MATERIAL_PROVIDED, False)
    assert not deals.checklist(deal_id).ticks[CheckItem.MATERIAL_PROVIDED].done


def test_only_hand_ticked_items_can_be_ticked(deals: DealService, deal_id: str) -> None:
    with pytest.raises(ValidationError):
        deals.set_tick(deal_id, CheckItem.SMALL_YESES, True)


def test_a_question_resolved_needs_its_answer(deals: DealService, deal_id: str) -> None:
    qid = deals.add_question(deal_id, QuestionInput("保守費用は？"))
    with pytest.raises(ValidationError) as info:
        deals.resolve_question(qid, " ")
    assert info.value.errors == {"answer": "required"}


def test_progress_check_warning_for_an_open_deal(
    deals: DealService, deal_id: str, pid: str, calls: CallService
) -> None:
    for n in range(3):
        calls.log_call(
            CallInput(pid, f"進捗どうですか {n}", kind=InteractionKind.PROGRESS_CHECK,
                      occurred_at=NOW - timedelta(days=3 - n), no_next_step=True)
        )  # fmt: skip
    warning = deals.progress_check_warning(deal_id)
    assert warning is not None and warning.proposed is InteractionKind.LABOUR
    assert deals.progress_check_warning(deal_id, run=4) is None
    deals.record_outcome(deal_id, OutcomeInput(DealResult.WON))
    assert deals.progress_check_warning(deal_id) is None  # nothing to follow up any more


# -- the dashboard ----------------------------------------------------------------------
def test_the_dashboard_counts_closing_questions_asked(
    deals: DealService, pid: str, deal_id: str
) -> None:
    asked = deals.create(pid, DealInput("保守契約", stage=DealStage.CLOSING))
    deals.set_tick(asked, CheckItem.CLOSING_QUESTION, True)
    deals.create(pid, DealInput("追加モジュール", stage=DealStage.CLOSING))
    board = deals.dashboard()
    assert (board.closing_reached, board.closing_asked) == (2, 1)
    assert board.outcomes["open"] == 3


def test_deleted_deals_leave_the_list_and_the_dashboard(
    deals: DealService, deal_id: str, pid: str
) -> None:
    deals.delete(deal_id)
    assert deals.for_prospect(pid) == []
    assert deals.dashboard().outcomes["open"] == 0
    with pytest.raises(NotFoundError):
        deals.get(deal_id)


def test_deal_ids_resolve_from_a_unique_prefix(deals: DealService, deal_id: str) -> None:
    assert deals.resolve_id(deal_id[:8]) == deal_id
    with pytest.raises(NotFoundError):
        deals.resolve_id("zzzz")


def test_the_list_shows_the_pending_streak_without_a_query_per_row(
    db: Database, deals: DealService, deal_id: str, pid: str
) -> None:
    listing = ProspectList(db)
    for _ in range(3):
        deals.record_outcome(deal_id, OutcomeInput(DealResult.PENDING))
    rowids = list(listing.rowids(ProspectQuery()))
    rows = listing.rows(rowids)
    assert [r.pending_streak for r in rows.values()] == [3]
