"""``salesdesk backup list|create|restore ID``: the backups, from a terminal.

Backups are made through SQLite's backup API into the data folder's ``backups``
folder; ``restore`` backs the current file up first, so it can itself be undone.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from typing import Any

from salesdesk.cli_i18n import translate
from salesdesk.config import Paths

EXIT_OK, EXIT_FAILED, EXIT_REFUSED = 0, 1, 2


def add_backup_parser(commands: Any) -> None:
    """Register ``backup`` on the sub-parsers object of ``salesdesk``'s parser."""
    backup = commands.add_parser(
        "backup", help=translate("CliBackup", "list, create or restore backups")
    )
    actions = backup.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list", help=translate("CliBackup", "backups with date and counts, newest first")
    )
    listing.add_argument(
        "--json", action="store_true", help=translate("CliBackup", "machine-readable output")
    )
    actions.add_parser(
        "create",
        help=translate("CliBackup", "back up the data file now; prints the new backup's id"),
    )
    restore = actions.add_parser(
        "restore",
        help=translate(
            "CliBackup",
            "replace the data file with a backup (the current file is backed up first)",
        ),
    )
    restore.add_argument(
        "id",
        metavar="ID",
        help=translate("CliBackup", "a backup id from 'backup list' (a prefix works)"),
    )


def _width(text: str) -> int:
    """Terminal columns ``text`` takes (East Asian wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(text: str, width: int, right: bool = False) -> str:
    """``text`` padded to ``width`` terminal columns, on the left when ``right``."""
    space = " " * max(0, width - _width(text))
    return space + text if right else text + space


def run_backup(args: argparse.Namespace, paths: Paths) -> int:
    """Run ``salesdesk backup ...``; returns the exit code."""
    from salesdesk.core import backup as b

    if args.action == "list":
        infos = b.list_backups(paths.backups)
        if args.json:
            import json

            rows = [
                {
                    "id": i.id,
                    "file": str(i.path),
                    "kind": i.kind,
                    "taken_at": i.taken_at.isoformat(),
                    "prospects": i.prospects,
                    "calls": i.calls,
                    "size": i.size,
                }
                for i in infos
            ]
            print(json.dumps(rows, ensure_ascii=False, indent=2))
            return EXIT_OK
        if not infos:
            print(translate("CliBackup", "no backups in {0}").format(paths.backups))
            return EXIT_OK
        headers = [
            "ID",
            translate("CliBackup", "TAKEN (local time)"),
            translate("CliBackup", "KIND"),
            translate("CliBackup", "PROSPECTS"),
            translate("CliBackup", "CALLS"),
        ]
        table = [
            [
                i.id,
                i.taken_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                i.kind,
                "?" if i.prospects is None else str(i.prospects),
                "?" if i.calls is None else str(i.calls),
            ]
            for i in infos
        ]
        widths = [max(_width(line[c]) for line in [headers, *table]) for c in range(5)]
        for line in [headers, *table]:
            cells = [_cell(line[c], widths[c], right=c >= 3) for c in range(5)]
            print("  ".join(cells).rstrip())
        return EXIT_OK
    if not paths.database.exists() and args.action == "create":
        message = translate("CliBackup", "there is no data file at {0}").format(paths.database)
        print("error: " + message, file=sys.stderr)
        return EXIT_FAILED
    try:
        if args.action == "create":
            made = b.backup_database(paths.database, paths.backups, b.MANUAL)
            b.rotate_backups(paths.backups, b.utc_now())
            info = b.find_backup(paths.backups, made.name)
            print(info.id)
            print(
                translate("CliBackup", "backed up {0}, {1} to {2}").format(
                    *_counts(info.prospects, info.calls), made
                )
            )
            return EXIT_OK
        try:
            chosen = b.find_backup(paths.backups, args.id)
        except LookupError:
            print("error: " + _not_one(args.id, b.list_backups(paths.backups)), file=sys.stderr)
            return EXIT_REFUSED
        before = b.restore_backup(chosen.path, paths.database, paths.backups)
    except b.BackupError as exc:
        if args.action == "create":
            message = translate("CliBackup", "the backup failed: {0}")
        else:
            message = translate("CliBackup", "the backup was not restored: {0}")
        print("error: " + message.format(exc), file=sys.stderr)
        return EXIT_FAILED
    print(
        translate("CliBackup", "restored the backup {0} ({1}, {2})").format(
            chosen.id, *_counts(chosen.prospects, chosen.calls)
        )
    )
    if before is not None:
        print(
            translate(
                "CliBackup", "the data file from before the restore was backed up as {0}"
            ).format(before.name)
        )
    return EXIT_OK


def _not_one(backup_id: str, infos: list[Any]) -> str:
    """Why ``backup_id`` names no single backup: none has it, or several start with it."""
    wanted = backup_id.strip().replace("-", "").upper()
    several = sum(1 for i in infos if wanted and i.stamp.startswith(wanted))
    if several > 1:
        return translate(
            "CliBackup", "%n backups match {0}; give more of the id", None, several
        ).format(backup_id)
    return translate("CliBackup", "no backup with id {0}").format(backup_id)


def _counts(prospects: int | None, calls: int | None) -> tuple[str, str]:
    """A backup's prospects and calls in words ("3 prospects", "1 call"); "?" for a
    count that could not be read from it."""
    return (
        translate("CliBackup", "? prospects")
        if prospects is None
        else translate("CliBackup", "%n prospect(s)", None, prospects),
        translate("CliBackup", "? calls")
        if calls is None
        else translate("CliBackup", "%n call(s)", None, calls),
    )
