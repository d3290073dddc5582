"""``salesdesk due`` and ``salesdesk item ...``: the day's list and the customer's action
items (DOMAIN.md §4) from the command line.

    salesdesk due [--json]
    salesdesk item add --prospect ID --title TEXT --due "YYYY-MM-DD HH:MM"
        [--contact ID] [--consequence TEXT] [--lead-days N] [--notes TEXT]
    salesdesk item done ID
    salesdesk item cancel ID
    salesdesk item list [--prospect ID] [--all] [--json]
    salesdesk item draft ID --moment check|overdue [--lang ja|en]

``due`` lists what is overdue, due today and due this week: follow-ups, customer items
and open complaints left without contact. ``item draft`` prints the e-mail draft for the
friendly check before the deadline or the reminder after it, from the rep's templates, in
the e-mail's language (``--lang`` of ``draft``); the command's own messages are in the
rep's language. Tokens stay as they are typed and read in every language: statuses
(``open``, ``done``), the day's buckets (``overdue``, ``today``, ``week``, as in ``--json``)
and follow-up kinds.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from salesdesk.cli_i18n import translate

if TYPE_CHECKING:
    from salesdesk.config import Paths
    from salesdesk.core.action_items import ActionItem
    from salesdesk.core.services import Services
    from salesdesk.core.today import TodayEntry

ITEM_ACTIONS = ("add", "done", "cancel", "list", "draft")
#: A deadline given as a date alone falls at the end of that working day.
DEADLINE_HOUR = 17
_BUCKETS = ("overdue", "today", "week")
_OPTIONS = {"lead_days": "lead-days", "contact_id": "contact", "due_at": "due"}


def _sources() -> dict[str, str]:
    """What each kind of entry of the day's list is, in the rep's words."""
    return {
        "follow_up": translate("CliItems", "follow-up"),
        "action_item": translate("CliItems", "customer item"),
        "complaint": translate("CliItems", "complaint"),
    }


def add_parsers(commands: Any) -> None:
    """Add ``due`` and ``item`` to the CLI's sub-command parsers."""
    due = commands.add_parser("due", help=translate("CliItems", "overdue, due today and this week"))
    due.add_argument("--json", action="store_true")

    item = commands.add_parser(
        "item",
        help=translate(
            "CliItems", "customer action items: add, done, cancel, list, draft (e-mail)"
        ),
    )
    actions = item.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help=translate("CliItems", "add what the customer owes by a deadline; prints its id")
    )
    add.add_argument("--prospect", required=True, metavar="ID")
    add.add_argument(
        "--title", required=True, help=translate("CliItems", "what the customer is to do")
    )
    add.add_argument(
        "--due",
        required=True,
        metavar="WHEN",
        help=translate(
            "CliItems", "'YYYY-MM-DD HH:MM' local, ISO 8601, or a date alone ({0}:00)"
        ).format(DEADLINE_HOUR),
    )
    add.add_argument(
        "--contact", metavar="ID", help=translate("CliItems", "contact id or unique prefix")
    )
    add.add_argument(
        "--consequence", default="", help=translate("CliItems", "what a delay would affect")
    )
    add.add_argument(
        "--lead-days",
        type=int,
        default=None,
        metavar="N",
        help=translate(
            "CliItems", "days before the deadline for a friendly check (default 3, 0: none)"
        ),
    )
    add.add_argument("--notes", default="", help=translate("CliItems", "notes on the item"))
    for name, text in (
        ("done", translate("CliItems", "mark an item done")),
        ("cancel", translate("CliItems", "cancel an item")),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument(
            "id", metavar="ID", help=translate("CliItems", "id or unique id prefix")
        )
    listing = actions.add_parser("list", help=translate("CliItems", "open items by deadline"))
    listing.add_argument("--prospect", metavar="ID")
    listing.add_argument(
        "--all", action="store_true", help=translate("CliItems", "done and cancelled ones too")
    )
    listing.add_argument("--json", action="store_true")
    draft = actions.add_parser(
        "draft", help=translate("CliItems", "print the e-mail draft for an item")
    )
    draft.add_argument("id", metavar="ID", help=translate("CliItems", "id or unique id prefix"))
    draft.add_argument(
        "--moment",
        required=True,
        choices=["check", "overdue"],
        help=translate(
            "CliItems", "the friendly check before the deadline, or the reminder after it"
        ),
    )
    draft.add_argument(
        "--lang",
        dest="draft_lang",
        choices=["ja", "en"],
        help=translate("CliItems", "the language of the e-mail"),
    )


def handlers(
    paths: Paths,
) -> dict[tuple[str, str | None], Callable[[argparse.Namespace, Services], int]]:
    """The ``due`` and ``item`` commands for the CLI's dispatch table."""
    found: dict[tuple[str, str | None], Callable[[argparse.Namespace, Services], int]] = {
        ("due", None): lambda args, services: _due(args, services, paths)
    }
    for action in ITEM_ACTIONS:
        found[("item", action)] = lambda args, services: run(args, services, paths)
    return found


def resolve_item(services: Services, id_or_prefix: str) -> str:
    """The full id of the one live item whose id starts with ``id_or_prefix``."""
    from salesdesk.cli import Refused

    prefix = id_or_prefix.strip().lower().replace("%", "").replace("_", "")
    if len(prefix) < 4:
        raise Refused(
            translate(
                "CliItems", "no customer item with id {0} (give at least 4 characters of it)"
            ).format(id_or_prefix)
        )
    rows = (
        services.db.reader()
        .execute(
            "SELECT id FROM customer_action_item WHERE id LIKE ? AND deleted_at IS NULL LIMIT 2",
            (prefix + "%",),
        )
        .fetchall()
    )
    if len(rows) != 1:
        raise Refused(translate("CliItems", "no customer item with id {0}").format(id_or_prefix))
    return str(rows[0][0])


def run(args: argparse.Namespace, services: Services, paths: Paths) -> int:
    """Run one ``item`` action; returns the exit code."""
    from salesdesk.cli import EXIT_OK, _resolve_prospect
    from salesdesk.core.enums import ActionItemStatus
    from salesdesk.core.validation import ValidationError

    items = services.action_items
    if args.action == "add":
        try:
            print(_add(args, services, paths))
        except ValidationError as exc:  # named as the options are
            raise ValidationError({_OPTIONS.get(k, k): v for k, v in exc.errors.items()}) from None
    elif args.action in ("done", "cancel"):
        item_id = resolve_item(services, args.id)
        status = ActionItemStatus.DONE if args.action == "done" else ActionItemStatus.CANCELLED
        items.set_status(item_id, status)
        item = items.get(item_id)
        print(f"{item.id[:8]}  {item.status.value}  {item.company}  {item.title}")
    elif args.action == "list":
        if args.prospect:
            pid = _resolve_prospect(services, args.prospect)
            found = items.for_prospect(pid, include_closed=args.all)
        elif args.all:
            found = _all_items(services)
        else:
            found = items.open_items()
        _list(found, args.json)
    else:
        return _draft(args, services, paths)
    return EXIT_OK


def _add(args: argparse.Namespace, services: Services, paths: Paths) -> str:
    from salesdesk.cli import _resolve_contact, _resolve_prospect, parse_when
    from salesdesk.core.action_items import DEFAULT_LEAD_DAYS, ActionItemInput
    from salesdesk.core.validation import ValidationError

    try:
        due = parse_when(args.due, DEADLINE_HOUR)
    except ValidationError:
        raise ValidationError({"due": "invalid_datetime"}) from None
    pid = _resolve_prospect(services, args.prospect)
    contact_id = _resolve_contact(services, pid, args.contact) if args.contact else None
    data = ActionItemInput(
        prospect_id=pid,
        title=args.title,
        due_at=due,
        consequence=args.consequence,
        lead_days=DEFAULT_LEAD_DAYS if args.lead_days is None else args.lead_days,
        contact_id=contact_id,
        notes=args.notes,
    )
    return services.action_items.add(data)


def _all_items(services: Services) -> list[ActionItem]:
    """Every live prospect's items, open ones first (by deadline)."""
    found: list[ActionItem] = []
    rows = services.db.reader().execute(
        "SELECT DISTINCT a.prospect_id FROM customer_action_item a"
        " JOIN prospect p ON p.id = a.prospect_id"
        " WHERE a.deleted_at IS NULL AND p.deleted_at IS NULL"
    )
    for (pid,) in rows.fetchall():
        found += services.action_items.for_prospect(pid, include_closed=True)
    return sorted(found, key=lambda i: (not i.is_open(), i.due_at))


def _list(found: list[ActionItem], as_json: bool) -> None:
    from salesdesk.cli import ID_WIDTH, _local, _print_json, _table

    if as_json:
        _print_json(
            [
                {
                    "id": i.id,
                    "prospect_id": i.prospect_id,
                    "company": i.company,
                    "contact_id": i.contact_id,
                    "contact_name": i.contact_name,
                    "contact_email": i.contact_email,
                    "title": i.title,
                    "consequence": i.consequence,
                    "due_at": i.due_at,
                    "lead_days": i.lead_days,
                    "check_at": i.check_at,
                    "status": i.status,
                    "done_at": i.done_at,
                    "notes": i.notes,
                }
                for i in found
            ]
        )
        return
    _table(
        [
            translate("CliItems", "ID"),
            translate("CliItems", "DUE"),
            translate("CliItems", "STATUS"),
            translate("CliItems", "COMPANY"),
            translate("CliItems", "ITEM"),
            translate("CliItems", "CONTACT"),
            translate("CliItems", "IF LATE"),
        ],
        [
            [
                i.id[:ID_WIDTH],
                _local(i.due_at),
                i.status.value,  # a token, as in --json
                i.company,
                i.title,
                i.contact_name,
                i.consequence,
            ]
            for i in found
        ],
        [ID_WIDTH, 16, 9, 30, 36, 16, 30],
    )


def _due(args: argparse.Namespace, services: Services, paths: Paths) -> int:
    from salesdesk.cli import EXIT_OK, ID_WIDTH, _local, _print_json, _table
    from salesdesk.config import Settings

    services.set_complaint_silence_days(Settings.load(paths).complaint_silence_days)
    entries = services.today.entries()
    if args.json:
        _print_json([_entry_json(e) for e in entries])
        return EXIT_OK
    if not entries:
        print(translate("CliItems", "nothing overdue or due this week"))
        return EXIT_OK
    _table(
        [
            translate("CliItems", "WHEN"),
            translate("CliItems", "DUE"),
            translate("CliItems", "WHAT"),
            translate("CliItems", "COMPANY"),
            translate("CliItems", "TITLE"),
            translate("CliItems", "ID"),
        ],
        [
            [
                _BUCKETS[e.bucket],  # a token, as in --json
                _local(e.due_at),
                _what(e),
                e.company,
                e.title,
                e.id[:ID_WIDTH],
            ]
            for e in entries
        ],
        [7, 16, 46, 30, 40, ID_WIDTH],  # WHAT: the kind's token whole (--kind takes it)
    )
    return EXIT_OK


def _what(entry: TodayEntry) -> str:
    text = _sources().get(entry.source.value, entry.source.value)
    if entry.kind is not None:  # the follow-up's kind, a token as --kind takes it
        text += f" ({entry.kind.value})"
    if entry.check_due:
        text = translate("CliItems", "{0} (check due)").format(text)
    days = entry.silent_days  # (lupdate reads a plain name as the count)
    if days:
        text = translate("CliItems", "{0} (%n day(s) silent)", None, days).format(text)
    return text


def _entry_json(entry: TodayEntry) -> dict[str, Any]:
    return {
        "bucket": _BUCKETS[entry.bucket],
        "source": entry.source.value,
        "id": entry.id,
        "prospect_id": entry.prospect_id,
        "company": entry.company,
        "title": entry.title,
        "due_at": entry.due_at,
        "kind": entry.kind.value if entry.kind is not None else None,
        "check_due": entry.check_due,
        "silent_days": entry.silent_days,
    }


def _draft(args: argparse.Namespace, services: Services, paths: Paths) -> int:
    from salesdesk.cli import EXIT_OK, EXIT_REFUSED, _err
    from salesdesk.config import Settings
    from salesdesk.core.email_drafts import Sender, TemplateError, TemplateStore, compose
    from salesdesk.profile import Profile
    from salesdesk.ui.i18n import pick_language

    item = services.action_items.get(resolve_item(services, args.id))
    language = args.draft_lang or args.lang or pick_language(Settings.load(paths).language)
    try:
        draft = compose(
            item,
            args.moment,
            language,
            Sender.from_profile(Profile.load(paths)),
            TemplateStore(paths.email_templates),
        )
    except TemplateError as exc:
        where = f"{paths.email_templates}: {args.moment}/{language} {exc.part}"
        if exc.placeholder:
            _err(
                "error: "
                + translate("CliItems", "{0} uses {1}, which is not a placeholder").format(
                    where, "{" + exc.placeholder + "}"
                )
            )
        else:
            _err(
                "error: "
                + translate(
                    "CliItems", "{0} has a brace without its partner (write {1} or {2})"
                ).format(where, "{{", "}}")
            )
        return EXIT_REFUSED
    # The draft is in its own language (from the templates); "To:" and "Subject:" are the
    # e-mail's header names, the same in every language.
    print(f"To: {draft.to}")
    print(f"Subject: {draft.subject}")
    print()
    print(draft.body, end="")
    return EXIT_OK
