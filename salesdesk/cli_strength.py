"""``salesdesk strength show|set``: relationship strength from the command line.

    salesdesk strength show --prospect ID [--json]
    salesdesk strength set --prospect ID --score empathy=3 --score contribution=2 \\
        [--note TEXT] [--json]

``set`` stores a new dated assessment; dimensions not given keep their latest score
(0 when never assessed). Scores are 0–5; the dimensions are business, empathy,
contribution, multi_contact, key_contact, voluntary and need_awareness.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from salesdesk.cli_i18n import translate

if TYPE_CHECKING:
    from salesdesk.core.relationship import Assessment, RelationshipService
    from salesdesk.core.services import Services

#: The dimension tokens ``--score`` takes (the same in every language).
_KEYS = "business, empathy, contribution, multi_contact, key_contact, voluntary, need_awareness"


def add_parser(commands: Any) -> None:
    """Add the ``strength`` command to the CLI's sub-command parsers."""
    strength = commands.add_parser(
        "strength", help=translate("CliStrength", "show or set relationship strength")
    )
    actions = strength.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser(
        "show", help=translate("CliStrength", "latest scores, history, suggestions, next action")
    )
    show.add_argument(
        "--prospect", required=True, metavar="ID", help=translate("CliStrength", "the prospect")
    )
    show.add_argument(
        "--json", action="store_true", help=translate("CliStrength", "machine-readable output")
    )
    set_ = actions.add_parser("set", help=translate("CliStrength", "store a new dated assessment"))
    set_.add_argument(
        "--prospect", required=True, metavar="ID", help=translate("CliStrength", "the prospect")
    )
    set_.add_argument(
        "--score",
        action="append",
        default=[],
        metavar="DIMENSION=N",
        help=translate("CliStrength", "a score 0-5; repeat for several. Dimensions: {0}").format(
            _KEYS
        ),
    )
    set_.add_argument("--note", default="", help=translate("CliStrength", "why, in a few words"))
    set_.add_argument(
        "--json", action="store_true", help=translate("CliStrength", "machine-readable output")
    )


def run(args: argparse.Namespace, services: Services) -> int:
    """Run ``strength show`` or ``strength set``; returns the exit code."""
    from salesdesk.cli import EXIT_OK, EXIT_REFUSED, _err, _print_json, _resolve_prospect
    from salesdesk.core.relationship import RelationshipService, Scores
    from salesdesk.core.validation import ValidationError

    prospect_id = _resolve_prospect(services, args.prospect)
    rel = RelationshipService(services.db, services.clock, services.listing)
    if args.action == "set":
        if not args.score:
            _err(
                "error: "
                + translate(
                    "CliStrength", "give at least one --score DIMENSION=N (dimensions: {0})"
                ).format(_KEYS)
            )
            return EXIT_REFUSED
        values: dict[str, object] = {}
        for item in args.score:
            key, sep, value = item.partition("=")
            if not sep:
                _err(
                    "error: "
                    + translate(
                        "CliStrength", "--score {0}: write it as DIMENSION=N, e.g. empathy=3"
                    ).format(item)
                )
                return EXIT_REFUSED
            values[key.strip()] = value.strip()
        latest = rel.latest(prospect_id)
        try:
            scores = Scores.from_mapping(values, base=None if latest is None else latest.scores)
        except ValidationError as exc:
            for key, code in exc.errors.items():
                if code == "unknown_dimension":
                    _err(
                        "error: "
                        + translate(
                            "CliStrength", "unknown dimension {0}; the dimensions are: {1}"
                        ).format(repr(key), _KEYS)
                    )
                else:
                    _err(
                        "error: "
                        + translate(
                            "CliStrength", "{0}: a score is a whole number from 0 to 5"
                        ).format(key)
                    )
            return EXIT_REFUSED
        rel.save(prospect_id, scores, args.note)
    if args.json:
        _print_json(_as_json(rel, prospect_id))
        return EXIT_OK
    _print_text(rel, prospect_id)
    return EXIT_OK


def _assessment_json(a: Assessment) -> dict[str, Any]:
    return {
        "id": a.id,
        "assessed_at": a.assessed_at.isoformat(),
        "scores": a.scores.as_dict(),
        "total": a.scores.total,
        "note": a.note,
    }


def _as_json(rel: RelationshipService, prospect_id: str) -> dict[str, Any]:
    history = rel.history(prospect_id)
    action = rel.next_action(prospect_id)
    return {
        "prospect_id": prospect_id,
        "latest": _assessment_json(history[-1]) if history else None,
        "history": [_assessment_json(a) for a in history],
        "suggestions": [
            asdict(s) | {"params": dict(s.params)} for s in rel.suggestions(prospect_id)
        ],
        "next_action": {
            "code": action.code,
            "dimension": action.dimension,
            "params": dict(action.params),
        },
    }


def _print_text(rel: RelationshipService, prospect_id: str) -> None:
    from salesdesk.cli import _fit, _local, _width
    from salesdesk.core.relationship import MAX_TOTAL, SCORE_KEYS

    history = rel.history(prospect_id)
    if not history:
        print(translate("CliStrength", "Not assessed yet."))
    else:
        latest = history[-1]
        when = _local(latest.assessed_at)
        print(
            translate("CliStrength", "Relationship strength {0}/{1}  ({2})").format(
                latest.scores.total, MAX_TOTAL, when
            )
        )
        for key in SCORE_KEYS:
            score = latest.scores.get(key)
            print(f"  {key:<15}{score}  {'#' * score}")
        if latest.note:
            label = translate("CliStrength", "note")
            print(f"  {_fit(label, max(15, _width(label) + 1))}{latest.note}")
        assessed = len(history)
        print("\n" + translate("CliStrength", "History (%n assessment(s))", None, assessed))
        for a in history:
            total = translate("CliStrength", "total {0}").format(f"{a.scores.total:>2}")
            print(f"  {_local(a.assessed_at)}  {total}  {a.note}".rstrip())
    suggestions = rel.suggestions(prospect_id)
    if suggestions:
        print("\n" + translate("CliStrength", "Suggested from what was logged"))
        for s in suggestions:
            params = ", ".join(f"{k}={v}" for k, v in s.params.items())
            print(f"  {s.dimension:<15}{s.score}  ({s.reason}{': ' + params if params else ''})")
    action = rel.next_action(prospect_id)
    target = f" ({action.dimension})" if action.dimension else ""
    print("\n" + translate("CliStrength", "Next-best action: {0}").format(action.code + target))
