"""``salesdesk``: open the window, or run a headless command for IT and scripting.

    salesdesk [--data-dir DIR] [--lang ja|en] [COMMAND ...]

Without a command the window opens. Commands print tables and messages in the rep's
language (JSON as it is) on stdout and errors on stderr. Exit codes: 0 done, 1 the data
file is damaged or could not be written, 2 refused (bad input, unknown id, missing next
step), 3 the data file comes from a newer SalesDesk (left untouched).

Core modules are imported inside the commands, so opening the window does not pay
for what only the commands use.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from datetime import time as clock_time
from enum import Enum
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from salesdesk import cli_deal, cli_interchange, cli_items, cli_sheet, cli_strength
from salesdesk.cli_backup import add_backup_parser, run_backup
from salesdesk.cli_i18n import translate
from salesdesk.config import Paths, resolve_paths

if TYPE_CHECKING:
    from salesdesk.core.db import Database
    from salesdesk.core.services import Services

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REFUSED = 2
EXIT_NEWER_FILE = 3


def _messages() -> dict[str, str]:
    """The rep's words for the validation codes of salesdesk.core.validation (made when
    used: the language is installed after import)."""
    return {
        "required": translate("Cli", "this field is required"),
        "invalid_email": translate("Cli", "not a valid e-mail address"),
        "invalid_phone": translate("Cli", "not a valid phone number"),
        "out_of_range": translate("Cli", "out of range"),
        "next_step_missing": translate(
            "Cli", "set a next step (--next-at and --next-what) or pass --no-next-step"
        ),
        "next_step_conflict": translate(
            "Cli", "give either a next step or --no-next-step, not both"
        ),
        "unknown_choice": translate("Cli", "not one of the allowed values"),
        "not_found": translate("Cli", "not found"),
        "invalid_datetime": translate(
            "Cli", "not a date and time (use 'YYYY-MM-DD HH:MM' or ISO 8601)"
        ),
    }


def _fields() -> dict[str, str]:
    """Field names as the rep knows them from the options: the option names stay as
    typed (``--next-at``), in every language."""
    return {
        "duration_min": "duration",
        "contact_id": "contact",
        "next_step": translate("Cli", "next step"),
        "next_step_what": "next-what",
        "next_at": "next-at",
    }


ID_WIDTH = 8  # ids in tables are shortened to this; any unique prefix works as input


class Refused(Exception):
    """The command cannot do what was asked; the message says why (exit code 2)."""


# -- output helpers ----------------------------------------------------------------------
def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _local(value: datetime | None) -> str:
    """A stored (UTC) moment in the machine's local time, to the minute."""
    return "" if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M")


def _width(text: str) -> int:
    """Terminal columns ``text`` takes (East Asian wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text: str, width: int) -> str:
    """``text`` cut (with …) or padded to exactly ``width`` terminal columns."""
    if _width(text) > width:
        out, used = "", 0
        for c in text:
            w = _width(c)
            if used + w > width - 1:
                break
            out, used = out + c, used + w
        text = out + "…"
    return text + " " * (width - _width(text))


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (never cut; at least one space)."""
    return text + " " * max(1, width - _width(text))


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], limits: Sequence[int]) -> None:
    """Print aligned columns; each is as wide as its content, up to its limit."""
    widths = [
        min(limit, max([_width(h)] + [_width(r[i]) for r in rows]))
        for i, (h, limit) in enumerate(zip(headers, limits, strict=True))
    ]
    for line in [headers, *rows]:
        print("  ".join(_fit(cell, w) for cell, w in zip(line, widths, strict=True)).rstrip())


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_jsonable))


def _utf8_when_piped(stream: TextIO) -> None:
    """Piped output (JSON for scripts) is UTF-8 whatever the locale's code page says."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if not stream.isatty() and encoding != "utf8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")


# -- input helpers -----------------------------------------------------------------------
def parse_when(text: str, default_hour: int) -> datetime:
    """``YYYY-MM-DD HH:MM`` in local time, ISO 8601 with an offset, or a date alone
    (at ``default_hour`` local); returns an aware datetime."""
    from salesdesk.core.clock import to_utc
    from salesdesk.core.validation import ValidationError

    raw = text.strip()
    try:
        if len(raw) == 10:  # a date alone
            moment = datetime.combine(date.fromisoformat(raw), clock_time(default_hour))
        else:
            moment = datetime.fromisoformat(raw)
    except ValueError:
        raise ValidationError({"next_at": "invalid_datetime"}) from None
    return to_utc(moment)  # naive means local time


def _resolve_contact(services: Services, prospect_id: str, id_or_prefix: str) -> str:
    """The id of the prospect's one live contact whose id starts with ``id_or_prefix``."""
    prefix = id_or_prefix.strip().lower()
    found = [c.id for c in services.prospects.get(prospect_id).contacts if c.id.startswith(prefix)]
    if not prefix or len(found) != 1:
        raise Refused(
            translate("Cli", "no contact with id {0} at this prospect").format(id_or_prefix)
        )
    return found[0]


def _resolve_prospect(services: Services, id_or_prefix: str) -> str:
    """The full id of the one live prospect whose id starts with ``id_or_prefix``."""
    from salesdesk.core.validation import NotFoundError

    try:
        return services.prospects.resolve_id(id_or_prefix)
    except NotFoundError:
        if len(id_or_prefix.strip()) < 4:
            message = translate("Cli", "no prospect with id {0} (give at least 4 characters of it)")
        else:
            message = translate("Cli", "no prospect with id {0}")
        raise Refused(message.format(id_or_prefix)) from None


# -- commands ----------------------------------------------------------------------------
def _cmd_demo(args: argparse.Namespace, services: Services) -> int:
    from salesdesk.core.demo import generate_demo

    existing = services.listing.count()
    if existing and not args.force:
        raise Refused(
            translate(
                "Cli",
                "the data file already has %n prospect(s); "
                "add --force to add demo data to them anyway",
                None,
                existing,
            )
        )
    show_progress = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress:
            line = translate("Cli", "{0}/{1} prospects").format(done, total)
            print("\r" + line, end="", file=sys.stderr, flush=True)

    started = time.perf_counter()
    try:
        summary = generate_demo(services.db, args.prospects, seed=args.seed, progress=progress)
    except sqlite3.IntegrityError:
        raise Refused(
            translate(
                "Cli", "demo data of seed {0} is already in this data file; use another --seed"
            ).format(args.seed)
        ) from None
    finally:
        if show_progress:
            print(file=sys.stderr)
    seconds = time.perf_counter() - started
    # Bare names as the counts: lupdate skips a call whose count is an expression.
    prospects, customers, contacts = summary.prospects, summary.customers, summary.contacts
    calls, follow_ups = summary.interactions, summary.follow_ups
    print(
        translate("Cli", "demo (seed {0}): {1} ({2}), {3}, {4}, {5} in {6} s").format(
            args.seed,
            translate("Cli", "%n prospect(s)", None, prospects),
            translate("Cli", "%n customer(s)", None, customers),
            translate("Cli", "%n contact(s)", None, contacts),
            translate("Cli", "%n call(s)", None, calls),
            translate("Cli", "%n open follow-up(s)", None, follow_ups),
            f"{seconds:.1f}",
        )
    )
    return EXIT_OK


def _cmd_prospect_add(args: argparse.Namespace, services: Services) -> int:
    from salesdesk.core.enums import Stage
    from salesdesk.core.prospects import ProspectInput

    data = ProspectInput(
        company=args.company,
        company_kana=args.kana,
        stage=Stage(args.stage),
        is_customer=args.customer,
        phone=args.phone,
        email=args.email,
        address=args.address,
        website=args.website,
        notes=args.notes,
    )
    print(services.prospects.create(data))
    return EXIT_OK


def _cmd_prospect_list(args: argparse.Namespace, services: Services) -> int:
    from salesdesk.core.enums import Stage
    from salesdesk.core.listing import ProspectQuery

    query = ProspectQuery(
        search=args.search,
        stage=Stage(args.stage) if args.stage else None,
        follow_up_due=args.due,
    )
    ids = services.prospects.list_ids(query)
    shown = ids[: args.limit] if args.limit > 0 else ids
    rows = []
    for start in range(0, len(shown), 500):  # keeps IN (...) lists short
        chunk = shown[start : start + 500]
        found = services.prospects.rows(chunk)
        rows += [found[i] for i in chunk if i in found]
    if args.json:
        _print_json(rows)
        return EXIT_OK
    _table(
        [
            "ID",
            translate("Cli", "COMPANY"),
            translate("Cli", "KANA"),
            translate("Cli", "STAGE"),
            translate("Cli", "LAST CONTACT"),
            translate("Cli", "NEXT FOLLOW-UP"),
        ],
        [
            [
                r.id[:ID_WIDTH],
                r.company,
                r.company_kana,
                r.stage.value,
                _local(r.last_contact_at),
                _local(r.next_follow_up_at),
            ]
            for r in rows
        ],
        [ID_WIDTH, 40, 30, 11, 16, 16],
    )
    if len(shown) < len(ids):
        print(
            translate("Cli", "({0} of {1} shown; --limit 0 shows all)").format(len(shown), len(ids))
        )
    return EXIT_OK


def _cmd_prospect_show(args: argparse.Namespace, services: Services) -> int:
    prospect_id = _resolve_prospect(services, args.id)
    record = services.prospects.get(prospect_id)
    follow_ups = services.calls.open_follow_ups(prospect_id)
    calls = [e for e in services.calls.timeline(prospect_id, limit=args.calls) if e.entry == "call"]
    if args.json:
        data = asdict(record)
        data["open_follow_ups"] = follow_ups
        data["calls"] = calls
        _print_json(data)
        return EXIT_OK
    kana = f"  ({record.company_kana})" if record.company_kana else ""
    print(f"{record.company}{kana}")
    customer = "  " + translate("Cli", "(customer)") if record.is_customer else ""
    facts = [
        (translate("Cli", "id"), record.id),
        (translate("Cli", "stage"), record.stage.value + customer),
        (translate("Cli", "phone"), record.phone),
        (translate("Cli", "e-mail"), record.email),
        (translate("Cli", "address"), record.address),
        (translate("Cli", "website"), record.website),
        (translate("Cli", "last contact"), _local(record.last_contact_at)),
        (translate("Cli", "next follow-up"), _local(record.next_follow_up_at)),
        (translate("Cli", "notes"), record.notes),
    ]
    for label, value in facts:
        if value:
            print(f"  {_pad(label, 15)}{value}")
    print("\n" + translate("Cli", "Contacts ({0})").format(len(record.contacts)))
    decision_maker = translate("Cli", "DM")
    _table(
        [
            "  ID",
            translate("Cli", "NAME"),
            translate("Cli", "READING"),
            translate("Cli", "TITLE"),
            decision_maker,
            translate("Cli", "PHONE"),
            translate("Cli", "E-MAIL"),
        ],
        [
            [
                "  " + c.id[:ID_WIDTH],
                c.name,
                c.name_kana,
                " ".join(p for p in (c.department, c.title) if p),
                translate("Cli", "yes") if c.is_decision_maker else "",
                c.phone,
                c.email,
            ]
            for c in record.contacts
        ],
        [2 + ID_WIDTH, 20, 24, 24, max(3, _width(decision_maker)), 15, 40],
    )
    print("\n" + translate("Cli", "Open follow-ups ({0})").format(len(follow_ups)))
    for f in follow_ups:
        print(f"  {_local(f.due_at)}  {f.kind.value:<15}{f.what}")
    total = services.calls.count_calls(prospect_id)
    print("\n" + translate("Cli", "Last calls ({0} of {1})").format(len(calls), total))
    for e in calls:
        flags = (
            (translate("Cli", "small yes"), e.small_yes),
            (translate("Cli", "customer's initiative"), e.customer_initiated),
        )
        marks = [label for label, on in flags if on]
        extra = f"  [{', '.join(marks)}]" if marks else ""
        channel = e.channel.value if e.channel else ""
        outcome = e.outcome.value if e.outcome else ""
        print(f"  {_local(e.at)}  {channel:<7}{e.kind.value:<15}{outcome:<16}{e.summary}{extra}")
    return EXIT_OK


def _cmd_contact_add(args: argparse.Namespace, services: Services) -> int:
    from salesdesk.core.prospects import ContactInput

    prospect_id = _resolve_prospect(services, args.prospect)
    data = ContactInput(
        name=args.name,
        name_kana=args.kana,
        title=args.title,
        department=args.department,
        is_decision_maker=args.decision_maker,
        phone=args.phone,
        email=args.email,
        notes=args.notes,
    )
    print(services.prospects.add_contact(prospect_id, data))
    return EXIT_OK


def _cmd_call_log(args: argparse.Namespace, services: Services, paths: Paths) -> int:
    from salesdesk.config import Settings
    from salesdesk.core.calls import CallInput, NextStep
    from salesdesk.core.enums import Channel, InteractionKind, Outcome
    from salesdesk.core.validation import REQUIRED, ValidationError

    next_step = None
    if args.next_at is not None or args.next_what is not None:
        if args.next_at is None:
            raise ValidationError({"next_at": REQUIRED})
        due = parse_when(args.next_at, Settings.load(paths).default_follow_up_hour)
        next_step = NextStep(
            due_at=due, what=args.next_what or "", kind=InteractionKind(args.next_kind)
        )
    prospect_id = _resolve_prospect(services, args.prospect)
    contact_id = None
    if args.contact:
        contact_id = _resolve_contact(services, prospect_id, args.contact)
    data = CallInput(
        prospect_id=prospect_id,
        summary=args.summary,
        kind=InteractionKind(args.kind),
        channel=Channel(args.channel),
        outcome=Outcome(args.outcome),
        contact_id=contact_id,
        notes=args.notes,
        duration_min=args.duration,
        small_yes=args.small_yes,
        customer_initiated=args.customer_initiated,
        next_step=next_step,
        no_next_step=args.no_next_step,
    )
    print(services.calls.log_call(data))
    return EXIT_OK


def _cmd_check(paths: Paths) -> int:
    """Integrity and schema state, read-only: never migrates, repairs or deletes."""
    from salesdesk import app_version
    from salesdesk.core.db import file_uri
    from salesdesk.core.schema import (
        SCHEMA_HEAD,
        NewerDataFileError,
        SchemaState,
        read_file_schema,
    )

    path = paths.database
    print(translate("Cli", "data file: {0}").format(path))
    if not path.exists():
        _err("error: " + translate("Cli", "there is no data file at {0}").format(path))
        return EXIT_FAILED
    try:
        conn = sqlite3.connect(file_uri(path, mode="ro"), uri=True)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            conn.close()
        found = read_file_schema(path)
    except sqlite3.DatabaseError as exc:
        _err(
            "error: "
            + translate("Cli", "{0} is not a SalesDesk data file or is damaged ({1})").format(
                path, exc
            )
        )
        return EXIT_FAILED
    code = EXIT_OK
    if problems == ["ok"]:
        print(translate("Cli", "integrity: ok"))
    else:
        count = len(problems)
        print(translate("Cli", "integrity: FAILED (%n problem(s))", None, count))
        for line in problems[:10]:
            print(f"  {line}")
        code = EXIT_FAILED
    if orphans:
        count = len(orphans)
        print(
            translate(
                "Cli", "foreign keys: FAILED (%n row(s) linked to a missing row)", None, count
            )
        )
        code = EXIT_FAILED
    else:
        print(translate("Cli", "foreign keys: ok"))
    state = found.state
    if state is SchemaState.CURRENT:
        print(translate("Cli", "schema: ok ({0})").format(found.revision))
    elif state is SchemaState.NEWER:
        _err(f"error: {NewerDataFileError(path, found, app_version())}")
        return code or EXIT_NEWER_FILE
    elif state is SchemaState.OUTDATED:
        print(
            translate(
                "Cli",
                "schema: {0}, older than {1} "
                "(SalesDesk upgrades it, after a backup, when it opens the file)",
            ).format(found.revision, SCHEMA_HEAD)
        )
        code = EXIT_FAILED
    else:
        print(translate("Cli", "schema: none (not a SalesDesk data file yet)"))
        code = EXIT_FAILED
    if found.app_version:
        print(translate("Cli", "last written by: SalesDesk {0}").format(found.app_version))
    return code


# -- the parser --------------------------------------------------------------------------
def _choices(enum_name: str) -> list[str]:
    from salesdesk.core import enums

    return [e.value for e in getattr(enums, enum_name)]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="salesdesk",
        description=translate(
            "Cli", "Offline call-logging desk. Without a command, opens the window."
        ),
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=translate("Cli", "folder of the data file (default: per user)"),
    )
    parser.add_argument(
        "--lang",
        choices=["ja", "en"],
        help=translate("Cli", "language of the window and of the commands' messages"),
    )
    from salesdesk import APP_NAME, app_version

    parser.add_argument("--version", action="version", version=f"{APP_NAME} {app_version()}")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=translate("Cli", "start, migrate, paint the window, quit (0 = works)"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help=translate("Cli", "add generated sample data"))
    demo.add_argument(
        "--prospects",
        type=int,
        default=200,
        metavar="N",
        help=translate("Cli", "how many prospects (default: 200)"),
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=0,
        metavar="S",
        help=translate("Cli", "the same seed makes the same data"),
    )
    demo.add_argument(
        "--force", action="store_true", help=translate("Cli", "even when there are prospects")
    )

    commands.add_parser(
        "check", help=translate("Cli", "integrity and schema state of the data file")
    )
    add_backup_parser(commands)

    prospect = commands.add_parser("prospect", help=translate("Cli", "add, list or show prospects"))
    prospect_cmds = prospect.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = prospect_cmds.add_parser("add", help=translate("Cli", "add a prospect; prints its id"))
    add.add_argument("--company", required=True, help=translate("Cli", "company name"))
    add.add_argument("--kana", default="", help=translate("Cli", "reading of the company name"))
    add.add_argument("--stage", choices=_choices("Stage"), default="lead")
    add.add_argument("--phone", default="")
    add.add_argument("--email", default="")
    add.add_argument("--address", default="")
    add.add_argument("--website", default="")
    add.add_argument("--notes", default="")
    add.add_argument("--customer", action="store_true", help=translate("Cli", "already a customer"))
    listing = prospect_cmds.add_parser("list", help=translate("Cli", "list prospects"))
    listing.add_argument(
        "--search", default="", help=translate("Cli", "width- and kana-blind search text")
    )
    listing.add_argument("--stage", choices=_choices("Stage"))
    listing.add_argument(
        "--due", action="store_true", help=translate("Cli", "follow-up due today or overdue")
    )
    listing.add_argument(
        "--limit", type=int, default=50, metavar="N", help=translate("Cli", "0: all")
    )
    listing.add_argument("--json", action="store_true", help=translate("Cli", "full rows as JSON"))
    show = prospect_cmds.add_parser(
        "show", help=translate("Cli", "a prospect with contacts and calls")
    )
    show.add_argument("id", help=translate("Cli", "id or unique id prefix"))
    show.add_argument(
        "--calls", type=int, default=10, metavar="N", help=translate("Cli", "last N calls")
    )
    show.add_argument("--json", action="store_true", help=translate("Cli", "as JSON"))

    contact = commands.add_parser("contact", help=translate("Cli", "add contacts"))
    contact_cmds = contact.add_subparsers(dest="action", metavar="ACTION", required=True)
    cadd = contact_cmds.add_parser(
        "add", help=translate("Cli", "add a contact to a prospect; prints its id")
    )
    cadd.add_argument(
        "--prospect",
        required=True,
        metavar="ID",
        help=translate("Cli", "prospect id or unique prefix"),
    )
    cadd.add_argument("--name", required=True, help=translate("Cli", "the contact's name"))
    cadd.add_argument("--kana", default="", help=translate("Cli", "reading of the name"))
    cadd.add_argument("--title", default="")
    cadd.add_argument("--department", default="")
    cadd.add_argument(
        "--decision-maker", action="store_true", help=translate("Cli", "has authority to decide")
    )
    cadd.add_argument("--phone", default="")
    cadd.add_argument("--email", default="")
    cadd.add_argument("--notes", default="")

    call = commands.add_parser("call", help=translate("Cli", "log calls"))
    call_cmds = call.add_subparsers(dest="action", metavar="ACTION", required=True)
    log = call_cmds.add_parser(
        "log",
        help=translate(
            "Cli", "log a call; needs a next step (--next-at, --next-what) or --no-next-step"
        ),
    )
    log.add_argument(
        "--prospect",
        required=True,
        metavar="ID",
        help=translate("Cli", "prospect id or unique prefix"),
    )
    log.add_argument("--kind", required=True, choices=_choices("InteractionKind"))
    log.add_argument(
        "--summary", required=True, help=translate("Cli", "one line on what the call was about")
    )
    log.add_argument("--channel", choices=_choices("Channel"), default="phone")
    log.add_argument("--outcome", choices=_choices("Outcome"), default="reached")
    log.add_argument(
        "--contact", metavar="ID", help=translate("Cli", "contact id or unique prefix")
    )
    log.add_argument("--notes", default="")
    log.add_argument(
        "--duration",
        type=int,
        metavar="MIN",
        help=translate("Cli", "length of the call in minutes"),
    )
    log.add_argument(
        "--small-yes",
        action="store_true",
        help=translate("Cli", "the customer agreed to a small step"),
    )
    log.add_argument(
        "--customer-initiated",
        action="store_true",
        help=translate("Cli", "the customer got in touch first"),
    )
    log.add_argument(
        "--next-at",
        metavar="WHEN",
        help=translate("Cli", "when the next step is due: 'YYYY-MM-DD HH:MM' local, or ISO 8601"),
    )
    log.add_argument("--next-what", metavar="TEXT", help=translate("Cli", "what the next step is"))
    log.add_argument("--next-kind", choices=_choices("InteractionKind"), default="other")
    log.add_argument(
        "--no-next-step", action="store_true", help=translate("Cli", "deliberately none")
    )
    cli_strength.add_parser(commands)
    cli_interchange.add_interchange_parsers(commands)
    cli_sheet.add_parser(commands)
    cli_deal.add_parser(commands)
    cli_items.add_parsers(commands)
    return parser


def _open(paths: Paths) -> Database:
    from salesdesk import app_version
    from salesdesk.core.schema import open_database

    paths.ensure()
    return open_database(paths.database, paths.backups, app_version())


def _run(args: argparse.Namespace, paths: Paths) -> int:
    from salesdesk.core.services import Services

    if args.command == "check":
        return _cmd_check(paths)
    if args.command == "backup":  # before _open: a restore must not open the file first
        return run_backup(args, paths)
    handlers: dict[tuple[str, str | None], Callable[[argparse.Namespace, Services], int]] = {
        ("demo", None): _cmd_demo,
        ("prospect", "add"): _cmd_prospect_add,
        ("prospect", "list"): _cmd_prospect_list,
        ("prospect", "show"): _cmd_prospect_show,
        ("contact", "add"): _cmd_contact_add,
        ("call", "log"): lambda a, s: _cmd_call_log(a, s, paths),
        **{("strength", action): cli_strength.run for action in ("show", "set")},
        **cli_interchange.handlers(paths),
        **cli_deal.handlers(paths),
        **cli_items.handlers(paths),
        ("sheet", None): lambda a, s: cli_sheet.run(a, s, paths),
    }
    handler = handlers[(args.command, getattr(args, "action", None))]
    db = _open(paths)
    try:
        return handler(args, Services(db))
    finally:
        db.close()


class _QuietParser(argparse.ArgumentParser):
    """Raises instead of printing a usage error (the full parser then explains it)."""

    def error(self, message: str) -> NoReturn:
        raise ValueError(message)


def _window_arguments(argv: list[str] | None) -> argparse.Namespace | None:
    """The options of a plain window start (no command), read without building the whole
    command-line parser (~8 ms of the start-up); None when there is more to read."""
    quick = _QuietParser(add_help=False, allow_abbrev=False)
    quick.add_argument("--data-dir")
    quick.add_argument("--lang", choices=["ja", "en"])
    quick.add_argument("--smoke", action="store_true")
    try:
        args, rest = quick.parse_known_args(argv)
    except ValueError:  # e.g. a bad --lang: the full parser says what is wrong
        return None
    if rest:
        return None
    args.command = None
    return args


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``salesdesk`` and ``python -m salesdesk``; returns the exit code."""
    args = _window_arguments(argv)
    if args is None:
        from salesdesk.cli_i18n import messages_in_language

        with messages_in_language(sys.argv[1:] if argv is None else argv):
            parser = build_parser()
            try:
                args = parser.parse_args(argv)
            except SystemExit as exc:  # --help, or a usage error already printed by argparse
                return exc.code if isinstance(exc.code, int) else EXIT_REFUSED
            if args.command is not None and not args.smoke:
                return _command(args)
    if args.smoke:  # checks an installed bundle: a fresh temporary data dir unless given
        from salesdesk.ui.smoke import run_smoke

        return run_smoke(args.data_dir, args.lang)
    from salesdesk.ui.app import run_gui

    return run_gui(_started_paths(args), args.lang)


def _started_paths(args: argparse.Namespace) -> Paths:
    from salesdesk.profile import first_start

    paths = resolve_paths(args.data_dir)
    first_start(paths)  # a per-employee build's first start adopts the bundled profile
    return paths


def _command(args: argparse.Namespace) -> int:
    """Run a headless command; its messages are in the language installed for it."""
    paths = _started_paths(args)
    from salesdesk.core.db import StorageError
    from salesdesk.core.schema import MigrationError, NewerDataFileError
    from salesdesk.core.validation import NotFoundError, ValidationError

    _utf8_when_piped(sys.stdout)
    try:
        return _run(args, paths)
    except ValidationError as exc:
        fields, messages = _fields(), _messages()
        for field, code in exc.errors.items():
            _err(f"{fields.get(field, field)}: {messages.get(code, code)}")
        return EXIT_REFUSED
    except NotFoundError as exc:
        _err("error: " + translate("Cli", "no record with id {0}").format(exc))
        return EXIT_REFUSED
    except Refused as exc:
        _err(f"error: {exc}")
        return EXIT_REFUSED
    except NewerDataFileError as exc:
        _err(f"error: {exc}")
        return EXIT_NEWER_FILE
    except (MigrationError, StorageError, sqlite3.DatabaseError) as exc:
        _err(f"error: {paths.database}: {exc}")
        return EXIT_FAILED
    except BrokenPipeError:  # `salesdesk prospect list | head`: the reader has had enough
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit does not fail again
        return EXIT_OK
