"""``salesdesk deal add|list|show|set-stage|outcome|reopen``: deals from the command line.

    salesdesk deal add --prospect ID --title TEXT [--amount 1,200,000] [--currency JPY]
        [--stage approach] [--forecast DATE] [--deadline DATE] [--goal DATE]
        [--last-useful DATE] [--decision-maker TEXT] [--steps TEXT] [--collect-first TEXT]
        [--competitors TEXT]
    salesdesk deal list [--prospect ID] [--open] [--json]
    salesdesk deal show DEAL [--json]
    salesdesk deal set-stage DEAL STAGE
    salesdesk deal outcome DEAL won|pending [--on DATE] [--note TEXT]
    salesdesk deal outcome DEAL lost --category C --words TEXT --said-by NAME --said-on DATE
    salesdesk deal outcome DEAL no-answer --follow-up-at WHEN --follow-up-what TEXT
        [--follow-up-kind KIND]
    salesdesk deal reopen DEAL [--note TEXT]

The same rules as the window: a loss is recorded only with the customer's stated reason
(category, their words, who said it, when); without it the command is refused (exit 2)
and "no-answer" — which keeps the deal open and schedules a follow-up — is suggested.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from salesdesk.cli_i18n import translate

if TYPE_CHECKING:
    from salesdesk.config import Paths
    from salesdesk.core.deals import Deal, DealService
    from salesdesk.core.services import Services

ACTIONS = ("add", "list", "show", "set-stage", "outcome", "reopen")
_STAGES = ["approach", "appointment", "hearing", "proposal", "closing"]
_CATEGORIES = ["price", "timing", "competitor", "no_need", "internal_decision", "other"]
_VALUE_KINDS = ["labour", "information", "proposal", "goodwill", "another_matter"]


def _loss_refused() -> str:
    """Why a loss without the customer's stated reason is refused, and what to do instead."""
    return translate(
        "CliDeal",
        "a deal is recorded as lost only on the customer's word. Give the reason they stated: "
        "--category ({0}), --words (what they said), --said-by (who said it) and "
        "--said-on (when). With no word from them, record 'no-answer' instead: the deal stays "
        "open and a follow-up is scheduled (--follow-up-at, --follow-up-what).",
    ).format(", ".join(_CATEGORIES))


def _messages() -> dict[str, str]:
    """The deal codes' texts in the rep's language (built when needed, after the language
    is installed)."""
    return {
        "loss_category_required": translate("CliDeal", "choose one of: {0}").format(
            ", ".join(_CATEGORIES)
        ),
        "customer_words_required": translate("CliDeal", "write what the customer said"),
        "said_by_required": translate("CliDeal", "who said it on the customer's side"),
        "said_on_required": translate("CliDeal", "when they said it (YYYY-MM-DD)"),
        "date_in_future": translate("CliDeal", "this date is in the future"),
        "invalid_amount": translate("CliDeal", "write the amount in figures, e.g. 1,200,000"),
        "invalid_currency": translate("CliDeal", "a three-letter currency code such as JPY"),
        "deal_closed": translate(
            "CliDeal", "the deal is already won or lost (reopen a lost deal first)"
        ),
        "not_lost": translate("CliDeal", "only a lost deal can be reopened"),
        "required": translate("CliDeal", "this is required"),
        "out_of_range": translate("CliDeal", "must not be in the past"),
        "unknown_choice": translate("CliDeal", "not one of the allowed values"),
    }


_FIELDS = {
    "loss_category": "--category",
    "loss_words": "--words",
    "loss_said_by": "--said-by",
    "loss_said_on": "--said-on",
    "follow_up_what": "--follow-up-what",
    "follow_up_at": "--follow-up-at",
    "on": "--on",
}


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("CliDeal", "{0} is not a date (YYYY-MM-DD)").format(repr(text))
        ) from None


def add_parser(commands: Any) -> None:
    """Add the ``deal`` command to the CLI's sub-command parsers."""
    deal = commands.add_parser(
        "deal", help=translate("CliDeal", "deals: add, list, show, set-stage, outcome, reopen")
    )
    actions = deal.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help=translate("CliDeal", "add a deal to a prospect; prints its id")
    )
    add.add_argument("--prospect", required=True, metavar="ID")
    add.add_argument("--title", required=True, help=translate("CliDeal", "the deal's title"))
    add.add_argument(
        "--amount", default="", help=translate("CliDeal", "e.g. 1,200,000 (in the currency)")
    )
    add.add_argument(
        "--currency", default="JPY", help=translate("CliDeal", "three-letter currency code")
    )
    add.add_argument("--stage", choices=_STAGES, default="approach")
    add.add_argument(
        "--forecast",
        type=_day,
        metavar="DATE",
        help=translate("CliDeal", "your forecast close date"),
    )
    add.add_argument(
        "--deadline",
        type=_day,
        metavar="DATE",
        help=translate("CliDeal", "customer's decision deadline"),
    )
    add.add_argument(
        "--goal", type=_day, metavar="DATE", help=translate("CliDeal", "customer's own goal date")
    )
    add.add_argument(
        "--last-useful",
        type=_day,
        metavar="DATE",
        help=translate("CliDeal", "last date our proposal can help them"),
    )
    add.add_argument(
        "--decision-maker", default="", help=translate("CliDeal", "who decides on their side")
    )
    add.add_argument("--steps", default="", help=translate("CliDeal", "decision steps"))
    add.add_argument(
        "--collect-first", default="", help=translate("CliDeal", "what they will collect first")
    )
    add.add_argument("--competitors", default="", help=translate("CliDeal", "competitors"))
    listing = actions.add_parser("list", help=translate("CliDeal", "list deals"))
    listing.add_argument(
        "--prospect", metavar="ID", help=translate("CliDeal", "only this prospect's deals")
    )
    listing.add_argument(
        "--open", action="store_true", help=translate("CliDeal", "only deals still being worked")
    )
    listing.add_argument(
        "--json", action="store_true", help=translate("CliDeal", "machine-readable output")
    )
    show = actions.add_parser(
        "show", help=translate("CliDeal", "a deal with its checklist, questions and answers")
    )
    show.add_argument("deal", metavar="DEAL", help=translate("CliDeal", "deal id or unique prefix"))
    show.add_argument(
        "--json", action="store_true", help=translate("CliDeal", "machine-readable output")
    )
    stage = actions.add_parser(
        "set-stage", help=translate("CliDeal", "move a deal to another stage")
    )
    stage.add_argument(
        "deal", metavar="DEAL", help=translate("CliDeal", "deal id or unique prefix")
    )
    stage.add_argument("stage", choices=_STAGES)
    outcome = actions.add_parser(
        "outcome",
        help=translate(
            "CliDeal", "record won / pending / lost (with the customer's reason) or no-answer"
        ),
    )
    outcome.add_argument(
        "deal", metavar="DEAL", help=translate("CliDeal", "deal id or unique prefix")
    )
    outcome.add_argument("result", choices=["won", "pending", "lost", "no-answer"])
    outcome.add_argument(
        "--on", type=_day, metavar="DATE", help=translate("CliDeal", "day of the answer (today)")
    )
    outcome.add_argument("--note", default="", help=translate("CliDeal", "a note on the answer"))
    outcome.add_argument(
        "--category",
        choices=_CATEGORIES,
        default="",
        help=translate("CliDeal", "lost: the category of the customer's reason"),
    )
    outcome.add_argument(
        "--words", default="", help=translate("CliDeal", "what the customer said, in their words")
    )
    outcome.add_argument(
        "--said-by", default="", help=translate("CliDeal", "who said it on the customer's side")
    )
    outcome.add_argument(
        "--said-on",
        type=_day,
        metavar="DATE",
        help=translate("CliDeal", "lost: when they said it"),
    )
    outcome.add_argument(
        "--follow-up-at",
        metavar="WHEN",
        help=translate("CliDeal", "'YYYY-MM-DD HH:MM' or a date"),
    )
    outcome.add_argument(
        "--follow-up-what",
        default="",
        help=translate("CliDeal", "no-answer: what the follow-up is for"),
    )
    outcome.add_argument(
        "--follow-up-kind",
        choices=_VALUE_KINDS,
        default="information",
        help=translate("CliDeal", "no-answer: what the follow-up brings them"),
    )
    reopen = actions.add_parser("reopen", help=translate("CliDeal", "reopen a lost deal"))
    reopen.add_argument(
        "deal", metavar="DEAL", help=translate("CliDeal", "deal id or unique prefix")
    )
    reopen.add_argument("--note", default="", help=translate("CliDeal", "why it is reopened"))


def handlers(paths: Paths) -> dict[tuple[str, str], Callable[[argparse.Namespace, Services], int]]:
    """The ``deal`` actions for the CLI's dispatch table."""
    return {("deal", a): (lambda args, services: run(args, services, paths)) for a in ACTIONS}


def _service(services: Services) -> DealService:
    from salesdesk.core.deals import DealService

    return DealService(services.db, services.clock, services.listing)


def _resolve(deals: DealService, id_or_prefix: str) -> str:
    from salesdesk.cli import Refused
    from salesdesk.core.validation import NotFoundError

    try:
        return deals.resolve_id(id_or_prefix)
    except NotFoundError:
        raise Refused(
            translate("CliDeal", "no deal with id {0} (give a unique prefix)").format(id_or_prefix)
        ) from None


def run(args: argparse.Namespace, services: Services, paths: Paths) -> int:
    """Run one ``deal`` action; returns the exit code."""
    from salesdesk.cli import EXIT_OK, EXIT_REFUSED, _err, _resolve_prospect
    from salesdesk.core.validation import ValidationError

    deals = _service(services)
    try:
        if args.action == "add":
            print(_add(args, services, deals))
            return EXIT_OK
        if args.action == "list":
            pid = _resolve_prospect(services, args.prospect) if args.prospect else None
            _list(deals, pid, args.open, args.json)
            return EXIT_OK
        deal_id = _resolve(deals, args.deal)
        if args.action == "show":
            _show(deals, deal_id, args.json)
        elif args.action == "set-stage":
            from salesdesk.core.closing_rules import DealStage

            d = deals.set_stage(deal_id, DealStage(args.stage))
            print(
                translate("CliDeal", "{0}  stage {1}  pending streak {2}").format(
                    d.id[:8], d.stage.value, d.pending_streak
                )
            )
        elif args.action == "outcome":
            return _outcome(args, deals, deal_id, paths)
        elif args.action == "reopen":
            d = deals.reopen(deal_id, args.note)
            print(
                translate("CliDeal", "{0}  reopened at stage {1}").format(d.id[:8], d.stage.value)
            )
        return EXIT_OK
    except ValidationError as exc:
        loss_fields = {"loss_category", "loss_words", "loss_said_by", "loss_said_on"}
        if loss_fields & set(exc.errors):
            _err("error: " + _loss_refused())
        messages = _messages()
        for field, code in exc.errors.items():
            _err(f"{_FIELDS.get(field, field)}: {messages.get(code, code)}")
        return EXIT_REFUSED


def _add(args: argparse.Namespace, services: Services, deals: DealService) -> str:
    from salesdesk.cli import _resolve_prospect
    from salesdesk.core.closing_rules import DealStage
    from salesdesk.core.deals import DealInput, parse_amount

    pid = _resolve_prospect(services, args.prospect)
    currency = args.currency.strip().upper()
    data = DealInput(
        title=args.title,
        amount=parse_amount(args.amount, currency),
        currency=currency,
        stage=DealStage(args.stage),
        forecast_on=args.forecast,
        decision_deadline=args.deadline,
        goal_on=args.goal,
        last_useful_on=args.last_useful,
        decision_maker=args.decision_maker,
        decision_steps=args.steps,
        collect_first=args.collect_first,
        competitors=args.competitors,
    )
    return deals.create(pid, data)


def _outcome(args: argparse.Namespace, deals: DealService, deal_id: str, paths: Paths) -> int:
    from salesdesk.cli import EXIT_OK, parse_when
    from salesdesk.config import Settings
    from salesdesk.core.closing_rules import DealResult
    from salesdesk.core.deals import OutcomeInput
    from salesdesk.core.enums import InteractionKind
    from salesdesk.core.validation import REQUIRED, ValidationError

    if args.result == "no-answer":
        if not args.follow_up_at:
            raise ValidationError({"follow_up_at": REQUIRED})
        due = parse_when(args.follow_up_at, Settings.load(paths).default_follow_up_hour)
        fid = deals.no_answer_yet(
            deal_id, due, args.follow_up_what, InteractionKind(args.follow_up_kind), args.note
        )
        print(
            translate(
                "CliDeal", "no answer yet: the deal stays open; follow-up {0} due {1}"
            ).format(fid[:8], _local(due))
        )
        return EXIT_OK
    d = deals.record_outcome(
        deal_id,
        OutcomeInput(
            DealResult(args.result),
            on=args.on,
            note=args.note,
            loss_category=args.category,
            loss_words=args.words,
            loss_said_by=args.said_by,
            loss_said_on=args.said_on,
        ),
    )
    line = translate("CliDeal", "{0}  {1}  pending streak {2}").format(
        d.id[:8], _result(d), d.pending_streak
    )
    if d.streak_flagged:
        line += "  " + translate("CliDeal", "(pending 3+ times in a row: change the approach)")
    print(line)
    return EXIT_OK


def _local(value: Any) -> str:
    from salesdesk.cli import _local as local

    return local(value)


def _result(d: Deal) -> str:
    return "open" if d.result is None else d.result.value


def _deal_json(d: Deal) -> dict[str, Any]:
    from dataclasses import asdict

    data = asdict(d)
    data["is_open"] = d.is_open
    return data


def _list(deals: DealService, prospect_id: str | None, only_open: bool, as_json: bool) -> None:
    from salesdesk.cli import ID_WIDTH, _print_json, _table
    from salesdesk.core.deals import format_amount

    found = deals.for_prospect(prospect_id) if prospect_id else deals.all_deals()
    if only_open:
        found = [d for d in found if d.is_open]
    if as_json:
        _print_json([_deal_json(d) for d in found])
        return
    rows = [
        [
            d.id[:ID_WIDTH],
            d.title,
            d.stage.value,
            f"{format_amount(d.amount, d.currency)} {d.currency}" if d.amount is not None else "",
            _result(d) + (f" x{d.pending_streak}" if d.pending_streak else ""),
            d.decision_deadline.isoformat() if d.decision_deadline else "",
        ]
        for d in found
    ]
    headers = [
        translate("CliDeal", "id"),
        translate("CliDeal", "title"),
        translate("CliDeal", "stage"),
        translate("CliDeal", "amount"),
        translate("CliDeal", "answer"),
        translate("CliDeal", "deadline"),
    ]
    _table(headers, rows, [8, 40, 11, 20, 12, 10])


def _show(deals: DealService, deal_id: str, as_json: bool) -> None:
    from salesdesk.cli import _fit, _print_json, _width

    d = deals.get(deal_id)
    checklist = deals.checklist(deal_id)
    questions = deals.questions(deal_id)
    history = deals.outcomes(deal_id)
    if as_json:
        data = _deal_json(d)
        data["readiness"] = {
            "score": checklist.readiness.score,
            "level": checklist.readiness.level,
            "missing": list(checklist.readiness.missing),
            "small_yeses": checklist.facts.small_yeses,
        }
        data["questions"] = questions
        data["signals"] = deals.signals(deal_id)
        data["outcomes"] = history
        _print_json(data)
        return
    print(f"{d.title}  [{d.stage.value}, {_result(d)}]")
    facts = [
        (translate("CliDeal", "id"), d.id),
        (translate("CliDeal", "decision deadline"), d.decision_deadline),
        (translate("CliDeal", "customer's goal"), d.goal_on),
        (translate("CliDeal", "last useful date"), d.last_useful_on),
        (translate("CliDeal", "forecast"), d.forecast_on),
        (translate("CliDeal", "pending streak"), d.pending_streak or None),
    ]
    width = max(18, *(_width(label) + 1 for label, _value in facts))
    for label, value in facts:
        if value is not None:
            print(f"  {_fit(label, width)}{value}")
    r = checklist.readiness
    print("\n" + translate("CliDeal", "Readiness {0}% ({1})").format(r.score, r.level))
    for code in r.missing:
        print("  " + translate("CliDeal", "missing: {0}").format(code))
    if questions:
        print("\n" + translate("CliDeal", "Questions and worries"))
        for q in questions:
            state = (
                translate("CliDeal", "resolved {0}").format(q.resolved_on)
                if q.resolved_on
                else translate("CliDeal", "OPEN")
            )
            print(f"  [{state}] {q.question}" + (f" -> {q.answer}" if q.answer else ""))
    if history:
        print("\n" + translate("CliDeal", "Answers"))
        for o in history:
            reason = (
                f'  {o.loss_category}: "{o.loss_words}" ({o.loss_said_by})' if o.loss_words else ""
            )
            print(f"  {o.decided_on}  {o.result}{reason}")
