"""Relationship strength (関係強度) and need awareness (必要性顕在度): DOMAIN.md §1.

A rep scores six dimensions of the relationship with a prospect, plus the prospect's
need awareness, 0–5 each. Every save is a new dated assessment (history is kept, nothing
is overwritten); the latest total, its date and its weakest dimension are copied onto
the prospect row so the list can sort and filter without a join.

The method's rules are pure functions over plain data below (suggestions from logged
facts, the next-best action, the warning before asking for a decision, appointment
success by strength band); :class:`RelationshipService` only gathers the facts and
stores assessments. All of it is plain ``sqlite3`` (no SQLAlchemy), so the detail panel
and the call dialog can use it on the hot path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from salesdesk.core.clock import Clock, utc_now
from salesdesk.core.db import Database
from salesdesk.core.enums import InteractionKind, Outcome, Stage
from salesdesk.core.ids import new_id
from salesdesk.core.listing import ProspectList, from_db_time, to_db_time
from salesdesk.core.validation import OUT_OF_RANGE, NotFoundError, ValidationError

#: The six dimensions of relationship strength, in the order the method lists them.
DIMENSIONS: tuple[str, ...] = (
    "business",  # ビジネス関係: there is already trade between us
    "empathy",  # 共感的関係: they agree with our way of thinking
    "contribution",  # 貢献的関係: dealing with us brings them benefit
    "multi_contact",  # 複数接点関係: we know several people there
    "key_contact",  # 有力接点関係: we know a decision maker
    "voluntary",  # 自発的関係: they spent their own time or resources on us
)
NEED_AWARENESS = "need_awareness"  # 必要性顕在度
#: Everything the rep scores: the six dimensions, then need awareness.
SCORE_KEYS: tuple[str, ...] = (*DIMENSIONS, NEED_AWARENESS)
MAX_SCORE = 5
MAX_TOTAL = MAX_SCORE * len(DIMENSIONS)

#: Validation code: a score key that is not one of :data:`SCORE_KEYS`.
UNKNOWN_DIMENSION = "unknown_dimension"
#: Decision-warning entry when the prospect was never assessed.
NOT_ASSESSED = "not_assessed"

#: Interaction kinds that count as a contribution (labour, information, proposal, goodwill).
CONTRIBUTION_KINDS = frozenset(
    {
        InteractionKind.LABOUR,
        InteractionKind.INFORMATION,
        InteractionKind.PROPOSAL,
        InteractionKind.GOODWILL,
    }
)
CONTRIBUTION_WINDOW = timedelta(days=90)

#: Titles that carry authority: Japanese ones anywhere in the title (代表取締役社長,
#: 営業部長), Latin ones as whole words ("Director", not "coordinator").
EXECUTIVE_TITLES_JA: tuple[str, ...] = (
    "社長",
    "代表",
    "取締役",
    "役員",
    "専務",
    "常務",
    "部長",
    "執行役",
    "理事",
    "会長",
)
_EXECUTIVE_EN = re.compile(
    r"\b(ceo|coo|cfo|cto|president|director|vp|vice president|head of|owner|founder|"
    r"managing partner|general manager)\b"
)


#: Stages where the approach is still early: contribution first, then empathy.
EARLY_STAGES = frozenset({Stage.LEAD, Stage.APPROACH, Stage.APPOINTMENT, Stage.DORMANT})

#: Strength bands for the appointment analytics: (code, lowest total, highest total).
STRENGTH_BANDS: tuple[tuple[str, int, int], ...] = (
    ("cold", 0, 5),
    ("weak", 6, 11),
    ("building", 12, 17),
    ("strong", 18, 23),
    ("very_strong", 24, 30),
)


# -- plain records ---------------------------------------------------------------------
@dataclass(frozen=True)
class Scores:
    """One set of scores: the six dimensions and need awareness, 0–5 each."""

    business: int = 0
    empathy: int = 0
    contribution: int = 0
    multi_contact: int = 0
    key_contact: int = 0
    voluntary: int = 0
    need_awareness: int = 0

    @classmethod
    def from_mapping(cls, values: Mapping[str, object], base: Scores | None = None) -> Scores:
        """Scores from ``{key: score}``; keys left out keep ``base``'s value (or 0).

        Raises :class:`ValidationError` with :data:`UNKNOWN_DIMENSION` for a key that is
        not a dimension and ``out_of_range`` for a score that is not a whole 0–5.
        """
        errors: dict[str, str] = {}
        merged = (base or cls()).as_dict()
        for key, value in values.items():
            if key not in SCORE_KEYS:
                errors[key] = UNKNOWN_DIMENSION
                continue
            score = _as_score(value)
            if score is None:
                errors[key] = OUT_OF_RANGE
            else:
                merged[key] = score
        if errors:
            raise ValidationError(errors)
        return cls(**merged)

    def get(self, key: str) -> int:
        if key not in SCORE_KEYS:
            raise KeyError(key)
        value: int = getattr(self, key)
        return value

    def as_dict(self) -> dict[str, int]:
        return {key: self.get(key) for key in SCORE_KEYS}

    @property
    def total(self) -> int:
        """Relationship strength: the sum of the six dimensions (0–30; need awareness apart)."""
        return sum(self.get(d) for d in DIMENSIONS)

    def validate(self) -> None:
        """Raise :class:`ValidationError` for any score outside 0–5."""
        errors = {k: OUT_OF_RANGE for k in SCORE_KEYS if _as_score(self.get(k)) is None}
        if errors:
            raise ValidationError(errors)


def _as_score(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            return None
    if isinstance(value, int) and 0 <= value <= MAX_SCORE:
        return value
    return None


@dataclass(frozen=True)
class Assessment:
    """A stored, dated assessment of one prospect."""

    id: str
    prospect_id: str
    assessed_at: datetime
    scores: Scores
    note: str = ""


@dataclass(frozen=True)
class ContactFact:
    name: str
    title: str
    is_decision_maker: bool


@dataclass(frozen=True)
class InteractionFact:
    occurred_at: datetime
    kind: InteractionKind
    outcome: Outcome = Outcome.REACHED
    customer_initiated: bool = False


@dataclass(frozen=True)
class ProspectFacts:
    """What has been logged about a prospect that bears on its relationship scores."""

    stage: Stage
    is_customer: bool
    contacts: tuple[ContactFact, ...] = ()
    interactions: tuple[InteractionFact, ...] = ()
    won_deals: int = 0


@dataclass(frozen=True)
class Suggestion:
    """A score the logged facts point to, with the reason; the rep accepts it or not."""

    dimension: str
    score: int
    reason: str  # a code the UI turns into a sentence
    params: Mapping[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class NextAction:
    """The next-best action: what to do, aimed at which dimension (codes for the UI)."""

    code: str
    dimension: str | None = None
    params: Mapping[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class DecisionThresholds:
    """Below these the rep is warned before asking for a decision (the rep sets them)."""

    min_total: int = 15
    min_dimension: int = 2
    min_need_awareness: int = 3


@dataclass(frozen=True)
class BandRate:
    """Appointment requests made at one strength band and how many got the appointment."""

    band: str  # a code from STRENGTH_BANDS, or NOT_ASSESSED
    low: int | None
    high: int | None
    requests: int
    successes: int

    @property
    def rate(self) -> float | None:
        return None if self.requests == 0 else self.successes / self.requests


# -- rules: suggestions from logged facts ------------------------------------------------
def suggest_business(facts: ProspectFacts) -> Suggestion:
    """Business relationship: there is already trade between us.

    Won deals are trade we can count: one won deal scores 4, two or more score 5. An
    existing customer without a won deal on record (the customer flag, or the customer
    stage) scores 3; a prospect with no trade scores 0.
    """
    if facts.won_deals:
        score = 4 if facts.won_deals == 1 else MAX_SCORE
        return Suggestion("business", score, "won_deals", {"count": facts.won_deals})
    if facts.is_customer or facts.stage is Stage.CUSTOMER:
        return Suggestion("business", 3, "existing_customer")
    return Suggestion("business", 0, "no_trade_yet")


def suggest_multi_contact(facts: ProspectFacts) -> Suggestion:
    """Multiple contacts: one point per person we know there, up to 5."""
    count = len(facts.contacts)
    return Suggestion("multi_contact", min(count, MAX_SCORE), "contacts_known", {"count": count})


def is_executive(title: str) -> bool:
    """Whether a job title carries authority (社長, 取締役, 部長, CEO, Director...)."""
    folded = title.casefold()
    return any(t in folded for t in EXECUTIVE_TITLES_JA) or bool(_EXECUTIVE_EN.search(folded))


def suggest_key_contact(facts: ProspectFacts) -> Suggestion:
    """Key contact: we know a decision maker or someone with authority.

    A contact marked decision maker who also holds an executive title: 5; a decision
    maker: 4; someone with an executive title: 3; nobody with authority: 0.
    """
    best: tuple[int, str, ContactFact] | None = None
    for c in facts.contacts:
        executive = is_executive(c.title)
        if c.is_decision_maker and executive:
            candidate = (5, "executive_decision_maker_known", c)
        elif c.is_decision_maker:
            candidate = (4, "decision_maker_known", c)
        elif executive:
            candidate = (3, "executive_known", c)
        else:
            continue
        if best is None or candidate[0] > best[0]:
            best = candidate
    if best is None:
        return Suggestion("key_contact", 0, "no_key_contact")
    score, reason, c = best
    return Suggestion("key_contact", score, reason, {"name": c.name, "title": c.title})


def contribution_score(count: int) -> int:
    """Contributions in 90 days → score: 0→0, 1→1, 2→2, 3–4→3, 5–7→4, 8 or more→5."""
    for limit, score in ((8, 5), (5, 4), (3, 3), (2, 2), (1, 1)):
        if count >= limit:
            return score
    return 0


def suggest_contribution(facts: ProspectFacts, now: datetime) -> Suggestion:
    """Contribution: labour, information, proposals and goodwill given in the last 90 days."""
    since = now - CONTRIBUTION_WINDOW
    count = sum(
        1 for i in facts.interactions if i.kind in CONTRIBUTION_KINDS and since <= i.occurred_at
    )
    return Suggestion(
        "contribution", contribution_score(count), "contributions_90_days", {"count": count}
    )


def voluntary_score(count: int) -> int:
    """Customer-initiated contacts → score: 0→0, 1→2, 2→3, 3–4→4, 5 or more→5.

    The first time they spend their own time on us counts double: it is the step change.
    """
    for limit, score in ((5, 5), (3, 4), (2, 3), (1, 2)):
        if count >= limit:
            return score
    return 0


def suggest_voluntary(facts: ProspectFacts) -> Suggestion:
    """Voluntary: they reached out, asked for material, came to an event (customer-initiated)."""
    count = sum(1 for i in facts.interactions if i.customer_initiated)
    return Suggestion("voluntary", voluntary_score(count), "customer_initiated", {"count": count})


def suggest_scores(
    facts: ProspectFacts, now: datetime, current: Scores | None = None
) -> list[Suggestion]:
    """Suggestions for every dimension the facts can speak to, where they raise a score.

    Empathy is the rep's judgement after conversations, so nothing suggests it. What was
    logged is a floor, not a ceiling: the rep may know people or favours that were never
    logged, so a suggestion only ever raises the current score, never lowers it.
    """
    found = [
        suggest_business(facts),
        suggest_contribution(facts, now),
        suggest_multi_contact(facts),
        suggest_key_contact(facts),
        suggest_voluntary(facts),
    ]
    base = current or Scores()  # never assessed: the editor starts at zero
    return [s for s in found if s.score > base.get(s.dimension)]


# -- rules: next-best action -------------------------------------------------------------
#: Which dimensions matter, most important first, by stage.
EARLY_PRIORITY: tuple[str, ...] = (
    "contribution",
    "empathy",
    "voluntary",
    "multi_contact",
    "key_contact",
    "business",
)
LATE_PRIORITY: tuple[str, ...] = (
    "key_contact",
    "empathy",
    "contribution",
    "multi_contact",
    "voluntary",
    "business",
)
#: The action code that raises each dimension.
ACTION_FOR: Mapping[str, str] = {
    "contribution": "give_information",
    "empathy": "share_view",
    "voluntary": "invite_small_step",
    "multi_contact": "meet_another_person",
    "key_contact": "meet_decision_maker",
    "business": "offer_small_trial",
}
#: A dimension at or above this is good enough for now.
GOOD_ENOUGH = 3


def priorities(stage: Stage) -> tuple[str, ...]:
    """The dimensions in the order they matter at ``stage``.

    Early in an approach contribution comes first, then empathy; once proposals and
    closing are near, knowing the decision maker comes first. Business (trade already
    done) matters last: it is the result, not the lever.
    """
    return EARLY_PRIORITY if stage in EARLY_STAGES else LATE_PRIORITY


def next_best_action(stage: Stage, latest: Scores | None) -> NextAction:
    """What to do next, aimed at the weakest dimension that matters at this stage.

    - Never assessed: score the relationship first.
    - Otherwise the first dimension, in the stage's priority order, below "good
      enough" (3) — early on that is contribution, then empathy — and among those the
      weakest wins only when it is much weaker (two points or more) than the first.
    - Relationship good enough but need awareness low: help them see the need.
    - Both good: ask for the decision.
    """
    if latest is None:
        return NextAction("assess_first")
    order = priorities(stage)
    lacking = [d for d in order if latest.get(d) < GOOD_ENOUGH and d != "business"]
    if lacking:
        target = lacking[0]
        weakest = min(lacking, key=latest.get)
        if latest.get(weakest) <= latest.get(target) - 2:
            target = weakest
        return NextAction(ACTION_FOR[target], target, {"score": latest.get(target)})
    if latest.need_awareness < GOOD_ENOUGH:
        return NextAction("raise_need_awareness", NEED_AWARENESS, {"score": latest.need_awareness})
    return NextAction("ask_for_decision")


def weakest_dimension(scores: Scores) -> str:
    """The lowest of the six (the first in the method's order on a tie)."""
    return min(DIMENSIONS, key=scores.get)


# -- rules: the warning before asking for a decision ---------------------------------------
def decision_request(
    kind: InteractionKind,
    outcome: Outcome,
    appointment_requested: bool = False,
    stage: Stage | None = None,
) -> str | None:
    """Whether a logged contact asks the customer for a decision, and which.

    A closing call asks for the decision; asking for an appointment (or getting one)
    asks them to commit time; a proposal at the proposal or closing stage asks for
    the proposal decision. Anything else asks for nothing.
    """
    if kind is InteractionKind.CLOSING:
        return "closing"
    if appointment_requested or outcome is Outcome.APPOINTMENT_SET:
        return "appointment"
    if kind is InteractionKind.PROPOSAL and stage in (Stage.PROPOSAL, Stage.CLOSING):
        return "proposal_decision"
    return None


def weak_for_decision(latest: Scores | None, thresholds: DecisionThresholds) -> list[str]:
    """The score keys too weak to ask for a decision; empty when it is fine to ask.

    Never assessed: ``[NOT_ASSESSED]``. Otherwise each dimension below the minimum per
    dimension, and need awareness below its minimum. When the total is below its
    minimum but no single dimension is, the weakest dimension is named so the rep
    knows where to work.
    """
    if latest is None:
        return [NOT_ASSESSED]
    weak = [d for d in DIMENSIONS if latest.get(d) < thresholds.min_dimension]
    if latest.total < thresholds.min_total and not weak:
        weak.append(weakest_dimension(latest))
    if latest.need_awareness < thresholds.min_need_awareness:
        weak.append(NEED_AWARENESS)
    return weak


# -- rules: does the method work? -----------------------------------------------------------
def band_of(total: int | None) -> str:
    """The strength band code of a total (0–30); ``NOT_ASSESSED`` for none."""
    if total is None:
        return NOT_ASSESSED
    for code, low, high in STRENGTH_BANDS:
        if low <= total <= high:
            return code
    raise ValueError(f"strength total out of range: {total}")


def success_by_band(requests: Iterable[tuple[int | None, bool]]) -> list[BandRate]:
    """Appointment success per strength band from (strength at the time, appointment set).

    Every band is listed, with zero requests where there were none, so a chart shows the
    gaps honestly; requests made before any assessment form their own band.
    """
    counts: dict[str, list[int]] = {NOT_ASSESSED: [0, 0]}
    counts.update({code: [0, 0] for code, _, _ in STRENGTH_BANDS})
    for total, success in requests:
        cell = counts[band_of(total)]
        cell[0] += 1
        cell[1] += int(success)
    out = [BandRate(NOT_ASSESSED, None, None, *counts[NOT_ASSESSED])]
    out += [BandRate(code, low, high, *counts[code]) for code, low, high in STRENGTH_BANDS]
    return out


# -- the service ---------------------------------------------------------------------------
_COLUMNS = ", ".join(SCORE_KEYS)
_SELECT = (
    f"SELECT id, prospect_id, assessed_at, {_COLUMNS}, note FROM relationship_assessment"
    " WHERE prospect_id=? AND deleted_at IS NULL"
)
# Strength at the moment of each appointment request: the latest assessment made at or
# before the call.
_REQUESTS = (
    "SELECT (SELECT a.business + a.empathy + a.contribution + a.multi_contact"
    "   + a.key_contact + a.voluntary FROM relationship_assessment a"
    "   WHERE a.prospect_id = i.prospect_id AND a.deleted_at IS NULL"
    "   AND a.assessed_at <= i.occurred_at ORDER BY a.assessed_at DESC LIMIT 1),"
    " i.outcome = 'appointment_set'"
    " FROM interaction i JOIN prospect p ON p.id = i.prospect_id"
    " WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL"
    " AND (i.appointment_requested OR i.outcome = 'appointment_set')"
)


def _assessment(row: tuple[object, ...]) -> Assessment:
    at = from_db_time(str(row[2]))
    assert at is not None
    values = row[3 : 3 + len(SCORE_KEYS)]
    scores = Scores(**{k: int(str(v)) for k, v in zip(SCORE_KEYS, values, strict=True)})
    return Assessment(str(row[0]), str(row[1]), at, scores, str(row[-1]))


class RelationshipService:
    """Stores dated assessments and answers the relationship questions for one prospect."""

    def __init__(
        self, db: Database, clock: Clock = utc_now, listing: ProspectList | None = None
    ) -> None:
        self.db = db
        self.clock = clock
        self.listing = listing

    def save(
        self,
        prospect_id: str,
        scores: Scores | Mapping[str, object],
        note: str = "",
        assessed_at: datetime | None = None,
    ) -> Assessment:
        """Store a new dated assessment (earlier ones stay) and return it.

        The prospect's list columns (total, date, weakest dimension) follow the latest
        assessment, so a back-dated one is kept in the history without changing them.
        """
        if not isinstance(scores, Scores):
            scores = Scores.from_mapping(scores)
        scores.validate()
        now = self.clock()
        at = assessed_at or now
        row_id = new_id()
        db_now, db_at = to_db_time(now), to_db_time(at)
        with self.db.raw_write() as conn:
            found = conn.execute(
                "SELECT assessed_at FROM prospect WHERE id=? AND deleted_at IS NULL",
                (prospect_id,),
            ).fetchone()
            if found is None:
                raise NotFoundError(prospect_id)
            conn.execute(
                f"INSERT INTO relationship_assessment (id, prospect_id, assessed_at, {_COLUMNS},"
                " note, created_at, updated_at, deleted_at, version)"
                f" VALUES (?,?,?,{','.join('?' * len(SCORE_KEYS))},?,?,?,NULL,1)",
                (
                    row_id,
                    prospect_id,
                    db_at,
                    *(scores.get(k) for k in SCORE_KEYS),
                    note.strip(),
                    db_now,
                    db_now,
                ),
            )
            if found[0] is None or found[0] <= db_at:
                conn.execute(
                    "UPDATE prospect SET strength=?, assessed_at=?, weakest=?, updated_at=?,"
                    " version=version+1 WHERE id=?",
                    (scores.total, db_at, weakest_dimension(scores), db_now, prospect_id),
                )
        if self.listing is not None:
            self.listing.invalidate()
        return Assessment(row_id, prospect_id, at, scores, note.strip())

    def history(self, prospect_id: str) -> list[Assessment]:
        """Every assessment of the prospect, oldest first."""
        cur = self.db.reader().execute(
            _SELECT + " ORDER BY assessed_at, created_at", (prospect_id,)
        )
        return [_assessment(r) for r in cur]

    def latest_two(self, prospect_id: str) -> tuple[Assessment | None, Assessment | None]:
        """The latest assessment and the one before it (for the radar's outline)."""
        cur = self.db.reader().execute(
            _SELECT + " ORDER BY assessed_at DESC, created_at DESC LIMIT 2", (prospect_id,)
        )
        rows = [_assessment(r) for r in cur]
        return (rows[0] if rows else None, rows[1] if len(rows) > 1 else None)

    def latest(self, prospect_id: str) -> Assessment | None:
        return self.latest_two(prospect_id)[0]

    def previous(self, prospect_id: str) -> Assessment | None:
        return self.latest_two(prospect_id)[1]

    def facts(self, prospect_id: str) -> ProspectFacts:
        """The logged facts the suggestion rules read (live contacts and calls)."""
        conn = self.db.reader()
        row = conn.execute(
            "SELECT stage, is_customer FROM prospect WHERE id=? AND deleted_at IS NULL",
            (prospect_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(prospect_id)
        contacts = tuple(
            ContactFact(name, title, bool(dm))
            for name, title, dm in conn.execute(
                "SELECT name, title, is_decision_maker FROM contact"
                " WHERE prospect_id=? AND deleted_at IS NULL ORDER BY created_at",
                (prospect_id,),
            )
        )
        interactions = []
        for at, kind, outcome, initiated in conn.execute(
            "SELECT occurred_at, kind, outcome, customer_initiated FROM interaction"
            " WHERE prospect_id=? AND deleted_at IS NULL",
            (prospect_id,),
        ):
            when = from_db_time(at)
            assert when is not None
            interactions.append(
                InteractionFact(when, InteractionKind(kind), Outcome(outcome), bool(initiated))
            )
        won = conn.execute(
            "SELECT count(*) FROM deal WHERE prospect_id=? AND deleted_at IS NULL AND result='won'",
            (prospect_id,),
        ).fetchone()[0]
        return ProspectFacts(
            Stage(row[0]), bool(row[1]), contacts, tuple(interactions), won_deals=int(won)
        )

    def suggestions(self, prospect_id: str) -> list[Suggestion]:
        """Suggested scores that differ from the latest assessment, each with its reason."""
        latest = self.latest(prospect_id)
        return suggest_scores(
            self.facts(prospect_id), self.clock(), None if latest is None else latest.scores
        )

    def next_action(self, prospect_id: str) -> NextAction:
        """The next-best action for the prospect at its current stage."""
        latest = self.latest(prospect_id)
        stage = self.facts(prospect_id).stage
        return next_best_action(stage, None if latest is None else latest.scores)

    def stage(self, prospect_id: str) -> Stage:
        row = (
            self.db.reader()
            .execute("SELECT stage FROM prospect WHERE id=?", (prospect_id,))
            .fetchone()
        )
        if row is None:
            raise NotFoundError(prospect_id)
        return Stage(row[0])

    def decision_check(
        self,
        prospect_id: str,
        kind: InteractionKind,
        outcome: Outcome,
        appointment_requested: bool,
        thresholds: DecisionThresholds,
    ) -> list[str]:
        """Weak score keys if this contact asks for a decision too early; else empty."""
        if decision_request(kind, outcome, appointment_requested, self.stage(prospect_id)) is None:
            return []
        latest = self.latest(prospect_id)
        return weak_for_decision(None if latest is None else latest.scores, thresholds)

    def appointment_rates(self) -> list[BandRate]:
        """Appointment success rate by the strength at the time the rep asked."""
        cur = self.db.reader().execute(_REQUESTS)
        return success_by_band((total, bool(ok)) for total, ok in cur)
