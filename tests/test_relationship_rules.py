"""The relationship method's rules (DOMAIN.md §1), read as the method."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from salesdesk.core.enums import InteractionKind, Outcome, Stage
from salesdesk.core.relationship import (
    NEED_AWARENESS,
    NOT_ASSESSED,
    UNKNOWN_DIMENSION,
    ContactFact,
    DecisionThresholds,
    InteractionFact,
    ProspectFacts,
    Scores,
    band_of,
    decision_request,
    is_executive,
    next_best_action,
    success_by_band,
    suggest_business,
    suggest_contribution,
    suggest_key_contact,
    suggest_multi_contact,
    suggest_scores,
    suggest_voluntary,
    weak_for_decision,
    weakest_dimension,
)
from salesdesk.core.validation import OUT_OF_RANGE, ValidationError

NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)


def facts(**kw: object) -> ProspectFacts:
    base: dict[str, object] = {"stage": Stage.APPROACH, "is_customer": False}
    base.update(kw)
    return ProspectFacts(**base)  # type: ignore[arg-type]


def call(days_ago: int, kind: InteractionKind, initiated: bool = False) -> InteractionFact:
    return InteractionFact(NOW - timedelta(days=days_ago), kind, Outcome.REACHED, initiated)


# -- scores and validation ---------------------------------------------------------------
def test_strength_is_the_sum_of_the_six_dimensions_without_need_awareness() -> None:
    s = Scores(1, 2, 3, 4, 5, 0, need_awareness=5)
    assert s.total == 15


@pytest.mark.parametrize("bad", [-1, 6, "x", 2.5, True])
def test_a_score_outside_0_to_5_is_refused(bad: object) -> None:
    with pytest.raises(ValidationError) as err:
        Scores.from_mapping({"empathy": bad})
    assert err.value.errors == {"empathy": OUT_OF_RANGE}


def test_an_unknown_dimension_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        Scores.from_mapping({"charm": 3})
    assert err.value.errors == {"charm": UNKNOWN_DIMENSION}


def test_scores_left_out_keep_the_previous_value() -> None:
    before = Scores(empathy=4, voluntary=2)
    after = Scores.from_mapping({"voluntary": "3"}, base=before)
    assert (after.empathy, after.voluntary) == (4, 3)


# -- business ---------------------------------------------------------------------------
def test_business_is_zero_for_a_new_prospect() -> None:
    s = suggest_business(facts())
    assert (s.score, s.reason) == (0, "no_trade_yet")


def test_business_is_raised_for_an_existing_customer() -> None:
    assert suggest_business(facts(is_customer=True)).score == 3
    assert suggest_business(facts(stage=Stage.CUSTOMER)).reason == "existing_customer"


def test_won_deals_are_trade_we_can_count() -> None:
    one = suggest_business(facts(won_deals=1))
    assert (one.score, one.reason, one.params["count"]) == (4, "won_deals", 1)
    assert suggest_business(facts(is_customer=True, won_deals=3)).score == 5


# -- multiple contacts ------------------------------------------------------------------
@pytest.mark.parametrize(("people", "score"), [(0, 0), (1, 1), (3, 3), (5, 5), (9, 5)])
def test_multi_contact_counts_the_people_we_know(people: int, score: int) -> None:
    contacts = tuple(ContactFact(f"p{i}", "", False) for i in range(people))
    s = suggest_multi_contact(facts(contacts=contacts))
    assert (s.score, s.params["count"]) == (score, people)


# -- key contact ------------------------------------------------------------------------
def test_key_contact_is_zero_when_nobody_has_authority() -> None:
    s = suggest_key_contact(facts(contacts=(ContactFact("佐藤", "主任", False),)))
    assert (s.score, s.reason) == (0, "no_key_contact")


def test_a_decision_maker_makes_a_key_contact() -> None:
    s = suggest_key_contact(facts(contacts=(ContactFact("佐藤", "課長", True),)))
    assert (s.score, s.reason, s.params["name"]) == (4, "decision_maker_known", "佐藤")


def test_an_executive_title_makes_a_key_contact() -> None:
    s = suggest_key_contact(facts(contacts=(ContactFact("鈴木", "営業部長", False),)))
    assert (s.score, s.reason) == (3, "executive_known")


def test_the_strongest_contact_decides() -> None:
    people = (ContactFact("a", "部長", False), ContactFact("b", "代表取締役社長", True))
    s = suggest_key_contact(facts(contacts=people))
    assert (s.score, s.params["name"]) == (5, "b")


@pytest.mark.parametrize(
    ("title", "executive"),
    [
        ("代表取締役", True),
        ("取締役", True),
        ("役員", True),
        ("CEO", True),
        ("Sales Director", True),
        ("社長", True),
        ("Coordinator", False),
        ("主任", False),
        ("", False),
    ],
)
def test_executive_titles(title: str, executive: bool) -> None:
    assert is_executive(title) is executive


# -- contribution -----------------------------------------------------------------------
def test_contribution_counts_labour_information_proposals_goodwill_in_90_days() -> None:
    calls = (
        call(1, InteractionKind.LABOUR),
        call(10, InteractionKind.INFORMATION),
        call(30, InteractionKind.PROPOSAL),
        call(89, InteractionKind.GOODWILL),
        call(91, InteractionKind.INFORMATION),  # too old
        call(2, InteractionKind.PROGRESS_CHECK),  # a progress check gives them nothing
        call(3, InteractionKind.CLOSING),
    )
    s = suggest_contribution(facts(interactions=calls), NOW)
    assert (s.score, s.params["count"]) == (3, 4)


def test_no_contribution_scores_zero() -> None:
    calls = (call(2, InteractionKind.PROGRESS_CHECK),)
    assert suggest_contribution(facts(interactions=calls), NOW).score == 0


# -- voluntary --------------------------------------------------------------------------
def test_voluntary_counts_contacts_the_customer_started() -> None:
    calls = (call(5, InteractionKind.OTHER, True), call(400, InteractionKind.OTHER, True))
    calls += (call(3, InteractionKind.INFORMATION),)
    s = suggest_voluntary(facts(interactions=calls))
    assert (s.score, s.params["count"]) == (3, 2)


def test_the_first_voluntary_step_counts_double() -> None:
    calls = (call(5, InteractionKind.OTHER, True),)
    assert suggest_voluntary(facts(interactions=calls)).score == 2


# -- suggestions as a whole ----------------------------------------------------------------
def test_empathy_is_never_suggested_it_is_the_reps_judgement() -> None:
    assert "empathy" not in {s.dimension for s in suggest_scores(facts(), NOW)}


def test_a_suggestion_only_ever_raises_a_score() -> None:
    assert suggest_scores(facts(), NOW, current=Scores()) == []  # all zeros already
    one = (ContactFact("a", "", False),)
    found = suggest_scores(facts(contacts=one), NOW, Scores(multi_contact=0))
    assert [(s.dimension, s.score) for s in found] == [("multi_contact", 1)]
    # The rep knows three people though only one is logged: the rep's score stands.
    assert suggest_scores(facts(contacts=one), NOW, Scores(multi_contact=3)) == []


def test_never_assessed_suggests_whatever_is_above_zero() -> None:
    found = suggest_scores(facts(is_customer=True), NOW)
    assert [(s.dimension, s.score) for s in found] == [("business", 3)]


# -- next-best action -----------------------------------------------------------------------
def test_first_assess_the_relationship() -> None:
    assert next_best_action(Stage.LEAD, None).code == "assess_first"


def test_early_on_contribution_comes_first() -> None:
    action = next_best_action(Stage.APPROACH, Scores(empathy=1, contribution=1))
    assert (action.code, action.dimension) == ("give_information", "contribution")


def test_early_on_empathy_comes_once_they_benefit_from_us() -> None:
    action = next_best_action(Stage.APPOINTMENT, Scores(contribution=3, empathy=1))
    assert (action.code, action.dimension) == ("share_view", "empathy")


def test_a_much_weaker_dimension_that_matters_goes_first() -> None:
    scores = Scores(contribution=2, empathy=3, voluntary=0, multi_contact=3, key_contact=3)
    assert next_best_action(Stage.APPROACH, scores).dimension == "voluntary"


def test_near_the_proposal_the_decision_maker_matters_most() -> None:
    scores = Scores(contribution=1, empathy=3, key_contact=0)
    action = next_best_action(Stage.PROPOSAL, scores)
    assert (action.code, action.dimension) == ("meet_decision_maker", "key_contact")


def test_no_trade_yet_is_not_something_to_fix_first() -> None:
    good = Scores(0, 3, 3, 3, 3, 3, need_awareness=4)
    assert next_best_action(Stage.APPROACH, good).code == "ask_for_decision"


def test_with_a_strong_relationship_raise_need_awareness_then_ask() -> None:
    scores = Scores(3, 3, 3, 3, 3, 3, need_awareness=1)
    assert next_best_action(Stage.HEARING, scores).code == "raise_need_awareness"


def test_weakest_dimension_breaks_ties_in_the_methods_order() -> None:
    assert weakest_dimension(Scores(2, 1, 1, 3, 3, 3)) == "empathy"


# -- decision warning -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "outcome", "asked", "stage", "expected"),
    [
        (InteractionKind.CLOSING, Outcome.REACHED, False, Stage.HEARING, "closing"),
        (InteractionKind.INFORMATION, Outcome.REACHED, True, Stage.LEAD, "appointment"),
        (InteractionKind.OTHER, Outcome.APPOINTMENT_SET, False, Stage.LEAD, "appointment"),
        (InteractionKind.PROPOSAL, Outcome.REACHED, False, Stage.PROPOSAL, "proposal_decision"),
        (InteractionKind.PROPOSAL, Outcome.REACHED, False, Stage.APPROACH, None),
        (InteractionKind.INFORMATION, Outcome.REACHED, False, Stage.CLOSING, None),
    ],
)
def test_which_contacts_ask_for_a_decision(
    kind: InteractionKind, outcome: Outcome, asked: bool, stage: Stage, expected: str | None
) -> None:
    assert decision_request(kind, outcome, asked, stage) == expected


def test_asking_without_any_assessment_is_warned() -> None:
    assert weak_for_decision(None, DecisionThresholds()) == [NOT_ASSESSED]


def test_the_warning_names_the_weak_dimensions_and_need_awareness() -> None:
    scores = Scores(0, 4, 4, 1, 4, 4, need_awareness=2)
    weak = weak_for_decision(scores, DecisionThresholds(min_total=10, min_dimension=2))
    assert weak == ["business", "multi_contact", NEED_AWARENESS]


def test_a_low_total_names_the_weakest_dimension() -> None:
    scores = Scores(2, 2, 2, 2, 3, 2, need_awareness=5)
    assert weak_for_decision(scores, DecisionThresholds(min_total=20)) == ["business"]


def test_strong_enough_means_no_warning() -> None:
    scores = Scores(2, 4, 4, 3, 4, 3, need_awareness=4)
    assert weak_for_decision(scores, DecisionThresholds()) == []


def test_thresholds_are_the_reps_to_set() -> None:
    scores = Scores(2, 4, 4, 3, 4, 3, need_awareness=4)
    assert weak_for_decision(scores, DecisionThresholds(min_dimension=3)) == ["business"]


# -- appointment success by band ------------------------------------------------------------
def test_bands_cover_0_to_30() -> None:
    assert [band_of(t) for t in (None, 0, 5, 6, 12, 18, 30)] == [
        NOT_ASSESSED,
        "cold",
        "cold",
        "weak",
        "building",
        "strong",
        "very_strong",
    ]


def test_success_rate_per_band_with_counts() -> None:
    rates = success_by_band([(2, False), (3, False), (25, True), (26, False), (None, True)])
    by = {r.band: r for r in rates}
    assert (by["cold"].requests, by["cold"].successes, by["cold"].rate) == (2, 0, 0.0)
    assert by["very_strong"].rate == 0.5
    assert by["strong"].requests == 0 and by["strong"].rate is None
    assert by[NOT_ASSESSED].successes == 1
    assert rates[0].band == NOT_ASSESSED
