"""Closing (クロージング) and follow-up (後追い営業) rules: DOMAIN.md §2 and §3.

Pure functions over plain data, so each rule can be read (and tested) as the method
says it. :mod:`salesdesk.core.deals` gathers the facts from the data file and calls
these; the window and the CLI turn the returned codes into sentences.

- :func:`missing_items` / :func:`readiness`: what the closing checklist still lacks;
- :func:`streak_after` / :func:`pending_streak`: △ several times in a row;
- :func:`progress_check_lint`: follow-ups that are only "how is it going?";
- :func:`loss_reason_errors`: a loss is recorded only with the customer's own word;
- :func:`dashboard` and its parts: the numbers behind the deals dashboard.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from salesdesk.core.enums import InteractionKind


class DealStage(enum.StrEnum):
    """Where a deal stands; the same words (and values) as the prospect stages."""

    APPROACH = "approach"
    APPOINTMENT = "appointment"
    HEARING = "hearing"
    PROPOSAL = "proposal"
    CLOSING = "closing"


class DealResult(enum.StrEnum):
    """The customer's answer: ○ won (受注), △ pending (保留), × lost (失注)."""

    WON = "won"
    PENDING = "pending"
    LOST = "lost"


#: The marks reps write on their lists.
RESULT_MARK: Mapping[DealResult, str] = {
    DealResult.WON: "○",
    DealResult.PENDING: "△",
    DealResult.LOST: "×",
}


class LossCategory(enum.StrEnum):
    """Why the customer said no, in their words' broad category."""

    PRICE = "price"
    TIMING = "timing"
    COMPETITOR = "competitor"
    NO_NEED = "no_need"
    INTERNAL_DECISION = "internal_decision"
    OTHER = "other"


class CheckItem(enum.StrEnum):
    """The closing checklist, in the order the method walks it."""

    MATERIAL_PROVIDED = "material_provided"  # 決断材料を渡した
    DEADLINE_FIXED = "deadline_fixed"  # 決断期日を決めた
    PROCESS_KNOWN = "process_known"  # 決め方（誰が・何を集めて）を知っている
    QUESTIONS_RESOLVED = "questions_resolved"  # 疑問・不安を解消した (from the question list)
    SMALL_YESES = "small_yeses"  # 小さなイエス (counted from logged calls)
    TRIAL_CLOSE = "trial_close"  # 仮クロージング
    ARROWS = "arrows"  # 二の矢・三の矢 (two texts that must be written)
    BUYING_SIGNALS = "buying_signals"  # 買いシグナル (a list)
    CLOSING_QUESTION = "closing_question"  # クロージングの質問をした (with its date)
    NEXT_MEETING = "next_meeting"  # 別件で会う理由


#: Items the rep ticks by hand (with an optional note and date); the others are read
#: from what was recorded elsewhere (questions, calls, the arrows, the signals).
TICKED_ITEMS: tuple[CheckItem, ...] = (
    CheckItem.MATERIAL_PROVIDED,
    CheckItem.DEADLINE_FIXED,
    CheckItem.PROCESS_KNOWN,
    CheckItem.TRIAL_CLOSE,
    CheckItem.CLOSING_QUESTION,
    CheckItem.NEXT_MEETING,
)

# -- missing-item codes (the UI turns each into a plain sentence) ------------------------
NO_DECISION_MATERIAL = "no_decision_material"
NO_DECISION_DEADLINE = "no_decision_deadline"
DEADLINE_WITHOUT_DATE = "deadline_without_date"
DECISION_PROCESS_UNKNOWN = "decision_process_unknown"
OPEN_QUESTIONS = "open_questions"
NO_SMALL_YES = "no_small_yes"
NO_TRIAL_CLOSE = "no_trial_close"
SECOND_ARROW_MISSING = "second_arrow_missing"
THIRD_ARROW_MISSING = "third_arrow_missing"
NO_BUYING_SIGNALS = "no_buying_signals"
CLOSING_QUESTION_NOT_ASKED = "closing_question_not_asked"
NO_NEXT_MEETING_REASON = "no_next_meeting_reason"

# -- validation codes for recording an outcome -------------------------------------------
LOSS_CATEGORY_REQUIRED = "loss_category_required"
CUSTOMER_WORDS_REQUIRED = "customer_words_required"
SAID_BY_REQUIRED = "said_by_required"
SAID_ON_REQUIRED = "said_on_required"
DATE_IN_FUTURE = "date_in_future"

#: △ this many times in a row flags the deal (and its prospect in the list).
STREAK_FLAG = 3
#: Default number of latest contacts that, all progress checks, trigger the warning.
PROGRESS_CHECK_RUN = 3
#: Small yeses needed before the item counts as done.
SMALL_YES_MIN = 1
#: Readiness (percent) at or above which the deal is ready for the closing question.
READY_AT = 80
GETTING_THERE_AT = 50

#: Kinds of contact that bring the customer something, in the order they are proposed
#: when nothing else decides: labour, information, proposal, goodwill, another matter.
VALUE_KIND_ORDER: tuple[InteractionKind, ...] = (
    InteractionKind.LABOUR,
    InteractionKind.INFORMATION,
    InteractionKind.PROPOSAL,
    InteractionKind.GOODWILL,
    InteractionKind.ANOTHER_MATTER,
)


# -- the closing checklist -----------------------------------------------------------------
@dataclass(frozen=True)
class Tick:
    """One hand-ticked checklist item: done or not, with an optional note and date."""

    done: bool = False
    note: str = ""
    on: date | None = None


@dataclass(frozen=True)
class ChecklistFacts:
    """Everything the checklist reads for one deal."""

    ticks: Mapping[CheckItem, Tick] = field(default_factory=dict)
    decision_deadline: date | None = None
    open_questions: int = 0
    small_yeses: int = 0
    second_arrow: str = ""
    third_arrow: str = ""
    buying_signals: int = 0

    def tick(self, item: CheckItem) -> Tick:
        return self.ticks.get(item, Tick())


@dataclass(frozen=True)
class Readiness:
    """How ready a deal is for the closing question, and what is still missing."""

    score: int  # 0–100
    done: tuple[CheckItem, ...]
    missing: tuple[str, ...]  # codes, in checklist order
    level: str  # "ready", "getting_there" or "not_ready"

    @property
    def total(self) -> int:
        return len(CheckItem)


def item_done(item: CheckItem, f: ChecklistFacts) -> bool:
    """Whether one checklist item counts as done.

    - Decision deadline: ticked *and* the deadline date is written on the deal.
    - Open questions and worries: none left unresolved.
    - Small yeses: at least :data:`SMALL_YES_MIN` logged since the deal opened.
    - Second and third arrows: both written down; a tick alone is not an arrow.
    - Buying signals: at least one observed.
    - Next meeting on another matter: ticked *with* the reason written in its note.
    - The rest: ticked.
    """
    if item is CheckItem.DEADLINE_FIXED:
        return f.tick(item).done and f.decision_deadline is not None
    if item is CheckItem.QUESTIONS_RESOLVED:
        return f.open_questions == 0
    if item is CheckItem.SMALL_YESES:
        return f.small_yeses >= SMALL_YES_MIN
    if item is CheckItem.ARROWS:
        return bool(f.second_arrow.strip() and f.third_arrow.strip())
    if item is CheckItem.BUYING_SIGNALS:
        return f.buying_signals > 0
    if item is CheckItem.NEXT_MEETING:
        return f.tick(item).done and bool(f.tick(item).note.strip())
    return f.tick(item).done


def missing_items(f: ChecklistFacts) -> list[str]:
    """What is still missing, as codes in the checklist's order (empty: nothing)."""
    missing: list[str] = []
    if not item_done(CheckItem.MATERIAL_PROVIDED, f):
        missing.append(NO_DECISION_MATERIAL)
    if not f.tick(CheckItem.DEADLINE_FIXED).done:
        missing.append(NO_DECISION_DEADLINE)
    elif f.decision_deadline is None:
        missing.append(DEADLINE_WITHOUT_DATE)
    if not item_done(CheckItem.PROCESS_KNOWN, f):
        missing.append(DECISION_PROCESS_UNKNOWN)
    if not item_done(CheckItem.QUESTIONS_RESOLVED, f):
        missing.append(OPEN_QUESTIONS)
    if not item_done(CheckItem.SMALL_YESES, f):
        missing.append(NO_SMALL_YES)
    if not item_done(CheckItem.TRIAL_CLOSE, f):
        missing.append(NO_TRIAL_CLOSE)
    if not f.second_arrow.strip():
        missing.append(SECOND_ARROW_MISSING)
    if not f.third_arrow.strip():
        missing.append(THIRD_ARROW_MISSING)
    if not item_done(CheckItem.BUYING_SIGNALS, f):
        missing.append(NO_BUYING_SIGNALS)
    if not item_done(CheckItem.CLOSING_QUESTION, f):
        missing.append(CLOSING_QUESTION_NOT_ASKED)
    if not item_done(CheckItem.NEXT_MEETING, f):
        missing.append(NO_NEXT_MEETING_REASON)
    return missing


def readiness(f: ChecklistFacts) -> Readiness:
    """The share of checklist items done (0–100) and the plain list of what is missing.

    Every item weighs the same: the method has no shortcut item that makes up for
    another. 80% or more is "ready", 50% or more "getting there".
    """
    done = tuple(item for item in CheckItem if item_done(item, f))
    score = round(100 * len(done) / len(CheckItem))
    if score >= READY_AT:
        level = "ready"
    elif score >= GETTING_THERE_AT:
        level = "getting_there"
    else:
        level = "not_ready"
    return Readiness(score, done, tuple(missing_items(f)), level)


# -- pending streaks ---------------------------------------------------------------------------
#: Events that move a deal's pending streak: the three results, a reopened loss and a
#: change of stage. "No answer yet" is not an event: the customer has not answered.
STREAK_EVENTS = ("won", "pending", "lost", "reopened", "stage")


def streak_after(streak: int, event: str) -> int:
    """The pending streak after one event on the deal.

    △ (pending) adds one. Anything that moves the deal on resets it to zero: ○ or ×
    (the customer decided), reopening a loss (a fresh start), and a new stage (the
    pendings were answers to the previous ask, not to this one).
    """
    if event not in STREAK_EVENTS:
        raise ValueError(f"not a streak event: {event}")
    return streak + 1 if event == "pending" else 0


def pending_streak(events: Iterable[str]) -> int:
    """△ in a row at the end of a deal's history of events (oldest first)."""
    streak = 0
    for event in events:
        streak = streak_after(streak, event)
    return streak


def streak_flagged(streak: int) -> bool:
    """Three △ in a row (or more): the deal needs a different approach, not another wait."""
    return streak >= STREAK_FLAG


# -- follow-up lint: progress checks only --------------------------------------------------------
@dataclass(frozen=True)
class ProgressCheckWarning:
    """The last ``run`` contacts were all progress checks; try ``proposed`` next."""

    run: int
    proposed: InteractionKind


def propose_value_kind(history: Sequence[InteractionKind]) -> InteractionKind:
    """The value kind (labour, information, proposal, goodwill, another matter) to try.

    ``history`` is the prospect's contacts, newest first. A kind never used with this
    customer comes first (in the method's order); otherwise the one used longest ago:
    variety keeps giving them a reason to talk.
    """
    last_seen: dict[InteractionKind, int] = {}
    for position, kind in enumerate(history):
        if kind in VALUE_KIND_ORDER and kind not in last_seen:
            last_seen[kind] = position
    never = [k for k in VALUE_KIND_ORDER if k not in last_seen]
    if never:
        return never[0]
    return max(VALUE_KIND_ORDER, key=lambda k: last_seen[k])


def progress_check_lint(
    history: Sequence[InteractionKind], run: int = PROGRESS_CHECK_RUN
) -> ProgressCheckWarning | None:
    """Warn when the latest ``run`` contacts (newest first) were all "how is it going?".

    A bare progress check becomes a burden and the customer goes quiet (DOMAIN.md §3,
    the first reason follow-ups fail); the warning proposes a kind that brings them
    value. Fewer than ``run`` contacts: no warning yet.
    """
    run = max(1, run)
    latest = history[:run]
    if len(latest) < run or any(k is not InteractionKind.PROGRESS_CHECK for k in latest):
        return None
    return ProgressCheckWarning(run, propose_value_kind(history))


# -- outcomes: a loss only on the customer's word -----------------------------------------------
def loss_reason_errors(
    category: str, words: str, said_by: str, said_on: date | None, today: date
) -> dict[str, str]:
    """Field codes for a loss that lacks the customer's stated reason (empty when complete).

    Declaring a deal dead without their word (言質なき見込みなし判断) is the fourth
    reason follow-ups fail: a passed answer date, unanswered mail or a phone nobody
    picks up is "no answer yet", never a loss. So × needs the category, their words,
    who said it and when (not in the future).
    """
    errors: dict[str, str] = {}
    if category not in {c.value for c in LossCategory}:
        errors["loss_category"] = LOSS_CATEGORY_REQUIRED
    if not words.strip():
        errors["loss_words"] = CUSTOMER_WORDS_REQUIRED
    if not said_by.strip():
        errors["loss_said_by"] = SAID_BY_REQUIRED
    if said_on is None:
        errors["loss_said_on"] = SAID_ON_REQUIRED
    elif said_on > today:
        errors["loss_said_on"] = DATE_IN_FUTURE
    return errors


def has_customer_word(category: str | None, words: str, said_by: str, said_on: date | None) -> bool:
    """Whether a recorded loss carries the customer's stated reason."""
    return bool(category and words.strip() and said_by.strip() and said_on is not None)


# -- the dashboard -------------------------------------------------------------------------------
@dataclass(frozen=True)
class DealFacts:
    """One deal as the dashboard sees it."""

    id: str
    prospect_id: str
    company: str
    title: str
    stage: DealStage
    result: DealResult | None
    reached_closing_on: date | None = None
    closing_asked: bool = False
    pending_streak: int = 0
    decision_deadline: date | None = None
    loss_category: str | None = None
    loss_words: str = ""
    loss_said_by: str = ""
    loss_said_on: date | None = None

    @property
    def is_open(self) -> bool:
        """Still being worked: no answer yet, or △ (pending)."""
        return self.result is None or self.result is DealResult.PENDING


@dataclass(frozen=True)
class MonthRate:
    """Deals that reached closing in one month, and how many of them were asked."""

    month: str  # "YYYY-MM"
    reached: int
    asked: int

    @property
    def rate(self) -> float | None:
        return None if self.reached == 0 else self.asked / self.reached


@dataclass(frozen=True)
class Dashboard:
    """The numbers behind the deals dashboard."""

    closing_reached: int
    closing_asked: int
    by_month: tuple[MonthRate, ...]
    outcomes: Mapping[str, int]  # "open", "won", "pending", "lost"
    loss_reasons: Mapping[str, int]  # LossCategory values, every one listed
    streaks: tuple[DealFacts, ...]
    overdue: tuple[DealFacts, ...]
    lost_without_word: int

    @property
    def closing_asked_rate(self) -> float | None:
        return None if self.closing_reached == 0 else self.closing_asked / self.closing_reached


def closing_asked_rate(deals: Iterable[DealFacts]) -> tuple[int, int, list[MonthRate]]:
    """Same action for every deal (全件同一行動): of the deals that reached the closing
    stage, how many had the closing question asked — overall and per month reached.

    Returns (reached, asked, months oldest first).
    """
    months: dict[str, list[int]] = {}
    reached = asked = 0
    for d in deals:
        if d.reached_closing_on is None:
            continue
        reached += 1
        asked += int(d.closing_asked)
        cell = months.setdefault(d.reached_closing_on.strftime("%Y-%m"), [0, 0])
        cell[0] += 1
        cell[1] += int(d.closing_asked)
    by_month = [MonthRate(m, r, a) for m, (r, a) in sorted(months.items())]
    return reached, asked, by_month


def outcome_counts(deals: Iterable[DealFacts]) -> dict[str, int]:
    """Deals by their current answer: open (none yet), won ○, pending △, lost ×."""
    counts = {"open": 0, **{r.value: 0 for r in DealResult}}
    for d in deals:
        counts["open" if d.result is None else d.result.value] += 1
    return counts


def loss_reasons(deals: Iterable[DealFacts]) -> dict[str, int]:
    """Lost deals by the category of the customer's reason (every category listed)."""
    counter = Counter(
        d.loss_category for d in deals if d.result is DealResult.LOST and d.loss_category
    )
    return {c.value: counter.get(c.value, 0) for c in LossCategory}


def streak_deals(deals: Iterable[DealFacts]) -> list[DealFacts]:
    """Open deals flagged for a pending streak, longest streak first."""
    found = [d for d in deals if d.is_open and streak_flagged(d.pending_streak)]
    return sorted(found, key=lambda d: (-d.pending_streak, d.company, d.title))


def overdue_deadlines(deals: Iterable[DealFacts], today: date) -> list[DealFacts]:
    """Open deals whose customer's decision deadline (決断期日) has passed, oldest first."""
    found = [
        d
        for d in deals
        if d.is_open and d.decision_deadline is not None and d.decision_deadline < today
    ]
    return sorted(found, key=lambda d: (d.decision_deadline or today, d.company))


def lost_without_word(deals: Iterable[DealFacts]) -> int:
    """Lost deals without the customer's stated reason. The app refuses them: always 0."""
    return sum(
        1
        for d in deals
        if d.result is DealResult.LOST
        and not has_customer_word(d.loss_category, d.loss_words, d.loss_said_by, d.loss_said_on)
    )


def dashboard(deals: Sequence[DealFacts], today: date) -> Dashboard:
    """Every dashboard number from the deals' facts."""
    reached, asked, by_month = closing_asked_rate(deals)
    return Dashboard(
        closing_reached=reached,
        closing_asked=asked,
        by_month=tuple(by_month),
        outcomes=outcome_counts(deals),
        loss_reasons=loss_reasons(deals),
        streaks=tuple(streak_deals(deals)),
        overdue=tuple(overdue_deadlines(deals, today)),
        lost_without_word=lost_without_word(deals),
    )
