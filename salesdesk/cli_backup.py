"""``salesdesk backup list|create|restore ID``: the backups, from a terminal.

Backups are made through SQLite's backup API into the data folder's ``backups``
folder; ``restore`` backs the current file up first, so it can itself be undone.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from salesdesk.config import Paths

EXIT_OK, EXIT_FAILED, EXIT_REFUSED = 0, 1, 2


def add_backup_parser(commands: Any) -> None:
    """Register ``backup`` on the sub-parsers object of ``salesdesk``'s parser."""
    backup = commands.add_parser("backup", help="list, create or restore backups")
    actions = backup.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="backups with date and counts, newest first")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    actions.add_parser("create", help="back up the data file now; prints the new backup's id")
    restore = actions.add_parser(
        "restore", help="replace the data file with a backup (the current file is backed up first)"
    )
    restore.add_argument("id", metavar="ID", help="a backup id from 'backup list' (a prefix works)")


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
            print(f"no backups in {paths.backups}")
            return EXIT_OK
        print(
            f"{'ID':<15}  {'TAKEN (local time)':<16}  {'KIND':<13}  {'PROSPECTS':>9}  {'CALLS':>7}"
        )
        for i in infos:
            taken = i.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
            prospects = "?" if i.prospects is None else str(i.prospects)
            calls = "?" if i.calls is None else str(i.calls)
            print(f"{i.id:<15}  {taken:<16}  {i.kind:<13}  {prospects:>9}  {calls:>7}")
        return EXIT_OK
    if not paths.database.exists() and args.action == "create":
        print(f"error: there is no data file at {paths.database}", file=sys.stderr)
        return EXIT_FAILED
    try:
        if args.action == "create":
            made = b.backup_database(paths.database, paths.backups, b.MANUAL)
            b.rotate_backups(paths.backups, b.utc_now())
            info = b.find_backup(paths.backups, made.name)
            print(info.id)
            print(f"backed up {info.prospects} prospects, {info.calls} calls to {made}")
            return EXIT_OK
        try:
            chosen = b.find_backup(paths.backups, args.id)
        except LookupError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_REFUSED
        before = b.restore_backup(chosen.path, paths.database, paths.backups)
    except b.BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"restored the backup {chosen.id} ({chosen.prospects} prospects, {chosen.calls} calls)")
    if before is not None:
        print(f"the data file from before the restore was backed up as {before.name}")
    return EXIT_OK
