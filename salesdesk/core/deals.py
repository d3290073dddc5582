"""Deals per prospect, their closing checklist, questions, signals and outcomes.

DOMAIN.md §2 (closing) and §3 (following up after a proposal). The rules themselves
(readiness, streaks, the progress-check warning, the loss check, the dashboard) are
pure functions in :mod:`salesdesk.core.closing_rules`; this service gathers the facts
and stores the rep's work. Plain ``sqlite3`` through :meth:`Database.reader` and
:meth:`Database.raw_write` (no SQLAlchemy), so the deal panel can load on the hot path.

Outcomes, in the method's words:

- ○ (won) and × (lost) close the deal; △ (pending) keeps it open and adds one to its
  pending streak (flagged at three in a row);
- × needs the customer's stated reason (category, their words, who said it, when);
  without it :meth:`DealService.record_outcome` refuses with validation codes, and the
  only choice is :meth:`DealService.no_answer_yet`, which keeps the deal open and
  schedules a follow-up in the ``follow_up`` table (as the call dialog does);
- the streak resets on ○, ×, a reopened loss and a change of stage
  (:func:`closing_rules.streak_after`); "no answer yet" leaves it as it is;
- a lost deal can be reopened; the loss stays in the deal's outcome history.

The prospect's ``pending_streak`` column (the longest streak among its open deals) is
kept current here, so the list can flag it without a query per row.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime

from salesdesk.core import closing_rules as rules
from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.closing_rules import (
    CheckItem,
    ChecklistFacts,
    DealFacts,
    DealResult,
    DealStage,
    LossCategory,
    ProgressCheckWarning,
    Readiness,
    Tick,
)
from salesdesk.core.db import Database
from salesdesk.core.enums import InteractionKind
from salesdesk.core.ids import new_id
from salesdesk.core.listing import ProspectList, from_db_time, to_db_time
from salesdesk.core.validation import (
    OUT_OF_RANGE,
    REQUIRED,
    UNKNOWN_CHOICE,
    NotFoundError,
    ValidationError,
)

__all__ = [
    "CheckItem",
    "Deal",
    "DealInput",
    "DealResult",
    "DealService",
    "DealStage",
    "LossCategory",
    "OutcomeInput",
    "OutcomeRecord",
    "Question",
    "QuestionInput",
    "Signal",
    "format_amount",
    "parse_amount",
    "validate_loss",
]

# -- validation codes (beyond salesdesk.core.validation's) --------------------------------
INVALID_CURRENCY = "invalid_currency"
INVALID_AMOUNT = "invalid_amount"
#: The deal is won or lost: reopen a loss first (a won deal stays won).
DEAL_CLOSED = "deal_closed"
#: Only a lost deal can be reopened.
NOT_LOST = "not_lost"

DEFAULT_CURRENCY = "JPY"
#: Digits after the decimal point per currency (ISO 4217); others have two.
CURRENCY_DECIMALS = {"JPY": 0, "KRW": 0, "VND": 0, "TWD": 0, "CLP": 0, "ISK": 0}
_CURRENCY = re.compile(r"^[A-Z]{3}$")
#: SQLite integers are 64-bit; amounts beyond this are typing mistakes.
MAX_AMOUNT = 10**15


def currency_decimals(currency: str) -> int:
    """How many minor-unit digits ``currency`` has (0 for yen, 2 for most others)."""
    return CURRENCY_DECIMALS.get(currency.upper(), 2)


def parse_amount(text: str, currency: str = DEFAULT_CURRENCY) -> int | None:
    """The amount typed by the rep in minor units (``1,200,000`` yen → 1200000).

    Accepts full-width digits, thousands separators, a leading ¥/$/€ and spaces. Empty
    text is no amount (None). Raises :class:`ValidationError` with ``invalid_amount``
    for anything else, including more decimals than the currency has.
    """
    import unicodedata

    cleaned = unicodedata.normalize("NFKC", text).strip()
    cleaned = cleaned.replace(",", "").replace(" ", "").lstrip("¥$€£￥").replace("円", "")
    if not cleaned:
        return None
    match = re.fullmatch(r"(\d+)(?:\.(\d+))?", cleaned)
    decimals = currency_decimals(currency)
    if match is None or len(match.group(2) or "") > decimals:
        raise ValidationError({"amount": INVALID_AMOUNT})
    whole, frac = match.group(1), (match.group(2) or "").ljust(decimals, "0")
    value = int(whole + frac) if decimals else int(whole)
    if value > MAX_AMOUNT:
        raise ValidationError({"amount": INVALID_AMOUNT})
    return value


def format_amount(amount: int | None, currency: str = DEFAULT_CURRENCY) -> str:
    """Minor units as plain text with thousands separators (1200000 JPY → "1,200,000")."""
    if amount is None:
        return ""
    decimals = currency_decimals(currency)
    if decimals == 0:
        return f"{amount:,}"
    return f"{amount / 10**decimals:,.{decimals}f}"


# -- plain records ------------------------------------------------------------------------
@dataclass
class DealInput:
    """What the rep fills in for a deal."""

    title: str
    amount: int | None = None  # minor units of ``currency``
    currency: str = DEFAULT_CURRENCY
    stage: DealStage = DealStage.APPROACH
    forecast_on: date | None = None  # the rep's own forecast
    decision_deadline: date | None = None  # 決断期日: by when the customer decides
    goal_on: date | None = None  # what the customer must achieve by when
    last_useful_on: date | None = None  # after this our proposal no longer helps them
    decision_maker: str = ""
    decision_steps: str = ""
    collect_first: str = ""  # what they will collect first (other quotes...)
    competitors: str = ""
    second_arrow: str = ""  # 二の矢
    third_arrow: str = ""  # 三の矢

    def validate(self) -> None:
        errors: dict[str, str] = {}
        if not self.title.strip():
            errors["title"] = REQUIRED
        if self.amount is not None and not 0 <= self.amount <= MAX_AMOUNT:
            errors["amount"] = INVALID_AMOUNT
        if not _CURRENCY.match(self.currency or ""):
            errors["currency"] = INVALID_CURRENCY
        if self.stage not in {s.value for s in DealStage}:
            errors["stage"] = UNKNOWN_CHOICE
        if errors:
            raise ValidationError(errors)


@dataclass(frozen=True)
class Deal:
    """A stored deal."""

    id: str
    prospect_id: str
    title: str
    amount: int | None
    currency: str
    stage: DealStage
    result: DealResult | None
    result_on: date | None
    pending_streak: int
    opened_at: datetime
    reached_closing_at: datetime | None
    forecast_on: date | None
    decision_deadline: date | None
    goal_on: date | None
    last_useful_on: date | None
    decision_maker: str
    decision_steps: str
    collect_first: str
    competitors: str
    second_arrow: str
    third_arrow: str
    loss_category: LossCategory | None
    loss_words: str
    loss_said_by: str
    loss_said_on: date | None

    @property
    def is_open(self) -> bool:
        """Still being worked: no answer yet, or △ (pending)."""
        return self.result is None or self.result is DealResult.PENDING

    @property
    def streak_flagged(self) -> bool:
        return self.is_open and rules.streak_flagged(self.pending_streak)

    def as_input(self) -> DealInput:
        return DealInput(
            title=self.title,
            amount=self.amount,
            currency=self.currency,
            stage=self.stage,
            forecast_on=self.forecast_on,
            decision_deadline=self.decision_deadline,
            goal_on=self.goal_on,
            last_useful_on=self.last_useful_on,
            decision_maker=self.decision_maker,
            decision_steps=self.decision_steps,
            collect_first=self.collect_first,
            competitors=self.competitors,
            second_arrow=self.second_arrow,
            third_arrow=self.third_arrow,
        )


@dataclass
class OutcomeInput:
    """The customer's answer: ○ / △ with a date; × also with their stated reason."""

    result: DealResult
    on: date | None = None  # the day of the answer (today when left out)
    note: str = ""
    loss_category: str = ""
    loss_words: str = ""  # the customer's own words
    loss_said_by: str = ""
    loss_said_on: date | None = None

    def validate(self, today: date) -> None:
        """Refuse a loss without the customer's word, and dates in the future."""
        errors: dict[str, str] = {}
        if self.result not in {r.value for r in DealResult}:
            errors["result"] = UNKNOWN_CHOICE
        if self.on is not None and self.on > today:
            errors["on"] = rules.DATE_IN_FUTURE
        if self.result == DealResult.LOST:
            errors.update(
                rules.loss_reason_errors(
                    self.loss_category,
                    self.loss_words,
                    self.loss_said_by,
                    self.loss_said_on,
                    today,
                )
            )
        if errors:
            raise ValidationError(errors)


@dataclass(frozen=True)
class OutcomeRecord:
    """One entry of a deal's answer history ("won", "pending", "lost", "no_answer", "reopened")."""

    id: str
    deal_id: str
    result: str
    decided_on: date
    note: str
    loss_category: str | None
    loss_words: str
    loss_said_by: str
    loss_said_on: date | None
    follow_up_id: str | None
    recorded_at: datetime


@dataclass
class QuestionInput:
    """An open question or worry (疑問・不安) and, once given, its answer."""

    question: str
    asked_by: str = ""
    asked_on: date | None = None
    answer: str = ""
    resolved_on: date | None = None

    def validate(self) -> None:
        errors: dict[str, str] = {}
        if not self.question.strip():
            errors["question"] = REQUIRED
        if self.resolved_on is not None and not self.answer.strip():
            errors["answer"] = REQUIRED  # resolved means an answer was given
        if errors:
            raise ValidationError(errors)


@dataclass(frozen=True)
class Question:
    id: str
    deal_id: str
    question: str
    asked_by: str
    asked_on: date | None
    answer: str
    resolved_on: date | None

    @property
    def resolved(self) -> bool:
        return self.resolved_on is not None

    def as_input(self) -> QuestionInput:
        return QuestionInput(
            self.question, self.asked_by, self.asked_on, self.answer, self.resolved_on
        )


@dataclass(frozen=True)
class Signal:
    id: str
    deal_id: str
    text: str
    observed_on: date | None


@dataclass(frozen=True)
class Checklist:
    """A deal's checklist: the ticks, the facts read elsewhere, and the readiness."""

    facts: ChecklistFacts
    readiness: Readiness
    ticks: dict[CheckItem, Tick] = field(default_factory=dict)


# -- row helpers ---------------------------------------------------------------------------
def _day(value: object) -> date | None:
    return None if value is None else date.fromisoformat(str(value)[:10])


def _db_day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


_DEAL_COLUMNS = (
    "id, prospect_id, title, amount, currency, stage, result, result_on, pending_streak,"
    " opened_at, reached_closing_at, forecast_on, decision_deadline, goal_on, last_useful_on,"
    " decision_maker, decision_steps, collect_first, competitors, second_arrow, third_arrow,"
    " loss_category, loss_words, loss_said_by, loss_said_on"
)


def _deal(r: tuple[object, ...]) -> Deal:
    opened = from_db_time(str(r[9]))
    assert opened is not None
    return Deal(
        id=str(r[0]),
        prospect_id=str(r[1]),
        title=str(r[2]),
        amount=None if r[3] is None else int(str(r[3])),
        currency=str(r[4]),
        stage=DealStage(str(r[5])),
        result=None if r[6] is None else DealResult(str(r[6])),
        result_on=_day(r[7]),
        pending_streak=int(str(r[8])),
        opened_at=opened,
        reached_closing_at=None if r[10] is None else from_db_time(str(r[10])),
        forecast_on=_day(r[11]),
        decision_deadline=_day(r[12]),
        goal_on=_day(r[13]),
        last_useful_on=_day(r[14]),
        decision_maker=str(r[15]),
        decision_steps=str(r[16]),
        collect_first=str(r[17]),
        competitors=str(r[18]),
        second_arrow=str(r[19]),
        third_arrow=str(r[20]),
        loss_category=None if r[21] is None else LossCategory(str(r[21])),
        loss_words=str(r[22]),
        loss_said_by=str(r[23]),
        loss_said_on=_day(r[24]),
    )


_INSERT_OUTCOME = (
    "INSERT INTO deal_outcome (id, deal_id, result, decided_on, note, loss_category,"
    " loss_words, loss_said_by, loss_said_on, follow_up_id, created_at, updated_at,"
    " deleted_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,NULL,1)"
)
# The prospect's list flag: the longest streak among its open deals. Only written when it
# changes, so a sync peer does not see a new version of an unchanged prospect.
_REFRESH_PROSPECT_STREAK = (
    "UPDATE prospect SET pending_streak = :streak, updated_at = :now, version = version + 1"
    " WHERE id = :id AND pending_streak IS NOT :streak"
)
_PROSPECT_STREAK = (
    "SELECT coalesce(max(pending_streak), 0) FROM deal WHERE prospect_id = ?"
    " AND deleted_at IS NULL AND (result IS NULL OR result = 'pending')"
)


class DealService:
    """Stores deals and answers the closing and follow-up questions about them."""

    def __init__(
        self, db: Database, clock: Clock = utc_now, listing: ProspectList | None = None
    ) -> None:
        self.db = db
        self.clock = clock
        self.listing = listing

    def today(self) -> date:
        """The rep's local calendar day."""
        return self.clock().astimezone().date()

    # -- deals --------------------------------------------------------------------------
    def create(self, prospect_id: str, data: DealInput) -> str:
        """Store a new deal for the prospect; return its id."""
        data.validate()
        now = to_db_time(self.clock())
        deal_id = new_id()
        stage = DealStage(data.stage)
        with self.db.raw_write() as conn:
            found = conn.execute(
                "SELECT 1 FROM prospect WHERE id=? AND deleted_at IS NULL", (prospect_id,)
            ).fetchone()
            if found is None:
                raise NotFoundError(prospect_id)
            conn.execute(
                f"INSERT INTO deal ({_DEAL_COLUMNS}, created_at, updated_at, deleted_at, version)"
                " VALUES (?,?,?,?,?,?,NULL,NULL,0,?,?,?,?,?,?,?,?,?,?,?,?,NULL,'','',NULL,"
                "?,?,NULL,1)",
                (
                    deal_id,
                    prospect_id,
                    data.title.strip(),
                    data.amount,
                    data.currency.upper(),
                    stage.value,
                    now,
                    now if stage is DealStage.CLOSING else None,
                    *self._dates_and_texts(data),
                    now,
                    now,
                ),
            )
        return deal_id

    @staticmethod
    def _dates_and_texts(data: DealInput) -> tuple[object, ...]:
        return (
            _db_day(data.forecast_on),
            _db_day(data.decision_deadline),
            _db_day(data.goal_on),
            _db_day(data.last_useful_on),
            data.decision_maker.strip(),
            data.decision_steps.strip(),
            data.collect_first.strip(),
            data.competitors.strip(),
            data.second_arrow.strip(),
            data.third_arrow.strip(),
        )

    def update(self, deal_id: str, data: DealInput) -> Deal:
        """Store the rep's edits. A change of stage resets the pending streak."""
        data.validate()
        now = to_db_time(self.clock())
        with self.db.raw_write() as conn:
            current = self._get(conn, deal_id)
            stage = DealStage(data.stage)
            if stage is not current.stage and not current.is_open:
                raise ValidationError({"stage": DEAL_CLOSED})
            streak = current.pending_streak
            if stage is not current.stage:
                streak = rules.streak_after(streak, "stage")
            conn.execute(
                "UPDATE deal SET title=?, amount=?, currency=?, stage=?, pending_streak=?,"
                " reached_closing_at=coalesce(reached_closing_at, ?), forecast_on=?,"
                " decision_deadline=?, goal_on=?, last_useful_on=?, decision_maker=?,"
                " decision_steps=?, collect_first=?, competitors=?, second_arrow=?,"
                " third_arrow=?, updated_at=?, version=version+1 WHERE id=?",
                (
                    data.title.strip(),
                    data.amount,
                    data.currency.upper(),
                    stage.value,
                    streak,
                    now if stage is DealStage.CLOSING else None,
                    *self._dates_and_texts(data),
                    now,
                    deal_id,
                ),
            )
            self._refresh_prospect(conn, current.prospect_id, now)
        self._changed()
        return self.get(deal_id)

    def set_stage(self, deal_id: str, stage: DealStage) -> Deal:
        """Move an open deal to ``stage`` (any direction); a new stage resets the streak."""
        if stage not in {s.value for s in DealStage}:
            raise ValidationError({"stage": UNKNOWN_CHOICE})
        data = self.get(deal_id).as_input()
        data.stage = DealStage(stage)
        return self.update(deal_id, data)

    def set_arrows(self, deal_id: str, second: str, third: str) -> None:
        """Write the second and third arrows (二の矢・三の矢) from the checklist panel."""
        now = to_db_time(self.clock())
        with self.db.raw_write() as conn:
            self._get(conn, deal_id)
            conn.execute(
                "UPDATE deal SET second_arrow=?, third_arrow=?, updated_at=?, version=version+1"
                " WHERE id=? AND (second_arrow IS NOT ? OR third_arrow IS NOT ?)",
                (second.strip(), third.strip(), now, deal_id, second.strip(), third.strip()),
            )

    def get(self, deal_id: str) -> Deal:
        return self._get(self.db.reader(), deal_id)

    @staticmethod
    def _get(conn: sqlite3.Connection, deal_id: str) -> Deal:
        row = conn.execute(
            f"SELECT {_DEAL_COLUMNS} FROM deal WHERE id=? AND deleted_at IS NULL", (deal_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(deal_id)
        return _deal(row)

    def for_prospect(self, prospect_id: str) -> list[Deal]:
        """The prospect's deals: open ones first (newest first), then closed ones."""
        cur = self.db.reader().execute(
            f"SELECT {_DEAL_COLUMNS} FROM deal WHERE prospect_id=? AND deleted_at IS NULL"
            " ORDER BY (result IS NOT NULL AND result != 'pending'), opened_at DESC",
            (prospect_id,),
        )
        return [_deal(r) for r in cur]

    def all_deals(self) -> list[Deal]:
        """Every live deal of every live prospect, newest first."""
        cur = self.db.reader().execute(
            f"SELECT {', '.join('d.' + c.strip() for c in _DEAL_COLUMNS.split(','))}"
            " FROM deal d JOIN prospect p ON p.id = d.prospect_id"
            " WHERE d.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY d.opened_at DESC"
        )
        return [_deal(r) for r in cur]

    def resolve_id(self, id_or_prefix: str) -> str:
        """The full id of the one live deal whose id starts with ``id_or_prefix``."""
        prefix = id_or_prefix.strip().lower()
        if not prefix:
            raise NotFoundError(id_or_prefix)
        rows = (
            self.db.reader()
            .execute(
                "SELECT id FROM deal WHERE id >= ? AND id < ? AND deleted_at IS NULL LIMIT 2",
                (prefix, prefix + "\uffff"),
            )
            .fetchall()
        )
        if len(rows) != 1:
            raise NotFoundError(id_or_prefix)
        return str(rows[0][0])

    def delete(self, deal_id: str) -> None:
        """Tombstone the deal (it leaves the lists and the dashboard)."""
        now = to_db_time(self.clock())
        with self.db.raw_write() as conn:
            current = self._get(conn, deal_id)
            conn.execute(
                "UPDATE deal SET deleted_at=?, updated_at=?, version=version+1 WHERE id=?",
                (now, now, deal_id),
            )
            self._refresh_prospect(conn, current.prospect_id, now)
        self._changed()

    # -- outcomes -------------------------------------------------------------------------
    def record_outcome(self, deal_id: str, data: OutcomeInput) -> Deal:
        """Record ○ / △ / × for an open deal.

        × without the customer's stated reason is refused (:class:`ValidationError`
        with codes per field); offer :meth:`no_answer_yet` instead.
        """
        today = self.today()
        data.validate(today)
        result = DealResult(data.result)
        on = data.on or today
        now = to_db_time(self.clock())
        lost = result is DealResult.LOST
        with self.db.raw_write() as conn:
            current = self._get(conn, deal_id)
            if not current.is_open:
                raise ValidationError({"result": DEAL_CLOSED})
            streak = rules.streak_after(current.pending_streak, result.value)
            conn.execute(
                "UPDATE deal SET result=?, result_on=?, pending_streak=?, loss_category=?,"
                " loss_words=?, loss_said_by=?, loss_said_on=?, updated_at=?,"
                " version=version+1 WHERE id=?",
                (
                    result.value,
                    on.isoformat(),
                    streak,
                    data.loss_category if lost else None,
                    data.loss_words.strip() if lost else "",
                    data.loss_said_by.strip() if lost else "",
                    _db_day(data.loss_said_on) if lost else None,
                    now,
                    deal_id,
                ),
            )
            conn.execute(
                _INSERT_OUTCOME,
                (
                    new_id(),
                    deal_id,
                    result.value,
                    on.isoformat(),
                    data.note.strip(),
                    data.loss_category if lost else None,
                    data.loss_words.strip() if lost else "",
                    data.loss_said_by.strip() if lost else "",
                    _db_day(data.loss_said_on) if lost else None,
                    None,
                    now,
                    now,
                ),
            )
            self._refresh_prospect(conn, current.prospect_id, now)
        self._changed()
        return self.get(deal_id)

    def no_answer_yet(
        self,
        deal_id: str,
        due_at: datetime,
        what: str,
        kind: InteractionKind = InteractionKind.INFORMATION,
        note: str = "",
    ) -> str:
        """No word from the customer: keep the deal open and schedule a follow-up.

        The follow-up goes into the prospect's ``follow_up`` list (the same one the call
        dialog feeds) and moves its next follow-up date. The answer history records the
        "no answer yet"; the pending streak does not change. Returns the follow-up id.
        """
        if not what.strip():
            raise ValidationError({"follow_up_what": REQUIRED})
        now_dt = self.clock()
        if due_at < now_dt.replace(second=0, microsecond=0):
            raise ValidationError({"follow_up_at": OUT_OF_RANGE})
        now, due = to_db_time(now_dt), to_db_time(due_at)
        follow_up_id = new_id()
        with self.db.raw_write() as conn:
            current = self._get(conn, deal_id)
            if not current.is_open:
                raise ValidationError({"result": DEAL_CLOSED})
            conn.execute(
                "INSERT INTO follow_up (id, prospect_id, interaction_id, due_at, what, kind,"
                " status, completed_at, notified_at, created_at, updated_at, deleted_at,"
                " version) VALUES (?,?,NULL,?,?,?,'open',NULL,NULL,?,?,NULL,1)",
                (
                    follow_up_id,
                    current.prospect_id,
                    due,
                    what.strip(),
                    InteractionKind(kind).value,
                    now,
                    now,
                ),
            )
            conn.execute(
                "UPDATE prospect SET next_follow_up_at = CASE WHEN next_follow_up_at IS NULL"
                " OR next_follow_up_at > :due THEN :due ELSE next_follow_up_at END,"
                " updated_at=:now, version=version+1 WHERE id=:id AND deleted_at IS NULL",
                {"due": due, "now": now, "id": current.prospect_id},
            )
            conn.execute(
                _INSERT_OUTCOME,
                (
                    new_id(),
                    deal_id,
                    "no_answer",
                    self.today().isoformat(),
                    note.strip(),
                    None,
                    "",
                    "",
                    None,
                    follow_up_id,
                    now,
                    now,
                ),
            )
        self._changed()
        return follow_up_id

    def reopen(self, deal_id: str, note: str = "") -> Deal:
        """Reopen a lost deal: open again, streak reset; the loss stays in the history."""
        now = to_db_time(self.clock())
        with self.db.raw_write() as conn:
            current = self._get(conn, deal_id)
            if current.result is not DealResult.LOST:
                raise ValidationError({"result": NOT_LOST})
            conn.execute(
                "UPDATE deal SET result=NULL, result_on=NULL, pending_streak=?,"
                " loss_category=NULL, loss_words='', loss_said_by='', loss_said_on=NULL,"
                " updated_at=?, version=version+1 WHERE id=?",
                (rules.streak_after(current.pending_streak, "reopened"), now, deal_id),
            )
            conn.execute(
                _INSERT_OUTCOME,
                (new_id(), deal_id, "reopened", self.today().isoformat(), note.strip(),
                 None, "", "", None, None, now, now),
            )  # fmt: skip
            self._refresh_prospect(conn, current.prospect_id, now)
        self._changed()
        return self.get(deal_id)

    def outcomes(self, deal_id: str) -> list[OutcomeRecord]:
        """The deal's answer history, oldest first."""
        cur = self.db.reader().execute(
            "SELECT id, deal_id, result, decided_on, note, loss_category, loss_words,"
            " loss_said_by, loss_said_on, follow_up_id, created_at FROM deal_outcome"
            " WHERE deal_id=? AND deleted_at IS NULL ORDER BY created_at, rowid",
            (deal_id,),
        )
        out = []
        for r in cur:
            decided, recorded = _day(r[3]), from_db_time(r[10])
            assert decided is not None and recorded is not None
            out.append(
                OutcomeRecord(r[0], r[1], r[2], decided, r[4], r[5], r[6], r[7], _day(r[8]),
                              r[9], recorded)
            )  # fmt: skip
        return out

    # -- the closing checklist -------------------------------------------------------------
    def ticks(self, deal_id: str) -> dict[CheckItem, Tick]:
        """The hand-ticked items as stored (items never touched are absent)."""
        cur = self.db.reader().execute(
            "SELECT item, done, note, done_on FROM deal_check WHERE deal_id=?"
            " AND deleted_at IS NULL",
            (deal_id,),
        )
        found: dict[CheckItem, Tick] = {}
        for item, done, note, done_on in cur:
            if item in {c.value for c in CheckItem}:
                found[CheckItem(item)] = Tick(bool(done), note, _day(done_on))
        return found

    def set_tick(
        self, deal_id: str, item: CheckItem, done: bool, note: str = "", on: date | None = None
    ) -> None:
        """Tick or untick one checklist item, with its note and date (today when ticked)."""
        if item not in rules.TICKED_ITEMS:
            raise ValidationError({"item": UNKNOWN_CHOICE})
        if done and on is None:
            on = self.today()
        now = to_db_time(self.clock())
        with self.db.raw_write() as conn:
            self._get(conn, deal_id)
            row = conn.execute(
                "SELECT id FROM deal_check WHERE deal_id=? AND item=? AND deleted_at IS NULL",
                (deal_id, item.value),
            ).fetchone()
            values = (bool(done), note.strip(), _db_day(on) if done else None)
            if row is None:
                conn.execute(
                    "INSERT INTO deal_check (id, deal_id, item, done, note, done_on, created_at,"
                    " updated_at, deleted_at, version) VALUES (?,?,?,?,?,?,?,?,NULL,1)",
                    (new_id(), deal_id, item.value, *values, now, now),
                )
            else:
                conn.execute(
                    "UPDATE deal_check SET done=?, note=?, done_on=?, updated_at=?,"
                    " version=version+1 WHERE id=?",
                    (*values, now, row[0]),
                )

    def small_yes_count(self, deal_id: str) -> int:
        """Small yeses (小さなイエス) logged in calls with the prospect since the deal opened."""
        row = (
            self.db.reader()
            .execute(
                "SELECT count(*) FROM interaction i JOIN deal d ON d.prospect_id = i.prospect_id"
                " WHERE d.id=? AND i.small_yes AND i.deleted_at IS NULL"
                " AND i.occurred_at >= d.opened_at",
                (deal_id,),
            )
            .fetchone()
        )
        return int(row[0])

    def checklist(self, deal_id: str) -> Checklist:
        """The checklist of a deal with its readiness and what is missing."""
        deal = self.get(deal_id)
        ticks = self.ticks(deal_id)
        conn = self.db.reader()
        open_questions = int(
            conn.execute(
                "SELECT count(*) FROM deal_question WHERE deal_id=? AND deleted_at IS NULL"
                " AND resolved_on IS NULL",
                (deal_id,),
            ).fetchone()[0]
        )
        signals = int(
            conn.execute(
                "SELECT count(*) FROM deal_signal WHERE deal_id=? AND deleted_at IS NULL",
                (deal_id,),
            ).fetchone()[0]
        )
        facts = ChecklistFacts(
            ticks=ticks,
            decision_deadline=deal.decision_deadline,
            open_questions=open_questions,
            small_yeses=self.small_yes_count(deal_id),
            second_arrow=deal.second_arrow,
            third_arrow=deal.third_arrow,
            buying_signals=signals,
        )
        return Checklist(facts, rules.readiness(facts), ticks)

    # -- questions and worries -------------------------------------------------------------
    def questions(self, deal_id: str) -> list[Question]:
        """The deal's questions and worries: unresolved first, then resolved; oldest first."""
        cur = self.db.reader().execute(
            "SELECT id, deal_id, question, asked_by, asked_on, answer, resolved_on"
            " FROM deal_question WHERE deal_id=? AND deleted_at IS NULL"
            " ORDER BY resolved_on IS NOT NULL, created_at, rowid",
            (deal_id,),
        )
        return [Question(r[0], r[1], r[2], r[3], _day(r[4]), r[5], _day(r[6])) for r in cur]

    def add_question(self, deal_id: str, data: QuestionInput) -> str:
        data.validate()
        now = to_db_time(self.clock())
        qid = new_id()
        with self.db.raw_write() as conn:
            self._get(conn, deal_id)
            conn.execute(
                "INSERT INTO deal_question (id, deal_id, question, asked_by, asked_on, answer,"
                " resolved_on, created_at, updated_at, deleted_at, version)"
                " VALUES (?,?,?,?,?,?,?,?,?,NULL,1)",
                (
                    qid,
                    deal_id,
                    data.question.strip(),
                    data.asked_by.strip(),
                    _db_day(data.asked_on or self.today()),
                    data.answer.strip(),
                    _db_day(data.resolved_on),
                    now,
                    now,
                ),
            )
        return qid

    def update_question(self, question_id: str, data: QuestionInput) -> None:
        """Edit a question; giving it an answer and a resolved date resolves it."""
        data.validate()
        now = to_db_time(self.clock())
        with self.db.raw_write() as conn:
            updated = conn.execute(
                "UPDATE deal_question SET question=?, asked_by=?, asked_on=?, answer=?,"
                " resolved_on=?, updated_at=?, version=version+1"
                " WHERE id=? AND deleted_at IS NULL",
                (
                    data.question.strip(),
                    data.asked_by.strip(),
                    _db_day(data.asked_on),
                    data.answer.strip(),
                    _db_day(data.resolved_on),
                    now,
                    question_id,
                ),
            ).rowcount
            if updated != 1:
                raise NotFoundError(question_id)

    def resolve_question(self, question_id: str, answer: str, on: date | None = None) -> None:
        """Write the answer given and mark the question resolved (today by default)."""
        if not answer.strip():
            raise ValidationError({"answer": REQUIRED})
        found = self._questions_by_id(question_id)
        if not found:
            raise NotFoundError(question_id)
        data = found[0].as_input()
        data.answer, data.resolved_on = answer, on or self.today()
        self.update_question(question_id, data)

    def _questions_by_id(self, question_id: str) -> list[Question]:
        cur = self.db.reader().execute(
            "SELECT id, deal_id, question, asked_by, asked_on, answer, resolved_on"
            " FROM deal_question WHERE id=? AND deleted_at IS NULL",
            (question_id,),
        )
        return [Question(r[0], r[1], r[2], r[3], _day(r[4]), r[5], _day(r[6])) for r in cur]

    def delete_question(self, question_id: str) -> None:
        self._tombstone("deal_question", question_id)

    # -- buying signals --------------------------------------------------------------------
    def signals(self, deal_id: str) -> list[Signal]:
        cur = self.db.reader().execute(
            "SELECT id, deal_id, text, observed_on FROM deal_signal"
            " WHERE deal_id=? AND deleted_at IS NULL ORDER BY observed_on, created_at, rowid",
            (deal_id,),
        )
        return [Signal(r[0], r[1], r[2], _day(r[3])) for r in cur]

    def add_signal(self, deal_id: str, text: str, observed_on: date | None = None) -> str:
        """Note a buying signal (買いシグナル) the rep observed (today by default)."""
        if not text.strip():
            raise ValidationError({"signal": REQUIRED})
        now = to_db_time(self.clock())
        sid = new_id()
        with self.db.raw_write() as conn:
            self._get(conn, deal_id)
            conn.execute(
                "INSERT INTO deal_signal (id, deal_id, text, observed_on, created_at,"
                " updated_at, deleted_at, version) VALUES (?,?,?,?,?,?,NULL,1)",
                (sid, deal_id, text.strip(), _db_day(observed_on or self.today()), now, now),
            )
        return sid

    def delete_signal(self, signal_id: str) -> None:
        self._tombstone("deal_signal", signal_id)

    def _tombstone(self, table: str, row_id: str) -> None:
        now = to_db_time(self.clock())
        with self.db.raw_write() as conn:
            updated = conn.execute(
                f"UPDATE {table} SET deleted_at=?, updated_at=?, version=version+1"
                " WHERE id=? AND deleted_at IS NULL",
                (now, now, row_id),
            ).rowcount
            if updated != 1:
                raise NotFoundError(row_id)

    # -- follow-up lint --------------------------------------------------------------------
    def progress_check_warning(
        self, deal_id: str, run: int = rules.PROGRESS_CHECK_RUN
    ) -> ProgressCheckWarning | None:
        """For an open deal: were the prospect's latest ``run`` contacts all progress checks?"""
        deal = self.get(deal_id)
        if not deal.is_open:
            return None
        cur = self.db.reader().execute(
            "SELECT kind FROM interaction WHERE prospect_id=? AND deleted_at IS NULL"
            " ORDER BY occurred_at DESC LIMIT 50",
            (deal.prospect_id,),
        )
        history = [InteractionKind(r[0]) for r in cur]
        return rules.progress_check_lint(history, run)

    # -- the dashboard ---------------------------------------------------------------------
    def facts(self) -> list[DealFacts]:
        """Every live deal as the dashboard rules read it."""
        cur = self.db.reader().execute(
            "SELECT d.id, d.prospect_id, p.company, d.title, d.stage, d.result,"
            " d.reached_closing_at, d.pending_streak, d.decision_deadline, d.loss_category,"
            " d.loss_words, d.loss_said_by, d.loss_said_on,"
            " (SELECT done FROM deal_check c WHERE c.deal_id = d.id AND c.item = ?"
            "  AND c.deleted_at IS NULL)"
            " FROM deal d JOIN prospect p ON p.id = d.prospect_id"
            " WHERE d.deleted_at IS NULL AND p.deleted_at IS NULL",
            (CheckItem.CLOSING_QUESTION.value,),
        )
        out = []
        for r in cur:
            reached = from_db_time(r[6])
            out.append(
                DealFacts(
                    id=r[0],
                    prospect_id=r[1],
                    company=r[2],
                    title=r[3],
                    stage=DealStage(r[4]),
                    result=None if r[5] is None else DealResult(r[5]),
                    reached_closing_on=None if reached is None else reached.astimezone().date(),
                    closing_asked=bool(r[13]),
                    pending_streak=int(r[7]),
                    decision_deadline=_day(r[8]),
                    loss_category=r[9],
                    loss_words=r[10],
                    loss_said_by=r[11],
                    loss_said_on=_day(r[12]),
                )
            )
        return out

    def dashboard(self) -> rules.Dashboard:
        """The deals dashboard's numbers as of today."""
        return rules.dashboard(self.facts(), self.today())

    # -- plumbing --------------------------------------------------------------------------
    def _refresh_prospect(self, conn: sqlite3.Connection, prospect_id: str, now: str) -> None:
        streak = int(conn.execute(_PROSPECT_STREAK, (prospect_id,)).fetchone()[0])
        conn.execute(_REFRESH_PROSPECT_STREAK, {"streak": streak, "now": now, "id": prospect_id})

    def _changed(self) -> None:
        if self.listing is not None:
            self.listing.invalidate()


def validate_loss(data: OutcomeInput, today: date) -> dict[str, str]:
    """The field codes that refuse ``data`` (empty when it can be recorded)."""
    try:
        data.validate(today)
    except ValidationError as exc:
        return exc.errors
    return {}
